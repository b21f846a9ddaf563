//! Running a dynamic route (`dynamic/{name}`, `cloudflare-2026.md` §3): the
//! deployed version of the named route of the request's gateway is walked
//! from its start, on the request's metadata.
//!
//! - `start`: on to `next`.
//! - `conditional`: its [`Condition`] on the metadata picks `true` or `false`.
//! - `percentage`: a reproducible draw ([`split`]) picks a share.
//! - `rate` with `limitType: count`: the request is counted in the node's
//!   window (the gateway's counters); over the limit, `fallback`, else the
//!   route ends with 429.
//! - `rate` with `limitType: cost` (a budget): the costs logged in the node's
//!   window by requests that walked through it are summed; at the limit,
//!   `fallback`, else the route ends with 429.
//! - `model`: one step of the request engine to the node's provider and
//!   model (OpenAI Chat Completions, the only request shape routes take),
//!   with the node's timeout and retries; its answer is the route's answer
//!   as soon as it succeeds (or starts streaming), else on to `fallback`.
//! - `end`: the route's answer is the last failure (a model's, or a limit's).
//!
//! A limit node's `key` `metadata.<k>` counts each value of `<k>` apart
//! (requests without it share one bucket); any other key, one bucket for
//! the node. A limit with no `technique` is sliding (our choice: the docs
//! make the property optional and name no default). Each model node's log
//! records the route, the version and the path to it (`dynamic_route`).
//! Provider credentials are never taken from the caller here: one route
//! reaches several providers, and a key meant for one must not go to
//! another, so each model node gets its provider's stored key
//! (`provider_keys`), as Cloudflare's routes use stored keys (§3).

mod condition;
mod split;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use gateway_core::RouteTrace;
use gateway_core::provider::ProviderInfo;
use gateway_core::route::{Element, LimitKind, LimitNode, ModelNode, Node, Percentage, Technique};
use serde_json::{Map, Value};

pub(crate) use self::condition::Condition;
use self::split::DrawKey;
use super::{Attempts, RequestContext, Step, Tried, provider_headers, try_single_step};
use crate::config::{RateLimit, RateLimitTechnique};
use crate::error::{Rejection, code};
use crate::options::HeaderOptions;
use crate::state::{AppState, RateLimiter};
use crate::store::{DeployedRoute, RouteSpend};

/// What running routes keeps between requests.
#[derive(Debug)]
pub(crate) struct RouteState {
    /// The seed of percentage draws (`route_seed`, else random at start).
    seed: u64,
    /// Draws made since start: the draw key of a request without an event id.
    draws: AtomicU64,
    /// Count-limit nodes' windows, one per node and key value (bounded).
    counters: RateLimiter,
}

impl RouteState {
    /// With `seed`, or a random one.
    pub(crate) fn new(seed: Option<u64>) -> Self {
        // std's hasher keys are random per process: a random seed without a dependency.
        let seed = seed
            .unwrap_or_else(|| std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), 0u8));
        Self { seed, draws: AtomicU64::new(0), counters: RateLimiter::default() }
    }
}

/// A request naming `dynamic/{name}`.
pub(crate) struct RouteRequest<'a> {
    /// The route's name.
    pub(crate) name: &'a str,
    /// The caller's Chat Completions body; each model node sets its `model`.
    pub(crate) body: Map<String, Value>,
    /// The caller's headers; each model node's provider gets its share.
    pub(crate) headers: &'a HeaderMap,
}

/// Walks the deployed version of the route and answers.
pub(crate) async fn run(state: &Arc<AppState>, context: &RequestContext, request: RouteRequest<'_>) -> Response {
    match walk(state, context, &request).await {
        Ok(answer) | Err(answer) => answer,
    }
}

/// An error answer of the request's shape.
fn refused(context: &RequestContext, status: StatusCode, code: i64, message: String) -> Response {
    Rejection::new(context.shape, status, code, message).into_response()
}

/// The deployed version of route `name`: its id and elements.
async fn deployed(state: &AppState, context: &RequestContext, name: &str) -> Result<Arc<DeployedRoute>, Response> {
    let stored = state.store.deployed_route(&context.gateway, name).await.map_err(|e| {
        refused(context, StatusCode::INTERNAL_SERVER_ERROR, code::INTERNAL, format!("the route store failed: {e}"))
    })?;
    let Some(stored) = stored else {
        return Err(refused(
            context,
            StatusCode::BAD_REQUEST,
            code::MODEL_NOT_FOUND,
            format!(
                "model not found: `dynamic/{name}`: gateway `{}` has no deployed dynamic route named `{name}` \
                 (create and deploy one through .../ai-gateway/gateways/{}/routes)",
                context.gateway, context.gateway
            ),
        ));
    };
    Ok(stored)
}

/// The answer to a stored route that cannot run (validated versions can).
fn broken(context: &RequestContext, name: &str, version_id: &str, why: &str) -> Response {
    refused(
        context,
        StatusCode::INTERNAL_SERVER_ERROR,
        code::INTERNAL,
        format!("dynamic route `{name}` version `{version_id}` cannot run: {why}"),
    )
}

