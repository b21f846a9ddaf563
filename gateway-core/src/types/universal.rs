//! Universal requests: one step or an ordered fallback list of steps.

use std::borrow::Cow;
use std::fmt;

use indexmap::IndexMap;
use secrecy::{ExposeSecret, SecretString};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::headers;
use super::metadata::Metadata;
use super::options::{Backoff, CustomCost, validate_header_value};
use crate::error::{Error, Result};
use crate::provider::ProviderSlug;
use crate::wire::js;

/// A value in a step's `headers`, converted to its wire form as the binding does:
/// strings unchanged, numbers in JavaScript formatting, booleans as
/// `"true"`/`"false"`, objects and arrays as compact JSON (non-ASCII
/// characters escaped as `\uXXXX`, as in every JSON-valued header), `null` kept as `null`.
#[derive(Clone)]
pub enum StepHeaderValue {
    /// Sent unchanged.
    String(String),
    /// A credential: sent unchanged, redacted in `Debug` output.
    Secret(SecretString),
    /// Sent as JavaScript's `Number.prototype.toString` writes it.
    Number(f64),
    /// Sent as `"true"` or `"false"`.
    Bool(bool),
    /// An object or array, sent as compact JSON text.
    Json(Value),
    /// Sent as JSON `null`.
    Null,
}

impl StepHeaderValue {
    /// The string that goes on the wire (`None` for `Null`).
    pub fn to_wire(&self) -> Option<String> {
        self.wire().map(Cow::into_owned)
    }

    /// [`to_wire`](Self::to_wire), borrowed where the value is a string already.
    fn wire(&self) -> Option<Cow<'_, str>> {
        match self {
            Self::String(s) => Some(Cow::Borrowed(s)),
            Self::Secret(s) => Some(Cow::Borrowed(s.expose_secret())),
            Self::Number(n) => Some(Cow::Owned(js::number_to_string(*n))),
            Self::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
            Self::Json(v) => Some(Cow::Owned(js::to_header_json(v).unwrap_or_default())),
            Self::Null => None,
        }
    }
}

impl fmt::Debug for StepHeaderValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::String(s) => fmt::Debug::fmt(s, f),
            Self::Secret(_) => f.write_str("[REDACTED]"),
            Self::Number(n) => fmt::Debug::fmt(n, f),
            Self::Bool(b) => fmt::Debug::fmt(b, f),
            Self::Json(v) => fmt::Debug::fmt(v, f),
            Self::Null => f.write_str("null"),
        }
    }
}

impl PartialEq for StepHeaderValue {
    fn eq(&self, other: &Self) -> bool {
        self.wire() == other.wire()
    }
}

// Besides `&str`, `String`, `bool` and `f64`, which every value enum takes:
value_from!(StepHeaderValue {
    SecretString => |v| Self::Secret(v),
    u32 => |v| Self::Number(f64::from(v)),
    i32 => |v| Self::Number(f64::from(v)),
});
impl From<Value> for StepHeaderValue {
    fn from(v: Value) -> Self {
        match v {
            Value::String(s) => Self::String(s),
            Value::Bool(b) => Self::Bool(b),
            Value::Null => Self::Null,
            Value::Number(n) => n.as_f64().map_or_else(|| Self::String(n.to_string()), Self::Number),
            other => Self::Json(other),
        }
    }
}
impl From<&Metadata> for StepHeaderValue {
    fn from(v: &Metadata) -> Self {
        Self::String(v.to_header_value())
    }
}
impl From<CustomCost> for StepHeaderValue {
    fn from(v: CustomCost) -> Self {
        Self::String(v.to_header_value())
    }
}

impl Serialize for StepHeaderValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.wire() {
            Some(s) => serializer.serialize_str(&s),
            None => serializer.serialize_unit(),
        }
    }
}

impl<'de> Deserialize<'de> for StepHeaderValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(Self::from)
    }
}

/// A step's headers, in insertion order (byte-exact bodies depend on it).
/// Names are kept as given; credential values are redacted in `Debug` output.
#[derive(Clone, Default, PartialEq)]
pub struct StepHeaders {
    entries: IndexMap<String, StepHeaderValue>,
}

