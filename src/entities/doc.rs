//! The article being read: its text and tokens, with the small questions asked of a token.

use super::lists::{GAZETTEER, LEXICON, Lexicon, List, Tags};
use super::name_key::{append_key, name_key};
use super::token::{Punct, Shape, Token, tokenize_into};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// An article's text and its tokens. Its buffers are kept for the thread's next article when it
/// is dropped, so that reading an article allocates none of them afresh.
pub struct Doc<'a> {
    /// The text: title, a line break, then the body.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// The keys of the capitalised tokens, one after the other.
    folded: String,
    /// For each capitalised token, where its key is in `folded` (`(0, 0)` for other tokens, and
    /// past 4 GB of keys).
    folded_at: Vec<(u32, u32)>,
    /// The word lists each token is on, looked up when first asked for (`UNKNOWN` until then).
    tags: Vec<Cell<u32>>,
    /// The tokens a name may start at, in order: capitals, capitalised elisions and lowercase
    /// head words (`ministère`). A name starts at no other token.
    starts: Vec<u32>,
}

/// A token's tags not looked up yet: a bit no list uses.
const UNKNOWN: u32 = 1 << 31;

/// The most tokens whose buffers a thread keeps for its next article: a list of millions of
/// names does not hold on to hundreds of megabytes.
const MAX_KEPT_TOKENS: usize = 1 << 20;

/// The buffers of a `Doc`, emptied.
#[derive(Default)]
struct Buffers {
    tokens: Vec<Token>,
    folded: String,
    folded_at: Vec<(u32, u32)>,
    tags: Vec<Cell<u32>>,
    starts: Vec<u32>,
}

thread_local! {
    /// Where the key of a word looked up once is folded.
    static KEY_BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
    /// The buffers of the thread's last article, for its next one.
    static SPARE: RefCell<Buffers> = RefCell::new(Buffers::default());
}

impl<'a> Doc<'a> {
    /// Tokenises `text`.
    pub fn new(text: &'a str) -> Doc<'a> {
        let Buffers {
            mut tokens,
            mut folded,
            mut folded_at,
            mut tags,
            mut starts,
        } = SPARE.try_with(|spare| spare.take()).unwrap_or_default();
        // Where a name may start is settled as each token is pushed, in the tokeniser's pass;
        // then only those tokens are visited for their keys.
        starts.clear();
        let lexicon = &*LEXICON;
        tokenize_into(text, &mut tokens, |token, at| {
            if starts_name(token, text, lexicon) {
                starts.push(at);
            }
        });
        folded.clear();
        folded_at.clear();
        folded_at.resize(tokens.len(), (0, 0));
        for &at in &starts {
            let token = &tokens[at as usize];
            if is_worth_folding(token, text) {
                let start = folded.len();
                append_key(&mut folded, token.text(text));
                if let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(folded.len())) {
                    folded_at[at as usize] = (start, end);
                }
            }
        }
        tags.clear();
        tags.resize(tokens.len(), Cell::new(UNKNOWN));
        Doc {
            text,
            tokens,
            folded,
            folded_at,
            tags,
            starts,
        }
    }

