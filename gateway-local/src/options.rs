//! `cf-aig-*` request headers: parsed, validated, and merged by precedence
//! (step headers and `config` > request headers > gateway settings).

use std::time::Duration;

use gateway_core::Backoff;
use gateway_core::types::headers as h;
use gateway_core::types::options::{MAX_ATTEMPTS, MAX_RETRY_DELAY_MS};
use gateway_core::types::universal::StepConfig;
use serde::Deserialize;
use serde_json::Value;

use crate::config::GatewaySettings;

/// Whether `name` (lowercase, as a header name is) is one of the gateway's
/// own headers, which it reads and never forwards: `cf-aig-*` and the two
/// cache headers without the prefix.
pub(crate) fn is_gateway_header(name: &str) -> bool {
    name.starts_with("cf-aig-") || name == "cf-cache-ttl" || name == "cf-skip-cache"
}

/// Docs: a request with a cache key but caching off is cached for 5 minutes.
pub(crate) const CACHE_KEY_DEFAULT_TTL: u64 = 300;
/// Most metadata entries kept (later ones dropped, as Cloudflare does).
pub(crate) const MAX_METADATA: usize = 5;

/// The stored key alias used when a request names none (spec §5.4).
pub(crate) const DEFAULT_BYOK_ALIAS: &str = "default";

/// `cf-aig-custom-cost` (spec §5.3): a total, or rates per token (USD),
/// the cache-token rates included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
pub(crate) struct CustomCost {
    pub(crate) total_cost: Option<f64>,
    pub(crate) per_token_in: Option<f64>,
    pub(crate) per_token_out: Option<f64>,
    pub(crate) per_cache_read_token: Option<f64>,
    pub(crate) per_cache_write_token: Option<f64>,
}

fn parse_custom_cost(name: &str, value: &str) -> Result<CustomCost, InvalidHeader> {
    let bad = |reason: String| InvalidHeader { name: name.to_owned(), reason };
    let cost: CustomCost = serde_json::from_str(value).map_err(|_| {
        bad("expected {\"per_token_in\":…,\"per_token_out\":…,\"per_cache_read_token\":…,\"per_cache_write_token\":…} \
             or {\"total_cost\":…} (numbers)"
            .to_owned())
    })?;
    let rates =
        [cost.total_cost, cost.per_token_in, cost.per_token_out, cost.per_cache_read_token, cost.per_cache_write_token];
    if let Some(v) = rates.into_iter().flatten().find(|v| !v.is_finite() || *v < 0.0) {
        return Err(bad(format!("costs must be finite and not negative, got {v}")));
    }
    Ok(cost)
}

