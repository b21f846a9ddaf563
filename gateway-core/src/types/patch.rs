//! `AiGatewayPatchLog`: feedback, score and metadata sent to a log.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::metadata::Metadata;
use crate::error::{Error, Result};

/// Highest score a log accepts.
pub const MAX_SCORE: f64 = 100.0;

/// Human feedback on a logged request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feedback {
    /// Thumbs down (`-1`).
    Negative,
    /// Thumbs up (`1`).
    Positive,
}

impl Feedback {
    /// The wire number.
    pub fn as_i8(self) -> i8 {
        match self {
            Self::Negative => -1,
            Self::Positive => 1,
        }
    }
}

impl TryFrom<i64> for Feedback {
    type Error = Error;
    fn try_from(value: i64) -> Result<Self> {
        match value {
            -1 => Ok(Self::Negative),
            1 => Ok(Self::Positive),
            other => Err(Error::invalid("feedback", format!("must be -1 or 1, got {other}"))),
        }
    }
}

impl Serialize for Feedback {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i8(self.as_i8())
    }
}

impl<'de> Deserialize<'de> for Feedback {
    #[allow(clippy::float_cmp, reason = "the wire values are exactly -1 and 1")]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = f64::deserialize(deserializer)?;
        if n == -1.0 {
            Ok(Self::Negative)
        } else if n == 1.0 {
            Ok(Self::Positive)
        } else {
            Err(serde::de::Error::custom(format!("feedback must be -1 or 1, got {n}")))
        }
    }
}

/// One field of a patch: left as it is, cleared (`null`), or set.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Patch<T> {
    /// Not sent: the stored value stays.
    #[default]
    Keep,
    /// Sent as `null`: the stored value is cleared.
    Clear,
    /// Sent: the stored value is replaced.
    Set(T),
}

impl<T> Patch<T> {
    /// Whether the field is left out of the body.
    pub fn is_keep(&self) -> bool {
        matches!(self, Self::Keep)
    }
    /// The value when set.
    pub fn as_set(&self) -> Option<&T> {
        match self {
            Self::Set(v) => Some(v),
            _ => None,
        }
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Set(v) => v.serialize(serializer),
            // `Keep` is skipped by the containing struct.
            Self::Keep | Self::Clear => serializer.serialize_unit(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Reached only when the key is present (absent keys use `Default`).
        Ok(Option::<T>::deserialize(deserializer)?.map_or(Self::Clear, Self::Set))
    }
}

/// For each field of [`PatchLog`], the builder method that sets it and the
/// one that clears it (sent as `null`).
macro_rules! set_or_clear {
    ($($(#[$doc:meta])* $field:ident / $clear:ident ($arg:ident: $ty:ty) => $value:expr;)+) => {$(
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, $arg: $ty) -> Self {
            self.$field = Patch::Set($value);
            self
        }
        #[doc = concat!("Clears the ", stringify!($field), " (`null`).")]
        #[must_use]
        pub fn $clear(mut self) -> Self {
            self.$field = Patch::Clear;
            self
        }
    )+};
}

/// What `patch_log` sends: each field kept, cleared or set.
///
/// ```
/// use gateway_core::{Feedback, Metadata, PatchLog};
/// let patch = PatchLog::new()
///     .feedback(Feedback::Positive)
///     .score(100.0)
///     .metadata(Metadata::new().with("user", "123"));
/// assert_eq!(patch.to_body().unwrap(), br#"{"feedback":1,"score":100,"metadata":{"user":"123"}}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PatchLog {
    /// -1 or 1.
    #[serde(default, skip_serializing_if = "Patch::is_keep")]
    pub feedback: Patch<Feedback>,
    /// 0 to 100.
    #[serde(default, skip_serializing_if = "Patch::is_keep")]
    pub score: Patch<f64>,
    /// At most 5 scalar entries.
    #[serde(default, skip_serializing_if = "Patch::is_keep")]
    pub metadata: Patch<Metadata>,
}

impl PatchLog {
    /// A patch that changes nothing.
    pub fn new() -> Self {
        Self::default()
    }
    set_or_clear! {
        /// Sets the feedback.
        feedback / clear_feedback (feedback: Feedback) => feedback;
        /// Sets the score (0 to 100).
        score / clear_score (score: impl Into<f64>) => score.into();
        /// Sets the metadata.
        metadata / clear_metadata (metadata: impl Into<Metadata>) => metadata.into();
    }

    /// Checks the documented limits.
    pub fn validate(&self) -> Result<()> {
        if let Patch::Set(score) = self.score {
            if !(0.0..=MAX_SCORE).contains(&score) {
                return Err(Error::invalid("score", format!("must be between 0 and {MAX_SCORE}, got {score}")));
            }
        }
        if let Patch::Set(metadata) = &self.metadata {
            metadata.validate("metadata")?;
        }
        Ok(())
    }

    /// The body as `JSON.stringify` writes it. Validates first.
    pub fn to_body(&self) -> Result<Vec<u8>> {
        self.validate()?;
        crate::wire::js::to_vec(self).map_err(|e| Error::invalid("patch", e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tri_state_fields() {
        let body = PatchLog::new().clear_feedback().score(50).to_body().unwrap();
        assert_eq!(body, br#"{"feedback":null,"score":50}"#);
        assert_eq!(PatchLog::new().to_body().unwrap(), b"{}");
        let back: PatchLog = serde_json::from_str(r#"{"feedback":-1,"metadata":null}"#).unwrap();
        assert_eq!(back, PatchLog::new().feedback(Feedback::Negative).clear_metadata());
    }

    #[test]
    fn limits() {
        for bad in [-0.5, 100.5, f64::NAN] {
            let err = PatchLog::new().score(bad).validate().unwrap_err().to_string();
            assert!(err.contains("score") && err.contains("100"), "{err}");
        }
        assert!(Feedback::try_from(0).unwrap_err().to_string().contains("feedback"));
        let six: Metadata = (0..6).map(|i| (format!("k{i}"), i)).collect();
        assert!(PatchLog::new().metadata(six).to_body().is_err());
    }
}
