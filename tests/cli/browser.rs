//! The web page in a real headless Chromium, driven through WebDriver.
//!
//! Each test starts `depeche serve` on an index of `corpus/` (`crate::server`), chromedriver on
//! a free port and one browser session, then acts as a reader would (types, clicks, goes back)
//! and waits, by polling, for `<body data-state="ready">` and the state it expects (never a fixed
//! sleep). Each step leaves a screenshot in `target/screenshots/`. Without `chromium` or
//! `chromedriver` on the PATH a test says `skipped: ... is absent (TEST)` on stderr and passes;
//! CI installs both (`.ci/run`).
//!
//! The W3C WebDriver protocol is JSON over plain HTTP, spoken here with ureq: fantoccini, with
//! its TLS features off, needs a hyper-util connector that this crate does not depend on.

use crate::common::repo;
use crate::server::Server;
use serde_json::{Value, json};
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a wait polls before the test fails, generous for a loaded two-core machine.
const WAIT: Duration = Duration::from_secs(20);
/// How often a wait asks again.
const POLL: Duration = Duration::from_millis(100);
/// The width of the phone the page is tried on (an iPhone 12 to 15's, in CSS pixels).
const PHONE_WIDTH: u32 = 390;

/// The window a test looks through.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    /// 1280×900.
    Desktop,
    /// 390×844, touch, twice as many device pixels, emulated (a headless window is at least 500
    /// pixels wide).
    Phone,
}

/// The key WebDriver names a found element by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// WebDriver's code for the Enter key.
const ENTER: &str = "\u{e007}";

const STRIKE: &str = "Grève à la SNCF : des milliers de manifestants dans les rues de Lyon";
const TGV: &str = "SNCF : les billets de TGV augmenteront de 5 % en moyenne l'an prochain";
const GREVE_CHEMINOTS: &str = "/?q=gr%C3%A8ve+cheminots";
const MINISTRE: &str = "/?q=ministre";
const MARCHETTI: &str = "Hélène Marchetti";

/// The first match of `name` in the folders of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|file| file.is_file())
}

/// A free port of the loopback: bound, read, released.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// A chromedriver process on a free port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(program: &Path, http: &ureq::Agent) -> Driver {
        let port = free_port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let status = format!("{}/status", driver.url);
        let started = Instant::now();
        loop {
            let answer = http.get(&status).call().ok().map(|mut r| read_json(&mut r));
            if answer.is_some_and(|a| a["value"]["ready"] == true) {
                return driver;
            }
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not answer on {status} within {WAIT:?}"
            );
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response body as JSON.
fn read_json(response: &mut ureq::http::Response<ureq::Body>) -> Value {
    let body = response
        .body_mut()
        .with_config()
        .limit(256 << 20)
        .read_to_string()
        .expect("a WebDriver answer");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// Standard base64, as WebDriver sends screenshots.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c:?}"),
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let bits = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, d)| acc | u32::from(*d) << (18 - 6 * i));
        bytes.extend_from_slice(&bits.to_be_bytes()[1..chunk.len()]);
    }
    bytes
}

/// One browser session on the page of a fresh server. Dropping it ends the session (Chromium
/// quits), then stops chromedriver and the server.
struct Browser {
    http: ureq::Agent,
    /// `http://127.0.0.1:PORT/session/ID`.
    session: String,
    server: Server,
    test: String,
    _driver: Driver,
}

