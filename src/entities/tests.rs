//! End-to-end examples of extraction on short invented sentences, one table per rule.

use super::extract;

/// The entities of `body` (no title), as `(per, loc, org)`.
fn kinds(body: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let entities = extract("", body);
    (entities.per, entities.loc, entities.org)
}

/// One example: a text and the people, places and organisations it names, sorted by key.
type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);

/// Checks each `(text, per, loc, org)` case.
fn check(cases: &[Case]) {
    for (text, per, loc, org) in cases {
        let (got_per, got_loc, got_org) = kinds(text);
        assert_eq!(got_per, *per, "per of {text:?}");
        assert_eq!(got_loc, *loc, "loc of {text:?}");
        assert_eq!(got_org, *org, "org of {text:?}");
    }
}

#[test]
fn multi_word_names_with_lowercase_links() {
    check(&[
        (
            "Le missile est parti de Corée du Nord mardi.",
            &[],
            &["Corée du Nord"],
            &[],
        ),
        (
            "Les pays d'Europe du Nord et ceux d'Asie de l'Est, en Italie du Sud.",
            &[],
            &["Asie de l'Est", "Europe du Nord", "Italie du Sud"],
            &[],
        ),
        (
            "Selon l'Institut coréen de recherche pour la stratégie nationale, le tir a échoué.",
            &[],
            &[],
            &["Institut coréen de recherche pour la stratégie nationale"],
        ),
        (
            "Le ministère de l'Agriculture a publié un décret.",
            &[],
            &[],
            &["ministère de l'Agriculture"],
        ),
        (
            "Il a visité l'Amérique du Sud et la République démocratique du Congo.",
            &[],
            &["Amérique du Sud", "République démocratique du Congo"],
            &[],
        ),
        (
            "Arrivé gare Montparnasse, il a vu le volcan Etna et défilé place d'Italie, puis gare du Nord.",
            &[],
            &["Etna", "Gare du Nord", "Montparnasse", "place d'Italie"],
            &[],
        ),
        (
            "L'Association mondiale des zoos et aquariums et l'Observatoire français des drogues et toxicomanies.",
            &[],
            &[],
            &[
                "Association mondiale des zoos et aquariums",
                "Observatoire français des drogues et toxicomanies",
            ],
        ),
    ]);
}

#[test]
fn headed_names_stop_before_verbs_and_dates() {
    check(&[
        (
            "L'Agence régionale de santé de Bretagne indique que le texte ira au Parlement européen à l'automne.",
            &[],
            &[],
            &[
                "Agence régionale de santé de Bretagne",
                "Parlement européen",
            ],
        ),
        (
            "Un arrêt de la Cour de cassation de novembre renvoie au parquet de Paris au printemps.",
            &[],
            &[],
            &["Cour de cassation", "parquet de Paris"],
        ),
        (
            "La Fondation pour le développement d'Amérique centrale et le ministère de l'Europe et des Affaires étrangères.",
            &[],
            &[],
            &[
                "Fondation pour le développement d'Amérique centrale",
                "ministère de l'Europe et des Affaires étrangères",
            ],
        ),
        (
            "Le Front national aux élections municipales, le Front de gauche à l'élection présidentielle.",
            &[],
            &[],
            &["Front de gauche", "Front national"],
        ),
    ]);
}

#[test]
fn hyphenated_and_transliterated_names() {
    check(&[
        (
            "Le général Pak Yong-il a rencontré No Kwang-chol à Pyongyang.",
            &["No Kwang-chol", "Pak Yong-il"],
            &["Pyongyang"],
            &[],
        ),
        (
            "Le dirigeant Kim Jong-un a salué les soldats.",
            &["Kim Jong-un"],
            &[],
            &[],
        ),
        (
            "Plus tard, Kim Jong Un a parlé. Kim Jong-un a ensuite rejoint Séoul.",
            &["Kim Jong Un"],
            &["Séoul"],
            &[],
        ),
    ]);
}

