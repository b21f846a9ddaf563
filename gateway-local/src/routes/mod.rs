//! The HTTP surface: thin handlers over `proxy` and `store`.

mod dynamic_routes;
mod gateway;
mod gateway_resource;
mod logs;
mod rest;

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};

use self::dynamic_routes as dr;

use crate::error::{Rejection, Shape, code};
use crate::state::AppState;

/// The logs query parser, for fuzzing: the number of filters, or why not.
pub(crate) fn parse_logs_query(raw: &str, for_delete: bool) -> Result<usize, String> {
    logs::parse_query(Some(raw), for_delete).map(|(query, _)| query.filters.len())
}

/// The logs API's patch body, checked as `PATCH .../logs/{id}` checks it
/// (the dashboard's feedback and score forms send theirs through it).
pub(crate) fn parse_log_patch(body: &[u8]) -> Result<crate::store::LogPatch, String> {
    logs::parse_patch(body)
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
        .route("/client/v4/accounts/{account}/ai/run", post(rest::run))
        .route("/client/v4/accounts/{account}/ai/v1/{*endpoint}", post(rest::v1))
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}",
            get(gateway_resource::get).put(gateway_resource::put),
        )
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/logs",
            get(logs::list_or_delete).delete(logs::list_or_delete),
        )
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/logs/{id}",
            get(logs::get).patch(logs::patch),
        )
        // `.../request` and `.../response`; other parts: no route.
        .route("/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/logs/{id}/{part}", get(logs::payload))
        .route("/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/url/{provider}", get(logs::url))
        .route("/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/routes", get(dr::list).post(dr::create))
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/routes/{route}",
            get(dr::get).patch(dr::rename).delete(dr::delete),
        )
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/routes/{route}/versions",
            get(dr::list_versions).post(dr::create_version),
        )
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/routes/{route}/versions/{version}",
            get(dr::get_version),
        )
        .route(
            "/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/routes/{route}/deployments",
            get(dr::list_deployments).post(dr::deploy),
        )
        .merge(crate::dashboard::router(Arc::clone(&state)))
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        // Each host answers in its own envelope, wherever the path leads.
        .fallback(|uri: Uri| async move { Rejection::no_route_in(Shape::of_path(uri.path())) })
        .method_not_allowed_fallback(|uri: Uri| async move { Rejection::method_not_allowed(uri.path()) })
        // Over-limit bodies are rejected by the extractor; handlers answer in Cloudflare's shape.
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), limit_headers))
        .with_state(state)
}

/// `GET /health`: whether the gateway can keep its logs. Ours (Cloudflare
/// has no such route); open like the gateway host, and it names no path or
/// secret. `200` with
///
/// ```json
/// {"status": "ok" | "degraded",
///  "log_writes_failing": false,          // the last log write failed
///  "log_write_failures": 0,              // failed log writes since start
///  "last_log_error": null | "database full" | "database busy" | ...,
///  "database": {"kind": "memory"} | {"kind": "file", "file": "present" | "missing" | "replaced"}}
/// ```
///
/// `degraded` while log writes fail (until one succeeds again) or while the
/// database file is not the one opened at start (deleted or replaced).
async fn health(State(state): State<Arc<AppState>>) -> Response {
    let mut response = (StatusCode::OK, state.store.health().to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// `GET /metrics`: requests (steps), errors, cache hits, tokens, cost and
/// latency by gateway, provider and model, in the `OpenMetrics` text format
/// that Prometheus scrapes. Ours (Cloudflare has no such route).
///
/// Protected like the v4 API: with an `api_token` configured, it needs
/// `Authorization: Bearer <api_token>` (Prometheus's `authorization`
/// scrape setting sends it), since the labels name gateways and models;
/// open otherwise.
async fn metrics(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    if let Some(token) = &state.config.api_token {
        let presented = headers.get(header::AUTHORIZATION).map(HeaderValue::as_bytes).unwrap_or_default();
        if !crate::state::bearer_matches(presented, token) {
            return Rejection::api(StatusCode::UNAUTHORIZED, code::AUTHENTICATION, "Authentication error")
                .into_response();
        }
    }
    let mut response = (StatusCode::OK, state.telemetry.metrics_text()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(METRICS_CONTENT_TYPE));
    response
}

/// The `OpenMetrics` text format's media type.
const METRICS_CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Refuses requests whose headers add up to more than `max_header_bytes`,
/// with 431 in the shape of the API asked.
async fn limit_headers(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    // As on the wire: `name: value` and CRLF per header.
    let size: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len() + 4).sum();
    let limit = state.config.max_header_bytes;
    if size <= limit {
        return next.run(request).await;
    }
    let message = format!("request headers are {size} bytes, over the limit of {limit}");
    let status = StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE;
    let shape = Shape::of_path(request.uri().path());
    Rejection::new(shape, status, code::TOO_LARGE, message).into_response()
}
