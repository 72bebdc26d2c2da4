//! Named-entity extraction: the people, places and organisations an article names, one
//! canonical form each, by rules and gazetteers (no model).

mod acronym;
mod classify;
mod cues;
mod detect;
mod doc;
mod gazetteer;
mod headed;
mod lexicon;
mod listed;
mod mention;
mod name_key;
mod people;
mod person;
mod resolve;
mod span;
mod token;

#[cfg(test)]
mod tests;

use crate::article::{Article, Entities};

pub use name_key::name_key;

/// The people (`per`), places (`loc`) and organisations (`org`) named in an article's title and
/// body: one canonical form per entity, sorted by name key.
pub fn extract(title: &str, body: &str) -> Entities {
    let mut text = String::with_capacity(title.len() + 1 + body.len());
    text.push_str(title);
    text.push('\n');
    text.push_str(body);
    let doc = doc::Doc::new(&text);
    let mentions = detect::detect(&doc);
    resolve::resolve(&doc, mentions)
}

/// The name a listed place or organisation goes by, when `name` is one of the gazetteer's names
/// for it, whatever the case and accents: `Le Figaro` for `figaro`, `La République en marche` for
/// `LREM`. Extraction names listed entities so.
pub fn listed_form(name: &str) -> Option<&'static str> {
    let entry = gazetteer::GAZETTEER.get(&name_key(name))?;
    Some(gazetteer::GAZETTEER.name_of(entry.group).0)
}

/// Fills in an article's entities from its title and body.
pub fn annotate(article: &mut Article) {
    article.entities = extract(&article.title, &article.body);
}
