//! Backups and restore (RELIABILITY.md). A backup is never a copy of a live
//! file: `VACUUM INTO` a temporary file, synced, reopened read-only and
//! checked (`application_id`, `integrity_check`), then renamed.
//!
//! - Daily copies of the database in « Sauvegardes », one per day at most,
//!   the last N kept (setting `backup_keep`, 14 by default).
//! - An archive (one `.tar` file) holds a verified copy of the database, the
//!   proofs, and a manifest with every file's SHA-256.
//! - Restore treats an archive as untrusted: every entry's name and type,
//!   every hash, the database's identity, integrity, foreign keys and schema
//!   version are checked in a staging folder before anything is replaced;
//!   the current data is kept as a backup first.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fsio;
use crate::model::{ArchiveReport, BackupInfo, RestoreReport};
use crate::store::{APPLICATION_ID, DATABASE_FILE, LATEST_VERSION};
use crate::vault::{self, Vault, PROOFS_FOLDER};
use crate::Store;

/// The backups folder's name in the data folder.
pub const BACKUPS_FOLDER: &str = "Sauvegardes";
/// The setting holding how many daily copies are kept.
pub const BACKUP_KEEP_SETTING: &str = "backup_keep";
pub const BACKUP_KEEP_DEFAULT: u32 = 14;
const DAILY_PREFIX: &str = "tremplin-";
const BEFORE_RESTORE_PREFIX: &str = "avant-restauration-";
const MANIFEST: &str = "manifest.json";
const ARCHIVE_FORMAT: &str = "tremplin-archive";
const ARCHIVE_FORMAT_VERSION: u32 = 1;
/// A manifest larger than this is not ours.
const MANIFEST_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The archive's table of contents.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Manifest {
    format: String,
    format_version: u32,
    app_version: String,
    created_at: String,
    schema_version: i64,
    database: Entry,
    proofs: Vec<Entry>,
    /// Proof files the database knows but that were missing or altered when
    /// the archive was made (`check` reported them): not in the archive.
    missing_proofs: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Entry {
    name: String,
    sha256: String,
    size: u64,
}

fn archive_error(message: impl Into<String>) -> Error {
    Error::Archive(message.into())
}

/// A verified copy of `conn`'s database at `target` (which must not exist):
/// `VACUUM INTO` a temporary name in the same folder, sync, check, rename.
pub fn snapshot(conn: &Connection, target: &Path) -> Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let temporary = dir.join(format!(
        "{}-{}-{}.sqlite",
        fsio::TEMPORARY_PREFIX,
        std::process::id(),
        chrono::Local::now()
            .timestamp_nanos_opt()
            .unwrap_or_default()
    ));
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [temporary.to_string_lossy().as_ref()])?;
        fsio::sync_file(&temporary)?;
        verify_database(&temporary)?;
        fsio::rename_durably(&temporary, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Opens a database file read-only and checks it is a sound Tremplin
/// database this version can open; returns its schema version.
pub fn verify_database(path: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let read = || -> rusqlite::Result<(i32, i64)> {
        Ok((
            conn.query_row("PRAGMA application_id", [], |r| r.get(0))?,
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
        ))
    };
    let (application_id, version) = read().map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::Corrupt("le fichier n’est pas une base de données lisible.".into())
        }
        _ => Error::Storage(e),
    })?;
    if application_id != APPLICATION_ID {
        return Err(Error::NotTremplinDatabase {
            path: path.to_owned(),
        });
    }
    if version > LATEST_VERSION {
        return Err(Error::SchemaTooNew {
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let integrity = (|| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    })()
    .map_err(|e| Error::Corrupt(e.to_string()))?;
    if integrity != ["ok"] {
        return Err(Error::Corrupt(integrity.join(" ; ")));
    }
    let dangling = conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut s| s.query_map([], |_| Ok(())).map(|r| r.count()))
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    if dangling > 0 {
        return Err(Error::Corrupt(format!(
            "{dangling} ligne(s) pointent vers des fiches qui n’existent pas."
        )));
    }
    Ok(version)
}

impl Store {
    fn backups_dir(&self) -> Result<PathBuf> {
        Ok(self.data_dir()?.join(BACKUPS_FOLDER))
    }

