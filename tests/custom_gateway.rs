//! Gateways written by a user: not the HTTP one, so typed calls
//! (`GatewayExt::run_model`) reach them through `Gateway::provider_request`
//! as a `serde_json::Value`. One wraps the HTTP gateway: it gets exactly what
//! the typed request serializes to, and what it answers decodes as the typed
//! response. The other is a test double with no HTTP at all: every answer it
//! gives is built with gateway-core's public constructors.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use gateway_core::jiff::Timestamp;
use gateway_core::models::openai::Gpt4oMiniRequest;
use gateway_core::models::workers_ai::{ChatMessage, Llama31Instruct, Llama31InstructInput, Llama31InstructRequest};
use gateway_core::route::{
    Deployment, ListRoutes, Listing, Route, RouteInfo, RouteRecord, RouteVersion, RouteVersionDetail,
};
use gateway_core::stream::StreamExt as _;
use gateway_core::{
    Ai, AiGatewayLog, BuiltinProvider, DeleteLogs, EventStream, Feedback, Gateway, GatewayExt as _, GatewayMeta,
    GatewayResponse, HttpGateway, ListLogs, LogPage, LogPayload, Model, ModelRequest, PatchLog, Provider, ProviderSlug,
    Result, ResultInfo, SpendLimit, UniversalOptions, UniversalRequest,
};
use gateway_local::LocalGateway;
use serde_json::Value;

/// One provider request as the gateway received it.
#[derive(Clone, Debug, PartialEq)]
struct Received {
    provider: ProviderSlug,
    endpoint: String,
    body: Value,
}

/// Records the provider requests and log patches it gets, then hands
/// everything to the HTTP gateway it wraps (a user's middleware).
#[derive(Clone, Debug)]
struct Recording {
    inner: HttpGateway,
    received: Arc<Mutex<Vec<Received>>>,
    patched: Arc<Mutex<Vec<String>>>,
}

impl Recording {
    fn new(inner: HttpGateway) -> Self {
        Self { inner, received: Arc::default(), patched: Arc::default() }
    }

    fn record(&self, provider: &dyn Provider, endpoint: &str, body: &Value) {
        let received = Received { provider: provider.slug(), endpoint: endpoint.to_owned(), body: body.clone() };
        self.received.lock().unwrap_or_else(PoisonError::into_inner).push(received);
    }

