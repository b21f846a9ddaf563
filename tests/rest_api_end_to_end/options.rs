//! Every gateway option carried on the REST API as its `cf-aig-*` header,
//! and the options Cloudflare added in 2026.

use futures::StreamExt as _;
use gateway_core::models::openai::ChatCompletion;
use gateway_core::rest_api::V1Endpoint;
use gateway_core::{
    CustomCost, Error, Gateway as _, GatewayOptions, GatewayRetries, LogMetadata, Metadata, RunOptions,
};
use gateway_local::{Fault, FaultRule, GatewaySettings, LocalConfig};
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::super::refused as is_refused;
use super::super::{CLAUDE, GPT, LLAMA, chat, expect_err, is_uuid_v7, log_of, messages, start};

fn main_with(options: GatewayOptions) -> RunOptions {
    RunOptions::new().gateway(options)
}

#[tokio::test]
async fn cache_metadata_and_event_id_on_the_rest_api() {
    let (local, ai) = start(LocalConfig::default()).await;
    let cached = main_with(GatewayOptions::new("main").cache_ttl(600));
    for send in 0..2 {
        let first = ai.run::<_, Value>(GPT, &messages(&format!("cache me {send}")), &cached).await.unwrap();
        let second = ai.run::<_, Value>(GPT, &messages(&format!("cache me {send}")), &cached).await.unwrap();
        assert!(!first.meta.is_cache_hit() && second.meta.is_cache_hit());
        assert_eq!(first.output, second.output);
        assert!(log_of(&ai, "main", second.log_id().unwrap()).await.cached);
    }
    let body = chat(GPT, "cache v1");
    let first = ai.v1().chat_completions::<_, Value>(&body, &cached).await.unwrap();
    let second = ai.v1().chat_completions::<_, Value>(&body, &cached).await.unwrap();
    assert!(!first.meta.is_cache_hit() && second.meta.is_cache_hit());
    assert_eq!(local.offline_upstream().unwrap().attempts("openai"), 3);

    let options = main_with(
        GatewayOptions::new("main").metadata(Metadata::new().with("user", 7).with("team", "search")).event_id("evt-42"),
    );
    let answer = ai.run::<_, Value>(CLAUDE, &messages("tagged"), &options).await.unwrap();
    assert_eq!(answer.meta.event_id.as_deref(), Some("evt-42"), "the event id comes back as sent");
    let id = answer.log_id().unwrap();
    assert!(is_uuid_v7(id));
    assert_eq!(answer.meta.request_id.as_deref(), Some(id));
    let log = log_of(&ai, "main", id).await;
    let metadata = log.metadata.as_ref().and_then(LogMetadata::entries).expect("metadata");
    assert_eq!(metadata.to_json(), r#"{"user":7,"team":"search"}"#);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn retries_and_collect_log_on_the_rest_api() {
    let (local, ai) = start(LocalConfig::default()).await;
    let offline = local.offline_upstream().unwrap();
    offline.add_fault(FaultRule::new(Fault::Status(500)).for_provider("openai").times(2));
    let retried = main_with(GatewayOptions::new("main").retries(GatewayRetries::new().max_attempts(3)));
    let answer = ai.v1().chat_completions::<_, ChatCompletion>(&chat(GPT, "retry"), &retried).await.unwrap();
    assert_eq!(offline.attempts("openai"), 3, "two faults, then the answer");
    assert!(log_of(&ai, "main", answer.log_id().unwrap()).await.success);

    let unlogged = main_with(GatewayOptions::new("main").collect_log(false));
    let answer = ai.run::<_, Value>(GPT, &messages("quiet"), &unlogged).await.unwrap();
    match answer.log_id() {
        None => {}
        Some(id) => {
            let found = ai.gateway("main").get_log(id).await;
            expect_err(found, "no log", |e| matches!(e, Error::LogNotFound { .. }));
        }
    }
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn new_options_are_accepted() {
    let (local, ai) = start(LocalConfig::default()).await;
    let options = main_with(
        GatewayOptions::new("main")
            .zdr(true)
            .otel_trace_id("0af7651916cd43dd8448eb211c80319c")
            .otel_parent_span_id("b7ad6b7169203331"),
    );
    for model in [GPT, CLAUDE] {
        let answer = ai.run::<_, Value>(model, &messages("new options"), &options).await.unwrap();
        assert!(log_of(&ai, "main", answer.log_id().unwrap()).await.success);
    }
    let raw = ai.v1().send(V1Endpoint::ChatCompletions, &chat(GPT, "zdr"), &options).await.unwrap();
    assert_eq!(raw.status, 200);
    // `no_wholesale` with no credential and no stored key: 400, named.
    let strict = main_with(GatewayOptions::new("main").no_wholesale(true));
    let refused = ai.run::<_, Value>(GPT, &messages("no wholesale"), &strict).await;
    expect_err(refused, "a 400 saying a provider credential is needed", |e| is_refused(e, 2008, "needs a credential"));
    // Workers AI is not affected.
    let workers = ai.run::<_, Value>(LLAMA, &messages("wai"), &strict.clone().rest_api()).await.unwrap();
    assert!(workers.output["response"].is_string());
    assert_eq!(local.offline_upstream().unwrap().attempts("openai"), 2, "the refusal never reached OpenAI");
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn byok_only_without_a_stored_key_is_a_typed_error() {
    let config = LocalConfig::default().with_gateway("strict", GatewaySettings::default().with_byok_only(true));
    let (local, ai) = start(config).await;
    let options = main_with(GatewayOptions::new("strict"));
    let refused = ai.v1().chat_completions::<_, Value>(&chat(GPT, "hi"), &options).await;
    expect_err(refused, "a 400 naming byok_only", |e| is_refused(e, 2008, "byok_only"));
    let streamed = ai.v1().chat_completions_stream::<_, Value>(&chat(GPT, "hi"), &options).await;
    expect_err(streamed, "the same when streamed", |e| is_refused(e, 2008, "openai"));
    assert_eq!(local.offline_upstream().unwrap().requests_seen(), 0);
    local.shutdown().await.unwrap();
}

/// An OpenAI upstream that records what it gets and reports 40 cached tokens.
async fn recording_openai() -> MockServer {
    let server = MockServer::start().await;
    let answer = json!({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-5.5",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "recorded"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110,
                  "prompt_tokens_details": {"cached_tokens": 40}}
    });
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(200).set_body_json(answer)).mount(&server).await;
    server
}

#[tokio::test]
async fn custom_costs_with_cache_rates_and_stored_keys_reach_the_upstream() {
    let upstream = recording_openai().await;
    let mut config = LocalConfig::from_toml("[provider_keys.openai]\ndefault = \"sk-stored-key\"\n").unwrap();
    config = config.with_upstream("openai", upstream.uri());
    let (local, ai) = start(config).await;
    let cost = CustomCost::per_token(0.5, 1.0).cache_read(0.1).cache_write(2.0);
    let options = main_with(GatewayOptions::new("main").custom_cost(cost));
    let answer = ai.v1().chat_completions::<_, ChatCompletion>(&chat(GPT, "priced"), &options).await.unwrap();
    assert_eq!(answer.output.choices[0].message.content.as_deref(), Some("recorded"));
    let log = log_of(&ai, "main", answer.log_id().unwrap()).await;
    // 60 uncached input tokens at 0.5, 40 cached at 0.1, 10 output at 1.0.
    assert_eq!((log.cost, log.custom_cost), (Some(44.0), Some(true)));

    let received = upstream.received_requests().await.unwrap();
    let request = received.last().unwrap();
    let auth = request.headers.get("authorization").and_then(|v| v.to_str().ok());
    assert_eq!(auth, Some("Bearer sk-stored-key"), "the stored key, not the API token");
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["model"], "gpt-5.5", "the provider's own model id");
    assert!(request.headers.keys().all(|name| !name.as_str().starts_with("cf-aig-")));
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn options_apply_to_streamed_answers_too() {
    let (local, ai) = start(LocalConfig::default()).await;
    let options = main_with(
        GatewayOptions::new("main").cache_ttl(600).event_id("evt-stream").custom_cost(CustomCost::per_token(1.0, 2.0)),
    );
    // OpenAI reports a stream's usage when asked to.
    let mut input = messages("stream cached");
    input["stream_options"] = json!({"include_usage": true});
    let mut ids = Vec::new();
    for _ in 0..2 {
        let mut stream = ai.run_stream::<_, Value>(GPT, &input, &options).await.unwrap();
        assert_eq!(stream.meta.event_id.as_deref(), Some("evt-stream"));
        ids.push((stream.meta.log_id.clone().unwrap(), stream.meta.is_cache_hit()));
        let mut chunks = 0;
        while let Some(chunk) = stream.next().await {
            chunk.unwrap();
            chunks += 1;
        }
        assert!(chunks > 1);
    }
    assert_eq!((ids[0].1, ids[1].1), (false, true), "the second stream is served from the cache");
    let log = log_of(&ai, "main", &ids[0].0).await;
    let (input, output) = (log.tokens_in.expect("tokens in"), log.tokens_out.expect("tokens out"));
    #[allow(clippy::cast_precision_loss, reason = "small token counts")]
    let expected = input as f64 + 2.0 * output as f64;
    assert_eq!((log.cost, log.custom_cost), (Some(expected), Some(true)));
    assert!(log_of(&ai, "main", &ids[1].0).await.cached);
    assert_eq!(local.offline_upstream().unwrap().attempts("openai"), 1);

    // Retries apply to a stream's first answer.
    let offline = local.offline_upstream().unwrap();
    offline.add_fault(FaultRule::new(Fault::Status(503)).for_provider("anthropic").times(1));
    let retried = main_with(GatewayOptions::new("main").retries(GatewayRetries::new().max_attempts(2)));
    let body = json!({"model": CLAUDE, "max_tokens": 32, "messages": [{"role": "user", "content": "retry"}]});
    let mut events = ai.v1().messages_stream::<_, Value>(&body, &retried).await.unwrap();
    while let Some(event) = events.next().await {
        event.unwrap();
    }
    assert_eq!(offline.attempts("anthropic"), 2);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn skip_cache_payload_and_timeout_options() {
    let (local, ai) = start(LocalConfig::default()).await;
    let cached = main_with(GatewayOptions::new("main").cache_ttl(600));
    ai.run::<_, Value>(GPT, &messages("skip"), &cached).await.unwrap();
    let skip = main_with(GatewayOptions::new("main").cache_ttl(600).skip_cache(true));
    assert!(!ai.run::<_, Value>(GPT, &messages("skip"), &skip).await.unwrap().meta.is_cache_hit());

    let no_payload = main_with(GatewayOptions::new("main").collect_log_payload(false));
    let answer = ai.run::<_, Value>(GPT, &messages("secret prompt"), &no_payload).await.unwrap();
    let id = answer.log_id().unwrap();
    assert!(log_of(&ai, "main", id).await.success, "logged, with its heads");
    let payload = ai.gateway("main").log_request(id).await;
    expect_err(payload, "no payload kept", |e| matches!(e, Error::LogNotFound { .. }));

    let offline = local.offline_upstream().unwrap();
    offline.add_fault(FaultRule::new(Fault::Latency(std::time::Duration::from_secs(5))).for_provider("openai"));
    let hurried = main_with(GatewayOptions::new("main").request_timeout_ms(100));
    let late = ai.run::<_, Value>(GPT, &messages("late"), &hurried).await;
    expect_err(late, "the gateway's timeout", |e| e.status().is_some_and(|s| s >= 500));
    local.shutdown().await.unwrap();
}
