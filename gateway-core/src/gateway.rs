//! The `Gateway` trait (the binding's `AiGateway` plus the REST log
//! operations) and its HTTP implementation.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use http::Method;
use serde::Deserialize;
use serde_json::Value;

use crate::call_span;
use crate::client::{Answer, Inner, Prepared, UniversalOptions, UrlRoute, check_gateway_id};
use crate::config::Transport;
use crate::error::{Error, Result};
use crate::provider::{AuthScheme, Provider, ProviderSlug};
use crate::response::{GatewayResponse, LogPayload};
use crate::route::{Deployment, ListRoutes, Listing, Route, RouteInfo, RouteRecord, RouteVersion, RouteVersionDetail};
use crate::stream::EventStream;
use crate::types::filter::{DeleteLogs, ListLogs};
use crate::types::log::{AiGatewayLog, LogPage};
use crate::types::options::{ByokAlias, GatewayOptions};
use crate::types::patch::PatchLog;
use crate::types::spend_limit::{SpendLimit, validate_spend_limits};
use crate::types::universal::UniversalRequest;
use crate::wire::decode::{self, Call};
use crate::wire::url::{self, Part};

/// One AI Gateway: the binding's `AiGateway` methods plus the REST log API,
/// the dynamic-routing API (`cloudflare-2026.md` §3.3; route, version
/// and deployment ids are opaque, sent as one URL path segment each) and the
/// spend limits of the gateway object (§5.1).
///
/// Log ids are opaque (`cloudflare-2026.md` §4.1): lowercase `UUIDv7` ids
/// (`019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07`, logs written since 2026-10-08)
/// and the older ULIDs (`01JADMCQQQBWH3NXZ5GCRN98DP`) are both sent as given,
/// one URL path segment. Only ids that cannot be one are refused, with
/// [`Error::InvalidInput`] on `log id`: the empty id, `.` and `..`.
///
/// Object-safe, so applications can hold a `Box<dyn Gateway>` or
/// `Arc<dyn Gateway>` and swap in a test double. Every answer such a double
/// gives can be built: [`GatewayResponse::new`] (its report read from the
/// headers), [`EventStream::from_sse`], [`LogPage::new`](crate::LogPage::new),
/// [`LogPayload::new`], [`AiGatewayLog::new`]; the route answers deserialize
/// from the API's JSON.
#[async_trait]
pub trait Gateway: Send + Sync + fmt::Debug {
    /// The gateway id.
    fn id(&self) -> &str;

    /// Sends feedback, a score or metadata to a log (`patchLog`).
    async fn patch_log(&self, log_id: &str, patch: &PatchLog) -> Result<()>;

    /// Reads one log (`getLog`).
    async fn get_log(&self, log_id: &str) -> Result<AiGatewayLog>;

