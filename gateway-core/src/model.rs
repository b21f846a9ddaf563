//! Typed models: what `#[derive(Model)]` implements, and the glue that runs
//! any model directly, through a gateway, or as a step of a fallback list.
//!
//! # Declaring a model
//!
//! A declaration is a struct whose fields are the model's input fields and,
//! marked `#[model(output)]`, its output fields. The derive generates
//! `{Name}Request` (required fields through `new`, optional ones through
//! builder methods) and `{Name}Response` (lenient decoding: unknown fields
//! are ignored, the Workers AI `result` envelope is unwrapped), and
//! implements [`Model`] for the declaration.
//!
//! ```
//! use gateway_core::{Model, ModelRequest};
//!
//! #[derive(Debug, Model)]
//! #[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")] // provider implied by `@cf/`
//! pub struct Llama {
//!     /// Exactly one of `prompt` and `messages`: an exclusive group.
//!     #[model(one_of = "input", length = 1..=131_072)]
//!     prompt: String,
//!     #[model(one_of = "input")]
//!     messages: Vec<String>,
//!     /// The model's own default is 0.6: not sent unless set, checked against 0..=5.
//!     #[model(default = 0.6, range = 0..=5)]
//!     temperature: f64,
//!     /// Optional: sent only when set.
//!     #[model(rename = "max_tokens", range = 1..)]
//!     limit: Option<u32>,
//!     /// An enumeration: becomes `LlamaMode { Fast, Careful }`.
//!     #[model(values("fast", "careful"))]
//!     mode: Option<String>,
//!     #[model(output)]
//!     response: Option<String>,
//! }
//!
//! let request = LlamaRequest::new(LlamaInput::Prompt("Hi".into())).limit(64).mode(LlamaMode::Fast);
//! assert_eq!(
//!     request.to_query().unwrap(),
//!     serde_json::json!({"prompt": "Hi", "max_tokens": 64, "mode": "fast"})
//! );
//! // Limits the types cannot express are checked before sending.
//! let err = LlamaRequest::new(LlamaInput::Prompt("Hi".into())).temperature(9.0).validate().unwrap_err();
//! assert_eq!(err.to_string(), "invalid temperature: must be between 0 and 5, got 9");
//! ```
//!
//! Container attributes, `#[model(...)]` on the struct:
//!
//! | key | meaning |
//! |---|---|
//! | `id = "..."` | the model id (required); Workers AI ids are `@cf/author/name` or `@hf/author/name` |
//! | `provider = "openai"` | a published provider slug, or `provider = MyProvider`, a type implementing [`ProviderKind`] (`#[derive(Provider)]`); implied `workers-ai` for `@cf/`/`@hf/` ids |
//! | `endpoint = "chat/completions"` | the path after the provider's base URL; implied for Workers AI (the model id), required otherwise. Other models get a `model` field holding the id in their body. |
//! | `binary` | the answer is raw bytes (images, audio): the response is [`BinaryOutput`] |
//! | `stream` | the output streams as Workers AI `{"response": …}` chunks, each decoded as `{Name}Response` (needs a `response` output; every output an `Option` or `default`); implements [`StreamingModel`] |
//! | `stream = Chunk` | the output streams as chunks of the type `Chunk` (the provider's own chunk shape) |
//! | `crate = "path"` | where `gateway_core` is, when renamed or re-exported |
//!
//! Field attributes, `#[model(...)]` on a field:
//!
//! | key | meaning |
//! |---|---|
//! | (none) | a required input (a parameter of `new`), or an optional one (a builder method, sent only when set) when its type is `Option<T>` |
//! | `rename = "wire"` | the name on the wire |
//! | `default = <literal>` | the model's own default, on a plain (not `Option`) type: the field is optional, documented with this default and sent only when a builder method sets it |
//! | `range = a..=b`, `a..`, `..=b` | numeric limits (inclusive), checked before sending |
//! | `length = a..=b`, ... | characters of a string or items of a list (a [`OneOrMany`] value is one item), checked before sending |
//! | `each(range = a..=b)`, `each(length = a..=b)` | limits on every item of a list (`Vec<T>`, [`OneOrMany<T>`]): the range of numeric items, the length of string or list items; an error names the item (`text[2]`) |
//! | `values("a", "b")` | a `String` field becomes a generated enum `{Name}{Field}` (variants in `UpperCamelCase`) |
//! | `nested` | the value is a [`#[derive(Object)]`](crate::Object) (or a list, `Option` or [`OneOrMany`] of them) whose own limits are checked too; an error names the path (`messages[2].content`) |
//! | `one_of = "group"` | an exclusive group (two or more fields): `new` takes an enum `{Name}{Group}` with one variant per member, so "both" and "neither" cannot be built |
//! | `with = "member"` | sent only with that member of an exclusive group (a schema's `oneOf` branch with fields of its own): the member's variant holds a struct `{Name}{Member}` of the member (a parameter of its `new`) and its `with` fields (required ones in `new`, optional ones as builder methods); the field cannot be set on the request or with another member |
//! | `output` | an output field (`Option<T>` when it may be absent); with `default`, a missing value decodes as `Default::default()` |
//! | `output, transparent` | the only output field is the whole answer (a bare list, say) |
//!
//! Builder methods and `new` take integers and booleans as their own type
//! (`.limit(64)`), floats, strings and lists through `Into`
//! (`.temperature(1)`, `.lora("x")`), and enums as the generated enum
//! (`.mode(LlamaMode::Fast)`); a wrong value is a compile error naming the
//! variants to write, and so is a builder method for a group member (it is
//! chosen in `new`) or for a field sent with another member.
//!
//! Schema shapes with no plain Rust type have value types here: a string or
//! a list of strings is [`OneOrMany<String>`], base64-encoded bytes (an
//! image output) are [`Base64`], which decodes. Bytes sent as a list of
//! numbers (Workers AI `audio`) are `Vec<u8>`. Nested objects (chat
//! messages, rerank contexts, tools) are structs with
//! [`#[derive(Object)]`](crate::Object).
//!
//! A prompt-or-chat model whose branches have fields of their own:
//!
//! ```
//! use gateway_core::{Model, ModelRequest};
//!
//! #[derive(Debug, Model)]
//! #[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
//! pub struct Chat {
//!     #[model(one_of = "input", length = 1..)]
//!     prompt: String,
//!     /// Only with `prompt`.
//!     #[model(with = "prompt")]
//!     raw: Option<bool>,
//!     #[model(one_of = "input", length = 1..)]
//!     messages: Vec<String>,
//!     /// Only with `messages`, at most 8.
//!     #[model(with = "messages", length = ..=8, each(length = 1..))]
//!     tools: Option<Vec<String>>,
//!     #[model(default = 256, range = 1..)]
//!     max_tokens: u32,
//!     #[model(output)]
//!     response: Option<String>,
//! }
//!
//! let request = ChatRequest::new(ChatPrompt::new("Hi").raw(true)).max_tokens(64);
//! assert_eq!(request.to_query()?, serde_json::json!({"prompt": "Hi", "raw": true, "max_tokens": 64}));
//! let request = ChatRequest::new(ChatMessages::new(vec!["Hi".to_owned()]).tools(vec!["search".to_owned()]));
//! assert_eq!(request.to_query()?, serde_json::json!({"messages": ["Hi"], "tools": ["search"]}));
//! // `ChatPrompt::new("Hi").tools(..)` and `ChatRequest::new(..).raw(..)` do not compile.
//! # Ok::<(), gateway_core::Error>(())
//! ```
//!
//! The request derives `Debug` and `Clone` and serializes each input, so
//! the type of every input field implements `Debug`, `Clone` and
//! `serde::Serialize`; output types implement `Debug`, `Clone` and
//! `serde::Deserialize`.
//!
//! Every mistake in a declaration is a compile error pointing at it, and all
//! of a declaration's mistakes are reported together.

