//! What gateway-local tells monitoring systems of the requests it runs:
//! Prometheus metrics (`GET /metrics`) and OpenTelemetry spans exported over
//! OTLP/HTTP (protobuf), both fed from one place, [`Telemetry::step_done`],
//! which the engine calls where each step's log record is built (logged or
//! not).
//!
//! Spans: one per request the engine runs (kind server, from its first step
//! until its answer, a stream's included, has gone), continuing the caller's
//! trace ([`caller_parent`]), and one per upstream attempt (kind client), a
//! child of the request's span. Both carry the `gen_ai` semantic conventions'
//! attributes and the gateway's own ([`gateway_core::types::otel::attr`]).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher as _, RandomState};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};
use std::time::Duration;

use axum::http::HeaderMap;
use bytes::Bytes;
use gateway_core::types::otel::attr;
use opentelemetry::propagation::TextMapPropagator as _;
use opentelemetry::trace::{
    Span as _, SpanContext, SpanId, SpanKind, Status, TraceContextExt as _, TraceFlags, TraceId, TraceState,
    Tracer as _, TracerProvider as _,
};
use opentelemetry::{Context, KeyValue};
use opentelemetry_otlp::{WithExportConfig as _, WithHttpConfig as _};
use opentelemetry_sdk::trace::{SdkTracer, SdkTracerProvider};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::config::LocalConfig;
use crate::options::HeaderOptions;
use crate::proxy::RequestContext;
use crate::store::LogRecord;

/// What telemetry reports of a step: its log record's small fields, taken
/// before the record goes to the store.
#[derive(Debug, Clone)]
pub(crate) struct StepDone {
    gateway: String,
    provider: String,
    model: String,
    status_code: u16,
    success: bool,
    cached: bool,
    tokens_in: Option<u64>,
    tokens_out: Option<u64>,
    cost: Option<f64>,
    duration_ms: u64,
    step: Option<u32>,
    route: Option<gateway_core::RouteTrace>,
    metadata: Option<String>,
}

impl StepDone {
    /// What `record` says of its step.
    pub(crate) fn of(record: &LogRecord) -> Self {
        Self {
            gateway: record.gateway.clone(),
            provider: record.provider.clone(),
            model: record.model.clone(),
            status_code: record.status_code,
            success: record.success,
            cached: record.cached,
            tokens_in: record.tokens_in,
            tokens_out: record.tokens_out,
            cost: record.cost,
            duration_ms: record.duration_ms,
            step: record.step,
            route: record.route.clone(),
            metadata: record.metadata.clone(),
        }
    }
}

/// The OTLP/HTTP traces URL for a collector's base URL (as
/// `OTEL_EXPORTER_OTLP_ENDPOINT` writes it): `{base}/v1/traces`; `Err` says
/// what is wrong with it.
pub(crate) fn traces_url(base: &str) -> Result<String, String> {
    let url = url::Url::parse(base).map_err(|e| format!("otlp_endpoint {base:?} is not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("otlp_endpoint must be an http or https URL, got {base:?}"));
    }
    Ok(format!("{}/v1/traces", base.trim_end_matches('/')))
}

/// The gateway's metrics and span exporter.
pub(crate) struct Telemetry {
    metrics: Metrics,
    export: Option<Export>,
}

impl std::fmt::Debug for Telemetry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Telemetry").field("exporting_spans", &self.export.is_some()).finish_non_exhaustive()
    }
}

/// Spans going to an OTLP collector.
struct Export {
    provider: SdkTracerProvider,
    tracer: SdkTracer,
}

/// How long one export may take.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(10);

/// The service name the exported spans carry.
const SERVICE_NAME: &str = "gateway-local";

impl Telemetry {
    /// Metrics, and an exporter when `config` names a collector.
    pub(crate) fn new(config: &LocalConfig) -> Result<Self, String> {
        let export = config.otlp_endpoint.as_deref().map(Export::new).transpose()?;
        Ok(Self { metrics: Metrics::new(MAX_LABEL_SETS), export })
    }

    /// `/metrics`: every metric in the `OpenMetrics` text format (which
    /// Prometheus reads).
    pub(crate) fn metrics_text(&self) -> String {
        self.metrics.render()
    }

