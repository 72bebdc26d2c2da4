//! Regression tests for what the cargo-fuzz targets found (see fuzz/README.md, "Findings"): each
//! crash input replayed through the built `depeche` binary, which must answer (exit 0 or 1) or
//! refuse (exit 2, one error line) but never panic.

use crate::common::{CorpusIndex, Run};

/// Checks that a search ended in an answer or a clean refusal, not a panic (exit 101) or an abort.
fn assert_no_crash(run: &Run) {
    assert!(
        matches!(run.code, 0..=2),
        "depeche {:?} crashed: {run:#?}",
        run.args
    );
    assert!(
        !run.stderr.contains("panicked"),
        "depeche {:?} panicked: {}",
        run.args,
        run.stderr
    );
    if run.code == 2 {
        run.error_line();
    }
}

/// Finding 1 (query_search): `offset + limit` goes to tantivy unbounded, which preallocates twice
/// that many hits: `-n 18446744073709551615` panics with "capacity overflow", `-n 1000000000`
/// aborts on a failed allocation, and in a debug build `offset + limit` overflows.
#[test]
fn huge_limit_or_offset_is_not_a_crash() {
    let index = CorpusIndex::get();
    let max = usize::MAX.to_string();
    let cases: [&[&str]; 4] = [
        &["-n", &max],
        &["--offset", &max],
        &["--offset", &max, "-n", "0"],
        &["-n", "1000000000"],
    ];
    for args in cases {
        assert_no_crash(&index.run_search("grève", args));
    }
}

/// Finding 2 (query_search): a date-sorted search with partial hits explains a phrase query (from
/// the multi-token word `2019-12`) on a document before the phrase's first match; tantivy 0.27's
/// `PhraseScorer::seek` debug-asserts `target >= self.doc()` (debug builds only).
#[test]
fn date_sorted_search_with_a_phrase_does_not_panic() {
    let index = CorpusIndex::get();
    for sort in ["newest", "oldest"] {
        assert_no_crash(&index.run_search("grève 2019-12", &["--sort", sort]));
    }
}

/// Finding 3 (query_search): excluding a phrase whose words are in the index but never side by
/// side; tantivy 0.27's `Exclude` seeks the exhausted phrase scorer back to doc 0 and
/// `PhraseScorer::seek_danger` debug-asserts (debug builds only).
#[test]
fn excluding_a_phrase_that_never_occurs_does_not_panic() {
    let index = CorpusIndex::get();
    for query in ["grève -\"cheminots Séoul\"", "SNCF -\"score SNCF\""] {
        assert_no_crash(&index.run_search(query, &[]));
    }
}

/// Finding 4 (query_search): a date-sorted search whose query has an exclusion inside an OR
/// explains the boolean query on a hit its fresh scorer has already passed; tantivy 0.27's
/// `DocSet::seek` debug-asserts `doc <= target` (debug builds only).
#[test]
fn date_sorted_search_with_an_or_not_does_not_panic() {
    let index = CorpusIndex::get();
    for sort in ["newest", "oldest"] {
        assert_no_crash(&index.run_search("grève OR -SNCF", &["--sort", sort]));
    }
}
