//! Registers written for a spreadsheet: CSV as Excel opens it in France
//! (UTF-8 with BOM, `;`, decimal comma, dates `jj/mm/aaaa`) and XLSX (typed
//! cells, dates as dates, frozen header row), both written atomically.

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};

use crate::error::{Error, Result};

/// What a column holds, for the XLSX cell type and the CSV spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Date,
    Integer,
    Decimal,
    Bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Date(NaiveDate),
    Integer(i64),
    Decimal(f64),
    Bool(bool),
}

impl Cell {
    pub fn text(value: &str) -> Cell {
        if value.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value.to_string())
        }
    }

    /// As a French spreadsheet shows it.
    fn french(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => crate::format::date(*d),
            Cell::Integer(i) => i.to_string(),
            Cell::Decimal(f) => {
                let text = format!("{f}");
                text.replace('.', ",")
            }
            Cell::Bool(b) => if *b { "oui" } else { "non" }.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegisterTable {
    /// The register's French name (the sheet's name).
    pub name: String,
    pub columns: Vec<(String, ColumnKind)>,
    pub rows: Vec<Vec<Cell>>,
}

/// The file formats of a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    Csv,
    Xlsx,
}

impl SheetFormat {
    pub fn from_code(code: &str) -> Option<SheetFormat> {
        match code.trim().to_lowercase().as_str() {
            "csv" => Some(SheetFormat::Csv),
            "xlsx" => Some(SheetFormat::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            SheetFormat::Csv => "csv",
            SheetFormat::Xlsx => "xlsx",
        }
    }
}

/// `;`-separated, UTF-8 with BOM, CRLF: what Excel opens in France without
/// an import dialog.
pub fn to_csv(table: &RegisterTable) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 * (table.rows.len() + 1));
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let io = |e: csv::Error| Error::Document(format!("CSV : {e}"));
    writer
        .write_record(table.columns.iter().map(|(label, _)| label.as_str()))
        .map_err(io)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(Cell::french))
            .map_err(io)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::Document(format!("CSV : {e}")))
}

/// One sheet named after the register: header in bold and frozen, dates as
/// dates shown `jj/mm/aaaa`, numbers as numbers, yes/no as booleans.
pub fn to_xlsx(table: &RegisterTable) -> Result<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| Error::Document(format!("XLSX : {e}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    // A sheet's name has at most 31 characters and none of []:*?/\.
    let name: String = table
        .name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    sheet.set_name(&name).map_err(err)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let decimal = Format::new().set_num_format("0.0");
    let mut widths: Vec<usize> = table
        .columns
        .iter()
        .map(|(l, _)| l.chars().count())
        .collect();
    for (c, (label, _)) in table.columns.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, label, &bold)
            .map_err(err)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string(r, col, s).map_err(err)?;
                }
                Cell::Date(d) => {
                    let serial = (*d - excel_epoch()).num_days() as f64;
                    sheet
                        .write_number_with_format(r, col, serial, &date)
                        .map_err(err)?;
                }
                Cell::Integer(i) => {
                    sheet.write_number(r, col, *i as f64).map_err(err)?;
                }
                Cell::Decimal(f) => {
                    sheet
                        .write_number_with_format(r, col, *f, &decimal)
                        .map_err(err)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, col, *b).map_err(err)?;
                }
            }
            if let Some(w) = widths.get_mut(c) {
                let len = match cell {
                    Cell::Date(_) => 10,
                    other => other.french().chars().count().min(60),
                };
                *w = (*w).max(len);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, (*w as f64 + 2.0).min(62.0))
            .map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    if !table.rows.is_empty() {
        sheet
            .autofilter(
                0,
                0,
                table.rows.len() as u32,
                table.columns.len().saturating_sub(1) as u16,
            )
            .map_err(err)?;
    }
    workbook.save_to_buffer().map_err(err)
}

fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// Writes the register atomically.
pub fn write(table: &RegisterTable, format: SheetFormat, path: &Path) -> Result<()> {
    let bytes = match format {
        SheetFormat::Csv => to_csv(table)?,
        SheetFormat::Xlsx => to_xlsx(table)?,
    };
    crate::fsio::write_atomic(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_what_excel_opens_in_france() {
        let table = RegisterTable {
            name: "Actions".into(),
            columns: vec![
                ("Date".into(), ColumnKind::Date),
                ("Titre".into(), ColumnKind::Text),
                ("Taux".into(), ColumnKind::Decimal),
                ("Présent".into(), ColumnKind::Bool),
            ],
            rows: vec![vec![
                Cell::Date(NaiveDate::from_ymd_opt(2025, 10, 9).expect("day")),
                Cell::text("Atelier « CV » ; lettre"),
                Cell::Decimal(72.7),
                Cell::Bool(true),
            ]],
        };
        let bytes = to_csv(&table).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(
            text,
            "\u{feff}Date;Titre;Taux;Présent\r\n09/10/2025;\"Atelier « CV » ; lettre\";72,7;oui\r\n"
        );
    }
}