    /// Starts the span of `context`'s request, once, when its first step
    /// begins (`operation` and `model` name it).
    pub(crate) fn request_started(&self, context: &RequestContext, operation: &str, model: &str) {
        let Some(export) = &self.export else { return };
        context.trace.span.get_or_init(|| {
            let attributes = vec![
                KeyValue::new(attr::GATEWAY_ID, context.gateway.clone()),
                KeyValue::new(attr::REQUEST_ID, context.request_id.clone()),
                KeyValue::new(attr::OPERATION, operation.to_owned()),
                KeyValue::new(attr::REQUEST_MODEL, model.to_owned()),
            ];
            let span = export
                .tracer
                .span_builder(span_name(operation, model))
                .with_kind(SpanKind::Server)
                .with_attributes(attributes)
                .start_with_context(&export.tracer, &context.trace.parent);
            Context::new().with_span(span)
        });
    }

    /// The span of try `number` (from 1) of a step to `provider`, a child
    /// of the request's span; `None` when no spans are exported.
    pub(crate) fn attempt(
        &self,
        context: &RequestContext,
        provider: &str,
        operation: &str,
        model: &str,
        number: u32,
    ) -> Option<AttemptSpan> {
        let export = self.export.as_ref()?;
        let parent = context.trace.span.get().unwrap_or(&context.trace.parent);
        let attributes = vec![
            KeyValue::new(attr::OPERATION, operation.to_owned()),
            KeyValue::new(attr::SYSTEM, provider.to_owned()),
            KeyValue::new(attr::PROVIDER, provider.to_owned()),
            KeyValue::new(attr::REQUEST_MODEL, model.to_owned()),
            KeyValue::new(attr::GATEWAY_ID, context.gateway.clone()),
            KeyValue::new(attr::ATTEMPT, i64::from(number)),
        ];
        let span = export
            .tracer
            .span_builder(span_name(operation, model))
            .with_kind(SpanKind::Client)
            .with_attributes(attributes)
            .start_with_context(&export.tracer, parent);
        Some(AttemptSpan(span))
    }

    /// A step is done (answered, failed, or its stream ended): counts it
    /// and reports it on the request's span and on its last attempt's span
    /// (which ends here). `log_id` is its log's, when it was logged.
    pub(crate) fn step_done(
        &self,
        context: &RequestContext,
        done: &StepDone,
        log_id: Option<&str>,
        attempt: Option<AttemptSpan>,
    ) {
        self.metrics.observe(done);
        if self.export.is_none() {
            return;
        }
        let mut attributes = outcome_attributes(done);
        if let Some(mut attempt) = attempt {
            attempt.0.set_attributes(attributes.clone());
            attempt.0.set_status(status_of(done));
            attempt.0.end();
        }
        let Some(request) = context.trace.span.get() else { return };
        attributes.extend(gateway_attributes(done, log_id));
        let span = request.span();
        span.set_attributes(attributes);
        span.set_status(status_of(done));
    }

    /// Sends the spans still buffered (blocking: call off the runtime's threads).
    pub(crate) fn flush(&self) {
        if let Some(export) = &self.export {
            if let Err(e) = export.provider.force_flush() {
                tracing::warn!(error = %e, "could not export spans");
            }
        }
    }

    /// Sends the spans still buffered and stops exporting (blocking).
    pub(crate) fn shutdown(&self) {
        if let Some(export) = &self.export {
            if let Err(e) = export.provider.shutdown() {
                tracing::warn!(error = %e, "could not export the last spans");
            }
        }
    }
}

/// `{operation} {model}`, as the `gen_ai` conventions name spans.
fn span_name(operation: &str, model: &str) -> String {
    if model.is_empty() { operation.to_owned() } else { format!("{operation} {model}") }
}

fn status_of(done: &StepDone) -> Status {
    if done.success { Status::Ok } else { Status::error(format!("status {}", done.status_code)) }
}

