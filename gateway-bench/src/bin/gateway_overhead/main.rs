//! `gateway_overhead`: what `gateway-local` adds to a call, against the floor
//! (the same request sent straight to the minimal upstream), interleaved in
//! one run.
//!
//! 1. Latency at fixed request rates. An open-loop generator sends
//!    `{"prompt":"hi"}` on a fixed schedule (a thread sleeping to each
//!    send's instant and spawning the request onto the runtime; one that
//!    falls behind sends what is due at once), and times each request from
//!    its *scheduled* send to its complete answer, so a stalled system
//!    cannot hide its stalls (no coordinated omission). Three paths take
//!    turns in 500 ms slices, in a new order each round: direct to the
//!    upstream, through the embedded gateway with logging on (the default),
//!    and through a gateway with `collect_logs = false`. The ladder stops at the first rate the direct path or the logged gateway
//!    path cannot sustain (achieved < 95 % of the target, p99 > 50 ms, or
//!    more than 0.1 % errors). The p99 added is reported pooled over the
//!    rate and as the median over rounds of slice-minus-direct-slice (which a
//!    stall of this shared machine during one slice does not move); the
//!    1 ms target must hold for both.
//! 2. Streaming: time to first chunk and chunks per second, direct and
//!    through the gateway, interleaved by round, with `Ai::run_stream`
//!    (which stops at `[DONE]`) and with plain reqwest read to the end of
//!    the body; then streams back to back on one keep-alive connection.
//! 3. Memory: resident memory of the real `gateway-local` binary, idle and
//!    under load, and bytes allocated per proxied request by the embedded
//!    gateway (a batch through it minus the same batch direct, so the client
//!    and the upstream cancel out).
//!
//! `cargo run --release -p gateway-bench --bin gateway_overhead -- [--quick] [--no-build]`
//!
//! The gateway runs in-process for (1), (2) and the allocation count, on the
//! same two worker threads as the load generator and the upstream: every
//! number here includes that contention. Output: tables, then one line
//! `RESULT {json}`.
//!
//! Layout: this file holds the plan, the shared constants and the run in
//! order; `requests` and `open_loop` send, `ladder` is part 1,
//! `streaming` part 2, `allocations` and `memory` part 3, and
//! `numbers` the shuffle and the arithmetic they share.

mod allocations;
mod ladder;
mod memory;
mod numbers;
mod open_loop;
mod requests;
mod streaming;

use std::alloc::System;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gateway_bench::minimal_upstream;
use gateway_core::{Ai, Config};
use gateway_local::{GatewaySettings, LocalConfig, LocalGateway};
use serde_json::json;
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

use crate::allocations::allocations;
use crate::ladder::{RATES, ladder, max_sustained, report_ladder};
use crate::memory::{gateway_binary, resident_memory};
use crate::numbers::round2;
use crate::requests::{direct_url, gateway_url, post, upstream_base, warm_up};
use crate::streaming::streaming;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const ACCOUNT: &str = "acc";
const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
const GATEWAY_LOGS_ON: &str = "bench";
const GATEWAY_LOGS_OFF: &str = "bench-nolog";
const BODY: &str = r#"{"prompt":"hi"}"#;

/// Longest wait for a single request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// The three ways a request goes.
const ROUTES: [&str; 3] = ["direct", "gateway logs on", "gateway logs off"];
const DIRECT: usize = 0;
const LOGS_ON: usize = 1;
const LOGS_OFF: usize = 2;

/// How long each part runs.
#[derive(Debug, Clone, Copy)]
struct Plan {
    quick: bool,
    /// Measured time per path per rate (split into slices).
    per_rate: Duration,
    /// Unmeasured warm-up per path per rate.
    warm: Duration,
    /// Whole ladder, at most.
    ladder_budget: Duration,
    stream_rounds: usize,
    stream_budget: Duration,
    /// Load burst against the spawned binary.
    burst: Duration,
    alloc_batch: usize,
    alloc_reps: usize,
}

