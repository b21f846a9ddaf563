//! Telemetry over loopback HTTP: the spans gateway-local exports over
//! OTLP/HTTP (decoded here by a small collector from their protobuf) carry
//! the `gen_ai` and gateway attributes and continue the caller's trace, with
//! each upstream attempt a child of its request's span; and `GET /metrics`
//! parses as Prometheus text whose counters match what the logs say of the
//! requests sent (a cache hit, an error, tokens and cost included).

#![allow(clippy::float_cmp, reason = "counters hold whole numbers, exact in f64")]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};

use common::harness::{API_TOKEN, Answer, Harness, MODEL};
use gateway_local::{Fault, FaultRule, GatewaySettings, LocalConfig};
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::any_value::Value as AnyValue;
use opentelemetry_proto::tonic::trace::v1::Span;
use opentelemetry_proto::tonic::trace::v1::span::SpanKind;
use prost::Message as _;
use serde_json::{Value, json};

mod common;

// ---------------------------------------------------------------------------
// A collector: OTLP/HTTP protobuf on loopback.

/// The spans a collector received, and the content types they came with.
#[derive(Default)]
struct Received {
    spans: Vec<Span>,
    content_types: Vec<String>,
}

struct Collector {
    url: String,
    received: Arc<Mutex<Received>>,
}

