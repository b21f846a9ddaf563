//! gateway-local against hostile callers and hostile upstreams: one caller's
//! cached answer is never served to another, keys in URLs are never stored,
//! and every upstream answer is bounded in size and time.
//!
//! Each test starts a gateway on `127.0.0.1:0` (offline double, or a
//! scripted upstream on loopback through `[upstreams]`) and talks to it over
//! real HTTP.

use std::io::Write as _;
use std::time::{Duration, Instant};

use std::ops::Deref;

use common::harness::{self, ACCOUNT, API_TOKEN, Answer};
use gateway_local::{Database, Fault, FaultRule, GatewaySettings, LocalConfig};
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

mod common;

/// No request of these tests may take longer.
const PATIENCE: Duration = Duration::from_secs(20);

fn chat(text: &str) -> Value {
    json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": text}]})
}

/// The shared harness with this file's calls: provider routes with headers,
/// the v4 API, waiting for logs.
struct Harness(harness::Harness);

impl Deref for Harness {
    type Target = harness::Harness;

    fn deref(&self) -> &harness::Harness {
        &self.0
    }
}

/// What these tests read of an answer beyond the shared checks.
trait AnswerExt {
    fn cache_status(&self) -> &str;
    /// The gateway's error shape with `status`; its message.
    fn gateway_message(&self, status: u16) -> String;
}

impl AnswerExt for Answer {
    fn cache_status(&self) -> &str {
        self.header("cf-aig-cache-status").unwrap_or("none")
    }

    #[track_caller]
    fn gateway_message(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", String::from_utf8_lossy(&self.body));
        let body = self.json();
        assert_eq!(body["success"], false, "{body}");
        body["error"][0]["message"].as_str().expect("a message").to_owned()
    }
}

impl Harness {
    async fn start(config: LocalConfig) -> Self {
        Self(harness::Harness::start(config).await)
    }

    async fn start_with(config: LocalConfig, database: Database) -> Self {
        Self(harness::Harness::start_with(config, database).await)
    }

