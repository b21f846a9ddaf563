//! The calls the client benchmarks make (`client_overhead`, `callgrind_driver
//! client`): one hand-written floor per answer shape, the typed client on
//! each of its routes, and async-openai as the peer for OpenAI-format calls,
//! all against the [`minimal_upstream`](crate::minimal_upstream).
//!
//! Two answer shapes, each with its floor (`reqwest` + `serde_json` by hand):
//!
//! - Workers AI's envelope (`{"result":{"response":…},"success":true,…}`):
//!   floor [`Variant::Baseline`], a direct Workers AI call; the typed client's
//!   `run`, `run_model` (Workers AI declaration), `universal` (a one-step
//!   universal request through a gateway) and `run_api` (the REST API's
//!   `POST /ai/run` with a catalog model name) answer in it.
//! - OpenAI chat completions ([`OPENAI_JSON`](crate::OPENAI_JSON)): floor
//!   [`Variant::BaselineOpenai`], `POST {gateway}/openai/chat/completions`
//!   with the same request and response fields the built-in `Gpt4oMini`
//!   declaration has; the typed `provider` (`gateway.run_model(&openai, …)`),
//!   `v1` (`Ai::run_model` over the REST API's `/ai/v1/chat/completions`)
//!   and `async_openai` (its `chat().create`, request built with its builders)
//!   make the same call.
//!
//! Every call checks the decoded text.

use std::error::Error as StdError;
use std::net::SocketAddr;
use std::time::Duration;

use gateway_core::models::openai::Gpt4oMiniRequest;
use gateway_core::models::workers_ai::{ChatMessage, Llama31InstructInput, Llama31InstructRequest};
use gateway_core::{
    Ai, BuiltinProvider, Config, GatewayExt as _, HttpGateway, Provider as _, RunOptions, UniversalOptions,
    UniversalRequest, kind,
};
use reqwest::Url;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// A boxed error, for the benchmark binaries.
pub type BoxError = Box<dyn StdError + Send + Sync>;

/// The Workers AI model of the Workers AI-shaped calls.
pub const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
/// The OpenAI model of the OpenAI-format calls (the `Gpt4oMini` declaration's).
pub const OPENAI_MODEL: &str = "gpt-4o-mini";
/// The catalog model of the REST API's `/ai/run` call.
pub const CATALOG_MODEL: &str = "openai/gpt-4o-mini";
/// The text of the minimal upstream's answers, checked on every call.
pub const EXPECTED: &str = "Hello from the minimal upstream.";
/// The account id in every URL.
const ACCOUNT: &str = "acc";
/// The gateway of the gateway-host calls.
const GATEWAY: &str = "gw";

/// One way of making a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// Workers AI floor: reqwest + `serde_json` by hand, direct Workers AI.
    Baseline,
    /// `Ai::run::<_, Out>`, direct Workers AI.
    Run,
    /// `Ai::run_model(&Llama31InstructRequest)`, direct Workers AI.
    RunModel,
    /// `gateway.run(UniversalRequest)` with one Workers AI step, decoded with `output::<Out>()`.
    Universal,
    /// `Ai::run::<_, Out>("openai/gpt-4o-mini")`: the REST API's `POST /ai/run`.
    RunApi,
    /// OpenAI floor: reqwest + `serde_json` by hand, the gateway's `openai` route.
    BaselineOpenai,
    /// `gateway.run_model(&BuiltinProvider::openai(key), &Gpt4oMiniRequest)`.
    Provider,
    /// `Ai::run_model(&Gpt4oMiniRequest)`: the REST API's `/ai/v1/chat/completions`.
    V1,
    /// async-openai's `client.chat().create(..)` on the gateway's `openai` route.
    AsyncOpenai,
    /// [`Variant::Run`] on a client with `with_max_retries(2)`: what a try
    /// that succeeds costs when a retry may follow.
    RunRetries,
    /// [`Variant::Provider`] on a client with `with_max_retries(2)`.
    ProviderRetries,
}

impl Variant {
    /// Every variant, floors first in each group.
    pub const ALL: [Self; 11] = [
        Self::Baseline,
        Self::Run,
        Self::RunModel,
        Self::Universal,
        Self::RunApi,
        Self::BaselineOpenai,
        Self::Provider,
        Self::V1,
        Self::AsyncOpenai,
        Self::RunRetries,
        Self::ProviderRetries,
    ];

