//! The API's endpoints: search with facets, one article in full, entity counts, index figures and
//! the health check. Searches run on the blocking pool, never on the executor's threads.

use super::AppState;
use super::params::{MAX_LIMIT, Params};
use super::reply::{ApiError, Reply, json};
use crate::EntityKind;
use crate::api::{
    ArticleResponse, EntitiesResponse, SearchPageResponse, StatsResponse, search_page,
};
use crate::error::Result;
use crate::search::{Engine, EntityOptions, read_article, stats as index_stats, top_entities};
use axum::extract::{Path, RawQuery, State};
use std::sync::Arc;

/// `GET /api/search`: the hits as `depeche search --json` prints them, with `understood`, `notes`
/// and `facets` (empty with `facets=false`).
pub async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Reply {
    let params = Params::parse(raw.as_deref())?;
    let options = params.search_options()?;
    let with_facets = params.get("facets").is_none() || params.flag("facets")?;
    let offset = options.offset;
    let search = move |engine: &Engine| search_page(engine, &options, with_facets);
    let page = blocking(&state, search).await?;
    if offset > 0 && page.results.hits.is_empty() {
        return Err(ApiError::bad_request(format!(
            "offset: {offset} is past the end of the hits"
        )));
    }
    json(&SearchPageResponse::new(&page))
}

/// `GET /api/article/{id}`: the article in full, the words of `q` highlighted.
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let query = Params::parse(raw.as_deref())?.query()?;
    let found = blocking(&state, move |engine| read_article(engine, &id, &query)).await?;
    match found {
        Some(article) => json(&ArticleResponse::new(&article)),
        None => Err(ApiError::not_found("no article has this id")),
    }
}

/// `GET /api/entities`: what `depeche entities --json` prints, for `q`, `kind` and `top`.
pub async fn entities(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Reply {
    let params = Params::parse(raw.as_deref())?;
    let kinds = match params.get("kind").unwrap_or_default() {
        "" => EntityKind::ALL.to_vec(),
        name => match EntityKind::ALL.into_iter().find(|kind| kind.name() == name) {
            Some(kind) => vec![kind],
            None => {
                return Err(ApiError::bad_request(format!(
                    "kind: {name:?} is not per, loc or org"
                )));
            }
        },
    };
    let top = params.number("top", 20)?;
    if top > MAX_LIMIT {
        return Err(ApiError::bad_request(format!(
            "top: at most {MAX_LIMIT}, not {top}"
        )));
    }
    let options = EntityOptions {
        query: params.query()?,
        kinds,
        top,
    };
    let counts = blocking(&state, {
        let options = options.clone();
        move |engine| top_entities(engine, &options)
    })
    .await?;
    json(&EntitiesResponse::new(&options.query, &counts))
}

/// `GET /api/stats`: articles, index size, last commit, whether entities were extracted.
pub async fn stats(State(state): State<AppState>) -> Reply {
    let figures = blocking(&state, |engine| Ok(index_stats(engine))).await?;
    json(&StatsResponse::from(&figures))
}

/// `GET /healthz`: 200 while the index is open.
pub async fn healthz(State(state): State<AppState>) -> Reply {
    let articles = state.engine.searcher().num_docs();
    json(&serde_json::json!({ "status": "ok", "articles": articles }))
}

/// Runs `work` on the blocking pool with the engine; its error as an API error.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Engine) -> Result<T> + Send + 'static,
) -> std::result::Result<T, ApiError> {
    let engine = Arc::clone(&state.engine);
    let done = tokio::task::spawn_blocking(move || work(&engine)).await;
    let done = done.map_err(|_| ApiError::internal("the search did not finish"))?;
    done.map_err(ApiError::from)
}
