//! The demo CFA's indicator-14 support: monthly reviews for every apprentice
//! in training (from the rentrée to the last days of November 2026, August
//! off), a few left without a review for weeks so the « En retard » list has
//! names, changes of référent in January 2026, and an end-of-cycle interview
//! for each leaver. Its own seeded draw, so the rest of the demo is unchanged.

use chrono::{Datelike, Duration, NaiveDate};

use super::history::Context;
use super::{d, iso, weekday, DemoSummary, Draw};
use crate::error::Result;
use crate::model::*;
use crate::store::Writer;
use crate::validate;

/// The last day monthly reviews are written for (the demo's « now »).
const REVIEWS_UNTIL: (i32, u32, u32) = (2026, 11, 27);

const FINDINGS: [(&str, &str); 8] = [
    (
        "administrative",
        "Dossier d’aide au permis déposé ; attestation employeur fournie.",
    ),
    (
        "technical",
        "Progrès nets sur les tâches confiées ; le maître d’apprentissage confirme.",
    ),
    (
        "technical",
        "Difficultés en mathématiques appliquées signalées par le formateur.",
    ),
    (
        "social",
        "Trajet domicile–entreprise long (1 h 15) ; aide à la mobilité évoquée.",
    ),
    (
        "social",
        "Recherche de logement près de l’entreprise en cours.",
    ),
    (
        "administrative",
        "Carte d’étudiant des métiers remise ; mutuelle à jour.",
    ),
    (
        "technical",
        "Rythme de l’alternance bien tenu ; dossier professionnel à jour.",
    ),
    (
        "other",
        "Souhaite préparer une poursuite d’études après le diplôme.",
    ),
];

const NEXT_STEPS: [&str; 5] = [
    "Point avec le maître d’apprentissage dans quinze jours.",
    "Inscription au soutien de mathématiques du mercredi.",
    "Rendez-vous avec l’assistante sociale du CFA.",
    "Préparer le dossier de candidature avant mars.",
    "Rien de particulier : prochain point le mois prochain.",
];

pub(super) fn build(
    w: &Writer<'_>,
    c: &Context,
    leavers: &[(Id, NaiveDate)],
    summary: &mut DemoSummary,
) -> Result<()> {
    let mut draw = Draw(0x7472_6d70_7375_7070);
    let until = d(REVIEWS_UNTIL.0, REVIEWS_UNTIL.1, REVIEWS_UNTIL.2);

    // A change of référent in January 2026 for a few apprentices of each promo.
    for (index, (_, programme)) in c.cohorts.iter().enumerate() {
        let referents = c.referents.len();
        for (n, &apprentice) in c.apprentices_by_cohort[index].iter().enumerate() {
            if n % 9 == 4 {
                let staff = c.referents[(n + programme + 1) % referents];
                w.assign_referent(&[apprentice], staff, d(2026, 1, 5))?;
                summary.referent_changes += 1;
            }
        }
    }

    // Monthly reviews of the two promos in training.
    for (index, (_, _)) in c.cohorts.iter().enumerate() {
        let first_year = index % 2 == 1; // promo 2025-2027
        let (from, to) = if first_year {
            (d(2025, 9, 1), until)
        } else {
            (d(2024, 9, 2), d(2026, 6, 30))
        };
        for (n, &apprentice) in c.apprentices_by_cohort[index].iter().enumerate() {
            // The one who dropped out in February 2025 has no review after it.
            let stop = if !first_year && n == 7 {
                d(2025, 2, 14)
            } else if first_year && n == 3 {
                d(2026, 9, 30) // overdue: nothing since September
            } else if first_year && n == 11 {
                d(2026, 10, 16) // overdue since mid-October
            } else {
                to
            };
            let mut month = from.with_day(1).unwrap_or(from);
            while month <= stop {
                let day = 4 + ((n * 3 + month.month() as usize) % 20) as u32;
                let held = weekday(month.with_day(day).unwrap_or(month));
                // Now and then a month is missed — never in the last two, so
                // the overdue are exactly the ones chosen above.
                let missed = month < d(2026, 10, 1) && draw.chance(3);
                let skip = month.month() == 8 || held < from || held > stop || missed;
                if !skip {
                    let (topic, finding) = *draw.pick(&FINDINGS);
                    let mut topics = vec![topic.to_string()];
                    if draw.chance(35) {
                        topics.push("administrative".into());
                    }
                    let review = validate::check_follow_up(&FollowUpInput {
                        apprentice_id: Some(apprentice),
                        kind: "monthly_review".into(),
                        held_on: iso(held),
                        topics,
                        findings: finding.into(),
                        next_steps: draw.pick(&NEXT_STEPS).to_string(),
                        ..Default::default()
                    })?;
                    w.save_follow_up(None, &review)?;
                    summary.follow_ups += 1;
                }
                month = month
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(NaiveDate::MAX);
            }
        }
    }

    // An end-of-cycle interview for each leaver, in the days around the exit.
    for (n, &(apprentice, exit)) in leavers.iter().enumerate() {
        let interview = validate::check_follow_up(&FollowUpInput {
            apprentice_id: Some(apprentice),
            kind: "end_of_cycle".into(),
            held_on: iso(weekday(exit - Duration::days(3 + (n % 5) as i64))),
            findings: "Bilan du parcours fait avec l’apprenti(e) et son maître d’apprentissage."
                .into(),
            impact: [
                "Les simulations d’entretien ont donné de l’assurance ; le CV est prêt.",
                "Le soutien en mathématiques a permis de valider les épreuves écrites.",
                "Les rencontres employeurs ont ouvert deux pistes d’embauche.",
            ][n % 3]
                .into(),
            project: [
                "Rester dans l’entreprise d’accueil en CDI.",
                "Poursuivre en licence professionnelle par l’apprentissage.",
                "Chercher un emploi dans la région, accompagné(e) par la mission locale.",
            ][n % 3]
                .into(),
            ..Default::default()
        })?;
        w.save_follow_up(None, &interview)?;
        summary.follow_ups += 1;
    }
    Ok(())
}
