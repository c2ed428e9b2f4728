//! Indicator 14's individual support: the référent's history
//! (`referent_period`, kept in step with `apprentice.referent_id` in the same
//! transaction), the follow-ups (`follow_up`, with their topics), the
//! settings (`setting`) and the « En retard » list.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{code, ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::model::*;
use crate::support::{self, Candidate, DEFAULT_OVERDUE_DAYS};
use crate::validate::{self, field_error};

/// The setting that says when a monthly review is late.
pub const OVERDUE_SETTING: &str = "overdue_after_days";

const FOLLOW_UP_COLUMNS: &str =
    "f.id, f.apprentice_id, f.kind, f.held_on, f.staff_id, f.findings, \
     f.next_steps, f.impact, f.project";

fn follow_up_from_row(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: r.get(0)?,
        apprentice_id: r.get(1)?,
        kind: code(r, 2, FollowUpKind::from_code)?,
        held_on: r.get(3)?,
        staff_id: r.get(4)?,
        topics: Vec::new(),
        findings: r.get(5)?,
        next_steps: r.get(6)?,
        impact: r.get(7)?,
        project: r.get(8)?,
    })
}

fn topics(conn: &Connection, id: Id) -> Result<Vec<FollowUpTopic>> {
    let mut stmt = conn.prepare_cached(
        "SELECT topic FROM follow_up_topic WHERE follow_up_id = ?1 ORDER BY topic",
    )?;
    let mut topics = stmt
        .query_map([id], |r| code(r, 0, FollowUpTopic::from_code))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    topics.sort_unstable();
    Ok(topics)
}

fn get_follow_up(conn: &Connection, id: Id) -> Result<FollowUp> {
    let sql = format!("SELECT {FOLLOW_UP_COLUMNS} FROM follow_up f WHERE f.id = ?1");
    let mut follow_up = found(
        conn.query_row(&sql, [id], follow_up_from_row),
        "Entretien de suivi",
        id,
    )?;
    follow_up.topics = topics(conn, id)?;
    Ok(follow_up)
}

