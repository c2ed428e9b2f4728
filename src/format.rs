//! French formatting of numbers, dates, times and durations, shared by the CLI
//! and the documents (the UI has its own, tested against the same examples).

use chrono::{NaiveDate, NaiveTime, Timelike};

/// `72.6666` with 1 decimal → « 72,7 ».
pub fn decimal(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', ",")
}

/// A number with at most `decimals` decimals, trailing zeros dropped:
/// « 14 », « 14,5 », « 1 240 » (thin grouping for thousands).
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text, None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int.as_str()),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
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
    fn numbers_drop_trailing_zeros_and_group_thousands() {
        assert_eq!(number(14.0, 1), "14");
        assert_eq!(number(14.5, 1), "14,5");
        assert_eq!(number(14.25, 1), "14,2");
        assert_eq!(number(1240.0, 0), "1\u{202f}240");
        assert_eq!(number(1_234_567.5, 1), "1\u{202f}234\u{202f}567,5");
        assert_eq!(number(-3.5, 1), "-3,5");
        assert_eq!(number(0.0, 1), "0");
    }

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
