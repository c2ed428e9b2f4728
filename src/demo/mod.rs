//! The demonstration CFA: a realistic, deterministic French training centre —
//! 3 filières with 2 promos each, about 120 apprentices, 25 partners of every
//! kind, 60 actions over school year 2025-2026 with their attendance — built
//! from code (no binary blob) through the same validation as the forms.
//! `scale` multiplies it for benchmarks.

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::{Error, Result};
use crate::model::*;
use crate::store::{Store, Writer};
use crate::validate;
use crate::vault::Vault;

mod crash;
mod history;
mod measures;
mod proofs;
mod support;

pub use crash::write_loop;

#[derive(Debug, Clone)]
pub struct DemoConfig {
    /// Multiplies filières, apprentices, partners and actions.
    pub scale: u32,
    /// Changes the names drawn, not the shape.
    pub seed: u64,
}

impl Default for DemoConfig {
    fn default() -> Self {
        Self {
            scale: 1,
            seed: 2025,
        }
    }
}

/// What the demo wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub programmes: usize,
    pub cohorts: usize,
    pub apprentices: usize,
    pub staff: usize,
    pub partners: usize,
    pub agreements: usize,
    pub actions: usize,
    pub attendance: usize,
    pub leavers: usize,
    pub exit_surveys: usize,
    pub plans: usize,
    pub objectives: usize,
    pub offers: usize,
    pub reviews: usize,
    pub follow_ups: usize,
    pub referent_changes: usize,
    pub evaluations: usize,
    pub resources: usize,
    pub resource_usages: usize,
    pub non_conformities: usize,
    /// Pièces justificatives attached (files are stored once per content).
    pub proofs: usize,
    /// Standing documents of the « dispositif » (each with its versions).
    pub standing_documents: usize,
}

/// Small deterministic generator (SplitMix64): the same seed, the same CFA.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIRST_NAMES: &[&str] = &[
    "Léa",
    "Lucas",
    "Chloé",
    "Hugo",
    "Manon",
    "Nathan",
    "Inès",
    "Enzo",
    "Camille",
    "Mathis",
    "Sarah",
    "Théo",
    "Jade",
    "Yanis",
    "Emma",
    "Adam",
    "Zoé",
    "Rayan",
    "Louise",
    "Noah",
    "Maëlys",
    "Kylian",
    "Anaïs",
    "Bastien",
    "Océane",
    "Mehdi",
    "Clémence",
    "Aurélien",
    "Nour",
    "Quentin",
    "Éloïse",
    "Maxime",
    "Yasmine",
    "Loïc",
    "Amandine",
    "Jérémy",
    "Fatoumata",
    "Timothée",
    "Lina",
    "Gaëtan",
    "Aïcha",
    "Benoît",
    "Romane",
    "Corentin",
    "Salomé",
    "Ibrahim",
];

const LAST_NAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Diallo",
    "Nguyen",
    "Benali",
    "Traoré",
    "Da Silva",
    "Le Gall",
    "Kerboul",
    "Besnard",
    "Caron",
    "Œuvrard",
];

struct ProgrammeSpec {
    code: &'static str,
    name: &'static str,
    cfd: &'static str,
    rncp: &'static str,
    level: u8,
    employers: &'static [&'static str],
}

const PROGRAMMES: &[ProgrammeSpec] = &[
    ProgrammeSpec {
        code: "BTS MCO",
        name: "BTS Management commercial opérationnel",
        cfd: "32031213",
        rncp: "RNCP38362",
        level: 5,
        employers: &[
            "Carrefour Market Orléans Sud",
            "Decathlon Saran",
            "Boulanger Olivet",
            "Intersport Fleury",
            "Leroy Merlin Orléans",
            "Optique Lafayette",
            "Jardiland Saint-Jean",
        ],
    },
    ProgrammeSpec {
        code: "CAP Cuisine",
        name: "CAP Cuisine",
        cfd: "50022137",
        rncp: "RNCP37859",
        level: 3,
        employers: &[
            "Restaurant Le Lift",
            "Brasserie du Martroi",
            "L’Épicurien",
            "Hôtel d’Arc — restaurant",
            "La Table d’Olivet",
            "Cuisine centrale d’Orléans Métropole",
        ],
    },
    ProgrammeSpec {
        code: "Bac pro MELEC",
        name: "Bac pro Métiers de l’électricité et de ses environnements connectés",
        cfd: "40025510",
        rncp: "RNCP30321",
        level: 4,
        employers: &[
            "Eiffage Énergie Systèmes",
            "Électricité Bourdin & fils",
            "SPIE Centre",
            "Cegelec Orléans",
            "Ineo Centre",
            "Artisan Élec 45",
        ],
    },
];

