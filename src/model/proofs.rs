//! Pièces justificatives (proofs), the integrity report of their files, and
//! backups (DESIGN.md « Proofs », RELIABILITY.md).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, ProofKind, ProofMedia, RecordKind};

/// A stored file, known by the SHA-256 of its content.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProofFile {
    pub sha256: String,
    pub media: ProofMedia,
    #[ts(type = "number")]
    pub size: i64,
    /// PDF: its number of pages.
    #[ts(type = "number | null")]
    pub pages: Option<i64>,
    /// PDF: the title in its information dictionary.
    pub pdf_title: Option<String>,
    #[ts(type = "number | null")]
    pub width: Option<i64>,
    #[ts(type = "number | null")]
    pub height: Option<i64>,
}

/// One file attached to one record.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Proof {
    pub id: Id,
    pub record_kind: RecordKind,
    pub record_id: Id,
    pub kind: ProofKind,
    pub title: String,
    pub date: NaiveDate,
    /// The name the file had on the person's computer (shown, never a path).
    pub original_name: String,
    pub added_at: String,
    pub file: ProofFile,
}

/// What a person gives when attaching a file (the file itself comes apart).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProofInput {
    /// A [`RecordKind`] code.
    pub record_kind: String,
    pub record_id: Id,
    /// A [`ProofKind`] code; empty: « photo » for an image, « autre » otherwise.
    pub kind: String,
    /// Empty: the file's name without its extension.
    pub title: String,
    /// `jj/mm/aaaa`; empty: today.
    pub date: String,
}

/// A checked [`ProofInput`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewProof {
    pub record_kind: RecordKind,
    pub record_id: Id,
    pub kind: ProofKind,
    pub title: String,
    pub date: NaiveDate,
    pub original_name: String,
}

/// The proofs a stored file backs, for a report line.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProofUse {
    pub proof_id: Id,
    pub record_kind: RecordKind,
    pub record_id: Id,
    pub title: String,
}

/// A stored file that is not as its row says.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProofFileProblem {
    pub sha256: String,
    /// Its place under « Preuves ».
    pub stored_name: String,
    pub proofs: Vec<ProofUse>,
}

/// `check`'s report on the proofs folder: every file hashed again.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProofCheck {
    #[ts(type = "number")]
    pub files_checked: i64,
    #[ts(type = "number")]
    pub bytes_checked: i64,
    /// Rows whose file is not in the folder.
    pub missing: Vec<ProofFileProblem>,
    /// Files whose content no longer has the hash they were stored under.
    pub altered: Vec<ProofFileProblem>,
    /// Files of the folder no row knows (reported, never deleted).
    pub orphans: Vec<String>,
    /// Temporary files left by an interrupted write (never under a final name).
    pub leftovers: Vec<String>,
    /// Proofs whose record no longer exists.
    pub dangling: Vec<ProofUse>,
}

impl ProofCheck {
    pub fn is_healthy(&self) -> bool {
        self.missing.is_empty()
            && self.altered.is_empty()
            && self.orphans.is_empty()
            && self.dangling.is_empty()
    }
}

/// One verified copy of the database in « Sauvegardes ».
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub file_name: String,
    #[ts(type = "number")]
    pub size: i64,
    /// When it was taken, local time, `2026-12-02T08:15:00`.
    pub taken_at: String,
    #[serde(skip)]
    #[ts(skip)]
    pub path: std::path::PathBuf,
}

/// What a restore did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RestoreReport {
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub proof_files: i64,
    /// The copy of the data as it was before the restore.
    pub previous_data: Option<BackupInfo>,
    pub archive_created_at: String,
}

/// What an archive holds, as its manifest says.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArchiveReport {
    pub file_name: String,
    #[ts(type = "number")]
    pub size: i64,
    #[ts(type = "number")]
    pub proof_files: i64,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[serde(skip)]
    #[ts(skip)]
    pub path: std::path::PathBuf,
}

/// The backups screen: the copies kept, how many, and where.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupsView {
    pub backups: Vec<BackupInfo>,
    pub keep: u32,
    /// The « Sauvegardes » folder, shown so the person can copy it elsewhere.
    pub folder: String,
}

/// Everything Tremplin holds about one apprentice (RGPD right of access):
/// the individual file, and the proofs attached to the person, their
/// follow-ups and their questionnaires (referenced by hash).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonalData {
    /// Version of this format.
    #[ts(type = "number")]
    pub format: u32,
    /// When it was exported, local time.
    pub exported_at: String,
    pub file: super::ApprenticeFile,
    pub proofs: Vec<Proof>,
}

/// What an erasure removed (RGPD right to erasure).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErasureReport {
    #[ts(type = "number")]
    pub attendance: i64,
    #[ts(type = "number")]
    pub follow_ups: i64,
    #[ts(type = "number")]
    pub exit_surveys: i64,
    #[ts(type = "number")]
    pub referent_periods: i64,
    #[ts(type = "number")]
    pub evaluation_scores: i64,
    /// Proofs of the person, their follow-ups and questionnaires.
    #[ts(type = "number")]
    pub proofs: i64,
    /// Files removed from « Preuves » (those no other record uses).
    #[ts(type = "number")]
    pub files_removed: i64,
    /// Documents printed about the person removed from « Exports ».
    #[ts(type = "number")]
    pub exports_removed: i64,
    /// Verified daily copies taken before the erasure, which still hold the
    /// person until they are rotated out.
    #[ts(type = "number")]
    pub backups_holding: i64,
}

/// One retention rule (RGPD) as set by the CFA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionRule {
    pub kind: super::RetentionKind,
    pub months: u32,
    pub default_months: u32,
    /// What the rule does once the period is over.
    pub effect: String,
}

/// One record a retention rule would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionItem {
    pub kind: super::RetentionKind,
    pub record_id: Id,
    /// Who or what, in words: the apprentice (for a leaver, an interview, a
    /// questionnaire) or the partner.
    pub label: String,
    /// The day the period started (exit, interview, questionnaire, last activity).
    pub since: NaiveDate,
}

/// What the retention rules would do on a day: listed before anything is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionPlan {
    pub as_of: NaiveDate,
    pub rules: Vec<RetentionRule>,
    pub items: Vec<RetentionItem>,
}

/// What applying the plan did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionReport {
    pub as_of: NaiveDate,
    /// Records changed, per rule (in the rules' order).
    pub changed: Vec<(super::RetentionKind, u32)>,
    #[ts(type = "number")]
    pub files_removed: i64,
}
