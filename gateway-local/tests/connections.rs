//! The connection layer under attack: slowloris heads, idle keep-alive
//! connections, never-ending request bodies and connection floods past the
//! cap. During each attack a normal client keeps getting answers (each within
//! a generous bound), and the attacking connections are closed by the server
//! once their deadline passes. The last test floods the real binary running
//! with 256 file descriptors.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use gateway_local::{LocalConfig, LocalGateway};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;

mod common;
use common::{Server, TempDir, free_port};

const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
/// The bound on every normal request during an attack.
const ANSWER_BOUND: Duration = Duration::from_secs(3);
/// Slack on top of a deadline before a connection must be seen closed.
const CLOSE_SLACK: Duration = Duration::from_secs(3);

fn config(header_ms: u64, idle_ms: u64, body_ms: u64, max_connections: usize) -> LocalConfig {
    let mut config = LocalConfig::default();
    config.header_read_timeout_ms = header_ms;
    config.idle_timeout_ms = idle_ms;
    config.body_read_timeout_ms = body_ms;
    config.max_connections = max_connections;
    config
}

async fn start(config: LocalConfig) -> LocalGateway {
    LocalGateway::builder().offline(true).config(config).start().await.expect("the gateway starts")
}

/// A normal client asking for a Workers AI answer every 100 ms on its own
/// keep-alive connection until told to stop; every answer must be a 200
/// within [`ANSWER_BOUND`]. Returns how many it got.
struct NormalClient {
    stop: Arc<AtomicBool>,
    task: JoinHandle<usize>,
}

