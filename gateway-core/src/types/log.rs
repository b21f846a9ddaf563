//! `AiGatewayLog` and the logs list page.

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::metadata::Metadata;
use crate::provider::ProviderSlug;

/// A log's metadata as the server sent it.
///
/// The binding types it as an object, the REST API as a string, and whether
/// that string is JSON is undocumented: a string that parses as a JSON
/// object becomes [`Entries`](Self::Entries), any other string stays
/// [`Text`](Self::Text).
#[derive(Debug, Clone, PartialEq)]
pub enum LogMetadata {
    /// Scalar entries.
    Entries(Metadata),
    /// A string that is not a JSON object.
    Text(String),
}

impl LogMetadata {
    /// The entries, when the metadata is structured.
    pub fn entries(&self) -> Option<&Metadata> {
        match self {
            Self::Entries(m) => Some(m),
            Self::Text(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for LogMetadata {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor rather than an untagged enum: no buffering of the value first.
        struct MetadataVisitor;
        impl<'de> serde::de::Visitor<'de> for MetadataVisitor {
            type Value = LogMetadata;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("metadata as an object or a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(match serde_json::from_str::<Metadata>(text) {
                    Ok(m) if text.trim_start().starts_with('{') => LogMetadata::Entries(m),
                    _ => LogMetadata::Text(text.to_owned()),
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Metadata::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(LogMetadata::Entries)
            }
        }
        deserializer.deserialize_any(MetadataVisitor)
    }
}

impl Serialize for LogMetadata {
    /// REST shape: a string holding compact JSON.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Entries(m) => serializer.serialize_str(&m.to_json()),
            Self::Text(s) => serializer.serialize_str(s),
        }
    }
}

#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "non-negative, and float-to-int `as` saturates"
)]
fn whole_millis<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let value = f64::deserialize(d)?;
    if value.is_finite() && value >= 0.0 {
        // `as` saturates at the bounds of u64.
        Ok(value.round() as u64)
    } else {
        Err(serde::de::Error::custom(format!("duration must be a non-negative number of milliseconds, got {value}")))
    }
}

fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// One log entry: every field of the binding's `AiGatewayLog` (25 fields).
///
/// Decodes both the binding shape and the REST shape (metadata as an object
/// or a string, `null` token counts, the list form without heads and sizes).
/// Serializes in the REST shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AiGatewayLog {
    /// Log id (the `cf-aig-log-id` of the request).
    pub id: String,
    /// Provider slug.
    pub provider: ProviderSlug,
    /// Model name.
    pub model: String,
    /// Model type.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub model_type: Option<String>,
    /// Request path.
    pub path: String,
    /// Duration in milliseconds (fractions, which the binding's `number` allows, are rounded).
    #[serde(deserialize_with = "whole_millis")]
    pub duration: u64,
    /// Request type.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub request_type: Option<String>,
    /// Request content type.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub request_content_type: Option<String>,
    /// Upstream HTTP status (required in the binding, optional in REST).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub status_code: Option<u16>,
    /// Response content type.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub response_content_type: Option<String>,
    /// Whether the request succeeded.
    pub success: bool,
    /// Whether the answer came from the cache.
    pub cached: bool,
    /// Input tokens (absent or `null` when unknown).
    #[serde(default, deserialize_with = "nullable")]
    pub tokens_in: Option<u64>,
    /// Output tokens (absent or `null` when unknown).
    #[serde(default, deserialize_with = "nullable")]
    pub tokens_out: Option<u64>,
    /// Metadata sent with the request.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub metadata: Option<LogMetadata>,
    /// Index of the universal step this log belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub step: Option<u32>,
    /// Cost in USD.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub cost: Option<f64>,
    /// Whether the cost came from `cf-aig-custom-cost`.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub custom_cost: Option<bool>,
    /// Request size in bytes (not in list items).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub request_size: Option<u64>,
    /// Start of the stored request.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub request_head: Option<String>,
    /// Whether `request_head` is the whole request.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub request_head_complete: Option<bool>,
    /// Response size in bytes (not in list items).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub response_size: Option<u64>,
    /// Start of the stored response.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub response_head: Option<String>,
    /// Whether `response_head` is the whole response.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub response_head_complete: Option<bool>,
    /// When the request was made (RFC 3339 on the wire).
    pub created_at: Timestamp,
    /// The dynamic route the request went through, if any: a field of
    /// gateway-local's own (Cloudflare's logs have none), left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "nullable")]
    pub dynamic_route: Option<RouteTrace>,
}

/// Which dynamic route a logged request went through, as gateway-local
/// records it in the log's `dynamic_route` field (our own; Cloudflare's
/// logs have no such field): the route, its deployed version, and the
/// element ids walked from the start to the model node this log is of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RouteTrace {
    /// The route's name (`dynamic/{name}` was the model asked for).
    pub name: String,
    /// The deployed version that ran.
    pub version_id: String,
    /// Element ids from `start` to the model node this log is of, in order.
    pub path: Vec<String>,
}

impl RouteTrace {
    /// A trace of route `name` at `version_id` along `path`.
    pub fn new(name: impl Into<String>, version_id: impl Into<String>, path: Vec<String>) -> Self {
        Self { name: name.into(), version_id: version_id.into(), path }
    }
}

impl AiGatewayLog {
    /// A log with the required fields set and every optional one empty.
    pub fn new(
        id: impl Into<String>,
        provider: impl Into<ProviderSlug>,
        model: impl Into<String>,
        created_at: Timestamp,
    ) -> Self {
        Self {
            id: id.into(),
            provider: provider.into(),
            model: model.into(),
            model_type: None,
            path: String::new(),
            duration: 0,
            request_type: None,
            request_content_type: None,
            status_code: None,
            response_content_type: None,
            success: true,
            cached: false,
            tokens_in: None,
            tokens_out: None,
            metadata: None,
            step: None,
            cost: None,
            custom_cost: None,
            request_size: None,
            request_head: None,
            request_head_complete: None,
            response_size: None,
            response_head: None,
            response_head_complete: None,
            created_at,
            dynamic_route: None,
        }
    }
}

/// `result_info` of a logs list: page position and aggregates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[allow(missing_docs, reason = "field names are the documented aggregate names")]
pub struct ResultInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_duration: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens_in: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_tokens_in: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens_out: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_tokens_out: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_total_tokens: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_total_tokens: Option<f64>,
}

/// One page of logs.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LogPage {
    /// The logs (list items carry no heads or sizes).
    pub logs: Vec<AiGatewayLog>,
    /// Page position and aggregates.
    pub info: ResultInfo,
}

impl LogPage {
    /// A page of `logs` with its `info` (for a [`Gateway`](crate::Gateway) of your own).
    pub fn new(logs: Vec<AiGatewayLog>, info: ResultInfo) -> Self {
        Self { logs, info }
    }
    /// Whether a further page exists, judged from `result_info`.
    pub fn has_next(&self) -> bool {
        match (self.info.page, self.info.per_page, self.info.total_count) {
            (Some(page), Some(per_page), Some(total)) => page.saturating_mul(per_page) < total,
            _ => !self.logs.is_empty() && self.info.per_page.is_some_and(|p| self.logs.len() as u64 >= p),
        }
    }
}