use std::fmt;
use std::future::Future;
use std::sync::{Arc, LazyLock};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::client::{Ai, RunOptions, UniversalOptions};
use crate::config::Transport;
use crate::error::{Error, Result};
use crate::gateway::{Gateway, HttpGateway};
use crate::provider::{Provider, ProviderSlug};
use crate::response::{GatewayMeta, GatewayResponse};
use crate::rest_api::{DEFAULT_GATEWAY, Declared, run_api_check, run_api_unwrapped};
use crate::stream::{ChunkStream, StreamProtocol};
use crate::types::log::AiGatewayLog;
use crate::types::metadata::Metadata;
use crate::types::patch::{Feedback, PatchLog};
use crate::types::universal::{UniversalRequest, UniversalStep};
use crate::wire::js;

mod object;
mod values;
pub use object::Validate;
pub use values::{Base64, Base64Error, OneOrMany};

/// A model: its id, who serves it, and its request and response types.
///
/// Implemented by `#[derive(Model)]`; see the crate docs for the declaration syntax.
pub trait Model: Sized + Send + Sync + 'static {
    /// The model id (`@cf/meta/llama-3.1-8b-instruct-fp8`, `gpt-4o-mini`).
    const ID: &'static str;
    /// Whether the body names the model in a `model` field (OpenAI,
    /// Anthropic, ...) rather than in the path (Workers AI).
    const MODEL_IN_BODY: bool;
    /// The typed request.
    type Request: ModelRequest<Model = Self>;
    /// The typed response.
    type Response: ModelResponse;
    /// The kind of provider that serves it: a published provider's
    /// [`kind`](crate::provider::kind) marker (`kind::Openai`), or the
    /// `#[derive(Provider)]` type of `provider = Type`. A typed step takes
    /// only a provider of this kind ([`ProviderOf`]).
    type Kind: 'static;
    /// The provider that serves it.
    fn provider() -> ProviderSlug;
    /// The path relative to the provider's base URL (Workers AI: the model id).
    fn endpoint() -> &'static str;

    /// Reads the declaration's fields, so they never warn as unused.
    #[doc(hidden)]
    fn __declaration(&self) {}
}

