//! Settings of a local gateway: account, API token, per-gateway behaviour and
//! upstream base URLs. Read from TOML or built in code.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use gateway_core::{Backoff, SpendLimit};
use serde::{Deserialize, Serialize};

use crate::store::{LogLimit, LogLimitStrategy};
use crate::upstream::offline::Fault;

/// What happens to a request for a gateway id that is not configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownGateway {
    /// Serve it on the gateway host with default settings (not stored).
    /// The REST API (`/ai/run`, `/ai/v1/*`) never does: there only
    /// configured gateways and `default` (created on first authenticated
    /// use, as Cloudflare creates it, and stored) exist.
    #[default]
    Create,
    /// Reject with gateway error 2001.
    Reject,
}

/// A per-gateway request rate limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    /// Requests allowed per interval.
    pub limit: u32,
    /// Interval in seconds.
    pub interval_secs: u64,
    /// How the interval is counted (Cloudflare's `rate_limiting_technique`;
    /// default [`RateLimitTechnique::Fixed`]).
    #[serde(default)]
    pub technique: RateLimitTechnique,
}

/// How a rate limit's interval is counted (spec §5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RateLimitTechnique {
    /// Windows aligned to multiples of the interval since the Unix epoch
    /// (10 per 10 minutes: 12:00–12:10, 12:10–12:20, ...).
    #[default]
    Fixed,
    /// At most `limit` requests in any trailing interval.
    Sliding,
}

/// A stored provider key (spec §5.4's stored keys, standing in for BYOK and
/// Unified Billing): the key itself, or `{ env = "NAME" }`, the environment
/// variable that holds it, read when the gateway starts. `Debug` never shows
/// a key.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ProviderKey {
    /// The key, written in the file.
    Value(String),
    /// The environment variable holding the key.
    Env {
        /// Its name.
        env: String,
    },
}

impl fmt::Debug for ProviderKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Value(_) => f.write_str("<redacted>"),
            Self::Env { env } => f.debug_struct("Env").field("env", env).finish(),
        }
    }
}

/// Settings of one gateway (the dashboard's gateway settings). `Debug`
/// shows whether a token is set, never the token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct GatewaySettings {
    /// Authenticated Gateway: requests need `cf-aig-authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Default cache TTL in seconds (none: caching off unless a request asks).
    pub cache_ttl: Option<u64>,
    /// Whether requests are logged.
    pub collect_logs: bool,
    /// Default attempts per step (1 to 5).
    pub retry_max_attempts: u8,
    /// Default delay between attempts in milliseconds (0 to 5000).
    pub retry_delay_ms: u64,
    /// Default backoff.
    pub retry_backoff: Backoff,
    /// Request rate limit.
    pub rate_limit: Option<RateLimit>,
    /// Most logs kept for this gateway (Cloudflare's `log_management`); none: no limit.
    pub log_management: Option<u64>,
    /// What happens at the limit (`log_management_strategy`; default `STOP_INSERTING`).
    pub log_management_strategy: Option<LogLimitStrategy>,
    /// Serve cached answers to every caller of the gateway, whatever
    /// credentials they present (default `false`: an answer is served only to
    /// callers presenting the same provider key and gateway token).
    pub cache_shared: bool,
    /// "Require provider credentials" (Cloudflare's `byok_only`): a
    /// third-party request that carries no provider credential, and has no
    /// stored key ([`LocalConfig::provider_keys`]), is refused with 400;
    /// Workers AI requests are not affected. Default `false`.
    pub byok_only: bool,
    /// Spend limits (`cloudflare-2026.md` §5.1): at most
    /// [`MAX_SPEND_LIMITS`](gateway_core::MAX_SPEND_LIMITS) budget rules,
    /// checked before each upstream call against the costs logged
    /// (`spend_limits = [{ budget = 5.0, window = 86400, ... }]`, the JSON
    /// shape of [`gateway_core::types::spend_limit`] in TOML). Rules set
    /// over the gateway REST resource (`PUT .../ai-gateway/gateways/{id}`)
    /// are kept in the database and replace these for that gateway.
    pub spend_limits: Vec<SpendLimit>,
}

impl Default for GatewaySettings {
    fn default() -> Self {
        Self {
            token: None,
            cache_ttl: None,
            collect_logs: true,
            retry_max_attempts: 1,
            retry_delay_ms: 0,
            retry_backoff: Backoff::Constant,
            rate_limit: None,
            log_management: None,
            log_management_strategy: None,
            cache_shared: false,
            byok_only: false,
            spend_limits: Vec::new(),
        }
    }
}

