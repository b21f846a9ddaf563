//! Spend limits (`cloudflare-2026.md` §5.1): per-gateway budget rules in US
//! dollars over a time window, checked before each upstream call against the
//! costs the gateway has logged.
//!
//! A rule has a budget, a window, a technique (fixed windows aligned to
//! multiples of the window since the Unix epoch, or the trailing window) and
//! up to three dimensions: provider, model and one metadata key. Each
//! dimension is absent (one bucket shared by every value), split (one bucket
//! per value) or a filter (the rule applies to that value only). A gateway
//! holds at most [`MAX_SPEND_LIMITS`] rules.
//!
//! # JSON shape (our choice)
//!
//! The gateway object's `spend_limits` field exists, but its schema is not
//! documented (`cloudflare-2026.md` §5.1 and §7 item 8). We chose this shape,
//! in the snake case of the gateway object and with `window` in seconds as
//! in a route's limit node; it is the one place the shape is defined:
//!
//! ```json
//! {"spend_limits": [
//!   {"budget": 50.0, "window": 2592000, "technique": "fixed"},
//!   {"budget": 5.0, "window": 86400, "technique": "sliding",
//!    "model": {"mode": "filter", "value": "gpt-4o-mini"},
//!    "metadata": {"mode": "split", "key": "cf.user_id"}},
//!   {"budget": 20.0, "window": 604800, "technique": "fixed",
//!    "provider": {"mode": "split"},
//!    "metadata": {"mode": "filter", "key": "team", "value": "search"}}
//! ]}
//! ```
//!
//! - `budget`: US dollars, finite and above 0;
//! - `window`: seconds, 1 to [`MAX_SPEND_LIMIT_WINDOW_SECS`] (365 days, our bound);
//! - `technique`: `fixed` (the default when absent) or `sliding`;
//! - `provider`, `model`: absent, `{"mode": "split"}` or `{"mode": "filter", "value": …}`;
//! - `metadata`: absent, `{"mode": "split", "key": …}` or
//!   `{"mode": "filter", "key": …, "value": …}` (a string, number or boolean).
//!
//! Unknown fields are refused. Deserializing checks the shape only;
//! [`validate_spend_limits`] (or [`SpendLimit::validate`]) checks the values
//! and names the rule and field at fault ([`SpendLimitError`]).
//!
//! ```
//! use std::time::Duration;
//! use gateway_core::types::spend_limit::{SpendLimit, validate_spend_limits};
//!
//! let day = Duration::from_secs(86_400);
//! let rules = [
//!     SpendLimit::new(50.0, day * 30),
//!     SpendLimit::new(5.0, day).sliding().for_model("gpt-4o-mini").per_metadata("cf.user_id"),
//! ];
//! validate_spend_limits(&rules)?;
//! let json = gateway_core::serde_json::to_string(&rules[1]).unwrap();
//! assert_eq!(
//!     json,
//!     r#"{"budget":5.0,"window":86400,"technique":"sliding","model":{"mode":"filter","value":"gpt-4o-mini"},"metadata":{"mode":"split","key":"cf.user_id"}}"#
//! );
//! # Ok::<(), gateway_core::types::spend_limit::SpendLimitError>(())
//! ```

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::provider::MAX_MODEL_NAME_LEN;
use crate::route::Technique;
use crate::types::metadata::MetadataValue;

/// Most spend-limit rules per gateway (`cloudflare-2026.md` §5.1).
pub const MAX_SPEND_LIMITS: usize = 20;

/// Longest window of a rule, in seconds: 365 days. Ours: Cloudflare
/// documents no bound (its examples go up to 30 days).
pub const MAX_SPEND_LIMIT_WINDOW_SECS: u64 = 365 * 86_400;

/// Longest provider slug or metadata key a rule names.
const MAX_NAME_LEN: usize = 256;

/// The only reserved metadata key a rule may name: Cloudflare sets it from
/// the Cloudflare Access user (`cloudflare-2026.md` §5.1). Other keys under
/// the reserved prefix `cf.` are refused (our reading: Cloudflare defines no other).
pub const RESERVED_USER_ID_KEY: &str = "cf.user_id";

/// The prefix of metadata keys Cloudflare reserves.
const RESERVED_PREFIX: &str = "cf.";

