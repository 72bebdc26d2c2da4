//! Shortened place and organisation names (`Élysée`, `AMG`) renamed to the longest name of the
//! same kind that holds their words (`Palais de l'Élysée`, `Mercedes-AMG`).

use super::key_numbers::Name;
use crate::entities::lists::Class;
use crate::entities::mention::{Evidence, Kind, Mention};
use crate::entities::name_key::starts_with_word;

/// Renames a shortened organisation or place name (`Élysée`, `AMG`) to the longest name of
/// the same kind that holds its words in order (`Palais de l'Élysée`, `Mercedes-AMG`); a listed
/// short name written first takes the longer one's evidence when the longer one adds its place
/// (`is_its_place_added`), and then goes by that name rather than the gazetteer's.
pub fn fold_short_forms(names: &mut [Name]) {
    let renamed: Vec<(usize, usize)> = (0..names.len())
        .filter(|&at| names[at].mention.kind != Some(Kind::Per))
        .filter_map(|at| {
            let name = &names[at].mention;
            let container = (0..names.len())
                .map(|long| (long, &names[long].mention))
                .filter(|(_, long)| long.kind == name.kind && long.key.len() > name.key.len())
                .filter(|(_, long)| {
                    may_fold_into(name, long) && contains_words(&long.key, &name.key)
                })
                .max_by_key(|(_, long)| long.key.len());
            container.map(|(long, _)| (at, long))
        })
        .collect();
    for (at, long) in renamed {
        let (form, key) = (
            names[long].mention.form.clone(),
            names[long].mention.key.clone(),
        );
        if is_its_place_added(&names[at].mention, &names[long].mention) {
            names[at].mention.evidence = names[long].mention.evidence;
        }
        names[at].mention.form = form;
        names[at].mention.key = key;
        names[at].key = names[long].key;
    }
}

/// Whether `long` is `short` and the place it is of (`Cour suprême` and `Cour suprême des
/// États-Unis`): the name a listed body written first goes by then. Other longer forms leave it
/// the gazetteer's name (`Sénat` for `Sénat américain`, `Front national` for `Front national au
/// Parlement européen`).
fn is_its_place_added(short: &Mention, long: &Mention) -> bool {
    let Some(rest) = long.form.strip_prefix(short.form.as_str()) else {
        return false;
    };
    ["de ", "du ", "des ", "d'", "d’"]
        .iter()
        .filter_map(|link| rest.strip_prefix(' ')?.strip_prefix(link))
        .any(|place| place.starts_with(char::is_uppercase))
}

/// Whether `short` may be renamed to the longer `long`: an unlisted name may; a listed one to
/// an alias of its own, or, for a public body, a venue or a medium, to a longer name it starts
/// (`Agence régionale de santé` in `Agence régionale de santé Provence-Alpes-Côte d'Azur`,
/// `France Bleu` in `France Bleu Berry`), but not to one it is hyphenated to, a body of its own
/// (`CGT` beside `CGT-Cheminots`).
/// A listed place or company stays (`Corée` beside `Corée du Nord`, `Porsche` beside
/// `Porsche Motorsport`).
fn may_fold_into(short: &Mention, long: &Mention) -> bool {
    match (short.evidence, long.evidence) {
        (Evidence::Listed(_, mine), Evidence::Listed(_, theirs)) => mine == theirs,
        (Evidence::Listed(Class::Institution | Class::Venue | Class::Media, _), _) => {
            let hyphenated = long
                .form
                .get(short.form.len()..)
                .is_some_and(|r| r.starts_with('-'));
            starts_with_word(&long.key, &short.key) && !hyphenated
        }
        (Evidence::Listed(..), _) => false,
        _ => true,
    }
}

/// Whether the words of `short` appear in a row among the words of `long`: tried at the start
/// of each word of `long`.
pub fn contains_words(long: &str, short: &str) -> bool {
    let (long, short) = (long.as_bytes(), short.as_bytes());
    let mut at = 0;
    loop {
        let rest = &long[at..];
        if rest.starts_with(short) && rest.get(short.len()).is_none_or(|&b| b == b' ') {
            return true;
        }
        match rest.iter().position(|&b| b == b' ') {
            Some(space) => at += space + 1,
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_name_adds_a_place_after_a_link() {
        let name = |form: &str| Mention {
            form: form.to_string(),
            key: crate::entities::name_key(form),
            kind: Some(Kind::Org),
            evidence: Evidence::Headed,
            start: 0,
            end: 1,
        };
        let cases = [
            ("Cour suprême", "Cour suprême des États-Unis", true),
            ("Cour suprême", "Cour suprême du Japon", true),
            (
                "Parti socialiste",
                "Parti socialiste d'Ille-et-Vilaine",
                true,
            ),
            ("Sénat", "Sénat américain", false),
            ("Sénat", "Sénat pour les démocrates", false),
            (
                "Front national",
                "Front national au Parlement européen",
                false,
            ),
            ("Élysée", "Palais de l'Élysée", false),
        ];
        for (short, long, expected) in cases {
            assert_eq!(
                is_its_place_added(&name(short), &name(long)),
                expected,
                "{short} / {long}"
            );
        }
    }

    #[test]
    fn finds_words_in_a_row() {
        assert!(contains_words("palais de l elysee", "elysee"));
        assert!(contains_words("mercedes amg", "amg"));
        assert!(!contains_words("mercedes amg", "am"));
        assert!(!contains_words("porsche motorsport", "sport"));
    }
}
