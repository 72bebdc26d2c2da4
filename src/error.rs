//! The library's one error type: every variant names the file, the index or the query at fault.

use std::path::PathBuf;

/// What can go wrong in depeche, with the path or query it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: cannot read: {cause}")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// A file was read but is not a usable article.
    #[error("{path}: {reason}")]
    BadArticle { path: PathBuf, reason: String },
    /// The index folder could not be created, opened or written.
    #[error("index {path}: {reason}")]
    Index { path: PathBuf, reason: String },
    /// There is no index at the given path.
    #[error("index {path}: no index here; build one with `depeche index CORPUS --index {path}`")]
    NoIndex { path: PathBuf },
    /// The corpus folder is missing or unreadable.
    #[error("corpus {path}: {reason}")]
    Corpus { path: PathBuf, reason: String },
    /// A query could not be parsed.
    #[error("query {query:?}: {reason}")]
    Query { query: String, reason: String },
    /// A date given on the command line is not a date.
    #[error("date {text:?}: expected YYYY-MM-DD")]
    Date { text: String },
    /// `--strict` indexing left files or lines out (everything else is indexed).
    #[error("--strict: {count} file(s) or line(s) skipped; everything else is indexed")]
    Skipped { count: usize },
    /// Tantivy failed while searching.
    #[error(
        "index {path}: built without entities; `depeche index CORPUS --index {path} --entities` extracts them"
    )]
    NoEntities { path: PathBuf },

    #[error("search {query:?}: {cause}")]
    Search {
        query: String,
        cause: tantivy::TantivyError,
    },
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps a tantivy error raised while working on the index at `path`.
    pub fn index(path: &std::path::Path, err: impl std::fmt::Display) -> Self {
        Error::Index {
            path: path.to_path_buf(),
            reason: err.to_string(),
        }
    }
}
