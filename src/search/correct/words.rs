//! The plain words of a query: those that may be corrected, with their place among its words.

/// A plain word of a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as typed.
    pub text: &'a str,
    /// Its place among the query's words (split at white space), from 0.
    pub place: usize,
}

/// The words of `query` made of letters and digits only, outside quotes, that are not `AND`, `OR`
/// or `NOT`: no field, sign, operator, wildcard or phrase word.
pub fn plain_words(query: &str) -> Vec<Word<'_>> {
    let mut in_phrase = false;
    let mut plain = Vec::new();
    for (place, text) in query.split_whitespace().enumerate() {
        let quotes = text.matches('"').count();
        let is_plain = !in_phrase
            && quotes == 0
            && text.chars().all(char::is_alphanumeric)
            && !matches!(text, "AND" | "OR" | "NOT");
        if is_plain {
            plain.push(Word { text, place });
        }
        in_phrase ^= quotes % 2 == 1;
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_skip_phrases_fields_and_operators() {
        let cases: &[(&str, &[(&str, usize)])] = &[
            ("Melanchon retraites", &[("Melanchon", 0), ("retraites", 1)]),
            ("\"grève des trains\" Lyon", &[("Lyon", 3)]),
            ("title:Putin OR Poutine", &[("Poutine", 2)]),
            ("-grève Covid19 (manif)", &[("Covid19", 1)]),
            ("\"grève", &[]),
            ("l'État AND Putin*", &[]),
        ];
        for (query, expected) in cases {
            let words: Vec<(&str, usize)> = plain_words(query)
                .into_iter()
                .map(|w| (w.text, w.place))
                .collect();
            assert_eq!(words, *expected, "{query}");
        }
    }
}
