//! Every JSON fixture of `tests/fixtures/` decoded through the public API,
//! every error shape mapped onto its [`Error`] variant through a real HTTP
//! server on loopback, and hostile answers that must never make the client panic.

#![allow(clippy::too_many_lines, reason = "a test walks a whole fixture or a whole table of cases")]
#![allow(clippy::float_cmp, reason = "fixture numbers are exact literals compared with the values they decode to")]

use std::time::Duration;

use gateway_core::{
    Ai, AiGatewayLog, ApiMessage, Backoff, BuiltinProvider, Config, DeleteLogs, Error, Feedback, FilterKey, Gateway,
    GatewayOptions, ListLogs, LogFilter, LogMetadata, Metadata, Patch, PatchLog, ProviderSlug, RunOptions,
    StepHeaderValue, UniversalOptions, UniversalRequest, UniversalStep,
};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Reads a fixture file of `tests/fixtures/` (at the workspace root).
macro_rules! fixture {
    ($name:literal) => {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/", $name))
            .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", $name))
    };
}

/// A fixture parsed as a JSON value.
macro_rules! fixture_json {
    ($name:literal) => {
        serde_json::from_slice::<Value>(&fixture!($name))
            .unwrap_or_else(|e| panic!("fixture {} is not JSON: {e}", $name))
    };
}

const GW: &str = "my-gateway";
const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct";
const LOGS: &str = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/logs";
const UNIVERSAL: &str = "/v1/acc/my-gateway";
const RUN_DIRECT: &str = "/client/v4/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct";
const RUN_GATEWAY: &str = "/v1/acc/my-gateway/workers-ai/@cf/meta/llama-3.1-8b-instruct";
const BINDING_LOGS: &str = "/ai-gateway/gateways/my-gateway/logs";
const BINDING_UNIVERSAL: &str = "/ai-gateway/universal/run/my-gateway";

fn rest_config(server: &MockServer) -> Config {
    Config::new("acc")
        .with_api_token("api-secret")
        .with_gateway_base_url(&format!("{}/v1", server.uri()))
        .with_api_base_url(&format!("{}/client/v4", server.uri()))
}

fn rest_ai(server: &MockServer) -> Ai {
    Ai::new(rest_config(server)).expect("valid REST config")
}

fn binding_ai(server: &MockServer) -> Ai {
    Ai::new(Config::new("acc").with_binding_origin(&server.uri())).expect("valid binding config")
}

fn json_answer(status: u16, body: impl Into<Vec<u8>>) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.into(), "application/json")
}

async fn mount(server: &MockServer, verb: &str, route: &str, answer: ResponseTemplate) {
    Mock::given(method(verb)).and(path(route)).respond_with(answer).mount(server).await;
}

