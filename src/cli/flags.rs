//! Command-line flags (clap), turned once into the library's plain options.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use depeche::api::parse_day;
use depeche::bench::{BenchOptions, HttpOptions};
use depeche::export::ExportOptions;
use depeche::{EntityKind, IndexOptions, SearchOptions, Sort};
use std::path::PathBuf;

/// depeche: search archives of French-language news.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update the index of a folder of articles (.txt, .md, .html, .json, .jsonl).
    Index {
        #[command(flatten)]
        flags: IndexFlags,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// List every skipped file or line on stderr, not just the first few.
        #[arg(long, short = 'v')]
        verbose: bool,
        /// Exit with status 2 when anything was skipped (everything else is still indexed).
        #[arg(long)]
        strict: bool,
    },
    /// Search the index.
    Search {
        #[command(flatten)]
        flags: SearchFlags,
        /// The index folder.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The most frequent people, places and organisations, overall or in the articles matching QUERY.
    Entities {
        /// Count only in the articles matching this query.
        #[arg(default_value = "", allow_hyphen_values = true)]
        query: String,
        /// The index folder.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Only this kind of entity.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// How many entities of each kind.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure query latency: replay a query file against an index, or against a running
    /// `depeche serve` (--url).
    Bench {
        #[command(flatten)]
        flags: BenchFlags,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Serve the index over HTTP: a search page and a JSON API, until Ctrl-C.
    Serve {
        /// The index folder.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// The address to listen on (port 0: any free port).
        #[arg(long, default_value = "127.0.0.1:7878")]
        addr: std::net::SocketAddr,
        /// The token every request must carry; required to listen beyond this machine.
        #[arg(long, env = "DEPECHE_TOKEN", hide_env_values = true)]
        token: Option<String>,
    },
    /// Write a folder of articles for OpenSearch or Elasticsearch: index settings with depeche's
    /// French analysis, `_bulk` files of the parsed articles and entities, and a README saying
    /// how to load and search them.
    Export {
        #[command(flatten)]
        flags: ExportFlags,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// List every skipped file or line on stderr, not just the first few.
        #[arg(long, short = 'v')]
        verbose: bool,
    },
    /// Write a synthetic corpus for scale tests by recombining a real one.
    #[command(hide = true)]
    Synth {
        /// The real corpus to recombine.
        #[arg(long, default_value = "../shared/corpus")]
        from: PathBuf,
        /// Where to write the articles.
        #[arg(long)]
        out: PathBuf,
        /// How many articles.
        #[arg(long, default_value_t = 1_000_000)]
        count: usize,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Show what the parser reads in one file.
    Extract {
        /// The article file.
        file: PathBuf,
        /// Print JSON, one object per article.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    Per,
    Loc,
    Org,
}

impl KindArg {
    /// The kinds to count: this one, or all when none was named.
    pub fn kinds(kind: Option<KindArg>) -> Vec<EntityKind> {
        match kind {
            None => EntityKind::ALL.to_vec(),
            Some(KindArg::Per) => vec![EntityKind::Per],
            Some(KindArg::Loc) => vec![EntityKind::Loc],
            Some(KindArg::Org) => vec![EntityKind::Org],
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

impl From<SortArg> for Sort {
    fn from(sort: SortArg) -> Sort {
        match sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        }
    }
}

/// The flags of `depeche index`.
#[derive(Debug, Args)]
pub struct IndexFlags {
    /// The folder to index, walked recursively.
    #[arg(default_value = "corpus")]
    pub corpus: PathBuf,
    /// The index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Indexing threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Index writer memory, in MB.
    #[arg(long, default_value_t = 400)]
    pub memory_mb: usize,
    /// Rebuild the index from scratch instead of updating it.
    #[arg(long)]
    pub full: bool,
    /// Commit after this many files (a crash loses at most one batch).
    #[arg(long, default_value_t = 50_000)]
    pub commit_every: usize,
    /// Extract people, places and organisations again after --no-entities (a new index
    /// extracts them: per:, loc:, org:, --entity, facets and `depeche entities` need them).
    /// Switching it back on re-reads every file once.
    #[arg(long, conflicts_with = "no_entities")]
    pub entities: bool,
    /// Stop extracting people, places and organisations, in this run and every later one, for
    /// faster indexing (re-reads every file once).
    #[arg(long)]
    pub no_entities: bool,
    /// Skip files larger than this many megabytes.
    #[arg(long, default_value_t = 20)]
    pub max_file_mb: u64,
}

impl IndexFlags {
    /// The library's indexing options.
    pub fn into_options(self) -> IndexOptions {
        IndexOptions {
            corpus: self.corpus,
            index: self.index,
            threads: self.threads,
            memory_mb: self.memory_mb,
            full: self.full,
            batch_files: self.commit_every,
            entities: match (self.entities, self.no_entities) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            max_file_mb: self.max_file_mb,
        }
    }
}

/// The flags of `depeche export`.
#[derive(Debug, Args)]
pub struct ExportFlags {
    /// The folder to export, walked recursively.
    #[arg(default_value = "corpus")]
    pub corpus: PathBuf,
    /// The folder to write the settings, bulk files and README into (created if missing; the
    /// bulk files of an earlier export there are replaced).
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    /// The index name in OpenSearch or Elasticsearch (lowercase).
    #[arg(long, default_value = "depeche")]
    pub index_name: String,
    /// The most articles a bulk file holds.
    #[arg(long, default_value_t = 5_000, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Leave out people, places and organisations (faster).
    #[arg(long)]
    pub no_entities: bool,
    /// Skip files larger than this many megabytes.
    #[arg(long, default_value_t = 20)]
    pub max_file_mb: u64,
}

impl ExportFlags {
    /// The library's export options.
    pub fn into_options(self) -> ExportOptions {
        ExportOptions {
            corpus: self.corpus,
            to: self.to,
            index_name: self.index_name,
            batch: self.batch as usize,
            entities: !self.no_entities,
            max_file_mb: self.max_file_mb,
        }
    }
}

/// The flags of `depeche search` that shape the search itself.
#[derive(Debug, Args)]
pub struct SearchFlags {
    /// The query: words (all required), "phrases", -exclusions, OR, field:word.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// How many hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// How many hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order of the hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Only articles dated on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only articles dated on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Show only articles with every term (no partial matches).
    #[arg(long)]
    pub all_terms: bool,
    /// Search the words only as typed: no typo correction, name variants or split and joined
    /// words (`Melanchon` is otherwise searched as `mélenchon`, `Putin` as `poutine`).
    #[arg(long)]
    pub exact: bool,
    /// Only articles naming this person, place or organisation (repeatable: all must be named).
    #[arg(long = "entity", value_name = "NAME")]
    pub entities: Vec<String>,
}

impl SearchFlags {
    /// The library's search options; a date that is not `YYYY-MM-DD` is an error naming its
    /// flag (`--from: date "…": expected YYYY-MM-DD`).
    pub fn into_options(self) -> Result<SearchOptions> {
        Ok(SearchOptions {
            from: parse_day("from", self.from.as_deref()).context("--from")?,
            to: parse_day("to", self.to.as_deref()).context("--to")?,
            query: self.query,
            limit: self.limit,
            offset: self.offset,
            sort: self.sort.into(),
            all_terms: self.all_terms,
            exact: self.exact,
            entities: self.entities,
            ..SearchOptions::default()
        })
    }
}

/// The flags of `depeche bench` for a run in process only: each conflicts with `--url`, and with
/// the flags for HTTP only (clap lets an argument go without the one it requires when a
/// present one conflicts with that).
const IN_PROCESS: [&str; 4] = ["index", "threads", "no_snippets", "exact"];

/// The flags of `depeche bench`: in process on `--index`, or over HTTP on `--url`.
#[derive(Debug, Args)]
pub struct BenchFlags {
    /// The index folder.
    #[arg(long, default_value = "index", conflicts_with = "url")]
    pub index: PathBuf,
    /// Ask a running `depeche serve` at this address (http://HOST:PORT) instead of opening an
    /// index; the report adds the requests that failed (`errors`), and has no ranking/documents
    /// split nor index opening time.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Query file: one query per line, or `class<TAB>query`.
    #[arg(long, default_value = "benches/queries/shared.tsv")]
    pub queries: PathBuf,
    /// Timed rounds over the query set.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Untimed rounds before timing.
    #[arg(long, default_value_t = 1)]
    pub warmup: usize,
    /// Hits per query.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Threads replaying the queries at once, each the whole set (in process).
    #[arg(long, default_value_t = 1, conflicts_with = "url")]
    pub threads: usize,
    /// With --url: clients asking at once, each on its own connection, sharing the rounds.
    #[arg(long, default_value_t = 1, requires = "url", conflicts_with_all = IN_PROCESS)]
    pub concurrency: usize,
    /// Skip snippets (and document loading beyond the stored fields); in process only, as the
    /// server always makes them.
    #[arg(long, conflicts_with = "url")]
    pub no_snippets: bool,
    /// Search the words only as typed, without corrections of spelling (in process only).
    #[arg(long, conflicts_with = "url")]
    pub exact: bool,
    /// With --url: ask for searches without their facets (facets=false).
    #[arg(long, requires = "url", conflicts_with_all = IN_PROCESS)]
    pub no_facets: bool,
}

impl BenchFlags {
    /// The library's options for a run in process.
    pub fn options(&self) -> BenchOptions {
        BenchOptions {
            index: self.index.clone(),
            runs: self.runs,
            warmup: self.warmup,
            limit: self.limit,
            threads: self.threads,
            snippets: !self.no_snippets,
            exact: self.exact,
        }
    }

    /// The library's options for a run over HTTP against `url`.
    pub fn http_options(&self, url: &str) -> HttpOptions {
        HttpOptions {
            url: url.into(),
            runs: self.runs,
            warmup: self.warmup,
            limit: self.limit,
            clients: self.concurrency,
            facets: !self.no_facets,
        }
    }
}
