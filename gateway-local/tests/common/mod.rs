//! What the tests that run the `gateway-local` binary share: a temp dir and a
//! server process that clean up after themselves, free ports, a client.
//! [`harness`] holds what the tests that run a gateway in process share.
#![allow(dead_code, reason = "each test file uses its own part of these helpers")]

pub(crate) mod harness;

use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use gateway_core::{Ai, Config};

/// The binary under test.
pub(crate) const BINARY: &str = env!("CARGO_BIN_EXE_gateway-local");
/// How long the binary may take to start answering, or to exit.
pub(crate) const PATIENCE: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------
// Guards

/// A directory under the system temp dir, removed on drop.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(tag: &str) -> Self {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("gateway-local-{tag}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).expect("create the temp dir");
        Self(path)
    }

    pub(crate) fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    pub(crate) fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.join(name);
        std::fs::write(&path, text).expect("write a temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running `gateway-local` with its stdout and stderr collected; killed on drop.
pub(crate) struct Server {
    child: Child,
    output: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
}

/// Removes ANSI escape sequences (`ESC [ ... letter`).
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

fn collect(stream: impl Read + Send + 'static, output: &Arc<Mutex<String>>) -> JoinHandle<()> {
    let output = Arc::clone(output);
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let mut text = output.lock().unwrap_or_else(PoisonError::into_inner);
            text.push_str(&strip_ansi(&line));
            text.push('\n');
        }
    })
}

impl Server {
    pub(crate) fn spawn(args: &[&str]) -> Self {
        Self::spawn_with_env(args, &[])
    }

    /// [`spawn`](Self::spawn) with extra environment variables (`RUST_LOG` included).
    pub(crate) fn spawn_with_env(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut command = Command::new(BINARY);
        command.args(args);
        Self::launch(command, env)
    }

    /// Starts `command` without the caller's `RUST_LOG`, with `env`, without
    /// colours, and collects its output.
    fn launch(mut command: Command, env: &[(&str, &str)]) -> Self {
        let mut child = command
            .env_remove("RUST_LOG")
            .envs(env.iter().copied())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let output = Arc::new(Mutex::new(String::new()));
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let readers = vec![collect(stdout, &output), collect(stderr, &output)];
        Self { child, output, readers }
    }

    /// [`spawn`](Self::spawn) with the open-file limit lowered to `limit`
    /// (through `sh -c 'ulimit -n'`, which then `exec`s the binary: same process).
    pub(crate) fn spawn_under_fd_limit(limit: u32, args: &[&str]) -> Self {
        let script = format!("ulimit -n {limit} && exec \"$0\" \"$@\"");
        let mut command = Command::new("sh");
        command.arg("-c").arg(script).arg(BINARY).args(args);
        Self::launch(command, &[])
    }

    /// `serve --offline` on `port` with `dir`'s `logs.sqlite3` and `gateway.toml`.
    pub(crate) fn serve(port: u16, dir: &TempDir) -> Self {
        Self::serve_offline(port, &dir.join("logs.sqlite3"), &dir.join("gateway.toml"), &[])
    }

    /// [`serve`](Self::serve) on a free port, once it answers; the server and its port.
    pub(crate) async fn serve_answering(dir: &TempDir) -> (Self, u16) {
        let port = free_port();
        let mut server = Self::serve(port, dir);
        server.wait_until_answering(port).await;
        (server, port)
    }

    /// `serve --offline` on `port` with database `db` and configuration
    /// `config`; `extra` goes right after `--offline` (`--offline-chunk-delay-ms`).
    pub(crate) fn serve_offline(port: u16, db: &Path, config: &Path, extra: &[&str]) -> Self {
        let port = port.to_string();
        let mut args = vec!["serve", "--port", &port, "--offline"];
        args.extend_from_slice(extra);
        args.extend(["--db", path_arg(db), "--config", path_arg(config)]);
        Self::spawn(&args)
    }

    /// [`serve_answering`](Self::serve_answering) on one CPU (`taskset -c 0`,
    /// util-linux, which `exec`s the binary: same process), where the binary
    /// runs tokio's single-threaded scheduler; it says so at start.
    pub(crate) async fn serve_answering_on_one_cpu(dir: &TempDir) -> (Self, u16) {
        let port = free_port();
        let port_arg = port.to_string();
        let (db, config) = (dir.join("logs.sqlite3"), dir.join("gateway.toml"));
        let mut command = Command::new("taskset");
        command.args(["-c", "0", BINARY, "serve", "--port", &port_arg, "--offline"]);
        command.args(["--db", path_arg(&db), "--config", path_arg(&config)]);
        let mut server = Self::launch(command, &[]);
        server.wait_until_answering(port).await;
        server.wait_for_output("scheduler=\"single-threaded\"").await;
        (server, port)
    }

    /// The server's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    pub(crate) fn output(&self) -> String {
        self.output.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    pub(crate) fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().expect("try_wait")
    }

    /// Waits until `needle` is printed.
    pub(crate) async fn wait_for_output(&mut self, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.output().contains(needle) {
            assert!(Instant::now() < deadline, "no {needle:?} within {PATIENCE:?}; output:\n{}", self.output());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the server answers HTTP on `port`.
    pub(crate) async fn wait_until_answering(&mut self, port: u16) {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().expect("a client");
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.exited() {
                panic!("the server exited early ({status}); output:\n{}", self.output());
            }
            if let Ok(response) = client.get(format!("http://127.0.0.1:{port}/health")).send().await {
                // `/health` answers (`/` is the dashboard's redirect): it is up.
                assert_eq!(response.status(), 200);
                return;
            }
            assert!(Instant::now() < deadline, "not answering within {PATIENCE:?}; output:\n{}", self.output());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (bounded) for the process to exit by itself; then all its output is in.
    pub(crate) async fn wait_for_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.exited() {
                break status;
            }
            assert!(Instant::now() < deadline, "still running after {PATIENCE:?}; output:\n{}", self.output());
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
        status
    }

    /// Sends `signal` (`-9`, `-INT`) with `kill`.
    pub(crate) fn signal(&self, signal: &str) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args([signal, &pid]).status().expect("run kill");
        assert!(sent.success(), "kill {signal} {pid} failed");
    }

    /// Sends SIGINT (what Ctrl-C sends) and waits for the exit.
    pub(crate) async fn interrupt(&mut self) -> ExitStatus {
        self.signal("-INT");
        self.wait_for_exit().await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A port nobody listens on right now.
pub(crate) fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local addr").port()
}

/// A client for the server on `port`, with its account and v4 token.
pub(crate) fn client(port: u16, account: &str, api_token: &str) -> Ai {
    let config = Config::new(account)
        .with_api_token(api_token)
        .with_gateway_base_url(&format!("http://127.0.0.1:{port}/v1"))
        .with_api_base_url(&format!("http://127.0.0.1:{port}/client/v4"))
        .with_timeout(Duration::from_secs(10));
    Ai::new(config).expect("a client")
}

pub(crate) fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}
