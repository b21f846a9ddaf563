//! The gateway host: universal endpoint, provider routes, compat, and the
//! direct Workers AI route of the v4 API.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use gateway_core::UniversalStep;
use gateway_core::types::headers as h;
use serde_json::Value;

use crate::config::GatewaySettings;
use crate::credentials::is_credential_header;
use crate::error::{Rejection, Shape, code};
use crate::gateways::DEFAULT_GATEWAY;
use crate::options::{HeaderOptions, is_gateway_header};
use crate::proxy::{self, RequestContext, Step};
use crate::state::{AppState, bearer_matches};
use crate::upstream::UpstreamRequest;

/// The request body, or its extractor's failure as an answer in `shape`:
/// 413 with `too_large` (code and message) for a body over the limit, else 400.
pub(super) fn body_or_error(
    body: Result<Bytes, BytesRejection>,
    shape: Shape,
    too_large: (i64, &'static str),
) -> Result<Bytes, Rejection> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Rejection::new(shape, StatusCode::PAYLOAD_TOO_LARGE, too_large.0, too_large.1)
        } else {
            Rejection::new(shape, StatusCode::BAD_REQUEST, shape.bad_request_code(), rejection.body_text())
        }
    })
}

/// What the gateway host and the logs API answer to a body over `max_body_bytes`.
pub(super) const BODY_TOO_LARGE: (i64, &str) = (code::TOO_LARGE, "the request body is too large");

pub(super) fn path_or_error<T>(path: Result<Path<T>, PathRejection>) -> Result<T, Rejection> {
    path.map(|Path(p)| p)
        .map_err(|rejection| Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, rejection.body_text()))
}

/// The gateway's settings after the account, id, token and rate limit checks.
async fn admit(
    state: &AppState,
    account: &str,
    gateway: &str,
    headers: &HeaderMap,
) -> Result<(GatewaySettings, bool), Rejection> {
    if account != state.config.account_id
        || gateway_core::types::options::validate_gateway_id(gateway, "gateway").is_err()
    {
        return Err(Rejection::gateway_not_found());
    }
    create_default_if_asked(state, gateway, headers).await?;
    let settings = state.gateways.resolve(&state.config, gateway).ok_or_else(Rejection::gateway_not_found)?;
    let presented = headers.get(h::AUTHORIZATION).map(HeaderValue::as_bytes);
    // Cloudflare's gateway tokens are API tokens with AI Gateway
    // permissions: the account's API token authenticates every gateway too.
    let api_token = state.config.api_token.as_deref();
    let authenticated = match (&settings.token, presented) {
        (Some(token), Some(presented)) => {
            if !bearer_matches(presented, token) && !api_token.is_some_and(|api| bearer_matches(presented, api)) {
                return Err(Rejection::unauthorized());
            }
            true
        }
        (Some(_), None) => return Err(Rejection::unauthorized()),
        (None, presented) => presented.is_some(),
    };
    if let Some(limit) = settings.rate_limit {
        if !state.rate.admit(gateway, limit) {
            return Err(Rejection::gateway(StatusCode::TOO_MANY_REQUESTS, code::RATE_LIMITED, "Rate limited")
                .with_header(header::RETRY_AFTER, HeaderValue::from(limit.interval_secs)));
        }
    }
    Ok((settings, authenticated))
}

/// Creates the account's `default` gateway when a request to it presents the
/// v4 API token as its `cf-aig-authorization` and it does not exist yet
/// (`cloudflare-2026.md` §5.10: the first authenticated request creates it,
/// with authentication on). Without an API token configured nothing can
/// authenticate, and `unknown_gateways` decides as for any other id.
async fn create_default_if_asked(state: &AppState, gateway: &str, headers: &HeaderMap) -> Result<(), Rejection> {
    let (Some(token), Some(presented)) = (&state.config.api_token, headers.get(h::AUTHORIZATION)) else {
        return Ok(());
    };
    if gateway != DEFAULT_GATEWAY
        || state.gateways.existing(&state.config, gateway).is_some()
        || !bearer_matches(presented.as_bytes(), token)
    {
        return Ok(());
    }
    state.gateways.create_default(&state.config, &state.store).await.map(drop).map_err(|e| {
        Rejection::gateway(
            StatusCode::SERVICE_UNAVAILABLE,
            code::INTERNAL,
            format!("the default gateway could not be created: {}", e.reason()),
        )
    })
}

