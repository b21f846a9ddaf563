//! Forwarding to real provider base URLs over HTTP, and the router that
//! picks, per provider, between that and the offline test double.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use futures::StreamExt as _;
use gateway_core::ProviderSlug;
use gateway_core::provider::builtin_facts;

use super::offline::OfflineUpstream;
use super::{Upstream, UpstreamBody, UpstreamError, UpstreamRequest, UpstreamResponse};

/// Sends provider requests to base URLs over HTTP.
#[derive(Debug, Clone)]
pub(crate) struct HttpUpstream {
    client: reqwest::Client,
    account_id: String,
    overrides: BTreeMap<String, String>,
    max_response_bytes: usize,
}

/// Headers that describe one hop only and are never forwarded.
const HOP_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-connection",
];

/// What the gateway asks upstreams for, whatever the caller asked: the
/// encodings it decodes itself (within `max_response_bytes`) before
/// answering uncompressed.
const ACCEPTED_ENCODINGS: &str = "gzip, deflate, br";

/// A content encoding the gateway decodes.
#[derive(Debug, Clone, Copy)]
enum Encoding {
    Gzip,
    /// HTTP's `deflate` is zlib-wrapped.
    Deflate,
    Brotli,
}

impl Encoding {
    fn of(headers: &http::HeaderMap) -> Option<Self> {
        let value = headers.get(http::header::CONTENT_ENCODING)?.to_str().ok()?.trim();
        Some(match value {
            v if v.eq_ignore_ascii_case("gzip") || v.eq_ignore_ascii_case("x-gzip") => Self::Gzip,
            v if v.eq_ignore_ascii_case("deflate") => Self::Deflate,
            v if v.eq_ignore_ascii_case("br") => Self::Brotli,
            _ => return None,
        })
    }
}

/// `raw`, decoded as it arrives (so a limit on the decoded bytes applies as
/// they grow: a gzip bomb is refused, never inflated whole).
fn decoded(
    raw: impl futures::Stream<Item = Result<bytes::Bytes, UpstreamError>> + Send + 'static,
    encoding: Encoding,
) -> futures::stream::BoxStream<'static, Result<bytes::Bytes, UpstreamError>> {
    use async_compression::tokio::bufread::{BrotliDecoder, GzipDecoder, ZlibDecoder};
    let reader = tokio_util::io::StreamReader::new(raw.map(|chunk| chunk.map_err(std::io::Error::other)));
    let decoder: std::pin::Pin<Box<dyn tokio::io::AsyncRead + Send>> = match encoding {
        Encoding::Gzip => Box::pin(GzipDecoder::new(reader)),
        Encoding::Deflate => Box::pin(ZlibDecoder::new(reader)),
        Encoding::Brotli => Box::pin(BrotliDecoder::new(reader)),
    };
    tokio_util::io::ReaderStream::new(decoder)
        .map(|chunk| chunk.map_err(|e| UpstreamError::Connection(format!("the answer could not be decoded: {e}"))))
        .boxed()
}

impl HttpUpstream {
    /// Forwarding with `overrides` (provider slug → base URL) over the
    /// built-in bases, holding non-streamed answers of at most
    /// `max_response_bytes` (decoded).
    pub(crate) fn new(
        account_id: impl Into<String>,
        overrides: BTreeMap<String, String>,
        max_response_bytes: usize,
    ) -> Self {
        // Redirects are passed back, never followed: an upstream must not be
        // able to send the gateway (and the caller's credentials) elsewhere.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        Self { client, account_id: account_id.into(), overrides, max_response_bytes }
    }

    /// The base URL of `provider`: an override, or its public base
    /// (templated ones, with `{region}` and the like, need an override).
    pub(crate) fn base_url(&self, provider: &str) -> Result<String, UpstreamError> {
        if let Some(url) = self.overrides.get(provider) {
            return Ok(url.clone());
        }
        let (base, _) = builtin_facts(&ProviderSlug::from(provider))
            .ok_or_else(|| UpstreamError::UnknownProvider(provider.to_owned()))?;
        let base = base.replace("{account_id}", &self.account_id);
        if base.contains('{') {
            return Err(UpstreamError::UnknownProvider(format!("{provider} (its base URL needs an override: {base})")));
        }
        Ok(base)
    }
}

