//! Indicator 14's computations over records already loaded: which
//! apprentices are overdue for their monthly review, the figures of an
//! evaluation before and after, the deadline of a corrective action. Pure functions; the day
//! (`as_of`) is always given, never read from the clock.

use chrono::NaiveDate;

use crate::model::{Id, OverdueRow};

mod evaluation;
mod file;
#[cfg(test)]
mod tests;

pub use evaluation::{default_due_date, evaluation_figures, LEARNING_SUPPORT_GROUP_MAX};
pub use file::{presence, score_summary, timeline};

/// Default of the « En retard » setting: a monthly review older than this is late.
pub const DEFAULT_OVERDUE_DAYS: i64 = 35;

/// An apprentice who may be overdue, as loaded by the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub row: OverdueRow,
    /// Still in training (no exit reason).
    pub in_training: bool,
    pub exit_date: Option<NaiveDate>,
    /// When their training started (contract start, else the promo's start).
    pub started: NaiveDate,
    /// When their promo ends.
    pub cohort_end: NaiveDate,
    /// Dates of their monthly reviews (any order).
    pub reviews: Vec<NaiveDate>,
}

/// Whether `c` is in training on `as_of`: no exit, training started, promo not over.
pub fn in_training(c: &Candidate, as_of: NaiveDate) -> bool {
    c.in_training
        && c.exit_date.is_none_or(|exit| exit > as_of)
        && c.started <= as_of
        && c.cohort_end >= as_of
}

/// The apprentices in training on `as_of` whose last monthly review (on or
/// before `as_of`) is more than `after_days` old — or who have had none for
/// more than `after_days` since their training started. Most overdue first,
/// then by name.
pub fn overdue(candidates: &[Candidate], as_of: NaiveDate, after_days: i64) -> Vec<OverdueRow> {
    let mut rows: Vec<OverdueRow> = candidates
        .iter()
        .filter(|c| in_training(c, as_of))
        .filter_map(|c| {
            let last = c.reviews.iter().copied().filter(|d| *d <= as_of).max();
            let since = last.unwrap_or(c.started);
            let days = (as_of - since).num_days();
            (days > after_days).then(|| OverdueRow {
                last_review: last,
                since,
                days,
                ..c.row.clone()
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        b.days
            .cmp(&a.days)
            .then_with(|| crate::format::fold(&a.last_name).cmp(&crate::format::fold(&b.last_name)))
            .then_with(|| a.apprentice_id.cmp(&b.apprentice_id))
    });
    rows
}

/// Ids of `rows`, for tests and counts.
pub fn ids(rows: &[OverdueRow]) -> Vec<Id> {
    rows.iter().map(|r| r.apprentice_id).collect()
}
