//! Typing a run of capitalised words that no gazetteer entry or head word covers: by its first
//! word (an article, a common word, a demonym), its last word (an English keyword), the cues
//! around it and its shape.

use super::cues;
use super::listed::{branch_end, listed_name};
use super::listed_at::longest_listed;
use super::outcome::{Outcome, named};
use super::person_span;
use super::span::{is_direction, is_place_prefix};
use crate::entities::doc::Doc;
use crate::entities::lists::{Class, Entry, GAZETTEER};
use crate::entities::lists::{LEXICON, List};
use crate::entities::mention::{Evidence, Kind};
use crate::entities::token::Shape;

/// Types the run of capitalised words `start..end`; `listed` is a gazetteer name at `start`
/// that ends before `end`.
pub fn classify_run(
    doc: &Doc,
    start: usize,
    end: usize,
    listed: Option<(usize, Entry)>,
) -> Outcome {
    if is_leading_article(&doc.key(start)) {
        return leading_article(doc, start, end);
    }
    if doc.is(start, List::CommonWord)
        || doc.is(start, List::NonEntity)
        || doc.is(start, List::PersonRole)
    {
        return Outcome::skip(start + 1);
    }
    if cues::hashtag_before(doc, start) || holds_a_model(doc, start, end) {
        return Outcome::skip(end);
    }
    if is_head(doc, start) {
        return by_keyword(doc, start, end).unwrap_or(Outcome::skip(end));
    }
    let demonym = doc.is(start, List::Demonym) && !doc.is(start, List::FirstName);
    if end - start >= 2 && (demonym || opens_sentence_before_a_name(doc, start)) {
        return Outcome::skip(start + 1);
    }
    if let Some((listed_end, entry)) = listed {
        return longer_than_listed(doc, start, end, listed_end, entry);
    }
    if end - start == 1 {
        return single_word(doc, start);
    }
    several_words(doc, start, end)
}

/// `le`, `la`, `les`, `l'`: articles that start a name only when written with a capital
/// inside a sentence (`selon La Chaîne Météo`).
fn is_leading_article(key: &str) -> bool {
    matches!(key, "le" | "la" | "les" | "l")
}

/// A run opening with a capitalised article: a person before a known surname (`Le Pen`), else a
/// name (an organisation, unless a person cue says otherwise) inside a sentence; at a sentence
/// start, the article is dropped.
fn leading_article(doc: &Doc, start: usize, end: usize) -> Outcome {
    if end - start >= 2 && doc.is(start + 1, List::KnownSurname) {
        return Outcome::found(doc, start, start + 2, Some(Kind::Per), Evidence::Cue);
    }
    if doc.starts_sentence(start) || end - start == 1 {
        return Outcome::skip(start + 1);
    }
    if cues::person_before(doc, start) {
        return Outcome::found(doc, start, end, Some(Kind::Per), Evidence::Cue);
    }
    Outcome::found(doc, start, end, Some(Kind::Org), Evidence::Shape)
}

/// Whether a word heads organisation, venue or event names (`Groupe`, `Palais`): a run it
/// starts that no headed name covers is no name (`Groupe B`).
fn is_head(doc: &Doc, at: usize) -> bool {
    doc.is(at, List::OrgHead) || doc.is(at, List::VenueHead) || doc.is(at, List::EventHead)
}

/// Whether a run holds or is followed by a model designation (`Audi A4`, `AMG GT3`,
/// `Stop Covid 19`, `Titan III`): a word with digits, or a roman numeral that does not follow
/// a given name (`Jean-Paul II` is a person).
fn holds_a_model(doc: &Doc, start: usize, end: usize) -> bool {
    let given_name = doc.is(start, List::FirstName);
    doc.shape(end) == Shape::Number
        || (start..end).any(|at| {
            let word = doc.word(at);
            let digits = word.chars().any(|c| c.is_ascii_digit());
            digits || (!given_name && doc.shape(at) == Shape::Upper && is_roman_numeral(word))
        })
}

/// Whether the run at `start` opens its sentence with a word that is neither listed nor a
/// given name, before a listed name or a given name: a verb or an adverb (`Suivaient Biarritz`).
fn opens_sentence_before_a_name(doc: &Doc, start: usize) -> bool {
    if !doc.starts_sentence(start) || doc.is(start, List::FirstName) {
        return false;
    }
    let next_is_listed = longest_listed(doc, start + 1).is_some();
    next_is_listed || doc.is(start + 1, List::FirstName)
}

