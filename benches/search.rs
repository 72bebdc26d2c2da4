//! Criterion: search latency per query class (top 10 with snippets) on a fixed index of the sample
//! corpus, built once outside the timed loop; each iteration checks its hit counts.

use criterion::{Criterion, criterion_group, criterion_main};
use depeche::bench::{BenchQuery, read_queries};
use depeche::{Engine, IndexOptions, SearchOptions, build_index, index::NoProgress};
use std::collections::BTreeMap;
use std::path::Path;

fn searching(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index = tempfile::tempdir().expect("a temporary folder");
    let options = IndexOptions {
        corpus: root.join("corpus"),
        index: index.path().to_path_buf(),
        ..IndexOptions::default()
    };
    build_index(&options, &NoProgress).expect("the sample corpus indexes");
    let engine = Engine::open(index.path()).expect("the index opens");
    let queries =
        read_queries(&root.join("benches/queries/corpus.tsv")).expect("the query file reads");
    let mut classes: BTreeMap<&str, Vec<&BenchQuery>> = BTreeMap::new();
    for query in &queries {
        classes.entry(&query.class).or_default().push(query);
    }
    let mut group = c.benchmark_group("search");
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

criterion_group!(benches, searching);
criterion_main!(benches);
