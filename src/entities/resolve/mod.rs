//! From an article's mentions to its entities: unknown kinds decided, people merged, shortened
//! names folded into the longest form, aliases and acronyms into the first form written, listed
//! places and organisations named as the gazetteer names them.

mod acronym;
mod aliases;
mod key_numbers;
mod merge_people;
mod short_forms;
mod unknown_kinds;

use crate::article::Entities;
use crate::entities::doc::Doc;
use crate::entities::judge::{Seen, WEIGHTS, judge};
use crate::entities::lists::GAZETTEER;
use crate::entities::mention::{Evidence, Kind, Mention};
use aliases::{Roots, alias_roots, parenthesised_pairs, root};
use key_numbers::{KeyNumbers, Name, distinct};
use merge_people::merge_people;
use short_forms::fold_short_forms;
use smallvec::SmallVec;
use unknown_kinds::decide_unknown_kinds;

/// The most pairs of names an article's names are compared in (merging people, folding short
/// forms, finding aliases): past it, a text is a list of names rather than an article (tens of
/// thousands of them), and its names are kept as written instead of costing minutes.
const MAX_PAIRS: usize = 4_000_000;

/// The entities the rules propose for an article, before the judge weighs them: one per
/// entity, people merged, short forms and aliases folded.
pub struct Candidates {
    /// The distinct names written, short forms renamed to their long form.
    names: Vec<Mention>,
    /// The entities.
    found: Vec<Found>,
}

/// One entity the rules propose.
struct Found {
    /// Its first-written name, in `names`.
    first: usize,
    /// Its kind.
    kind: Kind,
    /// Its mentions: first token, one past the last, and why each got its kind.
    mentions: SmallVec<[(u32, u32, Evidence); 4]>,
}

impl Candidates {
    /// Each entity as the judge sees it, named canonically: the gazetteer's name for a listed
    /// place or organisation (`Le Figaro` for `Figaro`), otherwise the first form written.
    pub fn seen(&self) -> impl Iterator<Item = Seen<'_>> {
        self.found.iter().map(|found| {
            let (form, key) = canonical(&self.names[found.first], found.kind);
            Seen {
                key,
                form,
                kind: found.kind,
                mentions: &found.mentions,
            }
        })
    }
}

/// The entities of an article from its mentions in text order, as the judge decides them.
pub fn resolve(doc: &Doc, mentions: Vec<Mention>) -> Entities {
    let candidates = candidates(doc, mentions);
    let mut buffer = String::new();
    let named: Vec<(&str, Kind, &str)> = candidates
        .seen()
        .filter_map(|seen| {
            let kind = judge(&WEIGHTS, doc, &seen, &mut buffer)?;
            Some((seen.key, kind, seen.form))
        })
        .collect();
    entities(named)
}

/// The entities the rules propose, from an article's mentions in text order.
pub fn candidates(doc: &Doc, mut mentions: Vec<Mention>) -> Candidates {
    merge_people(&mut mentions, MAX_PAIRS);
    let numbers = KeyNumbers::of(&mentions);
    decide_unknown_kinds(doc, &mut mentions, &numbers);
    let parenthesised = parenthesised_pairs(doc, &mentions, &numbers);
    let spans: Vec<(u32, u32, Evidence)> = mentions.iter().map(span_of).collect();
    let (mut names, name_at) = distinct(mentions, &numbers);
    let roots = if names.len().saturating_mul(names.len()) <= MAX_PAIRS {
        fold_short_forms(&mut names);
        alias_roots(&names, &parenthesised, numbers.count)
    } else {
        vec![None; numbers.count]
    };
    let (mut found, found_of) = entities_of(&names, &roots, numbers.count);
    for (span, &name) in spans.into_iter().zip(&name_at) {
        if let Some(at) = found_of[name] {
            found[at].mentions.push(span);
        }
    }
    Candidates {
        names: names.into_iter().map(|name| name.mention).collect(),
        found,
    }
}

/// A mention's span: first token, one past the last, and its evidence.
fn span_of(mention: &Mention) -> (u32, u32, Evidence) {
    (mention.start as u32, mention.end as u32, mention.evidence)
}

/// One entity per root key, in text order, its mentions still to add; and for each name, the
/// entity it names (none for a name of unknown kind).
fn entities_of(names: &[Name], roots: &Roots, keys: usize) -> (Vec<Found>, Vec<Option<usize>>) {
    let mut first_of: Vec<Option<usize>> = vec![None; keys];
    for (at, name) in names.iter().enumerate() {
        first_of[name.key as usize].get_or_insert(at);
    }
    let mut found_at: Vec<Option<usize>> = vec![None; keys];
    let mut found = Vec::with_capacity(names.len());
    let found_of = names
        .iter()
        .enumerate()
        .map(|(at, name)| {
            let root = root(roots, name.key) as usize;
            let kind = name.mention.kind?;
            let entity = *found_at[root].get_or_insert_with(|| {
                found.push(Found {
                    first: first_of[root].unwrap_or(at),
                    kind,
                    mentions: SmallVec::new(),
                });
                found.len() - 1
            });
            Some(entity)
        })
        .collect();
    (found, found_of)
}

/// The entities of the judged names, sorted by key, each once per kind.
fn entities(mut named: Vec<(&str, Kind, &str)>) -> Entities {
    named.sort_unstable_by_key(|&(key, _, _)| key);
    named.dedup_by_key(|&mut (key, kind, _)| (key, kind));
    let mut entities = Entities::default();
    for (_, kind, form) in named {
        let list = match kind {
            Kind::Per => &mut entities.per,
            Kind::Loc => &mut entities.loc,
            Kind::Org => &mut entities.org,
        };
        list.push(form.to_string());
    }
    entities
}

/// The form and key an entity is named by: the gazetteer's name for a listed place or
/// organisation, the mention's own for a person or a name not listed.
fn canonical(mention: &Mention, kind: Kind) -> (&str, &str) {
    match (mention.evidence, kind) {
        (Evidence::Listed(_, group), Kind::Loc | Kind::Org) => GAZETTEER.name_of(group),
        _ => (mention.form.as_str(), mention.key.as_str()),
    }
}
