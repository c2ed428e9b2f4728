//! Imports at the size of a large CFA: a 10,000-line CSV of apprentices (as
//! a management software exports it: `;`, Windows-1252, five filières, four
//! promos each) read, previewed and imported into a real database file, then
//! imported again (every line an update); the registers and the whole dataset
//! written out. Prints the seconds of each step. Run with
//! `cargo bench --bench import` (BENCH_LINES changes the size).

use std::time::Instant;

use tremplin::interchange::registers;
use tremplin::model::{CohortInput, ImportKind, ImportOptions, ProgrammeInput, Register};
use tremplin::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lines: usize = std::env::var("BENCH_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    let dir = tempfile::tempdir()?;
    let mut store = Store::open_in_dir(dir.path())?;
    let codes = ["32031213", "32033422", "50022105", "40025214", "32031309"];
    for (i, code) in codes.iter().enumerate() {
        let p = store.save_programme(&ProgrammeInput {
            code: format!("F{i}"),
            name: format!("Filière {i}"),
            diploma_code: code.to_string(),
            ..Default::default()
        })?;
        for g in 0..4 {
            store.save_cohort(&CohortInput {
                programme_id: Some(p.id),
                label: format!("Groupe {g}"),
                start_date: "01/09/2025".into(),
                end_date: "31/08/2027".into(),
                ..Default::default()
            })?;
        }
    }
    let first = [
        "Amélie", "Jérôme", "Inès", "Théo", "Zoé", "Loïc", "Chloé", "Noé",
    ];
    let mut text = String::from(
        "Nom;Prénom;Date de naissance;Courriel;Portable;Code formation;Groupe;Entreprise;Date début de contrat;Date fin de contrat\r\n",
    );
    for n in 0..lines {
        text.push_str(&format!(
            "Nom{n};{};{:02}/{:02}/{};apprenti{n}@mail.fr;06 {:02} {:02} {:02} {:02};{};Groupe {};\"Entreprise {} ; atelier\";01/09/2025;31/08/2027\r\n",
            first[n % first.len()],
            1 + n % 28,
            1 + n % 12,
            2003 + n % 4,
            n % 100,
            (n / 100) % 100,
            (n / 7) % 100,
            (n / 3) % 100,
            codes[n % codes.len()],
            n % 4,
            n % 500
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let bytes = bytes.into_owned();
    println!("file: {lines} lines, {:.1} MB", bytes.len() as f64 / 1e6);

    let t = Instant::now();
    let sheet = tremplin::interchange::sheet::read("export.csv", &bytes)?;
    println!(
        "read (decode, separator, fields): {:.3} s",
        t.elapsed().as_secs_f64()
    );
    assert_eq!(sheet.rows.len(), lines);

    let options = ImportOptions::default();
    let mut reports = 0;
    let t = Instant::now();
    let preview = store.preview_import(
        ImportKind::Apprentices,
        "export.csv",
        &bytes,
        &options,
        today,
        &mut |_, _| reports += 1,
    )?;
    println!(
        "preview ({} to create, {} refused, {reports} progress reports): {:.3} s",
        preview.created,
        preview.refused.len(),
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let done = store.apply_import(
        ImportKind::Apprentices,
        "export.csv",
        &bytes,
        &options,
        today,
        &mut |_, _| {},
    )?;
    println!(
        "import of {} apprentices (one transaction): {:.3} s",
        done.created,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let again = store.apply_import(
        ImportKind::Apprentices,
        "export.csv",
        &bytes,
        &options,
        today,
        &mut |_, _| {},
    )?;
    println!(
        "same file again ({} updated): {:.3} s",
        again.updated,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let table = store.register(Register::Apprentices)?;
    let csv = registers::to_csv(&table)?;
    let csv_time = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let xlsx = registers::to_xlsx(&table)?;
    println!(
        "register of {} apprentices: CSV {:.1} MB in {csv_time:.3} s, XLSX {:.1} MB in {:.3} s",
        table.rows.len(),
        csv.len() as f64 / 1e6,
        xlsx.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let json = store.export_data()?;
    let export = t.elapsed().as_secs_f64();
    let target = tempfile::tempdir()?;
    let mut copy = Store::open_in_dir(target.path())?;
    let t = Instant::now();
    let records = copy.import_data(&json)?;
    println!(
        "dataset: export {:.1} MB in {export:.3} s, import of {records} records in {:.3} s",
        json.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
