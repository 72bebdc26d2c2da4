//! From a format's raw pieces (title, paragraphs, optional metadata) to a finished [`Article`]:
//! the dateline is found and split off, and a missing year is inferred.

use super::dateline::{RawDateline, recognize};
use super::french_date::{first_full_date, full_dates, parse_date};
use crate::article::{Article, Dateline, YearSource};
use chrono::NaiveDate;
use std::path::Path;

/// What a format parser found, before the dateline and dates are worked out.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// The headline.
    pub title: String,
    /// Body paragraphs, boilerplate already removed.
    pub paragraphs: Vec<String>,
    /// A dateline given apart from the body (JSON `dateline`).
    pub dateline: Option<String>,
    /// A date given apart from the body (JSON `date`).
    pub date: Option<String>,
    /// The article's address.
    pub url: Option<String>,
}

/// Where an article's file is and when it was last modified.
#[derive(Clone, Debug)]
pub struct Source<'a> {
    /// The file's path.
    pub path: &'a Path,
    /// Its modification date, when known.
    pub modified: Option<NaiveDate>,
}

/// How many opening paragraphs may hold the dateline (wikinews puts a summary first).
const DATELINE_PARAGRAPHS: usize = 2;

impl Draft {
    /// Finishes the article: splits off the dateline and dates it. `label` names it in output.
    pub fn finish(mut self, label: String, source: &Source<'_>) -> Article {
        let raw = self.take_dateline();
        let body = self.paragraphs.join("\n\n");
        let mut dateline = raw.as_ref().map(|raw| Dateline {
            text: raw.text.clone(),
            place: raw.place.clone(),
            agency: raw.agency.clone(),
            ..Dateline::default()
        });
        if let Some(date) = self.date.as_deref().and_then(parse_date) {
            let dateline = dateline.get_or_insert_with(Dateline::default);
            dateline.date = Some(date);
            dateline.year_from = Some(YearSource::Metadata);
        } else if let (Some(dateline), Some(raw)) = (dateline.as_mut(), raw.as_ref()) {
            let article = format!("{}\n{}", self.title, body);
            let lede = self.paragraphs.first().map_or("", String::as_str);
            let context = Context {
                article: &article,
                lede,
            };
            if let Some((date, from)) = date_of(raw, &context, source) {
                dateline.date = Some(date);
                dateline.year_from = Some(from);
            }
        }
        Article {
            path: label,
            title: self.title,
            dateline,
            body,
            url: self.url,
            ..Article::default()
        }
    }

    /// Finds the dateline, in the metadata or at the start of an opening paragraph, and removes it
    /// from the body.
    fn take_dateline(&mut self) -> Option<RawDateline> {
        if let Some(text) = self.dateline.take() {
            let padded = format!("{} - ", text.trim());
            return recognize(&padded).or(Some(RawDateline {
                text: text.trim().to_string(),
                place: None,
                agency: None,
                day_month: None,
                consumed: 0,
            }));
        }
        let limit = self.paragraphs.len().min(DATELINE_PARAGRAPHS);
        let (index, raw) = (0..limit).find_map(|i| Some((i, recognize(&self.paragraphs[i])?)))?;
        let rest = self.paragraphs[index][raw.consumed..].trim().to_string();
        if rest.is_empty() {
            self.paragraphs.remove(index);
        } else {
            self.paragraphs[index] = rest;
        }
        Some(raw)
    }
}

/// How near (in days) a full date of the article must fall to the dateline's day and month to be
/// taken as the article's own date rather than a date it recalls.
const SAME_WEEK: i64 = 7;

/// The text around a dateline that can date it.
struct Context<'a> {
    /// Title and body.
    article: &'a str,
    /// The first paragraph after the dateline.
    lede: &'a str,
}

/// The dateline's full date and where its year came from, most reliable first: the dateline; a year
/// folder of the path (the archive's own filing); a full date of the article within a week of it;
/// any other full date of the article; the file's modification time. A dateline with no date at all
/// (`PARIS (AFP) -`) takes the first full date of the lede.
fn date_of(
    raw: &RawDateline,
    context: &Context<'_>,
    source: &Source<'_>,
) -> Option<(NaiveDate, YearSource)> {
    let Some(day_month) = raw.day_month else {
        return first_full_date(context.lede).map(|date| (date, YearSource::Article));
    };
    if let Some(year) = day_month.year {
        return Some((day_month.in_year(year)?, YearSource::Dateline));
    }
    if let Some(anchor) = folder_date(source.path) {
        return Some((day_month.nearest_to(anchor)?, YearSource::Folder));
    }
    let near = full_dates(context.article).find_map(|anchor| {
        let date = day_month.nearest_to(anchor)?;
        ((date - anchor).num_days().abs() <= SAME_WEEK).then_some(date)
    });
    if let Some(date) = near {
        return Some((date, YearSource::Article));
    }
    if let Some(anchor) = first_full_date(context.article) {
        return Some((day_month.nearest_to(anchor)?, YearSource::Article));
    }
    let modified = source.modified?;
    Some((day_month.latest_until(modified)?, YearSource::FileTime))
}

