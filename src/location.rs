//! Where the data lives: an explicit folder (`--data-dir`), else the
//! `TREMPLIN_DATA_DIR` environment variable, else the operating system's
//! per-user data folder (`~/.local/share/Tremplin`, `%APPDATA%\Tremplin`,
//! `~/Library/Application Support/Tremplin`).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Name of the environment variable that overrides the data folder.
pub const DATA_DIR_VARIABLE: &str = "TREMPLIN_DATA_DIR";

pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_VARIABLE).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join("Tremplin")).ok_or_else(|| {
        Error::io(
            "~",
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "dossier de données de l’utilisateur introuvable",
            ),
        )
    })
}
