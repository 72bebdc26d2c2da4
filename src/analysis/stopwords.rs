//! French stop words: Snowball's list (NLTK's, from the `stop-words` crate), as written and with
//! their accents folded, so that `même` and `meme` are both dropped.

use super::fold::fold_accents;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

static STOP_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let accented = stop_words::lookup("fr").unwrap_or_default();
    accented
        .iter()
        .map(|word| word.to_string())
        .chain(accented.iter().map(|word| fold_accents(word)))
        .collect()
});

/// Whether a lowercase word is a French stop word, accented or not.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// Every stop word, accented and folded, sorted: the list exported to other engines.
pub fn stop_word_list() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = STOP_WORDS.iter().map(String::as_str).collect();
    words.sort_unstable();
    words
}
