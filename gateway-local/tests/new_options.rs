//! The request options Cloudflare added in 2026 (`cf-aig-zdr`,
//! `cf-aig-no-wholesale`, `cf-aig-otel-trace-id`, `cf-aig-otel-parent-span-id`,
//! `cf-aig-byok-alias`, the cache rates of `cf-aig-custom-cost`), over
//! loopback HTTP: good values pass, a bad one is a 400 in the gateway host's
//! shape naming the header, and nothing is forwarded.

use common::harness::{Harness, MODEL};
use gateway_local::LocalConfig;
use serde_json::json;

mod common;

/// The code of an invalid `cf-aig-*` header (ours).
const INVALID_HEADER: i64 = 2007;

#[tokio::test]
async fn new_options_are_validated_and_a_bad_value_names_its_header() {
    let h = Harness::start(LocalConfig::default()).await;
    let url = h.provider_url("g", "workers-ai", MODEL);
    let body = json!({"messages": [{"role": "user", "content": "hi"}]}).to_string();
    let good = [
        ("cf-aig-zdr", "true"),
        ("cf-aig-no-wholesale", "true"),
        ("cf-aig-otel-trace-id", "4bf92f3577b34da6a3ce929d0e0e4736"),
        ("cf-aig-otel-parent-span-id", "00f067aa0ba902b7"),
        ("cf-aig-custom-cost", r#"{"per_token_in":0.000001,"per_cache_read_token":0.0000001}"#),
    ];
    let answer = h.post(&url, body.clone(), &good).await;
    assert_eq!(answer.status, 200, "Workers AI passes cf-aig-no-wholesale: {}", answer.text());
    let seen = h.seen();
    for (name, value) in [
        ("cf-aig-zdr", "maybe"),
        ("cf-aig-no-wholesale", "yes"),
        ("cf-aig-otel-trace-id", "not-a-trace"),
        ("cf-aig-otel-parent-span-id", "00f067aa0ba902b7ff"),
        ("cf-aig-byok-alias", "two words"),
        ("cf-aig-custom-cost", r#"{"per_cache_write_token":-0.5}"#),
    ] {
        let refused = h.post(&url, body.clone(), &[(name, value)]).await;
        let message = refused.gateway_error(400, INVALID_HEADER);
        assert!(message.contains(name), "{name}: {message}");
    }
    assert_eq!(h.seen(), seen, "nothing forwarded");
}
