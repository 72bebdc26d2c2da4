//! Ranking a query of several words in one pass over their postings: each article's BM25 score
//! and which of the words it holds, so that the articles holding them all come first, the others
//! top them up, and the articles holding them all are counted, without a second search.

use super::word_terms::{weighted_term_query, weighted_terms};
use std::cell::RefCell;
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, Weight};
use tantivy::schema::Field;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader};

/// The most words a query may have to be ranked in one pass: one bit each.
const MAX_WORDS: usize = 32;

/// The best articles of a query: those holding every word first, best first, then the best of
/// those holding some of them.
pub struct Ranking {
    /// The articles, with their scores.
    pub ranked: Vec<(Score, DocAddress)>,
    /// How many of `ranked` hold every word.
    pub full: usize,
    /// How many articles of the index hold every word.
    pub total_hits: usize,
}

/// An article found: its score, whether it holds every word, and its address.
type Found = (Score, bool, DocAddress);

/// The `wanted` best articles of `strict`, a conjunction of words (each a union over the fields
/// of `fields`, weighted, as the query parser makes it), topped up with the best of those holding
/// some of the words; `None` when `strict` is not such a conjunction of 2 to 32 words.
pub fn rank(
    searcher: &Searcher,
    strict: &dyn Query,
    fields: &[(Field, f32)],
    wanted: usize,
) -> tantivy::Result<Option<Ranking>> {
    let Some(words) = words_of(strict) else {
        return Ok(None);
    };
    let word_count = words.len();
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let mut weights = Vec::new();
    for (bit, word) in words.into_iter().enumerate() {
        match weighted_terms(word, fields) {
            Some(terms) => {
                for (term, weight) in terms {
                    weights.push((bit, weighted_term_query(term, weight).weight(scoring)?));
                }
            }
            None => weights.push((bit, word.weight(scoring)?)),
        }
    }
    let mut best = Best::new(wanted);
    let mut total_hits = 0;
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        total_hits += rank_segment(segment, ord as u32, &weights, word_count, &mut best)?;
    }
    Ok(Some(best.into_ranking(total_hits)))
}

/// The words of `strict`: its required clauses, when it has only those, two to 32 of them.
fn words_of(strict: &dyn Query) -> Option<Vec<&dyn Query>> {
    let conjunction = strict.downcast_ref::<BooleanQuery>()?;
    let clauses = conjunction.clauses();
    let required = clauses.iter().all(|(occur, _)| *occur == Occur::Must);
    (required && (2..=MAX_WORDS).contains(&clauses.len()))
        .then(|| clauses.iter().map(|(_, clause)| clause.as_ref()).collect())
}

thread_local! {
    /// Each article's score and words so far, by document id, reused from one query to the next
    /// and emptied after each segment (only the articles touched are reset).
    static TALLY: RefCell<(Vec<Score>, Vec<u32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Adds the articles of `segment` to `best`, scored by `weights`, each with the word it stands
/// for; returns how many alive ones hold all `word_count` words.
fn rank_segment(
    segment: &SegmentReader,
    ord: u32,
    weights: &[(usize, Box<dyn Weight>)],
    word_count: usize,
    best: &mut Best,
) -> tantivy::Result<usize> {
    TALLY.with_borrow_mut(|(scores, words)| {
        let size = segment.max_doc() as usize;
        if scores.len() < size {
            scores.resize(size, 0.0);
            words.resize(size, 0);
        }
        let mut touched: Vec<DocId> = Vec::new();
        for (bit, weight) in weights {
            weight.for_each(segment, &mut |doc, score| {
                let at = doc as usize;
                if words[at] == 0 {
                    touched.push(doc);
                }
                scores[at] += score;
                words[at] |= 1 << bit;
            })?;
        }
        let all = u32::MAX >> (32 - word_count);
        let alive = segment.alive_bitset();
        let mut full = 0;
        for doc in touched {
            let at = doc as usize;
            let (score, held) = (scores[at], words[at]);
            scores[at] = 0.0;
            words[at] = 0;
            if alive.is_some_and(|alive| !alive.is_alive(doc)) {
                continue;
            }
            full += usize::from(held == all);
            best.offer((score, held == all, DocAddress::new(ord, doc)));
        }
        Ok(full)
    })
}

/// The best articles holding every word and the best holding only some, `wanted` of each at most.
struct Best {
    wanted: usize,
    full: Kept,
    partial: Kept,
}

/// Articles of one kind that may be among the best: once `wanted` are kept, an article scoring
/// below the lowest of them is not.
#[derive(Default)]
struct Kept {
    found: Vec<Found>,
    floor: Score,
}

impl Best {
    fn new(wanted: usize) -> Best {
        Best {
            wanted,
            full: Kept::default(),
            partial: Kept::default(),
        }
    }

    /// Keeps `found` if it may be among the best of its kind.
    fn offer(&mut self, found: Found) {
        let kept = match found.1 {
            true => &mut self.full,
            false => &mut self.partial,
        };
        if found.0 < kept.floor {
            return;
        }
        kept.found.push(found);
        if kept.found.len() >= self.wanted.saturating_mul(2).max(64) {
            keep_best(&mut kept.found, self.wanted);
            kept.floor = kept.found.last().map_or(0.0, |f| f.0);
        }
    }

    fn into_ranking(mut self, total_hits: usize) -> Ranking {
        for kept in [&mut self.full.found, &mut self.partial.found] {
            keep_best(kept, self.wanted);
            kept.sort_unstable_by(best_first);
        }
        let full = self.full.found.len();
        let mut ranked: Vec<(Score, DocAddress)> = self
            .full
            .found
            .into_iter()
            .chain(self.partial.found)
            .map(|(score, _, address)| (score, address))
            .collect();
        ranked.truncate(self.wanted);
        Ranking {
            ranked,
            full,
            total_hits,
        }
    }
}

/// Keeps the `wanted` best of `found`, in no order; the last is the lowest of them.
fn keep_best(found: &mut Vec<Found>, wanted: usize) {
    if found.len() > wanted && wanted > 0 {
        found.select_nth_unstable_by(wanted - 1, best_first);
    }
    found.truncate(wanted);
}

/// The order of the best articles: higher score first, then the earlier article, as tantivy's
/// top documents are.
fn best_first(a: &Found, b: &Found) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.2.cmp(&b.2))
}
