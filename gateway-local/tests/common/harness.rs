//! What the tests that run a `LocalGateway` in process share: a gateway
//! started offline with a configuration, a client for it, URL builders for the
//! gateway host and the v4 API, [`Answer`] with the two error-shape checks,
//! and raw TCP exchanges for requests `reqwest` would clean up first.

use std::net::SocketAddr;
use std::time::Duration;

use gateway_local::{Database, LocalConfig, LocalGateway};
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The default configuration's account and v4 API token.
pub(crate) const ACCOUNT: &str = "local-account";
pub(crate) const API_TOKEN: &str = "local-api-token";
/// A Workers AI model the offline upstream answers.
pub(crate) const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
/// No request of these tests may take longer.
pub(crate) const LIMIT: Duration = Duration::from_secs(20);

/// An answer: status, headers (raw answers: none) and body.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("status {}: body is not JSON ({e}): {:?}", self.status, String::from_utf8_lossy(&self.body))
        })
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts the gateway host's error shape with `status` and `code`; returns the message.
    #[track_caller]
    pub(crate) fn gateway_error(&self, status: u16, code: i64) -> String {
        self.gateway_error_in(status, &[code])
    }

    /// Asserts the gateway host's error shape with `status` and one of `codes`; returns the message.
    #[track_caller]
    pub(crate) fn gateway_error_in(&self, status: u16, codes: &[i64]) -> String {
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
    pub(crate) fn v4_error(&self, status: u16, code: i64) -> String {
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
    pub(crate) fn any_error_shape(&self) {
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
pub(crate) struct Harness {
    pub(crate) gateway: LocalGateway,
    pub(crate) http: reqwest::Client,
}

impl Harness {
    /// Starts a gateway offline with `config` and logs in memory.
    pub(crate) async fn start(config: LocalConfig) -> Self {
        Self::start_with(config, Database::Memory).await
    }

    /// [`start`](Self::start) with logs in `database`.
    pub(crate) async fn start_with(config: LocalConfig, database: Database) -> Self {
        let gateway = LocalGateway::builder()
            .config(config)
            .database(database)
            .offline(true)
            .start()
            .await
            .expect("the gateway starts");
        let http = reqwest::Client::builder().timeout(LIMIT).build().expect("a client");
        Self { gateway, http }
    }

    pub(crate) fn addr(&self) -> SocketAddr {
        self.gateway.addr()
    }

    pub(crate) fn universal_url(&self, gateway: &str) -> String {
        format!("{}/{ACCOUNT}/{gateway}", self.gateway.gateway_base_url())
    }

    pub(crate) fn provider_url(&self, gateway: &str, provider: &str, rest: &str) -> String {
        format!("{}/{ACCOUNT}/{gateway}/{provider}/{rest}", self.gateway.gateway_base_url())
    }

    /// `…/accounts/{ACCOUNT}/ai-gateway/gateways/{gateway}/{rest}` on the v4 API.
    pub(crate) fn api_url(&self, gateway: &str, rest: &str) -> String {
        format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/{gateway}/{rest}", self.gateway.api_base_url())
    }

    pub(crate) fn logs_url(&self, gateway: &str) -> String {
        self.api_url(gateway, "logs")
    }

    /// Upstream requests so far.
    pub(crate) fn seen(&self) -> u64 {
        self.gateway.offline_upstream().expect("offline").requests_seen()
    }

    pub(crate) async fn logs(&self) -> u64 {
        self.gateway.store().count().await.expect("count")
    }

    pub(crate) async fn send(&self, request: reqwest::RequestBuilder) -> Answer {
        receive(request).await
    }

    /// `POST` raw bytes to `url` as JSON.
    pub(crate) async fn post(&self, url: &str, body: impl Into<reqwest::Body>, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.http.post(url).header("content-type", "application/json").body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    pub(crate) async fn universal(&self, gateway: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
        self.post(&self.universal_url(gateway), body.to_string(), headers).await
    }

    pub(crate) async fn v4(&self, method: reqwest::Method, url: &str, body: Option<&[u8]>) -> Answer {
        let mut request = self.http.request(method, url).bearer_auth(API_TOKEN);
        if let Some(body) = body {
            request = request.header("content-type", "application/json").body(body.to_vec());
        }
        self.send(request).await
    }

    /// Writes `request` to a fresh connection and reads the whole answer.
    pub(crate) async fn raw_bytes(&self, request: &[u8]) -> Vec<u8> {
        self.raw_exchange(request, false).await
    }

    /// Writes `request` to a fresh connection, closes the writing side when
    /// `half_close` (for input that is no complete request), and reads the whole answer.
    pub(crate) async fn raw_exchange(&self, request: &[u8], half_close: bool) -> Vec<u8> {
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
    pub(crate) async fn raw(&self, method: &str, target: &str, headers: &[(&str, &[u8])], body: &[u8]) -> Answer {
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
}

/// Sends `request` and reads the whole answer.
pub(crate) async fn receive(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("the server answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = tokio::time::timeout(LIMIT, response.bytes()).await.expect("body in time").expect("a body").to_vec();
    Answer { status, headers, body }
}

/// Parses a raw HTTP/1.1 answer (content-length, chunked or read-to-close).
pub(crate) fn parse_raw(bytes: &[u8]) -> Answer {
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

pub(crate) fn dechunk(mut data: &[u8]) -> Vec<u8> {
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

/// An upstream (wiremock) that records what it receives and answers every
/// POST with an OpenAI chat completion whose message is `content`.
pub(crate) async fn recording_chat_upstream(content: &str) -> wiremock::MockServer {
    let upstream = wiremock::MockServer::start().await;
    let completion = json!({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    });
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(completion))
        .mount(&upstream)
        .await;
    upstream
}
