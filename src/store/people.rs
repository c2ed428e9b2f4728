//! The CFA's team (`staff`) and its apprentices (`apprentice`).

use rusqlite::{params, Connection, Row};

use super::{code, ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::format::fold;
use crate::model::*;
use crate::validate;

const STAFF_COLUMNS: &str = "s.id, s.first_name, s.last_name, s.role, s.email, s.phone";
const APPRENTICE_COLUMNS: &str =
    "a.id, a.cohort_id, a.first_name, a.last_name, a.birth_date, a.email, a.phone, \
     a.employer, a.contract_start, a.contract_end, a.status, a.referent_id, a.exit_date, \
     a.employer_siret";

fn staff_from_row(r: &Row<'_>) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: r.get(0)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        role: code(r, 3, StaffRole::from_code)?,
        email: r.get(4)?,
        phone: r.get(5)?,
    })
}

fn apprentice_from_row(r: &Row<'_>) -> rusqlite::Result<Apprentice> {
    Ok(Apprentice {
        id: r.get(0)?,
        cohort_id: r.get(1)?,
        first_name: r.get(2)?,
        last_name: r.get(3)?,
        birth_date: r.get(4)?,
        email: r.get(5)?,
        phone: r.get(6)?,
        employer: r.get(7)?,
        contract_start: r.get(8)?,
        contract_end: r.get(9)?,
        status: code(r, 10, ApprenticeStatus::from_code)?,
        referent_id: r.get(11)?,
        exit_date: r.get(12)?,
        employer_siret: r.get(13)?,
    })
}

fn get_staff(conn: &Connection, id: Id) -> Result<Staff> {
    let sql = format!("SELECT {STAFF_COLUMNS} FROM staff s WHERE s.id = ?1");
    found(
        conn.query_row(&sql, [id], staff_from_row),
        "Membre de l’équipe",
        id,
    )
}

pub(super) fn get_apprentice(conn: &Connection, id: Id) -> Result<Apprentice> {
    let sql = format!("SELECT {APPRENTICE_COLUMNS} FROM apprentice a WHERE a.id = ?1");
    found(
        conn.query_row(&sql, [id], apprentice_from_row),
        "Apprenti(e)",
        id,
    )
}

impl Store {
    /// The team, by last name, with what each person carries.
    pub fn list_staff(&self) -> Result<Vec<StaffRow>> {
        let sql = format!(
            "SELECT {STAFF_COLUMNS},
                (SELECT count(*) FROM apprentice a WHERE a.referent_id = s.id),
                (SELECT count(*) FROM action_staff x WHERE x.staff_id = s.id)
             FROM staff s ORDER BY s.last_name COLLATE NOCASE, s.first_name COLLATE NOCASE"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(StaffRow {
                staff: staff_from_row(r)?,
                apprentice_count: r.get(6)?,
                action_count: r.get(7)?,
            })
        })?;
        let mut rows: Vec<StaffRow> = rows.collect::<rusqlite::Result<_>>()?;
        rows.sort_by_cached_key(|row| {
            (
                fold(&row.staff.last_name),
                fold(&row.staff.first_name),
                row.staff.id,
            )
        });
        Ok(rows)
    }

    pub fn staff(&self, id: Id) -> Result<Staff> {
        get_staff(&self.conn, id)
    }

    pub fn save_staff(&mut self, input: &StaffInput) -> Result<Staff> {
        let s = validate::check_staff(input)?;
        let id = self.batch(|w| w.save_staff(input.id, &s))?;
        self.staff(id)
    }

    /// Apprentices, filtered by filière or promo, by name.
    pub fn list_apprentices(&self, filter: &ApprenticeFilter) -> Result<Vec<ApprenticeRow>> {
        let sql = format!(
            "SELECT {APPRENTICE_COLUMNS}, c.label, c.programme_id, p.code,
                s.first_name || ' ' || s.last_name
             FROM apprentice a
             JOIN cohort c ON c.id = a.cohort_id
             JOIN programme p ON p.id = c.programme_id
             LEFT JOIN staff s ON s.id = a.referent_id
             WHERE (?1 IS NULL OR c.programme_id = ?1) AND (?2 IS NULL OR a.cohort_id = ?2)
             ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![filter.programme_id, filter.cohort_id], |r| {
            Ok(ApprenticeRow {
                apprentice: apprentice_from_row(r)?,
                cohort_label: r.get(14)?,
                programme_id: r.get(15)?,
                programme_code: r.get(16)?,
                referent_name: r.get(17)?,
            })
        })?;
        let mut rows: Vec<ApprenticeRow> = rows.collect::<rusqlite::Result<_>>()?;
        // SQLite's NOCASE ignores case, not accents: « Aïcha » must come before « Aurélien ».
        rows.sort_by_cached_key(|row| {
            let a = &row.apprentice;
            (fold(&a.last_name), fold(&a.first_name), a.id)
        });
        Ok(rows)
    }

    pub fn apprentice(&self, id: Id) -> Result<Apprentice> {
        get_apprentice(&self.conn, id)
    }

    pub fn save_apprentice(&mut self, input: &ApprenticeInput) -> Result<Apprentice> {
        let a = validate::check_apprentice(input)?;
        let id = self.batch(|w| w.save_apprentice(input.id, &a))?;
        self.apprentice(id)
    }
}

