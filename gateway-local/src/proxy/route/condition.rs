//! A conditional node's test: MongoDB-style operators on the request's
//! metadata (`{"metadata.plan": {"$eq": "free"}}`, `cloudflare-2026.md` §3.2).
//!
//! Parsed once into [`Condition`] when a version is stored (so a version
//! whose condition gateway-local cannot evaluate is refused then, not
//! silently false at run time), and evaluated on each request.
//!
//! Supported, as MongoDB reads them: a field `metadata.<key>` with a value
//! (equality) or an object of operators `$eq`, `$ne`, `$gt`, `$gte`, `$lt`,
//! `$lte`, `$in`, `$nin`, `$exists`, `$not`; several fields in one object
//! (all must hold); `$and`, `$or`, `$nor` over lists of conditions. A key
//! the request's metadata lacks reads as `null` (so `$ne` holds and `$eq:
//! null` holds), numbers compare by value, and an ordering between values
//! of different types is false.

use std::cmp::Ordering;

use serde_json::{Map, Value};

/// The prefix every tested field has: conditions see the metadata only.
const FIELD_PREFIX: &str = "metadata.";

/// A parsed condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Condition {
    /// Every one holds (an object's fields, `$and`).
    All(Vec<Condition>),
    /// At least one holds (`$or`).
    Any(Vec<Condition>),
    /// None holds (`$nor`).
    None(Vec<Condition>),
    /// A metadata key passes every test.
    Field { key: String, tests: Vec<Test> },
}

/// One operator on one metadata value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    Eq(Value),
    Ne(Value),
    Gt(Value),
    Gte(Value),
    Lt(Value),
    Lte(Value),
    In(Vec<Value>),
    Nin(Vec<Value>),
    Exists(bool),
    Not(Vec<Test>),
}

impl Condition {
    /// Reads `value`; the error names what cannot be evaluated.
    pub(crate) fn parse(value: &Value) -> Result<Self, String> {
        let Value::Object(fields) = value else {
            return Err(format!("a condition must be an object of fields and operators, not {value}"));
        };
        let mut all = Vec::with_capacity(fields.len());
        for (name, operand) in fields {
            all.push(match name.as_str() {
                "$and" => Self::All(Self::list(name, operand)?),
                "$or" => Self::Any(Self::list(name, operand)?),
                "$nor" => Self::None(Self::list(name, operand)?),
                _ if name.starts_with('$') => {
                    return Err(format!("unknown operator `{name}` at the top of a condition"));
                }
                _ => {
                    let key = name.strip_prefix(FIELD_PREFIX).filter(|k| !k.is_empty()).ok_or_else(|| {
                        format!("conditions test the request's metadata: write `metadata.<key>`, not `{name}`")
                    })?;
                    Self::Field { key: key.to_owned(), tests: tests(name, operand)? }
                }
            });
        }
        Ok(if all.len() == 1 { all.remove(0) } else { Self::All(all) })
    }

    fn list(operator: &str, operand: &Value) -> Result<Vec<Self>, String> {
        match operand {
            Value::Array(items) if !items.is_empty() => items.iter().map(Self::parse).collect(),
            _ => Err(format!("`{operator}` takes a non-empty list of conditions")),
        }
    }

    /// Whether the condition holds for `metadata`.
    pub(crate) fn holds(&self, metadata: &Map<String, Value>) -> bool {
        match self {
            Self::All(items) => items.iter().all(|c| c.holds(metadata)),
            Self::Any(items) => items.iter().any(|c| c.holds(metadata)),
            Self::None(items) => !items.iter().any(|c| c.holds(metadata)),
            Self::Field { key, tests } => {
                let value = metadata.get(key);
                tests.iter().all(|t| t.passes(value))
            }
        }
    }
}

/// The tests of one field: a plain value is equality; an object whose keys
/// all start with `$` is operators.
fn tests(field: &str, operand: &Value) -> Result<Vec<Test>, String> {
    let Value::Object(operators) = operand else { return Ok(vec![Test::Eq(operand.clone())]) };
    if operators.is_empty() || !operators.keys().all(|k| k.starts_with('$')) {
        return Err(format!("`{field}`: metadata values are scalars; compare with a value or with operators"));
    }
    operators
        .iter()
        .map(|(operator, value)| {
            let list = || match value {
                Value::Array(items) => Ok(items.clone()),
                _ => Err(format!("`{field}`: `{operator}` takes a list of values")),
            };
            Ok(match operator.as_str() {
                "$eq" => Test::Eq(value.clone()),
                "$ne" => Test::Ne(value.clone()),
                "$gt" => Test::Gt(value.clone()),
                "$gte" => Test::Gte(value.clone()),
                "$lt" => Test::Lt(value.clone()),
                "$lte" => Test::Lte(value.clone()),
                "$in" => Test::In(list()?),
                "$nin" => Test::Nin(list()?),
                "$exists" => {
                    Test::Exists(value.as_bool().ok_or_else(|| format!("`{field}`: `$exists` takes true or false"))?)
                }
                "$not" => Test::Not(tests(field, value)?),
                _ => return Err(format!("`{field}`: unknown operator `{operator}`")),
            })
        })
        .collect()
}

