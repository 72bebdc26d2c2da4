//! The extent of a run of capitalised words that may be one name: `Emmanuel Macron`,
//! `Guillaume de Tonquédec`, `Amérique du Sud`, `George W. Bush`, `Port Authority of New York`.

use super::listed_at::longest_listed;
use crate::entities::doc::Doc;
use crate::entities::lists::List;
use crate::entities::token::Shape;

/// The most tokens a run of capitalised words spans.
const MAX_TOKENS: usize = 8;

/// Particles inside people's names, between a given name and a capitalised surname.
const NAME_PARTICLES: [&str; 17] = [
    "de", "du", "des", "von", "van", "der", "den", "al", "el", "ben", "bin", "ibn", "da", "di",
    "dos", "del", "della",
];

/// The French particles among them: after a given name (`Dominique de Villepin`), but after a
/// surname only before another surname (`Geoffroy Roux de Bézieux`, not `Jean Dupont de Lyon`).
const FRENCH_PARTICLES: [&str; 3] = ["de", "du", "des"];

/// Directions that complete a place: `Amérique du Sud`, `Afrique de l'Ouest`.
const DIRECTIONS: [&str; 4] = ["Nord", "Sud", "Est", "Ouest"];

/// English links inside an English name: `Port Authority of New York and New Jersey`. `&`
/// always joins two capitalised words (`Marks & Spencer`); `and` also before an English head
/// word at most `KEYWORD_REACH` words on (`World Travel and Tourism Council`), the others
/// only after one.
const ENGLISH_LINKS: [&str; 5] = ["of", "and", "for", "the", "&"];

/// How many words after `and` an English head word is looked for.
const KEYWORD_REACH: usize = 3;

/// First words of foreign place names, which two or three capitalised words would otherwise make
/// a person: `San Pedro Sula`, `Los Lagos`, `Puerto Chacabuco`, `Uttar Pradesh`.
const PLACE_PREFIXES: [&str; 15] = [
    "San", "Santa", "Santo", "São", "Sao", "Los", "Las", "Puerto", "Porto", "Rio", "Río", "Sidi",
    "Uttar", "Ciudad", "Bahía",
];

/// Whether `word` opens a foreign place name: `San`, `Los`, `Puerto`.
pub fn is_place_prefix(word: &str) -> bool {
    PLACE_PREFIXES.contains(&word)
}

/// Whether `word` is a direction that completes a place: `Nord`, `Sud`, `Est`, `Ouest`.
pub fn is_direction(word: &str) -> bool {
    DIRECTIONS.contains(&word)
}

/// One past the last token of the run of capitalised words starting at `start`; the point of a
/// last initial is in it (`Yannis Z.`, as the name is written).
pub fn run_end(doc: &Doc, start: usize) -> usize {
    let mut end = start + 1;
    while end - start < MAX_TOKENS {
        if starts_a_person(doc, start, end) {
            break;
        }
        if continues_run(doc, end) || goes_on_a_full_name(doc, start, end) {
            end += 1;
        } else if doc.shape(end - 1) == Shape::Initial
            && doc.is_mark(end, ".")
            && doc.is_inner_capital(end + 1)
        {
            end += 2;
        } else if let Some(length) = link(doc, start, end) {
            end += length;
        } else if is_glued_article(doc.word(end)) {
            end += 1;
        } else {
            break;
        }
    }
    if end - start > 1 && doc.shape(end - 1) == Shape::Initial && doc.is_mark(end, ".") {
        end += 1;
    }
    end
}

/// Arabic articles glued to the capitalised word they precede: the `al-` of `al-Sissi`.
const GLUED_ARTICLES: [&str; 4] = ["al-", "el-", "ad-", "ash-"];

