//! The document model: what a document says, with no idea of pages.
//!
//! A whole document — cover, contents, sections of blocks, annexes — is one
//! serde value, so a JSON file can describe it (`tremplin render-document`).
//! The engine knows nothing of apprentices or actions: whoever fills this
//! model decides the words; the engine decides where they go.
//!
//! Ids (`Section::id`, `Block` ids, `Annex::id`) are targets for
//! cross-references; they must be unique within a document.

use std::path::PathBuf;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentModel {
    pub metadata: Metadata,
    /// Texts repeated on every page but the cover.
    pub running: Running,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Cover>,
    /// The contents page(s), right after the cover; `None` for no contents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents: Option<ContentsSpec>,
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub title: String,
    pub author: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default = "default_language")]
    pub language: String,
    /// Local date and time written in the PDF's information dictionary.
    pub creation_date: NaiveDateTime,
}

fn default_language() -> String {
    "fr-FR".to_owned()
}

/// The running header (document title, organisation) and footer
/// (organisation, « page n / N »).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Running {
    pub organisation: String,
    pub title: String,
    /// The footer's left text (« Édité le … — document de travail
    /// confidentiel »); the organisation when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cover {
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    /// Label–value lines under the title (filière, année, indicateurs…).
    #[serde(default)]
    pub fields: Vec<Field>,
    /// A closing line at the foot of the cover (e.g. « Généré le … »).
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentsSpec {
    #[serde(default = "default_contents_title")]
    pub title: String,
    /// Deepest section level listed (1–3).
    #[serde(default = "default_contents_depth")]
    pub depth: u8,
    /// List every annex under « Annexes », one line each.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub list_annexes: bool,
}

