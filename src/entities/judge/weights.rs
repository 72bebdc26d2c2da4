//! The judge's weights: for each feature, one weight per answer (person, place, organisation,
//! no entity), read once from `weights.tsv`, which `cargo run --release --example
//! train_entities` writes from the annotated articles of `tests/data/`.

use super::tables::entries;
use crate::entities::key_map::{KeyMap, key_hash};
use std::sync::LazyLock;

/// The answers, in the order of each feature's weights.
pub const ANSWERS: usize = 4;

/// The weights the build embeds.
pub static WEIGHTS: LazyLock<Weights> = LazyLock::new(|| Weights::parse(WEIGHTS_TSV));

/// The embedded weights, `feature<TAB>w_per w_loc w_org w_none`.
const WEIGHTS_TSV: &str = include_str!("weights.tsv");

/// Weights by feature hash.
#[derive(Default)]
pub struct Weights {
    by_feature: KeyMap<[f32; ANSWERS]>,
}

impl Weights {
    /// Reads `feature<TAB>w_per w_loc w_org w_none` lines (see `tables::entries`); lines whose
    /// weights are malformed are skipped.
    pub fn parse(text: &str) -> Weights {
        let by_feature = entries(text)
            .filter_map(|(feature, weights)| {
                let mut answers = [0.0; ANSWERS];
                let mut values = weights.split(' ').map(str::parse::<f32>);
                for answer in &mut answers {
                    *answer = values.next()?.ok()?;
                }
                Some((key_hash(feature), answers))
            })
            .collect();
        Weights { by_feature }
    }

    /// Whether there are no weights at all.
    pub fn is_empty(&self) -> bool {
        self.by_feature.is_empty()
    }

    /// Adds the weights of `feature` to `scores`.
    pub fn add(&self, feature: &str, scores: &mut [f32; ANSWERS]) {
        if let Some(weights) = self.by_feature.get(&key_hash(feature)) {
            for (score, weight) in scores.iter_mut().zip(weights) {
                *score += weight;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_embedded_features_share_a_hash() {
        let features = WEIGHTS_TSV
            .lines()
            .filter(|line| !line.starts_with('#'))
            .count();
        assert_eq!(WEIGHTS.by_feature.len(), features);
    }

    #[test]
    fn adds_the_weights_of_known_features_only() {
        let weights = Weights::parse("# comment\nb|p\t1 2 3 4\nbroken\t1 x\n");
        let mut scores = [0.0; ANSWERS];
        weights.add("b|p", &mut scores);
        weights.add("b|o", &mut scores);
        weights.add("broken", &mut scores);
        assert_eq!(scores, [1.0, 2.0, 3.0, 4.0]);
    }
}
