//! The v4 logs API under `/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::gateway::{BODY_TOO_LARGE, body_or_error, path_or_error};
use crate::error::{Rejection, Shape, code};
use crate::state::{AppState, PENDING_LOG_WAIT, bearer_matches};
use crate::store::{Filter, LogPatch, LogQuery, StoreError, check_query};

/// Largest page of a list.
const MAX_PER_PAGE: u64 = 50;
/// Largest bulk delete.
const MAX_DELETE: u64 = 10_000;

pub(super) fn ok(result: &Value) -> Response {
    json_response(StatusCode::OK, &json!({"result": result, "success": true, "errors": [], "messages": []}))
}

pub(super) fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

pub(super) fn invalid(message: &str) -> Rejection {
    Rejection::api(StatusCode::BAD_REQUEST, code::INVALID_PARAMETER, message)
}

pub(super) fn store_error(error: &StoreError) -> Rejection {
    match error {
        StoreError::Invalid(message) => invalid(message),
        // Cheaper filters (fewer values, a narrower time range) get an answer.
        StoreError::TooExpensive { limit_ms } => invalid(&format!(
            "the logs query was too expensive: it ran over the time limit of {limit_ms} ms and was stopped; \
             narrow it (fewer filter values, a created_at range, a shorter search)"
        )),
        busy if busy.reason() == "database busy" => Rejection::api(
            StatusCode::SERVICE_UNAVAILABLE,
            code::INTERNAL,
            "the log database is busy (locked by another writer); try again",
        ),
        full if full.reason() == "database full" => Rejection::api(
            StatusCode::SERVICE_UNAVAILABLE,
            code::INTERNAL,
            "the log database is full; delete logs to free space",
        ),
        other => {
            tracing::error!(error = %other, "log store failed");
            Rejection::api(StatusCode::INTERNAL_SERVER_ERROR, code::INTERNAL, "Internal Error")
        }
    }
}

/// The v4 API's token and account checks.
pub(super) fn check_api_token(state: &AppState, account: &str, headers: &HeaderMap) -> Result<(), Rejection> {
    if let Some(token) = &state.config.api_token {
        let presented = headers.get(header::AUTHORIZATION).map(HeaderValue::as_bytes).unwrap_or_default();
        if !bearer_matches(presented, token) {
            return Err(Rejection::api(StatusCode::UNAUTHORIZED, code::AUTHENTICATION, "Authentication error"));
        }
    }
    if account != state.config.account_id {
        return Err(Rejection::no_route());
    }
    Ok(())
}

/// The token and account checks, plus: the gateway exists (or may be created).
pub(super) fn check_gateway(
    state: &AppState,
    account: &str,
    gateway: &str,
    headers: &HeaderMap,
) -> Result<(), Rejection> {
    check_api_token(state, account, headers)?;
    if gateway_core::types::options::validate_gateway_id(gateway, "gateway").is_err()
        || state.gateways.resolve(&state.config, gateway).is_none()
    {
        return Err(Rejection::no_route());
    }
    Ok(())
}

/// Most filters in one query, the SDK's `filters` and the deprecated
/// single-value parameters together: each is a clause of the SQL query.
pub(crate) const MAX_FILTERS: usize = 20;
/// Most values of one filter (SQLite refuses expressions nested too deep;
/// 20 filters of 50 values stay well inside its limits).
pub(crate) const MAX_FILTER_VALUES: usize = 50;
/// Longest parameter name echoed back in an error message.
const MAX_ECHO: usize = 64;
/// The public filter operators; the store knows others for the deprecated
/// `min_*`/`max_*` parameters, which must not come from the wire.
const OPERATORS: [&str; 5] = ["eq", "neq", "contains", "lt", "gt"];
/// The parameters of Cloudflare's bulk delete (`aig-config-delete-gateway-logs`).
const DELETE_PARAMETERS: [&str; 3] = ["limit", "order_by", "order_by_direction"];
/// Orderings the bulk delete takes and a list does not (`rest-api.md` §10.1
/// vs §10.6): Cloudflare answers a list ordered by one of them with a 400.
const DELETE_ONLY_ORDERS: [&str; 5] = ["cost", "tokens_in", "tokens_out", "duration", "feedback"];
/// The parameters given once, as a value (not `filters.*`).
const SCALARS: [&str; 28] = [
    "page",
    "per_page",
    "limit",
    "search",
    "order_by",
    "order_by_direction",
    "direction",
    "meta_info",
    "start_date",
    "end_date",
    "provider",
    "model",
    "model_type",
    "success",
    "cached",
    "feedback",
    "request_content_type",
    "response_content_type",
    "min_cost",
    "max_cost",
    "min_tokens_in",
    "max_tokens_in",
    "min_tokens_out",
    "max_tokens_out",
    "min_total_tokens",
    "max_total_tokens",
    "min_duration",
    "max_duration",
];

