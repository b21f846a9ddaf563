//! Cloudflare's REST API for AI Gateway on the API host
//! (`cloudflare-2026.md` §1): `POST /accounts/{account}/ai/run` with the
//! `{"model", "input"}` envelope, and the OpenAI- and Anthropic-format
//! endpoints `/ai/v1/chat/completions`, `/ai/v1/responses`, `/ai/v1/messages`.
//!
//! Every call is authenticated with the Cloudflare API token
//! (`Authorization: Bearer …`, never `cf-aig-authorization`), goes through
//! the gateway named by `cf-aig-gateway-id` (the account's `default` gateway
//! when [`RunOptions::gateway`] has no id) and carries every gateway option as
//! its `cf-aig-*` header. Third-party models are paid through Unified
//! Billing: no provider key is sent.
//!
//! ```no_run
//! # async fn demo() -> gateway_core::Result<()> {
//! use gateway_core::models::openai::{ChatCompletion, ChatCompletionChunk};
//! use gateway_core::stream::StreamExt as _;
//! use gateway_core::{Ai, GatewayOptions, RunOptions};
//! use serde_json::json;
//!
//! let ai = Ai::from_env()?;
//! let options = RunOptions::new().gateway(GatewayOptions::new("my-gateway").cache_ttl(60));
//! let body = json!({"model": "openai/gpt-5.5", "messages": [{"role": "user", "content": "Hi"}]});
//!
//! let answer = ai.v1().chat_completions::<_, ChatCompletion>(&body, &options).await?;
//! println!("{:?} (log {:?})", answer.output.choices[0].message.content, answer.log_id());
//!
//! let mut chunks = ai.v1().chat_completions_stream::<_, ChatCompletionChunk>(&body, &options).await?;
//! while let Some(chunk) = chunks.next().await {
//!     print!("{}", chunk?.choices.first().and_then(|c| c.delta.content.as_deref()).unwrap_or(""));
//! }
//! # Ok(()) }
//! ```

use http::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::call_span;
use crate::client::{Ai, Inner, Prepared, RunOptions, UrlRoute, with_stream_flag_encoded};
use crate::config::Transport;
use crate::error::{Error, Result};
use crate::model::Model;
use crate::provider::{ModelName, ProviderSlug};
use crate::response::{AiResponse, GatewayResponse};
use crate::stream::{ChunkStream, EventStream, StreamProtocol};
use crate::types::options::ByokAlias;
use crate::wire::decode::{self, Call, TopLevelKeys};
use crate::wire::js;
use crate::wire::url::{self, Part};

/// The header that picks the gateway on the REST API (§1.3).
pub const GATEWAY_ID_HEADER: &str = "cf-aig-gateway-id";
/// The gateway Cloudflare uses when a request names none (§1.3, §5.10).
pub const DEFAULT_GATEWAY: &str = "default";

/// One of the REST API's OpenAI- and Anthropic-format endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum V1Endpoint {
    /// `POST /ai/v1/chat/completions`: OpenAI Chat Completions.
    ChatCompletions,
    /// `POST /ai/v1/responses`: the OpenAI Responses API.
    Responses,
    /// `POST /ai/v1/messages`: Anthropic Messages.
    Messages,
}

/// Which model declarations run over `/ai/v1/*`: (provider slug, the
/// declaration's `endpoint`, the REST endpoint). The one place a declared
/// model is mapped onto the REST API; the catalog author of the model name
/// comes from the provider table ([`ProviderInfo::catalog_authors`](crate::provider::ProviderInfo)).
const DECLARED_ROUTES: [(&str, &str, V1Endpoint); 8] = [
    ("openai", "chat/completions", V1Endpoint::ChatCompletions),
    ("openai", "v1/chat/completions", V1Endpoint::ChatCompletions),
    ("openai", "responses", V1Endpoint::Responses),
    ("openai", "v1/responses", V1Endpoint::Responses),
    ("anthropic", "v1/messages", V1Endpoint::Messages),
    ("anthropic", "messages", V1Endpoint::Messages),
    ("grok", "v1/chat/completions", V1Endpoint::ChatCompletions),
    ("grok", "chat/completions", V1Endpoint::ChatCompletions),
];

