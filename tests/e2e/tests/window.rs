//! The real Tremplin app in a real WebKit window (under Xvfb), driven through
//! tauri-driver and WebDriver as a person would: first start with the demo CFA,
//! a form refused with French messages, a partner and an action with its
//! attendance created through the forms — then the rows are read back from the
//! SQLite file. On the way it proves the window does not depend on the machine:
//! the system offers only DejaVu Sans (a minimal fontconfig), yet the window
//! uses the typeface it ships; at 1024×700 no date, count or code is cut and no
//! header overlaps, with that typeface and with DejaVu; the keyboard moves
//! through a windowed list without losing focus. Screenshots land in
//! `target/e2e-screenshots/`.
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
use thirtyfour::TypingData;
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
    async fn start(data_dir: &Path, fonts_conf: &Path, dialogs: &Dialogs, log: &Path) -> Driver {
        let program = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        let child = Command::new(&program)
            .args(["--port", "4444", "--native-port", "4445"])
            .env("TREMPLIN_DATA_DIR", data_dir)
            // A GTK file dialog cannot be driven: the app's dialogs answer
            // with these files instead of showing (src-tauri commands/proofs.rs).
            .env("TREMPLIN_TEST_PICK_FILE", &dialogs.pick)
            .env("TREMPLIN_TEST_SAVE_FILE", &dialogs.save)
            // The app (started by WebKitWebDriver) inherits it: the system
            // fonts it may use are DejaVu's alone, whatever this machine has.
            .env("FONTCONFIG_FILE", fonts_conf)
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
        // Wait until it answers: a loaded machine (a first CI run) has been
        // seen to need more than ten seconds.
        let mut answered = false;
        for _ in 0..300 {
            if tokio::net::TcpStream::connect("127.0.0.1:4444")
                .await
                .is_ok()
            {
                answered = true;
                break;
            }
            tokio::time::sleep(POLL).await;
        }
        assert!(
            answered,
            "{program} did not listen on port 4444 within 30 s"
        );
        Driver { child }
    }

    /// SIGTERM, not SIGKILL: SIGKILL orphans WebKitWebDriver (PLATFORM.md).
    fn stop(self) {
        drop(self);
    }
}

/// The files the app's « open » and « save » dialogs answer with.
struct Dialogs {
    /// A one-page PDF the scenario attaches as a proof.
    pick: PathBuf,
    /// Where « Enregistrer une archive… » writes.
    save: PathBuf,
}

/// The title inside the PDF the « open » dialog gives.
const PICKED_TITLE: &str = "Attestation de presence e2e";

/// A valid one-page PDF with `title` in its information dictionary, written
/// by hand (offsets computed) so the test needs no PDF library.
fn tiny_pdf(title: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_owned(),
        format!("<< /Title ({title}) /Producer (tremplin-e2e) >>"),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A fontconfig that offers only the font a bare Debian always has (DejaVu,
/// from fonts-dejavu-core): a font installed on this machine by something
/// else (Liberation, Noto…) cannot make the test pass.
fn minimal_fontconfig(dir: &Path) -> PathBuf {
    let dejavu = [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
    ]
    .into_iter()
    .find(|d| Path::new(d).is_dir())
    .expect("DejaVu fonts (fonts-dejavu-core, installed by scripts/install-system-deps.sh test)");
    let cache = dir.join("fontconfig-cache");
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n  \
             <dir>{dejavu}</dir>\n  <cachedir>{}</cachedir>\n</fontconfig>\n",
            cache.display()
        ),
    )
    .unwrap();
    conf
}

/// The pids of running processes whose executable is `app`.
fn app_processes(app: &Path) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe"))
                .map(|exe| exe == app)
                .unwrap_or(false)
        })
        .collect()
}

