//! What every handler shares.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::cache::Cache;
use crate::config::{LocalConfig, RateLimit, RateLimitTechnique};
use crate::store::Store;
use crate::upstream::Upstream;

/// Shared state of a running gateway.
#[derive(Debug)]
pub(crate) struct AppState {
    pub(crate) config: LocalConfig,
    pub(crate) store: Store,
    pub(crate) upstream: Arc<dyn Upstream>,
    pub(crate) cache: Cache,
    /// The gateways the gateway created itself (`default`), beside the configured ones.
    pub(crate) gateways: crate::gateways::CreatedGateways,
    pub(crate) rate: RateLimiter,
    /// Dynamic routes' seed, draw count and limit counters.
    pub(crate) routes: crate::proxy::route::RouteState,
    /// Stored provider keys (`provider_keys`), resolved at start.
    pub(crate) keys: crate::credentials::StoredKeys,
    /// Logs of streams still running or being completed.
    pub(crate) pending: PendingLogs,
    /// Background work that must end before the process does (completing
    /// the logs of streams, cut ones included): shutdown waits for it.
    pub(crate) tasks: tokio_util::task::TaskTracker,
    /// `http://127.0.0.1:PORT`, for the URL endpoint.
    pub(crate) public_url: String,
    /// Metrics (`/metrics`) and span export.
    pub(crate) telemetry: crate::telemetry::Telemetry,
    /// Logs as they are stored, for the dashboard's live rows.
    pub(crate) log_feed: LogFeed,
    /// The dashboard's sessions, login attempts and event streams.
    pub(crate) dashboard: crate::dashboard::DashboardState,
    /// Cancelled when the gateway stops: endless answers (the dashboard's
    /// event streams) end then rather than hold the shutdown for its grace.
    pub(crate) stopping: tokio_util::sync::CancellationToken,
}

/// A log just stored: its gateway and id (the row itself is read from the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LogStored {
    pub(crate) gateway: String,
    pub(crate) id: String,
}

/// Announces stored logs to whoever listens (the dashboard's event
/// streams), on a bounded broadcast channel: a listener that falls more than
/// [`LOG_FEED_CAPACITY`] logs behind misses them (and is dropped by the
/// dashboard); with no listener, publishing costs a check.
#[derive(Debug)]
pub(crate) struct LogFeed {
    sender: tokio::sync::broadcast::Sender<LogStored>,
}

/// Most stored-log announcements a listener may fall behind.
pub(crate) const LOG_FEED_CAPACITY: usize = 256;

impl Default for LogFeed {
    fn default() -> Self {
        Self { sender: tokio::sync::broadcast::channel(LOG_FEED_CAPACITY).0 }
    }
}

impl LogFeed {
    /// Announces that log `id` of `gateway` has been stored.
    pub(crate) fn publish(&self, gateway: &str, id: &str) {
        if self.sender.receiver_count() > 0 {
            // No receiver left meanwhile is not an error.
            let _ = self.sender.send(LogStored { gateway: gateway.to_owned(), id: id.to_owned() });
        }
    }

    /// A listener for the logs stored from now on.
    pub(crate) fn subscribe(&self) -> tokio::sync::broadcast::Receiver<LogStored> {
        self.sender.subscribe()
    }
}

/// Request counters per key (a gateway, or a route's limit node and key
/// value), fixed or sliding windows (spec §5.2), in bounded memory: one
/// small entry per key, at most [`MAX_WINDOWS`].
#[derive(Debug, Default)]
pub(crate) struct RateLimiter {
    windows: Mutex<HashMap<String, Window>>,
}

/// Sub-windows a sliding window is counted in.
///
/// A sliding window is a ring of counters, not a log of timestamps: memory
/// stays [`SLIDING_BUCKETS`]` + 1` counters per gateway whatever the limit
/// (a log would hold `limit` timestamps, up to 2^32 of them). Requests in the
/// sub-windows wholly inside the trailing interval count fully; the oldest
/// sub-window, cut by the interval's start, counts in proportion to the part
/// still inside (the sliding-window-counter estimate, over 1/60 of the
/// interval instead of all of it), so the count is exact to within one
/// sub-window's share.
const SLIDING_BUCKETS: u64 = 60;

