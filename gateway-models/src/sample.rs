//! Values built from a catalog schema: a minimal valid input, or a seeded
//! answer shaped like a model's output.

use serde_json::{Map, Value, json};

/// Checks a value against a (sub)schema; [`Sampler::checked_by`] takes one so
/// that choices (`oneOf`/`anyOf` branches, `pattern` strings) land on a valid value.
pub type Check<'a> = &'a dyn Fn(&Value, &Value) -> bool;

/// Builds a JSON value from a catalog schema ([`ModelSchema`](crate::ModelSchema)).
///
/// What it reads: `type` (one or a list; `null` is picked last), `enum`
/// (the first value, or a seeded one), `properties` with `required`
/// (minimal: required ones only; seeded: the outermost object's optional
/// ones too), `minProperties` (filled from `additionalProperties`), `items`
/// (one schema or a list), `minItems`/`maxItems` (at least one item),
/// `minLength`/`maxLength`, `minimum`/`maximum`, `oneOf`/`anyOf` (the first
/// branch whose value the [check](Self::checked_by) accepts, branches merged
/// into their parent's `properties` and `required`), strings with
/// `format: binary` or described as base64 (base64 text), and `pattern`
/// (a few fixed candidates: `data:` URIs, digits, the first word of an
/// alternation; the check picks one). Keywords it does not read (`not`,
/// `const`, `allOf`, `$ref`, formats other than binary) do not occur in the
/// catalog. Without a check, the first branch and candidate are taken.
///
/// ```
/// use gateway_models::{Sampler, catalog};
///
/// let schema = catalog().get("@cf/baai/bge-base-en-v1.5").unwrap().schema().unwrap();
/// let input = Sampler::minimal().sample(schema.input());
/// assert!(input["text"].is_string());
/// ```
#[derive(Clone, Copy)]
pub struct Sampler<'a> {
    seed: Option<u64>,
    check: Option<Check<'a>>,
}

impl std::fmt::Debug for Sampler<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sampler").field("seed", &self.seed).field("checked", &self.check.is_some()).finish()
    }
}

impl<'a> Sampler<'a> {
    /// The smallest value: required properties only, the lowest numbers,
    /// short strings, one array item.
    pub fn minimal() -> Self {
        Self { seed: None, check: None }
    }

    /// A fuller value varying with `seed`: every property, words, numbers within the limits.
    pub fn seeded(seed: u64) -> Self {
        Self { seed: Some(seed), check: None }
    }

    /// Chooses among `oneOf`/`anyOf` branches and pattern candidates with
    /// `check(schema, value)`: the first candidate it accepts wins.
    #[must_use]
    pub fn checked_by(self, check: Check<'a>) -> Self {
        Self { check: Some(check), ..self }
    }

    /// A value for `schema`.
    pub fn sample(&self, schema: &Value) -> Value {
        self.value(schema, 0, 0)
    }

    fn accepts(&self, schema: &Value, value: &Value) -> bool {
        self.check.is_none_or(|check| check(schema, value))
    }

