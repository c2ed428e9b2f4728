//! The database file: identity and version checks, transactions, deletions.

use rusqlite::Connection;
use tremplin::model::*;
use tremplin::store::{Entity, APPLICATION_ID, LATEST_VERSION};
use tremplin::{Error, Store};

use super::{action_input, small, Folder};

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_new_database_is_marked_as_ours_and_fully_migrated() {
    let folder = Folder::new();
    drop(folder.open());
    let conn = Connection::open(folder.database()).unwrap();
    let application_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        application_id, APPLICATION_ID,
        "our files must be recognisable"
    );
    assert_eq!(version, LATEST_VERSION);
    assert_eq!(journal, "wal", "WAL is persistent in the file");
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let folder = Folder::new();
    let mut store = folder.open();
    store
        .save_organisation(&OrganisationInput {
            name: "CFA du Lac".into(),
            ..Default::default()
        })
        .unwrap();
    drop(store);
    let store = folder.open();
    assert_eq!(store.organisation().unwrap().unwrap().name, "CFA du Lac");
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert!(
        !folder.path().join("tremplin.before-v2.sqlite").exists(),
        "no backup when nothing migrates"
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let folder = Folder::new();
    drop(folder.open());
    {
        let conn = Connection::open(folder.database()).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = file_bytes(&folder.database());
    let error = Store::open_in_dir(folder.path()).unwrap_err();
    assert!(
        matches!(error, Error::SchemaTooNew { found, supported } if found == LATEST_VERSION + 1 && supported == LATEST_VERSION)
    );
    assert_eq!(error.code(), "schema_too_new");
    assert!(
        error
            .to_string()
            .contains("version plus récente de Tremplin"),
        "{error}"
    );
    assert_eq!(
        file_bytes(&folder.database()),
        before,
        "a newer database must not be modified by an older app"
    );
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let folder = Folder::new();
    {
        let conn = Connection::open(folder.database()).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x');").unwrap();
    }
    let before = file_bytes(&folder.database());
    let error = Store::open_in_dir(folder.path()).unwrap_err();
    assert_eq!(error.code(), "not_tremplin_database");
    assert_eq!(file_bytes(&folder.database()), before);
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_damaged() {
    let folder = Folder::new();
    std::fs::write(
        folder.database(),
        b"Ceci n_est pas une base SQLite, juste du texte assez long pour un en-tete.",
    )
    .unwrap();
    let before = file_bytes(&folder.database());
    let error = Store::open_in_dir(folder.path()).unwrap_err();
    assert_eq!(error.code(), "corrupt", "{error}");
    assert_eq!(file_bytes(&folder.database()), before);
}

#[test]
fn an_older_database_is_backed_up_then_migrated() {
    // Simulate a version-0 database that already has our identity and a table
    // from an old build: opening must copy it aside before migrating.
    let folder = Folder::new();
    {
        let conn = Connection::open(folder.database()).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.execute_batch(
            "CREATE TABLE legacy_note (text TEXT); INSERT INTO legacy_note VALUES ('avant');",
        )
        .unwrap();
    }
    let store = folder.open();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let backup = folder.path().join("tremplin.before-v1.sqlite");
    let copy = Connection::open(&backup).expect("a backup is taken before migrating");
    let text: String = copy
        .query_row("SELECT text FROM legacy_note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(text, "avant");
}

#[test]
fn attendance_of_an_apprentice_outside_the_cohorts_writes_nothing() {
    let mut s = small(Store::open_in_memory().unwrap());
    let mut input = action_input(&s, &[(0, true, true)]);
    input.attendance.push(AttendanceMark {
        apprentice_id: Id(9999),
        present: true,
        signed: false,
    });
    let error = s.store.save_action(&input).unwrap_err();
    assert_eq!(error.field_errors()[0].field, "attendance");
    assert!(
        s.store
            .list_actions(&ActionFilter::default())
            .unwrap()
            .is_empty(),
        "the action must not be half-written"
    );
}

#[test]
fn every_invited_apprentice_gets_a_row_and_participation_is_present_over_invited() {
    let mut s = small(Store::open_in_memory().unwrap());
    let detail = s
        .store
        .save_action(&action_input(&s, &[(0, true, true), (2, true, false)]))
        .unwrap();
    assert_eq!(
        detail.attendance.len(),
        3,
        "three apprentices in the targeted promo"
    );
    assert_eq!(
        (
            detail.participation.numerator,
            detail.participation.denominator
        ),
        (2, 3)
    );
    assert_eq!(detail.participation.display, "66,7\u{202f}%");
    let sheet: Vec<(&str, bool, bool)> = detail
        .attendance
        .iter()
        .map(|r| (r.last_name.as_str(), r.present, r.signed))
        .collect();
    assert_eq!(
        sheet,
        [
            ("Diallo", true, false),
            ("Lefèvre", true, true),
            ("Nguyen", false, false)
        ]
    );
}

#[test]
fn updating_an_action_replaces_its_links_and_marks() {
    let mut s = small(Store::open_in_memory().unwrap());
    let first = s
        .store
        .save_action(&action_input(&s, &[(0, true, true)]))
        .unwrap();
    let mut input = action_input(&s, &[(1, true, true), (2, true, true)]);
    input.id = Some(first.action.id);
    input.co_organiser_ids.clear();
    let second = s.store.save_action(&input).unwrap();
    assert_eq!(second.participation.numerator, 2);
    assert!(second.action.co_organiser_ids.is_empty());
    assert_eq!(
        s.store
            .list_actions(&ActionFilter::default())
            .unwrap()
            .len(),
        1,
        "an update is not a new action"
    );
}

#[test]
fn partner_detail_shows_its_agreements_and_co_organised_actions() {
    let mut s = small(Store::open_in_memory().unwrap());
    s.store.save_action(&action_input(&s, &[])).unwrap();
    s.store
        .save_agreement(&AgreementInput {
            partner_id: Some(s.partner),
            title: "Convention 2025".into(),
            signed_on: "02/09/2025".into(),
            valid_until: "31/08/2028".into(),
            ..Default::default()
        })
        .unwrap();
    let detail = s.store.partner_detail(s.partner).unwrap();
    assert_eq!(detail.agreements.len(), 1);
    assert_eq!(detail.actions.len(), 1);
    let row = &s.store.list_partners().unwrap()[0];
    assert_eq!((row.agreement_count, row.co_organised_count), (1, 1));
}

#[test]
fn deleting_asks_what_goes_with_it_and_refuses_what_others_need() {
    let mut s = small(Store::open_in_memory().unwrap());
    let action = s
        .store
        .save_action(&action_input(&s, &[(0, true, true)]))
        .unwrap()
        .action
        .id;

    let impact = s.store.deletion_impact(Entity::Action, action).unwrap();
    assert!(impact.allowed);
    assert_eq!(
        impact.message,
        "Supprimer cette action et ses 3 émargements ?"
    );

    let impact = s.store.deletion_impact(Entity::Partner, s.partner).unwrap();
    assert!(
        !impact.allowed,
        "a partner named in an action is proof for the audit"
    );
    let error = s.store.delete(Entity::Partner, s.partner).unwrap_err();
    assert_eq!(error.code(), "conflict");

    let impact = s.store.deletion_impact(Entity::Cohort, s.cohort).unwrap();
    assert!(!impact.allowed);
    assert!(impact.message.contains("3 apprentis"), "{}", impact.message);

    s.store.delete(Entity::Action, action).unwrap();
    let remaining: i64 = s
        .store
        .conn()
        .query_row("SELECT count(*) FROM attendance", [], |r| r.get(0))
        .unwrap();
    assert_eq!(remaining, 0, "attendance goes with its action");
    s.store.delete(Entity::Partner, s.partner).unwrap();
    assert!(s.store.list_partners().unwrap().is_empty());
}

#[test]
fn an_unknown_referent_is_a_field_error_not_a_crash() {
    let mut s = small(Store::open_in_memory().unwrap());
    let error = s
        .store
        .save_apprentice(&ApprenticeInput {
            cohort_id: Some(s.cohort),
            first_name: "Jade".into(),
            last_name: "Roux".into(),
            referent_id: Some(Id(777)),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(error.field_errors()[0].field, "referentId");
}

#[test]
fn writes_from_two_connections_serialise_instead_of_failing() {
    // A second process (the CLI while the app is open) must wait, not corrupt.
    let folder = Folder::new();
    let mut first = folder.open();
    let mut second = folder.open();
    first
        .save_organisation(&OrganisationInput {
            name: "Un".into(),
            ..Default::default()
        })
        .unwrap();
    second
        .save_organisation(&OrganisationInput {
            name: "Deux".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(first.organisation().unwrap().unwrap().name, "Deux");
    assert!(first.check().unwrap().is_healthy());
}

#[test]
fn lists_sort_names_ignoring_accents_and_case() {
    let mut s = small(Store::open_in_memory().unwrap());
    for (first, last) in [("Aurélien", "André"), ("aïcha", "André"), ("Zoé", "élise")] {
        s.store
            .save_apprentice(&ApprenticeInput {
                cohort_id: Some(s.cohort),
                first_name: first.into(),
                last_name: last.into(),
                ..Default::default()
            })
            .unwrap();
    }
    let names: Vec<String> = s
        .store
        .list_apprentices(&ApprenticeFilter::default())
        .unwrap()
        .iter()
        .map(|a| format!("{} {}", a.apprentice.last_name, a.apprentice.first_name))
        .collect();
    assert_eq!(
        names,
        [
            "André aïcha",
            "André Aurélien",
            "Diallo Camille",
            "élise Zoé",
            "Lefèvre Camille",
            "Nguyen Camille"
        ],
        "« Aïcha » before « Aurélien », « élise » among the E"
    );
}
