//! Part 3b: resident memory of the real `gateway-local` binary, idle and
//! under load (building or finding the binary, spawning it, reading `/proc`).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gateway_bench::summarize;
use serde_json::{Value, json};

use crate::numbers::{as_f64, fmt_us, round2, us};
use crate::open_loop::{DRAIN, open_loop};
use crate::requests::{gateway_url, post, upstream_base};
use crate::{ACCOUNT, GATEWAY_LOGS_ON, Plan};

/// Longest wait for `cargo build` of the gateway binary.
const BUILD_TIMEOUT: Duration = Duration::from_secs(300);

/// Builds (or finds fresh) `target/release/gateway-local`, before the runtime starts.
pub(crate) fn gateway_binary(build: bool) -> Result<PathBuf, String> {
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

pub(crate) async fn resident_memory(
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