fn request_options(headers: &HeaderMap) -> Result<HeaderOptions, Rejection> {
    request_options_in(headers, Shape::Gateway)
}

/// The request's `cf-aig-*` options, or a 400 in `shape` naming the bad header.
///
/// Values are read as UTF-8: a JSON value (`cf-aig-metadata`,
/// `cf-aig-custom-cost`) may come as raw UTF-8 bytes or ASCII with
/// `\uXXXX` escapes (as gateway-core sends it), and both decode to the same
/// strings. Other bytes are refused.
pub(super) fn request_options_in(headers: &HeaderMap, shape: Shape) -> Result<HeaderOptions, Rejection> {
    if let Some((name, _)) = headers.iter().find(|(k, v)| is_gateway_header(k.as_str()) && utf8(v).is_none()) {
        return Err(Rejection::new(
            shape,
            StatusCode::BAD_REQUEST,
            code::INVALID_HEADER,
            format!("invalid header {name}: the value is not UTF-8"),
        ));
    }
    let pairs =
        headers.iter().filter(|(k, _)| is_gateway_header(k.as_str())).filter_map(|(k, v)| Some((k.as_str(), utf8(v)?)));
    HeaderOptions::parse(pairs).map_err(|e| {
        Rejection::new(
            shape,
            StatusCode::BAD_REQUEST,
            code::INVALID_HEADER,
            format!("invalid header {}: {}", e.name, e.reason),
        )
    })
}

/// A header value as UTF-8 text.
fn utf8(value: &HeaderValue) -> Option<&str> {
    std::str::from_utf8(value.as_bytes()).ok()
}

/// Checks a caller's endpoint: a relative path that cannot climb out of the
/// provider's base URL or name another host. `Err` says what is wrong.
pub(crate) fn endpoint_problem(endpoint: &str) -> Result<(), String> {
    let path = endpoint.split('?').next().unwrap_or(endpoint);
    let bad = || format!("invalid endpoint {endpoint:?}: expected a relative path");
    if path.is_empty()
        || path.starts_with('/')
        || endpoint.contains('#')
        || endpoint.chars().any(|c| c.is_control() || c == '\\')
    {
        return Err(bad());
    }
    for segment in path.split('/') {
        if !segment.contains('%') {
            // Nothing encoded: only an empty or dot segment is wrong.
            if matches!(segment, "" | "." | "..") {
                return Err(bad());
            }
            continue;
        }
        let lower = segment.to_ascii_lowercase();
        let decoded = lower.replace("%2e", ".");
        // Encoded slashes, backslashes and NULs would change the path upstream.
        if segment.is_empty()
            || decoded == "."
            || decoded == ".."
            || lower.contains("%2f")
            || lower.contains("%5c")
            || lower.contains("%00")
            // An encoded `%` could decode to any of the above one hop later.
            || lower.contains("%25")
            || encodes_control(segment)
        {
            return Err(bad());
        }
    }
    // `http:` or `https:` first: an absolute URL in disguise.
    if path.split('/').next().is_some_and(|first| first.ends_with(':')) {
        return Err(bad());
    }
    Ok(())
}

/// Whether a segment percent-encodes a control character (a header injection in
/// disguise) or a `?` or `#` (a query or fragment in disguise).
fn encodes_control(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    bytes.windows(3).any(|w| {
        w[0] == b'%'
            && std::str::from_utf8(&w[1..])
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .is_some_and(|b| b < 0x20 || b == 0x7f || b == b'?' || b == b'#')
    })
}

