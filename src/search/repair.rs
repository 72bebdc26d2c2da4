//! Repairing a query that tantivy's parser refused: its slips mended, or failing that its words
//! without the syntax that tripped it, so that a search box never answers a typing slip with a
//! parser error.

/// The repairs of a query the parser refused, in the order to try them: its slips mended
/// ([`mended`]), then its plain words ([`plain_words`]); each only when it changes the query and
/// leaves something to search.
pub fn repairs(query: &str) -> impl Iterator<Item = String> + '_ {
    [mended, plain_words]
        .into_iter()
        .map(move |repair| repair(query))
        .filter(move |repaired| !repaired.is_empty() && repaired != query)
}

/// The words of `query` with its syntax taken out: a field name without a word after its colon
/// (`title:`) goes; quotes, backquotes, brackets, braces, parentheses, colons, carets, slashes
/// (`/grève/` reads as a pattern) and the signs of comparisons (`<`, `>`, `=`) become spaces;
/// excluded words (`-grève`, `NOT grève`) go, since searching for them would find what was
/// excluded; and `AND` or `OR` left without a word on both sides goes.
pub fn plain_words(query: &str) -> String {
    let spaced: String = tokens_without_empty_fields(query)
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| match c {
            '"' | '`' | '(' | ')' | '[' | ']' | '{' | '}' | ':' | '^' | '~' | '*' | '\\' => ' ',
            '<' | '>' | '=' | '/' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    without_dangling_operators(&included_words(&spaced)).join(" ")
}

/// `query` with its slips mended and its syntax kept: a field name without a word after its colon
/// goes, `AND`, `OR` or `NOT` without a word on one side goes, a stray `)` goes, a `(` left open
/// is closed at the end, and so is a quote left open (`"fonte des` is the phrase `"fonte des"`).
pub fn mended(query: &str) -> String {
    let tokens: Vec<&str> = tokens_without_empty_fields(query).collect();
    let mut mended = String::with_capacity(query.len() + 2);
    let mut open = 0usize;
    for (nth, token) in without_dangling_operators(&tokens).into_iter().enumerate() {
        if nth > 0 {
            mended.push(' ');
        }
        for c in token.chars() {
            match c {
                '(' => open += 1,
                ')' if open == 0 => continue,
                ')' => open -= 1,
                _ => {}
            }
            mended.push(c);
        }
    }
    if mended.matches('"').count() % 2 == 1 {
        mended.push('"');
    }
    mended.extend(std::iter::repeat_n(')', open));
    mended
}

/// The whitespace-separated tokens of `query` but a field name with no word after its colon.
fn tokens_without_empty_fields(query: &str) -> impl Iterator<Item = &str> {
    query
        .split_whitespace()
        .filter(|token| !is_empty_field(token))
}

/// `words` without the operators lacking a word on one side: `AND` and `OR` need one on both,
/// `NOT` one after.
fn without_dangling_operators<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let operator = |w: &str| matches!(w, "AND" | "OR" | "NOT" | "&&" | "||");
    let kept = words.iter().enumerate().filter(|&(at, word)| {
        let before = at > 0 && !operator(words[at - 1]);
        let after = words.get(at + 1).is_some_and(|next| !operator(next));
        !operator(word) || (after && (before || *word == "NOT"))
    });
    kept.map(|(_, word)| *word).collect()
}

/// Whether `token` is a field name and its colon with no word after (`title:`, `title:(`).
fn is_empty_field(token: &str) -> bool {
    let name = token.trim_end_matches(['(', '"', '[', '{']);
    name.strip_suffix(':')
        .is_some_and(|name| !name.is_empty() && name.chars().all(char::is_alphabetic))
}

/// The words of `text` that are not excluded (by a leading `-` or a `NOT` before them), without
/// their sign.
fn included_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut negated = false;
    for token in text.split_whitespace() {
        if matches!(token, "NOT" | "!") {
            negated = true;
            continue;
        }
        let excluded = negated || (token.starts_with('-') && token.len() > 1);
        negated = false;
        let word = token.trim_start_matches(['+', '-']);
        if !excluded && !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// A slip that makes a query unreadable to the parser, as a note for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// An odd number of `"`.
    UnclosedQuote,
    /// Parentheses that do not pair.
    UnpairedParenthesis,
    /// Brackets or braces of a range that do not pair.
    UnclosedRange,
    /// `AND`, `OR` or `NOT` without a word on one side.
    DanglingOperator,
    /// `field:` with no word after it.
    EmptyField,
    /// Something else the parser could not read.
    Syntax,
}

