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
            let tally = Tally::new(column.as_ref().map_or(0, |c| c.num_terms()));
            columns.push((column, tally));
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
/// name of that kind) and its tally.
pub struct SegmentEntityCollector {
    columns: Vec<(Option<StrColumn>, Tally)>,
    most: Option<usize>,
}

/// The counts of one column in one segment: a counter per name of its dictionary, and the names
/// counted at least once, so that harvesting reads only those, not the whole dictionary's
/// counters.
struct Tally {
    counts: Vec<u64>,
    counted: Vec<u64>,
}

impl Tally {
    /// No name of a dictionary of `names` counted yet.
    fn new(names: usize) -> Tally {
        Tally {
            counts: vec![0; names],
            counted: Vec::new(),
        }
    }

    /// Counts the name `ord` once more.
    fn add(&mut self, ord: u64) {
        if let Some(count) = self.counts.get_mut(ord as usize) {
            if *count == 0 {
                self.counted.push(ord);
            }
            *count += 1;
        }
    }

    /// The names counted at least once, in ord order; only the `most` most counted when set
    /// (ties broken arbitrarily).
    fn counted_ords(&self, most: Option<usize>) -> Vec<u64> {
        let mut counted = self.counted.clone();
        if let Some(most) = most.filter(|&most| most < counted.len()) {
            let count = |&ord: &u64| std::cmp::Reverse(self.counts[ord as usize]);
            counted.select_nth_unstable_by_key(most, count);
            counted.truncate(most);
        }
        counted.sort_unstable();
        counted
    }
}

impl SegmentCollector for SegmentEntityCollector {
    type Fruit = tantivy::Result<NameCounts>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (column, tally) in &mut self.columns {
            let Some(column) = column else { continue };
            for ord in column.term_ords(doc) {
                tally.add(ord);
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.columns
            .into_iter()
            .map(|(column, tally)| match column {
                Some(column) => named(&column, &tally, self.most),
                None => Ok(FxHashMap::default()),
            })
            .collect()
    }
}

/// The names of `column` counted at least once (the `most` most counted when set), with their
/// counts, read from its dictionary in one pass.
fn named(
    column: &StrColumn,
    tally: &Tally,
    most: Option<usize>,
) -> tantivy::Result<FxHashMap<String, u64>> {
    let counted = tally.counted_ords(most);
    let mut named = FxHashMap::default();
    let mut counted_names = counted.iter();
    column
        .dictionary()
        .sorted_ords_to_term_cb(&counted, |name| {
            if let Some(&ord) = counted_names.next() {
                named.insert(
                    String::from_utf8_lossy(name).into_owned(),
                    tally.counts[ord as usize],
                );
            }
        })?;
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_counted_ords_are_kept_in_order_out_of_range_ones_dropped() {
        let counts = [0, 5, 1, 0, 9, 2, 7];
        let mut tally = Tally::new(counts.len() + 1);
        for (ord, &count) in counts.iter().enumerate().rev() {
            (0..count).for_each(|_| tally.add(ord as u64));
        }
        tally.add(99);
        let cases: [(Option<usize>, &[u64]); 4] = [
            (None, &[1, 2, 4, 5, 6]),
            (Some(3), &[1, 4, 6]),
            (Some(1), &[4]),
            (Some(10), &[1, 2, 4, 5, 6]),
        ];
        for (most, expected) in cases {
            assert_eq!(tally.counted_ords(most), expected, "{most:?}");
        }
    }
}
