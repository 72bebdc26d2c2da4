//! depeche: a search engine for archives of French-language news, built on tantivy.

pub mod analysis;
pub mod article;
pub mod error;
pub mod parse;

pub use article::{Article, Dateline, Entities, YearSource};
pub use error::{Error, Result};
pub mod indexer;
pub mod schema;
pub mod store;

pub use indexer::{IndexOptions, IndexSummary, build_index};
pub mod query;
pub mod search;
pub mod snippet;

pub use search::{Engine, Hit, SearchOptions, SearchResults, Sort};