    /// A request to a provider route with extra headers.
    async fn call(
        &self,
        method: reqwest::Method,
        gateway: &str,
        provider: &str,
        rest: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut request = self
            .http
            .request(method, self.provider_url(gateway, provider, rest))
            .header("content-type", "application/json")
            .body(body.to_string());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    async fn openai(&self, gateway: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
        self.call(reqwest::Method::POST, gateway, "openai", "chat/completions", body, headers).await
    }

    async fn api(&self, gateway: &str, rest: &str) -> Answer {
        self.send(self.http.get(self.api_url(gateway, rest)).bearer_auth(API_TOKEN)).await
    }

    /// The logs of `gateway` (newest first) as JSON.
    async fn logs(&self, gateway: &str, query: &str) -> Vec<Value> {
        let answer = self.api(gateway, &format!("logs?per_page=50&{query}")).await;
        assert_eq!(answer.status, 200, "{}", String::from_utf8_lossy(&answer.body));
        answer.json()["result"].as_array().expect("a list").clone()
    }

    /// Waits (bounded) until `gateway` has `count` logs.
    async fn wait_for_logs(&self, gateway: &str, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let logs = self.logs(gateway, "").await;
            if logs.len() >= count {
                return logs;
            }
            assert!(Instant::now() < deadline, "{count} logs expected, {} found", logs.len());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

fn cached_gateway() -> GatewaySettings {
    GatewaySettings::default().with_cache_ttl(300)
}

// ---------------------------------------------------------------------------
// The cache serves an answer only to the caller it was made for.

#[tokio::test]
async fn a_cached_answer_is_served_only_to_callers_with_the_same_key() {
    let config = LocalConfig::default().with_gateway("g", cached_gateway());
    let h = Harness::start(config).await;
    let body = chat("same question");
    let alice = [("authorization", "Bearer sk-alice")];
    let bob = [("authorization", "Bearer sk-bob")];

    assert_eq!(h.openai("g", &body, &alice).await.cache_status(), "MISS");
    assert_eq!(h.openai("g", &body, &alice).await.cache_status(), "HIT", "the same caller gets its answer back");
    assert_eq!(h.openai("g", &body, &bob).await.cache_status(), "MISS", "another key: not alice's answer");
    assert_eq!(h.openai("g", &body, &[]).await.cache_status(), "MISS", "no key at all: not alice's answer");
    assert_eq!(h.openai("g", &body, &bob).await.cache_status(), "HIT", "bob's own answer");
    // Other credential headers count too (Anthropic's, Google's).
    let anthropic_body =
        json!({"model": "claude-sonnet-4-5", "max_tokens": 8, "messages": [{"role": "user", "content": "q"}]});
    let ask = |key: &'static str| {
        let h = &h;
        let anthropic_body = anthropic_body.clone();
        async move {
            h.call(reqwest::Method::POST, "g", "anthropic", "v1/messages", &anthropic_body, &[("x-api-key", key)])
                .await
                .cache_status()
                .to_owned()
        }
    };
    assert_eq!(ask("k1").await, "MISS");
    assert_eq!(ask("k1").await, "HIT");
    assert_eq!(ask("k2").await, "MISS");
}

#[tokio::test]
async fn the_method_and_the_provider_are_part_of_the_key() {
    let config = LocalConfig::default().with_gateway("g", cached_gateway());
    let h = Harness::start(config).await;
    let key = [("authorization", "Bearer sk-1")];
    let body = chat("q");
    assert_eq!(h.openai("g", &body, &key).await.cache_status(), "MISS");
    assert_eq!(h.openai("g", &body, &key).await.cache_status(), "HIT");
    let delete = h.call(reqwest::Method::DELETE, "g", "openai", "chat/completions", &body, &key).await;
    assert_ne!(delete.cache_status(), "HIT", "a DELETE never gets a POST's answer");

    // One cf-aig-cache-key is not shared across providers.
    let custom = [("authorization", "Bearer sk-1"), ("cf-aig-cache-key", "my-key")];
    assert_eq!(h.openai("g", &chat("a"), &custom).await.cache_status(), "MISS");
    assert_eq!(h.openai("g", &chat("b"), &custom).await.cache_status(), "HIT", "the custom key replaces the body");
    let groq = h.call(reqwest::Method::POST, "g", "groq", "chat/completions", &chat("a"), &custom).await;
    assert_eq!(groq.status, 200);
    assert_eq!(groq.cache_status(), "MISS", "another provider under the same custom key");
    // Nor across callers.
    let other = [("authorization", "Bearer sk-2"), ("cf-aig-cache-key", "my-key")];
    assert_eq!(h.openai("g", &chat("a"), &other).await.cache_status(), "MISS");
}

#[tokio::test]
async fn a_gateway_may_share_answers_across_callers() {
    let config = LocalConfig::default()
        .with_gateway("shared", cached_gateway().with_cache_shared(true))
        .with_gateway("private", cached_gateway());
    let h = Harness::start(config).await;
    let body = chat("shared question");
    for gateway in ["shared", "private"] {
        assert_eq!(h.openai(gateway, &body, &[("authorization", "Bearer sk-a")]).await.cache_status(), "MISS");
    }
    assert_eq!(h.openai("shared", &body, &[("authorization", "Bearer sk-b")]).await.cache_status(), "HIT");
    assert_eq!(h.openai("private", &body, &[("authorization", "Bearer sk-b")]).await.cache_status(), "MISS");
}

// ---------------------------------------------------------------------------
// Keys in URLs are forwarded, never stored.

#[tokio::test]
async fn credentials_in_query_strings_are_forwarded_but_never_stored() {
    let upstream = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"candidates": [], "usageMetadata": {"promptTokenCount": 2, "candidatesTokenCount": 3}}),
        ))
        .mount(&upstream)
        .await;
    let dir = std::env::temp_dir().join(format!("gl-url-keys-{}-{}", std::process::id(), line!()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("logs.sqlite3");
    let config = LocalConfig::default().with_upstream("google-ai-studio", format!("{}/v1beta", upstream.uri()));
    let h = Harness::start_with(config, Database::File(db.clone())).await;
    let secrets = ["AIza-URLKEY-1", "tok-URLKEY-2", "sig-URLKEY-3", "ak-URLKEY-4"];
    let rest = format!(
        "models/gemini-2.5-flash:generateContent?KEY={}&alt=json&access_token={}&Signature={}&api-key={}",
        secrets[0], secrets[1], secrets[2], secrets[3]
    );
    let answer = h.call(reqwest::Method::POST, "g", "google-ai-studio", &rest, &json!({"contents": []}), &[]).await;
    assert_eq!(answer.status, 200, "{}", String::from_utf8_lossy(&answer.body));

    // Forwarded as sent.
    let received = upstream.received_requests().await.expect("recorded");
    let query = received[0].url.query().expect("a query").to_owned();
    for secret in secrets {
        assert!(query.contains(secret), "{secret} forwarded: {query}");
    }
    // Stored redacted, not findable.
    let logs = h.logs("g", "").await;
    let path = logs[0]["path"].as_str().expect("a path");
    assert_eq!(
        path,
        "models/gemini-2.5-flash:generateContent?KEY=REDACTED&alt=json&access_token=REDACTED&Signature=REDACTED&api-key=REDACTED"
    );
    for secret in secrets {
        assert!(h.logs("g", &format!("search={secret}")).await.is_empty(), "{secret} is findable by search");
    }
    assert_eq!(h.logs("g", "search=REDACTED").await.len(), 1);
    drop(h);
    tokio::time::sleep(Duration::from_millis(200)).await;
    for file in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(file.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("URLKEY"), "a key from a URL is in the database files");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------
// Upstream answers are bounded.

/// A 200 answer of `body`, encoded with `encoding`, labelled `content_type`.
fn encoded(encoding: &str, body: impl Into<Vec<u8>>, content_type: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).insert_header("content-encoding", encoding).set_body_raw(body.into(), content_type)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[tokio::test]
async fn answers_over_max_response_bytes_are_a_502_and_the_log_says_why() {
    let upstream = MockServer::start().await;
    // 3 MiB of JSON, and a gzip bomb: 64 MiB of zeros in about 64 KiB.
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(3 << 20));
    Mock::given(wiremock::matchers::path("/v1/big"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(big, "application/json"))
        .mount(&upstream)
        .await;
    let bomb = gzip(&vec![b' '; 64 << 20]);
    assert!(bomb.len() < 1 << 20);
    Mock::given(wiremock::matchers::path("/v1/bomb"))
        .respond_with(encoded("gzip", bomb, "application/json"))
        .mount(&upstream)
        .await;
    let mut config = LocalConfig::default().with_upstream("openai", format!("{}/v1", upstream.uri()));
    config.max_response_bytes = 1 << 20;
    let h = Harness::start(config).await;
    for rest in ["big", "bomb"] {
        let answer = h.call(reqwest::Method::POST, "g", "openai", rest, &chat("q"), &[]).await;
        let message = answer.gateway_message(502);
        assert!(message.contains("1048576") && message.contains("max_response_bytes"), "{message}");
    }
    let logs = h.logs("g", "").await;
    assert_eq!(logs.len(), 2);
    for log in &logs {
        assert_eq!(log["status_code"], 502);
        let id = log["id"].as_str().unwrap();
        let stored = h.api("g", &format!("logs/{id}/response")).await;
        assert!(String::from_utf8_lossy(&stored.body).contains("max_response_bytes"), "the log says why");
    }
}

#[tokio::test]
async fn compressed_answers_are_decoded_for_the_caller_and_the_log() {
    let upstream = MockServer::start().await;
    let plain = json!({"id": "c1", "choices": [{"message": {"content": "hello"}}], "usage": {"prompt_tokens": 11, "completion_tokens": 7}});
    let events = b"data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":9}}\n\ndata: [DONE]\n\n";
    Mock::given(wiremock::matchers::path("/v1/chat/completions"))
        .and(wiremock::matchers::body_string_contains("\"stream\":true"))
        .respond_with(encoded("gzip", gzip(events), "text/event-stream"))
        .mount(&upstream)
        .await;
    Mock::given(wiremock::matchers::path("/v1/chat/completions"))
        .respond_with(encoded("gzip", gzip(plain.to_string().as_bytes()), "application/json"))
        .mount(&upstream)
        .await;
    // HTTP's deflate (zlib-wrapped), and an encoding the gateway does not decode.
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(plain.to_string().as_bytes()).unwrap();
    Mock::given(wiremock::matchers::path("/v1/deflated"))
        .respond_with(encoded("deflate", zlib.finish().unwrap(), "application/json"))
        .mount(&upstream)
        .await;
    Mock::given(wiremock::matchers::path("/v1/zstd"))
        .respond_with(encoded("zstd", b"\x28\xb5\x2f\xfd opaque".to_vec(), "application/json"))
        .mount(&upstream)
        .await;
    let config = LocalConfig::default().with_upstream("openai", format!("{}/v1", upstream.uri()));
    let h = Harness::start(config).await;
    let deflated = h.call(reqwest::Method::POST, "other", "openai", "deflated", &chat("q"), &[]).await;
    assert_eq!((deflated.header("content-encoding"), deflated.json()), (None, plain.clone()));
    let opaque = h.call(reqwest::Method::POST, "other", "openai", "zstd", &chat("q"), &[]).await;
    assert_eq!(opaque.header("content-encoding"), Some("zstd"), "passed on with the body it describes");
    assert!(opaque.body.ends_with(b" opaque"));
    // The caller asks for gzip (as HTTP clients do): it gets a body it can read as labelled.
    let gz = [("accept-encoding", "gzip")];
    let answer = h.openai("g", &chat("q"), &gz).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-encoding"), None);
    assert_eq!(answer.json(), plain, "decoded JSON, not raw gzip labelled JSON");

    let mut streamed = chat("q");
    streamed["stream"] = json!(true);
    let answer = h.openai("g", &streamed, &gz).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-encoding"), None);
    let text = String::from_utf8(answer.body).expect("decoded text");
    assert!(text.starts_with("data: {\"choices\"") && text.ends_with("data: [DONE]\n\n"), "{text}");

    // Tokens reach the log in both cases (the stream's log completes just after its end).
    let deadline = Instant::now() + PATIENCE;
    loop {
        let logs = h.logs("g", "order_by=created_at&order_by_direction=asc").await;
        let tokens: Vec<_> = logs.iter().map(|l| (l["tokens_in"].clone(), l["tokens_out"].clone())).collect();
        if tokens == [(json!(11), json!(7)), (json!(5), json!(9))] {
            break;
        }
        assert!(Instant::now() < deadline, "tokens not logged: {tokens:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The upstream was asked only for encodings the gateway decodes.
    for request in upstream.received_requests().await.unwrap() {
        let accepted = request.headers.get("accept-encoding").map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(accepted.as_deref(), Some("gzip, deflate, br"), "not the caller's own list");
    }
}

#[tokio::test]
async fn stored_bodies_and_cache_entries_are_bounded() {
    let upstream = MockServer::start().await;
    let answer_body = json!({"pad": "y".repeat(5000), "usage": {"prompt_tokens": 1, "completion_tokens": 2}});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(answer_body.to_string(), "application/json"))
        .mount(&upstream)
        .await;
    let mut config = LocalConfig::default()
        .with_upstream("openai", format!("{}/v1", upstream.uri()))
        .with_gateway("g", cached_gateway());
    config.max_stored_body_bytes = 1000;
    config.cache_max_entry_bytes = 4000;
    let h = Harness::start(config).await;
    let request = chat(&"z".repeat(3000));
    let first = h.openai("g", &request, &[]).await;
    assert_eq!(first.json(), answer_body, "the caller gets the whole answer");
    // Over the cache's per-entry limit: not cached.
    assert_eq!(h.openai("g", &request, &[]).await.cache_status(), "MISS");
    assert_eq!(upstream.received_requests().await.unwrap().len(), 2);

    let logs = h.logs("g", "").await;
    let id = logs[0]["id"].as_str().unwrap();
    let log = h.api("g", &format!("logs/{id}")).await.json()["result"].clone();
    assert_eq!(log["response_size"], answer_body.to_string().len(), "the size of the whole answer");
    assert_eq!(log["response_head_complete"], false, "marked incomplete");
    assert_eq!(log["request_head_complete"], false);
    assert_eq!(log["tokens_out"], 2, "usage read from the whole answer");
    for part in ["response", "request"] {
        let stored = h.api("g", &format!("logs/{id}/{part}")).await;
        assert_eq!(stored.body.len(), 1000, "{part}: at most max_stored_body_bytes kept");
    }
}

// ---------------------------------------------------------------------------
// Fan-out and time are bounded.

#[tokio::test]
async fn one_request_cannot_fan_out_without_bound() {
    let upstream = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(500).set_body_string("down")).mount(&upstream).await;
    let mut config = LocalConfig::default().with_upstream("openai", format!("{}/v1", upstream.uri()));
    config.max_steps = 4;
    let h = Harness::start(config).await;
    let step = json!({"provider": "openai", "endpoint": "chat/completions", "headers": {}, "query": chat("q")});
    let url = format!("{}/{ACCOUNT}/g", h.gateway.gateway_base_url());

    // More steps than the limit: refused before anything is sent.
    let many = Value::Array(vec![step.clone(); 5]);
    let answer = h.send(h.http.post(&url).header("content-type", "application/json").body(many.to_string())).await;
    let message = answer.gateway_message(400);
    assert!(message.contains("5 steps") && message.contains('4'), "{message}");
    assert!(upstream.received_requests().await.unwrap().is_empty());

    // Three steps of five attempts each: retries count against the same limit.
    let three = Value::Array(vec![step; 3]);
    let answer = h
        .send(
            h.http
                .post(&url)
                .header("content-type", "application/json")
                .header("cf-aig-max-attempts", "5")
                .body(three.to_string()),
        )
        .await;
    assert_eq!(answer.status, 500);
    assert_eq!(upstream.received_requests().await.unwrap().len(), 4, "at most max_steps upstream calls");
    assert!(h.logs("g", "").await.len() <= 4);

    // The default limit refuses the issue's 2000-step body.
    let h = Harness::start(LocalConfig::default()).await;
    let huge = Value::Array(vec![
        json!({"provider": "openai", "endpoint": "chat/completions", "headers": {}, "query": {}});
        2000
    ]);
    let url = format!("{}/{ACCOUNT}/g", h.gateway.gateway_base_url());
    let answer = h.send(h.http.post(&url).header("content-type", "application/json").body(huge.to_string())).await;
    assert!(answer.gateway_message(400).contains("over the limit of 20"));
    assert_eq!(h.gateway.offline_upstream().unwrap().requests_seen(), 0);
}

