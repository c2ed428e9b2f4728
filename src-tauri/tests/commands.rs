//! The real commands through Tauri's IPC, on the mock runtime (no window):
//! argument names, JSON shapes and error payloads exactly as the UI sees them.
//! Also checks the security configuration: capabilities and CSP.

// Test helpers may unwrap: a panic with its message is the failure report.
#![allow(clippy::unwrap_used)]

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use tremplin_desktop::{invoke_handler, AppData};

struct Harness {
    _app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn harness_with(data: impl FnOnce(&std::path::Path) -> AppData) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    // The real context: the capability in capabilities/ must grant each command.
    // `setup` does not run under the mock runtime: manage the state here.
    let app = mock_builder()
        .invoke_handler(invoke_handler())
        .build(tremplin_desktop::context())
        .unwrap();
    app.manage(data(dir.path()));
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Harness {
        _app: app,
        webview,
        _dir: dir,
    }
}

fn harness() -> Harness {
    harness_with(|dir| AppData::open(Ok(dir.to_owned())))
}

impl Harness {
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's own origin: in a build without `custom-protocol` that is
            // the dev server (tauri.conf.json's devUrl), which the ACL calls local.
            url: "http://localhost:1420/".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    /// A command called as the UI sends a dropped file: raw bytes, and what
    /// they are in a percent-encoded JSON header.
    fn invoke_raw(
        &self,
        cmd: &str,
        bytes: &[u8],
        header: &str,
        described: &Value,
    ) -> Result<Value, Value> {
        let mut headers = tauri::http::HeaderMap::new();
        let encoded: String = described
            .to_string()
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        headers.insert(
            tauri::http::HeaderName::from_bytes(header.as_bytes()).unwrap(),
            encoded.parse().unwrap(),
        );
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "http://localhost:1420/".parse().unwrap(),
            body: InvokeBody::Raw(bytes.to_vec()),
            headers,
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

#[test]
fn an_empty_database_has_no_organisation_until_the_demo_is_created() {
    let h = harness();
    let state = h.ok("get_app_state", json!({}));
    assert_eq!(
        state["organisation"],
        Value::Null,
        "first start must offer « Créer mon CFA »"
    );
    let state = h.ok("create_demo", json!({}));
    assert_eq!(
        state["organisation"]["name"],
        "CFA des Métiers du Val de Loire"
    );
    assert!(state["schoolYears"]
        .as_array()
        .unwrap()
        .contains(&json!("2025-2026")));
    let programmes = h.ok("list_programmes", json!({}));
    assert_eq!(programmes.as_array().unwrap().len(), 3);
    let dashboard = h.ok("get_dashboard", json!({ "schoolYear": "2025-2026" }));
    assert_eq!(dashboard["actionCount"], 63);
    assert_eq!(dashboard["previousResults"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_input_comes_back_as_field_errors_and_writes_nothing() {
    let h = harness();
    let error = h
        .invoke(
            "save_partner",
            json!({ "input": { "id": null, "name": " ", "kind": "", "contactEmail": "x@" } }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "validation");
    let fields: Vec<&str> = error["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["name", "kind", "contactEmail"],
        "one French message per field, named as in the input"
    );
    assert_eq!(
        error["fields"][0]["message"],
        "Le nom du partenaire est obligatoire."
    );
    assert_eq!(
        h.ok("list_partners", json!({})),
        json!([]),
        "nothing was written"
    );
}

#[test]
fn an_action_with_attendance_round_trips_through_ipc() {
    let h = harness();
    h.ok("create_demo", json!({}));
    let cohort = h.ok("list_cohorts", json!({ "programmeId": null }))[0].clone();
    let sheet = h.ok(
        "get_attendance_sheet",
        json!({ "actionId": null, "cohortIds": [cohort["id"]] }),
    );
    let sheet = sheet.as_array().unwrap();
    assert_eq!(sheet.len(), 20);
    let marks: Vec<Value> = sheet
        .iter()
        .take(15)
        .map(|row| json!({ "apprenticeId": row["apprenticeId"], "present": true, "signed": true }))
        .collect();
    let detail = h.ok(
        "save_action",
        json!({ "input": {
            "kind": "job_dating", "title": "Job dating de printemps", "startDate": "02/04/2026",
            "startTime": "14 h", "duration": "3 h", "indicator29": true,
            "cohortIds": [cohort["id"]], "attendance": marks
        }}),
    );
    assert_eq!(detail["participation"]["numerator"], 15);
    assert_eq!(detail["participation"]["denominator"], 20);
    assert_eq!(detail["participation"]["display"], "75,0\u{202f}%");
    assert_eq!(
        detail["action"]["startDate"], "2026-04-02",
        "records carry ISO dates"
    );
    let id = detail["action"]["id"].clone();
    let impact = h.ok(
        "get_deletion_impact",
        json!({ "entity": "action", "id": id }),
    );
    assert_eq!(
        impact["message"],
        "Supprimer cette action et ses 20 émargements ?"
    );
    h.ok("delete_record", json!({ "entity": "action", "id": id }));
    let error = h.invoke("get_action", json!({ "id": id })).unwrap_err();
    assert_eq!(error["code"], "not_found");
}

#[test]
fn a_database_that_cannot_open_answers_every_command_with_its_reason() {
    let h = harness_with(|dir| {
        drop(tremplin::Store::open_in_dir(dir).unwrap());
        let conn = rusqlite::Connection::open(dir.join(tremplin::store::DATABASE_FILE)).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        AppData::open(Ok(dir.to_owned()))
    });
    let error = h.invoke("get_app_state", json!({})).unwrap_err();
    assert_eq!(
        error["code"], "schema_too_new",
        "the window must say why, not crash"
    );
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("version plus récente"));
    let error = h.invoke("list_programmes", json!({})).unwrap_err();
    assert_eq!(error["code"], "schema_too_new");
}

fn listed_commands() -> Vec<String> {
    include_str!("../commands.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_declared_command_is_handled() {
    let h = harness();
    for command in listed_commands() {
        // Skip the one command that changes data on an empty call.
        if command == "create_demo" {
            continue;
        }
        if let Err(error) = h.invoke(&command, json!({})) {
            let text = error.to_string();
            assert!(
                !text.contains("not found"),
                "{command} is declared in commands.txt but not registered: {text}"
            );
            assert!(
                !text.contains("not allowed"),
                "{command} is not granted by capabilities/default.json: {text}"
            );
        }
    }
}

#[test]
fn the_capability_grants_exactly_the_apps_own_commands() {
    let capability: Value =
        serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let expected: Vec<String> = listed_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "no plugin, file-system or shell permission may creep in"
    );
    assert_eq!(capability["windows"], json!(["main"]));
}

#[test]
fn the_ui_calls_exactly_the_declared_commands() {
    let source = include_str!("../../ui/src/lib/api/commands.ts");
    let mut called: Vec<&str> = source
        .split("call<")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("('")
                .and_then(|(_, name)| name.split_once('\''))
                .map(|(name, _)| name)
        })
        .collect();
    called.sort_unstable();
    let mut declared = listed_commands();
    declared.sort_unstable();
    assert_eq!(
        called, declared,
        "ui/src/lib/api/commands.ts and src-tauri/commands.txt must agree"
    );
}

#[test]
fn the_content_security_policy_is_strict() {
    let config: Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let security = &config["app"]["security"];
    let csp = security["csp"].as_str().unwrap();
    assert!(csp.contains("default-src 'self'"));
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"),
        "no eval in the webview"
    );
    assert!(
        !csp.contains("http://") || csp.contains("http://ipc.localhost"),
        "no remote origin: {csp}"
    );
    assert!(!csp.contains("https:"), "no remote origin: {csp}");
    assert!(csp.contains("object-src 'none'"));
    assert_eq!(security["freezePrototype"], true);
    assert_eq!(config["app"]["withGlobalTauri"], false);
    assert_eq!(security["assetProtocol"]["enable"], false);
    assert!(config["plugins"].is_null(), "no plugin configured");
}

#[test]
fn a_page_from_another_origin_cannot_call_any_command() {
    let h = harness();
    let request = InvokeRequest {
        cmd: "list_partners".into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "https://exemple.invalid/".parse().unwrap(),
        body: InvokeBody::Json(json!({})),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    let error = get_ipc_response(&h.webview, request)
        .expect_err("remote content gets no access to the data");
    assert!(error.to_string().contains("not allowed"), "{error}");
}

#[test]
fn a_dropped_file_arrives_as_bytes_and_becomes_a_proof_or_a_version() {
    let h = harness();
    h.ok("create_demo", json!({}));
    let partner = h.ok("list_partners", json!({}))[0]["id"].clone();
    let pdf = b"%PDF-1.4\n% convention deposee\n";
    let proof = h
        .invoke_raw(
            "attach_dropped_proof",
            pdf,
            "proof-input",
            &json!({ "input": { "recordKind": "partner", "recordId": partner, "kind": "", "title": "", "date": "" }, "name": "Convention signée.pdf" }),
        )
        .unwrap();
    assert_eq!(proof["title"], "Convention signée");
    assert_eq!(proof["originalName"], "Convention signée.pdf");
    assert_eq!(proof["file"]["media"], "pdf");
    let listed = h.ok(
        "list_proofs",
        json!({ "recordKind": "partner", "recordId": partner }),
    );
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == proof["id"]));

    // The same bytes as a new version of a standing document.
    let document = h.ok("list_standing_documents", json!({}))[0]["id"].clone();
    let before = h.ok("get_standing_document", json!({ "id": document }))["versions"]
        .as_array()
        .unwrap()
        .len();
    let fresh = h
        .invoke_raw(
            "attach_dropped_version",
            pdf,
            "version-input",
            &json!({ "input": { "documentId": document, "version": "", "issuedOn": "01/09/2026", "note": "" }, "name": "v.pdf" }),
        )
        .unwrap();
    let versions = fresh["versions"].as_array().unwrap();
    assert_eq!(versions.len(), before + 1);
    assert_eq!(versions[0]["current"], true);
    assert_eq!(versions[0]["issuedOn"], "2026-09-01");

    // A description that cannot be read, or a file that is not a document: a
    // French message on the file field, nothing written.
    let garbled = h
        .invoke_raw(
            "attach_dropped_proof",
            pdf,
            "proof-input",
            &json!("pas un objet"),
        )
        .unwrap_err();
    assert_eq!(garbled["code"], "validation");
    assert_eq!(garbled["fields"][0]["field"], "file");
    let exe = h
        .invoke_raw(
            "attach_dropped_proof",
            b"MZ\x90\x00\x03",
            "proof-input",
            &json!({ "input": { "recordKind": "partner", "recordId": partner, "kind": "", "title": "", "date": "" }, "name": "outil.exe" }),
        )
        .unwrap_err();
    assert_eq!(exe["fields"][0]["field"], "file");
    let after = h.ok(
        "list_proofs",
        json!({ "recordKind": "partner", "recordId": partner }),
    );
    assert_eq!(
        after.as_array().unwrap().len(),
        listed.as_array().unwrap().len()
    );
}