    /// How many daily copies are kept.
    pub fn backup_keep(&self) -> Result<u32> {
        let value: Option<String> = self
            .conn()
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [BACKUP_KEEP_SETTING],
                |r| r.get(0),
            )
            .ok();
        Ok(value
            .and_then(|v| v.parse().ok())
            .unwrap_or(BACKUP_KEEP_DEFAULT))
    }

    /// Sets how many daily copies are kept (1 to 365).
    pub fn set_backup_keep(&mut self, keep: u32) -> Result<u32> {
        if !(1..=365).contains(&keep) {
            return Err(crate::validate::field_error(
                "keep",
                "Gardez entre 1 et 365 sauvegardes quotidiennes.",
            ));
        }
        self.batch(|w| w.set_setting(BACKUP_KEEP_SETTING, &keep.to_string()))?;
        Ok(keep)
    }

    /// The day's automatic copy, unless one was already taken that day; then
    /// the oldest daily copies beyond the setting are removed.
    pub fn daily_backup(&self, now: NaiveDateTime) -> Result<Option<BackupInfo>> {
        let dir = self.backups_dir()?;
        let name = format!("{DAILY_PREFIX}{}.sqlite", now.format("%Y-%m-%d"));
        let target = dir.join(&name);
        if target.exists() {
            return Ok(None);
        }
        snapshot(self.conn(), &target)?;
        let keep = self.backup_keep()? as usize;
        let mut daily: Vec<BackupInfo> = self
            .backups()?
            .into_iter()
            .filter(|b| is_daily_name(&b.file_name))
            .collect();
        daily.sort_by(|a, b| b.file_name.cmp(&a.file_name));
        for old in daily.iter().skip(keep) {
            let _ = std::fs::remove_file(&old.path);
        }
        let _ = fsio::sync_dir(&dir);
        Ok(Some(backup_info(&target)?))
    }

    /// What the backups screen shows.
    pub fn backups_view(&self) -> Result<crate::model::BackupsView> {
        Ok(crate::model::BackupsView {
            backups: self.backups()?,
            keep: self.backup_keep()?,
            folder: self.backups_dir()?.display().to_string(),
        })
    }

    /// The copies in « Sauvegardes », newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        list_backups(&self.backups_dir()?)
    }

    /// Writes one archive (database copy, proofs, manifest) to `out`,
    /// atomically.
    pub fn write_archive(&self, out: &Path, now: NaiveDateTime) -> Result<ArchiveReport> {
        let data_dir = self.data_dir()?;
        let vault = self.vault()?;
        let database = data_dir.join(format!(
            "{}-archive-{}.sqlite",
            fsio::TEMPORARY_PREFIX,
            std::process::id()
        ));
        let _ = std::fs::remove_file(&database);
        snapshot(self.conn(), &database)?;
        let result = (|| {
            let (db_sha, db_size) =
                fsio::hash_file(&database).map_err(|e| Error::io(&database, e))?;
            let schema_version = verify_database(&database)?;
            let names: Vec<(String, String)> = {
                let mut stmt = self
                    .conn()
                    .prepare("SELECT sha256, stored_name FROM proof_file ORDER BY stored_name")?;
                let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let mut proofs = Vec::new();
            let mut missing = Vec::new();
            let mut archived = 0;
            let mtime = now.and_utc().timestamp().max(0) as u64;
            fsio::write_atomic_with(out, |file| {
                let mut tar = tar::Builder::new(std::io::BufWriter::new(file));
                let add = |tar: &mut tar::Builder<_>, name: &str, bytes: &[u8]| {
                    tar.append_data(&mut header(bytes.len() as u64, mtime), name, bytes)
                };
                add_file(&mut tar, DATABASE_FILE, &database, mtime)?;
                for (sha, name) in &names {
                    let bytes = vault.path(name).ok().and_then(|p| std::fs::read(p).ok());
                    match bytes {
                        Some(bytes) if fsio::sha256_hex(&bytes) == *sha => {
                            add(&mut tar, &format!("{PROOFS_FOLDER}/{name}"), &bytes)?;
                            proofs.push(Entry {
                                name: name.clone(),
                                sha256: sha.clone(),
                                size: bytes.len() as u64,
                            });
                        }
                        _ => missing.push(name.clone()),
                    }
                }
                let proof_count = proofs.len();
                let manifest = Manifest {
                    format: ARCHIVE_FORMAT.into(),
                    format_version: ARCHIVE_FORMAT_VERSION,
                    app_version: env!("CARGO_PKG_VERSION").into(),
                    created_at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    schema_version,
                    database: Entry {
                        name: DATABASE_FILE.into(),
                        sha256: db_sha.clone(),
                        size: db_size,
                    },
                    proofs: std::mem::take(&mut proofs),
                    missing_proofs: std::mem::take(&mut missing),
                };
                let json = serde_json::to_vec_pretty(&manifest).map_err(std::io::Error::other)?;
                add(&mut tar, MANIFEST, &json)?;
                archived = proof_count;
                let mut inner = tar.into_inner()?;
                inner.flush()
            })?;
            Ok(ArchiveReport {
                file_name: out
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                size: std::fs::metadata(out).map(|m| m.len() as i64).unwrap_or(0),
                proof_files: archived as i64,
                schema_version,
                path: out.to_owned(),
            })
        })();
        let _ = std::fs::remove_file(&database);
        result
    }
}

