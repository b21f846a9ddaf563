//! All SQL lives here: logs and their stored bodies, in SQLite (file or
//! memory). One writer connection (an async mutex, held across the blocking
//! task that uses it, with a bounded wait) and a few read-only connections
//! beside it (WAL for a file, a shared cache in memory), so reads never hold
//! up writes; reads of the logs API run under a statement time limit.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, TryLockError};
use std::time::{Duration, Instant};

use gateway_core::{AiGatewayLog, LogMetadata, Metadata, ResultInfo};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params_from_iter};
use serde::{Deserialize, Serialize};

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

/// Everything kept about one request.
#[derive(Debug, Clone, Default)]
#[allow(clippy::struct_excessive_bools, reason = "one column per flag of the log")]
pub(crate) struct LogRecord {
    pub(crate) id: String,
    pub(crate) gateway: String,
    pub(crate) created_ms: i64,
    pub(crate) provider: String,
    pub(crate) model: String,
    pub(crate) model_type: Option<String>,
    pub(crate) path: String,
    pub(crate) duration_ms: u64,
    pub(crate) request_type: Option<String>,
    pub(crate) request_content_type: Option<String>,
    pub(crate) response_content_type: Option<String>,
    pub(crate) status_code: u16,
    pub(crate) success: bool,
    pub(crate) cached: bool,
    pub(crate) tokens_in: Option<u64>,
    pub(crate) tokens_out: Option<u64>,
    pub(crate) cost: Option<f64>,
    pub(crate) custom_cost: bool,
    pub(crate) metadata: Option<String>,
    pub(crate) step: Option<u32>,
    pub(crate) event_id: Option<String>,
    pub(crate) request_size: u64,
    pub(crate) request_head: String,
    pub(crate) request_head_complete: bool,
    pub(crate) response_size: u64,
    pub(crate) response_head: String,
    pub(crate) response_head_complete: bool,
    pub(crate) request_body: Option<Vec<u8>>,
    pub(crate) response_body: Option<Vec<u8>>,
    pub(crate) authenticated: bool,
    pub(crate) user_agent: Option<String>,
}

/// One filter of the logs API.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Filter {
    /// Filter key (`provider`, `metadata.value`, ...).
    pub(crate) key: String,
    /// `eq`, `neq`, `contains`, `lt`, `gt`.
    pub(crate) operator: String,
    /// Values as sent (empty string = null).
    pub(crate) values: Vec<String>,
}

/// A list or delete query.
#[derive(Debug, Clone, Default)]
pub(crate) struct LogQuery {
    pub(crate) filters: Vec<Filter>,
    pub(crate) search: Option<String>,
    pub(crate) order_by: Option<String>,
    pub(crate) descending: bool,
    pub(crate) page: u64,
    pub(crate) per_page: u64,
    pub(crate) meta_info: bool,
}

/// Fields a patch changes: `None` keeps, `Some(None)` clears.
#[derive(Debug, Clone, Default)]
#[allow(clippy::option_option, reason = "absent, null and a value are three different requests")]
pub(crate) struct LogPatch {
    pub(crate) feedback: Option<Option<f64>>,
    pub(crate) score: Option<Option<f64>>,
    pub(crate) metadata: Option<Option<String>>,
}

/// The log store: one writer connection, and (for reads) a pool of
/// read-only connections beside it, so an expensive logs query never holds
/// up the writes of proxied requests. Every read of the logs API runs under a
/// statement time limit; every write waits a bounded time for the database.
#[derive(Debug, Clone)]
pub struct Store {
    writer: Arc<tokio::sync::Mutex<Writer>>,
    readers: Arc<Readers>,
    limits: StoreLimits,
    health: Arc<Health>,
    /// The file and its identity when opened (`None` in memory).
    file: Option<Arc<DatabaseFile>>,
}

/// The one connection that writes, with the per-gateway log counts.
#[derive(Debug)]
struct Writer {
    conn: Connection,
    /// Logs per gateway, known once counted; kept for gateways with a log
    /// limit. Only touched by the writer, so it moves with the table.
    counts: HashMap<String, u64>,
}

/// Read-only connections; a permit is held while one is in use, so a free
/// one is always found.
#[derive(Debug)]
struct Readers {
    conns: Vec<Mutex<Connection>>,
    permits: Arc<tokio::sync::Semaphore>,
}

/// How long the store's work may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StoreLimits {
    /// Longest a logs read (or bulk delete) runs before it is interrupted.
    pub(crate) query_time_limit: Duration,
    /// Longest a write waits for the database: for the writer in this
    /// process, then for another process's lock on the file.
    pub(crate) write_wait: Duration,
}

