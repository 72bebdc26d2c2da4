//! `depeche export`: the corpus read as `index` reads it (parser, dateline, entities), written as
//! index settings and `_bulk` files for OpenSearch or Elasticsearch, with a README saying how to
//! load and search them. It streams: a chunk of files at a time, whatever the corpus size.

mod bulk;
mod guide;
mod settings;

pub use bulk::document_id;
pub use settings::{WORD_SEPARATORS, index_settings};

use crate::entities;
use crate::error::{Error, Result};
use crate::index::walk::{Candidate, Entry, entries};
use crate::index::{Progress, Skipped};
use crate::parse::{Parsed, parse_bytes};
use bulk::{BulkFiles, write_error};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::ScopedJoinHandle;
use std::time::{Duration, Instant};

/// Files parsed at once, then written in path order before the next chunk is read.
const CHUNK_FILES: usize = 512;

/// What `depeche export` is asked to do.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// The folder of articles to export, walked recursively.
    pub corpus: PathBuf,
    /// The folder to write into, created if missing.
    pub to: PathBuf,
    /// The name of the index in OpenSearch or Elasticsearch.
    pub index_name: String,
    /// The most articles a bulk file holds.
    pub batch: usize,
    /// Whether to extract people, places and organisations.
    pub entities: bool,
    /// Files larger than this many megabytes are skipped.
    pub max_file_mb: u64,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            corpus: PathBuf::from("corpus"),
            to: PathBuf::from("export"),
            index_name: "depeche".into(),
            batch: 5_000,
            entities: true,
            max_file_mb: 20,
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, Default)]
pub struct ExportSummary {
    /// Article files read.
    pub files: usize,
    /// Files of a format depeche does not read.
    pub not_articles: usize,
    /// Articles written.
    pub articles: usize,
    /// Bytes of article files read.
    pub bytes_read: u64,
    /// The settings file.
    pub settings: PathBuf,
    /// The bulk files, in order.
    pub bulk_files: Vec<PathBuf>,
    /// Bytes of bulk files written.
    pub bytes_written: u64,
    /// The README written for the user.
    pub readme: PathBuf,
    /// Files or lines left out, with reasons, in path order.
    pub skipped: Vec<Skipped>,
    /// Wall time of the whole run.
    pub elapsed: Duration,
}

impl ExportSummary {
    /// Throughput in megabytes (10^6 bytes) of article files read per second.
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes_read as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Exports the articles of `options.corpus` into `options.to`: one thread walks the corpus, the
/// cores parse a chunk of files at a time, and one thread writes their articles in path order.
pub fn export(options: &ExportOptions, progress: &dyn Progress) -> Result<ExportSummary> {
    let started = Instant::now();
    check_index_name(&options.index_name, &options.to)?;
    let files = entries(&options.corpus)?;
    std::fs::create_dir_all(&options.to).map_err(|e| write_error(&options.to, e))?;
    let bulk = BulkFiles::create(&options.to, &options.index_name, options.batch)?;
    let (walked, written) = std::thread::scope(|scope| {
        scope.spawn(|| count_bytes(options, progress));
        let (chunks, to_parse) = mpsc::sync_channel(2);
        let walker = scope.spawn(move || walk_in_chunks(files, &chunks));
        let (parsed, to_write) = mpsc::sync_channel(2);
        let writer = scope.spawn(move || write_chunks(&to_write, bulk, progress));
        for chunk in to_parse {
            let read: Vec<_> = chunk
                .into_par_iter()
                .map(|candidate| {
                    let outcome = read(&candidate, options);
                    (candidate, outcome)
                })
                .collect();
            if parsed.send(read).is_err() {
                break;
            }
        }
        drop(parsed);
        (joined(walker, &options.to), joined(writer, &options.to))
    });
    let (walked, (mut written, bulk)) = (walked?, written??);
    let settings = options
        .to
        .join(format!("{}.settings.json", options.index_name));
    write_text(&settings, &settings_text(&settings)?)?;
    written.skipped.extend(walked.unreadable);
    written.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let mut summary = ExportSummary {
        files: written.files,
        not_articles: walked.not_articles,
        articles: written.articles,
        bytes_read: written.bytes_read,
        settings,
        bytes_written: bulk.bytes,
        bulk_files: bulk.finish()?,
        readme: options.to.join("README.md"),
        skipped: written.skipped,
        elapsed: Duration::ZERO,
    };
    write_text(
        &summary.readme,
        &guide::readme(&options.index_name, &summary),
    )?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// What the walk saw besides the article files.
#[derive(Default)]
struct Walked {
    not_articles: usize,
    unreadable: Vec<Skipped>,
}

/// Sends the corpus's article files a chunk at a time, until they end or nothing receives them.
fn walk_in_chunks(
    files: impl Iterator<Item = Entry>,
    chunks: &SyncSender<Vec<Candidate>>,
) -> Walked {
    let mut walked = Walked::default();
    let mut chunk = Vec::with_capacity(CHUNK_FILES);
    for entry in files {
        match entry {
            Entry::Article(candidate) => chunk.push(candidate),
            Entry::Other => walked.not_articles += 1,
            Entry::Unreadable(path, reason) => walked.unreadable.push(Skipped {
                path: path.display().to_string(),
                reason,
            }),
        }
        if chunk.len() == CHUNK_FILES {
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_FILES));
            if chunks.send(full).is_err() {
                return walked;
            }
        }
    }
    let _ = chunks.send(chunk);
    walked
}

