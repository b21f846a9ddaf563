//! `gateway-local`: a local AI Gateway that speaks Cloudflare's HTTP API.
//!
//! It serves the gateway host (`/v1/{account}/{gateway}`: the universal
//! endpoint, every provider route and `/compat/chat/completions`) and the v4
//! logs API (`/client/v4/accounts/{account}/ai-gateway/gateways/{gateway}/...`)
//! with Cloudflare's paths, headers, bodies and error shapes, keeps logs in
//! SQLite, caches, retries and falls back. With the offline upstream (a
//! documented test double) it needs no network at all.
//!
//! A log that cannot be written (full disk, a database locked by another
//! process) never costs the client its answer: the answer goes out with
//! `x-gateway-local-log-error: <reason>` and no log id, and `GET /health`
//! (ours, not Cloudflare's) reports `degraded` with the failures counted,
//! as it does when the database file is deleted or replaced under the
//! running gateway.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use gateway_local::LocalGateway;
//!
//! let gateway = LocalGateway::builder().offline(true).start().await?;
//! let ai = gateway_core::Ai::new(gateway.client_config())?;
//! // ... typed calls against http://127.0.0.1:<port> ...
//! gateway.shutdown().await?;
//! # Ok(()) }
//! ```
//!
//! Where things live: `routes` (thin handlers) and `server` (connections,
//! deadlines, shutdown) take requests in; `proxy` runs them (steps,
//! retries, fallbacks, streams, what a log records, cost); `spend` checks
//! spend limits against logged costs before upstream calls; `store` keeps the
//! logs (all SQL); `upstream` sends to a provider's base URL or answers from
//! the offline double ([`OfflineUpstream`]); `error` is the one error type
//! with every code; `telemetry` feeds `/metrics` and the OTLP span export
//! from each step; `cache`, `credentials` and `options` are what their names say.

#![allow(
    clippy::result_large_err,
    reason = "handlers reject with a ready `Response`; it only travels the error path once"
)]
mod cache;
pub mod config;
mod credentials;
mod dashboard;
mod error;
mod gateways;
mod options;
mod proxy;
mod routes;
mod server;
mod spend;
mod state;
mod store;
mod telemetry;
mod upstream;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub use config::{FaultKind, GatewaySettings, LocalConfig, OfflineFault, UnknownGateway};
pub use store::{Database, LogLimitStrategy, Store, StoreError};
pub use upstream::offline::{Fault, FaultRule, OfflineUpstream};
// What the offline double's API hands out: the request it saw, the answer it gives.
pub use upstream::{UpstreamBody, UpstreamError, UpstreamRequest, UpstreamResponse};

use crate::cache::Cache;
use crate::state::{AppState, PendingLogs, RateLimiter};
use crate::upstream::forward::{HttpUpstream, RoutedUpstream};

/// Entry points for the fuzz targets (`fuzz/`): the parsers of untrusted
/// input, without a server. Not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    /// Parses `cf-aig-*` request headers; `Err` names the bad header.
    pub fn parse_gateway_headers(pairs: &[(&str, &str)]) -> Result<(), String> {
        crate::options::HeaderOptions::parse(pairs.iter().copied())
            .map(|_| ())
            .map_err(|e| format!("{}: {}", e.name, e.reason))
    }

    /// Parses a logs list (or bulk delete) query string.
    pub fn parse_logs_query(raw: &str, for_delete: bool) -> Result<usize, String> {
        crate::routes::parse_logs_query(raw, for_delete)
    }

    /// Checks a caller's provider endpoint.
    pub fn check_endpoint(endpoint: &str) -> Result<(), String> {
        crate::routes::endpoint_problem(endpoint)
    }
}

/// Why a gateway could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The configuration is invalid.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// The database could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
}

/// Builds a [`LocalGateway`].
#[derive(Debug)]
pub struct LocalGatewayBuilder {
    config: LocalConfig,
    database: Database,
    offline: bool,
    addr: SocketAddr,
    /// Providers registered with [`provider`](Self::provider): slug → base URL.
    providers: std::collections::BTreeMap<String, String>,
}

