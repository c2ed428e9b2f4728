//! Integration tests of the core and the command line, on real SQLite files and
//! real PDFs in temporary folders. One binary, one module per area; assertion messages say
//! why the expectation matters.

// Test helpers may unwrap: a panic with its message is the failure report.
#![allow(clippy::unwrap_used)]

mod cli;
mod demo;
mod dispositif;
mod document;
mod indicator14;
mod indicator29;
mod interchange;
mod personal;
mod proofs;
mod store;
mod support;

use std::path::{Path, PathBuf};

use tremplin::model::*;
use tremplin::Store;

/// A fresh data folder, removed when dropped.
#[derive(Default)]
pub struct Folder(Temp);

/// A temporary directory created on demand.
pub struct Temp(tempfile::TempDir);

impl Default for Temp {
    fn default() -> Self {
        Temp(tempfile::tempdir().unwrap())
    }
}

impl Folder {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn path(&self) -> &Path {
        self.0 .0.path()
    }
    pub fn database(&self) -> PathBuf {
        self.path().join(tremplin::store::DATABASE_FILE)
    }
    pub fn open(&self) -> Store {
        Store::open_in_dir(self.path()).unwrap()
    }
}

/// A small CFA: one filière, one promo of three apprentices, one partner.
pub struct Small {
    pub store: Store,
    pub cohort: Id,
    pub apprentices: Vec<Id>,
    pub partner: Id,
    pub staff: Id,
}

pub fn small(store: Store) -> Small {
    let mut store = store;
    let programme = store
        .save_programme(&ProgrammeInput {
            code: "CAP AEPE".into(),
            name: "CAP Accompagnant éducatif petite enfance".into(),
            ..Default::default()
        })
        .unwrap();
    let cohort = store
        .save_cohort(&CohortInput {
            programme_id: Some(programme.id),
            label: "Promo 2025-2027".into(),
            start_date: "01/09/2025".into(),
            end_date: "30/06/2027".into(),
            ..Default::default()
        })
        .unwrap();
    let staff = store
        .save_staff(&StaffInput {
            first_name: "Inès".into(),
            last_name: "Moreau".into(),
            role: "referent".into(),
            ..Default::default()
        })
        .unwrap();
    let apprentices = ["Lefèvre", "Nguyen", "Diallo"]
        .iter()
        .map(|name| {
            store
                .save_apprentice(&ApprenticeInput {
                    cohort_id: Some(cohort.id),
                    first_name: "Camille".into(),
                    last_name: name.to_string(),
                    referent_id: Some(staff.id),
                    ..Default::default()
                })
                .unwrap()
                .id
        })
        .collect();
    let partner = store
        .save_partner(&PartnerInput {
            name: "Mission locale d’Orléans".into(),
            kind: "mission_locale".into(),
            ..Default::default()
        })
        .unwrap();
    Small {
        store,
        cohort: cohort.id,
        apprentices,
        partner: partner.id,
        staff: staff.id,
    }
}

/// An action input for the small CFA with the given marks.
pub fn action_input(small: &Small, marks: &[(usize, bool, bool)]) -> ActionInput {
    ActionInput {
        kind: "cv_workshop".into(),
        title: "Atelier CV".into(),
        start_date: "14/10/2025".into(),
        indicator14: true,
        indicator29: true,
        cohort_ids: vec![small.cohort],
        speaker_staff_ids: vec![small.staff],
        co_organiser_ids: vec![small.partner],
        attendance: marks
            .iter()
            .map(|&(i, present, signed)| AttendanceMark {
                apprentice_id: small.apprentices[i],
                present,
                signed,
            })
            .collect(),
        ..Default::default()
    }
}

/// Runs a tool the tests rely on (pdftotext, qpdf…) and returns its output.
pub fn run(program: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