/// A run that starts with a gazetteer name and goes on: a company's division (`Porsche
/// Classic`); one name when its last word is an English keyword (`Silverstone Auctions`) or its
/// first a given name (`Florence Parly`), one place when a listed place is followed by a
/// direction (`Europe du Nord`); a product after a company (`Maserati Bora`); otherwise the
/// listed name and its branch (`Paris` in `à Paris Anne Hidalgo`, `Greenpeace France`).
fn longer_than_listed(
    doc: &Doc,
    start: usize,
    end: usize,
    listed_end: usize,
    entry: Entry,
) -> Outcome {
    if entry.class == Class::Company && branch_end(doc, listed_end, entry) > listed_end {
        return listed_name(doc, start, listed_end, entry);
    }
    if let Some(outcome) = by_keyword(doc, start, end) {
        return outcome;
    }
    if doc.is(start, List::FirstName) {
        return Outcome::found(doc, start, end, Some(Kind::Per), Evidence::Cue);
    }
    if entry.class == Class::Geo && is_direction_after(doc, listed_end, end) {
        return Outcome::found(doc, start, end, Some(Kind::Loc), Evidence::Headed);
    }
    if entry.class == Class::Company {
        return Outcome::skip(end);
    }
    listed_name(doc, start, listed_end, entry)
}

/// Whether tokens `listed_end..end` are a link and a direction (`du Nord`, `de l'Est`): part
/// of the place listed before them.
fn is_direction_after(doc: &Doc, listed_end: usize, end: usize) -> bool {
    let link = listed_end..end - 1;
    (1..=2).contains(&link.len())
        && is_direction(doc.word(end - 1))
        && link.clone().all(|at| !doc.is_capital(at))
}

/// The kind an English head word gives the run: its last word, or the word before `of`
/// (`Apex Circuit Design` and `Port Authority of New York` are organisations); events are
/// skipped.
fn by_keyword(doc: &Doc, start: usize, end: usize) -> Option<Outcome> {
    if end - start < 2 {
        return None;
    }
    let head = (start..end - 1)
        .find(|&at| doc.is_one_of(at + 1, &["of", "for"]))
        .unwrap_or(end - 1);
    let kind = if doc.is(head, List::OrgKeyword) {
        Kind::Org
    } else if doc.is(head, List::LocKeyword) {
        Kind::Loc
    } else if doc.is(head, List::EventKeyword) {
        return Some(Outcome::skip(end));
    } else {
        return None;
    };
    Some(Outcome::found(
        doc,
        start,
        end,
        Some(kind),
        Evidence::Headed,
    ))
}

/// A single capitalised word.
fn single_word(doc: &Doc, at: usize) -> Outcome {
    let next = at + 1;
    if let Some(names) = listed_pair(doc, at) {
        return names;
    }
    if doc.shape(at) == Shape::Upper {
        return acronym(doc, at);
    }
    if is_not_a_name(doc, at) {
        return Outcome::skip(next);
    }
    if cues::named_after_before(doc, at) {
        return Outcome::skip(next);
    }
    if doc.is(at, List::FirstName) {
        return person_span::given_name(doc, at);
    }
    if doc.is(at, List::KnownSurname) || cues::person_before(doc, at) || cues::age_after(doc, next)
    {
        return Outcome::found(doc, at, next, Some(Kind::Per), Evidence::Cue);
    }
    if cues::plural_before(doc, at) || cues::portfolio_before(doc, at) {
        return Outcome::skip(next);
    }
    if doc.starts_sentence(at) {
        return Outcome::found(doc, at, next, None, Evidence::Bare);
    }
    if cues::org_noun_just_before(doc, at) {
        return Outcome::found(doc, at, next, Some(Kind::Org), Evidence::Cue);
    }
    let kind = single_word_kind(doc, at);
    Outcome::found(doc, at, next, kind, Evidence::Bare)
}

/// Whether a single capitalised word is no name by itself: an initial, a demonym, a common
/// noun naming things after people (`Boson` in a title).
fn is_not_a_name(doc: &Doc, at: usize) -> bool {
    doc.shape(at) == Shape::Initial
        || is_ordinal(doc.word(at))
        || doc.is(at, List::Demonym)
        || is_demonym_compound(&doc.key(at))
        || doc.is(at, List::NamedAfter)
}

