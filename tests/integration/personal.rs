//! Personal data (RGPD): one apprentice's export, and an erasure after which
//! no file of the database — WAL included — holds their name (issue 16).

use std::process::Command;

use tremplin::model::*;

use super::{action_input, small, Folder};

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

/// Every byte of the database's files: the main file, its WAL and shared memory.
fn database_bytes(folder: &Folder) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", folder.database().display());
        if let Ok(bytes) = std::fs::read(&path) {
            all.extend(bytes);
        }
    }
    all
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

const LAST: &str = "Quaglieri-Zephyrin";
const EMAIL: &str = "zephyrine.quaglieri@example.fr";

#[test]
fn an_export_holds_everything_and_an_erasure_leaves_no_trace_in_the_database_files() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    let person = s
        .store
        .save_apprentice(&ApprenticeInput {
            cohort_id: Some(s.cohort),
            first_name: "Zéphyrine".into(),
            last_name: LAST.into(),
            email: EMAIL.into(),
            birth_date: "12/03/2007".into(),
            status: "in_training".into(),
            referent_id: Some(s.staff),
            ..Default::default()
        })
        .unwrap();
    s.apprentices.push(person.id);
    let action = s
        .store
        .save_action(&action_input(&s, &[(0, true, true), (3, true, true)]))
        .unwrap();
    let follow_up = s
        .store
        .save_follow_up(&FollowUpInput {
            apprentice_id: Some(person.id),
            kind: "monthly_review".into(),
            held_on: "05/11/2025".into(),
            topics: vec!["social".into()],
            findings: format!("Point avec {LAST} : recherche de logement."),
            ..Default::default()
        })
        .unwrap();
    let input = |kind: &str, id: Id| ProofInput {
        record_kind: kind.into(),
        record_id: id,
        kind: String::new(),
        title: String::new(),
        date: String::new(),
    };
    // Hers alone: an attestation, a follow-up's report. Shared: the action's
    // sheet, also attached to her record — it must stay for the action.
    let own = b"%PDF-1.4\n% attestation Quaglieri\n".to_vec();
    let report = b"%PDF-1.4\n% compte rendu entretien\n".to_vec();
    let sheet = b"%PDF-1.4\n% feuille signee\n".to_vec();
    let own_proof = s
        .store
        .attach_proof(
            &input("apprentice", person.id),
            "attestation-zephyrine.pdf",
            &own,
            now(),
        )
        .unwrap();
    s.store
        .attach_proof(
            &input("follow_up", follow_up.id),
            "entretien.pdf",
            &report,
            now(),
        )
        .unwrap();
    let shared = s
        .store
        .attach_proof(
            &input("action", action.action.id),
            "emargement.pdf",
            &sheet,
            now(),
        )
        .unwrap();
    s.store
        .attach_proof(
            &input("apprentice", person.id),
            "emargement-copie.pdf",
            &sheet,
            now(),
        )
        .unwrap();
    let own_path = s.store.proof_path(own_proof.id).unwrap();
    let shared_path = s.store.proof_path(shared.id).unwrap();

    // Right of access: the JSON holds the person, her follow-up, her proofs.
    let data = s.store.personal_data(person.id, now()).unwrap();
    assert_eq!(data.file.apprentice.last_name, LAST);
    assert_eq!(data.file.follow_ups.len(), 1);
    assert_eq!(data.proofs.len(), 3, "{:?}", data.proofs);
    let json_out = folder.path().join("donnees.json");
    let pdf_out = folder.path().join("dossier.pdf");
    let written =
        tremplin::report::write_personal_data(&s.store, person.id, &json_out, &pdf_out, now())
            .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json_out).unwrap()).unwrap();
    assert_eq!(json["format"], 1);
    assert_eq!(json["file"]["apprentice"]["email"], EMAIL);
    assert_eq!(json["proofs"].as_array().unwrap().len(), 3);
    assert!(written.pdf.pages >= 1);
    assert!(std::fs::read(&pdf_out).unwrap().starts_with(b"%PDF-"));

    // Documents printed about her in « Exports » go with the erasure.
    let exports = folder.path().join(tremplin::report::EXPORTS_FOLDER);
    std::fs::create_dir_all(&exports).unwrap();
    let printed = exports.join(format!(
        "dossier-individuel-{}-quaglieri-zephyrin-zephyrine-2026-12-02.pdf",
        person.id
    ));
    std::fs::write(&printed, b"%PDF-1.4\n").unwrap();
    let someone_else = exports.join(format!(
        "dossier-individuel-{}1-autre-2026-12-02.pdf",
        person.id
    ));
    std::fs::write(&someone_else, b"%PDF-1.4\n").unwrap();

    // Before: the name is in the database's files (so the check below can fail).
    assert!(holds(&database_bytes(&folder), LAST));

    // Right to erasure.
    let erased = s.store.erase_apprentice(person.id).unwrap();
    assert_eq!(
        (
            erased.attendance,
            erased.follow_ups,
            erased.proofs,
            erased.files_removed
        ),
        (1, 1, 3, 2),
        "{erased:?}"
    );
    assert!(s.store.apprentice(person.id).is_err());
    assert_eq!(erased.exports_removed, 1);
    assert!(!printed.exists(), "her printed file stayed in Exports");
    assert!(someone_else.exists(), "another person's file went");
    assert!(!own_path.exists(), "her own file stayed");
    assert!(shared_path.exists(), "the action's sheet went with her");
    assert_eq!(
        s.store
            .proofs(Some((RecordKind::Action, action.action.id)))
            .unwrap()
            .len(),
        1
    );
    let bytes = database_bytes(&folder);
    for trace in [LAST, EMAIL, "Zéphyrine", "attestation-zephyrine"] {
        assert!(
            !holds(&bytes, trace),
            "« {trace} » is still in the database files"
        );
    }
    // The rest is whole and sound.
    assert_eq!(
        s.store
            .action_detail(action.action.id)
            .unwrap()
            .attendance
            .len(),
        3
    );
    let check = s.store.check().unwrap();
    assert_eq!(check.integrity, ["ok"]);
    assert!(check.proofs.is_healthy());
    // Reopened, still no trace (nothing was only in memory).
    drop(s);
    let reopened = folder.open();
    assert!(reopened.apprentice(person.id).is_err());
    assert!(!holds(&database_bytes(&folder), LAST));
}