/// Mounts a mock that must be hit exactly once (checked when the server drops).
async fn mount_once(server: &MockServer, verb: &str, route: &str, answer: ResponseTemplate) {
    Mock::given(method(verb)).and(path(route)).respond_with(answer).expect(1).mount(server).await;
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.expect("request recording is on");
    assert_eq!(requests.len(), 1, "expected exactly one request, got {requests:?}");
    requests.remove(0)
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

fn trimmed(bytes: &[u8]) -> &[u8] {
    bytes.strip_suffix(b"\n").unwrap_or(bytes)
}

fn chat_input() -> Value {
    json!({"prompt": "What is Cloudflare?"})
}

fn through_gateway() -> RunOptions {
    RunOptions::new().gateway(GatewayOptions::new(GW))
}

fn one_step() -> UniversalRequest {
    UniversalStep::new("workers-ai", MODEL, chat_input()).header("Authorization", "Bearer abcde").into()
}

/// A log with every one of its 25 fields set explicitly; `value` gives the
/// text of each string field from its name.
fn expected_log(value: impl Fn(&str) -> String, created_at: &str, cached: bool) -> AiGatewayLog {
    let mut log = AiGatewayLog::new(
        value("id"),
        ProviderSlug::from(value("provider")),
        value("model"),
        created_at.parse().expect("timestamp"),
    );
    log.model_type = Some(value("model_type"));
    log.path = value("path");
    log.duration = 0;
    log.request_type = Some(value("request_type"));
    log.request_content_type = Some(value("request_content_type"));
    log.status_code = Some(0);
    log.response_content_type = Some(value("response_content_type"));
    log.success = true;
    log.cached = cached;
    log.tokens_in = Some(0);
    log.tokens_out = Some(0);
    log.metadata = Some(LogMetadata::Text(value("metadata")));
    log.step = Some(0);
    log.cost = Some(0.0);
    log.custom_cost = Some(true);
    log.request_size = Some(0);
    log.request_head = Some(value("request_head"));
    log.request_head_complete = Some(true);
    log.response_size = Some(0);
    log.response_head = Some(value("response_head"));
    log.response_head_complete = Some(true);
    log
}

// ---------------------------------------------------------------------------
// 1. Fixtures decoded into the public types
// ---------------------------------------------------------------------------

#[tokio::test]
async fn rest_log_get_fixture_decodes_all_25_fields() {
    let server = MockServer::start().await;
    mount_once(&server, "GET", &format!("{LOGS}/id"), json_answer(200, fixture!("log-get.response.json"))).await;
    let log = rest_ai(&server).gateway(GW).get_log("id").await.expect("log decodes");

    assert_eq!(log.id, "id");
    assert_eq!(log.provider, ProviderSlug::Other("provider".to_owned()));
    assert_eq!(log.model, "model");
    assert_eq!(log.model_type.as_deref(), Some("model_type"));
    assert_eq!(log.path, "path");
    assert_eq!(log.duration, 0);
    assert_eq!(log.request_type.as_deref(), Some("request_type"));
    assert_eq!(log.request_content_type.as_deref(), Some("request_content_type"));
    assert_eq!(log.status_code, Some(0));
    assert_eq!(log.response_content_type.as_deref(), Some("response_content_type"));
    assert!(log.success);
    assert!(log.cached);
    assert_eq!(log.tokens_in, Some(0));
    assert_eq!(log.tokens_out, Some(0));
    assert_eq!(log.metadata, Some(LogMetadata::Text("metadata".to_owned())));
    assert_eq!(log.metadata.as_ref().and_then(LogMetadata::entries), None);
    assert_eq!(log.step, Some(0));
    assert_eq!(log.cost, Some(0.0));
    assert_eq!(log.custom_cost, Some(true));
    assert_eq!(log.request_size, Some(0));
    assert_eq!(log.request_head.as_deref(), Some("request_head"));
    assert_eq!(log.request_head_complete, Some(true));
    assert_eq!(log.response_size, Some(0));
    assert_eq!(log.response_head.as_deref(), Some("response_head"));
    assert_eq!(log.response_head_complete, Some(true));
    assert_eq!(log.created_at.to_string(), "2019-12-27T18:11:19.117Z");
    assert_eq!(log.created_at.as_millisecond(), 1_577_470_279_117);
    // The whole struct, so no field can be forgotten.
    assert_eq!(log, expected_log(str::to_owned, "2019-12-27T18:11:19.117Z", true));

    let request = only_request(&server).await;
    assert_eq!(header(&request, "authorization"), Some("Bearer api-secret"));
}

#[tokio::test]
async fn binding_log_get_fixture_decodes_all_25_fields() {
    let server = MockServer::start().await;
    let route = format!("{BINDING_LOGS}/some-log");
    mount_once(&server, "GET", &route, json_answer(200, fixture!("binding-log-get.response.json"))).await;
    let log = binding_ai(&server).gateway(GW).get_log("some-log").await.expect("log decodes");

    assert_eq!(log.id, "string");
    assert_eq!(log.provider.as_str(), "string");
    assert_eq!(log.model, "string");
    assert_eq!(log.model_type.as_deref(), Some("string"));
    assert_eq!(log.path, "string");
    assert_eq!(log.duration, 0);
    assert_eq!(log.request_type.as_deref(), Some("string"));
    assert_eq!(log.request_content_type.as_deref(), Some("string"));
    assert_eq!(log.status_code, Some(0));
    assert_eq!(log.response_content_type.as_deref(), Some("string"));
    assert!(log.success);
    assert!(!log.cached);
    assert_eq!(log.tokens_in, Some(0));
    assert_eq!(log.tokens_out, Some(0));
    assert_eq!(log.metadata, Some(LogMetadata::Text("string".to_owned())));
    assert_eq!(log.step, Some(0));
    assert_eq!(log.cost, Some(0.0));
    assert_eq!(log.custom_cost, Some(true));
    assert_eq!(log.request_size, Some(0));
    assert_eq!(log.request_head.as_deref(), Some("string"));
    assert_eq!(log.request_head_complete, Some(true));
    assert_eq!(log.response_size, Some(0));
    assert_eq!(log.response_head.as_deref(), Some("string"));
    assert_eq!(log.response_head_complete, Some(true));
    assert_eq!(log.created_at.to_string(), "2019-08-24T14:15:22Z");
    assert_eq!(log.created_at.as_millisecond(), 1_566_656_122_000);
    assert_eq!(log, expected_log(|_| "string".to_owned(), "2019-08-24T14:15:22Z", false));

    // The binding protocol carries no API token.
    let request = only_request(&server).await;
    assert_eq!(header(&request, "authorization"), None);
}

#[tokio::test]
async fn log_list_fixture_decodes_items_and_result_info() {
    let server = MockServer::start().await;
    mount_once(&server, "GET", LOGS, json_answer(200, fixture!("log-list.response.json"))).await;
    let query = ListLogs::new().filter(LogFilter::eq(FilterKey::Id, "abc")).per_page(20);
    let page = rest_ai(&server).gateway(GW).list_logs(&query).await.expect("page decodes");

    assert_eq!(page.logs.len(), 1);
    let item = &page.logs[0];
    assert_eq!(item.id, "id");
    assert_eq!(item.provider.as_str(), "provider");
    assert_eq!(item.model, "model");
    assert_eq!(item.model_type.as_deref(), Some("model_type"));
    assert_eq!(item.path, "path");
    assert!(item.success && item.cached);
    assert_eq!((item.tokens_in, item.tokens_out, item.step, item.status_code), (Some(0), Some(0), Some(0), Some(0)));
    assert_eq!(item.cost, Some(0.0));
    assert_eq!(item.custom_cost, Some(true));
    assert_eq!(item.metadata, Some(LogMetadata::Text("metadata".to_owned())));
    assert_eq!(item.request_type.as_deref(), Some("request_type"));
    assert_eq!(item.request_content_type.as_deref(), Some("request_content_type"));
    assert_eq!(item.response_content_type.as_deref(), Some("response_content_type"));
    // List items carry no heads or sizes.
    assert_eq!((item.request_head.as_ref(), item.response_head.as_ref()), (None, None));
    assert_eq!((item.request_size, item.response_size), (None, None));
    assert_eq!((item.request_head_complete, item.response_head_complete), (None, None));
    assert_eq!(item.created_at.as_millisecond(), 1_577_470_279_117);

    let info = &page.info;
    assert_eq!((info.count, info.page, info.per_page, info.total_count), (Some(0), Some(0), Some(0), Some(0)));
    for aggregate in [
        info.max_cost,
        info.min_cost,
        info.max_duration,
        info.min_duration,
        info.max_tokens_in,
        info.min_tokens_in,
        info.max_tokens_out,
        info.min_tokens_out,
        info.max_total_tokens,
        info.min_total_tokens,
    ] {
        assert_eq!(aggregate, Some(0.0));
    }
    assert!(!page.has_next());

    // The query string is the one Cloudflare's SDK writes (first line of the fixture).
    let expected_query = String::from_utf8(fixture!("log-list.query.txt")).expect("UTF-8");
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), expected_query.lines().next());
}

#[tokio::test]
async fn get_url_fixtures_rest_and_binding() {
    let server = MockServer::start().await;
    let rest_route = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/url/openai";
    mount_once(&server, "GET", rest_route, json_answer(200, fixture!("get-url.response.json"))).await;
    mount_once(
        &server,
        "GET",
        "/ai-gateway/gateways/my-gateway/url/openai",
        json_answer(200, fixture!("binding-get-url.response.json")),
    )
    .await;
    let universal = r#"{"result":"https://gateway.ai.cloudflare.com/v1/my-account-id/my-gateway/","success":true}"#;
    mount_once(
        &server,
        "GET",
        "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/url/universal",
        json_answer(200, universal),
    )
    .await;

    let rest = rest_ai(&server).gateway(GW);
    assert_eq!(
        rest.get_url(Some(&ProviderSlug::Openai)).await.expect("REST URL"),
        "https://gateway.ai.cloudflare.com/v1/my-account-id/my-gateway/openai"
    );
    assert_eq!(
        rest.get_url(None).await.expect("universal URL"),
        "https://gateway.ai.cloudflare.com/v1/my-account-id/my-gateway/"
    );
    let binding = binding_ai(&server).gateway(GW);
    assert_eq!(
        binding.get_url(Some(&ProviderSlug::Openai)).await.expect("binding URL"),
        "https://gateway.ai.cloudflare.com/v1/account-tag-abc/my-gateway/openai"
    );
}

