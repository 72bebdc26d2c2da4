//! Names spelt another way: a word no article holds searched as the capitalised word of the
//! articles that has its variant key (`Putin` as `poutine`), or a key one edit away.

use super::lookup::{Lookup, Source};
use crate::analysis::{variant_key, variants_analyzer};

/// The fewest letters of a word looked up by its variant key.
const SAME_KEY: usize = 4;

/// The fewest letters of a key looked up one edit away.
const CLOSE_KEY: usize = 5;

/// A word of the articles with the same variant key as `word` but written otherwise, as an
/// article writes it, and how many articles hold the key: at least `fewest`, or none is read.
pub fn same_key(lookup: &mut Lookup, word: &str, fewest: u64) -> Option<(String, u64)> {
    if word.chars().count() < SAME_KEY || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let key = variant_key(word);
    if !is_telling(&key, word) {
        return None;
    }
    let articles = lookup.articles(lookup.fields.variant, &key);
    match articles >= fewest.max(1) {
        true => Some((written_form(lookup, &key, word)?, articles)),
        false => None,
    }
}

/// The word of the articles whose variant key is one edit from `word`'s (the most frequent), as
/// an article writes it, and how many articles hold that key: `Gaddafi` (`gadaf`) finds `Kadhafi`
/// (`kadaf`).
pub fn close_key(lookup: &mut Lookup, word: &str) -> Option<(String, u64)> {
    let key = variant_key(word);
    if key.len() < CLOSE_KEY || !is_telling(&key, word) || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let (closest, articles) = lookup.closest(lookup.fields.variant, &key, 1, "")?;
    Some((written_form(lookup, &closest, word)?, articles))
}

/// Whether `key` still tells `word` apart: at least three letters, and half as many as `word`
/// (`zzzzzz` makes `z`, which says nothing).
fn is_telling(key: &str, word: &str) -> bool {
    key.len() >= 3 && key.len() * 2 >= word.chars().count()
}

/// How many articles holding a key are read for a way of writing it.
const READ: usize = 10;

/// A capitalised word with the variant key `key` that is not `typed`, lowercased, from the first
/// of the best-scored articles holding the key that has one.
fn written_form(lookup: &Lookup, key: &str, typed: &str) -> Option<String> {
    let source = Source {
        field: lookup.fields.variant,
        read: &[lookup.fields.title, lookup.fields.body],
        articles: READ,
    };
    lookup.written_form(&mut variants_analyzer(), key, source, typed)
}
