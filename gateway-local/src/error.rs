//! Every error answer of gateway-local: one [`Rejection`] type that renders
//! in Cloudflare's two shapes (the gateway host's singular `error` array, the
//! v4 API's plural `errors` envelope), and every code it uses, named in
//! [`code`].

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Error codes. 2001, 2009, 2019, 3006, 7000 and 10000 are Cloudflare's; the
/// others are ours where Cloudflare documents none (marked).
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
    /// A third-party request without a provider credential under `byok_only`
    /// or `cf-aig-no-wholesale: true` (HTTP 400). Unconfirmed in the spec
    /// (§5.4: the body is undocumented): we chose this code of ours.
    pub(crate) const PROVIDER_CREDENTIAL_REQUIRED: i64 = 2008;
    /// Authenticated Gateway: missing or wrong `cf-aig-authorization`.
    pub(crate) const UNAUTHORIZED: i64 = 2009;
    /// A spend limit of the gateway is reached (HTTP 429). Unconfirmed in the
    /// spec (`cloudflare-2026.md` §5.1: "HTTP 429", body and code not
    /// documented): we chose this code of ours; the message says "spend
    /// limit", which is what clients tell it from a rate limit by.
    pub(crate) const SPEND_LIMIT_EXCEEDED: i64 = 2010;
    /// Compat endpoint: model without a provider prefix.
    pub(crate) const COMPAT_BAD_FORMAT: i64 = 2019;
    /// v4 Workers AI: request too large.
    pub(crate) const REQUEST_TOO_LARGE: i64 = 3006;
    /// v4: internal error (also: the log database busy or full).
    pub(crate) const INTERNAL: i64 = 7000;
    /// v4: invalid parameter (ours).
    pub(crate) const INVALID_PARAMETER: i64 = 7001;
    /// v4: log not found.
    pub(crate) const NOT_FOUND: i64 = 7002;
    /// v4: no route.
    pub(crate) const NO_ROUTE: i64 = 7003;
    /// v4: invalid token.
    pub(crate) const AUTHENTICATION: i64 = 10000;
    /// REST API (`/ai/run`, `/ai/v1/*`): the model is unknown, malformed, a
    /// dynamic route, or not served on the endpoint asked. Unconfirmed in the
    /// spec (`cloudflare-2026.md` §1.8: 7003 "model not found" is seen on the
    /// binding path only): we chose 7003, with HTTP 400.
    pub(crate) const MODEL_NOT_FOUND: i64 = 7003;
}

/// Which envelope an error answer goes out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// The gateway host's: `{"success":false,"result":[],"messages":[],"error":[…]}`.
    Gateway,
    /// The v4 API's: `{"success":false,"errors":[…],"messages":[],"result":null}`.
    Api,
    /// The logs API's not-found answer: `{"errors":[…],"success":false}`.
    ApiShort,
    /// The REST API's (`/ai/run`, `/ai/v1/*`): `{"success":false,"name":"AiGatewayError",
    /// "internalCode":N,"message":"…","error":[{"code":N,"message":"…"}],"errors":[…]}`.
    /// Unconfirmed in the spec (`cloudflare-2026.md` §1.8 documents only `name`,
    /// `internalCode` and a nested `error`): we chose its reconstructed body,
    /// plus the v4 API's `errors` array for readers of v4 envelopes.
    AiGateway,
}

impl Shape {
    /// The shape of the API a request path belongs to, the one place that
    /// decides for answers not made by a route's own handler (no route, wrong
    /// method, headers too large): the REST API's
    /// `/client/v4/accounts/{account}/ai/run` and `.../ai/v1/...`, the v4
    /// API elsewhere under `/client/v4/` (the legacy `.../ai/run/{model}`
    /// included), the gateway host's under `/v1`.
    ///
    /// Paths of neither host (`/`, `/v2/...`) answer in the v4 API's shape:
    /// unconfirmed in the spec (no Cloudflare host serves both), our choice.
    pub(crate) fn of_path(path: &str) -> Self {
        if path == "/v1" || path.starts_with("/v1/") {
            return Self::Gateway;
        }
        let Some(rest) = path.strip_prefix("/client/v4/") else { return Self::Api };
        let mut segments = rest.split('/');
        match (segments.next(), segments.nth(1), segments.next(), segments.next()) {
            (Some("accounts"), Some("ai"), Some("run"), None) | (Some("accounts"), Some("ai"), Some("v1"), Some(_)) => {
                Self::AiGateway
            }
            _ => Self::Api,
        }
    }

    /// The code of a malformed request in this shape.
    pub(crate) fn bad_request_code(self) -> i64 {
        match self {
            Self::Gateway | Self::AiGateway => code::BAD_REQUEST,
            Self::Api | Self::ApiShort => code::INVALID_PARAMETER,
        }
    }
}

/// A request refused or failed: status, code, message and envelope, plus any
/// headers of its own (`retry-after`, `connection: close`). Handlers return
/// `Result<Response, Rejection>`; axum renders it.
#[derive(Debug)]
pub(crate) struct Rejection {
    status: StatusCode,
    code: i64,
    message: String,
    shape: Shape,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl Rejection {
    /// An error in `shape`.
    pub(crate) fn new(shape: Shape, status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into(), shape, headers: Vec::new() }
    }

    /// An error in the gateway host's shape.
    pub(crate) fn gateway(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Self::new(Shape::Gateway, status, code, message)
    }