/// The output a percentage node takes for this request ([`split`]).
fn split_of<'e>(
    state: &AppState,
    context: &RequestContext,
    name: &str,
    element: &str,
    node: &'e Percentage,
) -> Option<&'e str> {
    let count;
    let key = match context.options.event_id.as_deref() {
        Some(event_id) => event_id,
        None => {
            count = state.routes.draws.fetch_add(1, Ordering::Relaxed).to_string();
            &count
        }
    };
    let draw = split::draw(state.routes.seed, &DrawKey { gateway: &context.gateway, route: name, element, key });
    split::pick(node, draw)
}

async fn walk(
    state: &Arc<AppState>,
    context: &RequestContext,
    request: &RouteRequest<'_>,
) -> Result<Response, Response> {
    let name = request.name;
    let route = deployed(state, context, name).await?;
    let version_id = &route.version_id;
    let broken = |why: String| broken(context, name, version_id, &why);
    let elements = route.elements.as_ref().map_err(|why| broken(why.clone()))?;
    let by_id: HashMap<&str, &Element> = elements.iter().map(|e| (e.id.as_str(), e)).collect();
    let start = elements
        .iter()
        .find(|e| matches!(e.node, Node::Start { .. }))
        .ok_or_else(|| broken("it has no start".to_owned()))?;
    let metadata = metadata_of(&context.options);
    let mut attempts = Attempts::new(state);
    // What the route answers if it ends here: the last failure seen.
    let mut last: Option<Response> = None;
    let mut models_tried = 0;
    let mut path: Vec<String> = Vec::new();
    let mut current = start.id.as_str();
    // Stored versions have no cycles (validated when stored); this bounds a walk anyway.
    for _ in 0..=elements.len() {
        let element = by_id.get(current).ok_or_else(|| broken(format!("no element `{current}`")))?;
        path.push(element.id.clone());
        let next = match &element.node {
            Node::Start { next } => Some(next.as_str()),
            Node::Conditional(node) => {
                let condition = Condition::parse(&node.condition).map_err(|e| broken(format!("`{current}`: {e}")))?;
                Some(if condition.holds(&metadata) { node.if_true.as_str() } else { node.if_false.as_str() })
            }
            Node::Percentage(node) => Some(
                split_of(state, context, name, current, node)
                    .ok_or_else(|| broken(format!("`{current}` has no shares")))?,
            ),
            Node::Limit(node) => {
                let limit = Limit { name, element: current, node, metadata: &metadata };
                match limit.admit(state, context).await? {
                    Ok(()) => Some(node.success.as_str()),
                    Err(over) => {
                        last = Some(over.into_response());
                        node.fallback.as_deref()
                    }
                }
            }
            Node::Model(node) => {
                let trace = Arc::new(RouteTrace::new(name, version_id.clone(), path.clone()));
                let tried = match model_step(node, request, trace) {
                    Ok(step) => try_single_step(state, context, step, models_tried, &mut attempts).await,
                    Err(message) => {
                        Tried::Failed(refused(context, StatusCode::BAD_REQUEST, code::UNKNOWN_PROVIDER, message))
                    }
                };
                models_tried += 1;
                match tried {
                    Tried::Answered(answer) => return Ok(answer),
                    Tried::Failed(answer) => last = Some(answer),
                }
                if attempts.exhausted() { None } else { node.fallback.as_deref() }
            }
            Node::End => None,
            other => {
                return Err(broken(format!(
                    "`{current}` is a `{}` node, which gateway-local cannot run",
                    other.type_name()
                )));
            }
        };
        match next {
            Some(next) => current = next,
            None => {
                return Ok(last.unwrap_or_else(|| {
                    refused(
                        context,
                        StatusCode::BAD_GATEWAY,
                        code::UPSTREAM_FAILED,
                        format!("dynamic route `{name}` ended without a model answer (path: {})", path.join(" > ")),
                    )
                }));
            }
        }
    }
    Err(broken("its walk does not end".to_owned()))
}

/// The request's metadata (`cf-aig-metadata`), as conditions and limits read it.
fn metadata_of(options: &HeaderOptions) -> Map<String, Value> {
    options
        .metadata
        .as_deref()
        .and_then(|text| serde_json::from_str::<Map<String, Value>>(text).ok())
        .unwrap_or_default()
}

/// The engine step of a model node: the caller's body with the node's model,
/// to its provider's OpenAI-compatible endpoint, with the node's timeout and
/// retries; `Err` names why the node cannot be called.
fn model_step(node: &ModelNode, request: &RouteRequest<'_>, trace: Arc<RouteTrace>) -> Result<Step, String> {
    let provider = ProviderInfo::of(&node.provider)
        .ok_or_else(|| format!("unknown provider `{}` in a model node of route `{}`", node.provider, request.name))?;
    let endpoint = provider
        .compat_path
        .ok_or_else(|| format!("provider `{}` has no OpenAI-compatible endpoint for a route", provider.slug))?;
    let mut body = request.body.clone();
    body.insert("model".to_owned(), Value::String(node.model.clone()));
    let headers = provider_headers(request.headers, provider);
    let timeout = u64::try_from(node.timeout.as_millis()).unwrap_or(u64::MAX);
    let attempts = u8::try_from(node.retries.saturating_add(1)).unwrap_or(u8::MAX).min(MAX_ATTEMPTS);
    Ok(Step {
        provider: provider.slug.to_owned(),
        endpoint: endpoint.to_owned(),
        method: http::Method::POST,
        headers,
        body: Bytes::from(serde_json::to_vec(&body).unwrap_or_default()),
        options: HeaderOptions::default(),
        config: Some(gateway_core::StepConfig::new().request_timeout(timeout).max_attempts(attempts)),
        route: Some(trace),
        model: std::sync::OnceLock::new(),
    })
}

