//! Error answers in Cloudflare's shapes: the gateway's singular `error`
//! array, and the v4 API's plural `errors` envelope.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Gateway error codes. 2001 and 2009 are Cloudflare's; the others are ours
/// where Cloudflare documents none (marked).
pub(crate) mod code {
    /// The gateway does not exist.
    pub(crate) const GATEWAY_NOT_FOUND: i64 = 2001;
    /// Malformed request body (ours: Cloudflare documents no code).
    pub(crate) const BAD_REQUEST: i64 = 2002;
    /// Rate limited (ours).
    pub(crate) const RATE_LIMITED: i64 = 2003;
    /// Request too large (ours).
    pub(crate) const TOO_LARGE: i64 = 2004;
    /// Upstream unreachable or timed out (ours).
    pub(crate) const UPSTREAM_FAILED: i64 = 2005;
    /// Unknown provider (ours).
    pub(crate) const UNKNOWN_PROVIDER: i64 = 2006;
    /// Invalid `cf-aig-*` header value (ours).
    pub(crate) const INVALID_HEADER: i64 = 2007;
    /// Authenticated Gateway: missing or wrong `cf-aig-authorization`.
    pub(crate) const UNAUTHORIZED: i64 = 2009;
    /// Compat endpoint: model without a provider prefix.
    pub(crate) const COMPAT_BAD_FORMAT: i64 = 2019;
    /// v4: log not found.
    pub(crate) const NOT_FOUND: i64 = 7002;
    /// v4: no route.
    pub(crate) const NO_ROUTE: i64 = 7003;
    /// v4: invalid token.
    pub(crate) const AUTHENTICATION: i64 = 10000;
    /// v4: invalid parameter (ours).
    pub(crate) const INVALID_PARAMETER: i64 = 7001;
}

fn json_response(status: StatusCode, body: &serde_json::Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// `{"success":false,"result":[],"messages":[],"error":[{"code":…,"message":…}]}`.
pub(crate) fn gateway(status: StatusCode, code: i64, message: &str) -> Response {
    json_response(status, &gateway_body(code, message))
}

/// The body of a gateway error answer (also what the log of a failed request records).
pub(crate) fn gateway_body(code: i64, message: &str) -> serde_json::Value {
    json!({"success": false, "result": [], "messages": [], "error": [{"code": code, "message": message}]})
}

/// `{"success":false,"errors":[{"code":…,"message":…}],"messages":[],"result":null}`.
pub(crate) fn v4(status: StatusCode, code: i64, message: &str) -> Response {
    json_response(
        status,
        &json!({"success": false, "errors": [{"code": code, "message": message}], "messages": [], "result": null}),
    )
}

/// The logs API's 404.
pub(crate) fn log_not_found() -> Response {
    json_response(
        StatusCode::NOT_FOUND,
        &json!({"errors": [{"code": code::NOT_FOUND, "message": "Not Found"}], "success": false}),
    )
}

/// The gateway's 401 for Authenticated Gateways.
pub(crate) fn unauthorized() -> Response {
    gateway(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, "Unauthorized")
}

/// The gateway's 400 for a gateway that does not exist.
pub(crate) fn gateway_not_found() -> Response {
    gateway(StatusCode::BAD_REQUEST, code::GATEWAY_NOT_FOUND, "Please configure AI Gateway in the Cloudflare dashboard")
}
