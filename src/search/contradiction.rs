//! Queries that exclude a word every match must hold (`"Emmanuel Macron" -Macron`): they match
//! nothing, and are answered at once instead of checking every phrase match before excluding it.

use super::query::{Piece, pieces};
use super::snippet;
use crate::analysis::fold_accents;

/// Whether `query`, as typed, excludes with `-word` (no field) a word that a required part of it
/// holds: a word or a quoted phrase with no field and no sign. Only queries without `OR`, `AND`,
/// `NOT` or parentheses are read, where every unsigned part is required; words are compared with
/// case and accents folded, split as the analyzers split them, so that the same word gives the
/// same term in every field searched.
pub fn excludes_what_it_requires(query: &str) -> bool {
    let pieces = pieces(query);
    if pieces.iter().any(is_operator_or_group) {
        return false;
    }
    let excluded: Vec<String> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Word(word) => word.strip_prefix('-'),
            _ => None,
        })
        .filter_map(single_word)
        .collect();
    if excluded.is_empty() {
        return false;
    }
    pieces
        .iter()
        .filter_map(required_text)
        .flat_map(words)
        .any(|word| excluded.contains(&word))
}

/// Whether a piece is an operator or holds a parenthesis, which make parts optional.
fn is_operator_or_group(piece: &Piece) -> bool {
    match piece {
        Piece::Word(word) => {
            matches!(*word, "OR" | "AND" | "NOT" | "||" | "&&") || word.contains(['(', ')'])
        }
        Piece::Phrase(_) | Piece::Range(_) => false,
    }
}

/// The text of a part every match holds: an unsigned word or phrase with no field.
fn required_text<'a>(piece: &Piece<'a>) -> Option<&'a str> {
    let text = match piece {
        Piece::Word(word) => *word,
        Piece::Phrase(phrase) if phrase.starts_with('"') && phrase.ends_with('"') => phrase,
        _ => return None,
    };
    let bare = !text.starts_with(['-', '+']) && !text.contains([':', '*', '~', '^']);
    bare.then_some(text)
}

/// The one word of `text`, folded; none for a field, a wildcard or several words.
fn single_word(text: &str) -> Option<String> {
    if text.contains([':', '*', '~', '^', '"']) {
        return None;
    }
    let mut found = words(text);
    let word = found.next()?;
    found.next().is_none().then_some(word)
}

/// The words of `text` as the analyzers cut them (see `snippet::words`), lowercased and without
/// accents.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    snippet::words(text).map(|range| fold_accents(&text[range].to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_that_exclude_a_required_word() {
        let cases = [
            ("\"Emmanuel Macron\" -Macron", true),
            ("Macron -macron", true),
            ("\"l'Élysée\" -elysee", true),
            ("grève SNCF -Grève", true),
            ("\"Emmanuel Macron\" -Philippe", false),
            ("Macron OR Philippe -Macron", false),
            ("(Macron Philippe) -Macron", false),
            ("title:Macron -Macron", false),
            ("Macron -title:Macron", false),
            ("+Macron -\"Emmanuel Macron\"", false),
            ("Macron -Macr*", false),
            ("-Macron", false),
            ("Macron", false),
        ];
        for (query, expected) in cases {
            assert_eq!(excludes_what_it_requires(query), expected, "query: {query}");
        }
    }
}
