//! Dynamic routes (`cloudflare-2026.md` §3) as typed Rust: a [`Route`] is a
//! graph of [`Element`]s (start, conditional, percentage, model, rate or
//! budget limit, end), built from typed handles that can only point at an
//! element of the same route, checked by [`Route::validate`] before it is
//! sent, and written byte-for-byte as Cloudflare's JSON.
//!
//! Where the docs and the SDK (the API's own schema) name a field
//! differently, routes are written in the SDK's spelling (`"type":"rate"`,
//! `window`, `conditions`) and read in either (`rate_limit`, `interval`,
//! `condition`); see [`element`].
//!
//! The crate docs build a 70/30 split with a fallback and a budget limit
//! and deploy it ([Dynamic routes](crate#dynamic-routes)).
//!
//! Shares that do not total 100 are refused, naming the element and the rule:
//!
//! ```
//! use gateway_core::route::{Route, RouteRule, Split};
//!
//! let error = Route::build("r", |b| {
//!     let end = b.end("end");
//!     let split = b.percentage("split", Split::new().share(70.0, end).share(20.0, end));
//!     b.start("start", split)
//! })
//! .unwrap_err();
//! assert!(error.names(Some("split"), &RouteRule::SharesNotHundred { total: 0.0 }));
//! ```
//!
//! A handle of one route cannot be used in another:
//!
//! ```compile_fail
//! use gateway_core::route::Route;
//!
//! let _ = Route::build("a", |a| {
//!     let end = a.end("end");
//!     let _ = Route::build("b", |b| b.start("start", end));
//!     a.start("start", end)
//! });
//! ```
//!
//! # Calling a route
//!
//! A route is called as the model [`Route::model_name`], `dynamic/{name}`,
//! with a gateway, from every entry point (`cloudflare-2026.md` §3.4; routes
//! accept only the OpenAI Chat Completions request shape):
//!
//! - [`Ai::run`](crate::Ai::run) with [`RunOptions::gateway`](crate::RunOptions::gateway):
//!   `{"messages": [...]}` as input; over HTTP this goes to the REST API's `/ai/run`.
//! - [`Ai::v1`](crate::Ai::v1) (`/ai/v1/chat/completions`, `model: "dynamic/{name}"` and the
//!   gateway in `cf-aig-gateway-id`; not documented by Cloudflare for routes).
//! - The gateway host's OpenAI-compatible endpoint
//!   `/{account}/{gateway}/compat/chat/completions`, through
//!   [`Gateway::provider_request`](crate::Gateway::provider_request) with the
//!   `compat` provider, body `{"model": "dynamic/{name}", "messages": [...]}`.
//!
//! The answer's [`GatewayMeta`](crate::GatewayMeta) carries `cf-aig-model` and
//! `cf-aig-provider`: which model and provider answered.

pub mod api;
mod builder;
pub mod element;
mod validate;

use serde::{Deserialize, Serialize};

pub use api::{Deployment, ListRoutes, Listing, RouteInfo, RouteRecord, RouteVersion, RouteVersionDetail};
pub use builder::{LimitSpec, ModelSpec, NodeRef, RouteBuilder, Split, Start};
pub use element::{Conditional, Element, LimitKind, LimitNode, ModelNode, Node, Percentage, Share, Technique};
pub use validate::{MAX_SHARES, RouteError, RouteProblem, RouteRule};

/// The model-name prefix of a dynamic route.
pub const DYNAMIC_PREFIX: &str = "dynamic/";

/// A route definition: its name and elements, what is sent to create it
/// (`{"name", "elements"}`). Reading also accepts the docs' wrapper
/// `{"id", "name", "elements"}` (the id is not kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// The route name; callers use `dynamic/{name}` as the model.
    pub name: String,
    /// The elements, start first.
    pub elements: Vec<Element>,
}

impl Route {
    /// Builds a route from typed handles (see [`RouteBuilder`]) and
    /// [validates](Self::validate) it.
    ///
    /// # Errors
    /// [`RouteError`] naming each element and rule the graph breaks.
    pub fn build(
        name: impl Into<String>,
        define: impl for<'b> FnOnce(&mut RouteBuilder<'b>) -> Start<'b>,
    ) -> Result<Self, RouteError> {
        builder::build(name.into(), define)
    }

    /// What the types cannot prevent, found before sending: an empty name,
    /// empty or duplicate ids, no start or more than one, dangling outputs,
    /// percentage keys that are not `"<n>%"`, more than [`MAX_SHARES`]
    /// shares or shares not totalling 100 %, model and limit nodes without
    /// `fallback` (the SDK requires both outputs), elements unreachable
    /// from the start, and cycles (we refuse them; the spec is silent).
    ///
    /// # Errors
    /// [`RouteError`] with every problem, each naming its element and rule.
    pub fn validate(&self) -> Result<(), RouteError> {
        validate::validate(self)
    }

    /// The model name that calls this route: `dynamic/{name}`.
    pub fn model_name(&self) -> String {
        format!("{DYNAMIC_PREFIX}{}", self.name)
    }

    /// The element with id `id`.
    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }
}
