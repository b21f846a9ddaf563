//! What a route must satisfy before it is sent, and the error naming each
//! element and rule it breaks.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::Route;
use super::element::{LimitNode, ModelNode, Node};

/// Most weighted outputs a percentage node may have (`"else"` not counted).
pub const MAX_SHARES: usize = 5;

/// How far the shares of a percentage node may be from 100 % (fractions are
/// allowed, so `33.3% + 33.3% + 33.4%` must pass).
const SHARE_TOLERANCE: f64 = 1e-9;

/// A rule of [`Route::validate`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RouteRule {
    /// The route name is empty (callers use `dynamic/{name}`).
    EmptyName,
    /// The name is not one URL path segment (`dynamic/{name}` is one segment).
    NameNotASegment,
    /// An element id is empty.
    EmptyId,
    /// Two elements share an id.
    DuplicateId,
    /// No `start` element.
    NoStart,
    /// A second `start` element.
    MultipleStarts,
    /// An output points at no element of the route.
    DanglingEdge {
        /// The output key (`success`, `70%`, ...).
        output: String,
        /// The id it points at.
        target: String,
    },
    /// A percentage output key that is not `"<n>%"` with `n` > 0.
    BadShare {
        /// The key as written.
        output: String,
    },
    /// Two shares with the same key (`"50%"` twice): a JSON object cannot
    /// hold both, so equal shares must be written differently (`"50%"`, `"50.0%"`).
    DuplicateShare {
        /// The key.
        output: String,
    },
    /// More than [`MAX_SHARES`] weighted outputs.
    TooManyShares {
        /// How many there are.
        count: usize,
    },
    /// The shares do not total 100 %.
    SharesNotHundred {
        /// Their total.
        total: f64,
    },
    /// A limit that is negative or not a finite number.
    BadLimit {
        /// The limit given.
        limit: f64,
    },
    /// A model or limit node without a `fallback` output (the SDK requires both outputs).
    MissingFallback,
    /// No path from the start reaches this element.
    Unreachable,
    /// This element is on a cycle. Unconfirmed in the spec (nothing says
    /// whether Cloudflare refuses cycles): we chose to refuse them, since a
    /// request could loop without end.
    Cycle,
}

impl fmt::Display for RouteRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyName => f.write_str("the route name is empty"),
            Self::NameNotASegment => {
                f.write_str("the route name must be one URL path segment (no `/`, not `.` or `..`)")
            }
            Self::EmptyId => f.write_str("an element id is empty"),
            Self::DuplicateId => f.write_str("the id is used by more than one element"),
            Self::NoStart => f.write_str("the route has no `start` element"),
            Self::MultipleStarts => f.write_str("a second `start` element (a route has exactly one)"),
            Self::DanglingEdge { output, target } => {
                write!(f, "output `{output}` points at `{target}`, which is not an element of the route")
            }
            Self::BadShare { output } => write!(f, "output `{output}` is neither `\"<n>%\"` with n > 0 nor `else`"),
            Self::DuplicateShare { output } => write!(f, "output `{output}` appears twice (one JSON key)"),
            Self::TooManyShares { count } => {
                write!(f, "{count} percentage outputs, at most {MAX_SHARES} (plus `else`) are allowed")
            }
            Self::SharesNotHundred { total } => write!(f, "the percentage outputs total {total}%, not 100%"),
            Self::BadLimit { limit } => write!(f, "the limit {limit} is not a finite number >= 0"),
            Self::MissingFallback => {
                f.write_str("no `fallback` output (the API requires both `success` and `fallback`)")
            }
            Self::Unreachable => f.write_str("no path from the start reaches this element"),
            Self::Cycle => f.write_str("the element is on a cycle (a request could loop forever)"),
        }
    }
}

/// One problem: the element at fault (if any) and the rule it breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteProblem {
    /// The element id; `None` for rules about the whole route.
    pub element: Option<String>,
    /// The rule broken.
    pub rule: RouteRule,
}

impl fmt::Display for RouteProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.element {
            Some(id) => write!(f, "element `{id}`: {}", self.rule),
            None => write!(f, "{}", self.rule),
        }
    }
}

/// A route Cloudflare would refuse, with every problem found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("route `{route}` is invalid: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct RouteError {
    /// The route name.
    pub route: String,
    /// What is wrong, in element order.
    pub problems: Vec<RouteProblem>,
}

