//! Log metadata: at most five scalar entries attached to a request or a log.

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How many metadata entries Cloudflare keeps (later ones are dropped
/// silently by the gateway; we reject them before sending instead).
pub const MAX_METADATA_ENTRIES: usize = 5;

/// Largest integer a JavaScript number holds exactly (2^53 − 1).
const MAX_SAFE_INTEGER: i128 = 9_007_199_254_740_991;

/// One metadata value: the binding's `number | string | boolean | null | bigint`.
///
/// `BigInt` holds integers beyond JavaScript's safe range. The binding's
/// `JSON.stringify` would throw on them; like Cloudflare's own client library,
/// we send them as decimal strings instead (`"12345678901234567890"`).
#[derive(Debug, Clone, PartialEq)]
pub enum MetadataValue {
    /// A string.
    String(String),
    /// A number (sent in JavaScript formatting: `123`, `1.5`).
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// JSON `null`: read back from logs, but refused before sending (an
    /// absent entry is left out instead; see [`IntoMetadataValue`]).
    Null,
    /// An integer outside ±(2^53 − 1); sent as a decimal string.
    BigInt(i128),
}

impl MetadataValue {
    fn validate(&self, field: &str) -> Result<()> {
        match self {
            Self::Number(n) if !n.is_finite() => Err(Error::invalid(field, format!("number must be finite, got {n}"))),
            Self::Null => Err(Error::invalid(field, NULL_REASON)),
            _ => Ok(()),
        }
    }
}

/// The one character JSON leaves unescaped that no header value may hold.
const DEL: char = '\u{7f}';
const DEL_REASON: &str = "must not contain U+007F (DEL): JSON leaves it unescaped and no header may carry it";

impl Serialize for MetadataValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(s) => serializer.serialize_str(s),
            Self::Number(n) => serializer.serialize_f64(*n),
            Self::Bool(b) => serializer.serialize_bool(*b),
            Self::Null => serializer.serialize_unit(),
            Self::BigInt(i) => serializer.collect_str(i),
        }
    }
}

impl<'de> Deserialize<'de> for MetadataValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl Visitor<'_> for ValueVisitor {
            type Value = MetadataValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, number, boolean or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(MetadataValue::String(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(MetadataValue::String(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(MetadataValue::Bool(v))
            }
            // A JSON number stays a number, as JavaScript reads it (a double),
            // however large: `BigInt` is only for Rust integers a caller passes in.
            #[allow(clippy::cast_precision_loss, reason = "JSON numbers are doubles to JavaScript")]
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(MetadataValue::Number(v as f64))
            }
            #[allow(clippy::cast_precision_loss, reason = "JSON numbers are doubles to JavaScript")]
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(MetadataValue::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(MetadataValue::Number(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MetadataValue::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MetadataValue::Null)
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

// Besides `&str`, `String`, `bool` and `f64`, which every value enum takes:
value_from!(MetadataValue {
    f32 => |v| Self::Number(f64::from(v)),
});
impl From<i128> for MetadataValue {
    /// Integers a JavaScript number holds exactly become [`MetadataValue::Number`];
    /// larger ones become [`MetadataValue::BigInt`].
    #[allow(clippy::cast_precision_loss, reason = "only values within ±2^53 are converted")]
    fn from(v: i128) -> Self {
        if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&v) { Self::Number(v as f64) } else { Self::BigInt(v) }
    }
}
macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for MetadataValue {
            fn from(v: $t) -> Self {
                Self::from(i128::from(v))
            }
        }
    )*};
}
from_integer!(i8, i16, i32, i64, u8, u16, u32, u64);

impl From<usize> for MetadataValue {
    fn from(v: usize) -> Self {
        i128::try_from(v).map_or_else(|_| Self::String(v.to_string()), Self::from)
    }
}
impl From<isize> for MetadataValue {
    fn from(v: isize) -> Self {
        i128::try_from(v).map_or_else(|_| Self::String(v.to_string()), Self::from)
    }
}

/// What [`Metadata::with`] and [`Metadata::insert`] take: a scalar (anything
/// `Into<MetadataValue>`), or an `Option` of one, where `None` means the
/// entry is absent (left out), as `undefined` is in the binding.
///
/// Absent and null differ: `None` leaves the key out of both the
/// `cf-aig-metadata` header and a log patch; an explicit
/// [`MetadataValue::Null`] is refused before sending
/// ([`Metadata::validate`]), because Cloudflare's REST API refuses nulls in a
/// log patch while a call would store them.
pub trait IntoMetadataValue {
    /// The value, or `None` when the entry is absent.
    fn into_metadata_value(self) -> Option<MetadataValue>;
}

