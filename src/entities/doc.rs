//! The article being read: its text and tokens, with the small questions asked of a token.

use super::lexicon::{LEXICON, List, Tags};
use super::name_key::{append_key, name_key};
use super::token::{Punct, Shape, Token, tokenize};
use std::borrow::Cow;
use std::cell::Cell;

/// Where a token's key is: its own text (a plain lowercase word, a sign, or past 4 GB of keys),
/// in `Doc::folded` (capitalised words), or nowhere yet (other lowercase words, whose key is
/// rarely asked for).
#[derive(Clone, Copy)]
enum KeyAt {
    Text,
    Folded(u32, u32),
    Unfolded,
}

/// An article's text and its tokens.
pub struct Doc<'a> {
    /// The text: title, a line break, then the body.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// The keys of the tokens whose key is not their text, one after the other.
    folded: String,
    /// Where each token's key is.
    keys: Vec<KeyAt>,
    /// The word lists each token is on, looked up when first asked for.
    tags: Vec<Cell<Option<Tags>>>,
}

impl<'a> Doc<'a> {
    /// Tokenises `text`.
    pub fn new(text: &'a str) -> Doc<'a> {
        let tokens = tokenize(text);
        let mut folded = String::with_capacity(text.len() / 4);
        let keys = tokens
            .iter()
            .map(|token| key_at(text, token, &mut folded))
            .collect();
        let tags = vec![Cell::new(None); tokens.len()];
        Doc {
            text,
            tokens,
            folded,
            keys,
            tags,
        }
    }

    /// The text of token `at`, empty past the end.
    pub fn word(&self, at: usize) -> &'a str {
        self.tokens.get(at).map_or("", |t| t.text(self.text))
    }

    /// The name key of token `at`, empty past the end.
    pub fn key(&self, at: usize) -> Cow<'_, str> {
        match self.keys.get(at) {
            Some(KeyAt::Text) => Cow::Borrowed(self.word(at)),
            Some(&KeyAt::Folded(start, end)) => {
                Cow::Borrowed(&self.folded[start as usize..end as usize])
            }
            Some(KeyAt::Unfolded) => Cow::Owned(name_key(self.word(at))),
            None => Cow::Borrowed(""),
        }
    }

    /// Whether token `at` is a word on `list`.
    pub fn is(&self, at: usize, list: List) -> bool {
        let Some(cell) = self.tags.get(at) else {
            return false;
        };
        let tags = cell.get().unwrap_or_else(|| {
            let tags = LEXICON.tags(&self.key(at));
            cell.set(Some(tags));
            tags
        });
        tags.has(list)
    }

    /// The shape of token `at`; a line break past the end.
    pub fn shape(&self, at: usize) -> Shape {
        self.tokens
            .get(at)
            .map_or(Shape::Punct(Punct::Break), |t| t.shape)
    }

    /// Whether token `at` starts with a capital and may be part of a name: not a sentence start.
    pub fn is_inner_capital(&self, at: usize) -> bool {
        self.tokens
            .get(at)
            .is_some_and(|t| t.is_capital() && !t.sentence_start)
    }

    /// Whether token `at` starts with a capital.
    pub fn is_capital(&self, at: usize) -> bool {
        self.tokens.get(at).is_some_and(Token::is_capital)
    }

    /// Whether token `at` opens a sentence.
    pub fn starts_sentence(&self, at: usize) -> bool {
        self.tokens.get(at).is_some_and(|t| t.sentence_start)
    }

    /// Whether token `at` is a lowercase word on `list`.
    pub fn is_lower_in(&self, at: usize, list: List) -> bool {
        self.shape(at) == Shape::Lower && self.is(at, list)
    }

    /// Whether token `at` is one of `words`, as written.
    pub fn is_one_of(&self, at: usize, words: &[&str]) -> bool {
        at < self.tokens.len() && words.contains(&self.word(at))
    }

    /// Whether token `at` is the elision of `letter` (`d'`, `l’`), in lowercase.
    pub fn is_elided(&self, at: usize, letter: char) -> bool {
        self.shape(at) == Shape::Elision && self.word(at).starts_with(letter)
    }

    /// Whether token `at` is the punctuation `mark`.
    pub fn is_mark(&self, at: usize, mark: &str) -> bool {
        self.tokens.get(at).is_some_and(|t| t.is_punct()) && self.word(at) == mark
    }

    /// The text of tokens `start..end`, whitespace runs collapsed to one space.
    pub fn form(&self, start: usize, end: usize) -> String {
        let raw = &self.text[self.tokens[start].start..self.tokens[end - 1].end];
        if raw.contains(['\n', '\t', '\u{a0}']) || raw.contains("  ") {
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            raw.to_string()
        }
    }
}

/// Where the key of `token` is, folding it into `folded` when it is a capitalised word.
fn key_at(text: &str, token: &Token, folded: &mut String) -> KeyAt {
    let word = token.text(text);
    match token.shape {
        _ if token.plain => return KeyAt::Text,
        Shape::Punct(_) => return KeyAt::Text,
        Shape::Lower => return KeyAt::Unfolded,
        Shape::Elision if word.starts_with(char::is_lowercase) => return KeyAt::Unfolded,
        _ => {}
    }
    let start = folded.len();
    append_key(folded, word);
    match (u32::try_from(start), u32::try_from(folded.len())) {
        (Ok(start), Ok(end)) => KeyAt::Folded(start, end),
        _ => KeyAt::Text,
    }
}
