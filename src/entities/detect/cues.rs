//! Context cues: what the words just before or after a span say about it (`M. Guyot`,
//! `la chanteuse Barbara`, `, 45 ans,`, `à Vergèze`, `loi Macron`, `les Français`).

use super::listed_at::longest_listed;
use crate::entities::doc::Doc;
use crate::entities::lists::Class;
use crate::entities::lists::List;
use crate::entities::token::Shape;

/// Whether a person cue comes just before token `start`: an honorific (`M.`, `Mme`, `Me`), or a
/// role noun, possibly followed by one adjective (`le dirigeant nord-coréen`).
pub fn person_before(doc: &Doc, start: usize) -> bool {
    let Some(mut before) = start.checked_sub(1) else {
        return false;
    };
    if doc.is_mark(before, ".") && before > 0 {
        before -= 1;
    }
    if doc.is_capital(before) && doc.is(before, List::Honorific) {
        return true;
    }
    if doc.is_lower_in(before, List::PersonRole) || doc.word(before) == "PDG" {
        return true;
    }
    let adjective = doc.shape(before) == Shape::Lower && !doc.is(before, List::CommonWord);
    adjective && before > 0 && doc.is_lower_in(before - 1, List::PersonRole)
}

/// Whether an age follows the span ending before token `end`: `, 45 ans` or `(45 ans)`.
pub fn age_after(doc: &Doc, end: usize) -> bool {
    (doc.is_mark(end, ",") || doc.is_mark(end, "("))
        && doc.shape(end + 1) == Shape::Number
        && doc.word(end + 2) == "ans"
}

/// Place nouns written before the name of the place itself, which is what readers name: the
/// `gare Montparnasse` is `Montparnasse`, the `volcan Etna` is `Etna`.
const NAMING_PLACE_NOUNS: [&str; 3] = ["gare", "volcan", "archipel"];

/// Whether a place cue comes just before token `start`: `à`, a place noun and `de` (`maire de`,
/// `commune de`, `sommet de l'`), or a place noun naming the place after it (`gare
/// Montparnasse`).
pub fn place_before(doc: &Doc, start: usize) -> bool {
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    if doc.is_one_of(before, &["à", "À", "près", "vers"])
        || doc.is_one_of(before, &NAMING_PLACE_NOUNS)
    {
        return true;
    }
    let elided_article =
        doc.is_elided(before, 'l') && before > 0 && doc.is_one_of(before - 1, &["de"]);
    let link = before - usize::from(elided_article);
    doc.is_of(link) && link > 0 && doc.is_lower_in(link - 1, List::PlaceNoun)
}

/// Whether an organisation noun comes just before token `start`, possibly followed by one
/// adjective: `la société AppAnnie`, `la milice populaire Basij`.
pub fn org_before(doc: &Doc, start: usize) -> bool {
    org_noun_just_before(doc, start)
        || start >= 2 && doc.shape(start - 1) == Shape::Lower && is_org_noun(doc, start - 2)
        || described_org_before(doc, start)
}

/// Whether an organisation noun and what the organisation does, one or two lowercase words
/// after `de`, come just before token `start`: `l'agence de presse Jiji`, `l'institut de
/// sondage Ifop`, `l'agence de presse officielle SPA`.
fn described_org_before(doc: &Doc, start: usize) -> bool {
    let lower = (1..=2)
        .take_while(|&back| start > back && doc.shape(start - back) == Shape::Lower)
        .count();
    (1..=lower).any(|words| {
        let link = start - words - 1;
        link > 0
            && doc.is_de(link)
            && doc.shape(link - 1) == Shape::Lower
            && is_org_noun(doc, link - 1)
    })
}

/// Whether an organisation noun comes right before token `start`: `l'ONG Attac France`.
pub fn org_noun_just_before(doc: &Doc, start: usize) -> bool {
    start > 0 && is_org_noun(doc, start - 1)
}

/// Whether token `at` is a noun for a kind of organisation, in lowercase or as an acronym:
/// `association`, `ONG`.
fn is_org_noun(doc: &Doc, at: usize) -> bool {
    matches!(doc.shape(at), Shape::Lower | Shape::Upper) && doc.is(at, List::OrgNoun)
}

/// Whether the name at token `start` names a thing after someone: `loi Macron`,
/// `boson de Higgs`, `Boson de Higgs` in a title.
pub fn named_after_before(doc: &Doc, start: usize) -> bool {
    let is_noun = |at: usize, list| doc.shape(at) != Shape::Upper && doc.is(at, list);
    match start {
        0 => false,
        1 => is_noun(0, List::NamedAfter),
        _ => {
            is_noun(start - 1, List::NamedAfter)
                || (doc.is_of(start - 1) && is_noun(start - 2, List::NamedAfterOf))
        }
    }
}

/// Whether a place's département or region follows the word ending before token `end`:
/// `Vergèze dans le Gard`, `Belin-Beliet, en Gironde`, `Biarritz (Pyrénées-Atlantiques)`.
pub fn place_after(doc: &Doc, end: usize) -> bool {
    if doc.is_mark(end, "(") {
        return is_listed_place(doc, end + 1) && doc.is_mark(end + 2, ")");
    }
    let at = end + usize::from(doc.is_mark(end, ","));
    if doc.is_one_of(at, &["en"]) {
        return is_listed_place(doc, at + 1);
    }
    let article = doc.is_one_of(at + 1, &["le", "la", "les"]) || doc.is_elided(at + 1, 'l');
    doc.is_one_of(at, &["dans"]) && article && is_listed_place(doc, at + 2)
}

