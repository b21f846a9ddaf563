//! The offline upstream: a deterministic **test double** standing in for every
//! built-in provider, with fault injection.
//!
//! [`OfflineUpstream`] never touches the network. It answers each built-in
//! provider in that provider's own wire format (Workers AI envelopes, OpenAI
//! chat completions, Anthropic messages, Gemini `generateContent`, Bedrock
//! Converse, ...), with content derived from the request: the same request
//! always gets a byte-identical answer, and different prompts get different
//! answers.
//!
//! **It is a test double, not a model.** The answers are plausible in *shape*
//! only: the text is word salad generated from an FNV-1a hash of the model
//! and the last user message (it always starts with `Offline answer
//! <8 hex digits>:`), usage counts are estimates (input tokens = words of the
//! input × 4/3, rounded; output tokens = words of the answer), embeddings are
//! pseudo-random unit vectors, images are 8×8 PNGs and audio is (nearly)
//! silent. Use it to exercise the gateway — routing, logging, caching,
//! retries, fallbacks, timeouts — without credentials or a network, never to
//! judge an answer.
//!
//! **Streaming.** A request that asks to stream (`"stream": true` for Workers
//! AI, the OpenAI-compatible chat completions and Anthropic Messages; Gemini
//! `streamGenerateContent?alt=sse`) is answered `text/event-stream` with an
//! [`UpstreamBody::Stream`] yielding one server-sent event per item, in the
//! provider's own format and ending with its end marker (`data: [DONE]`,
//! Anthropic's `message_stop`, Gemini's last chunk with `finishReason`).
//! Every other answer (Bedrock's binary event streams included) is
//! [`UpstreamBody::Full`]. Events follow each other at once unless
//! [`OfflineUpstream::set_chunk_delay`] spaces them out.
//!
//! Faults ([`FaultRule`], [`Fault`]) can be added and cleared at run time to
//! make selected requests slow, fail with a status, time out, drop, end
//! half-way, answer invalid JSON or an HTML page, and streams start late,
//! stall, break or turn to garbage part-way; the counters
//! ([`OfflineUpstream::requests_seen`], [`OfflineUpstream::attempts`]) and
//! arrival times ([`OfflineUpstream::arrivals`]) are taken on the upstream
//! side, so retry counts and spacing can be checked.
//!
//! ```
//! use std::time::Duration;
//! use gateway_local::upstream::offline::{Fault, FaultRule, OfflineUpstream};
//!
//! // Stream events 50 ms apart.
//! let upstream = OfflineUpstream::new().with_chunk_delay(Duration::from_millis(50));
//! // The next two OpenAI requests get a 429; the third is answered.
//! upstream.add_fault(FaultRule::new(Fault::Status(429)).for_provider("openai").times(2));
//! // Every Workers AI request for this model takes 2 s.
//! upstream.add_fault(
//!     FaultRule::new(Fault::Latency(Duration::from_secs(2))).for_model("@cf/meta/llama-3.1-8b-instruct"),
//! );
//! // The next Anthropic stream breaks after three events.
//! upstream.add_fault(FaultRule::new(Fault::DropAfter(3)).for_provider("anthropic").times(1));
//! ```

use std::collections::{HashMap, VecDeque};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use bytes::Bytes;
use futures::stream::{self, BoxStream, StreamExt as _};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use serde_json::{Map, Value, json};

use super::{Upstream, UpstreamBody, UpstreamError, UpstreamRequest, UpstreamResponse};

/// How many arrival times [`OfflineUpstream::arrivals`] keeps.
pub const ARRIVALS_KEPT: usize = 1024;

/// How long [`Fault::Timeout`] waits when [`Upstream::send`] is given no timeout.
pub const DEFAULT_FAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The chunk [`Fault::GarbageAfter`] sends: not UTF-8, not an event.
pub const GARBAGE_CHUNK: &[u8] = b"\xff\xfe garbage \x00\n\n";

/// The message of the [`UpstreamError::Connection`] that [`Fault::DropAfter`] ends a stream with.
pub const DROPPED_MID_STREAM: &str = "connection dropped mid-stream";

/// Providers whose wire format mimics OpenAI's (`compat` is the gateway's
/// OpenAI-compatible endpoint).
const OPENAI_COMPATIBLE: [&str; 10] = [
    "openai",
    "groq",
    "mistral",
    "deepseek",
    "grok",
    "perplexity-ai",
    "cerebras",
    "openrouter",
    "azure-openai",
    "compat",
];

// ---------------------------------------------------------------------------
// Faults

/// A failure the offline upstream can be told to produce (see [`FaultRule`]).
///
/// The last four are **stream faults**: they apply only to an answer that is
/// an event stream (see the [module documentation](self)). To any other
/// answer, a rule with a stream fault does not match: the next matching rule
/// applies instead, and the rule's `remaining` count is left alone. Their
/// `usize` counts events; it is capped at one less than the answer's event
/// count, so the fault always strikes before the end marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Wait this long, then answer normally. If the wait is longer than the
    /// `timeout` given to [`Upstream::send`], wait `timeout` instead and return
    /// [`UpstreamError::Timeout`].
    Latency(Duration),
    /// Answer this HTTP status at once, with the provider's own error body
    /// (`429` adds `retry-after: 1`).
    Status(u16),
    /// Wait for the `timeout` given to [`Upstream::send`] (or
    /// [`DEFAULT_FAULT_TIMEOUT`] without one), then return
    /// [`UpstreamError::Timeout`].
    Timeout,
    /// Return [`UpstreamError::Connection`] at once, as if the connection had
    /// been reset.
    Drop,
    /// Answer 200 but end the body half-way: the gateway sees the
    /// [`UpstreamError::Connection`] a real upstream's cut body gives.
    Truncated,
    /// Answer 200 with the provider's usual content type and the first half
    /// of its usual body: not valid JSON (a whole body, even for a stream).
    InvalidJson,
    /// Answer 200 with an HTML page (`text/html`), as a captive portal or a
    /// misconfigured proxy would.
    WrongContentType,
    /// Stream: send this many events, then nothing more, never closing: the
    /// stream stays pending forever.
    StallAfter(usize),
    /// Stream: send this many events, then end with an
    /// [`UpstreamError::Connection`] ([`DROPPED_MID_STREAM`]).
    DropAfter(usize),
    /// Stream: send this many events, then [`GARBAGE_CHUNK`], then end without
    /// the end marker.
    GarbageAfter(usize),
    /// Stream: answer at once, but wait this long before the first event (a
    /// slow time to first byte; the `timeout` given to [`Upstream::send`],
    /// which bounds the wait for the answer, does not cover it).
    FirstChunkDelay(Duration),
}

impl Fault {
    /// Only applies to event-stream answers.
    fn is_stream_fault(&self) -> bool {
        matches!(self, Self::StallAfter(_) | Self::DropAfter(_) | Self::GarbageAfter(_) | Self::FirstChunkDelay(_))
    }
}

/// When to inject a [`Fault`]. The first rule (in insertion order) matching a
/// request applies; a request matches when every `Some` field matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    /// Only requests to this provider slug (`None`: any provider).
    pub provider: Option<String>,
    /// Only requests for this model (`None`: any model). Compared with the
    /// model in the endpoint (Workers AI `@cf/...`, Gemini `models/{model}`,
    /// Bedrock `model/{id}`, the Azure deployment, the Hugging Face or
    /// Replicate `owner/name`) and with the body's `model` / `model_id`.
    pub model: Option<String>,
    /// What to do.
    pub fault: Fault,
    /// Apply this many times, then retire the rule (`None`: forever).
    pub remaining: Option<u32>,
}

impl FaultRule {
    /// A rule applying `fault` to every request, forever.
    pub fn new(fault: Fault) -> Self {
        Self { provider: None, model: None, fault, remaining: None }
    }

    /// Restricts the rule to one provider slug.
    #[must_use]
    pub fn for_provider(mut self, provider: impl Into<String>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Restricts the rule to one model.
    #[must_use]
    pub fn for_model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Applies the rule `n` times, then retires it.
    #[must_use]
    pub fn times(mut self, n: u32) -> Self {
        self.remaining = Some(n);
        self
    }

    fn matches(&self, provider: &str, models: &[String], streaming: bool) -> bool {
        self.remaining != Some(0)
            && (streaming || !self.fault.is_stream_fault())
            && self.provider.as_deref().is_none_or(|p| p == provider)
            && self.model.as_deref().is_none_or(|m| models.iter().any(|candidate| candidate == m))
    }
}

// ---------------------------------------------------------------------------
// The upstream

/// A **test double** for every built-in provider: answers from memory, in
/// each provider's wire format, deterministically; never uses the network.
///
/// See the [module documentation](self) for what the answers look like and
/// how faults work. Clones share their fault rules, chunk delay and counters,
/// so a test can keep one clone and hand another to the gateway. A provider outside
/// [`PROVIDERS`](Self::PROVIDERS) is counted, never faulted, and answered
/// with [`UpstreamError::UnknownProvider`].
#[derive(Debug, Clone, Default)]
pub struct OfflineUpstream {
    faults: Arc<Mutex<Vec<FaultRule>>>,
    chunk_delay: Arc<Mutex<Duration>>,
    seen: Arc<AtomicU64>,
    attempts: Arc<Mutex<HashMap<String, u64>>>,
    arrivals: Arc<Mutex<VecDeque<(String, Instant)>>>,
    last: Arc<Mutex<Option<UpstreamRequest>>>,
}

impl OfflineUpstream {
    /// Provider slugs the double answers: the binding's 20 published providers
    /// and `compat`. Any other slug gets [`UpstreamError::UnknownProvider`].
    pub const PROVIDERS: [&'static str; 21] = [
        "workers-ai",
        "anthropic",
        "aws-bedrock",
        "azure-openai",
        "google-vertex-ai",
        "huggingface",
        "openai",
        "perplexity-ai",
        "replicate",
        "groq",
        "cohere",
        "google-ai-studio",
        "mistral",
        "grok",
        "openrouter",
        "deepseek",
        "cerebras",
        "cartesia",
        "elevenlabs",
        "adobe-firefly",
        "compat",
    ];

    /// A double with no fault rules and zeroed counters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `rule` (builder form of [`add_fault`](Self::add_fault)).
    #[must_use]
    pub fn with_fault(self, rule: FaultRule) -> Self {
        self.add_fault(rule);
        self
    }

    /// Sets the delay between stream events (builder form of
    /// [`set_chunk_delay`](Self::set_chunk_delay)).
    #[must_use]
    pub fn with_chunk_delay(self, delay: Duration) -> Self {
        self.set_chunk_delay(delay);
        self
    }

    /// Sets how long [`send`](Upstream::send) waits before each event of a
    /// stream after the first (default: zero, no waiting).
    pub fn set_chunk_delay(&self, delay: Duration) {
        *lock(&self.chunk_delay) = delay;
    }

    /// The delay between stream events.
    pub fn chunk_delay(&self) -> Duration {
        *lock(&self.chunk_delay)
    }

    /// Adds a fault rule after the existing ones.
    pub fn add_fault(&self, rule: FaultRule) {
        lock(&self.faults).push(rule);
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        lock(&self.faults).clear();
    }

    /// The fault rules still active (exhausted rules are removed).
    pub fn faults(&self) -> Vec<FaultRule> {
        lock(&self.faults).clone()
    }

    /// How many requests [`send`](Upstream::send) has received, faulted ones included.
    pub fn requests_seen(&self) -> u64 {
        self.seen.load(Ordering::SeqCst)
    }

    /// How many requests [`send`](Upstream::send) has received for `provider`.
    pub fn attempts(&self, provider: &str) -> u64 {
        lock(&self.attempts).get(provider).copied().unwrap_or(0)
    }

    /// When the latest requests arrived (at most [`ARRIVALS_KEPT`], oldest
    /// first), with their provider: retry spacing can be checked on the
    /// upstream's side.
    pub fn arrivals(&self) -> Vec<(String, Instant)> {
        lock(&self.arrivals).iter().cloned().collect()
    }

    /// The last request [`send`](Upstream::send) received.
    pub fn last_request(&self) -> Option<UpstreamRequest> {
        lock(&self.last).clone()
    }

    /// Zeroes [`requests_seen`](Self::requests_seen) and every
    /// [`attempts`](Self::attempts) counter, and forgets the last request.
    pub fn reset_counters(&self) {
        self.seen.store(0, Ordering::SeqCst);
        lock(&self.attempts).clear();
        lock(&self.arrivals).clear();
        *lock(&self.last) = None;
    }

    /// The answer to `request`, without faults, delays or counting: what
    /// [`send`](Upstream::send) returns when no fault applies (a stream's
    /// events come without the [chunk delay](Self::set_chunk_delay)).
    pub fn answer(request: &UpstreamRequest) -> Result<UpstreamResponse, UpstreamError> {
        Ok(Self::reply(request)?.into_response(Pacing::default()))
    }

    fn reply(request: &UpstreamRequest) -> Result<Reply, UpstreamError> {
        dispatch(&Call::new(request)).ok_or_else(|| UpstreamError::UnknownProvider(request.provider.clone()))
    }

    fn record(&self, request: &UpstreamRequest) {
        self.seen.fetch_add(1, Ordering::SeqCst);
        *lock(&self.attempts).entry(request.provider.clone()).or_insert(0) += 1;
        let mut arrivals = lock(&self.arrivals);
        if arrivals.len() == ARRIVALS_KEPT {
            arrivals.pop_front();
        }
        arrivals.push_back((request.provider.clone(), Instant::now()));
        *lock(&self.last) = Some(request.clone());
    }

    /// Picks the fault for `request`, if any, and uses up one application of
    /// it; `streaming`: the answer is an event stream (stream faults apply).
    fn take_fault(&self, request: &UpstreamRequest, streaming: bool) -> Option<Fault> {
        let mut rules = lock(&self.faults);
        if rules.is_empty() {
            return None;
        }
        let models =
            if rules.iter().any(|rule| rule.model.is_some()) { models_of(&Call::new(request)) } else { Vec::new() };
        let index = rules.iter().position(|rule| rule.matches(&request.provider, &models, streaming))?;
        let fault = rules[index].fault.clone();
        if let Some(remaining) = rules[index].remaining.as_mut() {
            *remaining -= 1;
            if *remaining == 0 {
                rules.remove(index);
            }
        }
        Some(fault)
    }
}

#[async_trait]
impl Upstream for OfflineUpstream {
    async fn send(
        &self,
        request: UpstreamRequest,
        timeout: Option<Duration>,
    ) -> Result<UpstreamResponse, UpstreamError> {
        self.record(&request);
        if !OfflineUpstream::PROVIDERS.contains(&request.provider.as_str()) {
            return Err(UpstreamError::UnknownProvider(request.provider));
        }
        let reply = Self::reply(&request)?;
        let mut pacing = Pacing { gap: self.chunk_delay(), ..Pacing::default() };
        match self.take_fault(&request, reply.is_stream()) {
            None => {}
            Some(Fault::Latency(delay)) => {
                if let Some(limit) = timeout.filter(|limit| delay > *limit) {
                    tokio::time::sleep(limit).await;
                    return Err(UpstreamError::Timeout);
                }
                tokio::time::sleep(delay).await;
            }
            Some(Fault::Status(status)) => return Ok(fault_response(&request, status).into_response(pacing)),
            Some(Fault::Timeout) => {
                tokio::time::sleep(timeout.unwrap_or(DEFAULT_FAULT_TIMEOUT)).await;
                return Err(UpstreamError::Timeout);
            }
            Some(Fault::Drop) => {
                return Err(UpstreamError::Connection(
                    "connection reset by peer (fault injected by the offline upstream)".to_owned(),
                ));
            }
            Some(Fault::Truncated) => {
                let whole = reply.body.len();
                return Err(UpstreamError::Connection(format!(
                    "the body ended after {} of {whole} bytes (fault injected by the offline upstream)",
                    whole / 2
                )));
            }
            Some(Fault::InvalidJson) => {
                let half = reply.body.slice(..reply.body.len() / 2);
                return Ok(Reply { body: half, event_ends: None, ..reply }.into_response(pacing));
            }
            Some(Fault::WrongContentType) => {
                let page = b"<!DOCTYPE html><html><body><h1>Sign in to the network</h1></body></html>".to_vec();
                return Ok(bytes_response(200, "text/html; charset=utf-8", page).into_response(pacing));
            }
            Some(Fault::StallAfter(events)) => pacing.cut = Some((events, Cut::Stall)),
            Some(Fault::DropAfter(events)) => pacing.cut = Some((events, Cut::Drop)),
            Some(Fault::GarbageAfter(events)) => pacing.cut = Some((events, Cut::Garbage)),
            Some(Fault::FirstChunkDelay(delay)) => pacing.first = delay,
        }
        Ok(reply.into_response(pacing))
    }
}

/// How a stream's events are sent: when, and where a stream fault cuts them short.
#[derive(Debug, Clone, Copy, Default)]
struct Pacing {
    /// Wait before the first item.
    first: Duration,
    /// Wait before every later item.
    gap: Duration,
    /// Send at most this many events, then end as [`Cut`] says.
    cut: Option<(usize, Cut)>,
}

/// How a stream fault ends a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Stay pending forever.
    Stall,
    /// End with a connection error.
    Drop,
    /// Send [`GARBAGE_CHUNK`], then end.
    Garbage,
}

/// `events` as a stream of chunks, sent as `pacing` says (no timers when its delays are zero).
fn event_stream(mut events: Vec<Bytes>, pacing: Pacing) -> BoxStream<'static, Result<Bytes, UpstreamError>> {
    let mut tail = None;
    if let Some((after, cut)) = pacing.cut {
        events.truncate(after.min(events.len().saturating_sub(1)));
        tail = match cut {
            Cut::Stall => None,
            Cut::Drop => Some(Err(UpstreamError::Connection(DROPPED_MID_STREAM.to_owned()))),
            Cut::Garbage => Some(Ok(Bytes::from_static(GARBAGE_CHUNK))),
        };
    }
    let items: Vec<Result<Bytes, UpstreamError>> = events.into_iter().map(Ok).chain(tail).collect();
    let Pacing { first, gap, cut } = pacing;
    let items = stream::iter(items.into_iter().enumerate()).then(move |(index, item)| async move {
        let wait = if index == 0 { first } else { gap };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        item
    });
    if matches!(cut, Some((_, Cut::Stall))) { items.chain(stream::pending()).boxed() } else { items.boxed() }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The models a request is for, as fault rules see them.
fn models_of(call: &Call<'_>) -> Vec<String> {
    let mut models = Vec::new();
    if let Ok(body) = call.json() {
        for key in ["model", "model_id", "modelId"] {
            if let Some(model) = body.get(key).and_then(Value::as_str) {
                models.push(model.to_owned());
            }
        }
        if let Some((model, _)) = body.get("version").and_then(Value::as_str).and_then(|v| v.split_once(':')) {
            models.push(model.to_owned());
        }
    }
    models.extend(endpoint_model(call));
    models
}

/// The model named by the endpoint path, for providers that put it there.
fn endpoint_model(call: &Call<'_>) -> Option<String> {
    let path = call.path.as_str();
    match call.provider {
        "workers-ai" if !path.starts_with("v1/") => Some(percent_decode(path.strip_prefix("run/").unwrap_or(path))),
        "google-ai-studio" | "google-vertex-ai" => split_model_action(path).map(|(_, model, _)| model.to_owned()),
        "aws-bedrock" => bedrock_model(path).map(|(model, _)| model),
        "azure-openai" => path.split('/').nth(1).map(str::to_owned),
        "huggingface" => {
            let model = huggingface_model(path);
            Some(model.strip_suffix("/v1/chat/completions").unwrap_or(model).to_owned())
        }
        "replicate" => replicate_path_model(path).map(str::to_owned),
        _ => None,
    }
}

/// The answer for an injected [`Fault::Status`].
fn fault_response(request: &UpstreamRequest, status: u16) -> Reply {
    let call = Call::new(request);
    let message = format!("{} (fault injected by the offline upstream)", reason(status));
    error_response(dialect_of(call.provider, &call.path), status, &message)
}

// ---------------------------------------------------------------------------
// Requests

/// A request, split up for routing.
struct Call<'a> {
    provider: &'a str,
    /// Endpoint path: no leading or trailing `/`, no query string.
    path: String,
    query: &'a str,
    method: &'a Method,
    body: &'a [u8],
}

impl<'a> Call<'a> {
    fn new(request: &'a UpstreamRequest) -> Self {
        let endpoint = request.endpoint.trim_start_matches('/');
        let (path, query) = endpoint.split_once('?').unwrap_or((endpoint, ""));
        Self {
            provider: &request.provider,
            path: path.trim_end_matches('/').to_owned(),
            query,
            method: &request.method,
            body: &request.body,
        }
    }

    fn is_post(&self) -> bool {
        *self.method == Method::POST
    }

    fn query_param(&self, name: &str) -> Option<&'a str> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then_some(value)
        })
    }

    /// The body as a JSON object, or why it is not one.
    fn json(&self) -> Result<Map<String, Value>, String> {
        match serde_json::from_slice::<Value>(self.body) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err("the request body must be a JSON object".to_owned()),
            Err(error) => Err(format!("malformed JSON body: {error}")),
        }
    }
}

/// The value of `key` unless it is missing or `null`.
fn field<'v>(body: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    body.get(key).filter(|value| !value.is_null())
}

fn str_field<'v>(body: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    body.get(key).and_then(Value::as_str)
}

fn uint_field(body: &Map<String, Value>, key: &str) -> Option<usize> {
    body.get(key).and_then(Value::as_u64).map(|n| usize::try_from(n).unwrap_or(usize::MAX))
}

