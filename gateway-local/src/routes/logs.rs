//! The v4 logs API under `/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::gateway::path_or_error;
use crate::errors::{self, code};
use crate::state::{AppState, PENDING_LOG_WAIT, constant_time_eq};
use crate::store::{Filter, LogPatch, LogQuery, StoreError};

type Rejected = Response;

/// Largest page of a list.
const MAX_PER_PAGE: u64 = 50;
/// Largest bulk delete.
const MAX_DELETE: u64 = 10_000;

fn ok(result: &Value) -> Response {
    json_response(StatusCode::OK, &json!({"result": result, "success": true, "errors": [], "messages": []}))
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

fn invalid(message: &str) -> Rejected {
    errors::v4(StatusCode::BAD_REQUEST, code::INVALID_PARAMETER, message)
}

fn store_error(error: &StoreError) -> Rejected {
    match error {
        StoreError::Invalid(message) => invalid(message),
        // Cheaper filters (fewer values, a narrower time range) get an answer.
        StoreError::TooExpensive { limit_ms } => invalid(&format!(
            "the logs query was too expensive: it ran over the time limit of {limit_ms} ms and was stopped; \
             narrow it (fewer filter values, a created_at range, a shorter search)"
        )),
        busy if busy.reason() == "database busy" => errors::v4(
            StatusCode::SERVICE_UNAVAILABLE,
            7000,
            "the log database is busy (locked by another writer); try again",
        ),
        full if full.reason() == "database full" => {
            errors::v4(StatusCode::SERVICE_UNAVAILABLE, 7000, "the log database is full; delete logs to free space")
        }
        other => {
            tracing::error!(error = %other, "log store failed");
            errors::v4(StatusCode::INTERNAL_SERVER_ERROR, 7000, "Internal Error")
        }
    }
}

/// The v4 API's token and account checks.
pub(super) fn check_api_token(state: &AppState, account: &str, headers: &HeaderMap) -> Result<(), Rejected> {
    if let Some(token) = &state.config.api_token {
        let presented = headers.get(header::AUTHORIZATION).map(HeaderValue::as_bytes).unwrap_or_default();
        if !constant_time_eq(presented, format!("Bearer {token}").as_bytes()) {
            return Err(errors::v4(StatusCode::UNAUTHORIZED, code::AUTHENTICATION, "Authentication error"));
        }
    }
    if account != state.config.account_id {
        return Err(errors::v4(StatusCode::NOT_FOUND, code::NO_ROUTE, "No route for the URI"));
    }
    Ok(())
}

/// The token and account checks, plus: the gateway exists (or may be created).
fn check_gateway(state: &AppState, account: &str, gateway: &str, headers: &HeaderMap) -> Result<(), Rejected> {
    check_api_token(state, account, headers)?;
    if gateway_core::types::options::validate_gateway_id(gateway, "gateway").is_err()
        || state.config.gateway(gateway).is_none()
    {
        return Err(errors::v4(StatusCode::NOT_FOUND, code::NO_ROUTE, "No route for the URI"));
    }
    Ok(())
}

/// Parses the SDKs' query encoding: `filters.key`, `filters.operator` and
/// `filters.value` grouped by position (a new `filters.key` starts a filter).
pub(crate) fn parse_query(raw: Option<&str>, for_delete: bool) -> Result<(LogQuery, u64), String> {
    let mut query = LogQuery { page: 1, per_page: 20, descending: true, ..LogQuery::default() };
    let mut limit = MAX_DELETE;
    let mut legacy: Vec<Filter> = Vec::new();
    for (key, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let value = value.into_owned();
        let number =
            |what: &str| value.parse::<u64>().map_err(|_| format!("{what} must be a positive integer, got {value:?}"));
        match key.as_ref() {
            "filters.key" | "filters[key]" => {
                query.filters.push(Filter { key: value, operator: String::new(), values: Vec::new() });
            }
            "filters.operator" | "filters[operator]" => {
                query.filters.last_mut().ok_or("filters.operator comes before any filters.key")?.operator = value;
            }
            "filters.value" | "filters[value]" | "filters[value][]" => {
                query.filters.last_mut().ok_or("filters.value comes before any filters.key")?.values.push(value);
            }
            "page" if !for_delete => query.page = number("page")?,
            "per_page" if !for_delete => query.per_page = number("per_page")?,
            "limit" if for_delete => limit = number("limit")?,
            "search" if !for_delete => query.search = Some(value),
            "order_by" => query.order_by = Some(value),
            "order_by_direction" | "direction" => {
                query.descending = match value.as_str() {
                    "asc" => false,
                    "desc" => true,
                    _ => return Err(format!("{key} must be asc or desc, got {value:?}")),
                }
            }
            "meta_info" => query.meta_info = value == "true",
            // Deprecated single-value parameters, still honoured.
            "provider"
            | "model"
            | "model_type"
            | "success"
            | "cached"
            | "feedback"
            | "request_content_type"
            | "response_content_type" => {
                legacy.push(Filter { key: key.into_owned(), operator: "eq".to_owned(), values: vec![value] });
            }
            "start_date" => {
                legacy.push(Filter { key: "created_at".to_owned(), operator: "gt".to_owned(), values: vec![value] });
            }
            "end_date" => {
                legacy.push(Filter { key: "created_at".to_owned(), operator: "lt".to_owned(), values: vec![value] });
            }
            _ => {}
        }
    }
    for filter in &query.filters {
        if filter.operator.is_empty() || filter.values.is_empty() {
            return Err(format!("filter `{}` needs filters.operator and at least one filters.value", filter.key));
        }
    }
    query.filters.extend(legacy);
    if query.page == 0 {
        return Err("page must be at least 1".to_owned());
    }
    if !(1..=MAX_PER_PAGE).contains(&query.per_page) {
        return Err(format!("per_page must be between 1 and {MAX_PER_PAGE}, got {}", query.per_page));
    }
    if !(1..=MAX_DELETE).contains(&limit) {
        return Err(format!("limit must be between 1 and {MAX_DELETE}, got {limit}"));
    }
    Ok((query, limit))
}

pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let (account, gateway) = path_or_error(path)?;
        check_gateway(&state, &account, &gateway, &headers)?;
        let (query, _) = parse_query(raw.as_deref(), false).map_err(|e| invalid(&e))?;
        let (logs, info) = state.store.list(&gateway, query).await.map_err(|e| store_error(&e))?;
        let body = json!({"result": logs, "result_info": info, "success": true, "errors": [], "messages": []});
        Ok(json_response(StatusCode::OK, &body))
    }
    .await;
    result.unwrap_or_else(|r| r)
}

