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

use std::alloc::System;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt as _;
use gateway_bench::{STREAM_CHUNKS, Summary, median, minimal_upstream, ratio, summarize};
use gateway_core::{Ai, Config, GatewayOptions, RunOptions};
use gateway_local::{GatewaySettings, LocalConfig, LocalGateway};
use serde_json::{Value, json};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, Stats, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const ACCOUNT: &str = "acc";
const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
const GATEWAY_LOGS_ON: &str = "bench";
const GATEWAY_LOGS_OFF: &str = "bench-nolog";
const BODY: &str = r#"{"prompt":"hi"}"#;

/// The rate ladder, requests per second.
const RATES: [u32; 8] = [500, 1000, 2000, 4000, 6000, 8000, 12000, 16000];
/// A rate is sustained when this share of it is achieved...
const MIN_ACHIEVED: f64 = 0.95;
/// ...with a p99 under this...
const MAX_P99: Duration = Duration::from_millis(50);
/// ...and at most this share of requests failing.
const MAX_ERROR_SHARE: f64 = 0.001;
/// The goal: p99 added by the gateway (logging on) at the highest sustained rate.
const TARGET_ADDED_P99: Duration = Duration::from_millis(1);

/// Length of one interleaved slice of a path at a rate.
const SLICE: Duration = Duration::from_millis(500);
/// Longest wait for a single request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// Longest wait for the requests of a slice to finish once all are sent
/// (those still out then count as errors).
const DRAIN: Duration = Duration::from_secs(2);
/// Longest wait for `cargo build` of the gateway binary.
const BUILD_TIMEOUT: Duration = Duration::from_secs(300);

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

// ---------------------------------------------------------------- requests

fn upstream_base(upstream: SocketAddr) -> String {
    // `HttpUpstream` sends to `{base}/{endpoint}`; the endpoint of a
    // `workers-ai` provider route is the model id.
    format!("http://{upstream}/client/v4/accounts/{ACCOUNT}/ai/run")
}

fn direct_url(upstream: SocketAddr) -> String {
    format!("{}/{MODEL}", upstream_base(upstream))
}

fn gateway_url(gateway: &str, id: &str) -> String {
    format!("{gateway}/v1/{ACCOUNT}/{id}/workers-ai/{MODEL}")
}

/// One request, read to the end; `true` on a 2xx answer.
async fn post(client: &reqwest::Client, url: &str) -> bool {
    let sent = client.post(url).header(reqwest::header::CONTENT_TYPE, "application/json").body(BODY).send().await;
    match sent {
        Ok(response) if response.status().is_success() => response.bytes().await.is_ok(),
        _ => false,
    }
}

/// `count` requests, 16 at a time, to open connections on both hops.
async fn warm_up(client: &reqwest::Client, url: &str, count: usize) {
    let _ = tokio::time::timeout(
        Duration::from_secs(20),
        futures::stream::iter(0..count).for_each_concurrent(16, |_| async {
            let _ = post(client, url).await;
        }),
    )
    .await;
}

// ---------------------------------------------------------------- open loop

/// What a stretch of open-loop load measured.
#[derive(Debug, Default)]
struct Load {
    /// Scheduled send to complete answer, successful requests only.
    latencies: Vec<Duration>,
    /// Scheduled send to the request's task starting (the generator's own lag).
    lags: Vec<Duration>,
    ok: usize,
    errors: usize,
    /// From the first scheduled send to the last answer (at least the schedule's length).
    active: Duration,
}

impl Load {
    fn absorb(&mut self, other: Load) {
        self.latencies.extend(other.latencies);
        self.lags.extend(other.lags);
        self.ok += other.ok;
        self.errors += other.errors;
        self.active += other.active;
    }
}

/// One request of the open loop.
#[derive(Debug, Clone, Copy)]
struct Sent {
    scheduled: Instant,
    began: Instant,
    done: Instant,
    ok: bool,
}

