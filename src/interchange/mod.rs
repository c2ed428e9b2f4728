//! Data in and out: spreadsheets read into text cells (`sheet`), columns
//! recognised by their headers and values by their words (`columns`), the
//! registers written as CSV and XLSX (`registers`), the State's InserJeunes
//! file (`inserjeunes`) and the whole dataset as JSON (`dataset`). No SQL
//! here: `store/imports.rs` and its neighbours load and write.

pub mod columns;
pub mod inserjeunes;
pub mod registers;
pub mod sheet;
