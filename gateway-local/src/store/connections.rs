//! The store's connections: opening the one writer connection (handed to
//! the writer thread, `writer`), the pool of read-only connections beside
//! it, and the statement time limit (a progress handler) that reads of the
//! logs API run under.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::schema::SCHEMA;
use super::{Database, Store, StoreError, StoreLimits};

/// Read-only connections; a permit is held while one is in use, so a free
/// one is always found.
#[derive(Debug)]
pub(super) struct Readers {
    conns: Vec<Mutex<Connection>>,
    permits: Arc<tokio::sync::Semaphore>,
}

/// Read-only connections opened beside the writer of a file (WAL: they
/// read in parallel, and never wait for it nor it for them).
const READERS: usize = 4;

/// The page size of a new database file, in bytes: what a commit writes to
/// the WAL per page it touched (a log touches about four), and what a
/// checkpoint copies back. A database made earlier keeps its own.
pub(super) const PAGE_SIZE: u32 = 2048;

/// How large a file's WAL grows, in bytes, before the writer checkpoints it
/// itself (SQLite's `wal_autocheckpoint`, set in pages of the file's own
/// size) and so starts it over. The checkpoint thread (`checkpoint`) copies
/// the WAL into the database long before; what it has not copied yet, the
/// writer's own checkpoint copies and syncs while the logs queued behind it,
/// and their answers, wait. SQLite's default, 1 000 pages (2 MiB here), ran it
/// eight times a second at 4 000 logs a second on one core; at 16 MiB, under
/// once a second (commits slower than 1 ms in 16 s: 117–137 → 11–21; open-loop
/// p99 with file logs after a fill: 1.8–2.2 → 1.5–2.1 ms). It is also the WAL
/// file's size on disk (SQLite reuses it from the start), and what a WAL that
/// grew larger is cut back to.
pub(super) const WAL_RESTART_BYTES: u32 = 16 * 1024 * 1024;

/// The page size of an in-memory database. Once a gateway is full, each log
/// deletes the oldest, so new pages come from SQLite's free list out of
/// order; a b-tree balance then swaps page numbers through a temporary one
/// (the lock-byte page's number, far past the end), and at every commit the
/// page cache, finding a page that far out, scans its whole hash table,
/// which holds every page of an in-memory database. Fewer, larger pages keep
/// that table small: measured at 32 connections on one core, past 100 000
/// logs, 2 KiB pages 15 000 req/s, 4 KiB 18 000–19 000, 8 KiB 20 000–20 700
/// (and 16 % less memory), 16 KiB and 64 KiB no better.
pub(super) const MEMORY_PAGE_SIZE: u32 = 8192;

/// SQLite virtual-machine steps between two looks at a statement's clock.
const PROGRESS_STEPS: std::ffi::c_int = 1_000;

/// A unique name for each in-memory database, shared by its connections.
static MEMORY_DATABASES: AtomicU64 = AtomicU64::new(0);

/// Opens (creating if needed) the database's writer connection, then its readers.
pub(super) fn open(database: &Database, limits: StoreLimits) -> Result<(Connection, Readers), StoreError> {
    // In memory, the readers must see the writer's database: one shared
    // cache, named uniquely for this store, alive while a connection is.
    let memory_uri = format!(
        "file:gwlocal-{}-{}?mode=memory&cache=shared",
        std::process::id(),
        MEMORY_DATABASES.fetch_add(1, Ordering::Relaxed)
    );
    let open = |flags: OpenFlags| match database {
        Database::Memory => Connection::open_with_flags(&memory_uri, flags | OpenFlags::SQLITE_OPEN_URI),
        Database::File(path) => Connection::open_with_flags(path, flags),
    };
    let conn = open(OpenFlags::default())?;
    // Only a new database takes it (SQLite ignores it once pages exist), so
    // before anything is written, WAL mode included.
    let page_size = match database {
        Database::Memory => MEMORY_PAGE_SIZE,
        Database::File(_) => PAGE_SIZE,
    };
    conn.pragma_update(None, "page_size", page_size)?;
    if *database == Database::Memory {
        // The hard cap behind the byte budget (`logs::make_room`): a log that
        // would take the database past it is refused (SQLITE_FULL), not stored.
        conn.pragma_update(None, "max_page_count", limits.memory_log_bytes.saturating_mul(2) / u64::from(page_size))?;
    }
    // WAL: readers do not block the writer; NORMAL sync keeps every
    // committed log across a process kill (only power loss can lose the last ones).
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Pages of this file's own size (a database made earlier kept its own).
    let page_size_kept: u32 = conn.pragma_query_value(None, "page_size", |row| row.get(0))?;
    conn.pragma_update(None, "wal_autocheckpoint", WAL_RESTART_BYTES / page_size_kept.max(512))?;
    // A WAL that grew past it (a long read, or a checkpoint thread starved
    // of CPU, held its start over back) is cut back to it when it starts over.
    conn.pragma_update(None, "journal_size_limit", WAL_RESTART_BYTES)?;
    conn.busy_timeout(limits.write_wait)?;
    conn.execute_batch(SCHEMA)?;
    super::schema::migrate(&conn)?;
    conn.execute_batch(super::gateways::SCHEMA)?;
    conn.execute_batch(super::routes::SCHEMA)?;
    conn.execute_batch(super::spend::SCHEMA)?;
    // A shared cache runs one connection's step at a time: more readers
    // would not read in parallel, only queue before the writer.
    let reader_count = match database {
        Database::Memory => 1,
        Database::File(_) => READERS,
    };
    let mut readers = Vec::with_capacity(reader_count);
    for _ in 0..reader_count {
        let reader =
            open(OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI)?;
        reader.pragma_update(None, "query_only", true)?;
        // In a shared cache, a reader would otherwise hold table locks
        // that make the writer fail at once (no busy wait there).
        reader.pragma_update(None, "read_uncommitted", true)?;
        reader.busy_timeout(limits.write_wait)?;
        readers.push(Mutex::new(reader));
    }
    Ok((conn, Readers { conns: readers, permits: Arc::new(tokio::sync::Semaphore::new(reader_count)) }))
}

/// Runs `work` on `conn`, interrupted once `limit` has passed (if any).
pub(super) fn timed<T>(
    conn: &Connection,
    limit: Option<Duration>,
    work: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let Some(limit) = limit else { return work(conn) };
    let deadline = Instant::now() + limit;
    conn.progress_handler(PROGRESS_STEPS, Some(move || Instant::now() >= deadline));
    let result = work(conn);
    conn.progress_handler(0, None::<fn() -> bool>);
    result.map_err(|e| {
        if e.interrupted() {
            StoreError::TooExpensive { limit_ms: u64::try_from(limit.as_millis()).unwrap_or(u64::MAX) }
        } else {
            e
        }
    })
}

impl Store {
    /// Runs `work` on a read-only connection; `limited`: under the statement
    /// time limit (reads of the logs API).
    pub(super) async fn read<T: Send + 'static>(
        &self,
        limited: bool,
        work: impl FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let readers = Arc::clone(&self.readers);
        let permit = Arc::clone(&readers.permits).acquire_owned().await.map_err(|e| StoreError::Task(e.to_string()))?;
        let limit = limited.then_some(self.limits.query_time_limit);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            // A permit is held per connection in use: one of them is free.
            let conn = readers
                .conns
                .iter()
                .find_map(|conn| match conn.try_lock() {
                    Ok(conn) => Some(conn),
                    Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
                    Err(TryLockError::WouldBlock) => None,
                })
                .ok_or_else(|| StoreError::Task("no free reader".to_owned()))?;
            timed(&conn, limit, work)
        })
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
    }
}
