//! `Ai`: the client, and the one place requests are sent and retried.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher as _, BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use serde::de::DeserializeOwned;
use smallvec::SmallVec;

use futures::StreamExt as _;

use crate::call_span;
use crate::config::{Config, GatewayCredential, Transport};
use crate::error::{Error, Result, StreamPhase};
use crate::gateway::HttpGateway;
use crate::provider::ModelName;
use crate::response::{AiResponse, GatewayResponse};
use crate::rest_api;
use crate::stream::{ChunkStream, EventStream, StreamProtocol, StreamTimeouts};
use crate::types::headers;
use crate::types::options::{BindingGatewayOptions, ByokAlias, GatewayOptions, validate_gateway_id};
use crate::wire::decode::{self, Call};
use crate::wire::js;
use crate::wire::url::{self, Part};
use ::url::Url;

/// Header names of every call, checked at compile time: a `&str` name is
/// parsed again on each lookup or insert.
static AIG_AUTHORIZATION: HeaderName = HeaderName::from_static(headers::AUTHORIZATION);
static LOG_ID: HeaderName = HeaderName::from_static(headers::LOG_ID);
static OTEL_TRACE_ID: HeaderName = HeaderName::from_static(headers::OTEL_TRACE_ID);
static OTEL_PARENT_SPAN_ID: HeaderName = HeaderName::from_static(headers::OTEL_PARENT_SPAN_ID);

/// Most tags a request may carry.
pub const MAX_TAGS: usize = 5;
/// Longest tag.
pub const MAX_TAG_LEN: usize = 50;

/// `AiOptions` of [`Ai::run`]: gateway routing, tags and extra headers.
///
/// ```
/// use gateway_core::{GatewayOptions, RunOptions};
/// let options = RunOptions::new()
///     .gateway(GatewayOptions::new("my-gateway").cache_ttl(3600))
///     .extra_header("x-request-source", "docs");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct RunOptions {
    /// Route through this gateway (its `id` is required).
    pub gateway: Option<GatewayOptions>,
    /// Tags: letters, digits and `: - . / @`, at most 50 characters each, at
    /// most 5; duplicates are dropped. Only the binding transport carries
    /// them (the REST API has no field for tags).
    pub tags: Vec<String>,
    /// Headers added to the request. Over REST they override the mapped
    /// `cf-aig-*` headers; the fixed headers (content type, credentials) win over them.
    pub extra_headers: Vec<(String, String)>,
    /// Over REST, send Workers AI models (`@cf/...`) through the REST API's
    /// `POST /ai/run` envelope too, as catalog and dynamic models always
    /// are; that API requires a gateway id for them (`cf-aig-gateway-id`,
    /// `default` for the account's default gateway). Ignored by the binding transport.
    pub rest_api: bool,
}

/// `new`, `gateway` and `extra_header`: the builder methods every options
/// type of a model call has, written once.
macro_rules! shared_builders {
    ($new:literal, $gateway:literal) => {
        #[doc = $new]
        pub fn new() -> Self {
            Self::default()
        }
        #[doc = $gateway]
        #[must_use]
        pub fn gateway(mut self, gateway: GatewayOptions) -> Self {
            self.gateway = Some(gateway);
            self
        }
        /// Adds an extra header.
        #[must_use]
        pub fn extra_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
            self.extra_headers.push((name.into(), value.into()));
            self
        }
    };
}

impl RunOptions {
    shared_builders!("No options: a direct Workers AI call.", "Routes through a gateway.");
    /// Sends Workers AI models through the REST API's `/ai/run` envelope
    /// (see [`rest_api`](Self#structfield.rest_api)).
    #[must_use]
    pub fn rest_api(mut self) -> Self {
        self.rest_api = true;
        self
    }
    /// Adds a tag.
    #[must_use]
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }

    /// Tags after validation, duplicates dropped.
    fn checked_tags(&self) -> Result<Vec<&str>> {
        let mut tags: Vec<&str> = Vec::new();
        for tag in &self.tags {
            let valid_chars = tag.chars().all(|c| c.is_ascii_alphanumeric() || ":-./@".contains(c));
            if tag.is_empty() || tag.len() > MAX_TAG_LEN || !valid_chars {
                return Err(Error::invalid(
                    "tags",
                    format!("{tag:?}: tags are 1 to {MAX_TAG_LEN} letters, digits or `: - . / @`"),
                ));
            }
            if !tags.contains(&tag.as_str()) {
                tags.push(tag);
            }
        }
        if tags.len() > MAX_TAGS {
            return Err(Error::invalid("tags", format!("at most {MAX_TAGS} tags are allowed, got {}", tags.len())));
        }
        Ok(tags)
    }
}

/// Options of a universal or provider-native request through a gateway.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct UniversalOptions {
    /// Request-level gateway options, sent as `cf-aig-*` headers. Its `id` is
    /// deprecated and never sent: the gateway handle decides.
    pub gateway: Option<GatewayOptions>,
    /// Headers added last: they replace mapped headers and `content-type`.
    pub extra_headers: Vec<(String, String)>,
}

impl UniversalOptions {
    shared_builders!("No options.", "Sets the gateway options.");
}

/// A request ready to send: moved into reqwest on a try after which no
/// retry may follow, else kept as a [`Resend`] for the next try.
pub(crate) struct Prepared {
    pub(crate) method: Method,
    /// Shared with the URL cache; reqwest takes an owned `Url`, copied per try.
    pub(crate) url: Arc<Url>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Option<Bytes>,
    /// Whether a gateway forwards this request to a provider. The gateway
    /// owns the retries of such requests; see [`Retry`].
    pub(crate) retry: Retry,
}