    /// The position in [`Self::ALL`]: variants are declared in that order.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The variant's name on the command line and in the tables.
    pub fn name(self) -> &'static str {
        match self {
            Self::Baseline => "baseline",
            Self::Run => "run",
            Self::RunModel => "run_model",
            Self::Universal => "universal",
            Self::RunApi => "run_api",
            Self::BaselineOpenai => "baseline_openai",
            Self::Provider => "provider",
            Self::V1 => "v1",
            Self::AsyncOpenai => "async_openai",
            Self::RunRetries => "run_retries",
            Self::ProviderRetries => "provider_retries",
        }
    }

    /// The variant called `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.name() == name)
    }

    /// What the variant calls.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Baseline => "reqwest + serde_json by hand, Workers AI direct",
            Self::Run => "Ai::run::<_, Out>, Workers AI direct",
            Self::RunModel => "Ai::run_model(&Llama31InstructRequest), Workers AI direct",
            Self::Universal => "gateway.run(UniversalRequest: one workers-ai step) + output::<Out>()",
            Self::RunApi => "Ai::run::<_, Out>(\"openai/gpt-4o-mini\"): REST API POST /ai/run",
            Self::BaselineOpenai => "reqwest + serde_json by hand, gateway openai/chat/completions",
            Self::Provider => "gateway.run_model(&BuiltinProvider::openai, &Gpt4oMiniRequest)",
            Self::V1 => "Ai::run_model(&Gpt4oMiniRequest): REST API /ai/v1/chat/completions",
            Self::AsyncOpenai => "async-openai chat().create, gateway openai/chat/completions",
            Self::RunRetries => "Ai::run::<_, Out>, Workers AI direct, with_max_retries(2)",
            Self::ProviderRetries => "gateway.run_model(&BuiltinProvider::openai, ..), with_max_retries(2)",
        }
    }

    /// The hand-written floor making the same exchange.
    #[must_use]
    pub fn floor(self) -> Self {
        match self {
            Self::Baseline | Self::Run | Self::RunModel | Self::Universal | Self::RunApi | Self::RunRetries => {
                Self::Baseline
            }
            Self::BaselineOpenai | Self::Provider | Self::V1 | Self::AsyncOpenai | Self::ProviderRetries => {
                Self::BaselineOpenai
            }
        }
    }

    /// Whether it is a floor.
    pub fn is_floor(self) -> bool {
        self.floor() == self
    }
}

/// What the model answers, as a user would declare it.
#[derive(Deserialize)]
struct Out {
    response: String,
}

/// The Workers AI envelope, as a user would declare it.
#[derive(Deserialize)]
struct Envelope<T> {
    result: T,
}

/// The OpenAI floor's request: what `Gpt4oMiniRequest` sends.
#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: [Message<'a>; 1],
}

#[derive(Serialize)]
struct Message<'a> {
    role: &'a str,
    content: &'a str,
}

/// The OpenAI floor's answer: the fields `Gpt4oMiniResponse` decodes.
#[derive(Deserialize)]
#[allow(dead_code, reason = "decoded like the typed response, read in part")]
struct Completion {
    id: String,
    model: String,
    choices: Vec<CompletionChoice>,
    usage: Option<CompletionUsage>,
}

#[derive(Deserialize)]
#[allow(dead_code, reason = "decoded like the typed response, read in part")]
struct CompletionChoice {
    #[serde(default)]
    index: u32,
    message: CompletionMessage,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code, reason = "decoded like the typed response, read in part")]
struct CompletionMessage {
    #[serde(default)]
    role: String,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    refusal: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code, clippy::struct_field_names, reason = "decoded like the typed response, named as OpenAI names them")]
struct CompletionUsage {
    #[serde(default)]
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
    #[serde(default)]
    total_tokens: u64,
}

/// The ways of making the calls, sharing nothing but the upstream.
#[allow(missing_debug_implementations, reason = "async-openai's client has no `Debug`; nothing prints these")]
pub struct Clients {
    ai: Ai,
    gateway: HttpGateway,
    /// The same client with client-side retries on (none is ever made: every answer succeeds).
    ai_retrying: Ai,
    gateway_retrying: HttpGateway,
    openai: BuiltinProvider<kind::Openai>,
    http: reqwest::Client,
    url: Url,
    openai_url: Url,
    auth: HeaderValue,
    async_openai: async_openai::Client<async_openai::config::OpenAIConfig>,
}

impl Clients {
    /// Clients of the upstream at `addr`.
    pub fn new(addr: SocketAddr) -> Result<Self, BoxError> {
        let base = format!("http://{addr}/client/v4");
        let gateway_base = format!("http://{addr}/v1");
        let config =
            Config::new(ACCOUNT).with_api_token("t").with_api_base_url(&base).with_gateway_base_url(&gateway_base);
        let ai = Ai::new(config.clone())?;
        let gateway = ai.gateway(GATEWAY);
        let ai_retrying = Ai::new(config.with_max_retries(2))?;
        let gateway_retrying = ai_retrying.gateway(GATEWAY);
        // The timeouts `Config::new` gives the typed client's own reqwest client.
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .build()?;
        let url = Url::parse(&format!("{base}/accounts/{ACCOUNT}/ai/run/{MODEL}"))?;
        let openai_base = format!("{gateway_base}/{ACCOUNT}/{GATEWAY}/openai");
        let openai_url = Url::parse(&format!("{openai_base}/chat/completions"))?;
        let mut auth = HeaderValue::from_static("Bearer t");
        auth.set_sensitive(true);
        let async_openai = async_openai::Client::with_config(
            async_openai::config::OpenAIConfig::new().with_api_base(openai_base).with_api_key("t"),
        );
        Ok(Self {
            ai,
            gateway,
            ai_retrying,
            gateway_retrying,
            openai: BuiltinProvider::openai("t"),
            http,
            url,
            openai_url,
            auth,
            async_openai,
        })
    }

