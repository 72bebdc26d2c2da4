//! depeche: a search engine for archives of French-language news, built on tantivy.

pub mod analysis;
pub mod article;
pub mod error;
pub mod parse;

pub use article::{Article, Dateline, Entities, YearSource};
pub use error::{Error, Result};