/// One gateway's counters.
#[derive(Debug)]
enum Window {
    /// The interval, the current aligned window's index (time / interval) and its count.
    Fixed { interval: u64, index: u64, count: u32 },
    /// Counts per sub-window; `newest` is the absolute index of the last one touched.
    Sliding { width_ms: u64, newest: u64, counts: Vec<u32> },
}

/// Most windows one limiter keeps: keys may come from callers (a dynamic
/// route's limit per metadata value), so memory stays bounded; windows
/// whose interval has passed are dropped first.
const MAX_WINDOWS: usize = 20_000;

impl Window {
    /// Whether nothing counted in it still counts at `now_ms`.
    fn passed(&self, now_ms: u64) -> bool {
        match self {
            Self::Fixed { interval, index, .. } => now_ms / *interval > *index,
            Self::Sliding { width_ms, newest, counts } => now_ms / *width_ms >= *newest + counts.len() as u64,
        }
    }
}

impl RateLimiter {
    /// Counts a request; `false` when the gateway is over its limit.
    pub(crate) fn admit(&self, gateway: &str, limit: RateLimit) -> bool {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        self.admit_at(gateway, limit, u64::try_from(now.as_millis()).unwrap_or(u64::MAX))
    }

    /// [`admit`](Self::admit) at `now_ms`, milliseconds since the Unix epoch
    /// (fixed windows align to multiples of the interval since then).
    pub(crate) fn admit_at(&self, gateway: &str, limit: RateLimit, now_ms: u64) -> bool {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        let interval_ms = limit.interval_secs.saturating_mul(1000).max(1);
        let fresh = || match limit.technique {
            RateLimitTechnique::Fixed => Window::Fixed { interval: interval_ms, index: now_ms / interval_ms, count: 0 },
            RateLimitTechnique::Sliding => {
                let width_ms = (interval_ms / SLIDING_BUCKETS).max(1);
                let buckets = interval_ms.div_ceil(width_ms);
                let slots = usize::try_from(buckets + 1).unwrap_or(usize::MAX);
                Window::Sliding { width_ms, newest: now_ms / width_ms, counts: vec![0; slots] }
            }
        };
        if windows.len() >= MAX_WINDOWS && !windows.contains_key(gateway) {
            windows.retain(|_, window| !window.passed(now_ms));
            if windows.len() >= MAX_WINDOWS {
                // Full of live windows (keys chosen by callers): refuse rather than forget a count.
                return false;
            }
        }
        let window = windows.entry(gateway.to_owned()).or_insert_with(fresh);
        // Settings that changed since (a gateway updated at run time) start over.
        let unchanged = match (&*window, limit.technique) {
            (Window::Fixed { interval, .. }, RateLimitTechnique::Fixed) => *interval == interval_ms,
            (Window::Sliding { width_ms, counts, .. }, RateLimitTechnique::Sliding) => {
                *width_ms * (counts.len() as u64 - 1) >= interval_ms
                    && *width_ms == (interval_ms / SLIDING_BUCKETS).max(1)
            }
            _ => false,
        };
        if !unchanged {
            *window = fresh();
        }
        match window {
            Window::Fixed { interval, index, count } => {
                let current = now_ms / *interval;
                if current != *index {
                    (*index, *count) = (current, 0);
                }
                if *count >= limit.limit {
                    return false;
                }
                *count += 1;
                true
            }
            Window::Sliding { width_ms, newest, counts } => {
                let slots = counts.len() as u64;
                let current = now_ms / *width_ms;
                if current < *newest {
                    // The clock went back: start over rather than count the future.
                    counts.fill(0);
                } else {
                    // Clear the sub-windows passed since the last request (all of them at most).
                    for passed in (*newest + 1..=current).take(counts.len()) {
                        counts[usize::try_from(passed % slots).unwrap_or(0)] = 0;
                    }
                }
                *newest = current;
                let slot = |absolute: u64| usize::try_from(absolute % slots).unwrap_or(0);
                // The newest `slots - 1` sub-windows are wholly inside the trailing interval;
                // the oldest one (`current - (slots - 1)`, the slot after `current`) in part.
                let whole: u64 = (0..slots - 1).map(|back| u64::from(counts[slot(current + slots - back)])).sum();
                let oldest = u64::from(counts[slot(current + 1)]);
                #[allow(clippy::cast_precision_loss, reason = "counts and widths are far below 2^53")]
                let estimate =
                    whole as f64 + oldest as f64 * (*width_ms - now_ms % *width_ms) as f64 / *width_ms as f64;
                #[allow(clippy::cast_precision_loss, reason = "a u32")]
                if estimate + 1.0 > f64::from(limit.limit) {
                    return false;
                }
                let mine = &mut counts[slot(current)];
                *mine = mine.saturating_add(1);
                true
            }
        }
    }
}

