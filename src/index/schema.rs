//! The index schema: every field in one struct, built once and looked up by name once.

use crate::analysis::{FRENCH, NAMES, VARIANTS};
use crate::article::{Article, Entities, EntityKind};
use chrono::NaiveDate;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{DateTime, TantivyDocument};

/// How the fast columns of the entity, place and agency fields hold each name: whole and as
/// written (`Kim Jong-un`), so that a column is the facet of its kind. A tantivy facet field would
/// hold the same column and index every `/per/…` path as a term besides, which nothing here
/// queries and which cost a fifth of what indexing the entities costs (BENCHMARKS.md).
const ENTITY_COLUMN_TOKENIZER: &str = "raw";

/// The fields of a depeche index.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Headline, French-analysed, stored.
    pub title: Field,
    /// Article text, French-analysed with positions, stored.
    pub body: Field,
    /// The variant keys of the capitalised words of the title and body (`putin` for `Poutine`),
    /// indexed without positions: how a name spelt another way is found.
    pub variant: Field,
    /// Dateline as written, French-analysed, stored.
    pub dateline: Field,
    /// Dateline place, analysed as a name (folded, not stemmed), stored, and kept as written in
    /// a fast column (a facet).
    pub place: Field,
    /// Dateline agency or source, like `place`.
    pub agency: Field,
    /// Article date (midnight UTC), indexed, fast and stored.
    pub date: Field,
    /// Source label (path, or `path:line`), untokenized, stored.
    pub path: Field,
    /// The article's stable, opaque id: the xxh3 hash of its source label, indexed and stored.
    pub id: Field,
    /// The article's address, stored only.
    pub url: Field,
    /// People named in the article, analysed as names, stored, and kept as written in a fast
    /// column: the `/per/…` facet, counted by `depeche entities`.
    pub per: Field,
    /// Places named in the article, like `per`: the `/loc/…` facet.
    pub loc: Field,
    /// Organisations named in the article, like `per`: the `/org/…` facet.
    pub org: Field,
    /// The file the article came from (shared by the articles of a JSON Lines file), untokenized,
    /// fast: re-indexing replaces a file's articles by this term.
    pub source: Field,
    /// The source file's size in bytes, fast.
    pub size: Field,
    /// The source file's modification time, nanoseconds since the epoch, fast.
    pub modified: Field,
    /// The xxh3 hash of the source file's bytes, fast.
    pub hash: Field,
}

/// What the index remembers of a source file, to tell whether it changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub modified: u64,
    /// xxh3 hash of the bytes.
    pub hash: u64,
}

