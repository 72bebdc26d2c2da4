//! Shared helpers for the CLI tests: run the built `depeche` binary from the repo root, and share
//! one index of the sample corpus (in a temporary folder) between the tests running at one time.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use tempfile::TempDir;

/// The repository root; commands run from here so that paths print as `corpus/...`.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed file of the canonical scraped shape, relative to the repo root.
pub const SEED: &str = "../shared/seed/000_892bca4ce4e47079.txt";

/// The seed file's path relative to the repo root, or `None` (after saying so, see [`shared`])
/// when `../shared` is not checked out next to the repo.
pub fn seed() -> Option<&'static str> {
    let in_shared = SEED
        .strip_prefix("../shared/")
        .expect("the seed is in ../shared");
    shared(&[in_shared]).map(|_| SEED)
}

/// `../shared` (next to the repo: the shared corpus, its metadata, the seed file) when it holds
/// every one of `needed` (paths relative to it); otherwise `None`, after writing
/// `skipped: ../shared/PATH is absent (TEST)` for the first one missing. The line goes straight
/// to the process's stderr, which libtest does not capture, so that a plain `cargo test` shows
/// which tests passed without running.
pub fn shared(needed: &[&str]) -> Option<PathBuf> {
    let shared = repo().join("../shared");
    let Some(absent) = needed.iter().find(|path| !shared.join(path).exists()) else {
        return Some(shared);
    };
    // libtest names each test's thread after the test.
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("unnamed test");
    let _ = writeln!(
        std::io::stderr().lock(),
        "skipped: ../shared/{absent} is absent ({test})"
    );
    None
}

/// `depeche` with the repo root as its working folder.
pub fn depeche() -> Command {
    let mut cmd = Command::cargo_bin("depeche").expect("the depeche binary is built");
    cmd.current_dir(repo());
    cmd
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The command line, for failure messages.
    pub args: Vec<String>,
}

impl Run {
    /// Stdout as one JSON document.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "depeche {:?}: stdout is not JSON ({e}); exit {}\nstdout: {}\nstderr: {}",
                self.args, self.code, self.stdout, self.stderr
            )
        })
    }

    /// Stdout as JSON Lines.
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line).unwrap_or_else(|e| {
                    panic!(
                        "depeche {:?}: line is not JSON ({e}): {line}\nstderr: {}",
                        self.args, self.stderr
                    )
                })
            })
            .collect()
    }

    /// Checks an error run: exit 2, nothing on stdout, one stderr line starting `depeche: `.
    /// Returns that line.
    pub fn error_line(&self) -> &str {
        assert_eq!(self.code, 2, "depeche {:?}: {self:#?}", self.args);
        assert_eq!(self.stdout, "", "depeche {:?}: stdout on error", self.args);
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(
            lines.len(),
            1,
            "depeche {:?}: stderr is not one line: {:?}",
            self.args,
            self.stderr
        );
        assert!(
            lines[0].starts_with("depeche: "),
            "depeche {:?}: stderr does not start with `depeche: `: {:?}",
            self.args,
            self.stderr
        );
        lines[0]
    }
}

/// Runs `depeche ARGS` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = depeche();
    cmd.current_dir(dir).args(args);
    let output = cmd.output().expect("depeche runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        args: args.iter().map(|a| a.to_string()).collect(),
    }
}

/// Runs `depeche ARGS` from the repo root.
pub fn run(args: &[&str]) -> Run {
    run_in(repo(), args)
}

/// Indexes `corpus` (relative to `cwd`) into `index` and checks that it went well.
pub fn build_index(cwd: &Path, corpus: &str, index: &Path) -> Value {
    let index = index.to_str().expect("a UTF-8 temp path");
    let run = run_in(
        cwd,
        &["index", corpus, "--entities", "--index", index, "--json"],
    );
    assert_eq!(run.code, 0, "indexing {corpus}: {run:#?}");
    run.json()
}

/// Writes `dir/corpus`: twenty articles that write Poutine and one that writes Putin, the rare
/// spelling of a name that far more articles write another way.
pub fn rare_spelling_corpus(dir: &Path) {
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).expect("a corpus folder");
    for n in 0..20 {
        let text =
            format!("Poutine reçoit le ministre {n}\n\nVladimir Poutine a reçu le ministre.\n");
        std::fs::write(corpus.join(format!("poutine-{n}.txt")), text).expect("an article");
    }
    let putin = "Putin au sommet\n\nUn article écrit Putin, comme en anglais.\n";
    std::fs::write(corpus.join("putin.txt"), putin).expect("an article");
}

