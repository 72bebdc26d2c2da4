//! `_bulk` bodies: numbered NDJSON files of an action line and a document per article, at most a
//! batch of articles each, every line (the last included) ending with a newline.

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::schema::{article_id, id_text};
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// An exported article: its stable id, then the article as `depeche extract --json` prints it.
#[derive(Serialize)]
struct Document<'a> {
    id: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

/// The `_bulk` action that indexes (creates or replaces) the document `id` of index `index`.
#[derive(Serialize)]
struct Action<'a> {
    index: Target<'a>,
}

#[derive(Serialize)]
struct Target<'a> {
    #[serde(rename = "_index")]
    index: &'a str,
    #[serde(rename = "_id")]
    id: &'a str,
}

/// The stable id of an exported article, as depeche's API gives it: 16 hexadecimal digits of
/// the hash of its source label (`path`, or `path:line`).
pub fn document_id(article: &Article) -> String {
    id_text(article_id(&article.path))
}

/// Writes the bulk files of one export into a folder.
pub struct BulkFiles {
    folder: PathBuf,
    index: String,
    batch: usize,
    /// The file being written (the one after `written`), if one is open.
    current: Option<BufWriter<File>>,
    in_current: usize,
    /// The files written so far, in order.
    pub written: Vec<PathBuf>,
    /// Bytes written so far.
    pub bytes: u64,
}

impl BulkFiles {
    /// Bulk files for index `index` in `folder`, at most `batch` articles each; the bulk files of
    /// an earlier export there are removed first, so that none is left over.
    pub fn create(folder: &Path, index: &str, batch: usize) -> Result<BulkFiles> {
        remove_earlier(folder)?;
        Ok(BulkFiles {
            folder: folder.to_path_buf(),
            index: index.to_string(),
            batch: batch.max(1),
            current: None,
            in_current: 0,
            written: Vec::new(),
            bytes: 0,
        })
    }

    /// Appends an article's action and document, starting a new file when the current one holds
    /// a batch.
    pub fn push(&mut self, article: &Article) -> Result<()> {
        if self.in_current == self.batch {
            self.close_current()?;
        }
        let id = document_id(article);
        let mut lines = serde_json::to_vec(&Action {
            index: Target {
                index: &self.index,
                id: &id,
            },
        })
        .map_err(|e| self.error(e))?;
        lines.push(b'\n');
        serde_json::to_writer(&mut lines, &Document { id: &id, article })
            .map_err(|e| self.error(e))?;
        lines.push(b'\n');
        if self.current.is_none() {
            let path = self.current_path();
            let file = File::create(&path).map_err(|e| write_error(&path, e))?;
            self.current = Some(BufWriter::with_capacity(1 << 20, file));
        }
        let written = match &mut self.current {
            Some(out) => out.write_all(&lines),
            None => Ok(()),
        };
        written.map_err(|e| write_error(&self.current_path(), e))?;
        self.bytes += lines.len() as u64;
        self.in_current += 1;
        Ok(())
    }

    /// Closes the last file.
    pub fn finish(mut self) -> Result<Vec<PathBuf>> {
        self.close_current()?;
        Ok(self.written)
    }

    /// The path of the file being written: the one after those written.
    fn current_path(&self) -> PathBuf {
        let number = self.written.len() + 1;
        self.folder.join(format!("bulk-{number:05}.ndjson"))
    }

    fn close_current(&mut self) -> Result<()> {
        if let Some(mut out) = self.current.take() {
            let path = self.current_path();
            out.flush().map_err(|e| write_error(&path, e))?;
            self.written.push(path);
        }
        self.in_current = 0;
        Ok(())
    }

    fn error(&self, error: impl std::fmt::Display) -> Error {
        Error::Export {
            path: self.folder.clone(),
            reason: error.to_string(),
        }
    }
}

/// Removes the `bulk-NNNNN.ndjson` files of an earlier export from `folder`.
fn remove_earlier(folder: &Path) -> Result<()> {
    let listing = std::fs::read_dir(folder).map_err(|e| write_error(folder, e))?;
    for entry in listing.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".ndjson") {
            std::fs::remove_file(entry.path()).map_err(|e| write_error(&entry.path(), e))?;
        }
    }
    Ok(())
}

/// An error writing `path`.
pub fn write_error(path: &Path, error: std::io::Error) -> Error {
    Error::Export {
        path: path.to_path_buf(),
        reason: format!("cannot write: {error}"),
    }
}