#[test]
fn sentence_initial_capitals_and_common_words_are_not_entities() {
    check(&[
        (
            "Cette décision surprend. Hier, les élus ont voté.",
            &[],
            &[],
            &[],
        ),
        (
            "Soldats et civils ont défilé. Placée en garde à vue, elle a parlé.",
            &[],
            &[],
            &[],
        ),
        (
            "Hier Emmanuel Macron est arrivé.",
            &["Emmanuel Macron"],
            &[],
            &[],
        ),
        (
            "Le texte est passé.\nMACRON A PRÉPARÉ LA RIPOSTE\nLe président, avec VALÉRIE PÉCRESSE, a parlé.",
            &["VALÉRIE PÉCRESSE"],
            &[],
            &[],
        ),
        (
            "Le verdict.\nMURIELLE BOLLE FIXÉE SUR SON SORT\nJEAN PIERRE RAFFARIN ET LA CHINE",
            &["JEAN PIERRE RAFFARIN", "MURIELLE BOLLE"],
            &[],
            &[],
        ),
        (
            "Le rapport du groupe CDPQ Infra vise le club CF Montréal.",
            &[],
            &[],
            &["CDPQ Infra", "CF Montréal"],
        ),
    ]);
}

#[test]
fn nationality_adjectives_are_not_entities() {
    check(&[
        (
            "Le régime nord-coréen et l'armée française ont réagi.",
            &[],
            &[],
            &[],
        ),
        (
            "Les Français et les Nord-Coréens ont voté, dit un Américain.",
            &[],
            &[],
            &[],
        ),
    ]);
}

#[test]
fn one_canonical_form_per_person() {
    check(&[
        (
            "Étienne Guyot est arrivé. M. Guyot a parlé. Guyot est reparti.",
            &["Étienne Guyot"],
            &[],
            &[],
        ),
        (
            "L'adjoint de Gérard Collomb Georges Képénékian a parlé, comme Jean Marie Le Pen.",
            &["Georges Képénékian", "Gérard Collomb", "Jean Marie Le Pen"],
            &[],
            &[],
        ),
        (
            "Il a écrit sur Twitter Philippe de Villiers, puis l'Osceola Heritage Park de Kissimmee a ouvert.",
            &["Philippe de Villiers"],
            &["Kissimmee", "Osceola Heritage Park"],
            &["Twitter"],
        ),
        (
            "Marine Le Pen a parlé. Mme Le Pen a insisté.",
            &["Marine Le Pen"],
            &[],
            &[],
        ),
        (
            "Jean-Pierre et Isabelle Fouillot sont venus.",
            &["Isabelle Fouillot", "Jean-Pierre Fouillot"],
            &[],
            &[],
        ),
        (
            "Valéry Giscard d'Estaing a reçu Véronique Cayla d'Arte. Giscard a souri.",
            &["Valéry Giscard d'Estaing", "Véronique Cayla"],
            &[],
            &["Arte"],
        ),
    ]);
}

#[test]
fn person_cues() {
    check(&[
        (
            "Le Kényan Kipchumba Rotich et l'Éthiopienne Tigist Alemayehu-Bekele ont gagné.",
            &["Kipchumba Rotich", "Tigist Alemayehu-Bekele"],
            &[],
            &[],
        ),
        (
            "selon Lukas Imboden-Favre, glaciologue à l'université de Fribourg.",
            &["Lukas Imboden-Favre"],
            &[],
            &["université de Fribourg"],
        ),
        (
            "Il a croisé Me Schwerdorffer au tribunal.",
            &["Schwerdorffer"],
            &[],
            &[],
        ),
        ("Il a salué la chanteuse Zazie.", &["Zazie"], &[], &[]),
        (
            "Il a vu Romuald Bertin, 45 ans, à Lyon.",
            &["Romuald Bertin"],
            &["Lyon"],
            &[],
        ),
        (
            "Kiev a accusé Moscou, et Pyongyang accuse Séoul.",
            &[],
            &["Kiev", "Moscou", "Pyongyang", "Séoul"],
            &[],
        ),
    ]);
}

