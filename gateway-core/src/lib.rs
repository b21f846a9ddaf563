#![doc = include_str!("../../README.md")]
//!
//! # Crate layout
//!
//! - [`config`]: [`Config`], built with `with_*` setters or from the environment.
//! - [`client`]: [`Ai`], the one place requests are sent and retried.
//! - [`gateway`]: the object-safe [`Gateway`] trait and [`HttpGateway`].
//! - [`provider`]: [`Provider`], [`ProviderSlug`] and [`BuiltinProvider`]; the provider table
//!   ([`provider::PROVIDERS`]), one row per provider, is the single source of what a provider is.
//! - [`types`]: wire types ([`GatewayOptions`], [`Metadata`](struct@Metadata), [`AiGatewayLog`],
//!   [`PatchLog`], [`UniversalStep`], [`ListLogs`], [`SpendLimit`], ...) and the `cf-aig-*` header table.
//! - [`route`]: dynamic routes as typed graphs ([`Route`](route::Route)), checked before sending;
//!   their REST operations are on [`Gateway`].
//! - [`rest_api`]: Cloudflare's REST API on the API host (`/ai/run`, `/ai/v1/*`), [`Ai::v1`].
//! - [`error`]: the one [`Error`] enum.
//!
//! # Dynamic routes
//!
//! A route (`cloudflare-2026.md` §3) written as checked Rust: a 70/30 split
//! between two providers, the first falling back to a third on error or
//! timeout, behind a budget limit of $5 per user per day. Outputs are typed
//! handles of elements declared before, so no edge dangles and no cycle
//! forms; [`Route::build`](route::Route::build) also checks what the types
//! cannot (shares totalling 100, reachability, ...). It is called as the
//! model `dynamic/support`.
//!
//! ```
//! use std::time::Duration;
//! use gateway_core::route::{LimitSpec, ModelSpec, Route, Split};
//! use gateway_core::{Gateway, Result};
//!
//! let minute = Duration::from_secs(60);
//! let route = Route::build("support", |b| {
//!     let end = b.end("end");
//!     let backup = b.model("backup", ModelSpec::new("anthropic", "claude-sonnet-4", minute, 0), end, end);
//!     let first = b.model("first", ModelSpec::new("openai", "gpt-4.1", minute, 2), end, backup);
//!     let llama = "@cf/meta/llama-3.1-8b-instruct";
//!     let second = b.model("second", ModelSpec::new("workers-ai", llama, minute, 1), end, end);
//!     let split = b.percentage("split", Split::new().share(70.0, first).share(30.0, second));
//!     let day = Duration::from_secs(86_400);
//!     let budget = b.limit("budget", LimitSpec::cost("metadata.user_id", 5.0, day), split, end);
//!     b.start("start", budget)
//! })?;
//! assert_eq!(route.model_name(), "dynamic/support");
//! let json = gateway_core::serde_json::to_string(&route).unwrap();
//! assert!(json.starts_with(r#"{"name":"support","elements":[{"id":"start","type":"start""#));
//! assert!(json.contains(r#""outputs":{"70%":{"elementId":"first"},"30%":{"elementId":"second"}}"#));
//!
//! // Create it (saving its first version), then make that version live.
//! async fn deploy(gateway: &dyn Gateway, route: &Route) -> Result<()> {
//!     let created = gateway.create_route(route).await?;
//!     if let Some(version) = &created.version {
//!         gateway.deploy_route_version(&created.route.id, &version.version_id).await?;
//!     }
//!     Ok(())
//! }
//! # Ok::<(), gateway_core::route::RouteError>(())
//! ```

mod call_span;
pub mod client;
pub mod config;
pub mod error;
pub mod gateway;
pub mod model;
pub mod models;
pub mod provider;
pub mod response;
pub mod rest_api;
pub mod route;
pub mod stream;
pub mod types;
mod wire;

pub use client::{Ai, RunOptions, UniversalOptions};
pub use config::{Config, GatewayCredential, Transport};
pub use error::{ApiMessage, BlockedStage, Error, Result, StreamPhase};
pub use gateway::{Gateway, HttpGateway};
/// Declares a model: derives [`Model`](trait@Model) and generates its typed
/// `{Name}Request` and `{Name}Response`. The declaration syntax, with its
/// container and field attribute tables, is in the [`model`] module docs.
///
/// ```
/// use gateway_core::{Model, ModelRequest};
///
/// /// `@cf/baai/bge-base-en-v1.5`: text embeddings.
/// #[derive(Debug, Model)]
/// #[model(id = "@cf/baai/bge-base-en-v1.5")]
/// pub struct Embed {
///     #[model(length = 1..=100)]
///     text: Vec<String>,
///     #[model(values("mean", "cls"))]
///     pooling: Option<String>,
///     #[model(output)]
///     data: Vec<Vec<f32>>,
/// }
///
/// let request = EmbedRequest::new(vec!["hello".to_owned()]).pooling(EmbedPooling::Cls);
/// assert_eq!(request.to_query()?, gateway_core::serde_json::json!({"text": ["hello"], "pooling": "cls"}));
/// # Ok::<(), gateway_core::Error>(())
/// ```
pub use gateway_derive::Model;

