//! A concurrent flood of good and bad requests.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::json;

use super::common::harness::{ACCOUNT, Harness};
use super::{MAX_BODY, valid_steps};

/// One request of the flood; returns whether it was a normal one that succeeded.
async fn flood_one(h: &Harness, i: usize) -> bool {
    let gw = format!("/v1/{ACCOUNT}/prod");
    match i % 8 {
        0 | 4 => {
            let answer = h.universal("prod", &valid_steps(), &[]).await;
            assert_eq!(answer.status, 200, "{}", answer.text());
            return true;
        }
        1 => h.post(&h.universal_url("prod"), b"{\"provider\": ".to_vec(), &[]).await.gateway_error(400, 2002),
        2 => h.universal("prod", &valid_steps(), &[("cf-aig-max-attempts", "9")]).await.gateway_error(400, 2007),
        3 => h.raw("POST", &format!("{gw}/openai/../../x"), &[], b"{}").await.gateway_error(400, 2002),
        5 => h.send(h.http.get(h.logs_url("prod"))).await.v4_error(401, 10000),
        6 => h.post(&h.universal_url("prod"), vec![b' '; MAX_BODY * 3], &[]).await.gateway_error(413, 2004),
        _ => {
            let answer = h.raw_bytes(b"GARBAGE\r\n\r\n").await;
            assert!(answer.is_empty() || answer.starts_with(b"HTTP/1.1 400"), "{answer:?}");
            String::new()
        }
    };
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_concurrent_flood_leaves_the_server_and_the_store_sound() {
    const TOTAL: usize = 200;
    const IN_FLIGHT: usize = 16;
    let h = Arc::new(Harness::new().await);
    let next = Arc::new(AtomicU64::new(0));
    let served = Arc::new(AtomicU64::new(0));
    let mut workers = Vec::new();
    for _ in 0..IN_FLIGHT {
        let (h, next, served) = (Arc::clone(&h), Arc::clone(&next), Arc::clone(&served));
        workers.push(tokio::spawn(async move {
            loop {
                let i = usize::try_from(next.fetch_add(1, Ordering::SeqCst)).unwrap();
                if i >= TOTAL {
                    break;
                }
                if flood_one(&h, i).await {
                    served.fetch_add(1, Ordering::SeqCst);
                }
            }
        }));
    }
    for worker in workers {
        tokio::time::timeout(Duration::from_secs(60), worker).await.expect("the flood ends in time").expect("no panic");
    }
    let normal = u64::try_from((0..TOTAL).filter(|i| i % 4 == 0).count()).unwrap();
    assert_eq!(served.load(Ordering::SeqCst), normal);
    assert_eq!(h.seen(), normal, "only the normal requests reached the upstream");
    assert_eq!(h.logs().await, normal, "only the normal requests were logged");
    h.assert_alive().await;
    assert_eq!(h.gateway.store().integrity_check().await.unwrap(), "ok");
    let listed = h.v4(reqwest::Method::GET, &format!("{}?per_page=50", h.logs_url("prod")), None).await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.json()["result_info"]["total_count"], json!(normal + 1), "{}", listed.text());
}
