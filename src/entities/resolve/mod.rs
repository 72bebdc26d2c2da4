//! From an article's mentions to its entities: unknown kinds decided, people merged, shortened
//! names folded into the longest form, aliases and acronyms into the first form written, listed
//! places and organisations named as the gazetteer names them.

mod acronym;
mod merge_people;

use crate::article::Entities;
use crate::entities::doc::Doc;
use crate::entities::judge::{Seen, WEIGHTS, judge};
use crate::entities::lists::{Class, GAZETTEER};
use crate::entities::mention::{Evidence, Kind, Mention};
use crate::entities::name_key::starts_with_word;
use acronym::{in_parentheses_after, is_acronym_of, spells_initials};
use merge_people::merge_people;
use rustc_hash::FxHashMap;
use smallvec::SmallVec;

/// The most pairs of names an article's names are compared in (merging people, folding short
/// forms, finding aliases): past it, a text is a list of names rather than an article (tens of
/// thousands of them), and its names are kept as written instead of costing minutes.
const MAX_PAIRS: usize = 4_000_000;

/// The entities the rules propose for an article, before the judge weighs them: one per
/// entity, people merged, short forms and aliases folded.
pub struct Candidates {
    /// The distinct names written, short forms renamed to their long form.
    names: Vec<Mention>,
    /// The entities.
    found: Vec<Found>,
}

/// One entity the rules propose.
struct Found {
    /// Its first-written name, in `names`.
    first: usize,
    /// Its kind.
    kind: Kind,
    /// Its mentions: first token, one past the last, and why each got its kind.
    mentions: SmallVec<[(u32, u32, Evidence); 4]>,
}

impl Candidates {
    /// Each entity as the judge sees it, named canonically: the gazetteer's name for a listed
    /// place or organisation (`Le Figaro` for `Figaro`), otherwise the first form written.
    pub fn seen(&self) -> impl Iterator<Item = Seen<'_>> {
        self.found.iter().map(|found| {
            let (form, key) = canonical(&self.names[found.first], found.kind);
            Seen {
                key,
                form,
                kind: found.kind,
                mentions: &found.mentions,
            }
        })
    }
}

/// The entities of an article from its mentions in text order, as the judge decides them.
pub fn resolve(doc: &Doc, mentions: Vec<Mention>) -> Entities {
    let candidates = candidates(doc, mentions);
    let mut buffer = String::new();
    let named: Vec<(&str, Kind, &str)> = candidates
        .seen()
        .filter_map(|seen| {
            let kind = judge(&WEIGHTS, doc, &seen, &mut buffer)?;
            Some((seen.key, kind, seen.form))
        })
        .collect();
    entities(named)
}

/// The entities the rules propose, from an article's mentions in text order.
pub fn candidates(doc: &Doc, mut mentions: Vec<Mention>) -> Candidates {
    merge_people(&mut mentions, MAX_PAIRS);
    decide_unknown_kinds(doc, &mut mentions);
    let parenthesised = parenthesised_pairs(doc, &mentions);
    let spans: Vec<(u32, u32, Evidence)> = mentions.iter().map(span_of).collect();
    let (mut names, name_at) = distinct(mentions);
    let aliases = if names.len().saturating_mul(names.len()) <= MAX_PAIRS {
        fold_short_forms(&mut names);
        alias_roots(&names, &parenthesised)
    } else {
        FxHashMap::default()
    };
    let (mut found, found_of) = entities_of(&names, &aliases);
    for (span, &name) in spans.into_iter().zip(&name_at) {
        if let Some(at) = found_of[name] {
            found[at].mentions.push(span);
        }
    }
    Candidates { names, found }
}

/// The key of the first-written name of the entity `key` names.
fn root<'a>(aliases: &'a FxHashMap<String, String>, key: &'a str) -> &'a str {
    aliases.get(key).map_or(key, String::as_str)
}

/// A mention's span: first token, one past the last, and its evidence.
fn span_of(mention: &Mention) -> (u32, u32, Evidence) {
    (mention.start as u32, mention.end as u32, mention.evidence)
}

/// One entity per root key, in text order, its mentions still to add; and for each name, the
/// entity it names (none for a name of unknown kind).
fn entities_of(
    names: &[Mention],
    aliases: &FxHashMap<String, String>,
) -> (Vec<Found>, Vec<Option<usize>>) {
    let mut first_of: FxHashMap<&str, usize> = sized_map(names.len());
    for (at, name) in names.iter().enumerate() {
        first_of.entry(name.key.as_str()).or_insert(at);
    }
    let mut found_at: FxHashMap<&str, usize> = sized_map(names.len());
    let mut found = Vec::with_capacity(names.len());
    let found_of = names
        .iter()
        .enumerate()
        .map(|(at, name)| {
            let root = root(aliases, &name.key);
            let kind = name.kind?;
            let entity = *found_at.entry(root).or_insert_with(|| {
                found.push(Found {
                    first: first_of.get(root).copied().unwrap_or(at),
                    kind,
                    mentions: SmallVec::new(),
                });
                found.len() - 1
            });
            Some(entity)
        })
        .collect();
    (found, found_of)
}

