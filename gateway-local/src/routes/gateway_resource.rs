//! The gateway resource of the v4 API (`rest-api.md` §12):
//! `GET` and `PUT /client/v4/accounts/{account}/ai-gateway/gateways/{id}`,
//! authenticated with the v4 API token like the logs API.
//!
//! `GET` answers the gateway object with the fields gateway-local knows:
//! `id`, `created_at`, `modified_at`, `is_default`, `authentication`,
//! `cache_ttl`, `cache_invalidate_on_update`, `collect_logs`,
//! `rate_limiting_interval`, `rate_limiting_limit`, `rate_limiting_technique`,
//! `log_management`, `log_management_strategy`, `retry_max_attempts`,
//! `retry_delay`, `retry_backoff`, `byok_only` and `spend_limits`. A gateway
//! the configuration holds was "created" when the gateway started; the
//! account's `default`, when the gateway created it.
//!
//! `PUT` takes the object and applies its `spend_limits` (absent: unchanged;
//! `null` or `[]`: none), each rule checked ([`gateway_core::validate_spend_limits`]),
//! a bad one refused with 400 naming the rule and field
//! (`invalid spend_limits[2].budget: ...`). The rules are kept in the
//! database, so they survive a restart on a database file, and from then on
//! **replace the configuration file's `spend_limits` for that gateway**
//! (also after a restart; a PUT of the file's rules puts them back).
//! The other settings come from the configuration file: a PUT that changes
//! one of them is refused with 400 naming it; fields gateway-local does not
//! serve (`dlp`, `guardrails`, `otel`, ...) and the timestamps are ignored.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use gateway_core::{MAX_SPEND_LIMITS, SpendLimit};
use serde::Deserialize as _;
use serde_json::{Map, Value, json};

use super::gateway::{BODY_TOO_LARGE, body_or_error, path_or_error};
use super::logs::{check_gateway, invalid, ok, store_error};
use crate::config::RateLimitTechnique;
use crate::error::{Rejection, Shape};
use crate::gateways::DEFAULT_GATEWAY;
use crate::state::AppState;

type Paths = Result<Path<(String, String)>, PathRejection>;

/// Fields of the object a PUT may send back as they are, whatever they hold.
const IGNORED_ON_PUT: [&str; 3] = ["created_at", "modified_at", "spend_limits"];

fn time(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_string()
}

/// The gateway object of `id` as it stands.
async fn object(state: &AppState, id: &str) -> Result<Map<String, Value>, Rejection> {
    let settings = state.gateways.resolve(&state.config, id).ok_or_else(Rejection::no_route)?;
    let created_ms = match state.store.gateway_created_ms(id).await.map_err(|e| store_error(&e))? {
        Some(ms) if !state.config.gateways.contains_key(id) => ms,
        _ => state.gateways.loaded_ms(),
    };
    let modified_ms = state.gateways.set_spend_limits_of(id).map_or(created_ms, |set| set.modified_ms.max(created_ms));
    let rate = settings.rate_limit;
    let technique = rate.map(|r| match r.technique {
        RateLimitTechnique::Fixed => "fixed",
        RateLimitTechnique::Sliding => "sliding",
    });
    let value = json!({
        "id": id,
        "created_at": time(created_ms),
        "modified_at": time(modified_ms),
        "is_default": id == DEFAULT_GATEWAY,
        "authentication": settings.token.is_some(),
        "cache_ttl": settings.cache_ttl,
        "cache_invalidate_on_update": false,
        "collect_logs": settings.collect_logs,
        "rate_limiting_interval": rate.map(|r| r.interval_secs),
        "rate_limiting_limit": rate.map(|r| r.limit),
        "rate_limiting_technique": technique,
        "log_management": settings.log_management,
        "log_management_strategy": settings.log_limit().map(|limit| limit.strategy),
        "retry_max_attempts": settings.retry_max_attempts,
        "retry_delay": settings.retry_delay_ms,
        "retry_backoff": settings.retry_backoff,
        "byok_only": settings.byok_only,
        "spend_limits": settings.spend_limits,
    });
    match value {
        Value::Object(map) => Ok(map),
        _ => unreachable!("json! of an object literal is an object"),
    }
}

/// `GET .../ai-gateway/gateways/{id}`.
pub(super) async fn get(
    State(state): State<Arc<AppState>>,
    path: Paths,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (account, gateway) = path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    Ok(ok(&Value::Object(object(&state, &gateway).await?)))
}

/// `PUT .../ai-gateway/gateways/{id}`: the object, of which `spend_limits` is applied.
pub(super) async fn put(
    State(state): State<Arc<AppState>>,
    path: Paths,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (account, gateway) = path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    let body = body_or_error(body, Shape::Api, BODY_TOO_LARGE)?;
    let Ok(Value::Object(sent)) = serde_json::from_slice::<Value>(&body) else {
        return Err(invalid("the body must be a JSON object: the gateway object"));
    };
    let current = object(&state, &gateway).await?;
    for (field, value) in &sent {
        if IGNORED_ON_PUT.contains(&field.as_str()) {
            continue;
        }
        if current.get(field).is_some_and(|now| now != value) {
            return Err(invalid(&format!(
                "{field} cannot be changed over the API of gateway-local (it is {}): set it in the configuration \
                 file, [gateways.{gateway}]; only spend_limits is applied",
                current[field]
            )));
        }
    }
    if let Some(rules) = sent.get("spend_limits") {
        let rules = spend_limits(rules)?;
        state.gateways.set_spend_limits(&state.store, &gateway, rules).await.map_err(|e| store_error(&e))?;
    }
    Ok(ok(&Value::Object(object(&state, &gateway).await?)))
}

/// A PUT's `spend_limits` as rules, or a 400 naming the rule and field.
fn spend_limits(value: &Value) -> Result<Vec<SpendLimit>, Rejection> {
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items,
        _ => return Err(invalid("invalid spend_limits: must be an array of rules (or null for none)")),
    };
    if items.len() > MAX_SPEND_LIMITS {
        return Err(invalid(&format!(
            "invalid spend_limits: at most {MAX_SPEND_LIMITS} rules per gateway, got {}",
            items.len()
        )));
    }
    let rules = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            SpendLimit::deserialize(item).map_err(|e| invalid(&format!("invalid spend_limits[{index}]: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    gateway_core::validate_spend_limits(&rules).map_err(|e| invalid(&e.to_string()))?;
    Ok(rules)
}