/// Sends to `url` at `rate` per second for `duration`, on schedule whatever
/// the answers do, then waits (at most [`DRAIN`]) for the answers.
///
/// The schedule is kept by a blocking-pool thread sleeping to each send's
/// instant (`std::thread::sleep`: tens of µs of timer slack, where tokio's
/// timer would round to 1 ms), which spawns each request onto the runtime.
/// A generator that falls behind sends at once what is due: every latency
/// is counted from its scheduled instant, stalls included.
async fn open_loop(client: reqwest::Client, url: Arc<str>, rate: u32, duration: Duration) -> Load {
    let count = u64::from(rate) * u64::try_from(duration.as_millis()).unwrap_or(u64::MAX) / 1000;
    let runtime = tokio::runtime::Handle::current();
    let generator = tokio::task::spawn_blocking(move || {
        let start = Instant::now() + Duration::from_micros(500);
        let mut handles = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        for i in 0..count {
            let scheduled = start + Duration::from_nanos(i * 1_000_000_000 / u64::from(rate));
            let now = Instant::now();
            if scheduled > now {
                std::thread::sleep(scheduled - now);
            }
            let (client, url) = (client.clone(), Arc::clone(&url));
            handles.push(runtime.spawn(async move {
                let began = Instant::now();
                let ok = post(&client, &url).await;
                Sent { scheduled, began, done: Instant::now(), ok }
            }));
        }
        (start, handles)
    });
    let mut load = Load::default();
    let Ok((start, handles)) = generator.await else {
        load.errors = usize::try_from(count).unwrap_or(usize::MAX);
        load.active = duration;
        return load;
    };
    let until = tokio::time::Instant::now() + DRAIN;
    let mut last = start;
    for handle in handles {
        let abort = handle.abort_handle();
        match tokio::time::timeout_at(until, handle).await {
            Ok(Ok(sent)) if sent.ok => {
                load.ok += 1;
                load.latencies.push(sent.done.saturating_duration_since(sent.scheduled));
                load.lags.push(sent.began.saturating_duration_since(sent.scheduled));
                last = last.max(sent.done);
            }
            Ok(_) => load.errors += 1,
            Err(_) => {
                abort.abort();
                load.errors += 1;
            }
        }
    }
    load.active = last.saturating_duration_since(start).max(duration);
    load
}

// ---------------------------------------------------------------- ladder

/// One path at one rate.
#[derive(Debug, Clone, Copy)]
struct PathStats {
    summary: Option<Summary>,
    /// The generator's own lag (scheduled send to the request's task starting).
    lag: Option<Summary>,
    achieved: f64,
    ok: usize,
    errors: usize,
    sustained: bool,
}

impl PathStats {
    fn new(rate: u32, mut load: Load) -> Self {
        let summary = summarize(&mut load.latencies);
        let lag = summarize(&mut load.lags);
        let achieved = as_f64(load.ok) / load.active.as_secs_f64().max(f64::MIN_POSITIVE);
        let error_share = as_f64(load.errors) / as_f64((load.ok + load.errors).max(1));
        let sustained = achieved >= MIN_ACHIEVED * f64::from(rate)
            && summary.is_some_and(|s| s.p99 <= MAX_P99)
            && error_share <= MAX_ERROR_SHARE;
        Self { summary, lag, achieved, ok: load.ok, errors: load.errors, sustained }
    }
}

#[derive(Debug, Clone, Copy)]
struct RateRow {
    rate: u32,
    paths: [PathStats; 3],
    /// Per path: the median over rounds of (this path's slice − the direct
    /// slice of the same round) at p50 and p99, in µs. A stall of the machine
    /// hits one slice, not the median.
    paired: [Option<(f64, f64)>; 3],
}

impl RateRow {
    /// Sustained by the direct path and the gateway with logging on.
    fn sustained(&self) -> bool {
        self.paths[DIRECT].sustained && self.paths[LOGS_ON].sustained
    }
    /// Gateway minus direct at p50 and p99, in microseconds.
    fn added(&self, route: usize) -> Option<(f64, f64)> {
        let (gateway, direct) = (self.paths[route].summary?, self.paths[DIRECT].summary?);
        Some((us(gateway.p50) - us(direct.p50), us(gateway.p99) - us(direct.p99)))
    }
    /// Whether the gateway with logging on adds at most [`TARGET_ADDED_P99`]
    /// at p99, both pooled and paired by round.
    fn meets_target(&self) -> bool {
        let limit = us(TARGET_ADDED_P99);
        self.added(LOGS_ON).is_some_and(|(_, p99)| p99 <= limit)
            && self.paired[LOGS_ON].is_some_and(|(_, p99)| p99 <= limit)
    }
}

/// Median over rounds of `route`'s slice minus the direct slice, at p50 and p99.
fn paired_added(slices: &[Vec<Option<Summary>>; 3], route: usize) -> Option<(f64, f64)> {
    let pairs: Vec<(Summary, Summary)> =
        slices[route].iter().zip(&slices[DIRECT]).filter_map(|(g, d)| Some(((*g)?, (*d)?))).collect();
    if pairs.is_empty() {
        return None;
    }
    let mut p50: Vec<f64> = pairs.iter().map(|(g, d)| us(g.p50) - us(d.p50)).collect();
    let mut p99: Vec<f64> = pairs.iter().map(|(g, d)| us(g.p99) - us(d.p99)).collect();
    Some((median(&mut p50), median(&mut p99)))
}

