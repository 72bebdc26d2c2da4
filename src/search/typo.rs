//! Typo tolerance: a query word that no article holds is searched as the closest word the index
//! holds (one edit for words of 5 letters, two from 9, on the analysed form), and said so.

use super::engine::Engine;
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::TopDocs;
use tantivy::query::{FuzzyTermQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

/// A query word searched under another spelling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The word as typed.
    pub from: String,
    /// The word searched instead, as an article writes it (lowercased).
    pub to: String,
}

/// The fewest letters of a word corrected at one edit.
const ONE_EDIT: usize = 5;

/// The fewest letters of a word corrected at two edits.
const TWO_EDITS: usize = 9;

/// The corrections of the words of `query` that no article holds: plain words only (no field,
/// operator, quote or sign), each corrected to the closest analysed word of the bodies, the most
/// frequent on ties.
pub fn corrections(engine: &Engine, query: &str) -> Vec<Correction> {
    let searcher = engine.searcher();
    let mut analyzer = engine.analyzer();
    query
        .split_whitespace()
        .filter(|word| word.chars().count() >= ONE_EDIT && word.chars().all(char::is_alphabetic))
        .filter_map(|word| correction(engine, &searcher, &mut analyzer, word))
        .collect()
}

/// The query with each corrected word replaced, the other words kept as typed.
pub fn corrected(query: &str, corrections: &[Correction]) -> String {
    let replaced = query.split_whitespace().map(|word| {
        corrections
            .iter()
            .find(|c| c.from == word)
            .map_or(word, |c| c.to.as_str())
    });
    replaced.collect::<Vec<_>>().join(" ")
}

/// The correction of `word`, when no title or body holds it and a close word is held.
fn correction(
    engine: &Engine,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    word: &str,
) -> Option<Correction> {
    let analysed = only_term(analyzer, word)?;
    let fields = engine.fields();
    let held = [fields.body, fields.title].into_iter().any(|field| {
        let term = Term::from_field_text(field, &analysed);
        searcher.doc_freq(&term).is_ok_and(|count| count > 0)
    });
    if held {
        return None;
    }
    let edits = if word.chars().count() >= TWO_EDITS {
        2
    } else {
        1
    };
    let closest = closest_term(searcher, fields.body, &analysed, edits)?;
    let to = written_form(engine, searcher, analyzer, &closest)?;
    Some(Correction {
        from: word.to_string(),
        to,
    })
}

/// The one term the analyzer makes of `word`; none for a stop word or several terms.
fn only_term(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(word);
    let first = stream.next()?.text.clone();
    stream.next().is_none().then_some(first)
}

/// The term of `field` within `edits` edits of `analysed` that the most articles hold.
fn closest_term(searcher: &Searcher, field: Field, analysed: &str, edits: u8) -> Option<String> {
    let query = FuzzyTermQuery::new(Term::from_field_text(field, analysed), edits, true);
    let mut counts: HashMap<Vec<u8>, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let (Ok(index), Ok(automaton)) = (segment.inverted_index(field), query.automaton()) else {
            continue;
        };
        let Ok(mut stream) = index.terms().search(automaton).into_stream() else {
            continue;
        };
        while stream.advance() {
            let count = u64::from(stream.value().doc_freq);
            *counts.entry(stream.key().to_vec()).or_default() += count;
        }
    }
    let best = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    String::from_utf8(best.0).ok()
}

/// How an article holding the analysed `term` writes it, lowercased (`mélenchon` for
/// `melenchon`): the first word of its body the analyzer turns into that term.
fn written_form(
    engine: &Engine,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    term: &str,
) -> Option<String> {
    let body = engine.fields().body;
    let query = TermQuery::new(Term::from_field_text(body, term), IndexRecordOption::Basic);
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .ok()?;
    let (_, address) = top.first()?;
    let doc: TantivyDocument = searcher.doc(*address).ok()?;
    let text = engine.fields().text(&doc, body)?;
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if token.text == term {
            let written = text.get(token.offset_from..token.offset_to)?;
            let word = written.rsplit(['\'', '’']).next().unwrap_or(written);
            return Some(word.to_lowercase());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrected_keeps_the_other_words() {
        let corrections = [Correction {
            from: "Melanchon".into(),
            to: "mélenchon".into(),
        }];
        let cases = [
            ("Melanchon retraites", "mélenchon retraites"),
            ("grève  Melanchon", "grève mélenchon"),
            ("grève", "grève"),
        ];
        for (query, expected) in cases {
            assert_eq!(corrected(query, &corrections), expected, "{query}");
        }
    }
}
