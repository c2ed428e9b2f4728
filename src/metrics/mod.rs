//! Indicator 29's results, exactly as DESIGN.md defines them (« The figures,
//! exactly »): pure functions over records already loaded — no I/O, no clock
//! (the day of the measure, `as_of`, is always given).
//!
//! Every figure is a numerator, a denominator, a rate (« 72,7 % », or « non
//! calculable » over zero) and a method sentence, with the apprentices in its
//! numerator and denominator so the auditor can ask who they are.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::model::{ApprenticeStatus, Id, Rate, SchoolYear, Situation, StudyType, Timepoint};

#[cfg(test)]
mod tests;

/// A rate with the people it counts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Figure {
    /// Stable key: `response_rate`, `insertion`, `target_job`, `further_studies`,
    /// `further_studies_school`, `further_studies_apprenticeship`,
    /// `study_type:<code>`, `accompanied`.
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub rate: Rate,
    pub numerator_ids: Vec<Id>,
    pub denominator_ids: Vec<Id>,
}

impl Figure {
    fn new(key: &str, label: &str, method: &str, numerator: Vec<Id>, denominator: Vec<Id>) -> Self {
        Self {
            key: key.to_owned(),
            label: label.to_owned(),
            rate: Rate::new(numerator.len() as i64, denominator.len() as i64, method),
            numerator_ids: numerator,
            denominator_ids: denominator,
        }
    }
}

/// A number of people, with who they are.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Headcount {
    #[ts(type = "number")]
    pub count: i64,
    pub ids: Vec<Id>,
}

impl Headcount {
    fn of(ids: Vec<Id>) -> Self {
        Self {
            count: ids.len() as i64,
            ids,
        }
    }
}

/// A leaver, as the figures need them.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaver {
    pub apprentice_id: Id,
    pub cohort_id: Id,
    pub status: ApprenticeStatus,
    pub exit_date: NaiveDate,
}

/// One exit questionnaire, as the figures need it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub apprentice_id: Id,
    pub timepoint: Timepoint,
    pub situation: Situation,
    pub in_target_job: bool,
    pub study_type: Option<StudyType>,
}

/// An apprentice of a cohort taught in the year, and whether they attended
/// at least one indicator-29 action that year.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub apprentice_id: Id,
    pub cohort_id: Id,
    pub accompanied: bool,
}

/// The day a questionnaire at `timepoint` falls due: the exit date plus its months.
pub fn due_on(exit_date: NaiveDate, timepoint: Timepoint) -> NaiveDate {
    exit_date
        .checked_add_months(Months::new(timepoint.months()))
        .unwrap_or(exit_date)
}

/// The figures at one timepoint.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TimepointResults {
    pub timepoint: Timepoint,
    /// L: leavers whose questionnaire at this timepoint is due (or answered).
    pub leavers: Headcount,
    /// Leavers of the year whose questionnaire is not due yet (left out of L).
    pub not_yet_due: Headcount,
    /// R: leavers with an answer that is not « injoignable ».
    pub respondents: Headcount,
    /// Leavers recorded as « injoignable ».
    pub unreachable: Headcount,
    /// Leavers due with no questionnaire at all.
    pub unanswered: Headcount,
    /// R ÷ L.
    pub response_rate: Figure,
    /// N: respondents in further studies (either route), unable to work, or
    /// employed abroad — out of both sides of the insertion rates.
    pub neutralised: Headcount,
    /// Employed in France ÷ (R − N).
    pub insertion: Figure,
    /// Employed in the target job ÷ (R − N).
    pub target_job: Figure,
    /// Further studies, both routes ÷ R.
    pub further_studies: Figure,
    /// School route ÷ R, then apprenticeship route ÷ R.
    pub further_studies_by_route: Vec<Figure>,
    /// Each type of further studies ÷ respondents in further studies.
    pub further_studies_by_type: Vec<Figure>,
}

