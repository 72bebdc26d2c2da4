//! What an index already holds, by source file: the stamp (size, modification time, hash) of each
//! file whose articles are in it, read from fast fields.

use super::schema::{Fields, FileStamp};
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;
use std::path::Path;
use tantivy::Searcher;

/// Source path → stamp, for every file with articles in the index.
pub fn indexed_sources(
    searcher: &Searcher,
    fields: &Fields,
    index: &Path,
) -> Result<FxHashMap<String, FileStamp>> {
    let schema = searcher.schema();
    let name = |field| schema.get_field_name(field).to_string();
    let mut sources = FxHashMap::default();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let columns = (
            fast.str(&name(fields.source)),
            fast.u64(&name(fields.size)),
            fast.u64(&name(fields.modified)),
            fast.u64(&name(fields.hash)),
        );
        let (Ok(Some(source)), Ok(size), Ok(modified), Ok(hash)) = columns else {
            return Err(Error::rebuild(index, "the index lacks source stamps"));
        };
        let mut path = String::new();
        for doc in segment.doc_ids_alive() {
            let Some(ord) = source.ords().first(doc) else {
                continue;
            };
            if !source.ord_to_str(ord, &mut path).unwrap_or(false) || sources.contains_key(&path) {
                continue;
            }
            let stamp = FileStamp {
                size: size.first(doc).unwrap_or_default(),
                modified: modified.first(doc).unwrap_or_default(),
                hash: hash.first(doc).unwrap_or_default(),
            };
            sources.insert(path.clone(), stamp);
        }
    }
    Ok(sources)
}