impl StepHeaders {
    /// No headers.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds (or replaces, case-insensitively) a header.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<StepHeaderValue>) -> &mut Self {
        let name = name.into();
        let value = value.into();
        if let Some(existing) = self.entries.keys().find(|k| k.eq_ignore_ascii_case(&name)).cloned() {
            if existing == name {
                self.entries.insert(name, value);
            } else {
                let index = self.entries.get_index_of(&existing).unwrap_or(0);
                self.entries.shift_remove(&existing);
                self.entries.shift_insert(index, name, value);
            }
        } else {
            self.entries.insert(name, value);
        }
        self
    }
    /// The header named `name` (any case).
    pub fn get(&self, name: &str) -> Option<&StepHeaderValue> {
        self.entries.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }
    /// Headers in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &StepHeaderValue)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }
    /// Number of headers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl fmt::Debug for StepHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (k, v) in &self.entries {
            if headers::is_credential(k) {
                map.entry(k, &format_args!("[REDACTED]"));
            } else {
                map.entry(k, v);
            }
        }
        map.finish()
    }
}

impl Serialize for StepHeaders {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for StepHeaders {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self { entries: IndexMap::deserialize(deserializer)? })
    }
}

impl<K: Into<String>, V: Into<StepHeaderValue>> FromIterator<(K, V)> for StepHeaders {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut headers = Self::new();
        for (k, v) in iter {
            headers.insert(k, v);
        }
        headers
    }
}

/// Per-step request handling of the REST universal endpoint (`config`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StepConfig {
    /// Milliseconds until the first byte before moving on to the next step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout: Option<u64>,
    /// Attempts for this step (1 to 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u8>,
    /// Milliseconds between attempts (at most 5000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay: Option<u64>,
    /// Delay growth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backoff: Option<Backoff>,
}

impl StepConfig {
    /// No settings.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the first-byte timeout for this step.
    #[must_use]
    pub fn request_timeout(mut self, millis: u64) -> Self {
        self.request_timeout = Some(millis);
        self
    }
    /// Sets the attempts for this step.
    #[must_use]
    pub fn max_attempts(mut self, attempts: u8) -> Self {
        self.max_attempts = Some(attempts);
        self
    }
    /// Sets the delay between attempts.
    #[must_use]
    pub fn retry_delay(mut self, millis: u64) -> Self {
        self.retry_delay = Some(millis);
        self
    }
    /// Sets the backoff.
    #[must_use]
    pub fn backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = Some(backoff);
        self
    }
}

/// `AIGatewayUniversalRequest`: one step of a universal request.
///
/// Serializes with the binding's field order (`provider`, `endpoint`,
/// `headers`, `query`; `config` last when set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UniversalStep {
    /// Provider slug.
    pub provider: ProviderSlug,
    /// Path relative to the provider's base URL.
    pub endpoint: String,
    /// Provider credentials and per-step `cf-aig-*` overrides.
    #[serde(default)]
    pub headers: StepHeaders,
    /// The provider request body, forwarded unchanged.
    pub query: Value,
    /// Per-step request handling (REST universal endpoint only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<StepConfig>,
}

impl UniversalStep {
    /// A step with no headers.
    pub fn new(provider: impl Into<ProviderSlug>, endpoint: impl Into<String>, query: Value) -> Self {
        Self { provider: provider.into(), endpoint: endpoint.into(), headers: StepHeaders::new(), query, config: None }
    }
    /// Adds a header to the step.
    #[must_use]
    pub fn header(mut self, name: impl Into<String>, value: impl Into<StepHeaderValue>) -> Self {
        self.headers.insert(name, value);
        self
    }
    /// Sets the per-step config.
    #[must_use]
    pub fn config(mut self, config: StepConfig) -> Self {
        self.config = Some(config);
        self
    }

