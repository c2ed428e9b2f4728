//! Actions, what they target and who ran them, and their attendance sheets.
//!
//! The invited of an action are the apprentices of the cohorts it targets;
//! every invited apprentice has one attendance row (absent unless marked), so
//! participation is present ÷ rows.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, Row, Transaction};

use super::{code, ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::model::*;
use crate::validate::{self, field_error};

const ACTION_COLUMNS: &str = "a.id, a.kind, a.title, a.start_date, a.end_date, a.start_time, a.duration_minutes, \
     a.place, a.public, a.content, a.indicator14, a.indicator29, a.feedback_score, a.feedback_comments";

/// Separates cohort labels inside one SQL value; never typed by people.
const UNIT_SEPARATOR: char = '\u{1f}';

fn action_from_row(r: &Row<'_>) -> rusqlite::Result<Action> {
    Ok(Action {
        id: r.get(0)?,
        kind: code(r, 1, ActionKind::from_code)?,
        title: r.get(2)?,
        start_date: r.get(3)?,
        end_date: r.get(4)?,
        start_time: r.get(5)?,
        duration_minutes: r.get(6)?,
        place: r.get(7)?,
        public: r.get(8)?,
        content: r.get(9)?,
        indicator14: r.get(10)?,
        indicator29: r.get(11)?,
        feedback_score: r.get(12)?,
        feedback_comments: r.get(13)?,
        cohort_ids: Vec::new(),
        speaker_staff_ids: Vec::new(),
        speaker_partner_ids: Vec::new(),
        co_organiser_ids: Vec::new(),
        objective_ids: Vec::new(),
    })
}

fn ids(conn: &Connection, sql: &str, action_id: Id) -> Result<Vec<Id>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let ids = stmt
        .query_map([action_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

fn get_action(conn: &Connection, id: Id) -> Result<Action> {
    let sql = format!("SELECT {ACTION_COLUMNS} FROM action a WHERE a.id = ?1");
    let mut action = found(conn.query_row(&sql, [id], action_from_row), "Action", id)?;
    action.cohort_ids = ids(
        conn,
        "SELECT cohort_id FROM action_cohort WHERE action_id = ?1 ORDER BY cohort_id",
        id,
    )?;
    action.speaker_staff_ids = ids(
        conn,
        "SELECT staff_id FROM action_staff WHERE action_id = ?1 ORDER BY staff_id",
        id,
    )?;
    action.speaker_partner_ids = ids(
        conn,
        "SELECT partner_id FROM action_partner WHERE action_id = ?1 AND role = 'speaker' ORDER BY partner_id",
        id,
    )?;
    action.co_organiser_ids = ids(
        conn,
        "SELECT partner_id FROM action_partner WHERE action_id = ?1 AND role = 'co_organiser' ORDER BY partner_id",
        id,
    )?;
    action.objective_ids = ids(
        conn,
        "SELECT objective_id FROM action_objective WHERE action_id = ?1 ORDER BY objective_id",
        id,
    )?;
    Ok(action)
}

fn names(conn: &Connection, sql: &str, action_id: Id) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let names = stmt
        .query_map([action_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The action, its sheet and the names around it, from one connection (the
/// demo reads it inside its transaction).
pub(super) fn sheet_data(conn: &Connection, id: Id) -> Result<SheetData> {
    let action = get_action(conn, id)?;
    // Who left the CFA before the action is not asked to sign (and an
    // anonymised leaver never appears on a sheet printed later).
    let left: std::collections::HashSet<Id> = {
        let mut stmt = conn.prepare_cached(
            "SELECT a.id FROM apprentice a JOIN action_cohort x ON x.cohort_id = a.cohort_id
             WHERE x.action_id = ?1 AND a.exit_date IS NOT NULL AND a.exit_date < ?2",
        )?;
        let rows = stmt.query_map(params![id, action.start_date], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let attendance: Vec<AttendanceRow> = attendance_sheet(conn, Some(id), &action.cohort_ids)?
        .into_iter()
        .filter(|row| !left.contains(&row.apprentice_id) || row.present)
        .collect();
    let present = attendance.iter().filter(|a| a.present).count() as i64;
    let participation = participation(present, attendance.len() as i64);
    let cohorts = names(
        conn,
        "SELECT c.label || ' — ' || p.code FROM action_cohort x
         JOIN cohort c ON c.id = x.cohort_id JOIN programme p ON p.id = c.programme_id
         WHERE x.action_id = ?1 ORDER BY x.cohort_id",
        id,
    )?;
    let mut speakers = names(
        conn,
        "SELECT s.first_name || ' ' || s.last_name FROM action_staff x JOIN staff s ON s.id = x.staff_id
         WHERE x.action_id = ?1 ORDER BY x.staff_id",
        id,
    )?;
    speakers.extend(names(
        conn,
        "SELECT p.name FROM action_partner x JOIN partner p ON p.id = x.partner_id
         WHERE x.action_id = ?1 AND x.role = 'speaker' ORDER BY x.partner_id",
        id,
    )?);
    let co_organisers = names(
        conn,
        "SELECT p.name FROM action_partner x JOIN partner p ON p.id = x.partner_id
         WHERE x.action_id = ?1 AND x.role = 'co_organiser' ORDER BY x.partner_id",
        id,
    )?;
    Ok(SheetData {
        organisation: super::organisation::load(conn)?,
        detail: ActionDetail {
            action,
            attendance,
            participation,
        },
        cohorts,
        speakers,
        co_organisers,
    })
}

/// The sheet of an action (or of a new one targeting `cohort_ids`): every
/// apprentice of those cohorts, with what was recorded for them.
fn attendance_sheet(
    conn: &Connection,
    action_id: Option<Id>,
    cohort_ids: &[Id],
) -> Result<Vec<AttendanceRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.first_name, a.last_name, c.id, c.label,
                coalesce(t.present, 0), coalesce(t.signed, 0)
         FROM apprentice a
         JOIN cohort c ON c.id = a.cohort_id
         LEFT JOIN attendance t ON t.apprentice_id = a.id AND t.action_id = ?2
         WHERE a.cohort_id = ?1
         ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
    )?;
    let mut sheet = Vec::new();
    for &cohort_id in cohort_ids {
        let rows = stmt.query_map(params![cohort_id, action_id], |r| {
            Ok(AttendanceRow {
                apprentice_id: r.get(0)?,
                first_name: r.get(1)?,
                last_name: r.get(2)?,
                cohort_id: r.get(3)?,
                cohort_label: r.get(4)?,
                present: r.get(5)?,
                signed: r.get(6)?,
            })
        })?;
        for row in rows {
            sheet.push(row?);
        }
    }
    Ok(sheet)
}

pub(super) fn participation(present: i64, invited: i64) -> Rate {
    Rate::new(
        present,
        invited,
        "Apprentis présents ÷ apprentis des promos visées par l’action.",
    )
}

impl Store {
    /// Actions matching `filter`, newest first, with their participation.
    pub fn list_actions(&self, filter: &ActionFilter) -> Result<Vec<ActionRow>> {
        let (from, to) = match filter.school_year {
            Some(year) => (Some(year.first_day()), Some(year.last_day())),
            None => (None, None),
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.kind, a.title, a.start_date, a.indicator14, a.indicator29,
                (SELECT group_concat(label, char(31)) FROM
                    (SELECT p.code || ' ' || c.label AS label FROM action_cohort x
                     JOIN cohort c ON c.id = x.cohort_id JOIN programme p ON p.id = c.programme_id
                     WHERE x.action_id = a.id ORDER BY p.code, c.label)),
                (SELECT count(*) FROM attendance t WHERE t.action_id = a.id),
                (SELECT count(*) FROM attendance t WHERE t.action_id = a.id AND t.present)
             FROM action a
             WHERE (?1 IS NULL OR a.start_date >= ?1) AND (?2 IS NULL OR a.start_date <= ?2)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM action_cohort x JOIN cohort c ON c.id = x.cohort_id
                                          WHERE x.action_id = a.id AND c.programme_id = ?3))
               AND (?4 IS NULL OR EXISTS (SELECT 1 FROM action_partner x
                                          WHERE x.action_id = a.id AND x.partner_id = ?4))
             ORDER BY a.start_date DESC, a.id DESC",
        )?;
        let rows = stmt.query_map(
            params![from, to, filter.programme_id, filter.partner_id],
            |r| {
                let labels: Option<String> = r.get(6)?;
                Ok(ActionRow {
                    id: r.get(0)?,
                    kind: code(r, 1, ActionKind::from_code)?,
                    title: r.get(2)?,
                    start_date: r.get(3)?,
                    indicator14: r.get(4)?,
                    indicator29: r.get(5)?,
                    cohort_labels: labels
                        .map(|l| l.split(UNIT_SEPARATOR).map(str::to_owned).collect())
                        .unwrap_or_default(),
                    invited: r.get(7)?,
                    present: r.get(8)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn action(&self, id: Id) -> Result<Action> {
        get_action(&self.conn, id)
    }

    /// An action with its attendance sheet and participation rate.
    pub fn action_detail(&self, id: Id) -> Result<ActionDetail> {
        let action = self.action(id)?;
        let attendance = attendance_sheet(&self.conn, Some(id), &action.cohort_ids)?;
        let present = attendance.iter().filter(|a| a.present).count() as i64;
        let participation = participation(present, attendance.len() as i64);
        Ok(ActionDetail {
            action,
            attendance,
            participation,
        })
    }

    /// An action with the names its printed attendance sheet shows.
    pub fn sheet_data(&self, id: Id) -> Result<SheetData> {
        sheet_data(&self.conn, id)
    }

    /// The sheet a form shows while cohorts are being chosen, before saving.
    pub fn attendance_sheet(
        &self,
        action_id: Option<Id>,
        cohort_ids: &[Id],
    ) -> Result<Vec<AttendanceRow>> {
        attendance_sheet(&self.conn, action_id, cohort_ids)
    }

    /// Creates or updates an action with its links and attendance, all at once.
    pub fn save_action(&mut self, input: &ActionInput) -> Result<ActionDetail> {
        let action = validate::check_action(input)?;
        let id = self.batch(|w| w.save_action(input.id, &action))?;
        self.action_detail(id)
    }
}

fn check_references(tx: &Transaction<'_>, action: &NewAction) -> Result<()> {
    let lists: [(&str, &[Id], &str, &str); 5] = [
        (
            "cohort",
            &action.cohort_ids,
            "cohortIds",
            "Une des promos choisies n’existe plus.",
        ),
        (
            "staff",
            &action.speaker_staff_ids,
            "speakerStaffIds",
            "Un des intervenants choisis n’existe plus.",
        ),
        (
            "partner",
            &action.speaker_partner_ids,
            "speakerPartnerIds",
            "Un des partenaires intervenants n’existe plus.",
        ),
        (
            "partner",
            &action.co_organiser_ids,
            "coOrganiserIds",
            "Un des partenaires co-organisateurs n’existe plus.",
        ),
        (
            "objective",
            &action.objective_ids,
            "objectiveIds",
            "Un des objectifs choisis n’existe plus.",
        ),
    ];
    for (table, ids, field, message) in lists {
        for &id in ids {
            ensure_exists(tx, table, id, field, message)?;
        }
    }
    let year = SchoolYear::containing(action.start_date).label();
    for &objective in &action.objective_ids {
        let fits: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM objective o JOIN action_plan p ON p.id = o.plan_id
                 JOIN cohort c ON c.programme_id = p.programme_id
                 WHERE o.id = ?1 AND p.school_year = ?2 AND c.id IN (SELECT value FROM json_each(?3)))",
            params![
                objective,
                year,
                serde_json::to_string(&action.cohort_ids).unwrap_or_default()
            ],
            |r| r.get(0),
        )?;
        if !fits {
            return Err(field_error(
                "objectiveIds",
                format!(
                    "Un objectif choisi n’est pas du plan {year} d’une filière visée : une action sert les objectifs de son année."
                ),
            ));
        }
    }
    Ok(())
}

fn write_action(tx: &Transaction<'_>, id: Option<Id>, a: &NewAction) -> Result<Id> {
    let values = params![
        a.kind.code(),
        a.title,
        a.start_date,
        a.end_date,
        a.start_time,
        a.duration_minutes,
        a.place,
        a.public,
        a.content,
        a.indicator14,
        a.indicator29,
        a.feedback_score,
        a.feedback_comments
    ];
    match id {
        Some(id) => {
            get_action(tx, id)?;
            let mut values = values.to_vec();
            values.push(&id);
            tx.execute(
                "UPDATE action SET kind = ?1, title = ?2, start_date = ?3, end_date = ?4, start_time = ?5,
                     duration_minutes = ?6, place = ?7, public = ?8, content = ?9, indicator14 = ?10,
                     indicator29 = ?11, feedback_score = ?12, feedback_comments = ?13
                 WHERE id = ?14",
                values.as_slice(),
            )?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO action (kind, title, start_date, end_date, start_time, duration_minutes, place, public,
                     content, indicator14, indicator29, feedback_score, feedback_comments)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                values,
            )?;
            Ok(Id(tx.last_insert_rowid()))
        }
    }
}

fn write_links(tx: &Transaction<'_>, id: Id, a: &NewAction) -> Result<()> {
    tx.execute("DELETE FROM action_cohort WHERE action_id = ?1", [id])?;
    tx.execute("DELETE FROM action_staff WHERE action_id = ?1", [id])?;
    tx.execute("DELETE FROM action_partner WHERE action_id = ?1", [id])?;
    tx.execute("DELETE FROM action_objective WHERE action_id = ?1", [id])?;
    let mut objective = tx
        .prepare_cached("INSERT INTO action_objective (action_id, objective_id) VALUES (?1, ?2)")?;
    for o in &a.objective_ids {
        objective.execute([id, *o])?;
    }
    let mut cohort =
        tx.prepare_cached("INSERT INTO action_cohort (action_id, cohort_id) VALUES (?1, ?2)")?;
    for c in &a.cohort_ids {
        cohort.execute([id, *c])?;
    }
    let mut staff =
        tx.prepare_cached("INSERT INTO action_staff (action_id, staff_id) VALUES (?1, ?2)")?;
    for s in &a.speaker_staff_ids {
        staff.execute([id, *s])?;
    }
    let mut partner = tx.prepare_cached(
        "INSERT INTO action_partner (action_id, partner_id, role) VALUES (?1, ?2, ?3)",
    )?;
    for p in &a.speaker_partner_ids {
        partner.execute(params![id, p, "speaker"])?;
    }
    for p in &a.co_organiser_ids {
        partner.execute(params![id, p, "co_organiser"])?;
    }
    Ok(())
}

/// One row per invited apprentice; marks for anyone not invited are refused.
fn write_attendance(tx: &Transaction<'_>, id: Id, a: &NewAction) -> Result<()> {
    let invited: HashSet<Id> = attendance_sheet(tx, None, &a.cohort_ids)?
        .iter()
        .map(|r| r.apprentice_id)
        .collect();
    let marks: HashMap<Id, AttendanceMark> =
        a.attendance.iter().map(|m| (m.apprentice_id, *m)).collect();
    if marks.keys().any(|apprentice| !invited.contains(apprentice)) {
        return Err(field_error(
            "attendance",
            "L’émargement cite un(e) apprenti(e) qui n’appartient à aucune des promos visées.",
        ));
    }
    tx.execute("DELETE FROM attendance WHERE action_id = ?1", [id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO attendance (action_id, apprentice_id, present, signed) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut invited: Vec<Id> = invited.into_iter().collect();
    invited.sort_unstable();
    for apprentice in invited {
        let mark = marks.get(&apprentice);
        insert.execute(params![
            id,
            apprentice,
            mark.is_some_and(|m| m.present),
            mark.is_some_and(|m| m.signed)
        ])?;
    }
    // Scores of apprentices no longer invited go with their attendance row.
    tx.execute(
        "DELETE FROM evaluation_score WHERE action_id = ?1
           AND apprentice_id NOT IN (SELECT apprentice_id FROM attendance WHERE action_id = ?1)",
        [id],
    )?;
    Ok(())
}

impl Writer<'_> {
    /// An action's sheet data inside a write (the demo prints its signed sheets).
    pub fn sheet_data(&self, id: Id) -> Result<SheetData> {
        sheet_data(self.tx, id)
    }

    /// Writes a checked `NewAction` (`id` empty creates it); returns its id.
    pub fn save_action(&self, id: Option<Id>, action: &NewAction) -> Result<Id> {
        let tx = self.tx;
        check_references(tx, action)?;
        if let (Some(id), false) = (id, action.kind.is_evaluated()) {
            // Scores would stay hidden behind a kind that has no evaluation.
            let evaluated: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM evaluation WHERE action_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if evaluated {
                return Err(field_error(
                    "kind",
                    "Cette action a une évaluation avant/après\u{a0}: supprimez-la (onglet « Évaluation ») \
                     avant de lui donner un type qui n’en a pas.",
                ));
            }
        }
        let id = write_action(tx, id, action)?;
        write_links(tx, id, action)?;
        write_attendance(tx, id, action)?;
        Ok(id)
    }
}
