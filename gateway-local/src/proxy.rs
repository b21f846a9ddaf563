//! The request engine: for each step in order, the cache, then attempts with
//! retries and backoff, then the next step; every step tried is logged.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use gateway_core::CustomCost;
use gateway_core::types::headers as h;
use serde_json::Value;

use crate::cache::{self, Cached};
use crate::config::GatewaySettings;
use crate::credentials;
use crate::error::{Rejection, code};
use crate::options::{Effective, HeaderOptions};
use crate::state::{AppState, Completion};
use crate::store::LogRecord;
use crate::upstream::{UpstreamBody, UpstreamError, UpstreamRequest};

use futures::StreamExt as _;
use futures::stream::BoxStream;

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
    /// Extra response headers (`cf-aig-model`, `cf-aig-provider` on compat).
    pub(crate) extra_headers: Vec<(HeaderName, HeaderValue)>,
}

/// A whole answer.
#[derive(Debug, Clone)]
struct Whole {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
}

/// How one step ended.
enum Outcome {
    /// A whole answer (success or not), from the upstream or the cache.
    Answer {
        response: Whole,
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

fn retryable(outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Answer { response, .. } => response.status == 429 || response.status >= 500,
        Outcome::Streaming { .. } | Outcome::Failed(UpstreamError::UnknownProvider(_) | UpstreamError::TooLarge(_)) => {
            false
        }
        Outcome::Failed(_) => true,
    }
}

/// Runs steps in order and answers with the first success (or the last failure).
pub(crate) async fn run(state: &Arc<AppState>, context: &RequestContext, steps: Vec<Step>) -> Response {
    let count = steps.len();
    // Upstream attempts this request may still make, retries included: one
    // request never fans out into more calls (and logs) than `max_steps`.
    let mut attempts_left = state.config.max_steps;
    let upstream_timeout = Duration::from_millis(state.config.upstream_timeout_ms);
    // Why a log of this request could not be written, for the answer's header.
    let mut log_error: Option<&'static str> = None;
    for (index, step) in steps.into_iter().enumerate() {
        let options = context.options.overlay(&step.options);
        let mut effective = Effective::resolve(&context.settings, &options, step.config.as_ref());
        // No upstream holds a request forever: the request's own timeout, within the gateway's.
        effective.timeout = Some(effective.timeout.map_or(upstream_timeout, |t| t.min(upstream_timeout)));
        let started = Instant::now();
        let cache_key = effective.cacheable().then(|| cache_key(context, &step, &effective));
        let step_index = context.universal.then_some(index);
        let outcome = match cache_key.as_deref().and_then(|k| state.cache.get(k)) {
            Some(hit) => Outcome::Answer { response: from_cache(hit), cached: true },
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
                    armed: effective.collect_log,
                };
                let outcome = attempt(state, &step, &effective, &mut attempts_left).await;
                abandoned.armed = false;
                outcome
            }
        };
        if let Outcome::Streaming { status, headers, first, rest } = outcome {
            // Committed: the first byte is going out, so no later step can take over.
            let mut finish = StreamFinish {
                state: Arc::clone(state),
                context: context.clone(),
                step,
                effective: effective.clone(),
                started,
                index: step_index,
                cache_key,
                status,
                content_type: headers.get(header::CONTENT_TYPE).cloned(),
                log_id: ulid::Ulid::new().to_string(),
                done: false,
                completion: None,
                copy: SentCopy::new(state.config.max_stored_body_bytes),
                encoded: headers.contains_key(header::CONTENT_ENCODING),
                log_error: None,
            };
            let log_id = finish.log_start(&first).await;
            let log_error = finish.log_error.or(log_error);
            let idle = Duration::from_millis(state.config.stream_idle_timeout_ms);
            let body = stream_through(first, rest, finish, idle);
            let mut response =
                (StatusCode::from_u16(status).unwrap_or(StatusCode::OK), axum::body::Body::from_stream(body))
                    .into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, content_type_or_sse(&headers));
            if let Some(encoding) = headers.get(header::CONTENT_ENCODING) {
                response.headers_mut().insert(header::CONTENT_ENCODING, encoding.clone());
            }
            return with_log_error(decorate(response, context, index, log_id.as_deref(), false, &effective), log_error);
        }
        if let (Some(key), Outcome::Answer { response, cached: false }) = (&cache_key, &outcome) {
            // Encoded answers the gateway could not decode are not kept: the cache stores no encoding.
            if is_success(response.status) && !response.headers.contains_key(header::CONTENT_ENCODING) {
                let content_type =
                    response.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
                let entry = Cached { status: response.status, content_type, body: response.body.clone() };
                state.cache.put(key.clone(), entry, Duration::from_secs(effective.cache_ttl));
            }
        }
        let log_id = if effective.collect_log {
            let record = log_record(state, context, &step, &effective, log_view(&outcome), started, step_index);
            let id = record.id.clone();
            match state.store.insert(record, context.settings.log_limit()).await {
                Ok(stored) => stored.then_some(id),
                // The answer is in hand and goes out; the store has counted
                // and reported the failure (`/health`), the header tells the client.
                Err(e) => {
                    log_error = Some(e.reason());
                    None
                }
            }
        } else {
            None
        };
        let succeeded = matches!(&outcome, Outcome::Answer { response, .. } if is_success(response.status));
        tracing::debug!(gateway = %context.gateway, provider = %step.provider, step = index, succeeded, "step done");
        if succeeded || index + 1 == count || attempts_left == 0 {
            return with_log_error(answer(context, index, outcome, log_id.as_deref(), &effective), log_error);
        }
    }
    Rejection::gateway(StatusCode::BAD_REQUEST, code::BAD_REQUEST, "a universal request needs at least one step")
        .into_response()
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
fn cache_key(context: &RequestContext, step: &Step, effective: &Effective) -> String {
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

/// What the log of an outcome records; a failure records the gateway's own
/// error answer, so the log says why.
fn log_view(outcome: &Outcome) -> LogView {
    let content_type =
        |headers: &HeaderMap| headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    match outcome {
        Outcome::Answer { response, cached } => LogView {
            status: response.status,
            size: response.body.len() as u64,
            body: response.body.clone(),
            content_type: content_type(&response.headers),
            cached: *cached,
            tail: None,
        },
        Outcome::Failed(error) => {
            let (status, code, message) = failure(error);
            let body = Bytes::from(crate::error::gateway_body(code, &message).to_string());
            LogView {
                status: status.as_u16(),
                size: body.len() as u64,
                body,
                content_type: Some("application/json".to_owned()),
                cached: false,
                tail: None,
            }
        }
        Outcome::Streaming { .. } => {
            LogView { status: 502, body: Bytes::new(), size: 0, content_type: None, cached: false, tail: None }
        }
    }
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

/// Logs an attempt whose caller left before its answer (the request's
/// future was dropped mid-attempt): status 499, as proxies record a client
/// that closed its request.
struct AbandonedLog<'a> {
    state: &'a Arc<AppState>,
    context: &'a RequestContext,
    step: &'a Step,
    effective: &'a Effective,
    started: Instant,
    index: Option<usize>,
    armed: bool,
}

/// Status logged for a request its caller abandoned.
const CLIENT_CLOSED_REQUEST: u16 = 499;

impl Drop for AbandonedLog<'_> {
    fn drop(&mut self) {
        if !self.armed || tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        let body = Bytes::from(
            crate::error::gateway_body(
                code::UPSTREAM_FAILED,
                "the caller closed the request before the answer arrived",
            )
            .to_string(),
        );
        let view = LogView {
            status: CLIENT_CLOSED_REQUEST,
            size: body.len() as u64,
            body,
            content_type: Some("application/json".to_owned()),
            cached: false,
            tail: None,
        };
        let record = log_record(self.state, self.context, self.step, self.effective, view, self.started, self.index);
        let state = Arc::clone(self.state);
        let limit = self.context.settings.log_limit();
        // Tracked, so a shutdown that cut this request waits for its log.
        self.state.tasks.spawn(async move {
            if let Err(e) = state.store.insert(record, limit).await {
                tracing::error!(error = %e, "could not store the log of an abandoned request");
            }
        });
    }
}

