//! `depeche bench`: replays a query file against an index and reports latency percentiles and
//! throughput, per query class and overall, the way users quote them: in process against an
//! index, or over HTTP against a running `depeche serve` ([`http`]).

pub mod http;
mod queries;

pub use http::{HttpOptions, run_http, search_url};
pub use queries::{BenchQuery, read_queries};

use crate::api::search_page;
use crate::error::Result;
use crate::search::{Engine, SearchOptions, SearchResults};
use hdrhistogram::Histogram;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

/// What `depeche bench` is asked to measure.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// The index to query.
    pub index: PathBuf,
    /// How many times each query is run in the timed rounds.
    pub runs: usize,
    /// Untimed rounds over the whole query set before timing, on each timing thread.
    pub warmup: usize,
    /// Hits asked for per query.
    pub limit: usize,
    /// Threads replaying the query set at once.
    pub threads: usize,
    /// Build snippets for the hits (as `search` does).
    pub snippets: bool,
    /// Search the words only as typed, without the spelling corrections `search` makes.
    pub exact: bool,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            index: PathBuf::from("index"),
            runs: 5,
            warmup: 1,
            limit: 10,
            threads: 1,
            snippets: true,
            exact: false,
        }
    }
}

/// Latency and throughput of a set of queries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Timed query executions.
    pub count: u64,
    /// Queries of the set that returned at least one hit.
    pub with_hits: u64,
    /// Latency percentiles and maximum, in milliseconds.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// 99.9th percentile.
    pub p999_ms: f64,
    /// Slowest execution.
    pub max_ms: f64,
    /// Executions per second: overall, of the timed rounds' wall time (all threads); per class, of
    /// the time spent on that class's queries.
    pub qps: f64,
}

/// What a bench run measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BenchReport {
    /// All queries together.
    pub overall: Stats,
    /// Per query class.
    pub classes: BTreeMap<String, Stats>,
    /// Opening the index, in milliseconds.
    pub open_ms: f64,
    /// The first query after opening, before any warm-up, in milliseconds.
    pub first_query_ms: f64,
    /// Time in ranking (query parsing, matching, scoring), summed over timed executions, in ms.
    pub rank_ms: f64,
    /// Time loading documents and making snippets, summed over timed executions, in ms.
    pub load_ms: f64,
    /// Wall time of the timed rounds, in seconds.
    pub wall_s: f64,
    /// Requests that failed or did not answer a search with status 200: `Some` for HTTP runs
    /// only (a search in process either works or ends the run).
    pub errors: Option<u64>,
    /// The bench process's memory after the timed rounds: `Some` for runs in process on Linux.
    pub memory: Option<Memory>,
}

/// A process's resident memory, and how much of it is its own rather than mapped files.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Memory {
    /// Resident set size, in megabytes (10^6 bytes): the process's own memory and the pages of
    /// the index files it has read.
    pub rss_mb: f64,
    /// The anonymous part of it, in megabytes: heap and stacks, not the mapped index.
    pub anonymous_mb: f64,
}

impl Memory {
    /// This process's memory now, from `/proc/self/status`; none where it cannot be read.
    pub fn of_this_process() -> Option<Memory> {
        let status = procfs::process::Process::myself().ok()?.status().ok()?;
        let megabytes = |kilobytes: u64| kilobytes as f64 * 1024.0 / 1e6;
        Some(Memory {
            rss_mb: megabytes(status.vmrss?),
            anonymous_mb: megabytes(status.rssanon?),
        })
    }
}

/// Called after each timed query, for a progress bar.
pub trait Tick: Sync {
    /// One more query done.
    fn tick(&self);
}

/// Per-class accumulation during the timed rounds.
#[derive(Default)]
struct Tally {
    latencies: BTreeMap<String, Histogram<u64>>,
    with_hits: BTreeMap<String, u64>,
    rank_ms: f64,
    load_ms: f64,
}

impl Tally {
    /// One timed execution of a query of `class`, in microseconds; `hits` when it is of the first
    /// round and found something.
    fn record(&mut self, class: &str, micros: u64, hits: bool) {
        let histogram = match self.latencies.get_mut(class) {
            Some(histogram) => histogram,
            None => self
                .latencies
                .entry(class.into())
                .or_insert_with(new_histogram),
        };
        histogram.saturating_record(micros.max(1));
        if hits {
            *self.with_hits.entry(class.into()).or_default() += 1;
        }
    }

    /// Adds one thread's tally to `shared`. A class's queries with hits combine by `hits`: `max`
    /// when every thread replays the whole set, a sum when the threads share it.
    fn merge_into(self, shared: &Mutex<Tally>, hits: fn(u64, u64) -> u64) {
        let mut shared = shared.lock().unwrap_or_else(|p| p.into_inner());
        for (class, histogram) in self.latencies {
            let merged = shared.latencies.entry(class).or_insert_with(new_histogram);
            merged.add(&histogram).ok();
        }
        for (class, n) in self.with_hits {
            let merged = shared.with_hits.entry(class).or_default();
            *merged = hits(*merged, n);
        }
        shared.rank_ms += self.rank_ms;
        shared.load_ms += self.load_ms;
    }
}

