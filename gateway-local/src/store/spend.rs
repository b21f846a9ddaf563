//! Spend limits in the store: the `spend_limits` table (rules set over the
//! gateway REST resource, kept across restarts) and the query that sums a
//! bucket's logged costs over a time range.
//!
//! The sum reads the `logs` table through its `(gateway, created_ms)`
//! index: one range scan per rule that applies, only for gateways that have
//! rules. Cache hits (`cached = 1`) cost nothing and are not counted; logs
//! without a cost (a model without known pricing) neither.

use gateway_core::types::metadata::MetadataValue;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

use super::{Store, StoreError};

/// The table, created with the logs table when a store is opened.
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS spend_limits (
    gateway TEXT PRIMARY KEY,
    rules TEXT NOT NULL,
    modified_ms INTEGER NOT NULL
);
";

/// A gateway's stored rules, as the JSON text they were written in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredSpendLimits {
    pub(crate) gateway: String,
    pub(crate) rules: String,
    pub(crate) modified_ms: i64,
}

/// One rule's bucket over a time range, and its budget.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BucketQuery {
    pub(crate) gateway: String,
    /// Only logs of this provider (the rule splits or filters by provider).
    pub(crate) provider: Option<String>,
    /// Only logs of this model (the rule splits or filters by model).
    pub(crate) model: Option<String>,
    /// Only logs whose metadata has this key with this value.
    pub(crate) metadata: Option<(String, MetadataValue)>,
    /// Logs created at or after this time (ms since the Unix epoch) ...
    pub(crate) from_ms: i64,
    /// ... and before this one.
    pub(crate) to_ms: i64,
    /// US dollars.
    pub(crate) budget: f64,
    /// Whether to find when the bucket falls below its budget again as its
    /// oldest logs leave a trailing window ([`OverBudget::release_ms`]).
    pub(crate) find_release: bool,
}

/// The first bucket whose logged costs reach its budget.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OverBudget {
    /// Its index in the queries asked.
    pub(crate) index: usize,
    /// US dollars logged in the bucket's range.
    pub(crate) spent: f64,
    /// With [`BucketQuery::find_release`]: the creation time of the log
    /// whose leaving the window brings the bucket below its budget.
    pub(crate) release_ms: Option<i64>,
}

impl BucketQuery {
    /// The `WHERE` clause and its parameters.
    fn filter(&self) -> (String, Vec<SqlValue>) {
        let mut sql =
            "gateway = ? AND created_ms >= ? AND created_ms < ? AND cached = 0 AND cost IS NOT NULL".to_owned();
        let mut params =
            vec![SqlValue::Text(self.gateway.clone()), SqlValue::Integer(self.from_ms), SqlValue::Integer(self.to_ms)];
        for (column, value) in [("provider", &self.provider), ("model", &self.model)] {
            if let Some(value) = value {
                sql.push_str(" AND ");
                sql.push_str(column);
                sql.push_str(" = ?");
                params.push(SqlValue::Text(value.clone()));
            }
        }
        if let Some((key, value)) = &self.metadata {
            // Keys hold no `"` (checked with the rule): `$."key"` addresses them, dots included.
            let path = format!("$.\"{key}\"");
            let (types, value) = match value {
                MetadataValue::String(s) => (("text", "text"), SqlValue::Text(s.clone())),
                // A big integer travels as its decimal string.
                MetadataValue::BigInt(i) => (("text", "text"), SqlValue::Text(i.to_string())),
                MetadataValue::Number(n) => (("integer", "real"), SqlValue::Real(*n)),
                MetadataValue::Bool(b) => {
                    let name = if *b { "true" } else { "false" };
                    ((name, name), SqlValue::Integer(i64::from(*b)))
                }
                MetadataValue::Null => (("null", "null"), SqlValue::Null),
            };
            // Metadata that is not JSON (none is written so, but a row may
            // come from elsewhere) matches nothing instead of failing the query.
            sql.push_str(
                " AND (CASE WHEN json_valid(metadata) THEN json_type(metadata, ?) END) IN (?, ?) \
                 AND json_extract(metadata, ?) = ?",
            );
            params.extend([
                SqlValue::Text(path.clone()),
                SqlValue::Text(types.0.to_owned()),
                SqlValue::Text(types.1.to_owned()),
                SqlValue::Text(path),
                value,
            ]);
        }
        (sql, params)
    }

