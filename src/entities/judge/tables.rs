//! The word tables the judge reads by key, made offline and embedded by the build: word
//! clusters (`clusters.tsv`, learnt by `training/word_clusters.py` from the shared corpus: a
//! word's coarse and fine group of the words written around the same words, so that `Nairobi`
//! goes with cities and `Godard` with surnames) and the world's towns (`towns.tsv`, from GeoNames
//! by `training/place_names.py`, with a population bucket).

use crate::entities::key_map::{KeyMap, key_hash};
use std::sync::LazyLock;

/// The embedded word clusters, `word<TAB>coarse fine`.
const CLUSTERS_TSV: &str = include_str!("clusters.tsv");

/// The embedded towns, `town<TAB>bucket`.
const TOWNS_TSV: &str = include_str!("towns.tsv");

/// Each word's clusters, `coarse fine`.
pub static CLUSTERS: LazyLock<Table> = LazyLock::new(|| Table::parse(CLUSTERS_TSV));

/// Each town's population bucket: `5` for 100,000 inhabitants or more, and so on.
pub static TOWNS: LazyLock<Table> = LazyLock::new(|| Table::parse(TOWNS_TSV));

/// A value by word key.
#[derive(Default)]
pub struct Table {
    by_key: KeyMap<&'static str>,
}

impl Table {
    /// Reads `key<TAB>value` lines (see `entries`).
    pub fn parse(text: &'static str) -> Table {
        let by_key = entries(text)
            .map(|(key, value)| (key_hash(key), value))
            .collect();
        Table { by_key }
    }

    /// The value of `key`, if the table has it.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.by_key.get(&key_hash(key)).copied()
    }
}

/// The `key<TAB>value` lines of `text` as pairs; `#` lines and lines without a tab are skipped.
/// The judge's weights are read through it too.
pub(super) fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

/// The coarse and fine clusters of the word `key`.
pub fn clusters_of(key: &str) -> Option<(&'static str, &'static str)> {
    CLUSTERS.get(key)?.split_once(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_and_skips_comments_and_lines_without_a_tab() {
        let table = Table::parse("# word\tclusters\nnairobi\t3 41\nbroken\nparis\t5\n");
        assert_eq!(table.get("nairobi"), Some("3 41"));
        assert_eq!(table.get("paris"), Some("5"));
        assert_eq!(table.get("broken"), None);
        assert_eq!(table.get("# word"), None);
    }

    #[test]
    fn the_embedded_tables_know_cities_and_surnames() {
        let city = clusters_of("nairobi").map(|c| c.1);
        let capitals = ["dakar", "lima", "abidjan", "bamako", "kinshasa"];
        let with_nairobi = capitals
            .iter()
            .filter(|word| clusters_of(word).map(|c| c.1) == city)
            .count();
        assert!(with_nairobi >= 2, "{with_nairobi} capitals beside Nairobi");
        assert_ne!(clusters_of("godard").map(|c| c.1), city);
        assert_eq!(TOWNS.get("nairobi"), Some("6"));
        assert_eq!(TOWNS.get("ministere"), None);
    }

    #[test]
    fn no_two_keys_of_the_embedded_tables_share_a_hash() {
        for (table, text) in [(&*CLUSTERS, CLUSTERS_TSV), (&*TOWNS, TOWNS_TSV)] {
            let keys: std::collections::HashSet<&str> = entries(text).map(|(key, _)| key).collect();
            assert_eq!(table.by_key.len(), keys.len());
        }
    }
}
