//! Forgiving search: the words of a query that no article holds searched under the spelling the
//! articles use (a name written another way, a word split or joined, a typo), and said so.

mod lookup;
mod split;
mod typo;
mod variant;
mod words;

use super::engine::Engine;
use lookup::Lookup;
use serde::Serialize;

/// Query words searched under another spelling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The words as typed: one word, or two written apart that the articles join.
    pub from: String,
    /// The words searched instead, as an article writes them (lowercased): one word, or two.
    pub to: String,
}

/// What the plain words of a query are searched as, and what else they may have meant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spellings {
    /// Words no article holds (or two words no article writes side by side), searched as the
    /// articles write them.
    pub searched: Vec<Correction>,
    /// Words a few articles hold that far more articles write another way: suggested, and
    /// searched as typed.
    pub suggested: Vec<Correction>,
}

/// The most articles a word may be in and still be suggested another spelling.
const RARE: u64 = 20;

/// How many times more articles another spelling must be in to be suggested.
const RARER: u64 = 20;

/// The spellings of the plain words of `query` (no field, operator, quote or sign): two words
/// side by side that the articles write as one far more often ([`split::joined`]), then each word
/// no article holds, corrected in this order of preference: a name spelt another way
/// ([`variant::same_key`]), two words run together ([`split::split`]), a name or a word one or two
/// typing slips away ([`variant::close_key`], [`typo::closest`]); and a word in at most 20
/// articles is suggested the name spelt another way or the two words it runs together when 20
/// times as many articles write them so.
pub fn spellings(engine: &Engine, query: &str) -> Spellings {
    let mut lookup = Lookup::new(engine);
    let words = words::plain_words(query);
    let mut found = Spellings::default();
    let mut at = 0;
    while let Some(word) = words.get(at) {
        let next = words
            .get(at + 1)
            .filter(|next| next.place == word.place + 1);
        let joined = next.and_then(|next| split::joined(&mut lookup, word.text, next.text));
        let (spelling, used) = match joined {
            Some(joined) => (Some(joined), 2),
            None => (spelling(&mut lookup, word.text), 1),
        };
        match spelling {
            Some(Spelling::Searched(correction)) => found.searched.push(correction),
            Some(Spelling::Suggested(correction)) => found.suggested.push(correction),
            None => {}
        }
        at += used;
    }
    found
}

/// Another spelling of query words, searched or only suggested.
enum Spelling {
    /// Searched instead of the words as typed.
    Searched(Correction),
    /// Suggested beside the words as typed.
    Suggested(Correction),
}

/// The spelling of one word: corrected when no article holds it, suggested when it is rare.
fn spelling(lookup: &mut Lookup, word: &str) -> Option<Spelling> {
    let term = lookup.term(word)?;
    let correction = |to| Correction {
        from: word.to_string(),
        to,
    };
    match lookup.held_articles(&term) {
        0 => {
            let to = variant::same_key(lookup, word, 1)
                .map(|(to, _)| to)
                .or_else(|| split::split(lookup, word).map(|(to, _)| to))
                .or_else(|| variant::close_key(lookup, word))
                .or_else(|| typo::closest(lookup, word, &term))?;
            Some(Spelling::Searched(correction(to)))
        }
        held @ 1..=RARE => {
            let (to, articles) = variant::same_key(lookup, word, RARER * held)
                .filter(|(to, _)| lookup.term(to).as_ref() != Some(&term))
                .or_else(|| split::split(lookup, word))?;
            (articles >= RARER * held).then(|| Spelling::Suggested(correction(to)))
        }
        _ => None,
    }
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