impl GatewaySettings {
    /// Requires `cf-aig-authorization: Bearer <token>`.
    #[must_use]
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }
    /// Sets the default cache TTL.
    #[must_use]
    pub fn with_cache_ttl(mut self, seconds: u64) -> Self {
        self.cache_ttl = Some(seconds);
        self
    }
    /// Turns logging on or off.
    #[must_use]
    pub fn with_collect_logs(mut self, collect: bool) -> Self {
        self.collect_logs = collect;
        self
    }
    /// Sets the default retries.
    #[must_use]
    pub fn with_retries(mut self, max_attempts: u8, delay_ms: u64, backoff: Backoff) -> Self {
        self.retry_max_attempts = max_attempts;
        self.retry_delay_ms = delay_ms;
        self.retry_backoff = backoff;
        self
    }
    /// Keeps at most `max` logs, doing `strategy` at the limit.
    #[must_use]
    pub fn with_log_limit(mut self, max: u64, strategy: LogLimitStrategy) -> Self {
        self.log_management = Some(max);
        self.log_management_strategy = Some(strategy);
        self
    }

    /// The log limit in force, if any.
    pub(crate) fn log_limit(&self) -> Option<LogLimit> {
        self.log_management.map(|max| LogLimit { max, strategy: self.log_management_strategy.unwrap_or_default() })
    }

    /// Shares cached answers across callers (see [`cache_shared`](Self::cache_shared)).
    #[must_use]
    pub fn with_cache_shared(mut self, shared: bool) -> Self {
        self.cache_shared = shared;
        self
    }

    /// Sets a rate limit (fixed windows).
    #[must_use]
    pub fn with_rate_limit(mut self, limit: u32, interval_secs: u64) -> Self {
        self.rate_limit = Some(RateLimit { limit, interval_secs, technique: RateLimitTechnique::Fixed });
        self
    }

    /// Sets a rate limit counted with `technique`.
    #[must_use]
    pub fn with_rate_limit_technique(mut self, limit: u32, interval_secs: u64, technique: RateLimitTechnique) -> Self {
        self.rate_limit = Some(RateLimit { limit, interval_secs, technique });
        self
    }

    /// Sets the spend limits (see [`spend_limits`](Self::spend_limits)).
    #[must_use]
    pub fn with_spend_limits(mut self, rules: Vec<SpendLimit>) -> Self {
        self.spend_limits = rules;
        self
    }

    /// Requires provider credentials (see [`byok_only`](Self::byok_only)).
    #[must_use]
    pub fn with_byok_only(mut self, byok_only: bool) -> Self {
        self.byok_only = byok_only;
        self
    }

    fn validate(&self, id: &str) -> Result<(), ConfigError> {
        let bad = |reason: String| Err(ConfigError::Invalid(format!("gateways.{id}: {reason}")));
        gateway_core::types::options::validate_gateway_id(id, "gateway id")
            .map_err(|e| ConfigError::Invalid(format!("gateways.{id}: {e}")))?;
        if !(1..=gateway_core::types::options::MAX_ATTEMPTS).contains(&self.retry_max_attempts) {
            return bad(format!("retry_max_attempts must be 1 to 5, got {}", self.retry_max_attempts));
        }
        if self.retry_delay_ms > gateway_core::types::options::MAX_RETRY_DELAY_MS {
            return bad(format!("retry_delay_ms must be at most 5000, got {}", self.retry_delay_ms));
        }
        if let Some(limit) = self.rate_limit {
            if limit.limit == 0 || limit.interval_secs == 0 {
                return bad("rate_limit needs a non-zero limit and interval".to_owned());
            }
        }
        if self.token.as_deref().is_some_and(str::is_empty) {
            return bad("token must not be empty".to_owned());
        }
        if self.log_management == Some(0) {
            return bad("log_management must be at least 1 (omit it for no limit)".to_owned());
        }
        gateway_core::validate_spend_limits(&self.spend_limits)
            .map_err(|e| ConfigError::Invalid(format!("gateways.{id}.{}: {}", e.path(), e.reason())))?;
        Ok(())
    }
}

