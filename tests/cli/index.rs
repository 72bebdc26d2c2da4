//! `depeche index`: the summary (text and JSON), rebuilding leaves each article once, the corpus
//! README and site boilerplate stay out of the index, default paths, skipped files and errors.

use crate::common::{CorpusIndex, build_index, repo, run, run_in, search_in};
use std::fs;
use std::path::Path;
use tempfile::TempDir;

/// Copies corpus files (paths relative to the repo) into `dest`, keeping their relative paths.
fn copy_corpus_files(dest: &Path, files: &[&str]) {
    for file in files {
        let to = dest.join(file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(repo().join(file), &to).unwrap();
    }
}

/// The size of the article files under `folder`, README files left out.
fn article_bytes(folder: &Path) -> u64 {
    let mut total = 0;
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            total += article_bytes(&path);
        } else if path.file_stem().unwrap() != "README" {
            total += fs::metadata(&path).unwrap().len();
        }
    }
    total
}

#[test]
fn json_summary_counts_the_fifty_articles_and_skips_the_readme() {
    let dir = TempDir::new().unwrap();
    let summary = build_index(repo(), "corpus", &dir.path().join("index"));
    assert_eq!(summary["articles"], 50, "{summary}");
    // 47 article files and README.md, which is not read as an article.
    assert_eq!(summary["files_seen"], 48, "{summary}");
    assert_eq!(summary["not_articles"], 1, "{summary}");
    assert_eq!(summary["skipped"], serde_json::json!([]), "{summary}");
    assert_eq!(
        summary["bytes"],
        article_bytes(&repo().join("corpus")),
        "{summary}"
    );
    for key in ["elapsed_s", "mb_per_s"] {
        assert!(summary[key].is_number(), "{key} in {summary}");
    }
}

