//! The integration tests, in one test binary so that tantivy and the other dependencies are linked
//! once for all of them: each module was a test file of its own.

mod common;
mod server;

mod bench;
mod browser;
mod crash;
mod entities;
mod entities_dev_set;
mod export;
mod extract;
mod fuzz_regressions;
mod hostile;
mod index;
mod lucene;
mod reindex;
mod search;
mod serve;
mod shared_corpus;
mod skips;
