//! The « dossier individuel » of one apprentice as a document: identity and
//! contract, référents, the chronology, actions with presence, signature and
//! scores, follow-ups, exit questionnaires.

use chrono::NaiveDateTime;

use crate::document::model::*;
use crate::format::date;
use crate::model::{ApprenticeFile, FollowUpKind, Organisation};
use crate::support::presence;

fn or_dash(value: Option<String>) -> String {
    value
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "—".into())
}

fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph {
        runs: vec![Run::plain(text)],
        id: None,
    }
}

/// The document model of an apprentice's file, as of `generated` (the
/// footer says when it was printed).
pub fn individual_file(
    organisation: Option<&Organisation>,
    file: &ApprenticeFile,
    generated: NaiveDateTime,
) -> DocumentModel {
    let a = &file.apprentice;
    let who = format!("{} {}", a.first_name, a.last_name.to_uppercase());
    let cfa = organisation.map_or_else(|| "CFA".to_owned(), |o| o.name.clone());
    let mut sections = Vec::new();

    let mut identity = vec![
        Field::new("Apprenti(e)", who.clone()),
        Field::new(
            "Filière",
            format!("{} — {}", file.programme_code, file.programme_title),
        ),
        Field::new(
            "Promo",
            format!(
                "{} (du {} au {})",
                file.cohort_label,
                date(file.cohort_start),
                date(file.cohort_end)
            ),
        ),
        Field::new("Né(e) le", or_dash(a.birth_date.map(date))),
        Field::new("E-mail", or_dash(a.email.clone())),
        Field::new("Téléphone", or_dash(a.phone.clone())),
        Field::new("Employeur", or_dash(a.employer.clone())),
        Field::new(
            "Contrat",
            match (a.contract_start, a.contract_end) {
                (Some(s), Some(e)) => format!("du {} au {}", date(s), date(e)),
                (Some(s), None) => format!("depuis le {}", date(s)),
                (None, Some(e)) => format!("jusqu’au {}", date(e)),
                (None, None) => "—".into(),
            },
        ),
        Field::new(
            "Situation",
            match a.exit_date {
                Some(exit) => format!("{}, sorti(e) le {}", a.status.label(), date(exit)),
                None => a.status.label().to_owned(),
            },
        ),
        Field::new(
            "Participation",
            format!(
                "{} ({} action(s) sur {})",
                file.participation.display,
                file.participation.numerator,
                file.participation.denominator
            ),
        ),
    ];
    if let Some(current) = file.referents.iter().find(|p| p.end_date.is_none()) {
        identity.insert(
            3,
            Field::new(
                "Référent",
                format!(
                    "{} depuis le {}",
                    current.staff_name,
                    date(current.start_date)
                ),
            ),
        );
    }
    sections.push(Section {
        id: "identite".into(),
        title: "Identité, promo et contrat".into(),
        level: 1,
        new_page: false,
        blocks: vec![Block::Sheet {
            fields: identity,
            id: None,
        }],
    });

    let referents = if file.referents.is_empty() {
        vec![paragraph("Aucun référent n’a été désigné.")]
    } else {
        vec![Block::Table {
            columns: vec![
                Column::new("Référent", Align::Left).unhyphenated(),
                Column::new("Du", Align::Left).nowrap(),
                Column::new("Au", Align::Left).nowrap(),
            ],
            rows: file
                .referents
                .iter()
                .map(|p| {
                    vec![
                        Cell::from(p.staff_name.clone()),
                        Cell::from(date(p.start_date)),
                        Cell::from(p.end_date.map_or_else(|| "en cours".to_owned(), date)),
                    ]
                })
                .collect(),
            totals: None,
            id: None,
            style: TableStyle::Normal,
            zebra: false,
        }]
    };
    sections.push(Section {
        id: "referents".into(),
        title: "Historique des référents".into(),
        level: 1,
        new_page: false,
        blocks: referents,
    });

    sections.push(Section {
        id: "chronologie".into(),
        title: "Chronologie".into(),
        level: 1,
        new_page: false,
        blocks: vec![Block::Table {
            columns: vec![
                Column::new("Date", Align::Left).nowrap(),
                Column::new("Événement", Align::Left),
                Column::new("Détail", Align::Left),
            ],
            rows: file
                .timeline
                .iter()
                .map(|e| {
                    vec![
                        Cell::from(date(e.date)),
                        Cell::from(e.label.clone()),
                        Cell::from(e.detail.clone()),
                    ]
                })
                .collect(),
            totals: None,
            id: None,
            style: TableStyle::Dense,
            zebra: true,
        }],
    });

    let actions = if file.actions.is_empty() {
        vec![paragraph("Sa promo n’a été invitée à aucune action.")]
    } else {
        vec![Block::Table {
            columns: vec![
                Column::new("Date", Align::Left).nowrap(),
                Column::new("Action", Align::Left),
                Column::new("Ind.", Align::Center).nowrap(),
                Column::new("Présence", Align::Left),
                Column::new("Évaluation avant → après", Align::Left),
            ],
            rows: file
                .actions
                .iter()
                .map(|x| {
                    let indicators = match (x.indicator14, x.indicator29) {
                        (true, true) => "14, 29",
                        (true, false) => "14",
                        _ => "29",
                    };
                    vec![
                        Cell::from(date(x.start_date)),
                        Cell::Runs {
                            runs: vec![
                                Run::bold(x.title.clone()),
                                Run::plain(format!("\n{}", x.kind.label())),
                            ],
                        },
                        Cell::from(indicators),
                        Cell::from(presence(x)),
                        Cell::from(x.evaluation.clone().unwrap_or_else(|| "—".into())),
                    ]
                })
                .collect(),
            totals: None,
            id: None,
            style: TableStyle::Dense,
            zebra: true,
        }]
    };
    sections.push(Section {
        id: "actions".into(),
        title: "Actions et évaluations".into(),
        level: 1,
        new_page: false,
        blocks: actions,
    });

    let mut follow_ups = vec![Block::Paragraph {
        runs: vec![Run::italic(
            "Les notes de suivi décrivent des faits observés, sans jugement sur la personne.",
        )],
        id: None,
    }];
    if file.follow_ups.is_empty() {
        follow_ups.push(paragraph("Aucun entretien de suivi n’a été enregistré."));
    }
    for f in &file.follow_ups {
        let f_ = &f.follow_up;
        let mut fields = vec![Field::new("Mené par", or_dash(f.staff_name.clone()))];
        if !f_.topics.is_empty() {
            let topics: Vec<&str> = f_.topics.iter().map(|t| t.label()).collect();
            fields.push(Field::new("Thèmes", topics.join(", ")));
        }
        let texts: [(&str, &Option<String>); 4] = match f_.kind {
            FollowUpKind::MonthlyReview => [
                ("Constats", &f_.findings),
                ("Suites à donner", &f_.next_steps),
                ("", &None),
                ("", &None),
            ],
            FollowUpKind::EndOfCycle => [
                ("Constats", &f_.findings),
                ("Apport des actions", &f_.impact),
                ("Projet après le diplôme", &f_.project),
                ("Suites à donner", &f_.next_steps),
            ],
        };
        for (label, text) in texts {
            if let Some(text) = text.as_ref().filter(|t| !t.trim().is_empty()) {
                fields.push(Field::new(label, text.clone()));
            }
        }
        follow_ups.push(Block::KeepTogether {
            blocks: vec![
                Block::Heading {
                    text: format!("{} du {}", f_.kind.label(), date(f_.held_on)),
                    id: None,
                },
                Block::Sheet { fields, id: None },
            ],
        });
    }
    sections.push(Section {
        id: "suivis".into(),
        title: "Entretiens de suivi".into(),
        level: 1,
        new_page: false,
        blocks: follow_ups,
    });

    let surveys = if file.surveys.is_empty() {
        vec![paragraph(if a.exit_date.is_some() {
            "Aucun questionnaire de sortie n’a encore été recueilli."
        } else {
            "En formation\u{a0}: les questionnaires de sortie suivront la sortie du CFA."
        })]
    } else {
        vec![Block::Table {
            columns: vec![
                Column::new("Échéance", Align::Left).nowrap(),
                Column::new("Recueilli le", Align::Left).nowrap(),
                Column::new("Mode", Align::Left),
                Column::new("Situation", Align::Left),
                Column::new("Précisions", Align::Left),
            ],
            rows: file
                .surveys
                .iter()
                .map(|s| {
                    let mut detail = Vec::new();
                    if let Some(c) = s.contract {
                        detail.push(c.label().to_owned());
                    }
                    if s.in_target_job {
                        detail.push("dans le métier visé".into());
                    }
                    if let Some(t) = s.study_type {
                        detail.push(t.label().to_owned());
                    }
                    if let Some(i) = &s.institution {
                        detail.push(i.clone());
                    }
                    vec![
                        Cell::from(s.timepoint.label()),
                        Cell::from(date(s.surveyed_on)),
                        Cell::from(s.method.label()),
                        Cell::from(s.situation.label()),
                        Cell::from(if detail.is_empty() {
                            "—".to_owned()
                        } else {
                            detail.join(", ")
                        }),
                    ]
                })
                .collect(),
            totals: None,
            id: None,
            style: TableStyle::Normal,
            zebra: false,
        }]
    };
    sections.push(Section {
        id: "questionnaires".into(),
        title: "Questionnaires de sortie".into(),
        level: 1,
        new_page: false,
        blocks: surveys,
    });

    let title = format!("Dossier individuel — {who}");
    DocumentModel {
        metadata: Metadata {
            title: title.clone(),
            author: cfa.clone(),
            subject: "Qualiopi, indicateur 14\u{a0}: accompagnement individuel".into(),
            language: "fr-FR".into(),
            creation_date: generated,
        },
        running: Running {
            organisation: cfa,
            title,
            footer: format!(
                "Édité le {} — document confidentiel (données personnelles)",
                date(generated.date())
            ),
        },
        cover: None,
        contents: None,
        sections,
        annexes: Vec::new(),
    }
}
