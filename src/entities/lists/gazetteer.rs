//! The gazetteer: known places, organisations and media, matched as the longest run of tokens
//! whose name key is listed. Aliases of one entity (`UE`, `Union européenne`) share a group, and
//! the entity goes by the name listed first (`Union européenne`).

use super::data_file::data_lines;
use crate::entities::name_key::name_key;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A country, region, city or natural place.
    Geo,
    /// A building, venue or landmark.
    Venue,
    /// A public body, party, union, NGO or armed group.
    Institution,
    /// A company, whose name may also name its products.
    Company,
    /// A news agency, newspaper, channel or news site.
    Media,
}

/// One listed name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// What it names.
    pub class: Class,
    /// The entity: aliases share it.
    pub group: u32,
    /// The article of the name that the text swallowed, when the name was matched without it
    /// (`Le` for the `Mans` of `au Mans`).
    pub article: Option<&'static str>,
}

/// What a key is to the gazetteer: a listed name, the first words of longer listed names, or
/// both.
#[derive(Clone, Copy, Debug, Default)]
pub struct Node {
    /// The listed name of this key, if it is one.
    pub entry: Option<Entry>,
    /// Whether longer listed names start with this key's words.
    pub starts_longer: bool,
}

/// Listed names and their word-prefixes, by key: one lookup per token tells whether a name ends
/// there and whether a longer one may.
pub struct Gazetteer {
    nodes: FxHashMap<String, Node>,
    /// By group, the entity's name (the first listed on its line) and that name's key.
    names: Vec<(&'static str, String)>,
    /// The names written without a capital first letter (`franceinfo`, `20 Minutes`), which are
    /// names only as written.
    cased: FxHashSet<&'static str>,
    /// The first words of those names, as written.
    cased_starts: FxHashSet<&'static str>,
}

/// The gazetteer, loaded on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut gazetteer = Gazetteer {
        nodes: FxHashMap::default(),
        names: Vec::new(),
        cased: FxHashSet::default(),
        cased_starts: FxHashSet::default(),
    };
    let files = [
        (include_str!("data/countries.txt"), Class::Geo),
        (include_str!("data/france_places.txt"), Class::Geo),
        (include_str!("data/world_places.txt"), Class::Geo),
        (include_str!("data/venues.txt"), Class::Venue),
        (include_str!("data/organisations.txt"), Class::Institution),
        (include_str!("data/media.txt"), Class::Media),
        (include_str!("data/companies.txt"), Class::Company),
        (
            include_str!("data/organisations_france.txt"),
            Class::Institution,
        ),
        (
            include_str!("data/organisations_world.txt"),
            Class::Institution,
        ),
        (include_str!("data/sports.txt"), Class::Institution),
        (include_str!("data/media_more.txt"), Class::Media),
        (include_str!("data/companies_more.txt"), Class::Company),
        (include_str!("data/france_towns.txt"), Class::Geo),
        (include_str!("data/world_cities.txt"), Class::Geo),
        (include_str!("data/regions_features.txt"), Class::Geo),
    ];
    for (data, class) in files {
        gazetteer.add_file(data, class);
    }
    gazetteer
});

/// The key of a place or a medium named with `le` or `les` as written after `au`, `du`, `aux` or
/// `des`, which swallow the article, and the article: `le caire` → `caire`, `Le` (`au Caire`);
/// `le monde` → `monde`, `Le` (`les journalistes du Monde`).
fn contracted_form(key: &str, class: Class) -> Option<(&str, &'static str)> {
    if class != Class::Geo && class != Class::Media {
        return None;
    }
    let le = key.strip_prefix("le ").map(|rest| (rest, "Le"));
    le.or_else(|| key.strip_prefix("les ").map(|rest| (rest, "Les")))
}

impl Gazetteer {
    /// Adds every line of a data file: one entity per line, aliases separated by `|`.
    fn add_file(&mut self, data: &'static str, class: Class) {
        for line in data_lines(data) {
            let Ok(group) = u32::try_from(self.names.len()) else {
                return;
            };
            let name = line.split('|').next().unwrap_or(line).trim();
            self.names.push((name, name_key(name)));
            for alias in line.split('|') {
                self.add_cased(alias.trim());
                let key = name_key(alias);
                let entry = Entry {
                    class,
                    group,
                    article: None,
                };
                self.add(&key, entry);
                if let Some((contracted, article)) = contracted_form(&key, class) {
                    let article = Some(article);
                    self.add(contracted, Entry { article, ..entry });
                }
            }
        }
    }

    /// Keeps `name` as written when it does not start with a capital.
    fn add_cased(&mut self, name: &'static str) {
        if name.starts_with(char::is_uppercase) {
            return;
        }
        self.cased.insert(name);
        if let Some(first) = name.split_whitespace().next() {
            self.cased_starts.insert(first);
        }
    }

    /// The first words, as written, of the names written without a capital first letter.
    pub fn cased_starts(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.cased_starts.iter().copied()
    }

    /// Whether `word` starts, as written, a name written without a capital first letter.
    pub fn starts_cased(&self, word: &str) -> bool {
        self.cased_starts.contains(word)
    }

    /// Whether `form` is, as written, a name written without a capital first letter.
    pub fn is_cased(&self, form: &str) -> bool {
        self.cased.contains(form)
    }

    /// Adds one name; a name listed twice keeps its first entry.
    fn add(&mut self, key: &str, entry: Entry) {
        if key.is_empty() {
            return;
        }
        let node = self.nodes.entry(key.to_string()).or_default();
        node.entry = node.entry.or(Some(entry));
        for (at, _) in key.match_indices(' ') {
            self.nodes
                .entry(key[..at].to_string())
                .or_default()
                .starts_longer = true;
        }
    }

    /// Every key it knows: each name's, and the start of each name of several words.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.nodes.keys().map(String::as_str)
    }

    /// The entry of a name key.
    pub fn get(&self, key: &str) -> Option<Entry> {
        self.nodes.get(key).and_then(|node| node.entry)
    }

    /// The name the entity of `group` goes by, the first listed on its line (`Le Figaro` for
    /// `Figaro`, `Le Mans` for the `Mans` of `au Mans`), and that name's key.
    pub fn name_of(&self, group: u32) -> (&'static str, &str) {
        self.names
            .get(group as usize)
            .map_or(("", ""), |(name, key)| (name, key.as_str()))
    }

    /// What `key` is to the gazetteer: a listed name, the start of longer ones, or both.
    pub fn node(&self, key: &str) -> Option<Node> {
        self.nodes.get(key).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_share_a_group() {
        let group = |name: &str| GAZETTEER.get(&name_key(name)).map(|e| e.group);
        assert_eq!(group("UE"), group("Union européenne"));
        assert_eq!(group("Daech"), group("Etat islamique"));
        assert_ne!(group("UE"), group("ONU"));
    }

    #[test]
    fn names_an_entity_by_its_first_listed_name() {
        let cases = [
            ("UE", "Union européenne"),
            ("Union européenne", "Union européenne"),
            ("Figaro", "Le Figaro"),
            ("BFM TV", "BFMTV"),
            ("Daech", "État islamique"),
            ("mans", "Le Mans"),
        ];
        for (written, expected) in cases {
            let entry = GAZETTEER.get(&name_key(written));
            let name = entry.map(|entry| GAZETTEER.name_of(entry.group).0);
            assert_eq!(name, Some(expected), "{written}");
        }
    }
}