/// The figures of a set of leavers at one timepoint, as of a day.
pub fn timepoint_results(
    leavers: &[Leaver],
    answers: &[Answer],
    timepoint: Timepoint,
    as_of: NaiveDate,
) -> TimepointResults {
    let at_t: HashMap<Id, &Answer> = answers
        .iter()
        .filter(|a| a.timepoint == timepoint)
        .map(|a| (a.apprentice_id, a))
        .collect();
    let mut l = Vec::new();
    let mut not_yet_due = Vec::new();
    for leaver in leavers.iter().filter(|l| l.status.has_left()) {
        let id = leaver.apprentice_id;
        if due_on(leaver.exit_date, timepoint) <= as_of || at_t.contains_key(&id) {
            l.push(id);
        } else {
            not_yet_due.push(id);
        }
    }
    let answer = |id: &Id| at_t.get(id).copied();
    let pick = |from: &[Id], keep: &dyn Fn(&Answer) -> bool| -> Vec<Id> {
        from.iter()
            .copied()
            .filter(|id| answer(id).is_some_and(keep))
            .collect()
    };
    let r = pick(&l, &|a| a.situation != Situation::Unreachable);
    let unreachable = pick(&l, &|a| a.situation == Situation::Unreachable);
    let unanswered: Vec<Id> = l
        .iter()
        .copied()
        .filter(|id| answer(id).is_none())
        .collect();
    let n = pick(&r, &|a| a.situation.is_neutralised());
    let neutral: HashSet<Id> = n.iter().copied().collect();
    let r_minus_n: Vec<Id> = r
        .iter()
        .copied()
        .filter(|id| !neutral.contains(id))
        .collect();
    let employed = pick(&r_minus_n, &|a| a.situation == Situation::Employed);
    let target = pick(&r_minus_n, &|a| {
        a.situation == Situation::Employed && a.in_target_job
    });
    let studies = pick(&r, &|a| a.situation.is_further_study());
    let school = pick(&r, &|a| a.situation == Situation::SchoolStudies);
    let apprenticeship = pick(&r, &|a| a.situation == Situation::Apprenticeship);
    let mut by_type: BTreeMap<StudyType, Vec<Id>> = BTreeMap::new();
    for id in &studies {
        if let Some(kind) = answer(id).and_then(|a| a.study_type) {
            by_type.entry(kind).or_default().push(*id);
        }
    }
    let when = timepoint.label().to_lowercase();
    TimepointResults {
        timepoint,
        leavers: Headcount::of(l.clone()),
        not_yet_due: Headcount::of(not_yet_due),
        respondents: Headcount::of(r.clone()),
        unreachable: Headcount::of(unreachable),
        unanswered: Headcount::of(unanswered),
        response_rate: Figure::new(
            "response_rate",
            "Taux de réponse",
            &format!(
                "Sortants ayant répondu au questionnaire {when} (hors « injoignable ») ÷ sortants dont ce questionnaire est dû."
            ),
            r.clone(),
            l,
        ),
        neutralised: Headcount::of(n),
        insertion: Figure::new(
            "insertion",
            "Taux d’insertion global",
            &format!(
                "Répondants {when} en emploi en France (tout contrat) ÷ (répondants − neutralisés : poursuite d’études, \
                 incapacité de travailler, emploi à l’étranger)."
            ),
            employed,
            r_minus_n.clone(),
        ),
        target_job: Figure::new(
            "target_job",
            "Taux d’insertion dans le métier visé",
            &format!(
                "Répondants {when} en emploi dans le métier visé par le diplôme ÷ (répondants − neutralisés)."
            ),
            target,
            r_minus_n,
        ),
        further_studies: Figure::new(
            "further_studies",
            "Taux de poursuite d’études",
            &format!(
                "Répondants {when} en poursuite d’études, voie scolaire ou nouveau contrat d’apprentissage après le diplôme ÷ répondants."
            ),
            studies.clone(),
            r.clone(),
        ),
        further_studies_by_route: vec![
            Figure::new(
                "further_studies_school",
                "Poursuite d’études par la voie scolaire",
                &format!("Répondants {when} en poursuite d’études par la voie scolaire ÷ répondants."),
                school,
                r.clone(),
            ),
            Figure::new(
                "further_studies_apprenticeship",
                "Poursuite d’études par l’apprentissage",
                &format!(
                    "Répondants {when} sous un nouveau contrat d’apprentissage signé après le diplôme ÷ répondants."
                ),
                apprenticeship,
                r,
            ),
        ],
        further_studies_by_type: by_type
            .into_iter()
            .map(|(kind, ids)| {
                Figure::new(
                    &format!("study_type:{}", kind.code()),
                    kind.label(),
                    &format!("Répondants {when} poursuivant en « {} » ÷ répondants en poursuite d’études.", kind.label()),
                    ids,
                    studies.clone(),
                )
            })
            .collect(),
    }
}

/// % d'apprentis accompagnés: members who attended at least one
/// indicator-29 action ÷ members.
pub fn accompanied(members: &[Member]) -> Figure {
    Figure::new(
        "accompanied",
        "Apprentis accompagnés",
        "Apprentis des promos de l’année présents à au moins une action de l’indicateur 29 dans l’année ÷ apprentis de ces promos (sortis avant la rentrée exclus).",
        members
            .iter()
            .filter(|m| m.accompanied)
            .map(|m| m.apprentice_id)
            .collect(),
        members.iter().map(|m| m.apprentice_id).collect(),
    )
}

/// The figures of one group (a cohort, or the whole filière).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupResults {
    /// `None` for the whole filière.
    pub cohort_id: Option<Id>,
    pub label: String,
    pub accompanied: Figure,
    /// At 6 and at 12 months, in that order.
    pub timepoints: Vec<TimepointResults>,
}

