//! depeche: a search engine for archives of French-language news, built on tantivy.

pub mod analysis;
pub mod article;
pub mod bench;
pub mod entities;
pub mod entity_collector;
pub mod entity_counts;
pub mod error;
pub mod indexer;
pub mod parse;
pub mod query;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod sources;
pub mod store;
pub mod synth;
pub mod walk;

pub use article::{Article, Dateline, Entities, EntityKind, YearSource};
pub use entity_counts::{EntityCount, EntityOptions};
pub use error::{Error, Result};
pub use indexer::{IndexOptions, IndexSummary, build_index};
pub use search::{Engine, Hit, SearchOptions, SearchResults, Sort};
