//! The dynamic-routing REST operations (`cloudflare-2026.md` §3.3) on
//! `Gateway`: the exact method, path, body bytes and API token of each call,
//! and every documented answer shape decoded (lists under `data` or
//! `result.data`, the rename's `{"route"}`, `active` as a string,
//! `account_tag` optional, `comment` ignored); typed errors.

mod common;
mod route_spec;

use std::sync::Arc;

use gateway_core::route::{ListRoutes, RouteRule};
use gateway_core::{Ai, Error, Gateway};
use serde_json::{Value, json};
use wiremock::MockServer;

use common::{header, json_answer, mount, only_request, received};
use route_spec::{SPEC_CREATE, spec_route};

const ROUTES: &str = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/routes";

fn elements() -> Value {
    serde_json::from_str::<Value>(SPEC_CREATE).unwrap()["elements"].clone()
}

fn deployment() -> Value {
    json!({"created_at": "2026-12-01T10:00:00Z", "deployment_id": "d1", "version_id": "v1"})
}

fn version(active: &str) -> Value {
    json!({"active": active, "created_at": "2026-12-01T09:00:00Z", "data": SPEC_CREATE_ELEMENTS, "version_id": "v1"})
}

const SPEC_CREATE_ELEMENTS: &str =
    r#"[{"id":"s","type":"start","outputs":{"next":{"elementId":"e"}}},{"id":"e","type":"end","outputs":{}}]"#;

/// A route object as create and get answer it (no `account_tag`).
fn route_object() -> Value {
    json!({"id": "54442216", "created_at": "2026-12-01T09:00:00Z", "modified_at": "2026-12-01T10:00:00Z",
           "gateway_id": "my-gateway", "name": "support", "elements": elements(),
           "deployment": deployment(), "version": version("true")})
}

/// The 6-field object of delete, create-version and deploy.
fn record() -> Value {
    json!({"id": "54442216", "created_at": "2026-12-01T09:00:00Z", "elements": elements(),
           "gateway_id": "my-gateway", "modified_at": "2026-12-01T10:00:00Z", "name": "support"})
}

fn result(value: &Value) -> Vec<u8> {
    serde_json::to_vec(&json!({"result": value, "success": true, "errors": [], "messages": []})).unwrap()
}

fn gateway(server: &MockServer) -> gateway_core::HttpGateway {
    Ai::new(common::rest_config(server, "api-token")).unwrap().gateway("my-gateway")
}

/// The one request: its method, path with query, body, and API token.
async fn sent(server: &MockServer) -> (String, String, String, Option<String>) {
    let request = only_request(server).await;
    let path = match request.url.query() {
        Some(q) => format!("{}?{q}", request.url.path()),
        None => request.url.path().to_owned(),
    };
    let auth = header(&request, "authorization").map(str::to_owned);
    (request.method.to_string(), path, String::from_utf8(request.body.clone()).unwrap(), auth)
}

#[tokio::test]
async fn create_sends_the_spec_example_byte_for_byte_with_the_api_token() {
    let server = MockServer::start().await;
    mount(&server, "POST", ROUTES, json_answer(200, result(&route_object()))).await;
    let created = gateway(&server).create_route(&spec_route()).await.unwrap();
    let (method, path, body, auth) = sent(&server).await;
    assert_eq!((method.as_str(), path.as_str()), ("POST", ROUTES));
    assert_eq!(body, SPEC_CREATE);
    assert_eq!(auth.as_deref(), Some("Bearer api-token"));
    assert_eq!(
        (created.route.id.as_str(), created.route.name.as_str(), created.account_tag),
        ("54442216", "support", None)
    );
    assert_eq!(created.route.elements, spec_route().elements);
    assert_eq!(created.deployment.unwrap().deployment_id, "d1");
    let version = created.version.unwrap();
    assert!(version.active);
    assert_eq!(version.elements().unwrap().len(), 2);
}

