//! Expensive logs queries and an outside lock on the database do not hold
//! up proxied requests.
//!
//! Over 100 000 logs, logs API queries with many `contains` values and a
//! search run back to back on several connections, and another process (a
//! separate SQLite connection here) holds the file's write lock for seconds
//! (`BEGIN IMMEDIATE`). Meanwhile every proxied request is answered within
//! a bound: reads run on their own connections beside the writer, a write
//! waits a bounded time for the lock (then the answer goes out unlogged,
//! marked), and an expensive query is stopped at the statement time limit
//! with a 400 that says so.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::TempDir;
use common::harness::{ACCOUNT, API_TOKEN, MODEL};
use gateway_local::{Database, LocalConfig, LocalGateway};
use serde_json::{Value, json};

mod common;

const LOGS: u64 = 100_000;
/// The bound on a proxied request while the store is under pressure.
const BOUND: Duration = Duration::from_millis(1_500);

fn http() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("a client")
}

/// A logs query that costs seconds over [`LOGS`] logs: 50 `contains` values
/// on metadata (each row's JSON is expanded) and a search.
fn expensive_query() -> String {
    let values = (0..50).map(|n| format!("filters.value=nobody-{n}")).collect::<Vec<_>>().join("&");
    format!("filters.key=metadata.value&filters.operator=contains&{values}&search=nothing-like-this&meta_info=true")
}

/// Sends `expensive_query` on `workers` tasks until `stop`; returns the statuses seen.
fn hammer(
    http: &reqwest::Client,
    logs: &str,
    workers: usize,
    stop: &Arc<AtomicBool>,
) -> Vec<tokio::task::JoinHandle<Vec<u16>>> {
    (0..workers)
        .map(|_| {
            let (http, stop) = (http.clone(), Arc::clone(stop));
            let url = format!("{logs}?{}", expensive_query());
            tokio::spawn(async move {
                let mut statuses = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let response = http.get(&url).bearer_auth(API_TOKEN).send().await.expect("a logs query");
                    statuses.push(response.status().as_u16());
                    let _ = response.bytes().await;
                }
                statuses
            })
        })
        .collect()
}

/// One proxied request: how long it took, and its log-error header.
async fn proxied(http: &reqwest::Client, base: &str) -> (Duration, Option<String>) {
    let started = Instant::now();
    let response = http
        .post(format!("{base}/v1/{ACCOUNT}/main/workers-ai/{MODEL}"))
        .header("content-type", "application/json")
        .body(json!({"prompt": "hello"}).to_string())
        .send()
        .await
        .expect("a proxied request");
    assert_eq!(response.status(), 200);
    let error = response.headers().get("x-gateway-local-log-error").map(|v| v.to_str().unwrap().to_owned());
    let body: Value = serde_json::from_slice(&response.bytes().await.expect("the body")).expect("JSON");
    assert_eq!(body["success"], json!(true), "the provider's answer: {body}");
    (started.elapsed(), error)
}

async fn start(database: Database, config: LocalConfig) -> LocalGateway {
    let gateway =
        LocalGateway::builder().config(config).offline(true).database(database).start().await.expect("starts");
    gateway.store().seed("main", LOGS).await.expect("seed the logs");
    gateway
}

