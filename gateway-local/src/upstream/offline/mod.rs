//! The offline upstream: a deterministic test double standing in for every
//! built-in provider, with fault injection (what it answers: [`OfflineUpstream`]).
//!
//! **Layout.** This module holds [`OfflineUpstream`] and its counters;
//! `fault` the fault rules and stream pacing; `call` the request as the
//! handlers read it; `content` the deterministic text, numbers and ids;
//! `encode` the binary formats (PNG, MP3, WAV, AWS event streams); `reply`
//! the answer type and each wire dialect's error body; `providers/` one file
//! per provider, each registering its handler, found through gateway-core's
//! provider table ([`gateway_core::provider::PROVIDERS`]).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use async_trait::async_trait;

use super::{Upstream, UpstreamError, UpstreamRequest, UpstreamResponse};

mod call;
mod content;
mod encode;
mod fault;
mod providers;
mod reply;
#[cfg(test)]
mod tests;

use self::call::Call;
/// Shared with the log's usage-parsing tests, so they read real Bedrock stream bytes.
#[cfg(test)]
pub(crate) use self::encode::eventstream_message;
use self::fault::{Cut, Pacing, fault_response, models_of};
pub use self::fault::{Fault, FaultRule};
use self::providers::{answered_slugs, dispatch};
use self::reply::{Reply, bytes_response};

/// How many arrival times [`OfflineUpstream::arrivals`] keeps.
pub(crate) const ARRIVALS_KEPT: usize = 1024;

/// How long [`Fault::Timeout`] waits when each request is given no timeout.
pub(crate) const DEFAULT_FAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The chunk [`Fault::GarbageAfter`] sends: not UTF-8, not an event.
pub(crate) const GARBAGE_CHUNK: &[u8] = b"\xff\xfe garbage \x00\n\n";

/// The message of the [`UpstreamError::Connection`] that [`Fault::DropAfter`] ends a stream with.
pub(crate) const DROPPED_MID_STREAM: &str = "connection dropped mid-stream";

/// A **test double** for every built-in provider: answers from memory, in
/// each provider's wire format, deterministically; never uses the network.
///
/// [`OfflineUpstream`] never touches the network. It answers each built-in
/// provider in that provider's own wire format (Workers AI envelopes, OpenAI
/// chat completions, Anthropic messages, Gemini `generateContent`, Bedrock
/// Converse, ...), with content derived from the request: the same request
/// always gets a byte-identical answer, and different prompts get different
/// answers.
///
/// **It is a test double, not a model.** The answers are plausible in *shape*
/// only: the text is word salad generated from an FNV-1a hash of the model
/// and the last user message (it always starts with `Offline answer
/// <8 hex digits>:`), usage counts are estimates (input tokens = words of the
/// input × 4/3, rounded; output tokens = words of the answer), embeddings are
/// pseudo-random unit vectors, images are 8×8 PNGs and audio is (nearly)
/// silent. Use it to exercise the gateway — routing, logging, caching,
/// retries, fallbacks, timeouts — without credentials or a network, never to
/// judge an answer.
///
/// **Streaming.** A request that asks to stream (`"stream": true` for Workers
/// AI, the OpenAI-compatible chat completions and Anthropic Messages; Gemini
/// `streamGenerateContent?alt=sse`) is answered `text/event-stream` with an
/// [`UpstreamBody::Stream`](crate::UpstreamBody::Stream) yielding one server-sent event per item, in the
/// provider's own format and ending with its end marker (`data: [DONE]`,
/// Anthropic's `message_stop`, Gemini's last chunk with `finishReason`).
/// Every other answer (Bedrock's binary event streams included) is
/// [`UpstreamBody::Full`](crate::UpstreamBody::Full). Events follow each other at once unless
/// [`OfflineUpstream::set_chunk_delay`] spaces them out.
///
/// Faults ([`FaultRule`], [`Fault`]) can be added and cleared at run time to
/// make selected requests slow, fail with a status, time out, drop, end
/// half-way, answer invalid JSON or an HTML page, and streams start late,
/// stall, break or turn to garbage part-way; the counters
/// ([`OfflineUpstream::requests_seen`], [`OfflineUpstream::attempts`]) and
/// arrival times ([`OfflineUpstream::arrivals`]) are taken on the upstream
/// side, so retry counts and spacing can be checked.
///
///
/// Clones share their fault rules, chunk delay and counters,
/// so a test can keep one clone and hand another to the gateway. A provider outside
/// [`PROVIDERS`](Self::PROVIDERS) is counted, never faulted, and answered
/// with [`UpstreamError::UnknownProvider`].
///
/// ```
/// use std::time::Duration;
/// use gateway_local::{Fault, FaultRule, OfflineUpstream};
///
/// // Stream events 50 ms apart.
/// let upstream = OfflineUpstream::new().with_chunk_delay(Duration::from_millis(50));
/// // The next two OpenAI requests get a 429; the third is answered.
/// upstream.add_fault(FaultRule::new(Fault::Status(429)).for_provider("openai").times(2));
/// // Every Workers AI request for this model takes 2 s.
/// upstream.add_fault(
///     FaultRule::new(Fault::Latency(Duration::from_secs(2))).for_model("@cf/meta/llama-3.1-8b-instruct"),
/// );
/// // The next Anthropic stream breaks after three events.
/// upstream.add_fault(FaultRule::new(Fault::DropAfter(3)).for_provider("anthropic").times(1));
/// ```
#[derive(Debug, Clone, Default)]
pub struct OfflineUpstream {
    faults: Arc<Mutex<Vec<FaultRule>>>,
    chunk_delay: Arc<Mutex<Duration>>,
    seen: Arc<AtomicU64>,
    attempts: Arc<Mutex<HashMap<String, u64>>>,
    arrivals: Arc<Mutex<VecDeque<(String, Instant)>>>,
    last: Arc<Mutex<Option<UpstreamRequest>>>,
}

