//! `depeche entities`: the most frequent people, places and organisations of the index, or of the
//! articles matching a query, counted from the entity facet columns.

use crate::article::EntityKind;
use crate::entity_collector::EntityCollector;
use crate::error::{Error, Result};
use crate::search::{Engine, SearchOptions};

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

impl Engine {
    /// The most frequent entities of each asked kind, most frequent first (ties by name).
    pub fn top_entities(&self, options: &EntityOptions) -> Result<Vec<EntityCount>> {
        self.need_entities()?;
        let search = SearchOptions {
            query: options.query.clone(),
            ..SearchOptions::default()
        };
        let query = self.parse(&search, &self.rewrite(&search.query), true)?;
        let searcher = self.searcher();
        let collector = EntityCollector::new(
            options
                .kinds
                .iter()
                .map(|&kind| {
                    let field = self.fields().entity_field(kind);
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
            let mut top: Vec<EntityCount> = names
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
}
