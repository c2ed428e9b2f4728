//! Indicator 29's figures on a large CFA: the demo scaled ×42 (126 filières,
//! 8,064 apprentices, 3,024 leavers and their questionnaires), in a real
//! SQLite file. Run with `cargo bench --bench results` (`BENCH_SCALE` changes
//! the scale). Prints, best of three, the seconds of: the dashboard (every
//! filière's results for the year's and last year's leavers), one filière's
//! results, one cohort grid and one plan with its objectives measured.
//! Targets: the dashboard under 1 s, each screen under 100 ms, on 2 cores.

use std::time::Instant;

use chrono::NaiveDate;
use tremplin::demo::{self, DemoConfig};
use tremplin::model::SchoolYear;
use tremplin::Store;

fn best<T>(runs: usize, mut work: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(work());
        best = best.min(started.elapsed().as_secs_f64());
    }
    (best, last.expect("at least one run"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scale: u32 = std::env::var("BENCH_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(42);
    let dir = tempfile::tempdir()?;
    let mut store = Store::open_in_dir(dir.path())?;
    let started = Instant::now();
    let summary = demo::create(
        &mut store,
        &DemoConfig {
            scale,
            ..Default::default()
        },
    )?;
    println!(
        "demo ×{scale}: {} filières, {} apprentis, {} sortants, {} questionnaires, {} objectifs in {:.2} s",
        summary.programmes,
        summary.apprentices,
        summary.leavers,
        summary.exit_surveys,
        summary.objectives,
        started.elapsed().as_secs_f64()
    );
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
    let year = SchoolYear::starting(2025);
    let (seconds, dashboard) = best(3, || store.dashboard(year, as_of));
    let dashboard = dashboard?;
    println!(
        "dashboard 2025-2026 ({} + {} filière results): {seconds:.3} s",
        dashboard.results.len(),
        dashboard.previous_results.len()
    );
    let programme = store.programme_id_by_code("BTS MCO")?;
    let (seconds, results) = best(3, || {
        store.programme_results(programme, SchoolYear::starting(2024), as_of)
    });
    println!(
        "one filière's results ({} leavers): {seconds:.4} s",
        results?.total.timepoints[0].leavers.count
    );
    let cohort = store
        .list_cohorts(Some(programme))?
        .into_iter()
        .find(|c| c.cohort.label == "Promo 2023-2025")
        .ok_or("promo")?
        .cohort
        .id;
    let (seconds, grid) = best(3, || store.survey_grid(cohort, as_of));
    println!(
        "one cohort grid ({} leavers): {seconds:.4} s",
        grid?.rows.len()
    );
    let plan = store.plan_for(programme, year)?.ok_or("plan")?;
    let (seconds, detail) = best(3, || store.plan_detail(plan, as_of));
    println!(
        "one plan ({} objectives measured): {seconds:.4} s",
        detail?.objectives.len()
    );
    Ok(())
}