#[tokio::test]
async fn an_invalid_route_is_refused_before_sending() {
    let server = MockServer::start().await;
    let mut route = spec_route();
    route.elements.retain(|e| e.id != "m2");
    let error = gateway(&server).create_route(&route).await.unwrap_err();
    let Error::InvalidRoute(invalid) = &error else { panic!("{error:?}") };
    assert!(invalid.names(Some("m1"), &RouteRule::DanglingEdge { output: String::new(), target: String::new() }));
    let error = gateway(&server).create_route_version("r1", &route).await.unwrap_err();
    assert!(matches!(error, Error::InvalidRoute(_)), "{error:?}");
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn list_routes_sends_page_and_per_page_and_reads_data_at_the_top() {
    let server = MockServer::start().await;
    let mut listed = route_object();
    listed["account_tag"] = json!("acct-tag");
    let body = json!({"data": {"order_by": "created_at", "order_by_direction": "desc", "page": 2, "per_page": 10,
                               "routes": [listed]}, "success": true});
    mount(&server, "GET", ROUTES, json_answer(200, serde_json::to_vec(&body).unwrap())).await;
    let page = gateway(&server).list_routes(&ListRoutes::new().page(2).per_page(10)).await.unwrap();
    let (method, path, body, auth) = sent(&server).await;
    assert_eq!((method.as_str(), path, body.as_str()), ("GET", format!("{ROUTES}?page=2&per_page=10"), ""));
    assert_eq!(auth.as_deref(), Some("Bearer api-token"));
    assert_eq!((page.page, page.per_page, page.order_by.as_deref()), (Some(2), Some(10), Some("created_at")));
    assert_eq!(page.items[0].account_tag.as_deref(), Some("acct-tag"));
}

#[tokio::test]
async fn lists_also_read_data_under_result_and_no_query_is_sent_by_default() {
    let server = MockServer::start().await;
    let body = json!({"result": {"data": {"routes": [route_object()]}}, "success": true});
    mount(&server, "GET", ROUTES, json_answer(200, serde_json::to_vec(&body).unwrap())).await;
    let page = gateway(&server).list_routes(&ListRoutes::new()).await.unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.page, None);
    assert_eq!(sent(&server).await.1, ROUTES);
}

#[tokio::test]
async fn get_route_reads_the_route_object() {
    let server = MockServer::start().await;
    mount(&server, "GET", &format!("{ROUTES}/54442216"), json_answer(200, result(&route_object()))).await;
    let route = gateway(&server).get_route("54442216").await.unwrap();
    assert_eq!(
        (route.route.gateway_id.as_str(), route.route.modified_at.as_str()),
        ("my-gateway", "2026-12-01T10:00:00Z")
    );
    let (method, path, _, auth) = sent(&server).await;
    assert_eq!((method.as_str(), path), ("GET", format!("{ROUTES}/54442216")));
    assert_eq!(auth.as_deref(), Some("Bearer api-token"));
}