/// Which failures the client itself may retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Retry {
    /// The client is the only retrying layer (logs API, direct Workers AI):
    /// rate limits, 5xx and connection failures are retried.
    Alone,
    /// A gateway forwards the request and applies its own attempts: only
    /// what certainly never reached a provider is retried (a connection that
    /// could not be opened, the gateway's own rate limit), so client retries
    /// never multiply the gateway's.
    BehindGateway,
}

/// What the next try is rebuilt from, kept while a retry may follow. URL,
/// body and header values are shared (reference counts), the few headers
/// kept inline: a try that succeeds copies no header map and no URL beyond
/// the one reqwest takes. (`reqwest::Request::try_clone` per try cost six
/// allocations: the URL, the header map's two tables, the timeout's map.)
struct Resend {
    method: Method,
    url: Arc<Url>,
    headers: SmallVec<[(HeaderName, HeaderValue); Resend::INLINE_HEADERS]>,
    body: Option<Bytes>,
    retry: Retry,
}

impl Resend {
    /// Headers kept without allocating: a call sets 2 or 3 (content type,
    /// credentials), plus the caller's gateway options and extras. More
    /// would make every request future larger to copy.
    const INLINE_HEADERS: usize = 4;

    /// The request again, its header map rebuilt (only now that a retry happens).
    fn into_prepared(self) -> Prepared {
        let mut headers = HeaderMap::new();
        for (name, value) in self.headers {
            headers.append(name, value);
        }
        Prepared { method: self.method, url: self.url, headers, body: self.body, retry: self.retry }
    }
}

impl Prepared {
    pub(crate) fn new(method: Method, url: impl Into<Arc<Url>>) -> Self {
        Self { method, url: url.into(), headers: HeaderMap::new(), body: None, retry: Retry::Alone }
    }

    /// Sets the URL's query (management calls; their URL is not shared).
    pub(crate) fn set_query(&mut self, query: &str) {
        Arc::make_mut(&mut self.url).set_query(Some(query));
    }

    /// The request of one try, moved into reqwest (the client's own default
    /// headers, and its timeout unless `timeout` is given, still apply),
    /// and what the next try is built from when `retry_may_follow`.
    fn for_try(self, timeout: Option<Duration>, retry_may_follow: bool) -> (reqwest::Request, Option<Resend>) {
        let Self { method, url, headers, body, retry } = self;
        let resend = retry_may_follow.then(|| Resend {
            method: method.clone(),
            url: Arc::clone(&url),
            headers: headers.iter().map(|(n, v)| (n.clone(), v.clone())).collect(),
            body: body.clone(),
            retry,
        });
        let mut out = reqwest::Request::new(method, Arc::unwrap_or_clone(url));
        *out.headers_mut() = headers;
        *out.body_mut() = body.map(reqwest::Body::from);
        // Set only when given: reqwest keeps it in the request's extensions,
        // three allocations even for `None` (which means the client's own anyway).
        if timeout.is_some() {
            *out.timeout_mut() = timeout;
        }
        (out, resend)
    }

    /// Marks the request as forwarded to a provider by a gateway.
    pub(crate) fn behind_gateway(mut self) -> Self {
        self.retry = Retry::BehindGateway;
        self
    }

    pub(crate) fn json_body(mut self, body: Vec<u8>) -> Self {
        self.headers.insert(http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        self.body = Some(Bytes::from(body));
        self
    }

    /// Sets (replaces) a header; `field` names the caller's input in errors.
    pub(crate) fn set(&mut self, name: &str, value: &str, field: &str) -> Result<()> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::invalid(field, format!("{name:?} is not a valid header name")))?;
        let value = HeaderValue::from_str(value)
            .map_err(|_| Error::invalid(format!("{field}.{name}"), "not a valid header value"))?;
        self.headers.insert(name, value);
        Ok(())
    }

    pub(crate) fn apply(&mut self, pairs: &[(String, String)], field: &str) -> Result<()> {
        pairs.iter().try_for_each(|(k, v)| self.set(k, v, field))
    }

    /// Sets the `cf-aig-*` headers of `options` (with the BYOK alias only where it applies).
    pub(crate) fn gateway_options(&mut self, options: Option<&GatewayOptions>, alias: ByokAlias) -> Result<()> {
        if let Some(options) = options {
            for (name, value) in options.headers_for(alias)? {
                self.set(name, &value, "gateway")?;
            }
            self.set_traceparent();
        }
        Ok(())
    }

    /// `traceparent` from the `cf-aig-otel-*` ids just set, both or
    /// neither: the same parent in the W3C header. Flags `01` (sampled):
    /// the caller asked for the call to be traced.
    fn set_traceparent(&mut self) {
        let id = |name: &HeaderName| self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_ascii_lowercase);
        if let (Some(trace), Some(span)) = (id(&OTEL_TRACE_ID), id(&OTEL_PARENT_SPAN_ID)) {
            if let Ok(value) = HeaderValue::from_str(&format!("00-{trace}-{span}-01")) {
                self.headers.insert(HeaderName::from_static(headers::TRACEPARENT), value);
            }
        }
    }
}

/// Which kind of call a cached URL belongs to: the first part of its key,
/// so the routes' keys never collide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum UrlRoute {
    /// `Ai::run` over REST: gateway id (empty: Workers AI directly), model.
    Run,
    /// The binding's `run`: with a gateway or not.
    BindingRun,
    /// A provider's own route: gateway id, provider slug, endpoint.
    Provider,
    /// The universal endpoint: gateway id.
    Universal,
    /// The REST API on the API host: its path (`run`, `v1/chat/completions`).
    RestApi,
}

/// A checked URL and the key it was built for.
#[derive(Debug)]
struct CachedUrl {
    route: UrlRoute,
    parts: Box<[Box<str>]>,
    url: Arc<Url>,
}

