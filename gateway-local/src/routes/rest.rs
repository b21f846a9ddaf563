//! The REST API on the Cloudflare API host (`cloudflare-2026.md` §1):
//! `POST /client/v4/accounts/{account}/ai/run` (the `{"model", "input"}`
//! envelope) and `.../ai/v1/chat/completions`, `.../ai/v1/responses`,
//! `.../ai/v1/messages` (vendor bodies), authenticated with the v4 API token,
//! through the gateway `cf-aig-gateway-id` names (the account's `default`
//! when absent, created on first use). Each request becomes one
//! [`Step`] of the request engine, so cache, retries, rate limit, logs and
//! cost apply as on the gateway host.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use gateway_core::provider::{ModelName, ProviderInfo, WireDialect};
use gateway_core::types::headers as h;
use serde_json::{Value, json};

use super::gateway::{BODY_TOO_LARGE, body_or_error, endpoint_problem, request_options_in};
use crate::config::GatewaySettings;
use crate::error::{Rejection, Shape, code};
use crate::gateways::DEFAULT_GATEWAY;
use crate::options::HeaderOptions;
use crate::proxy::{self, LOG_ERROR_HEADER, RequestContext, Step};
use crate::state::{AppState, bearer_matches, constant_time_eq};

/// The header that picks the gateway on this API (`cloudflare-2026.md` §1.3).
pub(crate) const GATEWAY_ID: &str = "cf-aig-gateway-id";

/// The shape of every error this API answers with.
const SHAPE: Shape = Shape::AiGateway;

/// The log's `request_type` for requests of this API.
const REQUEST_TYPE: &str = "rest";

/// The four endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endpoint {
    /// `/ai/run`: `{"model", "input"}`.
    Run,
    /// `/ai/v1/chat/completions`: OpenAI Chat Completions.
    ChatCompletions,
    /// `/ai/v1/responses`: OpenAI Responses.
    Responses,
    /// `/ai/v1/messages`: Anthropic Messages.
    Messages,
}

impl Endpoint {
    fn path(self) -> &'static str {
        match self {
            Self::Run => "/ai/run",
            Self::ChatCompletions => "/ai/v1/chat/completions",
            Self::Responses => "/ai/v1/responses",
            Self::Messages => "/ai/v1/messages",
        }
    }
}

/// Where each endpoint sends a model, relative to the provider's base URL;
/// `None`: the endpoint does not serve that model. The one routing table of
/// this API:
///
/// | endpoint | Workers AI (`@cf/...`) | catalog model `{author}/{model}` |
/// |---|---|---|
/// | `/ai/run` | `{model id}`, with `input` as the body | Anthropic: `v1/messages`; others: the provider's `compat_path` (OpenAI chat completions); `input` with `model` set |
/// | `/ai/v1/chat/completions` | `v1/chat/completions` | the provider's `compat_path` |
/// | `/ai/v1/responses` | `v1/responses` | OpenAI: `responses`; others: none |
/// | `/ai/v1/messages` | none | Anthropic: `v1/messages`; others: none |
///
/// Unconfirmed in the spec (`cloudflare-2026.md` §1.5, §1.6 show requests
/// only): we chose each provider's native format where the endpoint is its
/// vendor's, and OpenAI's chat completions elsewhere.
fn upstream_endpoint(endpoint: Endpoint, provider: &ProviderInfo, model: &ModelName<'_>) -> Option<String> {
    let workers_ai = matches!(model, ModelName::WorkersAi(_));
    match (endpoint, provider.dialect) {
        (Endpoint::Run, _) if workers_ai => model.provider_model().map(str::to_owned),
        (Endpoint::Run | Endpoint::Messages, WireDialect::Anthropic) => Some("v1/messages".to_owned()),
        (Endpoint::Run | Endpoint::ChatCompletions, _) => provider.compat_path.map(str::to_owned),
        (Endpoint::Responses, _) if workers_ai => Some("v1/responses".to_owned()),
        (Endpoint::Responses, _) if provider.slug == "openai" => Some("responses".to_owned()),
        (Endpoint::Responses | Endpoint::Messages, _) => None,
    }
}