/// The whole configuration. `Debug` shows whether tokens are set, never the tokens.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct LocalConfig {
    /// The account id in every path (`/v1/{account}/...`, `/accounts/{account}/...`).
    pub account_id: String,
    /// Token the v4 API requires (`Authorization: Bearer <token>`); none: open.
    pub api_token: Option<String>,
    /// What to do with unconfigured gateway ids.
    pub unknown_gateways: UnknownGateway,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Largest stored request or response head, in bytes.
    pub max_head_bytes: usize,
    /// Largest total size of a request's headers (names, values, `: ` and
    /// line ends), in bytes; larger requests get 431 (ours: Cloudflare
    /// documents no figure for the gateway).
    pub max_header_bytes: usize,
    /// Most bytes of a request or response body kept in a log; the rest is
    /// passed through unstored and the log marked incomplete.
    pub max_stored_body_bytes: usize,
    /// Largest non-streamed upstream answer (after decoding), in bytes;
    /// larger ones end in a 502 (streams are passed through, not held).
    pub max_response_bytes: usize,
    /// Bytes the response cache may hold in all.
    pub cache_max_bytes: usize,
    /// Largest answer the cache takes; larger ones are not cached.
    pub cache_max_entry_bytes: usize,
    /// Most steps in one universal request, and most upstream attempts
    /// (retries included) one request may make.
    pub max_steps: usize,
    /// Longest wait for an upstream's answer (a whole non-streamed answer,
    /// or a stream's first chunk) when the request sets no shorter
    /// `cf-aig-request-timeout`, in milliseconds.
    pub upstream_timeout_ms: u64,
    /// Longest silence between two chunks of a stream, in milliseconds.
    pub stream_idle_timeout_ms: u64,
    /// Configured gateways by id.
    pub gateways: BTreeMap<String, GatewaySettings>,
    /// Upstream base URL overrides by provider slug (`openai = "http://127.0.0.1:9000/v1"`).
    pub upstreams: BTreeMap<String, String>,
    /// Faults the offline test double starts with (`[[offline_faults]]`);
    /// only with the offline double on.
    pub offline_faults: Vec<OfflineFault>,
    /// Longest a logs API read (list, get, bodies) or bulk delete may run,
    /// in milliseconds; a query that runs longer is stopped and answered
    /// with a 400 saying it was too expensive.
    pub log_query_time_limit_ms: u64,
    /// Longest writing a log may wait for the database, in milliseconds
    /// (for other writes of this gateway, then for another process's lock on
    /// the file). Past it the answer goes out unlogged, with
    /// `x-gateway-local-log-error`.
    pub log_write_wait_ms: u64,
    /// Most logs each gateway keeps when logs are kept in memory (no
    /// database file), the oldest dropped first (1 % of the limit at a time, at
    /// most 100); a gateway's own `log_management` wins. Default 100 000, what
    /// Cloudflare's free plan keeps.
    pub memory_log_limit: u64,
    /// Most bytes the logs of all gateways take when kept in memory (the
    /// database's pages in use): past it the oldest logs of any gateway are
    /// dropped first, so neither many gateways nor large bodies grow memory
    /// without end. A hard cap at twice it refuses a log that would pass it
    /// (answered unlogged, with `x-gateway-local-log-error`). Default 256 MiB,
    /// at least 1 MiB.
    pub memory_log_bytes: u64,
    /// How often the database file is checked for having been deleted or
    /// replaced, in milliseconds.
    pub database_check_interval_ms: u64,
    /// Longest wait, in milliseconds, for a request's head (request line and
    /// headers): from a new connection's accept, or from the first byte of a
    /// later request on a kept-alive connection. A connection slower than
    /// that is closed (slowloris).
    pub header_read_timeout_ms: u64,
    /// Longest time, in milliseconds, a kept-alive connection may wait idle
    /// for its next request before it is closed.
    pub idle_timeout_ms: u64,
    /// Longest time, in milliseconds, a request's body may take to arrive in
    /// full, counted from its head; a body still arriving then is cut and
    /// answered 408 (in the shape of the API asked), and the connection closed.
    pub body_read_timeout_ms: u64,
    /// Most connections served at once. Past it, new connections wait in the
    /// listen backlog (unaccepted) until a connection closes, so the clients
    /// already connected keep being served and no file descriptor is spent
    /// on the excess. Where the open-file limit can be read (Linux), the cap
    /// is lowered to fit it (half of what is left after 32 descriptors: a
    /// connection may need an upstream socket too), with a warning.
    pub max_connections: usize,
    /// On shutdown (SIGINT, SIGTERM, [`LocalGateway::shutdown`](crate::LocalGateway::shutdown)),
    /// how long requests and streams in flight get to finish, in
    /// milliseconds; then their connections are cut and the logs of cut
    /// streams completed (status 502, response incomplete).
    pub shutdown_grace_ms: u64,
    /// Stored provider keys by provider slug, then by alias
    /// (`[provider_keys.openai] default = { env = "OPENAI_API_KEY" }`): a
    /// request to that provider that carries no credential of its own is
    /// sent with the key of the alias it names (`cf-aig-byok-alias`, else
    /// `default`), in the provider's credential header. Keys are never
    /// logged, stored or shown.
    pub provider_keys: BTreeMap<String, BTreeMap<String, ProviderKey>>,
    /// The seed of dynamic routes' percentage splits: with the same seed,
    /// the same requests in the same order since start (or with the same
    /// `cf-aig-event-id`s, in any order) take the same outputs. None: a
    /// random seed at each start.
    pub route_seed: Option<u64>,
    /// Base URL of an OpenTelemetry collector's OTLP/HTTP receiver
    /// (`http://127.0.0.1:4318`, as `OTEL_EXPORTER_OTLP_ENDPOINT` writes
    /// it): a span per request and per upstream attempt is exported to
    /// `{otlp_endpoint}/v1/traces` (protobuf). None: no spans are exported
    /// (`gateway-local serve` then takes `OTEL_EXPORTER_OTLP_ENDPOINT`).
    pub otlp_endpoint: Option<String>,
}