impl Browser {
    /// A browser looking through `screen` at `path` of a fresh server, ready; or `None` (after
    /// saying so on stderr, which libtest does not capture) when Chromium or chromedriver is not
    /// installed.
    fn open(screen: Screen, path: &str) -> Option<Browser> {
        let thread = std::thread::current();
        let test = thread.name().unwrap_or("unnamed test").to_string();
        let (chromium, chromedriver) = match (on_path("chromium"), on_path("chromedriver")) {
            (Some(chromium), Some(chromedriver)) => (chromium, chromedriver),
            (chromium, _) => {
                let absent = if chromium.is_none() {
                    "chromium"
                } else {
                    "chromedriver"
                };
                // One write, so that the line is not interleaved with libtest's.
                let line = format!("skipped: {absent} is absent ({test})\n");
                let _ = std::io::stderr().lock().write_all(line.as_bytes());
                return None;
            }
        };
        let http: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let server = Server::of_corpus(&[]);
        let driver = Driver::start(&chromedriver, &http);
        let mut options = json!({
            "binary": chromium,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1280,900",
            ],
        });
        if screen == Screen::Phone {
            let metrics = json!({"width": PHONE_WIDTH, "height": 844, "pixelRatio": 2, "mobile": true, "touch": true});
            options["mobileEmulation"] = json!({ "deviceMetrics": metrics });
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": options,
        }}});
        let created = call(
            &http,
            "POST",
            &format!("{}/session", driver.url),
            capabilities,
        );
        let id = created["sessionId"].as_str().expect("a session id");
        let browser = Browser {
            session: format!("{}/session/{id}", driver.url),
            http,
            server,
            test,
            _driver: driver,
        };
        browser.goto(path);
        Some(browser)
    }

    /// A WebDriver command of this session; its `value`.
    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        call(&self.http, method, &format!("{}{path}", self.session), body)
    }

    /// Opens `path` of the server and waits for the page to be ready.
    fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.server.base);
        self.command("POST", "/url", json!({ "url": url }));
        self.wait_until(&format!("{path} loaded"), "true");
    }

    /// Runs `script` (a function body) with `args` in the page; what it returns.
    fn js(&self, script: &str, args: Value) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
    }

    /// The WebDriver id of the element `css` selects.
    fn element(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            json!({ "using": "css selector", "value": css }),
        );
        found[ELEMENT].as_str().expect("an element id").to_string()
    }

    /// A real click (pointer events at the element's centre) on the element `css` selects.
    fn click(&self, css: &str) {
        let id = self.element(css);
        self.command("POST", &format!("/element/{id}/click"), json!({}));
    }

    /// Empties the field `css` selects and types `text` into it, key by key.
    fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css);
        self.command("POST", &format!("/element/{id}/clear"), json!({}));
        let typed = json!({ "text": text });
        self.command("POST", &format!("/element/{id}/value"), typed);
    }

    /// Types `query` in the search box, presses Enter, and waits for the results at `path`.
    fn search(&self, query: &str, path: &str) {
        self.type_into("#q", &format!("{query}{ENTER}"));
        self.wait_for_path(path);
    }

    /// The browser's Back button.
    fn back(&self) {
        self.command("POST", "/back", json!({}));
    }

    /// The trimmed text of every element `css` selects, in document order.
    fn texts(&self, css: &str) -> Vec<String> {
        let texts = self.js(
            "return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim());",
            json!([css]),
        );
        serde_json::from_value(texts).expect("a list of texts")
    }

    /// The current value of the field `css` selects (what is typed or chosen, not the
    /// attribute).
    fn value(&self, css: &str) -> Value {
        self.js(
            "return document.querySelector(arguments[0]).value;",
            json!([css]),
        )
    }

    /// Fails unless `#summary` starts with `start` (it goes on with the time taken).
    fn assert_summary(&self, start: &str) {
        let summary = self.texts("#summary").concat();
        assert!(summary.starts_with(start), "{summary:?} after {start:?}");
    }

    /// Fails when the page is wider than the window (it would scroll sideways), saying after what.
    fn assert_fits(&self, after: &str) {
        let overflow = self.overflow();
        assert!(overflow <= 0, "{after}: {overflow} px too wide");
    }

    /// The value of attribute `name` of every element `css` selects.
    fn attributes(&self, css: &str, name: &str) -> Vec<String> {
        let values = self.js(
            "return [...document.querySelectorAll(arguments[0])].map((e) => e.getAttribute(arguments[1]));",
            json!([css, name]),
        );
        serde_json::from_value(values).expect("a list of attribute values")
    }

    /// Whether the element `css` selects is shown (not hidden, nor inside something hidden).
    fn visible(&self, css: &str) -> bool {
        let shown = self.js(
            "const e = document.querySelector(arguments[0]); return Boolean(e && e.checkVisibility());",
            json!([css]),
        );
        shown == true
    }

    /// Waits until the page is ready (`<body data-state="ready">`) and the JavaScript expression
    /// `condition` holds; on timeout, leaves a screenshot and fails saying what it waited for.
    fn wait_until(&self, what: &str, condition: &str) {
        let script =
            format!("return document.body.dataset.state === 'ready' && Boolean({condition});");
        let started = Instant::now();
        while self.js(&script, json!([])) != true {
            if started.elapsed() > WAIT {
                let name = format!("failed-{}.png", self.test.replace("::", "-"));
                self.screenshot(&name);
                let state = self.js(
                    "return [document.body.dataset.state, location.href, \
                     document.querySelector('#summary').textContent, \
                     document.querySelector('#error').textContent];",
                    json!([]),
                );
                panic!(
                    "waited {WAIT:?} for {what}; page state, URL, summary, error: {state} (target/screenshots/{name})"
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the page is ready at `path` (path and query string).
    fn wait_for_path(&self, path: &str) {
        let condition = format!("location.pathname + location.search === {}", json!(path));
        self.wait_until(&format!("the page at {path}"), &condition);
    }

    /// Gives the page's animations (the article sliding in) up to [`WAIT`] to end, so that a
    /// screenshot shows where things come to rest; goes on regardless after that.
    fn settle(&self) {
        let script = "return document.getAnimations().every((a) => a.playState !== 'running');";
        let started = Instant::now();
        while self.js(script, json!([])) != true && started.elapsed() < WAIT {
            std::thread::sleep(POLL);
        }
    }

    /// Saves what the window shows as `target/screenshots/NAME`.
    fn screenshot(&self, name: &str) {
        self.settle();
        save_png(name, &self.command("GET", "/screenshot", Value::Null));
    }

    /// Saves the whole page, however tall, as `target/screenshots/NAME` (through the DevTools
    /// protocol, which can capture beyond the window).
    fn full_page_screenshot(&self, name: &str) {
        let size = self.js(
            "const page = document.documentElement; return [page.scrollWidth, page.scrollHeight];",
            json!([]),
        );
        let clip = json!({"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1});
        let params = json!({"format": "png", "captureBeyondViewport": true, "clip": clip});
        let command = json!({"cmd": "Page.captureScreenshot", "params": params});
        self.settle();
        let png = self.command("POST", "/goog/cdp/execute", command);
        save_png(name, &png["data"]);
    }

    /// How many pixels wider than the window the page is (0 or less: no sideways scrolling).
    fn overflow(&self) -> i64 {
        let overflow = self.js(
            "return document.documentElement.scrollWidth - innerWidth;",
            json!([]),
        );
        overflow.as_i64().expect("a width in pixels")
    }

    /// Clicks the title of the first hit of the results at `path` and waits for the article's
    /// text, at `path&article=ID`.
    fn open_first_article(&self, path: &str) {
        let first = ".hit:nth-child(1) .hit-title";
        let id = &self.attributes(first, "data-id")[0];
        self.click(first);
        self.wait_for_path(&format!("{path}&article={id}"));
        let text = "document.querySelector('#article .paragraph')";
        self.wait_until("the article's text", text);
    }

    /// The titles of the hits shown.
    fn titles(&self) -> Vec<String> {
        self.texts(".hit-title")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.http.delete(&self.session).call();
    }
}

/// `METHOD url` with a JSON `body` (`null`: none), the `value` of its answer; fails on a
/// WebDriver error, saying which.
fn call(http: &ureq::Agent, method: &str, url: &str, body: Value) -> Value {
    let request = ureq::http::Request::builder()
        .method(method)
        .uri(url)
        .header("content-type", "application/json; charset=utf-8");
    let body = if body.is_null() {
        String::new()
    } else {
        body.to_string()
    };
    let mut response = http
        .run(request.body(body).expect("a request"))
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let mut answer = read_json(&mut response);
    if !response.status().is_success() {
        panic!("{method} {url}: {}: {}", response.status(), answer["value"]);
    }
    answer["value"].take()
}

/// Saves a base64 PNG as `target/screenshots/NAME`.
fn save_png(name: &str, base64_png: &Value) {
    let folder = repo().join("target/screenshots");
    std::fs::create_dir_all(&folder).expect("target/screenshots is created");
    let bytes = base64(base64_png.as_str().expect("a base64 screenshot"));
    std::fs::write(folder.join(name), bytes).expect("the screenshot is saved");
}

/// The facet item of person `name`.
fn person(name: &str) -> String {
    format!(".facet[data-kind=\"per\"] .facet-item[data-name=\"{name}\"]")
}

/// A lowercase copy of each text.
fn lowercase(texts: &[String]) -> Vec<String> {
    texts.iter().map(|t| t.to_lowercase()).collect()
}

#[test]
fn a_search_shows_hits_with_the_matched_words_in_bold() {
    let Some(browser) = Browser::open(Screen::Desktop, "/") else {
        return;
    };
    browser.search("grève cheminots", GREVE_CHEMINOTS);
    browser.full_page_screenshot("01-search.png");
    assert_eq!(browser.titles(), [STRIKE, TGV]);
    browser.assert_summary("1 article contient tous les mots · +\u{a0}1\u{a0}résultat partiel");
    let first = ".hit:nth-child(1) .snippet b";
    assert_eq!(browser.texts(first), ["grève", "cheminots"]);
    assert_eq!(browser.attributes(".hit", "class"), ["hit", "hit partial"]);
    assert_eq!(browser.texts(".hit.partial .snippet b"), ["cheminots"]);
    assert_eq!(browser.texts(".hit.partial .badge"), ["partiel"]);
    assert_eq!(browser.value("#q"), "grève cheminots");
    assert_eq!(
        browser.attributes(".bar", "data-period"),
        ["2025-03"],
        "one month in the histogram"
    );
    assert!(!browser.visible("#error") && !browser.visible("#note"));
}

#[test]
fn an_entity_facet_narrows_the_hits_to_a_chip() {
    let Some(browser) = Browser::open(Screen::Desktop, MINISTRE) else {
        return;
    };
    assert_eq!(browser.titles().len(), 10);
    browser.assert_summary("25 articles contiennent tous les mots");
    assert!(!browser.visible("#chips"));
    let person = person(MARCHETTI);
    assert_eq!(browser.texts(&person), ["Hélène Marchetti5"]);
    browser.click(&person);
    browser.wait_for_path("/?q=ministre&entity=H%C3%A9l%C3%A8ne+Marchetti");
    browser.full_page_screenshot("02-facet.png");
    let mut titles = browser.titles();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Canicule : quinze départements en vigilance rouge, records de chaleur en Bretagne",
            "Le satellite franco-européen Hydrasol mesurera l'humidité des sols depuis l'espace",
            "Les agriculteurs de la FNSEA reçus au ministère de l'Agriculture, sans avancée majeure",
            "Mercosur : la ministre de l'Agriculture promet de « se battre jusqu'au bout » à Bruxelles",
            "Salon de l'agriculture : huée à son arrivée, Hélène Marchetti promet un \"choc de simplification\"",
        ]
    );
    browser.assert_summary("5 articles contiennent tous les mots");
    assert!(browser.visible("#chips"));
    assert_eq!(browser.attributes("#chips .chip", "data-name"), [MARCHETTI]);
    assert_eq!(browser.attributes(&person, "aria-pressed"), ["true"]);
}

#[test]
fn an_article_opens_with_its_matches_in_bold_and_closes() {
    let Some(browser) = Browser::open(Screen::Desktop, GREVE_CHEMINOTS) else {
        return;
    };
    assert!(!browser.visible("#article"));
    browser.open_first_article(GREVE_CHEMINOTS);
    browser.screenshot("03-article.png");
    assert!(browser.visible("#article"));
    assert_eq!(browser.texts("#article-title"), [STRIKE]);
    assert_eq!(browser.texts("#article-title b"), ["Grève"]);
    assert_eq!(
        lowercase(&browser.texts("#article .paragraph b")),
        [
            "grève",
            "cheminots",
            "grèves",
            "cheminots",
            "cheminots",
            "cheminots",
            "grève"
        ]
    );
    assert_eq!(browser.texts("#article-occ-count"), ["8\u{a0}occurrences"]);
    browser.click("#article-close");
    browser.wait_for_path(GREVE_CHEMINOTS);
    browser.wait_until(
        "the article to close",
        "document.querySelector('#article').hidden",
    );
    browser.screenshot("03-article-closed.png");
    assert!(!browser.visible("#article"));
    assert_eq!(browser.titles(), [STRIKE, TGV]);
}

#[test]
fn back_shows_the_previous_results_again() {
    let Some(browser) = Browser::open(Screen::Desktop, "/") else {
        return;
    };
    browser.search("grève cheminots", GREVE_CHEMINOTS);
    browser.search("ministre", MINISTRE);
    let before = browser.titles();
    assert_eq!(before.len(), 10);
    let person = person(MARCHETTI);
    browser.click(&person);
    browser.wait_for_path("/?q=ministre&entity=H%C3%A9l%C3%A8ne+Marchetti");
    assert_eq!(browser.titles().len(), 5);

    browser.back();
    browser.wait_for_path(MINISTRE);
    browser.wait_until(
        "ten hits",
        "document.querySelectorAll('.hit').length === 10",
    );
    browser.screenshot("04-back.png");
    assert_eq!(browser.titles(), before);
    assert!(!browser.visible("#chips"));
    browser.assert_summary("25 articles contiennent tous les mots");

    browser.back();
    browser.wait_for_path(GREVE_CHEMINOTS);
    browser.wait_until("two hits", "document.querySelectorAll('.hit').length === 2");
    browser.screenshot("04-back-twice.png");
    assert_eq!(browser.titles(), [STRIKE, TGV]);
    let typed = browser.value("#q");
    assert_eq!(typed, "grève cheminots", "the search box follows the URL");
}

#[test]
fn newest_first_sorts_the_hits_by_date() {
    let Some(browser) = Browser::open(Screen::Desktop, MINISTRE) else {
        return;
    };
    browser.click("#sort option[value=\"newest\"]");
    browser.wait_for_path("/?q=ministre&sort=newest");
    browser.screenshot("05-newest.png");
    let dates = browser.attributes(".hit .hit-meta time", "datetime");
    assert_eq!(
        dates,
        [
            "2026-10-02",
            "2026-09-15",
            "2026-08-24",
            "2026-07-05",
            "2026-03-05",
            "2026-02-11",
            "2026-01-15",
            "2025-10-21",
            "2025-06-24",
            "2025-06-03",
        ]
    );
    assert!(dates.is_sorted_by(|a, b| a >= b), "{dates:?}");
    assert_eq!(
        browser.titles()[0],
        "Familles séparées : l’État sud-coréen promet une indemnisation, la Corée du Nord reste muette"
    );
    assert_eq!(browser.value("#sort"), "newest");
}

#[test]
fn an_unclosed_quote_is_repaired_with_a_note_not_an_error() {
    let Some(browser) = Browser::open(Screen::Desktop, "/") else {
        return;
    };
    browser.search("\"grève", "/?q=%22gr%C3%A8ve");
    browser.screenshot("06-repaired.png");
    assert!(
        browser.visible("#note"),
        "the note says how the query was read"
    );
    assert_eq!(browser.texts("#note-understood"), ["grève"]);
    assert!(!browser.visible("#error"), "{:?}", browser.texts("#error"));
    assert_eq!(browser.titles(), [STRIKE]);
    assert_eq!(browser.texts(".snippet b"), ["grève"]);
}

#[test]
fn on_a_phone_the_page_fits_the_screen_width() {
    let Some(browser) = Browser::open(Screen::Phone, MINISTRE) else {
        return;
    };
    browser.screenshot("07-phone.png");
    let width = browser.js("return innerWidth;", json!([]));
    assert_eq!(width, PHONE_WIDTH, "the window is a phone's");
    assert_eq!(browser.titles().len(), 10);
    browser.assert_fits("the results");
    browser.full_page_screenshot("07-phone-full.png");

    assert!(!browser.visible(&person(MARCHETTI)), "facets folded away");
    browser.click("#facets-toggle");
    let open = "document.querySelector('#facets').classList.contains('open')";
    browser.wait_until("the facets to unfold", open);
    browser.screenshot("07-phone-facets.png");
    assert!(browser.visible(&person(MARCHETTI)));
    browser.assert_fits("the facets unfolded");

    browser.open_first_article(MINISTRE);
    browser.screenshot("07-phone-article.png");
    assert!(browser.visible("#article-close"));
    browser.assert_fits("the article open");
}
