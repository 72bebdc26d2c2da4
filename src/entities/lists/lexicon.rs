//! The word lists that steer recognition (given names, common words, cues, head words), loaded
//! once from `data/` into one map from name key to the lists the word is on, so that one lookup
//! answers every question about a word.

use super::data_file::data_lines;
use super::gazetteer::GAZETTEER;
use crate::entities::key_map::{KeyMap, key_hash};
use crate::entities::name_key::name_key;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A word list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    /// Given names: a span starting with one names a person.
    FirstName,
    /// Function words and frequent words that start sentences but are never names.
    CommonWord,
    /// Capitalised words that are not entities on their own (`République`, `Lundi`).
    NonEntity,
    /// Honorifics written before a name (`M.`, `Mme`, `Me`).
    Honorific,
    /// Role nouns written before a name (`président`, `chanteuse`).
    PersonRole,
    /// Capitalised heads of organisation names (`Agence`, `Institut`).
    OrgHead,
    /// Lowercase heads of public bodies' names (`ministère`, `cour`).
    LowerOrgHead,
    /// Lowercase heads of geographic names (`océan`, `vallée`).
    GeoHead,
    /// Capitalised heads of building, venue and geographic names (`Palais`, `Stade`, `Îles`).
    VenueHead,
    /// Capitalised heads of event names (`Festival`, `Rallye`).
    EventHead,
    /// Nationality and regional adjectives and nouns, all forms.
    Demonym,
    /// Nouns after which `de X` is a place (`maire`, `commune`).
    PlaceNoun,
    /// Nouns directly followed by a name that names a thing after someone (`loi`, `taxe`).
    NamedAfter,
    /// Nouns followed by `de` and a name that names a thing after someone (`boson`).
    NamedAfterOf,
    /// Nouns directly followed by an organisation's name (`société`, `constructeur`).
    OrgNoun,
    /// English head words ending an organisation's name (`Auctions`, `Telecom`).
    OrgKeyword,
    /// English head words ending a place's name (`Creek`, `Circuit`).
    LocKeyword,
    /// English head words ending an event's name (`Classic`, `Cup`).
    EventKeyword,
    /// Common English words: a run of capitalised words holding one names no person.
    EnglishWord,
    /// Surnames of people often named by their surname alone (`Macron`, `Pen` of `Le Pen`).
    KnownSurname,
    /// Listed companies named like a town (`Orange`): the town in a place's context.
    CompanyTown,
    /// Keys the gazetteer knows, alone or as the start of a longer name: a word off this list
    /// starts no gazetteer name, which saves looking it up there.
    Gazetteer,
}

/// The lists a word is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tags(u32);

impl Tags {
    /// Whether the word is on `list`.
    pub fn has(self, list: List) -> bool {
        self.0 & (1 << list as u32) != 0
    }

    /// The lists as bits, one per list.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// The lists of `bits()`.
    pub fn from_bits(bits: u32) -> Tags {
        Tags(bits)
    }

    fn add(&mut self, list: List) {
        self.0 |= 1 << list as u32;
    }
}

/// Every listed word's lists, by name key.
pub struct Lexicon {
    tags: KeyMap<Tags>,
    /// Every key on a list, to check that no two share a hash.
    #[cfg(test)]
    keys: FxHashSet<String>,
    /// The lowercase heads as written.
    lower_heads: FxHashSet<String>,
    /// For each slot of a word's first two bytes, the byte lengths of the lowercase heads
    /// starting with them, as bits: rules out most other words before any hashing.
    lower_head_shapes: Box<[u32; SHAPE_SLOTS]>,
    /// The same for a word's last two bytes: rules out most of the rest (`fondateur` starts as
    /// `fondation` does, and is as long, but ends otherwise).
    lower_head_ends: Box<[u32; SHAPE_SLOTS]>,
}

impl Lexicon {
    /// The lists the word of key `key` is on.
    pub fn tags(&self, key: &str) -> Tags {
        self.tags.get(&key_hash(key)).copied().unwrap_or_default()
    }

    /// Whether the word of key `key` is on `list`.
    pub fn has(&self, key: &str, list: List) -> bool {
        self.tags(key).has(list)
    }