pub(super) async fn delete(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let (account, gateway) = path_or_error(path)?;
        check_gateway(&state, &account, &gateway, &headers)?;
        let (query, limit) = parse_query(raw.as_deref(), true).map_err(|e| invalid(&e))?;
        let deleted = state.store.delete(&gateway, query, limit).await.map_err(|e| store_error(&e))?;
        tracing::info!(gateway, deleted, "logs deleted");
        Ok(json_response(StatusCode::OK, &json!({"success": true})))
    }
    .await;
    result.unwrap_or_else(|r| r)
}

pub(super) async fn get(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let (account, gateway, id) = path_or_error(path)?;
        check_gateway(&state, &account, &gateway, &headers)?;
        state.pending.settle(&id, PENDING_LOG_WAIT).await;
        match state.store.get(&gateway, &id).await.map_err(|e| store_error(&e))? {
            Some(log) => Ok(ok(&serde_json::to_value(log).unwrap_or(Value::Null))),
            None => Err(errors::log_not_found()),
        }
    }
    .await;
    result.unwrap_or_else(|r| r)
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

fn parse_patch(body: &[u8]) -> Result<LogPatch, String> {
    let parsed: Value = serde_json::from_slice(body).map_err(|e| format!("invalid JSON body: {e}"))?;
    let Value::Object(map) = parsed else { return Err("expected a JSON object".to_owned()) };
    let in_range = |key: &'static str, min: f64, max: f64| {
        move |v: &Value| match v.as_f64() {
            Some(n) if (min..=max).contains(&n) => Ok(()),
            _ => Err(format!("{key} must be a number from {min} to {max}, got {v}")),
        }
    };
    let feedback = patch_field(&map, "feedback", in_range("feedback", -1.0, 1.0))?;
    let score = patch_field(&map, "score", in_range("score", 0.0, 100.0))?;
    let metadata = patch_field(&map, "metadata", |v| {
        let Value::Object(entries) = v else { return Err("metadata must be an object or null".to_owned()) };
        if entries.values().any(|e| !(e.is_string() || e.is_number() || e.is_boolean())) {
            return Err("metadata values must be strings, numbers or booleans".to_owned());
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
) -> Response {
    let result = async {
        let (account, gateway, id) = path_or_error(path)?;
        check_gateway(&state, &account, &gateway, &headers)?;
        let body = body.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                errors::v4(StatusCode::PAYLOAD_TOO_LARGE, code::TOO_LARGE, "the request body is too large")
            } else {
                invalid(&e.body_text())
            }
        })?;
        let changes = parse_patch(&body).map_err(|e| invalid(&e))?;
        if state.store.patch(&gateway, &id, changes).await.map_err(|e| store_error(&e))? {
            Ok(ok(&json!({})))
        } else {
            Err(errors::log_not_found())
        }
    }
    .await;
    result.unwrap_or_else(|r| r)
}