impl<T: Into<MetadataValue>> IntoMetadataValue for T {
    fn into_metadata_value(self) -> Option<MetadataValue> {
        Some(self.into())
    }
}

impl<T: Into<MetadataValue>> IntoMetadataValue for Option<T> {
    fn into_metadata_value(self) -> Option<MetadataValue> {
        self.map(Into::into)
    }
}

/// Why an explicit null is refused: the one place that says so.
const NULL_REASON: &str = "must not be null: Cloudflare's log patch refuses null metadata values; \
                           leave the entry out instead (an `Option` set to `None` is left out)";

/// Ordered metadata entries, as sent in `cf-aig-metadata` and log patches.
///
/// Building never fails; the limits (at most [`MAX_METADATA_ENTRIES`] entries,
/// non-empty keys, finite numbers, no explicit null) are checked before a request is sent, so
/// metadata decoded from a server is always kept whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    entries: IndexMap<String, MetadataValue>,
}

impl Metadata {
    /// Empty metadata.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) an entry, keeping first-insertion order; `None`
    /// removes it (an absent entry is left out, see [`IntoMetadataValue`]).
    #[must_use]
    pub fn with(mut self, key: impl Into<String>, value: impl IntoMetadataValue) -> Self {
        self.insert(key, value);
        self
    }

    /// Adds (or replaces) an entry, keeping first-insertion order; `None`
    /// removes it (an absent entry is left out, see [`IntoMetadataValue`]).
    pub fn insert(&mut self, key: impl Into<String>, value: impl IntoMetadataValue) -> &mut Self {
        let key = key.into();
        match value.into_metadata_value() {
            Some(value) => {
                self.entries.insert(key, value);
            }
            None => {
                self.entries.shift_remove(&key);
            }
        }
        self
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&MetadataValue> {
        self.entries.get(key)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &MetadataValue)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Checks the documented limits before sending; `field` names the
    /// metadata in errors. An explicit [`MetadataValue::Null`] is refused
    /// here (absent entries are simply not in the map).
    pub fn validate(&self, field: &str) -> Result<()> {
        if self.entries.len() > MAX_METADATA_ENTRIES {
            return Err(Error::invalid(
                field,
                format!("at most {MAX_METADATA_ENTRIES} entries are allowed, got {}", self.entries.len()),
            ));
        }
        for (key, value) in &self.entries {
            if key.is_empty() {
                return Err(Error::invalid(field, "keys must not be empty"));
            }
            value.validate(&format!("{field}.{key}"))?;
        }
        Ok(())
    }

    /// Checks that the JSON can travel as the `cf-aig-metadata` header:
    /// U+007F is the one character JSON leaves unescaped that no header may hold.
    pub(crate) fn validate_for_header(&self, field: &str) -> Result<()> {
        for (key, value) in &self.entries {
            let in_value = matches!(value, MetadataValue::String(text) if text.contains(DEL));
            if key.contains(DEL) || in_value {
                return Err(Error::invalid(format!("{field}.{key}"), DEL_REASON));
            }
        }
        Ok(())
    }

    /// Compact JSON exactly as `JSON.stringify` writes it.
    pub fn to_json(&self) -> String {
        // Serializing scalars into a string cannot fail.
        crate::wire::js::to_string(self).unwrap_or_default()
    }

    /// The `cf-aig-metadata` header value: [`to_json`](Self::to_json) with
    /// every non-ASCII character escaped as `\uXXXX` (UTF-16, so a character
    /// beyond the BMP is a surrogate pair), which decodes to the same
    /// strings: a header's bytes are ASCII, however Cloudflare reads them.
    pub fn to_header_value(&self) -> String {
        crate::wire::js::to_header_json(self).unwrap_or_default()
    }
}

impl<K: Into<String>, V: IntoMetadataValue> FromIterator<(K, V)> for Metadata {
    /// Entries in order; `None` values are left out.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut metadata = Self::new();
        for (k, v) in iter {
            metadata.insert(k, v);
        }
        metadata
    }
}

impl Serialize for Metadata {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(&self.entries)
    }
}

