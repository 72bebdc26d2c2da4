//! Snippets: about N characters of the body around its best passage, cut at word boundaries, with
//! every word that matched the query (inflected and unaccented forms included) marked.

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Score, Searcher, Term};

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
    /// The query's terms on the field, as the analyzer writes them, each with a number and its
    /// weight: the rarer the term, the heavier.
    terms: FxHashMap<String, QueryTerm>,
    /// Which words may analyse to one of the terms.
    openings: Openings,
    /// The field's analyzer, for the words that may match.
    analyzer: TextAnalyzer,
    /// The words analysed so far, as written, with the term each gave (if one of the query's):
    /// the same words come back from one article to the next.
    analysed: FxHashMap<String, Option<QueryTerm>>,
    /// Snippet length in characters.
    chars: usize,
}

/// One of the query's terms.
#[derive(Clone, Copy)]
struct QueryTerm {
    /// Its number, from 0.
    id: usize,
    /// Its weight.
    weight: Score,
}

/// A word of the text that analyses to one of the query's terms.
struct Match {
    /// Its bytes in the text.
    range: Range<usize>,
    /// Its term.
    term: QueryTerm,
}

impl SnippetMaker {
    /// Prepares snippets of about `chars` characters for `query` on `field`.
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        chars: usize,
    ) -> tantivy::Result<Self> {
        let terms = weighted_terms(searcher, query, field)?;
        let openings = Openings::of(terms.keys());
        let analyzer = searcher.index().tokenizer_for_field(field)?;
        Ok(SnippetMaker {
            terms,
            openings,
            analyzer,
            analysed: FxHashMap::default(),
            chars,
        })
    }

    /// The snippet of `text`: its best passage, or its opening when nothing in it matched.
    pub fn make(&mut self, text: &str) -> Snippet {
        let matches = self.matches(text);
        let char_count = text.chars().count().max(1);
        let budget = self.chars * text.len() / char_count;
        let best = &matches[best_passage(&matches, self.terms.len(), budget)];
        let window = match (best.first(), best.last()) {
            (Some(first), Some(last)) => {
                window_around(text, first.range.start..last.range.end, self.chars)
            }
            _ => window_around(text, 0..0, self.chars),
        };
        let highlights: Vec<Range<usize>> = matches.iter().map(|m| m.range.clone()).collect();
        cut(text, window, &highlights)
    }

    /// The whole of `text`, every word that matched marked: for reading an article in full.
    pub fn highlight_all(&mut self, text: &str) -> Snippet {
        let highlights = self.matches(text).into_iter().map(|m| m.range).collect();
        Snippet {
            text: text.to_string(),
            highlights,
        }
    }

    /// The words of `text` that analyse to a query term, in order. Words are cut as the analyzer
    /// cuts them (runs of letters and digits); only those whose opening letters fit a term are
    /// analysed.
    fn matches(&mut self, text: &str) -> Vec<Match> {
        let mut matches = Vec::new();
        if self.terms.is_empty() {
            return matches;
        }
        for range in candidate_words(text, &self.openings) {
            let word = &text[range.clone()];
            if !self.openings.may_match(word) {
                continue;
            }
            if let Some(term) = self.term_of(word) {
                matches.push(Match { range, term });
            }
        }
        matches
    }

    /// The query term `word` analyses to, if any.
    fn term_of(&mut self, word: &str) -> Option<QueryTerm> {
        if let Some(&term) = self.analysed.get(word) {
            return term;
        }
        let mut stream = self.analyzer.token_stream(word);
        let term = stream
            .next()
            .and_then(|token| self.terms.get(&token.text).copied());
        self.analysed.insert(word.to_string(), term);
        term
    }
}

