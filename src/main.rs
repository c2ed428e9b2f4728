//! The `tremplin` command line: the core, headless, for automation and tests.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tremplin::document::cli::{
    run_render_document, run_sample_document, RenderDocumentArgs, SampleDocumentArgs,
};

#[derive(Debug, Parser)]
#[command(
    name = "tremplin",
    version,
    about = "Preuves Qualiopi 14 et 29 pour les CFA"
)]
struct Cli {
    /// Folder of the Tremplin data (database, evidence files).
    #[arg(long, global = true, env = "TREMPLIN_DATA_DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Produce a PDF from a document model (JSON).
    RenderDocument(RenderDocumentArgs),
    /// Write a deterministic sample document model and its proof files.
    SampleDocument(SampleDocumentArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::RenderDocument(args) => run_render_document(args),
        Command::SampleDocument(args) => run_sample_document(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Erreur : {error}");
            ExitCode::FAILURE
        }
    }
}
