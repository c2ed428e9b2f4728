//! The demo CFA's measured support (indicator 14, second half): scores
//! before and after its learning-support, digital, soft-skills and
//! citizenship actions; its support resources with usage figures per
//! period; two non-conformities — one lifted, one open with a corrective
//! action past its deadline. Its own seeded draw, so the rest is unchanged.

use chrono::NaiveDate;

use super::history::Context;
use super::{d, iso, weekday, DemoSummary, Draw};
use crate::error::Result;
use crate::model::*;
use crate::store::Writer;
use crate::validate;

/// Actions after this day have not been evaluated yet (the demo's « now »).
const EVALUATED_UNTIL: (i32, u32, u32) = (2026, 11, 27);

/// Scale and target of each evaluated kind, and the typical score before and gain.
fn scale_of(kind: ActionKind) -> Option<(&'static str, &'static str, f64, f64, f64)> {
    match kind {
        ActionKind::LearningSupport => Some(("out_of_20", "10", 20.0, 8.0, 3.5)),
        ActionKind::DigitalTools => Some(("percent", "80", 100.0, 55.0, 25.0)),
        ActionKind::SoftSkills => Some(("out_of_10", "6", 10.0, 4.5, 2.0)),
        ActionKind::CitizenshipWorkshop => Some(("percent", "70", 100.0, 50.0, 22.0)),
        _ => None,
    }
}

fn typed(value: f64) -> String {
    crate::format::number(value, 1)
}

/// (kind, name, description, provider, access, [(metric, typical value)]).
type Resource = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, f64)],
);

const RESOURCES: [Resource; 8] = [
    (
        "e_learning",
        "Plateforme Moodle « Campus Val de Loire »",
        "Cours en ligne de remise à niveau (français, mathématiques, anglais), quiz d’autoévaluation et parcours « préparer son examen ».",
        "Service numérique du CFA",
        "campus.cfa-valdeloire.fr — identifiants remis à la rentrée",
        &[("connections", 1180.0), ("completion_rate", 58.0), ("satisfaction", 3.9)],
    ),
    (
        "library",
        "Centre de ressources (CDI)",
        "Ouvrages techniques des trois filières, annales d’examen, presse professionnelle ; poste de travail en accès libre.",
        "Documentaliste du CFA",
        "Bâtiment B, rez-de-chaussée — du lundi au vendredi, 8 h 30 – 17 h",
        &[("loans", 142.0), ("beneficiaries", 96.0)],
    ),
    (
        "method_sheets",
        "Fiches méthodes « Réussir son alternance »",
        "Douze fiches : prendre des notes, réviser, rédiger le dossier professionnel, préparer l’oral, gérer son budget.",
        "Équipe pédagogique",
        "Sur la plateforme et en version papier au CDI",
        &[("connections", 410.0)],
    ),
    (
        "online_tutoring",
        "Tutorat en ligne du mercredi",
        "Séances en visioconférence de 45 minutes avec un formateur, sur rendez-vous, pour les apprentis en difficulté.",
        "Formateurs de matières générales",
        "Inscription auprès du référent",
        &[("sessions", 38.0), ("beneficiaries", 21.0), ("satisfaction", 4.4)],
    ),
    (
        "financial_aid",
        "Aides financières (permis, premier équipement, fonds social)",
        "Aide au permis de conduire de 500 €, aide au premier équipement versée par l’OPCO, fonds social du CFA pour les situations urgentes.",
        "Service administratif",
        "Dossier à retirer à l’accueil",
        &[("beneficiaries", 17.0)],
    ),
    (
        "social_services",
        "Assistante sociale et psychologue",
        "Permanences hebdomadaires ; orientation vers les services du département, la mission locale et les associations.",
        "Partenariat avec le conseil départemental",
        "Mardi et jeudi après-midi, sur rendez-vous",
        &[("sessions", 44.0), ("beneficiaries", 26.0)],
    ),
    (
        "lodging",
        "Hébergement en foyer de jeunes travailleurs",
        "Places réservées pour les semaines de formation, à 10 minutes à pied du CFA.",
        "FJT Les Tanneurs",
        "Demande auprès du référent, deux semaines avant",
        &[("beneficiaries", 12.0)],
    ),
    (
        "mobility",
        "Aide à la mobilité (transport et restauration)",
        "Prise en charge d’une partie des frais de transport et repas à 1 € au self du CFA pendant les semaines de formation.",
        "Région Centre-Val de Loire",
        "Formulaire en ligne de la Région",
        &[("beneficiaries", 64.0)],
    ),
];

