//! Declarations against a renamed `gateway-core` (see `tests/`).