/// `POST /client/v4/accounts/{account}/ai/run`.
pub(super) async fn run(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let account = path.map(|Path(account)| account).map_err(|r| bad_request(r.body_text()))?;
    serve(&state, Endpoint::Run, &account, &headers, body).await
}

/// `POST /client/v4/accounts/{account}/ai/v1/{chat/completions,responses,messages}`;
/// any other path under `/ai/v1/` is no route.
pub(super) async fn v1(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (account, rest) = path.map(|Path(parts)| parts).map_err(|r| bad_request(r.body_text()))?;
    let endpoint = match rest.as_str() {
        "chat/completions" => Endpoint::ChatCompletions,
        "responses" => Endpoint::Responses,
        "messages" => Endpoint::Messages,
        _ => return Err(Rejection::new(SHAPE, StatusCode::NOT_FOUND, code::NO_ROUTE, "No route for the URI")),
    };
    serve(&state, endpoint, &account, &headers, body).await
}

async fn serve(
    state: &Arc<AppState>,
    endpoint: Endpoint,
    account: &str,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    authenticate(state, account, headers, endpoint)?;
    let body = body_or_error(body, SHAPE, BODY_TOO_LARGE)?;
    let (model, mut upstream_body) = read_body(endpoint, &body)?;
    let name = ModelName::parse(&model).map_err(|e| model_refused(format!("{e}")))?;
    if let ModelName::Dynamic(route_name) = name {
        return serve_route(state, endpoint, headers, route_name, upstream_body).await;
    }
    let (provider, upstream) = route(endpoint, &name)?;
    let (gateway, settings) = gateway_for(state, headers, &name).await?;
    rate_limit(state, &gateway, &settings)?;
    let options = request_options_in(headers, SHAPE)?;
    if let (Value::Object(fields), Some(provider_model)) = (&mut upstream_body, name.provider_model()) {
        if !(endpoint == Endpoint::Run && matches!(name, ModelName::WorkersAi(_))) {
            fields.insert("model".to_owned(), Value::String(provider_model.to_owned()));
        }
    }
    let step = Step {
        provider: provider.slug.to_owned(),
        endpoint: upstream,
        method: Method::POST,
        headers: proxy::provider_headers(headers, provider),
        body: Bytes::from(serde_json::to_vec(&upstream_body).unwrap_or_default()),
        options: HeaderOptions::default(),
        config: None,
        route: None,
        model: std::sync::OnceLock::new(),
    };
    let authenticated = state.config.api_token.is_some();
    let mut context = RequestContext::new(gateway, settings, options, authenticated, headers, REQUEST_TYPE);
    context.shape = SHAPE;
    context.compatibility_mode = endpoint != Endpoint::Run;
    let canonical = name.to_string();
    for (header, value) in [(h::MODEL, canonical.as_str()), (h::PROVIDER, provider.slug)] {
        if let Ok(value) = HeaderValue::from_str(value) {
            context.extra_headers.push((HeaderName::from_static(header), value));
        }
    }
    let answer = proxy::run(state, &context, vec![step]).await;
    let wrap = endpoint == Endpoint::Run && !matches!(name, ModelName::WorkersAi(_));
    Ok(finish(state, answer, wrap).await)
}

