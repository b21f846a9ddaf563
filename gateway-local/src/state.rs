//! What every handler shares.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::cache::Cache;
use crate::config::{LocalConfig, RateLimit};
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
    /// Logs of streams still running or being completed.
    pub(crate) pending: PendingLogs,
    /// Background work that must end before the process does (completing
    /// the logs of streams, cut ones included): shutdown waits for it.
    pub(crate) tasks: tokio_util::task::TaskTracker,
    /// `http://127.0.0.1:PORT`, for the URL endpoint.
    pub(crate) public_url: String,
}

/// Fixed-window request counters per gateway.
#[derive(Debug, Default)]
pub(crate) struct RateLimiter {
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    /// Counts a request; `false` when the gateway is over its limit.
    pub(crate) fn admit(&self, gateway: &str, limit: RateLimit) -> bool {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        let window = windows.entry(gateway.to_owned()).or_insert((now, 0));
        if now.duration_since(window.0) >= Duration::from_secs(limit.interval_secs) {
            *window = (now, 0);
        }
        if window.1 >= limit.limit {
            return false;
        }
        window.1 += 1;
        true
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
    use super::*;

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"Bearer abc", b"Bearer abc"));
        assert!(!constant_time_eq(b"Bearer abc", b"Bearer abd"));
        assert!(!constant_time_eq(b"Bearer abc", b"Bearer ab"));
        assert!(!constant_time_eq(b"", b"x"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn fixed_window() {
        let limiter = RateLimiter::default();
        let limit = RateLimit { limit: 2, interval_secs: 60 };
        assert!(limiter.admit("g", limit) && limiter.admit("g", limit));
        assert!(!limiter.admit("g", limit));
        assert!(limiter.admit("other", limit));
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
