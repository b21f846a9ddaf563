//! The `gateway-local` binary, run for real.
//!
//! `serve` is started on a free loopback port with a TOML configuration and a
//! SQLite file, answers typed calls from `gateway-core`, stops gracefully on
//! SIGINT (exit status 0, its tracing lines printed), and a second run on the
//! same database still lists every log. A bad configuration file makes it exit
//! non-zero naming the problem, and `--help` works.
//!
//! Every child process is killed by a guard if a test fails, and every
//! temporary directory is removed.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use gateway_core::{Gateway, GatewayOptions, ListLogs, RunOptions};
use serde_json::{Value, json};

mod common;
use common::{PATIENCE, Server, TempDir, client, free_port, path_arg};

const ACCOUNT: &str = "bin-account";
const API_TOKEN: &str = "bin-token";
const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";
/// Requests sent in the first run.
const REQUESTS: usize = 20;

const CONFIG: &str = r#"
account_id = "bin-account"
api_token = "bin-token"

[gateways.prod]
collect_logs = true
retry_max_attempts = 2
"#;

// ---------------------------------------------------------------------------
// Tests

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_stops_on_sigint_and_keeps_every_log_across_a_restart() {
    let dir = TempDir::new("serve");
    dir.write("gateway.toml", CONFIG);

    // First run: N typed calls.
    let (mut server, port) = Server::serve_answering(&dir).await;
    let ai = client(port, ACCOUNT, API_TOKEN);
    let options = RunOptions::new().gateway(GatewayOptions::new("prod"));
    let mut ids = BTreeSet::new();
    for i in 0..REQUESTS {
        let answer = ai
            .run::<_, Value>(MODEL, &json!({"prompt": format!("hi {i}")}), &options)
            .await
            .unwrap_or_else(|e| panic!("call {i}: {e}; output:\n{}", server.output()));
        assert!(answer.output["response"].as_str().is_some_and(|r| r.starts_with("Offline answer")), "{i}");
        ids.insert(answer.log_id().expect("a log id").to_owned());
    }
    assert_eq!(ids.len(), REQUESTS, "distinct log ids");
    let page = ai.gateway("prod").list_logs(&ListLogs::new().per_page(50)).await.expect("list");
    assert_eq!(page.logs.len(), REQUESTS);

    // Ctrl-C, with the client's keep-alive connection still open.
    server.wait_for_output("ready").await;
    let status = server.interrupt().await;
    let output = server.output();
    assert!(status.success(), "exit status {status}; output:\n{output}");
    assert!(output.contains("INFO"), "tracing lines: {output}");
    assert!(output.contains("gateway-local listening"), "{output}");
    assert!(output.contains(&format!("127.0.0.1:{port}")), "listens on loopback: {output}");
    assert!(output.contains(&format!("http://127.0.0.1:{port}/v1")), "prints the gateway URL: {output}");
    assert!(output.contains(&format!("http://127.0.0.1:{port}/client/v4")), "prints the API URL: {output}");
    assert!(output.contains("shutting down"), "{output}");
    assert!(output.contains("stopped"), "{output}");
    assert!(!output.contains("ERROR"), "{output}");
    assert!(!output.contains("0.0.0.0"), "binds loopback only: {output}");
    drop(ai);

    // Second run on the same database: nothing lost.
    let (mut server, port) = Server::serve_answering(&dir).await;
    let ai = client(port, ACCOUNT, API_TOKEN);
    let gateway = ai.gateway("prod");
    let page = gateway.list_logs(&ListLogs::new().per_page(50)).await.expect("list after restart");
    let listed: BTreeSet<String> = page.logs.iter().map(|log| log.id.clone()).collect();
    assert_eq!(listed, ids, "every log survives the restart");
    assert_eq!(page.info.total_count, Some(REQUESTS as u64));
    let first = ids.iter().next().expect("an id");
    let log = gateway.get_log(first).await.expect("get after restart");
    assert_eq!((log.model.as_str(), log.success), (MODEL, true));
    // And it still serves and logs.
    let answer = ai.run::<_, Value>(MODEL, &json!({"prompt": "again"}), &options).await.expect("a call");
    assert!(answer.log_id().is_some());
    let page = gateway.list_logs(&ListLogs::new().per_page(50)).await.expect("list");
    assert_eq!(page.logs.len(), REQUESTS + 1);
    drop(ai);
    server.wait_for_output("ready").await;
    let status = server.interrupt().await;
    assert!(status.success(), "exit status {status}; output:\n{}", server.output());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_finishes_the_request_in_flight() {
    let dir = TempDir::new("inflight");
    dir.write("gateway.toml", CONFIG);
    let (mut server, port) = Server::serve_answering(&dir).await;
    server.wait_for_output("ready").await;

    // A universal request whose chunked body is only half sent when SIGINT arrives.
    let body =
        json!([{"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {"prompt": "hi"}}]).to_string();
    let (first, rest) = body.split_at(body.len() / 2);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(
        stream,
        "POST /v1/{ACCOUNT}/prod HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n\
         transfer-encoding: chunked\r\n\r\n{:x}\r\n{first}\r\n",
        first.len()
    )
    .expect("send the first half");
    stream.flush().expect("flush");
    tokio::time::sleep(Duration::from_millis(300)).await;

    server.signal("-INT");
    server.wait_for_output("shutting down").await;
    // New connections are refused once it is shutting down...
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(server.exited().is_none(), "exited with a request in flight; output:\n{}", server.output());
    let late = reqwest::Client::new().get(format!("http://127.0.0.1:{port}/")).send().await;
    assert!(late.is_err(), "a new request was served while shutting down: {late:?}");
    // ...but the request in flight is finished.
    write!(stream, "{:x}\r\n{rest}\r\n0\r\n\r\n", rest.len()).expect("send the second half");
    stream.flush().expect("flush");
    let mut answer = Vec::new();
    let mut chunk = [0u8; 4096];
    while !String::from_utf8_lossy(&answer).contains("Offline answer") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&chunk[..n]),
        }
    }
    let answer = String::from_utf8_lossy(&answer).into_owned();
    assert!(answer.starts_with("HTTP/1.1 200"), "the request in flight was cut off: {answer:?}");
    assert!(answer.contains("Offline answer"), "{answer}");
    drop(stream);
    let status = server.wait_for_exit().await;
    assert!(status.success(), "exit status {status}; output:\n{}", server.output());
    assert!(server.output().contains("stopped"), "{}", server.output());
}

#[tokio::test]
async fn a_bad_configuration_is_refused_naming_the_problem() {
    let dir = TempDir::new("badconfig");
    let cases = [
        ("unknown-key.toml", "account_id = \"acc\"\nbogus_key = 1\n", "bogus_key"),
        ("unknown-gateway-key.toml", "[gateways.prod]\ntypo_setting = true\n", "typo_setting"),
        ("out-of-range.toml", "[gateways.prod]\nretry_max_attempts = 9\n", "retry_max_attempts"),
        ("bad-account.toml", "account_id = \"not an id!\"\n", "account_id"),
        ("bad-upstream.toml", "[upstreams]\nopenai = \"ftp://example.invalid\"\n", "upstreams.openai"),
        ("syntax.toml", "account_id = \n", "invalid configuration"),
        ("bad-fault-kind.toml", "[[offline_faults]]\nfault = { kind = \"explode\" }\n", "explode"),
        ("bad-fault-field.toml", "[[offline_faults]]\nfault = { kind = \"status\", code = 500 }\n", "code"),
        (
            "bad-fault-status.toml",
            "[[offline_faults]]\nfault = { kind = \"status\", status = 9000 }\n",
            "offline_faults[0]",
        ),
    ];
    for (name, text, needle) in cases {
        let path = dir.write(name, text);
        let port = free_port().to_string();
        let mut server = Server::spawn(&["serve", "--port", &port, "--offline", "--config", path_arg(&path)]);
        let status = server.wait_for_exit().await;
        let output = server.output();
        assert!(!status.success(), "{name}: started anyway; output:\n{output}");
        assert!(output.contains(needle), "{name}: the message does not name {needle:?}:\n{output}");
        assert!(output.contains("ERROR"), "{name}: {output}");
    }
    // Faults for the offline double without it.
    let path = dir.write("faults.toml", "[[offline_faults]]\nfault = { kind = \"drop\" }\n");
    let mut server = Server::spawn(&["serve", "--port", &free_port().to_string(), "--config", path_arg(&path)]);
    assert!(!server.wait_for_exit().await.success());
    assert!(server.output().contains("offline_faults need the offline test double"), "{}", server.output());
    // A missing file.
    let missing = dir.join("missing.toml");
    let mut server = Server::spawn(&["serve", "--port", &free_port().to_string(), "--config", path_arg(&missing)]);
    let status = server.wait_for_exit().await;
    assert!(!status.success());
    assert!(server.output().contains("cannot read"), "{}", server.output());
    assert!(server.output().contains("missing.toml"), "{}", server.output());
}

#[tokio::test]
async fn a_taken_port_is_refused() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let mut server = Server::spawn(&["serve", "--port", &port, "--offline"]);
    let status = server.wait_for_exit().await;
    let output = server.output();
    assert!(!status.success(), "{output}");
    assert!(output.contains("cannot listen on"), "{output}");
    drop(taken);
}

