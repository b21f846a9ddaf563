//! When the log store cannot keep a log, the request is still answered.
//!
//! 1. A full database (SQLite's `max_page_count`, which fails writes with
//!    `SQLITE_FULL` exactly as a full disk does): every request still gets
//!    the provider's answer (plain and streamed), marked with
//!    `x-gateway-local-log-error` and without a log id; `/health` says
//!    `degraded` and counts the failures; a bulk delete frees space; the
//!    next requests are logged again and `/health` is `ok`.
//! 2. The database file deleted under the running binary: the binary warns,
//!    naming the file, and `/health` says so.

mod common;

use std::time::Duration;

use common::harness::{ACCOUNT, API_TOKEN, MODEL};
use common::{PATIENCE, Server, TempDir, free_port, path_arg};
use gateway_local::{Database, LocalGateway};
use serde_json::{Value, json};

const LOG_ERROR: &str = "x-gateway-local-log-error";
const LOG_ID: &str = "cf-aig-log-id";

fn http() -> reqwest::Client {
    reqwest::Client::builder().timeout(PATIENCE).build().expect("a client")
}

async fn health(http: &reqwest::Client, base: &str) -> Value {
    let response = http.get(format!("{base}/health")).send().await.expect("GET /health");
    assert_eq!(response.status(), 200);
    serde_json::from_slice(&response.bytes().await.expect("the body")).expect("health is JSON")
}