/// What a step's outcome says, on both its spans.
fn outcome_attributes(done: &StepDone) -> Vec<KeyValue> {
    let mut out = vec![
        KeyValue::new(attr::STATUS, i64::from(done.status_code)),
        KeyValue::new(attr::SYSTEM, done.provider.clone()),
        KeyValue::new(attr::PROVIDER, done.provider.clone()),
        KeyValue::new(attr::MODEL_PROVIDER, done.provider.clone()),
    ];
    if !done.model.is_empty() {
        out.push(KeyValue::new(attr::REQUEST_MODEL, done.model.clone()));
    }
    if !done.success {
        out.push(KeyValue::new(attr::ERROR_TYPE, done.status_code.to_string()));
    }
    for (key, tokens) in [(attr::INPUT_TOKENS, done.tokens_in), (attr::OUTPUT_TOKENS, done.tokens_out)] {
        if let Some(tokens) = tokens.and_then(|t| i64::try_from(t).ok()) {
            out.push(KeyValue::new(key, tokens));
        }
    }
    if let Some(cost) = done.cost {
        out.push(KeyValue::new(attr::COST, cost));
    }
    out
}

/// What only the request's span says: which step answered, its log, the
/// cache, the route, and the caller's `cf-aig-metadata` (every key but
/// those in the `gen_ai.` namespace, as Cloudflare's exporter does, §5.5).
fn gateway_attributes(done: &StepDone, log_id: Option<&str>) -> Vec<KeyValue> {
    let mut out = vec![KeyValue::new(attr::CACHE_STATUS, if done.cached { "HIT" } else { "MISS" })];
    if let Some(id) = log_id {
        out.push(KeyValue::new(attr::LOG_ID, id.to_owned()));
    }
    if let Some(step) = done.step {
        out.push(KeyValue::new(attr::STEP, i64::from(step)));
    }
    if let Some(route) = &done.route {
        out.push(KeyValue::new(attr::ROUTE, route.name.clone()));
        out.push(KeyValue::new(attr::ROUTE_VERSION, route.version_id.clone()));
        out.push(KeyValue::new(attr::ROUTE_PATH, route.path.join("/")));
    }
    let metadata = done.metadata.as_deref().and_then(|m| serde_json::from_str::<serde_json::Value>(m).ok());
    if let Some(serde_json::Value::Object(entries)) = metadata {
        for (key, value) in entries {
            if key.starts_with("gen_ai.") {
                continue;
            }
            out.push(match value {
                serde_json::Value::Bool(b) => KeyValue::new(key, b),
                serde_json::Value::Number(n) if n.is_i64() => KeyValue::new(key, n.as_i64().unwrap_or_default()),
                serde_json::Value::Number(n) => KeyValue::new(key, n.as_f64().unwrap_or_default()),
                serde_json::Value::String(s) => KeyValue::new(key, s),
                other => KeyValue::new(key, other.to_string()),
            });
        }
    }
    out
}

/// A request's place in a trace: the caller's span it continues (if any),
/// and the request's own span once its first step has begun. Shared by
/// every clone of the request's context, so the span ends when the last one
/// goes (a stream's recorder keeps one until the stream ends).
#[derive(Debug, Default)]
pub(crate) struct RequestTrace {
    parent: Context,
    span: OnceLock<Context>,
}

impl RequestTrace {
    /// The trace of a request with these headers and options.
    pub(crate) fn of(headers: &HeaderMap, options: &HeaderOptions) -> Self {
        let parent = caller_parent(headers, options)
            .map_or_else(Context::new, |parent| Context::new().with_remote_span_context(parent));
        Self { parent, span: OnceLock::new() }
    }
}

/// The caller's span a request's span continues.
///
/// Unconfirmed in the spec (§5.5 documents the `cf-aig-otel-*` pair, not
/// what a request that also carries W3C `traceparent` does): we chose that
/// the gateway's own pair wins when both of its ids are valid hex ids (it is
/// what the caller addressed to the gateway), else `traceparent` (and
/// `tracestate`), else none (a new trace). A trace id without a parent span
/// id cannot be continued (a span needs a parent span): a new trace.
pub(crate) fn caller_parent(headers: &HeaderMap, options: &HeaderOptions) -> Option<SpanContext> {
    let own = options.otel_trace_id.as_deref().zip(options.otel_parent_span_id.as_deref()).and_then(|(t, s)| {
        let (trace, span) = (TraceId::from_hex(t).ok()?, SpanId::from_hex(s).ok()?);
        Some(SpanContext::new(trace, span, TraceFlags::SAMPLED, true, TraceState::default()))
    });
    own.filter(SpanContext::is_valid).or_else(|| {
        let extracted = opentelemetry_sdk::propagation::TraceContextPropagator::new()
            .extract(&opentelemetry_http::HeaderExtractor(headers));
        let span = extracted.span().span_context().clone();
        span.is_valid().then_some(span)
    })
}

