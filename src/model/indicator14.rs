//! Indicator 14's records: who follows each apprentice (the référent, with
//! its history) and the individual follow-ups, with the inputs their forms
//! send and the « En retard » list. Rules on them are in `validate`, the
//! overdue computation in [`crate::support`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// One period during which a staff member was an apprentice's référent.
/// Exactly one period per apprentice is open (`end_date` empty): the current one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReferentPeriod {
    pub id: Id,
    pub apprentice_id: Id,
    pub staff_id: Id,
    pub staff_name: String,
    pub start_date: NaiveDate,
    /// The day the next référent took over; empty for the current one.
    pub end_date: Option<NaiveDate>,
}

/// One référent for several apprentices at once (a whole promo, a selection).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReferentAssignmentInput {
    pub apprentice_ids: Vec<Id>,
    pub staff_id: Option<Id>,
    /// The day the new référent takes over, « 01/10/2025 ».
    pub since: String,
}

/// A monthly review or an end-of-cycle interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUp {
    pub id: Id,
    pub apprentice_id: Id,
    pub kind: FollowUpKind,
    pub held_on: NaiveDate,
    /// Who held it (by default the référent of that day).
    pub staff_id: Option<Id>,
    pub topics: Vec<FollowUpTopic>,
    /// What was found (facts, not judgements).
    pub findings: Option<String>,
    pub next_steps: Option<String>,
    /// End of cycle: what the actions brought.
    pub impact: Option<String>,
    /// End of cycle: the project after the diploma.
    pub project: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewFollowUp {
    pub apprentice_id: Id,
    pub kind: FollowUpKind,
    pub held_on: NaiveDate,
    pub staff_id: Option<Id>,
    pub topics: Vec<FollowUpTopic>,
    pub findings: Option<String>,
    pub next_steps: Option<String>,
    pub impact: Option<String>,
    pub project: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct FollowUpInput {
    pub id: Option<Id>,
    pub apprentice_id: Option<Id>,
    /// A [`FollowUpKind`] code.
    pub kind: String,
    pub held_on: String,
    pub staff_id: Option<Id>,
    /// [`FollowUpTopic`] codes.
    pub topics: Vec<String>,
    pub findings: String,
    pub next_steps: String,
    pub impact: String,
    pub project: String,
}

/// A follow-up as an apprentice's history lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUpRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub follow_up: FollowUp,
    pub staff_name: Option<String>,
}

/// An apprentice in training whose last monthly review is too old.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OverdueRow {
    pub apprentice_id: Id,
    pub first_name: String,
    pub last_name: String,
    pub cohort_id: Id,
    pub cohort_label: String,
    pub programme_code: String,
    pub referent_id: Option<Id>,
    pub referent_name: Option<String>,
    /// The last monthly review; empty when there has been none.
    pub last_review: Option<NaiveDate>,
    /// What the delay counts from: the last review, else the start of the training.
    pub since: NaiveDate,
    #[ts(type = "number")]
    pub days: i64,
}

/// The « En retard » list as of a day.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OverdueList {
    pub as_of: NaiveDate,
    /// A review older than this many days is overdue (setting, default 35).
    #[ts(type = "number")]
    pub after_days: i64,
    /// Apprentices in training on that day (the ones who could be overdue).
    #[ts(type = "number")]
    pub in_training: i64,
    /// Most overdue first.
    pub rows: Vec<OverdueRow>,
}