/// One spend-limit rule. Build it with [`SpendLimit::new`] and the `per_*`
/// (split) and `for_*` (filter) methods; check it with [`validate`](Self::validate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpendLimit {
    budget: f64,
    window: u64,
    #[serde(default = "fixed")]
    technique: Technique,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provider: Option<Dimension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model: Option<Dimension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    metadata: Option<MetadataDimension>,
}

fn fixed() -> Technique {
    Technique::Fixed
}

/// How a rule treats the provider or the model of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase", try_from = "DimensionJson")]
pub enum Dimension {
    /// One bucket per value: `{"mode": "split"}`.
    Split,
    /// Only requests with this value: `{"mode": "filter", "value": "openai"}`.
    Filter {
        /// The provider slug or model name.
        value: String,
    },
}

/// [`Dimension`] as read: serde's internal tagging would take
/// `{"mode": "split", "value": …}` without a word (a unit variant has no
/// fields to deny), so the JSON is read whole and checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionJson {
    mode: DimensionMode,
    value: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum DimensionMode {
    Split,
    Filter,
}

impl TryFrom<DimensionJson> for Dimension {
    type Error = &'static str;
    fn try_from(json: DimensionJson) -> Result<Self, Self::Error> {
        match (json.mode, json.value) {
            (DimensionMode::Split, None) => Ok(Self::Split),
            (DimensionMode::Split, Some(_)) => Err("`split` takes no `value` (a filter does)"),
            (DimensionMode::Filter, Some(value)) => Ok(Self::Filter { value }),
            (DimensionMode::Filter, None) => Err("`filter` needs a `value`"),
        }
    }
}

/// How a rule treats one metadata key of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase", deny_unknown_fields)]
pub enum MetadataDimension {
    /// One bucket per value of `key`: `{"mode": "split", "key": "user"}`.
    /// A request without the key is not subject to the rule.
    Split {
        /// The metadata key.
        key: String,
    },
    /// Only requests whose `key` has `value`:
    /// `{"mode": "filter", "key": "team", "value": "search"}`.
    Filter {
        /// The metadata key.
        key: String,
        /// The value (a string, number or boolean).
        value: MetadataValue,
    },
}

impl MetadataDimension {
    /// The metadata key.
    pub fn key(&self) -> &str {
        match self {
            Self::Split { key } | Self::Filter { key, .. } => key,
        }
    }
}

impl SpendLimit {
    /// A rule of `budget_usd` US dollars per `window` (whole seconds; a
    /// fraction is dropped), fixed windows, one bucket for the whole gateway.
    pub fn new(budget_usd: f64, window: Duration) -> Self {
        Self {
            budget: budget_usd,
            window: window.as_secs(),
            technique: Technique::Fixed,
            provider: None,
            model: None,
            metadata: None,
        }
    }

    /// Counts the trailing window instead of fixed windows.
    #[must_use]
    pub fn sliding(self) -> Self {
        self.technique(Technique::Sliding)
    }

    /// Sets how the window is counted.
    #[must_use]
    pub fn technique(mut self, technique: Technique) -> Self {
        self.technique = technique;
        self
    }

    /// One bucket per provider.
    #[must_use]
    pub fn per_provider(mut self) -> Self {
        self.provider = Some(Dimension::Split);
        self
    }

    /// Applies to requests to provider `slug` only.
    #[must_use]
    pub fn for_provider(mut self, slug: impl Into<String>) -> Self {
        self.provider = Some(Dimension::Filter { value: slug.into() });
        self
    }

    /// One bucket per model.
    #[must_use]
    pub fn per_model(mut self) -> Self {
        self.model = Some(Dimension::Split);
        self
    }