fn is_true(body: &Map<String, Value>, key: &str) -> bool {
    body.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn percent_decode(text: &str) -> String {
    fn hex(byte: Option<&u8>) -> Option<u8> {
        byte.and_then(|b| char::from(*b).to_digit(16)).and_then(|d| u8::try_from(d).ok())
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                out.push(high << 4 | low);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every string in `value`, following `text`, `content` and `parts` keys
/// (OpenAI, Anthropic, Gemini, Cohere, Bedrock and Responses messages).
fn collect_text(value: &Value, out: &mut String) {
    match value {
        Value::String(text) if !text.is_empty() => {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(text);
        }
        Value::Array(items) => {
            for item in items {
                collect_text(item, out);
            }
        }
        Value::Object(map) => {
            for key in ["text", "content", "parts"] {
                if let Some(inner) = map.get(key) {
                    collect_text(inner, out);
                }
            }
        }
        _ => {}
    }
}

fn text_of(value: &Value) -> String {
    let mut out = String::new();
    collect_text(value, &mut out);
    out
}

// ---------------------------------------------------------------------------
// Deterministic content

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `parts`, with a separator byte between parts.
fn seed_of(parts: &[&[u8]]) -> u64 {
    let mut hash = FNV_OFFSET;
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            hash ^= 0xff;
            hash = hash.wrapping_mul(FNV_PRIME);
        }
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    }
    hash
}

fn seed_str(parts: &[&str]) -> u64 {
    let bytes: Vec<&[u8]> = parts.iter().map(|part| part.as_bytes()).collect();
    seed_of(&bytes)
}

/// `SplitMix64`: small, fast, good enough for fake content.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform-ish in `0..n` (`0` when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() >> 33).unwrap_or(0) % n.max(1)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        f64::from_bits(0x3ff0_0000_0000_0000 | (self.next() >> 12)) - 1.0
    }

    fn byte(&mut self) -> u8 {
        self.next().to_be_bytes()[0]
    }

    fn pick<'w>(&mut self, items: &[&'w str]) -> &'w str {
        items[self.below(items.len())]
    }
}

const VOCABULARY: [&str; 48] = [
    "the",
    "gateway",
    "keeps",
    "a",
    "careful",
    "record",
    "of",
    "each",
    "quiet",
    "request",
    "while",
    "tokens",
    "drift",
    "through",
    "cached",
    "answers",
    "and",
    "models",
    "reply",
    "with",
    "steady",
    "light",
    "across",
    "every",
    "route",
    "so",
    "tests",
    "can",
    "trust",
    "what",
    "they",
    "see",
    "because",
    "nothing",
    "here",
    "leaves",
    "this",
    "machine",
    "offline",
    "signals",
    "travel",
    "slowly",
    "retries",
    "wait",
    "patiently",
    "before",
    "fallbacks",
    "begin",
];

/// `"{lead} {8 hex digits}: word word ... ."` with `min..min + spread` words.
fn sentence(seed: u64, lead: &str, min: usize, spread: usize) -> String {
    let mut rng = Rng::new(seed);
    let count = min + rng.below(spread);
    let mut text = format!("{lead} {:08x}:", seed >> 32);
    for _ in 0..count {
        text.push(' ');
        text.push_str(rng.pick(&VOCABULARY));
    }
    text.push('.');
    text
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Estimated tokens of an input: its words × 4/3, rounded.
fn approx_tokens(text: &str) -> usize {
    (words(text) * 4 + 1) / 3
}

fn round_to(value: f64, scale: f64) -> f64 {
    (value * scale).round() / scale
}

fn round6(value: f64) -> f64 {
    round_to(value, 1e6)
}

/// `text` split for streaming: first word, then `" word"` pieces; they concatenate back to `text`.
fn pieces(text: &str) -> Vec<String> {
    text.split(' ').enumerate().map(|(i, word)| if i == 0 { word.to_owned() } else { format!(" {word}") }).collect()
}

/// A fixed, plausible Unix timestamp (Nov 2023 – Nov 2024) derived from `seed`.
fn created(seed: u64) -> u64 {
    1_700_000_000 + seed % 31_536_000
}

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HEX: &[u8] = b"0123456789abcdef";

fn token(seed: u64, alphabet: &[u8], len: usize) -> String {
    let mut rng = Rng::new(seed ^ 0x1d5e_ed00_c0ff_ee11);
    (0..len).map(|_| char::from(alphabet[rng.below(alphabet.len())])).collect()
}

fn uuid(seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0x0fed_cba9_8765_4321);
    let (a, b) = (rng.next(), rng.next());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        ((b >> 48) & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// `YYYY-MM-DDTHH:MM:SS` (UTC) for a Unix time (days-to-civil after Howard Hinnant).
fn rfc3339(secs: u64) -> String {
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// What a chat-like request asks for, reduced to what the double needs.
struct Prompt {
    model: String,
    /// The last user message: drives the content.
    last_user: String,
    /// Every input text (system prompt, all turns): drives the input token count.
    all_input: String,
    /// The output limit the request sets, in tokens (= words here).
    max_tokens: Option<usize>,
}

/// A generated answer.
struct Completion {
    text: String,
    input_tokens: usize,
    output_tokens: usize,
    /// Cut short by the request's output limit.
    truncated: bool,
    seed: u64,
}

impl Completion {
    fn total_tokens(&self) -> usize {
        self.input_tokens + self.output_tokens
    }

    fn openai_usage(&self) -> Value {
        json!({
            "prompt_tokens": self.input_tokens,
            "completion_tokens": self.output_tokens,
            "total_tokens": self.total_tokens(),
        })
    }
}

impl Prompt {
    fn single(model: &str, text: &str) -> Self {
        Self { model: model.to_owned(), last_user: text.to_owned(), all_input: text.to_owned(), max_tokens: None }
    }

    /// From a list of messages; a message without `role` counts as the user's (Gemini).
    fn from_messages(model: &str, messages: &[Value], system: Option<&Value>) -> Self {
        let last_user = messages
            .iter()
            .rev()
            .find(|m| m.get("role").and_then(Value::as_str).is_none_or(|role| role.eq_ignore_ascii_case("user")))
            .or_else(|| messages.last())
            .map(text_of)
            .unwrap_or_default();
        let mut all_input = String::new();
        if let Some(system) = system {
            collect_text(system, &mut all_input);
        }
        for message in messages {
            collect_text(message, &mut all_input);
        }
        Self { model: model.to_owned(), last_user, all_input, max_tokens: None }
    }

    fn limit(mut self, max_tokens: Option<usize>) -> Self {
        self.max_tokens = max_tokens;
        self
    }

    fn complete(&self) -> Completion {
        let seed = seed_str(&[&self.model, &self.last_user]);
        let full = sentence(seed, "Offline answer", 8, 12);
        let (text, truncated) = match self.max_tokens {
            Some(limit) if words(&full) > limit => {
                (full.split_whitespace().take(limit.max(1)).collect::<Vec<_>>().join(" "), true)
            }
            _ => (full, false),
        };
        Completion { input_tokens: approx_tokens(&self.all_input), output_tokens: words(&text), text, truncated, seed }
    }
}

/// A pseudo-random unit vector (values rounded to 6 decimals).
fn vector(seed: u64, dims: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    let raw: Vec<f64> = (0..dims.max(1)).map(|_| rng.unit() * 2.0 - 1.0).collect();
    let norm = raw.iter().map(|v| v * v).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
    raw.into_iter().map(|v| round6(v / norm)).collect()
}

fn embed(model: &str, text: &str, dims: usize) -> Vec<f64> {
    vector(seed_str(&[model, text]), dims)
}

/// Embedding width by model name; `default` when the name says nothing.
fn embedding_dims(model: &str, default: usize) -> usize {
    let id = model.to_ascii_lowercase();
    let has = |needle: &str| id.contains(needle);
    if has("bge-small") || has("minilm") || has("light") {
        384
    } else if has("bge-large") || has("bge-m3") || has("qwen3-embedding") || has("-v3") || has("titan-embed-text-v2") {
        1024
    } else if has("plamo") {
        2048
    } else if has("3-large") || has("gemini-embedding") {
        3072
    } else if has("bge") || has("embeddinggemma") || has("mpnet") || has("text-embedding-00") {
        768
    } else if has("titan-embed") || has("embed-v4") || has("ada-002") || has("3-small") {
        1536
    } else {
        default
    }
}

// ---------------------------------------------------------------------------
// Binary formats, hand-written

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffff_u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1_u32, 0_u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[usize::try_from((n >> shift) & 63).unwrap_or(0)]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// An 8×8 RGB PNG whose colours derive from `seed`: signature, `IHDR`, one
/// `IDAT` (zlib, one stored block, Adler-32) and `IEND`, each chunk with its CRC-32.
fn png(seed: u64) -> Vec<u8> {
    const SIDE: u8 = 8;
    let mut rng = Rng::new(seed);
    let base = [rng.byte(), rng.byte(), rng.byte()];
    let mut scanlines = Vec::with_capacity(usize::from(SIDE) * (1 + usize::from(SIDE) * 3));
    for y in 0..SIDE {
        scanlines.push(0); // filter type: none
        for x in 0..SIDE {
            scanlines.extend([base[0].wrapping_add(x * 24), base[1].wrapping_add(y * 24), base[2] ^ ((x ^ y) * 16)]);
        }
    }
    let len = u16::try_from(scanlines.len()).unwrap_or(u16::MAX);
    let mut zlib = vec![0x78, 0x01, 0x01]; // zlib header (deflate, 32 KiB window), final stored block
    zlib.extend(len.to_le_bytes());
    zlib.extend((!len).to_le_bytes());
    zlib.extend(&scanlines);
    zlib.extend(adler32(&scanlines).to_be_bytes());
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend(u32::from(SIDE).to_be_bytes());
    ihdr.extend(u32::from(SIDE).to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", ihdr.as_slice()), (b"IDAT", zlib.as_slice()), (b"IEND", &[][..])] {
        out.extend(u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    out
}

fn png_data_url(seed: u64) -> String {
    format!("data:image/png;base64,{}", base64(&png(seed)))
}

/// MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) of silence; `seed`
/// sits in each frame's ancillary bytes so different inputs differ.
fn mp3(seed: u64, frames: usize) -> Vec<u8> {
    const FRAME_LEN: usize = 417; // 144 × 128000 / 44100, no padding
    const SIDE_INFO_END: usize = 4 + 17; // header + mono side info (all zero: no main data)
    let tag = seed.to_be_bytes();
    let mut out = Vec::with_capacity(FRAME_LEN * frames.max(1));
    for _ in 0..frames.max(1) {
        let start = out.len();
        out.extend([0xff, 0xfb, 0x90, 0xc4]);
        out.resize(start + FRAME_LEN, 0);
        out[start + SIDE_INFO_END..start + SIDE_INFO_END + tag.len()].copy_from_slice(&tag);
    }
    out
}

/// Near-silent PCM samples: `(WAVE format tag, bits per sample, bytes)`.
fn pcm(seed: u64, encoding: &str, samples: usize) -> (u16, u16, Vec<u8>) {
    let mut rng = Rng::new(seed);
    match encoding {
        "pcm_f32le" => {
            let mut data = Vec::with_capacity(samples * 4);
            for _ in 0..samples {
                let bits = u32::try_from(rng.next() >> 32).unwrap_or(0);
                let unit = f32::from_bits(0x3f80_0000 | (bits >> 9)) - 1.0;
                data.extend(((unit - 0.5) * 0.002).to_le_bytes());
            }
            (3, 32, data)
        }
        "pcm_mulaw" => (7, 8, vec![0xff; samples]),
        "pcm_alaw" => (6, 8, vec![0xd5; samples]),
        _ => {
            let mut data = Vec::with_capacity(samples * 2);
            for _ in 0..samples {
                let noise = i16::try_from(rng.below(65)).unwrap_or(32) - 32;
                data.extend(noise.to_le_bytes());
            }
            (1, 16, data)
        }
    }
}

/// A mono RIFF/WAVE file around [`pcm`] samples.
fn wav(seed: u64, encoding: &str, sample_rate: u32, samples: usize) -> Vec<u8> {
    let (format, bits, data) = pcm(seed, encoding, samples);
    let block_align = bits / 8;
    let data_len = u32::try_from(data.len()).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(44 + data.len());
    out.extend(b"RIFF");
    out.extend((36 + data_len).to_le_bytes());
    out.extend(b"WAVEfmt ");
    out.extend(16_u32.to_le_bytes());
    out.extend(format.to_le_bytes());
    out.extend(1_u16.to_le_bytes()); // mono
    out.extend(sample_rate.to_le_bytes());
    out.extend((sample_rate * u32::from(block_align)).to_le_bytes());
    out.extend(block_align.to_le_bytes());
    out.extend(bits.to_le_bytes());
    out.extend(b"data");
    out.extend(data_len.to_le_bytes());
    out.extend(data);
    out
}

/// One AWS event-stream message (`application/vnd.amazon.eventstream`):
/// prelude + prelude CRC, string headers, payload, message CRC.
fn eventstream_message(event_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut headers = Vec::new();
    for (name, value) in
        [(":event-type", event_type), (":content-type", "application/json"), (":message-type", "event")]
    {
        headers.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
        headers.extend(name.as_bytes());
        headers.push(7); // string
        headers.extend(u16::try_from(value.len()).unwrap_or(u16::MAX).to_be_bytes());
        headers.extend(value.as_bytes());
    }
    let total = 12 + headers.len() + payload.len() + 4;
    let mut out = Vec::with_capacity(total);
    out.extend(u32::try_from(total).unwrap_or(u32::MAX).to_be_bytes());
    out.extend(u32::try_from(headers.len()).unwrap_or(u32::MAX).to_be_bytes());
    let prelude_crc = crc32(&out);
    out.extend(prelude_crc.to_be_bytes());
    out.extend(headers);
    out.extend(payload);
    let crc = crc32(&out);
    out.extend(crc.to_be_bytes());
    out
}

// ---------------------------------------------------------------------------
// Responses and error shapes

/// An answer before it is sent: [`OfflineUpstream::answer`] and
/// [`Upstream::send`] turn it into an [`UpstreamResponse`].
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: HeaderMap,
    /// The whole body; for an event stream, every event back to back.
    body: Bytes,
    /// For an event stream: where each event ends in `body` (`None`: a whole body).
    event_ends: Option<Vec<usize>>,
}

impl Reply {
    fn is_stream(&self) -> bool {
        self.event_ends.is_some()
    }

    /// The events of an event stream, each a slice of the body.
    fn events(&self) -> Option<Vec<Bytes>> {
        let ends = self.event_ends.as_ref()?;
        let starts = std::iter::once(0).chain(ends.iter().copied());
        Some(starts.zip(ends).map(|(start, &end)| self.body.slice(start..end)).collect())
    }

    /// The response: a whole body, or the events as a stream sent as `pacing` says.
    fn into_response(self, pacing: Pacing) -> UpstreamResponse {
        let body = match self.events() {
            Some(events) => UpstreamBody::Stream(event_stream(events, pacing)),
            None => UpstreamBody::Full(self.body),
        };
        UpstreamResponse { status: self.status, headers: self.headers, body }
    }
}

fn bytes_response(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    Reply { status, headers, body: Bytes::from(body), event_ends: None }
}

fn json_response(status: u16, body: &Value) -> Reply {
    bytes_response(status, "application/json", serde_json::to_vec(body).unwrap_or_default())
}

fn ok_json(body: &Value) -> Reply {
    json_response(200, body)
}

fn with_header(mut response: Reply, name: &'static str, value: &str) -> Reply {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers.insert(HeaderName::from_static(name), value);
    }
    response
}

/// A `text/event-stream` answer, streamed one event at a time: each event is
/// an optional `event:` line and a `data:` line.
fn sse_response(events: impl IntoIterator<Item = (Option<&'static str>, String)>) -> Reply {
    let mut body = String::new();
    let mut ends = Vec::new();
    for (name, data) in events {
        if let Some(name) = name {
            let _ = writeln!(body, "event: {name}");
        }
        let _ = write!(body, "data: {data}\n\n");
        ends.push(body.len());
    }
    let mut reply = bytes_response(200, "text/event-stream", body.into_bytes());
    reply.event_ends = Some(ends);
    reply
}

/// Whose error body a failure gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    WorkersAi,
    OpenAi,
    Anthropic,
    Google,
    Cohere,
    Bedrock,
    HuggingFace,
    Replicate,
    Cartesia,
    ElevenLabs,
    Firefly,
}

fn dialect_of(provider: &str, path: &str) -> Dialect {
    match provider {
        "workers-ai" if !path.starts_with("v1/") => Dialect::WorkersAi,
        "anthropic" => Dialect::Anthropic,
        "google-ai-studio" | "google-vertex-ai" => Dialect::Google,
        "cohere" => Dialect::Cohere,
        "aws-bedrock" => Dialect::Bedrock,
        "huggingface" => Dialect::HuggingFace,
        "replicate" => Dialect::Replicate,
        "cartesia" => Dialect::Cartesia,
        "elevenlabs" => Dialect::ElevenLabs,
        "adobe-firefly" => Dialect::Firefly,
        _ => Dialect::OpenAi,
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        529 => "Overloaded",
        _ => StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error"),
    }
}

/// A lower-case error slug for providers that put one in their error bodies.
fn status_slug(status: u16) -> &'static str {
    match status {
        400 => "invalid_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        408 => "request_timeout",
        409 => "conflict",
        413 => "payload_too_large",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        529 => "overloaded",
        s if s >= 500 => "internal_server_error",
        _ => "error",
    }
}

/// `status` with `message` in `dialect`'s error body; `429` adds `retry-after: 1`.
fn error_response(dialect: Dialect, status: u16, message: &str) -> Reply {
    let response = match dialect {
        Dialect::WorkersAi => workers_ai_error(status, workers_ai_code(status), message),
        Dialect::OpenAi => openai_error(status, message, None),
        Dialect::Anthropic => anthropic_error(status, message),
        Dialect::Google => google_error(status, message),
        Dialect::Cohere => json_response(status, &json!({"id": uuid(seed_str(&[message])), "message": message})),
        Dialect::Bedrock => bedrock_error(status, bedrock_error_type(status), message),
        Dialect::HuggingFace if status == 503 => {
            json_response(status, &json!({"error": message, "estimated_time": 20.0}))
        }
        Dialect::HuggingFace => json_response(status, &json!({"error": message})),
        Dialect::Replicate => replicate_error(status, message),
        Dialect::Cartesia => cartesia_error(status, message),
        Dialect::ElevenLabs => {
            json_response(status, &json!({"detail": {"status": status_slug(status), "message": message}}))
        }
        Dialect::Firefly => json_response(status, &json!({"error_code": status_slug(status), "message": message})),
    };
    if status == 429 { with_header(response, "retry-after", "1") } else { response }
}

fn workers_ai_code(status: u16) -> u32 {
    match status {
        401 | 403 => 10000,
        404 => 7003,
        408 => 3007,
        413 => 3006,
        429 => 3040,
        s if s >= 500 => 3043,
        _ => 5004,
    }
}

/// The Workers AI error envelope.
fn workers_ai_error(status: u16, code: u32, message: &str) -> Reply {
    json_response(
        status,
        &json!({"result": null, "success": false, "errors": [{"code": code, "message": message}], "messages": []}),
    )
}

fn openai_error(status: u16, message: &str, param: Option<&str>) -> Reply {
    let (kind, code) = match status {
        401 => ("invalid_request_error", json!("invalid_api_key")),
        429 => ("requests", json!("rate_limit_exceeded")),
        s if s >= 500 => ("server_error", Value::Null),
        _ => ("invalid_request_error", Value::Null),
    };
    json_response(status, &json!({"error": {"message": message, "type": kind, "param": param, "code": code}}))
}

fn anthropic_error(status: u16, message: &str) -> Reply {
    let kind = match status {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        s if s >= 500 => "api_error",
        _ => "invalid_request_error",
    };
    json_response(status, &json!({"type": "error", "error": {"type": kind, "message": message}}))
}

fn google_error(status: u16, message: &str) -> Reply {
    let kind = match status {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        s if s >= 500 => "INTERNAL",
        _ => "FAILED_PRECONDITION",
    };
    json_response(status, &json!({"error": {"code": status, "message": message, "status": kind}}))
}

fn bedrock_error_type(status: u16) -> &'static str {
    match status {
        403 => "AccessDeniedException",
        404 => "ResourceNotFoundException",
        408 => "ModelTimeoutException",
        424 => "ModelErrorException",
        429 => "ThrottlingException",
        503 => "ServiceUnavailableException",
        s if s >= 500 => "InternalServerException",
        _ => "ValidationException",
    }
}

/// Bedrock: `{"message": ...}` plus the `x-amzn-errortype` header.
fn bedrock_error(status: u16, kind: &str, message: &str) -> Reply {
    let response = json_response(status, &json!({"message": message}));
    with_header(response, "x-amzn-errortype", &format!("{kind}:http://internal.amazon.com/coral/com.amazon.bedrock/"))
}

/// Replicate: RFC 7807 problem details.
fn replicate_error(status: u16, message: &str) -> Reply {
    let body = json!({"title": reason(status), "detail": message, "status": status});
    bytes_response(status, "application/problem+json", serde_json::to_vec(&body).unwrap_or_default())
}

fn cartesia_error(status: u16, message: &str) -> Reply {
    json_response(
        status,
        &json!({
            "error_code": status_slug(status),
            "title": reason(status),
            "message": message,
            "request_id": uuid(seed_str(&["cartesia", message])),
        }),
    )
}

// ---------------------------------------------------------------------------
// Routing

/// The answer for a provider the double knows, `None` for any other provider.
fn dispatch(call: &Call<'_>) -> Option<Reply> {
    let response = match call.provider {
        "workers-ai" => workers_ai(call),
        "anthropic" => anthropic(call),
        "google-ai-studio" => google_ai_studio(call),
        "google-vertex-ai" => vertex(call),
        "cohere" => cohere(call),
        "aws-bedrock" => bedrock(call),
        "huggingface" => huggingface(call),
        "replicate" => replicate(call),
        "cartesia" => cartesia(call),
        "elevenlabs" => elevenlabs(call),
        "adobe-firefly" => firefly(call),
        provider if OPENAI_COMPATIBLE.contains(&provider) => openai(call),
        _ => return None,
    };
    Some(response)
}

// ---------------------------------------------------------------------------
// Workers AI

/// A Workers AI task family, chosen from the model id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WaTask {
    TextGeneration,
    Embeddings(usize),
    Reranking,
    TextClassification,
    ImageClassification,
    Summarization,
    Translation,
    /// `json`: `{"image": base64}` in the envelope instead of raw PNG bytes.
    TextToImage {
        json: bool,
    },
    SpeechRecognition,
    /// `json`: `{"audio": base64}` in the envelope instead of raw MP3 bytes.
    TextToSpeech {
        json: bool,
    },
    ImageToText,
    TurnDetection,
}