#[test]
fn patch_request_fixtures_decode_and_reencode() {
    let positive: PatchLog = serde_json::from_slice(&fixture!("log-patch.request.json")).expect("PatchLog");
    assert_eq!(positive.feedback, Patch::Set(Feedback::Positive));
    assert!(positive.score.is_keep() && positive.metadata.is_keep());
    assert_eq!(positive.to_body().expect("valid"), br#"{"feedback":1}"#);

    let negative: PatchLog = serde_json::from_slice(&fixture!("log-patch-negative.request.json")).expect("PatchLog");
    assert_eq!(negative, PatchLog::new().feedback(Feedback::Negative));
    assert_eq!(negative.to_body().expect("valid"), br#"{"feedback":-1}"#);

    let raw = fixture!("binding-log-patch.request.json");
    let binding: PatchLog = serde_json::from_slice(&raw).expect("PatchLog");
    assert_eq!(binding.feedback.as_set(), Some(&Feedback::Positive));
    assert_eq!(binding.score, Patch::Set(100.0));
    assert_eq!(binding.metadata, Patch::Set(Metadata::new().with("user", "123")));
    let body = binding.to_body().expect("valid");
    assert_eq!(body, br#"{"feedback":1,"score":100,"metadata":{"user":"123"}}"#);
    assert_eq!(body, trimmed(&raw), "byte-identical to the binding's JSON.stringify output");
}

#[tokio::test]
async fn patch_log_fixtures_succeed_rest_and_binding() {
    let server = MockServer::start().await;
    mount_once(&server, "PATCH", &format!("{LOGS}/log-1"), json_answer(200, fixture!("log-patch.response.json"))).await;
    let patch: PatchLog = serde_json::from_slice(&fixture!("log-patch.request.json")).expect("PatchLog");
    rest_ai(&server).gateway(GW).patch_log("log-1", &patch).await.expect("patched");
    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"feedback":1}"#);
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(header(&request, "authorization"), Some("Bearer api-secret"));

    let server = MockServer::start().await;
    let route = format!("{BINDING_LOGS}/log-2");
    mount_once(&server, "PATCH", &route, json_answer(200, fixture!("binding-log-patch.response.json"))).await;
    let raw = fixture!("binding-log-patch.request.json");
    let patch: PatchLog = serde_json::from_slice(&raw).expect("PatchLog");
    binding_ai(&server).gateway(GW).patch_log("log-2", &patch).await.expect("patched");
    assert_eq!(only_request(&server).await.body, trimmed(&raw));
}

#[tokio::test]
async fn logs_delete_fixture_succeeds() {
    let server = MockServer::start().await;
    mount_once(&server, "DELETE", LOGS, json_answer(200, fixture!("logs-delete.response.json"))).await;
    rest_ai(&server).gateway(GW).delete_logs(&DeleteLogs::by_id("abc")).await.expect("deleted");
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), Some("filters.key=id&filters.operator=eq&filters.value=abc"));

    // `success: false` in a 200 is not a success.
    let server = MockServer::start().await;
    mount(&server, "DELETE", LOGS, json_answer(200, r#"{"success": false}"#)).await;
    let err = rest_ai(&server).gateway(GW).delete_logs(&DeleteLogs::new()).await.expect_err("success false");
    let Error::GatewayInternal { status: 200, message } = err else { panic!("expected GatewayInternal, got {err:?}") };
    assert!(message.contains("success: false"), "{message}");
}

#[test]
fn universal_request_fixtures_decode() {
    let raw = fixture!("universal-two-steps.request.json");
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

    let raw = fixture!("universal-step-config.request.json");
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
    let answer = json_answer(200, fixture!("workers-ai-run.response.json"))
        .insert_header("cf-aig-step", "1")
        .insert_header("cf-aig-log-id", "01JUNIVERSAL")
        .insert_header("cf-aig-cache-status", "MISS");
    mount_once(&server, "POST", UNIVERSAL, answer).await;
    let raw = fixture!("universal-two-steps.request.json");
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
    mount_once(&server, "POST", BINDING_UNIVERSAL, json_answer(200, fixture!("binding-ai-run.response.json"))).await;
    let raw = fixture!("binding-universal-run.body.json");
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
    let raw = fixture!("binding-universal-run-options.body.json");
    let request: UniversalRequest = serde_json::from_slice(&raw).expect("UniversalRequest");
    let options = UniversalOptions::new()
        .gateway(GatewayOptions::default().skip_cache(false).cache_ttl(123))
        .extra_header("x-custom", "stuff");
    binding_ai(&server).gateway(GW).run(request, &options).await.expect("run");
    let sent = only_request(&server).await;
    assert_eq!(sent.body, raw);
    let expected_headers = String::from_utf8(fixture!("binding-universal-run-options.headers.txt")).expect("UTF-8");
    for line in expected_headers.lines().filter(|l| !l.trim().is_empty()) {
        let (name, value) = line.split_once(':').expect("name: value");
        assert_eq!(header(&sent, name.trim()), Some(value.trim()), "header {name}");
    }
}

#[derive(Debug, Deserialize)]
struct TextOutput {
    response: String,
}

#[derive(Debug, Deserialize)]
#[allow(clippy::struct_field_names, reason = "the field names are the wire names of Workers AI usage")]
struct Usage {
    prompt_tokens: u32,
    completion_tokens: u32,
    total_tokens: u32,
}

#[derive(Debug, Deserialize)]
struct TextWithUsage {
    response: String,
    tool_calls: Vec<Value>,
    usage: Usage,
}

#[derive(Debug, Deserialize)]
struct Embeddings {
    shape: Vec<u32>,
    data: Vec<Vec<f64>>,
    pooling: String,
}

#[tokio::test]
async fn workers_ai_run_direct_unwraps_the_envelope() {
    let server = MockServer::start().await;
    let answer = json_answer(200, fixture!("workers-ai-run.response.json")).insert_header("cf-ai-req-id", "req-1");
    mount_once(&server, "POST", RUN_DIRECT, answer).await;
    let ai = rest_ai(&server);
    let answer = ai.run::<_, TextOutput>(MODEL, &chat_input(), &RunOptions::new()).await.expect("run");
    assert_eq!(
        answer.output.response,
        "Hello, World first appeared in 1974 at Bell Labs when Brian Kernighan included it in the C programming language example. \
         It became widely used as a basic test program due to simplicity and clarity. It represents an inviting greeting from a program to the world."
    );
    assert_eq!(answer.meta.ai_request_id.as_deref(), Some("req-1"));
    assert_eq!(answer.log_id(), None);
    assert_eq!(ai.ai_gateway_log_id(), None);
    let sent = only_request(&server).await;
    assert_eq!(header(&sent, "authorization"), Some("Bearer api-secret"));
    assert_eq!(sent.body_json::<Value>().expect("JSON"), chat_input());

    // Into a plain value: the envelope's `success`/`errors` are gone.
    let server = MockServer::start().await;
    mount(&server, "POST", RUN_DIRECT, json_answer(200, fixture!("workers-ai-batch-queued.response.json"))).await;
    let queued =
        rest_ai(&server).run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.expect("run").into_output();
    assert_eq!(queued, json!({"status": "queued", "request_id": "768f15b7-4fd6-4498-906e-ad94ffc7f8d2"}));
}

#[tokio::test]
async fn workers_ai_run_through_a_gateway_unwraps_the_envelope() {
    let server = MockServer::start().await;
    let answer = json_answer(200, fixture!("workers-ai-run-usage.response.json"))
        .insert_header("cf-aig-log-id", "01JLOG")
        .insert_header("cf-aig-cache-status", "HIT");
    mount_once(&server, "POST", RUN_GATEWAY, answer).await;
    let ai = Ai::new(rest_config(&server).with_gateway_token("aig-secret")).expect("config");
    let options = RunOptions::new().gateway(GatewayOptions::new(GW).skip_cache(true).cache_ttl(3600));
    let answer = ai.run::<_, TextWithUsage>(MODEL, &chat_input(), &options).await.expect("run");
    assert_eq!(answer.output.response, "Generated text response from the model");
    assert!(answer.output.tool_calls.is_empty());
    let usage = &answer.output.usage;
    assert_eq!((usage.prompt_tokens, usage.completion_tokens, usage.total_tokens), (86, 171, 257));
    assert_eq!(answer.log_id(), Some("01JLOG"));
    assert!(answer.meta.is_cache_hit());
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("01JLOG"));

    let sent = only_request(&server).await;
    assert_eq!(header(&sent, "authorization"), Some("Bearer api-secret"));
    assert_eq!(header(&sent, "cf-aig-authorization"), Some("Bearer aig-secret"));
    assert_eq!(header(&sent, "cf-aig-skip-cache"), Some("true"));
    assert_eq!(header(&sent, "cf-aig-cache-ttl"), Some("3600"));

    // Embeddings: request fixture in, response fixture out.
    let server = MockServer::start().await;
    let route = "/v1/acc/my-gateway/workers-ai/@cf/baai/bge-base-en-v1.5";
    mount_once(&server, "POST", route, json_answer(200, fixture!("workers-ai-embeddings.response.json"))).await;
    let input = fixture_json!("workers-ai-embeddings.request.json");
    let answer = rest_ai(&server)
        .run::<_, Embeddings>("@cf/baai/bge-base-en-v1.5", &input, &through_gateway())
        .await
        .expect("run");
    assert_eq!(answer.output.shape, [1, 3]);
    assert_eq!(answer.output.data, [vec![0.123, -0.456, 0.789]]);
    assert_eq!(answer.output.pooling, "mean");
    assert_eq!(only_request(&server).await.body_json::<Value>().expect("JSON"), input);
}

#[tokio::test]
async fn workers_ai_stream_is_returned_raw() {
    let server = MockServer::start().await;
    let sse = fixture!("workers-ai-stream.sse.txt");
    mount_once(&server, "POST", RUN_DIRECT, ResponseTemplate::new(200).set_body_raw(sse.clone(), "text/event-stream"))
        .await;
    let input = fixture_json!("workers-ai-stream.request.json");
    assert_eq!(input["stream"], true);
    let response = rest_ai(&server).run_raw(MODEL, &input, &RunOptions::new()).await.expect("run");
    assert_eq!(response.content_type(), Some("text/event-stream"));
    assert_eq!(response.body.as_ref(), sse.as_slice());
    assert!(response.text().ends_with("data: [DONE]\n\n"));
    assert_eq!(only_request(&server).await.body_json::<Value>().expect("JSON"), input);
}

#[tokio::test]
async fn binding_ai_run_returns_the_bare_output() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/run"))
        .and(query_param("version", "3"))
        .respond_with(json_answer(200, fixture!("binding-ai-run.response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let answer = binding_ai(&server)
        .run::<_, TextOutput>(MODEL, &json!({"prompt": "test"}), &RunOptions::new())
        .await
        .expect("run");
    assert_eq!(answer.output.response, "model response");
    let sent = only_request(&server).await;
    assert_eq!(sent.body, br#"{"inputs":{"prompt":"test"},"options":{}}"#);
    assert_eq!(header(&sent, "cf-consn-model-id"), Some(MODEL));
    assert_eq!(header(&sent, "cf-consn-sdk-version"), Some("2.0.0"));

    // Through a gateway: `/ai-gateway/run`, options only in the body.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/ai-gateway/run"))
        .and(query_param("version", "3"))
        .respond_with(
            json_answer(200, fixture!("binding-ai-run.response.json")).insert_header("cf-aig-log-id", "01JBIND"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let ai = binding_ai(&server);
    let options = RunOptions::new().gateway(GatewayOptions::new(GW).skip_cache(true));
    let answer = ai.run::<_, Value>(MODEL, &json!({"prompt": "test"}), &options).await.expect("run");
    assert_eq!(answer.output, json!({"response": "model response"}));
    assert_eq!(answer.log_id(), Some("01JBIND"));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("01JBIND"));
    let sent = only_request(&server).await;
    assert_eq!(sent.body, trimmed(&fixture!("binding-ai-run-gateway.body.json")));
    assert_eq!(header(&sent, "cf-aig-skip-cache"), None);
}

#[tokio::test]
async fn compat_chat_fixtures_parse_and_go_through_provider_request() {
    let chat = fixture_json!("compat-chat.request.json");
    assert_eq!(chat["model"], "openai/gpt-5-mini");
    assert_eq!(chat["model"].as_str().and_then(|m| m.split_once('/')), Some(("openai", "gpt-5-mini")));
    assert_eq!(chat["messages"], json!([{"role": "user", "content": "What is Cloudflare?"}]));
    let dynamic = fixture_json!("compat-chat-dynamic.request.json");
    assert_eq!(dynamic["model"], "dynamic/my-route");
    assert_eq!(dynamic["messages"][0]["role"], "user");

    // No typed compat API yet; the provider-native call carries it unchanged.
    let server = MockServer::start().await;
    let completion = r#"{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"A cloud."}}]}"#;
    mount_once(&server, "POST", "/v1/acc/my-gateway/compat/chat/completions", json_answer(200, completion)).await;
    let compat = BuiltinProvider::new(ProviderSlug::Other("compat".to_owned())).with_api_key("sk-test");
    let response = rest_ai(&server)
        .gateway(GW)
        .provider_request(&compat, "chat/completions", &chat, &UniversalOptions::new())
        .await
        .expect("compat");
    let body: Value = response.json().expect("JSON");
    assert_eq!(body["choices"][0]["message"]["content"], "A cloud.");
    let sent = only_request(&server).await;
    assert_eq!(sent.body_json::<Value>().expect("JSON"), chat);
    assert_eq!(header(&sent, "authorization"), Some("Bearer sk-test"));
}

#[test]
fn websocket_fixtures_parse() {
    let create = fixture_json!("websocket-universal-create.json");
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

    let created = fixture_json!("websocket-universal-created.json");
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

    let stream = fixture_json!("websocket-universal-stream.json");
    assert_eq!(stream["type"], "universal.stream");
    assert_eq!(stream["metadata"], json!({"eventId": "my-request"}));
    assert_eq!(stream["response"]["response"], "would");
}

#[test]
fn model_schema_fixtures_state_their_limits() {
    let llama = fixture_json!("schema-llama-3.1-8b-instruct.json");
    let prompt_form = &llama["input"]["oneOf"][0];
    assert_eq!(prompt_form["title"], "Prompt");
    assert_eq!(prompt_form["required"], json!(["prompt"]));
    let props = &prompt_form["properties"];
    assert_eq!(props["prompt"]["minLength"], 1);
    assert_eq!(props["prompt"]["maxLength"], 131_072);
    assert_eq!(props["max_tokens"]["default"], 256);
    assert_eq!(
        (props["temperature"]["default"].as_f64(), props["temperature"]["maximum"].as_f64()),
        (Some(0.6), Some(5.0))
    );
    assert_eq!((props["top_k"]["minimum"].as_u64(), props["top_k"]["maximum"].as_u64()), (Some(1), Some(50)));
    assert_eq!(props["seed"]["maximum"].as_u64(), Some(9_999_999_999));
    let messages_form = &llama["input"]["oneOf"][1];
    assert_eq!(messages_form["title"], "Messages");
    assert_eq!(messages_form["properties"]["messages"]["items"]["required"], json!(["role", "content"]));
    assert_eq!(messages_form["properties"]["messages"]["items"]["properties"]["content"]["maxLength"], 131_072);
    assert_eq!(llama["output"]["oneOf"][1]["contentType"], "text/event-stream");

    let bge = fixture_json!("schema-bge-base-en-v1.5.json");
    let text = &bge["input"]["oneOf"][0]["properties"]["text"]["oneOf"];
    assert_eq!(text[0]["minLength"], 1);
    assert_eq!(text[1]["maxItems"], 100);
    assert_eq!(bge["input"]["oneOf"][0]["properties"]["pooling"]["enum"], json!(["mean", "cls"]));
    assert_eq!(bge["input"]["oneOf"][1]["required"], json!(["requests"]));
    assert_eq!(bge["output"]["oneOf"][1]["title"], "Async response");
    assert_eq!(bge["output"]["oneOf"][1]["properties"]["request_id"]["type"], "string");
}

// ---------------------------------------------------------------------------
// 2. Error shapes → `Error` variants
// ---------------------------------------------------------------------------

#[tokio::test]
async fn log_404_fixtures_are_log_not_found_for_get_and_patch() {
    let server = MockServer::start().await;
    let rest = rest_ai(&server).gateway(GW);
    let binding = binding_ai(&server).gateway(GW);
    let patch = PatchLog::new().feedback(Feedback::Positive);
    for (name, body) in
        [("logs-404.json", fixture!("logs-404.json")), ("binding-logs-404.json", fixture!("binding-logs-404.json"))]
    {
        server.reset().await;
        mount(&server, "GET", &format!("{LOGS}/missing"), json_answer(404, body.clone())).await;
        mount(&server, "PATCH", &format!("{LOGS}/missing"), json_answer(404, body.clone())).await;
        mount(&server, "GET", &format!("{BINDING_LOGS}/missing"), json_answer(404, body.clone())).await;
        mount(&server, "PATCH", &format!("{BINDING_LOGS}/missing"), json_answer(404, body.clone())).await;
        let outcomes = [
            ("REST get_log", rest.get_log("missing").await.map(drop)),
            ("REST patch_log", rest.patch_log("missing", &patch).await),
            ("binding get_log", binding.get_log("missing").await.map(drop)),
            ("binding patch_log", binding.patch_log("missing", &patch).await),
        ];
        for (call, outcome) in outcomes {
            let err = outcome.expect_err(call);
            assert_eq!(err.status(), Some(404));
            assert!(!err.is_retryable());
            let Error::LogNotFound { log_id, message } = err else {
                panic!("{name} {call}: expected LogNotFound, got {err:?}")
            };
            assert_eq!((log_id.as_str(), message.as_str()), ("missing", "Not Found"), "{name} {call}");
        }
        assert_eq!(server.received_requests().await.expect("recording").len(), 4);
    }
}

#[tokio::test]
async fn log_500_and_non_json_404_are_gateway_internal() {
    let server = MockServer::start().await;
    let route = format!("{BINDING_LOGS}/L1");
    mount(&server, "GET", &route, json_answer(500, fixture!("binding-logs-500.json"))).await;
    mount(&server, "PATCH", &route, json_answer(500, fixture!("binding-logs-500.json"))).await;
    let gateway = binding_ai(&server).gateway(GW);
    for outcome in [gateway.get_log("L1").await.map(drop), gateway.patch_log("L1", &PatchLog::new().score(5)).await] {
        let err = outcome.expect_err("500");
        assert!(err.is_retryable());
        let Error::GatewayInternal { status, message } = err else { panic!("expected GatewayInternal, got {err:?}") };
        assert_eq!((status, message.as_str()), (500, "Internal Error"));
    }

    // A 404 whose body is not JSON: internal error carrying the raw body.
    let server = MockServer::start().await;
    mount(&server, "GET", &format!("{LOGS}/L1"), ResponseTemplate::new(404).set_body_string("404 page not found"))
        .await;
    let err = rest_ai(&server).gateway(GW).get_log("L1").await.expect_err("404");
    let Error::GatewayInternal { status, message } = err else { panic!("expected GatewayInternal, got {err:?}") };
    assert_eq!((status, message.as_str()), (404, "404 page not found"));
}

#[tokio::test]
async fn gateway_error_2001_is_gateway_not_found() {
    let cases = [
        (
            "gateway-error-2001.json",
            fixture!("gateway-error-2001.json"),
            "Please configure AI Gateway in the Cloudflare dashboard",
        ),
        ("gateway-error-2001.client-test.json", fixture!("gateway-error-2001.client-test.json"), "no such gateway"),
    ];
    for (name, body, expected) in cases {
        let server = MockServer::start().await;
        mount(&server, "POST", UNIVERSAL, json_answer(400, body.clone())).await;
        mount(&server, "POST", RUN_GATEWAY, json_answer(400, body)).await;
        let ai = rest_ai(&server);
        let from_run = ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop);
        let from_ai = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop);
        for (call, outcome) in [("Gateway::run", from_run), ("Ai::run", from_ai)] {
            let err = outcome.expect_err(call);
            assert_eq!(err.status(), Some(400));
            let Error::GatewayNotFound { gateway_id, message, .. } = err else {
                panic!("{name} {call}: expected GatewayNotFound, got {err:?}")
            };
            assert_eq!((gateway_id.as_str(), message.as_str()), (GW, expected), "{name} {call}");
        }
    }
}

#[tokio::test]
async fn gateway_error_2009_is_gateway_unauthorized() {
    let server = MockServer::start().await;
    let body = fixture!("gateway-error-2009.client-test.json");
    mount(&server, "POST", UNIVERSAL, json_answer(401, body.clone())).await;
    mount(&server, "POST", RUN_GATEWAY, json_answer(401, body)).await;
    let ai = Ai::new(rest_config(&server).with_gateway_token("wrong-token")).expect("config");
    let from_run = ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop);
    let from_ai = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop);
    for (call, outcome) in [("Gateway::run", from_run), ("Ai::run", from_ai)] {
        let err = outcome.expect_err(call);
        let Error::GatewayUnauthorized { message, .. } = err else {
            panic!("{call}: expected GatewayUnauthorized, got {err:?}")
        };
        assert_eq!(message, "unauthorized", "{call}");
    }
    for sent in server.received_requests().await.expect("recording") {
        assert_eq!(header(&sent, "cf-aig-authorization"), Some("Bearer wrong-token"));
    }

    // The binding's shape: `{"name":"AiGatewayError","internalCode":2009,...}`.
    let server = MockServer::start().await;
    let body = fixture!("binding-gateway-error-2009.json");
    mount(&server, "POST", "/ai-gateway/run", json_answer(401, body.clone())).await;
    mount(&server, "POST", BINDING_UNIVERSAL, json_answer(401, body)).await;
    let ai = binding_ai(&server);
    let from_ai = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop);
    let from_run = ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop);
    for (call, outcome) in [("binding Ai::run", from_ai), ("binding Gateway::run", from_run)] {
        let err = outcome.expect_err(call);
        let Error::GatewayUnauthorized { message, .. } = err else {
            panic!("{call}: expected GatewayUnauthorized, got {err:?}")
        };
        assert_eq!(message, "Unauthorized", "{call}");
    }
}

