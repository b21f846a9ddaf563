//! Wire types: options, metadata, logs, patches, universal requests, filters, spend limits.

/// `From` conversions into one of the value enums (metadata, filter and step
/// header values): the strings, booleans and `f64` that every one of them
/// takes, then one `source => |v| value` row per further Rust type it takes.
macro_rules! value_from {
    ($target:ty { $($source:ty => |$v:ident| $value:expr),* $(,)? }) => {
        value_from!(@rows $target {
            &str => |v| Self::String(v.to_owned()),
            String => |v| Self::String(v),
            bool => |v| Self::Bool(v),
            f64 => |v| Self::Number(v),
            $($source => |$v| $value,)*
        });
    };
    (@rows $target:ty { $($source:ty => |$v:ident| $value:expr,)* }) => {$(
        impl From<$source> for $target {
            fn from($v: $source) -> Self {
                $value
            }
        }
    )*};
}

pub mod filter;
pub mod headers;
pub mod log;
pub mod metadata;
pub mod options;
pub mod otel;
pub mod patch;
pub mod spend_limit;
pub mod universal;