#[async_trait]
impl Upstream for HttpUpstream {
    async fn send(
        &self,
        request: UpstreamRequest,
        timeout: Option<Duration>,
    ) -> Result<UpstreamResponse, UpstreamError> {
        let base = self.base_url(&request.provider)?;
        // The endpoint was checked to be a relative path: it can only extend the base.
        let url = format!("{}/{}", base.trim_end_matches('/'), request.endpoint.trim_start_matches('/'));
        let mut headers = request.headers;
        for name in HOP_HEADERS {
            headers.remove(*name);
        }
        headers.insert(http::header::ACCEPT_ENCODING, http::HeaderValue::from_static(ACCEPTED_ENCODINGS));
        let sending = self.client.request(request.method, url).headers(headers).body(request.body).send();
        // The timeout bounds the wait for the answer to start; a stream may then run on.
        let response = match timeout {
            Some(timeout) => tokio::time::timeout(timeout, sending).await.map_err(|_| UpstreamError::Timeout)?,
            None => sending.await,
        }
        .map_err(|e| map_error(&e))?;
        let status = response.status().as_u16();
        let mut headers = response.headers().clone();
        let encoding = Encoding::of(&headers);
        if encoding.is_some() {
            // What the caller gets is the decoded body.
            headers.remove(http::header::CONTENT_ENCODING);
            headers.remove(http::header::CONTENT_LENGTH);
        }
        let is_stream = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/event-stream"));
        let chunks = response.bytes_stream().map(|chunk| chunk.map_err(|e| map_error(&e)));
        let limit = self.max_response_bytes;
        let body = if is_stream {
            UpstreamBody::Stream(match encoding {
                Some(encoding) => decoded(chunks, encoding),
                None => chunks.boxed(),
            })
        } else {
            // Read chunk by chunk: an answer over the limit is refused as it
            // grows, never held whole (a 2 GB body, or a gzip bomb decoded).
            let whole = async move {
                match encoding {
                    Some(encoding) => super::collect_limited(decoded(chunks, encoding), limit).await,
                    None => super::collect_limited(chunks, limit).await,
                }
            };
            let bytes = match timeout {
                Some(timeout) => tokio::time::timeout(timeout, whole).await.map_err(|_| UpstreamError::Timeout)?,
                None => whole.await,
            };
            UpstreamBody::Full(bytes?)
        };
        Ok(UpstreamResponse { status, headers, body })
    }
}

/// The error without the upstream's URL: callers see what failed, not where
/// the gateway forwards to (a private address, a key in a query string).
fn map_error(error: &reqwest::Error) -> UpstreamError {
    if error.is_timeout() {
        return UpstreamError::Timeout;
    }
    let mut message = if error.is_connect() {
        "could not connect".to_owned()
    } else if error.is_body() || error.is_decode() {
        "the answer's body could not be read".to_owned()
    } else {
        "the request failed".to_owned()
    };
    // The innermost cause says why (reset, refused, ...) and carries no URL.
    let mut source = std::error::Error::source(error);
    let mut innermost = None;
    while let Some(cause) = source {
        innermost = Some(cause.to_string());
        source = cause.source();
    }
    if let Some(cause) = innermost {
        message.push_str(": ");
        message.push_str(&cause);
    }
    UpstreamError::Connection(message)
}

/// Picks the upstream of each provider: an explicit base URL wins; otherwise
/// the offline double when it is on, else the provider's public base URL.
#[derive(Debug, Clone)]
pub(crate) struct RoutedUpstream {
    pub(crate) http: HttpUpstream,
    pub(crate) offline: Option<Arc<OfflineUpstream>>,
}

#[async_trait]
impl Upstream for RoutedUpstream {
    async fn send(
        &self,
        request: UpstreamRequest,
        timeout: Option<Duration>,
    ) -> Result<UpstreamResponse, UpstreamError> {
        match &self.offline {
            Some(offline) if !self.http.overrides.contains_key(&request.provider) => {
                offline.send(request, timeout).await
            }
            _ => self.http.send(request, timeout).await,
        }
    }
}