    /// Whether `word`, as written, is a lowercase head (`ministère`, `océan`).
    pub fn is_lower_head(&self, word: &str) -> bool {
        self.may_be_lower_head(word.as_bytes()) && self.lower_heads.contains(word)
    }

    /// Whether the word of bytes `word` has the first two bytes, the last two bytes and the
    /// length of a lowercase head: false for nearly every word that is none, without hashing.
    pub fn may_be_lower_head(&self, word: &[u8]) -> bool {
        shape_of(word).is_some_and(|shape| {
            self.lower_head_shapes[shape.first] & self.lower_head_ends[shape.last] & shape.length
                != 0
        })
    }
}

/// How many slots the first or last two bytes of a lowercase head fall into.
const SHAPE_SLOTS: usize = 4096;

/// What a lowercase head is first checked by.
struct HeadShape {
    /// The slot of its first two bytes.
    first: usize,
    /// The slot of its last two bytes.
    last: usize,
    /// Its byte length, as a bit.
    length: u32,
}

/// The shape of a word; none past 31 bytes.
fn shape_of(bytes: &[u8]) -> Option<HeadShape> {
    let length = 1u32
        .checked_shl(u32::try_from(bytes.len()).ok()?)
        .filter(|&bit| bit > 1)?;
    let pair = |a: Option<&u8>, b: Option<&u8>| {
        (usize::from(a.copied().unwrap_or(0)) << 8 | usize::from(b.copied().unwrap_or(0)))
            % SHAPE_SLOTS
    };
    let end = bytes.len();
    Some(HeadShape {
        first: pair(bytes.first(), bytes.get(1)),
        last: pair(
            end.checked_sub(2).and_then(|at| bytes.get(at)),
            bytes.last(),
        ),
        length,
    })
}

/// The word lists, loaded on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        tags: KeyMap::default(),
        #[cfg(test)]
        keys: FxHashSet::default(),
        lower_heads: FxHashSet::default(),
        lower_head_shapes: Box::new([0; SHAPE_SLOTS]),
        lower_head_ends: Box::new([0; SHAPE_SLOTS]),
    };
    let files = [
        (include_str!("data/first_names.txt"), List::FirstName),
        (include_str!("data/common_words.txt"), List::CommonWord),
        (include_str!("data/non_entities.txt"), List::NonEntity),
        (include_str!("data/honorifics.txt"), List::Honorific),
        (include_str!("data/person_roles.txt"), List::PersonRole),
        (include_str!("data/org_heads.txt"), List::OrgHead),
        (include_str!("data/lower_org_heads.txt"), List::LowerOrgHead),
        (include_str!("data/geo_heads.txt"), List::GeoHead),
        (include_str!("data/venue_heads.txt"), List::VenueHead),
        (include_str!("data/event_heads.txt"), List::EventHead),
        (include_str!("data/place_nouns.txt"), List::PlaceNoun),
        (include_str!("data/org_nouns.txt"), List::OrgNoun),
        (include_str!("data/english_words.txt"), List::EnglishWord),
        (include_str!("data/known_surnames.txt"), List::KnownSurname),
        (include_str!("data/company_towns.txt"), List::CompanyTown),
    ];
    for (data, list) in files {
        lexicon.add_words(data_lines(data).flat_map(str::split_whitespace), list);
    }
    lexicon.add_tagged(
        include_str!("data/named_after.txt"),
        &[("direct", List::NamedAfter), ("of", List::NamedAfterOf)],
    );
    let keywords = [
        ("org", List::OrgKeyword),
        ("loc", List::LocKeyword),
        ("event", List::EventKeyword),
    ];
    lexicon.add_tagged(include_str!("data/english_keywords.txt"), &keywords);
    lexicon.add_words(GAZETTEER.keys(), List::Gazetteer);
    for word in data_lines(include_str!("data/demonyms.txt")).flat_map(str::split_whitespace) {
        lexicon.add_words(
            demonym_forms(&name_key(word)).iter().map(String::as_str),
            List::Demonym,
        );
    }
    let lower_heads = [
        include_str!("data/lower_org_heads.txt"),
        include_str!("data/geo_heads.txt"),
    ];
    for head in lower_heads
        .into_iter()
        .flat_map(data_lines)
        .flat_map(str::split_whitespace)
    {
        lexicon.add_lower_head(head);
    }
    for start in GAZETTEER.cased_starts() {
        lexicon.add_lower_head(start);
    }
    lexicon
});