/// [`endpoint_problem`] as a gateway-host error answer.
pub(crate) fn check_endpoint(endpoint: &str) -> Result<(), Rejection> {
    endpoint_problem(endpoint)
        .map_err(|message| Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, &message))
}

/// A provider route's endpoint as sent (still percent-encoded), so encoded
/// separators are seen before anything decodes them. Workers AI model ids may
/// arrive with `%2F` for their slashes (as Cloudflare's SDK sends them): those are decoded.
fn raw_endpoint(uri: &Uri, provider: &str) -> Result<String, Rejection> {
    let invalid = |what: &str| Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, what);
    // `/v1/{account}/{gateway}/{provider}/{rest}`: skip four segments.
    let rest = uri.path().splitn(6, '/').nth(5).ok_or_else(|| invalid("missing endpoint"))?;
    if provider == "workers-ai" {
        let decoded = rest.replace("%2F", "/").replace("%2f", "/").replace("%40", "@");
        if decoded.contains('%')
            && (decoded.to_ascii_lowercase().contains("%2e") || decoded.to_ascii_lowercase().contains("%5c"))
        {
            return Err(invalid("invalid endpoint: encoded dots or backslashes"));
        }
        return Ok(decoded);
    }
    Ok(rest.to_owned())
}

/// The caller's headers as a provider gets them: [`forwarded_headers`] of a
/// request's own header map, whose names and values are already parsed (so
/// they are cloned, not parsed again). Values that are not visible ASCII
/// are left out: they cannot be forwarded as they are.
fn forwarded_from(headers: &HeaderMap) -> HeaderMap {
    let mut out = HeaderMap::with_capacity(headers.keys_len() + 1);
    for (name, value) in headers {
        if is_gateway_header(name.as_str()) || value.to_str().is_err() {
            continue;
        }
        let mut value = value.clone();
        // Shown as `Sensitive` by `Debug`, never indexed by HTTP/2 header compression.
        value.set_sensitive(is_credential_header(name.as_str()));
        out.insert(name.clone(), value);
    }
    if !out.contains_key(header::CONTENT_TYPE) {
        out.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    out
}

/// A universal step's `headers` (names in any case) as forwarded: parsed,
/// then [`forwarded_from`]; a name or value that is no header is a 400.
fn forwarded_headers(pairs: impl IntoIterator<Item = (String, String)>) -> Result<HeaderMap, Rejection> {
    let mut parsed = HeaderMap::new();
    for (name, value) in pairs {
        let lower = name.to_ascii_lowercase();
        if is_gateway_header(&lower) {
            continue;
        }
        let header_name = HeaderName::from_bytes(lower.as_bytes()).map_err(|_| {
            Rejection::gateway(StatusCode::BAD_REQUEST, code::INVALID_HEADER, format!("invalid header name {name:?}"))
        })?;
        let header_value = HeaderValue::from_str(&value).map_err(|_| {
            Rejection::gateway(StatusCode::BAD_REQUEST, code::INVALID_HEADER, format!("invalid value of header {name}"))
        })?;
        parsed.insert(header_name, header_value);
    }
    Ok(forwarded_from(&parsed))
}

/// `POST /v1/{account}/{gateway}`: one step or a fallback list.
pub(super) async fn universal(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (account, gateway) = path_or_error(path)?;
    let (settings, authenticated) = admit(&state, &account, &gateway, &headers).await?;
    let body = body_or_error(body, Shape::Gateway, BODY_TOO_LARGE)?;
    let options = request_options(&headers)?;
    let parsed: Value = serde_json::from_slice(&body).map_err(|e| {
        Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, format!("invalid JSON body: {e}"))
    })?;
    let items = match parsed {
        Value::Array(items) => items,
        object @ Value::Object(_) => vec![object],
        _ => {
            return Err(Rejection::gateway(
                StatusCode::BAD_REQUEST,
                code::BAD_REQUEST,
                "expected a step or an array of steps",
            ));
        }
    };
    if items.is_empty() {
        return Err(Rejection::gateway(
            StatusCode::BAD_REQUEST,
            code::BAD_REQUEST,
            "a universal request needs at least one step",
        ));
    }
    // One request may not fan out without bound: every step is an upstream call and a log.
    let max_steps = state.config.max_steps;
    if items.len() > max_steps {
        return Err(Rejection::gateway(
            StatusCode::BAD_REQUEST,
            code::BAD_REQUEST,
            format!("a universal request has {} steps, over the limit of {max_steps}", items.len()),
        ));
    }
    let mut steps = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let step: UniversalStep = serde_json::from_value(item).map_err(|e| {
            Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, format!("step {index}: {e}"))
        })?;
        steps.push(to_step(index, step)?);
    }
    let context = RequestContext::new(gateway, settings, options, authenticated, &headers, "universal");
    Ok(proxy::run(&state, &context, steps).await)
}

