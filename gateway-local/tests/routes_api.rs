//! The dynamic-routing REST operations (`cloudflare-2026.md` §3.3) served by
//! gateway-local, driven by the gateway-core client: create, list, get,
//! rename, versions, deploy, deployments and delete; kept across a restart on
//! the same database file; an invalid graph refused with 400 (nothing
//! stored); a missing route a 404; a wrong token refused.

use std::time::Duration;

use common::TempDir;
use common::harness::{API_TOKEN, Harness};
use gateway_core::route::{ListRoutes, ModelSpec, Route};
use gateway_core::{Ai, Error, Gateway};
use gateway_local::{Database, GatewaySettings, LocalConfig};
use reqwest::Method;
use serde_json::{Value, json};

mod common;

fn config() -> LocalConfig {
    LocalConfig::default().with_gateway("main", GatewaySettings::default())
}

/// start -> `model` (falling back to a second model) -> end.
fn route(name: &str, model: &str) -> Route {
    let minute = Duration::from_secs(60);
    Route::build(name, |b| {
        let end = b.end("end");
        let backup = b.model("backup", ModelSpec::new("anthropic", "claude-sonnet-4", minute, 0), end, end);
        let first = b.model("first", ModelSpec::new("openai", model, minute, 2), end, backup);
        b.start("start", first)
    })
    .expect("a valid route")
}

fn model_of(route: &Route) -> Value {
    let json = serde_json::to_value(&route.elements).unwrap();
    json.as_array().unwrap().iter().find(|e| e["id"] == "first").unwrap()["properties"]["model"].clone()
}

#[tokio::test]
async fn routes_versions_and_deployments_round_trip_and_survive_a_restart() {
    let dir = TempDir::new("routes-api");
    let db = dir.join("routes.db");
    let v1 = route("support", "gpt-4.1");
    let v2 = route("support", "gpt-5.5");
    let (route_id, v2_id) = {
        let local = Harness::start_with(config(), Database::File(db.clone())).await;
        let ai = Ai::new(local.gateway.client_config()).unwrap();
        let main = ai.gateway("main");

        let created = main.create_route(&v1).await.unwrap();
        assert_eq!(created.route.name, "support");
        assert_eq!(created.route.gateway_id, "main");
        assert_eq!(created.route.elements, v1.elements);
        // Created with its first version, live.
        let first = created.version.clone().expect("a version");
        assert!(first.active);
        assert_eq!(first.elements().unwrap(), v1.elements);
        assert_eq!(created.deployment.as_ref().map(|d| d.version_id.as_str()), Some(first.version_id.as_str()));
        let id = created.route.id.clone();

        let listed = main.list_routes(&ListRoutes::new()).await.unwrap();
        assert_eq!(listed.items.len(), 1);
        assert_eq!(listed.items[0].route.id, id);
        assert_eq!(listed.items[0].account_tag.as_deref(), Some(common::harness::ACCOUNT));
        assert_eq!(main.get_route(&id).await.unwrap(), created);

        let renamed = main.rename_route(&id, "helpdesk").await.unwrap();
        assert_eq!(renamed.route.name, "helpdesk");
        assert_eq!(main.get_route(&id).await.unwrap().route.name, "helpdesk");

        // A second version is a draft until deployed.
        let saved = main.create_route_version(&id, &v2).await.unwrap();
        assert_eq!((saved.id.as_str(), saved.elements.clone()), (id.as_str(), v2.elements.clone()));
        let versions = main.list_route_versions(&id).await.unwrap();
        assert_eq!(versions.items.len(), 2);
        let newest = versions.items[0].clone();
        assert_eq!(newest.elements().unwrap(), v2.elements);
        assert!(!newest.active && versions.items[1].active);
        assert_eq!(main.get_route(&id).await.unwrap().route.elements, v1.elements);

        let deployed = main.deploy_route_version(&id, &newest.version_id).await.unwrap();
        assert_eq!(deployed.elements, v2.elements);
        let detail = main.get_route_version(&id, &newest.version_id).await.unwrap();
        assert!(detail.active);
        assert_eq!(detail.route.elements, v2.elements);
        let deployments = main.list_route_deployments(&id).await.unwrap();
        let order: Vec<&str> = deployments.items.iter().map(|d| d.version_id.as_str()).collect();
        assert_eq!(order, [newest.version_id.as_str(), first.version_id.as_str()]);
        local.gateway.shutdown().await.expect("shutdown");
        (id, newest.version_id)
    };

    let local = Harness::start_with(config(), Database::File(db)).await;
    let ai = Ai::new(local.gateway.client_config()).unwrap();
    let main = ai.gateway("main");
    let kept = main.get_route(&route_id).await.unwrap();
    assert_eq!(kept.route.name, "helpdesk");
    assert_eq!(kept.route.elements, v2.elements);
    assert_eq!(kept.version.map(|v| v.version_id), Some(v2_id.clone()));
    assert_eq!(main.list_route_versions(&route_id).await.unwrap().items.len(), 2);
    assert_eq!(main.list_route_deployments(&route_id).await.unwrap().items[0].version_id, v2_id);
    assert_eq!(model_of(&v2), json!("gpt-5.5"));

    let deleted = main.delete_route(&route_id).await.unwrap();
    assert_eq!((deleted.id.as_str(), deleted.name.as_str()), (route_id.as_str(), "helpdesk"));
    assert!(matches!(main.get_route(&route_id).await, Err(Error::RouteNotFound { .. })));
    assert!(matches!(main.list_route_versions(&route_id).await, Err(Error::RouteNotFound { .. })));
    assert!(main.list_routes(&ListRoutes::new()).await.unwrap().items.is_empty());
}

