//! Where the gateway sends a provider request: the provider's real base URL
//! over HTTP, or the built-in offline test double.

pub mod forward;
pub mod offline;

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

/// The provider's answer.
#[derive(Debug, Clone)]
pub struct UpstreamResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers (at least `content-type`).
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
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
}

/// Sends provider requests.
#[async_trait]
pub trait Upstream: Send + Sync + std::fmt::Debug {
    /// Sends `request`; `timeout` bounds the wait for the answer.
    async fn send(
        &self,
        request: UpstreamRequest,
        timeout: Option<Duration>,
    ) -> Result<UpstreamResponse, UpstreamError>;
}
