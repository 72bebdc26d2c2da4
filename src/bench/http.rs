//! `depeche bench --url`: the query file replayed against a running `depeche serve` over HTTP, by
//! concurrent clients that each keep one connection alive and share the rounds between them.
//!
//! The report is the in-process one, timed at the client (request sent to whole body read), plus
//! `errors`. What only the server knows is zero: `open_ms` (the server opened the index),
//! `rank_ms` and `load_ms` (the split of its time). `first_query_ms` is the first request, on a
//! new connection, before any warm-up.

use super::{BenchQuery, BenchReport, Tally, Tick, ms, report};
use crate::error::{Error, Result};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Bytes left as they are in a query-string value: RFC 3986's unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// How long one request may take, connection included, before it counts as an error.
const TIMEOUT: Duration = Duration::from_secs(30);

/// What `depeche bench --url` is asked to measure.
#[derive(Clone, Debug)]
pub struct HttpOptions {
    /// The server's base URL, `http://HOST:PORT` (a trailing `/` is ignored).
    pub url: String,
    /// Timed rounds over the query set, shared by the clients.
    pub runs: usize,
    /// Untimed rounds before timing, shared the same way.
    pub warmup: usize,
    /// Hits asked for per query.
    pub limit: usize,
    /// Clients asking at once, each on its own keep-alive connection.
    pub clients: usize,
    /// Ask for the facets of each search (`facets=true`).
    pub facets: bool,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            url: "http://127.0.0.1:7878".into(),
            runs: 5,
            warmup: 1,
            limit: 10,
            clients: 1,
            facets: true,
        }
    }
}

/// The part of a search answer the bench reads.
#[derive(Deserialize)]
struct Answer {
    hits: Vec<IgnoredAny>,
}

/// One request's timing, or why it failed.
type Asked = std::result::Result<(u64, bool), String>;

/// The URL of the search of `query` on the server at `base`:
/// `BASE/api/search?q=QUERY&limit=K&facets=true|false`, the query percent-encoded as UTF-8.
pub fn search_url(base: &str, query: &str, limit: usize, facets: bool) -> String {
    let base = base.trim_end_matches('/');
    let query = utf8_percent_encode(query, UNRESERVED);
    format!("{base}/api/search?q={query}&limit={limit}&facets={facets}")
}

/// Runs the benchmark against the server at `options.url`: one first request (its failure ends
/// the run with [`Error::Http`]), `warmup` untimed rounds, then `runs` timed rounds; each round
/// replays the query set once, its queries shared by the clients. Later failures and statuses
/// other than 200 are counted in `errors`, not timed.
pub fn run_http(
    options: &HttpOptions,
    queries: &[BenchQuery],
    tick: &dyn Tick,
) -> Result<BenchReport> {
    let urls = urls(options, queries)?;
    let agents: Vec<ureq::Agent> = (0..options.clients.max(1)).map(|_| agent()).collect();
    let first = Instant::now();
    ask(&agents[0], &urls[0]).map_err(|reason| Error::Http {
        url: urls[0].clone(),
        reason,
    })?;
    let first_query_ms = ms(first);
    let replay = Replay {
        agents: &agents,
        urls: &urls,
        queries,
    };
    replay.rounds(options.warmup, &NoTick);
    let started = Instant::now();
    let (tally, errors) = replay.rounds(options.runs, tick);
    let wall_s = started.elapsed().as_secs_f64();
    let mut report = report(tally, agents.len(), wall_s, 0.0, first_query_ms);
    report.errors = Some(errors);
    Ok(report)
}

/// The search URL of every query; a base that is not `http://…` is an error.
fn urls(options: &HttpOptions, queries: &[BenchQuery]) -> Result<Vec<String>> {
    if !options.url.starts_with("http://") {
        return Err(Error::Http {
            url: options.url.clone(),
            reason: "expected http://HOST:PORT (plain HTTP only)".into(),
        });
    }
    let url = |q: &BenchQuery| search_url(&options.url, &q.query, options.limit, options.facets);
    Ok(queries.iter().map(url).collect())
}

/// A client: statuses are answers, not errors; one request may take [`TIMEOUT`].
fn agent() -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .build();
    ureq::Agent::new_with_config(config)
}

/// `GET url`: the microseconds until the whole body was read, and whether it holds hits; a
/// failure, a status other than 200 or a body that is not a search answer is an error.
fn ask(agent: &ureq::Agent, url: &str) -> Asked {
    let started = Instant::now();
    let mut response = agent.get(url).call().map_err(|e| e.to_string())?;
    let body = response.body_mut().read_to_vec();
    let micros = started.elapsed().as_micros() as u64;
    let body = body.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(format!("status {status}: {}", server_message(&body)));
    }
    let answer: Answer = serde_json::from_slice(&body).map_err(|e| {
        format!(
            "not a search answer ({e}): {}",
            String::from_utf8_lossy(&body)
        )
    })?;
    Ok((micros, !answer.hits.is_empty()))
}

