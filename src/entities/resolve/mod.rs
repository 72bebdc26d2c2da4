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
    let numbers = KeyNumbers::of(&mentions);
    decide_unknown_kinds(doc, &mut mentions, &numbers);
    let parenthesised = parenthesised_pairs(doc, &mentions, &numbers);
    let spans: Vec<(u32, u32, Evidence)> = mentions.iter().map(span_of).collect();
    let (mut names, name_at) = distinct(mentions, &numbers);
    let roots = if names.len().saturating_mul(names.len()) <= MAX_PAIRS {
        fold_short_forms(&mut names);
        alias_roots(&names, &parenthesised, numbers.count)
    } else {
        vec![None; numbers.count]
    };
    let (mut found, found_of) = entities_of(&names, &roots, numbers.count);
    for (span, &name) in spans.into_iter().zip(&name_at) {
        if let Some(at) = found_of[name] {
            found[at].mentions.push(span);
        }
    }
    Candidates {
        names: names.into_iter().map(|name| name.mention).collect(),
        found,
    }
}

/// The number of each mention's key, from 0 in the order keys are first written: the maps of
/// the steps after it are vectors indexed by key number rather than maps hashing strings.
struct KeyNumbers {
    /// Each mention's key number.
    of_mention: Vec<u32>,
    /// How many distinct keys there are.
    count: usize,
}

impl KeyNumbers {
    /// Numbers the keys of `mentions`.
    fn of(mentions: &[Mention]) -> KeyNumbers {
        let mut numbers: FxHashMap<&str, u32> = sized_map(mentions.len());
        let of_mention = mentions
            .iter()
            .map(|mention| {
                let next = numbers.len() as u32;
                *numbers.entry(mention.key.as_str()).or_insert(next)
            })
            .collect();
        KeyNumbers {
            of_mention,
            count: numbers.len(),
        }
    }
}

/// A distinct name written: its first mention and its key's number, which a shortened name
/// renamed to its long form takes from it.
struct Name {
    /// The first mention of the name.
    mention: Mention,
    /// The number of its key.
    key: u32,
}

/// For each key number, the key number of the first-written name of the same entity, when it
/// is another (an alias, an acronym, a name in parentheses).
type Roots = Vec<Option<u32>>;

/// The key number of the first-written name of the entity the key `key` names.
fn root(roots: &Roots, key: u32) -> u32 {
    roots[key as usize].unwrap_or(key)
}

/// A mention's span: first token, one past the last, and its evidence.
fn span_of(mention: &Mention) -> (u32, u32, Evidence) {
    (mention.start as u32, mention.end as u32, mention.evidence)
}

/// One entity per root key, in text order, its mentions still to add; and for each name, the
/// entity it names (none for a name of unknown kind).
fn entities_of(names: &[Name], roots: &Roots, keys: usize) -> (Vec<Found>, Vec<Option<usize>>) {
    let mut first_of: Vec<Option<usize>> = vec![None; keys];
    for (at, name) in names.iter().enumerate() {
        first_of[name.key as usize].get_or_insert(at);
    }
    let mut found_at: Vec<Option<usize>> = vec![None; keys];
    let mut found = Vec::with_capacity(names.len());
    let found_of = names
        .iter()
        .enumerate()
        .map(|(at, name)| {
            let root = root(roots, name.key) as usize;
            let kind = name.mention.kind?;
            let entity = *found_at[root].get_or_insert_with(|| {
                found.push(Found {
                    first: first_of[root].unwrap_or(at),
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
fn decide_unknown_kinds(doc: &Doc, mentions: &mut [Mention], numbers: &KeyNumbers) {
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

/// The keys of organisation names written one after the other in parentheses, one of them a
/// single word: `Front national (FN)`, `DPS (Département protection sécurité)`.
fn parenthesised_pairs(doc: &Doc, mentions: &[Mention], numbers: &KeyNumbers) -> Vec<(u32, u32)> {
    (1..mentions.len())
        .filter(|&at| {
            let pair = &mentions[at - 1..=at];
            pair[0].kind == Some(Kind::Org)
                && pair[1].kind == Some(Kind::Org)
                && (pair[0].word_count() == 1 || pair[1].word_count() == 1)
                && in_parentheses_after(doc, &pair[0], &pair[1])
        })
        .map(|at| (numbers.of_mention[at - 1], numbers.of_mention[at]))
        .collect()
}

/// The first mention of each key, in text order, and for each mention where its key's first
/// mention is among them.
fn distinct(mentions: Vec<Mention>, numbers: &KeyNumbers) -> (Vec<Name>, Vec<usize>) {
    let mut names = Vec::with_capacity(numbers.count);
    let mut name_at = Vec::with_capacity(mentions.len());
    for (mention, &key) in mentions.into_iter().zip(&numbers.of_mention) {
        // Keys are numbered in the order they are first written, so a key's first mention is the
        // next name.
        if key as usize == names.len() {
            names.push(Name { mention, key });
        }
        name_at.push(key as usize);
    }
    (names, name_at)
}

/// Renames a shortened organisation or place name (`Élysée`, `AMG`) to the longest name of
/// the same kind that holds its words in order (`Palais de l'Élysée`, `Mercedes-AMG`); a listed
/// short name written first takes the longer one's evidence when the longer one adds its place
/// (`is_its_place_added`), and then goes by that name rather than the gazetteer's.
fn fold_short_forms(names: &mut [Name]) {
    let renamed: Vec<(usize, usize)> = (0..names.len())
        .filter(|&at| names[at].mention.kind != Some(Kind::Per))
        .filter_map(|at| {
            let name = &names[at].mention;
            let container = (0..names.len())
                .map(|long| (long, &names[long].mention))
                .filter(|(_, long)| long.kind == name.kind && long.key.len() > name.key.len())
                .filter(|(_, long)| {
                    may_fold_into(name, long) && contains_words(&long.key, &name.key)
                })
                .max_by_key(|(_, long)| long.key.len());
            container.map(|(long, _)| (at, long))
        })
        .collect();
    for (at, long) in renamed {
        let (form, key) = (
            names[long].mention.form.clone(),
            names[long].mention.key.clone(),
        );
        if is_its_place_added(&names[at].mention, &names[long].mention) {
            names[at].mention.evidence = names[long].mention.evidence;
        }
        names[at].mention.form = form;
        names[at].mention.key = key;
        names[at].key = names[long].key;
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

/// For each key number, the key number of the first-written name of the same entity: gazetteer aliases
/// (`Daech`, `Etat islamique`), acronyms and expansions (`FN`, `Front national`), names in
/// parentheses.
fn alias_roots(names: &[Name], parenthesised: &[(u32, u32)], keys: usize) -> Roots {
    let mut roots: Roots = vec![None; keys];
    for (at, later) in names.iter().enumerate() {
        let earlier = names[..at].iter().find(|first| {
            first.key != later.key
                && first.mention.kind == later.mention.kind
                && (are_aliases(&first.mention, &later.mention)
                    || is_pair(parenthesised, first.key, later.key))
        });
        if let Some(first) = earlier {
            let root = root(&roots, first.key);
            roots[later.key as usize].get_or_insert(root);
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
fn is_pair(pairs: &[(u32, u32)], first: u32, second: u32) -> bool {
    pairs
        .iter()
        .any(|&pair| pair == (first, second) || pair == (second, first))
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
