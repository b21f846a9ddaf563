//! Calling a dynamic route (`cloudflare-2026.md` §3.4) by its
//! `Route::model_name()` from every entry point: `run` (the REST API's
//! `/ai/run`), the REST API's `/ai/v1/chat/completions` and the gateway
//! host's OpenAI-compatible endpoint; each answer's `GatewayMeta` names the
//! model and provider that answered (`cf-aig-model`, `cf-aig-provider`).

mod common;
mod route_spec;

use gateway_core::{BuiltinProvider, Gateway, GatewayOptions, ProviderSlug, RunOptions, UniversalOptions};
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};

use common::{header, mount, only_request, rest_ai};
use route_spec::spec_route;

const COMPLETION: &str = r#"{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}"#;

/// An answer from the route's fallback: `workers-ai` answered.
fn answered(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .set_body_raw(body.as_bytes().to_vec(), "application/json")
        .insert_header("cf-aig-model", "@cf/moonshotai/kimi-k2.6")
        .insert_header("cf-aig-provider", "workers-ai")
}

fn messages() -> Value {
    json!([{"role": "user", "content": "hi"}])
}

#[tokio::test]
async fn run_sends_the_route_model_name_to_the_rest_api_with_the_gateway() {
    let server = MockServer::start().await;
    let envelope = format!(r#"{{"result":{COMPLETION},"success":true}}"#);
    mount(&server, "POST", "/client/v4/accounts/acc/ai/run", answered(&envelope)).await;
    let options = RunOptions::new().gateway(GatewayOptions::new("my-gateway"));
    let input = json!({"messages": messages()});
    let answer = rest_ai(&server).run::<_, Value>(&spec_route().model_name(), &input, &options).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"model":"dynamic/support","input":{"messages":[{"role":"user","content":"hi"}]}}"#);
    assert_eq!(header(&request, "cf-aig-gateway-id"), Some("my-gateway"));
    assert_eq!(answer.meta.model.as_deref(), Some("@cf/moonshotai/kimi-k2.6"));
    assert_eq!(answer.meta.provider.as_deref(), Some("workers-ai"));
}

#[tokio::test]
async fn v1_chat_completions_takes_the_route_as_its_model() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/client/v4/accounts/acc/ai/v1/chat/completions", answered(COMPLETION)).await;
    let options = RunOptions::new().gateway(GatewayOptions::new("my-gateway"));
    let body = json!({"model": spec_route().model_name(), "messages": messages()});
    let answer = rest_ai(&server).v1().chat_completions::<_, Value>(&body, &options).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"model":"dynamic/support","messages":[{"role":"user","content":"hi"}]}"#);
    assert_eq!(header(&request, "cf-aig-gateway-id"), Some("my-gateway"));
    assert_eq!(answer.meta.provider.as_deref(), Some("workers-ai"));
}

#[tokio::test]
async fn the_gateway_hosts_compat_endpoint_takes_the_route_as_its_model() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/v1/acc/my-gateway/compat/chat/completions", answered(COMPLETION)).await;
    let gateway = rest_ai(&server).gateway("my-gateway");
    let compat = BuiltinProvider::new(ProviderSlug::from("compat"));
    let body = json!({"model": spec_route().model_name(), "messages": messages()});
    let answer = gateway.provider_request(&compat, "chat/completions", &body, &UniversalOptions::new()).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"model":"dynamic/support","messages":[{"role":"user","content":"hi"}]}"#);
    assert_eq!(header(&request, "cf-aig-authorization"), Some("Bearer aig-secret"));
    assert_eq!(answer.meta.model.as_deref(), Some("@cf/moonshotai/kimi-k2.6"));
    assert_eq!(answer.meta.provider.as_deref(), Some("workers-ai"));
}
