//! Documented limits, over HTTP: page sizes, metadata entries, log limits.

use gateway_local::LocalConfig;
use serde_json::{Value, json};

use super::common::harness::{ACCOUNT, API_TOKEN, Harness, MODEL};
use super::{step, valid_steps};

#[tokio::test]
async fn logs_page_size_and_bulk_delete_size_limits() {
    let h = Harness::new().await;
    for _ in 0..3 {
        assert_eq!(h.universal("prod", &valid_steps(), &[]).await.status, 200);
    }
    let logs = h.logs().await;
    let url = h.logs_url("prod");
    // Page size 1–50, page ≥ 1.
    for (query, named) in [("per_page=0", "per_page"), ("per_page=51", "per_page"), ("page=0", "page")] {
        let answer = h.v4(reqwest::Method::GET, &format!("{url}?{query}"), None).await;
        assert_eq!(answer.status, 400, "{query}: {}", answer.text());
        let body = answer.json();
        assert_eq!(body["success"], json!(false), "{body}");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(named), "{query}: {message}");
    }
    for query in ["per_page=1", "per_page=50"] {
        assert_eq!(h.v4(reqwest::Method::GET, &format!("{url}?{query}"), None).await.status, 200, "{query}");
    }
    // Bulk delete limit 1–10000: over it nothing is deleted.
    for query in ["limit=0", "limit=10001"] {
        let answer = h.v4(reqwest::Method::DELETE, &format!("{url}?{query}"), None).await;
        assert_eq!(answer.status, 400, "{query}: {}", answer.text());
        assert!(answer.json()["errors"][0]["message"].as_str().unwrap().contains("limit"), "{}", answer.text());
        assert_eq!(h.logs().await, logs, "nothing deleted by a refused bulk delete");
    }
    let answer = h.v4(reqwest::Method::DELETE, &format!("{url}?limit=2"), None).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(h.logs().await, logs - 2, "exactly the limit deleted");
}

#[tokio::test]
async fn metadata_over_five_entries_keeps_the_first_five() {
    let h = Harness::new().await;
    let metadata = r#"{"a":1,"b":"two","c":true,"d":4.5,"e":"five","f":6,"g":7}"#;
    let answer = h.universal("prod", &valid_steps(), &[("cf-aig-metadata", metadata)]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let log_id = answer.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let log = h.v4(reqwest::Method::GET, &format!("{}/{log_id}", h.logs_url("prod")), None).await;
    let stored: Value = serde_json::from_str(log.json()["result"]["metadata"].as_str().unwrap()).unwrap();
    assert_eq!(stored, json!({"a": 1, "b": "two", "c": true, "d": 4.5, "e": "five"}), "Cloudflare drops, not rejects");
    // Nested values are refused, naming the header.
    let answer = h.universal("prod", &valid_steps(), &[("cf-aig-metadata", r#"{"a":{"b":1}}"#)]).await;
    assert_eq!(answer.status, 400, "{}", answer.text());
    assert!(answer.text().contains("cf-aig-metadata"), "{}", answer.text());
}

#[tokio::test]
async fn log_limits_stop_inserting_or_drop_the_oldest() {
    let config = LocalConfig::from_toml(&format!(
        r#"
account_id = "{ACCOUNT}"
api_token = "{API_TOKEN}"

[gateways.prod]

[gateways.keep]
log_management = 3
log_management_strategy = "STOP_INSERTING"

[gateways.rolling]
log_management = 3
log_management_strategy = "DELETE_OLDEST"
"#
    ))
    .unwrap();
    let h = Harness::start(config).await;
    let mut ids = Vec::new();
    for gateway in ["keep", "rolling"] {
        let mut sent = Vec::new();
        for _ in 0..5 {
            let answer = h.universal(gateway, &valid_steps(), &[]).await;
            assert_eq!(answer.status, 200, "answered whether logged or not: {}", answer.text());
            sent.push(answer.headers.get("cf-aig-log-id").map(|v| v.to_str().unwrap().to_owned()));
        }
        let listed = h.v4(reqwest::Method::GET, &format!("{}?per_page=50", h.logs_url(gateway)), None).await;
        assert_eq!(listed.json()["result_info"]["total_count"], json!(3), "{}", listed.text());
        ids.push((
            sent,
            listed.json()["result"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>(),
        ));
    }
    // STOP_INSERTING: the first three are kept; the others were answered with no log id.
    let (sent, kept) = &ids[0];
    assert!(sent[..3].iter().all(Option::is_some) && sent[3..].iter().all(Option::is_none), "{sent:?}");
    let mut expected: Vec<String> = sent[..3].iter().flatten().cloned().collect();
    let mut kept = kept.clone();
    expected.sort();
    kept.sort();
    assert_eq!(kept, expected);
    // DELETE_OLDEST: every request logged; the last three are kept, the first is gone.
    let (sent, kept) = &ids[1];
    assert!(sent.iter().all(Option::is_some), "{sent:?}");
    let mut expected: Vec<String> = sent[2..].iter().flatten().cloned().collect();
    let mut kept = kept.clone();
    expected.sort();
    kept.sort();
    assert_eq!(kept, expected);
    let first = sent[0].as_ref().unwrap();
    let gone = h.v4(reqwest::Method::GET, &format!("{}/{first}", h.logs_url("rolling")), None).await;
    assert_eq!(gone.status, 404, "{}", gone.text());
    // Streams follow the same rules.
    let streamed = json!([step(&json!("workers-ai"), &json!(MODEL), &json!({"prompt": "hi", "stream": true}))]);
    for (gateway, logged) in [("keep", false), ("rolling", true)] {
        let answer = h.universal(gateway, &streamed, &[]).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert!(answer.text().contains("data: [DONE]"), "{}", answer.text());
        assert_eq!(answer.headers.contains_key("cf-aig-log-id"), logged, "{gateway}");
        let listed = h.v4(reqwest::Method::GET, &format!("{}?per_page=50", h.logs_url(gateway)), None).await;
        assert_eq!(listed.json()["result_info"]["total_count"], json!(3), "{gateway}: {}", listed.text());
    }
    // A limit of zero is a configuration error, named.
    let err = LocalConfig::from_toml("[gateways.x]\nlog_management = 0\n").unwrap_err().to_string();
    assert!(err.contains("gateways.x") && err.contains("log_management"), "{err}");
}
