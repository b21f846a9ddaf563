//! Forwarding to real provider base URLs over HTTP, and the router that
//! picks, per provider, between that and the offline test double.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use futures::StreamExt as _;
use gateway_core::ProviderSlug;
use gateway_core::provider::builtin_facts;

use super::offline::OfflineUpstream;
use super::{Upstream, UpstreamBody, UpstreamError, UpstreamRequest, UpstreamResponse};

/// The HTTP client provider requests go through: hyper's pooled client over
/// rustls (HTTP/1.1, and HTTP/2 where the provider offers it by ALPN).
///
/// Not reqwest, which the typed client uses: a proxy needs none of what it
/// adds per request (its redirect and retry layers parsed the URL twice
/// more, about an eighth of a proxied request's instructions); redirects
/// are never followed, and decoding, timeouts and limits are the gateway's.
type HttpClient = hyper_util::client::legacy::Client<
    hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>,
    http_body_util::Full<bytes::Bytes>,
>;

/// The client, TLS verified against the platform's roots (as reqwest does),
/// `TCP_NODELAY` on (small requests are not held back for the peer's ACK).
fn http_client() -> HttpClient {
    use rustls_platform_verifier::BuilderVerifierExt as _;
    let tls = rustls::ClientConfig::builder().with_platform_verifier().unwrap_or_else(|e| {
        // No roots to verify with: HTTPS upstreams fail, each saying why.
        tracing::warn!(error = %e, "the platform's certificate roots could not be loaded");
        rustls::ClientConfig::builder().with_root_certificates(rustls::RootCertStore::empty())
    });
    let mut http = hyper_util::client::legacy::connect::HttpConnector::new();
    // The TLS layer takes `https` URLs; this one connects the socket under either.
    http.enforce_http(false);
    http.set_nodelay(true);
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls.with_no_client_auth())
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .wrap_connector(http);
    hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build(https)
}

/// Sends provider requests to base URLs over HTTP.
#[derive(Debug, Clone)]
pub(crate) struct HttpUpstream {
    client: HttpClient,
    account_id: String,
    overrides: BTreeMap<String, String>,
    max_response_bytes: usize,
    /// Upstream URLs already parsed, by their text ([`UrlCache`]).
    urls: Arc<UrlCache>,
}

/// Most upstream URLs kept parsed. Endpoints come from callers: past this
/// many distinct URLs, new ones are parsed per request, as before the cache.
const URL_CACHE_ENTRIES: usize = 1024;

/// Upstream URLs parsed once: parsing one (host, IDNA, path) was about a
/// twentieth of a proxied request's instructions, and a gateway sends the
/// same few URLs over and over. URLs with a query string are parsed each
/// time and never kept (a query may hold a provider key).
#[derive(Debug, Default)]
struct UrlCache(Mutex<HashMap<String, http::Uri>>);

