//! Group commit: logs written while the writer is busy are committed together.
//!
//! An embedded gateway logging to a file answers 600 calls with 64 in flight
//! over loopback HTTP: every call is answered 200 with its own log id, every
//! one of those logs is in the file (read through a connection of this test's
//! own, so only committed rows count), and the writer committed them in fewer
//! transactions than there are logs. Without group commit (one transaction
//! per log) the last check fails.

use std::collections::BTreeSet;
use std::time::Duration;

use futures::StreamExt;
use gateway_core::{Ai, GatewayOptions, RunOptions};
use gateway_local::{Database, LocalGateway};
use serde_json::{Value, json};

mod common;
use common::TempDir;

const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
const REQUESTS: usize = 600;
const IN_FLIGHT: usize = 64;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_logs_share_commits_and_every_answered_one_is_stored() {
    let dir = TempDir::new("group-commit");
    let db = dir.join("logs.sqlite3");
    let gateway =
        LocalGateway::builder().offline(true).database(Database::File(db.clone())).start().await.expect("start");
    let ai = Ai::new(gateway.client_config().with_timeout(Duration::from_secs(60))).expect("a client");
    let options = RunOptions::new().gateway(GatewayOptions::new("main"));
    let commits_before = gateway.store().log_commits();

    let answers: Vec<String> = futures::stream::iter(0..REQUESTS)
        .map(|i| {
            let (ai, options) = (ai.clone(), options.clone());
            async move {
                let answer = ai
                    .run::<_, Value>(MODEL, &json!({"prompt": format!("group {i}")}), &options)
                    .await
                    .unwrap_or_else(|e| panic!("request {i}: {e}"));
                answer.log_id().unwrap_or_else(|| panic!("request {i}: no log id")).to_owned()
            }
        })
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await;
    let commits = gateway.store().log_commits() - commits_before;

    let answered: BTreeSet<String> = answers.into_iter().collect();
    assert_eq!(answered.len(), REQUESTS, "distinct log ids");
    // Read back by a connection of our own: committed rows only.
    let file = rusqlite::Connection::open(&db).expect("open the file");
    let stored: BTreeSet<String> = file
        .prepare("SELECT id FROM logs")
        .expect("a query")
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("ids");
    let missing: Vec<&String> = answered.difference(&stored).collect();
    assert!(missing.is_empty(), "{} answered requests have no log, first: {:?}", missing.len(), missing.first());
    assert_eq!(stored.len(), REQUESTS, "none stored twice or without an answer");
    println!("group commit: {REQUESTS} logs in {commits} transactions ({IN_FLIGHT} in flight)");
    assert!(commits < REQUESTS as u64, "{REQUESTS} logs took {commits} commits: no group was committed");
    drop((file, ai));
    gateway.shutdown().await.expect("shutdown");
}
