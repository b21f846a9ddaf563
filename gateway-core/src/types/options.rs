//! Gateway options and their mapping onto `cf-aig-*` request headers.

use serde::{Deserialize, Serialize};

use super::headers;
use super::metadata::Metadata;
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
    /// Price per input and output token.
    PerToken {
        /// Cost of one input token.
        #[serde(skip_serializing_if = "Option::is_none")]
        per_token_in: Option<f64>,
        /// Cost of one output token.
        #[serde(skip_serializing_if = "Option::is_none")]
        per_token_out: Option<f64>,
    },
}

impl CustomCost {
    /// Compact JSON, as the header carries it.
    pub fn to_json(&self) -> String {
        js::to_string(self).unwrap_or_default()
    }

    fn validate(&self, field: &str) -> Result<()> {
        let values = match *self {
            Self::PerToken { per_token_in, per_token_out } => [per_token_in, per_token_out],
            Self::Total { total_cost } => [Some(total_cost), None],
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
/// Every field of the binding's type, plus three request headers the REST
/// gateway reads that the binding type lacks (`custom_cost`,
/// `collect_log_payload`, `byok_alias`). Values are checked by
/// [`validate`](Self::validate) before any request is sent.
///
/// ```
/// use gateway_core::{GatewayOptions, GatewayRetries, Backoff, Metadata};
/// let options = GatewayOptions::new("my-gateway")
///     .cache_ttl(3600)
///     .metadata(Metadata::new().with("user", 123))
///     .retries(GatewayRetries::new().max_attempts(3).backoff(Backoff::Exponential));
/// let headers = options.to_headers().unwrap();
/// assert_eq!(headers[0], ("cf-aig-cache-ttl", "3600".to_owned()));
/// assert_eq!(headers[1], ("cf-aig-metadata", r#"{"user":123}"#.to_owned()));
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
        for (field, value) in [
            ("gateway.cacheKey", &self.cache_key),
            ("gateway.eventId", &self.event_id),
            ("gateway.byokAlias", &self.byok_alias),
        ] {
            if let Some(value) = value {
                validate_header_value(field, value)?;
            }
        }
        Ok(())
    }

    /// The `cf-aig-*` request headers, in the binding's order and with its
    /// quirks: `cacheTtl: 0` and an empty `cacheKey` are not sent, while
    /// `requestTimeoutMs: 0`, an empty `eventId` and empty metadata are.
    /// Validates first.
    pub fn to_headers(&self) -> Result<Vec<(&'static str, String)>> {
        self.validate()?;
        let mut out = Vec::new();
        if let Some(skip) = self.skip_cache {
            out.push((headers::SKIP_CACHE, skip.to_string()));
        }
        if let Some(ttl) = self.cache_ttl.filter(|t| *t != 0) {
            out.push((headers::CACHE_TTL, ttl.to_string()));
        }
        if let Some(metadata) = &self.metadata {
            out.push((headers::METADATA, metadata.to_json()));
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
        if let Some(cost) = &self.custom_cost {
            out.push((headers::CUSTOM_COST, cost.to_json()));
        }
        if let Some(collect) = self.collect_log_payload {
            out.push((headers::COLLECT_LOG_PAYLOAD, collect.to_string()));
        }
        if let Some(alias) = &self.byok_alias {
            out.push((headers::BYOK_ALIAS, alias.clone()));
        }
        Ok(out)
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
pub(crate) fn validate_header_value(field: &str, value: &str) -> Result<()> {
    if http::HeaderValue::from_str(value).is_err() {
        return Err(Error::invalid(field, "must not contain control characters (not a valid header value)"));
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
            .custom_cost(CustomCost::PerToken { per_token_in: Some(0.000_001), per_token_out: Some(2e-6) })
            .collect_log_payload(false)
            .byok_alias("prod");
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
    fn binding_body_shape() {
        let o = GatewayOptions::new("my-gateway").skip_cache(true);
        assert_eq!(js::to_string(&o).unwrap(), r#"{"id":"my-gateway","skipCache":true}"#);
    }
}
