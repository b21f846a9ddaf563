//! Hostile input against a running `gateway-local`.
//!
//! Every case sends a malformed, mistyped, oversized, unauthenticated or
//! oddly addressed request to a gateway started offline on `127.0.0.1:0`,
//! checks the status *and* the body shape (the gateway host's singular
//! `error` array, or the v4 API's plural `errors` envelope), checks that the
//! offline upstream saw no request it should not have seen, and then checks
//! that the server still answers a normal universal request.
//!
//! Requests go through `reqwest`, except where `reqwest` would clean the
//! request up first (`..` and `%2e%2e` segments are resolved by URL parsing,
//! bytes that are not UTF-8 cannot be put in a header value): those are
//! written to a raw TCP socket (`common::harness`).
//!
//! One module per kind of input; this file holds what they share: the
//! configuration of these tests and the "still alive" check.

#[path = "../common/mod.rs"]
mod common;

mod accounts_and_auth;
mod flood;
mod limits;
mod malformed;
mod paths;
mod providers_and_headers;
mod sizes;

use common::harness::{Harness, MODEL};
use gateway_local::{GatewaySettings, LocalConfig};
use serde_json::{Value, json};

/// The body limit of these tests.
const MAX_BODY: usize = 1024;

/// The default configuration with the Authenticated Gateway `secure` (token
/// `t`), the gateway `prod`, and the body limit [`MAX_BODY`].
fn test_config() -> LocalConfig {
    let mut config = LocalConfig::default()
        .with_gateway("secure", GatewaySettings::default().with_token("t"))
        .with_gateway("prod", GatewaySettings::default());
    config.max_body_bytes = MAX_BODY;
    config
}

fn step(provider: &Value, endpoint: &Value, query: &Value) -> Value {
    json!({"provider": provider, "endpoint": endpoint, "headers": {}, "query": query})
}

fn valid_steps() -> Value {
    json!([step(&json!("workers-ai"), &json!(MODEL), &json!({"prompt": "hi"}))])
}

/// What only these tests need of the shared harness.
impl Harness {
    async fn new() -> Self {
        Self::start(test_config()).await
    }

    /// What every hostile case checks after its answer: the upstream saw no
    /// request since it had seen `before` (`case` names the input), and the
    /// server still answers a normal request.
    async fn assert_unsent_and_alive(&self, before: u64, case: impl std::fmt::Display) {
        assert_eq!(self.seen(), before, "{case}: reached the upstream");
        self.assert_alive().await;
    }

    /// A normal request still gets a normal answer.
    async fn assert_alive(&self) {
        let answer = self.universal("prod", &valid_steps(), &[]).await;
        assert_eq!(answer.status, 200, "the server stopped serving normal requests: {}", answer.text());
        let body = answer.json();
        assert_eq!(body["success"], json!(true), "{body}");
        assert!(body["result"]["response"].is_string(), "{body}");
        assert_eq!(answer.headers.get("cf-aig-step").and_then(|v| v.to_str().ok()), Some("0"));
    }
}
