//! OpenTelemetry trace ids for `cf-aig-otel-trace-id` and
//! `cf-aig-otel-parent-span-id` (`cloudflare-2026.md` §5.5): how strictly a
//! caller's ids are checked, and how they are taken from the caller's current
//! trace when the caller did not set them.
//!
//! ```
//! use gateway_core::types::otel::{is_otel_id, TRACE_ID_LEN, PARENT_SPAN_ID_LEN};
//! assert!(is_otel_id("4bf92f3577b34da6a3ce929d0e0e4736", TRACE_ID_LEN));
//! assert!(is_otel_id("00f067aa0ba902b7", PARENT_SPAN_ID_LEN));
//! // The docs' example value has letters past `f`: refused.
//! assert!(!is_otel_id("a1b2c3d4e5f6g7h8", PARENT_SPAN_ID_LEN));
//! ```

use opentelemetry::trace::TraceContextExt as _;

/// Span attribute names: the OpenTelemetry semantic conventions for generative AI
/// (`gen_ai.*`) and the gateway's own (`gateway.*`), shared by
/// gateway-core's `tracing` spans and gateway-local's exported spans so both
/// say the same thing in the same words.
pub mod attr {
    /// What the call does: `chat`, `embeddings`, ... (`gen_ai` conventions).
    pub const OPERATION: &str = "gen_ai.operation.name";
    /// The provider slug (`openai`, `workers-ai`, ...), as the `gen_ai` conventions before 1.37 name it.
    pub const SYSTEM: &str = "gen_ai.system";
    /// The provider slug, as the `gen_ai` conventions name it since 1.37.
    pub const PROVIDER: &str = "gen_ai.provider.name";
    /// The provider slug, as Cloudflare's exporter names it (`cloudflare-2026.md` §5.5).
    pub const MODEL_PROVIDER: &str = "gen_ai.model.provider";
    /// The model the request names.
    pub const REQUEST_MODEL: &str = "gen_ai.request.model";
    /// Input (prompt) tokens.
    pub const INPUT_TOKENS: &str = "gen_ai.usage.input_tokens";
    /// Output (completion) tokens.
    pub const OUTPUT_TOKENS: &str = "gen_ai.usage.output_tokens";
    /// Cost in US dollars, as Cloudflare's exporter names it (§5.5).
    pub const COST: &str = "gen_ai.usage.cost";
    /// The HTTP status of the answer.
    pub const STATUS: &str = "http.response.status_code";
    /// Why the call failed (an HTTP status, `timeout`, ...).
    pub const ERROR_TYPE: &str = "error.type";
    /// The gateway id.
    pub const GATEWAY_ID: &str = "gateway.id";
    /// The request's `cf-aig-request-id`.
    pub const REQUEST_ID: &str = "gateway.request_id";
    /// The log id (`cf-aig-log-id`) of the step that answered.
    pub const LOG_ID: &str = "gateway.log_id";
    /// `HIT` or `MISS` (`cf-aig-cache-status`).
    pub const CACHE_STATUS: &str = "gateway.cache_status";
    /// The step that answered (0 for a single-provider request).
    pub const STEP: &str = "gateway.step";
    /// Which try of its step an upstream attempt is (1 for the first).
    pub const ATTEMPT: &str = "gateway.attempt";
    /// The dynamic route that ran (`dynamic/{name}`), its deployed version, and the path to the model node.
    pub const ROUTE: &str = "gateway.route";
    /// The deployed version of [`ROUTE`].
    pub const ROUTE_VERSION: &str = "gateway.route.version_id";
    /// Element ids from the route's start to the model node, joined with `/`.
    pub const ROUTE_PATH: &str = "gateway.route.path";
}

/// Hex digits of a trace id (`cf-aig-otel-trace-id`).
pub const TRACE_ID_LEN: usize = 32;
/// Hex digits of a parent span id (`cf-aig-otel-parent-span-id`).
pub const PARENT_SPAN_ID_LEN: usize = 16;

