//! Streaming: server-sent events and typed chunk streams.
//!
//! [`EventStream`] yields the events of an answer as they arrive, with the
//! gateway's report ([`GatewayMeta`]) available before the first one;
//! [`EventStream::chunks`] decodes them into typed chunks and ends at the
//! provider's end marker. A stream cut before that marker is an error
//! ([`Error::StreamTruncated`]), never a silently short answer.

pub mod sse;

use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures::stream::BoxStream;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use self::sse::{SseError, SseEvent, SseParser};
use crate::error::{Error, Result, StreamPhase};
use crate::provider::ProviderSlug;
use crate::response::GatewayMeta;
/// Re-exported so a stream's `next()` needs no dependency of its own.
pub use futures::stream::{Stream, StreamExt};

/// How a provider's stream ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamProtocol {
    /// `data: [DONE]` (Workers AI, OpenAI and OpenAI-compatible providers).
    DoneSentinel,
    /// Anthropic's named events, ending with `message_stop`; `ping` is skipped.
    AnthropicEvents,
    /// OpenAI Responses API events (`response.created`,
    /// `response.output_text.delta`, ...), ending with `response.completed`,
    /// `response.incomplete` or `response.failed` (that last event is yielded).
    ResponsesEvents,
}

impl StreamProtocol {
    /// The protocol a provider streams with.
    pub fn for_provider(provider: &ProviderSlug) -> Self {
        match provider {
            ProviderSlug::Anthropic => Self::AnthropicEvents,
            _ => Self::DoneSentinel,
        }
    }

    /// The protocol of a model declared for `provider` (its slug) at
    /// `endpoint`: the Responses API's events where the declaration is one
    /// ([`V1Endpoint::of_declaration`](crate::rest_api::V1Endpoint::of_declaration)),
    /// else the provider's. `const` so `#[derive(Model)]` can use it.
    pub const fn of_declaration(provider: &str, endpoint: &str) -> Self {
        match crate::rest_api::V1Endpoint::of_declaration(provider, endpoint) {
            Some(v1) => v1.stream_protocol(),
            None if crate::rest_api::const_eq(provider, "anthropic") => Self::AnthropicEvents,
            None => Self::DoneSentinel,
        }
    }
}

/// Whether `event` (its name, else the `type` in its data) is a terminal
/// Responses API event.
fn is_responses_end(kind: &str, data: &str) -> bool {
    const ENDS: [&str; 3] = ["response.completed", "response.incomplete", "response.failed"];
    #[derive(serde::Deserialize)]
    struct Probe<'a> {
        #[serde(rename = "type", borrow)]
        kind: Option<std::borrow::Cow<'a, str>>,
    }
    if kind != "message" {
        return ENDS.contains(&kind);
    }
    serde_json::from_str::<Probe<'_>>(data).ok().and_then(|p| p.kind).is_some_and(|k| ENDS.contains(&k.as_ref()))
}

/// Time limits of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StreamTimeouts {
    /// From the request until the first chunk of the body.
    pub(crate) first_byte: Option<Duration>,
    /// Between two chunks.
    pub(crate) idle: Option<Duration>,
}

/// The events of a streamed answer.
pub struct EventStream {
    /// What the gateway reported, known before the first event.
    pub meta: GatewayMeta,
    inner: BoxStream<'static, Result<SseEvent>>,
}

impl std::fmt::Debug for EventStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream").field("meta", &self.meta).finish_non_exhaustive()
    }
}

impl Stream for EventStream {
    type Item = Result<SseEvent>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl EventStream {
    pub(crate) fn new(
        meta: GatewayMeta,
        body: BoxStream<'static, std::result::Result<Bytes, reqwest::Error>>,
        timeouts: StreamTimeouts,
    ) -> Self {
        Self { meta, inner: events(body, timeouts) }
    }

    /// A stream of the events in `body`, server-sent-event text in chunks cut
    /// anywhere, parsed as an answer from the gateway is; what a
    /// [`Gateway`](crate::Gateway) of your own returns from its streaming
    /// calls. No time limits: `body` sets its own pace.
    ///
    /// ```
    /// # tokio::runtime::Runtime::new().unwrap().block_on(async {
    /// use gateway_core::{EventStream, GatewayMeta, StreamProtocol};
    /// use gateway_core::stream::StreamExt as _;
    /// let body = ["data: {\"response\":\"Hel", "lo\"}\n\ndata: [DONE]\n\n"].map(gateway_core::bytes::Bytes::from);
    /// let events = EventStream::from_sse(GatewayMeta::default(), futures::stream::iter(body));
    /// let chunks: Vec<serde_json::Value> = events
    ///     .chunks(StreamProtocol::DoneSentinel)
    ///     .map(|chunk| chunk.unwrap())
    ///     .collect()
    ///     .await;
    /// assert_eq!(chunks, [serde_json::json!({"response": "Hello"})]);
    /// # });
    /// ```
    pub fn from_sse(meta: GatewayMeta, body: impl Stream<Item = Bytes> + Send + 'static) -> Self {
        Self::new(meta, body.map(Ok).boxed(), StreamTimeouts { first_byte: None, idle: None })
    }

    /// Decodes each event's data as `C`, ending at `protocol`'s end marker.
    pub fn chunks<C: DeserializeOwned + Send + 'static>(self, protocol: StreamProtocol) -> ChunkStream<C> {
        ChunkStream { meta: self.meta, inner: chunks(self.inner, protocol) }
    }
}

