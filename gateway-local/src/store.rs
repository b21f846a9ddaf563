//! All SQL lives here: logs and their stored bodies, in SQLite (file or
//! memory). One connection behind a mutex, used from blocking threads; it is
//! never held across an `.await`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use gateway_core::{AiGatewayLog, LogMetadata, Metadata, ResultInfo};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, params_from_iter};
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

/// The log store.
#[derive(Debug, Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    /// Logs per gateway, known once counted; kept for gateways with a log
    /// limit. Only touched with `conn` locked, so it moves with the table.
    counts: Arc<Mutex<HashMap<String, u64>>>,
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

impl Store {
    /// Opens (creating if needed) the database.
    pub fn open(database: &Database) -> Result<Self, StoreError> {
        let conn = match database {
            Database::Memory => Connection::open_in_memory()?,
            Database::File(path) => Connection::open(path)?,
        };
        // WAL: readers do not block the writer; NORMAL sync keeps every
        // committed log across a process kill (only power loss can lose the last ones).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self { conn: Arc::new(Mutex::new(conn)), counts: Arc::default() })
    }

    async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.with_counts(|conn, _| work(conn)).await
    }

    /// [`with`](Self::with), also handing over the per-gateway log counts.
    async fn with_counts<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection, &mut HashMap<String, u64>) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (conn, counts) = (Arc::clone(&self.conn), Arc::clone(&self.counts));
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(PoisonError::into_inner);
            let mut counts = counts.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut guard, &mut counts)
        })
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
    }

    /// Stores a log; it is committed when this returns. Under a log
    /// `limit`, a full gateway either keeps its logs and stores nothing
    /// (`Ok(false)`), or drops its oldest logs in the same transaction.
    pub(crate) async fn insert(&self, record: LogRecord, limit: Option<LogLimit>) -> Result<bool, StoreError> {
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
        self.with(move |conn| {
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
        self.with(move |conn| {
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
        self.with_counts(move |conn, counts| {
            counts.remove(&gateway);
            let (filter, params) = where_clause(&gateway, &query)?;
            let order = order_clause(&query)?;
            let sql =
                format!("DELETE FROM logs WHERE seq IN (SELECT seq FROM logs WHERE {filter} {order} LIMIT {limit})");
            Ok(conn.execute(&sql, params_from_iter(params.iter()))?)
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
        self.with(move |conn| {
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
        self.with(move |conn| {
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
        self.with(|conn| {
            Ok(u64::try_from(conn.query_row("SELECT COUNT(*) FROM logs", [], |r| r.get::<_, i64>(0))?).unwrap_or(0))
        })
        .await
    }

    /// SQLite's `PRAGMA integrity_check` verdict (`ok` when sound).
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        self.with(|conn| Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).await
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
