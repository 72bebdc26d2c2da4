//! Criterion: search latency per query class (top 10 with snippets) on a fixed index of the sample
//! corpus, and of the long known-item queries on an index of the shared corpus when it is beside
//! the repository; indexes are built once outside the timed loop, and each iteration checks its
//! hit counts.

use criterion::{Criterion, criterion_group, criterion_main};
use depeche::bench::{BenchQuery, read_queries};
use depeche::{Engine, IndexOptions, SearchOptions, build_index, index::NoProgress};
use std::collections::BTreeMap;
use std::path::Path;

fn searching(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_classes(c, "search", &root.join("corpus"), "corpus.tsv");
}

/// The `long` queries (4-6 words about one story) on the shared corpus, if it is there.
fn searching_long(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    if !shared.is_dir() {
        eprintln!("skipped: ../shared/corpus is absent (search-shared/long)");
        return;
    }
    bench_classes(c, "search-shared", &shared, "long.tsv");
}

/// One benchmark per query class of `benches/queries/QUERIES`, on an index of `corpus`.
fn bench_classes(c: &mut Criterion, group: &str, corpus: &Path, queries: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index = tempfile::tempdir().expect("a temporary folder");
    let options = IndexOptions {
        corpus: corpus.to_path_buf(),
        index: index.path().to_path_buf(),
        ..IndexOptions::default()
    };
    build_index(&options, &NoProgress).expect("the corpus indexes");
    let engine = Engine::open(index.path()).expect("the index opens");
    let queries =
        read_queries(&root.join("benches/queries").join(queries)).expect("the query file reads");
    let mut classes: BTreeMap<&str, Vec<&BenchQuery>> = BTreeMap::new();
    for query in &queries {
        classes.entry(&query.class).or_default().push(query);
    }
    let mut group = c.benchmark_group(group);
    for (class, queries) in classes {
        let runs: Vec<(SearchOptions, usize)> = queries
            .iter()
            .map(|q| {
                let options = SearchOptions {
                    query: q.query.clone(),
                    ..SearchOptions::default()
                };
                let hits = engine.search(&options).expect("the query runs").hits.len();
                (options, hits)
            })
            .collect();
        group.bench_function(class, |b| {
            b.iter(|| {
                for (options, hits) in &runs {
                    let found = engine.search(options).expect("the query runs");
                    assert_eq!(found.hits.len(), *hits, "{}", options.query);
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, searching, searching_long);
criterion_main!(benches);
