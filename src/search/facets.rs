//! Facets of a search: the people, places, organisations and agencies most named by all the
//! articles that match every term, and how many of them each month holds.

use super::engine::{Engine, SearchOptions};
use super::entity_collector::EntityCollector;
use super::entity_counts::merge_spellings;
use crate::error::{Error, Result};
use chrono::{DateTime, Datelike};
use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// How many names of each kind and segment are read back for each name a facet shows: enough
/// for the spellings of one name to add up, and for a name counted in several segments.
const READ_PER_NAME: usize = 20;

/// A name and how many matching articles carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    /// The name (a person, place, organisation or agency) or the month (`2020-03`).
    pub name: String,
    /// How many matching articles.
    pub count: u64,
}

/// What the matching articles talk about, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// People, most named first.
    pub per: Vec<FacetCount>,
    /// Places.
    pub loc: Vec<FacetCount>,
    /// Organisations.
    pub org: Vec<FacetCount>,
    /// Agencies and sources of the datelines.
    pub agency: Vec<FacetCount>,
    /// Articles per month (`YYYY-MM`), in calendar order; months without any are left out.
    pub dates: Vec<FacetCount>,
}

/// The facets of the articles matching every term of `options` (filters included), the `top`
/// names of each kind.
pub fn facets(engine: &Engine, options: &SearchOptions, top: usize) -> Result<Facets> {
    let query = engine.parse(options, &engine.rewrite(&options.query), true)?;
    let fields = engine.fields();
    let searcher = engine.searcher();
    let name = |field| searcher.schema().get_field_name(field).to_string();
    let columns = [fields.per, fields.loc, fields.org, fields.agency];
    let names = EntityCollector::most_counted(columns.map(name).to_vec(), top * READ_PER_NAME);
    let (counts, months) = searcher
        .search(query.as_ref(), &(names, MonthCollector))
        .map_err(|cause| Error::Search {
            query: options.query.clone(),
            cause,
        })?;
    let mut kinds = counts.into_iter().map(|names| most_named(names, top));
    let mut next = || kinds.next().unwrap_or_default();
    let (per, loc, org, agency) = (next(), next(), next(), next());
    Ok(Facets {
        per,
        loc,
        org,
        agency,
        dates: calendar(months),
    })
}

/// The `top` names of one kind, spellings of one name added up, most articles first (ties by
/// name).
fn most_named(names: FxHashMap<String, u64>, top: usize) -> Vec<FacetCount> {
    let mut counts: Vec<FacetCount> = merge_spellings(names)
        .into_iter()
        .map(|(name, count)| FacetCount { name, count })
        .collect();
    counts.sort_unstable_by(|a, b| (Reverse(a.count), &a.name).cmp(&(Reverse(b.count), &b.name)));
    counts.truncate(top);
    counts
}

/// Month counts in calendar order, named `YYYY-MM`.
fn calendar(months: FxHashMap<i32, u64>) -> Vec<FacetCount> {
    let mut months: Vec<(i32, u64)> = months.into_iter().collect();
    months.sort_unstable();
    let name = |month: i32| {
        format!(
            "{:04}-{:02}",
            month.div_euclid(12),
            month.rem_euclid(12) + 1
        )
    };
    let counts = months.into_iter().map(|(month, count)| FacetCount {
        name: name(month),
        count,
    });
    counts.collect()
}

/// Counts the matching articles of each month (year × 12 + month − 1) from the date column;
/// undated articles are not counted.
struct MonthCollector;

impl Collector for MonthCollector {
    type Fruit = FxHashMap<i32, u64>;
    type Child = SegmentMonths;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(SegmentMonths {
            dates: reader.fast_fields().date("date").ok(),
            days: FxHashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<FxHashMap<i32, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut merged = FxHashMap::default();
        for (month, count) in segments.into_iter().flatten() {
            *merged.entry(month).or_default() += count;
        }
        Ok(merged)
    }
}

/// One segment's counts: by day first (articles of a day share one timestamp, so the calendar
/// is worked out once a day, not once an article), months at harvest.
struct SegmentMonths {
    dates: Option<Column<tantivy::DateTime>>,
    days: FxHashMap<i64, u64>,
}

impl SegmentCollector for SegmentMonths {
    type Fruit = FxHashMap<i32, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(date) = self.dates.as_ref().and_then(|column| column.first(doc)) {
            *self.days.entry(date.into_timestamp_secs()).or_default() += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut months = FxHashMap::default();
        for (seconds, count) in self.days {
            if let Some(day) = DateTime::from_timestamp(seconds, 0) {
                *months
                    .entry(day.year() * 12 + day.month0() as i32)
                    .or_default() += count;
            }
        }
        months
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_in_calendar_order() {
        let months = [(2020 * 12 + 2, 4), (2019 * 12 + 11, 1), (2020 * 12, 2)];
        let named: Vec<(String, u64)> = calendar(months.into_iter().collect())
            .into_iter()
            .map(|c| (c.name, c.count))
            .collect();
        let expected = [("2019-12", 1), ("2020-01", 2), ("2020-03", 4)];
        assert_eq!(named, expected.map(|(n, c)| (n.to_string(), c)));
    }

    #[test]
    fn the_most_named_come_first_spellings_added_up() {
        let names = [
            ("Lyon", 2),
            ("Paris", 3),
            ("État", 1),
            ("Etat", 1),
            ("Brest", 1),
        ];
        let names = names.into_iter().map(|(n, c)| (n.to_string(), c)).collect();
        let top: Vec<(String, u64)> = most_named(names, 3)
            .into_iter()
            .map(|c| (c.name, c.count))
            .collect();
        let expected = [("Paris", 3), ("Lyon", 2), ("État", 2)];
        assert_eq!(top, expected.map(|(n, c)| (n.to_string(), c)));
    }
}
