//! `ai.v1()`: `/ai/v1/chat/completions`, `/responses` and `/messages`, plain,
//! streamed and raw.

use futures::StreamExt as _;
use gateway_core::RunOptions;
use gateway_core::models::anthropic::MessageEvent;
use gateway_core::models::openai::{ChatCompletion, ChatCompletionChunk, ResponseEvent};
use gateway_core::rest_api::V1Endpoint;
use gateway_local::LocalConfig;
use serde_json::{Value, json};

use super::super::refused as is_refused;
use super::super::{CLAUDE, GPT, GROK, LLAMA, all_events, chat, expect_err, log_of, single_step_id, start, through};

#[tokio::test]
async fn chat_completions_plain_and_streamed() {
    let (local, ai) = start(LocalConfig::default()).await;
    for model in [GPT, CLAUDE, GROK] {
        let answer =
            ai.v1().chat_completions::<_, ChatCompletion>(&chat(model, "hi"), &RunOptions::new()).await.unwrap();
        assert!(answer.output.choices[0].message.content.as_deref().is_some_and(|t| !t.is_empty()), "{model}");
        assert_eq!(answer.meta.model.as_deref(), Some(model));
        assert!(log_of(&ai, "default", answer.log_id().unwrap()).await.success);

        let mut chunks = ai
            .v1()
            .chat_completions_stream::<_, ChatCompletionChunk>(&chat(model, "hi"), &through("main"))
            .await
            .unwrap();
        assert_eq!(chunks.meta.model.as_deref(), Some(model));
        let id = chunks.meta.log_id.clone().unwrap();
        let mut text = String::new();
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk.unwrap_or_else(|e| panic!("{model}: {e}"));
            text.extend(chunk.choices.first().and_then(|c| c.delta.content.clone()));
        }
        assert!(!text.is_empty(), "{model}: text streamed");
        assert!(log_of(&ai, "main", &id).await.success);
    }
    // A Workers AI model on /ai/v1 needs a gateway id, which `through` gives.
    let answer = ai.v1().chat_completions::<_, Value>(&chat(LLAMA, "hi"), &through("main")).await.unwrap();
    assert_eq!(answer.meta.provider.as_deref(), Some("workers-ai"));
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn responses_plain_and_streamed_in_order() {
    let (local, ai) = start(LocalConfig::default()).await;
    let body = json!({"model": GPT, "input": "Say hi"});
    let answer = ai.v1().responses::<_, Value>(&body, &RunOptions::new()).await.unwrap();
    assert_eq!(answer.output["status"], "completed", "{}", answer.output);
    assert_eq!(answer.meta.provider.as_deref(), Some("openai"));

    let mut events = ai.v1().responses_stream::<_, ResponseEvent>(&body, &RunOptions::new()).await.unwrap();
    let mut seen = Vec::new();
    while let Some(event) = events.next().await {
        seen.push(event.unwrap());
    }
    assert!(matches!(seen.first(), Some(ResponseEvent::Created { .. })), "{seen:?}");
    assert!(matches!(seen.last(), Some(ResponseEvent::Completed { .. })), "{seen:?}");
    assert!(seen.iter().any(|e| e.text().is_some()), "{seen:?}");
    // Only OpenAI serves the Responses API.
    let refused = ai.v1().responses::<_, Value>(&json!({"model": CLAUDE, "input": "hi"}), &RunOptions::new()).await;
    expect_err(refused, "a 400 saying where the model is served", |e| is_refused(e, 7003, "/ai/v1/responses"));
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn messages_plain_and_streamed_in_order() {
    let (local, ai) = start(LocalConfig::default()).await;
    let body = json!({"model": CLAUDE, "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]});
    let answer = ai.v1().messages::<_, Value>(&body, &through("main")).await.unwrap();
    assert_eq!(answer.output["type"], "message", "{}", answer.output);
    assert_eq!(answer.meta.provider.as_deref(), Some("anthropic"));
    assert_eq!(log_of(&ai, "main", answer.log_id().unwrap()).await.provider.as_str(), "anthropic");

    let mut events = ai.v1().messages_stream::<_, MessageEvent>(&body, &through("main")).await.unwrap();
    let mut seen = Vec::new();
    while let Some(event) = events.next().await {
        seen.push(event.unwrap());
    }
    assert!(matches!(seen.first(), Some(MessageEvent::MessageStart { .. })), "{seen:?}");
    assert!(matches!(seen.last(), Some(MessageEvent::MessageStop)), "{seen:?}");
    let text: String = seen.iter().filter_map(MessageEvent::text).collect();
    assert!(!text.is_empty());
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn send_and_send_stream_raw() {
    let (local, ai) = start(LocalConfig::default()).await;
    let endpoints = [
        (V1Endpoint::ChatCompletions, chat(GPT, "raw")),
        (V1Endpoint::Responses, json!({"model": GPT, "input": "raw"})),
        (
            V1Endpoint::Messages,
            json!({"model": CLAUDE, "max_tokens": 16, "messages": [{"role": "user", "content": "raw"}]}),
        ),
    ];
    for (endpoint, body) in endpoints {
        let raw = ai.v1().send(endpoint, &body, &through("main")).await.unwrap();
        assert_eq!(raw.status, 200);
        let id = single_step_id(&raw);
        assert!(raw.json::<Value>().unwrap().is_object());
        assert_eq!(ai.ai_gateway_log_id().as_deref(), Some(id.as_str()));
        let log = log_of(&ai, "main", &id).await;
        assert_eq!(log.id, id);

        let events = ai.v1().send_stream(endpoint, &body, &through("main")).await.unwrap();
        assert!(events.meta.log_id.is_some());
        let all = all_events(events).await;
        assert!(all.len() > 2, "{endpoint:?}: {all:?}");
        let last = &all.last().unwrap().1;
        match endpoint {
            V1Endpoint::ChatCompletions => assert_eq!(last, "[DONE]"),
            V1Endpoint::Responses => assert!(last.contains("response.completed"), "{last}"),
            _ => assert!(last.contains("message_stop"), "{last}"),
        }
    }
    local.shutdown().await.unwrap();
}
