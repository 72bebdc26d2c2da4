//! The index settings and mappings written for OpenSearch 2.x and Elasticsearch 8.x: depeche's
//! French and names analyzers rebuilt from the engines' own components, and the article fields.

use crate::analysis::{ELIDED, FRENCH, MAX_TOKEN_BYTES, NAMES, stop_word_list};
use serde_json::{Value, json};

/// What splits text into words: anything not a letter or a digit, as tantivy's simple tokenizer
/// (`char::is_alphanumeric`: Unicode's Alphabetic property, or a number).
pub const WORD_SEPARATORS: &str = r"[^\p{IsAlphabetic}\p{N}]+";

/// Tokens depeche neither stems nor lets Snowball touch: any with a digit (`2019`, `10e`).
const WITH_DIGITS: &str = ".*[0-9].*";

/// The body of `PUT /NAME`: settings with the `depeche_fr` and `depeche_names` analyzers, and
/// the mappings of an exported article.
pub fn index_settings() -> Value {
    json!({
        "settings": { "analysis": analysis() },
        "mappings": mappings(),
    })
}

/// The analysis section: one tokenizer, depeche's filters, its two analyzers.
fn analysis() -> Value {
    json!({
        "tokenizer": {
            "depeche_words": { "type": "pattern", "pattern": WORD_SEPARATORS }
        },
        "filter": {
            "depeche_long": { "type": "length", "max": MAX_TOKEN_BYTES },
            "depeche_elision": { "type": "stop", "stopwords": ELIDED },
            "depeche_stop": { "type": "stop", "stopwords": stop_word_list() },
            "depeche_digits": { "type": "keyword_marker", "keywords_pattern": WITH_DIGITS },
            "depeche_snowball": { "type": "snowball", "language": "French" }
        },
        "analyzer": {
            FRENCH: {
                "type": "custom",
                "tokenizer": "depeche_words",
                "filter": [
                    "depeche_long", "lowercase", "depeche_elision", "depeche_stop",
                    "depeche_digits", "depeche_snowball", "asciifolding"
                ]
            },
            NAMES: {
                "type": "custom",
                "tokenizer": "depeche_words",
                "filter": ["depeche_long", "lowercase", "depeche_elision", "asciifolding"]
            }
        }
    })
}

/// The fields of an exported article, shaped as `depeche extract --json` prints it, plus its id.
fn mappings() -> Value {
    let french = json!({ "type": "text", "analyzer": FRENCH });
    let name = json!({
        "type": "text",
        "analyzer": NAMES,
        "fields": { "raw": { "type": "keyword" } }
    });
    let entity = json!({
        "type": "keyword",
        "fields": { "text": { "type": "text", "analyzer": NAMES } }
    });
    json!({
        "dynamic": "strict",
        "properties": {
            "id": { "type": "keyword" },
            "path": { "type": "keyword" },
            "url": { "type": "keyword", "index": false },
            "title": french,
            "body": french,
            "dateline": {
                "properties": {
                    "text": french,
                    "place": name,
                    "date": { "type": "date", "format": "strict_date" },
                    "agency": name,
                    "year_from": { "type": "keyword" }
                }
            },
            "entities": {
                "properties": { "per": entity, "loc": entity, "org": entity }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_french_analyzer_runs_depeche_s_steps_in_its_order() {
        let settings = index_settings();
        let filters = &settings["settings"]["analysis"]["analyzer"][FRENCH]["filter"];
        let expected = [
            "depeche_long",
            "lowercase",
            "depeche_elision",
            "depeche_stop",
            "depeche_digits",
            "depeche_snowball",
            "asciifolding",
        ];
        assert_eq!(filters, &json!(expected));
    }

    #[test]
    fn stop_words_are_listed_accented_and_folded() {
        let settings = index_settings();
        let words = &settings["settings"]["analysis"]["filter"]["depeche_stop"]["stopwords"];
        let words: Vec<&str> = words
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for word in ["été", "ete", "même", "meme", "les", "qu"] {
            assert!(words.contains(&word), "{word} missing");
        }
    }
}
