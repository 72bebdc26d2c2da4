//! Tokeniser: article text as words, elisions and punctuation, with byte offsets and the
//! sentence starts that make a capital letter uninformative.

/// What a token looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A word starting with a lowercase letter: `ministère`, `nord-coréen`.
    Lower,
    /// A word starting with a capital, not all capitals: `Paris`, `Jong-un`, `BigFlo`.
    Capitalised,
    /// Two or more letters, all capitals, digits allowed: `SNCF`, `G7`.
    Upper,
    /// One capital letter alone: the `W` of `George W. Bush`, the `O` of `Cédric O`.
    Initial,
    /// Digits only, or digits then lowercase letters: `45`, `2019`, `3e`.
    Number,
    /// An elided article or pronoun, apostrophe included: `l'`, `d’`, `L'`, `qu'`.
    Elision,
    /// A punctuation mark.
    Punct(Punct),
}

/// Punctuation, grouped by what it does to the words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Punct {
    /// Ends a sentence: `.`, `!`, `?`, `…`, `:` and `;`.
    Stop,
    /// A line break: a paragraph or line ends.
    Break,
    /// `,`
    Comma,
    /// Opens a quotation or an aside that may start like a sentence: `«`, `"`, `“`, `–`.
    Open,
    /// `(`
    Paren,
    /// Anything else: `)`, `»`, `/`…
    Other,
}

/// One token: a byte range of the text and its shape, in 12 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What it looks like.
    pub shape: Shape,
    /// Whether it opens a sentence, a line or a quotation, where capitals say nothing.
    pub sentence_start: bool,
    /// Whether it is ASCII lowercase letters and digits only, and so its own name key.
    pub plain: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// Whether the token starts with a capital: a capitalised word, an acronym or an initial.
    pub fn is_capital(&self) -> bool {
        matches!(
            self.shape,
            Shape::Capitalised | Shape::Upper | Shape::Initial
        )
    }

    /// Whether the token is a punctuation mark.
    pub fn is_punct(&self) -> bool {
        matches!(self.shape, Shape::Punct(_))
    }
}

/// The tokens of `text`, in a new vector (see `tokenize_into`).
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens, |_, _| {});
    tokens
}

/// Splits `text` into `tokens`, replacing what they held, so that their room is reused from one
/// article to the next; a text past 4 GB, beyond what a token's offsets hold, has none. Each
/// token is shown to `pushed` with its index as it is pushed, while it is at hand.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>, pushed: impl FnMut(&Token, u32)) {
    tokenize_with::<true>(text, tokens, pushed);
}

/// Splits `text` into tokens, trying the fast path `simple_word` on each word first when `FAST`
/// (off only to test that it changes nothing).
#[inline(always)]
fn tokenize_with<const FAST: bool>(
    text: &str,
    tokens: &mut Vec<Token>,
    mut pushed: impl FnMut(&Token, u32),
) {
    tokens.clear();
    if u32::try_from(text.len()).is_err() {
        return;
    }
    let bytes = text.as_bytes();
    tokens.reserve(text.len() / 4);
    let mut at = 0;
    let mut sentence_start = true;
    while let Some(&byte) = bytes.get(at) {
        if matches!(byte, b' ' | b'\t' | b'\r') {
            at += 1;
            continue;
        }
        let count = tokens.len();
        let word = if FAST { simple_word(text, at) } else { None };
        if let Some((end, shape, plain)) = word {
            tokens.push(Token {
                shape,
                sentence_start,
                plain,
                ..Token::at(at, end)
            });
            sentence_start = false;
            // The space after a word, most often there, is stepped over at once.
            at = end + usize::from(bytes.get(end) == Some(&b' '));
        } else {
            at = read_other(text, at, tokens, &mut sentence_start);
        }
        // One call after both paths rather than one in each, so that the compiler inlines it.
        if let Some(token) = tokens.get(count) {
            pushed(token, count as u32);
        }
    }
}

