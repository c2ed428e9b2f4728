//! A deterministic, realistic French sample document with its proof files,
//! for tests and benchmarks: an audit dossier of a made-up CFA with an action
//! register, one sheet per action, partner sheets, relayed offers, results
//! with charts (one series, grouped CFA / InserJeunes on 0–100 %, stacked), a
//! wide dense register of apprentices (eleven columns: long names, RNCP codes,
//! dates), lists, and proofs — half images (PNG, JPEG), half small PDFs.
//!
//! The same arguments always give the same model and the same files: the
//! only randomness is a small seeded generator.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use image::{ImageEncoder, Rgb, RgbImage};

use super::model::*;
use crate::{Error, Result};

/// xorshift64*: small, seeded, good enough for made-up data.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KINDS: &[&str] = &[
    "Forum des métiers",
    "Visite d’entreprise",
    "Atelier CV et lettre de motivation",
    "Job dating apprentissage",
    "Conférence « Créer son entreprise »",
    "Rencontre avec d’anciens apprentis",
    "Simulation d’entretien d’embauche",
    "Atelier citoyenneté et laïcité",
    "Soutien méthodologique",
    "Information poursuite d’études (BTS, licence pro)",
];
const PUBLICS: &[&str] = &[
    "CAP 1re année",
    "CAP 2e année",
    "BP 1re année",
    "BP 2e année",
    "Bac pro 3e année",
    "Tous les apprentis",
];
const PLACES: &[&str] = &[
    "amphithéâtre du CFA",
    "salle polyvalente",
    "Maison de l’emploi de Villeurbanne",
    "locaux du partenaire",
    "atelier de production",
];
const PARTNERS: &[&str] = &[
    "France Travail Lyon Est",
    "Mission locale de Villeurbanne",
    "Chambre de métiers et de l’artisanat du Rhône",
    "Boulangerie Dupré & fils",
    "Pâtisserie « Les Délices d’Élise »",
    "Association Entreprendre pour apprendre",
    "Lycée professionnel Frédéric-Faÿs",
    "CIO de Lyon-Part-Dieu",
    "Œuvre des Pupilles orphelins",
    "Syndicat des boulangers du Rhône",
    "Fédération française de la pâtisserie",
    "Cap emploi 69",
];
const FIRST_NAMES: &[&str] = &[
    "Léa", "Noé", "Inès", "Théo", "Chloé", "Maël", "Zoé", "Éloïse", "Jérôme", "Anaïs", "Gaëtan",
    "Océane", "Loïc", "Maëlys", "Yanis", "Ambre",
];
const SURNAMES: &[&str] = &[
    "BONNEFOY",
    "DELACROIX",
    "N’GUESSAN",
    "LEFEBVRE",
    "MONTGOLFIER",
    "DA SILVA",
    "ABDELKADER",
    "CHARPENTIER",
    "VANDENBERGHE",
    "OUEDRAOGO",
    "DESCHAMPS",
    "FERNANDES",
    "KOWALCZYK",
    "BOURGEOIS",
    "SAINT-ÉTIENNE",
    "GUILLAUMIN",
];
const GIVEN_NAMES: &[&str] = &[
    "Timothée",
    "Marie-Charlotte",
    "Jean-Baptiste",
    "Anne-Sophie",
    "Maxence",
    "Éloïse",
    "Gwendoline",
    "Théophile",
    "Inès",
    "Noé",
    "Bérénice",
    "Maël",
];
/// (formation, RNCP code).
const FORMATIONS: &[(&str, &str)] = &[
    ("CAP Boulanger", "RNCP37589"),
    ("CAP Pâtissier", "RNCP37212"),
    ("BP Boulanger", "RNCP35316"),
    ("Bac pro Boulanger-pâtissier", "RNCP35317"),
    ("CAP Vendeur-conseil en crémerie-fromagerie", "RNCP34931"),
    ("MC Pâtisserie boulangère", "RNCP36041"),
];
const EMPLOYERS: &[&str] = &[
    "Boulangerie Dupré & fils",
    "Pâtisserie « Les Délices d’Élise »",
    "Maison Bonnefoy, traiteur-pâtissier",
    "Au Fournil de Villeurbanne",
    "Boulangerie-pâtisserie Charpentier",
    "Intermarché Hyper Vaulx-en-Velin",
    "Chocolaterie Bernachon",
];
const TUTORS: &[&str] = &[
    "M. Dupré",
    "Mme Charpentier",
    "M. Da Silva",
    "Mme Roux",
    "M. Abdelkader",
];
const SITUATIONS: &[&str] = &[
    "en formation",
    "en formation",
    "en formation",
    "rupture",
    "réorientation",
];
const SPEAKERS: &[&str] = &[
    "Mme Garnier (chargée de relations entreprises)",
    "M. Lefèvre (formateur)",
    "Mme N’Diaye (conseillère France Travail)",
    "M. Da Silva (maître d’apprentissage)",
    "Mme Œhler (référente handicap)",
];

