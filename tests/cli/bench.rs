//! `depeche bench` on an index of the sample corpus: the figures are all there, counted right and
//! ordered as percentiles must be (no timing is asserted).

use crate::common::{CorpusIndex, Run, run};
use serde_json::Value;
use std::path::{Path, PathBuf};

const QUERIES: &str = "# bench test queries\n\
    single\tgrève\n\
    single\tornithorynque\n\
    single\tzzzqqqxx\n\
    phrase\t\"fonte des glaciers\"\n\
    \n\
    harcelee\n";

fn assert_percentiles(stats: &Value, count: u64, with_hits: u64) {
    assert_eq!(stats["count"], count, "{stats}");
    assert_eq!(stats["queries_with_hits"], with_hits, "{stats}");
    let at = |key: &str| {
        stats[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} missing in {stats}"))
    };
    let ordered = [
        at("p50_ms"),
        at("p90_ms"),
        at("p99_ms"),
        at("p999_ms"),
        at("max_ms"),
    ];
    assert!(ordered[0] > 0.0, "{stats}");
    assert!(
        ordered.windows(2).all(|w| w[0] <= w[1]),
        "percentiles out of order: {stats}"
    );
    assert!(at("qps") > 0.0, "{stats}");
}

/// `depeche bench` on the sample-corpus index, over the query file at `queries`, with `args`.
fn bench(queries: &Path, args: &[&str]) -> Run {
    let index = CorpusIndex::get();
    let index_path = index.path();
    let mut all = vec![
        "bench",
        "--index",
        index_path.to_str().unwrap(),
        "--queries",
        queries.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    run(&all)
}

/// [`QUERIES`] written to a file in a temporary folder.
fn query_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let queries = dir.path().join("queries.tsv");
    std::fs::write(&queries, QUERIES).unwrap();
    (dir, queries)
}

#[test]
fn reports_percentiles_per_class_and_overall() {
    let (_dir, queries) = query_file();
    let bench = bench(&queries, &["--runs", "3", "--warmup", "1", "--json"]);
    assert_eq!(bench.code, 0, "{bench:#?}");
    let report = bench.json();
    assert_percentiles(&report, 15, 4);
    let classes = report["classes"].as_object().unwrap();
    let names: Vec<&str> = classes.keys().map(String::as_str).collect();
    assert_eq!(names, ["default", "phrase", "single"]);
    assert_percentiles(&classes["single"], 9, 2);
    assert_percentiles(&classes["phrase"], 3, 1);
    assert_percentiles(&classes["default"], 3, 1);
    for key in ["open_ms", "first_query_ms", "rank_ms", "load_ms", "wall_s"] {
        assert!(
            report[key].as_f64().is_some_and(|v| v >= 0.0),
            "{key} in {report}"
        );
    }
}

#[test]
fn prints_a_table_by_default() {
    let (_dir, queries) = query_file();
    let bench = bench(&queries, &["--runs", "1"]);
    assert_eq!(bench.code, 0, "{bench:#?}");
    let first_columns: Vec<Vec<&str>> = bench
        .stdout
        .lines()
        .map(|line| line.split_whitespace().take(3).collect())
        .collect();
    let expected: [&[&str]; 7] = [
        &["class", "runs", "hits"],
        &["default", "1", "1"],
        &["phrase", "1", "1"],
        &["single", "3", "2"],
        &["overall", "5", "4"],
        &["time", "in", "ranking"],
        &["index", "opened", "in"],
    ];
    assert_eq!(first_columns, expected);
}

#[test]
fn a_missing_query_file_is_a_one_line_error() {
    let bench = bench(Path::new("no/such/queries.tsv"), &[]);
    let line = bench.error_line();
    assert!(line.contains("no/such/queries.tsv: cannot read"), "{line}");
}
