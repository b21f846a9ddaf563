//! The gateway options Cloudflare added in 2026 (`cloudflare-2026.md` §1.7,
//! §5.3–§5.5): `cf-aig-zdr`, `cf-aig-no-wholesale`, the OpenTelemetry ids (set by the
//! caller or taken from its current trace) and the cache-token custom costs,
//! checked as exact header bytes on a loopback server, over HTTP and over the
//! binding protocol, where the body stays byte-exact with the binding's.

mod common;

use gateway_core::{
    Ai, BuiltinProvider, CustomCost, Error, Gateway, GatewayOptions, RunOptions, UniversalOptions, UniversalStep,
};
use opentelemetry::trace::{SpanContext, SpanId, TraceContextExt as _, TraceFlags, TraceId, TraceState};
use serde_json::{Value, json};
use wiremock::MockServer;

use common::{MODEL, aig_headers, binding_config, envelope, fixture, json_answer, mount, only_request, received};

const TRACE: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN: &str = "00f067aa0ba902b7";
const RUN_GATEWAY: &str = "/v1/acc/my-gateway/workers-ai/@cf/meta/llama-3.1-8b-instruct";

async fn rest_server() -> (MockServer, Ai) {
    let server = MockServer::start().await;
    mount(&server, "POST", RUN_GATEWAY, envelope(&json!({"response": "ok"}))).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
    (server, ai)
}

/// The `cf-aig-*` option headers of one gateway run with `options` (not
/// `cf-aig-authorization`, which carries the API token here).
async fn run_headers(options: GatewayOptions) -> Vec<String> {
    let (server, ai) = rest_server().await;
    ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &RunOptions::new().gateway(options)).await.unwrap();
    let mut headers = aig_headers(&only_request(&server).await);
    headers.retain(|h| h != "cf-aig-authorization: Bearer api-token");
    headers
}

/// A context whose current span is the remote span `TRACE`/`SPAN`.
fn traced() -> opentelemetry::Context {
    let span = SpanContext::new(
        TraceId::from_hex(TRACE).unwrap(),
        SpanId::from_hex(SPAN).unwrap(),
        TraceFlags::SAMPLED,
        true,
        TraceState::default(),
    );
    opentelemetry::Context::current().with_remote_span_context(span)
}