/// A model whose output streams (`#[model(stream)]`): its chunk type and
/// how its stream ends.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not stream: it is not declared with `#[model(stream)]`",
    label = "this model's output does not stream",
    note = "declare `stream` (Workers AI text chunks) or `stream = ChunkType` in its `#[model(...)]`, if its output can stream"
)]
pub trait StreamingModel: Model {
    /// One streamed chunk.
    type Chunk: DeserializeOwned + Send + 'static;
    /// How the stream ends.
    const PROTOCOL: StreamProtocol;
}

/// A typed request of a [`Model`].
pub trait ModelRequest: Serialize + Send + Sync + fmt::Debug {
    /// The model it belongs to.
    type Model: Model<Request = Self>;

    /// Checks the limits the types cannot (ranges, lengths), naming the field
    /// and the limit on failure.
    fn validate(&self) -> Result<()>;

    /// The provider request body as JSON (validated first).
    fn to_query(&self) -> Result<Value> {
        self.validate()?;
        let bytes = js::to_vec(self).map_err(|e| Error::invalid("request", format!("cannot be serialized: {e}")))?;
        serde_json::from_slice(&bytes).map_err(|e| Error::invalid("request", e.to_string()))
    }

    /// This request as a universal step for `provider`, a provider of the
    /// model's own kind ([`Model::Kind`]): another provider does not compile.
    /// Fails only when the request breaks a limit ([`validate`](Self::validate)).
    fn to_step<P>(&self, provider: &P) -> Result<UniversalStep>
    where
        P: ProviderOf<<Self::Model as Model>::Kind> + ?Sized,
    {
        Ok(provider.step(<Self::Model as Model>::endpoint(), self.to_query()?))
    }

    /// [`to_step`](Self::to_step) for a provider known only at run time
    /// (an untyped [`BuiltinProvider`](crate::BuiltinProvider), a `dyn Provider`):
    /// an error if its slug is not the model's provider.
    fn to_step_dyn(&self, provider: &dyn Provider) -> Result<UniversalStep> {
        check_provider::<Self::Model>(provider)?;
        Ok(provider.step(<Self::Model as Model>::endpoint(), self.to_query()?))
    }
}

