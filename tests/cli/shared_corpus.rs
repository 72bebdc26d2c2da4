//! Indexes the whole shared corpus (../shared/corpus, 33,788 real articles) with the binary and checks
//! the dates parsed from orangesum bylines against ../shared/corpus-meta/orangesum.jsonl.

use crate::common::shared;
use assert_cmd::Command;
use std::collections::HashMap;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;

/// Orangesum file path (relative to the shared folder) → date, from the metadata.
fn expected_dates(shared: &Path) -> HashMap<String, String> {
    let meta = std::fs::read_to_string(shared.join("corpus-meta/orangesum.jsonl")).unwrap();
    meta.lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .map(|record| {
            (
                record["file"].as_str().unwrap().to_string(),
                record["date"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn orangesum_byline_dates_match_the_metadata() {
    let Some(shared) = shared(&["corpus", "corpus-meta/orangesum.jsonl"]) else {
        return;
    };
    let index = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("depeche")
        .unwrap()
        .current_dir(&shared)
        .args(["index", "corpus", "--json", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["articles"], 33_788);

    let engine = depeche::Engine::open(index.path()).unwrap();
    let searcher = engine.searcher();
    let fields = engine.fields();
    let mut parsed = HashMap::new();
    for address in searcher.search(&AllQuery, &DocSetCollector).unwrap() {
        let doc: tantivy::TantivyDocument = searcher.doc(address).unwrap();
        let path = fields.text(&doc, fields.path).unwrap().to_string();
        parsed.insert(path, fields.date_of(&doc).map(|d| d.to_string()));
    }

    let expected = expected_dates(&shared);
    assert_eq!(expected.len(), 33_688);
    let mut wrong = Vec::new();
    for (file, date) in &expected {
        let got = parsed.get(file).cloned().flatten();
        if got.as_deref() != Some(date.as_str()) {
            wrong.push(format!("{file}: parsed {got:?}, metadata {date}"));
        }
    }
    let agreement = 1.0 - wrong.len() as f64 / expected.len() as f64;
    println!(
        "orangesum dates: {} of {} agree ({:.3}%)",
        expected.len() - wrong.len(),
        expected.len(),
        agreement * 100.0
    );
    for line in wrong.iter().take(20) {
        println!("  {line}");
    }
    assert!(
        agreement >= 0.995,
        "only {:.3}% of byline dates agree",
        agreement * 100.0
    );
}