impl V1Endpoint {
    /// The path after `/accounts/{account}/ai/`.
    pub const fn path(self) -> &'static str {
        match self {
            Self::ChatCompletions => "v1/chat/completions",
            Self::Responses => "v1/responses",
            Self::Messages => "v1/messages",
        }
    }

    /// How its streamed answer is framed: `data: [DONE]` after OpenAI chat
    /// chunks, `response.completed` after Responses API events,
    /// `message_stop` after Anthropic's events.
    pub const fn stream_protocol(self) -> StreamProtocol {
        match self {
            Self::ChatCompletions => StreamProtocol::DoneSentinel,
            Self::Responses => StreamProtocol::ResponsesEvents,
            Self::Messages => StreamProtocol::AnthropicEvents,
        }
    }

    /// The REST endpoint that serves a model declared for `provider` (its
    /// slug) at `endpoint`, if any.
    ///
    /// ```
    /// use gateway_core::rest_api::V1Endpoint;
    /// assert_eq!(V1Endpoint::of_declaration("openai", "responses"), Some(V1Endpoint::Responses));
    /// assert_eq!(V1Endpoint::of_declaration("anthropic", "v1/messages"), Some(V1Endpoint::Messages));
    /// assert_eq!(V1Endpoint::of_declaration("openai", "embeddings"), None);
    /// ```
    pub const fn of_declaration(provider: &str, endpoint: &str) -> Option<Self> {
        let mut i = 0;
        while i < DECLARED_ROUTES.len() {
            let (slug, declared, v1) = DECLARED_ROUTES[i];
            if const_eq(slug, provider) && const_eq(declared, endpoint) {
                return Some(v1);
            }
            i += 1;
        }
        None
    }
}

/// `a == b`, usable in `const` code.
pub(crate) const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// How a typed declaration runs from [`Ai::run_model`].
pub(crate) enum Declared {
    /// A Workers AI model: [`Ai::run`] with its id.
    WorkersAi,
    /// A catalog model: `/ai/v1/*` over REST, `run` with its catalog name over the binding.
    Catalog {
        /// `{author}/{id}` (`openai/gpt-4o-mini`).
        name: String,
        /// Its REST endpoint.
        endpoint: V1Endpoint,
    },
}

impl Declared {
    /// The route of declaration `M`, or why [`Ai::run_model`] cannot run it.
    pub(crate) fn of<M: Model>() -> Result<Self> {
        let provider = M::provider();
        if provider == ProviderSlug::WorkersAi {
            return Ok(Self::WorkersAi);
        }
        let endpoint = V1Endpoint::of_declaration(provider.as_str(), M::endpoint());
        match (endpoint, ModelName::catalog_name(&provider, M::ID)) {
            (Some(endpoint), Some(name)) => Ok(Self::Catalog { name, endpoint }),
            _ => Err(Error::invalid(
                "provider",
                format!(
                    "`{}` is served by `{provider}` at `{}`, which Cloudflare's REST API does not serve: \
                     run it with `gateway.run_model(&provider, ...)`",
                    M::ID,
                    M::endpoint()
                ),
            )),
        }
    }
}

/// The gateway a REST API call goes through: `Some(id)` from
/// `options.gateway`, `None` for the account's default gateway. Refuses
/// tags (the REST API has no field for them) and a Workers AI model without
/// a gateway id (§1.3: `cf-aig-gateway-id` is required for `@cf/` models).
pub(crate) fn gateway_of<'o>(model: &ModelName<'_>, options: &'o RunOptions) -> Result<Option<&'o str>> {
    if !options.tags.is_empty() {
        return Err(Error::invalid(
            "tags",
            "Cloudflare's REST API has no field for tags; only the binding transport carries them",
        ));
    }
    let id = match &options.gateway {
        Some(gateway) => {
            gateway.validate()?;
            gateway.id.as_deref()
        }
        None => None,
    };
    if id.is_none() && !model.requires_gateway() {
        return Err(Error::invalid(
            "gateway.id",
            format!(
                "Cloudflare's REST API needs `{GATEWAY_ID_HEADER}` for Workers AI models such as `{model}`: \
                 set options.gateway with an id (`{DEFAULT_GATEWAY}` for the account's default gateway)"
            ),
        ));
    }
    Ok(id)
}

