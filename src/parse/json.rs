//! JSON articles: one object per `.json` file, one per line in `.jsonl`.
//!
//! Keys: `title`, the text in `body`, `text` or `article`, and optional `date`, `dateline`, `url`.

use super::draft::Draft;
use super::text::paragraphs;
use serde::Deserialize;

/// An article object as found in JSON sources.
#[derive(Debug, Deserialize)]
pub struct JsonArticle {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, alias = "text", alias = "article")]
    body: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Parses one JSON article object.
pub fn draft_from_json(json: &str) -> Result<Draft, String> {
    let article: JsonArticle = serde_json::from_str(json).map_err(|e| format!("bad JSON: {e}"))?;
    let body = article.body.unwrap_or_default();
    let title = article.title.unwrap_or_default();
    if title.trim().is_empty() && body.trim().is_empty() {
        return Err("no `title` and no `body`, `text` or `article`".into());
    }
    Ok(Draft {
        title: title.trim().to_string(),
        paragraphs: paragraphs(body.lines()),
        dateline: article.dateline.filter(|d| !d.trim().is_empty()),
        date: article.date,
        url: article.url,
    })
}

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
