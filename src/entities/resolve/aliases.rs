//! Aliases: the names of one entity written differently (gazetteer aliases, acronyms and their
//! expansions, names in parentheses), each led back to the first written.

use super::acronym::{in_parentheses_after, is_acronym_of};
use super::key_numbers::{KeyNumbers, Name};
use crate::entities::doc::Doc;
use crate::entities::mention::{Evidence, Kind, Mention};

/// For each key number, the key number of the first-written name of the same entity, when it
/// is another (an alias, an acronym, a name in parentheses).
pub type Roots = Vec<Option<u32>>;

/// The key number of the first-written name of the entity the key `key` names.
pub fn root(roots: &Roots, key: u32) -> u32 {
    roots[key as usize].unwrap_or(key)
}

/// The keys of organisation names written one after the other in parentheses, one of them a
/// single word: `Front national (FN)`, `DPS (Département protection sécurité)`.
pub fn parenthesised_pairs(
    doc: &Doc,
    mentions: &[Mention],
    numbers: &KeyNumbers,
) -> Vec<(u32, u32)> {
    (1..mentions.len())
        .filter(|&at| {
            let pair = &mentions[at - 1..=at];
            pair[0].kind == Some(Kind::Org)
                && pair[1].kind == Some(Kind::Org)
                && (pair[0].word_count() == 1 || pair[1].word_count() == 1)
                && in_parentheses_after(doc, &pair[0], &pair[1])
        })
        .map(|at| (numbers.of_mention[at - 1], numbers.of_mention[at]))
        .collect()
}

/// For each key number, the key number of the first-written name of the same entity: gazetteer
/// aliases (`Daech`, `Etat islamique`), acronyms and expansions (`FN`, `Front national`), names
/// in parentheses.
pub fn alias_roots(names: &[Name], parenthesised: &[(u32, u32)], keys: usize) -> Roots {
    let mut roots: Roots = vec![None; keys];
    for (at, later) in names.iter().enumerate() {
        let earlier = names[..at].iter().find(|first| {
            first.key != later.key
                && first.mention.kind == later.mention.kind
                && (are_aliases(&first.mention, &later.mention)
                    || is_pair(parenthesised, first.key, later.key))
        });
        if let Some(first) = earlier {
            let root = root(&roots, first.key);
            roots[later.key as usize].get_or_insert(root);
        }
    }
    roots
}

/// Whether two names of one kind are aliases: listed together, or an acronym and its expansion.
fn are_aliases(first: &Mention, second: &Mention) -> bool {
    if let (Evidence::Listed(_, a), Evidence::Listed(_, b)) = (first.evidence, second.evidence)
        && a == b
    {
        return true;
    }
    first.kind == Some(Kind::Org) && (is_acronym_of(first, second) || is_acronym_of(second, first))
}

/// Whether the two names were written one in parentheses after the other.
fn is_pair(pairs: &[(u32, u32)], first: u32, second: u32) -> bool {
    pairs
        .iter()
        .any(|&pair| pair == (first, second) || pair == (second, first))
}