#[tokio::test]
async fn v4_errors_on_management_calls_are_api_errors() {
    let server = MockServer::start().await;
    mount(&server, "GET", LOGS, json_answer(400, fixture!("v4-error.json"))).await;
    mount(&server, "DELETE", LOGS, json_answer(400, fixture!("v4-error.json"))).await;
    let gateway = rest_ai(&server).gateway(GW);
    for outcome in [gateway.list_logs(&ListLogs::new()).await.map(drop), gateway.delete_logs(&DeleteLogs::new()).await]
    {
        let err = outcome.expect_err("400");
        assert!(!err.is_retryable());
        let Error::Api { status, errors } = err else { panic!("expected Api, got {err:?}") };
        assert_eq!(status, 400);
        assert_eq!(errors, [ApiMessage { code: 7003, message: "No route for the URI".to_owned() }]);
    }

    let server = MockServer::start().await;
    mount(&server, "GET", LOGS, json_answer(401, fixture!("workers-ai-error.json"))).await;
    let err = rest_ai(&server).gateway(GW).list_logs(&ListLogs::new()).await.expect_err("401");
    assert!(err.to_string().contains("10000: Authentication error"), "{err}");
    let Error::Api { status, errors } = err else { panic!("expected Api, got {err:?}") };
    assert_eq!(status, 401);
    assert_eq!((errors[0].code, errors[0].message.as_str()), (10000, "Authentication error"));
    assert_eq!(errors.len(), 1);
}

