//! Imports of apprentices and exit questionnaires from a spreadsheet.
//!
//! The preview *is* the import, rolled back: every line is written in the
//! transaction, each under its own savepoint, through the same validation
//! and writer methods as the forms; a line the core refuses is undone alone
//! and reported with its line number. `preview_import` then rolls the whole
//! transaction back, `apply_import` commits it when the person imports the
//! valid lines — so the counts the window and the command line show are
//! exactly what is written.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::{Store, Writer};
use crate::error::{Error, Result};
use crate::interchange::columns::{self, normalise, Columns};
use crate::interchange::sheet::{self, Sheet};
use crate::model::{
    ApprenticeInput, ApprenticeStatus, CohortInput, ExitSurveyInput, Id, ImportKind, ImportOptions,
    ImportPreview, LineAction, MissingGroup, PreviewLine, ProgrammeInput, RefusedLine, Situation,
    ValueChoice,
};
use crate::validate;

/// Called as lines are planned: (lines done, lines in all).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

impl Store {
    /// What importing `bytes` (a file named `name`) would do; nothing is kept.
    pub fn preview_import(
        &mut self,
        kind: ImportKind,
        name: &str,
        bytes: &[u8],
        options: &ImportOptions,
        today: NaiveDate,
        progress: Progress<'_>,
    ) -> Result<ImportPreview> {
        let sheet = sheet::read(name, bytes)?;
        self.trial(|w| run(w, kind, name, &sheet, options, today, progress))
    }

    /// Imports the valid lines of the file in one transaction and returns
    /// the preview of what was written. Refused lines are left out, as the
    /// preview said; nothing is written when every line is refused.
    pub fn apply_import(
        &mut self,
        kind: ImportKind,
        name: &str,
        bytes: &[u8],
        options: &ImportOptions,
        today: NaiveDate,
        progress: Progress<'_>,
    ) -> Result<ImportPreview> {
        let sheet = sheet::read(name, bytes)?;
        let mut preview = self.batch(|w| {
            let preview = run(w, kind, name, &sheet, options, today, progress)?;
            if preview.valid.is_empty() {
                return Err(validate::field_error(
                    "file",
                    "Aucune ligne valide à importer : corrigez le fichier ou la correspondance des colonnes.",
                ));
            }
            Ok(preview)
        })?;
        preview.applied = true;
        Ok(preview)
    }
}

fn run(
    w: &Writer<'_>,
    kind: ImportKind,
    name: &str,
    sheet: &Sheet,
    options: &ImportOptions,
    today: NaiveDate,
    progress: Progress<'_>,
) -> Result<ImportPreview> {
    let columns = columns::map_columns(kind, sheet, options.mapping.as_deref());
    let cols = Columns::new(&columns);
    let missing_fields: Vec<String> = columns::specs(kind)
        .iter()
        .filter(|s| s.required && !cols.has(s.code))
        .map(|s| s.label.to_string())
        .collect();
    let mut preview = ImportPreview {
        kind,
        file_name: name.to_string(),
        format: sheet.format.clone(),
        lines: sheet.rows.len(),
        columns,
        fields: columns::fields(kind),
        missing_fields: missing_fields.clone(),
        situations: Vec::new(),
        missing: Vec::new(),
        created: 0,
        updated: 0,
        valid: Vec::new(),
        refused: Vec::new(),
        applied: false,
    };
    if !missing_fields.is_empty() {
        let reason = format!(
            "Aucune colonne ne donne : {}. Choisissez la colonne de chaque champ obligatoire.",
            missing_fields.join(", ")
        );
        preview.refused = sheet
            .rows
            .iter()
            .map(|r| RefusedLine {
                line: r.line,
                reason: reason.clone(),
            })
            .collect();
        return Ok(preview);
    }
    let mut lines = Lines {
        w,
        sheet,
        cols: &cols,
        today,
        kind,
        preview: &mut preview,
    };
    match kind {
        ImportKind::Apprentices => apprentices(&mut lines, options, progress)?,
        ImportKind::Surveys => surveys(&mut lines, options, progress)?,
    }
    preview.created = preview
        .valid
        .iter()
        .filter(|l| l.action == LineAction::Create)
        .count();
    preview.updated = preview.valid.len() - preview.created;
    Ok(preview)
}

