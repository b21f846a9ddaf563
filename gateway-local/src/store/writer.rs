//! The one writer: a thread owning the writer connection and the per-gateway
//! log counts, fed by a bounded queue. It takes everything queued at once and
//! commits the logs among it in one transaction (group commit), then answers
//! each of them: an answer waits for its log's commit, as before, but a
//! request no longer needs a blocking-pool thread and a commit of its own.
//! Every other write (patches, deletes, routes, spend, ...) is a job on the
//! same queue, run alone and in order, so writes still happen one at a time
//! in the order they were asked for.
//!
//! Bounds: the queue holds at most [`QUEUE_CAPACITY`] jobs (a flood waits to
//! get in, not in memory), and each job has a deadline (its write wait): a
//! job that cannot get into the queue, or whose turn comes too late, or that
//! finds the database locked by another process past its deadline, ends in
//! [`StoreError::Busy`], exactly as when a mutex guarded the connection.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tokio::sync::{mpsc, oneshot};

use super::checkpoint::Checkpointer;
use super::scheduling::{self, Policy};
use super::{LogLimit, LogRecord, Store, StoreError};

/// Jobs the queue holds; a sender past it waits (up to its write wait).
/// Also the largest group committed at once.
pub(super) const QUEUE_CAPACITY: usize = 1024;

/// The per-gateway log counts the writer keeps: a cache of `COUNT(*)` per
/// gateway (a missing entry is counted again), so a failed write clears it.
pub(super) type Counts = HashMap<String, u64>;

/// A write of a log, batched with the others queued beside it.
#[derive(Debug)]
pub(super) enum LogWrite {
    /// Store a log, under a log limit (`Ok(false)`: not stored, the gateway is full).
    Insert(LogRecord, Option<LogLimit>),
    /// Complete a stream's provisional log (`Ok(false)`: it is gone).
    Finish(LogRecord),
}

/// Any other write: run alone, given the connection and the counts, or the
/// reason it cannot run (its deadline passed in the queue).
type Work = Box<dyn FnOnce(Result<(&mut Connection, &mut Counts), StoreError>) + Send>;

/// Who may still act on a job: the writer (to run it) or its sender (to give
/// up on it at its deadline); the first to take it decides, so a job given up
/// on is never run and one being run is always waited for.
#[derive(Debug)]
struct Ticket {
    deadline: Instant,
    taken: Arc<AtomicBool>,
}

impl Ticket {
    /// Whether the caller took the job (nobody had).
    fn take(taken: &AtomicBool) -> bool {
        !taken.swap(true, Ordering::AcqRel)
    }
}

/// A log's record travels by value: boxing it would cost an allocation per
/// logged request, and the queue's slots are allocated a block at a time.
#[expect(clippy::large_enum_variant, reason = "a log's record travels by value, see above")]
enum Job {
    Log { write: LogWrite, ticket: Ticket, reply: oneshot::Sender<Result<bool, StoreError>> },
    Run { work: Work, ticket: Ticket },
}

/// The store's handle on the writer thread: its queue and a count of the
/// transactions it committed logs in (for tests and benchmarks).
#[derive(Debug, Clone)]
pub(super) struct WriterHandle {
    queue: mpsc::Sender<Job>,
    commits: Arc<AtomicU64>,
    /// Checkpoints run off the writer (a file database's).
    checkpoints: Option<Arc<AtomicU64>>,
}