#[tokio::test]
async fn workers_ai_error_envelopes_are_upstream_inference() {
    let server = MockServer::start().await;
    mount(&server, "POST", RUN_DIRECT, json_answer(400, fixture!("workers-ai-error-5007.json"))).await;
    let err = rest_ai(&server).run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.expect_err("400");
    assert_eq!(err.gateway_meta().map(|m| m.log_id.clone()), Some(None));
    let Error::UpstreamInference { status, code, name, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code, name), (400, Some(5007), None));
    assert_eq!(message, "5007: No such model");

    // Through a gateway, the error keeps the gateway's log id.
    let server = MockServer::start().await;
    let answer = json_answer(401, fixture!("workers-ai-error.json")).insert_header("cf-aig-log-id", "01JERR");
    mount(&server, "POST", RUN_GATEWAY, answer).await;
    let ai = rest_ai(&server);
    let err = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.expect_err("401");
    let meta = err.gateway_meta().expect("meta");
    assert_eq!((meta.status, meta.log_id.as_deref()), (401, Some("01JERR")));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("01JERR"));
    let Error::UpstreamInference { status, code, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code, message.as_str()), (401, Some(10000), "10000: Authentication error"));
}

#[tokio::test]
async fn binding_internal_code_error_is_upstream_inference() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/run", json_answer(400, fixture!("binding-ai-run-error-1001.json"))).await;
    let input = json!({"prompt": "x", "messages": []});
    let err = binding_ai(&server).run::<_, Value>(MODEL, &input, &RunOptions::new()).await.expect_err("400");
    assert!(!err.is_retryable());
    let Error::UpstreamInference { status, code, name, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code), (400, Some(1001)));
    assert_eq!(name.as_deref(), Some("InvalidInput"));
    assert_eq!(message, "1001: prompt and messages are mutually exclusive");
}

