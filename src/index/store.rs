//! Opening and creating index folders, with the French analyzer registered every time.

use super::schema::Fields;
use crate::analysis;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexSettings};

/// Doc-store block size: small blocks, so that showing a hit decompresses little besides that hit
/// (tantivy's default is 16 KiB; news articles average 2.5 KB).
const DOCSTORE_BLOCK_BYTES: usize = 4096;

/// An open index and its fields.
pub struct OpenIndex {
    /// The tantivy index, analyzer registered.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
}

/// Opens the depeche index at `path`.
pub fn open(path: &Path) -> Result<OpenIndex> {
    if !path.join("meta.json").is_file() {
        return Err(Error::NoIndex {
            path: path.to_path_buf(),
        });
    }
    let index = Index::open_in_dir(path).map_err(|e| Error::rebuild(path, e))?;
    ready(index, path)
}

/// Opens the index at `path`, or creates it (and the folder) when there is none. With `fresh`, an
/// index built by another version of depeche is replaced by a new, empty one.
pub fn open_or_create(path: &Path, fresh: bool) -> Result<OpenIndex> {
    if path.join("meta.json").is_file() {
        match open(path) {
            Err(Error::Index { .. } | Error::Rebuild { .. }) if fresh => clear(path)?,
            opened => return opened,
        }
    }
    if path.is_dir()
        && std::fs::read_dir(path)
            .map_err(|e| Error::index(path, e))?
            .next()
            .is_some()
    {
        return Err(Error::index(
            path,
            "folder is not empty and holds no index; name an empty or new folder",
        ));
    }
    std::fs::create_dir_all(path).map_err(|e| Error::index(path, e))?;
    let (schema, _) = Fields::build();
    let directory = MmapDirectory::open(path).map_err(|e| Error::index(path, e))?;
    let settings = IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    };
    let index = Index::create(directory, schema, settings).map_err(|e| Error::index(path, e))?;
    ready(index, path)
}

/// How an index was built, remembered in the payload of each of its commits so that a later run
/// goes on the same way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildSettings {
    /// Whether the articles' people, places and organisations were extracted.
    pub entities: bool,
    /// The [`analysis::ANALYSIS_VERSION`] of its terms (0 before depeche recorded one).
    #[serde(default)]
    pub analysis: u32,
}

impl BuildSettings {
    /// The settings recorded by the last commit of the index at `path`; none for a new index or
    /// one committed by an older depeche.
    pub fn recorded(index: &Index, path: &Path) -> Result<Option<BuildSettings>> {
        let metas = index.load_metas().map_err(|e| Error::index(path, e))?;
        Ok(metas
            .payload
            .and_then(|payload| serde_json::from_str(&payload).ok()))
    }

    /// The settings as a commit payload (JSON; empty, read back as none, if it could not be
    /// written).
    pub fn payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// How many articles the index at `path` holds, as committed.
pub fn count(index: &Index, path: &Path) -> Result<u64> {
    let reader = index.reader().map_err(|e| Error::index(path, e))?;
    Ok(reader.searcher().num_docs())
}

/// Empties an index folder (one that holds a `meta.json`) before it is rebuilt.
fn clear(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path).map_err(|e| Error::index(path, e))?;
    std::fs::create_dir_all(path).map_err(|e| Error::index(path, e))
}

fn ready(index: Index, path: &Path) -> Result<OpenIndex> {
    analysis::register(&index);
    let fields = Fields::of(&index.schema()).map_err(|reason| {
        Error::rebuild(
            path,
            format!("built by another version of depeche ({reason})"),
        )
    })?;
    Ok(OpenIndex { index, fields })
}