fn from_cache(hit: Cached) -> Whole {
    let mut headers = HeaderMap::new();
    if let Some(value) = hit.content_type.and_then(|t| HeaderValue::from_str(&t).ok()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    Whole { status: hit.status, headers, body: hit.body }
}

/// Tries a step up to its attempts, waiting per its backoff between tries.
/// A stream counts as answered once its first chunk arrives within the timeout.
async fn attempt(state: &Arc<AppState>, step: &Step, effective: &Effective, attempts_left: &mut usize) -> Outcome {
    let max_response = state.config.max_response_bytes;
    let mut tries: u32 = 0;
    loop {
        tries += 1;
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
                    Outcome::Failed(UpstreamError::TooLarge(max_response))
                }
                UpstreamBody::Full(body) => Outcome::Answer {
                    response: Whole { status: response.status, headers: response.headers, body },
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
                            Outcome::Streaming { status: response.status, headers: response.headers, first, rest }
                        }
                        Some(Err(e)) => Outcome::Failed(e),
                        None => Outcome::Answer {
                            response: Whole { status: response.status, headers: response.headers, body: Bytes::new() },
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
                        Ok(body) => Outcome::Answer { response: Whole { status, headers, body }, cached: false },
                        Err(e) => Outcome::Failed(e),
                    }
                }
            },
            Err(e) => Outcome::Failed(e),
        };
        let done = match &outcome {
            Outcome::Answer { response, .. } => is_success(response.status),
            Outcome::Streaming { .. } => true,
            Outcome::Failed(_) => false,
        };
        if done || !retryable(&outcome) || tries >= u32::from(effective.max_attempts) || *attempts_left == 0 {
            return outcome;
        }
        tokio::time::sleep(effective.delay_before(tries).max(retry_after(&outcome))).await;
    }
}

