//! The French school year (« année scolaire »), 1 September to 31 August,
//! written « 2025-2026 ». Every screen that depends on a year follows one.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A school year, identified by the calendar year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchoolYear {
    start_year: i32,
}

impl SchoolYear {
    pub fn starting(start_year: i32) -> Self {
        Self { start_year }
    }

    /// The school year a date falls in (September starts a new one).
    pub fn containing(date: NaiveDate) -> Self {
        let start_year = if date.month() >= 9 {
            date.year()
        } else {
            date.year() - 1
        };
        Self { start_year }
    }

    pub fn start_year(self) -> i32 {
        self.start_year
    }

    /// 1 September of the first year.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year, 9, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 August of the second year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year + 1, 8, 31).unwrap_or(NaiveDate::MAX)
    }

    pub fn label(self) -> String {
        format!("{}-{}", self.start_year, self.start_year + 1)
    }

    /// Parses « 2025-2026 » (the second year must follow the first).
    pub fn parse(text: &str) -> Option<Self> {
        let (first, second) = text.trim().split_once('-')?;
        let first: i32 = first.trim().parse().ok()?;
        let second: i32 = second.trim().parse().ok()?;
        (second == first + 1 && (1900..=2200).contains(&first))
            .then_some(Self { start_year: first })
    }
}

impl std::fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

impl TryFrom<String> for SchoolYear {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
            .ok_or_else(|| format!("« {value} » n’est pas une année scolaire (ex. 2025-2026)"))
    }
}

impl From<SchoolYear> for String {
    fn from(value: SchoolYear) -> Self {
        value.label()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn september_starts_a_new_school_year() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(SchoolYear::containing(d(2025, 8, 31)).label(), "2024-2025");
        assert_eq!(SchoolYear::containing(d(2025, 9, 1)).label(), "2025-2026");
        assert_eq!(SchoolYear::containing(d(2026, 6, 30)).label(), "2025-2026");
    }

    #[test]
    fn only_consecutive_years_parse() {
        assert_eq!(
            SchoolYear::parse("2025-2026"),
            Some(SchoolYear::starting(2025))
        );
        assert_eq!(SchoolYear::parse("2025-2027"), None);
        assert_eq!(SchoolYear::parse("2025"), None);
    }
}
