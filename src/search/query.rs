//! Query text as users type it, made safe and useful for tantivy's grammar: elided words such as
//! `l'État` or `aujourd’hui` become phrases, a colon after a word that is not a field is escaped,
//! words that analyse to nothing (stop words) are dropped rather than left as clauses that match
//! nothing, and plain dates (`date:2019-12-05`, `date:[2019-12-01 TO 2020-01-31]`) become the
//! RFC 3339 ranges tantivy expects, and a listed place or organisation (`org:LREM`) is also
//! looked for by the name extraction gives it.

use crate::entities::other_listed_name;
use unicode_normalization::UnicodeNormalization;

/// A query rewritten for tantivy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewritten {
    /// The text to give tantivy's query parser; empty when nothing searchable is left.
    pub text: String,
    /// Whether the query is only plain words (no field, sign, operator, phrase or range): the
    /// kind of query whose missing terms may be tolerated to top up the hits.
    pub plain: bool,
}

/// One piece of a query, as the user wrote it.
#[derive(Debug)]
pub(super) enum Piece<'a> {
    /// A quoted phrase, with any field prefix and sign (`-title:"a b"`).
    Phrase(&'a str),
    /// A range in brackets or braces, with its field prefix (`date:[a TO b]`).
    Range(&'a str),
    /// Anything else between white space.
    Word(&'a str),
}

/// Rewrites `query`; `fields` are the known field names, `is_noise` tells a word that the analyzer
/// turns into nothing. Accented letters are composed (see `composed`). Control characters (pasted
/// from a terminal, say) separate words: they become spaces, where indexed text drops them.
pub fn rewrite(query: &str, fields: &[&str], is_noise: impl Fn(&str) -> bool) -> Rewritten {
    let query = composed(query).replace(char::is_control, " ");
    let query = query.as_str();
    let mut parts = Vec::new();
    let mut plain = true;
    let mut dropped = false;
    for piece in pieces(query) {
        let part = match piece {
            Piece::Phrase(text) => Some(with_listed_name(text.to_string())),
            Piece::Range(text) => Some(rfc3339_range(text)),
            Piece::Word(word) => rewrite_word(word, fields, &is_noise).map(with_listed_name),
        };
        plain &= matches!(piece, Piece::Word(w) if is_bare(w));
        dropped |= part.is_none();
        parts.extend(part);
    }
    let parts = match dropped {
        true => drop_dangling_operators(parts),
        false => parts,
    };
    Rewritten {
        plain: plain && parts.len() > 1,
        text: parts.join(" "),
    }
}

/// `query` with its accented letters composed (NFC), as the indexed text's are: `grève` pasted
/// from a PDF as `e` and a combining grave accent is the word `grève`.
pub fn composed(query: &str) -> String {
    query.nfc().collect()
}

/// Splits a query into phrases, ranges and words.
pub(super) fn pieces(query: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = query.trim_start();
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let opener = rest[..word_end].find(['"', '[', '{']);
        let (piece, len) = match opener.map(|at| (at, rest.as_bytes()[at])) {
            Some((at, b'"')) => {
                let len = rest[at + 1..]
                    .find('"')
                    .map_or(rest.len(), |close| at + close + 2);
                let len = len
                    + rest[len..]
                        .find(char::is_whitespace)
                        .unwrap_or(rest.len() - len);
                (Piece::Phrase(&rest[..len]), len)
            }
            Some((at, open)) => {
                let close = if open == b'[' { [']', '}'] } else { ['}', ']'] };
                let len = rest[at..]
                    .find(close)
                    .map_or(rest.len(), |end| at + end + 1);
                (Piece::Range(&rest[..len]), len)
            }
            None => (Piece::Word(&rest[..word_end]), word_end),
        };
        pieces.push(piece);
        rest = rest[len..].trim_start();
    }
    pieces
}

/// A word with no field, sign, operator, parenthesis or wildcard.
fn is_bare(word: &str) -> bool {
    !matches!(word, "OR" | "AND" | "NOT")
        && !word.starts_with(['-', '+'])
        && !word.contains([':', '(', ')', '*', '^', '~'])
}

/// One word: `title:l'État` → `title:"l'État"`, `Covid-19:` → `Covid-19\:`, `le` → nothing.
fn rewrite_word(word: &str, fields: &[&str], is_noise: &impl Fn(&str) -> bool) -> Option<String> {
    if matches!(word, "OR" | "AND" | "NOT") {
        return Some(word.to_string());
    }
    let sign_len = word.len() - word.trim_start_matches(['-', '+']).len();
    let (sign, rest) = word.split_at(sign_len);
    let (field, term) = match rest.split_once(':') {
        Some((field, term)) if fields.contains(&field) => (Some(field), term),
        _ => (None, rest),
    };
    if field == Some("date") {
        return Some(format!("{sign}date:{}", rfc3339_day(term)));
    }
    let core = term.trim_matches(['(', ')']);
    if core.chars().any(char::is_alphanumeric) && is_noise(core) {
        let parens: String = term.chars().filter(|c| matches!(c, '(' | ')')).collect();
        return (!parens.is_empty()).then_some(parens);
    }
    let term = match field {
        None => term.replace(':', "\\:"),
        Some(_) => term.to_string(),
    };
    let term = match term.contains(['\'', '’']) {
        true => format!("\"{}\"", term.replace('"', "")),
        false => term,
    };
    Some(match field {
        Some(field) => format!("{sign}{field}:{term}"),
        None => format!("{sign}{term}"),
    })
}

/// A place or organisation prefix widened to the name the gazetteer gives that entity, which is
/// the name extraction indexes it under: `org:LREM` → `(org:LREM OR org:"La République en
/// marche")`. Other parts are left as they are.
fn with_listed_name(part: String) -> String {
    let body = part.trim_start_matches(['-', '+']);
    let sign = &part[..part.len() - body.len()];
    let Some((field @ ("loc" | "org"), name)) = body.split_once(':') else {
        return part;
    };
    let bare = name.trim_matches('"');
    if bare.is_empty() || name.starts_with('(') {
        return part;
    }
    match other_listed_name(bare) {
        Some(listed) => format!("{sign}({field}:{name} OR {field}:\"{listed}\")"),
        None => part,
    }
}

/// Removes `OR`/`AND` left at either end or doubled once stop words are gone.
fn drop_dangling_operators(parts: Vec<String>) -> Vec<String> {
    let is_operator = |p: &str| matches!(p, "OR" | "AND");
    let mut kept: Vec<String> = Vec::with_capacity(parts.len());
    for part in parts {
        let follows_operator = kept.last().is_none_or(|last| is_operator(last));
        if !(is_operator(&part) && follows_operator) {
            kept.push(part);
        }
    }
    while kept.last().is_some_and(|last| is_operator(last)) {
        kept.pop();
    }
    kept
}

/// `2019-12-05` → the whole day as an RFC 3339 range; anything else is left alone.
fn rfc3339_day(value: &str) -> String {
    match is_plain_date(value) {
        true => format!("[{value}T00:00:00Z TO {value}T23:59:59Z]"),
        false => value.to_string(),
    }
}

/// A range whose bounds are plain dates gets RFC 3339 bounds: `[2019-12-01 TO 2020-01-31]`.
fn rfc3339_range(range: &str) -> String {
    range
        .split(' ')
        .map(|word| {
            let bound = word.find(['[', '{']).map_or(word, |at| &word[at..]);
            let bare = bound.trim_matches(['[', ']', '{', '}']);
            match is_plain_date(bare) {
                true => word.replacen(bare, &format!("{bare}T00:00:00Z"), 1),
                false => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_plain_date(value: &str) -> bool {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() && value.len() == 10
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [&str; 3] = ["title", "body", "date"];

    fn noise(word: &str) -> bool {
        ["le", "la", "des", "l'"].contains(&word.to_lowercase().as_str())
    }

    #[test]
    fn rewrites_what_tantivy_would_reject() {
        let cases = [
            ("aujourd'hui", "\"aujourd'hui\""),
            ("l'État grève", "\"l'État\" grève"),
            ("title:d’Ukraine", "title:\"d’Ukraine\""),
            ("-l'armée", "-\"l'armée\""),
            ("\"l'armée de terre\" paix", "\"l'armée de terre\" paix"),
            (
                "title:\"gilets jaunes\" Paris",
                "title:\"gilets jaunes\" Paris",
            ),
            ("Covid-19: bilan", "Covid-19\\: bilan"),
            (
                "title:grève OR body:manifestants",
                "title:grève OR body:manifestants",
            ),
            ("grève des cheminots", "grève cheminots"),
            ("grève\u{7}\u{1b}\tcheminots\u{0}", "grève cheminots"),
            ("Marine Le Pen", "Marine Pen"),
            ("le OR grève", "grève"),
            ("(la grève) OR (le sommet)", "( grève) OR ( sommet)"),
            ("la le", ""),
            ("*", "*"),
            ("AND", "AND"),
            (
                "grève date:2019-12-05",
                "grève date:[2019-12-05T00:00:00Z TO 2019-12-05T23:59:59Z]",
            ),
            (
                "date:[2019-12-01 TO 2020-01-31] grève",
                "date:[2019-12-01T00:00:00Z TO 2020-01-31T00:00:00Z] grève",
            ),
            (
                "grève date:[2019-12-01T00:00:00Z TO 2020-01-31T00:00:00Z]",
                "grève date:[2019-12-01T00:00:00Z TO 2020-01-31T00:00:00Z]",
            ),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(rewrite(input, &FIELDS, noise).text, expected, "{input}");
        }
    }

    #[test]
    fn widens_listed_places_and_organisations_to_their_names() {
        let fields = ["per", "loc", "org"];
        let cases = [
            ("org:LREM", "(org:LREM OR org:\"La République en marche\")"),
            ("-org:Figaro", "-(org:Figaro OR org:\"Le Figaro\")"),
            (
                "loc:\"Grande-Bretagne\"",
                "(loc:\"Grande-Bretagne\" OR loc:\"Royaume-Uni\")",
            ),
            ("org:\"Front national\"", "org:\"Front national\""),
            ("loc:Etats-Unis", "loc:Etats-Unis"),
            ("org:FNSEA", "org:FNSEA"),
            ("per:Figaro", "per:Figaro"),
            ("org:(FN OR LR)", "org:(FN OR LR)"),
        ];
        for (input, expected) in cases {
            assert_eq!(rewrite(input, &fields, noise).text, expected, "{input}");
        }
    }

    #[test]
    fn only_plain_word_queries_are_plain() {
        let cases = [
            ("grève cheminots", true),
            ("la grève des cheminots", true),
            ("grève", false),
            ("grève -SNCF", false),
            ("grève OR cheminots", false),
            ("\"fonte des glaciers\" Suisse", false),
            ("title:grève cheminots", false),
            ("wxcvbn date:>=2019-01-01T00:00:00Z", false),
        ];
        for (input, expected) in cases {
            assert_eq!(rewrite(input, &FIELDS, noise).plain, expected, "{input}");
        }
    }
}