const STAFF: &[(&str, &str, &str)] = &[
    ("Nathalie", "Perrot", "referent"),
    ("Karim", "Belkacem", "referent"),
    ("Sophie", "Lemaire", "referent"),
    ("Olivier", "Marchand", "trainer"),
    ("Claire", "Dufresne", "trainer"),
    ("Julien", "Ferrand", "trainer"),
    ("Amélie", "Rochette", "careers_officer"),
    ("Patrick", "Vasseur", "management"),
];

const PARTNERS: &[(&str, &str, &str)] = &[
    ("Carrefour Market Orléans Sud", "employer", "Orléans"),
    ("Decathlon Saran", "employer", "Saran"),
    ("Restaurant Le Lift", "employer", "Orléans"),
    ("Brasserie du Martroi", "employer", "Orléans"),
    (
        "Eiffage Énergie Systèmes",
        "employer",
        "Saint-Jean-de-Braye",
    ),
    ("SPIE Centre", "employer", "Ingré"),
    ("Boulanger Olivet", "employer", "Olivet"),
    ("Hôtel d’Arc", "employer", "Orléans"),
    ("UMIH Loiret", "branch", "Orléans"),
    ("Fédération du commerce du Centre", "branch", "Tours"),
    ("OPCO EP", "opco", "Orléans"),
    ("OPCO Commerce", "opco", "Orléans"),
    ("Constructys Centre-Val de Loire", "opco", "Orléans"),
    ("Mission locale de l’Orléanais", "mission_locale", "Orléans"),
    (
        "Mission locale Montargis-Gien",
        "mission_locale",
        "Montargis",
    ),
    (
        "France Travail Orléans Madeleine",
        "france_travail",
        "Orléans",
    ),
    (
        "France Travail Fleury-les-Aubrais",
        "france_travail",
        "Fleury-les-Aubrais",
    ),
    (
        "Association Tremplin Emploi 45",
        "insertion_association",
        "Orléans",
    ),
    (
        "Nos quartiers ont des talents",
        "insertion_association",
        "Orléans",
    ),
    (
        "Réseau Entreprendre Loiret",
        "insertion_association",
        "Orléans",
    ),
    ("IUT d’Orléans", "school", "Orléans"),
    ("Université d’Orléans — licence pro", "school", "Orléans"),
    ("Lycée Jean-Lurçat — BTS", "school", "Orléans"),
    (
        "Chambre de métiers et de l’artisanat du Loiret",
        "other",
        "Orléans",
    ),
    ("Maison de l’emploi du Loiret", "other", "Orléans"),
];

const CONTACTS: &[&str] = &[
    "Mme Céline Aubry",
    "M. Thierry Laine",
    "Mme Agnès Poulain",
    "M. Rachid Haddad",
    "Mme Valérie Tessier",
    "M. Franck Morin",
    "Mme Hélène Colin",
    "M. Stéphane Huet",
];

