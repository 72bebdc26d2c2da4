//! The JSON shapes depeche answers with: search results, entity counts, index summaries and bench
//! reports, one serializer for every front end (`--json` today, HTTP tomorrow).

use super::search_page::SearchPage;
use crate::article::Entities;
use crate::bench::{BenchReport, Stats};
use crate::index::IndexSummary;
use crate::search::{ArticleView, Correction, EntityCount, FacetCount, IndexStats, SearchResults};
use serde::ser::{Error as _, SerializeStruct};
use serde::{Serialize, Serializer};
use serde_json::Value;

/// Search results as JSON.
#[derive(Serialize)]
pub struct SearchResponse<'a> {
    /// The query as given.
    pub query: &'a str,
    /// Articles that match every required term.
    pub total_hits: usize,
    /// Wall time of the search, in milliseconds.
    pub took_ms: f64,
    /// The hits asked for.
    pub hits: Vec<HitResponse<'a>>,
    /// The query run instead of the one given, when that one could not be parsed.
    pub understood: Option<&'a str>,
    /// Why the given query was repaired.
    pub notes: &'a [String],
    /// The query with its words spelt as the articles write them (searched when `corrections`
    /// lists words, only suggested otherwise), or null.
    pub did_you_mean: Option<&'a str>,
    /// The words searched under another spelling (`{"from", "to"}`).
    pub corrections: &'a [Correction],
}

/// One hit as JSON: its snippet as HTML with `<b>` around the matching words.
#[derive(Serialize)]
pub struct HitResponse<'a> {
    /// 1-based rank in the whole result list.
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// Whether the hit misses some of the query's terms.
    pub partial: bool,
    /// Title, dateline and source.
    #[serde(flatten)]
    pub head: ArticleHead<'a>,
    /// The article's stable, opaque id, for `/api/article/{id}`.
    pub id: &'a str,
    /// Best passage, as HTML.
    pub snippet: String,
    /// People, places and organisations the article names.
    pub entities: &'a Entities,
}

/// What heads an article, in a hit or in full: title, dateline and its parts, source.
#[derive(Serialize)]
pub struct ArticleHead<'a> {
    /// Headline.
    pub title: &'a str,
    /// Dateline as written.
    pub dateline: Option<&'a str>,
    /// Dateline place.
    pub place: Option<&'a str>,
    /// Agency or source.
    pub agency: Option<&'a str>,
    /// Article date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Source file (or `file:line`).
    pub path: &'a str,
}

impl<'a> SearchResponse<'a> {
    /// The JSON shape of a search, repaired or not.
    pub fn of_page(page: &'a SearchPage) -> Self {
        SearchResponse {
            understood: page.understood.as_deref(),
            notes: &page.notes,
            did_you_mean: page.did_you_mean.as_deref(),
            corrections: &page.corrections,
            ..SearchResponse::new(&page.results)
        }
    }

    /// The JSON shape of `results` of the query as given.
    pub fn new(results: &'a SearchResults) -> Self {
        let hits = results.hits.iter().map(|hit| HitResponse {
            rank: hit.rank,
            score: hit.score,
            partial: hit.partial,
            head: ArticleHead {
                title: &hit.title,
                dateline: hit.dateline.as_deref(),
                place: hit.place.as_deref(),
                agency: hit.agency.as_deref(),
                date: hit.date.map(|d| d.to_string()),
                path: &hit.path,
            },
            id: &hit.id,
            snippet: hit.snippet.to_html(),
            entities: &hit.entities,
        });
        SearchResponse {
            query: &results.query,
            total_hits: results.total_hits,
            took_ms: results.took_ms,
            hits: hits.collect(),
            understood: None,
            notes: &[],
            did_you_mean: None,
            corrections: &[],
        }
    }
}

/// A search as a page gets it: the results' fields (`understood`, the query run instead of the
/// one typed, or null, and `notes`, why, among them), then `facets`.
#[derive(Serialize)]
pub struct SearchPageResponse<'a> {
    /// The results, as `depeche search --json` prints them.
    #[serde(flatten)]
    pub results: SearchResponse<'a>,
    /// What and when the matching articles talk about.
    pub facets: FacetsResponse<'a>,
}

