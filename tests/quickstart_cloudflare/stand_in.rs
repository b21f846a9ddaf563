//! A strict, recording stand-in of Cloudflare: its gateway host and the
//! parts of its v4 API the quickstart uses, on two loopback servers
//! (wiremock, one per host), answering as `/work/shared/spec` says and
//! refusing what Cloudflare refuses. Every request is recorded, for the
//! tests to check against the spec.
//!
//! What it refuses, as Cloudflare does:
//! - the gateway host without a valid `cf-aig-authorization` on the
//!   `default` gateway, which Cloudflare creates with authentication on
//!   (401/2009, `cloudflare-2026.md` §5.10); a gateway that does not exist
//!   yet (400/2001: only an authenticated request creates `default`);
//! - the API host without the API token (401, v4 code 10000);
//! - a Workers AI step or route without the API token as its credential;
//! - a logs list ordered by a field only the bulk delete takes (400,
//!   `rest-api.md` §10.1 vs §10.6);
//! - a header whose value is not ASCII (how Cloudflare decodes such bytes is
//!   undocumented: a client must not depend on it).
//!
//! A universal step whose `cf-aig-request-timeout` is below
//! [`MODEL_LATENCY_MS`] times out and hands over to the next step
//! (`rest-api.md` §3, §4).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// How long every model takes to answer, as far as step timeouts go.
pub(crate) const MODEL_LATENCY_MS: u64 = 50;

/// The account the stand-in serves.
pub(crate) const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
/// The one API token it accepts (with AI Gateway and Workers AI permissions).
pub(crate) const API_TOKEN: &str = "cf-api-token-very-secret";

/// Which host a request went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Host {
    /// `gateway.ai.cloudflare.com/v1`.
    Gateway,
    /// `api.cloudflare.com/client/v4`.
    Api,
}

/// One recorded request.
#[derive(Debug, Clone)]
pub(crate) struct Recorded {
    pub(crate) host: Host,
    pub(crate) request: Request,
}

impl Recorded {
    /// Header `name` as text (`None` when absent or not UTF-8).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.request.headers.get(name).and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
    }
    /// The path, from the host's base on (`/{account}/...` or `/accounts/...`).
    pub(crate) fn path(&self) -> &str {
        let path = self.request.url.path();
        path.strip_prefix("/v1").or_else(|| path.strip_prefix("/client/v4")).unwrap_or(path)
    }
    /// The body as JSON (`Null` when it is not JSON).
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.request.body).unwrap_or(Value::Null)
    }
}

/// What the stand-in knows: gateways, logs, cache.
#[derive(Debug, Default)]
struct State {
    /// Gateways that exist (`default` once an authenticated request created it).
    gateways: Vec<String>,
    /// Logs, oldest first, by gateway.
    logs: Vec<(String, Value)>,
    /// Cached answers by request (URL and body).
    cache: HashMap<(String, Vec<u8>), Value>,
    /// Log ids handed out.
    next_id: u64,
}

impl State {
    /// A fresh lowercase `UUIDv7`-shaped log id.
    fn log_id(&mut self) -> String {
        self.next_id += 1;
        format!("019a7b3e-5f2c-7c41-9d3e-{:012x}", self.next_id)
    }
}

/// The two servers and what they share.
#[derive(Debug)]
pub(crate) struct StandIn {
    pub(crate) gateway: MockServer,
    pub(crate) api: MockServer,
}

impl StandIn {
    /// Starts both hosts.
    pub(crate) async fn start() -> Self {
        let state = Arc::new(Mutex::new(State::default()));
        let gateway = MockServer::start().await;
        let api = MockServer::start().await;
        for (server, host) in [(&gateway, Host::Gateway), (&api, Host::Api)] {
            Mock::given(any()).respond_with(Responder { host, state: Arc::clone(&state) }).mount(server).await;
        }
        Self { gateway, api }
    }

    /// The value of `CF_AIG_BASE_URL` for it.
    pub(crate) fn gateway_base_url(&self) -> String {
        format!("{}/v1", self.gateway.uri())
    }

