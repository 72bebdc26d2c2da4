//! Gazetteer names found in the text, and the uses of a listed name that are not the entity:
//! a brand naming a product (`une Renault`, `Audi A4`), a listed word opening a sentence as a
//! common word (`Total`, `Public`), a listed body as a minister's portfolio (`ministre de
//! l'Éducation nationale`); and the branches named after a listed organisation
//! (`France 3 Normandie`, `Greenpeace France`); a newspaper named like a region, used as the
//! region (`dans le Sud-Ouest`).

use super::cues;
use super::headed::is_compass_point;
use super::listed_at::longest_listed;
use super::outcome::{Outcome, mention, named};
use super::span::run_end;
use crate::entities::doc::Doc;
use crate::entities::lists::List;
use crate::entities::lists::{Class, Entry, GAZETTEER};
use crate::entities::mention::{Evidence, Kind};
use smallvec::smallvec;

/// The listed name of tokens `start..end`.
pub fn listed_name(doc: &Doc, start: usize, end: usize, entry: Entry) -> Outcome {
    let single = end == start + 1;
    if single && doc.starts_sentence(start) && doc.is(start, List::CommonWord) {
        return Outcome::skip(end);
    }
    let branch = branch_end(doc, end, entry);
    if branch > end {
        return Outcome {
            mentions: smallvec![mention(
                doc,
                start,
                branch,
                Some(Kind::Org),
                Evidence::Headed
            )],
            next: branch,
        };
    }
    if entry.class == Class::Company
        && (cues::product_before(doc, start) || cues::model_after(doc, end))
    {
        return Outcome::skip(end);
    }
    if single && doc.is(start, List::CompanyTown) && is_town_context(doc, start) {
        return Outcome::found(doc, start, end, Some(Kind::Loc), Evidence::Cue);
    }
    if entry.class == Class::Institution && cues::portfolio_before(doc, start) {
        return Outcome::skip(end);
    }
    if entry.class == Class::Media && is_region_named_by_compass(doc, start, end) {
        return Outcome::found(doc, start, end, Some(Kind::Loc), Evidence::Cue);
    }
    let kind = match entry.class {
        Class::Geo | Class::Venue => Kind::Loc,
        Class::Institution | Class::Company | Class::Media => Kind::Org,
    };
    let kind = if single
        && kind == Kind::Loc
        && cues::person_before(doc, start)
        && !cues::place_before(doc, start)
    {
        Kind::Per
    } else {
        kind
    };
    let evidence = Evidence::Listed(entry.class, entry.group);
    let mention = match entry.article {
        Some(article) => {
            let form = format!("{article} {}", doc.form(start, end));
            named(form, start, end, Some(kind), evidence)
        }
        None => mention(doc, start, end, Some(kind), evidence),
    };
    Outcome {
        mentions: smallvec![mention],
        next: end,
    }
}

/// Whether the word at `start` stands where a town does: after a place's cue (`à`, `près`,
/// `comté d'`) or `depuis`, or joined by `et` to a listed place (`entre Orange et Avignon`,
/// `Lyon et Orange`, not `entre Orange et SFR` nor `pour Orange et Europe 1`).
fn is_town_context(doc: &Doc, start: usize) -> bool {
    let is_place = |at: usize| {
        doc.is_capital(at)
            && longest_listed(doc, at).is_some_and(|(_, entry)| entry.class == Class::Geo)
    };
    let before = start.checked_sub(1);
    cues::place_before(doc, start)
        || before.is_some_and(|at| doc.is_one_of(at, &["depuis"]))
        || doc.is_one_of(start + 1, &["et"]) && is_place(start + 2)
        || before.is_some_and(|at| doc.is_one_of(at, &["et"]) && at > 0 && is_place(at - 1))
}

/// Whether the listed medium of tokens `start..end` is named by compass points and written
/// after an article or in parentheses, as the region is: `dans le Sud-Ouest`, `San Diego
/// (Sud-Ouest)`, not the newspaper `selon Sud-Ouest`.
fn is_region_named_by_compass(doc: &Doc, start: usize, end: usize) -> bool {
    let compass = (start..end).all(|at| is_compass_point(&doc.word(at).to_lowercase()));
    let before = start.checked_sub(1);
    let after_article = before.is_some_and(|at| {
        doc.is_one_of(at, &["le", "du", "au", "Le", "Du", "Au", "("]) || doc.is_elided(at, 'l')
    });
    compass && after_article
}

/// One past the branch of the organisation `entry` listed up to token `end`, or `end` when no
/// branch follows: a listed place after a medium (`France 3 Normandie`, `CBS Chicago`), any name
/// but a person's after a network of local stations (`France Bleu Armorique`), the word `France`
/// after any organisation (`Greenpeace France`, `Ford France`), a company's division or legal name
/// ending with a word that says so (`Porsche Classic`, `Samsung Electronics`, `Fiat Chrysler
/// Automobiles`).
pub fn branch_end(doc: &Doc, end: usize, entry: Entry) -> usize {
    let class = entry.class;
    if class == Class::Geo || class == Class::Venue || !doc.is_inner_capital(end) {
        return end;
    }
    if is_local_network(entry) && !doc.is(end, List::FirstName) {
        return station_end(doc, end);
    }
    if class == Class::Company {
        let division = (end..end + MAX_DIVISION_WORDS)
            .take_while(|&at| doc.is_inner_capital(at))
            .filter(|&at| doc.is(at, List::OrgKeyword) || doc.is_one_of(at, &DIVISION_WORDS))
            .last();
        if let Some(last) = division {
            return last + 1;
        }
    }
    match longest_listed(doc, end) {
        Some((after, place)) if place.class == Class::Geo => {
            let france = after == end + 1 && doc.word(end) == "France";
            if class == Class::Media || france {
                after
            } else {
                end
            }
        }
        _ => end,
    }
}

/// Media whose local stations are named by the capitalised words after them, place or not:
/// `France Bleu Pays d'Auvergne`, `France Bleu RCFM` (23 of 25 such runs annotated whole).
const LOCAL_NETWORKS: [&str; 1] = ["France Bleu"];

/// Whether `entry` is a network of local stations (`LOCAL_NETWORKS`).
fn is_local_network(entry: Entry) -> bool {
    entry.class == Class::Media && LOCAL_NETWORKS.contains(&GAZETTEER.name_of(entry.group).0)
}

/// One past the name of a local station starting at token `start`: capitalised words, linked by
/// `de` or `d'` to more (`Pays de Savoie`, `Pays d'Auvergne`).
fn station_end(doc: &Doc, start: usize) -> usize {
    let mut end = run_end(doc, start);
    while doc.is_of(end) && doc.is_inner_capital(end + 1) {
        end = run_end(doc, end + 1);
    }
    end
}

/// The most words of a company's division after its listed name.
const MAX_DIVISION_WORDS: usize = 3;

/// Words ending a company's division or legal name, besides the English head words.
const DIVISION_WORDS: [&str; 12] = [
    "AG",
    "SA",
    "SpA",
    "GmbH",
    "Classic",
    "Heritage",
    "Works",
    "Electronics",
    "Automobiles",
    "Operations",
    "Special",
    "Performance",
];
