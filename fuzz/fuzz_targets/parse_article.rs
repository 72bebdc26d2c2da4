//! Fuzz target `parse_article`: arbitrary bytes through the article parser in every input format,
//! then the entity extractor on every article that parses. Nothing may panic; errors are fine.
//!
//! Input: the first byte picks the format (`% 5`: txt, md, html, json, jsonl) and whether the file
//! has a modification date (bit 7, for the year inference); the rest is the file's content.

#![no_main]

use chrono::NaiveDate;
use depeche::entities;
use depeche::parse::{Format, Source, parse_bytes};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const FORMATS: [(Format, &str); 5] = [
    (Format::Text, "2019/fuzz.txt"),
    (Format::Markdown, "fuzz.md"),
    (Format::Html, "fuzz.html"),
    (Format::Json, "fuzz.json"),
    (Format::JsonLines, "fuzz.jsonl"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let (format, path) = FORMATS[usize::from(selector) % FORMATS.len()];
    let source = Source {
        path: Path::new(path),
        modified: (selector & 0x80 != 0).then(|| NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
    };
    if let Ok(parsed) = parse_bytes(content, format, &source) {
        for article in &parsed.articles {
            let _ = entities::extract(&article.title, &article.body);
        }
    }
});