    /// The value of `CLOUDFLARE_API_BASE_URL` for it.
    pub(crate) fn api_base_url(&self) -> String {
        format!("{}/client/v4", self.api.uri())
    }

    /// Every request either host received, in order per host (gateway host first).
    pub(crate) async fn recorded(&self) -> Vec<Recorded> {
        let mut out = Vec::new();
        for (server, host) in [(&self.gateway, Host::Gateway), (&self.api, Host::Api)] {
            let requests = server.received_requests().await.unwrap_or_default();
            out.extend(requests.into_iter().map(|request| Recorded { host, request }));
        }
        out
    }
}

struct Responder {
    host: Host,
    state: Arc<Mutex<State>>,
}

/// `{"success": false, "error": [{code, message}]}`: the gateway host's error shape.
fn gateway_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(json!({"success": false, "error": [{"code": code, "message": message}]}))
}

/// The v4 API's error shape.
fn api_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(
        json!({"success": false, "result": null, "errors": [{"code": code, "message": message}], "messages": []}),
    )
}

fn bearer(request: &Request, name: &str) -> Option<String> {
    let value = std::str::from_utf8(request.headers.get(name)?.as_bytes()).ok()?;
    value.strip_prefix("Bearer ").map(str::to_owned)
}

impl Respond for Responder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        if let Some((name, _)) = request.headers.iter().find(|(_, v)| !v.as_bytes().is_ascii()) {
            return gateway_error(400, 2000, &format!("header {name} is not ASCII"));
        }
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match self.host {
            Host::Gateway => gateway_host(&mut state, request),
            Host::Api => api_host(&mut state, request),
        }
    }
}

/// `POST /v1/{account}/{gateway}[/{provider}/{endpoint}]`.
fn gateway_host(state: &mut State, request: &Request) -> ResponseTemplate {
    let path = request.url.path().strip_prefix("/v1/").unwrap_or_default().to_owned();
    let mut parts = path.splitn(4, '/');
    let (account, gateway) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default().to_owned());
    if account != ACCOUNT || request.method.as_str() != "POST" {
        return gateway_error(404, 2000, "not found");
    }
    let authenticated = bearer(request, "cf-aig-authorization").as_deref() == Some(API_TOKEN);
    if !state.gateways.contains(&gateway) {
        if gateway == "default" && authenticated {
            state.gateways.push(gateway.clone());
        } else {
            return gateway_error(400, 2001, "Please configure AI Gateway in the Cloudflare dashboard");
        }
    }
    // `default` is created with authentication on.
    if !authenticated {
        return gateway_error(401, 2009, "Unauthorized");
    }
    let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
        return gateway_error(400, 2000, "the body is not JSON");
    };
    match (parts.next(), parts.next()) {
        (None, _) => universal(state, &gateway, request, &body),
        (Some("workers-ai"), Some(model)) => {
            if bearer(request, "authorization").as_deref() != Some(API_TOKEN) {
                return api_error(401, 10_000, "Authentication error");
            }
            let metadata = request.headers.get("cf-aig-metadata").and_then(|v| v.to_str().ok());
            let metadata = metadata.and_then(|m| serde_json::from_str::<Value>(m).ok());
            let cache_key = request
                .headers
                .contains_key("cf-aig-cache-ttl")
                .then(|| (request.url.to_string(), request.body.clone()));
            workers_ai(state, &gateway, model, &body, metadata, cache_key, None)
        }
        _ => gateway_error(400, 2000, "this stand-in serves the universal endpoint and the workers-ai route"),
    }
}

