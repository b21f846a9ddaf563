//! SQLite's checkpoints, moved off the writer thread. A checkpoint syncs the
//! WAL, copies its pages into the database file and syncs that file; run by
//! the writer (SQLite's own, by default once the WAL holds a thousand pages), it held up
//! every log queued meanwhile, and the answers waiting for them: on one core
//! at 4 000 requests per second with file logs, it was the open loop's p99.
//!
//! Here a thread with a connection of its own runs a passive checkpoint
//! [`CHECKPOINT_DELAY`] after the writer nudges it (after commits), so the WAL
//! is copied in small steps while the writer goes on; the writer's own
//! checkpoint, still armed (at [`WAL_RESTART_BYTES`](super::connections::WAL_RESTART_BYTES)
//! of WAL), then finds little left and SQLite starts the WAL over. Passive: it
//! never waits for a lock and never makes the writer or a reader wait.
//! Durability is unchanged: the same syncs, in the same order, on another
//! thread. Idle, the thread sleeps until nudged; it runs only on a CPU with
//! nothing else to do ([`Policy::WhenIdle`](super::scheduling::Policy::WhenIdle)).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::Thread;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// How long after a nudge the checkpoint runs: the commits of that time share
/// it. Shorter copies the same pages more often. Measured on one core, file
/// logs (open-loop p99 at 4 000 req/s; closed-loop rate at 32 connections,
/// against checkpoints in the writer): 5 ms, 1.3–1.8 ms and −8 %; 10 ms,
/// 2.1 ms and −5 %; 20 ms, 1.9–2.4 ms and −2.5 %; 50 ms, 2.7–2.9 ms and ±0.
const CHECKPOINT_DELAY: Duration = Duration::from_millis(20);

/// The writer's handle on the checkpoint thread; dropping it stops the thread.
#[derive(Debug)]
pub(super) struct Checkpointer {
    thread: Thread,
    stop: Arc<AtomicBool>,
    /// Checkpoints run so far (a test knob).
    runs: Arc<AtomicU64>,
}

impl Checkpointer {
    /// Starts the checkpoint thread of the database file at `database`.
    pub(super) fn start(database: PathBuf) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let runs = Arc::new(AtomicU64::new(0));
        let (thread_stop, thread_runs) = (Arc::clone(&stop), Arc::clone(&runs));
        let handle = std::thread::Builder::new().name("gateway-local-checkpoint".to_owned()).spawn(move || {
            super::scheduling::set_for_this_thread(super::scheduling::Policy::WhenIdle);
            run(&database, &thread_stop, &thread_runs);
        })?;
        Ok(Self { thread: handle.thread().clone(), stop, runs })
    }

    /// Says a commit was written: a checkpoint follows soon.
    pub(super) fn nudge(&self) {
        self.thread.unpark();
    }

    /// The count of checkpoints run, shared with the thread.
    pub(super) fn runs(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.runs)
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

/// The checkpoint thread's connection: the same syncs as the writer's. It
/// never creates the file (one deleted meanwhile stays deleted).
fn open(database: &PathBuf) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        database,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Its own commits are none; said for clarity, and so it never checkpoints twice.
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    Ok(conn)
}

fn run(database: &PathBuf, stop: &AtomicBool, runs: &AtomicU64) {
    let mut conn: Option<Connection> = None;
    loop {
        std::thread::park();
        if stop.load(Ordering::Acquire) {
            return;
        }
        std::thread::sleep(CHECKPOINT_DELAY);
        // The store may have closed meanwhile: its files are then left alone.
        if stop.load(Ordering::Acquire) {
            return;
        }
        if conn.is_none() {
            match open(database) {
                Ok(opened) => conn = Some(opened),
                Err(e) => {
                    // The writer's own checkpoints still run: this was only ahead of them.
                    tracing::debug!(error = %e, "checkpoints stay on the database writer");
                    return;
                }
            }
        }
        let Some(conn) = &conn else { continue };
        // Busy (the writer is checkpointing) is fine: the next nudge comes.
        if conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).is_ok() {
            runs.fetch_add(1, Ordering::Relaxed);
        }
    }
}
