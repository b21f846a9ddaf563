//! Rate limits over loopback HTTP, for both techniques (spec §5.2): past
//! the limit, a 429 in the gateway host's shape, and the request is not
//! forwarded. How each technique counts across window boundaries (the
//! spec's 12:09 / 12:11 example) is shown with an injected clock by the
//! unit tests of `RateLimiter` (`src/state.rs`), never by waiting.

use common::harness::{Harness, MODEL};
use gateway_local::config::RateLimitTechnique;
use gateway_local::{GatewaySettings, LocalConfig};
use serde_json::json;

mod common;

/// The gateway host's rate-limit code (ours).
const RATE_LIMITED: i64 = 2003;

#[tokio::test]
async fn over_the_limit_is_a_429_and_nothing_is_forwarded_with_either_technique() {
    // Windows far longer than the test: no boundary falls within it.
    const INTERVAL: u64 = 1_000_000_000;
    let config = LocalConfig::default()
        .with_gateway("fixed", GatewaySettings::default().with_rate_limit(2, INTERVAL))
        .with_gateway(
            "sliding",
            GatewaySettings::default().with_rate_limit_technique(2, INTERVAL, RateLimitTechnique::Sliding),
        );
    let h = Harness::start(config).await;
    let body = json!({"messages": [{"role": "user", "content": "hi"}]}).to_string();
    for gateway in ["fixed", "sliding"] {
        let url = h.provider_url(gateway, "workers-ai", MODEL);
        for _ in 0..2 {
            let answer = h.post(&url, body.clone(), &[]).await;
            assert_eq!(answer.status, 200, "{gateway}: {}", answer.text());
        }
        let seen = h.seen();
        let logs = h.logs().await;
        let refused = h.post(&url, body.clone(), &[]).await;
        refused.gateway_error(429, RATE_LIMITED);
        assert!(refused.header("retry-after").is_some(), "{gateway}");
        assert_eq!(h.seen(), seen, "{gateway}: not forwarded");
        assert_eq!(h.logs().await, logs, "{gateway}: not logged");
    }
}
