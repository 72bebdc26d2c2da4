//! From a corpus folder to an up-to-date index: the schema, the walk over the corpus, what the
//! index already holds of each file, opening index folders, and the indexer that ties them.

mod indexer;
pub(crate) mod schema;
mod sources;
pub(crate) mod store;
pub(crate) mod walk;

pub use indexer::{IndexOptions, IndexSummary, NoProgress, Progress, Skipped, build_index};
pub use schema::Fields;
