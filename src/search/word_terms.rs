//! A word of a query, as the parser makes it (a union over the weighted fields), taken apart into
//! its weighted terms, so that each term's postings are read straight, with no union to merge.

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Score, Term};

/// The terms of `query`, a union of unions of single terms (each boosted at most once, as the
/// query parser weights a field), each with the weight `weights` give its field: as queries of
/// their own (`weighted_term_query`), together the same articles with the same scores. `None`
/// for any other query (a phrase, a required or excluded clause, a fuzzy or range term, a field
/// without a weight).
pub fn weighted_terms(query: &dyn Query, weights: &[(Field, f32)]) -> Option<Vec<(Term, Score)>> {
    let mut terms = Vec::new();
    collect_terms(query, &mut terms)?;
    terms
        .into_iter()
        .map(|term| {
            let weight = weights.iter().find(|(f, _)| *f == term.field())?.1;
            Some((term, weight))
        })
        .collect()
}

/// The query of `term`, its score weighted by `weight`.
pub fn weighted_term_query(term: Term, weight: Score) -> Box<dyn Query> {
    let leaf: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
    match weight == 1.0 {
        true => leaf,
        false => Box::new(BoostQuery::new(leaf, weight)),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::PhraseQuery;
    use tantivy::schema::{Schema, TEXT};

    /// Terms with their weights, as `weighted_terms` gives them.
    type Weighted = Vec<(Term, Score)>;

    #[test]
    fn takes_apart_unions_of_single_terms_only() {
        let mut schema = Schema::builder();
        let (title, body, url) = (
            schema.add_text_field("title", TEXT),
            schema.add_text_field("body", TEXT),
            schema.add_text_field("url", TEXT),
        );
        let weights = [(title, 3.0), (body, 1.0)];
        let term = |field, text: &str| Term::from_field_text(field, text);
        let single = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                term(field, text),
                IndexRecordOption::WithFreqs,
            ))
        };
        let boosted =
            |query: Box<dyn Query>| -> Box<dyn Query> { Box::new(BoostQuery::new(query, 3.0)) };
        let union = |occur, queries: Vec<Box<dyn Query>>| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                queries.into_iter().map(|q| (occur, q)).collect(),
            ))
        };
        let phrase = Box::new(PhraseQuery::new(vec![
            term(body, "porte"),
            term(body, "avion"),
        ]));
        let cases: Vec<(&str, Box<dyn Query>, Option<Weighted>)> = vec![
            (
                "a word over two weighted fields",
                union(
                    Occur::Should,
                    vec![boosted(single(title, "grev")), single(body, "grev")],
                ),
                Some(vec![(term(title, "grev"), 3.0), (term(body, "grev"), 1.0)]),
            ),
            (
                "one term",
                single(body, "grev"),
                Some(vec![(term(body, "grev"), 1.0)]),
            ),
            (
                "a word and its correction, nested",
                union(
                    Occur::Should,
                    vec![
                        single(body, "franc"),
                        union(Occur::Should, vec![single(body, "francia")]),
                    ],
                ),
                Some(vec![
                    (term(body, "franc"), 1.0),
                    (term(body, "francia"), 1.0),
                ]),
            ),
            ("a phrase", phrase, None),
            (
                "required terms",
                union(Occur::Must, vec![single(body, "grev")]),
                None,
            ),
            ("a field without a weight", single(url, "grev"), None),
        ];
        for (case, query, expected) in cases {
            assert_eq!(weighted_terms(query.as_ref(), &weights), expected, "{case}");
        }
    }
}
