//! Snowball French stemming (rust-stemmers) that gives unaccented spellings the stem of the accented ones.
//!
//! Snowball's French rules read accents (`-ée`, `-ière`, `-ité`, `-ès`), so `harcelee` and
//! `harcelée` would stem apart. Tokens typed without any accent first get the accents of the
//! French suffixes that carry them back, then everything is stemmed as written; accent folding
//! comes after, in its own filter.

use super::fold_accents;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// How many distinct words a thread keeps the stems of before starting its cache afresh.
const CACHE_WORDS: usize = 200_000;

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

/// Stems French tokens with Snowball, accent-aware (see the module doc), then folds their accents
/// (tokens with digits are only folded).
#[derive(Clone, Copy, Debug, Default)]
pub struct FrenchStemmer;

impl TokenFilter for FrenchStemmer {
    type Tokenizer<T: Tokenizer> = StemmerWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemmerWrapper<T> {
        StemmerWrapper(tokenizer)
    }
}

/// The tokenizer produced by [`FrenchStemmer`].
#[derive(Clone)]
pub struct StemmerWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for StemmerWrapper<T> {
    type TokenStream<'a> = StemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemmerStream(self.0.token_stream(text))
    }
}

/// The token stream produced by [`FrenchStemmer`].
pub struct StemmerStream<S>(S);

impl<S: TokenStream> TokenStream for StemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let token = self.0.token_mut();
        if !token.text.bytes().any(|b| b.is_ascii_digit()) {
            STEMS.with_borrow_mut(|cache| cache.stem_in_place(&mut token.text));
        } else if !token.text.is_ascii() {
            token.text = fold_accents(&token.text);
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

thread_local! {
    /// Each thread's word → stem cache: news vocabulary repeats, Snowball is the analyzer's costliest
    /// step, and tantivy clones analyzers per segment and per snippet, so the cache lives here.
    static STEMS: RefCell<StemCache> = RefCell::new(StemCache::default());
}

/// Word → stem with its accents folded, bounded.
struct StemCache {
    stemmer: Stemmer,
    stems: FxHashMap<String, String>,
}

impl Default for StemCache {
    fn default() -> Self {
        StemCache {
            stemmer: Stemmer::create(Algorithm::French),
            stems: FxHashMap::default(),
        }
    }
}

impl StemCache {
    /// Replaces `word` by its stem.
    fn stem_in_place(&mut self, word: &mut String) {
        if let Some(stem) = self.stems.get(word.as_str()) {
            word.clone_from(stem);
            return;
        }
        if self.stems.len() >= CACHE_WORDS {
            self.stems.clear();
        }
        let stem = fold_accents(&self.stemmer.stem(&with_suffix_accents(word)));
        let original = std::mem::replace(word, stem);
        self.stems.insert(original, word.clone());
    }
}

/// Puts back the accents of a known suffix on a word written without any accent.
pub fn with_suffix_accents(word: &str) -> std::borrow::Cow<'_, str> {
    if !word.is_ascii() {
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