async fn ladder(client: &reqwest::Client, urls: &[Arc<str>; 3], plan: &Plan) -> Vec<RateRow> {
    println!("== 1. latency added at fixed rates (open loop, from scheduled send; µs) ==");
    println!(
        "{:>8}  {:<17} {:>11} {:>8} {:>8} {:>8} {:>8} {:>10} {:>8} {:>7}  sustained",
        "target/s", "path", "achieved/s", "p50", "p99", "+p50", "+p99", "+p99 rnd", "lag p99", "errors"
    );
    let started = Instant::now();
    let rounds = usize::try_from(plan.per_rate.as_millis() / SLICE.as_millis()).unwrap_or(1).max(1);
    let mut shuffle = Shuffle::new();
    let mut rows = Vec::new();
    for rate in RATES {
        if started.elapsed() > plan.ladder_budget {
            println!("(ladder time budget of {:?} spent: stopping)", plan.ladder_budget);
            break;
        }
        for url in urls {
            let _ = open_loop(client.clone(), Arc::clone(url), rate, plan.warm).await;
        }
        let rate_started = Instant::now();
        let mut loads: [Load; 3] = Default::default();
        let mut slices: [Vec<Option<Summary>>; 3] = Default::default();
        for round in 0..rounds {
            // An overloaded path drains slowly: bound the time spent on one rate.
            if rate_started.elapsed() > (plan.per_rate + plan.warm) * 3 + Duration::from_secs(5) {
                println!("(time for {rate}/s spent after {round} of {rounds} rounds)");
                break;
            }
            // A new order each round: no path always runs first, or after the same other.
            for route in shuffle.order::<3>() {
                let load = open_loop(client.clone(), Arc::clone(&urls[route]), rate, SLICE).await;
                slices[route].push(summarize(&mut load.latencies.clone()));
                loads[route].absorb(load);
            }
            // A path far past its limit will not recover within this rate: save the time.
            let hopeless = [DIRECT, LOGS_ON]
                .into_iter()
                .any(|route| slices[route].last().is_some_and(|slice| slice.is_none_or(|s| s.p99 > MAX_P99 * 4)));
            if hopeless && round + 1 < rounds {
                println!(
                    "({rate}/s: p99 over {:?} in round {}: not sustainable, rounds cut short)",
                    MAX_P99 * 4,
                    round + 1
                );
                break;
            }
        }
        let paths = loads.map(|load| PathStats::new(rate, load));
        let paired = [None, paired_added(&slices, LOGS_ON), paired_added(&slices, LOGS_OFF)];
        let row = RateRow { rate, paths, paired };
        print_row(&row);
        rows.push(row);
        if !row.sustained() {
            println!("(not sustained at {rate}/s: stopping the ladder)");
            break;
        }
    }
    rows
}

fn print_row(row: &RateRow) {
    for (route, stats) in row.paths.iter().enumerate() {
        let (p50, p99) = stats.summary.map_or(("-".to_owned(), "-".to_owned()), |s| (fmt_us(s.p50), fmt_us(s.p99)));
        let (added50, added99) = match (route, row.added(route)) {
            (DIRECT, _) | (_, None) => (String::new(), String::new()),
            (_, Some((a, b))) => (format!("{a:+.0}"), format!("{b:+.0}")),
        };
        let paired99 = row.paired[route].map_or(String::new(), |(_, p99)| format!("{p99:+.0}"));
        println!(
            "{:>8}  {:<17} {:>11.0} {:>8} {:>8} {:>8} {:>8} {:>10} {:>8} {:>7}  {}",
            row.rate,
            ROUTES[route],
            stats.achieved,
            p50,
            p99,
            added50,
            added99,
            paired99,
            stats.lag.map_or("-".to_owned(), |s| fmt_us(s.p99)),
            stats.errors,
            if stats.sustained { "yes" } else { "NO" }
        );
    }
}

fn max_sustained(rows: &[RateRow]) -> Option<u32> {
    rows.iter().filter(|row| row.sustained()).map(|row| row.rate).max()
}