#[tokio::test]
async fn provider_error_from_universal_run_carries_name_and_log_id() {
    let server = MockServer::start().await;
    let answer = json_answer(401, r#"{"error":{"message":"bad key","type":"invalid_request_error"}}"#)
        .insert_header("cf-aig-log-id", "01JPROVIDER")
        .insert_header("cf-aig-step", "0");
    mount(&server, "POST", UNIVERSAL, answer).await;
    let err = rest_ai(&server).gateway(GW).run(one_step(), &UniversalOptions::new()).await.expect_err("401");
    let meta = err.gateway_meta().expect("meta").clone();
    assert_eq!(meta.log_id.as_deref(), Some("01JPROVIDER"));
    assert_eq!((meta.status, meta.step), (401, Some(0)));
    let Error::UpstreamInference { status, code, name, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code), (401, None));
    assert_eq!(name.as_deref(), Some("invalid_request_error"));
    assert_eq!(message, "bad key");
}

#[tokio::test]
async fn rate_limit_reads_retry_after() {
    let server = MockServer::start().await;
    let body = r#"{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}]}"#;
    let limited = || json_answer(429, body).insert_header("retry-after", "3");
    mount(&server, "GET", &format!("{LOGS}/L1"), limited()).await;
    mount(&server, "POST", UNIVERSAL, limited()).await;
    mount(&server, "POST", RUN_DIRECT, limited()).await;
    let ai = rest_ai(&server);
    let outcomes = [
        ("get_log", ai.gateway(GW).get_log("L1").await.map(drop)),
        ("Gateway::run", ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop)),
        ("Ai::run", ai.run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.map(drop)),
    ];
    for (call, outcome) in outcomes {
        let err = outcome.expect_err(call);
        assert!(err.is_retryable(), "{call}");
        assert_eq!(err.status(), Some(429));
        assert_eq!(err.retry_after(), Some(Duration::from_secs(3)), "{call}");
        let Error::RateLimited { retry_after, message } = err else {
            panic!("{call}: expected RateLimited, got {err:?}")
        };
        assert_eq!(retry_after, Some(Duration::from_secs(3)));
        assert_eq!(message, "Please wait and consider throttling your request speed");
    }
    // No client-side retries by default: one request per call.
    assert_eq!(server.received_requests().await.expect("recording").len(), 3);
}

