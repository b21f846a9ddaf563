//! Universal request fixtures and the WebSocket universal messages.

use gateway_core::{
    Backoff, GatewayOptions, ProviderSlug, StepHeaderValue, UniversalOptions, UniversalRequest, UniversalStep,
};
use serde_json::{Value, json};
use wiremock::MockServer;

use crate::common::{MODEL, fixture, fixture_json, header, json_answer, mount_once, only_request};
use crate::{BINDING_UNIVERSAL, GW, UNIVERSAL, binding_ai, chat_input, rest_ai};

#[test]
fn universal_request_fixtures_decode() {
    let raw = fixture("universal-two-steps.request.json");
    let request: UniversalRequest = serde_json::from_slice(&raw).expect("UniversalRequest");
    let [first, second] = request.steps() else { panic!("two steps expected, got {request:?}") };
    assert_eq!(first.provider, ProviderSlug::WorkersAi);
    assert_eq!(first.endpoint, MODEL);
    assert_eq!(first.headers.len(), 2);
    assert!(
        matches!(first.headers.get("authorization"), Some(StepHeaderValue::String(s)) if s == "Bearer {cloudflare_token}"),
        "{first:?}"
    );
    assert_eq!(
        first.headers.get("Content-Type").and_then(StepHeaderValue::to_wire).as_deref(),
        Some("application/json")
    );
    assert_eq!(first.query["messages"][0], json!({"role": "system", "content": "You are a friendly assistant"}));
    assert_eq!(first.query["messages"][1]["content"], "What is Cloudflare?");
    assert_eq!(first.config, None);
    assert_eq!(second.provider, ProviderSlug::Openai);
    assert_eq!(second.endpoint, "chat/completions");
    assert_eq!(
        second.headers.get("Authorization").and_then(StepHeaderValue::to_wire).as_deref(),
        Some("Bearer {open_ai_token}")
    );
    assert_eq!(second.query["model"], "gpt-4o-mini");
    assert_eq!(second.query["stream"], true);
    assert_eq!(second.config, None);
    // Re-encoded: the compact form of the fixture, key order kept.
    let compact = serde_json::to_vec(&serde_json::from_slice::<Value>(&raw).expect("JSON")).expect("compact");
    assert_eq!(
        String::from_utf8(request.to_body().expect("valid")).expect("UTF-8"),
        String::from_utf8(compact).expect("UTF-8")
    );

    let raw = fixture("universal-step-config.request.json");
    let request: UniversalRequest = serde_json::from_slice(&raw).expect("UniversalRequest");
    let [first, second] = request.steps() else { panic!("two steps expected, got {request:?}") };
    assert_eq!((first.provider.as_str(), first.endpoint.as_str()), ("workers-ai", MODEL));
    assert_eq!(first.query, chat_input());
    let config = first.config.as_ref().expect("first step config");
    assert_eq!(config.request_timeout, Some(1000));
    assert_eq!((config.max_attempts, config.retry_delay, config.backoff), (None, None, None));
    assert_eq!((second.provider.as_str(), second.endpoint.as_str()), ("openai", "chat/completions"));
    let config = second.config.as_ref().expect("second step config");
    assert_eq!(config.request_timeout, None);
    assert_eq!(config.max_attempts, Some(2));
    assert_eq!(config.retry_delay, Some(1000));
    assert_eq!(config.backoff, Some(Backoff::Constant));
    // `config` is written after `query`; the content is unchanged.
    let reencoded: Value = serde_json::from_slice(&request.to_body().expect("valid")).expect("JSON");
    assert_eq!(reencoded, serde_json::from_slice::<Value>(&raw).expect("JSON"));
}

#[tokio::test]
async fn universal_run_rest_sends_the_fixture_and_reads_the_step() {
    let server = MockServer::start().await;
    let answer = json_answer(200, fixture("workers-ai-run.response.json"))
        .insert_header("cf-aig-step", "1")
        .insert_header("cf-aig-log-id", "01JUNIVERSAL")
        .insert_header("cf-aig-cache-status", "MISS");
    mount_once(&server, "POST", UNIVERSAL, answer).await;
    let raw = fixture("universal-two-steps.request.json");
    let request: UniversalRequest = serde_json::from_slice(&raw).expect("UniversalRequest");
    let response = rest_ai(&server).gateway(GW).run(request, &UniversalOptions::new()).await.expect("run");
    assert_eq!(response.status, 200);
    assert_eq!(response.meta.step, Some(1));
    assert_eq!(response.meta.log_id.as_deref(), Some("01JUNIVERSAL"));
    assert!(!response.meta.is_cache_hit());
    let output: Value = response.output().expect("output");
    assert!(output["response"].as_str().expect("text").starts_with("Hello, World first appeared in 1974"));

    let sent = only_request(&server).await;
    let compact = serde_json::to_vec(&serde_json::from_slice::<Value>(&raw).expect("JSON")).expect("compact");
    assert_eq!(sent.body, compact);
}

