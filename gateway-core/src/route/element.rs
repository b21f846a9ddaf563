//! A route's elements (nodes) and their JSON, byte-for-byte as Cloudflare's.
//!
//! Every element is `{"id", "type", "properties"?, "outputs"}` and an output
//! target is `{"elementId"}` (`cloudflare-2026.md` §3.2). Where the docs and
//! the SDK (the API's own schema) name a field differently, elements are
//! WRITTEN in the SDK's spelling and READ in either:
//!
//! | written (SDK) | also read (docs) |
//! |---|---|
//! | `"type":"rate"` | `"type":"rate_limit"` |
//! | `properties.window` | `properties.interval` |
//! | `properties.conditions` | `properties.condition` |

use std::time::Duration;

use indexmap::IndexMap;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Number, Value, json};

/// One element (node) of a route: its id and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// The element id, unique in its route; outputs point at it.
    pub id: String,
    /// The kind of node, its properties and outputs.
    pub node: Node,
}

/// The documented node kinds. Outputs are element ids.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Node {
    /// `start`: where every request enters; output `next`.
    Start {
        /// Output `next`.
        next: String,
    },
    /// `conditional`: an if/else on the request's metadata.
    Conditional(Conditional),
    /// `percentage`: a weighted random split.
    Percentage(Percentage),
    /// `model`: a call to one provider's model.
    Model(ModelNode),
    /// `rate` (count) or budget (cost) limit.
    Limit(LimitNode),
    /// `end`: returns the last successful model response, else an error.
    End,
}

/// A `conditional` node.
#[derive(Debug, Clone, PartialEq)]
pub struct Conditional {
    /// MongoDB-style operators on the metadata, e.g. `{"metadata.plan":{"$eq":"free"}}`.
    /// Written as `properties.conditions` (SDK); `condition` (docs) is read too.
    pub condition: Value,
    /// Output `true`.
    pub if_true: String,
    /// Output `false`.
    pub if_false: String,
}

/// A `percentage` node: outputs keyed `"<n>%"`, up to 5, plus an optional `"else"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Percentage {
    /// The weighted outputs, in order.
    pub shares: Vec<Share>,
    /// Output `else`, if any.
    pub otherwise: Option<String>,
}

/// One weighted output of a [`Percentage`] node.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// The output key as written, `"<n>%"` (`"70%"`, `"33.5%"`).
    pub key: String,
    /// The element this share goes to.
    pub target: String,
}

impl Share {
    /// The share in percent, when the key is `"<n>%"` with a finite positive `n`.
    pub fn percent(&self) -> Option<f64> {
        let n: f64 = self.key.strip_suffix('%')?.trim().parse().ok()?;
        (n.is_finite() && n > 0.0).then_some(n)
    }
}

/// A `model` node. The SDK requires all four properties and both outputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelNode {
    /// Provider slug (`openai`, `workers-ai`).
    pub provider: String,
    /// The provider's model name.
    pub model: String,
    /// `properties.timeout`, sent in milliseconds.
    pub timeout: Duration,
    /// `properties.retries`.
    pub retries: u32,
    /// Output `success` (taken when the model starts answering).
    pub success: String,
    /// Output `fallback` (after the retries fail or time out). Optional in
    /// the docs, required by the SDK: [`Route::validate`](super::Route::validate) refuses `None`.
    pub fallback: Option<String>,
}

/// What a limit node counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LimitKind {
    /// Requests (a rate limit).
    Count,
    /// Cost in US dollars (a budget limit).
    Cost,
}

/// How a limit's window moves (docs only; the SDK has no such property).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Technique {
    /// At most the limit in the trailing window.
    Sliding,
    /// Windows aligned to time boundaries.
    Fixed,
}

/// A rate (count) or budget (cost) limit node, written `"type":"rate"` (SDK).
#[derive(Debug, Clone, PartialEq)]
pub struct LimitNode {
    /// `limitType`.
    pub kind: LimitKind,
    /// What is counted per value, e.g. `metadata.user_id`.
    pub key: String,
    /// The limit: requests, or US dollars.
    pub limit: Number,
    /// `properties.window` (SDK; `interval` in the docs), in seconds.
    pub window: Duration,
    /// `properties.technique` (docs only), written only when set.
    pub technique: Option<Technique>,
    /// Output `success`: under the limit.
    pub success: String,
    /// Output `fallback`: over the limit. Optional in the docs (the route
    /// ends), required by the SDK: [`Route::validate`](super::Route::validate) refuses `None`.
    pub fallback: Option<String>,
}

