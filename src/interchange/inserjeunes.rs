//! The State's InserJeunes open-data file for CFAs (DEPP/DARES): `;`, decimal
//! point, an empty cell meaning « not published », columns found by their
//! header, several years in one file. Read into one figure per diploma, year
//! and measure; what the figures mean beside Tremplin's own is said here too.

use super::columns::normalise;
use super::sheet::Sheet;
use crate::model::{RefusedLine, SchoolYear};

/// The measures the file may carry, with their stored code and French label.
pub const MEASURES: [(&str, &str, &[&str]); 7] = [
    (
        "further_studies",
        "Taux de poursuite d’études",
        &["taux poursuite etudes", "taux poursuite"],
    ),
    (
        "employment_6",
        "Taux d’emploi à 6 mois",
        &["taux emploi 6 mois"],
    ),
    (
        "employment_12",
        "Taux d’emploi à 12 mois",
        &["taux emploi 12 mois"],
    ),
    (
        "employment_18",
        "Taux d’emploi à 18 mois",
        &["taux emploi 18 mois"],
    ),
    (
        "employment_24",
        "Taux d’emploi à 24 mois",
        &["taux emploi 24 mois"],
    ),
    (
        "expected_employment_6",
        "Taux d’emploi à 6 mois attendu",
        &["taux emploi 6 mois attendu"],
    ),
    (
        "value_added_6",
        "Valeur ajoutée emploi à 6 mois",
        &["va emploi 6 mois", "valeur ajoutee emploi 6 mois"],
    ),
];

pub fn measure_label(code: &str) -> &'static str {
    MEASURES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or("", |(_, label, _)| label)
}

/// One published (or not published) figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub line: usize,
    pub year_label: String,
    pub school_year: SchoolYear,
    pub uai: String,
    pub diploma_code: String,
    pub label: String,
    pub measure: &'static str,
    pub value: Option<f64>,
}

