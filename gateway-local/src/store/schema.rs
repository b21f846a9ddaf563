//! The `logs` table: its schema, the columns a list reads, what is kept
//! about one request ([`LogRecord`]), and rows to and from Rust values.

use gateway_core::{AiGatewayLog, LogMetadata, Metadata, RouteTrace};
use std::sync::LazyLock;

use bytes::Bytes;
use rusqlite::types::{Null, ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql, params_from_iter};

use super::StoreError;

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
    /// UTF-8 text (often a slice of the body itself: no copy).
    pub(crate) request_head: Bytes,
    pub(crate) request_head_complete: bool,
    pub(crate) response_size: u64,
    /// UTF-8 text, like `request_head`.
    pub(crate) response_head: Bytes,
    pub(crate) response_head_complete: bool,
    pub(crate) request_body: Option<Bytes>,
    pub(crate) response_body: Option<Bytes>,
    pub(crate) authenticated: bool,
    pub(crate) user_agent: Option<String>,
    /// No provider credential came with the request: Cloudflare would bill
    /// it through Unified Billing (the logs API's `wholesale` filter).
    pub(crate) wholesale: bool,
    /// It came through an OpenAI-compatible endpoint (`/compat`, the REST
    /// API's `/ai/v1/...`): the logs API's `compatibilityMode` filter.
    pub(crate) compatibility_mode: bool,
    /// The dynamic route it went through (the log's `dynamic_route`, ours).
    pub(crate) route: Option<RouteTrace>,
}

/// The `logs` table of a new database. `seq` orders logs of one instant and
/// names rows to delete; it is a plain rowid (no `AUTOINCREMENT`: that
/// rewrote the `sqlite_sequence` table's page in every commit, a fifth of
/// the WAL a lone log writes). A table made with `AUTOINCREMENT` before is
/// kept as it is: both are read and written alike.
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS logs (
    seq INTEGER PRIMARY KEY,
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
pub(super) const COLUMNS: &str = "id, created_ms, provider, model, model_type, path, duration, request_type, request_content_type, \
     response_content_type, status_code, success, cached, tokens_in, tokens_out, cost, custom_cost, metadata, step, \
     request_size, request_head, request_head_complete, response_size, response_head, response_head_complete, \
     route_name, route_version, route_path";

/// A log of a row of [`COLUMNS`] (`with_heads`: and [`HEAD_COLUMNS`]).
#[allow(clippy::cast_sign_loss, reason = "stored values are written from unsigned fields")]
pub(super) fn row_to_log(row: &rusqlite::Row<'_>, with_heads: bool) -> rusqlite::Result<AiGatewayLog> {
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
        let request_complete: bool = row.get("request_head_complete")?;
        let response_complete: bool = row.get("response_head_complete")?;
        log.request_size = Some(row.get::<_, i64>("request_size")? as u64);
        log.request_head = Some(head_of(row.get("request_head")?, request_complete, row.get("request_body")?));
        log.request_head_complete = Some(request_complete);
        log.response_size = Some(row.get::<_, i64>("response_size")? as u64);
        log.response_head = Some(head_of(row.get("response_head")?, response_complete, row.get("response_body")?));
        log.response_head_complete = Some(response_complete);
    }
    let route_name: Option<String> = row.get("route_name")?;
    if let Some(name) = route_name {
        let version: Option<String> = row.get("route_version")?;
        let path: Option<String> = row.get("route_path")?;
        let path = path.and_then(|p| serde_json::from_str(&p).ok()).unwrap_or_default();
        log.dynamic_route = Some(RouteTrace::new(name, version.unwrap_or_default(), path));
    }
    Ok(log)
}

/// One column of a log row: its name, whether [`update_ended`] writes it
/// again (it is known only once the answer has ended), and its value.
type Column<'a> = (&'static str, bool, ToSqlOutput<'a>);

/// Written when the log is first stored only.
const STORED: bool = false;
/// Written again by [`update_ended`] when the answer has ended.
const ENDED: bool = true;

