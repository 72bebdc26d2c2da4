//! `depeche export` on the sample corpus: the files it writes, their shape as OpenSearch and
//! Elasticsearch document it, and each document against `depeche extract --json`.

use crate::common::run;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Exports `corpus/` into `to` with `args` added, checking it went well; the JSON summary.
fn export(to: &Path, args: &[&str]) -> Value {
    let to = to.to_str().expect("a UTF-8 temp path");
    let mut all = vec!["export", "corpus", "--to", to, "--json"];
    all.extend(args);
    let exported = run(&all);
    assert_eq!(exported.code, 0, "{exported:#?}");
    exported.json()
}

/// The bulk files of an export folder, sorted by name.
fn bulk_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("bulk-"))
        .collect();
    names.sort();
    names
}

/// The (action, document) pairs of a bulk file, checking that it ends with a newline.
fn pairs(path: &Path) -> Vec<(Value, Value)> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.ends_with('\n'),
        "{} does not end with a newline",
        path.display()
    );
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        lines.len() % 2,
        0,
        "{}: an action without its document",
        path.display()
    );
    lines
        .chunks(2)
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect()
}

/// Every exported document, by path.
fn documents(folder: &Path) -> BTreeMap<String, Value> {
    bulk_files(folder)
        .iter()
        .flat_map(|name| pairs(&folder.join(name)))
        .map(|(_, doc)| (doc["path"].as_str().unwrap().to_string(), doc))
        .collect()
}

#[test]
fn export_writes_settings_bulk_files_of_a_batch_each_and_a_readme() {
    let to = tempfile::tempdir().unwrap();
    let summary = export(to.path(), &["--batch", "20"]);
    assert_eq!(summary["articles"], 50);
    assert_eq!(summary["files"], 47);
    assert_eq!(summary["skipped"], serde_json::json!([]));
    let names = bulk_files(to.path());
    assert_eq!(
        names,
        [
            "bulk-00001.ndjson",
            "bulk-00002.ndjson",
            "bulk-00003.ndjson"
        ]
    );
    let sizes: Vec<usize> = names
        .iter()
        .map(|n| pairs(&to.path().join(n)).len())
        .collect();
    assert_eq!(sizes, [20, 20, 10]);
    for (action, doc) in names.iter().flat_map(|n| pairs(&to.path().join(n))) {
        let target = &action["index"];
        assert_eq!(action.as_object().unwrap().len(), 1, "{action}");
        assert_eq!(target["_index"], "depeche");
        assert_eq!(target["_id"], doc["id"]);
        assert_eq!(doc["id"].as_str().unwrap().len(), 16);
    }
    assert!(to.path().join("depeche.settings.json").is_file());
    let readme = std::fs::read_to_string(to.path().join("README.md")).unwrap();
    assert!(
        readme.contains("curl -sS -X PUT \"$ES/depeche\""),
        "{readme}"
    );
    assert!(readme.contains("50 articles in 3 bulk file(s)"), "{readme}");
}

#[test]
fn the_human_summary_names_what_was_written() {
    let to = tempfile::tempdir().unwrap();
    let to_arg = to.path().to_str().unwrap();
    let exported = run(&[
        "export",
        "corpus",
        "--to",
        to_arg,
        "--index-name",
        "afp",
        "--no-entities",
    ]);
    assert_eq!(exported.code, 0, "{exported:#?}");
    let lines: Vec<&str> = exported.stdout.lines().collect();
    assert!(
        lines[0].starts_with("exported 50 articles from 47 files in "),
        "{lines:?}"
    );
    assert!(lines[0].ends_with(": 1 bulk file(s), 0.1 MB"), "{lines:?}");
    assert_eq!(lines[1], format!("settings: {to_arg}/afp.settings.json"));
    assert_eq!(lines[2], "skipped: 0");
    assert_eq!(
        lines[3],
        format!("to load them: {to_arg}/README.md (two curl commands)")
    );
    let docs = documents(to.path());
    let lyon = &docs["corpus/wire/afp-greve-sncf-lyon.txt"];
    assert_eq!(
        lyon["entities"],
        serde_json::json!({"per": [], "loc": [], "org": []})
    );
}

