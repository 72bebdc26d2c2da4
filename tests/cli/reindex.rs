//! Re-running `depeche index` on a corpus that changed: new files added, changed ones replaced
//! (a JSON Lines file as a whole), deleted ones removed, untouched ones left alone; `--full`; and
//! a second writer refused with a clear message while searches go on; an index whose terms an
//! older analyzer made re-read.

use crate::common::{build_index, run_in, search_in};
use serde_json::{Value, json};
use std::fs;
use std::path::Path;
use tempfile::TempDir;

fn article(title: &str, word: &str) -> String {
    format!("{title}\n\nPARIS (AFP) - Le mot du jour est {word}, dit-on à Paris.\n")
}

fn counts(summary: &Value) -> Value {
    json!({
        "added": summary["added"], "updated": summary["updated"], "removed": summary["removed"],
        "unchanged": summary["unchanged"], "articles": summary["articles"],
    })
}

fn found(dir: &Path, index: &Path, word: &str) -> Vec<String> {
    let mut paths: Vec<String> = search_in(dir, index, word, &[])
        .paths()
        .iter()
        .map(|p| p.to_string())
        .collect();
    paths.sort();
    paths
}

#[test]
fn adds_updates_removes_and_leaves_alone() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("c");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), article("Alpha", "anémone")).unwrap();
    fs::write(corpus.join("b.txt"), article("Bravo", "bégonia")).unwrap();
    let lines = [
        json!({"title": "Un", "body": "Le camélia fleurit."}).to_string(),
        json!({"title": "Deux", "body": "Le dahlia aussi."}).to_string(),
    ];
    fs::write(corpus.join("c.jsonl"), lines.join("\n")).unwrap();
    let index = dir.path().join("index");

    let first = build_index(dir.path(), "c", &index);
    assert_eq!(
        counts(&first),
        json!({"added": 3, "updated": 0, "removed": 0, "unchanged": 0, "articles": 4})
    );

    let again = build_index(dir.path(), "c", &index);
    assert_eq!(
        counts(&again),
        json!({"added": 0, "updated": 0, "removed": 0, "unchanged": 3, "articles": 4})
    );
    assert_eq!(again["bytes"], 0, "nothing is read again: {again}");

    fs::remove_file(corpus.join("a.txt")).unwrap();
    fs::write(
        corpus.join("b.txt"),
        article("Bravo", "bleuet et bourrache"),
    )
    .unwrap();
    let lines = [
        json!({"title": "Un", "body": "Le camélia fleurit."}).to_string(),
        json!({"title": "Trois", "body": "Le dahlia a gelé."}).to_string(),
        json!({"title": "Quatre", "body": "Le glaïeul pousse."}).to_string(),
    ];
    fs::write(corpus.join("c.jsonl"), lines.join("\n")).unwrap();
    fs::write(corpus.join("d.txt"), article("Delta", "digitale")).unwrap();
    let changed = build_index(dir.path(), "c", &index);
    assert_eq!(
        counts(&changed),
        json!({"added": 1, "updated": 2, "removed": 1, "unchanged": 0, "articles": 5})
    );

    assert!(found(dir.path(), &index, "anémone").is_empty());
    assert!(found(dir.path(), &index, "bégonia").is_empty());
    assert_eq!(found(dir.path(), &index, "bourrache"), ["c/b.txt"]);
    assert_eq!(found(dir.path(), &index, "dahlia"), ["c/c.jsonl:2"]);
    assert_eq!(found(dir.path(), &index, "camélia"), ["c/c.jsonl:1"]);
    assert_eq!(found(dir.path(), &index, "digitale"), ["c/d.txt"]);

    // Same bytes, new modification time: the hash says unchanged.
    let b = corpus.join("b.txt");
    let text = fs::read(&b).unwrap();
    fs::remove_file(&b).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&b, text).unwrap();
    let touched = build_index(dir.path(), "c", &index);
    assert_eq!(
        counts(&touched),
        json!({"added": 0, "updated": 0, "removed": 0, "unchanged": 3, "articles": 5})
    );

    let run = run_in(
        dir.path(),
        &[
            "index",
            "c",
            "--full",
            "--json",
            "--index",
            index.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        counts(&run.json()),
        json!({"added": 3, "updated": 0, "removed": 0, "unchanged": 0, "articles": 5})
    );
}

