//! The demo's real proofs, the attendance sheet to sign, and the versioned
//! standing documents of the « dispositif », on real folders (issue 16).

use std::collections::BTreeSet;
use std::process::Command;

use tremplin::demo::{self, DemoConfig};
use tremplin::model::*;
use tremplin::report::{attendance_sheet, write_attendance_sheet, SheetFill};
use tremplin::{backup, Store};

use super::{action_input, run, small, Folder};

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

/// Words separated by single spaces (pdftotext pads columns; a non-breaking
/// space comes back as a space).
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_text(path: &std::path::Path) -> String {
    squeeze(&run("pdftotext", &["-layout", path.to_str().unwrap(), "-"]))
}

fn sorted_hashes(store: &Store) -> BTreeSet<String> {
    store
        .proofs(None)
        .unwrap()
        .into_iter()
        .map(|p| p.file.sha256)
        .collect()
}

#[test]
fn the_demo_in_a_folder_has_real_deterministic_proofs_and_gaps_an_auditor_would_see() {
    let folder = Folder::new();
    let mut store = folder.open();
    let summary = demo::create(&mut store, &DemoConfig::default()).unwrap();
    let proofs = store.proofs(None).unwrap();
    assert_eq!(summary.proofs, proofs.len());
    assert!(proofs.len() >= 60, "only {} proofs", proofs.len());

    // Every kind of record the dossier annexes, every kind of file.
    let kinds: BTreeSet<&str> = proofs.iter().map(|p| p.kind.code()).collect();
    for kind in [
        "attendance_sheet",
        "photo",
        "report",
        "agreement",
        "questionnaire",
        "material",
        "screenshot",
    ] {
        assert!(
            kinds.contains(kind),
            "no demo proof of kind {kind}: {kinds:?}"
        );
    }
    let records: BTreeSet<&str> = proofs.iter().map(|p| p.record_kind.code()).collect();
    for record in [
        "action",
        "agreement",
        "non_conformity",
        "support_resource",
        "exit_survey",
    ] {
        assert!(records.contains(record), "no demo proof on a {record}");
    }
    let media: BTreeSet<&str> = proofs.iter().map(|p| p.file.media.code()).collect();
    assert_eq!(media, BTreeSet::from(["jpeg", "pdf", "png"]));
    // Real files: PDFs that lopdf reads page by page, images with their size.
    for p in &proofs {
        match p.file.media {
            ProofMedia::Pdf => assert!(p.file.pages.unwrap_or(0) >= 1, "{} has no page", p.title),
            _ => assert!(p.file.width.unwrap_or(0) > 0, "{} has no size", p.title),
        }
    }
    // The folder holds exactly those files, each as its hash says.
    let check = store.check_proofs().unwrap();
    assert!(check.is_healthy(), "{check:?}");
    assert!(check.files_checked >= 60);

    // A signed scan is the sheet of its own action: the names of those who came.
    let sheet = proofs
        .iter()
        .find(|p| p.kind == ProofKind::AttendanceSheet)
        .unwrap();
    let detail = store.action_detail(sheet.record_id).unwrap();
    let text = pdf_text(&store.proof_path(sheet.id).unwrap());
    assert!(text.contains(&squeeze(&detail.action.title)), "{text}");
    let signed = detail.attendance.iter().find(|a| a.signed).unwrap();
    assert!(text.contains(&signed.last_name.to_uppercase()));
    assert!(text.contains(&format!(
        "{}. {}",
        signed.first_name.chars().next().unwrap(),
        signed.last_name
    )));

    // Some actions that took place have no signed sheet: not all green.
    let past = store
        .list_actions(&ActionFilter::default())
        .unwrap()
        .into_iter()
        .filter(|a| a.present > 0)
        .count();
    let with_sheet: BTreeSet<Id> = proofs
        .iter()
        .filter(|p| p.kind == ProofKind::AttendanceSheet)
        .map(|p| p.record_id)
        .collect();
    assert!(with_sheet.len() < past, "every action has its sheet");
    assert!(
        with_sheet.len() * 4 > past * 3,
        "most actions have their sheet: {} of {past}",
        with_sheet.len()
    );

    // The same seed, the same bytes: two demos made by the command line
    // (each a fresh process, as the app is) hold the same files. In one
    // process the bytes of a second rendering differ in the names printpdf
    // draws for its resources, never in what a page shows.
    let made: Vec<BTreeSet<String>> = (0..2)
        .map(|_| {
            let other = Folder::new();
            let out = Command::new(env!("CARGO_BIN_EXE_tremplin"))
                .arg("--data-dir")
                .arg(other.path())
                .arg("demo")
                .env_remove("TREMPLIN_DATA_DIR")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            sorted_hashes(&other.open())
        })
        .collect();
    assert_eq!(made[0], made[1]);
    assert_eq!(made[0].len(), sorted_hashes(&store).len());
}

