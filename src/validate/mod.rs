//! Every rule on user input, in one place. Each `check_*` function takes what a
//! form sent (text as typed) and returns the clean `New*` value storage writes,
//! or [`Error::Validation`] listing every field to fix, each with a French
//! message. Nothing here touches the database: rules that need it (does this
//! cohort exist?) live in `store` and use the same error shape.

mod dispositif;
mod fields;
mod indicator14;
mod indicator29;
mod proofs;

use crate::error::{Error, FieldError, Result};
use crate::model::*;

pub use dispositif::*;
use fields::Form;
pub use fields::{parse_date, parse_duration, parse_time};
pub use indicator14::*;
pub use indicator29::*;
pub use proofs::*;

pub fn check_organisation(input: &OrganisationInput) -> Result<Organisation> {
    let mut f = Form::default();
    let organisation = Organisation {
        name: f.required("name", &input.name, "Le nom du CFA", 200),
        siret: f.siret("siret", &input.siret),
        uai: f.uai("uai", &input.uai),
        nda: f.nda("nda", &input.nda),
        address: f.optional("address", &input.address, 300),
        postal_code: f.postal_code("postalCode", &input.postal_code),
        city: f.optional("city", &input.city, 100),
    };
    f.finish(organisation)
}

pub fn check_programme(input: &ProgrammeInput) -> Result<NewProgramme> {
    let mut f = Form::default();
    let programme = NewProgramme {
        code: f.required("code", &input.code, "Le code de la filière", 20),
        name: f.required("name", &input.name, "L’intitulé de la filière", 200),
        diploma_code: f.diploma_code("diplomaCode", &input.diploma_code),
        rncp_code: f.rncp_code("rncpCode", &input.rncp_code),
        level: f.level("level", &input.level),
    };
    f.finish(programme)
}

