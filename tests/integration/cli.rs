//! The `tremplin` binary as scripts use it: flags, JSON output, exit codes.

use std::process::{Command, Output};

use super::Folder;

fn tremplin(folder: &Folder, args: &[&str]) -> Output {
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
        text(&demo.stdout).contains("120 apprentis"),
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