fn to_step(index: usize, step: UniversalStep) -> Result<Step, Rejection> {
    let invalid =
        |what: String| Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, format!("step {index}: {what}"));
    let provider = step.provider.as_str().to_owned();
    if provider.is_empty() || !provider.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(invalid(format!("invalid provider {provider:?}")));
    }
    check_endpoint(&step.endpoint)?;
    step.validate(index).map_err(|e| match &e {
        gateway_core::Error::InvalidInput { field, .. } if field.contains(".headers.") => {
            Rejection::gateway(StatusCode::BAD_REQUEST, code::INVALID_HEADER, e.to_string())
        }
        _ => Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, format!("step {index}: {e}")),
    })?;
    let wire: Vec<(String, String)> =
        step.headers.iter().filter_map(|(k, v)| v.to_wire().map(|w| (k.to_owned(), w))).collect();
    let step_options = HeaderOptions::parse(wire.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(|e| {
        Rejection::gateway(
            StatusCode::BAD_REQUEST,
            code::INVALID_HEADER,
            format!("step {index}: invalid header {}: {}", e.name, e.reason),
        )
    })?;
    let forwarded = forwarded_headers(wire.clone())?;
    let endpoint = normalize_endpoint(&provider, &step.endpoint);
    Ok(Step {
        provider,
        endpoint,
        method: Method::POST,
        headers: forwarded,
        body: Bytes::from(serde_json::to_vec(&step.query).unwrap_or_default()),
        options: step_options,
        config: step.config,
        route: None,
        model: std::sync::OnceLock::new(),
    })
}

/// A caller's endpoint as a path under the provider's base URL, the one
/// place that maps what clients send onto it: Workers AI is served at
/// `/workers-ai/{model}` and `/workers-ai/run/{model}` (both reach the
/// model); a provider whose base URL ends in its API version
/// ([`base_version`]: OpenAI's `.../v1`, Groq's `.../openai/v1`) also takes
/// that version again in front of the endpoint (`v1/chat/completions`, as
/// Cloudflare's `ai-gateway-provider` sends it), which must not reach the
/// upstream as `/v1/v1/...`.
fn normalize_endpoint(provider: &str, endpoint: &str) -> String {
    let endpoint = endpoint.trim_start_matches('/');
    if provider == "workers-ai" {
        if let Some(model) = endpoint.strip_prefix("run/") {
            return model.to_owned();
        }
    }
    if let Some(rest) = base_version(provider).and_then(|v| endpoint.strip_prefix(v)?.strip_prefix('/')) {
        return rest.to_owned();
    }
    endpoint.to_owned()
}

/// The API version a published provider's base URL ends in (`v1` of
/// `https://api.openai.com/v1`), if it ends in one (`v` and digits).
fn base_version(provider: &str) -> Option<&'static str> {
    let base = gateway_core::provider::ProviderInfo::of(provider)?.base_url.trim_end_matches('/');
    let last = &base[base.rfind('/')? + 1..];
    let digits = last.strip_prefix('v')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(last)
}

