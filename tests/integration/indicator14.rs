//! Indicator 14 on real SQLite files: the référent's history (never two
//! current), bulk assignment, follow-ups and the « En retard » list.

use chrono::NaiveDate;
use tremplin::demo::{self, DemoConfig};
use tremplin::model::*;
use tremplin::{Error, Store};

use super::small;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fields(error: Error) -> Vec<(String, String)> {
    match error {
        Error::Validation(fields) => fields.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn staff(store: &mut Store, last: &str) -> Id {
    store
        .save_staff(&StaffInput {
            first_name: "Paul".into(),
            last_name: last.into(),
            role: "referent".into(),
            ..Default::default()
        })
        .unwrap()
        .id
}

fn apprentice_input(store: &Store, id: Id) -> ApprenticeInput {
    let a = store.apprentice(id).unwrap();
    ApprenticeInput {
        id: Some(id),
        cohort_id: Some(a.cohort_id),
        first_name: a.first_name,
        last_name: a.last_name,
        referent_id: a.referent_id,
        status: a.status.code().into(),
        ..Default::default()
    }
}

fn current_count(store: &Store, apprentice: Id) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT count(*) FROM referent_period WHERE apprentice_id = ?1 AND end_date IS NULL",
            [apprentice],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_change_of_referent_closes_the_period_and_opens_the_next_never_two_current() {
    let mut s = small(Store::open_in_memory().unwrap());
    let apprentice = s.apprentices[0];
    let first = s.staff;
    let history = s.store.referent_history(apprentice).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (
            history[0].staff_id,
            history[0].start_date,
            history[0].end_date
        ),
        (first, d(2025, 9, 1), None)
    );

    let second = staff(&mut s.store, "Girard");
    let mut input = apprentice_input(&s.store, apprentice);
    input.referent_id = Some(second);
    // Without the day of the change: refused, nothing changes.
    let error = fields(s.store.save_apprentice(&input).unwrap_err());
    assert_eq!(error[0].0, "referentSince");
    assert_eq!(
        s.store.apprentice(apprentice).unwrap().referent_id,
        Some(first)
    );
    // Before the current period began: refused.
    input.referent_since = "15/08/2025".into();
    let error = fields(s.store.save_apprentice(&input).unwrap_err());
    assert!(error[0].1.contains("01/09/2025"), "{error:?}");
    // On 5 January 2026.
    input.referent_since = "05/01/2026".into();
    s.store.save_apprentice(&input).unwrap();
    let history = s.store.referent_history(apprentice).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[0].staff_id, history[0].end_date),
        (first, Some(d(2026, 1, 5)))
    );
    assert_eq!(
        (
            history[1].staff_id,
            history[1].start_date,
            history[1].end_date
        ),
        (second, d(2026, 1, 5), None)
    );
    assert_eq!(history[1].staff_name, "Paul Girard");
    assert_eq!(current_count(&s.store, apprentice), 1);
    // A correction the same day replaces the period rather than adding one.
    let third = staff(&mut s.store, "Hamel");
    input.referent_id = Some(third);
    s.store.save_apprentice(&input).unwrap();
    let history = s.store.referent_history(apprentice).unwrap();
    assert_eq!(history.len(), 2, "no period of zero days");
    assert_eq!(history[1].staff_id, third);
    // Saving again without a change touches nothing.
    input.referent_since.clear();
    s.store.save_apprentice(&input).unwrap();
    assert_eq!(s.store.referent_history(apprentice).unwrap().len(), 2);
    // The database itself refuses a second current period.
    let second_current = s.store.conn().execute(
        "INSERT INTO referent_period (apprentice_id, staff_id, start_date) VALUES (?1, ?2, '2026-03-01')",
        rusqlite::params![apprentice, first],
    );
    assert!(
        second_current.is_err(),
        "the unique index keeps one current référent"
    );
}

