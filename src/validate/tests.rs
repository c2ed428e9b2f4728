//! Validation rules as data: each case names the input and the expected outcome.

use super::*;

fn errors(result: Result<impl std::fmt::Debug>) -> Vec<(String, String)> {
    match result {
        Err(Error::Validation(errors)) => {
            errors.into_iter().map(|e| (e.field, e.message)).collect()
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn dates_are_read_as_french_day_first() {
    assert_eq!(parse_date("05/09/2025"), Ok(fields::date(2025, 9, 5)));
    assert_eq!(parse_date("5/9/2025"), Ok(fields::date(2025, 9, 5)));
    assert_eq!(parse_date("2025-09-05"), Ok(fields::date(2025, 9, 5)));
    assert_eq!(
        parse_date("31/02/2025").unwrap_err(),
        "Le 31/02/2025 n’existe pas : vérifiez le jour et le mois."
    );
    assert!(parse_date("hier").unwrap_err().contains("jj/mm/aaaa"));
    assert!(
        parse_date("05/09/25").is_err(),
        "two-digit years are ambiguous"
    );
}

#[test]
fn durations_accept_the_ways_people_write_them() {
    assert_eq!(parse_duration("2 h 30"), Ok(150));
    assert_eq!(parse_duration("2h"), Ok(120));
    assert_eq!(parse_duration("1,5 h"), Ok(90));
    assert_eq!(parse_duration("45 min"), Ok(45));
    assert_eq!(parse_duration("90"), Ok(90));
    assert!(parse_duration("2 h 75").is_err());
    assert!(parse_duration("0").is_err());
    assert!(parse_duration("beaucoup").is_err());
}

#[test]
fn empty_programme_names_every_missing_field() {
    let found = errors(check_programme(&ProgrammeInput::default()));
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["code", "name"]);
    assert_eq!(found[0].1, "Le code de la filière est obligatoire.");
}

#[test]
fn programme_codes_are_normalised() {
    let programme = check_programme(&ProgrammeInput {
        code: "  BTS   MCO ".into(),
        name: "BTS Management commercial opérationnel".into(),
        diploma_code: "320 312 13".into(),
        rncp_code: "38362".into(),
        level: "5".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(programme.code, "BTS MCO");
    assert_eq!(programme.diploma_code.as_deref(), Some("32031213"));
    assert_eq!(programme.rncp_code.as_deref(), Some("RNCP38362"));
    assert_eq!(programme.level, Some(5));
}

#[test]
fn bad_identifiers_get_french_messages() {
    let found = errors(check_organisation(&OrganisationInput {
        name: "CFA".into(),
        siret: "12345678901234".into(),
        uai: "75A".into(),
        nda: "123".into(),
        postal_code: "7500".into(),
        ..Default::default()
    }));
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["siret", "uai", "nda", "postalCode"]);
    assert!(found[0].1.contains("clé de contrôle"), "{}", found[0].1);
}

#[test]
fn a_valid_siret_passes_the_luhn_check() {
    // 732 829 320 00074: a published SIRET whose Luhn sum is a multiple of 10.
    let organisation = check_organisation(&OrganisationInput {
        name: "CFA des Métiers".into(),
        siret: "732 829 320 00074".into(),
        uai: "0751234a".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(organisation.siret.as_deref(), Some("73282932000074"));
    assert_eq!(organisation.uai.as_deref(), Some("0751234A"));
}

#[test]
fn cohort_must_end_after_it_starts() {
    let found = errors(check_cohort(&CohortInput {
        programme_id: Some(Id(1)),
        label: "Promo 2025".into(),
        start_date: "01/09/2025".into(),
        end_date: "01/09/2024".into(),
        ..Default::default()
    }));
    assert_eq!(
        found,
        [(
            "endDate".to_owned(),
            "La fin de la promo doit venir après son début.".to_owned()
        )]
    );
}

#[test]
fn phones_are_normalised_to_pairs() {
    let staff = check_staff(&StaffInput {
        first_name: "Inès".into(),
        last_name: "Moreau".into(),
        role: "referent".into(),
        phone: "+33 6 12 34 56 78".into(),
        email: " Ines.Moreau@CFA.fr ".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(staff.phone.as_deref(), Some("06 12 34 56 78"));
    assert_eq!(staff.email.as_deref(), Some("ines.moreau@cfa.fr"));
}

#[test]
fn bad_contact_details_are_refused() {
    let found = errors(check_partner(&PartnerInput {
        name: "Mission locale".into(),
        kind: "mission_locale".into(),
        contact_email: "pas-un-mail".into(),
        contact_phone: "12".into(),
        ..Default::default()
    }));
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["contactEmail", "contactPhone"]);
}

#[test]
fn action_needs_an_indicator_a_cohort_and_coherent_attendance() {
    let found = errors(check_action(&ActionInput {
        kind: "cv_workshop".into(),
        title: "Atelier CV".into(),
        start_date: "12/10/2025".into(),
        end_date: "11/10/2025".into(),
        feedback_score: "7".into(),
        attendance: vec![AttendanceMark {
            apprentice_id: Id(1),
            present: false,
            signed: true,
        }],
        ..Default::default()
    }));
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "endDate",
            "feedbackScore",
            "indicator29",
            "cohortIds",
            "attendance"
        ]
    );
}

#[test]
fn a_complete_action_is_accepted() {
    let action = check_action(&ActionInput {
        kind: "interview_simulation".into(),
        title: "  Simulation d’entretien  ".into(),
        start_date: "14/11/2025".into(),
        start_time: "14 h 30".into(),
        duration: "3 h".into(),
        feedback_score: "4,25".into(),
        indicator29: true,
        cohort_ids: vec![Id(2), Id(1), Id(2)],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(action.title, "Simulation d’entretien");
    assert_eq!(action.duration_minutes, Some(180));
    assert_eq!(action.feedback_score, Some(4.3));
    assert_eq!(
        action.cohort_ids,
        [Id(1), Id(2)],
        "cohorts are deduplicated and sorted"
    );
}

#[test]
fn white_space_is_folded_but_non_breaking_spaces_are_kept() {
    let programme = check_programme(&ProgrammeInput {
        code: " BTS \t MCO ".into(),
        name: "Atelier\u{a0}:  débat".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(programme.code, "BTS MCO");
    assert_eq!(
        programme.name, "Atelier\u{a0}: débat",
        "French typography survives a save"
    );
}

#[test]
fn a_file_without_a_kind_gets_what_such_a_file_is_on_such_a_record() {
    use crate::model::{ProofKind as K, ProofMedia as M, RecordKind as R};
    let cases = [
        (Some(R::Action), Some(M::Pdf), K::AttendanceSheet),
        (Some(R::Action), Some(M::Jpeg), K::Photo),
        (Some(R::Agreement), Some(M::Pdf), K::Agreement),
        (Some(R::ExitSurvey), Some(M::Pdf), K::Questionnaire),
        (Some(R::NonConformity), Some(M::Pdf), K::Report),
        (Some(R::AnnualReview), Some(M::Pdf), K::Report),
        (Some(R::Partner), Some(M::Pdf), K::Other),
        (Some(R::Action), Some(M::Office), K::Other),
        (Some(R::SupportResource), Some(M::Png), K::Photo),
        (None, None, K::Other),
    ];
    for (record, media, expected) in cases {
        assert_eq!(
            default_kind(record, media),
            expected,
            "{record:?} {media:?}"
        );
    }
}
