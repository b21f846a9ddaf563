//! `Gateway::spend_limits` and `Gateway::set_spend_limits` on the wire:
//! `GET /accounts/{a}/ai-gateway/gateways/{id}` with the API token, then (to
//! set) `PUT` of the whole object read, its `spend_limits` replaced; rules
//! checked before anything is sent; a 429 naming a spend limit is
//! `Error::SpendLimitExceeded` with its `retry-after`.

mod common;

use std::time::Duration;

use gateway_core::{Error, Gateway, MAX_SPEND_LIMITS, SpendLimit};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header as has_header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use common::{GW, binding_config, envelope, header, received, rest_ai, silent_server, through};

const OBJECT: &str = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway";
const DAY: Duration = Duration::from_secs(86_400);

/// The gateway object the server holds: fields the client must send back untouched.
fn object(spend_limits: &Value) -> Value {
    json!({
        "id": GW, "created_at": "2026-12-01T00:00:00Z", "modified_at": "2026-12-02T00:00:00Z",
        "cache_ttl": null, "collect_logs": true, "rate_limiting_interval": 60, "dlp": {"enabled": false},
        "spend_limits": spend_limits,
    })
}

fn rules() -> Vec<SpendLimit> {
    vec![
        SpendLimit::new(50.0, DAY * 30),
        SpendLimit::new(5.0, DAY).sliding().for_model("gpt-4o-mini").per_metadata("cf.user_id"),
    ]
}

#[tokio::test]
async fn spend_limits_reads_the_gateway_object() {
    let server = MockServer::start().await;
    let stored = serde_json::to_value(rules()).unwrap();
    Mock::given(method("GET"))
        .and(path(OBJECT))
        .and(has_header("authorization", "Bearer cf-token"))
        .respond_with(envelope(&object(&stored)))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(rest_ai(&server).gateway(GW).spend_limits().await.unwrap(), rules());

    // Absent or null: no rules.
    let server = MockServer::start().await;
    let mut bare = object(&Value::Null);
    Mock::given(method("GET")).and(path(OBJECT)).respond_with(envelope(&bare)).up_to_n_times(1).mount(&server).await;
    bare.as_object_mut().unwrap().remove("spend_limits");
    Mock::given(method("GET")).and(path(OBJECT)).respond_with(envelope(&bare)).mount(&server).await;
    let gateway = rest_ai(&server).gateway(GW);
    assert!(gateway.spend_limits().await.unwrap().is_empty());
    assert!(gateway.spend_limits().await.unwrap().is_empty());
}

#[tokio::test]
async fn set_spend_limits_puts_back_the_whole_object_with_its_rules_replaced() {
    let server = MockServer::start().await;
    let before = object(&json!([{"budget": 1.0, "window": 60, "technique": "fixed"}]));
    let mut after = before.clone();
    after["spend_limits"] = serde_json::to_value(rules()).unwrap();
    Mock::given(method("GET")).and(path(OBJECT)).respond_with(envelope(&before)).expect(1).mount(&server).await;
    Mock::given(method("PUT"))
        .and(path(OBJECT))
        .and(has_header("authorization", "Bearer cf-token"))
        .and(body_json(&after))
        .respond_with(envelope(&after))
        .expect(1)
        .mount(&server)
        .await;
    let held = rest_ai(&server).gateway(GW).set_spend_limits(&rules()).await.unwrap();
    assert_eq!(held, rules());

    let put = received(&server).await.into_iter().find(|r| r.method.as_str() == "PUT").unwrap();
    assert_eq!(header(&put, "content-type"), Some("application/json"));
    let sent: Value = serde_json::from_slice(&put.body).unwrap();
    assert_eq!(
        sent["spend_limits"][1],
        json!({"budget": 5.0, "window": 86_400, "technique": "sliding",
               "model": {"mode": "filter", "value": "gpt-4o-mini"}, "metadata": {"mode": "split", "key": "cf.user_id"}}),
        "the documented shape"
    );
}

#[tokio::test]
async fn bad_rules_are_refused_before_anything_is_sent() {
    let server = silent_server().await;
    let gateway = rest_ai(&server).gateway(GW);
    let error = gateway.set_spend_limits(&vec![SpendLimit::new(1.0, DAY); MAX_SPEND_LIMITS + 1]).await.unwrap_err();
    assert!(matches!(&error, Error::InvalidInput { field, .. } if field == "spend_limits"), "{error}");
    let bad = [SpendLimit::new(1.0, DAY), SpendLimit::new(-1.0, DAY)];
    let error = gateway.set_spend_limits(&bad).await.unwrap_err();
    assert!(matches!(&error, Error::InvalidInput { field, .. } if field == "spend_limits[1].budget"), "{error}");

    // The binding protocol has no gateway resource.
    let binding = gateway_core::Ai::new(binding_config(&server)).unwrap().gateway(GW);
    assert!(matches!(binding.spend_limits().await, Err(Error::InvalidInput { ref field, .. }) if field == "transport"));
}

#[tokio::test]
async fn a_rule_the_server_sends_in_another_shape_is_a_decode_error_naming_it() {
    let server = MockServer::start().await;
    let odd = object(&json!([{"budget": 1.0, "window": 60}, {"amount": 3}]));
    Mock::given(method("GET")).and(path(OBJECT)).respond_with(envelope(&odd)).mount(&server).await;
    let error = rest_ai(&server).gateway(GW).spend_limits().await.unwrap_err();
    assert!(matches!(&error, Error::Decode { path, .. } if path.starts_with("result.spend_limits[1]")), "{error}");
}

#[tokio::test]
async fn a_429_naming_a_spend_limit_is_spend_limit_exceeded_with_its_wait() {
    let server = MockServer::start().await;
    let body = json!({"success": false, "result": [], "messages": [], "error": [
        {"code": 2010, "message": "spend limit reached: rule spend_limits[0] of gateway my-gateway (US$1 per 60 s (fixed)) has spent US$1.2"}
    ]});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).set_body_json(body).insert_header("retry-after", "42"))
        .mount(&server)
        .await;
    let error = rest_ai(&server)
        .run::<_, Value>("@cf/meta/llama-3.1-8b-instruct", &json!({"prompt": "hi"}), &through(GW).rest_api())
        .await
        .unwrap_err();
    match error {
        Error::SpendLimitExceeded { retry_after, message } => {
            assert_eq!(retry_after, Some(Duration::from_secs(42)));
            assert!(message.contains("spend_limits[0]"), "{message}");
        }
        other => panic!("expected SpendLimitExceeded, got {other:?}"),
    }
}
