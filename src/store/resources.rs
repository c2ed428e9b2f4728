//! Indicator 14's measured support: evaluations before and after an action
//! (`evaluation`, `evaluation_score`) and the support resources with their
//! usage figures (`support_resource`, `resource_usage`).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{code, ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::model::*;
use crate::validate::{self, field_error};

fn resource_from_row(r: &Row<'_>) -> rusqlite::Result<SupportResource> {
    Ok(SupportResource {
        id: r.get(0)?,
        kind: code(r, 1, ResourceKind::from_code)?,
        name: r.get(2)?,
        description: r.get(3)?,
        provider: r.get(4)?,
        access: r.get(5)?,
        programme_ids: Vec::new(),
    })
}

fn get_resource(conn: &Connection, id: Id) -> Result<SupportResource> {
    let mut resource = found(
        conn.query_row(
            "SELECT id, kind, name, description, provider, access FROM support_resource WHERE id = ?1",
            [id],
            resource_from_row,
        ),
        "Ressource d’accompagnement",
        id,
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT programme_id FROM support_resource_programme WHERE resource_id = ?1 ORDER BY programme_id",
    )?;
    resource.programme_ids = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(resource)
}

fn usage_from_row(r: &Row<'_>) -> rusqlite::Result<ResourceUsage> {
    let metric = code(r, 4, UsageMetric::from_code)?;
    let value: f64 = r.get(5)?;
    Ok(ResourceUsage {
        id: r.get(0)?,
        resource_id: r.get(1)?,
        period_start: r.get(2)?,
        period_end: r.get(3)?,
        metric,
        value,
        shown: metric.show(value),
        note: r.get(6)?,
    })
}

const USAGE_COLUMNS: &str = "id, resource_id, period_start, period_end, metric, value, note";

fn period_label(start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    format!(
        "{} – {}",
        crate::format::date(start),
        crate::format::date(end)
    )
}

