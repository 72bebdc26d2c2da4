//! Query text as users type it, made safe for tantivy's grammar: elided words such as `l'État`
//! or `aujourd’hui` become phrases, and a colon after a word that is not a field is escaped.

/// Rewrites `query` so that apostrophes and stray colons parse; `fields` are the known field names.
pub fn rewrite(query: &str, fields: &[&str]) -> String {
    let mut out = String::with_capacity(query.len() + 8);
    let mut in_phrase = false;
    let mut word = String::new();
    for c in query.chars().chain(std::iter::once(' ')) {
        if in_phrase {
            out.push(c);
            in_phrase = c != '"';
        } else if c == '"' && word.is_empty() {
            out.push(c);
            in_phrase = true;
        } else if c.is_whitespace() {
            out.push_str(&rewrite_word(&word, fields));
            out.push(c);
            word.clear();
        } else {
            word.push(c);
        }
    }
    out.pop();
    out
}

/// One bare word: `title:l'État` → `title:"l'État"`, `Covid-19:` → `Covid-19\:`.
fn rewrite_word(word: &str, fields: &[&str]) -> String {
    let sign_len = word.len() - word.trim_start_matches(['-', '+']).len();
    let (sign, rest) = word.split_at(sign_len);
    let (field, term) = match rest.split_once(':') {
        Some((field, term)) if fields.contains(&field) => (Some(field), term),
        _ => (None, rest),
    };
    let term = if field.is_none() {
        term.replace(':', "\\:")
    } else {
        term.to_string()
    };
    let term = if term.contains(['\'', '’']) && !term.starts_with('"') {
        format!("\"{}\"", term.replace('"', ""))
    } else {
        term
    };
    match field {
        Some(field) => format!("{sign}{field}:{term}"),
        None => format!("{sign}{term}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_what_tantivy_would_reject() {
        let fields = ["title", "body"];
        let cases = [
            ("aujourd'hui", "\"aujourd'hui\""),
            ("l'État grève", "\"l'État\" grève"),
            ("title:d’Ukraine", "title:\"d’Ukraine\""),
            ("-l'armée", "-\"l'armée\""),
            ("\"l'armée de terre\" paix", "\"l'armée de terre\" paix"),
            ("Covid-19: bilan", "Covid-19\\: bilan"),
            (
                "title:grève OR body:manifestants",
                "title:grève OR body:manifestants",
            ),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(rewrite(input, &fields), expected, "{input}");
        }
    }
}
