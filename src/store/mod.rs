//! The only place that speaks SQL. [`Store`] owns the one connection to the
//! database file, sets it up (pragmas, migrations, schema version checks) and
//! offers one method per use case; each method validates its input through
//! [`crate::validate`] and writes in a single IMMEDIATE transaction.
//!
//! One file per aggregate: `organisation`, `programmes` (with cohorts),
//! `people` (staff and apprentices), `partners` (with agreements), `actions`
//! (with attendance), `surveys` (exit questionnaires, the cohort grid, what
//! results are computed from), `plans` (action plans, objectives, milestones),
//! `offers` (relayed offers), `reviews` (annual reviews), `followups`
//! (the référent's history, follow-ups, settings, « En retard »), `overview`
//! (dashboard and deletions).

mod actions;
mod conformity;
mod dataset;
mod dispositif;
mod files;
mod followups;
mod imports;
mod inserjeunes;
mod offers;
mod organisation;
mod overview;
mod partners;
mod people;
mod personal;
mod plans;
mod programmes;
mod proofs;
mod registers;
mod resources;
mod retention;
mod reviews;
mod schema;
mod surveys;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use serde::Serialize;
use ts_rs::TS;

pub use dataset::{
    FORMAT as DATASET_FORMAT, FORMAT_VERSION as DATASET_VERSION, SCHEMA_TABLES,
    TABLES as DATASET_TABLES,
};
pub use followups::OVERDUE_SETTING;
pub use imports::Progress;
pub use overview::Entity;
pub use plans::default_milestones;
pub use retention::RETENTION_MONTHS;
pub use schema::{APPLICATION_ID, LATEST_VERSION};
pub use surveys::OVERDUE_AFTER_DAYS;

use crate::error::{Error, Result};

/// File name of the database inside the data folder.
pub const DATABASE_FILE: &str = "tremplin.sqlite";

/// The open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Writes inside one open transaction. Its methods take values already
/// checked by [`crate::validate`] and compose: see [`Store::batch`].
pub struct Writer<'a> {
    tx: &'a Transaction<'a>,
}

impl Writer<'_> {
    /// Reads inside the write, seeing what it wrote so far (the demo attaches
    /// its proofs to the records it just created).
    pub(crate) fn reader(&self) -> &rusqlite::Connection {
        self.tx
    }
}

/// What `check` found: the answer of `PRAGMA integrity_check` and versions.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckReport {
    pub database_path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub supported_version: i64,
    /// `["ok"]` when healthy, otherwise SQLite's list of problems.
    pub integrity: Vec<String>,
    /// Rows pointing at records that do not exist (`foreign_key_check`).
    #[ts(type = "number")]
    pub foreign_key_problems: i64,
    /// Every stored proof hashed again: missing, altered, orphan files.
    pub proofs: crate::model::ProofCheck,
}

impl CheckReport {
    pub fn is_healthy(&self) -> bool {
        self.integrity == ["ok"]
            && self.foreign_key_problems == 0
            && self.schema_version == self.supported_version
            && self.proofs.is_healthy()
    }
}

impl Store {
    /// Opens (or creates) the database in `data_dir`, creating the folder.
    pub fn open_in_dir(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|e| Error::io(data_dir, e))?;
        Store::open(&data_dir.join(DATABASE_FILE))
    }

    /// Opens (or creates) a database file. A file from a newer Tremplin, or
    /// another program's SQLite file, is refused before anything is written.
    pub fn open(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let mut store = Store {
            conn,
            path: Some(path.to_owned()),
        };
        schema::prepare(&mut store.conn, path)?;
        Ok(store)
    }

    /// A fresh database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        schema::prepare(&mut store.conn, Path::new(":memory:"))?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs several checked writes as one transaction: all of them, or none.
    pub fn batch<T>(&mut self, work: impl FnOnce(&Writer<'_>) -> Result<T>) -> Result<T> {
        self.write(|tx| work(&Writer { tx }))
    }

    /// Runs `work` as a write and rolls it back whatever it returns: what a
    /// write would do, seen by the writer methods themselves (the import's
    /// preview).
    pub fn trial<T>(&mut self, work: impl FnOnce(&Writer<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&Writer { tx: &tx });
        tx.rollback()?;
        value
    }

    /// Runs `work` in one IMMEDIATE transaction: all of it is written, or none.
    fn write<T>(&mut self, work: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Full `integrity_check` and `foreign_key_check`.
    pub fn check(&self) -> Result<CheckReport> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let foreign_key_problems = self
            .conn
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |_| Ok(()))?
            .count() as i64;
        Ok(CheckReport {
            database_path: self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| ":memory:".into()),
            schema_version: self.schema_version()?,
            supported_version: LATEST_VERSION,
            integrity,
            foreign_key_problems,
            proofs: self.check_proofs()?,
        })
    }
}

impl Writer<'_> {
    /// Stores a setting (the key comes from code, never from input).
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// Reads a closed-list code from a column, refusing unknown codes.
fn code<T>(
    row: &rusqlite::Row<'_>,
    index: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("code inconnu « {text} »").into(),
        )
    })
}

/// Turns « no row » into a typed `NotFound`.
fn found<T>(result: rusqlite::Result<T>, entity: &'static str, id: crate::model::Id) -> Result<T> {
    match result {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(Error::NotFound { entity, id }),
        other => Ok(other?),
    }
}

/// A referenced record must exist, or the field gets a French message.
fn ensure_exists(
    conn: &Connection,
    table: &str,
    id: crate::model::Id,
    field: &str,
    message: &str,
) -> Result<()> {
    // `table` comes from our own code, never from input.
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)");
    let exists: bool = conn.query_row(&sql, [id], |r| r.get(0))?;
    if exists {
        Ok(())
    } else {
        Err(crate::validate::field_error(field, message))
    }
}

#[cfg(test)]
mod tests;
