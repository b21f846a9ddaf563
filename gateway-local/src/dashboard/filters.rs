//! The gateway page's query parameters, turned into the logs API's own
//! query ([`LogQuery`], checked by [`check_query`]): the same filters, the
//! same SQL, no second implementation. Empty parameters are absent (a form
//! sends every control).

use std::time::Duration;

use crate::store::{Filter, LogQuery, check_query};

/// The time ranges the charts and the table cover, and their lengths.
pub(crate) const RANGES: [(&str, Duration); 4] = [
    ("1h", Duration::from_secs(3_600)),
    ("24h", Duration::from_secs(86_400)),
    ("7d", Duration::from_secs(7 * 86_400)),
    ("30d", Duration::from_secs(30 * 86_400)),
];
/// The range without a `range` parameter.
pub(crate) const DEFAULT_RANGE: &str = "24h";
/// Rows per page without `per_page`, and the most.
pub(crate) const DEFAULT_PER_PAGE: u64 = 20;
/// The most rows per page.
pub(crate) const MAX_PER_PAGE: u64 = 100;
/// The orderings the table offers (all the store knows for a list or a delete).
pub(crate) const ORDERS: [&str; 7] = ["created_at", "provider", "model", "duration", "tokens_in", "tokens_out", "cost"];
/// The parameters the page takes, in the form's order.
pub(crate) const PARAMETERS: [&str; 15] = [
    "range",
    "provider",
    "model",
    "success",
    "cached",
    "feedback",
    "meta_key",
    "meta_value",
    "start",
    "end",
    "search",
    "order_by",
    "direction",
    "page",
    "per_page",
];

/// The page's parameters as sent (for the form to show them again).
#[derive(Debug, Clone, Default)]
pub(crate) struct Params {
    values: Vec<(&'static str, String)>,
}

impl Params {
    /// Parses a query string; unknown or repeated parameters are refused, naming them.
    pub(crate) fn parse(raw: Option<&str>) -> Result<Self, String> {
        let mut values: Vec<(&'static str, String)> = Vec::new();
        for (key, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
            let Some(name) = PARAMETERS.iter().copied().find(|p| *p == key) else {
                let shown: String = key.chars().take(64).collect();
                return Err(format!("unknown parameter {shown:?}: the page takes {}", PARAMETERS.join(", ")));
            };
            if values.iter().any(|(n, _)| *n == name) {
                return Err(format!("`{name}` is given more than once"));
            }
            if !value.is_empty() {
                values.push((name, value.into_owned()));
            }
        }
        Ok(Self { values })
    }

    /// The value of `name`, empty when absent.
    pub(crate) fn get(&self, name: &str) -> &str {
        self.values.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| v.as_str())
    }

