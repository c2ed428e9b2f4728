//! Filières (`programme`) and their promos (`cohort`).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::model::*;
use crate::validate::{self, field_error};

const PROGRAMME_COLUMNS: &str = "p.id, p.code, p.name, p.diploma_code, p.rncp_code, p.level";
const COHORT_COLUMNS: &str = "c.id, c.programme_id, c.label, c.start_date, c.end_date";

fn programme_from_row(r: &Row<'_>) -> rusqlite::Result<Programme> {
    Ok(Programme {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        diploma_code: r.get(3)?,
        rncp_code: r.get(4)?,
        level: r.get(5)?,
    })
}

pub(super) fn cohort_from_row(r: &Row<'_>) -> rusqlite::Result<Cohort> {
    Ok(Cohort {
        id: r.get(0)?,
        programme_id: r.get(1)?,
        label: r.get(2)?,
        start_date: r.get(3)?,
        end_date: r.get(4)?,
    })
}

pub(super) fn get_programme(conn: &Connection, id: Id) -> Result<Programme> {
    let sql = format!("SELECT {PROGRAMME_COLUMNS} FROM programme p WHERE p.id = ?1");
    found(
        conn.query_row(&sql, [id], programme_from_row),
        "Filière",
        id,
    )
}

pub(super) fn get_cohort(conn: &Connection, id: Id) -> Result<Cohort> {
    let sql = format!("SELECT {COHORT_COLUMNS} FROM cohort c WHERE c.id = ?1");
    found(conn.query_row(&sql, [id], cohort_from_row), "Promo", id)
}

impl Store {
    /// Every filière with its numbers of promos and apprentices, by code.
    pub fn list_programmes(&self) -> Result<Vec<ProgrammeRow>> {
        let sql = format!(
            "SELECT {PROGRAMME_COLUMNS},
                (SELECT count(*) FROM cohort c WHERE c.programme_id = p.id),
                (SELECT count(*) FROM apprentice a JOIN cohort c ON c.id = a.cohort_id WHERE c.programme_id = p.id)
             FROM programme p ORDER BY p.code COLLATE NOCASE"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(ProgrammeRow {
                programme: programme_from_row(r)?,
                cohort_count: r.get(6)?,
                apprentice_count: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn programme(&self, id: Id) -> Result<Programme> {
        get_programme(&self.conn, id)
    }

    /// Creates (`input.id` empty) or updates a filière. Codes are unique.
    pub fn save_programme(&mut self, input: &ProgrammeInput) -> Result<Programme> {
        let p = validate::check_programme(input)?;
        let id = self.batch(|w| w.save_programme(input.id, &p))?;
        self.programme(id)
    }

    /// Promos, of one filière or all, newest first within each filière.
    pub fn list_cohorts(&self, programme_id: Option<Id>) -> Result<Vec<CohortRow>> {
        let sql = format!(
            "SELECT {COHORT_COLUMNS}, p.code, p.name,
                (SELECT count(*) FROM apprentice a WHERE a.cohort_id = c.id)
             FROM cohort c JOIN programme p ON p.id = c.programme_id
             WHERE ?1 IS NULL OR c.programme_id = ?1
             ORDER BY p.code COLLATE NOCASE, c.start_date DESC, c.label"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([programme_id], |r| {
            Ok(CohortRow {
                cohort: cohort_from_row(r)?,
                programme_code: r.get(5)?,
                programme_name: r.get(6)?,
                apprentice_count: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn cohort(&self, id: Id) -> Result<Cohort> {
        get_cohort(&self.conn, id)
    }

    pub fn save_cohort(&mut self, input: &CohortInput) -> Result<Cohort> {
        let c = validate::check_cohort(input)?;
        let id = self.batch(|w| w.save_cohort(input.id, &c))?;
        self.cohort(id)
    }
}

impl Writer<'_> {
    /// Writes a checked `NewProgramme` (`id` empty creates it); returns its id.
    pub fn save_programme(&self, id: Option<Id>, p: &NewProgramme) -> Result<Id> {
        let tx = self.tx;
        let clash: Option<Id> = tx
            .query_row(
                "SELECT id FROM programme WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2",
                params![p.code, id],
                |r| r.get(0),
            )
            .optional()?;
        if clash.is_some() {
            return Err(field_error(
                "code",
                format!("Une autre filière porte déjà le code « {} ».", p.code),
            ));
        }
        match id {
            Some(id) => {
                get_programme(tx, id)?;
                tx.execute(
                    "UPDATE programme SET code = ?1, name = ?2, diploma_code = ?3, rncp_code = ?4, level = ?5
                     WHERE id = ?6",
                    params![p.code, p.name, p.diploma_code, p.rncp_code, p.level, id],
                )?;
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO programme (code, name, diploma_code, rncp_code, level) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![p.code, p.name, p.diploma_code, p.rncp_code, p.level],
                )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }

    /// Writes a checked `NewCohort` (`id` empty creates it); returns its id.
    pub fn save_cohort(&self, id: Option<Id>, c: &NewCohort) -> Result<Id> {
        let tx = self.tx;
        ensure_exists(
            tx,
            "programme",
            c.programme_id,
            "programmeId",
            "Cette filière n’existe plus.",
        )?;
        let clash: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM cohort WHERE programme_id = ?1 AND label = ?2 AND id IS NOT ?3)",
            params![c.programme_id, c.label, id],
            |r| r.get(0),
        )?;
        if clash {
            return Err(field_error(
                "label",
                format!("Cette filière a déjà une promo « {} ».", c.label),
            ));
        }
        match id {
            Some(id) => {
                get_cohort(tx, id)?;
                tx.execute(
                    "UPDATE cohort SET programme_id = ?1, label = ?2, start_date = ?3, end_date = ?4 WHERE id = ?5",
                    params![c.programme_id, c.label, c.start_date, c.end_date, id],
                )?;
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO cohort (programme_id, label, start_date, end_date) VALUES (?1, ?2, ?3, ?4)",
                    params![c.programme_id, c.label, c.start_date, c.end_date],
                )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }
}
