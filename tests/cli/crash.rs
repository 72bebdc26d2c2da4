//! `kill -9` during `depeche index`: the last committed index stays intact and searchable, and a
//! re-run completes it with every article exactly once.

use crate::common::{depeche, run_in, search_in};
use std::path::Path;
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Whether the index at `index` has committed at least one segment.
fn has_committed(index: &Path) -> bool {
    std::fs::read_to_string(index.join("meta.json"))
        .ok()
        .and_then(|meta| serde_json::from_str::<serde_json::Value>(&meta).ok())
        .is_some_and(|meta| meta["segments"].as_array().is_some_and(|s| !s.is_empty()))
}

#[test]
fn a_killed_run_leaves_a_searchable_index_that_a_rerun_completes() {
    let dir = TempDir::new().unwrap();
    let written = run_in(
        dir.path(),
        &[
            "synth",
            "--from",
            crate::common::repo().join("corpus").to_str().unwrap(),
            "--out",
            "synth",
            "--count",
            "6000",
        ],
    );
    assert_eq!(written.code, 0, "{written:#?}");
    let index = dir.path().join("index");
    let index_arg = index.to_str().unwrap();

    let mut indexing = std::process::Command::new(depeche().get_program())
        .current_dir(dir.path())
        .args([
            "index",
            "synth",
            "--index",
            index_arg,
            "--commit-every",
            "300",
            "--threads",
            "1",
        ])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !has_committed(&index) && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    indexing.kill().unwrap();
    let status = indexing.wait().unwrap();
    assert!(has_committed(&index), "no commit within a minute");

    let partial = search_in(dir.path(), &index, "*", &["-n", "1"]);
    assert!(partial.total() > 0, "the committed part is searchable");
    if status.success() {
        eprintln!("the run finished before it was killed; the re-run below still checks the count");
    }

    let rerun = run_in(
        dir.path(),
        &["index", "synth", "--index", index_arg, "--json"],
    );
    assert_eq!(rerun.code, 0, "{rerun:#?}");
    assert_eq!(rerun.json()["articles"], 6000);
    let all = search_in(dir.path(), &index, "*", &["-n", "1"]);
    assert_eq!(all.total(), 6000);
}