/// Checked URLs of calls, by route and the caller's pieces (gateway id,
/// model, provider, endpoint), reused: building one is most of a call's
/// preparation. Bounded; looked up without allocating.
#[derive(Debug, Default)]
pub(crate) struct UrlCache {
    /// Entries by the hash of their key; a bucket holds the (rare) collisions.
    by_hash: Mutex<HashMap<u64, Vec<CachedUrl>, BuildHasherDefault<KeyHasher>>>,
    hasher: BuildHasherDefault<KeyHasher>,
}

/// The URL cache's hasher: `FxHash` (rustc's multiply-rotate per word), about
/// a tenth of `SipHash`'s cost on these short keys. Its keys are the caller's
/// own pieces (never remote input) and the cache is bounded, so it needs no
/// defence against flooding.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl KeyHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for chunk in &mut words {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl UrlCache {
    /// Most URLs kept; past it the cache starts over (a client rarely uses more).
    const CAPACITY: usize = 256;

    /// The URL of `parts` on `route`, from the cache or built by `build`
    /// (whose errors are not cached: the next call checks again).
    pub(crate) fn get_or_build(
        &self,
        route: UrlRoute,
        parts: &[&str],
        build: impl FnOnce() -> Result<Url>,
    ) -> Result<Arc<Url>> {
        let hash = self.hasher.hash_one((route, parts));
        let matches = |entry: &CachedUrl| {
            entry.route == route
                && entry.parts.len() == parts.len()
                && entry.parts.iter().zip(parts).all(|(a, b)| &**a == *b)
        };
        let cached = {
            let urls = self.by_hash.lock().unwrap_or_else(PoisonError::into_inner);
            urls.get(&hash).and_then(|bucket| bucket.iter().find(|e| matches(e))).map(|e| Arc::clone(&e.url))
        };
        if let Some(url) = cached {
            return Ok(url);
        }
        let url = Arc::new(build()?);
        let mut urls = self.by_hash.lock().unwrap_or_else(PoisonError::into_inner);
        if urls.values().map(Vec::len).sum::<usize>() >= Self::CAPACITY {
            urls.clear();
        }
        let bucket = urls.entry(hash).or_default();
        if !bucket.iter().any(matches) {
            let parts = parts.iter().map(|p| Box::from(*p)).collect();
            bucket.push(CachedUrl { route, parts, url: Arc::clone(&url) });
        }
        Ok(url)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.by_hash.lock().unwrap_or_else(PoisonError::into_inner).values().map(Vec::len).sum()
    }
}

/// What went wrong with one try.
enum Failure<'a> {
    /// An answer came back (any status).
    Answer(&'a Answer),
    /// No (whole) answer came back.
    Error(&'a Error),
}

/// A whole answer, any status.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Answer {
    pub(crate) fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
    pub(crate) fn into_response(self) -> GatewayResponse {
        GatewayResponse::new(self.status, self.headers, self.body)
    }
}

pub(crate) struct Inner {
    pub(crate) config: Config,
    http: reqwest::Client,
    last_log_id: Mutex<Option<String>>,
    /// Checked URLs of every route, reused: building one is most of a call's preparation.
    pub(crate) urls: UrlCache,
    /// `Bearer <api token>`, built once, marked sensitive.
    api_bearer: Option<HeaderValue>,
    /// `Bearer <token>` for `cf-aig-authorization` (the gateway token, else
    /// the API token: [`Config::gateway_credential`]), built once, marked sensitive.
    gateway_bearer: Option<HeaderValue>,
    /// `Bearer <key>` of the provider credentials used so far, marked
    /// sensitive: a provider route's `Authorization`, built once per key.
    provider_bearers: Mutex<Vec<HeaderValue>>,
}

impl fmt::Debug for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inner").field("config", &self.config).finish_non_exhaustive()
    }
}

impl Inner {
    /// `Authorization: Bearer <api token>` for the request.
    pub(crate) fn authorize_api(&self, request: &mut Prepared) -> Result<()> {
        let value = self.api_bearer.clone().ok_or_else(|| Error::Config {
            setting: "api_token".to_owned(),
            reason: format!("this call needs a Cloudflare API token (set {})", crate::config::ENV_API_TOKEN),
        })?;
        request.headers.insert(http::header::AUTHORIZATION, value);
        Ok(())
    }

    /// `cf-aig-authorization: Bearer <token>` on the gateway host: the
    /// gateway token, else the API token ([`GatewayCredential`]).
    pub(crate) fn authorize_gateway(&self, request: &mut Prepared) {
        if let Some(value) = &self.gateway_bearer {
            request.headers.insert(AIG_AUTHORIZATION.clone(), value.clone());
        }
    }

    /// Most provider credentials whose `Bearer` value is kept; past it the list starts over.
    const PROVIDER_BEARERS: usize = 16;

    /// `Bearer <key>` for a provider's credential, marked sensitive: reused
    /// when this key was seen before (formatting and checking it was a
    /// tenth of a provider call's preparation).
    pub(crate) fn provider_bearer(&self, key: &SecretString) -> Result<HeaderValue> {
        let key = key.expose_secret();
        let is_for = |value: &HeaderValue| value.as_bytes().strip_prefix(b"Bearer ") == Some(key.as_bytes());
        {
            let bearers = self.provider_bearers.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(value) = bearers.iter().find(|v| is_for(v)) {
                return Ok(value.clone());
            }
        }
        let mut value = HeaderValue::from_str(&format!("Bearer {key}"))
            .map_err(|_| Error::invalid("provider", "the credential is not a valid header value"))?;
        value.set_sensitive(true);
        let mut bearers = self.provider_bearers.lock().unwrap_or_else(PoisonError::into_inner);
        if bearers.len() >= Self::PROVIDER_BEARERS {
            bearers.clear();
        }
        bearers.push(value.clone());
        Ok(value)
    }