/// A parameter name as the caller sent it, quoted and shortened for an error message.
fn echo(name: &str) -> String {
    let short: String = name.chars().take(MAX_ECHO).collect();
    if short.len() < name.len() { format!("{short:?}...") } else { format!("{short:?}") }
}

/// A parameter that is not understood, and what to send instead.
fn unknown_parameter(name: &str, for_delete: bool) -> String {
    if name.is_empty() {
        return "a query parameter has an empty name".to_owned();
    }
    let hint = if name.starts_with("filters") {
        "filters are sent as repeated filters.key, filters.operator and filters.value, in order"
    } else if for_delete {
        "the bulk delete takes filters, limit, order_by and order_by_direction"
    } else {
        "a list takes filters, page, per_page, search, order_by, order_by_direction and meta_info"
    };
    format!("unknown query parameter {} ({hint})", echo(name))
}

/// The filter a deprecated single-value parameter stands for: key and operator.
fn legacy_filter(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "provider" => ("provider", "eq"),
        "model" => ("model", "eq"),
        "model_type" => ("model_type", "eq"),
        "success" => ("success", "eq"),
        "cached" => ("cached", "eq"),
        "feedback" => ("feedback", "eq"),
        "request_content_type" => ("request_content_type", "eq"),
        "response_content_type" => ("response_content_type", "eq"),
        "start_date" => ("created_at", "gt"),
        "end_date" => ("created_at", "lt"),
        "min_cost" => ("cost", "at_least"),
        "max_cost" => ("cost", "at_most"),
        "min_tokens_in" => ("tokens_in", "at_least"),
        "max_tokens_in" => ("tokens_in", "at_most"),
        "min_tokens_out" => ("tokens_out", "at_least"),
        "max_tokens_out" => ("tokens_out", "at_most"),
        "min_total_tokens" => ("tokens", "at_least"),
        "max_total_tokens" => ("tokens", "at_most"),
        "min_duration" => ("duration", "at_least"),
        "max_duration" => ("duration", "at_most"),
        _ => return None,
    })
}

