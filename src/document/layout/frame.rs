//! Laid-out pages as plain data: each page a list of items at fixed positions.
//!
//! Coordinates are PDF points from the page's top-left corner, y downwards
//! (the renderer flips them). A page can be dumped as text, one item a line,
//! which is what the layout snapshot tests compare.

use std::fmt::Write as _;

use crate::document::model::TextStyle;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

pub const fn grey(level: f32) -> Rgb {
    Rgb(level, level, level)
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line fragment in one style; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        style: TextStyle,
        size: f32,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// An image of the document's image table, scaled into the box.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        image: usize,
    },
    /// A clickable area leading to an anchor (section, block or annex id).
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: String,
    },
    /// Where page `page` (0-based) of PDF annex `annex` is drawn by the merger.
    ForeignPage {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        annex: usize,
        page: usize,
    },
}

impl Item {
    /// Moves the item down by `dy` points.
    pub fn shift(&mut self, dy: f32) {
        match self {
            Item::Text { y, .. }
            | Item::Rect { y, .. }
            | Item::Image { y, .. }
            | Item::Link { y, .. }
            | Item::ForeignPage { y, .. } => *y += dy,
            Item::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
    }
}

/// What a page is, for the renderer and the finishing passes.
#[derive(Debug, Clone, PartialEq)]
pub enum PageKind {
    Cover,
    Contents,
    Body,
    /// A page of annex `annex` (index in the model), `n` of `of`.
    Annex {
        annex: usize,
        n: usize,
        of: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    pub items: Vec<Item>,
}

impl Page {
    pub fn new(kind: PageKind) -> Self {
        Self {
            kind,
            items: Vec::new(),
        }
    }

    /// The page as text, one item a line, positions rounded to 0.1 pt.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "page {:?}", self.kind);
        for item in &self.items {
            let _ = match item {
                Item::Text {
                    x,
                    y,
                    style,
                    size,
                    text,
                    ..
                } => {
                    let s = match style {
                        TextStyle::Regular => "R",
                        TextStyle::Bold => "B",
                        TextStyle::Italic => "I",
                    };
                    writeln!(out, "  text {x:.1},{y:.1} {s}{size} {text:?}")
                }
                Item::Rect { x, y, w, h, .. } => {
                    writeln!(out, "  rect {x:.1},{y:.1} {w:.1}x{h:.1}")
                }
                Item::Line { x1, y1, x2, y2, .. } => {
                    writeln!(out, "  line {x1:.1},{y1:.1} {x2:.1},{y2:.1}")
                }
                Item::Image { x, y, w, h, image } => {
                    writeln!(out, "  image#{image} {x:.1},{y:.1} {w:.1}x{h:.1}")
                }
                Item::Link {
                    x, y, w, h, target, ..
                } => writeln!(out, "  link {x:.1},{y:.1} {w:.1}x{h:.1} -> {target}"),
                Item::ForeignPage {
                    x,
                    y,
                    w,
                    h,
                    annex,
                    page,
                } => writeln!(
                    out,
                    "  foreign annex{annex}/p{page} {x:.1},{y:.1} {w:.1}x{h:.1}"
                ),
            };
        }
        out
    }

    /// Only the texts, top to bottom as laid out: a compact dump for tests.
    pub fn texts(&self) -> String {
        let mut out = String::new();
        let mut last_y = f32::NAN;
        for item in &self.items {
            if let Item::Text { y, text, .. } = item {
                if (*y - last_y).abs() > 0.01 && !out.is_empty() {
                    out.push('\n');
                } else if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(text.trim_end());
                last_y = *y;
            }
        }
        out
    }
}
