//! Fuzz target `query_search`: a fuzzed query (and search options) against an index of the repo's
//! `corpus/` (50 articles, entities on), built once per process through the library. The search
//! runs end to end as a page gets it — typo correction, repair, query rewrite, tantivy's parser,
//! ranking, top-up, snippets, facets. Nothing may panic; errors (a query with no word left) are
//! fine.
//!
//! Input: a 5-byte header, then the text (UTF-8, lossy). Header:
//! - byte 0: bits 0-1 sort (1 newest, 2 oldest, else relevance), bit 2 all terms, bit 3 no
//!   snippets, bit 4 a `from` date, bit 5 a `to` date, bits 6-7 the offset (0, 1, 48, or
//!   `usize::MAX`);
//! - byte 1: the limit (`% 21`, or `usize::MAX` for 255);
//! - bytes 2 and 3: the `from` and `to` days, 16 days a step from 2015-01-01;
//! - byte 4: the snippet length (200, 0, 1, 40, 1000: `% 5`), bit 6 the facets, bit 7 exact
//!   (no typo correction).
//!
//! The text is split on NUL bytes (which a command-line argument cannot hold): the query first,
//! then up to three entity filters.
//!
//! The one panic found and left to tantivy (a debug assertion in its exclusion of a phrase,
//! [`KNOWN_PANICS`]) is skipped, so that it does not stop every run in its first minute;
//! `DEPECHE_FUZZ_STRICT=1` skips none.

#![no_main]

use chrono::{Days, NaiveDate};
use depeche::api::search_page;
use depeche::index::NoProgress;
use depeche::{Engine, IndexOptions, SearchOptions, Sort, build_index};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::{LazyLock, Mutex};

/// The known panics, by the start of their message: tantivy 0.27's debug assertion in
/// `PhraseScorer::seek_danger` when `Exclude` seeks an exhausted phrase scorer back (finding 3 in
/// fuzz/README.md; release builds answer correctly, and depeche's dev profile turns tantivy's
/// debug assertions off, but fuzz builds turn them on for every crate).
const KNOWN_PANICS: &[&str] = &["target ("];

/// Lets the panics of [`KNOWN_PANICS`] raised inside tantivy unwind (to be caught around the
/// search), saying once per place where they happen, and hands every other one to libFuzzer's
/// hook, which reports it and aborts.
fn skip_known_panics() {
    if std::env::var_os("DEPECHE_FUZZ_STRICT").is_some_and(|v| v == "1") {
        return;
    }
    let report = std::panic::take_hook();
    let seen = Mutex::new(HashSet::new());
    std::panic::set_hook(Box::new(move |info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info.payload_as_str().unwrap_or_default();
        let known = at.contains("/tantivy-0.27.0/src/")
            && KNOWN_PANICS.iter().any(|known| message.starts_with(known));
        if !known {
            return report(info);
        }
        if seen.lock().is_ok_and(|mut seen| seen.insert(at.clone())) {
            eprintln!("query_search: skipping known panic at {at}: {message}");
        }
    }));
}

/// The engine over the sample corpus. The index is built in a temporary folder, opened, and the
/// folder deleted: the engine's files stay mapped, and nothing is left behind when libFuzzer exits
/// without running destructors.
static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    skip_known_panics();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let options = IndexOptions {
        corpus,
        index: dir.path().join("index"),
        threads: 1,
        memory_mb: 50,
        entities: Some(true),
        ..IndexOptions::default()
    };
    let summary = build_index(&options, &NoProgress).expect("the sample corpus indexes");
    assert_eq!(summary.articles, 50, "{summary:?}");
    let engine = Engine::open(&options.index).expect("the index opens");
    drop(dir);
    let check = SearchOptions {
        query: "grève".to_string(),
        ..SearchOptions::default()
    };
    let found = engine.search(&check).expect("a plain query runs");
    assert!(
        !found.hits.is_empty(),
        "the engine works once its folder is gone"
    );
    engine
});

/// Offsets, the largest one included (finding 1 was a huge `offset + limit`).
const OFFSETS: [usize; 4] = [0, 1, 48, usize::MAX];
const SNIPPET_CHARS: [usize; 5] = [200, 0, 1, 40, 1000];

fn day(steps: u8) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    start + Days::new(u64::from(steps) * 16)
}

fuzz_target!(|data: &[u8]| {
    let engine = &*ENGINE;
    let Some((header, text)) = data.split_first_chunk::<5>() else {
        return;
    };
    let [flags, limit, from, to, snippet] = *header;
    let text = String::from_utf8_lossy(text);
    let mut parts = text.split('\0');
    let query = parts.next().unwrap_or_default().to_string();
    let entities = parts.take(3).map(str::to_string).collect();
    let options = SearchOptions {
        query,
        limit: match limit {
            255 => usize::MAX,
            n => usize::from(n % 21),
        },
        offset: OFFSETS[usize::from(flags >> 6)],
        sort: match flags & 3 {
            1 => Sort::Newest,
            2 => Sort::Oldest,
            _ => Sort::Relevance,
        },
        from: (flags & 0x10 != 0).then(|| day(from)),
        to: (flags & 0x20 != 0).then(|| day(to)),
        all_terms: flags & 4 != 0,
        entities,
        snippets: flags & 8 == 0,
        snippet_chars: SNIPPET_CHARS[usize::from(snippet % 5)],
        exact: snippet & 0x80 != 0,
    };
    let with_facets = snippet & 0x40 != 0;
    let _ = catch_unwind(AssertUnwindSafe(|| {
        search_page(engine, &options, with_facets)
    }));
});
