//! Unknown providers and invalid `cf-aig-*` headers.

use serde_json::json;

use super::common::harness::{ACCOUNT, Harness, MODEL};
use super::{step, valid_steps};

#[tokio::test]
async fn unknown_providers_are_errors_not_crashes() {
    let h = Harness::new().await;
    let answer = h.post(&h.provider_url("prod", "no-such-provider", "x"), r#"{"a":1}"#, &[]).await;
    let message = answer.gateway_error(400, 2006);
    assert!(message.contains("no-such-provider"), "{message}");
    h.assert_alive().await;

    let body = json!([step(&json!("no-such-provider"), &json!("x"), &json!({}))]);
    let message = h.universal("prod", &body, &[]).await.gateway_error(400, 2006);
    assert!(message.contains("no-such-provider"), "{message}");
    h.assert_alive().await;

    // An unknown first step falls back to a known second one.
    let body = json!([step(&json!("no-such-provider"), &json!("x"), &json!({})), valid_steps()[0].clone()]);
    let answer = h.universal("prod", &body, &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.headers.get("cf-aig-step").and_then(|v| v.to_str().ok()), Some("1"));

    // Slugs that cannot be providers never reach the upstream.
    for slug in ["no%20such", "a.b", "%F0%9F%A6%80", "UPPER!"] {
        let before = h.seen();
        let answer = h.raw("POST", &format!("/v1/{ACCOUNT}/prod/{slug}/chat/completions"), &[], b"{}").await;
        answer.gateway_error(400, 2006);
        h.assert_unsent_and_alive(before, slug).await;
    }
}

#[tokio::test]
async fn invalid_cf_aig_headers_are_named() {
    let h = Harness::new().await;
    let cases = [
        ("cf-aig-max-attempts", "9"),
        ("cf-aig-max-attempts", "0"),
        ("cf-aig-max-attempts", "99999999999999999999999"),
        ("cf-aig-retry-delay", "99999"),
        ("cf-aig-retry-delay", "-5"),
        ("cf-aig-metadata", "not json"),
        ("cf-aig-metadata", r#"{"a":{"b":1}}"#),
        ("cf-aig-metadata", r#"{"a":[1]}"#),
        ("cf-aig-metadata", "[1,2]"),
        ("cf-aig-skip-cache", "maybe"),
        ("cf-aig-backoff", "random"),
        ("cf-aig-cache-ttl", "-1"),
        ("cf-aig-request-timeout", "soon"),
        ("cf-aig-collect-log", "yes"),
        ("cf-aig-custom-cost", "cheap"),
        ("cf-skip-cache", "1"),
    ];
    for (name, value) in cases {
        for url in [h.universal_url("prod"), h.provider_url("prod", "workers-ai", MODEL)] {
            let body = if url.ends_with("prod") { valid_steps().to_string() } else { r#"{"prompt":"hi"}"#.to_owned() };
            let before = h.seen();
            let answer = h.post(&url, body, &[(name, value)]).await;
            let message = answer.gateway_error(400, 2007);
            assert!(message.contains(name), "{name}: {value}: {message}");
            h.assert_unsent_and_alive(before, format_args!("{name}: {value}")).await;
        }
    }
    // Values at the limits are accepted.
    let answer = h
        .universal(
            "prod",
            &valid_steps(),
            &[
                ("cf-aig-max-attempts", "5"),
                ("cf-aig-retry-delay", "5000"),
                ("cf-aig-skip-cache", "true"),
                ("cf-aig-backoff", "exponential"),
                ("cf-aig-metadata", r#"{"a":1,"b":"x","c":true,"d":2,"e":3,"f":4}"#),
            ],
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
}

#[tokio::test]
async fn non_utf8_cf_aig_header_values_are_rejected() {
    let h = Harness::new().await;
    for (name, value) in [("cf-aig-max-attempts", &b"9\xff"[..]), ("cf-aig-metadata", &b"{\"a\":\"\xe9\"}"[..])] {
        let before = h.seen();
        let body = valid_steps().to_string();
        let answer = h.raw("POST", &format!("/v1/{ACCOUNT}/prod"), &[(name, value)], body.as_bytes()).await;
        let message = answer.gateway_error(400, 2007);
        assert!(message.contains(name), "{message}");
        h.assert_unsent_and_alive(before, name).await;
    }
}