impl Test {
    fn passes(&self, value: Option<&Value>) -> bool {
        let actual = value.unwrap_or(&Value::Null);
        match self {
            Self::Eq(expected) => same(actual, expected),
            Self::Ne(expected) => !same(actual, expected),
            Self::Gt(bound) => order(actual, bound) == Some(Ordering::Greater),
            Self::Gte(bound) => matches!(order(actual, bound), Some(Ordering::Greater | Ordering::Equal)),
            Self::Lt(bound) => order(actual, bound) == Some(Ordering::Less),
            Self::Lte(bound) => matches!(order(actual, bound), Some(Ordering::Less | Ordering::Equal)),
            Self::In(values) => values.iter().any(|v| same(actual, v)),
            Self::Nin(values) => !values.iter().any(|v| same(actual, v)),
            Self::Exists(wanted) => value.is_some() == *wanted,
            Self::Not(tests) => !tests.iter().all(|t| t.passes(value)),
        }
    }
}

/// Equality, numbers by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// The order of two values of one type (numbers, strings); `None` otherwise.
fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64()?.partial_cmp(&y.as_f64()?),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn holds(condition: &Value, metadata: Value) -> bool {
        let (Ok(condition), Value::Object(metadata)) = (Condition::parse(condition), metadata) else {
            panic!("{condition} parses and the metadata is an object")
        };
        condition.holds(&metadata)
    }

    #[test]
    fn the_docs_example_and_each_operator() {
        let free = json!({"plan": "free", "tier": 2, "beta": true});
        assert!(holds(&json!({"metadata.plan": {"$eq": "free"}}), free.clone()));
        assert!(!holds(&json!({"metadata.plan": {"$eq": "pro"}}), free.clone()));
        assert!(holds(&json!({"metadata.plan": "free"}), free.clone()));
        assert!(holds(&json!({"metadata.plan": {"$ne": "pro"}}), free.clone()));
        assert!(holds(&json!({"metadata.tier": {"$gt": 1, "$lte": 2.0}}), free.clone()));
        assert!(!holds(&json!({"metadata.tier": {"$lt": 2}}), free.clone()));
        assert!(holds(&json!({"metadata.tier": {"$gte": 2}}), free.clone()));
        assert!(holds(&json!({"metadata.plan": {"$in": ["free", "trial"]}}), free.clone()));
        assert!(holds(&json!({"metadata.plan": {"$nin": ["pro"]}}), free.clone()));
        assert!(holds(&json!({"metadata.beta": {"$exists": true}}), free.clone()));
        assert!(holds(&json!({"metadata.user": {"$exists": false}}), free.clone()));
        assert!(holds(&json!({"metadata.plan": {"$not": {"$eq": "pro"}}}), free.clone()));
        // An ordering across types is false, both ways.
        assert!(!holds(&json!({"metadata.plan": {"$gt": 1}}), free.clone()));
        assert!(!holds(&json!({"metadata.plan": {"$lte": 1}}), free.clone()));
    }

    #[test]
    fn fields_combine_and_a_missing_key_reads_as_null() {
        let meta = json!({"plan": "free", "region": "eu"});
        assert!(holds(&json!({"metadata.plan": "free", "metadata.region": "eu"}), meta.clone()));
        assert!(!holds(&json!({"metadata.plan": "free", "metadata.region": "us"}), meta.clone()));
        assert!(holds(&json!({"$or": [{"metadata.plan": "pro"}, {"metadata.region": "eu"}]}), meta.clone()));
        assert!(!holds(&json!({"$nor": [{"metadata.plan": "pro"}, {"metadata.region": "eu"}]}), meta.clone()));
        assert!(holds(&json!({"$and": [{"metadata.plan": "free"}, {"metadata.user": null}]}), meta.clone()));
        assert!(holds(&json!({"metadata.user": {"$ne": "alice"}}), meta));
    }

    #[test]
    fn what_cannot_be_evaluated_is_named() {
        for (condition, named) in [
            (json!({"plan": "free"}), "metadata.<key>"),
            (json!({"metadata.plan": {"$regex": "f.*"}}), "$regex"),
            (json!({"$where": "1"}), "$where"),
            (json!({"$or": []}), "$or"),
            (json!({"metadata.plan": {"$in": "free"}}), "$in"),
            (json!("free"), "object"),
            (json!({"metadata.plan": {"nested": 1}}), "scalars"),
        ] {
            let error = Condition::parse(&condition).expect_err("refused");
            assert!(error.contains(named), "{condition}: {error}");
        }
    }
}
