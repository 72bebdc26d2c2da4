//! Variant keys: a capitalised word folded so that the French and the English or international
//! spellings of a foreign name meet (`Poutine` and `Putin`, `Loukachenko` and `Lukashenko`), and
//! the tokenizer that indexes them.

use super::fold::fold_accents;
use compact_str::CompactString;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The variant key of `word`: lowercased and folded to ASCII letters and digits, then
/// - `sch`, `tch` and `sh` → `ch`; `kh` → `k`; `dh` → `d`; `ph` → `f`; `dj` and `zh` → `j`;
/// - `ou`, and `ow` at the end, → `u`; `y` → `i`;
/// - `qu`, `q`, `ck`, and `c` before anything but `e`, `i`, `y` or `h`, → `k`;
/// - doubled letters once;
/// - a final `s`, then final vowels, dropped while three letters are left.
pub fn variant_key(word: &str) -> String {
    let mut key = sounds(word);
    if key.len() > 3 && key.ends_with(b"s") {
        key.pop();
    }
    while key.len() > 3 && key.last().is_some_and(|l| b"aeiou".contains(l)) {
        key.pop();
    }
    key.into_iter().map(char::from).collect()
}

/// The key of `word` as [`variant_key`] makes it, but with only a mute ending dropped (a final
/// `s`, then a final `e`): two words with one such key are one name written two ways (`Poutine`
/// and `Putin` give `putin`), while words whose variant keys meet only once their vowels are
/// dropped are other words (`Francia` and `France`).
pub fn sound_key(word: &str) -> String {
    let mut key = sounds(word);
    for mute in [b's', b'e'] {
        if key.len() > 3 && key.last() == Some(&mute) {
            key.pop();
        }
    }
    key.into_iter().map(char::from).collect()
}

/// The letters of `word` as a variant key writes them, before its ending is dropped.
fn sounds(word: &str) -> Vec<u8> {
    let folded = fold_accents(&word.to_lowercase());
    let letters: Vec<u8> = folded.bytes().filter(u8::is_ascii_alphanumeric).collect();
    let mut key: Vec<u8> = Vec::with_capacity(letters.len());
    let mut at = 0;
    while at < letters.len() {
        let (sound, used) = sound_at(&letters[at..]);
        for &letter in sound {
            if key.last() != Some(&letter) {
                key.push(letter);
            }
        }
        at += used;
    }
    key
}

/// The letters that the start of `rest` stands for in a key, and how many letters of `rest`
/// they take.
fn sound_at(rest: &[u8]) -> (&[u8], usize) {
    match rest {
        [b's' | b't', b'c', b'h', ..] => (b"ch", 3),
        [b's', b'h', ..] => (b"ch", 2),
        [b'k', b'h', ..] => (b"k", 2),
        [b'd', b'h', ..] => (b"d", 2),
        [b'p', b'h', ..] => (b"f", 2),
        [b'd', b'j', ..] | [b'z', b'h', ..] => (b"j", 2),
        [b'o', b'u', ..] | [b'o', b'w'] => (b"u", 2),
        [b'q', b'u', ..] | [b'c', b'k', ..] => (b"k", 2),
        [b'q', ..] => (b"k", 1),
        [b'c', next, ..] if !matches!(next, b'e' | b'i' | b'y' | b'h') => (b"k", 1),
        [b'c'] => (b"k", 1),
        [b'y', ..] => (b"i", 1),
        _ => (&rest[..1], 1),
    }
}

/// Splits text into words as [`tantivy::tokenizer::SimpleTokenizer`] does (runs of letters and
/// digits) and keeps those that start with a capital, each as its variant key: the words a name
/// may be, wherever they stand in a sentence. Other words are stepped over without being copied.
#[derive(Clone, Copy, Debug, Default)]
pub struct VariantTokenizer;

/// The token stream of [`VariantTokenizer`].
pub struct VariantStream<'a> {
    text: &'a str,
    /// The byte where the next word is looked for.
    at: usize,
    token: Token,
}

impl Tokenizer for VariantTokenizer {
    type TokenStream<'a> = VariantStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VariantStream<'a> {
        VariantStream {
            text,
            at: 0,
            token: Token::default(),
        }
    }
}

