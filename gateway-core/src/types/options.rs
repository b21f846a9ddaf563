//! Gateway options and their mapping onto `cf-aig-*` request headers.

use serde::{Deserialize, Serialize};

use super::headers;
use super::metadata::Metadata;
use super::otel;
use crate::error::{Error, Result};
use crate::wire::js;

/// Smallest cache TTL the gateway documents, in seconds.
pub const MIN_CACHE_TTL_SECS: u64 = 60;
/// Largest cache TTL the gateway documents ("one month", taken as 30 days).
pub const MAX_CACHE_TTL_SECS: u64 = 30 * 24 * 60 * 60;
/// Most attempts the gateway makes per request or step.
pub const MAX_ATTEMPTS: u8 = 5;
/// Longest delay between retries, in milliseconds.
pub const MAX_RETRY_DELAY_MS: u64 = 5000;
/// Longest gateway id.
pub const MAX_GATEWAY_ID_LEN: usize = 64;

/// How the delay between retries grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Backoff {
    /// The same delay every time.
    Constant,
    /// Delay × attempt number.
    Linear,
    /// Delay × 2^(attempt − 1).
    Exponential,
}

impl Backoff {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Constant => "constant",
            Self::Linear => "linear",
            Self::Exponential => "exponential",
        }
    }
}

/// `GatewayRetries`: how the gateway retries a failing upstream.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GatewayRetries {
    /// Attempts in all, 1 to 5 (`cf-aig-max-attempts`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u8>,
    /// Milliseconds between attempts, at most 5000 (`cf-aig-retry-delay`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay_ms: Option<u64>,
    /// Delay growth (`cf-aig-backoff`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backoff: Option<Backoff>,
}

impl GatewayRetries {
    /// No retry settings (the gateway's own apply).
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the number of attempts (1 to 5).
    #[must_use]
    pub fn max_attempts(mut self, attempts: u8) -> Self {
        self.max_attempts = Some(attempts);
        self
    }
    /// Sets the delay between attempts (at most 5000 ms).
    #[must_use]
    pub fn retry_delay_ms(mut self, millis: u64) -> Self {
        self.retry_delay_ms = Some(millis);
        self
    }
    /// Sets the backoff.
    #[must_use]
    pub fn backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = Some(backoff);
        self
    }

    fn validate(&self) -> Result<()> {
        if let Some(n) = self.max_attempts {
            if !(1..=MAX_ATTEMPTS).contains(&n) {
                return Err(Error::invalid(
                    "gateway.retries.maxAttempts",
                    format!("must be between 1 and {MAX_ATTEMPTS}, got {n}"),
                ));
            }
        }
        if let Some(ms) = self.retry_delay_ms {
            if ms > MAX_RETRY_DELAY_MS {
                return Err(Error::invalid(
                    "gateway.retries.retryDelayMs",
                    format!("must be at most {MAX_RETRY_DELAY_MS} ms, got {ms}"),
                ));
            }
        }
        Ok(())
    }
}

/// `cf-aig-custom-cost`: a cost that overrides the one the gateway computes.
///
/// The per-token form carries the cache-token rates Cloudflare added on
/// 2026-09-09 (`cloudflare-2026.md` §5.3): cache pricing applies only when at
/// least one cache rate is given, and a missing cache rate costs as
/// `per_token_in`.
///
/// ```
/// use gateway_core::CustomCost;
/// let cost = CustomCost::per_token(0.000_001, 0.000_002).cache_read(1e-7).cache_write(5e-7);
/// assert_eq!(
///     cost.to_json(),
///     r#"{"per_token_in":0.000001,"per_token_out":0.000002,"per_cache_read_token":1e-7,"per_cache_write_token":5e-7}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
// `Total` comes first: untagged decoding tries variants in order, and
// `PerToken` (all optional) would match anything.
pub enum CustomCost {
    /// Total cost of the request.
    Total {
        /// The cost.
        total_cost: f64,
    },
    /// Prices per token.
    PerToken {
        /// Cost of one input token.
        #[serde(skip_serializing_if = "Option::is_none")]
        per_token_in: Option<f64>,
        /// Cost of one output token.
        #[serde(skip_serializing_if = "Option::is_none")]
        per_token_out: Option<f64>,
        /// Cost of one input token read from the provider's prompt cache.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per_cache_read_token: Option<f64>,
        /// Cost of one input token written to the provider's prompt cache.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per_cache_write_token: Option<f64>,
    },
}

