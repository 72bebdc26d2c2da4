//! Site boilerplate of scraped news pages: read-time notices, obfuscated e-mails, `(FIN)`,
//! copyright notices, and the `Related Posts:` tail.

use regex::Regex;
use std::sync::LazyLock;

static BOILERPLATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            estimated\ read\ time\b.*\bmin\ read
          | \(fin\)
          | \[email\ protected\]
          | copyright\s*(?:\(c\)|©).*
          | ©.*(?:tous\ droits|reproduction).*
          | tous\ droits\ réservés\.?
        )\s*$",
    )
    .expect("the boilerplate pattern is valid")
});

static OBFUSCATED_EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\[email\s+protected\]").expect("the e-mail pattern is valid"));

/// The lines of `text` that are article, not site furniture: boilerplate lines are dropped and
/// everything from a `Related Posts:` line on is cut.
pub fn article_lines(text: &str) -> Vec<String> {
    text.lines()
        .take_while(|line| !line.trim_start().starts_with("Related Posts:"))
        .filter(|line| !BOILERPLATE_LINE.is_match(line))
        .map(|line| OBFUSCATED_EMAIL.replace_all(line, "").trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_boilerplate() {
        let input = "Titre\n\nEstimated read time 2 min read\n\nTexte utile.\n\
            [email protected]\n\n(FIN)\n\nCopyright (c) Agence de presse Yonhap. Toute reproduction interdite.\n\n\
            Related Posts:\nAutre article\nEncore un";
        let expected = ["Titre", "", "", "Texte utile.", "", "", ""];
        assert_eq!(article_lines(input), expected);
    }

    #[test]
    fn keeps_ordinary_lines() {
        let cases = [
            "La fin (FIN) du texte",
            "Il a estimé le temps de lecture",
            "copyright en débat",
        ];
        for line in cases {
            assert_eq!(article_lines(line), [line]);
        }
    }
}