#[tokio::test]
async fn unexpected_success_bodies_are_decode_errors_naming_the_path() {
    let server = MockServer::start().await;
    let mut log = fixture_json!("log-get.response.json");
    log["result"]["created_at"] = json!(1_577_470_279);
    let body = serde_json::to_string(&log).expect("JSON");
    mount(&server, "GET", &format!("{LOGS}/L1"), json_answer(200, body.clone())).await;
    let err = rest_ai(&server).gateway(GW).get_log("L1").await.expect_err("bad created_at");
    assert_eq!(err.status(), None);
    let Error::Decode { path, body_start, .. } = err else { panic!("expected Decode, got {err:?}") };
    assert_eq!(path, "result.created_at");
    assert_eq!(body_start.len(), 256, "only the start of a long body is kept");
    assert!(body.starts_with(&body_start), "{body_start}");

    // A short body is kept whole; list items are named by index.
    let server = MockServer::start().await;
    let list = r#"{"result":[{"id":"a","provider":"openai","model":"m","path":"p","duration":"slow","success":true,"cached":false,"tokens_in":null,"tokens_out":null,"created_at":"2025-01-01T00:00:00Z"}],"success":true}"#;
    mount(&server, "GET", LOGS, json_answer(200, list)).await;
    let err = rest_ai(&server).gateway(GW).list_logs(&ListLogs::new()).await.expect_err("bad duration");
    let Error::Decode { path, body_start, .. } = err else { panic!("expected Decode, got {err:?}") };
    assert_eq!(path, "result[0].duration");
    assert_eq!(body_start, list);

    // A model output of the wrong shape.
    let server = MockServer::start().await;
    let output = r#"{"result":{"response":42},"success":true,"errors":[],"messages":[]}"#;
    mount(&server, "POST", RUN_DIRECT, json_answer(200, output)).await;
    let err =
        rest_ai(&server).run::<_, TextOutput>(MODEL, &chat_input(), &RunOptions::new()).await.expect_err("bad output");
    let Error::Decode { path, body_start, .. } = err else { panic!("expected Decode, got {err:?}") };
    assert_eq!(path, "result.response");
    assert_eq!(body_start, output);
}

#[tokio::test]
async fn slow_answers_time_out() {
    let server = MockServer::start().await;
    let slow = json_answer(200, fixture!("log-get.response.json")).set_delay(Duration::from_secs(5));
    mount(&server, "GET", &format!("{LOGS}/L1"), slow).await;
    let ai = Ai::new(rest_config(&server).with_timeout(Duration::from_millis(200))).expect("config");
    let started = std::time::Instant::now();
    let err = ai.gateway(GW).get_log("L1").await.expect_err("timeout");
    assert!(started.elapsed() < Duration::from_secs(4), "gave up after {:?}", started.elapsed());
    assert!(err.is_retryable());
    let Error::Timeout { source } = err else { panic!("expected Timeout, got {err:?}") };
    assert!(source.is_some_and(|e| e.is_timeout()));
}

#[tokio::test]
async fn closed_port_is_a_transport_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let origin = format!("http://127.0.0.1:{port}");
    let config = Config::new("acc")
        .with_api_token("api-secret")
        .with_gateway_base_url(&format!("{origin}/v1"))
        .with_api_base_url(&format!("{origin}/client/v4"));
    let ai = Ai::new(config).expect("config");
    let outcomes = [
        ("get_log", ai.gateway(GW).get_log("L1").await.map(drop)),
        ("Ai::run", ai.run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.map(drop)),
    ];
    for (call, outcome) in outcomes {
        let err = outcome.expect_err(call);
        assert_eq!(err.status(), None);
        assert!(err.is_retryable(), "{call}: {err:?}");
        assert!(!err.to_string().contains("api-secret"));
        let Error::Transport(source) = err else { panic!("{call}: expected Transport, got {err:?}") };
        assert!(source.is_connect(), "{call}: {source:?}");
    }
}

// ---------------------------------------------------------------------------
// 3. Hostile answers never panic
// ---------------------------------------------------------------------------

