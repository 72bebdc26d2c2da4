//! The query of a search as the search ran it, for the views that follow from it (an article's
//! highlights, the entities of the matching articles): its accents composed, its words spelt as
//! the articles write them when none writes them as typed, and its syntax repaired when the parser
//! refuses it.

use super::correct::{corrected, spellings};
use super::engine::{Engine, SearchOptions};
use super::query::composed;
use super::repair::repairs;
use crate::error::{Error, Result};
use tantivy::query::Query;

/// `query` parsed as its search ran it: every term required, words no article holds replaced by
/// the spelling the articles use (`Melanchon` → `mélenchon`), and, when the parser refuses it, as
/// mended or as its plain words. The parser's refusal stands when no repair reads.
pub fn parse_as_searched(engine: &Engine, query: &str) -> Result<Box<dyn Query>> {
    let query = &composed(query);
    let instead: Vec<_> = spellings(engine, query)
        .into_iter()
        .filter(|correction| correction.articles == 0)
        .collect();
    let query = match instead.is_empty() {
        true => query.to_string(),
        false => corrected(query, &instead),
    };
    let refused = match parse(engine, &query) {
        Err(refused @ Error::Query { .. }) => refused,
        parsed => return parsed,
    };
    for repaired in repairs(&query) {
        match parse(engine, &repaired) {
            Err(Error::Query { .. }) => continue,
            parsed => return parsed,
        }
    }
    Err(refused)
}

/// `query` parsed with every term required.
fn parse(engine: &Engine, query: &str) -> Result<Box<dyn Query>> {
    let options = SearchOptions {
        query: query.to_string(),
        ..SearchOptions::default()
    };
    engine.parse(&options, &engine.rewrite(query), true)
}
