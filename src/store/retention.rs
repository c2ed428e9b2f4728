//! Retention rules (RGPD): how long personal data is kept, per kind of
//! record, as settings with defaults the CFA's DPO may change; the plan of
//! what the rules would do on a given day (listed before anything is done),
//! and its application in one transaction, after which the database is
//! rewritten so the erased text is in none of its files. The day is always
//! given: the core never reads the clock.

use chrono::{Months, NaiveDate};
use rusqlite::params;

use super::personal::PERSONAL_PROOFS;
use super::Store;
use crate::error::Result;
use crate::model::*;
use crate::validate;

/// Shortest and longest period a rule accepts, in months.
pub const RETENTION_MONTHS: std::ops::RangeInclusive<u32> = 6..=240;

fn setting_key(kind: RetentionKind) -> String {
    format!("retention_{}", kind.code())
}

/// The records a rule would change on `cutoff` (its period began on or before it).
fn items(
    conn: &rusqlite::Connection,
    kind: RetentionKind,
    cutoff: NaiveDate,
) -> Result<Vec<RetentionItem>> {
    let sql = match kind {
        RetentionKind::LeftApprentices => {
            "SELECT id, first_name || ' ' || last_name, exit_date FROM apprentice
             WHERE exit_date IS NOT NULL AND exit_date <= ?1 AND anonymised_on IS NULL
             ORDER BY exit_date, id"
        }
        RetentionKind::FollowUpNotes => {
            "SELECT f.id, a.first_name || ' ' || a.last_name, f.held_on
             FROM follow_up f JOIN apprentice a ON a.id = f.apprentice_id
             WHERE f.held_on <= ?1
               AND (coalesce(f.findings, '') <> '' OR coalesce(f.next_steps, '') <> ''
                    OR coalesce(f.impact, '') <> '' OR coalesce(f.project, '') <> '')
             ORDER BY f.held_on, f.id"
        }
        RetentionKind::SurveyComments => {
            "SELECT s.id, a.first_name || ' ' || a.last_name, s.surveyed_on
             FROM exit_survey s JOIN apprentice a ON a.id = s.apprentice_id
             WHERE s.surveyed_on <= ?1 AND coalesce(s.comment, '') <> ''
             ORDER BY s.surveyed_on, s.id"
        }
        // A partner's last sign of life: an action, an agreement (until the
        // end of its validity), an offer.
        // One with none at all was just entered, and is kept.
        RetentionKind::PartnerContacts => {
            "SELECT id, name, last FROM (
                 SELECT p.id, p.name, max(
                     coalesce((SELECT max(a.start_date) FROM action_partner x JOIN action a ON a.id = x.action_id
                               WHERE x.partner_id = p.id), ''),
                     coalesce((SELECT max(coalesce(g.valid_until, g.signed_on)) FROM agreement g WHERE g.partner_id = p.id), ''),
                     coalesce((SELECT max(o.offered_on) FROM relayed_offer o WHERE o.partner_id = p.id), '')
                 ) AS last
                 FROM partner p
                 WHERE coalesce(p.contact_name, '') <> '' OR coalesce(p.contact_email, '') <> ''
                    OR coalesce(p.contact_phone, '') <> ''
             ) WHERE last <> '' AND last <= ?1
             ORDER BY last, id"
        }
    };
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([cutoff], |r| {
        Ok(RetentionItem {
            kind,
            record_id: r.get(0)?,
            label: r.get(1)?,
            since: r.get(2)?,
        })
    })?;
    let list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// Every record the rules would change on `as_of`, rule after rule.
fn plan_items(
    conn: &rusqlite::Connection,
    rules: &[RetentionRule],
    as_of: NaiveDate,
) -> Result<Vec<RetentionItem>> {
    let mut all = Vec::new();
    for rule in rules {
        let cutoff = as_of
            .checked_sub_months(Months::new(rule.months))
            .unwrap_or(NaiveDate::MIN);
        all.extend(items(conn, rule.kind, cutoff)?);
    }
    Ok(all)
}

