//! The response cache: successful answers by key, until their TTL runs out.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use bytes::Bytes;
use sha2::{Digest, Sha256};

/// Most entries kept; the oldest go first beyond that.
const MAX_ENTRIES: usize = 10_000;

/// A cached answer.
#[derive(Debug, Clone)]
pub(crate) struct Cached {
    pub(crate) status: u16,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Bytes,
}

#[derive(Debug, Default)]
pub(crate) struct Cache {
    entries: Mutex<HashMap<String, (Instant, Cached)>>,
}

/// The key of a request: its custom key, or a hash of what it asks.
pub(crate) fn key(gateway: &str, provider: &str, endpoint: &str, body: &[u8], custom: Option<&str>) -> String {
    let mut hash = Sha256::new();
    hash.update(gateway.as_bytes());
    hash.update([0]);
    match custom {
        Some(custom) => {
            hash.update(b"key\0");
            hash.update(custom.as_bytes());
        }
        None => {
            hash.update(provider.as_bytes());
            hash.update([0]);
            hash.update(endpoint.as_bytes());
            hash.update([0]);
            hash.update(body);
        }
    }
    hash.finalize().iter().fold(String::with_capacity(64), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

impl Cache {
    /// A fresh entry under `key`.
    pub(crate) fn get(&self, key: &str) -> Option<Cached> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        match entries.get(key) {
            Some((expires, cached)) if *expires > Instant::now() => Some(cached.clone()),
            Some(_) => {
                entries.remove(key);
                None
            }
            None => None,
        }
    }

    /// Stores `value` for `ttl`.
    pub(crate) fn put(&self, key: String, value: Cached, ttl: Duration) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= MAX_ENTRIES {
            let now = Instant::now();
            entries.retain(|_, (expires, _)| *expires > now);
            if entries.len() >= MAX_ENTRIES {
                if let Some(oldest) = entries.iter().min_by_key(|(_, (expires, _))| *expires).map(|(k, _)| k.clone()) {
                    entries.remove(&oldest);
                }
            }
        }
        entries.insert(key, (Instant::now() + ttl, value));
    }
}
