//! Typed declarations over `/ai/v1/*`: `Ai::run_model` and
//! `run_model_stream`, and their results' log handles.

use futures::StreamExt as _;
use gateway_core::models::anthropic::{ClaudeSonnet45Request, MessageEvent};
use gateway_core::models::openai::{Gpt4oMiniRequest, Gpt41MiniResponsesRequest, ResponseEvent};
use gateway_core::models::workers_ai::{ChatMessage, Llama31Instruct, Llama31InstructInput, Llama31InstructRequest};
use gateway_core::{LogMetadata, Metadata, Model as _, PatchLog, RunOptions};
use gateway_local::LocalConfig;

use super::super::{is_uuid_v7, log_of, start, through};

#[tokio::test]
async fn typed_declarations_run_and_their_logs_are_reachable() {
    let (local, ai) = start(LocalConfig::default()).await;
    for (options, gateway) in [(RunOptions::new(), "default"), (through("main"), "main")] {
        let gpt = ai.run_model(&Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]), &options).await.unwrap();
        assert!(gpt.response.choices[0].message.content.as_deref().is_some_and(|t| !t.is_empty()));
        assert_eq!(gpt.meta.model.as_deref(), Some("openai/gpt-4o-mini"));
        assert_eq!(gpt.meta.provider.as_deref(), Some("openai"));
        let id = gpt.log_id().unwrap().to_owned();
        assert!(is_uuid_v7(&id));
        // The result's handle reaches the gateway the request went through.
        gpt.patch_log(&PatchLog::new().metadata(Metadata::new().with("reviewed", true))).await.unwrap();
        let log = gpt.get_log().await.unwrap();
        assert_eq!(log.id, id);
        let metadata = log.metadata.as_ref().and_then(LogMetadata::entries).expect("patched metadata");
        assert_eq!(metadata.to_json(), r#"{"reviewed":true}"#);
        assert_eq!(log_of(&ai, gateway, &id).await.id, id);

        let responses = ai.run_model(&Gpt41MiniResponsesRequest::new("Say hello"), &options).await.unwrap();
        assert!(!responses.response.output_text().is_empty());
        assert_eq!(responses.meta.model.as_deref(), Some("openai/gpt-4.1-mini"));
        assert_eq!(responses.get_log().await.unwrap().model, "gpt-4.1-mini");

        let claude = ClaudeSonnet45Request::new(64u32, vec![ChatMessage::user("hi")]);
        let claude = ai.run_model(&claude, &options).await.unwrap();
        assert!(!claude.response.content.is_empty());
        assert_eq!(claude.meta.provider.as_deref(), Some("anthropic"));
        assert_eq!(claude.get_log().await.unwrap().provider.as_str(), "anthropic");
        claude.patch_log(&PatchLog::new().score(80)).await.unwrap();
    }
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn typed_declarations_stream_in_order() {
    let (local, ai) = start(LocalConfig::default()).await;
    let mut chunks =
        ai.run_model_stream(&Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]), &RunOptions::new()).await.unwrap();
    assert_eq!(chunks.meta.provider.as_deref(), Some("openai"));
    let mut text = String::new();
    while let Some(chunk) = chunks.next().await {
        text.extend(chunk.unwrap().choices.first().and_then(|c| c.delta.content.clone()));
    }
    assert!(!text.is_empty());
    let id = chunks.meta.log_id.clone().unwrap();
    assert!(log_of(&ai, "default", &id).await.success);

    let mut events = ai.run_model_stream(&Gpt41MiniResponsesRequest::new("hi"), &through("main")).await.unwrap();
    let mut seen = Vec::new();
    while let Some(event) = events.next().await {
        seen.push(event.unwrap());
    }
    assert!(matches!(seen.first(), Some(ResponseEvent::Created { .. })), "{seen:?}");
    assert!(matches!(seen.last(), Some(ResponseEvent::Completed { .. })), "{seen:?}");

    let claude = ClaudeSonnet45Request::new(64u32, vec![ChatMessage::user("hi")]);
    let mut events = ai.run_model_stream(&claude, &through("main")).await.unwrap();
    let mut seen = Vec::new();
    while let Some(event) = events.next().await {
        seen.push(event.unwrap());
    }
    assert!(matches!(seen.first(), Some(MessageEvent::MessageStart { .. })), "{seen:?}");
    assert!(matches!(seen.last(), Some(MessageEvent::MessageStop)), "{seen:?}");
    assert!(seen.iter().any(|e| e.text().is_some()));
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_workers_ai_declaration_runs_through_the_rest_api_envelope() {
    let (local, ai) = start(LocalConfig::default()).await;
    let request = Llama31InstructRequest::new(Llama31InstructInput::Prompt("hello".into()));
    let result = ai.run_model(&request, &through("main").rest_api()).await.unwrap();
    assert!(result.response.response.as_deref().is_some_and(|t| t.starts_with("Offline answer")));
    assert_eq!(result.meta.provider.as_deref(), Some("workers-ai"));
    let log = result.get_log().await.unwrap();
    assert_eq!((log.provider.as_str(), log.model.as_str()), ("workers-ai", Llama31Instruct::ID));
    let mut chunks = ai.run_model_stream(&request, &through("main").rest_api()).await.unwrap();
    let mut text = String::new();
    while let Some(chunk) = chunks.next().await {
        text.extend(chunk.unwrap().response);
    }
    assert!(text.starts_with("Offline answer"), "{text}");
    assert_eq!(ai.ai_gateway_log_id(), chunks.meta.log_id);
    local.shutdown().await.unwrap();
}
