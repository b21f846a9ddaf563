//! The response cache: successful answers by key, until their TTL runs out,
//! within a byte budget.
//!
//! A key is scoped to one caller: the gateway, the HTTP method, the provider
//! and a digest of the caller's credentials are always part of it (unless the
//! gateway shares answers across callers, `cache_shared`), so an answer is
//! never served to someone who did not present the same key.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use bytes::Bytes;
use sha2::{Digest, Sha256};

/// Most entries kept, whatever their size; the oldest go first beyond that.
const MAX_ENTRIES: usize = 10_000;

/// A cached answer.
#[derive(Debug, Clone)]
pub(crate) struct Cached {
    pub(crate) status: u16,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Bytes,
}

impl Cached {
    /// Bytes this entry holds (its body; the rest is small and bounded).
    fn size(&self) -> usize {
        self.body.len() + self.content_type.as_ref().map_or(0, String::len)
    }
}

/// What a cache key is made of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KeyParts<'a> {
    pub(crate) gateway: &'a str,
    pub(crate) method: &'a str,
    pub(crate) provider: &'a str,
    /// The endpoint with credential values redacted (they are in `caller`).
    pub(crate) endpoint: &'a str,
    pub(crate) body: &'a [u8],
    /// `cf-aig-cache-key`: replaces endpoint and body.
    pub(crate) custom: Option<&'a str>,
    /// Digest of the caller's credentials; `None` shares across callers.
    pub(crate) caller: Option<&'a [u8; 32]>,
}

/// The key of a request.
pub(crate) fn key(parts: KeyParts<'_>) -> String {
    let mut hash = Sha256::new();
    for field in [parts.gateway, parts.method, parts.provider] {
        hash.update(field.as_bytes());
        hash.update([0]);
    }
    match parts.caller {
        Some(digest) => {
            hash.update(b"caller\0");
            hash.update(digest);
        }
        None => hash.update(b"shared\0"),
    }
    match parts.custom {
        Some(custom) => {
            hash.update(b"key\0");
            hash.update(custom.as_bytes());
        }
        None => {
            hash.update(b"request\0");
            hash.update(parts.endpoint.as_bytes());
            hash.update([0]);
            hash.update(parts.body);
        }
    }
    hash.finalize().iter().fold(String::with_capacity(64), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

#[derive(Debug)]
struct Entry {
    expires: Instant,
    /// Insertion order, for eviction.
    seq: u64,
    value: Cached,
}

#[derive(Debug, Default)]
struct Entries {
    by_key: HashMap<String, Entry>,
    by_age: BTreeMap<u64, String>,
    bytes: usize,
    next_seq: u64,
}

impl Entries {
    fn remove(&mut self, key: &str) {
        if let Some(entry) = self.by_key.remove(key) {
            self.by_age.remove(&entry.seq);
            self.bytes -= entry.value.size();
        }
    }

    fn evict_oldest(&mut self) -> bool {
        let Some((_, key)) = self.by_age.pop_first() else { return false };
        if let Some(entry) = self.by_key.remove(&key) {
            self.bytes -= entry.value.size();
        }
        true
    }
}

/// The cache, bounded in bytes (`max_bytes` in all, `max_entry_bytes` each)
/// and in entries.
#[derive(Debug)]
pub(crate) struct Cache {
    entries: Mutex<Entries>,
    max_bytes: usize,
    max_entry_bytes: usize,
}

impl Cache {
    /// An empty cache with these budgets.
    pub(crate) fn new(max_bytes: usize, max_entry_bytes: usize) -> Self {
        Self { entries: Mutex::default(), max_bytes, max_entry_bytes: max_entry_bytes.min(max_bytes) }
    }

    /// Whether an answer of `size` bytes may be cached at all.
    pub(crate) fn fits(&self, size: usize) -> bool {
        size <= self.max_entry_bytes
    }

    /// A fresh entry under `key`.
    pub(crate) fn get(&self, key: &str) -> Option<Cached> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        match entries.by_key.get(key) {
            Some(entry) if entry.expires > Instant::now() => Some(entry.value.clone()),
            Some(_) => {
                entries.remove(key);
                None
            }
            None => None,
        }
    }

    /// Stores `value` for `ttl`, unless it is over the per-entry limit;
    /// the oldest entries make room. Whether it was stored.
    pub(crate) fn put(&self, key: String, value: Cached, ttl: Duration) -> bool {
        let size = value.size();
        if !self.fits(size) {
            return false;
        }
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.remove(&key);
        let now = Instant::now();
        if entries.by_key.len() >= MAX_ENTRIES || entries.bytes + size > self.max_bytes {
            // Expired entries go first, then the oldest.
            let expired: Vec<String> =
                entries.by_key.iter().filter(|(_, e)| e.expires <= now).map(|(k, _)| k.clone()).collect();
            for key in expired {
                entries.remove(&key);
            }
        }
        while (entries.by_key.len() >= MAX_ENTRIES || entries.bytes + size > self.max_bytes) && entries.evict_oldest() {
        }
        let seq = entries.next_seq;
        entries.next_seq += 1;
        entries.bytes += size;
        entries.by_age.insert(seq, key.clone());
        entries.by_key.insert(key, Entry { expires: now + ttl, seq, value });
        true
    }

    /// Bytes held now.
    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(size: usize) -> Cached {
        Cached { status: 200, content_type: None, body: Bytes::from(vec![b'x'; size]) }
    }

    #[test]
    fn the_byte_budget_holds_and_the_oldest_go_first() {
        let cache = Cache::new(1000, 400);
        let ttl = Duration::from_secs(60);
        assert!(!cache.put("huge".into(), answer(401), ttl), "over the per-entry limit: skipped");
        assert!(cache.get("huge").is_none());
        for n in 0..5 {
            assert!(cache.put(format!("k{n}"), answer(300), ttl));
            assert!(cache.bytes() <= 1000, "{}", cache.bytes());
        }
        assert!(cache.get("k0").is_none() && cache.get("k1").is_none());
        assert!(cache.get("k2").is_some() && cache.get("k4").is_some());
        // Replacing an entry does not count it twice.
        cache.put("k4".into(), answer(100), ttl);
        assert_eq!(cache.bytes(), 700);
    }

    #[test]
    fn keys_separate_callers_methods_and_providers() {
        let caller_a = [1u8; 32];
        let caller_b = [2u8; 32];
        let base = KeyParts {
            gateway: "g",
            method: "POST",
            provider: "openai",
            endpoint: "chat/completions",
            body: b"{}",
            custom: None,
            caller: Some(&caller_a),
        };
        let k = key(base);
        assert_ne!(k, key(KeyParts { caller: Some(&caller_b), ..base }));
        assert_ne!(k, key(KeyParts { caller: None, ..base }));
        assert_ne!(k, key(KeyParts { method: "DELETE", ..base }));
        assert_ne!(k, key(KeyParts { provider: "groq", ..base }));
        let custom = KeyParts { custom: Some("mine"), ..base };
        assert_ne!(key(custom), key(KeyParts { provider: "groq", ..custom }));
        assert_eq!(key(custom), key(KeyParts { body: b"other", ..custom }), "a custom key replaces the body");
    }
}