fn date(day: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(day as u64)))
        .unwrap_or_default()
}

fn fr_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph {
        runs: vec![Run::plain(text)],
        id: None,
    }
}

fn col(title: &str, width: f32, align: Align) -> Column {
    Column {
        width,
        ..Column::new(title, align)
    }
}

fn section(
    id: impl Into<String>,
    title: impl Into<String>,
    level: u8,
    new_page: bool,
    blocks: Vec<Block>,
) -> Section {
    Section {
        id: id.into(),
        title: title.into(),
        level,
        new_page,
        blocks,
    }
}

/// The sample model; annex files are named `proofs/preuve-NNN.{png,jpg,pdf}`.
pub fn sample_model(pages: usize, proofs: usize) -> DocumentModel {
    let mut rng = Seeded(0x5EED_CAFE_2026_0001);
    // Roughly: annexes take 1.15 pages each, an action sheet with its
    // participants 0.58 page, the other sections about 20 pages.
    let body_pages = pages.saturating_sub(proofs * 115 / 100 + 4).max(6);
    let actions = (body_pages.saturating_sub(20) * 100 / 58).max(3);
    let partners = (body_pages / 12).clamp(2, PARTNERS.len() * 4);
    let apprentices = (body_pages / 2).max(10);
    let offers = (body_pages / 3).max(8);

    let proof_id = |i: usize| format!("preuve-{:03}", i + 1);
    let proof_of_action = |a: usize| if proofs == 0 { None } else { Some(a % proofs) };

    let mut sections = Vec::new();

    // 1. Synthesis.
    let checks = [
        (
            Status::Vert,
            "Plan d’action annuel établi, objectifs mesurables, calendrier et responsables.",
        ),
        (
            Status::Vert,
            "Au moins trois types d’actions de l’indicateur 29 tracées.",
        ),
        (
            Status::Orange,
            "Deux partenaires sans action co-organisée depuis douze mois.",
        ),
        (
            Status::Vert,
            "Tableau des offres relayées renseigné (date, source, cible, canal).",
        ),
        (
            Status::Rouge,
            "Taux de réponse à l’enquête d’insertion à six mois inférieur à 50 %.",
        ),
        (
            Status::Vert,
            "Chaque apprenti a un référent ; aucun entretien mensuel en retard.",
        ),
    ];
    let mut blocks = vec![para(
        "Ce tableau reprend chaque élément attendu des indicateurs 14 et 29 du référentiel national \
         Qualiopi, son statut et les pages où se trouvent ses preuves. Les statuts sont écrits en \
         toutes lettres pour rester lisibles une fois le dossier imprimé en noir et blanc.",
    )];
    for (status, text) in checks {
        blocks.push(Block::Badge {
            status,
            text: text.to_owned(),
        });
    }
    blocks.push(Block::Table {
        columns: vec![
            col("Élément attendu", 4.0, Align::Left),
            col("Indicateur", 1.2, Align::Center),
            col("Statut", 1.2, Align::Center),
            col("Preuves", 2.0, Align::Left),
        ],
        rows: vec![
            vec![
                "Plan d’action".into(),
                "29".into(),
                "VERT".into(),
                Cell::Runs {
                    runs: vec![Run::reference("plan")],
                },
            ],
            vec![
                "Registre des actions".into(),
                "29".into(),
                "VERT".into(),
                Cell::Runs {
                    runs: vec![Run::reference("registre")],
                },
            ],
            vec![
                "Partenariats actifs".into(),
                "29".into(),
                "ORANGE".into(),
                Cell::Runs {
                    runs: vec![Run::reference("partenariats")],
                },
            ],
            vec![
                "Offres relayées".into(),
                "29".into(),
                "VERT".into(),
                Cell::Runs {
                    runs: vec![Run::reference("offres")],
                },
            ],
            vec![
                "Résultats mesurés".into(),
                "29".into(),
                "ROUGE".into(),
                Cell::Runs {
                    runs: vec![Run::reference("resultats")],
                },
            ],
            vec![
                "Accompagnement individuel".into(),
                "14".into(),
                "VERT".into(),
                Cell::Runs {
                    runs: vec![Run::reference("accompagnement")],
                },
            ],
        ],
        totals: None,
        id: Some("synthese-table".into()),
        style: TableStyle::Normal,
        zebra: false,
    });
    sections.push(section(
        "synthese",
        "Synthèse pour l’auditeur",
        1,
        true,
        blocks,
    ));

    // 2. Action plan.
    let objectives = [
        (
            "O1",
            "Faire découvrir au moins cinq métiers de la filière à chaque apprenti de 1re année",
            "5 métiers",
            "4,2 métiers",
        ),
        (
            "O2",
            "Accompagner 100 % des apprentis de dernière année dans leur projet après le diplôme",
            "100 %",
            "87 %",
        ),
        (
            "O3",
            "Maintenir un taux d’insertion à six mois supérieur à 75 %",
            "75 %",
            "79 %",
        ),
        (
            "O4",
            "Relayer au moins 40 offres d’emploi ou de poursuite d’études par an",
            "40 offres",
            format!("{offers} offres").leak(),
        ),
        (
            "O5",
            "Organiser deux actions de citoyenneté évaluées avant et après",
            "2 actions",
            "2 actions",
        ),
    ];
    sections.push(section(
        "plan",
        "Plan d’action 2025-2026",
        1,
        true,
        vec![
            para("Le plan d’action est validé chaque année en conseil de perfectionnement. Il fixe des objectifs mesurables, un calendrier et un responsable pour chaque action."),
            Block::Table {
                columns: vec![
                    col("N°", 0.5, Align::Left),
                    col("Objectif", 4.0, Align::Left),
                    col("Cible", 1.0, Align::Right),
                    col("Mesuré", 1.0, Align::Right),
                ],
                rows: objectives
                    .iter()
                    .map(|(n, o, t, m)| vec![(*n).into(), (*o).into(), (*t).into(), (*m).into()])
                    .collect(),
                totals: None,
                id: None,
                style: TableStyle::Normal,
                zebra: false,
            },
        ],
    ));

    // 3. Register and one sheet per action.
    let mut register_rows = Vec::new();
    let mut sheets = Vec::new();
    let mut total_participants = 0;
    for a in 0..actions {
        let kind = rng.pick(KINDS);
        let public = rng.pick(PUBLICS);
        let partner = rng.pick(PARTNERS);
        let day = a * 270 / actions.max(1);
        let participants = 8 + rng.below(40);
        total_participants += participants;
        let id = format!("action-{}", a + 1);
        let mut proof_runs = vec![Run::plain("")];
        if let Some(p) = proof_of_action(a) {
            proof_runs = vec![Run::reference(proof_id(p))];
        }
        register_rows.push(vec![
            Cell::Text(format!("{}", a + 1)),
            Cell::Text(fr_date(date(day))),
            Cell::Runs {
                runs: vec![Run::plain(kind.to_owned()), Run::reference(id.clone())],
            },
            Cell::Text(public.to_owned()),
            Cell::Text(participants.to_string()),
            Cell::Runs { runs: proof_runs },
        ]);
        let names: Vec<String> = (0..4 + rng.below(6))
            .map(|_| {
                format!(
                    "{} {}.",
                    rng.pick(FIRST_NAMES),
                    (b'A' + rng.below(26) as u8) as char
                )
            })
            .collect();
        let mut blocks = vec![
            Block::Sheet {
                fields: vec![
                    Field::new("Date", format!("{} — {}", fr_date(date(day)), rng.pick(PLACES))),
                    Field::new("Public", public),
                    Field::new("Intervenants", rng.pick(SPEAKERS)),
                    Field::new("Partenaire", partner),
                    Field::new("Participants", format!("{participants} apprentis présents sur {} inscrits", participants + rng.below(6))),
                    Field::new("Objectif lié", format!("O{}", 1 + rng.below(5))),
                ],
                id: None,
            },
            Block::Paragraph {
                runs: vec![
                    Run::bold("Contenu. "),
                    Run::plain(format!(
                        "{kind} préparé avec {partner}. Les apprentis ont échangé avec les professionnels sur les \
                         conditions d’exercice du métier, les débouchés et les poursuites d’études possibles ; \
                         chacun est reparti avec une fiche de synthèse et les coordonnées des intervenants."
                    )),
                ],
                id: None,
            },
            Block::Paragraph {
                runs: vec![
                    Run::bold("Retours. "),
                    Run::italic(format!(
                        "« Très concret, j’ai enfin compris ce qu’on attend en entretien » — {} ",
                        names[0]
                    )),
                    Run::plain(format!("Satisfaction moyenne\u{a0}: {},{}\u{a0}/\u{a0}5.", 3 + rng.below(2), rng.below(10))),
                ],
                id: None,
            },
        ];
        blocks.push(Block::Table {
            columns: vec![
                col("Participant", 2.0, Align::Left),
                col("Formation", 2.0, Align::Left),
                col("Évaluation avant / après", 1.6, Align::Center),
            ],
            rows: names
                .iter()
                .map(|n| {
                    let before = 1 + rng.below(3);
                    vec![
                        Cell::Text(n.clone()),
                        Cell::Text(public.to_owned()),
                        Cell::Text(format!("{before}/5 → {}/5", before + 1 + rng.below(2))),
                    ]
                })
                .collect(),
            totals: None,
            id: None,
            style: TableStyle::Normal,
            zebra: false,
        });
        if let Some(p) = proof_of_action(a) {
            blocks.push(Block::Reference {
                text: "Feuille d’émargement et compte rendu :".into(),
                target: proof_id(p),
            });
        }
        sheets.push(section(
            id,
            format!("Action n°\u{a0}{} — {kind}", a + 1),
            2,
            false,
            blocks,
        ));
    }
    sections.push(section(
        "registre",
        "Registre des actions",
        1,
        true,
        vec![
            para(format!("{actions} actions ont été menées sur l’année scolaire. Chacune a sa fiche détaillée ci-après et ses preuves en annexe.")),
            Block::Table {
                columns: vec![
                    col("N°", 0.5, Align::Right),
                    col("Date", 1.1, Align::Left),
                    col("Action", 3.4, Align::Left),
                    col("Public", 1.6, Align::Left),
                    col("Présents", 0.9, Align::Right),
                    col("Preuve", 1.7, Align::Left),
                ],
                rows: register_rows,
                totals: Some(vec![
                    "".into(),
                    "".into(),
                    Cell::Text(format!("Total : {actions} actions")),
                    "".into(),
                    Cell::Text(total_participants.to_string()),
                    "".into(),
                ]),
                id: Some("registre-table".into()),
                style: TableStyle::Normal,
                zebra: false,
            },
        ],
    ));
    sections.push(section("fiches", "Fiches des actions", 1, true, Vec::new()));
    sections.extend(sheets);

    // 4. Partners.
    sections.push(section(
        "partenariats",
        "Partenariats",
        1,
        true,
        vec![para("Chaque partenaire a sa fiche : convention, actions co-organisées sur les douze derniers mois et interlocuteur.")],
    ));
    for p in 0..partners {
        let name = PARTNERS[p % PARTNERS.len()];
        let rows: Vec<Vec<Cell>> = (0..3 + rng.below(6))
            .map(|_| {
                let a = rng.below(actions);
                vec![
                    Cell::Text(fr_date(date(a * 270 / actions.max(1)))),
                    Cell::Text(rng.pick(KINDS).to_owned()),
                    Cell::Runs {
                        runs: vec![Run::reference(format!("action-{}", a + 1))],
                    },
                ]
            })
            .collect();
        let dormant = rng.below(6) == 0;
        sections.push(section(
            format!("partenaire-{}", p + 1),
            if p < PARTNERS.len() {
                name.to_owned()
            } else {
                format!("{name} (antenne {})", p / PARTNERS.len() + 1)
            },
            2,
            false,
            vec![Block::KeepTogether {
                blocks: vec![
                    Block::Sheet {
                        fields: vec![
                            Field::new(
                                "Convention",
                                format!(
                                    "signée le {}, renouvelable chaque année",
                                    fr_date(date(rng.below(60)))
                                ),
                            ),
                            Field::new("Interlocuteur", rng.pick(SPEAKERS)),
                            Field::new(
                                "Statut",
                                if dormant {
                                    "en sommeil : aucune action depuis douze mois"
                                } else {
                                    "actif"
                                },
                            ),
                        ],
                        id: None,
                    },
                    Block::Badge {
                        status: if dormant {
                            Status::Orange
                        } else {
                            Status::Vert
                        },
                        text: if dormant {
                            "Partenariat à relancer.".into()
                        } else {
                            "Partenariat actif sur l’année.".into()
                        },
                    },
                    Block::Table {
                        columns: vec![
                            col("Date", 1.0, Align::Left),
                            col("Action co-organisée", 3.5, Align::Left),
                            col("Fiche", 1.0, Align::Left),
                        ],
                        rows,
                        totals: None,
                        id: None,
                        style: TableStyle::Normal,
                        zebra: false,
                    },
                ],
            }],
        ));
    }

    // 5. Relayed offers.
    let channels = [
        "affichage",
        "ENT",
        "courriel",
        "réunion de promotion",
        "SMS",
    ];
    let offer_rows = (0..offers)
        .map(|o| {
            vec![
                Cell::Text(fr_date(date(o * 270 / offers))),
                Cell::Text(rng.pick(PARTNERS).to_owned()),
                Cell::Text(format!(
                    "{} — {}",
                    rng.pick(&[
                        "CDI",
                        "CDD",
                        "Contrat d’apprentissage BP",
                        "Poursuite en BTS",
                        "Saison d’été"
                    ]),
                    rng.pick(&[
                        "boulanger·ère",
                        "pâtissier·ère",
                        "vendeur·se",
                        "tourier·ère"
                    ])
                )),
                Cell::Text(rng.pick(PUBLICS).to_owned()),
                Cell::Text(channels[o % channels.len()].to_owned()),
            ]
        })
        .collect();
    sections.push(section(
        "offres",
        "Offres relayées",
        1,
        true,
        vec![Block::Table {
            columns: vec![
                col("Date", 1.0, Align::Left),
                col("Source", 2.2, Align::Left),
                col("Offre", 2.6, Align::Left),
                col("Cible", 1.5, Align::Left),
                col("Canal", 1.2, Align::Left),
            ],
            rows: offer_rows,
            totals: Some(vec![
                Cell::Text(format!("{offers} offres")),
                "".into(),
                "".into(),
                "".into(),
                "".into(),
            ]),
            id: None,
            style: TableStyle::Normal,
            zebra: false,
        }],
    ));

    // 6. Results.
    let promotions = [
        "CAP boulanger",
        "CAP pâtissier",
        "BP boulanger",
        "Bac pro BPA",
        "MC pâtisserie",
    ];
    let rates: Vec<f64> = promotions
        .iter()
        .map(|_| 55.0 + rng.below(40) as f64)
        .collect();
    // (promotion, leavers, respondents, employed, rate) with the rate computed
    // from the counts, as the real dossier will.
    let results: Vec<(&str, usize, usize, usize, f64)> = promotions
        .iter()
        .zip(&rates)
        .map(|(p, r)| {
            let out = 20 + (*r as usize % 17);
            let answered = out * 8 / 10;
            let employed = (answered as f64 * r / 100.0).round() as usize;
            (
                *p,
                out,
                answered,
                employed,
                employed as f64 * 100.0 / answered as f64,
            )
        })
        .collect();
    let round1 = |v: f64| (v * 10.0).round() / 10.0;
    let studies = |rate: f64| round1((100.0 - round1(rate)) * 0.55);
    sections.push(section(
        "resultats",
        "Résultats",
        1,
        true,
        vec![
            para("Les taux sont calculés sur les sortants de l’année 2024-2025, interrogés six mois après leur sortie (enquête téléphonique et en ligne). Chaque taux est donné avec son numérateur et son dénominateur."),
            Block::Table {
                columns: vec![
                    col("Promotion", 2.0, Align::Left),
                    col("Sortants", 1.0, Align::Right),
                    col("Répondants", 1.0, Align::Right),
                    col("En emploi", 1.0, Align::Right),
                    col("Taux d’insertion", 1.3, Align::Right),
                ],
                rows: results
                    .iter()
                    .map(|(p, out, answered, employed, rate)| {
                        vec![
                            Cell::Text((*p).to_owned()),
                            Cell::Text(out.to_string()),
                            Cell::Text(answered.to_string()),
                            Cell::Text(employed.to_string()),
                            // One decimal, decimal comma: the rate follows from its own figures.
                            Cell::Text(format!(
                                "{}\u{a0}% ({employed}/{answered})",
                                crate::format::decimal(*rate, 1)
                            )),
                        ]
                    })
                    .collect(),
                totals: None,
                id: None,
                style: TableStyle::Normal,
                zebra: false,
            },
            Block::BarChart {
                categories: results.iter().map(|r| r.0.to_owned()).collect(),
                values: results.iter().map(|r| (r.4 * 10.0).round() / 10.0).collect(),
                unit: "%".into(),
                caption: "Figure 1 — Taux d’insertion à six mois par promotion (répondants en emploi / répondants).".into(),
                id: Some("figure-insertion".into()),
            },
            Block::BarChart {
                categories: vec!["Emploi durable".into(), "Emploi court".into(), "Poursuite d’études".into(), "Recherche d’emploi".into(), "Autre situation".into()],
                values: vec![48.0, 14.5, 21.0, 11.0, 5.5],
                unit: "%".into(),
                caption: "Figure 2 — Situation des sortants six mois après la sortie, toutes promotions.".into(),
                id: None,
            },
            Block::Chart {
                categories: (2021..=2025).map(|y| y.to_string()).collect(),
                series: vec![
                    Series { name: "CFA (enquête à six mois)".into(), values: vec![Some(71.0), Some(74.5), Some(69.0), Some(77.0), Some(79.0)] },
                    Series { name: "InserJeunes (moyenne régionale de la filière)".into(), values: vec![Some(66.0), Some(68.0), Some(70.5), Some(71.0), None] },
                ],
                layout: ChartLayout::Grouped,
                orientation: Orientation::Vertical,
                unit: "%".into(),
                axis_max: Some(100.0),
                value_labels: true,
                caption: "Figure 3 — Taux d’insertion à six mois du CFA et taux InserJeunes de la filière, par année de sortie (2025 : InserJeunes non publié).".into(),
                id: Some("figure-inserjeunes".into()),
            },
            Block::Chart {
                categories: promotions.iter().map(|p| (*p).to_owned()).collect(),
                series: vec![
                    Series { name: "Emploi".into(), values: results.iter().map(|r| Some((r.4 * 10.0).round() / 10.0)).collect() },
                    Series { name: "Poursuite d’études".into(), values: results.iter().map(|r| Some(studies(r.4))).collect() },
                    // What is left, so that each bar sums to 100 % exactly.
                    Series { name: "Sans solution".into(), values: results.iter().map(|r| Some(((100.0 - round1(r.4) - studies(r.4)) * 10.0).round() / 10.0)).collect() },
                ],
                layout: ChartLayout::Stacked,
                orientation: Orientation::Horizontal,
                unit: "%".into(),
                axis_max: Some(100.0),
                value_labels: true,
                caption: "Figure 4 — Situation des répondants six mois après la sortie, par promotion.".into(),
                id: None,
            },
            Block::Reference { text: "Le détail des actions menées pour ces promotions figure au registre :".into(), target: "registre".into() },
        ],
    ));

    // 7. Individual support.
    let support_rows = (0..apprentices)
        .map(|i| {
            vec![
                Cell::Text(format!("Apprenti n°\u{a0}{:03}", i + 1)),
                Cell::Text(rng.pick(PUBLICS).to_owned()),
                Cell::Text(
                    rng.pick(SPEAKERS)
                        .split(" (")
                        .next()
                        .unwrap_or("")
                        .to_owned(),
                ),
                Cell::Text(format!("{}/{}", 6 + rng.below(4), 9)),
                Cell::Text(if rng.below(5) == 0 {
                    "à planifier".into()
                } else {
                    "fait".into()
                }),
            ]
        })
        .collect();
    sections.push(section(
        "accompagnement",
        "Accompagnement individuel",
        1,
        true,
        vec![
            para("Les noms des apprentis sont pseudonymisés dans ce dossier. Chaque apprenti a un référent qui le reçoit chaque mois ; l’entretien de fin de parcours prépare la suite."),
            Block::Table {
                columns: vec![
                    col("Apprenti", 1.4, Align::Left),
                    col("Formation", 1.6, Align::Left),
                    col("Référent", 1.6, Align::Left),
                    col("Entretiens mensuels", 1.2, Align::Right),
                    col("Fin de parcours", 1.1, Align::Left),
                ],
                rows: support_rows,
                totals: None,
                id: None,
                style: TableStyle::Normal,
                zebra: false,
            },
        ],
    ));

    // 7 bis. The register of apprentices: a wide, dense table.
    let register: Vec<Vec<Cell>> = (0..apprentices)
        .map(|i| {
            let (formation, code) = FORMATIONS[rng.below(FORMATIONS.len())];
            let start = date(rng.below(40));
            let years = if formation.starts_with("CAP") || formation.starts_with("BP") {
                2
            } else {
                1
            };
            let end = NaiveDate::from_ymd_opt(2025 + years, 6, 30).unwrap_or_default();
            vec![
                Cell::Text(format!("{}", i + 1)),
                Cell::Text(apprentice_name(i)),
                Cell::Text(formation.to_owned()),
                Cell::Text(code.to_owned()),
                Cell::Text(rng.pick(EMPLOYERS).to_owned()),
                Cell::Text(rng.pick(TUTORS).to_owned()),
                // Start above end: a forced line break keeps both dates whole
                // in one narrow column.
                Cell::Text(format!("{}\n{}", fr_date(start), fr_date(end))),
                Cell::Text(
                    rng.pick(SPEAKERS)
                        .split(" (")
                        .next()
                        .unwrap_or("")
                        .to_owned(),
                ),
                Cell::Text(format!("{}/9", 6 + rng.below(4))),
                Cell::Text(rng.pick(SITUATIONS).to_owned()),
            ]
        })
        .collect();
    sections.push(section(
        "apprentis",
        "Registre des apprentis",
        1,
        true,
        vec![
            para("Un apprenti par ligne : formation et code RNCP, entreprise d’accueil et maître d’apprentissage, dates du contrat, référent au CFA, entretiens mensuels tenus et situation au jour de l’édition."),
            Block::Table {
                columns: vec![
                    Column::new("N°", Align::Right),
                    Column::new("Nom", Align::Left).nowrap(),
                    Column::new("Formation", Align::Left),
                    Column::new("Code RNCP", Align::Left).unhyphenated(),
                    Column::new("Entreprise d’accueil", Align::Left),
                    Column::new("Maître d’apprentissage", Align::Left).unhyphenated(),
                    Column::new("Contrat", Align::Left).unhyphenated(),
                    Column::new("Référent", Align::Left).unhyphenated(),
                    Column::new("Suivi", Align::Right),
                    Column::new("Situation", Align::Left),
                ],
                rows: register,
                totals: None,
                id: Some("registre-apprentis".into()),
                style: TableStyle::Dense,
                zebra: true,
            },
        ],
    ));

    // 8. Non-conformities and review.
    sections.push(section(
        "revue",
        "Non-conformités et revue annuelle",
        1,
        true,
        vec![
            Block::Table {
                columns: vec![col("Constat", 3.0, Align::Left), col("Action corrective", 3.0, Align::Left), col("Échéance", 1.0, Align::Left), col("État", 1.0, Align::Left)],
                rows: vec![
                    vec!["Taux de réponse à l’enquête insuffisant".into(), "Relance par SMS puis appel à J+15 ; enquête en ligne simplifiée".into(), "31/03/2026".into(), "en cours".into()],
                    vec!["Deux partenaires en sommeil".into(), "Rendez-vous de relance avec chaque partenaire".into(), "15/02/2026".into(), "en cours".into()],
                ],
                totals: None,
                id: None,
                style: TableStyle::Normal,
                zebra: false,
            },
            Block::Heading { text: "Points forts et points à améliorer".into(), id: None },
            Block::List {
                ordered: false,
                items: vec![
                    ListItem {
                        runs: vec![Run::bold("Points forts : "), Run::plain("un plan d’action suivi, des partenaires présents à chaque forum.")],
                        items: vec![
                            ListItem::plain("Intervenants : Mme Garnier, M. Lefèvre, Mme N’Diaye."),
                            ListItem::plain("Partenaires : France Travail Lyon Est, Mission locale de Villeurbanne, Chambre de métiers et de l’artisanat du Rhône."),
                        ],
                    },
                    ListItem::plain("Points à améliorer : le taux de réponse aux enquêtes de sortie, la relance des partenaires en sommeil."),
                ],
                id: None,
            },
            Block::Heading { text: "Priorités pour l’année prochaine".into(), id: None },
            Block::List {
                ordered: true,
                items: vec![
                    ListItem::plain("Améliorer le taux de réponse aux enquêtes de sortie."),
                    ListItem::plain("Ouvrir deux nouveaux partenariats avec des entreprises de la pâtisserie."),
                    ListItem::plain("Évaluer systématiquement les actions de citoyenneté avant et après."),
                ],
                id: None,
            },
            Block::Paragraph {
                runs: vec![Run::plain("Revue validée en conseil de perfectionnement.\nSignature : Mme Garnier, chargée de relations entreprises")],
                id: None,
            },
        ],
    ));

    let annexes = (0..proofs)
        .map(|i| {
            let ext = proof_extension(i);
            Annex {
                id: proof_id(i),
                path: PathBuf::from(format!("proofs/{}.{ext}", proof_id(i))),
                title: match ext {
                    "pdf" => format!("Feuille d’émargement — action n°\u{a0}{}", i + 1),
                    _ => format!("Photographie de l’action n°\u{a0}{}", i + 1),
                },
                caption: format!(
                    "Pièce déposée par le CFA le {}.",
                    fr_date(date(i * 2 % 270))
                ),
            }
        })
        .collect();

    DocumentModel {
        metadata: Metadata {
            title: "Dossier d’audit Qualiopi — Boulangerie-pâtisserie 2025-2026".into(),
            author: "CFA des Métiers de Bouche de Villeurbanne".into(),
            subject: "Preuves des indicateurs 14 et 29".into(),
            language: "fr-FR".into(),
            creation_date: NaiveDateTime::new(date(80), chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default()),
        },
        running: Running {
            organisation: "CFA des Métiers de Bouche de Villeurbanne".into(),
            title: "Dossier d’audit Qualiopi — indicateurs 14 et 29 — Boulangerie-pâtisserie".into(),
            footer: "Édité le 20/11/2025 — document de travail confidentiel".into(),
        },
        cover: Some(Cover {
            title: "Dossier d’audit Qualiopi".into(),
            subtitle: "Indicateurs 14 et 29 — filière Boulangerie-pâtisserie".into(),
            fields: vec![
                Field::new("Organisme", "CFA des Métiers de Bouche de Villeurbanne"),
                Field::new("Année scolaire", "2025-2026"),
                Field::new("Indicateurs", "14 (accompagnement) et 29 (insertion professionnelle, poursuite d’études)"),
                Field::new("Préparé par", "Mme Garnier, chargée de relations entreprises"),
            ],
            note: "Document généré par Tremplin le 20/11/2025 à 09:30. Les statuts sont écrits en toutes lettres pour une lecture en noir et blanc.".into(),
        }),
        contents: Some(ContentsSpec {
            title: "Sommaire".into(),
            depth: 1,
            list_annexes: false,
        }),
        sections,
        annexes,
    }
}