/// Periods of usage figures: the school year 2025-2026 by term, then the
/// autumn of 2026.
type Day = (i32, u32, u32);

const PERIODS: [(Day, Day); 4] = [
    ((2025, 9, 1), (2025, 12, 31)),
    ((2026, 1, 1), (2026, 3, 31)),
    ((2026, 4, 1), (2026, 7, 31)),
    ((2026, 9, 1), (2026, 11, 30)),
];

/// Runs before `support::build`, so the end-of-cycle interviews it writes
/// are held by the référent of their day (after the relay below).
pub(super) fn final_year(
    w: &Writer<'_>,
    c: &Context,
    leavers: &[(Id, NaiveDate)],
    summary: &mut DemoSummary,
) -> Result<()> {
    // The last promo that left (June 2025) had a remise à niveau before its
    // exams, in groups of eight, evaluated; and monthly reviews that spring.
    // So a leaver's file shows every kind of record, questionnaires included.
    let june_2025 = d(2025, 6, 30);
    let mut by_cohort: Vec<(Id, Vec<Id>)> = Vec::new();
    for &(apprentice, exit) in leavers {
        if exit != june_2025 {
            continue;
        }
        let cohort = w.cohort_of(apprentice)?;
        match by_cohort.iter_mut().find(|(id, _)| *id == cohort) {
            Some((_, ids)) => ids.push(apprentice),
            None => by_cohort.push((cohort, vec![apprentice])),
        }
    }
    for (index, (cohort, apprentices)) in by_cohort.iter().enumerate() {
        let group: Vec<Id> = apprentices.iter().copied().take(8).collect();
        let action = validate::check_action(&ActionInput {
            kind: "learning_support".into(),
            title: "Remise à niveau avant les épreuves écrites".into(),
            start_date: iso(weekday(d(2025, 3, 11 + index as u32))),
            start_time: "14 h".into(),
            duration: "3 h".into(),
            place: "Salle B12".into(),
            public: "Apprentis de dernière année signalés par les formateurs".into(),
            content: "Méthodologie de l’écrit, exercices type examen, correction individuelle."
                .into(),
            indicator14: true,
            feedback_score: "4,3".into(),
            cohort_ids: vec![*cohort],
            speaker_staff_ids: c
                .staff_ids
                .get(3 + index % 3)
                .copied()
                .into_iter()
                .collect(),
            attendance: group
                .iter()
                .map(|&apprentice_id| AttendanceMark {
                    apprentice_id,
                    present: true,
                    signed: true,
                })
                .collect(),
            ..Default::default()
        })?;
        let action_id = w.save_action(None, &action)?;
        summary.actions += 1;
        summary.attendance += apprentices.len();
        let scores = group
            .iter()
            .enumerate()
            .map(|(n, &apprentice)| {
                let before = 6.0 + ((n * 7 + index * 3) % 9) as f64 * 0.5;
                ScoreInput {
                    apprentice_id: Some(apprentice),
                    before: typed(before),
                    after: typed((before + 3.0 + (n % 4) as f64 * 0.5).min(20.0)),
                }
            })
            .collect();
        w.save_evaluation(&validate::check_evaluation(&EvaluationInput {
            action_id: Some(action_id),
            scale: "out_of_20".into(),
            target: "10".into(),
            scores,
        })?)?;
        summary.evaluations += 1;
        for (n, &apprentice) in apprentices.iter().enumerate() {
            if n == 0 {
                // A relay in the last months, so the history has two référents.
                let next = c.referents[(index + 1) % c.referents.len()];
                w.assign_referent(&[apprentice], next, d(2025, 3, 3))?;
                summary.referent_changes += 1;
            }
            for (month, topic, finding) in [
                (
                    3,
                    "technical",
                    "Préparation des épreuves écrites : planning de révision établi.",
                ),
                (
                    4,
                    "administrative",
                    "Convocation à l’examen reçue ; dossier professionnel remis.",
                ),
                (
                    5,
                    "social",
                    "Projet après le diplôme discuté avec le maître d’apprentissage.",
                ),
            ] {
                let review = validate::check_follow_up(&FollowUpInput {
                    apprentice_id: Some(apprentice),
                    kind: "monthly_review".into(),
                    held_on: iso(weekday(d(2025, month, 5 + (n % 10) as u32))),
                    topics: vec![topic.into()],
                    findings: finding.into(),
                    next_steps: "Prochain point le mois prochain.".into(),
                    ..Default::default()
                })?;
                w.save_follow_up(None, &review)?;
                summary.follow_ups += 1;
            }
        }
    }

    Ok(())
}