#[tokio::test]
async fn an_upstream_that_never_answers_times_out_and_is_logged() {
    // Accepts, reads, never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let mut config = LocalConfig::default()
        .with_upstream("openai", format!("http://{addr}/v1"))
        .with_upstream("workers-ai", format!("http://{addr}/ai/run"));
    config.upstream_timeout_ms = 400;
    let h = Harness::start(config).await;
    let started = Instant::now();
    let answer = h.openai("g", &chat("q"), &[]).await;
    answer.gateway_message(504);
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    let logs = h.logs("g", "").await;
    assert_eq!(logs.len(), 1);
    assert_eq!(logs[0]["status_code"], 504);

    // The v4 API's direct Workers AI route is bounded the same way.
    let started = Instant::now();
    let direct = format!("{}/accounts/{ACCOUNT}/ai/run/@cf/meta/llama-3.1-8b-instruct", h.gateway.api_base_url());
    let answer = h.send(h.http.post(direct).bearer_auth(API_TOKEN).body(r#"{"prompt":"q"}"#)).await;
    assert_eq!(answer.status, 502);
    assert!(answer.json()["errors"][0]["message"].as_str().unwrap().contains("timed out"));
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_silent_stream_is_cut_by_the_idle_timeout_and_logged_incomplete() {
    let mut config = LocalConfig::default();
    config.stream_idle_timeout_ms = 300;
    let h = Harness::start(config).await;
    h.gateway.offline_upstream().unwrap().add_fault(FaultRule::new(Fault::StallAfter(2)));
    let mut body = chat("q");
    body["stream"] = json!(true);
    let started = Instant::now();
    let answer = h.openai("g", &body, &[]).await;
    assert_eq!(answer.status, 200);
    let text = String::from_utf8_lossy(&answer.body);
    assert!(text.contains("event: error") && text.contains("stream_idle_timeout_ms"), "{text}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    let id = answer.header("cf-aig-log-id").unwrap().to_owned();
    let log = h.api("g", &format!("logs/{id}")).await.json()["result"].clone();
    assert_eq!((log["status_code"].clone(), log["response_head_complete"].clone()), (json!(502), json!(false)));
}

#[tokio::test]
async fn a_request_its_caller_abandons_is_still_logged() {
    let h = Harness::start(LocalConfig::default()).await;
    h.gateway.offline_upstream().unwrap().add_fault(FaultRule::new(Fault::Latency(Duration::from_secs(3))));
    let impatient = reqwest::Client::builder().timeout(Duration::from_millis(300)).build().unwrap();
    let sent = impatient
        .post(h.provider_url("g", "openai", "chat/completions"))
        .header("content-type", "application/json")
        .body(chat("q").to_string())
        .send()
        .await;
    assert!(sent.is_err_and(|e| e.is_timeout()));
    let logs = h.wait_for_logs("g", 1).await;
    assert_eq!(logs[0]["status_code"], 499);
    assert_eq!(logs[0]["provider"], "openai");
}

#[tokio::test]
async fn transport_errors_do_not_reveal_the_upstream_url() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let config = LocalConfig::default().with_upstream("openai", format!("http://{closed}/private-base/v1"));
    let h = Harness::start(config).await;
    let answer = h.openai("g", &chat("q"), &[]).await;
    let message = answer.gateway_message(502);
    assert!(message.contains("could not connect"), "{message}");
    for leak in [closed.port().to_string(), "127.0.0.1".to_owned(), "private-base".to_owned()] {
        assert!(!message.contains(&leak), "{leak} in {message}");
    }
    let logs = h.logs("g", "").await;
    let id = logs[0]["id"].as_str().unwrap();
    let stored = h.api("g", &format!("logs/{id}/response")).await;
    assert!(!String::from_utf8_lossy(&stored.body).contains("private-base"));
}

/// Without a database file, logs are bounded: each gateway keeps its newest
/// `memory_log_limit` (default 100 000), the oldest dropped first; a
/// gateway's own `log_management` wins.
#[tokio::test]
async fn logs_in_memory_keep_the_newest_up_to_the_memory_limit() {
    use gateway_core::Gateway as _;
    let mut config = LocalConfig::default().with_gateway("prod", GatewaySettings::default()).with_gateway(
        "own",
        GatewaySettings::default().with_log_limit(2, gateway_local::LogLimitStrategy::DeleteOldest),
    );
    config.memory_log_limit = 5;
    let h = harness::Harness::start(config).await;
    assert_eq!(LocalConfig::default().memory_log_limit, 100_000);
    let ai = gateway_core::Ai::new(h.gateway.client_config()).unwrap();
    let mut ids = Vec::new();
    for n in 0..8 {
        let url = h.provider_url("prod", "openai", "chat/completions");
        let answer = h.post(&url, chat(&format!("request {n}")).to_string(), &[]).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        ids.push(answer.header("cf-aig-log-id").unwrap().to_owned());
        let url = h.provider_url("own", "openai", "chat/completions");
        assert_eq!(h.post(&url, chat("own").to_string(), &[]).await.status, 200);
    }
    let kept = ai.gateway("prod").list_logs(&gateway_core::ListLogs::new().per_page(50)).await.unwrap();
    let mut kept: Vec<String> = kept.logs.into_iter().map(|log| log.id).collect();
    kept.sort();
    let mut newest = ids[3..].to_vec();
    newest.sort();
    assert_eq!(kept, newest, "the newest five are kept");
    let own = ai.gateway("own").list_logs(&gateway_core::ListLogs::new()).await.unwrap();
    assert_eq!(own.logs.len(), 2, "the gateway's own limit wins");
}

/// Without a database file, the logs of all gateways share a byte budget
/// (`memory_log_bytes`): callers naming ever new gateways, with large bodies,
/// get every request answered and logged while the oldest logs make room.
#[tokio::test]
async fn logs_in_memory_stay_within_their_byte_budget_across_gateways_callers_name() {
    const BUDGET: u64 = 2 * 1024 * 1024;
    let mut config = LocalConfig::default();
    config.memory_log_bytes = BUDGET;
    let h = Harness::start(config).await;
    assert_eq!(LocalConfig::default().memory_log_bytes, 256 * 1024 * 1024);
    let big = "x".repeat(16 * 1024);
    for n in 0..300 {
        let answer = h.openai(&format!("caller-{n}"), &chat(&big), &[]).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert!(answer.header("cf-aig-log-id").is_some(), "request {n} logged");
    }
    let used = h.gateway.store().used_bytes().await.unwrap();
    assert!(used <= BUDGET, "{used} bytes of logs in memory");
    let kept = h.gateway.store().count().await.unwrap();
    assert!((20..300).contains(&kept), "{kept} logs kept");
    assert!(h.logs("caller-0", "").await.is_empty(), "the oldest went first");
    assert_eq!(h.logs("caller-299", "").await.len(), 1, "the newest is kept");
}
