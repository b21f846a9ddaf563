//! Passing a stream on: committed at its first chunk (no fallback past it),
//! logged before that chunk goes out (a provisional log) and completed when it
//! ends, however it ends; a bounded copy is kept for the log and the cache.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::HeaderValue;
use bytes::Bytes;
use futures::StreamExt as _;
use futures::stream::BoxStream;

use super::record::{LoggedAnswer, log_record};
use super::{RequestContext, Step};
use crate::cache::Cached;
use crate::error::code;
use crate::options::Effective;
use crate::state::{AppState, Completion};
use crate::store::LogRecord;
use crate::telemetry::{AttemptSpan, StepDone};
use crate::upstream::UpstreamError;

/// Splits a stored event stream into its events (each with its blank line).
pub(super) fn split_events(body: &[u8]) -> Vec<Bytes> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < body.len() {
        if body[i] == b'\n' && body[i + 1] == b'\n' {
            out.push(Bytes::copy_from_slice(&body[start..i + 2]));
            start = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    if start < body.len() {
        out.push(Bytes::copy_from_slice(&body[start..]));
    }
    out
}

/// Everything needed to log (and cache) a stream once it ends, however it ends.
///
/// A logged stream gets its log in two writes: a provisional one, awaited
/// before the response head goes out ([`provisional`](Self::provisional)),
/// and its completion, in the background once the body has ended
/// ([`finish`](Self::finish)), so the end of the body never waits for the
/// database while a killed process still leaves the log of every answer it
/// began to send.
pub(super) struct StreamRecorder {
    pub(super) state: Arc<AppState>,
    pub(super) context: RequestContext,
    pub(super) step: Step,
    pub(super) effective: Effective,
    pub(super) started: Instant,
    pub(super) index: Option<usize>,
    pub(super) cache_key: Option<String>,
    pub(super) status: u16,
    pub(super) content_type: Option<HeaderValue>,
    pub(super) log_id: String,
    pub(super) done: bool,
    /// Readers of the log wait for this until the log is completed.
    pub(super) completion: Option<Completion>,
    /// A bounded copy of what has been passed on, for the log and the cache.
    pub(super) copy: SentCopy,
    /// The upstream sent an encoding the gateway did not decode: not cached.
    pub(super) encoded: bool,
    /// Why the provisional log could not be written (then it is not logged).
    pub(super) log_error: Option<&'static str>,
    /// The span of the attempt that is streaming; the stream's end ends it.
    pub(super) attempt_span: Option<AttemptSpan>,
}

/// Bytes of a stream's end kept apart from its stored head: usage reports
/// come last (OpenAI's final chunk, Anthropic's `message_delta`).
const STREAM_TAIL_BYTES: usize = 64 * 1024;

/// What the gateway keeps of a stream it passes on: the first
/// `max_stored_body_bytes` (the stored body, and a cache entry if the
/// stream fits whole), the last [`STREAM_TAIL_BYTES`] for the usage report,
/// and the total size; never the whole of an endless stream.
pub(super) struct SentCopy {
    head: bytes::BytesMut,
    limit: usize,
    tail: std::collections::VecDeque<u8>,
    total: u64,
}

impl SentCopy {
    pub(super) fn new(limit: usize) -> Self {
        Self { head: bytes::BytesMut::new(), limit, tail: std::collections::VecDeque::new(), total: 0 }
    }

    fn keep(&mut self, chunk: &[u8]) {
        self.total += chunk.len() as u64;
        let room = self.limit.saturating_sub(self.head.len());
        self.head.extend_from_slice(&chunk[..room.min(chunk.len())]);
        if self.truncated() {
            let recent = &chunk[chunk.len().saturating_sub(STREAM_TAIL_BYTES)..];
            self.tail.extend(recent);
            let excess = self.tail.len().saturating_sub(STREAM_TAIL_BYTES);
            self.tail.drain(..excess);
        }
    }

    fn truncated(&self) -> bool {
        self.total > self.head.len() as u64
    }

    /// The kept head, and the tail from its first whole event on (when the head is not all).
    fn take(&mut self) -> (Bytes, Option<Bytes>) {
        let head = std::mem::take(&mut self.head).freeze();
        let tail: Vec<u8> = std::mem::take(&mut self.tail).into();
        let tail = self.truncated().then(|| {
            let start = tail.windows(2).position(|w| w == b"\n\n").map_or(tail.len(), |i| i + 2);
            Bytes::copy_from_slice(&tail[start..])
        });
        (head, tail)
    }
}

impl StreamRecorder {
    /// Logs the stream as it starts, when it is logged: durable before the
    /// response head goes out, so a kill mid-stream leaves this provisional
    /// log; the stream's end completes it. The log id to send, if any.
    pub(super) async fn log_start(&mut self, first: &Bytes) -> Option<String> {
        if !self.effective.collect_log {
            return None;
        }
        let state = Arc::clone(&self.state);
        match state.store.insert(self.provisional(first), self.context.settings.log_limit()).await {
            Ok(true) => {
                state.log_feed.publish(&self.context.gateway, &self.log_id);
                self.completion = Some(state.pending.register(&self.context.gateway, &self.log_id));
                Some(self.log_id.clone())
            }
            // The gateway is full and keeps its logs: answered, not logged.
            Ok(false) => {
                self.effective.collect_log = false;
                None
            }
            // Streamed all the same, unlogged; the store has counted and reported it.
            Err(e) => {
                self.effective.collect_log = false;
                self.log_error = Some(e.reason());
                None
            }
        }
    }

    /// The log of the stream as known when it is committed (its first chunk
    /// in hand, nothing sent yet): the request, status and metadata as they
    /// will stay; the response so far (the first chunk), its head marked
    /// incomplete, no tokens or cost yet, the duration until now.
    fn provisional(&self, first: &Bytes) -> LogRecord {
        let content_type = self.content_type.as_ref().and_then(|v| v.to_str().ok()).map(str::to_owned);
        let view = LoggedAnswer {
            status: self.status,
            size: first.len() as u64,
            body: first.slice(..first.len().min(self.copy.limit)),
            content_type,
            cached: false,
            tail: None,
        };
        let mut record =
            log_record(&self.state, &self.context, &self.step, &self.effective, view, self.started, self.index);
        record.id.clone_from(&self.log_id);
        record.response_head_complete = false;
        record.tokens_in = None;
        record.tokens_out = None;
        record.cost = None;
        record
    }

    /// Completes the stream's provisional log (`complete`: it reached its end
    /// without error) in the background and caches a complete stream.
    fn finish(&mut self, complete: bool) -> Option<tokio::task::JoinHandle<()>> {
        if self.done {
            return None;
        }
        self.done = true;
        let content_type = self.content_type.as_ref().and_then(|v| v.to_str().ok()).map(str::to_owned);
        let whole = !self.copy.truncated();
        let size = self.copy.total;
        let (body, tail) = self.copy.take();
        if complete && whole && !self.encoded && self.state.cache.fits(body.len()) {
            if let Some(key) = self.cache_key.take() {
                let entry = Cached { status: self.status, content_type: content_type.clone(), body: body.clone() };
                self.state.cache.put(key, entry, Duration::from_secs(self.effective.cache_ttl));
            }
        }
        let status = if complete { self.status } else { 502 };
        let view = LoggedAnswer { status, size, body, content_type, cached: false, tail };
        let mut record =
            log_record(&self.state, &self.context, &self.step, &self.effective, view, self.started, self.index);
        record.id.clone_from(&self.log_id);
        // Telemetry counts every stream, logged or not.
        let log_id = self.effective.collect_log.then_some(self.log_id.as_str());
        let attempt = self.attempt_span.take();
        self.state.telemetry.step_done(&self.context, &StepDone::of(&record), log_id, attempt);
        if !self.effective.collect_log {
            return None;
        }
        // A stream cut before its end (upstream failure, silence, the caller leaving) is an incomplete answer.
        record.response_head_complete &= complete;
        let state = Arc::clone(&self.state);
        let completion = self.completion.take();
        // The answer is already on its way: complete the log without holding the stream up
        // (tracked: shutdown waits for it before the process exits).
        Some(self.state.tasks.spawn(async move {
            match state.store.finish(record).await {
                Ok(true) => {}
                Ok(false) => tracing::debug!("a streamed log was deleted before its stream ended"),
                Err(e) => tracing::error!(error = %e, "could not complete a streamed log"),
            }
            if let Some(completion) = completion {
                state.pending.complete(completion);
            }
        }))
    }
}

impl Drop for StreamRecorder {
    fn drop(&mut self) {
        // The client went away mid-stream: the log still records what was sent.
        if !self.done && tokio::runtime::Handle::try_current().is_ok() {
            let _ = self.finish(false);
        }
    }
}

/// Forwards a stream chunk by chunk, keeping a copy for the log and the
/// cache; a failure after the first chunk ends it with an `error` event.
pub(super) fn stream_through(
    first: Bytes,
    rest: BoxStream<'static, Result<Bytes, UpstreamError>>,
    finish: StreamRecorder,
    idle: Duration,
) -> BoxStream<'static, Result<Bytes, std::io::Error>> {
    struct Passthrough {
        pending: Option<Bytes>,
        rest: BoxStream<'static, Result<Bytes, UpstreamError>>,
        finish: StreamRecorder,
        ended: bool,
    }
    let pass = Passthrough { pending: Some(first), rest, finish, ended: false };
    futures::stream::unfold(pass, move |mut pass| async move {
        if pass.ended {
            return None;
        }
        if let Some(chunk) = pass.pending.take() {
            pass.finish.copy.keep(&chunk);
            return Some((Ok(chunk), pass));
        }
        // A stream that goes silent is cut, not held open forever.
        let next = tokio::time::timeout(idle, pass.rest.next()).await.unwrap_or_else(|_| {
            Some(Err(UpstreamError::Connection(format!("no data for {} ms (stream_idle_timeout_ms)", idle.as_millis()))))
        });
        match next {
            Some(Ok(chunk)) => {
                pass.finish.copy.keep(&chunk);
                Some((Ok(chunk), pass))
            }
            Some(Err(e)) => {
                pass.ended = true;
                if let Some(task) = pass.finish.finish(false) {
                    let _ = task.await;
                }
                let event = serde_json::json!({"error": [{"code": code::UPSTREAM_FAILED, "message": format!("the upstream stream failed: {e}")}]});
                Some((Ok(Bytes::from(format!("event: error\ndata: {event}\n\n"))), pass))
            }
            None => {
                // The log is written in the background: the body ends now.
                let _ = pass.finish.finish(true);
                None
            }
        }
    })
    .boxed()
}
