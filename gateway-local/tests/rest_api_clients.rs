//! A real third-party client, async-openai (crates.io), against
//! gateway-local over loopback HTTP: pointed at the REST API's
//! `/client/v4/accounts/{account}/ai/v1` base URL (as Cloudflare's docs point
//! the OpenAI SDK), and at the gateway host's `/v1/{account}/{gateway}/openai`.
//! It completes chat, streamed chat, Responses (plain and streamed) and
//! embeddings, decoding every answer with its own types.

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::types::chat::{
    ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequest, CreateChatCompletionRequestArgs,
};
use async_openai::types::embeddings::CreateEmbeddingRequestArgs;
use async_openai::types::responses::{CreateResponseArgs, ResponseStreamEvent};
use common::harness::{ACCOUNT, API_TOKEN, Harness, MODEL};
use futures::StreamExt as _;
use gateway_local::LocalConfig;

mod common;

fn client(base: String, key: &str) -> Client<OpenAIConfig> {
    Client::with_config(OpenAIConfig::new().with_api_base(base).with_api_key(key))
}

/// The REST API's OpenAI base URL, with the v4 API token as the SDK's key.
fn rest_client(harness: &Harness) -> Client<OpenAIConfig> {
    client(format!("{}/accounts/{ACCOUNT}/ai/v1", harness.gateway.api_base_url()), API_TOKEN)
}

fn chat_request(model: &str) -> CreateChatCompletionRequest {
    let message = ChatCompletionRequestUserMessageArgs::default().content("What is Cloudflare?").build().unwrap();
    CreateChatCompletionRequestArgs::default().model(model).messages([message.into()]).build().unwrap()
}

/// A plain chat completion's text, and the same request streamed, joined.
async fn chat_both_ways(client: &Client<OpenAIConfig>, model: &str) -> (String, String) {
    let plain = client.chat().create(chat_request(model)).await.unwrap_or_else(|e| panic!("{model}: {e}"));
    let text = plain.choices[0].message.content.clone().expect("content");
    let mut stream = client.chat().create_stream(chat_request(model)).await.expect("a stream");
    let mut streamed = String::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.unwrap_or_else(|e| panic!("{model}: a chunk async-openai decodes: {e}"));
        for choice in chunk.choices {
            streamed.push_str(choice.delta.content.as_deref().unwrap_or_default());
        }
    }
    (text, streamed)
}

#[tokio::test]
async fn async_openai_on_the_rest_apis_v1_base_url() {
    let harness = Harness::start(LocalConfig::default()).await;
    let client = rest_client(&harness);
    for model in ["openai/gpt-5.5", "anthropic/claude-sonnet-4-5", "google/gemini-3-flash", "xai/grok-3"] {
        let (text, streamed) = chat_both_ways(&client, model).await;
        assert!(text.starts_with("Offline answer"), "{model}: {text}");
        assert_eq!(streamed, text, "{model}: the stream carries the same answer");
    }
    // The Responses API, plain and streamed.
    let request =
        || CreateResponseArgs::default().model("openai/gpt-5.5").input("What is Cloudflare?").build().unwrap();
    let response = client.responses().create(request()).await.expect("a response");
    let text = response.output_text().expect("output text");
    let mut stream = client.responses().create_stream(request()).await.expect("a stream");
    let (mut deltas, mut completed) = (String::new(), false);
    while let Some(event) = stream.next().await {
        match event.expect("an event async-openai decodes") {
            ResponseStreamEvent::ResponseOutputTextDelta(delta) => deltas.push_str(&delta.delta),
            ResponseStreamEvent::ResponseCompleted(_) => completed = true,
            _ => {}
        }
    }
    assert!(completed);
    assert_eq!(deltas, text);
    // Every call went through the default gateway, logged with its provider.
    let logs = harness.gateway.store().count().await.unwrap();
    assert_eq!(logs, 10);
}

#[tokio::test]
async fn async_openai_refused_on_the_rest_api_gets_an_api_error() {
    let harness = Harness::start(LocalConfig::default()).await;
    let wrong = client(format!("{}/accounts/{ACCOUNT}/ai/v1", harness.gateway.api_base_url()), "wrong-token");
    let error = wrong.chat().create(chat_request("openai/gpt-5.5")).await.expect_err("refused");
    assert!(error.to_string().contains("Authentication error"), "{error}");
    let error = rest_client(&harness).chat().create(chat_request("meta/llama-4")).await.expect_err("refused");
    assert!(error.to_string().contains("model not found"), "{error}");
}

#[tokio::test]
async fn async_openai_on_the_gateway_hosts_openai_base_url() {
    let harness = Harness::start(LocalConfig::default()).await;
    let client = client(format!("{}/{ACCOUNT}/main/openai", harness.gateway.gateway_base_url()), "sk-offline");
    let (text, streamed) = chat_both_ways(&client, "gpt-4o-mini").await;
    assert!(text.starts_with("Offline answer"), "{text}");
    assert_eq!(streamed, text);
    let request = CreateEmbeddingRequestArgs::default()
        .model("text-embedding-3-small")
        .input(["What is Cloudflare?", "An AI gateway"])
        .build()
        .unwrap();
    let embeddings = client.embeddings().create(request).await.expect("embeddings");
    assert_eq!(embeddings.data.len(), 2);
    assert_eq!(embeddings.data[0].embedding.len(), 1536);
    assert_ne!(embeddings.data[0].embedding, embeddings.data[1].embedding);
    // Workers AI's OpenAI-compatible paths too.
    let workers_ai = client_for_workers_ai(&harness);
    let (text, streamed) = chat_both_ways(&workers_ai, MODEL).await;
    assert_eq!(streamed, text);
}

fn client_for_workers_ai(harness: &Harness) -> Client<OpenAIConfig> {
    client(format!("{}/{ACCOUNT}/main/workers-ai/v1", harness.gateway.gateway_base_url()), "cf-token")
}
