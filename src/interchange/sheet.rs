//! A spreadsheet read into text cells: CSV and other delimited text (encoding
//! and separator detected) or a workbook (XLSX, XLS, ODS: its first sheet
//! with data). Each row keeps the line of the file it starts on, so a refusal
//! can name it.

use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::NaiveDate;

use crate::error::{Error, Result};

/// A file's first row (the headers) and its data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// How the file was read, in French (« CSV, UTF-8, séparateur « ; » »).
    pub format: String,
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// The line of the file (or row of the sheet) this record starts on, 1
    /// being the headers.
    pub line: usize,
    pub cells: Vec<String>,
}

/// Reads `bytes`; `name` (the file's name) only tells a workbook from text.
pub fn read(name: &str, bytes: &[u8]) -> Result<Sheet> {
    let lower = name.to_lowercase();
    let workbook = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        || [".xlsx", ".xlsm", ".xls", ".ods"]
            .iter()
            .any(|ext| lower.ends_with(ext));
    if workbook {
        read_workbook(bytes)
    } else {
        read_text(bytes)
    }
}

fn unreadable(message: impl Into<String>) -> Error {
    crate::validate::field_error("file", message)
}

/// Text, as a CSV export gives it.
pub fn read_text(bytes: &[u8]) -> Result<Sheet> {
    let (text, encoding) = decode(bytes);
    let separator = detect_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let (mut line_count, mut counted) = (0usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(unreadable(format!(
                    "Le fichier ne se lit pas à la ligne {line} : {e}."
                )));
            }
        }
        // The line a record starts on, counted in the text itself (line
        // breaks inside quotes included, whatever the line ending).
        let byte = record.position().map_or(0, |p| p.byte() as usize);
        line_count += text.as_bytes()[counted..byte.min(text.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted = byte.min(text.len());
        // After « \r », the reader may place the record on the « \n » of CRLF.
        let on_newline = text.as_bytes().get(byte) == Some(&b'\n');
        let line = line_count + 1 + usize::from(on_newline);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match headers {
            None => headers = Some(cells),
            Some(_) => rows.push(SheetRow { line, cells }),
        }
    }
    let Some(headers) = headers else {
        return Err(unreadable(
            "Le fichier est vide : la première ligne doit porter les noms des colonnes.",
        ));
    };
    let separator = match separator {
        b';' => "« ; »",
        b'\t' => "tabulation",
        _ => "« , »",
    };
    Ok(Sheet {
        format: format!("CSV, {encoding}, séparateur {separator}"),
        headers,
        rows,
    })
}

/// UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252 (what
/// Excel writes in France when told « CSV »).
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = if encoding == encoding_rs::UTF_8 {
            "UTF-8 avec BOM"
        } else {
            "UTF-16"
        };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The separator found most often, outside quotes, in the first line.
fn detect_separator(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (sep, n) in counts.iter_mut() {
                    if *sep == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties keep the order above: « ; » is the French spreadsheet's own.
    let mut best = counts[0];
    for candidate in counts {
        if candidate.1 > best.1 {
            best = candidate;
        }
    }
    best.0
}

fn read_workbook(bytes: &[u8]) -> Result<Sheet> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| {
            unreadable(format!(
                "Ce classeur ne s’ouvre pas ({e}) : enregistrez-le de nouveau au format XLSX ou CSV."
            ))
        })?;
    let names = workbook.sheet_names();
    for name in names {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("La feuille « {name} » ne se lit pas ({e}).")))?;
        if range.is_empty() {
            continue;
        }
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let mut headers: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (index, row) in range.rows().enumerate() {
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            let line = first_row + index + 1;
            match headers {
                None => headers = Some(cells),
                Some(_) => rows.push(SheetRow { line, cells }),
            }
        }
        if let Some(headers) = headers {
            return Ok(Sheet {
                format: format!("classeur, feuille « {name} »"),
                headers,
                rows,
            });
        }
    }
    Err(unreadable(
        "Le classeur ne contient aucune feuille remplie : la première ligne doit porter les noms des colonnes.",
    ))
}

