//! Named-entity extraction: the people, places and organisations an article names, one
//! canonical form each, by rules and gazetteers (no model).
//!
//! Read from the top down: `lists/` is what is known before reading (gazetteer, word lists);
//! `token` and `doc` the article as tokens with their keys and tags; `mention` a name found;
//! `detect/` finds the mentions left to right; `resolve/` turns them into one entity per name.

mod detect;
mod doc;
mod judge;
mod key_map;
mod lists;
mod mention;
mod name_key;
mod resolve;
mod token;

#[cfg(test)]
mod tests;

use crate::article::{Article, Entities, EntityKind};
use std::cell::RefCell;

pub use name_key::name_key;

/// The people (`per`), places (`loc`) and organisations (`org`) named in an article's title and
/// body: one canonical form per entity, sorted by name key.
pub fn extract(title: &str, body: &str) -> Entities {
    let mut text = SPARE_TEXT.try_with(RefCell::take).unwrap_or_default();
    text.clear();
    text.push_str(title);
    text.push('\n');
    text.push_str(body);
    let entities = {
        let doc = doc::Doc::new(&text);
        let mentions = detect::detect(&doc);
        resolve::resolve(&doc, mentions)
    };
    if text.capacity() <= MAX_KEPT_TEXT {
        let _ = SPARE_TEXT.try_with(|spare| spare.replace(text));
    }
    entities
}

/// The longest article text a thread keeps the room of for its next article.
const MAX_KEPT_TEXT: usize = 1 << 22;

thread_local! {
    /// The room of the thread's last article text, for its next one.
    static SPARE_TEXT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The name a listed place or organisation goes by, when `name` is one of the gazetteer's names
/// for it, whatever the case and accents: `Le Figaro` for `figaro`, `La République en marche` for
/// `LREM`. Extraction names listed entities so.
pub fn listed_form(name: &str) -> Option<&'static str> {
    let entry = lists::GAZETTEER.get(&name_key(name))?;
    Some(lists::GAZETTEER.name_of(entry.group).0)
}

/// The name extraction gives the listed place or organisation `name` is an alias of, when it is
/// another name than `name` (case and accents aside): `La République en marche` for `LREM`, none
/// for `Union européenne` itself. Searches for `name` look for it as well.
pub fn other_listed_name(name: &str) -> Option<&'static str> {
    listed_form(name).filter(|listed| name_key(listed) != name_key(name))
}

/// A name the rules propose for an article, with the features the judge weighs: what
/// `examples/train_entities.rs` learns the judge's weights from.
pub struct Proposal {
    /// The name, as extraction would give it.
    pub form: String,
    /// The kind the rules gave it.
    pub kind: EntityKind,
    /// Whether the judge weighs it (otherwise the rules' kind stands).
    pub judged: bool,
    /// The judge's features of it.
    pub features: Vec<String>,
}

/// Every name the rules propose for an article, before the judge decides.
pub fn proposals(title: &str, body: &str) -> Vec<Proposal> {
    let text = format!("{title}\n{body}");
    let doc = doc::Doc::new(&text);
    let mut buffer = String::new();
    let candidates = resolve::candidates(&doc, detect::detect(&doc));
    candidates
        .seen()
        .map(|seen| {
            let mut features = Vec::new();
            judge::features(&doc, &seen, &mut buffer, &mut |f| {
                features.push(f.to_string())
            });
            Proposal {
                form: seen.form.to_string(),
                kind: seen.kind.into(),
                judged: judge::is_judged(&seen),
                features,
            }
        })
        .collect()
}

/// Judge weights as `weights.tsv` holds them: for the trainer to score the weights it has just
/// learnt exactly as extraction will.
pub struct JudgeWeights(judge::Weights);

impl JudgeWeights {
    /// Reads weights written as `weights.tsv` is.
    pub fn parse(tsv: &str) -> JudgeWeights {
        JudgeWeights(judge::Weights::parse(tsv))
    }

    /// The kind extraction gives `proposal` under these weights; `None` when it drops it.
    pub fn decide(&self, proposal: &Proposal) -> Option<EntityKind> {
        if !proposal.judged {
            return Some(proposal.kind);
        }
        let mut scores = [0.0; judge::ANSWERS];
        for feature in &proposal.features {
            self.0.add(feature, &mut scores);
        }
        judge::decide(&self.0, &scores, proposal.kind.into()).map(EntityKind::from)
    }
}

/// Fills in an article's entities from its title and body.
pub fn annotate(article: &mut Article) {
    article.entities = extract(&article.title, &article.body);
}
