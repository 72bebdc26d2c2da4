//! Snowball French stemming (rust-stemmers) that gives unaccented spellings the stem of the accented ones.
//!
//! Snowball's French rules read accents (`-ée`, `-ière`, `-ité`, `-ès`), so `harcelee` and
//! `harcelée` would stem apart. Tokens typed without any accent first get the accents of the
//! French suffixes that carry them back, then everything is stemmed as written, and the stem's
//! accents are folded.

use super::fold::fold_accents;
use rust_stemmers::Stemmer;

/// Unaccented suffixes and their accented spelling, longest first.
const SUFFIX_ACCENTS: &[(&str, &str)] = &[
    ("ierement", "ièrement"),
    ("ieres", "ières"),
    ("iere", "ière"),
    ("ites", "ités"),
    ("ite", "ité"),
    ("ees", "ées"),
    ("ee", "ée"),
];

/// Endings of words that are right without an accent, whose `-ite` is no `-ité`: the feminine of
/// participles and adjectives (`introduite`, `satisfaite`, `maladroite`), which then stem with
/// their masculine as Snowball has it. Nouns in `-uité` typed without accents (`continuite`) lose
/// their match; they are rarer than these words in news.
const PLAIN_ITE_ENDINGS: &[&str] = &["uite", "aite", "oite"];

/// Common invariable words ending in `-ès` or `-à`, whose bare spelling Snowball would cut.
const WHOLE_WORD_ACCENTS: &[(&str, &str)] = &[
    ("apres", "après"),
    ("aupres", "auprès"),
    ("tres", "très"),
    ("pres", "près"),
    ("deces", "décès"),
    ("acces", "accès"),
    ("proces", "procès"),
    ("succes", "succès"),
    ("exces", "excès"),
    ("progres", "progrès"),
    ("congres", "congrès"),
    ("deja", "déjà"),
    ("voila", "voilà"),
];

/// The stem of a lowercase French word, accents folded: Snowball on the word as written, after
/// [`with_suffix_accents`] for words typed without any accent.
pub fn stem_folded(stemmer: &Stemmer, word: &str) -> String {
    fold_accents(&stemmer.stem(&with_suffix_accents(word)))
}

/// Whether `word` ends like a word whose `-ite` or `-ites` is right without an accent.
fn is_plain_ite(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    PLAIN_ITE_ENDINGS
        .iter()
        .any(|ending| singular.ends_with(ending))
}

/// Puts back the accents of a known suffix on a word written without any accent.
pub fn with_suffix_accents(word: &str) -> std::borrow::Cow<'_, str> {
    if !word.is_ascii() || is_plain_ite(word) {
        return word.into();
    }
    if let Some((_, accented)) = WHOLE_WORD_ACCENTS.iter().find(|(bare, _)| *bare == word) {
        return (*accented).into();
    }
    for (bare, accented) in SUFFIX_ACCENTS {
        if word.len() > bare.len() + 2 && word.ends_with(bare) {
            return format!("{}{accented}", &word[..word.len() - bare.len()]).into();
        }
    }
    word.into()
}