/// A REST API request: `POST {api_base}/accounts/{account}/ai/{path}` with
/// `body`, the gateway options as `cf-aig-*` headers, `cf-aig-gateway-id`
/// when `gateway_id` is set, the caller's extra headers, then the content
/// type and the API token. Never `cf-aig-authorization` (§1.2).
pub(crate) fn request(
    inner: &Inner,
    path: &'static str,
    body: Vec<u8>,
    options: &RunOptions,
    gateway_id: Option<&str>,
) -> Result<Prepared> {
    let config = &inner.config;
    let url = inner.urls.get_or_build(UrlRoute::RestApi, &[path], || {
        url::build(
            &config.api_base_url,
            &[Part::Fixed("accounts"), Part::Segment(&config.account_id), Part::Fixed("ai"), Part::Fixed(path)],
            "account id",
        )
    })?;
    let mut request = Prepared::new(Method::POST, url);
    request.gateway_options(options.gateway.as_ref(), ByokAlias::Ignored)?;
    if let Some(id) = gateway_id {
        request.set(GATEWAY_ID_HEADER, id, "gateway.id")?;
    }
    request.apply(&options.extra_headers, "extraHeaders")?;
    request = request.json_body(body);
    inner.authorize_api(&mut request)?;
    // Every REST API call goes through a gateway (the default one at least),
    // which owns the retries of provider failures.
    Ok(request.behind_gateway())
}

/// The body of `POST /ai/run`: `{"model": …, "input": …}`, in that order.
pub(crate) fn run_body<I: Serialize + ?Sized>(model: &ModelName<'_>, input: &I) -> Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Body<'a, I: ?Sized> {
        #[serde(serialize_with = "display")]
        model: ModelName<'a>,
        input: &'a I,
    }
    /// The name written straight into the body, not formatted apart first.
    fn display<S: serde::Serializer>(model: &ModelName<'_>, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(model)
    }
    js::to_vec(&Body { model: *model, input })
        .map_err(|e| Error::invalid("input", format!("cannot be serialized: {e}")))
}

/// How a streamed `/ai/run` (and a streamed third-party model over the
/// binding) is framed.
///
/// Unconfirmed in the spec (§1.5: whether `/ai/run` streams is not
/// documented): we chose to send `"stream": true` inside `input`, as for
/// Workers AI, and to read server-sent events ending as the model's
/// provider ends them: Anthropic's `message_stop` for `anthropic/…`,
/// `data: [DONE]` for every other model (Workers AI, OpenAI-compatible
/// catalog models, dynamic routes, whose input is a Chat Completions body).
pub(crate) fn run_stream_protocol(model: &ModelName<'_>) -> StreamProtocol {
    match model.provider() {
        Some(info) => StreamProtocol::for_provider(&ProviderSlug::from(info.slug)),
        None => StreamProtocol::DoneSentinel,
    }
}