/// Listed places or listed public bodies joined by hyphens (`Paris-Lyon`,
/// `CGT-FO-FSU-Solidaires`): each a place, or each the organisation it is listed as.
fn listed_pair(doc: &Doc, at: usize) -> Option<Outcome> {
    let word = doc.word(at);
    if !word.contains('-') {
        return None;
    }
    let parts: Vec<&str> = word.split('-').collect();
    let entries: Vec<Entry> = parts
        .iter()
        .map_while(|part| GAZETTEER.get(&crate::entities::name_key(part)))
        .collect();
    let class = entries.first()?.class;
    let fits = match class {
        Class::Geo => parts.len() == 2,
        Class::Institution => true,
        _ => false,
    };
    if !fits || entries.len() < parts.len() || entries.iter().any(|e| e.class != class) {
        return None;
    }
    let mentions = parts
        .into_iter()
        .zip(entries)
        .map(|(part, entry)| match class {
            Class::Geo => named(
                part.to_string(),
                at,
                at + 1,
                Some(Kind::Loc),
                Evidence::Shape,
            ),
            _ => {
                let evidence = Evidence::Listed(entry.class, entry.group);
                named(part.to_string(), at, at + 1, Some(Kind::Org), evidence)
            }
        })
        .collect();
    Some(Outcome {
        mentions,
        next: at + 1,
    })
}

/// The kind of a single unknown word, from its shape and the words around it; `None` when the
/// article must decide.
fn single_word_kind(doc: &Doc, at: usize) -> Option<Kind> {
    let word = doc.word(at);
    let place_compound = first_part_is(word, |entry| {
        matches!(entry.class, Class::Geo | Class::Venue)
    }) || word
        .split_once('-')
        .is_some_and(|(first, _)| LEXICON.has(&crate::entities::name_key(first), List::VenueHead));
    if place_compound
        || is_toponym(word)
        || cues::place_before(doc, at)
        || cues::place_after(doc, at + 1)
    {
        Some(Kind::Loc)
    } else if cues::org_before(doc, at)
        || is_camel_case(word)
        || is_domain(word)
        || is_company_compound(word)
    {
        Some(Kind::Org)
    } else {
        None
    }
}

/// Whether a hyphenated word starts with a listed organisation: `Mercedes-AMG`,
/// `Renault-Nissan`.
fn is_company_compound(word: &str) -> bool {
    first_part_is(word, |entry| {
        matches!(
            entry.class,
            Class::Company | Class::Institution | Class::Media
        )
    })
}

/// Whether the first part of a hyphenated word is listed, as `fits` wants: `Nancy-Brabois`,
/// `Mercedes-AMG`.
fn first_part_is(word: &str, fits: impl Fn(Entry) -> bool) -> bool {
    word.split_once('-').is_some_and(|(first, _)| {
        GAZETTEER
            .get(&crate::entities::name_key(first))
            .is_some_and(fits)
    })
}

/// Whether a word is a roman ordinal: `XXe`, `IIIe`.
fn is_ordinal(word: &str) -> bool {
    word.strip_suffix('e')
        .is_some_and(|numeral| !numeral.is_empty() && is_roman_numeral(numeral))
}

/// Whether a hyphenated word is a demonym after a compass point: `Nord-Coréens`.
fn is_demonym_compound(key: &str) -> bool {
    key.contains(' ')
        && key
            .split(' ')
            .all(|part| LEXICON.has(part, List::Demonym) || matches!(part, "nord" | "sud"))
}

/// Whether a hyphenated word has the shape of a French place name: a lowercase particle between
/// capitalised parts (`Saint-Maur-des-Fossés`, `Toussus-le-Noble`, `Brétigny-sur-Orge`).
fn is_toponym(word: &str) -> bool {
    let mut parts = word.split('-');
    parts
        .next()
        .is_some_and(|first| first.starts_with(char::is_uppercase))
        && parts.any(|part| {
            matches!(
                part,
                "sur"
                    | "sous"
                    | "en"
                    | "le"
                    | "la"
                    | "les"
                    | "lès"
                    | "lez"
                    | "de"
                    | "des"
                    | "du"
                    | "aux"
                    | "et"
            ) || part.starts_with("d'")
                || part.starts_with("d’")
        })
}

/// Whether a word has a capital after a lowercase letter: `AppAnnie`, `BigFlo`.
fn is_camel_case(word: &str) -> bool {
    word.chars()
        .zip(word.chars().skip(1))
        .any(|(first, second)| first.is_lowercase() && second.is_uppercase())
}

/// Whether a word is a domain name: `Chinanews.com`.
fn is_domain(word: &str) -> bool {
    word.rsplit_once('.')
        .is_some_and(|(name, tld)| !name.is_empty() && (2..=4).contains(&tld.len()))
}

