//! Reading an article's tokens left to right into mentions: at each possible start, the longest
//! of a gazetteer name, a headed name and a run of capitalised words wins (a gazetteer name on
//! ties, then a headed name).

mod classify;
mod cues;
mod headed;
mod listed;
mod listed_at;
mod outcome;
mod person_span;
mod span;

use crate::entities::doc::Doc;
use crate::entities::lists::{GAZETTEER, List};
use crate::entities::mention::{Evidence, Mention};
use crate::entities::token::Shape;
use classify::classify_run;
use headed::{Head, head_at, headed_end};
use listed::listed_name;
use listed_at::longest_listed;
use outcome::{Outcome, mention};
use smallvec::smallvec;
use span::run_end;

/// Every mention of the article, in text order: what starts at each token a name may start at,
/// past the names already read.
pub fn detect(doc: &Doc) -> Vec<Mention> {
    let starts = doc.name_starts();
    let mut mentions = Vec::with_capacity(starts.len());
    let mut next = 0;
    for at in starts {
        if at < next {
            continue;
        }
        let outcome = read_at(doc, at);
        mentions.extend(outcome.mentions);
        next = outcome.next.max(at + 1);
    }
    mentions
}

/// What starts at token `at`.
fn read_at(doc: &Doc, at: usize) -> Outcome {
    let capital = doc.is_capital(at);
    if capital && is_sentence_opener(doc, at) {
        return Outcome::skip(at + 1);
    }
    let head = head_at(doc, at);
    let cased = !capital && GAZETTEER.starts_cased(doc.word(at));
    if !capital && head.is_none() && !is_capital_elision(doc, at) && !cased {
        return Outcome::skip(at + 1);
    }
    let listed = longest_listed(doc, at)
        .filter(|&(end, _)| !cased || GAZETTEER.is_cased(&doc.form(at, end)));
    let headed = head.and_then(|h| headed_end(doc, at, h).map(|end| (end, h)));
    let run = if capital { run_end(doc, at) } else { at + 1 };
    let listed_end = listed.map_or(0, |(end, _)| end);
    let headed_end = headed.map_or(0, |(end, _)| end);
    match (listed, headed) {
        (Some((end, entry)), _) if end >= headed_end && end >= run => {
            listed_name(doc, at, end, entry)
        }
        (_, Some((end, head))) if end >= run => headed_name(doc, at, end, head),
        _ if capital => classify_run(doc, at, run, listed.filter(|_| listed_end > at)),
        _ => Outcome::skip(at + 1),
    }
}

/// Whether token `at` is a common word opening a sentence before a lowercase word (`Elle a`,
/// `Selon lui`): the most frequent capital, settled at once.
fn is_sentence_opener(doc: &Doc, at: usize) -> bool {
    doc.starts_sentence(at) && !doc.is_capital(at + 1) && doc.is(at, List::CommonWord)
}

/// Whether token `at` is a capitalised elided article, which may start a listed name
/// (`L'Oréal`, `L'Express`).
fn is_capital_elision(doc: &Doc, at: usize) -> bool {
    doc.shape(at) == Shape::Elision && doc.word(at).starts_with(char::is_uppercase)
}

/// The headed name of tokens `start..end`; events are skipped.
fn headed_name(doc: &Doc, start: usize, end: usize, head: Head) -> Outcome {
    match head.kind() {
        Some(kind) => Outcome {
            mentions: smallvec![mention(doc, start, end, Some(kind), Evidence::Headed)],
            next: end,
        },
        None => Outcome::skip(end),
    }
}
