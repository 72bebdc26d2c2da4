//! One person, one name per article: a surname alone (`Guyot`, `M. Guyot`) or a given name
//! alone after a full name (`Étienne Guyot`) is that person, named in full.

use crate::entities::lists::Class;
use crate::entities::mention::{Evidence, Kind, Mention};
use crate::entities::name_key::{ends_with_word, starts_with_word};

/// Renames every short mention of a person written in full elsewhere in the article to the
/// full name, unless that would compare more than `max_pairs` pairs of mentions.
pub fn merge_people(mentions: &mut [Mention], max_pairs: usize) {
    let people: Vec<Person> = (0..mentions.len())
        .filter(|&at| mentions[at].kind == Some(Kind::Per) && mentions[at].word_count() >= 2)
        .map(|at| Person::new(at, &mentions[at].key))
        .collect();
    if people.is_empty() || people.len().saturating_mul(mentions.len()) > max_pairs {
        return;
    }
    for at in 0..mentions.len() {
        if !may_shorten_a_person(&mentions[at]) {
            continue;
        }
        if let Some(person) = fuller_name(&mentions[at], &people, mentions) {
            let (form, key) = (mentions[person].form.clone(), mentions[person].key.clone());
            let mention = &mut mentions[at];
            mention.form = form;
            mention.key = key;
            mention.kind = Some(Kind::Per);
        }
    }
}

/// A person named in full: where the mention is, and the length of its key before a particle
/// `d'` (`valery giscard` of `valery giscard d estaing`), found once rather than for each pair.
struct Person {
    /// Its index in the mentions.
    at: usize,
    /// The length of its key before ` d `, or the whole key's.
    before_particle: usize,
}

impl Person {
    /// The person whose full name is the mention `at` of key `key`. The particle is looked for
    /// byte by byte: a key is a few words, and a string searcher costs more to set up.
    fn new(at: usize, key: &str) -> Person {
        let before_particle = key
            .as_bytes()
            .windows(3)
            .position(|bytes| bytes == b" d ")
            .unwrap_or(key.len());
        Person {
            at,
            before_particle,
        }
    }
}

/// Whether a mention may be a short name of a person: a person, an unknown, or a single listed
/// place word (`Hollande` after `François Hollande`).
fn may_shorten_a_person(mention: &Mention) -> bool {
    match mention.kind {
        None | Some(Kind::Per) => true,
        Some(Kind::Loc) => {
            mention.word_count() == 1 && matches!(mention.evidence, Evidence::Listed(Class::Geo, _))
        }
        Some(Kind::Org) => matches!(mention.evidence, Evidence::Bare | Evidence::Shape),
    }
}

/// The fullest name among the `people` of which `mention` is the surname (`Guyot`; `Giscard` of
/// `Valéry Giscard d'Estaing`) or, for a person named by one word, the given name.
fn fuller_name(mention: &Mention, people: &[Person], mentions: &[Mention]) -> Option<usize> {
    let given_name = mention.kind == Some(Kind::Per) && mention.word_count() == 1;
    let short = mention.key.as_str();
    people
        .iter()
        .filter(|person| {
            let full = mentions[person.at].key.as_str();
            let surname = ends_with_word(full, short)
                || person.before_particle < full.len()
                    && ends_with_word(&full[..person.before_particle], short);
            let given = given_name && starts_with_word(full, short);
            surname || given
        })
        .map(|person| person.at)
        .min_by_key(|&at| (std::cmp::Reverse(mentions[at].word_count()), at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::name_key;

    fn mention(form: &str, kind: Option<Kind>) -> Mention {
        Mention {
            form: form.to_string(),
            key: name_key(form),
            kind,
            evidence: Evidence::Bare,
            start: 0,
            end: 1,
        }
    }

    #[test]
    fn names_nobody_in_full_past_the_pairs_it_may_compare() {
        let forms = ["Étienne Guyot", "Guyot", "Marine Le Pen", "Le Pen"];
        for (max_pairs, expected) in [
            (
                12,
                [
                    "Étienne Guyot",
                    "Étienne Guyot",
                    "Marine Le Pen",
                    "Marine Le Pen",
                ],
            ),
            (11, forms),
        ] {
            let mut mentions: Vec<Mention> =
                forms.iter().map(|f| mention(f, Some(Kind::Per))).collect();
            merge_people(&mut mentions, max_pairs);
            let merged: Vec<&str> = mentions.iter().map(|m| m.form.as_str()).collect();
            assert_eq!(merged, expected, "max_pairs {max_pairs}");
        }
    }

    #[test]
    fn names_short_mentions_in_full() {
        let mut mentions = vec![
            mention("Étienne Guyot", Some(Kind::Per)),
            mention("Guyot", None),
            mention("Étienne", Some(Kind::Per)),
            mention("Marine Le Pen", Some(Kind::Per)),
            mention("Le Pen", Some(Kind::Per)),
            mention("Dupont", None),
            mention("Valéry Giscard d'Estaing", Some(Kind::Per)),
            mention("Giscard", None),
        ];
        merge_people(&mut mentions, usize::MAX);
        let forms: Vec<&str> = mentions.iter().map(|m| m.form.as_str()).collect();
        assert_eq!(
            forms,
            [
                "Étienne Guyot",
                "Étienne Guyot",
                "Étienne Guyot",
                "Marine Le Pen",
                "Marine Le Pen",
                "Dupont",
                "Valéry Giscard d'Estaing",
                "Valéry Giscard d'Estaing",
            ]
        );
    }
}
