//! `depeche index`: walks a corpus folder, parses articles on all cores and (re)builds the index.

use crate::error::{Error, Result};
use crate::parse::{Format, parse_file};
use crate::store;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use walkdir::WalkDir;

/// What `depeche index` is asked to do.
#[derive(Clone, Debug)]
pub struct IndexOptions {
    /// The folder of articles to index, walked recursively.
    pub corpus: PathBuf,
    /// The index folder, created if missing.
    pub index: PathBuf,
    /// Indexing threads; 0 means one per core.
    pub threads: usize,
    /// Memory for the index writer, in megabytes, shared by its threads.
    pub memory_mb: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            corpus: PathBuf::from("corpus"),
            index: PathBuf::from("index"),
            threads: 0,
            memory_mb: 400,
        }
    }
}

/// A file, or part of one, left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file (or `file:line`).
    pub path: String,
    /// Why it was left out.
    pub reason: String,
}

/// What an indexing run did.
#[derive(Clone, Debug, Default)]
pub struct IndexSummary {
    /// Files found under the corpus folder.
    pub files_seen: usize,
    /// Files of a format depeche does not read (images, PDFs, READMEs…).
    pub not_articles: usize,
    /// Articles now in the index.
    pub articles: usize,
    /// Bytes of article files read.
    pub bytes: u64,
    /// Files or lines left out, with reasons, in path order.
    pub skipped: Vec<Skipped>,
    /// Wall time of the whole run.
    pub elapsed: Duration,
}

impl IndexSummary {
    /// Throughput in megabytes (10^6 bytes) of article files per second.
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Receives progress, in bytes of article files, while an index is built.
pub trait Progress: Sync {
    /// Called once, with the total bytes to read.
    fn start(&self, total_bytes: u64);
    /// Called after each file, with its size.
    fn advance(&self, bytes: u64);
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn advance(&self, _: u64) {}
}

/// An article file to index.
struct Candidate {
    path: PathBuf,
    format: Format,
    size: u64,
}

/// Builds (or rebuilds) the index of `options.corpus`: every article ends up in it exactly once.
pub fn build_index(options: &IndexOptions, progress: &dyn Progress) -> Result<IndexSummary> {
    let started = Instant::now();
    let mut summary = IndexSummary::default();
    let candidates = walk(&options.corpus, &mut summary)?;
    let total: u64 = candidates.iter().map(|c| c.size).sum();
    progress.start(total);

    let opened = store::open_or_create(&options.index)?;
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let mut writer = opened
        .index
        .writer_with_num_threads::<tantivy::TantivyDocument>(
            threads,
            options.memory_mb.max(15 * threads) << 20,
        )
        .map_err(|e| Error::index(&options.index, e))?;
    writer
        .delete_all_documents()
        .map_err(|e| Error::index(&options.index, e))?;

    let articles = AtomicUsize::new(0);
    let bytes = AtomicU64::new(0);
    let skipped = Mutex::new(std::mem::take(&mut summary.skipped));
    let failure: Mutex<Option<Error>> = Mutex::new(None);
    candidates.par_iter().for_each(|candidate| {
        let skip = |path: String, reason: String| lock(&skipped).push(Skipped { path, reason });
        match parse_file(&candidate.path, candidate.format) {
            Ok(parsed) => {
                for article in &parsed.articles {
                    if let Err(e) = writer.add_document(opened.fields.document(article)) {
                        lock(&failure).get_or_insert(Error::index(&options.index, e));
                        return;
                    }
                }
                articles.fetch_add(parsed.articles.len(), Ordering::Relaxed);
                bytes.fetch_add(candidate.size, Ordering::Relaxed);
                for problem in parsed.problems {
                    let (path, reason) = split_problem(problem);
                    skip(path, reason);
                }
            }
            Err(error) => {
                let (path, reason) = split_problem(error);
                skip(path, reason);
            }
        }
        progress.advance(candidate.size);
    });
    if let Some(error) = lock(&failure).take() {
        return Err(error);
    }
    writer
        .commit()
        .map_err(|e| Error::index(&options.index, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| Error::index(&options.index, e))?;

    summary.articles = articles.into_inner();
    summary.bytes = bytes.into_inner();
    summary.skipped = skipped
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    summary.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Lists the article files under `corpus`, counting the others and recording unreadable entries.
fn walk(corpus: &Path, summary: &mut IndexSummary) -> Result<Vec<Candidate>> {
    if !corpus.is_dir() {
        return Err(Error::Corpus {
            path: corpus.to_path_buf(),
            reason: "not a folder".into(),
        });
    }
    let mut candidates = Vec::new();
    let entries = WalkDir::new(corpus)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(corpus).display().to_string();
                let reason = error
                    .io_error()
                    .map_or_else(|| error.to_string(), |e| e.to_string());
                summary.skipped.push(Skipped { path, reason });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        summary.files_seen += 1;
        let path = entry.into_path();
        match Format::of(&path).filter(|_| !is_readme(&path)) {
            Some(format) => {
                let size = std::fs::metadata(&path).map_or(0, |m| m.len());
                candidates.push(Candidate { path, format, size });
            }
            None => summary.not_articles += 1,
        }
    }
    Ok(candidates)
}

/// A corpus's own README describes the corpus; it is not an article.
fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// Splits an error into the path it names and the reason.
fn split_problem(error: Error) -> (String, String) {
    match error {
        Error::BadArticle { path, reason } => (path.display().to_string(), reason),
        Error::Read { path, cause } => (path.display().to_string(), cause.to_string()),
        other => (String::new(), other.to_string()),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
