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

/// Non-ASCII metadata (beyond U+00FF, and beyond the BMP) is stored alike
/// whether the header carries it as raw UTF-8 bytes or as ASCII with
/// `\uXXXX` escapes (surrogate pairs included), as gateway-core sends it;
/// read back through the logs API, list and get.
#[tokio::test]
async fn non_ascii_metadata_decodes_alike_raw_or_escaped() {
    use gateway_core::{Ai, Gateway as _, GatewayOptions, ListLogs, Metadata, RunOptions};

    let harness = Harness::start(LocalConfig::default().with_gateway("main", GatewaySettings::default())).await;
    let url = harness.provider_url("main", "workers-ai", MODEL);
    let name = "caf\u{e9} \u{2615} \u{65e5}\u{672c} \u{1f980}";
    let raw = format!(r#"{{"name":"{name}"}}"#);
    let escaped = r#"{"name":"caf\u00e9 \u2615 \u65e5\u672c \ud83e\udd80"}"#;
    assert!(!raw.is_ascii() && escaped.is_ascii());
    let mut ids = Vec::new();
    for header in [raw.as_str(), escaped] {
        let answer = harness.post(&url, r#"{"prompt":"hi"}"#, &[("cf-aig-metadata", header)]).await;
        assert_eq!(answer.status, 200, "{header}: {}", answer.text());
        ids.push(answer.header("cf-aig-log-id").expect("a log id").to_owned());
    }
    // The client sends the escaped form.
    let ai = Ai::new(harness.gateway.client_config()).expect("client");
    let metadata = Metadata::new().with("name", name);
    let options = RunOptions::new().gateway(GatewayOptions::new("main").metadata(metadata.clone()));
    let sent = ai.run::<_, serde_json::Value>(MODEL, &json!({"prompt": "hi"}), &options).await.expect("a run");
    ids.push(sent.log_id().expect("a log id").to_owned());

    let gateway = ai.gateway("main");
    for id in &ids {
        let log = gateway.get_log(id).await.expect("the log");
        assert_eq!(log.metadata.as_ref().and_then(|m| m.entries()), Some(&metadata), "log {id}");
    }
    let listed = gateway.list_logs(&ListLogs::new()).await.expect("a list").logs;
    assert_eq!(listed.len(), ids.len());
    for log in listed {
        assert_eq!(log.metadata.as_ref().and_then(|m| m.entries()), Some(&metadata), "listed log {}", log.id);
    }

    // Bytes that are not UTF-8 are refused, naming the header.
    let mut request = harness.http.post(&url).header("content-type", "application/json").body(r#"{"prompt":"hi"}"#);
    request =
        request.header("cf-aig-metadata", reqwest::header::HeaderValue::from_bytes(b"{\"name\":\"caf\xe9\"}").unwrap());
    let answer = request.send().await.expect("an answer");
    assert_eq!(answer.status(), 400);
    let text = answer.text().await.unwrap_or_default();
    assert!(text.contains("cf-aig-metadata") && text.contains("not UTF-8"), "{text}");
}
