//! JavaScript-compatible rendering of numbers and JSON.
//!
//! The Workers binding builds its bodies and header values with
//! `JSON.stringify` and `Number.prototype.toString`; byte-exact wire parity
//! needs the same number formatting: `123` rather than `123.0`, shortest
//! round-trip decimals, exponent form from `1e21` up and below `1e-6`.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// Formats a finite `f64` exactly as JavaScript's `Number.prototype.toString()`.
///
/// Non-finite values render as JavaScript does (`NaN`, `Infinity`,
/// `-Infinity`); callers that need finite numbers validate first.
pub(crate) fn number_to_string(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if value == 0.0 {
        // JavaScript prints -0 as "0".
        return "0".to_owned();
    }
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    // Rust's `{:e}` without a precision prints the shortest digits that round-trip,
    // which is the digit string ECMAScript's Number::toString is defined over.
    let sci = format!("{:e}", value.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let k = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    let n = exponent + 1;
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', usize::try_from(n - k).unwrap_or(0)));
    } else if 0 < n && n <= 21 {
        let split = usize::try_from(n).unwrap_or(0);
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', usize::try_from(-n).unwrap_or(0)));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if n > 0 { '+' } else { '-' });
        out.push_str(&(n - 1).abs().to_string());
    }
    out
}

/// A compact JSON formatter whose floats follow JavaScript's formatting.
#[derive(Debug, Clone, Copy, Default)]
struct JsFormatter;

impl Formatter for JsFormatter {
    fn write_f32<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        writer.write_all(number_to_string(f64::from(value)).as_bytes())
    }

    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        writer.write_all(number_to_string(value).as_bytes())
    }
}

/// Serializes `value` the way `JSON.stringify` would: compact, fields in
/// insertion order, JavaScript number formatting.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    // Most request bodies fit (a one-step universal request is about 200
    // bytes): growing the buffer would copy it and take another allocation.
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, JsFormatter);
    value.serialize(&mut serializer)?;
    Ok(out)
}

/// [`to_vec`] as a `String`.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    // The serializer only ever writes valid UTF-8.
    to_vec(value).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// [`to_string`] as a header value: every non-ASCII character escaped as
/// `\uXXXX` (UTF-16 code units, so a character beyond the BMP is a
/// surrogate pair), the rest as `JSON.stringify` writes it.
///
/// JSON text holds non-ASCII characters only inside strings, where the
/// escape decodes to the same character; the header is ASCII, so no reader
/// has to guess how its bytes are encoded (how Cloudflare decodes
/// non-ASCII header bytes is undocumented, and a Worker's `Headers` would
/// take them as Latin-1). Used for every JSON-valued `cf-aig-*` header.
pub(crate) fn to_header_json<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    to_string(value).map(|json| escape_non_ascii(&json))
}

/// `json` with each non-ASCII character replaced by its `\uXXXX` escape(s).
fn escape_non_ascii(json: &str) -> String {
    use std::fmt::Write as _;
    if json.is_ascii() {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                // Writing to a `String` cannot fail.
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_javascript() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (123.0, "123"),
            (1.22, "1.22"),
            (-1.5, "-1.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1.5e300, "1.5e+300"),
            (2f64.powi(60), "1152921504606847000"),
            (0.000_001, "0.000001"),
            (0.000_000_1, "1e-7"),
            (1.234_5e-10, "1.2345e-10"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (9_007_199_254_740_993.0, "9007199254740992"),
        ];
        for (value, expected) in cases {
            assert_eq!(number_to_string(*value), *expected, "formatting {value:e}");
        }
        assert_eq!(number_to_string(f64::NAN), "NaN");
        assert_eq!(number_to_string(f64::NEG_INFINITY), "-Infinity");
    }

    #[test]
    fn json_is_compact_ordered_and_js_formatted() {
        let value = serde_json::json!({"b": 1.0, "a": [1.22, 100.0, "x"], "c": null});
        assert_eq!(to_string(&value).unwrap(), r#"{"b":1,"a":[1.22,100,"x"],"c":null}"#);
    }

    #[test]
    fn header_json_is_ascii_and_decodes_to_the_same_strings() {
        let value = serde_json::json!({"caf\u{e9}": "na\u{ef}ve \u{2603} \u{65e5}\u{672c} \u{1f980}", "n": 1.5});
        let header = to_header_json(&value).unwrap();
        assert_eq!(header, r#"{"caf\u00e9":"na\u00efve \u2603 \u65e5\u672c \ud83e\udd80","n":1.5}"#);
        assert!(header.is_ascii());
        let back: serde_json::Value = serde_json::from_str(&header).unwrap();
        assert_eq!(back, value);
        // ASCII JSON is unchanged, escapes included.
        let ascii = serde_json::json!({"a": "tab\tquote\""});
        assert_eq!(to_header_json(&ascii).unwrap(), to_string(&ascii).unwrap());
    }
}