#[test]
fn places_organisations_and_media() {
    check(&[
        (
            "Le coureur s'impose au sommet de l'Angliru, puis au col du Tourmalet.",
            &[],
            &["Angliru", "col du Tourmalet"],
            &[],
        ),
        (
            "Selon l'AFP et Le Monde, la SNCF et l'ONU ont réagi à Paris.",
            &[],
            &["Paris"],
            &["AFP", "Le Monde", "ONU", "SNCF"],
        ),
        (
            "Selon la porte-parole du département d'Etat américain, le département du Nord attend.",
            &[],
            &["Nord"],
            &["Département d'État"],
        ),
        (
            "Il fait plus chaud dans le Midi, rapporte la Dépêche du Midi, puis Midi Libre.",
            &[],
            &["Midi"],
            &["La Dépêche du Midi", "Midi libre"],
        ),
        (
            "Il a quitté les États-Unis puis les Etats-Unis pour la France.",
            &[],
            &["États-Unis", "France"],
            &[],
        ),
        (
            "Le maire de Vergèze, commune du Gard, a parlé à France 3.",
            &[],
            &["Gard", "Vergèze"],
            &["France 3"],
        ),
        (
            "Il a couru au Mans, puis est rentré du Havre et des Sables-d'Olonne.",
            &[],
            &["Le Havre", "Le Mans", "Les Sables-d'Olonne"],
            &[],
        ),
        (
            "L'ONG Welfarm a saisi la justice. Une ONG a suivi.",
            &[],
            &[],
            &["Welfarm"],
        ),
        (
            "Selon l'ONG Attac France et le groupe Lockheed Martin, le président du club toulonnais Mourad Boudjellal a parlé.",
            &["Mourad Boudjellal"],
            &[],
            &["Attac France", "Lockheed Martin"],
        ),
        (
            "Comme l'explique 20 Minutes, il a parlé à franceinfo. Il a attendu 20 minutes.",
            &[],
            &[],
            &["20 Minutes", "Franceinfo"],
        ),
        (
            "Selon France 3 Normandie et Greenpeace France, Marks & Spencer ferme.",
            &[],
            &[],
            &["France 3 Normandie", "Greenpeace France", "Marks & Spencer"],
        ),
        (
            "Il est mort, rapporte France Bleu Berry. Sa famille a parlé à France Bleu.",
            &[],
            &[],
            &["France Bleu Berry"],
        ),
        (
            "La Cour suprême a tranché. Un juge de la Cour suprême des États-Unis a parlé.",
            &[],
            &[],
            &["Cour suprême des États-Unis"],
        ),
        (
            "Selon France Bleu Pays d'Auvergne et France Bleu RCFM, Jean Martin a parlé sur France Bleu Marie Dupont.",
            &["Jean Martin", "Marie Dupont"],
            &[],
            &["France Bleu Pays d'Auvergne", "France Bleu RCFM"],
        ),
        (
            "Son livre paraît chez Robert Laffont, puis au Seuil. Antoine Gallimard a dit.",
            &["Antoine Gallimard"],
            &[],
            &["Éditions du Seuil", "Robert Laffont"],
        ),
        (
            "La marque Kylie Cosmetics a été vendue.",
            &[],
            &[],
            &["Kylie Cosmetics"],
        ),
        (
            "La CGT-Cheminots appelle à la grève ; la CGT et la CFDT-Cheminots aussi.",
            &[],
            &[],
            &["CFDT-Cheminots", "CGT", "CGT-Cheminots"],
        ),
        (
            "Selon l'agence de presse Jiji et l'institut de sondage Harris, la chroniqueuse de D8 et les Bleus.",
            &[],
            &[],
            &["Bleus", "D8", "Harris", "Jiji"],
        ),
        (
            "Le ministre de l'Éducation nationale a écrit à l'Éducation nationale.",
            &[],
            &[],
            &["Éducation nationale"],
        ),
        (
            "Le ministre de l'Éducation nationale a parlé.",
            &[],
            &[],
            &[],
        ),
        (
            "L'équipe a découvert le virus. L'Équipe a révélé son départ.",
            &[],
            &[],
            &["L'Équipe"],
        ),
        (
            "Porsche Classic et Samsung Electronics ont signé avec Porsche.",
            &[],
            &[],
            &["Porsche", "Porsche Classic", "Samsung Electronics"],
        ),
        (
            "L'association Sherpa et le syndicat Sud-Rail ont appelé à manifester.",
            &[],
            &[],
            &["Sherpa", "Sud-Rail"],
        ),
        (
            "L'intersyndicale CGT-FO-FSU-Solidaires appelle à manifester à San Pedro Sula.",
            &[],
            &["San Pedro Sula"],
            &["CGT", "FO", "FSU", "Solidaires"],
        ),
    ]);
}

