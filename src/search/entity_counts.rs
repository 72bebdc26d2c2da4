//! `depeche entities`: the most frequent people, places and organisations of the index, or of the
//! articles matching a query, counted from the entity facet columns.

use super::as_searched::parse_as_searched;
use super::engine::Engine;
use super::entity_collector::EntityCollector;
use crate::article::EntityKind;
use crate::entities::name_key;
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;
use std::cmp::Reverse;

/// What `depeche entities` is asked for.
#[derive(Clone, Debug)]
pub struct EntityOptions {
    /// Count only in the articles matching this query (every term required); blank for all.
    pub query: String,
    /// The kinds to count.
    pub kinds: Vec<EntityKind>,
    /// How many entities of each kind.
    pub top: usize,
}

impl Default for EntityOptions {
    fn default() -> Self {
        EntityOptions {
            query: String::new(),
            kinds: EntityKind::ALL.to_vec(),
            top: 20,
        }
    }
}

/// An entity and the number of articles that name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityCount {
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// The entity's name.
    pub name: String,
    /// How many articles name it.
    pub articles: u64,
}

/// The most frequent entities of each asked kind among the articles `engine` finds for the
/// options' query, most frequent first (ties by name).
pub fn top_entities(engine: &Engine, options: &EntityOptions) -> Result<Vec<EntityCount>> {
    engine.need_entities()?;
    let query = parse_as_searched(engine, &options.query)?;
    let searcher = engine.searcher();
    let collector = EntityCollector::new(
        options
            .kinds
            .iter()
            .map(|&kind| {
                let field = engine.fields().entity_field(kind);
                searcher.schema().get_field_name(field).to_string()
            })
            .collect(),
    );
    let counts = searcher
        .search(&query, &collector)
        .map_err(|cause| Error::Search {
            query: options.query.clone(),
            cause,
        })?;
    let mut found = Vec::new();
    for (kind, names) in options.kinds.iter().zip(counts) {
        let mut top: Vec<EntityCount> = merge_spellings(names)
            .into_iter()
            .map(|(name, articles)| EntityCount {
                kind: *kind,
                name,
                articles,
            })
            .collect();
        top.sort_unstable_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        top.truncate(options.top);
        found.extend(top);
    }
    Ok(found)
}

/// The article counts of `names` with the spellings of one name added up (`Étienne Morvan` and
/// `Etienne Morvan`, `Kim Jong-un` and `Kim Jong Un`: one name key), each shown in the spelling
/// most articles use (see `spelling_rank` for ties). An article gives each name one spelling, so
/// the sums count articles, not mentions.
pub(super) fn merge_spellings(names: FxHashMap<String, u64>) -> Vec<(String, u64)> {
    let mut by_key: FxHashMap<String, Spellings> = FxHashMap::default();
    for (name, articles) in names {
        let spellings = by_key.entry(name_key(&name)).or_default();
        spellings.articles += articles;
        if is_better_spelling(
            (&name, articles),
            (&spellings.shown, spellings.shown_articles),
        ) {
            spellings.shown = name;
            spellings.shown_articles = articles;
        }
    }
    by_key
        .into_values()
        .map(|spellings| (spellings.shown, spellings.articles))
        .collect()
}

/// The spellings of one name, as they are added up.
#[derive(Default)]
struct Spellings {
    /// The spelling shown so far.
    shown: String,
    /// How many articles use it.
    shown_articles: u64,
    /// How many articles use any of them.
    articles: u64,
}

/// Whether `spelling` (a name and its article count) is shown rather than `shown`.
fn is_better_spelling(spelling: (&str, u64), shown: (&str, u64)) -> bool {
    spelling_rank(spelling) > spelling_rank(shown)
}

/// How a spelling ranks for display: more articles, more accents (capitals often lose theirs in
/// print: `Etat`), fewer capitals (a name in a headline's capitals loses), then the first in name
/// order.
fn spelling_rank((name, articles): (&str, u64)) -> (u64, usize, Reverse<usize>, Reverse<&str>) {
    let accents = name.chars().filter(|c| !c.is_ascii()).count();
    let capitals = name.chars().filter(|c| c.is_uppercase()).count();
    (articles, accents, Reverse(capitals), Reverse(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names and their article counts.
    type Counts<'a> = &'a [(&'a str, u64)];

    #[test]
    fn adds_up_the_spellings_of_one_name() {
        let cases: &[(Counts, Counts)] = &[
            (
                &[("Étienne Morvan", 2), ("Etienne Morvan", 1)],
                &[("Étienne Morvan", 3)],
            ),
            (
                &[("Etienne Morvan", 2), ("Étienne Morvan", 1)],
                &[("Etienne Morvan", 3)],
            ),
            (&[("Etat", 1), ("État", 1)], &[("État", 2)]),
            (
                &[("Kim Jong-un", 1), ("Kim Jong Un", 1), ("KIM JONG UN", 1)],
                &[("Kim Jong-un", 3)],
            ),
            (&[("Paris", 4), ("Lyon", 2)], &[("Lyon", 2), ("Paris", 4)]),
        ];
        for (names, expected) in cases {
            let names = names.iter().map(|&(n, c)| (n.to_string(), c)).collect();
            let mut merged = merge_spellings(names);
            merged.sort();
            let expected: Vec<(String, u64)> =
                expected.iter().map(|&(n, c)| (n.to_string(), c)).collect();
            assert_eq!(merged, expected);
        }
    }
}