fn default_contents_title() -> String {
    "Sommaire".to_owned()
}
fn default_contents_depth() -> u8 {
    2
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub id: String,
    pub title: String,
    /// 1, 2 or 3; sections are a flat list, the levels make the tree.
    pub level: u8,
    /// Start this section at the top of a new page.
    #[serde(default)]
    pub new_page: bool,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    /// A title inside a section, not listed in the contents.
    #[serde(rename_all = "camelCase")]
    Heading {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Paragraph {
        runs: Vec<Run>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// Label–value lines, labels in a narrow left column.
    #[serde(rename_all = "camelCase")]
    Sheet {
        fields: Vec<Field>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<Cell>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        totals: Option<Vec<Cell>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// `dense` for registers: smaller type, tighter padding.
        #[serde(default, skip_serializing_if = "is_normal")]
        style: TableStyle,
        /// Every other row on a light grey ground.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        zebra: bool,
    },
    /// A bulleted or numbered list; an item may hold one nested list.
    #[serde(rename_all = "camelCase")]
    List {
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        ordered: bool,
        items: Vec<ListItem>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// A coloured badge that always carries its word (VERT, ORANGE, ROUGE), then a text.
    #[serde(rename_all = "camelCase")]
    Badge {
        status: Status,
        text: String,
    },
    #[serde(rename_all = "camelCase")]
    BarChart {
        categories: Vec<String>,
        values: Vec<f64>,
        unit: String,
        caption: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// Bars of several series for each category, side by side or stacked,
    /// on an axis from 0 (to `axis_max`, e.g. 100 for rates, or automatic).
    #[serde(rename_all = "camelCase")]
    Chart {
        categories: Vec<String>,
        series: Vec<Series>,
        #[serde(default)]
        layout: ChartLayout,
        #[serde(default)]
        orientation: Orientation,
        #[serde(default)]
        unit: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        axis_max: Option<f64>,
        /// Print each bar's value next to it.
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        value_labels: bool,
        caption: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Image {
        path: PathBuf,
        caption: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// Blocks kept on one page when they fit on one.
    #[serde(rename_all = "camelCase")]
    KeepTogether {
        blocks: Vec<Block>,
    },
    PageBreak,
    /// « text voir p. 37 » or « text Annexe A12, p. 212 », linked to its target.
    #[serde(rename_all = "camelCase")]
    Reference {
        text: String,
        target: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_regular")]
    pub style: TextStyle,
    /// When set, the run prints the page of this target (« voir p. 37 », or
    /// « Annexe A12, p. 212 » for an annex) after its text, as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Print only « p. 212 » for the reference (in a column already naming the annex).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub page_only: bool,
    /// `false` for text never cut between syllables (a name, a title).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub hyphenate: bool,
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Self::styled(text, TextStyle::Regular)
    }
    pub fn bold(text: impl Into<String>) -> Self {
        Self::styled(text, TextStyle::Bold)
    }
    pub fn italic(text: impl Into<String>) -> Self {
        Self::styled(text, TextStyle::Italic)
    }
    pub fn styled(text: impl Into<String>, style: TextStyle) -> Self {
        Self {
            text: text.into(),
            style,
            reference: None,
            page_only: false,
            hyphenate: true,
        }
    }

    /// The same run, never hyphenated.
    pub fn unhyphenated(mut self) -> Self {
        self.hyphenate = false;
        self
    }

    pub fn reference(target: impl Into<String>) -> Self {
        Self {
            text: String::new(),
            style: TextStyle::Regular,
            reference: Some(target.into()),
            page_only: false,
            hyphenate: true,
        }
    }

    /// A reference printed as « p. 212 » only.
    pub fn page_of(target: impl Into<String>) -> Self {
        Self {
            page_only: true,
            ..Self::reference(target)
        }
    }
}

fn is_regular(style: &TextStyle) -> bool {
    *style == TextStyle::Regular
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TextStyle {
    #[default]
    Regular,
    Bold,
    Italic,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    pub label: String,
    pub value: String,
}

impl Field {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub title: String,
    /// Weight in sharing the room left once every column has its preferred
    /// width (widths come from the content; 1 for all is the usual choice).
    #[serde(default = "one")]
    pub width: f32,
    /// A width in points the column gets whatever its content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<f32>,
    #[serde(default)]
    pub align: Align,
    /// `false` for a column never hyphenated (names, codes).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub hyphenate: bool,
    /// Each cell on one line: the column is as wide as its widest cell.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nowrap: bool,
}

fn one() -> f32 {
    1.0
}

impl Column {
    /// A column sized from its content.
    pub fn new(title: impl Into<String>, align: Align) -> Self {
        Self {
            title: title.into(),
            width: 1.0,
            fixed: None,
            align,
            hyphenate: true,
            nowrap: false,
        }
    }

    /// Never hyphenated, never wrapped: each cell on one line.
    pub fn nowrap(mut self) -> Self {
        self.nowrap = true;
        self.hyphenate = false;
        self
    }

    /// Never hyphenated (wrapped at spaces and hyphens only).
    pub fn unhyphenated(mut self) -> Self {
        self.hyphenate = false;
        self
    }

    /// A fixed width in points.
    pub fn fixed(mut self, points: f32) -> Self {
        self.fixed = Some(points);
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TableStyle {
    #[default]
    Normal,
    /// Registers: smaller type, tighter padding.
    Dense,
}

fn is_normal(style: &TableStyle) -> bool {
    *style == TableStyle::Normal
}

/// One series of a chart: a name for the legend, a value per category
/// (`null` where there is none: printed « n.d. »).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChartLayout {
    /// The series' bars side by side in each category.
    #[default]
    Grouped,
    /// The series' bars on top of each other.
    Stacked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Orientation {
    /// Bars rise from a horizontal axis.
    #[default]
    Vertical,
    /// Bars run right from a vertical axis.
    Horizontal,
}

/// One entry of a list: runs, and optionally a nested list (one level).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListItem {
    pub runs: Vec<Run>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ListItem>,
}

impl ListItem {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            runs: vec![Run::plain(text)],
            items: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A table cell: plain text, or runs (bold, references…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Runs { runs: Vec<Run> },
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}
impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Vert,
    Orange,
    Rouge,
}

impl Status {
    /// The word printed on the badge, so it reads in black and white.
    pub fn word(self) -> &'static str {
        match self {
            Status::Vert => "VERT",
            Status::Orange => "ORANGE",
            Status::Rouge => "ROUGE",
        }
    }
}

/// A file attached at the end of the document, numbered A1, A2… in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Annex {
    pub id: String,
    /// Relative to the model file's folder, or absolute.
    pub path: PathBuf,
    pub title: String,
    #[serde(default)]
    pub caption: String,
}