/// A nested object of a request or response (a chat message, a rerank
/// context, a tool): derives `Serialize` (an unset `Option` is left out),
/// `Deserialize` and [`model::Validate`] for the struct itself, so its
/// limits are checked with the request's when a model field holding it is
/// marked `#[model(nested)]`. An error names the path (`contexts[1].text`).
///
/// Field attributes are those of a model input that limit a value, in
/// `#[model(...)]`: `rename = "wire"`, `range = a..=b`, `length = a..=b`,
/// `each(range = ..)`, `each(length = ..)` and `nested` (a field that is
/// itself an object, or a list of them). A field of type `Option<T>` is
/// optional. On the struct, only `#[model(crate = "path")]` applies. Field
/// types implement `serde::Serialize` and `serde::Deserialize` (another
/// `Object`, a string, a number, a list, [`model::OneOrMany`], ...).
///
/// ```
/// use gateway_core::{Model, ModelRequest, Object};
///
/// /// One passage to rank.
/// #[derive(Debug, Clone, Object)]
/// pub struct Context {
///     #[model(length = 1..)]
///     text: String,
/// }
///
/// #[derive(Debug, Model)]
/// #[model(id = "@cf/baai/bge-reranker-base")]
/// pub struct Rerank {
///     #[model(length = 1..)]
///     query: String,
///     #[model(nested, length = 1..=100)]
///     contexts: Vec<Context>,
///     #[model(output)]
///     response: Vec<Ranked>,
/// }
///
/// /// One ranked passage (an output object).
/// #[derive(Debug, Clone, Object)]
/// pub struct Ranked {
///     id: Option<u32>,
///     score: Option<f64>,
/// }
///
/// let contexts = vec![Context { text: "a".into() }, Context { text: String::new() }];
/// let err = RerankRequest::new("q", contexts).validate().unwrap_err();
/// assert_eq!(err.to_string(), "invalid contexts[1].text: length must be at least 1, got 0");
/// let ok = RerankRequest::new("q", vec![Context { text: "a".into() }]);
/// assert_eq!(ok.to_query()?, gateway_core::serde_json::json!({"query": "q", "contexts": [{"text": "a"}]}));
/// let answer: RerankResponse =
///     gateway_core::serde_json::from_value(gateway_core::serde_json::json!({"response": [{"id": 0, "score": 0.9}]})).unwrap();
/// assert_eq!(answer.response[0].id, Some(0));
/// # Ok::<(), gateway_core::Error>(())
/// ```
///
/// On an enum of unit variants, it derives a string enum (a JSON Schema
/// `enum` of strings) for objects and model fields alike: each variant is
/// sent as `#[model(rename = "...")]` or its name in `snake_case`, and
/// `#[model(other)]` on one variant catches values not listed (otherwise an
/// unknown value is a decode error naming the known ones). It gets
/// `as_str` and `Display` too.
///
/// ```
/// use gateway_core::Object;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Object)]
/// pub enum Role {
///     User,
///     Assistant,
///     #[model(rename = "tool")]
///     ToolResult,
///     #[model(other)]
///     Unknown,
/// }
///
/// assert_eq!(gateway_core::serde_json::to_string(&Role::ToolResult).unwrap(), r#""tool""#);
/// let role: Role = gateway_core::serde_json::from_str(r#""developer""#).unwrap();
/// assert_eq!(role, Role::Unknown);
/// assert_eq!(Role::User.as_str(), "user");
/// ```
///
/// On an enum whose variants each hold one value, it derives one of several
/// shapes (a JSON Schema `oneOf` of types, such as a message `content` that
/// is a string or a list of parts): each variant is sent as its value, and
/// decoded as the first variant whose type fits. `#[model(nested)]` on a
/// variant checks its value's limits.
///
/// ```
/// use gateway_core::Object;
///
/// #[derive(Debug, Clone, Object)]
/// pub struct Part {
///     #[model(length = 1..)]
///     text: String,
/// }
///
/// #[derive(Debug, Clone, Object)]
/// pub enum Content {
///     Text(String),
///     #[model(nested)]
///     Parts(Vec<Part>),
/// }
///
/// let content: Content = gateway_core::serde_json::from_str(r#"[{"text": "a"}]"#).unwrap();
/// assert!(matches!(content, Content::Parts(_)));
/// assert_eq!(gateway_core::serde_json::to_string(&Content::Text("hi".into())).unwrap(), r#""hi""#);
/// ```
pub use gateway_derive::Object;

