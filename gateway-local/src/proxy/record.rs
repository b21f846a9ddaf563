//! What a log records of an answer: the request and response heads and
//! bodies (bounded), status, tokens and cost, and the log of a request its
//! caller abandoned.

use std::sync::Arc;
use std::time::Instant;

use axum::http::{HeaderMap, header};
use bytes::Bytes;

use super::accounting::{EVENTSTREAM, Usage, cost_of, model_type_of, usage_of, usage_of_eventstream, usage_of_stream};
use super::{RequestContext, Step, StepOutcome, failure, is_success};
use crate::credentials;
use crate::error::code;
use crate::options::Effective;
use crate::state::AppState;
use crate::store::LogRecord;

/// A new log or request id: a lowercase `UUIDv7` (RFC 9562), as Cloudflare
/// mints them since 2026-10-08 (spec §4.1); ids sort by creation time.
pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().hyphenated().to_string()
}

/// What the log of an outcome records; a failure records the gateway's own
/// error answer, so the log says why.
pub(super) fn logged_answer(outcome: &StepOutcome) -> LoggedAnswer {
    let content_type =
        |headers: &HeaderMap| headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    match outcome {
        StepOutcome::Answer { response, cached } => LoggedAnswer {
            status: response.status,
            size: response.body.len() as u64,
            body: response.body.clone(),
            content_type: content_type(&response.headers),
            cached: *cached,
            tail: None,
        },
        StepOutcome::Failed(error) => {
            let (status, code, message) = failure(error);
            let body = Bytes::from(crate::error::gateway_body(code, &message).to_string());
            LoggedAnswer {
                status: status.as_u16(),
                size: body.len() as u64,
                body,
                content_type: Some("application/json".to_owned()),
                cached: false,
                tail: None,
            }
        }
        StepOutcome::Streaming { .. } => {
            LoggedAnswer { status: 502, body: Bytes::new(), size: 0, content_type: None, cached: false, tail: None }
        }
    }
}

/// Logs an attempt whose caller left before its answer (the request's
/// future was dropped mid-attempt): status 499, as proxies record a client
/// that closed its request.
pub(super) struct AbandonedLog<'a> {
    pub(super) state: &'a Arc<AppState>,
    pub(super) context: &'a RequestContext,
    pub(super) step: &'a Step,
    pub(super) effective: &'a Effective,
    pub(super) started: Instant,
    pub(super) index: Option<usize>,
    pub(super) log_id: &'a str,
    pub(super) armed: bool,
}

/// Status logged for a request its caller abandoned.
const CLIENT_CLOSED_REQUEST: u16 = 499;

impl Drop for AbandonedLog<'_> {
    fn drop(&mut self) {
        if !self.armed || tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        let body = Bytes::from(
            crate::error::gateway_body(
                code::UPSTREAM_FAILED,
                "the caller closed the request before the answer arrived",
            )
            .to_string(),
        );
        let view = LoggedAnswer {
            status: CLIENT_CLOSED_REQUEST,
            size: body.len() as u64,
            body,
            content_type: Some("application/json".to_owned()),
            cached: false,
            tail: None,
        };
        let mut record =
            log_record(self.state, self.context, self.step, self.effective, view, self.started, self.index);
        self.log_id.clone_into(&mut record.id);
        let state = Arc::clone(self.state);
        let limit = self.context.settings.log_limit();
        // Tracked, so a shutdown that cut this request waits for its log.
        self.state.tasks.spawn(async move {
            let (gateway, id) = (record.gateway.clone(), record.id.clone());
            match state.store.insert(record, limit).await {
                Ok(true) => state.log_feed.publish(&gateway, &id),
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "could not store the log of an abandoned request"),
            }
        });
    }
}

