//! The real Tremplin app in a real WebKit window (under Xvfb), driven through
//! tauri-driver and WebDriver as a person would: first start with the demo CFA,
//! a form refused with French messages, a partner and an action with its
//! attendance created through the forms — then the rows are read back from the
//! SQLite file. Screenshots land in `target/e2e-screenshots/`.
//!
//! Run through `make e2e` (it builds the app with its UI and starts Xvfb); the
//! test needs TREMPLIN_E2E_APP (the built binary) and TAURI_DRIVER.

// Test helpers may unwrap: a panic with its message is the failure report.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde_json::json;
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;
use tokio::process::{Child, Command};

const WAIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(100);

struct Driver {
    child: Child,
}

/// Stops tauri-driver even when the test panics: an orphaned WebKitWebDriver
/// would keep the test's output open and hang the pipeline.
impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .arg("-TERM")
                .arg(pid.to_string())
                .status();
            for _ in 0..50 {
                if matches!(self.child.try_wait(), Ok(Some(_))) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

impl Driver {
    async fn start(data_dir: &Path, log: &Path) -> Driver {
        let program = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        let child = Command::new(&program)
            .args(["--port", "4444", "--native-port", "4445"])
            .env("TREMPLIN_DATA_DIR", data_dir)
            // Its output goes to a file: a pipe it inherits could outlive the test.
            .stdout(Stdio::null())
            .stderr(
                std::fs::File::create(log)
                    .map(Stdio::from)
                    .unwrap_or_else(|_| Stdio::null()),
            )
            .kill_on_drop(false)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {program} (cargo install tauri-driver --locked): {e}")
            });
        // Wait until it answers.
        for _ in 0..100 {
            if tokio::net::TcpStream::connect("127.0.0.1:4444")
                .await
                .is_ok()
            {
                break;
            }
            tokio::time::sleep(POLL).await;
        }
        Driver { child }
    }

    /// SIGTERM, not SIGKILL: SIGKILL orphans WebKitWebDriver (PLATFORM.md).
    fn stop(self) {
        drop(self);
    }
}

struct Session {
    driver: WebDriver,
    shots: PathBuf,
    count: usize,
}

impl Session {
    async fn find(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .wait(WAIT, POLL)
            .first()
            .await
            .unwrap_or_else(|e| panic!("« {css} » never appeared: {e}"))
    }

    async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click « {css} »: {e}"));
    }

    async fn type_into(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap();
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into « {css} »: {e}"));
    }

    async fn select(&self, css: &str, value: &str) {
        let element = self.find(css).await;
        thirtyfour::components::SelectElement::new(&element)
            .await
            .unwrap()
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("« {css} » has no option {value}: {e}"));
    }

    /// Waits until the element's text contains `expected`.
    async fn wait_text(&self, css: &str, expected: &str) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            // textContent, read in the page: WebDriver's element text depends
            // on layout and visibility, which a live region may not have yet.
            let text = self
                .driver
                .execute("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", vec![json!(css)])
                .await
                .ok()
                .and_then(|r| r.convert::<String>().ok())
                .unwrap_or_default();
            if text.contains(expected) {
                return text;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("« {css} » should contain « {expected} », has « {text} »");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Screenshot after two animation frames, so the image shows this frame.
    async fn shot(&mut self, name: &str) {
        self.driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .unwrap();
        self.count += 1;
        let path = self.shots.join(format!("{:02}-{name}.png", self.count));
        self.driver.screenshot(&path).await.unwrap();
        eprintln!("screenshot: {}", path.display());
    }
}

