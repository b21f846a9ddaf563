//! Fault rules and stream pacing: what goes wrong, for which requests, and how a stream is cut.

use std::time::Duration;

use bytes::Bytes;
use futures::stream::{self, BoxStream, StreamExt as _};
use serde_json::Value;

use super::call::Call;
use super::providers::{dialect_of, path_model};
use super::reply::{Reply, error_response, reason};
use super::{DROPPED_MID_STREAM, GARBAGE_CHUNK};
use crate::upstream::{UpstreamError, UpstreamRequest};

/// A failure the offline upstream can be told to produce (see [`FaultRule`]).
///
/// The last four are **stream faults**: they apply only to an answer that is
/// an event stream (see [`OfflineUpstream`](super::OfflineUpstream)). To any other
/// answer, a rule with a stream fault does not match: the next matching rule
/// applies instead, and the rule's `remaining` count is left alone. Their
/// `usize` counts events; it is capped at one less than the answer's event
/// count, so the fault always strikes before the end marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Wait this long, then answer normally. If the wait is longer than the
    /// `timeout` given to `send`, wait `timeout` instead and return
    /// [`UpstreamError::Timeout`].
    Latency(Duration),
    /// Answer this HTTP status at once, with the provider's own error body
    /// (`429` adds `retry-after: 1`).
    Status(u16),
    /// Wait for the `timeout` given to `send` (or
    /// 30 s without one), then return
    /// [`UpstreamError::Timeout`].
    Timeout,
    /// Return [`UpstreamError::Connection`] at once, as if the connection had
    /// been reset.
    Drop,
    /// Answer 200 but end the body half-way: the gateway sees the
    /// [`UpstreamError::Connection`] a real upstream's cut body gives.
    Truncated,
    /// Answer 200 with the provider's usual content type and the first half
    /// of its usual body: not valid JSON (a whole body, even for a stream).
    InvalidJson,
    /// Answer 200 with an HTML page (`text/html`), as a captive portal or a
    /// misconfigured proxy would.
    WrongContentType,
    /// Stream: send this many events, then nothing more, never closing: the
    /// stream stays pending forever.
    StallAfter(usize),
    /// Stream: send this many events, then end with an
    /// [`UpstreamError::Connection`] ("connection dropped mid-stream").
    DropAfter(usize),
    /// Stream: send this many events, then a chunk of bytes that are not UTF-8, then end without
    /// the end marker.
    GarbageAfter(usize),
    /// Stream: answer at once, but wait this long before the first event (a
    /// slow time to first byte; the `timeout` given to `send`,
    /// which bounds the wait for the answer, does not cover it).
    FirstChunkDelay(Duration),
}

impl Fault {
    /// Only applies to event-stream answers.
    fn is_stream_fault(&self) -> bool {
        matches!(self, Self::StallAfter(_) | Self::DropAfter(_) | Self::GarbageAfter(_) | Self::FirstChunkDelay(_))
    }
}

/// When to inject a [`Fault`]. The first rule (in insertion order) matching a
/// request applies; a request matches when every `Some` field matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    /// Only requests to this provider slug (`None`: any provider).
    pub provider: Option<String>,
    /// Only requests for this model (`None`: any model). Compared with the
    /// model in the endpoint (Workers AI `@cf/...`, Gemini `models/{model}`,
    /// Bedrock `model/{id}`, the Azure deployment, the Hugging Face or
    /// Replicate `owner/name`) and with the body's `model` / `model_id`.
    pub model: Option<String>,
    /// What to do.
    pub fault: Fault,
    /// Apply this many times, then retire the rule (`None`: forever).
    pub remaining: Option<u32>,
}

impl FaultRule {
    /// A rule applying `fault` to every request, forever.
    pub fn new(fault: Fault) -> Self {
        Self { provider: None, model: None, fault, remaining: None }
    }

    /// Restricts the rule to one provider slug.
    #[must_use]
    pub fn for_provider(mut self, provider: impl Into<String>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Restricts the rule to one model.
    #[must_use]
    pub fn for_model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Applies the rule `n` times, then retires it.
    #[must_use]
    pub fn times(mut self, n: u32) -> Self {
        self.remaining = Some(n);
        self
    }

    pub(super) fn matches(&self, provider: &str, models: &[String], streaming: bool) -> bool {
        self.remaining != Some(0)
            && (streaming || !self.fault.is_stream_fault())
            && self.provider.as_deref().is_none_or(|p| p == provider)
            && self.model.as_deref().is_none_or(|m| models.iter().any(|candidate| candidate == m))
    }
}

/// How a stream's events are sent: when, and where a stream fault cuts them short.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Pacing {
    /// Wait before the first item.
    pub(super) first: Duration,
    /// Wait before every later item.
    pub(super) gap: Duration,
    /// Send at most this many events, then end as [`Cut`] says.
    pub(super) cut: Option<(usize, Cut)>,
}

/// How a stream fault ends a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cut {
    /// Stay pending forever.
    Stall,
    /// End with a connection error.
    Drop,
    /// Send [`GARBAGE_CHUNK`], then end.
    Garbage,
}

/// `events` as a stream of chunks, sent as `pacing` says (no timers when its delays are zero).
pub(super) fn event_stream(mut events: Vec<Bytes>, pacing: Pacing) -> BoxStream<'static, Result<Bytes, UpstreamError>> {
    let mut tail = None;
    if let Some((after, cut)) = pacing.cut {
        events.truncate(after.min(events.len().saturating_sub(1)));
        tail = match cut {
            Cut::Stall => None,
            Cut::Drop => Some(Err(UpstreamError::Connection(DROPPED_MID_STREAM.to_owned()))),
            Cut::Garbage => Some(Ok(Bytes::from_static(GARBAGE_CHUNK))),
        };
    }
    let items: Vec<Result<Bytes, UpstreamError>> = events.into_iter().map(Ok).chain(tail).collect();
    let Pacing { first, gap, cut } = pacing;
    let items = stream::iter(items.into_iter().enumerate()).then(move |(index, item)| async move {
        let wait = if index == 0 { first } else { gap };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        item
    });
    if matches!(cut, Some((_, Cut::Stall))) { items.chain(stream::pending()).boxed() } else { items.boxed() }
}

/// The models a request is for, as fault rules see them.
pub(super) fn models_of(call: &Call<'_>) -> Vec<String> {
    let mut models = Vec::new();
    if let Ok(body) = call.json() {
        for key in ["model", "model_id", "modelId"] {
            if let Some(model) = body.get(key).and_then(Value::as_str) {
                models.push(model.to_owned());
            }
        }
        if let Some((model, _)) = body.get("version").and_then(Value::as_str).and_then(|v| v.split_once(':')) {
            models.push(model.to_owned());
        }
    }
    models.extend(path_model(call));
    models
}

/// The answer for an injected [`Fault::Status`].
pub(super) fn fault_response(request: &UpstreamRequest, status: u16) -> Reply {
    let call = Call::new(request);
    let message = format!("{} (fault injected by the offline upstream)", reason(status));
    error_response(dialect_of(call.provider, &call.path), status, &message)
}
