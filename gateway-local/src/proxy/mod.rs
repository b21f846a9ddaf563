//! The request engine: for each step in order, the cache, then attempts with
//! retries and backoff, then the next step; every step tried is logged.
//!
//! - `mod.rs`: steps, attempts, retries, fallbacks and the answer.
//! - [`stream`]: passing a stream on, with its provisional and final log.
//! - [`record`]: what a log records of an answer (and of an abandoned request).
//! - [`accounting`]: model names, token usage, prices and cost.
//! - [`route`]: running a dynamic route (`dynamic/{name}`) over the engine's steps.
//! - [`keys`]: provider credentials a request does not bring (stored keys,
//!   `byok_only`, `cf-aig-no-wholesale`), for every step before any is sent.

pub(crate) mod accounting;
mod keys;
mod record;
pub(crate) mod route;
mod stream;

pub(crate) use self::record::new_id;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use gateway_core::types::headers as h;

use crate::cache::{self, Cached};
use crate::config::GatewaySettings;
use crate::credentials;
use crate::error::{Rejection, Shape, code};
use crate::options::{Effective, HeaderOptions};
use crate::state::AppState;
use crate::telemetry::{AttemptSpan, RequestTrace, StepDone};
use crate::upstream::{UpstreamBody, UpstreamError, UpstreamRequest};
use gateway_core::types::otel::operation_name;

use futures::StreamExt as _;
use futures::stream::BoxStream;

use self::record::{AbandonedLog, log_record, logged_answer};
use self::stream::{SentCopy, StreamRecorder, split_events, stream_through};

/// One provider request to try.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub(crate) provider: String,
    /// Relative path after the provider's base URL (query string included).
    pub(crate) endpoint: String,
    pub(crate) method: Method,
    /// Headers for the provider (credentials); `cf-aig-*` ones already taken out.
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// Step-level `cf-aig-*` options.
    pub(crate) options: HeaderOptions,
    pub(crate) config: Option<gateway_core::StepConfig>,
    /// The dynamic route this step is a model node of, and the path to it.
    pub(crate) route: Option<Arc<gateway_core::RouteTrace>>,
    /// The model the step names, worked out once ([`Step::model`]).
    pub(crate) model: std::sync::OnceLock<String>,
}

impl Step {
    /// The model the step names (its body's `model`, else from its
    /// endpoint; empty when neither names one), read from the body once.
    pub(crate) fn model(&self) -> &str {
        self.model.get_or_init(|| accounting::model_of(&self.provider, &self.endpoint, &self.body))
    }
}

/// What a request arrived with.
#[derive(Debug, Clone)]
pub(crate) struct RequestContext {
    pub(crate) gateway: String,
    pub(crate) settings: GatewaySettings,
    pub(crate) options: HeaderOptions,
    pub(crate) authenticated: bool,
    /// Digest of the gateway token presented, if any (for the cache's caller scope).
    pub(crate) gateway_token: Option<[u8; 32]>,
    pub(crate) user_agent: Option<String>,
    /// `universal`, `provider` or `compat`.
    pub(crate) kind: &'static str,
    /// Whether to answer with `cf-aig-step`.
    pub(crate) universal: bool,
    /// Extra response headers; they win over the engine's own (a route that
    /// knows the model by another name, e.g. a catalog name, says so here).
    pub(crate) extra_headers: Vec<(HeaderName, HeaderValue)>,
    /// The shape of the gateway's own error answers (the gateway host's,
    /// unless the request came through the REST API).
    pub(crate) shape: Shape,
    /// `cf-aig-request-id`: a `UUIDv7` minted when the request arrives, also
    /// the log id of its first step (see [`step_log_id`]).
    pub(crate) request_id: String,
    /// Whether it came through an OpenAI-compatible endpoint (`/compat`,
    /// the REST API's `/ai/v1/...`), as its log says.
    pub(crate) compatibility_mode: bool,
    /// The caller's trace this request continues, and the request's span.
    pub(crate) trace: Arc<RequestTrace>,
}

