//! A `tracing` span per inference call (`Ai::run`, the REST API's calls,
//! `Gateway::run` and `provider_request`, streamed or not), with the
//! OpenTelemetry attributes of [`otel::attr`](crate::types::otel::attr):
//! `gen_ai.*` from the request, then the gateway's report (log id, cache
//! status, status, tokens) once the answer is in. A service that exports
//! `tracing` spans with `tracing-opentelemetry` sees each call as a client
//! span of its own trace; the call's headers are built inside the span, so
//! the `cf-aig-otel-*` ids and `traceparent` sent to the gateway name it and
//! the gateway's spans join the same trace.
//!
//! A streamed call's span ends when its stream starts (the gateway's report
//! is known then); the stream's tokens are not on it.

use std::future::Future;

use futures::FutureExt as _;
use futures::future::Either;
use tracing::Instrument as _;
use tracing::field::Empty;

use crate::error::Result;
use crate::response::{CacheStatus, GatewayMeta, GatewayResponse};
use crate::stream::EventStream;

/// The operation of `Ai::run`, which takes any model's input (text,
/// images, audio): the conventions' general `generate_content`.
pub(crate) const RUN_OPERATION: &str = "generate_content";

/// The `gen_ai.operation.name` of a call to a provider's `endpoint`.
pub(crate) fn operation_of(endpoint: &str) -> &'static str {
    crate::types::otel::operation_name(endpoint)
}

/// The span of one call: what it is (`gen_ai.operation.name`), the
/// provider and model it names, and the gateway it goes through.
///
/// The field names are [`otel::attr`](crate::types::otel::attr)'s (a test
/// checks they agree); `otel.name` and `otel.kind` are how
/// `tracing-opentelemetry` names a span and sets its kind.
pub(crate) fn call_span(
    operation: &str,
    provider: Option<&str>,
    model: Option<&str>,
    gateway_id: Option<&str>,
) -> tracing::Span {
    // Formatted only when a subscriber records the span.
    let name = SpanName { operation, model };
    tracing::info_span!(
        target: "gateway_core",
        "gen_ai",
        otel.name = %name,
        otel.kind = "client",
        otel.status_code = Empty,
        gen_ai.operation.name = operation,
        gen_ai.system = provider,
        gen_ai.provider.name = provider,
        gen_ai.request.model = model,
        gateway.id = gateway_id,
        gateway.log_id = Empty,
        gateway.cache_status = Empty,
        gen_ai.usage.input_tokens = Empty,
        gen_ai.usage.output_tokens = Empty,
        http.response.status_code = Empty,
        error.type = Empty,
    )
}

/// `otel.name`: `{operation} {model}`, or the operation alone.
struct SpanName<'a> {
    operation: &'a str,
    model: Option<&'a str>,
}

impl std::fmt::Display for SpanName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.model {
            Some(model) => write!(f, "{} {model}", self.operation),
            None => f.write_str(self.operation),
        }
    }
}

/// Runs `call` inside `span` and records its outcome on it.
///
/// A combinator rather than an `async fn`: the call's (large) future is
/// moved once, into it, instead of into an argument slot and again into
/// the state that awaits it.
pub(crate) fn traced<T: Outcome>(
    span: tracing::Span,
    call: impl Future<Output = Result<T>>,
) -> impl Future<Output = Result<T>> {
    // No subscriber wants the span: nothing to enter on each poll, nothing to record.
    if span.is_disabled() {
        return Either::Left(call);
    }
    Either::Right(call.instrument(span.clone()).map(move |result| {
        record_outcome(&span, &result);
        result
    }))
}

fn record_outcome<T: Outcome>(span: &tracing::Span, result: &Result<T>) {
    match result {
        Ok(value) => value.record_on(span),
        Err(error) => {
            if let Some(meta) = error.gateway_meta() {
                record_meta(span, meta);
            }
            let kind = error.status().map_or_else(|| error_kind(error), |status| status.to_string());
            span.record("error.type", kind.as_str());
            span.record("otel.status_code", "ERROR");
        }
    }
}

/// The `error.type` of a failure with no HTTP status.
fn error_kind(error: &crate::Error) -> String {
    let debug = format!("{error:?}");
    debug.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("error").to_owned()
}

