//! The demo CFA's indicator-29 history: two earlier promos per filière that
//! left in June 2024 and June 2025 with their exit questionnaires at every
//! timepoint (unreachable leavers, further studies by both routes,
//! employment abroad, a few questionnaires still missing), the actions of
//! those years (and the final-year sessions of 2025-2026), plans with objectives (some reached, some not) and actions
//! linked to them or left isolated, offers relayed across two years, and an
//! annual review. Its own seeded draw, so the rest of the demo is unchanged.

use chrono::{Duration, NaiveDate};

use super::{d, iso, weekday, DemoSummary, Draw, FIRST_NAMES, LAST_NAMES, PARTNERS, PROGRAMMES};
use crate::error::Result;
use crate::metrics::due_on;
use crate::model::*;
use crate::store::Writer;
use crate::validate;

/// An action the first part of the demo wrote.
pub(super) struct DemoAction {
    pub id: Id,
    pub kind: ActionKind,
    /// Index into `Context::programme_ids`.
    pub programme: usize,
    pub date: NaiveDate,
}

/// What the first part of the demo wrote, for this one to build on.
pub(super) struct Context {
    pub scale: usize,
    pub programme_ids: Vec<Id>,
    /// (cohort, programme index) of the promos 2024-2026 and 2025-2027.
    pub cohorts: Vec<(Id, usize)>,
    pub apprentices_by_cohort: Vec<Vec<Id>>,
    pub staff_ids: Vec<Id>,
    pub referents: Vec<Id>,
    pub partner_ids: Vec<Id>,
    pub actions: Vec<DemoAction>,
}

/// Promo 2022-2024 and promo 2023-2025: (start, end) dates.
const EARLIER: [(i32, u32, u32, i32); 2] = [(2022, 9, 5, 2024), (2023, 9, 4, 2025)];
const LEAVERS_PER_COHORT: usize = 12;
/// Questionnaires are written as the CFA had them on this day.
const RECORDED_UNTIL: (i32, u32, u32) = (2026, 9, 15);

const STUDY_PLACES: [&[(&str, &str)]; 3] = [
    &[
        (
            "licence_pro",
            "IUT d’Orléans — licence pro Commerce et distribution",
        ),
        (
            "bachelor",
            "IAE Orléans — bachelor Responsable de la distribution",
        ),
        ("but", "IUT de Tours — BUT Techniques de commercialisation"),
    ],
    &[
        (
            "bts",
            "Lycée hôtelier de l’Orléanais — BTS Management en hôtellerie-restauration",
        ),
        (
            "other",
            "CFA de la Chambre de métiers — Mention complémentaire Cuisinier en desserts",
        ),
        (
            "other",
            "CFA de Tours — Brevet professionnel Arts de la cuisine",
        ),
    ],
    &[
        ("bts", "Lycée Benjamin Franklin — BTS Électrotechnique"),
        (
            "bts",
            "CFA de l’industrie — BTS Fluides, énergies, domotique",
        ),
        (
            "but",
            "IUT de Bourges — BUT Génie électrique et informatique industrielle",
        ),
    ],
];

/// One leaver's path: their situation at 6 months and at 12 months.
#[derive(Clone, Copy)]
struct Path {
    six: Situation,
    twelve: Situation,
}

fn path(draw: &mut Draw, n: usize) -> Path {
    use Situation::*;
    // A fixed share of each promo, then a draw for the many in employment.
    match n % LEAVERS_PER_COHORT {
        2 => Path {
            six: SchoolStudies,
            twelve: SchoolStudies,
        },
        5 => Path {
            six: Apprenticeship,
            twelve: Apprenticeship,
        },
        8 => Path {
            six: JobSeeking,
            twelve: if draw.chance(50) {
                Employed
            } else {
                JobSeeking
            },
        },
        10 => Path {
            six: Unreachable,
            twelve: Unreachable,
        },
        11 => Path {
            six: Employed,
            twelve: EmployedAbroad,
        },
        _ if draw.chance(8) => Path {
            six: Inactive,
            twelve: Employed,
        },
        _ => Path {
            six: Employed,
            twelve: Employed,
        },
    }
}

