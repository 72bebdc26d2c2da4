//! Plain-text articles in the scraped shape: title on the first line, then paragraphs separated by
//! blank lines.

use super::boilerplate::article_lines;
use super::draft::Draft;

/// Reads a scraped page's text: the first non-empty line is the title (a leading `#` is dropped),
/// the rest are paragraphs, site boilerplate removed.
pub fn draft_from_text(text: &str) -> Draft {
    let lines = article_lines(text);
    let mut lines = lines
        .iter()
        .map(String::as_str)
        .skip_while(|l| l.is_empty());
    let title = lines
        .next()
        .unwrap_or_default()
        .trim_start_matches('#')
        .trim()
        .to_string();
    Draft {
        title,
        paragraphs: paragraphs(lines),
        ..Draft::default()
    }
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
