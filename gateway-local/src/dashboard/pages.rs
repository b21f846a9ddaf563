//! The dashboard's handlers: the gateway list, a gateway's charts and logs,
//! a log's detail with its feedback and score forms, the live rows (server-
//! sent events), signing in and out, and the static assets.

use std::collections::{BTreeSet, HashMap};
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use gateway_core::{AiGatewayLog, LogMetadata};
use serde_json::Value;

use super::charts::{Chart, charts};
use super::filters::{ORDERS, Params, RANGES, View};
use super::session::{SignedIn, clear_cookie, session_cookie, set_cookie};
use crate::state::{AppState, PENDING_LOG_WAIT, constant_time_eq};
use crate::store::{ModelTotals, Review, StoreError};

/// Buckets the charts divide the range into.
pub(crate) const CHART_BUCKETS: u32 = 24;

/// What every page shows around its content.
#[derive(Debug)]
pub(crate) struct Chrome {
    pub(crate) title: String,
    /// The signed-in session's CSRF token (empty when no token is configured).
    pub(crate) csrf: String,
    pub(crate) signed_in: bool,
    /// No API token is configured: the dashboard is open.
    pub(crate) open: bool,
}

impl Chrome {
    fn of(state: &AppState, signed_in: Option<&SignedIn>, title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            csrf: signed_in.map(|s| s.csrf.clone()).unwrap_or_default(),
            signed_in: signed_in.is_some(),
            open: state.config.api_token.is_none(),
        }
    }
}

/// A rendered page with `status` (a template that fails to render is a 500, said plainly).
fn page(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => {
            let mut response = (status, html).into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "a dashboard page could not be rendered");
            (StatusCode::INTERNAL_SERVER_ERROR, "the page could not be rendered").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    heading: String,
    message: String,
}

/// An error page: `status`, a heading and a `role="alert"` message naming what was wrong.
pub(crate) fn error_page(
    state: &AppState,
    signed_in: Option<&SignedIn>,
    status: StatusCode,
    message: impl Into<String>,
) -> Response {
    let heading = status.canonical_reason().unwrap_or("Error").to_owned();
    page(status, &ErrorPage { chrome: Chrome::of(state, signed_in, heading.clone()), heading, message: message.into() })
}

/// A `303 See Other` to `location`.
pub(crate) fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let value = HeaderValue::from_str(location).unwrap_or_else(|_| HeaderValue::from_static("/dashboard"));
    response.headers_mut().insert(header::LOCATION, value);
    response
}

/// Why a page handler answers with an error page instead (rendered by [`Visit::answer`]).
#[derive(Debug)]
enum PageError {
    /// `status`, with a message naming what was wrong.
    Refused(StatusCode, String),
    /// A store failure: a bad or too expensive query is the caller's (400), the rest ours (503).
    Store(StoreError),
}

impl PageError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self::Refused(status, message.into())
    }

    /// `404`: no log `id` in gateway `gw`.
    fn no_log(gw: &str, id: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, format!("no log {id} in gateway {gw}"))
    }
}

impl From<StoreError> for PageError {
    fn from(error: StoreError) -> Self {
        Self::Store(error)
    }
}

/// `404 no such gateway` unless `gateway` can name a gateway (its id's syntax).
fn check_gateway(gateway: &str) -> Result<(), PageError> {
    gateway_core::types::options::validate_gateway_id(gateway, "gateway")
        .map_err(|_| PageError::new(StatusCode::NOT_FOUND, "no such gateway"))
}

/// Who asks for a page: the state and their session (if any), which every
/// page's chrome shows, its error pages included.
pub(crate) struct Visit {
    state: Arc<AppState>,
    signed_in: Option<SignedIn>,
}

impl FromRequestParts<Arc<AppState>> for Visit {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, Self::Rejection> {
        // The session `guard` handed on (none when the dashboard is open).
        Ok(Self { state: Arc::clone(state), signed_in: parts.extensions.get::<SignedIn>().cloned() })
    }
}

impl Visit {
    fn chrome(&self, title: impl Into<String>) -> Chrome {
        Chrome::of(&self.state, self.signed_in.as_ref(), title)
    }

