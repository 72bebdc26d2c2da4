//! Text clean-up before parsing: byte-order mark, line endings, Unicode NFC, control characters.

use unicode_normalization::UnicodeNormalization;

/// Cleans decoded text: drops a BOM, turns CRLF and CR into LF, composes to NFC and removes control
/// characters other than newline and tab.
pub fn clean_text(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans() {
        let cases = [
            ("\u{feff}Titre\r\n\r\nCorps", "Titre\n\nCorps"),
            ("Cor\u{65}\u{301}e", "Corée"),
            ("a\u{0}b\u{7}c\td", "abc\td"),
        ];
        for (input, expected) in cases {
            assert_eq!(clean_text(input), expected);
        }
    }
}
