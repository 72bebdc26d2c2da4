//! People's names at the span level: given names, coordinated given names sharing a surname
//! (`Jean-Pierre et Isabelle Fouillot`), cues and Korean-style names (`Pak Yong-il`).

use super::cues;
use super::outcome::Outcome;
use super::span::run_end;
use crate::entities::doc::Doc;
use crate::entities::lists::List;
use crate::entities::mention::{Evidence, Kind};

/// A given name alone: a person, who takes the surname of a coordinated full name that
/// follows (`Jean-Pierre et Isabelle Fouillot` → `Jean-Pierre Fouillot`).
pub fn given_name(doc: &Doc, at: usize) -> Outcome {
    let mut outcome = Outcome::found(doc, at, at + 1, Some(Kind::Per), Evidence::Cue);
    if let Some(surname) = coordinated_surname(doc, at + 1)
        && let Some(mention) = outcome.mentions.first_mut()
    {
        mention.form = format!("{} {surname}", mention.form);
        mention.key = crate::entities::name_key(&mention.form);
    }
    outcome
}

/// The surname of `et Isabelle Fouillot` at token `at`: a given name then a surname.
fn coordinated_surname(doc: &Doc, at: usize) -> Option<String> {
    if !doc.is_one_of(at, &["et"]) || !doc.is(at + 1, List::FirstName) {
        return None;
    }
    let end = run_end(doc, at + 1);
    (end > at + 2).then(|| doc.form(at + 2, end))
}

/// Whether the run of several capitalised words `start..end` names a person: a cue before it,
/// an age after it, a given name first, or the shape of a Korean name.
pub fn looks_like_person(doc: &Doc, start: usize, end: usize) -> bool {
    cues::person_before(doc, start)
        || cues::age_after(doc, end)
        || doc.is(start, List::FirstName)
        || (end - start == 2 && is_korean_given_name(doc.word(start + 1)))
}

/// Whether `word` has the shape of a romanised Korean given name: two syllables joined by a
/// hyphen, the second in lowercase (`Yong-il`, `Jong-un`, `Kwang-chol`).
fn is_korean_given_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(first, second)| {
        first.chars().count() <= 5
            && second.chars().count() <= 5
            && second.starts_with(|c: char| c.is_lowercase())
            && !second.contains('-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_coordinated_given_names() {
        let doc = Doc::new("Jean-Pierre et Isabelle Fouillot sont venus");
        let outcome = given_name(&doc, 0);
        let forms: Vec<String> = outcome.mentions.into_iter().map(|m| m.form).collect();
        assert_eq!(forms, ["Jean-Pierre Fouillot"]);
    }

    #[test]
    fn recognises_korean_given_names() {
        for word in ["Yong-il", "Kwang-chol", "Jong-un"] {
            assert!(is_korean_given_name(word), "{word}");
        }
        for word in ["Dupont-Aignan", "Saint-Maur-des-Fossés", "Jean-Luc"] {
            assert!(!is_korean_given_name(word), "{word}");
        }
    }
}