fn survey_input(
    draw: &mut Draw,
    apprentice: Id,
    timepoint: Timepoint,
    on: NaiveDate,
    situation: Situation,
    p_index: usize,
) -> ExitSurveyInput {
    let employed = matches!(situation, Situation::Employed | Situation::EmployedAbroad);
    let studying = situation.is_further_study();
    let place = draw.pick(STUDY_PLACES[p_index % 3]);
    let contract = if employed {
        *draw.pick(&[
            "cdi",
            "cdi",
            "cdi",
            "cdd_long",
            "cdd_short",
            "interim",
            "cdd_long",
        ])
    } else {
        ""
    };
    ExitSurveyInput {
        apprentice_id: Some(apprentice),
        timepoint: timepoint.code().into(),
        surveyed_on: iso(on),
        method: draw.pick(&["phone", "phone", "email", "form"]).to_string(),
        situation: situation.code().into(),
        contract: contract.into(),
        in_target_job: employed && draw.chance(72),
        study_type: if studying {
            place.0.into()
        } else {
            String::new()
        },
        institution: if studying {
            place.1.into()
        } else {
            String::new()
        },
        comment: match situation {
            Situation::Unreachable => "Trois appels et un e-mail sans réponse.".into(),
            Situation::EmployedAbroad => "Embauché(e) en Belgique, à Bruxelles.".into(),
            Situation::JobSeeking => {
                "Inscrit(e) à France Travail, accompagné(e) par la mission locale.".into()
            }
            _ => String::new(),
        },
        ..Default::default()
    }
}

const OFFER_TITLES: [&[&str]; 3] = [
    &[
        "Adjoint(e) manager de rayon",
        "Conseiller(ère) de vente en magasin de sport",
        "Licence pro commerce en alternance",
        "Chargé(e) de clientèle",
        "Stage d’été en grande distribution",
    ],
    &[
        "Commis de cuisine",
        "Cuisinier(ère) en restauration collective",
        "Chef de partie (saison d’été)",
        "Mention complémentaire desserts en alternance",
        "Second(e) de cuisine",
    ],
    &[
        "Électricien(ne) du bâtiment",
        "Technicien(ne) de maintenance",
        "BTS Électrotechnique en alternance",
        "Monteur(se) câbleur(se)",
        "Intérimaire — chantier tertiaire",
    ],
];