fn header(size: u64, mtime: u64) -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o644);
    header.set_mtime(mtime);
    header.set_entry_type(tar::EntryType::Regular);
    header
}

/// Streams a file into the archive (the database copy can be large).
fn add_file<W: std::io::Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
    path: &Path,
    mtime: u64,
) -> std::io::Result<()> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    tar.append_data(&mut header(size, mtime), name, file)
}

fn is_daily_name(name: &str) -> bool {
    name.strip_prefix(DAILY_PREFIX)
        .and_then(|rest| rest.strip_suffix(".sqlite"))
        .is_some_and(|day| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
}

fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut list = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".sqlite")
            && (name.starts_with(DAILY_PREFIX) || name.starts_with(BEFORE_RESTORE_PREFIX))
        {
            list.push(backup_info(&entry.path())?);
        }
    }
    list.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(list)
}

fn backup_info(path: &Path) -> Result<BackupInfo> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let taken_at = meta
        .modified()
        .ok()
        .map(|t| {
            chrono::DateTime::<chrono::Local>::from(t)
                .naive_local()
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string()
        })
        .unwrap_or_default();
    Ok(BackupInfo {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        size: meta.len() as i64,
        taken_at,
        path: path.to_owned(),
    })
}

/// The staging folder of a restore, removed whatever happens.
struct Staging(PathBuf);

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What an entry's name in the archive may be: the manifest, the database,
/// or a proof under its stored name. Anything else (`..`, absolute, links,
/// another name) refuses the archive.
enum Slot {
    Manifest,
    Database,
    Proof(String),
}

fn slot_of(name: &str) -> Option<Slot> {
    match name {
        MANIFEST => Some(Slot::Manifest),
        DATABASE_FILE => Some(Slot::Database),
        _ => name
            .strip_prefix(PROOFS_FOLDER)
            .and_then(|rest| rest.strip_prefix('/'))
            .filter(|stored| vault::is_stored_name(stored))
            .map(|stored| Slot::Proof(stored.to_owned())),
    }
}

