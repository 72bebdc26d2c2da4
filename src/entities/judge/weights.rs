//! The judge's weights: for each feature, one weight per answer (person, place, organisation,
//! no entity), read once from `weights.tsv`, which `cargo run --release --example
//! train_entities` writes from the annotated articles of `tests/data/`.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::sync::LazyLock;

/// The answers, in the order of each feature's weights.
pub const ANSWERS: usize = 4;

/// The weights the build embeds.
pub static WEIGHTS: LazyLock<Weights> =
    LazyLock::new(|| Weights::parse(include_str!("weights.tsv")));

/// Weights by feature hash.
#[derive(Default)]
pub struct Weights {
    by_feature: FxHashMap<u64, [f32; ANSWERS]>,
}

impl Weights {
    /// Reads `feature<TAB>w_per w_loc w_org w_none` lines; `#` lines and malformed lines are
    /// skipped.
    pub fn parse(text: &str) -> Weights {
        let by_feature = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (feature, weights) = line.split_once('\t')?;
                let mut answers = [0.0; ANSWERS];
                let mut values = weights.split(' ').map(str::parse::<f32>);
                for answer in &mut answers {
                    *answer = values.next()?.ok()?;
                }
                Some((hash(feature), answers))
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
        if let Some(weights) = self.by_feature.get(&hash(feature)) {
            for (score, weight) in scores.iter_mut().zip(weights) {
                *score += weight;
            }
        }
    }
}

/// A feature's hash.
fn hash(feature: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(feature.as_bytes());
    hasher.finish()
}