/// Most attempts of one model node (Cloudflare's retry ceiling, spec rest-api.md §14).
const MAX_ATTEMPTS: u8 = 5;

/// A count limit in whole requests (a fractional one rounds down; no negative
/// limit is stored: validation refuses it).
fn whole_requests(limit: &serde_json::Number) -> u64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "floored and clamped at 0 first")]
    limit.as_u64().unwrap_or_else(|| limit.as_f64().map_or(0, |f| f.max(0.0).floor() as u64))
}

/// One limit node met by one request.
struct Limit<'a> {
    name: &'a str,
    element: &'a str,
    node: &'a LimitNode,
    metadata: &'a Map<String, Value>,
}

impl Limit<'_> {
    /// The metadata key the node counts by and this request's value of it.
    fn bucket(&self) -> Option<(String, Option<Value>)> {
        let key = self.node.key.strip_prefix("metadata.").filter(|k| !k.is_empty())?;
        Some((key.to_owned(), self.metadata.get(key).cloned()))
    }

    fn technique(&self) -> Technique {
        self.node.technique.unwrap_or(Technique::Sliding)
    }

    /// `Ok(Ok(()))` under the limit (counted), `Ok(Err(answer))` over it;
    /// `Err` when the store cannot say.
    async fn admit(&self, state: &AppState, context: &RequestContext) -> Result<Result<(), Rejection>, Response> {
        let window = self.node.window.as_secs().max(1);
        let bucket = self.bucket();
        let bucket_text =
            bucket.as_ref().map_or_else(String::new, |(k, v)| format!("{k}={}", v.as_ref().unwrap_or(&Value::Null)));
        match self.node.kind {
            LimitKind::Count => {
                let limit = whole_requests(&self.node.limit);
                let rate = RateLimit {
                    limit: u32::try_from(limit).unwrap_or(u32::MAX),
                    interval_secs: window,
                    technique: match self.technique() {
                        Technique::Sliding => RateLimitTechnique::Sliding,
                        Technique::Fixed => RateLimitTechnique::Fixed,
                    },
                };
                let key = format!("{}\u{0}{}\u{0}{}\u{0}{bucket_text}", context.gateway, self.name, self.element);
                if state.routes.counters.admit(&key, rate) {
                    return Ok(Ok(()));
                }
                let message = format!(
                    "Rate limited: dynamic route `{}` node `{}` allows {limit} requests per {window} s{}",
                    self.name,
                    self.element,
                    if bucket_text.is_empty() { String::new() } else { format!(" for {bucket_text}") }
                );
                Ok(Err(Rejection::new(context.shape, StatusCode::TOO_MANY_REQUESTS, code::RATE_LIMITED, message)
                    .with_header(header::RETRY_AFTER, window.into())))
            }
            LimitKind::Cost => {
                let now = jiff::Timestamp::now().as_millisecond();
                let window_ms = i64::try_from(window.saturating_mul(1000)).unwrap_or(i64::MAX);
                let since_ms = match self.technique() {
                    Technique::Sliding => now.saturating_sub(window_ms),
                    Technique::Fixed => now - now.rem_euclid(window_ms),
                };
                let selection = RouteSpend {
                    gateway: context.gateway.clone(),
                    route: self.name.to_owned(),
                    element: self.element.to_owned(),
                    since_ms,
                    bucket,
                };
                let spent = state.store.route_spend(selection).await.map_err(|e| {
                    Rejection::new(
                        context.shape,
                        StatusCode::INTERNAL_SERVER_ERROR,
                        code::INTERNAL,
                        format!("the log store failed: {e}"),
                    )
                    .into_response()
                })?;
                let limit = self.node.limit.as_f64().unwrap_or(0.0);
                if spent < limit {
                    return Ok(Ok(()));
                }
                // "budget" tells gateway-core's client this 429 is a spend limit.
                let message = format!(
                    "dynamic route `{}` budget limit node `{}`: {spent:.6} of {limit} US dollars spent in its {window} s window{}",
                    self.name,
                    self.element,
                    if bucket_text.is_empty() { String::new() } else { format!(" for {bucket_text}") }
                );
                Ok(Err(Rejection::new(context.shape, StatusCode::TOO_MANY_REQUESTS, code::RATE_LIMITED, message)
                    .with_header(header::RETRY_AFTER, window.into())))
            }
        }
    }
}