fn report_ladder(rows: &[RateRow]) -> Value {
    let max = max_sustained(rows);
    let max_logs_off = rows
        .iter()
        .filter(|row| row.paths[DIRECT].sustained && row.paths[LOGS_OFF].sustained)
        .map(|row| row.rate)
        .max();
    let at_max = rows.iter().find(|row| Some(row.rate) == max);
    let added_p99 = at_max.and_then(|row| row.added(LOGS_ON)).map(|(_, p99)| p99);
    let paired_p99 = at_max.and_then(|row| row.paired[LOGS_ON]).map(|(_, p99)| p99);
    let met = at_max.is_some_and(RateRow::meets_target);
    let meeting = rows.iter().filter(|row| row.sustained() && row.meets_target()).map(|row| row.rate).max();
    let exhausted = rows.len() == RATES.len() && rows.iter().all(RateRow::sustained);
    println!();
    match (max, added_p99, paired_p99) {
        (Some(max), Some(added), Some(paired)) => println!(
            "max sustained rate (direct and gateway logs on): {max}/s; p99 added there with logging on: {added:+.0} µs \
             pooled, {paired:+.0} µs median by round -> target p99 added <= {} µs (both): {}",
            us(TARGET_ADDED_P99),
            if met { "MET" } else { "NOT MET" }
        ),
        _ => println!("no rate of the ladder was sustained -> target p99 added <= 1 ms: NOT MET"),
    }
    if let Some(rate) = max_logs_off {
        println!("max sustained rate (direct and gateway logs off): {rate}/s");
    }
    if exhausted {
        println!("(every rate of the ladder was sustained: the maximum is at least its top)");
    }
    match meeting {
        Some(rate) => println!("highest sustained rate with p99 added <= 1 ms, logging on: {rate}/s"),
        None => println!("no sustained rate had p99 added <= 1 ms with logging on"),
    }
    let rates: Vec<Value> = rows
        .iter()
        .map(|row| {
            let path = |route: usize| {
                let stats = row.paths[route];
                let mut out = json!({
                    "achieved_per_s": round2(stats.achieved),
                    "ok": stats.ok,
                    "errors": stats.errors,
                    "p50_us": stats.summary.map(|s| round2(us(s.p50))),
                    "p99_us": stats.summary.map(|s| round2(us(s.p99))),
                    "max_us": stats.summary.map(|s| round2(us(s.max))),
                    "generator_lag_p50_us": stats.lag.map(|s| round2(us(s.p50))),
                    "generator_lag_p99_us": stats.lag.map(|s| round2(us(s.p99))),
                    "sustained": stats.sustained,
                });
                if let (Some((p50, p99)), true) = (row.added(route), route != DIRECT) {
                    out["added_p50_us"] = json!(round2(p50));
                    out["added_p99_us"] = json!(round2(p99));
                }
                if let Some((p50, p99)) = row.paired[route] {
                    out["added_p50_us_median_by_round"] = json!(round2(p50));
                    out["added_p99_us_median_by_round"] = json!(round2(p99));
                }
                out
            };
            json!({
                "target_per_s": row.rate,
                "direct": path(DIRECT),
                "gateway_logs_on": path(LOGS_ON),
                "gateway_logs_off": path(LOGS_OFF),
            })
        })
        .collect();
    json!({
        "rates": rates,
        "max_sustained_per_s": max,
        "max_sustained_logs_off_per_s": max_logs_off,
        "added_p99_at_max_logs_on_us": added_p99.map(round2),
        "added_p99_at_max_logs_on_us_median_by_round": paired_p99.map(round2),
        "target_added_p99_us": us(TARGET_ADDED_P99),
        "target_met": met,
        "highest_rate_meeting_target_per_s": meeting,
        "ladder_top_sustained": exhausted,
        "sustained_means": "achieved >= 95% of target, p99 <= 50 ms, errors <= 0.1%",
        "target_rule": "gateway logs on minus direct p99 <= 1 ms at the max sustained rate, pooled and median by round",
    })
}

// ---------------------------------------------------------------- streaming

/// One streamed answer: time to the first chunk, to the end, and chunks seen.
#[derive(Debug, Clone, Copy)]
struct StreamSample {
    first: Duration,
    total: Duration,
    chunks: usize,
}

impl StreamSample {
    fn chunks_per_sec(&self) -> f64 {
        as_f64(self.chunks) / self.total.as_secs_f64().max(f64::MIN_POSITIVE)
    }
}

async fn stream_once(ai: &Ai, options: &RunOptions) -> Option<StreamSample> {
    let attempt = async {
        let input = json!({"prompt": "hi"});
        let start = Instant::now();
        let mut stream = ai.run_stream::<_, Value>(MODEL, &input, options).await.ok()?;
        let mut first = None;
        let mut chunks = 0;
        while let Some(chunk) = stream.next().await {
            chunk.ok()?;
            chunks += 1;
            first.get_or_insert_with(|| start.elapsed());
        }
        Some(StreamSample { first: first?, total: start.elapsed(), chunks })
    };
    tokio::time::timeout(REQUEST_TIMEOUT, attempt).await.ok().flatten()
}

/// A stream this slow on loopback has waited on a timer (a delayed ACK).
const SLOW_STREAM: Duration = Duration::from_millis(30);

/// The body of a raw streaming request (the upstream streams on `"stream":true`).
const STREAM_BODY: &str = r#"{"prompt":"hi","stream":true}"#;

