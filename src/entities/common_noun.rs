//! Telling a capitalised common noun (`Station`, `Coalition`, a word capitalised in a title)
//! from an unknown name, for a single word that nothing else types.

use super::doc::Doc;
use super::mention::Mention;

/// Endings of French common nouns, rare in names: `Simplification`, `Démocratie`, `Station`.
const COMMON_NOUN_ENDINGS: [&str; 12] = [
    "tion", "sion", "ment", "ité", "isme", "ence", "ance", "ure", "ière", "ie", "eurs", "ages",
];

/// Whether the single word of `mention` is a common noun: it ends like one, or the article
/// also writes it in lowercase.
pub fn is_common_noun(doc: &Doc, mention: &Mention) -> bool {
    let word = mention.form.as_str();
    let ending = word.chars().count() > 4 && COMMON_NOUN_ENDINGS.iter().any(|e| word.ends_with(e));
    ending || doc.has_lowercase_word(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::mention::Evidence;
    use crate::entities::name_key;

    fn bare(form: &str) -> Mention {
        Mention {
            form: form.to_string(),
            key: name_key(form),
            kind: None,
            evidence: Evidence::Bare,
            start: 0,
            end: 1,
            sentence_start: false,
        }
    }

    #[test]
    fn tells_common_nouns_from_names() {
        let doc = Doc::new("La Station a parlé ; la station est fermée. Guyot et Coalition.");
        assert!(is_common_noun(&doc, &bare("Station")));
        assert!(is_common_noun(&doc, &bare("Coalition")));
        assert!(!is_common_noun(&doc, &bare("Guyot")));
    }
}