fn database(data_dir: &Path) -> Connection {
    Connection::open_with_flags(
        data_dir.join("tremplin.sqlite"),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_records_a_partner_and_an_action_with_attendance() {
    let app = std::env::var("TREMPLIN_E2E_APP")
        .expect("run through `make e2e`: TREMPLIN_E2E_APP names the built app");
    assert!(Path::new(&app).exists(), "{app} is not built");
    let data = tempfile::tempdir().unwrap();
    let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
    std::fs::create_dir_all(&shots).unwrap();

    let driver = Driver::start(data.path(), &shots.join("tauri-driver.log")).await;
    let mut caps = Capabilities::new();
    caps.set("browserName", "wry").unwrap();
    caps.set("tauri:options", json!({ "application": app }))
        .unwrap();
    let web = WebDriver::new("http://127.0.0.1:4444", caps)
        .await
        .expect("WebDriver session");
    let mut s = Session {
        driver: web,
        shots,
        count: 0,
    };

    // The scenario runs in its own task so a failed step still leaves a
    // screenshot of what the window showed, then stops the driver cleanly.
    let mut runner = Session {
        driver: s.driver.clone(),
        shots: s.shots.clone(),
        count: 0,
    };
    let data_dir = data.path().to_owned();
    let task = tokio::spawn(async move {
        tokio::time::timeout(Duration::from_secs(180), scenario(&mut runner, &data_dir)).await
    });
    let outcome = task.await;
    if !matches!(outcome, Ok(Ok(()))) {
        s.count = 99;
        s.shot("failure").await;
    }
    let _ = s.driver.clone().quit().await;
    driver.stop();
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(_)) => panic!("the scenario took more than three minutes"),
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

async fn scenario(s: &mut Session, data: &Path) {
    // First start: an empty database offers to create the CFA or explore a demo.
    s.find("[data-action=\"create-organisation\"]").await;
    s.shot("first-start").await;
    s.click("[data-action=\"demo\"]").await;
    s.wait_text(
        "[data-testid=\"organisation-name\"]",
        "CFA des Métiers du Val de Loire",
    )
    .await;
    s.shot("dashboard").await;

    // Partners: an empty form is refused with a French message next to the field.
    s.click("[data-nav=\"partners\"]").await;
    s.wait_text("[data-testid=\"count\"]", "25").await;
    s.shot("partners").await;
    s.click("[data-action=\"new\"]").await;
    s.find("#field-name").await;
    s.click("[data-action=\"save\"]").await;
    let message = s.wait_text("#error-name", "obligatoire").await;
    assert_eq!(message.trim(), "Le nom du partenaire est obligatoire.");
    s.shot("partner-refused").await;
    assert_eq!(
        count(&database(data), "SELECT count(*) FROM partner"),
        25,
        "a refused form writes nothing"
    );

    s.type_into("#field-name", "Association Citoyens Solidaires")
        .await;
    s.select("#field-kind", "insertion_association").await;
    s.type_into("#field-contactEmail", "contact@citoyens-solidaires.fr")
        .await;
    s.type_into("#field-city", "Orléans").await;
    s.click("[data-action=\"save\"]").await;
    s.wait_text(".toast-success", "Partenaire enregistré").await;
    s.shot("partner-saved").await;
    let partner_id: i64 = database(data)
        .query_row(
            "SELECT id FROM partner WHERE name = 'Association Citoyens Solidaires'",
            [],
            |r| r.get(0),
        )
        .expect("the partner row is in the SQLite file");

    // Actions: a citizenship workshop for one promo, co-organised with the new partner.
    s.click("[data-nav=\"actions\"]").await;
    s.find("[data-testid=\"count\"]").await;
    s.shot("actions").await;
    s.click("[data-action=\"new\"]").await;
    s.select("#field-kind", "citizenship_workshop").await;
    s.type_into("#field-title", "Atelier citoyenneté : débat sur la laïcité")
        .await;
    s.type_into("#field-startDate", "12/03/2026").await;
    s.type_into("#field-duration", "2 h").await;
    let cohort = s.find("#field-cohortIds input[type=\"checkbox\"]").await;
    let cohort_id: i64 = cohort
        .value()
        .await
        .unwrap()
        .unwrap_or_default()
        .parse()
        .expect("cohort checkbox value is its id");
    cohort.click().await.unwrap();
    s.click(&format!(
        "#field-coOrganiserIds input[value=\"{partner_id}\"]"
    ))
    .await;
    // Tick three apprentices present, two of whom signed.
    let present = s
        .driver
        .query(By::Css("input[data-present]"))
        .wait(WAIT, POLL)
        .all_from_selector_required()
        .await
        .unwrap();
    assert_eq!(
        present.len(),
        20,
        "the sheet lists the promo's 20 apprentices"
    );
    for checkbox in present.iter().take(3) {
        checkbox.click().await.unwrap();
    }
    let signed = s
        .driver
        .find_all(By::Css("input[data-signed]"))
        .await
        .unwrap();
    for checkbox in signed.iter().take(2) {
        checkbox.click().await.unwrap();
    }
    let rate = s.wait_text("[data-testid=\"participation\"]", "3").await;
    assert!(
        rate.contains("15") && rate.contains("3 / 20"),
        "participation shows 15,0 % and 3 / 20, got « {rate} »"
    );
    s.shot("action-form").await;
    s.click("[data-action=\"save\"]").await;
    s.wait_text(".toast-success", "Action enregistrée").await;
    s.shot("action-saved").await;

    // The rows really are in the SQLite file.
    let db = database(data);
    let action_id: i64 = db
        .query_row(
            "SELECT id FROM action WHERE title = 'Atelier citoyenneté : débat sur la laïcité' AND start_date = '2026-03-12'
               AND kind = 'citizenship_workshop' AND indicator14 = 1 AND duration_minutes = 120",
            [],
            |r| r.get(0),
        )
        .expect("the action row is in the SQLite file with what was typed");
    let sql = |q: &str| q.replace("?A", &action_id.to_string());
    assert_eq!(
        count(
            &db,
            &sql("SELECT count(*) FROM attendance WHERE action_id = ?A")
        ),
        20
    );
    assert_eq!(
        count(
            &db,
            &sql("SELECT count(*) FROM attendance WHERE action_id = ?A AND present")
        ),
        3
    );
    assert_eq!(
        count(
            &db,
            &sql("SELECT count(*) FROM attendance WHERE action_id = ?A AND signed")
        ),
        2
    );
    assert_eq!(count(&db, &sql(&format!("SELECT count(*) FROM action_cohort WHERE action_id = ?A AND cohort_id = {cohort_id}"))), 1);
    assert_eq!(
        count(&db, &sql(&format!(
            "SELECT count(*) FROM action_partner WHERE action_id = ?A AND partner_id = {partner_id} AND role = 'co_organiser'"
        ))),
        1
    );

    // The partner's page now shows the action it co-organised.
    s.click("[data-nav=\"partners\"]").await;
    s.type_into("[data-testid=\"search\"]", "citoyens solidaires")
        .await;
    s.wait_text("[data-testid=\"count\"]", "1").await;
    s.click(&format!("tr[data-id=\"{partner_id}\"] td")).await;
    s.wait_text("body", "débat sur la laïcité").await;
    s.driver
        .execute(
            "const link = [...document.querySelectorAll('a, button, td, li')]
                 .find(e => e.textContent.includes('débat sur la laïcité'));
             link.scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await
        .unwrap();
    s.shot("partner-page").await;
}