/// Starts the writer thread on `conn` (and, for a file database at `file`,
/// its checkpoint thread); it ends once every handle is dropped and the queue
/// is drained.
pub(super) fn start(
    conn: Connection,
    write_wait: Duration,
    byte_budget: Option<u64>,
    file: Option<PathBuf>,
) -> Result<WriterHandle, StoreError> {
    let (queue, jobs) = mpsc::channel(QUEUE_CAPACITY);
    let commits = Arc::new(AtomicU64::new(0));
    let checkpointer = file
        .map(Checkpointer::start)
        .transpose()
        .map_err(|e| StoreError::Task(format!("cannot start the checkpoint thread: {e}")))?;
    let checkpoints = checkpointer.as_ref().map(Checkpointer::runs);
    let thread = WriterThread {
        conn,
        counts: Counts::new(),
        write_wait,
        byte_budget,
        commits: Arc::clone(&commits),
        checkpointer,
    };
    std::thread::Builder::new()
        .name("gateway-local-db-writer".to_owned())
        .spawn(move || {
            scheduling::set_for_this_thread(Policy::DeferToRequests);
            thread.run(jobs);
        })
        .map_err(|e| StoreError::Task(format!("cannot start the database writer: {e}")))?;
    Ok(WriterHandle { queue, commits, checkpoints })
}

impl WriterHandle {
    /// Transactions the writer committed logs in so far.
    pub(super) fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }
}

/// `Busy` after waiting `wait`.
fn busy(wait: Duration) -> StoreError {
    StoreError::Busy { waited_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX) }
}

/// `Busy` for SQLite's busy error (another process kept its lock past the wait).
fn busy_error(e: StoreError, wait: Duration) -> StoreError {
    match e {
        StoreError::Sqlite(ref sqlite) if sqlite.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
            busy(wait)
        }
        other => other,
    }
}

impl Store {
    /// Queues `job` (made with a fresh ticket) and waits for its answer on
    /// `reply`; the whole wait (to get into the queue, for its turn, for
    /// another process's lock) is bounded by the write wait.
    async fn submit<T>(
        &self,
        job: impl FnOnce(Ticket) -> Job,
        reply: oneshot::Receiver<Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        let wait = self.limits.write_wait;
        let deadline = Instant::now() + wait;
        let taken = Arc::new(AtomicBool::new(false));
        let job = job(Ticket { deadline, taken: Arc::clone(&taken) });
        let stopped = || StoreError::Task("the database writer stopped".to_owned());
        match self.writer.queue.try_send(job) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Closed(_)) => return Err(stopped()),
            Err(mpsc::error::TrySendError::Full(job)) => {
                match tokio::time::timeout_at(deadline.into(), self.writer.queue.send(job)).await {
                    Ok(Ok(())) => {}
                    Ok(Err(_)) => return Err(stopped()),
                    Err(_) => return Err(busy(wait)),
                }
            }
        }
        let mut reply = reply;
        match tokio::time::timeout_at(deadline.into(), &mut reply).await {
            Ok(answer) => answer.unwrap_or_else(|_| Err(stopped())),
            // Given up on before the writer took it: it will not run.
            Err(_) if Ticket::take(&taken) => Err(busy(wait)),
            // The writer is running it (its database wait is bounded too): its answer is the truth.
            Err(_) => reply.await.unwrap_or_else(|_| Err(stopped())),
        }
    }

    /// Writes a log in the writer's next group commit; `Ok` once committed.
    pub(super) async fn write_log(&self, write: LogWrite) -> Result<bool, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.submit(|ticket| Job::Log { write, ticket, reply }, answer).await
    }

    /// Runs `work` on the writer connection.
    pub(super) async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.with_counts(|conn, _| work(conn)).await
    }

    /// Runs `work` on the writer connection, with the per-gateway log counts,
    /// alone (not in a group). The whole wait for the database (for its turn
    /// on the writer, then for another process's lock) is bounded by the
    /// write wait: past it, `Busy`.
    pub(super) async fn with_counts<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection, &mut Counts) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (reply, answer) = oneshot::channel();
        let wait = self.limits.write_wait;
        let work: Work = Box::new(move |writer| {
            let result = writer.and_then(|(conn, counts)| work(conn, counts)).map_err(|e| busy_error(e, wait));
            let _ = reply.send(result);
        });
        self.submit(|ticket| Job::Run { work, ticket }, answer).await
    }

    /// Test knob: transactions the writer has committed logs in (a group
    /// counts once, a log written alone once). Not a stable API.
    #[doc(hidden)]
    pub fn log_commits(&self) -> u64 {
        self.writer.commits()
    }

    /// Test knob: checkpoints a file database's checkpoint thread has run
    /// (`None` in memory), and a weak hold on their count, gone once the
    /// thread has stopped. Not a stable API.
    #[doc(hidden)]
    pub fn background_checkpoints(&self) -> Option<(u64, std::sync::Weak<AtomicU64>)> {
        self.writer.checkpoints.as_ref().map(|runs| (runs.load(Ordering::Relaxed), Arc::downgrade(runs)))
    }
}

