//! `depeche search` on an index of the sample corpus: French matching (inflections, accents,
//! elisions), phrases, fields, dates, exclusions, OR, partial top-up, sorting, paging, snippets,
//! the JSON and text outputs, and exit codes and error messages.

use crate::common::{
    CorpusIndex, Search, build_index, rare_spelling_corpus, repo, run_in, search_in, str_field,
};
use serde_json::Value;
use tempfile::TempDir;

const GREVE: &str = "corpus/wire/afp-greve-sncf-lyon.txt";
const FAMILLES: &str = "corpus/wire/yonhap-familles-separees.txt";
const MANOEUVRES: &str = "corpus/wire/yonhap-manoeuvres-mer-jaune.txt";
const ELECTIONS_SEOUL: &str = "corpus/wire/yonhap-elections-locales-seoul.txt";
const KYIV: &str = "corpus/wire/ap-kyiv-fete-independance.txt";
const OTAN: &str = "corpus/orangesum/2025/otan-sommet-la-haye.txt";
const HARCELEE: &str = "corpus/orangesum/2021/professeure-harcelee-nantes.txt";
const COOPERATION: &str = "corpus/web/senegal-mauritanie-cooperation-gaziere.md";
const GLACIERS: &str = "corpus/json/ats-geneve-glaciers-suisses.json";
const CANICULE: &str = "corpus/orangesum/2022/canicule-vigilance-rouge.txt";
const ECOUTEE: &str = "corpus/orangesum/2020/audiences-radio-mediametrie.txt";
const DECEDEE: &str = "corpus/orangesum/2022/chanteuse-madeleine-sorel-lacombe.txt";
const ORNITHORYNQUE: &str = "corpus/wikinews/argentine-mammifere-fossile-patagonie.txt";
const ROUGEOLE: &str = "corpus/wire/geneve-oms-rougeole.txt";
const PYONGYANG: &str = "corpus/web/pyongyang-defile-75e-anniversaire.html";
const UNIFICATION: &str = "corpus/json/depeches-2024-2026.jsonl:1";
const MOTION: &str = "corpus/orangesum/2023/motion-censure-morvan.txt";
const BANQUE: &str = "corpus/web/banque-de-france-euro-numerique.html";
const TUNIS: &str = "corpus/orangesum/2020/tunis-paris-visas-etudiants.txt";
const SNCF_TGV: &str = "corpus/orangesum/2023/sncf-prix-billets-tgv.txt";
const ROSCOSMOS: &str = "corpus/wire/reuters-roscosmos-module.txt";
const HYDRASOL: &str = "corpus/web/cnes-satellite-hydrasol.md";