/// A header with its little words left out: « Taux d’emploi à 6 mois » and
/// « Taux emploi 6 mois » are the same column.
fn key(header: &str) -> String {
    normalise(header)
        .split(' ')
        .filter(|w| {
            !matches!(
                *w,
                "de" | "d" | "a" | "l" | "le" | "la" | "en" | "des" | "du"
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn column(sheet: &Sheet, names: &[&str]) -> Option<usize> {
    sheet
        .headers
        .iter()
        .position(|h| names.contains(&key(h).as_str()))
}

/// « 2022-2023 », « 2022_2023 » and « 2022/2023 » are that school year;
/// « 2023 » is the year its leavers left: 2022-2023.
pub fn school_year_of(label: &str) -> Option<SchoolYear> {
    let digits: Vec<&str> = label
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| p.len() == 4)
        .collect();
    let start = match digits.as_slice() {
        [a, b] => {
            let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
            if b != a + 1 {
                return None;
            }
            a
        }
        [year] => year.parse::<i32>().ok()? - 1,
        _ => return None,
    };
    (1990..=2200)
        .contains(&start)
        .then(|| SchoolYear::starting(start))
}

/// Reads the figures; lines without a year or a diploma code are refused.
pub fn read(sheet: &Sheet) -> Result<(Vec<Figure>, Vec<RefusedLine>), String> {
    let year = column(
        sheet,
        &[
            "annee",
            "millesime",
            "millesimes",
            "annee scolaire",
            "annee sortie",
        ],
    );
    let uai = column(
        sheet,
        &["uai", "code uai", "uai etablissement", "numero uai"],
    );
    let diploma = column(
        sheet,
        &[
            "code formation diplome",
            "code formation",
            "cfd",
            "code diplome",
            "code certification",
            "code cfd",
        ],
    );
    let label = column(
        sheet,
        &[
            "libelle",
            "libelle formation",
            "libelle diplome",
            "intitule",
            "intitule formation",
            "formation",
        ],
    );
    let measures: Vec<(usize, &'static str)> = MEASURES
        .iter()
        .filter_map(|(code, _, names)| column(sheet, names).map(|i| (i, *code)))
        .collect();
    let (Some(year), Some(diploma)) = (year, diploma) else {
        return Err(
            "Ce fichier n’a pas les colonnes d’un fichier InserJeunes : il faut au moins « Année » et « Code formation diplôme »."
                .into(),
        );
    };
    if measures.is_empty() {
        return Err("Ce fichier ne contient aucun taux InserJeunes (« Taux poursuite études », « Taux emploi 6 mois »…).".into());
    }
    let mut figures = Vec::new();
    let mut refused = Vec::new();
    for row in &sheet.rows {
        let cell = |i: usize| row.cells.get(i).map_or("", |c| c.trim());
        let year_label = cell(year);
        let Some(school_year) = school_year_of(year_label) else {
            refused.push(RefusedLine {
                line: row.line,
                reason: format!(
                    "Année : « {year_label} » n’est pas une année (ex. « 2023 » ou « 2021-2022 »)."
                ),
            });
            continue;
        };
        let code: String = cell(diploma)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        if code.is_empty() {
            refused.push(RefusedLine {
                line: row.line,
                reason: "Code formation diplôme : la case est vide.".into(),
            });
            continue;
        }
        let mut bad = None;
        let mut values = Vec::new();
        for (i, measure) in &measures {
            let text = cell(*i);
            if text.is_empty() || text == "-" || normalise(text) == "nd" {
                values.push((*measure, None));
                continue;
            }
            match text
                .trim_end_matches('%')
                .trim()
                .replace(',', ".")
                .parse::<f64>()
            {
                Ok(v)
                    if (-100.0..=100.0).contains(&v)
                        && (*measure == "value_added_6" || v >= 0.0) =>
                {
                    values.push((*measure, Some(v)))
                }
                _ => {
                    bad = Some(format!(
                        "{} : « {text} » n’est pas un taux en pourcentage.",
                        measure_label(measure)
                    ));
                    break;
                }
            }
        }
        if let Some(reason) = bad {
            refused.push(RefusedLine {
                line: row.line,
                reason,
            });
            continue;
        }
        for (measure, value) in values {
            figures.push(Figure {
                line: row.line,
                year_label: year_label.to_string(),
                school_year,
                uai: uai.map(|i| cell(i).to_uppercase()).unwrap_or_default(),
                diploma_code: code.clone(),
                label: label.map(|i| cell(i).to_string()).unwrap_or_default(),
                measure,
                value,
            });
        }
    }
    Ok((figures, refused))
}

/// What each measure is on each side, in one sentence.
pub fn definition(measure: &str) -> &'static str {
    match measure {
        "further_studies" => "InserJeunes : apprentis inscrits en formation à la rentrée suivante ÷ apprentis inscrits en dernière année (données d’inscription). Tremplin : répondants en poursuite d’études, voie scolaire ou apprentissage, à 6 mois ÷ répondants au questionnaire.",
        "employment_6" | "employment_12" | "employment_18" | "employment_24" => "InserJeunes : sortants en emploi salarié en France (déclarations sociales) ÷ sortants qui ne poursuivent pas d’études. Tremplin : répondants en emploi, tout contrat, en France ÷ répondants hors neutralisés (poursuite d’études, incapacité de travailler, emploi à l’étranger).",
        "expected_employment_6" => "Le taux qu’InserJeunes attendrait compte tenu du profil des apprentis, de la formation et du territoire (modèle statistique) : sans équivalent dans les questionnaires de Tremplin.",
        "value_added_6" => "Écart entre le taux d’emploi constaté et le taux attendu, en points : sans équivalent dans les questionnaires de Tremplin.",
        _ => "",
    }
}

/// The sentences that apply to one comparison.
pub fn notes(
    year_label: &str,
    school_year: SchoolYear,
    unpublished: bool,
    level: Option<u8>,
) -> Vec<String> {
    let mut notes = vec![
        "Sources différentes : InserJeunes croise les inscriptions et les déclarations sociales des employeurs ; Tremplin compte les réponses aux questionnaires de suivi du CFA.".to_string(),
        format!(
            "InserJeunes regroupe deux années de sortants pour publier un taux ; Tremplin compte les sortants d’une seule année scolaire ({}, du {} au {}).",
            school_year.label(),
            crate::format::date(school_year.first_day()),
            crate::format::date(school_year.last_day())
        ),
        "Les dénominateurs diffèrent : InserJeunes rapporte l’emploi aux sortants qui ne poursuivent pas d’études ; Tremplin aux répondants, moins les neutralisés.".to_string(),
    ];
    if !year_label.contains(['-', '_', '/']) {
        notes.push(format!(
            "Le fichier dit « {year_label} » : comparé à l’année scolaire {}, celle des sortants de l’été {year_label}.",
            school_year.label()
        ));
    }
    if unpublished {
        notes.push("InserJeunes ne publie aucun taux dont le dénominateur compte moins de 20 apprentis : « non publié » ne veut pas dire 0 %.".into());
    }
    if let Some(level) = level.filter(|l| *l > 5) {
        notes.push(format!(
            "InserJeunes ne couvre que les niveaux 3 à 5 (CAP au BTS) : cette filière est de niveau {level}, ses chiffres officiels peuvent manquer."
        ));
    }
    notes
}
