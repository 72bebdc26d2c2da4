//! One article in full, for reading: found by its id, every paragraph with the query's words
//! highlighted as in snippets.

use super::as_searched::parse_as_searched;
use super::engine::Engine;
use super::snippet::{Snippet, SnippetMaker};
use crate::article::Entities;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// A stored article as a reader sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleView {
    /// Its stable, opaque id.
    pub id: String,
    /// Headline, with the query's words highlighted.
    pub title: Snippet,
    /// Dateline as written.
    pub dateline: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Agency or source.
    pub agency: Option<String>,
    /// Article date.
    pub date: Option<NaiveDate>,
    /// Source file (or `file:line`).
    pub path: String,
    /// People, places and organisations it names.
    pub entities: Entities,
    /// Its paragraphs, with the query's words highlighted.
    pub paragraphs: Vec<Snippet>,
}

/// The article of id `id` (16 hexadecimal digits), its words matching `query` highlighted; none
/// when no article has that id (anything that is not such an id included).
pub fn read_article(engine: &Engine, id: &str, query: &str) -> Result<Option<ArticleView>> {
    let Some(number) = parse_id(id) else {
        return Ok(None);
    };
    let fields = engine.fields();
    let searcher = engine.searcher();
    let by_id = TermQuery::new(
        Term::from_field_u64(fields.id, number),
        IndexRecordOption::Basic,
    );
    let failed = |cause| Error::Search {
        query: format!("article {id}"),
        cause,
    };
    let found = searcher
        .search(&by_id, &TopDocs::with_limit(1).order_by_score())
        .map_err(failed)?;
    let Some(&(_, address)) = found.first() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(address).map_err(failed)?;
    let matching = parse_as_searched(engine, query)?;
    let maker = |field| SnippetMaker::new(&searcher, matching.as_ref(), field, 0).map_err(failed);
    let text = |field| fields.text(&doc, field).map(str::to_string);
    let mut body_maker = maker(fields.body)?;
    let body = text(fields.body).unwrap_or_default();
    let paragraphs = body
        .split("\n\n")
        .map(|p| body_maker.highlight_all(p))
        .collect();
    let title = maker(fields.title)?.highlight_all(&text(fields.title).unwrap_or_default());
    Ok(Some(ArticleView {
        id: fields.id_of(&doc),
        title,
        dateline: text(fields.dateline),
        place: text(fields.place),
        agency: text(fields.agency),
        date: fields.date_of(&doc),
        path: text(fields.path).unwrap_or_default(),
        entities: fields.entities_of(&doc),
        paragraphs,
    }))
}

/// The number an id stands for: exactly 16 hexadecimal digits.
fn parse_id(id: &str) -> Option<u64> {
    let digits = id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit());
    digits.then(|| u64::from_str_radix(id, 16).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_sixteen_hexadecimal_digits() {
        let cases = [
            ("00000000000000ff", Some(255)),
            ("FFFFFFFFFFFFFFFF", Some(u64::MAX)),
            ("ff", None),
            ("../../etc/passwd", None),
            ("000000000000000g", None),
            ("+00000000000000f", None),
            ("", None),
        ];
        for (id, expected) in cases {
            assert_eq!(parse_id(id), expected, "{id}");
        }
    }
}
