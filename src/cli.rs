//! Command-line flags (clap), turned once into the library's plain options.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use depeche::{IndexOptions, SearchOptions, Sort};
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
    /// Build the index of a folder of articles (.txt, .md, .html, .json, .jsonl).
    Index {
        /// The folder to index, walked recursively.
        #[arg(default_value = "corpus")]
        corpus: PathBuf,
        /// The index folder.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Indexing threads (0: one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Index writer memory, in MB.
        #[arg(long, default_value_t = 400)]
        memory_mb: usize,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search the index.
    Search {
        /// The query: words (all required), "phrases", -exclusions, OR, field:word.
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// The index folder.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// How many hits to show.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// How many hits to skip.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Order of the hits.
        #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
        sort: SortArg,
        /// Only articles dated on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only articles dated on or before this day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Show only articles with every term (no partial matches).
        #[arg(long)]
        all_terms: bool,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
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

/// `depeche index` flags as library options.
pub fn index_options(
    corpus: PathBuf,
    index: PathBuf,
    threads: usize,
    memory_mb: usize,
) -> IndexOptions {
    IndexOptions {
        corpus,
        index,
        threads,
        memory_mb,
    }
}

/// The flags of `depeche search` that shape the search itself.
pub struct SearchFlags {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortArg,
    pub from: Option<String>,
    pub to: Option<String>,
    pub all_terms: bool,
}

impl SearchFlags {
    /// The library's search options; dates must be `YYYY-MM-DD`.
    pub fn into_options(self) -> Result<SearchOptions> {
        Ok(SearchOptions {
            query: self.query,
            limit: self.limit,
            offset: self.offset,
            sort: self.sort.into(),
            from: parse_day(self.from.as_deref()).context("--from")?,
            to: parse_day(self.to.as_deref()).context("--to")?,
            all_terms: self.all_terms,
            ..SearchOptions::default()
        })
    }
}

fn parse_day(text: Option<&str>) -> Result<Option<chrono::NaiveDate>, depeche::Error> {
    text.map(|t| {
        chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| depeche::Error::Date {
            text: t.to_string(),
        })
    })
    .transpose()
}