/// One streamed answer read with plain reqwest to the end of the body:
/// time to the first bytes, to the end, and events (blank-line separated).
async fn raw_stream_once(client: &reqwest::Client, url: &str) -> Option<StreamSample> {
    let attempt = async {
        let start = Instant::now();
        let response = client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(STREAM_BODY)
            .send()
            .await
            .ok()?;
        if !response.status().is_success() {
            return None;
        }
        let mut body = response.bytes_stream();
        let (mut first, mut events, mut newline) = (None, 0, false);
        while let Some(chunk) = body.next().await {
            let chunk = chunk.ok()?;
            if !chunk.is_empty() {
                first.get_or_insert_with(|| start.elapsed());
            }
            for &byte in &chunk {
                events += usize::from(newline && byte == b'\n');
                newline = byte == b'\n';
            }
        }
        Some(StreamSample { first: first?, total: start.elapsed(), chunks: events })
    };
    tokio::time::timeout(REQUEST_TIMEOUT, attempt).await.ok().flatten()
}

/// Per path: samples, failures, and per-round ratios to the direct sample of the same round.
#[derive(Debug, Default)]
struct StreamSeries {
    samples: Vec<StreamSample>,
    failures: usize,
    first_ratios: Vec<f64>,
    rate_ratios: Vec<f64>,
}

async fn streaming(ai: &Ai, client: &reqwest::Client, urls: &[Arc<str>; 3], plan: &Plan) -> Value {
    println!(
        "\n== 2. streaming ({STREAM_CHUNKS} content chunks + usage + [DONE]; all six cases interleaved by round) =="
    );
    let options = [
        RunOptions::new(),
        RunOptions::new().gateway(GatewayOptions::new(GATEWAY_LOGS_ON)),
        RunOptions::new().gateway(GatewayOptions::new(GATEWAY_LOGS_OFF)),
    ];
    // Cases 0..3: `Ai::run_stream` (ends at `[DONE]`); 3..6: raw reqwest to the end of the body.
    let options = &options;
    let once = |case: usize| async move {
        if case < 3 { stream_once(ai, &options[case]).await } else { raw_stream_once(client, &urls[case - 3]).await }
    };
    for case in 0..6 {
        for _ in 0..30 {
            let _ = once(case).await;
        }
    }
    let started = Instant::now();
    let mut shuffle = Shuffle::new();
    let mut series: [StreamSeries; 6] = Default::default();
    for _ in 0..plan.stream_rounds {
        if started.elapsed() > plan.stream_budget {
            break;
        }
        let mut this: [Option<StreamSample>; 6] = [None; 6];
        for case in shuffle.order::<6>() {
            this[case] = once(case).await;
        }
        for case in 0..6 {
            let direct = this[case - case % 3];
            let entry = &mut series[case];
            match this[case] {
                Some(sample) => entry.samples.push(sample),
                None => entry.failures += 1,
            }
            if let (Some(sample), Some(direct)) = (this[case], direct) {
                entry.first_ratios.push(ratio(sample.first, direct.first));
                entry.rate_ratios.push(sample.chunks_per_sec() / direct.chunks_per_sec().max(f64::MIN_POSITIVE));
            }
        }
    }
    let mut out = serde_json::Map::new();
    for (client_name, key, cases) in [
        ("Ai::run_stream, to [DONE]", "typed_run_stream", 0..3),
        ("raw reqwest, to the end of the body", "raw_reqwest_to_eof", 3..6),
    ] {
        println!("{client_name}:");
        println!(
            "  {:<17} {:>6} {:>9} {:>15} {:>10} {:>10} {:>17} {:>7} {:>7} {:>7}",
            "path",
            "rounds",
            "TTFC p50",
            "TTFC p10..p90",
            "total p50",
            "chunks/s",
            "chunks/s p10..p90",
            "TTFC x",
            "rate x",
            ">=30ms"
        );
        let mut table = serde_json::Map::new();
        for case in cases {
            let (route, entry) = (case % 3, &mut series[case]);
            table.insert(["direct", "gateway_logs_on", "gateway_logs_off"][route].to_owned(), stream_row(route, entry));
        }
        out.insert(key.to_owned(), Value::Object(table));
    }
    println!(
        "  (µs; x: median over rounds of gateway / direct in the same round; chunks/s = chunks / whole stream time)"
    );
    out.insert("back_to_back_one_connection".to_owned(), back_to_back(urls).await);
    Value::Object(out)
}

