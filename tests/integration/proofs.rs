//! Pièces justificatives, the check of their files, backups, restore and the
//! crash loop, on real folders (issue 16).

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};

use tremplin::model::*;
use tremplin::{backup, fsio, vault, Store};

use super::{action_input, small, Folder};

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn input(kind: RecordKind, id: Id) -> ProofInput {
    ProofInput {
        record_kind: kind.code().into(),
        record_id: id,
        kind: String::new(),
        title: String::new(),
        date: String::new(),
    }
}

fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {text}\n").into_bytes()
}

#[test]
fn the_same_file_attached_twice_is_stored_once_and_goes_with_its_last_proof() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    let action = s
        .store
        .save_action(&action_input(&s, &[]))
        .unwrap()
        .action
        .id;
    let a = s
        .store
        .attach_proof(
            &input(RecordKind::Action, action),
            "Feuille signée.pdf",
            &pdf("x"),
            now(),
        )
        .unwrap();
    let b = s
        .store
        .attach_proof(
            &input(RecordKind::Partner, s.partner),
            "copie.pdf",
            &pdf("x"),
            now(),
        )
        .unwrap();
    assert_eq!(a.file.sha256, b.file.sha256, "same content, same hash");
    assert_eq!(a.file.sha256, fsio::sha256_hex(&pdf("x")));
    assert_eq!(
        a.title, "Feuille signée",
        "the title defaults to the name without extension"
    );
    assert_eq!(a.date, now().date(), "the date defaults to today");
    let scan = s.store.vault().unwrap().scan().unwrap();
    assert_eq!(scan.stored.len(), 1, "one file on disk for two proofs");
    s.store.delete_proof(a.id).unwrap();
    assert_eq!(
        s.store.vault().unwrap().scan().unwrap().stored.len(),
        1,
        "still used by b"
    );
    s.store
        .delete(tremplin::store::Entity::Partner, s.partner)
        .ok();
    s.store.delete_proof(b.id).unwrap();
    assert!(
        s.store.vault().unwrap().scan().unwrap().stored.is_empty(),
        "no proof left, no file left"
    );
    assert!(s.store.check().unwrap().is_healthy());
}

#[test]
fn deleting_a_record_removes_its_proofs_and_their_files() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    let apprentice = s.apprentices[0];
    s.store
        .attach_proof(
            &input(RecordKind::Apprentice, apprentice),
            "photo.png",
            PNG,
            now(),
        )
        .unwrap();
    s.store
        .delete(tremplin::store::Entity::Apprentice, apprentice)
        .unwrap();
    assert!(
        s.store.proofs(None).unwrap().is_empty(),
        "the trigger removed the proof"
    );
    let report = s.store.check().unwrap();
    assert!(
        report.proofs.orphans.is_empty(),
        "its file went too: {:?}",
        report.proofs
    );
    assert!(report.is_healthy());
}

/// A 1×1 grey PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3A, 0x7E, 0x9B,
    0x55, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x01, 0x48, 0xAF, 0xA4, 0x71, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[test]
fn bad_files_and_bad_targets_are_refused_in_french_and_write_nothing() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    let refused = |store: &mut Store, input: ProofInput, name: &str, bytes: &[u8]| {
        let e = store.attach_proof(&input, name, bytes, now()).unwrap_err();
        assert_eq!(e.code(), "validation", "{e}");
        e.to_string()
    };
    let m = refused(
        &mut s.store,
        input(RecordKind::Partner, s.partner),
        "x.txt",
        b"hello",
    );
    assert!(m.contains("n’est pas accepté"), "{m}");
    let m = refused(
        &mut s.store,
        input(RecordKind::Partner, s.partner),
        "faux.docx",
        b"hello",
    );
    assert!(m.contains("pas un document bureautique"), "{m}");
    let m = refused(
        &mut s.store,
        input(RecordKind::Partner, s.partner),
        "vide.pdf",
        b"",
    );
    assert!(m.contains("vide"), "{m}");
    let m = refused(
        &mut s.store,
        input(RecordKind::Action, Id(9999)),
        "a.pdf",
        &pdf("a"),
    );
    assert!(m.contains("introuvable"), "{m}");
    let mut bad = input(RecordKind::Partner, s.partner);
    bad.date = "31/02/2026".into();
    refused(&mut s.store, bad, "a.pdf", &pdf("a"));
    assert!(s.store.proofs(None).unwrap().is_empty());
    // A name from another system is shown as its last part, never a path.
    let p = s
        .store
        .attach_proof(
            &input(RecordKind::Partner, s.partner),
            "../../etc/CON.",
            &pdf("b"),
            now(),
        )
        .unwrap();
    assert_eq!(p.original_name, "CON.");
    let stored = s.store.proof_path(p.id).unwrap();
    assert!(stored.starts_with(folder.path().join(vault::PROOFS_FOLDER)));
}

