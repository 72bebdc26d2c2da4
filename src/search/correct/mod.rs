//! Forgiving search: the words of a query that no article holds searched under the spelling the
//! articles use (a name written another way, a word split or joined, a typo), and said so.

mod lookup;
mod split;
mod typo;
mod variant;
mod words;

use super::engine::Engine;
use crate::analysis::sound_key;
use lookup::Lookup;
use serde::Serialize;

/// Query words searched under another spelling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The words as typed: one word, or two written apart that the articles join.
    pub from: String,
    /// The words searched instead, as an article writes them (lowercased): one word, or two.
    pub to: String,
    /// How many articles hold the words as typed: none, and `to` is searched instead; a few,
    /// and `to` is searched too, its hits ranked below theirs.
    pub articles: u64,
}

/// The most articles a word may be in and still be searched another way too.
const RARE: u64 = 20;

/// How many times more articles another spelling must be in to be searched too.
const RARER: u64 = 20;

/// The other spellings of the plain words of `query` (no field, operator, quote or sign): two
/// words side by side that the articles write as one ([`split::joined`]), then each word no
/// article holds, in this order of preference: a name spelt another way ([`variant::same_key`]),
/// two words run together ([`split::split`]), a name or a word one or two typing slips away
/// ([`variant::close_key`], [`typo::closest`]). A word at most 20 articles hold gets the same
/// variant key or the split that 20 times as many articles hold, to be searched below it (a
/// typo would turn rare words into common ones: `narval` into `naval`; a close key costs a
/// search of the key dictionary on every rare word).
pub fn spellings(engine: &Engine, query: &str) -> Vec<Correction> {
    let mut lookup = Lookup::new(engine);
    let words = words::plain_words(query);
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(word) = words.get(at) {
        let next = words
            .get(at + 1)
            .filter(|next| next.place == word.place + 1);
        match next.and_then(|next| split::joined(&mut lookup, word.text, next.text)) {
            Some(joined) => {
                found.push(joined);
                at += 2;
            }
            None => {
                found.extend(spelling(&mut lookup, word.text));
                at += 1;
            }
        }
    }
    found
}

/// The other spelling of one word, when no article holds it or a few do. A word a few articles
/// hold is another word, not a misspelling, unless the other spelling sounds the same to its
/// mute ending (`Putin` for `Poutine`, not `France` for `Francia`).
fn spelling(lookup: &mut Lookup, word: &str) -> Option<Correction> {
    let term = lookup.term(word)?;
    let articles = lookup.held_articles(&term);
    let to = match articles {
        0 => variant::same_key(lookup, word, 1)
            .map(|(to, _)| to)
            .or_else(|| split::split(lookup, word).map(|(to, _)| to))
            .or_else(|| variant::close_key(lookup, word).map(|(to, _)| to))
            .or_else(|| typo::closest(lookup, word, &term).map(|(to, _)| to))?,
        1..=RARE => {
            let fewest = RARER * articles;
            let enough = |found: &(String, u64)| found.1 >= fewest;
            variant::same_key(lookup, word, fewest)
                .filter(|(to, _)| lookup.term(to).as_ref() != Some(&term))
                .filter(|(to, _)| sound_key(to) == sound_key(word))
                .or_else(|| split::split(lookup, word).filter(enough))?
                .0
        }
        _ => return None,
    };
    Some(Correction {
        from: word.to_string(),
        to,
        articles,
    })
}

/// The query with each correction made, the other words kept as typed.
pub fn corrected(query: &str, corrections: &[Correction]) -> String {
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut parts = Vec::with_capacity(words.len());
    let mut at = 0;
    while at < words.len() {
        let made = corrections.iter().find_map(|correction| {
            let len = correction.from.split_whitespace().count();
            let typed = words.get(at..at + len)?;
            (typed.join(" ") == correction.from).then_some((correction, len))
        });
        match made {
            Some((correction, len)) => {
                parts.push(correction.to.clone());
                at += len;
            }
            None => {
                parts.push(words[at].to_string());
                at += 1;
            }
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correction(from: &str, to: &str) -> Correction {
        Correction {
            from: from.into(),
            to: to.into(),
            articles: 0,
        }
    }

    #[test]
    fn corrected_keeps_the_other_words() {
        let corrections = [
            correction("Melanchon", "mélenchon"),
            correction("Srilanka", "sri lanka"),
            correction("Green peace", "greenpeace"),
        ];
        let cases = [
            ("Melanchon retraites", "mélenchon retraites"),
            ("grève  Melanchon", "grève mélenchon"),
            ("Srilanka Melanchon", "sri lanka mélenchon"),
            ("Green peace  banderole", "greenpeace banderole"),
            ("Green banderole peace", "Green banderole peace"),
            ("grève", "grève"),
        ];
        for (query, expected) in cases {
            assert_eq!(corrected(query, &corrections), expected, "{query}");
        }
    }
}
