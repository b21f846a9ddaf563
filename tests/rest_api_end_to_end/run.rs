//! `Ai::run`, `run_raw` and `run_stream` with catalog names and Workers AI
//! ids through the REST API's `POST /ai/run`.

use futures::StreamExt as _;
use gateway_core::{Error, GatewayOptions, RunOptions};
use gateway_local::LocalConfig;
use serde_json::Value;

use super::super::{
    CLAUDE, GEMINI, GPT, GROK, LLAMA, expect_err, is_uuid_v7, log_of, messages, refused, single_step_id, start, through,
};

/// Each catalog author and the provider slug gateway-local routes it to.
const CATALOG: [(&str, &str); 4] =
    [(GPT, "openai"), (CLAUDE, "anthropic"), (GEMINI, "google-ai-studio"), (GROK, "grok")];

#[tokio::test]
async fn catalog_models_run_through_the_default_gateway_created_on_first_use() {
    let (local, ai) = start(LocalConfig::default()).await;
    for (model, provider) in CATALOG {
        let answer = ai.run::<_, Value>(model, &messages("hello"), &RunOptions::new()).await.unwrap();
        assert!(answer.output.is_object(), "{model}: the model's own answer, unwrapped: {}", answer.output);
        assert_eq!(answer.meta.model.as_deref(), Some(model), "{model}");
        assert_eq!(answer.meta.provider.as_deref(), Some(provider), "{model}");
        let id = answer.log_id().expect("log id").to_owned();
        assert!(is_uuid_v7(&id), "{id}");
        assert_eq!(ai.ai_gateway_log_id().as_deref(), Some(id.as_str()));
        // No gateway id: the log landed in the account's `default` gateway.
        let log = log_of(&ai, "default", &id).await;
        assert_eq!((log.provider.as_str(), log.success), (provider, true), "{model}");
    }
    assert_eq!(local.offline_upstream().unwrap().attempts("openai"), 1);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn catalog_models_run_raw_and_streamed_with_and_without_a_gateway() {
    let (local, ai) = start(LocalConfig::default()).await;
    for (model, provider) in CATALOG {
        for (options, gateway) in [(RunOptions::new(), "default"), (through("main"), "main")] {
            let raw = ai.run_raw(model, &messages("raw"), &options).await.unwrap();
            let id = single_step_id(&raw);
            assert_eq!((raw.meta.model.as_deref(), raw.meta.provider.as_deref()), (Some(model), Some(provider)));
            let envelope: Value = raw.json().unwrap();
            assert_eq!(envelope["success"], true, "{model}: the /ai/run envelope: {envelope}");
            assert_eq!(log_of(&ai, gateway, &id).await.id, id);

            let mut stream = ai.run_stream::<_, Value>(model, &messages("stream"), &options).await.unwrap();
            assert_eq!(stream.meta.model.as_deref(), Some(model));
            assert_eq!(stream.meta.provider.as_deref(), Some(provider));
            let id = stream.meta.log_id.clone().expect("stream log id");
            let mut chunks = 0;
            while let Some(chunk) = stream.next().await {
                chunk.unwrap_or_else(|e| panic!("{model} via {gateway}: {e}"));
                chunks += 1;
            }
            assert!(chunks > 1, "{model}: several chunks, then a clean end");
            let log = log_of(&ai, gateway, &id).await;
            assert!(log.success, "{model}: the streamed log completes");
        }
    }
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn workers_ai_models_through_the_rest_api_with_a_gateway_id() {
    let (local, ai) = start(LocalConfig::default()).await;
    // `RunOptions::rest_api()` sends an `@cf/` model through `/ai/run` with `cf-aig-gateway-id`.
    let options = through("main").rest_api();
    let answer = ai.run::<_, Value>(LLAMA, &messages("hello"), &options).await.unwrap();
    assert!(answer.output["response"].as_str().unwrap().starts_with("Offline answer"), "{}", answer.output);
    assert_eq!(answer.meta.model.as_deref(), Some(LLAMA));
    assert_eq!(answer.meta.provider.as_deref(), Some("workers-ai"));
    let log = log_of(&ai, "main", answer.log_id().unwrap()).await;
    assert_eq!((log.provider.as_str(), log.model.as_str()), ("workers-ai", LLAMA));

    let catalog = format!("workers-ai/{LLAMA}");
    let answer = ai.run::<_, Value>(&catalog, &messages("hello"), &through("main")).await.unwrap();
    assert!(answer.output["response"].is_string(), "{}", answer.output);
    assert_eq!(answer.meta.provider.as_deref(), Some("workers-ai"));
    assert!(log_of(&ai, "main", answer.log_id().unwrap()).await.success);

    let mut stream = ai.run_stream::<_, Value>(LLAMA, &messages("stream"), &options).await.unwrap();
    let mut text = String::new();
    while let Some(chunk) = stream.next().await {
        text.push_str(chunk.unwrap()["response"].as_str().unwrap_or(""));
    }
    assert!(text.starts_with("Offline answer"), "{text}");

    // The REST API needs a gateway id for an `@cf/` model (§1.3): the client says so before sending;
    // `default` names the account's default gateway, created on first use.
    let missing = ai.run::<_, Value>(LLAMA, &messages("no id"), &RunOptions::new().rest_api()).await;
    expect_err(
        missing,
        "the gateway id asked for",
        |e| matches!(e, Error::InvalidInput { field, .. } if field == "gateway.id"),
    );
    let default = ai.run::<_, Value>(LLAMA, &messages("default"), &through("default").rest_api()).await.unwrap();
    assert_eq!(log_of(&ai, "default", default.log_id().unwrap()).await.model, LLAMA);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn dynamic_routes_and_unknown_authors_are_refused_with_typed_errors() {
    let (local, ai) = start(LocalConfig::default()).await;
    let dynamic = ai.run::<_, Value>("dynamic/support", &messages("hi"), &RunOptions::new()).await;
    expect_err(dynamic, "a 400 naming the dynamic route", |e| refused(e, 7003, "dynamic/support"));
    let unknown = ai.run::<_, Value>("nobody/model-1", &messages("hi"), &through("main")).await;
    expect_err(unknown, "a 400 naming the unknown model", |e| refused(e, 7003, "nobody/model-1"));
    let streamed = ai.run_stream::<_, Value>("nobody/model-1", &messages("hi"), &RunOptions::new()).await;
    expect_err(streamed, "the same refusal when streamed", |e| refused(e, 7003, "no known author"));
    // An unknown gateway id is not created (only `default` is).
    let options = RunOptions::new().gateway(GatewayOptions::new("never-made"));
    let missing = ai.run::<_, Value>(GPT, &messages("hi"), &options).await;
    expect_err(
        missing,
        "gateway not found",
        |e| matches!(e, Error::GatewayNotFound { gateway_id, .. } if gateway_id == "never-made"),
    );
    assert_eq!(local.offline_upstream().unwrap().requests_seen(), 0);
    local.shutdown().await.unwrap();
}
