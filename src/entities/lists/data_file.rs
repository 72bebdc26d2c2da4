//! The data files of `data/`: one entry a line, blank lines and `#` comments left out.

/// The lines of a data file that are not blank or `#` comments.
pub fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}
