//! The French analyzer: one name, one builder, registered on every index that depeche opens,
//! with the names analyzer (places, agencies, entities) and the variant-key analyzer (capitalised
//! words folded so that `Putin` meets `Poutine`).
//!
//! Pipeline: split on anything not a letter or digit (apostrophes included) → drop over-long
//! tokens → lowercase, drop elided words and stop words (accented or not), Snowball stem
//! (accent-aware) and fold accents, in one cached filter ([`FrenchNormalizer`]). Indexing, query
//! parsing and snippets all use it.

mod elision;
mod fold;
mod normalizer;
mod stemmer;
mod stopwords;
mod variant;

pub use elision::{ELIDED, ElisionFilter};
pub use fold::fold_accents;
pub use normalizer::FrenchNormalizer;
pub use stemmer::with_suffix_accents;
pub use stopwords::{is_stop_word, stop_word_list};
pub use variant::{VariantTokenizer, sound_key, variant_key};

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};

/// The name under which the French analyzer is registered in every index.
pub const FRENCH: &str = "depeche_fr";

/// The name of the analyzer for proper names (places, agencies): case and accents folded, elided
/// articles dropped, but no stemming and no stop words, so `AP` and `APS` stay apart.
pub const NAMES: &str = "depeche_names";

/// The name of the analyzer for variant keys: each capitalised word as its [`variant_key`], so
/// that `Putin` finds the articles that write `Poutine`.
pub const VARIANTS: &str = "depeche_variants";

/// The version of the terms the analyzers make, recorded by every commit: an index whose terms
/// were made by another version re-reads its files at the next `depeche index`.
pub const ANALYSIS_VERSION: u32 = 1;

/// Tokens longer than this many bytes are dropped (URLs, base64 and other junk).
pub const MAX_TOKEN_BYTES: usize = 40;

/// Builds the French analyzer.
pub fn french_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(FrenchNormalizer)
        .build()
}

/// Builds the proper-name analyzer.
pub fn names_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ElisionFilter)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Builds the variant-key analyzer.
pub fn variants_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(VariantTokenizer)
}

/// Registers depeche's analyzers on `index`; call it every time an index is created or opened.
pub fn register(index: &Index) {
    index.tokenizers().register(FRENCH, french_analyzer());
    index.tokenizers().register(NAMES, names_analyzer());
    index.tokenizers().register(VARIANTS, variants_analyzer());
}

/// The tokens the French analyzer makes of `text`.
pub fn analyze(text: &str) -> Vec<String> {
    tokens(&mut french_analyzer(), text)
}

/// The tokens `analyzer` makes of `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        tokens.push(token.text.clone());
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_tricky_inputs() {
        let cases: &[(&str, &[&str])] = &[
            ("l'armée d'Ukraine", &["arme", "ukrain"]),
            ("qu’il jusqu'à lorsqu'il puisqu'elle", &[]),
            ("Corée du Nord", &["cor", "nord"]),
            ("coree", &["cor"]),
            ("l'État", &["etat"]),
            ("etat", &["etat"]),
            ("grève grèves greve", &["grev", "grev", "grev"]),
            ("manifestants manifestant", &["manifest", "manifest"]),
            ("élections élection election", &["elect", "elect", "elect"]),
            (
                "coopération coopérations cooperation",
                &["cooper", "cooper", "cooper"],
            ),
            (
                "harcelée harcelee harcelées",
                &["harcel", "harcel", "harcel"],
            ),
            ("première premiere premières", &["premi", "premi", "premi"]),
            ("écoutée écoutées ecoutee", &["ecout", "ecout", "ecout"]),
            ("décédée decedee", &["deced", "deced"]),
            ("même meme été", &[]),
            ("sécurité securite", &["secur", "secur"]),
            (
                "introduit introduite reconduites maladroite",
                &["introduit", "introduit", "reconduit", "maladroit"],
            ),
            ("satisfaite conduite", &["satisfait", "conduit"]),
            (
                "activite qualite continuité",
                &["activ", "qualit", "continu"],
            ),
            ("après très apres tres", &["apres", "tres", "apres", "tres"]),
            ("Aujourd'hui", &["aujourd", "hui"]),
            ("10 000 soldats", &["10", "000", "soldat"]),
        ];
        for (input, expected) in cases {
            assert_eq!(analyze(input), *expected, "input: {input}");
        }
    }

    #[test]
    fn folds_accents_and_ligatures() {
        let cases = [
            ("Séoul", "Seoul"),
            ("cœur", "coeur"),
            ("Noël", "Noel"),
            ("plain", "plain"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold_accents(input), expected);
        }
    }
}
