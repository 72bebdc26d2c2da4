//! Searching an index: the engine (BM25 over weighted fields, partial fill-up, dates and sorts),
//! query rewriting and forgiving spellings, snippets, and counting the entities of the matching
//! articles.

mod article;
mod as_searched;
mod contradiction;
mod correct;
mod engine;
mod entity_collector;
mod entity_counts;
mod facets;
mod one_pass;
mod query;
mod repair;
mod snippet;
mod stats;
mod whole_name;
mod word_terms;

#[cfg(test)]
mod tests;

pub use article::{ArticleView, read_article};
pub use correct::{Correction, corrected, spellings};
pub use engine::{Engine, Hit, SearchOptions, SearchResults, Sort};
pub use entity_counts::{EntityCount, EntityOptions, top_entities};
pub use facets::{FacetCount, Facets, facets};
pub use query::composed;
pub use repair::{Slip, mended, plain_words, repairs, slips};
pub use snippet::Snippet;
pub use stats::{IndexStats, stats};
