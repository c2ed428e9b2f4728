//! Columns recognised by their header, never by their position: the usual
//! French spellings and synonyms of management software and online forms.
//! Values of closed lists (situations, exit reasons, timepoints…) read from
//! the words people write.

use crate::model::{
    ApprenticeStatus, ColumnMatch, EmploymentContract, ImportField, ImportKind, Situation,
    StudyType, SurveyMethod, Timepoint,
};

use super::sheet::Sheet;

/// A field a column can fill: code, French label, required, headers.
pub struct FieldSpec {
    pub code: &'static str,
    pub label: &'static str,
    pub required: bool,
    /// Headers, folded (lower case, no accents, words separated by one space).
    pub headers: &'static [&'static str],
}

const IDENTITY: [FieldSpec; 4] = [
    FieldSpec {
        code: "lastName",
        label: "Nom",
        required: true,
        headers: &[
            "nom",
            "nom de famille",
            "nom apprenti",
            "nom de l apprenti",
            "nom apprentie",
            "nom d usage",
            "nom de naissance",
            "nom eleve",
            "votre nom",
            "last name",
        ],
    },
    FieldSpec {
        code: "firstName",
        label: "Prénom",
        required: true,
        headers: &[
            "prenom",
            "prenoms",
            "prenom apprenti",
            "prenom de l apprenti",
            "votre prenom",
            "first name",
        ],
    },
    FieldSpec {
        code: "birthDate",
        label: "Date de naissance",
        required: false,
        headers: &[
            "date de naissance",
            "date naissance",
            "ne e le",
            "ne le",
            "nee le",
            "naissance",
            "ddn",
            "votre date de naissance",
        ],
    },
    FieldSpec {
        code: "email",
        label: "E-mail",
        required: false,
        headers: &[
            "mail",
            "e mail",
            "email",
            "courriel",
            "mel",
            "adresse mail",
            "adresse e mail",
            "adresse email",
            "adresse electronique",
            "mail apprenti",
            "e mail apprenti",
            "votre adresse e mail",
            "votre e mail",
            "adresse courriel",
        ],
    },
];

const APPRENTICE: [FieldSpec; 11] = [
    FieldSpec {
        code: "phone",
        label: "Téléphone",
        required: false,
        headers: &[
            "telephone",
            "tel",
            "portable",
            "mobile",
            "telephone portable",
            "tel portable",
            "numero de telephone",
            "telephone apprenti",
        ],
    },
    FieldSpec {
        code: "diplomaCode",
        label: "Code formation (CFD)",
        required: false,
        headers: &[
            "code formation",
            "code diplome",
            "cfd",
            "code cfd",
            "code formation diplome",
            "code de la formation",
            "code du diplome",
        ],
    },
    FieldSpec {
        code: "programme",
        label: "Filière (code ou intitulé)",
        required: false,
        headers: &[
            "filiere",
            "formation",
            "diplome",
            "diplome prepare",
            "libelle formation",
            "intitule formation",
            "intitule de la formation",
            "libelle de la formation",
            "formation suivie",
        ],
    },
    FieldSpec {
        code: "cohort",
        label: "Promo (groupe)",
        required: false,
        headers: &[
            "groupe",
            "classe",
            "promo",
            "promotion",
            "groupe classe",
            "section",
            "code groupe",
            "libelle groupe",
        ],
    },
    FieldSpec {
        code: "employer",
        label: "Employeur",
        required: false,
        headers: &[
            "entreprise",
            "employeur",
            "raison sociale",
            "entreprise d accueil",
            "nom entreprise",
            "nom de l entreprise",
            "nom employeur",
            "raison sociale employeur",
        ],
    },
    FieldSpec {
        code: "employerSiret",
        label: "SIRET de l’employeur",
        required: false,
        headers: &[
            "siret",
            "siret entreprise",
            "siret employeur",
            "siret de l entreprise",
            "n siret",
            "no siret",
            "numero siret",
        ],
    },
    FieldSpec {
        code: "contractStart",
        label: "Début du contrat",
        required: false,
        headers: &[
            "date debut de contrat",
            "date de debut de contrat",
            "date debut contrat",
            "debut contrat",
            "debut de contrat",
            "date debut",
            "date de debut",
            "debut",
        ],
    },
    FieldSpec {
        code: "contractEnd",
        label: "Fin du contrat",
        required: false,
        headers: &[
            "date fin de contrat",
            "date de fin de contrat",
            "date fin contrat",
            "fin contrat",
            "fin de contrat",
            "date fin",
            "date de fin",
            "fin",
        ],
    },
    FieldSpec {
        code: "exitDate",
        label: "Date de sortie",
        required: false,
        headers: &["date de sortie", "date sortie", "sortie le", "sorti e le"],
    },
    FieldSpec {
        code: "exitReason",
        label: "Motif de sortie",
        required: false,
        headers: &[
            "motif de sortie",
            "motif sortie",
            "motif",
            "statut",
            "situation",
        ],
    },
    FieldSpec {
        code: "referent",
        label: "Référent (e-mail ou nom)",
        required: false,
        headers: &[
            "referent",
            "referent e",
            "referent de parcours",
            "tuteur cfa",
        ],
    },
];

