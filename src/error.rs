//! The library's one error type: every variant names the file, the index or the query at fault,
//! and has a kind that a front end maps to its own answer (an exit status, an HTTP status).

use std::path::{Path, PathBuf};

/// What kind of failure an error is, for a front end to answer it in its own terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request or the input is wrong: a bad query, date or file, a missing corpus.
    BadInput,
    /// What was asked for does not exist: no index at the path, no such file.
    NotFound,
    /// The index cannot be opened, written or used as it is.
    Index,
    /// Something failed inside depeche or tantivy.
    Internal,
}

/// What can go wrong in depeche, with the path or query it concerns. Messages say what is wrong,
/// not which command mends it: front ends add their own hints.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An export could not be written, or was asked for under a name the engines refuse.
    #[error("export {path}: {reason}")]
    Export {
        /// The export folder, or the file being written.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
    /// A file could not be read.
    #[error("{path}: cannot read: {cause}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        cause: std::io::Error,
    },
    /// A file was read but is not a usable article.
    #[error("{path}: {reason}")]
    BadArticle {
        /// The file, or `file:line` for a JSON line.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A query file holds no query.
    #[error("{path}: no queries")]
    NoQueries {
        /// The query file.
        path: PathBuf,
    },
    /// The index folder could not be created, opened or written.
    #[error("index {path}: {reason}")]
    Index {
        /// The index folder.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
    /// Another process holds the index's writer lock.
    #[error("index {path}: another process is writing to this index")]
    Locked {
        /// The index folder.
        path: PathBuf,
    },
    /// The index must be rebuilt from scratch: another version of depeche made it, or it lacks
    /// what this one needs.
    #[error("index {path}: {reason}")]
    Rebuild {
        /// The index folder.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// There is no index at the given path.
    #[error("index {path}: no index here")]
    NoIndex {
        /// The folder that holds no index.
        path: PathBuf,
    },
    /// Counting or filtering by entity on an index built without them.
    #[error("index {path}: built without entities")]
    NoEntities {
        /// The index folder.
        path: PathBuf,
    },
    /// The corpus folder is missing or unreadable.
    #[error("corpus {path}: {reason}")]
    Corpus {
        /// The corpus folder.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A query could not be parsed.
    #[error("query {query:?}: {reason}")]
    Query {
        /// The query as given.
        query: String,
        /// The parser's reason.
        reason: String,
    },
    /// A date parameter is not a date.
    #[error("date {text:?}: expected YYYY-MM-DD")]
    Date {
        /// The parameter (`from`, `to`).
        param: &'static str,
        /// The text given for it.
        text: String,
    },
    /// Files or lines were left out of an index that had to take them all (everything else is
    /// indexed).
    #[error("{count} file(s) or line(s) skipped; everything else is indexed")]
    Skipped {
        /// How many files or lines.
        count: usize,
    },
    /// The server could not start or stopped on an error.
    #[error("serve {addr}: {reason}")]
    Serve {
        /// The address asked for.
        addr: String,
        /// What failed.
        reason: String,
    },
    /// A server asked over HTTP (`depeche bench --url`) could not be reached or did not answer a
    /// search.
    #[error("{url}: {reason}")]
    Http {
        /// The URL asked.
        url: String,
        /// What failed: the connection, or the status and the server's message.
        reason: String,
    },
    /// Tantivy failed while searching.
    #[error("search {query:?}: {cause}")]
    Search {
        /// The query as given.
        query: String,
        /// Tantivy's error.
        cause: tantivy::TantivyError,
    },
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps a tantivy error raised while working on the index at `path`.
    pub fn index(path: &Path, err: impl std::fmt::Display) -> Self {
        Error::Index {
            path: path.to_path_buf(),
            reason: err.to_string(),
        }
    }

    /// An index at `path` that must be rebuilt, and why.
    pub fn rebuild(path: &Path, reason: impl std::fmt::Display) -> Self {
        Error::Rebuild {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Read { cause, .. } if cause.kind() == std::io::ErrorKind::NotFound => {
                ErrorKind::NotFound
            }
            Error::NoIndex { .. } => ErrorKind::NotFound,
            Error::Read { .. }
            | Error::BadArticle { .. }
            | Error::NoQueries { .. }
            | Error::NoEntities { .. }
            | Error::Corpus { .. }
            | Error::Query { .. }
            | Error::Date { .. }
            | Error::Skipped { .. }
            | Error::Serve { .. }
            | Error::Http { .. }
            | Error::Export { .. } => ErrorKind::BadInput,
            Error::Index { .. } | Error::Locked { .. } | Error::Rebuild { .. } => ErrorKind::Index,
            Error::Search { .. } => ErrorKind::Internal,
        }
    }

    /// The file at fault, for errors about one article file.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Error::Read { path, .. } | Error::BadArticle { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The message without the file it names, for errors about one article file (`cannot read:
    /// …`, `not valid JSON…`); the whole message for the others.
    pub fn reason(&self) -> String {
        match self {
            Error::Read { cause, .. } => format!("cannot read: {cause}"),
            Error::BadArticle { reason, .. } => reason.clone(),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_messages() {
        let io = |kind| std::io::Error::new(kind, "why");
        let path = PathBuf::from("a/b.txt");
        let cases = [
            (
                Error::Read {
                    path: path.clone(),
                    cause: io(std::io::ErrorKind::NotFound),
                },
                ErrorKind::NotFound,
                "a/b.txt: cannot read: why",
            ),
            (
                Error::Read {
                    path: path.clone(),
                    cause: io(std::io::ErrorKind::PermissionDenied),
                },
                ErrorKind::BadInput,
                "a/b.txt: cannot read: why",
            ),
            (
                Error::NoIndex { path: "idx".into() },
                ErrorKind::NotFound,
                "index idx: no index here",
            ),
            (
                Error::rebuild(Path::new("idx"), "too old"),
                ErrorKind::Index,
                "index idx: too old",
            ),
            (
                Error::Date {
                    param: "from",
                    text: "2024-13-01".into(),
                },
                ErrorKind::BadInput,
                "date \"2024-13-01\": expected YYYY-MM-DD",
            ),
            (
                Error::Http {
                    url: "http://127.0.0.1:9/api/search?q=a".into(),
                    reason: "connection refused".into(),
                },
                ErrorKind::BadInput,
                "http://127.0.0.1:9/api/search?q=a: connection refused",
            ),
        ];
        for (error, kind, message) in cases {
            assert_eq!((error.kind(), error.to_string()), (kind, message.into()));
        }
    }

    #[test]
    fn the_reason_of_a_file_error_leaves_the_file_out() {
        let bad = Error::BadArticle {
            path: "a.json".into(),
            reason: "not JSON".into(),
        };
        assert_eq!(bad.file(), Some(Path::new("a.json")));
        assert_eq!(bad.reason(), "not JSON");
        let skipped = Error::Skipped { count: 2 };
        assert_eq!(skipped.file(), None);
        assert_eq!(
            skipped.reason(),
            "2 file(s) or line(s) skipped; everything else is indexed"
        );
    }
}
