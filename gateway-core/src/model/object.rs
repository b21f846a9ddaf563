//! Nested objects of a request (`#[derive(Object)]`): their limits are
//! checked with the request's, and an error names the path to the field
//! (`messages[2].content`).

use crate::error::Result;
use crate::model::OneOrMany;

/// A value whose limits are checked before a request holding it is sent.
///
/// Implemented by `#[derive(Object)]`, and for lists, options and boxes of
/// such values (each item under `path[i]`). A model field holding one is
/// marked `#[model(nested)]`.
pub trait Validate {
    /// Checks the limits, naming a failing field under `path`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) naming the path
    /// of the first field out of its limits.
    fn validate_at(&self, path: &str) -> Result<()>;
}

impl<T: Validate> Validate for [T] {
    fn validate_at(&self, path: &str) -> Result<()> {
        self.iter().enumerate().try_for_each(|(i, item)| item.validate_at(&format!("{path}[{i}]")))
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &str) -> Result<()> {
        self.as_slice().validate_at(path)
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &str) -> Result<()> {
        self.as_ref().map_or(Ok(()), |value| value.validate_at(path))
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: &str) -> Result<()> {
        (**self).validate_at(path)
    }
}

impl<T: Validate> Validate for OneOrMany<T> {
    fn validate_at(&self, path: &str) -> Result<()> {
        match self {
            Self::One(value) => value.validate_at(path),
            Self::Many(values) => values.validate_at(path),
        }
    }
}
