//! Malformed and mistyped bodies: universal steps, provider routes, log patches.

use serde_json::{Value, json};

use super::common::harness::{Harness, MODEL};
use super::{step, valid_steps};

#[tokio::test]
async fn malformed_json_on_the_universal_endpoint() {
    let h = Harness::new().await;
    let url = h.universal_url("prod");
    let cases: [(&[u8], &str); 8] = [
        (br#"{"provider": "#, "invalid JSON"),
        (b"not json at all", "invalid JSON"),
        (b"", "invalid JSON"),
        (b"\xff\xfe\x00{", "invalid JSON"),
        (br#"[{"provider":"workers-ai","endpoint":"x","headers":{},"query":{}}"#, "invalid JSON"),
        (br#""just a string""#, "expected a step"),
        (b"42", "expected a step"),
        (b"null", "expected a step"),
    ];
    for (body, needle) in cases {
        let before = h.seen();
        let answer = h.post(&url, body.to_vec(), &[]).await;
        let message = answer.gateway_error(400, 2002);
        assert!(message.contains(needle), "{:?}: {message}", String::from_utf8_lossy(body));
        h.assert_unsent_and_alive(before, "a malformed body").await;
    }
    assert_eq!(h.logs().await, u64::try_from(cases.len()).unwrap(), "only the normal requests are logged");
}

#[tokio::test]
async fn empty_and_mistyped_universal_steps() {
    let h = Harness::new().await;
    let good = step(&json!("workers-ai"), &json!(MODEL), &json!({"prompt": "hi"}));
    let cases: Vec<(Value, &str)> = vec![
        (json!([]), "at least one step"),
        (json!({}), "step 0: missing field"),
        (json!([{}]), "step 0: missing field"),
        (json!([step(&json!(42), &json!(MODEL), &json!({"prompt": "hi"}))]), "step 0"),
        (json!([step(&json!(null), &json!(MODEL), &json!({"prompt": "hi"}))]), "step 0"),
        (json!([step(&json!(["workers-ai"]), &json!(MODEL), &json!({"prompt": "hi"}))]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": "x-api-key: 1", "query": {}}]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": [], "query": {}}]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}}]), "missing field `query`"),
        (json!([{"provider": "workers-ai", "headers": {}, "query": {}}]), "missing field `endpoint`"),
        (json!([{"provider": "workers-ai", "endpoint": 7, "headers": {}, "query": {}}]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {}, "config": 5}]), "step 0"),
        (
            json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {},
                    "config": {"maxAttempts": "many"}}]),
            "step 0",
        ),
        (
            json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {},
                    "config": {"maxAttempts": -1}}]),
            "step 0",
        ),
        (json!([step(&json!(""), &json!(MODEL), &json!({}))]), "invalid provider"),
        (json!([step(&json!("../openai"), &json!(MODEL), &json!({}))]), "invalid provider"),
        (json!([step(&json!("open ai"), &json!(MODEL), &json!({}))]), "invalid provider"),
        // The second step is checked before the first is sent.
        (json!([good.clone(), step(&json!(1), &json!(MODEL), &json!({}))]), "step 1"),
        (json!([good.clone(), {"provider": "openai"}]), "step 1"),
        (json!([good.clone(), 3]), "step 1"),
    ];
    for (body, needle) in cases {
        let before = h.seen();
        let answer = h.universal("prod", &body, &[]).await;
        let message = answer.gateway_error(400, 2002);
        assert!(message.contains(needle), "{body}: {message}");
        h.assert_unsent_and_alive(before, format_args!("{body}: a mistyped request")).await;
    }
}

#[tokio::test]
async fn mistyped_step_headers_are_rejected_before_sending() {
    let h = Harness::new().await;
    let with_headers = |headers: Value| json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": headers, "query": {"prompt": "hi"}}]);
    // Invalid `cf-aig-*` step headers answer 2002 today while the same header on
    // the request answers 2007 ("invalid cf-aig-* header"); either code is accepted here.
    let cases = [
        (json!({"cf-aig-max-attempts": 9}), "cf-aig-max-attempts"),
        (json!({"cf-aig-max-attempts": "lots"}), "cf-aig-max-attempts"),
        (json!({"cf-aig-retry-delay": 99_999}), "cf-aig-retry-delay"),
        (json!({"cf-aig-backoff": "random"}), "cf-aig-backoff"),
        (json!({"cf-aig-skip-cache": "maybe"}), "cf-aig-skip-cache"),
        (json!({"cf-aig-metadata": "not json"}), "cf-aig-metadata"),
        (json!({"cf-aig-metadata": {"a": {"b": 1}}}), "cf-aig-metadata"),
        (json!({"bad header name": "x"}), "bad header name"),
        (json!({"x-api-key": "line\nbreak"}), "x-api-key"),
    ];
    for (headers, needle) in cases {
        let before = h.seen();
        let answer = h.universal("prod", &with_headers(headers.clone()), &[]).await;
        let message = answer.gateway_error_in(400, &[2002, 2007]);
        assert!(message.contains(needle), "{headers}: {message}");
        h.assert_unsent_and_alive(before, &headers).await;
    }
}