    /// The page `handler` makes, or the error page for why it could not.
    async fn answer(&self, handler: impl Future<Output = Result<Response, PageError>>) -> Response {
        let error = match handler.await {
            Ok(response) => return response,
            Err(error) => error,
        };
        let (status, message) = match error {
            PageError::Refused(status, message) => (status, message),
            PageError::Store(error @ (StoreError::Invalid(_) | StoreError::TooExpensive { .. })) => {
                (StatusCode::BAD_REQUEST, error.to_string())
            }
            PageError::Store(other) => {
                tracing::error!(error = %other, "the dashboard's store read failed");
                (StatusCode::SERVICE_UNAVAILABLE, format!("the log store failed: {}", other.reason()))
            }
        };
        error_page(&self.state, self.signed_in.as_ref(), status, message)
    }
}

// ---------------------------------------------------------------------------
// The gateway list

#[derive(Template)]
#[template(path = "gateways.html")]
struct GatewaysPage {
    chrome: Chrome,
    gateways: Vec<String>,
}

/// `GET /dashboard`: the configured and created gateways and those with logs.
pub(crate) async fn gateways(visit: Visit) -> Response {
    visit
        .answer(async {
            let state = &visit.state;
            let mut ids: BTreeSet<String> = state.config.gateways.keys().cloned().collect();
            ids.extend(state.gateways.created_ids());
            ids.extend(state.store.logged_gateways().await?);
            let chrome = visit.chrome("Gateways");
            Ok(page(StatusCode::OK, &GatewaysPage { chrome, gateways: ids.into_iter().collect() }))
        })
        .await
}

// ---------------------------------------------------------------------------
// A gateway's page

/// One row of the logs table, as text.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) id: String,
    pub(crate) created_at: String,
    pub(crate) provider: String,
    pub(crate) model: String,
    pub(crate) status: String,
    pub(crate) success: bool,
    pub(crate) cached: bool,
    pub(crate) tokens_in: String,
    pub(crate) tokens_out: String,
    pub(crate) cost: String,
    pub(crate) duration: String,
    pub(crate) feedback: String,
}

fn or_dash<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| v.to_string())
}

/// Feedback as shown: `1 (good)`, `-1 (bad)` or a dash (no emoji: not every system has the font).
fn feedback_text(feedback: Option<f64>) -> String {
    match feedback {
        Some(f) if f > 0.0 => "1 (good)".to_owned(),
        Some(f) if f < 0.0 => "-1 (bad)".to_owned(),
        _ => "–".to_owned(),
    }
}

/// A cost as shown (six decimals: costs of single requests are small).
fn cost_text(cost: Option<f64>) -> String {
    cost.map_or_else(|| "–".to_owned(), |c| format!("{c:.6}"))
}

fn created_text(log: &AiGatewayLog) -> String {
    log.created_at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}

impl Row {
    fn of(log: &AiGatewayLog, review: Option<&Review>) -> Self {
        Self {
            id: log.id.clone(),
            created_at: created_text(log),
            provider: log.provider.to_string(),
            model: log.model.clone(),
            status: or_dash(log.status_code),
            success: log.success,
            cached: log.cached,
            tokens_in: or_dash(log.tokens_in),
            tokens_out: or_dash(log.tokens_out),
            cost: cost_text(log.cost),
            duration: format!("{} ms", log.duration),
            feedback: feedback_text(review.and_then(|r| r.feedback)),
        }
    }
}

/// The by-model table's row, as text.
#[derive(Debug)]
struct ModelRow {
    provider: String,
    model: String,
    requests: u64,
    errors: u64,
    cached: u64,
    tokens_in: u64,
    tokens_out: u64,
    cost: String,
    p50: String,
    p95: String,
    p99: String,
}

impl ModelRow {
    fn of(entry: &ModelTotals) -> Self {
        let t = &entry.totals;
        let ms = |i: usize| t.latency.map_or_else(|| "–".to_owned(), |l| l[i].to_string());
        Self {
            provider: entry.provider.clone(),
            model: entry.model.clone(),
            requests: t.requests,
            errors: t.errors,
            cached: t.cached,
            tokens_in: t.tokens_in,
            tokens_out: t.tokens_out,
            cost: format!("{:.6}", t.cost),
            p50: ms(0),
            p95: ms(1),
            p99: ms(2),
        }
    }
}

