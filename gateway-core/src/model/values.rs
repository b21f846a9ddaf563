//! Value types that declarations use for JSON Schema shapes serde has no
//! plain Rust type for: "one value or a list of them" ([`OneOrMany`]) and
//! base64-encoded bytes ([`Base64`]).

use std::fmt;

use serde::{Deserialize, Serialize};

/// One value or a list of them: the JSON Schema `oneOf: [T, array of T]`
/// (an embedding model's `text`: a string or a list of strings).
///
/// On a declaration field, `length` counts the items (one value is one
/// item) and `each(...)` limits every item:
///
/// ```
/// use gateway_core::model::OneOrMany;
/// use gateway_core::{Model, ModelRequest};
///
/// #[derive(Debug, Model)]
/// #[model(id = "@cf/baai/bge-base-en-v1.5")]
/// pub struct Embed {
///     /// One text or up to 100, none empty.
///     #[model(length = 1..=100, each(length = 1..))]
///     text: OneOrMany<String>,
///     #[model(output)]
///     data: Vec<Vec<f32>>,
/// }
///
/// let one = EmbedRequest::new("hello");
/// assert_eq!(one.to_query()?, gateway_core::serde_json::json!({"text": "hello"}));
/// let many = EmbedRequest::new(["a", "b"]);
/// assert_eq!(many.to_query()?, gateway_core::serde_json::json!({"text": ["a", "b"]}));
/// let err = EmbedRequest::new(["a", ""]).validate().unwrap_err();
/// assert_eq!(err.to_string(), "invalid text[1]: length must be at least 1, got 0");
/// # Ok::<(), gateway_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// One value, sent as itself.
    One(T),
    /// A list, sent as a JSON array.
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values: one, or the list.
    pub fn as_slice(&self) -> &[T] {
        match self {
            Self::One(value) => std::slice::from_ref(value),
            Self::Many(values) => values,
        }
    }
}

impl<T> From<T> for OneOrMany<T> {
    fn from(value: T) -> Self {
        Self::One(value)
    }
}

impl<T> From<Vec<T>> for OneOrMany<T> {
    fn from(values: Vec<T>) -> Self {
        Self::Many(values)
    }
}

impl<T, const N: usize> From<[T; N]> for OneOrMany<T> {
    fn from(values: [T; N]) -> Self {
        Self::Many(values.into())
    }
}

impl From<&str> for OneOrMany<String> {
    fn from(value: &str) -> Self {
        Self::One(value.to_owned())
    }
}

impl From<Vec<&str>> for OneOrMany<String> {
    fn from(values: Vec<&str>) -> Self {
        Self::Many(values.into_iter().map(str::to_owned).collect())
    }
}

impl<const N: usize> From<[&str; N]> for OneOrMany<String> {
    fn from(values: [&str; N]) -> Self {
        Self::Many(values.into_iter().map(str::to_owned).collect())
    }
}

/// Bytes sent or received as a base64 string (standard alphabet, padded):
/// an image model's `image` output, an image input given as base64.
///
/// It holds the text as received; [`decode`](Self::decode) turns it into
/// bytes, naming the first character that is not base64. A `data:` URL
/// prefix (`data:image/png;base64,`) is accepted and skipped.
///
/// ```
/// use gateway_core::model::Base64;
///
/// let image: Base64 = gateway_core::serde_json::from_str(r#""iVBORw==""#).unwrap();
/// assert_eq!(image.decode().unwrap(), [0x89, b'P', b'N', b'G']);
/// assert_eq!(Base64::encode(b"PNG").as_str(), "UE5H");
/// assert_eq!(Base64::from("data:image/png;base64,UE5H").decode().unwrap(), b"PNG");
/// assert_eq!(Base64::from("UE5%").decode().unwrap_err().to_string(), "not base64: `%` at character 3");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Base64(String);

/// Why a [`Base64`] value does not decode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Base64Error {
    /// A character outside the base64 alphabet.
    #[error("not base64: `{found}` at character {index}")]
    Character {
        /// The character.
        found: char,
        /// Its index among the characters after any `data:` prefix.
        index: usize,
    },
    /// A length that no base64 text has (one character left over).
    #[error("not base64: {length} characters cannot be a whole number of bytes")]
    Length {
        /// The number of base64 characters.
        length: usize,
    },
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl Base64 {
    /// Encodes `bytes`.
    pub fn encode(bytes: &[u8]) -> Self {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        Self(out)
    }

    /// The text as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The bytes.
    ///
    /// # Errors
    ///
    /// [`Base64Error`] when the text is not base64.
    pub fn decode(&self) -> Result<Vec<u8>, Base64Error> {
        let text = match self.0.strip_prefix("data:") {
            Some(url) => url.split_once(";base64,").map_or(url, |(_, data)| data),
            None => &self.0,
        };
        let text = text.trim_end_matches('=');
        let mut out = Vec::with_capacity(text.len() * 3 / 4);
        let (mut acc, mut bits) = (0_u32, 0_u32);
        for (index, found) in text.chars().enumerate() {
            let value = match found {
                'A'..='Z' => u32::from(found) - u32::from('A'),
                'a'..='z' => u32::from(found) - u32::from('a') + 26,
                '0'..='9' => u32::from(found) - u32::from('0') + 52,
                '+' | '-' => 62,
                '/' | '_' => 63,
                _ => return Err(Base64Error::Character { found, index }),
            };
            // Fewer than 8 bits are pending before the shift, so 16 keep them all.
            acc = ((acc << 6) | value) & 0xffff;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits).to_le_bytes()[0]);
            }
        }
        if text.len() % 4 == 1 {
            return Err(Base64Error::Length { length: text.len() });
        }
        Ok(out)
    }
}

impl From<String> for Base64 {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<&str> for Base64 {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl fmt::Debug for Base64 {
    // Images run to megabytes: show the size, not the text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Base64({} characters)", self.0.len())
    }
}