/// A request naming `dynamic/{route}`: on `/ai/run` (its `input` is the
/// Chat Completions body; a JSON answer is wrapped in the envelope) and
/// `/ai/v1/chat/completions`, the only request shape routes take
/// (`cloudflare-2026.md` §3.4).
async fn serve_route(
    state: &Arc<AppState>,
    endpoint: Endpoint,
    headers: &HeaderMap,
    route_name: &str,
    body: Value,
) -> Result<Response, Rejection> {
    if !matches!(endpoint, Endpoint::Run | Endpoint::ChatCompletions) {
        return Err(model_refused(format!(
            "dynamic routes take OpenAI Chat Completions requests: call `dynamic/{route_name}` on /ai/run or \
             /ai/v1/chat/completions, not {}",
            endpoint.path()
        )));
    }
    let Value::Object(body) = body else {
        return Err(bad_request("a dynamic route's request must be a JSON object".to_owned()));
    };
    let name = ModelName::Dynamic(route_name);
    let (gateway, settings) = gateway_for(state, headers, &name).await?;
    rate_limit(state, &gateway, &settings)?;
    let options = request_options_in(headers, SHAPE)?;
    let authenticated = state.config.api_token.is_some();
    let mut context = RequestContext::new(gateway, settings, options, authenticated, headers, REQUEST_TYPE);
    context.shape = SHAPE;
    context.compatibility_mode = endpoint != Endpoint::Run;
    let request = proxy::route::RouteRequest { name: route_name, body, headers };
    let answer = proxy::route::run(state, &context, request).await;
    Ok(finish(state, answer, endpoint == Endpoint::Run).await)
}

/// The model named and the body for the provider (still with the caller's `model`).
fn read_body(endpoint: Endpoint, body: &[u8]) -> Result<(String, Value), Rejection> {
    let parsed: Value =
        serde_json::from_slice(body).map_err(|e| bad_request(format!("the body is not valid JSON: {e}")))?;
    let Value::Object(mut fields) = parsed else {
        return Err(bad_request(format!("the body of {} must be a JSON object", endpoint.path())));
    };
    let model = match fields.get("model") {
        Some(Value::String(model)) => model.clone(),
        Some(_) => return Err(bad_request("`model` must be a string".to_owned())),
        None => return Err(bad_request(format!("the body of {} needs a `model`", endpoint.path()))),
    };
    if endpoint != Endpoint::Run {
        return Ok((model, Value::Object(fields)));
    }
    // `provider` (the withdrawn 2026-05-19 form) is ignored: the model decides.
    match fields.remove("input") {
        Some(input @ Value::Object(_)) => Ok((model, input)),
        Some(_) => Err(bad_request("`input` must be a JSON object (the model's own input)".to_owned())),
        None => Err(bad_request("the body of /ai/run needs `input` (the model's own input)".to_owned())),
    }
}

/// The provider serving `name` on `endpoint`, and the path there.
fn route(endpoint: Endpoint, name: &ModelName<'_>) -> Result<(&'static ProviderInfo, String), Rejection> {
    let provider = name.provider().ok_or_else(|| {
        model_refused(format!(
            "model not found: `{name}` has no known author (known: openai, anthropic, google, xai, workers-ai)"
        ))
    })?;
    let upstream = upstream_endpoint(endpoint, provider, name).ok_or_else(|| {
        model_refused(format!(
            "model `{name}` (provider `{}`) is not served on {}: use /ai/run or /ai/v1/chat/completions",
            provider.slug,
            endpoint.path()
        ))
    })?;
    endpoint_problem(&upstream)
        .map_err(|_| model_refused(format!("model not found: `{name}` is not a valid model id")))?;
    Ok((provider, upstream))
}

/// The v4 API token (`Authorization: Bearer`, or on `/ai/v1/messages` also
/// `x-api-key` as the Anthropic SDK sends it), then the account. With no
/// `api_token` configured the API is open, as the logs API is.
fn authenticate(state: &AppState, account: &str, headers: &HeaderMap, endpoint: Endpoint) -> Result<(), Rejection> {
    if let Some(token) = &state.config.api_token {
        let bearer = headers.get(header::AUTHORIZATION).is_some_and(|v| bearer_matches(v.as_bytes(), token));
        let api_key = endpoint == Endpoint::Messages
            && headers.get("x-api-key").is_some_and(|v| constant_time_eq(v.as_bytes(), token.as_bytes()));
        if !bearer && !api_key {
            return Err(Rejection::new(SHAPE, StatusCode::UNAUTHORIZED, code::AUTHENTICATION, "Authentication error"));
        }
    }
    if account != state.config.account_id {
        return Err(Rejection::new(SHAPE, StatusCode::NOT_FOUND, code::NO_ROUTE, "No route for the URI"));
    }
    Ok(())
}

