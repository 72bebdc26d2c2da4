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
}

/// For each counted field, in order, each name and the number of matching articles naming it.
pub type NameCounts = Vec<FxHashMap<String, u64>>;

impl EntityCollector {
    /// Counts the names in each of `fields`, fast text columns.
    pub fn new(fields: Vec<String>) -> EntityCollector {
        EntityCollector { fields }
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
        Ok(SegmentEntityCollector { columns })
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
                Some(column) => named(&column, &counts),
                None => Ok(FxHashMap::default()),
            })
            .collect()
    }
}

/// The names of `column` counted at least once, with their counts, read from its dictionary in
/// one pass.
fn named(column: &StrColumn, counts: &[u64]) -> tantivy::Result<FxHashMap<String, u64>> {
    let counted: Vec<u64> = (0u64..)
        .zip(counts)
        .filter_map(|(ord, &count)| (count > 0).then_some(ord))
        .collect();
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