/// The span of one upstream attempt; ends when dropped (or when its step is done).
#[derive(Debug)]
pub(crate) struct AttemptSpan(opentelemetry_sdk::trace::Span);

impl AttemptSpan {
    /// What the upstream answered: a status, or why there was no answer.
    pub(crate) fn answered(&mut self, answer: Result<u16, &'static str>) {
        match answer {
            Ok(status) => {
                self.0.set_attribute(KeyValue::new(attr::STATUS, i64::from(status)));
                if !(200..300).contains(&status) {
                    self.0.set_attribute(KeyValue::new(attr::ERROR_TYPE, status.to_string()));
                    self.0.set_status(Status::error(format!("status {status}")));
                }
            }
            Err(kind) => {
                self.0.set_attribute(KeyValue::new(attr::ERROR_TYPE, kind));
                self.0.set_status(Status::error(kind));
            }
        }
    }
}

impl Export {
    fn new(endpoint: &str) -> Result<Self, String> {
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .with_endpoint(traces_url(endpoint)?)
            .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
            .with_timeout(EXPORT_TIMEOUT)
            .with_http_client(ExportClient::default())
            .build()
            .map_err(|e| format!("cannot export spans to {endpoint}: {e}"))?;
        let resource = opentelemetry_sdk::Resource::builder().with_service_name(SERVICE_NAME).build();
        let provider = SdkTracerProvider::builder().with_batch_exporter(exporter).with_resource(resource).build();
        let tracer = provider.tracer(SERVICE_NAME);
        Ok(Self { provider, tracer })
    }
}

/// The exporter's HTTP client: our reqwest, on a runtime of its own.
///
/// The SDK's batch processor exports from its own thread, blocking on each
/// export; a client tied to the gateway's runtime could wait forever there
/// (a current-thread runtime blocked in a flush). So the exporter's thread
/// gets a small current-thread runtime and a client made on it, at its
/// first export.
#[derive(Debug, Default)]
struct ExportClient {
    inner: Mutex<Option<(tokio::runtime::Runtime, reqwest::Client)>>,
}

#[async_trait::async_trait]
impl opentelemetry_http::HttpClient for ExportClient {
    async fn send_bytes(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, opentelemetry_http::HttpError> {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if inner.is_none() {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            let client = reqwest::Client::builder().timeout(EXPORT_TIMEOUT).build()?;
            *inner = Some((runtime, client));
        }
        let Some((runtime, client)) = inner.as_ref() else { return Err("the export client is not set up".into()) };
        let request = reqwest::Request::try_from(request)?;
        runtime.block_on(async {
            let response = client.execute(request).await?;
            let mut answer = http::Response::builder().status(response.status());
            for (name, value) in response.headers() {
                answer = answer.header(name, value);
            }
            let body = response.bytes().await?;
            Ok(answer.body(body)?)
        })
    }
}

/// Most distinct `(gateway, provider, model)` label sets the metrics keep.
///
/// Model names (and unknown provider slugs) come from callers: past this
/// many sets, a new one is counted under `model="other"` with its gateway
/// and provider when that set is already kept, else under all-`other`
/// labels, so a scrape stays bounded whatever callers send. Label values
/// longer than [`MAX_LABEL_LEN`] are `other` too.
pub(crate) const MAX_LABEL_SETS: usize = 1000;
/// Longest label value kept as sent.
const MAX_LABEL_LEN: usize = 128;
/// The label value that stands for the sets folded past the cap.
const OTHER: &str = "other";

/// What the metrics are labelled by.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Labels {
    gateway: String,
    provider: String,
    model: String,
}