    /// The bucket's logged costs, and (when asked and over budget) when it falls below.
    fn run(&self, conn: &Connection) -> Result<(f64, Option<i64>), StoreError> {
        let (filter, params) = self.filter();
        let spent: f64 = conn
            .prepare_cached(&format!("SELECT COALESCE(SUM(cost), 0.0) FROM logs WHERE {filter}"))?
            .query_row(params_from_iter(params.iter()), |row| row.get(0))?;
        if spent < self.budget || !self.find_release {
            return Ok((spent, None));
        }
        // Oldest first, the running sum of what has left: the first log
        // after whose leaving the rest is under budget.
        let sql = format!(
            "SELECT created_ms FROM (SELECT created_ms, SUM(cost) OVER (ORDER BY created_ms, seq ROWS UNBOUNDED PRECEDING) AS gone \
             FROM logs WHERE {filter}) WHERE ? - gone < ? ORDER BY created_ms LIMIT 1"
        );
        let mut params = params;
        params.extend([SqlValue::Real(spent), SqlValue::Real(self.budget)]);
        let release = conn.prepare_cached(&sql)?.query_row(params_from_iter(params.iter()), |row| row.get(0));
        match release {
            Ok(ms) => Ok((spent, Some(ms))),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok((spent, None)),
            Err(e) => Err(e.into()),
        }
    }
}

impl Store {
    /// The first of `queries` whose bucket has reached its budget, in one
    /// database task; `None` when every one is under budget. Runs under the
    /// logs API's statement time limit.
    pub(crate) async fn first_over_budget(&self, queries: Vec<BucketQuery>) -> Result<Option<OverBudget>, StoreError> {
        self.read(true, move |conn| {
            for (index, query) in queries.iter().enumerate() {
                let (spent, release_ms) = query.run(conn)?;
                if spent >= query.budget {
                    return Ok(Some(OverBudget { index, spent, release_ms }));
                }
            }
            Ok(None)
        })
        .await
    }

