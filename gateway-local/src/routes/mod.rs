//! The HTTP surface: thin handlers over `proxy` and `store`.

mod gateway;
mod logs;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{any, get, post};

use crate::errors::{self, code};
use crate::state::AppState;

/// The logs query parser, for fuzzing: the number of filters, or why not.
pub(crate) fn parse_logs_query(raw: &str, for_delete: bool) -> Result<usize, String> {
    logs::parse_query(Some(raw), for_delete).map(|(query, _)| query.filters.len())
}

/// The endpoint check, for fuzzing.
pub(crate) fn endpoint_problem(endpoint: &str) -> Result<(), String> {
    gateway::endpoint_problem(endpoint)
}

/// Every route of the gateway host (`/v1/...`) and the v4 API (`/client/v4/...`).
pub(crate) fn router(state: Arc<AppState>) -> Router {
    let limit = state.config.max_body_bytes;
    Router::new()
        .route("/v1/{account}/{gateway}", post(gateway::universal))
        // The universal URL the API hands out ends with a slash.
        .route("/v1/{account}/{gateway}/", post(gateway::universal))
        .route("/v1/{account}/{gateway}/{provider}/{*rest}", any(gateway::provider))
        .route("/client/v4/accounts/{account}/ai/run/{*model}", post(gateway::workers_ai_direct))
        .route("/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/logs", get(logs::list).delete(logs::delete))
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/logs/{id}",
            get(logs::get).patch(logs::patch),
        )
        .route("/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/logs/{id}/request", get(logs::request))
        .route("/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/logs/{id}/response", get(logs::response))
        .route("/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/url/{provider}", get(logs::url))
        .fallback(|| async { errors::v4(StatusCode::NOT_FOUND, code::NO_ROUTE, "No route for the URI") })
        .method_not_allowed_fallback(|| async {
            errors::v4(StatusCode::METHOD_NOT_ALLOWED, code::NO_ROUTE, "Method not allowed for this URI")
        })
        // Over-limit bodies are rejected by the extractor; handlers answer in Cloudflare's shape.
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}