#[test]
fn hostile_stored_names_never_resolve_outside_the_proofs_folder() {
    let folder = Folder::new();
    let v = vault::Vault::in_data_dir(folder.path());
    let sha = fsio::sha256_hex(b"x");
    assert!(v.path(&format!("{}/{sha}.pdf", &sha[..2])).is_ok());
    for name in [
        "../tremplin.sqlite".to_owned(),
        "/etc/passwd".to_owned(),
        format!("{}/../{sha}.pdf", &sha[..2]),
        format!("{}/{sha}.pdf.", &sha[..2]),
        format!("{}/{sha}.exe", &sha[..2]),
        format!("zz/{sha}.pdf"),
        "CON".to_owned(),
        format!("{}\\{sha}.pdf", &sha[..2]),
        format!("{}/{}.pdf", &sha[..2], sha.to_uppercase()),
    ] {
        assert!(v.path(&name).is_err(), "« {name} » must be refused");
    }
}

#[test]
fn check_reports_missing_altered_orphan_and_leftover_files() {
    let folder = Folder::new();
    let mut s = small(folder.open());
    let a = s
        .store
        .attach_proof(
            &input(RecordKind::Partner, s.partner),
            "a.pdf",
            &pdf("a"),
            now(),
        )
        .unwrap();
    let b = s
        .store
        .attach_proof(
            &input(RecordKind::Partner, s.partner),
            "b.pdf",
            &pdf("b"),
            now(),
        )
        .unwrap();
    assert!(s.store.check().unwrap().is_healthy());
    std::fs::remove_file(s.store.proof_path(a.id).unwrap()).unwrap();
    std::fs::write(s.store.proof_path(b.id).unwrap(), b"%PDF-1.4 changed").unwrap();
    let root = folder.path().join(vault::PROOFS_FOLDER);
    std::fs::write(root.join("stray.pdf"), b"x").unwrap();
    let sha = fsio::sha256_hex(b"unknown");
    std::fs::create_dir_all(root.join(&sha[..2])).unwrap();
    std::fs::write(root.join(&sha[..2]).join(format!("{sha}.pdf")), b"unknown").unwrap();
    std::fs::write(root.join(&sha[..2]).join(".tmpAbC"), b"half").unwrap();
    let report = s.store.check().unwrap();
    assert!(!report.is_healthy());
    let p = &report.proofs;
    assert_eq!(p.missing.len(), 1);
    assert_eq!(p.missing[0].proofs[0].proof_id, a.id);
    assert_eq!(p.altered.len(), 1);
    assert_eq!(p.altered[0].proofs[0].title, "b");
    assert_eq!(p.orphans.len(), 2, "{:?}", p.orphans);
    assert_eq!(p.leftovers.len(), 1);
    assert!(
        root.join("stray.pdf").exists(),
        "orphans are reported, never deleted"
    );
    let e = s.store.proof_bytes(b.id).unwrap_err();
    assert!(e.to_string().contains("modifié"), "{e}");
}