/// Takes one `filters.*` parameter into `filters`; `Ok(false)` when `key` is not one.
fn filter_part(filters: &mut Vec<Filter>, key: &str, value: String) -> Result<bool, String> {
    match key {
        "filters.key" | "filters[key]" => {
            if filters.len() >= MAX_FILTERS {
                return Err(format!("too many filters: at most {MAX_FILTERS}"));
            }
            filters.push(Filter { key: value, operator: String::new(), values: Vec::new() });
        }
        "filters.operator" | "filters[operator]" => {
            let filter = filters.last_mut().ok_or("filters.operator comes before any filters.key")?;
            if !filter.operator.is_empty() {
                return Err(format!("filter `{}` has more than one filters.operator", filter.key));
            }
            if !OPERATORS.contains(&value.as_str()) {
                return Err(format!("unknown filter operator {}: expected eq, neq, contains, lt or gt", echo(&value)));
            }
            filter.operator = value;
        }
        "filters.value" | "filters[value]" | "filters[value][]" => {
            let filter = filters.last_mut().ok_or("filters.value comes before any filters.key")?;
            if filter.values.len() >= MAX_FILTER_VALUES {
                return Err(format!(
                    "filter `{}` has too many values: at most {MAX_FILTER_VALUES} per filter",
                    filter.key
                ));
            }
            filter.values.push(value);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Parses the SDKs' query encoding: `filters.key`, `filters.operator` and
/// `filters.value` grouped by position (a new `filters.key` starts a filter).
///
/// Strict, because a bulk delete acts on what it understood: every
/// parameter must be known (and, for a delete, one Cloudflare's delete
/// takes), given once, with a valid value, and every filter complete, with
/// a known key, operator and values, before anything is listed or deleted.
pub(crate) fn parse_query(raw: Option<&str>, for_delete: bool) -> Result<(LogQuery, u64), String> {
    let mut query = LogQuery { page: 1, per_page: 20, descending: true, ..LogQuery::default() };
    let mut limit = MAX_DELETE;
    let mut legacy: Vec<Filter> = Vec::new();
    let mut seen: Vec<&'static str> = Vec::new();
    for (key, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let value = value.into_owned();
        if filter_part(&mut query.filters, &key, value.clone())? {
            continue;
        }
        let Some(name) = SCALARS.iter().copied().find(|name| *name == key) else {
            return Err(unknown_parameter(&key, for_delete));
        };
        if for_delete && !DELETE_PARAMETERS.contains(&name) {
            return Err(format!(
                "`{name}` is not a bulk delete parameter: the bulk delete takes filters, limit, order_by and \
                 order_by_direction"
            ));
        }
        if seen.contains(&name) {
            return Err(format!("`{name}` is given more than once"));
        }
        seen.push(name);
        let number =
            |what: &str| value.parse::<u64>().map_err(|_| format!("{what} must be a positive integer, got {value:?}"));
        let asc_or_desc = || match value.as_str() {
            "asc" => Ok(false),
            "desc" => Ok(true),
            _ => Err(format!("{name} must be asc or desc, got {value:?}")),
        };
        match name {
            "page" => query.page = number("page")?,
            "per_page" => query.per_page = number("per_page")?,
            "limit" if for_delete => limit = number("limit")?,
            "limit" => return Err("`limit` is a bulk delete parameter: a list takes page and per_page".to_owned()),
            "search" => query.search = Some(value),
            "order_by" if !for_delete && DELETE_ONLY_ORDERS.contains(&value.as_str()) => {
                return Err(format!(
                    "cannot order a list by `{value}` (only a bulk delete can): a list orders by created_at, \
                     provider, model, model_type, success or cached"
                ));
            }
            "order_by" => query.order_by = Some(value),
            "order_by_direction" | "direction" => query.descending = asc_or_desc()?,
            "meta_info" => {
                query.meta_info = match value.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => return Err(format!("meta_info must be true or false, got {value:?}")),
                }
            }
            // Deprecated single-value parameters, still honoured.
            other => {
                let (key, operator) = legacy_filter(other).ok_or_else(|| unknown_parameter(other, for_delete))?;
                legacy.push(Filter { key: key.to_owned(), operator: operator.to_owned(), values: vec![value] });
            }
        }
    }
    if seen.contains(&"direction") && seen.contains(&"order_by_direction") {
        return Err("give one of order_by_direction and direction (deprecated), not both".to_owned());
    }
    for filter in &query.filters {
        if filter.operator.is_empty() || filter.values.is_empty() {
            return Err(format!("filter `{}` needs filters.operator and at least one filters.value", filter.key));
        }
    }
    query.filters.extend(legacy);
    check_bounds(&query, limit)?;
    // Filter keys and values, and order_by, as the store will read them.
    check_query(&query).map_err(|e| e.to_string())?;
    Ok((query, limit))
}

/// The counts and sizes of a parsed query.
fn check_bounds(query: &LogQuery, limit: u64) -> Result<(), String> {
    if query.filters.len() > MAX_FILTERS {
        return Err(format!("too many filters: at most {MAX_FILTERS}, deprecated single-value parameters included"));
    }
    if query.page == 0 {
        return Err("page must be at least 1".to_owned());
    }
    if !(1..=MAX_PER_PAGE).contains(&query.per_page) {
        return Err(format!("per_page must be between 1 and {MAX_PER_PAGE}, got {}", query.per_page));
    }
    // The offset (page - 1) × per_page is a signed 64-bit SQLite integer.
    let offset = (query.page - 1).checked_mul(query.per_page).filter(|o| i64::try_from(*o).is_ok());
    if offset.is_none() {
        return Err(format!(
            "page {} is too large: (page - 1) × per_page must be below 2^63 (per_page is {})",
            query.page, query.per_page
        ));
    }
    if !(1..=MAX_DELETE).contains(&limit) {
        return Err(format!("limit must be between 1 and {MAX_DELETE}, got {limit}"));
    }
    Ok(())
}

/// `GET .../logs` (a page of logs) and `DELETE .../logs` (bulk delete): the
/// same checks and the same query parser, which refuses (before anything is
/// deleted) every parameter the operation does not understand.
pub(super) async fn list_or_delete(
    State(state): State<Arc<AppState>>,
    method: Method,
    path: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (account, gateway) = path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    let for_delete = method == Method::DELETE;
    let (query, limit) = parse_query(raw.as_deref(), for_delete).map_err(|e| invalid(&e))?;
    if for_delete {
        let deleted = state.store.delete(&gateway, query, limit).await.map_err(|e| store_error(&e))?;
        tracing::info!(gateway, deleted, "logs deleted");
        return Ok(json_response(StatusCode::OK, &json!({"success": true})));
    }
    let (logs, info) = state.store.list(&gateway, query).await.map_err(|e| store_error(&e))?;
    let body = json!({"result": logs, "result_info": info, "success": true, "errors": [], "messages": []});
    Ok(json_response(StatusCode::OK, &body))
}

pub(super) async fn get(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (account, gateway, id) = path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    state.pending.settle(&gateway, &id, PENDING_LOG_WAIT).await;
    match state.store.get(&gateway, &id).await.map_err(|e| store_error(&e))? {
        Some(log) => Ok(ok(&serde_json::to_value(log).unwrap_or(Value::Null))),
        None => Err(Rejection::log_not_found()),
    }
}

/// Reads one nullable patch field: absent keeps, `null` clears.
#[allow(clippy::option_option, reason = "absent, null and a value are three different requests")]
fn patch_field(
    body: &serde_json::Map<String, Value>,
    key: &str,
    check: impl Fn(&Value) -> Result<(), String>,
) -> Result<Option<Option<Value>>, String> {
    match body.get(key) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(value) => {
            check(value)?;
            Ok(Some(Some(value.clone())))
        }
    }
}

pub(super) fn parse_patch(body: &[u8]) -> Result<LogPatch, String> {
    let parsed: Value = serde_json::from_slice(body).map_err(|e| format!("invalid JSON body: {e}"))?;
    let Value::Object(map) = parsed else { return Err("expected a JSON object".to_owned()) };
    let in_range = |key: &'static str, min: f64, max: f64| {
        move |v: &Value| match v.as_f64() {
            Some(n) if (min..=max).contains(&n) => Ok(()),
            _ => Err(format!("{key} must be a number from {min} to {max}, got {v}")),
        }
    };
    let feedback = patch_field(&map, "feedback", |v| match v.as_i64() {
        Some(-1 | 1) => Ok(()),
        _ => Err(format!("feedback must be -1, 1 or null (AiGatewayPatchLog), got {v}")),
    })?;
    let score = patch_field(&map, "score", in_range("score", 0.0, 100.0))?;
    let metadata = patch_field(&map, "metadata", |v| {
        let Value::Object(entries) = v else { return Err("metadata must be an object or null".to_owned()) };
        if !entries.values().all(crate::options::is_metadata_value) {
            return Err(crate::options::METADATA_VALUE_REASON.to_owned());
        }
        Ok(())
    })?;
    Ok(LogPatch {
        feedback: feedback.map(|f| f.and_then(|v| v.as_f64())),
        score: score.map(|s| s.and_then(|v| v.as_f64())),
        metadata: metadata.map(|m| m.map(|v| v.to_string())),
    })
}

