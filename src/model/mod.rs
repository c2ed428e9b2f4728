//! The domain, in the glossary's words (DESIGN.md): plain data types for the
//! records a CFA keeps, the input types its forms send, and the labels of
//! every closed list (kinds, roles, statuses).
//!
//! Record types (`Programme`, `Action`…) are what storage returns; input types
//! (`ProgrammeInput`…) are what a person typed, as text, before
//! [`crate::validate`] turns them into the `New*` types storage writes. Nothing
//! here does I/O.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod dispositif;
mod indicator14;
mod indicator29;
mod interchange;
mod kinds;
mod proofs;
mod records;
mod school_year;

pub use dispositif::*;
pub use indicator14::*;
pub use indicator29::*;
pub use interchange::*;
pub use kinds::*;
pub use proofs::*;
pub use records::*;
pub use school_year::SchoolYear;

/// Row identifier of any record (SQLite `rowid`); a plain number on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "number")]
pub struct Id(pub i64);

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl From<i64> for Id {
    fn from(value: i64) -> Self {
        Id(value)
    }
}

impl ToSql for Id {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

impl FromSql for Id {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(Id)
    }
}
