//! Opening and creating index folders, with the French analyzer registered every time.

use crate::analysis;
use crate::error::{Error, Result};
use crate::schema::Fields;
use std::path::Path;
use tantivy::Index;
use tantivy::directory::MmapDirectory;

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
    let index = Index::open_in_dir(path).map_err(|e| Error::index(path, e))?;
    ready(index, path)
}

/// Opens the index at `path`, or creates it (and the folder) when there is none.
pub fn open_or_create(path: &Path) -> Result<OpenIndex> {
    if path.join("meta.json").is_file() {
        return open(path);
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
    let index =
        Index::create(directory, schema, Default::default()).map_err(|e| Error::index(path, e))?;
    ready(index, path)
}

fn ready(index: Index, path: &Path) -> Result<OpenIndex> {
    analysis::register(&index);
    let fields = Fields::of(&index.schema()).map_err(|reason| {
        Error::index(path, format!("not a depeche index ({reason}); rebuild it"))
    })?;
    Ok(OpenIndex { index, fields })
}
