//! The « En retard » rule on fixed dates: the boundary at 35 days, leavers,
//! apprentices never reviewed, promos not started or over.

use super::*;
use crate::model::EvaluationRow;

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

// ------------------------------------------------- evaluations before/after

fn scored(id: i64, present: bool, before: Option<f64>, after: Option<f64>) -> EvaluationRow {
    EvaluationRow {
        apprentice_id: Id(id),
        first_name: "Léa".into(),
        last_name: format!("Nom{id}"),
        cohort_label: "Promo 2025-2027".into(),
        present,
        before,
        after,
    }
}

#[test]
fn means_progression_and_target_each_count_their_own_participants() {
    use crate::model::{ActionKind, EvaluationScale};
    let rows = [
        scored(1, true, Some(8.0), Some(12.0)),
        scored(2, true, Some(10.0), Some(15.0)),
        // Missed the final quiz: counts before, not after nor in the progression.
        scored(3, true, Some(6.0), None),
        // Only scored after (arrived late): counts after, not in the progression.
        scored(4, true, None, Some(9.0)),
        // Never scored: counts nowhere.
        scored(5, false, None, None),
    ];
    let f = evaluation_figures(
        ActionKind::SoftSkills,
        EvaluationScale::OutOf20,
        Some(10.0),
        &rows,
    );
    assert_eq!((f.before.value, f.before.count), (Some(8.0), 3)); // (8+10+6)/3
    assert_eq!((f.after.value, f.after.count), (Some(12.0), 3)); // (12+15+9)/3
    assert_eq!((f.progression.value, f.progression.count), (Some(4.5), 2)); // (4+5)/2
    let target = f.reaching_target.expect("a target gives a rate");
    // 12 and 15 reach 10, 9 does not: 2 of the 3 scored after.
    assert_eq!((target.numerator, target.denominator), (2, 3));
    assert!(target.method.contains("10/20"), "{}", target.method);
    assert_eq!(f.warnings.len(), 1, "{:?}", f.warnings);
    assert!(
        f.warnings[0].starts_with("1 participant évalué avant"),
        "{}",
        f.warnings[0]
    );
}

#[test]
fn no_scores_give_no_figure_and_no_target_gives_no_rate() {
    use crate::model::{ActionKind, EvaluationScale};
    let rows = [scored(1, true, None, None)];
    let f = evaluation_figures(
        ActionKind::DigitalTools,
        EvaluationScale::Percent,
        None,
        &rows,
    );
    assert_eq!((f.before.value, f.before.count), (None, 0));
    assert_eq!((f.progression.value, f.progression.count), (None, 0));
    assert!(f.reaching_target.is_none());
    let f = evaluation_figures(
        ActionKind::DigitalTools,
        EvaluationScale::Percent,
        Some(90.0),
        &rows,
    );
    let rate = f.reaching_target.unwrap();
    assert_eq!(rate.display, "non calculable");
}

#[test]
fn scales_print_their_own_unit() {
    use crate::model::EvaluationScale;
    assert_eq!(EvaluationScale::OutOf20.show(14.5), "14,5/20");
    assert_eq!(EvaluationScale::OutOf10.show(7.0), "7/10");
    assert_eq!(EvaluationScale::Percent.show(90.0), "90\u{202f}%");
    assert_eq!(EvaluationScale::OutOf20.show_gain(3.5), "+3,5\u{a0}points");
    assert_eq!(EvaluationScale::Percent.show_gain(-10.0), "−10\u{a0}points");
    assert_eq!(EvaluationScale::OutOf10.show_gain(1.0), "+1\u{a0}point");
    // Sign and plural follow the printed (rounded) value.
    assert_eq!(EvaluationScale::OutOf20.show_gain(1.96), "+2\u{a0}points");
    assert_eq!(EvaluationScale::OutOf20.show_gain(0.04), "0\u{a0}point");
    assert_eq!(EvaluationScale::OutOf20.show_gain(-0.04), "0\u{a0}point");
    assert_eq!(
        score_summary(EvaluationScale::OutOf20, Some(9.0), Some(14.0)).as_deref(),
        Some("9/20 → 14/20 (+5\u{a0}points)")
    );
    assert_eq!(
        score_summary(EvaluationScale::Percent, None, Some(80.0)).as_deref(),
        Some("après\u{a0}: 80\u{202f}%")
    );
}

#[test]
fn a_remise_a_niveau_group_over_eight_is_warned_never_refused() {
    use crate::model::{ActionKind, EvaluationScale};
    let eight: Vec<_> = (1..=8)
        .map(|i| scored(i, true, Some(8.0), Some(11.0)))
        .collect();
    let f = evaluation_figures(
        ActionKind::LearningSupport,
        EvaluationScale::OutOf20,
        None,
        &eight,
    );
    assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    let mut nine = eight.clone();
    nine.push(scored(9, true, Some(7.0), Some(10.0)));
    // Absent invitees do not make the group.
    nine.push(scored(10, false, None, None));
    let f = evaluation_figures(
        ActionKind::LearningSupport,
        EvaluationScale::OutOf20,
        None,
        &nine,
    );
    assert_eq!(f.warnings.len(), 1);
    assert!(f.warnings[0].contains("9 apprentis"), "{}", f.warnings[0]);
    assert_eq!(f.after.count, 9, "the figures are still computed");
    // The same group in another kind of action is not a remise à niveau.
    let f = evaluation_figures(
        ActionKind::SoftSkills,
        EvaluationScale::OutOf20,
        None,
        &nine,
    );
    assert!(f.warnings.is_empty());
}

#[test]
fn corrective_deadlines_are_three_months_for_a_major_six_for_a_minor() {
    use crate::model::NonConformityLevel::{Major, Minor};
    assert_eq!(default_due_date(Major, d(2026, 6, 16)), d(2026, 9, 16));
    assert_eq!(default_due_date(Minor, d(2026, 6, 16)), d(2026, 12, 16));
    // The end of a month is clamped to the shorter month.
    assert_eq!(default_due_date(Major, d(2025, 11, 30)), d(2026, 2, 28));
    assert_eq!(default_due_date(Major, d(2027, 11, 30)), d(2028, 2, 29));
    assert_eq!(default_due_date(Minor, d(2026, 8, 31)), d(2027, 2, 28));
}
