//! The annual review of a filière (`annual_review`, with the next year's
//! objectives it links to).

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::{ensure_exists, Store, Writer};
use crate::error::Result;
use crate::model::*;
use crate::validate::{self, field_error};

impl Store {
    pub fn annual_review(
        &self,
        programme_id: Id,
        year: SchoolYear,
    ) -> Result<Option<AnnualReview>> {
        let row: Option<(Id, Option<String>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, difficulties, priorities FROM annual_review WHERE programme_id = ?1 AND school_year = ?2",
                params![programme_id, year.label()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, difficulties, priorities)) = row else {
            return Ok(None);
        };
        let next_objective_ids = self
            .conn
            .prepare_cached(
                "SELECT objective_id FROM annual_review_objective WHERE review_id = ?1 ORDER BY objective_id",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(AnnualReview {
            id,
            programme_id,
            school_year: year,
            difficulties,
            priorities,
            next_objective_ids,
        }))
    }

    /// The bilan screen of a filière and year: results filled in, this
    /// year's objectives measured, next year's objectives to link.
    pub fn review_detail(
        &self,
        programme_id: Id,
        year: SchoolYear,
        as_of: NaiveDate,
    ) -> Result<ReviewDetail> {
        let results = self.programme_results(programme_id, year, as_of)?;
        let objectives = match self.plan_for(programme_id, year)? {
            Some(plan) => self.objective_progress(&self.action_plan(plan)?, as_of)?,
            None => Vec::new(),
        };
        let next = SchoolYear::starting(year.start_year() + 1);
        let next_year_objectives = self
            .objective_choices(next)?
            .into_iter()
            .filter(|o| o.programme_id == programme_id)
            .collect();
        Ok(ReviewDetail {
            programme_id,
            school_year: year,
            review: self.annual_review(programme_id, year)?,
            results,
            objectives,
            next_year_objectives,
        })
    }

    pub fn save_annual_review(
        &mut self,
        input: &AnnualReviewInput,
        as_of: NaiveDate,
    ) -> Result<ReviewDetail> {
        let review = validate::check_annual_review(input)?;
        self.batch(|w| w.save_annual_review(&review))?;
        self.review_detail(review.programme_id, review.school_year, as_of)
    }
}

impl Writer<'_> {
    /// Writes the one review of a filière and year (creating or replacing it).
    pub fn save_annual_review(&self, r: &NewAnnualReview) -> Result<Id> {
        let tx = self.tx;
        ensure_exists(
            tx,
            "programme",
            r.programme_id,
            "programmeId",
            "Cette filière n’existe plus.",
        )?;
        let next = SchoolYear::starting(r.school_year.start_year() + 1).label();
        for &objective in &r.next_objective_ids {
            let ok: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM objective o JOIN action_plan p ON p.id = o.plan_id
                 WHERE o.id = ?1 AND p.programme_id = ?2 AND p.school_year = ?3)",
                params![objective, r.programme_id, next],
                |row| row.get(0),
            )?;
            if !ok {
                return Err(field_error(
                    "nextObjectiveIds",
                    format!("Liez des objectifs du plan {next} de la même filière."),
                ));
            }
        }
        tx.execute(
            "INSERT INTO annual_review (programme_id, school_year, difficulties, priorities) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (programme_id, school_year) DO UPDATE SET difficulties = excluded.difficulties,
                 priorities = excluded.priorities",
            params![r.programme_id, r.school_year.label(), r.difficulties, r.priorities],
        )?;
        let id: Id = tx.query_row(
            "SELECT id FROM annual_review WHERE programme_id = ?1 AND school_year = ?2",
            params![r.programme_id, r.school_year.label()],
            |row| row.get(0),
        )?;
        tx.execute(
            "DELETE FROM annual_review_objective WHERE review_id = ?1",
            [id],
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO annual_review_objective (review_id, objective_id) VALUES (?1, ?2)",
        )?;
        for o in &r.next_objective_ids {
            insert.execute([id, *o])?;
        }
        Ok(id)
    }
}