    fn take_received(&self) -> Vec<Received> {
        std::mem::take(&mut *self.received.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

#[async_trait]
impl Gateway for Recording {
    fn id(&self) -> &str {
        self.inner.id()
    }
    async fn patch_log(&self, log_id: &str, patch: &PatchLog) -> Result<()> {
        self.patched.lock().unwrap_or_else(PoisonError::into_inner).push(log_id.to_owned());
        self.inner.patch_log(log_id, patch).await
    }
    async fn get_log(&self, log_id: &str) -> Result<AiGatewayLog> {
        self.inner.get_log(log_id).await
    }
    async fn run(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<GatewayResponse> {
        self.inner.run(request, options).await
    }
    async fn get_url(&self, provider: Option<&ProviderSlug>) -> Result<String> {
        self.inner.get_url(provider).await
    }
    async fn provider_request(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<GatewayResponse> {
        self.record(provider, endpoint, body);
        self.inner.provider_request(provider, endpoint, body, options).await
    }
    async fn run_stream(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<EventStream> {
        self.inner.run_stream(request, options).await
    }
    async fn provider_request_stream(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<EventStream> {
        self.record(provider, endpoint, body);
        self.inner.provider_request_stream(provider, endpoint, body, options).await
    }
    async fn list_logs(&self, query: &ListLogs) -> Result<LogPage> {
        self.inner.list_logs(query).await
    }
    async fn delete_logs(&self, query: &DeleteLogs) -> Result<()> {
        self.inner.delete_logs(query).await
    }
    async fn log_request(&self, log_id: &str) -> Result<LogPayload> {
        self.inner.log_request(log_id).await
    }
    async fn log_response(&self, log_id: &str) -> Result<LogPayload> {
        self.inner.log_response(log_id).await
    }
    async fn wait_for_log(&self, log_id: &str, wait: Duration) -> Result<AiGatewayLog> {
        self.inner.wait_for_log(log_id, wait).await
    }
    async fn spend_limits(&self) -> Result<Vec<SpendLimit>> {
        self.inner.spend_limits().await
    }
    async fn set_spend_limits(&self, rules: &[SpendLimit]) -> Result<Vec<SpendLimit>> {
        self.inner.set_spend_limits(rules).await
    }
    async fn create_route(&self, route: &Route) -> Result<RouteInfo> {
        self.inner.create_route(route).await
    }
    async fn list_routes(&self, query: &ListRoutes) -> Result<Listing<RouteInfo>> {
        self.inner.list_routes(query).await
    }
    async fn get_route(&self, route_id: &str) -> Result<RouteInfo> {
        self.inner.get_route(route_id).await
    }
    async fn rename_route(&self, route_id: &str, name: &str) -> Result<RouteInfo> {
        self.inner.rename_route(route_id, name).await
    }
    async fn delete_route(&self, route_id: &str) -> Result<RouteRecord> {
        self.inner.delete_route(route_id).await
    }
    async fn create_route_version(&self, route_id: &str, route: &Route) -> Result<RouteRecord> {
        self.inner.create_route_version(route_id, route).await
    }
    async fn list_route_versions(&self, route_id: &str) -> Result<Listing<RouteVersion>> {
        self.inner.list_route_versions(route_id).await
    }
    async fn get_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteVersionDetail> {
        self.inner.get_route_version(route_id, version_id).await
    }
    async fn deploy_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteRecord> {
        self.inner.deploy_route_version(route_id, version_id).await
    }
    async fn list_route_deployments(&self, route_id: &str) -> Result<Listing<Deployment>> {
        self.inner.list_route_deployments(route_id).await
    }
}

#[tokio::test]
async fn a_user_written_gateway_receives_typed_requests_as_they_serialize() {
    let local = LocalGateway::builder().offline(true).start().await.expect("start");
    let ai = Ai::new(local.client_config()).unwrap();
    let gateway = Recording::new(ai.gateway("main"));
    let options = UniversalOptions::new();

    // An OpenAI chat request, with optional fields set.
    let openai = BuiltinProvider::openai("sk-test");
    let gpt = Gpt4oMiniRequest::new(vec![ChatMessage::system("be brief"), ChatMessage::user("hi \"there\" é")])
        .temperature(0.5)
        .n(1);
    let result = gateway.run_model(&openai, &gpt, &options).await.unwrap();
    assert!(result.response.choices[0].message.content.as_deref().unwrap().starts_with("Offline answer"));
    let received = gateway.take_received();
    let expected = Received {
        provider: ProviderSlug::Openai,
        endpoint: "chat/completions".to_owned(),
        body: serde_json::to_value(&gpt).unwrap(),
    };
    assert_eq!(received, [expected]);
    assert_eq!(received[0].body, gpt.to_query().unwrap(), "the body a universal step would carry");
    // What the wrapped gateway forwarded upstream is that body too.
    let log_id = result.meta.log_id.clone().expect("logged");
    let stored = ai.gateway("main").log_request(&log_id).await.unwrap().json::<Value>().unwrap();
    assert_eq!(stored, received[0].body);
    // The result's log is reached through the user's gateway, not around it.
    result.feedback(Feedback::Positive).await.unwrap();
    assert_eq!(*gateway.patched.lock().unwrap(), [log_id]);

    // A Workers AI model on its provider route: the endpoint is the model id.
    let workers = BuiltinProvider::workers_ai("cf-token");
    let llama = Llama31InstructRequest::new(Llama31InstructInput::Prompt("hi".into())).max_tokens(16);
    let result = gateway.run_model(&workers, &llama, &options).await.unwrap();
    assert!(result.response.response.is_some());
    let received = gateway.take_received();
    assert_eq!(received.len(), 1);
    assert_eq!((&received[0].provider, received[0].endpoint.as_str()), (&ProviderSlug::WorkersAi, Llama31Instruct::ID));
    assert_eq!(received[0].body, serde_json::to_value(&llama).unwrap());
    local.shutdown().await.unwrap();
}

/// A test double: canned answers, no HTTP, built only with what gateway-core
/// exports (`GatewayResponse::new`, `EventStream::from_sse`, `LogPage::new`,
/// `LogPayload::new`, `AiGatewayLog::new`; route answers from their JSON).
#[derive(Clone, Debug, Default)]
struct Canned {
    patched: Arc<Mutex<Vec<(String, PatchLog)>>>,
}

const CANNED_LOG: &str = "019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07";
const CANNED_ANSWER: &str = r#"{"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"canned"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"#;

fn canned_headers(content_type: &str) -> gateway_core::http::HeaderMap {
    let mut headers = gateway_core::http::HeaderMap::new();
    headers.insert("content-type", content_type.parse().unwrap());
    headers.insert("cf-aig-log-id", CANNED_LOG.parse().unwrap());
    headers.insert("cf-aig-cache-status", "HIT".parse().unwrap());
    headers
}

fn canned_log() -> AiGatewayLog {
    let mut log = AiGatewayLog::new(CANNED_LOG, "openai", "gpt-4o-mini", Timestamp::UNIX_EPOCH);
    log.success = true;
    log
}

/// What the double does not do.
fn not_canned(operation: &str) -> gateway_core::Error {
    gateway_core::Error::GatewayInternal { status: 501, message: format!("{operation} is not canned") }
}

#[async_trait]
impl Gateway for Canned {
    fn id(&self) -> &'static str {
        "canned"
    }
    async fn patch_log(&self, log_id: &str, patch: &PatchLog) -> Result<()> {
        self.patched.lock().unwrap_or_else(PoisonError::into_inner).push((log_id.to_owned(), patch.clone()));
        Ok(())
    }
    async fn get_log(&self, _log_id: &str) -> Result<AiGatewayLog> {
        Ok(canned_log())
    }
    async fn run(&self, _request: UniversalRequest, _options: &UniversalOptions) -> Result<GatewayResponse> {
        Ok(GatewayResponse::new(200, canned_headers("application/json"), CANNED_ANSWER))
    }
    async fn get_url(&self, _provider: Option<&ProviderSlug>) -> Result<String> {
        Ok("http://canned.invalid/".to_owned())
    }
    async fn provider_request(
        &self,
        _provider: &dyn Provider,
        _endpoint: &str,
        _body: &Value,
        _options: &UniversalOptions,
    ) -> Result<GatewayResponse> {
        Ok(GatewayResponse::new(200, canned_headers("application/json"), CANNED_ANSWER))
    }
    async fn run_stream(&self, _request: UniversalRequest, _options: &UniversalOptions) -> Result<EventStream> {
        Err(not_canned("run_stream"))
    }
    async fn provider_request_stream(
        &self,
        _provider: &dyn Provider,
        _endpoint: &str,
        _body: &Value,
        _options: &UniversalOptions,
    ) -> Result<EventStream> {
        // Cut mid-event, as a network would.
        let body = [
            r#"data: {"id":"c","choices":[{"index":0,"delta":{"role":"assistant","content":"can"}}]}"#,
            "\n\ndata: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"con",
            "tent\":\"ned\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n",
        ]
        .map(gateway_core::bytes::Bytes::from);
        let meta = GatewayMeta::from_headers(200, &canned_headers("text/event-stream"));
        Ok(EventStream::from_sse(meta, futures::stream::iter(body)))
    }
    async fn list_logs(&self, _query: &ListLogs) -> Result<LogPage> {
        let mut info = ResultInfo::default();
        info.total_count = Some(1);
        Ok(LogPage::new(vec![canned_log()], info))
    }
    async fn delete_logs(&self, _query: &DeleteLogs) -> Result<()> {
        Err(not_canned("delete_logs"))
    }
    async fn log_request(&self, _log_id: &str) -> Result<LogPayload> {
        Err(not_canned("log_request"))
    }
    async fn log_response(&self, _log_id: &str) -> Result<LogPayload> {
        Ok(LogPayload::new(Some("application/json".to_owned()), CANNED_ANSWER))
    }
    async fn wait_for_log(&self, _log_id: &str, _wait: Duration) -> Result<AiGatewayLog> {
        Ok(canned_log())
    }
    async fn spend_limits(&self) -> Result<Vec<SpendLimit>> {
        Ok(Vec::new())
    }
    async fn set_spend_limits(&self, _rules: &[SpendLimit]) -> Result<Vec<SpendLimit>> {
        Err(not_canned("set_spend_limits"))
    }
    async fn create_route(&self, _route: &Route) -> Result<RouteInfo> {
        Err(not_canned("create_route"))
    }
    async fn list_routes(&self, _query: &ListRoutes) -> Result<Listing<RouteInfo>> {
        // Route answers are the API's JSON, decoded.
        let page = serde_json::json!({
            "routes": [{"id": "r1", "name": "chat", "gateway_id": "canned", "created_at": "2026-01-01T00:00:00Z",
                        "modified_at": "2026-01-01T00:00:00Z", "elements": []}],
            "page": 1, "per_page": 20
        });
        Ok(serde_json::from_value(page).unwrap())
    }
    async fn get_route(&self, _route_id: &str) -> Result<RouteInfo> {
        Err(not_canned("get_route"))
    }
    async fn rename_route(&self, _route_id: &str, _name: &str) -> Result<RouteInfo> {
        Err(not_canned("rename_route"))
    }
    async fn delete_route(&self, _route_id: &str) -> Result<RouteRecord> {
        Err(not_canned("delete_route"))
    }
    async fn create_route_version(&self, _route_id: &str, _route: &Route) -> Result<RouteRecord> {
        Err(not_canned("create_route_version"))
    }
    async fn list_route_versions(&self, _route_id: &str) -> Result<Listing<RouteVersion>> {
        Err(not_canned("list_route_versions"))
    }
    async fn get_route_version(&self, _route_id: &str, _version_id: &str) -> Result<RouteVersionDetail> {
        Err(not_canned("get_route_version"))
    }
    async fn deploy_route_version(&self, _route_id: &str, _version_id: &str) -> Result<RouteRecord> {
        Err(not_canned("deploy_route_version"))
    }
    async fn list_route_deployments(&self, _route_id: &str) -> Result<Listing<Deployment>> {
        Err(not_canned("list_route_deployments"))
    }
}

#[tokio::test]
async fn a_test_double_gateway_answers_typed_calls_streams_and_logs_with_no_http() {
    let gateway = Canned::default();
    let openai = BuiltinProvider::openai("sk-test");
    let options = UniversalOptions::new();
    let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]);

    // A typed call decodes the double's answer and reads its report from the headers.
    let result = gateway.run_model(&openai, &request, &options).await.unwrap();
    assert_eq!(result.response.choices[0].message.content.as_deref(), Some("canned"));
    assert_eq!(result.log_id(), Some(CANNED_LOG));
    assert!(result.meta.is_cache_hit());
    // Feedback on the result's log goes to the double.
    result.feedback(Feedback::Positive).await.unwrap();
    let patched = gateway.patched.lock().unwrap().clone();
    assert_eq!(patched.len(), 1);
    assert_eq!(patched[0].0, CANNED_LOG);
    assert_eq!(result.get_log().await.unwrap().id, CANNED_LOG);

    // A typed stream: the double's event-stream text, cut mid-event, parsed as the gateway's is.
    let mut chunks = gateway.run_model_stream(&openai, &request, &options).await.unwrap();
    assert_eq!(chunks.meta.log_id.as_deref(), Some(CANNED_LOG));
    let mut text = String::new();
    while let Some(chunk) = chunks.next().await {
        text.push_str(chunk.unwrap().choices[0].delta.content.as_deref().unwrap_or_default());
    }
    assert_eq!(text, "canned");

    // Logs and routes as the REST API would give them.
    let page = gateway.list_logs(&ListLogs::default()).await.unwrap();
    assert_eq!((page.logs.len(), page.info.total_count, page.has_next()), (1, Some(1), false));
    let stored: Value = gateway.log_response(CANNED_LOG).await.unwrap().json().unwrap();
    assert_eq!(stored["choices"][0]["message"]["content"], "canned");
    let routes = gateway.list_routes(&ListRoutes::default()).await.unwrap();
    assert_eq!(routes.items[0].route.name, "chat");
    // What it does not do fails as a typed error, never a panic.
    let refused = gateway.delete_logs(&DeleteLogs::default()).await.unwrap_err();
    assert!(refused.to_string().contains("delete_logs is not canned"), "{refused}");
}
