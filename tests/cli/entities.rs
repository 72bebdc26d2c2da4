//! Named entities end to end on the sample corpus: `depeche entities` counts, `--entity` filters,
//! `per:`/`loc:`/`org:` prefixes (accent-, case- and hyphen-insensitive), and the entities that
//! `extract` and `search --json` report.

use crate::common::{CorpusIndex, run, seed};
use serde_json::{Value, json};

fn entities(index: &CorpusIndex, args: &[&str]) -> Value {
    let path = index.path();
    let mut all = vec!["entities", "--index", path.to_str().unwrap(), "--json"];
    all.extend_from_slice(args);
    let found = run(&all);
    assert_eq!(found.code, 0, "{found:#?}");
    found.json()
}

#[test]
fn counts_the_most_frequent_entities() {
    let index = CorpusIndex::get();
    let people = entities(&index, &["--kind", "per", "--top", "2"]);
    assert_eq!(
        people,
        json!({"query": "", "entities": [
            {"kind": "per", "name": "Hélène Marchetti", "articles": 5},
            {"kind": "per", "name": "Ri Song-chol", "articles": 4},
        ]})
    );
    // A query counts as its search runs it: repaired, and respelt when no article writes it.
    for query in [
        "agriculture",
        "\"agriculture",
        "agriculture AND",
        "agricultrue",
    ] {
        let in_query = entities(&index, &[query, "--kind", "per", "--top", "1"]);
        assert_eq!(
            in_query["entities"],
            json!([{"kind": "per", "name": "Hélène Marchetti", "articles": 5}]),
            "{query}"
        );
    }
}

#[test]
fn adds_up_the_spellings_of_one_name() {
    // `Étienne Morvan` in two articles, `Etienne Morvan` in the OrangeSum one (corpus/README.md).
    let index = CorpusIndex::get();
    let people = entities(&index, &["Morvan", "--kind", "per", "--top", "1"]);
    assert_eq!(
        people["entities"],
        json!([{"kind": "per", "name": "Étienne Morvan", "articles": 3}])
    );
}

#[test]
fn prints_one_tab_separated_line_per_entity() {
    let index = CorpusIndex::get();
    let path = index.path();
    let found = run(&[
        "entities",
        "--index",
        path.to_str().unwrap(),
        "--kind",
        "org",
        "--top",
        "2",
    ]);
    assert_eq!(found.code, 0, "{found:#?}");
    assert_eq!(found.stdout, "org\t7\tUnion européenne\norg\t3\tFNSEA\n");
}

#[test]
fn entity_filters_and_prefixes_match_names_loosely_but_whole() {
    let index = CorpusIndex::get();
    let cases: &[(&str, &[&str], u64)] = &[
        ("", &["--entity", "Hélène Marchetti"], 5),
        ("", &["--entity", "helene marchetti"], 5),
        (
            "",
            &["--entity", "Hélène Marchetti", "--entity", "FNSEA"],
            3,
        ),
        ("", &["--entity", "Ri Song-chol", "--entity", "FNSEA"], 0),
        ("", &["--entity", "Personne Inconnue"], 0),
        // A name whole, as `entities` counts it: not `Corée du Nord`, `France 2` or `Europe 1`;
        // a person also by their last words.
        ("", &["--entity", "Nord"], 5),
        ("", &["--entity", "France"], 10),
        ("", &["--entity", "Europe"], 5),
        ("", &["--entity", "Marchetti"], 5),
        ("per:\"Ri Song-chol\"", &[], 4),
        ("per:\"ri song chol\"", &[], 4),
        ("per:\"Helene Marchetti\"", &[], 5),
        ("org:FNSEA", &[], 3),
        ("org:UE", &[], 7),
        ("", &["--entity", "UE"], 7),
        (
            "org:\"Fédération nationale des syndicats d'exploitants agricoles\"",
            &[],
            3,
        ),
        ("loc:\"Corée du Nord\" per:\"Ri Song-chol\"", &[], 4),
    ];
    for (query, args, total) in cases {
        let found = index.search(query, args);
        assert_eq!(
            found.total(),
            *total,
            "{query} {args:?}: {:?}",
            found.paths()
        );
    }
}