    /// The query string of these parameters with `page` replaced.
    pub(crate) fn with_page(&self, page: u64) -> String {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.values {
            if *name != "page" {
                serializer.append_pair(name, value);
            }
        }
        serializer.append_pair("page", &page.to_string());
        serializer.finish()
    }
}

/// What the page shows: the logs query, and the window its charts cover.
#[derive(Debug, Clone)]
pub(crate) struct View {
    pub(crate) query: LogQuery,
    /// The window, milliseconds since the epoch: `[from_ms, to_ms)`.
    pub(crate) from_ms: i64,
    pub(crate) to_ms: i64,
    pub(crate) range: &'static str,
}

/// A `datetime-local` value (`YYYY-MM-DDTHH:MM`, seconds optional) read as UTC.
fn parse_local(name: &str, raw: &str) -> Result<jiff::Timestamp, String> {
    let civil: jiff::civil::DateTime =
        raw.parse().map_err(|_| format!("{name} must be a date and time like 2026-12-05T09:30 (UTC), got {raw:?}"))?;
    jiff::tz::Offset::UTC.to_timestamp(civil).map_err(|_| format!("{name} is out of range: {raw:?}"))
}

fn eq(key: &str, value: &str) -> Filter {
    Filter { key: key.to_owned(), operator: "eq".to_owned(), values: vec![value.to_owned()] }
}

impl View {
    /// The query and window `params` ask for at `now`; errors name the parameter.
    pub(crate) fn of(params: &Params, now: jiff::Timestamp) -> Result<Self, String> {
        let range_name = match params.get("range") {
            "" => DEFAULT_RANGE,
            other => other,
        };
        let (range, length) = RANGES
            .iter()
            .find(|(name, _)| *name == range_name)
            .copied()
            .ok_or_else(|| format!("range must be one of 1h, 24h, 7d or 30d, got {range_name:?}"))?;
        let end = match params.get("end") {
            "" => None,
            raw => Some(parse_local("end", raw)?),
        };
        let start = match params.get("start") {
            "" => None,
            raw => Some(parse_local("start", raw)?),
        };
        // Without an end, up to now (inclusive); without a start, the range before the end.
        let to_ms = end.map_or(now.as_millisecond() + 1, jiff::Timestamp::as_millisecond);
        let length_ms = i64::try_from(length.as_millis()).unwrap_or(i64::MAX);
        let from_ms = start.map_or(to_ms.saturating_sub(length_ms), jiff::Timestamp::as_millisecond);
        if from_ms >= to_ms {
            return Err("start must be before end".to_owned());
        }
        let mut query = LogQuery { page: 1, per_page: DEFAULT_PER_PAGE, descending: true, ..LogQuery::default() };
        let timestamp =
            |ms: i64| jiff::Timestamp::from_millisecond(ms).map(|t| t.to_string()).map_err(|e| e.to_string());
        query.filters.push(Filter {
            key: "created_at".to_owned(),
            operator: "at_least".to_owned(),
            values: vec![timestamp(from_ms)?],
        });
        query.filters.push(Filter {
            key: "created_at".to_owned(),
            operator: "lt".to_owned(),
            values: vec![timestamp(to_ms)?],
        });
        for (param, key) in [("provider", "provider"), ("model", "model"), ("success", "success"), ("cached", "cached")]
        {
            match params.get(param) {
                "" => {}
                value => query.filters.push(eq(key, value)),
            }
        }
        match params.get("feedback") {
            "" => {}
            // `0`: no feedback given (a NULL column; `eq` with an empty value).
            "0" => query.filters.push(eq("feedback", "")),
            value @ ("1" | "-1") => query.filters.push(eq("feedback", value)),
            other => return Err(format!("feedback must be 1, -1 or 0 (none), got {other:?}")),
        }
        match params.get("meta_key") {
            "" => {}
            value => query.filters.push(eq("metadata.key", value)),
        }
        match params.get("meta_value") {
            "" => {}
            value => query.filters.push(eq("metadata.value", value)),
        }
        match params.get("search") {
            "" => {}
            value => query.search = Some(value.to_owned()),
        }
        match params.get("order_by") {
            "" => {}
            value if ORDERS.contains(&value) => query.order_by = Some(value.to_owned()),
            other => return Err(format!("order_by must be one of {}, got {other:?}", ORDERS.join(", "))),
        }
        query.descending = match params.get("direction") {
            "" | "desc" => true,
            "asc" => false,
            other => return Err(format!("direction must be asc or desc, got {other:?}")),
        };
        let number = |name: &str, default: u64| match params.get(name) {
            "" => Ok(default),
            raw => raw.parse::<u64>().map_err(|_| format!("{name} must be a positive integer, got {raw:?}")),
        };
        query.page = number("page", 1)?;
        query.per_page = number("per_page", DEFAULT_PER_PAGE)?;
        if query.page == 0 {
            return Err("page must be at least 1".to_owned());
        }
        if !(1..=MAX_PER_PAGE).contains(&query.per_page) {
            return Err(format!("per_page must be between 1 and {MAX_PER_PAGE}, got {}", query.per_page));
        }
        if (query.page - 1).checked_mul(query.per_page).is_none_or(|offset| i64::try_from(offset).is_err()) {
            return Err(format!("page {} is too large", query.page));
        }
        // Filter values, as the logs API checks them.
        check_query(&query).map_err(|e| e.to_string())?;
        Ok(Self { query, from_ms, to_ms, range })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(raw: &str) -> Result<View, String> {
        let now: jiff::Timestamp = "2026-12-05T10:00:00Z".parse().unwrap();
        View::of(&Params::parse(Some(raw))?, now)
    }

    #[test]
    fn parameters_become_the_logs_api_query() {
        let view =
            view("range=1h&provider=openai&success=false&feedback=0&search=hi&page=2&per_page=100&model=").unwrap();
        assert_eq!(view.to_ms - view.from_ms, 3_600_000);
        let keys: Vec<&str> = view.query.filters.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["created_at", "created_at", "provider", "success", "feedback"]);
        assert_eq!(view.query.filters[4].values, [""]);
        assert_eq!((view.query.page, view.query.per_page, view.query.search.as_deref()), (2, 100, Some("hi")));
        let window = self::view("start=2026-12-05T08:00&end=2026-12-05T09:30").unwrap();
        assert_eq!(window.to_ms - window.from_ms, 90 * 60_000);
    }

    #[test]
    fn bad_parameters_are_named() {
        for (raw, needle) in [
            ("range=2h", "range"),
            ("success=maybe", "success"),
            ("cached=x", "cached"),
            ("feedback=2", "feedback"),
            ("order_by=id", "order_by"),
            ("direction=up", "direction"),
            ("page=0", "page"),
            ("per_page=101", "per_page"),
            ("start=yesterday", "start"),
            ("start=2026-12-05T09:00&end=2026-12-05T08:00", "before end"),
            ("nope=1", "nope"),
            ("page=1&page=2", "more than once"),
        ] {
            let err = view(raw).unwrap_err();
            assert!(err.contains(needle), "{raw}: {err}");
        }
    }
}
