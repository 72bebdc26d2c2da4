//! The French normalisation of one token — lowercase, drop elided and stop words, stem with
//! Snowball (accent-aware), fold accents — as one filter with a per-thread cache from the token as
//! written to its final form, since news vocabulary repeats and tantivy clones analyzers per
//! segment and per snippet.

use super::elision::is_elided;
use super::fold::fold_accents;
use super::stemmer::stem_folded;
use super::stopwords::is_stop_word;
use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// How many distinct tokens a thread remembers before starting its cache afresh.
const CACHE_TOKENS: usize = 200_000;

/// Normalises French tokens (see the module doc); stop words and elided words are dropped.
#[derive(Clone, Copy, Debug, Default)]
pub struct FrenchNormalizer;

impl TokenFilter for FrenchNormalizer {
    type Tokenizer<T: Tokenizer> = NormalizerWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NormalizerWrapper<T> {
        NormalizerWrapper(tokenizer)
    }
}

/// The tokenizer produced by [`FrenchNormalizer`].
#[derive(Clone)]
pub struct NormalizerWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for NormalizerWrapper<T> {
    type TokenStream<'a> = NormalizerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalizerStream(self.0.token_stream(text))
    }
}

/// The token stream produced by [`FrenchNormalizer`].
pub struct NormalizerStream<S>(S);

impl<S: TokenStream> TokenStream for NormalizerStream<S> {
    fn advance(&mut self) -> bool {
        while self.0.advance() {
            let token = self.0.token_mut();
            if CACHE.with_borrow_mut(|cache| cache.normalize_in_place(&mut token.text)) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Token as written → its normal form, or `None` for a dropped token; bounded. Both are kept
/// inline (up to 24 bytes), so that a lookup reads no string elsewhere in memory.
struct Cache {
    stemmer: Stemmer,
    forms: FxHashMap<CompactString, Option<CompactString>>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            stemmer: Stemmer::create(Algorithm::French),
            forms: FxHashMap::default(),
        }
    }
}

impl Cache {
    /// Replaces `token` by its normal form; false when the token is to be dropped.
    fn normalize_in_place(&mut self, token: &mut String) -> bool {
        if let Some(form) = self.forms.get(token.as_str()) {
            return match form {
                Some(form) => {
                    token.clear();
                    token.push_str(form);
                    true
                }
                None => false,
            };
        }
        if self.forms.len() >= CACHE_TOKENS {
            self.forms.clear();
        }
        let form = self.normalize(token);
        let keep = form.is_some();
        let written = CompactString::from(token.as_str());
        token.clear();
        token.push_str(form.as_deref().unwrap_or_default());
        self.forms.insert(written, form);
        keep
    }

    /// The normal form of a token as written.
    fn normalize(&self, written: &str) -> Option<CompactString> {
        let lower = written.to_lowercase();
        if is_elided(&lower) || is_stop_word(&lower) {
            return None;
        }
        Some(CompactString::from(
            match lower.bytes().any(|b| b.is_ascii_digit()) {
                true => fold_accents(&lower),
                false => stem_folded(&self.stemmer, &lower),
            },
        ))
    }
}