/// Whether `value` is `len` hex digits.
fn is_hex(value: &str, len: usize) -> bool {
    value.len() == len && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `cf-aig-otel-parent-span-id`: 16 letters or digits.
///
/// Unconfirmed in the spec (§5.5: documented as 16 hex characters, but the
/// docs' own example holds non-hex letters, and rejection is undocumented):
/// we chose to accept any 16 ASCII letters or digits.
fn is_span_id(value: &str) -> bool {
    value.len() == 16 && value.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `cf-aig-byok-alias`: 1 to 64 letters, digits, `-`, `_` or `.` (ours:
/// the same rule as stored key aliases in the configuration).
pub(crate) fn is_alias(value: &str) -> bool {
    (1..=64).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

fn checked(name: &str, value: &str, ok: bool, expected: &str) -> Result<String, InvalidHeader> {
    if ok {
        Ok(value.to_owned())
    } else {
        Err(InvalidHeader { name: name.to_owned(), reason: format!("expected {expected}, got {value:?}") })
    }
}

/// Options one layer of headers sets.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HeaderOptions {
    pub(crate) cache_ttl: Option<u64>,
    pub(crate) skip_cache: Option<bool>,
    pub(crate) cache_key: Option<String>,
    /// Compact JSON of the first five entries.
    pub(crate) metadata: Option<String>,
    pub(crate) custom_cost: Option<CustomCost>,
    pub(crate) event_id: Option<String>,
    pub(crate) collect_log: Option<bool>,
    pub(crate) collect_log_payload: Option<bool>,
    pub(crate) request_timeout_ms: Option<u64>,
    pub(crate) max_attempts: Option<u8>,
    pub(crate) retry_delay_ms: Option<u64>,
    pub(crate) backoff: Option<Backoff>,
    pub(crate) zdr: Option<bool>,
    pub(crate) no_wholesale: Option<bool>,
    pub(crate) otel_trace_id: Option<String>,
    pub(crate) otel_parent_span_id: Option<String>,
    pub(crate) byok_alias: Option<String>,
}

/// A header that could not be accepted: its name and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InvalidHeader {
    pub(crate) name: String,
    pub(crate) reason: String,
}

fn parse_bool(name: &str, value: &str) -> Result<bool, InvalidHeader> {
    match value.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(InvalidHeader { name: name.to_owned(), reason: format!("expected true or false, got {value:?}") }),
    }
}

fn parse_u64(name: &str, value: &str) -> Result<u64, InvalidHeader> {
    value.trim().parse().map_err(|_| InvalidHeader {
        name: name.to_owned(),
        reason: format!("expected a non-negative integer, got {value:?}"),
    })
}

/// What a metadata value may be, alike on both routes that carry metadata
/// (the `cf-aig-metadata` header and a log patch's `metadata`): a string,
/// number, boolean or `null`, never a nested object or array. Cloudflare's
/// types put `null` in the value type of both (`GatewayOptions.metadata` and
/// `AiGatewayPatchLog.metadata`: `Record<string, number|string|boolean|null|bigint>`,
/// binding-api.md §4 and §6.1), so both accept it and store it as sent.
pub(crate) fn is_metadata_value(value: &Value) -> bool {
    !(value.is_object() || value.is_array())
}

/// The error of a metadata value [`is_metadata_value`] refuses, on both routes.
pub(crate) const METADATA_VALUE_REASON: &str =
    "metadata values must be strings, numbers, booleans or null (no nested objects)";

/// Keeps the first five scalar entries of a metadata object.
fn parse_metadata(name: &str, value: &str) -> Result<String, InvalidHeader> {
    let bad = |reason: &str| InvalidHeader { name: name.to_owned(), reason: reason.to_owned() };
    let parsed: Value = serde_json::from_str(value).map_err(|_| bad("expected a JSON object"))?;
    let Value::Object(map) = parsed else { return Err(bad("expected a JSON object")) };
    let mut kept = serde_json::Map::new();
    for (key, entry) in map {
        if !is_metadata_value(&entry) {
            return Err(bad(METADATA_VALUE_REASON));
        }
        if kept.len() < MAX_METADATA {
            kept.insert(key, entry);
        }
    }
    Ok(Value::Object(kept).to_string())
}

impl HeaderOptions {
    /// Reads every `cf-aig-*` header (and the deprecated `cf-cache-ttl`, `cf-skip-cache`).
    pub(crate) fn parse<'a>(headers: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, InvalidHeader> {
        let mut out = Self::default();
        for (name, value) in headers {
            let lower = name.to_ascii_lowercase();
            match lower.as_str() {
                h::CACHE_TTL | "cf-cache-ttl" => out.cache_ttl = Some(parse_u64(name, value)?),
                h::SKIP_CACHE | "cf-skip-cache" => out.skip_cache = Some(parse_bool(name, value)?),
                h::CACHE_KEY => out.cache_key = Some(value.to_owned()),
                h::METADATA => out.metadata = Some(parse_metadata(name, value)?),
                h::CUSTOM_COST => out.custom_cost = Some(parse_custom_cost(name, value)?),
                h::EVENT_ID => out.event_id = Some(value.to_owned()),
                h::COLLECT_LOG => out.collect_log = Some(parse_bool(name, value)?),
                h::COLLECT_LOG_PAYLOAD => out.collect_log_payload = Some(parse_bool(name, value)?),
                h::REQUEST_TIMEOUT => out.request_timeout_ms = Some(parse_u64(name, value)?),
                h::MAX_ATTEMPTS => {
                    let n = parse_u64(name, value)?;
                    let n = u8::try_from(n).ok().filter(|n| (1..=MAX_ATTEMPTS).contains(n)).ok_or_else(|| {
                        InvalidHeader {
                            name: name.to_owned(),
                            reason: format!("must be between 1 and {MAX_ATTEMPTS}, got {n}"),
                        }
                    })?;
                    out.max_attempts = Some(n);
                }
                h::RETRY_DELAY => {
                    let ms = parse_u64(name, value)?;
                    if ms > MAX_RETRY_DELAY_MS {
                        return Err(InvalidHeader {
                            name: name.to_owned(),
                            reason: format!("must be at most {MAX_RETRY_DELAY_MS} ms, got {ms}"),
                        });
                    }
                    out.retry_delay_ms = Some(ms);
                }
                h::BACKOFF => {
                    out.backoff = Some(match value.trim() {
                        "constant" => Backoff::Constant,
                        "linear" => Backoff::Linear,
                        "exponential" => Backoff::Exponential,
                        _ => {
                            return Err(InvalidHeader {
                                name: name.to_owned(),
                                reason: format!("expected constant, linear or exponential, got {value:?}"),
                            });
                        }
                    });
                }
                h::ZDR => out.zdr = Some(parse_bool(name, value)?),
                h::NO_WHOLESALE => out.no_wholesale = Some(parse_bool(name, value)?),
                h::OTEL_TRACE_ID => {
                    out.otel_trace_id = Some(checked(name, value, is_hex(value, 32), "32 hex digits")?);
                }
                h::OTEL_PARENT_SPAN_ID => {
                    out.otel_parent_span_id = Some(checked(name, value, is_span_id(value), "16 letters or digits")?);
                }
                h::BYOK_ALIAS => {
                    let expected = "1 to 64 letters, digits, `-`, `_` or `.`";
                    out.byok_alias = Some(checked(name, value, is_alias(value), expected)?);
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// Whether a third-party request must carry, or have stored, a provider
    /// credential: the gateway's `byok_only`, or `cf-aig-no-wholesale: true`
    /// (which cannot relax `byok_only`).
    pub(crate) fn requires_credential(&self, settings: &GatewaySettings) -> bool {
        settings.byok_only || self.no_wholesale == Some(true)
    }

    /// `self` with every option `higher` sets replaced.
    #[must_use]
    pub(crate) fn overlay(&self, higher: &Self) -> Self {
        Self {
            cache_ttl: higher.cache_ttl.or(self.cache_ttl),
            skip_cache: higher.skip_cache.or(self.skip_cache),
            cache_key: higher.cache_key.clone().or_else(|| self.cache_key.clone()),
            metadata: higher.metadata.clone().or_else(|| self.metadata.clone()),
            custom_cost: higher.custom_cost.or(self.custom_cost),
            event_id: higher.event_id.clone().or_else(|| self.event_id.clone()),
            collect_log: higher.collect_log.or(self.collect_log),
            collect_log_payload: higher.collect_log_payload.or(self.collect_log_payload),
            request_timeout_ms: higher.request_timeout_ms.or(self.request_timeout_ms),
            max_attempts: higher.max_attempts.or(self.max_attempts),
            retry_delay_ms: higher.retry_delay_ms.or(self.retry_delay_ms),
            backoff: higher.backoff.or(self.backoff),
            zdr: higher.zdr.or(self.zdr),
            no_wholesale: higher.no_wholesale.or(self.no_wholesale),
            otel_trace_id: higher.otel_trace_id.clone().or_else(|| self.otel_trace_id.clone()),
            otel_parent_span_id: higher.otel_parent_span_id.clone().or_else(|| self.otel_parent_span_id.clone()),
            byok_alias: higher.byok_alias.clone().or_else(|| self.byok_alias.clone()),
        }
    }
}

/// The options in force for one step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Effective {
    /// Seconds to cache a success; 0: not cached.
    pub(crate) cache_ttl: u64,
    pub(crate) skip_cache: bool,
    pub(crate) cache_key: Option<String>,
    pub(crate) metadata: Option<String>,
    pub(crate) custom_cost: Option<CustomCost>,
    pub(crate) event_id: Option<String>,
    pub(crate) collect_log: bool,
    pub(crate) collect_log_payload: bool,
    pub(crate) timeout: Option<Duration>,
    pub(crate) max_attempts: u8,
    pub(crate) retry_delay_ms: u64,
    pub(crate) backoff: Backoff,
}

impl Effective {
    /// Gateway settings, overlaid by `options` (request, then step headers) and the step's `config`.
    pub(crate) fn resolve(settings: &GatewaySettings, options: &HeaderOptions, config: Option<&StepConfig>) -> Self {
        let configured_ttl = options.cache_ttl.or(settings.cache_ttl).unwrap_or(0);
        let cache_ttl = if configured_ttl == 0 && options.cache_key.is_some() && options.cache_ttl.is_none() {
            CACHE_KEY_DEFAULT_TTL
        } else {
            configured_ttl
        };
        let timeout_ms = config.and_then(|c| c.request_timeout).or(options.request_timeout_ms);
        Self {
            cache_ttl,
            skip_cache: options.skip_cache.unwrap_or(false),
            cache_key: options.cache_key.clone(),
            metadata: options.metadata.clone(),
            custom_cost: options.custom_cost,
            event_id: options.event_id.clone(),
            collect_log: options.collect_log.unwrap_or(settings.collect_logs),
            collect_log_payload: options.collect_log_payload.unwrap_or(true),
            timeout: timeout_ms.map(Duration::from_millis),
            max_attempts: config
                .and_then(|c| c.max_attempts)
                .or(options.max_attempts)
                .unwrap_or(settings.retry_max_attempts)
                .clamp(1, MAX_ATTEMPTS),
            retry_delay_ms: config
                .and_then(|c| c.retry_delay)
                .or(options.retry_delay_ms)
                .unwrap_or(settings.retry_delay_ms)
                .min(MAX_RETRY_DELAY_MS),
            backoff: config.and_then(|c| c.backoff).or(options.backoff).unwrap_or(settings.retry_backoff),
        }
    }

    /// Whether the answer may come from, and go into, the cache.
    pub(crate) fn cacheable(&self) -> bool {
        self.cache_ttl > 0 && !self.skip_cache
    }

    /// The wait before retry number `retry` (1 for the first retry).
    pub(crate) fn delay_before(&self, retry: u32) -> Duration {
        let base = self.retry_delay_ms;
        let ms = match self.backoff {
            Backoff::Constant => base,
            Backoff::Linear => base.saturating_mul(u64::from(retry)),
            Backoff::Exponential => base.saturating_mul(1u64 << retry.saturating_sub(1).min(16)),
        };
        Duration::from_millis(ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_layers() {
        let request =
            HeaderOptions::parse([("cf-aig-cache-ttl", "3600"), ("cf-aig-max-attempts", "3"), ("x-other", "1")])
                .unwrap();
        let step = HeaderOptions::parse([("cf-aig-cache-ttl", "0")]).unwrap();
        let effective = Effective::resolve(&GatewaySettings::default(), &request.overlay(&step), None);
        assert_eq!(effective.cache_ttl, 0, "a step-level 0 turns caching off for that step");
        assert_eq!(effective.max_attempts, 3);
        let config = StepConfig::new().max_attempts(2).request_timeout(1000);
        let effective = Effective::resolve(&GatewaySettings::default(), &request, Some(&config));
        assert_eq!((effective.max_attempts, effective.timeout), (2, Some(Duration::from_secs(1))));
        assert!(effective.cacheable());
    }

    #[test]
    fn metadata_keeps_first_five_and_rejects_nesting() {
        let parsed = HeaderOptions::parse([("cf-aig-metadata", r#"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}"#)]).unwrap();
        assert_eq!(parsed.metadata.as_deref(), Some(r#"{"a":1,"b":2,"c":3,"d":4,"e":5}"#));
        assert!(HeaderOptions::parse([("cf-aig-metadata", r#"{"a":{"b":1}}"#)]).is_err());
        assert!(HeaderOptions::parse([("cf-aig-metadata", "[1]")]).is_err());
    }

    #[test]
    fn limits_and_backoff() {
        for (name, value) in [
            ("cf-aig-max-attempts", "6"),
            ("cf-aig-max-attempts", "0"),
            ("cf-aig-retry-delay", "5001"),
            ("cf-aig-backoff", "random"),
            ("cf-aig-skip-cache", "yes"),
            ("cf-aig-cache-ttl", "-1"),
        ] {
            let err = HeaderOptions::parse([(name, value)]).unwrap_err();
            assert_eq!(err.name, name);
        }
        let mut e = Effective::resolve(&GatewaySettings::default(), &HeaderOptions::default(), None);
        e.retry_delay_ms = 100;
        e.backoff = Backoff::Exponential;
        assert_eq!([1, 2, 3].map(|n| e.delay_before(n).as_millis()), [100, 200, 400]);
        e.backoff = Backoff::Linear;
        assert_eq!([1, 2, 3].map(|n| e.delay_before(n).as_millis()), [100, 200, 300]);
    }

    #[test]
    fn cache_key_alone_caches_for_five_minutes() {
        let options = HeaderOptions::parse([("cf-aig-cache-key", "k")]).unwrap();
        assert_eq!(Effective::resolve(&GatewaySettings::default(), &options, None).cache_ttl, 300);
    }

    #[test]
    fn options_cloudflare_added_are_validated() {
        let parsed = HeaderOptions::parse([
            ("cf-aig-zdr", "true"),
            ("cf-aig-no-wholesale", "true"),
            ("cf-aig-otel-trace-id", "4bf92f3577b34da6a3ce929d0e0e4736"),
            ("cf-aig-otel-parent-span-id", "a1b2c3d4e5f6g7h8"),
            ("cf-aig-byok-alias", "team-b"),
            (
                "cf-aig-custom-cost",
                r#"{"per_token_in":0.000001,"per_token_out":0.000002,"per_cache_read_token":0.0000001,"per_cache_write_token":0.0000005}"#,
            ),
        ])
        .unwrap();
        assert_eq!((parsed.zdr, parsed.no_wholesale), (Some(true), Some(true)));
        assert_eq!(parsed.otel_parent_span_id.as_deref(), Some("a1b2c3d4e5f6g7h8"), "the docs' own example passes");
        assert_eq!(parsed.byok_alias.as_deref(), Some("team-b"));
        let cost = parsed.custom_cost.unwrap();
        assert_eq!((cost.per_cache_read_token, cost.per_cache_write_token), (Some(0.000_000_1), Some(0.000_000_5)));
        assert!(parsed.requires_credential(&GatewaySettings::default()));
        let relaxed = HeaderOptions::parse([("cf-aig-no-wholesale", "false")]).unwrap();
        assert!(!relaxed.requires_credential(&GatewaySettings::default()));
        assert!(
            relaxed.requires_credential(&GatewaySettings::default().with_byok_only(true)),
            "cannot relax byok_only"
        );
        for (name, value) in [
            ("cf-aig-zdr", "yes"),
            ("cf-aig-no-wholesale", "1"),
            ("cf-aig-otel-trace-id", "4bf92f3577b34da6a3ce929d0e0e473"),
            ("cf-aig-otel-trace-id", "4bf92f3577b34da6a3ce929d0e0e473z"),
            ("cf-aig-otel-parent-span-id", "a1b2c3d4e5f6g7h"),
            ("cf-aig-otel-parent-span-id", "a1b2c3d4-5f6g7h8"),
            ("cf-aig-byok-alias", ""),
            ("cf-aig-byok-alias", "a b"),
            ("cf-aig-custom-cost", r#"{"per_cache_read_token":-1}"#),
            ("cf-aig-custom-cost", r#"{"per_cache_write_token":"x"}"#),
        ] {
            let err = HeaderOptions::parse([(name, value)]).unwrap_err();
            assert_eq!(err.name, name, "{value}");
        }
    }
}
