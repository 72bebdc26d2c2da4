//! Searching an index: the engine (BM25 over weighted fields, partial fill-up, dates and sorts),
//! query rewriting, snippets, and counting the entities of the matching articles.

mod engine;
mod entity_collector;
mod entity_counts;
mod query;
mod snippet;

#[cfg(test)]
mod tests;

pub use engine::{Engine, Hit, SearchOptions, SearchResults, Sort};
pub use entity_counts::{EntityCount, EntityOptions, top_entities};
pub use snippet::Snippet;
