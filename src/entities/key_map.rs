//! Maps by word or feature key that keep a 64-bit hash of each key instead of the key itself: a
//! lookup hashes the key once and compares two numbers, with no string to follow and compare.
//! Two different keys of the word lists with one hash would make one of them answer for the
//! other; the tests of each map check that none of its keys do.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// A value by the hash of its key.
pub type KeyMap<V> = FxHashMap<u64, V>;

/// The hash `KeyMap`s keep of `key`.
pub fn key_hash(key: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(key.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_differ_by_a_letter_or_a_space_hash_apart() {
        let keys = [
            "paris", "paris ", "pari", "sparis", "le mans", "lemans", "", " ",
        ];
        let hashes: std::collections::HashSet<u64> = keys.iter().map(|k| key_hash(k)).collect();
        assert_eq!(hashes.len(), keys.len());
        assert_eq!(key_hash("paris"), key_hash(&String::from("paris")));
    }
}