type Latency = Family<Labels, Histogram, fn() -> Histogram>;

/// The metrics, per step (as the logs count them), labelled by gateway, provider and model.
struct Metrics {
    registry: Registry,
    requests: Family<Labels, Counter>,
    errors: Family<Labels, Counter>,
    cache_hits: Family<Labels, Counter>,
    input_tokens: Family<Labels, Counter>,
    output_tokens: Family<Labels, Counter>,
    cost: Family<Labels, Counter<f64, AtomicU64>>,
    latency: Latency,
    known: Mutex<HashSet<Labels>>,
    max_label_sets: usize,
    /// Each kept label set's metrics, by the hash of its three values: a
    /// step is counted after one lookup that allocates nothing (the
    /// families' own lookups hash and clone the labels, once per metric).
    series: RwLock<HashMap<u64, SameHash>>,
    hasher: RandomState,
}

/// The label sets whose values hash alike, each with its metrics (a collision keeps both).
type SameHash = Vec<(Labels, Arc<Series>)>;

/// One label set's metrics, taken from the families once.
struct Series {
    requests: Counter,
    errors: Counter,
    cache_hits: Counter,
    input_tokens: Counter,
    output_tokens: Counter,
    cost: Counter<f64, AtomicU64>,
    latency: Histogram,
}

/// Latency buckets: 5 ms doubling to about 82 s.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.005, 2.0, 15))
}

impl Metrics {
    fn new(max_label_sets: usize) -> Self {
        let mut registry = Registry::with_prefix("gateway_local");
        let requests = Family::default();
        let errors = Family::default();
        let cache_hits = Family::default();
        let input_tokens = Family::default();
        let output_tokens = Family::default();
        let cost = Family::default();
        let latency: Latency = Family::new_with_constructor(latency_histogram);
        registry.register("requests", "Provider requests (steps), as logged", requests.clone());
        registry.register("errors", "Steps that ended without a success status", errors.clone());
        registry.register("cache_hits", "Steps answered from the cache", cache_hits.clone());
        registry.register("input_tokens", "Input (prompt) tokens", input_tokens.clone());
        registry.register("output_tokens", "Output (completion) tokens", output_tokens.clone());
        registry.register("cost_usd", "Cost in US dollars, as logged", cost.clone());
        registry.register("request_duration_seconds", "Step duration, as logged", latency.clone());
        Self {
            registry,
            requests,
            errors,
            cache_hits,
            input_tokens,
            output_tokens,
            cost,
            latency,
            known: Mutex::new(HashSet::new()),
            max_label_sets,
            series: RwLock::new(HashMap::new()),
            hasher: RandomState::new(),
        }
    }

    /// The labels a step is counted under, within the cap ([`MAX_LABEL_SETS`]).
    fn labels(&self, gateway: &str, provider: &str, model: &str) -> Labels {
        let value = |v: &str| if v.len() <= MAX_LABEL_LEN { v.to_owned() } else { OTHER.to_owned() };
        let labels = Labels { gateway: value(gateway), provider: value(provider), model: value(model) };
        let mut known = self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if known.contains(&labels) {
            return labels;
        }
        if known.len() < self.max_label_sets {
            known.insert(labels.clone());
            return labels;
        }
        let folded = Labels { model: OTHER.to_owned(), ..labels };
        if known.contains(&folded) {
            return folded;
        }
        Labels { gateway: OTHER.to_owned(), provider: OTHER.to_owned(), model: OTHER.to_owned() }
    }