/// Towns of the Centre-Val de Loire and the short code a CFA gives each site:
/// each copy of a scaled demo is another site of the CFA, so its filières,
/// employers and partners read as real ones (« BTS MCO MTG », « Mission locale
/// de Blois »), never numbered.
const SITES: &[(&str, &str)] = &[
    ("Montargis", "MTG"),
    ("Gien", "GIE"),
    ("Pithiviers", "PTV"),
    ("Blois", "BLO"),
    ("Vendôme", "VDM"),
    ("Romorantin-Lanthenay", "ROM"),
    ("Tours", "TRS"),
    ("Amboise", "AMB"),
    ("Chinon", "CHN"),
    ("Loches", "LOC"),
    ("Chartres", "CHR"),
    ("Dreux", "DRX"),
    ("Châteaudun", "CDN"),
    ("Nogent-le-Rotrou", "NLR"),
    ("Bourges", "BRG"),
    ("Vierzon", "VRZ"),
    ("Saint-Amand-Montrond", "SAM"),
    ("Châteauroux", "CTX"),
    ("Issoudun", "ISS"),
    ("Le Blanc", "LBL"),
    ("Argenton-sur-Creuse", "ARG"),
    ("Beaugency", "BGY"),
    ("Meung-sur-Loire", "MSL"),
    ("Sully-sur-Loire", "SSL"),
    ("Briare", "BRI"),
    ("Jargeau", "JRG"),
    ("Joué-lès-Tours", "JLT"),
    ("Saint-Cyr-sur-Loire", "SCL"),
    ("Lucé", "LUC"),
    ("Mainvilliers", "MNV"),
    ("Mer", "MER"),
    ("Salbris", "SAL"),
    ("Aubigny-sur-Nère", "AUB"),
    ("Sancerre", "SAN"),
    ("Mehun-sur-Yèvre", "MHY"),
    ("Déols", "DEO"),
    ("Buzançais", "BUZ"),
    ("Épernon", "EPN"),
    ("Bonneval", "BNV"),
    ("Montoire-sur-le-Loir", "MTR"),
    ("Contres", "CTR"),
    ("Langeais", "LGS"),
    ("Bléré", "BLR"),
    ("Château-Renault", "CRN"),
    ("Neuvy-sur-Barangeon", "NSB"),
];

/// First names of the staff of the other sites (adults, not apprentices).
const STAFF_FIRST_NAMES: &[&str] = &[
    "Isabelle",
    "Laurent",
    "Sandrine",
    "Frédéric",
    "Valérie",
    "Christophe",
    "Nadia",
    "Stéphane",
    "Véronique",
    "Sébastien",
    "Karine",
    "Philippe",
    "Sylvie",
    "Nicolas",
    "Céline",
    "David",
    "Samia",
    "Thierry",
    "Aurélie",
    "Mickaël",
    "Delphine",
    "Jérôme",
    "Hélène",
    "Yannick",
    "Martine",
    "Farid",
    "Élodie",
    "Grégory",
    "Muriel",
    "Arnaud",
    "Béatrice",
    "Hervé",
    "Corinne",
    "Pascal",
    "Nathalie",
    "Rachid",
    "Émilie",
    "Guillaume",
    "Solène",
    "Didier",
];

/// Brands an apprentice of each filière works for, at another site.
const EMPLOYER_BRANDS: [&[&str]; 3] = [
    &[
        "Carrefour Market",
        "Decathlon",
        "Boulanger",
        "Intersport",
        "Leroy Merlin",
        "Optique Lafayette",
        "Jardiland",
        "Super U",
        "Gamm vert",
        "Fnac",
        "Darty",
        "Kiabi",
        "Norauto",
        "Biocoop",
        "Maisons du Monde",
        "Picard",
    ],
    &[
        "Restaurant La Promenade",
        "Brasserie de la Gare",
        "Hôtel de France — restaurant",
        "Le Bistrot des Halles",
        "Auberge du Val",
        "La Table du Marché",
        "Cuisine centrale",
        "Restaurant Les Tilleuls",
        "Traiteur Maison Rivière",
        "Brasserie du Théâtre",
        "Le Relais de Loire",
        "Restaurant L’Atelier",
    ],
    &[
        "Eiffage Énergie Systèmes",
        "SPIE",
        "Cegelec",
        "Ineo",
        "Vinci Energies",
        "Bouygues Énergies",
        "Électricité Renard",
        "Sarl Élec Services",
        "Axians",
        "Snef",
        "Citéos",
        "Artisan électricien Moreau",
    ],
];