struct Lines<'a, 'w> {
    w: &'a Writer<'w>,
    sheet: &'a Sheet,
    cols: &'a Columns,
    today: NaiveDate,
    kind: ImportKind,
    preview: &'a mut ImportPreview,
}

impl Lines<'_, '_> {
    fn refuse(&mut self, line: usize, reason: impl Into<String>) {
        self.preview.refused.push(RefusedLine {
            line,
            reason: reason.into(),
        });
    }

    /// A cell that is a date, turned into ISO for the validation; a cell
    /// that is not stays as typed, so the validation names it.
    fn date(&self, cells: &[String], field: &str) -> String {
        let value = self.cols.get(cells, field);
        match sheet::parse_date(value, self.today) {
            Ok(day) if !value.is_empty() => day.to_string(),
            _ => value.to_string(),
        }
    }

    /// The French reason for a refusal by the core: each field's label and
    /// message.
    fn reason(&self, error: &Error) -> String {
        match error {
            Error::Validation(fields) => {
                let specs = columns::specs(self.kind);
                fields
                    .iter()
                    .map(|f| {
                        let label = specs
                            .iter()
                            .find(|s| s.code == f.field)
                            .map(|s| s.label)
                            .unwrap_or(match f.field.as_str() {
                                "cohortId" => "Promo",
                                "apprenticeId" => "Apprenti(e)",
                                "status" => "Motif de sortie",
                                "referentId" | "referentSince" => "Référent",
                                _ => "",
                            });
                        if label.is_empty() {
                            f.message.clone()
                        } else {
                            format!("{label} : {}", f.message)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ; ")
            }
            other => other.to_string(),
        }
    }

    /// The birth date of a line: `Some(None)` when empty, `None` (the line
    /// refused) when it is not a date.
    fn birth_date(&mut self, line: usize, cells: &[String]) -> Option<Option<NaiveDate>> {
        let text = self.cols.get(cells, "birthDate");
        match sheet::parse_date(text, self.today) {
            Ok(day) => Some(Some(day)),
            Err(_) if text.is_empty() => Some(None),
            Err(reason) => {
                self.refuse(line, format!("Date de naissance : {reason}"));
                None
            }
        }
    }

    /// The cells' count against the headers': a short line was cut.
    fn shape(&mut self, line: usize, cells: &[String]) -> bool {
        let headers = self.sheet.headers.len();
        if cells.len() < headers {
            self.refuse(
                line,
                format!(
                    "Ligne incomplète : {} valeur(s) pour {headers} colonnes (ligne coupée ?). Complétez-la dans le fichier.",
                    cells.len()
                ),
            );
            return false;
        }
        if cells[headers..].iter().any(|c| !c.is_empty()) {
            self.refuse(
                line,
                format!(
                    "{} valeurs pour {headers} colonnes : une valeur contient sans doute le séparateur sans être entre guillemets.",
                    cells.len()
                ),
            );
            return false;
        }
        true
    }
}

/// Runs one line's writes under a savepoint: undone alone when refused.
fn attempt<T>(
    conn: &Connection,
    work: impl FnOnce() -> Result<T>,
) -> Result<std::result::Result<T, Error>> {
    conn.execute_batch("SAVEPOINT import_line")?;
    match work() {
        Ok(value) => {
            conn.execute_batch("RELEASE import_line")?;
            Ok(Ok(value))
        }
        Err(e @ (Error::Validation(_) | Error::Conflict(_) | Error::NotFound { .. })) => {
            conn.execute_batch("ROLLBACK TO import_line; RELEASE import_line")?;
            Ok(Err(e))
        }
        Err(other) => Err(other),
    }
}

// ------------------------------------------------------------- apprentices

struct Programme {
    id: Id,
    code: String,
}

/// Every filière and promo, found by the ways a file names them.
#[derive(Default)]
struct Groups {
    by_key: HashMap<String, Id>,
    programmes: Vec<Programme>,
    /// (programme, folded label) → promo.
    cohorts: HashMap<(Id, String), Id>,
    /// Folded label → promos of every filière.
    cohorts_by_label: HashMap<String, Vec<Id>>,
}

impl Groups {
    fn load(conn: &Connection) -> Result<Groups> {
        let mut g = Groups::default();
        let mut stmt = conn.prepare("SELECT id, code, name, diploma_code FROM programme")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (id, code, name, diploma) = row?;
            g.by_key.insert(normalise(&code), id);
            g.by_key.entry(normalise(&name)).or_insert(id);
            if let Some(d) = diploma {
                g.by_key.entry(normalise(&d)).or_insert(id);
            }
            g.programmes.push(Programme { id, code });
        }
        let mut stmt = conn.prepare("SELECT id, programme_id, label FROM cohort")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, programme, label) = row?;
            let key = normalise(&label);
            g.cohorts.insert((programme, key.clone()), id);
            g.cohorts_by_label.entry(key).or_default().push(id);
        }
        Ok(g)
    }

