//! The token that a private archive asks of every request: `Authorization: Bearer T`, or the
//! cookie the page gets from a one-time `?token=T` link. Without it, 401 and nothing else.

use super::AppState;
use super::params::Params;
use super::reply::ApiError;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The cookie that carries the token.
const COOKIE_NAME: &str = "depeche_token";

/// Lets a request through when no token is set or when it carries the token; a `?token=` link
/// also sets the cookie, so that the page's own requests carry it.
pub async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(token) = state.token.as_deref() else {
        return next.run(request).await;
    };
    let in_link = link_token(request.uri().query()).is_some_and(|t| same(&t, token));
    if !in_link && !carries(request.headers(), token) {
        return unauthorized();
    }
    let mut response = next.run(request).await;
    if in_link {
        let cookie = format!("{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Strict");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

/// Whether the headers carry `token`, as a bearer token or in the cookie.
fn carries(headers: &HeaderMap, token: &str) -> bool {
    let bearer = headers
        .get_all(AUTHORIZATION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.strip_prefix("Bearer "))
        .any(|given| same(given.trim(), token));
    let cookie = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name == COOKIE_NAME && same(value, token));
    bearer || cookie
}

/// The `token` parameter of a query string, decoded as every parameter is.
fn link_token(query: Option<&str>) -> Option<String> {
    let params = Params::parse(query).ok()?;
    params.get("token").map(str::to_string)
}

/// Compares in time that does not depend on where the two first differ.
fn same(given: &str, token: &str) -> bool {
    let (a, b) = (given.as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// The answer without the token: 401 with a JSON error, whatever was asked.
fn unauthorized() -> Response {
    let mut response = ApiError::unauthorized("this archive needs a token").into_response();
    response.headers_mut().insert(
        axum::http::header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_found_where_they_may_be() {
        let mut headers = HeaderMap::new();
        assert!(!carries(&headers, "s3cret"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer s3cret"));
        assert!(carries(&headers, "s3cret"));
        assert!(!carries(&headers, "s3cre"));
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=b; depeche_token=s3cret"),
        );
        assert!(carries(&headers, "s3cret"));
        assert_eq!(
            link_token(Some("q=x&token=s3%63ret")),
            Some("s3cret".into())
        );
        assert_eq!(link_token(Some("q=x")), None);
    }
}
