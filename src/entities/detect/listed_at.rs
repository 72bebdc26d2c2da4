//! The longest gazetteer name that starts at a token of the article: one look-up per word while
//! the words read so far start a listed name.

use crate::entities::doc::Doc;
use crate::entities::lists::{Class, Entry, GAZETTEER, List};
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
/// once per token) settle most words without a look-up here. A name that opens with an elision
/// goes on with a capital (`L'Équipe`, not the `L'équipe` of a sentence start).
pub fn longest_listed(doc: &Doc, start: usize) -> Option<(usize, Entry)> {
    if doc.tokens.get(start)?.is_punct() || !doc.is(start, List::Gazetteer) {
        return None;
    }
    if doc.shape(start) == Shape::Elision && doc.shape(start + 1) == Shape::Lower {
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
/// one by one while it starts a listed name, and a `+` glued to a word with them (`Canal+`).
fn extend_match(
    doc: &Doc,
    start: usize,
    key: &mut String,
    mut best: Option<(usize, Entry)>,
) -> Option<(usize, Entry)> {
    let following = doc.tokens.iter().enumerate().skip(start + 1);
    for (at, token) in following.take(MAX_TOKENS - 1) {
        let glued_plus = doc.word(at) == "+" && doc.tokens[at - 1].end == token.start;
        if token.is_punct() && !glued_plus {
            break;
        }
        if !glued_plus {
            key.push(' ');
        }
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
/// the text swallowed starts at a capitalised word only (`Caire`, not `CAP` nor `cap`), right
/// after the swallowing word or its own article in lowercase: a place after any `au`, `du`,
/// `aux` or `des` (`au Cap`, `l'aéroport du Caire`, not the `Cap` of `collectif Cap au Nord`), a
/// medium only after one that belongs to no other name (`du Monde`, not `Coupe du Monde`) or
/// after its own article (`selon le Parisien`).
fn may_start_at(entry: &Entry, doc: &Doc, start: usize) -> bool {
    match entry.article {
        None => true,
        Some(_) if doc.shape(start) != Shape::Capitalised => false,
        Some(article) if entry.class == Class::Media => {
            after_swallowed_article(doc, start) || after_lowercase_article(doc, start, article)
        }
        Some(article) => {
            let swallowed = start > 0 && doc.is_one_of(start - 1, &SWALLOWING_WORDS);
            swallowed || after_lowercase_article(doc, start, article)
        }
    }
}

/// Whether token `start` follows its own `article` written in lowercase, as a newspaper is
/// named in the middle of a sentence (`selon le Parisien`, `dans les Echos`).
fn after_lowercase_article(doc: &Doc, start: usize, article: &str) -> bool {
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    let written = doc.word(before);
    written != article && written.eq_ignore_ascii_case(article)
}

/// Whether token `start` follows `du`, `au`, `aux` or `des` that belong to no other name or
/// title: `les journalistes du Monde`, `il a dit au Point`, but not `la Coupe du Monde`,
/// `Médecins du Monde`, `champion du Monde` or `la zone la plus fréquentée au Monde`.
fn after_swallowed_article(doc: &Doc, start: usize) -> bool {
    let Some(article) = start.checked_sub(1) else {
        return false;
    };
    if !doc.is_one_of(article, &SWALLOWING_WORDS) {
        return false;
    }
    let Some(owner) = article.checked_sub(1) else {
        return true;
    };
    let owner_word = doc.word(owner).to_lowercase();
    let superlative =
        (owner.saturating_sub(3)..=owner).any(|at| doc.is_one_of(at, &["plus", "moins"]));
    !doc.tokens[owner].is_capital() && !TITLE_WORDS.contains(&owner_word.as_str()) && !superlative
}

/// The words that swallow the article of the name after them (`au Cap`, `du Monde`).
const SWALLOWING_WORDS: [&str; 4] = ["du", "au", "aux", "des"];

/// Words before `du Monde` that make it a title, not the newspaper.
const TITLE_WORDS: [&str; 10] = [
    "coupe",
    "championnat",
    "championnats",
    "champion",
    "champions",
    "championne",
    "vice-champion",
    "record",
    "tour",
    "titre",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn first_match(text: &str) -> Option<(String, Class)> {
        match_at(text, 0)
    }

    fn match_at(text: &str, at: usize) -> Option<(String, Class)> {
        let doc = Doc::new(text);
        let (end, entry) = longest_listed(&doc, at)?;
        Some((doc.form(at, end), entry.class))
    }

    #[test]
    fn a_place_without_its_article_follows_the_word_that_swallowed_it() {
        let cases = [
            ("au Mans et", 1, Some("Mans")),
            ("l'aéroport du Caire", 3, Some("Caire")),
            ("en direct du Cap, où", 3, Some("Cap")),
            ("Mans et", 0, None),
            ("Cap au Nord", 0, None),
            ("le collectif Cap au Nord", 2, None),
        ];
        for (text, at, expected) in cases {
            let expected = expected.map(|name| (name.to_string(), Class::Geo));
            assert_eq!(match_at(text, at), expected, "{text}");
        }
    }

    #[test]
    fn matches_the_longest_listed_name() {
        let cases = [
            ("Corée du Nord a tiré", Some(("Corée du Nord", Class::Geo))),
            ("Corée du Sud", Some(("Corée du Sud", Class::Geo))),
            ("Etats-Unis et", Some(("Etats-Unis", Class::Geo))),
            ("Europe 1 a dit", Some(("Europe 1", Class::Media))),
            ("Canal+ a diffusé", Some(("Canal+", Class::Media))),
            ("L'Équipe a révélé", Some(("L'Équipe", Class::Media))),
            ("L'équipe a découvert", None),
            ("L'opinion publique", None),
            ("Allemagne du Nord", Some(("Allemagne", Class::Geo))),
            ("Côte d'Ivoire", Some(("Côte d'Ivoire", Class::Geo))),
            (
                "République démocratique du Congo",
                Some(("République démocratique du Congo", Class::Geo)),
            ),
            ("CAP et", None),
            ("Placée en garde à vue", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|(name, class)| (name.to_string(), class));
            assert_eq!(first_match(text), expected, "{text}");
        }
    }
}
