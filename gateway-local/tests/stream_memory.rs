//! A gigabyte streamed through `gateway-local serve` leaves its memory
//! bounded: what is kept of a stream (its stored body, a tail for the usage
//! report) has a fixed size, whatever the stream's length.

mod common;

use std::time::{Duration, Instant};

use common::{Server, TempDir, free_port};
use serde_json::json;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

const GIGABYTE: u64 = 1 << 30;
/// What reaches the caller of a gigabyte on the wire (less the chunk framing).
const PAYLOAD: u64 = GIGABYTE / 100 * 99;

/// A scripted provider answering every request with a `total`-byte event
/// stream, as fast as the socket takes it.
async fn stream_server(total: u64) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut head = [0u8; 8192];
                let _ = socket.read(&mut head).await;
                let start = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n";
                if socket.write_all(start.as_bytes()).await.is_err() {
                    return;
                }
                let event =
                    format!("data: {{\"choices\":[{{\"delta\":{{\"content\":\"{}\"}}}}]}}\n\n", "x".repeat(900));
                let mut chunk = Vec::new();
                while chunk.len() < 60_000 {
                    chunk.extend_from_slice(event.as_bytes());
                }
                let framed = [format!("{:x}\r\n", chunk.len()).into_bytes(), chunk, b"\r\n".to_vec()].concat();
                let mut sent = 0u64;
                while sent < total {
                    if socket.write_all(&framed).await.is_err() {
                        return;
                    }
                    sent += framed.len() as u64;
                }
                let usage = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}\n\ndata: [DONE]\n\n";
                let last = format!("{:x}\r\n{usage}\r\n0\r\n\r\n", usage.len());
                let _ = socket.write_all(last.as_bytes()).await;
            });
        }
    });
    addr
}

/// A `/proc/{pid}/status` figure (`VmRSS`, `VmHWM`) in bytes.
fn memory(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() * 1024
}

#[tokio::test]
async fn a_gigabyte_stream_passes_through_in_bounded_memory() {
    let upstream = stream_server(GIGABYTE).await;
    let dir = TempDir::new("stream-memory");
    let config = dir.write(
        "gateway.toml",
        &format!("max_stored_body_bytes = 1048576\n[upstreams]\nopenai = \"http://{upstream}/v1\"\n"),
    );
    let port = free_port();
    let db = dir.join("logs.sqlite3");
    let mut server = Server::spawn(&[
        "serve",
        "--port",
        &port.to_string(),
        "--db",
        common::path_arg(&db),
        "--config",
        common::path_arg(&config),
    ]);
    server.wait_until_answering(port).await;
    let http = reqwest::Client::new();
    let body = json!({"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "q"}]});
    let mut response = http
        .post(format!("http://127.0.0.1:{port}/v1/local-account/g/openai/chat/completions"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let log_id = response.headers()["cf-aig-log-id"].to_str().unwrap().to_owned();
    let warmed = memory(server.pid(), "VmRSS:");
    let mut received = 0u64;
    let mut tail = Vec::new();
    while let Some(chunk) = response.chunk().await.unwrap() {
        received += chunk.len() as u64;
        tail = chunk.to_vec();
    }
    assert!(received > PAYLOAD, "{received}: {}", String::from_utf8_lossy(&tail[tail.len().saturating_sub(300)..]));
    assert!(String::from_utf8_lossy(&tail).ends_with("data: [DONE]\n\n"));
    let peak = memory(server.pid(), "VmHWM:");
    assert!(
        peak < warmed + (64 << 20),
        "streaming 1 GiB took the gateway from {} MiB to a peak of {} MiB",
        warmed >> 20,
        peak >> 20
    );
    println!("gateway memory: {} MiB after the head, peak {} MiB over 1 GiB", warmed >> 20, peak >> 20);

    // Logged with the whole size and the usage from its end; its body kept only in part.
    let logs = format!("http://127.0.0.1:{port}/client/v4/accounts/local-account/ai-gateway/gateways/g/logs/{log_id}");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = http.get(&logs).bearer_auth("local-api-token").send().await.unwrap().text().await.unwrap();
        let log: serde_json::Value = serde_json::from_str(&text).unwrap();
        let log = &log["result"];
        if log["response_size"].as_u64() == Some(received) {
            assert_eq!(log["response_head_complete"], false);
            assert_eq!((log["tokens_in"].clone(), log["tokens_out"].clone()), (json!(3), json!(4)));
            break;
        }
        assert!(Instant::now() < deadline, "the stream's log was not completed: {log}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let stored = http.get(format!("{logs}/response")).bearer_auth("local-api-token").send().await.unwrap();
    assert_eq!(stored.bytes().await.unwrap().len(), 1 << 20);
}