/// Runs the benchmark: open, first query, then on each of `threads` the warm-up rounds and `runs`
/// timed rounds.
pub fn run(options: &BenchOptions, queries: &[BenchQuery], tick: &dyn Tick) -> Result<BenchReport> {
    let opened = Instant::now();
    let engine = Engine::open(&options.index)?;
    let open_ms = ms(opened);
    let first = Instant::now();
    searched(&engine, &queries[0], options)?;
    let first_query_ms = ms(first);
    let tally = Mutex::new(Tally::default());
    let started = Instant::now();
    std::thread::scope(|scope| -> Result<()> {
        let workers: Vec<_> = (0..options.threads.max(1))
            .map(|_| scope.spawn(|| replay(&engine, queries, options, &tally, tick)))
            .collect();
        workers
            .into_iter()
            .try_for_each(|w| w.join().unwrap_or(Ok(())))
    })?;
    let wall_s = started.elapsed().as_secs_f64();
    let tally = tally.into_inner().unwrap_or_else(|p| p.into_inner());
    let report = report(
        tally,
        options.threads.max(1),
        wall_s,
        open_ms,
        first_query_ms,
    );
    Ok(BenchReport {
        memory: Memory::of_this_process(),
        ..report
    })
}

/// One thread's warm-up rounds, then its timed rounds: the caches each thread keeps (the French
/// analyser's, the ranking's tally) are warmed on the thread that is timed, as a server's
/// long-lived threads have theirs.
fn replay(
    engine: &Engine,
    queries: &[BenchQuery],
    options: &BenchOptions,
    tally: &Mutex<Tally>,
    tick: &dyn Tick,
) -> Result<()> {
    for _ in 0..options.warmup {
        for query in queries {
            searched(engine, query, options)?;
        }
    }
    let mut local = Tally::default();
    for round in 0..options.runs {
        for query in queries {
            let started = Instant::now();
            let results = searched(engine, query, options)?;
            let micros = started.elapsed().as_micros() as u64;
            let hits = round == 0 && !results.hits.is_empty();
            local.record(&query.class, micros, hits);
            local.rank_ms += results.rank_ms;
            local.load_ms += results.took_ms - results.rank_ms;
            tick.tick();
        }
    }
    local.merge_into(tally, u64::max);
    Ok(())
}

fn report(
    tally: Tally,
    threads: usize,
    wall_s: f64,
    open_ms: f64,
    first_query_ms: f64,
) -> BenchReport {
    let mut overall = new_histogram();
    let mut classes = BTreeMap::new();
    for (class, histogram) in &tally.latencies {
        overall.add(histogram).ok();
        let with_hits = tally.with_hits.get(class).copied().unwrap_or(0);
        let busy_s = histogram.mean() * histogram.len() as f64 / 1e6 / threads as f64;
        classes.insert(class.clone(), stats(histogram, with_hits, busy_s));
    }
    let with_hits = tally.with_hits.values().sum();
    BenchReport {
        overall: stats(&overall, with_hits, wall_s),
        classes,
        open_ms,
        first_query_ms,
        rank_ms: tally.rank_ms,
        load_ms: tally.load_ms,
        wall_s,
        errors: None,
        memory: None,
    }
}

/// Percentiles of `histogram`, and its executions per second over `seconds`.
fn stats(histogram: &Histogram<u64>, with_hits: u64, seconds: f64) -> Stats {
    let at = |q: f64| histogram.value_at_quantile(q) as f64 / 1e3;
    Stats {
        count: histogram.len(),
        with_hits,
        p50_ms: at(0.5),
        p90_ms: at(0.9),
        p99_ms: at(0.99),
        p999_ms: at(0.999),
        max_ms: histogram.max() as f64 / 1e3,
        qps: histogram.len() as f64 / seconds.max(1e-9),
    }
}

fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 60_000_000, 3).expect("constant histogram bounds are valid")
}

/// The results of `query` as `search` gets them: its words corrected unless exact, a query the
/// parser refuses repaired (no facets).
fn searched(engine: &Engine, query: &BenchQuery, options: &BenchOptions) -> Result<SearchResults> {
    Ok(search_page(engine, &search_options(query, options), false)?.results)
}

fn search_options(query: &BenchQuery, options: &BenchOptions) -> SearchOptions {
    SearchOptions {
        query: query.query.clone(),
        limit: options.limit,
        snippets: options.snippets,
        exact: options.exact,
        ..SearchOptions::default()
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_come_from_the_histogram() {
        let mut histogram = new_histogram();
        for micros in 1..=1000 {
            histogram.record(micros).unwrap();
        }
        let stats = stats(&histogram, 3, 2.0);
        assert_eq!((stats.count, stats.with_hits), (1000, 3));
        assert_eq!((stats.p50_ms, stats.p99_ms, stats.max_ms), (0.5, 0.99, 1.0));
        assert_eq!(stats.qps, 500.0);
    }
}
