//! Errors end to end, and the ids an answer carries.

use std::time::Duration;

use futures::StreamExt as _;
use gateway_core::models::openai::{ChatCompletion, ChatCompletionChunk};
use gateway_core::rest_api::V1Endpoint;
use gateway_core::{Ai, Error, Feedback, Gateway as _, GatewayOptions, PatchLog, RunOptions};
use gateway_local::{Fault, FaultRule, GatewaySettings, LocalConfig};
use serde_json::Value;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::super::{CLAUDE, GPT, chat, expect_err, is_uuid_v7, log_of, messages, single_step_id, start, through};

/// The provider's refusal, with the gateway's report (log id, model, provider) kept.
fn credential_rejected(e: &Error) -> bool {
    matches!(e, Error::ProviderCredentialRejected { status: 401, meta, .. }
        if meta.log_id.is_some() && meta.model.as_deref() == Some(GPT) && meta.provider.as_deref() == Some("openai"))
}

#[tokio::test]
async fn an_upstream_401_is_a_provider_credential_rejection() {
    let (local, ai) = start(LocalConfig::default()).await;
    let offline = local.offline_upstream().unwrap();
    offline.add_fault(FaultRule::new(Fault::Status(401)).for_provider("openai"));
    let run = ai.run::<_, Value>(GPT, &messages("hi"), &RunOptions::new()).await;
    expect_err(run, "ProviderCredentialRejected from /ai/run", credential_rejected);
    let v1 = ai.v1().chat_completions::<_, ChatCompletion>(&chat(GPT, "hi"), &through("main")).await;
    expect_err(v1, "ProviderCredentialRejected from /ai/v1", credential_rejected);
    let streamed = ai.v1().chat_completions_stream::<_, ChatCompletionChunk>(&chat(GPT, "hi"), &through("main")).await;
    expect_err(streamed, "ProviderCredentialRejected when streamed", |e| {
        matches!(e, Error::ProviderCredentialRejected { status: 401, .. })
    });
    let raw = ai.v1().send(V1Endpoint::ChatCompletions, &chat(GPT, "hi"), &RunOptions::new()).await;
    expect_err(raw, "ProviderCredentialRejected from send", credential_rejected);
    // The failure is logged in the gateway it went through.
    let failed = ai.ai_gateway_log_id().expect("the failure's log id");
    assert!(!log_of(&ai, "default", &failed).await.success);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_real_upstream_refusing_the_key_is_a_provider_credential_rejection() {
    let upstream = MockServer::start().await;
    let refusal =
        r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}"#;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401).set_body_raw(refusal, "application/json"))
        .mount(&upstream)
        .await;
    let (local, ai) = start(LocalConfig::default().with_upstream("openai", upstream.uri())).await;
    let typed = ai.run::<_, Value>(GPT, &messages("hi"), &through("main")).await;
    expect_err(typed, "ProviderCredentialRejected", credential_rejected);
    let stream = ai.run_stream::<_, Value>(GPT, &messages("hi"), &through("main")).await;
    expect_err(stream, "ProviderCredentialRejected when streamed", |e| {
        matches!(e, Error::ProviderCredentialRejected { status: 401, .. })
    });
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_rate_limited_gateway_answers_rate_limited() {
    let config = LocalConfig::default().with_gateway("limited", GatewaySettings::default().with_rate_limit(1, 60));
    let (local, ai) = start(config).await;
    let options = through("limited");
    ai.run::<_, Value>(GPT, &messages("one"), &options).await.unwrap();
    let second = ai.run::<_, Value>(GPT, &messages("two"), &options).await;
    expect_err(
        second,
        "RateLimited with retry-after",
        |e| matches!(e, Error::RateLimited { retry_after: Some(after), .. } if *after == Duration::from_secs(60)),
    );
    let streamed = ai.v1().chat_completions_stream::<_, Value>(&chat(GPT, "three"), &options).await;
    expect_err(streamed, "RateLimited when streamed", |e| matches!(e, Error::RateLimited { .. }));
    assert_eq!(local.offline_upstream().unwrap().attempts("openai"), 1);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_missing_or_wrong_api_token_is_refused() {
    let config = LocalConfig::default().with_api_token(Some("cf-api-secret".to_owned()));
    let (local, ai) = start(config).await;
    ai.run::<_, Value>(GPT, &messages("with the token"), &RunOptions::new()).await.unwrap();
    let base = gateway_core::Config::new(local.config().account_id.clone())
        .with_gateway_base_url(&local.gateway_base_url())
        .with_api_base_url(&local.api_base_url());
    let unauthenticated = |e: &Error| {
        matches!(e, Error::Api { status: 401, errors } if errors.first().is_some_and(|m| m.code == 10000))
            && !e.to_string().contains("cf-api-secret")
    };
    // No token: the client names the missing setting before sending.
    let no_token = Ai::new(base.clone()).unwrap();
    let missing = no_token.run::<_, Value>(GPT, &messages("hi"), &RunOptions::new()).await;
    expect_err(
        missing,
        "the missing api_token",
        |e| matches!(e, Error::Config { setting, .. } if setting == "api_token"),
    );
    // A wrong token: the v4 API's authentication error (10000), not a provider's refusal.
    let wrong = Ai::new(base.with_api_token("wrong")).unwrap();
    let run = wrong.run::<_, Value>(GPT, &messages("hi"), &RunOptions::new()).await;
    expect_err(run, "the v4 API's authentication error", unauthenticated);
    let v1 = wrong.v1().messages::<_, Value>(&chat(CLAUDE, "hi"), &through("main")).await;
    expect_err(v1, "the v4 API's authentication error", unauthenticated);
    let stream = wrong.v1().chat_completions_stream::<_, Value>(&chat(GPT, "hi"), &RunOptions::new()).await;
    expect_err(stream, "the v4 API's authentication error", unauthenticated);
    assert_eq!(local.offline_upstream().unwrap().requests_seen(), 1);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn single_step_ids_are_one_uuid_v7_usable_in_the_logs_api() {
    let (local, ai) = start(LocalConfig::default()).await;
    let answer = ai.run::<_, Value>(CLAUDE, &messages("ids"), &through("main")).await.unwrap();
    let id = answer.log_id().unwrap().to_owned();
    assert!(is_uuid_v7(&id), "{id}");
    assert_eq!(answer.meta.request_id.as_deref(), Some(id.as_str()));
    assert_eq!(answer.meta.event_id.as_deref(), Some(id.as_str()));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some(id.as_str()));
    let gateway = ai.gateway("main");
    gateway.patch_log(&id, &PatchLog::new().feedback(Feedback::Positive).score(70)).await.unwrap();
    assert_eq!(gateway.get_log(&id).await.unwrap().id, id);

    // Each answer has its own id, and `ai_gateway_log_id` follows the latest.
    let raw = ai.v1().send(V1Endpoint::Messages, &chat(CLAUDE, "next"), &through("main")).await.unwrap();
    let next = single_step_id(&raw);
    assert_ne!(next, id);
    assert!(next > id, "UUIDv7 ids sort by time: {next} after {id}");
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some(next.as_str()));

    let mut stream = ai.run_stream::<_, Value>(GPT, &messages("s"), &RunOptions::new()).await.unwrap();
    let streamed = stream.meta.log_id.clone().unwrap();
    assert!(is_uuid_v7(&streamed));
    assert_eq!(stream.meta.request_id.as_deref(), Some(streamed.as_str()));
    // A streamed run sets `ai_gateway_log_id` too, as the binding's `run` does.
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some(streamed.as_str()));
    while stream.next().await.is_some() {}
    assert_eq!(log_of(&ai, "default", &streamed).await.id, streamed);
    let body = serde_json::json!({"model": GPT, "input": "s"});
    let events = ai.v1().send_stream(V1Endpoint::Responses, &body, &RunOptions::new()).await.unwrap();
    assert_eq!(ai.ai_gateway_log_id(), events.meta.log_id);
    assert_ne!(events.meta.log_id.as_deref(), Some(streamed.as_str()));
    // An event id the caller sent comes back as sent; the log id stays the gateway's.
    let options = RunOptions::new().gateway(GatewayOptions::new("main").event_id("order-1234"));
    let tagged = ai.run::<_, Value>(GPT, &messages("tagged"), &options).await.unwrap();
    assert_eq!(tagged.meta.event_id.as_deref(), Some("order-1234"));
    assert!(is_uuid_v7(tagged.log_id().unwrap()));
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_stream_cut_by_the_upstream_ends_in_an_error_not_a_clean_end() {
    let (local, ai) = start(LocalConfig::default()).await;
    let offline = local.offline_upstream().unwrap();
    offline.add_fault(FaultRule::new(Fault::DropAfter(2)).for_provider("openai"));
    let mut chunks =
        ai.v1().chat_completions_stream::<_, ChatCompletionChunk>(&chat(GPT, "cut"), &through("main")).await.unwrap();
    let id = chunks.meta.log_id.clone().unwrap();
    let mut outcome = Ok(());
    while let Some(chunk) = chunks.next().await {
        if let Err(e) = chunk {
            outcome = Err(e);
            break;
        }
    }
    // gateway-local ends the stream with an in-band error event, as on the gateway host.
    expect_err(
        outcome,
        "the stream's failure",
        |e| matches!(e, Error::UpstreamInference { code: Some(2005), message, .. } if message.contains("stream failed")),
    );
    let log = log_of(&ai, "main", &id).await;
    assert!(!log.success || log.response_head_complete == Some(false), "{log:?}");
    local.shutdown().await.unwrap();
}