/// Substrings of Workers AI text-generation model ids.
const WA_TEXT_GENERATION: [&str; 22] = [
    "llama",
    "mistral",
    "gemma",
    "qwen",
    "qwq",
    "deepseek",
    "phi-",
    "hermes",
    "zephyr",
    "openchat",
    "falcon",
    "sqlcoder",
    "gpt-oss",
    "glm",
    "kimi",
    "nemotron",
    "granite",
    "starling",
    "discolm",
    "cybertron",
    "sea-lion",
    "neural-chat",
];

impl WaTask {
    fn of(model: &str) -> Option<Self> {
        let id = model.to_ascii_lowercase();
        let name = id.rsplit('/').next().unwrap_or(&id);
        let has = |needle: &str| id.contains(needle);
        let task = if has("reranker") {
            Self::Reranking
        } else if has("bge") || has("embedding") {
            Self::Embeddings(embedding_dims(&id, 768))
        } else if has("distilbert") {
            Self::TextClassification
        } else if has("resnet") {
            Self::ImageClassification
        } else if has("bart") {
            Self::Summarization
        } else if has("m2m100") || has("indictrans") {
            Self::Translation
        } else if has("whisper") || has("nova") || has("nemotron-speech") || id == "@cf/deepgram/flux" {
            Self::SpeechRecognition
        } else if has("stable-diffusion") || has("dreamshaper") || name.starts_with("flux-") || has("phoenix") {
            Self::TextToImage { json: name.starts_with("flux-") }
        } else if has("lucid-origin") {
            Self::TextToImage { json: true }
        } else if has("melotts") || has("aura") {
            Self::TextToSpeech { json: has("melotts") }
        } else if has("llava") || has("uform") || has("moondream") {
            Self::ImageToText
        } else if has("smart-turn") {
            Self::TurnDetection
        } else if WA_TEXT_GENERATION.iter().any(|needle| has(needle)) {
            Self::TextGeneration
        } else {
            return None;
        };
        Some(task)
    }

    /// Accepts the raw input bytes as the body (audio, image).
    fn takes_raw_bytes(self) -> bool {
        matches!(self, Self::SpeechRecognition | Self::ImageClassification | Self::TurnDetection)
    }
}

fn wa_ok(result: &Value) -> Reply {
    ok_json(&json!({"result": result, "success": true, "errors": [], "messages": []}))
}

fn wa_bad_input(message: &str) -> Reply {
    workers_ai_error(400, 5006, message)
}

fn wa_missing(key: &str) -> Reply {
    wa_bad_input(&format!("required properties at '/' are '{key}'"))
}

/// Workers AI: `{model}`, `run/{model}` (slashes raw or `%2F`), or the
/// OpenAI-compatible `v1/chat/completions`, `v1/embeddings`, `v1/responses`.
fn workers_ai(call: &Call<'_>) -> Reply {
    match call.path.as_str() {
        "v1/chat/completions" if call.is_post() => return openai_chat(call, None),
        "v1/embeddings" if call.is_post() => return openai_embeddings(call, None),
        "v1/responses" if call.is_post() => return openai_responses(call, None),
        _ => {}
    }
    let model = percent_decode(call.path.strip_prefix("run/").unwrap_or(&call.path));
    if !call.is_post() || !(model.starts_with("@cf/") || model.starts_with("@hf/")) {
        return workers_ai_error(404, 7003, "No route for the URI");
    }
    let body = call.json();
    let task = match (WaTask::of(&model), &body) {
        (Some(task), _) => task,
        (None, Ok(input))
            if model.starts_with("@cf/")
                && (field(input, "prompt").is_some() || field(input, "messages").is_some()) =>
        {
            WaTask::TextGeneration
        }
        // The fixture's body, without `messages`.
        (None, _) => {
            return json_response(
                400,
                &json!({"result": null, "success": false, "errors": [{"code": 5007, "message": "No such model"}]}),
            );
        }
    };
    let input = match body {
        Ok(input) => input,
        Err(_) if task.takes_raw_bytes() => return wa_raw(task, &model, call.body),
        Err(problem) => return workers_ai_error(400, 5004, &format!("Invalid data: {problem}")),
    };
    if call.query_param("queueRequest") == Some("true") {
        let request_id = uuid(seed_of(&[model.as_bytes(), call.body]));
        return wa_ok(&json!({"status": "queued", "request_id": request_id}));
    }
    wa_task(task, &model, &input)
}

fn wa_task(task: WaTask, model: &str, input: &Map<String, Value>) -> Reply {
    match task {
        WaTask::TextGeneration => wa_text_generation(model, input),
        WaTask::Embeddings(dims) => wa_embeddings(model, input, dims),
        WaTask::Reranking => wa_rerank(model, input),
        WaTask::TextClassification => match str_field(input, "text") {
            Some(text) => wa_ok(&sentiment(seed_str(&[model, text]))),
            None => wa_missing("text"),
        },
        WaTask::ImageClassification | WaTask::SpeechRecognition | WaTask::TurnDetection => {
            let key = if task == WaTask::ImageClassification { "image" } else { "audio" };
            match field(input, key) {
                Some(data) => wa_raw(task, model, data.to_string().as_bytes()),
                None => wa_missing(key),
            }
        }
        WaTask::Summarization => match str_field(input, "input_text") {
            Some(text) => {
                let seed = seed_str(&[model, text]);
                wa_ok(&json!({"summary": sentence(seed, "Offline summary", (words(text) / 4).clamp(4, 40), 4)}))
            }
            None => wa_missing("input_text"),
        },
        WaTask::Translation => wa_translation(model, input),
        WaTask::TextToImage { json } => wa_text_to_image(model, input, json),
        WaTask::TextToSpeech { json } => {
            let Some(text) = str_field(input, "prompt").or_else(|| str_field(input, "text")) else {
                return wa_missing("prompt");
            };
            let audio = mp3(seed_str(&[model, text]), words(text).clamp(1, 16));
            if json { wa_ok(&json!({"audio": base64(&audio)})) } else { bytes_response(200, "audio/mpeg", audio) }
        }
        WaTask::ImageToText => match field(input, "image") {
            Some(image) => {
                let seed = seed_str(&[model, &image.to_string(), str_field(input, "prompt").unwrap_or_default()]);
                wa_ok(&json!({"description": sentence(seed, "Offline description", 8, 12)}))
            }
            None => wa_missing("image"),
        },
    }
}

/// Tasks whose input may be raw bytes (JSON inputs arrive here serialised).
fn wa_raw(task: WaTask, model: &str, data: &[u8]) -> Reply {
    let seed = seed_of(&[model.as_bytes(), data]);
    match task {
        WaTask::ImageClassification => wa_ok(&image_labels(seed)),
        WaTask::TurnDetection => {
            let probability = round6(Rng::new(seed).unit());
            wa_ok(&json!({"is_complete": probability >= 0.5, "probability": probability}))
        }
        _ => wa_ok(&transcript(model, seed)),
    }
}

fn wa_text_generation(model: &str, input: &Map<String, Value>) -> Reply {
    let prompt = match (field(input, "prompt"), field(input, "messages")) {
        (Some(_), Some(_)) => return wa_bad_input("prompt and messages are mutually exclusive"),
        (None, None) if model.contains("gpt-oss") && field(input, "input").is_some() => {
            return match responses_object(model, input) {
                Ok(response) => wa_ok(&response),
                Err((_, message)) => wa_bad_input(&message),
            };
        }
        (None, None) => return wa_bad_input("one of prompt or messages is required"),
        (Some(prompt), None) => match prompt.as_str() {
            Some(text) if !text.is_empty() => Prompt::single(model, text),
            _ => return wa_bad_input("Type mismatch of '/prompt': expected a non-empty string"),
        },
        (None, Some(messages)) => match messages.as_array() {
            Some(messages) => Prompt::from_messages(model, messages, None),
            None => return wa_bad_input("Type mismatch of '/messages': expected an array"),
        },
    };
    let done = prompt.limit(uint_field(input, "max_tokens")).complete();
    if is_true(input, "stream") {
        let mut events: Vec<(Option<&'static str>, String)> =
            pieces(&done.text).into_iter().map(|piece| (None, json!({"response": piece}).to_string())).collect();
        events.push((None, json!({"response": "", "usage": done.openai_usage()}).to_string()));
        events.push((None, "[DONE]".to_owned()));
        return sse_response(events);
    }
    wa_ok(&json!({"response": done.text, "tool_calls": [], "usage": done.openai_usage()}))
}

/// `text` as a list of strings (a string, or a non-empty list of strings).
fn text_list(value: Option<&Value>) -> Option<Vec<String>> {
    match value? {
        Value::String(text) => Some(vec![text.clone()]),
        Value::Array(items) if !items.is_empty() => items.iter().map(|item| item.as_str().map(str::to_owned)).collect(),
        _ => None,
    }
}

fn wa_embeddings(model: &str, input: &Map<String, Value>, dims: usize) -> Reply {
    let Some(texts) = text_list(field(input, "text")) else {
        return wa_missing("text");
    };
    let data: Vec<Vec<f64>> = texts.iter().map(|text| embed(model, text, dims)).collect();
    let pooling = str_field(input, "pooling").unwrap_or("mean");
    wa_ok(&json!({"shape": [data.len(), dims], "data": data, "pooling": pooling}))
}

fn wa_rerank(model: &str, input: &Map<String, Value>) -> Reply {
    let (Some(query), Some(contexts)) = (str_field(input, "query"), input.get("contexts").and_then(Value::as_array))
    else {
        return wa_missing("query' and 'contexts");
    };
    let mut scores: Vec<(usize, f64)> = contexts
        .iter()
        .enumerate()
        .map(|(id, context)| (id, round6(Rng::new(seed_str(&[model, query, &text_of(context)])).unit())))
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    scores.truncate(uint_field(input, "top_k").unwrap_or(usize::MAX));
    let response: Vec<Value> = scores.into_iter().map(|(id, score)| json!({"id": id, "score": score})).collect();
    wa_ok(&json!({"response": response}))
}

fn wa_translation(model: &str, input: &Map<String, Value>) -> Reply {
    let Some(text) = str_field(input, "text") else {
        return wa_missing("text");
    };
    let target = str_field(input, "target_lang").or_else(|| str_field(input, "target_language"));
    let Some(target) = target else {
        return wa_missing(if model.contains("indictrans") { "target_language" } else { "target_lang" });
    };
    let seed = seed_str(&[model, text, target]);
    let lead = format!("Offline translation ({target})");
    wa_ok(&json!({"translated_text": sentence(seed, &lead, words(text).clamp(1, 60), 1)}))
}

fn wa_text_to_image(model: &str, input: &Map<String, Value>, json: bool) -> Reply {
    let Some(prompt) = str_field(input, "prompt").filter(|p| !p.is_empty()) else {
        return wa_missing("prompt");
    };
    let user_seed = input.get("seed").map(Value::to_string).unwrap_or_default();
    let image = png(seed_str(&[model, prompt, &user_seed]));
    if json { wa_ok(&json!({"image": base64(&image)})) } else { bytes_response(200, "image/png", image) }
}

/// `[{"label":"POSITIVE",...},{"label":"NEGATIVE",...}]`.
fn sentiment(seed: u64) -> Value {
    let positive = round6(Rng::new(seed).unit());
    json!([{"label": "POSITIVE", "score": positive}, {"label": "NEGATIVE", "score": round6(1.0 - positive)}])
}

const IMAGE_LABELS: [&str; 10] = [
    "EGYPTIAN CAT",
    "TABBY",
    "TIGER CAT",
    "GOLDEN RETRIEVER",
    "LABRADOR RETRIEVER",
    "SPORTS CAR",
    "TEAPOT",
    "PIZZA",
    "MOUNTAIN BIKE",
    "LAKESIDE",
];

/// Five ImageNet-style labels with decreasing scores.
fn image_labels(seed: u64) -> Value {
    let mut rng = Rng::new(seed);
    let first = rng.below(IMAGE_LABELS.len());
    let mut score = 0.5 + 0.45 * rng.unit();
    let mut labels = Vec::with_capacity(5);
    for offset in 0..5 {
        labels.push(json!({"label": IMAGE_LABELS[(first + offset) % IMAGE_LABELS.len()], "score": round6(score)}));
        score *= 0.1 + 0.4 * rng.unit();
    }
    Value::Array(labels)
}

/// `{"text","word_count","words":[{"word","start","end"}]}` (+ `vtt` for Whisper).
fn transcript(model: &str, seed: u64) -> Value {
    let text = sentence(seed, "Offline transcript", 4, 8);
    let mut timed = Vec::new();
    let mut end_ms = 0_u64;
    for (index, word) in (0_u32..).zip(text.split_whitespace()) {
        let start = round_to(0.4 * f64::from(index), 100.0);
        timed.push(json!({"word": word, "start": start, "end": round_to(start + 0.35, 100.0)}));
        end_ms += 400;
    }
    let mut result = json!({"text": text, "word_count": timed.len(), "words": timed});
    if model.contains("whisper") {
        let vtt = format!(
            "WEBVTT\n\n00:00.000 --> {:02}:{:02}.{:03}\n{text}\n\n",
            end_ms / 60_000,
            end_ms / 1000 % 60,
            end_ms % 1000
        );
        result["vtt"] = json!(vtt);
    }
    result
}

// ---------------------------------------------------------------------------
// OpenAI and OpenAI-compatible providers

/// OpenAI-compatible providers: `[v1/]chat/completions`, `[v1/]embeddings`,
/// `[v1/]responses`; Azure: `{resource}/{deployment}/{route}` (the deployment
/// stands in for a missing `model`).
fn openai(call: &Call<'_>) -> Reply {
    let (route, deployment) = if call.provider == "azure-openai" {
        match call.path.splitn(3, '/').collect::<Vec<_>>().as_slice() {
            [_resource, deployment, route] if !deployment.is_empty() => (*route, Some(*deployment)),
            _ => return openai_not_found(call),
        }
    } else {
        (call.path.strip_prefix("v1/").unwrap_or(&call.path), None)
    };
    match route {
        "chat/completions" if call.is_post() => openai_chat(call, deployment),
        "embeddings" if call.is_post() => openai_embeddings(call, deployment),
        "responses" if call.is_post() => openai_responses(call, deployment),
        _ => openai_not_found(call),
    }
}

fn openai_not_found(call: &Call<'_>) -> Reply {
    openai_error(404, &format!("Invalid URL ({} /{})", call.method, call.path), None)
}

fn openai_body(call: &Call<'_>) -> Result<Map<String, Value>, Box<Reply>> {
    call.json().map_err(|problem| {
        Box::new(openai_error(400, &format!("We could not parse the JSON body of your request: {problem}"), None))
    })
}

fn openai_chat(call: &Call<'_>, default_model: Option<&str>) -> Reply {
    let body = match openai_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let Some(model) = str_field(&body, "model").or(default_model) else {
        return openai_error(400, "you must provide a model parameter", None);
    };
    let messages = match field(&body, "messages") {
        None => return openai_error(400, "Missing required parameter: 'messages'.", Some("messages")),
        Some(Value::Array(messages)) if messages.is_empty() => {
            let message = "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.";
            return openai_error(400, message, Some("messages"));
        }
        Some(Value::Array(messages)) => messages,
        Some(_) => {
            return openai_error(400, "Invalid type for 'messages': expected an array of objects.", Some("messages"));
        }
    };
    let limit = uint_field(&body, "max_completion_tokens").or_else(|| uint_field(&body, "max_tokens"));
    let done = Prompt::from_messages(model, messages, None).limit(limit).complete();
    let id = format!("chatcmpl-{}", token(done.seed, BASE62, 29));
    let created = created(done.seed);
    let finish = if done.truncated { "length" } else { "stop" };
    if is_true(&body, "stream") {
        let include_usage = body.get("stream_options").and_then(|o| o.get("include_usage")) == Some(&Value::Bool(true));
        return openai_chat_stream(&id, created, model, &done, finish, include_usage);
    }
    ok_json(&json!({
        "id": id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": done.text, "refusal": null, "annotations": []},
            "logprobs": null,
            "finish_reason": finish,
        }],
        "usage": done.openai_usage(),
        "system_fingerprint": "fp_offline",
    }))
}

fn openai_chat_stream(
    id: &str,
    created: u64,
    model: &str,
    done: &Completion,
    finish: &str,
    include_usage: bool,
) -> Reply {
    let chunk = |choices: Value| {
        json!({
            "id": id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "system_fingerprint": "fp_offline",
            "choices": choices,
        })
    };
    let choice =
        |delta: Value, finish: Value| json!([{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]);
    let mut events = vec![chunk(choice(json!({"role": "assistant", "content": "", "refusal": null}), Value::Null))];
    for piece in pieces(&done.text) {
        events.push(chunk(choice(json!({"content": piece}), Value::Null)));
    }
    events.push(chunk(choice(json!({}), json!(finish))));
    if include_usage {
        let mut last = chunk(json!([]));
        last["usage"] = done.openai_usage();
        events.push(last);
    }
    let mut events: Vec<(Option<&'static str>, String)> = events.into_iter().map(|e| (None, e.to_string())).collect();
    events.push((None, "[DONE]".to_owned()));
    sse_response(events)
}

/// OpenAI `input`: a string, a token list, or a list of strings / token lists.
fn embedding_inputs(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::String(text) => Some(vec![text.clone()]),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_number) => Some(vec![value.to_string()]),
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|item| match item {
                Value::String(text) => Some(text.clone()),
                Value::Array(_) => Some(item.to_string()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

fn openai_embeddings(call: &Call<'_>, default_model: Option<&str>) -> Reply {
    let body = match openai_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let Some(model) = str_field(&body, "model").or(default_model) else {
        return openai_error(400, "you must provide a model parameter", None);
    };
    let Some(input) = field(&body, "input") else {
        return openai_error(400, "Missing required parameter: 'input'.", Some("input"));
    };
    let Some(texts) = embedding_inputs(input) else {
        return openai_error(400, "Invalid 'input': expected a string or an array of strings.", Some("input"));
    };
    let default_dims = if model.starts_with('@') { 768 } else { 1536 };
    let dims = uint_field(&body, "dimensions").unwrap_or_else(|| embedding_dims(model, default_dims));
    let as_base64 = str_field(&body, "encoding_format") == Some("base64");
    let data: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let values = embed(model, text, dims);
            let embedding = if as_base64 { json!(base64(&f32_le(&values))) } else { json!(values) };
            json!({"object": "embedding", "index": index, "embedding": embedding})
        })
        .collect();
    let tokens: usize = texts.iter().map(|text| approx_tokens(text)).sum();
    ok_json(&json!({
        "object": "list",
        "data": data,
        "model": model,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }))
}

#[allow(clippy::cast_possible_truncation, reason = "embedding values are small; f32 is the wire precision")]
fn f32_le(values: &[f64]) -> Vec<u8> {
    values.iter().flat_map(|v| (*v as f32).to_le_bytes()).collect()
}

fn openai_responses(call: &Call<'_>, default_model: Option<&str>) -> Reply {
    let body = match openai_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let Some(model) = str_field(&body, "model").or(default_model) else {
        return openai_error(400, "Missing required parameter: 'model'.", Some("model"));
    };
    match responses_object(model, &body) {
        Ok(response) => ok_json(&response),
        Err((param, message)) => openai_error(400, &message, param),
    }
}

/// An OpenAI Responses object (with the SDKs' `output_text` convenience
/// field), or the offending parameter and a message.
fn responses_object(model: &str, body: &Map<String, Value>) -> Result<Value, (Option<&'static str>, String)> {
    let instructions = field(body, "instructions");
    let prompt = match field(body, "input") {
        None => Prompt::single(model, ""),
        Some(Value::String(text)) => Prompt::single(model, text),
        Some(Value::Array(items)) => Prompt::from_messages(model, items, None),
        Some(_) => return Err((Some("input"), "Invalid type for 'input': expected a string or an array.".to_owned())),
    };
    let mut prompt = prompt.limit(uint_field(body, "max_output_tokens"));
    if let Some(instructions) = instructions {
        let input = std::mem::take(&mut prompt.all_input);
        format!("{} {input}", text_of(instructions)).trim().clone_into(&mut prompt.all_input);
    }
    let done = prompt.complete();
    let (status, incomplete) = if done.truncated {
        ("incomplete", json!({"reason": "max_output_tokens"}))
    } else {
        ("completed", Value::Null)
    };
    Ok(json!({
        "id": format!("resp_{}", token(done.seed, HEX, 48)),
        "object": "response",
        "created_at": created(done.seed),
        "status": status,
        "error": null,
        "incomplete_details": incomplete,
        "instructions": instructions,
        "max_output_tokens": body.get("max_output_tokens"),
        "model": model,
        "output": [{
            "type": "message",
            "id": format!("msg_{}", token(done.seed ^ 1, HEX, 48)),
            "status": status,
            "role": "assistant",
            "content": [{"type": "output_text", "text": done.text, "annotations": []}],
        }],
        "output_text": done.text,
        "parallel_tool_calls": true,
        "previous_response_id": null,
        "usage": {
            "input_tokens": done.input_tokens,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": done.output_tokens,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": done.total_tokens(),
        },
    }))
}

// ---------------------------------------------------------------------------
// Anthropic

/// A Messages API answer, kept apart so Bedrock and Vertex can reuse it.
struct AnthropicAnswer {
    body: Value,
    done: Completion,
    id: String,
    model: String,
    stop: &'static str,
}

fn anthropic(call: &Call<'_>) -> Reply {
    if !call.is_post() || !matches!(call.path.as_str(), "v1/messages" | "v1/messages/count_tokens") {
        return anthropic_error(404, "Not Found");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return anthropic_error(400, &problem),
    };
    if call.path == "v1/messages/count_tokens" {
        let Some(messages) = body.get("messages").and_then(Value::as_array) else {
            return anthropic_error(400, "messages: Field required");
        };
        let prompt = Prompt::from_messages("", messages, body.get("system"));
        return ok_json(&json!({"input_tokens": approx_tokens(&prompt.all_input)}));
    }
    match anthropic_answer(&body, None) {
        Ok(answer) if is_true(&body, "stream") => sse_response(anthropic_events(&answer)),
        Ok(answer) => ok_json(&answer.body),
        Err(message) => anthropic_error(400, &message),
    }
}

/// The Messages API answer to `body`; `path_model` replaces the body's
/// `model` (Bedrock, Vertex). `Err` is a validation message.
fn anthropic_answer(body: &Map<String, Value>, path_model: Option<&str>) -> Result<AnthropicAnswer, String> {
    let model = match path_model {
        Some(model) => model,
        None => str_field(body, "model").ok_or("model: Field required")?,
    };
    let max_tokens = field(body, "max_tokens").ok_or("max_tokens: Field required")?;
    let max_tokens = max_tokens
        .as_u64()
        .filter(|n| *n >= 1)
        .ok_or("max_tokens: Input should be an integer greater than or equal to 1")?;
    let messages = field(body, "messages").ok_or("messages: Field required")?;
    let messages = messages.as_array().ok_or("messages: Input should be a valid list")?;
    if messages.is_empty() {
        return Err("messages: at least one message is required".to_owned());
    }
    let limit = usize::try_from(max_tokens).unwrap_or(usize::MAX);
    let done = Prompt::from_messages(model, messages, body.get("system")).limit(Some(limit)).complete();
    let id = format!("msg_01{}", token(done.seed, BASE62, 22));
    let stop = if done.truncated { "max_tokens" } else { "end_turn" };
    let body = json!({
        "id": id,
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": [{"type": "text", "text": done.text}],
        "stop_reason": stop,
        "stop_sequence": null,
        "usage": {
            "input_tokens": done.input_tokens,
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
            "output_tokens": done.output_tokens,
        },
    });
    Ok(AnthropicAnswer { body, done, id, model: model.to_owned(), stop })
}

/// The Messages streaming events, as `(event name, data)`.
fn anthropic_events(answer: &AnthropicAnswer) -> Vec<(Option<&'static str>, String)> {
    let start = json!({
        "type": "message_start",
        "message": {
            "id": answer.id, "type": "message", "role": "assistant", "model": answer.model, "content": [],
            "stop_reason": null, "stop_sequence": null,
            "usage": {"input_tokens": answer.done.input_tokens, "output_tokens": 1},
        },
    });
    let mut events = vec![
        ("message_start", start),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        ("ping", json!({"type": "ping"})),
    ];
    for piece in pieces(&answer.done.text) {
        let delta = json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}});
        events.push(("content_block_delta", delta));
    }
    events.push(("content_block_stop", json!({"type": "content_block_stop", "index": 0})));
    events.push((
        "message_delta",
        json!({
            "type": "message_delta",
            "delta": {"stop_reason": answer.stop, "stop_sequence": null},
            "usage": {"output_tokens": answer.done.output_tokens},
        }),
    ));
    events.push(("message_stop", json!({"type": "message_stop"})));
    events.into_iter().map(|(name, data)| (Some(name), data.to_string())).collect()
}