impl Node {
    /// The wire `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Start { .. } => "start",
            Self::Conditional(_) => "conditional",
            Self::Percentage(_) => "percentage",
            Self::Model(_) => "model",
            Self::Limit(_) => "rate",
            Self::End => "end",
        }
    }

    /// The outputs as `(key, element id)`, in wire order.
    pub fn outputs(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        match self {
            Self::Start { next } => out.push(("next".into(), next)),
            Self::Conditional(c) => {
                out.push(("true".into(), &c.if_true));
                out.push(("false".into(), &c.if_false));
            }
            Self::Percentage(p) => {
                out.extend(p.shares.iter().map(|s| (s.key.clone(), s.target.as_str())));
                out.extend(p.otherwise.as_deref().map(|t| ("else".to_owned(), t)));
            }
            Self::Model(ModelNode { success, fallback, .. }) | Self::Limit(LimitNode { success, fallback, .. }) => {
                out.push(("success".into(), success));
                out.extend(fallback.as_deref().map(|t| ("fallback".to_owned(), t)));
            }
            Self::End => {}
        }
        out
    }

    fn properties(&self) -> Option<Value> {
        match self {
            Self::Start { .. } | Self::End | Self::Percentage(_) => None,
            Self::Conditional(c) => Some(json!({ "conditions": c.condition })),
            Self::Model(m) => Some(json!({
                "provider": m.provider,
                "model": m.model,
                "timeout": u64::try_from(m.timeout.as_millis()).unwrap_or(u64::MAX),
                "retries": m.retries,
            })),
            Self::Limit(l) => {
                let mut props = json!({
                    "key": l.key,
                    "limit": l.limit,
                    "limitType": l.kind,
                    "window": l.window.as_secs(),
                });
                if let (Some(technique), Some(map)) = (l.technique, props.as_object_mut()) {
                    map.insert("technique".into(), json!(technique));
                }
                Some(props)
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Target {
    #[serde(rename = "elementId")]
    element_id: String,
}

/// An element as it is on the wire.
#[derive(Serialize, Deserialize)]
struct RawElement {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    properties: Option<Value>,
    #[serde(default)]
    outputs: IndexMap<String, Target>,
}

impl Serialize for Element {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let outputs = self.node.outputs().into_iter().map(|(k, v)| (k, Target { element_id: v.to_owned() })).collect();
        RawElement {
            id: self.id.clone(),
            kind: self.node.type_name().to_owned(),
            properties: self.node.properties(),
            outputs,
        }
        .serialize(serializer)
    }
}

/// The properties of every kind, both spellings accepted.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RawProperties {
    #[serde(alias = "condition")]
    conditions: Option<Value>,
    provider: Option<String>,
    model: Option<String>,
    timeout: Option<u64>,
    retries: Option<u32>,
    key: Option<String>,
    limit: Option<Number>,
    limit_type: Option<LimitKind>,
    #[serde(alias = "interval")]
    window: Option<u64>,
    technique: Option<Technique>,
}

impl<'de> Deserialize<'de> for Element {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawElement::deserialize(deserializer)?;
        let id = raw.id;
        let props: RawProperties = match raw.properties {
            None | Some(Value::Null) => RawProperties::default(),
            Some(value) => serde_json::from_value(value)
                .map_err(|e| D::Error::custom(format!("element `{id}`: properties: {e}")))?,
        };
        let mut outputs: IndexMap<String, String> = raw.outputs.into_iter().map(|(k, t)| (k, t.element_id)).collect();
        let missing = |what: &str| D::Error::custom(format!("element `{id}` ({}): missing {what}", raw.kind));
        let mut output = |key: &str| outputs.shift_remove(key);
        let node = match raw.kind.as_str() {
            "start" => Node::Start { next: output("next").ok_or_else(|| missing("output `next`"))? },
            "conditional" => Node::Conditional(Conditional {
                condition: props.conditions.ok_or_else(|| missing("properties.conditions"))?,
                if_true: output("true").ok_or_else(|| missing("output `true`"))?,
                if_false: output("false").ok_or_else(|| missing("output `false`"))?,
            }),
            "percentage" => {
                let otherwise = output("else");
                let shares = outputs.drain(..).map(|(key, target)| Share { key, target }).collect();
                Node::Percentage(Percentage { shares, otherwise })
            }
            "model" => Node::Model(ModelNode {
                provider: props.provider.ok_or_else(|| missing("properties.provider"))?,
                model: props.model.ok_or_else(|| missing("properties.model"))?,
                timeout: Duration::from_millis(props.timeout.ok_or_else(|| missing("properties.timeout"))?),
                retries: props.retries.ok_or_else(|| missing("properties.retries"))?,
                success: output("success").ok_or_else(|| missing("output `success`"))?,
                fallback: output("fallback"),
            }),
            "rate" | "rate_limit" => Node::Limit(LimitNode {
                kind: props.limit_type.ok_or_else(|| missing("properties.limitType"))?,
                key: props.key.ok_or_else(|| missing("properties.key"))?,
                limit: props.limit.ok_or_else(|| missing("properties.limit"))?,
                window: Duration::from_secs(props.window.ok_or_else(|| missing("properties.window"))?),
                technique: props.technique,
                success: output("success").ok_or_else(|| missing("output `success`"))?,
                fallback: output("fallback"),
            }),
            "end" => Node::End,
            other => return Err(D::Error::custom(format!("element `{id}`: unknown type `{other}`"))),
        };
        if let Some(extra) = outputs.keys().next() {
            return Err(D::Error::custom(format!("element `{id}` ({}): unknown output `{extra}`", raw.kind)));
        }
        Ok(Self { id, node })
    }
}