#[test]
fn daily_backups_are_verified_taken_once_a_day_and_rotated() {
    let folder = Folder::new();
    let mut store = small(folder.open()).store;
    store.set_backup_keep(3).unwrap();
    assert!(store.set_backup_keep(0).is_err());
    let day = |d: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap()
    };
    assert!(store.daily_backup(day(1)).unwrap().is_some());
    assert!(store.daily_backup(day(1)).unwrap().is_none(), "once a day");
    for d in 2..=6 {
        store.daily_backup(day(d)).unwrap().unwrap();
    }
    let names: Vec<String> = store
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "tremplin-2026-11-04.sqlite",
            "tremplin-2026-11-05.sqlite",
            "tremplin-2026-11-06.sqlite"
        ]
    );
    let copy = folder.path().join(backup::BACKUPS_FOLDER).join(&sorted[2]);
    assert_eq!(
        backup::verify_database(&copy).unwrap(),
        tremplin::store::LATEST_VERSION
    );
    let reopened = Store::open(&copy).unwrap();
    assert_eq!(
        reopened
            .list_apprentices(&Default::default())
            .unwrap()
            .len(),
        3
    );
}

fn archived(folder: &Folder) -> (std::path::PathBuf, Vec<Proof>) {
    let mut s = small(folder.open());
    s.store
        .attach_proof(
            &input(RecordKind::Partner, s.partner),
            "a.pdf",
            &pdf("a"),
            now(),
        )
        .unwrap();
    s.store
        .attach_proof(
            &input(RecordKind::Apprentice, s.apprentices[1]),
            "p.png",
            PNG,
            now(),
        )
        .unwrap();
    let out = folder.path().join("archive.tar");
    let report = s.store.write_archive(&out, now()).unwrap();
    assert_eq!(report.proof_files, 2);
    (out, s.store.proofs(None).unwrap())
}

#[test]
fn an_archive_restores_the_database_and_the_proofs_and_keeps_the_previous_data() {
    let source = Folder::new();
    let (archive, proofs) = archived(&source);
    let target = Folder::new();
    {
        let mut other = target.open();
        other
            .save_partner(&PartnerInput {
                name: "Avant".into(),
                kind: "employer".into(),
                ..Default::default()
            })
            .unwrap();
    }
    let report = backup::restore_archive(target.path(), &archive, now()).unwrap();
    assert_eq!(report.proof_files, 2);
    let previous = report.previous_data.expect("the data before is kept");
    let kept = Store::open(&previous.path).unwrap();
    assert_eq!(kept.list_partners().unwrap()[0].partner.name, "Avant");
    let restored = target.open();
    assert_eq!(restored.proofs(None).unwrap(), proofs);
    assert!(
        restored.check().unwrap().is_healthy(),
        "{:?}",
        restored.check().unwrap()
    );
    assert!(!target.path().read_dir().unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".tmp")));
}

/// Rewrites an archive entry by entry, changing what `edit` says.
fn rewrite(
    archive: &std::path::Path,
    edit: impl Fn(&str, Vec<u8>) -> Option<(String, Vec<u8>)>,
) -> Vec<u8> {
    let mut reader = tar::Archive::new(std::fs::File::open(archive).unwrap());
    let mut out = tar::Builder::new(Vec::new());
    for entry in reader.entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if let Some((name, bytes)) = edit(&name, bytes) {
            // The name is written raw: the tar crate itself refuses `..`.
            let mut h = tar::Header::new_old();
            h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
            h.set_size(bytes.len() as u64);
            h.set_mode(0o644);
            h.set_entry_type(tar::EntryType::Regular);
            h.set_cksum();
            out.append(&h, bytes.as_slice()).unwrap();
        }
    }
    out.into_inner().unwrap()
}