const SURVEY: [FieldSpec; 9] = [
    FieldSpec {
        code: "timepoint",
        label: "Échéance (sortie, 3, 6, 12 mois)",
        required: true,
        headers: &[
            "echeance",
            "enquete",
            "vague",
            "moment",
            "questionnaire",
            "vague d enquete",
            "delai",
        ],
    },
    FieldSpec {
        code: "surveyedOn",
        label: "Date de réponse",
        required: true,
        headers: &[
            "date de reponse",
            "date reponse",
            "repondu le",
            "horodateur",
            "horodatage",
            "date de soumission",
            "date de l enquete",
            "date",
            "submitted at",
        ],
    },
    FieldSpec {
        code: "method",
        label: "Mode de recueil",
        required: false,
        headers: &["mode de recueil", "mode", "canal", "methode", "recueil"],
    },
    FieldSpec {
        code: "situation",
        label: "Situation",
        required: true,
        headers: &[
            "situation",
            "situation actuelle",
            "votre situation",
            "quelle est votre situation",
            "quelle est votre situation actuelle",
            "statut",
        ],
    },
    FieldSpec {
        code: "contract",
        label: "Type de contrat",
        required: false,
        headers: &[
            "type de contrat",
            "contrat",
            "type contrat",
            "nature du contrat",
        ],
    },
    FieldSpec {
        code: "inTargetJob",
        label: "Dans le métier visé (oui / non)",
        required: false,
        headers: &[
            "dans le metier vise",
            "metier vise",
            "emploi en lien avec la formation",
            "en lien avec la formation",
            "en lien avec le diplome",
            "lien avec la formation",
            "emploi dans le metier vise",
        ],
    },
    FieldSpec {
        code: "studyType",
        label: "Type de formation suivie",
        required: false,
        headers: &[
            "type de formation",
            "type de poursuite",
            "formation poursuivie",
            "type d etudes",
        ],
    },
    FieldSpec {
        code: "institution",
        label: "Établissement",
        required: false,
        headers: &["etablissement", "ecole", "etablissement de formation"],
    },
    FieldSpec {
        code: "comment",
        label: "Commentaire",
        required: false,
        headers: &[
            "commentaire",
            "commentaires",
            "remarque",
            "remarques",
            "observations",
        ],
    },
];

/// The fields of an import, identity first.
pub fn specs(kind: ImportKind) -> Vec<&'static FieldSpec> {
    let own: &'static [FieldSpec] = match kind {
        ImportKind::Apprentices => &APPRENTICE,
        ImportKind::Surveys => &SURVEY,
    };
    IDENTITY.iter().chain(own.iter()).collect()
}

pub fn fields(kind: ImportKind) -> Vec<ImportField> {
    specs(kind)
        .into_iter()
        .map(|s| ImportField {
            code: s.code.to_string(),
            label: s.label.to_string(),
            required: s.required,
        })
        .collect()
}

