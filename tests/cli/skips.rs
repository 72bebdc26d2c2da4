//! How `depeche index` reports what it leaves out: the count on stdout, the first five skips on
//! stderr (every one with `--verbose`), exit 2 with `--strict` once everything else is indexed;
//! and unreadable entries — a broken symlink, a file or a folder without read permission — are
//! reported skips that keep whatever the index already holds of them. `depeche export` skips the
//! same.

use crate::common::{Run, run_in, search_in};
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use tempfile::TempDir;

fn article(title: &str, word: &str) -> String {
    format!("{title}\n\nPARIS (AFP) - Un article tout à fait normal sur le mot {word}.\n")
}

/// Two good articles (`anémone`, `bégonia`) and seven skips, in a folder `c` under `root`.
fn corpus_with_seven_skips(root: &Path) {
    let c = root.join("c");
    fs::create_dir_all(c.join("boucle")).unwrap();
    fs::write(c.join("normal.txt"), article("Normal", "anémone")).unwrap();
    fs::write(c.join("vide.txt"), "").unwrap();
    fs::write(c.join("vide.md"), "\n\n").unwrap();
    fs::write(c.join("binaire.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(
        c.join("lignes.jsonl"),
        "{\"title\": \"Bon\", \"body\": \"Le bégonia.\"}\n{pas du json\n{\"title\": \"Coupé\"\n",
    )
    .unwrap();
    symlink("missing", c.join("gone.txt")).unwrap();
    symlink("..", c.join("boucle/retour")).unwrap();
}

/// Runs `depeche index c --index index ARGS` in `dir`.
fn index(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["index", "c", "--index", "index"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// The summary's file and skip counts: stdout without its first line (which holds timings) and
/// its last (whether entities are extracted), which are not what these tests are about.
fn summary_after_timing(run: &Run) -> Vec<&str> {
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    lines[1..3].to_vec()
}

const SEVEN_SKIPS: [&str; 7] = [
    "depeche: skipped c/binaire.txt: binary file",
    "depeche: skipped c/boucle/retour: symlink loop: points back to c",
    "depeche: skipped c/gone.txt: broken symlink: missing does not exist",
    "depeche: skipped c/lignes.jsonl:2: bad JSON: key must be a string at line 1 column 2",
    "depeche: skipped c/lignes.jsonl:3: bad JSON: EOF while parsing an object at line 1 column 18",
    "depeche: skipped c/vide.md: empty file",
    "depeche: skipped c/vide.txt: empty file",
];

#[test]
fn default_lists_the_first_five_skips_and_says_how_many_more() {
    let dir = TempDir::new().unwrap();
    corpus_with_seven_skips(dir.path());
    let run = index(dir.path(), &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout
            .starts_with("indexed 2 articles from 2 files in "),
        "{run:#?}"
    );
    assert_eq!(
        summary_after_timing(&run),
        [
            "files: 5 seen, 2 added, 0 updated, 0 removed, 0 unchanged, 0 not articles",
            "skipped: 7",
        ]
    );
    let mut expected = SEVEN_SKIPS[..5].join("\n");
    expected.push_str("\ndepeche: … 2 more skipped; --verbose lists them all\n");
    assert_eq!(run.stderr, expected);
}

#[test]
fn verbose_lists_every_skip_with_its_reason() {
    let dir = TempDir::new().unwrap();
    corpus_with_seven_skips(dir.path());
    for flag in ["--verbose", "-v"] {
        let run = index(dir.path(), &["--full", flag]);
        assert_eq!(run.code, 0, "{run:#?}");
        assert_eq!(
            summary_after_timing(&run),
            [
                "files: 5 seen, 2 added, 0 updated, 0 removed, 0 unchanged, 0 not articles",
                "skipped: 7",
            ]
        );
        assert_eq!(run.stderr, SEVEN_SKIPS.join("\n") + "\n", "{flag}");
    }
}

#[test]
fn json_output_keeps_stdout_pure_and_lists_every_skip_there() {
    let dir = TempDir::new().unwrap();
    corpus_with_seven_skips(dir.path());
    let run = index(dir.path(), &["--json", "--verbose"]);
    assert_eq!(run.code, 0, "{run:#?}");
    let skipped: Vec<String> = run.json()["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (path, reason) = (s["path"].as_str().unwrap(), s["reason"].as_str().unwrap());
            format!("depeche: skipped {path}: {reason}")
        })
        .collect();
    assert_eq!(skipped, SEVEN_SKIPS);
    assert_eq!(run.stderr, SEVEN_SKIPS.join("\n") + "\n");
}

#[test]
fn strict_indexes_everything_else_then_exits_2_naming_the_count() {
    let dir = TempDir::new().unwrap();
    corpus_with_seven_skips(dir.path());
    let run = index(dir.path(), &["--strict", "--verbose"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(
        summary_after_timing(&run),
        [
            "files: 5 seen, 2 added, 0 updated, 0 removed, 0 unchanged, 0 not articles",
            "skipped: 7",
        ]
    );
    let mut expected = SEVEN_SKIPS.join("\n");
    expected.push_str(
        "\ndepeche: --strict: 7 file(s) or line(s) skipped; everything else is indexed\n",
    );
    assert_eq!(run.stderr, expected);
    let index = dir.path().join("index");
    assert_eq!(
        search_in(dir.path(), &index, "anémone", &[]).paths(),
        ["c/normal.txt"]
    );
    assert_eq!(
        search_in(dir.path(), &index, "bégonia", &[]).paths(),
        ["c/lignes.jsonl:1"]
    );
}

#[test]
fn strict_without_skips_exits_0() {
    let dir = TempDir::new().unwrap();
    fs::create_dir_all(dir.path().join("c")).unwrap();
    fs::write(
        dir.path().join("c/normal.txt"),
        article("Normal", "anémone"),
    )
    .unwrap();
    let run = index(dir.path(), &["--strict"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(summary_after_timing(&run)[1], "skipped: 0");
    assert_eq!(run.stderr, "");
}

#[test]
fn a_broken_symlink_is_a_skip_and_keeps_the_articles_of_its_target() {
    let dir = TempDir::new().unwrap();
    let c = dir.path().join("c");
    let elsewhere = dir.path().join("ailleurs");
    fs::create_dir_all(&c).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(c.join("normal.txt"), article("Normal", "anémone")).unwrap();
    fs::write(elsewhere.join("lien.txt"), article("Lié", "bégonia")).unwrap();
    symlink("../ailleurs/lien.txt", c.join("lien.txt")).unwrap();
    let first = index(dir.path(), &[]);
    assert_eq!((first.code, first.stderr.as_str()), (0, ""), "{first:#?}");

    // The target goes away (an unmounted disk, say): the link is reported, its article stays.
    fs::remove_file(elsewhere.join("lien.txt")).unwrap();
    let run = index(dir.path(), &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        summary_after_timing(&run),
        [
            "files: 1 seen, 0 added, 0 updated, 0 removed, 1 unchanged, 0 not articles",
            "skipped: 1",
        ]
    );
    assert_eq!(
        run.stderr,
        "depeche: skipped c/lien.txt: broken symlink: ../ailleurs/lien.txt does not exist\n"
    );
    let index = dir.path().join("index");
    assert_eq!(
        search_in(dir.path(), &index, "bégonia", &[]).paths(),
        ["c/lien.txt"]
    );
}

#[test]
fn a_file_reached_again_through_links_is_read_once() {
    let dir = TempDir::new().unwrap();
    let c = dir.path().join("c");
    fs::create_dir_all(c.join("textes")).unwrap();
    fs::write(c.join("textes/vrai.txt"), article("Vrai", "bégonia")).unwrap();
    symlink("textes/vrai.txt", c.join("zz-lien.txt")).unwrap();
    symlink("textes", c.join("zz-dossier")).unwrap();
    let run = index(dir.path(), &[]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:#?}");
    assert_eq!(
        summary_after_timing(&run),
        [
            "files: 3 seen, 1 added, 0 updated, 0 removed, 0 unchanged, 2 not articles",
            "skipped: 0",
        ]
    );
    let index = dir.path().join("index");
    assert_eq!(
        search_in(dir.path(), &index, "bégonia", &[]).paths(),
        ["c/textes/vrai.txt"]
    );
}

/// Sets the permission bits of `path`.
fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_file_without_read_permission_is_skipped_unless_it_can_be_read() {
    let dir = TempDir::new().unwrap();
    let c = dir.path().join("c");
    fs::create_dir_all(&c).unwrap();
    fs::write(c.join("normal.txt"), article("Normal", "anémone")).unwrap();
    fs::write(c.join("verrou.txt"), article("Verrou", "bégonia")).unwrap();
    chmod(&c.join("verrou.txt"), 0o000);
    // Root reads it anyway: the test expects what this process can do.
    let readable = fs::read(c.join("verrou.txt")).is_ok();
    let run = index(dir.path(), &["--json"]);
    chmod(&c.join("verrou.txt"), 0o644);
    assert_eq!(run.code, 0, "{run:#?}");
    let summary = run.json();
    let index = dir.path().join("index");
    let found = search_in(dir.path(), &index, "bégonia", &[]);
    if readable {
        assert_eq!(summary["skipped"], serde_json::json!([]), "{summary}");
        assert_eq!(run.stderr, "");
        assert_eq!(found.paths(), ["c/verrou.txt"]);
    } else {
        assert_eq!(
            summary["skipped"],
            serde_json::json!([{
                "path": "c/verrou.txt",
                "reason": "cannot read: Permission denied (os error 13)",
            }]),
            "{summary}"
        );
        assert_eq!(
            run.stderr,
            "depeche: skipped c/verrou.txt: cannot read: Permission denied (os error 13)\n"
        );
        assert!(found.paths().is_empty());
    }
    assert_eq!(summary["files_seen"], 2, "{summary}");
    assert_eq!(
        search_in(dir.path(), &index, "anémone", &[]).paths(),
        ["c/normal.txt"]
    );
}

#[test]
fn a_folder_that_cannot_be_listed_is_skipped_and_keeps_its_articles() {
    let dir = TempDir::new().unwrap();
    let c = dir.path().join("c");
    fs::create_dir_all(c.join("secret")).unwrap();
    fs::write(c.join("normal.txt"), article("Normal", "anémone")).unwrap();
    fs::write(c.join("secret/a.txt"), article("Secret", "bégonia")).unwrap();
    let first = index(dir.path(), &["--strict"]);
    assert_eq!(first.code, 0, "{first:#?}");

    chmod(&c.join("secret"), 0o000);
    // Root lists it anyway: the test expects what this process can do.
    let listable = fs::read_dir(c.join("secret")).is_ok();
    let run = index(dir.path(), &["--strict"]);
    chmod(&c.join("secret"), 0o755);
    if listable {
        assert_eq!(run.code, 0, "{run:#?}");
        assert_eq!(run.stderr, "");
    } else {
        assert_eq!(run.code, 2, "{run:#?}");
        assert_eq!(
            summary_after_timing(&run),
            [
                "files: 1 seen, 0 added, 0 updated, 0 removed, 1 unchanged, 0 not articles",
                "skipped: 1",
            ]
        );
        assert_eq!(
            run.stderr,
            "depeche: skipped c/secret: cannot list folder: Permission denied (os error 13)\n\
             depeche: --strict: 1 file(s) or line(s) skipped; everything else is indexed\n"
        );
    }
    // Either way the folder's article is still in the index.
    let index = dir.path().join("index");
    assert_eq!(
        search_in(dir.path(), &index, "bégonia", &[]).paths(),
        ["c/secret/a.txt"]
    );
}

#[test]
fn export_skips_what_index_skips_and_writes_the_rest() {
    let dir = TempDir::new().unwrap();
    corpus_with_seven_skips(dir.path());
    let exported = run_in(
        dir.path(),
        &["export", "c", "--to", "out", "--verbose", "--json"],
    );
    assert_eq!(exported.code, 0, "{exported:#?}");
    assert_eq!(exported.stderr.lines().collect::<Vec<_>>(), SEVEN_SKIPS);
    let summary = exported.json();
    assert_eq!(summary["articles"], 2);
    assert_eq!(summary["skipped"].as_array().unwrap().len(), 7);
    let bulk = fs::read_to_string(dir.path().join("out/bulk-00001.ndjson")).unwrap();
    let paths: Vec<&str> = bulk.lines().filter(|l| l.contains("\"title\"")).collect();
    assert_eq!(paths.len(), 2);
    assert!(
        paths[0].contains("\"path\":\"c/lignes.jsonl:1\""),
        "{}",
        paths[0]
    );
    assert!(
        paths[1].contains("\"path\":\"c/normal.txt\""),
        "{}",
        paths[1]
    );
}