/// Restores an archive into `data_dir`. No [`Store`] may be open on that
/// folder (the shell closes its own first). Nothing is replaced until the
/// whole archive has been verified; the current database is copied to
/// « Sauvegardes » first (or, if it cannot be opened, moved aside as it is).
pub fn restore_archive(
    data_dir: &Path,
    archive: &Path,
    now: NaiveDateTime,
) -> Result<RestoreReport> {
    std::fs::create_dir_all(data_dir).map_err(|e| Error::io(data_dir, e))?;
    let staging = Staging(data_dir.join(format!(
        "{}-restauration-{}",
        fsio::TEMPORARY_PREFIX,
        std::process::id()
    )));
    let _ = std::fs::remove_dir_all(&staging.0);
    std::fs::create_dir_all(&staging.0).map_err(|e| Error::io(&staging.0, e))?;

    // 1. Read every entry into the staging folder, hashing as it comes.
    let file = std::fs::File::open(archive).map_err(|e| Error::io(archive, e))?;
    let mut tar = tar::Archive::new(std::io::BufReader::new(file));
    let mut manifest_bytes: Option<Vec<u8>> = None;
    let mut database: Option<(String, u64)> = None;
    let mut proofs: BTreeMap<String, (String, u64)> = BTreeMap::new();
    let entries = tar
        .entries()
        .map_err(|_| archive_error("le fichier n’est pas une archive Tremplin lisible."))?;
    for entry in entries {
        let mut entry =
            entry.map_err(|_| archive_error("l’archive est tronquée ou endommagée."))?;
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(archive_error(
                "l’archive contient un lien ou un dossier, ce qu’une sauvegarde Tremplin ne contient jamais.",
            ));
        }
        let raw = entry.path_bytes().into_owned();
        let name = String::from_utf8(raw)
            .map_err(|_| archive_error("l’archive contient un nom de fichier illisible."))?;
        let Some(slot) = slot_of(&name) else {
            return Err(archive_error(format!(
                "l’archive contient un fichier inattendu (« {} »).",
                name.chars().take(80).collect::<String>()
            )));
        };
        match slot {
            Slot::Manifest => {
                if manifest_bytes.is_some() || entry.size() > MANIFEST_MAX_BYTES {
                    return Err(archive_error(
                        "le sommaire de l’archive est en double ou trop gros.",
                    ));
                }
                let mut bytes = Vec::new();
                entry
                    .read_to_end(&mut bytes)
                    .map_err(|_| archive_error("l’archive est tronquée ou endommagée."))?;
                manifest_bytes = Some(bytes);
            }
            Slot::Database => {
                if database.is_some() {
                    return Err(archive_error("l’archive contient deux bases de données."));
                }
                database = Some(copy_entry(&mut entry, &staging.0.join(DATABASE_FILE))?);
            }
            Slot::Proof(stored) => {
                if proofs.contains_key(&stored) {
                    return Err(archive_error("l’archive contient deux fois la même pièce."));
                }
                let target = staging.0.join(stored.replace('/', "-"));
                let found = copy_entry(&mut entry, &target)?;
                proofs.insert(stored, found);
            }
        }
    }

    // 2. The manifest must describe exactly what is there, hash for hash.
    let manifest_bytes = manifest_bytes
        .ok_or_else(|| archive_error("l’archive n’a pas de sommaire (manifest.json)."))?;
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|_| archive_error("le sommaire de l’archive est illisible."))?;
    if manifest.format != ARCHIVE_FORMAT || manifest.format_version != ARCHIVE_FORMAT_VERSION {
        return Err(archive_error(
            "ce n’est pas une archive de Tremplin, ou elle vient d’une version plus récente.",
        ));
    }
    let (db_sha, db_size) =
        database.ok_or_else(|| archive_error("l’archive ne contient pas de base de données."))?;
    if manifest.database.name != DATABASE_FILE
        || manifest.database.sha256 != db_sha
        || manifest.database.size != db_size
    {
        return Err(archive_error(
            "la base de données de l’archive ne correspond pas à son empreinte : le fichier a été modifié ou abîmé.",
        ));
    }
    let listed: BTreeMap<&str, &Entry> = manifest
        .proofs
        .iter()
        .map(|e| (e.name.as_str(), e))
        .collect();
    if listed.len() != proofs.len() {
        return Err(archive_error(
            "le sommaire et le contenu de l’archive ne comptent pas les mêmes pièces.",
        ));
    }
    for (stored, (sha, size)) in &proofs {
        let Some(entry) = listed.get(stored.as_str()) else {
            return Err(archive_error(
                "une pièce de l’archive n’est pas dans son sommaire.",
            ));
        };
        if entry.sha256 != *sha || entry.size != *size || vault::hash_of(stored) != sha {
            return Err(archive_error(format!(
                "la pièce « {stored} » ne correspond pas à son empreinte : le fichier a été modifié ou abîmé."
            )));
        }
    }

    // 3. The database: ours, sound, not too new, and every proof it knows
    //    is in the archive (or was already missing when it was made).
    let staged_db = staging.0.join(DATABASE_FILE);
    let schema_version = verify_database(&staged_db).map_err(|e| match e {
        Error::SchemaTooNew { .. } => e,
        Error::NotTremplinDatabase { .. } => {
            archive_error("la base de données de l’archive n’est pas une base Tremplin.")
        }
        other => archive_error(format!(
            "la base de données de l’archive est endommagée ({other})"
        )),
    })?;
    let known = staged_proof_names(&staged_db)?;
    let missing: BTreeSet<&str> = manifest.missing_proofs.iter().map(String::as_str).collect();
    for name in &known {
        if !vault::is_stored_name(name) {
            return Err(archive_error(
                "la base de l’archive nomme une pièce d’une façon inattendue.",
            ));
        }
        if !proofs.contains_key(name) && !missing.contains(name.as_str()) {
            return Err(archive_error(format!(
                "la pièce « {name} » que la base mentionne manque dans l’archive."
            )));
        }
    }

    // 4. Keep the current data, then put the archive's in place.
    let live = data_dir.join(DATABASE_FILE);
    let previous_data = keep_current(data_dir, &live, now)?;
    let vault = Vault::in_data_dir(data_dir);
    for stored in proofs.keys() {
        let from = staging.0.join(stored.replace('/', "-"));
        let to = vault.path(stored)?;
        if fsio::hash_file(&to).is_ok_and(|(sha, _)| sha == vault::hash_of(stored)) {
            continue;
        }
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        fsio::rename_durably(&from, &to)?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = data_dir.join(format!("{DATABASE_FILE}{suffix}"));
        match std::fs::remove_file(&side) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(&side, e)),
            _ => {}
        }
    }
    fsio::rename_durably(&staged_db, &live)?;

    // 5. Open it as the app will (migrating an older schema).
    let store = Store::open(&live)?;
    Ok(RestoreReport {
        schema_version: store.schema_version().unwrap_or(schema_version),
        proof_files: proofs.len() as i64,
        previous_data,
        archive_created_at: manifest.created_at,
    })
}

