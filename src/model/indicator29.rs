//! Indicator 29's records: exit questionnaires, action plans and their
//! objectives, milestones of the school year, relayed offers and the annual
//! review — with the inputs their forms send. Figures live in
//! [`crate::metrics`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

// ---------------------------------------------------------------- exit questionnaires

/// One leaver's answer at one timepoint (at most one per timepoint).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExitSurvey {
    pub id: Id,
    pub apprentice_id: Id,
    pub timepoint: Timepoint,
    pub surveyed_on: NaiveDate,
    pub method: SurveyMethod,
    pub situation: Situation,
    /// For a leaver in employment (in France or abroad).
    pub contract: Option<EmploymentContract>,
    /// « Dans le métier visé » by the diploma; for a leaver in employment.
    pub in_target_job: bool,
    /// For further studies, by either route.
    pub study_type: Option<StudyType>,
    pub institution: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewExitSurvey {
    pub apprentice_id: Id,
    pub timepoint: Timepoint,
    pub surveyed_on: NaiveDate,
    pub method: SurveyMethod,
    pub situation: Situation,
    pub contract: Option<EmploymentContract>,
    pub in_target_job: bool,
    pub study_type: Option<StudyType>,
    pub institution: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ExitSurveyInput {
    pub id: Option<Id>,
    pub apprentice_id: Option<Id>,
    /// A [`Timepoint`] code.
    pub timepoint: String,
    pub surveyed_on: String,
    /// A [`SurveyMethod`] code.
    pub method: String,
    /// A [`Situation`] code.
    pub situation: String,
    /// An [`EmploymentContract`] code, or empty.
    pub contract: String,
    pub in_target_job: bool,
    /// A [`StudyType`] code, or empty.
    pub study_type: String,
    pub institution: String,
    pub comment: String,
}

/// Where one leaver stands at one timepoint, as the cohort grid shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CellState {
    /// A questionnaire was recorded (its situation may be « injoignable »).
    Answered,
    /// Due since 30 days at most.
    Due,
    /// Due since more than 30 days, still unanswered.
    Overdue,
    NotYetDue,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SurveyCell {
    pub timepoint: Timepoint,
    pub due_on: NaiveDate,
    pub state: CellState,
    pub survey_id: Option<Id>,
    pub situation: Option<Situation>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SurveyGridRow {
    pub apprentice_id: Id,
    pub first_name: String,
    pub last_name: String,
    pub status: ApprenticeStatus,
    pub exit_date: NaiveDate,
    /// One per timepoint, in [`Timepoint::ALL`] order.
    pub cells: Vec<SurveyCell>,
}

/// Every leaver of a cohort × every timepoint, with the response rate of each.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SurveyGrid {
    pub cohort_id: Id,
    pub cohort_label: String,
    pub programme_code: String,
    pub as_of: NaiveDate,
    /// Apprentices of the cohort still in training (not in the grid).
    #[ts(type = "number")]
    pub in_training: i64,
    pub rows: Vec<SurveyGridRow>,
    /// Response rate per timepoint, in [`Timepoint::ALL`] order.
    pub response: Vec<Rate>,
}

// ---------------------------------------------------------------- plans and objectives

/// The plan d'actions of one filière for one school year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionPlan {
    pub id: Id,
    pub programme_id: Id,
    #[ts(type = "string")]
    pub school_year: SchoolYear,
    pub intent: Option<String>,
    pub owner_id: Option<Id>,
    pub resources: Option<String>,
    /// Budget in euro cents.
    #[ts(type = "number | null")]
    pub budget_cents: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewActionPlan {
    pub programme_id: Id,
    pub school_year: SchoolYear,
    pub intent: Option<String>,
    pub owner_id: Option<Id>,
    pub resources: Option<String>,
    pub budget_cents: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActionPlanInput {
    pub id: Option<Id>,
    pub programme_id: Option<Id>,
    /// « 2025-2026 ».
    pub school_year: String,
    pub intent: String,
    pub owner_id: Option<Id>,
    pub resources: String,
    /// « 1 500 € », « 1500,50 » or empty.
    pub budget: String,
}

/// A measurable target of a plan. Its value is computed from the records,
/// except for a `Manual` measure, entered with its source and date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Objective {
    pub id: Id,
    pub plan_id: Id,
    pub label: String,
    pub owner_id: Option<Id>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub measure: ObjectiveMeasure,
    /// A percentage (0–100) or, for `ActionCount`, a number of actions.
    pub target: f64,
    /// The kinds of action counted (empty: every indicator-29 action).
    pub action_kinds: Vec<ActionKind>,
    /// For `CohortShare`: the promo measured.
    pub cohort_id: Option<Id>,
    /// For `Result`: the figure measured, on the leavers of the year before
    /// the plan's (their 6- and 12-month questionnaires fall due during it).
    pub result: Option<ResultFigure>,
    pub manual_value: Option<f64>,
    pub manual_source: Option<String>,
    pub manual_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewObjective {
    pub plan_id: Id,
    pub label: String,
    pub owner_id: Option<Id>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub measure: ObjectiveMeasure,
    pub target: f64,
    pub action_kinds: Vec<ActionKind>,
    pub cohort_id: Option<Id>,
    pub result: Option<ResultFigure>,
    pub manual_value: Option<f64>,
    pub manual_source: Option<String>,
    pub manual_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ObjectiveInput {
    pub id: Option<Id>,
    pub plan_id: Option<Id>,
    pub label: String,
    pub owner_id: Option<Id>,
    pub period_start: String,
    pub period_end: String,
    /// An [`ObjectiveMeasure`] code.
    pub measure: String,
    /// « 80 » (%), « 6 » (actions).
    pub target: String,
    /// [`ActionKind`] codes.
    pub action_kinds: Vec<String>,
    pub cohort_id: Option<Id>,
    /// A [`ResultFigure`] code, for a `result` measure.
    pub result: String,
    pub manual_value: String,
    pub manual_source: String,
    pub manual_date: String,
}

/// An objective with what the records say of it today.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ObjectiveProgress {
    pub objective: Objective,
    /// « ≥ 80 % », « ≥ 6 actions ».
    pub target_display: String,
    /// The measured value (a percentage or a count), `None` when not calculable.
    pub value: Option<f64>,
    /// « 72,7 % », « 4 actions », « non calculable ».
    pub display: String,
    /// Numerator, denominator and who they are, for a share or a result.
    pub figure: Option<crate::metrics::Figure>,
    pub status: ObjectiveStatus,
    /// What is counted and how the status is decided.
    pub method: String,
    /// Actions linked to this objective, with their participation (present ÷ invited).
    pub actions: Vec<ActionRow>,
    pub participation: Rate,
}

/// A plan with its objectives measured and the year's actions linked to none.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanDetail {
    pub plan: ActionPlan,
    pub programme_code: String,
    pub programme_name: String,
    pub owner_name: Option<String>,
    pub as_of: NaiveDate,
    pub objectives: Vec<ObjectiveProgress>,
    /// Actions of the year for this filière linked to no objective.
    pub isolated_actions: Vec<ActionRow>,
    /// Everyone an id of an objective's figure names.
    pub people: Vec<crate::metrics::PersonRef>,
}

/// A plan as a list shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanRow {
    pub id: Id,
    pub programme_id: Id,
    pub programme_code: String,
    pub programme_name: String,
    #[ts(type = "string")]
    pub school_year: SchoolYear,
    pub owner_name: Option<String>,
    #[ts(type = "number")]
    pub objective_count: i64,
}

