//! typed-gateway