fn record_meta(span: &tracing::Span, meta: &GatewayMeta) {
    span.record("http.response.status_code", meta.status);
    if let Some(log_id) = &meta.log_id {
        span.record("gateway.log_id", log_id.as_str());
    }
    match &meta.cache_status {
        Some(CacheStatus::Hit) => span.record("gateway.cache_status", "HIT"),
        Some(CacheStatus::Miss) => span.record("gateway.cache_status", "MISS"),
        Some(CacheStatus::Other(other)) => span.record("gateway.cache_status", other.as_str()),
        None => span,
    };
}

/// What a call's answer tells its span.
pub(crate) trait Outcome {
    /// Records the answer's report on `span`.
    fn record_on(&self, span: &tracing::Span);
}

impl Outcome for GatewayResponse {
    fn record_on(&self, span: &tracing::Span) {
        record_meta(span, &self.meta);
        if let Some((input, output)) = usage_of(&self.body) {
            span.record("gen_ai.usage.input_tokens", input);
            span.record("gen_ai.usage.output_tokens", output);
        }
    }
}

impl Outcome for EventStream {
    fn record_on(&self, span: &tracing::Span) {
        record_meta(span, &self.meta);
    }
}

impl<T: Outcome, U> Outcome for (T, U) {
    fn record_on(&self, span: &tracing::Span) {
        self.0.record_on(span);
    }
}

impl<T: Outcome, U, V> Outcome for (T, U, V) {
    fn record_on(&self, span: &tracing::Span) {
        self.0.record_on(span);
    }
}

/// The tokens a whole answer reports, in the shapes the gateway's providers
/// use: `usage.{prompt,completion}_tokens` (OpenAI Chat, Workers AI),
/// `usage.{input,output}_tokens` (Anthropic, OpenAI Responses),
/// `usageMetadata.{promptTokenCount,candidatesTokenCount}` (Google), also
/// under a `result` envelope.
fn usage_of(body: &[u8]) -> Option<(u64, u64)> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let value = value.get("result").filter(|r| r.is_object()).unwrap_or(&value);
    let count = |usage: &serde_json::Value, keys: &[&str]| keys.iter().find_map(|k| usage.get(*k)?.as_u64());
    if let Some(usage) = value.get("usage") {
        let input = count(usage, &["prompt_tokens", "input_tokens"])?;
        let output = count(usage, &["completion_tokens", "output_tokens"]).unwrap_or(0);
        return Some((input, output));
    }
    let usage = value.get("usageMetadata")?;
    Some((count(usage, &["promptTokenCount"])?, count(usage, &["candidatesTokenCount"])?))
}

/// The provider a model name implies: Workers AI for `@cf/...`, the author
/// of a catalog name (`openai/gpt-5.5`); none for a dynamic route (the
/// route picks it).
pub(crate) fn provider_of_model(model: &str) -> Option<&str> {
    if model.starts_with("@cf/") {
        return Some("workers-ai");
    }
    match model.split_once('/') {
        Some(("dynamic", _)) | None => None,
        Some((author, _)) => Some(author),
    }
}

/// The model a request body names (`"model"`), if any.
pub(crate) fn model_of_body(body: &serde_json::Value) -> Option<&str> {
    body.get("model")?.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_is_read_in_each_providers_shape() {
        let cases: [(&str, Option<(u64, u64)>); 5] = [
            (r#"{"usage":{"prompt_tokens":3,"completion_tokens":4}}"#, Some((3, 4))),
            (r#"{"usage":{"input_tokens":5,"output_tokens":6}}"#, Some((5, 6))),
            (r#"{"result":{"usage":{"prompt_tokens":1,"completion_tokens":2}},"success":true}"#, Some((1, 2))),
            (r#"{"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":8}}"#, Some((7, 8))),
            ("not json", None),
        ];
        for (body, expected) in cases {
            assert_eq!(usage_of(body.as_bytes()), expected, "{body}");
        }
    }

    #[test]
    fn providers_follow_the_model_name() {
        assert_eq!(provider_of_model("@cf/meta/llama-3.1-8b-instruct"), Some("workers-ai"));
        assert_eq!(provider_of_model("openai/gpt-5.5"), Some("openai"));
        assert_eq!(provider_of_model("dynamic/support"), None);
        assert_eq!(provider_of_model("gpt-4o"), None);
    }
}