    /// Applies to requests for `model` only (the model name as logs record it).
    #[must_use]
    pub fn for_model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(Dimension::Filter { value: model.into() });
        self
    }

    /// One bucket per value of metadata `key`.
    #[must_use]
    pub fn per_metadata(mut self, key: impl Into<String>) -> Self {
        self.metadata = Some(MetadataDimension::Split { key: key.into() });
        self
    }

    /// Applies to requests whose metadata `key` is `value` only.
    #[must_use]
    pub fn for_metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.metadata = Some(MetadataDimension::Filter { key: key.into(), value: value.into() });
        self
    }

    /// The budget, in US dollars.
    pub fn budget(&self) -> f64 {
        self.budget
    }

    /// The window.
    pub fn window(&self) -> Duration {
        Duration::from_secs(self.window)
    }

    /// How the window is counted.
    pub fn window_technique(&self) -> Technique {
        self.technique
    }

    /// The provider dimension (`None`: one bucket for every provider).
    pub fn provider(&self) -> Option<&Dimension> {
        self.provider.as_ref()
    }

    /// The model dimension (`None`: one bucket for every model).
    pub fn model(&self) -> Option<&Dimension> {
        self.model.as_ref()
    }

    /// The metadata dimension (`None`: metadata does not matter).
    pub fn metadata(&self) -> Option<&MetadataDimension> {
        self.metadata.as_ref()
    }

    /// Checks the values, naming the field at fault.
    pub fn validate(&self) -> Result<(), SpendLimitError> {
        self.check().map_err(|(field, reason)| SpendLimitError { rule: None, field, reason })
    }

    fn check(&self) -> Result<(), (SpendLimitField, String)> {
        use SpendLimitField as F;
        if !(self.budget.is_finite() && self.budget > 0.0) {
            return Err((F::Budget, format!("must be a finite number of US dollars above 0, got {}", self.budget)));
        }
        if !(1..=MAX_SPEND_LIMIT_WINDOW_SECS).contains(&self.window) {
            return Err((
                F::Window,
                format!("must be 1 to {MAX_SPEND_LIMIT_WINDOW_SECS} seconds (365 days), got {}", self.window),
            ));
        }
        if let Some(Dimension::Filter { value }) = &self.provider {
            let slug_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
            if value.is_empty() || value.len() > MAX_NAME_LEN || !value.chars().all(slug_char) {
                return Err((
                    F::ProviderValue,
                    format!(
                        "must be a provider slug (1 to {MAX_NAME_LEN} letters, digits, `-`, `_` or `.`), got {value:?}"
                    ),
                ));
            }
        }
        if let Some(Dimension::Filter { value }) = &self.model {
            if value.is_empty() || value.len() > MAX_MODEL_NAME_LEN || value.chars().any(char::is_control) {
                return Err((
                    F::ModelValue,
                    format!("must be a model name of 1 to {MAX_MODEL_NAME_LEN} bytes without control characters"),
                ));
            }
        }
        if let Some(metadata) = &self.metadata {
            check_metadata_key(metadata.key()).map_err(|reason| (F::MetadataKey, reason))?;
            if let MetadataDimension::Filter { value, .. } = metadata {
                match value {
                    MetadataValue::Null => {
                        return Err((F::MetadataValue, "must be a string, number or boolean, not null".into()));
                    }
                    MetadataValue::Number(n) if !n.is_finite() => {
                        return Err((F::MetadataValue, format!("must be a finite number, got {n}")));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// Whether the rule applies to a request to `provider` for `model` with
    /// `metadata`, and if so the bucket it counts in: the values each split
    /// or filter dimension selects. `metadata` looks a key up.
    pub fn bucket<'a>(
        &'a self,
        provider: &'a str,
        model: &'a str,
        metadata: impl FnOnce(&str) -> Option<MetadataValue>,
    ) -> Option<Bucket<'a>> {
        let select = |dimension: Option<&Dimension>, value: &'a str| match dimension {
            None => Some(None),
            Some(Dimension::Split) => Some(Some(value)),
            Some(Dimension::Filter { value: only }) => (only == value).then_some(Some(value)),
        };
        let provider = select(self.provider.as_ref(), provider)?;
        let model = select(self.model.as_ref(), model)?;
        let metadata = match &self.metadata {
            None => None,
            Some(dimension) => {
                let value = metadata(dimension.key())?;
                if matches!(value, MetadataValue::Null) {
                    return None;
                }
                if let MetadataDimension::Filter { value: only, .. } = dimension {
                    if !same_value(only, &value) {
                        return None;
                    }
                }
                Some((dimension.key(), value))
            }
        };
        Some(Bucket { provider, model, metadata })
    }
}

/// Whether two metadata values are the same value as they travel: a big
/// integer is sent as its decimal string (see [`MetadataValue::BigInt`]).
fn same_value(a: &MetadataValue, b: &MetadataValue) -> bool {
    let wire = |value: &MetadataValue| match value {
        MetadataValue::BigInt(i) => MetadataValue::String(i.to_string()),
        other => other.clone(),
    };
    wire(a) == wire(b)
}

/// The bucket of a rule one request counts in: the provider, model and
/// metadata value its split and filter dimensions select (`None`: that
/// dimension is shared by every value).
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket<'a> {
    /// The provider slug, when the rule splits or filters by provider.
    pub provider: Option<&'a str>,
    /// The model, when the rule splits or filters by model.
    pub model: Option<&'a str>,
    /// The metadata key and the request's value, when the rule has a metadata dimension.
    pub metadata: Option<(&'a str, MetadataValue)>,
}

fn check_metadata_key(key: &str) -> Result<(), String> {
    if key.is_empty() || key.len() > MAX_NAME_LEN {
        return Err(format!("must be 1 to {MAX_NAME_LEN} bytes, got {}", key.len()));
    }
    // Keys are addressed as `$."key"` in stored metadata: no quote, backslash or control character.
    if key.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
        return Err(format!("must not contain `\"`, `\\` or control characters, got {key:?}"));
    }
    if key.starts_with(RESERVED_PREFIX) && key != RESERVED_USER_ID_KEY {
        return Err(format!(
            "keys starting with `{RESERVED_PREFIX}` are reserved by Cloudflare; the only one a rule may name is `{RESERVED_USER_ID_KEY}`, got {key:?}"
        ));
    }
    Ok(())
}