#[test]
fn a_file_that_no_longer_parses_keeps_its_articles() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("c");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("a.json"),
        json!({"title": "Alpha", "body": "Une anémone."}).to_string(),
    )
    .unwrap();
    let index = dir.path().join("index");
    build_index(dir.path(), "c", &index);
    fs::write(corpus.join("a.json"), "{ broken").unwrap();
    let summary = build_index(dir.path(), "c", &index);
    assert_eq!(summary["articles"], 1, "{summary}");
    assert_eq!(summary["skipped"][0]["path"], "c/a.json");
    assert_eq!(found(dir.path(), &index, "anémone"), ["c/a.json"]);
}

#[test]
fn a_second_writer_is_refused_while_searches_go_on() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("c");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), article("Alpha", "anémone")).unwrap();
    let index = dir.path().join("index");
    build_index(dir.path(), "c", &index);

    let held = tantivy::Index::open_in_dir(&index).unwrap();
    let _writer = held.writer::<tantivy::TantivyDocument>(50_000_000).unwrap();
    let run = run_in(
        dir.path(),
        &["index", "c", "--index", index.to_str().unwrap()],
    );
    let line = run.error_line();
    assert!(
        line.contains(
            "another process is writing to this index; wait for the other `depeche index` to finish"
        ),
        "{line}"
    );
    assert_eq!(found(dir.path(), &index, "anémone"), ["c/a.txt"]);
}

#[test]
fn a_corrupt_index_says_how_to_rebuild_and_full_rebuilds_it() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("c");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), article("Alpha", "anémone")).unwrap();
    let index = dir.path().join("index");
    fs::create_dir_all(&index).unwrap();
    fs::write(index.join("meta.json"), "garbage").unwrap();
    let index_arg = index.to_str().unwrap();

    let search = run_in(dir.path(), &["search", "anémone", "--index", index_arg]);
    let line = search.error_line();
    assert!(
        line.contains("rebuild it with `depeche index CORPUS --index"),
        "{line}"
    );
    let update = run_in(dir.path(), &["index", "c", "--index", index_arg]);
    assert!(update.error_line().contains("--full"));

    let rebuilt = run_in(
        dir.path(),
        &["index", "c", "--full", "--json", "--index", index_arg],
    );
    assert_eq!(rebuilt.code, 0, "{rebuilt:#?}");
    assert_eq!(rebuilt.json()["articles"], 1);
    assert_eq!(found(dir.path(), &index, "anémone"), ["c/a.txt"]);
}

#[test]
fn an_index_whose_terms_an_older_analyzer_made_reads_every_file_again() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("c");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("a.txt"),
        article("Alpha", "la manifestation interdite"),
    )
    .unwrap();
    fs::write(corpus.join("b.txt"), article("Bravo", "bégonia")).unwrap();
    let index = dir.path().join("index");
    build_index(dir.path(), "c", &index);
    let meta_path = index.join("meta.json");
    let mut meta: Value = serde_json::from_str(&fs::read_to_string(&meta_path).unwrap()).unwrap();
    let payload: Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload, json!({"entities": true, "analysis": 1}));
    meta["payload"] = json!(r#"{"entities":true}"#);
    fs::write(&meta_path, meta.to_string()).unwrap();

    let again = build_index(dir.path(), "c", &index);
    assert_eq!(
        counts(&again),
        json!({"added": 2, "updated": 0, "removed": 0, "unchanged": 0, "articles": 2})
    );
    assert_eq!(found(dir.path(), &index, "interdit"), ["c/a.txt"]);
    let unchanged = build_index(dir.path(), "c", &index);
    assert_eq!(unchanged["unchanged"], 2, "{unchanged}");
}