/// The gateway the request goes through, and its settings: the one
/// `cf-aig-gateway-id` names if it exists (configured, or created before);
/// without the header, the account's `default`, created on first use with
/// Cloudflare's settings. Other ids are never created here, whatever
/// `unknown_gateways` says (that policy is the gateway host's).
async fn gateway_for(
    state: &AppState,
    headers: &HeaderMap,
    name: &ModelName<'_>,
) -> Result<(String, GatewaySettings), Rejection> {
    let id = match headers.get(GATEWAY_ID) {
        Some(value) => {
            let invalid = |reason: String| {
                Rejection::new(
                    SHAPE,
                    StatusCode::BAD_REQUEST,
                    code::INVALID_HEADER,
                    format!("invalid header {GATEWAY_ID}: {reason}"),
                )
            };
            let id = value.to_str().map_err(|_| invalid("the value is not visible ASCII".to_owned()))?;
            gateway_core::types::options::validate_gateway_id(id, GATEWAY_ID).map_err(|e| invalid(e.to_string()))?;
            id.to_owned()
        }
        None if matches!(name, ModelName::WorkersAi(_)) => return Err(gateway_required()),
        None => DEFAULT_GATEWAY.to_owned(),
    };
    if let Some(settings) = state.gateways.existing(&state.config, &id) {
        return Ok((id, settings));
    }
    if id != DEFAULT_GATEWAY {
        return Err(unknown_gateway(&id));
    }
    let settings = state.gateways.create_default(&state.config, &state.store).await.map_err(|e| {
        Rejection::new(
            SHAPE,
            StatusCode::SERVICE_UNAVAILABLE,
            code::INTERNAL,
            format!("the default gateway could not be created: {}", e.reason()),
        )
    })?;
    Ok((id, settings))
}

/// The gateway's rate limit, as on the gateway host.
fn rate_limit(state: &AppState, gateway: &str, settings: &GatewaySettings) -> Result<(), Rejection> {
    match settings.rate_limit {
        Some(limit) if !state.rate.admit(gateway, limit) => {
            Err(Rejection::new(SHAPE, StatusCode::TOO_MANY_REQUESTS, code::RATE_LIMITED, "Rate limited")
                .with_header(header::RETRY_AFTER, HeaderValue::from(limit.interval_secs)))
        }
        _ => Ok(()),
    }
}

/// The answer as this API gives it: a provider's 401 becomes 401/2009; on
/// `/ai/run`, a catalog model's JSON answer is wrapped in the v4 envelope
/// (Workers AI answers carry it already, and streams pass through as the
/// provider sends them).
async fn finish(state: &AppState, answer: Response, wrap: bool) -> Response {
    let status = answer.status();
    if status == StatusCode::UNAUTHORIZED {
        let (parts, _) = answer.into_parts();
        return with_report_headers(provider_credential_rejected().into_response(), &parts.headers);
    }
    let is_json = answer
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if !wrap || !status.is_success() || !is_json {
        return answer;
    }
    let (mut parts, body) = answer.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, state.config.max_response_bytes).await else {
        return Rejection::new(SHAPE, StatusCode::BAD_GATEWAY, code::UPSTREAM_FAILED, "the upstream answer was cut")
            .into_response();
    };
    let Ok(output) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(run_envelope(&output).to_string()))
}

/// The `/ai/run` answer around a model's output. Unconfirmed in the spec
/// (`cloudflare-2026.md` §1.5: the envelope of `/ai/run` is not documented):
/// we chose its emulator advice, the legacy Workers AI envelope.
fn run_envelope(output: &Value) -> Value {
    json!({"result": output, "success": true, "errors": [], "messages": []})
}

/// `response` with the gateway's report headers (`cf-aig-*`, the log-error
/// header) of `from`.
fn with_report_headers(mut response: Response, from: &HeaderMap) -> Response {
    for (name, value) in from {
        if name.as_str().starts_with("cf-aig-") || name.as_str() == LOG_ERROR_HEADER {
            response.headers_mut().insert(name.clone(), value.clone());
        }
    }
    response
}

