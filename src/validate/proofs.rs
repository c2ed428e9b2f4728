//! Rules on attaching a proof: its record, kind, title, date, and the file's
//! own name (shown to people, never used as a path).

use chrono::NaiveDate;

use super::fields::Form;
use crate::error::Result;
use crate::model::*;

/// Largest file accepted as a proof (a scanned dossier fits; a video does not).
pub const PROOF_MAX_BYTES: u64 = 100 * 1024 * 1024;

/// Checks what a person gave with a file. `media` is what its first bytes
/// say it is (or why it is refused); `today` fills an empty date.
pub fn check_proof(
    input: &ProofInput,
    original_name: &str,
    media: std::result::Result<ProofMedia, String>,
    today: NaiveDate,
) -> Result<NewProof> {
    let mut f = Form::default();
    let record_kind = f.choice(
        "recordKind",
        &input.record_kind,
        RecordKind::from_code,
        "Ce type de fiche ne reçoit pas de pièces justificatives.",
    );
    let media = match media {
        Ok(media) => Some(media),
        Err(message) => {
            f.error("file", message);
            None
        }
    };
    let kind = if input.kind.trim().is_empty() {
        Some(default_kind(record_kind, media))
    } else {
        f.choice(
            "kind",
            &input.kind,
            ProofKind::from_code,
            "Choisissez le type de pièce (feuille d’émargement, compte rendu, photo…).",
        )
    };
    let original_name = display_name(original_name);
    let title = match input.title.trim() {
        "" => stem(&original_name),
        typed => typed.to_owned(),
    };
    let title = f.required("title", &title, "Le titre", 200);
    let date = f.date("date", &input.date, false).unwrap_or(today);
    match (record_kind, kind) {
        (Some(record_kind), Some(kind)) if f.is_clean() => Ok(NewProof {
            record_kind,
            record_id: input.record_id,
            kind,
            title,
            date,
            original_name,
        }),
        _ => Err(f.into_error()),
    }
}

/// The kind a file gets when the person chose none: what such a file
/// usually is on such a record — a PDF on an action is its signed attendance
/// sheet, on an agreement the signed agreement, on an exit questionnaire the
/// form as returned; an image is a photo; anything else « autre ».
pub fn default_kind(record: Option<RecordKind>, media: Option<ProofMedia>) -> ProofKind {
    match (record, media) {
        (_, Some(ProofMedia::Jpeg | ProofMedia::Png)) => ProofKind::Photo,
        (Some(RecordKind::Action), Some(ProofMedia::Pdf)) => ProofKind::AttendanceSheet,
        (Some(RecordKind::Agreement), Some(ProofMedia::Pdf)) => ProofKind::Agreement,
        (Some(RecordKind::ExitSurvey), Some(ProofMedia::Pdf)) => ProofKind::Questionnaire,
        (Some(RecordKind::NonConformity | RecordKind::AnnualReview), Some(ProofMedia::Pdf)) => {
            ProofKind::Report
        }
        _ => ProofKind::Other,
    }
}

/// The last component of a name as a person's system gave it, without
/// control characters, at most 200 characters: for display only.
pub fn display_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    match clean.trim() {
        "" => "fichier".to_owned(),
        trimmed => trimmed.to_owned(),
    }
}

fn stem(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.trim().is_empty() => stem.trim().to_owned(),
        _ => name.to_owned(),
    }
}

/// What a file holds, from its first bytes; an office document is accepted
/// from its container (ZIP or OLE) and an office extension. Anything else is
/// refused with the reason.
pub fn proof_media(name: &str, bytes: &[u8]) -> std::result::Result<ProofMedia, String> {
    if bytes.is_empty() {
        return Err("Le fichier est vide.".into());
    }
    if bytes.len() as u64 > PROOF_MAX_BYTES {
        return Err(format!(
            "Le fichier est trop gros ({} Mo au plus).",
            PROOF_MAX_BYTES / (1024 * 1024)
        ));
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok(ProofMedia::Pdf);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ProofMedia::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(ProofMedia::Png);
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let office = OFFICE_EXTENSIONS.contains(&extension.as_str());
    let container = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if office && container {
        return Ok(ProofMedia::Office);
    }
    if office {
        return Err(format!(
            "Ce fichier porte l’extension « .{extension} » mais n’est pas un document bureautique valide."
        ));
    }
    Err(
        "Ce type de fichier n’est pas accepté : PDF, JPEG, PNG ou document bureautique \
         (Word, Excel, PowerPoint, LibreOffice)."
            .into(),
    )
}

/// Extensions of the office documents kept as they are.
pub const OFFICE_EXTENSIONS: &[&str] = &[
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
];
