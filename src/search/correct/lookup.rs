//! What corrections ask of the index: a word's analysed term, how many articles hold a term or
//! a phrase, the closest terms of a field, an article holding a term.

use crate::index::schema::Fields;
use crate::search::engine::Engine;
use std::collections::HashMap;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, FuzzyTermQuery, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

/// Where the way the articles write a term is read ([`Lookup::written_form`]).
#[derive(Clone, Copy)]
pub struct Source<'f> {
    /// The field the articles hold the term in.
    pub field: Field,
    /// The fields of those articles read, in order.
    pub read: &'f [Field],
    /// How many of the best-scored of those articles are read at most.
    pub articles: usize,
}

/// An index snapshot and the French analyzer, for the corrections of one query.
pub struct Lookup<'a> {
    /// The engine's fields.
    pub fields: &'a Fields,
    searcher: Searcher,
    analyzer: TextAnalyzer,
}

impl<'a> Lookup<'a> {
    /// A lookup in the engine's current snapshot.
    pub fn new(engine: &'a Engine) -> Lookup<'a> {
        Lookup {
            fields: engine.fields(),
            searcher: engine.searcher(),
            analyzer: engine.analyzer(),
        }
    }

    /// The French analyzer.
    pub fn analyzer(&mut self) -> &mut TextAnalyzer {
        &mut self.analyzer
    }

    /// The one term the analyzer makes of `word`; none for a stop word or several terms.
    pub fn term(&mut self, word: &str) -> Option<String> {
        let mut stream = self.analyzer.token_stream(word);
        let first = stream.next()?.text.clone();
        stream.next().is_none().then_some(first)
    }

    /// How many articles hold `term` in `field`.
    pub fn articles(&self, field: Field, term: &str) -> u64 {
        let term = Term::from_field_text(field, term);
        self.searcher.doc_freq(&term).unwrap_or(0)
    }

    /// Whether a title or a body holds the analysed `term`.
    pub fn is_held(&self, term: &str) -> bool {
        self.held_articles(term) > 0
    }

    /// How many articles hold the analysed `term` in their body, or in their title when more do.
    pub fn held_articles(&self, term: &str) -> u64 {
        let body = self.articles(self.fields.body, term);
        body.max(self.articles(self.fields.title, term))
    }

    /// How many articles hold `words` side by side in their title or body (stop words aside).
    pub fn phrase_articles(&mut self, words: &str) -> u64 {
        let mut terms = Vec::new();
        let mut stream = self.analyzer.token_stream(words);
        while let Some(token) = stream.next() {
            terms.push((token.position, token.text.clone()));
        }
        let in_field = |field: Field| -> Box<dyn Query> {
            let terms: Vec<(usize, Term)> = terms
                .iter()
                .map(|(at, text)| (*at, Term::from_field_text(field, text)))
                .collect();
            match terms.as_slice() {
                [(_, term)] => Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic)),
                _ => Box::new(PhraseQuery::new_with_offset(terms)),
            }
        };
        if terms.is_empty() {
            return 0;
        }
        let query = BooleanQuery::union(vec![
            in_field(self.fields.body),
            in_field(self.fields.title),
        ]);
        self.searcher.search(&query, &Count).map_or(0, |n| n as u64)
    }

    /// The other term of `field` within `edits` edits of `term` (a swap of two letters is one)
    /// and starting with `prefix`, that the most articles hold, with their number. Only the
    /// terms of the dictionary that start with `prefix` are walked.
    pub fn closest(
        &self,
        field: Field,
        term: &str,
        edits: u8,
        prefix: &str,
    ) -> Option<(String, u64)> {
        let query = FuzzyTermQuery::new(Term::from_field_text(field, term), edits, true);
        let mut counts: HashMap<Vec<u8>, u64> = HashMap::new();
        for segment in self.searcher.segment_readers() {
            let (Ok(index), Ok(automaton)) = (segment.inverted_index(field), query.automaton())
            else {
                continue;
            };
            let terms = index.terms().search(automaton).ge(prefix);
            let terms = match past_prefix(prefix) {
                Some(past) => terms.lt(past),
                None => terms,
            };
            let Ok(mut stream) = terms.into_stream() else {
                continue;
            };
            while stream.advance() {
                if stream.key() == term.as_bytes() {
                    continue;
                }
                let count = u64::from(stream.value().doc_freq);
                *counts.entry(stream.key().to_vec()).or_default() += count;
            }
        }
        let best = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
        Some((String::from_utf8(best.0).ok()?, best.1))
    }

    /// How the articles write `term`, lowercased, when not as `typed`: the first word that
    /// `analyzer` turns into `term` in the fields `source.read` of the best-scored articles
    /// holding `term` in `source.field`, at most `source.articles` of them.
    pub fn written_form(
        &self,
        analyzer: &mut TextAnalyzer,
        term: &str,
        source: Source,
        typed: &str,
    ) -> Option<String> {
        let typed = typed.to_lowercase();
        for doc in self.articles_with(source.field, term, source.articles) {
            for &field in source.read {
                let Some(text) = self.fields.text(&doc, field) else {
                    continue;
                };
                let mut stream = analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    let written = text[token.offset_from..token.offset_to].to_lowercase();
                    if token.text == term && written != typed {
                        return Some(written);
                    }
                }
            }
        }
        None
    }

    /// The best-scored articles holding `term` in `field`, at most `limit`.
    fn articles_with(&self, field: Field, term: &str, limit: usize) -> Vec<TantivyDocument> {
        let query = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .unwrap_or_default();
        top.into_iter()
            .filter_map(|(_, address)| self.searcher.doc(address).ok())
            .collect()
    }
}

/// The first bytes past every string starting with `prefix` (its last byte below 0xFF raised by
/// one, the bytes after it dropped); none for an empty prefix or one of 0xFF bytes only.
fn past_prefix(prefix: &str) -> Option<Vec<u8>> {
    let mut past = prefix.as_bytes().to_vec();
    while let Some(last) = past.pop() {
        if last < 0xFF {
            past.push(last + 1);
            return Some(past);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_prefix_is_the_first_string_after_all_that_start_with_it() {
        let cases: &[(&str, Option<&[u8]>)] = &[
            ("", None),
            ("a", Some(b"b")),
            ("gouv", Some(b"gouw")),
            ("é", Some(&[0xC3, 0xAA])),
        ];
        for (prefix, expected) in cases {
            assert_eq!(
                past_prefix(prefix).as_deref(),
                *expected,
                "prefix {prefix:?}"
            );
        }
    }
}
