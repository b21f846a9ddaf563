//! Hostile input against a running `gateway-local`.
//!
//! Every case sends a malformed, mistyped, oversized, unauthenticated or
//! oddly addressed request to a gateway started offline on `127.0.0.1:0`,
//! checks the status *and* the body shape (the gateway host's singular
//! `error` array, or the v4 API's plural `errors` envelope), checks that the
//! offline upstream saw no request it should not have seen, and then checks
//! that the server still answers a normal universal request.
//!
//! Requests go through `reqwest`, except where `reqwest` would clean the
//! request up first (`..` and `%2e%2e` segments are resolved by URL parsing,
//! bytes that are not UTF-8 cannot be put in a header value): those are
//! written to a raw TCP socket.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use gateway_local::{GatewaySettings, LocalConfig, LocalGateway, UnknownGateway};
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The default configuration's account and v4 API token.
const ACCOUNT: &str = "local-account";
const API_TOKEN: &str = "local-api-token";
/// The model of the "still alive" request.
const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
/// The body limit of these tests.
const MAX_BODY: usize = 1024;
/// No request of these tests may take longer.
const LIMIT: Duration = Duration::from_secs(15);

// ---------------------------------------------------------------------------
// Harness

/// An answer: status, headers (raw answers: none) and body.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("status {}: body is not JSON ({e}): {:?}", self.status, String::from_utf8_lossy(&self.body))
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts the gateway host's error shape with `status` and `code`; returns the message.
    #[track_caller]
    fn gateway_error(&self, status: u16, code: i64) -> String {
        self.gateway_error_in(status, &[code])
    }

    /// Asserts the gateway host's error shape with `status` and one of `codes`; returns the message.
    #[track_caller]
    fn gateway_error_in(&self, status: u16, codes: &[i64]) -> String {
        assert_eq!(self.status, status, "status; body: {}", self.text());
        let body = self.json();
        assert_eq!(body["success"], json!(false), "{body}");
        assert_eq!(body["result"], json!([]), "{body}");
        assert_eq!(body["messages"], json!([]), "{body}");
        assert!(body.get("errors").is_none(), "the gateway host answers `error`, not `errors`: {body}");
        let errors = body["error"].as_array().unwrap_or_else(|| panic!("no `error` array: {body}"));
        assert_eq!(errors.len(), 1, "{body}");
        assert!(errors[0]["code"].as_i64().is_some_and(|code| codes.contains(&code)), "codes {codes:?}: {body}");
        let message = errors[0]["message"].as_str().unwrap_or_else(|| panic!("no message: {body}"));
        assert!(!message.is_empty(), "{body}");
        message.to_owned()
    }

    /// Asserts the v4 API's error envelope with `status` and `code`; returns the message.
    #[track_caller]
    fn v4_error(&self, status: u16, code: i64) -> String {
        assert_eq!(self.status, status, "status; body: {}", self.text());
        let body = self.json();
        assert_eq!(body["success"], json!(false), "{body}");
        assert!(body.get("error").is_none(), "the v4 API answers `errors`, not `error`: {body}");
        let errors = body["errors"].as_array().unwrap_or_else(|| panic!("no `errors` array: {body}"));
        assert_eq!(errors.len(), 1, "{body}");
        assert_eq!(errors[0]["code"], json!(code), "{body}");
        let message = errors[0]["message"].as_str().unwrap_or_else(|| panic!("no message: {body}"));
        assert!(!message.is_empty(), "{body}");
        message.to_owned()
    }

    /// Asserts a 4xx answer in one of the two error shapes.
    #[track_caller]
    fn any_error_shape(&self) {
        assert!((400..500).contains(&self.status), "expected a 4xx, got {}: {}", self.status, self.text());
        let body = self.json();
        assert_eq!(body["success"], json!(false), "{body}");
        let errors = body.get("error").or_else(|| body.get("errors")).and_then(Value::as_array);
        let first = errors.and_then(|e| e.first()).unwrap_or_else(|| panic!("no error array: {body}"));
        assert!(first["code"].is_i64(), "{body}");
        assert!(first["message"].is_string(), "{body}");
    }
}

/// A gateway under test and a client for it.
struct Harness {
    gateway: LocalGateway,
    http: reqwest::Client,
}

fn test_config() -> LocalConfig {
    let mut config = LocalConfig::default()
        .with_gateway("secure", GatewaySettings::default().with_token("t"))
        .with_gateway("prod", GatewaySettings::default());
    config.max_body_bytes = MAX_BODY;
    config
}

fn step(provider: &Value, endpoint: &Value, query: &Value) -> Value {
    json!({"provider": provider, "endpoint": endpoint, "headers": {}, "query": query})
}

fn valid_steps() -> Value {
    json!([step(&json!("workers-ai"), &json!(MODEL), &json!({"prompt": "hi"}))])
}

impl Harness {
    async fn start(config: LocalConfig) -> Self {
        let gateway = LocalGateway::builder().config(config).offline(true).start().await.expect("the gateway starts");
        let http = reqwest::Client::builder().timeout(LIMIT).build().expect("a client");
        Self { gateway, http }
    }

    async fn new() -> Self {
        Self::start(test_config()).await
    }

    fn addr(&self) -> SocketAddr {
        self.gateway.addr()
    }

    fn universal_url(&self, gateway: &str) -> String {
        format!("{}/{ACCOUNT}/{gateway}", self.gateway.gateway_base_url())
    }

    fn provider_url(&self, gateway: &str, provider: &str, rest: &str) -> String {
        format!("{}/{ACCOUNT}/{gateway}/{provider}/{rest}", self.gateway.gateway_base_url())
    }

    fn logs_url(&self, gateway: &str) -> String {
        format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/{gateway}/logs", self.gateway.api_base_url())
    }

    /// Upstream requests so far.
    fn seen(&self) -> u64 {
        self.gateway.offline_upstream().expect("offline").requests_seen()
    }