/// Streams read to the end one after another on one keep-alive connection
/// per path (a chat client's pattern): shows a stream end held back by a
/// delayed ACK, which the interleaved rounds above may or may not meet.
async fn back_to_back(urls: &[Arc<str>; 3]) -> Value {
    const STREAMS: usize = 20;
    println!("back to back, raw reqwest to the end of the body, {STREAMS} streams on one connection per path:");
    let mut out = serde_json::Map::new();
    for route in [DIRECT, LOGS_OFF, LOGS_ON] {
        let Ok(client) = reqwest::Client::builder().pool_max_idle_per_host(1).timeout(REQUEST_TIMEOUT).build() else {
            continue;
        };
        let _ = raw_stream_once(&client, &urls[route]).await;
        let mut totals = Vec::with_capacity(STREAMS);
        for _ in 0..STREAMS {
            if let Some(sample) = raw_stream_once(&client, &urls[route]).await {
                totals.push(sample.total);
            }
        }
        let slow = totals.iter().filter(|t| **t >= SLOW_STREAM).count();
        let summary = summarize(&mut totals);
        let p50 = summary.map_or(0.0, |s| us(s.p50));
        println!("  {:<17} total p50 {:>8.0} µs, {slow} of {} streams >= 30 ms", ROUTES[route], p50, totals.len());
        out.insert(
            ["direct", "gateway_logs_on", "gateway_logs_off"][route].to_owned(),
            json!({"streams": totals.len(), "total_p50_us": round2(p50), "streams_over_30ms": slow}),
        );
    }
    Value::Object(out)
}

/// Prints and returns one path's streaming numbers.
fn stream_row(route: usize, entry: &mut StreamSeries) -> Value {
    let mut first: Vec<f64> = entry.samples.iter().map(|s| us(s.first)).collect();
    let mut total: Vec<f64> = entry.samples.iter().map(|s| us(s.total)).collect();
    let mut rate: Vec<f64> = entry.samples.iter().map(StreamSample::chunks_per_sec).collect();
    let chunks = entry.samples.iter().map(|s| s.chunks).max().unwrap_or(0);
    // A 40 ms delayed ACK meeting Nagle's algorithm shows up as streams of >= 30 ms.
    let slow = entry.samples.iter().filter(|s| s.total >= SLOW_STREAM).count();
    let (f10, f90) = (quantile(&mut first, 0.1), quantile(&mut first, 0.9));
    let (r10, r90) = (quantile(&mut rate, 0.1), quantile(&mut rate, 0.9));
    let (f50, t50, r50) = (median(&mut first), median(&mut total), median(&mut rate));
    let first_x = median(&mut entry.first_ratios);
    let rate_x = median(&mut entry.rate_ratios);
    println!(
        "  {:<17} {:>6} {:>9.0} {:>7.0}..{:<7.0} {:>10.0} {:>10.0} {:>8.0}..{:<8.0} {:>6.2}x {:>6.2}x {:>7}",
        ROUTES[route],
        entry.samples.len(),
        f50,
        f10,
        f90,
        t50,
        r50,
        r10,
        r90,
        first_x,
        rate_x,
        slow
    );
    json!({
        "rounds": entry.samples.len(),
        "failures": entry.failures,
        "chunks_per_stream": chunks,
        "streams_over_30ms": slow,
        "ttfc_p50_us": round2(f50),
        "ttfc_p10_us": round2(f10),
        "ttfc_p90_us": round2(f90),
        "total_p50_us": round2(t50),
        "chunks_per_s_p50": round2(r50),
        "chunks_per_s_p10": round2(r10),
        "chunks_per_s_p90": round2(r90),
        "ttfc_ratio_vs_direct_median_paired": round2(first_x),
        "chunks_per_s_ratio_vs_direct_median_paired": round2(rate_x),
    })
}

// ---------------------------------------------------------------- allocations

/// Bytes and allocations per request the embedded gateway adds (logs on and off).
async fn allocations(client: &reqwest::Client, urls: &[Arc<str>; 3], plan: &Plan) -> Value {
    println!("\n== 3a. heap allocated per proxied request, embedded gateway (batch minus the same batch direct) ==");
    for url in urls {
        sequential(client, url, 200).await;
    }
    let mut stats: [Vec<Stats>; 3] = Default::default();
    let mut shuffle = Shuffle::new();
    for _ in 0..plan.alloc_reps {
        for route in shuffle.order::<3>() {
            let region = Region::new(GLOBAL);
            let ok = sequential(client, &urls[route], plan.alloc_batch).await;
            let change = region.change();
            if ok == plan.alloc_batch {
                stats[route].push(change);
            }
        }
    }
    let n = as_f64(plan.alloc_batch);
    let mut out = serde_json::Map::new();
    println!("{:<30} {:>14} {:>14} {:>20}", "", "bytes/request", "allocs/request", "retained bytes/req");
    let per_request = |f: &dyn Fn(&Stats) -> f64| -> f64 {
        let mut per: Vec<f64> = stats[DIRECT].iter().map(|s| f(s) / n).collect();
        median(&mut per)
    };
    let (bytes, count) = (per_request(&|s| as_f64(s.bytes_allocated)), per_request(&|s| as_f64(s.allocations)));
    println!("{:<30} {:>14.0} {:>14.1}", "direct (client + upstream)", bytes, count);
    out.insert(
        "direct_client_and_upstream".to_owned(),
        json!({"bytes": round2(bytes), "allocations": round2(count), "batches": stats[DIRECT].len()}),
    );
    for route in [LOGS_ON, LOGS_OFF] {
        let pairs = stats[route].iter().zip(&stats[DIRECT]);
        let diff = |f: &dyn Fn(&Stats) -> f64| -> f64 {
            let mut per: Vec<f64> = pairs.clone().map(|(g, d)| (f(g) - f(d)) / n).collect();
            median(&mut per)
        };
        let bytes = diff(&|s| as_f64(s.bytes_allocated));
        let count = diff(&|s| as_f64(s.allocations));
        let retained = diff(&|s| as_f64(s.bytes_allocated) - as_f64(s.bytes_deallocated));
        println!("{:<30} {:>14.0} {:>14.1} {:>20.0}", format!("added by {}", ROUTES[route]), bytes, count, retained);
        out.insert(
            ["direct", "gateway_logs_on", "gateway_logs_off"][route].to_owned(),
            json!({
                "bytes": round2(bytes),
                "allocations": round2(count),
                "retained_bytes": round2(retained),
                "batches": stats[route].len().min(stats[DIRECT].len()),
            }),
        );
    }
    out.insert("batch".to_owned(), json!(plan.alloc_batch));
    println!(
        "(median over {} interleaved batches of {}; SQLite allocates with libc malloc, not counted)",
        plan.alloc_reps, plan.alloc_batch
    );
    Value::Object(out)
}

