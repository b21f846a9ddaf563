//! Property tests: encode then decode gives the value back for every public
//! wire type of gateway-core (JSON bodies, `cf-aig-*` headers and the logs
//! query string). Where an encoding is lossy by design, the value comes back
//! in its documented normal form, and the test says which and why.
//!
//! Types with only one side in gateway-core are covered through what is
//! public: the logs query through a standard form decoder (what rest-api
//! §10.1 says a server does), `GatewayMeta` and `CacheStatus` from response
//! headers written by the table of rest-api §8, and `LogPage`, `LogPayload`,
//! log ids and provider slugs in URLs through the log calls against a
//! loopback server.
//!
//! One module per topic: `options`, `universal`, `logs` and `over_http` hold
//! the properties; `scalar_strategies` and `type_strategies` draw the values;
//! `wire_codecs` reads back what gateway-core only writes (and writes what it
//! only reads).

#[path = "../common/mod.rs"]
mod common;

mod logs;
mod options;
mod over_http;
mod scalar_strategies;
mod type_strategies;
mod universal;
mod wire_codecs;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Cases per property: enough to hit the edge cases, few enough for a fast run.
pub(crate) const CASES: u32 = 128;

/// Largest integer a JavaScript number (the binding's `number`) holds exactly.
pub(crate) const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// `serde_json` encode, then decode.
pub(crate) fn json_round_trip<T: Serialize + DeserializeOwned>(value: &T) -> T {
    let text = serde_json::to_string(value).expect("encodes");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text} does not decode: {e}"))
}

/// A unit-like wire name (`"id"`, `"asc"`) read through the type's own serde decoding.
pub(crate) fn from_wire<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_value(Value::String(name.to_owned())).unwrap_or_else(|e| panic!("{name:?}: {e}"))
}

/// `a` and `b` are the same JSON once numbers are compared by value. The JS
/// encoder writes numbers as JavaScript does, which has one number type: a
/// whole `2.0` is written `2` and comes back as an integer.
pub(crate) fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((kx, vx), (ky, vy))| kx == ky && same_json(vx, vy))
        }
        _ => a == b,
    }
}