/// A Workers AI request through the gateway host; its prompt is `size` bytes.
async fn ask(http: &reqwest::Client, base: &str, size: usize, stream: bool) -> reqwest::Response {
    let url = format!("{base}/v1/{ACCOUNT}/main/workers-ai/{MODEL}");
    let body = json!({"prompt": "x".repeat(size), "stream": stream});
    http.post(url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("a proxied request")
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    response.headers().get(name).map(|v| v.to_str().expect("an ASCII header"))
}

/// A plain answer is the provider's own; returns its log-error header.
async fn plain_answer(response: reqwest::Response) -> (Option<String>, Option<String>) {
    assert_eq!(response.status(), 200);
    let error = header(&response, LOG_ERROR).map(str::to_owned);
    let id = header(&response, LOG_ID).map(str::to_owned);
    let body: Value = serde_json::from_slice(&response.bytes().await.expect("the body")).expect("the provider's JSON");
    assert_eq!(body["success"], json!(true), "{body}");
    assert!(body["result"]["response"].is_string(), "{body}");
    (error, id)
}

#[tokio::test]
async fn a_full_database_loses_logs_not_answers_and_recovers_when_space_is_freed() {
    let dir = TempDir::new("full");
    let gateway = LocalGateway::builder()
        .offline(true)
        .database(Database::File(dir.join("logs.sqlite3")))
        .start()
        .await
        .expect("the gateway starts");
    let (http, base) = (http(), gateway.url());
    let logs = format!("{base}/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/main/logs");

    // Logs whose deletion frees room for the ones after it.
    for _ in 0..30 {
        let (error, id) = plain_answer(ask(&http, &base, 4_000, false).await).await;
        assert_eq!((error, id.is_some()), (None, true), "logged while there is room");
    }
    assert_eq!(health(&http, &base).await["status"], json!("ok"));

    // No more pages than it has now: once its free pages are used, it is full.
    gateway.store().set_max_page_count(1).await.expect("cap the database");
    let mut filled = false;
    for _ in 0..2_000 {
        let (error, _) = plain_answer(ask(&http, &base, 4_000, false).await).await;
        if error.is_some() {
            filled = true;
            break;
        }
    }
    assert!(filled, "the capped database never filled up");
    let logged = gateway.store().count().await.expect("count");

    for _ in 0..50 {
        let (error, id) = plain_answer(ask(&http, &base, 4_000, false).await).await;
        assert_eq!(error.as_deref(), Some("database full"));
        assert_eq!(id, None, "no log id for a log that was not written");
    }
    // A stream whose provisional log cannot be written still streams, whole.
    let streamed = ask(&http, &base, 4_000, true).await;
    assert_eq!(streamed.status(), 200);
    assert!(header(&streamed, "content-type").is_some_and(|t| t.starts_with("text/event-stream")));
    assert_eq!(header(&streamed, LOG_ERROR), Some("database full"));
    assert_eq!(header(&streamed, LOG_ID), None);
    let events = streamed.text().await.expect("the stream's body");
    assert!(events.contains("\"response\"") && events.trim_end().ends_with("data: [DONE]"), "{events}");
    assert_eq!(gateway.store().count().await.expect("count"), logged, "nothing was written meanwhile");

    let state = health(&http, &base).await;
    assert_eq!(state["status"], json!("degraded"), "{state}");
    assert_eq!(state["log_writes_failing"], json!(true), "{state}");
    assert_eq!(state["last_log_error"], json!("database full"), "{state}");
    let failures = state["log_write_failures"].as_u64().expect("a count");
    assert!(failures >= 52, "50 plain, 1 streamed and the one that showed it full: {state}");
    assert_eq!(state["database"], json!({"kind": "file", "file": "present"}), "{state}");

    // Deleting logs works on a full database, and frees its pages.
    let deleted = http.delete(&logs).bearer_auth(API_TOKEN).send().await.expect("bulk delete");
    assert_eq!(deleted.status(), 200, "{:?}", deleted.text().await);
    assert_eq!(gateway.store().count().await.expect("count"), 0);

    for _ in 0..5 {
        let (error, id) = plain_answer(ask(&http, &base, 4_000, false).await).await;
        assert_eq!(error, None, "logged again");
        let id = id.expect("a log id again");
        let log = http.get(format!("{logs}/{id}")).bearer_auth(API_TOKEN).send().await.expect("GET the log");
        assert_eq!(log.status(), 200, "the log is readable");
    }
    let streamed = ask(&http, &base, 100, true).await;
    assert!(header(&streamed, LOG_ID).is_some() && header(&streamed, LOG_ERROR).is_none());
    streamed.text().await.expect("the stream's body");
    let state = health(&http, &base).await;
    assert_eq!(state["status"], json!("ok"), "{state}");
    assert_eq!(state["log_writes_failing"], json!(false), "{state}");
    assert_eq!(state["log_write_failures"].as_u64(), Some(failures), "the count stays: {state}");
    gateway.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn a_deleted_database_file_is_reported_in_the_output_and_by_health() {
    let dir = TempDir::new("deleted");
    let db = dir.join("logs.sqlite3");
    let config = dir.write("gateway.toml", "database_check_interval_ms = 100\n");
    let port = free_port();
    let mut server = Server::serve_offline(port, &db, &config, &[]);
    server.wait_until_answering(port).await;
    let (http, base) = (http(), format!("http://127.0.0.1:{port}"));
    let state = health(&http, &base).await;
    assert_eq!(state["status"], json!("ok"), "{state}");
    assert_eq!(state["database"], json!({"kind": "file", "file": "present"}), "{state}");

    std::fs::remove_file(&db).expect("delete the database file");
    server.wait_for_output("the log database file was deleted").await;
    let output = server.output();
    let warning = output.lines().find(|l| l.contains("the log database file was deleted")).expect("the warning");
    assert!(warning.contains("WARN") && warning.contains(path_arg(&db)), "names the file: {warning}");
    let state = health(&http, &base).await;
    assert_eq!(state["status"], json!("degraded"), "{state}");
    assert_eq!(state["database"], json!({"kind": "file", "file": "missing"}), "{state}");
    // Still answering.
    let (error, _) = plain_answer(ask(&http, &base, 10, false).await).await;
    assert_eq!(error, None, "the deleted file still takes writes until the gateway stops");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.output().matches("the log database file was deleted").count(), 1, "warned once, not every check");
}
