//! Workspace root of typed-gateway: it holds the top-level `examples/` and
//! `tests/`. Applications depend on [`gateway_core`], re-exported here.

pub use gateway_core;