    /// What gateway-host requests carry in `cf-aig-authorization`: nothing
    /// over the binding protocol (the binding's identity authenticates).
    pub(crate) fn gateway_credential(&self) -> GatewayCredential {
        match self.config.transport {
            Transport::Rest => self.config.gateway_credential(),
            Transport::Binding(_) => GatewayCredential::None,
        }
    }

    /// Sends `request`, retrying per the configuration, and reads the whole answer.
    pub(crate) async fn execute(&self, request: Prepared) -> Result<Answer> {
        let retry = request.retry;
        let mut request = request;
        let mut attempt: u32 = 0;
        loop {
            let (current, kept) = request.for_try(None, attempt < self.config.max_retries);
            let outcome = match self.http.execute(current).await {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    // Taken, not cloned: the body is read separately.
                    let headers = std::mem::take(response.headers_mut());
                    match response.bytes().await {
                        Ok(body) => Ok(Answer { status, headers, body }),
                        Err(e) => Err(Error::from_reqwest(e)),
                    }
                }
                Err(e) => Err(Error::from_reqwest(e)),
            };
            let failure = match &outcome {
                Ok(answer) => Failure::Answer(answer),
                Err(error) => Failure::Error(error),
            };
            match (self.retry_wait(retry, attempt, &failure), kept) {
                (Some(delay), Some(kept)) => {
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                    request = kept.into_prepared();
                }
                _ => return outcome,
            }
        }
    }

    /// How long to wait before retrying after `failure`, or `None` to give up.
    fn retry_wait(&self, retry: Retry, attempt: u32, failure: &Failure<'_>) -> Option<Duration> {
        if attempt >= self.config.max_retries {
            return None;
        }
        let hinted = |headers: &HeaderMap| {
            headers
                .get(http::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s >= 0.0)
                // Capped before conversion: a huge `retry-after` must not overflow `Duration`.
                .map(|s| Duration::from_secs_f64(s.min(self.config.max_retry_delay.as_secs_f64())))
        };
        // A spend limit's budget window is far longer than any retry delay.
        let rate_limited = |answer: &Answer| answer.status == 429 && !decode::is_spend_limit_body(&answer.body);
        let wait = match (retry, failure) {
            (Retry::Alone, Failure::Answer(answer)) if rate_limited(answer) || answer.status >= 500 => {
                Some(hinted(&answer.headers).unwrap_or_else(|| self.backoff(attempt)))
            }
            (Retry::Alone, Failure::Error(e)) if e.is_retryable() => Some(self.backoff(attempt)),
            // Refused by the gateway itself, before any provider saw it.
            (Retry::BehindGateway, Failure::Answer(answer))
                if rate_limited(answer) && decode::is_gateway_error(&answer.body) =>
            {
                Some(hinted(&answer.headers).unwrap_or_else(|| self.backoff(attempt)))
            }
            // Never sent: the connection could not be opened.
            (Retry::BehindGateway, Failure::Error(Error::Transport(e))) if e.is_connect() => {
                Some(self.backoff(attempt))
            }
            _ => None,
        };
        wait.map(|delay| delay.min(self.config.max_retry_delay))
    }

    /// Sends a streaming request: answers with the event stream when the
    /// status is a success, else reads the whole error body.
    pub(crate) async fn execute_stream(&self, request: Prepared) -> Result<std::result::Result<EventStream, Answer>> {
        let first_byte = self.config.first_byte_timeout;
        let retry = request.retry;
        // Streams are bounded by the first-byte and idle timeouts, not the whole-request one.
        let timeout = Some(Duration::from_secs(365 * 24 * 3600));
        let mut request = request;
        let mut attempt: u32 = 0;
        let (response, status, headers) = loop {
            let (current, kept) = request.for_try(timeout, attempt < self.config.max_retries);
            let sending = self.http.execute(current);
            let sent = match first_byte {
                Some(limit) => tokio::time::timeout(limit, sending)
                    .await
                    .map_err(|_| Error::StreamTimeout { phase: StreamPhase::FirstByte, after: limit })?,
                None => sending.await,
            };
            let failure = match sent {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    let headers = std::mem::take(response.headers_mut());
                    if (200..300).contains(&status) {
                        break (response, status, headers);
                    }
                    let body = response.bytes().await.map_err(Error::from_reqwest)?;
                    Ok(Answer { status, headers, body })
                }
                Err(e) => Err(Error::from_reqwest(e)),
            };
            let wait = match &failure {
                Ok(answer) => self.retry_wait(retry, attempt, &Failure::Answer(answer)),
                Err(error) => self.retry_wait(retry, attempt, &Failure::Error(error)),
            };
            match (wait, kept) {
                (Some(delay), Some(kept)) => {
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                    request = kept.into_prepared();
                }
                _ => {
                    let answer = failure?;
                    self.remember_log_id(&answer.headers);
                    return Ok(Err(answer));
                }
            }
        };
        self.remember_log_id(&headers);
        let meta = crate::GatewayMeta::from_headers(status, &headers);
        let timeouts = StreamTimeouts { first_byte, idle: self.config.idle_timeout };
        Ok(Ok(EventStream::new(meta, response.bytes_stream().boxed(), timeouts)))
    }

    fn backoff(&self, attempt: u32) -> Duration {
        self.config.retry_base_delay.saturating_mul(2u32.saturating_pow(attempt))
    }

    pub(crate) fn remember_log_id(&self, headers: &HeaderMap) {
        self.remember(headers.get(&LOG_ID).and_then(|v| v.to_str().ok()).map(str::to_owned));
    }

    /// Keeps `log_id` for [`Ai::ai_gateway_log_id`].
    pub(crate) fn remember(&self, log_id: Option<String>) {
        *self.last_log_id.lock().unwrap_or_else(PoisonError::into_inner) = log_id;
    }
}