/// An acronym: an organisation unless it is a roman numeral, a common word in capitals or a
/// technical designation (`SLC-40`).
fn acronym(doc: &Doc, at: usize) -> Outcome {
    let word = doc.word(at);
    let ignored = is_roman_numeral(word)
        || word.contains('-')
        || word.chars().count() > 6
        || doc.is(at, List::CommonWord)
        || doc.is(at, List::NonEntity)
        || doc.is(at, List::Demonym);
    if ignored {
        return Outcome::skip(at + 1);
    }
    Outcome::found(doc, at, at + 1, Some(Kind::Org), Evidence::Acronym)
}

/// Whether `word` is a roman numeral: `II`, `XIV`.
fn is_roman_numeral(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Several capitalised words: no name when all are in capitals (see `shouted`); a person when
/// the cues say so; an organisation right after an organisation noun, unless a given name opens
/// it (`l'ONG Attac France`, `la société Lockheed Martin`, not `le club toulonnais Mourad
/// Boudjellal`); a person when two or three words hold no English word and do not open with an
/// acronym or an `&` (`CF Montréal`, `CDPQ Infra`, `Marks & Spencer` are organisations);
/// otherwise an organisation.
fn several_words(doc: &Doc, start: usize, end: usize) -> Outcome {
    if (start..end).any(|at| doc.is(at, List::EventHead)) {
        return Outcome::skip(end);
    }
    if is_in_capitals(doc, start, end) {
        return shouted(doc, start, end);
    }
    if let Some(outcome) = by_keyword(doc, start, end) {
        return outcome;
    }
    if person_span::looks_like_person(doc, start, end) {
        return Outcome::found(doc, start, end, Some(Kind::Per), Evidence::Cue);
    }
    if cues::org_noun_just_before(doc, start) && !doc.is(start, List::FirstName) {
        return Outcome::found(doc, start, end, Some(Kind::Org), Evidence::Cue);
    }
    if is_place_prefix(doc.word(start)) {
        return Outcome::found(doc, start, end, Some(Kind::Loc), Evidence::Shape);
    }
    if cues::named_after_before(doc, start) {
        return Outcome::skip(end);
    }
    let english = (start..end).any(|at| doc.is(at, List::EnglishWord) || doc.word(at) == "&");
    let acronym_first = doc.shape(start) == Shape::Upper && !doc.is(start, List::FirstName);
    let kind = if end - start <= 3 && !english && !acronym_first {
        Kind::Per
    } else {
        Kind::Org
    };
    Outcome::found(doc, start, end, Some(kind), Evidence::Shape)
}

/// Whether tokens `start..end` are all in capitals, one-letter words included (`MACRON A
/// PRÉPARÉ`).
fn is_in_capitals(doc: &Doc, start: usize, end: usize) -> bool {
    let upper = |at: usize| doc.shape(at) == Shape::Upper;
    (start..end).all(|at| upper(at) || doc.shape(at) == Shape::Initial) && (start..end).any(upper)
}

/// A run of words in capitals that no list knows: a heading (`MACRON A PRÉPARÉ`, `FAUSSE
/// ALERTE`) rather than a name, unless it opens with a given name (`VALÉRIE PÉCRESSE`); the
/// person is then the given names and one surname, not the rest of a heading (`MURIELLE BOLLE`
/// in `MURIELLE BOLLE FIXÉE SUR SON SORT`).
fn shouted(doc: &Doc, start: usize, end: usize) -> Outcome {
    if !doc.is(start, List::FirstName) {
        return Outcome::skip(end);
    }
    let given = (start..end)
        .take_while(|&at| doc.is(at, List::FirstName))
        .count();
    let name_end = (start + given + 1).min(end);
    Outcome::found(doc, start, name_end, Some(Kind::Per), Evidence::Cue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_word_shapes() {
        for word in [
            "Saint-Maur-des-Fossés",
            "Toussus-le-Noble",
            "Brétigny-sur-Orge",
            "Val-d'Oise",
        ] {
            assert!(is_toponym(word), "{word}");
        }
        for word in ["Jean-Luc", "Jong-un", "Dupont-Aignan"] {
            assert!(!is_toponym(word), "{word}");
        }
        assert!(is_camel_case("AppAnnie"));
        assert!(!is_camel_case("Paris"));
        assert!(is_domain("Chinanews.com"));
        assert!(!is_domain("Paris"));
        assert!(is_demonym_compound("nord coreens"));
        assert!(is_ordinal("XXe") && !is_ordinal("Xe1") && !is_ordinal("e"));
        assert!(is_company_compound("Mercedes-AMG") && first_part_is("Nancy-Brabois", |_| true));
        assert!(!is_demonym_compound("coree du nord"));
    }
}
