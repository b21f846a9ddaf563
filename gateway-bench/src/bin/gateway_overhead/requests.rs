//! The requests every part sends: the URLs (direct to the upstream, or
//! through a gateway) and one `POST` of `{"prompt":"hi"}`, read to the end.

use std::net::SocketAddr;
use std::time::Duration;

use futures::StreamExt as _;

use crate::{ACCOUNT, BODY, MODEL};

pub(crate) fn upstream_base(upstream: SocketAddr) -> String {
    // `HttpUpstream` sends to `{base}/{endpoint}`; the endpoint of a
    // `workers-ai` provider route is the model id.
    format!("http://{upstream}/client/v4/accounts/{ACCOUNT}/ai/run")
}

pub(crate) fn direct_url(upstream: SocketAddr) -> String {
    format!("{}/{MODEL}", upstream_base(upstream))
}

pub(crate) fn gateway_url(gateway: &str, id: &str) -> String {
    format!("{gateway}/v1/{ACCOUNT}/{id}/workers-ai/{MODEL}")
}

/// One request, read to the end; `true` on a 2xx answer.
pub(crate) async fn post(client: &reqwest::Client, url: &str) -> bool {
    let sent = client.post(url).header(reqwest::header::CONTENT_TYPE, "application/json").body(BODY).send().await;
    match sent {
        Ok(response) if response.status().is_success() => response.bytes().await.is_ok(),
        _ => false,
    }
}

/// `count` requests, 16 at a time, to open connections on both hops.
pub(crate) async fn warm_up(client: &reqwest::Client, url: &str, count: usize) {
    let _ = tokio::time::timeout(
        Duration::from_secs(20),
        futures::stream::iter(0..count).for_each_concurrent(16, |_| async {
            let _ = post(client, url).await;
        }),
    )
    .await;
}