    /// The tokens a name may start at, in order; a name starts at no other.
    pub fn name_starts(&self) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.starts.iter().map(|&at| at as usize)
    }

    /// The text of token `at`, empty past the end.
    pub fn word(&self, at: usize) -> &'a str {
        self.tokens.get(at).map_or("", |t| t.text(self.text))
    }

    /// The name key of token `at`, empty past the end.
    pub fn key(&self, at: usize) -> Cow<'_, str> {
        match self.kept_key(at) {
            Some(key) => Cow::Borrowed(key),
            None => Cow::Owned(name_key(self.word(at))),
        }
    }

    /// Appends the name key of token `at` to `key`, folding it there if it was not kept.
    pub fn append_key(&self, at: usize, key: &mut String) {
        match self.kept_key(at) {
            Some(kept) => key.push_str(kept),
            None => append_key(key, self.word(at)),
        }
    }

    /// The key of token `at` when it needs no folding now: a sign's or a plain word's (itself),
    /// a key folded once and kept, or the empty key past the end.
    fn kept_key(&self, at: usize) -> Option<&str> {
        let Some(token) = self.tokens.get(at) else {
            return Some("");
        };
        if token.plain || token.is_punct() {
            return Some(self.word(at));
        }
        match self.folded_at[at] {
            (0, 0) => None,
            (start, end) => Some(&self.folded[start as usize..end as usize]),
        }
    }

    /// Whether token `at` is a word on `list`.
    pub fn is(&self, at: usize, list: List) -> bool {
        let Some(cell) = self.tags.get(at) else {
            return false;
        };
        let mut tags = cell.get();
        if tags == UNKNOWN {
            tags = self.look_up(at).bits();
            cell.set(tags);
        }
        Tags::from_bits(tags).has(list)
    }

    /// The lists token `at` is on, looked up by its key (a sign is on none); a key not kept (an
    /// accented lowercase word's) is folded into a buffer reused from word to word instead of a
    /// new string.
    fn look_up(&self, at: usize) -> Tags {
        if self.tokens.get(at).is_none_or(Token::is_punct) {
            return Tags::default();
        }
        if let Some(key) = self.kept_key(at) {
            return LEXICON.tags(key);
        }
        KEY_BUFFER.with_borrow_mut(|key| {
            key.clear();
            append_key(key, self.word(at));
            LEXICON.tags(key)
        })
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

    /// Whether token `at` is `de`, `du`, `des` or `d'` in lowercase: the link of `maire de
    /// Nîmes`, `boson de Higgs`, `place d'Italie`.
    pub fn is_of(&self, at: usize) -> bool {
        self.is_de(at) || self.is_one_of(at, &["du", "des"])
    }

    /// Whether token `at` is `de` or `d'` in lowercase: the particle of `Philippe de Villiers`,
    /// the link of `agence de presse`.
    pub fn is_de(&self, at: usize) -> bool {
        self.is_one_of(at, &["de"]) || self.is_elided(at, 'd')
    }

    /// Whether token `at` is the punctuation `mark`.
    pub fn is_mark(&self, at: usize, mark: &str) -> bool {
        self.tokens.get(at).is_some_and(|t| t.is_punct()) && self.word(at) == mark
    }

    /// The text of tokens `start..end`, whitespace runs collapsed to one space.
    pub fn form(&self, start: usize, end: usize) -> String {
        let raw = &self.text[self.tokens[start].start as usize..self.tokens[end - 1].end as usize];
        if has_spacing_to_collapse(raw) {
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            raw.to_string()
        }
    }
}

impl Drop for Doc<'_> {
    /// Keeps the buffers for the thread's next article, unless they grew past `MAX_KEPT_TOKENS`.
    fn drop(&mut self) {
        if self.tokens.capacity() > MAX_KEPT_TOKENS {
            return;
        }
        let buffers = Buffers {
            tokens: std::mem::take(&mut self.tokens),
            folded: std::mem::take(&mut self.folded),
            folded_at: std::mem::take(&mut self.folded_at),
            tags: std::mem::take(&mut self.tags),
            starts: std::mem::take(&mut self.starts),
        };
        let _ = SPARE.try_with(|spare| spare.replace(buffers));
    }
}

/// Whether `raw` holds a line break, a tab, a no-break space or two spaces in a row, in one pass
/// over its bytes.
fn has_spacing_to_collapse(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'\n' | b'\t' => true,
        b' ' => bytes.get(at + 1) == Some(&b' '),
        0xC2 => bytes.get(at + 1) == Some(&0xA0),
        _ => false,
    })
}

/// Whether a name may start at a token: a capital, a capitalised elision like `L'Oréal`, a word
/// shaped like a lowercase head such as `ministère`.
#[inline(always)]
fn starts_name(token: &Token, text: &str, lexicon: &Lexicon) -> bool {
    match token.shape {
        Shape::Capitalised | Shape::Upper | Shape::Initial => true,
        Shape::Elision => token.text(text).starts_with(char::is_uppercase),
        Shape::Lower => {
            let bytes = &text.as_bytes()[token.start as usize..token.end as usize];
            lexicon.may_be_lower_head(bytes)
        }
        Shape::Number => GAZETTEER.starts_cased(token.text(text)),
        Shape::Punct(_) => false,
    }
}

/// Whether the key of a token a name may start at is worth folding once and keeping: a
/// capitalised word's, asked for again and again (a plain lowercase word is its own key, and
/// the keys of others are rarely asked for, and folded then).
fn is_worth_folding(token: &Token, text: &str) -> bool {
    !token.plain && !token.text(text).starts_with(char::is_lowercase)
}