impl Fields {
    /// Builds the schema and its fields.
    pub fn build() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let french = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(FRENCH)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored();
        let names = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(NAMES)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored();
        let faceted = names.set_fast(ENTITY_COLUMN_TOKENIZER);
        let variant = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(VARIANTS)
                .set_index_option(IndexRecordOption::Basic),
        );
        let date = DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored()
            .set_precision(DateTimePrecision::Seconds);
        let fields = Fields {
            title: builder.add_text_field("title", french.clone()),
            body: builder.add_text_field("body", french.clone()),
            variant: builder.add_text_field("variant", variant),
            dateline: builder.add_text_field("dateline", french),
            place: builder.add_text_field("place", faceted.clone()),
            agency: builder.add_text_field("agency", faceted.clone()),
            date: builder.add_date_field("date", date),
            path: builder.add_text_field("path", STRING | STORED),
            id: builder.add_u64_field("id", INDEXED | STORED),
            url: builder.add_text_field("url", STORED),
            per: builder.add_text_field("per", faceted.clone()),
            loc: builder.add_text_field("loc", faceted.clone()),
            org: builder.add_text_field("org", faceted),
            source: builder.add_text_field("source", STRING | STORED | FAST),
            size: builder.add_u64_field("size", FAST),
            modified: builder.add_u64_field("modified", FAST),
            hash: builder.add_u64_field("hash", FAST),
        };
        (builder.build(), fields)
    }

    /// The fields of an existing index's schema, or the name of the first one missing.
    pub fn of(schema: &Schema) -> Result<Fields, String> {
        let field = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| format!("no `{name}` field"))
        };
        let entity_field = |name: &str| {
            let found = field(name)?;
            match schema.get_field_entry(found).is_fast() {
                true => Ok(found),
                false => Err(format!("no `{name}` facet column")),
            }
        };
        Ok(Fields {
            title: field("title")?,
            body: field("body")?,
            variant: field("variant")?,
            dateline: field("dateline")?,
            place: entity_field("place")?,
            agency: entity_field("agency")?,
            date: field("date")?,
            path: field("path")?,
            id: field("id")?,
            url: field("url")?,
            per: entity_field("per")?,
            loc: entity_field("loc")?,
            org: entity_field("org")?,
            source: field("source")?,
            size: field("size")?,
            modified: field("modified")?,
            hash: field("hash")?,
        })
    }

    /// The tantivy document for an article of the file `source`, stamped `stamp`.
    pub fn document(&self, article: &Article, source: &str, stamp: FileStamp) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.source, source);
        doc.add_u64(self.size, stamp.size);
        doc.add_u64(self.modified, stamp.modified);
        doc.add_u64(self.hash, stamp.hash);
        doc.add_text(self.title, &article.title);
        doc.add_text(self.body, &article.body);
        doc.add_text(self.variant, &article.title);
        doc.add_text(self.variant, &article.body);
        doc.add_text(self.path, &article.path);
        doc.add_u64(self.id, article_id(&article.path));
        if let Some(url) = &article.url {
            doc.add_text(self.url, url);
        }
        for (field, names) in self.entity_names(&article.entities) {
            for name in names {
                doc.add_text(field, name);
            }
        }
        if let Some(dateline) = &article.dateline {
            doc.add_text(self.dateline, &dateline.text);
            if let Some(place) = &dateline.place {
                doc.add_text(self.place, place);
            }
            if let Some(agency) = &dateline.agency {
                doc.add_text(self.agency, agency);
            }
            if let Some(date) = dateline.date {
                doc.add_date(self.date, to_tantivy_date(date));
            }
        }
        doc
    }

    /// Each entity field with the article's names of its kind.
    fn entity_names<'a>(&self, entities: &'a Entities) -> [(Field, &'a [String]); 3] {
        [
            (self.per, &entities.per),
            (self.loc, &entities.loc),
            (self.org, &entities.org),
        ]
    }

    /// The entities stored with a document.
    pub fn entities_of(&self, doc: &TantivyDocument) -> Entities {
        let all = |field| {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        Entities {
            per: all(self.per),
            loc: all(self.loc),
            org: all(self.org),
        }
    }

    /// The fields holding people, places and organisations.
    pub fn entity_fields(&self) -> [Field; 3] {
        [self.per, self.loc, self.org]
    }

    /// The field holding entities of `kind`.
    pub fn entity_field(&self, kind: EntityKind) -> Field {
        match kind {
            EntityKind::Per => self.per,
            EntityKind::Loc => self.loc,
            EntityKind::Org => self.org,
        }
    }

    /// The first text value of `field` in a stored document.
    pub fn text<'a>(&self, doc: &'a TantivyDocument, field: Field) -> Option<&'a str> {
        doc.get_first(field).and_then(|v| v.as_str())
    }

    /// The stored id of a document, as the API writes it: 16 hexadecimal digits.
    pub fn id_of(&self, doc: &TantivyDocument) -> String {
        let id = doc.get_first(self.id).and_then(|v| v.as_u64());
        id.map(id_text).unwrap_or_default()
    }

    /// The stored date of a document.
    pub fn date_of(&self, doc: &TantivyDocument) -> Option<NaiveDate> {
        let date = doc.get_first(self.date)?.as_datetime()?;
        chrono::DateTime::from_timestamp(date.into_timestamp_secs(), 0).map(|d| d.date_naive())
    }
}

/// A calendar date as a tantivy date (midnight UTC).
pub fn to_tantivy_date(date: NaiveDate) -> DateTime {
    let seconds = date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp();
    DateTime::from_timestamp_secs(seconds.clamp(-MAX_DATE_SECONDS, MAX_DATE_SECONDS))
}

/// The furthest from 1970 a date goes in seconds, either way: tantivy keeps nanoseconds in 64 bits
/// (years 1677 to 2262), so a date past them (`--from 9999-12-31`) is taken as the last it can
/// hold rather than wrapped round to the other end.
const MAX_DATE_SECONDS: i64 = i64::MAX / 1_000_000_000;

/// An article id as the API and exports write it: 16 hexadecimal digits.
pub fn id_text(id: u64) -> String {
    format!("{id:016x}")
}

/// The stable, opaque id of the article with source label `path` (a file, or `file:line`).
pub fn article_id(path: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(path.as_bytes())
}
