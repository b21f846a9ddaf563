//! The connection layer: an accept loop with a cap on connections, HTTP/1.1
//! with keep-alive, per-connection deadlines for a request's head and for
//! idleness, a deadline for request bodies, and a shutdown with a grace period.
//!
//! Each connection is in one of three phases, and its deadline follows:
//! waiting for a request's head (`header_read_timeout_ms` from the accept,
//! or from the first byte of a later request), idle between requests
//! (`idle_timeout_ms` from the end of the last response), or busy with a
//! request (no connection deadline: the body has its own,
//! `body_read_timeout_ms` from the head, and answers may take as long as the
//! upstream does). A connection past its deadline is closed: it has no
//! request in flight by then. A body past its deadline is cut, and the
//! answer becomes a 408 in the shape of the API asked.

use std::convert::Infallible;
use std::future::Future as _;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use bytes::Bytes;
use http_body::Frame;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::LocalConfig;
use crate::error::{Rejection, Shape};

/// How long, after the grace period, cut connections get to let go.
const CUT_WAIT: Duration = Duration::from_secs(1);
/// How long shutdown waits for the logs of cut streams to be completed.
const LOG_WAIT: Duration = Duration::from_secs(2);
/// How long the accept loop pauses when accepting fails (out of file descriptors).
const ACCEPT_PAUSE: Duration = Duration::from_millis(50);
/// At most one warning about failing accepts per this interval.
const ACCEPT_WARN_EVERY: Duration = Duration::from_secs(10);
/// File descriptors kept for everything but connections (the store, the runtime, logs).
const FD_RESERVE: usize = 32;

/// The connection settings of a [`LocalConfig`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    header_read: Duration,
    idle: Duration,
    body_read: Duration,
    max_connections: usize,
    grace: Duration,
}

impl Limits {
    pub(crate) fn of(config: &LocalConfig) -> Self {
        Self {
            header_read: Duration::from_millis(config.header_read_timeout_ms),
            idle: Duration::from_millis(config.idle_timeout_ms),
            body_read: Duration::from_millis(config.body_read_timeout_ms),
            max_connections: config.max_connections,
            grace: Duration::from_millis(config.shutdown_grace_ms),
        }
    }
}

/// Serves `app` on `listener` until `stop` is cancelled, then shuts down:
/// stops accepting, lets requests in flight finish for the grace period,
/// cuts what is left, and waits (bounded) for `background` work (the logs of
/// streams) to end.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    stop: CancellationToken,
    background: TaskTracker,
) {
    let cap = match open_file_limit().map(|limit| limit.saturating_sub(FD_RESERVE) / 2) {
        // Each connection may need a second descriptor for its upstream request.
        Some(budget) if budget < limits.max_connections => {
            let budget = budget.max(1);
            tracing::warn!(
                max_connections = limits.max_connections,
                capped_at = budget,
                "max_connections is more than the open-file limit allows (two descriptors each): capping"
            );
            budget
        }
        _ => limits.max_connections,
    };
    let permits = Arc::new(Semaphore::new(cap));
    let connections = TaskTracker::new();
    let drain = CancellationToken::new();
    let cut = CancellationToken::new();
    let mut last_warning: Option<Instant> = None;
    loop {
        // Past the cap nothing is accepted: new connections wait in the backlog.
        let permit = tokio::select! {
            biased;
            () = stop.cancelled() => break,
            permit = Arc::clone(&permits).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let accepted = tokio::select! {
            biased;
            () = stop.cancelled() => break,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok(accepted) => accepted,
            Err(e) if is_connection_error(&e) => continue,
            Err(e) => {
                // Out of file descriptors, most likely: serve the connections we have, retry soon.
                if last_warning.is_none_or(|at| at.elapsed() >= ACCEPT_WARN_EVERY) {
                    tracing::warn!(error = %e, "cannot accept connections (lower max_connections?)");
                    last_warning = Some(Instant::now());
                }
                drop(permit);
                tokio::time::sleep(ACCEPT_PAUSE).await;
                continue;
            }
        };
        let (stream, peer) = stream;
        connections.spawn(connection(stream, peer, app.clone(), limits, permit, drain.clone(), cut.clone()));
    }
    // Refuse new connections from here on.
    drop(listener);
    drain.cancel();
    connections.close();
    if tokio::time::timeout(limits.grace, connections.wait()).await.is_err() {
        tracing::warn!(
            connections = connections.len(),
            grace_ms = limits.grace.as_millis(),
            "grace period over: cutting the connections still open"
        );
        cut.cancel();
        let _ = tokio::time::timeout(CUT_WAIT, connections.wait()).await;
    }
    background.close();
    if tokio::time::timeout(LOG_WAIT, background.wait()).await.is_err() {
        tracing::error!(left = background.len(), "some stream logs could not be completed before the shutdown");
    }
}

/// The process's soft limit on open files, where it can be read (Linux).
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|line| line.starts_with("Max open files"))?;
    line.trim_start_matches("Max open files").split_whitespace().next()?.parse().ok()
}

