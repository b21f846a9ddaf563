//! All SQL lives here: logs and their stored bodies, in SQLite (file or
//! memory). One writer connection (owned by a thread fed by a bounded queue,
//! committing the logs queued together in one transaction, each write with a
//! bounded wait) and a few read-only connections beside it (WAL for a file, a shared cache in memory), so reads never hold
//! up writes; reads of the logs API run under a statement time limit.
//!
//! Where things live:
//! - this module: [`Store`], [`Database`], [`StoreError`], the limits, opening
//!   a store and its operator API (`count`, `integrity_check`);
//! - `schema`: the table, its columns, [`LogRecord`] and row decoding;
//! - `query`: the logs API's query ([`LogQuery`], [`Filter`], [`LogPatch`])
//!   and the `WHERE`/`ORDER BY` clauses it becomes;
//! - `connections`: opening the connections, the reader pool and the
//!   statement time limit;
//! - `writer`: the writer thread, its queue, group commit and bounded wait;
//! - `logs`: what the gateway does with logs (insert, finish, get, list,
//!   patch, delete, payload);
//! - `gateways`: the gateways the gateway created itself (`default`);
//! - `routes`: dynamic routes, their versions and deployments, per gateway;
//! - `spend`: stored spend limits and the sum of a bucket's logged costs;
//! - `stats`: the dashboard's aggregates (time buckets, per model, latency percentiles) and review fields;
//! - `health`: counted write failures and the database-file watcher, for `/health`;
//! - `test_knobs`: hidden public methods that exist for tests and benchmarks.

mod checkpoint;
mod connections;
mod gateways;
mod health;
mod logs;
mod query;
mod routes;
mod scheduling;
mod schema;
mod spend;
mod stats;
mod test_knobs;
mod writer;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use self::connections::Readers;
use self::health::{DatabaseFile, Health};
pub(crate) use self::query::{Filter, LogPatch, LogQuery, check_query};
pub(crate) use self::routes::{DeployedRoute, DeploymentRow, MAX_ROUTES_PER_GATEWAY, RouteRow, RouteSpend, VersionRow};
pub(crate) use self::schema::LogRecord;
pub(crate) use self::spend::{BucketQuery, OverBudget};
pub(crate) use self::stats::{ModelTotals, Review, Stats, Totals};
use self::writer::WriterHandle;

/// Where logs are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// In memory: gone when the gateway stops.
    Memory,
    /// A SQLite file: logs survive restarts.
    File(PathBuf),
}

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said no.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The blocking task failed.
    #[error("database task failed: {0}")]
    Task(String),
    /// A query parameter is not acceptable.
    #[error("{0}")]
    Invalid(String),
    /// A read ran over the statement time limit and was interrupted.
    #[error("the query ran over the time limit of {limit_ms} ms and was stopped")]
    TooExpensive {
        /// The limit, in milliseconds.
        limit_ms: u64,
    },
    /// A write waited its whole bound for the database and gave up.
    #[error("the database stayed busy for {waited_ms} ms")]
    Busy {
        /// How long it waited, in milliseconds.
        waited_ms: u64,
    },
}

impl StoreError {
    /// A short reason, for a response header and `/health`: no paths, no SQL.
    pub(crate) fn reason(&self) -> &'static str {
        use rusqlite::ErrorCode;
        match self {
            Self::Busy { .. } => "database busy",
            Self::TooExpensive { .. } => "query too expensive",
            Self::Sqlite(e) => match e.sqlite_error_code() {
                Some(ErrorCode::DiskFull) => "database full",
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => "database busy",
                Some(ErrorCode::ReadOnly) => "database read-only",
                Some(ErrorCode::SystemIoFailure) => "database I/O error",
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => "database corrupt",
                Some(ErrorCode::CannotOpen) => "database cannot be opened",
                _ => "database error",
            },
            Self::Task(_) | Self::Invalid(_) => "database error",
        }
    }

    /// Whether SQLite stopped the statement because its time was up.
    fn interrupted(&self) -> bool {
        matches!(self, Self::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted))
    }
}

