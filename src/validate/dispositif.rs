//! Rules on the standing documents of the « dispositif » and their versions.

use chrono::NaiveDate;

use super::fields::Form;
use super::proofs::display_name;
use crate::error::Result;
use crate::model::*;

pub fn check_standing_document(input: &StandingDocumentInput) -> Result<NewStandingDocument> {
    let mut f = Form::default();
    let kind = f.choice(
        "kind",
        &input.kind,
        StandingDocumentKind::from_code,
        "Choisissez la nature du document (procédure, fiche de poste, calendrier…).",
    );
    let title = f.required("title", &input.title, "Le titre", 200);
    let notes = f.optional("notes", &input.notes, 2000);
    match kind {
        Some(kind) if f.is_clean() => Ok(NewStandingDocument {
            kind,
            title,
            programme_id: input.programme_id,
            notes,
        }),
        _ => Err(f.into_error()),
    }
}

/// Checks a new version's label, date and note; `today` fills an empty date.
pub fn check_version(
    input: &VersionInput,
    original_name: &str,
    today: NaiveDate,
) -> Result<NewVersion> {
    let mut f = Form::default();
    let version = f.optional("version", &input.version, 40);
    let issued_on = f.date("issuedOn", &input.issued_on, false).unwrap_or(today);
    // The version in force is the latest: one dated later would show as in
    // force before its day. It is added on the day it comes into force.
    if issued_on > today {
        f.error(
            "issuedOn",
            "Une version s’ajoute le jour où elle entre en vigueur : cette date est dans le futur.",
        );
    }
    let note = f.optional("note", &input.note, 500);
    f.finish(NewVersion {
        document_id: input.document_id,
        version,
        issued_on,
        note,
        original_name: display_name(original_name),
    })
}
