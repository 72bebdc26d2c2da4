//! The longest gazetteer name that starts at a token of the article: one look-up per word while
//! the words read so far start a listed name.

use crate::entities::doc::Doc;
use crate::entities::lists::{Entry, GAZETTEER, List};
use crate::entities::token::Shape;
use std::cell::RefCell;

/// The most tokens one name spans.
const MAX_TOKENS: usize = 10;

thread_local! {
    /// Where the key of a name of several words is put together, word by word.
    static NAME_BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The longest listed name starting at token `start` of `doc`, stopping at punctuation: its end
/// (one past its last token) and entry. A name whose article the text swallowed starts at a
/// capitalised word (`Caire`, not `CAP` nor `cap`). The first word's lexicon tags (looked up
/// once per token) settle most words without a look-up here.
pub fn longest_listed(doc: &Doc, start: usize) -> Option<(usize, Entry)> {
    if doc.tokens.get(start)?.is_punct() || !doc.is(start, List::Gazetteer) {
        return None;
    }
    let first = doc.key(start);
    let node = GAZETTEER.node(first.as_ref())?;
    let best = node
        .entry
        .filter(|entry| may_start_at(entry, doc, start))
        .map(|entry| (start + 1, entry));
    if !node.starts_longer {
        return best;
    }
    NAME_BUFFER.with_borrow_mut(|key| {
        key.clear();
        key.push_str(&first);
        extend_match(doc, start, key, best)
    })
}

/// The longest listed name of several words starting at token `start`, whose first word's key
/// is `key`, or `best` (the first word alone) when there is none: the words are added to `key`
/// one by one while it starts a listed name.
fn extend_match(
    doc: &Doc,
    start: usize,
    key: &mut String,
    mut best: Option<(usize, Entry)>,
) -> Option<(usize, Entry)> {
    let following = doc.tokens.iter().enumerate().skip(start + 1);
    for (at, token) in following.take(MAX_TOKENS - 1) {
        if token.is_punct() {
            break;
        }
        key.push(' ');
        doc.append_key(at, key);
        let Some(node) = GAZETTEER.node(key.as_str()) else {
            break;
        };
        if let Some(entry) = node.entry.filter(|entry| may_start_at(entry, doc, start)) {
            best = Some((at + 1, entry));
        }
        if !node.starts_longer {
            break;
        }
    }
    best
}

/// Whether the name of `entry` may start at token `start`: any name may, but one whose article
/// the text swallowed starts at a capitalised word only (`Caire`, not `CAP` nor `cap`).
fn may_start_at(entry: &Entry, doc: &Doc, start: usize) -> bool {
    entry.article.is_none() || doc.shape(start) == Shape::Capitalised
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lists::Class;

    fn first_match(text: &str) -> Option<(String, Class)> {
        let doc = Doc::new(text);
        let (end, entry) = longest_listed(&doc, 0)?;
        Some((doc.form(0, end), entry.class))
    }

    #[test]
    fn matches_the_longest_listed_name() {
        let cases = [
            ("Corée du Nord a tiré", Some(("Corée du Nord", Class::Geo))),
            ("Corée du Sud", Some(("Corée du Sud", Class::Geo))),
            ("Etats-Unis et", Some(("Etats-Unis", Class::Geo))),
            ("Europe 1 a dit", Some(("Europe 1", Class::Media))),
            ("Europe du Nord", Some(("Europe", Class::Geo))),
            ("Côte d'Ivoire", Some(("Côte d'Ivoire", Class::Geo))),
            (
                "République démocratique du Congo",
                Some(("République démocratique du Congo", Class::Geo)),
            ),
            ("Mans et", Some(("Mans", Class::Geo))),
            ("CAP et", None),
            ("Placée en garde à vue", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|(name, class)| (name.to_string(), class));
            assert_eq!(first_match(text), expected, "{text}");
        }
    }
}