/// Keeps the référent's history in step with the apprentice's current
/// référent: a change closes the open period on `since` and opens the next;
/// a change on the day the open period started corrects it instead.
pub(super) fn sync_referent(
    tx: &Transaction<'_>,
    apprentice_id: Id,
    referent: Option<Id>,
    since: Option<NaiveDate>,
) -> Result<()> {
    let current: Option<(Id, Id, NaiveDate)> = tx
        .query_row(
            "SELECT id, staff_id, start_date FROM referent_period WHERE apprentice_id = ?1 AND end_date IS NULL",
            [apprentice_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let start_of_training: NaiveDate = tx.query_row(
        "SELECT coalesce(a.contract_start, c.start_date) FROM apprentice a JOIN cohort c ON c.id = a.cohort_id
         WHERE a.id = ?1",
        [apprentice_id],
        |r| r.get(0),
    )?;
    let open = |staff: Id, start: NaiveDate| -> Result<()> {
        tx.execute(
            "INSERT INTO referent_period (apprentice_id, staff_id, start_date) VALUES (?1, ?2, ?3)",
            params![apprentice_id, staff, start],
        )?;
        Ok(())
    };
    match (current, referent) {
        (None, None) => Ok(()),
        (Some((_, staff, _)), Some(new)) if staff == new => Ok(()),
        (None, Some(new)) => {
            // After a time without référent, the history resumes where it stopped.
            let last_end: Option<NaiveDate> = tx.query_row(
                "SELECT max(end_date) FROM referent_period WHERE apprentice_id = ?1",
                [apprentice_id],
                |r| r.get(0),
            )?;
            let start = since.or(last_end).unwrap_or(start_of_training);
            if let Some(end) = last_end.filter(|end| start < *end) {
                return Err(field_error(
                    "referentSince",
                    format!(
                        "Le référent précédent a suivi cet(te) apprenti(e) jusqu’au {}\u{a0}: le relais ne peut pas être antérieur.",
                        crate::format::date(end)
                    ),
                ));
            }
            open(new, start)
        }
        (Some((period, _, start)), new) => {
            let since = since.ok_or_else(|| {
                field_error(
                    "referentSince",
                    "Indiquez le jour où le nouveau référent prend le relais\u{a0}: l’historique garde le précédent.",
                )
            })?;
            if since < start {
                return Err(field_error(
                    "referentSince",
                    format!(
                        "Le référent actuel suit cet(te) apprenti(e) depuis le {}\u{a0}: le relais ne peut pas être antérieur.",
                        crate::format::date(start)
                    ),
                ));
            }
            if since == start {
                // A correction on the day it started: no period of zero days.
                match new {
                    Some(new) => tx.execute(
                        "UPDATE referent_period SET staff_id = ?1 WHERE id = ?2",
                        params![new, period],
                    )?,
                    None => tx.execute("DELETE FROM referent_period WHERE id = ?1", [period])?,
                };
                return Ok(());
            }
            tx.execute(
                "UPDATE referent_period SET end_date = ?1 WHERE id = ?2",
                params![since, period],
            )?;
            match new {
                Some(new) => open(new, since),
                None => Ok(()),
            }
        }
    }
}

impl Store {
    /// Who followed an apprentice, oldest first; the last has no end.
    pub fn referent_history(&self, apprentice_id: Id) -> Result<Vec<ReferentPeriod>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.apprentice_id, p.staff_id, s.first_name || ' ' || s.last_name, p.start_date, p.end_date
             FROM referent_period p JOIN staff s ON s.id = p.staff_id
             WHERE p.apprentice_id = ?1 ORDER BY p.start_date, p.id",
        )?;
        let rows = stmt
            .query_map([apprentice_id], |r| {
                Ok(ReferentPeriod {
                    id: r.get(0)?,
                    apprentice_id: r.get(1)?,
                    staff_id: r.get(2)?,
                    staff_name: r.get(3)?,
                    start_date: r.get(4)?,
                    end_date: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One référent for several apprentices from one day, all at once.
    pub fn assign_referent(&mut self, input: &ReferentAssignmentInput) -> Result<usize> {
        let (apprentices, staff, since) = validate::check_referent_assignment(input)?;
        self.batch(|w| w.assign_referent(&apprentices, staff, since))
    }

    pub fn follow_up(&self, id: Id) -> Result<FollowUp> {
        get_follow_up(&self.conn, id)
    }

    /// An apprentice's follow-ups, newest first.
    pub fn follow_ups_of(&self, apprentice_id: Id) -> Result<Vec<FollowUpRow>> {
        let sql = format!(
            "SELECT {FOLLOW_UP_COLUMNS}, s.first_name || ' ' || s.last_name FROM follow_up f
             LEFT JOIN staff s ON s.id = f.staff_id
             WHERE f.apprentice_id = ?1 ORDER BY f.held_on DESC, f.id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt
            .query_map([apprentice_id], |r| {
                Ok(FollowUpRow {
                    follow_up: follow_up_from_row(r)?,
                    staff_name: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for row in &mut rows {
            row.follow_up.topics = topics(&self.conn, row.follow_up.id)?;
        }
        Ok(rows)
    }

    pub fn save_follow_up(&mut self, input: &FollowUpInput) -> Result<FollowUp> {
        let follow_up = validate::check_follow_up(input)?;
        let id = self.batch(|w| w.save_follow_up(input.id, &follow_up))?;
        self.follow_up(id)
    }

    /// Days after which a monthly review is late (setting, default 35).
    pub fn overdue_after_days(&self) -> Result<i64> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [OVERDUE_SETTING],
                |r| r.get(0),
            )
            .optional()?;
        Ok(value
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_OVERDUE_DAYS))
    }

    pub fn set_overdue_after_days(&mut self, text: &str) -> Result<i64> {
        let days: i64 = match text.trim().parse() {
            Ok(days @ 7..=120) => days,
            _ => {
                return Err(field_error(
                    "overdueAfterDays",
                    "Le délai d’un point mensuel s’écrit en jours, de 7 à 120.",
                ))
            }
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![OVERDUE_SETTING, days.to_string()],
            )?;
            Ok(())
        })?;
        Ok(days)
    }

    /// The « En retard » list as of a day (the core never reads the clock).
    pub fn overdue(&self, as_of: NaiveDate) -> Result<OverdueList> {
        let after_days = self.overdue_after_days()?;
        let mut last: std::collections::HashMap<Id, NaiveDate> = std::collections::HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT apprentice_id, max(held_on) FROM follow_up
             WHERE kind = 'monthly_review' AND held_on <= ?1 GROUP BY apprentice_id",
        )?;
        for row in stmt.query_map([as_of], |r| {
            Ok((r.get::<_, Id>(0)?, r.get::<_, NaiveDate>(1)?))
        })? {
            let (id, date) = row?;
            last.insert(id, date);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.first_name, a.last_name, c.id, c.label, g.code, a.referent_id,
                    s.first_name || ' ' || s.last_name, a.status, a.exit_date,
                    coalesce(a.contract_start, c.start_date), c.end_date
             FROM apprentice a JOIN cohort c ON c.id = a.cohort_id JOIN programme g ON g.id = c.programme_id
             LEFT JOIN staff s ON s.id = a.referent_id
             WHERE a.status = 'in_training' AND c.start_date <= ?1 AND c.end_date >= ?1",
        )?;
        let candidates = stmt
            .query_map([as_of], |r| {
                let id: Id = r.get(0)?;
                let started: NaiveDate = r.get(10)?;
                Ok(Candidate {
                    row: OverdueRow {
                        apprentice_id: id,
                        first_name: r.get(1)?,
                        last_name: r.get(2)?,
                        cohort_id: r.get(3)?,
                        cohort_label: r.get(4)?,
                        programme_code: r.get(5)?,
                        referent_id: r.get(6)?,
                        referent_name: r.get(7)?,
                        last_review: None,
                        since: started,
                        days: 0,
                    },
                    in_training: code(r, 8, ApprenticeStatus::from_code)?
                        == ApprenticeStatus::InTraining,
                    exit_date: r.get(9)?,
                    started,
                    cohort_end: r.get(11)?,
                    reviews: last.get(&id).copied().into_iter().collect(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let in_training = candidates
            .iter()
            .filter(|c| support::in_training(c, as_of))
            .count() as i64;
        Ok(OverdueList {
            as_of,
            after_days,
            in_training,
            rows: support::overdue(&candidates, as_of, after_days),
        })
    }
}

impl Writer<'_> {
    pub fn assign_referent(
        &self,
        apprentices: &[Id],
        staff: Id,
        since: NaiveDate,
    ) -> Result<usize> {
        let tx = self.tx;
        ensure_exists(
            tx,
            "staff",
            staff,
            "staffId",
            "Ce membre de l’équipe n’existe plus.",
        )?;
        for &apprentice in apprentices {
            ensure_exists(
                tx,
                "apprentice",
                apprentice,
                "apprenticeIds",
                "Un(e) des apprentis choisis n’existe plus.",
            )?;
            sync_referent(tx, apprentice, Some(staff), Some(since))?;
            tx.execute(
                "UPDATE apprentice SET referent_id = ?1 WHERE id = ?2",
                params![staff, apprentice],
            )?;
        }
        Ok(apprentices.len())
    }

    pub fn save_follow_up(&self, id: Option<Id>, f: &NewFollowUp) -> Result<Id> {
        let tx = self.tx;
        let apprentice: Option<(Option<NaiveDate>, NaiveDate, Option<Id>)> = tx
            .query_row(
                "SELECT a.exit_date, c.start_date, a.referent_id FROM apprentice a JOIN cohort c ON c.id = a.cohort_id
                 WHERE a.id = ?1",
                [f.apprentice_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((exit, cohort_start, current_referent)) = apprentice else {
            return Err(field_error(
                "apprenticeId",
                "Cet(te) apprenti(e) n’existe plus.",
            ));
        };
        if f.held_on < cohort_start - Duration::days(31) {
            return Err(field_error(
                "heldOn",
                format!(
                    "La promo commence le {}\u{a0}: un entretien ne peut pas dater de plus d’un mois avant.",
                    crate::format::date(cohort_start)
                ),
            ));
        }
        if let (FollowUpKind::MonthlyReview, Some(exit)) = (f.kind, exit) {
            if f.held_on > exit {
                return Err(field_error(
                    "heldOn",
                    format!(
                        "Cet(te) apprenti(e) est sorti(e) le {}\u{a0}: un point mensuel suit un(e) apprenti(e) en formation \
                         (après la sortie, c’est l’entretien de fin de parcours ou le questionnaire de sortie).",
                        crate::format::date(exit)
                    ),
                ));
            }
        }
        // Held by the référent of that day, unless someone else is named.
        let staff = match f.staff_id {
            Some(staff) => {
                ensure_exists(tx, "staff", staff, "staffId", "Ce membre de l’équipe n’existe plus.")?;
                Some(staff)
            }
            None => tx
                .query_row(
                    "SELECT staff_id FROM referent_period WHERE apprentice_id = ?1 AND start_date <= ?2
                       AND (end_date IS NULL OR end_date > ?2) ORDER BY start_date DESC LIMIT 1",
                    params![f.apprentice_id, f.held_on],
                    |r| r.get(0),
                )
                .optional()?
                .or(current_referent),
        };
        let values = params![
            f.apprentice_id,
            f.kind.code(),
            f.held_on,
            staff,
            f.findings,
            f.next_steps,
            f.impact,
            f.project
        ];
        let id = match id {
            Some(id) => {
                let before = get_follow_up(tx, id)?;
                if before.apprentice_id != f.apprentice_id {
                    return Err(field_error(
                        "apprenticeId",
                        "Un entretien ne change pas d’apprenti(e).",
                    ));
                }
                let mut values = values.to_vec();
                values.push(&id);
                tx.execute(
                    "UPDATE follow_up SET apprentice_id = ?1, kind = ?2, held_on = ?3, staff_id = ?4, findings = ?5,
                         next_steps = ?6, impact = ?7, project = ?8 WHERE id = ?9",
                    values.as_slice(),
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO follow_up (apprentice_id, kind, held_on, staff_id, findings, next_steps, impact, project)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    values,
                )?;
                Id(tx.last_insert_rowid())
            }
        };
        tx.execute("DELETE FROM follow_up_topic WHERE follow_up_id = ?1", [id])?;
        let mut insert =
            tx.prepare_cached("INSERT INTO follow_up_topic (follow_up_id, topic) VALUES (?1, ?2)")?;
        for topic in &f.topics {
            insert.execute(params![id, topic.code()])?;
        }
        Ok(id)
    }
}