    /// `depth`: how many objects and arrays enclose `schema`.
    fn value(&self, schema: &Value, salt: u64, depth: u32) -> Value {
        let Some(node) = schema.as_object() else {
            return Value::Null;
        };
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = node.get(key).and_then(Value::as_array) {
                let mut first = None;
                for (index, branch) in (0_u64..).zip(branches) {
                    let candidate = self.value(&merge(node, key, branch), salt.wrapping_add(index), depth);
                    if self.accepts(schema, &candidate) {
                        return candidate;
                    }
                    first.get_or_insert(candidate);
                }
                return first.unwrap_or(Value::Null);
            }
        }
        if let Some(values) = node.get("enum").and_then(Value::as_array).filter(|values| !values.is_empty()) {
            let index = self.seed.map_or(0, |seed| pick(seed, salt, values.len()));
            return values[index].clone();
        }
        match type_of(node) {
            "object" => self.object(node, salt, depth + 1),
            "array" => self.array(node, salt, depth + 1),
            "string" => self.string(schema, node, salt),
            "integer" => self.number(node, salt, true),
            "number" => self.number(node, salt, false),
            "boolean" => Value::Bool(self.seed.is_some_and(|seed| pick(seed, salt, 2) == 1)),
            "null" => Value::Null,
            _ => json!({}),
        }
    }

    fn object(&self, node: &Map<String, Value>, salt: u64, depth: u32) -> Value {
        let required: Vec<&str> =
            node.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let at_least = node.get("minProperties").and_then(Value::as_u64).unwrap_or(0);
        let mut object = Map::new();
        let properties = node.get("properties").and_then(Value::as_object);
        for (index, (name, property)) in (1_u64..).zip(properties.into_iter().flatten()) {
            // Seeded: the outermost object's optional properties too, not those nested deeper
            // (a chat completion's optional `tool_calls` stays out unless a call is made).
            let optional = self.seed.is_some() && depth == 1;
            if optional || required.contains(&name.as_str()) || (object.len() as u64) < at_least {
                object.insert(name.clone(), self.value(property, mix(salt, index), depth));
            }
        }
        let extra = node.get("additionalProperties").filter(|schema| schema.is_object());
        for index in 1..=at_least.saturating_sub(object.len() as u64) {
            let value = extra.map_or_else(|| json!("a"), |schema| self.value(schema, mix(salt, index), depth));
            object.insert(format!("item_{index}"), value);
        }
        Value::Object(object)
    }

    fn array(&self, node: &Map<String, Value>, salt: u64, depth: u32) -> Value {
        let min = node.get("minItems").and_then(Value::as_u64).unwrap_or(0);
        let max = node.get("maxItems").and_then(Value::as_u64).unwrap_or(u64::MAX);
        let count = min.max(1).min(max);
        match node.get("items") {
            Some(Value::Array(tuple)) => Value::Array(
                (1_u64..).zip(tuple).map(|(index, item)| self.value(item, mix(salt, index), depth)).collect(),
            ),
            Some(item) => Value::Array((1..=count).map(|index| self.value(item, mix(salt, index), depth)).collect()),
            None => Value::Array(Vec::new()),
        }
    }

    fn string(&self, schema: &Value, node: &Map<String, Value>, salt: u64) -> Value {
        let min = node.get("minLength").and_then(Value::as_u64).unwrap_or(0);
        let max = node.get("maxLength").and_then(Value::as_u64).unwrap_or(u64::MAX);
        let fit = |text: String| Value::String(fit_length(text, min, max));
        if let Some(pattern) = node.get("pattern").and_then(Value::as_str) {
            let candidates = pattern_candidates(pattern);
            let chosen = candidates.iter().map(|text| fit(text.clone())).find(|value| self.accepts(schema, value));
            return chosen.unwrap_or_else(|| fit(candidates[0].clone()));
        }
        let seed = self.seed.map(|seed| mix(seed, salt));
        if is_base64(node) {
            let bytes: Vec<u8> = (0..12_u64).map(|i| seed.map_or(0, |seed| mix(seed, i).to_le_bytes()[0])).collect();
            return fit(base64(&bytes));
        }
        match seed {
            None => fit("a".to_owned()),
            Some(seed) => fit(words(seed, 4)),
        }
    }

    fn number(&self, node: &Map<String, Value>, salt: u64, integer: bool) -> Value {
        let minimum = node.get("minimum").and_then(Value::as_f64);
        let maximum = node.get("maximum").and_then(Value::as_f64);
        let low = minimum.unwrap_or_else(|| maximum.map_or(0.0, |max| max.min(0.0)));
        let high = maximum.unwrap_or(low.max(0.0) + 1.0).max(low);
        let unit = self.seed.map_or(0.0, |seed| f64::from(u32::try_from(mix(seed, salt) % 1000).unwrap_or(0)) / 1000.0);
        let value = low + (high - low) * unit;
        if integer {
            let rounded = value.ceil().min(high.floor());
            #[allow(clippy::cast_possible_truncation, reason = "the catalog's integer limits fit i64")]
            return json!(rounded as i64);
        }
        json!((value * 1000.0).round() / 1000.0)
    }
}

