//! `depeche serve`: one index over HTTP, as a JSON API and a web page, until Ctrl-C or SIGTERM
//! (in-flight requests finish). Searches run on a blocking pool sized to the cores; the index is
//! followed, so articles that `depeche index` commits become searchable without a restart.

mod auth;
mod handlers;
mod page;
mod params;
mod reply;

use crate::error::{Error, Result};
use crate::search::Engine;
use axum::Router;
use axum::routing::get;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// What `depeche serve` is asked to serve, and where.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The index folder.
    pub index: PathBuf,
    /// The address to listen on; port 0 picks a free one.
    pub addr: SocketAddr,
    /// The token every request must carry; required unless `addr` is a loopback address.
    pub token: Option<String>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            index: PathBuf::from("index"),
            addr: SocketAddr::from(([127, 0, 0, 1], 7878)),
            token: None,
        }
    }
}

/// What every request handler shares.
#[derive(Clone)]
struct AppState {
    /// The open index.
    engine: Arc<Engine>,
    /// The token requests must carry, if any.
    token: Option<Arc<str>>,
}

/// Serves until Ctrl-C or SIGTERM; `ready` is told the address actually bound (the port chosen
/// when 0 was asked) once requests are accepted.
pub fn serve(options: &ServeOptions, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let token = options.token.as_deref().filter(|t| !t.is_empty());
    if token.is_none() && !options.addr.ip().is_loopback() {
        return Err(Error::Serve {
            addr: options.addr.to_string(),
            reason: "serving beyond this machine needs a token (--token or DEPECHE_TOKEN)".into(),
        });
    }
    let engine = Arc::new(Engine::open(&options.index)?);
    let state = AppState {
        engine,
        token: token.map(Arc::from),
    };
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        .max_blocking_threads(cores)
        .enable_all()
        .build()
        .map_err(|e| serve_error(options, e))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|e| serve_error(options, e))?;
        let bound = listener.local_addr().map_err(|e| serve_error(options, e))?;
        ready(bound);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| serve_error(options, e))
    })
}

/// The routes: the page, the API, the health check; JSON errors for unknown paths and methods.
fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/page/app.css", get(page::css))
        .route("/page/app.js", get(page::js))
        .route("/api/search", get(handlers::search))
        .route("/api/article/{id}", get(handlers::article))
        .route("/api/entities", get(handlers::entities))
        .route("/api/stats", get(handlers::stats))
        .route("/healthz", get(handlers::healthz))
        .fallback(reply::not_found)
        .method_not_allowed_fallback(reply::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::require_token,
        ))
        .with_state(state)
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

fn serve_error(options: &ServeOptions, cause: impl std::fmt::Display) -> Error {
    Error::Serve {
        addr: options.addr.to_string(),
        reason: cause.to_string(),
    }
}