#[test]
fn each_document_is_the_article_extract_prints_with_its_id() {
    let to = tempfile::tempdir().unwrap();
    export(to.path(), &[]);
    let mut exported = documents(to.path());
    for doc in exported.values_mut() {
        doc.as_object_mut().unwrap().remove("id");
    }
    let mut extracted = BTreeMap::new();
    let files: BTreeSet<String> = exported
        .keys()
        .map(|path| match path.rsplit_once(':') {
            Some((file, line)) if line.parse::<u32>().is_ok() => file.to_string(),
            _ => path.clone(),
        })
        .collect();
    for file in &files {
        for article in run(&["extract", file, "--json"]).json_lines() {
            extracted.insert(article["path"].as_str().unwrap().to_string(), article);
        }
    }
    assert_eq!(exported.len(), 50);
    assert_eq!(exported, extracted);
}

#[test]
fn a_new_export_keeps_the_ids_and_leaves_no_earlier_bulk_file() {
    let to = tempfile::tempdir().unwrap();
    export(to.path(), &["--batch", "10"]);
    let first: BTreeSet<String> = documents(to.path())
        .values()
        .map(|d| d["id"].to_string())
        .collect();
    assert_eq!(bulk_files(to.path()).len(), 5);
    export(to.path(), &[]);
    assert_eq!(bulk_files(to.path()), ["bulk-00001.ndjson"]);
    let second: BTreeSet<String> = documents(to.path())
        .values()
        .map(|d| d["id"].to_string())
        .collect();
    assert_eq!(first.len(), 50);
    assert_eq!(first, second);
}

#[test]
fn an_index_name_the_engines_refuse_is_an_error() {
    let to = tempfile::tempdir().unwrap();
    let to_arg = to.path().to_str().unwrap();
    let refused = run(&[
        "export",
        "corpus",
        "--to",
        to_arg,
        "--index-name",
        "Depeche",
    ]);
    assert_eq!(
        refused.error_line(),
        format!(
            "depeche: exporting corpus: export {to_arg}: index name \"Depeche\": must be lowercase"
        )
    );
    assert_eq!(std::fs::read_dir(to.path()).unwrap().count(), 0);
}

/// The filter types of OpenSearch 2.x and Elasticsearch 8.x analysis that the settings may use,
/// with the parameters each requires (their reference pages on token filters).
const FILTER_TYPES: [(&str, &[&str]); 5] = [
    ("stop", &["stopwords"]),
    ("length", &["max"]),
    ("keyword_marker", &["keywords_pattern"]),
    ("snowball", &["language"]),
    ("elision", &["articles"]),
];

/// Built-in filters referred to by name.
const BUILT_IN_FILTERS: [&str; 2] = ["lowercase", "asciifolding"];

/// Field types the mappings may use, as the engines' mapping reference names them.
const FIELD_TYPES: [&str; 3] = ["text", "keyword", "date"];

#[test]
fn the_settings_have_the_shape_the_engines_document() {
    let to = tempfile::tempdir().unwrap();
    export(to.path(), &[]);
    let text = std::fs::read_to_string(to.path().join("depeche.settings.json")).unwrap();
    assert!(text.ends_with('\n'));
    let settings: Value = serde_json::from_str(&text).unwrap();
    let top: BTreeSet<&str> = settings
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(top, BTreeSet::from(["settings", "mappings"]));
    let analysis = &settings["settings"]["analysis"];
    let filters = analysis["filter"].as_object().unwrap();
    for (name, filter) in filters {
        let kind = filter["type"].as_str().unwrap();
        let (_, required) = FILTER_TYPES
            .iter()
            .find(|(t, _)| *t == kind)
            .unwrap_or_else(|| panic!("filter {name}: type {kind} is not one the engines have"));
        for parameter in *required {
            assert!(
                filter.get(parameter).is_some(),
                "filter {name}: no {parameter}"
            );
        }
    }
    assert_eq!(analysis["filter"]["depeche_snowball"]["language"], "French");
    let tokenizers = analysis["tokenizer"].as_object().unwrap();
    assert_eq!(tokenizers["depeche_words"]["type"], "pattern");
    let analyzers = analysis["analyzer"].as_object().unwrap();
    assert_eq!(
        analyzers.keys().collect::<Vec<_>>(),
        ["depeche_fr", "depeche_names"]
    );
    for (name, analyzer) in analyzers {
        assert_eq!(analyzer["type"], "custom", "{name}");
        assert!(
            tokenizers.contains_key(analyzer["tokenizer"].as_str().unwrap()),
            "{name}"
        );
        for filter in analyzer["filter"].as_array().unwrap() {
            let filter = filter.as_str().unwrap();
            let known = filters.contains_key(filter) || BUILT_IN_FILTERS.contains(&filter);
            assert!(known, "analyzer {name}: filter {filter} is defined nowhere");
        }
    }
    let mappings = &settings["mappings"];
    assert_eq!(mappings["dynamic"], "strict");
    check_fields(mappings["properties"].as_object().unwrap(), analyzers, "");
}

