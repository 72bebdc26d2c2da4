//! `depeche extract`: title, dateline (place, date, agency) and clean body of every corpus article
//! against the corpus README's tables, the seed file's scraped shape, every input format, and errors.

use crate::common::{run, seed, str_field};
use serde_json::Value;
use std::collections::BTreeMap;

/// The date the README gives an article.
#[derive(Clone, Copy, Debug)]
enum Date {
    /// A full date, from the dateline, the byline, JSON metadata or a year found in the article.
    Full(&'static str),
    /// Day and month only ("year not inferable"): the year is a guess, so only `-MM-DD` is checked.
    DayMonth(&'static str),
    /// No date in the dateline (shape B): the first full date of the lede stands in for it (for the
    /// Abidjan article, an upcoming date, the nearest the text gives).
    FromBody(&'static str),
    /// No full date anywhere.
    Undated,
}

use Date::{DayMonth, FromBody, Full, Undated};

/// One row of the corpus README's per-article tables. `place` is the dateline's place: the
/// OrangeSum and Wikinews tables only name a place "from text", so their dateline has none.
struct Expected {
    path: &'static str,
    title: &'static str,
    place: Option<&'static str>,
    agency: Option<&'static str>,
    date: Date,
}

#[rustfmt::skip]
const ARTICLES: &[Expected] = &[
    // wire/ (scraped shape)
    Expected { path: "corpus/wire/yonhap-manoeuvres-mer-jaune.txt", title: "Pyongyang dénonce les manœuvres navales conjointes en mer Jaune", place: Some("SEOUL"), agency: Some("Yonhap"), date: Full("2025-03-14") },
    Expected { path: "corpus/wire/yonhap-familles-separees.txt", title: "Familles séparées : l’État sud-coréen promet une indemnisation, la Corée du Nord reste muette", place: Some("SÉOUL"), agency: Some("Yonhap"), date: DayMonth("-10-02") },
    Expected { path: "corpus/wire/yonhap-elections-locales-seoul.txt", title: "Élections locales : course serrée pour la mairie de Séoul à six jours du scrutin", place: Some("SEOUL"), agency: Some("Yonhap"), date: Full("2026-05-28") },
    Expected { path: "corpus/wire/afp-fnsea-ministere-agriculture.txt", title: "Les agriculteurs de la FNSEA reçus au ministère de l'Agriculture, sans avancée majeure", place: Some("PARIS"), agency: Some("AFP"), date: FromBody("2025-02-04") },
    Expected { path: "corpus/wire/afp-greve-sncf-lyon.txt", title: "Grève à la SNCF : des milliers de manifestants dans les rues de Lyon", place: Some("LYON"), agency: Some("AFP"), date: FromBody("2025-03-18") },
    Expected { path: "corpus/wire/reuters-roscosmos-module.txt", title: "Roscosmos reporte le lancement d'un module scientifique vers sa future station", place: Some("Moscou"), agency: Some("Reuters"), date: Full("2024-03-12") },
    Expected { path: "corpus/wire/reuters-rdc-calendrier-electoral.txt", title: "RDC : l’opposition conteste le calendrier électoral, tensions à Kinshasa", place: Some("Kinshasa"), agency: Some("Reuters"), date: Full("2023-09-09") },
    Expected { path: "corpus/wire/bruxelles-hydrogene-electrolyse.txt", title: "L'Union européenne veut doubler ses capacités de production d'hydrogène", place: Some("BRUXELLES"), agency: None, date: Full("2025-06-03") },
    Expected { path: "corpus/wire/geneve-oms-rougeole.txt", title: "Rougeole : l’OMS s’alarme d’une hausse des cas en Afrique de l’Ouest", place: Some("GENÈVE"), agency: None, date: DayMonth("-04-21") },
    Expected { path: "corpus/wire/kyodo-processeur-quantique.txt", title: "Un consortium japonais dévoile un processeur quantique de 512 qubits", place: Some("Tokyo"), agency: Some("Kyodo"), date: Full("2022-07-18") },
    Expected { path: "corpus/wire/aps-dakar-usine-vaccins.txt", title: "L’Institut Pasteur de Dakar lance sa première ligne de production de vaccins", place: Some("DAKAR"), agency: Some("APS"), date: Full("2026-02-11") },
    Expected { path: "corpus/wire/afp-abidjan-prix-cacao.txt", title: "Côte d'Ivoire : le prix du cacao bord champ relevé pour la campagne intermédiaire", place: Some("ABIDJAN"), agency: Some("AFP"), date: FromBody("2025-04-01") },
    Expected { path: "corpus/wire/rabat-secheresse-dessalement.txt", title: "Sécheresse : le Maroc accélère la construction d’usines de dessalement", place: Some("RABAT"), agency: None, date: DayMonth("-01-15") },
    Expected { path: "corpus/wire/ap-kyiv-fete-independance.txt", title: "À Kyiv, une fête de l’Indépendance sous les sirènes", place: Some("KYIV"), agency: Some("AP"), date: Full("2026-08-24") },
    Expected { path: "corpus/wire/afp-marseille-ferries-quai-electrique.txt", title: "Le port de Marseille branche ses ferries sur le réseau électrique", place: Some("MARSEILLE"), agency: Some("AFP"), date: Undated },
    Expected { path: "corpus/wire/dpa-berlin-coalition-frein-dette.txt", title: "Allemagne : les négociations de coalition butent sur le frein à l'endettement", place: Some("Berlin"), agency: Some("dpa"), date: Full("2021-11-04") },
    Expected { path: "corpus/wire/madrid-vuelta-angliru.txt", title: "Vuelta : le Français Baptiste Roumégoux s’impose au sommet de l’Angliru", place: Some("MADRID"), agency: None, date: DayMonth("-09-08") },
    Expected { path: "corpus/wire/ansa-pompei-fresque-athletes.txt", title: "Pompéi : une fresque d'athlètes découverte dans une maison de la Regio V", place: Some("ROME"), agency: Some("ANSA"), date: Full("2023-05-22") },
    Expected { path: "corpus/wire/ap-washington-fmi-afrique.txt", title: "Le FMI abaisse sa prévision de croissance pour l’Afrique subsaharienne", place: Some("WASHINGTON"), agency: Some("AP"), date: FromBody("2025-10-14") },
    Expected { path: "corpus/wire/efe-bogota-elections-regionales.txt", title: "Colombie : une ancienne syndicaliste élue gouverneure de Cundinamarca", place: Some("Bogota"), agency: Some("EFE"), date: Full("2019-10-27") },
    Expected { path: "corpus/wire/alger-centrale-solaire.txt", title: "L'Algérie inaugure sa plus grande centrale solaire dans le Sud", place: Some("ALGER"), agency: None, date: DayMonth("-07-05") },
    Expected { path: "corpus/wire/afp-noumea-congres-nickel.txt", title: "Nouvelle-Calédonie : le Congrès adopte un budget de crise pour sauver le nickel", place: Some("NOUMÉA"), agency: Some("AFP"), date: DayMonth("-12-12") },
    // orangesum/ (date and agency from the byline)
    Expected { path: "corpus/orangesum/2019/avignon-veilleurs-de-la-durance.txt", title: "Festival d'Avignon : \"Les Veilleurs de la Durance\", fresque paysanne acclamée dans la Cour d'honneur", place: None, agency: Some("AFP"), date: Full("2019-07-12") },
    Expected { path: "corpus/orangesum/2020/audiences-radio-mediametrie.txt", title: "Audiences radio : France Inter reste la station la plus écoutée, RTL résiste", place: None, agency: Some("AFP"), date: Full("2020-07-02") },
    Expected { path: "corpus/orangesum/2020/tunis-paris-visas-etudiants.txt", title: "Visas, étudiants, dette : Paris et Tunis veulent \"tourner la page des malentendus\"", place: None, agency: Some("AFP"), date: Full("2020-01-13") },
    Expected { path: "corpus/orangesum/2021/professeure-harcelee-nantes.txt", title: "Une professeure harcelée en ligne après un cours sur l'évolution : trois prévenus condamnés à Nantes", place: None, agency: Some("Orange avec AFP-Services"), date: Full("2021-03-15") },
    Expected { path: "corpus/orangesum/2022/canicule-vigilance-rouge.txt", title: "Canicule : quinze départements en vigilance rouge, records de chaleur en Bretagne", place: None, agency: Some("Orange avec Media Services"), date: Full("2022-07-19") },
    Expected { path: "corpus/orangesum/2022/chanteuse-madeleine-sorel-lacombe.txt", title: "La chanteuse Madeleine Sorel-Lacombe, voix de la génération yé-yé, est décédée à 86 ans", place: None, agency: Some("Orange avec AFP-Services"), date: Full("2022-01-18") },
    Expected { path: "corpus/orangesum/2022/inflation-insee-octobre.txt", title: "Inflation : les prix ont augmenté de 6,2 % sur un an en octobre, selon l'Insee", place: None, agency: Some("AFP"), date: Full("2022-10-28") },
    Expected { path: "corpus/orangesum/2023/motion-censure-morvan.txt", title: "Le gouvernement Morvan survit à une motion de censure, à 17 voix près", place: None, agency: Some("AFP"), date: Full("2023-11-06") },
    Expected { path: "corpus/orangesum/2023/sncf-prix-billets-tgv.txt", title: "SNCF : les billets de TGV augmenteront de 5 % en moyenne l'an prochain", place: None, agency: Some("6Medias"), date: Full("2023-05-11") },
    Expected { path: "corpus/orangesum/2024/salon-agriculture-marchetti.txt", title: "Salon de l'agriculture : huée à son arrivée, Hélène Marchetti promet un \"choc de simplification\"", place: None, agency: Some("6Medias"), date: Full("2024-02-24") },
    Expected { path: "corpus/orangesum/2024/handball-bleues-euro.txt", title: "Handball : les Bleues renversent les Pays-Bas et filent en demi-finales de l'Euro", place: None, agency: Some("AFP"), date: Full("2024-12-11") },
    Expected { path: "corpus/orangesum/2025/otan-sommet-la-haye.txt", title: "Sommet de l'Otan : Paris s'engage à porter ses dépenses militaires à 3,5 % du PIB", place: None, agency: Some("AFP"), date: Full("2025-06-24") },
    Expected { path: "corpus/orangesum/2026/cyberattaque-chu-brest.txt", title: "Cyberattaque au CHU de Brest : les urgences fonctionnent en mode dégradé", place: None, agency: Some("Orange avec AFP-Services"), date: Full("2026-09-15") },
    // wikinews/ (shape W: no place, no agency)
    Expected { path: "corpus/wikinews/argentine-mammifere-fossile-patagonie.txt", title: "Argentine : découverte d'un petit mammifère fossile pondeur d'œufs en Patagonie", place: None, agency: None, date: Full("2019-05-16") },
    Expected { path: "corpus/wikinews/marathon-de-paris-2022.txt", title: "Marathon de Paris : un Kényan et une Éthiopienne s'imposent sous le soleil", place: None, agency: None, date: Full("2022-04-03") },
    Expected { path: "corpus/wikinews/montreal-rem-essais-rive-nord.txt", title: "Montréal : le REM entame ses essais dynamiques vers la Rive-Nord", place: None, agency: None, date: Full("2023-11-14") },
    Expected { path: "corpus/wikinews/tunisie-elections-locales.txt", title: "Tunisie : faible participation au premier tour des élections locales", place: None, agency: None, date: Full("2023-12-24") },
    // web/ (Markdown and HTML)
    Expected { path: "corpus/web/cnes-satellite-hydrasol.md", title: "Le satellite franco-européen Hydrasol mesurera l'humidité des sols depuis l'espace", place: Some("Toulouse"), agency: Some("AFP"), date: Full("2026-03-05") },
    Expected { path: "corpus/web/senegal-mauritanie-cooperation-gaziere.md", title: "Sénégal et Mauritanie signent un accord de coopération gazière élargie", place: Some("NOUAKCHOTT"), agency: None, date: Full("2025-02-18") },
    Expected { path: "corpus/web/pyongyang-defile-75e-anniversaire.html", title: "Pyongyang célèbre le 75e anniversaire du régime par un défilé nocturne", place: Some("PYONGYANG"), agency: Some("Xinhua"), date: Full("2023-09-09") },
    Expected { path: "corpus/web/montreal-cf-nul-toronto.html", title: "Soccer : le CF Montréal arrache le nul face à Toronto au stade Saputo", place: Some("MONTRÉAL"), agency: None, date: Full("2025-06-14") },
    Expected { path: "corpus/web/banque-de-france-euro-numerique.html", title: "Euro numérique : la Banque de France lance des tests avec cinq banques commerciales", place: Some("PARIS"), agency: Some("AFP"), date: FromBody("2025-10-21") },
    // json/
    Expected { path: "corpus/json/ats-geneve-glaciers-suisses.json", title: "Les glaciers suisses pourraient perdre 3 % de leur volume cet été", place: Some("GENÈVE"), agency: Some("ATS"), date: Full("2025-08-14") },
    Expected { path: "corpus/json/reuters-mexico-banxico-taux.json", title: "Mexique : la banque centrale maintient son taux directeur à 11,25 %", place: Some("MEXICO"), agency: Some("Reuters"), date: Full("2023-06-22") },
    Expected { path: "corpus/json/depeches-2024-2026.jsonl:1", title: "Corée du Sud : le ministère de l’Unification réorganisé pour relancer les échanges civils", place: Some("SÉOUL"), agency: Some("Yonhap"), date: Full("2025-01-09") },
    Expected { path: "corpus/json/depeches-2024-2026.jsonl:2", title: "Mercosur : la ministre de l'Agriculture promet de « se battre jusqu'au bout » à Bruxelles", place: Some("BRUXELLES"), agency: Some("Belga"), date: Full("2024-12-06") },
    Expected { path: "corpus/json/depeches-2024-2026.jsonl:3", title: "Tournoi des Six Nations féminin : les Bleues dominent l'Italie à Grenoble", place: Some("Grenoble"), agency: Some("AFP"), date: Full("2026-04-18") },
    Expected { path: "corpus/json/depeches-2024-2026.jsonl:4", title: "Mpox : la RDC annonce une campagne de vaccination ciblée à Kinshasa", place: Some("KINSHASA"), agency: Some("AFP"), date: Full("2024-08-29") },
];

/// `depeche extract FILE --json`, which must succeed with one article per line.
fn extract(file: &str) -> Vec<Value> {
    let run = run(&["extract", file, "--json"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stderr, "", "{run:#?}");
    run.json_lines()
}

/// The one article of a single-article file.
fn extract_one(file: &str) -> Value {
    let mut articles = extract(file);
    assert_eq!(articles.len(), 1, "{file}: {articles:?}");
    articles.remove(0)
}

/// Every article of the table, extracted, by path (`.jsonl` files are extracted once).
fn extract_table() -> BTreeMap<String, Value> {
    let mut files: Vec<&str> = ARTICLES
        .iter()
        .map(|a| match a.path.find(".jsonl:") {
            Some(at) => &a.path[..at + ".jsonl".len()],
            None => a.path,
        })
        .collect();
    files.dedup();
    let mut by_path = BTreeMap::new();
    for file in files {
        for article in extract(file) {
            by_path.insert(str_field(&article, "path").to_string(), article);
        }
    }
    by_path
}

fn dateline_field<'a>(article: &'a Value, key: &str) -> Option<&'a str> {
    article["dateline"][key].as_str()
}

/// What is wrong with `date` as `expected` says (only for the kinds of date `check` selects).
fn date_problem(expected: Date, date: Option<&str>) -> Option<String> {
    let ok = match expected {
        Full(day) | FromBody(day) => date == Some(day),
        DayMonth(month_day) => date.is_some_and(|d| d.len() == 10 && d.ends_with(month_day)),
        Undated => date.is_none(),
    };
    (!ok).then(|| format!("date {date:?}, expected {expected:?}"))
}

#[test]
fn the_table_covers_the_fifty_articles() {
    assert_eq!(ARTICLES.len(), 50);
    let by_path = extract_table();
    let paths: Vec<&String> = by_path.keys().collect();
    let mut expected: Vec<&str> = ARTICLES.iter().map(|a| a.path).collect();
    expected.sort_unstable();
    assert_eq!(paths, expected);
}

#[test]
fn titles_places_agencies_and_dates_match_the_readme() {
    let by_path = extract_table();
    let mut problems = Vec::new();
    for expected in ARTICLES {
        let Some(article) = by_path.get(expected.path) else {
            problems.push(format!("{}: not extracted", expected.path));
            continue;
        };
        let mut check = |what: &str, got: Option<&str>, want: Option<&str>| {
            if got != want {
                problems.push(format!(
                    "{}: {what} {got:?}, expected {want:?}",
                    expected.path
                ));
            }
        };
        check("title", article["title"].as_str(), Some(expected.title));
        check("place", dateline_field(article, "place"), expected.place);
        check("agency", dateline_field(article, "agency"), expected.agency);
        let date = dateline_field(article, "date");
        if !matches!(expected.date, FromBody(_))
            && let Some(problem) = date_problem(expected.date, date)
        {
            problems.push(format!("{}: {problem}", expected.path));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn shape_b_articles_take_their_date_from_the_body() {
    let by_path = extract_table();
    let mut problems = Vec::new();
    for expected in ARTICLES.iter().filter(|a| matches!(a.date, FromBody(_))) {
        let date = dateline_field(&by_path[expected.path], "date");
        if let Some(problem) = date_problem(expected.date, date) {
            problems.push(format!("{}: {problem}", expected.path));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_dateline_is_split_off_the_body() {
    // One file per dateline shape: A, B, C, D, W, the OrangeSum byline, and inline in JSON text.
    let cases = [
        (
            "corpus/wire/yonhap-manoeuvres-mer-jaune.txt",
            "SEOUL, le 14 mars (Yonhap)",
            "La Corée du Nord a vivement dénoncé",
        ),
        (
            "corpus/wire/afp-greve-sncf-lyon.txt",
            "LYON (AFP)",
            "Plusieurs milliers de manifestants ont défilé",
        ),
        (
            "corpus/wire/reuters-roscosmos-module.txt",
            "Moscou, 12 mars 2024 (Reuters)",
            "L'agence spatiale russe Roscosmos a annoncé mardi",
        ),
        (
            "corpus/wire/bruxelles-hydrogene-electrolyse.txt",
            "BRUXELLES, 3 juin",
            "La Commission européenne a présenté mardi un plan",
        ),
        (
            "corpus/wikinews/marathon-de-paris-2022.txt",
            "3 avril 2022",
            "Le Kényan Kipchumba Rotich et l'Éthiopienne",
        ),
        (
            "corpus/orangesum/2019/avignon-veilleurs-de-la-durance.txt",
            "AFP, publié le vendredi 12 juillet 2019 à 18h42",
            "Six heures de spectacle, quarante comédiens",
        ),
        (
            "corpus/web/cnes-satellite-hydrasol.md",
            "Toulouse, 5 mars 2026 (AFP)",
            "Le Centre national d'études spatiales (CNES)",
        ),
        (
            "corpus/web/montreal-cf-nul-toronto.html",
            "MONTRÉAL, 14 juin",
            "Le CF Montréal a arraché le match nul",
        ),
    ];
    for (file, dateline, body_start) in cases {
        let article = extract_one(file);
        assert_eq!(dateline_field(&article, "text"), Some(dateline), "{file}");
        let body = str_field(&article, "body");
        assert!(
            body.starts_with(body_start),
            "{file}: body starts {:?}",
            &body[..80]
        );
        assert!(
            !body.contains(&format!("{dateline} -")),
            "{file}: dateline left in body"
        );
        assert!(
            !body.contains(&format!("{dateline} –")),
            "{file}: dateline left in body"
        );
        assert!(
            !body.contains(&format!("{dateline} —")),
            "{file}: dateline left in body"
        );
        assert!(
            !body.contains(&format!("{dateline}. -")),
            "{file}: dateline left in body"
        );
        assert!(
            !body.starts_with(dateline),
            "{file}: body starts with the dateline"
        );
    }
    // JSON Lines line 3 has no `dateline` key: the dateline opens its text.
    let line3 = extract("corpus/json/depeches-2024-2026.jsonl").remove(2);
    assert_eq!(
        dateline_field(&line3, "text"),
        Some("Grenoble, 18 avril 2026 (AFP)")
    );
    assert!(
        str_field(&line3, "body").starts_with("Le XV de France féminin"),
        "{line3}"
    );
}

#[test]
fn the_seed_file_reads_as_one_yonhap_article_without_its_boilerplate() {
    let Some(seed) = seed() else { return };
    let article = extract_one(seed);
    assert_eq!(str_field(&article, "path"), seed);
    assert_eq!(
        str_field(&article, "title"),
        "Réunion militaire entre la Corée du Nord et la Russie à Pyongyang"
    );
    assert_eq!(dateline_field(&article, "place"), Some("SEOUL"));
    assert_eq!(dateline_field(&article, "agency"), Some("Yonhap"));
    let date = dateline_field(&article, "date").expect("a date");
    assert!(date.ends_with("-11-07") && date.len() == 10, "date {date}");
    let body = str_field(&article, "body");
    assert!(
        body.starts_with("Hier, une rencontre d’importance"),
        "{body}"
    );
    assert!(!body.starts_with("SEOUL"), "{body}");
    for boilerplate in [
        "Estimated read time",
        "[email protected]",
        "(FIN)",
        "Copyright",
        "Related Posts",
    ] {
        assert!(!body.contains(boilerplate), "{boilerplate:?} in {body}");
    }
    assert!(
        body.ends_with("participent aux opérations de déminage."),
        "{body}"
    );
}

#[test]
fn wire_bodies_lose_the_scraped_boilerplate_and_related_posts() {
    let boilerplate = [
        "Estimated read time",
        "min read",
        "[email protected]",
        "email protected",
        "(FIN)",
        "Copyright",
        "Toute reproduction",
        "Related Posts",
        "Méridien",
        // Titles that only appear under `Related Posts:`.
        "funiculaire",
        "montgolfière",
        "Séoul et Tokyo relancent leur dialogue",
    ];
    let mut problems = Vec::new();
    for expected in ARTICLES
        .iter()
        .filter(|a| a.path.starts_with("corpus/wire/"))
    {
        let article = extract_one(expected.path);
        let body = str_field(&article, "body");
        for word in boilerplate {
            if body.contains(word) {
                problems.push(format!("{}: body contains {word:?}", expected.path));
            }
        }
        if body.trim().is_empty() {
            problems.push(format!("{}: empty body", expected.path));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn html_gives_visible_article_text_only() {
    let hidden = [
        "trackingPixelZorglub",
        "zorglub",
        "xylophone",
        "dataLayer",
        "Horoscope",
        "cookies",
        "confidentialité",
        "Mentions légales",
        "Le Courrier d’Asie",
        "Le Sportif québécois",
        "Dépêches Éco",
        "<",
        "{",
    ];
    let cases = [
        (
            "corpus/web/pyongyang-defile-75e-anniversaire.html",
            "La Corée du Nord a célébré ce samedi 9 septembre 2023",
        ),
        (
            "corpus/web/montreal-cf-nul-toronto.html",
            "Le CF Montréal a arraché le match nul (2-2)",
        ),
        (
            "corpus/web/banque-de-france-euro-numerique.html",
            "La Banque de France a lancé ce mardi 21 octobre 2025",
        ),
    ];
    for (file, opening) in cases {
        let article = extract_one(file);
        let body = str_field(&article, "body");
        let title = str_field(&article, "title");
        assert!(body.starts_with(opening), "{file}: {body}");
        for word in hidden {
            assert!(!body.contains(word), "{file}: body contains {word:?}");
            assert!(!title.contains(word), "{file}: title contains {word:?}");
        }
    }
}

#[test]
fn html_entities_are_decoded() {
    let article = extract_one("corpus/web/banque-de-france-euro-numerique.html");
    let body = str_field(&article, "body");
    assert!(body.contains("Étienne Morvan"), "{body}");
    assert!(body.contains("l’euro numérique"), "{body}");
    assert!(body.contains("« une question de souveraineté »"), "{body}");
    assert!(!body.contains('&'), "an entity is left in {body}");
}

#[test]
fn json_lines_give_one_article_per_line_with_its_line_number() {
    let articles = extract("corpus/json/depeches-2024-2026.jsonl");
    let paths: Vec<&str> = articles.iter().map(|a| str_field(a, "path")).collect();
    assert_eq!(
        paths,
        [
            "corpus/json/depeches-2024-2026.jsonl:1",
            "corpus/json/depeches-2024-2026.jsonl:2",
            "corpus/json/depeches-2024-2026.jsonl:3",
            "corpus/json/depeches-2024-2026.jsonl:4",
        ]
    );
    // Each line uses a different text key (`article`, `body`, `text`); none may come out empty.
    let openings = [
        "Le ministre sud-coréen de l’Unification, Park Min-seo",
        "La ministre française de l'Agriculture, Hélène Marchetti",
        "Le XV de France féminin a largement dominé l'Italie (41-10)",
        "Le gouvernement de la République démocratique du Congo",
    ];
    for (article, opening) in articles.iter().zip(openings) {
        let body = str_field(article, "body");
        assert!(
            body.starts_with(opening),
            "{}: {body}",
            str_field(article, "path")
        );
    }
    // `url` is printed when the source has one and left out otherwise (line 3 has none).
    assert_eq!(
        articles[0]["url"],
        "https://example.org/yonhap/2025/01/09/unification-reorganisation"
    );
    assert!(articles[2].get("url").is_none(), "{}", articles[2]);
}

#[test]
fn json_objects_read_body_or_text() {
    let cases = [
        (
            "corpus/json/ats-geneve-glaciers-suisses.json",
            "La fonte des glaciers suisses atteint cet été",
        ),
        (
            "corpus/json/reuters-mexico-banxico-taux.json",
            "La Banque du Mexique (Banxico) a maintenu jeudi",
        ),
    ];
    for (file, opening) in cases {
        let article = extract_one(file);
        let body = str_field(&article, "body");
        assert!(body.starts_with(opening), "{file}: {body}");
    }
}

#[test]
fn json_output_has_the_documented_shape() {
    let article = extract_one("corpus/wire/reuters-roscosmos-module.txt");
    let keys: Vec<&String> = article.as_object().expect("an object").keys().collect();
    assert_eq!(keys.len(), 5, "{article}");
    for key in ["path", "title", "dateline", "entities", "body"] {
        assert!(article.get(key).is_some(), "no {key} in {article}");
    }
    let dateline = article["dateline"].as_object().expect("a dateline object");
    let mut keys: Vec<&str> = dateline.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["agency", "date", "place", "text", "year_from"]);
    assert_eq!(article["dateline"]["year_from"], "dateline");
    for kind in ["per", "loc", "org"] {
        assert!(
            article["entities"][kind].is_array(),
            "entities.{kind} in {article}"
        );
    }
    // Paragraphs are separated by one blank line.
    let body = str_field(&article, "body");
    assert!(body.contains("\n\n") && !body.contains("\n\n\n"), "{body}");
}

#[test]
fn markdown_keeps_its_title_and_intertitle_text() {
    let article = extract_one("corpus/web/cnes-satellite-hydrasol.md");
    let body = str_field(&article, "body");
    assert!(
        body.contains("Un outil pour les agriculteurs et les hydrologues"),
        "{body}"
    );
    assert!(
        body.starts_with("Le Centre national d'études spatiales"),
        "{body}"
    );
}

#[test]
fn markdown_markup_is_not_part_of_the_body() {
    let article = extract_one("corpus/web/cnes-satellite-hydrasol.md");
    let body = str_field(&article, "body");
    assert!(body.contains("le satellite Hydrasol, destiné"), "{body}");
    assert!(!body.contains("**"), "{body}");
    assert!(!body.contains("## "), "{body}");
    assert!(
        body.ends_with("pour une mission d'au moins cinq ans."),
        "{body}"
    );
}

#[test]
fn text_output_lists_the_fields() {
    let run = run(&["extract", "corpus/wire/reuters-roscosmos-module.txt"]);
    assert_eq!(run.code, 0, "{run:#?}");
    let head: Vec<&str> = run.stdout.lines().take(6).collect();
    assert_eq!(
        head,
        [
            "path:     corpus/wire/reuters-roscosmos-module.txt",
            "title:    Roscosmos reporte le lancement d'un module scientifique vers sa future station",
            "dateline: Moscou, 12 mars 2024 (Reuters)",
            "place:    Moscou",
            "date:     2024-03-12 (year from dateline)",
            "agency:   Reuters",
        ]
    );
    assert!(run.stdout.contains("\nbody:\n"), "{}", run.stdout);
    // No colour codes when stdout is not a terminal.
    assert!(!run.stdout.contains('\x1b'));
}

#[test]
fn text_output_shows_missing_fields_as_a_dash() {
    let run = run(&["extract", "corpus/wikinews/marathon-de-paris-2022.txt"]);
    assert_eq!(run.code, 0, "{run:#?}");
    let head: Vec<&str> = run.stdout.lines().take(6).collect();
    assert_eq!(
        head,
        [
            "path:     corpus/wikinews/marathon-de-paris-2022.txt",
            "title:    Marathon de Paris : un Kényan et une Éthiopienne s'imposent sous le soleil",
            "dateline: 3 avril 2022",
            "place:    -",
            "date:     2022-04-03 (year from dateline)",
            "agency:   -",
        ]
    );
}

#[test]
fn a_bad_json_line_is_reported_and_the_others_kept() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("mixed.jsonl");
    std::fs::write(
        &file,
        "{\"title\": \"Premier\", \"body\": \"Un texte.\"}\n{oops\n{\"title\": \"Troisième\", \"text\": \"Autre texte.\"}\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let run = run(&["extract", file, "--json"]);
    assert_eq!(run.code, 0, "{run:#?}");
    let titles: Vec<(String, String)> = run
        .json_lines()
        .iter()
        .map(|a| {
            (
                str_field(a, "path").to_string(),
                str_field(a, "title").to_string(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [
            (format!("{file}:1"), "Premier".to_string()),
            (format!("{file}:3"), "Troisième".to_string()),
        ]
    );
    assert_eq!(
        run.stderr,
        format!("depeche: skipped {file}:2: bad JSON: key must be a string at line 1 column 2\n")
    );
}

#[test]
fn a_file_of_another_format_is_an_error() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("tableau.csv");
    std::fs::write(&file, "a,b\n1,2\n").unwrap();
    let file = file.to_str().unwrap();
    let run = run(&["extract", file]);
    assert_eq!(
        run.error_line(),
        format!("depeche: {file}: not an article format (.txt .md .html .json .jsonl)")
    );
}

#[test]
fn a_missing_file_is_a_one_line_error_naming_it() {
    let run = run(&["extract", "corpus/wire/absent.txt"]);
    let line = run.error_line();
    assert!(line.contains("corpus/wire/absent.txt"), "{line}");
}

#[test]
fn a_missing_file_error_says_it_once() {
    let run = run(&["extract", "corpus/wire/absent.txt"]);
    let line = run.error_line();
    assert_eq!(line.matches("os error 2").count(), 1, "{line}");
}

#[test]
fn an_empty_file_is_an_error() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("vide.txt");
    std::fs::write(&file, "  \n\n").unwrap();
    let file = file.to_str().unwrap();
    let run = run(&["extract", file]);
    assert_eq!(run.error_line(), format!("depeche: {file}: empty file"));
}
