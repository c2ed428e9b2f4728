//! Layout: the document model and its prepared assets in, pages of positioned
//! items out. Pure computation — no file is read here, nothing is drawn.
//!
//! Page numbers of the contents and of cross-references are not known before
//! the pages exist, so the whole document is laid out again with the numbers of
//! the previous pass until they stop changing (two or three passes in practice).
//! Running headers and footers (« page n / N ») are stamped last.

pub mod annex;
pub mod blocks;
pub mod chart;
pub mod flow;
pub mod frame;
pub mod front;
pub mod table;
pub mod text;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

use crate::document::fonts::FontSet;
use crate::document::model::{Align, Block, Cell, Column, DocumentModel, Run, Section, TableStyle};
use crate::Result;

use flow::{Bookmark, Chunk, Flow, Landing};
use frame::{Page, PageKind};

/// An image the layout may place: its index in the document's image table
/// and its size in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageBox {
    pub index: usize,
    pub width: u32,
    pub height: u32,
}

/// What the layout needs to know of an annex file, read beforehand.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnexInfo {
    /// « A1 », « A2 »…
    pub number: String,
    pub file_name: String,
    pub size: Option<u64>,
    pub sha256: Option<String>,
    pub kind: AnnexKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnnexKind {
    Image(ImageBox),
    /// A PDF, with the size in points of each of its pages.
    Pdf {
        pages: Vec<(f32, f32)>,
    },
    /// Any other file: listed by name, size and SHA-256.
    Listed,
    /// The file could not be read; the French reason.
    Unreadable(String),
}

/// Sizes and kinds of every file the model points at, by the model's path.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub images: HashMap<PathBuf, std::result::Result<ImageBox, String>>,
    /// In the model's annex order.
    pub annexes: Vec<AnnexInfo>,
}

/// Resolved targets of cross-references: page number (1-based) and annex number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct References {
    targets: HashMap<String, (usize, Option<String>)>,
    pub total_pages: usize,
}

impl References {
    /// The page number (1-based) of an id, if it has landed somewhere.
    pub fn page(&self, id: &str) -> Option<usize> {
        self.targets.get(id).map(|(page, _)| *page)
    }

    /// « p. 37 ».
    pub fn page_text(&self, id: &str) -> String {
        match self.page(id) {
            Some(page) => format!("p.\u{a0}{page}"),
            None => "p.\u{a0}?".to_owned(),
        }
    }

    /// « voir p. 37 », or « Annexe A12, p. 212 » for an annex.
    pub fn text(&self, id: &str) -> String {
        match self.targets.get(id) {
            // Non-breaking spaces: a reference is never cut over two lines.
            Some((page, Some(number))) => format!("Annexe\u{a0}{number},\u{a0}p.\u{a0}{page}"),
            Some((page, None)) => format!("voir\u{a0}p.\u{a0}{page}"),
            None => "voir\u{a0}p.\u{a0}?".to_owned(),
        }
    }
}

/// What every block layout function needs.
pub struct Ctx<'a> {
    pub fonts: &'a FontSet,
    pub refs: &'a References,
    pub assets: &'a Assets,
    /// What the reader should know about this pass's layout (French).
    pub warnings: RefCell<Vec<String>>,
}

impl Ctx<'_> {
    /// Notes a layout warning (each said once).
    pub fn warn(&self, message: String) {
        let mut warnings = self.warnings.borrow_mut();
        if !warnings.contains(&message) {
            warnings.push(message);
        }
    }
}

/// One outline (bookmark) entry.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    pub y: f32,
}

/// The laid-out document: pages, outline, where each id landed.
#[derive(Debug, Clone)]
pub struct LaidOut {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    /// 0-based page index and y of every id (sections, blocks, annexes).
    pub anchors: HashMap<String, Landing>,
    /// How many times the document was laid out before page numbers settled.
    pub passes: usize,
    /// Layout warnings of the last pass (words cut between letters…).
    pub warnings: Vec<String>,
}

/// Id of the generated « Annexes » section (index of annexes).
pub const ANNEXES_ID: &str = "annexes";
const MAX_PASSES: usize = 6;

/// Lays the document out, again and again until page numbers settle.
pub fn layout(model: &DocumentModel, assets: &Assets) -> Result<LaidOut> {
    let fonts = FontSet::get()?;
    let mut refs = References::default();
    let mut passes = 0;
    loop {
        passes += 1;
        let ctx = Ctx {
            fonts,
            refs: &refs,
            assets,
            warnings: RefCell::new(Vec::new()),
        };
        let mut once = layout_once(model, &ctx);
        let resolved = resolve(&once, assets, model);
        if resolved == refs || passes >= MAX_PASSES {
            once.passes = passes;
            once.warnings = ctx.warnings.take();
            front::stamp_running(&mut once.pages, model, assets, fonts);
            return Ok(once);
        }
        refs = resolved;
    }
}