#[tokio::test]
async fn new_options_are_sent_as_their_exact_headers() {
    let cost = CustomCost::per_token(0.000_001, 0.000_002).cache_read(0.000_000_1).cache_write(0.000_000_5);
    let options = GatewayOptions::new("my-gateway")
        .zdr(false)
        .no_wholesale(true)
        .otel_trace_id(TRACE)
        .otel_parent_span_id(SPAN)
        .custom_cost(cost);
    assert_eq!(
        run_headers(options).await,
        [
            // The spec's example value, byte for byte (§5.3).
            r#"cf-aig-custom-cost: {"per_token_in":0.000001,"per_token_out":0.000002,"per_cache_read_token":1e-7,"per_cache_write_token":5e-7}"#,
            "cf-aig-no-wholesale: true",
            "cf-aig-otel-parent-span-id: 00f067aa0ba902b7",
            "cf-aig-otel-trace-id: 4bf92f3577b34da6a3ce929d0e0e4736",
            "cf-aig-zdr: false",
        ]
    );
    // Only the documented `true` is ever sent for no-wholesale; one cache rate alone is kept alone.
    let options = GatewayOptions::new("my-gateway")
        .zdr(true)
        .no_wholesale(false)
        .custom_cost(CustomCost::per_token(1.0, 2.0).cache_write(0.5));
    assert_eq!(
        run_headers(options).await,
        [r#"cf-aig-custom-cost: {"per_token_in":1,"per_token_out":2,"per_cache_write_token":0.5}"#, "cf-aig-zdr: true",]
    );
}

#[tokio::test]
async fn invalid_new_options_are_refused_naming_the_option_before_sending() {
    let (server, ai) = rest_server().await;
    let gw = || GatewayOptions::new("my-gateway");
    let cases = [
        (gw().otel_trace_id("4bf92f3577b34da6a3ce929d0e0e473"), "gateway.otelTraceId"),
        (gw().otel_trace_id(format!("{TRACE}0")), "gateway.otelTraceId"),
        (gw().otel_trace_id("0".repeat(32)), "gateway.otelTraceId"),
        (gw().otel_trace_id("4bf92f3577b34da6a3ce929d0e0e473g"), "gateway.otelTraceId"),
        // The docs' example value holds `g` and `h`: not hex.
        (gw().otel_parent_span_id("a1b2c3d4e5f6g7h8"), "gateway.otelParentSpanId"),
        (gw().otel_parent_span_id("00f067aa0ba902b"), "gateway.otelParentSpanId"),
        (gw().otel_parent_span_id(""), "gateway.otelParentSpanId"),
        (gw().custom_cost(CustomCost::per_token(1.0, 1.0).cache_read(-1.0)), "gateway.customCost"),
        (gw().custom_cost(CustomCost::per_token(1.0, 1.0).cache_write(f64::NAN)), "gateway.customCost"),
    ];
    for (options, field) in cases {
        let run = RunOptions::new().gateway(options.clone());
        match ai.run::<_, Value>(MODEL, &json!({}), &run).await {
            Err(Error::InvalidInput { field: f, reason }) => assert_eq!(f, field, "{options:?}: {reason}"),
            other => panic!("{options:?}: expected invalid {field}, got {other:?}"),
        }
        let universal = UniversalOptions::new().gateway(options.clone());
        let step = UniversalStep::new("workers-ai", MODEL, json!({}));
        let refused = ai.gateway("my-gateway").run(step.into(), &universal).await;
        assert!(matches!(&refused, Err(Error::InvalidInput { field: f, .. }) if f == field), "{refused:?}");
    }
    // Upper-case hex is hex.
    let fine = gw().otel_trace_id(TRACE.to_uppercase()).otel_parent_span_id(SPAN.to_uppercase());
    ai.run::<_, Value>(MODEL, &json!({}), &RunOptions::new().gateway(fine)).await.unwrap();
    assert_eq!(received(&server).await.len(), 1, "only the valid request was sent");
}

#[tokio::test]
async fn otel_ids_come_from_the_current_trace_unless_the_caller_set_them() {
    // Without a trace: no OpenTelemetry header at all.
    assert!(run_headers(GatewayOptions::new("my-gateway")).await.is_empty());

    let _guard = traced().attach();
    assert_eq!(
        run_headers(GatewayOptions::new("my-gateway")).await,
        [format!("cf-aig-otel-parent-span-id: {SPAN}"), format!("cf-aig-otel-trace-id: {TRACE}")]
    );
    // Explicit values win over the context.
    let explicit = GatewayOptions::new("my-gateway")
        .otel_trace_id("0af7651916cd43dd8448eb211c80319c")
        .otel_parent_span_id("b7ad6b7169203331");
    assert_eq!(
        run_headers(explicit).await,
        ["cf-aig-otel-parent-span-id: b7ad6b7169203331", "cf-aig-otel-trace-id: 0af7651916cd43dd8448eb211c80319c"]
    );
    // One explicit id: the context is not mixed in (its span belongs to another trace).
    let only_trace = GatewayOptions::new("my-gateway").otel_trace_id("0af7651916cd43dd8448eb211c80319c");
    assert_eq!(run_headers(only_trace).await, ["cf-aig-otel-trace-id: 0af7651916cd43dd8448eb211c80319c"]);

    // A provider-native request without any gateway options carries the trace too.
    let server = MockServer::start().await;
    mount(&server, "POST", "/v1/acc/my-gateway/openai/chat/completions", json_answer(200, "{}")).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
    let provider = BuiltinProvider::openai("sk-test");
    let body = json!({"model": "gpt-4o-mini", "messages": []});
    ai.gateway("my-gateway")
        .provider_request(&provider, "chat/completions", &body, &UniversalOptions::new())
        .await
        .unwrap();
    assert_eq!(
        aig_headers(&only_request(&server).await),
        [
            // No gateway token: the API token authenticates the gateway host.
            "cf-aig-authorization: Bearer api-token".to_owned(),
            format!("cf-aig-otel-parent-span-id: {SPAN}"),
            format!("cf-aig-otel-trace-id: {TRACE}")
        ]
    );
}

#[tokio::test]
async fn an_invalid_span_context_sends_no_otel_headers() {
    let _guard = opentelemetry::Context::current().with_remote_span_context(SpanContext::empty_context()).attach();
    assert!(run_headers(GatewayOptions::new("my-gateway")).await.is_empty());
}

/// Binding protocol: the binding's `GatewayOptions` type has none of these
/// options (§2.3), so the body stays the binding's, byte for byte, and they
/// travel as `cf-aig-*` request headers, as a Worker's `extraHeaders` would.
#[tokio::test]
async fn binding_run_keeps_the_body_exact_and_sends_header_only_options_as_headers() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/ai-gateway/run", json_answer(200, r#"{"response":"ok"}"#)).await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    let options = GatewayOptions::new("my-gateway")
        .skip_cache(true)
        .zdr(true)
        .no_wholesale(true)
        .otel_trace_id(TRACE)
        .otel_parent_span_id(SPAN)
        .custom_cost(CustomCost::per_token(1.0, 2.0).cache_read(0.25))
        .collect_log_payload(false)
        .byok_alias("prod");
    let run = RunOptions::new().gateway(options).extra_header("cf-aig-zdr", "false");
    ai.run::<_, Value>(MODEL, &json!({"prompt": "test"}), &run).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.body, fixture("binding-ai-run-gateway.body.json").trim_ascii_end());
    assert_eq!(
        aig_headers(&request),
        [
            // Not `cf-aig-byok-alias`: the binding path uses only the `default` alias (§5.4).
            "cf-aig-collect-log-payload: false",
            r#"cf-aig-custom-cost: {"per_token_in":1,"per_token_out":2,"per_cache_read_token":0.25}"#,
            "cf-aig-no-wholesale: true",
            "cf-aig-otel-parent-span-id: 00f067aa0ba902b7",
            "cf-aig-otel-trace-id: 4bf92f3577b34da6a3ce929d0e0e4736",
            // Extra headers come last and win, as over HTTP.
            "cf-aig-zdr: false",
        ]
    );

    // The binding path reads the caller's trace too, and refuses bad values the same way.
    let _guard = traced().attach();
    let plain = RunOptions::new().gateway(GatewayOptions::new("my-gateway").skip_cache(true));
    ai.run::<_, Value>(MODEL, &json!({"prompt": "test"}), &plain).await.unwrap();
    let requests = received(&server).await;
    assert_eq!(requests[1].body, fixture("binding-ai-run-gateway.body.json").trim_ascii_end());
    assert_eq!(
        aig_headers(&requests[1]),
        [format!("cf-aig-otel-parent-span-id: {SPAN}"), format!("cf-aig-otel-trace-id: {TRACE}")]
    );
    let bad = RunOptions::new().gateway(GatewayOptions::new("my-gateway").otel_parent_span_id("a1b2c3d4e5f6g7h8"));
    let refused = ai.run::<_, Value>(MODEL, &json!({}), &bad).await;
    assert!(matches!(&refused, Err(Error::InvalidInput { field, .. }) if field == "gateway.otelParentSpanId"));
    assert_eq!(received(&server).await.len(), 2);
}
