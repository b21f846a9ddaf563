//! The dashboard at `/dashboard`: server-rendered pages over the log store
//! (askama templates under `templates/`, `plotters` SVG charts, a little
//! hand-written CSS and JavaScript under `assets/`), usable without
//! JavaScript (the README's "The dashboard" says what it shows). Its paths,
//! element ids and forms are a contract with the browser test: change them
//! together.
//!
//! - `session`: sessions, CSRF tokens, login attempts, the stream cap;
//! - `filters`: the page's parameters as the logs API's query;
//! - `charts`: the SVG charts;
//! - `pages`: the handlers.
//!
//! Protected by the v4 API token when one is configured: [`guard`] sends a
//! visitor without a session to the login form (a `303`; the event stream
//! and POSTs get a `401`), refuses POSTs from other origins (`403`), and
//! puts security headers on every dashboard response.

mod charts;
mod filters;
mod pages;
mod session;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};

pub(crate) use self::session::DashboardState;
use self::session::session_cookie;
use crate::state::AppState;

/// The dashboard's Content Security Policy: its own scripts, styles and
/// connections only, no inline script or style, no framing, forms posting
/// only to itself.
pub(crate) const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'";

/// The dashboard's routes (`/` redirects to it), behind [`guard`].
pub(crate) fn router(state: Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(|| async { pages::see_other("/dashboard") }))
        .route("/dashboard", get(pages::gateways))
        .route("/dashboard/", get(|| async { pages::see_other("/dashboard") }))
        .route("/dashboard/login", get(pages::login_form).post(pages::login))
        .route("/dashboard/logout", post(pages::logout))
        .route("/dashboard/assets/{name}", get(pages::asset))
        .route("/dashboard/gateways/{gw}", get(pages::gateway))
        .route("/dashboard/gateways/{gw}/events", get(pages::events))
        .route("/dashboard/gateways/{gw}/logs/{id}", get(pages::log))
        .route("/dashboard/gateways/{gw}/logs/{id}/feedback", post(pages::feedback))
        .route("/dashboard/{*rest}", get(not_found))
        .layer(middleware::from_fn_with_state(state, guard))
}

async fn not_found(State(state): State<Arc<AppState>>) -> Response {
    pages::error_page(&state, None, StatusCode::NOT_FOUND, "no such dashboard page")
}

/// Paths open without a session: signing in, and the assets the login page uses.
fn is_public(path: &str) -> bool {
    path == "/" || path == "/dashboard/login" || path == "/dashboard/logout" || path.starts_with("/dashboard/assets/")
}

/// Whether a request's `Origin` (when sent) is this server: the `Host` it
/// was sent to, or the address the gateway announces.
fn same_origin(headers: &HeaderMap, state: &AppState) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else { return true };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let origin = origin.as_bytes();
    (!host.is_empty() && origin == format!("http://{host}").as_bytes()) || origin == state.public_url.as_bytes()
}

/// The dashboard's gate: security headers on every answer; cross-origin
/// POSTs refused; with an API token configured, a session required except
/// for [`is_public`] paths (the page's session is handed on as an extension).
async fn guard(State(state): State<Arc<AppState>>, mut request: Request, next: Next) -> Response {
    let mut response = match gate(&state, &mut request) {
        Some(refused) => refused,
        None => next.run(request).await,
    };
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `Some(answer)` when the request is refused or redirected; `None` to serve it.
fn gate(state: &AppState, request: &mut Request) -> Option<Response> {
    let path = request.uri().path().to_owned();
    let posting = request.method() == Method::POST;
    let headers = request.headers();
    let cross_site =
        headers.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site" || v.as_bytes() == b"same-site");
    if posting && (!same_origin(headers, state) || cross_site) {
        return Some(pages::error_page(
            state,
            None,
            StatusCode::FORBIDDEN,
            "a form from another site cannot post here",
        ));
    }
    if state.config.api_token.is_none() || is_public(&path) {
        return None;
    }
    let session = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(session_cookie)
        .and_then(|id| state.dashboard.session(id));
    if let Some(session) = session {
        request.extensions_mut().insert(session);
        return None;
    }
    if posting || path.ends_with("/events") || request.method() != Method::GET {
        return Some(pages::error_page(
            state,
            None,
            StatusCode::UNAUTHORIZED,
            "sign in first: this dashboard needs the API token",
        ));
    }
    let wanted = request.uri().path_and_query().map_or(path.as_str(), |pq| pq.as_str());
    let query = url::form_urlencoded::Serializer::new(String::new()).append_pair("next", wanted).finish();
    Some(pages::see_other(&format!("/dashboard/login?{query}")))
}
