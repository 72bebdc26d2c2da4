//! The web page in a real headless Chromium, driven through WebDriver (fantoccini).
//!
//! Each test starts `depeche serve` on an index of `corpus/` (`crate::server`), chromedriver on
//! a free port and one browser session, then acts as a reader would (types, clicks, goes back)
//! and waits, by polling, for `<body data-state="ready">` and the state it expects (never a fixed
//! sleep). Each step leaves a screenshot in `target/screenshots/`. Without `chromium` or
//! `chromedriver` on the PATH a test says `skipped: ... is absent (TEST)` on stderr and passes;
//! CI installs both (`.ci/run`).

use crate::common::{rare_spelling_corpus, repo};
use crate::server::Server;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;

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
    /// Starts chromedriver and waits until it accepts connections.
    fn start(program: &Path) -> Driver {
        let port = free_port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not listen on port {port} within {WAIT:?}"
            );
            std::thread::sleep(POLL);
        }
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser session on the page of a fresh server. Dropping it ends the session (Chromium
/// quits), then stops chromedriver and the server.
struct Browser {
    runtime: Runtime,
    client: Option<Client>,
    server: Server,
    test: String,
    _driver: Driver,
}

/// Says on stderr (which libtest does not capture) that the test did not run, and why.
fn skip(absent: &str, test: &str) {
    // One write, so that the line is not interleaved with libtest's.
    let line = format!("skipped: {absent} is absent ({test})\n");
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// The capabilities of a headless Chromium looking through `screen`.
fn capabilities(chromium: &Path, screen: Screen) -> serde_json::Map<String, Value> {
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
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("browserName".into(), "chrome".into());
    capabilities.insert("goog:chromeOptions".into(), options);
    capabilities
}

impl Browser {
    /// A browser looking through `screen` at `path` of a fresh server, ready; or `None` (after
    /// saying so on stderr) when Chromium or chromedriver is not installed.
    fn open(screen: Screen, path: &str) -> Option<Browser> {
        Browser::open_on(screen, path, Server::of_corpus)
    }

    /// A browser looking through `screen` at `path` of the server `serve` starts, ready; or
    /// `None` as [`Browser::open`].
    fn open_on(
        screen: Screen,
        path: &str,
        serve: impl FnOnce(&[&str]) -> Server,
    ) -> Option<Browser> {
        let thread = std::thread::current();
        let test = thread.name().unwrap_or("unnamed test").to_string();
        let Some(chromium) = on_path("chromium") else {
            skip("chromium", &test);
            return None;
        };
        let Some(chromedriver) = on_path("chromedriver") else {
            skip("chromedriver", &test);
            return None;
        };
        let server = serve(&[]);
        let driver = Driver::start(&chromedriver);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let client = runtime
            .block_on(
                ClientBuilder::new(HttpConnector::new())
                    .capabilities(capabilities(&chromium, screen))
                    .connect(&driver.url),
            )
            .expect("a WebDriver session");
        let browser = Browser {
            runtime,
            client: Some(client),
            server,
            test,
            _driver: driver,
        };
        browser.goto(path);
        Some(browser)
    }

    /// The session.
    fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// Opens `path` of the server and waits for the page to be ready.
    fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.server.base);
        let client = self.client();
        self.runtime
            .block_on(client.goto(&url))
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        self.wait_until(&format!("{path} loaded"), "true");
    }

    /// Runs `script` (a function body) with `args` in the page; what it returns.
    fn js(&self, script: &str, args: Value) -> Value {
        let args = match args {
            Value::Array(args) => args,
            _ => Vec::new(),
        };
        let client = self.client();
        self.runtime
            .block_on(client.execute(script, args))
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    /// A real click (pointer events at the element's centre) on the element `css` selects.
    fn click(&self, css: &str) {
        let client = self.client();
        self.runtime
            .block_on(async { client.find(Locator::Css(css)).await?.click().await })
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Empties the field `css` selects and types `text` into it, key by key.
    fn type_into(&self, css: &str, text: &str) {
        let client = self.client();
        let typed = async {
            let field = client.find(Locator::Css(css)).await?;
            field.clear().await?;
            field.send_keys(text).await
        };
        self.runtime
            .block_on(typed)
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Types `query` in the search box, presses Enter, and waits for the results at `path`.
    fn search(&self, query: &str, path: &str) {
        self.type_into("#q", &format!("{query}{ENTER}"));
        self.wait_for_path(path);
    }

    /// The browser's Back button.
    fn back(&self) {
        let client = self.client();
        self.runtime
            .block_on(client.back())
            .unwrap_or_else(|e| panic!("back: {e}"));
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
        let client = self.client();
        let png = self
            .runtime
            .block_on(client.screenshot())
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        save_png(name, &png);
    }

    /// Saves the whole page, however tall, as `target/screenshots/NAME`: on a desktop the window
    /// is made as tall as the page for the picture; a phone's emulated screen keeps its size, so
    /// there the picture is of the page's end, scrolled to.
    fn full_page_screenshot(&self, name: &str) {
        let size = self.js(
            "const page = document.documentElement; return [page.scrollWidth, page.scrollHeight];",
            json!([]),
        );
        let height = size[1].as_u64().unwrap_or(900).clamp(900, 8_000) as u32;
        let client = self.client();
        let resize = |height| {
            self.runtime
                .block_on(client.set_window_size(1280, height))
                .unwrap_or_else(|e| panic!("window size: {e}"))
        };
        resize(height + 143);
        self.js(
            "window.scrollTo(0, document.documentElement.scrollHeight);",
            json!([]),
        );
        self.screenshot(name);
        resize(900);
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
        if let Some(client) = self.client.take() {
            let _ = self.runtime.block_on(client.close());
        }
    }
}

/// Saves PNG bytes as `target/screenshots/NAME`.
fn save_png(name: &str, png: &[u8]) {
    let folder = repo().join("target/screenshots");
    std::fs::create_dir_all(&folder).expect("target/screenshots is created");
    std::fs::write(folder.join(name), png).expect("the screenshot is saved");
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
    assert_eq!(browser.texts("#note-understood"), ["\"grève\""]);
    assert_eq!(
        browser.texts("#note-details"),
        ["Pourquoi : un guillemet n’était pas refermé."]
    );
    assert!(!browser.visible("#error"), "{:?}", browser.texts("#error"));
    assert_eq!(browser.titles(), [STRIKE]);
    assert_eq!(browser.texts(".snippet b"), ["grève"]);
}

#[test]
fn a_word_no_article_holds_is_searched_corrected_with_a_note() {
    let Some(browser) = Browser::open(Screen::Desktop, "/") else {
        return;
    };
    browser.search("Kinchasa", "/?q=Kinchasa");
    browser.screenshot("06-corrected.png");
    assert!(
        browser.visible("#note-corrected"),
        "the note says what was searched"
    );
    assert!(!browser.visible("#note-understood"));
    assert_eq!(browser.texts("#note-corrected-query"), ["kinshasa"]);
    assert_eq!(browser.texts("#note-typed"), ["« Kinchasa »"]);
    assert!(!browser.visible("#error"), "{:?}", browser.texts("#error"));
    assert_eq!(browser.titles().len(), 2);
    assert_eq!(browser.texts(".snippet b")[0], "Kinshasa");
}

#[test]
fn a_rare_spelling_comes_first_and_the_common_one_below_it() {
    let dir = tempfile::tempdir().unwrap();
    rare_spelling_corpus(dir.path());
    let index = dir.path().join("index");
    let corpus = dir.path().join("corpus");
    let built = crate::common::run(&[
        "index",
        corpus.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(built.code, 0, "{built:#?}");
    let Some(browser) =
        Browser::open_on(Screen::Desktop, "/", |flags| Server::start(&index, flags))
    else {
        return;
    };
    browser.search("Putin", "/?q=Putin");
    browser.screenshot("06-also.png");
    assert!(browser.visible("#note-also"), "the note says what follows");
    assert!(!browser.visible("#note-corrected"));
    assert_eq!(
        browser.texts("#note-also-words"),
        ["« poutine » au lieu de « Putin »"]
    );
    let titles = browser.titles();
    assert_eq!(titles.len(), 10, "{titles:?}");
    assert_eq!(titles[0], "Putin au sommet");
    assert!(
        titles[1..]
            .iter()
            .all(|t| t.starts_with("Poutine reçoit le ministre")),
        "{titles:?}"
    );
    assert_eq!(browser.texts(".snippet b")[..2], ["Putin", "Poutine"]);
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
