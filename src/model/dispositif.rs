//! The standing documents of the « dispositif » (DESIGN.md, « The system as a
//! whole »): procedure, job description, certificates, calendar, manual —
//! each a versioned record whose current version is obvious and whose older
//! versions are kept.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, ProofFile, StandingDocumentKind};

/// One version of a standing document: a stored file and when it came into force.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DocumentVersion {
    pub id: Id,
    pub document_id: Id,
    /// « 2 », « 2025-2026 », « v3.1 »: as the CFA numbers it.
    pub version: String,
    /// The day it came into force.
    pub issued_on: NaiveDate,
    pub note: Option<String>,
    /// The file's name on the person's computer (shown, never a path).
    pub original_name: String,
    pub added_at: String,
    /// The version in force: the one most recently in force (then the last added).
    pub current: bool,
    pub file: ProofFile,
}

/// A standing document with all its versions, the current one first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StandingDocument {
    pub id: Id,
    pub kind: StandingDocumentKind,
    pub title: String,
    /// Empty: it is about the whole CFA.
    pub programme_id: Option<Id>,
    pub notes: Option<String>,
    pub versions: Vec<DocumentVersion>,
}

/// A line of the « Dispositif » list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StandingDocumentRow {
    pub id: Id,
    pub kind: StandingDocumentKind,
    pub title: String,
    pub programme_id: Option<Id>,
    /// « BP-BOUL », or empty for the whole CFA.
    pub programme_code: Option<String>,
    pub current_version: Option<String>,
    pub current_issued_on: Option<NaiveDate>,
    #[ts(type = "number")]
    pub version_count: i64,
}

/// What the form sends.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StandingDocumentInput {
    pub id: Option<Id>,
    /// A [`StandingDocumentKind`] code.
    pub kind: String,
    pub title: String,
    pub programme_id: Option<Id>,
    pub notes: String,
}

/// A checked [`StandingDocumentInput`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewStandingDocument {
    pub kind: StandingDocumentKind,
    pub title: String,
    pub programme_id: Option<Id>,
    pub notes: Option<String>,
}

/// What a person gives with a new version's file.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VersionInput {
    pub document_id: Id,
    /// Empty: the next number (« 1 », « 2 »…).
    pub version: String,
    /// `jj/mm/aaaa`; empty: today.
    pub issued_on: String,
    pub note: String,
}

/// A checked [`VersionInput`] (the version label still may be empty: the
/// store numbers it).
#[derive(Debug, Clone, PartialEq)]
pub struct NewVersion {
    pub document_id: Id,
    pub version: Option<String>,
    pub issued_on: NaiveDate,
    pub note: Option<String>,
    pub original_name: String,
}