/// The log store: one writer connection on its own thread (logs queued
/// together are committed together), and (for reads) a pool of
/// read-only connections beside it, so an expensive logs query never holds
/// up the writes of proxied requests. Every read of the logs API runs under a
/// statement time limit; every write waits a bounded time for the database.
#[derive(Debug, Clone)]
pub struct Store {
    writer: WriterHandle,
    readers: Arc<Readers>,
    limits: StoreLimits,
    health: Arc<Health>,
    /// The file and its identity when opened (`None` in memory).
    file: Option<Arc<DatabaseFile>>,
    /// The deployed routes requests ran lately.
    deployed_routes: Arc<routes::DeployedRoutes>,
}

/// How long the store's work may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StoreLimits {
    /// Longest a logs read (or bulk delete) runs before it is interrupted.
    pub(crate) query_time_limit: Duration,
    /// Longest a write waits for the database: for the writer in this
    /// process, then for another process's lock on the file.
    pub(crate) write_wait: Duration,
    /// Most logs a gateway keeps in memory without a limit of its own.
    pub(crate) memory_log_limit: u64,
    /// Most bytes the logs of all gateways take in memory.
    pub(crate) memory_log_bytes: u64,
}

impl Default for StoreLimits {
    fn default() -> Self {
        Self {
            query_time_limit: Duration::from_millis(crate::config::DEFAULT_LOG_QUERY_TIME_LIMIT_MS),
            write_wait: Duration::from_millis(crate::config::DEFAULT_LOG_WRITE_WAIT_MS),
            memory_log_limit: crate::config::DEFAULT_MEMORY_LOG_LIMIT,
            memory_log_bytes: crate::config::DEFAULT_MEMORY_LOG_BYTES,
        }
    }
}

/// What to do when a gateway holds its most logs (`log_management`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LogLimitStrategy {
    /// Keep the logs there are; new requests are answered but not logged.
    #[default]
    StopInserting,
    /// Delete the oldest logs to make room.
    DeleteOldest,
}

/// A gateway's log limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LogLimit {
    pub(crate) max: u64,
    pub(crate) strategy: LogLimitStrategy,
}

impl Store {
    /// Opens (creating if needed) the database, with the default limits.
    pub fn open(database: &Database) -> Result<Self, StoreError> {
        Self::open_with(database, StoreLimits::default())
    }

    /// Opens (creating if needed) the database: its writer, then its readers.
    pub(crate) fn open_with(database: &Database, limits: StoreLimits) -> Result<Self, StoreError> {
        let (writer, readers) = connections::open(database, limits)?;
        let path = match database {
            Database::Memory => None,
            Database::File(path) => Some(path),
        };
        // In memory, the logs of all gateways share a byte budget; a file's are the disk's.
        let byte_budget = path.is_none().then_some(limits.memory_log_bytes);
        let writer = writer::start(writer, limits.write_wait, byte_budget, path.cloned())?;
        let file = path.map(|path| DatabaseFile::open(path).map(Arc::new)).transpose()?;
        Ok(Self {
            writer,
            readers: Arc::new(readers),
            limits,
            health: Arc::<Health>::default(),
            file,
            deployed_routes: Arc::default(),
        })
    }

    /// Number of logs of all gateways.
    pub async fn count(&self) -> Result<u64, StoreError> {
        self.read(false, |conn| {
            Ok(u64::try_from(conn.query_row("SELECT COUNT(*) FROM logs", [], |r| r.get::<_, i64>(0))?).unwrap_or(0))
        })
        .await
    }

    /// Test knob: the bytes the database's pages in use hold (what the
    /// in-memory byte budget bounds). Not a stable API.
    #[doc(hidden)]
    pub async fn used_bytes(&self) -> Result<u64, StoreError> {
        self.read(false, |conn| Ok(conn.query_row(logs::USED_BYTES, [], |r| r.get(0))?)).await
    }

    /// SQLite's `PRAGMA integrity_check` verdict (`ok` when sound).
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        self.read(false, |conn| Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).await
    }
}
