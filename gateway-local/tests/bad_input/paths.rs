//! Paths and raw HTTP: traversal, odd encodings, garbage, huge request lines and headers.

use serde_json::json;

use super::common::harness::{ACCOUNT, API_TOKEN, Harness, MODEL};
use super::{step, test_config, valid_steps};

#[tokio::test]
async fn traversal_and_odd_encodings_never_reach_the_upstream() {
    let h = Harness::new().await;
    let gw = format!("/v1/{ACCOUNT}/prod");
    let long = "a".repeat(20_000);
    let targets = [
        format!("{gw}/openai/../../../client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs"),
        format!("{gw}/openai/../../../client/v4/accounts/{ACCOUNT}/ai/run/{MODEL}"),
        format!("{gw}/openai/./chat/completions"),
        format!("{gw}/openai/chat/../../x"),
        format!("{gw}/openai/%2e%2e/%2e%2e/x"),
        format!("{gw}/openai/%2E%2E/x"),
        format!("{gw}/openai/.%2e/x"),
        format!("{gw}/openai/%252e%252e/x"),
        format!("{gw}/openai/..%2f..%2fclient/v4"),
        format!("{gw}/openai/%2e%2e%2f%2e%2e%2fx"),
        format!("{gw}/openai/..%5c..%5cx"),
        format!("{gw}/openai/chat%5ccompletions"),
        format!("{gw}/openai/chat%00/completions"),
        format!("{gw}/openai/chat/completions%00"),
        format!("{gw}/openai/chat%0d%0aX-Injected:%201/completions"),
        format!("{gw}/openai/chat%23frag"),
        format!("{gw}/openai//chat/completions"),
        format!("{gw}/openai/chat//completions"),
        format!("{gw}/openai/http://evil.example/x"),
        format!("{gw}/openai/https:%2f%2fevil.example%2fx"),
        format!("{gw}/openai/http:/evil.example/x"),
        format!("{gw}/openai/%ff%fe"),
        format!("{gw}/openai/chat/%c0%ae%c0%ae/x"),
        format!("{gw}/%ff%fe/x"),
        format!("/v1/{ACCOUNT}/%ff%fe"),
        format!("/v1/{ACCOUNT}/%ff%fe/openai/chat/completions"),
        "/v1/%ff%fe/prod".to_owned(),
        format!("{gw}/openai/{long}/.."),
        format!("{gw}/openai/a/{}../x", "b/".repeat(3000)),
    ];
    for target in &targets {
        let before = h.seen();
        let answer = h.raw("POST", target, &[], br#"{"model":"gpt-4o-mini","messages":[]}"#).await;
        let shown = &target[..target.len().min(120)];
        answer.any_error_shape();
        assert_ne!(answer.status, 404, "{shown}: not a missing route, a refused one: {}", answer.text());
        h.assert_unsent_and_alive(before, shown).await;
    }
    // The same endpoints in universal steps.
    let endpoints = [
        "../x",
        "a/../../b",
        "./x",
        "%2e%2e/x",
        "%2E%2e/x",
        ".%2e/x",
        "a%2fb",
        "a%2Fb",
        "a%5cb",
        "a\\b",
        "/chat/completions",
        "//evil.example/x",
        "a//b",
        "http://evil.example/x",
        "x\u{0}",
        "chat/completions\r\nX-Injected: 1",
        "x#y",
        "",
    ];
    for endpoint in endpoints {
        let before = h.seen();
        let body = json!([step(&json!("openai"), &json!(endpoint), &json!({"model": "gpt-4o-mini"}))]);
        let answer = h.universal("prod", &body, &[]).await;
        let message = answer.gateway_error(400, 2002);
        assert!(message.contains("endpoint"), "{endpoint:?}: {message}");
        h.assert_unsent_and_alive(before, format_args!("{endpoint:?}")).await;
    }
}

#[tokio::test]
async fn encoded_slashes_in_provider_paths_are_refused() {
    let h = Harness::new().await;
    // Workers AI model ids may come with `%2F` slashes (Cloudflare's SDK sends them so): accepted.
    let sdk_form = format!("/v1/{ACCOUNT}/prod/workers-ai/%40cf%2Fmeta%2Fllama-3.1-8b-instruct-fp8");
    let answer = h.raw("POST", &sdk_form, &[], br#"{"prompt":"hi"}"#).await;
    assert_eq!(answer.status, 200, "{}", String::from_utf8_lossy(&answer.body));
    for target in [
        format!("/v1/{ACCOUNT}/prod/openai/chat%2fcompletions"),
        format!("/v1/{ACCOUNT}/prod/openai/chat%2Fcompletions"),
    ] {
        let before = h.seen();
        let answer = h.raw("POST", &target, &[], br#"{"model":"gpt-4o-mini","messages":[],"prompt":"hi"}"#).await;
        answer.gateway_error(400, 2002);
        h.assert_unsent_and_alive(before, target).await;
    }
}

#[tokio::test]
async fn huge_request_lines_and_garbage_are_survived() {
    let h = Harness::new().await;
    // Longer than any URI the server accepts: refused by the HTTP layer.
    let target = format!("/v1/{ACCOUNT}/prod/openai/{}", "a".repeat(70_000));
    let before = h.seen();
    let answer = h.raw("POST", &target, &[], b"{}").await;
    assert!((400..500).contains(&answer.status), "{}", answer.status);
    h.assert_unsent_and_alive(before, "a 70 000-byte path").await;
    // A long but acceptable path is forwarded and answered by the provider.
    let target = format!("/v1/{ACCOUNT}/prod/openai/{}x", "a/".repeat(4_000));
    let answer = h.raw("POST", &target, &[], b"{}").await;
    assert_eq!(answer.status, 404, "{}", answer.text());
    assert!(answer.json()["error"]["message"].is_string(), "{}", answer.text());
    h.assert_alive().await;
    // Not HTTP at all.
    for garbage in
        [&b"GARBAGE\r\n\r\n"[..], b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", b"POST /v1 HTTP/9.9\r\n\r\n"]
    {
        let answer = h.raw_exchange(garbage, true).await;
        assert!(answer.is_empty() || answer.starts_with(b"HTTP/1.1 4"), "{:?}", String::from_utf8_lossy(&answer));
        h.assert_alive().await;
    }
    // Headers far too large for the HTTP layer's buffer: refused there, the server survives.
    let big = vec![b'a'; 600_000];
    let answer = h.raw_exchange(&[b"GET / HTTP/1.1\r\nx-big: ", &big[..], b"\r\n\r\n"].concat(), true).await;
    assert!(answer.is_empty() || answer.starts_with(b"HTTP/1.1 4"), "{:?}", String::from_utf8_lossy(&answer));
    h.assert_alive().await;
}

#[tokio::test]
async fn headers_over_the_limit_get_431_in_the_api_shape() {
    let mut config = test_config();
    config.max_header_bytes = 8 * 1024;
    let h = Harness::start(config).await;
    let (seen, logs) = (h.seen(), h.logs().await);
    // Just under the limit: served.
    let fits = "a".repeat(6 * 1024);
    let answer = h.universal("prod", &valid_steps(), &[("x-note", &fits)]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(h.seen(), seen + 1);
    // Over it, in one header or spread over many: 431, the gateway's shape, nothing sent or logged.
    let one = "a".repeat(9 * 1024);
    let many: Vec<(String, String)> = (0..40).map(|i| (format!("x-part-{i}"), "b".repeat(250))).collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    for headers in [vec![("x-note", one.as_str())], many] {
        let answer = h.universal("prod", &valid_steps(), &headers).await;
        assert_eq!(answer.status, 431, "{}", answer.text());
        let body = answer.json();
        assert_eq!(body["success"], json!(false), "{body}");
        assert_eq!(body["error"][0]["code"], json!(2004), "{body}");
        let message = body["error"][0]["message"].as_str().unwrap();
        assert!(message.contains("over the limit of 8192"), "{message}");
    }
    assert_eq!(h.seen(), seen + 1, "nothing over the limit reached the upstream");
    // The v4 API answers in its own shape.
    let request = h.http.get(h.logs_url("prod")).bearer_auth(API_TOKEN).header("x-note", one.as_str());
    let answer = h.send(request).await;
    assert_eq!(answer.status, 431, "{}", answer.text());
    assert_eq!(answer.json()["errors"][0]["code"], json!(2004), "{}", answer.text());
    assert_eq!(h.logs().await, logs + 1);
    h.assert_alive().await;
    // More header lines than the HTTP layer takes (100): refused there with 431 too.
    let mut request = format!("POST /v1/{ACCOUNT}/prod HTTP/1.1\r\nhost: x\r\nconnection: close\r\n").into_bytes();
    for i in 0..120 {
        request.extend_from_slice(format!("x-h-{i}: 1\r\n").as_bytes());
    }
    request.extend_from_slice(b"content-length: 2\r\n\r\n[]");
    let answer = h.raw_exchange(&request, false).await;
    assert!(answer.starts_with(b"HTTP/1.1 431"), "{:?}", String::from_utf8_lossy(&answer));
    h.assert_alive().await;
}