/// The snippet without its `<b>` tags, HTML entities decoded.
fn plain(snippet: &str) -> String {
    snippet
        .replace("<b>", "")
        .replace("</b>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn hit_snippet(hit: &Value) -> &str {
    str_field(hit, "snippet")
}

#[test]
fn french_queries_find_their_article_first() {
    let index = CorpusIndex::get();
    // (query, first hit, total hits matching every term when the README pins it down)
    let cases: &[(&str, &str, Option<u64>)] = &[
        // Inflected forms share a stem.
        ("grève", GREVE, Some(1)),
        ("grèves", GREVE, Some(1)),
        ("manifestante", GREVE, Some(1)),
        ("manifestants", GREVE, Some(1)),
        ("coopérations", COOPERATION, Some(1)),
        ("harcèlement", HARCELEE, Some(1)),
        // Unaccented and upper-case queries find accented words, œ is oe.
        ("greve", GREVE, Some(1)),
        ("GREVE", GREVE, Some(1)),
        ("etat coree", FAMILLES, Some(1)),
        ("harcelee", HARCELEE, Some(1)),
        ("cooperation", COOPERATION, Some(1)),
        ("decedee", DECEDEE, Some(1)),
        ("ecoutee", ECOUTEE, Some(1)),
        ("manoeuvres", MANOEUVRES, Some(1)),
        ("oeufs", ORNITHORYNQUE, Some(1)),
        ("ornithorynque", ORNITHORYNQUE, Some(1)),
        // Elisions, with ' or ’.
        ("l'État", FAMILLES, None),
        ("l’État", FAMILLES, None),
        ("l'État coree", FAMILLES, Some(1)),
        ("aujourd'hui", KYIV, Some(1)),
        ("aujourd’hui", KYIV, Some(1)),
        ("aujourd’hui d’Ukraine", KYIV, Some(1)),
        ("pondeur d'oeufs", ORNITHORYNQUE, Some(1)),
        // Phrases, and the same words as an AND query.
        ("\"fonte des glaciers\"", GLACIERS, Some(1)),
        ("fonte glaciers", GLACIERS, Some(2)),
        // Fields.
        ("title:coopération", COOPERATION, Some(1)),
        ("title:greve", GREVE, Some(1)),
        ("title:l'État", FAMILLES, Some(1)),
        // Exclusion.
        ("corée -pyongyang", FAMILLES, Some(1)),
        ("SNCF -grève", SNCF_TGV, Some(1)),
        // Stop words typed in a query do not empty it.
        ("la grève des cheminots", GREVE, Some(1)),
        ("fonte des glaciers", GLACIERS, Some(2)),
        // Plain dates in date: terms and ranges.
        ("grève date:2025-03-18", GREVE, Some(1)),
        (
            "glaciers date:[2025-08-01 TO 2025-08-31]",
            GLACIERS,
            Some(1),
        ),
        // A name spelled without its accent in the one article whose title names him.
        ("Etienne Morvan", MOTION, Some(3)),
    ];
    let mut problems = Vec::new();
    for &(query, first, total) in cases {
        let found = index.search(query, &[]);
        let got = found.paths().first().copied();
        if got != Some(first) {
            problems.push(format!("{query}: first hit {got:?}, expected {first}"));
        }
        if let Some(total) = total
            && found.total() != total
        {
            problems.push(format!(
                "{query}: total_hits {}, expected {total} ({:?})",
                found.total(),
                found.paths()
            ));
        }
        if found.hits().is_empty() {
            problems.push(format!("{query}: no hits"));
            continue;
        }
        if found.first()["partial"] != false {
            problems.push(format!("{query}: first hit is partial"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_elided_word_matches_the_word_itself() {
    let index = CorpusIndex::get();
    // "d’Ukraine" is only in the Kyiv article, but elision makes it "Ukraine", also in the Otan one.
    for query in ["d’Ukraine", "d'Ukraine", "Ukraine"] {
        let found = index.search(query, &[]);
        assert_eq!(found.total(), 2, "{query}: {:?}", found.paths());
        assert_eq!(found.sorted_paths(), [OTAN, KYIV], "{query}");
        let kyiv = found
            .hits()
            .iter()
            .find(|h| h["path"] == KYIV)
            .expect("the Kyiv article");
        assert!(
            hit_snippet(kyiv).contains("d’<b>Ukraine</b>"),
            "{query}: {}",
            hit_snippet(kyiv)
        );
    }
}

#[test]
fn a_phrase_needs_its_words_together() {
    let index = CorpusIndex::get();
    let phrase = index.search("\"fonte des glaciers\"", &[]);
    assert_eq!(phrase.total(), 1);
    assert_eq!(phrase.paths(), [GLACIERS]);
    assert!(
        hit_snippet(phrase.first()).contains("La <b>fonte</b> des <b>glaciers</b> suisses"),
        "{}",
        hit_snippet(phrase.first())
    );

    // Without quotes the canicule article, which has both words apart, matches too.
    let both = index.search("fonte glaciers", &[]);
    assert_eq!(both.total(), 2);
    let mut full: Vec<&str> = both.paths()[..2].to_vec();
    full.sort_unstable();
    assert_eq!(full, [GLACIERS, CANICULE]);
    for hit in &both.hits()[..2] {
        assert_eq!(hit["partial"], false, "{hit}");
    }
    for hit in &both.hits()[2..] {
        assert_eq!(hit["partial"], true, "{hit}");
    }
}

#[test]
fn snippets_highlight_the_accented_words_of_unaccented_queries() {
    let index = CorpusIndex::get();
    // (query, expected first hit, what its snippet must contain)
    let cases = [
        ("greve", GREVE, "<b>grève</b>"),
        ("grèves", GREVE, "<b>grève</b>"),
        ("manifestante", GREVE, "<b>manifestants</b>"),
        ("coree", FAMILLES, "<b>Corée</b>"),
        ("etat coree", FAMILLES, "l’<b>État</b>"),
        ("decedee", DECEDEE, "<b>décédée</b>"),
        ("ecoutee", ECOUTEE, "<b>écoutée</b>"),
        ("cooperation", COOPERATION, "<b>coopération</b>"),
        ("manoeuvres", MANOEUVRES, "<b>manœuvres</b>"),
        ("oeufs", ORNITHORYNQUE, "<b>œufs</b>"),
        ("ornithorynque", ORNITHORYNQUE, "<b>ornithorynque</b>"),
    ];
    let mut problems = Vec::new();
    for (query, path, marked) in cases {
        let found = index.search(query, &[]);
        let hit = found
            .hits()
            .iter()
            .find(|h| h["path"] == path)
            .unwrap_or_else(|| panic!("{query}: {path} not found in {:?}", found.paths()));
        if !hit_snippet(hit).contains(marked) {
            problems.push(format!("{query}: {marked} not in {}", hit_snippet(hit)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // The article has both "harcelée" and "harcèlement"; either may make the snippet.
    let found = index.search("harcelee", &[]);
    let snippet = hit_snippet(found.first());
    assert!(
        snippet.contains("<b>harcelée</b>") || snippet.contains("<b>harcèlement</b>"),
        "{snippet}"
    );
}

#[test]
fn snippets_are_one_line_of_body_text() {
    let index = CorpusIndex::get();
    let found = index.search("aujourd’hui", &[]);
    let snippet = hit_snippet(found.first());
    assert!(
        plain(snippet).contains("« Je pense aujourd’hui à mon frère."),
        "{snippet}"
    );
    let found = index.search("ministre", &["-n", "30"]);
    for hit in found.hits() {
        let snippet = hit_snippet(hit);
        assert!(!snippet.contains('\n'), "{snippet}");
        assert!(snippet.contains("<b>"), "{snippet}");
        assert!(plain(snippet).chars().count() <= 250, "{snippet}");
    }
}

#[test]
fn snippets_are_html_escaped() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("c")).unwrap();
    std::fs::write(
        dir.path().join("c/puces.txt"),
        "Les puces de Tom & Jerry\n\nPARIS (AFP) - La R&D <mobile> progresse : les puces \"neuves\" de Tom & Jerry sont là.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    build_index(dir.path(), "c", &index);
    let found = search_in(dir.path(), &index, "puces", &[]);
    assert_eq!(
        hit_snippet(found.first()),
        "La R&amp;D &lt;mobile&gt; progresse : les <b>puces</b> \"neuves\" de Tom &amp; Jerry sont là."
    );
    // Titles are plain text in JSON.
    assert_eq!(found.first()["title"], "Les puces de Tom & Jerry");
    // Text output is not escaped.
    let run = run_in(
        dir.path(),
        &["search", "puces", "--index", index.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout.contains(
            "\n   La R&D <mobile> progresse : les puces \"neuves\" de Tom & Jerry sont là.\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn field_queries_search_one_field() {
    let index = CorpusIndex::get();
    let cases: &[(&str, &[&str])] = &[
        ("place:geneve", &[GLACIERS, ROUGEOLE]),
        ("place:GENÈVE", &[GLACIERS, ROUGEOLE]),
        (
            "place:seoul",
            &[UNIFICATION, ELECTIONS_SEOUL, FAMILLES, MANOEUVRES],
        ),
        (
            "agency:yonhap",
            &[UNIFICATION, ELECTIONS_SEOUL, FAMILLES, MANOEUVRES],
        ),
        ("title:coopération OR title:grève", &[COOPERATION, GREVE]),
    ];
    for &(query, expected) in cases {
        let found = index.search(query, &[]);
        let mut expected = expected.to_vec();
        expected.sort_unstable();
        assert_eq!(found.sorted_paths(), expected, "{query}");
        assert_eq!(found.total(), expected.len() as u64, "{query}");
    }
    // Paris is named in the text of many articles; `place:` only looks at the dateline's place.
    assert!(index.search("paris", &[]).total() > 2);
    let place = index.search("place:paris", &[]);
    assert_eq!(
        place.sorted_paths(),
        [BANQUE, "corpus/wire/afp-fnsea-ministere-agriculture.txt"]
    );
}

#[test]
fn agency_queries_match_the_agency_exactly() {
    let index = CorpusIndex::get();
    let found = index.search("agency:ap", &[]);
    assert_eq!(
        found.sorted_paths(),
        [KYIV, "corpus/wire/ap-washington-fmi-afrique.txt"]
    );
}

#[test]
fn or_and_exclusion() {
    let index = CorpusIndex::get();
    let either = index.search("ornithorynque OR harcelée", &[]);
    assert_eq!(either.total(), 2);
    assert_eq!(either.sorted_paths(), [HARCELEE, ORNITHORYNQUE]);

    let coree = index.search("corée", &[]);
    assert_eq!(coree.total(), 4);
    assert_eq!(
        coree.sorted_paths(),
        [UNIFICATION, PYONGYANG, FAMILLES, MANOEUVRES]
    );
    let without = index.search("corée -pyongyang", &[]);
    assert_eq!(without.paths(), [FAMILLES]);
    let without = index.search("coree -nord", &[]);
    assert_eq!(without.run.code, 1);
    let phrase = index.search("\"Corée du Nord\"", &[]);
    assert!(phrase.total() > 0, "{:#?}", phrase.run);
    for excluding_a_required_word in ["\"Corée du Nord\" -nord", "\"Corée du Nord\" -CORÉE"] {
        let none = index.search(excluding_a_required_word, &[]);
        assert_eq!(
            (none.run.code, none.total()),
            (1, 0),
            "{excluding_a_required_word}"
        );
    }
}

#[test]
fn date_filters_keep_articles_of_the_period() {
    let index = CorpusIndex::get();
    let day = index.search("corée", &["--from", "2023-09-09", "--to", "2023-09-09"]);
    assert_eq!(day.total(), 1);
    assert_eq!(day.paths(), [PYONGYANG]);
    assert_eq!(day.first()["date"], "2023-09-09");

    let period = index.search("corée", &["--from", "2024-01-01", "--to", "2025-06-30"]);
    assert_eq!(period.total(), 2);
    assert_eq!(period.sorted_paths(), [UNIFICATION, MANOEUVRES]);

    let before = index.search("ministre", &["--to", "2020-12-31"]);
    assert_eq!(before.paths(), [TUNIS]);

    let nothing = index.search("corée", &["--from", "2019-01-01", "--to", "2019-12-31"]);
    assert_eq!((nothing.run.code, nothing.total()), (1, 0));

    // Dates beyond what the index holds (1677 to 2262) are its ends, not wrapped round.
    let all = index.search("corée", &[]).total();
    let far = |args: &[&str]| index.search("corée", args).total();
    assert_eq!(far(&["--from", "9999-12-31"]), 0);
    assert_eq!(far(&["--to", "9999-12-31"]), all);
    assert_eq!(far(&["--from", "1000-01-01", "--to", "9999-12-31"]), all);
    assert_eq!(far(&["--to", "1000-01-01"]), 0);

    let range = index.search(
        "ministre",
        &["--from", "2023-01-01", "--to", "2024-12-31", "-n", "50"],
    );
    assert!(range.total() >= 5, "{:?}", range.paths());
    for hit in range.hits() {
        let date = str_field(hit, "date");
        assert!(("2023-01-01"..="2024-12-31").contains(&date), "{hit}");
        assert_eq!(hit["partial"], false, "{hit}");
    }
}

#[test]
fn date_filters_find_articles_dated_by_their_body() {
    let index = CorpusIndex::get();
    let day = index.search("grève", &["--from", "2025-03-18", "--to", "2025-03-18"]);
    assert_eq!(day.paths(), [GREVE]);
    assert_eq!(day.first()["date"], "2025-03-18");
    let morvan = index.search("Morvan", &["--from", "2025-01-01"]);
    assert_eq!(morvan.sorted_paths(), [BANQUE, GREVE]);
}

#[test]
fn every_term_is_required_and_partial_hits_top_up() {
    let index = CorpusIndex::get();
    let found = index.search("grève zzzqqq", &[]);
    assert_eq!(found.run.code, 0);
    assert_eq!(found.total(), 0);
    assert_eq!(found.paths(), [GREVE]);
    assert_eq!(found.first()["partial"], true);
    assert!(hit_snippet(found.first()).contains("<b>grève</b>"));

    let strict = index.search("grève zzzqqq", &["--all-terms"]);
    assert_eq!(strict.run.code, 1);
    assert_eq!(strict.total(), 0);
    assert!(strict.hits().is_empty());

    // One article has both words; the others that have one come after it, marked partial.
    let found = index.search("etat coree", &[]);
    assert_eq!(found.total(), 1);
    assert_eq!(found.paths()[0], FAMILLES);
    assert_eq!(found.first()["partial"], false);
    assert!(found.hits().len() > 1);
    for hit in &found.hits()[1..] {
        assert_eq!(hit["partial"], true, "{hit}");
    }
    let strict = index.search("etat coree", &["--all-terms"]);
    assert_eq!(strict.paths(), [FAMILLES]);
}

#[test]
fn only_plain_word_queries_are_topped_up() {
    let index = CorpusIndex::get();
    // A missing word next to a filter, a field or an operator is not tolerated: the filter alone
    // would bring in unrelated articles.
    let cases = [
        "zzzqqq date:>=2019-01-01T00:00:00Z",
        "title:grève zzzqqq",
        "\"fonte des glaciers\" zzzqqq",
        "grève -SNCF zzzqqq",
    ];
    for query in cases {
        let found = index.search(query, &[]);
        assert_eq!(found.run.code, 1, "{query}: {:?}", found.paths());
    }
}

#[test]
fn partial_hits_are_flagged_in_text_output() {
    let index = CorpusIndex::get();
    let run = index.run_search("grève zzzqqq", &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with(
            "0 article(s) match every term; showing 1 (1 partial: missing some terms) in "
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[2].starts_with(
            "1. Grève à la SNCF : des milliers de manifestants dans les rues de Lyon  (score "
        ) && lines[2].ends_with(") [partial]"),
        "{}",
        lines[2]
    );
}

/// The dates of the hits, checked to be ordered as `sort` says, undated hits last.
fn check_date_order(found: &Search, newest_first: bool) {
    let dates: Vec<Option<&str>> = found.hits().iter().map(|h| h["date"].as_str()).collect();
    let dated: Vec<&str> = dates.iter().map_while(|d| *d).collect();
    assert!(
        dates[dated.len()..].iter().all(Option::is_none),
        "a dated hit after an undated one: {dates:?}"
    );
    for pair in dated.windows(2) {
        let ordered = if newest_first {
            pair[0] >= pair[1]
        } else {
            pair[0] <= pair[1]
        };
        assert!(ordered, "{pair:?} out of order in {dates:?}");
    }
}

#[test]
fn sorting_by_date() {
    let index = CorpusIndex::get();
    let relevance = index.search("ministre", &["-n", "50"]);
    assert!(relevance.total() >= 20, "{}", relevance.total());

    let newest = index.search("ministre", &["-n", "50", "--sort", "newest"]);
    check_date_order(&newest, true);
    assert_eq!(newest.total(), relevance.total());
    assert_eq!(newest.sorted_paths(), relevance.sorted_paths());
    let ranks: Vec<u64> = newest
        .hits()
        .iter()
        .map(|h| h["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, (1..=ranks.len() as u64).collect::<Vec<_>>());

    let oldest = index.search("ministre", &["-n", "50", "--sort", "oldest"]);
    check_date_order(&oldest, false);
    assert_eq!(oldest.sorted_paths(), relevance.sorted_paths());
    assert_eq!(oldest.paths()[0], TUNIS);
    assert_eq!(oldest.first()["date"], "2020-01-13");

    let relevance_sorted = index.search("ministre", &["-n", "50", "--sort", "relevance"]);
    assert_eq!(relevance_sorted.paths(), relevance.paths());
}

#[test]
fn sorting_by_date_with_partial_hits() {
    let index = CorpusIndex::get();
    for sort in ["newest", "oldest"] {
        let found = index.search("grève zzzqqq", &["--sort", sort]);
        assert_eq!(found.paths(), [GREVE], "{sort}");
        assert_eq!(found.first()["partial"], true, "{sort}");

        let found = index.search("etat coree", &["--sort", sort, "-n", "20"]);
        assert_eq!(found.total(), 1);
        assert_eq!(
            found.paths()[0],
            FAMILLES,
            "{sort}: full matches come first"
        );
        assert!(found.hits().len() > 1);
        for hit in &found.hits()[1..] {
            assert_eq!(hit["partial"], true, "{sort}: {hit}");
            assert!(hit["score"].as_f64().unwrap() > 0.0, "{sort}: {hit}");
        }
    }
}

#[test]
fn limit_and_offset_page_through_the_hits() {
    let index = CorpusIndex::get();
    let first = index.search("ministre", &["-n", "6"]);
    assert_eq!(first.hits().len(), 6);
    let page = index.search("ministre", &["--offset", "3", "-n", "3"]);
    assert_eq!(page.total(), first.total());
    let ranks: Vec<u64> = page
        .hits()
        .iter()
        .map(|h| h["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, [4, 5, 6]);
    assert_eq!(page.paths(), first.paths()[3..]);

    let long = index.search("ministre", &["--limit", "2"]);
    assert_eq!(long.paths(), first.paths()[..2]);

    // Past the last hit: none shown, exit 1, but the count is still given.
    let past = index.search("ornithorynque", &["--offset", "1"]);
    assert_eq!((past.run.code, past.total(), past.hits().len()), (1, 1, 0));
}

#[test]
fn a_limit_of_zero_counts_without_showing_hits() {
    let index = CorpusIndex::get();
    let found = index.search("ornithorynque", &["-n", "0"]);
    assert_eq!((found.run.code, found.total()), (0, 1));
    assert!(found.hits().is_empty(), "{:?}", found.paths());
    let none = index.search("zorglub", &["-n", "0"]);
    assert_eq!((none.run.code, none.total()), (1, 0));
}

#[test]
fn json_hits_have_the_documented_fields() {
    let index = CorpusIndex::get();
    let found = index.search("glaciers suisses", &[]);
    let json = &found.json;
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "corrections",
            "did_you_mean",
            "hits",
            "notes",
            "query",
            "took_ms",
            "total_hits",
            "understood"
        ]
    );
    assert!(json["took_ms"].is_number());

    let hit = found.first();
    let mut keys: Vec<&str> = hit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "agency", "date", "dateline", "entities", "id", "partial", "path", "place", "rank",
            "score", "snippet", "title"
        ]
    );
    assert_eq!(hit["rank"], 1);
    let id = hit["id"].as_str().unwrap();
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert_eq!(hit["partial"], false);
    assert_eq!(
        hit["title"],
        "Les glaciers suisses pourraient perdre 3 % de leur volume cet été"
    );
    assert_eq!(hit["dateline"], "GENÈVE (ATS)");
    assert_eq!(hit["place"], "GENÈVE");
    assert_eq!(hit["agency"], "ATS");
    assert_eq!(hit["date"], "2025-08-14");
    assert_eq!(hit["path"], GLACIERS);

    // Absent fields are null.
    let found = index.search("Marathon de Paris", &[]);
    let hit = found.first();
    assert_eq!(hit["path"], "corpus/wikinews/marathon-de-paris-2022.txt");
    assert_eq!(hit["place"], Value::Null);
    assert_eq!(hit["agency"], Value::Null);
    assert_eq!(hit["dateline"], "3 avril 2022");
}

#[test]
fn text_output_lists_rank_title_dateline_path_and_snippet() {
    let index = CorpusIndex::get();
    let run = index.run_search("ornithorynque", &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stdout);
    assert!(
        lines[0].starts_with("1 article(s) match every term; showing 1 in ")
            && lines[0].ends_with(" ms"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "");
    assert!(
        lines[2].starts_with(
            "1. Argentine : découverte d'un petit mammifère fossile pondeur d'œufs en Patagonie  (score "
        ) && lines[2].ends_with(')'),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        "   16 mai 2019 · 2019-05-16 · corpus/wikinews/argentine-mammifere-fossile-patagonie.txt"
    );
    assert!(lines[4].starts_with("   "), "{}", lines[4]);
    assert!(lines[4].contains("ornithorynque"), "{}", lines[4]);
    // Not a terminal: no colour.
    assert!(!run.stdout.contains('\x1b'));
}

#[test]
fn no_hit_exits_1() {
    let index = CorpusIndex::get();
    let found = index.search("zzzqqq", &[]);
    assert_eq!((found.run.code, found.total()), (1, 0));
    assert!(found.hits().is_empty());

    let run = index.run_search("zzzqqq", &[]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout
            .starts_with("0 article(s) match every term; showing 0 in "),
        "{}",
        run.stdout
    );
}

#[test]
fn apostrophe_queries_never_fail() {
    let index = CorpusIndex::get();
    let queries = [
        "'",
        "’",
        "’’",
        "l'",
        "d’",
        "qu'il",
        "jusqu’au",
        "l''État",
        "'grève'",
        "grève'",
        "’grève’",
        "l'État -l’armée",
        "\"l'État\"",
        "\"'\"",
        "title:l'État",
        "title:d’Ukraine",
        "place:l'Aquila",
        "grève -l'armée",
        "aujourd'hui OR d’Ukraine",
    ];
    for query in queries {
        // `search` checks: exit 0 or 1 as hits say, JSON on stdout, nothing on stderr.
        index.search(query, &[]);
    }
}

#[test]
fn a_malformed_query_is_repaired_and_says_how() {
    let index = CorpusIndex::get();
    // (query, query run instead, why)
    let cases = [
        ("\"fonte des", "\"fonte des\"", "a quote was left open"),
        ("(grève", "(grève)", "a parenthesis was left unpaired"),
        ("grève)", "grève", "a parenthesis was left unpaired"),
        (
            "OR grève",
            "grève",
            "AND, OR or NOT had no word on one side",
        ),
        (
            "grève AND",
            "grève",
            "AND, OR or NOT had no word on one side",
        ),
        (
            "grève title:",
            "grève",
            "a field name had no word after its colon",
        ),
        (
            "grève `cheminots`",
            "grève cheminots",
            "the query's syntax could not be read",
        ),
        (
            "grève <> cheminots",
            "grève cheminots",
            "the query's syntax could not be read",
        ),
    ];
    for (query, understood, note) in cases {
        let text = index.run_search(query, &[]);
        assert_eq!(text.code, 0, "{query}: {text:#?}");
        let first = text.stdout.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("Searched for: {understood} ({note})"),
            "{query}"
        );
        let json = index.run_search(query, &["--json"]);
        let answer: Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(answer["query"], query);
        assert_eq!(answer["understood"], understood, "{query}");
        assert_eq!(answer["notes"], serde_json::json!([note]), "{query}");
        assert_eq!(json.stderr, "", "{query}");
    }
    // A query as given says nothing of the kind.
    let plain = index.run_search("grève", &["--json"]);
    let answer: Value = serde_json::from_str(&plain.stdout).unwrap();
    assert_eq!(answer["understood"], Value::Null);
    assert_eq!(answer["notes"], serde_json::json!([]));
    assert_eq!(answer["did_you_mean"], Value::Null);
    assert_eq!(answer["corrections"], serde_json::json!([]));
}

#[test]
fn a_word_no_article_holds_is_searched_as_the_closest_one_held() {
    let index = CorpusIndex::get();
    // (query as typed, query searched, its first hit)
    let cases = [
        (
            "Kinchasa",
            "kinshasa",
            "corpus/json/depeches-2024-2026.jsonl:4",
        ),
        ("Pyongiang defile", "pyongyang defile", PYONGYANG),
        ("ornitorynque", "ornithorynque", ORNITHORYNQUE),
    ];
    for (typed, searched, first) in cases {
        let text = index.run_search(typed, &[]);
        assert_eq!(text.code, 0, "{typed}: {text:#?}");
        let line = text.stdout.lines().next().unwrap_or_default();
        assert_eq!(line, format!("Did you mean: {searched}?"), "{typed}");
        let found = index.search(typed, &[]);
        assert_eq!(found.json["did_you_mean"], searched, "{typed}");
        assert_eq!(found.paths()[0], first, "{typed}");
    }
    let found = index.search("Kinchasa", &[]);
    assert_eq!(
        found.json["corrections"],
        serde_json::json!([{"from": "Kinchasa", "to": "kinshasa", "articles": 0}])
    );
    // Exact: the word only as typed, which no article holds.
    let exact = index.search("Kinchasa", &["--exact"]);
    assert_eq!((exact.run.code, exact.total()), (1, 0));
    assert_eq!(exact.json["did_you_mean"], Value::Null);
    let text = index.run_search("Kinchasa", &["--exact"]);
    assert!(
        text.stdout.starts_with("0 article(s) match"),
        "{}",
        text.stdout
    );
}

#[test]
fn names_spelt_another_way_and_words_run_together_or_apart_are_searched_as_written() {
    let index = CorpusIndex::get();
    // (query as typed, query searched, its corrections, its first hit, a word its snippet marks)
    let cases = [
        (
            "Vostochny",
            "vostotchny",
            &[("Vostochny", "vostotchny")][..],
            ROSCOSMOS,
            "Vostotchny",
        ),
        (
            "Moscow roscosmos",
            "moscou roscosmos",
            &[("Moscow", "moscou")],
            ROSCOSMOS,
            "Roscosmos",
        ),
        (
            "Vershinin",
            "verchinine",
            &[("Vershinin", "verchinine")],
            ROSCOSMOS,
            "Verchinine",
        ),
        (
            "Saintlouis gazière",
            "saint louis gazière",
            &[("Saintlouis", "saint louis")],
            COOPERATION,
            "Louis",
        ),
        (
            "Hydra sol",
            "hydrasol",
            &[("Hydra sol", "hydrasol")],
            HYDRASOL,
            "Hydrasol",
        ),
        (
            "Pyong yang défilé",
            "pyongyang défilé",
            &[("Pyong yang", "pyongyang")],
            PYONGYANG,
            "Pyongyang",
        ),
    ];
    for (typed, searched, corrections, first, marked) in cases {
        let text = index.run_search(typed, &[]);
        let line = text.stdout.lines().next().unwrap_or_default();
        assert_eq!(line, format!("Did you mean: {searched}?"), "{typed}");
        let found = index.search(typed, &[]);
        assert_eq!(found.json["did_you_mean"], searched, "{typed}");
        let expected: Vec<Value> = corrections
            .iter()
            .map(|(from, to)| serde_json::json!({"from": from, "to": to, "articles": 0}))
            .collect();
        assert_eq!(found.json["corrections"], Value::Array(expected), "{typed}");
        assert_eq!(found.paths()[0], first, "{typed}");
        let snippet = str_field(found.first(), "snippet");
        assert!(
            snippet.contains(&format!("<b>{marked}</b>")),
            "{typed}: {snippet}"
        );
        let exact = index.search(typed, &["--exact"]);
        assert_eq!(exact.json["did_you_mean"], Value::Null, "{typed}");
        assert!(
            !exact.paths().contains(&first) || exact.total() == 0,
            "{typed}"
        );
    }
}

#[test]
fn a_rare_spelling_comes_first_and_the_common_one_below_it() {
    let dir = TempDir::new().unwrap();
    rare_spelling_corpus(dir.path());
    let index = dir.path().join("index");
    build_index(dir.path(), "corpus", &index);
    let found = search_in(dir.path(), &index, "Putin", &["-n", "3"]);
    assert_eq!(found.total(), 1);
    let paths = found.paths();
    assert_eq!(paths[0], "corpus/putin.txt");
    assert!(
        paths[1..].iter().all(|p| p.starts_with("corpus/poutine-")),
        "{paths:?}"
    );
    assert_eq!(found.json["did_you_mean"], "poutine");
    assert_eq!(
        found.json["corrections"],
        serde_json::json!([{"from": "Putin", "to": "poutine", "articles": 1}])
    );
    let ranks: Vec<u64> = found
        .hits()
        .iter()
        .map(|h| h["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3]);
    // The next page goes on below the article with the word as typed.
    let next = search_in(dir.path(), &index, "Putin", &["-n", "2", "--offset", "1"]);
    assert_eq!(next.paths(), paths[1..]);
    let text = run_in(
        dir.path(),
        &["search", "--index", index.to_str().unwrap(), "--", "Putin"],
    );
    assert!(
        text.stdout
            .starts_with("Did you mean: poutine?\n1 article(s) match every term"),
        "{}",
        text.stdout
    );
    let exact = search_in(dir.path(), &index, "Putin", &["--exact"]);
    assert_eq!(exact.paths(), ["corpus/putin.txt"]);
}

#[test]
fn a_full_page_of_partial_hits_makes_room_for_the_common_spelling_s_full_ones() {
    let dir = TempDir::new().unwrap();
    rare_spelling_corpus(dir.path());
    let index = dir.path().join("index");
    build_index(dir.path(), "corpus", &index);
    let page = |offset: &str| {
        let found = search_in(
            dir.path(),
            &index,
            "Putin ministre",
            &["-n", "3", "--offset", offset],
        );
        assert_eq!(found.total(), 0);
        assert_eq!(found.json["did_you_mean"], "poutine ministre");
        let full = found.hits().iter().all(|hit| hit["partial"] == false);
        assert!(full, "{}", found.json);
        found
            .paths()
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
    };
    let (first, second) = (page("0"), page("3"));
    let all: std::collections::HashSet<&String> = first.iter().chain(&second).collect();
    assert_eq!(all.len(), 6, "{first:?} {second:?}");
    assert!(
        all.iter().all(|p| p.starts_with("corpus/poutine-")),
        "{all:?}"
    );
}

#[test]
fn a_rare_word_is_not_corrected_to_a_common_one_it_only_resembles() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for n in 0..20 {
        let text = format!("La France reçoit le ministre {n}\n\nLa France a reçu le ministre.\n");
        std::fs::write(corpus.join(format!("france-{n}.txt")), text).unwrap();
    }
    let francia = "Francia Márquez à Bogota\n\nFrancia Márquez défend l'eau en Colombie.\n";
    std::fs::write(corpus.join("francia.txt"), francia).unwrap();
    let index = dir.path().join("index");
    build_index(dir.path(), "corpus", &index);
    let found = search_in(dir.path(), &index, "Francia", &[]);
    assert_eq!(found.paths(), ["corpus/francia.txt"]);
    assert_eq!(found.json["did_you_mean"], Value::Null);
    assert_eq!(found.json["corrections"], serde_json::json!([]));
}

#[test]
fn a_query_with_no_word_left_to_search_is_a_one_line_error_naming_it() {
    let index = CorpusIndex::get();
    let queries = ["AND", "title:", "title:(", "-grève", "-l'armée"];
    for query in queries {
        let run = index.run_search(query, &["--json"]);
        assert_eq!(run.code, 2, "{query}");
        let line = run.error_line();
        assert!(line.contains(query), "{query}: {line}");
    }
}

#[test]
fn hostile_queries_get_an_answer_not_a_panic() {
    let index = CorpusIndex::get();
    let ten_thousand_chars = "grève ".repeat(1_700);
    let one_huge_word = "a".repeat(10_000);
    // (query, articles with every term): `search` also checks the exit code and an empty stderr.
    let cases = [
        (ten_thousand_chars.as_str(), 1),
        (one_huge_word.as_str(), 0),
        ("le la les de du", 0),
        ("grève\u{7}\u{1b}\u{1}cheminots\u{7f}", 1),
        ("auteur:Dupont", 0),
    ];
    for (query, total) in cases {
        let found = index.search(query, &[]);
        assert_eq!(found.total(), total, "{:?}", found.run.args);
    }
}

#[test]
fn a_bad_date_is_an_error_naming_it() {
    let index = CorpusIndex::get();
    for (flag, value) in [
        ("--from", "2025-13-01"),
        ("--to", "hier"),
        ("--from", "18/03/2025"),
    ] {
        let run = index.run_search("grève", &[flag, value]);
        let line = run.error_line();
        assert!(line.contains(flag) && line.contains(value), "{line}");
    }
}

#[test]
fn a_missing_index_is_an_error_naming_the_folder() {
    let dir = TempDir::new().unwrap();
    let absent = dir.path().join("pas-d-index");
    let absent = absent.to_str().unwrap();
    let run = run_in(repo(), &["search", "grève", "--index", absent]);
    let line = run.error_line();
    assert!(line.contains(absent), "{line}");
    assert!(
        !dir.path().join("pas-d-index").exists(),
        "search created the folder"
    );

    // The default index folder is `index` in the working folder.
    let run = run_in(dir.path(), &["search", "grève", "--json"]);
    let line = run.error_line();
    assert!(line.contains("index"), "{line}");
}

#[test]
fn an_unknown_sort_is_a_usage_error() {
    let index = CorpusIndex::get();
    let run = index.run_search("grève", &["--sort", "sideways"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("sideways"), "{}", run.stderr);
}