/// Lower case, no accents, words of letters and digits separated by one space.
pub fn normalise(text: &str) -> String {
    let folded = crate::format::fold(text);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a header names: an exact spelling, else the longest spelling
/// its first words are (« Date de naissance (jj/mm/aaaa) »).
fn recognise(kind: ImportKind, header: &str) -> Option<&'static str> {
    let header = normalise(header);
    if header.is_empty() {
        return None;
    }
    let specs = specs(kind);
    for spec in &specs {
        if spec.headers.contains(&header.as_str()) {
            return Some(spec.code);
        }
    }
    let mut best: Option<(&'static str, usize)> = None;
    for spec in &specs {
        for h in spec.headers {
            let prefix = header.starts_with(h) && header.as_bytes().get(h.len()) == Some(&b' ');
            if prefix && best.is_none_or(|(_, len)| h.len() > len) {
                best = Some((spec.code, h.len()));
            }
        }
    }
    best.map(|(code, _)| code)
}

/// Each column and the field it fills: the person's mapping when given
/// (unknown codes ignored), else recognised. A field filled by two columns
/// keeps the first; the second is ignored and says so.
pub fn map_columns(
    kind: ImportKind,
    sheet: &Sheet,
    mapping: Option<&[String]>,
) -> Vec<ColumnMatch> {
    let specs = specs(kind);
    let mut taken: Vec<(&str, usize)> = Vec::new();
    sheet
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let sample = sheet
                .rows
                .iter()
                .filter_map(|r| r.cells.get(index))
                .find(|c| !c.is_empty())
                .cloned()
                .unwrap_or_default();
            let (field, how) = match mapping {
                Some(mapping) => {
                    let code = mapping.get(index).map(String::as_str).unwrap_or("");
                    let spec = specs.iter().find(|s| s.code == code).map(|s| s.code);
                    (spec, "choisie")
                }
                None => (recognise(kind, header), "reconnue"),
            };
            let label = |code: &str| {
                specs
                    .iter()
                    .find(|s| s.code == code)
                    .map_or("", |s| s.label)
            };
            let (field, note) = match field {
                Some(code) => match taken.iter().find(|(c, _)| *c == code) {
                    Some((_, first)) => (
                        None,
                        format!(
                            "Ignorée : « {} » est déjà lu dans la colonne {} (« {} »).",
                            label(code),
                            first + 1,
                            sheet.headers[*first]
                        ),
                    ),
                    None => {
                        taken.push((code, index));
                        (
                            Some(code.to_string()),
                            format!("{} : {}", capitalise(how), label(code)),
                        )
                    }
                },
                None if mapping.is_some() => (None, "Ignorée (votre choix).".to_string()),
                None => (None, "Ignorée : en-tête non reconnu.".to_string()),
            };
            ColumnMatch {
                index,
                header: header.clone(),
                field,
                note,
                sample: sample.chars().take(60).collect(),
            }
        })
        .collect()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `column index` of each field, for reading rows.
#[derive(Debug, Default)]
pub struct Columns(Vec<(String, usize)>);

impl Columns {
    pub fn new(matches: &[ColumnMatch]) -> Columns {
        Columns(
            matches
                .iter()
                .filter_map(|m| m.field.clone().map(|f| (f, m.index)))
                .collect(),
        )
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| f == field)
    }

    /// The cell of `field` in `cells`, trimmed; "" when no column fills it.
    pub fn get<'a>(&self, cells: &'a [String], field: &str) -> &'a str {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .and_then(|(_, i)| cells.get(*i))
            .map_or("", |c| c.trim())
    }
}

// ------------------------------------------------------------------ values

fn has_word(text: &str, word: &str) -> bool {
    text.split(' ').any(|w| w == word)
}

/// A situation from a form's answer: « En CDI », « En recherche d’emploi »,
/// « Je poursuis mes études »…
pub fn situation(value: &str) -> Option<Situation> {
    let v = normalise(value);
    if v.is_empty() {
        return None;
    }
    if let Some(s) = Situation::ALL
        .iter()
        .find(|s| normalise(s.label()) == v || s.code() == v.replace(' ', "_"))
    {
        return Some(*s);
    }
    let any = |words: &[&str]| words.iter().any(|w| v.contains(w));
    if any(&[
        "injoignable",
        "sans reponse",
        "pas de reponse",
        "non joint",
        "npai",
    ]) {
        Some(Situation::Unreachable)
    } else if any(&["etranger", "hors de france"]) {
        Some(Situation::EmployedAbroad)
    } else if any(&["recherche", "demandeur", "chomage", "sans emploi"]) {
        Some(Situation::JobSeeking)
    } else if any(&["incapacite", "sante", "maladie", "invalidite"]) {
        Some(Situation::UnableToWork)
    } else if any(&["apprentissage", "alternance", "contrat pro"]) {
        Some(Situation::Apprenticeship)
    } else if any(&["etudes", "poursuite", "formation", "scolaire", "etudiant"]) {
        Some(Situation::SchoolStudies)
    } else if any(&[
        "emploi",
        "salarie",
        "en poste",
        "travail",
        "interim",
        "independant",
        "embauche",
    ]) || has_word(&v, "cdi")
        || has_word(&v, "cdd")
    {
        Some(Situation::Employed)
    } else if any(&["inactif", "inactive", "autre", "sans activite"]) {
        Some(Situation::Inactive)
    } else {
        None
    }
}