impl RequestContext {
    /// A request to `gateway` of `kind` (`universal`, `provider` or `compat`),
    /// with what its headers say of the caller.
    pub(crate) fn new(
        gateway: String,
        settings: GatewaySettings,
        options: HeaderOptions,
        authenticated: bool,
        headers: &HeaderMap,
        kind: &'static str,
    ) -> Self {
        let trace = Arc::new(RequestTrace::of(headers, &options));
        Self {
            gateway,
            settings,
            options,
            authenticated,
            gateway_token: credentials::gateway_token_digest(headers),
            user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned),
            kind,
            universal: kind == "universal",
            extra_headers: Vec::new(),
            shape: Shape::Gateway,
            request_id: new_id(),
            compatibility_mode: kind == "compat",
            trace,
        }
    }
}

/// The log id of step `index` of a request.
///
/// Unconfirmed in the spec (§4.1: multi-step is undocumented): we chose that
/// the first step's log carries the request id, so a single-step request has
/// `cf-aig-request-id` = `cf-aig-log-id` = `cf-aig-event-id` as documented;
/// each later step (a universal fallback) gets a fresh `UUIDv7`, and the answer's
/// `cf-aig-log-id` names the log of the step that answered while
/// `cf-aig-request-id` (and the default `cf-aig-event-id`) stays the request's.
fn step_log_id(request_id: &str, index: usize) -> String {
    if index == 0 { request_id.to_owned() } else { new_id() }
}

/// What an answer's report headers say of the step that answered.
struct Report<'a> {
    index: usize,
    log_id: Option<&'a str>,
    cached: bool,
    provider: &'a str,
    /// The model as logged (empty when the request names none).
    model: &'a str,
}

/// A whole answer.
#[derive(Debug, Clone)]
struct WholeAnswer {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
}

/// How one step ended.
enum StepOutcome {
    /// A whole answer (success or not), from the upstream or the cache.
    Answer {
        response: WholeAnswer,
        cached: bool,
    },
    /// A successful stream whose first chunk has arrived: no fallback past this point.
    Streaming {
        status: u16,
        headers: HeaderMap,
        first: Bytes,
        rest: BoxStream<'static, Result<Bytes, UpstreamError>>,
    },
    Failed(UpstreamError),
}

fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

fn retryable(outcome: &StepOutcome) -> bool {
    match outcome {
        StepOutcome::Answer { response, .. } => response.status == 429 || response.status >= 500,
        StepOutcome::Streaming { .. }
        | StepOutcome::Failed(UpstreamError::UnknownProvider(_) | UpstreamError::TooLarge(_)) => false,
        StepOutcome::Failed(_) => true,
    }
}

/// The caller's headers for a provider that has no credential of the
/// caller's (a REST API request, authenticated with the API token, which is
/// never a provider key; a dynamic route's model node): less every
/// credential header and the gateway's own `cf-aig-*` headers; plus the
/// headers the provider always needs (`anthropic-version`) when absent.
pub(crate) fn provider_headers(headers: &HeaderMap, provider: &gateway_core::provider::ProviderInfo) -> HeaderMap {
    let mut out = HeaderMap::new();
    for (name, value) in headers {
        let lower = name.as_str();
        if crate::options::is_gateway_header(lower)
            || credentials::is_credential_header(lower)
            || lower == "host"
            || lower == "content-length"
        {
            continue;
        }
        out.append(name.clone(), value.clone());
    }
    for (name, value) in provider.fixed_headers {
        if let (Ok(name), false) = (HeaderName::from_bytes(name.as_bytes()), out.contains_key(*name)) {
            out.insert(name, HeaderValue::from_static(value));
        }
    }
    // The body is re-encoded as JSON whatever the caller declared.
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    out
}

