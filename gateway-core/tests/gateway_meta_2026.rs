//! `cf-aig-model` and `cf-aig-provider` (`cloudflare-2026.md` §4.2; sent on
//! answers generally, not only by dynamic routes) reach [`GatewayMeta`] on
//! every answer: plain, streamed, and failed, over HTTP and the binding.

mod common;

use gateway_core::{
    Ai, BuiltinProvider, Error, Gateway, GatewayMeta, GatewayOptions, RunOptions, StreamProtocol, UniversalOptions,
};
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};

use common::{MODEL, binding_config, envelope, json_answer, mount};

const RUN_GATEWAY: &str = "/v1/acc/my-gateway/workers-ai/@cf/meta/llama-3.1-8b-instruct";
const OPENAI: &str = "/v1/acc/my-gateway/openai/chat/completions";
const LOG_ID: &str = "019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07";
const SSE: &str = "data: {\"response\":\"hi\"}\n\ndata: [DONE]\n\n";

/// `answer` with the headers the gateway adds, naming `model` and `provider`.
fn reported(answer: ResponseTemplate, model: &str, provider: &str) -> ResponseTemplate {
    answer
        .insert_header("cf-aig-model", model)
        .insert_header("cf-aig-provider", provider)
        .insert_header("cf-aig-log-id", LOG_ID)
}

fn assert_reported(meta: &GatewayMeta, model: &str, provider: &str, what: &str) {
    assert_eq!(
        (meta.model.as_deref(), meta.provider.as_deref(), meta.log_id.as_deref()),
        (Some(model), Some(provider), Some(LOG_ID)),
        "{what}: {meta:?}"
    );
}

fn gateway_options() -> RunOptions {
    RunOptions::new().gateway(GatewayOptions::new("my-gateway"))
}

#[tokio::test]
async fn plain_and_streamed_answers_carry_model_and_provider() {
    let body = json!({"model": "gpt-4o-mini", "messages": []});
    let provider = BuiltinProvider::openai("sk-test");

    let server = MockServer::start().await;
    mount(&server, "POST", RUN_GATEWAY, reported(envelope(&json!({"response": "ok"})), MODEL, "workers-ai")).await;
    mount(&server, "POST", OPENAI, reported(json_answer(200, "{}"), "gpt-4o-mini", "openai")).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
    let gateway = ai.gateway("my-gateway");
    let answer = ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &gateway_options()).await.unwrap();
    assert_reported(&answer.meta, MODEL, "workers-ai", "Ai::run");
    let native =
        gateway.provider_request(&provider, "chat/completions", &body, &UniversalOptions::new()).await.unwrap();
    assert_reported(&native.meta, "gpt-4o-mini", "openai", "provider_request");

    let server = MockServer::start().await;
    let stream = |model: &str, provider: &str| {
        reported(ResponseTemplate::new(200).set_body_raw(SSE, "text/event-stream"), model, provider)
    };
    mount(&server, "POST", RUN_GATEWAY, stream(MODEL, "workers-ai")).await;
    mount(&server, "POST", OPENAI, stream("gpt-4o-mini", "openai")).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
    let chunks = ai.run_stream::<_, Value>(MODEL, &json!({"prompt": "hi"}), &gateway_options()).await.unwrap();
    assert_reported(&chunks.meta, MODEL, "workers-ai", "Ai::run_stream");
    let events = ai
        .gateway("my-gateway")
        .provider_request_stream(&provider, "chat/completions", &body, &UniversalOptions::new())
        .await
        .unwrap();
    assert_reported(&events.meta, "gpt-4o-mini", "openai", "provider_request_stream");
    assert_eq!(events.chunks::<Value>(StreamProtocol::DoneSentinel).try_collect_all().await.unwrap().len(), 1);
}

#[tokio::test]
async fn failed_answers_carry_model_and_provider() {
    let cases = [
        // A provider's own error, passed through.
        (json_answer(500, r#"{"error":{"message":"boom","type":"server_error"}}"#), "upstream"),
        // The gateway's own refusals of 2026.
        (json_answer(424, r#"{"success":false,"error":[{"code":2016,"message":"Prompt blocked"}]}"#), "guardrails"),
        (json_answer(400, r#"{"success":false,"error":[{"code":2029,"message":"DLP"}]}"#), "dlp"),
        (json_answer(402, r#"{"success":false,"error":[{"code":2021,"message":"credits"}]}"#), "credits"),
    ];
    for (answer, what) in cases {
        let server = MockServer::start().await;
        mount(&server, "POST", RUN_GATEWAY, reported(answer.clone(), MODEL, "workers-ai")).await;
        let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
        let error = ai.run::<_, Value>(MODEL, &json!({}), &gateway_options()).await.unwrap_err();
        let meta = error.gateway_meta().unwrap_or_else(|| panic!("{what}: no meta on {error:?}"));
        assert_reported(meta, MODEL, "workers-ai", what);
        let streamed = ai.run_stream::<_, Value>(MODEL, &json!({}), &gateway_options()).await.unwrap_err();
        assert_reported(streamed.gateway_meta().unwrap(), MODEL, "workers-ai", what);
        assert!(!matches!(error, Error::Gateway { .. }), "{what}: {error:?}");
    }
}

#[tokio::test]
async fn binding_answers_carry_model_and_provider() {
    let server = MockServer::start().await;
    let answer = reported(json_answer(200, r#"{"response":"ok"}"#), "openai/gpt-5.5", "openai");
    mount(&server, "POST", "/ai-gateway/run", answer).await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    let answer = ai.run::<_, Value>("openai/gpt-5.5", &json!({"messages": []}), &gateway_options()).await.unwrap();
    assert_reported(&answer.meta, "openai/gpt-5.5", "openai", "binding Ai::run");
}
