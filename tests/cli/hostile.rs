//! A hostile corpus — empty, binary and oversized files, a malformed JSON line, a symlink loop, a
//! non-UTF-8 file name, a very long line, deeply nested folders — next to normal articles: every
//! normal article is indexed and searchable, every bad file is reported with its reason, nothing
//! panics and the run exits 0.

use crate::common::{run_in, search_in};
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use tempfile::TempDir;

fn article(title: &str, word: &str) -> String {
    format!("{title}\n\nPARIS (AFP) - Un article tout à fait normal sur le mot {word}.\n")
}

fn hostile_corpus(root: &Path) {
    let c = root.join("c");
    fs::create_dir_all(&c).unwrap();
    fs::write(c.join("normal.txt"), article("Normal", "anémone")).unwrap();
    fs::write(c.join("vide.txt"), "").unwrap();
    fs::write(c.join("binaire.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(c.join("gros.txt"), "x".repeat(1_500_000)).unwrap();
    fs::write(
        c.join("lignes.jsonl"),
        "{\"title\": \"Bon\", \"body\": \"Le bégonia.\"}\n{pas du json\n",
    )
    .unwrap();
    let long_line = format!("Ligne longue\n\n{} camélia\n", "mot ".repeat(200_000));
    fs::write(c.join("longue.txt"), long_line).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"latin1-\xe9t\xe9.txt");
    fs::write(c.join(name), article("Nom non UTF-8", "dahlia")).unwrap();
    let mut deep = c.join("profond");
    for level in 0..40 {
        deep = deep.join(format!("n{level}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("fond.txt"), article("Au fond", "edelweiss")).unwrap();
    fs::create_dir_all(c.join("boucle")).unwrap();
    std::os::unix::fs::symlink("..", c.join("boucle/retour")).unwrap();
}

#[test]
fn bad_files_are_reported_and_good_ones_indexed() {
    let dir = TempDir::new().unwrap();
    hostile_corpus(dir.path());
    let index = dir.path().join("index");
    let index_arg = index.to_str().unwrap();
    let run = run_in(
        dir.path(),
        &[
            "index",
            "c",
            "--index",
            index_arg,
            "--max-file-mb",
            "1",
            "--json",
        ],
    );
    assert_eq!(run.code, 0, "{run:#?}");
    let summary = run.json();
    assert_eq!(summary["articles"], 5, "{summary}");
    let skipped: Vec<(String, String)> = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("c/binaire.txt", "binary file"),
        ("c/gros.txt", "larger than 1 MB (--max-file-mb)"),
        (
            "c/lignes.jsonl:2",
            "bad JSON: key must be a string at line 1 column 2",
        ),
        ("c/vide.txt", "empty file"),
    ];
    for (path, reason) in expected {
        assert!(
            skipped.iter().any(|(p, r)| p == path && r == reason),
            "{path}: {reason} not in {skipped:?}"
        );
    }
    assert!(
        skipped
            .iter()
            .any(|(p, r)| p.starts_with("c/boucle/retour") && r.contains("loop")),
        "the symlink loop is reported: {skipped:?}"
    );
    for word in ["anémone", "bégonia", "camélia", "dahlia", "edelweiss"] {
        assert_eq!(
            search_in(dir.path(), &index, word, &[]).hits().len(),
            1,
            "{word}"
        );
    }
}