#[tokio::test]
async fn the_answers_have_the_spec_shapes() {
    let local = Harness::start(config()).await;
    let url = local.api_url("main", "routes");
    let body = serde_json::to_vec(&route("support", "gpt-4.1")).unwrap();
    let created = local.v4(Method::POST, &url, Some(&body)).await;
    assert_eq!(created.status, 200, "{}", created.text());
    let result = created.json()["result"].clone();
    assert_eq!(result["version"]["active"], json!("true"), "`active` is a string: {result}");
    assert!(result["version"]["data"].is_string(), "{result}");
    assert!(result.get("account_tag").is_none(), "create answers no account_tag: {result}");
    let id = result["id"].as_str().unwrap().to_owned();

    let listed = local.v4(Method::GET, &url, None).await.json();
    assert_eq!(listed["success"], json!(true));
    assert!(listed["data"]["routes"][0]["account_tag"].is_string(), "{listed}");
    for key in ["order_by", "order_by_direction", "page", "per_page"] {
        assert!(listed["data"].get(key).is_some(), "{key}: {listed}");
    }
    let renamed = local.v4(Method::PATCH, &format!("{url}/{id}"), Some(br#"{"name":"x"}"#)).await.json();
    assert_eq!((renamed["success"].clone(), renamed["route"]["name"].clone()), (json!(true), json!("x")));
    let deleted = local.v4(Method::DELETE, &format!("{url}/{id}"), None).await.json();
    let mut keys: Vec<&String> = deleted["result"].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["created_at", "elements", "gateway_id", "id", "modified_at", "name"]);
    // A missing route or version: 404 in the v4 shape.
    local.v4(Method::GET, &format!("{url}/{id}"), None).await.v4_error(404, 7002);
    local.v4(Method::GET, &format!("{url}/{id}/versions/nope"), None).await.v4_error(404, 7002);
}

#[tokio::test]
async fn an_invalid_graph_is_refused_and_nothing_is_stored() {
    let local = Harness::start(config()).await;
    let url = local.api_url("main", "routes");
    // The end is not reachable, and `start` points at an element that does not exist.
    let dangling = json!({"name": "bad", "elements": [
        {"id": "start", "type": "start", "outputs": {"next": {"elementId": "nowhere"}}},
        {"id": "end", "type": "end", "outputs": {}}]});
    let answer = local.v4(Method::POST, &url, Some(dangling.to_string().as_bytes())).await;
    let message = answer.v4_error(400, 7001);
    assert!(message.contains("nowhere"), "{message}");
    local.v4(Method::POST, &url, Some(b"{\"name\":")).await.v4_error(400, 7001);
    let listed = local.v4(Method::GET, &url, None).await.json();
    assert_eq!(listed["data"]["routes"], json!([]), "{listed}");

    // A version that breaks the rules is refused too; the route keeps one version.
    let ai = Ai::new(local.gateway.client_config()).unwrap();
    let id = ai.gateway("main").create_route(&route("ok", "gpt-4.1")).await.unwrap().route.id;
    let versions = local.api_url("main", &format!("routes/{id}/versions"));
    let elements = json!({"elements": dangling["elements"]}).to_string();
    local.v4(Method::POST, &versions, Some(elements.as_bytes())).await.v4_error(400, 7001);
    assert_eq!(ai.gateway("main").list_route_versions(&id).await.unwrap().items.len(), 1);
}

#[tokio::test]
async fn a_wrong_token_is_refused() {
    let local = Harness::start(config()).await;
    let url = local.api_url("main", "routes");
    let body = serde_json::to_string(&route("support", "gpt-4.1")).unwrap();
    for token in [Some("wrong-token"), None] {
        let mut request = local.http.post(&url).header("content-type", "application/json").body(body.clone());
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        local.send(request).await.v4_error(401, 10000);
    }
    let ai = Ai::new(local.gateway.client_config().with_api_token("wrong-token")).unwrap();
    let error = ai.gateway("main").list_routes(&ListRoutes::new()).await.unwrap_err();
    assert_eq!(error.status(), Some(401), "{error}");
    // Nothing was created; the right token lists an empty gateway.
    assert_ne!(API_TOKEN, "wrong-token");
    let listed = local.v4(Method::GET, &url, None).await.json();
    assert_eq!(listed["data"]["routes"], json!([]), "{listed}");
}