fn bad_request(message: String) -> Rejection {
    Rejection::new(SHAPE, StatusCode::BAD_REQUEST, SHAPE.bad_request_code(), message)
}

/// A model this API does not serve (unknown, malformed, dynamic, or not on
/// this endpoint): 400 with [`code::MODEL_NOT_FOUND`].
fn model_refused(message: String) -> Rejection {
    Rejection::new(SHAPE, StatusCode::BAD_REQUEST, code::MODEL_NOT_FOUND, message)
}

/// A Workers AI model without `cf-aig-gateway-id`. Unconfirmed in the spec
/// (`cloudflare-2026.md` §1.3: the header is required, the answer when it is
/// missing undocumented): we chose 400 with 2001, the gateway host's code
/// for a gateway it cannot use.
fn gateway_required() -> Rejection {
    Rejection::new(
        SHAPE,
        StatusCode::BAD_REQUEST,
        code::GATEWAY_NOT_FOUND,
        format!("Workers AI models (@cf/...) need a gateway on this API: send {GATEWAY_ID}"),
    )
}

/// A gateway id that is neither configured nor created. Unconfirmed in the
/// spec (§1.3): we chose the gateway host's answer, 400 with 2001.
fn unknown_gateway(id: &str) -> Rejection {
    Rejection::new(
        SHAPE,
        StatusCode::BAD_REQUEST,
        code::GATEWAY_NOT_FOUND,
        format!("gateway `{id}` does not exist; only `{DEFAULT_GATEWAY}` is created on first use"),
    )
}

/// A provider's 401 on this API (`cloudflare-2026.md` §1.8, `CL:2026-10-05`):
/// 401/2009, "the AI provider rejected the provider credential".
fn provider_credential_rejected() -> Rejection {
    Rejection::new(
        SHAPE,
        StatusCode::UNAUTHORIZED,
        code::UNAUTHORIZED,
        "the AI provider rejected the provider credential",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_endpoint_routes_each_kind_of_model() {
        let at = |endpoint, model: &str| {
            let name = ModelName::parse(model).unwrap();
            route(endpoint, &name).ok().map(|(provider, path)| format!("{} {path}", provider.slug))
        };
        let llama = "@cf/meta/llama-3.1-8b-instruct";
        assert_eq!(at(Endpoint::Run, llama).as_deref(), Some("workers-ai @cf/meta/llama-3.1-8b-instruct"));
        assert_eq!(at(Endpoint::Run, "openai/gpt-5.5").as_deref(), Some("openai chat/completions"));
        assert_eq!(at(Endpoint::Run, "anthropic/claude-sonnet-4-5").as_deref(), Some("anthropic v1/messages"));
        assert_eq!(
            at(Endpoint::Run, "google/gemini-3-flash").as_deref(),
            Some("google-ai-studio v1beta/openai/chat/completions")
        );
        assert_eq!(at(Endpoint::ChatCompletions, "xai/grok-3").as_deref(), Some("grok v1/chat/completions"));
        assert_eq!(
            at(Endpoint::ChatCompletions, &format!("workers-ai/{llama}")).as_deref(),
            Some("workers-ai v1/chat/completions")
        );
        assert_eq!(at(Endpoint::Responses, "openai/gpt-5.5").as_deref(), Some("openai responses"));
        assert_eq!(at(Endpoint::Responses, llama).as_deref(), Some("workers-ai v1/responses"));
        assert_eq!(at(Endpoint::Responses, "anthropic/claude-sonnet-4-5"), None);
        assert_eq!(at(Endpoint::Messages, "anthropic/claude-sonnet-4-5").as_deref(), Some("anthropic v1/messages"));
        assert_eq!(at(Endpoint::Messages, "openai/gpt-5.5"), None);
        assert_eq!(at(Endpoint::Messages, llama), None);
        assert_eq!(at(Endpoint::Run, "meta/llama"), None);
        assert_eq!(at(Endpoint::Run, "dynamic/support"), None);
        // A path-changing name never reaches a route: `ModelName` refuses it.
        assert!(ModelName::parse("@cf/meta/../x").is_err());
    }
}
