//! The engine on a small index of invented wire copy: ranking over weighted fields, the partial
//! fill-up, date filters and sorts, and paging.

use super::{Engine, SearchOptions, Sort};
use crate::index::{IndexOptions, NoProgress, build_index};
use chrono::NaiveDate;
use tempfile::TempDir;

/// Five dated articles: file name, title, dateline and body.
const ARTICLES: [(&str, &str, &str, &str); 5] = [
    (
        "a.txt",
        "Grève des cheminots à Lyon",
        "LYON, 3 mars 2024 (AFP) -",
        "Les cheminots ont cessé le travail mardi.",
    ),
    (
        "b.txt",
        "Trafic perturbé en gare",
        "PARIS, 5 mars 2024 (AFP) -",
        "Une grève surprise des cheminots a bloqué la gare du Nord.",
    ),
    (
        "c.txt",
        "La grève des enseignants reconduite",
        "MARSEILLE, 1 février 2024 (Reuters) -",
        "Les enseignants poursuivent leur mouvement.",
    ),
    (
        "d.txt",
        "Récolte record de lavande",
        "DIGNE, 20 juillet 2023 (AFP) -",
        "Les producteurs de lavande se réjouissent.",
    ),
    (
        "e.txt",
        "Nouvelle grève dans les raffineries",
        "DONGES, 12 octobre 2022 (AFP) -",
        "La grève touche la raffinerie de Donges.",
    ),
];

/// An engine over [`ARTICLES`], with the folder that holds its corpus and index.
fn engine() -> (Engine, TempDir) {
    let (dir, index) = index_of_articles(usize::MAX);
    (Engine::open(&index).unwrap(), dir)
}

/// An index of [`ARTICLES`] committed every `batch_files` files (a segment each, indexed on one
/// thread), in a temporary folder, and the index's path.
fn index_of_articles(batch_files: usize) -> (TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (file, title, dateline, body) in ARTICLES {
        let text = format!("{title}\n\n{dateline} {body}\n");
        std::fs::write(corpus.join(file), text).unwrap();
    }
    let options = IndexOptions {
        corpus,
        index: dir.path().join("index"),
        batch_files,
        threads: 1,
        ..IndexOptions::default()
    };
    build_index(&options, &NoProgress).unwrap();
    (dir, options.index)
}

/// The titles of the hits, each marked `*` when partial, and the count of full matches.
fn search(engine: &Engine, options: SearchOptions) -> (Vec<String>, usize) {
    let results = engine.search(&options).unwrap();
    let titles = results.hits.iter().map(|hit| match hit.partial {
        true => format!("{}*", hit.title),
        false => hit.title.clone(),
    });
    (titles.collect(), results.total_hits)
}

