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
    pub(crate) rate: RateLimiter,
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
}