    /// Checks the step before sending; `index` names it in errors.
    pub fn validate(&self, index: usize) -> Result<()> {
        if self.provider.as_str().is_empty() {
            return Err(Error::invalid(format!("steps[{index}].provider"), "must not be empty"));
        }
        for (name, value) in self.headers.iter() {
            // Named only in an error.
            let field = || format!("steps[{index}].headers.{name}");
            if http::HeaderName::from_bytes(name.as_bytes()).is_err() {
                return Err(Error::invalid(field(), "not a valid header name"));
            }
            if let Some(wire) = value.wire() {
                validate_header_value(field, &wire)?;
            }
            if let StepHeaderValue::Number(n) = value {
                if !n.is_finite() {
                    return Err(Error::invalid(field(), format!("number must be finite, got {n}")));
                }
            }
        }
        if let Some(config) = &self.config {
            let field = format!("steps[{index}].config");
            if let Some(n) = config.max_attempts {
                if !(1..=super::options::MAX_ATTEMPTS).contains(&n) {
                    return Err(Error::invalid(
                        format!("{field}.maxAttempts"),
                        format!("must be between 1 and 5, got {n}"),
                    ));
                }
            }
            if let Some(ms) = config.retry_delay {
                if ms > super::options::MAX_RETRY_DELAY_MS {
                    return Err(Error::invalid(
                        format!("{field}.retryDelay"),
                        format!("must be at most 5000 ms, got {ms}"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// What [`Gateway::run`](crate::Gateway::run) takes: one step, or an ordered
/// fallback list tried first to last. Always sent as a JSON array.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UniversalRequest {
    steps: Vec<UniversalStep>,
}

impl UniversalRequest {
    /// A fallback list.
    pub fn new(steps: Vec<UniversalStep>) -> Self {
        Self { steps }
    }
    /// The steps in order.
    pub fn steps(&self) -> &[UniversalStep] {
        &self.steps
    }
    /// Checks every step; an empty list is rejected.
    pub fn validate(&self) -> Result<()> {
        if self.steps.is_empty() {
            return Err(Error::invalid("steps", "a universal request needs at least one step"));
        }
        self.steps.iter().enumerate().try_for_each(|(i, s)| s.validate(i))
    }
    /// The body exactly as the binding writes it: a compact JSON array.
    pub fn to_body(&self) -> Result<Vec<u8>> {
        self.validate()?;
        js::to_vec(&self.steps).map_err(|e| Error::invalid("steps", format!("cannot be serialized: {e}")))
    }
}

impl From<UniversalStep> for UniversalRequest {
    fn from(step: UniversalStep) -> Self {
        Self { steps: vec![step] }
    }
}

impl From<Vec<UniversalStep>> for UniversalRequest {
    fn from(steps: Vec<UniversalStep>) -> Self {
        Self { steps }
    }
}

impl<const N: usize> From<[UniversalStep; N]> for UniversalRequest {
    fn from(steps: [UniversalStep; N]) -> Self {
        Self { steps: steps.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn header_values_are_stringified_like_the_binding() {
        let step = UniversalStep::new("openai", "chat/completions", json!({}))
            .header("n", 123)
            .header("f", 1.22)
            .header("b", false)
            .header("o", json!({"a": [1, 2.5]}))
            .header("z", StepHeaderValue::Null);
        let body = String::from_utf8(UniversalRequest::from(step).to_body().unwrap()).unwrap();
        assert_eq!(
            body,
            r#"[{"provider":"openai","endpoint":"chat/completions","headers":{"n":"123","f":"1.22","b":"false","o":"{\"a\":[1,2.5]}","z":null},"query":{}}]"#
        );
    }

    #[test]
    fn credentials_are_redacted_in_debug() {
        let step = UniversalStep::new("openai", "x", json!({}))
            .header("Authorization", "Bearer sk-very-secret")
            .header("x-api-key", SecretString::from("sk-other-secret"));
        let debug = format!("{step:?}");
        assert!(!debug.contains("very-secret") && !debug.contains("other-secret"), "{debug}");
        assert!(debug.contains("[REDACTED]"));
    }

    #[test]
    fn replacing_a_header_is_case_insensitive_and_keeps_position() {
        let mut h = StepHeaders::new();
        h.insert("A", "1").insert("Content-Type", "x").insert("B", "2").insert("content-type", "y");
        let names: Vec<_> = h.iter().map(|(k, v)| format!("{k}={}", v.to_wire().unwrap())).collect();
        assert_eq!(names, ["A=1", "content-type=y", "B=2"]);
    }

    #[test]
    fn invalid_steps_are_rejected() {
        assert!(UniversalRequest::new(vec![]).validate().is_err());
        let bad = UniversalStep::new("openai", "x", json!({})).header("bad name", "v");
        let err = UniversalRequest::from(bad).validate().unwrap_err().to_string();
        assert!(err.contains("steps[0].headers.bad name"), "{err}");
        // Header values are checked as `http` checks them: no control characters, any other byte.
        let bad = UniversalStep::new("openai", "x", json!({})).header("x-note", "a\nb");
        let err = UniversalRequest::from(bad).validate().unwrap_err().to_string();
        assert!(err.contains("steps[0].headers.x-note") && err.contains("control characters"), "{err}");
        let fine = UniversalStep::new("openai", "x", json!({})).header("x-note", "é\tok").header("n", 1.5);
        UniversalRequest::from(fine).validate().unwrap();
        let bad = UniversalStep::new("openai", "x", json!({})).config(StepConfig::new().max_attempts(9));
        assert!(UniversalRequest::from(bad).validate().unwrap_err().to_string().contains("maxAttempts"));
    }
}