    async fn logs(&self) -> u64 {
        self.gateway.store().count().await.expect("count")
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Answer {
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = tokio::time::timeout(LIMIT, response.bytes()).await.expect("body in time").expect("a body").to_vec();
        Answer { status, headers, body }
    }

    /// `POST` raw bytes to `url` as JSON.
    async fn post(&self, url: &str, body: impl Into<reqwest::Body>, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.http.post(url).header("content-type", "application/json").body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    async fn universal(&self, gateway: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
        self.post(&self.universal_url(gateway), body.to_string(), headers).await
    }

    async fn v4(&self, method: reqwest::Method, url: &str, body: Option<&[u8]>) -> Answer {
        let mut request = self.http.request(method, url).bearer_auth(API_TOKEN);
        if let Some(body) = body {
            request = request.header("content-type", "application/json").body(body.to_vec());
        }
        self.send(request).await
    }

    /// Writes `request` to a fresh connection and reads the whole answer.
    async fn raw_bytes(&self, request: &[u8]) -> Vec<u8> {
        self.raw_exchange(request, false).await
    }

    /// Writes `request` to a fresh connection, closes the writing side when
    /// `half_close` (for input that is no complete request), and reads the whole answer.
    async fn raw_exchange(&self, request: &[u8], half_close: bool) -> Vec<u8> {
        let exchange = async {
            let mut stream = TcpStream::connect(self.addr()).await.expect("connect");
            // The server may answer and close before reading everything; that is fine.
            let _ = stream.write_all(request).await;
            if half_close {
                let _ = stream.shutdown().await;
            }
            let mut out = Vec::new();
            let mut chunk = [0u8; 8192];
            loop {
                match stream.read(&mut chunk).await {
                    Ok(0) => break,
                    Ok(n) => out.extend_from_slice(&chunk[..n]),
                    Err(e) if !out.is_empty() => {
                        eprintln!("read ended with {e} after {} bytes", out.len());
                        break;
                    }
                    Err(e) => panic!("no answer: {e}"),
                }
            }
            out
        };
        tokio::time::timeout(LIMIT, exchange).await.expect("a raw answer in time")
    }

    /// A raw HTTP/1.1 request with `Connection: close`; `target` goes on the
    /// request line exactly as given.
    async fn raw(&self, method: &str, target: &str, headers: &[(&str, &[u8])], body: &[u8]) -> Answer {
        let mut request =
            format!("{method} {target} HTTP/1.1\r\nhost: {}\r\nconnection: close\r\n", self.addr()).into_bytes();
        let chunked = headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("transfer-encoding"));
        for (name, value) in headers {
            request.extend_from_slice(name.as_bytes());
            request.extend_from_slice(b": ");
            request.extend_from_slice(value);
            request.extend_from_slice(b"\r\n");
        }
        if !chunked {
            request.extend_from_slice(format!("content-length: {}\r\n", body.len()).as_bytes());
        }
        request.extend_from_slice(b"\r\n");
        request.extend_from_slice(body);
        parse_raw(&self.raw_bytes(&request).await)
    }

    /// A normal request still gets a normal answer.
    async fn assert_alive(&self) {
        let answer = self.universal("prod", &valid_steps(), &[]).await;
        assert_eq!(answer.status, 200, "the server stopped serving normal requests: {}", answer.text());
        let body = answer.json();
        assert_eq!(body["success"], json!(true), "{body}");
        assert!(body["result"]["response"].is_string(), "{body}");
        assert_eq!(answer.headers.get("cf-aig-step").and_then(|v| v.to_str().ok()), Some("0"));
    }
}

/// Parses a raw HTTP/1.1 answer (content-length, chunked or read-to-close).
fn parse_raw(bytes: &[u8]) -> Answer {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(bytes)));
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let mut body = bytes[split + 4..].to_vec();
    let status_line = head.lines().next().unwrap_or_default();
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let mut headers = HeaderMap::new();
    for line in head.lines().skip(1) {
        if let Some((name, value)) = line.split_once(':') {
            if let (Ok(name), Ok(value)) = (
                reqwest::header::HeaderName::from_bytes(name.trim().as_bytes()),
                reqwest::header::HeaderValue::from_str(value.trim()),
            ) {
                headers.append(name, value);
            }
        }
    }
    let is_chunked = headers
        .get("transfer-encoding")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    if is_chunked {
        body = dechunk(&body);
    } else if let Some(length) = headers.get("content-length").and_then(|v| v.to_str().ok()?.parse::<usize>().ok()) {
        body.truncate(length);
    }
    Answer { status, headers, body }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or_default().trim(), 16).unwrap_or(0);
        data = &data[line_end + 2..];
        if size == 0 || data.len() < size {
            break;
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or_default();
    }
    out
}

// ---------------------------------------------------------------------------
// Malformed and mistyped bodies

