//! WAL checkpoints off the writer's path: a thread of its own copies the
//! write-ahead log into the database file, so a commit (and the answers that
//! wait for it) never waits for a checkpoint.
//!
//! By default SQLite checkpoints on the committing connection once the log
//! passes 1 000 pages: the commit that crosses it copies them all while every
//! queued log waits. Under an open loop at 4 000 req/s that put the p99 added
//! latency with file logs at 7.7 ms, against 1.7–2.0 ms with no checkpoints
//! at all (BENCHMARKS.md, issue 18). Here the writer never checkpoints;
//! this thread runs a passive checkpoint (it never blocks the writer or the
//! readers) every [`INTERVAL`], and once more when the store closes.

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;

/// How often the log is copied into the database file: at 20 000 logs a
/// second that is a few megabytes of log at most between two checkpoints.
pub(super) const INTERVAL: Duration = Duration::from_millis(100);

/// Largest write-ahead log kept on disk once it restarts (SQLite truncates
/// it back to this size): a burst may grow it, but its file does not stay large.
pub(super) const WAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

/// The checkpoint thread; it stops (after a last checkpoint) when dropped.
#[derive(Debug)]
pub(super) struct Checkpointer {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts checkpointing the database file at `path` (in WAL mode, whose
    /// writer connection checkpoints no more: see [`writer_settings`]).
    pub(super) fn start(path: &Path) -> Result<Self, StoreError> {
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("gateway-local-db-checkpoint".to_owned())
            .spawn(move || run(&conn, &stopped))
            .map_err(|e| StoreError::Task(format!("cannot start the checkpoint thread: {e}")))?;
        Ok(Self { stop: Some(stop), thread: Some(thread) })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The writer connection's settings when a [`Checkpointer`] runs beside it.
pub(super) fn writer_settings(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    conn.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)?;
    Ok(())
}

fn run(conn: &Connection, stopped: &mpsc::Receiver<()>) {
    let mut failing = false;
    loop {
        let last = !matches!(stopped.recv_timeout(INTERVAL), Err(RecvTimeoutError::Timeout));
        match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            Ok(()) => failing = false,
            // Said once per run of failures; the next interval tries again.
            Err(e) if !failing => {
                failing = true;
                tracing::warn!(error = %e, "the write-ahead log could not be checkpointed");
            }
            Err(_) => {}
        }
        if last {
            return;
        }
    }
}