/// The query's terms on `field` that occur in the index, numbered, and weighted as tantivy's
/// snippet generator weighs them: `1 / (1 + document frequency)`.
fn weighted_terms(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> tantivy::Result<FxHashMap<String, QueryTerm>> {
    let mut terms: Vec<Term> = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.push(term.clone());
        }
    });
    let mut weighted = FxHashMap::default();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_string) else {
            continue;
        };
        let doc_freq = searcher.doc_freq(&term)?;
        if doc_freq > 0 {
            let id = weighted.len();
            let weight = 1.0 / (1.0 + doc_freq as Score);
            weighted.entry(text).or_insert(QueryTerm { id, weight });
        }
    }
    Ok(weighted)
}

/// The byte ranges of the runs of letters and digits of `text`: the words tantivy's
/// `SimpleTokenizer`, the analyzer's first step, cuts, without copying each into a token (which
/// made snippets 10% slower overall).
pub(super) fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (is_word, width) = char_at(text, at)?;
            if is_word {
                break at;
            }
            at += width;
        };
        at = word_end(text, start);
        Some(start..at)
    })
}

/// The words of `text` whose first byte may open a word `openings` lets through, in order:
/// every word when a term opens with a character that is not ASCII; otherwise the bytes that
/// cannot open one are skipped without reading the words they are in.
fn candidate_words<'t>(
    text: &'t str,
    openings: &Openings,
) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
    if openings.any {
        return Box::new(words(text));
    }
    let firsts = openings.firsts;
    let bytes = text.as_bytes();
    let mut at = 0;
    Box::new(std::iter::from_fn(move || {
        loop {
            at = next_opening(bytes, at, &firsts)?;
            let start = at;
            let (is_word, width) = char_at(text, at)?;
            if !is_word {
                at += width;
                continue;
            }
            at = word_end(text, start);
            let after_ascii = start == 0 || bytes[start - 1].is_ascii();
            if after_ascii || !follows_a_letter(text, start) {
                return Some(start..at);
            }
        }
    }))
}

/// The first byte from `at` on that `firsts` marks and that follows no ASCII letter or digit:
/// where a word that may match can start (a byte after a character that is not ASCII is let
/// through, for the caller to tell).
fn next_opening(bytes: &[u8], at: usize, firsts: &[bool; 256]) -> Option<usize> {
    let first = *bytes.get(at)?;
    if firsts[usize::from(first)] && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric()) {
        return Some(at);
    }
    let rest = bytes.get(at..)?;
    rest.windows(2)
        .position(|pair| firsts[usize::from(pair[1])] && !pair[0].is_ascii_alphanumeric())
        .map(|found| at + found + 1)
}

/// The end of the run of letters and digits at byte `at` of `text`.
fn word_end(text: &str, mut at: usize) -> usize {
    while let Some((true, width)) = char_at(text, at) {
        at += width;
    }
    at
}

/// Whether the character before byte `at` of `text` is a letter or a digit: the word at `at` is
/// then the end of a longer one.
fn follows_a_letter(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].chars().next_back() else {
        return false;
    };
    let start = at - before.len_utf8();
    char_at(text, start).is_some_and(|(is_word, _)| is_word)
}

