//! The parsed article: what the parser saw in a file, as `extract` prints it and the indexer stores it.

use chrono::NaiveDate;
use serde::Serialize;

/// One news article, parsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Where it came from: the file path, with `:LINE` for an article of a JSON Lines file.
    pub path: String,
    /// The headline.
    pub title: String,
    /// The dateline or byline, when the article has one.
    pub dateline: Option<Dateline>,
    /// Named entities found in the title and body.
    pub entities: Entities,
    /// The article text, boilerplate removed, paragraphs separated by blank lines.
    pub body: String,
    /// The article's address, when the source gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Where, when and from whom: `SEOUL, le 7 novembre (Yonhap) –`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dateline {
    /// The dateline as written.
    pub text: String,
    /// The place, as written (`SEOUL`, `Moscou`).
    pub place: Option<String>,
    /// The date, complete: a missing year is inferred (see `year_from`).
    pub date: Option<NaiveDate>,
    /// The agency or source (`Yonhap`, `AFP`, `Orange avec AFP-Services`).
    pub agency: Option<String>,
    /// Where the date's year came from.
    pub year_from: Option<YearSource>,
}

/// Where the year of an article's date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// The dateline itself gave the year.
    Dateline,
    /// The source's own date field (JSON `date`).
    Metadata,
    /// Another complete date in the same article.
    Article,
    /// A year folder in the file's path (`2019/03/`).
    Folder,
    /// The file's modification time.
    FileTime,
}

/// People, places and organisations named in an article, one canonical form each.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entities {
    /// People.
    pub per: Vec<String>,
    /// Countries, cities, regions and other places.
    pub loc: Vec<String>,
    /// Organisations, agencies, parties, companies, ministries and media.
    pub org: Vec<String>,
}

/// The three kinds of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// People.
    Per,
    /// Places.
    Loc,
    /// Organisations.
    Org,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 3] = [EntityKind::Per, EntityKind::Loc, EntityKind::Org];

    /// The kind's short name, as in `per:` queries and `/per/…` facets.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Per => "per",
            EntityKind::Loc => "loc",
            EntityKind::Org => "org",
        }
    }
}

impl Article {
    /// The article's date, if it has one.
    pub fn date(&self) -> Option<NaiveDate> {
        self.dateline.as_ref().and_then(|d| d.date)
    }
}