/// A cell as the person would read it: dates `jj/mm/aaaa`, whole numbers
/// without decimals (a SIRET typed as a number stays 14 digits).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "oui" } else { "non" }.to_string(),
        Data::DateTime(d) => excel_serial(d.as_f64())
            .map(crate::format::date)
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// Excel's day number (1900 system, the 1900 leap-year bug included).
pub fn excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}

/// A date as spreadsheets and forms write them: `jj/mm/aaaa`, `jj/mm/aa`,
/// ISO (a time after it is ignored) or an Excel day number. Two-digit years
/// are of this century unless that puts them more than ten years after
/// `today`.
pub fn parse_date(value: &str, today: NaiveDate) -> std::result::Result<NaiveDate, String> {
    use chrono::Datelike;
    let value = value.trim();
    if !value.is_empty() && value.chars().all(|c| c.is_ascii_digit()) && value.len() <= 6 {
        if let Ok(n) = value.parse::<u32>() {
            if (10_000..=80_000).contains(&n) {
                if let Some(date) = excel_serial(f64::from(n)) {
                    return Ok(date);
                }
            }
        }
    }
    // « 2024-09-02T00:00:00 », « 02/09/2024 08:15:00 » (forms' time stamps).
    let date_part = value
        .split(['T', ' '])
        .next()
        .unwrap_or(value)
        .trim_end_matches('Z');
    let parts: Vec<&str> = date_part.split(['/', '.', '-']).collect();
    if let [d, m, y] = parts.as_slice() {
        if y.len() == 2 && d.len() <= 2 && m.len() <= 2 {
            if let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) {
                let century = if 2000 + y > today.year() + 10 {
                    1900
                } else {
                    2000
                };
                let year = century + y;
                return NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| {
                    format!("Le {d:02}/{m:02}/{year} n’existe pas : vérifiez le jour et le mois.")
                });
            }
        }
    }
    crate::validate::parse_date(date_part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    #[test]
    fn dates_in_every_usual_spelling() {
        let today = day(2026, 12, 1);
        assert_eq!(parse_date("02/09/2024", today), Ok(day(2024, 9, 2)));
        assert_eq!(parse_date("2/9/24", today), Ok(day(2024, 9, 2)));
        assert_eq!(parse_date("14/03/05", today), Ok(day(2005, 3, 14)));
        assert_eq!(parse_date("14/03/87", today), Ok(day(1987, 3, 14)));
        assert_eq!(parse_date("2024-09-02", today), Ok(day(2024, 9, 2)));
        assert_eq!(
            parse_date("2024-09-02T00:00:00", today),
            Ok(day(2024, 9, 2))
        );
        assert_eq!(
            parse_date("02/09/2024 08:15:00", today),
            Ok(day(2024, 9, 2))
        );
        assert_eq!(parse_date("45537", today), Ok(day(2024, 9, 2)));
        assert!(parse_date("31/02/2024", today)
            .unwrap_err()
            .contains("n’existe pas"));
        assert!(parse_date("demain", today).is_err());
    }

    #[test]
    fn separators_and_encodings_are_detected() {
        let sheet = read_text(b"Nom;Pr\xe9nom\nD\xe9j\xe0;\xc9lodie\n").expect("read");
        assert_eq!(sheet.headers, ["Nom", "Prénom"]);
        assert_eq!(sheet.rows[0].cells, ["Déjà", "Élodie"]);
        assert!(sheet.format.contains("Windows-1252"), "{}", sheet.format);

        let sheet = read_text(
            "\u{feff}Nom,Ville\n\"Dupont, Jean\",\"Lyon\nCentre\"\nMartin,Paris\n".as_bytes(),
        )
        .expect("read");
        assert_eq!(sheet.headers, ["Nom", "Ville"]);
        assert_eq!(sheet.rows[0].cells, ["Dupont, Jean", "Lyon\nCentre"]);
        assert_eq!(sheet.rows[1].line, 4, "the line the record starts on");
        assert!(sheet.format.contains("BOM"));

        let sheet = read_text(b"Nom\tVille\nA\tB\n").expect("read");
        assert_eq!(sheet.rows[0].cells, ["A", "B"]);
    }
}
