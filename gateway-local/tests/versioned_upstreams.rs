//! Providers whose base URL ends in their API version (OpenAI's
//! `https://api.openai.com/v1`, Groq's `https://api.groq.com/openai/v1`)
//! take that version once: an endpoint sent as `v1/chat/completions` (as
//! Cloudflare's `ai-gateway-provider` sends OpenAI's) is forwarded to
//! `{base}/chat/completions`, never `{base}/v1/chat/completions`. Shown by
//! forwarding to a recording upstream (wiremock) configured as the
//! provider's `[upstreams]` base URL, for every such row of the provider
//! table, with raw requests and with async-openai.

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::types::chat::{ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs};
use common::harness::{ACCOUNT, Harness, recording_chat_upstream};
use gateway_core::provider::PROVIDERS;
use gateway_local::LocalConfig;
use serde_json::json;
use wiremock::MockServer;

mod common;

/// The path of every published base URL ending in a version segment (`v` and digits), by slug.
fn versioned_bases() -> Vec<(&'static str, String)> {
    PROVIDERS
        .iter()
        .filter_map(|row| {
            let url = url::Url::parse(row.base_url).ok()?;
            let path = url.path().trim_end_matches('/').to_owned();
            let last = path.rsplit('/').next()?;
            let digits = last.strip_prefix('v')?;
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some((row.slug, path))
        })
        .collect()
}

/// A recording upstream, and a gateway forwarding `slug` to it at `base_path` (the base URL's path).
async fn forwarding(slug: &str, base_path: &str) -> (MockServer, Harness) {
    let upstream = recording_chat_upstream("recorded").await;
    let config = LocalConfig::default().with_upstream(slug, format!("{}{base_path}", upstream.uri()));
    (upstream, Harness::start(config).await)
}

/// The paths the upstream received, in order.
async fn received_paths(upstream: &MockServer) -> Vec<String> {
    upstream.received_requests().await.unwrap_or_default().iter().map(|r| r.url.path().to_owned()).collect()
}

#[test]
fn the_table_has_versioned_bases() {
    let slugs: Vec<&str> = versioned_bases().iter().map(|(slug, _)| *slug).collect();
    assert!(slugs.contains(&"openai") && slugs.contains(&"groq"), "{slugs:?}");
}

#[tokio::test]
async fn v1_prefixed_endpoints_reach_versioned_bases_once() {
    for (slug, base_path) in versioned_bases() {
        let (upstream, harness) = forwarding(slug, &base_path).await;
        let body = json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]}).to_string();
        for sent in ["v1/chat/completions", "chat/completions", "v1/responses", "v1/embeddings?x=1"] {
            let answer = harness.post(&harness.provider_url("main", slug, sent), body.clone(), &[]).await;
            assert_eq!(answer.status, 200, "{slug} {sent}: {}", answer.text());
        }
        // The universal endpoint's steps too.
        let step =
            json!([{"provider": slug, "endpoint": "v1/chat/completions", "headers": {}, "query": {"model": "m"}}]);
        let answer = harness.universal("main", &step, &[]).await;
        assert_eq!(answer.status, 200, "{slug}: {}", answer.text());
        let expected: Vec<String> =
            ["chat/completions", "chat/completions", "responses", "embeddings", "chat/completions"]
                .iter()
                .map(|rest| format!("{base_path}/{rest}"))
                .collect();
        assert_eq!(received_paths(&upstream).await, expected, "{slug}");
    }
}

#[tokio::test]
async fn async_openai_with_a_v1_base_url_reaches_versioned_bases_once() {
    for (slug, base_path) in versioned_bases() {
        let (upstream, harness) = forwarding(slug, &base_path).await;
        // The SDK appends `/chat/completions`: the gateway sees `{slug}/v1/chat/completions`.
        let base = format!("{}/{ACCOUNT}/main/{slug}/v1", harness.gateway.gateway_base_url());
        let client = Client::with_config(OpenAIConfig::new().with_api_base(base).with_api_key("sk-test"));
        let message = ChatCompletionRequestUserMessageArgs::default().content("hi").build().unwrap();
        let request = CreateChatCompletionRequestArgs::default().model("m").messages([message.into()]).build().unwrap();
        let answer = client.chat().create(request).await.unwrap_or_else(|e| panic!("{slug}: {e}"));
        assert_eq!(answer.choices[0].message.content.as_deref(), Some("recorded"), "{slug}");
        assert_eq!(received_paths(&upstream).await, [format!("{base_path}/chat/completions")], "{slug}");
    }
}