impl LocalGatewayBuilder {
    /// Uses `config`.
    #[must_use]
    pub fn config(mut self, config: LocalConfig) -> Self {
        self.config = config;
        self
    }
    /// Keeps logs in `database` (default: in memory).
    #[must_use]
    pub fn database(mut self, database: Database) -> Self {
        self.database = database;
        self
    }
    /// Answers every provider without an explicit upstream URL from the
    /// offline test double instead of the provider's real API.
    #[must_use]
    pub fn offline(mut self, offline: bool) -> Self {
        self.offline = offline;
        self
    }
    /// Forwards `provider`'s requests to its own
    /// [`base_url`](gateway_core::Provider::base_url), so a custom provider
    /// (`#[derive(Provider)]` with `base_url = "..."`) states its URL in one
    /// place, its type, and an embedded gateway learns it from there. An
    /// explicit upstream for the same slug (`[upstreams]`,
    /// [`LocalConfig::with_upstream`]) wins; a published provider whose base
    /// URL is the provider table's adds nothing (the gateway knows it, and
    /// the offline double still answers it). The URL is checked as
    /// `[upstreams]` entries are, when the gateway starts.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use gateway_core::Provider;
    /// use gateway_local::LocalGateway;
    ///
    /// #[derive(Debug, Provider)]
    /// #[provider(slug = "my-llm", base_url = "http://127.0.0.1:9000/v1", auth = none)]
    /// struct MyLlm {}
    ///
    /// let gateway = LocalGateway::builder().offline(true).provider(&MyLlm {}).start().await?;
    /// assert_eq!(gateway.config().upstreams["my-llm"], "http://127.0.0.1:9000/v1");
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn provider(mut self, provider: &dyn gateway_core::Provider) -> Self {
        let slug = provider.slug();
        let known = gateway_core::provider::builtin_facts(&slug).map(|(base, _)| base);
        if known != Some(provider.base_url()) {
            self.providers.insert(slug.as_str().to_owned(), provider.base_url().to_owned());
        }
        self
    }
    /// Listens on `addr` (default `127.0.0.1:0`: loopback, a free port).
    #[must_use]
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// Opens the store, binds, and serves in the background.
    pub async fn start(mut self) -> Result<LocalGateway, StartError> {
        for (slug, base_url) in std::mem::take(&mut self.providers) {
            self.config.upstreams.entry(slug).or_insert(base_url);
        }
        self.config.validate()?;
        let limits = store::StoreLimits {
            query_time_limit: std::time::Duration::from_millis(self.config.log_query_time_limit_ms),
            write_wait: std::time::Duration::from_millis(self.config.log_write_wait_ms),
            memory_log_limit: self.config.memory_log_limit,
            memory_log_bytes: self.config.memory_log_bytes,
        };
        if self.database == Database::Memory {
            tracing::info!(
                "logs are kept in memory: at most {} per gateway (memory_log_limit) and {} MiB in all \
                 (memory_log_bytes), the oldest dropped first; --db FILE keeps them across restarts",
                self.config.memory_log_limit,
                self.config.memory_log_bytes / (1024 * 1024)
            );
        }
        let store = Store::open_with(&self.database, limits)?;
        let created = gateways::CreatedGateways::load(&store).await?;
        let listener =
            TcpListener::bind(self.addr).await.map_err(|source| StartError::Bind { addr: self.addr, source })?;
        let addr = listener.local_addr().map_err(|source| StartError::Bind { addr: self.addr, source })?;
        if !self.offline && !self.config.offline_faults.is_empty() {
            return Err(StartError::Config(config::ConfigError::Invalid(
                "offline_faults need the offline test double (`--offline`)".to_owned(),
            )));
        }
        let offline = self.offline.then(|| {
            let double = OfflineUpstream::new();
            for fault in &self.config.offline_faults {
                double.add_fault(fault.to_rule());
            }
            Arc::new(double)
        });
        let upstream = RoutedUpstream {
            http: HttpUpstream::new(
                self.config.account_id.clone(),
                self.config.upstreams.clone(),
                self.config.max_response_bytes,
            ),
            offline: offline.clone(),
        };
        let cache = Cache::new(self.config.cache_max_bytes, self.config.cache_max_entry_bytes);
        let keys = credentials::StoredKeys::resolve(&self.config)?;
        let route_seed = self.config.route_seed;
        let telemetry =
            telemetry::Telemetry::new(&self.config).map_err(|e| StartError::Config(config::ConfigError::Invalid(e)))?;
        let stop = CancellationToken::new();
        let state = Arc::new(AppState {
            config: self.config,
            store: store.clone(),
            upstream: Arc::new(upstream),
            cache,
            gateways: created,
            rate: RateLimiter::default(),
            routes: proxy::route::RouteState::new(route_seed),
            keys,
            pending: PendingLogs::default(),
            tasks: tokio_util::task::TaskTracker::new(),
            public_url: format!("http://{addr}"),
            telemetry,
            log_feed: state::LogFeed::default(),
            dashboard: dashboard::DashboardState::default(),
            stopping: stop.clone(),
        });
        let app = routes::router(Arc::clone(&state));
        let watcher = store.watch_file(std::time::Duration::from_millis(state.config.database_check_interval_ms));
        let limits = server::Limits::of(&state.config);
        let task = tokio::spawn(server::serve(listener, app, limits, stop.clone(), state.tasks.clone()));
        tracing::info!(%addr, "gateway-local listening");
        Ok(LocalGateway { addr, state, store, offline, stop, task: Some(task), watcher })
    }
}

