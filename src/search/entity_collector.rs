//! A tantivy collector counting, for each entity kind, how many matching articles name each
//! entity, from the facet columns of the `per`, `loc` and `org` fields.

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts the names of entity fields over the matching articles: exact counts (every name of every
/// segment, merged by name), as tantivy's `FacetCollector` counts a facet field's column, of
/// which these columns are the fast half.
pub struct EntityCollector {
    /// The entity fields to count, by name.
    fields: Vec<String>,
    /// When set, only this many of the most counted names of each field and segment are read
    /// back from the column's dictionary (the rest are dropped).
    most: Option<usize>,
}

/// For each counted field, in order, each name and the number of matching articles naming it.
pub type NameCounts = Vec<FxHashMap<String, u64>>;

impl EntityCollector {
    /// Counts the names in each of `fields`, fast text columns.
    pub fn new(fields: Vec<String>) -> EntityCollector {
        EntityCollector { fields, most: None }
    }

    /// Counts like [`EntityCollector::new`], but reads back only the `most` most counted names of
    /// each field in each segment: reading a name costs far more than counting it, and a facet
    /// shows a few names of thousands. A name that is among the most counted overall but not in
    /// a segment may miss that segment's count.
    pub fn most_counted(fields: Vec<String>, most: usize) -> EntityCollector {
        EntityCollector {
            fields,
            most: Some(most),
        }
    }
}

impl Collector for EntityCollector {
    type Fruit = NameCounts;
    type Child = SegmentEntityCollector;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCollector> {
        let mut columns = Vec::with_capacity(self.fields.len());
        for field in &self.fields {
            let column = reader.fast_fields().str(field)?;
            let counts = vec![0; column.as_ref().map_or(0, |c| c.num_terms())];
            columns.push((column, counts));
        }
        Ok(SegmentEntityCollector {
            columns,
            most: self.most,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<tantivy::Result<NameCounts>>,
    ) -> tantivy::Result<NameCounts> {
        let mut merged: NameCounts = vec![FxHashMap::default(); self.fields.len()];
        for segment in segments {
            for (total, counts) in merged.iter_mut().zip(segment?) {
                for (name, count) in counts {
                    *total.entry(name).or_default() += count;
                }
            }
        }
        Ok(merged)
    }
}

/// The counts of one segment: per field its column (none when no article of the segment has a
/// name of that kind) and a counter per name of the column's dictionary.
pub struct SegmentEntityCollector {
    columns: Vec<(Option<StrColumn>, Vec<u64>)>,
    most: Option<usize>,
}

impl SegmentCollector for SegmentEntityCollector {
    type Fruit = tantivy::Result<NameCounts>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (column, counts) in &mut self.columns {
            let Some(column) = column else { continue };
            for ord in column.term_ords(doc) {
                if let Some(count) = counts.get_mut(ord as usize) {
                    *count += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.columns
            .into_iter()
            .map(|(column, counts)| match column {
                Some(column) => named(&column, &counts, self.most),
                None => Ok(FxHashMap::default()),
            })
            .collect()
    }
}

/// The ords counted at least once, in order; only the `most` most counted when set (ties broken
/// arbitrarily).
fn counted_ords(counts: &[u64], most: Option<usize>) -> Vec<u64> {
    let mut counted: Vec<u64> = (0u64..)
        .zip(counts)
        .filter_map(|(ord, &count)| (count > 0).then_some(ord))
        .collect();
    if let Some(most) = most.filter(|&most| most < counted.len()) {
        counted.select_nth_unstable_by_key(most, |&ord| std::cmp::Reverse(counts[ord as usize]));
        counted.truncate(most);
        counted.sort_unstable();
    }
    counted
}

/// The names of `column` counted at least once (the `most` most counted when set), with their
/// counts, read from its dictionary in one pass.
fn named(
    column: &StrColumn,
    counts: &[u64],
    most: Option<usize>,
) -> tantivy::Result<FxHashMap<String, u64>> {
    let counted = counted_ords(counts, most);
    let mut named = FxHashMap::default();
    let mut counted_names = counted.iter();
    column
        .dictionary()
        .sorted_ords_to_term_cb(&counted, |name| {
            if let Some(&ord) = counted_names.next() {
                named.insert(
                    String::from_utf8_lossy(name).into_owned(),
                    counts[ord as usize],
                );
            }
        })?;
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_counted_ords_are_kept_in_order() {
        let counts = [0, 5, 1, 0, 9, 2, 7];
        let cases: [(Option<usize>, &[u64]); 4] = [
            (None, &[1, 2, 4, 5, 6]),
            (Some(3), &[1, 4, 6]),
            (Some(1), &[4]),
            (Some(10), &[1, 2, 4, 5, 6]),
        ];
        for (most, expected) in cases {
            assert_eq!(counted_ords(&counts, most), expected, "{most:?}");
        }
    }
}