/// `/v1/{account}/{gateway}/{provider}/{rest}`: a provider-native request, or compat.
pub(super) async fn provider(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    path: Result<Path<(String, String, String, String)>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (account, gateway, provider, rest) = path_or_error(path)?;
    let (settings, authenticated) = admit(&state, &account, &gateway, &headers).await?;
    let body = body_or_error(body, Shape::Gateway, BODY_TOO_LARGE)?;
    let options = request_options(&headers)?;
    if provider == "compat" {
        return compat(&state, settings, authenticated, gateway, options, &rest, &headers, body).await;
    }
    if !provider.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(Rejection::gateway(
            StatusCode::BAD_REQUEST,
            code::UNKNOWN_PROVIDER,
            format!("unknown provider {provider:?}"),
        ));
    }
    let raw = raw_endpoint(&uri, &provider)?;
    let endpoint = match query.as_deref() {
        Some(q) if !q.is_empty() => format!("{raw}?{q}"),
        _ => raw,
    };
    check_endpoint(&endpoint)?;
    let forwarded = forwarded_from(&headers);
    let step = Step {
        endpoint: normalize_endpoint(&provider, &endpoint),
        provider,
        method,
        headers: forwarded,
        body,
        options: HeaderOptions::default(),
        config: None,
        route: None,
        model: std::sync::OnceLock::new(),
    };
    let context = RequestContext::new(gateway, settings, options, authenticated, &headers, "provider");
    Ok(proxy::run(&state, &context, vec![step]).await)
}

/// The chat endpoint each provider serves OpenAI's format at (the provider table's `compat_path`).
fn compat_endpoint(provider: &str) -> Option<&'static str> {
    gateway_core::provider::ProviderInfo::of(provider)?.compat_path
}

