//! `gateway-local serve`: the local AI Gateway as a program.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gateway_local::{Database, LocalConfig, LocalGateway};

/// mimalloc instead of the system allocator: a proxied request makes a few
/// dozen short-lived allocations, and glibc's malloc/free were about a tenth
/// of the gateway's CPU time under load (BENCHMARKS.md, issue 18).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(name = "gateway-local", version, about = "A local AI Gateway that speaks Cloudflare's HTTP API")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the gateway host and the logs API until Ctrl-C or SIGTERM (a
    /// second one stops at once).
    Serve {
        /// Port to listen on.
        #[arg(long, default_value_t = 8787)]
        port: u16,
        /// Address to bind (loopback unless told otherwise).
        #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
        bind: IpAddr,
        /// TOML configuration file.
        #[arg(long)]
        config: Option<PathBuf>,
        /// SQLite database file (default: in memory).
        #[arg(long)]
        db: Option<PathBuf>,
        /// Answer providers from the offline test double instead of their real APIs.
        #[arg(long)]
        offline: bool,
        /// Space the offline upstream's stream events this many milliseconds
        /// apart (default 0: at once), to watch or test slow streams.
        #[arg(long, value_name = "MS", requires = "offline")]
        offline_chunk_delay_ms: Option<u64>,
    },
}

/// The OpenTelemetry SDKs' variable for the collector's base URL.
const OTLP_ENDPOINT_VAR: &str = "OTEL_EXPORTER_OTLP_ENDPOINT";

fn main() -> ExitCode {
    let cpus = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    match runtime(cpus) {
        Ok(runtime) => runtime.block_on(serve(cpus)),
        Err(e) => {
            eprintln!("cannot start the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Tokio's runtime, one worker thread per CPU the process may use (its
/// affinity and CPU quota count: `taskset -c 0` is one). On one CPU, the
/// single-threaded scheduler: a multi-threaded one with one worker spent
/// about 40 % more CPU time per proxied request (BENCHMARKS.md, issue 18).
fn runtime(cpus: usize) -> std::io::Result<tokio::runtime::Runtime> {
    let mut builder = if cpus == 1 {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    builder.enable_all().build()
}

async fn serve(cpus: usize) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,gateway_local=info".into()),
        )
        .init();
    let scheduler = if cpus == 1 { "single-threaded" } else { "multi-threaded" };
    tracing::info!(cpus, scheduler, "async runtime");
    let Command::Serve { port, bind, config, db, offline, offline_chunk_delay_ms } = Cli::parse().command;
    let mut config = match config.map(LocalConfig::from_file).transpose() {
        Ok(config) => config.unwrap_or_default(),
        Err(e) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    // The standard variable, when the file names no collector.
    if config.otlp_endpoint.is_none() {
        config.otlp_endpoint = std::env::var(OTLP_ENDPOINT_VAR).ok().filter(|v| !v.is_empty());
    }
    let database = db.map_or(Database::Memory, Database::File);
    // Registered before "ready" is printed: a signal from then on is never the default kill.
    let mut signals = match Signals::new() {
        Ok(signals) => signals,
        Err(e) => {
            tracing::error!("cannot wait for signals: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = LocalGateway::builder()
        .config(config)
        .database(database)
        .offline(offline)
        .bind(SocketAddr::new(bind, port))
        .start()
        .await;
    let gateway = match started {
        Ok(gateway) => gateway,
        Err(e) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if let (Some(ms), Some(upstream)) = (offline_chunk_delay_ms, gateway.offline_upstream()) {
        upstream.set_chunk_delay(std::time::Duration::from_millis(ms));
    }
    tracing::info!(gateway = %gateway.gateway_base_url(), api = %gateway.api_base_url(), "ready");
    let signal = signals.next().await;
    tracing::info!(
        signal,
        grace_ms = gateway.config().shutdown_grace_ms,
        "shutting down: finishing requests in flight"
    );
    let shutdown = gateway.shutdown();
    tokio::select! {
        result = shutdown => match result {
            Ok(()) => {
                tracing::info!("stopped");
                ExitCode::SUCCESS
            }
            Err(e) => {
                tracing::error!("shutdown failed: {e}");
                ExitCode::FAILURE
            }
        },
        signal = signals.next() => {
            tracing::error!(signal, "second signal: stopping at once, requests in flight are lost");
            // At once: not even waiting for the runtime's blocking threads (a store write in
            // progress is rolled back by SQLite).
            std::process::exit(SECOND_SIGNAL_EXIT);
        }
    }
}

/// The exit status after a second signal cut the shutdown short.
const SECOND_SIGNAL_EXIT: i32 = 130;

/// SIGINT (Ctrl-C) and, on Unix, SIGTERM.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
}

impl Signals {
    #[cfg(unix)]
    fn new() -> std::io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        // Registered once, so a signal between the first and the second is not missed.
        Ok(Self { interrupt: signal(SignalKind::interrupt())?, term: signal(SignalKind::terminate())? })
    }

    #[cfg(not(unix))]
    fn new() -> std::io::Result<Self> {
        Ok(Self {})
    }

    /// Waits for the next signal and names it.
    async fn next(&mut self) -> &'static str {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => "SIGINT",
                _ = self.term.recv() => "SIGTERM",
            }
        }
        #[cfg(not(unix))]
        {
            if let Err(e) = tokio::signal::ctrl_c().await {
                tracing::error!("cannot wait for Ctrl-C: {e}");
                std::future::pending::<()>().await;
            }
            "Ctrl-C"
        }
    }
}
