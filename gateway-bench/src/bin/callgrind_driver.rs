//! Drives the instruction-count benchmarks of
//! `gateway-bench/scripts/callgrind_gateway.sh`: work that costs the same
//! instructions whatever else the machine runs, so a busy machine cannot blur
//! a comparison of two builds.
//!
//! ```text
//! callgrind_driver upstream              serve the minimal upstream; print its address; stop when stdin closes
//! callgrind_driver load URL N            POST {"prompt":"hi"} to URL N times, one after another (fails on any non-2xx)
//! callgrind_driver client VARIANT N ADDR N sequential calls to the upstream at ADDR, on a current-thread runtime
//! callgrind_driver closed URL C SECONDS  closed loop: C connections each POSTing {"prompt":"hi"} back to back; prints req/s
//! ```
//!
//! `VARIANT` is one of [`gateway_bench::client_calls::Variant`]'s names:
//! `baseline` and `baseline_openai` (the hand-written floors: one
//! `reqwest::Client`, body and answer by hand with `serde_json`), the typed
//! client's routes (`run`, `run_model`, `universal`, `run_api`, `provider`,
//! `v1`) and `async_openai`: the same calls as `client_overhead`. The script
//! runs `client` (and `gateway-local`) under `valgrind --tool=callgrind`, and
//! `upstream` and `load` outside it, so the counted instructions are the
//! measured side's alone. Instructions per call are the difference between
//! two runs of different `N` over the difference of `N`, which cancels
//! start-up and shutdown.
//!
//! Since session 6 the client variants use `gateway_bench::client_calls`,
//! so this source builds only in trees that have it (session 4's baseline
//! `9a039be` needs session 4's version of this file).

use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gateway_bench::client_calls::{BoxError, Clients, Variant};
use gateway_bench::minimal_upstream;
use reqwest::header::CONTENT_TYPE;

/// The request body `load` sends (the one `gateway_overhead` sends).
const BODY: &str = r#"{"prompt":"hi"}"#;
const USAGE: &str = "usage: callgrind_driver upstream | load URL N | client VARIANT N ADDR | closed URL C SECONDS \
                     (VARIANT: baseline, run, run_model, universal, run_api, baseline_openai, provider, v1, async_openai, \
                     run_retries, provider_retries)";

fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    match args.as_slice() {
        ["upstream"] => runtime.block_on(upstream()),
        ["load", url, n] => runtime.block_on(load(url, n.parse()?)),
        ["client", variant, n, addr] => runtime.block_on(client(variant, n.parse()?, addr.parse()?)),
        ["closed", url, connections, seconds] => runtime.block_on(closed(url, connections.parse()?, seconds.parse()?)),
        _ => Err(USAGE.into()),
    }
}

/// Serves the minimal upstream until stdin closes.
async fn upstream() -> Result<(), BoxError> {
    let addr = minimal_upstream().await?;
    let mut stdout = std::io::stdout();
    writeln!(stdout, "{addr}")?;
    stdout.flush()?;
    tokio::task::spawn_blocking(|| std::io::copy(&mut std::io::stdin(), &mut std::io::sink())).await??;
    Ok(())
}

/// `n` sequential POSTs of [`BODY`] to `url`, each read to the end.
async fn load(url: &str, n: usize) -> Result<(), BoxError> {
    let http = reqwest::Client::builder().timeout(Duration::from_secs(60)).build()?;
    for i in 0..n {
        let response = http.post(url).header(CONTENT_TYPE, "application/json").body(BODY).send().await?;
        let status = response.status();
        let body = response.bytes().await?;
        if !status.is_success() {
            return Err(format!("request {i}: {status}: {}", String::from_utf8_lossy(&body)).into());
        }
    }
    Ok(())
}

/// `connections` loops, each sending [`BODY`] to `url` and reading the answer
/// before the next, for `seconds` (after a one-second warm-up); prints the
/// rate achieved and the failures.
async fn closed(url: &str, connections: usize, seconds: f64) -> Result<(), BoxError> {
    let http =
        reqwest::Client::builder().timeout(Duration::from_secs(60)).pool_max_idle_per_host(connections).build()?;
    let url: Arc<str> = url.into();
    let warm_until = Instant::now() + Duration::from_secs(1);
    let stop_at = warm_until + Duration::from_secs_f64(seconds);
    let loops: Vec<_> = (0..connections)
        .map(|_| {
            let (http, url) = (http.clone(), Arc::clone(&url));
            tokio::spawn(async move {
                let (mut done, mut failed) = (0_u64, 0_u64);
                loop {
                    let now = Instant::now();
                    if now >= stop_at {
                        break;
                    }
                    let ok = match http.post(&*url).header(CONTENT_TYPE, "application/json").body(BODY).send().await {
                        Ok(response) => response.status().is_success() && response.bytes().await.is_ok(),
                        Err(_) => false,
                    };
                    if now >= warm_until {
                        done += 1;
                        failed += u64::from(!ok);
                    }
                }
                (done, failed)
            })
        })
        .collect();
    let (mut done, mut failed) = (0, 0);
    for one in loops {
        let (d, f) = one.await?;
        done += d;
        failed += f;
    }
    #[allow(clippy::cast_precision_loss, reason = "a rate for a human")]
    let rate = done as f64 / seconds;
    println!("closed {connections} connections {seconds} s: {done} requests, {rate:.0} req/s, {failed} failed");
    Ok(())
}

/// `n` sequential calls of `variant` to the upstream at `addr`, each checked.
async fn client(variant: &str, n: usize, addr: SocketAddr) -> Result<(), BoxError> {
    let variant = Variant::from_name(variant).ok_or(USAGE)?;
    let clients = Clients::new(addr)?;
    for _ in 0..n {
        clients.checked_call(variant).await?;
    }
    Ok(())
}
