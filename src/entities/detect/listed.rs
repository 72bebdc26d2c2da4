//! Gazetteer names found in the text, and the uses of a listed name that are not the entity:
//! a brand naming a product (`une Renault`, `Audi A4`), a listed word opening a sentence as a
//! common word (`Total`, `Public`).

use super::cues;
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
