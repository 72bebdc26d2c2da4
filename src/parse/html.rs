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
/// `<p>`, `<h2>`–`<h4>`, `<li>`, `<blockquote>` and `<pre>` outside navigation, headers and footers;
/// a page without such blocks gives its whole visible body text.
pub fn draft_from_html(html: &str) -> Draft {
    let page = Html::parse_document(html);
    let title = page
        .select(&HEADLINE)
        .chain(page.select(&PAGE_TITLE))
        .map(visible_text)
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let mut paragraphs: Vec<String> = page
        .select(&BLOCKS)
        .filter(|block| !inside_non_text(block) && !has_block_ancestor(block))
        .map(visible_text)
        .filter(|text| !text.is_empty())
        .collect();
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

fn inside_non_text(element: &ElementRef<'_>) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| NON_TEXT.contains(&a.value().name()))
}

/// Whether a block sits inside another selected block (an `<li>` holding a `<p>`): the outer one
/// already gives its text.
fn has_block_ancestor(element: &ElementRef<'_>) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| BLOCKS.matches(&a))
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
}