/// The client: model runs (Workers AI, catalog models, dynamic routes), the
/// REST API's `/ai/v1/*` ([`Ai::v1`]), and gateway handles.
///
/// Cheap to clone; clones share one connection pool and one
/// [`ai_gateway_log_id`](Self::ai_gateway_log_id).
///
/// ```no_run
/// # async fn demo() -> gateway_core::Result<()> {
/// use gateway_core::{Ai, GatewayOptions, RunOptions};
/// use serde_json::{json, Value};
///
/// let ai = Ai::from_env()?;
/// let answer = ai
///     .run::<_, Value>(
///         "@cf/meta/llama-3.1-8b-instruct-fp8",
///         &json!({"prompt": "What is Cloudflare?"}),
///         &RunOptions::new().gateway(GatewayOptions::new("my-gateway")),
///     )
///     .await?;
/// println!("{} (log {:?})", answer.output["response"], answer.log_id());
///
/// // Any catalog model, through the REST API's `/ai/run` (Unified Billing;
/// // without a gateway id, the account's `default` gateway).
/// let answer = ai
///     .run::<_, Value>(
///         "openai/gpt-5.5",
///         &json!({"messages": [{"role": "user", "content": "What is Cloudflare?"}]}),
///         &RunOptions::new(),
///     )
///     .await?;
/// println!("{}", answer.output["choices"][0]["message"]["content"]);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Ai {
    pub(crate) inner: Arc<Inner>,
}

