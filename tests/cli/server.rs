//! A running `depeche serve` for the tests: started on a free port of the loopback against an
//! index of `corpus/` built in a temp folder, asked over HTTP, stopped when dropped.

use crate::common::{depeche, repo};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use tempfile::TempDir;

/// A server process and the base URL it printed.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base: String,
    /// The folder of the index it serves, when it made one.
    pub dir: Option<TempDir>,
}

/// An answer: its status and its body, parsed as JSON when it is JSON.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The value of header `name` (lowercase), if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        let found = self.headers.iter().find(|(n, _)| n == name);
        found.map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// A server of a fresh index of `corpus/` (entities extracted), with `flags` added.
    pub fn of_corpus(flags: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        let built = depeche()
            .args(["index", "corpus", "--entities", "--index"])
            .arg(&index)
            .output()
            .unwrap();
        assert!(built.status.success(), "{built:?}");
        let mut server = Server::start(&index, flags);
        server.dir = Some(dir);
        server
    }

    /// A server of the index at `index`, on a free port, with `flags` added; it has bound its
    /// port when this returns.
    pub fn start(index: &Path, flags: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_depeche"))
            .current_dir(repo())
            .args(["serve", "--addr", "127.0.0.1:0", "--index"])
            .arg(index)
            .args(flags)
            .env_remove("DEPECHE_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let start = line
            .find("http://")
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let url = line[start..].split_whitespace().next().unwrap();
        let base = url.split('/').take(3).collect::<Vec<_>>().join("/");
        Server {
            child,
            base,
            dir: None,
        }
    }

    /// `GET path` (with its query string), with `headers`.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        self.call("GET", path, headers)
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Answer {
        self.call("GET", path, &[])
    }

    /// `METHOD path`, the answer whatever its status.
    pub fn call(&self, method: &str, path: &str, headers: &[(&str, &str)]) -> Answer {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let request = ureq::http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        let request = headers.iter().fold(request, |r, (n, v)| r.header(*n, *v));
        let mut response = agent.run(request.body(()).unwrap()).unwrap();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
            .collect();
        Answer {
            status: response.status().as_u16(),
            body: response.body_mut().read_to_string().unwrap_or_default(),
            headers,
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The exit code once the process ends, waiting at most `limit`; `None` if still running.
    pub fn wait_exit(&mut self, limit: std::time::Duration) -> Option<i32> {
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        None
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