/// Writes the history; returns the leavers written (apprentice, exit date).
pub(super) fn build(
    w: &Writer<'_>,
    c: &Context,
    summary: &mut DemoSummary,
) -> Result<Vec<(Id, NaiveDate)>> {
    let mut leavers = Vec::new();
    let mut draw = Draw(0x7472_6d70_6869_7374);
    let recorded_until = d(RECORDED_UNTIL.0, RECORDED_UNTIL.1, RECORDED_UNTIL.2);
    let programmes_per_copy = PROGRAMMES.len();

    // Earlier promos, their leavers and questionnaires, and their actions.
    // earlier[programme][0 or 1] = (cohort, apprentices)
    let mut earlier: Vec<Vec<(Id, Vec<Id>)>> = Vec::new();
    for (programme, &programme_id) in c.programme_ids.iter().enumerate() {
        let p_index = programme % programmes_per_copy;
        let mut promos = Vec::new();
        for (n_promo, &(y, m, day, end_year)) in EARLIER.iter().enumerate() {
            let start = d(y, m, day);
            let end = d(end_year, 6, 30);
            let cohort = validate::check_cohort(&CohortInput {
                programme_id: Some(programme_id),
                label: format!("Promo {y}-{end_year}"),
                start_date: iso(start),
                end_date: iso(end),
                ..Default::default()
            })?;
            let cohort_id = w.save_cohort(None, &cohort)?;
            summary.cohorts += 1;
            let mut ids = Vec::new();
            for n in 0..LEAVERS_PER_COHORT {
                let first = draw.pick(FIRST_NAMES).to_string();
                let last = draw.pick(LAST_NAMES).to_string();
                let (status, exit) = match n {
                    3 => ("dropped_out", d(end_year - 1, 2, 9 + n_promo as u32)),
                    7 if n_promo == 1 => ("reoriented", d(end_year - 1, 12, 20)),
                    9 => ("failed", end),
                    _ => ("graduated", end),
                };
                let apprentice = validate::check_apprentice(&ApprenticeInput {
                    cohort_id: Some(cohort_id),
                    first_name: first.clone(),
                    last_name: last.clone(),
                    birth_date: iso(d(
                        2001 + draw.below(4) as i32 + n_promo as i32,
                        1 + draw.below(12) as u32,
                        1 + draw.below(28) as u32,
                    )),
                    email: format!(
                        "{}.{}{}@mail-apprenti.fr",
                        crate::format::fold(&first),
                        crate::format::fold(&last),
                        y
                    )
                    .replace([' ', '\''], ""),
                    employer: draw.pick(PROGRAMMES[p_index].employers).to_string(),
                    contract_start: iso(start + Duration::days(draw.below(15) as i64)),
                    contract_end: iso(end),
                    status: status.into(),
                    exit_date: iso(exit),
                    referent_id: Some(c.referents[(n + p_index) % c.referents.len()]),
                    ..Default::default()
                })?;
                let id = w.save_apprentice(None, &apprentice)?;
                ids.push(id);
                leavers.push((id, exit));
                summary.apprentices += 1;
                summary.leavers += 1;

                // Their questionnaires, at every timepoint already due.
                let left_early = status != "graduated" && status != "failed";
                let route = path(&mut draw, n);
                for timepoint in Timepoint::ALL.iter().copied() {
                    let due = due_on(exit, timepoint);
                    if due > recorded_until {
                        continue;
                    }
                    // A few questionnaires are still to collect: the grid shows them overdue.
                    let missing = match timepoint {
                        Timepoint::Month6 => n == 6 || (n == 1 && n_promo == 1),
                        Timepoint::Month12 => n == 4,
                        Timepoint::Month3 => n == 0,
                        Timepoint::Exit => false,
                    };
                    if missing || (left_early && timepoint == Timepoint::Month3) {
                        continue;
                    }
                    let situation = match timepoint {
                        Timepoint::Exit if left_early => Situation::JobSeeking,
                        Timepoint::Month6 | Timepoint::Month12 if left_early => {
                            if n_promo == 0 {
                                Situation::Employed
                            } else {
                                Situation::JobSeeking
                            }
                        }
                        Timepoint::Exit | Timepoint::Month3 => {
                            if route.six == Situation::Unreachable {
                                Situation::Unreachable
                            } else if route.six.is_further_study() {
                                route.six
                            } else if route.six == Situation::Employed
                                && draw.chance(if timepoint == Timepoint::Exit { 45 } else { 70 })
                            {
                                // Often hired by the employer of the apprenticeship.
                                Situation::Employed
                            } else {
                                Situation::JobSeeking
                            }
                        }
                        Timepoint::Month6 => route.six,
                        Timepoint::Month12 => route.twelve,
                    };
                    let on = if timepoint == Timepoint::Exit {
                        exit
                    } else {
                        due + Duration::days(draw.below(20) as i64)
                    };
                    let input = survey_input(&mut draw, id, timepoint, on, situation, p_index);
                    let survey = validate::check_exit_survey(&input)?;
                    w.save_exit_survey(None, &survey)?;
                    summary.exit_surveys += 1;
                }
            }
            promos.push((cohort_id, ids));
        }
        earlier.push(promos);
    }

    // The actions of 2023-2024 and 2024-2025, for the promos taught then.
    let mut past_actions: Vec<DemoAction> = Vec::new();
    let kinds29 = [
        ActionKind::CvWorkshop,
        ActionKind::InterviewSimulation,
        ActionKind::JobDating,
        ActionKind::ProfessionalTalk,
        ActionKind::FurtherStudyInfo,
        ActionKind::CompanyVisit,
        ActionKind::FirstJobCoaching,
    ];
    for (programme, promos) in earlier.iter().enumerate() {
        let copy = programme / programmes_per_copy;
        // The 2024-2026 promo of this filière was taught in 2024-2025 too.
        let current: Vec<&(Id, usize)> =
            c.cohorts.iter().filter(|(_, p)| *p == programme).collect();
        for (year, count) in [(2023, 4usize), (2024, 6)] {
            for n in 0..count {
                let kind = kinds29[(n + programme) % kinds29.len()];
                let (i14, i29) = kind.default_indicators();
                let date =
                    weekday(d(year, 10, 1) + Duration::days((n as i64 * 230) / count as i64));
                let mut targeted: Vec<(Id, Vec<Id>)> = Vec::new();
                for (index, (cohort, ids)) in promos.iter().enumerate() {
                    let (_, _, _, end_year) = EARLIER[index];
                    if end_year > year && EARLIER[index].0 <= year {
                        targeted.push((*cohort, ids.clone()));
                    }
                }
                if year == 2024 {
                    if let Some((cohort, _)) = current.first() {
                        let i = c
                            .cohorts
                            .iter()
                            .position(|(id, _)| id == cohort)
                            .unwrap_or(0);
                        targeted.push((*cohort, c.apprentices_by_cohort[i].clone()));
                    }
                }
                let mut attendance = Vec::new();
                for (_, ids) in &targeted {
                    for &apprentice in ids {
                        let present = draw.chance(40);
                        attendance.push(AttendanceMark {
                            apprentice_id: apprentice,
                            present,
                            signed: present,
                        });
                    }
                }
                let input = ActionInput {
                    kind: kind.code().into(),
                    title: draw.pick(super::titles(kind)).to_string(),
                    start_date: iso(date),
                    start_time: "14 h".into(),
                    duration: "2 h".into(),
                    place: "Salle 12".into(),
                    public: "Apprentis de la filière".into(),
                    indicator14: i14,
                    indicator29: i29,
                    feedback_score: format!("4,{}", draw.below(10)),
                    cohort_ids: targeted.iter().map(|t| t.0).collect(),
                    speaker_staff_ids: vec![c.staff_ids[copy * super::STAFF.len() + 6]],
                    attendance,
                    ..Default::default()
                };
                let action = validate::check_action(&input)?;
                summary.attendance += action.attendance.len();
                let id = w.save_action(None, &action)?;
                summary.actions += 1;
                past_actions.push(DemoAction {
                    id,
                    kind,
                    programme,
                    date,
                });
            }
        }
    }

    // In 2025-2026 the final-year promo of each filière has its own interview
    // simulations (the main part of the demo mostly targets first years).
    for (programme, _) in c.programme_ids.iter().enumerate() {
        let Some(index) = c.cohorts.iter().position(|(_, p)| *p == programme) else {
            continue;
        };
        let copy = programme / programmes_per_copy;
        let presence = [88, 97, 93][programme % 3];
        let date = weekday(d(2026, 2, 2) + Duration::days(programme as i64 % 7));
        let attendance: Vec<AttendanceMark> = c.apprentices_by_cohort[index]
            .iter()
            .map(|&apprentice| {
                let present = draw.chance(presence);
                AttendanceMark {
                    apprentice_id: apprentice,
                    present,
                    signed: present,
                }
            })
            .collect();
        let kind = ActionKind::InterviewSimulation;
        let (i14, i29) = kind.default_indicators();
        let action = validate::check_action(&ActionInput {
            kind: kind.code().into(),
            title: "Simulations d’entretien d’embauche — 2e année".into(),
            start_date: iso(date),
            start_time: "9 h".into(),
            duration: "3 h".into(),
            place: "Salle 12".into(),
            public: "Apprentis de dernière année".into(),
            indicator14: i14,
            indicator29: i29,
            feedback_score: "4,5".into(),
            cohort_ids: vec![c.cohorts[index].0],
            speaker_staff_ids: vec![c.staff_ids[copy * super::STAFF.len() + 6]],
            attendance,
            ..Default::default()
        })?;
        summary.attendance += action.attendance.len();
        let id = w.save_action(None, &action)?;
        summary.actions += 1;
        past_actions.push(DemoAction {
            id,
            kind,
            programme,
            date,
        });
    }

    // Plans 2024-2025 and 2025-2026 with their objectives; actions linked.
    for (programme, &programme_id) in c.programme_ids.iter().enumerate() {
        let copy = programme / programmes_per_copy;
        let owner = c.referents[(copy * 3 + programme) % c.referents.len()];
        let careers = c.staff_ids[copy * super::STAFF.len() + 6];
        let code = PROGRAMMES[programme % programmes_per_copy].code;
        let mut next_year_objectives = Vec::new();
        for year in [2024, 2025] {
            let school_year = SchoolYear::starting(year);
            let plan = validate::check_action_plan(&ActionPlanInput {
                programme_id: Some(programme_id),
                school_year: school_year.label(),
                intent: format!(
                    "Préparer chaque apprenti(e) de {code} à son insertion ou à sa poursuite d’études : \
                     au moins un entretien simulé et un atelier CV avant la fin de la formation, des \
                     rencontres avec les employeurs à chaque période de recrutement, un suivi des sortants \
                     à 6 et 12 mois."
                ),
                owner_id: Some(owner),
                resources: "Chargée de relations entreprises (0,3 ETP), salle informatique, réseau d’employeurs \
                            partenaires, plateforme d’offres de l’ENT."
                    .into(),
                budget: if year == 2024 { "2 400" } else { "3 150" }.into(),
                ..Default::default()
            })?;
            let plan_id = w.save_action_plan(None, &plan)?;
            summary.plans += 1;
            let y2 = year + 1;
            let mut objectives: Vec<(ObjectiveInput, Vec<ActionKind>)> = vec![
                (
                    ObjectiveInput {
                        label: "Tous les apprentis de dernière année passent une simulation d’entretien".into(),
                        measure: "final_year_share".into(),
                        target: "90".into(),
                        action_kinds: vec!["interview_simulation".into()],
                        period_start: iso(d(year, 11, 1)),
                        period_end: iso(d(y2, 4, 30)),
                        ..Default::default()
                    },
                    vec![ActionKind::InterviewSimulation],
                ),
                (
                    ObjectiveInput {
                        label: "Rencontres employeurs : au moins 3 job datings ou interventions".into(),
                        measure: "action_count".into(),
                        target: "3".into(),
                        action_kinds: vec!["job_dating".into(), "professional_talk".into()],
                        period_start: iso(d(year, 9, 1)),
                        period_end: iso(d(y2, 6, 30)),
                        ..Default::default()
                    },
                    vec![ActionKind::JobDating, ActionKind::ProfessionalTalk],
                ),
                (
                    ObjectiveInput {
                        label: "Joindre à 6 mois au moins 80 % des sortants de l’an dernier".into(),
                        measure: "result".into(),
                        target: "80".into(),
                        result: "response_rate_6".into(),
                        period_start: iso(d(year, 12, 1)),
                        period_end: iso(d(y2, 8, 31)),
                        ..Default::default()
                    },
                    vec![],
                ),
                (
                    ObjectiveInput {
                        label: "Insertion à 6 mois des sortants de l’an dernier d’au moins 75 %".into(),
                        measure: "result".into(),
                        target: "75".into(),
                        result: "insertion_6".into(),
                        period_start: iso(d(year, 12, 1)),
                        period_end: iso(d(y2, 8, 31)),
                        ..Default::default()
                    },
                    vec![],
                ),
            ];
            if year == 2025 {
                objectives.push((
                    ObjectiveInput {
                        label: "Atelier CV pour la promo de 1re année avant les recrutements"
                            .into(),
                        measure: "cohort_share".into(),
                        target: "80".into(),
                        action_kinds: vec!["cv_workshop".into()],
                        cohort_id: c
                            .cohorts
                            .iter()
                            .filter(|(_, p)| *p == programme)
                            .nth(1)
                            .map(|(id, _)| *id),
                        period_start: iso(d(year, 9, 15)),
                        period_end: iso(d(y2, 3, 31)),
                        ..Default::default()
                    },
                    vec![ActionKind::CvWorkshop],
                ));
                objectives.push((
                    ObjectiveInput {
                        label: "Satisfaction des employeurs partenaires d’au moins 85 %".into(),
                        measure: "manual".into(),
                        target: "85".into(),
                        manual_value: if programme % 2 == 0 { "88" } else { "81,5" }.into(),
                        manual_source: "Enquête annuelle auprès des maîtres d’apprentissage".into(),
                        manual_date: iso(d(y2, 3, 20)),
                        period_start: iso(d(y2, 1, 1)),
                        period_end: iso(d(y2, 4, 30)),
                        ..Default::default()
                    },
                    vec![],
                ));
            }
            for (index, (mut input, kinds)) in objectives.into_iter().enumerate() {
                input.plan_id = Some(plan_id);
                input.owner_id = Some(if index == 1 { careers } else { owner });
                let objective = validate::check_objective(&input, school_year)?;
                let objective_id = w.save_objective(None, &objective)?;
                summary.objectives += 1;
                if year == 2025 {
                    next_year_objectives.push(objective_id);
                }
                // Link the year's actions of these kinds, but leave some isolated.
                let linked: Vec<Id> = c
                    .actions
                    .iter()
                    .chain(past_actions.iter())
                    .filter(|a| {
                        a.programme == programme && SchoolYear::containing(a.date) == school_year
                    })
                    .filter(|a| kinds.contains(&a.kind))
                    .map(|a| a.id)
                    .collect();
                w.link_actions_to_objective(objective_id, &linked)?;
            }
        }

        // The annual review of 2024-2025, pointing at next year's objectives.
        let review = validate::check_annual_review(&AnnualReviewInput {
            programme_id: Some(programme_id),
            school_year: "2024-2025".into(),
            difficulties: "Trop de sortants injoignables à 6 mois : les adresses personnelles n’étaient pas \
                           à jour. Peu d’employeurs disponibles pour les job datings de printemps."
                .into(),
            priorities: "Recueillir un second contact (téléphone d’un proche) avant la sortie ; caler les \
                         rencontres employeurs sur les périodes de recrutement ; atelier CV dès la 1re année."
                .into(),
            next_objective_ids: next_year_objectives.iter().take(3).copied().collect(),
            ..Default::default()
        })?;
        w.save_annual_review(&review)?;
        summary.reviews += 1;
    }

    // Offers relayed across 2024-2025 and 2025-2026.
    let sources = [
        "Indeed",
        "La bonne alternance",
        "Ancien apprenti",
        "Réseau des maîtres d’apprentissage",
    ];
    for copy in 0..c.scale {
        for n in 0..48usize {
            let p_index = n % programmes_per_copy;
            let programme = copy * programmes_per_copy + p_index;
            let date = weekday(
                d(2024, 9, 9) + Duration::days((n as i64 * 700) / 48 + draw.below(5) as i64),
            );
            let from_partner = draw.chance(60);
            let partner = c.partner_ids[copy * PARTNERS.len() + draw.below(PARTNERS.len())];
            let mut programmes = vec![c.programme_ids[programme]];
            if n % 7 == 0 {
                programmes.push(c.programme_ids[copy * programmes_per_copy + (p_index + 1) % 3]);
            }
            let input = RelayedOfferInput {
                offered_on: iso(date),
                partner_id: from_partner.then_some(partner),
                source: if from_partner {
                    String::new()
                } else {
                    draw.pick(&sources).to_string()
                },
                title: draw.pick(OFFER_TITLES[p_index]).to_string(),
                contract: draw
                    .pick(&[
                        "cdi",
                        "cdd",
                        "apprenticeship",
                        "apprenticeship",
                        "internship",
                        "cdi",
                        "other",
                    ])
                    .to_string(),
                channel: draw
                    .pick(&[
                        "email",
                        "ent",
                        "ent",
                        "poster",
                        "social_media",
                        "newsletter",
                    ])
                    .to_string(),
                programme_ids: programmes,
                comment: if n % 5 == 0 {
                    "Relayée aussi en cours par le formateur référent.".into()
                } else {
                    String::new()
                },
                ..Default::default()
            };
            let offer = validate::check_relayed_offer(&input)?;
            w.save_relayed_offer(None, &offer)?;
            summary.offers += 1;
        }
    }
    Ok(leavers)
}
