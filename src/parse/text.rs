//! Plain-text articles in the scraped shape: title on the first line, then paragraphs separated by
//! blank lines.

use super::boilerplate::article_lines;
use super::draft::Draft;

/// Reads a scraped page's text: the first non-empty line is the title (a leading `#` is dropped),
/// the rest are paragraphs, site boilerplate removed. A first line too long to be a title
/// (`MAX_TITLE_CHARS`) is the first paragraph, and the title its opening words.
pub fn draft_from_text(text: &str) -> Draft {
    let lines = article_lines(text);
    let mut lines = lines
        .iter()
        .map(String::as_str)
        .skip_while(|l| l.is_empty());
    let first = lines.next().unwrap_or_default();
    let title = first.trim_start_matches('#').trim();
    if title.chars().count() > MAX_TITLE_CHARS {
        return Draft {
            title: opening_words(title),
            paragraphs: paragraphs(std::iter::once(first).chain(lines)),
            ..Draft::default()
        };
    }
    Draft {
        title: title.to_string(),
        paragraphs: paragraphs(lines),
        ..Draft::default()
    }
}

/// The most characters a first line has to be a title: headlines run to about 150.
const MAX_TITLE_CHARS: usize = 300;

/// How many characters of a text's opening words stand for a title it lacks, at most.
const OPENING_CHARS: usize = 100;

/// The opening words of `text`, cut at a space before `OPENING_CHARS` characters, with `…`.
fn opening_words(text: &str) -> String {
    let end = text
        .char_indices()
        .nth(OPENING_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    format!("{}…", text[..cut].trim_end())
}

/// Groups lines into paragraphs at blank lines; lines of one paragraph stay on their own lines.
pub fn paragraphs<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines.chain(std::iter::once("")) {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of one line, too long for a title.
    static LONG_LINE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "PARIS (AFP) - {}",
            "Le gouvernement a annoncé des mesures. ".repeat(10)
        )
        .trim_end()
        .to_string()
    });

    #[test]
    fn splits_title_and_paragraphs() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Titre\n\nUn.\nDeux.\n\n\nTrois.",
                "Titre",
                &["Un.\nDeux.", "Trois."],
            ),
            ("\n\n# Titre md\n\nCorps.", "Titre md", &["Corps."]),
            ("Titre seul", "Titre seul", &[]),
            (
                &LONG_LINE,
                "PARIS (AFP) - Le gouvernement a annoncé des mesures. Le gouvernement a annoncé \
                 des mesures. Le…",
                &[&LONG_LINE],
            ),
            (
                "Titre\n\nEstimated read time 1 min read\n\nTexte.\n\n(FIN)",
                "Titre",
                &["Texte."],
            ),
        ];
        for (input, title, paragraphs) in cases {
            let draft = draft_from_text(input);
            assert_eq!(draft.title, *title);
            assert_eq!(draft.paragraphs, *paragraphs);
        }
    }
}