impl NormalClient {
    async fn start(base: &str, account: &str) -> Self {
        let client = reqwest::Client::builder().timeout(ANSWER_BOUND).build().expect("a client");
        let url = format!("{base}/v1/{account}/default/workers-ai/{MODEL}");
        // Connected (and holding its connection) before the attack begins.
        ask(&client, &url, 0).await;
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let task = tokio::spawn(async move {
            let mut answered = 1;
            while !stopped.load(Ordering::Relaxed) {
                ask(&client, &url, answered).await;
                answered += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            answered
        });
        Self { stop, task }
    }

    /// Stops and returns how many answers it got (panics if one failed).
    async fn finish(self) -> usize {
        self.stop.store(true, Ordering::Relaxed);
        match self.task.await {
            Ok(answered) => answered,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
}

async fn ask(client: &reqwest::Client, url: &str, n: usize) {
    let started = Instant::now();
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .body(r#"{"prompt":"still there?"}"#)
        .send()
        .await
        .unwrap_or_else(|e| panic!("normal request {n} failed during the attack: {e}"));
    assert_eq!(response.status(), 200, "normal request {n}");
    let body = response.text().await.unwrap_or_else(|e| panic!("normal request {n}: body: {e}"));
    assert!(body.contains("Offline answer"), "normal request {n}: {body}");
    assert!(started.elapsed() < ANSWER_BOUND, "normal request {n} took {:?}", started.elapsed());
}

/// Reads until the server closes the connection (EOF or reset), up to
/// `limit`; returns everything read, and when it closed after `since`
/// (`None`: still open at the limit).
async fn read_until_closed(stream: &mut TcpStream, since: Instant, limit: Duration) -> (Vec<u8>, Option<Duration>) {
    let mut seen = Vec::new();
    let mut chunk = [0u8; 4096];
    let deadline = tokio::time::Instant::from_std(since + limit);
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await {
            Ok(Ok(0) | Err(_)) => return (seen, Some(since.elapsed())),
            Ok(Ok(n)) => seen.extend_from_slice(&chunk[..n]),
            Err(_) => return (seen, None),
        }
    }
}

/// Reads one whole response with a `content-length` body; `(head, body)`.
async fn read_response(stream: &mut TcpStream) -> (String, String) {
    let mut seen = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&seen[..end]).into_owned();
            let length: usize = head
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length").then(|| value.trim().parse().ok())?
                })
                .expect("a content-length");
            while seen.len() < end + 4 + length {
                let n = tokio::time::timeout(ANSWER_BOUND, stream.read(&mut chunk))
                    .await
                    .expect("the body in time")
                    .expect("read the body");
                assert!(n > 0, "closed mid-body");
                seen.extend_from_slice(&chunk[..n]);
            }
            return (head, String::from_utf8_lossy(&seen[end + 4..end + 4 + length]).into_owned());
        }
        let n = tokio::time::timeout(ANSWER_BOUND, stream.read(&mut chunk))
            .await
            .expect("a response in time")
            .expect("read the response");
        assert!(n > 0, "closed before answering: {:?}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&chunk[..n]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_heads_are_cut_after_the_header_timeout_while_others_are_served() {
    let header = Duration::from_secs(1);
    let gateway = start(config(1000, 30_000, 30_000, 64)).await;
    let normal = NormalClient::start(&gateway.url(), &gateway.config().account_id).await;
    let addr = gateway.addr();
    let attackers: Vec<JoinHandle<Option<Duration>>> = (0..40)
        .map(|_| {
            tokio::spawn(async move {
                let started = Instant::now();
                let stream = TcpStream::connect(addr).await.expect("connect");
                let (mut read, mut write) = stream.into_split();
                // A header byte every 100 ms, never finishing the head.
                let dribble = tokio::spawn(async move {
                    for byte in b"POST /v1/local-account/default/workers-ai/x HTTP/1.1\r\nx-slow: ".iter().cycle() {
                        if write.write_all(&[*byte]).await.is_err() {
                            break;
                        }
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                });
                let mut chunk = [0u8; 64];
                let closed = tokio::time::timeout(header + CLOSE_SLACK, async {
                    loop {
                        match read.read(&mut chunk).await {
                            Ok(0) | Err(_) => break started.elapsed(),
                            Ok(_) => {}
                        }
                    }
                })
                .await
                .ok();
                dribble.abort();
                closed
            })
        })
        .collect();
    for (i, attacker) in attackers.into_iter().enumerate() {
        let closed = attacker.await.expect("the attacker ran");
        assert!(closed.is_some(), "slowloris connection {i} still open after {:?}", header + CLOSE_SLACK);
    }
    let answered = normal.finish().await;
    assert!(answered >= 5, "only {answered} normal answers during the attack");
    gateway.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_keep_alive_connections_are_closed_after_the_idle_timeout_not_the_header_timeout() {
    let (header, idle) = (Duration::from_millis(500), Duration::from_secs(2));
    let gateway = start(config(500, 2000, 30_000, 64)).await;
    let normal = NormalClient::start(&gateway.url(), &gateway.config().account_id).await;
    let request = "GET /no-such-route HTTP/1.1\r\nhost: local\r\n\r\n";

    // One keep-alive connection waits longer than the header timeout, but
    // less than the idle timeout, between two requests: both are answered.
    let mut patient = TcpStream::connect(gateway.addr()).await.expect("connect");
    patient.write_all(request.as_bytes()).await.expect("send");
    let (head, _) = read_response(&mut patient).await;
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    tokio::time::sleep(header * 2).await;
    patient.write_all(request.as_bytes()).await.expect("send again");
    let (head, body) = read_response(&mut patient).await;
    assert!(head.starts_with("HTTP/1.1 404"), "kept alive past the header timeout: {head}");
    assert!(body.contains("No route"), "{body}");

    // Many connections answered once, then silent: all closed after the idle timeout.
    let mut idlers = Vec::new();
    for _ in 0..30 {
        let mut stream = TcpStream::connect(gateway.addr()).await.expect("connect");
        stream.write_all(request.as_bytes()).await.expect("send");
        let (head, _) = read_response(&mut stream).await;
        assert!(head.starts_with("HTTP/1.1 404"), "{head}");
        idlers.push(stream);
    }
    let since = Instant::now();
    for (i, stream) in idlers.iter_mut().enumerate() {
        let (extra, closed) = read_until_closed(stream, since, idle + CLOSE_SLACK).await;
        assert!(extra.is_empty(), "idle connection {i} got {:?}", String::from_utf8_lossy(&extra));
        assert!(closed.is_some(), "idle connection {i} still open after {:?}", idle + CLOSE_SLACK);
    }
    let (_, closed) = read_until_closed(&mut patient, since, idle + CLOSE_SLACK).await;
    assert!(closed.is_some(), "the patient connection stayed open once idle");
    let answered = normal.finish().await;
    assert!(answered >= 5, "only {answered} normal answers during the attack");
    gateway.shutdown().await.expect("shutdown");
}

/// The deadline of a request's head also holds on a connection that already
/// served requests (its watchdog is not woken per request, yet must see the
/// earlier deadline a started head brings): a head begun after many
/// answered requests, then stalled, is cut after the header timeout, long
/// before the idle timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_head_stalled_after_served_requests_is_cut_at_the_header_timeout() {
    let (header, idle) = (Duration::from_millis(400), Duration::from_secs(20));
    let gateway = start(config(400, 20_000, 30_000, 64)).await;
    let request = "GET /no-such-route HTTP/1.1\r\nhost: local\r\n\r\n";
    let mut stream = TcpStream::connect(gateway.addr()).await.expect("connect");
    for i in 0..50 {
        stream.write_all(request.as_bytes()).await.expect("send");
        let (head, _) = read_response(&mut stream).await;
        assert!(head.starts_with("HTTP/1.1 404"), "request {i}: {head}");
    }
    // Idle for a while (longer than the header timeout), then half a head.
    tokio::time::sleep(header * 2).await;
    stream.write_all(b"GET /no-such-route HTTP/1.1\r\nhost: lo").await.expect("send half a head");
    let since = Instant::now();
    let (extra, closed) = read_until_closed(&mut stream, since, header + CLOSE_SLACK).await;
    let closed = closed.unwrap_or_else(|| panic!("a stalled head still open after {:?}", header + CLOSE_SLACK));
    assert!(closed < idle / 2, "cut by the idle timeout, not the header timeout: {closed:?}");
    assert!(
        extra.is_empty() || String::from_utf8_lossy(&extra).starts_with("HTTP/1.1 408"),
        "{:?}",
        String::from_utf8_lossy(&extra)
    );
    gateway.shutdown().await.expect("shutdown");
}

/// Sends a request head with a chunked body, then a chunk every 100 ms, forever.
async fn never_ending_body(stream: TcpStream, head: String) -> (tokio::net::tcp::OwnedReadHalf, JoinHandle<()>) {
    let (read, mut write) = stream.into_split();
    write.write_all(head.as_bytes()).await.expect("send the head");
    let dribble = tokio::spawn(async move {
        loop {
            if write.write_all(b"1\r\n{\r\n").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    (read, dribble)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn never_ending_and_stalled_bodies_get_408_in_the_apis_shape_and_their_connection_closed() {
    let body_limit = Duration::from_secs(1);
    let gateway = start(config(10_000, 30_000, 1000, 64)).await;
    let account = gateway.config().account_id.clone();
    let normal = NormalClient::start(&gateway.url(), &account).await;
    let gateway_head = format!(
        "POST /v1/{account}/default/workers-ai/{MODEL} HTTP/1.1\r\nhost: local\r\ncontent-type: application/json\r\n\
         transfer-encoding: chunked\r\n\r\n"
    );
    let api_head = format!(
        "POST /client/v4/accounts/{account}/ai/run/{MODEL} HTTP/1.1\r\nhost: local\r\n\
         authorization: Bearer local-api-token\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
    );
    let mut attackers = Vec::new();
    for i in 0..16 {
        let mut head = if i % 2 == 0 { gateway_head.clone() } else { api_head.clone() };
        let addr = gateway.addr();
        attackers.push(tokio::spawn(async move {
            let since = Instant::now();
            let stream = TcpStream::connect(addr).await.expect("connect");
            let (mut read, dribble) = if i < 10 {
                never_ending_body(stream, head).await
            } else {
                // A body that stalls: 5 bytes of a promised 1000, then silence.
                head = head.replace("transfer-encoding: chunked", "content-length: 1000") + "{\"pro";
                let (read, mut write) = stream.into_split();
                write.write_all(head.as_bytes()).await.expect("send the head");
                (
                    read,
                    tokio::spawn(async move {
                        std::future::pending::<()>().await;
                        drop(write);
                    }),
                )
            };
            let mut seen = Vec::new();
            let mut chunk = [0u8; 4096];
            let closed = tokio::time::timeout(body_limit + CLOSE_SLACK, async {
                loop {
                    match read.read(&mut chunk).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => seen.extend_from_slice(&chunk[..n]),
                    }
                }
            })
            .await
            .is_ok();
            dribble.abort();
            (i, String::from_utf8_lossy(&seen).into_owned(), closed, since.elapsed())
        }));
    }
    for attacker in attackers {
        let (i, answer, closed, _) = attacker.await.expect("the attacker ran");
        assert!(answer.starts_with("HTTP/1.1 408"), "attacker {i}: {answer:?}");
        assert!(answer.to_ascii_lowercase().contains("connection: close"), "attacker {i}: {answer}");
        assert!(answer.contains("did not arrive within 1000 ms"), "attacker {i}: {answer}");
        if i % 2 == 0 {
            assert!(answer.contains(r#""error":[{"code":"#), "attacker {i}: the gateway's shape: {answer}");
        } else {
            assert!(answer.contains(r#""errors":[{"code":"#), "attacker {i}: the v4 API's shape: {answer}");
        }
        assert!(closed, "attacker {i}: connection still open after its 408");
    }
    let answered = normal.finish().await;
    assert!(answered >= 5, "only {answered} normal answers during the attack");
    gateway.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_past_the_cap_waits_unaccepted_while_connected_clients_are_served() {
    let header = Duration::from_secs(1);
    let (cap, flood): (usize, usize) = (8, 24);
    let gateway = start(config(1000, 30_000, 30_000, cap)).await;
    // The normal client holds one of the `cap` connections.
    let normal = NormalClient::start(&gateway.url(), &gateway.config().account_id).await;
    let since = Instant::now();
    let mut silent = Vec::new();
    for _ in 0..flood {
        silent.push(TcpStream::connect(gateway.addr()).await.expect("connect (the backlog takes it)"));
    }
    // A new client during the flood is served once slots free up.
    let newcomer = {
        let url = format!("{}/no-such-route", gateway.url());
        tokio::spawn(async move {
            let client = reqwest::Client::builder().timeout(Duration::from_secs(15)).build().expect("a client");
            client.get(url).send().await.map(|r| r.status())
        })
    };
    let waves = flood.div_ceil(cap - 1);
    let limit = header * u32::try_from(waves).expect("few waves") + CLOSE_SLACK;
    let mut closed_at = Vec::new();
    for (i, stream) in silent.iter_mut().enumerate() {
        let (_, closed) = read_until_closed(stream, since, limit).await;
        closed_at.push(closed.unwrap_or_else(|| panic!("flood connection {i} still open after {limit:?}")));
    }
    // At most `cap` were served at once: the last were accepted (and timed out) waves later.
    let last = closed_at.iter().max().copied().unwrap_or_default();
    assert!(last >= header * 3 / 2, "all {flood} closed by {last:?}: the cap of {cap} did not hold them back");
    let status = newcomer.await.expect("the newcomer ran").expect("the newcomer was answered");
    assert_eq!(status, 404);
    let answered = normal.finish().await;
    assert!(answered >= 5, "only {answered} normal answers during the attack");
    gateway.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_with_256_file_descriptors_caps_connections_to_fit_and_survives_a_flood_of_300() {
    let dir = TempDir::new("fd-flood");
    let config = dir.write(
        "gateway.toml",
        // The default max_connections (1024) is more than 256 descriptors allow: capped to fit.
        "account_id = \"fd-account\"\nheader_read_timeout_ms = 1000\nidle_timeout_ms = 30000\n",
    );
    let port = free_port();
    let port_arg = port.to_string();
    let mut server = Server::spawn_under_fd_limit(
        256,
        &["serve", "--port", &port_arg, "--offline", "--config", common::path_arg(&config)],
    );
    server.wait_until_answering(port).await;
    let base = format!("http://127.0.0.1:{port}");
    let normal = NormalClient::start(&base, "fd-account").await;
    // 300 sockets that never send a byte, held open by the attacker throughout.
    let mut flood = Vec::new();
    for _ in 0..300 {
        flood.push(TcpStream::connect(("127.0.0.1", port)).await.expect("connect"));
    }
    // A new client is served while the whole flood is still connected.
    let started = Instant::now();
    let client = reqwest::Client::builder().timeout(Duration::from_secs(15)).build().expect("a client");
    let status = client
        .get(format!("{base}/no-such-route"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("a new client got no answer during the flood: {e}; output:\n{}", server.output()))
        .status();
    assert_eq!(status, 404);
    assert!(started.elapsed() < Duration::from_secs(10), "the new client waited {:?}", started.elapsed());
    let answered = normal.finish().await;
    assert!(answered >= 5, "only {answered} normal answers during the flood");
    assert!(server.exited().is_none(), "the server died; output:\n{}", server.output());
    assert!(server.output().contains("capped_at=112"), "{}", server.output());
    drop(flood);
    let status = server.interrupt().await;
    assert!(status.success(), "exit status {status}; output:\n{}", server.output());
}
