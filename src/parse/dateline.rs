//! Recognises the dateline or byline that opens an article and splits it into place, date and agency.
//!
//! Shapes: `SEOUL, le 7 novembre (Yonhap) –`, `PARIS (AFP) -`, `Moscou, 12 mars 2024 (Reuters) —`,
//! `BRUXELLES, 3 juin -`, the byline `AFP, publié le jeudi 02 juillet 2020 à 19h19` and the
//! wikinews opening `22 mai 2012. - `.

use super::french_date::{DATE_PATTERN, DayMonth};
use regex::Regex;
use std::sync::LazyLock;

/// A dateline as found, before a missing year is inferred.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDateline {
    /// The dateline as written, without its closing dash.
    pub text: String,
    /// The place, as written.
    pub place: Option<String>,
    /// The agency or source.
    pub agency: Option<String>,
    /// The day and month, and the year if written.
    pub day_month: Option<DayMonth>,
    /// How many bytes of the paragraph the dateline takes, dash and spaces included.
    pub consumed: usize,
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<agency>[^\n]{{1,80}}?)?,\s*)?publi[ée] le\s+{DATE_PATTERN}(?:\s+à\s+\d{{1,2}}h\d{{2}})?\s*$"
    ))
    .expect("the byline pattern is valid")
});

static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>\p{{Lu}}[\p{{L}}'’.\-]*(?:[ \-][\p{{L}}'’.\-]+){{0,3}}?)\s*(?:,\s*(?:le\s+)?{DATE_PATTERN})?\s*(?:\((?P<agency>[^()\n]{{1,40}})\))?\s*[-–—]+\s+"
    ))
    .expect("the wire dateline pattern is valid")
});

static WIKI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{DATE_PATTERN}\s*\.\s*[-–—]+\s+"))
        .expect("the wiki dateline pattern is valid")
});

/// The dateline that opens `paragraph`, if there is one.
pub fn recognize(paragraph: &str) -> Option<RawDateline> {
    let candidates = [&*BYLINE, &*WIKI, &*WIRE];
    candidates.iter().find_map(|pattern| {
        let caps = pattern.captures(paragraph)?;
        let day_month = DayMonth::from_captures(&caps);
        let agency = caps
            .name("agency")
            .map(|m| m.as_str().trim().to_string())
            .filter(|a| !a.is_empty());
        if day_month.is_none() && agency.is_none() {
            return None;
        }
        let whole = caps.get(0)?;
        Some(RawDateline {
            text: trim_dash(whole.as_str()).to_string(),
            place: caps.name("place").map(|m| m.as_str().trim().to_string()),
            agency,
            day_month,
            consumed: whole.end(),
        })
    })
}

/// The dateline without its closing dash and spaces.
fn trim_dash(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
        .trim_end_matches('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dm(day: u32, month: u32, year: Option<i32>) -> Option<DayMonth> {
        Some(DayMonth { day, month, year })
    }

    #[test]
    fn recognizes_every_shape() {
        type Expected = (
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            Option<DayMonth>,
        );
        let cases: &[(&str, Expected)] = &[
            (
                "SEOUL, le 7 novembre (Yonhap) – Hier, une rencontre",
                (
                    "SEOUL, le 7 novembre (Yonhap)",
                    Some("SEOUL"),
                    Some("Yonhap"),
                    dm(7, 11, None),
                ),
            ),
            (
                "PARIS (AFP) - Le gouvernement",
                ("PARIS (AFP)", Some("PARIS"), Some("AFP"), None),
            ),
            (
                "Moscou, 12 mars 2024 (Reuters) — Le Kremlin",
                (
                    "Moscou, 12 mars 2024 (Reuters)",
                    Some("Moscou"),
                    Some("Reuters"),
                    dm(12, 3, Some(2024)),
                ),
            ),
            (
                "BRUXELLES, 3 juin - La Commission",
                ("BRUXELLES, 3 juin", Some("BRUXELLES"), None, dm(3, 6, None)),
            ),
            (
                "AFP, publié le jeudi 02 juillet 2020 à 19h19",
                (
                    "AFP, publié le jeudi 02 juillet 2020 à 19h19",
                    None,
                    Some("AFP"),
                    dm(2, 7, Some(2020)),
                ),
            ),
            (
                "Orange avec AFP-Services, publié le vendredi 29 mars 2019 à 20h30",
                (
                    "Orange avec AFP-Services, publié le vendredi 29 mars 2019 à 20h30",
                    None,
                    Some("Orange avec AFP-Services"),
                    dm(29, 3, Some(2019)),
                ),
            ),
            (
                "publié le 29 mars",
                ("publié le 29 mars", None, None, dm(29, 3, None)),
            ),
            (
                "22 mai 2012. - Prévu initialement",
                ("22 mai 2012", None, None, dm(22, 5, Some(2012))),
            ),
            (
                "NEW YORK, 1er janvier 2025 (AP) – Texte",
                (
                    "NEW YORK, 1er janvier 2025 (AP)",
                    Some("NEW YORK"),
                    Some("AP"),
                    dm(1, 1, Some(2025)),
                ),
            ),
        ];
        for (input, (text, place, agency, day_month)) in cases {
            let found = recognize(input).unwrap_or_else(|| panic!("no dateline in {input:?}"));
            assert_eq!(found.text, *text, "{input}");
            assert_eq!(found.place.as_deref(), *place, "{input}");
            assert_eq!(found.agency.as_deref(), *agency, "{input}");
            assert_eq!(found.day_month, *day_month, "{input}");
        }
    }

    #[test]
    fn ignores_ordinary_openings() {
        let cases = [
            "Hier, une rencontre d’importance a eu lieu.",
            "Pour conclure, selon les informations - dit-il - rien.",
            "La secrétaire d'Etat se dit interpellée.",
            "Emmanuel Macron a parlé - longuement.",
        ];
        for input in cases {
            assert_eq!(recognize(input), None, "{input}");
        }
    }
}
