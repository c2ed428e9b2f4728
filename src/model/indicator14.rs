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

// ------------------------------------------------- evaluations before/after

/// The evaluation of an action's participants before and after it: its
/// scale and target, each participant's scores, and the figures.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Evaluation {
    pub action_id: Id,
    pub scale: EvaluationScale,
    /// The score a participant should reach after the action (90 % on a quiz).
    pub target: Option<f64>,
    /// One row per invited apprentice, scored or not, in the sheet's order.
    pub rows: Vec<EvaluationRow>,
    pub figures: EvaluationFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvaluationRow {
    pub apprentice_id: Id,
    pub first_name: String,
    pub last_name: String,
    pub cohort_label: String,
    pub present: bool,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// A mean and how many values it is over (« non calculable » over none).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Mean {
    pub value: Option<f64>,
    #[ts(type = "number")]
    pub count: i64,
}

/// What an auditor reads off an evaluation, each figure with its count.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvaluationFigures {
    pub before: Mean,
    pub after: Mean,
    /// Mean of (after − before) over the participants scored both times.
    pub progression: Mean,
    /// Participants whose score after reaches the target ÷ participants
    /// scored after; absent without a target.
    pub reaching_target: Option<Rate>,
    /// « Groupe de remise à niveau de 11 apprentis… » — a warning, never a refusal.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EvaluationInput {
    pub action_id: Option<Id>,
    /// An [`EvaluationScale`] code.
    pub scale: String,
    /// As typed, « 90 » or « 16,5 »; empty for no target.
    pub target: String,
    pub scores: Vec<ScoreInput>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ScoreInput {
    pub apprentice_id: Option<Id>,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewEvaluation {
    pub action_id: Id,
    pub scale: EvaluationScale,
    pub target: Option<f64>,
    /// (apprentice, before, after), at least one score each.
    pub scores: Vec<(Id, Option<f64>, Option<f64>)>,
}

// ------------------------------------------------------ support resources

/// A support resource (« outils et ressources complémentaires »).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SupportResource {
    pub id: Id,
    pub kind: ResourceKind,
    pub name: String,
    pub description: Option<String>,
    pub provider: Option<String>,
    /// Who to contact or where it is.
    pub access: Option<String>,
    /// The filières it serves; empty = all.
    pub programme_ids: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSupportResource {
    pub kind: ResourceKind,
    pub name: String,
    pub description: Option<String>,
    pub provider: Option<String>,
    pub access: Option<String>,
    pub programme_ids: Vec<Id>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SupportResourceInput {
    pub id: Option<Id>,
    /// A [`ResourceKind`] code.
    pub kind: String,
    pub name: String,
    pub description: String,
    pub provider: String,
    pub access: String,
    pub programme_ids: Vec<Id>,
}

/// One usage figure of a resource over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResourceUsage {
    pub id: Id,
    pub resource_id: Id,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub metric: UsageMetric,
    pub value: f64,
    /// The value as printed: « 1 240 », « 72,5 % », « 4,2/5 ».
    pub shown: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewResourceUsage {
    pub resource_id: Id,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub metric: UsageMetric,
    pub value: f64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ResourceUsageInput {
    pub id: Option<Id>,
    pub resource_id: Option<Id>,
    pub period_start: String,
    pub period_end: String,
    /// A [`UsageMetric`] code.
    pub metric: String,
    pub value: String,
    pub note: String,
}

/// A resource as the list shows it, with its latest figures.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SupportResourceRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub resource: SupportResource,
    /// « Toutes les filières » or their codes.
    pub programmes: String,
    #[ts(type = "number")]
    pub usage_count: i64,
    /// The latest period with figures, « 01/09/2025 – 31/12/2025 ».
    pub latest_period: Option<String>,
    /// The figures of that period, « Connexions : 1 240 · Satisfaction : 4,2/5 ».
    pub latest_figures: Option<String>,
}

/// A resource with every usage figure, newest period first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SupportResourceDetail {
    pub resource: SupportResource,
    pub usages: Vec<ResourceUsage>,
}

// ------------------------------------------------------ non-conformities

/// An indicator of the Qualiopi reference framework (kept as data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FrameworkIndicator {
    pub number: u8,
    pub criterion: u8,
    pub criterion_label: String,
    pub label: String,
    pub cfa_only: bool,
    pub framework: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NonConformity {
    pub id: Id,
    /// The indicator's number in the reference framework.
    pub indicator: u8,
    pub level: NonConformityLevel,
    /// The audit date.
    pub found_on: NaiveDate,
    pub description: String,
    pub root_cause: RootCause,
    /// The day it was lifted; empty while open.
    pub closed_on: Option<NaiveDate>,
    pub corrective_actions: Vec<CorrectiveAction>,
    /// The monthly steering reviews, oldest first.
    pub reviews: Vec<SteeringReview>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CorrectiveAction {
    pub id: Id,
    pub description: String,
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub due_date: NaiveDate,
    pub status: CorrectiveStatus,
    pub done_on: Option<NaiveDate>,
    /// What proves it was carried out.
    pub proofs: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SteeringReview {
    pub id: Id,
    pub held_on: NaiveDate,
    pub notes: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct NonConformityInput {
    pub id: Option<Id>,
    pub indicator: Option<u8>,
    /// A [`NonConformityLevel`] code.
    pub level: String,
    pub found_on: String,
    pub description: String,
    /// A [`RootCause`] code.
    pub root_cause: String,
    pub closed_on: String,
    pub corrective_actions: Vec<CorrectiveActionInput>,
    pub reviews: Vec<SteeringReviewInput>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CorrectiveActionInput {
    /// Kept when editing, so its proofs stay attached.
    pub id: Option<Id>,
    pub description: String,
    pub owner_id: Option<Id>,
    /// Empty: the audit date + 3 months (major) or + 6 months (minor).
    pub due_date: String,
    /// A [`CorrectiveStatus`] code.
    pub status: String,
    pub done_on: String,
    pub proofs: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SteeringReviewInput {
    pub id: Option<Id>,
    pub held_on: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewNonConformity {
    pub indicator: u8,
    pub level: NonConformityLevel,
    pub found_on: NaiveDate,
    pub description: String,
    pub root_cause: RootCause,
    pub closed_on: Option<NaiveDate>,
    pub corrective_actions: Vec<NewCorrectiveAction>,
    pub reviews: Vec<NewSteeringReview>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewCorrectiveAction {
    pub id: Option<Id>,
    pub description: String,
    pub owner_id: Option<Id>,
    pub due_date: NaiveDate,
    pub status: CorrectiveStatus,
    pub done_on: Option<NaiveDate>,
    pub proofs: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSteeringReview {
    pub id: Option<Id>,
    pub held_on: NaiveDate,
    pub notes: String,
}

/// A non-conformity as the list shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NonConformityRow {
    pub id: Id,
    pub indicator: u8,
    /// « 14 — Accompagnement socio-professionnel… ».
    pub indicator_label: String,
    pub level: NonConformityLevel,
    pub found_on: NaiveDate,
    pub description: String,
    pub closed_on: Option<NaiveDate>,
    #[ts(type = "number")]
    pub action_count: i64,
    #[ts(type = "number")]
    pub done_count: i64,
    /// Corrective actions not done whose due date has passed.
    #[ts(type = "number")]
    pub overdue_count: i64,
    /// The nearest due date among actions not done.
    pub next_due: Option<NaiveDate>,
    pub last_review: Option<NaiveDate>,
}

/// A corrective action not done whose due date has passed (the dashboard).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OverdueCorrectiveAction {
    pub id: Id,
    pub non_conformity_id: Id,
    pub indicator: u8,
    pub level: NonConformityLevel,
    pub description: String,
    pub owner_name: Option<String>,
    pub due_date: NaiveDate,
    #[ts(type = "number")]
    pub days: i64,
}

// ---------------------------------------------------------- individual file

/// Everything about one apprentice, for the « dossier individuel » screen
/// and its PDF: the same value feeds both.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApprenticeFile {
    pub apprentice: Apprentice,
    pub cohort_label: String,
    pub cohort_start: NaiveDate,
    pub cohort_end: NaiveDate,
    pub programme_code: String,
    pub programme_title: String,
    pub referents: Vec<ReferentPeriod>,
    /// Every action the apprentice was invited to, oldest first.
    pub actions: Vec<FileAction>,
    /// Oldest first.
    pub follow_ups: Vec<FollowUpRow>,
    /// Oldest first.
    pub surveys: Vec<ExitSurvey>,
    /// Everything above as one dated list, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Present at ÷ invited to.
    pub participation: Rate,
}

/// An action as one apprentice's file shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FileAction {
    pub action_id: Id,
    pub kind: ActionKind,
    pub title: String,
    pub start_date: NaiveDate,
    pub indicator14: bool,
    pub indicator29: bool,
    pub present: bool,
    pub signed: bool,
    pub scale: Option<EvaluationScale>,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// « 9/20 → 14/20 (+5 points) » when evaluated.
    pub evaluation: Option<String>,
}

/// What a line of the file's chronology is about (and which screen opens it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TimelineKind {
    Training,
    Contract,
    Referent,
    Action,
    FollowUp,
    Exit,
    Survey,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TimelineEntry {
    pub date: NaiveDate,
    pub kind: TimelineKind,
    /// « Atelier CV / lettre de motivation », « Point mensuel »…
    pub label: String,
    /// « Présent(e), a signé — 9/20 → 14/20 », the findings…
    pub detail: String,
    /// The record it comes from (an action, a follow-up, a questionnaire).
    pub record_id: Option<Id>,
}