impl OfflineUpstream {
    /// Provider slugs the double answers: the 20 rows of gateway-core's
    /// provider table ([`gateway_core::provider::PROVIDERS`]), in its order,
    /// then `compat`. Any other slug gets [`UpstreamError::UnknownProvider`].
    pub const PROVIDERS: [&'static str; 21] = answered_slugs();

    /// A double with no fault rules and zeroed counters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `rule` (builder form of [`add_fault`](Self::add_fault)).
    #[must_use]
    pub fn with_fault(self, rule: FaultRule) -> Self {
        self.add_fault(rule);
        self
    }

    /// Sets the delay between stream events (builder form of
    /// [`set_chunk_delay`](Self::set_chunk_delay)).
    #[must_use]
    pub fn with_chunk_delay(self, delay: Duration) -> Self {
        self.set_chunk_delay(delay);
        self
    }

    /// Sets how long the double waits before each event of a
    /// stream after the first (default: zero, no waiting).
    pub fn set_chunk_delay(&self, delay: Duration) {
        *lock(&self.chunk_delay) = delay;
    }

    /// The delay between stream events.
    pub fn chunk_delay(&self) -> Duration {
        *lock(&self.chunk_delay)
    }

    /// Adds a fault rule after the existing ones.
    pub fn add_fault(&self, rule: FaultRule) {
        lock(&self.faults).push(rule);
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        lock(&self.faults).clear();
    }

    /// The fault rules still active (exhausted rules are removed).
    pub fn faults(&self) -> Vec<FaultRule> {
        lock(&self.faults).clone()
    }

    /// How many requests the double has received, faulted ones included.
    pub fn requests_seen(&self) -> u64 {
        self.seen.load(Ordering::SeqCst)
    }

    /// How many requests the double has received for `provider`.
    pub fn attempts(&self, provider: &str) -> u64 {
        lock(&self.attempts).get(provider).copied().unwrap_or(0)
    }

    /// When the latest requests arrived (at most 1024, oldest
    /// first), with their provider: retry spacing can be checked on the
    /// upstream's side.
    pub fn arrivals(&self) -> Vec<(String, Instant)> {
        lock(&self.arrivals).iter().cloned().collect()
    }

    /// The last request the double received.
    pub fn last_request(&self) -> Option<UpstreamRequest> {
        lock(&self.last).clone()
    }

    /// Zeroes [`requests_seen`](Self::requests_seen) and every
    /// [`attempts`](Self::attempts) counter, and forgets the last request.
    pub fn reset_counters(&self) {
        self.seen.store(0, Ordering::SeqCst);
        lock(&self.attempts).clear();
        lock(&self.arrivals).clear();
        *lock(&self.last) = None;
    }

    /// The answer to `request`, without faults, delays or counting: what
    /// the double returns when no fault applies (a stream's
    /// events come without the [chunk delay](Self::set_chunk_delay)).
    pub fn answer(request: &UpstreamRequest) -> Result<UpstreamResponse, UpstreamError> {
        Ok(Self::reply(request)?.into_response(Pacing::default()))
    }

    fn reply(request: &UpstreamRequest) -> Result<Reply, UpstreamError> {
        dispatch(&Call::new(request)).ok_or_else(|| UpstreamError::UnknownProvider(request.provider.clone()))
    }

    fn record(&self, request: &UpstreamRequest) {
        self.seen.fetch_add(1, Ordering::SeqCst);
        *lock(&self.attempts).entry(request.provider.clone()).or_insert(0) += 1;
        let mut arrivals = lock(&self.arrivals);
        if arrivals.len() == ARRIVALS_KEPT {
            arrivals.pop_front();
        }
        arrivals.push_back((request.provider.clone(), Instant::now()));
        *lock(&self.last) = Some(request.clone());
    }

    /// Picks the fault for `request`, if any, and uses up one application of
    /// it; `streaming`: the answer is an event stream (stream faults apply).
    fn take_fault(&self, request: &UpstreamRequest, streaming: bool) -> Option<Fault> {
        let mut rules = lock(&self.faults);
        if rules.is_empty() {
            return None;
        }
        let models =
            if rules.iter().any(|rule| rule.model.is_some()) { models_of(&Call::new(request)) } else { Vec::new() };
        let index = rules.iter().position(|rule| rule.matches(&request.provider, &models, streaming))?;
        let fault = rules[index].fault.clone();
        if let Some(remaining) = rules[index].remaining.as_mut() {
            *remaining -= 1;
            if *remaining == 0 {
                rules.remove(index);
            }
        }
        Some(fault)
    }
}

#[async_trait]
impl Upstream for OfflineUpstream {
    async fn send(
        &self,
        request: UpstreamRequest,
        timeout: Option<Duration>,
    ) -> Result<UpstreamResponse, UpstreamError> {
        self.record(&request);
        if !OfflineUpstream::PROVIDERS.contains(&request.provider.as_str()) {
            return Err(UpstreamError::UnknownProvider(request.provider));
        }
        let reply = Self::reply(&request)?;
        let mut pacing = Pacing { gap: self.chunk_delay(), ..Pacing::default() };
        match self.take_fault(&request, reply.is_stream()) {
            None => {}
            Some(Fault::Latency(delay)) => {
                if let Some(limit) = timeout.filter(|limit| delay > *limit) {
                    tokio::time::sleep(limit).await;
                    return Err(UpstreamError::Timeout);
                }
                tokio::time::sleep(delay).await;
            }
            Some(Fault::Status(status)) => return Ok(fault_response(&request, status).into_response(pacing)),
            Some(Fault::Timeout) => {
                tokio::time::sleep(timeout.unwrap_or(DEFAULT_FAULT_TIMEOUT)).await;
                return Err(UpstreamError::Timeout);
            }
            Some(Fault::Drop) => {
                return Err(UpstreamError::Connection(
                    "connection reset by peer (fault injected by the offline upstream)".to_owned(),
                ));
            }
            Some(Fault::Truncated) => {
                let whole = reply.body.len();
                return Err(UpstreamError::Connection(format!(
                    "the body ended after {} of {whole} bytes (fault injected by the offline upstream)",
                    whole / 2
                )));
            }
            Some(Fault::InvalidJson) => {
                let half = reply.body.slice(..reply.body.len() / 2);
                return Ok(Reply { body: half, event_ends: None, ..reply }.into_response(pacing));
            }
            Some(Fault::WrongContentType) => {
                let page = b"<!DOCTYPE html><html><body><h1>Sign in to the network</h1></body></html>".to_vec();
                return Ok(bytes_response(200, "text/html; charset=utf-8", page).into_response(pacing));
            }
            Some(Fault::StallAfter(events)) => pacing.cut = Some((events, Cut::Stall)),
            Some(Fault::DropAfter(events)) => pacing.cut = Some((events, Cut::Drop)),
            Some(Fault::GarbageAfter(events)) => pacing.cut = Some((events, Cut::Garbage)),
            Some(Fault::FirstChunkDelay(delay)) => pacing.first = delay,
        }
        Ok(reply.into_response(pacing))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
