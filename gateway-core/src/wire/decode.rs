//! Response decoding: JSON with failing paths, envelopes, and the mapping of
//! every error body the gateway, the v4 API, Workers AI or a provider sends
//! onto [`Error`].

use std::time::Duration;

use http::HeaderMap;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{ApiMessage, Error, Result};
use crate::response::GatewayMeta;

/// How many bytes of a body an error keeps.
const BODY_START: usize = 256;

pub(crate) fn body_start(body: &[u8]) -> String {
    let end = body.len().min(BODY_START);
    String::from_utf8_lossy(&body[..end]).into_owned()
}

/// Whether a `content-type` names JSON (`application/json`, `…+json`), parameters ignored.
pub(crate) fn is_json_media_type(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json")
}

/// Decodes JSON, naming the failing path on error.
pub(crate) fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    // Fast path; the path-tracking decoder only runs to explain a failure.
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| decode_error(body, e.path().to_string(), e.into_inner()))?;
    de.end().map_err(|e| decode_error(body, ".".to_owned(), e))?;
    Ok(value)
}

fn decode_error(body: &[u8], path: String, source: serde_json::Error) -> Error {
    Error::Decode { path, body_start: body_start(body), source }
}

/// A v4 envelope's `result` (and `result_info` where present).
#[derive(Deserialize)]
pub(crate) struct Envelope<T> {
    pub(crate) result: T,
    #[serde(default)]
    pub(crate) result_info: Option<crate::types::log::ResultInfo>,
}

/// Decodes `{"result": T, ...}`, reporting paths from the root (`result.created_at`).
pub(crate) fn envelope<T: DeserializeOwned>(body: &[u8]) -> Result<Envelope<T>> {
    json(body)
}

/// Model output: the envelope's `result` when the body is a Workers AI
/// envelope, else the whole body (binding backend, provider-native answers).
pub(crate) fn output<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    /// An envelope: `result` and `success` both present.
    #[derive(Deserialize)]
    struct Probe<T> {
        result: T,
        #[allow(dead_code, reason = "required, so only envelopes match")]
        success: serde::de::IgnoredAny,
    }
    /// Which keys a body has, read without building anything.
    #[derive(Deserialize)]
    struct Keys {
        result: Option<serde::de::IgnoredAny>,
        success: Option<serde::de::IgnoredAny>,
    }
    if let Ok(probe) = serde_json::from_slice::<Probe<T>>(body) {
        return Ok(probe.result);
    }
    // Not a matching envelope: an envelope whose `result` does not fit is an
    // error at `result…`, never a lenient decode of the envelope itself.
    let is_envelope = serde_json::from_slice::<Keys>(body).is_ok_and(|k| k.result.is_some() && k.success.is_some());
    if is_envelope { envelope::<T>(body).map(|e| e.result) } else { json(body) }
}

/// What kind of call failed: decides which variants an error body can map to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Call<'a> {
    /// `get_log` / `patch_log` / a log's stored bodies.
    Log { gateway_id: &'a str, log_id: &'a str },
    /// Other management calls (list, delete, URL).
    Management { gateway_id: &'a str },
    /// A model or provider call, through a gateway or not.
    Inference { gateway_id: Option<&'a str> },
}

/// Maps a failed response onto the error a caller can act on.
pub(crate) fn classify(status: u16, headers: &HeaderMap, body: &[u8], call: Call<'_>) -> Error {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let text = || String::from_utf8_lossy(body).into_owned();
    let gateway_id = match call {
        Call::Log { gateway_id, .. } | Call::Management { gateway_id } => Some(gateway_id),
        Call::Inference { gateway_id } => gateway_id,
    };

    if status == 429 {
        let message = parsed.as_ref().and_then(first_message).unwrap_or_else(text);
        return Error::RateLimited { retry_after: retry_after(headers), message };
    }
    if let Some(error) = parsed.as_ref().and_then(gateway_error) {
        return error.into_error(status, gateway_id);
    }

    match call {
        Call::Inference { .. } => inference_error(status, headers, parsed.as_ref(), text()),
        Call::Log { log_id, .. } => {
            // The binding's parseError: no `errors` array means the raw body is the message.
            let Some(errors) = v4_errors(parsed.as_ref()) else {
                return Error::GatewayInternal { status, message: text() };
            };
            let message = errors.first().map(|e| e.message.clone()).filter(|m| !m.is_empty());
            if status == 404 {
                Error::LogNotFound {
                    log_id: log_id.to_owned(),
                    message: message.unwrap_or_else(|| "Log Not Found".to_owned()),
                }
            } else if (400..500).contains(&status) && !errors.is_empty() {
                Error::Api { status, errors }
            } else {
                Error::GatewayInternal { status, message: message.unwrap_or_else(|| "Internal Error".to_owned()) }
            }
        }
        Call::Management { .. } => match v4_errors(parsed.as_ref()) {
            Some(errors) if (400..500).contains(&status) && !errors.is_empty() => Error::Api { status, errors },
            Some(errors) => Error::GatewayInternal {
                status,
                message: errors
                    .first()
                    .map(|e| e.message.clone())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "Internal Error".to_owned()),
            },
            None => Error::GatewayInternal { status, message: text() },
        },
    }
}