/// How one step ended, for whoever decides what comes next (the next
/// universal step, or a route's fallback edge).
pub(crate) enum Tried {
    /// A success, or a stream under way: the request's answer.
    Answered(Response),
    /// A failure; its answer is the request's if nothing else is tried.
    Failed(Response),
}

impl Tried {
    /// The answer, success or not.
    pub(crate) fn into_response(self) -> Response {
        match self {
            Self::Answered(response) | Self::Failed(response) => response,
        }
    }
}

/// What the steps of one request share.
pub(crate) struct Attempts {
    /// Upstream attempts this request may still make, retries included: one
    /// request never fans out into more calls (and logs) than `max_steps`.
    left: usize,
    /// Why a log of this request could not be written, for the answer's header.
    log_error: Option<&'static str>,
}

impl Attempts {
    /// The budget of a new request.
    pub(crate) fn new(state: &AppState) -> Self {
        Self { left: state.config.max_steps, log_error: None }
    }

    /// Whether no upstream attempt is left.
    pub(crate) fn exhausted(&self) -> bool {
        self.left == 0
    }
}

/// Runs steps in order and answers with the first success (or the last failure).
pub(crate) async fn run(state: &Arc<AppState>, context: &RequestContext, mut steps: Vec<Step>) -> Response {
    let count = steps.len();
    // Credentials first, for every step: nothing is forwarded if one is refused.
    if let Err(refused) = keys::apply_all(state, context, &mut steps) {
        return refused.into_response();
    }
    // Spend limits next, for every step: nothing is sent if one is over budget.
    if let Err(refused) = crate::spend::check_steps(state, context, &steps).await {
        return refused.into_response();
    }
    let mut attempts = Attempts::new(state);
    for (index, step) in steps.into_iter().enumerate() {
        match Box::pin(try_step(state, context, step, index, &mut attempts)).await {
            Tried::Failed(answer) if index + 1 < count && !attempts.exhausted() => drop(answer),
            tried => return tried.into_response(),
        }
    }
    Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, "a universal request needs at least one step")
        .into_response()
}

/// One step of a request that was not checked with the others (a route's
/// model node): its credentials and spend limits, then [`try_step`]. A step
/// over a spend limit fails like any other, so a route's fallback takes over
/// (Cloudflare's documented alternative to blocking, `cloudflare-2026.md` §5.1).
pub(crate) async fn try_single_step(
    state: &Arc<AppState>,
    context: &RequestContext,
    mut step: Step,
    index: usize,
    attempts: &mut Attempts,
) -> Tried {
    if let Err(refused) = keys::apply_all(state, context, std::slice::from_mut(&mut step)) {
        return Tried::Failed(refused.into_response());
    }
    if let Err(refused) = crate::spend::check_step(state, context, &step).await {
        return Tried::Failed(refused.into_response());
    }
    Box::pin(try_step(state, context, step, index, attempts)).await
}

