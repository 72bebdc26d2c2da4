//! Text clean-up before parsing: byte-order mark, line endings, Unicode NFC, control characters.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Cleans decoded text: drops a BOM, turns CRLF and CR into LF, composes to NFC and removes control
/// characters other than newline and tab. Text that needs none of it is copied as is.
pub fn clean_text(text: &str) -> String {
    let text = text.trim_start_matches('\u{feff}');
    let has_controls = text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t');
    let text = if has_controls {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect()
    } else {
        text.to_string()
    };
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
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
