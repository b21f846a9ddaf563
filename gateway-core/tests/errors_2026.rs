//! The errors Cloudflare added in 2026 (`cloudflare-2026.md` §0, §1.8, §2.4,
//! §5.1, §5.7), answered by a loopback server to real calls: each becomes
//! its typed variant, the HTTP status deciding first, on the gateway host
//! (the gateway's `error` array) and over the binding protocol
//! (`AiGatewayError` with `internalCode`), plain and streamed.

mod common;

use std::time::Duration;

use gateway_core::{
    Ai, BlockedStage, BuiltinProvider, Config, Error, Gateway, GatewayOptions, RunOptions, UniversalOptions,
};
use serde_json::{Value, json};
use wiremock::MockServer;

use common::{MODEL, binding_config, json_answer, mount, received};

const RUN_GATEWAY: &str = "/v1/acc/my-gateway/workers-ai/@cf/meta/llama-3.1-8b-instruct";
const OPENAI: &str = "/v1/acc/my-gateway/openai/chat/completions";

/// The gateway host's shape: `{"success":false,"error":[{code,message}]}`.
fn gateway_body(code: i64, message: &str) -> String {
    json!({"success": false, "error": [{"code": code, "message": message}]}).to_string()
}

/// The binding backend's shape for gateway errors.
fn binding_body(code: i64, message: &str) -> String {
    json!({"name": "AiGatewayError", "internalCode": code, "message": message}).to_string()
}

/// A short name per variant, for the tables.
fn kind(error: &Error) -> String {
    match error {
        Error::GatewayUnauthorized { .. } => "gateway-unauthorized".to_owned(),
        Error::ProviderCredentialRejected { .. } => "provider-credential".to_owned(),
        Error::InsufficientCredits { .. } => "credits".to_owned(),
        Error::GuardrailsBlocked { code, stage, .. } => format!("guardrails {code} {stage:?}"),
        Error::GuardrailsUnavailable { .. } => "guardrails-unavailable".to_owned(),
        Error::DlpBlocked { code, stage, .. } => format!("dlp {code} {stage:?}"),
        Error::SpendLimitExceeded { .. } => "spend-limit".to_owned(),
        Error::RateLimited { .. } => "rate-limit".to_owned(),
        Error::Gateway { code, .. } => format!("gateway {code}"),
        other => format!("{other:?}"),
    }
}

/// (status, code, message, expected kind) for the gateway host and the binding.
const CASES: &[(u16, i64, &str, &str)] = &[
    (401, 2009, "Unauthorized", "gateway-unauthorized"),
    (402, 2021, "Not enough credits", "credits"),
    // 2021 without 402 is the binding's "use BYOK": status first, so no credits error.
    (400, 2021, "use BYOK", "gateway 2021"),
    (424, 2016, "Prompt blocked due to security configurations", "guardrails 2016 Some(Request)"),
    (424, 2017, "Response blocked due to security configurations", "guardrails 2017 Some(Response)"),
    (422, 2017, "Content blocked by Guardrails", "guardrails 2017 None"),
    (503, 7013, "Guardrails scanner unavailable", "guardrails-unavailable"),
    (400, 2029, "Request content blocked due to DLP policy violations", "dlp 2029 Request"),
    (403, 2030, "Response content blocked due to DLP policy violations", "dlp 2030 Response"),
];

fn run_options() -> RunOptions {
    RunOptions::new().gateway(GatewayOptions::new("my-gateway"))
}