/// A fault rule for the offline test double, as the configuration writes it:
///
/// ```toml
/// [[offline_faults]]
/// provider = "openai"                          # optional: any provider
/// model = "gpt-4o-mini"                        # optional: any model
/// times = 2                                    # optional: forever
/// fault = { kind = "status", status = 429 }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfflineFault {
    /// Only requests to this provider slug.
    pub provider: Option<String>,
    /// Only requests for this model.
    pub model: Option<String>,
    /// Apply this many times, then retire the rule (none: forever).
    pub times: Option<u32>,
    /// What to do.
    pub fault: FaultKind,
}

/// A [`Fault`] in configuration form (durations in milliseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[allow(missing_docs, reason = "each variant is the `Fault` of the same name")]
pub enum FaultKind {
    Latency { ms: u64 },
    Status { status: u16 },
    Timeout,
    Drop,
    Truncated,
    InvalidJson,
    WrongContentType,
    StallAfter { events: usize },
    DropAfter { events: usize },
    GarbageAfter { events: usize },
    FirstChunkDelay { ms: u64 },
}

impl OfflineFault {
    /// The rule for the offline double.
    pub fn to_rule(&self) -> crate::FaultRule {
        use std::time::Duration;
        let fault = match self.fault {
            FaultKind::Latency { ms } => Fault::Latency(Duration::from_millis(ms)),
            FaultKind::Status { status } => Fault::Status(status),
            FaultKind::Timeout => Fault::Timeout,
            FaultKind::Drop => Fault::Drop,
            FaultKind::Truncated => Fault::Truncated,
            FaultKind::InvalidJson => Fault::InvalidJson,
            FaultKind::WrongContentType => Fault::WrongContentType,
            FaultKind::StallAfter { events } => Fault::StallAfter(events),
            FaultKind::DropAfter { events } => Fault::DropAfter(events),
            FaultKind::GarbageAfter { events } => Fault::GarbageAfter(events),
            FaultKind::FirstChunkDelay { ms } => Fault::FirstChunkDelay(Duration::from_millis(ms)),
        };
        let mut rule = crate::FaultRule::new(fault);
        if let Some(provider) = &self.provider {
            rule = rule.for_provider(provider.clone());
        }
        if let Some(model) = &self.model {
            rule = rule.for_model(model.clone());
        }
        if let Some(times) = self.times {
            rule = rule.times(times);
        }
        rule
    }
}

/// Default most bytes of a body kept in a log (10 MiB: Cloudflare keeps at most 10 MB per log).
pub const DEFAULT_MAX_STORED_BODY_BYTES: usize = 10 * 1024 * 1024;
/// Default largest non-streamed upstream answer (64 MiB).
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;
/// Default cache budget (256 MiB).
pub const DEFAULT_CACHE_MAX_BYTES: usize = 256 * 1024 * 1024;
/// Default largest cached answer (25 MiB: Cloudflare caches answers up to 25 MB).
pub const DEFAULT_CACHE_MAX_ENTRY_BYTES: usize = 25 * 1024 * 1024;
/// Default most steps and upstream attempts per request.
pub const DEFAULT_MAX_STEPS: usize = 20;
/// Default longest wait for an upstream's answer (120 s, the client's default timeout).
pub const DEFAULT_UPSTREAM_TIMEOUT_MS: u64 = 120_000;
/// Default longest silence within a stream (60 s).
pub const DEFAULT_STREAM_IDLE_TIMEOUT_MS: u64 = 60_000;

/// Default largest total size of a request's headers (32 KiB).
pub const DEFAULT_MAX_HEADER_BYTES: usize = 32 * 1024;

/// Default largest request body (10 MB, Cloudflare's per-log limit).
pub const DEFAULT_MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// Default statement time limit of logs API reads (2 s).
pub const DEFAULT_LOG_QUERY_TIME_LIMIT_MS: u64 = 2_000;

/// Default longest wait of a log write for the database (5 s: long enough
/// that a busy machine still logs every answer, short enough that a lock
/// held by another process cannot hold answers for long).
pub const DEFAULT_LOG_WRITE_WAIT_MS: u64 = 5_000;

/// Default [`LocalConfig::memory_log_limit`]: Cloudflare's free plan keeps 100 000 logs.
pub const DEFAULT_MEMORY_LOG_LIMIT: u64 = 100_000;

/// Default [`LocalConfig::memory_log_bytes`] (256 MiB).
pub const DEFAULT_MEMORY_LOG_BYTES: u64 = 256 * 1024 * 1024;

/// Least [`LocalConfig::memory_log_bytes`] (1 MiB).
pub const MIN_MEMORY_LOG_BYTES: u64 = 1024 * 1024;

/// Default interval of the database file check (5 s).
pub const DEFAULT_DATABASE_CHECK_INTERVAL_MS: u64 = 5_000;