impl Slip {
    /// What the reader is told, in one short sentence.
    pub fn message(self) -> &'static str {
        match self {
            Slip::UnclosedQuote => "a quote was left open",
            Slip::UnpairedParenthesis => "a parenthesis was left unpaired",
            Slip::UnclosedRange => "a range was left open",
            Slip::DanglingOperator => "AND, OR or NOT had no word on one side",
            Slip::EmptyField => "a field name had no word after its colon",
            Slip::Syntax => "the query's syntax could not be read",
        }
    }
}

/// The slips of a query the parser refused, in a fixed order; [`Slip::Syntax`] when none of the
/// known ones is found.
pub fn slips(query: &str) -> Vec<Slip> {
    let count = |c: char| query.chars().filter(|&x| x == c).count();
    let words: Vec<&str> = query.split_whitespace().collect();
    let operator = |w: &&str| matches!(*w, "AND" | "OR" | "NOT");
    let dangling = words.first().is_some_and(|w| operator(w) && *w != "NOT")
        || words.last().is_some_and(operator)
        || words
            .windows(2)
            .any(|pair| operator(&pair[0]) && operator(&pair[1]) && pair[1] != "NOT");
    let found = [
        (count('"') % 2 == 1, Slip::UnclosedQuote),
        (count('(') != count(')'), Slip::UnpairedParenthesis),
        (
            count('[') + count('{') != count(']') + count('}'),
            Slip::UnclosedRange,
        ),
        (dangling, Slip::DanglingOperator),
        (words.iter().any(|w| w.ends_with(':')), Slip::EmptyField),
    ];
    let slips: Vec<Slip> = found
        .iter()
        .filter(|(is, _)| *is)
        .map(|(_, slip)| *slip)
        .collect();
    match slips.is_empty() {
        true => vec![Slip::Syntax],
        false => slips,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_are_named() {
        use Slip::*;
        let cases: [(&str, &[Slip]); 7] = [
            ("\"grève", &[UnclosedQuote]),
            ("grève AND", &[DanglingOperator]),
            ("OR grève", &[DanglingOperator]),
            ("title:", &[EmptyField]),
            ("(grève OR manifestation", &[UnpairedParenthesis]),
            ("date:[2019-12-01 TO", &[UnclosedRange]),
            ("grève ^^", &[Syntax]),
        ];
        for (query, expected) in cases {
            assert_eq!(slips(query), expected, "{query}");
        }
    }

    /// A repair of a query.
    type Repair = fn(&str) -> String;

    #[test]
    fn repairs_give_what_is_expected() {
        let mend: Repair = mended;
        let plain: Repair = plain_words;
        // (query, the repair, what it gives)
        let cases = [
            ("\"fonte des", mend, "\"fonte des\""),
            ("(grève OR manifestation", mend, "(grève OR manifestation)"),
            ("grève)", mend, "grève"),
            ("grève AND", mend, "grève"),
            ("OR grève", mend, "grève"),
            ("grève AND OR SNCF", mend, "grève SNCF"),
            ("grève NOT", mend, "grève"),
            ("NOT grève", mend, "NOT grève"),
            ("grève title:", mend, "grève"),
            ("title:(grève", mend, "title:(grève)"),
            ("AND", mend, ""),
            ("\"grève", plain, "grève"),
            ("grève AND", plain, "grève"),
            ("title:", plain, ""),
            ("grève title:", plain, "grève"),
            ("title:(", plain, ""),
            ("title:grève", plain, "title grève"),
            ("(grève OR manifestation", plain, "grève OR manifestation"),
            ("OR grève", plain, "grève"),
            ("-\"réforme des retraites", plain, "réforme des retraites"),
            ("date:[2019-12-01 TO", plain, "date 2019-12-01 TO"),
            ("a\u{7}b", plain, "a b"),
            ("-grève", plain, ""),
            ("grève -SNCF (", plain, "grève"),
            ("grève NOT SNCF )", plain, "grève"),
            ("(grève AND NOT", plain, "grève"),
            ("\"\"", plain, ""),
            ("grève `cheminots`", plain, "grève cheminots"),
            ("class `long`: 80", plain, "class long 80"),
            ("prix >= 80 <>", plain, "prix 80"),
            ("/grève/", plain, "grève"),
        ];
        for (query, repair, expected) in cases {
            assert_eq!(repair(query), expected, "{query}");
        }
    }
}