#[test]
fn the_attendance_sheet_lists_every_invited_apprentice_with_a_box_to_sign() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    let detail = s
        .store
        .save_action(&action_input(&s, &[(0, true, true)]))
        .unwrap();
    let data = s.store.sheet_data(detail.action.id).unwrap();
    assert_eq!(data.detail.attendance.len(), 3);
    assert_eq!(data.speakers, vec!["Inès Moreau".to_owned()]);
    assert_eq!(
        data.co_organisers,
        vec!["Mission locale d’Orléans".to_owned()]
    );

    let out = folder.path().join("emargement.pdf");
    let written = write_attendance_sheet(&data, &out, now()).unwrap();
    assert_eq!(written.pages, 1);
    run("qpdf", &["--check", out.to_str().unwrap()]);
    let text = pdf_text(&out);
    for expected in [
        "Feuille d’émargement",
        "Atelier CV",
        "14/10/2025",
        "Inès Moreau",
        "Mission locale d’Orléans",
        "Signature",
        "3 apprenti(e)s invité(e)s",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from {text}"
        );
    }
    for a in &data.detail.attendance {
        assert!(
            text.contains(&a.last_name.to_uppercase()),
            "{} missing",
            a.last_name
        );
    }
    // A long title still gives a name the exports folder accepts.
    let long = tremplin::report::file_name(
        "emargement",
        &["12", &"Atelier très long ".repeat(20)],
        now().date(),
    );
    assert!(
        long.len() <= 200 && long.ends_with("-2026-12-02.pdf"),
        "{long}"
    );
    assert!(tremplin::report::export_path(&s.store, &long).is_ok());

    // Blank boxes: nobody's signature is printed before the action.
    assert!(!text.contains("absent(e)"));

    // Signed, as the demo scans it: the signature of who signed, the absent said so.
    let signed = attendance_sheet(&data, SheetFill::Signed, now());
    let rendered = tremplin::document::render_document(&signed, folder.path()).unwrap();
    let scan = folder.path().join("scan.pdf");
    std::fs::write(&scan, &rendered.pdf).unwrap();
    let text = pdf_text(&scan);
    assert!(
        text.contains("3 apprenti(e)s invité(e)s, 1 présent(e)."),
        "{text}"
    );
    assert_eq!(text.matches("absent(e)").count(), 2, "{text}");

    // Who left the CFA before the action is not asked to sign.
    let left = s.apprentices[2];
    let mut input = ApprenticeInput {
        id: Some(left),
        cohort_id: Some(s.cohort),
        status: "dropped_out".into(),
        exit_date: "01/10/2025".into(),
        referent_id: Some(s.staff),
        referent_since: String::new(),
        ..Default::default()
    };
    let a = s.store.apprentice(left).unwrap();
    input.first_name = a.first_name.clone();
    input.last_name = a.last_name.clone();
    s.store.save_apprentice(&input).unwrap();
    let after = s.store.sheet_data(detail.action.id).unwrap();
    assert_eq!(after.detail.attendance.len(), 2);
    assert!(after
        .detail
        .attendance
        .iter()
        .all(|r| r.apprentice_id != left));

    // The command line prints the same sheet and says where.
    let cli = Command::new(env!("CARGO_BIN_EXE_tremplin"))
        .arg("--data-dir")
        .arg(folder.path())
        .args([
            "attendance-sheet",
            "--action",
            &detail.action.id.to_string(),
            "--out",
        ])
        .arg(folder.path().join("cli.pdf"))
        .args(["--format", "json"])
        .env_remove("TREMPLIN_DATA_DIR")
        .output()
        .unwrap();
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(json["invited"], 2);
    assert_eq!(json["pages"], 1);
    assert!(std::fs::read(folder.path().join("cli.pdf"))
        .unwrap()
        .starts_with(b"%PDF-"));
    let missing = Command::new(env!("CARGO_BIN_EXE_tremplin"))
        .arg("--data-dir")
        .arg(folder.path())
        .args(["attendance-sheet", "--action", "999", "--out"])
        .arg(folder.path().join("none.pdf"))
        .env_remove("TREMPLIN_DATA_DIR")
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("introuvable"));
}

