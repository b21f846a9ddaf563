//! Names of the headers AI Gateway reads and writes: the one place they are spelled.

/// Gateway token of an Authenticated Gateway (`Bearer <token>`).
pub const AUTHORIZATION: &str = "cf-aig-authorization";
/// Cache TTL in seconds.
pub const CACHE_TTL: &str = "cf-aig-cache-ttl";
/// Bypass the cache (`true`/`false`).
pub const SKIP_CACHE: &str = "cf-aig-skip-cache";
/// Custom cache key.
pub const CACHE_KEY: &str = "cf-aig-cache-key";
/// Log metadata, compact JSON object.
pub const METADATA: &str = "cf-aig-metadata";
/// Custom cost, compact JSON object.
pub const CUSTOM_COST: &str = "cf-aig-custom-cost";
/// Event (trace) id.
pub const EVENT_ID: &str = "cf-aig-event-id";
/// Per-request log collection override (`true`/`false`).
pub const COLLECT_LOG: &str = "cf-aig-collect-log";
/// Whether request and response bodies are stored with the log.
pub const COLLECT_LOG_PAYLOAD: &str = "cf-aig-collect-log-payload";
/// Milliseconds until the first byte of the upstream answer.
pub const REQUEST_TIMEOUT: &str = "cf-aig-request-timeout";
/// Maximum attempts per step (1 to 5).
pub const MAX_ATTEMPTS: &str = "cf-aig-max-attempts";
/// Milliseconds between attempts (at most 5000).
pub const RETRY_DELAY: &str = "cf-aig-retry-delay";
/// `constant`, `linear` or `exponential`.
pub const BACKOFF: &str = "cf-aig-backoff";
/// Stored provider key alias (BYOK).
pub const BYOK_ALIAS: &str = "cf-aig-byok-alias";
/// Zero data retention for Unified Billing requests (`true`/`false`).
pub const ZDR: &str = "cf-aig-zdr";
/// `true`: never fall back to Unified Billing (the caller's or a stored key only).
pub const NO_WHOLESALE: &str = "cf-aig-no-wholesale";
/// OpenTelemetry trace id, 32 hex digits.
pub const OTEL_TRACE_ID: &str = "cf-aig-otel-trace-id";
/// OpenTelemetry parent span id, 16 hex digits.
pub const OTEL_PARENT_SPAN_ID: &str = "cf-aig-otel-parent-span-id";
/// W3C Trace Context parent (`00-{trace id}-{span id}-{flags}`), sent
/// beside the two `cf-aig-otel-*` ids for tracers that read only the
/// standard header.
pub const TRACEPARENT: &str = "traceparent";

/// Response: id of the log written for this request. Opaque: a lowercase
/// `UUIDv7` since 2026-10-08, a ULID before; never parsed.
pub const LOG_ID: &str = "cf-aig-log-id";
/// Response: request id (equals the log id when one step answered).
pub const REQUEST_ID: &str = "cf-aig-request-id";
/// Response: `HIT` or `MISS`.
pub const CACHE_STATUS: &str = "cf-aig-cache-status";
/// Response: zero-based index of the universal step that answered.
pub const STEP: &str = "cf-aig-step";
/// Response: model that answered (on answers generally, not only dynamic routes).
pub const MODEL: &str = "cf-aig-model";
/// Response: provider slug that answered (on answers generally, not only dynamic routes).
pub const PROVIDER: &str = "cf-aig-provider";
/// Response: run id of a resumable stream.
pub const RUN_ID: &str = "cf-aig-run-id";
/// Response: Workers AI request id.
pub const AI_REQUEST_ID: &str = "cf-ai-req-id";

/// Header names whose values are credentials: redacted in `Debug` output.
pub const CREDENTIAL_HEADERS: &[&str] =
    &["authorization", AUTHORIZATION, "x-api-key", "api-key", "x-goog-api-key", "xi-api-key", "proxy-authorization"];

/// Whether `name` (any case) carries a credential.
pub fn is_credential(name: &str) -> bool {
    CREDENTIAL_HEADERS.iter().any(|c| c.eq_ignore_ascii_case(name))
}
