//! Action plans (`action_plan`), their objectives (`objective`, with the kinds
//! they count and the actions linked to them), and the milestones of the
//! school year (`milestone`). An objective's value is always computed here
//! from the records, as of a day the caller gives.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::actions::participation;
use super::{code, ensure_exists, found, Store, Writer};
use crate::error::{Error, Result};
use crate::metrics::{self, Figure};
use crate::model::*;
use crate::validate::{self, field_error};

const PLAN_COLUMNS: &str =
    "p.id, p.programme_id, p.school_year, p.intent, p.owner_id, p.resources, p.budget_cents";
const OBJECTIVE_COLUMNS: &str =
    "o.id, o.plan_id, o.label, o.owner_id, o.period_start, o.period_end, \
     o.measure, o.target, o.cohort_id, o.result, o.manual_value, o.manual_source, o.manual_date";

fn year_of(r: &Row<'_>, index: usize) -> rusqlite::Result<SchoolYear> {
    let text: String = r.get(index)?;
    SchoolYear::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("année scolaire illisible « {text} »").into(),
        )
    })
}

fn plan_from_row(r: &Row<'_>) -> rusqlite::Result<ActionPlan> {
    Ok(ActionPlan {
        id: r.get(0)?,
        programme_id: r.get(1)?,
        school_year: year_of(r, 2)?,
        intent: r.get(3)?,
        owner_id: r.get(4)?,
        resources: r.get(5)?,
        budget_cents: r.get(6)?,
    })
}

fn objective_from_row(r: &Row<'_>) -> rusqlite::Result<Objective> {
    let result: Option<String> = r.get(9)?;
    Ok(Objective {
        id: r.get(0)?,
        plan_id: r.get(1)?,
        label: r.get(2)?,
        owner_id: r.get(3)?,
        period_start: r.get(4)?,
        period_end: r.get(5)?,
        measure: code(r, 6, ObjectiveMeasure::from_code)?,
        target: r.get(7)?,
        action_kinds: Vec::new(),
        cohort_id: r.get(8)?,
        result: match result {
            Some(_) => Some(code(r, 9, ResultFigure::from_code)?),
            None => None,
        },
        manual_value: r.get(10)?,
        manual_source: r.get(11)?,
        manual_date: r.get(12)?,
    })
}

fn get_plan(conn: &Connection, id: Id) -> Result<ActionPlan> {
    let sql = format!("SELECT {PLAN_COLUMNS} FROM action_plan p WHERE p.id = ?1");
    found(
        conn.query_row(&sql, [id], plan_from_row),
        "Plan d’actions",
        id,
    )
}

