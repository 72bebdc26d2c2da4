//! Each mention's key numbered once, in the order keys are first written, so that the steps
//! after merging people index vectors by key number rather than hash key strings.

use crate::entities::mention::Mention;
use rustc_hash::FxHashMap;

/// The number of each mention's key, from 0 in the order keys are first written: the maps of
/// the steps after it are vectors indexed by key number rather than maps hashing strings.
pub struct KeyNumbers {
    /// Each mention's key number.
    pub of_mention: Vec<u32>,
    /// How many distinct keys there are.
    pub count: usize,
}

impl KeyNumbers {
    /// Numbers the keys of `mentions`.
    pub fn of(mentions: &[Mention]) -> KeyNumbers {
        // Sized at once: a map grown from nothing would rehash several times.
        let mut numbers: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
        let of_mention = mentions
            .iter()
            .map(|mention| {
                let next = numbers.len() as u32;
                *numbers.entry(mention.key.as_str()).or_insert(next)
            })
            .collect();
        KeyNumbers {
            of_mention,
            count: numbers.len(),
        }
    }
}

/// A distinct name written: its first mention and its key's number, which a shortened name
/// renamed to its long form takes from it.
pub struct Name {
    /// The first mention of the name.
    pub mention: Mention,
    /// The number of its key.
    pub key: u32,
}

/// The first mention of each key, in text order, and for each mention where its key's first
/// mention is among them.
pub fn distinct(mentions: Vec<Mention>, numbers: &KeyNumbers) -> (Vec<Name>, Vec<usize>) {
    let mut names = Vec::with_capacity(numbers.count);
    let mut name_at = Vec::with_capacity(mentions.len());
    for (mention, &key) in mentions.into_iter().zip(&numbers.of_mention) {
        // Keys are numbered in the order they are first written, so a key's first mention is the
        // next name.
        if key as usize == names.len() {
            names.push(Name { mention, key });
        }
        name_at.push(key as usize);
    }
    (names, name_at)
}