/// A typed response of a [`Model`].
pub trait ModelResponse: Sized + Send + 'static {
    /// Decodes an answer (unwrapping the Workers AI envelope where there is one).
    fn from_response(response: &GatewayResponse) -> Result<Self>;
}

/// The raw answer of a model whose output is not JSON (images, audio).
#[derive(Clone)]
#[non_exhaustive]
pub struct BinaryOutput {
    /// The `content-type` of the answer.
    pub content_type: Option<String>,
    /// The bytes.
    pub bytes: bytes::Bytes,
}

impl fmt::Debug for BinaryOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BinaryOutput")
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl ModelResponse for BinaryOutput {
    fn from_response(response: &GatewayResponse) -> Result<Self> {
        Ok(Self { content_type: response.content_type().map(str::to_owned), bytes: response.body.clone() })
    }
}

/// Metadata built from a typed struct (`#[derive(Metadata)]`).
pub trait ToMetadata {
    /// The metadata entries.
    fn to_metadata(&self) -> Metadata;
}

impl ToMetadata for Metadata {
    fn to_metadata(&self) -> Metadata {
        self.clone()
    }
}

/// A provider type with a fixed slug (`#[derive(Provider)]`), usable as a
/// model's `provider = Type`.
pub trait ProviderKind: Provider {
    /// The slug the gateway routes on.
    const SLUG: &'static str;
}

/// A provider that serves models of kind `K` ([`Model::Kind`]): what a typed
/// step ([`ModelRequest::to_step`], [`Fallback::then`]) takes.
///
/// Implemented by every [`ProviderKind`] (a `#[derive(Provider)]` type) for
/// itself, and by [`BuiltinProvider<K>`](crate::BuiltinProvider) for each
/// published provider's kind `K`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a provider of kind `{K}`, the provider this model is declared with",
    label = "the model needs a provider of kind `{K}`",
    note = "pass a provider of the model's own kind: `BuiltinProvider<{K}>` for a published provider \
            (`BuiltinProvider::workers_ai(..)`, `openai(..)`, `anthropic(..)`, `BuiltinProvider::of::<{K}>()`), \
            or a value of the `#[derive(Provider)]` type the model names in `provider = ...`",
    note = "a provider known only at run time goes through `to_step_dyn` or `Fallback::then_dyn`, checked when the step is built"
)]
pub trait ProviderOf<K>: Provider {}

impl<P: ProviderKind> ProviderOf<P> for P {}

/// A typed request whose model provider `P` serves: [`Fallback::then`]'s
/// bound, implemented for every [`ModelRequest`] and every
/// [`ProviderOf`] its model's kind. (Bounding on the request rather than on
/// the provider lets the compiler learn the model before it checks the
/// provider, so a mismatch is reported by [`ProviderOf`]'s explanation.)
pub trait RequestFor<P: ?Sized>: ModelRequest {
    /// [`ModelRequest::to_step`] for `provider`.
    fn step_for(&self, provider: &P) -> Result<UniversalStep>;
}

impl<R, P> RequestFor<P> for R
where
    R: ModelRequest,
    P: ProviderOf<<R::Model as Model>::Kind> + ?Sized,
{
    fn step_for(&self, provider: &P) -> Result<UniversalStep> {
        self.to_step(provider)
    }
}

fn check_provider<M: Model>(provider: &dyn Provider) -> Result<()> {
    let expected = M::provider();
    let got = provider.slug();
    if got == expected {
        Ok(())
    } else {
        Err(Error::invalid("provider", format!("model `{}` is served by `{expected}`, not `{got}`", M::ID)))
    }
}

/// A model's typed answer with the gateway's report; sends feedback on its own log.
pub struct ModelResult<M: Model> {
    /// The typed response.
    pub response: M::Response,
    /// What the gateway reported.
    pub meta: GatewayMeta,
    gateway: Option<LogGateway>,
}

