//! Names built on a head word: organisations (`Institut coréen de recherche pour la stratégie
//! nationale`, `ministère de l'Agriculture`, `cour d'appel de Besançon`), venues and geographic
//! names (`Palais de l'Élysée`, `océan Pacifique`, `vallée de la Mort`) and events (`Festival de
//! Cannes`), which are read so as to be skipped.

use super::cues::is_listed_place;
use super::listed_at::longest_listed;
use crate::entities::doc::Doc;
use crate::entities::lists::Class;
use crate::entities::lists::{LEXICON, List};
use crate::entities::mention::Kind;
use crate::entities::token::Shape;
use crate::parse::month_number;

/// What a head word heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// A capitalised organisation head: `Agence`, `Parti`.
    Org,
    /// A lowercase public-body head, which needs a capitalised complement: `ministère`.
    LowerOrg,
    /// A venue or geographic head: `Palais`, `océan`, which needs a capitalised complement.
    Place,
    /// An event head: `Festival`.
    Event,
}

impl Head {
    /// The kind of entity the head names; `None` for events.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Head::Org | Head::LowerOrg => Some(Kind::Org),
            Head::Place => Some(Kind::Loc),
            Head::Event => None,
        }
    }
}

/// The head word at token `at`, if it is one. A lowercase word is looked up as written, without
/// computing its key, which keeps most words cheap.
pub fn head_at(doc: &Doc, at: usize) -> Option<Head> {
    match doc.shape(at) {
        Shape::Capitalised => {
            if doc.is(at, List::OrgHead) {
                Some(Head::Org)
            } else if doc.is(at, List::VenueHead) {
                Some(Head::Place)
            } else if doc.is(at, List::EventHead) {
                Some(Head::Event)
            } else {
                None
            }
        }
        Shape::Lower if LEXICON.is_lower_head(doc.word(at)) && may_have_complement(doc, at + 1) => {
            if doc.word(at) == "place" && !names_a_square(doc, at + 1) {
                return None;
            }
            if doc.is(at, List::LowerOrgHead) {
                Some(Head::LowerOrg)
            } else if doc.is(at, List::GeoHead) {
                Some(Head::Place)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether the words from token `at` on name the square a `place` before them is: a capital
/// (`place Tahrir`) or `de` and a capital (`place de la Concorde`, `place d'Italie`; not `place
/// à`, making room), but not France or Europe, whose standing `la place de la France` is.
fn names_a_square(doc: &Doc, at: usize) -> bool {
    let name = match link_length(doc, at) {
        Some((link, true)) if doc.is_of(at) => at + link,
        _ => at,
    };
    doc.is_capital(name) && !doc.is_one_of(name, &["France", "Europe"])
}

/// Whether token `at` may start the complement of a lowercase head: a capital, a link, or a
/// word before a link or a capital (`tribunal correctionnel de`).
fn may_have_complement(doc: &Doc, at: usize) -> bool {
    let starts = |at: usize| {
        doc.is_capital(at)
            || doc.shape(at) == Shape::Elision
            || doc.is_one_of(at, &["de", "du", "des", "à", "au", "aux"])
    };
    starts(at) || (doc.shape(at) == Shape::Lower && starts(at + 1))
}

/// One past the last token of the name headed at `start`, when the head has the complement
/// it needs. A lowercase head that is also a noun put before a name, followed by that name
/// rather than by a complement, heads nothing: `l'association Sherpa` and `le syndicat
/// Sud-Rail` name `Sherpa` and `Sud-Rail`.
pub fn headed_end(doc: &Doc, start: usize, head: Head) -> Option<usize> {
    let mut end = start + 1;
    let mut capitals = 0;
    let mut in_complement = false;
    let mut apposed = false;
    while let Some(piece) = step(doc, end, head, in_complement) {
        apposed |= capitals == 0 && piece.capital && !piece.linked;
        capitals += usize::from(piece.capital);
        in_complement |= piece.linked;
        end = piece.end;
    }
    let enough = match head {
        Head::Org => end > start + 1 && (capitals > 0 || !doc.starts_sentence(start)),
        Head::LowerOrg => {
            capitals > 0
                && !(apposed && doc.is(start, List::OrgNoun))
                && !names_a_listed_organisation(doc, start, end)
        }
        Head::Place => {
            capitals > 0
                && !(doc.shape(start) == Shape::Lower
                    && names_a_listed_organisation(doc, start, end))
        }
        Head::Event => true,
    };
    enough.then_some(end)
}

/// Whether the complement of a lowercase head is a listed organisation, which then is the only
/// name (`syndicat de la SNCF` names the SNCF, not a body of its own; `plateau de BFMTV` names
/// the channel, not a place).
fn names_a_listed_organisation(doc: &Doc, start: usize, end: usize) -> bool {
    (start + 1..end)
        .filter(|&at| doc.is_capital(at))
        .take(1)
        .any(|at| {
            longest_listed(doc, at).is_some_and(|(_, entry)| {
                matches!(
                    entry.class,
                    Class::Institution | Class::Company | Class::Media
                )
            })
        })
}

/// A piece of a headed name: an adjective, a capitalised word, or a link and its word.
struct Piece {
    /// One past its last token.
    end: usize,
    /// Whether it holds a capitalised word.
    capital: bool,
    /// Whether it starts with a link (`de`, `pour`), opening a complement.
    linked: bool,
}

/// The next piece of a headed name at token `at`; `in_complement` once a link was read, after
/// which `et` may join two complements (`de prévention et de contrôle`).
fn step(doc: &Doc, at: usize, head: Head, in_complement: bool) -> Option<Piece> {
    if is_name_part(doc, at) {
        return Some(Piece {
            end: at + 1,
            capital: true,
            linked: false,
        });
    }
    let number = head == Head::Event && doc.shape(at) == Shape::Number;
    if number || is_adjective(doc, at) && !follows_a_place(doc, at) {
        return Some(Piece {
            end: at + 1,
            capital: false,
            linked: false,
        });
    }
    if joins_two_adjectives(doc, at) {
        return Some(Piece {
            end: at + 2,
            capital: false,
            linked: false,
        });
    }
    if doc.is_one_of(at, &["et"]) && !in_complement {
        return None;
    }
    let (link, capital_allowed) = link_length(doc, at)?;
    let word = at + link;
    if locates_the_name(doc, at, word) || opens_a_purpose(doc, at, link) {
        return None;
    }
    if link == 1 && is_infinitive_with_object(doc, word) {
        return None;
    }
    if doc.is_one_of(at, &["et"]) && head_at(doc, word).is_some() {
        return None;
    }
    if capital_allowed && is_name_part(doc, word) {
        Some(Piece {
            end: word + 1,
            capital: true,
            linked: true,
        })
    } else if is_noun(doc, word) {
        Some(Piece {
            end: word + 1,
            capital: false,
            linked: true,
        })
    } else {
        None
    }
}

/// Whether token `at` is an `et` between two adjectives of the name: `Transition écologique et
/// solidaire`.
fn joins_two_adjectives(doc: &Doc, at: usize) -> bool {
    at > 0 && doc.is_one_of(at, &["et"]) && is_adjective(doc, at - 1) && is_adjective(doc, at + 1)
}

/// Whether the link at `at` and the word at `word` say where or when the name is rather than go
/// on it: `à Paris` after `musée d'Orsay`, `à l'automne` after `Parlement européen`, `aux
/// élections` after `Front national`.
fn locates_the_name(doc: &Doc, at: usize, word: usize) -> bool {
    if !doc.is_one_of(at, &["à", "au", "aux"]) {
        return false;
    }
    let place = || longest_listed(doc, word).is_some_and(|(_, entry)| entry.class == Class::Geo);
    doc.is_one_of(word, &SEASONS)
        || doc.is_one_of(word, &ELECTIONS)
        || doc.is_capital(word) && place()
}

/// Whether the link at `at`, `link` tokens long, is a bare `pour` or `à` before a lowercase word:
/// a purpose or a charge rather than more of the name (`Parlement` `à réclamer`, `parquet`
/// `pour atteinte`); in a name, an article follows them (`pour la stratégie`, `à l'énergie`).
fn opens_a_purpose(doc: &Doc, at: usize, link: usize) -> bool {
    link == 1 && doc.is_one_of(at, &["pour", "à"]) && doc.shape(at + 1) == Shape::Lower
}

/// Whether token `at` is a verb in the infinitive that takes an object, after which a bare `de`
/// is what the name is asked to do rather than more of it (`demande au Parlement` `de voter la
/// loi`, `à l'Inspection générale de la justice` `de conduire une enquête`).
fn is_infinitive_with_object(doc: &Doc, at: usize) -> bool {
    let word = doc.word(at);
    let infinitive = ["er", "ir", "re"]
        .iter()
        .any(|ending| word.ends_with(ending));
    doc.shape(at) == Shape::Lower
        && infinitive
        && (doc.is_one_of(at + 1, &DETERMINERS) || doc.is_elided(at + 1, 'l'))
}

/// Words that open a noun phrase, the object of a verb.
const DETERMINERS: [&str; 14] = [
    "la", "le", "les", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce", "cette",
    "ces",
];

/// Whether token `at` follows a listed place of one word, after which a word shaped like an
/// adjective is a verb rather than part of the name (`Agence régionale de santé de Bretagne`
/// `indique`); a place that goes on is no such place (`Massif central`).
fn follows_a_place(doc: &Doc, at: usize) -> bool {
    at > 0 && doc.is_capital(at - 1) && is_listed_place(doc, at - 1)
}

/// The seasons, which date a name after `à` or `au` rather than go on it.
const SEASONS: [&str; 4] = ["printemps", "été", "automne", "hiver"];

/// Elections, which date a name after `à` or `aux` rather than go on it.
const ELECTIONS: [&str; 5] = ["élection", "élections", "scrutin", "primaire", "primaires"];

/// Whether token `at` is a capitalised word that may go on a headed name: not a sentence
/// start, an initial, a common word, or a given name (which starts a person's name).
fn is_name_part(doc: &Doc, at: usize) -> bool {
    if !doc.is_inner_capital(at) || doc.shape(at) == Shape::Initial {
        return false;
    }
    !doc.is(at, List::CommonWord) && !doc.is(at, List::FirstName)
}

/// The number of tokens of a link at `at` before the word it introduces (`de`, `de la`, `d'`,
/// `pour l'`, `et de`, `au`), and whether that word may be capitalised: not after a bare `et`
/// (`Parti socialiste et les Républicains` is two names). A bare `et` before a lowercase word is
/// no link (`ministère de la Culture` `et coordonnées`).
fn link_length(doc: &Doc, at: usize) -> Option<(usize, bool)> {
    if doc.is_one_of(at, &["et"]) {
        return match link_length(doc, at + 1) {
            Some((inner, capital_allowed)) => Some((1 + inner, capital_allowed)),
            None if doc.is_elided(at + 1, 'l') => Some((2, false)),
            None if joins_two_plurals(doc, at) => Some((1, false)),
            None => None,
        };
    }
    let against = at > 0 && doc.is_one_of(at, &["contre"]) && doc.is_one_of(at - 1, &["lutte"]);
    let preposition = against
        || doc.is_one_of(at, &["de", "du", "des", "pour", "à", "au", "aux"])
        || doc.is_elided(at, 'd');
    if !preposition {
        return None;
    }
    let article = doc.is_one_of(at + 1, &["la", "le", "les"]) || doc.is_elided(at + 1, 'l');
    Some((1 + usize::from(article), true))
}

/// Whether token `at` is an `et` between two lowercase plural nouns of a complement, both of
/// the name: `des zoos et aquariums`, `des dépôts et consignations`, `des drogues et
/// toxicomanies`.
fn joins_two_plurals(doc: &Doc, at: usize) -> bool {
    let plural = |at: usize| doc.word(at).ends_with(['s', 'x']) && is_noun(doc, at);
    at > 0 && plural(at - 1) && plural(at + 1)
}

/// Whether token `at` is a lowercase noun that may go on a name after a link: not a function
/// word (though a noun that opens headlines may: `commission d'enquête`), not a number.
fn is_noun(doc: &Doc, at: usize) -> bool {
    doc.shape(at) == Shape::Lower
        && (!doc.is(at, List::CommonWord) || doc.is_one_of(at, &HEADLINE_NOUNS))
        && !doc.is_one_of(at, &TIME_NOUNS)
        && !doc.is_one_of(at, &PHRASE_NOUNS)
        && !is_compass_point(doc.word(at))
        && month_number(doc.word(at)).is_none()
}

/// Nouns on the common words' list because they open headlines (`Enquête :`), which go on names
/// after a link: `commission d'enquête`, `Centre d'analyse du terrorisme`. Not `sondage`: an
/// `institut de sondage` is what a named pollster is, not its name.
const HEADLINE_NOUNS: [&str; 8] = [
    "enquête",
    "analyse",
    "alerte",
    "bilan",
    "reportage",
    "décryptage",
    "témoignage",
    "témoignages",
];

/// Whether `word` is a compass point, which says where the name is rather than goes on it:
/// `île d'Égine` `au sud-ouest d'Athènes`.
pub(super) fn is_compass_point(word: &str) -> bool {
    word.split('-')
        .all(|part| matches!(part, "nord" | "sud" | "est" | "ouest"))
}

/// Nouns of time, which end a name rather than go on it, as months do: `Parlement` `au
/// lendemain` du vote, `Cour de cassation` `de novembre`.
const TIME_NOUNS: [&str; 16] = [
    "lendemain",
    "veille",
    "moment",
    "début",
    "fin",
    "cours",
    "terme",
    "issue",
    "jour",
    "soir",
    "matin",
    "mois",
    "semaine",
    "année",
    "heure",
    "suite",
];

/// Nouns of the phrases that say who leads, asks or backs rather than go on a name: `conseil
/// militaire` `à la tête du` Soudan, `à la demande de`, `en faveur de`.
const PHRASE_NOUNS: [&str; 4] = ["tête", "demande", "faveur", "initiative"];

/// Endings of French adjectives that go on a name: `régionale`, `constitutionnel`, `coréen`,
/// `islamique`, `populaire`, `socialiste`, `supérieur`, `navals`, `privées`, `infectieuses`,
/// `religieux`, `reproductifs`, `indigènes`.
const ADJECTIVE_ENDINGS: [&str; 44] = [
    "ère", "ères", "ière", "ières", "al", "ale", "ales", "als", "ées", "aux", "el", "elle", "els",
    "elles", "ien", "ienne", "iens", "iennes", "éen", "éenne", "éens", "éennes", "ais", "aise",
    "aises", "ois", "oise", "ique", "iques", "aire", "aires", "iste", "istes", "eur", "eure",
    "ain", "aine", "if", "ifs", "ives", "eux", "euse", "euses", "ènes",
];

/// Adjectives that go on a name without a telling ending.
const ADJECTIVES: [&str; 26] = [
    "ive",
    "public",
    "civil",
    "civile",
    "libre",
    "suprême",
    "unie",
    "unies",
    "uni",
    "unis",
    "vert",
    "verts",
    "rouge",
    "noire",
    "blanche",
    "grand",
    "grande",
    "haute",
    "commun",
    "commune",
    "démocrate",
    "insoumise",
    "indépendant",
    "indépendante",
    "arabe",
    "arabes",
];

/// Verbs ending as adjectives in `-iste` do: `Front national` `assiste` à la cérémonie.
const ISTE_VERBS: [&str; 7] = [
    "assiste", "insiste", "existe", "persiste", "résiste", "subsiste", "consiste",
];

/// Verbs ending as adjectives in `-ère` do (`étrangère`): le `ministère de l'Intérieur` `gère`,
/// le `Conseil constitutionnel` `considère`.
const ERE_VERBS: [&str; 24] = [
    "gère",
    "suggère",
    "considère",
    "espère",
    "préfère",
    "accélère",
    "opère",
    "tolère",
    "récupère",
    "coopère",
    "délibère",
    "libère",
    "génère",
    "exagère",
    "digère",
    "altère",
    "réitère",
    "modère",
    "confère",
    "diffère",
    "transfère",
    "interfère",
    "prolifère",
    "adhère",
];

/// Whether token `at` is a lowercase adjective that may go on a name.
fn is_adjective(doc: &Doc, at: usize) -> bool {
    if doc.shape(at) != Shape::Lower {
        return false;
    }
    let word = doc.word(at);
    let verb_like =
        word.ends_with("pelle") || ISTE_VERBS.contains(&word) || ERE_VERBS.contains(&word);
    ADJECTIVES.contains(&word)
        || word.len() > 4
            && !verb_like
            && ADJECTIVE_ENDINGS
                .iter()
                .any(|ending| word.ends_with(ending))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The headed name of `text`, read from its first head word.
    fn headed(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        let (start, head) =
            (0..doc.tokens.len()).find_map(|at| head_at(&doc, at).map(|h| (at, h)))?;
        let end = headed_end(&doc, start, head)?;
        Some(doc.form(start, end))
    }

    #[test]
    fn reads_headed_names() {
        let cases = [
            (
                "selon l'Institut coréen de recherche pour la stratégie nationale a publié",
                Some("Institut coréen de recherche pour la stratégie nationale"),
            ),
            (
                "ministère de l'Agriculture a",
                Some("ministère de l'Agriculture"),
            ),
            (
                "cour d'appel de Besançon a",
                Some("cour d'appel de Besançon"),
            ),
            (
                "secrétariat d'Etat au numérique",
                Some("secrétariat d'Etat au numérique"),
            ),
            (
                "le Centre européen de prévention et de contrôle des maladies a",
                Some("Centre européen de prévention et de contrôle des maladies"),
            ),
            (
                "l'Agence régionale de santé Provence-Alpes-Côte d'Azur a",
                Some("Agence régionale de santé Provence-Alpes-Côte d'Azur"),
            ),
            (
                "demande à l'Inspection générale de la justice de conduire une enquête",
                Some("Inspection générale de la justice"),
            ),
            (
                "la Commission nationale d'investiture de soutenir sa candidature",
                Some("Commission nationale d'investiture"),
            ),
            (
                "selon l'Association des leaders religieux du Mali, qui",
                Some("Association des leaders religieux du Mali"),
            ),
            (
                "le Centre pour les droits reproductifs a",
                Some("Centre pour les droits reproductifs"),
            ),
            ("l'Institut mène une étude", None),
            (
                "à l'université de Leeds et à l'université métropolitaine de Manchester",
                Some("université de Leeds"),
            ),
            (
                "le ministère polonais de la Culture et de la Fondation Auschwitz-Birkenau",
                Some("ministère polonais de la Culture"),
            ),
            (
                "le président du Centre d'analyse du terrorisme Jean-Charles Brisard",
                Some("Centre d'analyse du terrorisme"),
            ),
            (
                "selon la Commission d'enquête des Nations unies, qui",
                Some("Commission d'enquête des Nations unies"),
            ),
            (
                "la Chambre de commerce et d'industrie de Lyon a",
                Some("Chambre de commerce et d'industrie de Lyon"),
            ),
            (
                "le tribunal correctionnel de Montargis pour tentative d'extorsion",
                Some("tribunal correctionnel de Montargis"),
            ),
            (
                "le ministère de la Culture et coordonnées",
                Some("ministère de la Culture"),
            ),
            (
                "ministère de l'Économie et des Finances a",
                Some("ministère de l'Économie et des Finances"),
            ),
            (
                "le ministère de la Transition écologique et solidaire a",
                Some("ministère de la Transition écologique et solidaire"),
            ),
            ("océan Pacifique", Some("océan Pacifique")),
            ("rue de Vaugirard", Some("rue de Vaugirard")),
            ("l'île d'Égine au sud-ouest d'Athènes", Some("île d'Égine")),
            (
                "l'Association française des entreprises privées a",
                Some("Association française des entreprises privées"),
            ),
            ("le pont Morandi", Some("pont Morandi")),
            ("place Tahrir", Some("place Tahrir")),
            ("la place de la France dans le monde", None),
            (
                "réunis place de la Concorde hier",
                Some("place de la Concorde"),
            ),
            ("à la place de Caroline Roux", None),
            ("vallée de la Mort", Some("vallée de la Mort")),
            ("baie de San Francisco", Some("baie de San Francisco")),
            ("Palais de l'Élysée", Some("Palais de l'Élysée")),
            (
                "le Parti socialiste et les Républicains",
                Some("Parti socialiste"),
            ),
            (
                "le Conseil constitutionnel saisi par",
                Some("Conseil constitutionnel"),
            ),
            (
                "le Parti socialiste et du parti de Jean Jaurès",
                Some("Parti socialiste"),
            ),
            ("plateau d'On n'est pas couché", None),
            ("le Groupe B", None),
            (
                "l'Agence régionale de santé appelle",
                Some("Agence régionale de santé"),
            ),
            (
                "secrétariat d'Etat au numérique Cédric O.",
                Some("secrétariat d'Etat au numérique"),
            ),
            ("le syndicat de la SNCF", None),
            ("l'association Sherpa a", None),
            ("l'agence américaine Moody's", None),
            ("ministère a", None),
            ("commission d'enquête", None),
            (
                "le Front national assiste à la cérémonie",
                Some("Front national"),
            ),
            (
                "le ministère de l'Intérieur gère la crise",
                Some("ministère de l'Intérieur"),
            ),
            (
                "le Conseil constitutionnel considère que",
                Some("Conseil constitutionnel"),
            ),
            (
                "l'Agence spatiale européenne espère",
                Some("Agence spatiale européenne"),
            ),
            (
                "la Banque étrangère du Liban a",
                Some("Banque étrangère du Liban"),
            ),
            ("le conseil militaire à la tête du Soudan", None),
            (
                "le Conseil militaire de transition à la tête du Soudan",
                Some("Conseil militaire de transition"),
            ),
            (
                "le Centre de prévention des maladies infectieuses a",
                Some("Centre de prévention des maladies infectieuses"),
            ),
            ("la Ligue des États arabes", Some("Ligue des États arabes")),
            (
                "l'Office central de lutte contre la corruption enquête",
                Some("Office central de lutte contre la corruption"),
            ),
            (
                "le ministère de l'Intérieur contre les manifestants",
                Some("ministère de l'Intérieur"),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(headed(text).as_deref(), expected, "{text}");
        }
    }
}
