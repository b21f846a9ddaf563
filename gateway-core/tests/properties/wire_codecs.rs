//! Test-side encoders and decoders for the formats gateway-core only writes
//! or only reads: the logs query string (read as rest-api §10.1 says a server
//! does) and the `cf-aig-*` response headers of rest-api §8.

use gateway_core::types::headers;
use gateway_core::{
    CacheStatus, DeleteLogs, Direction, FilterValue, GatewayMeta, ListLogs, LogFilter, StepHeaderValue,
};
use http::{HeaderMap, HeaderValue};
use serde::de::DeserializeOwned;

use crate::from_wire;
use crate::type_strategies::canonical_key;

/// How a filter value reads in a query string. The query has no types, so
/// every value comes back as text: `null` as an empty value (rest-api
/// §10.1), numbers as JavaScript writes them (the formatting the step headers
/// use too), booleans as `true`/`false`.
pub(crate) fn query_text(value: &FilterValue) -> String {
    match value {
        FilterValue::String(s) => s.clone(),
        FilterValue::Number(n) => StepHeaderValue::Number(*n).to_wire().expect("numbers have a wire form"),
        FilterValue::Bool(b) => b.to_string(),
        FilterValue::Null => String::new(),
    }
}

/// The filters as a server reads them back (see [`query_text`] and [`canonical_key`]).
pub(crate) fn sent_filters(filters: &[LogFilter]) -> Vec<LogFilter> {
    filters
        .iter()
        .map(|f| {
            LogFilter::new(
                canonical_key(&f.key),
                f.operator.clone(),
                f.value.iter().map(|v| FilterValue::String(query_text(v))),
            )
        })
        .collect()
}

/// Splits a logs query the way rest-api §10.1 says a server reads it:
/// standard form decoding, a new `filters.key` starting a new filter, names
/// read through each type's serde decoding. Returns the filters and the
/// other parameters in order.
pub(crate) fn decode_filters(query: &str) -> (Vec<LogFilter>, Vec<(String, String)>) {
    let mut filters: Vec<(String, Option<String>, Vec<String>)> = Vec::new();
    let mut rest = Vec::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let value = value.into_owned();
        match name.as_ref() {
            "filters.key" => filters.push((value, None, Vec::new())),
            "filters.operator" => filters.last_mut().expect("an operator follows its key").1 = Some(value),
            "filters.value" => filters.last_mut().expect("a value follows its key").2.push(value),
            _ => rest.push((name.into_owned(), value)),
        }
    }
    let filters = filters
        .into_iter()
        .map(|(key, operator, values)| {
            let operator = operator.expect("every filter has an operator");
            LogFilter::new(from_wire(&key), from_wire(&operator), values.into_iter().map(FilterValue::String))
        })
        .collect();
    (filters, rest)
}

/// Reads `order_by` and `order_by_direction`, which travel together.
fn decode_order<O: DeserializeOwned>(order_by: Option<String>, direction: Option<String>) -> Option<(O, Direction)> {
    match (order_by, direction) {
        (Some(field), Some(direction)) => Some((from_wire(&field), from_wire(&direction))),
        (None, None) => None,
        other => panic!("order_by and order_by_direction travel together, got {other:?}"),
    }
}

/// Decodes the filters and the order of a logs query, which list and delete
/// queries share, and hands every other parameter to `param`.
fn decode_logs_query<O: DeserializeOwned>(
    query: &str,
    mut param: impl FnMut(&str, String),
) -> (Vec<LogFilter>, Option<(O, Direction)>) {
    let (filters, rest) = decode_filters(query);
    let (mut order_by, mut direction) = (None, None);
    for (name, value) in rest {
        match name.as_str() {
            "order_by" => order_by = Some(value),
            "order_by_direction" => direction = Some(value),
            other => param(other, value),
        }
    }
    (filters, decode_order(order_by, direction))
}

pub(crate) fn decode_list(query: &str) -> ListLogs {
    let mut list = ListLogs::new();
    (list.filters, list.order) = decode_logs_query(query, |name, value| match name {
        "page" => list.page = Some(value.parse().expect("page is a number")),
        "per_page" => list.per_page = Some(value.parse().expect("per_page is a number")),
        "search" => list.search = Some(value),
        "meta_info" => list.meta_info = Some(value.parse().expect("meta_info is a boolean")),
        other => panic!("unexpected list parameter {other:?}"),
    });
    list
}

pub(crate) fn decode_delete(query: &str) -> DeleteLogs {
    let mut delete = DeleteLogs::new();
    (delete.filters, delete.order) = decode_logs_query(query, |name, value| match name {
        "limit" => delete.limit = Some(value.parse().expect("limit is a number")),
        other => panic!("unexpected delete parameter {other:?}"),
    });
    delete
}

/// The query is RFC 3986 escaped: only unreserved characters, escapes and separators.
pub(crate) fn is_escaped(query: &str) -> bool {
    query.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%=&".contains(&b))
}

/// The response headers of rest-api §8 for `meta`.
pub(crate) fn response_headers(meta: &GatewayMeta) -> HeaderMap {
    let mut map = HeaderMap::new();
    let cache_status = meta.cache_status.as_ref().map(|c| match c {
        CacheStatus::Hit => "HIT".to_owned(),
        CacheStatus::Miss => "MISS".to_owned(),
        CacheStatus::Other(s) => s.clone(),
        other => panic!("unknown cache status {other:?}"),
    });
    let fields = [
        (headers::LOG_ID, meta.log_id.clone()),
        (headers::REQUEST_ID, meta.request_id.clone()),
        (headers::CACHE_STATUS, cache_status),
        (headers::STEP, meta.step.map(|s| s.to_string())),
        (headers::EVENT_ID, meta.event_id.clone()),
        (headers::MODEL, meta.model.clone()),
        (headers::PROVIDER, meta.provider.clone()),
        (headers::RUN_ID, meta.run_id.clone()),
        (headers::AI_REQUEST_ID, meta.ai_request_id.clone()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            map.insert(name, HeaderValue::from_str(&value).expect("a header value"));
        }
    }
    map
}

/// What `from_headers` gives back for `meta`. A value is read only if it is
/// visible ASCII (`HeaderValue::to_str`; others stay `None`, as documented),
/// and the cache status is matched without regard to case.
pub(crate) fn read_back(meta: &GatewayMeta) -> GatewayMeta {
    let readable = |v: &Option<String>| v.clone().filter(|s| s.is_ascii());
    let mut back = meta.clone();
    for field in [
        &mut back.log_id,
        &mut back.request_id,
        &mut back.event_id,
        &mut back.model,
        &mut back.provider,
        &mut back.run_id,
        &mut back.ai_request_id,
    ] {
        *field = readable(field);
    }
    back.cache_status = match &meta.cache_status {
        Some(CacheStatus::Other(s)) if !s.is_ascii() => None,
        Some(CacheStatus::Other(s)) if s.eq_ignore_ascii_case("hit") => Some(CacheStatus::Hit),
        Some(CacheStatus::Other(s)) if s.eq_ignore_ascii_case("miss") => Some(CacheStatus::Miss),
        other => other.clone(),
    };
    back
}