impl fmt::Display for SpendLimit {
    /// `US$5 per 86400 s (sliding), model gpt-4o-mini, per metadata cf.user_id`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let technique = match self.technique {
            Technique::Fixed => "fixed",
            Technique::Sliding => "sliding",
        };
        write!(f, "US${} per {} s ({technique})", self.budget, self.window)?;
        for (name, dimension) in [("provider", &self.provider), ("model", &self.model)] {
            match dimension {
                None => {}
                Some(Dimension::Split) => write!(f, ", per {name}")?,
                Some(Dimension::Filter { value }) => write!(f, ", {name} {value}")?,
            }
        }
        match &self.metadata {
            None => Ok(()),
            Some(MetadataDimension::Split { key }) => write!(f, ", per metadata {key}"),
            Some(MetadataDimension::Filter { key, value }) => {
                write!(f, ", metadata {key} = {}", serde_json::to_string(value).unwrap_or_default())
            }
        }
    }
}

/// Checks a gateway's rules: at most [`MAX_SPEND_LIMITS`], each valid. The
/// error names the rule (its index) and the field.
pub fn validate_spend_limits(rules: &[SpendLimit]) -> Result<(), SpendLimitError> {
    if rules.len() > MAX_SPEND_LIMITS {
        return Err(SpendLimitError {
            rule: None,
            field: SpendLimitField::Count,
            reason: format!("at most {MAX_SPEND_LIMITS} rules per gateway, got {}", rules.len()),
        });
    }
    for (index, rule) in rules.iter().enumerate() {
        rule.check().map_err(|(field, reason)| SpendLimitError { rule: Some(index), field, reason })?;
    }
    Ok(())
}

/// A field of a spend-limit rule, in wire spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SpendLimitField {
    /// The list itself (too many rules).
    Count,
    /// `budget`.
    Budget,
    /// `window`.
    Window,
    /// `provider.value`.
    ProviderValue,
    /// `model.value`.
    ModelValue,
    /// `metadata.key`.
    MetadataKey,
    /// `metadata.value`.
    MetadataValue,
}

impl SpendLimitField {
    /// The field's path inside a rule (`budget`, `metadata.key`); empty for [`Count`](Self::Count).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Count => "",
            Self::Budget => "budget",
            Self::Window => "window",
            Self::ProviderValue => "provider.value",
            Self::ModelValue => "model.value",
            Self::MetadataKey => "metadata.key",
            Self::MetadataValue => "metadata.value",
        }
    }
}

/// A spend-limit rule (or list of rules) that cannot be used: which rule,
/// which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {}: {reason}", self.path())]
pub struct SpendLimitError {
    rule: Option<usize>,
    field: SpendLimitField,
    reason: String,
}

impl SpendLimitError {
    /// The index of the rule at fault in its list, when checked as a list.
    pub fn rule(&self) -> Option<usize> {
        self.rule
    }

