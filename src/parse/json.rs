//! JSON articles: one object per `.json` file, one per line in `.jsonl`.
//!
//! Keys: `title`, the text in `body`, `text` or `article` (the longest when there are several: a
//! summary beside the full text), and optional `date` (text, or seconds or milliseconds since
//! 1970), `dateline`, `url`.

use super::draft::Draft;
use super::text::paragraphs;
use serde::Deserialize;
use serde_json::Value;

/// An article object as found in JSON sources.
#[derive(Debug, Deserialize)]
pub struct JsonArticle {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    article: Option<String>,
    #[serde(default)]
    date: Option<Value>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Parses one JSON article object.
pub fn draft_from_json(json: &str) -> Result<Draft, String> {
    let article: JsonArticle = serde_json::from_str(json).map_err(|e| format!("bad JSON: {e}"))?;
    let body = [article.body, article.text, article.article]
        .into_iter()
        .flatten()
        .max_by_key(String::len)
        .unwrap_or_default();
    let title = article.title.unwrap_or_default();
    if title.trim().is_empty() && body.trim().is_empty() {
        return Err("no `title` and no `body`, `text` or `article`".into());
    }
    Ok(Draft {
        title: title.trim().to_string(),
        paragraphs: paragraphs(body.lines()),
        dateline: article.dateline.filter(|d| !d.trim().is_empty()),
        date: article.date.as_ref().and_then(date_text),
        url: article.url,
    })
}

/// A JSON date as text: as written, or, for a number of seconds (milliseconds past
/// `MILLISECONDS_FROM`) since 1970, the RFC 3339 time it stands for.
fn date_text(date: &Value) -> Option<String> {
    match date {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => {
            let count = number.as_i64()?;
            let seconds = match count.abs() >= MILLISECONDS_FROM {
                true => count / 1000,
                false => count,
            };
            chrono::DateTime::from_timestamp(seconds, 0).map(|time| time.to_rfc3339())
        }
        _ => None,
    }
}

/// A date number this large counts milliseconds: in seconds it would be past the year 5000.
const MILLISECONDS_FROM: i64 = 100_000_000_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_body_key() {
        for key in ["body", "text", "article"] {
            let json =
                format!(r#"{{"title": "T", "{key}": "Un.\n\nDeux.", "date": "2025-03-14"}}"#);
            let draft = draft_from_json(&json).unwrap();
            assert_eq!(draft.title, "T");
            assert_eq!(draft.paragraphs, ["Un.", "Deux."]);
            assert_eq!(draft.date.as_deref(), Some("2025-03-14"));
        }
    }

    #[test]
    fn takes_the_longest_text_and_dates_as_numbers() {
        let json =
            r#"{"title": "X", "text": "Résumé.", "article": "Le texte complet.", "body": ""}"#;
        assert_eq!(
            draft_from_json(json).unwrap().paragraphs,
            ["Le texte complet."]
        );
        // (date as written, as read)
        let cases = [
            ("\"2022-07-14\"", Some("2022-07-14")),
            ("1657800000", Some("2022-07-14T12:00:00+00:00")),
            ("1657800000000", Some("2022-07-14T12:00:00+00:00")),
            ("null", None),
            ("[1]", None),
        ];
        for (date, expected) in cases {
            let json = format!(r#"{{"title": "T", "body": "B.", "date": {date}}}"#);
            let draft = draft_from_json(&json).unwrap();
            assert_eq!(draft.date.as_deref(), expected, "{date}");
        }
    }

    #[test]
    fn rejects_bad_objects() {
        let cases = [
            (
                "{",
                "bad JSON: EOF while parsing an object at line 1 column 1",
            ),
            ("{}", "no `title` and no `body`, `text` or `article`"),
            (
                "\"texte\"",
                "bad JSON: invalid type: string \"texte\", expected struct JsonArticle at line 1 column 7",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(draft_from_json(input).unwrap_err(), expected);
        }
    }
}
