//! Field-level rules shared by every form: required text, dates typed
//! `jj/mm/aaaa`, French identifiers (SIRET, UAI, NDA, CFD, RNCP), e-mail,
//! telephone, durations and scores. A [`Form`] collects every problem so the
//! person sees them all at once.

use chrono::{NaiveDate, NaiveTime};

use crate::error::{Error, FieldError, Result};
use crate::model::Id;

#[derive(Default)]
pub(super) struct Form {
    errors: Vec<FieldError>,
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl Form {
    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        // One message per field: the first is the one to fix first.
        if !self.errors.iter().any(|e| e.field == field) {
            self.errors.push(FieldError::new(field, message));
        }
    }

    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn into_error(self) -> Error {
        Error::Validation(self.errors)
    }

    pub fn finish<T>(self, value: T) -> Result<T> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.into_error())
        }
    }

    /// Trimmed text that must be there. `what` starts the sentence: « Le nom ».
    pub fn required(&mut self, field: &str, value: &str, what: &str, max: usize) -> String {
        let value = clean(value);
        if value.is_empty() {
            self.error(field, format!("{what} est obligatoire."));
        } else if value.chars().count() > max {
            self.error(
                field,
                format!("{what} est trop long ({max} caractères au plus)."),
            );
        }
        value
    }

    pub fn optional(&mut self, field: &str, value: &str, max: usize) -> Option<String> {
        let value = clean(value);
        if value.chars().count() > max {
            self.error(
                field,
                format!("Texte trop long ({max} caractères au plus)."),
            );
        }
        (!value.is_empty()).then_some(value)
    }

    pub fn reference(&mut self, field: &str, id: Option<Id>, message: &str) -> Option<Id> {
        if id.is_none() {
            self.error(field, message);
        }
        id
    }

    pub fn choice<T>(
        &mut self,
        field: &str,
        code: &str,
        parse: fn(&str) -> Option<T>,
        message: &str,
    ) -> Option<T> {
        let parsed = parse(code.trim());
        if parsed.is_none() {
            self.error(field, message);
        }
        parsed
    }

    pub fn date(&mut self, field: &str, value: &str, required: bool) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            if required {
                self.error(field, "La date est obligatoire (jj/mm/aaaa).");
            }
            return None;
        }
        match parse_date(value) {
            Ok(date) => Some(date),
            Err(message) => {
                self.error(field, message);
                None
            }
        }
    }

    pub fn time(&mut self, field: &str, value: &str) -> Option<NaiveTime> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        parse_time(value).map_err(|m| self.error(field, m)).ok()
    }

    pub fn duration(&mut self, field: &str, value: &str) -> Option<u32> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        parse_duration(value).map_err(|m| self.error(field, m)).ok()
    }

    /// A satisfaction score out of 5, « 4,2 ».
    pub fn score(&mut self, field: &str, value: &str) -> Option<f64> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let value = value.trim_end_matches("/5").trim().replace(',', ".");
        match value.parse::<f64>() {
            Ok(score) if (0.0..=5.0).contains(&score) => Some((score * 10.0).round() / 10.0),
            Ok(_) => {
                self.error(field, "La note de satisfaction est sur 5 : entre 0 et 5.");
                None
            }
            Err(_) => {
                self.error(
                    field,
                    "Écrivez la note comme un nombre sur 5, par exemple 4,2.",
                );
                None
            }
        }
    }

    pub fn email(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim().to_lowercase();
        if value.is_empty() {
            return None;
        }
        let valid = match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !value.chars().any(char::is_whitespace)
            }
            None => false,
        };
        if !valid {
            self.error(
                field,
                "Adresse e-mail invalide (ex. prenom.nom@exemple.fr).",
            );
        }
        Some(value)
    }

    /// French numbers are kept as « 06 12 34 56 78 »; international ones as typed.
    pub fn phone(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
        let allowed = value
            .chars()
            .all(|c| c.is_ascii_digit() || " .-+()".contains(c));
        let national =
            if let Some(rest) = digits.strip_prefix("33").filter(|_| value.starts_with('+')) {
                format!("0{rest}")
            } else {
                digits.clone()
            };
        if allowed && national.len() == 10 && national.starts_with('0') {
            let pairs: Vec<&str> = (0..5).map(|i| &national[i * 2..i * 2 + 2]).collect();
            Some(pairs.join(" "))
        } else if allowed && value.starts_with('+') && (8..=15).contains(&digits.len()) {
            Some(value.to_owned())
        } else {
            self.error(
                field,
                "Numéro de téléphone invalide (ex. 06 12 34 56 78 ou +33 6 12 34 56 78).",
            );
            None
        }
    }

    /// SIRET: 14 digits whose Luhn sum is a multiple of 10.
    pub fn siret(&mut self, field: &str, value: &str) -> Option<String> {
        let digits = compact(value);
        if digits.is_empty() {
            return None;
        }
        if digits.len() != 14 || !digits.chars().all(|c| c.is_ascii_digit()) {
            self.error(field, "Le SIRET compte 14 chiffres.");
        } else if !luhn(&digits) {
            self.error(
                field,
                "Ce SIRET n’est pas valide (clé de contrôle) : vérifiez les chiffres.",
            );
        }
        Some(digits)
    }

    /// UAI (ex-RNE): 7 digits and a letter, « 0751234A ».
    pub fn uai(&mut self, field: &str, value: &str) -> Option<String> {
        let code = compact(value).to_uppercase();
        if code.is_empty() {
            return None;
        }
        let valid = code.len() == 8
            && code[..7].chars().all(|c| c.is_ascii_digit())
            && code[7..].chars().all(|c| c.is_ascii_uppercase());
        if !valid {
            self.error(
                field,
                "Le code UAI compte 7 chiffres suivis d’une lettre (ex. 0751234A).",
            );
        }
        Some(code)
    }

    /// Numéro de déclaration d'activité: 11 digits.
    pub fn nda(&mut self, field: &str, value: &str) -> Option<String> {
        let digits = compact(value);
        if digits.is_empty() {
            return None;
        }
        if digits.len() != 11 || !digits.chars().all(|c| c.is_ascii_digit()) {
            self.error(
                field,
                "Le numéro de déclaration d’activité compte 11 chiffres.",
            );
        }
        Some(digits)
    }

    pub fn postal_code(&mut self, field: &str, value: &str) -> Option<String> {
        let code = compact(value).to_uppercase();
        if code.is_empty() {
            return None;
        }
        // Five digits; Corsica writes 2A/2B only in INSEE codes, not postal ones.
        if code.len() != 5 || !code.chars().all(|c| c.is_ascii_digit()) {
            self.error(field, "Le code postal compte 5 chiffres.");
        }
        Some(code)
    }

    /// Code formation diplôme: 8 characters, letters and digits.
    pub fn diploma_code(&mut self, field: &str, value: &str) -> Option<String> {
        let code = compact(value).to_uppercase();
        if code.is_empty() {
            return None;
        }
        if code.len() != 8 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            self.error(
                field,
                "Le code diplôme (CFD) compte 8 caractères (ex. 32031213).",
            );
        }
        Some(code)
    }

    /// « RNCP38362 »; a bare number gets its prefix.
    pub fn rncp_code(&mut self, field: &str, value: &str) -> Option<String> {
        let code = compact(value).to_uppercase();
        if code.is_empty() {
            return None;
        }
        let number = code.strip_prefix("RNCP").unwrap_or(&code);
        if !(3..=6).contains(&number.len()) || !number.chars().all(|c| c.is_ascii_digit()) {
            self.error(
                field,
                "Le code RNCP s’écrit « RNCP » suivi de 3 à 6 chiffres (ex. RNCP38362).",
            );
        }
        Some(format!("RNCP{number}"))
    }

    /// A number typed the French way (« 72,5 », « 80 % »), between `min` and `max`.
    pub fn number(
        &mut self,
        field: &str,
        value: &str,
        (min, max): (f64, f64),
        what: &str,
    ) -> Option<f64> {
        let text: String = value
            .trim()
            .trim_end_matches('%')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .replace(',', ".");
        if text.is_empty() {
            self.error(field, format!("{what} est obligatoire."));
            return None;
        }
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && (min..=max).contains(&n) => Some(n),
            Ok(_) => {
                self.error(
                    field,
                    format!(
                        "{what} va de {} à {}.",
                        crate::format::decimal(min, 0),
                        crate::format::decimal(max, 0)
                    ),
                );
                None
            }
            Err(_) => {
                self.error(
                    field,
                    format!("{what} s’écrit comme un nombre, par exemple 80 ou 72,5."),
                );
                None
            }
        }
    }

    /// An amount in euros (« 1 500 € », « 1500,50 »), as cents; empty is `None`.
    pub fn amount(&mut self, field: &str, value: &str) -> Option<i64> {
        let text: String = value
            .trim()
            .trim_end_matches('€')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .replace(',', ".");
        if text.is_empty() {
            return None;
        }
        let valid = text.chars().all(|c| c.is_ascii_digit() || c == '.')
            && text.split('.').nth(1).is_none_or(|cents| cents.len() <= 2)
            && text.matches('.').count() <= 1;
        match text.parse::<f64>() {
            Ok(euros) if valid && (0.0..1e9).contains(&euros) => {
                Some((euros * 100.0).round() as i64)
            }
            _ => {
                self.error(
                    field,
                    "Écrivez un montant en euros, par exemple 1 500 ou 1 500,50.",
                );
                None
            }
        }
    }

    pub fn level(&mut self, field: &str, value: &str) -> Option<u8> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match value.parse::<u8>() {
            Ok(level @ 3..=8) => Some(level),
            _ => {
                self.error(field, "Le niveau du diplôme va de 3 (CAP) à 8 (doctorat).");
                None
            }
        }
    }
}