/// The gateway a result's log lives in, for feedback and reading the log.
#[derive(Clone)]
enum LogGateway {
    /// The HTTP gateway: two reference counts, no allocation per result.
    Http(HttpGateway),
    /// Any other implementation, shared.
    Shared(Arc<dyn Gateway>),
}

impl LogGateway {
    /// `gateway`, kept as the HTTP one when it is.
    fn of<G: Gateway + Clone + 'static>(gateway: &G) -> Self {
        match gateway.as_http() {
            Some(http) => Self::Http(http.clone()),
            None => Self::Shared(Arc::new(gateway.clone())),
        }
    }

    fn get(&self) -> &dyn Gateway {
        match self {
            Self::Http(gateway) => gateway,
            Self::Shared(gateway) => gateway.as_ref(),
        }
    }
}

impl<M: Model> fmt::Debug for ModelResult<M>
where
    M::Response: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ModelResult")
            .field("model", &M::ID)
            .field("response", &self.response)
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

impl<M: Model> ModelResult<M> {
    /// The log id, when the request went through a gateway and was logged.
    pub fn log_id(&self) -> Option<&str> {
        self.meta.log_id.as_deref()
    }

    /// The response, dropping the report.
    pub fn into_response(self) -> M::Response {
        self.response
    }

    fn log(&self) -> Result<(&dyn Gateway, &str)> {
        match (&self.gateway, self.log_id()) {
            (Some(gateway), Some(id)) => Ok((gateway.get(), id)),
            (None, _) => Err(Error::invalid("log", "this result did not go through a gateway, so it has no log")),
            (_, None) => Err(Error::invalid("log", "the gateway reported no log id (logging off?)")),
        }
    }

    /// Patches this result's log.
    pub async fn patch_log(&self, patch: &PatchLog) -> Result<()> {
        let (gateway, id) = self.log()?;
        gateway.patch_log(id, patch).await
    }

    /// Sends feedback on this result's log.
    pub async fn feedback(&self, feedback: Feedback) -> Result<()> {
        self.patch_log(&PatchLog::new().feedback(feedback)).await
    }

    /// Reads this result's log (waiting up to five seconds for it to appear).
    pub async fn get_log(&self) -> Result<AiGatewayLog> {
        let (gateway, id) = self.log()?;
        gateway.wait_for_log(id, std::time::Duration::from_secs(5)).await
    }
}

impl Ai {
    /// Runs a typed request.
    ///
    /// A Workers AI model runs as [`Ai::run`] runs its id: directly, or
    /// through the gateway in `options.gateway`. An OpenAI-format or
    /// Anthropic-format declaration (`provider = "openai"` at
    /// `chat/completions` or `responses`, `provider = "anthropic"` at
    /// `v1/messages`; the mapping is [`V1Endpoint::of_declaration`](crate::rest_api::V1Endpoint::of_declaration)) runs
    /// under its catalog name (`openai/{ID}`) with Unified Billing, no
    /// provider key: over REST through the REST API's `/ai/v1/*` (the
    /// gateway of `options.gateway`, or the account's default gateway), over
    /// the binding through `run` (a gateway id required). Other providers'
    /// models go through [`GatewayExt::run_model`], which takes their credential.
    pub async fn run_model<R: ModelRequest>(&self, request: &R, options: &RunOptions) -> Result<ModelResult<R::Model>> {
        let declared = Declared::of::<R::Model>()?;
        request.validate()?;
        let (response, run_api) = match &declared {
            Declared::WorkersAi => {
                let (response, route, ()) =
                    self.run_routed(<R::Model as Model>::endpoint(), request, options, run_api_check).await?;
                (response, route.run_api)
            }
            Declared::Catalog { name, endpoint } => match self.config().transport() {
                Transport::Binding(_) => {
                    let body = catalog_body(request, None)?;
                    let (response, route, ()) = self.run_routed(name, &body, options, run_api_check).await?;
                    (response, route.run_api)
                }
                _ => {
                    let body = catalog_body_encoded(request, name)?;
                    (self.v1().send_encoded(*endpoint, body, name, options).await?, false)
                }
            },
        };
        // The `/ai/run` envelope (REST API, third-party models over the binding), unwrapped.
        let response = if run_api { run_api_unwrapped(response)? } else { response };
        Ok(ModelResult {
            response: ModelResponse::from_response(&response)?,
            meta: response.meta,
            gateway: self.result_gateway(&declared, options),
        })
    }