#[test]
fn a_whole_promo_changes_referent_in_one_transaction() {
    let mut s = small(Store::open_in_memory().unwrap());
    let newcomer = staff(&mut s.store, "Leroy");
    let error = fields(
        s.store
            .assign_referent(&ReferentAssignmentInput {
                apprentice_ids: vec![],
                staff_id: Some(newcomer),
                since: "01/02/2026".into(),
            })
            .unwrap_err(),
    );
    assert_eq!(error[0].0, "apprenticeIds");
    // One unknown apprentice in the list: nothing is assigned.
    let mut ids = s.apprentices.clone();
    ids.push(Id(9999));
    assert!(s
        .store
        .assign_referent(&ReferentAssignmentInput {
            apprentice_ids: ids,
            staff_id: Some(newcomer),
            since: "01/02/2026".into(),
        })
        .is_err());
    for &a in &s.apprentices {
        assert_eq!(
            s.store.referent_history(a).unwrap().len(),
            1,
            "all or nothing"
        );
    }
    let n = s
        .store
        .assign_referent(&ReferentAssignmentInput {
            apprentice_ids: s.apprentices.clone(),
            staff_id: Some(newcomer),
            since: "01/02/2026".into(),
        })
        .unwrap();
    assert_eq!(n, 3);
    for &a in &s.apprentices {
        assert_eq!(s.store.apprentice(a).unwrap().referent_id, Some(newcomer));
        let history = s.store.referent_history(a).unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].end_date, Some(d(2026, 2, 1)));
        assert_eq!(current_count(&s.store, a), 1);
    }
}

fn review(apprentice: Id, on: &str) -> FollowUpInput {
    FollowUpInput {
        apprentice_id: Some(apprentice),
        kind: "monthly_review".into(),
        held_on: on.into(),
        topics: vec!["technical".into()],
        findings: "Bonne progression sur les tâches confiées.".into(),
        ..Default::default()
    }
}

#[test]
fn overdue_is_counted_from_the_last_review_with_the_35_day_boundary() {
    let mut s = small(Store::open_in_memory().unwrap());
    let [a, b, c] = [s.apprentices[0], s.apprentices[1], s.apprentices[2]];
    s.store.save_follow_up(&review(a, "10/01/2026")).unwrap();
    s.store.save_follow_up(&review(b, "20/01/2026")).unwrap();
    // c never had a review: late since 35 days after the start of the promo.
    let on_time = s.store.overdue(d(2026, 2, 14)).unwrap();
    assert_eq!(on_time.after_days, 35);
    assert_eq!(on_time.in_training, 3);
    assert_eq!(
        on_time
            .rows
            .iter()
            .map(|r| r.apprentice_id)
            .collect::<Vec<_>>(),
        vec![c]
    );
    let late = s.store.overdue(d(2026, 2, 15)).unwrap();
    assert_eq!(
        late.rows
            .iter()
            .map(|r| r.apprentice_id)
            .collect::<Vec<_>>(),
        vec![c, a]
    );
    assert_eq!(
        (late.rows[1].days, late.rows[1].last_review),
        (36, Some(d(2026, 1, 10)))
    );
    assert_eq!(late.rows[0].last_review, None);
    assert_eq!(late.rows[1].referent_name.as_deref(), Some("Inès Moreau"));

    // A review for a leaves the list; b's turn comes later.
    s.store.save_follow_up(&review(a, "14/02/2026")).unwrap();
    let late = s.store.overdue(d(2026, 2, 15)).unwrap();
    assert_eq!(
        late.rows
            .iter()
            .map(|r| r.apprentice_id)
            .collect::<Vec<_>>(),
        vec![c]
    );

    // A change of référent: the list names the new one.
    let other = staff(&mut s.store, "Girard");
    s.store
        .assign_referent(&ReferentAssignmentInput {
            apprentice_ids: vec![c],
            staff_id: Some(other),
            since: "01/02/2026".into(),
        })
        .unwrap();
    assert_eq!(
        s.store.overdue(d(2026, 2, 15)).unwrap().rows[0]
            .referent_name
            .as_deref(),
        Some("Paul Girard")
    );

    // c leaves: never overdue again, and no monthly review after the exit.
    let mut input = apprentice_input(&s.store, c);
    input.status = "dropped_out".into();
    input.exit_date = "20/02/2026".into();
    s.store.save_apprentice(&input).unwrap();
    assert!(s
        .store
        .overdue(d(2026, 4, 1))
        .unwrap()
        .rows
        .iter()
        .all(|r| r.apprentice_id != c));
    let error = fields(
        s.store
            .save_follow_up(&review(c, "02/03/2026"))
            .unwrap_err(),
    );
    assert!(error[0].1.contains("20/02/2026"), "{error:?}");

    // The setting moves the boundary; a silly value is refused in French.
    assert_eq!(s.store.set_overdue_after_days("60").unwrap(), 60);
    assert!(s.store.overdue(d(2026, 3, 1)).unwrap().rows.is_empty());
    let error = fields(s.store.set_overdue_after_days("3").unwrap_err());
    assert!(error[0].1.contains("7 à 120"));
}