/// Trims and folds inner runs of white space into one space — a non-breaking
/// one when the run holds one (French typography: « 14 h », « Atelier : … »).
fn clean(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut run: Option<char> = None;
    for c in value.trim().chars() {
        if c.is_whitespace() {
            let keep = matches!(c, '\u{a0}' | '\u{202f}');
            run = match run {
                Some(kept) if kept != ' ' => Some(kept),
                _ if keep => Some(c),
                _ => Some(' '),
            };
        } else {
            if let Some(space) = run.take() {
                out.push(space);
            }
            out.push(c);
        }
    }
    out
}

/// Removes spaces, dots and dashes people type inside codes.
fn compact(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect()
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// A date typed `jj/mm/aaaa` (also `j/m/aaaa`, `jj.mm.aaaa`, `jj-mm-aaaa`) or ISO
/// `aaaa-mm-jj`. The error is a French sentence.
pub fn parse_date(value: &str) -> std::result::Result<NaiveDate, String> {
    let value = value.trim();
    let invalid =
        || format!("« {value} » n’est pas une date : écrivez-la jj/mm/aaaa (ex. 15/09/2025).");
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(invalid());
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    if year.len() != 4 || month.is_empty() || month.len() > 2 || day.is_empty() || day.len() > 2 {
        return Err(invalid());
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        year.parse::<i32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return Err(invalid());
    };
    if !(1900..=2200).contains(&y) {
        return Err(format!(
            "L’année {y} est hors de la plage admise (1900 à 2200)."
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| format!("Le {d:02}/{m:02}/{y} n’existe pas : vérifiez le jour et le mois."))
}

/// « 14 h 30 », « 14h30 », « 14:30 », « 9h ».
pub fn parse_time(value: &str) -> std::result::Result<NaiveTime, String> {
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let (h, m) = compact.split_once(['h', ':']).unwrap_or((&compact, ""));
    let hours = h.parse::<u32>().ok();
    let minutes = if m.is_empty() {
        Some(0)
    } else {
        m.parse::<u32>().ok()
    };
    hours
        .zip(minutes)
        .and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0))
        .ok_or_else(|| format!("« {value} » n’est pas une heure : écrivez par exemple 14 h 30."))
}

/// « 2 h 30 », « 2h », « 1,5 h », « 90 min », « 90 » (minutes) → minutes.
pub fn parse_duration(value: &str) -> std::result::Result<u32, String> {
    let invalid =
        || format!("« {value} » n’est pas une durée : écrivez par exemple 2 h 30 ou 45 min.");
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let minutes = if let Some(m) = compact.strip_suffix("min") {
        m.parse::<u32>().map_err(|_| invalid())?
    } else if let Some((h, m)) = compact.split_once('h') {
        let hours = h.replace(',', ".").parse::<f64>().map_err(|_| invalid())?;
        let extra = if m.is_empty() {
            0
        } else {
            m.parse::<u32>().map_err(|_| invalid())?
        };
        if extra >= 60 || !(0.0..=1000.0).contains(&hours) {
            return Err(invalid());
        }
        (hours * 60.0).round() as u32 + extra
    } else {
        compact.parse::<u32>().map_err(|_| invalid())?
    };
    match minutes {
        0 => Err("Une durée ne peut pas être nulle.".to_owned()),
        m if m > 60 * 24 * 30 => {
            Err("Durée trop longue : une action dure au plus 30 jours.".to_owned())
        }
        m => Ok(m),
    }
}