/// How long reading a log waits for its stream to be completed.
pub(crate) const PENDING_LOG_WAIT: Duration = Duration::from_secs(2);

/// Logs whose stream has not been completed in the store yet. Reading one
/// waits (briefly) for its completion, so a caller who has read a stream to
/// its end and then asks for its log gets the whole log, not the
/// provisional one written when the stream began. Each log is kept with its
/// gateway: a read under another gateway does not wait (the wait would tell
/// that the id exists there).
#[derive(Debug, Default)]
pub(crate) struct PendingLogs {
    /// Log id → (its gateway, completion signal).
    by_id: Mutex<HashMap<String, (String, tokio::sync::watch::Receiver<bool>)>>,
}

/// Marks a pending log complete when sent `true` or dropped.
#[derive(Debug)]
pub(crate) struct Completion {
    id: String,
    done: tokio::sync::watch::Sender<bool>,
}

impl PendingLogs {
    /// Registers log `id` of `gateway` as pending until the returned completion is used or dropped.
    pub(crate) fn register(&self, gateway: &str, id: &str) -> Completion {
        let (done, waiting) = tokio::sync::watch::channel(false);
        self.by_id.lock().unwrap_or_else(PoisonError::into_inner).insert(id.to_owned(), (gateway.to_owned(), waiting));
        Completion { id: id.to_owned(), done }
    }

    /// Marks `completion`'s log complete and wakes whoever waits for it.
    pub(crate) fn complete(&self, completion: Completion) {
        let Completion { id, done } = completion;
        self.by_id.lock().unwrap_or_else(PoisonError::into_inner).remove(&id);
        done.send_replace(true);
    }

    /// Waits up to `limit` for log `id` to be completed, if it is pending
    /// and belongs to `gateway`; a log of another gateway is not waited for.
    pub(crate) async fn settle(&self, gateway: &str, id: &str, limit: Duration) {
        let waiting = self
            .by_id
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .filter(|(owner, _)| owner == gateway)
            .map(|(_, waiting)| waiting.clone());
        if let Some(mut waiting) = waiting {
            if let Ok(Err(_)) = tokio::time::timeout(limit, waiting.wait_for(|done| *done)).await {
                // Its completion was dropped unused (the stream's task ended early): nothing to wait for.
                self.by_id.lock().unwrap_or_else(PoisonError::into_inner).remove(id);
            }
        }
    }
}

/// The case-insensitive scheme of a bearer credential (RFC 7235: schemes
/// are case-insensitive).
const BEARER: &[u8] = b"bearer";

/// Whether `presented` (an authorization header's value) is
/// `Bearer <token>`: the scheme in any case, one or more spaces, then the
/// token, compared in constant time.
pub(crate) fn bearer_matches(presented: &[u8], token: &str) -> bool {
    let Some((scheme, rest)) = presented.split_at_checked(BEARER.len()) else { return false };
    if !scheme.eq_ignore_ascii_case(BEARER) || rest.first() != Some(&b' ') {
        return false;
    }
    let credential = rest.trim_ascii_start();
    constant_time_eq(credential, token.as_bytes())
}

