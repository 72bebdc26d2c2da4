//! The entity filter's last step: of the articles whose entity fields hold a name's words in a
//! row, those naming it whole (case, accents and hyphens aside), as the facets count them: the
//! filter `France` keeps `France`, not `Île-de-France`, `France 2` or `Ouest-France`. A person is
//! also named by the last words of their name: `Macron` keeps `Emmanuel Macron`.

use crate::entities::name_key;
use rustc_hash::FxHashMap;
use tantivy::columnar::StrColumn;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// The articles of `candidates` whose `fields` (entity fields with a facet column, each with
/// whether it holds people) hold a name whose key is one of `keys`, or, for a person, ends with
/// one of them as whole words.
#[derive(Debug)]
pub struct WholeName {
    /// The articles that may name it: its words in a row in an entity field.
    pub candidates: Box<dyn Query>,
    /// The name keys it goes by.
    pub keys: Vec<String>,
    /// The entity fields' names, each with whether it holds people.
    pub fields: Vec<(String, bool)>,
}

impl Clone for WholeName {
    fn clone(&self) -> Self {
        WholeName {
            candidates: self.candidates.box_clone(),
            keys: self.keys.clone(),
            fields: self.fields.clone(),
        }
    }
}

impl Query for WholeName {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(WholeNameWeight {
            candidates: self.candidates.weight(scoring)?,
            keys: self.keys.clone(),
            fields: self.fields.clone(),
        }))
    }
}

struct WholeNameWeight {
    candidates: Box<dyn Weight>,
    keys: Vec<String>,
    fields: Vec<(String, bool)>,
}

impl Weight for WholeNameWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut columns = Vec::with_capacity(self.fields.len());
        for (field, people) in &self.fields {
            if let Some(column) = reader.fast_fields().str(field)? {
                columns.push((column, *people));
            }
        }
        let mut scorer = WholeNameScorer {
            candidates: self.candidates.scorer(reader, boost)?,
            columns,
            keys: self.keys.clone(),
            name: String::new(),
            answers: FxHashMap::default(),
        };
        let first = scorer.candidates.doc();
        if first != TERMINATED && !scorer.names_whole(first) {
            scorer.advance();
        }
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.candidates.explain(reader, doc)
    }
}

struct WholeNameScorer {
    candidates: Box<dyn Scorer>,
    /// The facet columns, each with whether it holds people.
    columns: Vec<(StrColumn, bool)>,
    keys: Vec<String>,
    /// Where each name of a candidate is read.
    name: String,
    /// Whether each name read (by column and number) is one asked for.
    answers: FxHashMap<(usize, u64), bool>,
}

impl WholeNameScorer {
    /// Whether article `doc` names one of the keys whole (a person also by their last words).
    /// Each name is read from its column once: the answer is kept by its number.
    fn names_whole(&mut self, doc: DocId) -> bool {
        for (at, (column, people)) in self.columns.iter().enumerate() {
            for ord in column.term_ords(doc) {
                let named = *self.answers.entry((at, ord)).or_insert_with(|| {
                    self.name.clear();
                    let read = column.ord_to_str(ord, &mut self.name).unwrap_or(false);
                    let name = name_key(&self.name);
                    read && self.keys.iter().any(|key| is_named(&name, key, *people))
                });
                if named {
                    return true;
                }
            }
        }
        false
    }
}

/// Whether the name of key `name` is the one of key `key`: the same, or, for a person, ending with
/// its words (`emmanuel macron` for `macron`, `marine le pen` for `le pen`, not `francois hollande`
/// for `ollande`).
fn is_named(name: &str, key: &str, person: bool) -> bool {
    name == key
        || (person
            && name
                .strip_suffix(key)
                .is_some_and(|before| before.ends_with(' ')))
}

impl DocSet for WholeNameScorer {
    fn advance(&mut self) -> DocId {
        let mut doc = self.candidates.advance();
        while doc != TERMINATED && !self.names_whole(doc) {
            doc = self.candidates.advance();
        }
        doc
    }

    /// Only the candidate reached is read, not those stepped over.
    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.candidates.seek(target);
        match doc == TERMINATED || self.names_whole(doc) {
            true => doc,
            false => self.advance(),
        }
    }

    fn doc(&self) -> DocId {
        self.candidates.doc()
    }

    fn size_hint(&self) -> u32 {
        self.candidates.size_hint()
    }
}

impl Scorer for WholeNameScorer {
    fn score(&mut self) -> Score {
        self.candidates.score()
    }
}

#[cfg(test)]
mod tests {
    use super::is_named;

    #[test]
    fn a_name_is_whole_and_a_person_also_by_their_last_words() {
        // (name in the article, name asked for, a person's, whether it is the one)
        let cases = [
            ("france", "france", false, true),
            ("ile de france", "france", false, false),
            ("france 2", "france", false, false),
            ("emmanuel macron", "macron", true, true),
            ("emmanuel macron", "macron", false, false),
            ("emmanuel macron", "emmanuel", true, false),
            ("marine le pen", "le pen", true, true),
            ("francois hollande", "ollande", true, false),
            ("macron", "emmanuel macron", true, false),
        ];
        for (name, key, person, expected) in cases {
            assert_eq!(is_named(name, key, person), expected, "{name} / {key}");
        }
    }
}