    /// The metrics of a step's labels ([`labels`](Self::labels)): from the
    /// cache when the set is kept as sent, else from the families.
    fn series(&self, gateway: &str, provider: &str, model: &str) -> Arc<Series> {
        let hash = self.hasher.hash_one((gateway, provider, model));
        let same = |l: &Labels| l.gateway == gateway && l.provider == provider && l.model == model;
        if let Some(found) = self
            .series
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&hash)
            .and_then(|sets| sets.iter().find(|(labels, _)| same(labels)))
        {
            return Arc::clone(&found.1);
        }
        let labels = self.labels(gateway, provider, model);
        let series = Arc::new(Series {
            requests: self.requests.get_or_create(&labels).clone(),
            errors: self.errors.get_or_create(&labels).clone(),
            cache_hits: self.cache_hits.get_or_create(&labels).clone(),
            input_tokens: self.input_tokens.get_or_create(&labels).clone(),
            output_tokens: self.output_tokens.get_or_create(&labels).clone(),
            cost: self.cost.get_or_create(&labels).clone(),
            latency: self.latency.get_or_create(&labels).clone(),
        });
        // Only sets kept as sent are cached (at most `max_label_sets`): folded
        // ones, named by callers without bound, take this path each time.
        if same(&labels) {
            let mut cache = self.series.write().unwrap_or_else(PoisonError::into_inner);
            let sets = cache.entry(hash).or_default();
            if !sets.iter().any(|(kept, _)| same(kept)) {
                sets.push((labels, Arc::clone(&series)));
            }
        }
        series
    }

    fn observe(&self, done: &StepDone) {
        let series = self.series(&done.gateway, &done.provider, &done.model);
        series.requests.inc();
        if !done.success {
            series.errors.inc();
        }
        if done.cached {
            series.cache_hits.inc();
        }
        if let Some(tokens) = done.tokens_in {
            series.input_tokens.inc_by(tokens);
        }
        if let Some(tokens) = done.tokens_out {
            series.output_tokens.inc_by(tokens);
        }
        if let Some(cost) = done.cost.filter(|c| c.is_finite() && *c >= 0.0) {
            series.cost.inc_by(cost);
        }
        #[allow(clippy::cast_precision_loss, reason = "durations are far below 2^53 ms")]
        let seconds = done.duration_ms as f64 / 1000.0;
        series.latency.observe(seconds);
    }

    fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_sets_past_the_cap_fold_into_other() {
        let metrics = Metrics::new(2);
        let labels = |model: &str| metrics.labels("gw", "openai", model);
        assert_eq!(labels("a").model, "a");
        assert_eq!(labels("b").model, "b");
        // Full: a new model is `other`, everywhere; known ones stay.
        let folded = labels("c");
        assert_eq!((folded.gateway.as_str(), folded.provider.as_str(), folded.model.as_str()), (OTHER, OTHER, OTHER));
        assert_eq!(labels("a").model, "a");
        let long = "m".repeat(MAX_LABEL_LEN + 1);
        assert_eq!(Metrics::new(10).labels("gw", "openai", &long).model, OTHER);
        // Within a fresh cap that kept `(gw, openai, other)`, new models fold into it.
        let metrics = Metrics::new(1);
        assert_eq!(metrics.labels("gw", "openai", OTHER).model, OTHER);
        let folded = metrics.labels("gw", "openai", "z");
        assert_eq!((folded.gateway.as_str(), folded.model.as_str()), ("gw", OTHER));
    }

    #[test]
    fn the_traces_url_is_the_base_with_the_signal_path() {
        assert_eq!(traces_url("http://127.0.0.1:4318").unwrap(), "http://127.0.0.1:4318/v1/traces");
        assert_eq!(traces_url("https://collector/otlp/").unwrap(), "https://collector/otlp/v1/traces");
        assert!(traces_url("127.0.0.1:4318").is_err());
        assert!(traces_url("ftp://collector").unwrap_err().contains("http or https"));
    }

    #[test]
    fn the_gateway_headers_win_over_traceparent() {
        let mut headers = HeaderMap::new();
        headers.insert("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".parse().unwrap());
        let none = HeaderOptions::default();
        let parent = caller_parent(&headers, &none).unwrap();
        assert_eq!(parent.trace_id().to_string(), "0af7651916cd43dd8448eb211c80319c");
        assert_eq!(parent.span_id().to_string(), "b7ad6b7169203331");
        let own = HeaderOptions {
            otel_trace_id: Some("4bf92f3577b34da6a3ce929d0e0e4736".to_owned()),
            otel_parent_span_id: Some("00f067aa0ba902b7".to_owned()),
            ..HeaderOptions::default()
        };
        assert_eq!(caller_parent(&headers, &own).unwrap().span_id().to_string(), "00f067aa0ba902b7");
        assert!(caller_parent(&HeaderMap::new(), &none).is_none());
    }
}
