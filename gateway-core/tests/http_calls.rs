//! Every client call against a real HTTP server on loopback: exact method,
//! path, query, headers and body, and what comes back.

#![allow(clippy::too_many_lines, reason = "end-to-end scenarios read best in one piece")]

mod common;

use std::time::Duration;

use gateway_core::{
    Ai, AuthScheme, Backoff, BuiltinProvider, CacheStatus, Config, DeleteLogs, Direction, Error, Feedback, FilterKey,
    FilterOperator, Gateway, GatewayOptions, GatewayRetries, ListLogs, ListOrderBy, LogFilter, Metadata, MetadataValue,
    PatchLog, Provider, ProviderSlug, RunOptions, StepHeaderValue, UniversalOptions, UniversalRequest, UniversalStep,
};
use secrecy::SecretString;
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use common::{
    BINDING_UNIVERSAL, LOGS, MODEL, UNIVERSAL, aig_headers, assert_json_without_aig_headers, binding_config,
    closed_port, envelope, fixture, from_step, header, json_answer, mount, only_request, received, silent_server,
};

const API_TOKEN: &str = "api-token-SECRET";
const GATEWAY_TOKEN: &str = "aig-token-SECRET";

fn rest(server: &MockServer) -> Config {
    common::rest_config(server, API_TOKEN)
}

fn fixture_a_step() -> UniversalStep {
    UniversalStep::new(ProviderSlug::WorkersAi, MODEL, json!({"prompt": "What is Cloudflare?"}))
        .header("Authorization", "Bearer abcde")
        .header("Content-Type", "application/json")
}

#[tokio::test]
async fn binding_universal_run_fixture_a_is_byte_exact() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        BINDING_UNIVERSAL,
        ResponseTemplate::new(200).insert_header("cf-aig-log-id", "L").set_body_string("{}"),
    )
    .await;
    let step = fixture_a_step()
        .header("cf-aig-metadata", json!({"user": 123}))
        .header("cf-aig-custom-cost", json!({"total_cost": 1.22}))
        .header("cf-aig-skip-cache", false)
        .header("cf-aig-cache-ttl", 123);
    let ai = Ai::new(binding_config(&server)).unwrap();
    let response = ai.gateway("my-gateway").run(step.into(), &UniversalOptions::new()).await.unwrap();
    assert_eq!(response.meta.log_id.as_deref(), Some("L"));

    let request = only_request(&server).await;
    let expected = fixture("binding-universal-run.body.json");
    assert_eq!(expected.len(), 322);
    assert_eq!(request.body, expected, "body:\n{}", String::from_utf8_lossy(&request.body));
    assert_eq!(header(&request, "content-length"), Some("322"));
    assert_json_without_aig_headers(&request);
}

#[tokio::test]
async fn binding_universal_run_fixture_b_is_byte_exact() {
    let server = MockServer::start().await;
    mount(&server, "POST", BINDING_UNIVERSAL, ResponseTemplate::new(200)).await;
    let options = UniversalOptions::new()
        .gateway(GatewayOptions::default().skip_cache(false).cache_ttl(123))
        .extra_header("x-custom", "stuff");
    let ai = Ai::new(binding_config(&server)).unwrap();
    ai.gateway("my-gateway").run(fixture_a_step().into(), &options).await.unwrap();

    let request = only_request(&server).await;
    let expected = fixture("binding-universal-run-options.body.json");
    assert_eq!(expected.len(), 189);
    assert_eq!(request.body, expected);
    let wanted = String::from_utf8(fixture("binding-universal-run-options.headers.txt")).unwrap();
    for line in wanted.lines().filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(": ").unwrap();
        assert_eq!(header(&request, name), Some(value), "header {name}");
    }
    assert_eq!(aig_headers(&request), ["cf-aig-cache-ttl: 123", "cf-aig-skip-cache: false"]);
}

#[tokio::test]
async fn rest_universal_run_sends_gateway_token_and_fallback_list() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        UNIVERSAL,
        from_step(1)
            .insert_header("cf-aig-log-id", "01JADMCQQQBWH3NXZ5GCRN98DP")
            .insert_header("cf-aig-cache-status", "MISS")
            .set_body_json(json!({"choices": [{"message": {"content": "hi"}}]})),
    )
    .await;
    let ai = Ai::new(rest(&server).with_gateway_token(GATEWAY_TOKEN)).unwrap();
    let workers = BuiltinProvider::workers_ai("cf-key").step(MODEL, json!({"prompt": "hi"}));
    let openai = BuiltinProvider::openai("sk-key")
        .step("chat/completions", json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}));
    let options = UniversalOptions::new().gateway(
        GatewayOptions::default()
            .retries(GatewayRetries::new().max_attempts(2).retry_delay_ms(100).backoff(Backoff::Constant)),
    );
    let response = ai.gateway("my-gateway").run(vec![workers, openai].into(), &options).await.unwrap();
    assert_eq!(response.meta.step, Some(1));
    assert_eq!(response.meta.cache_status, Some(CacheStatus::Miss));
    let body: Value = response.json().unwrap();
    assert_eq!(body["choices"][0]["message"]["content"], "hi");

    let request = only_request(&server).await;
    assert_eq!(header(&request, "cf-aig-authorization"), Some("Bearer aig-token-SECRET"));
    assert_eq!(header(&request, "authorization"), None, "the API token never goes to the gateway host");
    assert_eq!(
        aig_headers(&request),
        [
            "cf-aig-authorization: Bearer aig-token-SECRET",
            "cf-aig-backoff: constant",
            "cf-aig-max-attempts: 2",
            "cf-aig-retry-delay: 100",
        ]
    );
    let sent: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        sent,
        json!([
            {"provider": "workers-ai", "endpoint": MODEL,
             "headers": {"Authorization": "Bearer cf-key", "Content-Type": "application/json"},
             "query": {"prompt": "hi"}},
            {"provider": "openai", "endpoint": "chat/completions",
             "headers": {"Authorization": "Bearer sk-key", "Content-Type": "application/json"},
             "query": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}}
        ])
    );
}

