//! Criterion: throughput of the French analyzer, of article parsing and of named-entity extraction,
//! in bytes per second, on the sample corpus (and on 2,000 articles of ../shared/corpus when it is
//! there, and extraction on the articles of each gold named-entity set).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the `depeche` binary uses, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use depeche::parse::{Format, Source, parse_bytes};
use std::path::{Path, PathBuf};
use tantivy::tokenizer::TokenStream;

/// Article files in memory: path, format and content.
type Files = Vec<(PathBuf, Format, Vec<u8>)>;

/// The article files of a folder, read into memory, at most `limit` of them.
fn load(folder: &Path, limit: usize) -> Files {
    walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let format = Format::of(entry.path())?;
            let bytes = std::fs::read(entry.path()).ok()?;
            Some((entry.into_path(), format, bytes))
        })
        .filter(|(path, _, _)| !path.ends_with("README.md"))
        .take(limit)
        .collect()
}

fn corpora() -> Vec<(&'static str, Files)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpora = vec![("sample", load(&root.join("corpus"), usize::MAX))];
    let shared = root.join("../shared/corpus/orangesum");
    if shared.is_dir() {
        corpora.push(("shared-2000", load(&shared, 2000)));
    } else {
        eprintln!("../shared/corpus absent: benchmarking the sample corpus only");
    }
    corpora
}

fn parsing(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, files) in corpora() {
        let bytes: usize = files.iter().map(|(_, _, b)| b.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut articles = 0;
                for (path, format, content) in &files {
                    let source = Source {
                        path,
                        modified: None,
                    };
                    articles +=
                        parse_bytes(content, *format, &source).map_or(0, |p| p.articles.len());
                }
                assert!(articles >= files.len());
            })
        });
    }
    group.finish();
}

fn analyzing(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for (name, files) in corpora() {
        let texts: Vec<String> = files
            .iter()
            .map(|(_, _, b)| String::from_utf8_lossy(b).into_owned())
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut analyzer = depeche::analysis::french_analyzer();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut tokens = 0;
                for text in &texts {
                    let mut stream = analyzer.token_stream(text);
                    while stream.advance() {
                        tokens += 1;
                    }
                }
                assert!(tokens > bytes / 20);
            })
        });
    }
    group.finish();
}

/// The parsed articles of `files`: title and body.
fn articles(files: &Files) -> Vec<(String, String)> {
    files
        .iter()
        .filter_map(|(path, format, content)| {
            let source = Source {
                path,
                modified: None,
            };
            parse_bytes(content, *format, &source).ok()
        })
        .flat_map(|parsed| parsed.articles)
        .map(|article| (article.title, article.body))
        .collect()
}

/// The shared-corpus articles of each gold named-entity set (`tests/data/ner_*.jsonl`), which
/// `benches/reference/spacy_ner.py` times spaCy on: the same texts for both.
fn gold_sets() -> Vec<(&'static str, Files)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    if !shared.is_dir() {
        return Vec::new();
    }
    let sets = [
        ("gold-dev", "dev"),
        ("gold-heldout", "heldout"),
        ("gold-test", "test"),
        ("gold-blind", "blind"),
        ("gold-final", "final"),
        ("gold-last", "last"),
        ("gold-next", "next"),
        ("gold-fresh", "fresh"),
    ];
    sets.into_iter()
        .map(|(name, set)| {
            let gold = root.join(format!("tests/data/ner_{set}.jsonl"));
            let lines = std::fs::read_to_string(&gold).unwrap_or_default();
            let files = lines
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|record| Some(shared.join(record.get("file")?.as_str()?)))
                .filter_map(|path| Some((std::fs::read(&path).ok()?, path)))
                .map(|(bytes, path)| (path, Format::Text, bytes))
                .collect();
            (name, files)
        })
        .collect()
}

fn extracting(c: &mut Criterion) {
    let mut group = c.benchmark_group("entities");
    for (name, files) in corpora().into_iter().chain(gold_sets()) {
        let articles = articles(&files);
        let bytes: usize = articles.iter().map(|(t, b)| t.len() + b.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut found = 0;
                for (title, body) in &articles {
                    let entities = depeche::entities::extract(title, body);
                    found += entities.per.len() + entities.loc.len() + entities.org.len();
                }
                assert!(found > articles.len());
            })
        });
    }
    group.finish();
}

criterion_group!(benches, parsing, analyzing, extracting);
criterion_main!(benches);
