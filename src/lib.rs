//! Tremplin's core: the domain of a CFA's Qualiopi proofs (indicators 14 and 29),
//! its SQLite storage, and the document engine that prints audit dossiers.
//!
//! This crate knows nothing of Tauri or of any user interface: the desktop shell
//! (`src-tauri/`) and the command line (`src/main.rs`) are two thin faces over it.

pub mod document;
pub mod error;

pub use error::{Error, FieldError, Result};
pub mod format;
pub mod fsio;
pub mod interchange;
pub mod metrics;
pub mod model;
pub mod report;
pub mod store;
pub mod support;
pub mod validate;
pub mod vault;

pub use store::Store;
pub mod backup;
pub mod demo;
pub mod location;