/// The writer thread's state.
struct WriterThread {
    conn: Connection,
    counts: Counts,
    write_wait: Duration,
    /// The bytes all logs may take (in memory; `None` for a file).
    byte_budget: Option<u64>,
    commits: Arc<AtomicU64>,
    /// Dropped with the thread's state, which stops it.
    checkpointer: Option<Checkpointer>,
}

/// A log taken from the queue, to be written in the next group.
struct Pending {
    write: LogWrite,
    deadline: Instant,
    reply: oneshot::Sender<Result<bool, StoreError>>,
}

impl WriterThread {
    fn run(mut self, mut jobs: mpsc::Receiver<Job>) {
        let mut group: Vec<Pending> = Vec::new();
        while let Some(first) = jobs.blocking_recv() {
            // Let the request threads run on before taking the group: on a
            // busy core they queue more logs, which then share one commit.
            std::thread::yield_now();
            let mut next = Some(first);
            // Everything queued now, in order: logs gather into a group; any
            // other job first commits the group, then runs alone.
            while let Some(job) = next.take() {
                match job {
                    Job::Log { write, ticket, reply } => match claim(&ticket) {
                        Claim::Run => group.push(Pending { write, deadline: ticket.deadline, reply }),
                        Claim::Late => drop(reply.send(Err(busy(self.write_wait)))),
                        Claim::GivenUp => {}
                    },
                    Job::Run { work, ticket } => {
                        self.commit_group(&mut group);
                        match claim(&ticket) {
                            Claim::Run => self.run_alone(work, ticket.deadline),
                            Claim::Late => work(Err(busy(self.write_wait))),
                            Claim::GivenUp => {}
                        }
                    }
                }
                if group.len() < QUEUE_CAPACITY {
                    next = jobs.try_recv().ok();
                }
            }
            self.commit_group(&mut group);
            if let Some(checkpointer) = &self.checkpointer {
                checkpointer.nudge();
            }
        }
    }

    /// Sets the wait for another process's lock to what is left of `deadline`.
    fn wait_until(&self, deadline: Instant) -> Result<(), StoreError> {
        self.conn.busy_timeout(deadline.saturating_duration_since(Instant::now()))?;
        Ok(())
    }

    fn run_alone(&mut self, work: Work, deadline: Instant) {
        match self.wait_until(deadline) {
            Ok(()) => work(Ok((&mut self.conn, &mut self.counts))),
            Err(e) => work(Err(e)),
        }
    }

    /// Commits the logs of `group` in one transaction and answers each; if
    /// that fails (one log too big for a full disk, a lock held outside),
    /// writes each alone, so each gets its own answer.
    fn commit_group(&mut self, group: &mut Vec<Pending>) {
        if group.is_empty() {
            return;
        }
        if group.len() > 1 {
            let deadline = group.iter().map(|p| p.deadline).min().unwrap_or_else(Instant::now);
            match self.write_group(group, deadline) {
                Ok(results) => {
                    self.commits.fetch_add(1, Ordering::Relaxed);
                    for (pending, stored) in group.drain(..).zip(results) {
                        let _ = pending.reply.send(Ok(stored));
                    }
                    return;
                }
                // Counts of a rolled-back group may be off: counted again.
                Err(_) => self.counts.clear(),
            }
        }
        for pending in group.drain(..) {
            let result = self.write_one(&pending.write, pending.deadline);
            if result.is_err() {
                self.counts.clear();
            }
            let _ = pending.reply.send(result);
        }
    }

