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
//!   [`PatchLog`], [`UniversalStep`], [`ListLogs`], ...) and the `cf-aig-*` header table.
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
pub use config::{Config, Transport};
pub use error::{ApiMessage, BlockedStage, Error, Result, StreamPhase};
pub use gateway::{Gateway, HttpGateway};
pub use gateway_derive::{Metadata, Model, Provider};
pub use model::{
    BinaryOutput, Fallback, FallbackResult, GatewayExt, Model, ModelRequest, ModelResponse, ModelResult, ProviderKind,
    ProviderOf, RequestFor, StreamingModel, ToMetadata,
};
pub use provider::{AuthScheme, BuiltinKind, BuiltinProvider, Provider, ProviderSlug, kind};
pub use response::{AiResponse, CacheStatus, GatewayMeta, GatewayResponse, LogPayload};
pub use stream::{ChunkStream, EventStream, StreamProtocol};
pub use types::filter::{DeleteLogs, Direction, FilterKey, FilterOperator, FilterValue, ListLogs, LogFilter, OrderBy};
pub use types::log::{AiGatewayLog, LogMetadata, LogPage, ResultInfo, RouteTrace};
pub use types::metadata::{IntoMetadataValue, Metadata, MetadataValue};
pub use types::options::{Backoff, CustomCost, GatewayOptions, GatewayRetries};
pub use types::patch::{Feedback, Patch, PatchLog};
pub use types::universal::{StepConfig, StepHeaderValue, StepHeaders, UniversalRequest, UniversalStep};

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

// Lets the derives' `::gateway_core` paths work inside this crate too.
extern crate self as gateway_core;

pub use secrecy;
pub use serde_json;
