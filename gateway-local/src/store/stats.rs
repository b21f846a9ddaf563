//! The dashboard's reads: a gateway's logs aggregated in time buckets and
//! per provider and model (counts and sums in SQL, latency percentiles in
//! Rust over a bounded fetch of durations), the gateways that have logs, and
//! a log's feedback and score (which the logs API's log does not carry).

use std::collections::HashMap;

use rusqlite::params_from_iter;

use super::query::where_clause;
use super::{LogQuery, Store, StoreError};

/// Most durations read for the latency percentiles: the newest logs of the
/// range; older ones beyond it do not count towards p50/p95/p99.
pub(crate) const MAX_LATENCY_SAMPLES: usize = 20_000;
/// Most provider and model pairs in the by-model table (the busiest first).
pub(crate) const MAX_MODELS: usize = 100;
/// Most gateway names read from the logs for the gateway list.
pub(crate) const MAX_LOGGED_GATEWAYS: usize = 1_000;

/// Counts and sums of one group of logs.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Totals {
    pub(crate) requests: u64,
    pub(crate) errors: u64,
    pub(crate) cached: u64,
    pub(crate) tokens_in: u64,
    pub(crate) tokens_out: u64,
    pub(crate) cost: f64,
    /// Latency percentiles in milliseconds: p50, p95, p99 (`None` without samples).
    pub(crate) latency: Option<[u64; 3]>,
}

/// One provider and model's totals.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ModelTotals {
    pub(crate) provider: String,
    pub(crate) model: String,
    pub(crate) totals: Totals,
}

/// A gateway's logs over a time window, as the dashboard charts them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stats {
    /// Start of the window, milliseconds since the epoch.
    pub(crate) from_ms: i64,
    /// Width of one bucket, in milliseconds.
    pub(crate) bucket_ms: i64,
    /// One entry per bucket, oldest first.
    pub(crate) buckets: Vec<Totals>,
    /// Per provider and model, the most requests first.
    pub(crate) by_model: Vec<ModelTotals>,
}

/// p50, p95 and p99 of `durations` (nearest rank), sorting them.
fn percentiles(durations: &mut [u64]) -> Option<[u64; 3]> {
    if durations.is_empty() {
        return None;
    }
    durations.sort_unstable();
    let rank = |p: u64| {
        let n = durations.len() as u64;
        // Nearest rank: ceil(p/100 × n), 1-based.
        let index = (p * n).div_ceil(100).max(1) - 1;
        durations[usize::try_from(index).unwrap_or(0).min(durations.len() - 1)]
    };
    Some([rank(50), rank(95), rank(99)])
}