/// The answer envelope of `POST /ai/run` (and of third-party models run over the binding).
///
/// Unconfirmed in the spec (§1.5: the api.cloudflare.com answer is not
/// documented). We chose to accept, in this order:
/// 1. `{"state": "Failed", "error": {"code", "message"}, …}` (the gateway-host
///    Run API's failure, any HTTP status): an [`Error::UpstreamInference`]
///    whose `name` is the string `code` (`provider_unavailable`);
/// 2. `{"result": <output>, "success": …}` (the v4 / Workers AI envelope,
///    what the spec advises an emulator to answer) and
///    `{"state": "Completed", "result": <output>, …}` (the Run API's
///    success): the output is `result`;
/// 3. anything else: the whole body is the output (a provider's bare answer).
///
/// Two layers: the outer error is the failed answer (step 1, the call's own
/// failure), the inner result the decoded output. One pass over the body
/// when it is a matching `result` envelope (what `/ai/run` answers);
/// otherwise the steps one by one.
pub(crate) fn run_api_read<T: DeserializeOwned>(response: &GatewayResponse) -> Result<Result<T>> {
    /// [`run_api_answer`]'s probe and the envelope's fields at once.
    #[derive(Deserialize)]
    struct Whole<'a, T> {
        #[serde(borrow, default)]
        state: Option<std::borrow::Cow<'a, str>>,
        #[serde(default = "none")]
        result: Option<T>,
        #[serde(default)]
        success: Option<serde::de::IgnoredAny>,
        #[serde(default)]
        #[allow(dead_code, reason = "read as the probe reads it, so the same bodies decode")]
        error: Option<serde::de::IgnoredAny>,
        #[serde(default)]
        #[allow(dead_code, reason = "read as the envelope reads it, so the same bodies decode")]
        result_info: Option<crate::types::log::ResultInfo>,
    }
    fn none<T>() -> Option<T> {
        None
    }
    // Objects only: the derived decoder would also take an array by position.
    let is_object = response.body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if is_object {
        if let Ok(whole) = serde_json::from_slice::<Whole<'_, T>>(&response.body) {
            let state = whole.state.as_deref();
            let is_result = match state {
                Some("Failed") => false,
                Some("Completed") => true,
                _ => whole.success.is_some(),
            };
            if let (true, Some(output)) = (is_result, whole.result) {
                return Ok(Ok(output));
            }
        }
    }
    Ok(match run_api_answer(response)? {
        RunApiAnswer::Result => decode::envelope::<T>(&response.body).map(|e| e.result),
        RunApiAnswer::Bare => response.output(),
    })
}

/// [`run_api_failure`] where `run_api` says the answer is in the `/ai/run`
/// envelope; nothing otherwise.
pub(crate) fn run_api_check(response: &GatewayResponse, run_api: bool) -> Result<()> {
    if run_api { run_api_failure(response) } else { Ok(()) }
}

/// [`run_api_read`] for typed declarations, which decode a
/// [`GatewayResponse`]: the answer with its body replaced by the envelope's
/// `result`, or as it came when it has no envelope.
pub(crate) fn run_api_unwrapped(response: GatewayResponse) -> Result<GatewayResponse> {
    match run_api_answer(&response)? {
        RunApiAnswer::Bare => Ok(response),
        RunApiAnswer::Result => {
            let result = decode::envelope::<Value>(&response.body)?.result;
            let body = serde_json::to_vec(&result).map_err(|e| Error::invalid("result", e.to_string()))?;
            Ok(GatewayResponse { body: body.into(), ..response })
        }
    }
}

/// Step 1 of [`run_api_read`] alone: the `{"state":"Failed"}` answer as
/// an error, checked on every `/ai/run` answer (raw ones included).
pub(crate) fn run_api_failure(response: &GatewayResponse) -> Result<()> {
    run_api_answer(response).map(drop)
}

/// Which envelope of [`run_api_read`] a body is.
enum RunApiAnswer {
    /// Its output is `result`.
    Result,
    /// The body is the output.
    Bare,
}