impl CustomCost {
    /// Prices per input and output token, without cache rates.
    pub fn per_token(per_token_in: f64, per_token_out: f64) -> Self {
        Self::PerToken {
            per_token_in: Some(per_token_in),
            per_token_out: Some(per_token_out),
            per_cache_read_token: None,
            per_cache_write_token: None,
        }
    }

    /// Sets the price of a cache-read token (a total cost becomes per-token prices).
    #[must_use]
    pub fn cache_read(self, price: f64) -> Self {
        let [per_token_in, per_token_out, _, per_cache_write_token] = self.rates();
        Self::PerToken { per_token_in, per_token_out, per_cache_read_token: Some(price), per_cache_write_token }
    }

    /// Sets the price of a cache-write token (a total cost becomes per-token prices).
    #[must_use]
    pub fn cache_write(self, price: f64) -> Self {
        let [per_token_in, per_token_out, per_cache_read_token, _] = self.rates();
        Self::PerToken { per_token_in, per_token_out, per_cache_read_token, per_cache_write_token: Some(price) }
    }

    /// The per-token rates: in, out, cache read, cache write (none for a total cost).
    fn rates(self) -> [Option<f64>; 4] {
        match self {
            Self::PerToken { per_token_in, per_token_out, per_cache_read_token, per_cache_write_token } => {
                [per_token_in, per_token_out, per_cache_read_token, per_cache_write_token]
            }
            Self::Total { .. } => [None; 4],
        }
    }

    /// Compact JSON, as `JSON.stringify` writes it.
    pub fn to_json(&self) -> String {
        js::to_string(self).unwrap_or_default()
    }

    /// The `cf-aig-custom-cost` header value: [`to_json`](Self::to_json)
    /// with any non-ASCII character escaped as `\uXXXX`, as in every
    /// JSON-valued header (see [`Metadata::to_header_value`]).
    pub fn to_header_value(&self) -> String {
        js::to_header_json(self).unwrap_or_default()
    }

    fn validate(&self, field: &str) -> Result<()> {
        let values = match *self {
            Self::Total { total_cost } => [Some(total_cost), None, None, None],
            per_token @ Self::PerToken { .. } => per_token.rates(),
        };
        for v in values.into_iter().flatten() {
            if !v.is_finite() || v < 0.0 {
                return Err(Error::invalid(field, format!("costs must be finite and not negative, got {v}")));
            }
        }
        Ok(())
    }
}