#[allow(clippy::cast_sign_loss, reason = "counts and sums of unsigned columns")]
fn totals(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Totals> {
    Ok(Totals {
        requests: row.get::<_, i64>(first)? as u64,
        errors: row.get::<_, Option<i64>>(first + 1)?.unwrap_or(0) as u64,
        cached: row.get::<_, Option<i64>>(first + 2)?.unwrap_or(0) as u64,
        tokens_in: row.get::<_, Option<i64>>(first + 3)?.unwrap_or(0) as u64,
        tokens_out: row.get::<_, Option<i64>>(first + 4)?.unwrap_or(0) as u64,
        cost: row.get::<_, Option<f64>>(first + 5)?.unwrap_or(0.0),
        latency: None,
    })
}

/// The aggregate columns [`totals`] reads.
const SUMS: &str = "COUNT(*), SUM(success = 0), SUM(cached), SUM(tokens_in), SUM(tokens_out), SUM(cost)";

impl Store {
    /// `gateway`'s logs selected by `query` (its filters and search; its
    /// order and page are not used), counted in `buckets` equal buckets from
    /// `from_ms` to `to_ms` and per provider and model. The query should
    /// bound `created_at` to the window: logs outside it are left out.
    pub(crate) async fn stats(
        &self,
        gateway: &str,
        query: LogQuery,
        from_ms: i64,
        to_ms: i64,
        buckets: u32,
    ) -> Result<Stats, StoreError> {
        let gateway = gateway.to_owned();
        let count = buckets.max(1);
        let bucket_ms = ((to_ms - from_ms).max(1) + i64::from(count) - 1) / i64::from(count);
        self.read(true, move |conn| {
            let (filter, params) = where_clause(&gateway, &query)?;
            let window = format!("{filter} AND created_ms >= {from_ms} AND created_ms < {to_ms}");
            let slots = count as usize;
            let mut series = vec![Totals::default(); slots];
            let bucket_of = |index: i64| usize::try_from(index).ok().filter(|i| *i < slots);
            let sql = format!(
                "SELECT (created_ms - {from_ms}) / {bucket_ms} AS bucket, {SUMS} FROM logs WHERE {window} GROUP BY bucket"
            );
            let mut statement = conn.prepare(&sql)?;
            let rows = statement.query_map(params_from_iter(params.iter()), |row| Ok((row.get(0)?, totals(row, 1)?)))?;
            for row in rows {
                let (index, totals): (i64, Totals) = row?;
                if let Some(i) = bucket_of(index) {
                    series[i] = totals;
                }
            }
            let sql = format!(
                "SELECT provider, model, {SUMS} FROM logs WHERE {window} GROUP BY provider, model \
                 ORDER BY COUNT(*) DESC, provider, model LIMIT {MAX_MODELS}"
            );
            let mut statement = conn.prepare(&sql)?;
            let mut by_model = statement
                .query_map(params_from_iter(params.iter()), |row| {
                    Ok(ModelTotals { provider: row.get(0)?, model: row.get(1)?, totals: totals(row, 2)? })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            // Percentiles are not sums: read the durations (the newest, bounded) and rank them here.
            let sql = format!(
                "SELECT (created_ms - {from_ms}) / {bucket_ms}, provider, model, duration FROM logs WHERE {window} \
                 ORDER BY created_ms DESC LIMIT {MAX_LATENCY_SAMPLES}"
            );
            let mut statement = conn.prepare(&sql)?;
            let mut per_bucket: Vec<Vec<u64>> = vec![Vec::new(); slots];
            let mut per_model: HashMap<(String, String), Vec<u64>> = HashMap::new();
            let rows = statement.query_map(params_from_iter(params.iter()), |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get::<_, i64>(3)?))
            })?;
            for row in rows {
                let (index, provider, model, duration) = row?;
                let duration = u64::try_from(duration).unwrap_or(0);
                if let Some(i) = bucket_of(index) {
                    per_bucket[i].push(duration);
                }
                per_model.entry((provider, model)).or_default().push(duration);
            }
            for (totals, durations) in series.iter_mut().zip(&mut per_bucket) {
                totals.latency = percentiles(durations);
            }
            for entry in &mut by_model {
                let key = (entry.provider.clone(), entry.model.clone());
                entry.totals.latency = per_model.get_mut(&key).and_then(|d| percentiles(d));
            }
            Ok(Stats { from_ms, bucket_ms, buckets: series, by_model })
        })
        .await
    }

    /// The gateways that have logs (at most [`MAX_LOGGED_GATEWAYS`], by name).
    pub(crate) async fn logged_gateways(&self) -> Result<Vec<String>, StoreError> {
        self.read(true, |conn| {
            let sql = format!("SELECT DISTINCT gateway FROM logs ORDER BY gateway LIMIT {MAX_LOGGED_GATEWAYS}");
            let mut statement = conn.prepare(&sql)?;
            let names = statement.query_map([], |row| row.get(0))?.collect::<Result<Vec<String>, _>>()?;
            Ok(names)
        })
        .await
    }

    /// The feedback and score of the logs `ids` of `gateway` that exist, by id.
    pub(crate) async fn reviews(&self, gateway: &str, ids: &[String]) -> Result<HashMap<String, Review>, StoreError> {
        let gateway = gateway.to_owned();
        let ids = serde_json::to_string(ids).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.read(true, move |conn| {
            let mut statement = conn.prepare(
                "SELECT id, feedback, score FROM logs WHERE gateway = ?1 AND id IN (SELECT value FROM json_each(?2))",
            )?;
            let rows = statement.query_map([&gateway, &ids], |r| {
                Ok((r.get::<_, String>(0)?, Review { feedback: r.get(1)?, score: r.get(2)? }))
            })?;
            Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
        })
        .await
    }
}

/// What a person said about a log: feedback (-1 or 1) and a score (0 to 100).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Review {
    pub(crate) feedback: Option<f64>,
    pub(crate) score: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::super::{Database, LogRecord};
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        assert_eq!(percentiles(&mut []), None);
        assert_eq!(percentiles(&mut [7]), Some([7, 7, 7]));
        let mut hundred: Vec<u64> = (1..=100).rev().collect();
        assert_eq!(percentiles(&mut hundred), Some([50, 95, 99]));
    }

    #[tokio::test]
    async fn buckets_and_models_sum_the_window_only() {
        let store = Store::open(&Database::Memory).unwrap();
        let log = |n: i64, model: &str, success: bool| LogRecord {
            id: format!("l{n}"),
            gateway: "g".to_owned(),
            created_ms: 1_000 + n * 100,
            provider: "openai".to_owned(),
            model: model.to_owned(),
            duration_ms: u64::try_from(n).unwrap() * 10,
            status_code: if success { 200 } else { 500 },
            success,
            tokens_in: Some(2),
            tokens_out: Some(3),
            cost: Some(0.5),
            ..LogRecord::default()
        };
        for (n, model, success) in [(0, "a", true), (1, "a", false), (5, "b", true), (12, "a", true)] {
            store.insert(log(n, model, success), None).await.unwrap();
        }
        let query = LogQuery { page: 1, per_page: 20, ..LogQuery::default() };
        // Window [1000, 2000): logs 0, 1 and 5; log 12 (at 2200) is outside.
        let stats = store.stats("g", query, 1_000, 2_000, 10).await.unwrap();
        assert_eq!(stats.bucket_ms, 100);
        let requests: Vec<u64> = stats.buckets.iter().map(|b| b.requests).collect();
        assert_eq!(requests, [1, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
        assert_eq!(stats.buckets[1].errors, 1);
        assert_eq!(stats.by_model.len(), 2);
        let a = &stats.by_model[0];
        assert_eq!((a.model.as_str(), a.totals.requests, a.totals.errors, a.totals.tokens_in), ("a", 2, 1, 4));
        assert_eq!(a.totals.latency, Some([0, 10, 10]));
        assert_eq!(store.logged_gateways().await.unwrap(), ["g"]);
        let reviews = store.reviews("g", &["l0".to_owned(), "nope".to_owned()]).await.unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews["l0"], Review { feedback: None, score: None });
    }
}
