//! The provider lists of gateway-local agree with gateway-core's provider
//! table: `/compat/chat/completions` forwards `{slug}/{model}` to the row's
//! `compat_path` (and refuses a provider whose row has none), and the offline
//! double answers every row.

use common::harness::Harness;
use gateway_core::provider::PROVIDERS;
use gateway_local::{GatewaySettings, LocalConfig, OfflineUpstream};
use serde_json::json;

mod common;

#[tokio::test]
async fn the_compat_route_forwards_to_each_rows_compat_path() {
    let config = LocalConfig::default().with_gateway("prod", GatewaySettings::default());
    let h = Harness::start(config).await;
    let upstream = h.gateway.offline_upstream().expect("offline").clone();
    let url = h.provider_url("prod", "compat", "chat/completions");
    for info in &PROVIDERS {
        let body =
            json!({"model": format!("{}/some-model", info.slug), "messages": [{"role": "user", "content": "hi"}]});
        upstream.reset_counters();
        let status = h.post(&url, body.to_string(), &[]).await.status;
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
    h.gateway.shutdown().await.expect("shutdown");
}

#[test]
fn the_offline_double_answers_every_row() {
    let rows: Vec<&str> = PROVIDERS.iter().map(|info| info.slug).collect();
    assert_eq!(OfflineUpstream::PROVIDERS[..rows.len()], rows[..]);
    assert_eq!(OfflineUpstream::PROVIDERS[rows.len()..], ["compat"]);
}