// ---------------------------------------------------------------------------
// Google AI Studio and Vertex AI

/// `(before, model, action)` for `...models/{model}:{action}`.
fn split_model_action(path: &str) -> Option<(&str, &str, &str)> {
    let at = if path.starts_with("models/") { 0 } else { path.rfind("/models/")? + 1 };
    let (model, action) = path[at + "models/".len()..].rsplit_once(':')?;
    (!model.is_empty() && !model.contains('/')).then_some((&path[..at], model, action))
}

fn google_not_found(call: &Call<'_>) -> Reply {
    google_error(404, &format!("The requested URL /{} was not found on this server.", call.path))
}

/// Google AI Studio: `{v1,v1beta,v1alpha}/models/{model}:{action}`.
fn google_ai_studio(call: &Call<'_>) -> Reply {
    match split_model_action(&call.path) {
        Some(("v1/" | "v1beta/" | "v1alpha/", model, action)) if call.is_post() => gemini(call, model, action),
        _ => google_not_found(call),
    }
}

/// Vertex AI: `.../publishers/{publisher}/models/{model}:{action}`
/// (Gemini actions, `predict` for embeddings, `rawPredict` /
/// `streamRawPredict` for Anthropic models) and the OpenAI-compatible
/// `.../endpoints/openapi/chat/completions`.
fn vertex(call: &Call<'_>) -> Reply {
    if call.path.ends_with("endpoints/openapi/chat/completions") && call.is_post() {
        return openai_chat(call, None);
    }
    let Some((before, model, action)) = split_model_action(&call.path).filter(|_| call.is_post()) else {
        return google_not_found(call);
    };
    match action {
        "rawPredict" | "streamRawPredict" if before.contains("publishers/anthropic/") => {
            let body = match call.json() {
                Ok(body) => body,
                Err(problem) => return google_error(400, &format!("Invalid JSON payload received. {problem}")),
            };
            match anthropic_answer(&body, Some(model)) {
                Ok(answer) if action == "streamRawPredict" || is_true(&body, "stream") => {
                    sse_response(anthropic_events(&answer))
                }
                Ok(answer) => ok_json(&answer.body),
                Err(message) => anthropic_error(400, &message),
            }
        }
        "predict" => vertex_predict(call, model),
        _ => gemini(call, model, action),
    }
}

fn google_body(call: &Call<'_>) -> Result<Map<String, Value>, Box<Reply>> {
    call.json().map_err(|problem| Box::new(google_error(400, &format!("Invalid JSON payload received. {problem}"))))
}

/// Gemini actions: `generateContent`, `streamGenerateContent` (JSON array, or
/// SSE with `alt=sse`), `countTokens`, `embedContent`, `batchEmbedContents`.
fn gemini(call: &Call<'_>, model: &str, action: &str) -> Reply {
    let body = match google_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let dims = |request: &Map<String, Value>| {
        uint_field(request, "outputDimensionality").unwrap_or_else(|| embedding_dims(model, 768))
    };
    match action {
        "generateContent" | "streamGenerateContent" => {
            let Some(contents) = body.get("contents").and_then(Value::as_array).filter(|c| !c.is_empty()) else {
                return google_error(400, "* GenerateContentRequest.contents: contents is not specified\n");
            };
            let limit = body.get("generationConfig").and_then(|c| c.get("maxOutputTokens")).and_then(Value::as_u64);
            let limit = limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            let done = Prompt::from_messages(model, contents, body.get("systemInstruction")).limit(limit).complete();
            if action == "generateContent" {
                return ok_json(&gemini_chunk(model, &done, &done.text, true));
            }
            gemini_stream(call, model, &done)
        }
        "countTokens" => ok_json(&json!({"totalTokens": approx_tokens(&text_of(&Value::Object(body)))})),
        "embedContent" => {
            let text = body.get("content").map(text_of).unwrap_or_default();
            ok_json(&json!({"embedding": {"values": embed(model, &text, dims(&body))}}))
        }
        "batchEmbedContents" => {
            let requests = body.get("requests").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            let embeddings: Vec<Value> = requests
                .iter()
                .map(|request| {
                    let text = request.get("content").map(text_of).unwrap_or_default();
                    let size = request.as_object().map_or_else(|| embedding_dims(model, 768), dims);
                    json!({"values": embed(model, &text, size)})
                })
                .collect();
            ok_json(&json!({"embeddings": embeddings}))
        }
        _ => google_error(
            404,
            &format!("models/{model} is not found for API version v1beta, or is not supported for {action}."),
        ),
    }
}

/// One `GenerateContentResponse`; `last` adds the finish reason and usage.
fn gemini_chunk(model: &str, done: &Completion, text: &str, last: bool) -> Value {
    let mut candidate = json!({"content": {"parts": [{"text": text}], "role": "model"}, "index": 0});
    let mut chunk = json!({"candidates": [], "modelVersion": model, "responseId": token(done.seed, BASE62, 22)});
    if last {
        candidate["finishReason"] = json!(if done.truncated { "MAX_TOKENS" } else { "STOP" });
        chunk["usageMetadata"] = json!({
            "promptTokenCount": done.input_tokens,
            "candidatesTokenCount": done.output_tokens,
            "totalTokenCount": done.total_tokens(),
        });
    }
    chunk["candidates"] = json!([candidate]);
    chunk
}

fn gemini_stream(call: &Call<'_>, model: &str, done: &Completion) -> Reply {
    let all: Vec<String> = pieces(&done.text);
    let per_chunk = all.len().div_ceil(3).max(1);
    let groups: Vec<String> = all.chunks(per_chunk).map(<[String]>::concat).collect();
    let chunks: Vec<Value> =
        groups.iter().enumerate().map(|(i, text)| gemini_chunk(model, done, text, i + 1 == groups.len())).collect();
    if call.query_param("alt") == Some("sse") {
        sse_response(chunks.into_iter().map(|chunk| (None, chunk.to_string())))
    } else {
        ok_json(&Value::Array(chunks))
    }
}

/// Vertex `predict` for text embedding models: `instances[].content`.
fn vertex_predict(call: &Call<'_>, model: &str) -> Reply {
    let body = match google_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let Some(instances) = body.get("instances").and_then(Value::as_array) else {
        return google_error(400, "Invalid request: `instances` is required.");
    };
    let dims = body
        .get("parameters")
        .and_then(|p| p.get("outputDimensionality"))
        .and_then(Value::as_u64)
        .map_or_else(|| embedding_dims(model, 768), |n| usize::try_from(n).unwrap_or(768));
    let mut characters = 0;
    let predictions: Vec<Value> = instances
        .iter()
        .map(|instance| {
            let text = instance.get("content").map(text_of).unwrap_or_default();
            characters += text.chars().count();
            json!({"embeddings": {
                "statistics": {"truncated": false, "token_count": approx_tokens(&text)},
                "values": embed(model, &text, dims),
            }})
        })
        .collect();
    ok_json(&json!({"predictions": predictions, "metadata": {"billableCharacterCount": characters}}))
}

// ---------------------------------------------------------------------------
// Cohere

/// Cohere: `v2/chat`, `v1/chat`, `v2/embed`, `v1/embed`, and the
/// OpenAI-compatible `compatibility/v1/chat/completions`.
fn cohere(call: &Call<'_>) -> Reply {
    if call.path == "compatibility/v1/chat/completions" && call.is_post() {
        return openai_chat(call, None);
    }
    if !call.is_post() || !matches!(call.path.as_str(), "v2/chat" | "v1/chat" | "v2/embed" | "v1/embed") {
        return error_response(Dialect::Cohere, 404, "404 page not found");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return error_response(Dialect::Cohere, 400, &format!("invalid request: {problem}")),
    };
    let result = match call.path.as_str() {
        "v2/chat" => cohere_chat_v2(&body),
        "v1/chat" => cohere_chat_v1(&body),
        _ => cohere_embed(&body, call.path == "v2/embed"),
    };
    result.unwrap_or_else(|message| error_response(Dialect::Cohere, 400, &format!("invalid request: {message}")))
}

fn cohere_usage(done: &Completion, version: &str) -> Value {
    let units = json!({"input_tokens": done.input_tokens, "output_tokens": done.output_tokens});
    json!({"api_version": {"version": version}, "billed_units": units, "tokens": units})
}

fn cohere_chat_v2(body: &Map<String, Value>) -> Result<Reply, String> {
    let model = str_field(body, "model").ok_or("model must be specified")?;
    let messages = body.get("messages").and_then(Value::as_array).filter(|m| !m.is_empty());
    let messages = messages.ok_or("messages must be a non-empty list")?;
    let done = Prompt::from_messages(model, messages, None).limit(uint_field(body, "max_tokens")).complete();
    let usage = cohere_usage(&done, "2");
    Ok(ok_json(&json!({
        "id": uuid(done.seed),
        "message": {"role": "assistant", "content": [{"type": "text", "text": done.text}]},
        "finish_reason": if done.truncated { "MAX_TOKENS" } else { "COMPLETE" },
        "usage": {"billed_units": usage["billed_units"], "tokens": usage["tokens"]},
    })))
}

fn cohere_chat_v1(body: &Map<String, Value>) -> Result<Reply, String> {
    let message = str_field(body, "message").filter(|m| !m.is_empty());
    let message = message.ok_or("message must be at least 1 token long or tool results must be specified.")?;
    let model = str_field(body, "model").unwrap_or("command-r");
    let mut prompt = Prompt::single(model, message).limit(uint_field(body, "max_tokens"));
    if let Some(history) = body.get("chat_history") {
        prompt.all_input = format!("{} {message}", text_of(history).trim_end());
    }
    let done = prompt.complete();
    Ok(ok_json(&json!({
        "response_id": uuid(done.seed),
        "text": done.text,
        "generation_id": uuid(done.seed ^ 1),
        "chat_history": [{"role": "USER", "message": message}, {"role": "CHATBOT", "message": done.text}],
        "finish_reason": if done.truncated { "MAX_TOKENS" } else { "COMPLETE" },
        "meta": cohere_usage(&done, "1"),
    })))
}

fn cohere_embed(body: &Map<String, Value>, v2: bool) -> Result<Reply, String> {
    let model = str_field(body, "model").unwrap_or("embed-english-v3.0");
    if v2 && str_field(body, "model").is_none() {
        return Err("model must be specified".to_owned());
    }
    let texts = text_list(field(body, "texts")).ok_or("texts must be a non-empty list of strings")?;
    let dims = embedding_dims(model, 1024);
    let vectors: Vec<Vec<f64>> = texts.iter().map(|text| embed(model, text, dims)).collect();
    let tokens: usize = texts.iter().map(|text| approx_tokens(text)).sum();
    let id = uuid(seed_str(&[model, &texts.join("\n")]));
    let version = if v2 { "2" } else { "1" };
    let meta = json!({"api_version": {"version": version}, "billed_units": {"input_tokens": tokens}});
    let (embeddings, kind) =
        if v2 { (json!({"float": vectors}), "embeddings_by_type") } else { (json!(vectors), "embeddings_floats") };
    Ok(ok_json(&json!({"id": id, "embeddings": embeddings, "texts": texts, "meta": meta, "response_type": kind})))
}

// ---------------------------------------------------------------------------
// Amazon Bedrock

/// `(model id, action)` for `.../model/{id}/{action}` (the id percent-decoded).
fn bedrock_model(path: &str) -> Option<(String, String)> {
    let segments: Vec<&str> = path.split('/').collect();
    let at = segments.iter().position(|segment| *segment == "model")?;
    let model = segments.get(at + 1).filter(|model| !model.is_empty())?;
    Some((percent_decode(model), segments[at + 2..].join("/")))
}

/// Bedrock runtime: `converse`, `converse-stream` (event stream), `invoke`
/// (Anthropic, Titan embeddings, Llama, Mistral, otherwise Nova/Converse
/// shape) and `invoke-with-response-stream`.
fn bedrock(call: &Call<'_>) -> Reply {
    let Some((model, action)) = bedrock_model(&call.path).filter(|_| call.is_post()) else {
        return bedrock_error(404, "UnknownOperationException", "Unknown operation");
    };
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => {
            let message = format!("Malformed input request: {problem}, please reformat your input and try again.");
            return bedrock_error(400, "ValidationException", &message);
        }
    };
    let result = match action.as_str() {
        "converse" => bedrock_converse(&model, &body).map(|(value, _)| ok_json(&value)),
        "converse-stream" => bedrock_converse(&model, &body).map(|(_, done)| bedrock_converse_stream(&done)),
        "invoke" => bedrock_invoke(&model, &body).map(|answer| ok_json(&answer.0)),
        "invoke-with-response-stream" => bedrock_invoke(&model, &body).map(|(value, anthropic)| {
            let chunks: Vec<String> = match anthropic {
                Some(answer) => anthropic_events(&answer).into_iter().map(|(_, data)| data).collect(),
                None => vec![value.to_string()],
            };
            let mut stream = Vec::new();
            for chunk in chunks {
                let payload = json!({"bytes": base64(chunk.as_bytes())}).to_string();
                stream.extend(eventstream_message("chunk", payload.as_bytes()));
            }
            bytes_response(200, "application/vnd.amazon.eventstream", stream)
        }),
        _ => return bedrock_error(404, "UnknownOperationException", "Unknown operation"),
    };
    result.unwrap_or_else(|message| bedrock_error(400, "ValidationException", &message))
}

fn bedrock_converse(model: &str, body: &Map<String, Value>) -> Result<(Value, Completion), String> {
    let messages = field(body, "messages").ok_or(
        "1 validation error detected: Value null at 'messages' failed to satisfy constraint: Member must not be null",
    )?;
    let messages = messages.as_array().ok_or("Value at 'messages' must be a list")?;
    let limit = body.get("inferenceConfig").and_then(|c| c.get("maxTokens")).and_then(Value::as_u64);
    let limit = limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let done = Prompt::from_messages(model, messages, body.get("system")).limit(limit).complete();
    let value = json!({
        "output": {"message": {"role": "assistant", "content": [{"text": done.text}]}},
        "stopReason": if done.truncated { "max_tokens" } else { "end_turn" },
        "usage": {"inputTokens": done.input_tokens, "outputTokens": done.output_tokens, "totalTokens": done.total_tokens()},
        "metrics": {"latencyMs": 100 + done.seed % 400},
    });
    Ok((value, done))
}

fn bedrock_converse_stream(done: &Completion) -> Reply {
    let mut events = vec![("messageStart", json!({"role": "assistant"}))];
    for piece in pieces(&done.text) {
        events.push(("contentBlockDelta", json!({"contentBlockIndex": 0, "delta": {"text": piece}})));
    }
    events.push(("contentBlockStop", json!({"contentBlockIndex": 0})));
    events.push(("messageStop", json!({"stopReason": if done.truncated { "max_tokens" } else { "end_turn" }})));
    events.push((
        "metadata",
        json!({
            "usage": {"inputTokens": done.input_tokens, "outputTokens": done.output_tokens, "totalTokens": done.total_tokens()},
            "metrics": {"latencyMs": 100 + done.seed % 400},
        }),
    ));
    let mut stream = Vec::new();
    for (kind, payload) in events {
        stream.extend(eventstream_message(kind, payload.to_string().as_bytes()));
    }
    bytes_response(200, "application/vnd.amazon.eventstream", stream)
}

/// The `InvokeModel` body for `model` (and the Anthropic answer, for streaming).
fn bedrock_invoke(model: &str, body: &Map<String, Value>) -> Result<(Value, Option<AnthropicAnswer>), String> {
    let id = model.to_ascii_lowercase();
    if id.contains("anthropic.") {
        if field(body, "anthropic_version").is_none() {
            return Err("Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.".to_owned());
        }
        let answer = anthropic_answer(body, Some(model))?;
        return Ok((answer.body.clone(), Some(answer)));
    }
    if id.contains("titan-embed") || id.contains("cohere.embed") {
        let texts = text_list(field(body, "inputText").or_else(|| field(body, "texts"))).ok_or(
            "Malformed input request: #: required key [inputText] not found, please reformat your input and try again.",
        )?;
        let dims = uint_field(body, "dimensions").unwrap_or_else(|| embedding_dims(&id, 1024));
        if id.contains("cohere.embed") {
            let vectors: Vec<Vec<f64>> = texts.iter().map(|text| embed(model, text, dims)).collect();
            let id = uuid(seed_str(&[model, &texts.join("\n")]));
            return Ok((
                json!({"embeddings": vectors, "id": id, "response_type": "embeddings_floats", "texts": texts}),
                None,
            ));
        }
        let text = texts.join(" ");
        return Ok((
            json!({"embedding": embed(model, &text, dims), "inputTextTokenCount": approx_tokens(&text)}),
            None,
        ));
    }
    if id.contains("meta.llama") || id.contains("mistral.") {
        let prompt = str_field(body, "prompt").ok_or(
            "Malformed input request: #: required key [prompt] not found, please reformat your input and try again.",
        )?;
        let limit = uint_field(body, "max_gen_len").or_else(|| uint_field(body, "max_tokens"));
        let done = Prompt::single(model, prompt).limit(limit).complete();
        let stop = if done.truncated { "length" } else { "stop" };
        if id.contains("mistral.") {
            return Ok((json!({"outputs": [{"text": done.text, "stop_reason": stop}]}), None));
        }
        return Ok((
            json!({
                "generation": done.text,
                "prompt_token_count": done.input_tokens,
                "generation_token_count": done.output_tokens,
                "stop_reason": stop,
            }),
            None,
        ));
    }
    let (mut value, _) = bedrock_converse(model, body)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("metrics");
    }
    Ok((value, None))
}

// ---------------------------------------------------------------------------
// Hugging Face

