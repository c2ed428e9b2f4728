//! The « dossier individuel »: everything about one apprentice, loaded at
//! once for the screen and its PDF.

use rusqlite::params;

use super::{code, Store};
use crate::error::Result;
use crate::model::*;

impl Store {
    /// One apprentice's file: promo, contract, référents, actions (with
    /// presence, signature and scores), follow-ups, exit questionnaires, and
    /// all of it as one chronology. Participation counts the actions held
    /// by `as_of` and before the apprentice left (the core never reads the clock).
    pub fn apprentice_file(&self, id: Id, as_of: chrono::NaiveDate) -> Result<ApprenticeFile> {
        let apprentice = self.apprentice(id)?;
        let cohort = self.cohort(apprentice.cohort_id)?;
        let programme = self.programme(cohort.programme_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.kind, a.title, a.start_date, a.indicator14, a.indicator29, t.present, t.signed,
                    e.scale, s.before_score, s.after_score
             FROM attendance t JOIN action a ON a.id = t.action_id
             LEFT JOIN evaluation e ON e.action_id = a.id
             LEFT JOIN evaluation_score s ON s.action_id = a.id AND s.apprentice_id = t.apprentice_id
             WHERE t.apprentice_id = ?1
             ORDER BY a.start_date, a.start_time, a.id",
        )?;
        let actions: Vec<FileAction> = stmt
            .query_map(params![id], |r| {
                let scale: Option<String> = r.get(8)?;
                let scale = scale.as_deref().and_then(EvaluationScale::from_code);
                let before: Option<f64> = r.get(9)?;
                let after: Option<f64> = r.get(10)?;
                Ok(FileAction {
                    action_id: r.get(0)?,
                    kind: code(r, 1, ActionKind::from_code)?,
                    title: r.get(2)?,
                    start_date: r.get(3)?,
                    indicator14: r.get(4)?,
                    indicator29: r.get(5)?,
                    present: r.get(6)?,
                    signed: r.get(7)?,
                    scale,
                    before,
                    after,
                    evaluation: scale
                        .and_then(|scale| crate::support::score_summary(scale, before, after)),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut follow_ups = self.follow_ups_of(id)?;
        follow_ups.reverse();
        let surveys = self.exit_surveys_of(id)?;
        let referents = self.referent_history(id)?;
        let until = apprentice.exit_date.map_or(as_of, |exit| exit.min(as_of));
        let held: Vec<&FileAction> = actions.iter().filter(|a| a.start_date <= until).collect();
        let present = held.iter().filter(|a| a.present).count() as i64;
        let mut file = ApprenticeFile {
            participation: Rate::new(
                present,
                held.len() as i64,
                "Actions où l’apprenti(e) était présent(e) ÷ actions de sa promo tenues pendant sa formation.",
            ),
            apprentice,
            cohort_label: cohort.label,
            cohort_start: cohort.start_date,
            cohort_end: cohort.end_date,
            programme_code: programme.code,
            programme_title: programme.name,
            referents,
            actions,
            follow_ups,
            surveys,
            timeline: Vec::new(),
        };
        file.timeline = crate::support::timeline(&file);
        Ok(file)
    }
}