/// Reads what starts at byte `at` off the fast path (a sign, a spacing character, a word of
/// another shape), pushing its token if it is one and updating whether the next token opens a
/// sentence; returns the byte after it. Kept out of line, so that the fast path stays small.
#[inline(never)]
fn read_other(text: &str, at: usize, tokens: &mut Vec<Token>, sentence_start: &mut bool) -> usize {
    let c = char_at(text, at);
    let token = if is_letter(c) {
        word_at(text, at)
    } else if c.is_whitespace() && c != '\n' {
        return at + c.len_utf8();
    } else {
        let end = at + c.len_utf8();
        let punct = punct_kind(text, at, c);
        let last = tokens.last().map(|t: &Token| t.shape);
        if punct == Punct::Break && last == Some(Shape::Punct(Punct::Break)) {
            return end;
        }
        Token {
            shape: Shape::Punct(punct),
            ..Token::at(at, end)
        }
    };
    let token = Token {
        sentence_start: *sentence_start && !token.is_punct(),
        ..token
    };
    *sentence_start = next_starts_sentence(text, tokens, &token, *sentence_start);
    tokens.push(token);
    token.end as usize
}

impl Token {
    /// A token of bytes `start..end` (below 4 GB, as `tokenize` checks), shaped as a sign until
    /// given its shape.
    fn at(start: usize, end: usize) -> Token {
        Token {
            start: start as u32,
            end: end as u32,
            shape: Shape::Punct(Punct::Other),
            sentence_start: false,
            plain: false,
        }
    }
}

/// The end, shape and plainness of the lowercase word (`de`, `été`), ASCII-capitalised word
/// (`Paris`, `Québec`) or lowercase elision (`l'`, `qu’`) at byte `at`, when it is one: the fast
/// path for most tokens, inlined into the tokeniser's loop.
#[inline(always)]
fn simple_word(text: &str, at: usize) -> Option<(usize, Shape, bool)> {
    let bytes = text.as_bytes();
    match bytes.get(at)? {
        b'A'..=b'Z' => {
            let (end, _) = lowercase_run(bytes, at + 1);
            (end > at + 1 && ends_word(bytes, end)).then_some((end, Shape::Capitalised, false))
        }
        b'a'..=b'z' | 0xC3 => {
            let (end, plain) = lowercase_run(bytes, at);
            if end == at {
                None
            } else if ends_word(bytes, end) {
                Some((end, Shape::Lower, plain))
            } else {
                elision_end(text, at, end).map(|end| (end, Shape::Elision, false))
            }
        }
        _ => None,
    }
}

/// The end of the run of ASCII and Latin-1 lowercase letters at byte `at` (`de`, `été`), read
/// eight ASCII bytes at a time, and whether it is all ASCII.
fn lowercase_run(bytes: &[u8], at: usize) -> (usize, bool) {
    let mut end = at;
    let mut plain = true;
    loop {
        let run = match bytes.get(end..).and_then(<[u8]>::first_chunk::<8>) {
            Some(chunk) => lowercase_prefix(u64::from_le_bytes(*chunk)),
            None => bytes[end..]
                .iter()
                .take_while(|b| b.is_ascii_lowercase())
                .count(),
        };
        end += run;
        if run == 8 {
            continue;
        }
        match bytes.get(end..end + 2) {
            Some(&[0xC3, second]) if is_latin1_lower(second) => {
                end += 2;
                plain = false;
            }
            _ => return (end, plain),
        }
    }
}

/// The end of the elision whose letters are bytes `start..end` (`l`, `qu`), when an apostrophe
/// and a letter follow them (see `word_at`): past the apostrophe.
fn elision_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let width = match rest.as_bytes().first()? {
        b'\'' => 1,
        _ if rest.starts_with(['’', 'ʼ']) => rest.chars().next()?.len_utf8(),
        _ => return None,
    };
    let next = rest[width..].chars().next();
    let joins = next.is_some_and(char::is_alphabetic);
    (joins && is_elision(&text[start..end], next)).then_some(end + width)
}