/// What a partner of each kind is called at another site: `{}` is the town.
fn partner_names(kind: &str) -> &'static [&'static str] {
    match kind {
        "branch" => &[
            "UMIH — {}",
            "CAPEB — {}",
            "Fédération du bâtiment — {}",
            "Fédération du commerce — {}",
            "CPME — {}",
            "Union du commerce de {}",
        ],
        "opco" => &[
            "OPCO EP — délégation de {}",
            "L’Opcommerce — délégation de {}",
            "Constructys — délégation de {}",
            "OPCO 2i — délégation de {}",
            "Akto — délégation de {}",
            "OPCO Mobilités — délégation de {}",
            "Atlas — délégation de {}",
        ],
        "mission_locale" => &["Mission locale de {}", "Mission locale du bassin de {}"],
        "france_travail" => &["France Travail {}", "France Travail {} — agence centre"],
        "insertion_association" => &[
            "Association Tremplin Emploi — {}",
            "Nos quartiers ont des talents — {}",
            "Réseau Entreprendre — {}",
            "École de la deuxième chance de {}",
            "Entreprendre pour apprendre — {}",
            "Unis-Cité {}",
            "Cap Emploi — {}",
            "Sport dans la ville — {}",
        ],
        "school" => &[
            "Lycée Jean-Moulin — {}",
            "Lycée Voltaire — {}",
            "Lycée Pierre-et-Marie-Curie — {}",
            "IUT de {}",
            "Lycée des métiers — {}",
            "Lycée Jean-Zay — {}",
            "Lycée Augustin-Thierry — {}",
        ],
        "employer" => &[
            "Carrefour Market {}",
            "Decathlon {}",
            "Restaurant La Promenade — {}",
            "Brasserie de la Gare — {}",
            "Eiffage Énergie Systèmes — {}",
            "SPIE — agence de {}",
            "Boulanger {}",
            "Hôtel de France — {}",
            "Super U {}",
            "Cegelec {}",
            "Leroy Merlin {}",
            "Auberge du Val — {}",
        ],
        _ => &[
            "Chambre de métiers et de l’artisanat — {}",
            "Chambre de commerce et d’industrie — {}",
            "Maison de l’emploi de {}",
            "Bureau information jeunesse de {}",
            "Point information jeunesse de {}",
        ],
    }
}

/// A name not used yet, drawn from `candidates` (each a town-free name or a
/// pattern with `{}`), placed first in `town`, then in other towns. A plain
/// number is added only past every combination, which no demo scale reaches.
fn distinct_name(
    draw: &mut Draw,
    used: &mut std::collections::HashSet<String>,
    town: &str,
    mut candidate: impl FnMut(&mut Draw, &str) -> String,
) -> String {
    for attempt in 0..200 {
        let place = if attempt < 20 {
            town
        } else {
            draw.pick(SITES).0
        };
        let name = candidate(draw, place);
        if used.insert(name.clone()) {
            return name;
        }
    }
    let base = candidate(draw, town);
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|name| used.insert(name.clone()))
        .unwrap_or(base)
}

/// The town and code of the site a copy of the demo stands for.
fn site(copy: usize) -> (&'static str, &'static str) {
    SITES[(copy - 1) % SITES.len()]
}