#[test]
fn the_command_line_exports_and_erases_only_when_confirmed() {
    let folder = Folder::new();
    let s = small(folder.open());
    let id = s.apprentices[0];
    drop(s);
    let tremplin = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tremplin"))
            .arg("--data-dir")
            .arg(folder.path())
            .args(args)
            .env_remove("TREMPLIN_DATA_DIR")
            .output()
            .unwrap()
    };
    let out = folder.path().join("export");
    let exported = tremplin(&[
        "personal-data",
        "--apprentice",
        &id.to_string(),
        "--out-dir",
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let paths: serde_json::Value = serde_json::from_slice(&exported.stdout).unwrap();
    let json = std::path::PathBuf::from(paths["json"].as_str().unwrap());
    assert!(json.starts_with(&out) && json.extension().unwrap() == "json");
    assert!(std::path::Path::new(paths["pdf"].as_str().unwrap()).is_file());

    let refused = tremplin(&["erase", "--apprentice", &id.to_string()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--confirm"));
    assert!(
        folder.open().apprentice(id).is_ok(),
        "erased without --confirm"
    );

    let erased = tremplin(&[
        "erase",
        "--apprentice",
        &id.to_string(),
        "--confirm",
        "--format",
        "json",
    ]);
    assert!(
        erased.status.success(),
        "{}",
        String::from_utf8_lossy(&erased.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&erased.stdout).unwrap();
    assert!(report["attendance"].is_number());
    assert!(folder.open().apprentice(id).is_err());
    let again = tremplin(&["erase", "--apprentice", &id.to_string(), "--confirm"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("introuvable"));
}

fn day(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn retention_rules_list_what_they_will_do_on_a_fixed_day_then_do_exactly_that() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    // A leaver of June 2021, with a follow-up note; a leaver of June 2025.
    let leaver = |first: &str, last: &str, exit: &str, s: &mut super::Small| {
        s.store
            .save_apprentice(&ApprenticeInput {
                cohort_id: Some(s.cohort),
                first_name: first.into(),
                last_name: last.into(),
                email: format!("{}@example.fr", last.to_lowercase()),
                birth_date: "01/02/2003".into(),
                status: "graduated".into(),
                exit_date: exit.into(),
                referent_id: Some(s.staff),
                ..Default::default()
            })
            .unwrap()
            .id
    };
    let old = leaver("Ancelin", "Vieuxcontrat", "30/06/2021", &mut s);
    let recent = leaver("Bérénice", "Recentsortie", "30/06/2025", &mut s);
    let note = s
        .store
        .save_follow_up(&FollowUpInput {
            apprentice_id: Some(s.apprentices[0]),
            kind: "monthly_review".into(),
            held_on: "10/10/2025".into(),
            topics: vec!["social".into()],
            findings: "Difficultés de transport signalées par Inès.".into(),
            ..Default::default()
        })
        .unwrap();
    s.store
        .attach_proof(
            &ProofInput {
                record_kind: "apprentice".into(),
                record_id: old,
                kind: String::new(),
                title: String::new(),
                date: String::new(),
            },
            "diplome-vieuxcontrat.pdf",
            b"%PDF-1.4\n% diplome\n",
            now(),
        )
        .unwrap();

    // Defaults: five years after an exit, three after an interview.
    let plan = s.store.retention_plan(day("2028-12-02")).unwrap();
    let months: Vec<u32> = plan.rules.iter().map(|r| r.months).collect();
    assert_eq!(months, [60, 36, 36, 36]);
    let listed: Vec<(RetentionKind, Id)> =
        plan.items.iter().map(|i| (i.kind, i.record_id)).collect();
    assert_eq!(
        listed,
        [
            (RetentionKind::LeftApprentices, old),
            (RetentionKind::FollowUpNotes, note.id)
        ],
        "{:?}",
        plan.items
    );
    assert_eq!(plan.items[0].label, "Ancelin Vieuxcontrat");
    assert_eq!(plan.items[1].since, day("2025-10-10"));
    assert!(!plan.items[1].label.is_empty());
    // Listing changes nothing.
    assert_eq!(s.store.apprentice(old).unwrap().last_name, "Vieuxcontrat");

    // The DPO shortens a rule: the recent leaver is listed too, on a later day.
    let refused = s.store.set_retention("left_apprentices", 2).unwrap_err();
    match refused {
        tremplin::Error::Validation(fields) => {
            assert_eq!(fields[0].field, "months");
            assert!(fields[0].message.contains("entre 6 et 240 mois"));
        }
        other => panic!("{other:?}"),
    }
    s.store.set_retention("left_apprentices", 12).unwrap();
    let plan = s.store.retention_plan(day("2026-07-01")).unwrap();
    assert!(plan.items.iter().any(|i| i.record_id == recent));
    let plan = s.store.retention_plan(day("2026-06-29")).unwrap();
    assert!(
        !plan.items.iter().any(|i| i.record_id == recent),
        "the boundary is the exit day plus 12 months"
    );

    // Applying on 02/12/2028 does what that day's plan lists, and only that.
    let expected = s.store.retention_plan(day("2028-12-02")).unwrap();
    // A list that is not the day's plan (shown before the data changed) is refused.
    let stale: Vec<(RetentionKind, Id)> = expected
        .items
        .iter()
        .skip(1)
        .map(|i| (i.kind, i.record_id))
        .collect();
    assert!(matches!(
        s.store.apply_retention(day("2028-12-02"), &stale),
        Err(tremplin::Error::Conflict(_))
    ));
    assert_ne!(
        s.store.apprentice(old).unwrap().first_name,
        "Ancien(ne)",
        "a refused plan changed something"
    );
    let listed: Vec<(RetentionKind, Id)> = expected
        .items
        .iter()
        .map(|i| (i.kind, i.record_id))
        .collect();
    let report = s.store.apply_retention(day("2028-12-02"), &listed).unwrap();
    let changed: u32 = report.changed.iter().map(|(_, n)| n).sum();
    assert_eq!(changed as usize, expected.items.len());
    assert_eq!(report.files_removed, 1);
    let a = s.store.apprentice(old).unwrap();
    assert_eq!(
        (a.first_name.as_str(), a.email.clone(), a.birth_date),
        ("Ancien(ne)", None, None)
    );
    assert_eq!(a.last_name, format!("apprenti(e) n° {old}"));
    let r = s.store.apprentice(recent).unwrap();
    assert_eq!(
        r.first_name, "Ancien(ne)",
        "the 12-month rule took the 2025 leaver too"
    );
    let untouched = s.store.apprentice(s.apprentices[1]).unwrap();
    assert_ne!(untouched.first_name, "Ancien(ne)");
    let file = s
        .store
        .apprentice_file(s.apprentices[0], day("2028-12-02"))
        .unwrap();
    assert!(
        file.follow_ups
            .iter()
            .all(|f| f.follow_up.findings.is_none()),
        "{:?}",
        file.follow_ups
    );
    // Nothing left to do; no trace of the erased text in the database files.
    assert!(s
        .store
        .retention_plan(day("2028-12-02"))
        .unwrap()
        .items
        .is_empty());
    let bytes = database_bytes(&folder);
    for trace in ["Vieuxcontrat", "Recentsortie", "Difficultés de transport"] {
        assert!(
            !holds(&bytes, trace),
            "« {trace} » is still in the database files"
        );
    }
    assert!(s.store.check().unwrap().proofs.is_healthy());
}
