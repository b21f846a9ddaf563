//! Where the gateway sends a provider request: the provider's real base URL
//! over HTTP, or the built-in offline test double.

pub(crate) mod forward;
pub(crate) mod offline;

use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use http::{HeaderMap, Method};

/// One provider request, after the gateway has picked the provider.
#[derive(Debug, Clone)]
pub struct UpstreamRequest {
    /// Provider slug (`workers-ai`, `openai`, ...).
    pub provider: String,
    /// Path after the provider's base URL, without a leading `/`
    /// (`chat/completions`, `@cf/meta/llama-3.1-8b-instruct`, `v1/messages`),
    /// with its query string if any.
    pub endpoint: String,
    /// HTTP method (almost always POST).
    pub method: Method,
    /// Headers to send (credentials included; `cf-aig-*` already removed).
    pub headers: HeaderMap,
    /// The provider request body.
    pub body: Bytes,
}

/// The body of a provider's answer: whole, or arriving chunk by chunk.
pub enum UpstreamBody {
    /// The whole body.
    Full(Bytes),
    /// Chunks as the provider sends them (server-sent events); an `Err`
    /// item means the stream broke after it started.
    Stream(futures::stream::BoxStream<'static, Result<Bytes, UpstreamError>>),
}

impl std::fmt::Debug for UpstreamBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Full(bytes) => f.debug_tuple("Full").field(&bytes.len()).finish(),
            Self::Stream(_) => f.write_str("Stream(..)"),
        }
    }
}

impl From<Bytes> for UpstreamBody {
    fn from(bytes: Bytes) -> Self {
        Self::Full(bytes)
    }
}

/// The provider's answer.
#[derive(Debug)]
pub struct UpstreamResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers (at least `content-type`).
    pub headers: HeaderMap,
    /// The body.
    pub body: UpstreamBody,
}

impl UpstreamResponse {
    /// Reads the whole body (collecting a stream), refusing more than
    /// `limit` bytes with [`UpstreamError::TooLarge`].
    pub async fn into_bytes(self, limit: usize) -> Result<Bytes, UpstreamError> {
        match self.body {
            UpstreamBody::Full(bytes) if bytes.len() > limit => Err(UpstreamError::TooLarge(limit)),
            UpstreamBody::Full(bytes) => Ok(bytes),
            UpstreamBody::Stream(stream) => collect_limited(stream, limit).await,
        }
    }
}

/// Collects `stream`, refusing more than `limit` bytes as they arrive (never
/// holding more than that).
pub(crate) async fn collect_limited(
    mut stream: impl futures::Stream<Item = Result<Bytes, UpstreamError>> + Unpin,
    limit: usize,
) -> Result<Bytes, UpstreamError> {
    use futures::StreamExt as _;
    let Some(first) = stream.next().await.transpose()? else { return Ok(Bytes::new()) };
    if first.len() > limit {
        return Err(UpstreamError::TooLarge(limit));
    }
    // Most answers arrive in one chunk: kept as it is, no copy.
    let Some(second) = stream.next().await.transpose()? else { return Ok(first) };
    let mut out = bytes::BytesMut::with_capacity(first.len() + second.len());
    for chunk in [first, second] {
        if out.len() + chunk.len() > limit {
            return Err(UpstreamError::TooLarge(limit));
        }
        out.extend_from_slice(&chunk);
    }
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if out.len() + chunk.len() > limit {
            return Err(UpstreamError::TooLarge(limit));
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out.freeze())
}

/// `stream`, ended with an error when no chunk arrives for `idle`: a
/// stream that goes silent is cut, not held open forever.
pub(crate) fn idle_bounded(
    stream: futures::stream::BoxStream<'static, Result<Bytes, UpstreamError>>,
    idle: Duration,
) -> futures::stream::BoxStream<'static, Result<Bytes, UpstreamError>> {
    use futures::StreamExt as _;
    futures::stream::unfold(Some(stream), move |stream| async move {
        let mut stream = stream?;
        match tokio::time::timeout(idle, stream.next()).await {
            Ok(Some(item)) => Some((item, Some(stream))),
            Ok(None) => None,
            Err(_) => Some((
                Err(UpstreamError::Connection(format!("no data for {} ms (stream_idle_timeout_ms)", idle.as_millis()))),
                None,
            )),
        }
    })
    .boxed()
}

/// Why no answer came back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpstreamError {
    /// No answer before the deadline.
    #[error("upstream timed out")]
    Timeout,
    /// The connection failed or was dropped.
    #[error("upstream connection failed: {0}")]
    Connection(String),
    /// No upstream is configured for this provider.
    #[error("no upstream for provider `{0}`")]
    UnknownProvider(String),
    /// A non-streamed answer was larger than the limit (bytes) the gateway holds.
    #[error("the upstream answer is larger than {0} bytes")]
    TooLarge(usize),
}

/// Sends provider requests.
#[async_trait]
pub(crate) trait Upstream: Send + Sync + std::fmt::Debug {
    /// Sends `request`; `timeout` bounds the wait for the answer.
    async fn send(
        &self,
        request: UpstreamRequest,
        timeout: Option<Duration>,
    ) -> Result<UpstreamResponse, UpstreamError>;
}