    fn programme(&self, key: &str) -> Option<Id> {
        self.by_key.get(&normalise(key)).copied()
    }

    fn code(&self, id: Id) -> &str {
        self.programmes
            .iter()
            .find(|p| p.id == id)
            .map_or("", |p| p.code.as_str())
    }
}

/// Where a line's apprentice goes.
enum Place {
    Cohort(Id),
    /// A promo to create: (filière — existing or to create by its key —, label).
    NewCohort(ProgrammeRef, String),
    /// The file says nothing: an update keeps the promo.
    Unsaid,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum ProgrammeRef {
    Existing(Id),
    New(String),
}

/// People already in the database, found by e-mail or by name and birth date.
#[derive(Default)]
struct People {
    by_email: HashMap<String, Id>,
    by_identity: HashMap<(String, String, Option<NaiveDate>), Vec<Id>>,
    by_name: HashMap<(String, String), Vec<Id>>,
}

impl People {
    fn load(conn: &Connection) -> Result<People> {
        let mut p = People::default();
        let mut stmt =
            conn.prepare("SELECT id, last_name, first_name, birth_date, email FROM apprentice")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<NaiveDate>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        for row in rows {
            let (id, last, first, birth, email) = row?;
            p.add(id, &last, &first, birth, email.as_deref());
        }
        Ok(p)
    }

    fn add(
        &mut self,
        id: Id,
        last: &str,
        first: &str,
        birth: Option<NaiveDate>,
        email: Option<&str>,
    ) {
        if let Some(email) = email.filter(|e| !e.is_empty()) {
            self.by_email.insert(email.to_lowercase(), id);
        }
        let (last, first) = (normalise(last), normalise(first));
        self.by_identity
            .entry((last.clone(), first.clone(), birth))
            .or_default()
            .push(id);
        self.by_name.entry((last, first)).or_default().push(id);
    }

