//! What the gateway does with logs: store one (under a gateway's log
//! limit), complete a stream's provisional log, and the logs API's reads,
//! patches, deletes and stored bodies.

use gateway_core::{AiGatewayLog, ResultInfo};
use rusqlite::{Connection, OptionalExtension, params_from_iter};

use super::connections::timed;
use super::query::{order_clause, where_clause};
use super::schema::{COLUMNS, HEAD_COLUMNS, insert_row, row_to_log, update_ended};
use super::writer::{Counts, LogWrite};
use super::{LogLimit, LogLimitStrategy, LogPatch, LogQuery, LogRecord, Store, StoreError};

/// Does a log write inside the writer's open transaction `conn` (the writer
/// commits it, with the others of its group). Under a log limit, a full
/// gateway either keeps its logs and stores nothing (`Ok(false)`), or drops
/// its oldest logs, an [`eviction_step`] of them at once. In memory, the
/// writer has made room for the group first ([`make_room`]). `counts` is
/// updated as if the transaction commits (the writer clears it when it does not).
pub(super) fn write(conn: &Connection, counts: &mut Counts, write: &LogWrite) -> Result<bool, StoreError> {
    let (record, limit) = match write {
        LogWrite::Finish(record) => return Ok(update_ended(conn, record)? > 0),
        LogWrite::Insert(record, limit) => (record, limit),
    };
    let Some(limit) = limit else {
        insert_row(conn, record)?;
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
    insert_row(conn, record)?;
    let over = (held + 1).saturating_sub(limit.max);
    let dropped = if over > 0 { delete_oldest(conn, &record.gateway, over.max(eviction_step(limit.max)))? } else { 0 };
    counts.insert(record.gateway.clone(), (held + 1).saturating_sub(dropped));
    Ok(true)
}

/// How many of its oldest logs a gateway at its `DELETE_OLDEST` limit drops
/// at once: 1 % of the limit, at most 100 (so a gateway keeps between 99 %
/// and all of its limit; under 200, exactly its limit). Dropping one per new
/// log cost about as much as the log itself (a lookup, then a row and its two
/// index entries deleted in pages the commit copies); in steps, the in-memory
/// default (100 000 logs) past its cap at 32 connections on one core went
/// from 17 300–20 000 to 19 800–23 500 req/s (+12 to +18 %, two interleaved
/// sets), CPU per request 49–56 → 42–48 µs. A step of 1 000 was barely
/// faster (20 200–21 300 in the first set) and its commits raised the p99
/// (3.3 → 4 ms).
fn eviction_step(limit: u64) -> u64 {
    (limit / 100).clamp(1, 100)
}

/// The bytes the database's pages in use hold (free pages are reused, so
/// they do not count).
pub(super) const USED_BYTES: &str = "SELECT (p.page_count - f.freelist_count) * s.page_size \
     FROM pragma_page_count() p, pragma_freelist_count() f, pragma_page_size() s";

/// Oldest logs [`make_room`] looks up at once.
const ROOM_STEP: i64 = 64;

/// Roughly what a log takes in the database: its bodies and heads, and a
/// share for its other columns and its index entries.
fn stored_bytes(record: &LogRecord) -> u64 {
    const OTHER_COLUMNS: u64 = 256;
    let body = |body: &Option<bytes::Bytes>| body.as_ref().map_or(0, |b| b.len() as u64);
    body(&record.request_body)
        + body(&record.response_body)
        + record.request_head.len() as u64
        + record.response_head.len() as u64
        + OTHER_COLUMNS
}

/// Deletes the oldest logs of any gateway (by arrival), one at a time, until
/// `writes` fit in `budget` beside the [`USED_BYTES`], or no log is left
/// (no budget, a file's: nothing to do); run once per group (run per log,
/// the look at the bytes in use cost 3 µs). A
/// log larger than the whole budget makes no room (it would empty the
/// database for nothing): it goes in if the hard cap lets it. A count of logs
/// per gateway alone did not bound memory: callers naming new gateways, or
/// sending large bodies (a log keeps up to `max_stored_body_bytes` of each),
/// grew it without end.
pub(super) fn make_room<'a>(
    conn: &Connection,
    counts: &mut Counts,
    budget: Option<u64>,
    writes: impl Iterator<Item = &'a LogWrite>,
) -> Result<(), StoreError> {
    let Some(budget) = budget else { return Ok(()) };
    let incoming = writes
        .map(|(LogWrite::Finish(record) | LogWrite::Insert(record, _))| stored_bytes(record))
        .filter(|bytes| *bytes <= budget)
        .fold(0, u64::saturating_add)
        .min(budget);
    if incoming == 0 {
        return Ok(());
    }
    let fits = || -> rusqlite::Result<bool> {
        let used: i64 = conn.prepare_cached(USED_BYTES)?.query_row([], |row| row.get(0))?;
        Ok(u64::try_from(used).unwrap_or(0).saturating_add(incoming) <= budget)
    };
    loop {
        if fits()? {
            return Ok(());
        }
        let oldest: Vec<(i64, String)> = conn
            .prepare_cached("SELECT seq, gateway FROM logs ORDER BY seq LIMIT ?1")?
            .query_map([ROOM_STEP], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if oldest.is_empty() {
            // Nothing left to drop: the log goes in if the hard cap lets it.
            return Ok(());
        }
        let mut delete = conn.prepare_cached("DELETE FROM logs WHERE seq = ?1")?;
        for (seq, gateway) in &oldest {
            if delete.execute([seq])? > 0 {
                if let Some(held) = counts.get_mut(gateway) {
                    *held = held.saturating_sub(1);
                }
            }
            if fits()? {
                return Ok(());
            }
        }
    }
}

/// The most `seq`s [`delete_oldest`] holds at once.
const DELETE_OLDEST_STEP: u64 = 1024;

/// Deletes the `count` oldest logs of `gateway` (by time, then arrival): their
/// keys first, a step at a time, then each row by its key; returns how many
/// it deleted (fewer if the gateway held fewer). One
/// `DELETE ... WHERE seq IN (SELECT ...)` made and dropped a temporary table
/// per call; on the in-memory database (whose gateways keep 100 000 logs by
/// default, so a full one deletes at every [`eviction_step`]), dropping it was
/// a fifth of the CPU a logged request cost.
fn delete_oldest(conn: &Connection, gateway: &str, count: u64) -> rusqlite::Result<u64> {
    let mut oldest =
        conn.prepare_cached("SELECT seq FROM logs WHERE gateway = ?1 ORDER BY created_ms, seq LIMIT ?2")?;
    let mut delete = conn.prepare_cached("DELETE FROM logs WHERE seq = ?1")?;
    let (mut left, mut deleted) = (count, 0);
    while left > 0 {
        let step = left.min(DELETE_OLDEST_STEP);
        let seqs: Vec<i64> = oldest
            .query_map(rusqlite::params![gateway, i64::try_from(step).unwrap_or(i64::MAX)], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for seq in &seqs {
            deleted += u64::try_from(delete.execute([seq])?).unwrap_or(0);
        }
        if u64::try_from(seqs.len()).unwrap_or(u64::MAX) < step {
            break;
        }
        left -= step;
    }
    Ok(deleted)
}

impl Store {
    /// Stores a log; it is committed (with the others queued beside it)
    /// when this returns. Under a log
    /// `limit`, a full gateway either keeps its logs and stores nothing
    /// (`Ok(false)`), or drops its oldest logs in the same transaction.
    pub(crate) async fn insert(&self, record: LogRecord, limit: Option<LogLimit>) -> Result<bool, StoreError> {
        // In memory, nothing else bounds the logs: the oldest go first.
        let limit = limit.or_else(|| {
            self.file
                .is_none()
                .then_some(LogLimit { max: self.limits.memory_log_limit, strategy: LogLimitStrategy::DeleteOldest })
        });
        let result = self.insert_unnoted(record, limit).await;
        self.note_log_write(&result);
        result
    }

    async fn insert_unnoted(&self, record: LogRecord, limit: Option<LogLimit>) -> Result<bool, StoreError> {
        self.write_log(LogWrite::Insert(record, limit)).await
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
        self.write_log(LogWrite::Finish(record)).await
    }

    /// One log of a gateway, with heads and sizes.
    pub(crate) async fn get(&self, gateway: &str, id: &str) -> Result<Option<AiGatewayLog>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.read(true, move |conn| {
            let sql = format!("SELECT {COLUMNS}, {HEAD_COLUMNS} FROM logs WHERE gateway = ?1 AND id = ?2");
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
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::super::Database;
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
            request_head: Bytes::from_static(b"{}"),
            request_head_complete: true,
            response_size: 9,
            response_head: Bytes::from_static(b"data: {}\n"),
            response_head_complete: false,
            response_body: Some(Bytes::from_static(b"data: {}\n")),
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
            response_head: Bytes::from_static(b"data: {}\n\ndata: [DONE]"),
            response_head_complete: true,
            response_body: Some(Bytes::from_static(b"data: {}\n\ndata: [DONE]")),
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

    /// What the file holds of log `id`: its two stored heads.
    async fn stored_heads(store: &Store, id: &str) -> (String, String) {
        let id = id.to_owned();
        store
            .read(false, move |conn| {
                Ok(conn.query_row("SELECT request_head, response_head FROM logs WHERE id = ?1", [&id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?)
            })
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_head_that_is_its_whole_body_is_stored_once_and_read_back_whole() {
        let store = Store::open(&Database::Memory).unwrap();
        let chat = Bytes::from_static(br#"{"model":"m","messages":[]}"#);
        let answer = Bytes::from_static(br#"{"choices":[]}"#);
        let whole = LogRecord {
            request_head: chat.clone(),
            request_body: Some(chat.clone()),
            response_head: answer.clone(),
            response_head_complete: true,
            response_body: Some(answer.clone()),
            ..provisional("whole")
        };
        store.insert(whole.clone(), None).await.unwrap();
        assert_eq!(stored_heads(&store, "whole").await, (String::new(), String::new()), "not stored twice");
        let log = store.get("main", "whole").await.unwrap().expect("the log");
        assert_eq!(log.request_head.as_deref(), Some(r#"{"model":"m","messages":[]}"#));
        assert_eq!(log.response_head.as_deref(), Some(r#"{"choices":[]}"#));

        // Stored in full: bodies not kept, a head cut short of its body, an
        // incomplete head (a stream's provisional log), a head that differs.
        let cases = [
            ("unkept", LogRecord { request_body: None, response_body: None, ..whole.clone() }),
            (
                "cut",
                LogRecord {
                    request_head: chat.slice(..5),
                    request_head_complete: false,
                    response_head: answer.slice(..5),
                    response_head_complete: false,
                    ..whole.clone()
                },
            ),
            ("provisional", LogRecord { request_head_complete: false, response_head_complete: false, ..whole.clone() }),
            (
                "replaced",
                LogRecord {
                    request_head: Bytes::from("\u{fffd}"),
                    request_body: Some(Bytes::from_static(b"\xff")),
                    ..whole.clone()
                },
            ),
        ];
        for (id, record) in cases {
            let (request_head, response_head) = (record.request_head.clone(), record.response_head.clone());
            store.insert(LogRecord { id: id.to_owned(), ..record }, None).await.unwrap();
            let (stored_request, stored_response) = stored_heads(&store, id).await;
            assert_eq!(stored_request.as_bytes(), &request_head[..], "{id}");
            let log = store.get("main", id).await.unwrap().expect("the log");
            assert_eq!(log.request_head.as_deref().map(str::as_bytes), Some(&request_head[..]), "{id}");
            assert_eq!(log.response_head.as_deref().map(str::as_bytes), Some(&response_head[..]), "{id}");
            if id != "replaced" {
                assert_eq!(stored_response.as_bytes(), &response_head[..], "{id}");
            }
        }

        // A stream's log: its provisional head in full, then, completed, once.
        let first = Bytes::from_static(b"data: {}\n");
        store
            .insert(LogRecord { response_head: first.clone(), response_body: Some(first), ..provisional("s") }, None)
            .await
            .unwrap();
        assert_eq!(stored_heads(&store, "s").await.1, "data: {}\n");
        let done = Bytes::from_static(b"data: {}\n\ndata: [DONE]");
        let finished = LogRecord {
            response_head: done.clone(),
            response_head_complete: true,
            response_body: Some(done),
            ..provisional("s")
        };
        assert!(store.finish(finished).await.unwrap());
        assert_eq!(stored_heads(&store, "s").await.1, "");
        let log = store.get("main", "s").await.unwrap().expect("the log");
        assert_eq!(log.response_head.as_deref(), Some("data: {}\n\ndata: [DONE]"));
    }

    #[tokio::test]
    async fn a_new_file_has_no_autoincrement_and_an_older_table_keeps_working() {
        let dir = std::env::temp_dir().join(format!("gl-schema-{}-{}", std::process::id(), crate::proxy::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (new, old) = (dir.join("new.sqlite3"), dir.join("old.sqlite3"));
        // A database made by an earlier version: `seq` with AUTOINCREMENT, 4 KiB pages.
        {
            let conn = Connection::open(&old).unwrap();
            conn.execute_batch(
                &super::super::schema::SCHEMA
                    .replace("seq INTEGER PRIMARY KEY,", "seq INTEGER PRIMARY KEY AUTOINCREMENT,"),
            )
            .unwrap();
        }
        let oldest = Some(LogLimit { max: 2, strategy: LogLimitStrategy::DeleteOldest });
        for path in [&new, &old] {
            let store = Store::open(&Database::File(path.clone())).unwrap();
            for n in 0..4 {
                assert!(store.insert(numbered(n), oldest).await.unwrap());
            }
            assert_eq!(ids(&store, "main").await, ["log-002", "log-003"], "{path:?}");
            drop(store);
        }
        let sequences = |path: &std::path::Path| {
            let conn = Connection::open(path).unwrap();
            let tables: i64 = conn
                .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'", [], |r| r.get(0))
                .unwrap();
            let page_size: u32 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
            (tables, page_size)
        };
        assert_eq!(
            sequences(&new),
            (0, super::super::connections::PAGE_SIZE),
            "no sequence table to rewrite per commit"
        );
        assert_eq!(sequences(&old).0, 1, "an older table is kept as it was");
        std::fs::remove_dir_all(&dir).unwrap();
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
    async fn a_gateway_far_over_its_limit_drops_its_oldest_by_time_then_arrival() {
        let store = Store::open(&Database::Memory).unwrap();
        // Stored without a limit: more than two steps of the deletion's.
        let first_by_arrival_last_by_time = LogRecord { created_ms: 1_700_000_010_000, ..numbered(0) };
        store.insert(first_by_arrival_last_by_time, None).await.unwrap();
        let rest = futures::future::join_all((1..2_100).map(|n| store.insert(numbered(n), None))).await;
        assert!(rest.into_iter().all(|stored| stored.unwrap()));
        let limit = Some(LogLimit { max: 5, strategy: LogLimitStrategy::DeleteOldest });
        assert!(store.insert(numbered(2_100), limit).await.unwrap());
        assert_eq!(ids(&store, "main").await, ["log-2097", "log-2098", "log-2099", "log-2100", "log-000"]);
        assert!(store.insert(numbered(2_101), limit).await.unwrap());
        assert_eq!(ids(&store, "main").await, ["log-2098", "log-2099", "log-2100", "log-2101", "log-000"]);
    }

    #[tokio::test]
    async fn a_full_gateway_drops_its_oldest_a_step_at_a_time_and_never_holds_more_than_its_limit() {
        assert_eq!([150, 1_000, 100_000, 10_000_000].map(eviction_step), [1, 10, 100, 100]);
        let store = Store::open(&Database::Memory).unwrap();
        let limit = Some(LogLimit { max: 1_000, strategy: LogLimitStrategy::DeleteOldest });
        let total = |store: &Store| {
            let store = store.clone();
            async move {
                let query = LogQuery { page: 1, per_page: 1, descending: false, ..LogQuery::default() };
                let (logs, info) = store.list("main", query).await.unwrap();
                (info.total_count.unwrap_or_default(), logs.into_iter().next().map(|l| l.id))
            }
        };
        let filled = futures::future::join_all((0..1_000).map(|n| store.insert(numbered(n), limit))).await;
        assert!(filled.into_iter().all(|stored| stored.unwrap()));
        assert_eq!(total(&store).await, (1_000, Some("log-000".to_owned())), "full, nothing dropped yet");
        // One more: the ten oldest go at once.
        assert!(store.insert(numbered(1_000), limit).await.unwrap());
        assert_eq!(total(&store).await, (991, Some("log-010".to_owned())));
        // Room for nine, then the next step.
        for n in 1_001..1_010 {
            assert!(store.insert(numbered(n), limit).await.unwrap());
        }
        assert_eq!(total(&store).await, (1_000, Some("log-010".to_owned())));
        assert!(store.insert(numbered(1_010), limit).await.unwrap());
        assert_eq!(total(&store).await, (991, Some("log-020".to_owned())));
    }

    async fn used_bytes(store: &Store) -> u64 {
        store.used_bytes().await.unwrap()
    }

    /// An in-memory store whose logs share `budget` bytes.
    fn in_memory_within(budget: u64) -> Store {
        let limits = super::super::StoreLimits { memory_log_bytes: budget, ..super::super::StoreLimits::default() };
        Store::open_with(&Database::Memory, limits).unwrap()
    }

    fn sized(n: u64, gateway: &str, body_bytes: usize) -> LogRecord {
        let body = Bytes::from(vec![b'x'; body_bytes]);
        LogRecord {
            gateway: gateway.to_owned(),
            request_body: Some(body.clone()),
            response_body: Some(body),
            ..numbered(n)
        }
    }

    #[tokio::test]
    async fn logs_in_memory_stay_within_their_byte_budget_whatever_the_gateways_and_bodies() {
        const BUDGET: u64 = 1024 * 1024;
        let store = in_memory_within(BUDGET);
        // 600 gateways named by callers, 10 KiB of bodies each: 6 MiB asked for, under every count limit.
        for n in 0..600 {
            assert!(store.insert(sized(n, &format!("g{n}"), 5 * 1024), None).await.unwrap());
            assert!(used_bytes(&store).await <= BUDGET, "log {n}: {} bytes", used_bytes(&store).await);
        }
        // The oldest went first, whichever gateway held them; the newest are all there.
        let kept = store.count().await.unwrap();
        assert!((20..600).contains(&kept), "{kept} logs kept");
        assert!(used_bytes(&store).await > BUDGET * 3 / 4, "room made as needed, not more");
        assert_eq!(ids(&store, "g0").await.len(), 0, "the oldest gateway's log is gone");
        assert_eq!(ids(&store, "g599").await, ["log-599"]);
        let first_kept = 600 - kept;
        assert_eq!(ids(&store, &format!("g{first_kept}")).await.len(), 1, "every log since the oldest kept is there");
        assert!(ids(&store, &format!("g{}", first_kept - 1)).await.is_empty());

        // A gateway's own count limit still holds beside the budget, and its count stays true.
        let limit = Some(LogLimit { max: 3, strategy: LogLimitStrategy::DeleteOldest });
        for n in 600..700 {
            assert!(store.insert(sized(n, "busy", 1024), limit).await.unwrap());
        }
        assert_eq!(ids(&store, "busy").await, ["log-697", "log-698", "log-699"]);
        assert!(used_bytes(&store).await <= BUDGET);
    }

    #[tokio::test]
    async fn a_log_larger_than_the_byte_budget_drops_nothing_and_the_hard_cap_refuses_it() {
        const BUDGET: u64 = 1024 * 1024;
        let store = in_memory_within(BUDGET);
        for n in 0..10 {
            store.insert(sized(n, "main", 1024), None).await.unwrap();
        }
        // Larger than the budget, under the hard cap (twice it): stored, nothing dropped for it.
        assert!(store.insert(sized(10, "main", 600 * 1024), None).await.unwrap());
        assert_eq!(ids(&store, "main").await.len(), 11);
        // Past the hard cap: refused with SQLite's error; what is stored stays.
        let refused = store.insert(sized(11, "main", 1024 * 1024), None).await.unwrap_err();
        assert!(refused.to_string().contains("full"), "{refused}");
        assert_eq!(ids(&store, "main").await.len(), 11);
        // The next log of a usual size makes room again, oldest first.
        assert!(store.insert(sized(12, "main", 1024), None).await.unwrap());
        assert!(used_bytes(&store).await <= BUDGET);
        assert!(ids(&store, "main").await.contains(&"log-012".to_owned()));
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