/// A running local gateway. Dropping it stops it; [`shutdown`](Self::shutdown)
/// stops it gracefully, finishing requests in flight. Either way, requests
/// and streams still running after `shutdown_grace_ms` are cut, and the logs
/// of cut streams completed.
#[derive(Debug)]
pub struct LocalGateway {
    addr: SocketAddr,
    state: Arc<AppState>,
    store: Store,
    offline: Option<Arc<OfflineUpstream>>,
    stop: CancellationToken,
    task: Option<JoinHandle<()>>,
    /// Checks the database file; stopped with the gateway.
    watcher: Option<JoinHandle<()>>,
}

impl LocalGateway {
    /// A builder with default settings: in-memory logs, real upstreams, loopback.
    pub fn builder() -> LocalGatewayBuilder {
        LocalGatewayBuilder {
            config: LocalConfig::default(),
            database: Database::Memory,
            offline: false,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            providers: std::collections::BTreeMap::new(),
        }
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
    /// The gateway base URL for clients (`.../v1`).
    pub fn gateway_base_url(&self) -> String {
        format!("{}/v1", self.url())
    }
    /// The API base URL for clients (`.../client/v4`).
    pub fn api_base_url(&self) -> String {
        format!("{}/client/v4", self.url())
    }
    /// The configuration in force.
    pub fn config(&self) -> &LocalConfig {
        &self.state.config
    }
    /// A client configuration pointing at this gateway, with its account and API token.
    pub fn client_config(&self) -> gateway_core::Config {
        let config = gateway_core::Config::new(&self.state.config.account_id)
            .with_gateway_base_url(&self.gateway_base_url())
            .with_api_base_url(&self.api_base_url());
        match &self.state.config.api_token {
            Some(token) => config.with_api_token(token),
            None => config,
        }
    }
    /// The offline upstream, for fault injection (`None` when not offline).
    pub fn offline_upstream(&self) -> Option<&OfflineUpstream> {
        self.offline.as_deref()
    }
    /// The log store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Stops accepting, lets requests and streams in flight finish for up to
    /// `shutdown_grace_ms`, cuts what is left (completing the logs of cut
    /// streams), and returns.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        if let Some(watcher) = self.watcher.take() {
            watcher.abort();
        }
        self.stop.cancel();
        let stopped = match self.task.take() {
            Some(task) => task.await.map_err(std::io::Error::other),
            None => Ok(()),
        };
        // The last spans go out before the process may exit.
        let state = Arc::clone(&self.state);
        tokio::task::spawn_blocking(move || state.telemetry.shutdown()).await.map_err(std::io::Error::other)?;
        stopped
    }

    /// Sends the spans not yet exported to the OTLP collector
    /// ([`LocalConfig::otlp_endpoint`]) and waits for the export; nothing
    /// to do without one. Spans are otherwise sent in batches, every few
    /// seconds.
    pub async fn flush_telemetry(&self) {
        let state = Arc::clone(&self.state);
        let _ = tokio::task::spawn_blocking(move || state.telemetry.flush()).await;
    }
}

impl Drop for LocalGateway {
    fn drop(&mut self) {
        if let Some(watcher) = self.watcher.take() {
            watcher.abort();
        }
        // The server task shuts down in the background, with the same grace period.
        self.stop.cancel();
    }
}