#[tokio::test]
async fn direct_workers_ai_run() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        &format!("/client/v4/accounts/acc/ai/run/{MODEL}"),
        ResponseTemplate::new(200)
            .insert_header("cf-ai-req-id", "req-1")
            .set_body_raw(fixture("workers-ai-run-usage.response.json"), "application/json"),
    )
    .await;
    let ai = Ai::new(rest(&server)).unwrap();
    let answer =
        ai.run::<_, Value>(MODEL, &json!({"prompt": "hi", "temperature": 0.5}), &RunOptions::new()).await.unwrap();
    assert_eq!(answer.output["usage"]["total_tokens"], 257);
    assert_eq!(answer.meta.ai_request_id.as_deref(), Some("req-1"));
    assert_eq!(answer.log_id(), None);
    assert_eq!(ai.ai_gateway_log_id(), None);

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(header(&request, "authorization"), Some("Bearer api-token-SECRET"));
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(request.body, br#"{"prompt":"hi","temperature":0.5}"#);
    assert!(aig_headers(&request).is_empty());
}

#[tokio::test]
async fn workers_ai_run_through_gateway_maps_every_option_to_headers() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        &format!("/v1/acc/my-gateway/workers-ai/{MODEL}"),
        ResponseTemplate::new(200)
            .insert_header("cf-aig-log-id", "log-1")
            .insert_header("cf-aig-request-id", "log-1")
            .insert_header("cf-aig-cache-status", "HIT")
            .insert_header("cf-aig-step", "0")
            .insert_header("cf-aig-event-id", "evt")
            .insert_header("cf-aig-model", MODEL)
            .insert_header("cf-aig-provider", "workers-ai")
            .set_body_raw(fixture("workers-ai-run.response.json"), "application/json"),
    )
    .await;
    let ai = Ai::new(rest(&server).with_gateway_token(GATEWAY_TOKEN)).unwrap();
    let gateway = GatewayOptions::new("my-gateway")
        .cache_key("k1")
        .cache_ttl(3600)
        .skip_cache(false)
        .metadata(Metadata::new().with("team", "AI").with("user", 12345).with("test", true))
        .collect_log(true)
        .event_id("evt")
        .request_timeout_ms(0)
        .retries(GatewayRetries::new().max_attempts(3).retry_delay_ms(500).backoff(Backoff::Exponential));
    let options = RunOptions::new()
        .gateway(gateway)
        // Extra headers replace mapped ones, but never the content type or credentials.
        .extra_header("cf-aig-cache-key", "from-extra")
        .extra_header("content-type", "text/plain")
        .extra_header("authorization", "Bearer stolen")
        .extra_header("x-trace", "t");
    let answer = ai.run::<_, Out>(MODEL, &json!({"prompt": "hello"}), &options).await.unwrap();
    assert!(answer.output.response.starts_with("Hello, World first appeared in 1974"));
    let meta = &answer.meta;
    assert_eq!(meta.status, 200);
    assert_eq!(meta.log_id.as_deref(), Some("log-1"));
    assert_eq!(meta.request_id.as_deref(), Some("log-1"));
    assert!(meta.is_cache_hit());
    assert_eq!(meta.step, Some(0));
    assert_eq!(meta.event_id.as_deref(), Some("evt"));
    assert_eq!(meta.model.as_deref(), Some(MODEL));
    assert_eq!(meta.provider.as_deref(), Some("workers-ai"));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("log-1"));

    let request = only_request(&server).await;
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(header(&request, "authorization"), Some("Bearer api-token-SECRET"));
    assert_eq!(header(&request, "x-trace"), Some("t"));
    assert_eq!(
        aig_headers(&request),
        [
            "cf-aig-authorization: Bearer aig-token-SECRET",
            "cf-aig-backoff: exponential",
            "cf-aig-cache-key: from-extra",
            "cf-aig-cache-ttl: 3600",
            "cf-aig-collect-log: true",
            "cf-aig-event-id: evt",
            "cf-aig-max-attempts: 3",
            "cf-aig-metadata: {\"team\":\"AI\",\"user\":12345,\"test\":true}",
            "cf-aig-request-timeout: 0",
            "cf-aig-retry-delay: 500",
            "cf-aig-skip-cache: false",
        ]
    );
    assert_eq!(request.body, br#"{"prompt":"hello"}"#);
}

