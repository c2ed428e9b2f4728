//! Backups on a large CFA: the demo ×42 (BENCH_SCALE) in a real folder, then
//! the verified daily copy, the whole-data archive, its verified restore into
//! another folder, and the integrity check with every proof hashed again.
//! Prints the sizes and the seconds of each step. Run with
//! `cargo bench --bench backup`.

use std::time::Instant;

use tremplin::demo::{self, DemoConfig};
use tremplin::{backup, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scale: u32 = std::env::var("BENCH_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(42);
    let dir = tempfile::tempdir()?;
    let started = Instant::now();
    let mut store = Store::open_in_dir(dir.path())?;
    let summary = demo::create(
        &mut store,
        &DemoConfig {
            scale,
            ..Default::default()
        },
    )?;
    println!(
        "demo ×{scale}: {} apprentices, {} actions, {} attendance rows, {} proofs in {:.2} s",
        summary.apprentices,
        summary.actions,
        summary.attendance,
        summary.proofs,
        started.elapsed().as_secs_f64()
    );
    let db_size = std::fs::metadata(dir.path().join(tremplin::store::DATABASE_FILE))?.len();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .ok_or("date")?;

    let t = Instant::now();
    let copy = store.daily_backup(now)?.ok_or("no daily copy taken")?;
    println!(
        "daily verified copy ({:.1} MB database): {:.3} s",
        db_size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let _ = copy;

    let archive = dir.path().join("archive.tar");
    let t = Instant::now();
    let report = store.write_archive(&archive, now)?;
    println!(
        "archive ({} proof files, {:.1} MB): {:.3} s",
        report.proof_files,
        report.size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let target = tempfile::tempdir()?;
    let t = Instant::now();
    let restored = backup::restore_archive(target.path(), &archive, now)?;
    println!(
        "verified restore ({} proof files): {:.3} s",
        restored.proof_files,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let check = Store::open_in_dir(target.path())?.check()?;
    println!(
        "check of the restored data ({} files, {:.1} MB hashed, healthy: {}): {:.3} s",
        check.proofs.files_checked,
        check.proofs.bytes_checked as f64 / 1e6,
        check.proofs.is_healthy() && check.integrity == ["ok"],
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
