//! `depeche index`: brings an index up to date with a corpus folder — new files added, changed ones
//! re-indexed, deleted ones removed — parsing on all cores and committing in batches, so that a
//! crash loses at most the batch under way.

use super::schema::{Fields, FileStamp};
use super::sources::indexed_sources;
use super::store::{self, BuildSettings};
use super::walk::{Candidate, Walk, walk};
use crate::analysis::ANALYSIS_VERSION;
use crate::entities;
use crate::error::{Error, Result};
use crate::parse::parse_bytes;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

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
    /// Rebuild from scratch instead of updating.
    pub full: bool,
    /// Files parsed between two commits.
    pub batch_files: usize,
    /// Extract people, places and organisations from each article: `Some(true)` or `Some(false)`
    /// switches extraction on or off for the index (re-reading every file when that changes
    /// it); `None` goes on as the index was built (on for a new index).
    pub entities: Option<bool>,
    /// Files larger than this many megabytes are skipped.
    pub max_file_mb: u64,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            corpus: PathBuf::from("corpus"),
            index: PathBuf::from("index"),
            threads: 0,
            memory_mb: 400,
            full: false,
            batch_files: 50_000,
            entities: None,
            max_file_mb: 20,
        }
    }
}

/// A file, or part of one, left out, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// The file (or `file:line`).
    pub path: String,
    /// Why it was left out.
    pub reason: String,
}

impl Skipped {
    /// A part of a file the parser left out (a malformed JSON line), and why.
    pub fn of_problem(problem: &Error) -> Skipped {
        Skipped {
            path: problem
                .file()
                .map(|f| f.display().to_string())
                .unwrap_or_default(),
            reason: problem.reason(),
        }
    }
}

/// What an indexing run did.
#[derive(Clone, Debug, Default)]
pub struct IndexSummary {
    /// Files found under the corpus folder.
    pub files_seen: usize,
    /// Files of a format depeche does not read (images, PDFs, READMEs…).
    pub not_articles: usize,
    /// Article files new to the index.
    pub added: usize,
    /// Article files whose content changed, re-indexed.
    pub updated: usize,
    /// Files gone from the corpus, their articles removed.
    pub removed: usize,
    /// Article files already indexed as they are.
    pub unchanged: usize,
    /// Articles indexed in this run.
    pub articles_indexed: usize,
    /// Articles in the index after the run.
    pub articles: u64,
    /// Bytes of article files read.
    pub bytes: u64,
    /// Files or lines left out, with reasons, in path order.
    pub skipped: Vec<Skipped>,
    /// Wall time of the whole run.
    pub elapsed: Duration,
    /// Whether the index's articles have their entities extracted.
    pub entities: bool,
}

