//! Snippets: about N characters of the body around its best passage, cut at word boundaries, with
//! every word that matched the query (inflected and unaccented forms included) marked.

use std::ops::Range;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;

/// A passage of an article with the byte ranges of its highlighted words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, on one line, with `…` where it cuts the text.
    pub text: String,
    /// Byte ranges of `text` to highlight, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The passage with each highlight wrapped in `open` and `close`, text passed through `escape`.
    pub fn render(&self, open: &str, close: &str, escape: impl Fn(&str) -> String) -> String {
        let mut out = String::with_capacity(self.text.len() + self.highlights.len() * 8);
        let mut at = 0;
        for range in &self.highlights {
            out.push_str(&escape(&self.text[at..range.start]));
            out.push_str(open);
            out.push_str(&escape(&self.text[range.clone()]));
            out.push_str(close);
            at = range.end;
        }
        out.push_str(&escape(&self.text[at..]));
        out
    }

    /// HTML-escaped text with `<b>…</b>` around highlights.
    pub fn to_html(&self) -> String {
        self.render("<b>", "</b>", |s| html_escape::encode_text(s).into_owned())
    }
}

/// Makes snippets for one query on one text field.
pub struct SnippetMaker {
    generator: SnippetGenerator,
    chars: usize,
}

impl SnippetMaker {
    /// Prepares snippets of about `chars` characters for `query` on `field`.
    pub fn new(
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        field: Field,
        chars: usize,
    ) -> tantivy::Result<Self> {
        let generator = SnippetGenerator::create(searcher, query, field)?;
        Ok(SnippetMaker { generator, chars })
    }

    /// The snippet of `text`: its best passage, or its opening when nothing in it matched.
    pub fn make(&mut self, text: &str) -> Snippet {
        let char_count = text.chars().count().max(1);
        self.generator
            .set_max_num_chars(self.chars * text.len() / char_count);
        let found = self.generator.snippet(text);
        let fragment = found.fragment_range();
        let highlights: Vec<Range<usize>> = found
            .highlighted()
            .iter()
            .map(|r| r.start + fragment.start..r.end + fragment.start)
            .collect();
        let window = match (highlights.first(), highlights.last()) {
            (Some(first), Some(last)) => window_around(text, first.start..last.end, self.chars),
            _ => window_around(text, 0..0, self.chars),
        };
        cut(text, window, &highlights)
    }
}

/// A window of about `chars` characters holding `core`, a third of the spare room before it; the
/// start moves back to the start of its word, the end back to the end of the last whole word.
fn window_around(text: &str, core: Range<usize>, chars: usize) -> Range<usize> {
    let core_chars = text[core.clone()].chars().count();
    let spare = chars.saturating_sub(core_chars);
    let before = text[..core.start]
        .char_indices()
        .rev()
        .nth(spare / 3)
        .map_or(0, |(i, _)| i);
    let after_budget = spare - text[before..core.start].chars().count().min(spare);
    let end = text[core.end..]
        .char_indices()
        .nth(after_budget)
        .map_or(text.len(), |(i, _)| core.end + i);
    let start = text[..before]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = if end == text.len() {
        end
    } else {
        text[core.end..end]
            .rfind(char::is_whitespace)
            .map_or(core.end, |i| core.end + i)
    };
    start..end.max(start)
}

/// The snippet of `text` in `window`, on one line, with `…` at cut ends.
fn cut(text: &str, window: Range<usize>, highlights: &[Range<usize>]) -> Snippet {
    let lead = if window.start > 0 { "…" } else { "" };
    let mut snippet_text = format!("{lead}{}", text[window.clone()].trim_end());
    let body_end = snippet_text.len();
    if window.end < text.len() {
        snippet_text.push('…');
    }
    let snippet_text = snippet_text.replace(['\n', '\t'], " ");
    let shift = lead.len() as isize - window.start as isize;
    let highlights = highlights
        .iter()
        .filter(|r| r.start >= window.start && r.end <= window.end)
        .map(|r| (r.start as isize + shift) as usize..(r.end as isize + shift) as usize)
        .filter(|r| r.end <= body_end)
        .collect();
    Snippet {
        text: snippet_text,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cut_at_word_boundaries() {
        let text = "Un deux trois quatre cinq six sept huit neuf dix onze douze";
        let cases = [
            (0..0, 12, "Un deux"),
            (21..25, 15, "quatre cinq six"),
            (54..59, 10, "onze douze"),
        ];
        for (core, chars, expected) in cases {
            let window = window_around(text, core, chars);
            assert_eq!(&text[window], expected);
        }
    }

    #[test]
    fn cut_marks_ends_and_shifts_highlights() {
        let text = "Un deux\ntrois quatre";
        let snippet = cut(text, 3..13, &[8..13, 14..20]);
        assert_eq!(snippet.text, "…deux trois…");
        assert_eq!(snippet.render("[", "]", str::to_string), "…deux [trois]…");
    }

    #[test]
    fn renders_html() {
        let snippet = Snippet {
            text: "a < b & grève".into(),
            highlights: vec![2..3, 8..14],
        };
        assert_eq!(snippet.to_html(), "a <b>&lt;</b> b &amp; <b>grève</b>");
    }
}