impl GroupResults {
    pub fn at(&self, timepoint: Timepoint) -> Option<&TimepointResults> {
        self.timepoints.iter().find(|t| t.timepoint == timepoint)
    }
}

/// Who an id in a figure is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonRef {
    pub id: Id,
    pub first_name: String,
    pub last_name: String,
    pub cohort_label: String,
}

/// Everything the results of a filière are computed from (see
/// `Store::results_input`).
#[derive(Debug, Clone)]
pub struct ResultsInput {
    pub programme_id: Id,
    pub programme_code: String,
    pub programme_name: String,
    /// Cohorts of the filière with leavers or members in the year: (id, label).
    pub cohorts: Vec<(Id, String)>,
    /// Leavers whose exit date falls in the school year.
    pub leavers: Vec<Leaver>,
    /// Their questionnaires.
    pub answers: Vec<Answer>,
    pub members: Vec<Member>,
    pub people: Vec<PersonRef>,
}

/// The results of one filière for one school year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProgrammeResults {
    pub programme_id: Id,
    pub programme_code: String,
    pub programme_name: String,
    #[ts(type = "string")]
    pub school_year: SchoolYear,
    pub as_of: NaiveDate,
    /// Which leavers these are, in one sentence.
    pub scope: String,
    pub total: GroupResults,
    pub cohorts: Vec<GroupResults>,
    /// Everyone an id of a figure names.
    pub people: Vec<PersonRef>,
}

impl ProgrammeResults {
    /// The figure `key` of the whole filière at `timepoint` (`accompanied`
    /// ignores the timepoint).
    pub fn figure(&self, key: &str, timepoint: Timepoint) -> Option<&Figure> {
        if key == "accompanied" {
            return Some(&self.total.accompanied);
        }
        let t = self.total.at(timepoint)?;
        match key {
            "response_rate" => Some(&t.response_rate),
            "insertion" => Some(&t.insertion),
            "target_job" => Some(&t.target_job),
            "further_studies" => Some(&t.further_studies),
            _ => None,
        }
    }
}

/// The timepoints the results are computed at.
pub const RESULT_TIMEPOINTS: [Timepoint; 2] = [Timepoint::Month6, Timepoint::Month12];

fn group(
    cohort_id: Option<Id>,
    label: String,
    input: &ResultsInput,
    as_of: NaiveDate,
) -> GroupResults {
    let in_group = |c: Id| cohort_id.is_none_or(|id| id == c);
    let leavers: Vec<Leaver> = input
        .leavers
        .iter()
        .filter(|l| in_group(l.cohort_id))
        .cloned()
        .collect();
    let members: Vec<Member> = input
        .members
        .iter()
        .filter(|m| in_group(m.cohort_id))
        .cloned()
        .collect();
    GroupResults {
        cohort_id,
        label,
        accompanied: accompanied(&members),
        timepoints: RESULT_TIMEPOINTS
            .iter()
            .map(|&t| timepoint_results(&leavers, &input.answers, t, as_of))
            .collect(),
    }
}

/// The results of a filière's leavers of `year`, per cohort and in total.
pub fn programme_results(
    input: &ResultsInput,
    year: SchoolYear,
    as_of: NaiveDate,
) -> ProgrammeResults {
    ProgrammeResults {
        programme_id: input.programme_id,
        programme_code: input.programme_code.clone(),
        programme_name: input.programme_name.clone(),
        school_year: year,
        as_of,
        scope: format!(
            "Sortants dont la date de sortie tombe dans l’année scolaire {} (du {} au {}), mesurés au {}.",
            year.label(),
            crate::format::date(year.first_day()),
            crate::format::date(year.last_day()),
            crate::format::date(as_of)
        ),
        total: group(None, input.programme_code.clone(), input, as_of),
        cohorts: input
            .cohorts
            .iter()
            .map(|(id, label)| group(Some(*id), label.clone(), input, as_of))
            .collect(),
        people: input.people.clone(),
    }
}

/// « Atteint » once the measured value reaches the target; until the end of
/// the objective's period « en cours »; after it, « non atteint ». A value
/// that cannot be calculated never reaches anything.
pub fn objective_status(
    value: Option<f64>,
    target: f64,
    period_end: NaiveDate,
    as_of: NaiveDate,
) -> crate::model::ObjectiveStatus {
    use crate::model::ObjectiveStatus::*;
    match value {
        // Compared on the displayed figure (one decimal), so « 80,0 % » reaches 80 %.
        Some(v) if (v * 10.0).round() >= (target * 10.0).round() => Reached,
        _ if as_of <= period_end => InProgress,
        _ => Missed,
    }
}
