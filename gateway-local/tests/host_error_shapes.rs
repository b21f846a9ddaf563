//! One error envelope per host: every error the gateway host (`/v1/...`)
//! makes is its singular `error` array (what Cloudflare's clients read),
//! whatever the path or method, including paths no route serves and
//! methods a route does not take; the v4 API's paths keep its plural
//! `errors`, and the REST API's its `AiGatewayError` body.

use common::harness::{ACCOUNT, Harness};
use gateway_local::LocalConfig;
use reqwest::Method;
use serde_json::json;

mod common;

#[tokio::test]
async fn every_gateway_host_error_is_in_the_gateway_shape() {
    let harness = Harness::start(LocalConfig::default()).await;
    let base = harness.gateway.url();
    let chat = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}).to_string();
    let cases: Vec<(Method, String, u16, i64)> = vec![
        // Paths no route serves.
        (Method::GET, "/v1".to_owned(), 404, 7003),
        (Method::GET, "/v1/".to_owned(), 404, 7003),
        (Method::POST, format!("/v1/{ACCOUNT}"), 404, 7003),
        (Method::POST, format!("/v1/{ACCOUNT}/main/openai"), 404, 7003),
        // Compat serves chat completions only.
        (Method::POST, format!("/v1/{ACCOUNT}/main/compat/embeddings"), 404, 7003),
        (Method::POST, format!("/v1/{ACCOUNT}/main/compat/responses"), 404, 7003),
        (Method::GET, format!("/v1/{ACCOUNT}/main/compat/models"), 404, 7003),
        // Methods the universal endpoint does not take.
        (Method::GET, format!("/v1/{ACCOUNT}/main"), 405, 7003),
        (Method::PUT, format!("/v1/{ACCOUNT}/main/"), 405, 7003),
        (Method::DELETE, format!("/v1/{ACCOUNT}/main"), 405, 7003),
        // The gateway's own refusals.
        (Method::POST, "/v1/other-account/main/openai/chat/completions".to_owned(), 400, 2001),
        (Method::POST, format!("/v1/{ACCOUNT}/main/open%20ai/chat/completions"), 400, 2006),
    ];
    for (method, path, status, code) in cases {
        let request = harness.http.request(method.clone(), format!("{base}{path}")).body(chat.clone());
        let answer = harness.send(request.header("content-type", "application/json")).await;
        assert_eq!(answer.status, status, "{method} {path}: {}", answer.text());
        answer.gateway_error(status, code);
    }
}

#[tokio::test]
async fn other_hosts_keep_their_own_shapes() {
    let harness = Harness::start(LocalConfig::default()).await;
    let api = harness.gateway.api_base_url();
    // The v4 API: no route, and a method its logs route does not take.
    let answer = harness.v4(Method::GET, &format!("{api}/accounts/{ACCOUNT}/nothing"), None).await;
    answer.v4_error(404, 7003);
    let answer = harness.v4(Method::PUT, &harness.logs_url("main"), None).await;
    answer.v4_error(405, 7003);
    // The REST API: a method it does not take answers in its own body.
    for path in ["ai/run", "ai/v1/chat/completions", "ai/v1/responses"] {
        let answer = harness.v4(Method::GET, &format!("{api}/accounts/{ACCOUNT}/{path}"), None).await;
        assert_eq!(answer.status, 405, "{path}: {}", answer.text());
        let body = answer.json();
        assert_eq!(body["name"], "AiGatewayError", "{path}: {body}");
        assert_eq!(body["internalCode"], 7003, "{path}: {body}");
    }
}
