//! Answers as the double builds them ([`Reply`]) and each wire dialect's error body.

use std::fmt::Write as _;

use bytes::Bytes;
use gateway_core::provider::WireDialect;
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use serde_json::{Value, json};

use super::content::{seed_str, uuid};
use super::fault::{Pacing, event_stream};
use crate::upstream::{UpstreamBody, UpstreamResponse};

/// An answer before it is sent: [`OfflineUpstream::answer`](super::OfflineUpstream::answer) and
/// [`Upstream::send`](crate::upstream::Upstream::send) turn it into an [`UpstreamResponse`].
#[derive(Debug)]
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) headers: HeaderMap,
    /// The whole body; for an event stream, every event back to back.
    pub(super) body: Bytes,
    /// For an event stream: where each event ends in `body` (`None`: a whole body).
    pub(super) event_ends: Option<Vec<usize>>,
}

impl Reply {
    pub(super) fn is_stream(&self) -> bool {
        self.event_ends.is_some()
    }

    /// The events of an event stream, each a slice of the body.
    pub(super) fn events(&self) -> Option<Vec<Bytes>> {
        let ends = self.event_ends.as_ref()?;
        let starts = std::iter::once(0).chain(ends.iter().copied());
        Some(starts.zip(ends).map(|(start, &end)| self.body.slice(start..end)).collect())
    }

    /// The response: a whole body, or the events as a stream sent as `pacing` says.
    pub(super) fn into_response(self, pacing: Pacing) -> UpstreamResponse {
        let body = match self.events() {
            Some(events) => UpstreamBody::Stream(event_stream(events, pacing)),
            None => UpstreamBody::Full(self.body),
        };
        UpstreamResponse { status: self.status, headers: self.headers, body }
    }
}

pub(super) fn bytes_response(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    Reply { status, headers, body: Bytes::from(body), event_ends: None }
}

pub(super) fn json_response(status: u16, body: &Value) -> Reply {
    bytes_response(status, "application/json", serde_json::to_vec(body).unwrap_or_default())
}

pub(super) fn ok_json(body: &Value) -> Reply {
    json_response(200, body)
}

pub(super) fn with_header(mut response: Reply, name: &'static str, value: &str) -> Reply {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers.insert(HeaderName::from_static(name), value);
    }
    response
}

/// A `text/event-stream` answer, streamed one event at a time: each event is
/// an optional `event:` line and a `data:` line.
pub(super) fn sse_response(events: impl IntoIterator<Item = (Option<&'static str>, String)>) -> Reply {
    let mut body = String::new();
    let mut ends = Vec::new();
    for (name, data) in events {
        if let Some(name) = name {
            let _ = writeln!(body, "event: {name}");
        }
        let _ = write!(body, "data: {data}\n\n");
        ends.push(body.len());
    }
    let mut reply = bytes_response(200, "text/event-stream", body.into_bytes());
    reply.event_ends = Some(ends);
    reply
}

pub(super) fn reason(status: u16) -> &'static str {
    match status {
        529 => "Overloaded",
        _ => StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error"),
    }
}

/// A lower-case error slug for providers that put one in their error bodies.
pub(super) fn status_slug(status: u16) -> &'static str {
    match status {
        400 => "invalid_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        408 => "request_timeout",
        409 => "conflict",
        413 => "payload_too_large",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        529 => "overloaded",
        s if s >= 500 => "internal_server_error",
        _ => "error",
    }
}