fn run_api_answer(response: &GatewayResponse) -> Result<RunApiAnswer> {
    #[derive(Deserialize)]
    struct Probe<'a> {
        #[serde(borrow, default)]
        state: Option<std::borrow::Cow<'a, str>>,
        #[serde(default)]
        result: Option<serde::de::IgnoredAny>,
        #[serde(default)]
        success: Option<serde::de::IgnoredAny>,
        #[serde(default)]
        error: Option<Value>,
    }
    let Ok(probe) = serde_json::from_slice::<Probe<'_>>(&response.body) else {
        return Ok(RunApiAnswer::Bare);
    };
    match probe.state.as_deref() {
        Some("Failed") => {
            let error = probe.error.unwrap_or(Value::Null);
            let text = |key: &str| error.get(key).and_then(Value::as_str).map(str::to_owned);
            let name = text("code").or_else(|| error.get("code").map(Value::to_string));
            Err(Error::UpstreamInference {
                status: response.status,
                code: error.get("code").and_then(Value::as_i64),
                message: text("message").unwrap_or_else(|| response.text()),
                name,
                meta: Box::new(response.meta.clone()),
            })
        }
        Some("Completed") if probe.result.is_some() => Ok(RunApiAnswer::Result),
        _ if probe.result.is_some() && probe.success.is_some() => Ok(RunApiAnswer::Result),
        _ => Ok(RunApiAnswer::Bare),
    }
}

/// A `/ai/v1/*` body as JSON.
fn encode<B: Serialize + ?Sized>(body: &B) -> Result<Vec<u8>> {
    js::to_vec(body).map_err(|e| Error::invalid("body", format!("cannot be serialized: {e}")))
}

/// The REST API's `/ai/v1/*` endpoints; from [`Ai::v1`].
///
/// Bodies are the vendors' own (OpenAI Chat Completions, OpenAI Responses,
/// Anthropic Messages), with `model` a catalog name (`openai/gpt-5.5`,
/// `anthropic/claude-sonnet-4-5`) or a Workers AI id (which needs a gateway
/// id, §1.3). The typed calls decode the answer as any `O`; the `_stream`
/// calls add `"stream": true` to the body and decode each event as `C`
/// (the built-in declarations' types fit: [`ChatCompletionChunk`](crate::models::openai::ChatCompletionChunk),
/// [`ResponseEvent`](crate::models::openai::ResponseEvent), [`MessageEvent`](crate::models::anthropic::MessageEvent)).
#[derive(Debug, Clone)]
pub struct V1<'a> {
    ai: &'a Ai,
}

impl Ai {
    /// The REST API's OpenAI- and Anthropic-format endpoints (REST transport only).
    pub fn v1(&self) -> V1<'_> {
        V1 { ai: self }
    }
}