/// The head of `body` (its first `max` bytes as text) and whether it is
/// all of it: a slice of the body itself when that is UTF-8 (no copy).
fn text_head(body: &Bytes, max: usize) -> (Bytes, bool) {
    let head = body.slice(..body.len().min(max));
    let text = match String::from_utf8_lossy(&head) {
        std::borrow::Cow::Borrowed(_) => head,
        std::borrow::Cow::Owned(replaced) => Bytes::from(replaced),
    };
    (text, body.len() <= max)
}

/// What a log records of an answer.
pub(super) struct LoggedAnswer {
    pub(super) status: u16,
    /// The body as kept (at most `max_stored_body_bytes` are stored of it).
    pub(super) body: Bytes,
    /// The whole answer's size, kept or not.
    pub(super) size: u64,
    pub(super) content_type: Option<String>,
    pub(super) cached: bool,
    /// A stream's last events when `body` is not all of it (for its usage report).
    pub(super) tail: Option<Bytes>,
}

pub(super) fn log_record(
    state: &AppState,
    context: &RequestContext,
    step: &Step,
    effective: &Effective,
    view: LoggedAnswer,
    started: Instant,
    index: Option<usize>,
) -> LogRecord {
    let model = step.model().to_owned();
    let LoggedAnswer { status, body: response_body, size: response_size, content_type: response_type, cached, tail } =
        view;
    let kind = response_type.as_deref().unwrap_or_default();
    let tokens = if !is_success(status) {
        Usage::default()
    } else if kind.starts_with("text/event-stream") {
        let head = usage_of_stream(&response_body);
        tail.as_deref().map_or(head, |tail| head.updated_by(usage_of_stream(tail)))
    } else if kind.starts_with(EVENTSTREAM) {
        // Only the stored head: a tail cut anywhere is no sequence of messages.
        usage_of_eventstream(&response_body)
    } else {
        usage_of(&response_body)
    };
    let max_head = state.config.max_head_bytes;
    let max_stored = state.config.max_stored_body_bytes;
    // An unlogged step's record only feeds telemetry: no heads, no body copies.
    let (request_head, request_head_complete) =
        if effective.collect_log { text_head(&step.body, max_head) } else { (Bytes::new(), true) };
    let (response_head, mut response_head_complete) =
        if effective.collect_log { text_head(&response_body, max_head) } else { (Bytes::new(), true) };
    // A body kept only in part marks the log incomplete, whatever the head's size.
    response_head_complete &= response_size <= response_body.len() as u64 && response_body.len() <= max_stored;
    let request_head_complete = request_head_complete && step.body.len() <= max_stored;
    let keep = effective.collect_log && effective.collect_log_payload;
    LogRecord {
        // Every caller names the log (a step's id is known before its answer).
        id: String::new(),
        gateway: context.gateway.clone(),
        created_ms: jiff::Timestamp::now().as_millisecond(),
        provider: step.provider.clone(),
        model: model.clone(),
        model_type: model_type_of(&step.endpoint),
        // Credentials in the query string are forwarded, never stored.
        path: credentials::redact_endpoint(&step.endpoint),
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        request_type: Some(context.kind.to_owned()),
        request_content_type: step.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned),
        response_content_type: response_type,
        status_code: status,
        success: is_success(status),
        cached,
        tokens_in: tokens.input,
        tokens_out: tokens.output,
        cost: cost_of(effective.custom_cost, &model, tokens),
        custom_cost: effective.custom_cost.is_some(),
        metadata: effective.metadata.clone(),
        step: index.and_then(|i| u32::try_from(i).ok()),
        event_id: effective.event_id.clone(),
        request_size: step.body.len() as u64,
        request_head,
        request_head_complete,
        response_size,
        response_head,
        response_head_complete,
        request_body: keep.then(|| step.body.slice(..step.body.len().min(max_stored))),
        response_body: keep.then(|| response_body.slice(..response_body.len().min(max_stored))),
        authenticated: context.authenticated,
        user_agent: context.user_agent.clone(),
        wholesale: !credentials::carries_credential(&step.provider, &step.headers, &step.endpoint),
        compatibility_mode: context.compatibility_mode,
        route: step.route.as_deref().cloned(),
    }
}
