//! Non-conformities found at an audit, their corrective actions and the log
//! of the monthly steering reviews; the Qualiopi reference framework they
//! point to (`framework_indicator`, kept as data).

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{code, ensure_exists, found, Store, Writer};
use crate::error::{Error, Result};
use crate::model::*;
use crate::validate::{self, field_error};

fn get_non_conformity(conn: &Connection, id: Id) -> Result<NonConformity> {
    let mut nc = found(
        conn.query_row(
            "SELECT id, indicator, level, found_on, description, root_cause, closed_on
             FROM non_conformity WHERE id = ?1",
            [id],
            |r| {
                Ok(NonConformity {
                    id: r.get(0)?,
                    indicator: r.get(1)?,
                    level: code(r, 2, NonConformityLevel::from_code)?,
                    found_on: r.get(3)?,
                    description: r.get(4)?,
                    root_cause: code(r, 5, RootCause::from_code)?,
                    closed_on: r.get(6)?,
                    corrective_actions: Vec::new(),
                    reviews: Vec::new(),
                })
            },
        ),
        "Non-conformité",
        id,
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.description, c.owner_id, s.first_name || ' ' || s.last_name, c.due_date, c.status,
                c.done_on, c.proofs
         FROM corrective_action c LEFT JOIN staff s ON s.id = c.owner_id
         WHERE c.non_conformity_id = ?1 ORDER BY c.due_date, c.id",
    )?;
    nc.corrective_actions = stmt
        .query_map([id], |r| {
            Ok(CorrectiveAction {
                id: r.get(0)?,
                description: r.get(1)?,
                owner_id: r.get(2)?,
                owner_name: r.get(3)?,
                due_date: r.get(4)?,
                status: code(r, 5, CorrectiveStatus::from_code)?,
                done_on: r.get(6)?,
                proofs: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, held_on, notes FROM steering_review WHERE non_conformity_id = ?1 ORDER BY held_on, id",
    )?;
    nc.reviews = stmt
        .query_map([id], |r| {
            Ok(SteeringReview {
                id: r.get(0)?,
                held_on: r.get(1)?,
                notes: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(nc)
}

impl Store {
    /// The reference framework's indicators, by number.
    pub fn framework(&self) -> Result<Vec<FrameworkIndicator>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, criterion, criterion_label, label, cfa_only, framework
             FROM framework_indicator ORDER BY number",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(FrameworkIndicator {
                    number: r.get(0)?,
                    criterion: r.get(1)?,
                    criterion_label: r.get(2)?,
                    label: r.get(3)?,
                    cfa_only: r.get(4)?,
                    framework: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// « Indicateur 14 — Accompagnement socio-professionnel… », from the framework.
    pub fn indicator_label(&self, number: u8) -> Result<String> {
        let label: Option<String> = self
            .conn
            .query_row(
                "SELECT label FROM framework_indicator WHERE number = ?1",
                [number],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match label {
            Some(label) => format!("Indicateur {number} — {label}"),
            None => format!("Indicateur {number}"),
        })
    }

    pub fn non_conformity(&self, id: Id) -> Result<NonConformity> {
        get_non_conformity(&self.conn, id)
    }

    /// Every non-conformity, open ones first, newest audit first; the overdue
    /// counts are as of `as_of`.
    pub fn list_non_conformities(&self, as_of: NaiveDate) -> Result<Vec<NonConformityRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.id, n.indicator, 'Indicateur ' || n.indicator || ' — ' || f.label, n.level, n.found_on,
                    n.description, n.closed_on,
                    (SELECT count(*) FROM corrective_action c WHERE c.non_conformity_id = n.id),
                    (SELECT count(*) FROM corrective_action c WHERE c.non_conformity_id = n.id AND c.status = 'done'),
                    (SELECT count(*) FROM corrective_action c WHERE c.non_conformity_id = n.id
                        AND c.status <> 'done' AND c.due_date < ?1),
                    (SELECT min(c.due_date) FROM corrective_action c WHERE c.non_conformity_id = n.id
                        AND c.status <> 'done'),
                    (SELECT max(r.held_on) FROM steering_review r WHERE r.non_conformity_id = n.id)
             FROM non_conformity n JOIN framework_indicator f ON f.number = n.indicator
             ORDER BY n.closed_on IS NOT NULL, n.found_on DESC, n.id DESC",
        )?;
        let rows = stmt
            .query_map([as_of], |r| {
                Ok(NonConformityRow {
                    id: r.get(0)?,
                    indicator: r.get(1)?,
                    indicator_label: r.get(2)?,
                    level: code(r, 3, NonConformityLevel::from_code)?,
                    found_on: r.get(4)?,
                    description: r.get(5)?,
                    closed_on: r.get(6)?,
                    action_count: r.get(7)?,
                    done_count: r.get(8)?,
                    overdue_count: r.get(9)?,
                    next_due: r.get(10)?,
                    last_review: r.get(11)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Corrective actions not done whose due date is before `as_of`, most late first.
    pub fn overdue_corrective_actions(
        &self,
        as_of: NaiveDate,
    ) -> Result<Vec<OverdueCorrectiveAction>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, n.id, n.indicator, n.level, c.description, s.first_name || ' ' || s.last_name, c.due_date
             FROM corrective_action c JOIN non_conformity n ON n.id = c.non_conformity_id
             LEFT JOIN staff s ON s.id = c.owner_id
             WHERE c.status <> 'done' AND c.due_date < ?1 AND n.closed_on IS NULL
             ORDER BY c.due_date, c.id",
        )?;
        let rows = stmt
            .query_map([as_of], |r| {
                let due: NaiveDate = r.get(6)?;
                Ok(OverdueCorrectiveAction {
                    id: r.get(0)?,
                    non_conformity_id: r.get(1)?,
                    indicator: r.get(2)?,
                    level: code(r, 3, NonConformityLevel::from_code)?,
                    description: r.get(4)?,
                    owner_name: r.get(5)?,
                    due_date: due,
                    days: (as_of - due).num_days(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn save_non_conformity(&mut self, input: &NonConformityInput) -> Result<NonConformity> {
        let nc = validate::check_non_conformity(input)?;
        let id = self.batch(|w| w.save_non_conformity(input.id, &nc))?;
        self.non_conformity(id)
    }
}

impl Writer<'_> {
    /// Writes a non-conformity with its corrective actions and reviews:
    /// rows sent with their id are updated (their proofs stay attached), new
    /// ones inserted, the ones no longer sent removed.
    pub fn save_non_conformity(&self, id: Option<Id>, n: &NewNonConformity) -> Result<Id> {
        let tx = self.tx;
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM framework_indicator WHERE number = ?1)",
            [n.indicator],
            |r| r.get(0),
        )?;
        if !known {
            return Err(field_error(
                "indicator",
                format!(
                    "Le référentiel n’a pas d’indicateur {}\u{a0}: choisissez-en un de la liste.",
                    n.indicator
                ),
            ));
        }
        for (i, a) in n.corrective_actions.iter().enumerate() {
            if let Some(owner) = a.owner_id {
                ensure_exists(
                    tx,
                    "staff",
                    owner,
                    &format!("correctiveActions.{i}.ownerId"),
                    "Ce membre de l’équipe n’existe plus.",
                )?;
            }
        }
        let values = params![
            n.indicator,
            n.level.code(),
            n.found_on,
            n.description,
            n.root_cause.code(),
            n.closed_on
        ];
        let id = match id {
            Some(id) => {
                let mut values = values.to_vec();
                values.push(&id);
                let changed = tx.execute(
                    "UPDATE non_conformity SET indicator = ?1, level = ?2, found_on = ?3, description = ?4,
                         root_cause = ?5, closed_on = ?6 WHERE id = ?7",
                    values.as_slice(),
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        entity: "Non-conformité",
                        id,
                    });
                }
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO non_conformity (indicator, level, found_on, description, root_cause, closed_on)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    values,
                )?;
                Id(tx.last_insert_rowid())
            }
        };
        // Corrective actions: keep the ones sent back with their id.
        let kept: HashSet<Id> = n.corrective_actions.iter().filter_map(|a| a.id).collect();
        let existing: Vec<Id> = tx
            .prepare_cached("SELECT id FROM corrective_action WHERE non_conformity_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for old in existing.iter().filter(|old| !kept.contains(old)) {
            tx.execute("DELETE FROM corrective_action WHERE id = ?1", [old])?;
        }
        for (i, a) in n.corrective_actions.iter().enumerate() {
            let values = params![
                id,
                a.description,
                a.owner_id,
                a.due_date,
                a.status.code(),
                a.done_on,
                a.proofs
            ];
            match a.id {
                Some(action) if existing.contains(&action) => {
                    let mut values = values.to_vec();
                    values.push(&action);
                    tx.execute(
                        "UPDATE corrective_action SET non_conformity_id = ?1, description = ?2, owner_id = ?3,
                             due_date = ?4, status = ?5, done_on = ?6, proofs = ?7 WHERE id = ?8",
                        values.as_slice(),
                    )?;
                }
                Some(_) => {
                    return Err(field_error(
                        &format!("correctiveActions.{i}"),
                        "Cette action corrective appartient à une autre non-conformité ou n’existe plus.",
                    ))
                }
                None => {
                    tx.execute(
                        "INSERT INTO corrective_action (non_conformity_id, description, owner_id, due_date, status,
                             done_on, proofs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        values,
                    )?;
                }
            }
        }
        // The steering log, the same way.
        let kept: HashSet<Id> = n.reviews.iter().filter_map(|r| r.id).collect();
        let existing: Vec<Id> = tx
            .prepare_cached("SELECT id FROM steering_review WHERE non_conformity_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for old in existing.iter().filter(|old| !kept.contains(old)) {
            tx.execute("DELETE FROM steering_review WHERE id = ?1", [old])?;
        }
        for r in &n.reviews {
            match r.id {
                Some(review) if existing.contains(&review) => {
                    tx.execute(
                        "UPDATE steering_review SET held_on = ?1, notes = ?2 WHERE id = ?3",
                        params![r.held_on, r.notes, review],
                    )?;
                }
                _ => {
                    tx.execute(
                        "INSERT INTO steering_review (non_conformity_id, held_on, notes) VALUES (?1, ?2, ?3)",
                        params![id, r.held_on, r.notes],
                    )?;
                }
            }
        }
        Ok(id)
    }
}
