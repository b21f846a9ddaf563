//! The two routes that carry log metadata, the `cf-aig-metadata` header of a
//! call and the `metadata` of a log patch, accept the same values and store
//! them alike: `null` included (Cloudflare's types allow it on both), nested
//! objects refused on both.

use common::harness::{Harness, MODEL};
use gateway_local::{GatewaySettings, LocalConfig};
use serde_json::json;

mod common;

#[tokio::test]
async fn a_null_value_is_stored_alike_through_a_call_and_a_patch() {
    let harness = Harness::start(LocalConfig::default().with_gateway("main", GatewaySettings::default())).await;
    let url = harness.provider_url("main", "workers-ai", MODEL);
    let metadata = r#"{"user":"u1","team":null}"#;

    let called = harness.post(&url, r#"{"prompt":"hi"}"#, &[("cf-aig-metadata", metadata)]).await;
    assert_eq!(called.status, 200, "{}", called.text());
    let called = called.header("cf-aig-log-id").expect("a log id").to_owned();

    let plain = harness.post(&url, r#"{"prompt":"hi"}"#, &[]).await;
    let patched = plain.header("cf-aig-log-id").expect("a log id").to_owned();
    let body = format!(r#"{{"metadata":{metadata}}}"#);
    let answer = harness
        .v4(reqwest::Method::PATCH, &harness.api_url("main", &format!("logs/{patched}")), Some(body.as_bytes()))
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());

    for id in [&called, &patched] {
        let log = harness.v4(reqwest::Method::GET, &harness.api_url("main", &format!("logs/{id}")), None).await.json();
        let stored: serde_json::Value =
            serde_json::from_str(log["result"]["metadata"].as_str().expect("a string")).unwrap();
        assert_eq!(stored, json!({"user": "u1", "team": null}), "log {id}");
    }

    // A nested value is refused on both, with the same reason.
    let nested = r#"{"team":{"name":"x"}}"#;
    let call = harness.post(&url, r#"{"prompt":"hi"}"#, &[("cf-aig-metadata", nested)]).await;
    let body = format!(r#"{{"metadata":{nested}}}"#);
    let patch = harness
        .v4(reqwest::Method::PATCH, &harness.api_url("main", &format!("logs/{patched}")), Some(body.as_bytes()))
        .await;
    for answer in [call, patch] {
        assert_eq!(answer.status, 400, "{}", answer.text());
        assert!(
            answer.text().contains("metadata values must be strings, numbers, booleans or null"),
            "{}",
            answer.text()
        );
    }
}