impl Writer<'_> {
    /// Writes a checked `NewStaff` (`id` empty creates it); returns its id.
    pub fn save_staff(&self, id: Option<Id>, s: &NewStaff) -> Result<Id> {
        let tx = self.tx;
        match id {
            Some(id) => {
                get_staff(tx, id)?;
                tx.execute(
                "UPDATE staff SET first_name = ?1, last_name = ?2, role = ?3, email = ?4, phone = ?5 WHERE id = ?6",
                params![s.first_name, s.last_name, s.role.code(), s.email, s.phone, id],
            )?;
                Ok(id)
            }
            None => {
                tx.execute(
                "INSERT INTO staff (first_name, last_name, role, email, phone) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![s.first_name, s.last_name, s.role.code(), s.email, s.phone],
            )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }

    /// Writes a checked `NewApprentice` (`id` empty creates it); returns its id.
    pub fn save_apprentice(&self, id: Option<Id>, a: &NewApprentice) -> Result<Id> {
        let tx = self.tx;
        ensure_exists(
            tx,
            "cohort",
            a.cohort_id,
            "cohortId",
            "Cette promo n’existe plus.",
        )?;
        if let Some(referent) = a.referent_id {
            ensure_exists(
                tx,
                "staff",
                referent,
                "referentId",
                "Ce membre de l’équipe n’existe plus.",
            )?;
        }
        let values = params![
            a.cohort_id,
            a.first_name,
            a.last_name,
            a.birth_date,
            a.email,
            a.phone,
            a.employer,
            a.contract_start,
            a.contract_end,
            a.status.code(),
            a.referent_id,
            a.exit_date,
            a.employer_siret
        ];
        match id {
            Some(id) => {
                get_apprentice(tx, id)?;
                let first_survey: Option<chrono::NaiveDate> = tx.query_row(
                    "SELECT min(surveyed_on) FROM exit_survey WHERE apprentice_id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                match (first_survey, a.exit_date) {
                    (Some(_), None) => {
                        return Err(validate::field_error(
                            "status",
                            "Des questionnaires de sortie sont enregistrés pour cet(te) apprenti(e) : \
                             supprimez-les avant de le (la) remettre en formation.",
                        ))
                    }
                    (Some(first), Some(exit)) if first + chrono::Duration::days(31) < exit => {
                        return Err(validate::field_error(
                            "exitDate",
                            format!(
                                "Un questionnaire de sortie date du {} : la sortie ne peut pas être plus tardive d’un mois.",
                                crate::format::date(first)
                            ),
                        ))
                    }
                    _ => {}
                }
                let mut values = values.to_vec();
                values.push(&id);
                tx.execute(
                    "UPDATE apprentice SET cohort_id = ?1, first_name = ?2, last_name = ?3, birth_date = ?4,
                         email = ?5, phone = ?6, employer = ?7, contract_start = ?8, contract_end = ?9,
                         status = ?10, referent_id = ?11, exit_date = ?12, employer_siret = ?13
                     WHERE id = ?14",
                    values.as_slice(),
                )?;
                super::followups::sync_referent(tx, id, a.referent_id, a.referent_since)?;
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO apprentice (cohort_id, first_name, last_name, birth_date, email, phone, employer,
                         contract_start, contract_end, status, referent_id, exit_date, employer_siret)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    values,
                )?;
                let id = Id(tx.last_insert_rowid());
                super::followups::sync_referent(tx, id, a.referent_id, a.referent_since)?;
                Ok(id)
            }
        }
    }
}
