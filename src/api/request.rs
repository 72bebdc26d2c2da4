//! Requests as front ends receive them, as text (flags, URL parameters), checked before they
//! become the library's options.

use crate::error::{Error, Result};
use chrono::NaiveDate;

/// The day `text` names, `YYYY-MM-DD`, given for the parameter `param` (`from`, `to`); none
/// when there is no text.
pub fn parse_day(param: &'static str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| Error::Date {
            param,
            text: t.to_string(),
        })
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_checked() {
        let cases = [
            (Some("2024-03-01"), Ok(NaiveDate::from_ymd_opt(2024, 3, 1))),
            (None, Ok(None)),
            (
                Some("2024-02-30"),
                Err("date \"2024-02-30\": expected YYYY-MM-DD"),
            ),
            (
                Some("1 mars 2024"),
                Err("date \"1 mars 2024\": expected YYYY-MM-DD"),
            ),
        ];
        for (text, expected) in cases {
            let got = parse_day("from", text).map_err(|e| e.to_string());
            assert_eq!(got, expected.map_err(str::to_string), "{text:?}");
        }
    }
}