/// Gives each mention of unknown kind the kind of a typed mention with the same key, of a place
/// it is coordinated with (`comtés de Napa et de Sonoma`), of the organisation whose initials it
/// spells in parentheses right after it (`(Anssi)`), or of a longer place or organisation
/// name that holds its words (looked for unless that means comparing more than `MAX_PAIRS`
/// pairs); the others are left to the judge as untyped people, surnames being the commonest lone
/// capitalised words. (Keeping them as people without the judge brought in more places,
/// products and titles than people: held-out F1 0.755 against 0.788.)
fn decide_unknown_kinds(doc: &Doc, mentions: &mut [Mention]) {
    let decided: Vec<(usize, Option<Kind>)> = {
        let mut known: FxHashMap<&str, Kind> = sized_map(mentions.len());
        for mention in mentions.iter() {
            if let Some(kind) = mention.kind {
                known.entry(mention.key.as_str()).or_insert(kind);
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
                let kind = match known.get(mention.key.as_str()) {
                    Some(&kind) => Some(kind),
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

/// The keys of organisation names written one after the other in parentheses, one of them a
/// single word: `Front national (FN)`, `DPS (Département protection sécurité)`.
fn parenthesised_pairs(doc: &Doc, mentions: &[Mention]) -> Vec<(String, String)> {
    mentions
        .windows(2)
        .filter(|pair| pair[0].kind == Some(Kind::Org) && pair[1].kind == Some(Kind::Org))
        .filter(|pair| pair[0].word_count() == 1 || pair[1].word_count() == 1)
        .filter(|pair| in_parentheses_after(doc, &pair[0], &pair[1]))
        .map(|pair| (pair[0].key.clone(), pair[1].key.clone()))
        .collect()
}

/// The first mention of each key, in text order, and for each mention where its key's first
/// mention is among them.
fn distinct(mentions: Vec<Mention>) -> (Vec<Mention>, Vec<usize>) {
    let (name_at, first): (Vec<usize>, Vec<bool>) = {
        let mut at_key: FxHashMap<&str, usize> = sized_map(mentions.len());
        mentions
            .iter()
            .map(|mention| {
                let next = at_key.len();
                let at = *at_key.entry(&mention.key).or_insert(next);
                (at, at == next)
            })
            .unzip()
    };
    let names = mentions
        .into_iter()
        .zip(first)
        .filter_map(|(mention, first)| first.then_some(mention))
        .collect();
    (names, name_at)
}

/// Renames a shortened organisation or place name (`Élysée`, `AMG`) to the longest name of
/// the same kind that holds its words in order (`Palais de l'Élysée`, `Mercedes-AMG`); a listed
/// short name written first takes the longer one's evidence when the longer one adds its place
/// (`is_its_place_added`), and then goes by that name rather than the gazetteer's.
fn fold_short_forms(names: &mut [Mention]) {
    let renamed: Vec<(usize, usize)> = (0..names.len())
        .filter(|&at| names[at].kind != Some(Kind::Per))
        .filter_map(|at| {
            let name = &names[at];
            let container = (0..names.len())
                .filter(|&long| {
                    names[long].kind == name.kind && names[long].key.len() > name.key.len()
                })
                .filter(|&long| {
                    may_fold_into(name, &names[long]) && contains_words(&names[long].key, &name.key)
                })
                .max_by_key(|&long| names[long].key.len());
            container.map(|long| (at, long))
        })
        .collect();
    for (at, long) in renamed {
        let (form, key) = (names[long].form.clone(), names[long].key.clone());
        if is_its_place_added(&names[at], &names[long]) {
            names[at].evidence = names[long].evidence;
        }
        names[at].form = form;
        names[at].key = key;
    }
}

/// Whether `long` is `short` and the place it is of (`Cour suprême` and `Cour suprême des
/// États-Unis`): the name a listed body written first goes by then. Other longer forms leave it
/// the gazetteer's name (`Sénat` for `Sénat américain`, `Front national` for `Front national au
/// Parlement européen`).
fn is_its_place_added(short: &Mention, long: &Mention) -> bool {
    let Some(rest) = long.form.strip_prefix(short.form.as_str()) else {
        return false;
    };
    ["de ", "du ", "des ", "d'", "d’"]
        .iter()
        .filter_map(|link| rest.strip_prefix(' ')?.strip_prefix(link))
        .any(|place| place.starts_with(char::is_uppercase))
}

/// Whether `short` may be renamed to the longer `long`: an unlisted name may; a listed one to
/// an alias of its own, or, for a public body, a venue or a medium, to a longer name it starts
/// (`Agence régionale de santé` in `Agence régionale de santé Provence-Alpes-Côte d'Azur`,
/// `France Bleu` in `France Bleu Berry`), but not to one it is hyphenated to, a body of its own
/// (`CGT` beside `CGT-Cheminots`).
/// A listed place or company stays (`Corée` beside `Corée du Nord`, `Porsche` beside
/// `Porsche Motorsport`).
fn may_fold_into(short: &Mention, long: &Mention) -> bool {
    match (short.evidence, long.evidence) {
        (Evidence::Listed(_, mine), Evidence::Listed(_, theirs)) => mine == theirs,
        (Evidence::Listed(Class::Institution | Class::Venue | Class::Media, _), _) => {
            let hyphenated = long
                .form
                .get(short.form.len()..)
                .is_some_and(|r| r.starts_with('-'));
            starts_with_word(&long.key, &short.key) && !hyphenated
        }
        (Evidence::Listed(..), _) => false,
        _ => true,
    }
}

/// Whether the words of `short` appear in a row among the words of `long`: tried at the start
/// of each word of `long`.
fn contains_words(long: &str, short: &str) -> bool {
    let (long, short) = (long.as_bytes(), short.as_bytes());
    let mut at = 0;
    loop {
        let rest = &long[at..];
        if rest.starts_with(short) && rest.get(short.len()).is_none_or(|&b| b == b' ') {
            return true;
        }
        match rest.iter().position(|&b| b == b' ') {
            Some(space) => at += space + 1,
            None => return false,
        }
    }
}

/// For each key, the key of the first-written name of the same entity: gazetteer aliases
/// (`Daech`, `Etat islamique`), acronyms and expansions (`FN`, `Front national`), names in
/// parentheses.
fn alias_roots(names: &[Mention], parenthesised: &[(String, String)]) -> FxHashMap<String, String> {
    let mut roots: FxHashMap<String, String> = FxHashMap::default();
    for (at, later) in names.iter().enumerate() {
        let earlier = names[..at].iter().find(|first| {
            first.kind == later.kind
                && (are_aliases(first, later) || is_pair(parenthesised, first, later))
                && first.key != later.key
        });
        if let Some(first) = earlier {
            let root = roots
                .get(&first.key)
                .cloned()
                .unwrap_or_else(|| first.key.clone());
            roots.entry(later.key.clone()).or_insert(root);
        }
    }
    roots
}

/// Whether two names of one kind are aliases: listed together, or an acronym and its expansion.
fn are_aliases(first: &Mention, second: &Mention) -> bool {
    if let (Evidence::Listed(_, a), Evidence::Listed(_, b)) = (first.evidence, second.evidence)
        && a == b
    {
        return true;
    }
    first.kind == Some(Kind::Org) && (is_acronym_of(first, second) || is_acronym_of(second, first))
}

/// Whether the two names were written one in parentheses after the other.
fn is_pair(pairs: &[(String, String)], first: &Mention, second: &Mention) -> bool {
    pairs.iter().any(|(a, b)| {
        (*a == first.key && *b == second.key) || (*a == second.key && *b == first.key)
    })
}

/// The entities of the judged names, sorted by key, each once per kind.
fn entities(mut named: Vec<(&str, Kind, &str)>) -> Entities {
    named.sort_unstable_by_key(|&(key, _, _)| key);
    named.dedup_by_key(|&mut (key, kind, _)| (key, kind));
    let mut entities = Entities::default();
    for (_, kind, form) in named {
        let list = match kind {
            Kind::Per => &mut entities.per,
            Kind::Loc => &mut entities.loc,
            Kind::Org => &mut entities.org,
        };
        list.push(form.to_string());
    }
    entities
}

/// The form and key an entity is named by: the gazetteer's name for a listed place or
/// organisation, the mention's own for a person or a name not listed.
fn canonical(mention: &Mention, kind: Kind) -> (&str, &str) {
    match (mention.evidence, kind) {
        (Evidence::Listed(_, group), Kind::Loc | Kind::Org) => GAZETTEER.name_of(group),
        _ => (mention.form.as_str(), mention.key.as_str()),
    }
}

/// An empty map with room for `len` keys, which a map grown from nothing would rehash for
/// several times.
fn sized_map<K, V>(len: usize) -> FxHashMap<K, V> {
    FxHashMap::with_capacity_and_hasher(len, Default::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_name_adds_a_place_after_a_link() {
        let name = |form: &str| Mention {
            form: form.to_string(),
            key: crate::entities::name_key(form),
            kind: Some(Kind::Org),
            evidence: Evidence::Headed,
            start: 0,
            end: 1,
        };
        let cases = [
            ("Cour suprême", "Cour suprême des États-Unis", true),
            ("Cour suprême", "Cour suprême du Japon", true),
            (
                "Parti socialiste",
                "Parti socialiste d'Ille-et-Vilaine",
                true,
            ),
            ("Sénat", "Sénat américain", false),
            ("Sénat", "Sénat pour les démocrates", false),
            (
                "Front national",
                "Front national au Parlement européen",
                false,
            ),
            ("Élysée", "Palais de l'Élysée", false),
        ];
        for (short, long, expected) in cases {
            assert_eq!(
                is_its_place_added(&name(short), &name(long)),
                expected,
                "{short} / {long}"
            );
        }
    }

    #[test]
    fn finds_words_in_a_row() {
        assert!(contains_words("palais de l elysee", "elysee"));
        assert!(contains_words("mercedes amg", "amg"));
        assert!(!contains_words("mercedes amg", "am"));
        assert!(!contains_words("porsche motorsport", "sport"));
    }
}