#[tokio::test]
async fn help_and_usage_errors() {
    let mut help = Server::spawn(&["--help"]);
    assert!(help.wait_for_exit().await.success(), "{}", help.output());
    assert!(help.output().contains("serve"), "{}", help.output());
    assert!(help.output().contains("Usage"), "{}", help.output());

    let mut serve_help = Server::spawn(&["serve", "--help"]);
    assert!(serve_help.wait_for_exit().await.success(), "{}", serve_help.output());
    for flag in ["--port", "--bind", "--config", "--db", "--offline", "--offline-chunk-delay-ms", "8787"] {
        assert!(serve_help.output().contains(flag), "{flag}: {}", serve_help.output());
    }

    let mut version = Server::spawn(&["--version"]);
    assert!(version.wait_for_exit().await.success());
    assert!(version.output().contains(env!("CARGO_PKG_VERSION")), "{}", version.output());

    // Usage errors: clap's exit code 2 and a message naming what is wrong.
    for (args, needle) in [
        (&["bogus"][..], "bogus"),
        (&[][..], "Usage"),
        (&["serve", "--port", "not-a-port"], "--port"),
        (&["serve", "--port", "70000"], "--port"),
        (&["serve", "--bind", "localhost:1"], "--bind"),
        (&["serve", "--no-such-flag"], "--no-such-flag"),
        // The chunk delay paces the offline upstream only.
        (&["serve", "--offline-chunk-delay-ms", "100"], "--offline"),
        (&["serve", "--offline", "--offline-chunk-delay-ms", "soon"], "--offline-chunk-delay-ms"),
    ] {
        let mut usage = Server::spawn(args);
        let status = usage.wait_for_exit().await;
        assert_eq!(status.code(), Some(2), "{args:?}: {}", usage.output());
        assert!(usage.output().contains(needle), "{args:?}: {}", usage.output());
    }
}

