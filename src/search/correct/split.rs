//! Words run together or written apart: `Srilanka` searched as `sri lanka`, `Green peace` as
//! `greenpeace`, as the articles write them.

use super::lookup::Lookup;
use super::{Correction, RARE, RARER};

/// The fewest letters of a word that may be two run together.
const SPLIT: usize = 4;

/// The fewest letters of each of its two halves.
const HALF: usize = 2;

/// The two words `word` runs together, lowercased, when both are held (or the first is an
/// article: `Lepen`) and articles write them side by side: the pair the most articles write, and
/// their number.
pub fn split(lookup: &mut Lookup, word: &str) -> Option<(String, u64)> {
    let lower = word.to_lowercase();
    let bounds: Vec<usize> = lower.char_indices().map(|(at, _)| at).collect();
    if bounds.len() < SPLIT {
        return None;
    }
    let mut best: Option<(u64, String)> = None;
    for &at in &bounds[HALF..=bounds.len() - HALF] {
        let (left, right) = lower.split_at(at);
        if !is_half(lookup, left, right) {
            continue;
        }
        let pair = format!("{left} {right}");
        let articles = lookup.phrase_articles(&pair);
        if articles > 0 && best.as_ref().is_none_or(|(most, _)| articles > *most) {
            best = Some((articles, pair));
        }
    }
    best.map(|(articles, pair)| (pair, articles))
}

/// Whether `left` and `right` may be the two words of a word run together: both held words, or
/// an article then a held word (`le pen`). Other stop words are not split off, lest `immigraton`
/// be read as `immigra ton`.
fn is_half(lookup: &mut Lookup, left: &str, right: &str) -> bool {
    let held =
        |lookup: &mut Lookup, half: &str| lookup.term(half).is_some_and(|t| lookup.is_held(&t));
    (ARTICLES.contains(&left) || held(lookup, left)) && held(lookup, right)
}

/// The articles a name may be run together with (`Lepen`, `Lehavre`, `Delafontaine`).
const ARTICLES: [&str; 6] = ["le", "la", "les", "de", "du", "des"];

/// `first` and `second` as one word (`Green peace` → `greenpeace`), when the bodies hold them
/// joined and no article writes them side by side, or at most 20 do and 20 times as many hold
/// them joined. Stop words are never joined.
pub fn joined(lookup: &mut Lookup, first: &str, second: &str) -> Option<Correction> {
    lookup.term(first)?;
    lookup.term(second)?;
    let together = format!("{first}{second}").to_lowercase();
    let term = lookup.term(&together)?;
    let joined = lookup.articles(lookup.fields.body, &term);
    if joined == 0 {
        return None;
    }
    let apart = format!("{first} {second}");
    let articles = lookup.phrase_articles(&apart);
    let rare_enough = articles == 0 || (articles <= RARE && joined >= RARER * articles);
    rare_enough.then_some(Correction {
        from: apart,
        to: together,
        articles,
    })
}
