//! The proof of `depeche export`'s analysis: Lucene 8 (the library OpenSearch and Elasticsearch
//! run), given the exported settings file, makes the tokens depeche's analyzers make, on every
//! tenth article of the shared corpus. The Lucene side is `tests/lucene/LuceneAnalyze.java`.

use crate::common::{repo, run, shared};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The jars of Debian's `liblucene8-java` and `libjackson2-databind-java`.
const JARS: [&str; 5] = [
    "/usr/share/java/lucene-core-8.7.0.jar",
    "/usr/share/java/lucene-analyzers-common-8.7.0.jar",
    "/usr/share/java/jackson-core.jar",
    "/usr/share/java/jackson-databind.jar",
    "/usr/share/java/jackson-annotations.jar",
];

/// The Lucene program compiled into `classes`, and its class path; `None`, after saying why on
/// stderr, when Java or the jars are absent (`.ci/run` installs them).
fn lucene(classes: &Path) -> Option<String> {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("unnamed test");
    if let Some(absent) = JARS.iter().find(|jar| !Path::new(jar).exists()) {
        eprintln!(
            "skipped: {absent} is absent: apt-get install liblucene8-java libjackson2-databind-java ({test})"
        );
        return None;
    }
    let jars = JARS.join(":");
    let compiled = Command::new("javac")
        .args(["-d", classes.to_str()?, "-cp", &jars])
        .arg(repo().join("tests/lucene/LuceneAnalyze.java"))
        .status();
    match compiled {
        Ok(status) => assert!(status.success(), "javac failed"),
        Err(error) => {
            eprintln!(
                "skipped: javac does not run ({error}): apt-get install default-jdk-headless ({test})"
            );
            return None;
        }
    }
    Some(format!("{jars}:{}", classes.display()))
}

/// The tokens Lucene makes of each text with analyzer `analyzer` of the settings file.
fn lucene_tokens(
    classpath: &str,
    settings: &Path,
    analyzer: &str,
    texts: &[String],
) -> Vec<Vec<String>> {
    let mut child = Command::new("java")
        .args(["-cp", classpath, "LuceneAnalyze"])
        .arg(settings)
        .arg(analyzer)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("java runs");
    let mut stdin = child.stdin.take().unwrap();
    let lines: Vec<String> = texts
        .iter()
        .map(|text| serde_json::json!({ "text": text }).to_string())
        .collect();
    let writer = std::thread::spawn(move || {
        for line in lines {
            writeln!(stdin, "{line}").unwrap();
        }
    });
    let tokens = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|line| {
            line.unwrap()
                .split_whitespace()
                .map(str::to_string)
                .collect()
        })
        .collect();
    writer.join().unwrap();
    assert!(child.wait().unwrap().success(), "LuceneAnalyze failed");
    tokens
}

/// Title and body of every tenth article file of the shared corpus, in path order.
fn every_tenth_article(corpus: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.unwrap().into_path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .step_by(10)
        .filter_map(|path| depeche::parse::parse_file(path, depeche::parse::Format::Text).ok())
        .flat_map(|parsed| parsed.articles)
        .map(|article| format!("{}\n{}", article.title, article.body))
        .collect()
}

/// Token counts of a comparison, and the differences, `depeche → Lucene`, by how often.
#[derive(Default)]
struct Comparison {
    depeche: usize,
    lucene: usize,
    identical: usize,
    differences: HashMap<String, usize>,
}

impl Comparison {
    fn add(&mut self, ours: &[String], theirs: &[String]) {
        self.depeche += ours.len();
        self.lucene += theirs.len();
        for op in capture_diff_slices(Algorithm::Myers, ours, theirs) {
            match op {
                DiffOp::Equal { len, .. } => self.identical += len,
                _ => {
                    let (_, old, new) = op.as_tag_tuple();
                    let difference = format!("{} → {}", ours[old].join(" "), theirs[new].join(" "));
                    *self.differences.entry(difference).or_default() += 1;
                }
            }
        }
    }

    /// The share of depeche's tokens that Lucene made identically.
    fn identical_share(&self) -> f64 {
        self.identical as f64 / self.depeche.max(1) as f64
    }

    fn report(&self, analyzer: &str) {
        let mut differences: Vec<_> = self.differences.iter().collect();
        differences.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        eprintln!(
            "{analyzer}: {} depeche tokens, {} Lucene tokens, {} identical ({:.3}%); {} kinds of difference, most frequent:",
            self.depeche,
            self.lucene,
            self.identical,
            100.0 * self.identical_share(),
            differences.len()
        );
        for (difference, count) in differences.iter().take(40) {
            eprintln!("  {count:>6}  {difference}");
        }
    }
}

#[test]
fn lucene_makes_depeche_s_tokens_from_the_exported_settings() {
    let Some(shared) = shared(&["corpus"]) else {
        return;
    };
    let classes = tempfile::tempdir().unwrap();
    let Some(classpath) = lucene(classes.path()) else {
        return;
    };
    let to = tempfile::tempdir().unwrap();
    let exported = run(&[
        "export",
        "corpus",
        "--to",
        to.path().to_str().unwrap(),
        "--no-entities",
    ]);
    assert_eq!(exported.code, 0, "{exported:#?}");
    let settings = to.path().join("depeche.settings.json");
    let texts = every_tenth_article(&shared.join("corpus"));
    assert!(texts.len() > 3_000, "{} articles", texts.len());
    let analyzers = [
        ("depeche_fr", depeche::analysis::french_analyzer()),
        ("depeche_names", depeche::analysis::names_analyzer()),
    ];
    for (name, mut analyzer) in analyzers {
        let theirs = lucene_tokens(&classpath, &settings, name, &texts);
        assert_eq!(theirs.len(), texts.len(), "{name}: one line per text");
        let mut comparison = Comparison::default();
        for (text, theirs) in texts.iter().zip(&theirs) {
            comparison.add(&depeche::analysis::tokens(&mut analyzer, text), theirs);
        }
        comparison.report(name);
        assert!(
            comparison.identical_share() >= 0.99,
            "{name}: under 99% identical"
        );
    }
}