impl<'de> Deserialize<'de> for Metadata {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = Metadata;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of scalar values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = IndexMap::new();
                while let Some((k, v)) = map.next_entry::<String, MetadataValue>()? {
                    entries.insert(k, v);
                }
                Ok(Metadata { entries })
            }
        }
        deserializer.deserialize_map(MapVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_json_matches_javascript() {
        let m = Metadata::new()
            .with("team", "AI")
            .with("user", 12345)
            .with("test", true)
            .with("ratio", 0.5)
            .with("none", MetadataValue::Null);
        assert_eq!(m.to_json(), r#"{"team":"AI","user":12345,"test":true,"ratio":0.5,"none":null}"#);
    }

    #[test]
    fn none_is_left_out_and_explicit_null_refused() {
        let m = Metadata::new().with("user", "u1").with("team", None::<String>).with("n", Some(2));
        assert_eq!(m.to_json(), r#"{"user":"u1","n":2}"#);
        m.validate("metadata").unwrap();
        // `None` removes an entry set before.
        assert!(m.with("user", None::<&str>).get("user").is_none());
        let collected: Metadata = [("a", Some(1)), ("b", None)].into_iter().collect();
        assert_eq!(collected.to_json(), r#"{"a":1}"#);
        for explicit in
            [Metadata::new().with("x", MetadataValue::Null), Metadata::new().with("x", Some(MetadataValue::Null))]
        {
            let err = explicit.validate("gateway.metadata").unwrap_err();
            assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
            let err = err.to_string();
            assert!(err.contains("gateway.metadata.x") && err.contains("must not be null"), "{err}");
        }
    }

    #[test]
    fn big_integers_become_decimal_strings() {
        let m = Metadata::new().with("id", u64::MAX).with("safe", 9_007_199_254_740_991_i64);
        assert_eq!(m.get("id"), Some(&MetadataValue::BigInt(i128::from(u64::MAX))));
        assert_eq!(m.to_json(), r#"{"id":"18446744073709551615","safe":9007199254740991}"#);
    }

    #[test]
    fn limits_name_the_field() {
        let m: Metadata = (0..6).map(|i| (format!("k{i}"), i)).collect();
        let err = m.validate("gateway.metadata").unwrap_err().to_string();
        assert!(err.contains("gateway.metadata") && err.contains("at most 5"), "{err}");
        let m = Metadata::new().with("x", f64::NAN);
        let err = m.validate("gateway.metadata").unwrap_err().to_string();
        assert!(err.contains("gateway.metadata.x") && err.contains("finite"), "{err}");
        assert!(Metadata::new().with("", 1).validate("m").is_err());
    }

    /// Found by the property tests: without `serde_json`'s exact float parsing,
    /// `105444455981005.81` came back as `105444455981005.8`.
    #[test]
    fn numbers_round_trip_exactly() {
        // The last two found by fuzzing: large integral doubles print without a
        // fraction and must decode as numbers, not big integers.
        for n in [
            105_444_455_981_005.81,
            -997_588_660_071_191.9,
            0.1 + 0.2,
            5e-324,
            f64::MAX,
            1.211_100_091_902_766_8e16,
            1.844_674_407_370_955_2e19,
        ] {
            let m = Metadata::new().with("n", n);
            let back: Metadata = serde_json::from_str(&m.to_json()).unwrap();
            assert_eq!(back, m, "{n:e}");
        }
    }

    #[test]
    fn decodes_scalars_and_rejects_nesting() {
        let m: Metadata = serde_json::from_str(r#"{"a":1,"b":"x","c":false,"d":null,"e":1.5}"#).unwrap();
        assert_eq!(m.len(), 5);
        assert_eq!(m.get("a"), Some(&MetadataValue::Number(1.0)));
        assert!(serde_json::from_str::<Metadata>(r#"{"a":{"b":1}}"#).is_err());
    }

    #[test]
    fn del_is_refused_naming_the_entry() {
        let m = Metadata::new().with("note", "a\u{7f}b");
        m.validate("metadata").unwrap();
        let err = m.validate_for_header("gateway.metadata").unwrap_err().to_string();
        assert!(err.contains("gateway.metadata.note") && err.contains("U+007F"), "{err}");
        let m = Metadata::new().with("k\u{7f}", 1);
        assert!(m.validate_for_header("gateway.metadata").unwrap_err().to_string().contains("U+007F"));
        // Everything else JSON escapes or a header carries.
        let fine = Metadata::new().with("note", "tab\tnew\nline é 🦀 \u{1}");
        fine.validate_for_header("gateway.metadata").unwrap();
        http::HeaderValue::from_str(&fine.to_json()).unwrap();
    }
}