#[derive(Template)]
#[template(path = "gateway.html")]
struct GatewayPage {
    chrome: Chrome,
    gw: String,
    params: Params,
    range: &'static str,
    ranges: Vec<&'static str>,
    orders: Vec<&'static str>,
    charts: Vec<Chart>,
    models: Vec<ModelRow>,
    rows: Vec<Row>,
    total: u64,
    prev: Option<String>,
    next: Option<String>,
    /// New rows arrive live (page 1 only).
    live: bool,
}

impl GatewayPage {
    /// ` selected` when parameter `name` is `value` (the form shows what was asked).
    fn selected(&self, name: &str, value: &str) -> &'static str {
        let current = if name == "range" { self.range } else { self.params.get(name) };
        if current == value { " selected" } else { "" }
    }
}

/// `GET /dashboard/gateways/{gw}`: charts, the by-model table and a page of logs.
pub(crate) async fn gateway(visit: Visit, Path(gw): Path<String>, RawQuery(raw): RawQuery) -> Response {
    visit
        .answer(async {
            check_gateway(&gw)?;
            let state = &visit.state;
            let (params, view) = Params::parse(raw.as_deref())
                .and_then(|p| View::of(&p, jiff::Timestamp::now()).map(|v| (p, v)))
                .map_err(|message| PageError::new(StatusCode::BAD_REQUEST, message))?;
            let (logs, info) = state.store.list(&gw, view.query.clone()).await?;
            let totals = state.store.stats(&gw, view.query.clone(), view.from_ms, view.to_ms, CHART_BUCKETS).await?;
            let ids: Vec<String> = logs.iter().map(|l| l.id.clone()).collect();
            let reviews = state.store.reviews(&gw, &ids).await?;
            let total = info.total_count.unwrap_or(0);
            let (page_number, per_page) = (view.query.page, view.query.per_page);
            let base = format!("/dashboard/gateways/{gw}?");
            let prev = (page_number > 1).then(|| format!("{base}{}", params.with_page(page_number - 1)));
            let next = (page_number.saturating_mul(per_page) < total)
                .then(|| format!("{base}{}", params.with_page(page_number + 1)));
            let template = GatewayPage {
                chrome: visit.chrome(format!("Gateway {gw}")),
                charts: charts(&totals, view.range),
                models: totals.by_model.iter().map(ModelRow::of).collect(),
                rows: logs.iter().map(|log| Row::of(log, reviews.get(&log.id))).collect(),
                live: page_number == 1,
                range: view.range,
                ranges: RANGES.iter().map(|(name, _)| *name).collect(),
                orders: ORDERS.to_vec(),
                params,
                gw,
                total,
                prev,
                next,
            };
            Ok(page(StatusCode::OK, &template))
        })
        .await
}

#[derive(Template)]
#[template(path = "row.html")]
struct RowFragment<'a> {
    gw: &'a str,
    row: &'a Row,
}

/// `GET /dashboard/gateways/{gw}/events`: each new log of `gw` as an
/// `event: log` whose data is its table row (one line of HTML). A reader
/// that falls [`LOG_FEED_CAPACITY`](crate::state::LOG_FEED_CAPACITY) logs
/// behind is dropped (the stream ends; the browser reconnects); at most
/// [`MAX_EVENT_STREAMS`](super::session::MAX_EVENT_STREAMS) are open at once.
pub(crate) async fn events(visit: Visit, Path(gw): Path<String>) -> Response {
    visit
        .answer(async {
            check_gateway(&gw)?;
            let permit = Arc::clone(&visit.state.dashboard.streams).try_acquire_owned().map_err(|_| {
                PageError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "too many live views are open; close one or reload later",
                )
            })?;
            let rows = live_rows(Arc::clone(&visit.state), gw, permit);
            Ok(Sse::new(rows).keep_alive(KeepAlive::default()).into_response())
        })
        .await
}

