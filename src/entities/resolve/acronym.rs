//! Acronyms and their expansions: `Confédération générale du travail (CGT)`, `Front national`
//! and `FN`, one entity.

use crate::entities::doc::Doc;
use crate::entities::mention::Mention;

/// Words left out of an acronym: articles and prepositions.
const SKIPPED: [&str; 14] = [
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "a", "au", "aux", "en",
];

/// Whether `short` (a one-word mention in capitals and digits) is the acronym of `long`: the
/// initials of `long`'s words, articles and prepositions left out, or all words kept.
pub fn is_acronym_of(short: &Mention, long: &Mention) -> bool {
    short.form.chars().all(is_acronym_char) && spells_initials(short, long)
}

/// Whether the one-word `short`, in whatever case (`Anssi`, `Unef`), spells the initials of
/// `long`'s words, articles and prepositions left out or all words kept.
pub fn spells_initials(short: &Mention, long: &Mention) -> bool {
    if short.form.len() > 12 || short.word_count() != 1 || long.word_count() < 2 {
        return false;
    }
    let initials = |skip: bool| {
        long.words()
            .filter(move |word| !skip || !SKIPPED.contains(word))
            .filter_map(|word| word.chars().next())
    };
    short.key.chars().eq(initials(true)) || short.key.chars().eq(initials(false))
}

/// Whether a character may be part of an acronym: a capital or a digit.
fn is_acronym_char(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit()
}

/// Whether `second` is written in parentheses right after `first`: `Front national (FN)`,
/// `DPS (Département protection sécurité)`.
pub fn in_parentheses_after(doc: &Doc, first: &Mention, second: &Mention) -> bool {
    second.start == first.end + 1 && doc.is_mark(first.end, "(")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::name_key;

    fn mention(form: &str) -> Mention {
        Mention {
            form: form.to_string(),
            key: name_key(form),
            kind: None,
            evidence: crate::entities::mention::Evidence::Bare,
            start: 0,
            end: 1,
        }
    }

    #[test]
    fn spells_initials_in_any_case() {
        let long = "Agence nationale de la sécurité des systèmes d'information";
        assert!(spells_initials(&mention("Anssi"), &mention(long)));
        assert!(spells_initials(&mention("ANSSI"), &mention(long)));
        assert!(!spells_initials(&mention("Anne"), &mention(long)));
    }

    #[test]
    fn matches_initials() {
        let cases = [
            ("CGT", "Confédération générale du travail", true),
            ("FN", "Front national", true),
            ("DPS", "Département protection sécurité", true),
            ("ARS", "Agence régionale de santé", true),
            ("PS", "Front national", false),
            ("Paris", "Parti socialiste", false),
            (
                "Anssi",
                "Agence nationale de la sécurité des systèmes d'information",
                false,
            ),
        ];
        for (short, long, expected) in cases {
            assert_eq!(
                is_acronym_of(&mention(short), &mention(long)),
                expected,
                "{short} / {long}"
            );
        }
    }
}