/// One JSON search's result, checked for consistency with its exit code.
#[derive(Debug)]
pub struct Search {
    pub run: Run,
    pub json: Value,
}

impl Search {
    /// `total_hits`: articles that match every term.
    pub fn total(&self) -> u64 {
        self.json["total_hits"]
            .as_u64()
            .expect("total_hits is a number")
    }

    /// The hits shown.
    pub fn hits(&self) -> &[Value] {
        self.json["hits"].as_array().expect("hits is an array")
    }

    /// The path of each hit, in order.
    pub fn paths(&self) -> Vec<&str> {
        self.hits().iter().map(|h| str_field(h, "path")).collect()
    }

    /// The paths of the hits, sorted (for ties in score, whose order is arbitrary).
    pub fn sorted_paths(&self) -> Vec<&str> {
        let mut paths = self.paths();
        paths.sort_unstable();
        paths
    }

    /// The first hit.
    pub fn first(&self) -> &Value {
        self.hits()
            .first()
            .unwrap_or_else(|| panic!("depeche {:?}: no hit: {}", self.run.args, self.json))
    }
}

/// A string field of a JSON object (panics when missing or not a string).
pub fn str_field<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {value}"))
}

/// Runs `depeche search QUERY --json ARGS` on `index` and checks the invariants of every search:
/// exit 0 with hits (or, with `--limit 0`, articles counted) and 1 without, nothing on stderr, and
/// the query echoed back.
pub fn search_in(cwd: &Path, index: &Path, query: &str, args: &[&str]) -> Search {
    let index = index.to_str().expect("a UTF-8 temp path");
    // The query comes after `--` so that one starting with `-` (an exclusion) is not a flag.
    let mut all = vec!["search", "--index", index, "--json"];
    all.extend_from_slice(args);
    all.extend(["--", query]);
    let run = run_in(cwd, &all);
    let json = run.json();
    let hits = json["hits"].as_array().expect("hits is an array");
    let counted = args
        .windows(2)
        .any(|pair| matches!(pair, ["-n" | "--limit", "0"]))
        && json["total_hits"].as_u64().is_some_and(|total| total > 0);
    let expected_code = if hits.is_empty() && !counted { 1 } else { 0 };
    assert_eq!(run.code, expected_code, "exit code of {run:#?}");
    assert_eq!(run.stderr, "", "stderr of {:?}", run.args);
    assert_eq!(json["query"], query, "query echoed by {:?}", run.args);
    Search { run, json }
}

/// An index of the repo's `corpus/`, built by `depeche index corpus` from the repo root into a
/// temporary folder. Tests running at the same time share one; it is deleted when the last
/// holder drops it.
pub struct CorpusIndex {
    dir: Arc<TempDir>,
}

static SHARED: Mutex<Weak<TempDir>> = Mutex::new(Weak::new());

impl CorpusIndex {
    /// The shared index, built now if no running test holds one.
    pub fn get() -> CorpusIndex {
        let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(dir) = shared.upgrade() {
            return CorpusIndex { dir };
        }
        let dir = Arc::new(TempDir::new().expect("a temp folder"));
        let summary = build_index(repo(), "corpus", &dir.path().join("index"));
        assert_eq!(summary["articles"], 50, "index summary: {summary}");
        *shared = Arc::downgrade(&dir);
        CorpusIndex { dir }
    }

    /// The index folder.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// `depeche search QUERY --json ARGS` from the repo root (see [`search_in`]).
    pub fn search(&self, query: &str, args: &[&str]) -> Search {
        search_in(repo(), &self.path(), query, args)
    }

    /// `depeche search QUERY --index INDEX ARGS`, unchecked (text output, errors).
    pub fn run_search(&self, query: &str, args: &[&str]) -> Run {
        let index = self.path();
        let mut all = vec!["search", "--index", index.to_str().expect("UTF-8")];
        all.extend_from_slice(args);
        all.extend(["--", query]);
        run(&all)
    }
}