/// Facets as JSON: `[{"name","count"}]` per kind, `[{"period","count"}]` per month.
#[derive(Serialize)]
pub struct FacetsResponse<'a> {
    /// People.
    pub per: Vec<NameCount<'a>>,
    /// Places.
    pub loc: Vec<NameCount<'a>>,
    /// Organisations.
    pub org: Vec<NameCount<'a>>,
    /// Agencies and sources.
    pub agency: Vec<NameCount<'a>>,
    /// Articles per month, in calendar order.
    pub dates: Vec<PeriodCount<'a>>,
}

/// A name and how many matching articles carry it.
#[derive(Serialize)]
pub struct NameCount<'a> {
    /// The name.
    pub name: &'a str,
    /// How many articles.
    pub count: u64,
}

/// A month (`YYYY-MM`) and how many matching articles it holds.
#[derive(Serialize)]
pub struct PeriodCount<'a> {
    /// The month.
    pub period: &'a str,
    /// How many articles.
    pub count: u64,
}

impl<'a> SearchPageResponse<'a> {
    /// The JSON shape of `page`.
    pub fn new(page: &'a SearchPage) -> Self {
        let names = |counts: &'a [FacetCount]| {
            let named = counts.iter().map(|c| NameCount {
                name: &c.name,
                count: c.count,
            });
            named.collect()
        };
        let facets = &page.facets;
        let dates = facets.dates.iter().map(|c| PeriodCount {
            period: &c.name,
            count: c.count,
        });
        SearchPageResponse {
            results: SearchResponse::of_page(page),
            facets: FacetsResponse {
                per: names(&facets.per),
                loc: names(&facets.loc),
                org: names(&facets.org),
                agency: names(&facets.agency),
                dates: dates.collect(),
            },
        }
    }
}

/// An article in full as JSON: title plain and as HTML, paragraphs as HTML, matches in `<b>`.
#[derive(Serialize)]
pub struct ArticleResponse<'a> {
    /// Its stable, opaque id.
    pub id: &'a str,
    /// Title, dateline and source.
    #[serde(flatten)]
    pub head: ArticleHead<'a>,
    /// Headline as HTML, the query's words in `<b>`.
    pub title_html: String,
    /// People, places and organisations it names.
    pub entities: &'a Entities,
    /// Its paragraphs as HTML, the query's words in `<b>`.
    pub paragraphs: Vec<String>,
}

impl<'a> ArticleResponse<'a> {
    /// The JSON shape of `article`.
    pub fn new(article: &'a ArticleView) -> Self {
        ArticleResponse {
            id: &article.id,
            head: ArticleHead {
                title: &article.title.text,
                dateline: article.dateline.as_deref(),
                place: article.place.as_deref(),
                agency: article.agency.as_deref(),
                date: article.date.map(|d| d.to_string()),
                path: &article.path,
            },
            title_html: article.title.to_html(),
            entities: &article.entities,
            paragraphs: article.paragraphs.iter().map(|p| p.to_html()).collect(),
        }
    }
}

/// An index's figures as JSON; `last_commit` in RFC 3339.
#[derive(Serialize)]
pub struct StatsResponse {
    /// Articles searchable now.
    pub articles: u64,
    /// Bytes of the index's files.
    pub index_bytes: u64,
    /// When the index was last committed.
    pub last_commit: Option<String>,
    /// Whether entities were extracted.
    pub entities: bool,
}

impl From<&IndexStats> for StatsResponse {
    fn from(stats: &IndexStats) -> Self {
        StatsResponse {
            articles: stats.articles,
            index_bytes: stats.index_bytes,
            last_commit: stats.last_commit.map(|t| t.to_rfc3339()),
            entities: stats.entities,
        }
    }
}

/// An error as JSON: `{"error": "…"}`.
#[derive(Serialize)]
pub struct ErrorResponse {
    /// What went wrong, in one line.
    pub error: String,
}

/// Entity counts as JSON (fields in name order, as they have always been).
#[derive(Serialize)]
pub struct EntitiesResponse<'a> {
    /// The entities, most frequent first within each kind.
    pub entities: Vec<EntityCountResponse<'a>>,
    /// The query the counted articles match (blank: all).
    pub query: &'a str,
}

/// One entity and how many articles name it, as JSON (fields in name order, as they have always
/// been).
#[derive(Serialize)]
pub struct EntityCountResponse<'a> {
    /// How many articles name it.
    pub articles: u64,
    /// `per`, `loc` or `org`.
    pub kind: &'static str,
    /// The entity's name.
    pub name: &'a str,
}

