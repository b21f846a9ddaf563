//! The dynamic-routing REST operations (`cloudflare-2026.md` §3.3) under
//! `/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/routes`,
//! authenticated with the v4 API token like the logs API. Bodies are read
//! into [`gateway_core::route::Route`] and checked with its `validate()`, so
//! the client and this server refuse the same graphs.
//!
//! Unconfirmed in the spec (§3.3), our choices:
//! - creating a route saves its elements as the first version and deploys
//!   it, so every route has the `deployment` and `version` the SDK requires;
//! - `version` of a route and its `elements` are those of the live version;
//! - the 6-field answers (delete, create version, deploy) are route-shaped:
//!   `id` is the route id; create-version's `elements` are the new version's;
//! - route names are unique per gateway (callers name them in `dynamic/{name}`);
//! - ids are lowercase UUIDv7; lists are newest first (`order_by`
//!   `created_at`, `desc`); versions and deployments are listed whole
//!   (at most 1 000 each per route), routes in pages of at most 100.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use gateway_core::route::{Element, Node, Route};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::gateway::{BODY_TOO_LARGE, body_or_error};
use super::logs::{check_gateway, invalid, json_response, ok, store_error};
use crate::error::{Rejection, Shape, code};
use crate::proxy::route::Condition;
use crate::state::AppState;
use crate::store::{DeploymentRow, MAX_ROUTES_PER_GATEWAY, RouteRow, StoreError, VersionRow};

/// The default page size of the routes list.
const DEFAULT_PER_PAGE: u64 = 20;

type Paths<T> = Result<Path<T>, PathRejection>;

fn time(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_string()
}

/// Stored elements as JSON (they were written from parsed elements).
fn elements_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| json!([]))
}

/// The 6-field route object, with `elements` given.
fn record(route: &RouteRow, elements: &str) -> Value {
    json!({
        "id": route.id,
        "created_at": time(route.created_ms),
        "modified_at": time(route.modified_ms),
        "gateway_id": route.gateway,
        "name": route.name,
        "elements": elements_value(elements),
    })
}

fn live_elements(route: &RouteRow) -> &str {
    route.live.as_ref().map_or("[]", |(_, v)| v.elements.as_str())
}

fn deployment(d: &DeploymentRow) -> Value {
    json!({"created_at": time(d.created_ms), "deployment_id": d.deployment_id, "version_id": d.version_id})
}

fn version(v: &VersionRow, active: bool) -> Value {
    json!({
        "active": if active { "true" } else { "false" },
        "created_at": time(v.created_ms),
        "data": v.elements,
        "version_id": v.version_id,
        "is_valid": true,
    })
}

/// A Route object; `account_tag`: for rename and list answers.
fn route_info(route: &RouteRow, account_tag: Option<&str>) -> Value {
    let mut value = record(route, live_elements(route));
    if let Some((d, v)) = &route.live {
        value["deployment"] = deployment(d);
        value["version"] = version(v, true);
    }
    if let Some(tag) = account_tag {
        value["account_tag"] = json!(tag);
    }
    value
}

fn listing(key: &str, items: Vec<Value>, page: u64, per_page: u64) -> Response {
    let mut data = json!({"order_by": "created_at", "order_by_direction": "desc", "page": page, "per_page": per_page});
    data[key] = Value::Array(items);
    json_response(StatusCode::OK, &json!({"data": data, "success": true}))
}

fn not_found(what: &str) -> Rejection {
    Rejection::api(StatusCode::NOT_FOUND, code::NOT_FOUND, format!("{what} not found"))
}

/// What the store found, or 404 naming `what` (`Route`, `Route version`).
fn found<T>(stored: Result<Option<T>, StoreError>, what: &str) -> Result<T, Rejection> {
    stored.map_err(|e| store_error(&e))?.ok_or_else(|| not_found(what))
}

/// The JSON body as `T`, or 400 naming what is wrong.
fn parse<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, Rejection> {
    let body = body_or_error(body, Shape::Api, BODY_TOO_LARGE)?;
    serde_json::from_slice(&body).map_err(|e| invalid(&format!("invalid body: {e}")))
}

/// `route` checked by the shared rules, then its elements as stored JSON.
fn checked(route: &Route) -> Result<String, Rejection> {
    route.validate().map_err(|e| invalid(&format!("invalid route: {e}")))?;
    // What gateway-local could not run is refused now, not failed at run time.
    for element in &route.elements {
        if let Node::Conditional(node) = &element.node {
            Condition::parse(&node.condition)
                .map_err(|e| invalid(&format!("invalid route: element `{}`: {e}", element.id)))?;
        }
    }
    serde_json::to_string(&route.elements).map_err(|e| invalid(&format!("invalid route: {e}")))
}

/// `POST .../routes`: `{"name","elements"}`.
pub(super) async fn create(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (account, gateway) = super::gateway::path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    let route: Route = parse(body)?;
    let elements = checked(&route)?;
    let stored = state.store.create_route(&gateway, &route.name, elements).await.map_err(|e| store_error(&e))?;
    Ok(ok(&route_info(&stored, None)))
}

