//! Exit questionnaires (`exit_survey`), the cohort grid, and the records the
//! results of a filière are computed from (see [`crate::metrics`]).

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{code, found, Store, Writer};
use crate::error::Result;
use crate::metrics::{self, Answer, Leaver, Member, PersonRef, ProgrammeResults, ResultsInput};
use crate::model::*;
use crate::validate::{self, field_error};

/// Days a due questionnaire may wait before the grid calls it overdue.
pub const OVERDUE_AFTER_DAYS: i64 = 30;

const SURVEY_COLUMNS: &str =
    "s.id, s.apprentice_id, s.timepoint, s.surveyed_on, s.method, s.situation, \
     s.contract, s.in_target_job, s.study_type, s.institution, s.comment";

fn optional_code<T>(
    r: &Row<'_>,
    index: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    match r.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => code(r, index, parse).map(Some),
    }
}

fn survey_from_row(r: &Row<'_>) -> rusqlite::Result<ExitSurvey> {
    Ok(ExitSurvey {
        id: r.get(0)?,
        apprentice_id: r.get(1)?,
        timepoint: code(r, 2, Timepoint::from_code)?,
        surveyed_on: r.get(3)?,
        method: code(r, 4, SurveyMethod::from_code)?,
        situation: code(r, 5, Situation::from_code)?,
        contract: optional_code(r, 6, EmploymentContract::from_code)?,
        in_target_job: r.get(7)?,
        study_type: optional_code(r, 8, StudyType::from_code)?,
        institution: r.get(9)?,
        comment: r.get(10)?,
    })
}

fn get_survey(conn: &Connection, id: Id) -> Result<ExitSurvey> {
    let sql = format!("SELECT {SURVEY_COLUMNS} FROM exit_survey s WHERE s.id = ?1");
    found(
        conn.query_row(&sql, [id], survey_from_row),
        "Questionnaire de sortie",
        id,
    )
}

fn state_of(due_on: NaiveDate, answered: bool, as_of: NaiveDate) -> CellState {
    if answered {
        CellState::Answered
    } else if as_of < due_on {
        CellState::NotYetDue
    } else if as_of <= due_on + Duration::days(OVERDUE_AFTER_DAYS) {
        CellState::Due
    } else {
        CellState::Overdue
    }
}

impl Store {
    pub fn exit_survey(&self, id: Id) -> Result<ExitSurvey> {
        get_survey(&self.conn, id)
    }