/// The wait an upstream asked for with `retry-after` (seconds), capped at the
/// longest configurable retry delay: a provider's hint may lengthen the
/// configured spacing, never shorten it, and never stall a step for minutes.
fn retry_after(outcome: &Outcome) -> Duration {
    let Outcome::Answer { response, cached: false } = outcome else { return Duration::ZERO };
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

fn answer(
    context: &RequestContext,
    index: usize,
    outcome: Outcome,
    log_id: Option<&str>,
    effective: &Effective,
) -> Response {
    let (response, cached) = match outcome {
        Outcome::Answer { response, cached } => {
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
        Outcome::Failed(error) => {
            let (status, code, message) = failure(&error);
            (Rejection::gateway(status, code, message).into_response(), false)
        }
        Outcome::Streaming { .. } => {
            let unexpected =
                Rejection::gateway(StatusCode::INTERNAL_SERVER_ERROR, code::UPSTREAM_FAILED, "unexpected stream");
            (unexpected.into_response(), false)
        }
    };
    decorate(response, context, index, log_id, cached, effective)
}

/// Adds the gateway's report headers to an answer.
fn decorate(
    mut response: Response,
    context: &RequestContext,
    index: usize,
    log_id: Option<&str>,
    cached: bool,
    effective: &Effective,
) -> Response {
    let headers = response.headers_mut();
    let mut set = |name: &'static str, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    };
    if let Some(id) = log_id {
        set(h::LOG_ID, id);
        set(h::REQUEST_ID, id);
    }
    set(h::CACHE_STATUS, if cached { "HIT" } else { "MISS" });
    if context.universal {
        set(h::STEP, &index.to_string());
    }
    if let Some(event_id) = &effective.event_id {
        set(h::EVENT_ID, event_id);
    }
    for (name, value) in &context.extra_headers {
        headers.insert(name.clone(), value.clone());
    }
    response
}

/// Splits a stored event stream into its events (each with its blank line).
fn split_events(body: &[u8]) -> Vec<Bytes> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < body.len() {
        if body[i] == b'\n' && body[i + 1] == b'\n' {
            out.push(Bytes::copy_from_slice(&body[start..i + 2]));
            start = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    if start < body.len() {
        out.push(Bytes::copy_from_slice(&body[start..]));
    }
    out
}

/// Everything needed to log (and cache) a stream once it ends, however it ends.
///
/// A logged stream gets its log in two writes: a provisional one, awaited
/// before the response head goes out ([`provisional`](Self::provisional)),
/// and its completion, in the background once the body has ended
/// ([`finish`](Self::finish)), so the end of the body never waits for the
/// database while a killed process still leaves the log of every answer it
/// began to send.
struct StreamFinish {
    state: Arc<AppState>,
    context: RequestContext,
    step: Step,
    effective: Effective,
    started: Instant,
    index: Option<usize>,
    cache_key: Option<String>,
    status: u16,
    content_type: Option<HeaderValue>,
    log_id: String,
    done: bool,
    /// Readers of the log wait for this until the log is completed.
    completion: Option<Completion>,
    /// A bounded copy of what has been passed on, for the log and the cache.
    copy: SentCopy,
    /// The upstream sent an encoding the gateway did not decode: not cached.
    encoded: bool,
    /// Why the provisional log could not be written (then it is not logged).
    log_error: Option<&'static str>,
}

/// Bytes of a stream's end kept apart from its stored head: usage reports
/// come last (OpenAI's final chunk, Anthropic's `message_delta`).
const STREAM_TAIL_BYTES: usize = 64 * 1024;

/// What the gateway keeps of a stream it passes on: the first
/// `max_stored_body_bytes` (the stored body, and a cache entry if the
/// stream fits whole), the last [`STREAM_TAIL_BYTES`] for the usage report,
/// and the total size; never the whole of an endless stream.
struct SentCopy {
    head: bytes::BytesMut,
    limit: usize,
    tail: std::collections::VecDeque<u8>,
    total: u64,
}

impl SentCopy {
    fn new(limit: usize) -> Self {
        Self { head: bytes::BytesMut::new(), limit, tail: std::collections::VecDeque::new(), total: 0 }
    }

    fn keep(&mut self, chunk: &[u8]) {
        self.total += chunk.len() as u64;
        let room = self.limit.saturating_sub(self.head.len());
        self.head.extend_from_slice(&chunk[..room.min(chunk.len())]);
        if self.truncated() {
            let recent = &chunk[chunk.len().saturating_sub(STREAM_TAIL_BYTES)..];
            self.tail.extend(recent);
            let excess = self.tail.len().saturating_sub(STREAM_TAIL_BYTES);
            self.tail.drain(..excess);
        }
    }

    fn truncated(&self) -> bool {
        self.total > self.head.len() as u64
    }

    /// The kept head, and the tail from its first whole event on (when the head is not all).
    fn take(&mut self) -> (Bytes, Option<Bytes>) {
        let head = std::mem::take(&mut self.head).freeze();
        let tail: Vec<u8> = std::mem::take(&mut self.tail).into();
        let tail = self.truncated().then(|| {
            let start = tail.windows(2).position(|w| w == b"\n\n").map_or(tail.len(), |i| i + 2);
            Bytes::copy_from_slice(&tail[start..])
        });
        (head, tail)
    }
}

impl StreamFinish {
    /// Logs the stream as it starts, when it is logged: durable before the
    /// response head goes out, so a kill mid-stream leaves this provisional
    /// log; the stream's end completes it. The log id to send, if any.
    async fn log_start(&mut self, first: &Bytes) -> Option<String> {
        if !self.effective.collect_log {
            return None;
        }
        let state = Arc::clone(&self.state);
        match state.store.insert(self.provisional(first), self.context.settings.log_limit()).await {
            Ok(true) => {
                self.completion = Some(state.pending.register(&self.context.gateway, &self.log_id));
                Some(self.log_id.clone())
            }
            // The gateway is full and keeps its logs: answered, not logged.
            Ok(false) => {
                self.effective.collect_log = false;
                None
            }
            // Streamed all the same, unlogged; the store has counted and reported it.
            Err(e) => {
                self.effective.collect_log = false;
                self.log_error = Some(e.reason());
                None
            }
        }
    }

    /// The log of the stream as known when it is committed (its first chunk
    /// in hand, nothing sent yet): the request, status and metadata as they
    /// will stay; the response so far (the first chunk), its head marked
    /// incomplete, no tokens or cost yet, the duration until now.
    fn provisional(&self, first: &Bytes) -> LogRecord {
        let content_type = self.content_type.as_ref().and_then(|v| v.to_str().ok()).map(str::to_owned);
        let view = LogView {
            status: self.status,
            size: first.len() as u64,
            body: first.slice(..first.len().min(self.copy.limit)),
            content_type,
            cached: false,
            tail: None,
        };
        let mut record =
            log_record(&self.state, &self.context, &self.step, &self.effective, view, self.started, self.index);
        record.id.clone_from(&self.log_id);
        record.response_head_complete = false;
        record.tokens_in = None;
        record.tokens_out = None;
        record.cost = None;
        record
    }

    /// Completes the stream's provisional log (`complete`: it reached its end
    /// without error) in the background and caches a complete stream.
    fn finish(&mut self, complete: bool) -> Option<tokio::task::JoinHandle<()>> {
        if self.done {
            return None;
        }
        self.done = true;
        let content_type = self.content_type.as_ref().and_then(|v| v.to_str().ok()).map(str::to_owned);
        let whole = !self.copy.truncated();
        let size = self.copy.total;
        let (body, tail) = self.copy.take();
        if complete && whole && !self.encoded && self.state.cache.fits(body.len()) {
            if let Some(key) = self.cache_key.take() {
                let entry = Cached { status: self.status, content_type: content_type.clone(), body: body.clone() };
                self.state.cache.put(key, entry, Duration::from_secs(self.effective.cache_ttl));
            }
        }
        if !self.effective.collect_log {
            return None;
        }
        let status = if complete { self.status } else { 502 };
        let view = LogView { status, size, body, content_type, cached: false, tail };
        let mut record =
            log_record(&self.state, &self.context, &self.step, &self.effective, view, self.started, self.index);
        record.id.clone_from(&self.log_id);
        // A stream cut before its end (upstream failure, silence, the caller leaving) is an incomplete answer.
        record.response_head_complete &= complete;
        let state = Arc::clone(&self.state);
        let completion = self.completion.take();
        // The answer is already on its way: complete the log without holding the stream up
        // (tracked: shutdown waits for it before the process exits).
        Some(self.state.tasks.spawn(async move {
            match state.store.finish(record).await {
                Ok(true) => {}
                Ok(false) => tracing::debug!("a streamed log was deleted before its stream ended"),
                Err(e) => tracing::error!(error = %e, "could not complete a streamed log"),
            }
            if let Some(completion) = completion {
                state.pending.complete(completion);
            }
        }))
    }
}

impl Drop for StreamFinish {
    fn drop(&mut self) {
        // The client went away mid-stream: the log still records what was sent.
        if !self.done && tokio::runtime::Handle::try_current().is_ok() {
            let _ = self.finish(false);
        }
    }
}

/// Forwards a stream chunk by chunk, keeping a copy for the log and the
/// cache; a failure after the first chunk ends it with an `error` event.
fn stream_through(
    first: Bytes,
    rest: BoxStream<'static, Result<Bytes, UpstreamError>>,
    finish: StreamFinish,
    idle: Duration,
) -> BoxStream<'static, Result<Bytes, std::io::Error>> {
    struct Pass {
        pending: Option<Bytes>,
        rest: BoxStream<'static, Result<Bytes, UpstreamError>>,
        finish: StreamFinish,
        ended: bool,
    }
    let pass = Pass { pending: Some(first), rest, finish, ended: false };
    futures::stream::unfold(pass, move |mut pass| async move {
        if pass.ended {
            return None;
        }
        if let Some(chunk) = pass.pending.take() {
            pass.finish.copy.keep(&chunk);
            return Some((Ok(chunk), pass));
        }
        // A stream that goes silent is cut, not held open forever.
        let next = tokio::time::timeout(idle, pass.rest.next()).await.unwrap_or_else(|_| {
            Some(Err(UpstreamError::Connection(format!("no data for {} ms (stream_idle_timeout_ms)", idle.as_millis()))))
        });
        match next {
            Some(Ok(chunk)) => {
                pass.finish.copy.keep(&chunk);
                Some((Ok(chunk), pass))
            }
            Some(Err(e)) => {
                pass.ended = true;
                if let Some(task) = pass.finish.finish(false) {
                    let _ = task.await;
                }
                let event = serde_json::json!({"error": [{"code": code::UPSTREAM_FAILED, "message": format!("the upstream stream failed: {e}")}]});
                Some((Ok(Bytes::from(format!("event: error\ndata: {event}\n\n"))), pass))
            }
            None => {
                // The log is written in the background: the body ends now.
                let _ = pass.finish.finish(true);
                None
            }
        }
    })
    .boxed()
}

/// The model a request names: its body's `model`, else from the endpoint.
pub(crate) fn model_of(provider: &str, endpoint: &str, body: &[u8]) -> String {
    if let Some(model) =
        serde_json::from_slice::<Value>(body).ok().and_then(|v| v.get("model")?.as_str().map(str::to_owned))
    {
        return model;
    }
    let path = endpoint.split('?').next().unwrap_or(endpoint);
    if provider == "workers-ai" {
        return path.strip_prefix("run/").unwrap_or(path).to_owned();
    }
    if let Some(rest) = path.split("models/").nth(1) {
        return rest.split(':').next().unwrap_or(rest).to_owned();
    }
    String::new()
}

/// Input and output tokens from the provider's usage report.
fn usage_of(body: &[u8]) -> (Option<u64>, Option<u64>) {
    let Ok(value) = serde_json::from_slice::<Value>(body) else { return (None, None) };
    let root = value.get("result").filter(|r| r.is_object()).unwrap_or(&value);
    let number = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64);
    if let Some(usage) = root.get("usage") {
        let input = number(usage, "prompt_tokens").or_else(|| number(usage, "input_tokens"));
        let output = number(usage, "completion_tokens").or_else(|| number(usage, "output_tokens"));
        if input.is_some() || output.is_some() {
            return (input, output);
        }
    }
    if let Some(usage) = root.get("usageMetadata") {
        return (number(usage, "promptTokenCount"), number(usage, "candidatesTokenCount"));
    }
    (None, None)
}

/// Token counts reported inside an event stream (the last report of each wins;
/// Anthropic puts input tokens in `message_start` and output tokens in `message_delta`).
fn usage_of_stream(body: &[u8]) -> (Option<u64>, Option<u64>) {
    let events = gateway_core::stream::sse::SseParser::parse_all(body).unwrap_or_default();
    let mut tokens = (None, None);
    for event in events {
        let Ok(value) = serde_json::from_str::<Value>(&event.data) else { continue };
        let nested = value.get("message").map_or((None, None), |m| usage_of(m.to_string().as_bytes()));
        let direct = usage_of(event.data.as_bytes());
        tokens.0 = direct.0.or(nested.0).or(tokens.0);
        tokens.1 = direct.1.or(nested.1).or(tokens.1);
    }
    tokens
}

/// USD per million input and output tokens of models we know the price of.
fn price_of(model: &str) -> Option<(f64, f64)> {
    Some(match model {
        m if m.starts_with("gpt-4o-mini") => (0.15, 0.60),
        m if m.starts_with("gpt-4o") => (2.50, 10.00),
        m if m.starts_with("claude-sonnet-4") => (3.00, 15.00),
        m if m.starts_with("claude-haiku-4") => (1.00, 5.00),
        "@cf/meta/llama-3.1-8b-instruct-fp8" | "@cf/meta/llama-3.1-8b-instruct" => (0.152, 0.287),
        "@cf/baai/bge-base-en-v1.5" => (0.067, 0.0),
        _ => return None,
    })
}

fn cost_of(custom: Option<CustomCost>, model: &str, tokens: (Option<u64>, Option<u64>)) -> Option<f64> {
    #[allow(clippy::cast_precision_loss, reason = "token counts are far below 2^53")]
    let (input, output) = (tokens.0.unwrap_or(0) as f64, tokens.1.unwrap_or(0) as f64);
    match custom {
        Some(CustomCost::Total { total_cost }) => Some(total_cost),
        Some(CustomCost::PerToken { per_token_in, per_token_out }) => {
            Some(per_token_in.unwrap_or(0.0) * input + per_token_out.unwrap_or(0.0) * output)
        }
        None if tokens.0.is_some() || tokens.1.is_some() => {
            price_of(model).map(|(pin, pout)| (pin * input + pout * output) / 1_000_000.0)
        }
        None => None,
    }
}

fn head(body: &[u8], max: usize) -> (String, bool) {
    if body.len() <= max {
        (String::from_utf8_lossy(body).into_owned(), true)
    } else {
        (String::from_utf8_lossy(&body[..max]).into_owned(), false)
    }
}

fn model_type_of(endpoint: &str) -> Option<String> {
    let path = endpoint.split('?').next().unwrap_or(endpoint);
    let kind = if path.ends_with("chat/completions") || path.ends_with("messages") || path.contains(":generateContent")
    {
        "chat"
    } else if path.ends_with("embeddings") {
        "embedding"
    } else if path.ends_with("responses") {
        "responses"
    } else {
        return None;
    };
    Some(kind.to_owned())
}

/// What a log records of an answer.
struct LogView {
    status: u16,
    /// The body as kept (at most `max_stored_body_bytes` are stored of it).
    body: Bytes,
    /// The whole answer's size, kept or not.
    size: u64,
    content_type: Option<String>,
    cached: bool,
    /// A stream's last events when `body` is not all of it (for its usage report).
    tail: Option<Bytes>,
}

fn log_record(
    state: &AppState,
    context: &RequestContext,
    step: &Step,
    effective: &Effective,
    view: LogView,
    started: Instant,
    index: Option<usize>,
) -> LogRecord {
    let model = model_of(&step.provider, &step.endpoint, &step.body);
    let LogView { status, body: response_body, size: response_size, content_type: response_type, cached, tail } = view;
    let is_stream = response_type.as_deref().is_some_and(|t| t.starts_with("text/event-stream"));
    let tokens = match (is_success(status), is_stream) {
        (true, true) => {
            let head = usage_of_stream(&response_body);
            let end = tail.as_deref().map_or((None, None), usage_of_stream);
            (end.0.or(head.0), end.1.or(head.1))
        }
        (true, false) => usage_of(&response_body),
        (false, _) => (None, None),
    };
    let max_head = state.config.max_head_bytes;
    let max_stored = state.config.max_stored_body_bytes;
    let (request_head, request_head_complete) = head(&step.body, max_head);
    let (response_head, mut response_head_complete) = head(&response_body, max_head);
    // A body kept only in part marks the log incomplete, whatever the head's size.
    response_head_complete &= response_size <= response_body.len() as u64 && response_body.len() <= max_stored;
    let request_head_complete = request_head_complete && step.body.len() <= max_stored;
    let keep = effective.collect_log_payload;
    LogRecord {
        id: ulid::Ulid::new().to_string(),
        gateway: context.gateway.clone(),
        created_ms: jiff::Timestamp::now().as_millisecond(),
        provider: step.provider.clone(),
        model: model.clone(),
        model_type: model_type_of(&step.endpoint),
        // Credentials in the query string are forwarded, never stored.
        path: credentials::redact_endpoint(&step.endpoint),
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        request_type: Some(context.kind.to_owned()),
        request_content_type: step.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned),
        response_content_type: response_type,
        status_code: status,
        success: is_success(status),
        cached,
        tokens_in: tokens.0,
        tokens_out: tokens.1,
        cost: cost_of(effective.custom_cost, &model, tokens),
        custom_cost: effective.custom_cost.is_some(),
        metadata: effective.metadata.clone(),
        step: index.and_then(|i| u32::try_from(i).ok()),
        event_id: effective.event_id.clone(),
        request_size: step.body.len() as u64,
        request_head,
        request_head_complete,
        response_size,
        response_head,
        response_head_complete,
        request_body: keep.then(|| step.body[..step.body.len().min(max_stored)].to_vec()),
        response_body: keep.then(|| response_body[..response_body.len().min(max_stored)].to_vec()),
        authenticated: context.authenticated,
        user_agent: context.user_agent.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_from_each_provider_shape() {
        assert_eq!(usage_of(br#"{"result":{"usage":{"prompt_tokens":3,"completion_tokens":4}}}"#), (Some(3), Some(4)));
        assert_eq!(usage_of(br#"{"usage":{"input_tokens":5,"output_tokens":6}}"#), (Some(5), Some(6)));
        assert_eq!(
            usage_of(br#"{"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":8}}"#),
            (Some(7), Some(8))
        );
        assert_eq!(usage_of(b"not json"), (None, None));
    }

    #[test]
    fn models_from_body_or_path() {
        assert_eq!(model_of("openai", "chat/completions", br#"{"model":"gpt-4o-mini"}"#), "gpt-4o-mini");
        assert_eq!(model_of("workers-ai", "run/@cf/meta/x", b"{}"), "@cf/meta/x");
        assert_eq!(
            model_of("google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", b"{}"),
            "gemini-2.5-flash"
        );
    }

    #[test]
    fn costs() {
        let per_token = CustomCost::PerToken { per_token_in: Some(0.001), per_token_out: Some(0.002) };
        assert_eq!(cost_of(Some(per_token), "x", (Some(10), Some(5))), Some(0.02));
        assert_eq!(cost_of(None, "gpt-4o-mini", (Some(1_000_000), Some(0))), Some(0.15));
        assert_eq!(cost_of(None, "unknown", (Some(1), Some(1))), None);
    }
}