#[test]
fn aliases_and_acronyms_name_one_entity() {
    check(&[
        (
            "Des experts de l'Agence nationale de la sécurité des systèmes d'information (Anssi) sont là.",
            &[],
            &[],
            &["Agence nationale de la sécurité des systèmes d'information"],
        ),
        (
            "Le Front national a réuni ses cadres. Le FN a voté.",
            &[],
            &[],
            &["Front national"],
        ),
        (
            "La CGT appelle à la grève. La Confédération générale du travail (CGT) insiste.",
            &[],
            &[],
            &["CGT"],
        ),
        (
            "Le JDD le dit. Figaro et Le Figaro aussi, comme le Journal du Dimanche.",
            &[],
            &[],
            &["Le Figaro", "Le Journal du dimanche"],
        ),
        (
            "Le Syndicat national des journalistes (SNJ) proteste. Le SNJ insiste.",
            &[],
            &[],
            &["Syndicat national des journalistes"],
        ),
        (
            "Le Palais de l'Élysée a répondu. L'Élysée a démenti.",
            &[],
            &["Palais de l'Élysée"],
            &[],
        ),
    ]);
}

#[test]
fn events_products_and_things_named_after_people_are_not_entities() {
    check(&[
        (
            "Il a couru le Rallye d'Allemagne au volant d'une Renault 5.",
            &[],
            &[],
            &[],
        ),
        ("La taxe Tobin a été votée.", &[], &[], &[]),
        (
            "La loi Macron, puis la tempête David et la tempête tropicale Amanda.",
            &[],
            &[],
            &[],
        ),
        ("Il pleut dans le Sud-Ouest.", &[], &["Sud-Ouest"], &[]),
        ("Il pleut, selon Sud-Ouest.", &[], &[], &["Sud Ouest"]),
        (
            "Sylvie Tellier a félicité Miss France et Miss Univers.",
            &["Sylvie Tellier"],
            &[],
            &[],
        ),
    ]);
}