impl RouteError {
    /// Whether `element` breaks a rule of the same kind as `rule` (fields ignored).
    pub fn names(&self, element: Option<&str>, rule: &RouteRule) -> bool {
        self.problems
            .iter()
            .any(|p| p.element.as_deref() == element && std::mem::discriminant(&p.rule) == std::mem::discriminant(rule))
    }
}

pub(super) fn validate(route: &Route) -> Result<(), RouteError> {
    let mut problems = Vec::new();
    let mut push =
        |element: Option<&str>, rule| problems.push(RouteProblem { element: element.map(str::to_owned), rule });
    if route.name.is_empty() {
        push(None, RouteRule::EmptyName);
    } else if route.name.contains('/') || route.name == "." || route.name == ".." {
        push(None, RouteRule::NameNotASegment);
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut start = None;
    for (i, element) in route.elements.iter().enumerate() {
        let id = element.id.as_str();
        if id.is_empty() {
            push(Some(id), RouteRule::EmptyId);
        }
        if index.insert(id, i).is_some() {
            push(Some(id), RouteRule::DuplicateId);
        }
        if matches!(element.node, Node::Start { .. }) {
            if start.is_some() {
                push(Some(id), RouteRule::MultipleStarts);
            } else {
                start = Some(i);
            }
        }
    }
    if start.is_none() {
        push(None, RouteRule::NoStart);
    }
    for element in &route.elements {
        let id = Some(element.id.as_str());
        for (output, target) in element.node.outputs() {
            if !index.contains_key(target) {
                push(id, RouteRule::DanglingEdge { output, target: target.to_owned() });
            }
        }
        match &element.node {
            Node::Percentage(split) => {
                if split.shares.len() > MAX_SHARES {
                    push(id, RouteRule::TooManyShares { count: split.shares.len() });
                }
                let mut total = 0.0;
                let mut keys = HashSet::new();
                for share in &split.shares {
                    if !keys.insert(share.key.as_str()) || share.key == "else" {
                        push(id, RouteRule::DuplicateShare { output: share.key.clone() });
                    }
                    match share.percent() {
                        Some(p) => total += p,
                        None => push(id, RouteRule::BadShare { output: share.key.clone() }),
                    }
                }
                if (total - 100.0).abs() > SHARE_TOLERANCE {
                    push(id, RouteRule::SharesNotHundred { total });
                }
            }
            Node::Model(ModelNode { fallback, .. }) | Node::Limit(LimitNode { fallback, .. }) => {
                if let Node::Limit(LimitNode { limit, .. }) = &element.node {
                    let value = limit.as_f64().unwrap_or(f64::NAN);
                    if !(value.is_finite() && value >= 0.0) {
                        push(id, RouteRule::BadLimit { limit: value });
                    }
                }
                if fallback.is_none() {
                    push(id, RouteRule::MissingFallback);
                }
            }
            _ => {}
        }
    }
    let graph = Graph::new(route, &index);
    if let Some(start) = start {
        let reached = graph.reachable(start);
        for (i, element) in route.elements.iter().enumerate() {
            if !reached.contains(&i) {
                push(Some(&element.id), RouteRule::Unreachable);
            }
        }
    }
    for i in graph.on_cycles() {
        push(Some(&route.elements[i].id), RouteRule::Cycle);
    }
    if problems.is_empty() { Ok(()) } else { Err(RouteError { route: route.name.clone(), problems }) }
}

/// The elements' edges by index; dangling edges left out (reported apart).
struct Graph {
    edges: Vec<Vec<usize>>,
}

impl Graph {
    fn new(route: &Route, index: &HashMap<&str, usize>) -> Self {
        let edges = route
            .elements
            .iter()
            .map(|e| e.node.outputs().into_iter().filter_map(|(_, t)| index.get(t).copied()).collect())
            .collect();
        Self { edges }
    }

    fn reachable(&self, from: usize) -> HashSet<usize> {
        let mut seen = HashSet::from([from]);
        let mut todo = vec![from];
        while let Some(i) = todo.pop() {
            for &next in &self.edges[i] {
                if seen.insert(next) {
                    todo.push(next);
                }
            }
        }
        seen
    }

    /// Elements on a cycle (including self-loops), in element order.
    fn on_cycles(&self) -> Vec<usize> {
        (0..self.edges.len())
            .filter(|&i| self.edges[i].iter().any(|&next| next == i || self.reachable(next).contains(&i)))
            .collect()
    }
}