/// Waits for the app to exit after its WebDriver session ended; one that
/// lingers (seen with tauri-driver) is ended, and the test says so.
async fn wait_for_app_exit(app: &Path) -> bool {
    for _ in 0..100 {
        if app_processes(app).is_empty() {
            return true;
        }
        tokio::time::sleep(POLL).await;
    }
    for pid in app_processes(app) {
        eprintln!("the app (pid {pid}) outlived its session: ending it");
        let _ = std::process::Command::new("kill")
            .arg("-TERM")
            .arg(pid.to_string())
            .status();
    }
    for _ in 0..50 {
        if app_processes(app).is_empty() {
            return false;
        }
        tokio::time::sleep(POLL).await;
    }
    for pid in app_processes(app) {
        let _ = std::process::Command::new("kill")
            .arg("-KILL")
            .arg(pid.to_string())
            .status();
    }
    false
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

    /// Clicks as a person does: an element briefly covered (a confirmation
    /// fading in the corner) is clicked once it is uncovered.
    async fn click(&self, css: &str) {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            match self.find(css).await.click().await {
                Ok(()) => return,
                Err(e)
                    if e.to_string().contains("intercepted")
                        && tokio::time::Instant::now() < deadline =>
                {
                    tokio::time::sleep(POLL).await;
                }
                Err(e) => panic!("cannot click « {css} »: {e}"),
            }
        }
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

    let fonts = tempfile::tempdir().unwrap();
    let fonts_conf = minimal_fontconfig(fonts.path());
    let app_path = std::fs::canonicalize(&app).unwrap();
    assert!(
        app_processes(&app_path).is_empty(),
        "another {app} is already running: stop it first"
    );
    let files = tempfile::tempdir().unwrap();
    let dialogs = Dialogs {
        pick: files.path().join("attestation-e2e.pdf"),
        save: files.path().join("archive-e2e.tar"),
    };
    std::fs::write(&dialogs.pick, tiny_pdf(PICKED_TITLE)).unwrap();
    let driver = Driver::start(
        data.path(),
        &fonts_conf,
        &dialogs,
        &shots.join("tauri-driver.log"),
    )
    .await;
    let mut caps = Capabilities::new();
    caps.set("browserName", "wry").unwrap();
    caps.set("tauri:options", json!({ "application": app }))
        .unwrap();
    // The session starts WebKitWebDriver and the app: tried again once or
    // twice when the first request finds the driver not ready yet.
    let mut attempt = 0;
    let web = loop {
        attempt += 1;
        match WebDriver::new("http://127.0.0.1:4444", caps.clone()).await {
            Ok(web) => break web,
            Err(error) if attempt < 3 => {
                eprintln!("WebDriver session, attempt {attempt}: {error}; trying again");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(error) => panic!("WebDriver session: {error}"),
        }
    };
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
    let picked = (dialogs.pick.clone(), dialogs.save.clone());
    let task = tokio::spawn(async move {
        tokio::time::timeout(
            Duration::from_secs(540),
            scenario(&mut runner, &data_dir, &picked),
        )
        .await
    });
    let outcome = task.await;
    if !matches!(outcome, Ok(Ok(()))) {
        s.count = 99;
        s.shot("failure").await;
    }
    let _ = s.driver.clone().quit().await;
    // The app must be gone before tauri-driver is: stopping the driver first
    // has left the app running on its own.
    let exited = wait_for_app_exit(&app_path).await;
    driver.stop();
    match outcome {
        Ok(Ok(())) => assert!(
            exited,
            "the app did not exit when its WebDriver session ended"
        ),
        Ok(Err(_)) => panic!("the scenario took more than nine minutes"),
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

/// The window uses the typeface it ships, loaded from the app itself.
async fn assert_bundled_font(s: &Session) {
    let state = s
        .driver
        .execute(
            "return document.fonts.ready.then(() => ({
                 family: getComputedStyle(document.body).fontFamily,
                 loaded: [...document.fonts].filter(f => f.family.includes('Tremplin Sans') && f.status === 'loaded').length,
                 check: document.fonts.check('14px \"Tremplin Sans\"'),
             }));",
            vec![],
        )
        .await
        .unwrap()
        .json()
        .clone();
    assert!(
        state["family"]
            .as_str()
            .unwrap_or("")
            .starts_with("\"Tremplin Sans\"")
            || state["family"]
                .as_str()
                .unwrap_or("")
                .starts_with("Tremplin Sans"),
        "the body's font is the shipped one: {state}"
    );
    assert!(
        state["loaded"].as_u64().unwrap_or(0) >= 1 && state["check"] == true,
        "the shipped typeface is loaded: {state}"
    );
}