/// Step `index` of a request: the cache, then attempts with retries, its
/// log, and the answer it would give.
///
/// Its callers box it: its future is large (the state of every await in
/// it: the attempt, the cache, the store, a stream's recorder), and boxed
/// only a pointer moves through the router's layers, which otherwise copied
/// it several times per request (about 14 k instructions of `memcpy` per
/// request, by callgrind).
async fn try_step(
    state: &Arc<AppState>,
    context: &RequestContext,
    step: Step,
    index: usize,
    attempts: &mut Attempts,
) -> Tried {
    let upstream_timeout = Duration::from_millis(state.config.upstream_timeout_ms);
    let options = context.options.overlay(&step.options);
    let mut effective = Effective::resolve(&context.settings, &options, step.config.as_ref());
    // No upstream holds a request forever: the request's own timeout, within the gateway's.
    effective.timeout = Some(effective.timeout.map_or(upstream_timeout, |t| t.min(upstream_timeout)));
    let started = Instant::now();
    let cache_key = effective.cacheable().then(|| cache_key(context, &step, &effective));
    let step_index = context.universal.then_some(index);
    let step_log_id = step_log_id(&context.request_id, index);
    let model = step.model().to_owned();
    let operation = operation_name(&step.endpoint);
    state.telemetry.request_started(context, operation, &model);
    let mut attempt_span = None;
    let outcome = match cache_key.as_deref().and_then(|k| state.cache.get(k)) {
        Some(hit) => StepOutcome::Answer { response: from_cache(hit), cached: true },
        None => {
            // If the caller leaves before the answer, the attempt is
            // cancelled; this guard still logs it.
            let mut abandoned = AbandonedLog {
                state,
                context,
                step: &step,
                effective: &effective,
                started,
                index: step_index,
                log_id: &step_log_id,
                armed: effective.collect_log,
            };
            let (outcome, span) = attempt(state, context, &step, &model, &effective, &mut attempts.left).await;
            abandoned.armed = false;
            attempt_span = span;
            outcome
        }
    };
    if let StepOutcome::Streaming { status, headers, first, rest } = outcome {
        // Committed: the first byte is going out, so no later step can take over.
        let provider = step.provider.clone();
        let mut finish = StreamRecorder {
            state: Arc::clone(state),
            context: context.clone(),
            step,
            effective: effective.clone(),
            started,
            index: step_index,
            cache_key,
            status,
            content_type: headers.get(header::CONTENT_TYPE).cloned(),
            log_id: step_log_id,
            done: false,
            completion: None,
            copy: SentCopy::new(state.config.max_stored_body_bytes),
            encoded: headers.contains_key(header::CONTENT_ENCODING),
            log_error: None,
            attempt_span,
        };
        let log_id = finish.log_start(&first).await;
        let log_error = finish.log_error.or(attempts.log_error);
        let idle = Duration::from_millis(state.config.stream_idle_timeout_ms);
        let body = stream_through(first, rest, finish, idle);
        let mut response =
            (StatusCode::from_u16(status).unwrap_or(StatusCode::OK), axum::body::Body::from_stream(body))
                .into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, content_type_or_sse(&headers));
        if let Some(encoding) = headers.get(header::CONTENT_ENCODING) {
            response.headers_mut().insert(header::CONTENT_ENCODING, encoding.clone());
        }
        let report = Report { index, log_id: log_id.as_deref(), cached: false, provider: &provider, model: &model };
        return Tried::Answered(with_log_error(decorate(response, context, &report, &effective), log_error));
    }
    if let Some(key) = &cache_key {
        keep_in_cache(state, key, &outcome, effective.cache_ttl);
    }
    // Built whether logged or not: telemetry counts every step.
    let mut record = log_record(state, context, &step, &effective, logged_answer(&outcome), started, step_index);
    record.id.clone_from(&step_log_id);
    let done = StepDone::of(&record);
    let log_id = if effective.collect_log {
        let id = step_log_id;
        match state.store.insert(record, context.settings.log_limit()).await {
            Ok(stored) => stored.then(|| {
                state.log_feed.publish(&context.gateway, &id);
                id
            }),
            // The answer is in hand and goes out; the store has counted
            // and reported the failure (`/health`), the header tells the client.
            Err(e) => {
                attempts.log_error = Some(e.reason());
                None
            }
        }
    } else {
        None
    };
    state.telemetry.step_done(context, &done, log_id.as_deref(), attempt_span);
    let succeeded = matches!(&outcome, StepOutcome::Answer { response, .. } if is_success(response.status));
    trace_step(context, &step, &options, index, succeeded);
    let report = Report { index, log_id: log_id.as_deref(), cached: false, provider: &step.provider, model: &model };
    let response = with_log_error(answer(context, outcome, report, &effective), attempts.log_error);
    if succeeded { Tried::Answered(response) } else { Tried::Failed(response) }
}

