//! Indicator 14's second half on real SQLite files: evaluations before and
//! after an action, support resources, non-conformities and their default
//! deadlines, the « dossier individuel » on screen and in its PDF.

use std::process::Command;

use chrono::NaiveDate;
use tremplin::demo::{self, DemoConfig};
use tremplin::model::*;
use tremplin::store::Entity;
use tremplin::{Error, Store};

use super::{action_input, small, Folder};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fields(error: Error) -> Vec<(String, String)> {
    match error {
        Error::Validation(fields) => fields.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn score(apprentice: Id, before: &str, after: &str) -> ScoreInput {
    ScoreInput {
        apprentice_id: Some(apprentice),
        before: before.into(),
        after: after.into(),
    }
}

#[test]
fn an_evaluation_gives_means_progression_and_target_and_survives_the_action_being_saved_again() {
    let mut s = small(Store::open_in_memory().unwrap());
    let mut input = action_input(&s, &[(0, true, true), (1, true, true), (2, true, false)]);
    input.kind = "learning_support".into();
    input.indicator29 = false;
    let action = s.store.save_action(&input).unwrap().action.id;
    let [a, b, c] = [s.apprentices[0], s.apprentices[1], s.apprentices[2]];
    let e = s
        .store
        .save_evaluation(&EvaluationInput {
            action_id: Some(action),
            scale: "out_of_20".into(),
            target: "10".into(),
            scores: vec![
                score(a, "8", "12,5"),
                score(b, "10", "9"),
                score(c, "6,5", ""),
            ],
        })
        .unwrap();
    assert_eq!(e.scale, EvaluationScale::OutOf20);
    assert_eq!(e.rows.len(), 3, "one row per invited apprentice");
    let f = &e.figures;
    assert_eq!(f.before.count, 3);
    assert!((f.before.value.unwrap() - 24.5 / 3.0).abs() < 1e-9);
    assert_eq!((f.after.value, f.after.count), (Some(10.75), 2));
    // (12,5 − 8) and (9 − 10): +1,75 over the two scored twice.
    assert_eq!((f.progression.value, f.progression.count), (Some(1.75), 2));
    let target = f.reaching_target.as_ref().unwrap();
    assert_eq!((target.numerator, target.denominator), (1, 2));

    // Saving the action again (its attendance is rewritten) keeps the scores.
    input.id = Some(action);
    s.store.save_action(&input).unwrap();
    let again = s.store.evaluation(action).unwrap().unwrap();
    assert_eq!(again.figures, e.figures);

    // A promo no longer targeted takes its apprentices' scores away.
    let other = s
        .store
        .save_cohort(&CohortInput {
            programme_id: Some(s.store.cohort(s.cohort).unwrap().programme_id),
            label: "Promo 2026-2028".into(),
            start_date: "01/09/2026".into(),
            end_date: "30/06/2028".into(),
            ..Default::default()
        })
        .unwrap();
    input.cohort_ids = vec![other.id];
    input.attendance.clear();
    s.store.save_action(&input).unwrap();
    let left: i64 = s
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM evaluation_score WHERE action_id = ?1",
            [action],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0, "no score may stay for someone not invited");
}

#[test]
fn scores_are_checked_against_the_scale_and_kinds_not_evaluated_are_refused() {
    let mut s = small(Store::open_in_memory().unwrap());
    let mut input = action_input(&s, &[(0, true, true)]);
    input.kind = "digital_tools".into();
    input.indicator29 = false;
    let action = s.store.save_action(&input).unwrap().action.id;
    let a = s.apprentices[0];
    let err = s
        .store
        .save_evaluation(&EvaluationInput {
            action_id: Some(action),
            scale: "out_of_10".into(),
            target: "12".into(),
            scores: vec![score(a, "7", "14")],
        })
        .unwrap_err();
    let f = fields(err);
    assert!(
        f.iter()
            .any(|(k, m)| k == "target" && m.contains("de 0 à 10")),
        "{f:?}"
    );
    assert!(f.iter().any(|(k, _)| k == "scores.0.after"), "{f:?}");
    // The same numbers are fine in percent.
    let ok = s
        .store
        .save_evaluation(&EvaluationInput {
            action_id: Some(action),
            scale: "percent".into(),
            target: "90 %".into(),
            scores: vec![score(a, "70", "95")],
        })
        .unwrap();
    assert_eq!(ok.figures.reaching_target.unwrap().numerator, 1);

    let cv = s
        .store
        .save_action(&action_input(&s, &[]))
        .unwrap()
        .action
        .id;
    let f = fields(
        s.store
            .save_evaluation(&EvaluationInput {
                action_id: Some(cv),
                scale: "percent".into(),
                scores: vec![score(a, "50", "")],
                ..Default::default()
            })
            .unwrap_err(),
    );
    assert_eq!(f[0].0, "actionId");
    assert!(f[0].1.contains("Atelier CV"), "{}", f[0].1);
    assert!(s.store.evaluation(cv).unwrap().is_none());
}

#[test]
fn usage_figures_are_dated_per_period_and_the_list_shows_the_latest() {
    let mut s = small(Store::open_in_memory().unwrap());
    let programme = s.store.cohort(s.cohort).unwrap().programme_id;
    let r = s
        .store
        .save_support_resource(&SupportResourceInput {
            kind: "e_learning".into(),
            name: "Plateforme Moodle".into(),
            programme_ids: vec![programme, programme],
            ..Default::default()
        })
        .unwrap()
        .resource;
    assert_eq!(r.programme_ids, vec![programme], "filières deduplicated");
    let usage = |start: &str, end: &str, metric: &str, value: &str| ResourceUsageInput {
        resource_id: Some(r.id),
        period_start: start.into(),
        period_end: end.into(),
        metric: metric.into(),
        value: value.into(),
        ..Default::default()
    };
    s.store
        .save_resource_usage(&usage("01/09/2025", "31/12/2025", "connections", "1 240"))
        .unwrap();
    s.store
        .save_resource_usage(&usage("01/01/2026", "31/03/2026", "connections", "980"))
        .unwrap();
    let rate = s
        .store
        .save_resource_usage(&usage(
            "01/01/2026",
            "31/03/2026",
            "completion_rate",
            "62,5",
        ))
        .unwrap();
    assert_eq!(rate.shown, "62,5\u{202f}%");
    // The same figure twice for one period is refused, in French.
    let f = fields(
        s.store
            .save_resource_usage(&usage("01/01/2026", "31/03/2026", "connections", "990"))
            .unwrap_err(),
    );
    assert!(f[0].1.contains("déjà saisi"), "{f:?}");
    // A count is whole; a rate stays within 100; a period runs forward.
    let f = fields(
        s.store
            .save_resource_usage(&usage("01/04/2026", "31/03/2026", "loans", "3,5"))
            .unwrap_err(),
    );
    let keys: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, vec!["periodEnd", "value"], "{f:?}");
    assert!(s
        .store
        .save_resource_usage(&usage("01/04/2026", "30/06/2026", "completion_rate", "120"))
        .is_err());

    let rows = s.store.list_support_resources().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].usage_count, 3);
    assert_eq!(rows[0].programmes, "CAP AEPE");
    assert_eq!(
        rows[0].latest_period.as_deref(),
        Some("01/01/2026 – 31/03/2026")
    );
    let latest = rows[0].latest_figures.as_deref().unwrap();
    assert!(latest.contains("Connexions\u{a0}: 980"), "{latest}");
    assert!(latest.contains("62,5"), "{latest}");
    // Deleting the resource takes its figures, and says so first.
    let impact = s
        .store
        .deletion_impact(Entity::SupportResource, r.id)
        .unwrap();
    assert!(
        impact.message.contains("3 chiffres d’usage"),
        "{}",
        impact.message
    );
    s.store.delete(Entity::SupportResource, r.id).unwrap();
    let left: i64 = s
        .store
        .conn()
        .query_row("SELECT count(*) FROM resource_usage", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

fn corrective(description: &str, due: &str, status: &str, done: &str) -> CorrectiveActionInput {
    CorrectiveActionInput {
        description: description.into(),
        due_date: due.into(),
        status: status.into(),
        done_on: done.into(),
        ..Default::default()
    }
}

#[test]
fn corrective_actions_default_to_three_or_six_months_after_the_audit() {
    let mut store = Store::open_in_memory().unwrap();
    let nc = |level: &str| NonConformityInput {
        indicator: Some(14),
        level: level.into(),
        found_on: "30/11/2025".into(),
        description: "Suivi individuel non tracé.".into(),
        root_cause: "human_resources".into(),
        corrective_actions: vec![
            corrective("Former les référents", "", "", ""),
            corrective("Revoir la procédure", "15/01/2026", "planned", ""),
        ],
        ..Default::default()
    };
    let major = store.save_non_conformity(&nc("major")).unwrap();
    let dues: Vec<NaiveDate> = major
        .corrective_actions
        .iter()
        .map(|a| a.due_date)
        .collect();
    // Sorted by due date; the empty one got 30/11 + 3 months, clamped to 28/02.
    assert_eq!(dues, vec![d(2026, 1, 15), d(2026, 2, 28)]);
    assert_eq!(
        major.corrective_actions[1].status,
        CorrectiveStatus::Planned
    );
    let minor = store.save_non_conformity(&nc("minor")).unwrap();
    assert_eq!(minor.corrective_actions[1].due_date, d(2026, 5, 30));

    // The indicator comes from the framework table, not from code.
    let label = store.indicator_label(14).unwrap();
    assert!(
        label.starts_with("Indicateur 14 — Accompagnement socio-professionnel"),
        "{label}"
    );
    assert_eq!(store.framework().unwrap().len(), 32);
    let mut unknown = nc("major");
    unknown.indicator = Some(47);
    assert_eq!(
        fields(store.save_non_conformity(&unknown).unwrap_err())[0].0,
        "indicator"
    );
}

#[test]
fn a_non_conformity_is_lifted_only_when_every_action_is_done_and_edits_keep_row_ids() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = NonConformityInput {
        indicator: Some(29),
        level: "major".into(),
        found_on: "16/06/2026".into(),
        description: "Aucun suivi des sortants à 6 mois.".into(),
        root_cause: "process".into(),
        closed_on: "01/10/2026".into(),
        corrective_actions: vec![
            corrective("Questionnaire à 6 mois", "", "done", "10/09/2026"),
            corrective("Relances téléphoniques", "", "in_progress", ""),
            corrective("Une date sans le statut", "", "planned", "12/09/2026"),
        ],
        reviews: vec![SteeringReviewInput {
            held_on: "01/06/2026".into(),
            notes: "Avant l’audit".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let f = fields(store.save_non_conformity(&input).unwrap_err());
    let keys: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
    assert!(keys.contains(&"closedOn"), "{f:?}");
    assert!(keys.contains(&"correctiveActions.2.doneOn"), "{f:?}");
    assert!(keys.contains(&"reviews.0.heldOn"), "{f:?}");

    // Lifted before the last action was done: refused.
    let mut early = input.clone();
    early.corrective_actions = vec![corrective(
        "Questionnaire à 6 mois",
        "",
        "done",
        "10/09/2026",
    )];
    early.reviews.clear();
    early.closed_on = "01/09/2026".into();
    let f = fields(store.save_non_conformity(&early).unwrap_err());
    assert!(
        f.iter()
            .any(|(k, m)| k == "closedOn" && m.contains("10/09/2026")),
        "{f:?}"
    );

    input.closed_on.clear();
    input.corrective_actions.pop();
    input.reviews[0].held_on = "07/07/2026".into();
    let saved = store.save_non_conformity(&input).unwrap();
    assert_eq!(saved.corrective_actions.len(), 2);
    assert!(saved.closed_on.is_none());

    // The owner of a corrective action stays in the team.
    let owner = store
        .save_staff(&StaffInput {
            first_name: "Inès".into(),
            last_name: "Moreau".into(),
            role: "management".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let mut owned = input.clone();
    owned.corrective_actions[0].owner_id = Some(owner);
    owned.id = None;
    store.save_non_conformity(&owned).unwrap();
    let impact = store.deletion_impact(Entity::Staff, owner).unwrap();
    assert!(!impact.allowed, "{}", impact.message);
    assert!(
        impact.message.contains("actions correctives"),
        "{}",
        impact.message
    );

    // Overdue on 02/12/2026: the one in progress, due 16/09/2026.
    let late: Vec<_> = store
        .overdue_corrective_actions(d(2026, 12, 2))
        .unwrap()
        .into_iter()
        .filter(|a| a.non_conformity_id == saved.id)
        .collect();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].description, "Relances téléphoniques");
    assert_eq!(late[0].days, 77);
    assert!(store
        .overdue_corrective_actions(d(2026, 9, 16))
        .unwrap()
        .is_empty());
    let rows = store.list_non_conformities(d(2026, 12, 2)).unwrap();
    assert_eq!(
        (
            rows[0].action_count,
            rows[0].done_count,
            rows[0].overdue_count
        ),
        (2, 1, 1)
    );

    // Edit: the rows come back with their ids, the second is done, then lifted.
    let ids: Vec<Id> = saved.corrective_actions.iter().map(|a| a.id).collect();
    let mut edit = input.clone();
    edit.id = Some(saved.id);
    for (row, a) in edit
        .corrective_actions
        .iter_mut()
        .zip(&saved.corrective_actions)
    {
        row.id = Some(a.id);
        row.due_date = tremplin::format::date(a.due_date);
    }
    edit.corrective_actions[1].status = "done".into();
    edit.corrective_actions[1].done_on = "20/11/2026".into();
    edit.reviews[0].id = Some(saved.reviews[0].id);
    edit.reviews.push(SteeringReviewInput {
        held_on: "03/11/2026".into(),
        notes: "Relances faites.".into(),
        ..Default::default()
    });
    edit.closed_on = "25/11/2026".into();
    let lifted = store.save_non_conformity(&edit).unwrap();
    assert_eq!(
        lifted
            .corrective_actions
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        ids
    );
    assert_eq!(lifted.reviews.len(), 2);
    assert_eq!(lifted.reviews[0].id, saved.reviews[0].id);
    assert_eq!(lifted.closed_on, Some(d(2026, 11, 25)));
    assert!(store
        .overdue_corrective_actions(d(2026, 12, 2))
        .unwrap()
        .iter()
        .all(|a| a.non_conformity_id != saved.id));
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by make test");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_demo_leaver_s_file_shows_every_kind_of_record_on_screen_and_in_its_pdf() {
    let folder = Folder::new();
    let mut store = folder.open();
    demo::create(&mut store, &DemoConfig::default()).unwrap();
    // A leaver of June 2025 who changed référent and was evaluated.
    let id: Id = store
        .conn()
        .query_row(
            "SELECT a.id FROM apprentice a WHERE a.exit_date = '2025-06-30'
               AND (SELECT count(*) FROM referent_period p WHERE p.apprentice_id = a.id) > 1
               AND EXISTS (SELECT 1 FROM evaluation_score s WHERE s.apprentice_id = a.id)
               AND EXISTS (SELECT 1 FROM exit_survey s WHERE s.apprentice_id = a.id)
             ORDER BY a.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let file = store.apprentice_file(id, d(2026, 12, 2)).unwrap();
    let kinds: std::collections::HashSet<TimelineKind> =
        file.timeline.iter().map(|e| e.kind).collect();
    for kind in [
        TimelineKind::Training,
        TimelineKind::Contract,
        TimelineKind::Referent,
        TimelineKind::Action,
        TimelineKind::FollowUp,
        TimelineKind::Exit,
        TimelineKind::Survey,
    ] {
        assert!(kinds.contains(&kind), "the file lacks {kind:?}");
    }
    assert!(
        file.timeline.windows(2).all(|w| w[0].date <= w[1].date),
        "the chronology is in time order"
    );
    assert_eq!(file.referents.len(), 2);
    assert!(file.referents[0].end_date.is_some() && file.referents[1].end_date.is_none());
    let evaluated = file
        .actions
        .iter()
        .find(|a| a.evaluation.is_some())
        .unwrap();
    assert!(evaluated.evaluation.as_deref().unwrap().contains("/20 → "));
    let kinds_of_follow_up: std::collections::HashSet<FollowUpKind> =
        file.follow_ups.iter().map(|f| f.follow_up.kind).collect();
    assert_eq!(
        kinds_of_follow_up.len(),
        2,
        "monthly reviews and the end-of-cycle interview"
    );

    let out = folder.path().join("dossier.pdf");
    let written = tremplin::report::write_individual_file(
        &store,
        id,
        &out,
        d(2026, 12, 2).and_hms_opt(10, 0, 0).unwrap(),
    )
    .unwrap();
    assert!(written.pages >= 2, "{} pages", written.pages);
    let text = pdftotext(&out);
    let a = &file.apprentice;
    for expected in [
        format!(
            "Dossier individuel — {} {}",
            a.first_name,
            a.last_name.to_uppercase()
        ),
        "Identité, promo et contrat".into(),
        file.cohort_label.clone(),
        a.employer.clone().unwrap(),
        "Historique des référents".into(),
        file.referents[0].staff_name.clone(),
        "Chronologie".into(),
        "Changement de référent".into(),
        "Actions et évaluations".into(),
        evaluated.title.clone(),
        "Présent(e), a signé".into(),
        "Entretiens de suivi".into(),
        "Point mensuel du".into(),
        "Entretien de fin de parcours du".into(),
        "Projet après le diplôme".into(),
        "Questionnaires de sortie".into(),
        "À 12 mois".into(),
        "Édité le 02/12/2026".into(),
    ] {
        assert!(
            text.contains(&expected),
            "the PDF lacks « {expected} »:\n{text}"
        );
    }
    // The same file without any record still prints, with its empty states.
    let newcomer = store
        .save_apprentice(&ApprenticeInput {
            cohort_id: Some(a.cohort_id),
            first_name: "Zoé".into(),
            last_name: "Nouvelle".into(),
            ..Default::default()
        })
        .unwrap();
    let out = folder.path().join("vide.pdf");
    tremplin::report::write_individual_file(
        &store,
        newcomer.id,
        &out,
        d(2026, 12, 2).and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    let text = pdftotext(&out);
    assert!(text.contains("Aucun référent n’a été désigné."), "{text}");
    assert!(text.contains("Aucun entretien de suivi"), "{text}");
}

#[test]
fn the_demo_has_an_open_non_conformity_with_a_late_corrective_action_on_the_dashboard() {
    let mut store = Store::open_in_memory().unwrap();
    demo::create(&mut store, &DemoConfig::default()).unwrap();
    let rows = store.list_non_conformities(d(2026, 12, 2)).unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows[0].closed_on.is_none() && rows[1].closed_on.is_some(),
        "open first"
    );
    assert_eq!(rows[0].indicator, 14);
    assert_eq!(rows[0].level, NonConformityLevel::Major);
    let dashboard = store
        .dashboard(SchoolYear::starting(2026), d(2026, 12, 2))
        .unwrap();
    let late = &dashboard.overdue_corrective_actions;
    assert_eq!(late.len(), 1, "{late:?}");
    // Due three months after the audit of 16/06/2026, the default.
    assert_eq!(late[0].due_date, d(2026, 9, 16));
    // Resources with figures, evaluations with warnings where a group is large.
    let resources = store.list_support_resources().unwrap();
    assert_eq!(resources.len(), 8);
    assert!(resources.iter().all(|r| r.usage_count > 0));
    let evaluated: Vec<Id> = store
        .conn()
        .prepare("SELECT action_id FROM evaluation")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(evaluated.len() >= 16);
    for id in evaluated {
        let e = store.evaluation(id).unwrap().unwrap();
        assert!(e.figures.before.count > 0 && e.figures.progression.value.unwrap() > 0.0);
    }
}