#[tokio::test]
async fn rename_patches_the_name_and_reads_the_route_key() {
    let server = MockServer::start().await;
    let mut renamed = route_object();
    renamed["name"] = json!("helpdesk");
    renamed["account_tag"] = json!("acct-tag");
    let body = serde_json::to_vec(&json!({"route": renamed, "success": true})).unwrap();
    mount(&server, "PATCH", &format!("{ROUTES}/r%2F1"), json_answer(200, body)).await;
    let route = gateway(&server).rename_route("r/1", "helpdesk").await.unwrap();
    let (method, path, body, auth) = sent(&server).await;
    assert_eq!((method.as_str(), path, body.as_str()), ("PATCH", format!("{ROUTES}/r%2F1"), r#"{"name":"helpdesk"}"#));
    assert_eq!(auth.as_deref(), Some("Bearer api-token"));
    assert_eq!((route.route.name.as_str(), route.account_tag.as_deref()), ("helpdesk", Some("acct-tag")));
}

#[tokio::test]
async fn delete_reads_the_six_field_object() {
    let server = MockServer::start().await;
    mount(&server, "DELETE", &format!("{ROUTES}/54442216"), json_answer(200, result(&record()))).await;
    let deleted = gateway(&server).delete_route("54442216").await.unwrap();
    assert_eq!((deleted.id.as_str(), deleted.elements.len()), ("54442216", 4));
    let (method, path, body, _) = sent(&server).await;
    assert_eq!((method.as_str(), path, body.as_str()), ("DELETE", format!("{ROUTES}/54442216"), ""));
}

#[tokio::test]
async fn create_version_sends_only_the_elements() {
    let server = MockServer::start().await;
    mount(&server, "POST", &format!("{ROUTES}/54442216/versions"), json_answer(200, result(&record()))).await;
    let saved = gateway(&server).create_route_version("54442216", &spec_route()).await.unwrap();
    assert_eq!(saved.name, "support");
    let (method, path, body, auth) = sent(&server).await;
    assert_eq!((method.as_str(), path), ("POST", format!("{ROUTES}/54442216/versions")));
    let expected = SPEC_CREATE.replacen(r#"{"name":"support","#, "{", 1);
    assert_eq!(body, expected);
    assert_eq!(auth.as_deref(), Some("Bearer api-token"));
}

#[tokio::test]
async fn list_versions_reads_active_as_a_string_and_ignores_comment() {
    let server = MockServer::start().await;
    let mut old = version("false");
    old["version_id"] = json!("v0");
    old["comment"] = json!("first try");
    old["is_valid"] = json!(true);
    let body = json!({"data": {"order_by": "created_at", "order_by_direction": "asc", "page": 1, "per_page": 20,
                               "versions": [old, version("true")]}, "success": true});
    mount(&server, "GET", &format!("{ROUTES}/54442216/versions"), json_answer(200, serde_json::to_vec(&body).unwrap()))
        .await;
    let versions = gateway(&server).list_route_versions("54442216").await.unwrap();
    let flags: Vec<_> = versions.items.iter().map(|v| (v.version_id.as_str(), v.active, v.is_valid)).collect();
    assert_eq!(flags, [("v0", false, Some(true)), ("v1", true, None)]);
}

#[tokio::test]
async fn active_must_be_true_or_false() {
    let server = MockServer::start().await;
    let body = json!({"data": {"versions": [version("yes")]}, "success": true});
    mount(&server, "GET", &format!("{ROUTES}/r1/versions"), json_answer(200, serde_json::to_vec(&body).unwrap())).await;
    let error = gateway(&server).list_route_versions("r1").await.unwrap_err();
    assert!(matches!(&error, Error::Decode { path, .. } if path.contains("active")), "{error:?}");
}

#[tokio::test]
async fn get_version_reads_the_detail_object() {
    let server = MockServer::start().await;
    let detail = json!({"id": "54442216", "active": "false", "created_at": "2026-12-01T09:00:00Z",
        "data": SPEC_CREATE_ELEMENTS, "elements": elements(), "gateway_id": "my-gateway",
        "modified_at": "2026-12-01T10:00:00Z", "name": "support", "version_id": "v1", "is_valid": false});
    mount(&server, "GET", &format!("{ROUTES}/54442216/versions/v1"), json_answer(200, result(&detail))).await;
    let version = gateway(&server).get_route_version("54442216", "v1").await.unwrap();
    assert_eq!((version.active, version.is_valid, version.route.elements.len()), (false, Some(false), 4));
    assert_eq!(sent(&server).await.1, format!("{ROUTES}/54442216/versions/v1"));
}

#[tokio::test]
async fn deploy_sends_the_version_id_and_deployments_are_listed() {
    let server = MockServer::start().await;
    let deployments = format!("{ROUTES}/54442216/deployments");
    mount(&server, "POST", &deployments, json_answer(200, result(&record()))).await;
    let gateway = gateway(&server);
    gateway.deploy_route_version("54442216", "v1").await.unwrap();
    let (method, path, body, auth) = sent(&server).await;
    assert_eq!(
        (method.as_str(), path.as_str(), body.as_str()),
        ("POST", deployments.as_str(), r#"{"version_id":"v1"}"#)
    );
    assert_eq!(auth.as_deref(), Some("Bearer api-token"));

    let server = MockServer::start().await;
    let mut old = deployment();
    old["comment"] = Value::Null;
    let body = json!({"data": {"deployments": [old], "order_by": "created_at", "order_by_direction": "desc",
                               "page": 1, "per_page": 20}, "success": true});
    mount(&server, "GET", &deployments, json_answer(200, serde_json::to_vec(&body).unwrap())).await;
    let listed = Ai::new(common::rest_config(&server, "api-token"))
        .unwrap()
        .gateway("my-gateway")
        .list_route_deployments("54442216")
        .await
        .unwrap();
    assert_eq!((listed.items[0].deployment_id.as_str(), listed.items[0].version_id.as_str()), ("d1", "v1"));
}

#[tokio::test]
async fn a_missing_route_or_version_is_route_not_found() {
    let server = MockServer::start().await;
    let missing = br#"{"errors":[{"code":7000,"message":"route not found"}],"result":{},"success":false}"#;
    mount(&server, "GET", &format!("{ROUTES}/nope"), json_answer(404, missing.to_vec())).await;
    mount(&server, "GET", &format!("{ROUTES}/r1/versions/v9"), json_answer(404, missing.to_vec())).await;
    let gateway = gateway(&server);
    let error = gateway.get_route("nope").await.unwrap_err();
    assert!(
        matches!(&error, Error::RouteNotFound { route_id, version_id: None, message } if route_id == "nope" && message == "route not found"),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(404));
    let error = gateway.get_route_version("r1", "v9").await.unwrap_err();
    assert!(matches!(&error, Error::RouteNotFound { version_id: Some(v), .. } if v == "v9"), "{error:?}");

    // A missing gateway stays a missing gateway.
    let no_gateway = br#"{"success":false,"error":[{"code":2001,"message":"Gateway not found"}]}"#;
    mount(&server, "GET", &format!("{ROUTES}/r2"), json_answer(404, no_gateway.to_vec())).await;
    let error = gateway.get_route("r2").await.unwrap_err();
    assert!(matches!(&error, Error::GatewayNotFound { .. }), "{error:?}");
}

#[tokio::test]
async fn a_refused_request_is_a_typed_api_error() {
    let server = MockServer::start().await;
    let refused = br#"{"errors":[{"message":"invalid elements"}],"result":{},"success":false}"#;
    mount(&server, "POST", ROUTES, json_answer(400, refused.to_vec())).await;
    let error = gateway(&server).create_route(&spec_route()).await.unwrap_err();
    let Error::Api { status: 400, errors } = &error else { panic!("{error:?}") };
    assert_eq!(errors[0].message, "invalid elements");
}

#[tokio::test]
async fn ids_that_are_not_a_path_segment_are_refused_before_sending() {
    let server = MockServer::start().await;
    let gateway = gateway(&server);
    for id in ["", ".", ".."] {
        let error = gateway.get_route(id).await.unwrap_err();
        assert!(matches!(&error, Error::InvalidInput { field, .. } if field == "route id"), "{error:?}");
        let error = gateway.get_route_version("r1", id).await.unwrap_err();
        assert!(matches!(&error, Error::InvalidInput { field, .. } if field == "version id"), "{error:?}");
    }
    let error = gateway.deploy_route_version("r1", "").await.unwrap_err();
    assert!(matches!(&error, Error::InvalidInput { field, .. } if field == "version id"), "{error:?}");
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn routes_are_rest_only_and_arc_dyn_gateway_forwards() {
    let server = MockServer::start().await;
    let binding = Ai::new(common::binding_config(&server)).unwrap().gateway("my-gateway");
    let error = binding.list_routes(&ListRoutes::new()).await.unwrap_err();
    assert!(matches!(&error, Error::InvalidInput { field, .. } if field == "transport"), "{error:?}");

    mount(&server, "GET", &format!("{ROUTES}/54442216"), json_answer(200, result(&route_object()))).await;
    let shared: Arc<dyn Gateway> = Arc::new(gateway(&server));
    assert_eq!(shared.get_route("54442216").await.unwrap().route.name, "support");
}