/// `count` requests one after another (at most 60 s); how many succeeded.
async fn sequential(client: &reqwest::Client, url: &str, count: usize) -> usize {
    let mut ok = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    for _ in 0..count {
        match tokio::time::timeout_at(deadline, post(client, url)).await {
            Ok(true) => ok += 1,
            Ok(false) => {}
            Err(_) => break,
        }
    }
    ok
}

// ---------------------------------------------------------------- resident memory

/// Builds (or finds fresh) `target/release/gateway-local`, before the runtime starts.
fn gateway_binary(build: bool) -> Result<PathBuf, String> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().ok_or("no workspace directory")?.to_path_buf();
    let next_to_us = std::env::current_exe().ok().and_then(|exe| Some(exe.parent()?.join("gateway-local")));
    let candidates: Vec<PathBuf> =
        next_to_us.into_iter().chain([workspace.join("target/release/gateway-local")]).collect();
    if build {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        println!("building gateway-local (cargo build --release -p gateway-local) ...");
        let spawned = Command::new(cargo)
            .args(["build", "--release", "--quiet", "-p", "gateway-local", "--bin", "gateway-local"])
            .current_dir(&workspace)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn();
        match spawned {
            Ok(child) => {
                let mut child = ChildGuard(child);
                let deadline = Instant::now() + BUILD_TIMEOUT;
                loop {
                    match child.0.try_wait() {
                        Ok(Some(status)) if status.success() => break,
                        Ok(Some(status)) => return Err(format!("cargo build of gateway-local failed: {status}")),
                        Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(200)),
                        Ok(None) => return Err("cargo build of gateway-local took too long".to_owned()),
                        Err(e) => return Err(format!("cargo build of gateway-local: {e}")),
                    }
                }
            }
            Err(e) => println!("cannot run cargo ({e}); looking for an existing binary"),
        }
    }
    candidates.into_iter().find(|path| path.is_file()).ok_or_else(|| {
        "no gateway-local binary (cargo build --release -p gateway-local, or drop --no-build)".to_owned()
    })
}

