//! What crosses the border with spreadsheets: imports of apprentices and
//! exit questionnaires (the mapping of the file's columns, the preview of
//! what would be written, the refused lines), the State's InserJeunes figures
//! beside Tremplin's own, and the registers exported.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;

/// What a file brings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportKind {
    Apprentices,
    Surveys,
}

impl ImportKind {
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Apprentices => "apprentices",
            ImportKind::Surveys => "surveys",
        }
    }
}

/// How to read a file: the person's corrections of what was recognised.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ImportOptions {
    /// One entry per column of the file, in order: the field it fills (a
    /// code of `ImportPreview::fields`) or empty to ignore it. Missing: the
    /// columns are recognised by their headers.
    pub mapping: Option<Vec<String>>,
    /// Questionnaires: each value of the situation column and the situation
    /// code it means (empty: the line is refused). Missing entries are
    /// recognised from the words.
    pub situations: Vec<ValueChoice>,
    /// Lines whose promo is found nowhere go to this promo.
    pub cohort_id: Option<Id>,
    /// Lines whose filière or promo is found nowhere create them.
    pub create_missing: bool,
}

/// One column of the file and the field it fills.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ColumnMatch {
    /// 0 for the first column.
    pub index: usize,
    pub header: String,
    /// The field code, or `None` when the column is ignored.
    pub field: Option<String>,
    /// Why it is ignored, or how it was recognised, in French.
    pub note: String,
    /// The first non-empty value, to help the person recognise it.
    pub sample: String,
}

/// A field a column may fill.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportField {
    pub code: String,
    pub label: String,
    pub required: bool,
}

/// A value met in a column and the code it is read as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ValueChoice {
    pub value: String,
    /// The code it means; empty when not recognised (its lines are refused).
    pub code: String,
    /// How many lines hold it (0 in a request).
    #[serde(default)]
    pub lines: usize,
}

/// What will be done with one valid line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineAction {
    Create,
    Update,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewLine {
    pub line: usize,
    pub action: LineAction,
    /// « NOM Prénom » for apprentices, with the timepoint for questionnaires.
    pub label: String,
    /// The promo (apprentices) or the situation (questionnaires).
    pub detail: String,
    /// The record updated.
    pub record_id: Option<Id>,
}

/// A line that will not be imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefusedLine {
    /// The line of the file (1 is the headers).
    pub line: usize,
    pub reason: String,
}

/// A filière or a promo the file names and the database does not hold.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MissingGroup {
    /// « programme » or « cohort ».
    pub kind: String,
    /// The filière's code (for a promo: its filière's).
    pub programme_code: String,
    /// The promo's label, or the filière's name.
    pub label: String,
    /// Promo: the dates it would be created with.
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub lines: usize,
}

/// What an import would do, line by line. The same value whether it comes
/// from the window or the command line, and after the import (`applied`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub kind: ImportKind,
    pub file_name: String,
    /// How the file was read, in French.
    pub format: String,
    /// Data lines in the file (the headers not counted).
    pub lines: usize,
    pub columns: Vec<ColumnMatch>,
    pub fields: Vec<ImportField>,
    /// Required fields no column fills: every line is refused until one does.
    pub missing_fields: Vec<String>,
    /// Questionnaires: the situation column's values and what they mean.
    pub situations: Vec<ValueChoice>,
    pub missing: Vec<MissingGroup>,
    pub created: usize,
    pub updated: usize,
    pub valid: Vec<PreviewLine>,
    pub refused: Vec<RefusedLine>,
    /// True once written.
    pub applied: bool,
}

// ------------------------------------------------------------- InserJeunes

/// What an InserJeunes file brought.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InserJeunesImport {
    pub format: String,
    /// Data lines of the file.
    pub lines: usize,
    /// Figures kept (published or not).
    pub figures: usize,
    /// Lines of another establishment (the CFA's UAI differs).
    pub other_uai: usize,
    /// Diploma codes matching no filière of the CFA.
    pub unmatched_diplomas: Vec<String>,
    pub refused: Vec<RefusedLine>,
}

/// One measure, official and ours.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ComparedFigure {
    /// « Taux de poursuite d’études », « Taux d’emploi à 6 mois »…
    pub label: String,
    /// InserJeunes' value in percent, `None` when not published.
    pub official: Option<f64>,
    /// « 72,5 % » or « non publié ».
    pub official_text: String,
    /// Tremplin's figure for the same year: « 72,7 % (8 / 11) ».
    pub ours_text: String,
    /// What each measures, and why they may differ.
    pub definition: String,
}

/// One filière and school year, InserJeunes beside Tremplin.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InserJeunesComparison {
    pub programme_id: Id,
    pub programme_code: String,
    pub programme_name: String,
    pub school_year: String,
    /// The year as the file wrote it.
    pub year_label: String,
    pub figures: Vec<ComparedFigure>,
    /// Sentences on the differences of definition that apply here.
    pub notes: Vec<String>,
}