impl Store {
    /// The rules as the CFA set them (defaults where it set nothing).
    pub fn retention_rules(&self) -> Result<Vec<RetentionRule>> {
        RetentionKind::ALL
            .iter()
            .map(|&kind| {
                let value: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT value FROM setting WHERE key = ?1",
                        [setting_key(kind)],
                        |r| r.get(0),
                    )
                    .map(Some)
                    .or_else(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => Ok(None),
                        other => Err(other),
                    })?;
                Ok(RetentionRule {
                    kind,
                    months: value
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(kind.default_months()),
                    default_months: kind.default_months(),
                    effect: kind.effect().to_owned(),
                })
            })
            .collect()
    }

    /// Sets a rule's period (6 to 240 months).
    pub fn set_retention(&mut self, kind: &str, months: u32) -> Result<RetentionRule> {
        let Some(kind) = RetentionKind::from_code(kind) else {
            return Err(validate::field_error(
                "kind",
                "Cette règle de conservation n’existe pas.",
            ));
        };
        if !RETENTION_MONTHS.contains(&months) {
            return Err(validate::field_error(
                "months",
                format!(
                    "Choisissez une durée entre {} et {} mois.",
                    RETENTION_MONTHS.start(),
                    RETENTION_MONTHS.end()
                ),
            ));
        }
        self.batch(|w| w.set_setting(&setting_key(kind), &months.to_string()))?;
        Ok(RetentionRule {
            kind,
            months,
            default_months: kind.default_months(),
            effect: kind.effect().to_owned(),
        })
    }

    /// What the rules would do on `as_of`: nothing is changed.
    pub fn retention_plan(&self, as_of: NaiveDate) -> Result<RetentionPlan> {
        let rules = self.retention_rules()?;
        let items = plan_items(&self.conn, &rules, as_of)?;
        Ok(RetentionPlan {
            as_of,
            rules,
            items,
        })
    }

    /// Does what [`Store::retention_plan`] listed for `as_of` — `listed`,
    /// the (rule, record) pairs the person saw — in one transaction, after
    /// checking inside it that the plan is still exactly that list (refused
    /// otherwise: nothing is done that was not shown). Then removes the files
    /// no one uses any more and rewrites the database so the erased text is
    /// in none of its files.
    pub fn apply_retention(
        &mut self,
        as_of: NaiveDate,
        listed: &[(RetentionKind, Id)],
    ) -> Result<RetentionReport> {
        let rules = self.retention_rules()?;
        let changed = self.write(|tx| {
            let plan_items = plan_items(tx, &rules, as_of)?;
            let now: Vec<(RetentionKind, Id)> =
                plan_items.iter().map(|i| (i.kind, i.record_id)).collect();
            if now != listed {
                return Err(crate::Error::Conflict(
                    "Les données ont changé depuis l’affichage de la liste : relisez-la, puis appliquez à nouveau."
                        .into(),
                ));
            }
            let plan = RetentionPlan {
                as_of,
                rules: rules.clone(),
                items: plan_items,
            };
            let mut changed = Vec::new();
            for rule in &plan.rules {
                let mut n = 0u32;
                for item in plan.items.iter().filter(|i| i.kind == rule.kind) {
                    let id = item.record_id;
                    match rule.kind {
                        RetentionKind::LeftApprentices => {
                            tx.execute(
                                "UPDATE apprentice SET first_name = 'Ancien(ne)',
                                     last_name = 'apprenti(e) n° ' || id, birth_date = NULL,
                                     email = NULL, phone = NULL, anonymised_on = ?2
                                 WHERE id = ?1",
                                params![id, as_of],
                            )?;
                            tx.execute(
                                "UPDATE follow_up SET findings = NULL, next_steps = NULL, impact = NULL, project = NULL
                                 WHERE apprentice_id = ?1",
                                [id],
                            )?;
                            tx.execute(
                                "UPDATE exit_survey SET comment = NULL WHERE apprentice_id = ?1",
                                [id],
                            )?;
                            tx.execute(
                                &format!("DELETE FROM proof AS p WHERE {PERSONAL_PROOFS}"),
                                [id],
                            )?;
                        }
                        RetentionKind::FollowUpNotes => {
                            tx.execute(
                                "UPDATE follow_up SET findings = NULL, next_steps = NULL, impact = NULL, project = NULL
                                 WHERE id = ?1",
                                [id],
                            )?;
                        }
                        RetentionKind::SurveyComments => {
                            tx.execute("UPDATE exit_survey SET comment = NULL WHERE id = ?1", [id])?;
                        }
                        RetentionKind::PartnerContacts => {
                            tx.execute(
                                "UPDATE partner SET contact_name = NULL, contact_email = NULL, contact_phone = NULL
                                 WHERE id = ?1",
                                [id],
                            )?;
                        }
                    }
                    n += 1;
                }
                changed.push((rule.kind, n));
            }
            Ok(changed)
        })?;
        let files_removed = self.remove_unused_files()? as i64;
        if !listed.is_empty() {
            self.scrub()?;
        }
        Ok(RetentionReport {
            as_of,
            changed,
            files_removed,
        })
    }
}
