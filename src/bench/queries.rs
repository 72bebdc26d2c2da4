//! Query files: one query per line, or `class<TAB>query`, with `#` comments.

use crate::error::{Error, Result};
use std::path::Path;

/// One query of a query file, with its class (`default` when the line has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenchQuery {
    /// The group the query belongs to (`phrase`, `rare-term`…).
    pub class: String,
    /// The query text.
    pub query: String,
}

/// Reads a query file: one query per line, `class<TAB>query` to group them; blank lines and lines
/// starting with `#` are ignored.
pub fn read_queries(path: &Path) -> Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path).map_err(|cause| Error::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    let queries: Vec<BenchQuery> = text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| match line.split_once('\t') {
            Some((class, query)) => BenchQuery {
                class: class.trim().into(),
                query: query.into(),
            },
            None => BenchQuery {
                class: "default".into(),
                query: line.into(),
            },
        })
        .collect();
    if queries.is_empty() {
        return Err(Error::NoQueries {
            path: path.to_path_buf(),
        });
    }
    Ok(queries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_query_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.txt");
        std::fs::write(
            &path,
            "# comment\n\nphrase\t\"fonte des glaciers\"\ngrève\n",
        )
        .unwrap();
        let queries = read_queries(&path).unwrap();
        let expected = [
            BenchQuery {
                class: "phrase".into(),
                query: "\"fonte des glaciers\"".into(),
            },
            BenchQuery {
                class: "default".into(),
                query: "grève".into(),
            },
        ];
        assert_eq!(queries, expected);
    }
}
