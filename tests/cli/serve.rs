//! The HTTP API of `depeche serve`, asked over real connections: every endpoint and status, the
//! shapes shared with `--json`, hostile requests, the token, following the index, shutdown.

use crate::common::{depeche, run_in};
use crate::server::Server;
use serde_json::Value;
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The titles of a search answer's hits.
fn titles(answer: &Value) -> Vec<String> {
    let hits = answer["hits"].as_array().unwrap();
    hits.iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect()
}

/// `(name, count)` pairs of one facet.
fn facet(answer: &Value, kind: &str) -> Vec<(String, u64)> {
    let counts = answer["facets"][kind].as_array().unwrap();
    let label = if kind == "dates" { "period" } else { "name" };
    counts
        .iter()
        .map(|c| {
            (
                c[label].as_str().unwrap().into(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|&(n, c)| (n.to_string(), c)).collect()
}

const FNSEA_ARTICLES: [&str; 3] = [
    "Salon de l'agriculture : huée à son arrivée, Hélène Marchetti promet un \"choc de simplification\"",
    "Mercosur : la ministre de l'Agriculture promet de « se battre jusqu'au bout » à Bruxelles",
    "Les agriculteurs de la FNSEA reçus au ministère de l'Agriculture, sans avancée majeure",
];

#[test]
fn search_answers_the_cli_json_with_ids_and_facets() {
    let server = Server::of_corpus(&[]);
    let answer = server.get("/api/search?q=gr%C3%A8ve+cheminots");
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("content-type"),
        Some("application/json"),
        "{answer:?}"
    );
    let mut api = answer.json();
    let index = server.dir.as_ref().unwrap().path().join("index");
    let cli = depeche()
        .args(["search", "grève cheminots", "--json", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    let mut cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(
        titles(&api),
        [
            "Grève à la SNCF : des milliers de manifestants dans les rues de Lyon",
            "SNCF : les billets de TGV augmenteront de 5 % en moyenne l'an prochain"
        ]
    );
    assert_eq!(facet(&api, "dates"), pairs(&[("2025-03", 1)]));
    assert_eq!(
        facet(&api, "org"),
        pairs(&[
            ("CGT", 1),
            ("SNCF", 1),
            ("Sud-Rail", 1),
            ("Unsa-Ferroviaire", 1),
            ("préfecture du Rhône", 1)
        ])
    );
    assert_eq!(facet(&api, "agency"), pairs(&[("AFP", 1)]));
    assert_eq!(
        (&api["understood"], &api["notes"]),
        (&Value::Null, &serde_json::json!([]))
    );
    let api = api.as_object_mut().unwrap();
    for key in ["facets", "took_ms"] {
        api.remove(key);
    }
    cli.as_object_mut().unwrap().remove("took_ms");
    assert_eq!(Value::Object(api.clone()), cli);
}

#[test]
fn filters_sorts_and_pages() {
    let server = Server::of_corpus(&[]);
    let all = server.get("/api/search?q=&entity=FNSEA&sort=oldest").json();
    assert_eq!(titles(&all), FNSEA_ARTICLES);
    assert_eq!(
        facet(&all, "dates"),
        pairs(&[("2024-02", 1), ("2024-12", 1), ("2025-02", 1)])
    );
    let newest = server.get("/api/search?q=&entity=FNSEA&sort=newest&limit=1&offset=1");
    assert_eq!(titles(&newest.json()), [FNSEA_ARTICLES[1]]);
    let both = "/api/search?q=agriculteurs&entity=FNSEA&entity=Union+europ%C3%A9enne";
    assert_eq!(titles(&server.get(both).json()), [FNSEA_ARTICLES[1]]);
    let dated = "/api/search?q=&entity=FNSEA&from=2024-06-01&to=2025-01-31";
    assert_eq!(titles(&server.get(dated).json()), [FNSEA_ARTICLES[1]]);
    let bare = server
        .get("/api/search?q=&entity=FNSEA&facets=false")
        .json();
    assert_eq!(facet(&bare, "per"), []);
}

#[test]
fn a_broken_query_is_repaired_and_says_so() {
    let server = Server::of_corpus(&[]);
    let cases = [
        ("%22gr%C3%A8ve", "\"grève\"", "a quote was left open"),
        (
            "gr%C3%A8ve+AND",
            "grève",
            "AND, OR or NOT had no word on one side",
        ),
    ];
    for (query, understood, note) in cases {
        let answer = server.get(&format!("/api/search?q={query}"));
        assert_eq!(answer.status, 200, "{answer:?}");
        let json = answer.json();
        assert_eq!(json["understood"], understood);
        assert_eq!(json["notes"], serde_json::json!([note]));
        assert_eq!(
            titles(&json)[0],
            "Grève à la SNCF : des milliers de manifestants dans les rues de Lyon"
        );
    }
}

#[test]
fn a_misspelt_word_is_searched_corrected_unless_exact() {
    let server = Server::of_corpus(&[]);
    let json = server.get("/api/search?q=Kinchasa").json();
    assert_eq!(json["query"], "Kinchasa");
    assert_eq!(json["did_you_mean"], "kinshasa");
    assert_eq!(
        json["corrections"],
        serde_json::json!([{"from": "Kinchasa", "to": "kinshasa", "articles": 0}])
    );
    assert_eq!(json["total_hits"], 2);
    let exact = server.get("/api/search?q=Kinchasa&exact=true").json();
    assert_eq!(exact["did_you_mean"], serde_json::Value::Null);
    assert_eq!(exact["total_hits"], 0);
}

#[test]
fn an_article_comes_whole_with_its_matches_highlighted() {
    let server = Server::of_corpus(&[]);
    let hits = server.get("/api/search?q=cheminots").json();
    let id = hits["hits"][0]["id"].as_str().unwrap().to_string();
    let article = server.get(&format!("/api/article/{id}?q=cheminots")).json();
    assert_eq!(article["id"], id.as_str());
    assert_eq!(
        article["title"],
        "Grève à la SNCF : des milliers de manifestants dans les rues de Lyon"
    );
    assert_eq!(article["place"], "LYON");
    assert_eq!(article["agency"], "AFP");
    assert_eq!(article["date"], "2025-03-18");
    let paragraphs: Vec<&str> = article["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(paragraphs.len() > 3, "{paragraphs:?}");
    let marked = paragraphs
        .iter()
        .filter(|p| p.contains("<b>cheminots</b>"))
        .count();
    assert!(marked >= 2, "{paragraphs:?}");
    let plain = server.get(&format!("/api/article/{id}")).json();
    assert!(!plain["paragraphs"].to_string().contains("<b>"));
    // The search's repairs and spellings hold in the article too: an open quote, a dangling AND,
    // a misspelt word no article writes, accents typed as combining marks.
    for query in [
        "%22cheminots",
        "cheminots%20AND",
        "cheminnots",
        "gre%CC%80ve",
    ] {
        let article = server.get(&format!("/api/article/{id}?q={query}")).json();
        let shown = article["paragraphs"].to_string();
        assert!(shown.contains("<b>"), "{query}: {shown}");
    }
}

#[test]
fn entities_and_stats_answer_as_the_cli() {
    let server = Server::of_corpus(&[]);
    let index = server.dir.as_ref().unwrap().path().join("index");
    let api = server
        .get("/api/entities?q=agriculteurs&kind=org&top=3")
        .json();
    let cli = depeche()
        .args([
            "entities",
            "agriculteurs",
            "--kind",
            "org",
            "--top",
            "3",
            "--json",
            "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    assert_eq!(api, serde_json::from_slice::<Value>(&cli.stdout).unwrap());
    let stats = server.get("/api/stats").json();
    assert_eq!(
        (&stats["articles"], &stats["entities"]),
        (&50.into(), &true.into())
    );
    assert!(stats["index_bytes"].as_u64().unwrap() > 100_000, "{stats}");
    let commit = stats["last_commit"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(commit).is_ok(),
        "{commit}"
    );
    let health = server.get("/healthz");
    assert_eq!(
        (health.status, health.json()["status"].clone()),
        (200, "ok".into())
    );
}

#[test]
fn bad_requests_get_the_status_they_deserve() {
    let server = Server::of_corpus(&[]);
    let long = "a".repeat(1_001);
    let cases = [
        (
            "/api/search?q=a&from=2024-13-01".to_string(),
            400,
            "date \"2024-13-01\"",
        ),
        (
            "/api/search?q=a&limit=101".into(),
            400,
            "limit: at most 100",
        ),
        (
            "/api/search?q=gr%C3%A8ve&offset=5000".into(),
            400,
            "offset: 5000 is past the end",
        ),
        (
            "/api/search?q=a&offset=99999999999999999999999".into(),
            400,
            "not a whole number",
        ),
        ("/api/search?q=a&sort=best".into(), 400, "sort: \"best\""),
        (
            format!("/api/search?q={long}"),
            400,
            "longer than 1000 characters",
        ),
        ("/api/search?q=%FF%FE".into(), 400, "not valid UTF-8"),
        ("/api/entities?kind=people".into(), 400, "kind: \"people\""),
        (
            "/api/article/0123456789abcdef".into(),
            404,
            "no article has this id",
        ),
        (
            "/api/article/..%2F..%2Fetc%2Fpasswd".into(),
            404,
            "no article",
        ),
        ("/api/article/%2e%2e".into(), 404, "no article"),
        ("/../../etc/passwd".into(), 404, "no such page"),
        ("/index/meta.json".into(), 404, "no such page"),
    ];
    for (path, status, message) in cases {
        let answer = server.get(&path);
        let error = answer.json()["error"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert_eq!(answer.status, status, "{path}: {error}");
        assert!(error.contains(message), "{path}: {error}");
    }
    let posted = server.call("POST", "/api/search?q=a", &[]);
    assert_eq!(posted.status, 405);
    assert!(
        posted.json()["error"]
            .as_str()
            .unwrap()
            .contains("method not allowed")
    );
}

#[test]
fn hostile_requests_leave_it_answering() {
    let mut server = Server::of_corpus(&[]);
    let odd = [
        "/api/search?q=%00%07%1B%5B31m&limit=0",
        "/api/search?q=title%3A&unknown=1&entity=",
        "/api/search?q=((((((((((a",
        "/api/search?q=-&offset=0",
        "/api/search?q=%22%22%22%22",
        "/api/article/%00",
        "/api/entities?q=%22",
    ];
    for path in odd {
        let answer = server.get(path);
        assert!(
            [200, 400, 404].contains(&answer.status),
            "{path}: {answer:?}"
        );
        assert!(answer.json().is_object(), "{path}");
    }
    let address = server.base.trim_start_matches("http://").to_string();
    let connections: Vec<TcpStream> = (0..1_000)
        .filter_map(|_| TcpStream::connect(&address).ok())
        .collect();
    assert!(connections.len() > 900, "{} connections", connections.len());
    drop(connections);
    assert!(server.is_running());
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn with_a_token_nothing_answers_without_it() {
    let server = Server::of_corpus(&["--token", "s3cret"]);
    let paths = [
        "/",
        "/page/app.js",
        "/api/search?q=gr%C3%A8ve",
        "/api/article/0123456789abcdef",
        "/api/entities",
        "/api/stats",
        "/healthz",
        "/nothing",
        "/?token=wrong",
    ];
    for path in paths {
        let answer = server.get(path);
        assert_eq!(answer.status, 401, "{path}");
        assert_eq!(
            answer.json()["error"],
            "this archive needs a token",
            "{path}"
        );
        assert!(!answer.body.contains("Grève"), "{path}");
        let wrong = server.get_with(path, &[("Authorization", "Bearer s3cre")]);
        assert_eq!(wrong.status, 401, "{path}");
    }
    let bearer = server.get_with("/api/stats", &[("Authorization", "Bearer s3cret")]);
    assert_eq!(bearer.status, 200);
    let link = server.get("/?token=s3cret");
    assert_eq!(link.status, 200);
    let cookie = link
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(cookie, "depeche_token=s3cret");
    let with_cookie = server.get_with("/api/search?q=gr%C3%A8ve", &[("Cookie", &cookie)]);
    assert_eq!(with_cookie.status, 200);
}

#[test]
fn beyond_loopback_a_token_is_required() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(
        dir.path(),
        &["serve", "--index", "index", "--addr", "0.0.0.0:0"],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "depeche: serve 0.0.0.0:0: serving beyond this machine needs a token (--token or DEPECHE_TOKEN)\n"
    );
}

#[test]
fn it_follows_the_index_and_stops_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Un titre\n\nUn premier article.\n").unwrap();
    let index = dir.path().join("index");
    let build = || {
        let built = depeche()
            .args(["index"])
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .output()
            .unwrap();
        assert!(built.status.success(), "{built:?}");
    };
    build();
    let mut server = Server::start(&index, &[]);
    let count =
        |server: &Server| server.get("/api/search?q=ornithorynque").json()["total_hits"].clone();
    assert_eq!(count(&server), 0);
    std::fs::write(
        corpus.join("b.txt"),
        "Un ornithorynque\n\nAu zoo de Lyon.\n",
    )
    .unwrap();
    build();
    let deadline = Instant::now() + Duration::from_secs(30);
    while count(&server) != 1 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(count(&server), 1);
    let stopped = std::process::Command::new("kill")
        .args(["-TERM", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    assert_eq!(server.wait_exit(Duration::from_secs(20)), Some(0));
}