/// Caches a fresh successful whole answer for `ttl` seconds; encoded answers
/// the gateway could not decode are not kept (the cache stores no encoding).
fn keep_in_cache(state: &AppState, key: &str, outcome: &StepOutcome, ttl: u64) {
    let StepOutcome::Answer { response, cached: false } = outcome else { return };
    if is_success(response.status) && !response.headers.contains_key(header::CONTENT_ENCODING) {
        let content_type = response.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let entry = Cached { status: response.status, content_type, body: response.body.clone() };
        state.cache.put(key.to_owned(), entry, Duration::from_secs(ttl));
    }
}

/// Reports a step done to the process's log, with the caller's trace ids
/// (`cf-aig-otel-*`) and `cf-aig-zdr`, which have no other effect locally.
fn trace_step(context: &RequestContext, step: &Step, options: &HeaderOptions, index: usize, succeeded: bool) {
    tracing::debug!(
        gateway = %context.gateway,
        provider = %step.provider,
        step = index,
        succeeded,
        request_id = %context.request_id,
        otel_trace_id = options.otel_trace_id.as_deref(),
        otel_parent_span_id = options.otel_parent_span_id.as_deref(),
        zdr = options.zdr,
        "step done"
    );
}

/// Header of an answer whose log could not be written: a short reason
/// (`database full`, `database busy`, ...).
pub(crate) const LOG_ERROR_HEADER: &str = "x-gateway-local-log-error";

fn with_log_error(mut response: Response, log_error: Option<&'static str>) -> Response {
    if let Some(reason) = log_error {
        response.headers_mut().insert(LOG_ERROR_HEADER, HeaderValue::from_static(reason));
    }
    response
}

fn content_type_or_sse(headers: &HeaderMap) -> HeaderValue {
    headers.get(header::CONTENT_TYPE).cloned().unwrap_or_else(|| HeaderValue::from_static("text/event-stream"))
}

/// The cache key of a step: scoped to the caller's credentials unless the
/// gateway shares answers (`cache_shared`); credential values in the
/// endpoint count as credentials, not as part of the request.
pub(crate) fn cache_key(context: &RequestContext, step: &Step, effective: &Effective) -> String {
    let caller = (!context.settings.cache_shared).then(|| {
        credentials::caller_digest(&step.headers, &step.endpoint, context.gateway_token.as_ref().map(|d| &d[..]))
    });
    let endpoint = credentials::redact_endpoint(&step.endpoint);
    cache::key(cache::KeyParts {
        gateway: &context.gateway,
        method: step.method.as_str(),
        provider: &step.provider,
        endpoint: &endpoint,
        body: &step.body,
        custom: effective.cache_key.as_deref(),
        caller: caller.as_ref(),
    })
}

/// The gateway's answer to an upstream failure: status, code and message
/// (which never names the upstream's URL).
fn failure(error: &UpstreamError) -> (StatusCode, i64, String) {
    match error {
        UpstreamError::Timeout => {
            (StatusCode::GATEWAY_TIMEOUT, code::UPSTREAM_FAILED, "the upstream request timed out".to_owned())
        }
        UpstreamError::UnknownProvider(p) => {
            (StatusCode::BAD_REQUEST, code::UNKNOWN_PROVIDER, format!("unknown provider `{p}`"))
        }
        UpstreamError::Connection(e) => {
            (StatusCode::BAD_GATEWAY, code::UPSTREAM_FAILED, format!("the upstream connection failed: {e}"))
        }
        UpstreamError::TooLarge(limit) => (
            StatusCode::BAD_GATEWAY,
            code::UPSTREAM_FAILED,
            format!("the upstream answer is larger than the gateway's limit of {limit} bytes (max_response_bytes)"),
        ),
    }
}

/// What an attempt's span says of its outcome: the status, or the kind of failure.
fn answered(outcome: &StepOutcome) -> Result<u16, &'static str> {
    match outcome {
        StepOutcome::Answer { response, .. } => Ok(response.status),
        StepOutcome::Streaming { status, .. } => Ok(*status),
        StepOutcome::Failed(UpstreamError::Timeout) => Err("timeout"),
        StepOutcome::Failed(UpstreamError::Connection(_)) => Err("connection"),
        StepOutcome::Failed(UpstreamError::UnknownProvider(_)) => Err("unknown_provider"),
        StepOutcome::Failed(UpstreamError::TooLarge(_)) => Err("too_large"),
    }
}

