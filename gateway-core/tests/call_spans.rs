//! Each inference call is a `tracing` span with the OpenTelemetry
//! attributes (`gen_ai.*`, the gateway's id, log id and cache status): a
//! service exporting its `tracing` spans with `tracing-opentelemetry` sees
//! the call as a client span of its own trace, and the gateway is sent that
//! span as its parent (`cf-aig-otel-*` and `traceparent`), over a loopback
//! server.

mod common;

use std::sync::{Arc, Mutex, PoisonError};

use gateway_core::types::otel::attr;
use gateway_core::{Ai, BuiltinProvider, Gateway, GatewayOptions, RunOptions, UniversalOptions};
use opentelemetry::trace::{SpanKind, Status, TracerProvider as _};
use opentelemetry_sdk::error::OTelSdkResult;
use opentelemetry_sdk::trace::{SdkTracerProvider, SpanData, SpanExporter};
use serde_json::{Value, json};
use tracing::Instrument as _;
use tracing_subscriber::layer::SubscriberExt as _;
use wiremock::MockServer;

use common::{MODEL, json_answer, mount, received};

const OPENAI: &str = "/v1/acc/my-gateway/openai/chat/completions";
const RUN_GATEWAY: &str = "/v1/acc/my-gateway/workers-ai/@cf/meta/llama-3.1-8b-instruct";
const LOG_ID: &str = "019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07";

/// Keeps every span the SDK exports.
#[derive(Debug, Clone, Default)]
struct Kept(Arc<Mutex<Vec<SpanData>>>);

impl SpanExporter for Kept {
    async fn export(&self, batch: Vec<SpanData>) -> OTelSdkResult {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).extend(batch);
        Ok(())
    }
}

impl Kept {
    fn spans(&self) -> Vec<SpanData> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

fn attribute(span: &SpanData, key: &str) -> Option<String> {
    span.attributes.iter().find(|kv| kv.key.as_str() == key).map(|kv| kv.value.as_str().into_owned())
}

#[tokio::test]
async fn a_call_is_a_client_span_of_the_callers_trace_and_its_parent_at_the_gateway() {
    let server = MockServer::start().await;
    let answer = json!({"id": "c1", "choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 4}});
    let reported = json_answer(200, answer.to_string())
        .insert_header("cf-aig-log-id", LOG_ID)
        .insert_header("cf-aig-cache-status", "HIT");
    mount(&server, "POST", OPENAI, reported).await;
    let failed =
        json_answer(500, r#"{"success":false,"result":[],"messages":[],"errors":[{"code":2005,"message":"x"}]}"#);
    mount(&server, "POST", RUN_GATEWAY, failed).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();

    let kept = Kept::default();
    let provider = SdkTracerProvider::builder().with_simple_exporter(kept.clone()).build();
    let subscriber =
        tracing_subscriber::registry().with(tracing_opentelemetry::layer().with_tracer(provider.tracer("service")));
    let _default = tracing::subscriber::set_default(subscriber);

    let service = tracing::info_span!("handle order");
    async {
        let body = json!({"model": "gpt-4o-mini", "messages": []});
        let openai = BuiltinProvider::openai("sk-test");
        ai.gateway("my-gateway")
            .provider_request(&openai, "chat/completions", &body, &UniversalOptions::new())
            .await
            .unwrap();
        let run = RunOptions::new().gateway(GatewayOptions::new("my-gateway"));
        assert!(ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &run).await.is_err());
    }
    .instrument(service.clone())
    .await;
    drop(service);

    let spans = kept.spans();
    let service = spans.iter().find(|s| s.name == "handle order").expect("the service's span");
    let calls: Vec<&SpanData> = spans.iter().filter(|s| attribute(s, attr::OPERATION).is_some()).collect();
    assert_eq!(calls.len(), 2, "a span per call: {spans:#?}");
    for call in &calls {
        assert_eq!(call.span_kind, SpanKind::Client);
        assert_eq!(call.span_context.trace_id(), service.span_context.trace_id(), "the caller's trace");
        assert_eq!(call.parent_span_id, service.span_context.span_id(), "a child of the caller's span");
        assert_eq!(attribute(call, attr::GATEWAY_ID).as_deref(), Some("my-gateway"));
    }

    let chat = calls.iter().find(|s| s.name == "chat gpt-4o-mini").expect("the provider request's span");
    for (key, value) in [
        (attr::OPERATION, "chat"),
        (attr::SYSTEM, "openai"),
        (attr::PROVIDER, "openai"),
        (attr::REQUEST_MODEL, "gpt-4o-mini"),
        (attr::LOG_ID, LOG_ID),
        (attr::CACHE_STATUS, "HIT"),
        (attr::INPUT_TOKENS, "3"),
        (attr::OUTPUT_TOKENS, "4"),
        (attr::STATUS, "200"),
    ] {
        assert_eq!(attribute(chat, key).as_deref(), Some(value), "{key}: {chat:#?}");
    }
    assert_eq!(attribute(chat, attr::ERROR_TYPE), None);

    let run = calls.iter().find(|s| s.name == format!("generate_content {MODEL}")).expect("the run's span");
    assert_eq!(attribute(run, attr::SYSTEM).as_deref(), Some("workers-ai"));
    assert_eq!(attribute(run, attr::ERROR_TYPE).as_deref(), Some("500"));
    assert!(matches!(run.status, Status::Error { .. }), "{:?}", run.status);

    // The gateway was told each call's own span as the parent, both ways.
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for (request, call) in requests.iter().zip([chat, run]) {
        let header = |name: &str| request.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let (trace, span) = (call.span_context.trace_id().to_string(), call.span_context.span_id().to_string());
        assert_eq!(header("cf-aig-otel-trace-id"), Some(trace.clone()));
        assert_eq!(header("cf-aig-otel-parent-span-id"), Some(span.clone()));
        assert_eq!(header("traceparent"), Some(format!("00-{trace}-{span}-01")));
    }
}

#[tokio::test]
async fn without_a_subscriber_calls_send_no_trace_headers() {
    let server = MockServer::start().await;
    mount(&server, "POST", OPENAI, json_answer(200, "{}")).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
    let body = json!({"model": "gpt-4o-mini", "messages": []});
    ai.gateway("my-gateway")
        .provider_request(&BuiltinProvider::openai("sk-test"), "chat/completions", &body, &UniversalOptions::new())
        .await
        .unwrap();
    let request = &received(&server).await[0];
    for name in ["traceparent", "cf-aig-otel-trace-id", "cf-aig-otel-parent-span-id"] {
        assert!(!request.headers.contains_key(name), "{name}");
    }
}