#[tokio::test]
async fn faults_from_the_configuration_reach_the_offline_double() {
    let dir = TempDir::new("faults");
    let config = format!(
        "{CONFIG}\n[[offline_faults]]\nprovider = \"workers-ai\"\ntimes = 2\nfault = {{ kind = \"status\", status = 429 }}\n\n\
         [[offline_faults]]\nprovider = \"openai\"\nfault = {{ kind = \"wrong_content_type\" }}\n"
    );
    dir.write("gateway.toml", &config);
    let (mut server, port) = Server::serve_answering(&dir).await;
    let ai = client(port, ACCOUNT, API_TOKEN);
    let options = RunOptions::new().gateway(GatewayOptions::new("prod"));
    // A 429 for both of the gateway's attempts (the rule's `times`), then answers.
    let err = ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &options).await.unwrap_err();
    assert!(matches!(err, gateway_core::Error::RateLimited { .. }), "{err:?}");
    ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &options).await.unwrap();
    // OpenAI answers an HTML page, every time.
    let openai = gateway_core::BuiltinProvider::openai("sk-test");
    let body = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]});
    let answer = ai
        .gateway("prod")
        .provider_request(&openai, "chat/completions", &body, &gateway_core::UniversalOptions::new())
        .await
        .unwrap();
    assert!(matches!(answer.json::<Value>(), Err(gateway_core::Error::UnexpectedContentType { .. })));
    server.interrupt().await;
}

/// Without `--db`, the binary says at start how many logs, and how many
/// bytes of them, it keeps in memory.
#[tokio::test]
async fn without_a_database_file_it_says_at_start_what_it_keeps_in_memory() {
    let dir = TempDir::new("memory-bounds");
    let config = dir.write("gateway.toml", &format!("memory_log_bytes = 2097152\n{CONFIG}"));
    let port = free_port();
    let port_arg = port.to_string();
    let mut server = Server::spawn(&["serve", "--port", &port_arg, "--offline", "--config", path_arg(&config)]);
    server.wait_until_answering(port).await;
    server
        .wait_for_output(
            "at most 100000 per gateway (memory_log_limit) and 2 MiB in all (memory_log_bytes), the oldest dropped first",
        )
        .await;
    let status = server.interrupt().await;
    assert!(status.success(), "exit status {status}; output:\n{}", server.output());
}
