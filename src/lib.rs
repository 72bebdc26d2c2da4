//! depeche: a search engine for archives of French-language news, built on tantivy.

pub mod analysis;
pub mod error;

pub use error::{Error, Result};