/// A body's `errors` array as v4 messages (`None` when absent or not an array).
fn v4_errors(body: Option<&Value>) -> Option<Vec<ApiMessage>> {
    let items = body?.get("errors")?.as_array()?;
    Some(
        items
            .iter()
            .map(|item| ApiMessage {
                code: item.get("code").and_then(Value::as_i64).unwrap_or(0),
                message: item.get("message").and_then(Value::as_str).unwrap_or_default().to_owned(),
            })
            .collect(),
    )
}

/// The first human message any known error shape carries.
fn first_message(body: &Value) -> Option<String> {
    let from_array = |key: &str| body.get(key)?.as_array()?.first()?.get("message")?.as_str().map(str::to_owned);
    from_array("errors")
        .or_else(|| from_array("error"))
        .or_else(|| body.get("error")?.get("message")?.as_str().map(str::to_owned))
        .or_else(|| body.get("message")?.as_str().map(str::to_owned))
}

/// Whether `body` is an error the gateway answered itself (not a provider's).
pub(crate) fn is_gateway_error(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body).ok().as_ref().and_then(gateway_error).is_some()
}

/// A gateway-originated error: `{"error":[{"code":…}]}` (REST) or
/// `{"name":"AiGatewayError","internalCode":…}` (binding).
struct GatewayError {
    code: i64,
    message: String,
}

fn gateway_error(body: &Value) -> Option<GatewayError> {
    if let Some(first) = body.get("error").and_then(Value::as_array).and_then(|a| a.first()) {
        return Some(GatewayError {
            code: first.get("code").and_then(Value::as_i64).unwrap_or(0),
            message: first.get("message").and_then(Value::as_str).unwrap_or_default().to_owned(),
        });
    }
    let code = body.get("internalCode").and_then(Value::as_i64)?;
    let is_gateway = body.get("name").and_then(Value::as_str) == Some("AiGatewayError") || matches!(code, 2001 | 2009);
    is_gateway.then(|| GatewayError {
        code,
        message: body.get("message").and_then(Value::as_str).unwrap_or_default().to_owned(),
    })
}

impl GatewayError {
    fn into_error(self, status: u16, gateway_id: Option<&str>) -> Error {
        match self.code {
            2001 => Error::GatewayNotFound {
                status,
                gateway_id: gateway_id.unwrap_or_default().to_owned(),
                message: self.message,
            },
            2009 => Error::GatewayUnauthorized { status, message: self.message },
            code => Error::Gateway { status, code, message: self.message },
        }
    }
}