#[tokio::test]
async fn malformed_json_on_the_universal_endpoint() {
    let h = Harness::new().await;
    let url = h.universal_url("prod");
    let cases: [(&[u8], &str); 8] = [
        (br#"{"provider": "#, "invalid JSON"),
        (b"not json at all", "invalid JSON"),
        (b"", "invalid JSON"),
        (b"\xff\xfe\x00{", "invalid JSON"),
        (br#"[{"provider":"workers-ai","endpoint":"x","headers":{},"query":{}}"#, "invalid JSON"),
        (br#""just a string""#, "expected a step"),
        (b"42", "expected a step"),
        (b"null", "expected a step"),
    ];
    for (body, needle) in cases {
        let before = h.seen();
        let answer = h.post(&url, body.to_vec(), &[]).await;
        let message = answer.gateway_error(400, 2002);
        assert!(message.contains(needle), "{:?}: {message}", String::from_utf8_lossy(body));
        assert_eq!(h.seen(), before, "a malformed body reached the upstream");
        h.assert_alive().await;
    }
    assert_eq!(h.logs().await, u64::try_from(cases.len()).unwrap(), "only the normal requests are logged");
}

#[tokio::test]
async fn empty_and_mistyped_universal_steps() {
    let h = Harness::new().await;
    let good = step(&json!("workers-ai"), &json!(MODEL), &json!({"prompt": "hi"}));
    let cases: Vec<(Value, &str)> = vec![
        (json!([]), "at least one step"),
        (json!({}), "step 0: missing field"),
        (json!([{}]), "step 0: missing field"),
        (json!([step(&json!(42), &json!(MODEL), &json!({"prompt": "hi"}))]), "step 0"),
        (json!([step(&json!(null), &json!(MODEL), &json!({"prompt": "hi"}))]), "step 0"),
        (json!([step(&json!(["workers-ai"]), &json!(MODEL), &json!({"prompt": "hi"}))]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": "x-api-key: 1", "query": {}}]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": [], "query": {}}]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}}]), "missing field `query`"),
        (json!([{"provider": "workers-ai", "headers": {}, "query": {}}]), "missing field `endpoint`"),
        (json!([{"provider": "workers-ai", "endpoint": 7, "headers": {}, "query": {}}]), "step 0"),
        (json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {}, "config": 5}]), "step 0"),
        (
            json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {},
                    "config": {"maxAttempts": "many"}}]),
            "step 0",
        ),
        (
            json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {},
                    "config": {"maxAttempts": -1}}]),
            "step 0",
        ),
        (json!([step(&json!(""), &json!(MODEL), &json!({}))]), "invalid provider"),
        (json!([step(&json!("../openai"), &json!(MODEL), &json!({}))]), "invalid provider"),
        (json!([step(&json!("open ai"), &json!(MODEL), &json!({}))]), "invalid provider"),
        // The second step is checked before the first is sent.
        (json!([good.clone(), step(&json!(1), &json!(MODEL), &json!({}))]), "step 1"),
        (json!([good.clone(), {"provider": "openai"}]), "step 1"),
        (json!([good.clone(), 3]), "step 1"),
    ];
    for (body, needle) in cases {
        let before = h.seen();
        let answer = h.universal("prod", &body, &[]).await;
        let message = answer.gateway_error(400, 2002);
        assert!(message.contains(needle), "{body}: {message}");
        assert_eq!(h.seen(), before, "{body}: a mistyped request reached the upstream");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn mistyped_step_headers_are_rejected_before_sending() {
    let h = Harness::new().await;
    let with_headers = |headers: Value| json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": headers, "query": {"prompt": "hi"}}]);
    // Invalid `cf-aig-*` step headers answer 2002 today while the same header on
    // the request answers 2007 ("invalid cf-aig-* header"); either code is accepted here.
    let cases = [
        (json!({"cf-aig-max-attempts": 9}), "cf-aig-max-attempts"),
        (json!({"cf-aig-max-attempts": "lots"}), "cf-aig-max-attempts"),
        (json!({"cf-aig-retry-delay": 99_999}), "cf-aig-retry-delay"),
        (json!({"cf-aig-backoff": "random"}), "cf-aig-backoff"),
        (json!({"cf-aig-skip-cache": "maybe"}), "cf-aig-skip-cache"),
        (json!({"cf-aig-metadata": "not json"}), "cf-aig-metadata"),
        (json!({"cf-aig-metadata": {"a": {"b": 1}}}), "cf-aig-metadata"),
        (json!({"bad header name": "x"}), "bad header name"),
        (json!({"x-api-key": "line\nbreak"}), "x-api-key"),
    ];
    for (headers, needle) in cases {
        let before = h.seen();
        let answer = h.universal("prod", &with_headers(headers.clone()), &[]).await;
        let message = answer.gateway_error_in(400, &[2002, 2007]);
        assert!(message.contains(needle), "{headers}: {message}");
        assert_eq!(h.seen(), before, "{headers}: reached the upstream");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn malformed_json_on_provider_routes_is_answered_by_the_provider() {
    let h = Harness::new().await;
    // The gateway forwards provider-native bodies unread; the offline upstream
    // answers in the provider's own error shape, which the gateway passes through.
    let cases: [(&str, &str, &str); 3] = [
        ("openai", "chat/completions", "/error/message"),
        ("anthropic", "v1/messages", "/error/message"),
        ("workers-ai", MODEL, "/errors/0/message"),
    ];
    for (provider, rest, pointer) in cases {
        let before = (h.seen(), h.gateway.offline_upstream().unwrap().attempts(provider));
        let answer = h.post(&h.provider_url("prod", provider, rest), &b"{\"messages\": ["[..], &[]).await;
        assert_eq!(answer.status, 400, "{provider}: {}", answer.text());
        let body = answer.json();
        assert!(body.get("error").is_none_or(|e| !e.is_array()), "{provider}: not the gateway's shape: {body}");
        let message = body.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("{provider}: {body}"));
        assert!(message.contains("malformed JSON"), "{provider}: {message}");
        match provider {
            "openai" => assert_eq!(body["error"]["type"], "invalid_request_error", "{body}"),
            "anthropic" => assert_eq!(body["type"], "error", "{body}"),
            _ => assert_eq!((&body["success"], &body["result"]), (&json!(false), &Value::Null), "{body}"),
        }
        assert!(answer.headers.contains_key("cf-aig-log-id"), "the failed call is logged");
        // A 400 is not retried.
        let after = (h.seen(), h.gateway.offline_upstream().unwrap().attempts(provider));
        assert_eq!((after.0 - before.0, after.1 - before.1), (1, 1), "{provider}");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn patch_log_rejects_bad_bodies_and_changes_nothing() {
    let h = Harness::new().await;
    let created = h.universal("prod", &valid_steps(), &[]).await;
    assert_eq!(created.status, 200);
    let id = created.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let url = format!("{}/{id}", h.logs_url("prod"));
    let cases: [(&[u8], &str); 12] = [
        (br#"{"feedback": "#, "invalid JSON"),
        (b"", "invalid JSON"),
        (b"\xff", "invalid JSON"),
        (b"[]", "expected a JSON object"),
        (b"null", "expected a JSON object"),
        (br#"{"feedback":"x"}"#, "feedback"),
        (br#"{"feedback":2}"#, "feedback"),
        (br#"{"score":500}"#, "score"),
        (br#"{"score":-1}"#, "score"),
        (br#"{"score":"50"}"#, "score"),
        (br#"{"metadata":{"a":{"b":1}}}"#, "metadata"),
        (br#"{"metadata":"text"}"#, "metadata"),
    ];
    for (body, needle) in cases {
        let answer = h.v4(reqwest::Method::PATCH, &url, Some(body)).await;
        let message = answer.v4_error(400, 7001);
        assert!(message.contains(needle), "{:?}: {message}", String::from_utf8_lossy(body));
        assert_eq!(
            h.gateway.store().evaluation("prod", &id).await.unwrap(),
            Some((None, None)),
            "a rejected patch changed the log"
        );
        let log = h.v4(reqwest::Method::GET, &url, None).await;
        assert_eq!(log.status, 200);
        assert!(log.json()["result"]["metadata"].is_null(), "{}", log.text());
        h.assert_alive().await;
    }
    // A good patch still works, and an unknown id is a 404.
    let answer = h.v4(reqwest::Method::PATCH, &url, Some(br#"{"feedback":1,"score":50,"metadata":{"u":"1"}}"#)).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(h.gateway.store().evaluation("prod", &id).await.unwrap(), Some((Some(1.0), Some(50.0))));
    let missing = format!("{}/01JADMCQQQBWH3NXZ5GCRN98DP", h.logs_url("prod"));
    h.v4(reqwest::Method::PATCH, &missing, Some(br#"{"feedback":1}"#)).await.v4_error(404, 7002);
}

// ---------------------------------------------------------------------------
// Sizes

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let h = Harness::new().await;
    let padded = |size: usize| {
        let mut body = valid_steps().to_string().into_bytes();
        body.resize(size, b' ');
        body
    };
    // At the limit: served.
    let at_limit = h.post(&h.universal_url("prod"), padded(MAX_BODY), &[]).await;
    assert_eq!(at_limit.status, 200, "{}", at_limit.text());

    let before = h.seen();
    for size in [MAX_BODY + 1, 4 * MAX_BODY] {
        h.post(&h.universal_url("prod"), padded(size), &[]).await.gateway_error(413, 2004);
        h.assert_alive().await;
        h.post(&h.provider_url("prod", "openai", "chat/completions"), vec![b'x'; size], &[])
            .await
            .gateway_error(413, 2004);
        h.assert_alive().await;
    }
    // Chunked, so the size is only known while reading.
    let mut chunked = Vec::new();
    for _ in 0..4 {
        chunked.extend_from_slice(format!("{:x}\r\n", 600).as_bytes());
        chunked.extend_from_slice(&[b' '; 600]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let target = format!("/v1/{ACCOUNT}/prod");
    h.raw("POST", &target, &[("transfer-encoding", b"chunked")], &chunked).await.gateway_error(413, 2004);
    h.assert_alive().await;
    // A huge announced length is refused once the limit is crossed, without waiting for the rest.
    let mut lie =
        format!("POST {target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 999999999\r\n\r\n")
            .into_bytes();
    lie.resize(lie.len() + 2 * MAX_BODY, b' ');
    parse_raw(&h.raw_bytes(&lie).await).gateway_error(413, 2004);
    h.assert_alive().await;
    // A 10 MB body is refused without trouble.
    let answer = h.post(&h.universal_url("prod"), vec![b'['; 10 * 1024 * 1024], &[]).await;
    answer.gateway_error(413, 2004);
    h.assert_alive().await;
    assert_eq!(h.seen() - before, 7, "only the liveness checks reached the upstream");
}

#[tokio::test]
async fn patch_body_over_the_limit_gets_413() {
    let h = Harness::new().await;
    let created = h.universal("prod", &valid_steps(), &[]).await;
    let id = created.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let mut body = br#"{"feedback":1}"#.to_vec();
    body.resize(MAX_BODY * 2, b' ');
    let answer = h.v4(reqwest::Method::PATCH, &format!("{}/{id}", h.logs_url("prod")), Some(&body)).await;
    assert_eq!(answer.status, 413, "{}", answer.text());
    answer.any_error_shape();
    assert!(answer.json().get("errors").is_some(), "the v4 API answers in its own envelope: {}", answer.text());
}

#[tokio::test]
async fn workers_ai_direct_route_rejects_in_the_v4_shape() {
    let h = Harness::new().await;
    let url = format!("{}/accounts/{ACCOUNT}/ai/run/{MODEL}", h.gateway.api_base_url());
    let ok = h.send(h.http.post(&url).bearer_auth(API_TOKEN).body(r#"{"prompt":"hi"}"#)).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    let too_big = h.send(h.http.post(&url).bearer_auth(API_TOKEN).body(vec![b' '; MAX_BODY * 2])).await;
    assert_eq!(too_big.status, 413, "{}", too_big.text());
    assert!(too_big.json().get("errors").is_some(), "v4 route, v4 envelope: {}", too_big.text());
    let escape = h
        .raw(
            "POST",
            &format!("/client/v4/accounts/{ACCOUNT}/ai/run/@cf/../../x"),
            &[("authorization", format!("Bearer {API_TOKEN}").as_bytes())],
            b"{}",
        )
        .await;
    escape.any_error_shape();
    assert!(escape.json().get("errors").is_some(), "v4 route, v4 envelope: {}", escape.text());
}

#[tokio::test]
async fn out_of_range_step_config_is_rejected_like_the_headers() {
    let h = Harness::new().await;
    for config in [json!({"maxAttempts": 0}), json!({"maxAttempts": 9}), json!({"retryDelay": 99_999})] {
        let before = h.seen();
        let body = json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {"prompt": "hi"},
                           "config": config}]);
        let message = h.universal("prod", &body, &[]).await.gateway_error(400, 2002);
        assert!(message.contains("step 0"), "{message}");
        assert_eq!(h.seen(), before, "{config}: reached the upstream");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn malformed_compat_requests() {
    let h = Harness::new().await;
    let url = h.provider_url("prod", "compat", "chat/completions");
    let cases: [(&[u8], u16, i64); 7] = [
        (b"{", 400, 2019),
        (b"", 400, 2019),
        (br#"{"model":5,"messages":[]}"#, 400, 2019),
        (br#"{"model":"gpt-4o-mini","messages":[]}"#, 400, 2019),
        (br#"{"model":"no-such-provider/x","messages":[]}"#, 400, 2006),
        (br#"{"model":"../../x","messages":[]}"#, 400, 2006),
        (br#"{"model":"dynamic/route","messages":[]}"#, 400, 2019),
    ];
    for (body, status, code) in cases {
        let before = h.seen();
        h.post(&url, body.to_vec(), &[]).await.gateway_error(status, code);
        assert_eq!(h.seen(), before, "{:?}: reached the upstream", String::from_utf8_lossy(body));
        h.assert_alive().await;
    }
}

// ---------------------------------------------------------------------------
// Providers and headers

#[tokio::test]
async fn unknown_providers_are_errors_not_crashes() {
    let h = Harness::new().await;
    let answer = h.post(&h.provider_url("prod", "no-such-provider", "x"), r#"{"a":1}"#, &[]).await;
    let message = answer.gateway_error(400, 2006);
    assert!(message.contains("no-such-provider"), "{message}");
    h.assert_alive().await;

    let body = json!([step(&json!("no-such-provider"), &json!("x"), &json!({}))]);
    let message = h.universal("prod", &body, &[]).await.gateway_error(400, 2006);
    assert!(message.contains("no-such-provider"), "{message}");
    h.assert_alive().await;

    // An unknown first step falls back to a known second one.
    let body = json!([step(&json!("no-such-provider"), &json!("x"), &json!({})), valid_steps()[0].clone()]);
    let answer = h.universal("prod", &body, &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.headers.get("cf-aig-step").and_then(|v| v.to_str().ok()), Some("1"));

    // Slugs that cannot be providers never reach the upstream.
    for slug in ["no%20such", "a.b", "%F0%9F%A6%80", "UPPER!"] {
        let before = h.seen();
        let answer = h.raw("POST", &format!("/v1/{ACCOUNT}/prod/{slug}/chat/completions"), &[], b"{}").await;
        answer.gateway_error(400, 2006);
        assert_eq!(h.seen(), before, "{slug}");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn invalid_cf_aig_headers_are_named() {
    let h = Harness::new().await;
    let cases = [
        ("cf-aig-max-attempts", "9"),
        ("cf-aig-max-attempts", "0"),
        ("cf-aig-max-attempts", "99999999999999999999999"),
        ("cf-aig-retry-delay", "99999"),
        ("cf-aig-retry-delay", "-5"),
        ("cf-aig-metadata", "not json"),
        ("cf-aig-metadata", r#"{"a":{"b":1}}"#),
        ("cf-aig-metadata", r#"{"a":[1]}"#),
        ("cf-aig-metadata", "[1,2]"),
        ("cf-aig-skip-cache", "maybe"),
        ("cf-aig-backoff", "random"),
        ("cf-aig-cache-ttl", "-1"),
        ("cf-aig-request-timeout", "soon"),
        ("cf-aig-collect-log", "yes"),
        ("cf-aig-custom-cost", "cheap"),
        ("cf-skip-cache", "1"),
    ];
    for (name, value) in cases {
        for url in [h.universal_url("prod"), h.provider_url("prod", "workers-ai", MODEL)] {
            let body = if url.ends_with("prod") { valid_steps().to_string() } else { r#"{"prompt":"hi"}"#.to_owned() };
            let before = h.seen();
            let answer = h.post(&url, body, &[(name, value)]).await;
            let message = answer.gateway_error(400, 2007);
            assert!(message.contains(name), "{name}: {value}: {message}");
            assert_eq!(h.seen(), before, "{name}: {value} reached the upstream");
            h.assert_alive().await;
        }
    }
    // Values at the limits are accepted.
    let answer = h
        .universal(
            "prod",
            &valid_steps(),
            &[
                ("cf-aig-max-attempts", "5"),
                ("cf-aig-retry-delay", "5000"),
                ("cf-aig-skip-cache", "true"),
                ("cf-aig-backoff", "exponential"),
                ("cf-aig-metadata", r#"{"a":1,"b":"x","c":true,"d":2,"e":3,"f":4}"#),
            ],
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
}

#[tokio::test]
async fn non_utf8_cf_aig_header_values_are_rejected() {
    let h = Harness::new().await;
    for (name, value) in [("cf-aig-max-attempts", &b"9\xff"[..]), ("cf-aig-metadata", &b"{\"a\":\"\xe9\"}"[..])] {
        let before = h.seen();
        let body = valid_steps().to_string();
        let answer = h.raw("POST", &format!("/v1/{ACCOUNT}/prod"), &[(name, value)], body.as_bytes()).await;
        let message = answer.gateway_error(400, 2007);
        assert!(message.contains(name), "{message}");
        assert_eq!(h.seen(), before);
        h.assert_alive().await;
    }
}

// ---------------------------------------------------------------------------
// Paths

#[tokio::test]
async fn traversal_and_odd_encodings_never_reach_the_upstream() {
    let h = Harness::new().await;
    let gw = format!("/v1/{ACCOUNT}/prod");
    let long = "a".repeat(20_000);
    let targets = [
        format!("{gw}/openai/../../../client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs"),
        format!("{gw}/openai/../../../client/v4/accounts/{ACCOUNT}/ai/run/{MODEL}"),
        format!("{gw}/openai/./chat/completions"),
        format!("{gw}/openai/chat/../../x"),
        format!("{gw}/openai/%2e%2e/%2e%2e/x"),
        format!("{gw}/openai/%2E%2E/x"),
        format!("{gw}/openai/.%2e/x"),
        format!("{gw}/openai/%252e%252e/x"),
        format!("{gw}/openai/..%2f..%2fclient/v4"),
        format!("{gw}/openai/%2e%2e%2f%2e%2e%2fx"),
        format!("{gw}/openai/..%5c..%5cx"),
        format!("{gw}/openai/chat%5ccompletions"),
        format!("{gw}/openai/chat%00/completions"),
        format!("{gw}/openai/chat/completions%00"),
        format!("{gw}/openai/chat%0d%0aX-Injected:%201/completions"),
        format!("{gw}/openai/chat%23frag"),
        format!("{gw}/openai//chat/completions"),
        format!("{gw}/openai/chat//completions"),
        format!("{gw}/openai/http://evil.example/x"),
        format!("{gw}/openai/https:%2f%2fevil.example%2fx"),
        format!("{gw}/openai/http:/evil.example/x"),
        format!("{gw}/openai/%ff%fe"),
        format!("{gw}/openai/chat/%c0%ae%c0%ae/x"),
        format!("{gw}/%ff%fe/x"),
        format!("/v1/{ACCOUNT}/%ff%fe"),
        format!("/v1/{ACCOUNT}/%ff%fe/openai/chat/completions"),
        "/v1/%ff%fe/prod".to_owned(),
        format!("{gw}/openai/{long}/.."),
        format!("{gw}/openai/a/{}../x", "b/".repeat(3000)),
    ];
    for target in &targets {
        let before = h.seen();
        let answer = h.raw("POST", target, &[], br#"{"model":"gpt-4o-mini","messages":[]}"#).await;
        let shown = &target[..target.len().min(120)];
        answer.any_error_shape();
        assert_ne!(answer.status, 404, "{shown}: not a missing route, a refused one: {}", answer.text());
        assert_eq!(h.seen(), before, "{shown}: reached the upstream");
        h.assert_alive().await;
    }
    // The same endpoints in universal steps.
    let endpoints = [
        "../x",
        "a/../../b",
        "./x",
        "%2e%2e/x",
        "%2E%2e/x",
        ".%2e/x",
        "a%2fb",
        "a%2Fb",
        "a%5cb",
        "a\\b",
        "/chat/completions",
        "//evil.example/x",
        "a//b",
        "http://evil.example/x",
        "x\u{0}",
        "chat/completions\r\nX-Injected: 1",
        "x#y",
        "",
    ];
    for endpoint in endpoints {
        let before = h.seen();
        let body = json!([step(&json!("openai"), &json!(endpoint), &json!({"model": "gpt-4o-mini"}))]);
        let answer = h.universal("prod", &body, &[]).await;
        let message = answer.gateway_error(400, 2002);
        assert!(message.contains("endpoint"), "{endpoint:?}: {message}");
        assert_eq!(h.seen(), before, "{endpoint:?}: reached the upstream");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn encoded_slashes_in_provider_paths_are_refused() {
    let h = Harness::new().await;
    // Workers AI model ids may come with `%2F` slashes (Cloudflare's SDK sends them so): accepted.
    let sdk_form = format!("/v1/{ACCOUNT}/prod/workers-ai/%40cf%2Fmeta%2Fllama-3.1-8b-instruct-fp8");
    let answer = h.raw("POST", &sdk_form, &[], br#"{"prompt":"hi"}"#).await;
    assert_eq!(answer.status, 200, "{}", String::from_utf8_lossy(&answer.body));
    for target in [
        format!("/v1/{ACCOUNT}/prod/openai/chat%2fcompletions"),
        format!("/v1/{ACCOUNT}/prod/openai/chat%2Fcompletions"),
    ] {
        let before = h.seen();
        let answer = h.raw("POST", &target, &[], br#"{"model":"gpt-4o-mini","messages":[],"prompt":"hi"}"#).await;
        answer.gateway_error(400, 2002);
        assert_eq!(h.seen(), before, "{target}: reached the upstream");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn huge_request_lines_and_garbage_are_survived() {
    let h = Harness::new().await;
    // Longer than any URI the server accepts: refused by the HTTP layer.
    let target = format!("/v1/{ACCOUNT}/prod/openai/{}", "a".repeat(70_000));
    let before = h.seen();
    let answer = h.raw("POST", &target, &[], b"{}").await;
    assert!((400..500).contains(&answer.status), "{}", answer.status);
    assert_eq!(h.seen(), before);
    h.assert_alive().await;
    // A long but acceptable path is forwarded and answered by the provider.
    let target = format!("/v1/{ACCOUNT}/prod/openai/{}x", "a/".repeat(4_000));
    let answer = h.raw("POST", &target, &[], b"{}").await;
    assert_eq!(answer.status, 404, "{}", answer.text());
    assert!(answer.json()["error"]["message"].is_string(), "{}", answer.text());
    h.assert_alive().await;
    // Not HTTP at all.
    for garbage in
        [&b"GARBAGE\r\n\r\n"[..], b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", b"POST /v1 HTTP/9.9\r\n\r\n"]
    {
        let answer = h.raw_exchange(garbage, true).await;
        assert!(answer.is_empty() || answer.starts_with(b"HTTP/1.1 4"), "{:?}", String::from_utf8_lossy(&answer));
        h.assert_alive().await;
    }
    // Headers far too large for the HTTP layer's buffer: refused there, the server survives.
    let big = vec![b'a'; 600_000];
    let answer = h.raw_exchange(&[b"GET / HTTP/1.1\r\nx-big: ", &big[..], b"\r\n\r\n"].concat(), true).await;
    assert!(answer.is_empty() || answer.starts_with(b"HTTP/1.1 4"), "{:?}", String::from_utf8_lossy(&answer));
    h.assert_alive().await;
}

#[tokio::test]
async fn headers_over_the_limit_get_431_in_the_api_shape() {
    let mut config = test_config();
    config.max_header_bytes = 8 * 1024;
    let h = Harness::start(config).await;
    let (seen, logs) = (h.seen(), h.logs().await);
    // Just under the limit: served.
    let fits = "a".repeat(6 * 1024);
    let answer = h.universal("prod", &valid_steps(), &[("x-note", &fits)]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(h.seen(), seen + 1);
    // Over it, in one header or spread over many: 431, the gateway's shape, nothing sent or logged.
    let one = "a".repeat(9 * 1024);
    let many: Vec<(String, String)> = (0..40).map(|i| (format!("x-part-{i}"), "b".repeat(250))).collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    for headers in [vec![("x-note", one.as_str())], many] {
        let answer = h.universal("prod", &valid_steps(), &headers).await;
        assert_eq!(answer.status, 431, "{}", answer.text());
        let body = answer.json();
        assert_eq!(body["success"], json!(false), "{body}");
        assert_eq!(body["error"][0]["code"], json!(2004), "{body}");
        let message = body["error"][0]["message"].as_str().unwrap();
        assert!(message.contains("over the limit of 8192"), "{message}");
    }
    assert_eq!(h.seen(), seen + 1, "nothing over the limit reached the upstream");
    // The v4 API answers in its own shape.
    let request = h.http.get(h.logs_url("prod")).bearer_auth(API_TOKEN).header("x-note", one.as_str());
    let answer = h.send(request).await;
    assert_eq!(answer.status, 431, "{}", answer.text());
    assert_eq!(answer.json()["errors"][0]["code"], json!(2004), "{}", answer.text());
    assert_eq!(h.logs().await, logs + 1);
    h.assert_alive().await;
    // More header lines than the HTTP layer takes (100): refused there with 431 too.
    let mut request = format!("POST /v1/{ACCOUNT}/prod HTTP/1.1\r\nhost: x\r\nconnection: close\r\n").into_bytes();
    for i in 0..120 {
        request.extend_from_slice(format!("x-h-{i}: 1\r\n").as_bytes());
    }
    request.extend_from_slice(b"content-length: 2\r\n\r\n[]");
    let answer = h.raw_exchange(&request, false).await;
    assert!(answer.starts_with(b"HTTP/1.1 431"), "{:?}", String::from_utf8_lossy(&answer));
    h.assert_alive().await;
}

// ---------------------------------------------------------------------------
// Accounts, gateways, routes and credentials

#[tokio::test]
async fn wrong_account_and_invalid_gateway_ids() {
    let h = Harness::new().await;
    let base = h.gateway.gateway_base_url();
    let body = valid_steps().to_string();
    for url in [
        format!("{base}/wrong-account/prod"),
        format!("{base}/LOCAL-ACCOUNT/prod"),
        format!("{base}/wrong-account/prod/workers-ai/{MODEL}"),
        format!("{base}/{ACCOUNT}/Bad_Gateway!"),
        format!("{base}/{ACCOUNT}/Bad_Gateway!/workers-ai/{MODEL}"),
        format!("{base}/{ACCOUNT}/-leading-dash"),
        format!("{base}/{ACCOUNT}/{}", "a".repeat(65)),
        format!("{base}/{ACCOUNT}/spa%20ce"),
    ] {
        let before = h.seen();
        let answer = h.post(&url, body.clone(), &[]).await;
        let message = answer.gateway_error(400, 2001);
        assert!(message.contains("configure AI Gateway"), "{message}");
        assert_eq!(h.seen(), before, "{url}");
        h.assert_alive().await;
    }
    // v4: a wrong account is no route.
    let url = format!("{}/accounts/wrong-account/ai-gateway/gateways/prod/logs", h.gateway.api_base_url());
    h.v4(reqwest::Method::GET, &url, None).await.v4_error(404, 7003);
    let url = format!("{}/accounts/wrong-account/ai/run/{MODEL}", h.gateway.api_base_url());
    h.v4(reqwest::Method::POST, &url, Some(br#"{"prompt":"hi"}"#)).await.v4_error(404, 7003);
    let url = format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/Bad_Gateway!/url/openai", h.gateway.api_base_url());
    h.v4(reqwest::Method::GET, &url, None).await.v4_error(404, 7003);
    h.assert_alive().await;
}

#[tokio::test]
async fn the_universal_url_the_api_hands_out_is_served() {
    let h = Harness::new().await;
    let url = format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/prod/url/universal", h.gateway.api_base_url());
    let answer = h.v4(reqwest::Method::GET, &url, None).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let universal = answer.json()["result"].as_str().expect("a URL").to_owned();
    let answer = h.post(&universal, valid_steps().to_string(), &[]).await;
    assert_eq!(answer.status, 200, "POST {universal}: {}", answer.text());
}

#[tokio::test]
async fn logs_of_gateways_that_cannot_exist_are_not_found() {
    let h = Harness::start(test_config().with_unknown_gateways(UnknownGateway::Reject)).await;
    for gateway in ["Bad_Gateway!", "other"] {
        let answer = h.v4(reqwest::Method::GET, &h.logs_url(gateway), None).await;
        assert_eq!(answer.status, 404, "{gateway}: {}", answer.text());
        answer.any_error_shape();
    }
}

#[tokio::test]
async fn unknown_routes_are_v4_404s() {
    let h = Harness::new().await;
    for (method, path) in [
        ("GET", "/".to_owned()),
        ("GET", "/nope".to_owned()),
        ("POST", "/v1".to_owned()),
        ("POST", format!("/v1/{ACCOUNT}")),
        ("POST", format!("/v2/{ACCOUNT}/prod")),
        ("GET", "/client/v4".to_owned()),
        ("GET", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways")),
        ("GET", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs/x/y/z")),
        ("DELETE", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod")),
        ("POST", format!("/v1/{ACCOUNT}/prod/compat/not-chat")),
        ("GET", "/.env".to_owned()),
        ("GET", "/client/v4/../../etc/passwd".to_owned()),
    ] {
        let answer = h.raw(method, &path, &[("authorization", format!("Bearer {API_TOKEN}").as_bytes())], b"").await;
        let message = answer.v4_error(404, 7003);
        assert_eq!(message, "No route for the URI", "{method} {path}");
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn wrong_methods_get_an_error_shape() {
    let h = Harness::new().await;
    for (method, path) in [
        ("GET", format!("/v1/{ACCOUNT}/prod")),
        ("PUT", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs")),
        ("POST", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs/x")),
        ("GET", format!("/client/v4/accounts/{ACCOUNT}/ai/run/{MODEL}")),
    ] {
        let answer = h.raw(method, &path, &[("authorization", format!("Bearer {API_TOKEN}").as_bytes())], b"").await;
        assert!((400..500).contains(&answer.status), "{method} {path}: {}", answer.status);
        answer.any_error_shape();
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn the_v4_api_needs_the_api_token() {
    let h = Harness::new().await;
    let created = h.universal("prod", &valid_steps(), &[]).await;
    let id = created.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let logs = h.logs_url("prod");
    let api = h.gateway.api_base_url();
    let operations: Vec<(reqwest::Method, String)> = vec![
        (reqwest::Method::GET, logs.clone()),
        (reqwest::Method::DELETE, logs.clone()),
        (reqwest::Method::GET, format!("{logs}/{id}")),
        (reqwest::Method::PATCH, format!("{logs}/{id}")),
        (reqwest::Method::GET, format!("{logs}/{id}/request")),
        (reqwest::Method::GET, format!("{logs}/{id}/response")),
        (reqwest::Method::GET, format!("{api}/accounts/{ACCOUNT}/ai-gateway/gateways/prod/url/openai")),
        (reqwest::Method::POST, format!("{api}/accounts/{ACCOUNT}/ai/run/{MODEL}")),
        // The token is checked before the account.
        (reqwest::Method::GET, format!("{api}/accounts/wrong-account/ai-gateway/gateways/prod/logs")),
    ];
    let wrong: [Option<&str>; 8] = [
        None,
        Some("Bearer wrong"),
        Some("Bearer local-api-toke"),
        Some("Bearer local-api-tokenX"),
        Some(API_TOKEN),
        Some("Basic bG9jYWwtYXBpLXRva2Vu"),
        Some("Bearer"),
        Some(""),
    ];
    let before = h.seen();
    for (method, url) in &operations {
        for authorization in wrong {
            let mut request = h.http.request(method.clone(), url).body(r#"{"feedback":-1,"prompt":"hi"}"#);
            if let Some(value) = authorization {
                request = request.header("authorization", value);
            }
            let message = h.send(request).await.v4_error(401, 10000);
            assert_eq!(message, "Authentication error");
        }
        // The gateway token header is not the API token.
        let request = h.http.request(method.clone(), url).header("cf-aig-authorization", format!("Bearer {API_TOKEN}"));
        h.send(request).await.v4_error(401, 10000);
    }
    assert_eq!(h.seen(), before, "nothing reached the upstream");
    assert_eq!(h.gateway.store().evaluation("prod", &id).await.unwrap(), Some((None, None)), "no patch applied");
    assert_eq!(h.logs().await, 1, "no delete applied");
    // With the token: served.
    let listed = h.v4(reqwest::Method::GET, &logs, None).await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    assert_eq!(listed.json()["result"].as_array().map(Vec::len), Some(1));
    let url = format!("{api}/accounts/{ACCOUNT}/ai/run/{MODEL}");
    assert_eq!(h.v4(reqwest::Method::POST, &url, Some(br#"{"prompt":"hi"}"#)).await.status, 200);
    h.assert_alive().await;
}

#[tokio::test]
async fn authenticated_gateway_needs_its_token() {
    let h = Harness::new().await;
    let urls = [h.universal_url("secure"), h.provider_url("secure", "workers-ai", MODEL)];
    let bodies = [valid_steps().to_string(), r#"{"prompt":"hi"}"#.to_owned()];
    for (url, body) in urls.iter().zip(&bodies) {
        for headers in [
            vec![],
            vec![("cf-aig-authorization", "Bearer wrong")],
            vec![("cf-aig-authorization", "t")],
            vec![("cf-aig-authorization", "Bearer t2")],
            vec![("cf-aig-authorization", "Bearer ")],
            vec![("cf-aig-authorization", "Basic dA==")],
            // The provider credential header is not the gateway token.
            vec![("authorization", "Bearer t")],
        ] {
            let before = h.seen();
            let answer = h.post(url, body.clone(), &headers).await;
            answer.gateway_error(401, 2009);
            assert_eq!(h.seen(), before, "{url} {headers:?}");
            h.assert_alive().await;
        }
        let answer = h.post(url, body.clone(), &[("cf-aig-authorization", "Bearer t")]).await;
        assert_eq!(answer.status, 200, "{url}: {}", answer.text());
        let id = answer.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
        let log = h.v4(reqwest::Method::GET, &format!("{}/{id}", h.logs_url("secure")), None).await;
        assert_eq!(log.status, 200, "{}", log.text());
    }
    // The token is checked before the body is read: a bad body without the token is a 401.
    h.post(&urls[0], "not json", &[]).await.gateway_error(401, 2009);
    // Another gateway does not need it.
    h.assert_alive().await;
}

#[tokio::test]
async fn unconfigured_gateways_are_rejected_under_the_reject_policy() {
    let config = test_config().with_unknown_gateways(UnknownGateway::Reject);
    let h = Harness::start(config).await;
    for url in [
        h.universal_url("other"),
        h.universal_url("default"),
        h.provider_url("other", "workers-ai", MODEL),
        h.provider_url("other", "compat", "chat/completions"),
    ] {
        let before = h.seen();
        let answer = h.post(&url, valid_steps().to_string(), &[]).await;
        let message = answer.gateway_error(400, 2001);
        assert_eq!(message, "Please configure AI Gateway in the Cloudflare dashboard");
        assert_eq!(h.seen(), before, "{url}");
        h.assert_alive().await;
    }
    let url = format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/other/url/openai", h.gateway.api_base_url());
    h.v4(reqwest::Method::GET, &url, None).await.v4_error(404, 7003);
    assert_eq!(h.logs().await, 4, "only the configured gateway logged");
}

// ---------------------------------------------------------------------------
// Flood

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

// ---------------------------------------------------------------------------
// Documented limits, over HTTP

#[tokio::test]
async fn logs_page_size_and_bulk_delete_size_limits() {
    let h = Harness::new().await;
    for _ in 0..3 {
        assert_eq!(h.universal("prod", &valid_steps(), &[]).await.status, 200);
    }
    let logs = h.logs().await;
    let url = h.logs_url("prod");
    // Page size 1–50, page ≥ 1.
    for (query, named) in [("per_page=0", "per_page"), ("per_page=51", "per_page"), ("page=0", "page")] {
        let answer = h.v4(reqwest::Method::GET, &format!("{url}?{query}"), None).await;
        assert_eq!(answer.status, 400, "{query}: {}", answer.text());
        let body = answer.json();
        assert_eq!(body["success"], json!(false), "{body}");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(named), "{query}: {message}");
    }
    for query in ["per_page=1", "per_page=50"] {
        assert_eq!(h.v4(reqwest::Method::GET, &format!("{url}?{query}"), None).await.status, 200, "{query}");
    }
    // Bulk delete limit 1–10000: over it nothing is deleted.
    for query in ["limit=0", "limit=10001"] {
        let answer = h.v4(reqwest::Method::DELETE, &format!("{url}?{query}"), None).await;
        assert_eq!(answer.status, 400, "{query}: {}", answer.text());
        assert!(answer.json()["errors"][0]["message"].as_str().unwrap().contains("limit"), "{}", answer.text());
        assert_eq!(h.logs().await, logs, "nothing deleted by a refused bulk delete");
    }
    let answer = h.v4(reqwest::Method::DELETE, &format!("{url}?limit=2"), None).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(h.logs().await, logs - 2, "exactly the limit deleted");
}

#[tokio::test]
async fn metadata_over_five_entries_keeps_the_first_five() {
    let h = Harness::new().await;
    let metadata = r#"{"a":1,"b":"two","c":true,"d":4.5,"e":"five","f":6,"g":7}"#;
    let answer = h.universal("prod", &valid_steps(), &[("cf-aig-metadata", metadata)]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let log_id = answer.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let log = h.v4(reqwest::Method::GET, &format!("{}/{log_id}", h.logs_url("prod")), None).await;
    let stored: Value = serde_json::from_str(log.json()["result"]["metadata"].as_str().unwrap()).unwrap();
    assert_eq!(stored, json!({"a": 1, "b": "two", "c": true, "d": 4.5, "e": "five"}), "Cloudflare drops, not rejects");
    // Nested values are refused, naming the header.
    let answer = h.universal("prod", &valid_steps(), &[("cf-aig-metadata", r#"{"a":{"b":1}}"#)]).await;
    assert_eq!(answer.status, 400, "{}", answer.text());
    assert!(answer.text().contains("cf-aig-metadata"), "{}", answer.text());
}

#[tokio::test]
async fn log_limits_stop_inserting_or_drop_the_oldest() {
    let config = LocalConfig::from_toml(&format!(
        r#"
account_id = "{ACCOUNT}"
api_token = "{API_TOKEN}"

[gateways.prod]

[gateways.keep]
log_management = 3
log_management_strategy = "STOP_INSERTING"

[gateways.rolling]
log_management = 3
log_management_strategy = "DELETE_OLDEST"
"#
    ))
    .unwrap();
    let h = Harness::start(config).await;
    let mut ids = Vec::new();
    for gateway in ["keep", "rolling"] {
        let mut sent = Vec::new();
        for _ in 0..5 {
            let answer = h.universal(gateway, &valid_steps(), &[]).await;
            assert_eq!(answer.status, 200, "answered whether logged or not: {}", answer.text());
            sent.push(answer.headers.get("cf-aig-log-id").map(|v| v.to_str().unwrap().to_owned()));
        }
        let listed = h.v4(reqwest::Method::GET, &format!("{}?per_page=50", h.logs_url(gateway)), None).await;
        assert_eq!(listed.json()["result_info"]["total_count"], json!(3), "{}", listed.text());
        ids.push((
            sent,
            listed.json()["result"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>(),
        ));
    }
    // STOP_INSERTING: the first three are kept; the others were answered with no log id.
    let (sent, kept) = &ids[0];
    assert!(sent[..3].iter().all(Option::is_some) && sent[3..].iter().all(Option::is_none), "{sent:?}");
    let mut expected: Vec<String> = sent[..3].iter().flatten().cloned().collect();
    let mut kept = kept.clone();
    expected.sort();
    kept.sort();
    assert_eq!(kept, expected);
    // DELETE_OLDEST: every request logged; the last three are kept, the first is gone.
    let (sent, kept) = &ids[1];
    assert!(sent.iter().all(Option::is_some), "{sent:?}");
    let mut expected: Vec<String> = sent[2..].iter().flatten().cloned().collect();
    let mut kept = kept.clone();
    expected.sort();
    kept.sort();
    assert_eq!(kept, expected);
    let first = sent[0].as_ref().unwrap();
    let gone = h.v4(reqwest::Method::GET, &format!("{}/{first}", h.logs_url("rolling")), None).await;
    assert_eq!(gone.status, 404, "{}", gone.text());
    // Streams follow the same rules.
    let streamed = json!([step(&json!("workers-ai"), &json!(MODEL), &json!({"prompt": "hi", "stream": true}))]);
    for (gateway, logged) in [("keep", false), ("rolling", true)] {
        let answer = h.universal(gateway, &streamed, &[]).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert!(answer.text().contains("data: [DONE]"), "{}", answer.text());
        assert_eq!(answer.headers.contains_key("cf-aig-log-id"), logged, "{gateway}");
        let listed = h.v4(reqwest::Method::GET, &format!("{}?per_page=50", h.logs_url(gateway)), None).await;
        assert_eq!(listed.json()["result_info"]["total_count"], json!(3), "{gateway}: {}", listed.text());
    }
    // A limit of zero is a configuration error, named.
    let err = LocalConfig::from_toml("[gateways.x]\nlog_management = 0\n").unwrap_err().to_string();
    assert!(err.contains("gateways.x") && err.contains("log_management"), "{err}");
}
