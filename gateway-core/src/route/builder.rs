//! Building a route from typed node handles.
//!
//! A handle ([`NodeRef`]) exists only for an element already declared in
//! the same builder, and is branded with that builder's lifetime: an output
//! can only point at an element of this route (never a dangling id), and
//! since it points at an element declared before, the graph has no cycles.
//! Model, limit and conditional nodes take every output the API requires.

use std::marker::PhantomData;
use std::time::Duration;

use serde_json::{Number, Value};

use super::Route;
use super::element::{Conditional, Element, LimitKind, LimitNode, ModelNode, Node, Percentage, Share, Technique};
use super::validate::{RouteError, RouteProblem, RouteRule};

/// Invariant in `'b`, so handles of two builders never mix.
type Brand<'b> = PhantomData<fn(&'b ()) -> &'b ()>;

/// A handle to an element declared in the [`RouteBuilder`] of brand `'b`.
#[derive(Debug, Clone, Copy)]
pub struct NodeRef<'b> {
    index: usize,
    brand: Brand<'b>,
}

/// Proof that the route's `start` element was declared; what the closure of
/// [`Route::build`] returns.
#[derive(Debug)]
pub struct Start<'b> {
    brand: Brand<'b>,
}

/// Declares a route's elements; see [`Route::build`].
///
/// Elements are written start first: in the reverse of the order they were
/// declared (outputs point at elements declared before, so the end is
/// declared first and the start last).
#[derive(Debug)]
pub struct RouteBuilder<'b> {
    elements: Vec<Element>,
    /// What the builder found that the elements cannot hold (a non-finite limit).
    problems: Vec<RouteProblem>,
    brand: Brand<'b>,
}

/// A `model` node's properties.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSpec {
    provider: String,
    model: String,
    timeout: Duration,
    retries: u32,
}

impl ModelSpec {
    /// `model` of provider `provider` (slug, e.g. `openai`), with its timeout
    /// (sent in milliseconds) and retries, all four required by the API.
    pub fn new(provider: impl Into<String>, model: impl Into<String>, timeout: Duration, retries: u32) -> Self {
        Self { provider: provider.into(), model: model.into(), timeout, retries }
    }
}

/// A rate (count) or budget (cost) limit's properties.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitSpec {
    kind: LimitKind,
    key: String,
    /// The limit, or the non-finite or negative amount that cannot be one.
    limit: Result<Number, f64>,
    window: Duration,
    technique: Option<Technique>,
}

impl LimitSpec {
    /// At most `requests` per `key` value (e.g. `metadata.user_id`) in `window` (whole seconds).
    pub fn count(key: impl Into<String>, requests: u64, window: Duration) -> Self {
        Self { kind: LimitKind::Count, key: key.into(), limit: Ok(requests.into()), window, technique: None }
    }

    /// At most `dollars` (US) of cost per `key` value in `window` (whole
    /// seconds). A negative or non-finite amount makes [`Route::build`]
    /// fail with [`RouteRule::BadLimit`].
    pub fn cost(key: impl Into<String>, dollars: f64, window: Duration) -> Self {
        let limit = Number::from_f64(dollars).filter(|_| dollars >= 0.0).ok_or(dollars);
        Self { kind: LimitKind::Cost, key: key.into(), limit, window, technique: None }
    }

    /// Sets `technique` (a docs-only property; left out unless set).
    #[must_use]
    pub fn technique(mut self, technique: Technique) -> Self {
        self.technique = Some(technique);
        self
    }
}

/// The outputs of a `percentage` node: up to five `"<n>%"` shares totalling
/// 100 and an optional `else`, checked when the route is built.
#[derive(Debug, Clone)]
pub struct Split<'b> {
    shares: Vec<(f64, NodeRef<'b>)>,
    otherwise: Option<NodeRef<'b>>,
}

impl<'b> Split<'b> {
    /// No shares yet.
    pub fn new() -> Self {
        Self { shares: Vec::new(), otherwise: None }
    }

    /// `percent` of requests (fractions allowed) go to `target`. Its output
    /// key is `"<percent>%"`; an equal share already in the split gets a
    /// distinct spelling of the same number (`"50%"`, `"50.0%"`), since a
    /// JSON object holds each key once.
    #[must_use]
    pub fn share(mut self, percent: f64, target: NodeRef<'b>) -> Self {
        self.shares.push((percent, target));
        self
    }