/// Each new log of `gw` as an `event: log` holding its row, while `permit` (a live view's slot) is held.
fn live_rows(
    state: Arc<AppState>,
    gw: String,
    permit: tokio::sync::OwnedSemaphorePermit,
) -> impl futures::Stream<Item = Result<Event, Infallible>> {
    let feed = state.log_feed.subscribe();
    futures::stream::unfold((feed, permit, state, gw), |(mut feed, permit, state, gw)| async move {
        loop {
            // Lagged (a slow reader), closed, or the gateway stopping: the stream ends.
            let stored = tokio::select! {
                () = state.stopping.cancelled() => return None,
                stored = feed.recv() => stored.ok()?,
            };
            if stored.gateway != gw {
                continue;
            }
            state.pending.settle(&gw, &stored.id, std::time::Duration::ZERO).await;
            let Ok(Some(log)) = state.store.get(&gw, &stored.id).await else { continue };
            let row = Row::of(&log, None);
            let Ok(html) = (RowFragment { gw: &gw, row: &row }).render() else { continue };
            let event = Event::default().event("log").data(html.replace(['\r', '\n'], " "));
            return Some((Ok::<_, Infallible>(event), (feed, permit, state, gw)));
        }
    })
}

// ---------------------------------------------------------------------------
// A log

/// A named field of the log page (`field-{name}`).
#[derive(Debug)]
struct Field {
    name: &'static str,
    label: &'static str,
    value: String,
}

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    chrome: Chrome,
    gw: String,
    id: String,
    fields: Vec<Field>,
    metadata: Vec<(String, String)>,
    request: String,
    /// A stream's events, or `None` for a whole answer (then `response`).
    events: Option<Vec<String>>,
    response: String,
}

