//! The provider lists of gateway-local agree with gateway-core's provider
//! table: `/compat/chat/completions` forwards `{slug}/{model}` to the row's
//! `compat_path` (and refuses a provider whose row has none), and the offline
//! double answers every row.

use std::time::Duration;

use gateway_core::provider::PROVIDERS;
use gateway_local::{GatewaySettings, LocalConfig, LocalGateway, OfflineUpstream};
use serde_json::json;

/// The default configuration's account.
const ACCOUNT: &str = "local-account";

#[tokio::test]
async fn the_compat_route_forwards_to_each_rows_compat_path() {
    let config = LocalConfig::default().with_gateway("prod", GatewaySettings::default());
    let gateway = LocalGateway::builder().config(config).offline(true).start().await.expect("the gateway starts");
    let upstream = gateway.offline_upstream().expect("offline").clone();
    let http = reqwest::Client::builder().timeout(Duration::from_secs(15)).build().expect("a client");
    let url = format!("{}/{ACCOUNT}/prod/compat/chat/completions", gateway.gateway_base_url());
    for info in &PROVIDERS {
        let body =
            json!({"model": format!("{}/some-model", info.slug), "messages": [{"role": "user", "content": "hi"}]});
        upstream.reset_counters();
        let answer = http
            .post(&url)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("an answer");
        let status = answer.status().as_u16();
        match info.compat_path {
            Some(path) => {
                let forwarded = upstream.last_request().unwrap_or_else(|| panic!("{}: not forwarded", info.slug));
                assert_eq!(forwarded.provider, info.slug);
                assert_eq!(forwarded.endpoint.trim_start_matches('/'), path, "{}: the compat route's path", info.slug);
            }
            None => {
                assert_eq!(status, 400, "{}: the table has no compat path, the route took it", info.slug);
                assert_eq!(upstream.requests_seen(), 0, "{}: reached the upstream", info.slug);
            }
        }
    }
    gateway.shutdown().await.expect("shutdown");
}

#[test]
fn the_offline_double_answers_every_row() {
    let rows: Vec<&str> = PROVIDERS.iter().map(|info| info.slug).collect();
    assert_eq!(OfflineUpstream::PROVIDERS[..rows.len()], rows[..]);
    assert_eq!(OfflineUpstream::PROVIDERS[rows.len()..], ["compat"]);
}