impl Collector {
    async fn start() -> Self {
        let received = Arc::new(Mutex::new(Received::default()));
        let kept = Arc::clone(&received);
        let app = axum::Router::new().route(
            "/v1/traces",
            axum::routing::post(move |headers: http::HeaderMap, body: axum::body::Bytes| {
                let kept = Arc::clone(&kept);
                async move {
                    let request = ExportTraceServiceRequest::decode(body).expect("an OTLP protobuf export");
                    let mut received = kept.lock().unwrap_or_else(PoisonError::into_inner);
                    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
                    received.content_types.push(content_type.to_owned());
                    for resource in request.resource_spans {
                        for scope in resource.scope_spans {
                            received.spans.extend(scope.spans);
                        }
                    }
                    // An empty ExportTraceServiceResponse.
                    ([("content-type", "application/x-protobuf")], Vec::<u8>::new())
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the collector");
        let url = format!("http://{}", listener.local_addr().expect("an address"));
        tokio::spawn(async move { axum::serve(listener, app).await.expect("the collector serves") });
        Self { url, received }
    }

    fn spans(&self) -> Vec<Span> {
        self.received.lock().unwrap_or_else(PoisonError::into_inner).spans.clone()
    }
}

/// A span's attribute as text (ints and doubles printed), if it has it.
fn attribute(span: &Span, key: &str) -> Option<String> {
    let value = span.attributes.iter().find(|kv| kv.key == key)?.value.as_ref()?.value.as_ref()?;
    Some(match value {
        AnyValue::StringValue(s) => s.clone(),
        AnyValue::IntValue(i) => i.to_string(),
        AnyValue::DoubleValue(d) => d.to_string(),
        AnyValue::BoolValue(b) => b.to_string(),
        other => format!("{other:?}"),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

const CALLER_TRACE: &str = "0af7651916cd43dd8448eb211c80319c";
const CALLER_SPAN: &str = "b7ad6b7169203331";

fn chat(model: &str) -> String {
    json!({"model": model, "messages": [{"role": "user", "content": "hello"}]}).to_string()
}

async fn openai(h: &Harness, gateway: &str, body: &str, headers: &[(&str, &str)]) -> Answer {
    h.post(&h.provider_url(gateway, "openai", "chat/completions"), body.to_owned(), headers).await
}

/// The request (server) span of the trace `trace`, and its attempt (client) spans.
fn request_and_attempts(spans: &[Span], trace: &str) -> (Span, Vec<Span>) {
    let in_trace: Vec<&Span> = spans.iter().filter(|s| hex(&s.trace_id) == trace).collect();
    let requests: Vec<&&Span> = in_trace.iter().filter(|s| s.kind == SpanKind::Server as i32).collect();
    assert_eq!(requests.len(), 1, "one request span in trace {trace}: {in_trace:#?}");
    let request = (*requests[0]).clone();
    let mut attempts: Vec<Span> =
        in_trace.iter().filter(|s| s.kind == SpanKind::Client as i32).map(|s| (*s).clone()).collect();
    attempts.sort_by_key(|s| attribute(s, "gateway.attempt"));
    (request, attempts)
}

#[tokio::test]
async fn spans_continue_the_callers_trace_with_genai_and_gateway_attributes() {
    let collector = Collector::start().await;
    let config = LocalConfig::default()
        .with_otlp_endpoint(&collector.url)
        .with_gateway("g", GatewaySettings::default().with_cache_ttl(600));
    let h = Harness::start(config).await;

    // 1. W3C `traceparent`, answered by the upstream.
    let traceparent = format!("00-{CALLER_TRACE}-{CALLER_SPAN}-01");
    let first = openai(&h, "g", &chat("gpt-4o-mini"), &[("traceparent", &traceparent)]).await;
    assert_eq!(first.status, 200, "{}", first.text());
    let log_id = first.header("cf-aig-log-id").expect("a log id").to_owned();

    // 2. The gateway's own headers, answered from the cache.
    let own_trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    let own_span = "00f067aa0ba902b7";
    let hit = openai(
        &h,
        "g",
        &chat("gpt-4o-mini"),
        &[("cf-aig-otel-trace-id", own_trace), ("cf-aig-otel-parent-span-id", own_span)],
    )
    .await;
    assert_eq!(hit.header("cf-aig-cache-status"), Some("HIT"));

    // 3. A retried step: a 500, then the answer (two attempts under one request span).
    h.gateway.offline_upstream().unwrap().add_fault(FaultRule::new(Fault::Status(500)).for_provider("openai").times(1));
    let retry_trace = "11111111111111111111111111111111";
    let retried = openai(
        &h,
        "g",
        &chat("gpt-4o"),
        &[
            ("traceparent", &format!("00-{retry_trace}-2222222222222222-01")),
            ("cf-aig-max-attempts", "2"),
            ("cf-aig-skip-cache", "true"),
            ("cf-aig-metadata", r#"{"team":"search","gen_ai.secret":"x"}"#),
        ],
    )
    .await;
    assert_eq!(retried.status, 200, "{}", retried.text());

    // 4. A stream: its attempt span ends with the stream, with its usage.
    let stream_trace = "33333333333333333333333333333333";
    let body = json!({"model": "gpt-4o-mini", "stream": true, "stream_options": {"include_usage": true},
        "messages": [{"role": "user", "content": "stream please"}]});
    let streamed = openai(
        &h,
        "g",
        &body.to_string(),
        &[("traceparent", &format!("00-{stream_trace}-4444444444444444-01")), ("cf-aig-skip-cache", "true")],
    )
    .await;
    assert_eq!(streamed.status, 200, "{}", streamed.text());

    h.gateway.flush_telemetry().await;
    let spans = collector.spans();
    let content_types = collector.received.lock().unwrap().content_types.clone();
    assert!(content_types.iter().all(|t| t == "application/x-protobuf"), "{content_types:?}");

    // 1: the request span continues the caller's span; the attempt is its child.
    let (request, attempts) = request_and_attempts(&spans, CALLER_TRACE);
    assert_eq!(hex(&request.parent_span_id), CALLER_SPAN);
    assert_eq!(request.name, "chat gpt-4o-mini");
    assert_eq!(attempts.len(), 1, "{attempts:#?}");
    assert_eq!(attempts[0].parent_span_id, request.span_id, "the attempt is a child of the request");
    for (key, value) in [
        ("gen_ai.operation.name", "chat"),
        ("gen_ai.system", "openai"),
        ("gen_ai.provider.name", "openai"),
        ("gen_ai.model.provider", "openai"),
        ("gen_ai.request.model", "gpt-4o-mini"),
        ("http.response.status_code", "200"),
        ("gateway.id", "g"),
        ("gateway.cache_status", "MISS"),
        ("gateway.log_id", &log_id),
        ("gateway.request_id", first.header("cf-aig-request-id").unwrap()),
    ] {
        assert_eq!(attribute(&request, key).as_deref(), Some(value), "request span {key}: {request:#?}");
    }
    let logged = h.v4(reqwest::Method::GET, &h.api_url("g", &format!("logs/{log_id}")), None).await.json();
    let tokens_in = logged["result"]["tokens_in"].as_u64().expect("tokens in the log");
    let tokens_out = logged["result"]["tokens_out"].as_u64().expect("tokens out in the log");
    let cost = logged["result"]["cost"].as_f64().expect("a cost in the log");
    for span in [&request, &attempts[0]] {
        assert_eq!(attribute(span, "gen_ai.usage.input_tokens"), Some(tokens_in.to_string()));
        assert_eq!(attribute(span, "gen_ai.usage.output_tokens"), Some(tokens_out.to_string()));
        assert_eq!(attribute(span, "gen_ai.usage.cost"), Some(cost.to_string()));
    }
    assert_eq!(attribute(&attempts[0], "gateway.attempt").as_deref(), Some("1"));

    // 2: the gateway's headers continue that trace; a cache hit makes no attempt.
    let (request, attempts) = request_and_attempts(&spans, own_trace);
    assert_eq!(hex(&request.parent_span_id), own_span);
    assert_eq!(attribute(&request, "gateway.cache_status").as_deref(), Some("HIT"));
    assert!(attempts.is_empty(), "a cache hit calls no upstream: {attempts:#?}");

    // 3: two attempts, both children of the request, the first failed.
    let (request, attempts) = request_and_attempts(&spans, retry_trace);
    assert_eq!(attempts.len(), 2, "{attempts:#?}");
    for (attempt, (number, status)) in attempts.iter().zip([("1", "500"), ("2", "200")]) {
        assert_eq!(attempt.parent_span_id, request.span_id);
        assert_eq!(attribute(attempt, "gateway.attempt").as_deref(), Some(number));
        assert_eq!(attribute(attempt, "http.response.status_code").as_deref(), Some(status));
        assert_eq!(attribute(attempt, "gen_ai.request.model").as_deref(), Some("gpt-4o"));
    }
    assert_eq!(attribute(&attempts[0], "error.type").as_deref(), Some("500"));
    assert_eq!(attribute(&request, "team").as_deref(), Some("search"), "metadata keys are attributes");
    assert_eq!(attribute(&request, "gen_ai.secret"), None, "but not those in the gen_ai namespace");

    // 4: the stream's attempt carries its usage, read at the stream's end.
    let (request, attempts) = request_and_attempts(&spans, stream_trace);
    assert_eq!(attempts.len(), 1);
    let log_id = streamed.header("cf-aig-log-id").unwrap();
    let logged = h.v4(reqwest::Method::GET, &h.api_url("g", &format!("logs/{log_id}")), None).await.json();
    let tokens_out = logged["result"]["tokens_out"].as_u64().expect("a streamed answer's tokens");
    assert_eq!(attribute(&attempts[0], "gen_ai.usage.output_tokens"), Some(tokens_out.to_string()));
    assert_eq!(attribute(&request, "gen_ai.usage.output_tokens"), Some(tokens_out.to_string()));
}

#[tokio::test]
async fn without_a_caller_trace_a_request_starts_one_and_nothing_is_exported_without_an_endpoint() {
    let collector = Collector::start().await;
    let h = Harness::start(LocalConfig::default().with_otlp_endpoint(&collector.url)).await;
    let answer = h.post(&h.provider_url("g", "workers-ai", MODEL), chat(MODEL), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    h.gateway.flush_telemetry().await;
    let spans = collector.spans();
    let request = spans.iter().find(|s| s.kind == SpanKind::Server as i32).expect("a request span");
    assert!(request.parent_span_id.is_empty(), "a root span");
    assert_eq!(attribute(request, "gen_ai.system").as_deref(), Some("workers-ai"));
    assert_eq!(attribute(request, "gen_ai.request.model").as_deref(), Some(MODEL));

    // No endpoint: no spans, and the collector hears nothing more.
    let before = collector.spans().len();
    let quiet = Harness::start(LocalConfig::default()).await;
    let answer = quiet.post(&quiet.provider_url("g", "workers-ai", MODEL), chat(MODEL), &[]).await;
    assert_eq!(answer.status, 200);
    quiet.gateway.flush_telemetry().await;
    assert_eq!(collector.spans().len(), before);
}

#[tokio::test]
async fn a_dynamic_routes_request_span_names_the_route_version_and_path() {
    use gateway_core::Gateway as _;
    use gateway_core::route::{ModelSpec, Route};

    let collector = Collector::start().await;
    let config =
        LocalConfig::default().with_otlp_endpoint(&collector.url).with_gateway("main", GatewaySettings::default());
    let h = Harness::start(config).await;
    let route = Route::build("support", |b| {
        let end = b.end("end");
        let spec = ModelSpec::new("openai", "gpt-4o-mini", std::time::Duration::from_secs(60), 0);
        let model = b.model("answer", spec, end, end);
        b.start("start", model)
    })
    .expect("a valid route");
    let ai = gateway_core::Ai::new(h.gateway.client_config()).unwrap();
    let created = ai.gateway("main").create_route(&route).await.expect("the route is stored");
    let version = created.version.expect("a deployed version").version_id;

    let trace = "55555555555555555555555555555555";
    let url = h.provider_url("main", "compat", "chat/completions");
    let traceparent = format!("00-{trace}-6666666666666666-01");
    let answer = h.post(&url, chat("dynamic/support"), &[("traceparent", &traceparent)]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    h.gateway.flush_telemetry().await;

    let (request, attempts) = request_and_attempts(&collector.spans(), trace);
    assert_eq!(attempts.len(), 1);
    assert_eq!(attribute(&request, "gateway.route").as_deref(), Some("support"));
    assert_eq!(attribute(&request, "gateway.route.version_id"), Some(version));
    assert_eq!(attribute(&request, "gateway.route.path").as_deref(), Some("start/answer"));
    assert_eq!(attribute(&request, "gen_ai.request.model").as_deref(), Some("gpt-4o-mini"));
}

/// `gateway-local serve` takes the standard `OTEL_EXPORTER_OTLP_ENDPOINT`,
/// and sends its last spans before it exits on SIGINT.
#[tokio::test]
async fn the_binary_exports_to_otel_exporter_otlp_endpoint_and_flushes_on_exit() {
    let collector = Collector::start().await;
    let port = common::free_port();
    let port_arg = port.to_string();
    let mut server = common::Server::spawn_with_env(
        &["serve", "--port", &port_arg, "--offline"],
        &[("OTEL_EXPORTER_OTLP_ENDPOINT", &collector.url)],
    );
    server.wait_until_answering(port).await;
    let url = format!("http://127.0.0.1:{port}/v1/{}/g/workers-ai/{MODEL}", common::harness::ACCOUNT);
    let trace = "77777777777777777777777777777777";
    let answer = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .header("traceparent", format!("00-{trace}-8888888888888888-01"))
        .body(chat(MODEL))
        .send()
        .await
        .expect("an answer");
    assert_eq!(answer.status(), 200);
    server.signal("-INT");
    assert!(server.wait_for_exit().await.success(), "{}", server.output());
    let (request, attempts) = request_and_attempts(&collector.spans(), trace);
    assert_eq!(hex(&request.parent_span_id), "8888888888888888");
    assert_eq!(attempts.len(), 1);
}

// ---------------------------------------------------------------------------
// /metrics

/// One sample of a Prometheus text exposition: name, labels, value.
type Samples = BTreeMap<(String, BTreeMap<String, String>), f64>;

/// Parses the Prometheus / `OpenMetrics` text format, refusing any line that
/// is neither a comment, a blank, nor `name{label="value",...} number`.
fn parse_metrics(text: &str) -> Samples {
    let mut out = Samples::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("no value: {line:?}"));
        let value: f64 = value.parse().unwrap_or_else(|_| panic!("not a number: {line:?}"));
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => (name, rest.strip_suffix('}').unwrap_or_else(|| panic!("unclosed labels: {line:?}"))),
            None => (series, ""),
        };
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "bad metric name: {line:?}"
        );
        let mut parsed = BTreeMap::new();
        let mut rest = labels;
        while !rest.is_empty() {
            let (key, after) = rest.split_once("=\"").unwrap_or_else(|| panic!("bad label: {line:?}"));
            let mut value = String::new();
            let mut chars = after.char_indices();
            let end = loop {
                match chars.next() {
                    Some((_, '\\')) => value.push(chars.next().map_or('\\', |(_, c)| if c == 'n' { '\n' } else { c })),
                    Some((i, '"')) => break i,
                    Some((_, c)) => value.push(c),
                    None => panic!("unterminated label value: {line:?}"),
                }
            };
            parsed.insert(key.to_owned(), value);
            rest = after[end + 1..].trim_start_matches(',');
        }
        assert!(out.insert((name.to_owned(), parsed), value).is_none(), "duplicate series: {line:?}");
    }
    out
}

/// The sum of metric `name` over the series labelled with `labels`.
fn sum(samples: &Samples, name: &str, labels: &[(&str, &str)]) -> f64 {
    samples
        .iter()
        .filter(|((n, l), _)| n == name && labels.iter().all(|(k, v)| l.get(*k).map(String::as_str) == Some(*v)))
        .map(|(_, v)| v)
        .sum()
}

#[tokio::test]
async fn metrics_count_requests_errors_cache_hits_tokens_and_cost_as_the_logs_do() {
    let config = LocalConfig::default().with_gateway("g", GatewaySettings::default().with_cache_ttl(600));
    let h = Harness::start(config).await;
    let metrics_url = format!("{}/metrics", h.gateway.url());

    // A miss, a hit, an unlogged request (still counted), and an error.
    for headers in [&[][..], &[][..], &[("cf-aig-collect-log", "false"), ("cf-aig-skip-cache", "true")][..]] {
        let answer = openai(&h, "g", &chat("gpt-4o-mini"), headers).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
    }
    h.gateway.offline_upstream().unwrap().add_fault(FaultRule::new(Fault::Status(503)).for_provider("openai").times(1));
    let failed =
        openai(&h, "g", &chat("gpt-4o-mini"), &[("cf-aig-skip-cache", "true"), ("cf-aig-max-attempts", "1")]).await;
    assert_eq!(failed.status, 503, "{}", failed.text());

    // Protected like the v4 API.
    let refused = h.http.get(&metrics_url).send().await.unwrap();
    assert_eq!(refused.status(), 401);
    let wrong = h.http.get(&metrics_url).bearer_auth("nope").send().await.unwrap();
    assert_eq!(wrong.status(), 401);
    let response = h.http.get(&metrics_url).bearer_auth(API_TOKEN).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("application/openmetrics-text"), "{content_type}");
    let text = response.text().await.unwrap();
    assert!(text.trim_end().ends_with("# EOF"), "{text}");
    let samples = parse_metrics(&text);

    let labels = [("gateway", "g"), ("provider", "openai"), ("model", "gpt-4o-mini")];
    assert_eq!(sum(&samples, "gateway_local_requests_total", &labels), 4.0, "{text}");
    assert_eq!(sum(&samples, "gateway_local_errors_total", &labels), 1.0, "{text}");
    assert_eq!(sum(&samples, "gateway_local_cache_hits_total", &labels), 1.0, "{text}");
    assert_eq!(sum(&samples, "gateway_local_request_duration_seconds_count", &labels), 4.0, "{text}");
    let inf = [labels.as_slice(), &[("le", "+Inf")]].concat();
    assert_eq!(sum(&samples, "gateway_local_request_duration_seconds_bucket", &inf), 4.0, "{text}");

    // Tokens and cost: what the three logged requests' logs say, plus the unlogged one (as the first).
    let listed = h.v4(reqwest::Method::GET, &format!("{}?per_page=50", h.logs_url("g")), None).await.json();
    let logs = listed["result"].as_array().expect("logs").clone();
    assert_eq!(logs.len(), 3, "{listed}");
    let total = |field: &str| logs.iter().map(|l| l[field].as_f64().unwrap_or(0.0)).sum::<f64>();
    let one = logs.iter().find(|l| l["cached"] == json!(false) && l["success"] == json!(true)).expect("a miss");
    let (tokens_in, tokens_out) =
        (total("tokens_in") + f(&one["tokens_in"]), total("tokens_out") + f(&one["tokens_out"]));
    assert!(tokens_in > 0.0 && tokens_out > 0.0, "{listed}");
    assert_eq!(sum(&samples, "gateway_local_input_tokens_total", &labels), tokens_in, "{text}");
    assert_eq!(sum(&samples, "gateway_local_output_tokens_total", &labels), tokens_out, "{text}");
    let cost = total("cost") + f(&one["cost"]);
    assert!(cost > 0.0);
    assert!((sum(&samples, "gateway_local_cost_usd_total", &labels) - cost).abs() < 1e-12, "{cost}: {text}");
}

fn f(value: &Value) -> f64 {
    value.as_f64().unwrap_or(0.0)
}

#[tokio::test]
async fn metrics_are_open_without_an_api_token() {
    let h = Harness::start(LocalConfig::default().with_api_token(None)).await;
    let answer = h.post(&h.provider_url("g", "workers-ai", MODEL), chat(MODEL), &[]).await;
    assert_eq!(answer.status, 200);
    let text = h.http.get(format!("{}/metrics", h.gateway.url())).send().await.unwrap().text().await.unwrap();
    let samples = parse_metrics(&text);
    assert_eq!(sum(&samples, "gateway_local_requests_total", &[("provider", "workers-ai"), ("model", MODEL)]), 1.0);
}