    /// [`run_model`](Self::run_model) with the answer streamed as the
    /// model's typed chunks (models declared `#[model(stream)]` or
    /// `stream = ChunkType`).
    pub async fn run_model_stream<R>(
        &self,
        request: &R,
        options: &RunOptions,
    ) -> Result<ChunkStream<<R::Model as StreamingModel>::Chunk>>
    where
        R: ModelRequest,
        R::Model: StreamingModel,
    {
        let declared = Declared::of::<R::Model>()?;
        request.validate()?;
        let events = match &declared {
            Declared::WorkersAi => {
                self.run_events(<R::Model as Model>::endpoint(), &request.to_query()?, options).await?.0
            }
            Declared::Catalog { name, endpoint } => match self.config().transport() {
                Transport::Binding(_) => self.run_events(name, &catalog_body(request, None)?, options).await?.0,
                _ => self.v1().send_stream_encoded(*endpoint, catalog_body_encoded(request, name)?, options).await?,
            },
        };
        Ok(events.chunks(<R::Model as StreamingModel>::PROTOCOL))
    }

    /// The gateway a typed result's log lives in: the one of `options`, or
    /// the default gateway the REST API used for a catalog model without one.
    fn result_gateway(&self, declared: &Declared, options: &RunOptions) -> Option<LogGateway> {
        /// The default gateway's id, shared by every result that names it.
        static DEFAULT_ID: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from(DEFAULT_GATEWAY));
        let named = options.gateway.as_ref().and_then(|g| g.id.as_deref());
        let id = match (named, declared, self.config().transport()) {
            (Some(id), ..) => Arc::from(id),
            (None, Declared::Catalog { .. }, Transport::Rest) => Arc::clone(&DEFAULT_ID),
            (None, ..) => return None,
        };
        Some(LogGateway::Http(HttpGateway::new(Arc::clone(&self.inner), id)))
    }
}

/// A catalog declaration's body: `model` set to its catalog name (the REST
/// API's `/ai/v1/*`), or dropped (`run`'s input, the model travelling apart).
fn catalog_body<R: ModelRequest>(request: &R, name: Option<&str>) -> Result<Value> {
    let mut body = request.to_query()?;
    let object = body.as_object_mut().ok_or_else(|| Error::invalid("request", "must serialize as a JSON object"))?;
    match name {
        Some(name) => {
            object.insert("model".to_owned(), Value::String(name.to_owned()));
        }
        None => {
            object.shift_remove("model");
        }
    }
    Ok(body)
}

/// [`catalog_body`] with `model` set to `name`, encoded: the request
/// written once, its leading `"model":"{ID}"` entry (the derive writes it
/// first) replaced in place. A body of another shape takes the `Value` route
/// (the same bytes).
fn catalog_body_encoded<R: ModelRequest>(request: &R, name: &str) -> Result<Vec<u8>> {
    const PREFIX: &[u8] = br#"{"model":""#;
    // `run_model` has validated the request.
    let mut body = js::to_vec(request).map_err(|e| Error::invalid("request", format!("cannot be serialized: {e}")))?;
    let id = <R::Model as Model>::ID;
    // Strings with nothing to escape are written as they are.
    let plain = |s: &str| !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20);
    let id_end = PREFIX.len() + id.len();
    let leads = body.starts_with(PREFIX)
        && body.get(PREFIX.len()..id_end) == Some(id.as_bytes())
        && body.get(id_end) == Some(&b'"')
        && matches!(body.get(id_end + 1), Some(b',' | b'}'));
    if leads && plain(id) && plain(name) {
        // In place: the rest moved once, the name copied (a catalog name
        // is the id or longer).
        let (start, len) = (PREFIX.len(), body.len());
        if name.len() >= id.len() {
            body.resize(len + name.len() - id.len(), 0);
            body.copy_within(id_end..len, start + name.len());
        } else {
            body.copy_within(id_end..len, start + name.len());
            body.truncate(len - (id.len() - name.len()));
        }
        body[start..start + name.len()].copy_from_slice(name.as_bytes());
        return Ok(body);
    }
    let value = catalog_body(request, Some(name))?;
    js::to_vec(&value).map_err(|e| Error::invalid("body", format!("cannot be serialized: {e}")))
}