fn copy_entry(entry: &mut impl std::io::Read, target: &Path) -> Result<(String, u64)> {
    use sha2::Digest as _;
    let mut out = std::fs::File::create_new(target).map_err(|e| Error::io(target, e))?;
    let mut hasher = sha2::Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = entry
            .read(&mut buffer)
            .map_err(|_| archive_error("l’archive est tronquée ou endommagée."))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        out.write_all(&buffer[..n])
            .map_err(|e| Error::io(target, e))?;
        size += n as u64;
    }
    out.sync_all().map_err(|e| Error::io(target, e))?;
    Ok((fsio::hex(&hasher.finalize()), size))
}

fn staged_proof_names(db: &Path) -> Result<Vec<String>> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'proof_file')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare("SELECT stored_name FROM proof_file")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Copies the current database to « Sauvegardes » before a restore; one that
/// cannot be opened is moved aside as it is (with its journal) instead.
fn keep_current(data_dir: &Path, live: &Path, now: NaiveDateTime) -> Result<Option<BackupInfo>> {
    if !live.exists() {
        return Ok(None);
    }
    let dir = data_dir.join(BACKUPS_FOLDER);
    let stamp = now.format("%Y-%m-%d-%H%M%S");
    let target = dir.join(format!("{BEFORE_RESTORE_PREFIX}{stamp}.sqlite"));
    match Store::open(live) {
        Ok(store) => {
            if target.exists() {
                std::fs::remove_file(&target).map_err(|e| Error::io(&target, e))?;
            }
            snapshot(store.conn(), &target)?;
            drop(store);
            Ok(Some(backup_info(&target)?))
        }
        Err(_) => {
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
            for suffix in ["", "-wal", "-shm"] {
                let from = data_dir.join(format!("{DATABASE_FILE}{suffix}"));
                if from.exists() {
                    let to = dir.join(format!(
                        "{BEFORE_RESTORE_PREFIX}{stamp}.sqlite{suffix}.corrupt"
                    ));
                    fsio::rename_durably(&from, &to)?;
                }
            }
            Ok(None)
        }
    }
}
