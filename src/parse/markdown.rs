//! Markdown articles: the text of each block without its markup; the first block is the title.

use super::boilerplate::article_lines;
use super::draft::Draft;
use pulldown_cmark::{Event, Parser, TagEnd};

/// Reads a Markdown article: emphasis, links and heading marks are dropped, each paragraph, heading
/// or list item becomes a paragraph, and the first line of the first one is the title.
pub fn draft_from_markdown(text: &str) -> Draft {
    let cleaned = article_lines(text).join("\n");
    let mut blocks = Vec::new();
    let mut current = String::new();
    for event in Parser::new(&cleaned) {
        match event {
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => {
                let block = current.trim();
                if !block.is_empty() {
                    blocks.push(block.to_string());
                }
                current.clear();
            }
            _ => {}
        }
    }
    let mut blocks = blocks.into_iter();
    let first = blocks.next().unwrap_or_default();
    let (title, rest) = first.split_once('\n').unwrap_or((&first, ""));
    let mut paragraphs: Vec<String> = Vec::new();
    if !rest.trim().is_empty() {
        paragraphs.push(rest.trim().to_string());
    }
    paragraphs.extend(blocks);
    Draft {
        title: title.trim().to_string(),
        paragraphs,
        ..Draft::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_markup() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "# Le satellite **Hydrasol**\n\nTOULOUSE (AFP) - Le *satellite* [Hydrasol](http://x) part.\n\n## Une mission\n\n- un point",
                "Le satellite Hydrasol",
                &[
                    "TOULOUSE (AFP) - Le satellite Hydrasol part.",
                    "Une mission",
                    "un point",
                ],
            ),
            (
                "Titre nu\nsuite du texte\n\nDeux.",
                "Titre nu",
                &["suite du texte", "Deux."],
            ),
        ];
        for (input, title, paragraphs) in cases {
            let draft = draft_from_markdown(input);
            assert_eq!(draft.title, *title);
            assert_eq!(draft.paragraphs, *paragraphs);
        }
    }
}