/// How many of the eight bytes of `chunk`, first byte lowest, are ASCII lowercase letters before
/// the first that is not: one step for most words, without a branch per byte.
fn lowercase_prefix(chunk: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let low = chunk & !HIGH;
    let from_a = low + ONES * u64::from(0x80 - b'a');
    let past_z = low + ONES * u64::from(0x80 - b'z' - 1);
    let lower = from_a & !past_z & !chunk & HIGH;
    (!lower & HIGH).trailing_zeros() as usize / 8
}

/// Whether a word ending at byte `end` cannot go on (see `word_at`): the text ends, or a sign
/// follows that joins nothing. Letters, digits, hyphens, apostrophes and dots are left to
/// `word_at`, as is anything not ASCII but a no-break space or a French quotation mark.
fn ends_word(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(&next) if next.is_ascii_alphanumeric() => false,
        Some(b'-' | b'\'') => false,
        Some(b'.') => !bytes
            .get(end + 1)
            .is_some_and(|&b| b.is_ascii_lowercase() || !b.is_ascii()),
        Some(&next) if next.is_ascii() => true,
        Some(0xC2) => matches!(bytes.get(end + 1), Some(0xA0 | 0xAB | 0xBB)),
        Some(_) => false,
    }
}

/// Whether `second`, after the byte 0xC3, makes a lowercase Latin-1 letter (`ß` to `ÿ`, not `÷`).
fn is_latin1_lower(second: u8) -> bool {
    (0x9F..=0xBF).contains(&second) && second != 0xB7
}