    fn write_group(&mut self, group: &[Pending], deadline: Instant) -> Result<Vec<bool>, StoreError> {
        self.wait_until(deadline)?;
        let (counts, budget) = (&mut self.counts, self.byte_budget);
        in_transaction(&self.conn, |conn| {
            super::logs::make_room(conn, counts, budget, group.iter().map(|pending| &pending.write))?;
            group.iter().map(|pending| super::logs::write(conn, counts, &pending.write)).collect()
        })
    }

    fn write_one(&mut self, write: &LogWrite, deadline: Instant) -> Result<bool, StoreError> {
        if Instant::now() >= deadline {
            return Err(busy(self.write_wait));
        }
        let result = self.wait_until(deadline).and_then(|()| {
            let (counts, budget) = (&mut self.counts, self.byte_budget);
            in_transaction(&self.conn, |conn| {
                super::logs::make_room(conn, counts, budget, std::iter::once(write))?;
                super::logs::write(conn, counts, write)
            })
        });
        if result.is_ok() {
            self.commits.fetch_add(1, Ordering::Relaxed);
        }
        result.map_err(|e| busy_error(e, self.write_wait))
    }
}

/// Runs `work` in a transaction that takes the write lock at once, and
/// commits it (rolled back on any error). `BEGIN` and `COMMIT` are prepared
/// once, not parsed per log.
fn in_transaction<T>(
    conn: &Connection,
    work: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
    let result = work(conn).and_then(|done| {
        conn.prepare_cached("COMMIT")?.execute([])?;
        Ok(done)
    });
    if result.is_err() && !conn.is_autocommit() {
        // What the error left behind is undone; the error is what matters.
        let _ = conn.execute_batch("ROLLBACK");
    }
    result
}

/// What the writer may do with a job it took from the queue.
enum Claim {
    /// Run it.
    Run,
    /// Its deadline passed in the queue: answer `Busy`.
    Late,
    /// Its sender gave up on it: drop it.
    GivenUp,
}