/// `GatewayOptions`: how the gateway handles one request.
///
/// Every field of the binding's type, plus request headers the gateway reads
/// that the binding type lacks (`custom_cost`, `collect_log_payload`,
/// `byok_alias`, `zdr`, `no_wholesale`, `otel_trace_id`,
/// `otel_parent_span_id`). Values are checked by [`validate`](Self::validate)
/// before any request is sent.
///
/// Over HTTP every option is its `cf-aig-*` header ([`to_headers`](Self::to_headers)).
/// Over the binding protocol the body's `options.gateway` holds the binding's
/// fields only, byte for byte as the binding writes them, and the options the
/// binding type lacks travel as their `cf-aig-*` request headers, the way a
/// Worker sends them through `extraHeaders` (see [`BindingGatewayOptions`]).
///
/// When neither OpenTelemetry id is set and the caller's current OpenTelemetry context
/// holds a valid span, both headers carry that span's trace id and span id
/// ([`otel::current_ids`]); a caller who sets either id sends exactly what
/// was set.
///
/// ```
/// use gateway_core::{GatewayOptions, GatewayRetries, Backoff, Metadata};
/// let options = GatewayOptions::new("my-gateway")
///     .cache_ttl(3600)
///     .metadata(Metadata::new().with("user", 123))
///     .retries(GatewayRetries::new().max_attempts(3).backoff(Backoff::Exponential))
///     .zdr(true)
///     .otel_trace_id("4bf92f3577b34da6a3ce929d0e0e4736")
///     .otel_parent_span_id("00f067aa0ba902b7");
/// let headers = options.to_headers().unwrap();
/// assert_eq!(headers[0], ("cf-aig-cache-ttl", "3600".to_owned()));
/// assert_eq!(headers[1], ("cf-aig-metadata", r#"{"user":123}"#.to_owned()));
/// assert_eq!(headers[4], ("cf-aig-zdr", "true".to_owned()));
/// assert_eq!(headers[5], ("cf-aig-otel-trace-id", "4bf92f3577b34da6a3ce929d0e0e4736".to_owned()));
/// // Not hex: refused before anything is sent, naming the option.
/// let bad = GatewayOptions::new("my-gateway").otel_parent_span_id("a1b2c3d4e5f6g7h8");
/// assert!(bad.validate().unwrap_err().to_string().contains("gateway.otelParentSpanId"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GatewayOptions {
    /// Gateway id. Required to route [`Ai::run`](crate::Ai::run) through a
    /// gateway; deprecated and never sent on universal requests, where the
    /// gateway handle decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Custom cache key. An empty key is not sent (as in the binding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_key: Option<String>,
    /// Cache TTL in seconds: 0 is not sent (as in the binding), otherwise 60 s to 30 days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_ttl: Option<u64>,
    /// Bypass the cache.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_cache: Option<bool>,
    /// Log metadata, at most 5 scalar entries. Sent even when empty (as in the binding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Override the gateway's log collection for this request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collect_log: Option<bool>,
    /// Event id for tracing. An empty id is sent (as in the binding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Milliseconds until the first byte of the upstream answer. 0 is sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout_ms: Option<u64>,
    /// Gateway-side retries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retries: Option<GatewayRetries>,
    /// REST only: `cf-aig-custom-cost`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_cost: Option<CustomCost>,
    /// REST only: `cf-aig-collect-log-payload` (`false` keeps a log without bodies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collect_log_payload: Option<bool>,
    /// REST only: `cf-aig-byok-alias`, the stored provider key to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byok_alias: Option<String>,
    /// Header only: `cf-aig-zdr`, zero data retention for Unified Billing
    /// requests (overrides the gateway's setting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zdr: Option<bool>,
    /// Header only: `cf-aig-no-wholesale: true`, the request must use the
    /// caller's or a stored provider credential, never Unified Billing.
    /// `Some(false)` sends nothing (see [`NO_WHOLESALE_VALUE`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_wholesale: Option<bool>,
    /// Header only: `cf-aig-otel-trace-id`, 32 hex digits ([`otel::is_otel_id`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otel_trace_id: Option<String>,
    /// Header only: `cf-aig-otel-parent-span-id`, 16 hex digits ([`otel::is_otel_id`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otel_parent_span_id: Option<String>,
}