#[tokio::test]
async fn malformed_json_on_provider_routes_is_answered_by_the_provider() {
    let h = Harness::new().await;
    // The gateway forwards provider-native bodies unread; the offline upstream
    // answers in the provider's own error shape, which the gateway passes through.
    let cases: [(&str, &str, &str); 3] = [
        ("openai", "chat/completions", "/error/message"),
        ("anthropic", "v1/messages", "/error/message"),
        ("workers-ai", MODEL, "/errors/0/message"),
    ];
    for (provider, rest, pointer) in cases {
        let before = (h.seen(), h.gateway.offline_upstream().unwrap().attempts(provider));
        let answer = h.post(&h.provider_url("prod", provider, rest), &b"{\"messages\": ["[..], &[]).await;
        assert_eq!(answer.status, 400, "{provider}: {}", answer.text());
        let body = answer.json();
        assert!(body.get("error").is_none_or(|e| !e.is_array()), "{provider}: not the gateway's shape: {body}");
        let message = body.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("{provider}: {body}"));
        assert!(message.contains("malformed JSON"), "{provider}: {message}");
        match provider {
            "openai" => assert_eq!(body["error"]["type"], "invalid_request_error", "{body}"),
            "anthropic" => assert_eq!(body["type"], "error", "{body}"),
            _ => assert_eq!((&body["success"], &body["result"]), (&json!(false), &Value::Null), "{body}"),
        }
        assert!(answer.headers.contains_key("cf-aig-log-id"), "the failed call is logged");
        // A 400 is not retried.
        let after = (h.seen(), h.gateway.offline_upstream().unwrap().attempts(provider));
        assert_eq!((after.0 - before.0, after.1 - before.1), (1, 1), "{provider}");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn patch_log_rejects_bad_bodies_and_changes_nothing() {
    let h = Harness::new().await;
    let created = h.universal("prod", &valid_steps(), &[]).await;
    assert_eq!(created.status, 200);
    let id = created.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let url = format!("{}/{id}", h.logs_url("prod"));
    let cases: [(&[u8], &str); 12] = [
        (br#"{"feedback": "#, "invalid JSON"),
        (b"", "invalid JSON"),
        (b"\xff", "invalid JSON"),
        (b"[]", "expected a JSON object"),
        (b"null", "expected a JSON object"),
        (br#"{"feedback":"x"}"#, "feedback"),
        (br#"{"feedback":2}"#, "feedback"),
        (br#"{"score":500}"#, "score"),
        (br#"{"score":-1}"#, "score"),
        (br#"{"score":"50"}"#, "score"),
        (br#"{"metadata":{"a":{"b":1}}}"#, "metadata"),
        (br#"{"metadata":"text"}"#, "metadata"),
    ];
    for (body, needle) in cases {
        let answer = h.v4(reqwest::Method::PATCH, &url, Some(body)).await;
        let message = answer.v4_error(400, 7001);
        assert!(message.contains(needle), "{:?}: {message}", String::from_utf8_lossy(body));
        assert_eq!(
            h.gateway.store().evaluation("prod", &id).await.unwrap(),
            Some((None, None)),
            "a rejected patch changed the log"
        );
        let log = h.v4(reqwest::Method::GET, &url, None).await;
        assert_eq!(log.status, 200);
        assert!(log.json()["result"]["metadata"].is_null(), "{}", log.text());
        h.assert_alive().await;
    }
    // A good patch still works, and an unknown id is a 404.
    let answer = h.v4(reqwest::Method::PATCH, &url, Some(br#"{"feedback":1,"score":50,"metadata":{"u":"1"}}"#)).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(h.gateway.store().evaluation("prod", &id).await.unwrap(), Some((Some(1.0), Some(50.0))));
    let missing = format!("{}/01JADMCQQQBWH3NXZ5GCRN98DP", h.logs_url("prod"));
    h.v4(reqwest::Method::PATCH, &missing, Some(br#"{"feedback":1}"#)).await.v4_error(404, 7002);
}