fn inference_error(status: u16, headers: &HeaderMap, body: Option<&Value>, text: String) -> Error {
    let meta = Box::new(GatewayMeta::from_headers(status, headers));
    let (code, name, message) = match body {
        // Binding backend: `{"internalCode":…,"name":…,"description":…}`.
        Some(b) if b.get("internalCode").and_then(Value::as_i64).is_some_and(|c| c != 0) => {
            let code = b.get("internalCode").and_then(Value::as_i64);
            let description =
                b.get("description").or_else(|| b.get("message")).and_then(Value::as_str).unwrap_or_default();
            let name = b.get("name").and_then(Value::as_str).map(str::to_owned);
            (code, name, format!("{}: {description}", code.unwrap_or_default()))
        }
        // Workers AI / v4 envelope: `{"errors":[{"code":…,"message":…}]}`.
        Some(b) if v4_errors(Some(b)).is_some_and(|e| !e.is_empty()) => {
            let first = v4_errors(Some(b))
                .and_then(|e| e.into_iter().next())
                .unwrap_or(ApiMessage { code: 0, message: String::new() });
            (Some(first.code), None, format!("{}: {}", first.code, first.message))
        }
        // OpenAI / Anthropic style: `{"error":{"message":…,"type":…,"code":…}}`.
        Some(b) if b.get("error").is_some_and(Value::is_object) => {
            let e = &b["error"];
            let message = e.get("message").and_then(Value::as_str).map_or_else(|| text.clone(), str::to_owned);
            let name = e.get("type").and_then(Value::as_str).map(str::to_owned);
            (e.get("code").and_then(Value::as_i64), name, message)
        }
        _ => (None, None, text),
    };
    Error::UpstreamInference { status, code, name, message, meta }
}

/// `retry-after` in seconds (HTTP dates are not followed).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?.trim();
    let seconds: f64 = value.parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(86_400.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify_str(status: u16, body: &str, call: Call<'_>) -> Error {
        classify(status, &HeaderMap::new(), body.as_bytes(), call)
    }

    const LOG: Call<'static> = Call::Log { gateway_id: "gw", log_id: "L1" };

    #[test]
    fn binding_parse_error_rules() {
        match classify_str(404, r#"{"errors":[{"code":7002,"message":"Not Found"}],"success":true}"#, LOG) {
            Error::LogNotFound { log_id, message } => {
                assert_eq!((log_id.as_str(), message.as_str()), ("L1", "Not Found"));
            }
            other => panic!("{other:?}"),
        }
        match classify_str(404, r#"{"errors":[],"success":false}"#, LOG) {
            Error::LogNotFound { message, .. } => assert_eq!(message, "Log Not Found"),
            other => panic!("{other:?}"),
        }
        // Not JSON, even on 404: internal error with the raw body.
        match classify_str(404, "nope", LOG) {
            Error::GatewayInternal { status: 404, message } => assert_eq!(message, "nope"),
            other => panic!("{other:?}"),
        }
        match classify_str(500, r#"{"errors":[{"code":7000,"message":"Internal Error"}],"success":true}"#, LOG) {
            Error::GatewayInternal { status: 500, message } => assert_eq!(message, "Internal Error"),
            other => panic!("{other:?}"),
        }
        match classify_str(500, r#"{"errors":[{"code":7000,"message":""}]}"#, LOG) {
            Error::GatewayInternal { message, .. } => assert_eq!(message, "Internal Error"),
            other => panic!("{other:?}"),
        }
        match classify_str(500, "null", LOG) {
            Error::GatewayInternal { message, .. } => assert_eq!(message, "null"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn retry_after_header() {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, "2".parse().unwrap());
        match classify(429, &headers, b"{}", LOG) {
            Error::RateLimited { retry_after, .. } => assert_eq!(retry_after, Some(Duration::from_secs(2))),
            other => panic!("{other:?}"),
        }
        headers.insert(http::header::RETRY_AFTER, "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap());
        assert_eq!(classify(429, &headers, b"slow down", LOG).retry_after(), None);
    }

    #[test]
    fn odd_bodies_never_panic() {
        let bodies = [
            "",
            "[]",
            "1",
            "\"x\"",
            "{\"errors\":5}",
            "{\"error\":[]}",
            "{\"error\":[1]}",
            "{\"internalCode\":\"x\"}",
            "\u{0}\u{1}",
        ];
        for status in [0, 200, 400, 401, 404, 429, 500, 599, 999] {
            for body in bodies {
                for call in [LOG, Call::Management { gateway_id: "g" }, Call::Inference { gateway_id: None }] {
                    let _ = classify_str(status, body, call).to_string();
                }
            }
        }
    }
}
