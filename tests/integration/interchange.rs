//! Data in and out, on files the tests write themselves: spreadsheets of
//! apprentices and questionnaires (encodings, separators, quotes, refused
//! lines by their line number), InserJeunes, the registers as CSV and XLSX,
//! and the whole dataset as JSON (byte-identical round trip on the demo).

use chrono::NaiveDate;
use tremplin::interchange::registers::{self, SheetFormat};
use tremplin::model::*;
use tremplin::Store;

use super::cli::tremplin;
use super::Folder;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 12, 1);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

/// A CFA with one filière (with its CFD) and one promo, and one apprentice
/// already known.
fn cfa() -> (Store, Id, Id) {
    let mut store = Store::open_in_memory().unwrap();
    let programme = store
        .save_programme(&ProgrammeInput {
            code: "BTS MCO".into(),
            name: "BTS Management commercial opérationnel".into(),
            diploma_code: "32031213".into(),
            level: "5".into(),
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
    store
        .save_apprentice(&ApprenticeInput {
            cohort_id: Some(cohort.id),
            first_name: "Karim".into(),
            last_name: "Benali".into(),
            birth_date: "05/05/2005".into(),
            ..Default::default()
        })
        .unwrap();
    (store, programme.id, cohort.id)
}

/// Windows-1252 bytes of a text (every character the test uses has one).
fn cp1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

const HEADER: &str = "Nom;Prénom;Né(e) le;Courriel;Portable;Code formation;Groupe;Entreprise;SIRET;Date début de contrat;Date fin de contrat;Couleur préférée;Nom\r\n";

/// The management software's export: one line per trap.
fn apprentices_file() -> Vec<u8> {
    let lines = [
        // 2: fine, created.
        "Lefèvre;Amélie;14/03/2005;amelie.lefevre@mail.fr;0612345678;32031213;Promo 2025-2027;Boulangerie Dupré;73282932000074;01/09/2025;31/08/2027;bleu;X",
        // 3: two-digit year, quotes holding the separator and quotes.
        "Dupont;Jean-Éric;2/9/04;jean.dupont@mail.fr;;32031213;Promo 2025-2027;\"Garage \"\"Le Relais\"\" ; Sud\";;01/09/2025;31/08/2027;;",
        // 4-5: a line break inside quotes: the next record starts on line 6.
        "Nguyen;Linh;38353;linh.nguyen@mail.fr;;32031213;Promo 2025-2027;\"Atelier\nNord\";;2025-09-01;2027-08-31;;",
        // 6: impossible date.
        "Martin;Zoé;31/02/2005;zoe.martin@mail.fr;;32031213;Promo 2025-2027;;;01/09/2025;31/08/2027;;",
        // 7: bad e-mail.
        "Petit;Hugo;01/01/2005;hugo@;;32031213;Promo 2025-2027;;;01/09/2025;31/08/2027;;",
        // 8: a 13-digit SIRET.
        "Roux;Léa;02/02/2005;lea.roux@mail.fr;;32031213;Promo 2025-2027;Pharmacie;7328293200007;01/09/2025;31/08/2027;;",
        // 9: a promo that exists nowhere.
        "Faure;Inès;03/03/2005;ines.faure@mail.fr;;32031213;Promo 2030;;;01/09/2026;31/08/2028;;",
        // 10: truncated.
        "Garnier;Paul;04/04/2005",
        // 11: already known (same name and birth date): updated.
        "BENALI;Karim;05/05/2005;karim.benali@mail.fr;;32031213;Promo 2025-2027;Carrefour;;01/09/2025;31/08/2027;;",
        // 12: the same person as line 2 (same e-mail).
        "Lefèvre;Amélie;14/03/2005;amelie.lefevre@mail.fr;;32031213;Promo 2025-2027;;;01/09/2025;31/08/2027;;",
    ];
    cp1252(&format!("{HEADER}{}\r\n", lines.join("\r\n")))
}

fn no_progress() -> impl FnMut(usize, usize) {
    |_, _| {}
}

#[test]
fn apprentices_from_a_windows_1252_file_with_every_trap() {
    let (mut store, _, cohort) = cfa();
    let bytes = apprentices_file();
    let options = ImportOptions::default();
    let preview = store
        .preview_import(
            ImportKind::Apprentices,
            "export.csv",
            &bytes,
            &options,
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!(preview.format, "CSV, Windows-1252, séparateur « ; »");
    assert_eq!(preview.lines, 10, "ten records, one of them on two lines");
    let fields: Vec<Option<&str>> = preview.columns.iter().map(|c| c.field.as_deref()).collect();
    assert_eq!(
        fields[2],
        Some("birthDate"),
        "« Né(e) le » is the birth date"
    );
    assert_eq!(fields[11], None, "an unknown column is ignored");
    assert!(preview.columns[11].note.contains("non reconnu"));
    assert_eq!(fields[12], None, "a duplicate column is ignored");
    assert!(
        preview.columns[12].note.contains("colonne 1"),
        "{}",
        preview.columns[12].note
    );

    let refused: Vec<(usize, &str)> = preview
        .refused
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    let lines: Vec<usize> = refused.iter().map(|r| r.0).collect();
    assert_eq!(lines, [6, 7, 8, 9, 10, 12], "{refused:#?}");
    let reason = |line: usize| refused.iter().find(|r| r.0 == line).unwrap().1;
    assert!(
        reason(6).starts_with("Date de naissance") && reason(6).contains("n’existe pas"),
        "{}",
        reason(6)
    );
    assert!(reason(7).starts_with("E-mail"), "{}", reason(7));
    assert!(reason(8).contains("14 chiffres"), "{}", reason(8));
    assert!(reason(9).contains("Promo 2030"), "{}", reason(9));
    assert!(reason(10).contains("Ligne incomplète"), "{}", reason(10));
    assert!(reason(12).contains("ligne 2"), "{}", reason(12));
    // Line numbers: the header is 1, the first record 2… and the record after
    // the quoted line break starts on line 6.
    let valid: Vec<(usize, LineAction)> =
        preview.valid.iter().map(|l| (l.line, l.action)).collect();
    assert_eq!(
        valid,
        [
            (2, LineAction::Create),
            (3, LineAction::Create),
            (4, LineAction::Create),
            (11, LineAction::Update)
        ],
        "{:#?}",
        preview.valid
    );
    assert_eq!((preview.created, preview.updated), (3, 1));
    assert_eq!(preview.missing.len(), 1);
    assert_eq!(preview.missing[0].label, "Promo 2030");
    assert_eq!(preview.missing[0].start_date, Some(day(2026, 9, 1)));
    // Nothing was written by the preview.
    assert_eq!(
        store.list_apprentices(&Default::default()).unwrap().len(),
        1
    );

    // Imported with the missing promo created.
    let options = ImportOptions {
        create_missing: true,
        ..Default::default()
    };
    let done = store
        .apply_import(
            ImportKind::Apprentices,
            "export.csv",
            &bytes,
            &options,
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert!(done.applied);
    assert_eq!((done.created, done.updated, done.refused.len()), (4, 1, 5));
    let rows = store.list_apprentices(&Default::default()).unwrap();
    assert_eq!(rows.len(), 5);
    let find = |last: &str| {
        rows.iter()
            .find(|r| r.apprentice.last_name == last)
            .unwrap()
    };
    let dupont = find("Dupont");
    assert_eq!(dupont.apprentice.birth_date, Some(day(2004, 9, 2)));
    assert_eq!(
        dupont.apprentice.employer.as_deref(),
        Some("Garage \"Le Relais\" ; Sud")
    );
    assert_eq!(
        find("Nguyen").apprentice.employer.as_deref(),
        Some("Atelier Nord"),
        "the quoted line break read, then folded by the employer field"
    );
    assert_eq!(
        find("Nguyen").apprentice.birth_date,
        Some(day(2005, 1, 1)),
        "an Excel day number"
    );
    assert_eq!(
        find("Lefèvre").apprentice.employer_siret.as_deref(),
        Some("73282932000074")
    );
    assert_eq!(
        find("Lefèvre").apprentice.phone.as_deref(),
        Some("06 12 34 56 78")
    );
    assert_eq!(find("Faure").cohort_label, "Promo 2030");
    let benali = find("Benali");
    assert_eq!(
        benali.apprentice.employer.as_deref(),
        Some("Carrefour"),
        "updated"
    );
    assert_eq!(benali.apprentice.cohort_id, cohort);

    // Again: every valid line is now an update, nobody is duplicated.
    let again = store
        .apply_import(
            ImportKind::Apprentices,
            "export.csv",
            &bytes,
            &options,
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!((again.created, again.updated), (0, 5));
    assert_eq!(
        store.list_apprentices(&Default::default()).unwrap().len(),
        5
    );
}

#[test]
fn unknown_promos_go_to_a_chosen_promo_or_the_mapping_is_corrected() {
    let (mut store, _, cohort) = cfa();
    let bytes = apprentices_file();
    let options = ImportOptions {
        cohort_id: Some(cohort),
        ..Default::default()
    };
    let preview = store
        .preview_import(
            ImportKind::Apprentices,
            "export.csv",
            &bytes,
            &options,
            today(),
            &mut no_progress(),
        )
        .unwrap();
    let faure = preview
        .valid
        .iter()
        .find(|l| l.label.starts_with("FAURE"))
        .unwrap();
    assert_eq!(faure.detail, "BTS MCO — Promo 2025-2027");

    // The person corrects the mapping and leaves out the first names: a
    // required field no column fills refuses every line, and says which.
    let mut mapping: Vec<String> = preview
        .columns
        .iter()
        .map(|c| c.field.clone().unwrap_or_default())
        .collect();
    mapping[1] = String::new();
    let options = ImportOptions {
        mapping: Some(mapping),
        cohort_id: Some(cohort),
        ..Default::default()
    };
    let preview = store
        .preview_import(
            ImportKind::Apprentices,
            "export.csv",
            &bytes,
            &options,
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!(preview.missing_fields, ["Prénom"]);
    assert!(preview.valid.is_empty());
    assert_eq!(
        preview.refused.len(),
        10,
        "every line, each with the reason"
    );
    assert!(preview.refused[0].reason.contains("Prénom"));
}

#[test]
fn an_xlsx_register_reads_back_as_an_import() {
    let (store, _, _) = cfa();
    let mut store = store;
    let bytes = apprentices_file();
    store
        .apply_import(
            ImportKind::Apprentices,
            "export.csv",
            &bytes,
            &ImportOptions::default(),
            today(),
            &mut no_progress(),
        )
        .unwrap();
    let table = store.register(Register::Apprentices).unwrap();
    let xlsx = registers::to_xlsx(&table).unwrap();

    let mut fresh = Store::open_in_memory().unwrap();
    let preview = fresh
        .apply_import(
            ImportKind::Apprentices,
            "Apprentis.xlsx",
            &xlsx,
            &ImportOptions {
                create_missing: true,
                ..Default::default()
            },
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert!(preview.format.starts_with("classeur"), "{}", preview.format);
    assert!(preview.refused.is_empty(), "{:#?}", preview.refused);
    assert_eq!(preview.created, table.rows.len());
    let before = store.register(Register::Apprentices).unwrap();
    let after = fresh.register(Register::Apprentices).unwrap();
    assert_eq!(
        before.rows, after.rows,
        "every cell of the register came back: dates, SIRET, phone, promo"
    );
}

#[test]
fn questionnaires_from_an_online_form_with_the_situations_mapped() {
    let (mut store, _, cohort) = cfa();
    let leavers = "Nom,Prénom,Date de naissance,E-mail,Groupe,Date de sortie,Motif de sortie\n\
        Lefèvre,Amélie,14/03/2005,amelie@mail.fr,Promo 2025-2027,30/06/2025,Diplômée\n\
        Dupont,Jean,02/09/2004,jean@mail.fr,Promo 2025-2027,30/06/2025,Diplômé\n\
        Nguyen,Linh,01/01/2005,linh@mail.fr,Promo 2025-2027,30/06/2025,Sans diplôme\n\
        Roux,Léa,02/02/2005,lea@mail.fr,Promo 2025-2027,30/06/2025,Rupture\n";
    let done = store
        .apply_import(
            ImportKind::Apprentices,
            "sortants.csv",
            leavers.as_bytes(),
            &ImportOptions::default(),
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert!(done.refused.is_empty(), "{:#?}", done.refused);
    let _ = cohort;

    let form = "\u{feff}Horodateur,Adresse e-mail,Nom,Prénom,Échéance,Quelle est votre situation ?,Dans le métier visé,Commentaire\n\
        2026/01/05 10:12:00,amelie@mail.fr,Lefèvre,Amélie,6 mois,En CDI,Oui,\"Vendeuse, puis adjointe\"\n\
        2026/01/06 09:00:00,jean@mail.fr,Dupont,Jean,6 mois,En recherche d'emploi,Non,\n\
        2026/01/07 18:30:00,linh@mail.fr,Nguyen,Linh,6 mois,Licorne,Non,\n\
        2026/01/08 08:00:00,lea@mail.fr,Roux,Léa,6 mois,Je poursuis mes études,Non,\n\
        2026/01/09 08:00:00,nobody@mail.fr,Inconnu,Paul,6 mois,En CDI,Oui,\n\
        2026/01/10 08:00:00,jean@mail.fr,Dupont,Jean,6 mois,En CDI,Oui,\n";
    let preview = store
        .preview_import(
            ImportKind::Surveys,
            "reponses.csv",
            form.as_bytes(),
            &ImportOptions::default(),
            today(),
            &mut no_progress(),
        )
        .unwrap();
    let situations: Vec<(&str, &str)> = preview
        .situations
        .iter()
        .map(|v| (v.value.as_str(), v.code.as_str()))
        .collect();
    assert!(situations.contains(&("En CDI", "employed")));
    assert!(
        situations.contains(&("Licorne", "")),
        "an unknown answer is shown unmapped"
    );
    let refused: Vec<(usize, &str)> = preview
        .refused
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(
        refused.iter().map(|r| r.0).collect::<Vec<_>>(),
        [4, 5, 6, 7],
        "{refused:#?}"
    );
    assert!(refused[0].1.contains("Licorne"));
    assert!(
        refused[1].1.contains("Type de formation"),
        "{}",
        refused[1].1
    );
    assert!(
        refused[2].1.contains("importez d’abord"),
        "{}",
        refused[2].1
    );
    assert!(refused[3].1.contains("ligne 3"), "{}", refused[3].1);
    assert_eq!(preview.created, 2);

    // The person maps « Licorne » to « inactive »; imported.
    let options = ImportOptions {
        situations: vec![ValueChoice {
            value: "Licorne".into(),
            code: "inactive".into(),
            lines: 0,
        }],
        ..Default::default()
    };
    let done = store
        .apply_import(
            ImportKind::Surveys,
            "reponses.csv",
            form.as_bytes(),
            &options,
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!(done.created, 3);
    let amelie = store
        .list_apprentices(&Default::default())
        .unwrap()
        .into_iter()
        .find(|r| r.apprentice.first_name == "Amélie")
        .unwrap();
    let surveys = store.exit_surveys_of(amelie.apprentice.id).unwrap();
    assert_eq!(surveys.len(), 1);
    let s = &surveys[0];
    assert_eq!(
        (s.timepoint, s.situation),
        (Timepoint::Month6, Situation::Employed)
    );
    assert_eq!(
        s.contract,
        Some(EmploymentContract::Cdi),
        "the contract read from « En CDI »"
    );
    assert!(s.in_target_job);
    assert_eq!(s.method, SurveyMethod::Form, "a form's export");
    assert_eq!(s.surveyed_on, day(2026, 1, 5));
    assert_eq!(s.comment.as_deref(), Some("Vendeuse, puis adjointe"));
}

#[test]
fn inserjeunes_beside_tremplin_with_the_differences_said() {
    let (mut store, _, _) = cfa();
    store
        .save_organisation(&OrganisationInput {
            name: "CFA du Val".into(),
            uai: "0451234A".into(),
            ..Default::default()
        })
        .unwrap();
    let file = "Année;UAI;Libellé;Région;Code formation diplôme;Taux poursuite études;Taux emploi 6 mois;Taux emploi 6 mois attendu;VA emploi 6 mois;Taux emploi 12 mois\n\
        2024;0451234A;BTS Management commercial opérationnel;Centre-Val de Loire;32031213;18.5;71.2;68.0;3.2;\n\
        2023;0451234A;BTS Management commercial opérationnel;Centre-Val de Loire;32031213;20;65;66.5;-1.5;74.1\n\
        2024;0759999Z;Autre CFA;Île-de-France;32031213;10;90;80;10;90\n\
        2024;0451234A;CAP Boulanger;Centre-Val de Loire;50022105;;;;;\n\
        deux mille;0451234A;X;Y;32031213;1;1;1;1;1\n";
    let report = store
        .import_inserjeunes("inserjeunes.csv", file.as_bytes(), today())
        .unwrap();
    assert_eq!(report.lines, 5);
    assert_eq!(report.other_uai, 1, "another CFA's line is left out");
    assert_eq!(report.unmatched_diplomas, ["50022105"]);
    assert_eq!(report.refused.len(), 1);
    assert_eq!(report.refused[0].line, 6);

    let list = store.inserjeunes_comparison(None, today()).unwrap();
    assert_eq!(list.len(), 2, "one per filière and year: {list:#?}");
    let latest = &list[0];
    assert_eq!(
        latest.school_year, "2023-2024",
        "« 2024 » is the year its leavers left"
    );
    let labels: Vec<&str> = latest.figures.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels[0], "Taux de poursuite d’études");
    let employment12 = latest
        .figures
        .iter()
        .find(|f| f.label == "Taux d’emploi à 12 mois")
        .unwrap();
    assert_eq!(employment12.official, None);
    assert_eq!(employment12.official_text, "non publié");
    assert!(
        employment12.ours_text.contains("non calculable"),
        "{}",
        employment12.ours_text
    );
    let six = latest
        .figures
        .iter()
        .find(|f| f.label == "Taux d’emploi à 6 mois")
        .unwrap();
    assert_eq!(six.official_text, "71,2\u{a0}%");
    assert!(six.definition.contains("déclarations sociales"));
    let notes = latest.notes.join("\n");
    for expected in ["deux années", "moins de 20", "2023-2024", "inscriptions"] {
        assert!(notes.contains(expected), "{expected}: {notes}");
    }
    // Imported again: replaced, not doubled.
    store
        .import_inserjeunes("inserjeunes.csv", file.as_bytes(), today())
        .unwrap();
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM inserjeunes_figure", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 15);
}

#[test]
fn every_register_opens_in_a_french_spreadsheet() {
    let mut store = Store::open_in_memory().unwrap();
    tremplin::demo::create(&mut store, &Default::default()).unwrap();
    let folder = Folder::new();
    for register in Register::ALL {
        let table = store.register(*register).unwrap();
        assert!(
            !table.rows.is_empty(),
            "the demo fills the register {}",
            register.code()
        );
        let csv_path = folder.path().join(format!("{}.csv", register.code()));
        registers::write(&table, SheetFormat::Csv, &csv_path).unwrap();
        let bytes = std::fs::read(&csv_path).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
        let text = String::from_utf8(bytes).unwrap();
        let header = text.lines().next().unwrap().trim_start_matches('\u{feff}');
        assert_eq!(header.split(';').count(), table.columns.len(), "{header}");
        let xlsx_path = folder.path().join(format!("{}.xlsx", register.code()));
        registers::write(&table, SheetFormat::Xlsx, &xlsx_path).unwrap();
        let sheet =
            tremplin::interchange::sheet::read("r.xlsx", &std::fs::read(&xlsx_path).unwrap())
                .unwrap();
        let headers: Vec<&str> = table.columns.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(sheet.headers, headers);
        assert_eq!(sheet.rows.len(), table.rows.len());
        // The header row is frozen.
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(&xlsx_path).unwrap())).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(
            xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""),
            "frozen header"
        );
    }
    // The actions register: dates jj/mm/aaaa, the rate with a decimal comma.
    let table = store.register(Register::Actions).unwrap();
    let csv = String::from_utf8(registers::to_csv(&table).unwrap()).unwrap();
    let line = csv.lines().nth(1).unwrap();
    let cells: Vec<&str> = line.split(';').collect();
    assert!(
        cells[0].len() == 10 && cells[0].as_bytes()[2] == b'/',
        "{line}"
    );
    assert!(
        csv.lines()
            .skip(1)
            .any(|l| l.split(';').nth(13).is_some_and(|c| c.contains(','))),
        "decimal comma"
    );
}

#[test]
fn the_whole_dataset_round_trips_byte_for_byte() {
    let source = Folder::new();
    let mut store = source.open();
    tremplin::demo::create(&mut store, &Default::default()).unwrap();
    let first = store.export_data().unwrap();

    let target = Folder::new();
    let mut copy = target.open();
    let written = copy.import_data(&first).unwrap();
    assert!(written > 10_000, "{written}");
    let second = copy.export_data().unwrap();
    assert!(
        first == second,
        "export → import → export gives the same bytes"
    );
    // Every table of the schema is in the format (or belongs to the schema).
    let tables: Vec<String> = store
        .conn()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in tables {
        assert!(
            tremplin::store::DATASET_TABLES.contains(&table.as_str())
                || tremplin::store::SCHEMA_TABLES.contains(&table.as_str()),
            "the table {table} is missing from the interchange format"
        );
    }
    // A second import is refused: the database is no longer empty.
    let error = copy.import_data(&first).unwrap_err();
    assert!(error.to_string().contains("pas vide"), "{error}");

    // A bad file is refused whole, with the path of its first bad field.
    let text = String::from_utf8(first).unwrap();
    let cases = [
        (
            text.replacen("\"birth_date\": \"", "\"birth_date\": \"31/02/", 1),
            "$.tables.apprentice[0].birth_date",
        ),
        (
            text.replacen(
                "\"first_name\": ",
                "\"colour\": \"bleu\", \"first_name\": ",
                1,
            ),
            "$.tables.staff[0].colour",
        ),
        (
            text.replacen("\"cohort_id\": ", "\"cohort_id\": 9999", 1),
            "$.tables.apprentice[0].cohort_id",
        ),
        (
            text.replacen("\"version\": 1", "\"version\": 7", 1),
            "$.version",
        ),
        (
            text.replacen("\"indicator14\": 1", "\"indicator14\": \"oui\"", 1),
            "$.tables.action[0].indicator14",
        ),
    ];
    for (bad, path) in cases {
        let empty = Folder::new();
        let mut store = empty.open();
        let error = store.import_data(bad.as_bytes()).unwrap_err();
        assert!(error.to_string().contains(path), "{path}: {error}");
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM apprentice", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "nothing written");
    }
}

#[test]
fn the_command_line_prints_the_same_preview_and_works_on_an_empty_database() {
    let folder = Folder::new();
    let file = folder.path().join("export.csv");
    std::fs::write(&file, apprentices_file()).unwrap();
    let file = file.to_str().unwrap();
    let dry = tremplin(
        &folder,
        &[
            "import",
            "apprentices",
            file,
            "--dry-run",
            "--as-of",
            "2026-12-01",
            "--format",
            "json",
        ],
    );
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let preview: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!(preview["applied"], false);
    assert_eq!(
        preview["created"], 0,
        "an empty database: no promo to put them in"
    );
    let refused = preview["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 10);
    assert_eq!(refused[0]["line"], 2);
    assert!(refused[0]["reason"].as_str().unwrap().contains("32031213"));

    let done = tremplin(
        &folder,
        &[
            "import",
            "apprentices",
            file,
            "--create-missing",
            "--as-of",
            "2026-12-01",
        ],
    );
    let out = String::from_utf8_lossy(&done.stdout);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        out.contains("5 créé(s), 0 mis à jour, 5 ligne(s) refusée(s)."),
        "{out}"
    );
    assert!(out.contains("ligne 6 : Date de naissance"), "{out}");
    // The same counts in the store the window uses.
    let mut store = folder.open();
    let preview = store
        .preview_import(
            ImportKind::Apprentices,
            "export.csv",
            &apprentices_file(),
            &ImportOptions::default(),
            today(),
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!(
        (preview.created, preview.updated, preview.refused.len()),
        (0, 5, 5)
    );
    drop(store);

    // Registers and the dataset from the command line.
    let xlsx = folder.path().join("apprentis.xlsx");
    let out = tremplin(
        &folder,
        &[
            "export-register",
            "apprentices",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 ligne(s)"));
    let bad = tremplin(
        &folder,
        &[
            "export-register",
            "licornes",
            "--format",
            "csv",
            "--out",
            "x.csv",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("n’est pas un registre"));
    let json = folder.path().join("donnees.json");
    assert!(
        tremplin(&folder, &["export-data", "--out", json.to_str().unwrap()])
            .status
            .success()
    );
    let other = Folder::new();
    let out = tremplin(
        &other,
        &["import-data", json.to_str().unwrap(), "--format", "json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["records"].as_u64().unwrap() > 5);
}
