//! Typos: a word no article holds searched as the closest analysed word the bodies hold (one edit
//! for words of 5 letters, two from 9), as an article writes it.

use super::lookup::Lookup;

/// The fewest letters of a word corrected at one edit.
const ONE_EDIT: usize = 5;

/// The fewest letters of a word corrected at two edits.
const TWO_EDITS: usize = 9;

/// The closest other word to `word` (analysed as `term`) that the bodies hold, the most frequent
/// on ties, as an article writes it, and how many articles hold it; none for a word shorter than
/// 5 letters or not all letters.
pub fn closest(lookup: &mut Lookup, word: &str, term: &str) -> Option<(String, u64)> {
    let letters = word.chars().count();
    if letters < ONE_EDIT || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let edits = if letters >= TWO_EDITS { 2 } else { 1 };
    let (closest, articles) = lookup.closest(lookup.fields.body, term, edits)?;
    Some((written_form(lookup, &closest)?, articles))
}

/// How an article holding the analysed `term` writes it, lowercased (`mélenchon` for
/// `melenchon`): the first word of its body the analyzer turns into that term.
fn written_form(lookup: &mut Lookup, term: &str) -> Option<String> {
    let body = lookup.fields.body;
    let doc = lookup.articles_with(body, term, 1).pop()?;
    let text = lookup.fields.text(&doc, body)?;
    let mut stream = lookup.analyzer().token_stream(text);
    while let Some(token) = stream.next() {
        if token.text == term {
            let written = text.get(token.offset_from..token.offset_to)?;
            let word = written.rsplit(['\'', '’']).next().unwrap_or(written);
            return Some(word.to_lowercase());
        }
    }
    None
}