impl IndexSummary {
    /// Throughput in megabytes (10^6 bytes) of article files read per second.
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// For `--strict`: an error counting the skips, if there were any.
    pub fn nothing_skipped(&self) -> Result<()> {
        match self.skipped.len() {
            0 => Ok(()),
            count => Err(Error::Skipped { count }),
        }
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

/// Counters shared by the parsing threads.
#[derive(Default)]
struct Tally {
    added: AtomicUsize,
    updated: AtomicUsize,
    unchanged: AtomicUsize,
    articles: AtomicUsize,
    bytes: AtomicU64,
    skipped: Mutex<Vec<Skipped>>,
    failure: Mutex<Option<Error>>,
}

/// What one run works with.
struct Run<'a> {
    writer: &'a IndexWriter,
    fields: &'a Fields,
    before: &'a FxHashMap<String, FileStamp>,
    tally: &'a Tally,
    options: &'a IndexOptions,
    /// Whether to extract entities.
    entities: bool,
}

/// Brings the index of `options.index` up to date with `options.corpus`: afterwards it holds every
/// article of the corpus exactly once.
pub fn build_index(options: &IndexOptions, progress: &dyn Progress) -> Result<IndexSummary> {
    let started = Instant::now();
    let found = walk(&options.corpus)?;
    let opened = store::open_or_create(&options.index, options.full)?;
    let (settings, reread) = settings_for(&opened.index, options)?;
    let mut writer = open_writer(&opened.index, options)?;
    let before = match reread {
        true => {
            writer
                .delete_all_documents()
                .map_err(|e| Error::index(&options.index, e))?;
            FxHashMap::default()
        }
        false => {
            let searcher = opened
                .index
                .reader()
                .map_err(|e| Error::index(&options.index, e))?
                .searcher();
            indexed_sources(&searcher, &opened.fields, &options.index)?
        }
    };
    let (to_check, unchanged, removed) = plan(&found, &before);
    for source in &removed {
        writer.delete_term(Term::from_field_text(opened.fields.source, source));
    }
    progress.start(to_check.iter().map(|c| c.size).sum());
    let tally = Tally::default();
    tally.unchanged.store(unchanged, Ordering::Relaxed);
    lock(&tally.skipped).extend(found.unreadable.iter().map(|(path, reason)| Skipped {
        path: path.display().to_string(),
        reason: reason.clone(),
    }));
    for batch in to_check.chunks(options.batch_files.max(1)) {
        let run = Run {
            writer: &writer,
            fields: &opened.fields,
            before: &before,
            tally: &tally,
            options,
            entities: settings.entities,
        };
        batch.par_iter().for_each(|candidate| {
            index_file(&run, candidate);
            progress.advance(candidate.size);
        });
        if let Some(error) = lock(&tally.failure).take() {
            return Err(error);
        }
        commit(&mut writer, settings, &options.index)?;
    }
    commit(&mut writer, settings, &options.index)?;
    writer
        .wait_merging_threads()
        .map_err(|e| Error::index(&options.index, e))?;
    let articles = store::count(&opened.index, &options.index)?;
    Ok(summarize(
        found.files_seen,
        found.not_articles,
        removed.len(),
        articles,
        tally,
        started,
        settings.entities,
    ))
}

/// How this run builds the index, and whether every file must be read again: when asked to
/// (`--full`), when entity extraction is switched on or off for an index built the other way
/// (an index built before depeche recorded it was built without), or when another version of
/// the analyzers made its terms. Otherwise the index goes on as it was built.
fn settings_for(index: &tantivy::Index, options: &IndexOptions) -> Result<(BuildSettings, bool)> {
    let recorded = BuildSettings::recorded(index, &options.index)?;
    let settings = BuildSettings {
        entities: options
            .entities
            .or(recorded.map(|r| r.entities))
            .unwrap_or(true),
        analysis: ANALYSIS_VERSION,
    };
    let switched = recorded.unwrap_or_default() != settings;
    Ok((settings, options.full || switched))
}

/// Commits what was written, recording how the index is built.
fn commit(writer: &mut IndexWriter, settings: BuildSettings, path: &Path) -> Result<()> {
    let mut prepared = writer.prepare_commit().map_err(|e| Error::index(path, e))?;
    prepared.set_payload(&settings.payload());
    prepared.commit().map_err(|e| Error::index(path, e))?;
    Ok(())
}

/// Opens the index writer; a second writer gets a clear message instead of tantivy's lock error.
fn open_writer(index: &tantivy::Index, options: &IndexOptions) -> Result<IndexWriter> {
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let memory = options.memory_mb.max(15 * threads) << 20;
    index
        .writer_with_num_threads::<TantivyDocument>(threads, memory)
        .map_err(|error| match error {
            TantivyError::LockFailure(..) => Error::Locked {
                path: options.index.clone(),
            },
            other => Error::index(&options.index, other),
        })
}

/// Splits the corpus into files to read (new, or with another size or modification time), the
/// number left as they are, and the sources gone from the corpus. A source the walk could not
/// reach (under a folder it could not list, or a broken link) is not gone: it keeps its articles.
fn plan<'a>(
    found: &'a Walk,
    before: &FxHashMap<String, FileStamp>,
) -> (Vec<&'a Candidate>, usize, Vec<String>) {
    let mut to_check = Vec::new();
    let mut unchanged = 0;
    let mut seen = rustc_hash::FxHashSet::default();
    for candidate in &found.candidates {
        let source = candidate.path.display().to_string();
        match before.get(&source) {
            Some(stamp) if stamp.size == candidate.size && stamp.modified == candidate.modified => {
                unchanged += 1
            }
            _ => to_check.push(candidate),
        }
        seen.insert(source);
    }
    let removed = before
        .keys()
        .filter(|s| !seen.contains(*s) && !is_unreachable(s, &found.unreadable))
        .cloned()
        .collect();
    (to_check, unchanged, removed)
}