/// The universal endpoint: steps in order, the first that answers wins.
fn universal(state: &mut State, gateway: &str, request: &Request, body: &Value) -> ResponseTemplate {
    let steps = body.as_array().cloned().unwrap_or_default();
    let request_timeout =
        request.headers.get("cf-aig-request-timeout").and_then(|v| v.to_str().ok()).map(str::to_owned);
    for (index, step) in steps.iter().enumerate() {
        // Step header names are case-insensitive, as HTTP header names are.
        let header = |name: &str| {
            let headers = step["headers"].as_object()?;
            headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).and_then(|(_, v)| v.as_str().map(str::to_owned))
        };
        let timeout = header("cf-aig-request-timeout").or_else(|| request_timeout.clone());
        if timeout.and_then(|t| t.parse::<u64>().ok()).is_some_and(|t| t < MODEL_LATENCY_MS) {
            let id = state.log_id();
            let log = log_object(
                &id,
                gateway,
                "workers-ai",
                step["endpoint"].as_str().unwrap_or_default(),
                None,
                false,
                504,
                Some(index),
            );
            state.logs.push((gateway.to_owned(), log));
            continue;
        }
        if step["provider"] != "workers-ai"
            || header("authorization").as_deref() != Some(&format!("Bearer {API_TOKEN}"))
        {
            return gateway_error(400, 2000, "this stand-in's universal steps are Workers AI steps with the API token");
        }
        let model = step["endpoint"].as_str().unwrap_or_default().to_owned();
        return workers_ai(state, gateway, &model, &step["query"], None, None, Some(index));
    }
    gateway_error(502, 2000, "every step failed")
}

/// A Workers AI answer (plain or streamed), logged.
fn workers_ai(
    state: &mut State,
    gateway: &str,
    model: &str,
    input: &Value,
    metadata: Option<Value>,
    cache_key: Option<(String, Vec<u8>)>,
    step: Option<usize>,
) -> ResponseTemplate {
    let id = state.log_id();
    let cached = cache_key.as_ref().and_then(|key| state.cache.get(key)).cloned();
    let log = log_object(&id, gateway, "workers-ai", model, metadata, cached.is_some(), 200, step);
    state.logs.push((gateway.to_owned(), log));
    let mut answer = ResponseTemplate::new(200).insert_header("cf-aig-log-id", id.as_str());
    if let Some(step) = step {
        answer = answer.insert_header("cf-aig-step", step.to_string().as_str());
    }
    if input["stream"] == true {
        let events =
            "data: {\"response\":\"An AI gateway\"}\n\ndata: {\"response\":\" sits between.\"}\n\ndata: [DONE]\n\n";
        return answer.set_body_raw(events, "text/event-stream");
    }
    let body = json!({"result": {"response": "An AI gateway sits between an app and its models."}, "success": true, "errors": [], "messages": []});
    if let Some(key) = cache_key {
        answer = answer.insert_header("cf-aig-cache-status", if cached.is_some() { "HIT" } else { "MISS" });
        state.cache.insert(key, body.clone());
    }
    answer.set_body_json(body)
}

#[allow(clippy::too_many_arguments, reason = "a log object's fields, named at the call")]
fn log_object(
    id: &str,
    gateway: &str,
    provider: &str,
    model: &str,
    metadata: Option<Value>,
    cached: bool,
    status: u16,
    step: Option<usize>,
) -> Value {
    let path = format!("{gateway}/{provider}");
    json!({
        "id": id, "cached": cached, "created_at": "2026-12-05T06:00:00.000Z", "duration": 12,
        "model": model, "path": path, "provider": provider, "success": status == 200,
        "tokens_in": 11, "tokens_out": 11, "cost": 0, "custom_cost": false,
        "metadata": metadata.map(|m| m.to_string()), "model_type": "text-generation",
        "request_content_type": "application/json", "request_type": "universal",
        "response_content_type": "application/json", "status_code": status, "step": step.unwrap_or(0),
        "feedback": null, "score": null,
    })
}