impl Ai {
    /// A client for `config`.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        // Redirects are never followed: the gateway and the API do not send
        // them, and following one would resend provider keys and the gateway
        // token (which reqwest does not know to strip) to another host.
        let mut builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(config.user_agent())
            // What goes on the wire stays the binding's, even when another crate in
            // the build (a user's, say) turns on reqwest's decompression features.
            .no_gzip()
            .no_brotli()
            .no_deflate()
            .no_zstd();
        if let Some(timeout) = config.timeout {
            builder = builder.timeout(timeout);
        }
        let http =
            builder.build().map_err(|e| Error::Config { setting: "http client".to_owned(), reason: e.to_string() })?;
        let api_bearer = config.api_token.as_ref().map(|t| bearer("api_token", t)).transpose()?;
        let gateway_bearer = match config.gateway_token.as_ref() {
            Some(token) => Some(bearer("gateway_token", token)?),
            None => api_bearer.clone(),
        };
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                http,
                last_log_id: Mutex::new(None),
                urls: UrlCache::default(),
                api_bearer,
                gateway_bearer,
                provider_bearers: Mutex::default(),
            }),
        })
    }

    /// A client configured from the environment ([`Config::from_env`]).
    pub fn from_env() -> Result<Self> {
        Self::new(Config::from_env()?)
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// A handle on gateway `id` (checked when first used).
    pub fn gateway(&self, id: impl Into<String>) -> HttpGateway {
        HttpGateway::new(Arc::clone(&self.inner), id.into().into())
    }

    /// The log id of the most recent [`run`](Self::run) (`None` when its answer
    /// had none), like the binding's `aiGatewayLogId`. Concurrent callers
    /// should read [`AiResponse::log_id`] instead, which cannot race.
    pub fn ai_gateway_log_id(&self) -> Option<String> {
        self.inner.last_log_id.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Runs `model` on `input` and decodes its output.
    ///
    /// `model` is any name the binding's `run` takes
    /// ([`ModelName`]): a Workers AI id
    /// (`@cf/meta/llama-3.1-8b-instruct`), a catalog name (`openai/gpt-5.5`,
    /// `anthropic/claude-sonnet-4-5`) or a dynamic route (`dynamic/my-route`).
    ///
    /// Over REST, a Workers AI id calls Workers AI directly
    /// (`/accounts/{account}/ai/run/{model}`) without `options.gateway`, and
    /// the gateway's `workers-ai` route with it, the options becoming
    /// `cf-aig-*` headers; the Workers AI envelope is unwrapped and its
    /// errors become [`Error::UpstreamInference`]. Catalog and dynamic names
    /// (and Workers AI ids with [`RunOptions::rest_api`]) go to the REST
    /// API's `POST /accounts/{account}/ai/run` (see [`rest_api`]).
    ///
    /// Over the binding protocol every model goes where the binding sends
    /// it; models other than Workers AI's need `options.gateway` with an id.
    pub async fn run<I, O>(&self, model: &str, input: &I, options: &RunOptions) -> Result<AiResponse<O>>
    where
        I: Serialize + ?Sized + Sync,
        O: DeserializeOwned,
    {
        // Read inside the call's span (a failed `/ai/run` is the call's error),
        // decoded in the same pass (a decode error is the caller's, after it).
        let read = |response: &GatewayResponse, run_api: bool| {
            if run_api { rest_api::run_api_read(response) } else { Ok(response.output()) }
        };
        let (response, _, output) = self.run_routed(model, input, options, read).await?;
        Ok(AiResponse { output: output?, meta: response.meta })
    }

    /// [`run`](Self::run) returning the raw answer, for outputs that are not
    /// JSON (images, audio).
    pub async fn run_raw<I>(&self, model: &str, input: &I, options: &RunOptions) -> Result<GatewayResponse>
    where
        I: Serialize + ?Sized + Sync,
    {
        self.run_routed(model, input, options, rest_api::run_api_check).await.map(|(response, ..)| response)
    }

    /// Sends a run and reads its successful answer with `read` (told
    /// whether it is in the `/ai/run` envelope), inside the call's span.
    pub(crate) async fn run_routed<'o, I, T>(
        &self,
        model: &str,
        input: &I,
        options: &'o RunOptions,
        read: impl FnOnce(&GatewayResponse, bool) -> Result<T>,
    ) -> Result<(GatewayResponse, RunRoute<'o>, T)>
    where
        I: Serialize + ?Sized + Sync,
    {
        let span = Self::run_span(model, options);
        call_span::traced(span, async {
            let (request, route) = self.prepare_run(model, input, options)?;
            let answer = self.inner.execute(request).await?;
            if !answer.is_success() {
                self.inner.remember_log_id(&answer.headers);
                return Err(decode::classify(answer.status, &answer.headers, &answer.body, route.call()));
            }
            let response = answer.into_response();
            self.inner.remember(response.meta.log_id.clone());
            let read = read(&response, route.run_api)?;
            Ok((response, route, read))
        })
        .await
    }

    /// The span of a run of `model` ([`call_span`]).
    fn run_span(model: &str, options: &RunOptions) -> tracing::Span {
        let gateway_id = options.gateway.as_ref().and_then(|g| g.id.as_deref());
        call_span::call_span(call_span::RUN_OPERATION, call_span::provider_of_model(model), Some(model), gateway_id)
    }

    /// Runs `model` with streaming on (`"stream": true` is added to the
    /// input) and decodes each event as `C`: Workers AI streams
    /// `{"response": …}` chunks, then a usage chunk, then `[DONE]`. Other
    /// models stream as their provider does (see [`run`](Self::run) for
    /// where each model goes).
    ///
    /// The gateway's report is in [`ChunkStream::meta`] before the first chunk.
    pub async fn run_stream<I, C>(&self, model: &str, input: &I, options: &RunOptions) -> Result<ChunkStream<C>>
    where
        I: Serialize + ?Sized + Sync,
        C: DeserializeOwned + Send + 'static,
    {
        let (events, protocol) = self.run_events(model, input, options).await?;
        Ok(events.chunks(protocol))
    }

    /// The events of a streamed run, and how they end.
    pub(crate) async fn run_events<I>(
        &self,
        model: &str,
        input: &I,
        options: &RunOptions,
    ) -> Result<(EventStream, StreamProtocol)>
    where
        I: Serialize + ?Sized + Sync,
    {
        let span = Self::run_span(model, options);
        call_span::traced(span, async {
            let input = with_stream_flag(input)?;
            let (request, route) = self.prepare_run(model, &input, options)?;
            match self.inner.execute_stream(request).await? {
                Ok(events) => Ok((events, route.protocol)),
                Err(answer) => Err(decode::classify(answer.status, &answer.headers, &answer.body, route.call())),
            }
        })
        .await
    }

    /// The request of a run: checked model name and options, URL, headers and body.
    fn prepare_run<'o, I: Serialize + ?Sized>(
        &self,
        model: &str,
        input: &I,
        options: &'o RunOptions,
    ) -> Result<(Prepared, RunRoute<'o>)> {
        let name = ModelName::parse(model)?;
        let protocol = rest_api::run_stream_protocol(&name);
        let uses_run_api = name.requires_gateway() || options.rest_api;
        let credential = self.inner.gateway_credential();
        match &self.inner.config.transport {
            Transport::Rest if uses_run_api => {
                let gateway_id = rest_api::gateway_of(&name, options)?;
                let body = rest_api::run_body(&name, input)?;
                let request = rest_api::request(&self.inner, "run", body, options, gateway_id)?;
                let gateway_id = Some(gateway_id.unwrap_or(rest_api::DEFAULT_GATEWAY));
                Ok((request, RunRoute { gateway_id, run_api: true, protocol, rest_api_host: true, credential }))
            }
            Transport::Rest => {
                let gateway_id = run_gateway_id(options)?;
                // A Workers AI id, `/compat`'s `workers-ai/` prefix dropped.
                let id = name.provider_model().unwrap_or(model);
                let request = self.rest_run(id, input, options, gateway_id)?;
                Ok((request, RunRoute { gateway_id, run_api: false, protocol, rest_api_host: false, credential }))
            }
            Transport::Binding(origin) => {
                let gateway_id = run_gateway_id(options)?;
                if name.requires_gateway() && gateway_id.is_none() {
                    return Err(Error::invalid(
                        "gateway.id",
                        format!(
                            "`{name}` is not a Workers AI model: the binding runs third-party models and dynamic \
                             routes only through a gateway, so options.gateway needs an id"
                        ),
                    ));
                }
                let tags = options.checked_tags()?;
                let request = binding_run(&self.inner.urls, origin, model, input, options, gateway_id, &tags)?;
                let request = if gateway_id.is_some() { request.behind_gateway() } else { request };
                Ok((
                    request,
                    RunRoute {
                        gateway_id,
                        run_api: name.requires_gateway(),
                        protocol,
                        rest_api_host: false,
                        credential,
                    },
                ))
            }
        }
    }

    fn rest_run<I: Serialize + ?Sized>(
        &self,
        model: &str,
        input: &I,
        options: &RunOptions,
        gateway_id: Option<&str>,
    ) -> Result<Prepared> {
        if !options.checked_tags()?.is_empty() {
            return Err(Error::invalid(
                "tags",
                "Cloudflare's REST API has no field for tags; only the binding transport carries them",
            ));
        }
        let config = &self.inner.config;
        let url =
            self.inner.urls.get_or_build(
                UrlRoute::Run,
                &[gateway_id.unwrap_or_default(), model],
                || match gateway_id {
                    Some(gw) => url::build(
                        &config.gateway_base_url,
                        &[
                            Part::Segment(&config.account_id),
                            Part::Segment(gw),
                            Part::Fixed("workers-ai"),
                            Part::Path(model),
                        ],
                        "model",
                    ),
                    None => url::build(
                        &config.api_base_url,
                        &[
                            Part::Fixed("accounts"),
                            Part::Segment(&config.account_id),
                            Part::Fixed("ai/run"),
                            Part::Path(model),
                        ],
                        "model",
                    ),
                },
            )?;
        let body = js::to_vec(input).map_err(|e| Error::invalid("input", format!("cannot be serialized: {e}")))?;
        let mut request = Prepared::new(Method::POST, url);
        // The `workers-ai` route and Workers AI itself use the API token, never a stored key.
        request.gateway_options(options.gateway.as_ref(), ByokAlias::Ignored)?;
        request.apply(&options.extra_headers, "extraHeaders")?;
        request = request.json_body(body);
        self.inner.authorize_api(&mut request)?;
        if gateway_id.is_some() {
            self.inner.authorize_gateway(&mut request);
            request = request.behind_gateway();
        }
        Ok(request)
    }
}