/// A file read, or why it was skipped.
type Outcome = std::result::Result<Parsed, String>;

/// What the writer wrote.
#[derive(Default)]
struct Written {
    files: usize,
    articles: usize,
    bytes_read: u64,
    skipped: Vec<Skipped>,
}

/// Writes the articles of each parsed chunk, in order, as they come.
fn write_chunks(
    parsed: &Receiver<Vec<(Candidate, Outcome)>>,
    mut bulk: BulkFiles,
    progress: &dyn Progress,
) -> Result<(Written, BulkFiles)> {
    let mut written = Written::default();
    for chunk in parsed {
        for (candidate, outcome) in chunk {
            let parsed = match outcome {
                Ok(parsed) => parsed,
                Err(reason) => {
                    let path = candidate.path.display().to_string();
                    written.skipped.push(Skipped { path, reason });
                    continue;
                }
            };
            for article in &parsed.articles {
                bulk.push(article)?;
            }
            written.files += 1;
            written.articles += parsed.articles.len();
            written.bytes_read += candidate.size;
            progress.advance(candidate.size);
            written
                .skipped
                .extend(parsed.problems.iter().map(Skipped::of_problem));
        }
    }
    Ok((written, bulk))
}

/// Gives the progress bar its total: the bytes of the article files to read, from a walk of its
/// own that keeps nothing (the bar counts from the start, and shows once the total is known).
fn count_bytes(options: &ExportOptions, progress: &dyn Progress) {
    let Ok(files) = entries(&options.corpus) else {
        return;
    };
    let total = files
        .filter_map(|entry| match entry {
            Entry::Article(c) if !c.is_too_large(options.max_file_mb) => Some(c.size),
            _ => None,
        })
        .sum();
    progress.start(total);
}

/// What a thread of the export returned; an error naming the export folder if it panicked.
fn joined<T>(thread: ScopedJoinHandle<'_, T>, to: &Path) -> Result<T> {
    thread.join().map_err(|_| Error::Export {
        path: to.to_path_buf(),
        reason: "an export thread panicked".into(),
    })
}

/// A file's articles, with their entities when asked for; why it was skipped otherwise.
fn read(candidate: &Candidate, options: &ExportOptions) -> Outcome {
    let bytes = candidate.read_within(options.max_file_mb)?;
    let mut parsed =
        parse_bytes(&bytes, candidate.format, &candidate.source()).map_err(|e| e.reason())?;
    if options.entities {
        parsed.articles.iter_mut().for_each(entities::annotate);
    }
    Ok(parsed)
}

/// The text of the settings file `path`: pretty JSON, ending with a newline.
fn settings_text(path: &Path) -> Result<String> {
    let mut text = serde_json::to_string_pretty(&index_settings()).map_err(|e| Error::Export {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

/// Writes `text` to `path`.
fn write_text(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| write_error(path, e))
}

/// Whether OpenSearch and Elasticsearch accept `name` as an index name: lowercase, not empty,
/// at most 255 bytes, none of `\ / * ? " < > | , # :` or spaces, not starting with `-`, `_` or
/// `+`, not `.` or `..`.
fn check_index_name(name: &str, to: &Path) -> Result<()> {
    let reason = if name.is_empty() || name == "." || name == ".." {
        Some("not a name")
    } else if name.len() > 255 {
        Some("longer than 255 bytes")
    } else if name.chars().any(char::is_uppercase) {
        Some("must be lowercase")
    } else if name.starts_with(['-', '_', '+']) {
        Some("must not start with -, _ or +")
    } else if name.contains(['\\', '/', '*', '?', '"', '<', '>', '|', ',', '#', ':', ' ']) {
        Some("must not hold \\ / * ? \" < > | , # : or a space")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(Error::Export {
            path: to.to_path_buf(),
            reason: format!("index name {name:?}: {reason}"),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_the_engines_accept() {
        let cases = [
            ("depeche", true),
            ("depeche-2026.12", true),
            ("archives_afp", true),
            ("Depeche", false),
            ("_depeche", false),
            ("-depeche", false),
            ("dépêche", true),
            ("a b", false),
            ("a/b", false),
            ("a:b", false),
            ("..", false),
            ("", false),
        ];
        for (name, accepted) in cases {
            let checked = check_index_name(name, Path::new("x"));
            assert_eq!(checked.is_ok(), accepted, "{name:?}");
        }
    }
}
