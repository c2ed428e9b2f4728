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

/// Folder names of synchronisation clients: a database inside one is copied
/// while it is written, and the copies fight.
const SYNCHRONISED_FOLDERS: &[&str] = &[
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "mon drive",
    "my drive",
    "icloud drive",
    "iclouddrive",
    "mobile documents",
    "nextcloud",
    "owncloud",
    "pcloud",
    "pcloud drive",
    "sync",
    "synologydrive",
    "synology drive",
    "mega",
    "box",
    "kdrive",
    "tresorit",
];

/// File systems reached over the network.
const NETWORK_FILE_SYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "9p",
    "afs",
    "davfs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.davfs2",
    "fuse.gvfsd-fuse",
    "fuse.s3fs",
];

/// A French warning when `dir` lies in a synchronised cloud folder or on a
/// network share (a UNC path on Windows, a network file system on Linux).
pub fn storage_warning(dir: &Path) -> Option<String> {
    let text = dir.to_string_lossy();
    if text.starts_with("\\\\") || text.starts_with("//") {
        return Some(network_warning(dir));
    }
    for component in dir.components() {
        let name = component.as_os_str().to_string_lossy().to_lowercase();
        let synced = SYNCHRONISED_FOLDERS.contains(&name.as_str())
            || name.starts_with("onedrive - ")
            || name.starts_with("dropbox (");
        if synced {
            return Some(format!(
                "Le dossier des données ({}) est dans un dossier synchronisé (« {} ») : la \
                 synchronisation peut copier la base pendant qu’elle est écrite et l’abîmer. \
                 Choisissez un dossier local ; les sauvegardes, elles, peuvent y être copiées.",
                dir.display(),
                component.as_os_str().to_string_lossy()
            ));
        }
    }
    match mount_type(dir) {
        Some(kind) if NETWORK_FILE_SYSTEMS.contains(&kind.as_str()) => Some(network_warning(dir)),
        _ => None,
    }
}

fn network_warning(dir: &Path) -> String {
    format!(
        "Le dossier des données ({}) est sur un partage réseau : SQLite ne peut pas y garantir \
         l’intégrité de la base. Choisissez un dossier local de cet ordinateur.",
        dir.display()
    )
}

/// The file system type of the mount holding `dir` (Linux: /proc/mounts).
fn mount_type(dir: &Path) -> Option<String> {
    let mounts = std::fs::read_to_string("/proc/mounts").ok()?;
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    mount_type_in(&mounts, &dir)
}

/// The type of the longest mount point that holds `dir`, from /proc/mounts' text.
pub fn mount_type_in(mounts: &str, dir: &Path) -> Option<String> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _device = fields.next()?;
            let point = fields.next()?.replace("\\040", " ");
            let kind = fields.next()?;
            dir.starts_with(&point)
                .then(|| (point.len(), kind.to_owned()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, kind)| kind)
}