/// Kills and reaps a child process when dropped.
#[derive(Debug)]
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A directory removed when dropped.
#[derive(Debug)]
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self, String> {
        let path = std::env::temp_dir().join(format!("gateway-overhead-{}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(Self(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A number of `/proc/<pid>/status`: `VmRSS` and `VmHWM` in KiB, `Threads`.
fn proc_status(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|line| {
        let value = line.strip_prefix(field)?.strip_prefix(':')?.trim();
        value.strip_suffix("kB").unwrap_or(value).trim().parse().ok()
    })
}

/// Starts the binary with a TOML config pointing `workers-ai` at `upstream`; waits until it listens.
async fn spawn_gateway(binary: &Path, dir: &Path, upstream: SocketAddr) -> Result<(ChildGuard, SocketAddr), String> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let config = dir.join("gateway.toml");
    let text = format!(
        "account_id = \"{ACCOUNT}\"\n\n[gateways.{GATEWAY_LOGS_ON}]\ncollect_logs = true\n\n[upstreams]\n\
         workers-ai = \"{}\"\n",
        upstream_base(upstream)
    );
    std::fs::write(&config, text).map_err(|e| format!("cannot write {}: {e}", config.display()))?;
    let log_path = dir.join("gateway.log");
    let log = std::fs::File::create(&log_path).map_err(|e| format!("cannot create the log file: {e}"))?;
    let log_err = log.try_clone().map_err(|e| format!("cannot share the log file: {e}"))?;
    let child = Command::new(binary)
        .args(["serve", "--port", &port.to_string(), "--config"])
        .arg(&config)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let mut child = ChildGuard(child);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    for _ in 0..200 {
        if let Ok(Some(status)) = child.0.try_wait() {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            return Err(format!("gateway-local exited ({status}): {}", log.trim()));
        }
        if tokio::net::TcpStream::connect(addr).await.is_ok() {
            return Ok((child, addr));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("gateway-local did not listen within 10 s".to_owned())
}

async fn resident_memory(
    binary: &Path,
    upstream: SocketAddr,
    client: &reqwest::Client,
    rate: u32,
    plan: &Plan,
) -> Result<Value, String> {
    println!("\n== 3b. resident memory of the gateway-local binary ({}) ==", binary.display());
    let dir = TempDir::new()?;
    let (child, addr) = spawn_gateway(binary, &dir.0, upstream).await?;
    let pid = child.0.id();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let idle = proc_status(pid, "VmRSS").ok_or("cannot read VmRSS")?;
    let idle_threads = proc_status(pid, "Threads").unwrap_or(0);
    let url: Arc<str> = gateway_url(&format!("http://{addr}"), GATEWAY_LOGS_ON).into();
    if !post(client, &url).await {
        return Err("a first request through the binary failed".to_owned());
    }
    let load = tokio::spawn(open_loop(client.clone(), Arc::clone(&url), rate, plan.burst));
    let mut peak = idle;
    let mut peak_threads = idle_threads;
    let samples = plan.burst.as_millis() / 100 + DRAIN.as_millis() / 100 + 10;
    for _ in 0..samples {
        if load.is_finished() {
            break;
        }
        peak = peak.max(proc_status(pid, "VmRSS").unwrap_or(0));
        peak_threads = peak_threads.max(proc_status(pid, "Threads").unwrap_or(0));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let load = load.await.map_err(|e| format!("the load task failed: {e}"))?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = proc_status(pid, "VmRSS").unwrap_or(0);
    let hwm = proc_status(pid, "VmHWM").unwrap_or(0);
    let requests = load.ok + load.errors;
    let growth = after.saturating_sub(idle);
    let per_request = as_f64(usize::try_from(growth).unwrap_or(usize::MAX)) * 1024.0 / as_f64(requests.max(1));
    let latency = {
        let mut latencies = load.latencies;
        summarize(&mut latencies)
    };
    drop(child);
    println!("idle (just started):            {idle:>8} KiB, {idle_threads} threads");
    println!(
        "under load ({rate}/s for {:?}, {requests} requests, logs on, {} errors): peak sampled {peak} KiB, VmHWM {hwm} KiB, up to {peak_threads} threads",
        plan.burst, load.errors
    );
    println!(
        "1 s after the load:             {after:>8} KiB  (+{growth} KiB, {per_request:.0} B per request: logs kept in an in-memory SQLite)"
    );
    if let Some(s) = latency {
        println!("(latency seen meanwhile through the binary: p50 {} µs, p99 {} µs)", fmt_us(s.p50), fmt_us(s.p99));
    }
    Ok(json!({
        "idle_kib": idle,
        "idle_threads": idle_threads,
        "load_peak_threads": peak_threads,
        "load_peak_sampled_kib": peak,
        "vm_hwm_kib": hwm,
        "after_load_kib": after,
        "growth_bytes_per_request": round2(per_request),
        "load_rate_per_s": rate,
        "load_seconds": plan.burst.as_secs_f64(),
        "load_requests": requests,
        "load_errors": load.errors,
        "load_p50_us": latency.map(|s| round2(us(s.p50))),
        "load_p99_us": latency.map(|s| round2(us(s.p99))),
    }))
}

// ---------------------------------------------------------------- numbers

/// Orders of the cases of each round: a fixed-seed xorshift and Fisher-Yates.
#[derive(Debug)]
struct Shuffle(u64);

impl Shuffle {
    fn new() -> Self {
        Self(0x9E37_79B9_7F4A_7C15)
    }

    fn order<const N: usize>(&mut self) -> [usize; N] {
        let mut out: [usize; N] = std::array::from_fn(|i| i);
        for i in (1..N).rev() {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            let bound = u64::try_from(i + 1).unwrap_or(u64::MAX);
            out.swap(i, usize::try_from(self.0 % bound).unwrap_or(0));
        }
        out
    }
}

fn us(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

fn fmt_us(duration: Duration) -> String {
    format!("{:.0}", us(duration))
}

fn as_f64(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The `q` quantile of `values` (sorted in place); 0 for none.
fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a rank within the slice")]
    let index = ((as_f64(values.len() - 1) * q).round() as usize).min(values.len() - 1);
    values[index]
}
