//! What comes back from the gateway: the answer plus the gateway's own report.

use std::fmt;

use bytes::Bytes;
use http::HeaderMap;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::types::headers;
use crate::wire::decode;

/// `cf-aig-cache-status`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CacheStatus {
    /// Served from the cache.
    Hit,
    /// Not in the cache.
    Miss,
    /// Any other value.
    Other(String),
}

impl CacheStatus {
    fn parse(value: &str) -> Self {
        match value {
            v if v.eq_ignore_ascii_case("HIT") => Self::Hit,
            v if v.eq_ignore_ascii_case("MISS") => Self::Miss,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// What the gateway reported about a request, from its response headers.
///
/// Read from every answer: plain ([`GatewayResponse::meta`],
/// [`AiResponse::meta`]), streamed ([`EventStream::meta`](crate::EventStream::meta),
/// [`ChunkStream::meta`](crate::ChunkStream::meta)) and failed
/// ([`Error::gateway_meta`](crate::Error::gateway_meta)).
///
/// ```
/// use gateway_core::GatewayMeta;
/// let mut headers = http::HeaderMap::new();
/// headers.insert("cf-aig-log-id", "019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07".parse().unwrap());
/// headers.insert("cf-aig-model", "gpt-4o-mini".parse().unwrap());
/// headers.insert("cf-aig-provider", "openai".parse().unwrap());
/// let meta = GatewayMeta::from_headers(200, &headers);
/// assert_eq!(meta.log_id.as_deref(), Some("019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07"));
/// assert_eq!((meta.model.as_deref(), meta.provider.as_deref()), (Some("gpt-4o-mini"), Some("openai")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GatewayMeta {
    /// HTTP status of the answer.
    pub status: u16,
    /// `cf-aig-log-id`: the log written for this request. Opaque: a
    /// lowercase `UUIDv7` for logs written since 2026-10-08, a ULID before.
    pub log_id: Option<String>,
    /// `cf-aig-request-id`.
    pub request_id: Option<String>,
    /// `cf-aig-cache-status`.
    pub cache_status: Option<CacheStatus>,
    /// `cf-aig-step`: which universal step answered (zero-based).
    pub step: Option<u32>,
    /// `cf-aig-event-id`.
    pub event_id: Option<String>,
    /// `cf-aig-model`: the model that answered. Cloudflare sends it on
    /// answers generally (a dynamic route or a fallback names the model it chose).
    pub model: Option<String>,
    /// `cf-aig-provider`: the provider slug that answered, sent like `model`.
    pub provider: Option<String>,
    /// `cf-aig-run-id`: run id of a resumable stream.
    pub run_id: Option<String>,
    /// `cf-ai-req-id`: the Workers AI request id.
    pub ai_request_id: Option<String>,
}

impl GatewayMeta {
    /// Reads the gateway's headers; absent or unreadable ones stay `None`.
    pub fn from_headers(status: u16, headers: &HeaderMap) -> Self {
        let mut meta = Self { status, ..Self::default() };
        let mut step_seen = false;
        // One pass over the (few) headers, instead of a hashed lookup per field.
        for (name, value) in headers {
            let name = name.as_str();
            if !name.starts_with("cf-ai") {
                continue;
            }
            let Ok(value) = value.to_str() else { continue };
            // The first value of a repeated header wins, as with `HeaderMap::get`.
            let first = |field: &mut Option<String>| {
                field.get_or_insert_with(|| value.to_owned());
            };
            match name {
                headers::LOG_ID => first(&mut meta.log_id),
                headers::REQUEST_ID => first(&mut meta.request_id),
                headers::CACHE_STATUS if meta.cache_status.is_none() => {
                    meta.cache_status = Some(CacheStatus::parse(value));
                }
                headers::STEP if !step_seen => {
                    step_seen = true;
                    meta.step = value.trim().parse().ok();
                }
                headers::EVENT_ID => first(&mut meta.event_id),
                headers::MODEL => first(&mut meta.model),
                headers::PROVIDER => first(&mut meta.provider),
                headers::RUN_ID => first(&mut meta.run_id),
                headers::AI_REQUEST_ID => first(&mut meta.ai_request_id),
                _ => {}
            }
        }
        meta
    }

    /// Whether the answer came from the cache.
    pub fn is_cache_hit(&self) -> bool {
        self.cache_status == Some(CacheStatus::Hit)
    }
}

/// A typed model output with the gateway's report.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AiResponse<T> {
    /// The model output (the Workers AI `result`, unwrapped).
    pub output: T,
    /// What the gateway reported.
    pub meta: GatewayMeta,
}

impl<T> AiResponse<T> {
    /// The output, dropping the report.
    pub fn into_output(self) -> T {
        self.output
    }
    /// The log id, if the request was logged.
    pub fn log_id(&self) -> Option<&str> {
        self.meta.log_id.as_deref()
    }
}

/// A raw successful answer: status, headers and body, with the gateway's report.
#[derive(Clone)]
#[non_exhaustive]
pub struct GatewayResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
    /// What the gateway reported.
    pub meta: GatewayMeta,
}

