//! Signing in to the dashboard: sessions kept in memory (bounded, expiring),
//! their CSRF tokens, the limit on login attempts per client, and the cap on
//! open event streams.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::config::{RateLimit, RateLimitTechnique};
use crate::state::{RateLimiter, constant_time_eq};

/// The session cookie's name.
pub(crate) const COOKIE: &str = "gl_session";
/// How long a session lasts (and the cookie's `Max-Age`): 12 hours.
pub(crate) const SESSION_TTL: Duration = Duration::from_secs(12 * 60 * 60);
/// Most sessions kept; past it the oldest is dropped.
pub(crate) const MAX_SESSIONS: usize = 1_000;
/// Login attempts one client (IP address) may make per minute, right or wrong.
pub(crate) const LOGIN_ATTEMPTS_PER_MINUTE: u32 = 20;
/// Most event streams open at once, all clients together.
pub(crate) const MAX_EVENT_STREAMS: usize = 32;

/// A signed-in visitor, as the pages see it.
#[derive(Clone)]
pub(crate) struct SignedIn {
    /// The token the session's forms carry (`csrf`).
    pub(crate) csrf: String,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn").finish_non_exhaustive()
    }
}

impl SignedIn {
    /// Whether `presented` is this session's CSRF token (constant time).
    pub(crate) fn csrf_matches(&self, presented: &str) -> bool {
        constant_time_eq(presented.as_bytes(), self.csrf.as_bytes())
    }
}

struct Session {
    csrf: String,
    created: Instant,
}

/// The dashboard's state shared by its handlers.
pub(crate) struct DashboardState {
    /// SHA-256 of the session id (hex) → session: a lookup's timing tells nothing of the ids.
    sessions: Mutex<HashMap<String, Session>>,
    /// Login attempts per client address.
    attempts: RateLimiter,
    /// Permits for open event streams.
    pub(crate) streams: Arc<tokio::sync::Semaphore>,
}

impl Default for DashboardState {
    fn default() -> Self {
        Self {
            sessions: Mutex::default(),
            attempts: RateLimiter::default(),
            streams: Arc::new(tokio::sync::Semaphore::new(MAX_EVENT_STREAMS)),
        }
    }
}

impl std::fmt::Debug for DashboardState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sessions = self.sessions.lock().unwrap_or_else(PoisonError::into_inner).len();
        f.debug_struct("DashboardState").field("sessions", &sessions).finish_non_exhaustive()
    }
}

/// 32 random bytes from the operating system, hex encoded; `None` if it has none to give.
fn random_hex() -> Option<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).ok()?;
    Some(hex(&bytes))
}

/// `bytes` as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn digest(id: &str) -> String {
    hex(&Sha256::digest(id.as_bytes()))
}

impl DashboardState {
    /// Starts a session: its id (the cookie's value), or `None` when the
    /// system has no randomness to give. Drops expired sessions, then the
    /// oldest one when [`MAX_SESSIONS`] are kept.
    pub(crate) fn start_session(&self) -> Option<String> {
        let id = random_hex()?;
        let csrf = random_hex()?;
        let mut sessions = self.sessions.lock().unwrap_or_else(PoisonError::into_inner);
        sessions.retain(|_, s| s.created.elapsed() < SESSION_TTL);
        while sessions.len() >= MAX_SESSIONS {
            let oldest = sessions.iter().min_by_key(|(_, s)| s.created).map(|(key, _)| key.clone());
            match oldest {
                Some(key) => sessions.remove(&key),
                None => break,
            };
        }
        sessions.insert(digest(&id), Session { csrf, created: Instant::now() });
        Some(id)
    }

    /// The live session whose id is `id`.
    pub(crate) fn session(&self, id: &str) -> Option<SignedIn> {
        let key = digest(id);
        let mut sessions = self.sessions.lock().unwrap_or_else(PoisonError::into_inner);
        let session = sessions.get(&key)?;
        if session.created.elapsed() >= SESSION_TTL {
            sessions.remove(&key);
            return None;
        }
        Some(SignedIn { csrf: session.csrf.clone() })
    }

    /// Ends the session whose id is `id`, if any.
    pub(crate) fn end_session(&self, id: &str) {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner).remove(&digest(id));
    }

    /// Counts a login attempt of `client`; `false` when it is over [`LOGIN_ATTEMPTS_PER_MINUTE`].
    pub(crate) fn admit_login(&self, client: &str) -> bool {
        let limit =
            RateLimit { limit: LOGIN_ATTEMPTS_PER_MINUTE, interval_secs: 60, technique: RateLimitTechnique::Sliding };
        self.attempts.admit(client, limit)
    }
}

/// The session id in a `Cookie` header's value, if any.
pub(crate) fn session_cookie(header: &str) -> Option<&str> {
    header.split(';').map(str::trim).find_map(|pair| pair.strip_prefix(COOKIE)?.strip_prefix('='))
}

/// The `Set-Cookie` value for session `id`: not readable by scripts, not
/// sent from other sites, only to the dashboard's paths.
pub(crate) fn set_cookie(id: &str) -> String {
    format!("{COOKIE}={id}; HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age={}", SESSION_TTL.as_secs())
}

/// The `Set-Cookie` value that removes the session cookie.
pub(crate) fn clear_cookie() -> String {
    format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age=0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_bounded_and_ended() {
        let state = DashboardState::default();
        let first = state.start_session().unwrap();
        assert_eq!(first.len(), 64);
        assert!(state.session(&first).is_some());
        for _ in 0..MAX_SESSIONS {
            state.start_session().unwrap();
        }
        assert!(state.session(&first).is_none(), "the oldest was dropped");
        assert_eq!(state.sessions.lock().unwrap().len(), MAX_SESSIONS);
        let id = state.start_session().unwrap();
        let signed_in = state.session(&id).unwrap();
        assert!(signed_in.csrf_matches(&signed_in.csrf.clone()));
        assert!(!signed_in.csrf_matches("x"));
        state.end_session(&id);
        assert!(state.session(&id).is_none());
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        assert_eq!(session_cookie("a=1; gl_session=abc; b=2"), Some("abc"));
        assert_eq!(session_cookie("gl_sessionx=abc"), None);
        assert_eq!(session_cookie(""), None);
    }
}