    /// Every gateway's stored rules.
    pub(crate) async fn stored_spend_limits(&self) -> Result<Vec<StoredSpendLimits>, StoreError> {
        self.read(false, |conn| {
            let mut statement =
                conn.prepare("SELECT gateway, rules, modified_ms FROM spend_limits ORDER BY gateway")?;
            let rows = statement
                .query_map([], |row| {
                    Ok(StoredSpendLimits { gateway: row.get(0)?, rules: row.get(1)?, modified_ms: row.get(2)? })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Stores `rules` (JSON text) as gateway `gateway`'s, replacing any
    /// stored before; returns the time written (ms since the Unix epoch).
    pub(crate) async fn store_spend_limits(&self, gateway: &str, rules: String) -> Result<i64, StoreError> {
        let gateway = gateway.to_owned();
        let now = jiff::Timestamp::now().as_millisecond();
        self.with(move |conn| {
            conn.prepare_cached(
                "INSERT INTO spend_limits (gateway, rules, modified_ms) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (gateway) DO UPDATE SET rules = excluded.rules, modified_ms = excluded.modified_ms",
            )?
            .execute(rusqlite::params![gateway, rules, now])?;
            Ok(now)
        })
        .await
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "sums of binary-exact costs, compared exactly")]
mod tests {
    use super::*;
    use crate::store::{Database, LogRecord};

    const HOUR: i64 = 3_600_000;

    /// A log of `cost` US dollars at `at`, with `metadata`.
    fn log(
        gateway: &str,
        provider: &str,
        model: &str,
        at: i64,
        cost: Option<f64>,
        metadata: Option<&str>,
    ) -> LogRecord {
        LogRecord {
            id: crate::proxy::new_id(),
            gateway: gateway.to_owned(),
            created_ms: at,
            provider: provider.to_owned(),
            model: model.to_owned(),
            status_code: 200,
            success: true,
            cost,
            metadata: metadata.map(str::to_owned),
            ..LogRecord::default()
        }
    }

    fn query(from_ms: i64, to_ms: i64, budget: f64) -> BucketQuery {
        BucketQuery {
            gateway: "g".to_owned(),
            provider: None,
            model: None,
            metadata: None,
            from_ms,
            to_ms,
            budget,
            find_release: false,
        }
    }

    async fn spent(store: &Store, query: BucketQuery) -> f64 {
        // A budget nothing reaches: the sum itself.
        let probe = BucketQuery { budget: f64::MAX, ..query.clone() };
        assert_eq!(store.first_over_budget(vec![probe]).await.unwrap(), None);
        let over = store.first_over_budget(vec![BucketQuery { budget: f64::MIN_POSITIVE, ..query }]).await.unwrap();
        over.map_or(0.0, |o| o.spent)
    }

    async fn seeded() -> Store {
        let store = Store::open(&Database::Memory).unwrap();
        for record in [
            log("g", "openai", "gpt-4o", HOUR, Some(1.0), Some(r#"{"user":"ada","tier":2,"vip":true}"#)),
            log("g", "openai", "gpt-4o-mini", 2 * HOUR, Some(2.0), Some(r#"{"user":"bob","tier":2.0}"#)),
            log(
                "g",
                "anthropic",
                "claude",
                3 * HOUR,
                Some(4.0),
                Some(r#"{"user":"ada","tier":"2","cf.user_id":"u1"}"#),
            ),
            log("g", "anthropic", "claude", 4 * HOUR, None, Some(r#"{"user":"ada"}"#)),
            log("other", "openai", "gpt-4o", 2 * HOUR, Some(100.0), None),
            LogRecord { cached: true, ..log("g", "openai", "gpt-4o", 2 * HOUR, Some(50.0), None) },
            log("g", "openai", "gpt-4o", 3 * HOUR, Some(8.0), Some("not json")),
        ] {
            store.insert(record, None).await.unwrap();
        }
        store
    }

    #[tokio::test]
    async fn a_bucket_sums_its_own_logged_uncached_costs_in_its_range() {
        let store = seeded().await;
        assert_eq!(spent(&store, query(0, 10 * HOUR, 1.0)).await, 15.0, "every uncached priced log of `g`");
        assert_eq!(spent(&store, query(2 * HOUR, 3 * HOUR, 1.0)).await, 2.0, "from inclusive, to exclusive");
        let provider = BucketQuery { provider: Some("openai".into()), ..query(0, 10 * HOUR, 1.0) };
        assert_eq!(spent(&store, provider).await, 11.0);
        let model = BucketQuery { model: Some("claude".into()), ..query(0, 10 * HOUR, 1.0) };
        assert_eq!(spent(&store, model).await, 4.0);
        let by = |key: &str, value: MetadataValue| BucketQuery {
            metadata: Some((key.to_owned(), value)),
            ..query(0, 10 * HOUR, 1.0)
        };
        assert_eq!(spent(&store, by("user", "ada".into())).await, 5.0, "text that is no JSON matches nothing");
        assert_eq!(spent(&store, by("user", "carol".into())).await, 0.0);
        assert_eq!(spent(&store, by("tier", 2.0.into())).await, 3.0, "2 and 2.0 are one number; \"2\" is text");
        assert_eq!(spent(&store, by("tier", "2".into())).await, 4.0);
        assert_eq!(spent(&store, by("vip", true.into())).await, 1.0);
        assert_eq!(spent(&store, by("vip", false.into())).await, 0.0);
        assert_eq!(spent(&store, by("cf.user_id", "u1".into())).await, 4.0, "a dotted key is one key");
    }

    #[tokio::test]
    async fn the_first_bucket_over_budget_is_named_and_a_sliding_release_found() {
        let store = seeded().await;
        let under = query(0, 10 * HOUR, 100.0);
        let over = BucketQuery { find_release: true, ..query(0, 10 * HOUR, 6.0) };
        let found = store.first_over_budget(vec![under.clone(), over, under]).await.unwrap().unwrap();
        // 1 + 2 + 4 + 8 = 15 (the last two both at 3 h, in that order): 14,
        // 12 and 8 are left as the oldest leave, all over 6; then 0.
        assert_eq!(found, OverBudget { index: 1, spent: 15.0, release_ms: Some(3 * HOUR) });
        let exactly = BucketQuery { find_release: true, ..query(0, 10 * HOUR, 15.0) };
        let found = store.first_over_budget(vec![exactly]).await.unwrap().unwrap();
        assert_eq!((found.spent, found.release_ms), (15.0, Some(HOUR)), "reaching the budget is over it");
    }

    #[tokio::test]
    async fn stored_rules_are_replaced_and_read_back() {
        let store = Store::open(&Database::Memory).unwrap();
        assert!(store.stored_spend_limits().await.unwrap().is_empty());
        let first = store.store_spend_limits("g", "[1]".to_owned()).await.unwrap();
        store.store_spend_limits("g", "[2]".to_owned()).await.unwrap();
        store.store_spend_limits("h", "[]".to_owned()).await.unwrap();
        let stored = store.stored_spend_limits().await.unwrap();
        assert_eq!(stored.len(), 2);
        assert_eq!((stored[0].gateway.as_str(), stored[0].rules.as_str()), ("g", "[2]"));
        assert!(stored[0].modified_ms >= first);
    }
}