async fn payload(
    state: &AppState,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: &HeaderMap,
    response: bool,
) -> Response {
    let result = async {
        let (account, gateway, id) = path_or_error(path)?;
        check_gateway(state, &account, &gateway, headers)?;
        state.pending.settle(&id, PENDING_LOG_WAIT).await;
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
            Some((_, None)) | None => Err(errors::log_not_found()),
        }
    }
    .await;
    result.unwrap_or_else(|r| r)
}

pub(super) async fn request(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    payload(&state, path, &headers, false).await
}

pub(super) async fn response(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    payload(&state, path, &headers, true).await
}

pub(super) async fn url(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let (account, gateway, provider) = path_or_error(path)?;
        check_api_token(&state, &account, &headers)?;
        if gateway_core::types::options::validate_gateway_id(&gateway, "gateway").is_err()
            || state.config.gateway(&gateway).is_none()
        {
            return Err(errors::v4(StatusCode::NOT_FOUND, code::NO_ROUTE, "No route for the URI"));
        }
        let base = format!("{}/v1/{}/{}", state.public_url, state.config.account_id, gateway);
        let url = if provider == "universal" { format!("{base}/") } else { format!("{base}/{provider}") };
        Ok(ok(&Value::String(url)))
    }
    .await;
    result.unwrap_or_else(|r| r)
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
        for (raw, needle) in [
            ("per_page=51", "per_page"),
            ("page=0", "page"),
            ("filters.operator=eq", "filters.operator"),
            ("filters.key=id", "needs filters.operator"),
            ("order_by_direction=up", "asc or desc"),
            ("page=x", "page"),
        ] {
            let err = parse_query(Some(raw), false).unwrap_err();
            assert!(err.contains(needle), "{raw}: {err}");
        }
        assert!(parse_query(Some("limit=10001"), true).unwrap_err().contains("limit"));
    }

    #[test]
    fn patches_follow_the_rest_ranges() {
        let p = parse_patch(br#"{"feedback":0,"score":null}"#).unwrap();
        assert_eq!((p.feedback, p.score), (Some(Some(0.0)), Some(None)));
        for bad in
            [r#"{"feedback":2}"#, r#"{"score":101}"#, r#"{"metadata":{"a":{}}}"#, "[]", "nope", r#"{"feedback":"x"}"#]
        {
            assert!(parse_patch(bad.as_bytes()).is_err(), "{bad}");
        }
    }
}
