//! Sizes: bodies over the limit, out-of-range step configuration, malformed compat requests.

use serde_json::json;

use super::common::harness::{ACCOUNT, API_TOKEN, Harness, MODEL, parse_raw};
use super::{MAX_BODY, valid_steps};

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let h = Harness::new().await;
    let padded = |size: usize| {
        let mut body = valid_steps().to_string().into_bytes();
        body.resize(size, b' ');
        body
    };
    // At the limit: served.
    let at_limit = h.post(&h.universal_url("prod"), padded(MAX_BODY), &[]).await;
    assert_eq!(at_limit.status, 200, "{}", at_limit.text());

    let before = h.seen();
    for size in [MAX_BODY + 1, 4 * MAX_BODY] {
        h.post(&h.universal_url("prod"), padded(size), &[]).await.gateway_error(413, 2004);
        h.assert_alive().await;
        h.post(&h.provider_url("prod", "openai", "chat/completions"), vec![b'x'; size], &[])
            .await
            .gateway_error(413, 2004);
        h.assert_alive().await;
    }
    // Chunked, so the size is only known while reading.
    let mut chunked = Vec::new();
    for _ in 0..4 {
        chunked.extend_from_slice(format!("{:x}\r\n", 600).as_bytes());
        chunked.extend_from_slice(&[b' '; 600]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let target = format!("/v1/{ACCOUNT}/prod");
    h.raw("POST", &target, &[("transfer-encoding", b"chunked")], &chunked).await.gateway_error(413, 2004);
    h.assert_alive().await;
    // A huge announced length is refused once the limit is crossed, without waiting for the rest.
    let mut lie =
        format!("POST {target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 999999999\r\n\r\n")
            .into_bytes();
    lie.resize(lie.len() + 2 * MAX_BODY, b' ');
    parse_raw(&h.raw_bytes(&lie).await).gateway_error(413, 2004);
    h.assert_alive().await;
    // A 10 MB body is refused without trouble.
    let answer = h.post(&h.universal_url("prod"), vec![b'['; 10 * 1024 * 1024], &[]).await;
    answer.gateway_error(413, 2004);
    h.assert_alive().await;
    assert_eq!(h.seen() - before, 7, "only the liveness checks reached the upstream");
}

#[tokio::test]
async fn patch_body_over_the_limit_gets_413() {
    let h = Harness::new().await;
    let created = h.universal("prod", &valid_steps(), &[]).await;
    let id = created.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let mut body = br#"{"feedback":1}"#.to_vec();
    body.resize(MAX_BODY * 2, b' ');
    let answer = h.v4(reqwest::Method::PATCH, &format!("{}/{id}", h.logs_url("prod")), Some(&body)).await;
    assert_eq!(answer.status, 413, "{}", answer.text());
    answer.any_error_shape();
    assert!(answer.json().get("errors").is_some(), "the v4 API answers in its own envelope: {}", answer.text());
}

#[tokio::test]
async fn workers_ai_direct_route_rejects_in_the_v4_shape() {
    let h = Harness::new().await;
    let url = format!("{}/accounts/{ACCOUNT}/ai/run/{MODEL}", h.gateway.api_base_url());
    let ok = h.send(h.http.post(&url).bearer_auth(API_TOKEN).body(r#"{"prompt":"hi"}"#)).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    let too_big = h.send(h.http.post(&url).bearer_auth(API_TOKEN).body(vec![b' '; MAX_BODY * 2])).await;
    assert_eq!(too_big.status, 413, "{}", too_big.text());
    assert!(too_big.json().get("errors").is_some(), "v4 route, v4 envelope: {}", too_big.text());
    let escape = h
        .raw(
            "POST",
            &format!("/client/v4/accounts/{ACCOUNT}/ai/run/@cf/../../x"),
            &[("authorization", format!("Bearer {API_TOKEN}").as_bytes())],
            b"{}",
        )
        .await;
    escape.any_error_shape();
    assert!(escape.json().get("errors").is_some(), "v4 route, v4 envelope: {}", escape.text());
}

#[tokio::test]
async fn out_of_range_step_config_is_rejected_like_the_headers() {
    let h = Harness::new().await;
    for config in [json!({"maxAttempts": 0}), json!({"maxAttempts": 9}), json!({"retryDelay": 99_999})] {
        let before = h.seen();
        let body = json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {"prompt": "hi"},
                           "config": config}]);
        let message = h.universal("prod", &body, &[]).await.gateway_error(400, 2002);
        assert!(message.contains("step 0"), "{message}");
        h.assert_unsent_and_alive(before, config).await;
    }
}

#[tokio::test]
async fn malformed_compat_requests() {
    let h = Harness::new().await;
    let url = h.provider_url("prod", "compat", "chat/completions");
    let cases: [(&[u8], u16, i64); 7] = [
        (b"{", 400, 2019),
        (b"", 400, 2019),
        (br#"{"model":5,"messages":[]}"#, 400, 2019),
        (br#"{"model":"gpt-4o-mini","messages":[]}"#, 400, 2019),
        (br#"{"model":"no-such-provider/x","messages":[]}"#, 400, 2006),
        (br#"{"model":"../../x","messages":[]}"#, 400, 2006),
        // No such route in the gateway: a model not found.
        (br#"{"model":"dynamic/route","messages":[]}"#, 400, 7003),
    ];
    for (body, status, code) in cases {
        let before = h.seen();
        h.post(&url, body.to_vec(), &[]).await.gateway_error(status, code);
        h.assert_unsent_and_alive(before, format_args!("{:?}", String::from_utf8_lossy(body))).await;
    }
}
