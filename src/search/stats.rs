//! What an open index holds: its articles, its size on disk, when it was last committed, and
//! whether entities were extracted.

use super::engine::Engine;
use chrono::{DateTime, Utc};

/// An index's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexStats {
    /// Articles searchable now.
    pub articles: u64,
    /// Bytes of the index's files.
    pub index_bytes: u64,
    /// When the index was last committed (its `meta.json` written), if known.
    pub last_commit: Option<DateTime<Utc>>,
    /// Whether the articles' entities were extracted.
    pub entities: bool,
}

/// The figures of the index `engine` searches, as of its current snapshot.
pub fn stats(engine: &Engine) -> IndexStats {
    let files = std::fs::read_dir(engine.path())
        .into_iter()
        .flatten()
        .flatten();
    let index_bytes = files
        .filter_map(|entry| entry.metadata().ok())
        .filter(|metadata| metadata.is_file())
        .map(|metadata| metadata.len())
        .sum();
    let meta = std::fs::metadata(engine.path().join("meta.json"));
    IndexStats {
        articles: engine.searcher().num_docs(),
        index_bytes,
        last_commit: meta.and_then(|m| m.modified()).ok().map(DateTime::from),
        entities: engine.has_entities(),
    }
}
