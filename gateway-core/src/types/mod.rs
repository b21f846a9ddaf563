//! Wire types: options, metadata, logs, patches, universal requests, filters.

pub mod filter;
pub mod headers;
pub mod log;
pub mod metadata;
pub mod options;
pub mod otel;
pub mod patch;
pub mod universal;
