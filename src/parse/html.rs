//! HTML pages: the visible text only, title from `<h1>` or `<title>`, paragraphs from block elements.

use super::draft::Draft;
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

static HEADLINE: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static PAGE_TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static BLOCKS: LazyLock<Selector> =
    LazyLock::new(|| selector("p, h2, h3, h4, li, blockquote, pre"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static PUBLISHED: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"meta[property="article:published_time"], meta[name="date"], meta[itemprop="datePublished"]"#,
    )
});
static NON_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid CSS selector")
}

/// Reads an HTML page: `<h1>` (else `<title>`) is the title; paragraphs are the visible text of
/// `<p>`, `<h2>`–`<h4>`, `<li>`, `<blockquote>` and `<pre>` outside navigation, headers and footers,
/// and the sentences written between them (see `block_paragraphs`); a page without such blocks
/// gives its whole visible body text.
pub fn draft_from_html(html: &str) -> Draft {
    let page = Html::parse_document(html);
    let title = page
        .select(&HEADLINE)
        .chain(page.select(&PAGE_TITLE))
        .map(visible_text)
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let mut paragraphs = page
        .select(&BODY)
        .next()
        .map(block_paragraphs)
        .unwrap_or_default();
    if paragraphs.is_empty() {
        paragraphs = page
            .select(&BODY)
            .map(visible_text)
            .filter(|t| !t.is_empty())
            .collect();
    }
    let date = page
        .select(&PUBLISHED)
        .find_map(|meta| meta.value().attr("content"))
        .map(str::to_string);
    Draft {
        title,
        paragraphs,
        date,
        ..Draft::default()
    }
}

/// The element's text with scripts and styles left out and white space collapsed.
fn visible_text(element: ElementRef<'_>) -> String {
    let mut words = Vec::new();
    for node in element.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let hidden = node.ancestors().filter_map(ElementRef::wrap).any(|a| {
            matches!(
                a.value().name(),
                "script" | "style" | "noscript" | "template"
            )
        });
        if !hidden {
            words.extend(text.split_whitespace());
        }
    }
    words.join(" ")
}

/// The paragraphs of `body` in page order: the text of each selected block (the outermost, when
/// one holds another) outside navigation, headers and footers; and, once the page has such blocks,
/// the text written between them straight into a `<div>`, `<article>` or the body, as ledes often
/// are, when it runs to `LOOSE_WORDS` words (shorter, it is a label or a button). Walked with a
/// stack rather than by recursion, so that no nesting is too deep.
fn block_paragraphs(body: ElementRef<'_>) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut loose = Vec::new();
    let mut loose_words: Vec<&str> = Vec::new();
    let mut stack = vec![(body.children(), true)];
    while let Some((children, breaks)) = stack.last_mut() {
        let Some(child) = children.next() else {
            if *breaks {
                end_loose_text(&mut loose_words, &mut loose, blocks.len());
            }
            stack.pop();
            continue;
        };
        if let Some(text) = child.value().as_text() {
            loose_words.extend(text.split_whitespace());
            continue;
        }
        let Some(element) = ElementRef::wrap(child) else {
            continue;
        };
        let name = element.value().name();
        let breaks = !INLINE.contains(&name);
        if breaks {
            end_loose_text(&mut loose_words, &mut loose, blocks.len());
        }
        if NON_TEXT.contains(&name) || name == "h1" {
            continue;
        }
        if BLOCKS.matches(&element) {
            blocks.push(visible_text(element));
            continue;
        }
        stack.push((element.children(), breaks));
    }
    end_loose_text(&mut loose_words, &mut loose, blocks.len());
    merge_in_page_order(blocks, loose)
}

/// The fewest words of text written outside the blocks that make it a paragraph.
const LOOSE_WORDS: usize = 6;

/// Elements inside a paragraph of text: a line break (`<br>`) too, since text written outside
/// blocks is cut into lines by them.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "br", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u", "wbr",
];

