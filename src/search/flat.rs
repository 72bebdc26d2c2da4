//! A word of a query, as the parser makes it (a union over the weighted fields), taken apart into
//! its weighted terms, so that each term's postings are read straight, with no union to merge.

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

/// The terms of `query`, a union of unions of single terms (each boosted at most once, as the
/// query parser weights a field), each as its own query weighted by `weights`: together, the
/// same articles with the same scores. `None` for any other query (a phrase, a required or
/// excluded clause, a fuzzy or range term, a field without a weight).
pub fn weighted_terms(query: &dyn Query, weights: &[(Field, f32)]) -> Option<Vec<Box<dyn Query>>> {
    let mut terms = Vec::new();
    collect_terms(query, &mut terms)?;
    terms
        .into_iter()
        .map(|term| {
            let weight = weights.iter().find(|(f, _)| *f == term.field())?.1;
            let leaf: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
            Some(match weight == 1.0 {
                true => leaf,
                false => Box::new(BoostQuery::new(leaf, weight)) as Box<dyn Query>,
            })
        })
        .collect()
}

/// Adds the terms of `query` to `terms` when it is a single term (boosted or not) or a union of
/// such queries, nested at will; `None` otherwise.
fn collect_terms(query: &dyn Query, terms: &mut Vec<Term>) -> Option<()> {
    if let Some(union) = query.downcast_ref::<BooleanQuery>() {
        if union.get_minimum_number_should_match() > 1 {
            return None;
        }
        for (occur, clause) in union.clauses() {
            if *occur != Occur::Should {
                return None;
            }
            collect_terms(clause.as_ref(), terms)?;
        }
        return Some(());
    }
    let is_leaf = query.is::<TermQuery>() || query.is::<BoostQuery>();
    let mut found = Vec::new();
    let mut positions = false;
    query.query_terms(&mut |term, needs_positions| {
        found.push(term.clone());
        positions |= needs_positions;
    });
    match (is_leaf, found.as_slice(), positions) {
        (true, [term], false) => {
            terms.push(term.clone());
            Some(())
        }
        _ => None,
    }
}