fn logs_url(gateway: &LocalGateway) -> String {
    format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/main/logs", gateway.api_base_url())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_queries_and_an_outside_write_lock_do_not_hold_up_proxying() {
    let dir = TempDir::new("contention");
    let path = dir.join("logs.sqlite3");
    // Log writes give up after 500 ms (the default is 5 s), so answers come within the bound.
    let mut config = LocalConfig::default();
    config.log_write_wait_ms = 500;
    let gateway = start(Database::File(path.clone()), config).await;
    let (http, base, logs) = (http(), gateway.url(), logs_url(&gateway));
    let page = http.get(format!("{logs}?per_page=1")).bearer_auth(API_TOKEN).send().await.expect("a list");
    let page: Value = serde_json::from_slice(&page.bytes().await.expect("the body")).expect("JSON");
    let id = page["result"][0]["id"].as_str().expect("a log id").to_owned();
    let stop = Arc::new(AtomicBool::new(false));
    let queries = hammer(&http, &logs, 4, &stop);
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Another process takes the write lock and keeps it for 3 s.
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let outside = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&path).expect("open the file");
        conn.execute_batch("BEGIN IMMEDIATE").expect("take the write lock");
        locked_tx.send(Instant::now()).expect("tell");
        std::thread::sleep(Duration::from_secs(3));
        conn.execute_batch("COMMIT").expect("release it");
    });
    let locked_at = locked_rx.recv().expect("locked");

    // A write of the API waits its bound and says the database is busy: a 503, not a 500.
    let patched = http
        .patch(format!("{logs}/{id}"))
        .bearer_auth(API_TOKEN)
        .header("content-type", "application/json")
        .body(json!({"feedback": 1}).to_string())
        .send()
        .await
        .expect("a patch");
    assert_eq!(patched.status(), 503);
    let body: Value = serde_json::from_slice(&patched.bytes().await.expect("the body")).expect("JSON");
    assert!(body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("busy")), "{body}");

    let mut timings = Vec::new();
    while locked_at.elapsed() < Duration::from_secs(5) {
        timings.push(proxied(&http, &base).await);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.store(true, Ordering::Relaxed);
    outside.join().expect("the outside writer");
    let mut statuses = Vec::new();
    for query in queries {
        statuses.extend(query.await.expect("a query task"));
    }

    let slowest = timings.iter().map(|(took, _)| *took).max().expect("requests");
    assert!(slowest < BOUND, "a proxied request took {slowest:?}; all: {timings:?}");
    let busy = timings.iter().filter(|(_, e)| e.as_deref() == Some("database busy")).count();
    let logged = timings.iter().filter(|(_, e)| e.is_none()).count();
    assert!(busy > 0, "some requests came while the lock was held: {timings:?}");
    assert!(logged > 0, "and some after, logged: {timings:?}");
    assert!(!statuses.is_empty() && statuses.iter().all(|s| *s == 200 || *s == 400), "{statuses:?}");
    gateway.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_queries_do_not_hold_up_proxying_in_memory() {
    // Above the seeded logs: every proxied request adds one.
    let mut config = LocalConfig::default();
    config.memory_log_limit = 2 * LOGS;
    let gateway = start(Database::Memory, config).await;
    let (http, base) = (http(), gateway.url());
    let stop = Arc::new(AtomicBool::new(false));
    let queries = hammer(&http, &logs_url(&gateway), 4, &stop);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let mut timings = Vec::new();
    while started.elapsed() < Duration::from_secs(3) {
        timings.push(proxied(&http, &base).await);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for query in queries {
        query.await.expect("a query task");
    }
    let slowest = timings.iter().map(|(took, _)| *took).max().expect("requests");
    assert!(slowest < BOUND, "a proxied request took {slowest:?}; all: {timings:?}");
    assert!(timings.iter().all(|(_, e)| e.is_none()), "all logged: {timings:?}");
    assert_eq!(gateway.store().count().await.expect("count"), LOGS + timings.len() as u64);
    gateway.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn an_expensive_logs_query_is_stopped_at_the_time_limit() {
    let mut config = LocalConfig::default();
    config.log_query_time_limit_ms = 100;
    let gateway = start(Database::Memory, config).await;
    let http = http();
    let logs = logs_url(&gateway);

    let started = Instant::now();
    let response = http.get(format!("{logs}?{}", expensive_query())).bearer_auth(API_TOKEN).send().await.unwrap();
    let took = started.elapsed();
    assert_eq!(response.status(), 400);
    let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).expect("JSON");
    assert_eq!(body["success"], json!(false), "{body}");
    let message = body["errors"][0]["message"].as_str().expect("a message");
    assert!(message.contains("too expensive") && message.contains("100 ms"), "{message}");
    assert!(took < Duration::from_secs(5), "stopped, not run to its end: {took:?}");

    // A cheap query over the same logs is answered.
    let cheap = http.get(format!("{logs}?per_page=5")).bearer_auth(API_TOKEN).send().await.unwrap();
    assert_eq!(cheap.status(), 200);
    let body: Value = serde_json::from_slice(&cheap.bytes().await.unwrap()).expect("JSON");
    assert_eq!(body["result_info"]["total_count"], json!(LOGS), "{body}");
    gateway.shutdown().await.expect("shutdown");
}