impl Plan {
    fn new(quick: bool) -> Self {
        if quick {
            Self {
                quick,
                per_rate: Duration::from_secs(2),
                warm: Duration::from_millis(200),
                ladder_budget: Duration::from_secs(60),
                stream_rounds: 300,
                stream_budget: Duration::from_secs(10),
                burst: Duration::from_secs(2),
                alloc_batch: 1000,
                alloc_reps: 3,
            }
        } else {
            Self {
                quick,
                per_rate: Duration::from_secs(4),
                warm: Duration::from_millis(300),
                ladder_budget: Duration::from_secs(90),
                stream_rounds: 1000,
                stream_budget: Duration::from_secs(25),
                burst: Duration::from_secs(4),
                alloc_batch: 1000,
                alloc_reps: 5,
            }
        }
    }
}

fn main() -> ExitCode {
    let mut quick = false;
    let mut build = true;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--quick" => quick = true,
            "--no-build" => build = false,
            _ => {
                eprintln!("usage: gateway_overhead [--quick] [--no-build]");
                return ExitCode::from(2);
            }
        }
    }
    let plan = Plan::new(quick);
    // Before any measurement: the memory part needs the real binary.
    let binary = gateway_binary(build);
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(plan, binary)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gateway_overhead failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(plan: Plan, binary: Result<PathBuf, String>) -> Result<(), String> {
    let started = Instant::now();
    let upstream = minimal_upstream().await.map_err(|e| format!("cannot start the upstream: {e}"))?;
    let mut config = LocalConfig::default()
        .with_upstream("workers-ai", upstream_base(upstream))
        .with_gateway(GATEWAY_LOGS_ON, GatewaySettings::default())
        .with_gateway(GATEWAY_LOGS_OFF, GatewaySettings::default().with_collect_logs(false));
    ACCOUNT.clone_into(&mut config.account_id);
    let gateway = LocalGateway::builder().config(config).start().await.map_err(|e| e.to_string())?;
    let client = reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
    let urls: [Arc<str>; 3] = [
        direct_url(upstream).into(),
        gateway_url(&gateway.url(), GATEWAY_LOGS_ON).into(),
        gateway_url(&gateway.url(), GATEWAY_LOGS_OFF).into(),
    ];
    for url in &urls {
        if !post(&client, url).await {
            return Err(format!("a first request to {url} failed"));
        }
    }

    println!(
        "gateway_overhead{}: gateway-local embedded; load generator, gateway and upstream share one 2-worker \
         runtime on this machine's {} CPUs (other processes too).",
        if plan.quick { " --quick" } else { "" },
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
    );
    println!("direct:  POST {}\ngateway: POST {}\n", urls[DIRECT], urls[LOGS_ON]);

    for url in &urls {
        warm_up(&client, url, 400).await;
    }
    let rows = ladder(&client, &urls, &plan).await;
    let latency = report_ladder(&rows);

    let ai = Ai::new(
        Config::new(ACCOUNT)
            .with_api_token("bench-token")
            .with_api_base_url(&format!("http://{upstream}/client/v4"))
            .with_gateway_base_url(&gateway.gateway_base_url()),
    )
    .map_err(|e| format!("cannot build the typed client: {e}"))?;
    let streaming = streaming(&ai, &client, &urls, &plan).await;

    let alloc = allocations(&client, &urls, &plan).await;
    let load_rate = max_sustained(&rows).unwrap_or(RATES[0]);
    let rss = match binary {
        Ok(binary) => match resident_memory(&binary, upstream, &client, load_rate, &plan).await {
            Ok(rss) => rss,
            Err(e) => {
                println!("resident memory: skipped ({e})");
                json!({"error": e})
            }
        },
        Err(e) => {
            println!("resident memory: skipped ({e})");
            json!({"error": e})
        }
    };
    drop(gateway);

    let result = json!({
        "bench": "gateway_overhead",
        "quick": plan.quick,
        "cpus": std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        "worker_threads": 2,
        "embedded_gateway": true,
        "latency": latency,
        "streaming": streaming,
        "memory": {"alloc_per_request": alloc, "rss": rss},
        "elapsed_s": round2(started.elapsed().as_secs_f64()),
    });
    println!("\nRESULT {result}");
    Ok(())
}