    /// Runs a universal request: one step, or a fallback list tried in order
    /// (`run`). A non-2xx answer is an error; the successful step is in
    /// [`GatewayMeta::step`](crate::GatewayMeta::step).
    async fn run(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<GatewayResponse>;

    /// The gateway URL of `provider`, or of the universal endpoint (`getUrl`).
    async fn get_url(&self, provider: Option<&ProviderSlug>) -> Result<String>;

    /// A provider-native request through the gateway:
    /// `POST /{account}/{gateway}/{slug}/{endpoint}` with the provider's credential.
    async fn provider_request(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<GatewayResponse>;

    /// This gateway as the HTTP one, when it is ([`HttpGateway`], or an
    /// `Arc` of one): typed calls ([`GatewayExt`](crate::GatewayExt)) send
    /// their encoded bodies through it directly, with no `Value` and no boxed
    /// future in between, and keep it for the result's log without
    /// allocating. `None` (the default) for any other implementation.
    #[doc(hidden)]
    fn as_http(&self) -> Option<&HttpGateway> {
        None
    }

    /// [`run`](Self::run) with the answer streamed: the steps' queries ask
    /// for a stream (`"stream": true`); events arrive as the provider sends
    /// them. Decode them with [`EventStream::chunks`] and the protocol of the
    /// step that answered ([`GatewayMeta::step`](crate::GatewayMeta::step)).
    async fn run_stream(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<EventStream>;

    /// [`provider_request`](Self::provider_request) with the answer streamed.
    async fn provider_request_stream(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<EventStream>;

    /// Lists logs with filters, ordering and pagination (REST).
    async fn list_logs(&self, query: &ListLogs) -> Result<LogPage>;

    /// Deletes the logs a filter selects (REST).
    async fn delete_logs(&self, query: &DeleteLogs) -> Result<()>;

    /// A log's stored request body (REST).
    async fn log_request(&self, log_id: &str) -> Result<LogPayload>;

    /// A log's stored response body (REST).
    async fn log_response(&self, log_id: &str) -> Result<LogPayload>;

    /// Creates a dynamic route (`POST /routes`, body `{"name","elements"}`),
    /// after [`Route::validate`]. REST only.
    async fn create_route(&self, route: &Route) -> Result<RouteInfo>;

    /// Lists routes, one page (`GET /routes?page=&per_page=`).
    async fn list_routes(&self, query: &ListRoutes) -> Result<Listing<RouteInfo>>;

    /// Reads a route (`GET /routes/{route_id}`); a missing one is [`Error::RouteNotFound`].
    async fn get_route(&self, route_id: &str) -> Result<RouteInfo>;

    /// Renames a route (`PATCH /routes/{route_id}`, body `{"name"}`).
    async fn rename_route(&self, route_id: &str, name: &str) -> Result<RouteInfo>;

    /// Deletes a route (`DELETE /routes/{route_id}`).
    async fn delete_route(&self, route_id: &str) -> Result<RouteRecord>;

    /// Saves `route`'s elements as a new version, a draft
    /// (`POST /routes/{route_id}/versions`, body `{"elements"}`), after [`Route::validate`].
    async fn create_route_version(&self, route_id: &str, route: &Route) -> Result<RouteRecord>;

    /// Lists a route's versions (`GET /routes/{route_id}/versions`).
    async fn list_route_versions(&self, route_id: &str) -> Result<Listing<RouteVersion>>;

    /// Reads one version (`GET /routes/{route_id}/versions/{version_id}`).
    async fn get_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteVersionDetail>;

    /// Makes a version live (`POST /routes/{route_id}/deployments`, body
    /// `{"version_id"}`); rollback is deploying an older version.
    async fn deploy_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteRecord>;

    /// Lists a route's deployments (`GET /routes/{route_id}/deployments`).
    async fn list_route_deployments(&self, route_id: &str) -> Result<Listing<Deployment>>;

    /// The gateway's spend limits (`cloudflare-2026.md` §5.1): the
    /// `spend_limits` of the gateway object (`GET /ai-gateway/gateways/{id}`;
    /// absent or `null`: none). REST only. The field's JSON is our choice
    /// (see [`spend_limit`](crate::types::spend_limit)).
    async fn spend_limits(&self) -> Result<Vec<SpendLimit>>;

    /// Replaces the gateway's spend limits with `rules` after
    /// [`validate_spend_limits`]: reads the gateway object, sets its
    /// `spend_limits` and writes the whole object back
    /// (`GET`, then `PUT /ai-gateway/gateways/{id}`); answers the rules the
    /// gateway then holds. REST only.
    async fn set_spend_limits(&self, rules: &[SpendLimit]) -> Result<Vec<SpendLimit>>;

    /// [`get_log`](Self::get_log), retried while the log is not found yet
    /// (a fresh log can take a moment to be written), for up to `wait`.
    async fn wait_for_log(&self, log_id: &str, wait: Duration) -> Result<AiGatewayLog> {
        let deadline = tokio::time::Instant::now() + wait;
        let mut delay = Duration::from_millis(50);
        loop {
            match self.get_log(log_id).await {
                Err(Error::LogNotFound { .. }) if tokio::time::Instant::now() + delay < deadline => {
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(1));
                }
                other => return other,
            }
        }
    }
}

/// [`Gateway`] over HTTP, from [`Ai::gateway`](crate::Ai::gateway).
///
/// Cheap to clone (two reference counts).
#[derive(Clone, Debug)]
pub struct HttpGateway {
    pub(crate) inner: Arc<Inner>,
    /// Shared, so that typed results keep their gateway without copying it.
    pub(crate) id: Arc<str>,
}

impl HttpGateway {
    pub(crate) fn new(inner: Arc<Inner>, id: Arc<str>) -> Self {
        Self { inner, id }
    }

    /// A management request: v4 API with the API token, or the binding origin.
    pub(crate) fn management(&self, method: Method, tail: &[Part<'_>], field: &str) -> Result<Prepared> {
        check_gateway_id(&self.id)?;
        let config = &self.inner.config;
        let mut parts = Vec::with_capacity(tail.len() + 5);
        match &config.transport {
            Transport::Rest => {
                parts.extend([Part::Fixed("accounts"), Part::Segment(&config.account_id)]);
                parts.extend([Part::Fixed("ai-gateway/gateways"), Part::Segment(&self.id)]);
                parts.extend_from_slice(tail);
                let mut request = Prepared::new(method, url::build(&config.api_base_url, &parts, field)?);
                self.inner.authorize_api(&mut request)?;
                Ok(request)
            }
            Transport::Binding(origin) => {
                parts.extend([Part::Fixed("ai-gateway/gateways"), Part::Segment(&self.id)]);
                parts.extend_from_slice(tail);
                Ok(Prepared::new(method, url::build(origin, &parts, field)?))
            }
        }
    }

    /// A list or bulk delete on `.../logs` with `query`; a failure is the typed error.
    async fn logs_call(&self, method: Method, query: &str) -> Result<Answer> {
        let mut request = self.management(method, &[Part::Fixed("logs")], "gateway id")?;
        if !query.is_empty() {
            request.set_query(query);
        }
        let answer = self.inner.execute(request).await?;
        if !answer.is_success() {
            return Err(failure(&answer, Call::Management { gateway_id: &self.id }));
        }
        Ok(answer)
    }

    pub(crate) fn rest_only(&self, operation: &str) -> Result<()> {
        self.rest_only_in(operation, "the REST logs API")
    }

    /// Refuses `operation` over the binding protocol, naming the REST `api` it belongs to.
    pub(crate) fn rest_only_in(&self, operation: &str, api: &str) -> Result<()> {
        match self.inner.config.transport {
            Transport::Rest => Ok(()),
            Transport::Binding(_) => Err(Error::invalid(
                "transport",
                format!("{operation} is part of {api}; the binding protocol has no such call"),
            )),
        }
    }

    /// The gateway object (`/ai-gateway/gateways/{id}`): read with `body`
    /// `None`, else replaced by `body`; the body of the (successful) answer.
    async fn gateway_object(&self, method: Method, body: Option<Vec<u8>>) -> Result<bytes::Bytes> {
        self.rest_only_in("spend limits", "the REST gateway API (`/ai-gateway/gateways/{id}`)")?;
        let mut request = self.management(method, &[], "gateway id")?;
        if let Some(body) = body {
            request = request.json_body(body);
        }
        let answer = self.inner.execute(request).await?;
        if !answer.is_success() {
            return Err(failure(&answer, Call::Management { gateway_id: &self.id }));
        }
        Ok(answer.body)
    }

    /// Headers shared by gateway-host requests: gateway token, options
    /// (the BYOK alias where it applies), extras.
    fn gateway_headers(&self, request: &mut Prepared, options: &UniversalOptions, alias: ByokAlias) -> Result<()> {
        if self.inner.config.transport == Transport::Rest {
            self.inner.authorize_gateway(request);
        }
        // No options still sends what comes from the caller's context (OpenTelemetry ids).
        let none = GatewayOptions::default();
        request.gateway_options(Some(options.gateway.as_ref().unwrap_or(&none)), alias)?;
        request.apply(&options.extra_headers, "extraHeaders")
    }

    fn log_call<'a>(&'a self, log_id: &'a str) -> Call<'a> {
        Call::Log { gateway_id: &self.id, log_id }
    }

    async fn inference_stream(&self, request: Prepared) -> Result<EventStream> {
        let request = request.behind_gateway();
        match self.inner.execute_stream(request).await? {
            Ok(events) => Ok(events),
            Err(answer) => Err(failure(
                &answer,
                Call::Inference { gateway_id: Some(&self.id), credential: self.inner.gateway_credential() },
            )),
        }
    }

    fn universal_request(&self, request: &UniversalRequest, options: &UniversalOptions) -> Result<Prepared> {
        check_gateway_id(&self.id)?;
        let body = request.to_body()?;
        let config = &self.inner.config;
        let url = self.inner.urls.get_or_build(UrlRoute::Universal, &[&*self.id], || match &config.transport {
            Transport::Rest => url::build(
                &config.gateway_base_url,
                &[Part::Segment(&config.account_id), Part::Segment(&self.id)],
                "gateway id",
            ),
            Transport::Binding(origin) => {
                url::build(origin, &[Part::Fixed("ai-gateway/universal/run"), Part::Segment(&self.id)], "gateway id")
            }
        })?;
        let mut prepared = Prepared::new(Method::POST, url).json_body(body);
        self.gateway_headers(&mut prepared, options, ByokAlias::Applies)?;
        Ok(prepared)
    }

    /// A provider request with `body` already JSON.
    fn provider_prepared(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: Vec<u8>,
        options: &UniversalOptions,
    ) -> Result<Prepared> {
        self.rest_only("provider_request")?;
        check_gateway_id(&self.id)?;
        let config = &self.inner.config;
        let slug = provider.slug();
        let url = self.inner.urls.get_or_build(UrlRoute::Provider, &[&*self.id, slug.as_str(), endpoint], || {
            url::build(
                &config.gateway_base_url,
                &[
                    Part::Segment(&config.account_id),
                    Part::Segment(&self.id),
                    Part::Segment(slug.as_str()),
                    Part::Path(endpoint),
                ],
                "endpoint",
            )
        })?;
        let mut prepared = Prepared::new(Method::POST, url).json_body(body);
        // The headers of `Provider::request_headers`, built without its owned
        // names and per-call `Bearer` formatting: the credential, then the fixed headers.
        if let Some(key) = provider.credential() {
            match provider.auth_scheme() {
                AuthScheme::Bearer => {
                    prepared.headers.insert(http::header::AUTHORIZATION, self.inner.provider_bearer(key)?);
                }
                AuthScheme::Header(name) => {
                    use secrecy::ExposeSecret;
                    let name = http::HeaderName::from_bytes(name.as_bytes())
                        .map_err(|_| Error::invalid("provider", format!("{name:?} is not a valid header name")))?;
                    let mut value = http::HeaderValue::from_str(key.expose_secret())
                        .map_err(|_| Error::invalid("provider", "the credential is not a valid header value"))?;
                    value.set_sensitive(true);
                    prepared.headers.insert(name, value);
                }
                AuthScheme::None => {}
            }
        }
        for (name, value) in provider.fixed_headers() {
            prepared.set(&name, &value, "provider")?;
        }
        // The `workers-ai` route takes the Cloudflare API token, never a stored key.
        let alias = if slug == ProviderSlug::WorkersAi { ByokAlias::Ignored } else { ByokAlias::Applies };
        self.gateway_headers(&mut prepared, options, alias)?;
        Ok(prepared)
    }

    /// The span of a universal request: named after its first step (the
    /// one meant to answer; a fallback that answers shows in the gateway's report).
    fn universal_span(&self, request: &UniversalRequest) -> tracing::Span {
        let first = request.steps().first();
        let operation = first.map_or("generate_content", |s| call_span::operation_of(&s.endpoint));
        let provider = first.map(|s| s.provider.as_str());
        let model = first.and_then(|s| call_span::model_of_body(&s.query));
        call_span::call_span(operation, provider, model, Some(&self.id))
    }

    /// The span of a request to `provider`'s `endpoint` for `model`.
    fn provider_span(&self, provider: &dyn Provider, endpoint: &str, model: Option<&str>) -> tracing::Span {
        let slug = provider.slug();
        let operation = call_span::operation_of(endpoint);
        call_span::call_span(operation, Some(slug.as_str()), model, Some(&self.id))
    }

    /// `body` as the JSON a provider request sends.
    fn encode_body(body: &Value) -> Result<Vec<u8>> {
        crate::wire::js::to_vec(body).map_err(|e| Error::invalid("body", e.to_string()))
    }

    /// [`Gateway::run`]: called on an `HttpGateway` (not a `dyn Gateway`),
    /// this method answers, without the trait's boxed future.
    pub async fn run(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<GatewayResponse> {
        call_span::traced(self.universal_span(&request), async {
            let prepared = self.universal_request(&request, options)?;
            self.inference(prepared).await
        })
        .await
    }

    /// A provider-native request ([`Gateway::provider_request`]) with its
    /// body encoded by `body`, naming `model` on the call's span: the one
    /// path of provider requests, `Value` bodies and typed ones
    /// ([`GatewayExt::run_model`](crate::GatewayExt::run_model)) alike.
    pub(crate) async fn provider_call(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        model: Option<&str>,
        body: impl FnOnce() -> Result<Vec<u8>>,
        options: &UniversalOptions,
    ) -> Result<GatewayResponse> {
        call_span::traced(self.provider_span(provider, endpoint, model), async {
            let prepared = self.provider_prepared(provider, endpoint, body()?, options)?;
            self.inference(prepared).await
        })
        .await
    }

    async fn inference(&self, request: Prepared) -> Result<GatewayResponse> {
        let request = request.behind_gateway();
        let answer = self.inner.execute(request).await?;
        if answer.is_success() {
            Ok(answer.into_response())
        } else {
            Err(decode::classify(
                answer.status,
                &answer.headers,
                &answer.body,
                Call::Inference { gateway_id: Some(&self.id), credential: self.inner.gateway_credential() },
            ))
        }
    }

    async fn payload(&self, log_id: &str, which: &'static str) -> Result<LogPayload> {
        self.rest_only(which)?;
        let request =
            self.management(Method::GET, &[Part::Fixed("logs"), Part::Segment(log_id), Part::Fixed(which)], "log id")?;
        let answer = self.inner.execute(request).await?;
        if !answer.is_success() {
            return Err(failure(&answer, self.log_call(log_id)));
        }
        let content_type =
            answer.headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
        Ok(LogPayload { content_type, body: answer.body })
    }
}

/// The `spend_limits` of a gateway object (absent or `null`: none), from
/// a v4 answer whose `result` is the object; decode errors name the path
/// (`result.spend_limits[0].budget`).
fn spend_limits_of(body: &[u8]) -> Result<Vec<SpendLimit>> {
    #[derive(Deserialize)]
    struct Object {
        #[serde(default)]
        spend_limits: Option<Vec<SpendLimit>>,
    }
    decode::envelope::<Object>(body).map(|e| e.result.spend_limits.unwrap_or_default())
}

fn failure(answer: &Answer, call: Call<'_>) -> Error {
    decode::classify(answer.status, &answer.headers, &answer.body, call)
}

#[async_trait]
impl Gateway for HttpGateway {
    fn id(&self) -> &str {
        &self.id
    }

    async fn patch_log(&self, log_id: &str, patch: &PatchLog) -> Result<()> {
        let body = patch.to_body()?;
        let request =
            self.management(Method::PATCH, &[Part::Fixed("logs"), Part::Segment(log_id)], "log id")?.json_body(body);
        let answer = self.inner.execute(request).await?;
        // Like the binding: only 200 is success; the body is not read.
        if answer.status == 200 { Ok(()) } else { Err(failure(&answer, self.log_call(log_id))) }
    }

    async fn get_log(&self, log_id: &str) -> Result<AiGatewayLog> {
        let request = self.management(Method::GET, &[Part::Fixed("logs"), Part::Segment(log_id)], "log id")?;
        let answer = self.inner.execute(request).await?;
        if answer.status != 200 {
            return Err(failure(&answer, self.log_call(log_id)));
        }
        decode::envelope::<AiGatewayLog>(&answer.body).map(|e| e.result)
    }

    async fn run(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<GatewayResponse> {
        HttpGateway::run(self, request, options).await
    }

    async fn run_stream(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<EventStream> {
        call_span::traced(self.universal_span(&request), async {
            let prepared = self.universal_request(&request, options)?;
            self.inference_stream(prepared).await
        })
        .await
    }

    async fn get_url(&self, provider: Option<&ProviderSlug>) -> Result<String> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum UrlResult {
            Plain(String),
            Object { url: String },
        }
        let provider = provider.map_or("universal", ProviderSlug::as_str);
        let request = self.management(Method::GET, &[Part::Fixed("url"), Part::Segment(provider)], "provider")?;
        let answer = self.inner.execute(request).await?;
        if !answer.is_success() {
            return Err(failure(&answer, Call::Management { gateway_id: &self.id }));
        }
        Ok(match decode::envelope::<UrlResult>(&answer.body)?.result {
            UrlResult::Plain(url) | UrlResult::Object { url } => url,
        })
    }

    async fn provider_request(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<GatewayResponse> {
        let model = call_span::model_of_body(body);
        self.provider_call(provider, endpoint, model, || Self::encode_body(body), options).await
    }

    fn as_http(&self) -> Option<&HttpGateway> {
        Some(self)
    }

    async fn provider_request_stream(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<EventStream> {
        call_span::traced(self.provider_span(provider, endpoint, call_span::model_of_body(body)), async {
            let prepared = self.provider_prepared(provider, endpoint, Self::encode_body(body)?, options)?;
            self.inference_stream(prepared).await
        })
        .await
    }

    async fn list_logs(&self, query: &ListLogs) -> Result<LogPage> {
        self.rest_only("list_logs")?;
        let answer = self.logs_call(Method::GET, &query.to_query()?).await?;
        let envelope = decode::envelope::<Vec<AiGatewayLog>>(&answer.body)?;
        Ok(LogPage { logs: envelope.result, info: envelope.result_info.unwrap_or_default() })
    }

    async fn delete_logs(&self, query: &DeleteLogs) -> Result<()> {
        #[derive(Deserialize)]
        struct Deleted {
            success: bool,
        }
        self.rest_only("delete_logs")?;
        let answer = self.logs_call(Method::DELETE, &query.to_query()?).await?;
        if decode::json::<Deleted>(&answer.body)?.success {
            Ok(())
        } else {
            Err(Error::GatewayInternal {
                status: answer.status,
                message: "bulk delete answered success: false".to_owned(),
            })
        }
    }

    async fn log_request(&self, log_id: &str) -> Result<LogPayload> {
        self.payload(log_id, "request").await
    }

    async fn log_response(&self, log_id: &str) -> Result<LogPayload> {
        self.payload(log_id, "response").await
    }

    async fn spend_limits(&self) -> Result<Vec<SpendLimit>> {
        spend_limits_of(&self.gateway_object(Method::GET, None).await?)
    }

    async fn set_spend_limits(&self, rules: &[SpendLimit]) -> Result<Vec<SpendLimit>> {
        validate_spend_limits(rules)?;
        let read = self.gateway_object(Method::GET, None).await?;
        let mut object = decode::envelope::<serde_json::Map<String, Value>>(&read)?.result;
        let rules = serde_json::to_value(rules).map_err(|e| Error::invalid("spend_limits", e.to_string()))?;
        object.insert("spend_limits".to_owned(), rules);
        let body = serde_json::to_vec(&object).map_err(|e| Error::invalid("spend_limits", e.to_string()))?;
        spend_limits_of(&self.gateway_object(Method::PUT, Some(body)).await?)
    }

    async fn create_route(&self, route: &Route) -> Result<RouteInfo> {
        self.create_route_impl(route).await
    }

    async fn list_routes(&self, query: &ListRoutes) -> Result<Listing<RouteInfo>> {
        self.list_routes_impl(*query).await
    }

    async fn get_route(&self, route_id: &str) -> Result<RouteInfo> {
        self.get_route_impl(route_id).await
    }

    async fn rename_route(&self, route_id: &str, name: &str) -> Result<RouteInfo> {
        self.rename_route_impl(route_id, name).await
    }

    async fn delete_route(&self, route_id: &str) -> Result<RouteRecord> {
        self.delete_route_impl(route_id).await
    }

    async fn create_route_version(&self, route_id: &str, route: &Route) -> Result<RouteRecord> {
        self.create_version_impl(route_id, route).await
    }

    async fn list_route_versions(&self, route_id: &str) -> Result<Listing<RouteVersion>> {
        self.list_versions_impl(route_id).await
    }

    async fn get_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteVersionDetail> {
        self.get_version_impl(route_id, version_id).await
    }

    async fn deploy_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteRecord> {
        self.deploy_impl(route_id, version_id).await
    }

    async fn list_route_deployments(&self, route_id: &str) -> Result<Listing<Deployment>> {
        self.list_deployments_impl(route_id).await
    }
}

/// Shared gateways are gateways: `Arc<dyn Gateway>` works wherever a gateway is expected.
#[async_trait]
impl<G: Gateway + ?Sized> Gateway for Arc<G> {
    fn id(&self) -> &str {
        (**self).id()
    }
    async fn patch_log(&self, log_id: &str, patch: &PatchLog) -> Result<()> {
        (**self).patch_log(log_id, patch).await
    }
    async fn get_log(&self, log_id: &str) -> Result<AiGatewayLog> {
        (**self).get_log(log_id).await
    }
    async fn run(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<GatewayResponse> {
        (**self).run(request, options).await
    }
    async fn get_url(&self, provider: Option<&ProviderSlug>) -> Result<String> {
        (**self).get_url(provider).await
    }
    async fn provider_request(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<GatewayResponse> {
        (**self).provider_request(provider, endpoint, body, options).await
    }
    fn as_http(&self) -> Option<&HttpGateway> {
        (**self).as_http()
    }
    async fn run_stream(&self, request: UniversalRequest, options: &UniversalOptions) -> Result<EventStream> {
        (**self).run_stream(request, options).await
    }
    async fn provider_request_stream(
        &self,
        provider: &dyn Provider,
        endpoint: &str,
        body: &Value,
        options: &UniversalOptions,
    ) -> Result<EventStream> {
        (**self).provider_request_stream(provider, endpoint, body, options).await
    }
    async fn list_logs(&self, query: &ListLogs) -> Result<LogPage> {
        (**self).list_logs(query).await
    }
    async fn delete_logs(&self, query: &DeleteLogs) -> Result<()> {
        (**self).delete_logs(query).await
    }
    async fn log_request(&self, log_id: &str) -> Result<LogPayload> {
        (**self).log_request(log_id).await
    }
    async fn log_response(&self, log_id: &str) -> Result<LogPayload> {
        (**self).log_response(log_id).await
    }
    async fn wait_for_log(&self, log_id: &str, wait: Duration) -> Result<AiGatewayLog> {
        (**self).wait_for_log(log_id, wait).await
    }
    async fn spend_limits(&self) -> Result<Vec<SpendLimit>> {
        (**self).spend_limits().await
    }
    async fn set_spend_limits(&self, rules: &[SpendLimit]) -> Result<Vec<SpendLimit>> {
        (**self).set_spend_limits(rules).await
    }
    async fn create_route(&self, route: &Route) -> Result<RouteInfo> {
        (**self).create_route(route).await
    }
    async fn list_routes(&self, query: &ListRoutes) -> Result<Listing<RouteInfo>> {
        (**self).list_routes(query).await
    }
    async fn get_route(&self, route_id: &str) -> Result<RouteInfo> {
        (**self).get_route(route_id).await
    }
    async fn rename_route(&self, route_id: &str, name: &str) -> Result<RouteInfo> {
        (**self).rename_route(route_id, name).await
    }
    async fn delete_route(&self, route_id: &str) -> Result<RouteRecord> {
        (**self).delete_route(route_id).await
    }
    async fn create_route_version(&self, route_id: &str, route: &Route) -> Result<RouteRecord> {
        (**self).create_route_version(route_id, route).await
    }
    async fn list_route_versions(&self, route_id: &str) -> Result<Listing<RouteVersion>> {
        (**self).list_route_versions(route_id).await
    }
    async fn get_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteVersionDetail> {
        (**self).get_route_version(route_id, version_id).await
    }
    async fn deploy_route_version(&self, route_id: &str, version_id: &str) -> Result<RouteRecord> {
        (**self).deploy_route_version(route_id, version_id).await
    }
    async fn list_route_deployments(&self, route_id: &str) -> Result<Listing<Deployment>> {
        (**self).list_route_deployments(route_id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `HttpGateway::run` answers in place of the trait's method, whose
    /// future is `Send`: so is its own (checked when this compiles).
    #[allow(dead_code, reason = "a compile-time check, never called")]
    fn inherent_run_is_send(gateway: &HttpGateway, request: UniversalRequest, options: &UniversalOptions) {
        fn send<T: Send>(_: T) {}
        send(gateway.run(request, options));
    }
}
