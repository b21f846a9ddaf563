//! The open-loop load generator: requests sent on a fixed schedule whatever
//! the answers do, each timed from its scheduled send (no coordinated omission).

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::requests::post;

/// Longest wait for the requests of a slice to finish once all are sent
/// (those still out then count as errors).
pub(crate) const DRAIN: Duration = Duration::from_secs(2);

/// What a stretch of open-loop load measured.
#[derive(Debug, Default)]
pub(crate) struct Load {
    /// Scheduled send to complete answer, successful requests only.
    pub(crate) latencies: Vec<Duration>,
    /// Scheduled send to the request's task starting (the generator's own lag).
    pub(crate) lags: Vec<Duration>,
    pub(crate) ok: usize,
    pub(crate) errors: usize,
    /// From the first scheduled send to the last answer (at least the schedule's length).
    pub(crate) active: Duration,
}

impl Load {
    pub(crate) fn absorb(&mut self, other: Load) {
        self.latencies.extend(other.latencies);
        self.lags.extend(other.lags);
        self.ok += other.ok;
        self.errors += other.errors;
        self.active += other.active;
    }
}

/// One request of the open loop.
#[derive(Debug, Clone, Copy)]
struct Sent {
    scheduled: Instant,
    began: Instant,
    done: Instant,
    ok: bool,
}

/// Sends to `url` at `rate` per second for `duration`, on schedule whatever
/// the answers do, then waits (at most [`DRAIN`]) for the answers.
///
/// The schedule is kept by a blocking-pool thread sleeping to each send's
/// instant (`std::thread::sleep`: tens of µs of timer slack, where tokio's
/// timer would round to 1 ms), which spawns each request onto the runtime.
/// A generator that falls behind sends at once what is due: every latency
/// is counted from its scheduled instant, stalls included.
pub(crate) async fn open_loop(client: reqwest::Client, url: Arc<str>, rate: u32, duration: Duration) -> Load {
    let count = u64::from(rate) * u64::try_from(duration.as_millis()).unwrap_or(u64::MAX) / 1000;
    let runtime = tokio::runtime::Handle::current();
    let generator = tokio::task::spawn_blocking(move || {
        let start = Instant::now() + Duration::from_micros(500);
        let mut handles = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        for i in 0..count {
            let scheduled = start + Duration::from_nanos(i * 1_000_000_000 / u64::from(rate));
            let now = Instant::now();
            if scheduled > now {
                std::thread::sleep(scheduled - now);
            }
            let (client, url) = (client.clone(), Arc::clone(&url));
            handles.push(runtime.spawn(async move {
                let began = Instant::now();
                let ok = post(&client, &url).await;
                Sent { scheduled, began, done: Instant::now(), ok }
            }));
        }
        (start, handles)
    });
    let mut load = Load::default();
    let Ok((start, handles)) = generator.await else {
        load.errors = usize::try_from(count).unwrap_or(usize::MAX);
        load.active = duration;
        return load;
    };
    let until = tokio::time::Instant::now() + DRAIN;
    let mut last = start;
    for handle in handles {
        let abort = handle.abort_handle();
        match tokio::time::timeout_at(until, handle).await {
            Ok(Ok(sent)) if sent.ok => {
                load.ok += 1;
                load.latencies.push(sent.done.saturating_duration_since(sent.scheduled));
                load.lags.push(sent.began.saturating_duration_since(sent.scheduled));
                last = last.max(sent.done);
            }
            Ok(_) => load.errors += 1,
            Err(_) => {
                abort.abort();
                load.errors += 1;
            }
        }
    }
    load.active = last.saturating_duration_since(start).max(duration);
    load
}
