//! Indicator 29 on real SQLite files: leaving the CFA, exit questionnaires and
//! the cohort grid, plans and objectives measured from the records, offers,
//! milestones, the annual review — and the demo that shows them all.

use chrono::NaiveDate;
use rusqlite::Connection;
use tremplin::demo::{self, DemoConfig};
use tremplin::model::*;
use tremplin::{Error, Store};

use super::{small, Folder};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The day the window would show (the session's « today »).
fn as_of() -> NaiveDate {
    d(2026, 12, 2)
}

fn fields(error: Error) -> Vec<(String, String)> {
    match error {
        Error::Validation(fields) => fields.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::create(&mut store, &DemoConfig::default()).unwrap();
    store
}

fn programme(store: &Store, code: &str) -> Id {
    store.programme_id_by_code(code).unwrap()
}

fn cohort(store: &Store, programme: Id, label: &str) -> Id {
    store
        .list_cohorts(Some(programme))
        .unwrap()
        .into_iter()
        .find(|c| c.cohort.label == label)
        .unwrap()
        .cohort
        .id
}

fn plan(store: &Store, programme: Id, year: i32) -> PlanDetail {
    let id = store
        .plan_for(programme, SchoolYear::starting(year))
        .unwrap()
        .expect("the demo has a plan for this filière and year");
    store.plan_detail(id, as_of()).unwrap()
}

#[test]
fn the_demo_gives_every_screen_of_indicator_29_something_real() {
    let store = demo_store();
    let mco = programme(&store, "BTS MCO");

    // The plan: objectives reached and not reached, isolated actions.
    let current = plan(&store, mco, 2025);
    let statuses: Vec<ObjectiveStatus> = current.objectives.iter().map(|o| o.status).collect();
    assert!(statuses.contains(&ObjectiveStatus::Reached), "{statuses:?}");
    assert!(statuses.contains(&ObjectiveStatus::Missed), "{statuses:?}");
    assert!(
        !current.isolated_actions.is_empty(),
        "some actions serve no objective: the « actions isolées » the seed warns about"
    );
    assert!(current.isolated_actions.iter().all(|a| a.indicator29));
    let measures: std::collections::HashSet<ObjectiveMeasure> = current
        .objectives
        .iter()
        .map(|o| o.objective.measure)
        .collect();
    assert_eq!(
        measures.len(),
        ObjectiveMeasure::ALL.len(),
        "every kind of target"
    );
    for o in &current.objectives {
        if let Some(f) = &o.figure {
            assert_eq!(f.rate.numerator as usize, f.numerator_ids.len());
            assert_eq!(f.rate.denominator as usize, f.denominator_ids.len());
        }
        assert!(!o.method.is_empty());
    }

    // The cohort grid of the promo that left in June 2025.
    let grid = store
        .survey_grid(cohort(&store, mco, "Promo 2023-2025"), as_of())
        .unwrap();
    assert_eq!(grid.rows.len(), 12);
    let states: Vec<CellState> = grid
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.state))
        .collect();
    assert!(
        states.contains(&CellState::Overdue),
        "a few questionnaires are missing"
    );
    assert!(states.contains(&CellState::Answered));
    let situations: std::collections::HashSet<Situation> = grid
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().filter_map(|c| c.situation))
        .collect();
    for s in [
        Situation::Unreachable,
        Situation::SchoolStudies,
        Situation::Apprenticeship,
        Situation::EmployedAbroad,
        Situation::Employed,
        Situation::JobSeeking,
    ] {
        assert!(situations.contains(&s), "the demo shows {s:?}");
    }
    assert_eq!(grid.response.len(), Timepoint::ALL.len());

    // Offers across the year, counted per month (September to August) and filière.
    let offers = store
        .list_offers(&OfferFilter {
            school_year: Some(SchoolYear::starting(2025)),
            ..Default::default()
        })
        .unwrap();
    assert!(offers.rows.len() >= 20);
    assert_eq!(offers.by_month.len(), 12);
    assert_eq!(offers.by_month[0].key, "2025-09");
    assert_eq!(offers.by_month[11].key, "2026-08");
    let total: i64 = offers.by_month.iter().map(|c| c.count).sum();
    assert_eq!(total as usize, offers.rows.len());
    assert_eq!(offers.by_programme.len(), 3);

    // The bilan of 2024-2025, with its results and next year's objectives.
    let review = store
        .review_detail(mco, SchoolYear::starting(2024), as_of())
        .unwrap();
    let text = review.review.expect("the demo has a bilan");
    assert!(text.difficulties.is_some() && text.priorities.is_some());
    assert!(!text.next_objective_ids.is_empty());
    assert!(review
        .next_year_objectives
        .iter()
        .any(|o| text.next_objective_ids.contains(&o.id)));
    assert!(
        review
            .results
            .total
            .at(Timepoint::Month6)
            .unwrap()
            .leavers
            .count
            > 0
    );
}

