//! A mention: one stretch of an article recognised as a name, with what is known of its kind.

use super::lists::Class;

/// The three kinds of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// People.
    Per,
    /// Places, buildings and venues.
    Loc,
    /// Organisations.
    Org,
}

impl From<Kind> for crate::article::EntityKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Per => crate::article::EntityKind::Per,
            Kind::Loc => crate::article::EntityKind::Loc,
            Kind::Org => crate::article::EntityKind::Org,
        }
    }
}

impl From<crate::article::EntityKind> for Kind {
    fn from(kind: crate::article::EntityKind) -> Self {
        match kind {
            crate::article::EntityKind::Per => Kind::Per,
            crate::article::EntityKind::Loc => Kind::Loc,
            crate::article::EntityKind::Org => Kind::Org,
        }
    }
}

/// Why a mention got its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A gazetteer entry: its class and entity group.
    Listed(Class, u32),
    /// A head word (`Agence…`, `ministère de…`, `Palais…`), an English keyword (`…Auctions`) or a
    /// direction after a listed place (`Europe du Nord`).
    Headed,
    /// A person cue: an honorific, a role noun, an age, a given name.
    Cue,
    /// An acronym not in the gazetteer.
    Acronym,
    /// The shape of the span alone: several capitalised words, a Korean name.
    Shape,
    /// A single capitalised word and nothing else.
    Bare,
    /// A name nothing typed: only the judge, from its features, can give it a kind.
    Untyped,
}

/// A name found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name as written (or completed: `Jean-Pierre et Isabelle Fouillot` gives `Isabelle
    /// Fouillot` and `Jean-Pierre Fouillot`).
    pub form: String,
    /// Its name key.
    pub key: String,
    /// Its kind; `None` until the article as a whole decides.
    pub kind: Option<Kind>,
    /// Why.
    pub evidence: Evidence,
    /// Its first token.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
}

impl Mention {
    /// The words of its key.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.key.split(' ')
    }

    /// How many words its key has.
    pub fn word_count(&self) -> usize {
        1 + self.key.bytes().filter(|&b| b == b' ').count()
    }
}