impl Lexicon {
    /// Adds a lowercase head as written.
    fn add_lower_head(&mut self, head: &str) {
        if let Some(shape) = shape_of(head.as_bytes()) {
            self.lower_head_shapes[shape.first] |= shape.length;
            self.lower_head_ends[shape.last] |= shape.length;
            self.lower_heads.insert(head.to_string());
        }
    }

    /// Puts each word on `list`.
    fn add_words<'a>(&mut self, words: impl Iterator<Item = &'a str>, list: List) {
        for word in words {
            let key = name_key(word);
            self.tags.entry(key_hash(&key)).or_default().add(list);
            #[cfg(test)]
            self.keys.insert(key);
        }
    }

    /// Puts the words of each line on the list its first word names: `of boson théorème`.
    fn add_tagged(&mut self, data: &str, lists: &[(&str, List)]) {
        for line in data_lines(data) {
            let mut words = line.split_whitespace();
            let tag = words.next().unwrap_or_default();
            if let Some(&(_, list)) = lists.iter().find(|(name, _)| *name == tag) {
                self.add_words(words, list);
            }
        }
    }
}

/// Every form of a masculine singular demonym key: feminine and plural, by the regular rules.
fn demonym_forms(key: &str) -> [String; 4] {
    let feminine = if key.ends_with("ien") || key.ends_with("een") {
        format!("{key}ne")
    } else if key.ends_with('e') {
        key.to_string()
    } else {
        format!("{key}e")
    };
    let plural = |form: &str| {
        if form.ends_with('s') || form.ends_with('x') {
            form.to_string()
        } else {
            format!("{form}s")
        }
    };
    [plural(key), plural(&feminine), feminine, key.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_listed_words_share_a_hash() {
        assert_eq!(LEXICON.tags.len(), LEXICON.keys.len());
        assert!(LEXICON.has("sncf", List::Gazetteer));
        assert!(!LEXICON.has("sncg", List::Gazetteer));
    }

    #[test]
    fn derives_demonym_forms() {
        for form in [
            "francais",
            "francaise",
            "francaises",
            "nord coreen",
            "nord coreennes",
            "belges",
        ] {
            assert!(LEXICON.has(form, List::Demonym), "{form}");
        }
    }

    #[test]
    fn tags_words_with_every_list_they_are_on() {
        assert!(LEXICON.has("auctions", List::OrgKeyword));
        assert!(LEXICON.has("creek", List::LocKeyword));
        assert!(LEXICON.has("classic", List::EventKeyword));
        assert!(LEXICON.has("boson", List::NamedAfter) && LEXICON.has("boson", List::NamedAfterOf));
        assert!(LEXICON.has("rue", List::NamedAfter) && !LEXICON.has("rue", List::NamedAfterOf));
        assert!(LEXICON.has("romain", List::FirstName) && LEXICON.has("romain", List::Demonym));
        assert!(!LEXICON.has("paris", List::FirstName));
    }

    #[test]
    fn knows_lowercase_heads_as_written() {
        assert!(LEXICON.is_lower_head("ministère") && LEXICON.is_lower_head("océan"));
        assert!(!LEXICON.is_lower_head("ministere") && !LEXICON.is_lower_head("de"));
    }

    #[test]
    fn rules_out_words_by_their_first_and_last_bytes_and_length() {
        let heads = data_lines(include_str!("data/lower_org_heads.txt"))
            .chain(data_lines(include_str!("data/geo_heads.txt")))
            .flat_map(str::split_whitespace);
        for head in heads {
            assert!(LEXICON.may_be_lower_head(head.as_bytes()), "{head}");
        }
        for word in [
            "moins",
            "cadre",
            "fondateur",
            "présidente",
            "de",
            "océans",
            "",
        ] {
            assert!(!LEXICON.may_be_lower_head(word.as_bytes()), "{word}");
        }
    }
}