fn from_cache(hit: Cached) -> WholeAnswer {
    let mut headers = HeaderMap::new();
    if let Some(value) = hit.content_type.and_then(|t| HeaderValue::from_str(&t).ok()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    WholeAnswer { status: hit.status, headers, body: hit.body }
}

/// Tries a step up to its attempts, waiting per its backoff between tries.
/// A stream counts as answered once its first chunk arrives within the timeout.
/// The last attempt's span (of `model`) is still open: its step's outcome ends it.
async fn attempt(
    state: &Arc<AppState>,
    context: &RequestContext,
    step: &Step,
    model: &str,
    effective: &Effective,
    attempts_left: &mut usize,
) -> (StepOutcome, Option<AttemptSpan>) {
    let max_response = state.config.max_response_bytes;
    let operation = operation_name(&step.endpoint);
    let mut tries: u32 = 0;
    loop {
        tries += 1;
        let mut span = state.telemetry.attempt(context, &step.provider, operation, model, tries);
        *attempts_left = attempts_left.saturating_sub(1);
        let request = UpstreamRequest {
            provider: step.provider.clone(),
            endpoint: step.endpoint.clone(),
            method: step.method.clone(),
            headers: step.headers.clone(),
            body: step.body.clone(),
        };
        let deadline = effective.timeout.map(|t| tokio::time::Instant::now() + t);
        let sent = match deadline {
            // The whole answer (or a stream's head) within the deadline, whatever the upstream does.
            Some(deadline) => tokio::time::timeout_at(deadline, state.upstream.send(request, effective.timeout))
                .await
                .unwrap_or(Err(UpstreamError::Timeout)),
            None => state.upstream.send(request, effective.timeout).await,
        };
        let outcome = match sent {
            Ok(response) => match response.body {
                UpstreamBody::Full(body) if body.len() > max_response => {
                    StepOutcome::Failed(UpstreamError::TooLarge(max_response))
                }
                UpstreamBody::Full(body) => StepOutcome::Answer {
                    response: WholeAnswer { status: response.status, headers: response.headers, body },
                    cached: false,
                },
                UpstreamBody::Stream(mut rest) if is_success(response.status) => {
                    let first = match deadline {
                        Some(deadline) => tokio::time::timeout_at(deadline, rest.next())
                            .await
                            .unwrap_or(Some(Err(UpstreamError::Timeout))),
                        None => rest.next().await,
                    };
                    match first {
                        Some(Ok(first)) => {
                            StepOutcome::Streaming { status: response.status, headers: response.headers, first, rest }
                        }
                        Some(Err(e)) => StepOutcome::Failed(e),
                        None => StepOutcome::Answer {
                            response: WholeAnswer {
                                status: response.status,
                                headers: response.headers,
                                body: Bytes::new(),
                            },
                            cached: false,
                        },
                    }
                }
                UpstreamBody::Stream(_) => {
                    let status = response.status;
                    let headers = response.headers.clone();
                    let whole = response.into_bytes(max_response);
                    let whole = match deadline {
                        Some(deadline) => {
                            tokio::time::timeout_at(deadline, whole).await.unwrap_or(Err(UpstreamError::Timeout))
                        }
                        None => whole.await,
                    };
                    match whole {
                        Ok(body) => {
                            StepOutcome::Answer { response: WholeAnswer { status, headers, body }, cached: false }
                        }
                        Err(e) => StepOutcome::Failed(e),
                    }
                }
            },
            Err(e) => StepOutcome::Failed(e),
        };
        if let Some(span) = &mut span {
            span.answered(answered(&outcome));
        }
        let done = match &outcome {
            StepOutcome::Answer { response, .. } => is_success(response.status),
            StepOutcome::Streaming { .. } => true,
            StepOutcome::Failed(_) => false,
        };
        if done || !retryable(&outcome) || tries >= u32::from(effective.max_attempts) || *attempts_left == 0 {
            return (outcome, span);
        }
        tokio::time::sleep(effective.delay_before(tries).max(retry_after(&outcome))).await;
    }
}

/// The wait an upstream asked for with `retry-after` (seconds), capped at the
/// longest configurable retry delay: a provider's hint may lengthen the
/// configured spacing, never shorten it, and never stall a step for minutes.
fn retry_after(outcome: &StepOutcome) -> Duration {
    let StepOutcome::Answer { response, cached: false } = outcome else { return Duration::ZERO };
    response
        .headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(Duration::ZERO, |s| {
            let cap = Duration::from_millis(gateway_core::types::options::MAX_RETRY_DELAY_MS);
            Duration::try_from_secs_f64(s).map_or(cap, |d| d.min(cap))
        })
}

fn answer(context: &RequestContext, outcome: StepOutcome, mut report: Report<'_>, effective: &Effective) -> Response {
    let (response, cached) = match outcome {
        StepOutcome::Answer { response, cached } => {
            let status = StatusCode::from_u16(response.status).unwrap_or(StatusCode::BAD_GATEWAY);
            let content_type = response
                .headers
                .get(header::CONTENT_TYPE)
                .cloned()
                .unwrap_or_else(|| HeaderValue::from_static("application/json"));
            let is_sse = content_type.to_str().is_ok_and(|t| t.starts_with("text/event-stream"));
            let mut out = if is_sse && cached {
                // A cached stream is replayed as a stream, one event per chunk.
                let events: Vec<Result<Bytes, std::io::Error>> =
                    split_events(&response.body).into_iter().map(Ok).collect();
                (status, axum::body::Body::from_stream(futures::stream::iter(events))).into_response()
            } else {
                (status, response.body).into_response()
            };
            out.headers_mut().insert(header::CONTENT_TYPE, content_type);
            // An encoding the gateway did not decode travels with the body it describes.
            for name in [header::RETRY_AFTER, header::CONTENT_ENCODING] {
                if let Some(value) = response.headers.get(&name) {
                    out.headers_mut().insert(name, value.clone());
                }
            }
            (out, cached)
        }
        StepOutcome::Failed(error) => {
            let (status, code, message) = failure(&error);
            (Rejection::new(context.shape, status, code, message).into_response(), false)
        }
        StepOutcome::Streaming { .. } => {
            let unexpected = Rejection::new(
                context.shape,
                StatusCode::INTERNAL_SERVER_ERROR,
                code::UPSTREAM_FAILED,
                "unexpected stream",
            );
            (unexpected.into_response(), false)
        }
    };
    report.cached = cached;
    decorate(response, context, &report, effective)
}

/// Adds the gateway's report headers to an answer: the ids (§4.1), the
/// cache status, the step, and the model and provider that answered; a
/// route's [`extra_headers`](RequestContext::extra_headers) win.
fn decorate(mut response: Response, context: &RequestContext, report: &Report<'_>, effective: &Effective) -> Response {
    let headers = response.headers_mut();
    let mut set = |name: &'static str, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    };
    if let Some(id) = report.log_id {
        set(h::LOG_ID, id);
    }
    set(h::REQUEST_ID, &context.request_id);
    // A caller's event id comes back as sent; else the request id (§4.1).
    set(h::EVENT_ID, effective.event_id.as_deref().unwrap_or(&context.request_id));
    set(h::CACHE_STATUS, if report.cached { "HIT" } else { "MISS" });
    if context.universal {
        set(h::STEP, &report.index.to_string());
    }
    if !report.model.is_empty() {
        set(h::MODEL, report.model);
    }
    set(h::PROVIDER, report.provider);
    for (name, value) in &context.extra_headers {
        headers.insert(name.clone(), value.clone());
    }
    response
}