/// Whether `c` is a letter or a digit, with a fast path for Latin-1 letters.
fn is_letter(c: char) -> bool {
    match c {
        'À'..='ÿ' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// The character starting at byte `at` (a space past the end).
fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes().get(at) {
        Some(&byte) if byte.is_ascii() => char::from(byte),
        _ => text[at..].chars().next().unwrap_or(' '),
    }
}

/// Whether the token after `token` opens a sentence.
fn next_starts_sentence(text: &str, before: &[Token], token: &Token, was_start: bool) -> bool {
    match token.shape {
        Shape::Punct(Punct::Break | Punct::Open) => true,
        Shape::Punct(Punct::Stop) => !ends_abbreviation(text, before, token),
        Shape::Punct(Punct::Other | Punct::Paren) => was_start,
        _ => false,
    }
}

/// Whether the full stop `stop` closes an abbreviation (`M.`, `Dr.`) or an initial (`W.`).
fn ends_abbreviation(text: &str, before: &[Token], stop: &Token) -> bool {
    if stop.text(text) != "." {
        return false;
    }
    let Some(previous) = before.last() else {
        return false;
    };
    let abbreviation = matches!(
        previous.text(text),
        "M" | "Dr" | "Pr" | "Mgr" | "Me" | "St" | "Ste" | "Jr" | "MM"
    );
    previous.end == stop.start && (abbreviation || is_name_initial(text, before))
}

/// Whether the last token of `before` is the initial of a name: a single capital after a
/// capitalised word or another initial, or opening a sentence (`George W.`, `J. K.`), not after
/// a lowercase word or a sign (`fiché S.`, `34 °C.`).
fn is_name_initial(text: &str, before: &[Token]) -> bool {
    let [.., earlier, initial] = before else {
        return before.last().is_some_and(|t| t.shape == Shape::Initial);
    };
    initial.shape == Shape::Initial
        && (initial.sentence_start || earlier.is_capital() || earlier.text(text) == ".")
}

/// The kind of the punctuation mark `c` at byte `at`: quotes, hyphens and apostrophes depend on
/// the characters around them, other marks do not.
fn punct_kind(text: &str, at: usize, c: char) -> Punct {
    match c {
        '.' | '!' | '?' | '…' | ':' | ';' => Punct::Stop,
        '\n' => Punct::Break,
        ',' => Punct::Comma,
        '«' | '“' | '–' | '—' => Punct::Open,
        '(' => Punct::Paren,
        '\'' | '‘' | '"' | '-' => quote_kind(text, at, c),
        _ => Punct::Other,
    }
}

/// The kind of the quote, hyphen or apostrophe `c` at byte `at`: it opens a quotation or an
/// aside before a word (an apostrophe only after a space, as a quotation mark), else it is an
/// ordinary sign.
fn quote_kind(text: &str, at: usize, c: char) -> Punct {
    let next = text[at + c.len_utf8()..].chars().next();
    let before_word = next.is_some_and(|n| !n.is_whitespace());
    let after_space = text[..at]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    match c {
        '\'' | '‘' if after_space && before_word => Punct::Open,
        '"' | '-' if before_word => Punct::Open,
        _ => Punct::Other,
    }
}

/// The word starting at byte `start`: letters and digits, joined by inner hyphens, inner
/// apostrophes after anything but an elision, and inner dots before a lowercase letter
/// (`Chinanews.com`). An elision (`l'`, `d’`, `lʼ`) is a word of its own: the modifier letter `ʼ`, a
/// letter to Unicode, is read as the apostrophe it stands for.
fn word_at(text: &str, start: usize) -> Token {
    let bytes = text.as_bytes();
    let mut end = start;
    while let Some(&byte) = bytes.get(end) {
        if byte.is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        let c = char_at(text, end);
        let width = c.len_utf8();
        if !byte.is_ascii() && c != 'ʼ' && is_letter(c) {
            end += width;
            continue;
        }
        let next = text[end + width..].chars().next();
        let joins = match c {
            '-' | '\u{2010}' | '\u{2011}' => next.is_some_and(char::is_alphanumeric),
            '.' => next.is_some_and(char::is_lowercase) && end - start > 1,
            '\'' | '’' | 'ʼ' => next.is_some_and(char::is_alphabetic),
            _ => false,
        };
        if !joins {
            break;
        }
        if matches!(c, '\'' | '’' | 'ʼ') && is_elision(&text[start..end], next) {
            return Token {
                shape: Shape::Elision,
                ..Token::at(start, end + width)
            };
        }
        end += width;
    }
    let word = &text[start..end];
    Token {
        shape: word_shape(word),
        plain: word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
        ..Token::at(start, end)
    }
}

/// Whether `prefix` followed by an apostrophe and `next` is an elided word: `l'`, `qu'`, and the
/// capitalised `L'`, `D'` (but not the `N'` of `N'Djamena` nor the `O'` of `O'Brien`).
fn is_elision(prefix: &str, next: Option<char>) -> bool {
    let lower_next = next.is_some_and(char::is_lowercase);
    match prefix {
        "l" | "d" | "j" | "m" | "n" | "s" | "t" | "c" | "qu" | "jusqu" | "lorsqu" | "puisqu"
        | "quoiqu" | "presqu" => true,
        "L" | "D" => true,
        "J" | "M" | "N" | "S" | "T" | "C" | "Qu" | "Jusqu" | "Lorsqu" | "Puisqu" => lower_next,
        _ => false,
    }
}

/// The shape of a word.
fn word_shape(word: &str) -> Shape {
    let Some(first) = word.chars().next() else {
        return Shape::Punct(Punct::Other);
    };
    if first.is_lowercase() {
        return Shape::Lower;
    }
    let (mut letters, mut chars, mut lower, mut upper) = (0, 0, false, false);
    for c in word.chars() {
        chars += 1;
        letters += usize::from(c.is_alphabetic());
        lower |= c.is_lowercase();
        upper |= c.is_uppercase();
    }
    if first.is_numeric() {
        return if upper { Shape::Upper } else { Shape::Number };
    }
    if !first.is_uppercase() {
        Shape::Lower
    } else if letters == 1 && chars == 1 {
        Shape::Initial
    } else if !lower && (letters >= 2 || chars > letters) {
        Shape::Upper
    } else {
        Shape::Capitalised
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, Shape, bool)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.shape, t.sentence_start))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_elisions_and_keeps_compounds() {
        let text = "l'Aude, lʼAin, Val-d'Oise, aujourd'hui N'Djamena O'Brien Chinanews.com";
        assert_eq!(
            texts(text),
            [
                "l'",
                "Aude",
                ",",
                "lʼ",
                "Ain",
                ",",
                "Val-d'Oise",
                ",",
                "aujourd'hui",
                "N'Djamena",
                "O'Brien",
                "Chinanews.com"
            ]
        );
    }

    #[test]
    fn counts_leading_lowercase_bytes_eight_at_a_time() {
        let cases = [
            ("abcdefgh", 8),
            ("abc defg", 3),
            ("Abcdefgh", 0),
            ("zzzz{aaa", 4),
            ("aaaa`aaa", 4),
            ("été.....", 0),
            ("ab\u{e9}.....", 2),
        ];
        for (text, expected) in cases {
            let chunk = text.as_bytes().first_chunk::<8>().expect("eight bytes");
            assert_eq!(
                lowercase_prefix(u64::from_le_bytes(*chunk)),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn lowercase_words_end_where_the_slow_path_would_end_them() {
        let text = "fin. site.fr mot-clé l’armée aujourd’hui été»\u{a0}: «\u{a0}mot x² bref… ok";
        assert_eq!(
            texts(text),
            [
                "fin",
                ".",
                "site.fr",
                "mot-clé",
                "l’",
                "armée",
                "aujourd’hui",
                "été",
                "»",
                ":",
                "«",
                "mot",
                "x²",
                "bref",
                "…",
                "ok"
            ]
        );
    }

    #[test]
    fn the_fast_path_gives_the_tokens_of_the_slow_one() {
        let mut texts = vec![
            "fin. site.fr mot-clé l’armée aujourd’hui été»\u{a0}: «\u{a0}mot x² bref… ok"
                .to_string(),
            "Paris-Lyon L'Oréal D’Artagnan Québec QUÉBEC Ça Ébène M. Dr. Qu'il N'Djamena lʼAin "
                .to_string(),
            "abcdefghijklmnopqrstuvwxyz éàèùâêîôûçëïüÿæœß Zzzzzzzzzzzzzz.Com a.b A.B é."
                .to_string(),
        ];
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in walkdir::WalkDir::new(corpus).into_iter().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(entry.path()).expect("a UTF-8 article"));
            }
        }
        assert!(texts.len() > 20, "{} texts", texts.len());
        for text in &texts {
            let mut tokens = Vec::new();
            tokenize_with::<false>(text, &mut tokens, |_, _| {});
            assert_eq!(tokenize(text), tokens, "{text}");
        }
    }

    #[test]
    fn shapes_words() {
        let cases = [
            ("SNCF", Shape::Upper),
            ("G7", Shape::Upper),
            ("Paris", Shape::Capitalised),
            ("Jong-un", Shape::Capitalised),
            ("O", Shape::Initial),
            ("ministère", Shape::Lower),
            ("2019", Shape::Number),
            ("d'Azur", Shape::Elision),
        ];
        for (text, shape) in cases {
            assert_eq!(tokenize(text)[0].shape, shape, "{text}");
        }
    }

    #[test]
    fn marks_sentence_starts_but_not_after_abbreviations() {
        let text = "Hier M. Guyot a vu George W. Bush. Cette fois « Soldats » oui, fiché S. Il fait 34 °C. Suivaient\nLundi";
        let starts: Vec<&str> = words(text).iter().filter(|w| w.2).map(|w| w.0).collect();
        assert_eq!(
            starts,
            ["Hier", "Cette", "Soldats", "Il", "Suivaient", "Lundi"]
        );
    }
}