impl<'a> EntitiesResponse<'a> {
    /// The JSON shape of the `counts` of the articles matching `query`.
    pub fn new(query: &'a str, counts: &'a [EntityCount]) -> Self {
        let entities = counts.iter().map(|c| EntityCountResponse {
            articles: c.articles,
            kind: c.kind.name(),
            name: &c.name,
        });
        EntitiesResponse {
            entities: entities.collect(),
            query,
        }
    }
}

/// An indexing run's summary: its counts, every skip (`path`, `reason`), the run's wall time in
/// seconds (`elapsed_s`) and throughput (`mb_per_s`).
impl Serialize for IndexSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut json = serializer.serialize_struct("IndexSummary", 13)?;
        json.serialize_field("files_seen", &self.files_seen)?;
        json.serialize_field("not_articles", &self.not_articles)?;
        json.serialize_field("added", &self.added)?;
        json.serialize_field("updated", &self.updated)?;
        json.serialize_field("removed", &self.removed)?;
        json.serialize_field("unchanged", &self.unchanged)?;
        json.serialize_field("articles_indexed", &self.articles_indexed)?;
        json.serialize_field("articles", &self.articles)?;
        json.serialize_field("skipped", &self.skipped)?;
        json.serialize_field("bytes", &self.bytes)?;
        json.serialize_field("elapsed_s", &self.elapsed.as_secs_f64())?;
        json.serialize_field("mb_per_s", &self.megabytes_per_second())?;
        json.serialize_field("entities", &self.entities)?;
        json.end()
    }
}

/// One JSON field of a bench report.
type Field = (&'static str, Value);

impl Stats {
    /// Its JSON fields, in name order.
    fn json_fields(&self) -> [Field; 8] {
        [
            ("count", self.count.into()),
            ("max_ms", self.max_ms.into()),
            ("p50_ms", self.p50_ms.into()),
            ("p90_ms", self.p90_ms.into()),
            ("p999_ms", self.p999_ms.into()),
            ("p99_ms", self.p99_ms.into()),
            ("qps", self.qps.into()),
            ("queries_with_hits", self.with_hits.into()),
        ]
    }
}

/// A class's latency figures, fields in name order.
impl Serialize for Stats {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.json_fields())
    }
}

/// A bench run: the overall figures, each class's (`classes`), where the time went, for an HTTP
/// run its `errors` and for a run in process its memory (`rss_mb`, `anonymous_mb`), all in name
/// order.
impl Serialize for BenchReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let classes = serde_json::to_value(&self.classes).map_err(S::Error::custom)?;
        let mut fields = Vec::from(self.overall.json_fields());
        fields.extend([
            ("classes", classes),
            ("first_query_ms", self.first_query_ms.into()),
            ("load_ms", self.load_ms.into()),
            ("open_ms", self.open_ms.into()),
            ("rank_ms", self.rank_ms.into()),
            ("wall_s", self.wall_s.into()),
        ]);
        fields.extend(self.errors.map(|n| ("errors", n.into())));
        if let Some(memory) = self.memory {
            fields.extend([
                ("rss_mb", memory.rss_mb.into()),
                ("anonymous_mb", memory.anonymous_mb.into()),
            ]);
        }
        fields.sort_unstable_by_key(|&(name, _)| name);
        serializer.collect_map(fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_reports_list_their_keys_in_name_order() {
        let in_process = concat!(
            r#"{"classes":{},"count":0,"first_query_ms":0.0,"load_ms":0.0,"max_ms":0.0,"#,
            r#""open_ms":0.0,"p50_ms":0.0,"p90_ms":0.0,"p999_ms":0.0,"p99_ms":0.0,"qps":0.0,"#,
            r#""queries_with_hits":0,"rank_ms":0.0,"wall_s":0.0}"#
        );
        let http = in_process.replace(r#""count":0,"#, r#""count":0,"errors":3,"#);
        let cases = [(None, in_process.to_string()), (Some(3), http)];
        for (errors, expected) in cases {
            let report = BenchReport {
                errors,
                ..BenchReport::default()
            };
            let json = serde_json::to_string(&report).unwrap();
            assert_eq!(json, expected, "errors {errors:?}");
        }
    }
}
