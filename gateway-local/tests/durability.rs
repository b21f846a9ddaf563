//! Durability and load: no answered request is ever lost.
//!
//! 1. The real binary, on a SQLite file, is killed with SIGKILL while 16
//!    requests are in flight. Every request that was answered 200 before the
//!    kill (its log id in hand) is still listed and readable after a restart on
//!    the same file, and the file passes SQLite's `PRAGMA integrity_check`.
//! 2. An embedded gateway, logging to a file, answers 10 000 calls with 256
//!    in flight: all 200, 10 000 distinct log ids, exactly 10 000 rows stored
//!    (none lost, none twice), and after a 2 000-request warm-up the
//!    process's resident memory grows by less than 24 MiB over the other
//!    8 000 (measured: 4–8 MiB; a leak of 4 KiB a request would exceed it).
//!
//! 3. The real binary, streaming slowly (`--offline-chunk-delay-ms`), is
//!    killed with SIGKILL after the client got the response head and the first
//!    event but long before the stream's end: the log whose id the client was
//!    given is there after a restart (the provisional log written before the
//!    first byte went out), decodes, and the file passes `integrity_check`.
//!
//! The tests are bounded in time; the child process is killed by a guard if a
//! test fails, and the temporary directory is removed. They run one at a time
//! so that the memory figures of one are not polluted by the others.

use std::collections::BTreeSet;
use std::os::unix::process::ExitStatusExt;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::StreamExt;
use gateway_core::{Ai, Gateway, GatewayOptions, ListLogs, RunOptions};
use gateway_local::{Database, LocalGateway};
use serde_json::{Value, json};

mod common;
use common::{PATIENCE, Server, TempDir, client, free_port};

const ACCOUNT: &str = "durable-account";
const API_TOKEN: &str = "durable-token";
const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
const CONFIG: &str = r#"
account_id = "durable-account"
api_token = "durable-token"

[gateways.prod]
collect_logs = true
"#;

/// The tests take turns: the RSS figures of one must not include the other's work.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Every log id of `gateway`, paging through `list_logs` 50 at a time.
async fn list_all(ai: &Ai, gateway: &str) -> (BTreeSet<String>, Option<u64>) {
    let gateway = ai.gateway(gateway);
    let mut ids = BTreeSet::new();
    let mut total = None;
    for page in 1..=1_000 {
        let listed = gateway.list_logs(&ListLogs::new().per_page(50).page(page)).await.expect("list logs");
        total = listed.info.total_count;
        let n = listed.logs.len();
        ids.extend(listed.logs.into_iter().map(|log| log.id));
        if n < 50 {
            break;
        }
    }
    (ids, total)
}

/// This process's resident set size in KiB (`VmRSS` of `/proc/self/status`).
fn vm_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).expect("a VmRSS line");
    line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).expect("a VmRSS figure in kB")
}

// ---------------------------------------------------------------------------
// 1. SIGKILL under write load

/// Stop the load (and kill) once this many requests were answered...
const KILL_AFTER_ANSWERED: usize = 300;
/// ...or after this long, whichever comes first.
const KILL_AFTER: Duration = Duration::from_millis(1_500);
/// Concurrent requests during the load.
const LOAD_IN_FLIGHT: usize = 16;
/// No more requests than this are ever started.
const LOAD_CAP: usize = 20_000;

/// What the load workers share.
#[derive(Default)]
struct Load {
    started: AtomicUsize,
    in_flight: AtomicUsize,
    killed: AtomicBool,
    stop: AtomicBool,
    /// Log ids of the requests answered 200 (complete, decoded).
    answered: Mutex<Vec<String>>,
    /// Failures seen before the kill: there must be none.
    early_errors: Mutex<Vec<String>>,
    /// Requests cut off by the kill.
    cut_off: AtomicUsize,
}