/// Whether `source` is, or lies under, an entry the walk could not read.
fn is_unreachable(source: &str, unreadable: &[(PathBuf, String)]) -> bool {
    let source = Path::new(source);
    unreadable
        .iter()
        .any(|(entry, _)| source.starts_with(entry))
}

/// Reads, hashes, parses and indexes one file, replacing its earlier articles if it changed. A file
/// that no longer parses keeps its earlier articles and is reported.
fn index_file(run: &Run<'_>, candidate: &Candidate) {
    let source = candidate.path.display().to_string();
    let skip = |reason: String| {
        lock(&run.tally.skipped).push(Skipped {
            path: source.clone(),
            reason,
        })
    };
    let bytes = match candidate.read_within(run.options.max_file_mb) {
        Ok(bytes) => bytes,
        Err(reason) => return skip(reason),
    };
    let stamp = FileStamp {
        size: candidate.size,
        modified: candidate.modified,
        hash: xxhash_rust::xxh3::xxh3_64(&bytes),
    };
    let earlier = run.before.get(&source);
    if earlier.is_some_and(|e| e.hash == stamp.hash) {
        run.tally.unchanged.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let mut parsed = match parse_bytes(&bytes, candidate.format, &candidate.source()) {
        Ok(parsed) => parsed,
        Err(error) => return skip(error.reason()),
    };
    if run.entities {
        parsed.articles.iter_mut().for_each(entities::annotate);
    }
    if earlier.is_some() {
        run.writer
            .delete_term(Term::from_field_text(run.fields.source, &source));
    }
    for article in &parsed.articles {
        if let Err(error) = run
            .writer
            .add_document(run.fields.document(article, &source, stamp))
        {
            lock(&run.tally.failure).get_or_insert(Error::index(&run.options.index, error));
            return;
        }
    }
    let counter = if earlier.is_some() {
        &run.tally.updated
    } else {
        &run.tally.added
    };
    counter.fetch_add(1, Ordering::Relaxed);
    run.tally
        .articles
        .fetch_add(parsed.articles.len(), Ordering::Relaxed);
    run.tally.bytes.fetch_add(candidate.size, Ordering::Relaxed);
    lock(&run.tally.skipped).extend(parsed.problems.iter().map(Skipped::of_problem));
}

fn summarize(
    files_seen: usize,
    not_articles: usize,
    removed: usize,
    articles: u64,
    tally: Tally,
    started: Instant,
    entities: bool,
) -> IndexSummary {
    let mut skipped = tally
        .skipped
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    IndexSummary {
        files_seen,
        not_articles,
        added: tally.added.into_inner(),
        updated: tally.updated.into_inner(),
        removed,
        unchanged: tally.unchanged.into_inner(),
        articles_indexed: tally.articles.into_inner(),
        articles,
        bytes: tally.bytes.into_inner(),
        skipped,
        elapsed: started.elapsed(),
        entities,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_under_an_unreadable_entry_is_unreachable_not_gone() {
        let unreadable = [(PathBuf::from("c/secret"), "cannot list folder".to_string())];
        assert!(is_unreachable("c/secret", &unreadable));
        assert!(is_unreachable("c/secret/a.txt", &unreadable));
        assert!(!is_unreachable("c/secret.txt", &unreadable));
        assert!(!is_unreachable("c/secrets/a.txt", &unreadable));
    }
}
