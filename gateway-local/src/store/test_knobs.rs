//! Public methods of [`Store`] that exist for tests and benchmarks (hidden
//! from the docs, not a stable API): cap the database to make writes fail,
//! fill it with made-up logs, read a log's feedback and score.

use rusqlite::OptionalExtension;

use super::schema::insert_row;
use super::{LogRecord, Store, StoreError};

impl Store {
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
                    id: crate::proxy::new_id(),
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
                    request_head: bytes::Bytes::from_static(br#"{"messages":[{"role":"user","content":"hello"}]}"#),
                    request_head_complete: true,
                    response_head: bytes::Bytes::from_static(br#"{"choices":[]}"#),
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

    /// Test hook: feedback and score of a log (they are not part of
    /// `AiGatewayLog`, and no route reads them back), so tests can see what a
    /// patch stored. Not a stable API.
    #[doc(hidden)]
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
}