/// A contract from its usual names; a plain « CDD » says no length and is
/// refused with a question.
pub fn contract(value: &str) -> Result<Option<EmploymentContract>, String> {
    let v = normalise(value);
    if v.is_empty() {
        return Ok(None);
    }
    if let Some(c) = EmploymentContract::ALL
        .iter()
        .find(|c| normalise(c.label()) == v || c.code() == v.replace(' ', "_"))
    {
        return Ok(Some(*c));
    }
    let any = |words: &[&str]| words.iter().any(|w| v.contains(w));
    if has_word(&v, "cdi") {
        Ok(Some(EmploymentContract::Cdi))
    } else if has_word(&v, "cdd") {
        if any(&["moins de 6", "inferieur a 6", "moins de six"]) {
            Ok(Some(EmploymentContract::CddShort))
        } else if any(&[
            "6 mois ou plus",
            "plus de 6",
            "au moins 6",
            "6 mois et plus",
            "superieur",
        ]) {
            Ok(Some(EmploymentContract::CddLong))
        } else {
            Err(format!(
                "« {value} » : précisez la durée du CDD (6 mois ou plus, ou moins de 6 mois)."
            ))
        }
    } else if any(&["interim", "mission"]) {
        Ok(Some(EmploymentContract::Interim))
    } else if any(&[
        "independant",
        "auto entrepreneur",
        "micro entrepreneur",
        "freelance",
        "creation",
    ]) {
        Ok(Some(EmploymentContract::SelfEmployed))
    } else if any(&[
        "fonction publique",
        "fonctionnaire",
        "titulaire",
        "contractuel",
    ]) {
        Ok(Some(EmploymentContract::CivilService))
    } else {
        Err(format!(
            "« {value} » n’est pas un type de contrat connu (CDI, CDD, intérim…)."
        ))
    }
}

pub fn study_type(value: &str) -> Result<Option<StudyType>, String> {
    let v = normalise(value);
    if v.is_empty() {
        return Ok(None);
    }
    if let Some(t) = StudyType::ALL
        .iter()
        .find(|t| normalise(t.label()) == v || t.code() == v.replace(' ', "_"))
    {
        return Ok(Some(*t));
    }
    let any = |words: &[&str]| words.iter().any(|w| v.contains(w));
    Ok(Some(if any(&["licence pro", "lp "]) || v == "lp" {
        StudyType::LicencePro
    } else if any(&["bachelor"]) {
        StudyType::Bachelor
    } else if has_word(&v, "but") || has_word(&v, "dut") {
        StudyType::But
    } else if any(&["ingenieur"]) {
        StudyType::EngineeringSchool
    } else if has_word(&v, "bts") {
        StudyType::Bts
    } else if any(&["master", "mastere"]) {
        StudyType::Master
    } else {
        StudyType::Other
    }))
}

pub fn method(value: &str) -> Result<SurveyMethod, String> {
    let v = normalise(value);
    let any = |words: &[&str]| words.iter().any(|w| v.contains(w));
    if v.is_empty() || any(&["formulaire", "form", "en ligne", "questionnaire", "web"]) {
        Ok(SurveyMethod::Form)
    } else if any(&["telephone", "tel", "appel", "sms"]) {
        Ok(SurveyMethod::Phone)
    } else if any(&["mail", "courriel"]) {
        Ok(SurveyMethod::Email)
    } else if any(&["autre", "entretien", "face", "presentiel", "visite"]) {
        Ok(SurveyMethod::Other)
    } else {
        Err(format!(
            "« {value} » n’est pas un mode de recueil connu (téléphone, e-mail, formulaire, autre)."
        ))
    }
}

pub fn timepoint(value: &str) -> Result<Timepoint, String> {
    let v = normalise(value);
    if v.contains("sortie") || v == "exit" || v == "0" || v.contains("fin de formation") {
        return Ok(Timepoint::Exit);
    }
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    match digits.as_str() {
        "3" => Ok(Timepoint::Month3),
        "6" => Ok(Timepoint::Month6),
        "12" => Ok(Timepoint::Month12),
        _ => Err(format!(
            "« {value} » n’est pas une échéance : écrivez « sortie », « 3 mois », « 6 mois » ou « 12 mois »."
        )),
    }
}

