//! Shutdown with a deadline. SIGTERM is handled like SIGINT: the binary
//! stops accepting, gives a stream in flight `shutdown_grace_ms`, then cuts
//! it, completes its log (status 502, what was sent kept) and exits 0. A
//! second signal during the grace period stops it at once, non-zero.
//! `LocalGateway::shutdown` keeps the same deadline.

use std::path::Path;
use std::time::{Duration, Instant};

use gateway_local::{Database, Fault, FaultRule, LocalConfig, LocalGateway};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

mod common;
use common::{Server, TempDir, free_port};

const ACCOUNT: &str = "bin-account";
const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
/// How long after the grace period the process may take to exit.
const EXIT_BOUND: Duration = Duration::from_secs(3);

/// A configuration whose Workers AI streams stall forever after three events.
fn config_text(grace_ms: u64) -> String {
    format!(
        "account_id = \"{ACCOUNT}\"\napi_token = \"bin-token\"\nshutdown_grace_ms = {grace_ms}\n\n\
         [[offline_faults]]\nprovider = \"workers-ai\"\nfault = {{ kind = \"stall_after\", events = 3 }}\n"
    )
}

/// Starts the binary on a file database with streams 200 ms per event.
async fn serve(dir: &TempDir, grace_ms: u64) -> (Server, u16) {
    let config = dir.write("gateway.toml", &config_text(grace_ms));
    let db = dir.join("logs.sqlite3");
    let port = free_port();
    let mut server = Server::serve_offline(port, &db, &config, &["--offline-chunk-delay-ms", "200"]);
    server.wait_until_answering(port).await;
    server.wait_for_output("ready").await;
    (server, port)
}

/// Starts a Workers AI stream through the gateway and reads until its first
/// event; returns the connection (still streaming) and the log id.
async fn start_stream(port: u16, account: &str) -> (TcpStream, String) {
    let body = r#"{"prompt":"tell me a long story","stream":true}"#;
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.expect("connect");
    let request = format!(
        "POST /v1/{account}/prod/workers-ai/{MODEL} HTTP/1.1\r\nhost: local\r\ncontent-type: application/json\r\n\
         content-length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut seen = Vec::new();
    let mut chunk = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("data:") {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .expect("the stream starts in time")
            .expect("read");
        assert!(n > 0, "closed before streaming: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&seen).into_owned();
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    let log_id = text
        .lines()
        .find_map(|line| line.strip_prefix("cf-aig-log-id: "))
        .unwrap_or_else(|| panic!("no log id: {text}"))
        .trim()
        .to_owned();
    (stream, log_id)
}

/// `(status_code, success, response_size)` of log `id`, read from the SQLite file.
/// Status, success and response size of a log, checked to be marked incomplete.
fn stored_log(db: &Path, id: &str) -> (u16, bool, u64) {
    let conn = rusqlite::Connection::open(db).expect("open the database");
    let (status, success, size, complete): (u16, bool, u64, bool) = conn
        .query_row(
            "SELECT status_code, success, response_size, response_head_complete FROM logs WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .unwrap_or_else(|e| panic!("log {id}: {e}"));
    assert!(!complete, "a cut stream's log is marked incomplete");
    (status, success, size)
}

async fn signal_cuts_the_stream_after_the_grace_period(signal: &str) {
    let grace = Duration::from_secs(1);
    let dir = TempDir::new("grace");
    let (mut server, port) = serve(&dir, 1000).await;
    let (mut stream, log_id) = start_stream(port, ACCOUNT).await;

    let signalled = Instant::now();
    server.signal(signal);
    let status = server.wait_for_exit().await;
    let took = signalled.elapsed();
    let output = server.output();
    assert!(status.success(), "{signal}: exit status {status}; output:\n{output}");
    assert!(took < grace + EXIT_BOUND, "{signal}: exited {took:?} after the signal; output:\n{output}");
    assert!(output.contains("shutting down"), "{output}");
    assert!(output.contains("grace period over"), "{output}");
    assert!(output.contains("stopped"), "{output}");
    // The client sees its stream end.
    let mut rest = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut rest)).await.expect("closed");

    let (status_code, success, size) = stored_log(&dir.join("logs.sqlite3"), &log_id);
    assert_eq!((status_code, success), (502, false), "{signal}: the cut stream's log is completed as cut");
    assert!(size > 0, "{signal}: what was sent is kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_cuts_a_stream_after_the_grace_period_and_completes_its_log() {
    signal_cuts_the_stream_after_the_grace_period("-TERM").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_cuts_a_stream_after_the_grace_period_and_completes_its_log() {
    signal_cuts_the_stream_after_the_grace_period("-INT").await;
}

async fn a_second_signal_stops_at_once(first: &str, second: &str) {
    let dir = TempDir::new("second");
    let (mut server, port) = serve(&dir, 30_000).await;
    let (_stream, _log_id) = start_stream(port, ACCOUNT).await;

    server.signal(first);
    server.wait_for_output("shutting down").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(server.exited().is_none(), "{first} did not wait for the stream; output:\n{}", server.output());
    let signalled = Instant::now();
    server.signal(second);
    let status = server.wait_for_exit().await;
    let took = signalled.elapsed();
    let output = server.output();
    assert!(!status.success(), "{first} {second}: exit status {status}; output:\n{output}");
    assert!(took < Duration::from_secs(2), "{first} {second}: exited {took:?} after the second signal");
    assert!(output.contains("second signal"), "{output}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_sigterm_stops_at_once() {
    a_second_signal_stops_at_once("-TERM", "-TERM").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_sigint_stops_at_once() {
    a_second_signal_stops_at_once("-INT", "-INT").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_gateway_shutdown_cuts_a_stream_after_the_grace_period() {
    let grace = Duration::from_millis(500);
    let dir = TempDir::new("inproc-grace");
    let db = dir.join("logs.sqlite3");
    let mut config = LocalConfig::default();
    config.shutdown_grace_ms = 500;
    let gateway = LocalGateway::builder()
        .offline(true)
        .config(config)
        .database(Database::File(db.clone()))
        .start()
        .await
        .expect("start");
    let upstream = gateway.offline_upstream().expect("offline");
    upstream.add_fault(FaultRule::new(Fault::StallAfter(3)).for_provider("workers-ai"));
    let account = gateway.config().account_id.clone();
    let (mut stream, log_id) = start_stream(gateway.addr().port(), &account).await;

    let started = Instant::now();
    tokio::time::timeout(grace + EXIT_BOUND, gateway.shutdown())
        .await
        .expect("shutdown keeps its deadline")
        .expect("shutdown");
    assert!(started.elapsed() >= grace, "the stream got no grace period");
    let mut rest = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut rest)).await.expect("closed");
    let (status_code, success, size) = stored_log(&db, &log_id);
    assert_eq!((status_code, success), (502, false), "the cut stream's log is completed as cut");
    assert!(size > 0, "what was sent is kept");
}