pub(super) async fn patch(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (account, gateway, id) = path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    let body = body_or_error(body, Shape::Api, BODY_TOO_LARGE)?;
    let changes = parse_patch(&body).map_err(|e| invalid(&e))?;
    if state.store.patch(&gateway, &id, changes).await.map_err(|e| store_error(&e))? {
        Ok(ok(&json!({})))
    } else {
        Err(Rejection::log_not_found())
    }
}

/// `GET .../logs/{id}/request` and `.../logs/{id}/response`: a log's stored body.
pub(super) async fn payload(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (account, gateway, id, part) = path_or_error(path)?;
    let response = match part.as_str() {
        "request" => false,
        "response" => true,
        _ => return Err(Rejection::no_route()),
    };
    check_gateway(&state, &account, &gateway, &headers)?;
    state.pending.settle(&gateway, &id, PENDING_LOG_WAIT).await;
    match state.store.payload(&gateway, &id, response).await.map_err(|e| store_error(&e))? {
        Some((content_type, Some(body))) => {
            let mut answer = (StatusCode::OK, Bytes::from(body)).into_response();
            let content_type = content_type
                .and_then(|t| HeaderValue::from_str(&t).ok())
                .unwrap_or_else(|| HeaderValue::from_static("application/json"));
            answer.headers_mut().insert(header::CONTENT_TYPE, content_type);
            Ok(answer)
        }
        // The log exists but its payload was not collected.
        Some((_, None)) | None => Err(Rejection::log_not_found()),
    }
}