#[test]
fn a_follow_up_is_checked_and_held_by_the_referent_of_that_day() {
    let mut s = small(Store::open_in_memory().unwrap());
    let a = s.apprentices[0];
    let mut no_topic = review(a, "12/11/2025");
    no_topic.topics.clear();
    assert_eq!(
        fields(s.store.save_follow_up(&no_topic).unwrap_err())[0].0,
        "topics"
    );
    let mut early = review(a, "01/06/2025");
    early.topics = vec!["social".into()];
    assert_eq!(
        fields(s.store.save_follow_up(&early).unwrap_err())[0].0,
        "heldOn"
    );
    // A new référent from January: a November review stays the first one's.
    let other = staff(&mut s.store, "Girard");
    s.store
        .assign_referent(&ReferentAssignmentInput {
            apprentice_ids: vec![a],
            staff_id: Some(other),
            since: "05/01/2026".into(),
        })
        .unwrap();
    let november = s.store.save_follow_up(&review(a, "12/11/2025")).unwrap();
    assert_eq!(november.staff_id, Some(s.staff));
    let february = s.store.save_follow_up(&review(a, "09/02/2026")).unwrap();
    assert_eq!(february.staff_id, Some(other));
    // End of cycle: its own fields kept, a monthly review's topics optional.
    let end = s
        .store
        .save_follow_up(&FollowUpInput {
            apprentice_id: Some(a),
            kind: "end_of_cycle".into(),
            held_on: "25/06/2027".into(),
            impact: "Les simulations d’entretien ont donné de l’assurance.".into(),
            project: "Poursuivre en licence professionnelle.".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        end.project.as_deref(),
        Some("Poursuivre en licence professionnelle.")
    );
    let rows = s.store.follow_ups_of(a).unwrap();
    assert_eq!(
        rows.iter().map(|r| r.follow_up.id).collect::<Vec<_>>(),
        vec![end.id, february.id, november.id]
    );
    assert_eq!(rows[1].staff_name.as_deref(), Some("Paul Girard"));
    assert_eq!(rows[2].follow_up.topics, vec![FollowUpTopic::Technical]);
}

#[test]
fn the_demo_has_referents_for_everyone_months_of_reviews_and_a_few_overdue() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = demo::create(&mut store, &DemoConfig::default()).unwrap();
    assert!(summary.follow_ups > 1000, "{}", summary.follow_ups);
    assert!(summary.referent_changes >= 6);
    let conn = store.conn();
    let without: i64 = conn
        .query_row(
            "SELECT count(*) FROM apprentice a WHERE NOT EXISTS
                 (SELECT 1 FROM referent_period p WHERE p.apprentice_id = a.id AND p.end_date IS NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(without, 0, "every apprentice has a current référent");
    let mismatched: i64 = conn
        .query_row(
            "SELECT count(*) FROM apprentice a JOIN referent_period p ON p.apprentice_id = a.id AND p.end_date IS NULL
             WHERE p.staff_id IS NOT a.referent_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        mismatched, 0,
        "the current period is the apprentice's référent"
    );
    let ends: i64 = conn
        .query_row(
            "SELECT count(*) FROM follow_up WHERE kind = 'end_of_cycle'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        ends, summary.leavers as i64,
        "an end-of-cycle interview per leaver"
    );
    let overdue = store.overdue(d(2026, 12, 2)).unwrap();
    assert_eq!(
        overdue.in_training, 60,
        "the promos 2025-2027 (2024-2026 ended in June)"
    );
    assert_eq!(
        overdue.rows.len(),
        6,
        "two per filière: {:#?}",
        overdue.rows
    );
    assert!(overdue
        .rows
        .iter()
        .all(|r| r.days > 35 && r.last_review.is_some()));
    assert!(store.check().unwrap().is_healthy());
}
