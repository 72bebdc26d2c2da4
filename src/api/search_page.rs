//! A search as a web page or an HTTP client gets it: the results, the query as understood when it
//! had to be repaired or corrected, and the facets of every matching article.

use crate::error::{Error, Result};
use crate::search::{
    Correction, Engine, Facets, SearchOptions, SearchResults, Spellings, corrected, facets, mended,
    plain_words, slips, spellings,
};

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
    /// otherwise: the query searched, or only suggested for words a few articles hold as typed.
    pub did_you_mean: Option<String>,
    /// The words searched under another spelling: words no article holds, corrected.
    pub corrections: Vec<Correction>,
    /// What and when all the matching articles talk about.
    pub facets: Facets,
}

/// The search of the first repair of `options`'s query the parser accepts: its slips mended
/// ([`mended`]), else its plain words ([`plain_words`]); none when no word is left to search.
fn repaired_search(
    engine: &Engine,
    options: &SearchOptions,
) -> Result<Option<(SearchOptions, SearchResults)>> {
    for repair in [mended, plain_words] {
        let query = repair(&options.query);
        if query.is_empty() || query == options.query {
            continue;
        }
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
/// searched as the articles spell it ([`spellings`]) and the page says so (`did_you_mean`), which
/// also suggests the spelling far more articles use for a word a few hold. A
/// query the parser refuses is run again as mended or as its plain words ([`repaired_search`])
/// and the page says so, so that no typing slip ends in an error. A query with no words left
/// (`AND`, `-grève`) stays refused: there is nothing to search.
pub fn search_page(
    engine: &Engine,
    options: &SearchOptions,
    with_facets: bool,
) -> Result<SearchPage> {
    let Spellings {
        searched: corrections,
        suggested,
    } = match options.exact {
        true => Spellings::default(),
        false => spellings(engine, &options.query),
    };
    let every: Vec<Correction> = corrections.iter().chain(&suggested).cloned().collect();
    let did_you_mean = (!every.is_empty()).then(|| corrected(&options.query, &every));
    let searched = SearchOptions {
        query: match corrections.is_empty() {
            true => options.query.clone(),
            false => corrected(&options.query, &corrections),
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
