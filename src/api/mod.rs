//! What front ends exchange with the library: request parameters as typed (flags, URL
//! parameters), checked, and the JSON shapes of every answer, so that the CLI and any other front
//! end accept and emit the same things.

mod request;
mod response;

pub use request::parse_day;
pub use response::{EntitiesResponse, EntityCountResponse, HitResponse, SearchResponse};