fn query(text: &str) -> SearchOptions {
    SearchOptions {
        query: text.to_string(),
        ..SearchOptions::default()
    }
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn searches() {
    let (engine, _dir) = engine();
    let cases: Vec<(&str, SearchOptions, &[&str], usize)> = vec![
        (
            "the title outweighs the body; articles missing a term fill up, marked partial",
            query("grève cheminots"),
            &[
                "Grève des cheminots à Lyon",
                "Trafic perturbé en gare",
                "Nouvelle grève dans les raffineries*",
                "La grève des enseignants reconduite*",
            ],
            2,
        ),
        (
            "all terms: no fill-up",
            SearchOptions {
                all_terms: true,
                ..query("grève cheminots")
            },
            &["Grève des cheminots à Lyon", "Trafic perturbé en gare"],
            2,
        ),
        (
            "newest first",
            SearchOptions {
                sort: Sort::Newest,
                ..query("grève")
            },
            &[
                "Trafic perturbé en gare",
                "Grève des cheminots à Lyon",
                "La grève des enseignants reconduite",
                "Nouvelle grève dans les raffineries",
            ],
            4,
        ),
        (
            "oldest first, from a day on",
            SearchOptions {
                sort: Sort::Oldest,
                from: day(2024, 1, 1),
                ..query("grève")
            },
            &[
                "La grève des enseignants reconduite",
                "Grève des cheminots à Lyon",
                "Trafic perturbé en gare",
            ],
            3,
        ),
        (
            "up to a day",
            SearchOptions {
                to: day(2024, 3, 3),
                sort: Sort::Newest,
                ..query("grève")
            },
            &[
                "Grève des cheminots à Lyon",
                "La grève des enseignants reconduite",
                "Nouvelle grève dans les raffineries",
            ],
            3,
        ),
        (
            "a page of two past the first",
            SearchOptions {
                sort: Sort::Oldest,
                offset: 1,
                limit: 2,
                ..query("grève")
            },
            &[
                "La grève des enseignants reconduite",
                "Grève des cheminots à Lyon",
            ],
            4,
        ),
        (
            "a page past the end",
            SearchOptions {
                offset: 10,
                ..query("grève")
            },
            &[],
            4,
        ),
        (
            "a blank query browses every article",
            SearchOptions {
                sort: Sort::Oldest,
                limit: 2,
                ..query("")
            },
            &[
                "Nouvelle grève dans les raffineries",
                "Récolte record de lavande",
            ],
            5,
        ),
    ];
    for (what, options, titles, total) in cases {
        let expected = (titles.iter().map(|t| t.to_string()).collect(), total);
        assert_eq!(search(&engine, options), expected, "{what}");
    }
}

#[test]
fn ranks_continue_across_pages() {
    let (engine, _dir) = engine();
    let page = |offset| {
        let options = SearchOptions {
            sort: Sort::Newest,
            offset,
            limit: 2,
            ..query("grève")
        };
        let results = engine.search(&options).unwrap();
        results.hits.iter().map(|hit| hit.rank).collect::<Vec<_>>()
    };
    assert_eq!(
        (page(0), page(2), page(3)),
        (vec![1, 2], vec![3, 4], vec![4])
    );
}

#[test]
fn segments_searched_on_every_core_give_the_same_results() {
    let (_dir, index) = index_of_articles(2);
    let segments = tantivy::Index::open_in_dir(&index)
        .unwrap()
        .searchable_segment_metas()
        .unwrap();
    assert!(segments.len() >= 2, "{} segments", segments.len());
    let one_thread = Engine::open_parallel_from(&index, u64::MAX).unwrap();
    let every_core = Engine::open_parallel_from(&index, 0).unwrap();
    let queries = [
        "grève",
        "grève cheminots",
        "\"gare du Nord\"",
        "lavande OR Donges",
        "AFP",
    ];
    for text in queries {
        let expected = search(&one_thread, query(text));
        assert_eq!(search(&every_core, query(text)), expected, "{text}");
        assert!(!expected.0.is_empty(), "{text}");
    }
    let newest = SearchOptions {
        sort: Sort::Newest,
        ..query("grève")
    };
    assert_eq!(
        search(&every_core, newest.clone()),
        search(&one_thread, newest)
    );
}

#[test]
fn one_pass_ranks_as_the_all_terms_search_topped_up_does() {
    let dir = tempfile::tempdir().unwrap();
    let options = IndexOptions {
        corpus: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        index: dir.path().join("index"),
        batch_files: 20,
        ..IndexOptions::default()
    };
    build_index(&options, &NoProgress).unwrap();
    let engine = Engine::open(&options.index).unwrap();
    let queries = [
        "grève cheminots",
        "grève SNCF Lyon manifestants",
        "ministre Agriculture FNSEA Lescure",
        "Banque France euro numérique",
        "OMS rougeole Afrique",
        "Séoul Pyongyang manœuvres",
        "Marchetti agriculteurs",
        "Kinshasa élections opposition résultats",
        "vaccins enfants Dakar",
        "hydrogène solaire usine Bruxelles",
        "porte-avions Toulon",
        "zorglub ministre",
    ];
    let mut topped_up = 0;
    for text in queries {
        for (offset, limit) in [(0, 10), (3, 5), (0, 1), (0, 60)] {
            let asked = SearchOptions {
                offset,
                limit,
                ..query(text)
            };
            let one = engine.search_with(&asked, true).unwrap();
            let two = engine.search_with(&asked, false).unwrap();
            let hits = |results: &super::SearchResults| -> Vec<_> {
                let hits = results.hits.iter();
                hits.map(|h| (h.rank, h.path.clone(), h.partial, h.snippet.clone()))
                    .collect()
            };
            assert_eq!(hits(&one), hits(&two), "{text} {offset}+{limit}");
            // Scores are sums of the same terms' scores, added in another order: equal but for
            // the last bits, which rounding to a fixed number of decimals can still tell apart.
            for (a, b) in one.hits.iter().zip(&two.hits) {
                let scale = a.score.abs().max(1.0);
                assert!(
                    (a.score - b.score).abs() <= 1e-5 * scale,
                    "{text}: {a:?} {b:?}"
                );
            }
            assert_eq!(one.total_hits, two.total_hits, "{text}");
            topped_up += usize::from(one.hits.iter().any(|h| h.partial));
        }
    }
    assert!(topped_up >= 10, "only {topped_up} searches were topped up");
}

#[test]
fn one_pass_skips_the_replaced_version_of_a_changed_file() {
    let (dir, index) = index_of_articles(usize::MAX);
    let changed = "Trafic rétabli en gare\n\nPARIS, 6 mars 2024 (AFP) - Fin de la grève des \
                   cheminots à la gare du Nord.\n";
    std::fs::write(dir.path().join("corpus/b.txt"), changed).unwrap();
    let options = IndexOptions {
        corpus: dir.path().join("corpus"),
        index: index.clone(),
        threads: 1,
        ..IndexOptions::default()
    };
    build_index(&options, &NoProgress).unwrap();
    let engine = Engine::open(&index).unwrap();
    let segments = engine.searcher().segment_readers().to_vec();
    let deleted: Vec<(u32, u32)> = segments
        .iter()
        .map(|s| (s.num_docs(), s.num_deleted_docs()))
        .collect();
    assert!(deleted.iter().any(|d| d.1 > 0), "{deleted:?}");
    let cases: [(&str, &[&str], usize); 2] = [
        ("trafic perturbé gare", &["Trafic rétabli en gare*"], 0),
        (
            "grève cheminots gare",
            &[
                "Trafic rétabli en gare",
                "Grève des cheminots à Lyon*",
                "Nouvelle grève dans les raffineries*",
                "La grève des enseignants reconduite*",
            ],
            1,
        ),
    ];
    for (text, titles, total) in cases {
        for one_pass in [true, false] {
            let results = engine.search_with(&query(text), one_pass).unwrap();
            let found: Vec<String> = results
                .hits
                .iter()
                .map(|hit| format!("{}{}", hit.title, if hit.partial { "*" } else { "" }))
                .collect();
            assert_eq!(found, titles, "{text}, one pass: {one_pass}");
            assert_eq!(results.total_hits, total, "{text}");
        }
    }
}