    /// Same e-mail, or same name and birth date.
    fn find(&self, last: &str, first: &str, birth: Option<NaiveDate>, email: &str) -> Option<Id> {
        if !email.is_empty() {
            if let Some(id) = self.by_email.get(&email.to_lowercase()) {
                return Some(*id);
            }
        }
        birth.and_then(|b| {
            self.by_identity
                .get(&(normalise(last), normalise(first), Some(b)))
                .and_then(|ids| ids.first().copied())
        })
    }
}

fn staff_lookup(conn: &Connection) -> Result<HashMap<String, Id>> {
    let mut map = HashMap::new();
    let mut stmt = conn.prepare("SELECT id, first_name, last_name, email FROM staff")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, Id>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    for row in rows {
        let (id, first, last, email) = row?;
        if let Some(e) = email {
            map.insert(normalise(&e), id);
        }
        map.insert(normalise(&format!("{first} {last}")), id);
        map.insert(normalise(&format!("{last} {first}")), id);
    }
    Ok(map)
}

fn existing_input(conn: &Connection, id: Id) -> Result<ApprenticeInput> {
    let a = super::people::get_apprentice(conn, id)?;
    let text = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Ok(ApprenticeInput {
        id: Some(id),
        cohort_id: Some(a.cohort_id),
        first_name: a.first_name,
        last_name: a.last_name,
        birth_date: text(a.birth_date),
        email: a.email.unwrap_or_default(),
        phone: a.phone.unwrap_or_default(),
        employer: a.employer.unwrap_or_default(),
        employer_siret: a.employer_siret.unwrap_or_default(),
        contract_start: text(a.contract_start),
        contract_end: text(a.contract_end),
        status: a.status.code().to_string(),
        exit_date: text(a.exit_date),
        referent_id: a.referent_id,
        referent_since: String::new(),
    })
}

fn apprentices(
    l: &mut Lines<'_, '_>,
    options: &ImportOptions,
    progress: Progress<'_>,
) -> Result<()> {
    let conn = l.w.reader();
    let groups = Groups::load(conn)?;
    let mut people = People::load(conn)?;
    let staff = staff_lookup(conn)?;
    let sheet = l.sheet;
    let cols = l.cols;
    let total = sheet.rows.len();

    // First pass: where each line goes; the filières and promos to create.
    let mut places: Vec<Option<Place>> = Vec::with_capacity(total);
    // Promo to create → its lines' contract dates.
    let mut new_cohorts: Vec<((ProgrammeRef, String), Vec<usize>)> = Vec::new();
    let mut new_programmes: Vec<(String, String, usize)> = Vec::new();
    for (index, row) in sheet.rows.iter().enumerate() {
        let cells = &row.cells;
        let diploma = cols.get(cells, "diplomaCode");
        let programme_text = cols.get(cells, "programme");
        let label = cols.get(cells, "cohort");
        let key = if diploma.is_empty() {
            programme_text
        } else {
            diploma
        };
        let programme = if key.is_empty() {
            None
        } else {
            Some(match groups.programme(key) {
                Some(id) => ProgrammeRef::Existing(id),
                None => ProgrammeRef::New(key.to_string()),
            })
        };
        let place = match (&programme, label) {
            (None, "") => Place::Unsaid,
            (Some(ProgrammeRef::Existing(p)), "") => {
                // A filière with one promo only: that one.
                let of: Vec<Id> = groups
                    .cohorts
                    .iter()
                    .filter(|((pid, _), _)| pid == p)
                    .map(|(_, id)| *id)
                    .collect();
                match of.as_slice() {
                    [only] => Place::Cohort(*only),
                    _ => Place::Unsaid,
                }
            }
            (Some(ProgrammeRef::New(_)), "") => Place::Unsaid,
            (Some(ProgrammeRef::Existing(p)), label) => {
                match groups.cohorts.get(&(*p, normalise(label))) {
                    Some(id) => Place::Cohort(*id),
                    None => Place::NewCohort(ProgrammeRef::Existing(*p), label.to_string()),
                }
            }
            (Some(new @ ProgrammeRef::New(_)), label) => {
                Place::NewCohort(new.clone(), label.to_string())
            }
            (None, label) => match groups
                .cohorts_by_label
                .get(&normalise(label))
                .map(Vec::as_slice)
            {
                Some([only]) => Place::Cohort(*only),
                Some(_) => {
                    l.refuse(
                        row.line,
                        format!("Plusieurs filières ont une promo « {label} » : ajoutez au fichier la colonne « Code formation » ou « Filière »."),
                    );
                    places.push(None);
                    continue;
                }
                None => Place::NewCohort(ProgrammeRef::New(String::new()), label.to_string()),
            },
        };
        if let Place::NewCohort(programme, label) = &place {
            let k = (programme.clone(), normalise(label));
            match new_cohorts.iter_mut().find(|(key, _)| *key == k) {
                Some((_, rows)) => rows.push(index),
                None => new_cohorts.push((k, vec![index])),
            }
            if let ProgrammeRef::New(code) = programme {
                if !code.is_empty() {
                    match new_programmes
                        .iter_mut()
                        .find(|(c, _, _)| normalise(c) == normalise(code))
                    {
                        Some((_, _, n)) => *n += 1,
                        None => new_programmes.push((code.clone(), programme_text.to_string(), 1)),
                    }
                }
            }
        }
        places.push(Some(place));
    }

    // What is missing, with the dates a promo would be created with.
    let mut cohort_dates: HashMap<(ProgrammeRef, String), (NaiveDate, NaiveDate)> = HashMap::new();
    for ((programme, key), rows) in &new_cohorts {
        let starts = rows.iter().filter_map(|i| {
            sheet::parse_date(cols.get(&sheet.rows[*i].cells, "contractStart"), l.today).ok()
        });
        let ends = rows.iter().filter_map(|i| {
            sheet::parse_date(cols.get(&sheet.rows[*i].cells, "contractEnd"), l.today).ok()
        });
        let school_start = {
            let year = if l.today.month() >= 9 {
                l.today.year()
            } else {
                l.today.year() - 1
            };
            NaiveDate::from_ymd_opt(year, 9, 1).unwrap_or(l.today)
        };
        let start = starts.min().unwrap_or(school_start);
        let end = ends
            .max()
            .filter(|e| *e > start)
            .unwrap_or_else(|| start + chrono::Months::new(24) - chrono::Duration::days(1));
        cohort_dates.insert((programme.clone(), key.clone()), (start, end));
        let label = cols.get(&sheet.rows[rows[0]].cells, "cohort").to_string();
        let programme_code = match programme {
            ProgrammeRef::Existing(id) => groups.code(*id).to_string(),
            ProgrammeRef::New(code) => code.clone(),
        };
        l.preview.missing.push(MissingGroup {
            kind: "cohort".into(),
            programme_code,
            label,
            start_date: Some(start),
            end_date: Some(end),
            lines: rows.len(),
        });
    }
    for (code, name, lines) in &new_programmes {
        l.preview.missing.insert(
            0,
            MissingGroup {
                kind: "programme".into(),
                programme_code: code.to_uppercase(),
                label: if name.is_empty() {
                    format!("Formation {code}")
                } else {
                    name.clone()
                },
                start_date: None,
                end_date: None,
                lines: *lines,
            },
        );
    }

    // Create them when asked.
    let mut created_programmes: HashMap<String, std::result::Result<Id, String>> = HashMap::new();
    let mut created_cohorts: HashMap<(ProgrammeRef, String), std::result::Result<Id, String>> =
        HashMap::new();
    if options.create_missing {
        for (code, name, _) in &new_programmes {
            let cfd = code
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>();
            let looks_cfd = cfd.len() == 8 && cfd.chars().all(|c| c.is_ascii_alphanumeric());
            let input = ProgrammeInput {
                id: None,
                code: if code.chars().count() <= 20 {
                    code.trim().to_string()
                } else {
                    String::new()
                },
                name: if name.is_empty() {
                    format!("Formation {code}")
                } else {
                    name.clone()
                },
                diploma_code: if looks_cfd {
                    cfd.clone()
                } else {
                    String::new()
                },
                rncp_code: String::new(),
                level: String::new(),
            };
            let result = attempt(conn, || {
                let p = validate::check_programme(&input)?;
                l.w.save_programme(None, &p)
            })?
            .map_err(|e| {
                format!(
                    "La filière « {code} » n’a pas pu être créée ({}) : créez-la d’abord dans « Filières et promos ».",
                    l.reason(&e)
                )
            });
            created_programmes.insert(normalise(code), result);
        }
        for ((programme, key), (start, end)) in &cohort_dates {
            let programme_id = match programme {
                ProgrammeRef::Existing(id) => Ok(*id),
                ProgrammeRef::New(code) if code.is_empty() => Err(String::new()),
                ProgrammeRef::New(code) => created_programmes
                    .get(&normalise(code))
                    .cloned()
                    .unwrap_or_else(|| Err(String::new())),
            };
            let result = match programme_id {
                Ok(programme_id) => {
                    let label = new_cohorts
                        .iter()
                        .find(|(k, _)| k.0 == *programme && k.1 == *key)
                        .map(|(_, rows)| cols.get(&sheet.rows[rows[0]].cells, "cohort").to_string())
                        .unwrap_or_default();
                    let input = CohortInput {
                        id: None,
                        programme_id: Some(programme_id),
                        label: label.clone(),
                        start_date: start.to_string(),
                        end_date: end.to_string(),
                    };
                    attempt(conn, || {
                        let c = validate::check_cohort(&input)?;
                        l.w.save_cohort(None, &c)
                    })?
                    .map_err(|e| {
                        format!(
                            "La promo « {label} » n’a pas pu être créée : {}",
                            l.reason(&e)
                        )
                    })
                }
                Err(reason) => Err(reason),
            };
            created_cohorts.insert((programme.clone(), key.clone()), result);
        }
    }

    // Second pass: each line, written under its savepoint.
    let mut seen: HashMap<Id, usize> = HashMap::new();
    for (index, (row, place)) in sheet.rows.iter().zip(places).enumerate() {
        if index % 500 == 0 {
            progress(index, total);
        }
        let Some(place) = place else { continue };
        let cells = &row.cells;
        if !l.shape(row.line, cells) {
            continue;
        }
        let (last, first, email) = (
            cols.get(cells, "lastName"),
            cols.get(cells, "firstName"),
            cols.get(cells, "email"),
        );
        let Some(birth) = l.birth_date(row.line, cells) else {
            continue;
        };
        let existing = people.find(last, first, birth, email);
        if let Some(id) = existing {
            if let Some(other) = seen.get(&id) {
                l.refuse(
                    row.line,
                    format!("Même apprenti(e) que la ligne {other} (même nom et date de naissance, ou même e-mail) : la ligne n’est lue qu’une fois."),
                );
                continue;
            }
        }
        let cohort_id = match &place {
            Place::Cohort(id) => Some(*id),
            Place::NewCohort(programme, label) => {
                match created_cohorts.get(&(programme.clone(), normalise(label))) {
                    Some(Ok(id)) => Some(*id),
                    Some(Err(reason)) if !reason.is_empty() => {
                        l.refuse(row.line, reason.clone());
                        continue;
                    }
                    _ => match options.cohort_id {
                        Some(id) => Some(id),
                        None => {
                            let what = match programme {
                                ProgrammeRef::New(code) if !code.is_empty() => {
                                    format!("La filière « {code} » et sa promo « {label} » n’existent pas")
                                }
                                ProgrammeRef::New(_) => format!(
                                    "La promo « {label} » n’existe pas, et le fichier ne dit pas sa filière (colonne « Code formation »)"
                                ),
                                ProgrammeRef::Existing(p) => format!(
                                    "La promo « {label} » n’existe pas dans la filière {}",
                                    groups.code(*p)
                                ),
                            };
                            l.refuse(
                                row.line,
                                format!("{what} : créez-la à l’import ou envoyez ces lignes dans une promo choisie."),
                            );
                            continue;
                        }
                    },
                }
            }
            Place::Unsaid => match (existing, options.cohort_id) {
                (Some(_), _) => None,
                (None, Some(id)) => Some(id),
                (None, None) => {
                    l.refuse(
                        row.line,
                        "Promo : le fichier ne dit pas la promo (colonne « Groupe » ou « Promo ») : choisissez celle où envoyer ces lignes.",
                    );
                    continue;
                }
            },
        };
        let mut input = match existing {
            Some(id) => existing_input(conn, id)?,
            None => ApprenticeInput::default(),
        };
        let set = |target: &mut String, value: &str| {
            if !value.is_empty() {
                *target = value.to_string();
            }
        };
        if let Some(id) = cohort_id {
            input.cohort_id = Some(id);
        }
        // A name spelt the same but for case and accents (« BENALI ») keeps
        // the spelling already recorded.
        if normalise(&input.last_name) != normalise(last) {
            set(&mut input.last_name, last);
        }
        if normalise(&input.first_name) != normalise(first) {
            set(&mut input.first_name, first);
        }
        if let Some(b) = birth {
            input.birth_date = b.to_string();
        }
        set(&mut input.email, email);
        let phone = cols.get(cells, "phone");
        // A phone number typed in a number cell lost its leading zero.
        if phone.len() == 9 && phone.chars().all(|c| c.is_ascii_digit()) {
            input.phone = format!("0{phone}");
        } else {
            set(&mut input.phone, phone);
        }
        set(&mut input.employer, cols.get(cells, "employer"));
        set(&mut input.employer_siret, cols.get(cells, "employerSiret"));
        set(&mut input.contract_start, &l.date(cells, "contractStart"));
        set(&mut input.contract_end, &l.date(cells, "contractEnd"));
        set(&mut input.exit_date, &l.date(cells, "exitDate"));
        match columns::exit_reason(cols.get(cells, "exitReason")) {
            Ok(Some(status)) => input.status = status.code().to_string(),
            Ok(None)
                if !input.exit_date.is_empty()
                    && input.status == ApprenticeStatus::InTraining.code() =>
            {
                input.status = String::new();
            }
            Ok(None) => {}
            Err(reason) => {
                l.refuse(row.line, format!("Motif de sortie : {reason}"));
                continue;
            }
        }
        if input.status.is_empty() && !input.exit_date.is_empty() {
            l.refuse(row.line, "Motif de sortie : une date de sortie est donnée, indiquez aussi le motif (diplômé(e), sans diplôme, rupture, réorientation).");
            continue;
        }
        let referent = cols.get(cells, "referent");
        if !referent.is_empty() {
            match staff.get(&normalise(referent)) {
                Some(id) => {
                    if existing.is_some() && input.referent_id != Some(*id) {
                        input.referent_since = l.today.to_string();
                    }
                    input.referent_id = Some(*id);
                }
                None => {
                    l.refuse(row.line, format!("Référent : « {referent} » n’est pas dans l’équipe (e-mail ou « Prénom Nom »)."));
                    continue;
                }
            }
        }
        let written = attempt(conn, || {
            let a = validate::check_apprentice(&input)?;
            l.w.save_apprentice(existing, &a)
        })?;
        match written {
            Ok(id) => {
                seen.insert(id, row.line);
                if existing.is_none() {
                    let b = input.birth_date.parse().ok();
                    people.add(
                        id,
                        &input.last_name,
                        &input.first_name,
                        b,
                        Some(&input.email),
                    );
                }
                let cohort = input
                    .cohort_id
                    .and_then(|c| cohort_label(conn, c).ok())
                    .unwrap_or_default();
                l.preview.valid.push(PreviewLine {
                    line: row.line,
                    action: if existing.is_some() {
                        LineAction::Update
                    } else {
                        LineAction::Create
                    },
                    label: format!("{} {}", input.last_name.to_uppercase(), input.first_name),
                    detail: cohort,
                    record_id: existing,
                });
            }
            Err(e) => {
                let reason = l.reason(&e);
                l.refuse(row.line, reason);
            }
        }
    }
    progress(total, total);
    l.preview.refused.sort_by_key(|r| r.line);
    Ok(())
}

fn cohort_label(conn: &Connection, id: Id) -> Result<String> {
    Ok(conn
        .prepare_cached(
            "SELECT p.code || ' — ' || c.label FROM cohort c JOIN programme p ON p.id = c.programme_id WHERE c.id = ?1",
        )?
        .query_row([id], |r| r.get(0))?)
}

// ------------------------------------------------------------------ surveys

fn surveys(l: &mut Lines<'_, '_>, options: &ImportOptions, progress: Progress<'_>) -> Result<()> {
    let conn = l.w.reader();
    let people = People::load(conn)?;
    let sheet = l.sheet;
    let cols = l.cols;
    let total = sheet.rows.len();

    // The situation column's values, recognised or as the person chose.
    let mut values: Vec<ValueChoice> = Vec::new();
    for row in &sheet.rows {
        let value = cols.get(&row.cells, "situation");
        match values.iter_mut().find(|v| v.value == value) {
            Some(v) => v.lines += 1,
            None => {
                let chosen = options.situations.iter().find(|c| c.value == value);
                let code = match chosen {
                    Some(c) => Situation::from_code(&c.code)
                        .map(|s| s.code().to_string())
                        .unwrap_or_default(),
                    None => columns::situation(value)
                        .map(|s| s.code().to_string())
                        .unwrap_or_default(),
                };
                values.push(ValueChoice {
                    value: value.to_string(),
                    code,
                    lines: 1,
                });
            }
        }
    }
    values.sort_by(|a, b| b.lines.cmp(&a.lines).then_with(|| a.value.cmp(&b.value)));

    let mut seen: HashMap<(Id, String), usize> = HashMap::new();
    for (index, row) in sheet.rows.iter().enumerate() {
        if index % 500 == 0 {
            progress(index, total);
        }
        let cells = &row.cells;
        if !l.shape(row.line, cells) {
            continue;
        }
        let (last, first, email) = (
            cols.get(cells, "lastName"),
            cols.get(cells, "firstName"),
            cols.get(cells, "email"),
        );
        let Some(birth) = l.birth_date(row.line, cells) else {
            continue;
        };
        let apprentice = match people.find(last, first, birth, email) {
            Some(id) => id,
            None => match people
                .by_name
                .get(&(normalise(last), normalise(first)))
                .map(Vec::as_slice)
            {
                Some([only]) if birth.is_none() => *only,
                Some([_, _, ..]) => {
                    l.refuse(row.line, format!("Plusieurs apprentis s’appellent « {first} {last} » : ajoutez au fichier la date de naissance ou l’e-mail."));
                    continue;
                }
                _ => {
                    l.refuse(row.line, format!("Aucun(e) apprenti(e) « {first} {last} » dans Tremplin (même e-mail, ou même nom et date de naissance) : importez d’abord les apprentis."));
                    continue;
                }
            },
        };
        let timepoint = match columns::timepoint(cols.get(cells, "timepoint")) {
            Ok(t) => t,
            Err(reason) => {
                l.refuse(row.line, format!("Échéance : {reason}"));
                continue;
            }
        };
        if let Some(other) = seen.get(&(apprentice, timepoint.code().to_string())) {
            l.refuse(
                row.line,
                format!(
                    "La ligne {other} donne déjà le questionnaire « {} » de cet(te) apprenti(e).",
                    timepoint.label().to_lowercase()
                ),
            );
            continue;
        }
        let situation_text = cols.get(cells, "situation");
        let situation = values
            .iter()
            .find(|v| v.value == situation_text)
            .map(|v| v.code.clone())
            .unwrap_or_default();
        if situation.is_empty() {
            l.refuse(row.line, format!("Situation : « {situation_text} » ne correspond à aucune situation : choisissez-la dans la correspondance des valeurs."));
            continue;
        }
        let method = match columns::method(cols.get(cells, "method")) {
            Ok(m) => m,
            Err(reason) => {
                l.refuse(row.line, format!("Mode de recueil : {reason}"));
                continue;
            }
        };
        let contract_text = cols.get(cells, "contract");
        // A form often writes the contract in the situation itself (« En CDI »).
        let contract = match columns::contract(if contract_text.is_empty() {
            situation_text
        } else {
            contract_text
        }) {
            Ok(c) => c.map(|c| c.code().to_string()).unwrap_or_default(),
            Err(_) if contract_text.is_empty() => String::new(),
            Err(reason) => {
                l.refuse(row.line, format!("Type de contrat : {reason}"));
                continue;
            }
        };
        let in_target_job = match columns::yes_no(cols.get(cells, "inTargetJob")) {
            Ok(b) => b,
            Err(reason) => {
                l.refuse(row.line, format!("Dans le métier visé : {reason}"));
                continue;
            }
        };
        let study_text = cols.get(cells, "studyType");
        let study_type = match columns::study_type(study_text) {
            Ok(t) => t.map(|t| t.code().to_string()).unwrap_or_default(),
            Err(reason) => {
                l.refuse(row.line, format!("Type de formation : {reason}"));
                continue;
            }
        };
        let existing: Option<Id> = conn
            .prepare_cached(
                "SELECT id FROM exit_survey WHERE apprentice_id = ?1 AND timepoint = ?2",
            )?
            .query_row(params![apprentice, timepoint.code()], |r| r.get(0))
            .optional()?;
        let input = ExitSurveyInput {
            id: existing,
            apprentice_id: Some(apprentice),
            timepoint: timepoint.code().to_string(),
            surveyed_on: l.date(cells, "surveyedOn"),
            method: method.code().to_string(),
            situation: situation.clone(),
            contract,
            in_target_job,
            study_type,
            institution: cols.get(cells, "institution").to_string(),
            comment: cols.get(cells, "comment").to_string(),
        };
        let written = attempt(conn, || {
            let s = validate::check_exit_survey(&input)?;
            l.w.save_exit_survey(existing, &s)
        })?;
        match written {
            Ok(_) => {
                seen.insert((apprentice, timepoint.code().to_string()), row.line);
                let name: String = conn
                    .prepare_cached("SELECT upper(last_name) || ' ' || first_name FROM apprentice WHERE id = ?1")?
                    .query_row([apprentice], |r| r.get(0))?;
                l.preview.valid.push(PreviewLine {
                    line: row.line,
                    action: if existing.is_some() {
                        LineAction::Update
                    } else {
                        LineAction::Create
                    },
                    label: format!("{name} — {}", timepoint.label().to_lowercase()),
                    detail: Situation::from_code(&situation)
                        .map_or("", |s| s.label())
                        .to_string(),
                    record_id: existing,
                });
            }
            Err(e) => {
                let reason = l.reason(&e);
                l.refuse(row.line, reason);
            }
        }
    }
    progress(total, total);
    l.preview.situations = values;
    l.preview.refused.sort_by_key(|r| r.line);
    Ok(())
}