impl GatewayOptions {
    /// Options for gateway `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: Some(id.into()), ..Self::default() }
    }
    /// Sets the custom cache key.
    #[must_use]
    pub fn cache_key(mut self, key: impl Into<String>) -> Self {
        self.cache_key = Some(key.into());
        self
    }
    /// Sets the cache TTL in seconds.
    #[must_use]
    pub fn cache_ttl(mut self, seconds: u64) -> Self {
        self.cache_ttl = Some(seconds);
        self
    }
    /// Sets whether to bypass the cache.
    #[must_use]
    pub fn skip_cache(mut self, skip: bool) -> Self {
        self.skip_cache = Some(skip);
        self
    }
    /// Sets the log metadata.
    #[must_use]
    pub fn metadata(mut self, metadata: impl Into<Metadata>) -> Self {
        self.metadata = Some(metadata.into());
        self
    }
    /// Sets whether this request is logged.
    #[must_use]
    pub fn collect_log(mut self, collect: bool) -> Self {
        self.collect_log = Some(collect);
        self
    }
    /// Sets the event id.
    #[must_use]
    pub fn event_id(mut self, id: impl Into<String>) -> Self {
        self.event_id = Some(id.into());
        self
    }
    /// Sets the upstream first-byte timeout in milliseconds.
    #[must_use]
    pub fn request_timeout_ms(mut self, millis: u64) -> Self {
        self.request_timeout_ms = Some(millis);
        self
    }
    /// Sets the gateway-side retries.
    #[must_use]
    pub fn retries(mut self, retries: GatewayRetries) -> Self {
        self.retries = Some(retries);
        self
    }
    /// Sets the custom cost.
    #[must_use]
    pub fn custom_cost(mut self, cost: CustomCost) -> Self {
        self.custom_cost = Some(cost);
        self
    }
    /// Sets whether bodies are stored with the log.
    #[must_use]
    pub fn collect_log_payload(mut self, collect: bool) -> Self {
        self.collect_log_payload = Some(collect);
        self
    }
    /// Sets the BYOK key alias.
    #[must_use]
    pub fn byok_alias(mut self, alias: impl Into<String>) -> Self {
        self.byok_alias = Some(alias.into());
        self
    }

    /// Sets `cf-aig-zdr` (zero data retention).
    #[must_use]
    pub fn zdr(mut self, zdr: bool) -> Self {
        self.zdr = Some(zdr);
        self
    }
    /// Sets `cf-aig-no-wholesale` (`true`: never fall back to Unified Billing).
    #[must_use]
    pub fn no_wholesale(mut self, no_wholesale: bool) -> Self {
        self.no_wholesale = Some(no_wholesale);
        self
    }
    /// Sets the OpenTelemetry trace id (32 hex digits).
    #[must_use]
    pub fn otel_trace_id(mut self, trace_id: impl Into<String>) -> Self {
        self.otel_trace_id = Some(trace_id.into());
        self
    }
    /// Sets the OpenTelemetry parent span id (16 hex digits).
    #[must_use]
    pub fn otel_parent_span_id(mut self, span_id: impl Into<String>) -> Self {
        self.otel_parent_span_id = Some(span_id.into());
        self
    }

    /// Checks every value against its documented limit.
    pub fn validate(&self) -> Result<()> {
        if let Some(id) = &self.id {
            validate_gateway_id(id, "gateway.id")?;
        }
        if let Some(ttl) = self.cache_ttl {
            if ttl != 0 && !(MIN_CACHE_TTL_SECS..=MAX_CACHE_TTL_SECS).contains(&ttl) {
                return Err(Error::invalid(
                    "gateway.cacheTtl",
                    format!(
                        "must be 0 (not sent) or between {MIN_CACHE_TTL_SECS} and {MAX_CACHE_TTL_SECS} seconds, got {ttl}"
                    ),
                ));
            }
        }
        if let Some(metadata) = &self.metadata {
            metadata.validate("gateway.metadata")?;
            metadata.validate_for_header("gateway.metadata")?;
        }
        if let Some(retries) = &self.retries {
            retries.validate()?;
        }
        if let Some(cost) = &self.custom_cost {
            cost.validate("gateway.customCost")?;
        }
        for (field, value, len) in [
            ("gateway.otelTraceId", &self.otel_trace_id, otel::TRACE_ID_LEN),
            ("gateway.otelParentSpanId", &self.otel_parent_span_id, otel::PARENT_SPAN_ID_LEN),
        ] {
            if let Some(value) = value.as_deref().filter(|v| !otel::is_otel_id(v, len)) {
                return Err(Error::invalid(
                    field,
                    format!("must be {len} hex digits, not all zero (W3C Trace Context), got {value:?}"),
                ));
            }
        }
        for (field, value) in [
            ("gateway.cacheKey", &self.cache_key),
            ("gateway.eventId", &self.event_id),
            ("gateway.byokAlias", &self.byok_alias),
        ] {
            if let Some(value) = value {
                validate_header_value(|| field.to_owned(), value)?;
            }
        }
        Ok(())
    }

    /// The `cf-aig-*` request headers, in the binding's order and with its
    /// quirks: `cacheTtl: 0` and an empty `cacheKey` are not sent, while
    /// `requestTimeoutMs: 0`, an empty `eventId` and empty metadata are.
    /// The header-only options follow. Validates first.
    ///
    /// These are the headers of a provider-native route or the universal
    /// endpoint. Elsewhere the client leaves `cf-aig-byok-alias` out, as it
    /// has no effect there: the `workers-ai` route, the REST API host and the
    /// binding path (`cloudflare-2026.md` §5.4, §1.7).
    pub fn to_headers(&self) -> Result<Vec<(&'static str, String)>> {
        self.headers_for(ByokAlias::Applies)
    }

    /// [`to_headers`](Self::to_headers) for a route where the BYOK alias
    /// applies or not.
    pub(crate) fn headers_for(&self, alias: ByokAlias) -> Result<Vec<(&'static str, String)>> {
        self.validate()?;
        let mut out = Vec::new();
        self.push_binding_type_headers(&mut out);
        self.push_header_only(&mut out, alias);
        Ok(out)
    }

    /// The options over the binding protocol: the body's `options.gateway`
    /// and the headers of the options the binding type lacks (not
    /// `cf-aig-byok-alias`: the binding path uses only the `default` alias).
    /// Validates first.
    pub fn to_binding(&self) -> Result<(BindingGatewayOptions<'_>, Vec<(&'static str, String)>)> {
        self.validate()?;
        let mut headers = Vec::new();
        self.push_header_only(&mut headers, ByokAlias::Ignored);
        Ok((BindingGatewayOptions(self), headers))
    }

    /// Headers of the fields of the binding's `GatewayOptions` type.
    fn push_binding_type_headers(&self, out: &mut Vec<(&'static str, String)>) {
        if let Some(skip) = self.skip_cache {
            out.push((headers::SKIP_CACHE, skip.to_string()));
        }
        if let Some(ttl) = self.cache_ttl.filter(|t| *t != 0) {
            out.push((headers::CACHE_TTL, ttl.to_string()));
        }
        if let Some(metadata) = &self.metadata {
            out.push((headers::METADATA, metadata.to_header_value()));
        }
        if let Some(key) = self.cache_key.as_ref().filter(|k| !k.is_empty()) {
            out.push((headers::CACHE_KEY, key.clone()));
        }
        if let Some(collect) = self.collect_log {
            out.push((headers::COLLECT_LOG, collect.to_string()));
        }
        if let Some(id) = &self.event_id {
            out.push((headers::EVENT_ID, id.clone()));
        }
        if let Some(ms) = self.request_timeout_ms {
            out.push((headers::REQUEST_TIMEOUT, ms.to_string()));
        }
        if let Some(retries) = &self.retries {
            if let Some(n) = retries.max_attempts {
                out.push((headers::MAX_ATTEMPTS, n.to_string()));
            }
            if let Some(ms) = retries.retry_delay_ms {
                out.push((headers::RETRY_DELAY, ms.to_string()));
            }
            if let Some(b) = retries.backoff {
                out.push((headers::BACKOFF, b.as_str().to_owned()));
            }
        }
    }

    /// Headers of the options the binding's `GatewayOptions` type lacks
    /// (`cloudflare-2026.md` §2.3: "Nothing new"): the same on every transport.
    fn push_header_only(&self, out: &mut Vec<(&'static str, String)>, alias_use: ByokAlias) {
        if let Some(cost) = &self.custom_cost {
            out.push((headers::CUSTOM_COST, cost.to_header_value()));
        }
        if let Some(collect) = self.collect_log_payload {
            out.push((headers::COLLECT_LOG_PAYLOAD, collect.to_string()));
        }
        if let Some(alias) = self.byok_alias.as_ref().filter(|_| alias_use == ByokAlias::Applies) {
            out.push((headers::BYOK_ALIAS, alias.clone()));
        }
        if let Some(zdr) = self.zdr {
            out.push((headers::ZDR, zdr.to_string()));
        }
        if self.no_wholesale == Some(true) {
            out.push((headers::NO_WHOLESALE, NO_WHOLESALE_VALUE.to_owned()));
        }
        let (trace_id, span_id) = match (&self.otel_trace_id, &self.otel_parent_span_id) {
            (None, None) => otel::current_ids().map_or((None, None), |(t, s)| (Some(t), Some(s))),
            (trace_id, span_id) => (trace_id.clone(), span_id.clone()),
        };
        if let Some(trace_id) = trace_id {
            out.push((headers::OTEL_TRACE_ID, trace_id));
        }
        if let Some(span_id) = span_id {
            out.push((headers::OTEL_PARENT_SPAN_ID, span_id));
        }
    }
}

/// Whether `cf-aig-byok-alias` has an effect where a request goes; where it
/// has none it is not sent.
///
/// Cloudflare reads the alias on the gateway host's provider-native routes
/// (and the universal endpoint, whose steps are provider requests); the
/// binding path uses only the `default` alias, the REST API on the
/// Cloudflare API host does not take it (`cloudflare-2026.md` §5.4, §1.7,
/// the latter inferred), and the `workers-ai` route authenticates with the
/// Cloudflare API token, never a stored provider key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ByokAlias {
    /// Provider-native routes and the universal endpoint: sent.
    Applies,
    /// The `workers-ai` route, the REST API host, the binding: not sent.
    Ignored,
}

