//! depeche: a search engine for archives of French-language news, built on tantivy.
//!
//! An article flows through the folders in this order: `parse` (file → [`Article`]), `analysis`
//! (French text → terms), `entities` (article → people, places, organisations), `index` (articles
//! → tantivy index), `search` (query → ranked hits with snippets), `bench` (latency), and `api`
//! (the requests and JSON answers every front end shares); `export` writes the parsed articles
//! for OpenSearch or Elasticsearch.

pub mod analysis;
pub mod api;
mod article;
pub mod bench;
pub mod entities;
mod error;
pub mod export;
pub mod index;
pub mod parse;
pub mod search;
pub mod serve;

pub use article::{Article, Dateline, Entities, EntityKind, YearSource};
pub use error::{Error, ErrorKind, Result};
pub use index::{IndexOptions, IndexSummary, build_index};
pub use search::{Engine, EntityCount, EntityOptions, Hit, SearchOptions, SearchResults, Sort};
