//! The one error type of the crate.
//!
//! Variants follow the life of a request: building it ([`Error::InvalidInput`],
//! [`Error::Config`]), sending it ([`Error::Transport`], [`Error::Timeout`]),
//! reading the answer ([`Error::Decode`]) and what the server said
//! (every other variant). None of them ever carries a token.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One entry of a Cloudflare v4 `errors` or `messages` array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiMessage {
    /// Numeric code (for example `7002` or `10000`); `0` when the server sent none.
    #[serde(default)]
    pub code: i64,
    /// Human-readable message.
    #[serde(default)]
    pub message: String,
}

/// Which wait of a stream timed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamPhase {
    /// Before the first byte of the answer.
    FirstByte,
    /// Between two chunks.
    Idle,
}

impl std::fmt::Display for StreamPhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::FirstByte => "first byte",
            Self::Idle => "next chunk",
        })
    }
}

/// What a Guardrails or DLP block stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockedStage {
    /// The request (prompt) before it reached the provider.
    Request,
    /// The provider's response before it reached the caller.
    Response,
}

impl BlockedStage {
    /// `request` or `response`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Response => "response",
        }
    }
}

/// Everything that can go wrong talking to AI Gateway or Workers AI.
///
/// Gateway codes and the variants they become (the HTTP status decides first):
///
/// | HTTP | code | where | variant |
/// |---|---|---|---|
/// | any | 2001 | any | [`Error::GatewayNotFound`] |
/// | 401 | 2009 | REST API (`/ai/run`, `/ai/v1/*`) | [`Error::ProviderCredentialRejected`] |
/// | any | 2009 | gateway host, binding | [`Error::GatewayUnauthorized`] |
/// | 402 | 2021 | any | [`Error::InsufficientCredits`] (2021 with another status: [`Error::Gateway`]) |
/// | 424, 422 | 2016 | any | [`Error::GuardrailsBlocked`], request |
/// | 424 | 2017 | any | [`Error::GuardrailsBlocked`], response |
/// | 422 | 2017 | any | [`Error::GuardrailsBlocked`], stage unknown |
/// | 503 | 7013 | any | [`Error::GuardrailsUnavailable`] |
/// | 4xx, 5xx | 2029, 2030 | any | [`Error::DlpBlocked`] (request, response) |
/// | 429 | any | any | [`Error::SpendLimitExceeded`] or [`Error::RateLimited`] |
/// | other | other | any | [`Error::Gateway`] |
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The log does not exist (HTTP 404 with an `errors` array), or not yet:
    /// a fresh log can take a moment to appear.
    #[error("log `{log_id}` not found: {message}")]
    LogNotFound {
        /// The log id that was asked for.
        log_id: String,
        /// The server's message (`Log Not Found` when it gave none).
        message: String,
    },
    /// Any other failure of a gateway operation: a 5xx, a non-200 success
    /// status, or a 4xx without an `errors` array (4xx answers with one are
    /// [`Error::Api`]). The message comes from the body's `errors[0].message`,
    /// or is the raw body when it has none.
    #[error("AI Gateway internal error (HTTP {status}): {message}")]
    GatewayInternal {
        /// HTTP status.
        status: u16,
        /// Message taken from the body.
        message: String,
    },
    /// The gateway does not exist (gateway error code 2001).
    #[error("AI Gateway `{gateway_id}` not found (code 2001): {message}")]
    GatewayNotFound {
        /// HTTP status (400 from the REST gateway).
        status: u16,
        /// The gateway id of the request.
        gateway_id: String,
        /// The server's message.
        message: String,
    },
    /// Authenticated Gateway rejected the request: `cf-aig-authorization`
    /// missing or wrong (gateway error code 2009 on the gateway host or the
    /// binding). The message says which variable to set, from what was sent.
    #[error("AI Gateway authentication failed (code 2009): {}: {message}", .credential.advice())]
    GatewayUnauthorized {
        /// HTTP status (401 from the REST gateway).
        status: u16,
        /// The server's message.
        message: String,
        /// What the request carried in `cf-aig-authorization`.
        credential: crate::config::GatewayCredential,
    },
    /// The AI provider rejected the provider credential (401 with code 2009
    /// on the REST API of the Cloudflare API host, `/ai/run` and `/ai/v1/*`,
    /// since 2026-10-06). Not the gateway's own authentication: see
    /// [`Error::GatewayUnauthorized`].
    #[error(
        "the AI provider rejected the provider credential (HTTP {status}, code 2009): check the provider key sent or stored for this provider (BYOK): {message}"
    )]
    ProviderCredentialRejected {
        /// HTTP status (401).
        status: u16,
        /// The server's message.
        message: String,
        /// What the gateway reported with the failure (log id, model, provider, ...).
        meta: Box<crate::GatewayMeta>,
    },
    /// Not enough AI Gateway credits (HTTP 402, code 2021): for the
    /// Guardrails scanner, or prepaid Workers AI with Unified Billing.
    #[error("not enough AI Gateway credits (HTTP {status}, code 2021): add credits to the account: {message}")]
    InsufficientCredits {
        /// HTTP status (402).
        status: u16,
        /// The server's message.
        message: String,
        /// What the gateway reported with the failure (log id, model, provider, ...).
        meta: Box<crate::GatewayMeta>,
    },
    /// Guardrails blocked the prompt or the response: 424 with 2016
    /// (prompt) or 2017 (response) on provider-native endpoints, 422 with
    /// 2017 (either) on the Run API.
    #[error(
        "Guardrails blocked the {} (HTTP {status}, code {code}): the gateway's content policy refused it; change the content or the gateway's Guardrails settings: {message}",
        stage.map_or("prompt or response", BlockedStage::as_str)
    )]
    GuardrailsBlocked {
        /// HTTP status (424 or 422).
        status: u16,
        /// 2016 or 2017.
        code: i64,
        /// What was blocked, when the status and code tell.
        stage: Option<BlockedStage>,
        /// The server's message.
        message: String,
        /// What the gateway reported with the failure (log id, model, provider, ...).
        meta: Box<crate::GatewayMeta>,
    },
    /// The Guardrails scanner is unavailable and a Block rule applies (HTTP 503, code 7013).
    #[error(
        "the Guardrails scanner is unavailable (HTTP {status}, code 7013): try again later, or turn the Block rule into a Flag rule: {message}"
    )]
    GuardrailsUnavailable {
        /// HTTP status (503).
        status: u16,
        /// The server's message.
        message: String,
        /// What the gateway reported with the failure (log id, model, provider, ...).
        meta: Box<crate::GatewayMeta>,
    },
    /// A DLP policy blocked the request (code 2029) or the response (2030).
    #[error(
        "a DLP policy blocked the {} (HTTP {status}, code {code}): remove the sensitive data or change the gateway's DLP policies: {message}",
        stage.as_str()
    )]
    DlpBlocked {
        /// HTTP status (not documented by Cloudflare).
        status: u16,
        /// 2029 or 2030.
        code: i64,
        /// Request or response.
        stage: BlockedStage,
        /// The server's message.
        message: String,
        /// What the gateway reported with the failure (log id, model, provider, ...).
        meta: Box<crate::GatewayMeta>,
    },
    /// Another gateway-originated error (`{"error":[{"code":…}]}` shape), such
    /// as 2019 on the compat endpoint.
    #[error("AI Gateway error {code} (HTTP {status}): {message}")]
    Gateway {
        /// HTTP status.
        status: u16,
        /// Gateway error code.
        code: i64,
        /// The server's message.
        message: String,
    },
    /// The model or provider failed: Workers AI `errors` envelope, a binding
    /// `internalCode` body, or an upstream provider's error passed through.
    #[error("upstream inference error (HTTP {status}): {message}")]
    UpstreamInference {
        /// HTTP status.
        status: u16,
        /// Provider or Workers AI code (`errors[0].code` or `internalCode`).
        code: Option<i64>,
        /// Error name where the body gives one (`InvalidInput`, ...).
        name: Option<String>,
        /// Message: `{code}: {message}` as the binding builds it, or the raw body.
        message: String,
        /// What the gateway reported alongside the failure (its log id, step, ...).
        meta: Box<crate::GatewayMeta>,
    },
    /// A Cloudflare v4 API call failed with an `errors` array.
    #[error("Cloudflare API error (HTTP {status}): {}", summarize(errors))]
    Api {
        /// HTTP status.
        status: u16,
        /// The body's `errors`.
        errors: Vec<ApiMessage>,
    },
    /// HTTP 429 from a gateway spend limit: a budget rule of the gateway is
    /// used up for its window (told apart from a rate limit by
    /// `wire::decode::is_spend_limit`'s rule). Not retried.
    #[error(
        "the gateway's spend limit is reached{}: wait for the budget window to roll over or raise the limit: {message}",
        retry_after.map(|d| format!(" (retry after {}s)", d.as_secs_f64())).unwrap_or_default()
    )]
    SpendLimitExceeded {
        /// How long the server asked us to wait, if it said.
        retry_after: Option<Duration>,
        /// The server's message, or the raw body.
        message: String,
    },
    /// HTTP 429. `retry_after` comes from the `retry-after` header when given.
    #[error("rate limited{}: {message}", retry_after.map(|d| format!(" (retry after {}s)", d.as_secs_f64())).unwrap_or_default())]
    RateLimited {
        /// How long the server asked us to wait.
        retry_after: Option<Duration>,
        /// The server's message, or the raw body.
        message: String,
    },
    /// The request did not complete in time (client-side timeout).
    #[error("request timed out")]
    Timeout {
        /// The underlying client error.
        #[source]
        source: Option<reqwest::Error>,
    },
    /// A stream ended before its end marker (`[DONE]`, `message_stop`):
    /// the answer is incomplete.
    #[error("the stream ended before its end marker, after {chunks} chunks")]
    StreamTruncated {
        /// Chunks received before the cut.
        chunks: usize,
    },
    /// A stream went quiet for too long.
    #[error("the stream timed out waiting for its {phase} ({after:?})")]
    StreamTimeout {
        /// Before the first byte, or between chunks.
        phase: StreamPhase,
        /// The limit that ran out.
        after: Duration,
    },
    /// The stream's bytes are not valid server-sent events.
    #[error("invalid event stream: {0}")]
    StreamFormat(#[source] crate::stream::SseError),
    /// The request could not be sent or its answer not read.
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// The answer was not of the expected shape.
    #[error("could not decode response at `{path}`: {source} (body starts with {body_start:?})")]
    Decode {
        /// JSON path of the failing value (`result.created_at`), `.` for the root.
        path: String,
        /// The first bytes of the body, lossily decoded.
        body_start: String,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// A successful answer was not JSON where JSON was expected, and its
    /// `content-type` says so (an HTML error page from a proxy, plain text).
    #[error("expected a JSON answer but got `{content_type}` (body starts with {body_start:?})")]
    UnexpectedContentType {
        /// The `content-type` the answer carried.
        content_type: String,
        /// The first bytes of the body, lossily decoded.
        body_start: String,
    },
    /// A dynamic route (or one of its versions) does not exist: HTTP 404 on
    /// a route call. No error code is documented for it (`cloudflare-2026.md` §3.5).
    #[error("dynamic route `{route_id}`{} not found: {message}", version_id.as_ref().map(|v| format!(" version `{v}`")).unwrap_or_default())]
    RouteNotFound {
        /// The route id asked for.
        route_id: String,
        /// The version id asked for, if the call named one.
        version_id: Option<String>,
        /// The API's message.
        message: String,
    },
    /// A route that Cloudflare would refuse, found before sending.
    #[error(transparent)]
    InvalidRoute(#[from] crate::route::RouteError),
    /// A value was rejected before any request was sent.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The field at fault, in wire spelling (`gateway.retries.maxAttempts`).
        field: String,
        /// What was wrong and what the limit is.
        reason: String,
    },
    /// The client configuration is incomplete or invalid.
    #[error("configuration error in {setting}: {reason}")]
    Config {
        /// The setting or environment variable at fault.
        setting: String,
        /// What was wrong.
        reason: String,
    },
}

fn summarize(errors: &[ApiMessage]) -> String {
    if errors.is_empty() {
        return "no error details".to_owned();
    }
    errors.iter().map(|e| format!("{}: {}", e.code, e.message)).collect::<Vec<_>>().join("; ")
}

impl Error {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidInput { field: field.into(), reason: reason.into() }
    }

    pub(crate) fn from_reqwest(error: reqwest::Error) -> Self {
        // reqwest errors carry the URL; our URLs never hold credentials.
        if error.is_timeout() { Self::Timeout { source: Some(error) } } else { Self::Transport(error) }
    }

    /// The HTTP status the server answered with, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::LogNotFound { .. } | Self::RouteNotFound { .. } => Some(404),
            Self::GatewayInternal { status, .. }
            | Self::Gateway { status, .. }
            | Self::UpstreamInference { status, .. }
            | Self::Api { status, .. }
            | Self::GatewayNotFound { status, .. }
            | Self::GatewayUnauthorized { status, .. }
            | Self::ProviderCredentialRejected { status, .. }
            | Self::InsufficientCredits { status, .. }
            | Self::GuardrailsBlocked { status, .. }
            | Self::GuardrailsUnavailable { status, .. }
            | Self::DlpBlocked { status, .. } => Some(*status),
            Self::RateLimited { .. } | Self::SpendLimitExceeded { .. } => Some(429),
            _ => None,
        }
    }

    /// Whether trying the same request again may succeed: rate limits,
    /// timeouts, connection failures and server-side (5xx) errors, the
    /// Guardrails scanner's unavailability included (a spend limit is not:
    /// its budget window is long).
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::RateLimited { .. }
            | Self::Timeout { .. }
            | Self::StreamTimeout { .. }
            | Self::StreamTruncated { .. } => true,
            Self::Transport(e) => e.is_connect() || e.is_request(),
            Self::GatewayInternal { status, .. }
            | Self::UpstreamInference { status, .. }
            | Self::Api { status, .. }
            | Self::Gateway { status, .. }
            | Self::GuardrailsUnavailable { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// How long the server asked to wait before retrying, if it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::RateLimited { retry_after, .. } | Self::SpendLimitExceeded { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// What the gateway reported with a failed inference, if anything.
    pub fn gateway_meta(&self) -> Option<&crate::GatewayMeta> {
        match self {
            Self::UpstreamInference { meta, .. }
            | Self::ProviderCredentialRejected { meta, .. }
            | Self::InsufficientCredits { meta, .. }
            | Self::GuardrailsBlocked { meta, .. }
            | Self::GuardrailsUnavailable { meta, .. }
            | Self::DlpBlocked { meta, .. } => Some(meta),
            _ => None,
        }
    }
}