/// Whether `word` is an Arabic article glued to a capitalised word, part of the name it follows:
/// `Abdel Fattah al-Sissi`, `Ras al-Aïn`.
fn is_glued_article(word: &str) -> bool {
    GLUED_ARTICLES.iter().any(|article| {
        word.strip_prefix(article)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// Whether token `at` starts a person's full name inside a run that is no person's name
/// (`Samu social Éric Pliez`, `Soyouz Oleg Novitskiy`, `sur Twitter Philippe de Villiers`, but
/// not `Heritage Park de Kissimmee`, a place word before `de`), or after a person's full name
/// (`Gérard Collomb Georges Képénékian`; not the given names of `Jean Marie Le Pen`).
fn starts_a_person(doc: &Doc, start: usize, at: usize) -> bool {
    let after_a_full_name = at >= start + 2 && !doc.is(at - 1, List::FirstName);
    let particle = doc.is_de(at + 1) && !doc.is(at, List::LocKeyword);
    let surname = at + 1 + usize::from(particle);
    doc.is_inner_capital(surname)
        && doc.is(at, List::FirstName)
        && (!doc.is(start, List::FirstName) || after_a_full_name)
        && !is_place_prefix(doc.word(start))
}

/// Whether token `at` is the capitalised surname after a given name, even a word that is no
/// name on its own (`Tariq Ramadan`).
fn goes_on_a_full_name(doc: &Doc, start: usize, at: usize) -> bool {
    at == start + 1 && doc.is(start, List::FirstName) && doc.is_inner_capital(at)
}

/// Whether token `at` goes on a run of capitalised words: a capital inside a sentence (where
/// even a common word is part of a name: `Kim Jong Un`), not a word that is never a name.
fn continues_run(doc: &Doc, at: usize) -> bool {
    doc.is_inner_capital(at) && !doc.is(at, List::NonEntity)
}

/// The length of a lowercase link at `at` and the capitalised word after it, when the link
/// belongs to the name started at `start`.
fn link(doc: &Doc, start: usize, at: usize) -> Option<usize> {
    let particle = particle_length(doc, at)?;
    if !doc.is_inner_capital(at + particle) {
        return None;
    }
    let next = doc.word(at + particle);
    let fits = if ENGLISH_LINKS.contains(&doc.word(at)) {
        doc.word(at) == "&"
            || has_english_keyword(doc, start, at)
            || doc.word(at) == "and" && has_english_keyword(doc, at + 1, at + 1 + KEYWORD_REACH)
    } else {
        doc.is(start, List::FirstName) && is_name_particle(doc, start, at) || is_direction(next)
    };
    fits.then_some(particle + 1)
}

/// Whether token `at` is a particle of the person's name started at `start`: `van`; `de`, `du`
/// or `des` after a given name (`Guillaume de Tonquédec`, `Charles Maurice de Talleyrand`) or
/// before a capitalised word that names nothing listed (`Geoffroy Roux de Bézieux`, not `Jean
/// Dupont de Lyon` nor `Didier Aubert de la CFDT`, where the name has ended); or `d'` before
/// such a word (`Valéry Giscard d'Estaing`, not `Jean Dupont d'Amiens` nor `Véronique Cayla
/// d'Arte`).
fn is_name_particle(doc: &Doc, start: usize, at: usize) -> bool {
    if doc.is_one_of(at, &FRENCH_PARTICLES) {
        return at == start + 1
            || doc.is(at - 1, List::FirstName)
            || names_nothing_listed(doc, at + 1);
    }
    doc.is_one_of(at, &NAME_PARTICLES)
        || doc.is_elided(at, 'd') && names_nothing_listed(doc, at + 1)
}

/// Whether token `at` is a capitalised word (no acronym) that starts no listed name, and so may
/// be a surname after a particle.
fn names_nothing_listed(doc: &Doc, at: usize) -> bool {
    doc.shape(at) == Shape::Capitalised && longest_listed(doc, at).is_none()
}

/// The number of tokens of the particle at `at`: `de`, `d'`, `de la`, `de l'`, `van der`, `of`.
fn particle_length(doc: &Doc, at: usize) -> Option<usize> {
    if doc.is_one_of(at, &["de"]) && (doc.is_one_of(at + 1, &["la"]) || doc.is_elided(at + 1, 'l'))
    {
        return Some(2);
    }
    if doc.is_one_of(at, &["van", "von"]) && doc.is_one_of(at + 1, &["der", "den"]) {
        return Some(2);
    }
    let single = doc.is_one_of(at, &NAME_PARTICLES)
        || doc.is_one_of(at, &ENGLISH_LINKS)
        || doc.is_elided(at, 'd');
    single.then_some(1)
}

/// Whether tokens `start..end` hold an English head word (`Authority`), after which English
/// links (`of`, `and`) go on the name.
fn has_english_keyword(doc: &Doc, start: usize, end: usize) -> bool {
    (start..end).any(|at| doc.is(at, List::OrgKeyword) || doc.is(at, List::LocKeyword))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extends_over_capitals_and_name_links() {
        let cases = [
            ("Emmanuel Macron a dit", "Emmanuel Macron"),
            ("Guillaume de Tonquédec joue", "Guillaume de Tonquédec"),
            ("Amérique du Sud et", "Amérique du Sud"),
            ("Afrique de l'Ouest", "Afrique de l'Ouest"),
            ("Marine Le Pen", "Marine Le Pen"),
            ("George W. Bush est", "George W. Bush"),
            (
                "Port Authority of New York and New Jersey a",
                "Port Authority of New York and New Jersey",
            ),
            ("Attaques de l'Aude", "Attaques"),
            ("Paris de Macron", "Paris"),
            ("Kim Jong-un", "Kim Jong-un"),
            ("Soyouz Oleg Novitskiy", "Soyouz"),
            ("José Ramón Bauzà", "José Ramón Bauzà"),
            ("Tariq Ramadan", "Tariq Ramadan"),
            ("Valéry Giscard d'Estaing", "Valéry Giscard d'Estaing"),
            ("Jean d'Ormesson", "Jean d'Ormesson"),
            ("Jean Dupont d'Amiens", "Jean Dupont"),
            ("Véronique Cayla d'Arte France", "Véronique Cayla"),
            ("Jérôme Galon d'INSERM", "Jérôme Galon"),
            ("Jean Dupont de la CGT", "Jean Dupont"),
            ("Jean Dupont de Lyon", "Jean Dupont"),
            ("Geoffroy Roux de Bézieux", "Geoffroy Roux de Bézieux"),
            (
                "Charles Maurice de Talleyrand",
                "Charles Maurice de Talleyrand",
            ),
            ("Dominique de Villepin", "Dominique de Villepin"),
            ("Marks & Spencer a", "Marks & Spencer"),
            ("San Pedro Sula a", "San Pedro Sula"),
            (
                "World Travel and Tourism Council a",
                "World Travel and Tourism Council",
            ),
            ("Tom and Jerry a", "Tom"),
            ("Abdel Fattah al-Sissi a", "Abdel Fattah al-Sissi"),
            ("Bassem al-Kaissi, directeur", "Bassem al-Kaissi"),
            ("Yannis Z. a été jugé", "Yannis Z."),
            ("Sofiane Z. et Benjamin L.", "Sofiane Z."),
            ("Paris al-ahram", "Paris"),
        ];
        for (text, expected) in cases {
            let doc = Doc::new(text);
            let end = run_end(&doc, 0);
            assert_eq!(doc.form(0, end), expected, "{text}");
        }
    }
}
