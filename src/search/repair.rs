//! Repairing a query that tantivy's parser refused: its words without the syntax that tripped
//! it, so that a search box never answers a typing slip with a parser error.

/// The words of `query` with its syntax taken out: quotes, brackets, braces, parentheses, colons
/// and carets become spaces, and operators (`AND`, `OR`, `NOT`, `+`, `-`) left without a word on
/// both sides go.
pub fn plain_words(query: &str) -> String {
    let spaced: String = query
        .chars()
        .map(|c| match c {
            '"' | '(' | ')' | '[' | ']' | '{' | '}' | ':' | '^' | '~' | '*' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = spaced
        .split_whitespace()
        .map(|w| w.trim_start_matches(['+', '-']))
        .filter(|w| !w.is_empty())
        .collect();
    let operator = |w: &str| matches!(w, "AND" | "OR" | "NOT" | "&&" | "||" | "!");
    let kept = words.iter().enumerate().filter(|&(at, word)| {
        let before = at > 0 && !operator(words[at - 1]);
        let after = words.get(at + 1).is_some_and(|next| !operator(next));
        !operator(word) || (before && after)
    });
    kept.map(|(_, word)| *word).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_goes_words_stay() {
        let cases = [
            ("\"grève", "grève"),
            ("grève AND", "grève"),
            ("title:", "title"),
            ("(grève OR manifestation", "grève OR manifestation"),
            ("OR grève", "grève"),
            ("-\"réforme des retraites", "réforme des retraites"),
            ("date:[2019-12-01 TO", "date 2019-12-01 TO"),
            ("a\u{7}b", "a b"),
            ("\"\"", ""),
        ];
        for (query, expected) in cases {
            assert_eq!(plain_words(query), expected, "{query}");
        }
    }
}