#[test]
fn restore_refuses_every_damaged_or_foreign_archive_and_changes_nothing() {
    let source = Folder::new();
    let (archive, _) = archived(&source);
    let good = std::fs::read(&archive).unwrap();
    let foreign = {
        let path = source.path().join("other.sqlite");
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        drop(c);
        std::fs::read(path).unwrap()
    };
    let mut corpus: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("not a tar", b"bonjour".repeat(200)),
        ("truncated", good[..good.len() / 2].to_vec()),
        (
            "tampered proof",
            rewrite(&archive, |n, mut b| {
                if n.ends_with(".pdf") {
                    b.push(b'!');
                }
                Some((n.into(), b))
            }),
        ),
        (
            "proof left out",
            rewrite(&archive, |n, b| {
                (!n.ends_with(".png")).then(|| (n.into(), b))
            }),
        ),
        (
            "no manifest",
            rewrite(&archive, |n, b| {
                (n != "manifest.json").then(|| (n.into(), b))
            }),
        ),
        (
            "hostile name",
            rewrite(&archive, |n, b| {
                Some((
                    if n.ends_with(".pdf") {
                        "../../evil.pdf".into()
                    } else {
                        n.into()
                    },
                    b,
                ))
            }),
        ),
        (
            "flipped database byte",
            rewrite(&archive, |n, mut b| {
                if n == "tremplin.sqlite" {
                    b[200] ^= 0xFF;
                }
                Some((n.into(), b))
            }),
        ),
        (
            "another program's database",
            rewrite(&archive, |n, b| {
                Some((
                    n.into(),
                    if n == "tremplin.sqlite" {
                        foreign.clone()
                    } else {
                        b
                    },
                ))
            }),
        ),
    ];
    let target = Folder::new();
    drop(target.open());
    let before = std::fs::read(target.database()).unwrap();
    let count = corpus.len();
    for (what, bytes) in corpus.drain(..) {
        let path = target.path().join("bad.tar");
        std::fs::write(&path, &bytes).unwrap();
        let e = backup::restore_archive(target.path(), &path, now()).expect_err(what);
        assert!(
            matches!(e.code(), "invalid_archive" | "schema_too_new"),
            "{what}: {e} ({})",
            e.code()
        );
        assert!(e.to_string().contains("restaurée"), "{what}: {e}");
        assert_eq!(
            std::fs::read(target.database()).unwrap(),
            before,
            "{what}: nothing replaced"
        );
        assert!(!target.path().join("evil.pdf").exists());
        assert!(!source.path().parent().unwrap().join("evil.pdf").exists());
    }
    println!("restore corpus: {count} damaged archives, {count} refused");
}

#[test]
fn damaged_databases_are_refused_with_a_french_message() {
    let folder = Folder::new();
    drop(small(folder.open()).store);
    let good = std::fs::read(folder.database()).unwrap();
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated header", good[..50].to_vec()),
        ("truncated half", good[..good.len() / 2].to_vec()),
        ("zeros", vec![0; good.len()]),
        ("text", b"ceci n'est pas une base".repeat(100)),
    ];
    let mut header = good.clone();
    header[0] ^= 0x20;
    cases.push(("flipped magic", header));
    for page in [1usize, 2, 3, 5, 8] {
        let mut b = good.clone();
        let at = page * 4096;
        if at + 1 < b.len() {
            b[at] ^= 0xFF;
            b[at + 1] ^= 0xFF;
            cases.push(("flipped page header", b));
        }
    }
    let mut detected = 0;
    for (what, bytes) in &cases {
        let dir = Folder::new();
        std::fs::write(dir.database(), bytes).unwrap();
        match Store::open_in_dir(dir.path()) {
            Err(e) => {
                detected += 1;
                assert!(
                    matches!(e.code(), "corrupt" | "not_tremplin_database" | "storage"),
                    "{what}: {e}"
                );
                assert!(!e.to_string().is_empty());
            }
            Ok(store) => {
                let report = store.check().unwrap();
                assert!(!report.is_healthy(), "{what}: damage must be seen by check");
                detected += 1;
            }
        }
    }
    assert_eq!(detected, cases.len());
    println!(
        "damaged databases: {} cases, {detected} detected",
        cases.len()
    );
}

