//! The « En retard » rule on fixed dates: the boundary at 35 days, leavers,
//! apprentices never reviewed, promos not started or over.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn candidate(id: i64, reviews: &[NaiveDate]) -> Candidate {
    Candidate {
        row: OverdueRow {
            apprentice_id: Id(id),
            first_name: "Léa".into(),
            last_name: format!("Nom{id}"),
            cohort_id: Id(1),
            cohort_label: "Promo 2025-2027".into(),
            programme_code: "BTS MCO".into(),
            referent_id: Some(Id(7)),
            referent_name: Some("Nathalie Perrot".into()),
            last_review: None,
            since: d(2025, 9, 1),
            days: 0,
        },
        in_training: true,
        exit_date: None,
        started: d(2025, 9, 1),
        cohort_end: d(2027, 6, 30),
        reviews: reviews.to_vec(),
    }
}

#[test]
fn thirty_five_days_is_on_time_thirty_six_is_late() {
    let c = [candidate(1, &[d(2026, 1, 10)])];
    // 10 January + 35 days = 14 February.
    assert!(overdue(&c, d(2026, 2, 14), 35).is_empty());
    let late = overdue(&c, d(2026, 2, 15), 35);
    assert_eq!(ids(&late), vec![Id(1)]);
    assert_eq!(
        (late[0].days, late[0].last_review),
        (36, Some(d(2026, 1, 10)))
    );
    // The setting moves the boundary.
    assert!(overdue(&c, d(2026, 2, 15), 40).is_empty());
}

#[test]
fn the_latest_review_counts_and_one_after_the_day_does_not() {
    let c = [candidate(
        1,
        &[d(2026, 3, 1), d(2025, 11, 3), d(2026, 5, 20)],
    )];
    let late = overdue(&c, d(2026, 5, 1), 35);
    assert_eq!(
        late[0].last_review,
        Some(d(2026, 3, 1)),
        "20 May is after the day"
    );
    assert_eq!(late[0].days, 61);
}

#[test]
fn never_reviewed_counts_from_the_start_of_training() {
    let c = [candidate(1, &[])];
    assert!(
        overdue(&c, d(2025, 10, 6), 35).is_empty(),
        "35 days after 1 September"
    );
    let late = overdue(&c, d(2025, 10, 7), 35);
    assert_eq!(
        (late[0].since, late[0].last_review, late[0].days),
        (d(2025, 9, 1), None, 36)
    );
}

#[test]
fn leavers_and_promos_not_started_or_over_are_never_overdue() {
    let mut left = candidate(1, &[]);
    left.in_training = false;
    left.exit_date = Some(d(2026, 1, 31));
    let mut not_started = candidate(2, &[]);
    not_started.started = d(2026, 9, 1);
    let mut over = candidate(3, &[]);
    over.cohort_end = d(2026, 3, 31);
    let mut leaving_later = candidate(4, &[]);
    leaving_later.exit_date = Some(d(2026, 6, 30));
    let late = overdue(
        &[left, not_started, over, leaving_later],
        d(2026, 4, 15),
        35,
    );
    assert_eq!(
        ids(&late),
        vec![Id(4)],
        "only the one still in training that day"
    );
}

#[test]
fn the_most_overdue_come_first() {
    let c = [
        candidate(1, &[d(2026, 1, 5)]),
        candidate(2, &[d(2025, 12, 1)]),
        candidate(3, &[d(2026, 3, 1)]),
    ];
    assert_eq!(ids(&overdue(&c, d(2026, 3, 20), 35)), vec![Id(2), Id(1)]);
}
