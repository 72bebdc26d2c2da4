//! What front ends exchange with the library: request parameters as typed (flags, URL
//! parameters), checked, and the JSON shapes of every answer, so that the CLI and any other front
//! end accept and emit the same things.

mod request;
mod response;
mod search_page;

pub use request::parse_day;
pub use response::{
    ArticleHead, ArticleResponse, EntitiesResponse, EntityCountResponse, ErrorResponse,
    FacetsResponse, HitResponse, NameCount, PeriodCount, SearchPageResponse, SearchResponse,
    StatsResponse,
};
pub use search_page::{SearchPage, search_page};