/// A typed request's body as JSON, validated first: [`ModelRequest::to_query`]
/// without the `Value`.
pub(crate) fn encode_request<R: ModelRequest>(request: &R) -> Result<Vec<u8>> {
    request.validate()?;
    js::to_vec(request).map_err(|e| Error::invalid("request", format!("cannot be serialized: {e}")))
}

/// An ordered fallback list of typed requests, possibly of different models
/// and providers.
#[derive(Debug, Default)]
pub struct Fallback {
    steps: Vec<UniversalStep>,
    models: Vec<&'static str>,
}

impl Fallback {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `request` for `provider`, a provider of the model's own kind
    /// ([`ModelRequest::to_step`]): another provider does not compile. Fails
    /// only when the request breaks a limit.
    pub fn then<R, P>(self, provider: &P, request: &R) -> Result<Self>
    where
        R: RequestFor<P>,
        P: Provider + ?Sized,
    {
        let step = request.step_for(provider)?;
        Ok(self.push::<R::Model>(step))
    }

    /// [`then`](Self::then) for a provider known only at run time: an error
    /// if it does not serve the model ([`ModelRequest::to_step_dyn`]).
    pub fn then_dyn<R: ModelRequest>(self, provider: &dyn Provider, request: &R) -> Result<Self> {
        let step = request.to_step_dyn(provider)?;
        Ok(self.push::<R::Model>(step))
    }

    fn push<M: Model>(mut self, step: UniversalStep) -> Self {
        self.steps.push(step);
        self.models.push(M::ID);
        self
    }

    /// The model ids in order.
    pub fn models(&self) -> &[&'static str] {
        &self.models
    }
}

/// The answer to a [`Fallback`]: which step answered, decodable as that step's model.
pub struct FallbackResult {
    /// Zero-based index of the step that answered.
    pub step: usize,
    /// The id of the model of that step.
    pub model: &'static str,
    /// The raw answer.
    pub response: GatewayResponse,
    gateway: LogGateway,
}

impl fmt::Debug for FallbackResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FallbackResult")
            .field("step", &self.step)
            .field("model", &self.model)
            .field("response", &self.response)
            .finish_non_exhaustive()
    }
}

impl FallbackResult {
    /// Whether model `M` answered.
    pub fn answered_by<M: Model>(&self) -> bool {
        self.model == M::ID
    }

    /// Decodes the answer as `M`'s response; an error if another step's model answered.
    pub fn decode<M: Model>(&self) -> Result<ModelResult<M>> {
        if !self.answered_by::<M>() {
            return Err(Error::invalid(
                "model",
                format!("step {} was answered by `{}`, not `{}`", self.step, self.model, M::ID),
            ));
        }
        Ok(ModelResult {
            response: M::Response::from_response(&self.response)?,
            meta: self.response.meta.clone(),
            gateway: Some(self.gateway.clone()),
        })
    }

    /// Patches the log of this answer.
    pub async fn patch_log(&self, patch: &PatchLog) -> Result<()> {
        let id = self
            .response
            .meta
            .log_id
            .as_deref()
            .ok_or_else(|| Error::invalid("log", "the gateway reported no log id"))?;
        self.gateway.get().patch_log(id, patch).await
    }
}