#[test]
fn one_questionnaire_moves_the_response_rate_the_insertion_rate_and_the_objective() {
    let mut store = demo_store();
    let mco = programme(&store, "BTS MCO");
    let year = SchoolYear::starting(2024);
    let grid = store
        .survey_grid(cohort(&store, mco, "Promo 2023-2025"), as_of())
        .unwrap();
    let (row, cell) = grid
        .rows
        .iter()
        .find_map(|r| {
            r.cells
                .iter()
                .find(|c| c.timepoint == Timepoint::Month6 && c.state == CellState::Overdue)
                .map(|c| (r, c))
        })
        .expect("an overdue 6-month questionnaire");
    let before = store.programme_results(mco, year, as_of()).unwrap();
    let six = before.total.at(Timepoint::Month6).unwrap().clone();
    let objective_before = plan(&store, mco, 2025)
        .objectives
        .into_iter()
        .find(|o| o.objective.result == Some(ResultFigure::ResponseRate6))
        .unwrap();
    assert_eq!(objective_before.display, six.response_rate.rate.display);

    store
        .save_exit_survey(
            &ExitSurveyInput {
                apprentice_id: Some(row.apprentice_id),
                timepoint: "m6".into(),
                surveyed_on: cell.due_on.format("%d/%m/%Y").to_string(),
                method: "phone".into(),
                situation: "employed".into(),
                contract: "cdi".into(),
                in_target_job: true,
                ..Default::default()
            },
            as_of(),
        )
        .unwrap();

    let after = store.programme_results(mco, year, as_of()).unwrap();
    let six_after = after.total.at(Timepoint::Month6).unwrap();
    assert_eq!(six_after.respondents.count, six.respondents.count + 1);
    assert_eq!(
        six_after.response_rate.rate.denominator,
        six.response_rate.rate.denominator
    );
    assert_eq!(
        six_after.insertion.rate.numerator,
        six.insertion.rate.numerator + 1
    );
    assert_eq!(
        six_after.insertion.rate.denominator,
        six.insertion.rate.denominator + 1
    );
    assert!(six_after
        .insertion
        .numerator_ids
        .contains(&row.apprentice_id));
    let objective_after = plan(&store, mco, 2025)
        .objectives
        .into_iter()
        .find(|o| o.objective.result == Some(ResultFigure::ResponseRate6))
        .unwrap();
    assert_eq!(
        objective_after.display,
        six_after.response_rate.rate.display
    );
    assert_ne!(objective_after.display, objective_before.display);
    // The grid now shows it answered.
    let grid = store.survey_grid(grid.cohort_id, as_of()).unwrap();
    let cell = grid
        .rows
        .iter()
        .find(|r| r.apprentice_id == row.apprentice_id)
        .unwrap()
        .cells
        .iter()
        .find(|c| c.timepoint == Timepoint::Month6)
        .unwrap()
        .clone();
    assert_eq!(cell.state, CellState::Answered);
    assert_eq!(cell.situation, Some(Situation::Employed));
    // The dashboard of 2025-2026 shows last year's leavers with the same figure.
    let dashboard = store
        .dashboard(SchoolYear::starting(2025), as_of())
        .unwrap();
    let previous = dashboard
        .previous_results
        .iter()
        .find(|r| r.programme_id == mco)
        .unwrap();
    assert_eq!(
        previous
            .total
            .at(Timepoint::Month6)
            .unwrap()
            .response_rate
            .rate
            .display,
        six_after.response_rate.rate.display
    );
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_bad_questionnaire_gets_a_french_message_and_writes_nothing() {
    let mut s = small(Store::open_in_memory().unwrap());
    let apprentice = s.apprentices[0];
    let survey = |situation: &str| ExitSurveyInput {
        apprentice_id: Some(apprentice),
        timepoint: "m6".into(),
        surveyed_on: "15/01/2028".into(),
        method: "email".into(),
        situation: situation.into(),
        ..Default::default()
    };
    // Still in training: no questionnaire yet.
    let error = fields(
        s.store
            .save_exit_survey(&survey("job_seeking"), d(2030, 1, 1))
            .unwrap_err(),
    );
    assert_eq!(error[0].0, "apprenticeId");
    assert!(error[0].1.contains("encore en formation"), "{error:?}");

    // They leave with their diploma on 30/06/2027.
    let mut input = ApprenticeInput {
        id: Some(apprentice),
        cohort_id: Some(s.cohort),
        first_name: "Camille".into(),
        last_name: "Lefèvre".into(),
        status: "graduated".into(),
        referent_id: Some(s.staff),
        ..Default::default()
    };
    let error = fields(s.store.save_apprentice(&input).unwrap_err());
    assert_eq!(error[0].0, "exitDate", "a leaver needs an exit date");
    input.exit_date = "30/06/2027".into();
    let saved = s.store.save_apprentice(&input).unwrap();
    assert_eq!(saved.exit_date, Some(d(2027, 6, 30)));
    assert_eq!(
        saved.contract_end, None,
        "kept apart from the contract dates"
    );

    // Employed with no contract; studies with no type; an unknown situation.
    let error = fields(
        s.store
            .save_exit_survey(&survey("employed"), d(2030, 1, 1))
            .unwrap_err(),
    );
    assert_eq!(error[0].0, "contract");
    let error = fields(
        s.store
            .save_exit_survey(&survey("school_studies"), d(2030, 1, 1))
            .unwrap_err(),
    );
    assert_eq!(error[0].0, "studyType");
    let error = fields(
        s.store
            .save_exit_survey(&survey("en vacances"), d(2030, 1, 1))
            .unwrap_err(),
    );
    assert_eq!(error[0].0, "situation");
    // Before the exit.
    let mut early = survey("job_seeking");
    early.surveyed_on = "01/05/2027".into();
    let error = fields(s.store.save_exit_survey(&early, d(2030, 1, 1)).unwrap_err());
    assert_eq!(error[0].0, "surveyedOn");
    assert!(error[0].1.contains("30/06/2027"), "{error:?}");
    // A 12-month questionnaire a year early, or one dated in the future.
    let mut too_early = survey("job_seeking");
    too_early.timepoint = "m12".into();
    too_early.surveyed_on = "02/07/2027".into();
    let error = fields(
        s.store
            .save_exit_survey(&too_early, d(2030, 1, 1))
            .unwrap_err(),
    );
    assert!(
        error[0].1.contains("31/05/2028"),
        "a month before it falls due: {error:?}"
    );
    let error = fields(
        s.store
            .save_exit_survey(&survey("job_seeking"), d(2027, 12, 1))
            .unwrap_err(),
    );
    assert_eq!(error[0].0, "surveyedOn");
    assert!(error[0].1.contains("à venir"), "{error:?}");
    assert_eq!(count(&s.store, "exit_survey"), 0, "nothing written");

    // A good one, then the same timepoint again.
    let first = s
        .store
        .save_exit_survey(&survey("job_seeking"), d(2030, 1, 1))
        .unwrap();
    let error = fields(
        s.store
            .save_exit_survey(&survey("inactive"), d(2030, 1, 1))
            .unwrap_err(),
    );
    assert_eq!(error[0].0, "timepoint");
    assert!(error[0].1.contains("à 6 mois"), "{error:?}");
    // Correcting it is fine; a target-job flag on a non-job is dropped.
    let mut fix = survey("inactive");
    fix.id = Some(first.id);
    fix.in_target_job = true;
    let fixed = s.store.save_exit_survey(&fix, d(2030, 1, 1)).unwrap();
    assert_eq!(
        (fixed.situation, fixed.in_target_job),
        (Situation::Inactive, false)
    );
    assert_eq!(count(&s.store, "exit_survey"), 1);

    // Back in training with a questionnaire recorded: refused.
    input.status = "in_training".into();
    input.exit_date.clear();
    let error = fields(s.store.save_apprentice(&input).unwrap_err());
    assert_eq!(error[0].0, "status");
    assert_eq!(
        s.store.exit_surveys_of(apprentice).unwrap().len(),
        1,
        "the refused save changed nothing"
    );
}

#[test]
fn objectives_are_checked_against_their_plan_and_measured_from_the_records() {
    let mut s = small(Store::open_in_memory().unwrap());
    let programme = s.store.list_programmes().unwrap()[0].programme.id;
    let plan = s
        .store
        .save_action_plan(
            &ActionPlanInput {
                programme_id: Some(programme),
                school_year: "2025-2026".into(),
                budget: "1 500,50 €".into(),
                ..Default::default()
            },
            as_of(),
        )
        .unwrap()
        .plan;
    assert_eq!(plan.budget_cents, Some(150_050));
    let again = s.store.save_action_plan(
        &ActionPlanInput {
            programme_id: Some(programme),
            school_year: "2025-2026".into(),
            ..Default::default()
        },
        as_of(),
    );
    assert_eq!(
        fields(again.unwrap_err())[0].0,
        "schoolYear",
        "one plan per filière and year"
    );

    let objective = |measure: &str, target: &str| ObjectiveInput {
        plan_id: Some(plan.id),
        label: "Atelier CV pour toute la promo".into(),
        period_start: "01/10/2025".into(),
        period_end: "31/03/2026".into(),
        measure: measure.into(),
        target: target.into(),
        cohort_id: Some(s.cohort),
        action_kinds: vec!["cv_workshop".into()],
        ..Default::default()
    };
    let mut outside = objective("cohort_share", "80");
    outside.period_end = "30/09/2026".into();
    assert_eq!(
        fields(s.store.save_objective(&outside, as_of()).unwrap_err())[0].0,
        "periodEnd"
    );
    assert_eq!(
        fields(
            s.store
                .save_objective(&objective("cohort_share", "120"), as_of())
                .unwrap_err()
        )[0]
        .0,
        "target"
    );
    let mut manual = objective("manual", "85");
    manual.manual_value = "88".into();
    assert_eq!(
        fields(s.store.save_objective(&manual, as_of()).unwrap_err())[0].0,
        "manualSource",
        "a hand-entered value is only worth its source"
    );
    assert_eq!(count(&s.store, "objective"), 0);

    // 2 of the 3 apprentices at a CV workshop linked to the objective: 66,7 %.
    let detail = s
        .store
        .save_objective(&objective("cohort_share", "80"), as_of())
        .unwrap();
    let objective_id = detail.objectives[0].objective.id;
    let mut action = super::action_input(&s, &[(0, true, true), (1, true, false)]);
    action.start_date = "06/11/2025".into();
    action.objective_ids = vec![objective_id];
    s.store.save_action(&action).unwrap();
    let progress = &s
        .store
        .plan_detail(plan.id, d(2026, 1, 15))
        .unwrap()
        .objectives[0];
    assert_eq!(progress.display, "66,7\u{202f}%");
    assert_eq!(
        progress.status,
        ObjectiveStatus::InProgress,
        "its period is not over"
    );
    assert_eq!(progress.actions.len(), 1);
    assert_eq!(progress.participation.display, "66,7\u{202f}%");
    let figure = progress.figure.as_ref().unwrap();
    assert_eq!(figure.denominator_ids, s.apprentices);
    let late = s.store.plan_detail(plan.id, d(2026, 4, 1)).unwrap();
    assert_eq!(late.objectives[0].status, ObjectiveStatus::Missed);
    assert!(
        late.isolated_actions.is_empty(),
        "the action serves an objective"
    );

    // Another workshop for the third apprentice, not linked: the objective is
    // reached (it counts kinds, not links) and the action is isolated.
    let mut second = super::action_input(&s, &[(2, true, true)]);
    second.start_date = "20/01/2026".into();
    let second = s.store.save_action(&second).unwrap();
    let detail = s.store.plan_detail(plan.id, d(2026, 4, 1)).unwrap();
    assert_eq!(detail.objectives[0].status, ObjectiveStatus::Reached);
    assert_eq!(
        detail
            .isolated_actions
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        vec![second.action.id]
    );

    // An action of another school year cannot serve this plan's objective,
    // and one after the objective's period does not count for it.
    let mut other_year = super::action_input(&s, &[(0, true, true)]);
    other_year.start_date = "12/06/2025".into();
    other_year.objective_ids = vec![objective_id];
    let error = fields(s.store.save_action(&other_year).unwrap_err());
    assert_eq!(error[0].0, "objectiveIds");
    assert!(error[0].1.contains("2024-2025"), "{error:?}");
    let mut objective_count = objective("action_count", "2");
    objective_count.label = "Deux ateliers CV avant avril".into();
    s.store
        .save_objective(&objective_count, d(2026, 4, 1))
        .unwrap();
    let mut late = super::action_input(&s, &[(0, true, true)]);
    late.start_date = "15/04/2026".into();
    s.store.save_action(&late).unwrap();
    let detail = s.store.plan_detail(plan.id, d(2026, 5, 1)).unwrap();
    let counted = detail
        .objectives
        .iter()
        .find(|o| o.objective.label == "Deux ateliers CV avant avril")
        .unwrap();
    assert_eq!(
        counted.display, "2 actions",
        "April is after the objective's period"
    );
    assert!(counted.method.contains("31/03/2026"), "{}", counted.method);
}

#[test]
fn milestones_start_as_the_defaults_and_become_the_cfas_own_when_edited() {
    let mut store = Store::open_in_memory().unwrap();
    let year = SchoolYear::starting(2026);
    let defaults = store.milestones(year).unwrap();
    assert!(defaults.iter().all(|m| m.id.is_none()));
    assert_eq!(defaults[0].label, "Rentrée");
    assert_eq!(
        defaults[0].start_date,
        d(2026, 9, 7),
        "the first Monday of September"
    );
    assert!(defaults.iter().any(|m| m.kind == MilestoneKind::Parcoursup));
    let edited = store.edit_milestones(year).unwrap();
    assert_eq!(edited.len(), defaults.len());
    assert!(edited.iter().all(|m| m.id.is_some()));
    let first = &edited[0];
    let saved = store
        .save_milestone(&MilestoneInput {
            id: first.id,
            school_year: "2026-2027".into(),
            kind: "rentree".into(),
            label: "Rentrée des 1re année".into(),
            start_date: "08/09/2026".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(saved.iter().any(|m| m.label == "Rentrée des 1re année"));
    let outside = store.save_milestone(&MilestoneInput {
        school_year: "2026-2027".into(),
        kind: "fair".into(),
        label: "Salon".into(),
        start_date: "15/09/2027".into(),
        ..Default::default()
    });
    assert_eq!(fields(outside.unwrap_err())[0].0, "startDate");
    // Another year keeps its defaults.
    assert!(store.milestones(SchoolYear::starting(2027)).unwrap()[0]
        .id
        .is_none());
}

#[test]
fn an_offer_needs_a_source_a_contract_and_a_filiere() {
    let mut s = small(Store::open_in_memory().unwrap());
    let programme = s.store.list_programmes().unwrap()[0].programme.id;
    let error = fields(
        s.store
            .save_relayed_offer(&RelayedOfferInput {
                offered_on: "12/10/2025".into(),
                title: "Auxiliaire de crèche".into(),
                contract: "cdd".into(),
                channel: "ent".into(),
                ..Default::default()
            })
            .unwrap_err(),
    );
    let names: Vec<&str> = error.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, vec!["source", "programmeIds"]);
    let both = s
        .store
        .save_relayed_offer(&RelayedOfferInput {
            offered_on: "12/10/2025".into(),
            partner_id: Some(s.partner),
            source: "ignored when a partner is chosen".into(),
            title: "Auxiliaire de crèche".into(),
            contract: "cdd".into(),
            channel: "ent".into(),
            programme_ids: vec![programme, programme],
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(
        fields(both)[0].0,
        "source",
        "a partner and a free source: the person chooses"
    );
    let offer = s
        .store
        .save_relayed_offer(&RelayedOfferInput {
            offered_on: "12/10/2025".into(),
            partner_id: Some(s.partner),
            title: "Auxiliaire de crèche".into(),
            contract: "cdd".into(),
            channel: "ent".into(),
            programme_ids: vec![programme, programme],
            ..Default::default()
        })
        .unwrap();
    assert_eq!((offer.source, offer.programme_ids), (None, vec![programme]));
    let list = s.store.list_offers(&OfferFilter::default()).unwrap();
    assert_eq!(list.rows[0].source_label, "Mission locale d’Orléans");
    assert_eq!(
        list.by_month.len(),
        1,
        "without a year, only months with offers"
    );
    assert_eq!(list.by_month[0].label, "oct. 2025");
}

#[test]
fn a_version_1_database_gets_exit_dates_for_its_leavers() {
    let folder = Folder::new();
    {
        let conn = Connection::open(folder.database()).unwrap();
        conn.pragma_update(None, "application_id", tremplin::store::APPLICATION_ID)
            .unwrap();
        conn.execute_batch(include_str!("../../src/store/migrations/0001_init.sql"))
            .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO programme (id, code, name) VALUES (1, 'CAP', 'CAP Cuisine');
             INSERT INTO cohort (id, programme_id, label, start_date, end_date)
                 VALUES (1, 1, 'Promo', '2023-09-01', '2025-06-30');
             INSERT INTO apprentice (cohort_id, first_name, last_name, status, contract_end)
                 VALUES (1, 'Léa', 'Martin', 'graduated', '2025-06-27'),
                        (1, 'Tom', 'Petit', 'dropped_out', NULL),
                        (1, 'Inès', 'Roux', 'in_training', '2025-06-30');",
        )
        .unwrap();
    }
    let store = folder.open();
    let exits: Vec<(String, Option<String>)> = store
        .conn()
        .prepare("SELECT first_name, exit_date FROM apprentice ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        exits,
        vec![
            ("Léa".into(), Some("2025-06-27".into())),
            ("Tom".into(), Some("2025-06-30".into())),
            ("Inès".into(), None)
        ]
    );
    assert!(folder.path().join("tremplin.before-v2.sqlite").exists());
}

#[test]
fn records_that_indicator_29_relies_on_cannot_be_deleted_from_under_it() {
    use tremplin::store::Entity;
    let mut store = demo_store();
    let mco = programme(&store, "BTS MCO");
    let refused = |store: &Store, entity: Entity, id: Id| {
        let impact = store.deletion_impact(entity, id).unwrap();
        assert!(!impact.allowed, "{entity:?} {id}: {}", impact.message);
        impact.message
    };
    // The pilot of a plan, a partner at the source of an offer, a promo an
    // objective measures: each refused in French, nothing deleted.
    let plan = plan(&store, mco, 2025);
    let pilot = store
        .save_staff(&StaffInput {
            first_name: "Agnès".into(),
            last_name: "Pilote".into(),
            role: "management".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let mut input = ActionPlanInput {
        id: Some(plan.plan.id),
        programme_id: Some(mco),
        school_year: "2025-2026".into(),
        owner_id: Some(pilot),
        ..Default::default()
    };
    input.intent = plan.plan.intent.clone().unwrap_or_default();
    store.save_action_plan(&input, as_of()).unwrap();
    let owner = pilot;
    assert!(refused(&store, Entity::Staff, owner).contains("pilote"));
    let partner = store
        .save_partner(&PartnerInput {
            name: "Intérim Loiret".into(),
            kind: "employer".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    store
        .save_relayed_offer(&RelayedOfferInput {
            offered_on: "05/01/2026".into(),
            partner_id: Some(partner),
            title: "Préparateur(rice) de commandes".into(),
            contract: "other".into(),
            channel: "poster".into(),
            programme_ids: vec![mco],
            ..Default::default()
        })
        .unwrap();
    assert!(refused(&store, Entity::Partner, partner).contains("offre"));
    let measured = plan
        .objectives
        .iter()
        .find_map(|o| o.objective.cohort_id)
        .unwrap();
    let _ = refused(&store, Entity::Cohort, measured);
    assert!(matches!(
        store.delete(Entity::Staff, owner),
        Err(Error::Conflict(_))
    ));
    // A leaver goes with their questionnaires, and the question says so.
    let leaver: Id = store
        .conn()
        .query_row("SELECT apprentice_id FROM exit_survey LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let impact = store.deletion_impact(Entity::Apprentice, leaver).unwrap();
    assert!(
        impact.allowed && impact.message.contains("questionnaires de sortie"),
        "{}",
        impact.message
    );
    store.delete(Entity::Apprentice, leaver).unwrap();
    assert!(store.exit_surveys_of(leaver).unwrap().is_empty());
    assert!(store.check().unwrap().is_healthy());
}