impl fmt::Debug for GatewayResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GatewayResponse")
            .field("status", &self.status)
            .field("meta", &self.meta)
            .field("content_type", &self.content_type())
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

impl GatewayResponse {
    /// An answer as a gateway sent it: the report ([`meta`](Self::meta)) is
    /// read from `headers` ([`GatewayMeta::from_headers`]). What a
    /// [`Gateway`](crate::Gateway) of your own (a test double, a cache in
    /// front of one) returns from [`run`](crate::Gateway::run) and
    /// [`provider_request`](crate::Gateway::provider_request).
    ///
    /// ```
    /// use gateway_core::GatewayResponse;
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("content-type", "application/json".parse().unwrap());
    /// headers.insert("cf-aig-log-id", "019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07".parse().unwrap());
    /// let answer = GatewayResponse::new(200, headers, r#"{"result":{"response":"Hi"}}"#);
    /// assert_eq!(answer.meta.log_id.as_deref(), Some("019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07"));
    /// assert_eq!(answer.content_type(), Some("application/json"));
    /// ```
    pub fn new(status: u16, headers: HeaderMap, body: impl Into<Bytes>) -> Self {
        let meta = GatewayMeta::from_headers(status, &headers);
        Self { status, headers, body: body.into(), meta }
    }
    /// The `content-type` header.
    pub fn content_type(&self) -> Option<&str> {
        self.headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok())
    }
    /// Decodes the whole body as JSON.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T> {
        decode::json(&self.body).map_err(|e| self.explain(e))
    }
    /// Decodes the model output: the Workers AI envelope's `result` when the
    /// body is one (`{"result":…,"success":…}`), the whole body otherwise.
    pub fn output<T: DeserializeOwned>(&self) -> Result<T> {
        decode::output(&self.body).map_err(|e| self.explain(e))
    }
    /// A decode failure of a body labelled as something other than JSON is
    /// reported as that (checked only on failure: a mislabelled JSON body still decodes).
    fn explain(&self, error: Error) -> Error {
        match (&error, self.content_type()) {
            (Error::Decode { .. }, Some(content_type)) if !decode::is_json_media_type(content_type) => {
                Error::UnexpectedContentType {
                    content_type: content_type.to_owned(),
                    body_start: decode::body_start(&self.body),
                }
            }
            _ => error,
        }
    }
    /// The body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A log's stored request or response body.
#[derive(Clone)]
#[non_exhaustive]
pub struct LogPayload {
    /// The `content-type` the server gave.
    pub content_type: Option<String>,
    /// The stored body.
    pub body: Bytes,
}

impl fmt::Debug for LogPayload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LogPayload")
            .field("content_type", &self.content_type)
            .field("body_len", &self.body.len())
            .finish()
    }
}

impl LogPayload {
    /// A stored body and its `content-type` (for a [`Gateway`](crate::Gateway) of your own).
    pub fn new(content_type: Option<String>, body: impl Into<Bytes>) -> Self {
        Self { content_type, body: body.into() }
    }
    /// Decodes the stored body as JSON.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T> {
        decode::json(&self.body)
    }
    /// The stored body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}
