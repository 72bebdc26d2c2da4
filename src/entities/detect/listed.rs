//! Gazetteer names found in the text, and the uses of a listed name that are not the entity:
//! a brand naming a product (`une Renault`, `Audi A4`), a listed word opening a sentence as a
//! common word (`Total`, `Public`); and the branches named after a listed organisation
//! (`France 3 Normandie`, `Greenpeace France`).

use super::cues;
use super::listed_at::longest_listed;
use super::outcome::{Outcome, mention, named};
use crate::entities::doc::Doc;
use crate::entities::lists::List;
use crate::entities::lists::{Class, Entry};
use crate::entities::mention::{Evidence, Kind};
use smallvec::smallvec;

/// The listed name of tokens `start..end`.
pub fn listed_name(doc: &Doc, start: usize, end: usize, entry: Entry) -> Outcome {
    let single = end == start + 1;
    if single && doc.starts_sentence(start) && doc.is(start, List::CommonWord) {
        return Outcome::skip(end);
    }
    if entry.class == Class::Company
        && (cues::product_before(doc, start) || cues::model_after(doc, end))
    {
        return Outcome::skip(end);
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
    let branch = branch_end(doc, end, entry.class);
    if branch > end {
        return Outcome {
            mentions: smallvec![mention(doc, start, branch, Some(kind), Evidence::Headed)],
            next: branch,
        };
    }
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

/// One past the branch of the organisation of `class` listed up to token `end`, or `end` when no
/// branch follows: a listed place after a medium (`France 3 Normandie`, `CBS Chicago`), the word
/// `France` after any organisation (`Greenpeace France`, `Ford France`).
fn branch_end(doc: &Doc, end: usize, class: Class) -> usize {
    if class == Class::Geo || class == Class::Venue || !doc.is_inner_capital(end) {
        return end;
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