/// `status` with `message` in `dialect`'s error body; `429` adds `retry-after: 1`.
pub(super) fn error_response(dialect: WireDialect, status: u16, message: &str) -> Reply {
    let response = match dialect {
        WireDialect::WorkersAi => workers_ai_error(status, workers_ai_code(status), message),
        WireDialect::Anthropic => anthropic_error(status, message),
        WireDialect::Google => google_error(status, message),
        WireDialect::Cohere => json_response(status, &json!({"id": uuid(seed_str(&[message])), "message": message})),
        WireDialect::Bedrock => bedrock_error(status, bedrock_error_type(status), message),
        WireDialect::HuggingFace if status == 503 => {
            json_response(status, &json!({"error": message, "estimated_time": 20.0}))
        }
        WireDialect::HuggingFace => json_response(status, &json!({"error": message})),
        WireDialect::Replicate => replicate_error(status, message),
        WireDialect::Cartesia => cartesia_error(status, message),
        WireDialect::ElevenLabs => {
            json_response(status, &json!({"detail": {"status": status_slug(status), "message": message}}))
        }
        WireDialect::Firefly => json_response(status, &json!({"error_code": status_slug(status), "message": message})),
        // OpenAI, and any dialect added to the table after this double was written.
        _ => openai_error(status, message, None),
    };
    if status == 429 { with_header(response, "retry-after", "1") } else { response }
}

pub(super) fn workers_ai_code(status: u16) -> u32 {
    match status {
        401 | 403 => 10000,
        404 => 7003,
        408 => 3007,
        413 => 3006,
        429 => 3040,
        s if s >= 500 => 3043,
        _ => 5004,
    }
}

/// The Workers AI error envelope.
pub(super) fn workers_ai_error(status: u16, code: u32, message: &str) -> Reply {
    json_response(
        status,
        &json!({"result": null, "success": false, "errors": [{"code": code, "message": message}], "messages": []}),
    )
}

pub(super) fn openai_error(status: u16, message: &str, param: Option<&str>) -> Reply {
    let (kind, code) = match status {
        401 => ("invalid_request_error", json!("invalid_api_key")),
        429 => ("requests", json!("rate_limit_exceeded")),
        s if s >= 500 => ("server_error", Value::Null),
        _ => ("invalid_request_error", Value::Null),
    };
    json_response(status, &json!({"error": {"message": message, "type": kind, "param": param, "code": code}}))
}

pub(super) fn anthropic_error(status: u16, message: &str) -> Reply {
    let kind = match status {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        s if s >= 500 => "api_error",
        _ => "invalid_request_error",
    };
    json_response(status, &json!({"type": "error", "error": {"type": kind, "message": message}}))
}

pub(super) fn google_error(status: u16, message: &str) -> Reply {
    let kind = match status {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        s if s >= 500 => "INTERNAL",
        _ => "FAILED_PRECONDITION",
    };
    json_response(status, &json!({"error": {"code": status, "message": message, "status": kind}}))
}

pub(super) fn bedrock_error_type(status: u16) -> &'static str {
    match status {
        403 => "AccessDeniedException",
        404 => "ResourceNotFoundException",
        408 => "ModelTimeoutException",
        424 => "ModelErrorException",
        429 => "ThrottlingException",
        503 => "ServiceUnavailableException",
        s if s >= 500 => "InternalServerException",
        _ => "ValidationException",
    }
}

/// Bedrock: `{"message": ...}` plus the `x-amzn-errortype` header.
pub(super) fn bedrock_error(status: u16, kind: &str, message: &str) -> Reply {
    let response = json_response(status, &json!({"message": message}));
    with_header(response, "x-amzn-errortype", &format!("{kind}:http://internal.amazon.com/coral/com.amazon.bedrock/"))
}

/// Replicate: RFC 7807 problem details.
pub(super) fn replicate_error(status: u16, message: &str) -> Reply {
    let body = json!({"title": reason(status), "detail": message, "status": status});
    bytes_response(status, "application/problem+json", serde_json::to_vec(&body).unwrap_or_default())
}

pub(super) fn cartesia_error(status: u16, message: &str) -> Reply {
    json_response(
        status,
        &json!({
            "error_code": status_slug(status),
            "title": reason(status),
            "message": message,
            "request_id": uuid(seed_str(&["cartesia", message])),
        }),
    )
}
