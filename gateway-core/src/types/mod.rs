//! Wire types: options, metadata, logs, patches, universal requests, filters.

/// `From` conversions into one of the value enums (metadata, filter and step
/// header values), one `source => |v| value` row per accepted Rust type, so
/// the enums' lists of accepted scalars read as tables.
macro_rules! value_from {
    ($target:ty { $($source:ty => |$v:ident| $value:expr),+ $(,)? }) => {$(
        impl From<$source> for $target {
            fn from($v: $source) -> Self {
                $value
            }
        }
    )+};
}

pub mod filter;
pub mod headers;
pub mod log;
pub mod metadata;
pub mod options;
pub mod patch;
pub mod universal;
