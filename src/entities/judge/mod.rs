//! The judge: a small linear model, trained on annotated articles (`tests/data/`), that weighs
//! the names the rules typed on weak evidence (the shape of a run of capitals, a lone word, an
//! acronym) or could not type at all, and keeps each, gives it another kind, or drops it. Besides
//! the name and its context it reads word clusters and a list of the world's towns (`tables`).
//! Names the gazetteer lists, a head word or a person cue types stay as the rules say: weighing
//! them too gained nothing on held-out articles and lost names a reader expects.

mod features;
mod tables;
mod weights;

use crate::entities::doc::Doc;
use crate::entities::mention::{Evidence, Kind};
pub use features::{Seen, features};
pub use weights::{ANSWERS, WEIGHTS, Weights};

/// The answers, in the order of the weights.
const KINDS: [Option<Kind>; ANSWERS] = [Some(Kind::Per), Some(Kind::Loc), Some(Kind::Org), None];

/// The kind `weights` give the candidate `seen`, or `None` to drop it.
pub fn judge(weights: &Weights, doc: &Doc, seen: &Seen, buffer: &mut String) -> Option<Kind> {
    if !is_judged(seen) {
        return Some(seen.kind);
    }
    let mut scores = [0.0; ANSWERS];
    features(doc, seen, buffer, &mut |f| weights.add(f, &mut scores));
    decide(weights, &scores, seen.kind)
}

/// The best-scored answer; the rules' kind when there are no weights.
pub fn decide(weights: &Weights, scores: &[f32; ANSWERS], rules: Kind) -> Option<Kind> {
    if weights.is_empty() {
        return Some(rules);
    }
    let best = (0..ANSWERS).fold(0, |best, at| match scores[at] > scores[best] {
        true => at,
        false => best,
    });
    KINDS[best]
}

/// Whether the judge weighs `seen`: a name no mention of which the gazetteer lists, a head word
/// or a person cue types.
pub fn is_judged(seen: &Seen) -> bool {
    !seen
        .mentions
        .iter()
        .any(|m| matches!(m.2, Evidence::Listed(..) | Evidence::Headed | Evidence::Cue))
}