/// Checks every field of a mapping's `properties`: a known type, an analyzer that exists.
fn check_fields(properties: &Map<String, Value>, analyzers: &Map<String, Value>, at: &str) {
    for (name, field) in properties {
        let path = format!("{at}{name}");
        if let Some(inner) = field.get("properties") {
            check_fields(inner.as_object().unwrap(), analyzers, &format!("{path}."));
            continue;
        }
        let kind = field["type"].as_str().unwrap();
        assert!(FIELD_TYPES.contains(&kind), "{path}: type {kind}");
        if let Some(analyzer) = field.get("analyzer") {
            assert!(analyzers.contains_key(analyzer.as_str().unwrap()), "{path}");
        }
        if kind == "date" {
            assert_eq!(field["format"], "strict_date", "{path}");
        }
        if let Some(subfields) = field.get("fields") {
            check_fields(
                subfields.as_object().unwrap(),
                analyzers,
                &format!("{path}."),
            );
        }
    }
}

#[test]
fn every_document_field_is_mapped_as_strict_mappings_require() {
    let to = tempfile::tempdir().unwrap();
    export(to.path(), &[]);
    let text = std::fs::read_to_string(to.path().join("depeche.settings.json")).unwrap();
    let settings: Value = serde_json::from_str(&text).unwrap();
    let properties = &settings["mappings"]["properties"];
    let mut seen = BTreeSet::new();
    for doc in documents(to.path()).values() {
        check_mapped(doc, properties, "", &mut seen);
    }
    let expected = [
        "body",
        "dateline",
        "dateline.agency",
        "dateline.date",
        "dateline.place",
        "dateline.text",
        "dateline.year_from",
        "entities",
        "entities.loc",
        "entities.org",
        "entities.per",
        "id",
        "path",
        "title",
        "url",
    ];
    assert_eq!(seen, expected.iter().map(|s| s.to_string()).collect());
}

/// Checks that each field of `doc` has a mapping in `properties`, noting the fields seen.
fn check_mapped(doc: &Value, properties: &Value, at: &str, seen: &mut BTreeSet<String>) {
    for (name, value) in doc.as_object().unwrap() {
        let path = format!("{at}{name}");
        let mapping = properties
            .get(name)
            .unwrap_or_else(|| panic!("{path} is not mapped"));
        seen.insert(path.clone());
        if value.is_object() {
            check_mapped(value, &mapping["properties"], &format!("{path}."), seen);
        }
    }
}

#[test]
fn the_readme_s_files_are_the_ones_written() {
    let to = tempfile::tempdir().unwrap();
    export(to.path(), &["--index-name", "archives-2025"]);
    let readme = std::fs::read_to_string(to.path().join("README.md")).unwrap();
    assert!(readme.contains("--data-binary @archives-2025.settings.json"));
    assert!(to.path().join("archives-2025.settings.json").is_file());
    assert!(readme.contains("for f in bulk-*.ndjson;"));
    let dsl = readme
        .split("```json\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let (request, body) = dsl.split_once('\n').unwrap();
    assert_eq!(request, "POST /archives-2025/_search");
    let body: Value = serde_json::from_str(body).expect("the query DSL is JSON");
    let fields = &body["query"]["bool"]["must"][0]["multi_match"]["fields"];
    assert_eq!(
        fields,
        &serde_json::json!(["title^3", "body", "dateline.text^0.5"])
    );
    assert_eq!(body["aggs"]["per"]["terms"]["field"], "entities.per");
}