    /// The field at fault.
    pub fn field(&self) -> SpendLimitField {
        self.field
    }

    /// What was wrong and what is allowed.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Where, in the gateway object: `spend_limits[2].budget`,
    /// `spend_limits` (the count), or `budget` for a rule checked alone.
    pub fn path(&self) -> String {
        match (self.rule, self.field) {
            (_, SpendLimitField::Count) => "spend_limits".to_owned(),
            (Some(index), field) => format!("spend_limits[{index}].{}", field.as_str()),
            (None, field) => field.as_str().to_owned(),
        }
    }
}

impl From<SpendLimitError> for crate::Error {
    fn from(error: SpendLimitError) -> Self {
        Self::InvalidInput { field: error.path(), reason: error.reason }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const DAY: Duration = Duration::from_secs(86_400);

    #[test]
    fn json_round_trips_in_the_documented_shape() {
        let rules = vec![
            SpendLimit::new(50.0, DAY * 30),
            SpendLimit::new(5.0, DAY).sliding().for_model("gpt-4o-mini").per_metadata("cf.user_id"),
            SpendLimit::new(20.0, DAY * 7).per_provider().for_metadata("team", "search"),
            SpendLimit::new(1.5, DAY).for_provider("openai").per_model().for_metadata("tier", 2.0),
        ];
        let value = serde_json::to_value(&rules).unwrap();
        assert_eq!(
            value,
            json!([
                {"budget": 50.0, "window": 2_592_000, "technique": "fixed"},
                {"budget": 5.0, "window": 86_400, "technique": "sliding",
                 "model": {"mode": "filter", "value": "gpt-4o-mini"}, "metadata": {"mode": "split", "key": "cf.user_id"}},
                {"budget": 20.0, "window": 604_800, "technique": "fixed", "provider": {"mode": "split"},
                 "metadata": {"mode": "filter", "key": "team", "value": "search"}},
                {"budget": 1.5, "window": 86_400, "technique": "fixed", "provider": {"mode": "filter", "value": "openai"},
                 "model": {"mode": "split"}, "metadata": {"mode": "filter", "key": "tier", "value": 2.0}},
            ])
        );
        assert_eq!(serde_json::from_value::<Vec<SpendLimit>>(value).unwrap(), rules);
        validate_spend_limits(&rules).unwrap();
        // `technique` defaults to fixed; integers are budgets too.
        let rule: SpendLimit = serde_json::from_value(json!({"budget": 3, "window": 60})).unwrap();
        assert_eq!(rule, SpendLimit::new(3.0, Duration::from_secs(60)));
    }

    #[test]
    fn the_shape_is_strict() {
        for bad in [
            json!({"budget": 1, "window": 60, "typo": 1}),
            json!({"window": 60}),
            json!({"budget": 1}),
            json!({"budget": 1, "window": -1}),
            json!({"budget": 1, "window": 60, "technique": "leaky"}),
            json!({"budget": 1, "window": 60, "model": {"mode": "split", "value": "x"}}),
            json!({"budget": 1, "window": 60, "model": {"mode": "filter"}}),
            json!({"budget": 1, "window": 60, "model": "split"}),
            json!({"budget": 1, "window": 60, "model": {"value": "x"}}),
            json!({"budget": 1, "window": 60, "model": {"mode": "filter", "value": "x", "extra": 1}}),
            json!({"budget": 1, "window": 60, "metadata": {"mode": "split"}}),
            json!({"budget": 1, "window": 60, "metadata": {"mode": "split", "key": "k", "value": "v"}}),
            json!({"budget": 1, "window": 60, "metadata": {"mode": "filter", "key": "k"}}),
        ] {
            assert!(serde_json::from_value::<SpendLimit>(bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn each_bad_value_is_named_with_its_rule_and_field() {
        let ok = SpendLimit::new(1.0, DAY);
        for (rule, field) in [
            (SpendLimit::new(0.0, DAY), SpendLimitField::Budget),
            (SpendLimit::new(-1.0, DAY), SpendLimitField::Budget),
            (SpendLimit::new(f64::NAN, DAY), SpendLimitField::Budget),
            (SpendLimit::new(f64::INFINITY, DAY), SpendLimitField::Budget),
            (SpendLimit::new(1.0, Duration::from_millis(999)), SpendLimitField::Window),
            (SpendLimit::new(1.0, DAY * 366), SpendLimitField::Window),
            (ok.clone().for_provider(""), SpendLimitField::ProviderValue),
            (ok.clone().for_provider("open ai"), SpendLimitField::ProviderValue),
            (ok.clone().for_model(""), SpendLimitField::ModelValue),
            (ok.clone().for_model("a\nb"), SpendLimitField::ModelValue),
            (ok.clone().per_metadata(""), SpendLimitField::MetadataKey),
            (ok.clone().per_metadata("a\"b"), SpendLimitField::MetadataKey),
            (ok.clone().per_metadata("cf.other"), SpendLimitField::MetadataKey),
            (ok.clone().for_metadata("k", MetadataValue::Null), SpendLimitField::MetadataValue),
            (ok.clone().for_metadata("k", f64::NAN), SpendLimitField::MetadataValue),
        ] {
            assert_eq!(rule.validate().unwrap_err().field(), field, "{rule:?}");
            let rules = [ok.clone(), ok.clone(), rule];
            let error = validate_spend_limits(&rules).unwrap_err();
            assert_eq!((error.rule(), error.field()), (Some(2), field));
            let message = error.to_string();
            assert!(message.starts_with(&format!("invalid spend_limits[2].{}: ", field.as_str())), "{message}");
        }
        ok.clone().per_metadata(RESERVED_USER_ID_KEY).validate().unwrap();
        SpendLimit::new(1.0, Duration::from_secs(MAX_SPEND_LIMIT_WINDOW_SECS)).validate().unwrap();

        let too_many = vec![ok.clone(); MAX_SPEND_LIMITS + 1];
        let error = validate_spend_limits(&too_many).unwrap_err();
        assert_eq!(
            (error.rule(), error.field(), error.path().as_str()),
            (None, SpendLimitField::Count, "spend_limits")
        );
        validate_spend_limits(&too_many[1..]).unwrap();
        let as_input: crate::Error = error.into();
        assert!(matches!(as_input, crate::Error::InvalidInput { ref field, .. } if field == "spend_limits"));
    }

    #[test]
    fn buckets_follow_the_dimensions() {
        let user = |key: &str| (key == "user").then(|| MetadataValue::from("ada"));
        let shared = SpendLimit::new(1.0, DAY);
        assert_eq!(
            shared.bucket("openai", "gpt-4o", user),
            Some(Bucket { provider: None, model: None, metadata: None })
        );
        let split = SpendLimit::new(1.0, DAY).per_provider().per_model().per_metadata("user");
        assert_eq!(
            split.bucket("openai", "gpt-4o", user),
            Some(Bucket { provider: Some("openai"), model: Some("gpt-4o"), metadata: Some(("user", "ada".into())) })
        );
        assert_eq!(split.bucket("openai", "gpt-4o", |_| None), None, "no value, no bucket");
        let filtered = SpendLimit::new(1.0, DAY).for_provider("openai").for_metadata("user", "ada");
        assert!(filtered.bucket("openai", "m", user).is_some());
        assert!(filtered.bucket("anthropic", "m", user).is_none());
        assert!(filtered.bucket("openai", "m", |_| Some("bob".into())).is_none());
        let numeric = SpendLimit::new(1.0, DAY).for_metadata("tier", 2.0);
        assert!(numeric.bucket("p", "m", |_| Some(MetadataValue::Number(2.0))).is_some());
        assert!(numeric.bucket("p", "m", |_| Some("2".into())).is_none(), "a string is not a number");
        let big = SpendLimit::new(1.0, DAY).for_metadata("id", 12_345_678_901_234_567_890_i128);
        assert!(big.bucket("p", "m", |_| Some("12345678901234567890".into())).is_some(), "sent as a string");
    }

    #[test]
    fn display_names_the_rule() {
        let rule = SpendLimit::new(5.0, DAY).sliding().for_model("gpt-4o-mini").per_metadata("cf.user_id");
        assert_eq!(rule.to_string(), "US$5 per 86400 s (sliding), model gpt-4o-mini, per metadata cf.user_id");
        let rule = SpendLimit::new(0.25, DAY).per_provider().for_metadata("team", "search");
        assert_eq!(rule.to_string(), r#"US$0.25 per 86400 s (fixed), per provider, metadata team = "search""#);
    }
}
