//! Article parsing: from a file of any supported format to [`Article`]s.

mod boilerplate;
mod clean;
mod dateline;
mod draft;
mod french_date;
mod html;
mod json;
mod markdown;
mod text;

pub use clean::clean_text;
pub use draft::{Draft, Source};
pub(crate) use french_date::month_number;

use crate::article::Article;
use crate::error::{Error, Result};
use std::path::Path;

/// The formats depeche reads, by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: a scraped page's text.
    Text,
    /// `.md`: Markdown, markup dropped.
    Markdown,
    /// `.html`, `.htm`: visible text only.
    Html,
    /// `.json`: one article object.
    Json,
    /// `.jsonl`: one article object per line.
    JsonLines,
}

impl Format {
    /// The format of `path`, from its extension; `None` for files depeche does not read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// What one file gave: its articles, and the problems of the parts that could not be read.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The articles read.
    pub articles: Vec<Article>,
    /// Parts skipped (a malformed JSON line), each naming the file and line.
    pub problems: Vec<Error>,
}

/// Reads and parses the file at `path`.
pub fn parse_file(path: &Path, format: Format) -> Result<Parsed> {
    let read_error = |cause| Error::Read {
        path: path.to_path_buf(),
        cause,
    };
    let bytes = std::fs::read(path).map_err(read_error)?;
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
    parse_bytes(&bytes, format, &Source { path, modified })
}

/// Parses a file's content.
pub fn parse_bytes(bytes: &[u8], format: Format, source: &Source<'_>) -> Result<Parsed> {
    let bad = |reason: &str| Error::BadArticle {
        path: source.path.to_path_buf(),
        reason: reason.to_string(),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(bad("empty file"));
    }
    if bytes.contains(&0) && encoding_rs::Encoding::for_bom(bytes).is_none() {
        return Err(bad("binary file"));
    }
    let text = clean_text(&decode(bytes));
    let label = source.path.display().to_string();
    let one = |draft: Draft| Parsed {
        articles: vec![draft.finish(label.clone(), source)],
        problems: Vec::new(),
    };
    match format {
        Format::Text => Ok(one(text::draft_from_text(&text))),
        Format::Markdown => Ok(one(markdown::draft_from_markdown(&text))),
        Format::Html => Ok(one(html::draft_from_html(&text))),
        Format::Json => json::draft_from_json(&text).map(one).map_err(|r| bad(&r)),
        Format::JsonLines => Ok(parse_json_lines(&text, source)),
    }
}

/// Parses a JSON Lines file: a malformed line is reported as `file:line` and skipped.
fn parse_json_lines(text: &str, source: &Source<'_>) -> Parsed {
    let mut parsed = Parsed::default();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let label = format!("{}:{}", source.path.display(), index + 1);
        match json::draft_from_json(line) {
            Ok(draft) => parsed.articles.push(draft.finish(label, source)),
            Err(reason) => parsed.problems.push(Error::BadArticle {
                path: label.into(),
                reason,
            }),
        }
    }
    parsed
}

/// Decodes bytes: a BOM (UTF-8 or UTF-16) decides, else UTF-8, else Windows-1252; a UTF-8 text
/// with a few stray Windows-1252 bytes (a `café` pasted from elsewhere) stays UTF-8, only those
/// bytes read as Windows-1252.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_length..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) if is_mostly_utf8(bytes) => {
            let mut text = String::with_capacity(bytes.len() + 16);
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                let stray = encoding_rs::WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
                text.push_str(&stray.0);
            }
            text.into()
        }
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// Whether bytes that are not all UTF-8 hold more characters written in UTF-8 beyond ASCII (`é`
/// as two bytes) than stray bytes: a UTF-8 text with a few slips, rather than a Windows-1252 one.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut written, mut stray) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        written += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        stray += usize::from(!chunk.invalid().is_empty());
    }
    written > stray
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str) -> Source<'_> {
        Source {
            path: Path::new(path),
            modified: None,
        }
    }

    #[test]
    fn decodes_common_encodings() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Corée".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let cases: &[(&[u8], &str)] = &[
            ("Corée".as_bytes(), "Corée"),
            (b"\xEF\xBB\xBFCor\xC3\xA9e", "Corée"),
            (b"Cor\xE9e", "Corée"),
            (&utf16, "Corée"),
            (
                b"Cor\xC3\xA9e, \xC3\xA9t\xC3\xA9, caf\xE9",
                "Corée, été, café",
            ),
            (b"Cor\xE9e, \xE9t\xE9, caf\xC3\xA9", "Corée, été, cafÃ©"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(decode(bytes), *expected);
        }
    }

    #[test]
    fn reports_bad_json_lines_and_keeps_the_others() {
        let text = "{\"title\": \"Un\", \"body\": \"A.\"}\n{oops\n\n{\"title\": \"Deux\", \"text\": \"B.\"}\n";
        let parsed = parse_bytes(text.as_bytes(), Format::JsonLines, &source("a.jsonl")).unwrap();
        let titles: Vec<_> = parsed
            .articles
            .iter()
            .map(|a| (a.path.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(titles, [("a.jsonl:1", "Un"), ("a.jsonl:4", "Deux")]);
        let problems: Vec<_> = parsed.problems.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            problems,
            ["a.jsonl:2: bad JSON: key must be a string at line 1 column 2"]
        );
    }

    #[test]
    fn refuses_empty_and_binary_files() {
        let cases: &[(&[u8], &str)] = &[
            (b"  \n", "x.txt: empty file"),
            (b"\x00\x01\x02", "x.txt: binary file"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                parse_bytes(bytes, Format::Text, &source("x.txt"))
                    .unwrap_err()
                    .to_string(),
                *expected
            );
        }
    }
}