#[allow(clippy::too_many_arguments, reason = "the pieces of one request, passed through once")]
async fn compat(
    state: &Arc<AppState>,
    settings: GatewaySettings,
    authenticated: bool,
    gateway: String,
    options: HeaderOptions,
    rest: &str,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<Response, Rejection> {
    if rest != "chat/completions" {
        return Err(Rejection::no_route_in(Shape::Gateway));
    }
    let bad_format = |message: &str| Rejection::gateway(StatusCode::BAD_REQUEST, code::COMPAT_BAD_FORMAT, message);
    let mut parsed: Value = serde_json::from_slice(&body).map_err(|_| bad_format("Chat completion bad format"))?;
    let model =
        parsed.get("model").and_then(Value::as_str).ok_or_else(|| bad_format("Chat completion bad format"))?.to_owned();
    let Some((provider, bare_model)) = model.split_once('/') else {
        return Err(bad_format(
            "Chat completion bad format: the model needs a provider prefix, e.g. openai/gpt-4o-mini",
        ));
    };
    if provider == "dynamic" {
        let Value::Object(body) = parsed else { return Err(bad_format("Chat completion bad format")) };
        let context = RequestContext::new(gateway, settings, options, authenticated, headers, "compat");
        let request = proxy::route::RouteRequest { name: bare_model, body, headers };
        return Ok(proxy::route::run(state, &context, request).await);
    }
    let endpoint = compat_endpoint(provider).ok_or_else(|| {
        Rejection::gateway(
            StatusCode::BAD_REQUEST,
            code::UNKNOWN_PROVIDER,
            format!("provider `{provider}` has no OpenAI-compatible endpoint"),
        )
    })?;
    parsed["model"] = Value::String(bare_model.to_owned());
    let forwarded = forwarded_from(headers);
    let step = Step {
        provider: provider.to_owned(),
        endpoint: endpoint.to_owned(),
        method: Method::POST,
        headers: forwarded,
        body: Bytes::from(serde_json::to_vec(&parsed).unwrap_or_default()),
        options: HeaderOptions::default(),
        config: None,
        route: None,
        model: std::sync::OnceLock::new(),
    };
    let mut extra_headers = Vec::new();
    for (name, value) in [(h::MODEL, bare_model), (h::PROVIDER, provider)] {
        if let Ok(value) = HeaderValue::from_str(value) {
            extra_headers.push((HeaderName::from_static(name), value));
        }
    }
    let mut context = RequestContext::new(gateway, settings, options, authenticated, headers, "compat");
    context.extra_headers = extra_headers;
    Ok(proxy::run(state, &context, vec![step]).await)
}

/// `POST /client/v4/accounts/{account}/ai/run/{model}`: Workers AI without a gateway (not logged).
pub(super) async fn workers_ai_direct(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let v4_bad = |message: &str| Rejection::api(StatusCode::BAD_REQUEST, code::INVALID_PARAMETER, message);
    let (account, model) = path.map(|Path(p)| p).map_err(|r| v4_bad(&r.body_text()))?;
    super::logs::check_api_token(&state, &account, &headers)?;
    let body = body_or_error(body, Shape::Api, (code::REQUEST_TOO_LARGE, "Request too large"))?;
    endpoint_problem(&model).map_err(|m| v4_bad(&m))?;
    let request = UpstreamRequest {
        provider: "workers-ai".to_owned(),
        endpoint: model,
        method: Method::POST,
        headers: forwarded_from(&headers),
        body,
    };
    // Bounded like every forwarded request: no upstream holds it forever.
    let timeout = std::time::Duration::from_millis(state.config.upstream_timeout_ms);
    let sent = tokio::time::timeout(timeout, state.upstream.send(request, Some(timeout)))
        .await
        .unwrap_or(Err(crate::upstream::UpstreamError::Timeout));
    match sent {
        Ok(answer) => {
            let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_GATEWAY);
            let mut response = match answer.body {
                crate::upstream::UpstreamBody::Full(bytes) => (status, bytes).into_response(),
                crate::upstream::UpstreamBody::Stream(stream) => {
                    use futures::StreamExt as _;
                    let idle = std::time::Duration::from_millis(state.config.stream_idle_timeout_ms);
                    let body =
                        crate::upstream::idle_bounded(stream, idle).map(|chunk| chunk.map_err(std::io::Error::other));
                    (status, axum::body::Body::from_stream(body)).into_response()
                }
            };
            if let Some(content_type) = answer.headers.get(header::CONTENT_TYPE) {
                response.headers_mut().insert(header::CONTENT_TYPE, content_type.clone());
            }
            Ok(response)
        }
        Err(e) => Err(Rejection::api(StatusCode::BAD_GATEWAY, code::UPSTREAM_FAILED, e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versioned_bases_take_their_version_once() {
        let versioned: Vec<&str> =
            gateway_core::provider::PROVIDERS.iter().filter_map(|p| base_version(p.slug).map(|_| p.slug)).collect();
        assert_eq!(versioned, ["openai", "groq"]);
        for (provider, sent, kept) in [
            ("openai", "v1/chat/completions", "chat/completions"),
            ("openai", "/v1/responses?x=1", "responses?x=1"),
            ("openai", "chat/completions", "chat/completions"),
            ("openai", "v10/chat", "v10/chat"),
            ("groq", "v1/chat/completions", "chat/completions"),
            ("mistral", "v1/chat/completions", "v1/chat/completions"),
            ("workers-ai", "run/@cf/m", "@cf/m"),
            ("workers-ai", "v1/chat/completions", "v1/chat/completions"),
        ] {
            assert_eq!(normalize_endpoint(provider, sent), kept, "{provider} {sent}");
        }
    }

    #[test]
    fn endpoints_cannot_escape() {
        for ok in [
            "chat/completions",
            "@cf/meta/llama-3.1-8b-instruct",
            "v1/models/gemini:generateContent?alt=sse",
            "run/@cf/a/b",
        ] {
            assert!(check_endpoint(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "/abs",
            "../x",
            "a/../b",
            "a//b",
            "%2e%2e/x",
            "a%2fb",
            "http://evil.example/x",
            "https:/x",
            "a\\b",
            "x#y",
        ] {
            assert!(check_endpoint(bad).is_err(), "{bad}");
        }
    }
}