/// Typed-model calls on any [`Gateway`] (implemented for every gateway,
/// `dyn Gateway` included).
///
/// Its futures are `Send`. On [`HttpGateway`] (and an `Arc` of one) typed
/// requests go out as they were encoded; another implementation receives
/// them through [`Gateway::provider_request`] as a `Value`.
pub trait GatewayExt: Gateway + Clone + 'static {
    /// Runs a typed request through this gateway on `provider`'s own route.
    fn run_model<R: ModelRequest>(
        &self,
        provider: &dyn Provider,
        request: &R,
        options: &UniversalOptions,
    ) -> impl Future<Output = Result<ModelResult<R::Model>>> + Send {
        async move {
            check_provider::<R::Model>(provider)?;
            let body = encode_request(request)?;
            // The model the body names, for the call's span.
            let model = <R::Model as Model>::MODEL_IN_BODY.then_some(<R::Model as Model>::ID);
            let endpoint = <R::Model as Model>::endpoint();
            let response = match self.as_http() {
                Some(http) => http.provider_call(provider, endpoint, model, || Ok(body), options).await?,
                None => {
                    let body: Value =
                        serde_json::from_slice(&body).map_err(|e| Error::invalid("request", e.to_string()))?;
                    self.provider_request(provider, endpoint, &body, options).await?
                }
            };
            Ok(ModelResult {
                response: ModelResponse::from_response(&response)?,
                meta: response.meta,
                gateway: Some(LogGateway::of(self)),
            })
        }
    }

    /// [`run_model`](Self::run_model) with the answer streamed as typed chunks.
    fn run_model_stream<R>(
        &self,
        provider: &dyn Provider,
        request: &R,
        options: &UniversalOptions,
    ) -> impl Future<Output = Result<ChunkStream<<R::Model as StreamingModel>::Chunk>>> + Send
    where
        R: ModelRequest,
        R::Model: StreamingModel,
    {
        async move {
            check_provider::<R::Model>(provider)?;
            let query = crate::client::with_stream_flag(&request.to_query()?)?;
            let events =
                self.provider_request_stream(provider, <R::Model as Model>::endpoint(), &query, options).await?;
            Ok(events.chunks(<R::Model as StreamingModel>::PROTOCOL))
        }
    }

    /// Runs a fallback list as one universal request.
    fn run_fallback(
        &self,
        fallback: Fallback,
        options: &UniversalOptions,
    ) -> impl Future<Output = Result<FallbackResult>> + Send {
        async move {
            let models = fallback.models;
            let response = self.run(UniversalRequest::new(fallback.steps), options).await?;
            // A missing `cf-aig-step` means step 0, as Cloudflare's own client reads it.
            let step = response.meta.step.unwrap_or(0) as usize;
            let model = *models.get(step).ok_or_else(|| Error::GatewayInternal {
                status: response.status,
                message: format!("the gateway reported step {step} of a {}-step request", models.len()),
            })?;
            Ok(FallbackResult { step, model, response, gateway: LogGateway::of(self) })
        }
    }
}

impl<G: Gateway + Clone + 'static> GatewayExt for G {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::openai::Gpt4oMiniRequest;
    use crate::models::workers_ai::ChatMessage;

    /// The request written once with its `model` replaced in place is the
    /// body the `Value` route writes, byte for byte.
    #[test]
    fn catalog_bodies_are_encoded_as_their_values() {
        let requests = [
            Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]),
            Gpt4oMiniRequest::new(vec![ChatMessage::system("s \"q\""), ChatMessage::user("é")]).temperature(0.5).n(2),
        ];
        for request in &requests {
            for name in ["openai/gpt-4o-mini", "openai/other \"quoted\""] {
                let value = js::to_vec(&catalog_body(request, Some(name)).unwrap()).unwrap();
                let encoded = catalog_body_encoded(request, name).unwrap();
                assert_eq!(String::from_utf8(encoded).unwrap(), String::from_utf8(value).unwrap(), "{name}");
            }
        }
        // The typed encoding is `to_query`'s JSON.
        let request = &requests[1];
        let encoded: Value = serde_json::from_slice(&encode_request(request).unwrap()).unwrap();
        assert_eq!(encoded, request.to_query().unwrap());
    }
}
