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

/// A number that may be left empty.
fn optional_number(
    f: &mut Form,
    field: &str,
    value: &str,
    range: (f64, f64),
    what: &str,
) -> Option<f64> {
    if value.trim().is_empty() {
        None
    } else {
        f.number(field, value, range, what)
    }
}

/// An evaluation's scale, target and scores (nested fields are named
/// `scores.3.before`: the fourth row's score before).
pub fn check_evaluation(input: &EvaluationInput) -> Result<NewEvaluation> {
    let mut f = Form::default();
    let action_id = f.reference("actionId", input.action_id, "Choisissez l’action évaluée.");
    let scale = f.choice(
        "scale",
        &input.scale,
        EvaluationScale::from_code,
        "Choisissez le barème (sur 20, sur 10 ou % de bonnes réponses).",
    );
    let range = (0.0, scale.map_or(100.0, EvaluationScale::max));
    let target = optional_number(&mut f, "target", &input.target, range, "Le score visé");
    let mut scores = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, row) in input.scores.iter().enumerate() {
        let before = optional_number(
            &mut f,
            &format!("scores.{i}.before"),
            &row.before,
            range,
            "Le score avant l’action",
        );
        let after = optional_number(
            &mut f,
            &format!("scores.{i}.after"),
            &row.after,
            range,
            "Le score après l’action",
        );
        let Some(apprentice) = row.apprentice_id else {
            f.error(
                &format!("scores.{i}"),
                "Cette ligne ne désigne aucun(e) apprenti(e).",
            );
            continue;
        };
        if !seen.insert(apprentice) {
            f.error(
                &format!("scores.{i}"),
                "Cet(te) apprenti(e) a déjà une ligne de scores.",
            );
            continue;
        }
        if before.is_some() || after.is_some() {
            scores.push((apprentice, before, after));
        }
    }
    match (action_id, scale) {
        (Some(action_id), Some(scale)) if f.is_clean() => Ok(NewEvaluation {
            action_id,
            scale,
            target,
            scores,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_support_resource(input: &SupportResourceInput) -> Result<NewSupportResource> {
    let mut f = Form::default();
    let kind = f.choice(
        "kind",
        &input.kind,
        ResourceKind::from_code,
        "Choisissez le type de ressource.",
    );
    let name = f.required("name", &input.name, "Le nom de la ressource", 200);
    let description = f.optional("description", &input.description, 5_000);
    let provider = f.optional("provider", &input.provider, 200);
    let access = f.optional("access", &input.access, 500);
    match kind {
        Some(kind) if f.is_clean() => Ok(NewSupportResource {
            kind,
            name,
            description,
            provider,
            access,
            programme_ids: dedup(&input.programme_ids),
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_resource_usage(input: &ResourceUsageInput) -> Result<NewResourceUsage> {
    let mut f = Form::default();
    let resource_id = f.reference("resourceId", input.resource_id, "Choisissez la ressource.");
    let start = f.date("periodStart", &input.period_start, true);
    let end = f.date("periodEnd", &input.period_end, true);
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            f.error("periodEnd", "La fin de la période précède son début.");
        } else if (end - start).num_days() > 366 {
            f.error(
                "periodEnd",
                "Une période de chiffres d’usage dure au plus un an\u{a0}: saisissez une ligne par période.",
            );
        }
    }
    let metric = f.choice(
        "metric",
        &input.metric,
        UsageMetric::from_code,
        "Choisissez ce que le chiffre compte.",
    );
    let value = match metric {
        Some(metric) => {
            let value = f.number(
                "value",
                &input.value,
                (0.0, metric.max().unwrap_or(10_000_000.0)),
                "Le chiffre",
            );
            match value {
                Some(v) if metric.is_count() && v.fract() != 0.0 => {
                    f.error(
                        "value",
                        "Ce chiffre compte des unités\u{a0}: un nombre entier.",
                    );
                    None
                }
                v => v,
            }
        }
        None => None,
    };
    let note = f.optional("note", &input.note, 2_000);
    match (resource_id, start, end, metric, value) {
        (Some(resource_id), Some(period_start), Some(period_end), Some(metric), Some(value))
            if f.is_clean() =>
        {
            Ok(NewResourceUsage {
                resource_id,
                period_start,
                period_end,
                metric,
                value,
                note,
            })
        }
        _ => Err(f.into_error()),
    }
}

/// A non-conformity with its corrective actions and steering reviews
/// (nested fields named `correctiveActions.0.dueDate`, `reviews.1.notes`).
/// The indicator's existence in the framework is checked by the store.
pub fn check_non_conformity(input: &NonConformityInput) -> Result<NewNonConformity> {
    let mut f = Form::default();
    let indicator = match input.indicator {
        Some(n) => Some(n),
        None => {
            f.error(
                "indicator",
                "Choisissez l’indicateur du référentiel concerné.",
            );
            None
        }
    };
    let level = f.choice(
        "level",
        &input.level,
        NonConformityLevel::from_code,
        "Choisissez le niveau (mineure ou majeure).",
    );
    let found_on = f.date("foundOn", &input.found_on, true);
    let description = f.required(
        "description",
        &input.description,
        "La description de l’écart",
        5_000,
    );
    let root_cause = f.choice(
        "rootCause",
        &input.root_cause,
        RootCause::from_code,
        "Choisissez la cause (processus, documentation, ressources humaines, autre).",
    );
    let closed_on = f.date("closedOn", &input.closed_on, false);
    if let (Some(found), Some(closed)) = (found_on, closed_on) {
        if closed < found {
            f.error("closedOn", "La levée ne peut pas précéder l’audit.");
        }
    }
    let mut corrective_actions = Vec::new();
    for (i, a) in input.corrective_actions.iter().enumerate() {
        let field = |name: &str| format!("correctiveActions.{i}.{name}");
        let description = f.required(
            &field("description"),
            &a.description,
            "La description de l’action corrective",
            2_000,
        );
        let due = if a.due_date.trim().is_empty() {
            match (level, found_on) {
                (Some(level), Some(found)) => Some(crate::support::default_due_date(level, found)),
                _ => None,
            }
        } else {
            f.date(&field("dueDate"), &a.due_date, true)
        };
        if let (Some(due), Some(found)) = (due, found_on) {
            if due < found {
                f.error(
                    &field("dueDate"),
                    "L’échéance ne peut pas précéder l’audit.",
                );
            }
        }
        let status = if a.status.trim().is_empty() {
            Some(CorrectiveStatus::Planned)
        } else {
            f.choice(
                &field("status"),
                &a.status,
                CorrectiveStatus::from_code,
                "Choisissez où en est l’action (prévue, en cours, réalisée).",
            )
        };
        let done_on = f.date(&field("doneOn"), &a.done_on, false);
        match (status, done_on) {
            (Some(CorrectiveStatus::Done), None) if a.done_on.trim().is_empty() => f.error(
                &field("doneOn"),
                "Indiquez le jour où l’action a été réalisée.",
            ),
            (Some(s), Some(_)) if s != CorrectiveStatus::Done => f.error(
                &field("doneOn"),
                "Une date de réalisation va avec le statut «\u{a0}réalisée\u{a0}».",
            ),
            _ => {}
        }
        if let (Some(done), Some(found)) = (done_on, found_on) {
            if done < found {
                f.error(
                    &field("doneOn"),
                    "L’action ne peut pas être réalisée avant l’audit.",
                );
            }
        }
        let proofs = f.optional(&field("proofs"), &a.proofs, 2_000);
        if let (Some(due_date), Some(status)) = (due, status) {
            corrective_actions.push(NewCorrectiveAction {
                id: a.id,
                description,
                owner_id: a.owner_id,
                due_date,
                status,
                done_on,
                proofs,
            });
        }
    }
    if let Some(closed) = closed_on {
        if let Some(last) = corrective_actions.iter().filter_map(|a| a.done_on).max() {
            if closed < last {
                f.error(
                    "closedOn",
                    format!(
                        "La dernière action corrective a été réalisée le {}\u{a0}: la levée ne peut pas la précéder.",
                        crate::format::date(last)
                    ),
                );
            }
        }
        if corrective_actions.is_empty() && input.corrective_actions.is_empty() {
            f.error(
                "closedOn",
                "Une non-conformité se lève par des actions correctives\u{a0}: ajoutez-en au moins une.",
            );
        } else if corrective_actions
            .iter()
            .any(|a| a.status != CorrectiveStatus::Done)
        {
            f.error(
                "closedOn",
                "Une non-conformité se lève quand toutes ses actions correctives sont réalisées.",
            );
        }
    }
    let mut reviews = Vec::new();
    for (i, r) in input.reviews.iter().enumerate() {
        let held_on = f.date(&format!("reviews.{i}.heldOn"), &r.held_on, true);
        let notes = f.required(
            &format!("reviews.{i}.notes"),
            &r.notes,
            "Le compte rendu de la revue",
            5_000,
        );
        if let (Some(held), Some(found)) = (held_on, found_on) {
            if held < found {
                f.error(
                    &format!("reviews.{i}.heldOn"),
                    "Une revue de pilotage suit l’audit\u{a0}: elle ne peut pas le précéder.",
                );
            }
        }
        if let Some(held_on) = held_on {
            reviews.push(NewSteeringReview {
                id: r.id,
                held_on,
                notes,
            });
        }
    }
    reviews.sort_by_key(|r| r.held_on);
    match (indicator, level, found_on, root_cause) {
        (Some(indicator), Some(level), Some(found_on), Some(root_cause)) if f.is_clean() => {
            Ok(NewNonConformity {
                indicator,
                level,
                found_on,
                description,
                root_cause,
                closed_on,
                corrective_actions,
                reviews,
            })
        }
        _ => Err(f.into_error()),
    }
}
