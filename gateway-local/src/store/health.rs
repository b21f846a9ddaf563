//! The store's health for `/health`: failed log writes (counted, and
//! reported at most once a second) and the database file watcher, which
//! notices when the file opened is deleted or replaced.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::{Store, StoreError};

/// Least time between two error lines about failed log writes.
const FAILURE_REPORT_INTERVAL: Duration = Duration::from_secs(1);

/// The database file and what it was when opened.
#[derive(Debug)]
pub(super) struct DatabaseFile {
    path: PathBuf,
    /// `(device, inode)` of the file opened.
    identity: (u64, u64),
}

impl DatabaseFile {
    /// The file at `path` (just opened) and its identity.
    pub(super) fn open(path: &std::path::Path) -> Result<Self, StoreError> {
        let identity = identity(path).map_err(|e| StoreError::Task(format!("cannot inspect the file: {e}")))?;
        Ok(Self { path: path.to_path_buf(), identity })
    }
}

/// What the file at the database's path is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileState {
    /// The file opened is there.
    Present,
    /// Nothing at the path: the file was deleted (the gateway still writes
    /// to the deleted file, and those logs are lost when it stops).
    Missing,
    /// Another file is at the path.
    Replaced,
}

impl FileState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Present => "present",
            Self::Missing => "missing",
            Self::Replaced => "replaced",
        }
    }
}

/// Failures of log writes and the state of the database file, for `/health`.
#[derive(Debug)]
pub(super) struct Health {
    failures: AtomicU64,
    /// The last log write failed (cleared by the next one that succeeds).
    failing: AtomicBool,
    last_error: Mutex<Option<&'static str>>,
    /// When the last error line was written, and how many failures it did not report.
    reported: Mutex<(Option<Instant>, u64)>,
    file: Mutex<FileState>,
}

impl Default for Health {
    fn default() -> Self {
        Self {
            failures: AtomicU64::new(0),
            failing: AtomicBool::new(false),
            last_error: Mutex::new(None),
            reported: Mutex::new((None, 0)),
            file: Mutex::new(FileState::Present),
        }
    }
}

/// `(device, inode)` of the file at `path`.
#[cfg(unix)]
fn identity(path: &std::path::Path) -> std::io::Result<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    let meta = std::fs::metadata(path)?;
    Ok((meta.dev(), meta.ino()))
}

/// Elsewhere only whether a file is there can be told.
#[cfg(not(unix))]
fn identity(path: &std::path::Path) -> std::io::Result<(u64, u64)> {
    std::fs::metadata(path).map(|_| (0, 0))
}

impl Store {
    /// Counts a failed log write and reports it (at most one error line a
    /// second, saying how many were not reported), or clears the failing
    /// state after a write that worked.
    pub(super) fn note_log_write<T>(&self, result: &Result<T, StoreError>) {
        match result {
            Ok(_) => {
                if self.health.failing.swap(false, Ordering::Relaxed) {
                    tracing::info!("log writes work again");
                }
            }
            Err(e) => {
                let failures = self.health.failures.fetch_add(1, Ordering::Relaxed) + 1;
                self.health.failing.store(true, Ordering::Relaxed);
                *self.health.last_error.lock().unwrap_or_else(PoisonError::into_inner) = Some(e.reason());
                let mut reported = self.health.reported.lock().unwrap_or_else(PoisonError::into_inner);
                let now = Instant::now();
                if reported.0.is_none_or(|at| now.duration_since(at) >= FAILURE_REPORT_INTERVAL) {
                    let unreported = std::mem::take(&mut reported.1);
                    reported.0 = Some(now);
                    tracing::error!(error = %e, failures, unreported, "a log could not be written; the answer went out without it");
                } else {
                    reported.1 += 1;
                }
            }
        }
    }

    /// The store's state for `/health`: `degraded` while log writes fail or
    /// the database file is not where it was opened.
    pub(crate) fn health(&self) -> serde_json::Value {
        let failing = self.health.failing.load(Ordering::Relaxed);
        let file = *self.health.file.lock().unwrap_or_else(PoisonError::into_inner);
        let last = *self.health.last_error.lock().unwrap_or_else(PoisonError::into_inner);
        let database = match &self.file {
            None => serde_json::json!({"kind": "memory"}),
            Some(_) => serde_json::json!({"kind": "file", "file": file.as_str()}),
        };
        let status = if failing || file != FileState::Present { "degraded" } else { "ok" };
        serde_json::json!({
            "status": status,
            "log_writes_failing": failing,
            "log_write_failures": self.health.failures.load(Ordering::Relaxed),
            "last_log_error": last,
            "database": database,
        })
    }

    /// Looks whether the file at the database's path is still the one
    /// opened, and warns when that changes.
    fn check_file(&self) {
        let Some(file) = &self.file else { return };
        let now = match identity(&file.path) {
            Ok(found) if found == file.identity => FileState::Present,
            Ok(_) => FileState::Replaced,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileState::Missing,
            // Cannot tell (permissions, ...): keep what was known.
            Err(_) => return,
        };
        let before = std::mem::replace(&mut *self.health.file.lock().unwrap_or_else(PoisonError::into_inner), now);
        if before != now {
            match now {
                FileState::Missing => tracing::warn!(
                    path = %file.path.display(),
                    "the log database file was deleted: logs go on into the deleted file and are lost when the gateway stops"
                ),
                FileState::Replaced => tracing::warn!(
                    path = %file.path.display(),
                    "the log database file was replaced by another file: logs go on into the file opened at start"
                ),
                FileState::Present => tracing::info!(path = %file.path.display(), "the log database file is back"),
            }
        }
    }

    /// Checks the database file every `interval` until the task is aborted
    /// (`None` in memory).
    pub(crate) fn watch_file(&self, interval: Duration) -> Option<tokio::task::JoinHandle<()>> {
        self.file.as_ref()?;
        let store = self.clone();
        Some(tokio::spawn(async move {
            let mut ticks = tokio::time::interval(interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                store.check_file();
            }
        }))
    }
}