pub(super) fn build(w: &Writer<'_>, c: &Context, summary: &mut DemoSummary) -> Result<()> {
    let mut draw = Draw(0x6d65_6173_7572_6573);
    let until = d(EVALUATED_UNTIL.0, EVALUATED_UNTIL.1, EVALUATED_UNTIL.2);

    // Scores before and after every evaluated action held so far.
    for action in &c.actions {
        let Some((scale, target, max, base, gain)) = scale_of(action.kind) else {
            continue;
        };
        if action.date > until {
            continue;
        }
        let mut scores = Vec::new();
        for (n, (apprentice, present)) in w.invited(action.id)?.into_iter().enumerate() {
            if !present {
                continue;
            }
            let spread = max * 0.1;
            let before =
                (base + (draw.below(100) as f64 / 100.0 - 0.5) * 4.0 * spread).clamp(0.0, max);
            let after = (before + gain + (draw.below(100) as f64 / 100.0 - 0.4) * 2.0 * spread)
                .clamp(0.0, max);
            // Rounded the way a corrector writes them (half points, whole percents).
            let round = |v: f64| {
                if max > 20.0 {
                    v.round()
                } else {
                    (v * 2.0).round() / 2.0
                }
            };
            // Now and then someone missed the final quiz.
            let missing_after = n % 11 == 7;
            scores.push(ScoreInput {
                apprentice_id: Some(apprentice),
                before: typed(round(before)),
                after: if missing_after {
                    String::new()
                } else {
                    typed(round(after))
                },
            });
        }
        let evaluation = validate::check_evaluation(&EvaluationInput {
            action_id: Some(action.id),
            scale: scale.into(),
            target: target.into(),
            scores,
        })?;
        w.save_evaluation(&evaluation)?;
        summary.evaluations += 1;
    }

    // The support resources and their usage figures.
    for (index, (kind, name, description, provider, access, metrics)) in
        RESOURCES.iter().enumerate()
    {
        let programme_ids = match index {
            // The tutoring serves the two filières with general subjects.
            3 => c.programme_ids.iter().take(2).copied().collect(),
            _ => Vec::new(),
        };
        let resource = validate::check_support_resource(&SupportResourceInput {
            kind: kind.to_string(),
            name: name.to_string(),
            description: description.to_string(),
            provider: provider.to_string(),
            access: access.to_string(),
            programme_ids,
            ..Default::default()
        })?;
        let id = w.save_support_resource(None, &resource)?;
        summary.resources += 1;
        for (p, (start, end)) in PERIODS.iter().enumerate() {
            for &(metric, typical) in metrics.iter() {
                let metric_kind =
                    UsageMetric::from_code(metric).unwrap_or(UsageMetric::Beneficiaries);
                let factor = [1.0, 0.85, 0.7, 0.95][p] + (draw.below(20) as f64 - 10.0) / 100.0;
                let value = if metric_kind.is_count() {
                    (typical * factor).round()
                } else {
                    // Rates and satisfaction move a little, not in proportion.
                    let max = metric_kind.max().unwrap_or(100.0);
                    ((typical + (factor - 0.9) * max * 0.1) * 10.0)
                        .round()
                        .clamp(0.0, max * 10.0)
                        / 10.0
                };
                let usage = validate::check_resource_usage(&ResourceUsageInput {
                    resource_id: Some(id),
                    period_start: iso(d(start.0, start.1, start.2)),
                    period_end: iso(d(end.0, end.1, end.2)),
                    metric: metric.to_string(),
                    value: typed(value),
                    note: String::new(),
                    ..Default::default()
                })?;
                w.save_resource_usage(None, &usage)?;
                summary.resource_usages += 1;
            }
        }
    }

    // Two non-conformities: one lifted, one open and late.
    let owner = |n: usize| Some(c.referents[n % c.referents.len()]);
    // Patrick Vasseur, the director (management), pilots the quality plan.
    let director = c.staff_ids.get(7).copied();
    let lifted = validate::check_non_conformity(&NonConformityInput {
        indicator: Some(30),
        level: "minor".into(),
        found_on: "18/03/2025".into(),
        description: "Les appréciations des entreprises d’accueil ne sont pas recueillies de façon systématique : \
                      aucun questionnaire employeur pour la filière CAP en 2023-2024."
            .into(),
        root_cause: "process".into(),
        closed_on: "15/07/2025".into(),
        corrective_actions: vec![
            CorrectiveActionInput {
                description: "Envoyer un questionnaire de satisfaction à chaque maître d’apprentissage en fin d’année.".into(),
                owner_id: director,
                due_date: String::new(),
                status: "done".into(),
                done_on: "27/06/2025".into(),
                proofs: "Questionnaire employeur 2024-2025 ; 41 réponses sur 58 ; synthèse présentée au conseil de perfectionnement.".into(),
                ..Default::default()
            },
            CorrectiveActionInput {
                description: "Inscrire le recueil des appréciations dans la procédure qualité.".into(),
                owner_id: director,
                due_date: "30/06/2025".into(),
                status: "done".into(),
                done_on: "12/05/2025".into(),
                proofs: "Procédure qualité, version 3 du 12/05/2025.".into(),
                ..Default::default()
            },
        ],
        reviews: ["15/04/2025", "13/05/2025", "10/06/2025", "08/07/2025"]
            .iter()
            .zip([
                "Questionnaire rédigé ; envoi prévu en juin.",
                "Procédure mise à jour et diffusée à l’équipe.",
                "Questionnaire envoyé ; 29 réponses à ce jour, relance le 20/06.",
                "41 réponses ; synthèse faite. Non-conformité levée.",
            ])
            .map(|(day, notes)| SteeringReviewInput {
                held_on: day.to_string(),
                notes: notes.into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    })?;
    w.save_non_conformity(None, &lifted)?;
    let open = validate::check_non_conformity(&NonConformityInput {
        indicator: Some(14),
        level: "major".into(),
        found_on: "16/06/2026".into(),
        description: "Le suivi individuel n’est pas tracé pour tous les apprentis : sur dix dossiers tirés au sort, \
                      quatre n’ont aucun point mensuel depuis plus de deux mois."
            .into(),
        root_cause: "human_resources".into(),
        corrective_actions: vec![
            CorrectiveActionInput {
                description: "Former les référents à la tenue du suivi individuel dans Tremplin.".into(),
                owner_id: director,
                due_date: String::new(),
                status: "done".into(),
                done_on: "08/07/2026".into(),
                proofs: "Feuille d’émargement de la formation du 08/07/2026 ; support de formation.".into(),
                ..Default::default()
            },
            CorrectiveActionInput {
                // Due three months after the audit (the default): late now.
                description: "Tenir un point mensuel pour chaque apprenti et revoir chaque semaine la liste « En retard ».".into(),
                owner_id: owner(0),
                due_date: String::new(),
                status: "in_progress".into(),
                proofs: "Liste « En retard » du 03/11/2026 : 6 apprentis restent à voir.".into(),
                ..Default::default()
            },
            CorrectiveActionInput {
                description: "Ajouter le suivi individuel à l’ordre du jour de la réunion pédagogique mensuelle.".into(),
                owner_id: owner(1),
                due_date: "31/12/2026".into(),
                status: "planned".into(),
                ..Default::default()
            },
        ],
        reviews: ["07/07/2026", "08/09/2026", "06/10/2026", "03/11/2026"]
            .iter()
            .zip([
                "Plan d’actions correctives validé ; formation des référents fixée au 08/07.",
                "Formation faite. Reprise des points mensuels à la rentrée.",
                "Échéance du 16/09 dépassée : 9 apprentis sans point depuis plus de 35 jours.",
                "6 apprentis encore en retard ; relance des référents concernés.",
            ])
            .map(|(day, notes)| SteeringReviewInput {
                held_on: day.to_string(),
                notes: notes.into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    })?;
    w.save_non_conformity(None, &open)?;
    summary.non_conformities += 2;
    Ok(())
}
