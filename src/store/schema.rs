//! Setting up a connection: pragmas, the file's identity, and migrations.
//!
//! Order matters: the file's identity and schema version are read *before*
//! anything is written, so a foreign or newer file is left byte-for-byte as it
//! was. Each migration runs in one transaction that also bumps `user_version`;
//! an existing database is copied (`VACUUM INTO`) before it is migrated.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// « TRMP »: tells Tremplin databases from any other SQLite file.
pub const APPLICATION_ID: i32 = 0x5452_4D50;

/// Migrations in order; the schema version is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_indicator29.sql"),
    include_str!("migrations/0003_follow_ups.sql"),
    include_str!("migrations/0004_support.sql"),
    include_str!("migrations/0005_proofs.sql"),
    include_str!("migrations/0006_dispositif.sql"),
    include_str!("migrations/0007_retention.sql"),
    include_str!("migrations/0008_interchange.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn prepare(conn: &mut Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let (application_id, version, table_count) = identify(conn)?;
    if version > LATEST_VERSION {
        return Err(Error::SchemaTooNew {
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let empty = version == 0 && table_count == 0;
    if application_id != APPLICATION_ID && !(application_id == 0 && empty) {
        return Err(Error::NotTremplinDatabase {
            path: path.to_owned(),
        });
    }
    set_pragmas(conn)?;
    if !empty {
        let answer: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if answer != "ok" {
            return Err(Error::Corrupt(answer));
        }
    }
    if version < LATEST_VERSION && !empty && path != Path::new(":memory:") {
        backup_before_migrating(conn, path, version)?;
    }
    migrate(conn, version)
}

/// Reads application_id, user_version and the number of tables. A file that
/// is not a database at all surfaces here as `Corrupt`.
fn identify(conn: &Connection) -> Result<(i32, i64, i64)> {
    let read = || -> rusqlite::Result<(i32, i64, i64)> {
        let application_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((application_id, version, tables))
    };
    read().map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::Corrupt(
            "le fichier n’est pas une base de données SQLite (ou il est chiffré).".into(),
        ),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::Corrupt("l’en-tête du fichier est illisible.".into())
        }
        _ => Error::Storage(e),
    })
}

/// The connection settings of RELIABILITY.md, each for a reason.
fn set_pragmas(conn: &Connection) -> Result<()> {
    // Refuse dangling references; SQLite leaves this off by default.
    conn.pragma_update(None, "foreign_keys", true)?;
    // Schema code never runs functions with side effects from a hostile file.
    conn.pragma_update(None, "trusted_schema", false)?;
    // Erased personal data is overwritten, not left in free pages.
    conn.pragma_update(None, "secure_delete", true)?;
    // WAL: readers never block the writer; the answer must be read back.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if mode != "wal" && mode != "memory" {
        return Err(Error::Corrupt(format!(
            "le journal WAL n’a pas pu être activé (mode « {mode} »)."
        )));
    }
    // FULL: in WAL, NORMAL can lose the last commits on power loss.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// A verified copy next to the database, taken before its schema changes.
fn backup_before_migrating(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let backup = path.with_extension(format!("before-v{}.sqlite", version + 1));
    if backup.exists() {
        std::fs::remove_file(&backup).map_err(|e| Error::io(&backup, e))?;
    }
    let target = backup.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [&target])?;
    let copy = Connection::open_with_flags(&backup, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let answer: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if answer != "ok" {
        return Err(Error::Corrupt(format!(
            "la copie de sécurité avant mise à jour est invalide : {answer}"
        )));
    }
    Ok(())
}
