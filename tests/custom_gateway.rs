//! A gateway written by a user: not the HTTP one, so typed calls
//! (`GatewayExt::run_model`) reach it through `Gateway::provider_request`
//! as a `serde_json::Value`. It gets exactly what the typed request
//! serializes to, and what it answers decodes as the typed response.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use gateway_core::models::openai::Gpt4oMiniRequest;
use gateway_core::models::workers_ai::{ChatMessage, Llama31Instruct, Llama31InstructInput, Llama31InstructRequest};
use gateway_core::route::{
    Deployment, ListRoutes, Listing, Route, RouteInfo, RouteRecord, RouteVersion, RouteVersionDetail,
};
use gateway_core::{
    Ai, AiGatewayLog, BuiltinProvider, DeleteLogs, EventStream, Feedback, Gateway, GatewayExt as _, GatewayResponse,
    HttpGateway, ListLogs, LogPage, LogPayload, Model, ModelRequest, PatchLog, Provider, ProviderSlug, Result,
    SpendLimit, UniversalOptions, UniversalRequest,
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
