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
//! - [`rest_api`]: Cloudflare's REST API on the API host (`/ai/run`, `/ai/v1/*`), [`Ai::v1`].
//! - [`error`]: the one [`Error`] enum.

pub mod client;
pub mod config;
pub mod error;
pub mod gateway;
pub mod model;
pub mod models;
pub mod provider;
pub mod response;
pub mod rest_api;
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
pub use types::log::{AiGatewayLog, LogMetadata, LogPage, ResultInfo};
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