/// The date an archive's folders give: `…/2019/03/x.txt` → mid-March 2019, `…/2019/x.txt` → mid-2019.
fn folder_date(path: &Path) -> Option<NaiveDate> {
    let parts: Vec<&str> = path.parent()?.iter().filter_map(|p| p.to_str()).collect();
    let (at, year) = parts.iter().enumerate().rev().find_map(|(i, part)| {
        let year: i32 = part
            .parse()
            .ok()
            .filter(|y| (1900..=2100).contains(y) && part.len() == 4)?;
        Some((i, year))
    })?;
    let month = parts
        .get(at + 1)
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|m| (1..=12).contains(m));
    match month {
        Some(month) => NaiveDate::from_ymd_opt(year, month, 15),
        None => NaiveDate::from_ymd_opt(year, 7, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn finish(paragraphs: &[&str], path: &str, modified: Option<NaiveDate>) -> Article {
        let draft = Draft {
            title: "Titre".into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Draft::default()
        };
        draft.finish(
            path.into(),
            &Source {
                path: Path::new(path),
                modified,
            },
        )
    }

    #[test]
    fn infers_the_missing_year() {
        let mtime = Some(ymd(2024, 1, 10));
        let cases: &[(&[&str], &str, Option<NaiveDate>, YearSource)] = &[
            (
                &["PARIS, 3 juin 2021 (AFP) - Texte."],
                "a.txt",
                Some(ymd(2021, 6, 3)),
                YearSource::Dateline,
            ),
            (
                &["PARIS, 2 janvier (AFP) - Après le vote du 28 décembre 2019, rien."],
                "a.txt",
                Some(ymd(2020, 1, 2)),
                YearSource::Article,
            ),
            (
                &["publié le 29 mars", "Texte."],
                "x/2019/03/a.txt",
                Some(ymd(2019, 3, 29)),
                YearSource::Folder,
            ),
            (
                &["publié le 29 mars", "Né le 29 mars 1963, il est mort."],
                "x/2019/03/a.txt",
                Some(ymd(2019, 3, 29)),
                YearSource::Folder,
            ),
            (
                &["publié le 29 mars", "Né le 2 mars 1963."],
                "a.txt",
                Some(ymd(1963, 3, 29)),
                YearSource::Article,
            ),
            (
                &[
                    "publié le 29 mars",
                    "Né le 2 mars 1963. Le vote du 28 mars 2019.",
                ],
                "a.txt",
                Some(ymd(2019, 3, 29)),
                YearSource::Article,
            ),
            (
                &[
                    "LYON (AFP) - Ce mardi 18 mars 2025, grève.",
                    "Le 2 avril 2024, rien.",
                ],
                "a.txt",
                Some(ymd(2025, 3, 18)),
                YearSource::Article,
            ),
            (
                &["BRUXELLES, 28 décembre - Texte."],
                "a.txt",
                Some(ymd(2023, 12, 28)),
                YearSource::FileTime,
            ),
        ];
        for (paragraphs, path, date, from) in cases {
            let article = finish(paragraphs, path, mtime);
            let dateline = article.dateline.expect("a dateline");
            assert_eq!(dateline.date, *date, "{paragraphs:?}");
            assert_eq!(dateline.year_from, Some(*from), "{paragraphs:?}");
        }
    }

    #[test]
    fn removes_the_dateline_from_the_body() {
        let article = finish(
            &["Résumé d'une phrase.", "22 mai 2012. - Prévu initialement."],
            "w.txt",
            None,
        );
        assert_eq!(article.body, "Résumé d'une phrase.\n\nPrévu initialement.");
        let article = finish(
            &["AFP, publié le jeudi 02 juillet 2020 à 19h19", "Le texte."],
            "o.txt",
            None,
        );
        assert_eq!(article.body, "Le texte.");
        assert_eq!(article.date(), Some(ymd(2020, 7, 2)));
    }
}