#[tokio::test]
async fn universal_run_binding_bodies_are_byte_identical() {
    // Fixture A: per-step cf-aig headers, no options.
    let server = MockServer::start().await;
    mount_once(&server, "POST", BINDING_UNIVERSAL, json_answer(200, fixture("binding-ai-run.response.json"))).await;
    let raw = fixture("binding-universal-run.body.json");
    let request: UniversalRequest = serde_json::from_slice(&raw).expect("UniversalRequest");
    assert_eq!(request.to_body().expect("valid"), raw);
    let response = binding_ai(&server).gateway(GW).run(request, &UniversalOptions::new()).await.expect("run");
    assert_eq!(response.json::<Value>().expect("JSON"), json!({"response": "model response"}));
    let sent = only_request(&server).await;
    assert_eq!(sent.body, raw);
    assert_eq!(header(&sent, "content-type"), Some("application/json"));
    assert_eq!(header(&sent, "cf-aig-skip-cache"), None, "per-step headers stay in the body");

    // Fixture B: request-level options and extra headers.
    let server = MockServer::start().await;
    mount_once(&server, "POST", BINDING_UNIVERSAL, json_answer(200, "{}")).await;
    let raw = fixture("binding-universal-run-options.body.json");
    let request: UniversalRequest = serde_json::from_slice(&raw).expect("UniversalRequest");
    let options = UniversalOptions::new()
        .gateway(GatewayOptions::default().skip_cache(false).cache_ttl(123))
        .extra_header("x-custom", "stuff");
    binding_ai(&server).gateway(GW).run(request, &options).await.expect("run");
    let sent = only_request(&server).await;
    assert_eq!(sent.body, raw);
    let expected_headers = String::from_utf8(fixture("binding-universal-run-options.headers.txt")).expect("UTF-8");
    for line in expected_headers.lines().filter(|l| !l.trim().is_empty()) {
        let (name, value) = line.split_once(':').expect("name: value");
        assert_eq!(header(&sent, name.trim()), Some(value.trim()), "header {name}");
    }
}

#[test]
fn websocket_fixtures_parse() {
    let create = fixture_json("websocket-universal-create.json");
    assert_eq!(create["type"], "universal.create");
    assert_eq!(create["request"]["eventId"], "my-request");
    // The request is a universal step plus an event id.
    let step: UniversalStep = serde_json::from_value(create["request"].clone()).expect("UniversalStep");
    assert_eq!(step.provider, ProviderSlug::WorkersAi);
    assert_eq!(step.endpoint, MODEL);
    assert_eq!(
        step.headers.get("Authorization").and_then(StepHeaderValue::to_wire).as_deref(),
        Some("Bearer WORKERS_AI_TOKEN")
    );
    assert_eq!(step.query, json!({"prompt": "tell me a joke"}));

    let created = fixture_json("websocket-universal-created.json");
    assert_eq!(created["type"], "universal.created");
    let meta = &created["metadata"];
    assert_eq!(meta["cacheStatus"], "MISS");
    assert_eq!(meta["eventId"], "my-request");
    assert_eq!(meta["logId"], "01JC3R94FRD97JBCBX3S0ZAXKW");
    assert_eq!(meta["step"], "0", "the step is a string here");
    assert_eq!(meta["contentType"], "application/json");
    assert_eq!(created["response"]["success"], true);
    assert!(
        created["response"]["result"]["response"].as_str().expect("text").starts_with("Why was the math book sad?"),
        "{created}"
    );

    let stream = fixture_json("websocket-universal-stream.json");
    assert_eq!(stream["type"], "universal.stream");
    assert_eq!(stream["metadata"], json!({"eventId": "my-request"}));
    assert_eq!(stream["response"]["response"], "would");
}