/// The `gen_ai.operation.name` of a request to a provider's `endpoint`
/// (a path relative to the provider's base URL, or a REST API path).
///
/// Chat Completions, Messages, `generateContent` and the Responses API are
/// `chat`; embeddings are `embeddings`; anything else (a provider's own
/// endpoint, Workers AI's `run/@cf/...` that takes any model's input) is
/// the conventions' general `generate_content`.
///
/// ```
/// use gateway_core::types::otel::operation_name;
/// assert_eq!(operation_name("v1/chat/completions"), "chat");
/// assert_eq!(operation_name("models/gemini-2.0-flash:generateContent?alt=sse"), "chat");
/// assert_eq!(operation_name("embeddings"), "embeddings");
/// assert_eq!(operation_name("run/@cf/meta/llama-3.1-8b-instruct"), "generate_content");
/// ```
pub fn operation_name(endpoint: &str) -> &'static str {
    let path = endpoint.split('?').next().unwrap_or(endpoint);
    if path.ends_with("chat/completions")
        || path.ends_with("messages")
        || path.ends_with("responses")
        || path.contains(":generateContent")
        || path.contains(":streamGenerateContent")
    {
        "chat"
    } else if path.ends_with("embeddings") {
        "embeddings"
    } else {
        "generate_content"
    }
}

/// Whether `value` is an OpenTelemetry id of `len` hex digits.
///
/// Unconfirmed in the spec (§5.5 documents "32 hex chars" and "16 hex chars",
/// shows an example with non-hex letters and does not say what the gateway
/// does with a malformed id): we chose the W3C Trace Context rule — exactly
/// `len` hex digits, either case, not all zeros (the all-zero id means "no
/// trace"). A value outside it is refused before sending
/// ([`Error::InvalidInput`](crate::Error::InvalidInput)), because an exporter
/// cannot link a span to it anyway.
pub fn is_otel_id(value: &str, len: usize) -> bool {
    value.len() == len && value.bytes().all(|b| b.is_ascii_hexdigit()) && value.bytes().any(|b| b != b'0')
}

/// The trace id and span id of the caller's current OpenTelemetry span
/// (`opentelemetry::Context::current()`), as lowercase hex, when that span
/// context is valid; `None` without an active trace.
pub fn current_ids() -> Option<(String, String)> {
    let context = opentelemetry::Context::current();
    let span = context.span();
    let span_context = span.span_context();
    span_context.is_valid().then(|| (span_context.trace_id().to_string(), span_context.span_id().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use opentelemetry::trace::{SpanContext, SpanId, TraceFlags, TraceId, TraceState};

    #[test]
    fn ids_are_hex_of_the_exact_length_and_not_zero() {
        assert!(is_otel_id("4BF92F3577B34DA6A3CE929D0E0E4736", TRACE_ID_LEN));
        for bad in ["", "4bf92f3577b34da6a3ce929d0e0e473", "4bf92f3577b34da6a3ce929d0e0e47360", &"0".repeat(32)] {
            assert!(!is_otel_id(bad, TRACE_ID_LEN), "{bad}");
        }
        assert!(!is_otel_id("00f067aa0ba902b ", PARENT_SPAN_ID_LEN));
    }

    #[test]
    fn current_ids_follow_the_attached_context() {
        assert_eq!(current_ids(), None);
        let span = SpanContext::new(
            TraceId::from_hex("4bf92f3577b34da6a3ce929d0e0e4736").unwrap(),
            SpanId::from_hex("00f067aa0ba902b7").unwrap(),
            TraceFlags::SAMPLED,
            true,
            TraceState::default(),
        );
        let guard = opentelemetry::Context::current().with_remote_span_context(span).attach();
        assert_eq!(current_ids(), Some(("4bf92f3577b34da6a3ce929d0e0e4736".to_owned(), "00f067aa0ba902b7".to_owned())));
        drop(guard);
        assert_eq!(current_ids(), None);
    }
}
