//! Evaluations before and after an action, and the deadlines of corrective
//! actions: pure computations over loaded values.

use chrono::{Months, NaiveDate};

use crate::model::{
    ActionKind, EvaluationFigures, EvaluationRow, EvaluationScale, Mean, NonConformityLevel, Rate,
};

/// A remise-à-niveau group above this size gets a warning (never a refusal).
pub const LEARNING_SUPPORT_GROUP_MAX: usize = 8;

fn mean(values: impl Iterator<Item = f64>) -> Mean {
    let (sum, count) = values.fold((0.0, 0i64), |(s, n), v| (s + v, n + 1));
    Mean {
        value: (count > 0).then(|| sum / count as f64),
        count,
    }
}

/// The figures of an evaluation: mean before (over those scored before),
/// mean after (over those scored after), mean progression (over those scored
/// both times), share reaching the target (over those scored after), and the
/// warnings an auditor would raise.
pub fn evaluation_figures(
    kind: ActionKind,
    scale: EvaluationScale,
    target: Option<f64>,
    rows: &[EvaluationRow],
) -> EvaluationFigures {
    let before = mean(rows.iter().filter_map(|r| r.before));
    let after = mean(rows.iter().filter_map(|r| r.after));
    let progression = mean(rows.iter().filter_map(|r| Some(r.after? - r.before?)));
    let reaching_target = target.map(|target| {
        let scored: Vec<f64> = rows.iter().filter_map(|r| r.after).collect();
        let reached = scored.iter().filter(|&&s| s >= target).count() as i64;
        Rate::new(
            reached,
            scored.len() as i64,
            format!(
                "Participants dont le score après l’action atteint {} ÷ participants évalués après l’action.",
                scale.show(target)
            ),
        )
    });
    let mut warnings = Vec::new();
    if kind == ActionKind::LearningSupport {
        // The group is who was there; before the sheet is marked, who was scored.
        let present = rows.iter().filter(|r| r.present).count();
        let group = if present > 0 {
            present
        } else {
            rows.iter()
                .filter(|r| r.before.is_some() || r.after.is_some())
                .count()
        };
        if group > LEARNING_SUPPORT_GROUP_MAX {
            warnings.push(format!(
                "Groupe de remise à niveau de {group} apprentis\u{a0}: au-delà de {LEARNING_SUPPORT_GROUP_MAX}, \
                 l’accompagnement individuel est difficile à démontrer. Envisagez de dédoubler le groupe."
            ));
        }
    }
    let missing_after = rows
        .iter()
        .filter(|r| r.before.is_some() && r.after.is_none() && r.present)
        .count();
    if missing_after > 0 {
        warnings.push(format!(
            "{missing_after} participant{s} évalué{s} avant l’action n’{verb} pas de score après\u{a0}: \
             la progression est calculée sans {them}.",
            s = if missing_after > 1 { "s" } else { "" },
            verb = if missing_after > 1 { "ont" } else { "a" },
            them = if missing_after > 1 { "eux" } else { "lui ou elle" },
        ));
    }
    EvaluationFigures {
        before,
        after,
        progression,
        reaching_target,
        warnings,
    }
}

/// The default deadline of a corrective action: the audit date + 3 months
/// for a major non-conformity, + 6 months for a minor one (end of month
/// clamped: 30/11 + 3 months = 28/02 or 29/02).
pub fn default_due_date(level: NonConformityLevel, found_on: NaiveDate) -> NaiveDate {
    found_on
        .checked_add_months(Months::new(level.months_to_correct()))
        .unwrap_or(found_on)
}
