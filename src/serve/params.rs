//! URL parameters: the query string decoded (invalid UTF-8 refused, not replaced) and checked into
//! the library's options, with the API's limits.

use super::reply::ApiError;
use crate::api::parse_day;
use crate::search::{SearchOptions, Sort};
use percent_encoding::percent_decode_str;

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// The most hits one request may ask for.
pub const MAX_LIMIT: usize = 100;

/// The decoded `key=value` pairs of a query string, in order (a key may come back).
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes `raw` (`+` is a space); a key or value that is not UTF-8 once decoded is a 400.
    pub fn parse(raw: Option<&str>) -> Result<Params, ApiError> {
        let mut pairs = Vec::new();
        for pair in raw.unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            pairs.push((decode(key)?, decode(value)?));
        }
        Ok(Params(pairs))
    }

    /// The last value of `key`, if given.
    pub fn get(&self, key: &str) -> Option<&str> {
        let mut values = self.0.iter().rev();
        values.find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        let values = self.0.iter().filter(|(k, _)| k == key);
        values.map(|(_, v)| v.clone()).collect()
    }

    /// The query `q`, at most [`MAX_QUERY_CHARS`] characters.
    pub fn query(&self) -> Result<String, ApiError> {
        let query = self.get("q").unwrap_or_default();
        match query.chars().count() > MAX_QUERY_CHARS {
            true => Err(ApiError::bad_request(format!(
                "q: longer than {MAX_QUERY_CHARS} characters"
            ))),
            false => Ok(query.to_string()),
        }
    }

    /// A whole number parameter, `default` when absent.
    pub fn number(&self, key: &str, default: usize) -> Result<usize, ApiError> {
        match self.get(key).filter(|v| !v.is_empty()) {
            None => Ok(default),
            Some(text) => text.parse().map_err(|_| {
                ApiError::bad_request(format!("{key}: {text:?} is not a whole number"))
            }),
        }
    }

    /// A yes/no parameter: absent or `false`/`0` is no; `true`/`1`/empty is yes.
    pub fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.get(key) {
            None | Some("false" | "0") => Ok(false),
            Some("" | "true" | "1") => Ok(true),
            Some(other) => Err(ApiError::bad_request(format!(
                "{key}: {other:?} is not true or false"
            ))),
        }
    }

    /// The search these parameters ask for: `q`, `limit` (at most [`MAX_LIMIT`]), `offset`,
    /// `sort`, `from`, `to`, `entity` (repeatable), `all_terms` and `exact`.
    pub fn search_options(&self) -> Result<SearchOptions, ApiError> {
        let limit = self.number("limit", 10)?;
        if limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!(
                "limit: at most {MAX_LIMIT}, not {limit}"
            )));
        }
        let day = |param| {
            let text = self.get(param).filter(|t| !t.is_empty());
            parse_day(param, text).map_err(|e| ApiError::bad_request(format!("{param}: {e}")))
        };
        Ok(SearchOptions {
            query: self.query()?,
            limit,
            offset: self.number("offset", 0)?,
            sort: self.sort()?,
            from: day("from")?,
            to: day("to")?,
            all_terms: self.flag("all_terms")?,
            exact: self.flag("exact")?,
            entities: self
                .all("entity")
                .into_iter()
                .filter(|e| !e.trim().is_empty())
                .collect(),
            ..SearchOptions::default()
        })
    }

    /// The order asked for by `sort`: `relevance` (the default), `newest` or `oldest`.
    fn sort(&self) -> Result<Sort, ApiError> {
        match self.get("sort").unwrap_or_default() {
            "" | "relevance" => Ok(Sort::Relevance),
            "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            other => Err(ApiError::bad_request(format!(
                "sort: {other:?} is not relevance, newest or oldest"
            ))),
        }
    }
}

/// One percent-encoded component, `+` for a space.
fn decode(text: &str) -> Result<String, ApiError> {
    let spaced = text.replace('+', " ");
    let decoded = percent_decode_str(&spaced).decode_utf8();
    let decoded = decoded.map_err(|_| ApiError::bad_request("query string: not valid UTF-8"))?;
    Ok(decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode() {
        let params = Params::parse(Some("q=gr%C3%A8ve+SNCF&entity=A&entity=B%20C&x")).unwrap();
        assert_eq!(params.get("q"), Some("grève SNCF"));
        assert_eq!(params.all("entity"), ["A", "B C"]);
        assert_eq!(params.get("x"), Some(""));
        assert_eq!(params.get("y"), None);
        assert!(Params::parse(Some("q=%FF%FE")).is_err());
    }

    #[test]
    fn search_parameters_are_checked() {
        let cases = [
            ("q=a&limit=100", true),
            ("q=a&limit=101", false),
            ("q=a&limit=-1", false),
            ("q=a&offset=abc", false),
            ("q=a&sort=newest", true),
            ("q=a&sort=best", false),
            ("q=a&from=2024-02-30", false),
            ("q=a&from=2024-02-29&to=", true),
            ("q=a&all_terms=maybe", false),
            ("q=a&unknown=1", true),
        ];
        for (raw, ok) in cases {
            let options = Params::parse(Some(raw)).and_then(|p| p.search_options());
            assert_eq!(options.is_ok(), ok, "{raw}");
        }
        let long = format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1));
        let params = Params::parse(Some(&long)).unwrap();
        assert!(params.search_options().is_err());
    }
}