    /// An error in the v4 API's shape.
    pub(crate) fn api(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Self::new(Shape::Api, status, code, message)
    }

    /// Adds a header to the answer.
    #[must_use]
    pub(crate) fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The logs API's 404.
    pub(crate) fn log_not_found() -> Self {
        Self::new(Shape::ApiShort, StatusCode::NOT_FOUND, code::NOT_FOUND, "Not Found")
    }

    /// The v4 API's 404 for a path it does not serve (or an account it does not hold).
    pub(crate) fn no_route() -> Self {
        Self::no_route_in(Shape::Api)
    }

    /// 404 for a path no route serves, in `shape`. On the gateway host: the
    /// singular `error` array with code 7003. Unconfirmed in the spec
    /// (`rest-api.md` §9.1: 7003 "also seen for wrong paths", status and
    /// envelope not stated): we chose 404, 7003 and the host's own envelope.
    pub(crate) fn no_route_in(shape: Shape) -> Self {
        Self::new(shape, StatusCode::NOT_FOUND, code::NO_ROUTE, "No route for the URI")
    }

    /// 405 for a method the route at `path` does not serve, in its host's shape.
    pub(crate) fn method_not_allowed(path: &str) -> Self {
        Self::new(
            Shape::of_path(path),
            StatusCode::METHOD_NOT_ALLOWED,
            code::NO_ROUTE,
            "Method not allowed for this URI",
        )
    }

    /// The gateway's 401 for Authenticated Gateways.
    pub(crate) fn unauthorized() -> Self {
        Self::gateway(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, "Unauthorized")
    }

    /// The gateway's 400 for a gateway that does not exist.
    pub(crate) fn gateway_not_found() -> Self {
        Self::gateway(
            StatusCode::BAD_REQUEST,
            code::GATEWAY_NOT_FOUND,
            "Please configure AI Gateway in the Cloudflare dashboard",
        )
    }
}

/// The body of a gateway error answer (also what the log of a failed request records).
pub(crate) fn gateway_body(code: i64, message: &str) -> serde_json::Value {
    json!({"success": false, "result": [], "messages": [], "error": [{"code": code, "message": message}]})
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let entry = json!([{"code": self.code, "message": self.message}]);
        let body = match self.shape {
            Shape::Gateway => gateway_body(self.code, &self.message),
            Shape::Api => json!({"success": false, "errors": entry, "messages": [], "result": null}),
            Shape::ApiShort => json!({"errors": entry, "success": false}),
            Shape::AiGateway => json!({
                "success": false,
                "name": "AiGatewayError",
                "internalCode": self.code,
                "message": self.message,
                "error": entry,
                "errors": entry,
            }),
        };
        let mut response = (self.status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        for (name, value) in self.headers {
            headers.insert(name, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body(rejection: Rejection) -> (StatusCode, serde_json::Value) {
        let response = rejection.into_response();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn each_shape_is_cloudflares() {
        let (status, gateway) = body(Rejection::unauthorized()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            gateway,
            json!({"success": false, "result": [], "messages": [], "error": [{"code": 2009, "message": "Unauthorized"}]})
        );
        let (_, api) = body(Rejection::no_route()).await;
        assert_eq!(
            api,
            json!({"success": false, "errors": [{"code": 7003, "message": "No route for the URI"}], "messages": [], "result": null})
        );
        let (status, short) = body(Rejection::log_not_found()).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(short, json!({"errors": [{"code": 7002, "message": "Not Found"}], "success": false}));
        let with = Rejection::gateway(StatusCode::TOO_MANY_REQUESTS, code::RATE_LIMITED, "Rate limited")
            .with_header(header::RETRY_AFTER, HeaderValue::from_static("60"))
            .into_response();
        assert_eq!(with.headers()[header::RETRY_AFTER], "60");
        assert_eq!(with.headers()[header::CONTENT_TYPE], "application/json");
        let rest = Rejection::new(Shape::AiGateway, StatusCode::UNAUTHORIZED, 2009, "rejected");
        let (_, rest) = body(rest).await;
        let entry = json!([{"code": 2009, "message": "rejected"}]);
        assert_eq!(
            rest,
            json!({"success": false, "name": "AiGatewayError", "internalCode": 2009, "message": "rejected",
                   "error": entry, "errors": entry})
        );
    }

    #[test]
    fn the_path_decides_the_shape() {
        for (path, shape) in [
            ("/v1/acc/gw/openai/chat/completions", Shape::Gateway),
            ("/client/v4/accounts/acc/ai/run", Shape::AiGateway),
            ("/client/v4/accounts/acc/ai/v1/chat/completions", Shape::AiGateway),
            ("/client/v4/accounts/acc/ai/v1/messages", Shape::AiGateway),
            ("/client/v4/accounts/acc/ai/run/@cf/meta/m", Shape::Api),
            ("/client/v4/accounts/acc/ai-gateway/gateways/g/logs", Shape::Api),
            ("/client/v4/accounts/acc/ai/v1", Shape::Api),
            ("/v1/acc/gw/compat/embeddings", Shape::Gateway),
            ("/v1/acc", Shape::Gateway),
            ("/v1", Shape::Gateway),
            ("/", Shape::Api),
            ("/v1beta/models", Shape::Api),
        ] {
            assert_eq!(Shape::of_path(path), shape, "{path}");
        }
    }
}