fn objectives_where(conn: &Connection, clause: &str, value: Id) -> Result<Vec<Objective>> {
    let sql = format!(
        "SELECT {OBJECTIVE_COLUMNS} FROM objective o WHERE {clause} ORDER BY o.period_start, o.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut objectives = stmt
        .query_map([value], objective_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut kinds = conn
        .prepare_cached("SELECT kind FROM objective_kind WHERE objective_id = ?1 ORDER BY kind")?;
    for o in &mut objectives {
        o.action_kinds = kinds
            .query_map([o.id], |r| code(r, 0, ActionKind::from_code))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        o.action_kinds.sort_unstable();
    }
    Ok(objectives)
}

fn get_objective(conn: &Connection, id: Id) -> Result<Objective> {
    objectives_where(conn, "o.id = ?1", id)?
        .pop()
        .ok_or(Error::NotFound {
            entity: "Objectif",
            id,
        })
}

/// « ≥ 80 % », « ≥ 6 actions ».
fn target_display(o: &Objective) -> String {
    match o.measure {
        ObjectiveMeasure::ActionCount => {
            let n = o.target.round() as i64;
            format!("≥ {n} action{}", if n > 1 { "s" } else { "" })
        }
        _ => format!("≥ {}\u{202f}%", crate::format::decimal(o.target, 0)),
    }
}

/// The milestones a school year has until the CFA edits them: the usual
/// French calendar (rentrée, Parcoursup, fairs, recruitment, exams).
pub fn default_milestones(year: SchoolYear) -> Vec<Milestone> {
    let y = year.start_year();
    let day = |year: i32, month: u32, day: u32| {
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
    };
    // The rentrée: the first Monday of September.
    let rentree = (1..=7)
        .map(|d| day(y, 9, d))
        .find(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Mon)
        .unwrap_or(day(y, 9, 1));
    let m = |kind, label: &str, start, end| Milestone {
        id: None,
        school_year: year,
        kind,
        label: label.to_owned(),
        start_date: start,
        end_date: end,
    };
    use MilestoneKind::*;
    vec![
        m(Rentree, "Rentrée", rentree, None),
        m(
            Recruitment,
            "Recrutement des apprentis de la rentrée (fin des signatures)",
            day(y, 9, 1),
            Some(day(y, 10, 31)),
        ),
        m(
            Parcoursup,
            "Parcoursup : formulation des vœux",
            day(y + 1, 1, 15),
            Some(day(y + 1, 3, 13)),
        ),
        m(Fair, "Portes ouvertes du CFA", day(y + 1, 2, 7), None),
        m(
            Fair,
            "Salon de l’apprentissage et de l’alternance",
            day(y + 1, 3, 14),
            Some(day(y + 1, 3, 15)),
        ),
        m(
            Admissions,
            "Candidatures en admissions parallèles et Mon Master",
            day(y + 1, 2, 25),
            Some(day(y + 1, 4, 30)),
        ),
        m(
            Parcoursup,
            "Parcoursup : confirmation des vœux",
            day(y + 1, 4, 2),
            None,
        ),
        m(
            Recruitment,
            "Recrutement des apprentis de la rentrée suivante",
            day(y + 1, 3, 1),
            Some(day(y + 1, 8, 31)),
        ),
        m(Exams, "Examens", day(y + 1, 5, 15), Some(day(y + 1, 6, 30))),
        m(
            Parcoursup,
            "Parcoursup : phase d’admission principale",
            day(y + 1, 6, 2),
            Some(day(y + 1, 7, 10)),
        ),
        m(
            Parcoursup,
            "Parcoursup : phase complémentaire",
            day(y + 1, 6, 11),
            Some(day(y + 1, 8, 31)),
        ),
    ]
}

/// Attendance of one apprentice in the year: (apprentice, kind, indicator 29, date).
type Attended = Vec<(Id, ActionKind, bool, NaiveDate)>;

struct PlanContext {
    year: SchoolYear,
    programme_id: Id,
    /// (apprentice, cohort, cohort end, exit date) of the year's cohorts.
    members: Vec<(Id, Id, NaiveDate, Option<NaiveDate>)>,
    attended: Attended,
    actions: Vec<ActionRow>,
    links: HashMap<Id, Vec<Id>>,
    results: Option<metrics::ProgrammeResults>,
}

/// An objective counts the actions of its own period.
fn in_period(o: &Objective, date: NaiveDate) -> bool {
    o.period_start <= date && date <= o.period_end
}

fn counts_for(o: &Objective, kind: ActionKind, indicator29: bool) -> bool {
    if o.action_kinds.is_empty() {
        indicator29
    } else {
        o.action_kinds.contains(&kind)
    }
}

impl Store {
    fn plan_context(&self, programme_id: Id, year: SchoolYear) -> Result<PlanContext> {
        let (from, to) = (year.first_day(), year.last_day());
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.cohort_id, c.end_date, a.exit_date FROM apprentice a JOIN cohort c ON c.id = a.cohort_id
             WHERE c.programme_id = ?1 AND c.start_date <= ?3 AND c.end_date >= ?2
               AND (a.exit_date IS NULL OR a.exit_date >= ?2)
             ORDER BY a.id",
        )?;
        let members = stmt
            .query_map(params![programme_id, from, to], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.apprentice_id, x.kind, x.indicator29, x.start_date FROM attendance t
             JOIN action x ON x.id = t.action_id
             JOIN apprentice a ON a.id = t.apprentice_id JOIN cohort c ON c.id = a.cohort_id
             WHERE c.programme_id = ?1 AND t.present AND x.start_date BETWEEN ?2 AND ?3",
        )?;
        let attended = stmt
            .query_map(params![programme_id, from, to], |r| {
                Ok((
                    r.get(0)?,
                    code(r, 1, ActionKind::from_code)?,
                    r.get(2)?,
                    r.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let actions = self.list_actions(&ActionFilter {
            school_year: Some(year),
            programme_id: Some(programme_id),
            partner_id: None,
        })?;
        let mut links: HashMap<Id, Vec<Id>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.objective_id, x.action_id FROM action_objective x
             JOIN objective o ON o.id = x.objective_id JOIN action_plan p ON p.id = o.plan_id
             WHERE p.programme_id = ?1 AND p.school_year = ?2",
        )?;
        for row in stmt.query_map(params![programme_id, year.label()], |r| {
            Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?))
        })? {
            let (objective, action) = row?;
            links.entry(objective).or_default().push(action);
        }
        Ok(PlanContext {
            year,
            programme_id,
            members,
            attended,
            actions,
            links,
            results: None,
        })
    }

    fn progress(
        &self,
        ctx: &mut PlanContext,
        o: Objective,
        as_of: NaiveDate,
    ) -> Result<ObjectiveProgress> {
        let (from, to) = (ctx.year.first_day(), ctx.year.last_day());
        let mut figure: Option<Figure> = None;
        let (value, display, method) = match o.measure {
            ObjectiveMeasure::CohortShare | ObjectiveMeasure::FinalYearShare => {
                let denominator: Vec<Id> = ctx
                    .members
                    .iter()
                    .filter(|(_, cohort, end, _)| match o.measure {
                        ObjectiveMeasure::CohortShare => Some(*cohort) == o.cohort_id,
                        _ => *end >= from && *end <= to,
                    })
                    .map(|m| m.0)
                    .collect();
                let attended: HashSet<Id> = ctx
                    .attended
                    .iter()
                    .filter(|(_, kind, i29, date)| counts_for(&o, *kind, *i29) && in_period(&o, *date))
                    .map(|a| a.0)
                    .collect();
                let numerator: Vec<Id> = denominator
                    .iter()
                    .copied()
                    .filter(|id| attended.contains(id))
                    .collect();
                let kinds = kinds_phrase(&o);
                let who = match o.measure {
                    ObjectiveMeasure::CohortShare => "Apprentis de la promo",
                    _ => "Apprentis en dernière année (promos finissant dans l’année)",
                };
                let method = format!(
                    "{who} présents à au moins une action {kinds} de la période de l’objectif ÷ {} ; sortis avant la rentrée exclus.",
                    who.to_lowercase()
                );
                let f = Figure {
                    key: o.measure.code().into(),
                    label: o.label.clone(),
                    rate: Rate::new(numerator.len() as i64, denominator.len() as i64, &method),
                    numerator_ids: numerator,
                    denominator_ids: denominator,
                };
                let out = (f.rate.percent, f.rate.display.clone(), method);
                figure = Some(f);
                out
            }
            ObjectiveMeasure::ActionCount => {
                let n = ctx
                    .actions
                    .iter()
                    .filter(|a| counts_for(&o, a.kind, a.indicator29) && in_period(&o, a.start_date))
                    .count();
                (
                    Some(n as f64),
                    format!("{n} action{}", if n > 1 { "s" } else { "" }),
                    format!(
                        "Actions {} de la période de l’objectif (du {} au {}) visant une promo de la filière.",
                        kinds_phrase(&o),
                        crate::format::date(o.period_start),
                        crate::format::date(o.period_end)
                    ),
                )
            }
            ObjectiveMeasure::Result => {
                let result = o.result.unwrap_or(ResultFigure::ResponseRate6);
                // Last year's leavers: their 6- and 12-month questionnaires
                // fall due this year. The share accompanied is this year's.
                let leavers_year = if result == ResultFigure::Accompanied {
                    ctx.year
                } else {
                    SchoolYear::starting(ctx.year.start_year() - 1)
                };
                if ctx.results.as_ref().is_none_or(|r| r.school_year != leavers_year) {
                    ctx.results = Some(self.programme_results(ctx.programme_id, leavers_year, as_of)?);
                }
                let key = match result {
                    ResultFigure::ResponseRate6 | ResultFigure::ResponseRate12 => "response_rate",
                    ResultFigure::Insertion6 | ResultFigure::Insertion12 => "insertion",
                    ResultFigure::TargetJob6 | ResultFigure::TargetJob12 => "target_job",
                    ResultFigure::FurtherStudies6 | ResultFigure::FurtherStudies12 => {
                        "further_studies"
                    }
                    ResultFigure::Accompanied => "accompanied",
                };
                let found = ctx
                    .results
                    .as_ref()
                    .and_then(|r| r.figure(key, result.timepoint()))
                    .cloned();
                match found {
                    Some(f) => {
                        let method = if result == ResultFigure::Accompanied {
                            format!("{}, année scolaire {} : {}", result.label(), ctx.year.label(), f.rate.method)
                        } else {
                            format!(
                                "{} des sortants de l’année scolaire {} (leurs questionnaires tombent pendant le plan) : {}",
                                result.label(),
                                leavers_year.label(),
                                f.rate.method
                            )
                        };
                        let out = (f.rate.percent, f.rate.display.clone(), method);
                        figure = Some(f);
                        out
                    }
                    None => (None, "non calculable".into(), result.label().into()),
                }
            }
            ObjectiveMeasure::Manual => match (o.manual_value, &o.manual_source, o.manual_date) {
                (Some(v), Some(source), Some(date)) => (
                    Some(v),
                    format!("{}\u{202f}%", crate::format::decimal(v, 1)),
                    format!(
                        "Valeur saisie à la main : {source}, au {}.",
                        crate::format::date(date)
                    ),
                ),
                _ => (
                    None,
                    "non renseigné".into(),
                    "Valeur à saisir à la main, avec sa source et sa date : rien dans les fiches ne la mesure."
                        .into(),
                ),
            },
        };
        let status = metrics::objective_status(value, o.target, o.period_end, as_of);
        let linked: HashSet<Id> = ctx
            .links
            .get(&o.id)
            .map(|v| v.iter().copied().collect())
            .unwrap_or_default();
        let actions: Vec<ActionRow> = ctx
            .actions
            .iter()
            .filter(|a| linked.contains(&a.id))
            .cloned()
            .collect();
        let present: i64 = actions.iter().map(|a| a.present).sum();
        let invited: i64 = actions.iter().map(|a| a.invited).sum();
        Ok(ObjectiveProgress {
            target_display: target_display(&o),
            objective: o,
            value,
            display,
            figure,
            status,
            method,
            actions,
            participation: participation(present, invited),
        })
    }

    pub fn list_plans(&self, year: Option<SchoolYear>) -> Result<Vec<PlanRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.programme_id, g.code, g.name, p.school_year,
                    s.first_name || ' ' || s.last_name,
                    (SELECT count(*) FROM objective o WHERE o.plan_id = p.id)
             FROM action_plan p JOIN programme g ON g.id = p.programme_id
             LEFT JOIN staff s ON s.id = p.owner_id
             WHERE ?1 IS NULL OR p.school_year = ?1
             ORDER BY p.school_year DESC, g.code COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([year.map(|y| y.label())], |r| {
                Ok(PlanRow {
                    id: r.get(0)?,
                    programme_id: r.get(1)?,
                    programme_code: r.get(2)?,
                    programme_name: r.get(3)?,
                    school_year: year_of(r, 4)?,
                    owner_name: r.get(5)?,
                    objective_count: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn action_plan(&self, id: Id) -> Result<ActionPlan> {
        get_plan(&self.conn, id)
    }

    /// The plan of a filière for a year, if there is one.
    pub fn plan_for(&self, programme_id: Id, year: SchoolYear) -> Result<Option<Id>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM action_plan WHERE programme_id = ?1 AND school_year = ?2",
                params![programme_id, year.label()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A plan with every objective measured as of `as_of`, and its isolated actions.
    pub fn plan_detail(&self, id: Id, as_of: NaiveDate) -> Result<PlanDetail> {
        let plan = self.action_plan(id)?;
        let (programme_code, programme_name): (String, String) = self.conn.query_row(
            "SELECT code, name FROM programme WHERE id = ?1",
            [plan.programme_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let owner_name: Option<String> = match plan.owner_id {
            Some(owner) => self
                .conn
                .query_row(
                    "SELECT first_name || ' ' || last_name FROM staff WHERE id = ?1",
                    [owner],
                    |r| r.get(0),
                )
                .optional()?,
            None => None,
        };
        let mut ctx = self.plan_context(plan.programme_id, plan.school_year)?;
        let objectives = self.measure_objectives(&mut ctx, plan.id, as_of)?;
        let linked: HashSet<Id> = ctx.links.values().flatten().copied().collect();
        let isolated_actions = ctx
            .actions
            .into_iter()
            .filter(|a| a.indicator29 && !linked.contains(&a.id))
            .collect();
        let mut ids: Vec<Id> = objectives
            .iter()
            .filter_map(|o| o.figure.as_ref())
            .flat_map(|f| {
                f.denominator_ids
                    .iter()
                    .chain(f.numerator_ids.iter())
                    .copied()
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let people = self.people(&ids)?;
        Ok(PlanDetail {
            plan,
            programme_code,
            programme_name,
            owner_name,
            as_of,
            objectives,
            isolated_actions,
            people,
        })
    }

    /// Who these apprentices are (name and promo), for figures' lists: one query.
    pub fn people(&self, ids: &[Id]) -> Result<Vec<metrics::PersonRef>> {
        let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.first_name, a.last_name, c.label FROM apprentice a
             JOIN cohort c ON c.id = a.cohort_id
             WHERE a.id IN (SELECT value FROM json_each(?1)) ORDER BY a.id",
        )?;
        let people = stmt
            .query_map([serde_json::to_string(&ids).unwrap_or_default()], |r| {
                Ok(metrics::PersonRef {
                    id: r.get(0)?,
                    first_name: r.get(1)?,
                    last_name: r.get(2)?,
                    cohort_label: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(people)
    }

    /// Every objective of a plan, measured as of `as_of`.
    pub fn objective_progress(
        &self,
        plan: &ActionPlan,
        as_of: NaiveDate,
    ) -> Result<Vec<ObjectiveProgress>> {
        let mut ctx = self.plan_context(plan.programme_id, plan.school_year)?;
        self.measure_objectives(&mut ctx, plan.id, as_of)
    }

    fn measure_objectives(
        &self,
        ctx: &mut PlanContext,
        plan_id: Id,
        as_of: NaiveDate,
    ) -> Result<Vec<ObjectiveProgress>> {
        objectives_where(&self.conn, "o.plan_id = ?1", plan_id)?
            .into_iter()
            .map(|o| self.progress(ctx, o, as_of))
            .collect()
    }

    pub fn objective(&self, id: Id) -> Result<Objective> {
        get_objective(&self.conn, id)
    }

    /// Objectives of a year's plans (every filière), for choice lists.
    pub fn objective_choices(&self, year: SchoolYear) -> Result<Vec<ObjectiveChoice>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.label, p.programme_id, g.code, p.school_year FROM objective o
             JOIN action_plan p ON p.id = o.plan_id JOIN programme g ON g.id = p.programme_id
             WHERE p.school_year = ?1 ORDER BY g.code COLLATE NOCASE, o.period_start, o.id",
        )?;
        let rows = stmt
            .query_map([year.label()], |r| {
                Ok(ObjectiveChoice {
                    id: r.get(0)?,
                    label: r.get(1)?,
                    programme_id: r.get(2)?,
                    programme_code: r.get(3)?,
                    school_year: year_of(r, 4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn save_action_plan(
        &mut self,
        input: &ActionPlanInput,
        as_of: NaiveDate,
    ) -> Result<PlanDetail> {
        let plan = validate::check_action_plan(input)?;
        let id = self.batch(|w| w.save_action_plan(input.id, &plan))?;
        self.plan_detail(id, as_of)
    }

    pub fn save_objective(
        &mut self,
        input: &ObjectiveInput,
        as_of: NaiveDate,
    ) -> Result<PlanDetail> {
        let plan_id = input
            .plan_id
            .ok_or_else(|| field_error("planId", "L’objectif appartient à un plan."))?;
        let year = self.action_plan(plan_id)?.school_year;
        let objective = validate::check_objective(input, year)?;
        self.batch(|w| w.save_objective(input.id, &objective))?;
        self.plan_detail(plan_id, as_of)
    }

    /// The milestones of a year: the CFA's own once edited, else the defaults.
    pub fn milestones(&self, year: SchoolYear) -> Result<Vec<Milestone>> {
        let edited: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM milestone_year WHERE school_year = ?1)",
            [year.label()],
            |r| r.get(0),
        )?;
        if !edited {
            return Ok(default_milestones(year));
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, school_year, kind, label, start_date, end_date FROM milestone
             WHERE school_year = ?1 ORDER BY start_date, id",
        )?;
        let rows = stmt
            .query_map([year.label()], |r| {
                Ok(Milestone {
                    id: Some(r.get(0)?),
                    school_year: year_of(r, 1)?,
                    kind: code(r, 2, MilestoneKind::from_code)?,
                    label: r.get(3)?,
                    start_date: r.get(4)?,
                    end_date: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Makes a year's milestones the CFA's own (the defaults, stored), so
    /// each can be edited or deleted; returns them with their ids.
    pub fn edit_milestones(&mut self, year: SchoolYear) -> Result<Vec<Milestone>> {
        self.batch(|w| w.own_milestones(year))?;
        self.milestones(year)
    }

    pub fn save_milestone(&mut self, input: &MilestoneInput) -> Result<Vec<Milestone>> {
        let milestone = validate::check_milestone(input)?;
        let year = milestone.school_year;
        self.batch(|w| w.save_milestone(&milestone).map(|_| ()))?;
        self.milestones(year)
    }
}

fn kinds_phrase(o: &Objective) -> String {
    if o.action_kinds.is_empty() {
        "de l’indicateur 29".into()
    } else {
        let labels: Vec<String> = o
            .action_kinds
            .iter()
            .map(|k| format!("« {} »", k.label()))
            .collect();
        format!("de type {}", labels.join(", "))
    }
}

impl Writer<'_> {
    pub fn save_action_plan(&self, id: Option<Id>, p: &NewActionPlan) -> Result<Id> {
        let tx = self.tx;
        ensure_exists(
            tx,
            "programme",
            p.programme_id,
            "programmeId",
            "Cette filière n’existe plus.",
        )?;
        if let Some(owner) = p.owner_id {
            ensure_exists(
                tx,
                "staff",
                owner,
                "ownerId",
                "Ce membre de l’équipe n’existe plus.",
            )?;
        }
        let taken: Option<Id> = tx
            .query_row(
                "SELECT id FROM action_plan WHERE programme_id = ?1 AND school_year = ?2 AND id IS NOT ?3",
                params![p.programme_id, p.school_year.label(), id],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(field_error(
                "schoolYear",
                format!(
                    "Cette filière a déjà un plan d’actions pour {} : ouvrez-le pour le compléter.",
                    p.school_year.label()
                ),
            ));
        }
        let values = params![
            p.programme_id,
            p.school_year.label(),
            p.intent,
            p.owner_id,
            p.resources,
            p.budget_cents
        ];
        match id {
            Some(id) => {
                let before = get_plan(tx, id)?;
                if before.school_year != p.school_year || before.programme_id != p.programme_id {
                    let objectives: i64 = tx.query_row(
                        "SELECT count(*) FROM objective WHERE plan_id = ?1",
                        [id],
                        |r| r.get(0),
                    )?;
                    if objectives > 0 {
                        return Err(field_error(
                            "schoolYear",
                            "Ce plan a des objectifs propres à sa filière et à son année : créez plutôt un autre plan.",
                        ));
                    }
                }
                let mut values = values.to_vec();
                values.push(&id);
                tx.execute(
                    "UPDATE action_plan SET programme_id = ?1, school_year = ?2, intent = ?3, owner_id = ?4,
                         resources = ?5, budget_cents = ?6 WHERE id = ?7",
                    values.as_slice(),
                )?;
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO action_plan (programme_id, school_year, intent, owner_id, resources, budget_cents)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    values,
                )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }

    pub fn save_objective(&self, id: Option<Id>, o: &NewObjective) -> Result<Id> {
        let tx = self.tx;
        let plan = get_plan(tx, o.plan_id)?;
        if let Some(owner) = o.owner_id {
            ensure_exists(
                tx,
                "staff",
                owner,
                "ownerId",
                "Ce membre de l’équipe n’existe plus.",
            )?;
        }
        if let Some(cohort) = o.cohort_id {
            let programme: Option<Id> = tx
                .query_row(
                    "SELECT programme_id FROM cohort WHERE id = ?1",
                    [cohort],
                    |r| r.get(0),
                )
                .optional()?;
            if programme != Some(plan.programme_id) {
                return Err(field_error(
                    "cohortId",
                    "Choisissez une promo de la filière du plan.",
                ));
            }
            let taught: bool = tx.query_row(
                "SELECT start_date <= ?2 AND end_date >= ?1 FROM cohort WHERE id = ?3",
                params![
                    plan.school_year.first_day(),
                    plan.school_year.last_day(),
                    cohort
                ],
                |r| r.get(0),
            )?;
            if !taught {
                return Err(field_error(
                    "cohortId",
                    format!(
                        "Choisissez une promo en formation pendant l’année {}.",
                        plan.school_year.label()
                    ),
                ));
            }
        }
        let values = params![
            o.plan_id,
            o.label,
            o.owner_id,
            o.period_start,
            o.period_end,
            o.measure.code(),
            o.target,
            o.cohort_id,
            o.result.map(ResultFigure::code),
            o.manual_value,
            o.manual_source,
            o.manual_date
        ];
        let id = match id {
            Some(id) => {
                let before = get_objective(tx, id)?;
                if before.plan_id != o.plan_id {
                    return Err(field_error("planId", "Un objectif ne change pas de plan."));
                }
                let mut values = values.to_vec();
                values.push(&id);
                tx.execute(
                    "UPDATE objective SET plan_id = ?1, label = ?2, owner_id = ?3, period_start = ?4,
                         period_end = ?5, measure = ?6, target = ?7, cohort_id = ?8, result = ?9,
                         manual_value = ?10, manual_source = ?11, manual_date = ?12
                     WHERE id = ?13",
                    values.as_slice(),
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO objective (plan_id, label, owner_id, period_start, period_end, measure, target,
                         cohort_id, result, manual_value, manual_source, manual_date)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    values,
                )?;
                Id(tx.last_insert_rowid())
            }
        };
        tx.execute("DELETE FROM objective_kind WHERE objective_id = ?1", [id])?;
        let mut insert =
            tx.prepare_cached("INSERT INTO objective_kind (objective_id, kind) VALUES (?1, ?2)")?;
        for kind in &o.action_kinds {
            insert.execute(params![id, kind.code()])?;
        }
        Ok(id)
    }

    /// Stores a year's default milestones once, so the CFA can edit them.
    pub fn own_milestones(&self, year: SchoolYear) -> Result<()> {
        let tx = self.tx;
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO milestone_year (school_year) VALUES (?1)",
            [year.label()],
        )?;
        if inserted == 1 {
            for m in default_milestones(year) {
                insert_milestone(tx, &m)?;
            }
        }
        Ok(())
    }

    pub fn save_milestone(&self, m: &Milestone) -> Result<Id> {
        let tx = self.tx;
        self.own_milestones(m.school_year)?;
        match m.id {
            Some(id) => {
                let year: Option<String> = tx
                    .query_row(
                        "SELECT school_year FROM milestone WHERE id = ?1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?;
                match year {
                    None => Err(Error::NotFound {
                        entity: "Jalon",
                        id,
                    }),
                    Some(y) if y != m.school_year.label() => Err(field_error(
                        "schoolYear",
                        "Un jalon ne change pas d’année scolaire.",
                    )),
                    Some(_) => {
                        tx.execute(
                            "UPDATE milestone SET kind = ?1, label = ?2, start_date = ?3, end_date = ?4 WHERE id = ?5",
                            params![m.kind.code(), m.label, m.start_date, m.end_date, id],
                        )?;
                        Ok(id)
                    }
                }
            }
            None => insert_milestone(tx, m),
        }
    }
}

impl Writer<'_> {
    /// Links actions to an objective (the demo's shortcut; people use the action form).
    pub fn link_actions_to_objective(&self, objective_id: Id, action_ids: &[Id]) -> Result<()> {
        get_objective(self.tx, objective_id)?;
        let mut insert = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO action_objective (action_id, objective_id) VALUES (?1, ?2)",
        )?;
        for &action in action_ids {
            ensure_exists(
                self.tx,
                "action",
                action,
                "actionIds",
                "Une des actions n’existe plus.",
            )?;
            insert.execute([action, objective_id])?;
        }
        Ok(())
    }
}

fn insert_milestone(tx: &Connection, m: &Milestone) -> Result<Id> {
    tx.execute(
        "INSERT INTO milestone (school_year, kind, label, start_date, end_date) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![m.school_year.label(), m.kind.code(), m.label, m.start_date, m.end_date],
    )?;
    Ok(Id(tx.last_insert_rowid()))
}