/// Where a run went, for reading its answer.
pub(crate) struct RunRoute<'o> {
    /// The gateway, for errors naming it.
    gateway_id: Option<&'o str>,
    /// Whether the answer is in the REST API's `/ai/run` envelope
    /// ([`rest_api::run_api_read`]) rather than Workers AI's.
    pub(crate) run_api: bool,
    /// How a streamed answer ends.
    protocol: StreamProtocol,
    /// Whether the request went to the REST API on the Cloudflare API host,
    /// where 401/2009 means the provider refused its credential.
    rest_api_host: bool,
    /// What went in `cf-aig-authorization`.
    credential: GatewayCredential,
}

impl RunRoute<'_> {
    /// What kind of call failed, for [`decode::classify`].
    fn call(&self) -> Call<'_> {
        if self.rest_api_host {
            Call::RestApi { gateway_id: self.gateway_id }
        } else {
            Call::Inference { gateway_id: self.gateway_id, credential: self.credential }
        }
    }
}

/// The gateway id of `options.gateway` (checked), required when a gateway is given.
fn run_gateway_id(options: &RunOptions) -> Result<Option<&str>> {
    match &options.gateway {
        Some(g) => {
            g.validate()?;
            g.id.as_deref()
                .map(Some)
                .ok_or_else(|| Error::invalid("gateway.id", "required to route a run through a gateway"))
        }
        None => Ok(None),
    }
}

/// `Ai.run` over the binding backend protocol (binding-api §10).
fn binding_run<I: Serialize + ?Sized>(
    urls: &UrlCache,
    origin: &::url::Url,
    model: &str,
    input: &I,
    options: &RunOptions,
    gateway_id: Option<&str>,
    tags: &[&str],
) -> Result<Prepared> {
    #[derive(Serialize)]
    struct Body<'a, I: ?Sized> {
        inputs: &'a I,
        options: BodyOptions<'a>,
    }
    #[derive(Serialize)]
    struct BodyOptions<'a> {
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        tags: &'a [&'a str],
        #[serde(skip_serializing_if = "Option::is_none")]
        gateway: Option<BindingGatewayOptions<'a>>,
    }
    let path = if gateway_id.is_some() { "ai-gateway/run?version=3" } else { "run?version=3" };
    let url =
        urls.get_or_build(UrlRoute::BindingRun, &[path], || url::build(origin, &[Part::Path(path)], "binding origin"))?;
    // The binding's fields in the body, the options its type lacks as headers.
    let (gateway, option_headers) = options.gateway.as_ref().map(GatewayOptions::to_binding).transpose()?.unzip();
    let body = Body { inputs: input, options: BodyOptions { tags, gateway } };
    let body = js::to_vec(&body).map_err(|e| Error::invalid("input", format!("cannot be serialized: {e}")))?;
    let mut request = Prepared::new(Method::POST, url);
    for (name, value) in option_headers.unwrap_or_default() {
        request.set(name, &value, "gateway")?;
    }
    request.apply(&options.extra_headers, "extraHeaders")?;
    request = request.json_body(body);
    request.set("cf-consn-sdk-version", "2.0.0", "model")?;
    request.set("cf-consn-model-id", model, "model")?;
    Ok(request)
}

/// `Bearer <token>` as a sensitive header value (never printed by `Debug`).
fn bearer(setting: &str, token: &SecretString) -> Result<HeaderValue> {
    let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret())).map_err(|_| Error::Config {
        setting: setting.to_owned(),
        reason: "the token is not a valid header value".to_owned(),
    })?;
    value.set_sensitive(true);
    Ok(value)
}

/// `input` as a JSON object with `"stream": true` added.
pub(crate) fn with_stream_flag<I: Serialize + ?Sized>(input: &I) -> Result<serde_json::Value> {
    let bytes = js::to_vec(input).map_err(|e| Error::invalid("input", format!("cannot be serialized: {e}")))?;
    let mut value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| Error::invalid("input", e.to_string()))?;
    match value.as_object_mut() {
        Some(object) => {
            object.insert("stream".to_owned(), serde_json::Value::Bool(true));
            Ok(value)
        }
        None => Err(Error::invalid("input", "a streamed input must be a JSON object")),
    }
}

/// [`with_stream_flag`] on a body already encoded (compact, as `js::to_vec`
/// writes it): `"stream":true` appended inside an object that has no
/// `stream` key yet (`has_stream`), without decoding it; any other body
/// goes through [`with_stream_flag`], with the same result and errors.
pub(crate) fn with_stream_flag_encoded(mut body: Vec<u8>, has_stream: bool) -> Result<Vec<u8>> {
    if !has_stream && body.first() == Some(&b'{') && body.last() == Some(&b'}') {
        body.pop();
        if body.len() > 1 {
            body.push(b',');
        }
        body.extend_from_slice(br#""stream":true}"#);
        return Ok(body);
    }
    let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| Error::invalid("body", e.to_string()))?;
    js::to_vec(&with_stream_flag(&value)?).map_err(|e| Error::invalid("body", e.to_string()))
}