/// « BONNEFOY Timothée »: the full name of apprentice `i`, deterministic.
pub fn apprentice_name(i: usize) -> String {
    format!(
        "{} {}",
        SURNAMES[i % SURNAMES.len()],
        GIVEN_NAMES[(i * 7 + i / SURNAMES.len()) % GIVEN_NAMES.len()]
    )
}

fn proof_extension(i: usize) -> &'static str {
    match i % 4 {
        0 => "png",
        1 | 3 => "pdf",
        _ => "jpg",
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::io(path, e)
}

/// A made-up photograph of `w`×`h` pixels, as PNG bytes (the demo's captures).
pub fn photo_png(i: usize, w: u32, h: u32) -> Result<Vec<u8>> {
    let img = photo_sized(i, w, h);
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| Error::Document(format!("image d’exemple : {e}")))?;
    Ok(out)
}

/// The same as JPEG bytes (the demo's photos).
pub fn photo_jpeg(i: usize, w: u32, h: u32) -> Result<Vec<u8>> {
    let img = photo_sized(i, w, h);
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| Error::Document(format!("image d’exemple : {e}")))?;
    Ok(out)
}

/// A made-up photograph: a gradient with a few shapes.
fn photo_sized(i: usize, w: u32, h: u32) -> RgbImage {
    let mut rng = Seeded(0xF070 + i as u64);
    let base = [
        rng.below(120) as u8,
        80 + rng.below(100) as u8,
        120 + rng.below(120) as u8,
    ];
    let mut img = RgbImage::from_fn(w, h, |x, y| {
        Rgb([
            base[0].saturating_add((x * 100 / w) as u8),
            base[1].saturating_add((y * 60 / h) as u8),
            base[2].saturating_sub((x * 80 / w) as u8),
        ])
    });
    for _ in 0..6 {
        let (x0, y0) = (rng.below(w as usize) as u32, rng.below(h as usize) as u32);
        let (rw, rh) = (30 + rng.below(120) as u32, 20 + rng.below(90) as u32);
        let colour = Rgb([
            rng.below(255) as u8,
            rng.below(255) as u8,
            rng.below(255) as u8,
        ]);
        for y in y0..(y0 + rh).min(h) {
            for x in x0..(x0 + rw).min(w) {
                img.put_pixel(x, y, colour);
            }
        }
    }
    img
}