/// What the server said in an error answer: the `error` of its JSON, or the body as it is.
fn server_message(body: &[u8]) -> String {
    #[derive(Deserialize)]
    struct Refusal {
        error: String,
    }
    match serde_json::from_slice::<Refusal>(body) {
        Ok(refusal) => refusal.error,
        Err(_) => String::from_utf8_lossy(body).trim().to_string(),
    }
}

/// The clients and what they replay.
struct Replay<'a> {
    agents: &'a [ureq::Agent],
    urls: &'a [String],
    queries: &'a [BenchQuery],
}

impl Replay<'_> {
    /// `rounds` rounds over the queries, shared by the clients: their tally and errors.
    fn rounds(&self, rounds: usize, tick: &dyn Tick) -> (Tally, u64) {
        let total = rounds * self.queries.len();
        let next = AtomicUsize::new(0);
        let errors = AtomicU64::new(0);
        let tally = Mutex::new(Tally::default());
        std::thread::scope(|scope| {
            for agent in self.agents {
                let (next, errors, tally) = (&next, &errors, &tally);
                scope.spawn(move || {
                    let local = self.client(agent, next, total, errors, tick);
                    local.merge_into(tally, |a, b| a + b);
                });
            }
        });
        let tally = tally.into_inner().unwrap_or_else(|p| p.into_inner());
        (tally, errors.into_inner())
    }

    /// One client: takes the next request of the `total` until none is left.
    fn client(
        &self,
        agent: &ureq::Agent,
        next: &AtomicUsize,
        total: usize,
        errors: &AtomicU64,
        tick: &dyn Tick,
    ) -> Tally {
        let mut local = Tally::default();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= total {
                return local;
            }
            let at = i % self.queries.len();
            match ask(agent, &self.urls[at]) {
                Ok((micros, hits)) => {
                    let first_round = i < self.queries.len();
                    local.record(&self.queries[at].class, micros, hits && first_round);
                }
                Err(_) => {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            tick.tick();
        }
    }
}

/// Ticks nowhere: the warm-up rounds are not counted.
struct NoTick;

impl Tick for NoTick {
    fn tick(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_urls_encode_the_query() {
        let cases = [
            (
                "http://127.0.0.1:8080",
                "\"grève\" é &",
                10,
                true,
                "http://127.0.0.1:8080/api/search?q=%22gr%C3%A8ve%22%20%C3%A9%20%26&limit=10&facets=true",
            ),
            (
                "http://h:1/",
                "a+b=c?d#e/f",
                5,
                false,
                "http://h:1/api/search?q=a%2Bb%3Dc%3Fd%23e%2Ff&limit=5&facets=false",
            ),
            (
                "http://h:1",
                "l’État -SNCF date:[2019-12-01 TO 2020-01-31]",
                10,
                false,
                "http://h:1/api/search?q=l%E2%80%99%C3%89tat%20-SNCF%20date%3A%5B2019-12-01%20TO%202020-01-31%5D&limit=10&facets=false",
            ),
            (
                "http://h:1",
                "",
                10,
                true,
                "http://h:1/api/search?q=&limit=10&facets=true",
            ),
        ];
        for (base, query, limit, facets, expected) in cases {
            assert_eq!(search_url(base, query, limit, facets), expected, "{query}");
        }
    }

    #[test]
    fn error_answers_say_the_server_message() {
        let cases: [(&[u8], &str); 3] = [
            (br#"{"error":"limit: at most 100"}"#, "limit: at most 100"),
            (b"Bad Gateway\n", "Bad Gateway"),
            (b"", ""),
        ];
        for (body, expected) in cases {
            assert_eq!(server_message(body), expected);
        }
    }

    #[test]
    fn only_plain_http_urls_are_asked() {
        let queries = [BenchQuery {
            class: "default".into(),
            query: "grève".into(),
        }];
        let cases = [
            ("http://127.0.0.1:1", true),
            ("https://127.0.0.1:1", false),
            ("127.0.0.1:1", false),
        ];
        for (url, ok) in cases {
            let options = HttpOptions {
                url: url.into(),
                ..HttpOptions::default()
            };
            assert_eq!(urls(&options, &queries).is_ok(), ok, "{url}");
        }
    }
}