/// Whether a listed geographic name of one token is at token `at`.
pub fn is_listed_place(doc: &Doc, at: usize) -> bool {
    let listed = longest_listed(doc, at);
    listed.is_some_and(|(end, entry)| end == at + 1 && entry.class == Class::Geo)
}

/// Whether the word at token `start` is in the portfolio of a minister, after `ministre de`:
/// `ministre de l'Economie et du Redressement productif`; right after `ministre` it is the
/// minister's party instead (`les ministres MoDem`).
pub fn portfolio_before(doc: &Doc, start: usize) -> bool {
    let mut at = start;
    while at > 0 && start - at < 8 {
        at -= 1;
        if at + 1 < start
            && doc.is_one_of(
                at,
                &[
                    "ministre",
                    "ministres",
                    "ministère",
                    "secrétaire",
                    "secrétariat",
                ],
            )
        {
            return true;
        }
        let link = doc.is_one_of(at, &["de", "du", "des", "et", "la", "le", "les"])
            || doc.is_elided(at, 'd')
            || doc.is_elided(at, 'l');
        if !link && !doc.is_capital(at) {
            return false;
        }
    }
    false
}

/// Whether a hash or an at sign comes just before token `start`: a hashtag or a social-network
/// handle (`@GroupeSNCF`), not a name as written.
pub fn hashtag_before(doc: &Doc, start: usize) -> bool {
    start > 0 && (doc.is_mark(start - 1, "#") || doc.is_mark(start - 1, "@"))
}

/// Whether a plural determiner comes just before token `start`: `les Français`, `des Bouley`.
pub fn plural_before(doc: &Doc, start: usize) -> bool {
    start > 0
        && doc.is_one_of(
            start - 1,
            &["les", "Les", "des", "Des", "aux", "Aux", "ces", "Ces"],
        )
}

/// Whether a determiner that makes a brand name a product comes just before token `start`:
/// `une Renault`, `cette Maserati`.
pub fn product_before(doc: &Doc, start: usize) -> bool {
    let determiners = [
        "une", "Une", "cette", "Cette", "sa", "Sa", "son", "Son", "leur", "ma", "notre", "votre",
    ];
    start > 0 && doc.is_one_of(start - 1, &determiners)
}

/// Whether a model designation follows a brand ending before token `end`: `Audi A4`,
/// `Porsche 911`.
pub fn model_after(doc: &Doc, end: usize) -> bool {
    match doc.shape(end) {
        Shape::Number => true,
        Shape::Upper | Shape::Capitalised => doc.word(end).chars().any(|c| c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Token index of `word` in `doc`.
    fn at(doc: &Doc, word: &str) -> usize {
        (0..doc.tokens.len())
            .find(|&i| doc.word(i) == word)
            .expect("word in text")
    }

    #[test]
    fn finds_person_cues() {
        let cases = [
            ("Hier, M. Guyot est venu.", "Guyot", true),
            ("selon Me Dupuis", "Dupuis", true),
            ("la chanteuse Barbara", "Barbara", true),
            ("le dirigeant nord-coréen Kim", "Kim", true),
            ("le PDG Durand", "Durand", true),
            ("il est venu à Vergèze", "Vergèze", false),
            ("le procureur de Nîmes", "Nîmes", false),
        ];
        for (text, word, expected) in cases {
            let doc = Doc::new(text);
            assert_eq!(person_before(&doc, at(&doc, word)), expected, "{text}");
        }
    }

    #[test]
    fn finds_other_cues() {
        let doc = Doc::new(
            "Le maire de Vergèze, 45 ans, vit à Nîmes, loi Macron, les Français, une Renault 5",
        );
        assert!(place_before(&doc, at(&doc, "Vergèze")));
        assert!(age_after(&doc, at(&doc, "Vergèze") + 1));
        assert!(place_before(&doc, at(&doc, "Nîmes")));
        assert!(named_after_before(&doc, at(&doc, "Macron")));
        assert!(plural_before(&doc, at(&doc, "Français")));
        assert!(product_before(&doc, at(&doc, "Renault")));
        assert!(model_after(&doc, at(&doc, "Renault") + 1));
    }

    #[test]
    fn finds_places_after_place_nouns_and_events() {
        let cases = [
            ("le maire de Vergèze", "Vergèze", true),
            ("les incendies de Landiras et de Hostens", "Landiras", true),
            ("la tuerie de Chevaline", "Chevaline", true),
            ("après l'attentat de Nice", "Nice", true),
            ("la fusillade d'Uvalde", "Uvalde", true),
            ("la déclaration de Dupont", "Dupont", false),
            ("le départ de Dupont", "Dupont", false),
        ];
        for (text, word, expected) in cases {
            let doc = Doc::new(text);
            assert_eq!(place_before(&doc, at(&doc, word)), expected, "{text}");
        }
    }

    #[test]
    fn finds_places_after_and_portfolios_before() {
        let doc = Doc::new(
            "la feria de Vergèze dans le Gard, Belin-Beliet, en Gironde, Biarritz (Landes) et Dax",
        );
        assert!(place_after(&doc, at(&doc, "Vergèze") + 1));
        assert!(place_after(&doc, at(&doc, "Belin-Beliet") + 1));
        assert!(place_after(&doc, at(&doc, "Biarritz") + 1));
        assert!(!place_after(&doc, at(&doc, "Dax") + 1));
        let doc = Doc::new("l'ancien ministre de l'Economie et du Redressement productif, Arnaud");
        assert!(portfolio_before(&doc, at(&doc, "Redressement")));
        assert!(!portfolio_before(&doc, at(&doc, "Arnaud")));
        let doc = Doc::new("les ministres MoDem François Bayrou et Sylvie Goulard");
        assert!(!portfolio_before(&doc, at(&doc, "MoDem")));
    }
}
