//! `depeche search`: BM25 over weighted fields, all terms required and topped up with partial
//! matches, date filters and sorts, and a highlighted snippet for every hit.

use super::contradiction::excludes_what_it_requires;
use super::one_pass::{self, Ranking};
use super::query::{Rewritten, rewrite};
use super::snippet::{Snippet, SnippetMaker};
use super::whole_name::WholeName;
use crate::article::Entities;
use crate::entities::{name_key, other_listed_name};
use crate::error::{Error, Result};
use crate::index::schema::{Fields, to_tantivy_date};
use crate::index::store::{self, BuildSettings, OpenIndex};
use chrono::NaiveDate;
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser, RangeQuery,
};
use tantivy::schema::Field;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{
    DocAddress, DocId, IndexReader, Score, Searcher, SegmentReader, TantivyDocument, Term,
};

/// How hits are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Most recent date first.
    Newest,
    /// Oldest date first.
    Oldest,
}

/// One search, as asked.
#[derive(Clone, Debug)]
pub struct SearchOptions {
    /// The query, in depeche's query syntax.
    pub query: String,
    /// How many hits to return.
    pub limit: usize,
    /// How many of the best hits to skip.
    pub offset: usize,
    /// The order of hits.
    pub sort: Sort,
    /// Only articles dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Only articles dated on or before this day.
    pub to: Option<NaiveDate>,
    /// Return only hits that have every term (no partial top-up).
    pub all_terms: bool,
    /// Only articles naming every one of these entities (person, place or organisation).
    pub entities: Vec<String>,
    /// Build snippets (benchmarks may turn them off).
    pub snippets: bool,
    /// Snippet length in characters.
    pub snippet_chars: usize,
    /// Search the words only as typed: a word no article holds is not searched as the articles
    /// spell it, nor a rarer spelling suggested.
    pub exact: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            query: String::new(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            from: None,
            to: None,
            all_terms: false,
            entities: Vec::new(),
            snippets: true,
            snippet_chars: 200,
            exact: false,
        }
    }
}

/// One hit.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// 1-based rank in the whole result list (offset included).
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// Whether the hit misses some of the query's terms (a top-up hit).
    pub partial: bool,
    /// Headline.
    pub title: String,
    /// Dateline as written.
    pub dateline: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Agency or source.
    pub agency: Option<String>,
    /// Article date.
    pub date: Option<NaiveDate>,
    /// Source file (or `file:line`).
    pub path: String,
    /// The article's stable, opaque id (16 hexadecimal digits).
    pub id: String,
    /// Best passage, highlighted.
    pub snippet: Snippet,
    /// People, places and organisations the article names.
    pub entities: Entities,
}

/// The answer to one search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Articles that match every required term.
    pub total_hits: usize,
    /// Wall time of the search, snippets included, in milliseconds.
    pub took_ms: f64,
    /// Of which: parsing the query and ranking the hits.
    pub rank_ms: f64,
    /// The hits asked for.
    pub hits: Vec<Hit>,
}

/// The fields searched by terms without a field prefix, with their BM25 weights; the entity
/// fields only when the index has entities (an empty field would only cost lookups).
fn weighted_fields(fields: &Fields, with_entities: bool) -> Vec<(Field, f32)> {
    let mut weighted = vec![
        (fields.title, 3.0),
        (fields.body, 1.0),
        (fields.dateline, 0.5),
    ];
    if with_entities {
        weighted.extend([(fields.per, 1.0), (fields.loc, 1.0), (fields.org, 1.0)]);
    }
    weighted
}

/// Whether any segment of the index holds entity terms (for an index built before depeche
/// recorded whether it extracts them).
fn holds_entities(searcher: &Searcher, fields: &Fields) -> bool {
    searcher.segment_readers().iter().any(|segment| {
        fields.entity_fields().iter().any(|field| {
            segment
                .inverted_index(*field)
                .is_ok_and(|inverted| inverted.terms().num_terms() > 0)
        })
    })
}

/// The fewest articles an index must hold for a query to search its segments on every core at
/// once: on smaller ones, handing segments to threads costs more than it saves (BENCHMARKS.md).
const PARALLEL_FROM_ARTICLES: u64 = 500_000;

/// Lets each query of an index of several segments and at least `from` articles search its
/// segments on every core at once, as tantivy does with a search executor; a smaller index is
/// searched in the calling thread.
fn search_segments_in_parallel(index: &mut tantivy::Index, path: &Path, from: u64) -> Result<()> {
    let metas = index
        .searchable_segment_metas()
        .map_err(|e| Error::index(path, e))?;
    let articles: u64 = metas.iter().map(|meta| u64::from(meta.num_docs())).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if metas.len() < 2 || cores < 2 || articles < from {
        return Ok(());
    }
    index
        .set_multithread_executor(cores)
        .map_err(|e| Error::index(path, e))
}