/// Errors of one incoming connection, not of the listener.
fn is_connection_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}

/// Serves one connection until it ends, passes its deadline, or is cut.
async fn connection(
    stream: TcpStream,
    peer: std::net::SocketAddr,
    app: Router,
    limits: Limits,
    _permit: OwnedSemaphorePermit,
    drain: CancellationToken,
    cut: CancellationToken,
) {
    // Small writes (the last event of a stream) must not wait for the peer's delayed ACK.
    let _ = stream.set_nodelay(true);
    let watch = Arc::new(Watch::new(limits));
    let io = TokioIo::new(Watched { inner: stream, watch: Arc::clone(&watch) });
    let service = {
        let watch = Arc::clone(&watch);
        hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let busy = Busy::begin(&watch);
            watch.body_timed_out.store(false, Ordering::Release);
            let shape = Shape::of_path(request.uri().path());
            let mut request = request.map(|body| TimedBody::new(body, limits.body_read, Arc::clone(&watch)));
            // Who is asking, for per-client limits (the dashboard's login attempts).
            request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
            let call = tower_service::Service::call(&mut app.clone(), request);
            let watch = Arc::clone(&watch);
            async move {
                let mut response = call.await?;
                if watch.body_timed_out.swap(false, Ordering::AcqRel) {
                    response = body_timeout_answer(shape, limits.body_read);
                }
                Ok::<_, Infallible>(response.map(|inner| Answer { inner, _busy: busy }))
            }
        })
    };
    let mut builder = hyper::server::conn::http1::Builder::new();
    // Our own deadlines (the `Watch`) replace hyper's header timeout, which also ends idle keep-alives.
    builder.keep_alive(true).header_read_timeout(None);
    let conn = builder.serve_connection(io, service);
    tokio::pin!(conn);
    let mut draining = false;
    loop {
        let wake_at = watch.arm();
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                return;
            }
            () = watch.changed.notified() => {}
            () = tokio::time::sleep_until(wake_at) => {
                if watch.expired() {
                    tracing::debug!("closing a connection idle or slow to send its request");
                    return;
                }
            }
            () = drain.cancelled(), if !draining => {
                // Finish the request in flight, if any, then close.
                draining = true;
                conn.as_mut().graceful_shutdown();
            }
            () = cut.cancelled() => return,
        }
    }
}

/// Where a connection is between requests, for its deadline.
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// Waiting for the rest of a request's head, since the accept or its first byte.
    Head(Instant),
    /// Between requests since the last answer ended; nothing received yet.
    Idle(Instant),
    /// This many requests in flight.
    Busy(usize),
}

/// A connection's phase, shared by its IO, its service and its watchdog.
///
/// The watchdog sleeps until the time it last armed and then looks again:
/// a phase change wakes it only when its deadline is earlier than that
/// time (or nothing is armed), so a keep-alive connection serving request
/// after request wakes its watchdog about once per deadline period, not
/// twice per request.
#[derive(Debug)]
struct Watch {
    state: Mutex<WatchState>,
    /// Woken when a deadline earlier than the armed time appeared.
    changed: Notify,
    /// The body of the request in flight was cut at its deadline (HTTP/1.1
    /// serves one request at a time per connection).
    body_timed_out: AtomicBool,
    limits: Limits,
}

#[derive(Debug)]
struct WatchState {
    phase: Phase,
    /// When the watchdog wakes next, if it armed a time.
    armed: Option<Instant>,
}