/// Typed chunks of a streamed answer.
pub struct ChunkStream<C> {
    /// What the gateway reported, known before the first chunk.
    pub meta: GatewayMeta,
    inner: BoxStream<'static, Result<C>>,
}

impl<C> std::fmt::Debug for ChunkStream<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChunkStream").field("meta", &self.meta).finish_non_exhaustive()
    }
}

impl<C> Stream for ChunkStream<C> {
    type Item = Result<C>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl<C> ChunkStream<C> {
    /// Every chunk, or the first error.
    pub async fn try_collect_all(mut self) -> Result<Vec<C>> {
        let mut out = Vec::new();
        while let Some(chunk) = self.inner.next().await {
            out.push(chunk?);
        }
        Ok(out)
    }
}

/// Bytes to events, with first-byte and idle timeouts.
fn events(
    body: BoxStream<'static, std::result::Result<Bytes, reqwest::Error>>,
    timeouts: StreamTimeouts,
) -> BoxStream<'static, Result<SseEvent>> {
    struct State {
        body: BoxStream<'static, std::result::Result<Bytes, reqwest::Error>>,
        parser: Option<SseParser>,
        queue: VecDeque<SseEvent>,
        started: bool,
        ended: bool,
        timeouts: StreamTimeouts,
    }
    let state =
        State { body, parser: Some(SseParser::new()), queue: VecDeque::new(), started: false, ended: false, timeouts };
    futures::stream::unfold(state, |mut state| async move {
        loop {
            if let Some(event) = state.queue.pop_front() {
                return Some((Ok(event), state));
            }
            if state.ended {
                return None;
            }
            let (limit, phase) = if state.started {
                (state.timeouts.idle, StreamPhase::Idle)
            } else {
                (state.timeouts.first_byte, StreamPhase::FirstByte)
            };
            let next = match limit {
                Some(limit) => match tokio::time::timeout(limit, state.body.next()).await {
                    Ok(next) => next,
                    Err(_) => {
                        state.ended = true;
                        return Some((Err(Error::StreamTimeout { phase, after: limit }), state));
                    }
                },
                None => state.body.next().await,
            };
            match next {
                Some(Ok(bytes)) => {
                    state.started = true;
                    let parsed = state.parser.as_mut().map_or(Ok(Vec::new()), |p| p.push(&bytes));
                    match parsed {
                        Ok(events) => state.queue.extend(events),
                        Err(e) => {
                            state.ended = true;
                            return Some((Err(Error::StreamFormat(e)), state));
                        }
                    }
                }
                Some(Err(e)) => {
                    state.ended = true;
                    return Some((Err(Error::from_reqwest(e)), state));
                }
                None => {
                    state.ended = true;
                    match state.parser.take().map(SseParser::finish) {
                        Some(Ok(Some(partial))) => state.queue.push_back(partial),
                        Some(Err(e)) => return Some((Err(Error::StreamFormat(e)), state)),
                        _ => {}
                    }
                }
            }
        }
    })
    .boxed()
}

/// An `event: error` (ours, or a provider's) as an error.
fn in_band_error(data: &str) -> Error {
    let value: Value = serde_json::from_str(data).unwrap_or(Value::Null);
    let first = value.get("error").and_then(|e| e.as_array().and_then(|a| a.first()).or(Some(e)));
    let message =
        first.and_then(|e| e.get("message")).and_then(Value::as_str).map_or_else(|| data.to_owned(), str::to_owned);
    let name = first.and_then(|e| e.get("type")).and_then(Value::as_str).map(str::to_owned);
    let code = first.and_then(|e| e.get("code")).and_then(Value::as_i64);
    Error::UpstreamInference { status: 200, code, name, message, meta: Box::default() }
}

/// Events to typed chunks, ending at the protocol's end marker.
fn chunks<C: DeserializeOwned + Send + 'static>(
    events: BoxStream<'static, Result<SseEvent>>,
    protocol: StreamProtocol,
) -> BoxStream<'static, Result<C>> {
    struct State {
        events: BoxStream<'static, Result<SseEvent>>,
        protocol: StreamProtocol,
        count: usize,
        finished: bool,
    }
    let state = State { events, protocol, count: 0, finished: false };
    futures::stream::unfold(state, |mut state| async move {
        loop {
            if state.finished {
                return None;
            }
            let event = match state.events.next().await {
                None => {
                    state.finished = true;
                    return Some((Err(Error::StreamTruncated { chunks: state.count }), state));
                }
                Some(Err(e)) => {
                    state.finished = true;
                    return Some((Err(e), state));
                }
                Some(Ok(event)) => event,
            };
            let kind = event.event.as_deref().unwrap_or("message");
            if kind == "error" {
                state.finished = true;
                return Some((Err(in_band_error(&event.data)), state));
            }
            match state.protocol {
                StreamProtocol::DoneSentinel if event.data.trim() == "[DONE]" => return None,
                StreamProtocol::AnthropicEvents if kind == "ping" => continue,
                StreamProtocol::AnthropicEvents if kind == "message_stop" => state.finished = true,
                StreamProtocol::ResponsesEvents if is_responses_end(kind, &event.data) => state.finished = true,
                _ => {}
            }
            let decoded = crate::wire::decode::json::<C>(event.data.as_bytes());
            if decoded.is_err() {
                state.finished = true;
            } else {
                state.count += 1;
            }
            return Some((decoded, state));
        }
    })
    .boxed()
}