impl V1<'_> {
    /// `POST /ai/v1/chat/completions`.
    pub async fn chat_completions<B, O>(&self, body: &B, options: &RunOptions) -> Result<AiResponse<O>>
    where
        B: Serialize + ?Sized + Sync,
        O: DeserializeOwned,
    {
        self.typed(V1Endpoint::ChatCompletions, body, options).await
    }

    /// `POST /ai/v1/chat/completions` streamed: OpenAI chunks until `data: [DONE]`.
    pub async fn chat_completions_stream<B, C>(&self, body: &B, options: &RunOptions) -> Result<ChunkStream<C>>
    where
        B: Serialize + ?Sized + Sync,
        C: DeserializeOwned + Send + 'static,
    {
        self.chunks(V1Endpoint::ChatCompletions, body, options).await
    }

    /// `POST /ai/v1/responses`.
    pub async fn responses<B, O>(&self, body: &B, options: &RunOptions) -> Result<AiResponse<O>>
    where
        B: Serialize + ?Sized + Sync,
        O: DeserializeOwned,
    {
        self.typed(V1Endpoint::Responses, body, options).await
    }

    /// `POST /ai/v1/responses` streamed: `response.created`,
    /// `response.output_text.delta`, … until `response.completed`.
    pub async fn responses_stream<B, C>(&self, body: &B, options: &RunOptions) -> Result<ChunkStream<C>>
    where
        B: Serialize + ?Sized + Sync,
        C: DeserializeOwned + Send + 'static,
    {
        self.chunks(V1Endpoint::Responses, body, options).await
    }

    /// `POST /ai/v1/messages`.
    pub async fn messages<B, O>(&self, body: &B, options: &RunOptions) -> Result<AiResponse<O>>
    where
        B: Serialize + ?Sized + Sync,
        O: DeserializeOwned,
    {
        self.typed(V1Endpoint::Messages, body, options).await
    }

    /// `POST /ai/v1/messages` streamed: Anthropic's events until `message_stop`.
    pub async fn messages_stream<B, C>(&self, body: &B, options: &RunOptions) -> Result<ChunkStream<C>>
    where
        B: Serialize + ?Sized + Sync,
        C: DeserializeOwned + Send + 'static,
    {
        self.chunks(V1Endpoint::Messages, body, options).await
    }

    /// Sends `body` to `endpoint` and returns the raw answer.
    pub async fn send<B>(&self, endpoint: V1Endpoint, body: &B, options: &RunOptions) -> Result<GatewayResponse>
    where
        B: Serialize + ?Sized + Sync,
    {
        self.send_with(Self::span(endpoint, body, options), endpoint, || encode(body), None, options).await
    }

    /// [`send`](Self::send) with the body already encoded by a typed
    /// declaration, whose `model` (the catalog name) it holds.
    pub(crate) async fn send_encoded(
        &self,
        endpoint: V1Endpoint,
        body: Vec<u8>,
        model: &str,
        options: &RunOptions,
    ) -> Result<GatewayResponse> {
        let span = Self::span_of(endpoint, Some(model), options);
        self.send_with(span, endpoint, || Ok(body), Some(model), options).await
    }

    /// Sends the body `body` encodes; `model` is the one it names when the
    /// caller knows it (else read from the body).
    async fn send_with(
        &self,
        span: tracing::Span,
        endpoint: V1Endpoint,
        body: impl FnOnce() -> Result<Vec<u8>>,
        model: Option<&str>,
        options: &RunOptions,
    ) -> Result<GatewayResponse> {
        call_span::traced(span, async {
            let (request, gateway_id) = self.prepare(endpoint, body, model, false, options)?;
            let inner = &self.ai.inner;
            let answer = inner.execute(request).await?;
            inner.remember_log_id(&answer.headers);
            if !answer.is_success() {
                let call = Call::RestApi { gateway_id: Some(gateway_id.unwrap_or(DEFAULT_GATEWAY)) };
                return Err(decode::classify(answer.status, &answer.headers, &answer.body, call));
            }
            Ok(answer.into_response())
        })
        .await
    }

    /// The span of a call to `endpoint` ([`call_span`]): the model the
    /// body names, through the gateway the options name (else `default`).
    fn span<B: Serialize + ?Sized>(endpoint: V1Endpoint, body: &B, options: &RunOptions) -> tracing::Span {
        // The body is serialized here only for a subscriber that wants the span.
        if !tracing::enabled!(target: "gateway_core", tracing::Level::INFO) {
            return tracing::Span::none();
        }
        let model = serde_json::to_value(body).ok().and_then(|b| call_span::model_of_body(&b).map(str::to_owned));
        Self::span_of(endpoint, model.as_deref(), options)
    }

    /// [`span`](Self::span) of an encoded body.
    fn span_encoded(endpoint: V1Endpoint, body: &[u8], options: &RunOptions) -> tracing::Span {
        if !tracing::enabled!(target: "gateway_core", tracing::Level::INFO) {
            return tracing::Span::none();
        }
        let keys = TopLevelKeys::of(body);
        Self::span_of(endpoint, keys.as_ref().and_then(|k| k.model.as_deref()), options)
    }

    fn span_of(endpoint: V1Endpoint, model: Option<&str>, options: &RunOptions) -> tracing::Span {
        let gateway_id = options.gateway.as_ref().and_then(|g| g.id.as_deref()).unwrap_or(DEFAULT_GATEWAY);
        let provider = model.and_then(call_span::provider_of_model);
        call_span::call_span(call_span::operation_of(endpoint.path()), provider, model, Some(gateway_id))
    }

    /// Sends `body` with `"stream": true` to `endpoint` and returns its events.
    pub async fn send_stream<B>(&self, endpoint: V1Endpoint, body: &B, options: &RunOptions) -> Result<EventStream>
    where
        B: Serialize + ?Sized + Sync,
    {
        self.send_stream_with(Self::span(endpoint, body, options), endpoint, || encode(body), options).await
    }

    /// [`send_stream`](Self::send_stream) with the body already encoded (typed declarations).
    pub(crate) async fn send_stream_encoded(
        &self,
        endpoint: V1Endpoint,
        body: Vec<u8>,
        options: &RunOptions,
    ) -> Result<EventStream> {
        self.send_stream_with(Self::span_encoded(endpoint, &body, options), endpoint, || Ok(body), options).await
    }

    async fn send_stream_with(
        &self,
        span: tracing::Span,
        endpoint: V1Endpoint,
        body: impl FnOnce() -> Result<Vec<u8>>,
        options: &RunOptions,
    ) -> Result<EventStream> {
        call_span::traced(span, async {
            let (request, gateway_id) = self.prepare(endpoint, body, None, true, options)?;
            match self.ai.inner.execute_stream(request).await? {
                Ok(events) => Ok(events),
                Err(answer) => {
                    let call = Call::RestApi { gateway_id: Some(gateway_id.unwrap_or(DEFAULT_GATEWAY)) };
                    Err(decode::classify(answer.status, &answer.headers, &answer.body, call))
                }
            }
        })
        .await
    }

    async fn typed<B, O>(&self, endpoint: V1Endpoint, body: &B, options: &RunOptions) -> Result<AiResponse<O>>
    where
        B: Serialize + ?Sized + Sync,
        O: DeserializeOwned,
    {
        let response = self.send(endpoint, body, options).await?;
        let output = response.json()?;
        Ok(AiResponse { output, meta: response.meta })
    }

    async fn chunks<B, C>(&self, endpoint: V1Endpoint, body: &B, options: &RunOptions) -> Result<ChunkStream<C>>
    where
        B: Serialize + ?Sized + Sync,
        C: DeserializeOwned + Send + 'static,
    {
        Ok(self.send_stream(endpoint, body, options).await?.chunks(endpoint.stream_protocol()))
    }

    /// The checked request and its gateway id (`None`: the default gateway).
    /// The body's `model` is read from it unless the caller gives it
    /// (`known_model`, a typed declaration's catalog name, not streamed).
    fn prepare<'o>(
        &self,
        endpoint: V1Endpoint,
        body: impl FnOnce() -> Result<Vec<u8>>,
        known_model: Option<&str>,
        stream: bool,
        options: &'o RunOptions,
    ) -> Result<(Prepared, Option<&'o str>)> {
        let inner = &self.ai.inner;
        if let Transport::Binding(_) = inner.config.transport {
            return Err(Error::invalid(
                "transport",
                format!(
                    "`/ai/{}` is part of Cloudflare's REST API; the binding protocol has no such call",
                    endpoint.path()
                ),
            ));
        }
        let bytes = body()?;
        if let Some(model) = known_model.filter(|_| !stream) {
            let gateway_id = gateway_of(&ModelName::parse(model)?, options)?;
            return Ok((request(inner, endpoint.path(), bytes, options, gateway_id)?, gateway_id));
        }
        // The body's keys, read without building a `Value`.
        let keys = TopLevelKeys::of(&bytes);
        let model = keys.as_ref().and_then(|k| k.model.as_deref()).ok_or_else(|| {
            Error::invalid("model", "the body needs a `model` string naming the model (`openai/gpt-5.5`)")
        })?;
        let gateway_id = gateway_of(&ModelName::parse(model)?, options)?;
        let has_stream = keys.is_some_and(|k| k.stream);
        let bytes = if stream { with_stream_flag_encoded(bytes, has_stream)? } else { bytes };
        Ok((request(inner, endpoint.path(), bytes, options, gateway_id)?, gateway_id))
    }
}
