//! The chronology of an apprentice's file, from the records already loaded.

use crate::model::*;

/// « 9/20 → 14/20 (+5 points) », « avant : 9/20 », « après : 14/20 ».
pub fn score_summary(
    scale: EvaluationScale,
    before: Option<f64>,
    after: Option<f64>,
) -> Option<String> {
    match (before, after) {
        (Some(b), Some(a)) => Some(format!(
            "{} → {} ({})",
            scale.show(b),
            scale.show(a),
            scale.show_gain(a - b)
        )),
        (Some(b), None) => Some(format!("avant\u{a0}: {}", scale.show(b))),
        (None, Some(a)) => Some(format!("après\u{a0}: {}", scale.show(a))),
        (None, None) => None,
    }
}

/// What the apprentice's presence at an action reads as.
pub fn presence(action: &FileAction) -> &'static str {
    match (action.present, action.signed) {
        (true, true) => "Présent(e), a signé",
        (true, false) => "Présent(e), sans signature",
        _ => "Absent(e)",
    }
}

fn first_line(text: &Option<String>) -> String {
    text.as_deref()
        .and_then(|t| t.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("")
        .trim()
        .to_owned()
}

/// Every dated fact of the file, oldest first (on a day: training, contract,
/// référent, actions, follow-ups, exit, questionnaires).
pub fn timeline(file: &ApprenticeFile) -> Vec<TimelineEntry> {
    let a = &file.apprentice;
    let mut out = vec![TimelineEntry {
        date: file.cohort_start,
        kind: TimelineKind::Training,
        label: "Entrée en formation".into(),
        detail: format!("{} ({})", file.cohort_label, file.programme_title),
        record_id: Some(a.cohort_id),
    }];
    if let Some(start) = a.contract_start {
        out.push(TimelineEntry {
            date: start,
            kind: TimelineKind::Contract,
            label: "Début du contrat d’apprentissage".into(),
            detail: match (&a.employer, a.contract_end) {
                (Some(e), Some(end)) => format!("{e}, jusqu’au {}", crate::format::date(end)),
                (Some(e), None) => e.clone(),
                (None, Some(end)) => format!("Jusqu’au {}", crate::format::date(end)),
                (None, None) => String::new(),
            },
            record_id: None,
        });
    }
    for (i, p) in file.referents.iter().enumerate() {
        out.push(TimelineEntry {
            date: p.start_date,
            kind: TimelineKind::Referent,
            label: if i == 0 {
                "Référent désigné".into()
            } else {
                "Changement de référent".into()
            },
            detail: p.staff_name.clone(),
            record_id: Some(p.staff_id),
        });
    }
    for x in &file.actions {
        let mut detail = presence(x).to_owned();
        if let Some(e) = &x.evaluation {
            detail.push_str(" — ");
            detail.push_str(e);
        }
        out.push(TimelineEntry {
            date: x.start_date,
            kind: TimelineKind::Action,
            label: format!("{}\u{a0}: {}", x.kind.label(), x.title),
            detail,
            record_id: Some(x.action_id),
        });
    }
    for f in &file.follow_ups {
        let f_ = &f.follow_up;
        let topics: Vec<&str> = f_.topics.iter().map(|t| t.label()).collect();
        let mut detail = Vec::new();
        if let Some(who) = &f.staff_name {
            detail.push(format!("avec {who}"));
        }
        if !topics.is_empty() {
            detail.push(topics.join(", ").to_lowercase());
        }
        let said = match f_.kind {
            FollowUpKind::MonthlyReview => first_line(&f_.findings),
            FollowUpKind::EndOfCycle => first_line(&f_.project),
        };
        if !said.is_empty() {
            detail.push(said);
        }
        out.push(TimelineEntry {
            date: f_.held_on,
            kind: TimelineKind::FollowUp,
            label: f_.kind.label().into(),
            detail: detail.join(" — "),
            record_id: Some(f_.id),
        });
    }
    if let Some(exit) = a.exit_date {
        out.push(TimelineEntry {
            date: exit,
            kind: TimelineKind::Exit,
            label: "Sortie du CFA".into(),
            detail: a.status.label().into(),
            record_id: None,
        });
    }
    for s in &file.surveys {
        let mut detail = s.situation.label().to_owned();
        if let Some(c) = s.contract {
            detail.push_str(&format!(" ({})", c.label()));
        }
        if let Some(place) = &s.institution {
            detail.push_str(&format!(" — {place}"));
        }
        out.push(TimelineEntry {
            date: s.surveyed_on,
            kind: TimelineKind::Survey,
            label: format!("Questionnaire de sortie — {}", s.timepoint.label()),
            detail,
            record_id: Some(s.id),
        });
    }
    // Stable: on one day, the order above (training before actions…).
    out.sort_by_key(|e| e.date);
    out
}
