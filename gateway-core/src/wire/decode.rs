//! Response decoding: JSON with failing paths, envelopes, and the mapping of
//! every error body the gateway, the v4 API, Workers AI or a provider sends
//! onto [`Error`].

use std::time::Duration;

use http::HeaderMap;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::config::GatewayCredential;
use crate::error::{ApiMessage, BlockedStage, Error, Result};
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
/// envelope (an object with both `result` and `success`), else the whole
/// body (binding backend, provider-native answers).
///
/// Read once in the usual cases: a body that never mentions both keys (a
/// provider's bare answer) is decoded directly, a Workers AI envelope
/// whose `result` fits in one pass; only a body that mentions them and does
/// not decode so is examined further. Keys are matched as written (a key
/// spelling plain letters as `\u` escapes is not looked for).
pub(crate) fn output<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    /// An envelope: `result` and `success` both present.
    #[derive(Deserialize)]
    struct Probe<T> {
        result: T,
        #[allow(dead_code, reason = "required, so only envelopes match")]
        success: serde::de::IgnoredAny,
    }
    if !may_be_envelope(body) {
        return json(body);
    }
    if let Ok(probe) = serde_json::from_slice::<Probe<T>>(body) {
        return Ok(probe.result);
    }
    // Not a matching envelope: an envelope whose `result` does not fit is an
    // error at `result…`, never a lenient decode of the envelope itself.
    if is_envelope(body) { envelope::<T>(body).map(|e| e.result) } else { json(body) }
}

/// Whether `body` mentions both `"result"` and `"success"`, as an
/// envelope's keys are written: a fast search that never misses one.
fn may_be_envelope(body: &[u8]) -> bool {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    static RESULT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"\"result\""));
    static SUCCESS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"\"success\""));
    RESULT.find(body).is_some() && SUCCESS.find(body).is_some()
}

/// Whether `body` is a JSON object with both `result` and `success` keys
/// (read without building anything).
fn is_envelope(body: &[u8]) -> bool {
    struct Keys;
    impl<'de> serde::de::Visitor<'de> for Keys {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<bool, A::Error> {
            // Each: (seen, not `null`); `null` counts as absent, as for an `Option` field.
            let (mut result, mut success) = ((false, false), (false, false));
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                let present = map.next_value::<Option<serde::de::IgnoredAny>>()?.is_some();
                let slot = match &*key {
                    "result" => &mut result,
                    "success" => &mut success,
                    _ => continue,
                };
                if slot.0 {
                    // A repeated key: the envelope's own decoding refuses it too.
                    return Err(serde::de::Error::duplicate_field("result or success"));
                }
                *slot = (true, present);
            }
            Ok(result.1 && success.1)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    serde::Deserializer::deserialize_map(&mut de, Keys).is_ok_and(|is| is) && de.end().is_ok()
}

/// What a request body's top level holds, for the REST API's `/ai/v1/*`:
/// its `model` string and whether it has a `stream` key, read in one pass
/// without building anything (strings are borrowed unless escaped).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct TopLevelKeys<'a> {
    /// The last `model` key's value when it is a string (as a `Value` keeps
    /// the last of repeated keys).
    pub(crate) model: Option<std::borrow::Cow<'a, str>>,
    /// Whether a `stream` key is there (any value).
    pub(crate) stream: bool,
}

impl<'a> TopLevelKeys<'a> {
    /// The keys of `body`; `None` unless it is one JSON object.
    pub(crate) fn of(body: &'a [u8]) -> Option<Self> {
        let mut de = serde_json::Deserializer::from_slice(body);
        let keys = serde::Deserializer::deserialize_map(&mut de, KeysVisitor).ok()?;
        de.end().ok().map(|()| keys)
    }
}

struct KeysVisitor;

impl<'de> serde::de::Visitor<'de> for KeysVisitor {
    type Value = TopLevelKeys<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let mut keys = TopLevelKeys::default();
        while let Some(key) = map.next_key::<MaybeStr<'de>>()? {
            match key.0.as_deref() {
                Some("model") => keys.model = map.next_value::<MaybeStr<'de>>()?.0,
                Some("stream") => {
                    keys.stream = true;
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(keys)
    }
}

/// A JSON string (borrowed where it can be), or `None` for any other value.
struct MaybeStr<'a>(Option<std::borrow::Cow<'a, str>>);