/// The fields a refusal names.
fn fields(error: tremplin::Error) -> Vec<String> {
    match error {
        tremplin::Error::Validation(fields) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn version(document: Id, label: &str, issued: &str) -> VersionInput {
    VersionInput {
        document_id: document,
        version: label.into(),
        issued_on: issued.into(),
        note: String::new(),
    }
}

#[test]
fn a_standing_document_keeps_its_versions_and_the_one_in_force_is_obvious() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    let store = &mut s.store;
    let refused = store
        .save_standing_document(&StandingDocumentInput {
            kind: "procedure".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(fields(refused), ["kind", "title"]);

    let doc = store
        .save_standing_document(&StandingDocumentInput {
            kind: "support_procedure".into(),
            title: "Procédure d’accompagnement".into(),
            ..Default::default()
        })
        .unwrap();
    let v1 = b"%PDF-1.4\n% procedure v1\n".to_vec();
    let v2 = b"%PDF-1.4\n% procedure v2\n".to_vec();
    store
        .add_version(
            &version(doc.id, "", "01/09/2024"),
            "procedure.pdf",
            &v1,
            now(),
        )
        .unwrap();
    let doc = store
        .add_version(
            &version(doc.id, "", "30/06/2025"),
            "procedure-revue.pdf",
            &v2,
            now(),
        )
        .unwrap();
    // Numbered in order; the one most recently in force first, marked current.
    let labels: Vec<(&str, bool)> = doc
        .versions
        .iter()
        .map(|v| (v.version.as_str(), v.current))
        .collect();
    assert_eq!(labels, [("2", true), ("1", false)]);

    // A version dated earlier, added later (an old scan found), is kept but not current.
    let old = b"%PDF-1.4\n% procedure v0\n".to_vec();
    let doc = store
        .add_version(
            &version(doc.id, "0", "01/09/2022"),
            "ancienne.pdf",
            &old,
            now(),
        )
        .unwrap();
    assert_eq!(doc.versions[0].version, "2");
    assert!(doc.versions[0].current);
    assert_eq!(doc.versions.len(), 3);
    let row = store.list_standing_documents().unwrap().pop().unwrap();
    assert_eq!(
        (
            row.current_version.as_deref(),
            row.version_count,
            row.programme_code
        ),
        (Some("2"), 3, None)
    );

    // A version is added on the day it comes into force, not before.
    let future = store
        .add_version(
            &version(doc.id, "", "01/09/2027"),
            "x.pdf",
            b"%PDF-1.4\n% later\n",
            now(),
        )
        .unwrap_err();
    assert_eq!(fields(future), ["issuedOn"]);

    // Refusals: a label taken, a bad date, a file that is not a document, a document gone.
    let taken = store
        .add_version(
            &version(doc.id, "2", ""),
            "x.pdf",
            b"%PDF-1.4\n% other\n",
            now(),
        )
        .unwrap_err();
    assert_eq!(fields(taken), ["version"]);
    let bad_date = store
        .add_version(
            &version(doc.id, "", "31/02/2025"),
            "x.pdf",
            b"%PDF-1.4\n% y\n",
            now(),
        )
        .unwrap_err();
    assert_eq!(fields(bad_date), ["issuedOn"]);
    let not_a_document = store
        .add_version(&version(doc.id, "", ""), "x.exe", b"MZ\x90\x00", now())
        .unwrap_err();
    assert_eq!(fields(not_a_document), ["file"]);
    assert!(store
        .add_version(
            &version(Id(999), "", ""),
            "x.pdf",
            b"%PDF-1.4\n% z\n",
            now()
        )
        .is_err());
    assert_eq!(store.standing_document(doc.id).unwrap().versions.len(), 3);

    // A file used both as a proof and as a version stays while either uses it.
    let proof = store
        .attach_proof(
            &ProofInput {
                record_kind: "partner".into(),
                record_id: s.partner,
                kind: String::new(),
                title: String::new(),
                date: String::new(),
            },
            "copie.pdf",
            &v1,
            now(),
        )
        .unwrap();
    store.delete_proof(proof.id).unwrap();
    let kept = doc.versions.iter().find(|v| v.version == "1").unwrap();
    assert!(
        store.version_path(kept.id).unwrap().is_file(),
        "the version's file went with the proof"
    );

    // The archive carries the versions; a restore brings them back.
    let archive = folder.path().join("archive.tar");
    store.write_archive(&archive, now()).unwrap();
    let path = store.version_path(kept.id).unwrap();
    let target = Folder::new();
    backup::restore_archive(target.path(), &archive, now()).unwrap();
    let restored = target.open();
    assert_eq!(
        restored.standing_document(doc.id).unwrap().versions.len(),
        3
    );
    assert!(restored.check_proofs().unwrap().is_healthy());

    // A filière with a document of its own is not deleted from under it.
    let programme = store
        .save_programme(&ProgrammeInput {
            code: "BP BOUL".into(),
            name: "BP Boulanger".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let calendar = store
        .save_standing_document(&StandingDocumentInput {
            kind: "annual_calendar".into(),
            title: "Calendrier 2025-2026".into(),
            programme_id: Some(programme),
            ..Default::default()
        })
        .unwrap();
    let impact = store
        .deletion_impact(tremplin::store::Entity::Programme, programme)
        .unwrap();
    assert!(!impact.allowed);
    assert!(
        impact.message.contains("documents du dispositif"),
        "{}",
        impact.message
    );
    store
        .delete(tremplin::store::Entity::StandingDocument, calendar.id)
        .unwrap();

    // Removing a version removes its file; deleting the document removes the rest.
    let doc = store.delete_version(kept.id).unwrap();
    assert_eq!(doc.versions.len(), 2);
    assert!(!path.exists());
    let others: Vec<_> = doc
        .versions
        .iter()
        .map(|v| store.version_path(v.id).unwrap())
        .collect();
    store
        .delete(tremplin::store::Entity::StandingDocument, doc.id)
        .unwrap();
    assert!(others.iter().all(|p| !p.exists()));
    assert!(store.check_proofs().unwrap().is_healthy());
}

#[test]
fn the_demo_dispositif_has_a_replaced_procedure_and_a_calendar_per_filiere() {
    let folder = Folder::new();
    let mut store = folder.open();
    let summary = demo::create(&mut store, &DemoConfig::default()).unwrap();
    let rows = store.list_standing_documents().unwrap();
    assert_eq!(summary.standing_documents, rows.len());
    let procedure = rows
        .iter()
        .find(|r| r.kind == StandingDocumentKind::SupportProcedure)
        .unwrap();
    assert_eq!(
        (
            procedure.current_version.as_deref(),
            procedure.version_count
        ),
        (Some("2"), 2)
    );
    let calendars: Vec<_> = rows
        .iter()
        .filter(|r| r.kind == StandingDocumentKind::AnnualCalendar)
        .collect();
    assert_eq!(calendars.len(), summary.programmes);
    assert!(calendars
        .iter()
        .all(|c| c.programme_code.is_some() && c.current_version.as_deref() == Some("2025-2026")));
    for kind in [
        StandingDocumentKind::ReferentJobDescription,
        StandingDocumentKind::SpeakerCertificate,
        StandingDocumentKind::InternalManual,
    ] {
        assert!(rows.iter().any(|r| r.kind == kind), "no {kind:?}");
    }
}