/// A log row's columns with their values in `r`, in the order of the table:
/// the one list the INSERT of a log and the UPDATE of a stream's ended log
/// are both written from. `feedback` and `score` are left to the logs API.
fn columns(r: &LogRecord) -> rusqlite::Result<[Column<'_>; 36]> {
    let route = r.route.as_ref();
    let route_path = route.map(|t| serde_json::to_string(&t.path).unwrap_or_default());
    Ok([
        ("id", STORED, r.id.to_sql()?),
        ("gateway", STORED, r.gateway.to_sql()?),
        ("created_ms", STORED, r.created_ms.to_sql()?),
        ("provider", STORED, r.provider.to_sql()?),
        ("model", STORED, r.model.to_sql()?),
        ("model_type", STORED, r.model_type.to_sql()?),
        ("path", STORED, r.path.to_sql()?),
        ("duration", ENDED, saturated(r.duration_ms)),
        ("request_type", STORED, r.request_type.to_sql()?),
        ("request_content_type", STORED, r.request_content_type.to_sql()?),
        ("response_content_type", ENDED, r.response_content_type.to_sql()?),
        ("status_code", ENDED, r.status_code.to_sql()?),
        ("success", ENDED, r.success.to_sql()?),
        ("cached", STORED, r.cached.to_sql()?),
        ("tokens_in", ENDED, count_or_null(r.tokens_in)),
        ("tokens_out", ENDED, count_or_null(r.tokens_out)),
        ("cost", ENDED, r.cost.to_sql()?),
        ("custom_cost", STORED, r.custom_cost.to_sql()?),
        ("metadata", STORED, r.metadata.to_sql()?),
        ("step", STORED, r.step.to_sql()?),
        ("event_id", STORED, r.event_id.to_sql()?),
        ("request_size", STORED, saturated(r.request_size)),
        ("request_head", STORED, stored_head(&r.request_head, r.request_head_complete, r.request_body.as_deref())),
        ("request_head_complete", STORED, r.request_head_complete.to_sql()?),
        ("response_size", ENDED, saturated(r.response_size)),
        ("response_head", ENDED, stored_head(&r.response_head, r.response_head_complete, r.response_body.as_deref())),
        ("response_head_complete", ENDED, r.response_head_complete.to_sql()?),
        ("request_body", STORED, blob_or_null(r.request_body.as_deref())),
        ("response_body", ENDED, blob_or_null(r.response_body.as_deref())),
        ("authentication", STORED, r.authenticated.to_sql()?),
        ("user_agent", STORED, r.user_agent.to_sql()?),
        ("wholesale", STORED, r.wholesale.to_sql()?),
        ("compatibility_mode", STORED, r.compatibility_mode.to_sql()?),
        ("route_name", STORED, text_or_null(route.map(|t| t.name.as_str()))),
        ("route_version", STORED, text_or_null(route.map(|t| t.version_id.as_str()))),
        ("route_path", STORED, route_path.map_or(Null.into(), |p| ToSqlOutput::Owned(p.into()))),
    ])
}

/// A head as written: `''` when it is the whole stored body, byte for byte
/// (a small body is then not stored twice: a quarter less to write per log
/// of a short chat); else its text. [`head_of`] reads it back.
fn stored_head<'a>(head: &'a [u8], complete: bool, body: Option<&[u8]>) -> ToSqlOutput<'a> {
    let text = if complete && !head.is_empty() && body == Some(head) { &[][..] } else { head };
    ToSqlOutput::Borrowed(ValueRef::Text(text))
}

/// A stored head, read back: `''` of a complete head with a stored,
/// non-empty body is that body (see [`stored_head`]). A head written in
/// full before that rule was never `''` beside a non-empty body: a complete
/// head is the whole body's text, empty only for an empty body.
fn head_of(stored: String, complete: bool, body: Option<Vec<u8>>) -> String {
    match body {
        Some(body) if complete && stored.is_empty() && !body.is_empty() => {
            String::from_utf8(body).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
        _ => stored,
    }
}

/// Columns [`row_to_log`] reads besides [`COLUMNS`] when it reads heads.
pub(super) const HEAD_COLUMNS: &str = "request_body, response_body";

/// A blob, or `NULL` when absent.
fn blob_or_null(value: Option<&[u8]>) -> ToSqlOutput<'_> {
    value.map_or(Null.into(), |blob| ToSqlOutput::Borrowed(ValueRef::Blob(blob)))
}

/// Text, or `NULL` when absent.
fn text_or_null(value: Option<&str>) -> ToSqlOutput<'_> {
    value.map_or(Null.into(), |text| ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())))
}

/// A size or duration as SQLite's signed integer, saturating.
fn saturated(value: u64) -> ToSqlOutput<'static> {
    i64::try_from(value).unwrap_or(i64::MAX).into()
}

/// A token count as SQLite's signed integer; `NULL` when unknown or too large.
fn count_or_null(value: Option<u64>) -> ToSqlOutput<'static> {
    value.and_then(|v| i64::try_from(v).ok()).map_or(Null.into(), Into::into)
}

/// The names of [`columns`], in order, with whether each is [`ENDED`].
fn column_names() -> impl Iterator<Item = (&'static str, bool)> {
    let names = columns(&LogRecord::default()).map(|columns| columns.map(|(name, ended, _)| (name, ended)));
    // The names do not depend on the values, and plain values always convert.
    names.unwrap_or_else(|e| unreachable!("a default log record converts to SQL: {e}")).into_iter()
}