fn hostile_bodies() -> Vec<(&'static str, Vec<u8>)> {
    let log = fixture!("log-get.response.json");
    let mut deep = vec![b'['; 10_000];
    deep.extend(vec![b']'; 10_000]);
    let mut deep_object = b"{\"result\":".to_vec();
    deep_object.extend(b"{\"a\":".repeat(5_000));
    deep_object.extend(b"1");
    deep_object.extend(vec![b'}'; 5_001]);
    vec![
        ("empty", Vec::new()),
        ("null", b"null".to_vec()),
        ("array", b"[]".to_vec()),
        ("object", b"{}".to_vec()),
        ("string", b"\"result\"".to_vec()),
        ("result null", br#"{"result":null}"#.to_vec()),
        ("result null success", br#"{"result":null,"success":true}"#.to_vec()),
        ("result empty", br#"{"result":{},"success":true}"#.to_vec()),
        ("result array", br#"{"result":[{}],"success":true,"result_info":null}"#.to_vec()),
        ("truncated log", log[..log.len() / 2].to_vec()),
        ("trailing garbage", [log.as_slice(), b"}}}"].concat()),
        ("huge exponent", br#"{"result":1e999999,"success":true}"#.to_vec()),
        ("huge integer", [b"{\"result\":{\"duration\":".as_slice(), &b"9".repeat(400), b"}}"].concat()),
        ("huge number alone", b"9".repeat(10_000)),
        ("deep arrays", deep),
        ("open arrays", vec![b'['; 10_000]),
        ("deep objects", deep_object),
        ("invalid UTF-8", vec![0xff, 0xfe, 0xfd, 0x80]),
        ("invalid UTF-8 in JSON", b"{\"errors\":[{\"code\":1,\"message\":\"\xff\xfe\"}]}".to_vec()),
        ("BOM", [b"\xEF\xBB\xBF".as_slice(), &log].concat()),
        ("NUL bytes", b"\0\0\0{\0}".to_vec()),
        ("multibyte at cut", "é".repeat(200).into_bytes()),
        ("long text", b"x".repeat(300_000)),
        ("errors not array", br#"{"errors":5,"error":"x"}"#.to_vec()),
        ("error empty array", br#"{"error":[]}"#.to_vec()),
        ("error array of numbers", br#"{"error":[1,2]}"#.to_vec()),
        ("error object wrong types", br#"{"error":{"message":5,"type":[],"code":"x"}}"#.to_vec()),
        ("errors wrong types", br#"{"errors":[{"code":1e400,"message":{}}],"success":false}"#.to_vec()),
        ("internalCode string", br#"{"internalCode":"2001","name":5}"#.to_vec()),
        ("internalCode huge", br#"{"internalCode":18446744073709551616,"description":null}"#.to_vec()),
        ("gateway error 2001", br#"{"error":[{"code":2001}]}"#.to_vec()),
        ("metadata nested string", br#"{"result":{"metadata":"{\"a\":{\"b\":[1]}}"},"success":true}"#.to_vec()),
        ("bad timestamp", br#"{"result":{"created_at":"yesterday"},"success":true}"#.to_vec()),
    ]
}

type Outcome = Result<(), String>;

/// Everything a caller may do with an error; none of it may panic.
fn inspect(err: &Error) -> String {
    let _ = (err.status(), err.is_retryable(), err.retry_after(), err.gateway_meta().cloned());
    let _ = format!("{err:?}");
    err.to_string()
}

async fn hit_every_call(ai: &Ai) -> Vec<(&'static str, Result<Outcome, tokio::task::JoinError>)> {
    let gateway = ai.gateway(GW);
    let get_log = {
        let gateway = gateway.clone();
        tokio::spawn(async move { gateway.get_log("L1").await.map(drop).map_err(|e| inspect(&e)) })
    };
    let list_logs = {
        let gateway = gateway.clone();
        tokio::spawn(async move { gateway.list_logs(&ListLogs::new()).await.map(drop).map_err(|e| inspect(&e)) })
    };
    let run = tokio::spawn(async move {
        match gateway.run(one_step(), &UniversalOptions::new()).await {
            Ok(response) => {
                let _ = (response.output::<Value>().map_err(|e| inspect(&e)), response.text(), format!("{response:?}"));
                Ok(())
            }
            Err(e) => Err(inspect(&e)),
        }
    });
    let ai_run = {
        let ai = ai.clone();
        tokio::spawn(async move {
            let _ = ai.run::<_, TextOutput>(MODEL, &chat_input(), &RunOptions::new()).await.map_err(|e| inspect(&e));
            ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop).map_err(|e| inspect(&e))
        })
    };
    vec![
        ("get_log", get_log.await),
        ("list_logs", list_logs.await),
        ("Gateway::run", run.await),
        ("Ai::run", ai_run.await),
    ]
}

#[tokio::test]
async fn hostile_answers_never_panic() {
    let server = MockServer::start().await;
    let ai = rest_ai(&server);
    let mut panics = Vec::new();
    let mut answered = 0;
    for status in [200_u16, 204, 302, 404, 429, 500, 599] {
        for (label, body) in hostile_bodies() {
            server.reset().await;
            let answer = || {
                ResponseTemplate::new(status)
                    .set_body_raw(body.clone(), "application/json")
                    .insert_header("retry-after", "1e300")
                    .insert_header("cf-aig-step", "-1")
                    .insert_header("cf-aig-log-id", "caf\u{e9}")
            };
            mount(&server, "GET", &format!("{LOGS}/L1"), answer()).await;
            mount(&server, "GET", LOGS, answer()).await;
            mount(&server, "POST", UNIVERSAL, answer()).await;
            mount(&server, "POST", RUN_DIRECT, answer()).await;
            mount(&server, "POST", RUN_GATEWAY, answer()).await;
            for (call, outcome) in hit_every_call(&ai).await {
                match outcome {
                    Ok(Ok(())) => answered += 1,
                    Ok(Err(message)) => assert!(!message.is_empty(), "{call} {status} {label}: empty error message"),
                    Err(join) => panics.push(format!("{call} on HTTP {status} with {label}: {join}")),
                }
            }
        }
    }
    assert!(panics.is_empty(), "panicked:\n{}", panics.join("\n"));
    // Some of these (an empty 2xx run, `{"result":null}` into a Value) are legitimately Ok.
    assert!(answered > 0);
}

/// `Inner::execute` turns a `retry-after` header into a `Duration` with
/// `Duration::from_secs_f64` before capping it, which panics on values too
/// large for a `Duration` (client.rs, the `hinted` computation).
#[tokio::test]
async fn huge_retry_after_with_client_retries_does_not_panic() {
    let server = MockServer::start().await;
    mount(&server, "GET", &format!("{LOGS}/L1"), json_answer(429, "{}").insert_header("retry-after", "1e30")).await;
    let config = rest_config(&server).with_max_retries(1).with_max_retry_delay(Duration::from_millis(10));
    let err = Ai::new(config).expect("config").gateway(GW).get_log("L1").await.expect_err("429");
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
}

// ---------------------------------------------------------------------------
// Every JSON fixture is used above
// ---------------------------------------------------------------------------

#[test]
fn every_json_fixture_is_referenced_by_this_file() {
    let this_file = include_str!("fixtures_and_errors.rs");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures directory")
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| std::path::Path::new(name).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json")))
        .collect();
    names.sort();
    assert!(names.len() >= 41, "expected the 41 JSON fixtures, found {names:?}");
    let missing: Vec<&String> = names.iter().filter(|name| !this_file.contains(&format!("\"{name}\""))).collect();
    assert!(missing.is_empty(), "JSON fixtures not referenced by this test file: {missing:?}");
}
