//! French dates in running text: `7 novembre`, `1er mars 2024`, `jeudi 02 juillet 2020`.

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// A regex fragment for a French date, with groups `day`, `month` and optional `year`.
pub const DATE_PATTERN: &str = r"(?:(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?P<day>1er|\d{1,2})\s+(?P<month>(?i:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre))(?:\s+(?P<year>\d{4}))?";

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b{DATE_PATTERN}\b")).expect("the full-date pattern is valid")
});

/// A day and month, with the year when the text gave one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayMonth {
    /// Day of the month, 1 to 31.
    pub day: u32,
    /// Month, 1 to 12.
    pub month: u32,
    /// The year, when written.
    pub year: Option<i32>,
}

impl DayMonth {
    /// Reads the `day`, `month` and `year` groups of a match of [`DATE_PATTERN`].
    pub fn from_captures(caps: &regex::Captures<'_>) -> Option<DayMonth> {
        let day = match caps.name("day")?.as_str() {
            "1er" => 1,
            digits => digits.parse().ok()?,
        };
        let month = month_number(caps.name("month")?.as_str())?;
        let year = caps.name("year").and_then(|y| y.as_str().parse().ok());
        Some(DayMonth { day, month, year })
    }

    /// The date in `year`, if the day exists then.
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// The date in the year nearest to `anchor`: `2 janvier` near 2019-12-28 is 2020-01-02.
    pub fn nearest_to(&self, anchor: NaiveDate) -> Option<NaiveDate> {
        (anchor.year() - 1..=anchor.year() + 1)
            .filter_map(|year| self.in_year(year))
            .min_by_key(|date| (*date - anchor).num_days().abs())
    }

    /// The latest date that is not after `limit` (a file saved on 2024-01-10 dated `28 décembre`
    /// was written in 2023).
    pub fn latest_until(&self, limit: NaiveDate) -> Option<NaiveDate> {
        (limit.year() - 4..=limit.year())
            .rev()
            .filter_map(|year| self.in_year(year))
            .find(|date| *date <= limit)
    }
}

/// The number of a French month name, accents optional, any case.
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ];
    let folded = crate::analysis::fold_accents(&name.to_lowercase());
    MONTHS
        .iter()
        .position(|m| *m == folded)
        .map(|i| i as u32 + 1)
}

/// The complete dates (day, month and year) written in `text`, in order.
pub fn full_dates(text: &str) -> impl Iterator<Item = NaiveDate> + '_ {
    FULL_DATE.captures_iter(text).filter_map(|caps| {
        let day_month = DayMonth::from_captures(&caps)?;
        day_month.in_year(day_month.year?)
    })
}

/// The first complete date (day, month and year) written in `text`.
pub fn first_full_date(text: &str) -> Option<NaiveDate> {
    full_dates(text).next()
}

/// Parses `YYYY-MM-DD` (optionally followed by a time, as in RFC 3339) or a French date with a year.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    text.get(..10)
        .and_then(|head| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
        .or_else(|| first_full_date(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn finds_the_first_full_date() {
        let cases = [
            (
                "le scrutin du 14 décembre 2025 approche",
                Some(ymd(2025, 12, 14)),
            ),
            (
                "le 7 novembre, puis le 1er mars 2024",
                Some(ymd(2024, 3, 1)),
            ),
            ("jeudi 02 juillet 2020 à 19h19", Some(ymd(2020, 7, 2))),
            ("31 fevrier 2020 puis 3 AOUT 2021", Some(ymd(2021, 8, 3))),
            ("le 7 novembre", None),
        ];
        for (text, expected) in cases {
            assert_eq!(first_full_date(text), expected, "{text}");
        }
    }

    #[test]
    fn places_a_yearless_date() {
        let jan2 = DayMonth {
            day: 2,
            month: 1,
            year: None,
        };
        assert_eq!(jan2.nearest_to(ymd(2019, 12, 28)), Some(ymd(2020, 1, 2)));
        let dec28 = DayMonth {
            day: 28,
            month: 12,
            year: None,
        };
        assert_eq!(
            dec28.latest_until(ymd(2024, 1, 10)),
            Some(ymd(2023, 12, 28))
        );
        assert_eq!(
            dec28.latest_until(ymd(2024, 12, 28)),
            Some(ymd(2024, 12, 28))
        );
    }

    #[test]
    fn parses_metadata_dates() {
        let cases = [
            ("2025-03-14", Some(ymd(2025, 3, 14))),
            ("2025-03-14T08:00:00Z", Some(ymd(2025, 3, 14))),
            ("14 mars 2025", Some(ymd(2025, 3, 14))),
            ("hier", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), expected, "{text}");
        }
    }
}