/// Compares secrets in time independent of where they differ.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        let y = b.get(i % b.len().max(1)).copied().unwrap_or(0);
        diff |= usize::from(x ^ y);
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn windows_are_bounded_dropping_passed_ones_first_then_refusing() {
        let limiter = RateLimiter::default();
        let limit = RateLimit { limit: 5, interval_secs: 1, technique: RateLimitTechnique::Fixed };
        for key in 0..MAX_WINDOWS {
            assert!(limiter.admit_at(&key.to_string(), limit, 0));
        }
        // Full of live windows: a new key is refused, a known one still counted.
        assert!(!limiter.admit_at("new", limit, 10));
        assert!(limiter.admit_at("0", limit, 10));
        // Once those windows have passed, they make room.
        assert!(limiter.admit_at("new", limit, 5_000));
        let held = limiter.windows.lock().unwrap_or_else(PoisonError::into_inner).len();
        assert!(held <= MAX_WINDOWS, "{held}");
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"Bearer abc", b"Bearer abc"));
        assert!(!constant_time_eq(b"Bearer abc", b"Bearer abd"));
        assert!(!constant_time_eq(b"Bearer abc", b"Bearer ab"));
        assert!(!constant_time_eq(b"", b"x"));
        assert!(constant_time_eq(b"", b""));
    }

    fn limit(technique: RateLimitTechnique) -> RateLimit {
        // The spec's example (§5.2): 10 requests per 10 minutes.
        RateLimit { limit: 10, interval_secs: 600, technique }
    }

    /// 12:00 of some day, a multiple of the interval since the epoch (ms).
    const NOON: u64 = 1_764_936_000_000;
    const MINUTE: u64 = 60_000;

    /// How many of `n` requests at `at` pass.
    fn batch(limiter: &RateLimiter, technique: RateLimitTechnique, at: u64, n: u32) -> u32 {
        (0..n).map(|_| u32::from(limiter.admit_at("g", limit(technique), at))).sum()
    }

    #[test]
    fn fixed_windows_are_aligned_and_pass_both_batches_across_a_boundary() {
        assert_eq!(NOON % (600 * 1000), 0);
        let limiter = RateLimiter::default();
        let fixed = RateLimitTechnique::Fixed;
        assert_eq!(batch(&limiter, fixed, NOON + 9 * MINUTE, 10), 10, "10 at 12:09");
        assert_eq!(batch(&limiter, fixed, NOON + 9 * MINUTE + 1, 1), 0, "the 11th in 12:00-12:10");
        assert_eq!(batch(&limiter, fixed, NOON + 11 * MINUTE, 10), 10, "10 at 12:11: a new window");
        assert_eq!(batch(&limiter, fixed, NOON + 19 * MINUTE, 1), 0);
        assert_eq!(batch(&limiter, fixed, NOON + 20 * MINUTE, 1), 1, "12:20 starts the next window");
        assert!(limiter.admit_at("other", limit(fixed), NOON + 19 * MINUTE), "gateways count apart");
    }

    #[test]
    fn a_sliding_window_rejects_the_second_batch_until_the_first_has_left_it() {
        let limiter = RateLimiter::default();
        let sliding = RateLimitTechnique::Sliding;
        assert_eq!(batch(&limiter, sliding, NOON + 9 * MINUTE, 10), 10, "10 at 12:09");
        assert_eq!(batch(&limiter, sliding, NOON + 11 * MINUTE, 10), 0, "10 at 12:11: all over the limit");
        assert_eq!(batch(&limiter, sliding, NOON + 18 * MINUTE, 1), 0, "12:18: the 12:09 batch still counts");
        assert_eq!(batch(&limiter, sliding, NOON + 19 * MINUTE + 10_000, 10), 10, "12:19:10: it has left");
        // Spread out: never more than 10 in any 10 minutes.
        let limiter = RateLimiter::default();
        let passed: u32 = (0..120).map(|m| batch(&limiter, sliding, NOON + m * (MINUTE + 1000), 1)).sum();
        assert_eq!(passed, 120, "one every 61 s: 10 in any 10 minutes at most, all pass");
        let limiter = RateLimiter::default();
        let passed: u32 = (0..60).map(|m| batch(&limiter, sliding, NOON + m * MINUTE, 5)).sum();
        assert!(passed <= 60 + 10, "5 a minute: about 1 a minute passes, got {passed} of 300");
    }

    #[test]
    fn a_sliding_window_is_bounded_and_survives_a_clock_going_back() {
        let limiter = RateLimiter::default();
        let sliding = RateLimitTechnique::Sliding;
        let huge = RateLimit { limit: u32::MAX, interval_secs: 86_400, technique: sliding };
        for n in 0..1000 {
            assert!(limiter.admit_at("g", huge, NOON + n));
        }
        match &limiter.windows.lock().unwrap()["g"] {
            Window::Sliding { counts, .. } => assert_eq!(counts.len() as u64, SLIDING_BUCKETS + 1),
            other @ Window::Fixed { .. } => panic!("{other:?}"),
        }
        assert_eq!(batch(&limiter, sliding, NOON, 10), 10);
        assert_eq!(batch(&limiter, sliding, NOON - MINUTE, 10), 10, "the clock went back: counted afresh");
        // A technique changed at run time starts over.
        assert_eq!(batch(&limiter, RateLimitTechnique::Fixed, NOON, 10), 10);
    }

    #[tokio::test]
    async fn reading_a_pending_log_waits_for_its_completion_only() {
        let pending = Arc::new(PendingLogs::default());
        // Not pending: no wait at all.
        let started = Instant::now();
        pending.settle("g", "other", Duration::from_secs(5)).await;
        assert!(started.elapsed() < Duration::from_millis(100));
        // Pending: waits until completed.
        let completion = pending.register("g", "L1");
        let completer = Arc::clone(&pending);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(150)).await;
            completer.complete(completion);
        });
        let started = Instant::now();
        pending.settle("g", "L1", Duration::from_secs(5)).await;
        assert!(started.elapsed() >= Duration::from_millis(150), "{:?}", started.elapsed());
        assert!(pending.by_id.lock().unwrap().is_empty());
        // Never completed: the wait is bounded.
        let _kept = pending.register("g", "L2");
        let started = Instant::now();
        pending.settle("g", "L2", Duration::from_millis(100)).await;
        assert!(started.elapsed() >= Duration::from_millis(100));
        // Dropped unused: no wait, and forgotten.
        drop(pending.register("g", "L3"));
        let started = Instant::now();
        pending.settle("g", "L3", Duration::from_secs(5)).await;
        assert!(started.elapsed() < Duration::from_millis(100));
        assert!(!pending.by_id.lock().unwrap().contains_key("L3"));
        // Another gateway's pending log: no wait, and still pending for its own gateway.
        let _kept = pending.register("a", "L4");
        let started = Instant::now();
        pending.settle("b", "L4", Duration::from_secs(5)).await;
        assert!(started.elapsed() < Duration::from_millis(100));
        assert!(pending.by_id.lock().unwrap().contains_key("L4"));
    }

    #[test]
    fn bearer_scheme_is_case_insensitive_and_the_token_exact() {
        for good in ["Bearer tok", "bearer tok", "BEARER tok", "bEaReR tok", "Bearer   tok"] {
            assert!(bearer_matches(good.as_bytes(), "tok"), "{good}");
        }
        for bad in [
            "Bearer tok2",
            "Bearer to",
            "Bearertok",
            "Bearer",
            "Bearer ",
            "Basic tok",
            "tok",
            "",
            "Bearer\ttok",
            "Bearer tok ",
        ] {
            assert!(!bearer_matches(bad.as_bytes(), "tok"), "{bad}");
        }
    }
}