/// Whether a search tops its hits up with articles missing some of its words: a query of plain
/// words, unless all of them are asked for.
fn tops_up(options: &SearchOptions, rewritten: &Rewritten) -> bool {
    !options.all_terms && rewritten.plain
}

/// Field names a query may use as prefixes.
const QUERY_FIELDS: &[&str] = &[
    "title", "body", "dateline", "place", "agency", "date", "per", "loc", "org",
];

/// A hit's address with its score.
type Ranked = (f32, DocAddress);

/// An open index, ready to answer many searches.
pub struct Engine {
    opened: OpenIndex,
    reader: IndexReader,
    /// Fields searched by unprefixed terms, with weights.
    defaults: Vec<(Field, f32)>,
    /// The French analyzer, to tell stop words in queries and correct their words.
    analyzer: TextAnalyzer,
    /// Where the index is.
    path: PathBuf,
    /// Whether its articles' entities were extracted.
    has_entities: bool,
}

impl Engine {
    /// Opens the index at `path` for searching.
    pub fn open(path: &Path) -> Result<Engine> {
        Engine::open_parallel_from(path, PARALLEL_FROM_ARTICLES)
    }

    /// Opens the index at `path`, searching its segments on every core at once when it holds at
    /// least `articles` articles in several segments.
    pub(crate) fn open_parallel_from(path: &Path, articles: u64) -> Result<Engine> {
        let mut opened = store::open(path)?;
        search_segments_in_parallel(&mut opened.index, path, articles)?;
        let reader = opened.index.reader().map_err(|e| Error::index(path, e))?;
        let has_entities = match BuildSettings::recorded(&opened.index, path)? {
            Some(settings) => settings.entities,
            None => holds_entities(&reader.searcher(), &opened.fields),
        };
        let defaults = weighted_fields(&opened.fields, has_entities);
        let analyzer = opened
            .index
            .tokenizer_for_field(opened.fields.body)
            .map_err(|e| Error::index(path, e))?;
        Ok(Engine {
            opened,
            reader,
            defaults,
            analyzer,
            path: path.to_path_buf(),
            has_entities,
        })
    }

    /// The error a query naming people, places or organisations (`per:`, `loc:`, `org:`)
    /// deserves on an index built without entities, where such terms find nothing; none when the
    /// index has them or the query names none.
    pub fn missing_entities(&self, options: &SearchOptions) -> Option<Error> {
        let missing = self.need_entities().err()?;
        let query = self
            .parse(options, &self.rewrite(&options.query), true)
            .ok()?;
        let entity_fields = self.opened.fields.entity_fields();
        let mut names_entities = false;
        query.query_terms(&mut |term, _| names_entities |= entity_fields.contains(&term.field()));
        names_entities.then_some(missing)
    }

    /// Fails when the index was built without entities, which a count or filter by entity needs.
    pub(crate) fn need_entities(&self) -> Result<()> {
        match self.has_entities {
            true => Ok(()),
            false => Err(Error::NoEntities {
                path: self.path.clone(),
            }),
        }
    }

    /// The index's fields.
    pub fn fields(&self) -> &Fields {
        &self.opened.fields
    }

    /// The folder of the index.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the index's articles have their entities extracted.
    pub fn has_entities(&self) -> bool {
        self.has_entities
    }

    /// The French analyzer of the text fields.
    pub(crate) fn analyzer(&self) -> TextAnalyzer {
        self.analyzer.clone()
    }

    /// The current searcher (a snapshot of the index).
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Runs one search.
    pub fn search(&self, options: &SearchOptions) -> Result<SearchResults> {
        self.search_with(options, true)
    }

