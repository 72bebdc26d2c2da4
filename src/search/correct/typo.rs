//! Typos: a word no article holds searched as the closest analysed word the bodies hold (one edit
//! for words of 5 letters, two from 9, the first letter kept), as an article writes it.

use super::lookup::{Lookup, Source};

/// The fewest letters of a word corrected at one edit.
const ONE_EDIT: usize = 5;

/// The fewest letters of a word corrected at two edits.
const TWO_EDITS: usize = 9;

/// The closest other word to `word` (analysed as `term`) that the bodies hold, starting with the
/// same letter (people seldom miss the first one, and the dictionary's walk stays within one
/// letter's words), the most frequent on ties, as the first article holding it writes it in its
/// body (`mélenchon` for `melenchon`), and how many articles hold it; none for a word shorter
/// than 5 letters or not all letters.
pub fn closest(lookup: &mut Lookup, word: &str, term: &str) -> Option<(String, u64)> {
    let letters = word.chars().count();
    if letters < ONE_EDIT || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let edits = if letters >= TWO_EDITS { 2 } else { 1 };
    let body = lookup.fields.body;
    let first = term.chars().next()?;
    let (closest, articles) = lookup.closest(body, term, edits, first.encode_utf8(&mut [0; 4]))?;
    let source = Source {
        field: body,
        read: &[body],
        articles: 1,
    };
    let mut french = lookup.analyzer().clone();
    let written = lookup.written_form(&mut french, &closest, source, word)?;
    Some((written, articles))
}