#[derive(serde::Deserialize)]
struct Out {
    response: String,
}

/// Answers with a log id taken from the request body, so each caller can
/// check it got its own.
struct EchoLogId;

impl Respond for EchoLogId {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let id = body["prompt"].as_str().unwrap_or("none").to_owned();
        envelope(&json!({"response": &id}))
            .insert_header("cf-aig-log-id", id.as_str())
            .set_delay(Duration::from_millis((id.len() as u64 % 7) * 3))
    }
}

#[tokio::test]
async fn concurrent_runs_each_get_their_own_log_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(EchoLogId).mount(&server).await;
    let ai = Ai::new(rest(&server)).unwrap();
    let options = RunOptions::new().gateway(GatewayOptions::new("my-gateway"));
    let calls = (0..32).map(|i| {
        let ai = ai.clone();
        let options = options.clone();
        tokio::spawn(async move {
            let prompt = format!("call-{i}-{}", "x".repeat(i));
            let answer = ai.run::<_, Value>(MODEL, &json!({"prompt": prompt}), &options).await.unwrap();
            (prompt, answer)
        })
    });
    for call in calls.collect::<Vec<_>>() {
        let (prompt, answer) = call.await.unwrap();
        assert_eq!(answer.log_id(), Some(prompt.as_str()));
        assert_eq!(answer.output["response"], prompt.as_str());
    }
    assert!(ai.ai_gateway_log_id().is_some_and(|id| id.starts_with("call-")));
}

#[tokio::test]
async fn binding_transport_streams() {
    let sse = "data: {\"response\":\"Hel\"}\n\ndata: {\"response\":\"lo\"}\n\ndata: [DONE]\n\n";
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/ai-gateway/run",
        ResponseTemplate::new(200).insert_header("cf-aig-log-id", "stream-log").set_body_raw(sse, "text/event-stream"),
    )
    .await;
    mount(&server, "POST", BINDING_UNIVERSAL, from_step(1).set_body_raw(sse, "text/event-stream")).await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    // `Ai::run_stream` through a gateway: the body asks to stream, the chunks come typed.
    let options = RunOptions::new().gateway(GatewayOptions::new("my-gateway"));
    let stream = ai.run_stream::<_, Value>(MODEL, &json!({"prompt": "hi"}), &options).await.unwrap();
    assert_eq!(stream.meta.log_id.as_deref(), Some("stream-log"));
    let chunks = stream.try_collect_all().await.unwrap();
    let text: String = chunks.iter().filter_map(|c| c["response"].as_str()).collect();
    assert_eq!(text, "Hello");
    let requests = received(&server).await;
    assert_eq!(requests[0].url.query(), Some("version=3"));
    let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(body["inputs"], json!({"prompt": "hi", "stream": true}));
    assert_eq!(header(&requests[0], "cf-consn-model-id"), Some(MODEL));
    // A universal request's stream over the binding protocol.
    let step = UniversalStep::new("workers-ai", MODEL, json!({"prompt": "hi", "stream": true}));
    let events = ai.gateway("my-gateway").run_stream(vec![step].into(), &UniversalOptions::new()).await.unwrap();
    assert_eq!(events.meta.step, Some(1));
    let chunks = events.chunks::<Value>(gateway_core::StreamProtocol::DoneSentinel).try_collect_all().await.unwrap();
    assert_eq!(chunks.len(), 2);
}