impl Default for StoreLimits {
    fn default() -> Self {
        Self {
            query_time_limit: Duration::from_millis(crate::config::DEFAULT_LOG_QUERY_TIME_LIMIT_MS),
            write_wait: Duration::from_millis(crate::config::DEFAULT_LOG_WRITE_WAIT_MS),
        }
    }
}

/// Read-only connections opened beside the writer of a file (WAL: they
/// read in parallel, and never wait for it nor it for them).
const READERS: usize = 4;

/// SQLite virtual-machine steps between two looks at a statement's clock.
const PROGRESS_STEPS: std::ffi::c_int = 1_000;

/// Least time between two error lines about failed log writes.
const FAILURE_REPORT_INTERVAL: Duration = Duration::from_secs(1);

/// The database file and what it was when opened.
#[derive(Debug)]
struct DatabaseFile {
    path: PathBuf,
    /// `(device, inode)` of the file opened.
    identity: (u64, u64),
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
struct Health {
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

/// A unique name for each in-memory database, shared by its connections.
static MEMORY_DATABASES: AtomicU64 = AtomicU64::new(0);

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

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS logs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    gateway TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    model_type TEXT,
    path TEXT NOT NULL,
    duration INTEGER NOT NULL,
    request_type TEXT,
    request_content_type TEXT,
    response_content_type TEXT,
    status_code INTEGER NOT NULL,
    success INTEGER NOT NULL,
    cached INTEGER NOT NULL,
    tokens_in INTEGER,
    tokens_out INTEGER,
    cost REAL,
    custom_cost INTEGER NOT NULL,
    metadata TEXT,
    step INTEGER,
    event_id TEXT,
    request_size INTEGER NOT NULL,
    request_head TEXT NOT NULL,
    request_head_complete INTEGER NOT NULL,
    response_size INTEGER NOT NULL,
    response_head TEXT NOT NULL,
    response_head_complete INTEGER NOT NULL,
    request_body BLOB,
    response_body BLOB,
    feedback REAL,
    score REAL,
    authentication INTEGER NOT NULL,
    user_agent TEXT
);
CREATE INDEX IF NOT EXISTS logs_gateway_created ON logs (gateway, created_ms);
";

/// Columns of the list (no heads or sizes), in `AiGatewayLog` terms.
const COLUMNS: &str = "id, created_ms, provider, model, model_type, path, duration, request_type, request_content_type, \
     response_content_type, status_code, success, cached, tokens_in, tokens_out, cost, custom_cost, metadata, step, \
     request_size, request_head, request_head_complete, response_size, response_head, response_head_complete";

fn column_of(key: &str) -> Option<(&'static str, Kind)> {
    Some(match key {
        "id" => ("id", Kind::Text),
        "created_at" => ("created_ms", Kind::Time),
        "request_content_type" => ("request_content_type", Kind::Text),
        "response_content_type" => ("response_content_type", Kind::Text),
        "request_type" => ("request_type", Kind::Text),
        "success" => ("success", Kind::Bool),
        "cached" => ("cached", Kind::Bool),
        "provider" => ("provider", Kind::Text),
        "model" => ("model", Kind::Text),
        "model_type" => ("model_type", Kind::Text),
        "cost" => ("cost", Kind::Number),
        "tokens" => ("(COALESCE(tokens_in,0)+COALESCE(tokens_out,0))", Kind::Number),
        "tokens_in" => ("tokens_in", Kind::Number),
        "tokens_out" => ("tokens_out", Kind::Number),
        "duration" => ("duration", Kind::Number),
        "feedback" => ("feedback", Kind::Number),
        "event_id" => ("event_id", Kind::Text),
        "authentication" => ("authentication", Kind::Bool),
        "user_agent" => ("user_agent", Kind::Text),
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Number,
    Bool,
    Time,
}

fn sql_value(kind: Kind, raw: &str, key: &str) -> Result<SqlValue, StoreError> {
    let bad = || StoreError::Invalid(format!("filter `{key}`: {raw:?} is not a valid value"));
    Ok(match kind {
        Kind::Text => SqlValue::Text(raw.to_owned()),
        Kind::Number => SqlValue::Real(raw.parse::<f64>().ok().filter(|v| v.is_finite()).ok_or_else(bad)?),
        Kind::Bool => match raw {
            "true" | "1" => SqlValue::Integer(1),
            "false" | "0" => SqlValue::Integer(0),
            _ => return Err(bad()),
        },
        Kind::Time => {
            let ts: jiff::Timestamp = raw.parse().map_err(|_| bad())?;
            SqlValue::Integer(ts.as_millisecond())
        }
    })
}

/// `WHERE` clause and parameters for a gateway's logs under `filters` and `search`.
fn where_clause(gateway: &str, query: &LogQuery) -> Result<(String, Vec<SqlValue>), StoreError> {
    let mut sql = String::from("gateway = ?");
    let mut params = vec![SqlValue::Text(gateway.to_owned())];
    for filter in &query.filters {
        let op = filter.operator.as_str();
        // `at_least`/`at_most` stand for the deprecated `min_*`/`max_*` parameters; the wire has the other five.
        if !matches!(op, "eq" | "neq" | "contains" | "lt" | "gt" | "at_least" | "at_most") {
            return Err(StoreError::Invalid(format!(
                "unknown filter operator `{op}`: expected eq, neq, contains, lt or gt"
            )));
        }
        if filter.values.is_empty() {
            return Err(StoreError::Invalid(format!("filter `{}` has no value", filter.key)));
        }
        let (column, kind) = match filter.key.as_str() {
            "metadata.key" => ("key", Kind::Text),
            "metadata.value" => ("CAST(value AS TEXT)", Kind::Text),
            key => column_of(key).ok_or_else(|| StoreError::Invalid(format!("unknown filter key `{key}`")))?,
        };
        let mut alternatives = Vec::new();
        for raw in &filter.values {
            let clause = if raw.is_empty() && matches!(op, "eq" | "neq") {
                format!("{column} IS NULL")
            } else {
                match op {
                    "contains" => {
                        params.push(SqlValue::Text(format!(
                            "%{}%",
                            raw.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
                        )));
                        format!("CAST({column} AS TEXT) LIKE ? ESCAPE '\\'")
                    }
                    "lt" | "gt" | "at_least" | "at_most" => {
                        params.push(sql_value(kind, raw, &filter.key)?);
                        let comparison = match op {
                            "lt" => "<",
                            "gt" => ">",
                            "at_least" => ">=",
                            _ => "<=",
                        };
                        format!("{column} {comparison} ?")
                    }
                    _ => {
                        params.push(sql_value(kind, raw, &filter.key)?);
                        format!("{column} = ?")
                    }
                }
            };
            alternatives.push(clause);
        }
        let any = format!("({})", alternatives.join(" OR "));
        let test = if op == "neq" { format!("NOT {any}") } else { any };
        if filter.key.starts_with("metadata.") {
            let _ = write!(
                sql,
                " AND EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(logs.metadata) THEN logs.metadata ELSE '{{}}' END) WHERE {test})"
            );
        } else {
            let _ = write!(sql, " AND {test}");
        }
    }
    if let Some(text) = query.search.as_ref().filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        sql.push_str(" AND (model LIKE ?1x OR provider LIKE ?1x OR COALESCE(metadata,'') LIKE ?1x OR path LIKE ?1x OR id LIKE ?1x)".replace("?1x", "? ESCAPE '\\'").as_str());
        for _ in 0..5 {
            params.push(SqlValue::Text(pattern.clone()));
        }
    }
    Ok((sql, params))
}

/// Checks `query` as [`Store::list`] and [`Store::delete`] will read it
/// (filter keys, operators and values, `order_by`), without a database:
/// the same error they would give.
pub(crate) fn check_query(query: &LogQuery) -> Result<(), StoreError> {
    where_clause("", query)?;
    order_clause(query)?;
    Ok(())
}

fn order_clause(query: &LogQuery) -> Result<String, StoreError> {
    let column = match query.order_by.as_deref() {
        None | Some("created_at") => "created_ms",
        Some(
            key @ ("provider" | "model" | "model_type" | "success" | "cached" | "cost" | "tokens_in" | "tokens_out"
            | "duration" | "feedback"),
        ) => key,
        Some(other) => return Err(StoreError::Invalid(format!("cannot order by `{other}`"))),
    };
    let direction = if query.descending { "DESC" } else { "ASC" };
    Ok(format!("ORDER BY {column} {direction}, seq {direction}"))
}

#[allow(clippy::cast_sign_loss, reason = "stored values are written from unsigned fields")]
fn row_to_log(row: &rusqlite::Row<'_>, with_heads: bool) -> rusqlite::Result<AiGatewayLog> {
    let created_ms: i64 = row.get("created_ms")?;
    let created_at = jiff::Timestamp::from_millisecond(created_ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let provider: String = row.get("provider")?;
    let mut log = AiGatewayLog::new(row.get::<_, String>("id")?, provider, row.get::<_, String>("model")?, created_at);
    log.model_type = row.get("model_type")?;
    log.path = row.get("path")?;
    log.duration = row.get::<_, i64>("duration")? as u64;
    log.request_type = row.get("request_type")?;
    log.request_content_type = row.get("request_content_type")?;
    log.response_content_type = row.get("response_content_type")?;
    log.status_code = Some(u16::try_from(row.get::<_, i64>("status_code")?).unwrap_or(0));
    log.success = row.get("success")?;
    log.cached = row.get("cached")?;
    log.tokens_in = row.get::<_, Option<i64>>("tokens_in")?.map(|v| v as u64);
    log.tokens_out = row.get::<_, Option<i64>>("tokens_out")?.map(|v| v as u64);
    log.cost = row.get("cost")?;
    log.custom_cost = Some(row.get("custom_cost")?);
    log.metadata =
        row.get::<_, Option<String>>("metadata")?.map(|text| match serde_json::from_str::<Metadata>(&text) {
            Ok(m) => LogMetadata::Entries(m),
            Err(_) => LogMetadata::Text(text),
        });
    log.step = row.get::<_, Option<i64>>("step")?.and_then(|v| u32::try_from(v).ok());
    if with_heads {
        log.request_size = Some(row.get::<_, i64>("request_size")? as u64);
        log.request_head = Some(row.get("request_head")?);
        log.request_head_complete = Some(row.get("request_head_complete")?);
        log.response_size = Some(row.get::<_, i64>("response_size")? as u64);
        log.response_head = Some(row.get("response_head")?);
        log.response_head_complete = Some(row.get("response_head_complete")?);
    }
    Ok(log)
}

/// One INSERT of `r`, on a connection or inside a transaction.
fn insert_row(conn: &Connection, r: &LogRecord) -> Result<(), StoreError> {
    // Cached: the statement is parsed once, not on every request.
    conn.prepare_cached(
        "INSERT INTO logs (id, gateway, created_ms, provider, model, model_type, path, duration, request_type, \
         request_content_type, response_content_type, status_code, success, cached, tokens_in, tokens_out, cost, \
         custom_cost, metadata, step, event_id, request_size, request_head, request_head_complete, response_size, \
         response_head, response_head_complete, request_body, response_body, authentication, user_agent) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, \
         ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)",
    )?
    .execute(rusqlite::params![
        r.id,
        r.gateway,
        r.created_ms,
        r.provider,
        r.model,
        r.model_type,
        r.path,
        i64::try_from(r.duration_ms).unwrap_or(i64::MAX),
        r.request_type,
        r.request_content_type,
        r.response_content_type,
        r.status_code,
        r.success,
        r.cached,
        r.tokens_in.and_then(|v| i64::try_from(v).ok()),
        r.tokens_out.and_then(|v| i64::try_from(v).ok()),
        r.cost,
        r.custom_cost,
        r.metadata,
        r.step,
        r.event_id,
        i64::try_from(r.request_size).unwrap_or(i64::MAX),
        r.request_head,
        r.request_head_complete,
        i64::try_from(r.response_size).unwrap_or(i64::MAX),
        r.response_head,
        r.response_head_complete,
        r.request_body,
        r.response_body,
        r.authenticated,
        r.user_agent,
    ])?;
    Ok(())
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

/// Runs `work` on `conn`, interrupted once `limit` has passed (if any).
fn timed<T>(
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
    /// Opens (creating if needed) the database, with the default limits.
    pub fn open(database: &Database) -> Result<Self, StoreError> {
        Self::open_with(database, StoreLimits::default())
    }

    /// Opens (creating if needed) the database: its writer, then its readers.
    pub(crate) fn open_with(database: &Database, limits: StoreLimits) -> Result<Self, StoreError> {
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
        // WAL: readers do not block the writer; NORMAL sync keeps every
        // committed log across a process kill (only power loss can lose the last ones).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(limits.write_wait)?;
        conn.execute_batch(SCHEMA)?;
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
        let file = match database {
            Database::Memory => None,
            Database::File(path) => {
                let identity = identity(path).map_err(|e| StoreError::Task(format!("cannot inspect the file: {e}")))?;
                Some(Arc::new(DatabaseFile { path: path.clone(), identity }))
            }
        };
        Ok(Self {
            writer: Arc::new(tokio::sync::Mutex::new(Writer { conn, counts: HashMap::new() })),
            readers: Arc::new(Readers { conns: readers, permits: Arc::new(tokio::sync::Semaphore::new(reader_count)) }),
            limits,
            health: Arc::default(),
            file,
        })
    }

    async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.with_counts(|conn, _| work(conn)).await
    }

    /// Runs `work` on the writer, with the per-gateway log counts. The whole
    /// wait for the database (for this process's writer, then for another
    /// process's lock) is bounded by the write wait: past it, `Busy`.
    async fn with_counts<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection, &mut HashMap<String, u64>) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let wait = self.limits.write_wait;
        let deadline = Instant::now() + wait;
        let busy = move || StoreError::Busy { waited_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX) };
        let mut writer = tokio::time::timeout(wait, Arc::clone(&self.writer).lock_owned()).await.map_err(|_| busy())?;
        tokio::task::spawn_blocking(move || {
            let Writer { conn, counts } = &mut *writer;
            conn.busy_timeout(deadline.saturating_duration_since(Instant::now()))?;
            work(conn, counts).map_err(|e| match e {
                StoreError::Sqlite(ref sqlite)
                    if sqlite.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) =>
                {
                    busy()
                }
                other => other,
            })
        })
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
    }

    /// Runs `work` on a read-only connection; `limited`: under the statement
    /// time limit (reads of the logs API).
    async fn read<T: Send + 'static>(
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

    /// Counts a failed log write and reports it (at most one error line a
    /// second, saying how many were not reported), or clears the failing
    /// state after a write that worked.
    fn note_log_write<T>(&self, result: &Result<T, StoreError>) {
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

    /// Test knob: caps the database at `pages` pages (SQLite's
    /// `max_page_count`; never below its current size, so `1` caps it at
    /// that), so writes that need more pages fail with `SQLITE_FULL` exactly
    /// as on a full disk. Returns the cap in force. Not a stable API.
    #[doc(hidden)]
    pub async fn set_max_page_count(&self, pages: u64) -> Result<u64, StoreError> {
        self.with(move |conn| {
            let pages = i64::try_from(pages).unwrap_or(i64::MAX);
            let cap: i64 = conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| r.get(0))?;
            Ok(u64::try_from(cap).unwrap_or(0))
        })
        .await
    }

    /// Test knob: stores `count` made-up logs for `gateway` in one
    /// transaction (providers, models, paths and metadata vary), to measure
    /// and test queries over many logs. Not a stable API.
    #[doc(hidden)]
    pub async fn seed(&self, gateway: &str, count: u64) -> Result<(), StoreError> {
        let gateway = gateway.to_owned();
        self.with_counts(move |conn, counts| {
            counts.remove(&gateway);
            let tx = conn.transaction()?;
            let base = jiff::Timestamp::now().as_millisecond() - i64::try_from(count).unwrap_or(0);
            for n in 0..count {
                let record = LogRecord {
                    id: ulid::Ulid::new().to_string(),
                    gateway: gateway.clone(),
                    created_ms: base + i64::try_from(n).unwrap_or(0),
                    provider: ["openai", "workers-ai", "anthropic"][usize::try_from(n % 3).unwrap_or(0)].to_owned(),
                    model: format!("model-{}", n % 17),
                    path: format!("v1/chat/completions/{n}"),
                    duration_ms: n % 1000,
                    status_code: 200,
                    success: true,
                    tokens_in: Some(n % 100),
                    tokens_out: Some(n % 50),
                    metadata: Some(format!(r#"{{"user":"user-{}","n":{n}}}"#, n % 1000)),
                    request_head: r#"{"messages":[{"role":"user","content":"hello"}]}"#.to_owned(),
                    request_head_complete: true,
                    response_head: r#"{"choices":[]}"#.to_owned(),
                    response_head_complete: true,
                    ..LogRecord::default()
                };
                insert_row(&tx, &record)?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    /// Stores a log; it is committed when this returns. Under a log
    /// `limit`, a full gateway either keeps its logs and stores nothing
    /// (`Ok(false)`), or drops its oldest logs in the same transaction.
    pub(crate) async fn insert(&self, record: LogRecord, limit: Option<LogLimit>) -> Result<bool, StoreError> {
        let result = self.insert_unnoted(record, limit).await;
        self.note_log_write(&result);
        result
    }

    async fn insert_unnoted(&self, record: LogRecord, limit: Option<LogLimit>) -> Result<bool, StoreError> {
        self.with_counts(move |conn, counts| {
            let Some(limit) = limit else {
                insert_row(conn, &record)?;
                counts.remove(&record.gateway);
                return Ok(true);
            };
            let held = match counts.get(&record.gateway) {
                Some(held) => *held,
                None => conn
                    .prepare_cached("SELECT COUNT(*) FROM logs WHERE gateway = ?1")?
                    .query_row([&record.gateway], |row| row.get::<_, i64>(0))?
                    .try_into()
                    .unwrap_or(0),
            };
            if held >= limit.max && limit.strategy == LogLimitStrategy::StopInserting {
                counts.insert(record.gateway.clone(), held);
                return Ok(false);
            }
            let tx = conn.transaction()?;
            insert_row(&tx, &record)?;
            let over = (held + 1).saturating_sub(limit.max);
            if over > 0 {
                tx.prepare_cached(
                    "DELETE FROM logs WHERE seq IN \
                     (SELECT seq FROM logs WHERE gateway = ?1 ORDER BY created_ms, seq LIMIT ?2)",
                )?
                .execute(rusqlite::params![record.gateway, i64::try_from(over).unwrap_or(i64::MAX)])?;
            }
            tx.commit()?;
            counts.insert(record.gateway.clone(), held + 1 - over);
            Ok(true)
        })
        .await
    }

    /// Completes a log stored early by [`insert`](Self::insert) (a stream's
    /// provisional log, written before its first byte went out) with what is
    /// known once the answer has ended: status, success, duration, tokens,
    /// cost and the response's content type, size, head and body. Everything
    /// else (request, metadata, feedback, score, `created_at`) is left as it
    /// is, so a patch made while the stream ran is kept. Returns `false` when
    /// no log has `record.id` any more (deleted meanwhile); it is not
    /// recreated. Committed when this returns.
    pub(crate) async fn finish(&self, record: LogRecord) -> Result<bool, StoreError> {
        let result = self.finish_unnoted(record).await;
        self.note_log_write(&result);
        result
    }

    async fn finish_unnoted(&self, record: LogRecord) -> Result<bool, StoreError> {
        self.with(move |conn| {
            let r = record;
            let changed = conn
                .prepare_cached(
                    "UPDATE logs SET duration = ?2, response_content_type = ?3, status_code = ?4, success = ?5, \
                     tokens_in = ?6, tokens_out = ?7, cost = ?8, response_size = ?9, response_head = ?10, \
                     response_head_complete = ?11, response_body = ?12 WHERE id = ?1",
                )?
                .execute(rusqlite::params![
                    r.id,
                    i64::try_from(r.duration_ms).unwrap_or(i64::MAX),
                    r.response_content_type,
                    r.status_code,
                    r.success,
                    r.tokens_in.and_then(|v| i64::try_from(v).ok()),
                    r.tokens_out.and_then(|v| i64::try_from(v).ok()),
                    r.cost,
                    i64::try_from(r.response_size).unwrap_or(i64::MAX),
                    r.response_head,
                    r.response_head_complete,
                    r.response_body,
                ])?;
            Ok(changed > 0)
        })
        .await
    }

    /// One log of a gateway, with heads and sizes.
    pub(crate) async fn get(&self, gateway: &str, id: &str) -> Result<Option<AiGatewayLog>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.read(true, move |conn| {
            let sql = format!("SELECT {COLUMNS} FROM logs WHERE gateway = ?1 AND id = ?2");
            Ok(conn.query_row(&sql, [&gateway, &id], |row| row_to_log(row, true)).optional()?)
        })
        .await
    }

    /// A page of logs and its `result_info`.
    pub(crate) async fn list(
        &self,
        gateway: &str,
        query: LogQuery,
    ) -> Result<(Vec<AiGatewayLog>, ResultInfo), StoreError> {
        let gateway = gateway.to_owned();
        self.read(true, move |conn| {
            let (filter, params) = where_clause(&gateway, &query)?;
            let order = order_clause(&query)?;
            let total: i64 = conn.query_row(
                &format!("SELECT COUNT(*) FROM logs WHERE {filter}"),
                params_from_iter(params.iter()),
                |r| r.get(0),
            )?;
            let offset = query.page.saturating_sub(1).saturating_mul(query.per_page);
            let sql =
                format!("SELECT {COLUMNS} FROM logs WHERE {filter} {order} LIMIT {} OFFSET {offset}", query.per_page);
            let mut statement = conn.prepare(&sql)?;
            let logs = statement
                .query_map(params_from_iter(params.iter()), |row| row_to_log(row, false))?
                .collect::<Result<Vec<_>, _>>()?;
            let mut info = ResultInfo::default();
            info.count = Some(logs.len() as u64);
            info.page = Some(query.page);
            info.per_page = Some(query.per_page);
            info.total_count = Some(u64::try_from(total).unwrap_or(0));
            if query.meta_info {
                let aggregates = "MIN(cost), MAX(cost), MIN(duration), MAX(duration), MIN(tokens_in), MAX(tokens_in), \
                     MIN(tokens_out), MAX(tokens_out), MIN(COALESCE(tokens_in,0)+COALESCE(tokens_out,0)), \
                     MAX(COALESCE(tokens_in,0)+COALESCE(tokens_out,0))";
                conn.query_row(
                    &format!("SELECT {aggregates} FROM logs WHERE {filter}"),
                    params_from_iter(params.iter()),
                    |r| {
                        info.min_cost = r.get(0)?;
                        info.max_cost = r.get(1)?;
                        info.min_duration = r.get(2)?;
                        info.max_duration = r.get(3)?;
                        info.min_tokens_in = r.get(4)?;
                        info.max_tokens_in = r.get(5)?;
                        info.min_tokens_out = r.get(6)?;
                        info.max_tokens_out = r.get(7)?;
                        info.min_total_tokens = r.get(8)?;
                        info.max_total_tokens = r.get(9)?;
                        Ok(())
                    },
                )?;
            }
            Ok((logs, info))
        })
        .await
    }

    /// Applies a patch; `false` when the log does not exist.
    pub(crate) async fn patch(&self, gateway: &str, id: &str, patch: LogPatch) -> Result<bool, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.with(move |conn| {
            let tx = conn.transaction()?;
            let exists: bool = tx
                .query_row("SELECT 1 FROM logs WHERE gateway = ?1 AND id = ?2", [&gateway, &id], |_| Ok(()))
                .optional()?
                .is_some();
            if exists {
                if let Some(feedback) = patch.feedback {
                    tx.execute(
                        "UPDATE logs SET feedback = ?1 WHERE gateway = ?2 AND id = ?3",
                        rusqlite::params![feedback, gateway, id],
                    )?;
                }
                if let Some(score) = patch.score {
                    tx.execute(
                        "UPDATE logs SET score = ?1 WHERE gateway = ?2 AND id = ?3",
                        rusqlite::params![score, gateway, id],
                    )?;
                }
                if let Some(metadata) = patch.metadata {
                    tx.execute(
                        "UPDATE logs SET metadata = ?1 WHERE gateway = ?2 AND id = ?3",
                        rusqlite::params![metadata, gateway, id],
                    )?;
                }
            }
            tx.commit()?;
            Ok(exists)
        })
        .await
    }

    /// Deletes the logs a query selects (at most `limit`), returning how many.
    pub(crate) async fn delete(&self, gateway: &str, query: LogQuery, limit: u64) -> Result<usize, StoreError> {
        let gateway = gateway.to_owned();
        let query_time_limit = self.limits.query_time_limit;
        self.with_counts(move |conn, counts| {
            counts.remove(&gateway);
            let (filter, params) = where_clause(&gateway, &query)?;
            let order = order_clause(&query)?;
            let sql =
                format!("DELETE FROM logs WHERE seq IN (SELECT seq FROM logs WHERE {filter} {order} LIMIT {limit})");
            // Its filters cost what a list's do, and it holds the writer meanwhile.
            timed(conn, Some(query_time_limit), |conn| Ok(conn.execute(&sql, params_from_iter(params.iter()))?))
        })
        .await
    }

    /// A log's stored request or response body with its content type:
    /// `Ok(None)` when the log does not exist, `Some((_, None))` when no body was kept.
    pub(crate) async fn payload(
        &self,
        gateway: &str,
        id: &str,
        response: bool,
    ) -> Result<Option<(Option<String>, Option<Vec<u8>>)>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.read(true, move |conn| {
            let sql = if response {
                "SELECT response_content_type, response_body FROM logs WHERE gateway = ?1 AND id = ?2"
            } else {
                "SELECT request_content_type, request_body FROM logs WHERE gateway = ?1 AND id = ?2"
            };
            Ok(conn.query_row(sql, [&gateway, &id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
        })
        .await
    }

    /// Feedback and score of a log (they are not part of `AiGatewayLog`).
    pub async fn evaluation(&self, gateway: &str, id: &str) -> Result<Option<(Option<f64>, Option<f64>)>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.read(false, move |conn| {
            Ok(conn
                .query_row("SELECT feedback, score FROM logs WHERE gateway = ?1 AND id = ?2", [&gateway, &id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?)
        })
        .await
    }

    /// Number of logs of all gateways.
    pub async fn count(&self) -> Result<u64, StoreError> {
        self.read(false, |conn| {
            Ok(u64::try_from(conn.query_row("SELECT COUNT(*) FROM logs", [], |r| r.get::<_, i64>(0))?).unwrap_or(0))
        })
        .await
    }

    /// SQLite's `PRAGMA integrity_check` verdict (`ok` when sound).
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        self.read(false, |conn| Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provisional(id: &str) -> LogRecord {
        LogRecord {
            id: id.to_owned(),
            gateway: "main".to_owned(),
            created_ms: 1_700_000_000_000,
            provider: "workers-ai".to_owned(),
            model: "m".to_owned(),
            path: "@cf/m".to_owned(),
            duration_ms: 3,
            response_content_type: Some("text/event-stream".to_owned()),
            status_code: 200,
            success: true,
            metadata: Some(r#"{"user":7}"#.to_owned()),
            request_head: "{}".to_owned(),
            request_head_complete: true,
            response_size: 9,
            response_head: "data: {}\n".to_owned(),
            response_head_complete: false,
            response_body: Some(b"data: {}\n".to_vec()),
            ..LogRecord::default()
        }
    }

    #[tokio::test]
    async fn finish_completes_the_provisional_row_in_place() {
        let store = Store::open(&Database::Memory).unwrap();
        store.insert(provisional("a"), None).await.unwrap();
        let early = store.get("main", "a").await.unwrap().expect("the provisional log");
        assert_eq!((early.response_head_complete, early.tokens_in), (Some(false), None));

        let done = LogRecord {
            duration_ms: 250,
            status_code: 502,
            success: false,
            tokens_in: Some(4),
            tokens_out: Some(5),
            cost: Some(0.5),
            response_size: 20,
            response_head: "data: {}\n\ndata: [DONE]".to_owned(),
            response_head_complete: true,
            response_body: Some(b"data: {}\n\ndata: [DONE]".to_vec()),
            // Fields `finish` leaves alone.
            created_ms: 0,
            metadata: None,
            model: "other".to_owned(),
            ..provisional("a")
        };
        assert!(store.finish(done).await.unwrap());
        let log = store.get("main", "a").await.unwrap().expect("the completed log");
        assert_eq!((log.duration, log.status_code, log.success), (250, Some(502), false));
        assert_eq!((log.tokens_in, log.tokens_out, log.cost), (Some(4), Some(5), Some(0.5)));
        assert_eq!((log.response_size, log.response_head_complete), (Some(20), Some(true)));
        assert_eq!(log.response_head.as_deref(), Some("data: {}\n\ndata: [DONE]"));
        assert_eq!((log.created_at, log.model.as_str()), (early.created_at, "m"));
        assert!(log.metadata.is_some(), "metadata kept");
        let (_, body) = store.payload("main", "a", true).await.unwrap().expect("the log");
        assert_eq!(body.as_deref(), Some(&b"data: {}\n\ndata: [DONE]"[..]));
        assert_eq!(store.count().await.unwrap(), 1, "updated, not inserted");

        // A log deleted meanwhile is not recreated.
        assert!(!store.finish(provisional("gone")).await.unwrap());
        assert_eq!(store.count().await.unwrap(), 1);
    }

    fn numbered(n: u64) -> LogRecord {
        LogRecord {
            id: format!("log-{n:03}"),
            created_ms: 1_700_000_000_000 + i64::try_from(n).unwrap(),
            ..provisional("x")
        }
    }

    async fn ids(store: &Store, gateway: &str) -> Vec<String> {
        let query = LogQuery { page: 1, per_page: 50, descending: false, ..LogQuery::default() };
        store.list(gateway, query).await.unwrap().0.into_iter().map(|l| l.id).collect()
    }

    #[tokio::test]
    async fn a_full_gateway_stops_inserting_or_drops_its_oldest_logs() {
        let store = Store::open(&Database::Memory).unwrap();
        let stop = Some(LogLimit { max: 3, strategy: LogLimitStrategy::StopInserting });
        let stored: Vec<bool> = futures::future::join_all((0..5).map(|n| store.insert(numbered(n), stop)))
            .await
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(stored.iter().filter(|s| **s).count(), 3);
        assert_eq!(ids(&store, "main").await.len(), 3, "nothing stored is lost, nothing more is stored");

        let store = Store::open(&Database::Memory).unwrap();
        let oldest = Some(LogLimit { max: 3, strategy: LogLimitStrategy::DeleteOldest });
        for n in 0..5 {
            assert!(store.insert(numbered(n), oldest).await.unwrap());
        }
        assert_eq!(ids(&store, "main").await, ["log-002", "log-003", "log-004"]);
        // Other gateways are not touched; a bulk delete resets the count.
        store.insert(LogRecord { gateway: "other".to_owned(), ..numbered(9) }, oldest).await.unwrap();
        let all = LogQuery { page: 1, per_page: 50, descending: false, ..LogQuery::default() };
        assert_eq!(store.delete("main", all, 2).await.unwrap(), 2);
        for n in 5..8 {
            store.insert(numbered(n), oldest).await.unwrap();
        }
        assert_eq!(ids(&store, "main").await, ["log-005", "log-006", "log-007"]);
        assert_eq!(ids(&store, "other").await, ["log-009"]);
    }
}
