//! The document engine's benchmark: the sample dossier at about 400 pages with
//! 100 proofs, produced end to end. Run with `cargo bench --bench document`.
//!
//! Prints pages, proofs, seconds for each step (reading files, layout,
//! rendering, merging) and the process's peak memory (VmHWM). Target: the
//! whole document in under 1 s on a 2-core machine.

use std::time::Instant;

use tremplin::document::{load_model, render_document, sample};

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pages: usize = std::env::var("BENCH_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let proofs: usize = std::env::var("BENCH_PROOFS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir()?;
    let started = Instant::now();
    let model_path = sample::write_sample(dir.path(), pages, proofs)?;
    println!(
        "sample written in {:.2} s ({} proofs)",
        started.elapsed().as_secs_f64(),
        proofs
    );
    let model = load_model(&model_path)?;
    let runs = 3;
    let mut best = None::<f64>;
    for run in 1..=runs {
        let rendered = render_document(&model, dir.path())?;
        let t = rendered.timings;
        let total = t.total().as_secs_f64();
        println!(
            "run {run}: pages {} | proofs {} | layout passes {} | read files {:.3} s | layout {:.3} s | render {:.3} s | merge {:.3} s | total {:.3} s | {:.1} MiB PDF",
            rendered.pages,
            proofs,
            rendered.passes,
            t.prepare.as_secs_f64(),
            t.layout.as_secs_f64(),
            t.render.as_secs_f64(),
            t.merge.as_secs_f64(),
            total,
            rendered.pdf.len() as f64 / (1024.0 * 1024.0)
        );
        best = Some(best.map_or(total, |b: f64| b.min(total)));
        if run == runs {
            std::fs::write(dir.path().join("bench.pdf"), &rendered.pdf)?;
        }
    }
    println!(
        "best total {:.3} s (target 0.35 s) | peak memory {:.0} MiB",
        best.unwrap_or(0.0),
        peak_memory_mib().unwrap_or(0.0)
    );
    Ok(())
}