/// Runs the writer, kills it with SIGKILL after a random delay, then checks
/// the folder: integrity, foreign keys, every reported commit present, no
/// file under a final name that is not whole.
#[test]
fn sigkill_of_a_writer_never_loses_a_reported_commit_nor_leaves_half_a_file() {
    let kills: usize = std::env::var("TREMPLIN_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let folder = Folder::new();
    drop(folder.open());
    let mut seed = 0x5EED_u64;
    let mut rows_checked = 0usize;
    let mut committed_partners = Vec::new();
    let mut committed_proofs = Vec::new();
    let (mut checked_partners, mut checked_proofs) = (0, 0);
    for round in 0..kills {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = std::time::Duration::from_millis(5 + (seed >> 33) % 120);
        let mut child = Command::new(env!("CARGO_BIN_EXE_tremplin"))
            .arg("--data-dir")
            .arg(folder.path())
            .args(["write-loop", "--seed", &round.to_string()])
            .env_remove("TREMPLIN_DATA_DIR")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<_>>()
        });
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();
        for line in reader.join().unwrap() {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["partner", id] => committed_partners.push(Id(id.parse().unwrap())),
                ["proof", id, sha] => {
                    committed_proofs.push((Id(id.parse().unwrap()), sha.to_string()))
                }
                _ => {}
            }
        }
        let store = folder.open();
        let report = store.check().unwrap();
        assert_eq!(report.integrity, ["ok"], "kill {round}");
        assert_eq!(report.foreign_key_problems, 0, "kill {round}");
        assert!(
            report.proofs.missing.is_empty() && report.proofs.altered.is_empty(),
            "kill {round}: {:?}",
            report.proofs
        );
        // An orphan is a file written before its row: allowed after a kill.
        for id in &committed_partners[checked_partners..] {
            store.partner(*id).unwrap();
            rows_checked += 1;
        }
        checked_partners = committed_partners.len();
        for (id, sha) in &committed_proofs[checked_proofs..] {
            assert_eq!(&store.proof(*id).unwrap().file.sha256, sha);
            let (actual, _) = fsio::hash_file(&store.proof_path(*id).unwrap()).unwrap();
            assert_eq!(
                &actual, sha,
                "kill {round}: a final name holds the whole file"
            );
            rows_checked += 1;
        }
        checked_proofs = committed_proofs.len();
        for name in store.vault().unwrap().scan().unwrap().stored {
            let path = store.vault().unwrap().path(&name).unwrap();
            assert_eq!(
                fsio::hash_file(&path).unwrap().0,
                vault::hash_of(&name),
                "kill {round}: {name}"
            );
        }
    }
    println!(
        "kill loop: {kills} kills, {} partners and {} proofs reported committed, {rows_checked} row checks, 0 failures",
        committed_partners.len(),
        committed_proofs.len()
    );
    assert!(
        !committed_proofs.is_empty(),
        "the writer must have committed something"
    );
}

#[test]
fn a_full_disk_and_a_read_only_folder_give_a_french_error_and_keep_the_data() {
    // Needs root to mount a small tmpfs; elsewhere the size limit of a file
    // (RLIMIT_FSIZE through `ulimit -f`) plays the full disk.
    let mount = Folder::new();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(mount.path())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        println!(
            "full disk: tmpfs not mountable here (not root); checked through the CLI with ulimit"
        );
    }
    let dir = mount.path().join("data");
    let mut store = small(Store::open_in_dir(&dir).unwrap()).store;
    let partner = store.list_partners().unwrap()[0].partner.id;
    let big: Vec<u8> = std::iter::once(b"PK\x03\x04".to_vec())
        .chain(std::iter::repeat_n(vec![7u8; 1024], 4 * 1024))
        .flatten()
        .collect();
    if mounted {
        let e = store
            .attach_proof(
                &input(RecordKind::Partner, partner),
                "gros.docx",
                &big,
                now(),
            )
            .unwrap_err();
        assert!(matches!(e.code(), "io" | "storage"), "{e}");
        assert!(e.to_string().contains("disque est plein"), "{e}");
        assert!(
            store.proofs(None).unwrap().is_empty(),
            "no row without its file"
        );
        assert!(
            store.check().unwrap().proofs.orphans.is_empty(),
            "no half file left"
        );
        // Read-only: remount the same folder read-only.
        drop(store);
        let ro = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(mount.path())
            .status()
            .unwrap();
        assert!(ro.success());
        let result = Store::open_in_dir(&dir).and_then(|mut s| {
            s.attach_proof(
                &input(RecordKind::Partner, partner),
                "a.pdf",
                &pdf("a"),
                now(),
            )
        });
        let e = result.unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("lecture seule") || text.contains("ne peut pas être ouvert"),
            "{e}"
        );
        let _ = Command::new("umount").arg(mount.path()).status();
    } else {
        drop(store);
    }
}
