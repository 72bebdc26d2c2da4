//! The kinds of mentions the rules left untyped, decided from the article as a whole.

use super::MAX_PAIRS;
use super::acronym::{in_parentheses_after, spells_initials};
use super::key_numbers::KeyNumbers;
use super::short_forms::contains_words;
use crate::entities::doc::Doc;
use crate::entities::mention::{Evidence, Kind, Mention};

/// Gives each mention of unknown kind the kind of a typed mention with the same key, of a place
/// it is coordinated with (`comtés de Napa et de Sonoma`), of the organisation whose initials it
/// spells in parentheses right after it (`(Anssi)`), or of a longer place or organisation
/// name that holds its words (looked for unless that means comparing more than `MAX_PAIRS`
/// pairs); the others are left to the judge as untyped people, surnames being the commonest lone
/// capitalised words. (Keeping them as people without the judge brought in more places,
/// products and titles than people: held-out F1 0.755 against 0.788.)
pub fn decide_unknown_kinds(doc: &Doc, mentions: &mut [Mention], numbers: &KeyNumbers) {
    let decided: Vec<(usize, Option<Kind>)> = {
        let mut known: Vec<Option<Kind>> = vec![None; numbers.count];
        for (mention, &key) in mentions.iter().zip(&numbers.of_mention) {
            if let Some(kind) = mention.kind {
                known[key as usize].get_or_insert(kind);
            }
        }
        let unknown = mentions.iter().filter(|m| m.kind.is_none()).count();
        let look_inside = unknown.saturating_mul(mentions.len()) <= MAX_PAIRS;
        (0..mentions.len())
            .filter(|&at| mentions[at].kind.is_none())
            .map(|at| {
                let mention = &mentions[at];
                let before = at.checked_sub(1).map(|before| &mentions[before]);
                let coordinated =
                    before.is_some_and(|first| is_coordinated_place(doc, first, mention));
                let acronym =
                    before.is_some_and(|long| is_acronym_in_parentheses(doc, long, mention));
                let kind = match known[numbers.of_mention[at] as usize] {
                    Some(kind) => Some(kind),
                    None if coordinated => Some(Kind::Loc),
                    None if acronym => Some(Kind::Org),
                    None if look_inside => kind_of_longer_name(mentions, mention),
                    None => None,
                };
                (at, kind)
            })
            .collect()
    };
    for (at, kind) in decided {
        let mention = &mut mentions[at];
        mention.kind = Some(kind.unwrap_or(Kind::Per));
        if kind.is_none() {
            mention.evidence = Evidence::Untyped;
        }
    }
}

/// The kind of the first place or organisation whose name holds the words of `short` in a
/// row (`Figaro` beside `Le Figaro`): `short` then names it, as `fold_short_forms` will say.
fn kind_of_longer_name(mentions: &[Mention], short: &Mention) -> Option<Kind> {
    mentions
        .iter()
        .filter(|long| matches!(long.kind, Some(Kind::Loc | Kind::Org)))
        .find(|long| long.key.len() > short.key.len() && contains_words(&long.key, &short.key))
        .and_then(|long| long.kind)
}

/// Whether `short` is written in parentheses right after the organisation `long` and spells its
/// initials, in whatever case: `Agence nationale de la sécurité des systèmes d'information
/// (Anssi)`.
fn is_acronym_in_parentheses(doc: &Doc, long: &Mention, short: &Mention) -> bool {
    long.kind == Some(Kind::Org)
        && in_parentheses_after(doc, long, short)
        && spells_initials(short, long)
}

/// Whether `second` is joined to the place `first` by `et`, `ou` or a comma (`Napa et de
/// Sonoma`).
fn is_coordinated_place(doc: &Doc, first: &Mention, second: &Mention) -> bool {
    if first.kind != Some(Kind::Loc) {
        return false;
    }
    let joined = doc.is_one_of(first.end, &["et", "ou"]) || doc.is_mark(first.end, ",");
    let link = doc.is_one_of(first.end + 1, &["de", "à"]) || doc.is_elided(first.end + 1, 'd');
    joined && second.start == first.end + 1 + usize::from(link)
}