/// The one value `cf-aig-no-wholesale` is documented with.
///
/// Unconfirmed in the spec (§5.4 documents only `true`; `false` could not
/// loosen the gateway's `byok_only` anyway): we send the header only for
/// `no_wholesale: Some(true)`, and `Some(false)` sends nothing.
pub const NO_WHOLESALE_VALUE: &str = "true";

/// The binding's `GatewayOptions` JSON, from [`GatewayOptions::to_binding`]:
/// exactly the fields of the binding's type (`cloudflare-2026.md` §2.3), in
/// its order, so the body stays byte-exact with what the binding sends.
/// Every other option is a request header (see [`GatewayOptions`]).
#[derive(Debug, Clone, Copy)]
pub struct BindingGatewayOptions<'a>(&'a GatewayOptions);

impl Serialize for BindingGatewayOptions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Wire<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            id: Option<&'a String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            cache_key: Option<&'a String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            cache_ttl: Option<u64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            skip_cache: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            metadata: Option<&'a Metadata>,
            #[serde(skip_serializing_if = "Option::is_none")]
            collect_log: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            event_id: Option<&'a String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            request_timeout_ms: Option<u64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            retries: Option<&'a GatewayRetries>,
        }
        let o = self.0;
        Wire {
            id: o.id.as_ref(),
            cache_key: o.cache_key.as_ref(),
            cache_ttl: o.cache_ttl,
            skip_cache: o.skip_cache,
            metadata: o.metadata.as_ref(),
            collect_log: o.collect_log,
            event_id: o.event_id.as_ref(),
            request_timeout_ms: o.request_timeout_ms,
            retries: o.retries.as_ref(),
        }
        .serialize(serializer)
    }
}