    /// Output `else`.
    #[must_use]
    pub fn otherwise(mut self, target: NodeRef<'b>) -> Self {
        self.otherwise = Some(target);
        self
    }
}

impl Default for Split<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'b> RouteBuilder<'b> {
    fn id_of(&self, node: NodeRef<'b>) -> String {
        self.elements[node.index].id.clone()
    }

    fn push(&mut self, id: impl Into<String>, node: Node) -> NodeRef<'b> {
        self.elements.push(Element { id: id.into(), node });
        NodeRef { index: self.elements.len() - 1, brand: PhantomData }
    }

    /// An `end` element.
    pub fn end(&mut self, id: impl Into<String>) -> NodeRef<'b> {
        self.push(id, Node::End)
    }

    /// A `model` element: `success` when the model answers, `fallback` after
    /// its retries fail or time out.
    pub fn model(
        &mut self,
        id: impl Into<String>,
        spec: ModelSpec,
        success: NodeRef<'b>,
        fallback: NodeRef<'b>,
    ) -> NodeRef<'b> {
        let node = ModelNode {
            provider: spec.provider,
            model: spec.model,
            timeout: spec.timeout,
            retries: spec.retries,
            success: self.id_of(success),
            fallback: Some(self.id_of(fallback)),
        };
        self.push(id, Node::Model(node))
    }

    /// A rate or budget limit element: `success` under the limit, `fallback` over it.
    pub fn limit(
        &mut self,
        id: impl Into<String>,
        spec: LimitSpec,
        success: NodeRef<'b>,
        fallback: NodeRef<'b>,
    ) -> NodeRef<'b> {
        let id = id.into();
        let limit = spec.limit.unwrap_or_else(|bad| {
            self.problems.push(RouteProblem { element: Some(id.clone()), rule: RouteRule::BadLimit { limit: bad } });
            Number::from(0)
        });
        let node = LimitNode {
            kind: spec.kind,
            key: spec.key,
            limit,
            window: spec.window,
            technique: spec.technique,
            success: self.id_of(success),
            fallback: Some(self.id_of(fallback)),
        };
        self.push(id, Node::Limit(node))
    }

    /// A `conditional` element on metadata (`{"metadata.plan":{"$eq":"free"}}`).
    pub fn conditional(
        &mut self,
        id: impl Into<String>,
        condition: Value,
        if_true: NodeRef<'b>,
        if_false: NodeRef<'b>,
    ) -> NodeRef<'b> {
        let node = Conditional { condition, if_true: self.id_of(if_true), if_false: self.id_of(if_false) };
        self.push(id, Node::Conditional(node))
    }

    /// A `percentage` element; its shares are checked by [`Route::build`].
    pub fn percentage(&mut self, id: impl Into<String>, split: Split<'b>) -> NodeRef<'b> {
        let mut shares: Vec<Share> = Vec::with_capacity(split.shares.len());
        for (percent, target) in split.shares {
            let mut number = format!("{percent}");
            // Equal shares need distinct JSON keys: `"50%"`, then `"50.0%"`.
            while shares.iter().any(|s| s.key == format!("{number}%")) {
                number.push_str(if number.contains('.') { "0" } else { ".0" });
            }
            shares.push(Share { key: format!("{number}%"), target: self.id_of(target) });
        }
        let otherwise = split.otherwise.map(|t| self.id_of(t));
        self.push(id, Node::Percentage(Percentage { shares, otherwise }))
    }

    /// The `start` element, pointing at `next`.
    pub fn start(&mut self, id: impl Into<String>, next: NodeRef<'b>) -> Start<'b> {
        let next = self.id_of(next);
        self.push(id, Node::Start { next });
        Start { brand: PhantomData }
    }
}

pub(super) fn build(
    name: String,
    define: impl for<'b> FnOnce(&mut RouteBuilder<'b>) -> Start<'b>,
) -> Result<Route, RouteError> {
    let mut builder = RouteBuilder { elements: Vec::new(), problems: Vec::new(), brand: PhantomData };
    let Start { brand: _ } = define(&mut builder);
    let mut elements = builder.elements;
    elements.reverse();
    let route = Route { name, elements };
    let mut problems = builder.problems;
    if let Err(found) = route.validate() {
        problems.extend(found.problems);
    }
    if problems.is_empty() { Ok(route) } else { Err(RouteError { route: route.name, problems }) }
}