pub fn exit_reason(value: &str) -> Result<Option<ApprenticeStatus>, String> {
    let v = normalise(value);
    if v.is_empty() {
        return Ok(None);
    }
    if let Some(s) = ApprenticeStatus::ALL
        .iter()
        .find(|s| normalise(s.label()) == v || s.code() == v.replace(' ', "_"))
    {
        return Ok(Some(*s));
    }
    let any = |words: &[&str]| words.iter().any(|w| v.contains(w));
    if any(&["sans diplome", "echec", "non diplome", "ajourne", "refuse"]) {
        Ok(Some(ApprenticeStatus::Failed))
    } else if any(&["diplome", "obtenu", "admis", "reussi"]) {
        Ok(Some(ApprenticeStatus::Graduated))
    } else if any(&["rupture", "abandon", "demission"]) {
        Ok(Some(ApprenticeStatus::DroppedOut))
    } else if any(&["reorientation", "reoriente"]) {
        Ok(Some(ApprenticeStatus::Reoriented))
    } else if any(&["en formation", "en cours", "actif", "inscrit"]) {
        Ok(Some(ApprenticeStatus::InTraining))
    } else {
        Err(format!(
            "« {value} » n’est pas un motif de sortie connu (diplômé(e), sans diplôme, rupture, réorientation)."
        ))
    }
}

pub fn yes_no(value: &str) -> Result<bool, String> {
    match normalise(value).as_str() {
        "" | "non" | "no" | "n" | "0" | "faux" | "false" => Ok(false),
        "oui" | "yes" | "o" | "y" | "1" | "x" | "vrai" | "true" => Ok(true),
        _ => Err(format!("« {value} » : répondez « oui » ou « non ».")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::sheet::{Sheet, SheetRow};

    #[test]
    fn headers_are_recognised_by_name_with_duplicates_and_unknowns_ignored() {
        let sheet = Sheet {
            format: String::new(),
            headers: [
                "Né(e) le",
                "NOM DE FAMILLE",
                "Prénom",
                "Courriel",
                "Couleur préférée",
                "Nom",
                "Code diplôme",
                "Date début de contrat (jj/mm/aaaa)",
            ]
            .map(String::from)
            .to_vec(),
            rows: vec![SheetRow {
                line: 2,
                cells: vec![String::new(); 8],
            }],
        };
        let m = map_columns(ImportKind::Apprentices, &sheet, None);
        let fields: Vec<Option<&str>> = m.iter().map(|c| c.field.as_deref()).collect();
        assert_eq!(
            fields,
            [
                Some("birthDate"),
                Some("lastName"),
                Some("firstName"),
                Some("email"),
                None,
                None,
                Some("diplomaCode"),
                Some("contractStart")
            ]
        );
        assert!(m[4].note.contains("non reconnu"), "{}", m[4].note);
        assert!(m[5].note.contains("colonne 2"), "{}", m[5].note);
    }

    #[test]
    fn answers_of_forms_are_read() {
        assert_eq!(situation("En CDI"), Some(Situation::Employed));
        assert_eq!(
            situation("En recherche d'emploi"),
            Some(Situation::JobSeeking)
        );
        assert_eq!(
            situation("Emploi à l'étranger"),
            Some(Situation::EmployedAbroad)
        );
        assert_eq!(
            situation("Je poursuis mes études"),
            Some(Situation::SchoolStudies)
        );
        assert_eq!(
            situation("Nouveau contrat en alternance"),
            Some(Situation::Apprenticeship)
        );
        assert_eq!(situation("Pas de réponse"), Some(Situation::Unreachable));
        assert_eq!(situation("Licorne"), None);
        assert_eq!(
            contract("CDD de moins de 6 mois"),
            Ok(Some(EmploymentContract::CddShort))
        );
        assert!(contract("CDD").is_err());
        assert_eq!(timepoint("À 6 mois"), Ok(Timepoint::Month6));
        assert_eq!(timepoint("Sortie"), Ok(Timepoint::Exit));
        assert_eq!(
            exit_reason("Diplômé"),
            Ok(Some(ApprenticeStatus::Graduated))
        );
        assert_eq!(
            exit_reason("Sorti sans diplôme"),
            Ok(Some(ApprenticeStatus::Failed))
        );
    }
}