/// Largest value of each of the three millisecond settings above (10 minutes).
const MAX_STORE_MS: u64 = 600_000;
/// Default [`LocalConfig::header_read_timeout_ms`]: 10 s.
pub const DEFAULT_HEADER_READ_TIMEOUT_MS: u64 = 10_000;

/// Default [`LocalConfig::idle_timeout_ms`]: 60 s.
pub const DEFAULT_IDLE_TIMEOUT_MS: u64 = 60_000;

/// Default [`LocalConfig::body_read_timeout_ms`]: 30 s (10 MB at about 350 kB/s).
pub const DEFAULT_BODY_READ_TIMEOUT_MS: u64 = 30_000;

/// Default [`LocalConfig::max_connections`]: 1024.
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;

/// Default [`LocalConfig::shutdown_grace_ms`]: 10 s.
pub const DEFAULT_SHUTDOWN_GRACE_MS: u64 = 10_000;

/// Largest value of each `*_ms` connection setting: one day.
pub const MAX_TIMEOUT_MS: u64 = 24 * 60 * 60 * 1000;

/// Largest [`LocalConfig::max_connections`].
pub const MAX_CONNECTIONS_LIMIT: usize = 1_000_000;

impl Default for LocalConfig {
    fn default() -> Self {
        Self {
            account_id: "local-account".to_owned(),
            api_token: Some("local-api-token".to_owned()),
            unknown_gateways: UnknownGateway::Create,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_head_bytes: 4096,
            max_header_bytes: DEFAULT_MAX_HEADER_BYTES,
            max_stored_body_bytes: DEFAULT_MAX_STORED_BODY_BYTES,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            cache_max_bytes: DEFAULT_CACHE_MAX_BYTES,
            cache_max_entry_bytes: DEFAULT_CACHE_MAX_ENTRY_BYTES,
            max_steps: DEFAULT_MAX_STEPS,
            upstream_timeout_ms: DEFAULT_UPSTREAM_TIMEOUT_MS,
            stream_idle_timeout_ms: DEFAULT_STREAM_IDLE_TIMEOUT_MS,
            gateways: BTreeMap::new(),
            upstreams: BTreeMap::new(),
            offline_faults: Vec::new(),
            log_query_time_limit_ms: DEFAULT_LOG_QUERY_TIME_LIMIT_MS,
            log_write_wait_ms: DEFAULT_LOG_WRITE_WAIT_MS,
            memory_log_limit: DEFAULT_MEMORY_LOG_LIMIT,
            memory_log_bytes: DEFAULT_MEMORY_LOG_BYTES,
            database_check_interval_ms: DEFAULT_DATABASE_CHECK_INTERVAL_MS,
            header_read_timeout_ms: DEFAULT_HEADER_READ_TIMEOUT_MS,
            idle_timeout_ms: DEFAULT_IDLE_TIMEOUT_MS,
            body_read_timeout_ms: DEFAULT_BODY_READ_TIMEOUT_MS,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            shutdown_grace_ms: DEFAULT_SHUTDOWN_GRACE_MS,
            provider_keys: BTreeMap::new(),
            route_seed: None,
            otlp_endpoint: None,
        }
    }
}

/// How a token shows in `Debug` output.
fn redacted(token: Option<&String>) -> Option<&'static str> {
    token.map(|_| "<redacted>")
}

impl fmt::Debug for GatewaySettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GatewaySettings")
            .field("token", &redacted(self.token.as_ref()))
            .field("cache_ttl", &self.cache_ttl)
            .field("collect_logs", &self.collect_logs)
            .field("retry_max_attempts", &self.retry_max_attempts)
            .field("retry_delay_ms", &self.retry_delay_ms)
            .field("retry_backoff", &self.retry_backoff)
            .field("rate_limit", &self.rate_limit)
            .field("log_management", &self.log_management)
            .field("log_management_strategy", &self.log_management_strategy)
            .field("cache_shared", &self.cache_shared)
            .field("byok_only", &self.byok_only)
            .field("spend_limits", &self.spend_limits)
            .finish()
    }
}