/// `/client/v4/accounts/{account}/...`: the REST API and the logs API.
fn api_host(state: &mut State, request: &Request) -> ResponseTemplate {
    if bearer(request, "authorization").as_deref() != Some(API_TOKEN) {
        return api_error(401, 10_000, "Authentication error");
    }
    let path = request.url.path().strip_prefix("/client/v4/accounts/").unwrap_or_default().to_owned();
    let Some((account, rest)) = path.split_once('/') else { return api_error(404, 7000, "No route for that URI") };
    if account != ACCOUNT {
        return api_error(403, 10_000, "Authentication error");
    }
    let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
    match (request.method.as_str(), rest) {
        ("POST", "ai/run" | "ai/v1/chat/completions") => {
            // No `cf-aig-gateway-id`: the account's default gateway, created by this authenticated request.
            let gateway = request.headers.get("cf-aig-gateway-id").and_then(|v| v.to_str().ok()).unwrap_or("default");
            if gateway != "default" && !state.gateways.iter().any(|g| g == gateway) {
                return gateway_error(400, 2001, "Please configure AI Gateway in the Cloudflare dashboard");
            }
            if !state.gateways.iter().any(|g| g == gateway) {
                state.gateways.push(gateway.to_owned());
            }
            let model = body["model"].as_str().unwrap_or_default().to_owned();
            let provider = model.split('/').next().unwrap_or_default().to_owned();
            let id = state.log_id();
            state.logs.push((gateway.to_owned(), log_object(&id, gateway, &provider, &model, None, false, 200, None)));
            let completion = json!({
                "id": "chatcmpl-1", "object": "chat.completion", "created": 1_764_900_000, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": "An AI gateway sits between an app and its models."}}],
                "usage": {"prompt_tokens": 11, "completion_tokens": 11, "total_tokens": 22},
            });
            let body = if rest == "ai/run" {
                json!({"result": completion, "success": true, "errors": [], "messages": []})
            } else {
                completion
            };
            ResponseTemplate::new(200)
                .insert_header("cf-aig-log-id", id.as_str())
                .insert_header("cf-aig-provider", provider.as_str())
                .set_body_json(body)
        }
        (method, rest) if rest.starts_with("ai-gateway/gateways/") => logs_api(state, request, method, rest, &body),
        _ => api_error(404, 7000, "No route for that URI"),
    }
}

/// `ai-gateway/gateways/{gateway}/logs[/{id}]`: get, patch, list.
fn logs_api(state: &mut State, request: &Request, method: &str, rest: &str, body: &Value) -> ResponseTemplate {
    let parts: Vec<&str> = rest.split('/').collect();
    let gateway = parts.get(2).copied().unwrap_or_default();
    if !state.gateways.iter().any(|g| g == gateway) {
        return api_error(404, 7002, "Not Found");
    }
    match (method, &parts[3..]) {
        ("GET", ["logs"]) => {
            let mut feedback = None;
            let mut key = None;
            for (name, value) in request.url.query_pairs() {
                match (name.as_ref(), value.as_ref()) {
                    ("order_by", "created_at" | "provider" | "model" | "model_type" | "success" | "cached") => {}
                    ("order_by", other) => {
                        return api_error(400, 7001, &format!("order_by: {other} is not one of the list's orderings"));
                    }
                    ("filters.key", k) => key = Some(k.to_owned()),
                    ("filters.value", v) if key.as_deref() == Some("feedback") => feedback = v.parse::<i64>().ok(),
                    _ => {}
                }
            }
            let logs: Vec<Value> = state
                .logs
                .iter()
                .filter(|(g, log)| g == gateway && feedback.is_none_or(|f| log["feedback"] == f))
                .map(|(_, log)| log.clone())
                .collect();
            let count = logs.len();
            ResponseTemplate::new(200).set_body_json(json!({
                "result": logs, "success": true,
                "result_info": {"count": count, "page": 1, "per_page": 20, "total_count": count},
            }))
        }
        (_, ["logs", id]) => {
            let Some((_, log)) = state.logs.iter_mut().find(|(g, log)| g == gateway && log["id"] == *id) else {
                return api_error(404, 7002, "Not Found");
            };
            match method {
                "GET" => ResponseTemplate::new(200).set_body_json(json!({"result": log, "success": true})),
                "PATCH" => {
                    for field in ["feedback", "score", "metadata"] {
                        if let Some(value) = body.get(field) {
                            log[field] = value.clone();
                        }
                    }
                    ResponseTemplate::new(200).set_body_json(json!({"result": {}, "success": true}))
                }
                _ => api_error(405, 7000, "method not allowed"),
            }
        }
        _ => api_error(404, 7000, "No route for that URI"),
    }
}