impl Watch {
    fn new(limits: Limits) -> Self {
        Self {
            state: Mutex::new(WatchState { phase: Phase::Head(Instant::now()), armed: None }),
            changed: Notify::new(),
            body_timed_out: AtomicBool::new(false),
            limits,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, WatchState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn deadline_of(&self, phase: Phase) -> Option<Instant> {
        match phase {
            Phase::Head(since) => Some(since + self.limits.header_read),
            Phase::Idle(since) => Some(since + self.limits.idle),
            Phase::Busy(_) => None,
        }
    }

    /// The time the watchdog sleeps until: the phase's deadline, or while
    /// busy a look-again time (a request's answer ends with a phase change
    /// that may need a deadline, and looking again then costs one wake-up).
    fn arm(&self) -> Instant {
        let mut state = self.state();
        let at = self
            .deadline_of(state.phase)
            .unwrap_or_else(|| Instant::now() + self.limits.header_read.min(self.limits.idle));
        state.armed = Some(at);
        at
    }

    fn expired(&self) -> bool {
        self.deadline_of(self.state().phase).is_some_and(|deadline| deadline <= Instant::now())
    }

    /// Sets the phase; wakes the watchdog if the new deadline comes before its armed time.
    fn enter(&self, state: &mut WatchState, phase: Phase) {
        state.phase = phase;
        if let Some(deadline) = self.deadline_of(phase) {
            if state.armed.is_none_or(|armed| deadline < armed) {
                state.armed = Some(deadline);
                self.changed.notify_one();
            }
        }
    }

    /// Bytes arrived: an idle connection starts a request's head.
    fn received(&self) {
        let mut state = self.state();
        if let Phase::Idle(_) = state.phase {
            self.enter(&mut state, Phase::Head(Instant::now()));
        }
    }
}

/// A request in flight on a connection, until its answer's body is done.
#[derive(Debug)]
struct Busy(Arc<Watch>);

impl Busy {
    fn begin(watch: &Arc<Watch>) -> Self {
        let mut state = watch.state();
        let busy = match state.phase {
            Phase::Busy(n) => Phase::Busy(n + 1),
            Phase::Head(_) | Phase::Idle(_) => Phase::Busy(1),
        };
        watch.enter(&mut state, busy);
        drop(state);
        Self(Arc::clone(watch))
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let mut state = self.0.state();
        let next = match state.phase {
            Phase::Busy(n) if n > 1 => Phase::Busy(n - 1),
            _ => Phase::Idle(Instant::now()),
        };
        self.0.enter(&mut state, next);
    }
}

/// An answer's body; the request stays in flight until it is dropped.
struct Answer {
    inner: Body,
    _busy: Busy,
}

impl http_body::Body for Answer {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// A connection's socket, telling its [`Watch`] when bytes arrive.
struct Watched {
    inner: TcpStream,
    watch: Arc<Watch>,
}

impl AsyncRead for Watched {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.watch.received();
        }
        result
    }
}

impl AsyncWrite for Watched {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Why a request body was cut.
#[derive(Debug)]
struct BodyTimedOut;

impl std::fmt::Display for BodyTimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body did not arrive in time")
    }
}

impl std::error::Error for BodyTimedOut {}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A request body that must arrive in full by a deadline; past it, reading
/// fails with [`BodyTimedOut`] and the connection's [`Watch`] is told, so
/// the answer becomes a 408.
struct TimedBody<B> {
    inner: B,
    deadline: Instant,
    /// Made only when the body is not all there at once.
    sleep: Option<Pin<Box<Sleep>>>,
    watch: Arc<Watch>,
    cut: bool,
}

impl<B> TimedBody<B> {
    fn new(inner: B, limit: Duration, watch: Arc<Watch>) -> Self {
        Self { inner, deadline: Instant::now() + limit, sleep: None, watch, cut: false }
    }

    fn cut(&mut self) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        self.cut = true;
        self.watch.body_timed_out.store(true, Ordering::Release);
        Poll::Ready(Some(Err(Box::new(BodyTimedOut))))
    }
}

impl<B> http_body::Body for TimedBody<B>
where
    B: http_body::Body<Data = Bytes> + Unpin,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        if self.cut {
            return Poll::Ready(None);
        }
        match Pin::new(&mut self.inner).poll_frame(cx) {
            // A body arriving steadily but too slowly is cut too.
            Poll::Ready(Some(Ok(_))) if !self.inner.is_end_stream() && Instant::now() >= self.deadline => self.cut(),
            Poll::Ready(frame) => Poll::Ready(frame.map(|frame| frame.map_err(Into::into))),
            Poll::Pending => {
                let deadline = self.deadline;
                let sleep = self.sleep.get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
                if sleep.as_mut().poll(cx).is_ready() { self.cut() } else { Poll::Pending }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.cut || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// The 408 for a request whose body did not arrive within `limit`, in the
/// shape of the API asked; the connection closes after it (the rest of the
/// body is unread).
fn body_timeout_answer(shape: Shape, limit: Duration) -> axum::response::Response {
    let message = format!("the request body did not arrive within {} ms", limit.as_millis());
    let rejection = Rejection::new(shape, StatusCode::REQUEST_TIMEOUT, shape.bad_request_code(), message);
    axum::response::IntoResponse::into_response(
        rejection.with_header(header::CONNECTION, HeaderValue::from_static("close")),
    )
}