    /// Every questionnaire of one apprentice, in timepoint order.
    pub fn exit_surveys_of(&self, apprentice_id: Id) -> Result<Vec<ExitSurvey>> {
        let sql = format!(
            "SELECT {SURVEY_COLUMNS} FROM exit_survey s WHERE s.apprentice_id = ?1 ORDER BY s.surveyed_on, s.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut surveys = stmt
            .query_map([apprentice_id], survey_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        surveys.sort_by_key(|s| s.timepoint);
        Ok(surveys)
    }

    /// Creates or corrects a questionnaire; returns it as stored. `today`
    /// refuses a date in the future (a typo would count in the figures).
    pub fn save_exit_survey(
        &mut self,
        input: &ExitSurveyInput,
        today: NaiveDate,
    ) -> Result<ExitSurvey> {
        let survey = validate::check_exit_survey(input)?;
        if survey.surveyed_on > today {
            return Err(field_error(
                "surveyedOn",
                format!(
                    "Le {} est à venir : un questionnaire est daté du jour où la réponse a été recueillie.",
                    crate::format::date(survey.surveyed_on)
                ),
            ));
        }
        let id = self.batch(|w| w.save_exit_survey(input.id, &survey))?;
        self.exit_survey(id)
    }

    /// Every leaver of a cohort × every timepoint, as of a day.
    pub fn survey_grid(&self, cohort_id: Id, as_of: NaiveDate) -> Result<SurveyGrid> {
        let (cohort_label, programme_code): (String, String) = found(
            self.conn.query_row(
                "SELECT c.label, p.code FROM cohort c JOIN programme p ON p.id = c.programme_id WHERE c.id = ?1",
                [cohort_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ),
            "Promo",
            cohort_id,
        )?;
        let in_training: i64 = self.conn.query_row(
            "SELECT count(*) FROM apprentice WHERE cohort_id = ?1 AND exit_date IS NULL",
            [cohort_id],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.first_name, a.last_name, a.status, a.exit_date
             FROM apprentice a WHERE a.cohort_id = ?1 AND a.exit_date IS NOT NULL
             ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
        )?;
        let leavers = stmt
            .query_map([cohort_id], |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    code(r, 3, ApprenticeStatus::from_code)?,
                    r.get::<_, NaiveDate>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let answers = self.answers(
            "SELECT s.apprentice_id, s.timepoint, s.situation, s.in_target_job, s.study_type, s.id
             FROM exit_survey s JOIN apprentice a ON a.id = s.apprentice_id WHERE a.cohort_id = ?1",
            params![cohort_id],
        )?;
        let rows = leavers
            .iter()
            .map(|(id, first, last, status, exit)| SurveyGridRow {
                apprentice_id: *id,
                first_name: first.clone(),
                last_name: last.clone(),
                status: *status,
                exit_date: *exit,
                cells: Timepoint::ALL
                    .iter()
                    .map(|&timepoint| {
                        let answer = answers
                            .iter()
                            .find(|(a, _)| a.apprentice_id == *id && a.timepoint == timepoint);
                        let due_on = metrics::due_on(*exit, timepoint);
                        SurveyCell {
                            timepoint,
                            due_on,
                            state: state_of(due_on, answer.is_some(), as_of),
                            survey_id: answer.map(|(_, survey)| *survey),
                            situation: answer.map(|(a, _)| a.situation),
                        }
                    })
                    .collect(),
            })
            .collect();
        let metric_leavers: Vec<Leaver> = leavers
            .iter()
            .map(|(id, _, _, status, exit)| Leaver {
                apprentice_id: *id,
                cohort_id,
                status: *status,
                exit_date: *exit,
            })
            .collect();
        let plain: Vec<Answer> = answers.into_iter().map(|(a, _)| a).collect();
        let response = Timepoint::ALL
            .iter()
            .map(|&t| {
                metrics::timepoint_results(&metric_leavers, &plain, t, as_of)
                    .response_rate
                    .rate
            })
            .collect();
        Ok(SurveyGrid {
            cohort_id,
            cohort_label,
            programme_code,
            as_of,
            in_training,
            rows,
            response,
        })
    }

    /// Answers read by `sql` (apprentice, timepoint, situation, target job,
    /// study type, survey id).
    fn answers(&self, sql: &str, values: impl rusqlite::Params) -> Result<Vec<(Answer, Id)>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt
            .query_map(values, |r| {
                Ok((
                    Answer {
                        apprentice_id: r.get(0)?,
                        timepoint: code(r, 1, Timepoint::from_code)?,
                        situation: code(r, 2, Situation::from_code)?,
                        in_target_job: r.get(3)?,
                        study_type: optional_code(r, 4, StudyType::from_code)?,
                    },
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// What the results of a filière's leavers of `year` are computed from.
    pub fn results_input(&self, programme_id: Id, year: SchoolYear) -> Result<ResultsInput> {
        let (code_, name): (String, String) = found(
            self.conn.query_row(
                "SELECT code, name FROM programme WHERE id = ?1",
                [programme_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ),
            "Filière",
            programme_id,
        )?;
        let (from, to) = (year.first_day(), year.last_day());
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.cohort_id, a.status, a.exit_date, a.first_name, a.last_name, c.label
             FROM apprentice a JOIN cohort c ON c.id = a.cohort_id
             WHERE c.programme_id = ?1 AND a.exit_date BETWEEN ?2 AND ?3
             ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
        )?;
        let mut people = Vec::new();
        let leavers = stmt
            .query_map(params![programme_id, from, to], |r| {
                Ok((
                    Leaver {
                        apprentice_id: r.get(0)?,
                        cohort_id: r.get(1)?,
                        status: code(r, 2, ApprenticeStatus::from_code)?,
                        exit_date: r.get(3)?,
                    },
                    PersonRef {
                        id: r.get(0)?,
                        first_name: r.get(4)?,
                        last_name: r.get(5)?,
                        cohort_label: r.get(6)?,
                    },
                ))
            })?
            .map(|row| {
                row.map(|(leaver, person)| {
                    people.push(person);
                    leaver
                })
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let answers = self
            .answers(
                "SELECT s.apprentice_id, s.timepoint, s.situation, s.in_target_job, s.study_type, s.id
                 FROM exit_survey s JOIN apprentice a ON a.id = s.apprentice_id JOIN cohort c ON c.id = a.cohort_id
                 WHERE c.programme_id = ?1 AND a.exit_date BETWEEN ?2 AND ?3",
                params![programme_id, from, to],
            )?
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.cohort_id, EXISTS (SELECT 1 FROM attendance t JOIN action x ON x.id = t.action_id
                     WHERE t.apprentice_id = a.id AND t.present AND x.indicator29
                       AND x.start_date BETWEEN ?2 AND ?3),
                    a.first_name, a.last_name, c.label
             FROM apprentice a JOIN cohort c ON c.id = a.cohort_id
             WHERE c.programme_id = ?1 AND c.start_date <= ?3 AND c.end_date >= ?2
               AND (a.exit_date IS NULL OR a.exit_date >= ?2)
             ORDER BY a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
        )?;
        let known: std::collections::HashSet<Id> = people.iter().map(|p| p.id).collect();
        let members = stmt
            .query_map(params![programme_id, from, to], |r| {
                Ok((
                    Member {
                        apprentice_id: r.get(0)?,
                        cohort_id: r.get(1)?,
                        accompanied: r.get(2)?,
                    },
                    PersonRef {
                        id: r.get(0)?,
                        first_name: r.get(3)?,
                        last_name: r.get(4)?,
                        cohort_label: r.get(5)?,
                    },
                ))
            })?
            .map(|row| {
                row.map(|(member, person)| {
                    if !known.contains(&person.id) {
                        people.push(person);
                    }
                    member
                })
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.label FROM cohort c WHERE c.programme_id = ?1 AND (
                 (c.start_date <= ?3 AND c.end_date >= ?2)
                 OR EXISTS (SELECT 1 FROM apprentice a WHERE a.cohort_id = c.id AND a.exit_date BETWEEN ?2 AND ?3))
             ORDER BY c.start_date, c.label",
        )?;
        let cohorts = stmt
            .query_map(params![programme_id, from, to], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ResultsInput {
            programme_id,
            programme_code: code_,
            programme_name: name,
            cohorts,
            leavers,
            answers,
            members,
            people,
        })
    }

    /// The results of a filière's leavers of `year`, as of a day.
    pub fn programme_results(
        &self,
        programme_id: Id,
        year: SchoolYear,
        as_of: NaiveDate,
    ) -> Result<ProgrammeResults> {
        let input = self.results_input(programme_id, year)?;
        Ok(metrics::programme_results(&input, year, as_of))
    }

    /// The results of every filière (for the dashboard), in code order.
    pub fn all_results(&self, year: SchoolYear, as_of: NaiveDate) -> Result<Vec<ProgrammeResults>> {
        let ids: Vec<Id> = self
            .conn
            .prepare("SELECT id FROM programme ORDER BY code COLLATE NOCASE")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| self.programme_results(id, year, as_of))
            .collect()
    }

    /// The filière with this code (case-insensitive), for the command line.
    pub fn programme_id_by_code(&self, code: &str) -> Result<Id> {
        let id: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM programme WHERE code = ?1 COLLATE NOCASE",
                [code.trim()],
                |r| r.get(0),
            )
            .optional()?;
        id.ok_or_else(|| {
            field_error(
                "programme",
                format!("Aucune filière n’a le code « {} ».", code.trim()),
            )
        })
    }
}

impl Writer<'_> {
    /// Writes a checked questionnaire (`id` empty creates it); returns its id.
    pub fn save_exit_survey(&self, id: Option<Id>, s: &NewExitSurvey) -> Result<Id> {
        let tx = self.tx;
        let exit: Option<Option<NaiveDate>> = tx
            .query_row(
                "SELECT exit_date FROM apprentice WHERE id = ?1",
                [s.apprentice_id],
                |r| r.get(0),
            )
            .optional()?;
        let exit = match exit {
            None => {
                return Err(field_error(
                    "apprenticeId",
                    "Cet(te) apprenti(e) n’existe plus.",
                ))
            }
            Some(None) => {
                return Err(field_error(
                    "apprenticeId",
                    "Cet(te) apprenti(e) est encore en formation : indiquez d’abord sa date et son motif de sortie.",
                ))
            }
            Some(Some(exit)) => exit,
        };
        // The exit questionnaire may be collected in the last weeks of
        // training; the others from a month before they fall due.
        let earliest = match s.timepoint {
            Timepoint::Exit => exit - Duration::days(31),
            t => metrics::due_on(exit, t) - Duration::days(30),
        };
        if s.surveyed_on < earliest {
            return Err(field_error(
                "surveyedOn",
                format!(
                    "La sortie date du {} : ce questionnaire « {} » ne peut pas être antérieur au {}.",
                    crate::format::date(exit),
                    s.timepoint.label().to_lowercase(),
                    crate::format::date(earliest)
                ),
            ));
        }
        let taken: Option<Id> = tx
            .query_row(
                "SELECT id FROM exit_survey WHERE apprentice_id = ?1 AND timepoint = ?2 AND id IS NOT ?3",
                params![s.apprentice_id, s.timepoint.code(), id],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(field_error(
                "timepoint",
                format!(
                    "Un questionnaire « {} » existe déjà pour cet(te) apprenti(e) : ouvrez-le pour le corriger.",
                    s.timepoint.label().to_lowercase()
                ),
            ));
        }
        let values = params![
            s.apprentice_id,
            s.timepoint.code(),
            s.surveyed_on,
            s.method.code(),
            s.situation.code(),
            s.contract.map(EmploymentContract::code),
            s.in_target_job,
            s.study_type.map(StudyType::code),
            s.institution,
            s.comment
        ];
        match id {
            Some(id) => {
                get_survey(tx, id)?;
                let mut values = values.to_vec();
                values.push(&id);
                tx.execute(
                    "UPDATE exit_survey SET apprentice_id = ?1, timepoint = ?2, surveyed_on = ?3, method = ?4,
                         situation = ?5, contract = ?6, in_target_job = ?7, study_type = ?8, institution = ?9,
                         comment = ?10
                     WHERE id = ?11",
                    values.as_slice(),
                )?;
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO exit_survey (apprentice_id, timepoint, surveyed_on, method, situation, contract,
                         in_target_job, study_type, institution, comment)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    values,
                )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }
}
