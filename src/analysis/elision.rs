//! Drops the elided articles and conjunctions that French glues to the next word (`l'`, `qu'`, `jusqu'`).

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The elided forms, lowercase, as the tokenizer leaves them once the apostrophe is split off.
pub const ELIDED: [&str; 13] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Whether a lowercase token is an elided form (one of [`ELIDED`]).
pub fn is_elided(token: &str) -> bool {
    ELIDED.contains(&token)
}

/// Removes tokens that are elided words: `l'armée` keeps `armée`, `jusqu'à` keeps `à`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ElisionFilter;

impl TokenFilter for ElisionFilter {
    type Tokenizer<T: Tokenizer> = ElisionWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ElisionWrapper<T> {
        ElisionWrapper(tokenizer)
    }
}

/// The tokenizer produced by [`ElisionFilter`].
#[derive(Clone)]
pub struct ElisionWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for ElisionWrapper<T> {
    type TokenStream<'a> = ElisionStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ElisionStream(self.0.token_stream(text))
    }
}

/// The token stream produced by [`ElisionFilter`].
pub struct ElisionStream<S>(S);

impl<S: TokenStream> TokenStream for ElisionStream<S> {
    fn advance(&mut self) -> bool {
        while self.0.advance() {
            if !is_elided(&self.0.token().text) {
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