/// Checks a gateway id: 1 to 64 characters of `[a-z0-9_]`, in groups joined by single `-`.
pub fn validate_gateway_id(id: &str, field: &str) -> Result<()> {
    let well_formed = !id.is_empty()
        && id.len() <= MAX_GATEWAY_ID_LEN
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        });
    if well_formed {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "gateway ids are 1 to {MAX_GATEWAY_ID_LEN} characters matching ^[a-z0-9_]+(?:-[a-z0-9_]+)*$, got {id:?}"
            ),
        ))
    }
}

/// Checks that `value` can travel as an HTTP header value.
pub(crate) fn validate_header_value(field: impl FnOnce() -> String, value: &str) -> Result<()> {
    // What `HeaderValue::from_str` accepts (visible ASCII, tab, bytes from
    // 0x80), checked without building one; `field` is named only on failure.
    let valid = value.bytes().all(|b| (b >= b' ' && b != 0x7f) || b == b'\t');
    if !valid {
        return Err(Error::invalid(field(), "must not contain control characters (not a valid header value)"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(options: &GatewayOptions) -> Vec<(&'static str, String)> {
        options.to_headers().unwrap()
    }

    #[test]
    fn binding_quirks() {
        let o = GatewayOptions::default().cache_ttl(0).cache_key("").event_id("").request_timeout_ms(0);
        assert_eq!(names(&o), vec![("cf-aig-event-id", String::new()), ("cf-aig-request-timeout", "0".to_owned())]);
        let o = GatewayOptions::default().metadata(Metadata::new()).skip_cache(false);
        assert_eq!(names(&o), vec![("cf-aig-skip-cache", "false".to_owned()), ("cf-aig-metadata", "{}".to_owned())]);
        // The id is never a header.
        assert!(names(&GatewayOptions::new("gw")).is_empty());
    }

    #[test]
    fn every_field_maps_in_table_order() {
        let o = GatewayOptions::new("gw")
            .cache_key("k")
            .cache_ttl(120)
            .skip_cache(true)
            .metadata(Metadata::new().with("a", 1))
            .collect_log(false)
            .event_id("e")
            .request_timeout_ms(1500)
            .retries(GatewayRetries::new().max_attempts(5).retry_delay_ms(5000).backoff(Backoff::Linear))
            .custom_cost(CustomCost::per_token(0.000_001, 2e-6))
            .collect_log_payload(false)
            .byok_alias("prod")
            .zdr(true)
            .no_wholesale(true)
            .otel_trace_id("4bf92f3577b34da6a3ce929d0e0e4736")
            .otel_parent_span_id("00f067aa0ba902b7");
        let got: Vec<String> = names(&o).into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
        assert_eq!(
            got,
            [
                "cf-aig-skip-cache: true",
                "cf-aig-cache-ttl: 120",
                "cf-aig-metadata: {\"a\":1}",
                "cf-aig-cache-key: k",
                "cf-aig-collect-log: false",
                "cf-aig-event-id: e",
                "cf-aig-request-timeout: 1500",
                "cf-aig-max-attempts: 5",
                "cf-aig-retry-delay: 5000",
                "cf-aig-backoff: linear",
                "cf-aig-custom-cost: {\"per_token_in\":0.000001,\"per_token_out\":0.000002}",
                "cf-aig-collect-log-payload: false",
                "cf-aig-byok-alias: prod",
                "cf-aig-zdr: true",
                "cf-aig-no-wholesale: true",
                "cf-aig-otel-trace-id: 4bf92f3577b34da6a3ce929d0e0e4736",
                "cf-aig-otel-parent-span-id: 00f067aa0ba902b7",
            ]
        );
    }

    #[test]
    fn limits_are_enforced_with_field_names() {
        let cases = [
            (GatewayOptions::new("Bad Id"), "gateway.id"),
            (GatewayOptions::new("a".repeat(65)), "gateway.id"),
            (GatewayOptions::new("a--b"), "gateway.id"),
            (GatewayOptions::default().cache_ttl(59), "gateway.cacheTtl"),
            (GatewayOptions::default().cache_ttl(MAX_CACHE_TTL_SECS + 1), "gateway.cacheTtl"),
            (GatewayOptions::default().retries(GatewayRetries::new().max_attempts(0)), "gateway.retries.maxAttempts"),
            (GatewayOptions::default().retries(GatewayRetries::new().max_attempts(6)), "gateway.retries.maxAttempts"),
            (
                GatewayOptions::default().retries(GatewayRetries::new().retry_delay_ms(5001)),
                "gateway.retries.retryDelayMs",
            ),
            (GatewayOptions::default().event_id("a\nb"), "gateway.eventId"),
            (GatewayOptions::default().custom_cost(CustomCost::Total { total_cost: -1.0 }), "gateway.customCost"),
        ];
        for (options, field) in cases {
            match options.validate() {
                Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{options:?}: expected invalid {field}, got {other:?}"),
            }
        }
        assert!(GatewayOptions::new("my_gateway-1").cache_ttl(60).validate().is_ok());
    }

    #[test]
    fn new_fields_round_trip_as_json() {
        let o = GatewayOptions::new("gw").zdr(false).no_wholesale(true).otel_trace_id("ab").otel_parent_span_id("cd");
        let text = serde_json::to_string(&o).unwrap();
        assert_eq!(text, r#"{"id":"gw","zdr":false,"noWholesale":true,"otelTraceId":"ab","otelParentSpanId":"cd"}"#);
        assert_eq!(serde_json::from_str::<GatewayOptions>(&text).unwrap(), o);
        // A cost with only cache rates is a per-token cost; a missing rate stays missing.
        let cost: CustomCost = serde_json::from_str(r#"{"per_cache_read_token":1e-7}"#).unwrap();
        assert_eq!(cost, CustomCost::Total { total_cost: 0.0 }.cache_read(1e-7));
        assert_eq!(cost.to_json(), r#"{"per_cache_read_token":1e-7}"#);
    }

    #[test]
    fn binding_body_shape() {
        let o = GatewayOptions::new("my-gateway").skip_cache(true);
        assert_eq!(js::to_string(&o).unwrap(), r#"{"id":"my-gateway","skipCache":true}"#);
        // Options the binding type lacks stay out of its body.
        let o = o.zdr(true).byok_alias("a").custom_cost(CustomCost::Total { total_cost: 1.0 });
        let (body, headers) = o.to_binding().unwrap();
        assert_eq!(js::to_string(&body).unwrap(), r#"{"id":"my-gateway","skipCache":true}"#);
        let names: Vec<&str> = headers.iter().map(|(k, _)| *k).collect();
        // The binding path uses only the `default` alias: no alias header.
        assert_eq!(names, ["cf-aig-custom-cost", "cf-aig-zdr"]);
    }
}