impl UrlCache {
    /// `text` as a URI, from the cache when it was parsed before. Parsed as
    /// a URL first (WHATWG rules: characters a URI cannot hold are
    /// percent-encoded, hosts go through IDNA), whose text is a valid URI.
    fn parse(&self, text: String) -> Result<http::Uri, UpstreamError> {
        if let Some(url) = self.0.lock().unwrap_or_else(PoisonError::into_inner).get(&text) {
            return Ok(url.clone());
        }
        let invalid =
            |e: &dyn std::fmt::Display| UpstreamError::Connection(format!("the upstream URL is not valid: {e}"));
        let url = url::Url::parse(&text).map_err(|e| invalid(&e))?;
        let url = http::Uri::try_from(url.as_str()).map_err(|e| invalid(&e))?;
        // A query string may carry a credential (`?key=`): such URLs are not kept.
        if text.contains('?') {
            return Ok(url);
        }
        let mut cache = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.len() < URL_CACHE_ENTRIES {
            cache.insert(text, url.clone());
        }
        Ok(url)
    }
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
        // Redirects are passed back, never followed (hyper's client follows
        // none): an upstream must not be able to send the gateway (and the
        // caller's credentials) elsewhere.
        let client = http_client();
        Self { client, account_id: account_id.into(), overrides, max_response_bytes, urls: Arc::default() }
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
        let url =
            self.urls.parse(format!("{}/{}", base.trim_end_matches('/'), request.endpoint.trim_start_matches('/')))?;
        let mut headers = request.headers;
        for name in HOP_HEADERS {
            headers.remove(*name);
        }
        headers.insert(http::header::ACCEPT_ENCODING, http::HeaderValue::from_static(ACCEPTED_ENCODINGS));
        // What reqwest, the gateway's client before, sent when the caller named no type.
        if !headers.contains_key(http::header::ACCEPT) {
            headers.insert(http::header::ACCEPT, http::HeaderValue::from_static("*/*"));
        }
        let mut outgoing = http::Request::new(http_body_util::Full::new(request.body));
        *outgoing.method_mut() = request.method;
        *outgoing.uri_mut() = url;
        *outgoing.headers_mut() = headers;
        let sending = self.client.request(outgoing);
        // The timeout bounds the wait for the answer to start; a stream may then run on.
        let response = match timeout {
            Some(timeout) => tokio::time::timeout(timeout, sending).await.map_err(|_| UpstreamError::Timeout)?,
            None => sending.await,
        }
        .map_err(|e| map_error(&e))?;
        let (head, body) = response.into_parts();
        let status = head.status.as_u16();
        let mut headers = head.headers;
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
        let chunks = http_body_util::BodyDataStream::new(body).map(|chunk| {
            chunk.map_err(|e| UpstreamError::Connection(with_cause("the answer's body could not be read", &e)))
        });
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
fn map_error(error: &hyper_util::client::legacy::Error) -> UpstreamError {
    let what = if error.is_connect() { "could not connect" } else { "the request failed" };
    UpstreamError::Connection(with_cause(what, error))
}

/// `what`, then the innermost cause of `error`, which says why (reset,
/// refused, ...) and carries no URL.
fn with_cause(what: &str, error: &(dyn std::error::Error + 'static)) -> String {
    let mut message = what.to_owned();
    let mut innermost = None;
    let mut source = error.source();
    while let Some(cause) = source {
        innermost = Some(cause);
        source = cause.source();
    }
    message.push_str(": ");
    message.push_str(&innermost.map_or_else(|| error.to_string(), ToString::to_string));
    message
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_kept_parsed_except_those_with_a_query_and_past_the_cap() {
        let cache = UrlCache::default();
        let kept = |cache: &UrlCache| cache.0.lock().unwrap_or_else(PoisonError::into_inner).len();
        let uri = cache.parse("http://127.0.0.1:9/v1/chat/completions".to_owned()).expect("a URL");
        assert_eq!(uri.path(), "/v1/chat/completions");
        assert_eq!(cache.parse("http://127.0.0.1:9/v1/chat/completions".to_owned()).expect("again"), uri);
        assert_eq!(kept(&cache), 1);
        // A query may hold a key: parsed, answered, not kept.
        let keyed = cache.parse("http://127.0.0.1:9/v1/models/m:generate?key=secret".to_owned()).expect("a URL");
        assert_eq!(keyed.query(), Some("key=secret"));
        assert_eq!(kept(&cache), 1);
        // What a URI cannot hold is percent-encoded, as URL parsing does.
        let spaced = cache.parse("http://127.0.0.1:9/v1/a b".to_owned()).expect("a URL");
        assert_eq!(spaced.path(), "/v1/a%20b");
        assert!(cache.parse("not a url".to_owned()).is_err());
        for i in 0..URL_CACHE_ENTRIES + 10 {
            cache.parse(format!("http://127.0.0.1:9/e{i}")).expect("a URL");
        }
        assert_eq!(kept(&cache), URL_CACHE_ENTRIES, "bounded");
    }
}