#[tokio::test]
async fn binding_transport_ai_run_body_and_headers() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/ai-gateway/run",
        ResponseTemplate::new(200)
            .insert_header("cf-aig-log-id", "b-log")
            .set_body_raw(fixture("binding-ai-run.response.json"), "application/json"),
    )
    .await;
    mount(&server, "POST", "/run", json_answer(200, r#"{"response":"direct"}"#)).await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    let options = RunOptions::new()
        .gateway(GatewayOptions::new("my-gateway").skip_cache(true))
        .extra_header("cf-consn-model-id", "spoofed");
    let answer = ai.run::<_, Value>(MODEL, &json!({"prompt": "test"}), &options).await.unwrap();
    assert_eq!(answer.output, json!({"response": "model response"}));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("b-log"));

    let requests = received(&server).await;
    let request = &requests[0];
    assert_eq!(request.url.query(), Some("version=3"));
    assert_eq!(request.body, fixture("binding-ai-run-gateway.body.json").trim_ascii_end());
    assert_eq!(header(request, "cf-consn-sdk-version"), Some("2.0.0"));
    assert_eq!(header(request, "cf-consn-model-id"), Some(MODEL), "fixed headers win over extra ones");
    assert!(aig_headers(request).is_empty(), "gateway options travel in the body only");

    // Without a gateway: `/run`, and tags travel in the body.
    let tagged = RunOptions::new().tag("team:ai").tag("team:ai").tag("v1.2/x@y");
    let answer = ai.run::<_, Value>(MODEL, &json!({"prompt": "p"}), &tagged).await.unwrap();
    assert_eq!(answer.output["response"], "direct");
    assert_eq!(ai.ai_gateway_log_id(), None, "a run without a log id clears the last one");
    let requests = received(&server).await;
    assert_eq!(requests[1].url.path(), "/run");
    assert_eq!(requests[1].body, br#"{"inputs":{"prompt":"p"},"options":{"tags":["team:ai","v1.2/x@y"]}}"#);
}

#[tokio::test]
async fn invalid_input_is_rejected_before_sending() {
    let server = silent_server().await;
    let ai = Ai::new(rest(&server)).unwrap();
    let gateway = ai.gateway("my-gateway");
    let run = |options: RunOptions, model: &'static str| {
        let ai = ai.clone();
        async move { ai.run::<_, Value>(model, &json!({}), &options).await.unwrap_err() }
    };
    let six: Metadata = (0..6).map(|i| (format!("k{i}"), i)).collect();
    let cases: Vec<(Error, &str)> = vec![
        (
            run(RunOptions::new().gateway(GatewayOptions::new("gw").metadata(six.clone())), MODEL).await,
            "gateway.metadata",
        ),
        (
            run(
                RunOptions::new().gateway(GatewayOptions::new("gw").retries(GatewayRetries::new().max_attempts(6))),
                MODEL,
            )
            .await,
            "gateway.retries.maxAttempts",
        ),
        (run(RunOptions::new().gateway(GatewayOptions::new("GW!")), MODEL).await, "gateway.id"),
        (run(RunOptions::new().gateway(GatewayOptions::default()), MODEL).await, "gateway.id"),
        (run(RunOptions::new(), "../../accounts/other").await, "model"),
        (run(RunOptions::new(), "").await, "model"),
        (run(RunOptions::new().tag("bad tag"), MODEL).await, "tags"),
        (run(RunOptions::new().tag("ok"), MODEL).await, "tags"),
        (run(RunOptions::new().extra_header("bad header", "x"), MODEL).await, "extraHeaders"),
        (run(RunOptions::new().extra_header("x-ok", "line\nbreak"), MODEL).await, "extraHeaders.x-ok"),
        (gateway.patch_log("L", &PatchLog::new().score(101)).await.unwrap_err(), "score"),
        (gateway.patch_log("L", &PatchLog::new().metadata(six)).await.unwrap_err(), "metadata"),
        (gateway.list_logs(&ListLogs::new().per_page(500)).await.unwrap_err(), "per_page"),
        (gateway.delete_logs(&DeleteLogs::new().limit(0)).await.unwrap_err(), "limit"),
        (gateway.run(UniversalRequest::new(vec![]), &UniversalOptions::new()).await.unwrap_err(), "steps"),
        (ai.gateway("Not A Gateway").get_log("L").await.unwrap_err(), "gateway id"),
        (gateway.get_log("").await.unwrap_err(), "log id"),
        (
            gateway
                .provider_request(&BuiltinProvider::openai("k"), "../admin", &json!({}), &UniversalOptions::new())
                .await
                .unwrap_err(),
            "endpoint",
        ),
    ];
    for (error, field) in cases {
        match error {
            Error::InvalidInput { field: got, reason } => assert_eq!(got, field, "{reason}"),
            other => panic!("expected invalid {field}, got {other:?}"),
        }
    }
}