    /// Runs one search, ranking plain words in one pass over their postings where it can when
    /// `one_pass` (the other way, an all-terms search then a partial one, is kept for what one pass
    /// does not rank, and to test that both agree).
    pub(super) fn search_with(
        &self,
        options: &SearchOptions,
        one_pass: bool,
    ) -> Result<SearchResults> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let rewritten = self.rewrite(&options.query);
        let strict = self.parse(options, &rewritten, true)?;
        let articles = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let wanted = options.offset.saturating_add(options.limit).min(articles);
        let ranked = match tops_up(options, &rewritten)
            && one_pass
            && self.ranks_in_one_pass(&searcher, options)
        {
            true => one_pass::rank(&searcher, strict.as_ref(), &self.defaults, wanted)
                .map_err(|e| self.search_error(options, e))?,
            false => None,
        };
        let found = match ranked {
            Some(found) => found,
            None => self.rank_in_two_passes(&searcher, options, &rewritten, &strict, wanted)?,
        };
        let rank_ms = started.elapsed().as_secs_f64() * 1e3;
        let hits = self.hits(
            &searcher,
            strict.as_ref(),
            found.full,
            found.ranked,
            options,
        )?;
        Ok(SearchResults {
            query: options.query.clone(),
            total_hits: found.total_hits,
            took_ms: started.elapsed().as_secs_f64() * 1e3,
            rank_ms,
            hits,
        })
    }

    /// The `wanted` best hits of `strict`, topped up when the query is plain with the best of the
    /// `rewritten` query's words OR-ed.
    fn rank_in_two_passes(
        &self,
        searcher: &Searcher,
        options: &SearchOptions,
        rewritten: &Rewritten,
        strict: &dyn Query,
        wanted: usize,
    ) -> Result<Ranking> {
        let (mut ranked, total_hits) = self.collect(searcher, strict, wanted, options, true)?;
        let full = ranked.len();
        if tops_up(options, rewritten) && full < wanted {
            let loose = self.parse(options, rewritten, false)?;
            let seen: HashSet<DocAddress> = ranked.iter().map(|(_, a)| *a).collect();
            let articles = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
            let more = wanted.saturating_add(seen.len()).min(articles);
            let (extra, _) = self.collect(searcher, loose.as_ref(), more, options, false)?;
            ranked.extend(extra.into_iter().filter(|(_, a)| !seen.contains(a)));
        }
        ranked.truncate(wanted);
        Ok(Ranking {
            ranked,
            full,
            total_hits,
        })
    }

    /// Whether a search of several plain words is ranked in one pass over their postings: by
    /// relevance, without date or entity filters, on an index small enough to be searched in one
    /// thread (a larger one searches its segments on every core, as tantivy does).
    fn ranks_in_one_pass(&self, searcher: &Searcher, options: &SearchOptions) -> bool {
        options.sort == Sort::Relevance
            && options.from.is_none()
            && options.to.is_none()
            && options.entities.is_empty()
            && searcher.num_docs() < PARALLEL_FROM_ARTICLES
    }

    /// Loads and snippets the ranked documents past the offset; the first `full` match `strict`,
    /// the others are partial.
    fn hits(
        &self,
        searcher: &Searcher,
        strict: &dyn Query,
        full: usize,
        ranked: Vec<Ranked>,
        options: &SearchOptions,
    ) -> Result<Vec<Hit>> {
        let mut snippets = match options.snippets {
            true => Some(
                SnippetMaker::new(searcher, strict, self.fields().body, options.snippet_chars)
                    .map_err(|e| self.search_error(options, e))?,
            ),
            false => None,
        };
        let mut hits = Vec::with_capacity(ranked.len().saturating_sub(options.offset));
        for (i, (score, address)) in ranked.into_iter().enumerate().skip(options.offset) {
            let doc: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| self.search_error(options, e))?;
            let partial = i >= full;
            hits.push(self.hit(&doc, i + 1, score, partial, snippets.as_mut()));
        }
        Ok(hits)
    }

    /// Parses the query (`rewritten` from `options.query` by [`Engine::rewrite`]), AND-ed terms
    /// when `strict`, OR-ed otherwise, with the date and entity filters. A blank query matches
    /// every article (to browse by date or entity).
    pub(crate) fn parse(
        &self,
        options: &SearchOptions,
        rewritten: &Rewritten,
        strict: bool,
    ) -> Result<Box<dyn Query>> {
        let query = match options.query.trim().is_empty() {
            true => Box::new(AllQuery),
            false => self.parse_text(&options.query, rewritten, strict)?,
        };
        let mut clauses = vec![(Occur::Must, query)];
        if options.from.is_some() || options.to.is_some() {
            clauses.push((Occur::Must, self.date_range(options.from, options.to)));
        }
        if !options.entities.is_empty() {
            self.need_entities()?;
        }
        for name in &options.entities {
            clauses.push((Occur::Must, self.entity_filter(name)?));
        }
        Ok(match clauses.len() {
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// The query made ready for tantivy's parser (see [`super::query`]).
    pub(crate) fn rewrite(&self, query: &str) -> Rewritten {
        let analyzer = RefCell::new(self.analyzer.clone());
        let is_noise = |word: &str| analyzer.borrow_mut().token_stream(word).next().is_none();
        rewrite(query, QUERY_FIELDS, is_noise)
    }

    /// The user's query over the weighted fields; nothing when only stop words were typed or
    /// when it excludes a word it requires.
    fn parse_text(
        &self,
        query: &str,
        rewritten: &Rewritten,
        strict: bool,
    ) -> Result<Box<dyn Query>> {
        if rewritten.text.is_empty() || excludes_what_it_requires(&rewritten.text) {
            return Ok(Box::new(EmptyQuery));
        }
        let mut parser = QueryParser::for_index(
            &self.opened.index,
            self.defaults.iter().map(|(f, _)| *f).collect(),
        );
        for &(field, weight) in &self.defaults {
            parser.set_field_boost(field, weight);
        }
        if strict {
            parser.set_conjunction_by_default();
        }
        parser
            .parse_query(&rewritten.text)
            .map_err(|e| Error::Query {
                query: query.to_string(),
                reason: e.to_string(),
            })
    }

    /// Articles dated within `from..=to` (either end open).
    fn date_range(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Box<dyn Query> {
        let field = self.fields().date;
        let bound = |date: Option<NaiveDate>| match date {
            Some(date) => Bound::Included(Term::from_field_date_for_search(
                field,
                to_tantivy_date(date),
            )),
            None => Bound::Unbounded,
        };
        Box::new(RangeQuery::new(bound(from), bound(to)))
    }

    /// Articles naming `name` whole as a person, place or organisation (case, accents and hyphens
    /// aside; a person also by their last words, `Macron`), or naming the listed entity `name` is
    /// an alias of (`LREM`) by the name extraction gives it: the articles its facet counts. It
    /// filters without changing scores.
    fn entity_filter(&self, name: &str) -> Result<Box<dyn Query>> {
        let fields = self.fields();
        let parser = QueryParser::for_index(&self.opened.index, fields.entity_fields().to_vec());
        let phrase = |name: &str| format!("\"{}\"", name.replace('"', " "));
        let listed = other_listed_name(name);
        let phrases = match listed {
            Some(listed) => format!("{} OR {}", phrase(name), phrase(listed)),
            None => phrase(name),
        };
        let candidates = parser.parse_query(&phrases).map_err(|e| Error::Query {
            query: name.to_string(),
            reason: e.to_string(),
        })?;
        let schema = self.opened.index.schema();
        let whole = WholeName {
            candidates,
            keys: std::iter::once(name).chain(listed).map(name_key).collect(),
            fields: fields
                .entity_fields()
                .iter()
                .map(|&field| {
                    (
                        schema.get_field_name(field).to_string(),
                        field == fields.per,
                    )
                })
                .collect(),
        };
        Ok(Box::new(ConstScoreQuery::new(Box::new(whole), 0.0)))
    }

    /// The top `wanted` hits of `query` in the asked order, with their scores, and how many
    /// documents match when `count` (0 otherwise: counting them all rules out skipping the
    /// articles that cannot reach the top). By date, ties go to the higher score and undated
    /// articles come last.
    fn collect(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        wanted: usize,
        options: &SearchOptions,
        count: bool,
    ) -> Result<(Vec<Ranked>, usize)> {
        let limit = TopDocs::with_limit(wanted.max(1));
        let found = match options.sort {
            Sort::Relevance if !count => searcher
                .search(query, &limit.order_by_score())
                .map(|top| (top, 0)),
            Sort::Relevance => searcher.search(query, &(limit.order_by_score(), Count)),
            Sort::Newest | Sort::Oldest => {
                let newest = options.sort == Sort::Newest;
                let by_date = limit.tweak_score(move |segment: &SegmentReader| {
                    let dates = segment.fast_fields().date("date").ok();
                    move |doc: DocId, score: Score| {
                        let date = dates.as_ref().and_then(|column| column.first(doc));
                        let seconds = date.map(|d| d.into_timestamp_secs());
                        let key = if newest { seconds } else { seconds.map(|s| -s) };
                        (key, score)
                    }
                });
                searcher
                    .search(query, &(by_date, Count))
                    .map(|(top, count)| {
                        let top = top.into_iter().map(|((_, score), a)| (score, a)).collect();
                        (top, count)
                    })
            }
        };
        found.map_err(|e| self.search_error(options, e))
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        rank: usize,
        score: f32,
        partial: bool,
        snippets: Option<&mut SnippetMaker>,
    ) -> Hit {
        let fields = self.fields();
        let text = |field| fields.text(doc, field).map(str::to_string);
        let snippet = match snippets {
            Some(maker) => maker.make(fields.text(doc, fields.body).unwrap_or_default()),
            None => Snippet::default(),
        };
        Hit {
            rank,
            score,
            partial,
            title: text(fields.title).unwrap_or_default(),
            dateline: text(fields.dateline),
            place: text(fields.place),
            agency: text(fields.agency),
            date: fields.date_of(doc),
            path: text(fields.path).unwrap_or_default(),
            id: fields.id_of(doc),
            snippet,
            entities: fields.entities_of(doc),
        }
    }

    fn search_error(&self, options: &SearchOptions, source: tantivy::TantivyError) -> Error {
        Error::Search {
            query: options.query.clone(),
            cause: source,
        }
    }
}