impl fmt::Debug for LocalConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalConfig")
            .field("account_id", &self.account_id)
            .field("api_token", &redacted(self.api_token.as_ref()))
            .field("unknown_gateways", &self.unknown_gateways)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_head_bytes", &self.max_head_bytes)
            .field("max_header_bytes", &self.max_header_bytes)
            .field("max_stored_body_bytes", &self.max_stored_body_bytes)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("cache_max_bytes", &self.cache_max_bytes)
            .field("cache_max_entry_bytes", &self.cache_max_entry_bytes)
            .field("max_steps", &self.max_steps)
            .field("upstream_timeout_ms", &self.upstream_timeout_ms)
            .field("stream_idle_timeout_ms", &self.stream_idle_timeout_ms)
            .field("gateways", &self.gateways)
            .field("upstreams", &self.upstreams)
            .field("offline_faults", &self.offline_faults)
            .field("log_query_time_limit_ms", &self.log_query_time_limit_ms)
            .field("log_write_wait_ms", &self.log_write_wait_ms)
            .field("memory_log_limit", &self.memory_log_limit)
            .field("memory_log_bytes", &self.memory_log_bytes)
            .field("database_check_interval_ms", &self.database_check_interval_ms)
            .field("header_read_timeout_ms", &self.header_read_timeout_ms)
            .field("idle_timeout_ms", &self.idle_timeout_ms)
            .field("body_read_timeout_ms", &self.body_read_timeout_ms)
            .field("max_connections", &self.max_connections)
            .field("shutdown_grace_ms", &self.shutdown_grace_ms)
            .field("provider_keys", &self.provider_keys)
            .field("route_seed", &self.route_seed)
            .field("otlp_endpoint", &self.otlp_endpoint)
            .finish()
    }
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The TOML is malformed or has unknown keys.
    #[error("invalid configuration: {0}")]
    Parse(String),
    /// A value is out of its limits.
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl LocalConfig {
    /// Parses TOML text and validates it.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text).map_err(|e| ConfigError::Parse(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Reads and validates a TOML file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Read { path: path.display().to_string(), source })?;
        Self::from_toml(&text)
    }

    /// Adds (or replaces) a gateway.
    #[must_use]
    pub fn with_gateway(mut self, id: impl Into<String>, settings: GatewaySettings) -> Self {
        self.gateways.insert(id.into(), settings);
        self
    }

    /// Sets the seed of dynamic routes' percentage splits ([`route_seed`](Self::route_seed)).
    #[must_use]
    pub fn with_route_seed(mut self, seed: u64) -> Self {
        self.route_seed = Some(seed);
        self
    }

    /// Exports spans to the OTLP/HTTP receiver at `endpoint` ([`otlp_endpoint`](Self::otlp_endpoint)).
    #[must_use]
    pub fn with_otlp_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.otlp_endpoint = Some(endpoint.into());
        self
    }

    /// Sets the policy for unconfigured gateways.
    #[must_use]
    pub fn with_unknown_gateways(mut self, policy: UnknownGateway) -> Self {
        self.unknown_gateways = policy;
        self
    }

    /// Points a provider at another base URL.
    #[must_use]
    pub fn with_upstream(mut self, provider: impl Into<String>, base_url: impl Into<String>) -> Self {
        self.upstreams.insert(provider.into(), base_url.into());
        self
    }

    /// Sets (or removes) the v4 API token.
    #[must_use]
    pub fn with_api_token(mut self, token: Option<String>) -> Self {
        self.api_token = token;
        self
    }

    /// Checks every value.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.account_id.is_empty()
            || !self.account_id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(ConfigError::Invalid(format!(
                "account_id must be letters, digits, `-` or `_`, got {:?}",
                self.account_id
            )));
        }
        if self.api_token.as_deref().is_some_and(str::is_empty) {
            return Err(ConfigError::Invalid("api_token must not be empty (omit it to leave the API open)".to_owned()));
        }
        if let Some(endpoint) = &self.otlp_endpoint {
            crate::telemetry::traces_url(endpoint).map_err(ConfigError::Invalid)?;
        }
        if self.max_body_bytes == 0 {
            return Err(ConfigError::Invalid("max_body_bytes must be positive".to_owned()));
        }
        for (name, value) in [
            ("max_header_bytes", self.max_header_bytes),
            ("max_stored_body_bytes", self.max_stored_body_bytes),
            ("max_response_bytes", self.max_response_bytes),
            ("max_steps", self.max_steps),
        ] {
            if value == 0 {
                return Err(ConfigError::Invalid(format!("{name} must be positive")));
            }
        }
        for (name, value) in [
            ("upstream_timeout_ms", self.upstream_timeout_ms),
            ("stream_idle_timeout_ms", self.stream_idle_timeout_ms),
            ("memory_log_limit", self.memory_log_limit),
        ] {
            if value == 0 {
                return Err(ConfigError::Invalid(format!("{name} must be positive")));
            }
        }
        if self.memory_log_bytes < MIN_MEMORY_LOG_BYTES {
            return Err(ConfigError::Invalid(format!(
                "memory_log_bytes must be at least {MIN_MEMORY_LOG_BYTES} (1 MiB), got {}",
                self.memory_log_bytes
            )));
        }
        for (key, value) in [
            ("log_query_time_limit_ms", self.log_query_time_limit_ms),
            ("log_write_wait_ms", self.log_write_wait_ms),
            ("database_check_interval_ms", self.database_check_interval_ms),
        ] {
            if !(1..=MAX_STORE_MS).contains(&value) {
                return Err(ConfigError::Invalid(format!("{key} must be 1 to {MAX_STORE_MS}, got {value}")));
            }
        }
        for (name, value) in [
            ("header_read_timeout_ms", self.header_read_timeout_ms),
            ("idle_timeout_ms", self.idle_timeout_ms),
            ("body_read_timeout_ms", self.body_read_timeout_ms),
            ("shutdown_grace_ms", self.shutdown_grace_ms),
        ] {
            if !(1..=MAX_TIMEOUT_MS).contains(&value) {
                return Err(ConfigError::Invalid(format!("{name} must be 1 to {MAX_TIMEOUT_MS}, got {value}")));
            }
        }
        if !(1..=MAX_CONNECTIONS_LIMIT).contains(&self.max_connections) {
            return Err(ConfigError::Invalid(format!(
                "max_connections must be 1 to {MAX_CONNECTIONS_LIMIT}, got {}",
                self.max_connections
            )));
        }
        for (id, settings) in &self.gateways {
            settings.validate(id)?;
        }
        for (index, fault) in self.offline_faults.iter().enumerate() {
            if let FaultKind::Status { status } = fault.fault {
                if !(100..=599).contains(&status) {
                    return Err(ConfigError::Invalid(format!(
                        "offline_faults[{index}]: status must be 100 to 599, got {status}"
                    )));
                }
            }
        }
        self.validate_provider_keys()?;
        for (provider, url) in &self.upstreams {
            let parsed =
                url::Url::parse(url).map_err(|e| ConfigError::Invalid(format!("upstreams.{provider}: {e}")))?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err(ConfigError::Invalid(format!("upstreams.{provider}: must be an http or https URL")));
            }
        }
        Ok(())
    }

    /// Checks `provider_keys`: known providers, valid aliases, keys that fit
    /// in a header (never quoted back in the error).
    fn validate_provider_keys(&self) -> Result<(), ConfigError> {
        for (provider, aliases) in &self.provider_keys {
            let bad = |reason: String| Err(ConfigError::Invalid(format!("provider_keys.{provider}: {reason}")));
            if gateway_core::provider::ProviderInfo::of(provider).is_none() {
                return bad("unknown provider slug".to_owned());
            }
            for (alias, key) in aliases {
                if !crate::options::is_alias(alias) {
                    return bad(format!("alias {alias:?} must be 1 to 64 letters, digits, `-`, `_` or `.`"));
                }
                match key {
                    ProviderKey::Value(value) if value.is_empty() || http::HeaderValue::from_str(value).is_err() => {
                        return bad(format!("{alias}: the key must be non-empty visible ASCII"));
                    }
                    ProviderKey::Env { env } if env.is_empty() => {
                        return bad(format!("{alias}: env must name a variable"));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// The settings of gateway `id`, or `None` if it is unknown and may not be created.
    pub fn gateway(&self, id: &str) -> Option<GatewaySettings> {
        match (self.gateways.get(id), self.unknown_gateways) {
            (Some(settings), _) => Some(settings.clone()),
            (None, UnknownGateway::Create) => Some(GatewaySettings::default()),
            (None, UnknownGateway::Reject) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_file() {
        let config = LocalConfig::from_toml(
            r#"
            account_id = "acc"
            api_token = "secret"
            unknown_gateways = "reject"
            [gateways.prod]
            token = "gw-token"
            cache_ttl = 300
            collect_logs = false
            retry_max_attempts = 3
            retry_delay_ms = 100
            retry_backoff = "exponential"
            rate_limit = { limit = 10, interval_secs = 60 }
            [upstreams]
            openai = "http://127.0.0.1:9000/v1"
            "#,
        )
        .unwrap();
        let prod = config.gateway("prod").unwrap();
        assert_eq!(prod.token.as_deref(), Some("gw-token"));
        assert_eq!(prod.retry_backoff, Backoff::Exponential);
        assert!(config.gateway("other").is_none());
    }

    #[test]
    fn rejects_bad_values() {
        for text in [
            "account_id = \"\"",
            "[gateways.prod]\nretry_max_attempts = 6",
            "[gateways.prod]\nretry_delay_ms = 9000",
            "[gateways.Bad]\n",
            "[upstreams]\nopenai = \"ftp://x\"",
            "unknown_key = 1",
            "[gateways.prod]\ntypo = 1",
            "log_query_time_limit_ms = 0",
            "log_write_wait_ms = 600001",
            "database_check_interval_ms = 0",
            "header_read_timeout_ms = 0",
            "idle_timeout_ms = 0",
            "body_read_timeout_ms = 0",
            "shutdown_grace_ms = 0",
            "shutdown_grace_ms = 86400001",
            "max_connections = 0",
            "max_connections = 1000001",
            "max_connections = -1",
        ] {
            assert!(LocalConfig::from_toml(text).is_err(), "{text}");
        }
    }

    #[test]
    fn connection_settings_parse_and_default() {
        let defaults = LocalConfig::default();
        assert_eq!(defaults.header_read_timeout_ms, DEFAULT_HEADER_READ_TIMEOUT_MS);
        assert_eq!(defaults.idle_timeout_ms, DEFAULT_IDLE_TIMEOUT_MS);
        assert_eq!(defaults.body_read_timeout_ms, DEFAULT_BODY_READ_TIMEOUT_MS);
        assert_eq!(defaults.max_connections, DEFAULT_MAX_CONNECTIONS);
        assert_eq!(defaults.shutdown_grace_ms, DEFAULT_SHUTDOWN_GRACE_MS);
        let config = LocalConfig::from_toml(
            "header_read_timeout_ms = 1\nidle_timeout_ms = 2\nbody_read_timeout_ms = 3\n\
             max_connections = 4\nshutdown_grace_ms = 5\n",
        )
        .unwrap();
        assert_eq!(
            (
                config.header_read_timeout_ms,
                config.idle_timeout_ms,
                config.body_read_timeout_ms,
                config.max_connections,
                config.shutdown_grace_ms
            ),
            (1, 2, 3, 4, 5)
        );
        let message = LocalConfig::from_toml("idle_timeout_ms = 0").unwrap_err().to_string();
        assert!(message.contains("idle_timeout_ms"), "{message}");
        let message = LocalConfig::from_toml("max_connections = 0").unwrap_err().to_string();
        assert!(message.contains("max_connections"), "{message}");
    }

    #[test]
    fn provider_keys_rate_techniques_and_byok_only_parse_and_keys_never_show() {
        let config = LocalConfig::from_toml(
            r#"
            [gateways.prod]
            byok_only = true
            rate_limit = { limit = 10, interval_secs = 600, technique = "sliding" }
            [gateways.dev]
            rate_limit = { limit = 10, interval_secs = 600 }
            [provider_keys.openai]
            default = "sk-SECRET-IN-FILE"
            team-b = { env = "GL_TEST_OPENAI_KEY" }
            "#,
        )
        .unwrap();
        let prod = &config.gateways["prod"];
        assert!(prod.byok_only);
        assert_eq!(prod.rate_limit.unwrap().technique, RateLimitTechnique::Sliding);
        assert_eq!(config.gateways["dev"].rate_limit.unwrap().technique, RateLimitTechnique::Fixed, "the default");
        assert!(!config.gateways["dev"].byok_only, "the default");
        let keys = &config.provider_keys["openai"];
        assert_eq!(keys["team-b"], ProviderKey::Env { env: "GL_TEST_OPENAI_KEY".to_owned() });
        let debug = format!("{config:?}");
        assert!(!debug.contains("sk-SECRET-IN-FILE"), "{debug}");
        assert!(debug.contains("GL_TEST_OPENAI_KEY") && debug.contains("byok_only: true"), "{debug}");
        for text in [
            "[provider_keys.nope]\ndefault = \"k\"",
            "[provider_keys.openai]\n\"a b\" = \"k\"",
            "[provider_keys.openai]\ndefault = \"\"",
            "[provider_keys.openai]\ndefault = \"line\\nbreak\"",
            "[provider_keys.openai]\ndefault = { env = \"\" }",
            "[gateways.prod]\nrate_limit = { limit = 1, interval_secs = 1, technique = \"leaky\" }",
            "[gateways.prod]\nrate_limit = { limit = 1, interval_secs = 1, typo = 1 }",
        ] {
            let message = LocalConfig::from_toml(text).unwrap_err().to_string();
            assert!(!message.contains("break"), "a key is never quoted back: {message}");
        }
    }

    /// The configuration file shown in the README is valid, and says what it seems to.
    #[test]
    fn the_readme_example_parses() {
        let readme = include_str!("../../README.md");
        let start = readme.find("```toml\n").expect("a toml block in the README") + "```toml\n".len();
        let text = &readme[start..start + readme[start..].find("```").expect("its end")];
        let config = LocalConfig::from_toml(text).unwrap();
        config.validate().unwrap();
        let prod = &config.gateways["prod"];
        assert_eq!(prod.log_limit(), Some(LogLimit { max: 100_000, strategy: LogLimitStrategy::DeleteOldest }));
        let day = std::time::Duration::from_secs(86_400);
        assert_eq!(
            prod.spend_limits,
            vec![
                SpendLimit::new(100.0, day * 30),
                SpendLimit::new(5.0, day).sliding().for_model("gpt-4o-mini").per_metadata("cf.user_id"),
            ]
        );
        assert_eq!(config.offline_faults.len(), 1);
        assert_eq!(config.offline_faults[0].fault, FaultKind::Status { status: 429 });
        assert_eq!((config.memory_log_limit, config.memory_log_bytes), (100_000, DEFAULT_MEMORY_LOG_BYTES));
    }

    #[test]
    fn a_byte_budget_for_logs_in_memory_under_one_mib_is_refused_naming_it() {
        let small = LocalConfig::from_toml("memory_log_bytes = 1048575").unwrap_err().to_string();
        assert!(small.contains("memory_log_bytes must be at least 1048576") && small.contains("1048575"), "{small}");
        assert_eq!(LocalConfig::from_toml("memory_log_bytes = 1048576").unwrap().memory_log_bytes, 1_048_576);
    }
}