pub fn check_cohort(input: &CohortInput) -> Result<NewCohort> {
    let mut f = Form::default();
    let programme_id = f.reference(
        "programmeId",
        input.programme_id,
        "Choisissez la filière de cette promo.",
    );
    let label = f.required("label", &input.label, "Le nom de la promo", 100);
    let start_date = f.date("startDate", &input.start_date, true);
    let end_date = f.date("endDate", &input.end_date, true);
    if let (Some(start), Some(end)) = (start_date, end_date) {
        if end <= start {
            f.error("endDate", "La fin de la promo doit venir après son début.");
        } else if (end - start).num_days() > 6 * 366 {
            f.error(
                "endDate",
                "Une promo dure au plus six ans : vérifiez les dates.",
            );
        }
    }
    match (programme_id, start_date, end_date) {
        (Some(programme_id), Some(start_date), Some(end_date)) if f.is_clean() => Ok(NewCohort {
            programme_id,
            label,
            start_date,
            end_date,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_staff(input: &StaffInput) -> Result<NewStaff> {
    let mut f = Form::default();
    let first_name = f.required("firstName", &input.first_name, "Le prénom", 100);
    let last_name = f.required("lastName", &input.last_name, "Le nom", 100);
    let role = f.choice(
        "role",
        &input.role,
        StaffRole::from_code,
        "Choisissez un rôle.",
    );
    let email = f.email("email", &input.email);
    let phone = f.phone("phone", &input.phone);
    match role {
        Some(role) if f.is_clean() => Ok(NewStaff {
            first_name,
            last_name,
            role,
            email,
            phone,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_apprentice(input: &ApprenticeInput) -> Result<NewApprentice> {
    let mut f = Form::default();
    let cohort_id = f.reference(
        "cohortId",
        input.cohort_id,
        "Choisissez la promo de l’apprenti(e).",
    );
    let first_name = f.required("firstName", &input.first_name, "Le prénom", 100);
    let last_name = f.required("lastName", &input.last_name, "Le nom", 100);
    let birth_date = f.date("birthDate", &input.birth_date, false);
    let email = f.email("email", &input.email);
    let phone = f.phone("phone", &input.phone);
    let employer = f.optional("employer", &input.employer, 200);
    let employer_siret = f.siret("employerSiret", &input.employer_siret);
    let contract_start = f.date("contractStart", &input.contract_start, false);
    let contract_end = f.date("contractEnd", &input.contract_end, false);
    let status = if input.status.trim().is_empty() {
        Some(ApprenticeStatus::InTraining)
    } else {
        f.choice(
            "status",
            &input.status,
            ApprenticeStatus::from_code,
            "Choisissez un statut.",
        )
    };
    if let (Some(start), Some(end)) = (contract_start, contract_end) {
        if end <= start {
            f.error(
                "contractEnd",
                "La fin du contrat doit venir après son début.",
            );
        }
    }
    let exit_date = f.date("exitDate", &input.exit_date, false);
    let referent_since = f.date("referentSince", &input.referent_since, false);
    match (status, exit_date) {
        (Some(s), None) if s.has_left() => f.error(
            "exitDate",
            "Indiquez la date de sortie : c’est elle qui date les questionnaires de suivi.",
        ),
        (Some(ApprenticeStatus::InTraining), Some(_)) => f.error(
            "status",
            "Une date de sortie est saisie : choisissez le motif de sortie, ou effacez la date.",
        ),
        _ => {}
    }
    if let (Some(exit), Some(start)) = (exit_date, contract_start) {
        if exit < start {
            f.error(
                "exitDate",
                "La sortie ne peut pas précéder le début du contrat.",
            );
        }
    }
    if let Some(birth) = birth_date {
        if birth < fields::date(1940, 1, 1) {
            f.error(
                "birthDate",
                "Date de naissance improbable : vérifiez l’année.",
            );
        } else if let Some(start) = contract_start {
            if birth + chrono::Months::new(14 * 12) > start {
                f.error(
                    "birthDate",
                    "Un(e) apprenti(e) a au moins 14 ans au début du contrat : vérifiez la date.",
                );
            }
        }
    }
    match (cohort_id, status) {
        (Some(cohort_id), Some(status)) if f.is_clean() => Ok(NewApprentice {
            cohort_id,
            first_name,
            last_name,
            birth_date,
            email,
            phone,
            employer,
            employer_siret,
            contract_start,
            contract_end,
            status,
            exit_date,
            referent_id: input.referent_id,
            referent_since,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_partner(input: &PartnerInput) -> Result<NewPartner> {
    let mut f = Form::default();
    let name = f.required("name", &input.name, "Le nom du partenaire", 200);
    let kind = f.choice(
        "kind",
        &input.kind,
        PartnerKind::from_code,
        "Choisissez le type de partenaire.",
    );
    let contact_name = f.optional("contactName", &input.contact_name, 200);
    let contact_email = f.email("contactEmail", &input.contact_email);
    let contact_phone = f.phone("contactPhone", &input.contact_phone);
    let city = f.optional("city", &input.city, 100);
    let notes = f.optional("notes", &input.notes, 5000);
    match kind {
        Some(kind) if f.is_clean() => Ok(NewPartner {
            name,
            kind,
            contact_name,
            contact_email,
            contact_phone,
            city,
            notes,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_agreement(input: &AgreementInput) -> Result<NewAgreement> {
    let mut f = Form::default();
    let partner_id = f.reference(
        "partnerId",
        input.partner_id,
        "Choisissez le partenaire signataire.",
    );
    let title = f.required("title", &input.title, "L’intitulé de la convention", 200);
    let signed_on = f.date("signedOn", &input.signed_on, true);
    let valid_until = f.date("validUntil", &input.valid_until, false);
    if let (Some(signed), Some(until)) = (signed_on, valid_until) {
        if until < signed {
            f.error(
                "validUntil",
                "La fin de validité ne peut pas précéder la signature.",
            );
        }
    }
    match (partner_id, signed_on) {
        (Some(partner_id), Some(signed_on)) if f.is_clean() => Ok(NewAgreement {
            partner_id,
            title,
            signed_on,
            valid_until,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_action(input: &ActionInput) -> Result<NewAction> {
    let mut f = Form::default();
    let kind = f.choice(
        "kind",
        &input.kind,
        ActionKind::from_code,
        "Choisissez le type d’action.",
    );
    let title = f.required("title", &input.title, "L’intitulé de l’action", 200);
    let start_date = f.date("startDate", &input.start_date, true);
    let end_date = f.date("endDate", &input.end_date, false);
    if let (Some(start), Some(end)) = (start_date, end_date) {
        if end < start {
            f.error(
                "endDate",
                "La date de fin ne peut pas précéder la date de début.",
            );
        }
    }
    let start_time = f.time("startTime", &input.start_time);
    let duration_minutes = f.duration("duration", &input.duration);
    let feedback_score = f.score("feedbackScore", &input.feedback_score);
    if !input.indicator14 && !input.indicator29 {
        f.error(
            "indicator29",
            "Une action compte pour l’indicateur 14, le 29, ou les deux : cochez-en au moins un.",
        );
    }
    if input.cohort_ids.is_empty() {
        f.error(
            "cohortIds",
            "Choisissez au moins une promo visée : c’est elle qui donne la liste d’émargement.",
        );
    }
    let mut seen = std::collections::HashSet::new();
    for mark in &input.attendance {
        if !seen.insert(mark.apprentice_id) {
            f.error(
                "attendance",
                "Un(e) apprenti(e) figure deux fois dans l’émargement.",
            );
            break;
        }
        if mark.signed && !mark.present {
            f.error(
                "attendance",
                "Un(e) apprenti(e) absent(e) ne peut pas avoir signé l’émargement.",
            );
            break;
        }
    }
    let action = NewAction {
        kind: kind.unwrap_or(ActionKind::OfferRelay),
        title,
        start_date: start_date.unwrap_or_default(),
        end_date,
        start_time,
        duration_minutes,
        place: f.optional("place", &input.place, 200),
        public: f.optional("public", &input.public, 300),
        content: f.optional("content", &input.content, 10_000),
        indicator14: input.indicator14,
        indicator29: input.indicator29,
        feedback_score,
        feedback_comments: f.optional("feedbackComments", &input.feedback_comments, 10_000),
        cohort_ids: dedup(&input.cohort_ids),
        speaker_staff_ids: dedup(&input.speaker_staff_ids),
        speaker_partner_ids: dedup(&input.speaker_partner_ids),
        co_organiser_ids: dedup(&input.co_organiser_ids),
        objective_ids: dedup(&input.objective_ids),
        attendance: input.attendance.clone(),
    };
    f.finish(action)
}

pub(crate) fn dedup(ids: &[Id]) -> Vec<Id> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A validation error on one field, for rules checked elsewhere (storage).
pub fn field_error(field: &str, message: impl Into<String>) -> Error {
    Error::Validation(vec![FieldError::new(field, message)])
}

/// A school year sent by the UI or the command line, « 2025-2026 ».
pub fn check_school_year(text: &str) -> Result<SchoolYear> {
    SchoolYear::parse(text).ok_or_else(|| {
        field_error(
            "schoolYear",
            format!("« {text} » n’est pas une année scolaire : écrivez par exemple 2025-2026."),
        )
    })
}

#[cfg(test)]
mod tests;