impl<'de> Deserialize<'de> for MaybeStr<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = MaybeStr<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
                Ok(MaybeStr(Some(std::borrow::Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Self::Value, E> {
                Ok(MaybeStr(Some(std::borrow::Cow::Owned(v.to_owned()))))
            }
            fn visit_bool<E>(self, _: bool) -> std::result::Result<Self::Value, E> {
                Ok(MaybeStr(None))
            }
            fn visit_i64<E>(self, _: i64) -> std::result::Result<Self::Value, E> {
                Ok(MaybeStr(None))
            }
            fn visit_u64<E>(self, _: u64) -> std::result::Result<Self::Value, E> {
                Ok(MaybeStr(None))
            }
            fn visit_f64<E>(self, _: f64) -> std::result::Result<Self::Value, E> {
                Ok(MaybeStr(None))
            }
            fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
                Ok(MaybeStr(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> std::result::Result<Self::Value, A::Error> {
                serde::de::IgnoredAny.visit_seq(seq).map(|_| MaybeStr(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> std::result::Result<Self::Value, A::Error> {
                serde::de::IgnoredAny.visit_map(map).map(|_| MaybeStr(None))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The Cloudflare API's own code for a missing or invalid API token.
const API_AUTHENTICATION: i64 = 10_000;

/// On the REST API, the API host's refusal of the API token (code 10000 in
/// the body's `errors` array, whatever else the body carries): the same
/// [`Error::Api`] as from the logs API on that host, never a provider's or
/// the gateway's failure. The only credential the client sends there is
/// that token.
fn api_authentication_error(body: Option<&Value>, call: Call<'_>) -> Option<Vec<ApiMessage>> {
    let errors = v4_errors(body).filter(|_| matches!(call, Call::RestApi { .. }))?;
    errors.first().is_some_and(|first| first.code == API_AUTHENTICATION).then_some(errors)
}

/// What kind of call failed: decides which variants an error body can map to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Call<'a> {
    /// `get_log` / `patch_log` / a log's stored bodies.
    Log { gateway_id: &'a str, log_id: &'a str },
    /// Other management calls (list, delete, URL).
    Management { gateway_id: &'a str },
    /// A model or provider call, through a gateway or not, and what it
    /// carried in `cf-aig-authorization` (for a 2009's advice).
    Inference { gateway_id: Option<&'a str>, credential: GatewayCredential },
    /// A call to the REST API on the Cloudflare API host (`POST /ai/run`,
    /// `/ai/v1/*`): 401/2009 there means the provider rejected the provider
    /// credential, and its error bodies are read as `cloudflare-2026.md` §1.8 says.
    RestApi { gateway_id: Option<&'a str> },
}

/// Maps a failed response onto the error a caller can act on.
pub(crate) fn classify(status: u16, headers: &HeaderMap, body: &[u8], call: Call<'_>) -> Error {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let text = || String::from_utf8_lossy(body).into_owned();
    let gateway_id = match call {
        Call::Log { gateway_id, .. } | Call::Management { gateway_id } => Some(gateway_id),
        Call::Inference { gateway_id, .. } | Call::RestApi { gateway_id } => gateway_id,
    };

    if status == 429 {
        let message = parsed.as_ref().and_then(first_message).unwrap_or_else(text);
        let retry_after = retry_after(headers);
        return if is_spend_limit(&message) {
            Error::SpendLimitExceeded { retry_after, message }
        } else {
            Error::RateLimited { retry_after, message }
        };
    }
    if let Some(errors) = api_authentication_error(parsed.as_ref(), call) {
        return Error::Api { status, errors };
    }
    if let Some(error) = parsed.as_ref().and_then(|body| gateway_error(body, call)) {
        return error.into_error(status, headers, gateway_id, call);
    }

    match call {
        Call::Inference { .. } | Call::RestApi { .. } => inference_error(status, headers, parsed.as_ref(), text()),
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

/// What tells a spend-limit 429 from a rate-limit 429.
///
/// Unconfirmed in the spec (§5.1: "any rule over budget → HTTP 429", body and
/// code not documented): we chose the message text. A 429 whose message
/// (from any known error shape, else the raw body) contains one of these,
/// in any case, is [`Error::SpendLimitExceeded`]; every other 429 is
/// [`Error::RateLimited`].
pub(crate) const SPEND_LIMIT_MARKERS: &[&str] = &["spend limit", "spending limit", "budget"];

/// Whether a 429's `message` reports a spend limit ([`SPEND_LIMIT_MARKERS`]).
pub(crate) fn is_spend_limit(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    SPEND_LIMIT_MARKERS.iter().any(|marker| message.contains(marker))
}

/// Whether `body` is an error the gateway answered itself (not a provider's),
/// in any shape of any call.
pub(crate) fn is_gateway_error(body: &[u8]) -> bool {
    let call = Call::RestApi { gateway_id: None };
    serde_json::from_slice::<Value>(body).ok().as_ref().and_then(|b| gateway_error(b, call)).is_some()
}

/// Whether a 429 `body` is a gateway spend limit (never worth retrying soon).
pub(crate) fn is_spend_limit_body(body: &[u8]) -> bool {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    is_spend_limit(&parsed.as_ref().and_then(first_message).unwrap_or_else(|| String::from_utf8_lossy(body).into()))
}

/// A gateway-originated error: `{"error":[{"code":…}]}` (gateway host),
/// `{"name":"AiGatewayError","internalCode":…}` (binding, REST API).
struct GatewayError {
    code: i64,
    message: String,
}

/// Codes only the gateway answers with: a body carrying one of them in
/// `internalCode` is the gateway's even without `name: "AiGatewayError"`.
const GATEWAY_CODES: &[i64] = &[2001, 2009, 2016, 2017, 2021, 2029, 2030, 7013];

/// The gateway's code and message, read in `cloudflare-2026.md` §1.8's
/// order: `internalCode`, `error[0].code` (or `error.code` when `error` is an
/// object), `errors[0].code`. The last two only count on the REST API and
/// only for [`GATEWAY_CODES`]: elsewhere they are a provider's or Workers
/// AI's own codes.
fn gateway_error(body: &Value, call: Call<'_>) -> Option<GatewayError> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
    let rest_api = matches!(call, Call::RestApi { .. });
    if let Some(code) = body.get("internalCode").and_then(Value::as_i64) {
        let named = body.get("name").and_then(Value::as_str) == Some("AiGatewayError");
        if named || GATEWAY_CODES.contains(&code) {
            let message = body.get("message").or_else(|| body.get("description"));
            return Some(GatewayError { code, message: text(message) });
        }
    }
    match body.get("error") {
        Some(Value::Array(items)) => {
            if let Some(first) = items.first() {
                let code = first.get("code").and_then(Value::as_i64).unwrap_or(0);
                return Some(GatewayError { code, message: text(first.get("message")) });
            }
        }
        Some(object @ Value::Object(_)) if rest_api => {
            if let Some(code) = object.get("code").and_then(Value::as_i64).filter(|c| GATEWAY_CODES.contains(c)) {
                return Some(GatewayError { code, message: text(object.get("message")) });
            }
        }
        _ => {}
    }
    let first = body.get("errors")?.as_array()?.first()?;
    let code = first.get("code").and_then(Value::as_i64).filter(|c| rest_api && GATEWAY_CODES.contains(c))?;
    Some(GatewayError { code, message: text(first.get("message")) })
}

impl GatewayError {
    /// The variant of `code` under `status`: the status decides first
    /// (2021 is credits only with 402, 2009 a provider credential only with
    /// 401 on the REST API, ...). The table is on [`Error`].
    fn into_error(self, status: u16, headers: &HeaderMap, gateway_id: Option<&str>, call: Call<'_>) -> Error {
        let message = self.message;
        let meta = || Box::new(GatewayMeta::from_headers(status, headers));
        match (status, self.code) {
            (_, 2001) => {
                Error::GatewayNotFound { status, gateway_id: gateway_id.unwrap_or_default().to_owned(), message }
            }
            (401, 2009) if matches!(call, Call::RestApi { .. }) => {
                Error::ProviderCredentialRejected { status, message, meta: meta() }
            }
            (_, 2009) => {
                let credential = match call {
                    Call::Inference { credential, .. } => credential,
                    // The REST API host and the logs API: the API token authenticates.
                    _ => GatewayCredential::ApiToken,
                };
                Error::GatewayUnauthorized { status, message, credential }
            }
            (402, 2021) => Error::InsufficientCredits { status, message, meta: meta() },
            (422 | 424, code @ (2016 | 2017)) => {
                let stage = match (status, code) {
                    (_, 2016) => Some(BlockedStage::Request),
                    (424, _) => Some(BlockedStage::Response),
                    _ => None,
                };
                Error::GuardrailsBlocked { status, code, stage, message, meta: meta() }
            }
            (503, 7013) => Error::GuardrailsUnavailable { status, message, meta: meta() },
            (400..=599, code @ (2029 | 2030)) => {
                let stage = if code == 2029 { BlockedStage::Request } else { BlockedStage::Response };
                Error::DlpBlocked { status, code, stage, message, meta: meta() }
            }
            (_, code) => Error::Gateway { status, code, message },
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

    /// The envelope is found wherever its keys are; bodies that only
    /// mention them elsewhere, or never, are the output themselves.
    #[test]
    fn outputs_are_unwrapped_only_from_envelopes() {
        #[derive(Debug, PartialEq, Deserialize)]
        struct Out {
            response: String,
        }
        let out = |text: &str| Out { response: text.to_owned() };
        let cases = [
            (r#"{"result":{"response":"a"},"success":true,"errors":[]}"#, "a"),
            // `success` first, `result` last: still an envelope.
            (r#"{"success":true,"errors":[],"result":{"response":"b"}}"#, "b"),
            // Bare answers, one mentioning both words inside its text.
            (r#"{"response":"c"}"#, "c"),
            (r#"{"response":"the \"result\" of \"success\""}"#, "the \"result\" of \"success\""),
            // `result` null: not an envelope, the body is the output.
            (r#"{"result":null,"success":true,"response":"d"}"#, "d"),
        ];
        for (body, expected) in cases {
            assert_eq!(output::<Out>(body.as_bytes()).unwrap(), out(expected), "{body}");
        }
        // An envelope whose `result` does not fit fails at `result…`, never decoding the envelope leniently.
        let error = output::<Out>(br#"{"result":{"text":"x"},"success":true,"response":"y"}"#).unwrap_err();
        assert!(matches!(&error, Error::Decode { path, .. } if path.starts_with("result")), "{error:?}");
        // A repeated key is refused as the envelope's decoder refuses it.
        assert!(output::<Out>(br#"{"result":{"response":"a"},"result":{},"success":true}"#).is_err());
    }

    /// Found by session 6: a bare list of two or more items was read as an
    /// envelope by position (`[result, success]`) and failed to decode.
    #[test]
    fn bare_lists_are_outputs_not_envelopes() {
        let lists: Vec<Vec<f32>> = output(b"[[0.5,1.0],[2.0]]").unwrap();
        assert_eq!(lists, vec![vec![0.5, 1.0], vec![2.0]]);
        let words: Vec<String> = output(br#"["result","success","x"]"#).unwrap();
        assert_eq!(words.len(), 3);
    }

    #[test]
    fn top_level_keys_are_read_without_a_value() {
        fn keys(body: &str) -> Option<TopLevelKeys<'_>> {
            TopLevelKeys::of(body.as_bytes())
        }
        let of = |model: Option<&str>, stream: bool| {
            Some(TopLevelKeys { model: model.map(|m| std::borrow::Cow::Owned(m.to_owned())), stream })
        };
        assert_eq!(
            keys(r#"{"model":"openai/gpt-5.5","messages":[{"model":"inner"}]}"#),
            of(Some("openai/gpt-5.5"), false)
        );
        // The last of repeated keys, as a `Value` keeps; escapes decoded; non-strings are no model.
        assert_eq!(keys(r#"{"model":"a","stream":false,"model":"b\u0021"}"#), of(Some("b!"), true));
        assert_eq!(keys(r#"{"model":5,"stream":null}"#), of(None, true));
        assert_eq!(keys(r#"{"model":{"id":"x"}}"#), of(None, false));
        for not_one_object in ["[]", "\"model\"", "{} {}", "{", ""] {
            assert_eq!(keys(not_one_object), None, "{not_one_object}");
        }
    }

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

    const REST_API: Call<'static> = Call::RestApi { gateway_id: Some("gw") };
    const GATEWAY_HOST: Call<'static> =
        Call::Inference { gateway_id: Some("gw"), credential: GatewayCredential::GatewayToken };

    /// The variant and first fields of `error`, from its `Debug` form (`GuardrailsBlocked { status: 424`).
    fn kind(error: &Error, fields: usize) -> String {
        let debug = format!("{error:?}");
        debug.split(", ").take(fields).collect::<Vec<_>>().join(", ")
    }

    /// The REST API's body as `cloudflare-2026.md` §1.8 reconstructs it.
    fn rest_body(code: i64) -> String {
        format!(
            r#"{{"success":false,"name":"AiGatewayError","internalCode":{code},"message":"m","error":[{{"code":{code},"message":"m"}}]}}"#
        )
    }

    #[test]
    fn codes_of_2026_branch_on_status_first() {
        let cases: &[(u16, i64, Call<'_>, &str)] = &[
            (401, 2009, REST_API, "ProviderCredentialRejected { status: 401"),
            (401, 2009, GATEWAY_HOST, "GatewayUnauthorized { status: 401"),
            (403, 2009, REST_API, "GatewayUnauthorized { status: 403"),
            (402, 2021, REST_API, "InsufficientCredits { status: 402"),
            (402, 2021, GATEWAY_HOST, "InsufficientCredits { status: 402"),
            (400, 2021, GATEWAY_HOST, "Gateway { status: 400, code: 2021"),
            (424, 2016, GATEWAY_HOST, "GuardrailsBlocked { status: 424, code: 2016, stage: Some(Request)"),
            (424, 2017, GATEWAY_HOST, "GuardrailsBlocked { status: 424, code: 2017, stage: Some(Response)"),
            (422, 2017, REST_API, "GuardrailsBlocked { status: 422, code: 2017, stage: None"),
            (500, 2017, REST_API, "Gateway { status: 500, code: 2017"),
            (503, 7013, REST_API, "GuardrailsUnavailable { status: 503"),
            (503, 7013, GATEWAY_HOST, "GuardrailsUnavailable { status: 503"),
            (400, 2029, GATEWAY_HOST, "DlpBlocked { status: 400, code: 2029, stage: Request"),
            (403, 2030, REST_API, "DlpBlocked { status: 403, code: 2030, stage: Response"),
        ];
        for &(status, code, call, expected) in cases {
            let error = classify_str(status, &rest_body(code), call);
            assert_eq!(kind(&error, expected.split(", ").count()), expected, "{status}/{code} {call:?}: {error}");
            assert_eq!(error.status(), Some(status));
        }
    }

    /// A refused API token on the REST API is the API host's error, in the
    /// v4 shape or in the REST API's own (`error` and `errors`) alike; off
    /// it, a Workers AI 10000 through a gateway stays the upstream's.
    #[test]
    fn rest_api_token_refusals_are_api_errors() {
        let v4 = r#"{"result":null,"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[]}"#;
        let rest = r#"{"success":false,"name":"AiGatewayError","internalCode":10000,"message":"Authentication error","error":[{"code":10000,"message":"Authentication error"}],"errors":[{"code":10000,"message":"Authentication error"}]}"#;
        for body in [v4, rest] {
            let error = classify_str(401, body, REST_API);
            let Error::Api { status: 401, errors } = &error else { panic!("{body}: {error:?}") };
            assert_eq!((errors[0].code, errors[0].message.as_str()), (10000, "Authentication error"));
        }
        assert_eq!(kind(&classify_str(401, v4, GATEWAY_HOST), 2), "UpstreamInference { status: 401, code: Some(10000)");
    }

    /// §1.8: `internalCode`, then `error[0].code` or `error.code`, then `errors[0].code`.
    #[test]
    fn rest_api_codes_are_read_in_the_documented_order() {
        let bodies = [
            r#"{"internalCode":2009,"error":[{"code":2001}]}"#,
            r#"{"error":[{"code":2009,"message":"m"}],"errors":[{"code":2001}]}"#,
            r#"{"error":{"code":2009,"message":"m"},"errors":[{"code":2001}]}"#,
            r#"{"success":false,"errors":[{"code":2009,"message":"m"}]}"#,
        ];
        for body in bodies {
            assert_eq!(
                kind(&classify_str(401, body, REST_API), 1),
                "ProviderCredentialRejected { status: 401",
                "{body}"
            );
        }
        // Off the REST API an `errors` array or an `error` object is the provider's or Workers AI's.
        assert_eq!(
            kind(&classify_str(401, bodies[3], GATEWAY_HOST), 2),
            "UpstreamInference { status: 401, code: Some(2009)"
        );
        let google = r#"{"error":{"code":401,"message":"API key not valid","status":"UNAUTHENTICATED"}}"#;
        assert_eq!(kind(&classify_str(401, google, REST_API), 2), "UpstreamInference { status: 401, code: Some(401)");
        assert_eq!(
            kind(&classify_str(401, google, GATEWAY_HOST), 2),
            "UpstreamInference { status: 401, code: Some(401)"
        );
        // An unknown code in `errors` on the REST API stays a Workers AI error.
        assert_eq!(
            kind(&classify_str(400, r#"{"errors":[{"code":5007,"message":"x"}]}"#, REST_API), 2),
            "UpstreamInference { status: 400, code: Some(5007)"
        );
    }

    #[test]
    fn spend_limits_are_told_from_rate_limits_by_their_message() {
        let cases = [
            (r#"{"error":[{"code":2003,"message":"Rate limited"}]}"#, "RateLimited"),
            ("Too Many Requests", "RateLimited"),
            (r#"{"error":[{"code":2046,"message":"Spend limit exceeded for this gateway"}]}"#, "SpendLimitExceeded"),
            (
                r#"{"name":"AiGatewayError","internalCode":2046,"message":"Gateway BUDGET reached"}"#,
                "SpendLimitExceeded",
            ),
            ("spending limit reached", "SpendLimitExceeded"),
        ];
        for (body, expected) in cases {
            let error = classify_str(429, body, GATEWAY_HOST);
            assert!(format!("{error:?}").starts_with(expected), "{body}: {error:?}");
            assert_eq!(is_spend_limit_body(body.as_bytes()), expected == "SpendLimitExceeded");
            assert_eq!(error.is_retryable(), expected == "RateLimited");
        }
    }

    #[test]
    fn messages_say_what_to_do() {
        let gateway = classify_str(401, &rest_body(2009), GATEWAY_HOST).to_string();
        assert!(gateway.contains("CF_AIG_TOKEN") && gateway.contains("was refused"), "{gateway}");
        // Nothing sent: the two variables that would send something.
        let nothing = Call::Inference { gateway_id: Some("gw"), credential: GatewayCredential::None };
        let nothing = classify_str(401, &rest_body(2009), nothing).to_string();
        assert!(nothing.contains("CLOUDFLARE_API_TOKEN") && nothing.contains("CF_AIG_TOKEN"), "{nothing}");
        let api_token = Call::Inference { gateway_id: Some("gw"), credential: GatewayCredential::ApiToken };
        let api_token = classify_str(401, &rest_body(2009), api_token).to_string();
        assert!(
            api_token.contains("CLOUDFLARE_API_TOKEN") && api_token.contains("AI Gateway permissions"),
            "{api_token}"
        );
        let provider = classify_str(401, &rest_body(2009), REST_API).to_string();
        assert!(provider.contains("provider rejected the provider credential"), "{provider}");
        assert!(!provider.contains("CF_AIG_TOKEN"), "{provider}");
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
            "{\"error\":{\"code\":2009}}",
            "{\"errors\":[{\"code\":2029}]}",
            "\u{0}\u{1}",
        ];
        for status in [0, 200, 400, 401, 404, 429, 500, 599, 999] {
            for body in bodies {
                for call in [
                    LOG,
                    Call::Management { gateway_id: "g" },
                    Call::Inference { gateway_id: None, credential: GatewayCredential::None },
                    REST_API,
                ] {
                    let _ = classify_str(status, body, call).to_string();
                }
            }
        }
    }
}