/// Whether the character at byte `at` of `text` is a letter or a digit, and its width; none past
/// the end. ASCII and Latin-1 letters (`À` to `ÿ`, read from their two bytes: all but `×` and
/// `÷`) are told without decoding them or reading Unicode's tables.
fn char_at(text: &str, at: usize) -> Option<(bool, usize)> {
    let bytes = text.as_bytes();
    let byte = *bytes.get(at)?;
    if byte.is_ascii() {
        return Some((byte.is_ascii_alphanumeric(), 1));
    }
    if let (0xC3, Some(&second)) = (byte, bytes.get(at + 1)) {
        return Some((!matches!(second, 0x97 | 0xB7), 2));
    }
    let c = text[at..].chars().next()?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

/// The first two letters of the query's terms. Lowercasing, elision, stop words, folding and
/// Snowball's French stemmer never change a word's first two letters (the stemmer's regions all
/// start after them), so a word whose first two letters are ASCII and open no term cannot match.
struct Openings {
    /// The lowercase ASCII first two letters of the terms of two letters or more.
    pairs: FxHashSet<[u8; 2]>,
    /// The terms of one ASCII letter, which longer words may analyse to (`PS` gives `p`).
    singles: FxHashSet<u8>,
    /// Whether some term opens with a character that is not ASCII: then every word is analysed.
    any: bool,
    /// The bytes a word that may match can start with: the terms' first letters in either case,
    /// and the first byte of any character that is not ASCII (`État` may give `etat`).
    firsts: [bool; 256],
}

impl Openings {
    fn of<'a>(terms: impl Iterator<Item = &'a String>) -> Openings {
        let mut openings = Openings {
            pairs: FxHashSet::default(),
            singles: FxHashSet::default(),
            any: false,
            firsts: [false; 256],
        };
        openings.firsts[0xC0..].fill(true);
        for term in terms {
            if let Some(&first) = term.as_bytes().first() {
                openings.firsts[usize::from(first.to_ascii_lowercase())] = true;
                openings.firsts[usize::from(first.to_ascii_uppercase())] = true;
            }
            match term.as_bytes() {
                [a, b, ..] if a.is_ascii() && b.is_ascii() => {
                    openings.pairs.insert([*a, *b]);
                }
                [a] if a.is_ascii() => {
                    openings.singles.insert(*a);
                }
                _ => openings.any = true,
            }
        }
        openings
    }

    /// Whether `word`, as written, may analyse to one of the terms.
    fn may_match(&self, word: &str) -> bool {
        match word.as_bytes() {
            _ if self.any => true,
            [a, ..] if a.is_ascii() && self.singles.contains(&a.to_ascii_lowercase()) => true,
            [a, b, ..] if a.is_ascii() && b.is_ascii() => self
                .pairs
                .contains(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()]),
            [a] if a.is_ascii() => false,
            _ => true,
        }
    }
}

