//! The logs API's query as the store reads it: filters, search, order and
//! page ([`LogQuery`]), patches ([`LogPatch`]), and the `WHERE` and
//! `ORDER BY` clauses they become, checked before any database is touched.

use std::fmt::Write as _;

use rusqlite::types::Value as SqlValue;

use super::StoreError;

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
        "wholesale" => ("wholesale", Kind::Bool),
        "compatibilityMode" => ("compatibility_mode", Kind::Bool),
        // Always NULL here (no DLP runs locally): `eq` FLAG or BLOCK matches
        // no log, `neq` every log, `eq` null (an empty value) every log.
        "dlp_action" => ("dlp_action", Kind::Text),
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
pub(super) fn where_clause(gateway: &str, query: &LogQuery) -> Result<(String, Vec<SqlValue>), StoreError> {
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
        // A NULL column is not equal to the value: `neq` keeps its row
        // (SQL's `NOT NULL` would drop it).
        let test = if op == "neq" { format!("NOT COALESCE({any}, 0)") } else { any };
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

/// Checks `query` as [`Store::list`](super::Store::list) and [`Store::delete`](super::Store::delete) will read it
/// (filter keys, operators and values, `order_by`), without a database:
/// the same error they would give.
pub(crate) fn check_query(query: &LogQuery) -> Result<(), StoreError> {
    where_clause("", query)?;
    order_clause(query)?;
    Ok(())
}

pub(super) fn order_clause(query: &LogQuery) -> Result<String, StoreError> {
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