/// What a person would see as broken in the list on screen: a cut cell of a
/// column sized to its content (its text wider than its box), a header whose
/// label is cut or that overlaps the next one, a table wider than its box
/// (the last columns hidden behind a sideways scroll), filters split apart.
async fn layout_problems(s: &Session) -> Vec<String> {
    s.driver
        .execute(
            "const problems = [];
             for (const td of document.querySelectorAll('tbody td.fit')) {
               const inner = td.firstElementChild;
               if (td.scrollWidth > td.clientWidth + 1) problems.push(`cell ${td.dataset.column} « ${td.textContent.trim()} » cut: ${td.scrollWidth} > ${td.clientWidth}`);
               if (inner && inner.getBoundingClientRect().right > td.getBoundingClientRect().right + 1) problems.push(`cell ${td.dataset.column} content overflows`);
             }
             const heads = [...document.querySelectorAll('thead th')];
             heads.forEach((th) => {
               const label = th.querySelector('.head-label');
               if (label && label.scrollWidth > label.clientWidth + 1) problems.push(`header « ${th.textContent.trim()} » cut`);
               const next = th.nextElementSibling;
               if (next && th.getBoundingClientRect().right > next.getBoundingClientRect().left + 1) problems.push(`header « ${th.textContent.trim()} » overlaps the next`);
             });
             for (const scroller of document.querySelectorAll('.table-scroll')) {
               if (scroller.scrollWidth > scroller.clientWidth + 1) problems.push(`the table scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
             }
             const filters = document.querySelector('.list-filters');
             if (filters) {
               const tops = new Set([...filters.children].map(f => Math.round(f.getBoundingClientRect().top)));
               if (tops.size > 1) problems.push('filters wrap apart');
             }
             return problems;",
            vec![],
        )
        .await
        .unwrap()
        .convert::<Vec<String>>()
        .unwrap()
}

/// The index of the focused row (None when focus is not on a row), and
/// whether it lies inside the list's visible box, below the sticky header.
async fn focused_row(s: &Session) -> (Option<i64>, bool) {
    let state = s
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => {
               const row = document.activeElement;
               if (!row || row.tagName !== 'TR') return done({ index: null, visible: false });
               const box = row.closest('.table-scroll').getBoundingClientRect();
               const head = row.closest('table').querySelector('thead').getBoundingClientRect();
               const r = row.getBoundingClientRect();
               done({ index: Number(row.dataset.index), visible: r.top >= head.bottom - 1 && r.bottom <= box.bottom + 1 });
             }));",
            vec![],
        )
        .await
        .unwrap()
        .json()
        .clone();
    (state["index"].as_i64(), state["visible"] == true)
}

async fn scenario(s: &mut Session, data: &Path, dialogs: &(PathBuf, PathBuf)) {
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
    assert_bundled_font(s).await;

    // The lists at 1024×700, with the shipped typeface, then with DejaVu (the
    // widest a bare Linux has), then at 1280×800 with text zoomed to 125 %:
    // no date, count, code or badge cut, no header overlapping its
    // neighbour, no sideways scroll, the filters on their line as one group.
    for (width, height, font, zoom, name) in [
        (1024, 700, None, None, "1024-shipped"),
        (1024, 700, Some("'DejaVu Sans'"), None, "1024-dejavu"),
        (1280, 800, None, Some("125%"), "1280-zoom125"),
    ] {
        s.driver.set_window_rect(0, 0, width, height).await.unwrap();
        s.driver
            .execute(
                "const root = document.documentElement.style;
                 if (arguments[0]) root.setProperty('--font', arguments[0]); else root.removeProperty('--font');
                 root.fontSize = arguments[1] || '';",
                vec![json!(font), json!(zoom)],
            )
            .await
            .unwrap();
        for section in [
            "apprentices",
            "actions",
            "partners",
            "staff",
            "programmes",
            "offers",
            "resources",
            "conformity",
        ] {
            s.click(&format!("[data-nav=\"{section}\"]")).await;
            s.find(&format!("[data-nav=\"{section}\"][aria-current=\"page\"]"))
                .await;
            s.find("[data-testid=\"count\"]").await;
            s.find("tbody tr[data-id]").await;
            let problems = layout_problems(s).await;
            assert!(
                problems.is_empty(),
                "{section} in the case {name}: {problems:#?}"
            );
            if section == "apprentices" || section == "actions" {
                s.shot(&format!("{section}-{name}")).await;
            }
        }
    }
    s.driver
        .execute(
            "document.documentElement.style.removeProperty('--font'); document.documentElement.style.fontSize = '';",
            vec![],
        )
        .await
        .unwrap();
    s.driver.set_window_rect(0, 0, 1280, 800).await.unwrap();

    // Keyboard through a windowed list: the focused row stays drawn, visible
    // and focused whatever the key, and focus never falls to the document.
    s.click("[data-nav=\"apprentices\"]").await;
    s.wait_text("[data-testid=\"count\"]", "192").await;
    let first = s.find("tbody tr[data-index=\"0\"] td").await;
    first.click().await.unwrap();
    // A click on a row's cell, as a person does, opens the record; Échap closes it.
    s.find("#field-lastName").await;
    s.driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Escape)
        .await
        .unwrap();
    s.driver
        .query(By::Css("#field-lastName"))
        .wait(WAIT, POLL)
        .not_exists()
        .await
        .expect("Échap closes the record");
    s.driver
        .execute(
            "document.querySelector('tbody tr[data-index=\"0\"]').focus();",
            vec![],
        )
        .await
        .unwrap();
    for (keys, expected) in [
        (vec![Key::End], 191),
        (vec![Key::PageUp], -1),
        (vec![Key::Control, Key::Home], 0),
        (vec![Key::PageDown], -2),
        (vec![Key::Control, Key::End], 191),
        (vec![Key::Home], 0),
    ] {
        let focused = s.driver.active_element().await.unwrap();
        let typed: TypingData = keys
            .iter()
            .fold(TypingData::from(""), |all, k| all + k.clone());
        focused.send_keys(typed).await.unwrap();
        let (index, visible) = focused_row(s).await;
        let index = index.unwrap_or_else(|| panic!("after {keys:?} focus fell out of the list"));
        match expected {
            -1 => assert!(
                (150..191).contains(&index),
                "PageUp from the last row moves up a page, to {index}"
            ),
            -2 => assert!(
                (10..40).contains(&index),
                "PageDown from the first row moves down a page, to {index}"
            ),
            n => assert_eq!(index, n, "after {keys:?}"),
        }
        assert!(visible, "after {keys:?} the focused row {index} is in view");
    }
    // Sixty fast ArrowDown presses land on row 60.
    let focused = s.driver.active_element().await.unwrap();
    let sixty: TypingData = (0..60).fold(TypingData::from(""), |all, _| all + Key::Down);
    focused.send_keys(sixty).await.unwrap();
    let (index, visible) = focused_row(s).await;
    assert_eq!(index, Some(60), "sixty ArrowDown presses from row 0");
    assert!(visible);
    s.shot("apprentices-keyboard").await;

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
    // A promo in training in 2025-2026 (the demo also has promos that left).
    let cohort = s
        .driver
        .execute(
            "return [...document.querySelectorAll('#field-cohortIds label')]
                 .find(l => l.textContent.includes('2025-2027'))?.querySelector('input') ?? null;",
            vec![],
        )
        .await
        .unwrap()
        .element()
        .expect("a promo 2025-2027 in the action form");
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

    indicator_29(s, data).await;
    indicator_14(s, data).await;
    indicator_14_measures(s, data).await;
    proofs_and_backups(s, data, dialogs).await;
}

/// The text of `css` parsed as a number (« 6 »).
async fn number(s: &Session, css: &str) -> i64 {
    let text = s.wait_text(css, "").await;
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("« {css} » should hold a number, has « {text} »"))
}

/// Indicator 14: one monthly review added from the « En retard » list takes
/// the apprentice off it and the dashboard's count down by one.
async fn indicator_14(s: &mut Session, data: &Path) {
    s.click("[data-nav=\"dashboard\"]").await;
    s.find("[data-testid=\"dashboard-overdue\"]").await;
    let card = "[data-testid=\"dashboard-overdue\"] .stat-value";
    s.find(card).await;
    let before: i64 = s
        .wait_text(card, "")
        .await
        .trim()
        .parse()
        .expect("the card shows a count");
    assert!(before > 0, "the demo has apprentices overdue today");

    s.click("[data-nav=\"followups\"]").await;
    s.find("[data-testid=\"overdue\"]").await;
    assert_eq!(
        number(s, "[data-testid=\"overdue-count\"]").await,
        before,
        "the list and the dashboard agree"
    );
    let row = s.find("[data-overdue]").await;
    let apprentice: i64 = row
        .attr("data-overdue")
        .await
        .unwrap()
        .unwrap_or_default()
        .parse()
        .expect("the row names its apprentice");
    s.shot("followups-overdue").await;
    s.click(&format!(
        "[data-overdue=\"{apprentice}\"] [data-action=\"add-review\"]"
    ))
    .await;
    s.find("#field-heldOn").await;
    s.click("#field-topics input[value=\"technical\"], #field-topics input[type=\"checkbox\"]")
        .await;
    s.type_into(
        "#field-findings",
        "Point fait avec le maître d’apprentissage : objectifs du mois atteints.",
    )
    .await;
    s.shot("followup-form").await;
    s.click("[data-action=\"save\"]").await;
    s.wait_text(".toast-success", "Point enregistré").await;
    s.driver
        .query(By::Css(format!("[data-overdue=\"{apprentice}\"]")))
        .wait(WAIT, POLL)
        .not_exists()
        .await
        .expect("the apprentice leaves the « En retard » list");
    assert_eq!(
        count(
            &database(data),
            &format!("SELECT count(*) FROM follow_up WHERE apprentice_id = {apprentice} AND kind = 'monthly_review'
                      AND findings LIKE 'Point fait avec le maître%'")
        ),
        1,
        "the review is in the SQLite file"
    );
    s.click("[data-nav=\"dashboard\"]").await;
    s.wait_text(card, &(before - 1).to_string()).await;
    s.shot("dashboard-overdue-after").await;
}

/// Indicator 14's second half: a late corrective action marked done leaves
/// the dashboard; a score typed in an action's « Évaluation » tab moves its
/// figures; a usage figure added to a resource; a leaver's « dossier
/// individuel » shows every kind of record and prints as a PDF.
async fn indicator_14_measures(s: &mut Session, data: &Path) {
    // The dashboard counts the open non-conformity's late corrective action.
    s.click("[data-nav=\"dashboard\"]").await;
    let card = "[data-testid=\"dashboard-corrective\"] .stat-value";
    s.find(card).await;
    assert_eq!(
        number(s, card).await,
        1,
        "the demo's one late corrective action"
    );
    s.find("[data-testid=\"dashboard-corrective-list\"] [data-corrective]")
        .await;
    s.shot("tableau-de-bord-correctives").await;
    s.click("[data-action=\"open-corrective\"]").await;
    s.find("[data-nav=\"conformity\"][aria-current=\"page\"]")
        .await;
    let (nc, late_action): (i64, i64) = database(data)
        .query_row(
            "SELECT n.id, c.id FROM non_conformity n JOIN corrective_action c ON c.non_conformity_id = n.id
             WHERE n.closed_on IS NULL AND c.status <> 'done' AND c.due_date < date('now')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    s.find(&format!("tr[data-id=\"{nc}\"] [data-late=\"1\"]"))
        .await;
    s.click(&format!("tr[data-id=\"{nc}\"] td")).await;
    let row = s
        .find(&format!(
            "[data-corrective-id=\"{late_action}\"][data-overdue]"
        ))
        .await;
    let index = row
        .attr("data-corrective-index")
        .await
        .unwrap()
        .expect("the row says its index");
    row.scroll_into_view().await.unwrap();
    s.shot("non-conformite").await;
    s.select(
        &format!("[id=\"field-correctiveActions.{index}.status\"]"),
        "done",
    )
    .await;
    s.find(&format!("[id=\"field-correctiveActions.{index}.doneOn\"]"))
        .await;
    s.click("[data-action=\"save\"]").await;
    s.find(".toast-success").await;
    assert_eq!(
        count(
            &database(data),
            &format!("SELECT count(*) FROM corrective_action WHERE id = {late_action} AND status = 'done' AND done_on IS NOT NULL")
        ),
        1,
        "the corrective action is done in the SQLite file"
    );
    s.click("[data-nav=\"dashboard\"]").await;
    s.wait_text(card, "0").await;

    // An evaluated action: one more participant reaches the target.
    let (action, title, apprentice, reached): (i64, String, i64, i64) = database(data)
        .query_row(
            "SELECT a.id, a.title, s.apprentice_id,
                    (SELECT count(*) FROM evaluation_score x WHERE x.action_id = a.id AND x.after_score >= e.target)
             FROM action a JOIN evaluation e ON e.action_id = a.id JOIN evaluation_score s ON s.action_id = a.id
             WHERE a.kind = 'citizenship_workshop' AND s.after_score < e.target
             ORDER BY a.start_date DESC, s.apprentice_id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    s.click("[data-nav=\"actions\"]").await;
    s.type_into("[data-testid=\"search\"]", &title).await;
    s.click(&format!("tr[data-id=\"{action}\"] td")).await;
    s.click("[data-tab=\"evaluation\"]").await;
    let target = "[data-testid=\"evaluation-figures\"] [data-figure=\"target\"] .figure-count";
    s.wait_text(target, &format!("{reached} / ")).await;
    s.type_into(
        &format!("input[data-score=\"after\"][data-apprentice=\"{apprentice}\"]"),
        "95",
    )
    .await;
    s.click("[data-action=\"save-evaluation\"]").await;
    s.wait_text(target, &format!("{} / ", reached + 1)).await;
    s.shot("evaluation-avant-apres").await;
    assert_eq!(
        count(
            &database(data),
            &format!("SELECT count(*) FROM evaluation_score WHERE action_id = {action} AND apprentice_id = {apprentice} AND after_score = 95")
        ),
        1
    );

    // A usage figure for a support resource.
    s.click("[data-nav=\"resources\"]").await;
    s.wait_text("[data-testid=\"count\"]", "8").await;
    s.click("tbody tr[data-index=\"0\"] td").await;
    s.find("[data-testid=\"resource-usages\"]").await;
    let resource: i64 = s
        .find("tbody tr[data-index=\"0\"]")
        .await
        .attr("data-id")
        .await
        .unwrap()
        .unwrap()
        .parse()
        .unwrap();
    let before = count(
        &database(data),
        &format!("SELECT count(*) FROM resource_usage WHERE resource_id = {resource}"),
    );
    s.type_into("#field-periodStart", "01/12/2026").await;
    s.type_into("#field-periodEnd", "31/12/2026").await;
    s.select("#field-metric", "beneficiaries").await;
    s.type_into("#field-value", "14").await;
    s.click("[data-action=\"add-usage\"]").await;
    s.find("[data-testid=\"resource-usages\"] tr[data-usage-id]")
        .await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while count(
        &database(data),
        &format!("SELECT count(*) FROM resource_usage WHERE resource_id = {resource}"),
    ) != before + 1
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the figure reaches the SQLite file"
        );
        tokio::time::sleep(POLL).await;
    }
    s.shot("ressource-chiffres").await;

    // A leaver's file: every kind of record, then printed.
    let (leaver, last_name): (i64, String) = database(data)
        .query_row(
            "SELECT a.id, a.last_name FROM apprentice a WHERE a.exit_date = '2025-06-30'
               AND (SELECT count(*) FROM referent_period p WHERE p.apprentice_id = a.id) > 1
               AND EXISTS (SELECT 1 FROM evaluation_score s WHERE s.apprentice_id = a.id)
               AND EXISTS (SELECT 1 FROM exit_survey s WHERE s.apprentice_id = a.id)
             ORDER BY a.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    s.click("[data-nav=\"apprentices\"]").await;
    s.type_into("[data-testid=\"search\"]", &last_name).await;
    s.click(&format!("tr[data-id=\"{leaver}\"] td")).await;
    s.click("[data-tab=\"file\"]").await;
    s.find("[data-testid=\"apprentice-file\"]").await;
    for kind in [
        "training",
        "contract",
        "referent",
        "action",
        "follow_up",
        "exit",
        "survey",
    ] {
        s.find(&format!(
            "[data-testid=\"file-timeline\"] [data-kind=\"{kind}\"]"
        ))
        .await;
    }
    s.wait_text("[data-testid=\"file-actions\"]", "/20 → ")
        .await;
    s.find("[data-testid=\"file-referents\"]").await;
    s.find("[data-testid=\"file-followups\"]").await;
    s.find("[data-testid=\"file-surveys\"]").await;
    s.shot("dossier-individuel").await;
    s.click("[data-action=\"print-file\"]").await;
    let written = s.wait_text("[data-testid=\"file-written\"]", ".pdf").await;
    s.find("[data-action=\"open-file\"]").await;
    let exports: Vec<PathBuf> = std::fs::read_dir(data.join("Exports"))
        .expect("the PDF is in the data folder's Exports")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exports.len(), 1, "{exports:?}");
    let name = exports[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        written.contains(&name),
        "the window names the file: {written}"
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&exports[0])
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Dossier individuel") && text.contains(&last_name.to_uppercase()),
        "the PDF is this apprentice's file: {text}"
    );
    for section in [
        "Historique des référents",
        "Chronologie",
        "Actions et évaluations",
        "Entretiens de suivi",
        "Questionnaires de sortie",
    ] {
        assert!(text.contains(section), "the PDF lacks {section}");
    }
}

/// The rate of a figure cell, « 58,3 % », or its text when it has none.
fn rate(text: &str) -> String {
    match text.find('%') {
        Some(end) => text[..=end].trim().to_owned(),
        None => text.trim().to_owned(),
    }
}

/// « Numerator / denominator » of a figure cell (« 58,3 % 7 / 12 »).
fn fraction(text: &str) -> (i64, i64) {
    let numbers: Vec<i64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    let n = numbers.len();
    assert!(n >= 2, "no « n / d » in « {text} »");
    (numbers[n - 2], numbers[n - 1])
}

/// Indicator 29: the plan and its calendar, a batch of offers typed at the
/// keyboard, then one exit questionnaire entered from the cohort grid moves
/// the filière's response and insertion rates on the dashboard and the
/// plan's objective.
async fn indicator_29(s: &mut Session, data: &Path) {
    let response = "[data-testid=\"results-previous\"] tr[data-programme=\"BTS MCO\"] [data-figure=\"response_rate\"][data-timepoint=\"m6\"]";
    let insertion = "[data-testid=\"results-previous\"] tr[data-programme=\"BTS MCO\"] [data-figure=\"insertion\"][data-timepoint=\"m6\"]";
    s.click("[data-nav=\"dashboard\"]").await;
    let response_before = s.wait_text(response, "/").await;
    let insertion_before = s.wait_text(insertion, "/").await;
    s.shot("dashboard-results").await;

    // The plan of BTS MCO for 2025-2026: the objective on last year's response rate.
    let objective: i64 = database(data)
        .query_row(
            "SELECT o.id FROM objective o JOIN action_plan p ON p.id = o.plan_id
             JOIN programme g ON g.id = p.programme_id
             WHERE g.code = 'BTS MCO' AND p.school_year = '2025-2026' AND o.result = 'response_rate_6'",
            [],
            |r| r.get(0),
        )
        .expect("the demo plan has a response-rate objective");
    let objective_value = format!("[data-objective=\"{objective}\"] .objective-value");
    let mco: i64 = database(data)
        .query_row("SELECT id FROM programme WHERE code = 'BTS MCO'", [], |r| {
            r.get(0)
        })
        .unwrap();
    s.click("[data-nav=\"plans\"]").await;
    s.select("#plan-programme", &mco.to_string()).await;
    let objective_before = s.wait_text(&objective_value, "%").await;
    assert_eq!(
        rate(&objective_before),
        rate(&response_before),
        "the objective measures the dashboard's figure"
    );
    s.find("[data-testid=\"isolated-actions\"]").await;
    s.shot("plan").await;
    s.click("[data-tab=\"calendar\"]").await;
    s.find("[data-testid=\"plan-calendar\"]").await;
    s.shot("plan-calendar").await;

    // Offers: two typed in a row, Entrée saving each; the second keeps the date.
    s.click("[data-nav=\"offers\"]").await;
    s.find("[data-testid=\"offer-entry\"]").await;
    let offers_before = count(&database(data), "SELECT count(*) FROM relayed_offer");
    s.type_into("#field-offeredOn", "02/12/2026").await;
    s.type_into("#field-source", "Indeed").await;
    s.click("#field-programmeIds input[type=\"checkbox\"]")
        .await;
    for title in [
        "Vendeur(se) conseil — CDI Orléans",
        "Manager de rayon adjoint(e)",
    ] {
        s.type_into("#field-title", title).await;
        s.find("#field-title")
            .await
            .send_keys(Key::Enter)
            .await
            .unwrap();
        s.wait_text("[data-testid=\"offer-entry\"]", "ajoutée")
            .await;
        let deadline = tokio::time::Instant::now() + WAIT;
        while count(
            &database(data),
            &format!(
                "SELECT count(*) FROM relayed_offer WHERE title = '{}'",
                title.replace('\'', "''")
            ),
        ) == 0
        {
            assert!(
                tokio::time::Instant::now() < deadline,
                "« {title} » was not written"
            );
            tokio::time::sleep(POLL).await;
        }
    }
    assert_eq!(
        count(
            &database(data),
            "SELECT count(*) FROM relayed_offer WHERE offered_on = '2026-12-02' AND source = 'Indeed'"
        ),
        2,
        "the second offer kept the day and the source"
    );
    assert_eq!(
        count(&database(data), "SELECT count(*) FROM relayed_offer"),
        offers_before + 2
    );
    s.shot("offers").await;

    // The cohort grid of BTS MCO's promo 2023-2025: one overdue 6-month questionnaire.
    s.click("[data-nav=\"surveys\"]").await;
    let cohort: i64 = database(data)
        .query_row(
            "SELECT c.id FROM cohort c JOIN programme g ON g.id = c.programme_id
             WHERE g.code = 'BTS MCO' AND c.label = 'Promo 2023-2025'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    s.select("#survey-programme", &mco.to_string()).await;
    s.find(&format!("#survey-cohort option[value=\"{cohort}\"]"))
        .await;
    s.select("#survey-cohort", &cohort.to_string()).await;
    s.find("[data-testid=\"survey-grid\"]").await;
    let overdue = s
        .find("[data-testid=\"survey-grid\"] button[data-timepoint=\"m6\"][data-state=\"overdue\"]")
        .await;
    let apprentice: i64 = overdue
        .attr("data-apprentice")
        .await
        .unwrap()
        .unwrap_or_default()
        .parse()
        .expect("the cell names its apprentice");
    let in_promo = count(
        &database(data),
        &format!(
            "SELECT count(*) FROM apprentice WHERE id = {apprentice} AND cohort_id = {cohort}"
        ),
    );
    assert_eq!(in_promo, 1, "the grid shows the promo 2023-2025");
    s.shot("survey-grid").await;
    overdue.click().await.unwrap();
    s.find("#field-situation").await;
    s.select("#field-method", "phone").await;
    s.select("#field-situation", "employed").await;
    s.select("#field-contract", "cdi").await;
    s.click("#field-inTargetJob").await;
    s.shot("survey-form").await;
    s.click("[data-action=\"save\"]").await;
    s.wait_text(".toast-success", "Questionnaire enregistré")
        .await;
    s.find(&format!(
        "[data-testid=\"survey-grid\"] button[data-apprentice=\"{apprentice}\"][data-timepoint=\"m6\"][data-state=\"answered\"]"
    ))
    .await;
    assert_eq!(
        count(
            &database(data),
            &format!(
                "SELECT count(*) FROM exit_survey WHERE apprentice_id = {apprentice} AND timepoint = 'm6'
                   AND situation = 'employed' AND contract = 'cdi' AND in_target_job = 1 AND method = 'phone'"
            )
        ),
        1,
        "the questionnaire is in the SQLite file as entered"
    );

    // The dashboard: one more respondent, one more in employment.
    s.click("[data-nav=\"dashboard\"]").await;
    let (r0, l0) = fraction(&response_before);
    let response_after = s.wait_text(response, &format!("{} / {l0}", r0 + 1)).await;
    let (e0, d0) = fraction(&insertion_before);
    s.wait_text(insertion, &format!("{} / {}", e0 + 1, d0 + 1))
        .await;
    s.shot("dashboard-results-after").await;

    // The plan's objective follows.
    s.click("[data-nav=\"plans\"]").await;
    s.select("#plan-programme", &mco.to_string()).await;
    let objective_after = s
        .wait_text(&objective_value, &format!("{} / {l0}", r0 + 1))
        .await;
    assert_ne!(objective_after, objective_before);
    assert_eq!(rate(&objective_after), rate(&response_after));
}

/// Waits until the page's `script` (an expression) is true.
async fn wait_js(s: &Session, script: &str, what: &str) {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let ok = s
            .driver
            .execute(&format!("return !!({script});"), vec![])
            .await
            .ok()
            .and_then(|r| r.convert::<bool>().ok())
            .unwrap_or(false);
        if ok {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(POLL).await;
    }
}

/// Pièces justificatives and the data's safety: the demo's proofs on an
/// action (the photo drawn from bytes the core checked), a PDF attached
/// through the dialog and found in « Preuves » byte for byte, the sheet to
/// sign printed, then « Données et sauvegardes »: the start-up backup, a
/// proof altered on disk caught by the check, an archive saved.
async fn proofs_and_backups(s: &mut Session, data: &Path, dialogs: &(PathBuf, PathBuf)) {
    let (picked, saved) = dialogs;
    let (action, title, before): (i64, String, i64) = database(data)
        .query_row(
            "SELECT a.id, a.title, (SELECT count(*) FROM proof p WHERE p.record_kind = 'action' AND p.record_id = a.id)
             FROM action a
             WHERE EXISTS (SELECT 1 FROM proof p WHERE p.record_kind = 'action' AND p.record_id = a.id AND p.kind = 'photo')
               AND EXISTS (SELECT 1 FROM proof p WHERE p.record_kind = 'action' AND p.record_id = a.id AND p.kind = 'attendance_sheet')
             ORDER BY a.start_date DESC, a.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    s.click("[data-nav=\"actions\"]").await;
    s.type_into("[data-testid=\"search\"]", &title).await;
    s.click(&format!("tr[data-id=\"{action}\"] td")).await;
    s.wait_text("[data-testid=\"proofs-count\"]", &format!("{before} pièce"))
        .await;
    s.wait_text("[data-testid=\"proofs\"]", "Feuille d’émargement signée")
        .await;
    // The thumbnail is decoded from the core's bytes (CSP img-src blob:).
    wait_js(
        s,
        "[...document.querySelectorAll('[data-testid=\"proof-thumbnail\"]')].some(i => i.complete && i.naturalWidth > 0)",
        "the demo photo's thumbnail was never drawn",
    )
    .await;
    s.driver
        .execute(
            "document.querySelector('[data-testid=\"proofs\"]').scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await
        .unwrap();
    s.shot("proofs-action").await;

    // « Joindre un fichier… »: the dialog answers with the one-page PDF.
    s.click("[data-action=\"attach-proof\"]").await;
    s.wait_text(
        "[data-testid=\"proofs-count\"]",
        &format!("{} pièce", before + 1),
    )
    .await;
    s.wait_text(
        "[data-testid=\"proofs\"]",
        &format!("PDF, 1 page — «\u{a0}{PICKED_TITLE}\u{a0}»"),
    )
    .await;
    let db = database(data);
    let (kind, pages, stored): (String, i64, String) = db
        .query_row(
            "SELECT p.kind, f.pages, f.stored_name FROM proof p JOIN proof_file f USING (sha256)
             WHERE p.record_kind = 'action' AND p.record_id = ?1 AND p.original_name = 'attestation-e2e.pdf'",
            [action],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        kind, "attendance_sheet",
        "a PDF on an action is its attendance sheet"
    );
    assert_eq!(pages, 1);
    let stored_path = data.join("Preuves").join(&stored);
    assert_eq!(
        std::fs::read(&stored_path).unwrap(),
        std::fs::read(picked).unwrap(),
        "the stored proof is the picked file, byte for byte"
    );

    // The sheet to sign, printed into « Exports ».
    s.click("[data-action=\"print-sheet\"]").await;
    let name = s.wait_text("[data-testid=\"sheet-written\"]", ".pdf").await;
    let printed = std::fs::read(data.join("Exports").join(name.trim())).unwrap();
    assert!(
        printed.starts_with(b"%PDF-"),
        "the attendance sheet is a PDF"
    );
    s.shot("action-sheet-printed").await;
    s.driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Escape)
        .await
        .unwrap();

    // « Dispositif »: the procedure's version in force, then a new one from
    // the dialog, which becomes the one in force; the old ones are kept.
    let (doc, doc_title): (i64, String) = database(data)
        .query_row(
            "SELECT id, title FROM standing_document WHERE kind = 'support_procedure'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    s.click("[data-nav=\"dispositif\"]").await;
    s.wait_text(&format!("tr[data-id=\"{doc}\"]"), "Tout le CFA")
        .await;
    s.click(&format!("tr[data-id=\"{doc}\"] td")).await;
    s.wait_text("[data-testid=\"current-version\"]", "En vigueur")
        .await;
    s.wait_text("[data-testid=\"versions\"]", "remplacée, conservée")
        .await;
    s.shot("dispositif-procedure").await;
    s.type_into("#field-issuedOn", "01/09/2026").await;
    s.click("[data-action=\"add-version\"]").await;
    s.wait_text("[data-testid=\"versions\"]", "Version 3").await;
    let current: String = database(data)
        .query_row(
            "SELECT version FROM document_version WHERE document_id = ?1 ORDER BY issued_on DESC, id DESC LIMIT 1",
            [doc],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        current, "3",
        "the new version of « {doc_title} » is the one in force"
    );
    assert_eq!(
        count(
            &database(data),
            &format!("SELECT count(*) FROM document_version WHERE document_id = {doc}")
        ),
        3
    );
    s.driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Escape)
        .await
        .unwrap();

    // « Données et sauvegardes »: healthy, with the start-up backup.
    s.click("[data-nav=\"data\"]").await;
    s.wait_text("[data-testid=\"check-verdict\"]", "Tout est en ordre")
        .await;
    s.wait_text("[data-testid=\"backup-list\"]", "tremplin-")
        .await;
    s.shot("data-healthy").await;

    // The retention rules list what they would do today (the demo's oldest
    // interviews are past 36 months), and nothing is done without asking.
    s.wait_text(
        "[data-rule=\"follow_up_notes\"] [data-testid=\"retention-count\"]",
        "concernée",
    )
    .await;
    let notes_before = count(
        &database(data),
        "SELECT count(*) FROM follow_up WHERE coalesce(findings, '') <> ''",
    );
    s.driver
        .execute(
            "document.querySelector('[data-testid=\"data-retention\"]').scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await
        .unwrap();
    s.shot("data-retention").await;
    assert_eq!(
        count(
            &database(data),
            "SELECT count(*) FROM follow_up WHERE coalesce(findings, '') <> ''"
        ),
        notes_before,
        "showing the plan changed nothing"
    );

    // A proof changed behind the app's back is caught, never shown as if intact.
    let original = std::fs::read(&stored_path).unwrap();
    std::fs::write(&stored_path, b"%PDF-1.4 altered").unwrap();
    s.click("[data-action=\"check-data\"]").await;
    s.wait_text("[data-problem=\"altered\"]", "Fichiers modifiés")
        .await;
    s.wait_text("[data-problem=\"altered\"]", &stored).await;
    s.shot("data-altered").await;
    std::fs::write(&stored_path, &original).unwrap();
    s.click("[data-action=\"check-data\"]").await;
    s.wait_text("[data-testid=\"check-verdict\"]", "Tout est en ordre")
        .await;

    // « Enregistrer une archive… »: the dialog answers with a path; the
    // archive holds the database, the proofs and the manifest.
    s.click("[data-action=\"save-archive\"]").await;
    s.wait_text("[data-testid=\"archive-written\"]", "archive-e2e.tar")
        .await;
    let archive = std::fs::read(saved).unwrap();
    let text = String::from_utf8_lossy(&archive);
    assert!(text.contains("manifest.json") && text.contains("tremplin.sqlite"));
    assert!(
        text.contains(&stored),
        "the archive holds the attached proof"
    );
}
