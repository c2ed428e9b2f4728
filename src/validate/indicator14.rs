//! Rules on indicator 14's inputs: follow-ups and bulk référent assignment.

use super::dedup;
use super::fields::Form;
use crate::error::Result;
use crate::model::*;

pub fn check_follow_up(input: &FollowUpInput) -> Result<NewFollowUp> {
    let mut f = Form::default();
    let apprentice_id = f.reference(
        "apprenticeId",
        input.apprentice_id,
        "Choisissez l’apprenti(e) suivi(e).",
    );
    let kind = f.choice(
        "kind",
        &input.kind,
        FollowUpKind::from_code,
        "Choisissez le type d’entretien.",
    );
    let held_on = f.date("heldOn", &input.held_on, true);
    let mut topics = Vec::new();
    for code in &input.topics {
        match FollowUpTopic::from_code(code) {
            Some(topic) if !topics.contains(&topic) => topics.push(topic),
            Some(_) => {}
            None => f.error("topics", "Un des thèmes choisis est inconnu."),
        }
    }
    topics.sort_unstable();
    if kind == Some(FollowUpKind::MonthlyReview) && topics.is_empty() {
        f.error(
            "topics",
            "Cochez au moins un thème abordé (administratif, technique, social, autre).",
        );
    }
    let findings = f.optional("findings", &input.findings, 10_000);
    let next_steps = f.optional("nextSteps", &input.next_steps, 10_000);
    let (impact, project) = if kind == Some(FollowUpKind::EndOfCycle) {
        (
            f.optional("impact", &input.impact, 10_000),
            f.optional("project", &input.project, 10_000),
        )
    } else {
        (None, None)
    };
    match (apprentice_id, kind, held_on) {
        (Some(apprentice_id), Some(kind), Some(held_on)) if f.is_clean() => Ok(NewFollowUp {
            apprentice_id,
            kind,
            held_on,
            staff_id: input.staff_id,
            topics,
            findings,
            next_steps,
            impact,
            project,
        }),
        _ => Err(f.into_error()),
    }
}

/// A checked bulk assignment: (apprentices, staff, since).
pub fn check_referent_assignment(
    input: &ReferentAssignmentInput,
) -> Result<(Vec<Id>, Id, chrono::NaiveDate)> {
    let mut f = Form::default();
    if input.apprentice_ids.is_empty() {
        f.error(
            "apprenticeIds",
            "Choisissez au moins un(e) apprenti(e) à confier à ce référent.",
        );
    }
    let staff = f.reference("staffId", input.staff_id, "Choisissez le nouveau référent.");
    let since = f.date("since", &input.since, true);
    match (staff, since) {
        (Some(staff), Some(since)) if f.is_clean() => {
            Ok((dedup(&input.apprentice_ids), staff, since))
        }
        _ => Err(f.into_error()),
    }
}