/// `bytes` as text: JSON pretty-printed, anything else as (lossy) UTF-8.
fn pretty(bytes: &[u8]) -> String {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_default(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A server-sent event stream's events, each pretty-printed (`data:` JSON as JSON).
fn stream_events(body: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(body).replace("\r\n", "\n");
    text.split("\n\n")
        .filter(|event| !event.trim().is_empty())
        .map(|event| {
            event
                .lines()
                .map(|line| match line.strip_prefix("data:").map(str::trim_start) {
                    Some(data) => match serde_json::from_str::<Value>(data) {
                        Ok(json) => format!("data: {}", serde_json::to_string_pretty(&json).unwrap_or_default()),
                        Err(_) => line.to_owned(),
                    },
                    None => line.to_owned(),
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

fn metadata_entries(metadata: Option<&LogMetadata>) -> Vec<(String, String)> {
    let entries = match metadata {
        None => return Vec::new(),
        Some(LogMetadata::Text(text)) => return vec![("(text)".to_owned(), text.clone())],
        Some(LogMetadata::Entries(entries)) => entries,
    };
    // The logs API sends the entries as a JSON object in a string.
    let object = match serde_json::to_value(entries) {
        Ok(Value::String(text)) => serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text)),
        Ok(other) => other,
        Err(_) => Value::Null,
    };
    match object {
        Value::Object(entries) => entries
            .into_iter()
            .map(|(key, value)| {
                let text = match value {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                (key, text)
            })
            .collect(),
        other => vec![("(value)".to_owned(), other.to_string())],
    }
}

fn fields(log: &AiGatewayLog, review: Review) -> Vec<Field> {
    let field = |name: &'static str, label: &'static str, value: String| Field { name, label, value };
    let mut fields = vec![
        field("id", "Id", log.id.clone()),
        field("created_at", "Created", created_text(log)),
        field("provider", "Provider", log.provider.to_string()),
        field("model", "Model", log.model.clone()),
        field("success", "Success", log.success.to_string()),
        field("cached", "Cached", log.cached.to_string()),
        field("status_code", "Status", or_dash(log.status_code)),
        field("duration", "Duration", format!("{} ms", log.duration)),
        field("tokens_in", "Tokens in", or_dash(log.tokens_in)),
        field("tokens_out", "Tokens out", or_dash(log.tokens_out)),
        field("cost", "Cost", cost_text(log.cost)),
        field("feedback", "Feedback", feedback_text(review.feedback)),
        field("score", "Score", or_dash(review.score)),
        field("step", "Step", or_dash(log.step)),
    ];
    if let Some(route) = &log.dynamic_route {
        fields.push(field("route_name", "Route", route.name.clone()));
        fields.push(field("route_version", "Route version", route.version_id.clone()));
        fields.push(field("route_path", "Route path", route.path.join(" → ")));
    }
    fields
}

/// A log's stored body, or its head when the body was not kept.
async fn body_of(
    state: &AppState,
    gw: &str,
    id: &str,
    response: bool,
    head: Option<&str>,
) -> (Option<String>, Vec<u8>) {
    match state.store.payload(gw, id, response).await {
        Ok(Some((content_type, Some(body)))) => (content_type, body),
        Ok(Some((content_type, None))) => (content_type, head.unwrap_or_default().as_bytes().to_vec()),
        _ => (None, head.unwrap_or_default().as_bytes().to_vec()),
    }
}

/// `GET /dashboard/gateways/{gw}/logs/{id}`: a log's fields, metadata and bodies.
pub(crate) async fn log(visit: Visit, Path((gw, id)): Path<(String, String)>) -> Response {
    visit
        .answer(async {
            check_gateway(&gw)?;
            let state = &visit.state;
            state.pending.settle(&gw, &id, PENDING_LOG_WAIT).await;
            let log = state.store.get(&gw, &id).await?.ok_or_else(|| PageError::no_log(&gw, &id))?;
            let review = state
                .store
                .reviews(&gw, std::slice::from_ref(&id))
                .await?
                .remove(&id)
                .unwrap_or(Review { feedback: None, score: None });
            let (_, request) = body_of(state, &gw, &id, false, log.request_head.as_deref()).await;
            let (content_type, response) = body_of(state, &gw, &id, true, log.response_head.as_deref()).await;
            let streamed = content_type.as_deref().is_some_and(|t| t.starts_with("text/event-stream"));
            let template = LogPage {
                chrome: visit.chrome(format!("Log {id}")),
                fields: fields(&log, review),
                metadata: metadata_entries(log.metadata.as_ref()),
                request: pretty(&request),
                events: streamed.then(|| stream_events(&response)),
                response: if streamed { String::new() } else { pretty(&response) },
                gw,
                id,
            };
            Ok(page(StatusCode::OK, &template))
        })
        .await
}

/// `POST /dashboard/gateways/{gw}/logs/{id}/feedback` (form `csrf`, and
/// `feedback` or `score`): the logs API's patch, with its validation.
pub(crate) async fn feedback(visit: Visit, Path((gw, id)): Path<(String, String)>, body: Bytes) -> Response {
    visit
        .answer(async {
            check_gateway(&gw)?;
            let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
            if let Some(session) = &visit.signed_in {
                if !session.csrf_matches(form.get("csrf").map_or("", String::as_str)) {
                    return Err(PageError::new(StatusCode::FORBIDDEN, "the form's CSRF token is not this session's"));
                }
            }
            // As the logs API's PATCH body: numbers as numbers, anything else as the text sent (refused by name).
            let mut patch = serde_json::Map::new();
            for name in ["feedback", "score"] {
                if let Some(raw) = form.get(name) {
                    let value = match serde_json::from_str::<Value>(raw.trim()) {
                        Ok(number @ Value::Number(_)) => number,
                        _ => Value::String(raw.clone()),
                    };
                    patch.insert(name.to_owned(), value);
                }
            }
            if patch.is_empty() {
                return Err(PageError::new(StatusCode::BAD_REQUEST, "send feedback (1 or -1) or a score (0 to 100)"));
            }
            let changes = crate::routes::parse_log_patch(Value::Object(patch).to_string().as_bytes())
                .map_err(|message| PageError::new(StatusCode::BAD_REQUEST, message))?;
            if !visit.state.store.patch(&gw, &id, changes).await? {
                return Err(PageError::no_log(&gw, &id));
            }
            Ok(see_other(&format!("/dashboard/gateways/{gw}/logs/{id}")))
        })
        .await
}

// ---------------------------------------------------------------------------
// Signing in and out

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    next: String,
    error: Option<String>,
}

/// Where to go after signing in: `next` if it is a dashboard path, else the dashboard.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with("/dashboard")
                && !path.contains(['\\', '\r', '\n'])
                && !path.starts_with("/dashboard/login") =>
        {
            path.to_owned()
        }
        _ => "/dashboard".to_owned(),
    }
}

fn login_page(state: &AppState, status: StatusCode, next: String, error: Option<String>) -> Response {
    page(status, &LoginPage { chrome: Chrome::of(state, None, "Sign in"), next, error })
}

/// `GET /dashboard/login?next=...`: the sign-in form (none needed without a token).
pub(crate) async fn login_form(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Response {
    let next = url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .find(|(key, _)| key == "next")
        .map(|(_, value)| value.into_owned());
    let next = safe_next(next.as_deref());
    if state.config.api_token.is_none() {
        return see_other(&next);
    }
    login_page(&state, StatusCode::OK, next, None)
}

/// What a wrong token is told.
pub(crate) const WRONG_TOKEN: &str = "That token is not this gateway's API token.";

/// `POST /dashboard/login` (form `token`, `next`): a session cookie and a
/// redirect to `next` when the token is the API token.
pub(crate) async fn login(
    State(state): State<Arc<AppState>>,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: Bytes,
) -> Response {
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    let next = safe_next(form.get("next").map(String::as_str));
    let Some(token) = &state.config.api_token else { return see_other(&next) };
    let client = client.map_or_else(|| "unknown".to_owned(), |Extension(ConnectInfo(addr))| addr.ip().to_string());
    if !state.dashboard.admit_login(&format!("login:{client}")) {
        let message = "Too many sign-in attempts from this address; wait a minute and try again.".to_owned();
        return login_page(&state, StatusCode::TOO_MANY_REQUESTS, next, Some(message));
    }
    let presented = form.get("token").map_or("", String::as_str);
    if !constant_time_eq(presented.as_bytes(), token.as_bytes()) {
        return login_page(&state, StatusCode::UNAUTHORIZED, next, Some(WRONG_TOKEN.to_owned()));
    }
    let Some(session) = state.dashboard.start_session() else {
        return error_page(&state, None, StatusCode::SERVICE_UNAVAILABLE, "no randomness for a session id");
    };
    let mut response = see_other(&next);
    if let Ok(cookie) = HeaderValue::from_str(&set_cookie(&session)) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// `POST /dashboard/logout`: ends the session and clears its cookie.
pub(crate) async fn logout(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let cookie = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).and_then(session_cookie);
    if let Some(id) = cookie {
        state.dashboard.end_session(id);
    }
    let mut response = see_other("/dashboard/login");
    if let Ok(cookie) = HeaderValue::from_str(&clear_cookie()) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

// ---------------------------------------------------------------------------
// Assets

/// The dashboard's style sheet (hand-written, no build step).
const CSS: &str = include_str!("../../assets/dashboard.css");
/// The dashboard's script: live rows and the range select (hand-written, no build step).
const JS: &str = include_str!("../../assets/dashboard.js");

/// `GET /dashboard/assets/{name}`: `dashboard.css` and `dashboard.js`.
pub(crate) async fn asset(State(state): State<Arc<AppState>>, Path(name): Path<String>) -> Response {
    let (body, content_type) = match name.as_str() {
        "dashboard.css" => (CSS, "text/css; charset=utf-8"),
        "dashboard.js" => (JS, "text/javascript; charset=utf-8"),
        _ => return error_page(&state, None, StatusCode::NOT_FOUND, "no such asset"),
    };
    let mut response = (StatusCode::OK, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_in_the_dashboard() {
        assert_eq!(safe_next(Some("/dashboard/gateways/main?x=1")), "/dashboard/gateways/main?x=1");
        for bad in ["https://evil.example/", "//evil.example", "/client/v4", "/dashboard/login", "/dashboard\\x"] {
            assert_eq!(safe_next(Some(bad)), "/dashboard", "{bad}");
        }
        assert_eq!(safe_next(None), "/dashboard");
    }

    #[test]
    fn stream_bodies_become_their_events() {
        let events = stream_events(b"data: {\"a\":1}\n\ndata: [DONE]\n\n");
        assert_eq!(events, ["data: {\n  \"a\": 1\n}", "data: [DONE]"]);
    }
}