/// `GET .../routes?page=&per_page=`.
pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String)>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (account, gateway) = super::gateway::path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    let (mut page, mut per_page) = (1, DEFAULT_PER_PAGE);
    for (key, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let target = match &*key {
            "page" => &mut page,
            "per_page" => &mut per_page,
            other => return Err(invalid(&format!("unknown query parameter {other:?}: routes take page and per_page"))),
        };
        *target = value.parse().map_err(|_| invalid(&format!("{key} must be a positive integer, got {value:?}")))?;
    }
    if page == 0 || !(1..=MAX_ROUTES_PER_GATEWAY).contains(&per_page) {
        return Err(invalid(&format!("page must be at least 1 and per_page between 1 and {MAX_ROUTES_PER_GATEWAY}")));
    }
    let routes = state.store.list_routes(&gateway, page, per_page).await.map_err(|e| store_error(&e))?;
    let tag = state.config.account_id.as_str();
    Ok(listing("routes", routes.iter().map(|r| route_info(r, Some(tag))).collect(), page, per_page))
}

/// The account, gateway and route of a path, after the token and gateway checks.
fn route_path(
    state: &AppState,
    path: Paths<(String, String, String)>,
    headers: &HeaderMap,
) -> Result<(String, String), Rejection> {
    let (account, gateway, id) = super::gateway::path_or_error(path)?;
    check_gateway(state, &account, &gateway, headers)?;
    Ok((gateway, id))
}

/// `GET .../routes/{route_id}`.
pub(super) async fn get(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (gateway, id) = route_path(&state, path, &headers)?;
    let route = found(state.store.get_route(&gateway, &id).await, "Route")?;
    Ok(ok(&route_info(&route, None)))
}

#[derive(Deserialize)]
struct Rename {
    name: String,
}

/// `PATCH .../routes/{route_id}`: `{"name"}`; answers `{"route","success"}`.
pub(super) async fn rename(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (gateway, id) = route_path(&state, path, &headers)?;
    let Rename { name } = parse(body)?;
    if name.is_empty() {
        return Err(invalid("name must not be empty"));
    }
    let route = found(state.store.rename_route(&gateway, &id, &name).await, "Route")?;
    let tag = state.config.account_id.as_str();
    Ok(json_response(StatusCode::OK, &json!({"route": route_info(&route, Some(tag)), "success": true})))
}

/// `DELETE .../routes/{route_id}`: the 6-field object of what was deleted.
pub(super) async fn delete(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (gateway, id) = route_path(&state, path, &headers)?;
    let route = found(state.store.delete_route(&gateway, &id).await, "Route")?;
    Ok(ok(&record(&route, live_elements(&route))))
}

#[derive(Deserialize)]
struct NewVersion {
    elements: Vec<Element>,
}

/// `POST .../routes/{route_id}/versions`: `{"elements"}`, a draft.
pub(super) async fn create_version(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (gateway, id) = route_path(&state, path, &headers)?;
    let NewVersion { elements } = parse(body)?;
    let route = found(state.store.get_route(&gateway, &id).await, "Route")?;
    let elements = checked(&Route { name: route.name, elements })?;
    let (route, version) = found(state.store.create_route_version(&gateway, &id, elements).await, "Route")?;
    Ok(ok(&record(&route, &version.elements)))
}

/// `GET .../routes/{route_id}/versions`.
pub(super) async fn list_versions(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (gateway, id) = route_path(&state, path, &headers)?;
    let route = state.store.get_route(&gateway, &id).await.map_err(|e| store_error(&e))?;
    let live = route.and_then(|r| r.live).map(|(d, _)| d.version_id);
    let versions = found(state.store.list_route_versions(&gateway, &id).await, "Route")?;
    let count = u64::try_from(versions.len()).unwrap_or(u64::MAX);
    let items = versions.iter().map(|v| version(v, live.as_deref() == Some(v.version_id.as_str()))).collect();
    Ok(listing("versions", items, 1, count))
}

/// `GET .../routes/{route_id}/versions/{version_id}`.
pub(super) async fn get_version(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (account, gateway, id, version_id) = super::gateway::path_or_error(path)?;
    check_gateway(&state, &account, &gateway, &headers)?;
    let (route, v) = found(state.store.get_route_version(&gateway, &id, &version_id).await, "Route version")?;
    let active = route.live.as_ref().is_some_and(|(d, _)| d.version_id == v.version_id);
    let mut value = record(&route, &v.elements);
    value["created_at"] = json!(time(v.created_ms));
    for (key, field) in version(&v, active).as_object().into_iter().flatten() {
        value[key] = field.clone();
    }
    Ok(ok(&value))
}

#[derive(Deserialize)]
struct Deploy {
    version_id: String,
}

/// `POST .../routes/{route_id}/deployments`: `{"version_id"}`.
pub(super) async fn deploy(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Rejection> {
    let (gateway, id) = route_path(&state, path, &headers)?;
    let Deploy { version_id } = parse(body)?;
    let route = found(state.store.deploy_route_version(&gateway, &id, &version_id).await, "Route version")?;
    Ok(ok(&record(&route, live_elements(&route))))
}

/// `GET .../routes/{route_id}/deployments`.
pub(super) async fn list_deployments(
    State(state): State<Arc<AppState>>,
    path: Paths<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let (gateway, id) = route_path(&state, path, &headers)?;
    let deployments = found(state.store.list_route_deployments(&gateway, &id).await, "Route")?;
    let count = u64::try_from(deployments.len()).unwrap_or(u64::MAX);
    Ok(listing("deployments", deployments.iter().map(deployment).collect(), 1, count))
}