/// Typed log metadata: derives [`ToMetadata`] (and `From<T>`, `From<&T>` for
/// [`Metadata`](struct@Metadata)) for a struct whose fields become the
/// entries, in declaration order.
///
/// Fields are strings, numbers (up to `i128`/`u64`) or booleans, or an
/// `Option` of one: `None` is left out, never sent as `null`. At most five
/// fields (Cloudflare keeps five entries and drops the rest silently).
///
/// | attribute | on | meaning |
/// |---|---|---|
/// | `#[metadata(rename = "key")]` | field | the entry's key (default: the field name without `r#`) |
/// | `#[metadata(crate = "path")]` | struct | where `gateway_core` is, when renamed or re-exported |
///
/// ```
/// use gateway_core::{Metadata, ToMetadata};
///
/// #[derive(Metadata)]
/// struct Tags {
///     #[metadata(rename = "user_id")]
///     user: String,
///     attempt: u32,
///     team: Option<String>,
/// }
///
/// let tags = Tags { user: "u1".into(), attempt: 2, team: None };
/// assert_eq!(tags.to_metadata().to_json(), r#"{"user_id":"u1","attempt":2}"#);
/// let metadata: gateway_core::Metadata = tags.into(); // what `RunOptions` and `Fallback` take
/// assert_eq!(metadata.len(), 2);
/// ```
pub use gateway_derive::Metadata;

/// A custom provider: derives [`Provider`](trait@Provider) and
/// [`ProviderKind`] for a struct, so models declared with
/// `#[model(provider = ThisType, endpoint = "...")]` run through it and a
/// typed fallback step takes only this provider.
///
/// | attribute | on | meaning |
/// |---|---|---|
/// | `slug = "in-house"` | struct (required) | the gateway route: lowercase letters, digits and inner `-` |
/// | `base_url = "https://..."` | struct (required) | the provider's base URL (http or https) |
/// | `auth = bearer` | struct | the credential goes in `Authorization: Bearer` (the default) |
/// | `auth = header("x-key")` | struct | the credential goes in this header |
/// | `auth = none` | struct | no credential |
/// | `header("name", "value")` | struct, repeatable | a fixed header sent with every request |
/// | `crate = "path"` | struct | where `gateway_core` is, when renamed or re-exported |
/// | `credential` | field | the credential: a `SecretString` or `Option<SecretString>` (never in `Debug`); at most one |
///
/// The struct implements `Debug` itself (the trait needs it).
///
/// ```
/// use gateway_core::secrecy::SecretString;
/// use gateway_core::{AuthScheme, Model, ModelRequest, Provider, ProviderKind};
///
/// #[derive(Debug, Provider)]
/// #[provider(slug = "in-house", base_url = "https://llm.example.com/v1", auth = header("x-key"), header("x-version", "7"))]
/// pub struct InHouse {
///     #[provider(credential)]
///     key: SecretString,
/// }
///
/// #[derive(Debug, Model)]
/// #[model(id = "house-large", provider = InHouse, endpoint = "generate")]
/// pub struct HouseLarge {
///     prompt: String,
///     #[model(output)]
///     text: String,
/// }
///
/// let provider = InHouse { key: SecretString::from("k") };
/// assert_eq!(<InHouse as ProviderKind>::SLUG, "in-house");
/// assert_eq!(provider.auth_scheme(), AuthScheme::Header("x-key".into()));
/// // A typed step for this provider; another provider would not compile.
/// let step = HouseLargeRequest::new("Hi").to_step(&provider)?;
/// assert_eq!(step.endpoint, "generate");
/// # Ok::<(), gateway_core::Error>(())
/// ```
pub use gateway_derive::Provider;
pub use model::{
    BinaryOutput, Fallback, FallbackResult, GatewayExt, Model, ModelRequest, ModelResponse, ModelResult, ProviderKind,
    ProviderOf, RequestFor, StreamingModel, ToMetadata,
};
pub use provider::{AuthScheme, BuiltinKind, BuiltinProvider, Provider, ProviderSlug, kind};
pub use response::{AiResponse, CacheStatus, GatewayMeta, GatewayResponse, LogPayload};
pub use stream::{ChunkStream, EventStream, StreamProtocol};
pub use types::filter::{
    DeleteLogs, DeleteOrderBy, Direction, FilterKey, FilterOperator, FilterValue, ListLogs, ListOrderBy, LogFilter,
};
pub use types::log::{AiGatewayLog, LogMetadata, LogPage, ResultInfo, RouteTrace};
pub use types::metadata::{IntoMetadataValue, Metadata, MetadataValue};
pub use types::options::{Backoff, CustomCost, GatewayOptions, GatewayRetries};
pub use types::patch::{Feedback, Patch, PatchLog};
pub use types::spend_limit::{MAX_SPEND_LIMITS, SpendLimit, SpendLimitError, SpendLimitField, validate_spend_limits};
pub use types::universal::{StepConfig, StepHeaderValue, StepHeaders, UniversalRequest, UniversalStep};

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

// Lets the derives' `::gateway_core` paths work inside this crate too.
extern crate self as gateway_core;

/// Re-exported: [`GatewayResponse`] and [`LogPayload`] carry their bodies in
/// `Bytes`, so a [`Gateway`] of your own needs no dependency of its own.
pub use bytes;
/// Re-exported: [`GatewayResponse`]'s headers are an `http::HeaderMap`.
pub use http;
/// Re-exported: log times ([`AiGatewayLog::created_at`]) are `jiff` timestamps.
pub use jiff;
pub use secrecy;
pub use serde_json;
