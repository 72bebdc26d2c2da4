//! `depeche bench` on an index of the sample corpus, in process and over HTTP against a running
//! `depeche serve`: the figures are all there, counted right and ordered as percentiles must be
//! (no timing is asserted).

use crate::common::{CorpusIndex, Run, run};
use crate::server::Server;
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
fn a_misspelt_query_finds_its_article_unless_exact() {
    let dir = tempfile::tempdir().unwrap();
    let queries = dir.path().join("typo.tsv");
    std::fs::write(&queries, "typo\tornitorynque\n").unwrap();
    for (args, with_hits) in [(&[][..], 1), (&["--exact"][..], 0)] {
        let bench = bench(&queries, &[&["--runs", "1", "--json"], args].concat());
        assert_eq!(bench.code, 0, "{bench:#?}");
        assert_percentiles(&bench.json()["classes"]["typo"], 1, with_hits);
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
    assert_eq!(first_columns[..7], expected);
    let memory = bench.stdout.lines().last().unwrap();
    assert!(memory.starts_with("memory: "), "{memory}");
    assert!(
        memory.ends_with(" MB of it anonymous (the rest is the mapped index)"),
        "{memory}"
    );
}

#[test]
fn a_missing_query_file_is_a_one_line_error() {
    let bench = bench(Path::new("no/such/queries.tsv"), &[]);
    let line = bench.error_line();
    assert!(line.contains("no/such/queries.tsv: cannot read"), "{line}");
}

/// The sample corpus's query file, whose queries all parse (the server would repair one that
/// does not, the in-process bench stop on it).
const CORPUS_QUERIES: &str = "benches/queries/corpus.tsv";

/// The JSON keys of a report, in the order printed.
fn keys(report: &Value) -> Vec<String> {
    let text = report.to_string();
    let object = report.as_object().unwrap_or_else(|| panic!("{text}"));
    object.keys().cloned().collect()
}

/// Each class's runs and queries with hits, and the overall ones.
fn counts(report: &Value) -> Vec<(String, Value, Value)> {
    let classes = report["classes"].as_object().unwrap();
    let rows = classes.iter().map(|(class, s)| (class.as_str(), s));
    let rows = rows.chain([("overall", report)]);
    let count = |(class, s): (&str, &Value)| {
        (
            class.into(),
            s["count"].clone(),
            s["queries_with_hits"].clone(),
        )
    };
    rows.map(count).collect()
}

#[test]
fn over_http_counts_what_the_same_index_counts_in_process() {
    let server = Server::of_corpus(&[]);
    let common = [
        "--queries",
        CORPUS_QUERIES,
        "--runs",
        "1",
        "--warmup",
        "0",
        "--json",
    ];
    let mut http = vec!["bench", "--url", &server.base, "--concurrency", "4"];
    http.extend(common);
    let http = run(&http);
    assert_eq!(http.code, 0, "{http:#?}");
    let index = server.dir.as_ref().unwrap().path().join("index");
    let mut in_process = vec!["bench", "--index", index.to_str().unwrap()];
    in_process.extend(common);
    let in_process = run(&in_process);
    assert_eq!(in_process.code, 0, "{in_process:#?}");
    let (http, in_process) = (http.json(), in_process.json());

    let mut expected = keys(&in_process);
    assert!(!expected.contains(&"errors".to_string()), "{in_process}");
    expected.retain(|key| key != "rss_mb" && key != "anonymous_mb");
    expected.push("errors".into());
    expected.sort();
    let memory = (
        in_process["rss_mb"].as_f64(),
        in_process["anonymous_mb"].as_f64(),
    );
    assert!(matches!(memory, (Some(rss), Some(anonymous)) if rss > anonymous && anonymous > 0.0));
    assert_eq!(keys(&http), expected);
    assert_eq!(http["errors"], 0, "{http}");
    assert_eq!(counts(&http), counts(&in_process));
    let hits = in_process["queries_with_hits"].as_u64().unwrap();
    assert!(hits > 40, "{in_process}");
    assert_percentiles(&http, http["count"].as_u64().unwrap(), hits);
    for key in ["open_ms", "rank_ms", "load_ms"] {
        assert_eq!(http[key], 0.0, "{key} in {http}");
    }
}

#[test]
fn over_http_prints_the_errors_below_the_table() {
    let server = Server::of_corpus(&[]);
    let (_dir, queries) = query_file();
    let queries = queries.to_str().unwrap();
    let bench = run(&[
        "bench",
        "--url",
        &server.base,
        "--queries",
        queries,
        "--runs",
        "2",
    ]);
    assert_eq!(bench.code, 0, "{bench:#?}");
    let lines: Vec<&str> = bench.stdout.lines().collect();
    let overall: Vec<&str> = lines[4].split_whitespace().take(3).collect();
    assert_eq!(overall, ["overall", "10", "4"], "{}", bench.stdout);
    assert!(lines[5].starts_with("errors 0 "), "{}", bench.stdout);
    assert!(lines[6].starts_with("first request "), "{}", bench.stdout);
    assert_eq!(lines.len(), 7, "{}", bench.stdout);
}

#[test]
fn a_url_where_nothing_listens_is_a_one_line_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}");
    let bench = run(&["bench", "--url", &url, "--queries", CORPUS_QUERIES]);
    let line = bench.error_line();
    let asked = format!("depeche: {url}/api/search?q=");
    assert!(line.starts_with(&asked), "{line}");
    assert!(line.contains("onnection refused"), "{line}");
}

#[test]
fn flags_of_one_kind_of_run_are_refused_with_the_other() {
    let cases: [&[&str]; 6] = [
        &["--url", "http://127.0.0.1:1", "--index", "index"],
        &["--url", "http://127.0.0.1:1", "--no-snippets"],
        &["--url", "http://127.0.0.1:1", "--exact"],
        &["--url", "http://127.0.0.1:1", "--threads", "2"],
        &["--concurrency", "2"],
        &["--index", "index", "--no-facets"],
    ];
    for args in cases {
        let bench = run(&[&["bench"], args].concat());
        assert_eq!(bench.code, 2, "{args:?}: {bench:#?}");
        assert!(bench.stderr.starts_with("error: "), "{args:?}: {bench:#?}");
    }
}

#[test]
fn a_server_refusing_the_search_is_a_one_line_error_with_its_message() {
    let server = Server::of_corpus(&[]);
    let bench = run(&[
        "bench",
        "--url",
        &server.base,
        "--queries",
        CORPUS_QUERIES,
        "--limit",
        "1000",
    ]);
    let line = bench.error_line();
    assert!(line.contains("status 400: "), "{line}");
    assert!(line.contains("limit: at most 100, not 1000"), "{line}");
}