impl VariantStream<'_> {
    /// The character at byte `at` and its length, read byte-wise when it is ASCII.
    fn char_at(&self, at: usize) -> Option<(char, usize)> {
        let byte = *self.text.as_bytes().get(at)?;
        if byte.is_ascii() {
            return Some((char::from(byte), 1));
        }
        let c = self.text.get(at..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    /// Whether the character before byte `at` is a letter or a digit: a capital there is inside
    /// a word (`McDonald`, `7G`).
    fn follows_word(&self, at: usize) -> bool {
        let before = self
            .text
            .get(..at)
            .and_then(|text| text.chars().next_back());
        before.is_some_and(char::is_alphanumeric)
    }

    /// The end of the run of letters and digits from byte `at`.
    fn word_end(&self, mut at: usize) -> usize {
        while let Some((c, len)) = self.char_at(at) {
            if !c.is_alphanumeric() {
                break;
            }
            at += len;
        }
        at
    }
}

impl TokenStream for VariantStream<'_> {
    /// Steps from one capital to the next (an ASCII capital or the lead byte of another
    /// character), keeping those that start a word.
    fn advance(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        while let Some(found) = bytes.get(self.at..).and_then(|rest| {
            rest.iter()
                .position(|&b| b.is_ascii_uppercase() || b >= 0xC0)
        }) {
            let start = self.at + found;
            let Some((c, len)) = self.char_at(start) else {
                break;
            };
            self.at = start + len;
            if !c.is_uppercase() || self.follows_word(start) {
                continue;
            }
            let end = self.word_end(self.at);
            self.at = end;
            if end - start > MAX_KEYED_BYTES {
                continue;
            }
            self.token.text.clear();
            KEYS.with_borrow_mut(|keys| keys.append(&self.text[start..end], &mut self.token.text));
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.token.position.wrapping_add(1);
            return true;
        }
        self.at = bytes.len();
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The longest word given a key, in bytes (longer ones are URLs and other junk).
const MAX_KEYED_BYTES: usize = 40;

/// How many distinct words a thread remembers the keys of before starting afresh.
const CACHE_WORDS: usize = 100_000;

thread_local! {
    static KEYS: RefCell<KeyCache> = RefCell::new(KeyCache::default());
}

/// Word → its variant key, bounded: names repeat from one article to the next. Both are kept
/// inline (up to 24 bytes), so that a lookup reads no string elsewhere in memory.
#[derive(Default)]
struct KeyCache(FxHashMap<CompactString, CompactString>);

impl KeyCache {
    /// Appends the variant key of `word` to `out`.
    fn append(&mut self, word: &str, out: &mut String) {
        if let Some(key) = self.0.get(word) {
            out.push_str(key);
            return;
        }
        if self.0.len() >= CACHE_WORDS {
            self.0.clear();
        }
        let key = variant_key(word);
        out.push_str(&key);
        self.0
            .insert(CompactString::from(word), CompactString::from(key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_international_spellings_share_a_key() {
        let cases = [
            ("Poutine", "Putin", "putin"),
            ("Loukachenko", "Lukashenko", "lukachenk"),
            ("Tchernobyl", "Chernobyl", "chernobil"),
            ("Zelensky", "Zelenskyy", "zelensk"),
            ("Ouïghours", "Uighurs", "uighur"),
            ("Sotchi", "Sochi", "soch"),
            ("Moscou", "Moscow", "mosk"),
            ("Mossoul", "Mosul", "mosul"),
            ("Crimée", "Crimea", "krim"),
            ("Coran", "Koran", "koran"),
            ("Mecque", "Mecca", "mek"),
            ("Marrakech", "Marrakesh", "marakech"),
            ("Vostotchny", "Vostochny", "vostochn"),
            ("Djokovic", "Jokovic", "jokovik"),
            ("Joukov", "Zhukov", "jukov"),
            ("Moubarak", "Mubarak", "mubarak"),
            ("Philippe", "Filip", "filip"),
        ];
        for (french, other, key) in cases {
            assert_eq!(variant_key(french), key, "{french}");
            assert_eq!(variant_key(other), key, "{other}");
        }
    }

    #[test]
    fn close_spellings_keep_keys_one_edit_apart() {
        let cases = [
            ("Kadhafi", "kadaf", "Gaddafi", "gadaf"),
            ("Téhéran", "teheran", "Tehran", "tehran"),
            ("Kiev", "kiev", "Kyiv", "kiv"),
        ];
        for (french, french_key, other, other_key) in cases {
            assert_eq!(variant_key(french), french_key, "{french}");
            assert_eq!(variant_key(other), other_key, "{other}");
        }
    }

    #[test]
    fn sound_keys_keep_all_but_a_mute_ending() {
        let cases = [
            ("Poutine", "putin"),
            ("Putin", "putin"),
            ("Netanyahou", "netaniahu"),
            ("Netanyahu", "netaniahu"),
            ("Francia", "francia"),
            ("France", "franc"),
            ("Bamakos", "bamako"),
        ];
        for (word, expected) in cases {
            assert_eq!(sound_key(word), expected, "{word}");
        }
    }

    #[test]
    fn keys_keep_three_letters() {
        let cases = [
            ("Lyon", "lion"),
            ("Rio", "rio"),
            ("Paris", "par"),
            ("Nice", "nic"),
        ];
        for (word, key) in cases {
            assert_eq!(variant_key(word), key, "{word}");
        }
    }

    #[test]
    fn only_capitalised_words_are_indexed() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Selon Vladimir Poutine, la Crimée reste russe",
                &[
                    ("Selon", "selon"),
                    ("Vladimir", "vladimir"),
                    ("Poutine", "putin"),
                    ("Crimée", "krim"),
                ],
            ),
            (
                "l'Ouïghour d'Ürümqi",
                &[("Ouïghour", "uighur"), ("Ürümqi", "urumk")],
            ),
            ("sans nom", &[]),
            (
                "G7 Kim Jong-un",
                &[("G7", "g7"), ("Kim", "kim"), ("Jong", "jong")],
            ),
            (
                "McDonald 7G «Élysée»",
                &[("McDonald", "mkdonald"), ("Élysée", "elis")],
            ),
        ];
        for (text, expected) in cases {
            let mut tokenizer = VariantTokenizer;
            let mut stream = tokenizer.token_stream(text);
            let mut keys = Vec::new();
            while let Some(token) = stream.next() {
                keys.push((
                    &text[token.offset_from..token.offset_to],
                    token.text.clone(),
                ));
            }
            let keys: Vec<(&str, &str)> = keys.iter().map(|(w, k)| (*w, k.as_str())).collect();
            assert_eq!(keys, *expected, "{text}");
        }
    }
}