/// `node` with its `key` choice replaced by `branch`: properties and required names united, other keys from `branch`.
fn merge(node: &Map<String, Value>, key: &str, branch: &Value) -> Value {
    let mut merged = node.clone();
    merged.remove(key);
    let Some(branch) = branch.as_object() else {
        return branch.clone();
    };
    for (name, value) in branch {
        match (name.as_str(), merged.get_mut(name), value) {
            ("properties", Some(Value::Object(into)), Value::Object(from)) => {
                into.extend(from.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            ("required", Some(Value::Array(into)), Value::Array(from)) => into.extend(from.iter().cloned()),
            _ => {
                merged.insert(name.clone(), value.clone());
            }
        }
    }
    Value::Object(merged)
}

/// The type a node describes: its `type` (the first non-null of a list),
/// else guessed from its keywords.
fn type_of(node: &Map<String, Value>) -> &str {
    match node.get("type") {
        Some(Value::String(kind)) => kind,
        Some(Value::Array(kinds)) => {
            let kinds: Vec<&str> = kinds.iter().filter_map(Value::as_str).collect();
            kinds.iter().find(|kind| **kind != "null").or(kinds.first()).copied().unwrap_or("null")
        }
        _ if node.contains_key("properties") || node.contains_key("required") => "object",
        _ if node.contains_key("items") => "array",
        _ => "any",
    }
}

fn is_base64(node: &Map<String, Value>) -> bool {
    let says =
        |key: &str| node.get(key).and_then(Value::as_str).is_some_and(|text| text.to_lowercase().contains("base64"));
    node.get("format").and_then(Value::as_str) == Some("binary")
        || says("format")
        || says("contentEncoding")
        || says("description")
}

/// Strings to try for a `pattern`, most specific first.
fn pattern_candidates(pattern: &str) -> Vec<String> {
    let mut candidates = Vec::new();
    if pattern.to_lowercase().contains("data") {
        candidates.push("data:image/png;base64,iVBORw0KGgo=".to_owned());
    }
    let start = pattern.find('(').map_or(0, |open| open + 1);
    let word: String = pattern[start..].chars().take_while(char::is_ascii_alphanumeric).collect();
    if !word.is_empty() {
        candidates.push(word);
    }
    candidates.push("123456789".to_owned());
    candidates.push("a".to_owned());
    candidates
}

fn fit_length(mut text: String, min: u64, max: u64) -> String {
    while (text.chars().count() as u64) < min {
        text.push('a');
    }
    if (text.chars().count() as u64) > max {
        text = text.chars().take(usize::try_from(max).unwrap_or(usize::MAX)).collect();
    }
    text
}

/// A deterministic mix of two numbers (`SplitMix64`'s finaliser).
fn mix(seed: u64, salt: u64) -> u64 {
    let mut z = seed ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn pick(seed: u64, salt: u64, len: usize) -> usize {
    usize::try_from(mix(seed, salt) % len as u64).unwrap_or(0)
}

fn words(seed: u64, count: u64) -> String {
    const WORDS: [&str; 16] = [
        "offline", "answer", "river", "signal", "amber", "quiet", "lattice", "harbor", "orbit", "meadow", "copper",
        "vector", "gentle", "summit", "pixel", "cedar",
    ];
    (0..count).map(|index| WORDS[pick(seed, index, WORDS.len())]).collect::<Vec<_>>().join(" ")
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_objects_keep_required_properties_only() {
        let schema = json!({"type": "object", "properties": {
            "a": {"type": "string", "minLength": 3}, "b": {"type": "integer", "minimum": 2}, "c": {"type": "boolean"}
        }, "required": ["a", "b"]});
        assert_eq!(Sampler::minimal().sample(&schema), json!({"a": "aaa", "b": 2}));
        let full = Sampler::seeded(7).sample(&schema);
        assert!(full["c"].is_boolean());
        assert_eq!(full, Sampler::seeded(7).sample(&schema), "seeded values repeat");
    }

    #[test]
    fn choices_take_the_first_accepted_branch() {
        let schema = json!({"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "number"}}]});
        assert_eq!(Sampler::minimal().sample(&schema), json!("a"));
        let no_strings = |_: &Value, value: &Value| !value.is_string();
        assert_eq!(Sampler::minimal().checked_by(&no_strings).sample(&schema), json!([0.0]));
        let merged = json!({"type": "object", "properties": {"x": {"type": "string"}},
            "oneOf": [{"required": ["x"]}, {"properties": {"y": {"type": "null"}}, "required": ["y"]}]});
        assert_eq!(Sampler::minimal().sample(&merged), json!({"x": "a"}));
    }

    #[test]
    fn enums_limits_and_base64() {
        assert_eq!(Sampler::minimal().sample(&json!({"type": "string", "enum": ["mean", "cls"]})), json!("mean"));
        let bounded = Sampler::seeded(3).sample(&json!({"type": "number", "minimum": 0, "maximum": 1}));
        assert!((0.0..=1.0).contains(&bounded.as_f64().unwrap()));
        let image = Sampler::minimal().sample(&json!({"type": "string", "description": "The image, base64-encoded"}));
        assert_eq!(image, json!("AAAAAAAAAAAAAAAA"));
        let items = Sampler::minimal().sample(&json!({"type": "array", "items": {"type": "integer"}, "minItems": 3}));
        assert_eq!(items, json!([0, 0, 0]));
    }
}