pub(crate) fn check_gateway_id(id: &str) -> Result<()> {
    validate_gateway_id(id, "gateway id")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoded flag is byte for byte what the `Value` route writes.
    #[test]
    fn the_stream_flag_is_added_to_encoded_bodies_as_to_values() {
        use serde_json::json;
        for input in [
            json!({}),
            json!({"model": "openai/gpt-5.5", "messages": [{"role": "user", "content": "}"}], "n": 1.5}),
            json!({"stream": false, "a": 1}),
            json!({"a": {"stream": 1}}),
        ] {
            let encoded = js::to_vec(&input).unwrap();
            let has_stream = input.get("stream").is_some();
            let expected = js::to_vec(&with_stream_flag(&input).unwrap()).unwrap();
            let got = with_stream_flag_encoded(encoded, has_stream).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(expected).unwrap(), "{input}");
        }
        let error = with_stream_flag_encoded(b"[1]".to_vec(), false).unwrap_err();
        assert!(error.to_string().contains("must be a JSON object"), "{error}");
    }

    /// What a retry sends is what the first try sent: URL, body, and every
    /// header value (repeated names and more headers than kept inline too).
    #[test]
    fn a_resend_is_the_request_again() {
        let mut request = Prepared::new(Method::POST, Url::parse("http://h/p?q=1").unwrap()).json_body(b"{}".to_vec());
        let value = |v: &str| HeaderValue::from_str(v).unwrap();
        request.headers.insert(AIG_AUTHORIZATION.clone(), value("Bearer a"));
        request.headers.append(http::header::ACCEPT, value("a/b"));
        request.headers.append(http::header::ACCEPT, value("c/d"));
        for n in 0..Resend::INLINE_HEADERS {
            request.headers.insert(HeaderName::from_bytes(format!("x-{n}").as_bytes()).unwrap(), value("v"));
        }
        let timeout = Some(Duration::from_secs(3));
        let (first, resend) = request.for_try(timeout, true);
        let (again, none) = resend.expect("kept while a retry may follow").into_prepared().for_try(timeout, false);
        assert!(none.is_none());
        let parts = |r: &reqwest::Request| {
            let body = r.body().and_then(reqwest::Body::as_bytes).map(<[u8]>::to_vec);
            (r.method().clone(), r.url().clone(), r.headers().clone(), body, r.timeout().copied())
        };
        assert_eq!(parts(&again), parts(&first));
        assert_eq!(first.headers().get_all(http::header::ACCEPT).iter().count(), 2);
    }

    #[test]
    fn urls_are_built_once_per_route_and_key_and_bounded() {
        let urls = UrlCache::default();
        let builds = std::cell::Cell::new(0);
        let build = |path: &str| {
            builds.set(builds.get() + 1);
            Ok(Url::parse(&format!("http://h/{path}")).unwrap())
        };
        let a = urls.get_or_build(UrlRoute::Run, &["", "m"], || build("direct/m")).unwrap();
        let b = urls.get_or_build(UrlRoute::Run, &["", "m"], || build("other")).unwrap();
        assert_eq!((a.as_str(), b.as_str(), builds.get()), ("http://h/direct/m", "http://h/direct/m", 1));
        // The gateway is part of the key.
        let c = urls.get_or_build(UrlRoute::Run, &["gw", "m"], || build("gw/m")).unwrap();
        assert_eq!((c.as_str(), builds.get()), ("http://h/gw/m", 2));
        // So is the route, and how the key splits into parts.
        let provider = urls.get_or_build(UrlRoute::Provider, &["gw", "m"], || build("provider")).unwrap();
        let split = urls.get_or_build(UrlRoute::Provider, &["g", "wm"], || build("split")).unwrap();
        assert_eq!((provider.as_str(), split.as_str(), builds.get()), ("http://h/provider", "http://h/split", 4));
        // Errors are not kept.
        assert!(urls.get_or_build(UrlRoute::Run, &["", "bad"], || Err(Error::invalid("model", "no"))).is_err());
        urls.get_or_build(UrlRoute::Run, &["", "bad"], || build("bad")).unwrap();
        assert_eq!(builds.get(), 5);
        // Bounded: past the capacity it starts over.
        for i in 0..UrlCache::CAPACITY * 2 {
            urls.get_or_build(UrlRoute::Run, &["", &i.to_string()], || build("x")).unwrap();
        }
        assert!(urls.len() <= UrlCache::CAPACITY, "{}", urls.len());
    }

    /// Each key gets its own `Bearer` value, reused and still right past the bound.
    #[test]
    fn provider_bearers_are_per_key_and_bounded() {
        let ai = Ai::new(Config::new("a")).unwrap();
        let bearer = |key: &str| ai.inner.provider_bearer(&SecretString::from(key.to_owned())).unwrap();
        let a = bearer("key-a");
        assert!(a.is_sensitive());
        assert_eq!(a.as_bytes(), b"Bearer key-a");
        assert_eq!(bearer("key-b").as_bytes(), b"Bearer key-b");
        // A key that is a prefix or extension of a kept one is not taken for it.
        assert_eq!(bearer("key-").as_bytes(), b"Bearer key-");
        assert_eq!(bearer("key-ab").as_bytes(), b"Bearer key-ab");
        assert_eq!(bearer("key-a").as_bytes(), b"Bearer key-a");
        for i in 0..Inner::PROVIDER_BEARERS * 2 {
            assert_eq!(bearer(&format!("k{i}")).as_bytes(), format!("Bearer k{i}").as_bytes());
        }
        assert!(ai.inner.provider_bearers.lock().unwrap().len() <= Inner::PROVIDER_BEARERS);
        let bad = ai.inner.provider_bearer(&SecretString::from("a\nb".to_owned())).unwrap_err();
        assert!(bad.to_string().contains("not a valid header value"), "{bad}");
    }
}