#[tokio::test]
async fn gateway_host_answers_become_their_variants_plain_and_streamed() {
    for &(status, code, message, expected) in CASES {
        let server = MockServer::start().await;
        mount(&server, "POST", RUN_GATEWAY, json_answer(status, gateway_body(code, message))).await;
        mount(&server, "POST", OPENAI, json_answer(status, gateway_body(code, message))).await;
        let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();

        let run = ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &run_options()).await.unwrap_err();
        assert_eq!(kind(&run), expected, "Ai::run {status}/{code}: {run}");
        assert_eq!(run.status(), Some(status));
        assert!(run.to_string().contains(message), "{run}");

        let streamed = ai.run_stream::<_, Value>(MODEL, &json!({"prompt": "hi"}), &run_options()).await.unwrap_err();
        assert_eq!(kind(&streamed), expected, "Ai::run_stream {status}/{code}: {streamed}");

        let provider = BuiltinProvider::openai("sk-test");
        let body = json!({"model": "gpt-4o-mini", "messages": []});
        let native = ai
            .gateway("my-gateway")
            .provider_request(&provider, "chat/completions", &body, &UniversalOptions::new())
            .await
            .unwrap_err();
        assert_eq!(kind(&native), expected, "provider_request {status}/{code}: {native}");
    }
}

#[tokio::test]
async fn binding_answers_become_their_variants() {
    for &(status, code, message, expected) in CASES {
        let server = MockServer::start().await;
        mount(&server, "POST", "/ai-gateway/run", json_answer(status, binding_body(code, message))).await;
        let ai = Ai::new(binding_config(&server)).unwrap();
        let error = ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &run_options()).await.unwrap_err();
        assert_eq!(kind(&error), expected, "binding {status}/{code}: {error}");
    }
}

#[tokio::test]
async fn messages_say_what_happened_and_what_to_do() {
    let server = MockServer::start().await;
    mount(&server, "POST", RUN_GATEWAY, json_answer(401, gateway_body(2009, "Unauthorized"))).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
    let error = ai.run::<_, Value>(MODEL, &json!({}), &run_options()).await.unwrap_err();
    let text = error.to_string();
    assert!(text.contains("cf-aig-authorization") && text.contains("CF_AIG_TOKEN"), "{text}");
    for (error, needle) in [
        (Error::InsufficientCredits { status: 402, message: "m".into(), meta: Box::default() }, "add credits"),
        (
            Error::GuardrailsBlocked {
                status: 424,
                code: 2016,
                stage: Some(BlockedStage::Request),
                message: "m".into(),
                meta: Box::default(),
            },
            "Guardrails blocked the request",
        ),
        (Error::GuardrailsUnavailable { status: 503, message: "m".into(), meta: Box::default() }, "try again later"),
        (
            Error::DlpBlocked {
                status: 400,
                code: 2030,
                stage: BlockedStage::Response,
                message: "m".into(),
                meta: Box::default(),
            },
            "DLP policy blocked the response",
        ),
        (Error::ProviderCredentialRejected { status: 401, message: "m".into(), meta: Box::default() }, "provider key"),
        (Error::SpendLimitExceeded { retry_after: None, message: "m".into() }, "spend limit"),
    ] {
        assert!(error.to_string().contains(needle), "{error}");
    }
}

/// A spend-limit 429 is its own error and is not retried; a gateway rate
/// limit is retried and stays [`Error::RateLimited`].
#[tokio::test]
async fn spend_limit_is_not_a_rate_limit() {
    let config = |server: &MockServer| -> Config {
        common::rest_config(server, "api-token").with_max_retries(2).with_retry_base_delay(Duration::from_millis(1))
    };
    let server = MockServer::start().await;
    let spent = gateway_body(2046, "Spend limit exceeded for gateway my-gateway");
    mount(&server, "POST", RUN_GATEWAY, json_answer(429, spent).insert_header("retry-after", "60")).await;
    let error = Ai::new(config(&server)).unwrap().run::<_, Value>(MODEL, &json!({}), &run_options()).await.unwrap_err();
    assert_eq!(kind(&error), "spend-limit", "{error}");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(60)));
    assert!(!error.is_retryable());
    assert_eq!(received(&server).await.len(), 1, "a spend limit is not retried");

    let server = MockServer::start().await;
    mount(&server, "POST", RUN_GATEWAY, json_answer(429, gateway_body(2003, "Rate limited"))).await;
    let error = Ai::new(config(&server)).unwrap().run::<_, Value>(MODEL, &json!({}), &run_options()).await.unwrap_err();
    assert_eq!(kind(&error), "rate-limit", "{error}");
    assert_eq!(received(&server).await.len(), 3, "a gateway rate limit is retried");
}
