//! The document engine: a [`DocumentModel`] in, a print-ready A4 PDF out.
//!
//! It knows nothing of apprentices or actions. The pipeline, one module a step:
//!
//! 1. [`prepare`] reads every file the model points at (images, annexes) —
//!    in parallel, never failing: an unreadable file becomes a French reason;
//! 2. [`layout`] turns model and assets into pages of positioned items (pure,
//!    deterministic, no I/O), laying out again until page numbers settle;
//! 3. [`render`] turns those pages into PDF bytes (the only printpdf user);
//! 4. [`merge`] draws annex PDF pages into their placeholders, adds the nested
//!    outline, the language and the metadata (lopdf).
//!
//! [`render_document`] runs the four; [`write_pdf`] writes the result atomically.

pub mod cli;
pub mod fonts;
pub mod layout;
pub mod merge;
pub mod model;
pub mod prepare;
pub mod render;
pub mod sample;

use std::path::Path;
use std::time::{Duration, Instant};

pub use model::DocumentModel;

use crate::{Error, Result};

/// How long each step took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    pub prepare: Duration,
    pub layout: Duration,
    pub render: Duration,
    pub merge: Duration,
}

impl Timings {
    pub fn total(&self) -> Duration {
        self.prepare + self.layout + self.render + self.merge
    }
}

/// A produced document.
#[derive(Debug)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// How many layout passes page numbers needed to settle.
    pub passes: usize,
    /// What the reader should know (French): unreadable files, references to
    /// unknown ids. The document was produced anyway.
    pub warnings: Vec<String>,
    pub timings: Timings,
}

/// Reads a model from a JSON file.
pub fn load_model(path: &Path) -> Result<DocumentModel> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_str(&text).map_err(|e| {
        Error::Document(format!(
            "le modèle {} n’est pas un document valide ({e})",
            path.display()
        ))
    })
}

/// Produces the PDF of a model whose relative paths start at `base_dir`.
pub fn render_document(model: &DocumentModel, base_dir: &Path) -> Result<Rendered> {
    let start = Instant::now();
    let prepared = prepare::prepare(model, base_dir);
    let prepared_at = Instant::now();
    let laid = layout::layout(model, &prepared.assets)?;
    let laid_at = Instant::now();
    let warnings = warnings(model, &prepared.assets, &laid);
    let rendered = render::render(&laid, &prepared.images, &model.metadata)?;
    let rendered_at = Instant::now();
    let pdf = merge::finish(rendered, &laid, prepared.pdfs, &model.metadata)?;
    let merged_at = Instant::now();
    Ok(Rendered {
        pdf,
        pages: laid.pages.len(),
        passes: laid.passes,
        warnings,
        timings: Timings {
            prepare: prepared_at - start,
            layout: laid_at - prepared_at,
            render: rendered_at - laid_at,
            merge: merged_at - rendered_at,
        },
    })
}

fn warnings(model: &DocumentModel, assets: &layout::Assets, laid: &layout::LaidOut) -> Vec<String> {
    let mut out = laid.warnings.clone();
    for (annex, info) in model.annexes.iter().zip(&assets.annexes) {
        if let layout::AnnexKind::Unreadable(reason) = &info.kind {
            out.push(format!(
                "annexe {} ({}) : {reason} ; une page d’explication la remplace.",
                info.number,
                annex.path.display()
            ));
        }
    }
    let mut images: Vec<_> = assets.images.iter().collect();
    images.sort_by(|a, b| a.0.cmp(b.0));
    for (path, image) in images {
        if let Err(reason) = image {
            out.push(format!("image {} : {reason}.", path.display()));
        }
    }
    let mut unknown: Vec<&str> = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            layout::frame::Item::Link { target, .. } if !laid.anchors.contains_key(target) => {
                Some(target.as_str())
            }
            _ => None,
        })
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    for target in unknown {
        out.push(format!(
            "renvoi vers « {target} » : aucune section, aucun bloc ni aucune annexe ne porte cet identifiant (imprimé « p. ? »)."
        ));
    }
    out
}

/// Writes bytes to `path` atomically (see [`crate::fsio::write_atomic`]).
pub fn write_pdf(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::fsio::write_atomic(path, bytes)
}
