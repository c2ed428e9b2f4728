//! The `tremplin` binary as scripts use it: flags, JSON output, exit codes.

use std::process::{Command, Output};

use super::Folder;

pub(crate) fn tremplin(folder: &Folder, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tremplin"))
        .arg("--data-dir")
        .arg(folder.path())
        .args(args)
        .env_remove("TREMPLIN_DATA_DIR")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn demo_then_check_then_programmes_as_json() {
    let folder = Folder::new();
    let demo = tremplin(&folder, &["demo"]);
    assert!(demo.status.success(), "demo failed: {}", text(&demo.stderr));
    assert!(
        text(&demo.stdout).contains("192 apprentis"),
        "{}",
        text(&demo.stdout)
    );

    let check = tremplin(&folder, &["check", "--format", "json"]);
    assert!(
        check.status.success(),
        "check failed: {}",
        text(&check.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["healthy"], true);
    assert_eq!(report["integrity"], serde_json::json!(["ok"]));

    let programmes = tremplin(&folder, &["programmes", "--format", "json"]);
    assert!(programmes.status.success());
    let list: Vec<serde_json::Value> = serde_json::from_slice(&programmes.stdout).unwrap();
    let codes: Vec<&str> = list.iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["Bac pro MELEC", "BTS MCO", "CAP Cuisine"]);
    assert!(
        list.iter()
            .all(|p| p["diplomaCode"].is_string() && p["rncpCode"].is_string()),
        "codes are listed"
    );
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let folder = Folder::new();
    let output = Command::new(env!("CARGO_BIN_EXE_tremplin"))
        .arg("demo")
        .env("TREMPLIN_DATA_DIR", folder.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(folder.database().exists());
}

#[test]
fn check_fails_with_a_french_message_on_a_newer_database() {
    let folder = Folder::new();
    drop(folder.open());
    rusqlite::Connection::open(folder.database())
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let output = tremplin(&folder, &["check"]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("version plus récente de Tremplin"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn check_fails_on_a_damaged_database() {
    let folder = Folder::new();
    assert!(tremplin(&folder, &["demo"]).status.success());
    // Checkpoint the WAL into the main file, then overwrite a page in the middle.
    {
        let conn = rusqlite::Connection::open(folder.database()).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
    }
    let mut bytes = std::fs::read(folder.database()).unwrap();
    let page = 4096;
    assert!(bytes.len() > page * 8);
    for b in &mut bytes[page * 5..page * 5 + 600] {
        *b = 0xA5;
    }
    std::fs::write(folder.database(), &bytes).unwrap();
    let output = tremplin(&folder, &["check"]);
    assert!(
        !output.status.success(),
        "a damaged database must fail the check: {}",
        text(&output.stdout)
    );
}

#[test]
fn demo_refuses_a_folder_that_already_has_data() {
    let folder = Folder::new();
    assert!(tremplin(&folder, &["demo"]).status.success());
    let again = tremplin(&folder, &["demo"]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("base vide"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn metrics_prints_the_same_figures_as_the_core_as_json_and_text() {
    let folder = Folder::new();
    assert!(tremplin(&folder, &["demo"]).status.success());
    let args = [
        "metrics",
        "--programme",
        "bts mco",
        "--year",
        "2024-2025",
        "--as-of",
        "2026-12-02",
    ];
    let json = tremplin(&folder, &[&args[..], &["--format", "json"]].concat());
    assert!(json.status.success(), "{}", text(&json.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let store = folder.open();
    let id = store.programme_id_by_code("BTS MCO").unwrap();
    let expected = store
        .programme_results(
            id,
            tremplin::model::SchoolYear::starting(2024),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        )
        .unwrap();
    assert_eq!(printed, serde_json::to_value(&expected).unwrap());
    // The contract's fields, as the README documents them.
    let six = &printed["total"]["timepoints"][0];
    assert_eq!(six["timepoint"], "m6");
    for key in ["responseRate", "insertion", "targetJob", "furtherStudies"] {
        for field in [
            "numerator",
            "denominator",
            "percent",
            "display",
            "method",
            "numeratorIds",
            "denominatorIds",
        ] {
            assert!(!six[key][field].is_null(), "{key}.{field}");
        }
    }
    assert!(printed["people"].as_array().unwrap().len() >= 12);

    let only12 = tremplin(
        &folder,
        &[&args[..], &["--timepoint", "12", "--format", "json"]].concat(),
    );
    let only12: serde_json::Value = serde_json::from_slice(&only12.stdout).unwrap();
    let timepoints = only12["total"]["timepoints"].as_array().unwrap();
    assert_eq!(timepoints.len(), 1);
    assert_eq!(timepoints[0]["timepoint"], "m12");

    let plain = tremplin(&folder, &args);
    let plain = text(&plain.stdout);
    let rate = &expected.total.timepoints[0].response_rate.rate;
    assert!(
        plain.contains(&format!(
            "Taux de réponse\u{a0}: {} ({} / {})",
            rate.display, rate.numerator, rate.denominator
        )),
        "{plain}"
    );

    let unknown = tremplin(
        &folder,
        &["metrics", "--programme", "BTS NDRC", "--year", "2024-2025"],
    );
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("Aucune filière n’a le code «\u{a0}BTS NDRC\u{a0}»"),
        "{}",
        text(&unknown.stderr)
    );
    let bad_year = tremplin(
        &folder,
        &["metrics", "--programme", "BTS MCO", "--year", "2024"],
    );
    assert!(!bad_year.status.success());
    assert!(
        text(&bad_year.stderr).contains("année scolaire"),
        "{}",
        text(&bad_year.stderr)
    );
}

#[test]
fn overdue_lists_the_late_reviews_as_json_and_grouped_text() {
    let folder = Folder::new();
    assert!(tremplin(&folder, &["demo"]).status.success());
    let json = tremplin(
        &folder,
        &["overdue", "--as-of", "2026-12-02", "--format", "json"],
    );
    assert!(json.status.success(), "{}", text(&json.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let expected = folder
        .open()
        .overdue(chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap())
        .unwrap();
    assert_eq!(printed, serde_json::to_value(&expected).unwrap());
    assert_eq!(printed["afterDays"], 35);
    assert_eq!(printed["asOf"], "2026-12-02");
    let rows = printed["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    for field in [
        "apprenticeId",
        "firstName",
        "lastName",
        "cohortLabel",
        "programmeCode",
        "referentName",
        "lastReview",
        "since",
        "days",
    ] {
        assert!(!rows[0][field].is_null(), "{field}");
    }
    // Most overdue first.
    let days: Vec<i64> = rows.iter().map(|r| r["days"].as_i64().unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");

    let plain = text(&tremplin(&folder, &["overdue", "--as-of", "2026-12-02"]).stdout);
    assert!(plain.starts_with("En retard au 02/12/2026"), "{plain}");
    let first = &expected.rows[0];
    assert!(
        plain.contains(&format!(
            "    {} {} — dernier point le",
            first.last_name, first.first_name
        )),
        "{plain}"
    );
    assert!(plain.contains(&format!("{} jours", first.days)));
    // In June 2026 the promo 2024-2026 was still in training: more names.
    let june = tremplin(
        &folder,
        &["overdue", "--as-of", "2026-06-01", "--format", "json"],
    );
    let june: serde_json::Value = serde_json::from_slice(&june.stdout).unwrap();
    assert_eq!(
        june["inTraining"], 117,
        "both promos of each filière, less the one who dropped out"
    );
    let bad = tremplin(&folder, &["overdue", "--as-of", "31/02/2026"]);
    assert!(!bad.status.success());
}

#[test]
fn apprentice_file_prints_the_pdf_and_its_value_as_json() {
    let folder = Folder::new();
    assert!(tremplin(&folder, &["demo"]).status.success());
    let id = folder
        .open()
        .list_apprentices(&Default::default())
        .unwrap()
        .first()
        .map(|row| row.apprentice.id)
        .unwrap();
    let out = folder.path().join("dossier.pdf");
    let printed = tremplin(
        &folder,
        &[
            "apprentice-file",
            "--apprentice",
            &id.to_string(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(printed.status.success(), "{}", text(&printed.stderr));
    let said = text(&printed.stdout);
    assert!(said.starts_with("Dossier individuel de "), "{said}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let json = tremplin(
        &folder,
        &[
            "apprentice-file",
            "--apprentice",
            &id.to_string(),
            "--as-of",
            "2026-12-02",
            "--format",
            "json",
        ],
    );
    assert!(json.status.success(), "{}", text(&json.stderr));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let expected = folder
        .open()
        .apprentice_file(id, chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap())
        .unwrap();
    assert_eq!(value, serde_json::to_value(&expected).unwrap());
    assert!(value["timeline"].as_array().unwrap().len() > 3);

    let missing = tremplin(&folder, &["apprentice-file", "--apprentice", "999999"]);
    assert!(!missing.status.success());
    assert!(
        text(&missing.stderr).contains("999999"),
        "{}",
        text(&missing.stderr)
    );
}
