//! French formatting of numbers, dates, times and durations, shared by the CLI
//! and the documents (the UI has its own, tested against the same examples).

use chrono::{NaiveDate, NaiveTime, Timelike};

/// `72.6666` with 1 decimal → « 72,7 ».
pub fn decimal(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', ",")
}

/// « 25/11/2026 ».
pub fn date(value: NaiveDate) -> String {
    value.format("%d/%m/%Y").to_string()
}

/// « 14 h 30 », « 9 h ».
pub fn time(value: NaiveTime) -> String {
    match value.minute() {
        0 => format!("{}\u{a0}h", value.hour()),
        m => format!("{}\u{a0}h\u{a0}{m:02}", value.hour()),
    }
}

/// « 2 h 30 », « 45 min », « 3 h ».
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}\u{a0}min"),
        (h, 0) => format!("{h}\u{a0}h"),
        (h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
    }
}

/// Lower-case, accents removed: the key search and sorting compare.
/// « Lefèvre » and « LEFEVRE » fold to the same « lefevre ».
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'œ' => 'o',
            'æ' => 'a',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_formats() {
        assert_eq!(decimal(72.666, 1), "72,7");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
            "05/01/2026"
        );
        assert_eq!(
            time(NaiveTime::from_hms_opt(14, 30, 0).unwrap()),
            "14\u{a0}h\u{a0}30"
        );
        assert_eq!(duration(150), "2\u{a0}h\u{a0}30");
        assert_eq!(duration(45), "45\u{a0}min");
        assert_eq!(duration(180), "3\u{a0}h");
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Lefèvre"), fold("LEFEVRE"));
        assert_eq!(fold("Éloïse Çağla"), "eloise cagla");
    }
}
