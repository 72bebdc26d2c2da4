//! Walking a corpus folder: the article files it holds, with size and modification time, and the
//! entries that could not be read.

use crate::error::{Error, Result};
use crate::parse::{Format, Source};
use std::collections::HashSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use walkdir::WalkDir;

/// An article file found in the corpus.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Its path, as walked.
    pub path: PathBuf,
    /// Its format, by extension.
    pub format: Format,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 if unknown).
    pub modified: u64,
}

impl Candidate {
    /// Whether the file is larger than `max_file_mb` megabytes, and so skipped.
    pub fn is_too_large(&self, max_file_mb: u64) -> bool {
        self.size > max_file_mb << 20
    }

    /// The file's bytes, or why it is skipped: larger than `max_file_mb` megabytes, or unreadable.
    pub fn read_within(&self, max_file_mb: u64) -> std::result::Result<Vec<u8>, String> {
        if self.is_too_large(max_file_mb) {
            return Err(format!("larger than {max_file_mb} MB (--max-file-mb)"));
        }
        std::fs::read(&self.path).map_err(|error| format!("cannot read: {error}"))
    }

    /// The file as the parser sees it: its path and the day it was last modified.
    pub fn source(&self) -> Source<'_> {
        let modified = chrono::DateTime::from_timestamp_nanos(self.modified as i64).date_naive();
        Source {
            path: &self.path,
            modified: (self.modified > 0).then_some(modified),
        }
    }
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Article files, in path order.
    pub candidates: Vec<Candidate>,
    /// Files seen, articles or not.
    pub files_seen: usize,
    /// Files of other formats, hidden ones and READMEs.
    pub not_articles: usize,
    /// Entries that could not be read (permissions, broken links, link loops), with the reason.
    /// Files under them keep whatever the index already holds of them.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// One entry of a corpus folder.
pub enum Entry {
    /// An article file.
    Article(Candidate),
    /// A file of another format (images, PDFs), or a README.
    Other,
    /// An entry that could not be read (permissions, broken links, link loops), and why.
    Unreadable(PathBuf, String),
}

/// Walks `corpus` recursively, following links (loops are reported, not followed, and a file
/// reached again through a link is not read twice), skipping hidden files and folders.
pub fn walk(corpus: &Path) -> Result<Walk> {
    let mut found = Walk::default();
    for entry in entries(corpus)? {
        match entry {
            Entry::Article(candidate) => {
                found.files_seen += 1;
                found.candidates.push(candidate);
            }
            Entry::Other => {
                found.files_seen += 1;
                found.not_articles += 1;
            }
            Entry::Unreadable(path, reason) => found.unreadable.push((path, reason)),
        }
    }
    Ok(found)
}

/// The files of `corpus`, one at a time in path order, as [`walk`] finds them: for a run that
/// keeps no list of the whole corpus.
pub fn entries(corpus: &Path) -> Result<impl Iterator<Item = Entry>> {
    if !corpus.is_dir() {
        return Err(Error::Corpus {
            path: corpus.to_path_buf(),
            reason: "not a folder".into(),
        });
    }
    let root = corpus.to_path_buf();
    let mut read = HashSet::new();
    let entries = WalkDir::new(corpus)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    Ok(entries.filter_map(move |entry| match entry {
        Ok(entry) if entry.file_type().is_file() => Some(file_entry(entry, &mut read)),
        Ok(_) => None,
        Err(error) => {
            let path = error.path().unwrap_or(&root).to_path_buf();
            let reason = reason_of(&error, &path);
            Some(Entry::Unreadable(path, reason))
        }
    }))
}

/// What tells a file from the others wherever it is reached from (a link to a file or to a folder
/// reaches it again): its device and inode; for a file whose metadata cannot be read, its path.
#[cfg(unix)]
fn file_identity(path: &Path, metadata: Option<&std::fs::Metadata>) -> FileIdentity {
    use std::os::unix::fs::MetadataExt;
    match metadata {
        Some(metadata) => (metadata.dev(), metadata.ino(), None),
        None => (0, 0, Some(path.to_path_buf())),
    }
}

/// What tells a file from the others: its path (a file reached through links is read again where
/// inodes are not at hand).
#[cfg(not(unix))]
fn file_identity(path: &Path, _: Option<&std::fs::Metadata>) -> FileIdentity {
    (0, 0, Some(path.to_path_buf()))
}

/// A file's device and inode, or its path (see `file_identity`).
type FileIdentity = (u64, u64, Option<PathBuf>);

/// What a file found by the walk is; a file in `read` already (reached again through a link) is
/// none to read.
fn file_entry(entry: walkdir::DirEntry, read: &mut HashSet<FileIdentity>) -> Entry {
    let Some(format) = Format::of(entry.path()).filter(|_| !is_readme(entry.path())) else {
        return Entry::Other;
    };
    let metadata = entry.metadata().ok();
    if !read.insert(file_identity(entry.path(), metadata.as_ref())) {
        return Entry::Other;
    }
    let size = metadata.as_ref().map_or(0, |m| m.len());
    let modified = metadata
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    Entry::Article(Candidate {
        path: entry.into_path(),
        format,
        size,
        modified,
    })
}

/// Why the walk could not go into or read `path`: a link loop, a broken link, a folder that cannot
/// be listed or an entry that cannot be read.
fn reason_of(error: &walkdir::Error, path: &Path) -> String {
    if let Some(ancestor) = error.loop_ancestor() {
        return format!("symlink loop: points back to {}", ancestor.display());
    }
    let cause = error
        .io_error()
        .map_or_else(|| error.to_string(), |e| e.to_string());
    let missing = matches!(std::fs::metadata(path), Err(e) if e.kind() == ErrorKind::NotFound);
    match std::fs::read_link(path) {
        Ok(target) if missing => format!("broken symlink: {} does not exist", target.display()),
        _ if path.is_dir() => format!("cannot list folder: {cause}"),
        _ => format!("cannot read: {cause}"),
    }
}

/// A corpus's own README describes the corpus; it is not an article.
fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}
