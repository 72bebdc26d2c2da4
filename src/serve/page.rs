//! The web page, embedded in the binary: HTML, CSS and JavaScript from `page/`, no build step and
//! nothing fetched from elsewhere.

use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::IntoResponse;

/// Scripts, styles and requests only from the page's own origin.
const POLICY: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

/// `GET /`: the page.
pub async fn index() -> impl IntoResponse {
    asset("text/html; charset=utf-8", include_str!("page/index.html"))
}

/// `GET /page/app.css`.
pub async fn css() -> impl IntoResponse {
    asset("text/css; charset=utf-8", include_str!("page/app.css"))
}

/// `GET /page/app.js`.
pub async fn js() -> impl IntoResponse {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("page/app.js"),
    )
}

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    let headers = [
        (CONTENT_TYPE, content_type),
        (CACHE_CONTROL, "no-cache"),
        (CONTENT_SECURITY_POLICY, POLICY),
    ];
    (headers, body)
}