fn resolve(laid: &LaidOut, assets: &Assets, model: &DocumentModel) -> References {
    let mut targets = HashMap::new();
    for (id, landing) in &laid.anchors {
        targets.insert(id.clone(), (landing.page + 1, None));
    }
    for (annex, info) in model.annexes.iter().zip(&assets.annexes) {
        if let Some((page, _)) = targets.get(&annex.id).cloned() {
            targets.insert(annex.id.clone(), (page, Some(info.number.clone())));
        }
    }
    References {
        targets,
        total_pages: laid.pages.len(),
    }
}

/// The generated section listing the annexes, with links to their pages.
fn annex_index(model: &DocumentModel, assets: &Assets) -> Section {
    let columns = vec![
        Column::new("N°", Align::Left),
        Column::new("Titre", Align::Left),
        Column::new("Fichier", Align::Left),
        Column::new("Taille", Align::Right),
        Column::new("Page", Align::Left),
    ];
    let rows = model
        .annexes
        .iter()
        .zip(&assets.annexes)
        .map(|(annex, info)| {
            vec![
                Cell::Text(info.number.clone()),
                Cell::Text(annex.title.clone()),
                Cell::Text(info.file_name.clone()),
                Cell::Text(
                    info.size
                        .map(annex::format_size)
                        .unwrap_or_else(|| "—".into()),
                ),
                Cell::Runs {
                    runs: vec![Run::page_of(annex.id.clone())],
                },
            ]
        })
        .collect();
    Section {
        id: ANNEXES_ID.to_owned(),
        title: "Annexes".to_owned(),
        level: 1,
        new_page: true,
        blocks: vec![
            Block::Paragraph {
                runs: vec![Run::plain(format!(
                    "Les {} pièces ci-dessous sont reproduites à la suite, chacune sur ses propres pages, \
                     tamponnées de leur numéro d’annexe.",
                    model.annexes.len()
                ))],
                id: None,
            },
            Block::Table {
                columns,
                rows,
                totals: None,
                id: None,
                style: TableStyle::Normal,
                zebra: false,
            },
        ],
    }
}

fn section_chunks(ctx: &Ctx, section: &Section, out: &mut Vec<Chunk>) {
    let level = section.level.clamp(1, 3);
    out.push(blocks::section_title(
        ctx,
        level,
        &section.title,
        &section.id,
        section.new_page,
    ));
    for block in &section.blocks {
        blocks::block_chunks(ctx, block, out);
    }
}

fn layout_once(model: &DocumentModel, ctx: &Ctx) -> LaidOut {
    let mut pages = Vec::new();
    let mut anchors = HashMap::new();
    let mut outline = Vec::new();
    let depth = model.contents.as_ref().map_or(3, |c| c.depth.clamp(1, 3));

    if let Some(cover) = &model.cover {
        pages.push(front::cover_page(ctx, cover, &model.running));
    }
    if let Some(spec) = &model.contents {
        let flow = front::contents(ctx, model, spec, pages.len());
        pages.extend(flow.pages);
    }

    let mut chunks = Vec::new();
    for section in &model.sections {
        section_chunks(ctx, section, &mut chunks);
    }
    if !model.annexes.is_empty() {
        section_chunks(ctx, &annex_index(model, ctx.assets), &mut chunks);
    }
    let mut body = Flow::new(PageKind::Body, pages.len());
    body.place(&chunks);
    pages.extend(body.pages);
    for (id, landing) in body.anchors {
        anchors.entry(id).or_insert(landing);
    }
    let mut bookmarks: Vec<(Bookmark, Landing)> = body
        .bookmarks
        .into_iter()
        .filter(|(b, _)| b.level <= depth)
        .collect();

    for (i, annex) in model.annexes.iter().enumerate() {
        let first = pages.len();
        let annex_pages = annex::annex_pages(ctx, model, i, annex);
        let landing = Landing {
            page: first,
            y: flow::BODY_TOP,
        };
        anchors.entry(annex.id.clone()).or_insert(landing);
        let number = ctx
            .assets
            .annexes
            .get(i)
            .map_or_else(|| format!("A{}", i + 1), |a| a.number.clone());
        bookmarks.push((
            Bookmark {
                level: 2,
                title: format!("{number} — {}", annex.title),
                anchor: annex.id.clone(),
            },
            landing,
        ));
        pages.extend(annex_pages);
    }
    for (bookmark, landing) in bookmarks {
        outline.push(OutlineEntry {
            level: bookmark.level,
            title: bookmark.title,
            page: landing.page,
            y: landing.y,
        });
    }
    LaidOut {
        pages,
        outline,
        anchors,
        passes: 0,
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