    /// One call; the length of the decoded text.
    pub async fn call(&self, variant: Variant) -> Result<usize, BoxError> {
        let text_len = |text: Option<&String>| text.map_or(0, String::len);
        Ok(match variant {
            Variant::Baseline => {
                let body = serde_json::to_vec(&json!({"prompt": "hi"}))?;
                let bytes = self.post(self.url.clone(), body).await?;
                let envelope: Envelope<Out> = serde_json::from_slice(&bytes)?;
                envelope.result.response.len()
            }
            Variant::Run => {
                let answer = self.ai.run::<_, Out>(MODEL, &json!({"prompt": "hi"}), &RunOptions::new()).await?;
                answer.output.response.len()
            }
            Variant::RunRetries => {
                let answer =
                    self.ai_retrying.run::<_, Out>(MODEL, &json!({"prompt": "hi"}), &RunOptions::new()).await?;
                answer.output.response.len()
            }
            Variant::ProviderRetries => {
                let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]);
                let result = self.gateway_retrying.run_model(&self.openai, &request, &UniversalOptions::new()).await?;
                text_len(result.response.choices.first().and_then(|c| c.message.content.as_ref()))
            }
            Variant::RunModel => {
                let request = Llama31InstructRequest::new(Llama31InstructInput::Prompt("hi".into()));
                let result = self.ai.run_model(&request, &RunOptions::new()).await?;
                result.response.response.map_or(0, |text| text.len())
            }
            Variant::Universal => {
                let step = BuiltinProvider::workers_ai("t").step(MODEL, json!({"prompt": "hi"}));
                let response = self.gateway.run(UniversalRequest::from(step), &UniversalOptions::new()).await?;
                response.output::<Out>()?.response.len()
            }
            Variant::RunApi => {
                let input = json!({"messages": [{"role": "user", "content": "hi"}]});
                self.ai.run::<_, Out>(CATALOG_MODEL, &input, &RunOptions::new()).await?.output.response.len()
            }
            Variant::BaselineOpenai => {
                let request = ChatRequest { model: OPENAI_MODEL, messages: [Message { role: "user", content: "hi" }] };
                let body = serde_json::to_vec(&request)?;
                let bytes = self.post(self.openai_url.clone(), body).await?;
                let completion: Completion = serde_json::from_slice(&bytes)?;
                text_len(completion.choices.first().and_then(|c| c.message.content.as_ref()))
            }
            Variant::Provider => {
                let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]);
                let result = self.gateway.run_model(&self.openai, &request, &UniversalOptions::new()).await?;
                text_len(result.response.choices.first().and_then(|c| c.message.content.as_ref()))
            }
            Variant::V1 => {
                let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]);
                let result = self.ai.run_model(&request, &RunOptions::new()).await?;
                text_len(result.response.choices.first().and_then(|c| c.message.content.as_ref()))
            }
            Variant::AsyncOpenai => {
                use async_openai::types::chat::{
                    ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs,
                };
                let message = ChatCompletionRequestUserMessageArgs::default().content("hi").build()?;
                let request = CreateChatCompletionRequestArgs::default()
                    .model(OPENAI_MODEL)
                    .messages([message.into()])
                    .build()?;
                let response = self.async_openai.chat().create(request).await?;
                text_len(response.choices.first().and_then(|c| c.message.content.as_ref()))
            }
        })
    }

    /// The floors' POST: bearer token, JSON body, status checked, bytes read.
    async fn post(&self, url: Url, body: Vec<u8>) -> Result<bytes::Bytes, BoxError> {
        let response = self
            .http
            .post(url)
            .header(AUTHORIZATION, self.auth.clone())
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .body(body)
            .send()
            .await?
            .error_for_status()?;
        Ok(response.bytes().await?)
    }

    /// [`call`](Self::call), failing unless the answer was decoded in full.
    pub async fn checked_call(&self, variant: Variant) -> Result<(), BoxError> {
        let len = std::hint::black_box(self.call(variant).await?);
        if len == EXPECTED.len() {
            Ok(())
        } else {
            Err(format!("{}: decoded a text of {len} bytes, expected {}", variant.name(), EXPECTED.len()).into())
        }
    }
}
