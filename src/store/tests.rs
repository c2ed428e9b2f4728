//! Storage unit tests: the schema as migrations leave it, and the rules that
//! need the database.

use expect_test::expect_file;

use super::*;
use crate::model::*;

#[test]
fn migrations_produce_the_snapshotted_schema() {
    let store = Store::open_in_memory().unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type DESC, name")
        .unwrap();
    let schema: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // Update with UPDATE_EXPECT=1 after a deliberate schema change (and a new migration).
    expect_file!["schema.snapshot.sql"].assert_eq(&(schema.join(";\n\n") + ";\n"));
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn duplicate_programme_code_is_a_field_error() {
    let mut store = Store::open_in_memory().unwrap();
    let input = ProgrammeInput {
        code: "BTS MCO".into(),
        name: "BTS MCO".into(),
        ..Default::default()
    };
    store.save_programme(&input).unwrap();
    let error = store
        .save_programme(&ProgrammeInput {
            code: "bts mco".into(),
            ..input
        })
        .expect_err("codes are unique, whatever the case");
    assert_eq!(error.code(), "validation");
    assert_eq!(error.field_errors()[0].field, "code");
    assert_eq!(
        store.list_programmes().unwrap().len(),
        1,
        "nothing was written"
    );
}

#[test]
fn missing_record_is_not_found() {
    let store = Store::open_in_memory().unwrap();
    let error = store.action(Id(42)).unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(
        error.to_string(),
        "Action introuvable (n° 42) : il a peut-être été supprimé entre-temps."
    );
}
