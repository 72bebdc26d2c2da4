//! What recognition knows before reading an article: the gazetteer of listed places,
//! organisations and media, and the word lists (given names, cues, head words), loaded once from
//! `data/`.

mod data_file;
mod gazetteer;
mod lexicon;

pub use gazetteer::{Class, Entry, GAZETTEER};
pub use lexicon::{LEXICON, Lexicon, List, Tags};
