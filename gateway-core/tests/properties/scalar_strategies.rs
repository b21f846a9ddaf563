//! Strategies for scalars: any text, header-safe text, finite doubles of
//! every kind, costs, JSON values and timestamps.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

/// Any text: empty, unicode, quotes, backslashes and control characters
/// (JSON bodies escape them).
pub(crate) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "(?s).{0,16}",
        1 => select(vec!["", " ", "é", "日本語", "🦀", "\"q\"", "a\\b", "\u{7f}", "\0", "a\nb", "{}", "null", "%2e"])
            .prop_map(str::to_owned),
    ]
}

/// Text an HTTP header value can carry: anything but control characters.
pub(crate) fn header_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[^\\p{Cc}]{0,16}", 1 => select(vec!["", " ", "é", "🦀", "a b", "\"q\""]).prop_map(str::to_owned)]
}

/// Finite doubles of every kind: subnormal, huge, negative zero, whole, and
/// the ones decimal formatting gets wrong most easily.
pub(crate) fn finite_f64() -> impl Strategy<Value = f64> {
    use proptest::num::f64 as f;
    prop_oneof![
        4 => f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO,
        2 => any::<i32>().prop_map(f64::from),
        2 => -1.0e6f64..1.0e6,
        1 => select(vec![
            0.0,
            -0.0,
            0.1 + 0.2,
            5e-324,
            f64::MAX,
            f64::MIN,
            1e21,
            1e-7,
            9_007_199_254_740_993.0,
            105_444_455_981_005.81,
            1.844_674_407_370_955_2e19,
        ]),
    ]
}

/// Costs: finite and not negative (what `validate` allows).
pub(crate) fn cost() -> impl Strategy<Value = f64> {
    finite_f64().prop_map(f64::abs)
}

/// Any JSON value, `strings` for its strings and keys.
pub(crate) fn json_with(strings: BoxedStrategy<String>) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        finite_f64().prop_map(Value::from),
        strings.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, move |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec((strings.clone(), inner), 0..4).prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

pub(crate) fn json_value() -> impl Strategy<Value = Value> {
    json_with(text().boxed())
}

/// A JSON value whose compact text is a valid header value.
pub(crate) fn header_json() -> impl Strategy<Value = Value> {
    json_with(header_text().boxed())
}

pub(crate) fn timestamp() -> impl Strategy<Value = jiff::Timestamp> {
    let seconds = jiff::Timestamp::MIN.as_second()..=jiff::Timestamp::MAX.as_second();
    prop_oneof![
        3 => (0i64..4_102_444_800, 0i32..1_000_000_000),
        1 => (seconds, 0i32..1_000_000_000),
    ]
    .prop_filter_map("inside jiff's range", |(s, ns)| jiff::Timestamp::new(s, ns).ok())
}