/// The run of matches that fits in `budget` bytes and holds the heaviest set of distinct terms
/// (a term met twice counts once), the earliest on ties, as indices into `matches`; `terms` is
/// the number of terms. Empty when there are no matches.
fn best_passage(matches: &[Match], terms: usize, budget: usize) -> Range<usize> {
    let mut in_run = vec![0_u32; terms];
    let mut best = 0..0;
    let mut best_score: Score = 0.0;
    let mut score: Score = 0.0;
    let mut first = 0;
    for (last, m) in matches.iter().enumerate() {
        if in_run[m.term.id] == 0 {
            score += m.term.weight;
        }
        in_run[m.term.id] += 1;
        while m.range.end - matches[first].range.start > budget && first < last {
            let gone = matches[first].term;
            in_run[gone.id] -= 1;
            if in_run[gone.id] == 0 {
                score -= gone.weight;
            }
            first += 1;
        }
        if score > best_score {
            best_score = score;
            best = first..last + 1;
        }
    }
    best
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
    use crate::analysis::analyze;
    use tantivy::tokenizer::{SimpleTokenizer, Tokenizer};

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "L'armée d’Ukraine, 2024 : grève-éclair…";
        let words: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(
            words,
            ["L", "armée", "d", "Ukraine", "2024", "grève", "éclair"]
        );
    }

    #[test]
    fn words_are_cut_as_the_analyzer_cuts_them() {
        let text = "L'armée d’Ukraine, 2024 : grève-éclair… Œuvre n°3 ½ 東京 x² 5×3 À÷ÿ\u{a0}ß";
        let mut tokenizer = SimpleTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut expected = Vec::new();
        while let Some(token) = stream.next() {
            expected.push(token.offset_from..token.offset_to);
        }
        assert_eq!(words(text).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn openings_never_reject_a_word_that_analyses_to_a_term() {
        let words = [
            "Chevaux",
            "ÉLECTIONS",
            "premières",
            "premiere",
            "Yeux",
            "aïeux",
            "naïve",
            "œuvre",
            "Ukraine",
            "cheminots",
            "grève",
            "greve",
            "gouvernementales",
            "x",
            "2024",
            "été",
            "Québec",
            "sécurité",
            "SECURITE",
            "ayant",
            "quelques",
            "parlementaires",
        ];
        for word in words {
            for term in analyze(word) {
                let openings = Openings::of([term.clone()].iter());
                assert!(openings.may_match(word), "{word} -> {term}");
            }
        }
    }

    /// Each file of `corpus/` with its text.
    fn sample_texts() -> Vec<(std::path::PathBuf, String)> {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let files = walkdir::WalkDir::new(&corpus).into_iter().flatten();
        files
            .map(|entry| {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                (entry.into_path(), text)
            })
            .collect()
    }

    #[test]
    fn candidate_words_skip_no_word_that_analyses_to_a_term() {
        let mut checked = 0;
        for (path, text) in sample_texts() {
            let analysed: Vec<(Range<usize>, Option<String>)> = words(&text)
                .map(|range| (range.clone(), analyze(&text[range]).into_iter().next()))
                .collect();
            let all_terms: Vec<&String> = analysed.iter().filter_map(|(_, t)| t.as_ref()).collect();
            for every in [7, 13, 29] {
                let terms: Vec<String> = all_terms
                    .iter()
                    .step_by(every)
                    .map(|t| t.to_string())
                    .collect();
                let openings = Openings::of(terms.iter());
                let matching = |range: &Range<usize>| {
                    let term = analysed
                        .iter()
                        .find(|(r, _)| r == range)
                        .and_then(|(_, t)| t.as_ref());
                    term.is_some_and(|term| terms.contains(term))
                };
                let expected: Vec<_> = words(&text).filter(matching).collect();
                let found: Vec<_> = candidate_words(&text, &openings).filter(matching).collect();
                assert_eq!(found, expected, "{} every {every}", path.display());
                checked += expected.len();
            }
        }
        assert!(checked > 5_000, "{checked} words");
    }

    #[test]
    fn openings_never_reject_a_word_of_the_sample_articles_that_analyses_to_a_term() {
        let mut checked = 0;
        for (_, text) in sample_texts() {
            for range in words(&text) {
                let word = &text[range];
                for term in analyze(word) {
                    let openings = Openings::of([term.clone()].iter());
                    assert!(openings.may_match(word), "{word} -> {term}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked} words");
    }

    #[test]
    fn openings_reject_words_that_open_no_term() {
        let openings = Openings::of(["grev".to_string(), "x".to_string()].iter());
        let cases = [
            ("Grève", true),
            ("GREVES", true),
            ("X", true),
            ("cheminots", false),
            ("gouvernement", false),
            ("xénophobie", true), // a letter past ASCII: always analysed
            ("épreuve", true),
        ];
        for (word, expected) in cases {
            assert_eq!(openings.may_match(word), expected, "{word}");
        }
    }

    #[test]
    fn best_passage_holds_the_heaviest_distinct_terms_within_the_budget() {
        let weights = [0.5, 0.5, 0.9];
        let at = |start: usize, id: usize| Match {
            range: start..start + 5,
            term: QueryTerm {
                id,
                weight: weights[id],
            },
        };
        // Terms 0 and 1 twice each, then the heavier term 2; a repeated term counts once, so the
        // earliest run holding 0 and 1 wins over longer runs holding them again.
        let matches = [at(0, 0), at(100, 1), at(120, 1), at(300, 0), at(500, 2)];
        let cases = [(10, 4..5), (130, 0..2), (250, 3..5), (600, 0..5)];
        for (budget, expected) in cases {
            assert_eq!(
                best_passage(&matches, 3, budget),
                expected,
                "budget {budget}"
            );
        }
        assert_eq!(best_passage(&[], 0, 100), 0..0);
    }

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
