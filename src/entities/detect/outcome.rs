//! What reading a span gives: the mentions found and where to read on, and the mention made of
//! a run of tokens.

use crate::entities::doc::Doc;
use crate::entities::mention::{Evidence, Kind, Mention};
use smallvec::{SmallVec, smallvec};

/// What reading a span gave: the mentions found, and where to read on.
pub struct Outcome {
    /// The mentions found, usually none or one: one is held in place, without a list allocated
    /// for it.
    pub mentions: SmallVec<[Mention; 1]>,
    /// The token to read on from.
    pub next: usize,
}

impl Outcome {
    /// Nothing here: read on from `next`.
    pub fn skip(next: usize) -> Outcome {
        Outcome {
            mentions: SmallVec::new(),
            next,
        }
    }

    /// A mention of tokens `start..end`, of kind `kind` (`None`: the article decides).
    pub fn found(
        doc: &Doc,
        start: usize,
        end: usize,
        kind: Option<Kind>,
        evidence: Evidence,
    ) -> Outcome {
        Outcome {
            mentions: smallvec![mention(doc, start, end, kind, evidence)],
            next: end,
        }
    }
}

/// The mention of tokens `start..end`, written as in the text. A single word's key is its
/// token's, already folded.
pub fn mention(
    doc: &Doc,
    start: usize,
    end: usize,
    kind: Option<Kind>,
    evidence: Evidence,
) -> Mention {
    let form = doc.form(start, end);
    let key = match end - start {
        1 => doc.key(start).into_owned(),
        _ => crate::entities::name_key(&form),
    };
    Mention {
        form,
        key,
        kind,
        evidence,
        start,
        end,
    }
}

/// The mention of tokens `start..end` under the name `form`.
pub fn named(
    form: String,
    start: usize,
    end: usize,
    kind: Option<Kind>,
    evidence: Evidence,
) -> Mention {
    Mention {
        key: crate::entities::name_key(&form),
        form,
        kind,
        evidence,
        start,
        end,
    }
}