/// Takes a job for the writer, unless its sender gave up on it first.
fn claim(ticket: &Ticket) -> Claim {
    if !Ticket::take(&ticket.taken) {
        Claim::GivenUp
    } else if Instant::now() >= ticket.deadline {
        Claim::Late
    } else {
        Claim::Run
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::super::{Database, LogLimitStrategy, StoreLimits};
    use super::*;

    fn record(n: u64) -> LogRecord {
        LogRecord {
            id: format!("log-{n:03}"),
            gateway: "main".to_owned(),
            created_ms: 1_700_000_000_000 + i64::try_from(n).unwrap(),
            provider: "workers-ai".to_owned(),
            model: "m".to_owned(),
            path: "@cf/m".to_owned(),
            status_code: 200,
            success: true,
            request_head: Bytes::from_static(b"{}"),
            request_head_complete: true,
            response_head: Bytes::from_static(b"{}"),
            response_head_complete: true,
            ..LogRecord::default()
        }
    }

    /// Holds the writer thread for `hold` (a job that sleeps), so what is
    /// queued meanwhile waits for it together.
    fn hold_writer(store: &Store, hold: Duration) -> tokio::task::JoinHandle<Result<(), StoreError>> {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .with(move |_| {
                    std::thread::sleep(hold);
                    Ok(())
                })
                .await
        })
    }

    #[tokio::test]
    async fn a_file_databases_checkpoints_run_beside_the_writer_after_commits_and_only_then() {
        assert!(Store::open(&Database::Memory).unwrap().background_checkpoints().is_none(), "no WAL in memory");
        let dir = std::env::temp_dir().join(format!("gl-ckpt-{}-{}", std::process::id(), crate::proxy::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("logs.sqlite3");
        let store = Store::open(&Database::File(path.clone())).unwrap();
        let (before, thread) = store.background_checkpoints().expect("a file database's checkpoint thread");
        assert_eq!(before, 0);
        for n in 0..20 {
            store.insert(record(n), None).await.unwrap();
        }
        // The writer checkpoints only past 16 MiB of WAL: logs in the
        // database file itself (read from a copy of it alone, without the
        // WAL) were copied there by the checkpoint thread.
        let in_file = || {
            let copy = dir.join("copy.sqlite3");
            std::fs::copy(&path, &copy).ok()?;
            let count = Connection::open(&copy).ok()?.query_row("SELECT COUNT(*) FROM logs", [], |r| r.get(0)).ok();
            let _ = std::fs::remove_file(&copy);
            count
        };
        let runs = || store.background_checkpoints().unwrap().0;
        // The thread runs only on an idle CPU: on a busy machine, late.
        let deadline = Instant::now() + Duration::from_secs(30);
        while (in_file() != Some(20_i64) || runs() == 0) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(in_file(), Some(20), "every log checkpointed into the database file");
        assert!(runs() > 0);
        // Idle, it does nothing: once a late run is done, the count stays.
        let mut done = runs();
        loop {
            tokio::time::sleep(Duration::from_millis(300)).await;
            if runs() == done || Instant::now() >= deadline {
                break;
            }
            done = runs();
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(runs(), done, "no checkpoints without commits");
        // It stops with the store.
        drop(store);
        while thread.upgrade().is_some() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(thread.upgrade().is_none(), "the checkpoint thread stopped with the store");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn the_writer_checkpoints_itself_only_past_16_mib_of_wal_whatever_the_page_size() {
        let dir = std::env::temp_dir().join(format!("gl-walsize-{}-{}", std::process::id(), crate::proxy::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A new file, then one made earlier with 4 KiB pages.
        for (name, made_with) in [("new.sqlite3", None), ("older.sqlite3", Some(4096_u32))] {
            let path = dir.join(name);
            if let Some(page_size) = made_with {
                let older = Connection::open(&path).unwrap();
                older.pragma_update(None, "page_size", page_size).unwrap();
                older.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x); DROP TABLE t;").unwrap();
            }
            let store = Store::open(&Database::File(path)).unwrap();
            let (pages, page_size): (u32, u32) = store
                .with(|conn| {
                    let pages = conn.pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))?;
                    Ok((pages, conn.pragma_query_value(None, "page_size", |r| r.get(0))?))
                })
                .await
                .unwrap();
            assert_eq!(page_size, made_with.unwrap_or(super::super::connections::PAGE_SIZE), "{name}");
            assert_eq!(u64::from(pages) * u64::from(page_size), 16 * 1024 * 1024, "{name}: {pages} pages");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn an_in_memory_database_has_8_kib_pages() {
        let store = Store::open(&Database::Memory).unwrap();
        let page_size: u32 =
            store.with(|conn| Ok(conn.pragma_query_value(None, "page_size", |r| r.get(0))?)).await.unwrap();
        assert_eq!(page_size, 8192, "see MEMORY_PAGE_SIZE: a full gateway's commits scan the page cache");
    }

    #[tokio::test]
    async fn a_wal_that_grew_past_its_bound_is_cut_back_when_it_starts_over() {
        let dir = std::env::temp_dir().join(format!("gl-walcut-{}-{}", std::process::id(), crate::proxy::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("logs.sqlite3");
        let wal_len = || std::fs::metadata(dir.join("logs.sqlite3-wal")).map_or(0, |m| m.len());
        let bound = u64::from(super::super::connections::WAL_RESTART_BYTES);
        let store = Store::open(&Database::File(path.clone())).unwrap();
        // A long read holds the WAL's start over back while logs come in.
        let reader = Connection::open(&path).unwrap();
        reader.execute_batch("BEGIN; SELECT COUNT(*) FROM logs;").unwrap();
        let body = Bytes::from(vec![b'x'; 32 * 1024]);
        let big = |n| LogRecord { response_body: Some(body.clone()), response_size: 32 * 1024, ..record(n) };
        for n in 0..700 {
            store.insert(big(n), None).await.unwrap();
        }
        assert!(wal_len() > bound + bound / 4, "the WAL grew: {} bytes", wal_len());
        reader.execute_batch("COMMIT").unwrap();
        drop(reader);
        // Checkpointed, it starts over at a commit, cut back to its bound.
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut n = 700;
        while wal_len() > bound && Instant::now() < deadline {
            store.insert(record(n), None).await.unwrap();
            n += 1;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(wal_len() <= bound, "cut back: {} bytes", wal_len());
        assert_eq!(store.count().await.unwrap(), n, "no log lost");
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn logs_queued_together_are_committed_in_one_transaction() {
        let dir = std::env::temp_dir().join(format!("gwlocal-group-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("logs.sqlite3");
        let store = Store::open(&Database::File(path.clone())).unwrap();
        let held = hold_writer(&store, Duration::from_millis(300));
        tokio::time::sleep(Duration::from_millis(50)).await;
        let before = store.log_commits();
        let inserts = (0..100).map(|n| store.insert(record(n), None));
        let stored = futures::future::join_all(inserts).await;
        held.await.unwrap().unwrap();
        assert!(stored.iter().all(|s| matches!(s, Ok(true))), "{stored:?}");
        assert_eq!(store.log_commits() - before, 1, "100 logs queued behind one job: one commit");
        // Committed: another connection sees them all.
        let other = Connection::open(&path).unwrap();
        let rows: i64 = other.query_row("SELECT COUNT(*) FROM logs", [], |r| r.get(0)).unwrap();
        assert_eq!(rows, 100);
        drop((store, other));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn log_limits_hold_inside_a_group() {
        let store = Store::open(&Database::Memory).unwrap();
        let held = hold_writer(&store, Duration::from_millis(200));
        tokio::time::sleep(Duration::from_millis(50)).await;
        let stop = Some(LogLimit { max: 3, strategy: LogLimitStrategy::StopInserting });
        let oldest = Some(LogLimit { max: 2, strategy: LogLimitStrategy::DeleteOldest });
        let other = |n| LogRecord { gateway: "other".to_owned(), ..record(n) };
        let (stopped, dropped) = tokio::join!(
            futures::future::join_all((0..5).map(|n| store.insert(record(n), stop))),
            futures::future::join_all((10..15).map(|n| store.insert(other(n), oldest))),
        );
        held.await.unwrap().unwrap();
        let stopped: Vec<bool> = stopped.into_iter().map(Result::unwrap).collect();
        assert_eq!(stopped.iter().filter(|s| **s).count(), 3, "{stopped:?}");
        assert!(dropped.into_iter().all(|s| s.unwrap()));
        let count = |gateway: &'static str| {
            store.read(false, move |conn| {
                Ok(conn.query_row("SELECT COUNT(*) FROM logs WHERE gateway = ?1", [gateway], |r| r.get::<_, i64>(0))?)
            })
        };
        assert_eq!((count("main").await.unwrap(), count("other").await.unwrap()), (3, 2));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_that_waits_past_its_bound_is_busy_and_never_runs() {
        let limits = StoreLimits { write_wait: Duration::from_millis(100), ..StoreLimits::default() };
        let store = Store::open_with(&Database::Memory, limits).unwrap();
        let held = hold_writer(&store, Duration::from_millis(500));
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        let late = store.insert(record(1), None).await;
        let waited = started.elapsed();
        assert!(matches!(late, Err(StoreError::Busy { waited_ms: 100 })), "{late:?}");
        assert!(waited < Duration::from_millis(400), "gave up at its bound, not when the writer was free: {waited:?}");
        held.await.unwrap().unwrap();
        // Given up on, it was not written later either.
        assert_eq!(store.count().await.unwrap(), 0);
        assert!(store.insert(record(2), None).await.unwrap(), "the writer works on");
        assert_eq!(store.count().await.unwrap(), 1);
    }
}