#[test]
fn text_summary_names_the_counts() {
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("index");
    let run = run(&["index", "corpus", "--index", index.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{run:#?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(
        lines[0].starts_with("indexed 50 articles from 47 files in "),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with(" MB/s); the index holds 50 articles"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        "files: 48 seen, 47 added, 0 updated, 0 removed, 0 unchanged, 1 not articles"
    );
    assert_eq!(lines[2], "skipped: 0");
    assert_eq!(lines[3], "entities: extracted");
    // No progress bar when stderr is not a terminal.
    assert_eq!(run.stderr, "");
    // The index folder was created; nothing was written into the repo.
    assert!(index.join("meta.json").is_file());
}

#[test]
fn indexing_twice_leaves_each_article_once() {
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("index");
    for _ in 0..2 {
        let summary = build_index(repo(), "corpus", &index);
        assert_eq!(summary["articles"], 50, "{summary}");
    }
    // `*` matches every document in the index.
    let all = search_in(repo(), &index, "*", &["-n", "100"]);
    assert_eq!(all.total(), 50);
    assert_eq!(all.hits().len(), 50);
    let mut paths = all.paths();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), 50, "a path is indexed twice");
    for (query, path) in [
        (
            "ornithorynque",
            "corpus/wikinews/argentine-mammifere-fossile-patagonie.txt",
        ),
        ("grève", "corpus/wire/afp-greve-sncf-lyon.txt"),
        ("Mpox", "corpus/json/depeches-2024-2026.jsonl:4"),
    ] {
        let found = search_in(repo(), &index, query, &[]);
        assert_eq!(found.total(), 1, "{query}: {:?}", found.paths());
        assert_eq!(found.paths(), [path], "{query}");
    }
}

#[test]
fn reindexing_drops_articles_whose_files_are_gone() {
    let dir = TempDir::new().unwrap();
    let files = [
        "corpus/wikinews/argentine-mammifere-fossile-patagonie.txt",
        "corpus/orangesum/2020/audiences-radio-mediametrie.txt",
    ];
    copy_corpus_files(dir.path(), &files);
    let index = dir.path().join("index");
    let summary = build_index(dir.path(), "corpus", &index);
    assert_eq!(summary["articles"], 2, "{summary}");
    assert_eq!(
        search_in(dir.path(), &index, "ornithorynque", &[]).total(),
        1
    );

    fs::remove_file(dir.path().join(files[0])).unwrap();
    let summary = build_index(dir.path(), "corpus", &index);
    assert_eq!(summary["articles"], 1, "{summary}");
    let gone = search_in(dir.path(), &index, "ornithorynque", &[]);
    assert_eq!(gone.run.code, 1);
    assert_eq!(gone.total(), 0);
    let kept = search_in(dir.path(), &index, "écoutée", &[]);
    assert_eq!(kept.paths(), [files[1]]);
}

#[test]
fn the_corpus_readme_is_not_indexed() {
    let index = CorpusIndex::get();
    // The README repeats every test target; each must still be found in one article only.
    for query in [
        "ornithorynque",
        "harcelée",
        "\"fonte des glaciers\"",
        "décédée",
    ] {
        let found = index.search(query, &[]);
        assert_eq!(found.total(), 1, "{query}: {:?}", found.paths());
        assert!(!found.paths().iter().any(|p| p.ends_with("README.md")));
    }
    // Words found only in the README.
    // Exact: a word no article holds is otherwise searched as a close one.
    for query in ["canaries", "\"Per-article expectations\""] {
        let found = index.search(query, &["--exact"]);
        assert_eq!(found.run.code, 1, "{query}: {:?}", found.paths());
    }
}

#[test]
fn boilerplate_and_markup_words_are_not_indexed() {
    let index = CorpusIndex::get();
    let canaries = [
        // The scraped tail of wire/ files.
        "estimated",
        "protected",
        "email",
        "copyright",
        "reproduction",
        "related",
        "\"Related Posts\"",
        "Méridien",
        "funiculaire",
        "montgolfière",
        // HTML <script> and <style>.
        "trackingPixelZorglub",
        "zorglub",
        "xylophone",
        "dataLayer",
        // HTML <nav> and <footer>.
        "Horoscope",
        "cookies",
        "confidentialité",
        "\"Mentions légales\"",
        // HTML <title> site names.
        "\"Courrier d’Asie\"",
        "\"Sportif québécois\"",
        "\"Dépêches Éco\"",
    ];
    for word in canaries {
        // Exact: a word no article holds is otherwise searched as a close one.
        let found = index.search(word, &["--exact"]);
        assert_eq!(
            (found.run.code, found.total(), found.hits().len()),
            (1, 0, 0),
            "{word} found in {:?}",
            found.paths()
        );
    }
}

#[test]
fn paths_are_printed_as_walked() {
    let dir = TempDir::new().unwrap();
    let corpus = repo().join("corpus");
    let index = dir.path().join("index");
    build_index(dir.path(), corpus.to_str().unwrap(), &index);
    let found = search_in(dir.path(), &index, "ornithorynque", &[]);
    let expected = corpus.join("wikinews/argentine-mammifere-fossile-patagonie.txt");
    assert_eq!(found.paths(), [expected.to_str().unwrap()]);
}

#[test]
fn default_corpus_and_index_are_in_the_working_folder() {
    let dir = TempDir::new().unwrap();
    copy_corpus_files(dir.path(), &["corpus/wire/afp-greve-sncf-lyon.txt"]);
    let run = run_in(dir.path(), &["index"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout
            .starts_with("indexed 1 articles from 1 files in "),
        "{}",
        run.stdout
    );
    assert!(dir.path().join("index/meta.json").is_file());
    let search = run_in(dir.path(), &["search", "grève", "--json"]);
    assert_eq!(search.code, 0, "{search:#?}");
    assert_eq!(
        search.json()["hits"][0]["path"],
        "corpus/wire/afp-greve-sncf-lyon.txt"
    );
}

#[test]
fn unreadable_parts_are_skipped_and_listed() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("c");
    fs::create_dir_all(corpus.join(".cache")).unwrap();
    fs::write(
        corpus.join("a.jsonl"),
        "{\"title\": \"Un titre\", \"body\": \"Le texte du premier ornithorynque.\"}\n{oops\n",
    )
    .unwrap();
    fs::write(corpus.join("vide.txt"), "  \n").unwrap();
    fs::write(corpus.join("photo.png"), "not an article").unwrap();
    // Hidden folders are not walked.
    fs::write(
        corpus.join(".cache/cache.txt"),
        "Caché\n\nUn texte caché.\n",
    )
    .unwrap();
    let index = dir.path().join("index");

    let summary = build_index(dir.path(), "c", &index);
    assert_eq!(summary["articles"], 1, "{summary}");
    assert_eq!(summary["files_seen"], 3, "{summary}");
    assert_eq!(summary["not_articles"], 1, "{summary}");
    assert_eq!(
        summary["skipped"],
        serde_json::json!([
            {"path": "c/a.jsonl:2", "reason": "bad JSON: key must be a string at line 1 column 2"},
            {"path": "c/vide.txt", "reason": "empty file"},
        ])
    );

    let run = run_in(
        dir.path(),
        &["index", "c", "--index", index.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{run:#?}");
    // The re-run reads only what is not indexed as it is: the unchanged JSON Lines file is not
    // read again, the empty file is. The count is on stdout, the skip and its reason on stderr.
    // Entities are still extracted, as in the first run (built with --entities).
    let lines: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(
        lines,
        [
            "files: 3 seen, 0 added, 0 updated, 0 removed, 1 unchanged, 1 not articles",
            "skipped: 1",
            "entities: extracted",
        ]
    );
    assert_eq!(run.stderr, "depeche: skipped c/vide.txt: empty file\n");

    let found = search_in(dir.path(), &index, "ornithorynque", &[]);
    assert_eq!(found.paths(), ["c/a.jsonl:1"]);
    assert_eq!(search_in(dir.path(), &index, "caché", &[]).run.code, 1);
}

#[test]
fn a_missing_corpus_is_an_error_naming_it() {
    let dir = TempDir::new().unwrap();
    let run = run_in(dir.path(), &["index", "nulle-part", "--index", "index"]);
    let line = run.error_line();
    assert!(line.contains("nulle-part"), "{line}");
    assert!(!dir.path().join("index").exists(), "an index was created");
}

#[test]
fn a_folder_that_is_not_an_index_is_left_alone() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("documents");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("notes.txt"), "à garder").unwrap();
    let run = run(&["index", "corpus", "--index", folder.to_str().unwrap()]);
    let line = run.error_line();
    assert!(line.contains(folder.to_str().unwrap()), "{line}");
    let left: Vec<_> = fs::read_dir(&folder).unwrap().collect();
    assert_eq!(left.len(), 1, "files were added to {}", folder.display());
    assert_eq!(
        fs::read_to_string(folder.join("notes.txt")).unwrap(),
        "à garder"
    );
}