/// Titles per kind: what a CFA would write in its register.
fn titles(kind: ActionKind) -> &'static [&'static str] {
    use ActionKind::*;
    match kind {
        CvWorkshop => &[
            "Atelier CV et lettre de motivation",
            "Atelier « Mon CV en une page »",
        ],
        InterviewSimulation => &[
            "Simulation d’entretien d’embauche",
            "Entretiens blancs avec des recruteurs",
        ],
        CompanyVisit => &[
            "Visite d’entreprise",
            "Immersion d’une journée en entreprise",
        ],
        Mentoring => &[
            "Lancement du mentorat (jumelage)",
            "Rencontre mentors – apprentis",
        ],
        JobDating => &[
            "Job dating de l’alternance",
            "Forum des métiers et de l’emploi",
        ],
        ProfessionalTalk => &[
            "Intervention d’un professionnel du secteur",
            "Table ronde : les métiers après le diplôme",
        ],
        FurtherStudyInfo => &[
            "Poursuite d’études : admissions parallèles et Parcoursup",
            "Portes ouvertes de l’IUT",
        ],
        FirstJobCoaching => &[
            "Coaching « premier emploi »",
            "Préparer sa première prise de poste",
        ],
        LearningSupport => &[
            "Remise à niveau en mathématiques (groupe de 8)",
            "Soutien en français écrit",
        ],
        DigitalTools => &[
            "Quiz numérique de révision",
            "Prise en main de la plateforme e-learning",
        ],
        SoftSkills => &[
            "Compétences transversales : travailler en équipe",
            "Gestion du stress avant l’examen",
        ],
        CitizenshipWorkshop => &[
            "Atelier citoyenneté : valeurs de la République",
            "Esprit critique et réseaux sociaux",
        ],
        SolidarityProject => &[
            "Projet solidaire : collecte pour la banque alimentaire",
            "Comité d’apprentis",
        ],
        OfferRelay => &[
            "Diffusion des offres d’emploi de fin d’études",
            "Relais des offres France Travail",
        ],
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// The weekday a date falls on, or the Monday after a week-end: actions and
/// interviews happen on working days.
fn weekday(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        chrono::Weekday::Sat => date + Duration::days(2),
        chrono::Weekday::Sun => date + Duration::days(1),
        _ => date,
    }
}

fn iso(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Fills an empty database with the demonstration CFA, in one transaction.
pub fn create(store: &mut Store, config: &DemoConfig) -> Result<DemoSummary> {
    if store.organisation()?.is_some() || !store.list_programmes()?.is_empty() {
        return Err(Error::Conflict(
            "La base contient déjà des données : le CFA de démonstration ne s’installe que sur une base vide. \
             Choisissez un autre dossier de données pour l’explorer."
                .into(),
        ));
    }
    let scale = config.scale.max(1) as usize;
    let mut draw = Draw(config.seed);
    // An in-memory database (tests, benchmarks) has no folder for files:
    // its demo has the records without their proofs and standing documents.
    let vault = store.vault().ok();
    store.batch(|w| build(w, vault.as_ref(), scale, &mut draw))
}

fn build(
    w: &Writer<'_>,
    vault: Option<&Vault>,
    scale: usize,
    draw: &mut Draw,
) -> Result<DemoSummary> {
    let mut summary = DemoSummary::default();
    let organisation = validate::check_organisation(&OrganisationInput {
        name: "CFA des Métiers du Val de Loire".into(),
        siret: "732 829 320 00074".into(),
        uai: "0451234K".into(),
        nda: "24450123445".into(),
        address: "12 rue des Tanneurs".into(),
        postal_code: "45000".into(),
        city: "Orléans".into(),
    })?;
    w.save_organisation(&organisation)?;

    let mut staff_ids = Vec::new();
    let mut referents = Vec::new();
    let mut staff_names = std::collections::HashSet::new();
    for copy in 0..scale {
        for (first, last, role) in STAFF {
            let (first, last) = if copy == 0 {
                staff_names.insert(format!("{first} {last}"));
                (first.to_string(), last.to_string())
            } else {
                let name = distinct_name(draw, &mut staff_names, "", |draw, _| {
                    format!("{} {}", draw.pick(STAFF_FIRST_NAMES), draw.pick(LAST_NAMES))
                });
                let (first, last) = name.split_once(' ').unwrap_or((&name, ""));
                (first.to_string(), last.to_string())
            };
            let first = &first;
            let new = validate::check_staff(&StaffInput {
                first_name: first.to_string(),
                last_name: last.clone(),
                role: role.to_string(),
                email: format!(
                    "{}.{}@cfa-valdeloire.fr",
                    crate::format::fold(first),
                    crate::format::fold(&last)
                )
                .replace([' ', '\''], ""),
                phone: format!(
                    "02 38 {:02} {:02} {:02}",
                    10 + draw.below(80),
                    draw.below(100),
                    draw.below(100)
                ),
                ..Default::default()
            })?;
            let id = w.save_staff(None, &new)?;
            if *role == "referent" {
                referents.push(id);
            }
            staff_ids.push(id);
        }
    }
    summary.staff = staff_ids.len();

    let mut partner_ids = Vec::new();
    let mut partner_names_used = std::collections::HashSet::new();
    for copy in 0..scale {
        for (index, (name, kind, city)) in PARTNERS.iter().enumerate() {
            let (name, city) = if copy == 0 {
                partner_names_used.insert(name.to_string());
                (name.to_string(), city.to_string())
            } else {
                let town = site(copy).0;
                let name = distinct_name(draw, &mut partner_names_used, town, |draw, place| {
                    draw.pick(partner_names(kind)).replace("{}", place)
                });
                (name, town.to_string())
            };
            let contact = draw.pick(CONTACTS);
            let new = validate::check_partner(&PartnerInput {
                name,
                kind: kind.to_string(),
                contact_name: contact.to_string(),
                contact_email: format!("contact{}@partenaire-{}.fr", index + 1, copy + 1),
                contact_phone: format!(
                    "02 38 {:02} {:02} {:02}",
                    10 + draw.below(80),
                    draw.below(100),
                    draw.below(100)
                ),
                city,
                notes: if index % 4 == 0 {
                    "Partenaire historique du CFA.".into()
                } else {
                    String::new()
                },
                ..Default::default()
            })?;
            let id = w.save_partner(None, &new)?;
            if index % 2 == 0 {
                let signed = d(2023 + (index % 3) as i32, 1 + (index % 12) as u32, 10);
                let agreement = validate::check_agreement(&AgreementInput {
                    partner_id: Some(id),
                    title: format!("Convention de partenariat {}", signed.year()),
                    signed_on: iso(signed),
                    valid_until: iso(d(signed.year() + 3, signed.month(), 9)),
                    ..Default::default()
                })?;
                w.save_agreement(None, &agreement)?;
                summary.agreements += 1;
            }
            partner_ids.push(id);
        }
    }
    summary.partners = partner_ids.len();

    // Filières and promos; apprentices per promo.
    let mut cohorts: Vec<(Id, usize)> = Vec::new(); // (cohort, programme index)
    let mut programme_ids = Vec::new();
    let mut apprentices_by_cohort: Vec<Vec<Id>> = Vec::new();
    for copy in 0..scale {
        for (p_index, spec) in PROGRAMMES.iter().enumerate() {
            // Another site of the CFA runs the same filière.
            let (code, name) = if copy == 0 {
                (spec.code.to_string(), spec.name.to_string())
            } else {
                let (town, site_code) = site(copy);
                let round = if copy <= SITES.len() {
                    String::new()
                } else {
                    format!("{}", (copy - 1) / SITES.len() + 1)
                };
                (
                    format!("{} {site_code}{round}", spec.code),
                    format!("{} — site de {town}", spec.name),
                )
            };
            let programme = validate::check_programme(&ProgrammeInput {
                code,
                name,
                diploma_code: spec.cfd.into(),
                rncp_code: spec.rncp.into(),
                level: spec.level.to_string(),
                ..Default::default()
            })?;
            let programme_id = w.save_programme(None, &programme)?;
            programme_ids.push(programme_id);
            summary.programmes += 1;
            for (start, end) in [
                (d(2024, 9, 2), d(2026, 6, 30)),
                (d(2025, 9, 1), d(2027, 6, 30)),
            ] {
                let cohort = validate::check_cohort(&CohortInput {
                    programme_id: Some(programme_id),
                    label: format!("Promo {}-{}", start.year(), end.year()),
                    start_date: iso(start),
                    end_date: iso(end),
                    ..Default::default()
                })?;
                let cohort_id = w.save_cohort(None, &cohort)?;
                let mut ids = Vec::new();
                for n in 0..20 {
                    let first = draw.pick(FIRST_NAMES).to_string();
                    let last = draw.pick(LAST_NAMES).to_string();
                    let birth = d(
                        2003 + draw.below(5) as i32,
                        1 + draw.below(12) as u32,
                        1 + draw.below(28) as u32,
                    );
                    let contract_start = start + Duration::days(draw.below(20) as i64);
                    let (status, exit_date) = if start.year() == 2024 && n == 7 {
                        ("dropped_out", "14/02/2025")
                    } else {
                        ("in_training", "")
                    };
                    let apprentice = validate::check_apprentice(&ApprenticeInput {
                        cohort_id: Some(cohort_id),
                        first_name: first.clone(),
                        last_name: last.clone(),
                        birth_date: iso(birth),
                        email: format!(
                            "{}.{}{}@mail-apprenti.fr",
                            crate::format::fold(&first),
                            crate::format::fold(&last),
                            n
                        )
                        .replace([' ', '\''], ""),
                        phone: format!(
                            "06 {:02} {:02} {:02} {:02}",
                            draw.below(100),
                            draw.below(100),
                            draw.below(100),
                            draw.below(100)
                        ),
                        employer: if copy == 0 {
                            draw.pick(spec.employers).to_string()
                        } else {
                            format!("{} {}", draw.pick(EMPLOYER_BRANDS[p_index]), site(copy).0)
                        },
                        contract_start: iso(contract_start),
                        contract_end: iso(end),
                        status: status.into(),
                        exit_date: exit_date.into(),
                        referent_id: Some(referents[(ids.len() + p_index) % referents.len()]),
                        ..Default::default()
                    })?;
                    ids.push(w.save_apprentice(None, &apprentice)?);
                }
                summary.apprentices += ids.len();
                summary.cohorts += 1;
                cohorts.push((cohort_id, p_index + copy * PROGRAMMES.len()));
                apprentices_by_cohort.push(ids);
            }
        }
    }

    // Sixty actions per copy, spread over the school year 2025-2026.
    let mut actions = Vec::new();
    let first_day = d(2025, 9, 15);
    let dormant = [7usize, 19, 24]; // partners left without actions: « dormant »
    for copy in 0..scale {
        for n in 0..60usize {
            let kind = ActionKind::ALL[n % ActionKind::ALL.len()];
            let (indicator14, indicator29) = kind.default_indicators();
            let date = first_day + Duration::days((n as i64 * 270) / 60 + draw.below(3) as i64);
            let date = weekday(date);
            let programme = copy * PROGRAMMES.len() + n % PROGRAMMES.len();
            let targeted: Vec<usize> = cohorts
                .iter()
                .enumerate()
                .filter(|(_, (_, p))| *p == programme)
                .map(|(i, _)| i)
                .filter(|&i| n % 3 != 0 || i % 2 == 1 || kind == ActionKind::JobDating)
                .collect();
            let cohort_ids: Vec<Id> = targeted.iter().map(|&i| cohorts[i].0).collect();
            let mut attendance = Vec::new();
            for &i in &targeted {
                for &apprentice in &apprentices_by_cohort[i] {
                    let present = draw.chance(82);
                    attendance.push(AttendanceMark {
                        apprentice_id: apprentice,
                        present,
                        signed: present && draw.chance(96),
                    });
                }
            }
            let partners_here: Vec<Id> = (0..1 + draw.below(2))
                .map(|_| draw.below(PARTNERS.len()))
                .filter(|i| !dormant.contains(i))
                .map(|i| partner_ids[copy * PARTNERS.len() + i])
                .collect();
            let speaker = staff_ids[copy * STAFF.len() + draw.below(STAFF.len())];
            let input = ActionInput {
                kind: kind.code().into(),
                title: draw.pick(titles(kind)).to_string(),
                start_date: iso(date),
                start_time: ["9 h", "10 h 30", "14 h", "15 h 30"][draw.below(4)].into(),
                duration: ["1 h 30", "2 h", "3 h", "45 min"][draw.below(4)].into(),
                place: ["Salle 12", "Amphithéâtre", "CDI du CFA", "Sur site partenaire"][draw.below(4)].into(),
                public: if targeted.len() > 1 { "Toutes les promos de la filière".into() } else { "Apprentis de la promo".into() },
                content: format!(
                    "{} — objectifs présentés en début de séance, mise en pratique, bilan collectif.",
                    kind.label()
                ),
                indicator14,
                indicator29,
                feedback_score: format!("{},{}", 3 + draw.below(2), draw.below(10)),
                feedback_comments: ["Très utile, à refaire.", "Bonne dynamique de groupe.", "Prévoir plus de temps pour les questions.", ""][draw.below(4)].into(),
                cohort_ids,
                speaker_staff_ids: vec![speaker],
                speaker_partner_ids: if n % 5 == 0 { partners_here.iter().take(1).copied().collect() } else { vec![] },
                co_organiser_ids: partners_here,
                attendance,
                ..Default::default()
            };
            let action = validate::check_action(&input)?;
            summary.attendance += action.attendance.len();
            let id = w.save_action(None, &action)?;
            actions.push(history::DemoAction {
                id,
                kind,
                programme,
                date,
            });
            summary.actions += 1;
        }
    }
    let context = history::Context {
        scale,
        programme_ids,
        cohorts,
        apprentices_by_cohort,
        staff_ids,
        referents,
        partner_ids,
        actions,
    };
    let leavers = history::build(w, &context, &mut summary)?;
    measures::final_year(w, &context, &leavers, &mut summary)?;
    support::build(w, &context, &leavers, &mut summary)?;
    measures::build(w, &context, &mut summary)?;
    if let Some(vault) = vault {
        proofs::build(w, vault, &context, &mut summary)?;
    }
    Ok(summary)
}