/// An objective in a choice list (the action form, the annual review).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ObjectiveChoice {
    pub id: Id,
    pub label: String,
    pub programme_id: Id,
    pub programme_code: String,
    #[ts(type = "string")]
    pub school_year: SchoolYear,
}

// ---------------------------------------------------------------- milestones

/// A milestone of the school year (rentrée, Parcoursup phases, fairs…).
/// Until the CFA edits a year, its milestones are the defaults, not stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Milestone {
    /// `None` for a default the CFA has not edited yet.
    pub id: Option<Id>,
    #[ts(type = "string")]
    pub school_year: SchoolYear,
    pub kind: MilestoneKind,
    pub label: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MilestoneInput {
    pub id: Option<Id>,
    pub school_year: String,
    pub kind: String,
    pub label: String,
    pub start_date: String,
    pub end_date: String,
}

// ---------------------------------------------------------------- relayed offers

/// A job, apprenticeship or programme offer passed on to apprentices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RelayedOffer {
    pub id: Id,
    pub offered_on: NaiveDate,
    /// The partner it came from, or…
    pub partner_id: Option<Id>,
    /// …a source in words (« Indeed », « ancien apprenti »).
    pub source: Option<String>,
    pub title: String,
    pub contract: OfferContract,
    pub channel: OfferChannel,
    pub programme_ids: Vec<Id>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewRelayedOffer {
    pub offered_on: NaiveDate,
    pub partner_id: Option<Id>,
    pub source: Option<String>,
    pub title: String,
    pub contract: OfferContract,
    pub channel: OfferChannel,
    pub programme_ids: Vec<Id>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct RelayedOfferInput {
    pub id: Option<Id>,
    pub offered_on: String,
    pub partner_id: Option<Id>,
    pub source: String,
    pub title: String,
    pub contract: String,
    pub channel: String,
    pub programme_ids: Vec<Id>,
    pub comment: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OfferRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub offer: RelayedOffer,
    /// The partner's name, or the source in words.
    pub source_label: String,
    pub programme_codes: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OfferFilter {
    #[ts(type = "string | null")]
    pub school_year: Option<SchoolYear>,
    pub programme_id: Option<Id>,
}

/// One count of a breakdown: « 2025-09 » → 4, « BTS MCO » → 12.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Count {
    pub key: String,
    pub label: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// The offers of a year with their counts per month and per filière.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OfferList {
    pub rows: Vec<OfferRow>,
    /// September to August, every month present (zero included).
    pub by_month: Vec<Count>,
    pub by_programme: Vec<Count>,
}

// ---------------------------------------------------------------- annual review

/// The bilan annuel of a filière: what went wrong, what comes next, and the
/// objectives of next year's plan that answer it (Qualiopi criterion 7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnnualReview {
    pub id: Id,
    pub programme_id: Id,
    #[ts(type = "string")]
    pub school_year: SchoolYear,
    pub difficulties: Option<String>,
    pub priorities: Option<String>,
    pub next_objective_ids: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewAnnualReview {
    pub programme_id: Id,
    pub school_year: SchoolYear,
    pub difficulties: Option<String>,
    pub priorities: Option<String>,
    pub next_objective_ids: Vec<Id>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AnnualReviewInput {
    pub id: Option<Id>,
    pub programme_id: Option<Id>,
    pub school_year: String,
    pub difficulties: String,
    pub priorities: String,
    pub next_objective_ids: Vec<Id>,
}

/// The bilan screen: the results filled in, the text, the plans around it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewDetail {
    pub programme_id: Id,
    #[ts(type = "string")]
    pub school_year: SchoolYear,
    pub review: Option<AnnualReview>,
    pub results: crate::metrics::ProgrammeResults,
    /// This year's objectives, measured.
    pub objectives: Vec<ObjectiveProgress>,
    /// Objectives of next year's plan, to link.
    pub next_year_objectives: Vec<ObjectiveChoice>,
}
