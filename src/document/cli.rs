//! The two document commands of the `tremplin` command line:
//! `render-document MODEL.json --out FILE.pdf` and
//! `sample-document --pages N --proofs M --out-dir DIR`.

use std::path::{Path, PathBuf};

use crate::Result;

/// Produce a PDF from a document model (JSON).
#[derive(Debug, clap::Args)]
pub struct RenderDocumentArgs {
    /// The document model, a JSON file; its paths are relative to its folder.
    pub model: PathBuf,
    /// Where to write the PDF (written atomically).
    #[arg(long)]
    pub out: PathBuf,
}

/// Write a deterministic sample model and its proof files.
#[derive(Debug, clap::Args)]
pub struct SampleDocumentArgs {
    /// About how many pages the document should have.
    #[arg(long)]
    pub pages: usize,
    /// How many proof files (annexes) to write: half images, half PDFs.
    #[arg(long)]
    pub proofs: usize,
    /// Folder receiving `document.json` and `proofs/`.
    #[arg(long)]
    pub out_dir: PathBuf,
}

pub fn run_render_document(args: &RenderDocumentArgs) -> Result<()> {
    let model = super::load_model(&args.model)?;
    let base = args.model.parent().unwrap_or(Path::new("."));
    let rendered = super::render_document(&model, base)?;
    super::write_pdf(&args.out, &rendered.pdf)?;
    for warning in &rendered.warnings {
        eprintln!("Attention : {warning}");
    }
    println!(
        "Document écrit : {} ({} pages, {:.2} s).",
        args.out.display(),
        rendered.pages,
        rendered.timings.total().as_secs_f64()
    );
    Ok(())
}

pub fn run_sample_document(args: &SampleDocumentArgs) -> Result<()> {
    let path = super::sample::write_sample(&args.out_dir, args.pages, args.proofs)?;
    println!(
        "Modèle d’exemple écrit : {} ({} pièces dans {}).",
        path.display(),
        args.proofs,
        args.out_dir.join("proofs").display()
    );
    Ok(())
}