/// Absent and null differ: an `Option` set to `None` is left out, an
/// explicit `MetadataValue::Null` is refused before anything is sent, on a
/// call (`cf-aig-metadata`) and on a log patch alike.
#[tokio::test]
async fn explicit_null_metadata_is_refused_before_sending() {
    let server = silent_server().await;
    let ai = Ai::new(rest(&server)).unwrap();
    let gateway = ai.gateway("my-gateway");
    let nulls = [
        Metadata::new().with("user", "u1").with("team", MetadataValue::Null),
        Metadata::new().with("user", "u1").with("team", Some(MetadataValue::Null)),
    ];
    for metadata in nulls {
        let options = RunOptions::new().gateway(GatewayOptions::new("gw").metadata(metadata.clone()));
        let errors = [
            ai.run::<_, Value>(MODEL, &json!({}), &options).await.unwrap_err(),
            gateway
                .run(
                    UniversalRequest::new(vec![BuiltinProvider::openai("k").step("chat/completions", json!({}))]),
                    &UniversalOptions::new().gateway(GatewayOptions::default().metadata(metadata.clone())),
                )
                .await
                .unwrap_err(),
            gateway.patch_log("L", &PatchLog::new().metadata(metadata)).await.unwrap_err(),
        ];
        for error in errors {
            match error {
                Error::InvalidInput { field, reason } => {
                    assert!(field.ends_with("metadata.team"), "{field}");
                    assert!(reason.contains("must not be null") && reason.contains("left out"), "{reason}");
                }
                other => panic!("expected invalid metadata.team, got {other:?}"),
            }
        }
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn log_operations_hit_the_v4_endpoints() {
    let server = MockServer::start().await;
    mount(&server, "PATCH", &format!("{LOGS}/L1"), json_answer(200, fixture("log-patch.response.json"))).await;
    mount(&server, "GET", &format!("{LOGS}/L1"), json_answer(200, fixture("log-get.response.json"))).await;
    mount(&server, "GET", LOGS, json_answer(200, fixture("log-list.response.json"))).await;
    mount(&server, "DELETE", LOGS, json_answer(200, fixture("logs-delete.response.json"))).await;
    mount(&server, "GET", &format!("{LOGS}/L1/request"), json_answer(200, r#"{"prompt":"stored"}"#)).await;
    let text = ResponseTemplate::new(200).set_body_raw("plain text answer", "text/plain");
    mount(&server, "GET", &format!("{LOGS}/L1/response"), text).await;
    let urls = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/url";
    mount(&server, "GET", &format!("{urls}/openai"), json_answer(200, fixture("get-url.response.json"))).await;
    let universal = json_answer(200, r#"{"result":"https://gw/v1/acc/my-gateway/","success":true}"#);
    mount(&server, "GET", &format!("{urls}/universal"), universal).await;

    let ai = Ai::new(rest(&server).with_gateway_token(GATEWAY_TOKEN)).unwrap();
    let gateway = ai.gateway("my-gateway");
    let patch = PatchLog::new().feedback(Feedback::Positive).score(100).metadata(Metadata::new().with("user", "123"));
    gateway.patch_log("L1", &patch).await.unwrap();
    let log = gateway.get_log("L1").await.unwrap();
    assert_eq!(log.id, "id");
    let filters = ListLogs::new()
        .filter(LogFilter::eq(FilterKey::Provider, "openai"))
        .filter(LogFilter::eq(FilterKey::Success, true))
        .filter(LogFilter::new(FilterKey::Cost, FilterOperator::Gt, [0.5, 1.0]))
        .page(2)
        .order_by(ListOrderBy::CreatedAt, Direction::Desc);
    let page = gateway.list_logs(&filters).await.unwrap();
    assert_eq!(page.logs.len(), 1);
    gateway.delete_logs(&DeleteLogs::by_id("L1").limit(1)).await.unwrap();
    let stored = gateway.log_request("L1").await.unwrap();
    assert_eq!(stored.json::<Value>().unwrap(), json!({"prompt": "stored"}));
    let stored = gateway.log_response("L1").await.unwrap();
    assert_eq!((stored.text().as_str(), stored.content_type.as_deref()), ("plain text answer", Some("text/plain")));
    assert_eq!(
        gateway.get_url(Some(&ProviderSlug::Openai)).await.unwrap(),
        "https://gateway.ai.cloudflare.com/v1/my-account-id/my-gateway/openai"
    );
    assert_eq!(gateway.get_url(None).await.unwrap(), "https://gw/v1/acc/my-gateway/");

    let requests = received(&server).await;
    let summary: Vec<String> = requests
        .iter()
        .map(|r| format!("{} {}{}", r.method, r.url.path(), r.url.query().map(|q| format!("?{q}")).unwrap_or_default()))
        .collect();
    let list_query = String::from_utf8(fixture("log-list.query.txt")).unwrap().lines().nth(1).unwrap().to_owned();
    assert_eq!(
        summary,
        [
            format!("PATCH {LOGS}/L1"),
            format!("GET {LOGS}/L1"),
            format!("GET {LOGS}?{list_query}"),
            format!("DELETE {LOGS}?filters.key=id&filters.operator=eq&filters.value=L1&limit=1"),
            format!("GET {LOGS}/L1/request"),
            format!("GET {LOGS}/L1/response"),
            "GET /client/v4/accounts/acc/ai-gateway/gateways/my-gateway/url/openai".to_owned(),
            "GET /client/v4/accounts/acc/ai-gateway/gateways/my-gateway/url/universal".to_owned(),
        ]
    );
    for request in &requests {
        assert_eq!(header(request, "authorization"), Some("Bearer api-token-SECRET"), "{}", request.url);
        assert_eq!(header(request, "cf-aig-authorization"), None, "the gateway token stays on the gateway host");
    }
    assert_eq!(requests[0].body, fixture("binding-log-patch.request.json").trim_ascii_end());
    assert_eq!(header(&requests[0], "content-type"), Some("application/json"));
    assert!(requests[1..].iter().all(|r| r.body.is_empty()));
}

#[tokio::test]
async fn binding_transport_log_paths() {
    let server = MockServer::start().await;
    let log = "/ai-gateway/gateways/my-gateway/logs/L2";
    mount(&server, "PATCH", log, json_answer(200, fixture("binding-log-patch.response.json"))).await;
    mount(&server, "GET", log, json_answer(200, fixture("binding-log-get.response.json"))).await;
    let url = "/ai-gateway/gateways/my-gateway/url/openai";
    mount(&server, "GET", url, json_answer(200, fixture("binding-get-url.response.json"))).await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    let gateway = ai.gateway("my-gateway");
    gateway.patch_log("L2", &PatchLog::new().feedback(Feedback::Negative)).await.unwrap();
    assert_eq!(gateway.get_log("L2").await.unwrap().id, "string");
    assert_eq!(
        gateway.get_url(Some(&ProviderSlug::Openai)).await.unwrap(),
        "https://gateway.ai.cloudflare.com/v1/account-tag-abc/my-gateway/openai"
    );
    let requests = received(&server).await;
    assert_eq!(requests[0].body, br#"{"feedback":-1}"#);
    assert!(requests.iter().all(|r| header(r, "authorization").is_none()));
    // The REST-only calls say so instead of guessing a path.
    let err = gateway.list_logs(&ListLogs::new()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "transport"), "{err:?}");
}

#[tokio::test]
async fn patch_log_succeeds_only_on_200() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let ai = Ai::new(rest(&server)).unwrap();
    let err = ai.gateway("gw").patch_log("L", &PatchLog::new().score(1)).await.unwrap_err();
    assert!(matches!(err, Error::GatewayInternal { status: 204, .. }), "{err:?}");
}

#[derive(Debug)]
struct InHouseLlm {
    key: SecretString,
}

impl Provider for InHouseLlm {
    fn slug(&self) -> ProviderSlug {
        ProviderSlug::Other("in-house".to_owned())
    }
    fn base_url(&self) -> &'static str {
        "https://llm.internal.example/api"
    }
    fn auth_scheme(&self) -> AuthScheme {
        AuthScheme::Header("x-in-house-key".to_owned())
    }
    fn credential(&self) -> Option<&SecretString> {
        Some(&self.key)
    }
    fn fixed_headers(&self) -> Vec<(String, String)> {
        vec![("x-in-house-version".to_owned(), "7".to_owned())]
    }
}

#[tokio::test]
async fn custom_provider_end_to_end() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/v1/acc/my-gateway/in-house/generate/v2",
        ResponseTemplate::new(200).insert_header("cf-aig-log-id", "c1").set_body_json(json!({"text": "native"})),
    )
    .await;
    mount(&server, "POST", UNIVERSAL, from_step(0).set_body_json(json!({"text": "universal"}))).await;
    let provider = InHouseLlm { key: SecretString::from("in-house-SECRET") };
    assert!(!format!("{provider:?}").contains("in-house-SECRET"));
    let ai = Ai::new(rest(&server)).unwrap();
    let gateway = ai.gateway("my-gateway");

    let options = UniversalOptions::new().gateway(GatewayOptions::default().cache_ttl(600));
    let native = gateway.provider_request(&provider, "generate/v2", &json!({"q": 1.5}), &options).await.unwrap();
    assert_eq!(native.json::<Value>().unwrap()["text"], "native");
    assert_eq!(native.meta.log_id.as_deref(), Some("c1"));

    // Mixed with a built-in provider in one fallback list.
    let steps = vec![
        provider.step("generate/v2", json!({"q": 2})),
        BuiltinProvider::openai("sk").step("chat/completions", json!({})),
    ];
    let universal = gateway.run(steps.into(), &UniversalOptions::new()).await.unwrap();
    assert_eq!(universal.meta.step, Some(0));

    let requests = received(&server).await;
    let native = &requests[0];
    assert_eq!(header(native, "x-in-house-key"), Some("in-house-SECRET"));
    assert_eq!(header(native, "x-in-house-version"), Some("7"));
    assert_eq!(header(native, "cf-aig-cache-ttl"), Some("600"));
    assert_eq!(native.body, br#"{"q":1.5}"#);
    let sent: Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(sent[0]["provider"], "in-house");
    assert_eq!(
        sent[0]["headers"],
        json!({"x-in-house-key": "in-house-SECRET", "x-in-house-version": "7", "Content-Type": "application/json"})
    );
    assert_eq!(sent[1]["provider"], "openai");
}

#[tokio::test]
async fn builtin_provider_request_uses_its_credential_header() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/v1/acc/my-gateway/anthropic/v1/messages",
        ResponseTemplate::new(200).set_body_json(json!({"content": [{"type": "text", "text": "hi"}]})),
    )
    .await;
    let ai = Ai::new(rest(&server).with_gateway_token(GATEWAY_TOKEN)).unwrap();
    let anthropic = BuiltinProvider::anthropic("sk-ant-SECRET");
    let body = json!({"model": "claude-sonnet-4-5", "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]});
    ai.gateway("my-gateway")
        .provider_request(&anthropic, "v1/messages", &body, &UniversalOptions::new())
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(header(&request, "x-api-key"), Some("sk-ant-SECRET"));
    assert_eq!(header(&request, "anthropic-version"), Some("2023-06-01"));
    assert_eq!(header(&request, "authorization"), None);
    assert_eq!(header(&request, "cf-aig-authorization"), Some("Bearer aig-token-SECRET"));
}

/// A client that retries up to 3 times, 1 ms apart.
fn retrying(server: &MockServer) -> Ai {
    Ai::new(rest(server).with_max_retries(3).with_retry_base_delay(Duration::from_millis(1))).unwrap()
}

/// Answers the first `times` POSTs with `failure`, the later ones with a
/// Workers AI `{"response": "ok"}`.
async fn fail_then_succeed(server: &MockServer, failure: ResponseTemplate, times: u64) {
    Mock::given(method("POST")).respond_with(failure).up_to_n_times(times).mount(server).await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": {"response": "ok"}, "success": true})))
        .mount(server)
        .await;
}

#[tokio::test]
async fn client_retries_are_off_by_default_and_bounded_when_on() {
    let server = MockServer::start().await;
    fail_then_succeed(&server, ResponseTemplate::new(503).set_body_string("busy"), 2).await;
    let ai = Ai::new(rest(&server)).unwrap();
    let err = ai.run::<_, Value>(MODEL, &json!({}), &RunOptions::new()).await.unwrap_err();
    assert!(matches!(err, Error::UpstreamInference { status: 503, ref message, .. } if message == "busy"), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(received(&server).await.len(), 1, "no client retry by default");

    let answer = retrying(&server).run::<_, Value>(MODEL, &json!({}), &RunOptions::new()).await.unwrap();
    assert_eq!(answer.output["response"], "ok");
    assert_eq!(received(&server).await.len(), 3, "one failure left, then success");
}

/// Every attempt `server` received is the first one again: method, URL
/// (query included), every header, body.
async fn assert_attempts_identical(server: &MockServer, attempts: usize, call: &str) {
    let requests = received(server).await;
    assert_eq!(requests.len(), attempts, "{call}: attempts");
    let first = &requests[0];
    for (n, again) in requests.iter().enumerate().skip(1) {
        let what = |r: &Request| (r.method.clone(), r.url.clone(), r.headers.clone(), r.body.clone());
        assert_eq!(what(again), what(first), "{call}: attempt {} differs from the first", n + 1);
    }
    server.reset().await;
}

#[tokio::test]
async fn every_retried_attempt_is_the_same_request() {
    let server = MockServer::start().await;
    // 3 failures for a client allowing 3 retries: the last try is built
    // differently (nothing kept after it), and must still be the same request.
    let ai = retrying(&server);
    let busy = || ResponseTemplate::new(503).set_body_string("busy");
    // Headers of every kind: built once per client (the token), static
    // (content type), and the caller's own, parsed per call.
    let options = RunOptions::new().extra_header("x-request-source", "retry-test").extra_header("x-trace", "t-1");
    let input = json!({"prompt": "same every time", "max_tokens": 7});

    fail_then_succeed(&server, busy(), 3).await;
    let answer = ai.run::<_, Value>(MODEL, &input, &options).await.unwrap();
    assert_eq!(answer.output["response"], "ok");
    let first = &received(&server).await[0];
    assert_eq!(serde_json::from_slice::<Value>(&first.body).unwrap(), input);
    assert_eq!(header(first, "content-type"), Some("application/json"));
    assert_eq!(header(first, "x-trace"), Some("t-1"));
    assert_eq!(header(first, "authorization"), Some(format!("Bearer {API_TOKEN}").as_str()));
    assert_attempts_identical(&server, 4, "Ai::run").await;

    // Streams are sent by their own loop.
    let sse = "data: {\"response\":\"ok\"}\n\ndata: [DONE]\n\n";
    Mock::given(method("POST")).respond_with(busy()).up_to_n_times(3).mount(&server).await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(sse, "text/event-stream"))
        .mount(&server)
        .await;
    let chunks = ai.run_stream::<_, Value>(MODEL, &input, &options).await.unwrap().try_collect_all().await.unwrap();
    assert_eq!(chunks.first().map(|c| c["response"].clone()), Some(json!("ok")));
    assert_attempts_identical(&server, 4, "Ai::run_stream").await;

    // A management call, whose URL carries a query set per call.
    Mock::given(method("GET")).respond_with(busy()).up_to_n_times(3).mount(&server).await;
    Mock::given(method("GET")).respond_with(json_answer(200, fixture("log-list.response.json"))).mount(&server).await;
    let page = ai.gateway("gw").list_logs(&ListLogs::new().page(2).per_page(5)).await.unwrap();
    assert_eq!(page.logs.len(), 1);
    let first = &received(&server).await[0];
    assert!(first.url.query().is_some_and(|q| q.contains("page=2")), "{}", first.url);
    assert_attempts_identical(&server, 4, "list_logs").await;
}

#[tokio::test]
async fn behind_a_gateway_the_client_retries_only_what_no_provider_saw() {
    let through = || RunOptions::new().gateway(GatewayOptions::new("gw"));
    // A provider failure relayed by the gateway: the gateway owned the retries.
    for (status, body) in [
        (503, r#"{"errors":[{"code":3040,"message":"busy"}],"success":false,"result":{}}"#),
        (500, r#"{"error":[{"code":2005,"message":"the upstream connection failed"}],"success":false}"#),
        (429, r#"{"error":{"message":"Rate limit reached for gpt-4o-mini","type":"requests"}}"#),
    ] {
        let server = MockServer::start().await;
        Mock::given(wiremock::matchers::any())
            .respond_with(ResponseTemplate::new(status).set_body_raw(body, "application/json"))
            .mount(&server)
            .await;
        let err = retrying(&server).run::<_, Value>(MODEL, &json!({}), &through()).await.unwrap_err();
        assert_eq!(err.status(), Some(status), "{err:?}");
        assert_eq!(received(&server).await.len(), 1, "{status} {body}: not retried by the client");
        // The same failures from the logs API (no provider behind it) are retried.
        let err = retrying(&server).gateway("gw").get_log("L1").await.unwrap_err();
        assert_eq!(err.status(), Some(status), "{err:?}");
        assert_eq!(received(&server).await.len(), 1 + 4, "{status}: logs API call retried 3 times");
    }
    // The gateway's own rate limit refused the request before forwarding it: retried, after `retry-after`.
    let server = MockServer::start().await;
    let rate_limited = ResponseTemplate::new(429).insert_header("retry-after", "0.2").set_body_raw(
        r#"{"success":false,"result":[],"messages":[],"error":[{"code":2003,"message":"Rate limited"}]}"#,
        "application/json",
    );
    fail_then_succeed(&server, rate_limited, 1).await;
    let started = std::time::Instant::now();
    let answer = retrying(&server).run::<_, Value>(MODEL, &json!({}), &through()).await.unwrap();
    assert_eq!(answer.output["response"], "ok");
    assert!(started.elapsed() >= Duration::from_millis(200), "waited for retry-after");
    assert_eq!(received(&server).await.len(), 2);
    // Same rule on the gateway handle's provider requests and streams.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(502).set_body_string("bad gateway"))
        .mount(&server)
        .await;
    let openai = BuiltinProvider::openai("sk-SECRET");
    let gateway = retrying(&server).gateway("gw");
    let err = gateway
        .provider_request(&openai, "chat/completions", &json!({"model": "m"}), &UniversalOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(502), "{err:?}");
    let err = gateway
        .provider_request_stream(
            &openai,
            "chat/completions",
            &json!({"model": "m", "stream": true}),
            &UniversalOptions::new(),
        )
        .await
        .expect_err("502");
    assert_eq!(err.status(), Some(502), "{err:?}");
    assert_eq!(received(&server).await.len(), 2, "one try each");
}

#[tokio::test]
async fn redirects_are_not_followed_so_keys_stay_put() {
    let elsewhere = MockServer::start().await;
    Mock::given(wiremock::matchers::any()).respond_with(ResponseTemplate::new(200)).mount(&elsewhere).await;
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(307).insert_header("location", format!("{}/steal", elsewhere.uri())))
        .mount(&server)
        .await;
    let ai = Ai::new(rest(&server).with_gateway_token(GATEWAY_TOKEN)).unwrap();
    let anthropic = BuiltinProvider::anthropic("sk-ant-SECRET");
    let err = ai
        .gateway("gw")
        .provider_request(&anthropic, "v1/messages", &json!({"model": "m"}), &UniversalOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(307), "{err:?}");
    let err = ai.gateway("gw").get_log("L1").await.unwrap_err();
    assert_eq!(err.status(), Some(307), "{err:?}");
    assert!(received(&elsewhere).await.is_empty(), "nothing, keys included, went to the other host");
}

#[tokio::test]
async fn wait_for_log_retries_not_found() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_answer(404, fixture("logs-404.json")))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET")).respond_with(json_answer(200, fixture("log-get.response.json"))).mount(&server).await;
    let ai = Ai::new(rest(&server)).unwrap();
    let log = ai.gateway("gw").wait_for_log("id", Duration::from_secs(5)).await.unwrap();
    assert_eq!(log.id, "id");
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn secrets_never_show() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(
                json!({"success": false, "errors": [{"code": 10000, "message": "Authentication error"}]}),
            ),
        )
        .mount(&server)
        .await;
    let ai = Ai::new(rest(&server).with_gateway_token(GATEWAY_TOKEN)).unwrap();
    let gateway = ai.gateway("gw");
    let err = gateway.get_log("L").await.unwrap_err();
    assert!(matches!(err, Error::Api { status: 401, ref errors } if errors[0].code == 10000), "{err:?}");
    // A transport error (closed port) names the URL but no token.
    let closed = closed_port();
    let dead = Ai::new(
        Config::new("acc")
            .with_api_token(API_TOKEN)
            .with_gateway_token(GATEWAY_TOKEN)
            .with_api_base_url(&format!("http://127.0.0.1:{closed}/client/v4")),
    )
    .unwrap();
    let transport = dead.gateway("gw").get_log("L").await.unwrap_err();
    assert!(matches!(transport, Error::Transport(_)), "{transport:?}");
    let step = BuiltinProvider::openai("sk-openai-SECRET").step("chat/completions", json!({}));
    let texts = [
        format!("{ai:?}"),
        format!("{gateway:?}"),
        format!("{err:?} {err}"),
        format!("{transport:?} {transport}"),
        format!("{step:?}"),
        format!("{:?}", BuiltinProvider::openai("sk-openai-SECRET")),
        format!("{:?}", StepHeaderValue::Secret(SecretString::from("sk-openai-SECRET"))),
    ];
    for text in texts {
        assert!(!text.contains("SECRET"), "secret leaked: {text}");
    }
}
