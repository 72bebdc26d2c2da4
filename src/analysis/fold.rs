//! Accent and ligature folding to ASCII, with the filter the analyzers use.

use tantivy::tokenizer::{AsciiFoldingFilter, RawTokenizer, TextAnalyzer, TokenStream};

/// Folds accents and ligatures to ASCII, with the same filter the analyzer uses.
pub fn fold_accents(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut analyzer = TextAnalyzer::builder(RawTokenizer::default())
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(text);
    let mut folded = String::new();
    while let Some(token) = stream.next() {
        folded.push_str(&token.text);
    }
    folded
}