impl Load {
    fn answered(&self) -> Vec<String> {
        self.answered.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

async fn load_worker(ai: Ai, load: Arc<Load>) {
    let options = RunOptions::new().gateway(GatewayOptions::new("prod"));
    while !load.stop.load(Ordering::SeqCst) {
        let n = load.started.fetch_add(1, Ordering::SeqCst);
        if n >= LOAD_CAP {
            break;
        }
        load.in_flight.fetch_add(1, Ordering::SeqCst);
        let result = ai.run::<_, Value>(MODEL, &json!({"prompt": format!("durable {n}")}), &options).await;
        load.in_flight.fetch_sub(1, Ordering::SeqCst);
        match result {
            Ok(answer) => {
                let id = answer.log_id().unwrap_or_else(|| panic!("request {n} answered without a log id"));
                load.answered.lock().unwrap_or_else(PoisonError::into_inner).push(id.to_owned());
            }
            Err(_) if load.killed.load(Ordering::SeqCst) => {
                load.cut_off.fetch_add(1, Ordering::SeqCst);
                break;
            }
            Err(e) => load.early_errors.lock().unwrap_or_else(PoisonError::into_inner).push(format!("{n}: {e}")),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_under_write_load_loses_no_answered_request() {
    sigkill_under_write_load(false).await;
}

/// The same on one CPU, where the binary runs tokio's single-threaded
/// scheduler beside its writer thread (how the benchmarks run it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_under_write_load_on_one_cpu_loses_no_answered_request() {
    sigkill_under_write_load(true).await;
}

async fn sigkill_under_write_load(one_cpu: bool) {
    let _turn = SERIAL.lock().await;
    let began = Instant::now();
    let dir = TempDir::new("durability");
    std::fs::write(dir.join("gateway.toml"), CONFIG).expect("write the config");
    let db = dir.join("logs.sqlite3");

    // First run: load, then SIGKILL with requests in flight.
    let (mut server, port) =
        if one_cpu { Server::serve_answering_on_one_cpu(&dir).await } else { Server::serve_answering(&dir).await };
    let ai = client(port, ACCOUNT, API_TOKEN);
    let load = Arc::new(Load::default());
    let workers: Vec<_> =
        (0..LOAD_IN_FLIGHT).map(|_| tokio::spawn(load_worker(ai.clone(), Arc::clone(&load)))).collect();
    let load_began = Instant::now();
    loop {
        let answered = load.answered.lock().unwrap_or_else(PoisonError::into_inner).len();
        if answered >= KILL_AFTER_ANSWERED || load_began.elapsed() >= KILL_AFTER {
            break;
        }
        if let Some(status) = server.exited() {
            panic!("the server died under load ({status}); output:\n{}", server.output());
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let in_flight_at_kill = load.in_flight.load(Ordering::SeqCst);
    let answered_at_kill = load.answered().len();
    load.killed.store(true, Ordering::SeqCst);
    server.signal("-9");
    let status = server.wait_for_exit().await;
    load.stop.store(true, Ordering::SeqCst);
    let load_time = load_began.elapsed();
    assert_eq!(status.signal(), Some(9), "not killed by SIGKILL: {status}; output:\n{}", server.output());
    for worker in workers {
        tokio::time::timeout(PATIENCE, worker).await.expect("a load worker hangs").expect("a load worker panicked");
    }
    drop(ai);

    let early_errors = load.early_errors.lock().unwrap_or_else(PoisonError::into_inner).clone();
    assert!(early_errors.is_empty(), "requests failed before the kill: {early_errors:?}");
    let answered = load.answered();
    let recorded: BTreeSet<String> = answered.iter().cloned().collect();
    assert_eq!(recorded.len(), answered.len(), "a log id was answered twice");
    assert!(answered.len() >= 50, "too little load before the kill: {} answered", answered.len());
    assert!(in_flight_at_kill > 0, "no request was in flight at the kill");
    let wal = std::fs::metadata(dir.join("logs.sqlite3-wal")).map_or(0, |m| m.len());
    println!(
        "sigkill: {} answered ({answered_at_kill} when the kill was decided) in {load_time:?}, \
         {in_flight_at_kill} in flight at the kill, {} cut off, {} started; WAL left behind: {wal} bytes",
        answered.len(),
        load.cut_off.load(Ordering::SeqCst),
        load.started.load(Ordering::SeqCst).min(LOAD_CAP),
    );

    // Second run on the same file: every answered request is there.
    let (server, port) = Server::serve_answering(&dir).await;
    let ai = client(port, ACCOUNT, API_TOKEN);
    let (listed, total) = list_all(&ai, "prod").await;
    let missing: Vec<&String> = recorded.difference(&listed).collect();
    assert!(missing.is_empty(), "{} answered logs lost by the kill: {missing:?}", missing.len());
    assert_eq!(total, Some(listed.len() as u64), "total_count disagrees with the pages");
    let gateway = ai.gateway("prod");
    let fetched: Vec<(String, Result<gateway_core::AiGatewayLog, gateway_core::Error>)> =
        futures::stream::iter(answered.iter().cloned())
            .map(|id| {
                let gateway = gateway.clone();
                async move {
                    let log = gateway.get_log(&id).await;
                    (id, log)
                }
            })
            .buffer_unordered(16)
            .collect()
            .await;
    for (id, log) in fetched {
        let log = log.unwrap_or_else(|e| panic!("get_log({id}) after the restart: {e}"));
        assert_eq!((log.id.as_str(), log.model.as_str(), log.success), (id.as_str(), MODEL, true));
    }
    drop(ai);
    let (verdict, count) = stop_and_judge(server, db).await;
    assert!(count >= answered.len() as u64, "{count} rows stored, {} answered", answered.len());
    assert_eq!(count, listed.len() as u64, "rows stored vs logs listed");
    println!(
        "sigkill: {count} rows after the restart ({} answered + {} whose answer never arrived); \
         integrity_check = {verdict}; whole test {:?}",
        answered.len(),
        count - answered.len() as u64,
        began.elapsed()
    );
}

/// Stops the restarted server with Ctrl-C (it must exit cleanly), then opens
/// its database in-process and lets SQLite judge it: the `integrity_check`
/// verdict (asserted `ok`) and the rows stored.
async fn stop_and_judge(mut server: Server, db: std::path::PathBuf) -> (String, u64) {
    let status = server.interrupt().await;
    assert!(status.success(), "the restarted server did not stop cleanly: {status}; output:\n{}", server.output());
    let gateway =
        LocalGateway::builder().database(Database::File(db)).start().await.expect("open the database after the kill");
    let verdict = gateway.store().integrity_check().await.expect("integrity_check");
    assert_eq!(verdict, "ok", "PRAGMA integrity_check");
    let count = gateway.store().count().await.expect("count");
    gateway.shutdown().await.expect("shutdown");
    (verdict, count)
}

// ---------------------------------------------------------------------------
// 2. 10 000 requests, 256 in flight

const REQUESTS: usize = 10_000;
const IN_FLIGHT: usize = 256;
/// Requests before memory is measured: connection pools, the runtime and
/// SQLite's page cache (bounded) reach their working size.
const WARM_UP: usize = 2_000;
/// Largest RSS growth accepted over the 8 000 requests after the warm-up.
/// The logs go to a file, so nothing per request should stay in memory: a
/// leak of even 4 KiB a request would show as ~31 MiB.
const RSS_BOUND_KIB: u64 = 24 * 1024;
/// The whole run must end within this (it is meant to take well under 60 s).
const LOAD_DEADLINE: Duration = Duration::from_secs(180);

/// Runs requests `range` with `IN_FLIGHT` at a time; each gives its log id or why not.
async fn load(ai: &Ai, range: std::ops::Range<usize>) -> Vec<Result<String, String>> {
    let options = RunOptions::new().gateway(GatewayOptions::new("main"));
    let run = futures::stream::iter(range)
        .map(|i| {
            let (ai, options) = (ai.clone(), options.clone());
            async move {
                let answer = ai
                    .run::<_, Value>(MODEL, &json!({"prompt": format!("load {i}")}), &options)
                    .await
                    .map_err(|e| format!("request {i}: {e}"))?;
                if !answer.output["response"].as_str().is_some_and(|r| r.starts_with("Offline answer")) {
                    return Err(format!("request {i}: unexpected output {}", answer.output));
                }
                answer.log_id().map(str::to_owned).ok_or_else(|| format!("request {i}: no log id"))
            }
        })
        .buffer_unordered(IN_FLIGHT)
        .collect::<Vec<Result<String, String>>>();
    tokio::time::timeout(LOAD_DEADLINE, run).await.expect("the requests end within the deadline")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_requests_with_256_in_flight() {
    let _turn = SERIAL.lock().await;
    let dir = TempDir::new("load");
    let db = dir.join("logs.sqlite3");
    let gateway = LocalGateway::builder().offline(true).database(Database::File(db)).start().await.expect("start");
    let ai = Ai::new(gateway.client_config().with_timeout(Duration::from_secs(60))).expect("a client");

    let began = Instant::now();
    let mut results = load(&ai, 0..WARM_UP).await;
    let rss_warm = vm_rss_kib();
    let peak = Arc::new(AtomicUsize::new(usize::try_from(rss_warm).expect("fits")));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (Arc::clone(&peak), Arc::clone(&done));
        tokio::spawn(async move {
            while !done.load(Ordering::SeqCst) {
                peak.fetch_max(usize::try_from(vm_rss_kib()).expect("fits"), Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    results.extend(load(&ai, WARM_UP..REQUESTS).await);
    let elapsed = began.elapsed();
    done.store(true, Ordering::SeqCst);
    sampler.await.expect("the RSS sampler");
    let rss_after = vm_rss_kib();
    let rss_peak = u64::try_from(peak.load(Ordering::SeqCst)).expect("fits").max(rss_after);

    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {REQUESTS} failed, first: {:?}",
        failures.len(),
        &failures[..5.min(failures.len())]
    );
    let ids: BTreeSet<&String> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ids.len(), REQUESTS, "distinct log ids");
    assert_eq!(gateway.store().count().await.expect("count"), REQUESTS as u64, "rows stored");
    let page = ai.gateway("main").list_logs(&ListLogs::new().per_page(1)).await.expect("list logs");
    assert_eq!(page.info.total_count, Some(REQUESTS as u64), "total_count");

    let growth = rss_after.saturating_sub(rss_warm);
    let peak_growth = rss_peak.saturating_sub(rss_warm);
    #[allow(clippy::cast_precision_loss, reason = "a rate for a human")]
    let rate = REQUESTS as f64 / elapsed.as_secs_f64();
    println!(
        "load: {REQUESTS} requests, {IN_FLIGHT} in flight, in {elapsed:?} ({rate:.0}/s); \
         VmRSS after {WARM_UP} requests {rss_warm} KiB, peak {rss_peak} KiB, after all {rss_after} KiB \
         (growth {growth} KiB, peak growth {peak_growth} KiB)"
    );
    assert!(growth < RSS_BOUND_KIB, "RSS grew by {growth} KiB over {} requests", REQUESTS - WARM_UP);
    assert!(peak_growth < RSS_BOUND_KIB, "RSS peaked {peak_growth} KiB above its warm level");
    drop(ai);
    gateway.shutdown().await.expect("shutdown");
}

// ---------------------------------------------------------------------------
// 3. SIGKILL in the middle of a stream

/// Gap between the offline upstream's stream events: the stream lasts seconds.
const SLOW_CHUNK_DELAY_MS: &str = "400";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_stream_keeps_the_streamed_request_log() {
    let _turn = SERIAL.lock().await;
    let dir = TempDir::new("midstream");
    std::fs::write(dir.join("gateway.toml"), CONFIG).expect("write the config");
    let db = dir.join("logs.sqlite3");
    let config = dir.join("gateway.toml");

    // First run: a slow stream, killed once its head and first event are in.
    let port = free_port();
    let mut server = Server::serve_offline(port, &db, &config, &["--offline-chunk-delay-ms", SLOW_CHUNK_DELAY_MS]);
    server.wait_until_answering(port).await;
    // "ready" is printed once the chunk delay is set.
    server.wait_for_output("ready").await;
    let ai = client(port, ACCOUNT, API_TOKEN);
    let options = RunOptions::new().gateway(GatewayOptions::new("prod"));
    let began = Instant::now();
    let mut stream = ai
        .run_stream::<_, Value>(MODEL, &json!({"prompt": "a slow stream cut short"}), &options)
        .await
        .unwrap_or_else(|e| panic!("the stream did not start: {e}; output:\n{}", server.output()));
    let log_id = stream.meta.log_id.clone().expect("a log id in the response head");
    let first = tokio::time::timeout(PATIENCE, stream.next())
        .await
        .expect("the first event in time")
        .expect("a first event")
        .expect("a decodable first event");
    assert!(first["response"].is_string(), "a Workers AI chunk: {first}");
    let first_at = began.elapsed();
    server.signal("-9");
    let status = server.wait_for_exit().await;
    assert_eq!(status.signal(), Some(9), "not killed by SIGKILL: {status}; output:\n{}", server.output());
    // The client saw the stream cut off, not a short answer: it was killed mid-stream.
    let rest: Vec<_> = tokio::time::timeout(PATIENCE, stream.collect::<Vec<_>>()).await.expect("the stream ends");
    assert!(
        rest.last().is_some_and(Result::is_err),
        "the stream was not cut off by the kill (first event after {first_at:?}): {rest:?}"
    );
    drop(ai);

    // Second run on the same file: the streamed request's log is there and decodes.
    let (server, port) = Server::serve_answering(&dir).await;
    let ai = client(port, ACCOUNT, API_TOKEN);
    let gateway = ai.gateway("prod");
    let log = gateway
        .get_log(&log_id)
        .await
        .unwrap_or_else(|e| panic!("the log of the killed stream is lost: {e}; output:\n{}", server.output()));
    assert_eq!((log.id.as_str(), log.model.as_str(), log.provider.as_str()), (log_id.as_str(), MODEL, "workers-ai"));
    assert_eq!((log.status_code, log.success, log.cached), (Some(200), true, false));
    assert_eq!(log.response_content_type.as_deref().map(|t| t.starts_with("text/event-stream")), Some(true));
    // Provisional: the stream never ended, so the response is marked incomplete.
    assert_eq!(log.response_head_complete, Some(false), "{log:?}");
    assert_eq!((log.tokens_in, log.tokens_out, log.cost), (None, None, None), "{log:?}");
    assert!(log.response_head.as_deref().is_some_and(|h| h.starts_with("data: ")), "the first event: {log:?}");
    assert!(log.request_head.as_deref().is_some_and(|h| h.contains("a slow stream cut short")), "{log:?}");
    let listed = gateway.list_logs(&ListLogs::new().per_page(50)).await.expect("list logs after the restart");
    assert_eq!(listed.info.total_count, Some(1), "exactly the streamed request's log");
    assert_eq!(listed.logs.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), [log_id.as_str()]);
    drop(ai);
    let (_, count) = stop_and_judge(server, db).await;
    assert_eq!(count, 1, "rows stored");
}