/// Ends the text read outside blocks so far: a paragraph, placed before block number `before`,
/// when it has `LOOSE_WORDS` words or more.
fn end_loose_text(words: &mut Vec<&str>, loose: &mut Vec<(usize, String)>, before: usize) {
    if words.len() >= LOOSE_WORDS {
        loose.push((before, words.join(" ")));
    }
    words.clear();
}

/// The blocks' texts and the loose paragraphs (each with the number of blocks before it) in page
/// order, empty ones left out; none at all when the page has no block with text.
fn merge_in_page_order(blocks: Vec<String>, loose: Vec<(usize, String)>) -> Vec<String> {
    if blocks.iter().all(String::is_empty) {
        return Vec::new();
    }
    let mut loose = loose.into_iter().peekable();
    let mut paragraphs = Vec::new();
    for (at, block) in blocks.into_iter().enumerate() {
        while let Some((_, text)) = loose.next_if(|(before, _)| *before == at) {
            paragraphs.push(text);
        }
        paragraphs.push(block);
    }
    paragraphs.extend(loose.map(|(_, text)| text));
    paragraphs.retain(|text| !text.is_empty());
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_visible_text_only() {
        let html = r#"<html><head><title>Site | Titre</title><style>p{color:red}</style>
            <meta property="article:published_time" content="2025-10-21T08:00:00+02:00">
            <script>var trackingPixel = 1;</script></head><body>
            <nav><ul><li>Accueil</li><li>Monde</li></ul></nav>
            <h1>La grève  continue</h1>
            <p>PARIS (AFP) - Les <b>manifestants</b> défilent.</p>
            <ul><li><p>Un point</p></li></ul>
            <footer><p>© Site</p></footer></body></html>"#;
        let draft = draft_from_html(html);
        assert_eq!(draft.title, "La grève continue");
        assert_eq!(
            draft.paragraphs,
            ["PARIS (AFP) - Les manifestants défilent.", "Un point"]
        );
        assert_eq!(draft.date.as_deref(), Some("2025-10-21T08:00:00+02:00"));
    }

    #[test]
    fn falls_back_to_title_and_body_text() {
        let draft = draft_from_html(
            "<html><head><title>Seul titre</title></head><body>Texte nu<script>x()</script></body></html>",
        );
        assert_eq!(draft.title, "Seul titre");
        assert_eq!(draft.paragraphs, ["Texte nu"]);
    }

    #[test]
    fn keeps_sentences_written_between_blocks() {
        // (body, paragraphs)
        let cases: [(&str, &[&str]); 5] = [
            (
                "<div>ROUEN (AFP) - Texte dans une div simple.</div><p>Un paragraphe p.</p>",
                &[
                    "ROUEN (AFP) - Texte dans une div simple.",
                    "Un paragraphe p.",
                ],
            ),
            (
                "<article>ROUEN (AFP) - Texte nu dans <b>un</b> article.<p>Un p.</p></article>",
                &["ROUEN (AFP) - Texte nu dans un article.", "Un p."],
            ),
            (
                "<p>Avant.</p><div>Une phrase<br>coupée en deux lignes par br.</div><p>Après.</p>",
                &[
                    "Avant.",
                    "Une phrase coupée en deux lignes par br.",
                    "Après.",
                ],
            ),
            (
                "<div><span>Partager</span> <a href='#'>Imprimer</a></div><p>Le texte.</p>",
                &["Le texte."],
            ),
            (
                "<p>Un.</p><div>Fin de l'article écrite hors de tout paragraphe.</div>",
                &["Un.", "Fin de l'article écrite hors de tout paragraphe."],
            ),
        ];
        for (body, expected) in cases {
            let html = format!("<html><body><h1>Titre</h1>{body}</body></html>");
            assert_eq!(draft_from_html(&html).paragraphs, expected, "{body}");
        }
    }
}
