//! A real third-party client, async-openai (crates.io), against the gateway
//! host with the offline upstream: the Responses API streamed through
//! `/openai` (events as OpenAI sends them, logged like every stream), and
//! `/compat/chat/completions` for every provider the provider table gives
//! an OpenAI-compatible path, plain and streamed.

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::types::chat::{
    ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequest, CreateChatCompletionRequestArgs,
};
use async_openai::types::responses::{CreateResponseArgs, ResponseStreamEvent};
use common::harness::{ACCOUNT, Harness};
use futures::StreamExt as _;
use gateway_core::provider::PROVIDERS;
use gateway_local::LocalConfig;
use serde_json::Value;

mod common;

fn client(harness: &Harness, provider: &str) -> Client<OpenAIConfig> {
    let base = format!("{}/{ACCOUNT}/main/{provider}", harness.gateway.gateway_base_url());
    Client::with_config(OpenAIConfig::new().with_api_base(base).with_api_key("sk-offline"))
}

fn chat_request(model: &str) -> CreateChatCompletionRequest {
    let message = ChatCompletionRequestUserMessageArgs::default().content("What is Cloudflare?").build().unwrap();
    CreateChatCompletionRequestArgs::default().model(model).messages([message.into()]).build().unwrap()
}

/// Every log of gateway `main`, each read whole (a stream's log is final once read by id).
async fn logs(harness: &Harness) -> Vec<Value> {
    let list = harness.v4(reqwest::Method::GET, &harness.logs_url("main"), None).await.json();
    let mut out = Vec::new();
    for item in list["result"].as_array().expect("a list") {
        let url = harness.api_url("main", &format!("logs/{}", item["id"].as_str().expect("an id")));
        out.push(harness.v4(reqwest::Method::GET, &url, None).await.json()["result"].clone());
    }
    out
}

#[tokio::test]
async fn streamed_responses_on_the_gateway_host_stream_and_are_logged() {
    let harness = Harness::start(LocalConfig::default()).await;
    let openai = client(&harness, "openai");
    let request = || CreateResponseArgs::default().model("gpt-4o-mini").input("What is Cloudflare?").build().unwrap();
    let text = openai.responses().create(request()).await.expect("a response").output_text().expect("text");
    let mut stream = openai.responses().create_stream(request()).await.expect("a stream");
    let mut names = Vec::new();
    let mut deltas = String::new();
    while let Some(event) = stream.next().await {
        match event.expect("an event async-openai decodes") {
            ResponseStreamEvent::ResponseCreated(_) => names.push("created"),
            ResponseStreamEvent::ResponseOutputTextDelta(delta) => {
                names.push("delta");
                deltas.push_str(&delta.delta);
            }
            ResponseStreamEvent::ResponseCompleted(_) => names.push("completed"),
            _ => {}
        }
    }
    assert_eq!(names.first(), Some(&"created"), "{names:?}");
    assert_eq!(names.last(), Some(&"completed"), "{names:?}");
    assert!(names.iter().filter(|n| **n == "delta").count() > 1, "streamed in pieces: {names:?}");
    assert_eq!(deltas, text);
    // A streamed chat completion, for the log of a stream.
    let mut chat = openai.chat().create_stream(chat_request("gpt-4o-mini")).await.expect("a stream");
    while let Some(chunk) = chat.next().await {
        chunk.expect("a chunk");
    }
    let logs = logs(&harness).await;
    assert_eq!(logs.len(), 3, "{logs:?}");
    let find = |path: &str, stream: bool| {
        logs.iter()
            .find(|log| {
                log["path"] == path
                    && log["response_content_type"].as_str().unwrap_or_default().starts_with("text/event-stream")
                        == stream
            })
            .unwrap_or_else(|| panic!("a log of {path} (stream: {stream}) in {logs:?}"))
    };
    let (responses, chat) = (find("responses", true), find("chat/completions", true));
    let plain = find("responses", false);
    for field in ["success", "model", "model_type", "provider", "status_code", "duration", "response_content_type"] {
        assert!(!responses[field].is_null(), "{field}: {responses}");
        assert_eq!(responses[field].is_null(), chat[field].is_null(), "{field}: {responses} vs {chat}");
    }
    assert_eq!(responses["success"], true);
    assert_eq!(responses["model"], "gpt-4o-mini");
    // The stream's usage (from `response.completed`) is the plain answer's.
    assert!(responses["tokens_out"].as_u64().is_some_and(|n| n > 0), "{responses}");
    assert_eq!(responses["tokens_in"], plain["tokens_in"], "{responses} vs {plain}");
    assert_eq!(responses["tokens_out"], plain["tokens_out"], "{responses} vs {plain}");
}

/// A model each compat provider's offline double answers.
fn compat_model(slug: &str) -> String {
    match slug {
        "workers-ai" => "workers-ai/@cf/meta/llama-3.1-8b-instruct".to_owned(),
        "anthropic" => "anthropic/claude-sonnet-4-5".to_owned(),
        "google-ai-studio" => "google-ai-studio/gemini-2.5-flash".to_owned(),
        other => format!("{other}/offline-model"),
    }
}

#[tokio::test]
async fn every_compat_provider_answers_through_compat_offline() {
    let harness = Harness::start(LocalConfig::default()).await;
    let compat = client(&harness, "compat");
    let slugs: Vec<&str> = PROVIDERS.iter().filter(|row| row.compat_path.is_some()).map(|row| row.slug).collect();
    assert!(slugs.contains(&"anthropic") && slugs.contains(&"google-ai-studio"), "{slugs:?}");
    for slug in slugs {
        let model = compat_model(slug);
        let plain = compat.chat().create(chat_request(&model)).await.unwrap_or_else(|e| panic!("{model}: {e}"));
        let text = plain.choices[0].message.content.clone().unwrap_or_else(|| panic!("{model}: no content"));
        assert!(!text.is_empty(), "{model}");
        let mut stream = compat.chat().create_stream(chat_request(&model)).await.expect("a stream");
        let mut streamed = String::new();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.unwrap_or_else(|e| panic!("{model}: a chunk async-openai decodes: {e}"));
            for choice in chunk.choices {
                streamed.push_str(choice.delta.content.as_deref().unwrap_or_default());
            }
        }
        assert_eq!(streamed, text, "{model}: the stream carries the same answer");
    }
}