#[test]
fn search_hits_carry_their_entities() {
    let index = CorpusIndex::get();
    let found = index.search("per:\"Ri Song-chol\" manœuvres", &[]);
    let hit = found.first();
    assert_eq!(hit["path"], "corpus/wire/yonhap-manoeuvres-mer-jaune.txt");
    let people: Vec<&str> = hit["entities"]["per"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(people.contains(&"Ri Song-chol"), "{people:?}");
}

#[test]
fn extract_reports_the_seed_entities() {
    let Some(seed) = seed() else { return };
    let found = run(&["extract", seed, "--json"]);
    assert_eq!(found.code, 0, "{found:#?}");
    let article = &found.json_lines()[0];
    assert_eq!(
        article["entities"]["per"],
        json!([
            "Doo Jin-ho",
            "No Kwang-chol",
            "Pak Yong-il",
            "Viktor Goremykin"
        ])
    );
    let places: Vec<&str> = article["entities"]["loc"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for place in ["Corée du Nord", "Pyongyang", "Russie", "Ukraine"] {
        assert!(places.contains(&place), "{place} in {places:?}");
    }
    let organisations: Vec<&str> = article["entities"]["org"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for org in [
        "Agence centrale de presse nord-coréenne",
        "Institut coréen de recherche pour la stratégie nationale",
        "Service national du renseignement sud-coréen",
    ] {
        assert!(organisations.contains(&org), "{org} in {organisations:?}");
    }
}

/// The last two lines of an indexing run's text summary: the file counts (after the
/// "files: 48 seen, " prefix) and whether entities are extracted.
fn index_outcome(index: &str, flags: &[&str]) -> (String, String) {
    let mut args = vec!["index", "corpus", "--index", index];
    args.extend_from_slice(flags);
    let run = run(&args);
    assert_eq!(run.code, 0, "{run:#?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let files = lines[1].trim_start_matches("files: 48 seen, ").to_string();
    (files, lines[3].to_string())
}

#[test]
fn the_index_remembers_extraction_and_switching_it_rereads_every_file() {
    let dir = tempfile::TempDir::new().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let not_extracted = "entities: not extracted (--entities extracts them)";
    let missing = format!(
        "depeche: index {index}: built without entities; `depeche index CORPUS --index {index} --entities` extracts them"
    );
    let all_read = "47 added, 0 updated, 0 removed, 0 unchanged, 1 not articles";
    let none_read = "0 added, 0 updated, 0 removed, 47 unchanged, 1 not articles";

    let extracted = "entities: extracted".to_string();
    // A new index extracts them.
    assert_eq!(
        index_outcome(index, &[]),
        (all_read.into(), extracted.clone())
    );
    assert_eq!(
        index_outcome(index, &[]),
        (none_read.into(), extracted.clone())
    );
    let counts = run(&["entities", "--index", index, "--kind", "loc", "--top", "1"]);
    assert_eq!(counts.stdout, "loc\t10\tFrance\n");

    assert_eq!(
        index_outcome(index, &["--no-entities"]),
        (all_read.into(), not_extracted.into())
    );
    let filtered = run(&["search", "France", "--index", index, "--entity", "Paris"]);
    assert_eq!(filtered.error_line(), missing);
    // A per:, loc: or org: query finds nothing there, and says why.
    let named = run(&["search", "per:\"Ri Song-chol\"", "--index", index]);
    assert_eq!(named.code, 1, "{named:#?}");
    let note = missing.replacen("depeche: ", "depeche: note: ", 1);
    assert_eq!(named.stderr, format!("{note}\n"));
    let counts = run(&["entities", "--index", index]);
    assert_eq!(counts.error_line(), missing);

    // The index remembers: a plain run keeps them off, --entities switches them back on.
    assert_eq!(
        index_outcome(index, &[]),
        (none_read.into(), not_extracted.into())
    );
    assert_eq!(
        index_outcome(index, &["--entities"]),
        (all_read.into(), extracted)
    );
}

#[test]
fn counts_add_up_across_segments() {
    let dir = tempfile::TempDir::new().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let built = run(&[
        "index",
        "corpus",
        "--index",
        index,
        "--entities",
        "--commit-every",
        "5",
    ]);
    assert_eq!(built.code, 0, "{built:#?}");
    let segments = std::fs::read_dir(index)
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".fast")
        })
        .count();
    assert!(segments > 1, "{segments} segment(s)");
    let counts = run(&["entities", "--index", index, "--top", "2"]);
    assert_eq!(
        counts.stdout,
        "per\t5\tHélène Marchetti\nper\t4\tRi Song-chol\n\
         loc\t10\tFrance\nloc\t8\tParis\n\
         org\t7\tUnion européenne\norg\t3\tFNSEA\n"
    );
}
