//! Records as storage returns them, list rows as screens show them, and the
//! inputs forms send (text as typed, checked by [`crate::validate`]).
//!
//! On the wire every name is camelCase; dates are ISO `yyyy-mm-dd` in records
//! and whatever the person typed (`dd/mm/yyyy`) in inputs.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ActionKind, ApprenticeStatus, Id, PartnerKind, SchoolYear, StaffRole};

// ---------------------------------------------------------------- organisation

/// The CFA itself (one per installation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Organisation {
    pub name: String,
    pub siret: Option<String>,
    pub uai: Option<String>,
    pub nda: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OrganisationInput {
    pub name: String,
    pub siret: String,
    pub uai: String,
    pub nda: String,
    pub address: String,
    pub postal_code: String,
    pub city: String,
}

// ---------------------------------------------------------------- programmes and cohorts

/// A filière: one diploma track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Programme {
    pub id: Id,
    pub code: String,
    pub name: String,
    /// Code formation diplôme (CFD), 8 characters.
    pub diploma_code: Option<String>,
    /// RNCP code, « RNCP38362 ».
    pub rncp_code: Option<String>,
    /// Level in the national nomenclature, 3 to 8.
    pub level: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProgramme {
    pub code: String,
    pub name: String,
    pub diploma_code: Option<String>,
    pub rncp_code: Option<String>,
    pub level: Option<u8>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ProgrammeInput {
    pub id: Option<Id>,
    pub code: String,
    pub name: String,
    pub diploma_code: String,
    pub rncp_code: String,
    /// « 5 », or empty.
    pub level: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProgrammeRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub programme: Programme,
    #[ts(type = "number")]
    pub cohort_count: i64,
    #[ts(type = "number")]
    pub apprentice_count: i64,
}

/// A promo: one intake of a filière.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Cohort {
    pub id: Id,
    pub programme_id: Id,
    pub label: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCohort {
    pub programme_id: Id,
    pub label: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CohortInput {
    pub id: Option<Id>,
    pub programme_id: Option<Id>,
    pub label: String,
    pub start_date: String,
    pub end_date: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CohortRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub cohort: Cohort,
    pub programme_code: String,
    pub programme_name: String,
    #[ts(type = "number")]
    pub apprentice_count: i64,
}

// ---------------------------------------------------------------- people

/// A member of the CFA's team (référent, trainer…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Staff {
    pub id: Id,
    pub first_name: String,
    pub last_name: String,
    pub role: StaffRole,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaff {
    pub first_name: String,
    pub last_name: String,
    pub role: StaffRole,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct StaffInput {
    pub id: Option<Id>,
    pub first_name: String,
    pub last_name: String,
    /// A [`StaffRole`] code.
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StaffRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub staff: Staff,
    /// Apprentices this person is the référent of.
    #[ts(type = "number")]
    pub apprentice_count: i64,
    /// Actions this person spoke at.
    #[ts(type = "number")]
    pub action_count: i64,
}

/// An apprentice: a learner in a cohort, under an apprenticeship contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Apprentice {
    pub id: Id,
    pub cohort_id: Id,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub employer: Option<String>,
    /// The employer's SIRET (14 digits).
    pub employer_siret: Option<String>,
    pub contract_start: Option<NaiveDate>,
    pub contract_end: Option<NaiveDate>,
    /// In training, or the reason they left.
    pub status: ApprenticeStatus,
    /// The day they left the CFA (apart from the contract dates); set exactly
    /// when `status` is an exit reason.
    pub exit_date: Option<NaiveDate>,
    /// The current référent (indicator 14: one each).
    pub referent_id: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApprentice {
    pub cohort_id: Id,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub employer: Option<String>,
    pub employer_siret: Option<String>,
    pub contract_start: Option<NaiveDate>,
    pub contract_end: Option<NaiveDate>,
    pub status: ApprenticeStatus,
    pub exit_date: Option<NaiveDate>,
    pub referent_id: Option<Id>,
    pub referent_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ApprenticeInput {
    pub id: Option<Id>,
    pub cohort_id: Option<Id>,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
    pub email: String,
    pub phone: String,
    pub employer: String,
    pub employer_siret: String,
    pub contract_start: String,
    pub contract_end: String,
    /// An [`ApprenticeStatus`] code: « in_training » or an exit reason.
    pub status: String,
    pub exit_date: String,
    pub referent_id: Option<Id>,
    /// The day the référent chosen here takes over (needed when it changes).
    pub referent_since: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApprenticeRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub apprentice: Apprentice,
    pub cohort_label: String,
    pub programme_id: Id,
    pub programme_code: String,
    pub referent_name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ApprenticeFilter {
    pub programme_id: Option<Id>,
    pub cohort_id: Option<Id>,
}

// ---------------------------------------------------------------- partners

/// An organisation the CFA works with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Partner {
    pub id: Id,
    pub name: String,
    pub kind: PartnerKind,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub city: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPartner {
    pub name: String,
    pub kind: PartnerKind,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub city: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PartnerInput {
    pub id: Option<Id>,
    pub name: String,
    /// A [`PartnerKind`] code.
    pub kind: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub city: String,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnerRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub partner: Partner,
    #[ts(type = "number")]
    pub agreement_count: i64,
    /// Actions this partner co-organised (what makes a partnership active).
    #[ts(type = "number")]
    pub co_organised_count: i64,
    pub last_action_date: Option<NaiveDate>,
}

/// A signed partnership agreement (« convention »).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Agreement {
    pub id: Id,
    pub partner_id: Id,
    pub title: String,
    pub signed_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgreement {
    pub partner_id: Id,
    pub title: String,
    pub signed_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AgreementInput {
    pub id: Option<Id>,
    pub partner_id: Option<Id>,
    pub title: String,
    pub signed_on: String,
    pub valid_until: String,
}

/// A partner with everything its page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnerDetail {
    pub partner: Partner,
    pub agreements: Vec<Agreement>,
    /// Actions it co-organised or spoke at, newest first.
    pub actions: Vec<ActionRow>,
}

// ---------------------------------------------------------------- actions

/// One dated thing that happened for the apprentices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Action {
    pub id: Id,
    pub kind: ActionKind,
    pub title: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub place: Option<String>,
    /// Who it is for, in words (« 2e année, volontaires »).
    pub public: Option<String>,
    pub content: Option<String>,
    pub indicator14: bool,
    pub indicator29: bool,
    /// Average satisfaction, out of 5.
    pub feedback_score: Option<f64>,
    pub feedback_comments: Option<String>,
    pub cohort_ids: Vec<Id>,
    pub speaker_staff_ids: Vec<Id>,
    pub speaker_partner_ids: Vec<Id>,
    pub co_organiser_ids: Vec<Id>,
    /// Objectives of action plans this action serves.
    pub objective_ids: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    pub kind: ActionKind,
    pub title: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub place: Option<String>,
    pub public: Option<String>,
    pub content: Option<String>,
    pub indicator14: bool,
    pub indicator29: bool,
    pub feedback_score: Option<f64>,
    pub feedback_comments: Option<String>,
    pub cohort_ids: Vec<Id>,
    pub speaker_staff_ids: Vec<Id>,
    pub speaker_partner_ids: Vec<Id>,
    pub co_organiser_ids: Vec<Id>,
    pub objective_ids: Vec<Id>,
    /// Presence of each invited apprentice; the invited not listed are absent.
    pub attendance: Vec<AttendanceMark>,
}

/// Whether one apprentice was there, and signed the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttendanceMark {
    pub apprentice_id: Id,
    pub present: bool,
    pub signed: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActionInput {
    pub id: Option<Id>,
    /// An [`ActionKind`] code.
    pub kind: String,
    pub title: String,
    pub start_date: String,
    pub end_date: String,
    /// « 14 h 30 », « 14:30 » or empty.
    pub start_time: String,
    /// « 2 h 30 », « 2h », « 90 min » or empty.
    pub duration: String,
    pub place: String,
    pub public: String,
    pub content: String,
    pub indicator14: bool,
    pub indicator29: bool,
    /// « 4,2 » (out of 5) or empty.
    pub feedback_score: String,
    pub feedback_comments: String,
    pub cohort_ids: Vec<Id>,
    pub speaker_staff_ids: Vec<Id>,
    pub speaker_partner_ids: Vec<Id>,
    pub co_organiser_ids: Vec<Id>,
    pub objective_ids: Vec<Id>,
    pub attendance: Vec<AttendanceMark>,
}

/// An action as a list shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionRow {
    pub id: Id,
    pub kind: ActionKind,
    pub title: String,
    pub start_date: NaiveDate,
    pub indicator14: bool,
    pub indicator29: bool,
    /// Labels of the targeted cohorts, « BTS MCO 2024-2026, … ».
    pub cohort_labels: Vec<String>,
    #[ts(type = "number")]
    pub invited: i64,
    #[ts(type = "number")]
    pub present: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActionFilter {
    #[ts(type = "string | null")]
    pub school_year: Option<SchoolYear>,
    pub programme_id: Option<Id>,
    pub partner_id: Option<Id>,
}

/// One line of an action's attendance sheet.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttendanceRow {
    pub apprentice_id: Id,
    pub first_name: String,
    pub last_name: String,
    pub cohort_id: Id,
    pub cohort_label: String,
    pub present: bool,
    pub signed: bool,
}

/// An action with its attendance sheet and participation rate.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionDetail {
    pub action: Action,
    pub attendance: Vec<AttendanceRow>,
    /// Present ÷ invited.
    pub participation: Rate,
}

/// What an attendance sheet prints about an action: its detail (the invited
/// who had not left the CFA before the action), and the names (not ids) of
/// the CFA, the promos, the speakers and the partners.
#[derive(Debug, Clone)]
pub struct SheetData {
    pub organisation: Option<Organisation>,
    pub detail: ActionDetail,
    /// « Promo label — filière code », in the action's order.
    pub cohorts: Vec<String>,
    /// Staff speakers (« Prénom Nom ») then partner speakers (their names).
    pub speakers: Vec<String>,
    pub co_organisers: Vec<String>,
}

// ---------------------------------------------------------------- figures

/// A rate as the auditor needs it: numerator, denominator, value, and how it
/// was computed. A rate over zero is « non calculable », never 0 %.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Rate {
    #[ts(type = "number")]
    pub numerator: i64,
    #[ts(type = "number")]
    pub denominator: i64,
    /// Percentage, `None` when the denominator is 0.
    pub percent: Option<f64>,
    /// « 72,7 % » or « non calculable ».
    pub display: String,
    /// One sentence saying what is counted.
    pub method: String,
}

impl Rate {
    pub fn new(numerator: i64, denominator: i64, method: impl Into<String>) -> Self {
        let percent = (denominator > 0).then(|| numerator as f64 * 100.0 / denominator as f64);
        let display = match percent {
            Some(p) => format!("{}\u{202f}%", crate::format::decimal(p, 1)),
            None => "non calculable".to_owned(),
        };
        Self {
            numerator,
            denominator,
            percent,
            display,
            method: method.into(),
        }
    }
}

/// The first screen: counts and rates for one school year.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    #[ts(type = "string")]
    pub school_year: SchoolYear,
    #[ts(type = "number")]
    pub programme_count: i64,
    #[ts(type = "number")]
    pub cohort_count: i64,
    #[ts(type = "number")]
    pub apprentice_count: i64,
    #[ts(type = "number")]
    pub staff_count: i64,
    #[ts(type = "number")]
    pub partner_count: i64,
    #[ts(type = "number")]
    pub action_count: i64,
    #[ts(type = "number")]
    pub action14_count: i64,
    #[ts(type = "number")]
    pub action29_count: i64,
    /// Distinct kinds of indicator-29 actions (the auditor expects three or more).
    #[ts(type = "number")]
    pub distinct_kinds29: i64,
    /// Present ÷ invited over the year's actions.
    pub participation: Rate,
    /// Apprentices of the year's cohorts who attended an indicator-29 action.
    pub accompanied: Rate,
    /// Partners with no co-organised action in the last 12 months.
    #[ts(type = "number")]
    pub dormant_partner_count: i64,
    /// Apprentices in training whose last monthly review is too old (today).
    #[ts(type = "number")]
    pub overdue_follow_up_count: i64,
    /// Corrective actions of open non-conformities past their due date (today).
    pub overdue_corrective_actions: Vec<crate::model::OverdueCorrectiveAction>,
    pub recent_actions: Vec<ActionRow>,
    /// Results of each filière's leavers of the year (at 6 and 12 months).
    pub results: Vec<crate::metrics::ProgrammeResults>,
    /// The same for the leavers of the year before, whose questionnaires fall
    /// due during this one (often the latest complete figures).
    pub previous_results: Vec<crate::metrics::ProgrammeResults>,
}

/// What deleting a record would take with it, asked before deleting.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeletionImpact {
    /// False when other records depend on this one: delete them first.
    pub allowed: bool,
    /// The question or the refusal, in French.
    pub message: String,
}

/// What the window needs at start.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppState {
    pub organisation: Option<Organisation>,
    /// Tremplin's version (« 0.1.0 »), for the about box.
    pub app_version: String,
    /// The licence Tremplin is distributed under (« MIT »).
    pub licence: String,
    /// The folder of the data: the database and, later, the proofs.
    pub data_folder: String,
    pub database_path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    /// School years with at least one action, plus the current one, newest first.
    #[ts(type = "string[]")]
    pub school_years: Vec<SchoolYear>,
    /// The year screens open on: the current one, or the latest with actions.
    #[ts(type = "string")]
    pub default_school_year: SchoolYear,
    /// Said at start-up when the data folder lies on a network share or in a
    /// synchronised cloud folder (SQLite's first way to corrupt a database).
    pub storage_warning: Option<String>,
    /// Said when the day's automatic backup failed (filled by the shell).
    pub backup_problem: Option<String>,
}