/// `INSERT INTO logs (every column) VALUES (?1, ...)`, written once.
static INSERT: LazyLock<String> = LazyLock::new(|| {
    let names: Vec<&str> = column_names().map(|(name, _)| name).collect();
    let slots: Vec<String> = (1..=names.len()).map(|n| format!("?{n}")).collect();
    format!("INSERT INTO logs ({}) VALUES ({})", names.join(", "), slots.join(", "))
});

/// `UPDATE logs SET (each ended column) = ?2, ... WHERE id = ?1`, written once.
static UPDATE_ENDED: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = column_names()
        .filter(|(_, ended)| *ended)
        .enumerate()
        .map(|(n, (name, _))| format!("{name} = ?{}", n + 2))
        .collect();
    format!("UPDATE logs SET {} WHERE id = ?1", sets.join(", "))
});

/// One INSERT of `r`, on a connection or inside a transaction.
pub(super) fn insert_row(conn: &Connection, r: &LogRecord) -> Result<(), StoreError> {
    // Cached: the statement is parsed once, not on every request.
    conn.prepare_cached(&INSERT)?.execute(params_from_iter(columns(r)?.iter().map(|(_, _, value)| value)))?;
    Ok(())
}

/// Writes the [`ENDED`] columns of `r` over the stored log `r.id`; the
/// number of rows changed (0 when the log is gone).
pub(super) fn update_ended(conn: &Connection, r: &LogRecord) -> Result<usize, StoreError> {
    let columns = columns(r)?;
    let ended = columns.iter().filter(|(_, ended, _)| *ended).map(|(_, _, value)| value);
    let id = r.id.to_sql()?;
    Ok(conn.prepare_cached(&UPDATE_ENDED)?.execute(params_from_iter(std::iter::once(&id).chain(ended)))?)
}

/// Columns added to `logs` after its first schema, and their types: a
/// database made before them gets them when opened ([`migrate`]); its older
/// rows hold NULL there (not known), except `compatibility_mode`, which the
/// request type tells. `dlp_action` stays NULL: gateway-local runs no DLP.
const ADDED_COLUMNS: [(&str, &str, Option<&str>); 6] = [
    ("wholesale", "INTEGER", None),
    ("compatibility_mode", "INTEGER", Some("UPDATE logs SET compatibility_mode = (request_type = 'compat')")),
    ("dlp_action", "TEXT", None),
    // The dynamic route, its version, and the path walked (a JSON array of element ids).
    ("route_name", "TEXT", None),
    ("route_version", "TEXT", None),
    ("route_path", "TEXT", None),
];

/// Brings a `logs` table of any earlier schema up to date, in one
/// transaction that holds the write lock (two processes opening one file
/// do not both add a column); an up-to-date table takes no lock.
pub(super) fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let missing = |conn: &Connection| -> rusqlite::Result<Vec<(&str, &str, Option<&str>)>> {
        let mut statement = conn.prepare("SELECT name FROM pragma_table_info('logs')")?;
        let existing = statement.query_map([], |row| row.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
        Ok(ADDED_COLUMNS.into_iter().filter(|(name, ..)| !existing.iter().any(|column| column == name)).collect())
    };
    if missing(conn)?.is_empty() {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let done = (|| {
        for (name, kind, fill) in missing(conn)? {
            conn.execute_batch(&format!("ALTER TABLE logs ADD COLUMN {name} {kind}"))?;
            if let Some(fill) = fill {
                conn.execute_batch(fill)?;
            }
        }
        Ok(())
    })();
    conn.execute_batch(if done.is_ok() { "COMMIT" } else { "ROLLBACK" })?;
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statements_written_from_the_column_list() {
        assert_eq!(
            *INSERT,
            "INSERT INTO logs (id, gateway, created_ms, provider, model, model_type, path, duration, request_type, \
             request_content_type, response_content_type, status_code, success, cached, tokens_in, tokens_out, cost, \
             custom_cost, metadata, step, event_id, request_size, request_head, request_head_complete, response_size, \
             response_head, response_head_complete, request_body, response_body, authentication, user_agent, wholesale, \
             compatibility_mode, route_name, route_version, route_path) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, \
             ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36)"
        );
        assert_eq!(
            *UPDATE_ENDED,
            "UPDATE logs SET duration = ?2, response_content_type = ?3, status_code = ?4, success = ?5, \
             tokens_in = ?6, tokens_out = ?7, cost = ?8, response_size = ?9, response_head = ?10, \
             response_head_complete = ?11, response_body = ?12 WHERE id = ?1"
        );
    }
}
