//! Shared pieces of the benchmark binaries: statistics over samples, and a
//! minimal upstream server on loopback that answers as fast as it can.
//!
//! Every benchmark measures a baseline and a candidate in the same run,
//! interleaved, and reports the candidate as a ratio of the baseline.

pub mod client_calls;

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

/// The JSON the minimal upstream answers with: a Workers AI envelope.
pub const UPSTREAM_JSON: &str = r#"{"result":{"response":"Hello from the minimal upstream.","usage":{"prompt_tokens":4,"completion_tokens":6,"total_tokens":10}},"success":true,"errors":[],"messages":[]}"#;

/// The JSON the minimal upstream answers OpenAI-format chat calls with (any
/// path ending in `/chat/completions`): a whole `chat.completion`, every
/// field async-openai requires included.
pub const OPENAI_JSON: &str = r#"{"id":"chatcmpl-minimal","object":"chat.completion","created":1764892800,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the minimal upstream.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":4,"completion_tokens":6,"total_tokens":10},"service_tier":"default","system_fingerprint":"fp_minimal"}"#;

/// The event stream the minimal upstream answers streaming requests with:
/// `STREAM_CHUNKS` Workers AI chunks, a usage chunk, then `[DONE]`.
pub fn upstream_sse() -> String {
    let mut out = String::new();
    for i in 0..STREAM_CHUNKS {
        let _ = write!(out, "data: {{\"response\":\"token{i} \"}}\n\n");
    }
    out.push_str(
        "data: {\"response\":\"\",\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":64,\"total_tokens\":68}}\n\n",
    );
    out.push_str("data: [DONE]\n\n");
    out
}

/// Content chunks in a streamed answer of the minimal upstream.
pub const STREAM_CHUNKS: usize = 64;

async fn answer(uri: axum::http::Uri, body: axum::body::Bytes) -> Response {
    let streaming = body.windows(13).any(|w| w == b"\"stream\":true");
    let (content_type, text) = if streaming {
        ("text/event-stream", upstream_sse())
    } else if uri.path().ends_with("/chat/completions") {
        ("application/json", OPENAI_JSON.to_owned())
    } else {
        ("application/json", UPSTREAM_JSON.to_owned())
    };
    let mut response = text.into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// Starts the minimal upstream on `127.0.0.1:0`: any POST gets [`UPSTREAM_JSON`]
/// ([`OPENAI_JSON`] on a `…/chat/completions` path), or [`upstream_sse`]
/// when the body asks for `"stream":true`.
pub async fn minimal_upstream() -> std::io::Result<SocketAddr> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = Router::new().route("/{*path}", post(answer));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(addr)
}

/// Order statistics of a set of samples.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Number of samples.
    pub count: usize,
    /// Median.
    pub p50: Duration,
    /// 90th percentile.
    pub p90: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Smallest.
    pub min: Duration,
    /// Largest.
    pub max: Duration,
}

/// Summarizes `samples` (sorted in place). `None` when there are none.
pub fn summarize(samples: &mut [Duration]) -> Option<Summary> {
    if samples.is_empty() {
        return None;
    }
    samples.sort_unstable();
    let at = |q: f64| {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "a rank within the slice"
        )]
        let index = ((samples.len() - 1) as f64 * q).round() as usize;
        samples[index]
    };
    Some(Summary {
        count: samples.len(),
        p50: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        min: samples[0],
        max: samples[samples.len() - 1],
    })
}

/// `candidate / baseline` of two durations.
pub fn ratio(candidate: Duration, baseline: Duration) -> f64 {
    candidate.as_secs_f64() / baseline.as_secs_f64().max(f64::MIN_POSITIVE)
}

/// The median of `values` (sorted in place); 0 for none.
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        let mut samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let s = summarize(&mut samples).unwrap();
        assert_eq!(
            (s.p50, s.p99, s.min, s.max),
            (
                Duration::from_millis(51),
                Duration::from_millis(99),
                Duration::from_millis(1),
                Duration::from_millis(100)
            )
        );
        assert!(summarize(&mut []).is_none());
        assert!((ratio(Duration::from_millis(105), Duration::from_millis(100)) - 1.05).abs() < 1e-9);
        assert!((median(&mut [3.0, 1.0, 2.0]) - 2.0).abs() < f64::EPSILON);
    }
}
