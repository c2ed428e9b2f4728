//! The proofs folder (« Preuves » in the data folder): files stored by the
//! SHA-256 of their content, `ab/ab…ef.pdf`, written atomically, never
//! overwritten, never deleted except when no proof uses them any more.
//!
//! Names under the folder come from hashes, never from the user: a name read
//! back (from the database or an archive) is accepted only in that exact
//! shape, so no `..`, absolute path, device name or trailing dot can lead
//! outside the folder.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fsio;
use crate::model::ProofMedia;
use crate::validate::OFFICE_EXTENSIONS;

/// The proofs folder's name in the data folder.
pub const PROOFS_FOLDER: &str = "Preuves";

#[derive(Debug, Clone)]
pub struct Vault {
    root: PathBuf,
}

impl Vault {
    pub fn in_data_dir(data_dir: &Path) -> Vault {
        Vault {
            root: data_dir.join(PROOFS_FOLDER),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The place of a checked stored name.
    pub fn path(&self, stored_name: &str) -> Result<PathBuf> {
        if !is_stored_name(stored_name) {
            return Err(Error::Corrupt(format!(
                "le nom de pièce « {} » n’a pas la forme attendue.",
                stored_name.chars().take(80).collect::<String>()
            )));
        }
        let (folder, file) = stored_name.split_at(2);
        Ok(self.root.join(folder).join(&file[1..]))
    }

    /// Stores `bytes` under `stored_name` unless a file with that content
    /// is already there (same hash: same file). Atomic; the caller writes
    /// the row afterwards.
    pub fn put(&self, stored_name: &str, sha256: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self.path(stored_name)?;
        if let Ok((existing, _)) = fsio::hash_file(&path) {
            if existing == sha256 {
                return Ok(path);
            }
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        fsio::write_atomic(&path, bytes)?;
        Ok(path)
    }

    /// Every file under the folder: final names (in stored-name form) and
    /// temporary leftovers; anything else found there counts as an orphan.
    pub fn scan(&self) -> Result<Scan> {
        let mut scan = Scan::default();
        let entries = match std::fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(scan),
            Err(e) => return Err(Error::io(&self.root, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&self.root, e))?;
            let folder = entry.file_name().to_string_lossy().into_owned();
            let file_type = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
            if !file_type.is_dir() {
                scan.classify(folder);
                continue;
            }
            let dir = entry.path();
            for inner in std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
                let inner = inner.map_err(|e| Error::io(&dir, e))?;
                let name = format!("{folder}/{}", inner.file_name().to_string_lossy());
                scan.classify(name);
            }
        }
        scan.stored.sort();
        scan.leftovers.sort();
        scan.strangers.sort();
        Ok(scan)
    }
}

/// What [`Vault::scan`] found.
#[derive(Debug, Default)]
pub struct Scan {
    pub stored: Vec<String>,
    pub leftovers: Vec<String>,
    /// Files that cannot be ours (another name shape): orphans.
    pub strangers: Vec<String>,
}

impl Scan {
    fn classify(&mut self, name: String) {
        let file = name.rsplit('/').next().unwrap_or(&name);
        if is_stored_name(&name) {
            self.stored.push(name);
        } else if file.starts_with(fsio::TEMPORARY_PREFIX) {
            self.leftovers.push(name);
        } else {
            self.strangers.push(name);
        }
    }
}

/// The stored name of a file: `ab/<sha256>.<extension>`.
pub fn stored_name(sha256: &str, media: ProofMedia, original_name: &str) -> String {
    let extension = match media {
        ProofMedia::Pdf => "pdf".to_owned(),
        ProofMedia::Jpeg => "jpg".to_owned(),
        ProofMedia::Png => "png".to_owned(),
        ProofMedia::Office => original_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .filter(|e| OFFICE_EXTENSIONS.contains(&e.as_str()))
            .unwrap_or_else(|| "bin".to_owned()),
    };
    format!("{}/{sha256}.{extension}", &sha256[..2.min(sha256.len())])
}

/// `ab/<64 lowercase hex digits, starting with ab>.<known extension>`.
pub fn is_stored_name(name: &str) -> bool {
    let Some((folder, file)) = name.split_once('/') else {
        return false;
    };
    let Some((hash, extension)) = file.split_once('.') else {
        return false;
    };
    let hex = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    folder.len() == 2
        && hash.len() == 64
        && hex(hash)
        && hash.starts_with(folder)
        && (matches!(extension, "pdf" | "jpg" | "png" | "bin")
            || OFFICE_EXTENSIONS.contains(&extension))
}

/// The hash part of a stored name.
pub fn hash_of(stored_name: &str) -> &str {
    stored_name
        .split_once('/')
        .and_then(|(_, f)| f.split_once('.'))
        .map(|(h, _)| h)
        .unwrap_or("")
}
