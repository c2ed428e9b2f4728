//! Rules on indicator 29's inputs: exit questionnaires, plans, objectives,
//! milestones, relayed offers and annual reviews.

use super::fields::Form;
use super::{check_school_year, dedup};
use crate::error::Result;
use crate::model::*;

pub fn check_exit_survey(input: &ExitSurveyInput) -> Result<NewExitSurvey> {
    let mut f = Form::default();
    let apprentice_id = f.reference(
        "apprenticeId",
        input.apprentice_id,
        "Choisissez l’apprenti(e) sorti(e).",
    );
    let timepoint = f.choice(
        "timepoint",
        &input.timepoint,
        Timepoint::from_code,
        "Choisissez l’échéance : sortie, 3, 6 ou 12 mois.",
    );
    let surveyed_on = f.date("surveyedOn", &input.surveyed_on, true);
    let method = f.choice(
        "method",
        &input.method,
        SurveyMethod::from_code,
        "Choisissez comment la réponse a été recueillie.",
    );
    let situation = f.choice(
        "situation",
        &input.situation,
        Situation::from_code,
        "Choisissez la situation de l’apprenti(e).",
    );
    let employed = matches!(
        situation,
        Some(Situation::Employed | Situation::EmployedAbroad)
    );
    let studies = situation.is_some_and(Situation::is_further_study);
    let contract = if employed {
        f.choice(
            "contract",
            &input.contract,
            EmploymentContract::from_code,
            "Choisissez le type de contrat de l’emploi.",
        )
    } else {
        None
    };
    let study_type = if studies {
        f.choice(
            "studyType",
            &input.study_type,
            StudyType::from_code,
            "Choisissez le type de formation suivie.",
        )
    } else {
        None
    };
    let institution = if studies {
        f.optional("institution", &input.institution, 200)
    } else {
        None
    };
    let comment = f.optional("comment", &input.comment, 5000);
    match (apprentice_id, timepoint, surveyed_on, method, situation) {
        (
            Some(apprentice_id),
            Some(timepoint),
            Some(surveyed_on),
            Some(method),
            Some(situation),
        ) if f.is_clean() => Ok(NewExitSurvey {
            apprentice_id,
            timepoint,
            surveyed_on,
            method,
            situation,
            contract,
            in_target_job: employed && input.in_target_job,
            study_type,
            institution,
            comment,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_action_plan(input: &ActionPlanInput) -> Result<NewActionPlan> {
    let mut f = Form::default();
    let programme_id = f.reference(
        "programmeId",
        input.programme_id,
        "Choisissez la filière de ce plan.",
    );
    let school_year = match check_school_year(&input.school_year) {
        Ok(year) => Some(year),
        Err(_) => {
            f.error(
                "schoolYear",
                "Choisissez l’année scolaire du plan (par exemple 2025-2026).",
            );
            None
        }
    };
    let plan = NewActionPlan {
        programme_id: programme_id.unwrap_or(Id(0)),
        school_year: school_year.unwrap_or(SchoolYear::starting(2000)),
        intent: f.optional("intent", &input.intent, 5000),
        owner_id: input.owner_id,
        resources: f.optional("resources", &input.resources, 5000),
        budget_cents: f.amount("budget", &input.budget),
    };
    f.finish(plan)
}

/// `year` is the school year of the objective's plan (its period falls in it).
pub fn check_objective(input: &ObjectiveInput, year: SchoolYear) -> Result<NewObjective> {
    let mut f = Form::default();
    let plan_id = f.reference("planId", input.plan_id, "L’objectif appartient à un plan.");
    let label = f.required("label", &input.label, "L’intitulé de l’objectif", 300);
    let period_start = f.date("periodStart", &input.period_start, true);
    let period_end = f.date("periodEnd", &input.period_end, true);
    if let (Some(start), Some(end)) = (period_start, period_end) {
        if end < start {
            f.error(
                "periodEnd",
                "La fin de la période ne peut pas précéder son début.",
            );
        }
    }
    for (field, date) in [("periodStart", period_start), ("periodEnd", period_end)] {
        if let Some(date) = date {
            if date < year.first_day() || date > year.last_day() {
                f.error(
                    field,
                    format!(
                        "La période tombe dans l’année scolaire du plan, du {} au {}.",
                        crate::format::date(year.first_day()),
                        crate::format::date(year.last_day())
                    ),
                );
            }
        }
    }
    let measure = f.choice(
        "measure",
        &input.measure,
        ObjectiveMeasure::from_code,
        "Choisissez comment l’objectif se mesure.",
    );
    let target = match measure {
        Some(ObjectiveMeasure::ActionCount) => f
            .number(
                "target",
                &input.target,
                (1.0, 1000.0),
                "Le nombre d’actions visé",
            )
            .map(f64::round),
        Some(_) => f.number("target", &input.target, (0.0, 100.0), "La cible (en %)"),
        None => None,
    };
    let mut action_kinds = Vec::new();
    for code in &input.action_kinds {
        match ActionKind::from_code(code) {
            Some(kind) if !action_kinds.contains(&kind) => action_kinds.push(kind),
            Some(_) => {}
            None => f.error("actionKinds", "Un des types d’action choisis est inconnu."),
        }
    }
    action_kinds.sort_unstable();
    let mut cohort_id = None;
    let mut result = None;
    let (mut manual_value, mut manual_source, mut manual_date) = (None, None, None);
    match measure {
        Some(ObjectiveMeasure::CohortShare) => {
            cohort_id = f.reference("cohortId", input.cohort_id, "Choisissez la promo mesurée.");
        }
        Some(ObjectiveMeasure::Result) => {
            result = f.choice(
                "result",
                &input.result,
                ResultFigure::from_code,
                "Choisissez le résultat visé (insertion, poursuite d’études, taux de réponse…).",
            );
        }
        // A value not in the records: it is only worth its source and date.
        Some(ObjectiveMeasure::Manual) if !input.manual_value.trim().is_empty() => {
            manual_value = f.number(
                "manualValue",
                &input.manual_value,
                (0.0, 100.0),
                "La valeur constatée (en %)",
            );
            manual_source = Some(f.required(
                "manualSource",
                &input.manual_source,
                "La source de la valeur",
                300,
            ));
            manual_date = f.date("manualDate", &input.manual_date, true);
        }
        // A source or a date without the value would be lost: say so.
        Some(ObjectiveMeasure::Manual)
            if !input.manual_source.trim().is_empty() || !input.manual_date.trim().is_empty() =>
        {
            f.error(
                "manualValue",
                "Indiquez la valeur constatée, ou effacez sa source et sa date.",
            );
        }
        _ => {}
    }
    match (plan_id, period_start, period_end, measure, target) {
        (Some(plan_id), Some(period_start), Some(period_end), Some(measure), Some(target))
            if f.is_clean() =>
        {
            Ok(NewObjective {
                plan_id,
                label,
                owner_id: input.owner_id,
                period_start,
                period_end,
                measure,
                target,
                action_kinds,
                cohort_id,
                result,
                manual_value,
                manual_source,
                manual_date,
            })
        }
        _ => Err(f.into_error()),
    }
}

pub fn check_milestone(input: &MilestoneInput) -> Result<Milestone> {
    let mut f = Form::default();
    let year = check_school_year(&input.school_year).ok();
    if year.is_none() {
        f.error("schoolYear", "Choisissez l’année scolaire du jalon.");
    }
    let kind = f.choice(
        "kind",
        &input.kind,
        MilestoneKind::from_code,
        "Choisissez le type de jalon.",
    );
    let label = f.required("label", &input.label, "L’intitulé du jalon", 200);
    let start_date = f.date("startDate", &input.start_date, true);
    let end_date = f.date("endDate", &input.end_date, false);
    if let (Some(start), Some(end)) = (start_date, end_date) {
        if end < start {
            f.error("endDate", "La fin ne peut pas précéder le début.");
        }
    }
    if let (Some(year), Some(start)) = (year, start_date) {
        if start < year.first_day() || start > year.last_day() {
            f.error(
                "startDate",
                format!("Le jalon commence dans l’année scolaire {}.", year.label()),
            );
        }
    }
    match (year, kind, start_date) {
        (Some(school_year), Some(kind), Some(start_date)) if f.is_clean() => Ok(Milestone {
            id: input.id,
            school_year,
            kind,
            label,
            start_date,
            end_date,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_relayed_offer(input: &RelayedOfferInput) -> Result<NewRelayedOffer> {
    let mut f = Form::default();
    let offered_on = f.date("offeredOn", &input.offered_on, true);
    let source = f.optional("source", &input.source, 200);
    if input.partner_id.is_none() && source.is_none() {
        f.error(
            "source",
            "D’où vient l’offre ? Choisissez un partenaire ou écrivez la source.",
        );
    }
    if input.partner_id.is_some() && source.is_some() {
        // Both would leave one of them unsaid: the person chooses.
        f.error(
            "source",
            "Un partenaire est choisi\u{a0}: effacez la source libre, ou retirez le partenaire.",
        );
    }
    let title = f.required("title", &input.title, "L’intitulé de l’offre", 300);
    let contract = f.choice(
        "contract",
        &input.contract,
        OfferContract::from_code,
        "Choisissez le type de contrat proposé.",
    );
    let channel = f.choice(
        "channel",
        &input.channel,
        OfferChannel::from_code,
        "Choisissez le canal de diffusion.",
    );
    if input.programme_ids.is_empty() {
        f.error(
            "programmeIds",
            "Choisissez au moins une filière à qui l’offre a été relayée.",
        );
    }
    let comment = f.optional("comment", &input.comment, 2000);
    match (offered_on, contract, channel) {
        (Some(offered_on), Some(contract), Some(channel)) if f.is_clean() => Ok(NewRelayedOffer {
            offered_on,
            partner_id: input.partner_id,
            source,
            title,
            contract,
            channel,
            programme_ids: dedup(&input.programme_ids),
            comment,
        }),
        _ => Err(f.into_error()),
    }
}

pub fn check_annual_review(input: &AnnualReviewInput) -> Result<NewAnnualReview> {
    let mut f = Form::default();
    let programme_id = f.reference(
        "programmeId",
        input.programme_id,
        "Choisissez la filière du bilan.",
    );
    let year = check_school_year(&input.school_year).ok();
    if year.is_none() {
        f.error("schoolYear", "Choisissez l’année scolaire du bilan.");
    }
    let difficulties = f.optional("difficulties", &input.difficulties, 10_000);
    let priorities = f.optional("priorities", &input.priorities, 10_000);
    match (programme_id, year) {
        (Some(programme_id), Some(school_year)) if f.is_clean() => Ok(NewAnnualReview {
            programme_id,
            school_year,
            difficulties,
            priorities,
            next_objective_ids: dedup(&input.next_objective_ids),
        }),
        _ => Err(f.into_error()),
    }
}