pub(super) async fn url(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (account, gateway, provider) = path_or_error(path)?;
    check_api_token(&state, &account, &headers)?;
    if gateway_core::types::options::validate_gateway_id(&gateway, "gateway").is_err()
        || state.config.gateway(&gateway).is_none()
    {
        return Err(Rejection::no_route());
    }
    let base = format!("{}/v1/{}/{}", state.public_url, state.config.account_id, gateway);
    let url = if provider == "universal" { format!("{base}/") } else { format!("{base}/{provider}") };
    Ok(ok(&Value::String(url)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_query_strings_group_by_position() {
        let (query, _) = parse_query(
            Some("filters.key=provider&filters.operator=eq&filters.value=openai&filters.key=cost&filters.operator=gt&filters.value=0.5&filters.value=1&page=2&order_by=created_at&order_by_direction=asc"),
            false,
        )
        .unwrap();
        assert_eq!(query.filters.len(), 2);
        assert_eq!(query.filters[1].values, ["0.5", "1"]);
        assert_eq!((query.page, query.descending), (2, false));
        let (query, _) = parse_query(
            Some("filters.key=metadata.value&filters.operator=eq&filters.value=&filters.value=a%20b"),
            false,
        )
        .unwrap();
        assert_eq!(query.filters[0].values, ["", "a b"]);
    }

    #[test]
    fn bad_queries_are_named() {
        // (the query, whether it is a bulk delete's, what the error names)
        let listing = [
            ("per_page=51", "per_page"),
            ("page=0", "page"),
            ("filters.operator=eq", "filters.operator"),
            ("filters.key=id", "needs filters.operator"),
            ("order_by_direction=up", "asc or desc"),
            ("page=x", "page"),
            ("nope=1", "\"nope\""),
            ("=1", "empty name"),
            ("filters[0][key]=id", "filters.key"),
            ("page=1&page=2", "more than once"),
            ("limit=5", "bulk delete parameter"),
            ("filters.key=id&filters.operator=like&filters.value=x", "operator"),
            ("filters.key=id&filters.operator=eq&filters.operator=neq&filters.value=x", "more than one"),
            ("filters.key=nope&filters.operator=eq&filters.value=x", "unknown filter key"),
            ("filters.key=cost&filters.operator=gt&filters.value=cheap", "not a valid value"),
            ("order_by=id", "order by"),
            ("order_by=cost&order_by_direction=asc", "only a bulk delete"),
            ("order_by=feedback", "only a bulk delete"),
            ("meta_info=yes", "meta_info"),
            ("direction=asc&order_by_direction=desc", "not both"),
            ("page=9223372036854775807&per_page=2", "page"),
            ("min_cost=x", "not a valid value"),
        ]
        .map(|(raw, needle)| (raw, false, needle));
        let deleting = [
            ("limit=10001", "limit"),
            ("limit=1&limit=2", "more than once"),
            ("search=abc", "`search`"),
            ("page=2", "`page`"),
            ("per_page=5", "`per_page`"),
            ("provider=openai", "`provider`"),
            ("id=abc", "\"id\""),
            ("filter.key=id", "\"filter.key\""),
        ]
        .map(|(raw, needle)| (raw, true, needle));
        for (raw, bulk_delete, needle) in listing.into_iter().chain(deleting) {
            let err = parse_query(Some(raw), bulk_delete).unwrap_err();
            assert!(err.contains(needle), "{raw}: {err}");
        }
    }

    #[test]
    fn the_query_size_is_bounded() {
        let filter = |n: usize| {
            let values: String = (0..n).map(|i| format!("&filters.value=m{i}")).collect::<Vec<_>>().concat();
            format!("filters.key=model&filters.operator=eq{values}")
        };
        let filters = |count: usize, values: usize| vec![filter(values); count].join("&");
        let (query, _) = parse_query(Some(&filters(MAX_FILTERS, MAX_FILTER_VALUES)), true).unwrap();
        assert_eq!(query.filters.len(), MAX_FILTERS);
        let err = parse_query(Some(&filters(MAX_FILTERS + 1, 1)), true).unwrap_err();
        assert!(err.contains(&format!("at most {MAX_FILTERS}")), "{err}");
        let err = parse_query(Some(&filters(1, MAX_FILTER_VALUES + 1)), false).unwrap_err();
        assert!(err.contains(&format!("at most {MAX_FILTER_VALUES}")), "{err}");
        // Deprecated parameters count as filters.
        let err = parse_query(Some(&format!("{}&provider=openai", filters(MAX_FILTERS, 1))), false).unwrap_err();
        assert!(err.contains("too many filters"), "{err}");
        // The largest offset that fits a signed 64-bit integer, and one past it.
        let (query, _) = parse_query(Some("page=4611686018427387904&per_page=2"), false).unwrap();
        assert_eq!(query.page, 1 << 62);
        assert!(parse_query(Some("page=4611686018427387905&per_page=2"), false).unwrap_err().contains("page"));
        assert!(parse_query(Some("page=18446744073709551615"), false).unwrap_err().contains("page"));
    }

    #[test]
    fn deprecated_parameters_become_filters() {
        let (query, _) =
            parse_query(Some("min_cost=0.5&max_duration=10&provider=openai&meta_info=true"), false).unwrap();
        let keys: Vec<(&str, &str)> = query.filters.iter().map(|f| (f.key.as_str(), f.operator.as_str())).collect();
        assert_eq!(keys, [("cost", "at_least"), ("duration", "at_most"), ("provider", "eq")]);
        assert!(query.meta_info);
        // The store-only operators are not wire operators.
        assert!(parse_query(Some("filters.key=cost&filters.operator=at_least&filters.value=1"), false).is_err());
        // The delete takes exactly its four parameters.
        let (query, limit) = parse_query(
            Some("filters.key=id&filters.operator=eq&filters.value=a&limit=3&order_by=cost&order_by_direction=asc"),
            true,
        )
        .unwrap();
        assert_eq!((query.filters.len(), limit, query.descending), (1, 3, false));
    }

    #[test]
    fn patches_follow_the_rest_ranges() {
        let p = parse_patch(br#"{"feedback":-1,"score":null}"#).unwrap();
        assert_eq!((p.feedback, p.score), (Some(Some(-1.0)), Some(None)));
        for bad in [
            r#"{"feedback":2}"#,
            r#"{"feedback":0}"#,
            r#"{"feedback":0.5}"#,
            r#"{"score":101}"#,
            r#"{"metadata":{"a":{}}}"#,
            "[]",
            "nope",
            r#"{"feedback":"x"}"#,
        ] {
            assert!(parse_patch(bad.as_bytes()).is_err(), "{bad}");
        }
    }
}