/// The model part of a Hugging Face path (`models/` and `hf-inference/` prefixes dropped).
fn huggingface_model(path: &str) -> &str {
    let path = path.strip_prefix("hf-inference/").unwrap_or(path);
    path.strip_prefix("models/").unwrap_or(path)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HfTask {
    TextGeneration,
    FeatureExtraction,
    TextClassification,
    Summarization,
    Translation,
    TextToImage,
    SpeechRecognition,
}

impl HfTask {
    fn of(pipeline: Option<&str>, model: &str) -> Self {
        let id = model.to_ascii_lowercase();
        let has = |needles: &[&str]| needles.iter().any(|needle| id.contains(needle));
        match pipeline {
            Some("feature-extraction" | "sentence-similarity") => Self::FeatureExtraction,
            Some("text-classification" | "sentiment-analysis") => Self::TextClassification,
            Some("summarization") => Self::Summarization,
            Some("translation") => Self::Translation,
            Some("text-to-image") => Self::TextToImage,
            Some("automatic-speech-recognition") => Self::SpeechRecognition,
            None if has(&["whisper", "wav2vec"]) => Self::SpeechRecognition,
            None if has(&["stable-diffusion", "flux", "sdxl"]) => Self::TextToImage,
            None if has(&["sentence-transformers", "bge", "e5-", "gte-", "minilm", "mpnet", "embed"]) => {
                Self::FeatureExtraction
            }
            None if has(&["sst-2", "sentiment", "emotion", "classif"]) => Self::TextClassification,
            None if has(&["bart-large-cnn", "summar", "pegasus"]) => Self::Summarization,
            None if has(&["opus-mt", "translat", "m2m100", "nllb"]) => Self::Translation,
            _ => Self::TextGeneration,
        }
    }
}

/// Hugging Face Inference API: `{owner}/{model}` (task from the model name),
/// `pipeline/{task}/{model}`, and OpenAI-compatible `[{model}/]v1/chat/completions`.
fn huggingface(call: &Call<'_>) -> Reply {
    let path = huggingface_model(&call.path);
    if path == "v1/chat/completions" && call.is_post() {
        return openai_chat(call, None);
    }
    if let Some(model) = path.strip_suffix("/v1/chat/completions").filter(|_| call.is_post()) {
        return openai_chat(call, Some(model));
    }
    let (pipeline, model) = match path.strip_prefix("pipeline/").and_then(|rest| rest.split_once('/')) {
        Some((task, model)) => (Some(task), model),
        None => (None, path),
    };
    if model.is_empty() || !call.is_post() {
        return json_response(404, &json!({"error": format!("Model {model} does not exist")}));
    }
    let task = HfTask::of(pipeline, model);
    let inputs = match call.json() {
        Ok(body) => match field(&body, "inputs") {
            Some(inputs) => (inputs.clone(), body.get("parameters").cloned().unwrap_or(Value::Null)),
            None => return json_response(400, &json!({"error": "Error in `inputs`: field required"})),
        },
        Err(_) if task == HfTask::SpeechRecognition => (Value::Null, Value::Null),
        Err(problem) => return json_response(400, &json!({"error": problem})),
    };
    huggingface_task(task, model, &inputs.0, &inputs.1, call.body)
}

fn huggingface_task(task: HfTask, model: &str, inputs: &Value, parameters: &Value, raw: &[u8]) -> Reply {
    let texts = match inputs {
        Value::Array(items) => items.iter().map(text_of).collect(),
        other => vec![text_of(other)],
    };
    let per_text = |f: &dyn Fn(&str) -> Value| -> Value { Value::Array(texts.iter().map(|text| f(text)).collect()) };
    let seed = |text: &str| seed_str(&[model, text]);
    match task {
        HfTask::TextGeneration => {
            let limit = parameters
                .get("max_new_tokens")
                .and_then(Value::as_u64)
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            let full_text = parameters.get("return_full_text").and_then(Value::as_bool).unwrap_or(true);
            ok_json(&per_text(&|text: &str| {
                let done = Prompt::single(model, text).limit(limit).complete();
                let generated = if full_text { format!("{text} {}", done.text) } else { done.text };
                json!({"generated_text": generated})
            }))
        }
        HfTask::FeatureExtraction => {
            let dims = embedding_dims(model, 768);
            match inputs {
                Value::Array(_) => ok_json(&per_text(&|text: &str| json!(embed(model, text, dims)))),
                _ => ok_json(&json!(embed(model, &texts[0], dims))),
            }
        }
        HfTask::TextClassification => ok_json(&per_text(&|text: &str| {
            let mut scores = sentiment(seed(text));
            if let Some(pair) = scores.as_array_mut() {
                pair.sort_by(|a, b| b["score"].as_f64().unwrap_or(0.0).total_cmp(&a["score"].as_f64().unwrap_or(0.0)));
            }
            scores
        })),
        HfTask::Summarization => ok_json(&per_text(
            &|text: &str| json!({"summary_text": sentence(seed(text), "Offline summary", (words(text) / 4).clamp(4, 40), 4)}),
        )),
        HfTask::Translation => ok_json(&per_text(
            &|text: &str| json!({"translation_text": sentence(seed(text), "Offline translation", words(text).clamp(1, 60), 1)}),
        )),
        HfTask::TextToImage => bytes_response(200, "image/png", png(seed(&texts[0]))),
        HfTask::SpeechRecognition => {
            let audio = if inputs.is_null() { raw.to_vec() } else { inputs.to_string().into_bytes() };
            let text = sentence(seed_of(&[model.as_bytes(), &audio]), "Offline transcript", 4, 8);
            ok_json(&json!({"text": text}))
        }
    }
}

// ---------------------------------------------------------------------------
// Replicate

/// `owner/name` from `v1/models/{owner}/{name}/predictions` or `v1/deployments/...`.
fn replicate_path_model(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("v1/models/").or_else(|| path.strip_prefix("v1/deployments/"))?;
    let model = rest.strip_suffix("/predictions")?;
    (model.split('/').count() == 2).then_some(model)
}

/// Replicate: `v1/predictions` (`version` required), `v1/models/{owner}/{name}/predictions`,
/// `v1/deployments/{owner}/{name}/predictions`. Answers `201` with a prediction
/// that has already succeeded (as with `Prefer: wait`).
fn replicate(call: &Call<'_>) -> Reply {
    let path_model = replicate_path_model(&call.path);
    if !call.is_post() || (path_model.is_none() && call.path != "v1/predictions") {
        return replicate_error(404, "Not found.");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return replicate_error(400, &problem),
    };
    let version = str_field(&body, "version");
    let model = match (path_model, version) {
        (Some(model), _) => model.to_owned(),
        (None, Some(version)) => version.split_once(':').map_or("unknown/model", |(model, _)| model).to_owned(),
        (None, None) => return replicate_invalid("version", "Version is required"),
    };
    let Some(input) = body.get("input").filter(|input| input.is_object()) else {
        return replicate_invalid("input", "Input is required");
    };
    let text = input.get("prompt").map_or_else(|| text_of(input), text_of);
    let seed = seed_str(&[&model, &text]);
    let id = token(seed, b"abcdefghijklmnopqrstuvwxyz234567", 26);
    let version_id =
        version.map_or_else(|| token(seed_str(&[&model]), HEX, 64), |v| v.rsplit(':').next().unwrap_or(v).to_owned());
    let is_image =
        ["flux", "sdxl", "stable-diffusion", "ideogram", "recraft", "imagen"].iter().any(|n| model.contains(n));
    let (output, metrics) = if is_image {
        (
            json!([png_data_url(seed)]),
            json!({"predict_time": 0.5 + f64::from(u32::try_from(seed % 1000).unwrap_or(0)) / 1000.0}),
        )
    } else {
        let done = Prompt::single(&model, &text)
            .limit(uint_field(input.as_object().unwrap_or(&Map::new()), "max_tokens"))
            .complete();
        let metrics = json!({"predict_time": 0.25, "input_token_count": done.input_tokens, "output_token_count": done.output_tokens});
        (json!(pieces(&done.text)), metrics)
    };
    let created = created(seed);
    let api = format!("https://api.replicate.com/v1/predictions/{id}");
    let prediction = json!({
        "id": id,
        "model": model,
        "version": version_id,
        "input": input,
        "logs": "",
        "output": output,
        "data_removed": false,
        "error": null,
        "status": "succeeded",
        "created_at": format!("{}.000000Z", rfc3339(created)),
        "started_at": format!("{}.000000Z", rfc3339(created + 1)),
        "completed_at": format!("{}.000000Z", rfc3339(created + 2)),
        "urls": {"cancel": format!("{api}/cancel"), "get": api, "stream": format!("https://stream.replicate.com/v1/files/{id}"), "web": format!("https://replicate.com/p/{id}")},
        "metrics": metrics,
    });
    json_response(201, &prediction)
}

fn replicate_invalid(field_name: &str, description: &str) -> Reply {
    let body = json!({
        "title": "Input validation failed",
        "detail": format!("- {field_name}: {description}\n"),
        "status": 422,
        "invalid_fields": [{"type": "required", "field": field_name, "description": description}],
    });
    bytes_response(422, "application/problem+json", serde_json::to_vec(&body).unwrap_or_default())
}

// ---------------------------------------------------------------------------
// Cartesia, ElevenLabs, Adobe Firefly

/// Cartesia `[v1/]tts/bytes`: audio in the requested `output_format`
/// (`wav` → `audio/wav`, `mp3` → `audio/mpeg`, `raw` → PCM bytes).
fn cartesia(call: &Call<'_>) -> Reply {
    if !call.is_post() || call.path.strip_prefix("v1/").unwrap_or(&call.path) != "tts/bytes" {
        return cartesia_error(404, "Not Found");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return cartesia_error(400, &problem),
    };
    for key in ["model_id", "transcript", "voice", "output_format"] {
        if field(&body, key).is_none() {
            return cartesia_error(400, &format!("{key} is required"));
        }
    }
    let transcript = str_field(&body, "transcript").unwrap_or_default();
    if transcript.trim().is_empty() {
        return cartesia_error(400, "transcript must not be empty");
    }
    let format = &body["output_format"];
    let container = format.get("container").and_then(Value::as_str).unwrap_or("wav");
    let encoding = format.get("encoding").and_then(Value::as_str).unwrap_or("pcm_s16le");
    let sample_rate =
        format.get("sample_rate").and_then(Value::as_u64).and_then(|r| u32::try_from(r).ok()).unwrap_or(44_100);
    let seed = seed_str(&[str_field(&body, "model_id").unwrap_or_default(), transcript, &body["voice"].to_string()]);
    // 20 ms of sound per word.
    let samples = usize::try_from(sample_rate / 50).unwrap_or(0) * words(transcript).clamp(1, 100);
    match container {
        "mp3" => bytes_response(200, "audio/mpeg", mp3(seed, words(transcript).clamp(1, 16))),
        "raw" => bytes_response(200, "application/octet-stream", pcm(seed, encoding, samples).2),
        _ => bytes_response(200, "audio/wav", wav(seed, encoding, sample_rate, samples)),
    }
}

/// ElevenLabs `v1/text-to-speech/{voice_id}[/stream]` → MP3;
/// `.../with-timestamps` → JSON with base64 audio and character alignment.
fn elevenlabs(call: &Call<'_>) -> Reply {
    let route = call.path.strip_prefix("v1/text-to-speech/").map(|rest| rest.split_once('/').unwrap_or((rest, "")));
    let Some((voice, tail)) = route.filter(|(voice, tail)| {
        !voice.is_empty() && matches!(*tail, "" | "stream" | "with-timestamps") && call.is_post()
    }) else {
        return json_response(404, &json!({"detail": "Not Found"}));
    };
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => {
            return json_response(400, &json!({"detail": {"status": "invalid_json", "message": problem}}));
        }
    };
    let Some(text) = str_field(&body, "text") else {
        let detail = json!([{"type": "missing", "loc": ["body", "text"], "msg": "Field required", "input": null}]);
        return json_response(422, &json!({"detail": detail}));
    };
    let model = str_field(&body, "model_id").unwrap_or("eleven_multilingual_v2");
    let audio = mp3(seed_str(&[model, voice, text]), words(text).clamp(1, 16));
    if tail != "with-timestamps" {
        return with_header(
            bytes_response(200, "audio/mpeg", audio),
            "character-cost",
            &text.chars().count().to_string(),
        );
    }
    let characters: Vec<String> = text.chars().map(String::from).collect();
    let starts: Vec<f64> = (0_u32..).take(characters.len()).map(|i| round_to(0.05 * f64::from(i), 1000.0)).collect();
    let ends: Vec<f64> = starts.iter().map(|start| round_to(start + 0.05, 1000.0)).collect();
    let alignment = json!({
        "characters": characters,
        "character_start_times_seconds": starts,
        "character_end_times_seconds": ends,
    });
    ok_json(&json!({"audio_base64": base64(&audio), "alignment": alignment, "normalized_alignment": alignment}))
}