/// A small attendance-sheet PDF, made with this very engine.
fn attendance_pdf(i: usize) -> Result<Vec<u8>> {
    let mut rng = Seeded(0xA77E + i as u64);
    let rows = (0..8 + rng.below(30))
        .map(|n| {
            vec![
                Cell::Text(format!("{}", n + 1)),
                Cell::Text(format!(
                    "{} {}.",
                    rng.pick(FIRST_NAMES),
                    (b'A' + rng.below(26) as u8) as char
                )),
                Cell::Text(rng.pick(PUBLICS).to_owned()),
                Cell::Text(if rng.below(8) == 0 {
                    "absent".into()
                } else {
                    "présent — signé".into()
                }),
            ]
        })
        .collect();
    let model = DocumentModel {
        metadata: Metadata {
            title: format!("Feuille d’émargement n° {}", i + 1),
            author: "CFA des Métiers de Bouche de Villeurbanne".into(),
            subject: String::new(),
            language: "fr-FR".into(),
            creation_date: NaiveDateTime::new(
                date(i),
                chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default(),
            ),
        },
        running: Running {
            organisation: "CFA des Métiers de Bouche".into(),
            title: "Feuille d’émargement".into(),
            footer: String::new(),
        },
        cover: None,
        contents: None,
        sections: vec![section(
            "emargement",
            format!("Feuille d’émargement — action n° {}", i + 1),
            1,
            false,
            vec![
                para(format!(
                    "Séance du {} — {}",
                    fr_date(date(i * 2 % 270)),
                    rng.pick(KINDS)
                )),
                Block::Table {
                    columns: vec![
                        col("N°", 0.5, Align::Right),
                        col("Nom", 2.0, Align::Left),
                        col("Formation", 2.0, Align::Left),
                        col("Signature", 1.6, Align::Left),
                    ],
                    rows,
                    totals: None,
                    id: None,
                    style: TableStyle::Normal,
                    zebra: false,
                },
            ],
        )],
        annexes: Vec::new(),
    };
    Ok(super::render_document(&model, Path::new("."))?.pdf)
}

/// Writes the proof files of the sample into `dir/proofs/`.
pub fn write_proofs(dir: &Path, proofs: usize) -> Result<()> {
    let proof_dir = dir.join("proofs");
    std::fs::create_dir_all(&proof_dir).map_err(io(&proof_dir))?;
    for i in 0..proofs {
        let ext = proof_extension(i);
        let path = proof_dir.join(format!("preuve-{:03}.{ext}", i + 1));
        let bytes = match ext {
            "pdf" => attendance_pdf(i)?,
            "png" => photo_png(i, 480, 320)?,
            _ => photo_jpeg(i, 480, 320)?,
        };
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    Ok(())
}

/// Writes `dir/document.json` and `dir/proofs/…`; returns the model's path.
pub fn write_sample(dir: &Path, pages: usize, proofs: usize) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    write_proofs(dir, proofs)?;
    let model = sample_model(pages, proofs);
    let json = serde_json::to_vec_pretty(&model)
        .map_err(|e| Error::Document(format!("modèle d’exemple : {e}")))?;
    let path = dir.join("document.json");
    super::write_pdf(&path, &json)?;
    Ok(path)
}
