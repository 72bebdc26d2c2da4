//! The features the judge weighs for a candidate entity: what the rules decided (its kind, the
//! evidence of its mentions), its shape, where it is written and the words around its mentions.
//! Each feature is a short string written into one reused buffer and handed on, so that reading
//! an article's features allocates nothing.

use super::tables::{TOWNS, clusters_of};
use crate::entities::doc::Doc;
use crate::entities::lists::{Class, List};
use crate::entities::mention::{Evidence, Kind};
use crate::entities::token::{Punct, Shape};

/// The mentions of a candidate weighed for context, at most: past them, more of the same.
const MAX_CONTEXTS: usize = 2;

/// A candidate entity, as the judge sees it.
pub struct Seen<'a> {
    /// Its name key.
    pub key: &'a str,
    /// Its name as written.
    pub form: &'a str,
    /// The kind the rules gave it.
    pub kind: Kind,
    /// Its mentions: first token, one past the last, and why each got its kind.
    pub mentions: &'a [(u32, u32, Evidence)],
}

/// Calls `feature` with each feature of `seen`, in `buffer`.
pub fn features(doc: &Doc, seen: &Seen, buffer: &mut String, feature: &mut impl FnMut(&str)) {
    let kind = kind_letter(seen.kind);
    let mut emit = |parts: &[&str]| {
        buffer.clear();
        for part in parts {
            buffer.push_str(part);
        }
        feature(buffer);
    };
    emit(&["b|", kind]);
    for evidence in distinct_evidence(seen.mentions) {
        emit(&["e|", kind, "|", evidence]);
    }
    let title_end = doc.text.find('\n').unwrap_or(doc.text.len());
    let in_title = seen
        .mentions
        .iter()
        .filter(|m| is_in_title(doc, m.0, title_end));
    match in_title.count() {
        0 => {}
        n if n == seen.mentions.len() => emit(&["to|", kind]),
        _ => emit(&["t|", kind]),
    }
    shape_features(seen, kind, &mut emit);
    let first = seen.key.split(' ').next().unwrap_or("");
    let last = seen.key.rsplit(' ').next().unwrap_or("");
    emit(&["f|", first]);
    emit(&["l|", last]);
    cluster_features(first, last, kind, &mut emit);
    if let Some(bucket) = TOWNS.get(seen.key) {
        emit(&["g|", bucket]);
        emit(&["g|", kind, "|", bucket]);
    }
    if after_a_demonym(doc, seen) {
        emit(&["pd|", kind]);
    }
    context_features(doc, seen, buffer, feature);
}

/// Whether a capitalised demonym comes right before one of the first mentions, as before a
/// person in sports and politics (`l'Éthiopienne Tigist Alemayehu-Bekele`, `le Kényan Kipchumba
/// Rotich`) and now and then before a company (`le Belge Solvay`).
fn after_a_demonym(doc: &Doc, seen: &Seen) -> bool {
    seen.mentions
        .iter()
        .take(MAX_CONTEXTS)
        .any(|&(start, _, _)| {
            (start as usize)
                .checked_sub(1)
                .is_some_and(|at| doc.is_capital(at) && doc.is(at, List::Demonym))
        })
}

/// The clusters of the name's first and last words, alone and with the rules' kind.
fn cluster_features(first: &str, last: &str, kind: &str, emit: &mut impl FnMut(&[&str])) {
    for (word, side) in [(first, "f"), (last, "l")] {
        if let Some((coarse, fine)) = clusters_of(word) {
            emit(&["c", side, "|", coarse]);
            emit(&["c", side, "|", kind, "|", coarse]);
            emit(&["C", side, "|", fine]);
        }
    }
}

/// Features of how the name is written: in capitals, with digits, hyphenated.
fn shape_features(seen: &Seen, kind: &str, emit: &mut impl FnMut(&[&str])) {
    let letters = seen.form.chars().filter(|c| c.is_alphabetic());
    if seen.form.chars().count() > 1 && letters.clone().all(char::is_uppercase) {
        emit(&["u|", kind]);
    }
    if seen.form.chars().any(|c| c.is_ascii_digit()) {
        emit(&["d|", kind]);
    }
    if seen.form.contains('-') {
        emit(&["h|", kind]);
    }
}

/// The words before and after the first mentions: `p|` the word before, `n|` the word after.
/// With the rules' kind, or the two words before, they added nothing on held-out articles.
fn context_features(doc: &Doc, seen: &Seen, buffer: &mut String, feature: &mut impl FnMut(&str)) {
    for &(start, end, _) in seen.mentions.iter().take(MAX_CONTEXTS) {
        let (before, after) = ((start as usize).checked_sub(1), Some(end as usize));
        let mut word_feature = |prefix: &str, at: Option<usize>| {
            buffer.clear();
            buffer.push_str(prefix);
            push_word(doc, at, buffer);
            feature(buffer);
        };
        word_feature("p|", before);
        word_feature("n|", after);
    }
}

/// Appends the key of token `at` to `buffer`, `^` before the text and `$` past it.
fn push_word(doc: &Doc, at: Option<usize>, buffer: &mut String) {
    match at {
        None => buffer.push('^'),
        Some(at) if at >= doc.tokens.len() => buffer.push('$'),
        Some(at) if doc.shape(at) == Shape::Punct(Punct::Break) => buffer.push('$'),
        Some(at) => doc.append_key(at, buffer),
    }
}

/// Whether token `at` is in the title (the text's first line).
fn is_in_title(doc: &Doc, at: u32, title_end: usize) -> bool {
    doc.tokens
        .get(at as usize)
        .is_some_and(|t| (t.start as usize) < title_end)
}

/// The letter of a kind in feature names: `p`, `l` or `o`.
fn kind_letter(kind: Kind) -> &'static str {
    match kind {
        Kind::Per => "p",
        Kind::Loc => "l",
        Kind::Org => "o",
    }
}

/// The distinct kinds of evidence of `mentions`, named.
fn distinct_evidence(mentions: &[(u32, u32, Evidence)]) -> impl Iterator<Item = &'static str> {
    let mut seen = 0u16;
    mentions.iter().filter_map(move |m| {
        let (bit, name) = evidence_name(m.2);
        let new = seen & bit == 0;
        seen |= bit;
        new.then_some(name)
    })
}

/// A bit and a name for each kind of evidence.
fn evidence_name(evidence: Evidence) -> (u16, &'static str) {
    match evidence {
        Evidence::Listed(Class::Geo, _) => (1, "geo"),
        Evidence::Listed(Class::Venue, _) => (2, "venue"),
        Evidence::Listed(Class::Institution, _) => (4, "institution"),
        Evidence::Listed(Class::Company, _) => (8, "company"),
        Evidence::Listed(Class::Media, _) => (16, "media"),
        Evidence::Headed => (32, "headed"),
        Evidence::Cue => (64, "cue"),
        Evidence::Acronym => (128, "acronym"),
        Evidence::Shape => (256, "shape"),
        Evidence::Bare => (512, "bare"),
        Evidence::Untyped => (1024, "untyped"),
    }
}