/// The invented name numbered `n`: `Bababababa`, `Lebababa`…
fn invented_name(n: usize) -> String {
    let syllables = ["ba", "le", "mi", "no", "ru", "sa", "to", "vi"];
    let letters: String = (0..5).map(|k| syllables[(n >> (3 * k)) & 7]).collect();
    let mut chars = letters.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// A list of `count` people, each after a role: `le directeur Bababababa Milebababa, …`.
fn list_of_people(count: usize) -> String {
    (0..count)
        .map(|n| {
            format!(
                "le directeur {} {},",
                invented_name(n),
                invented_name(n + count)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_list_of_thousands_of_names_keeps_them_as_written() {
    for (count, merged) in [(10, true), (3_000, false)] {
        let text = format!(
            "Front national (FN). {} M. {}.",
            list_of_people(count),
            invented_name(count)
        );
        let (per, _, org) = kinds(&text);
        assert_eq!(per.len(), count + usize::from(!merged), "{count} people");
        assert_eq!(org, ["Front national"], "{count} people");
    }
}

#[test]
fn an_article_read_after_others_gives_what_it_gives_alone() {
    let long = "Étienne Guyot, le maire de Lyon, a reçu M. Guyot et la FNSEA à Paris. ".repeat(20);
    let short = "Kim Jong-un a visité Pyongyang.";
    let alone = kinds(short);
    assert_eq!(
        alone,
        (
            vec!["Kim Jong-un".to_string()],
            vec!["Pyongyang".to_string()],
            vec![]
        )
    );
    kinds(&long);
    assert_eq!(kinds(short), alone, "after a longer article");
    kinds("");
    assert_eq!(kinds(short), alone, "after an empty one");
}

#[test]
fn title_words_that_merely_start_with_a_capital_are_no_names() {
    // (title, (body, per, loc, org)): a common noun opening a title or a sentence is a name only
    // when its context says so.
    let cases: &[(&str, Case)] = &[
        (
            "Réunion militaire entre Paris et Berlin",
            ("Les ministres se sont vus.", &[], &["Berlin", "Paris"], &[]),
        ),
        (
            "Cyclone sur La Réunion",
            (
                "Les habitants de La Réunion sont à l'abri.",
                &[],
                &["La Réunion"],
                &[],
            ),
        ),
        (
            "Marche blanche à Lyon",
            (
                "Des centaines de personnes ont défilé.",
                &[],
                &["Lyon"],
                &[],
            ),
        ),
        (
            "Orange sanguine : la recette",
            ("Un dessert simple.", &[], &[], &[]),
        ),
        (
            "Orange augmente ses tarifs",
            (
                "L'opérateur Orange a annoncé une hausse.",
                &[],
                &[],
                &["Orange"],
            ),
        ),
        (
            "Sud de la France : alerte aux orages",
            ("Douze départements en vigilance.", &[], &["France"], &[]),
        ),
        (
            "Cap sur les municipales",
            ("Le gouvernement prépare le scrutin.", &[], &[], &[]),
        ),
        (
            "Un ferry au large du Cap",
            ("Le navire a quitté Le Cap lundi.", &[], &["Le Cap"], &[]),
        ),
    ];
    for (title, (body, per, loc, org)) in cases {
        let entities = extract(title, body);
        assert_eq!(entities.per, *per, "per of {title:?}");
        assert_eq!(entities.loc, *loc, "loc of {title:?}");
        assert_eq!(entities.org, *org, "org of {title:?}");
    }
}

#[test]
fn known_surnames_alone_are_people() {
    check(&[
        (
            "Hier, Macron a reçu Trump à l'Élysée.",
            &["Macron", "Trump"],
            &["Palais de l'Élysée"],
            &[],
        ),
        (
            "Le Pen a répondu à Le Drian.",
            &["Le Drian", "Le Pen"],
            &[],
            &[],
        ),
    ]);
}

#[test]
fn newspapers_named_with_their_article_after_du_au_or_a_lowercase_article() {
    check(&[
        (
            "Selon les journalistes du Monde, le sondage Ifop publié par Le Figaro le confirme.",
            &[],
            &[],
            &["Ifop", "Le Figaro", "Le Monde"],
        ),
        (
            "Il a confié au Point et aux Echos qu'il partait.",
            &[],
            &[],
            &["Le Point", "Les Echos"],
        ),
        (
            "La Coupe du Monde de football et le championnat du Monde de ski.",
            &[],
            &[],
            &[],
        ),
        (
            "Le tour du Monde en 80 jours, disait-il au Monde.",
            &[],
            &[],
            &["Le Monde"],
        ),
        (
            "Une des zones les plus fréquentées au Monde.",
            &[],
            &[],
            &[],
        ),
        (
            "Selon le Parisien, la vente est faite, a confirmé le Monde et révèlent les Echos.",
            &[],
            &[],
            &["Le Monde", "Le Parisien", "Les Echos"],
        ),
        (
            "Il est monté sur le plateau de BFMTV, puis sur Canal+.",
            &[],
            &[],
            &["BFMTV", "Canal+"],
        ),
    ]);
}

#[test]
fn a_company_named_like_a_town_is_the_town_where_a_place_stands() {
    check(&[
        (
            "Bouchons sur l'A7 entre Orange et Avignon.",
            &[],
            &["Avignon", "Orange"],
            &[],
        ),
        (
            "Il fallait 4 heures pour rejoindre Lyon depuis Orange.",
            &[],
            &["Lyon", "Orange"],
            &[],
        ),
        ("Il a fait 35 °C à Orange mardi.", &[], &["Orange"], &[]),
        (
            "Un accord entre Orange et SFR a été signé.",
            &[],
            &[],
            &["Orange", "SFR"],
        ),
        (
            "Le baromètre BVA pour Orange et Europe 1 est paru.",
            &[],
            &[],
            &["BVA", "Europe 1", "Orange"],
        ),
    ]);
}