/// Adobe Firefly `v3/images/generate` (also `v2/...`) → image outputs (PNG
/// data URLs); `v3/images/generate-async` → `202` with a job id.
fn firefly(call: &Call<'_>) -> Reply {
    let route = call.path.as_str();
    if !call.is_post() || !matches!(route, "v3/images/generate" | "v2/images/generate" | "v3/images/generate-async") {
        return json_response(404, &json!({"error_code": "not_found", "message": "Resource not found"}));
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return json_response(400, &json!({"error_code": "validation_error", "message": problem})),
    };
    let Some(prompt) = str_field(&body, "prompt").filter(|p| !p.is_empty()) else {
        return json_response(
            400,
            &json!({"error_code": "validation_error", "message": "request body is invalid: prompt is required"}),
        );
    };
    let seed = seed_str(&[prompt, &body.get("seeds").map(Value::to_string).unwrap_or_default()]);
    if route.ends_with("-async") {
        let job = uuid(seed);
        let base = "https://firefly-api.adobe.io/v3";
        return json_response(
            202,
            &json!({"jobId": job, "statusUrl": format!("{base}/status/{job}"), "cancelUrl": format!("{base}/cancel/{job}")}),
        );
    }
    let count = uint_field(&body, "numVariations").unwrap_or(1).clamp(1, 4);
    let seeds: Vec<u64> = body
        .get("seeds")
        .and_then(Value::as_array)
        .map(|s| s.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    let mut rng = Rng::new(seed);
    let outputs: Vec<Value> = (0..count)
        .map(|i| {
            let image_seed = seeds.get(i).copied().unwrap_or_else(|| rng.next() % 100_000);
            json!({"seed": image_seed, "image": {"url": png_data_url(seed ^ image_seed)}})
        })
        .collect();
    let size = body.get("size").cloned().unwrap_or_else(|| json!({"width": 2048, "height": 2048}));
    let content_class = str_field(&body, "contentClass").unwrap_or("photo");
    ok_json(&json!({"size": size, "outputs": outputs, "contentClass": content_class}))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(provider: &str, endpoint: &str, body: &Value) -> UpstreamRequest {
        raw_request(provider, endpoint, &serde_json::to_vec(body).unwrap())
    }

    fn raw_request(provider: &str, endpoint: &str, body: &[u8]) -> UpstreamRequest {
        UpstreamRequest {
            provider: provider.to_owned(),
            endpoint: endpoint.to_owned(),
            method: Method::POST,
            headers: HeaderMap::new(),
            body: Bytes::copy_from_slice(body),
        }
    }

    fn answer(provider: &str, endpoint: &str, body: &Value) -> Reply {
        OfflineUpstream::reply(&request(provider, endpoint, body)).unwrap()
    }

    /// A whole (not streamed) response, as a [`Reply`].
    fn whole(response: UpstreamResponse) -> Reply {
        match response.body {
            UpstreamBody::Full(body) => {
                Reply { status: response.status, headers: response.headers, body, event_ends: None }
            }
            UpstreamBody::Stream(_) => panic!("expected a whole body, got a stream"),
        }
    }

    fn decode(response: &Reply) -> Value {
        serde_json::from_slice(&response.body).unwrap()
    }

    /// Answers and decodes, checking the status.
    fn answer_json(provider: &str, endpoint: &str, body: &Value, status: u16) -> Value {
        let response = answer(provider, endpoint, body);
        assert_eq!(response.status, status, "{provider} {endpoint}: {}", String::from_utf8_lossy(&response.body));
        decode(&response)
    }

    fn content_type(response: &Reply) -> &str {
        response.headers.get(header::CONTENT_TYPE).unwrap().to_str().unwrap()
    }

    fn text_gen(prompt: &str) -> Value {
        json!({"prompt": prompt})
    }

    fn chat(model: &str, prompt: &str) -> Value {
        json!({"model": model, "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": prompt}]})
    }

    fn unbase64(text: &str) -> Vec<u8> {
        let value = |c: u8| -> u32 {
            u32::from(match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => panic!("not base64: {c}"),
            })
        };
        let (mut out, mut acc, mut bits) = (Vec::new(), 0_u32, 0);
        for &c in text.as_bytes().iter().take_while(|c| **c != b'=') {
            acc = ((acc << 6) | value(c)) & 0xffff;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push(u8::try_from((acc >> bits) & 0xff).unwrap());
            }
        }
        out
    }

    fn be32(bytes: &[u8]) -> u32 {
        u32::from_be_bytes(bytes[..4].try_into().unwrap())
    }

    fn size(n: u32) -> usize {
        usize::try_from(n).unwrap()
    }

    /// Checks a PNG from signature to `IEND`; returns `(width, height)`.
    fn check_png(bytes: &[u8]) -> (u32, u32) {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let (mut at, mut kinds, mut idat, mut dims) = (8, Vec::new(), Vec::new(), (0, 0));
        while at < bytes.len() {
            let len = size(be32(&bytes[at..]));
            let (kind, data) = (&bytes[at + 4..at + 8], &bytes[at + 8..at + 8 + len]);
            assert_eq!(be32(&bytes[at + 8 + len..]), crc32(&bytes[at + 4..at + 8 + len]), "chunk CRC");
            if kind == b"IHDR" {
                dims = (be32(data), be32(&data[4..]));
                assert_eq!(&data[8..], [8, 2, 0, 0, 0]);
            }
            if kind == b"IDAT" {
                idat.extend_from_slice(data);
            }
            kinds.push(String::from_utf8(kind.to_vec()).unwrap());
            at += 12 + len;
        }
        assert_eq!(at, bytes.len());
        assert_eq!(kinds, ["IHDR", "IDAT", "IEND"]);
        assert_eq!(((u16::from(idat[0]) << 8) | u16::from(idat[1])) % 31, 0, "zlib header check");
        assert_eq!(idat[2], 1, "final stored block");
        let len = u16::from_le_bytes([idat[3], idat[4]]);
        assert_eq!(len, !u16::from_le_bytes([idat[5], idat[6]]));
        let raw = &idat[7..7 + usize::from(len)];
        assert_eq!(raw.len(), size(dims.1 * (1 + dims.0 * 3)));
        assert_eq!(idat[7 + usize::from(len)..], adler32(raw).to_be_bytes());
        dims
    }

    /// The `data:` payloads of an SSE body, with their `event:` names.
    fn sse(response: &Reply) -> Vec<(Option<String>, String)> {
        assert_eq!(content_type(response), "text/event-stream");
        let text = std::str::from_utf8(&response.body).unwrap();
        assert!(text.ends_with("\n\n"));
        let events: Vec<_> = text.split("\n\n").filter(|event| !event.is_empty()).map(parse_event).collect();
        let chunks = response.events().expect("an event stream");
        assert_eq!(chunks.iter().map(|chunk| event_of(chunk)).collect::<Vec<_>>(), events);
        events
    }

    /// One event without its blank line: `(event name, data)`.
    fn parse_event(event: &str) -> (Option<String>, String) {
        let name = event.lines().find_map(|l| l.strip_prefix("event: ")).map(str::to_owned);
        (name, event.lines().find_map(|l| l.strip_prefix("data: ")).unwrap().to_owned())
    }

    /// A stream chunk holding exactly one event.
    fn event_of(chunk: &[u8]) -> (Option<String>, String) {
        let text = std::str::from_utf8(chunk).unwrap();
        let event = text.strip_suffix("\n\n").unwrap_or_else(|| panic!("not one whole event: {text:?}"));
        assert!(!event.is_empty() && !event.contains("\n\n"), "not one event: {text:?}");
        parse_event(event)
    }

    /// Parses an AWS event stream, checking both CRCs of every message.
    fn eventstream(bytes: &[u8]) -> Vec<(String, Value)> {
        let (mut at, mut out) = (0, Vec::new());
        while at < bytes.len() {
            let (total, headers_len) = (size(be32(&bytes[at..])), size(be32(&bytes[at + 4..])));
            let message = &bytes[at..at + total];
            assert_eq!(be32(&message[8..]), crc32(&message[..8]), "prelude CRC");
            assert_eq!(be32(&message[total - 4..]), crc32(&message[..total - 4]), "message CRC");
            let (mut h, mut event) = (12, String::new());
            while h < 12 + headers_len {
                let name_len = usize::from(message[h]);
                let name = &message[h + 1..h + 1 + name_len];
                h += 1 + name_len;
                assert_eq!(message[h], 7);
                let value_len = usize::from(u16::from_be_bytes([message[h + 1], message[h + 2]]));
                if name == b":event-type" {
                    event = String::from_utf8(message[h + 3..h + 3 + value_len].to_vec()).unwrap();
                }
                h += 3 + value_len;
            }
            out.push((event, serde_json::from_slice(&message[12 + headers_len..total - 4]).unwrap()));
            at += total;
        }
        out
    }

    // --- helpers and binary formats ------------------------------------------------

    #[test]
    fn checksums_and_base64_match_known_vectors() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(unbase64("Zm9vYmE="), b"fooba");
        assert_eq!(seed_of(&[]), FNV_OFFSET);
        assert_eq!(seed_of(&[b"a"]), 0xaf63_dc4c_8601_ec8c); // FNV-1a 64 of "a"
        assert_eq!(percent_decode("@cf%2Fmeta%2fllama%"), "@cf/meta/llama%");
        assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00");
    }

    #[test]
    fn png_is_valid_and_seeded() {
        assert_eq!(check_png(&png(1)), (8, 8));
        assert_eq!(check_png(&png(u64::MAX)), (8, 8));
        assert_ne!(png(1), png(2));
    }

    #[test]
    fn mp3_and_wav_are_well_formed() {
        let audio = mp3(7, 3);
        assert_eq!(audio.len(), 3 * 417);
        for frame in audio.chunks(417) {
            assert_eq!(&frame[..4], [0xff, 0xfb, 0x90, 0xc4]);
        }
        let file = wav(7, "pcm_f32le", 16_000, 320);
        assert_eq!(&file[..4], b"RIFF");
        assert_eq!(&file[8..16], b"WAVEfmt ");
        assert_eq!(u16::from_le_bytes([file[20], file[21]]), 3);
        assert_eq!(size(u32::from_le_bytes(file[40..44].try_into().unwrap())), 320 * 4);
        assert_eq!(file.len(), 44 + 320 * 4);
    }

    // --- determinism and usage ----------------------------------------------------

    #[test]
    fn same_request_same_bytes_different_prompt_different_answer() {
        let cases = [
            ("workers-ai", "@cf/meta/llama-3.1-8b-instruct", text_gen("Where is New York?")),
            ("openai", "chat/completions", chat("gpt-4o-mini", "Where is New York?")),
            (
                "anthropic",
                "v1/messages",
                json!({"model": "claude-sonnet-4-5", "max_tokens": 64, "messages": [{"role": "user", "content": "Where is New York?"}]}),
            ),
            (
                "google-ai-studio",
                "v1beta/models/gemini-2.5-flash:generateContent",
                json!({"contents": [{"parts": [{"text": "Where is New York?"}]}]}),
            ),
            ("workers-ai", "@cf/stabilityai/stable-diffusion-xl-base-1.0", text_gen("Where is New York?")),
        ];
        for (provider, endpoint, body) in cases {
            let (first, second) = (answer(provider, endpoint, &body), answer(provider, endpoint, &body));
            assert_eq!(first.status, 200);
            assert_eq!(first.body, second.body, "{provider}");
            assert_eq!(first.headers, second.headers);
            let other = serde_json::to_string(&body).unwrap().replace("New York", "Paris");
            let other: Value = serde_json::from_str(&other).unwrap();
            assert_ne!(first.body, answer(provider, endpoint, &other).body, "{provider}");
        }
        let a = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "hi"), 200);
        let b = answer_json("openai", "chat/completions", &chat("gpt-4o", "hi"), 200);
        assert_ne!(a["choices"][0]["message"]["content"], b["choices"][0]["message"]["content"]);
    }

    #[test]
    fn usage_counts_follow_words() {
        let body =
            answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &text_gen("one two three four five six"), 200);
        let result = &body["result"];
        let response = result["response"].as_str().unwrap();
        assert!(response.starts_with("Offline answer "));
        assert_eq!(result["usage"]["prompt_tokens"], 8); // round(6 × 4/3)
        assert_eq!(result["usage"]["completion_tokens"], words(response));
        assert_eq!(result["usage"]["total_tokens"], 8 + words(response));
        // System and earlier turns count as input too.
        let body = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "one two three"), 200);
        assert_eq!(body["usage"]["prompt_tokens"], 7); // round(5 × 4/3)
    }

    // --- Workers AI -----------------------------------------------------------------

    #[test]
    fn workers_ai_text_generation_accepts_every_path_form() {
        let body = text_gen("Where is New York?");
        let expected = answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body);
        for endpoint in [
            "run/@cf/meta/llama-3.1-8b-instruct",
            "run/@cf%2Fmeta%2Fllama-3.1-8b-instruct",
            "/@cf/meta/llama-3.1-8b-instruct",
        ] {
            assert_eq!(answer("workers-ai", endpoint, &body).body, expected.body, "{endpoint}");
        }
        let envelope = decode(&expected);
        assert_eq!(envelope["success"], true);
        assert_eq!(envelope["errors"], json!([]));
        assert_eq!(envelope["messages"], json!([]));
        assert_eq!(envelope["result"]["tool_calls"], json!([]));
        let messages = json!({"messages": [{"role": "user", "content": "Where is New York?"}]});
        let from_messages = answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &messages, 200);
        assert_eq!(from_messages["result"]["response"], envelope["result"]["response"]);
    }

    #[test]
    fn workers_ai_prompt_and_messages_are_mutually_exclusive() {
        let both = json!({"prompt": "hi", "messages": [{"role": "user", "content": "hi"}]});
        let response = answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &both);
        assert_eq!(response.status, 400);
        assert_eq!(
            response.body,
            r#"{"result":null,"success":false,"errors":[{"code":5006,"message":"prompt and messages are mutually exclusive"}],"messages":[]}"#
        );
        let neither = answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &json!({"max_tokens": 10}), 400);
        assert_eq!(neither["success"], false);
        assert_eq!(neither["result"], Value::Null);
        assert_eq!(neither["errors"][0]["code"], 5006);
        // `null` counts as absent.
        let null_prompt = json!({"prompt": null, "messages": [{"role": "user", "content": "hi"}]});
        answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &null_prompt, 200);
    }

    #[test]
    fn workers_ai_unknown_models() {
        let response = answer("workers-ai", "@hf/nobody/nothing", &text_gen("hi"));
        assert_eq!(response.status, 400);
        assert_eq!(
            response.body,
            r#"{"result":null,"success":false,"errors":[{"code":5007,"message":"No such model"}]}"#
        );
        // An unknown @cf/ id with a prompt is answered as text generation...
        let body = answer_json("workers-ai", "@cf/acme/brand-new-model", &text_gen("hi"), 200);
        assert!(body["result"]["response"].is_string());
        // ...but not without one.
        let body = answer_json("workers-ai", "@cf/acme/brand-new-model", &json!({"text": "hi"}), 400);
        assert_eq!(body["errors"][0]["code"], 5007);
        let body = answer_json("workers-ai", "models/search", &json!({}), 404);
        assert_eq!(body["errors"][0]["code"], 7003);
    }

    #[test]
    fn workers_ai_streams_sse_with_usage() {
        let body = json!({"prompt": "where is new york?", "stream": true});
        let events = sse(&answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body));
        let plain = answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &text_gen("where is new york?"), 200);
        assert_eq!(events.last().unwrap().1, "[DONE]");
        let payloads: Vec<Value> =
            events[..events.len() - 1].iter().map(|(_, d)| serde_json::from_str(d).unwrap()).collect();
        let text: String = payloads.iter().map(|p| p["response"].as_str().unwrap()).collect();
        assert_eq!(text, plain["result"]["response"].as_str().unwrap());
        assert_eq!(payloads.last().unwrap()["usage"], plain["result"]["usage"]);
    }

    #[test]
    fn workers_ai_embeddings() {
        for (model, dims) in [
            ("@cf/baai/bge-base-en-v1.5", 768),
            ("@cf/baai/bge-large-en-v1.5", 1024),
            ("@cf/baai/bge-m3", 1024),
            ("@cf/baai/bge-small-en-v1.5", 384),
            ("@cf/google/embeddinggemma-300m", 768),
        ] {
            let body = answer_json("workers-ai", model, &json!({"text": ["What is Cloudflare?", "A CDN."]}), 200);
            let result = &body["result"];
            assert_eq!(result["shape"], json!([2, dims]), "{model}");
            assert_eq!(result["pooling"], "mean");
            let data = result["data"].as_array().unwrap();
            assert_eq!(data.len(), 2);
            assert_ne!(data[0], data[1]);
            for vector in data {
                let vector = vector.as_array().unwrap();
                assert_eq!(vector.len(), dims);
                assert!(vector.iter().all(|v| (-1.0..=1.0).contains(&v.as_f64().unwrap())));
            }
        }
        let single = answer_json("workers-ai", "@cf/baai/bge-base-en-v1.5", &json!({"text": "one"}), 200);
        assert_eq!(single["result"]["shape"], json!([1, 768]));
        let missing = answer_json("workers-ai", "@cf/baai/bge-base-en-v1.5", &json!({"prompt": "one"}), 400);
        assert_eq!(missing["errors"][0]["code"], 5006);
    }

    #[test]
    fn workers_ai_classification_summary_translation() {
        let body =
            answer_json("workers-ai", "@cf/huggingface/distilbert-sst-2-int8", &json!({"text": "I love it"}), 200);
        let labels = body["result"].as_array().unwrap();
        assert_eq!((labels[0]["label"].as_str(), labels[1]["label"].as_str()), (Some("POSITIVE"), Some("NEGATIVE")));
        let sum = labels[0]["score"].as_f64().unwrap() + labels[1]["score"].as_f64().unwrap();
        assert!((sum - 1.0).abs() < 1e-5);
        let body = answer_json("workers-ai", "@cf/microsoft/resnet-50", &json!({"image": [1, 2, 3]}), 200);
        assert_eq!(body["result"].as_array().unwrap().len(), 5);
        let raw = OfflineUpstream::reply(&raw_request("workers-ai", "@cf/microsoft/resnet-50", b"\x89PNG...")).unwrap();
        assert_eq!(raw.status, 200);
        let body =
            answer_json("workers-ai", "@cf/facebook/bart-large-cnn", &json!({"input_text": "long text here"}), 200);
        assert!(body["result"]["summary"].as_str().unwrap().starts_with("Offline summary"));
        let input = json!({"text": "hello world", "source_lang": "en", "target_lang": "fr"});
        let body = answer_json("workers-ai", "@cf/meta/m2m100-1.2b", &input, 200);
        assert!(body["result"]["translated_text"].is_string());
        answer_json("workers-ai", "@cf/meta/m2m100-1.2b", &json!({"text": "hello"}), 400);
        let input = json!({"text": "hello", "target_language": "hin_Deva"});
        answer_json("workers-ai", "@cf/ai4bharat/indictrans2-en-indic-1B", &input, 200);
    }

    #[test]
    fn workers_ai_speech_images_and_more() {
        let body = answer_json("workers-ai", "@cf/openai/whisper", &json!({"audio": [0, 1, 2, 3]}), 200);
        let result = &body["result"];
        assert_eq!(result["word_count"], result["words"].as_array().unwrap().len());
        assert_eq!(result["word_count"], words(result["text"].as_str().unwrap()));
        assert!(result["vtt"].as_str().unwrap().starts_with("WEBVTT"));
        let raw = OfflineUpstream::reply(&raw_request("workers-ai", "@cf/deepgram/nova-3", b"ID3\x04binary")).unwrap();
        assert!(decode(&raw)["result"]["text"].is_string());
        let tts = answer("workers-ai", "@cf/deepgram/aura-1", &json!({"text": "hello there"}));
        assert_eq!((tts.status, content_type(&tts)), (200, "audio/mpeg"));
        let melo = answer_json("workers-ai", "@cf/myshell-ai/melotts", &json!({"prompt": "hello"}), 200);
        assert_eq!(&unbase64(melo["result"]["audio"].as_str().unwrap())[..2], [0xff, 0xfb]);
        let body =
            answer_json("workers-ai", "@cf/llava-hf/llava-1.5-7b-hf", &json!({"image": [1], "prompt": "what?"}), 200);
        assert!(body["result"]["description"].is_string());
        let input = json!({"query": "q", "contexts": [{"text": "a"}, {"text": "b"}, {"text": "c"}], "top_k": 2});
        let body = answer_json("workers-ai", "@cf/baai/bge-reranker-base", &input, 200);
        let ranked = body["result"]["response"].as_array().unwrap();
        assert_eq!(ranked.len(), 2);
        assert!(ranked[0]["score"].as_f64() >= ranked[1]["score"].as_f64());
        let queued =
            answer_json("workers-ai", "@cf/baai/bge-base-en-v1.5?queueRequest=true", &json!({"requests": []}), 200);
        assert_eq!(queued["result"]["status"], "queued");
    }

    #[test]
    fn workers_ai_text_to_image() {
        let image = answer("workers-ai", "@cf/stabilityai/stable-diffusion-xl-base-1.0", &text_gen("a cat"));
        assert_eq!((image.status, content_type(&image)), (200, "image/png"));
        assert_eq!(check_png(&image.body), (8, 8));
        let dog = answer("workers-ai", "@cf/stabilityai/stable-diffusion-xl-base-1.0", &text_gen("a dog"));
        assert_ne!(image.body, dog.body);
        let body = answer_json("workers-ai", "@cf/black-forest-labs/flux-1-schnell", &text_gen("a cat"), 200);
        check_png(&unbase64(body["result"]["image"].as_str().unwrap()));
        let missing = answer_json("workers-ai", "@cf/lykon/dreamshaper-8-lcm", &json!({"width": 8}), 400);
        assert_eq!(missing["errors"][0]["code"], 5006);
    }

    #[test]
    fn workers_ai_openai_compatible_and_malformed_json() {
        let body = answer_json("workers-ai", "v1/chat/completions", &chat("@cf/meta/llama-3.1-8b-instruct", "hi"), 200);
        assert_eq!(body["object"], "chat.completion");
        assert_eq!(body["model"], "@cf/meta/llama-3.1-8b-instruct");
        let input = json!({"model": "@cf/baai/bge-large-en-v1.5", "input": ["a", "b"]});
        let body = answer_json("workers-ai", "v1/embeddings", &input, 200);
        assert_eq!(body["data"][1]["embedding"].as_array().unwrap().len(), 1024);
        let broken =
            OfflineUpstream::reply(&raw_request("workers-ai", "@cf/meta/llama-3.1-8b-instruct", b"{\"prompt\":"))
                .unwrap();
        assert_eq!(broken.status, 400);
        let body = decode(&broken);
        assert_eq!(body["errors"][0]["code"], 5004);
        assert!(body["errors"][0]["message"].as_str().unwrap().contains("malformed JSON"));
    }

    // --- OpenAI and compatible ------------------------------------------------------

    #[test]
    fn openai_chat_completion_object() {
        let body = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "Say hi"), 200);
        assert!(body["id"].as_str().unwrap().starts_with("chatcmpl-"));
        assert_eq!(body["object"], "chat.completion");
        let created = body["created"].as_u64().unwrap();
        assert!((1_700_000_000..1_800_000_000).contains(&created));
        assert_eq!(body["model"], "gpt-4o-mini");
        let choice = &body["choices"][0];
        assert_eq!(choice["message"]["role"], "assistant");
        assert_eq!(choice["message"]["refusal"], Value::Null);
        assert_eq!(choice["finish_reason"], "stop");
        let content = choice["message"]["content"].as_str().unwrap();
        let usage = &body["usage"];
        assert_eq!(usage["completion_tokens"], words(content));
        assert_eq!(
            usage["total_tokens"].as_u64(),
            Some(usage["prompt_tokens"].as_u64().unwrap() + usage["completion_tokens"].as_u64().unwrap())
        );
        let mut limited = chat("gpt-4o-mini", "Say hi");
        limited["max_tokens"] = json!(3);
        let body = answer_json("openai", "chat/completions", &limited, 200);
        assert_eq!(body["choices"][0]["finish_reason"], "length");
        assert_eq!(body["usage"]["completion_tokens"], 3);
    }

    #[test]
    fn openai_compatible_providers_and_paths() {
        for (provider, endpoint) in [
            ("openai", "v1/chat/completions"),
            ("groq", "chat/completions"),
            ("mistral", "v1/chat/completions"),
            ("deepseek", "chat/completions"),
            ("grok", "v1/chat/completions"),
            ("perplexity-ai", "chat/completions"),
            ("cerebras", "v1/chat/completions"),
            ("openrouter", "v1/chat/completions"),
            ("compat", "chat/completions"),
        ] {
            let body = answer_json(provider, endpoint, &chat("vendor/some-model", "hi"), 200);
            assert_eq!(body["model"], "vendor/some-model", "{provider}");
            assert_eq!(body["object"], "chat.completion");
        }
        let azure = json!({"messages": [{"role": "user", "content": "hi"}]});
        let body = answer_json(
            "azure-openai",
            "my-resource/my-deployment/chat/completions?api-version=2024-10-21",
            &azure,
            200,
        );
        assert_eq!(body["model"], "my-deployment");
        let body = answer_json("azure-openai", "my-resource", &azure, 404);
        assert_eq!(body["error"]["type"], "invalid_request_error");
    }

    #[test]
    fn openai_errors() {
        let body = answer_json("openai", "chat/completions", &json!({"model": "gpt-4o"}), 400);
        assert_eq!(
            body,
            json!({"error": {"message": "Missing required parameter: 'messages'.", "type": "invalid_request_error", "param": "messages", "code": null}})
        );
        let body = answer_json("openai", "chat/completions", &json!({"messages": []}), 400);
        assert_eq!(body["error"]["message"], "you must provide a model parameter");
        let body = answer_json("groq", "chat/completions", &json!({"model": "m", "messages": []}), 400);
        assert_eq!(body["error"]["param"], "messages");
        let broken = OfflineUpstream::reply(&raw_request("openai", "chat/completions", b"{nope")).unwrap();
        assert_eq!(broken.status, 400);
        assert!(decode(&broken)["error"]["message"].as_str().unwrap().contains("could not parse the JSON body"));
        let body = answer_json("openai", "v1/files", &json!({}), 404);
        assert_eq!(body["error"]["message"], "Invalid URL (POST /v1/files)");
    }

    #[test]
    fn openai_streams_chunks() {
        let mut body = chat("gpt-4o-mini", "Say hi");
        body["stream"] = json!(true);
        body["stream_options"] = json!({"include_usage": true});
        let events = sse(&answer("openai", "chat/completions", &body));
        let plain = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "Say hi"), 200);
        assert_eq!(events.last().unwrap().1, "[DONE]");
        let chunks: Vec<Value> =
            events[..events.len() - 1].iter().map(|(_, d)| serde_json::from_str(d).unwrap()).collect();
        assert!(chunks.iter().all(|c| c["object"] == "chat.completion.chunk" && c["id"] == plain["id"]));
        assert_eq!(chunks[0]["choices"][0]["delta"]["role"], "assistant");
        let text: String = chunks.iter().filter_map(|c| c["choices"][0]["delta"]["content"].as_str()).collect();
        assert_eq!(text, plain["choices"][0]["message"]["content"].as_str().unwrap());
        assert_eq!(chunks[chunks.len() - 2]["choices"][0]["finish_reason"], "stop");
        assert_eq!(chunks.last().unwrap()["usage"], plain["usage"]);
    }

    #[test]
    fn openai_embeddings_and_responses() {
        let body =
            answer_json("openai", "embeddings", &json!({"model": "text-embedding-3-small", "input": ["a", "b"]}), 200);
        assert_eq!(body["object"], "list");
        assert_eq!(body["data"][1]["index"], 1);
        assert_eq!(body["data"][0]["object"], "embedding");
        assert_eq!(body["data"][0]["embedding"].as_array().unwrap().len(), 1536);
        let input =
            json!({"model": "text-embedding-3-large", "input": "a", "dimensions": 256, "encoding_format": "base64"});
        let body = answer_json("openai", "embeddings", &input, 200);
        assert_eq!(unbase64(body["data"][0]["embedding"].as_str().unwrap()).len(), 256 * 4);
        let body = answer_json("openai", "embeddings", &json!({"model": "text-embedding-3-small"}), 400);
        assert_eq!(body["error"]["param"], "input");

        let input = json!({"model": "gpt-4.1", "instructions": "Be brief.", "input": "Say hi"});
        let body = answer_json("openai", "responses", &input, 200);
        assert_eq!(body["object"], "response");
        assert_eq!(body["status"], "completed");
        assert!(body["id"].as_str().unwrap().starts_with("resp_"));
        assert_eq!(body["output_text"], body["output"][0]["content"][0]["text"]);
        assert_eq!(body["usage"]["input_tokens"], 5); // "Be brief. Say hi": 4 words × 4/3
        let body = answer_json("openai", "responses", &json!({"input": "hi"}), 400);
        assert_eq!(body["error"]["param"], "model");
        let body = answer_json("workers-ai", "@cf/openai/gpt-oss-20b", &json!({"input": "hi"}), 200);
        assert!(body["result"]["output_text"].is_string());
    }

    // --- Anthropic, Google ----------------------------------------------------------

    #[test]
    fn anthropic_messages() {
        let input = json!({
            "model": "claude-sonnet-4-5", "max_tokens": 1024, "system": "Be brief.",
            "messages": [{"role": "user", "content": [{"type": "text", "text": "Say hi"}]}],
        });
        let body = answer_json("anthropic", "v1/messages", &input, 200);
        assert!(body["id"].as_str().unwrap().starts_with("msg_"));
        assert_eq!((body["type"].as_str(), body["role"].as_str()), (Some("message"), Some("assistant")));
        assert_eq!(body["model"], "claude-sonnet-4-5");
        assert_eq!(body["content"][0]["type"], "text");
        assert_eq!(body["stop_reason"], "end_turn");
        assert_eq!(body["usage"]["input_tokens"], 5); // 4 words
        assert_eq!(body["usage"]["output_tokens"], words(body["content"][0]["text"].as_str().unwrap()));

        let missing = json!({"model": "claude-sonnet-4-5", "messages": [{"role": "user", "content": "hi"}]});
        let response = answer("anthropic", "v1/messages", &missing);
        assert_eq!(response.status, 400);
        assert_eq!(
            response.body,
            r#"{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}"#
        );
        let body = answer_json("anthropic", "v1/complete", &input, 404);
        assert_eq!(body["error"]["type"], "not_found_error");
        let body = answer_json("anthropic", "v1/messages/count_tokens", &input, 200);
        assert_eq!(body["input_tokens"], 5);
    }

    #[test]
    fn anthropic_streams_events() {
        let input = json!({"model": "claude-sonnet-4-5", "max_tokens": 1024, "stream": true, "messages": [{"role": "user", "content": "Say hi"}]});
        let events = sse(&answer("anthropic", "v1/messages", &input));
        let names: Vec<&str> = events.iter().map(|(name, _)| name.as_deref().unwrap()).collect();
        assert_eq!(names[..3], ["message_start", "content_block_start", "ping"]);
        assert_eq!(names[names.len() - 3..], ["content_block_stop", "message_delta", "message_stop"]);
        let text: String = events
            .iter()
            .filter(|(name, _)| name.as_deref() == Some("content_block_delta"))
            .map(|(_, data)| serde_json::from_str::<Value>(data).unwrap()["delta"]["text"].as_str().unwrap().to_owned())
            .collect();
        let mut plain = input.clone();
        plain["stream"] = json!(false);
        assert_eq!(text, answer_json("anthropic", "v1/messages", &plain, 200)["content"][0]["text"].as_str().unwrap());
    }

    #[test]
    fn google_ai_studio_generate_content() {
        let input = json!({"contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]});
        for version in ["v1", "v1beta"] {
            let body = answer_json(
                "google-ai-studio",
                &format!("{version}/models/gemini-2.5-flash:generateContent"),
                &input,
                200,
            );
            let candidate = &body["candidates"][0];
            assert_eq!(candidate["content"]["role"], "model");
            assert_eq!(candidate["finishReason"], "STOP");
            let text = candidate["content"]["parts"][0]["text"].as_str().unwrap();
            let usage = &body["usageMetadata"];
            assert_eq!(usage["promptTokenCount"], 3);
            assert_eq!(usage["candidatesTokenCount"], words(text));
            assert_eq!(usage["totalTokenCount"], 3 + words(text));
            assert_eq!(body["modelVersion"], "gemini-2.5-flash");
        }
        let body = answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:generateContent", &json!({}), 400);
        assert_eq!(
            (body["error"]["code"].as_u64(), body["error"]["status"].as_str()),
            (Some(400), Some("INVALID_ARGUMENT"))
        );
        let body = answer_json("google-ai-studio", "v1beta/files", &input, 404);
        assert_eq!(body["error"]["status"], "NOT_FOUND");

        let stream =
            sse(&answer("google-ai-studio", "v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", &input));
        let chunks: Vec<Value> = stream.iter().map(|(_, d)| serde_json::from_str(d).unwrap()).collect();
        let text: String =
            chunks.iter().map(|c| c["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap()).collect();
        let plain = answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:generateContent", &input, 200);
        assert_eq!(text, plain["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap());
        assert_eq!(chunks.last().unwrap()["usageMetadata"], plain["usageMetadata"]);
        let array =
            answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:streamGenerateContent", &input, 200);
        assert_eq!(array.as_array().unwrap().len(), chunks.len());

        let embed = json!({"content": {"parts": [{"text": "hello"}]}});
        let body = answer_json("google-ai-studio", "v1beta/models/text-embedding-004:embedContent", &embed, 200);
        assert_eq!(body["embedding"]["values"].as_array().unwrap().len(), 768);
    }

    #[test]
    fn vertex_gemini_anthropic_and_embeddings() {
        let base = "v1/projects/p/locations/us-central1/publishers";
        let input = json!({"contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]});
        let body = answer_json(
            "google-vertex-ai",
            &format!("{base}/google/models/gemini-2.0-flash:generateContent"),
            &input,
            200,
        );
        assert_eq!(body["candidates"][0]["finishReason"], "STOP");
        let claude = json!({"anthropic_version": "vertex-2023-10-16", "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]});
        let body = answer_json(
            "google-vertex-ai",
            &format!("{base}/anthropic/models/claude-sonnet-4-5:rawPredict"),
            &claude,
            200,
        );
        assert_eq!((body["type"].as_str(), body["model"].as_str()), (Some("message"), Some("claude-sonnet-4-5")));
        let embed = json!({"instances": [{"content": "a"}, {"content": "b"}]});
        let body =
            answer_json("google-vertex-ai", &format!("{base}/google/models/text-embedding-005:predict"), &embed, 200);
        assert_eq!(body["predictions"][1]["embeddings"]["values"].as_array().unwrap().len(), 768);
        let body = answer_json("google-vertex-ai", "v1/projects/p", &input, 404);
        assert_eq!(body["error"]["status"], "NOT_FOUND");
    }

    // --- Other providers --------------------------------------------------------------

    #[test]
    fn cohere_chat_and_embed() {
        let input = json!({"model": "command-r-plus", "messages": [{"role": "user", "content": "Say hi"}]});
        let body = answer_json("cohere", "v2/chat", &input, 200);
        assert_eq!(body["message"]["role"], "assistant");
        assert_eq!(body["message"]["content"][0]["type"], "text");
        assert_eq!(body["finish_reason"], "COMPLETE");
        assert_eq!(body["usage"]["tokens"]["input_tokens"], 3);
        let body = answer_json("cohere", "v1/chat", &json!({"message": "Say hi"}), 200);
        assert!(body["text"].is_string());
        assert_eq!(body["meta"]["billed_units"]["input_tokens"], 3);
        let input = json!({"model": "embed-english-v3.0", "texts": ["a"], "input_type": "search_document"});
        let body = answer_json("cohere", "v2/embed", &input, 200);
        assert_eq!(body["embeddings"]["float"][0].as_array().unwrap().len(), 1024);
        let body = answer_json("cohere", "v2/chat", &json!({"messages": []}), 400);
        assert!(body["message"].as_str().unwrap().starts_with("invalid request"));
        answer_json("cohere", "v3/chat", &input, 404);
    }

    #[test]
    fn bedrock_converse_invoke_and_streams() {
        let path = "bedrock-runtime/us-east-1/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0";
        let input = json!({"messages": [{"role": "user", "content": [{"text": "Say hi"}]}], "inferenceConfig": {"maxTokens": 100}});
        let body = answer_json("aws-bedrock", &format!("{path}/converse"), &input, 200);
        let text = body["output"]["message"]["content"][0]["text"].as_str().unwrap().to_owned();
        assert_eq!(body["stopReason"], "end_turn");
        assert_eq!(body["usage"]["inputTokens"], 3);
        assert_eq!(body["usage"]["outputTokens"], words(&text));

        let stream = answer("aws-bedrock", &format!("{path}/converse-stream"), &input);
        assert_eq!(content_type(&stream), "application/vnd.amazon.eventstream");
        let events = eventstream(&stream.body);
        assert_eq!(events[0].0, "messageStart");
        assert_eq!(events.last().unwrap().0, "metadata");
        let streamed: String = events.iter().filter_map(|(_, p)| p["delta"]["text"].as_str()).collect();
        assert_eq!(streamed, text);

        let claude = json!({"max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]});
        let body = answer_json("aws-bedrock", &format!("{path}/invoke"), &claude, 400);
        assert!(body["message"].as_str().unwrap().contains("anthropic_version"));
        let mut claude = claude;
        claude["anthropic_version"] = json!("bedrock-2023-05-31");
        let body = answer_json("aws-bedrock", &format!("{path}/invoke"), &claude, 200);
        assert_eq!(body["type"], "message");
        let stream = answer("aws-bedrock", &format!("{path}/invoke-with-response-stream"), &claude);
        let chunks = eventstream(&stream.body);
        let first: Value = serde_json::from_slice(&unbase64(chunks[0].1["bytes"].as_str().unwrap())).unwrap();
        assert_eq!(first["type"], "message_start");

        let titan = answer_json(
            "aws-bedrock",
            "bedrock-runtime/us-east-1/model/amazon.titan-embed-text-v2:0/invoke",
            &json!({"inputText": "hi"}),
            200,
        );
        assert_eq!(titan["embedding"].as_array().unwrap().len(), 1024);
        let response = answer("aws-bedrock", "bedrock-runtime/us-east-1/foundation-models", &input);
        assert_eq!(response.status, 404);
        assert!(response.headers["x-amzn-errortype"].to_str().unwrap().starts_with("UnknownOperationException"));
    }

    #[test]
    fn huggingface_tasks() {
        let body = answer_json("huggingface", "gpt2", &json!({"inputs": "Once upon a time"}), 200);
        assert!(body[0]["generated_text"].as_str().unwrap().starts_with("Once upon a time Offline answer"));
        let body = answer_json("huggingface", "sentence-transformers/all-MiniLM-L6-v2", &json!({"inputs": "hi"}), 200);
        assert_eq!(body.as_array().unwrap().len(), 384);
        let body =
            answer_json("huggingface", "sentence-transformers/all-MiniLM-L6-v2", &json!({"inputs": ["a", "b"]}), 200);
        assert_eq!(body[1].as_array().unwrap().len(), 384);
        let body = answer_json(
            "huggingface",
            "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
            &json!({"inputs": "great"}),
            200,
        );
        assert!(body[0][0]["score"].as_f64() >= body[0][1]["score"].as_f64());
        let body = answer_json("huggingface", "facebook/bart-large-cnn", &json!({"inputs": "long text"}), 200);
        assert!(body[0]["summary_text"].is_string());
        let image = answer("huggingface", "stabilityai/stable-diffusion-xl-base-1.0", &json!({"inputs": "a cat"}));
        check_png(&image.body);
        let body = answer_json("huggingface", "gpt2", &json!({"parameters": {}}), 400);
        assert!(body["error"].is_string());
        let body = answer_json(
            "huggingface",
            "meta-llama/Llama-3.1-8B-Instruct/v1/chat/completions",
            &json!({"messages": [{"role": "user", "content": "hi"}]}),
            200,
        );
        assert_eq!(body["model"], "meta-llama/Llama-3.1-8B-Instruct");
    }

    #[test]
    fn replicate_predictions() {
        let input = json!({"input": {"prompt": "Say hi", "max_tokens": 100}});
        let response = answer("replicate", "v1/models/meta/meta-llama-3-8b-instruct/predictions", &input);
        assert_eq!(response.status, 201);
        let body = decode(&response);
        assert_eq!(body["status"], "succeeded");
        assert_eq!(body["model"], "meta/meta-llama-3-8b-instruct");
        assert_eq!(body["id"].as_str().unwrap().len(), 26);
        let text: String = body["output"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert!(text.starts_with("Offline answer"));
        assert!(body["created_at"].as_str().unwrap().ends_with('Z'));
        let body = answer_json("replicate", "v1/models/black-forest-labs/flux-schnell/predictions", &input, 201);
        let url = body["output"][0].as_str().unwrap();
        check_png(&unbase64(url.strip_prefix("data:image/png;base64,").unwrap()));
        let body = answer_json(
            "replicate",
            "v1/predictions",
            &json!({"version": "owner/model:abc123", "input": {"prompt": "x"}}),
            201,
        );
        assert_eq!((body["model"].as_str(), body["version"].as_str()), (Some("owner/model"), Some("abc123")));
        let response = answer("replicate", "v1/predictions", &json!({"version": "abc"}));
        assert_eq!((response.status, content_type(&response)), (422, "application/problem+json"));
        assert_eq!(decode(&response)["invalid_fields"][0]["field"], "input");
        answer_json("replicate", "v1/collections", &input, 404);
    }

    #[test]
    fn speech_and_image_providers() {
        let input = json!({
            "model_id": "sonic-english", "transcript": "Welcome to Cloudflare",
            "voice": {"mode": "id", "id": "694f9389"}, "output_format": {"container": "wav", "encoding": "pcm_f32le", "sample_rate": 44100},
        });
        let response = answer("cartesia", "tts/bytes", &input);
        assert_eq!((response.status, content_type(&response)), (200, "audio/wav"));
        assert_eq!(&response.body[..4], b"RIFF");
        assert_eq!(u32::from_le_bytes(response.body[24..28].try_into().unwrap()), 44_100);
        let body = answer_json("cartesia", "tts/bytes", &json!({"model_id": "sonic"}), 400);
        assert_eq!(
            (body["title"].as_str(), body["message"].as_str()),
            (Some("Bad Request"), Some("transcript is required"))
        );

        let speech = answer(
            "elevenlabs",
            "v1/text-to-speech/21m00Tcm4TlvDq8ikWAM",
            &json!({"text": "Hello there", "model_id": "eleven_turbo_v2"}),
        );
        assert_eq!((speech.status, content_type(&speech)), (200, "audio/mpeg"));
        assert_eq!(&speech.body[..2], [0xff, 0xfb]);
        let body = answer_json("elevenlabs", "v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", &json!({}), 422);
        assert_eq!(body["detail"][0]["loc"], json!(["body", "text"]));
        let body = answer_json("elevenlabs", "v1/text-to-speech/v/with-timestamps", &json!({"text": "Hi"}), 200);
        assert_eq!(body["alignment"]["characters"], json!(["H", "i"]));
        answer_json("elevenlabs", "v1/voices", &json!({}), 404);

        let body =
            answer_json("adobe-firefly", "v3/images/generate", &json!({"prompt": "a cat", "numVariations": 2}), 200);
        let outputs = body["outputs"].as_array().unwrap();
        assert_eq!(outputs.len(), 2);
        assert!(outputs[0]["image"]["url"].as_str().unwrap().starts_with("data:image/png;base64,"));
        let body = answer_json("adobe-firefly", "v3/images/generate-async", &json!({"prompt": "a cat"}), 202);
        assert!(body["statusUrl"].as_str().unwrap().ends_with(body["jobId"].as_str().unwrap()));
        let body = answer_json("adobe-firefly", "v3/images/generate", &json!({}), 400);
        assert_eq!(body["error_code"], "validation_error");
    }

    #[test]
    fn malformed_json_gets_each_providers_error_shape() {
        let cases = [
            ("openai", "chat/completions", "/error/message"),
            ("anthropic", "v1/messages", "/error/message"),
            ("google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", "/error/message"),
            ("cohere", "v2/chat", "/message"),
            ("aws-bedrock", "bedrock-runtime/us-east-1/model/amazon.nova-pro-v1:0/converse", "/message"),
            ("huggingface", "gpt2", "/error"),
            ("replicate", "v1/predictions", "/detail"),
            ("cartesia", "tts/bytes", "/message"),
            ("elevenlabs", "v1/text-to-speech/v", "/detail/message"),
            ("adobe-firefly", "v3/images/generate", "/message"),
        ];
        for (provider, endpoint, pointer) in cases {
            let response = OfflineUpstream::reply(&raw_request(provider, endpoint, b"{\"a\": ")).unwrap();
            assert_eq!(response.status, 400, "{provider}");
            let body = decode(&response);
            let message = body.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("{provider}: {body}"));
            assert!(message.contains("EOF while parsing"), "{provider}: {message}");
        }
    }

    #[test]
    fn unknown_provider_is_an_error() {
        let request = request("fireworks", "chat/completions", &chat("m", "hi"));
        assert_eq!(
            OfflineUpstream::answer(&request).unwrap_err(),
            UpstreamError::UnknownProvider("fireworks".to_owned())
        );
    }

    // --- Faults and counters -----------------------------------------------------

    async fn send(
        upstream: &OfflineUpstream,
        provider: &str,
        endpoint: &str,
        body: &Value,
    ) -> Result<Reply, UpstreamError> {
        upstream.send(request(provider, endpoint, body), None).await.map(whole)
    }

    #[tokio::test]
    async fn status_faults_use_the_providers_error_shape() {
        let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::Status(429)));
        let response = send(&upstream, "openai", "chat/completions", &chat("gpt-4o", "hi")).await.unwrap();
        assert_eq!(response.status, 429);
        assert_eq!(response.headers["retry-after"], "1");
        let body = decode(&response);
        assert_eq!(
            (body["error"]["type"].as_str(), body["error"]["code"].as_str()),
            (Some("requests"), Some("rate_limit_exceeded"))
        );

        let response = send(&upstream, "workers-ai", "@cf/meta/llama-3.1-8b-instruct", &text_gen("hi")).await.unwrap();
        let body = decode(&response);
        assert_eq!((body["success"].as_bool(), body["errors"][0]["code"].as_u64()), (Some(false), Some(3040)));

        upstream.clear_faults();
        upstream.add_fault(FaultRule::new(Fault::Status(529)).for_provider("anthropic"));
        upstream.add_fault(FaultRule::new(Fault::Status(503)));
        let input =
            json!({"model": "claude-sonnet-4-5", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]});
        let body = decode(&send(&upstream, "anthropic", "v1/messages", &input).await.unwrap());
        assert_eq!(body["error"]["type"], "overloaded_error");
        let response =
            send(&upstream, "google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", &input).await.unwrap();
        assert!(response.headers.get("retry-after").is_none());
        assert_eq!(decode(&response)["error"]["status"], "UNAVAILABLE");
        let response =
            send(&upstream, "aws-bedrock", "bedrock-runtime/us-east-1/model/m/converse", &input).await.unwrap();
        assert!(response.headers["x-amzn-errortype"].to_str().unwrap().starts_with("ServiceUnavailableException"));
    }

    #[tokio::test]
    async fn body_faults_and_arrival_times() {
        let upstream = OfflineUpstream::new();
        let body = chat("gpt-4o", "hi");
        upstream.add_fault(FaultRule::new(Fault::Truncated).times(1));
        let err = send(&upstream, "openai", "chat/completions", &body).await.unwrap_err();
        assert!(matches!(&err, UpstreamError::Connection(m) if m.contains("body ended after")), "{err:?}");
        upstream.add_fault(FaultRule::new(Fault::InvalidJson).times(1));
        let response = send(&upstream, "openai", "chat/completions", &body).await.unwrap();
        assert_eq!((response.status, response.headers["content-type"].to_str().unwrap()), (200, "application/json"));
        let bytes = &response.body;
        assert!(!bytes.is_empty() && serde_json::from_slice::<Value>(bytes).is_err());
        upstream.add_fault(FaultRule::new(Fault::WrongContentType).times(1));
        let response = send(&upstream, "openai", "chat/completions", &body).await.unwrap();
        assert!(response.headers["content-type"].to_str().unwrap().starts_with("text/html"));
        // Every attempt's arrival is kept, in order, up to a bound.
        let arrivals = upstream.arrivals();
        assert_eq!(arrivals.len(), 3);
        assert!(arrivals.windows(2).all(|w| w[0].1 <= w[1].1));
        for _ in 0..ARRIVALS_KEPT {
            send(&upstream, "groq", "chat/completions", &body).await.unwrap();
        }
        let arrivals = upstream.arrivals();
        assert_eq!(arrivals.len(), ARRIVALS_KEPT);
        assert!(arrivals.iter().all(|(provider, _)| provider == "groq"), "the oldest went first");
        upstream.reset_counters();
        assert!(upstream.arrivals().is_empty());
    }

    #[tokio::test]
    async fn remaining_applies_the_fault_n_times() {
        let upstream = OfflineUpstream::new();
        upstream.add_fault(FaultRule::new(Fault::Status(500)).times(2));
        let body = chat("gpt-4o", "hi");
        assert_eq!(send(&upstream, "openai", "chat/completions", &body).await.unwrap().status, 500);
        assert_eq!(upstream.faults()[0].remaining, Some(1));
        assert_eq!(send(&upstream, "openai", "chat/completions", &body).await.unwrap().status, 500);
        assert!(upstream.faults().is_empty());
        assert_eq!(send(&upstream, "openai", "chat/completions", &body).await.unwrap().status, 200);
        assert_eq!(upstream.attempts("openai"), 3);
        // A rule with nothing left never applies.
        upstream.add_fault(FaultRule::new(Fault::Drop).times(0));
        assert!(send(&upstream, "openai", "chat/completions", &body).await.is_ok());
    }

    #[tokio::test]
    async fn drop_fails_the_connection() {
        let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::Drop).times(1));
        let error = send(&upstream, "groq", "chat/completions", &chat("m", "hi")).await.unwrap_err();
        assert!(matches!(error, UpstreamError::Connection(_)));
        assert!(send(&upstream, "groq", "chat/completions", &chat("m", "hi")).await.is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn timeout_waits_for_the_deadline() {
        let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::Timeout));
        let start = tokio::time::Instant::now();
        let result =
            upstream.send(request("openai", "chat/completions", &chat("m", "hi")), Some(Duration::from_secs(5))).await;
        assert_eq!(result.unwrap_err(), UpstreamError::Timeout);
        assert_eq!(start.elapsed(), Duration::from_secs(5));
        let start = tokio::time::Instant::now();
        let result = upstream.send(request("openai", "chat/completions", &chat("m", "hi")), None).await;
        assert_eq!(result.unwrap_err(), UpstreamError::Timeout);
        assert_eq!(start.elapsed(), DEFAULT_FAULT_TIMEOUT);
    }

    #[tokio::test(start_paused = true)]
    async fn latency_delays_or_times_out() {
        let upstream =
            OfflineUpstream::new().with_fault(FaultRule::new(Fault::Latency(Duration::from_secs(2))).times(1));
        let body = chat("m", "hi");
        let start = tokio::time::Instant::now();
        let response = upstream.send(request("openai", "chat/completions", &body), Some(Duration::from_secs(10))).await;
        assert_eq!(whole(response.unwrap()).body, answer("openai", "chat/completions", &body).body);
        assert_eq!(start.elapsed(), Duration::from_secs(2));

        upstream.add_fault(FaultRule::new(Fault::Latency(Duration::from_secs(20))));
        let start = tokio::time::Instant::now();
        let result = upstream.send(request("openai", "chat/completions", &body), Some(Duration::from_secs(3))).await;
        assert_eq!(result.unwrap_err(), UpstreamError::Timeout);
        assert_eq!(start.elapsed(), Duration::from_secs(3));
        let start = tokio::time::Instant::now();
        assert!(upstream.send(request("openai", "chat/completions", &body), None).await.is_ok());
        assert_eq!(start.elapsed(), Duration::from_secs(20));
    }

    #[tokio::test]
    async fn rules_match_provider_and_model() {
        let upstream = OfflineUpstream::new();
        upstream.add_fault(
            FaultRule::new(Fault::Status(503)).for_provider("workers-ai").for_model("@cf/meta/llama-3.1-8b-instruct"),
        );
        upstream.add_fault(FaultRule::new(Fault::Status(502)).for_model("gpt-4o"));
        upstream.add_fault(FaultRule::new(Fault::Status(504)).for_model("gemini-2.5-flash"));
        let status = |r: Result<Reply, UpstreamError>| r.unwrap().status;
        assert_eq!(
            status(send(&upstream, "workers-ai", "run/@cf%2Fmeta%2Fllama-3.1-8b-instruct", &text_gen("hi")).await),
            503
        );
        assert_eq!(status(send(&upstream, "workers-ai", "@cf/meta/llama-3.2-3b-instruct", &text_gen("hi")).await), 200);
        assert_eq!(status(send(&upstream, "openai", "chat/completions", &chat("gpt-4o", "hi")).await), 502);
        assert_eq!(status(send(&upstream, "openai", "chat/completions", &chat("gpt-4o-mini", "hi")).await), 200);
        let input = json!({"contents": [{"parts": [{"text": "hi"}]}]});
        assert_eq!(
            status(send(&upstream, "google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", &input).await),
            504
        );
    }

    #[tokio::test]
    async fn counters_are_shared_by_clones() {
        let upstream = OfflineUpstream::new();
        let gateway_side = upstream.clone();
        send(&gateway_side, "openai", "chat/completions", &chat("m", "hi")).await.unwrap();
        send(&gateway_side, "anthropic", "v1/messages", &json!({})).await.unwrap();
        let unknown = send(&gateway_side, "fireworks", "chat/completions", &json!({})).await;
        assert_eq!(unknown.unwrap_err(), UpstreamError::UnknownProvider("fireworks".to_owned()));
        assert_eq!(upstream.requests_seen(), 3);
        assert_eq!((upstream.attempts("openai"), upstream.attempts("anthropic"), upstream.attempts("groq")), (1, 1, 0));
        assert_eq!(upstream.last_request().unwrap().provider, "fireworks");
        upstream.add_fault(FaultRule::new(Fault::Drop));
        assert!(send(&gateway_side, "openai", "chat/completions", &json!({})).await.is_err());
        gateway_side.clear_faults();
        assert!(upstream.faults().is_empty());
        upstream.reset_counters();
        assert_eq!((gateway_side.requests_seen(), gateway_side.attempts("openai")), (0, 0));
        assert!(gateway_side.last_request().is_none());
    }

    // --- Streaming -------------------------------------------------------------------

    type Item = Result<Bytes, UpstreamError>;

    /// Sends a request that asks to stream; checks the status and content
    /// type, and returns the stream.
    async fn open(
        upstream: &OfflineUpstream,
        provider: &str,
        endpoint: &str,
        body: &Value,
    ) -> BoxStream<'static, Item> {
        let response = upstream.send(request(provider, endpoint, body), None).await.unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.headers[header::CONTENT_TYPE], "text/event-stream");
        match response.body {
            UpstreamBody::Stream(stream) => stream,
            UpstreamBody::Full(body) => panic!("expected a stream, got {}", String::from_utf8_lossy(&body)),
        }
    }

    /// Every item of a stream that ends.
    async fn drain(stream: BoxStream<'static, Item>) -> Vec<Item> {
        stream.collect().await
    }

    /// Streams an answer through [`Upstream::send`]: its events, one per chunk,
    /// after checking that the chunks add up to [`OfflineUpstream::answer`]'s body.
    async fn stream_events(provider: &str, endpoint: &str, body: &Value) -> Vec<(Option<String>, String)> {
        let stream = open(&OfflineUpstream::new(), provider, endpoint, body).await;
        let chunks: Vec<Bytes> = drain(stream).await.into_iter().map(Result::unwrap).collect();
        assert_eq!(chunks.concat(), answer(provider, endpoint, body).body, "{provider}");
        chunks.iter().map(|chunk| event_of(chunk)).collect()
    }

    fn json_of(data: &str) -> Value {
        serde_json::from_str(data).unwrap_or_else(|error| panic!("{error}: {data}"))
    }

    #[tokio::test]
    async fn workers_ai_streams_one_event_per_chunk() {
        let model = "@cf/meta/llama-3.1-8b-instruct";
        let plain = answer_json("workers-ai", model, &text_gen("Where is New York?"), 200);
        let asks = [
            json!({"prompt": "Where is New York?", "stream": true}),
            json!({"messages": [{"role": "user", "content": "Where is New York?"}], "stream": true}),
        ];
        for body in &asks {
            for endpoint in [model, "run/@cf%2Fmeta%2Fllama-3.1-8b-instruct"] {
                let events = stream_events("workers-ai", endpoint, body).await;
                assert!(events.iter().all(|(name, _)| name.is_none()));
                let (last, content) = events.split_last().unwrap();
                assert_eq!(last.1, "[DONE]");
                let payloads: Vec<Value> = content.iter().map(|(_, data)| json_of(data)).collect();
                assert!(payloads[0]["response"].as_str().unwrap().starts_with("Offline"));
                let (usage, pieces) = payloads.split_last().unwrap();
                assert_eq!(usage["response"], "");
                assert_eq!(usage["usage"], plain["result"]["usage"]);
                let usage = &usage["usage"];
                assert_eq!(
                    usage["total_tokens"].as_u64(),
                    Some(usage["prompt_tokens"].as_u64().unwrap() + usage["completion_tokens"].as_u64().unwrap())
                );
                assert!(pieces.iter().all(|p| p.get("usage").is_none()));
                let text: String = pieces.iter().map(|p| p["response"].as_str().unwrap()).collect();
                assert_eq!(text, plain["result"]["response"].as_str().unwrap());
                assert_eq!(pieces.len(), words(&text));
            }
        }
    }

    #[tokio::test]
    async fn openai_compatible_streams_end_with_done() {
        let plain = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "Say hi"), 200);
        for include_usage in [false, true] {
            let mut body = chat("gpt-4o-mini", "Say hi");
            body["stream"] = json!(true);
            if include_usage {
                body["stream_options"] = json!({"include_usage": true});
            }
            let events = stream_events("openai", "chat/completions", &body).await;
            let (last, content) = events.split_last().unwrap();
            assert_eq!(*last, (None, "[DONE]".to_owned()));
            let chunks: Vec<Value> = content.iter().map(|(_, data)| json_of(data)).collect();
            assert!(chunks.iter().all(|c| c["object"] == "chat.completion.chunk" && c["id"] == plain["id"]));
            assert_eq!(chunks[0]["choices"][0]["delta"]["role"], "assistant");
            let text: String = chunks.iter().filter_map(|c| c["choices"][0]["delta"]["content"].as_str()).collect();
            assert_eq!(text, plain["choices"][0]["message"]["content"].as_str().unwrap());
            let usage: Vec<&Value> = chunks.iter().filter_map(|c| c.get("usage")).collect();
            if include_usage {
                let (usage_chunk, rest) = chunks.split_last().unwrap();
                assert_eq!(usage_chunk["choices"], json!([]));
                assert_eq!(usage, [&plain["usage"]]);
                assert_eq!(rest.last().unwrap()["choices"][0]["finish_reason"], "stop");
            } else {
                assert!(usage.is_empty());
                assert_eq!(chunks.last().unwrap()["choices"][0]["finish_reason"], "stop");
            }
        }
        // The same format from every OpenAI-compatible route.
        let mut body = chat("some/model", "hi");
        body["stream"] = json!(true);
        for (provider, endpoint) in [
            ("groq", "chat/completions"),
            ("compat", "chat/completions"),
            ("workers-ai", "v1/chat/completions"),
            ("azure-openai", "res/dep/chat/completions?api-version=2024-10-21"),
            ("cohere", "compatibility/v1/chat/completions"),
            ("huggingface", "v1/chat/completions"),
            ("google-vertex-ai", "v1/projects/p/locations/l/endpoints/openapi/chat/completions"),
        ] {
            let events = stream_events(provider, endpoint, &body).await;
            assert_eq!(events.last().unwrap().1, "[DONE]", "{provider}");
            assert_eq!(json_of(&events[0].1)["object"], "chat.completion.chunk", "{provider}");
        }
    }

    #[tokio::test]
    async fn anthropic_streams_named_events_to_message_stop() {
        let input = json!({"model": "claude-sonnet-4-5", "max_tokens": 1024, "stream": true, "messages": [{"role": "user", "content": "Say hi"}]});
        let mut plain = input.clone();
        plain["stream"] = json!(false);
        let plain = answer_json("anthropic", "v1/messages", &plain, 200);
        let vertex = "v1/projects/p/locations/l/publishers/anthropic/models/claude-sonnet-4-5:streamRawPredict";
        let mut vertex_input = input.clone();
        vertex_input.as_object_mut().unwrap().remove("model");
        vertex_input["anthropic_version"] = json!("vertex-2023-10-16");
        for (provider, endpoint, body) in
            [("anthropic", "v1/messages", &input), ("google-vertex-ai", vertex, &vertex_input)]
        {
            let events = stream_events(provider, endpoint, body).await;
            let payloads: Vec<Value> = events.iter().map(|(_, data)| json_of(data)).collect();
            for ((name, _), payload) in events.iter().zip(&payloads) {
                assert_eq!(name.as_deref(), payload["type"].as_str(), "{provider}: every event is named by its type");
            }
            let names: Vec<&str> = events.iter().map(|(name, _)| name.as_deref().unwrap()).collect();
            assert_eq!(names[0], "message_start");
            assert_eq!(*names.last().unwrap(), "message_stop");
            assert!(!events.iter().any(|(_, data)| data == "[DONE]"));
            assert_eq!(payloads[0]["message"]["id"], plain["id"]);
            assert_eq!(payloads[0]["message"]["usage"]["input_tokens"], plain["usage"]["input_tokens"]);
            let delta = &payloads[payloads.len() - 2];
            assert_eq!(
                (delta["type"].as_str(), delta["delta"]["stop_reason"].as_str()),
                (Some("message_delta"), Some("end_turn"))
            );
            assert_eq!(delta["usage"]["output_tokens"], plain["usage"]["output_tokens"]);
            let text: String = payloads.iter().filter_map(|p| p["delta"]["text"].as_str()).collect();
            assert_eq!(text, plain["content"][0]["text"].as_str().unwrap());
        }
    }

    #[tokio::test]
    async fn gemini_streams_with_alt_sse() {
        let input = json!({"contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]});
        let plain = answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:generateContent", &input, 200);
        for (provider, endpoint) in [
            ("google-ai-studio", "v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"),
            (
                "google-vertex-ai",
                "v1/projects/p/locations/l/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
            ),
        ] {
            let events = stream_events(provider, endpoint, &input).await;
            assert_eq!(events.len(), 3);
            assert!(events.iter().all(|(name, _)| name.is_none()));
            let chunks: Vec<Value> = events.iter().map(|(_, data)| json_of(data)).collect();
            let (last, rest) = chunks.split_last().unwrap();
            assert!(
                rest.iter()
                    .all(|c| c.get("usageMetadata").is_none() && c["candidates"][0].get("finishReason").is_none())
            );
            assert_eq!(last["candidates"][0]["finishReason"], "STOP");
            assert_eq!(last["usageMetadata"], plain["usageMetadata"]);
            let text: String =
                chunks.iter().map(|c| c["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap()).collect();
            assert_eq!(text, plain["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap());
        }
    }

    #[tokio::test]
    async fn only_streaming_requests_get_a_stream() {
        let upstream = OfflineUpstream::new();
        let anthropic =
            json!({"model": "claude-sonnet-4-5", "stream": true, "messages": [{"role": "user", "content": "hi"}]});
        let bedrock = json!({"messages": [{"role": "user", "content": [{"text": "hi"}]}]});
        let mut openai = chat("gpt-4o", "hi");
        openai["stream"] = json!(false);
        let whole_answers = [
            ("openai", "chat/completions", openai),
            ("workers-ai", "@cf/meta/llama-3.1-8b-instruct", json!({"prompt": "hi", "stream": false})),
            // A streaming request that fails validation gets a whole error body.
            ("anthropic", "v1/messages", anthropic),
            (
                "google-ai-studio",
                "v1beta/models/gemini-2.5-flash:streamGenerateContent",
                json!({"contents": [{"parts": [{"text": "hi"}]}]}),
            ),
            ("aws-bedrock", "bedrock-runtime/us-east-1/model/amazon.nova-pro-v1:0/converse-stream", bedrock),
        ];
        for (provider, endpoint, body) in &whole_answers {
            let response = upstream.send(request(provider, endpoint, body), None).await.unwrap();
            assert!(matches!(response.body, UpstreamBody::Full(_)), "{provider}");
            let public = OfflineUpstream::answer(&request(provider, endpoint, body)).unwrap();
            assert!(matches!(public.body, UpstreamBody::Full(_)), "{provider}");
        }
        // The public `answer` streams too, and its chunks add up to the same bytes.
        let body = json!({"prompt": "hi", "stream": true});
        let public = OfflineUpstream::answer(&request("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body)).unwrap();
        assert!(matches!(public.body, UpstreamBody::Stream(_)));
        assert_eq!(
            public.into_bytes(usize::MAX).await.unwrap(),
            answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body).body
        );
    }

    /// A Workers AI streaming request.
    fn wa_stream() -> Value {
        json!({"prompt": "Where is New York?", "stream": true})
    }

    const WA_MODEL: &str = "@cf/meta/llama-3.1-8b-instruct";

    #[tokio::test(start_paused = true)]
    async fn chunk_delay_spaces_events_out() {
        let upstream = OfflineUpstream::new();
        assert_eq!(upstream.chunk_delay(), Duration::ZERO);
        // Default: no delay, so no timer (paused time would otherwise move).
        let start = tokio::time::Instant::now();
        let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
        let count = drain(stream).await.len();
        assert!(count > 5);
        assert_eq!(start.elapsed(), Duration::ZERO);

        // Clones share the delay: the test sets it on its own clone.
        let gateway_side = upstream.clone();
        upstream.set_chunk_delay(Duration::from_millis(100));
        assert_eq!(gateway_side.chunk_delay(), Duration::from_millis(100));
        let start = tokio::time::Instant::now();
        let mut stream = open(&gateway_side, "workers-ai", WA_MODEL, &wa_stream()).await;
        assert_eq!(start.elapsed(), Duration::ZERO, "the answer starts at once");
        let mut arrivals = Vec::new();
        let mut chunks = Vec::new();
        while let Some(chunk) = stream.next().await {
            arrivals.push(start.elapsed());
            chunks.push(chunk.unwrap());
        }
        assert_eq!(chunks.len(), count);
        // The first chunk arrives before the upstream has sent the last one.
        assert_eq!(arrivals[0], Duration::ZERO);
        assert!(!chunks[0].ends_with(b"data: [DONE]\n\n"));
        for (index, arrival) in arrivals.iter().enumerate() {
            assert_eq!(*arrival, Duration::from_millis(100) * u32::try_from(index).unwrap());
        }
        assert_eq!(chunks.last().unwrap(), "data: [DONE]\n\n");

        // The builder form; whole answers are never delayed.
        let upstream = OfflineUpstream::new().with_chunk_delay(Duration::from_secs(1));
        let start = tokio::time::Instant::now();
        let response = upstream.send(request("workers-ai", WA_MODEL, &text_gen("hi")), None).await.unwrap();
        assert!(matches!(response.body, UpstreamBody::Full(_)));
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn stall_after_keeps_the_stream_open() {
        let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::StallAfter(3)).times(1));
        let mut stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
        for _ in 0..3 {
            let chunk = tokio::time::timeout(Duration::from_secs(1), stream.next()).await.unwrap().unwrap().unwrap();
            assert!(json_of(&event_of(&chunk).1)["response"].is_string());
        }
        let start = tokio::time::Instant::now();
        assert!(tokio::time::timeout(Duration::from_secs(3600), stream.next()).await.is_err(), "stalled, not closed");
        assert_eq!(start.elapsed(), Duration::from_secs(3600));
        assert!(upstream.faults().is_empty());
        // The rule is used up: the next stream runs to its end marker.
        let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
        assert_eq!(drain(stream).await.last().unwrap().as_ref().unwrap(), "data: [DONE]\n\n");

        // After no event at all.
        upstream.add_fault(FaultRule::new(Fault::StallAfter(0)));
        let mut stream = open(
            &upstream,
            "anthropic",
            "v1/messages",
            &json!({"model": "m", "max_tokens": 9, "stream": true, "messages": [{"role": "user", "content": "hi"}]}),
        )
        .await;
        assert!(tokio::time::timeout(Duration::from_secs(60), stream.next()).await.is_err());
    }

    #[tokio::test]
    async fn drop_after_ends_with_an_error() {
        let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::DropAfter(2)).for_provider("openai"));
        let mut body = chat("gpt-4o", "hi");
        body["stream"] = json!(true);
        let stream = open(&upstream, "openai", "chat/completions", &body).await;
        let items = drain(stream).await;
        assert_eq!(items.len(), 3);
        let expected = answer("openai", "chat/completions", &body).events().unwrap();
        assert_eq!(items[0].as_ref().unwrap(), &expected[0]);
        assert_eq!(items[1].as_ref().unwrap(), &expected[1]);
        assert_eq!(items[2], Err(UpstreamError::Connection("connection dropped mid-stream".to_owned())));

        // The count is capped so the end marker is never sent.
        upstream.clear_faults();
        upstream.add_fault(FaultRule::new(Fault::DropAfter(usize::MAX)));
        let stream = open(&upstream, "openai", "chat/completions", &body).await;
        let items = drain(stream).await;
        assert_eq!(items.len(), expected.len());
        let (error, sent) = items.split_last().unwrap();
        assert!(error.is_err());
        assert_eq!(sent.iter().map(|item| item.clone().unwrap()).collect::<Vec<_>>(), expected[..expected.len() - 1]);
    }

    #[tokio::test]
    async fn garbage_after_sends_invalid_bytes_and_no_end_marker() {
        let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::GarbageAfter(4)));
        let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
        let chunks: Vec<Bytes> = drain(stream).await.into_iter().map(Result::unwrap).collect();
        assert_eq!(chunks.len(), 5);
        for chunk in &chunks[..4] {
            assert!(json_of(&event_of(chunk).1)["response"].is_string());
        }
        assert_eq!(chunks[4], GARBAGE_CHUNK);
        assert!(std::str::from_utf8(&chunks[4]).is_err());
        assert!(!chunks.concat().windows(6).any(|w| w == b"[DONE]"));

        // Anthropic: no `message_stop`, however large the count.
        upstream.clear_faults();
        upstream.add_fault(FaultRule::new(Fault::GarbageAfter(1000)));
        let input =
            json!({"model": "m", "max_tokens": 99, "stream": true, "messages": [{"role": "user", "content": "hi"}]});
        let stream = open(&upstream, "anthropic", "v1/messages", &input).await;
        let chunks: Vec<Bytes> = drain(stream).await.into_iter().map(Result::unwrap).collect();
        let (garbage, events) = chunks.split_last().unwrap();
        assert_eq!(garbage, GARBAGE_CHUNK);
        let names: Vec<String> = events.iter().map(|chunk| event_of(chunk).0.unwrap()).collect();
        assert_eq!(names.last().map(String::as_str), Some("message_delta"));
        assert_eq!(events.len() + 1, answer("anthropic", "v1/messages", &input).events().unwrap().len());
    }

    #[tokio::test(start_paused = true)]
    async fn first_chunk_delay_delays_only_the_first_chunk() {
        let upstream = OfflineUpstream::new()
            .with_fault(FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(2))).times(1))
            .with_chunk_delay(Duration::from_millis(10));
        let start = tokio::time::Instant::now();
        // The answer's timeout does not cover the first chunk.
        let response = upstream.send(request("workers-ai", WA_MODEL, &wa_stream()), Some(Duration::from_secs(1))).await;
        assert_eq!(start.elapsed(), Duration::ZERO, "headers at once");
        let UpstreamBody::Stream(mut stream) = response.unwrap().body else { panic!("expected a stream") };
        stream.next().await.unwrap().unwrap();
        assert_eq!(start.elapsed(), Duration::from_secs(2));
        stream.next().await.unwrap().unwrap();
        assert_eq!(start.elapsed(), Duration::from_millis(2010));
        // Used up: the next stream starts at once.
        let mut stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
        let start = tokio::time::Instant::now();
        stream.next().await.unwrap().unwrap();
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[tokio::test]
    async fn stream_faults_skip_whole_answers() {
        let upstream = OfflineUpstream::new();
        upstream.add_fault(FaultRule::new(Fault::DropAfter(1)).times(1));
        upstream.add_fault(FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(1))));
        // A whole answer: neither stream rule matches, nothing is used up.
        let response = send(&upstream, "workers-ai", WA_MODEL, &text_gen("hi")).await.unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(upstream.faults()[0].remaining, Some(1));
        // A later rule that applies to whole answers still applies.
        upstream.add_fault(FaultRule::new(Fault::Status(503)).times(1));
        assert_eq!(send(&upstream, "workers-ai", WA_MODEL, &text_gen("hi")).await.unwrap().status, 503);
        assert_eq!(upstream.faults().len(), 2);
        // A streaming request that gets an error answer is not streamed, so not faulted.
        let invalid = json!({"prompt": "hi", "messages": [], "stream": true});
        assert_eq!(send(&upstream, "workers-ai", WA_MODEL, &invalid).await.unwrap().status, 400);
        assert_eq!(upstream.faults()[0].remaining, Some(1));
        // A stream: the first rule applies and retires.
        let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
        let items = drain(stream).await;
        assert_eq!((items.len(), items[1].is_err()), (2, true));
        assert_eq!(upstream.faults(), [FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(1)))]);
    }
}