impl Store {
    /// An action's evaluation with one row per invited apprentice and its
    /// figures; `None` when the action has none yet.
    pub fn evaluation(&self, action_id: Id) -> Result<Option<Evaluation>> {
        // One read for what the figures need: the action's kind, its scale and target.
        let head: Option<(ActionKind, Option<EvaluationScale>, Option<f64>)> = self
            .conn
            .query_row(
                "SELECT a.kind, e.scale, e.target FROM action a
                 LEFT JOIN evaluation e ON e.action_id = a.id WHERE a.id = ?1",
                [action_id],
                |r| {
                    let scale: Option<String> = r.get(1)?;
                    Ok((
                        code(r, 0, ActionKind::from_code)?,
                        scale.as_deref().and_then(EvaluationScale::from_code),
                        r.get(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((kind, scale, target)) = head else {
            return Err(crate::error::Error::NotFound {
                entity: "Action",
                id: action_id,
            });
        };
        let Some(scale) = scale else {
            return Ok(None);
        };
        let mut scores: HashMap<Id, (Option<f64>, Option<f64>)> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT apprentice_id, before_score, after_score FROM evaluation_score WHERE action_id = ?1",
        )?;
        for row in stmt.query_map([action_id], |r| {
            Ok((r.get::<_, Id>(0)?, r.get(1)?, r.get(2)?))
        })? {
            let (id, before, after) = row?;
            scores.insert(id, (before, after));
        }
        // The rows are the action's attendance rows — the very apprentices a
        // score may be saved for, even one who has since changed promo.
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.first_name, a.last_name, c.label, t.present
             FROM attendance t JOIN apprentice a ON a.id = t.apprentice_id JOIN cohort c ON c.id = a.cohort_id
             WHERE t.action_id = ?1
             ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
        )?;
        let rows: Vec<EvaluationRow> = stmt
            .query_map([action_id], |r| {
                let id: Id = r.get(0)?;
                let (before, after) = scores.get(&id).copied().unwrap_or_default();
                Ok(EvaluationRow {
                    apprentice_id: id,
                    first_name: r.get(1)?,
                    last_name: r.get(2)?,
                    cohort_label: r.get(3)?,
                    present: r.get(4)?,
                    before,
                    after,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let figures = crate::support::evaluation_figures(kind, scale, target, &rows);
        Ok(Some(Evaluation {
            action_id,
            scale,
            target,
            rows,
            figures,
        }))
    }

    pub fn save_evaluation(&mut self, input: &EvaluationInput) -> Result<Evaluation> {
        let evaluation = validate::check_evaluation(input)?;
        self.batch(|w| w.save_evaluation(&evaluation))?;
        self.evaluation(evaluation.action_id)?
            .ok_or_else(|| field_error("actionId", "L’évaluation n’a pas été enregistrée."))
    }

    /// Removes an action's evaluation and every score (the action stays).
    pub fn delete_evaluation(&mut self, action_id: Id) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM evaluation WHERE action_id = ?1", [action_id])?;
            Ok(())
        })
    }

    pub fn support_resource(&self, id: Id) -> Result<SupportResourceDetail> {
        let resource = get_resource(&self.conn, id)?;
        let sql = format!(
            "SELECT {USAGE_COLUMNS} FROM resource_usage WHERE resource_id = ?1
             ORDER BY period_start DESC, metric"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let usages = stmt
            .query_map([id], usage_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SupportResourceDetail { resource, usages })
    }

    /// Every resource with its latest figures, by kind then name.
    pub fn list_support_resources(&self) -> Result<Vec<SupportResourceRow>> {
        let codes: HashMap<Id, String> = self
            .conn
            .prepare_cached("SELECT id, code FROM programme")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, name, description, provider, access FROM support_resource",
        )?;
        let mut resources: Vec<SupportResource> = stmt
            .query_map([], resource_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut links: HashMap<Id, Vec<Id>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT resource_id, programme_id FROM support_resource_programme")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?)))? {
            let (resource, programme) = row?;
            links.entry(resource).or_default().push(programme);
        }
        let mut usages: HashMap<Id, Vec<ResourceUsage>> = HashMap::new();
        let sql = format!(
            "SELECT {USAGE_COLUMNS} FROM resource_usage ORDER BY period_start DESC, metric"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for usage in stmt.query_map([], usage_from_row)? {
            let usage = usage?;
            usages.entry(usage.resource_id).or_default().push(usage);
        }
        for r in &mut resources {
            let mut ids = links.remove(&r.id).unwrap_or_default();
            ids.sort_unstable();
            r.programme_ids = ids;
        }
        resources.sort_by(|a, b| {
            (a.kind, crate::format::fold(&a.name)).cmp(&(b.kind, crate::format::fold(&b.name)))
        });
        Ok(resources
            .into_iter()
            .map(|resource| {
                let own = usages.remove(&resource.id).unwrap_or_default();
                let latest = own.first().map(|u| (u.period_start, u.period_end));
                let latest_figures = latest.map(|(start, end)| {
                    own.iter()
                        .filter(|u| u.period_start == start && u.period_end == end)
                        .map(|u| format!("{}\u{a0}: {}", u.metric.label(), u.shown))
                        .collect::<Vec<_>>()
                        .join(" · ")
                });
                let mut programmes: Vec<&str> = resource
                    .programme_ids
                    .iter()
                    .filter_map(|id| codes.get(id).map(String::as_str))
                    .collect();
                programmes.sort_unstable();
                SupportResourceRow {
                    programmes: if programmes.is_empty() {
                        "Toutes les filières".to_owned()
                    } else {
                        programmes.join(", ")
                    },
                    usage_count: own.len() as i64,
                    latest_period: latest.map(|(s, e)| period_label(s, e)),
                    latest_figures,
                    resource,
                }
            })
            .collect())
    }

    pub fn save_support_resource(
        &mut self,
        input: &SupportResourceInput,
    ) -> Result<SupportResourceDetail> {
        let resource = validate::check_support_resource(input)?;
        let id = self.batch(|w| w.save_support_resource(input.id, &resource))?;
        self.support_resource(id)
    }

    pub fn save_resource_usage(&mut self, input: &ResourceUsageInput) -> Result<ResourceUsage> {
        let usage = validate::check_resource_usage(input)?;
        let id = self.batch(|w| w.save_resource_usage(input.id, &usage))?;
        let sql = format!("SELECT {USAGE_COLUMNS} FROM resource_usage WHERE id = ?1");
        found(
            self.conn.query_row(&sql, [id], usage_from_row),
            "Chiffre d’usage",
            id,
        )
    }
}

impl Writer<'_> {
    pub fn save_evaluation(&self, e: &NewEvaluation) -> Result<()> {
        let tx = self.tx;
        let kind: Option<String> = tx
            .query_row(
                "SELECT kind FROM action WHERE id = ?1",
                [e.action_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(kind) = kind.as_deref().and_then(ActionKind::from_code) else {
            return Err(field_error("actionId", "Cette action n’existe plus."));
        };
        if !kind.is_evaluated() {
            return Err(field_error(
                "actionId",
                format!(
                    "Les évaluations avant/après concernent le soutien pédagogique, les outils numériques, \
                     les compétences transversales et la citoyenneté\u{a0}; «\u{a0}{}\u{a0}» n’en a pas.",
                    kind.label()
                ),
            ));
        }
        let mut invited = tx.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM attendance WHERE action_id = ?1 AND apprentice_id = ?2)",
        )?;
        for (apprentice, _, _) in &e.scores {
            let ok: bool = invited.query_row(params![e.action_id, apprentice], |r| r.get(0))?;
            if !ok {
                return Err(field_error(
                    "scores",
                    "Un score concerne un(e) apprenti(e) absent(e) de la feuille d’émargement de cette action\u{a0}: \
                     enregistrez l’action (sa feuille se met à jour avec ses promos), puis rouvrez l’évaluation.",
                ));
            }
        }
        tx.execute(
            "INSERT INTO evaluation (action_id, scale, target) VALUES (?1, ?2, ?3)
             ON CONFLICT (action_id) DO UPDATE SET scale = excluded.scale, target = excluded.target",
            params![e.action_id, e.scale.code(), e.target],
        )?;
        tx.execute(
            "DELETE FROM evaluation_score WHERE action_id = ?1",
            [e.action_id],
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO evaluation_score (action_id, apprentice_id, before_score, after_score)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (apprentice, before, after) in &e.scores {
            insert.execute(params![e.action_id, apprentice, before, after])?;
        }
        Ok(())
    }

    pub fn save_support_resource(&self, id: Option<Id>, r: &NewSupportResource) -> Result<Id> {
        let tx = self.tx;
        for &programme in &r.programme_ids {
            ensure_exists(
                tx,
                "programme",
                programme,
                "programmeIds",
                "Une des filières choisies n’existe plus.",
            )?;
        }
        let id = match id {
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE support_resource SET kind = ?1, name = ?2, description = ?3, provider = ?4, access = ?5
                     WHERE id = ?6",
                    params![r.kind.code(), r.name, r.description, r.provider, r.access, id],
                )?;
                if changed == 0 {
                    return Err(crate::error::Error::NotFound {
                        entity: "Ressource d’accompagnement",
                        id,
                    });
                }
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO support_resource (kind, name, description, provider, access)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![r.kind.code(), r.name, r.description, r.provider, r.access],
                )?;
                Id(tx.last_insert_rowid())
            }
        };
        tx.execute(
            "DELETE FROM support_resource_programme WHERE resource_id = ?1",
            [id],
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO support_resource_programme (resource_id, programme_id) VALUES (?1, ?2)",
        )?;
        for programme in &r.programme_ids {
            insert.execute(params![id, programme])?;
        }
        Ok(id)
    }

    pub fn save_resource_usage(&self, id: Option<Id>, u: &NewResourceUsage) -> Result<Id> {
        let tx = self.tx;
        ensure_exists(
            tx,
            "support_resource",
            u.resource_id,
            "resourceId",
            "Cette ressource n’existe plus.",
        )?;
        let clash: Option<Id> = tx
            .query_row(
                "SELECT id FROM resource_usage WHERE resource_id = ?1 AND metric = ?2 AND period_start = ?3
                   AND id IS NOT ?4",
                params![u.resource_id, u.metric.code(), u.period_start, id],
                |r| r.get(0),
            )
            .optional()?;
        if clash.is_some() {
            return Err(field_error(
                "metric",
                format!(
                    "«\u{a0}{}\u{a0}» est déjà saisi pour la période qui commence le {}\u{a0}: modifiez cette ligne.",
                    u.metric.label(),
                    crate::format::date(u.period_start)
                ),
            ));
        }
        let values = params![
            u.resource_id,
            u.period_start,
            u.period_end,
            u.metric.code(),
            u.value,
            u.note
        ];
        match id {
            Some(id) => {
                let mut values = values.to_vec();
                values.push(&id);
                let changed = tx.execute(
                    "UPDATE resource_usage SET resource_id = ?1, period_start = ?2, period_end = ?3, metric = ?4,
                         value = ?5, note = ?6 WHERE id = ?7",
                    values.as_slice(),
                )?;
                if changed == 0 {
                    return Err(crate::error::Error::NotFound {
                        entity: "Chiffre d’usage",
                        id,
                    });
                }
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO resource_usage (resource_id, period_start, period_end, metric, value, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    values,
                )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }
}

impl Writer<'_> {
    /// The invited apprentices of an action and whether each was present
    /// (the demo scores the present ones).
    pub fn invited(&self, action_id: Id) -> Result<Vec<(Id, bool)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT apprentice_id, present FROM attendance WHERE action_id = ?1 ORDER BY apprentice_id",
        )?;
        let rows = stmt
            .query_map([action_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The promo of an apprentice (the demo groups its leavers by promo).
    pub fn cohort_of(&self, apprentice_id: Id) -> Result<Id> {
        Ok(self.tx.query_row(
            "SELECT cohort_id FROM apprentice WHERE id = ?1",
            [apprentice_id],
            |r| r.get(0),
        )?)
    }
}
