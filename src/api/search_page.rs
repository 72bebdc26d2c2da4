//! A search as a web page or an HTTP client gets it: the results, the query as understood when it
//! had to be repaired or corrected, and the facets of every matching article.

use crate::error::{Error, Result};
use crate::search::{
    Correction, Engine, Facets, Hit, SearchOptions, SearchResults, composed, corrected, facets,
    repairs, slips, spellings,
};
use std::collections::HashSet;

/// How many names of each kind the facets list.
const FACET_NAMES: usize = 10;

/// A search's results, with what a page shows around them.
pub struct SearchPage {
    /// The results.
    pub results: SearchResults,
    /// The query that was run instead of the one typed, when the typed one could not be parsed.
    pub understood: Option<String>,
    /// Why it had to be repaired: the slips found in it ([`crate::search::Slip::message`]).
    pub notes: Vec<String>,
    /// The query with its words spelt as the articles write them, when some were spelt
    /// otherwise.
    pub did_you_mean: Option<String>,
    /// The words also searched under another spelling: instead of the words as typed when no
    /// article holds them, below their hits when a few do.
    pub corrections: Vec<Correction>,
    /// What and when all the matching articles talk about.
    pub facets: Facets,
}

/// The search of the first repair of `options`'s query the parser accepts ([`repairs`]: its slips
/// mended, else its plain words); none when no word is left to search.
fn repaired_search(
    engine: &Engine,
    options: &SearchOptions,
) -> Result<Option<(SearchOptions, SearchResults)>> {
    for query in repairs(&options.query) {
        let repaired = SearchOptions {
            query,
            ..options.clone()
        };
        match engine.search(&repaired) {
            Ok(results) => return Ok(Some((repaired, results))),
            Err(Error::Query { .. }) => continue,
            Err(other) => return Err(other),
        }
    }
    Ok(None)
}

/// Runs `options`, with the facets when `with_facets`. Unless `exact`, a word no article holds is
/// searched as the articles spell it, and a word a few hold is searched so too, its hits below
/// theirs ([`spellings`]); the page says so (`did_you_mean`). A query the parser refuses is run
/// again as mended or as its plain words ([`repaired_search`]) and the page says so, so that no
/// typing slip ends in an error. A query with no words left (`AND`, `-grève`) stays refused:
/// there is nothing to search.
pub fn search_page(
    engine: &Engine,
    options: &SearchOptions,
    with_facets: bool,
) -> Result<SearchPage> {
    let options = &SearchOptions {
        query: composed(&options.query),
        ..options.clone()
    };
    let corrections = match options.exact {
        true => Vec::new(),
        false => spellings(engine, &options.query),
    };
    let (instead, below): (Vec<Correction>, Vec<Correction>) =
        corrections.iter().cloned().partition(|c| c.articles == 0);
    let did_you_mean = (!corrections.is_empty()).then(|| corrected(&options.query, &corrections));
    let searched = SearchOptions {
        query: match instead.is_empty() {
            true => options.query.clone(),
            false => corrected(&options.query, &instead),
        },
        ..options.clone()
    };
    let (mut results, used, understood, notes) = match engine.search(&searched) {
        Ok(results) => (results, searched, None, Vec::new()),
        Err(refused @ Error::Query { .. }) => {
            let Some((repaired, results)) = repaired_search(engine, &searched)? else {
                return Err(refused);
            };
            let understood = Some(repaired.query.clone());
            let notes = slips(&searched.query)
                .into_iter()
                .map(|s| s.message().into());
            (results, repaired, understood, notes.collect())
        }
        Err(other) => return Err(other),
    };
    if !below.is_empty() && understood.is_none() {
        results = with_spellings_below(engine, &used, results, &below)?;
    }
    results.query.clone_from(&options.query);
    Ok(SearchPage {
        facets: match with_facets {
            true => facets(engine, &used, FACET_NAMES)?,
            false => Facets::default(),
        },
        results,
        understood,
        notes,
        did_you_mean,
        corrections,
    })
}

/// The search of `typed` spelt as `below` has it, for the `wanted` first hits of a page whose
/// typed search found `found` of them: when those fill the page, only the spelling's hits with
/// every term can still rank among them, so its partial hits are neither ranked nor shown.
fn spelt_below(
    typed: &SearchOptions,
    below: &[Correction],
    wanted: usize,
    found: usize,
) -> SearchOptions {
    let page_full = found >= wanted;
    SearchOptions {
        query: corrected(&typed.query, below),
        offset: 0,
        limit: match page_full {
            true => wanted,
            false => wanted.saturating_add(found),
        },
        all_terms: typed.all_terms || page_full,
        ..typed.clone()
    }
}

/// The `results` of `typed`, topped up when they are fewer than asked or partial with the hits of
/// `typed` spelt as `below` has it: its hits with every term after those of `typed` (which have
/// the words as typed), then the partial hits of `typed`, then its own; each article once.
fn with_spellings_below(
    engine: &Engine,
    typed: &SearchOptions,
    results: SearchResults,
    below: &[Correction],
) -> Result<SearchResults> {
    if results.hits.len() >= typed.limit && results.hits.iter().all(|hit| !hit.partial) {
        return Ok(results);
    }
    let wanted = typed.offset.saturating_add(typed.limit);
    let first = match typed.offset {
        0 => results,
        _ => engine.search(&SearchOptions {
            offset: 0,
            limit: wanted,
            ..typed.clone()
        })?,
    };
    let more = engine.search(&spelt_below(typed, below, wanted, first.hits.len()))?;
    let (first_full, first_partial): (Vec<&Hit>, Vec<&Hit>) =
        first.hits.iter().partition(|hit| !hit.partial);
    let (more_full, more_partial): (Vec<&Hit>, Vec<&Hit>) =
        more.hits.iter().partition(|hit| !hit.partial);
    let mut seen = HashSet::new();
    let merged = [first_full, more_full, first_partial, more_partial]
        .into_iter()
        .flatten()
        .filter(|hit| seen.insert(hit.id.as_str()));
    let hits = merged.enumerate().skip(typed.offset).take(typed.limit);
    let hits = hits.map(|(at, hit)| Hit {
        rank: at + 1,
        ..hit.clone()
    });
    Ok(SearchResults {
        hits: hits.collect(),
        took_ms: first.took_ms + more.took_ms,
        rank_ms: first.rank_ms + more.rank_ms,
        ..first
    })
}
