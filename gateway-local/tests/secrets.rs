//! Tokens and provider keys go where they are needed and nowhere else: not
//! into the log database (file, WAL and all), not into the v4 API's answers,
//! not into errors, not into `Debug` output, and not into the server's own
//! output at debug level.

mod common;

use std::time::Duration;

use common::{Server, TempDir, free_port};
use futures::StreamExt as _;
use gateway_core::{Ai, BuiltinProvider, Config, Gateway, ListLogs, ProviderSlug, UniversalOptions, UniversalStep};
use gateway_local::OfflineUpstream;
use gateway_local::{GatewaySettings, LocalConfig, LocalGateway};
use serde_json::json;

/// Every secret in this file contains this marker, and nothing else does.
const MARKER: &str = "SECRET";
const API_TOKEN: &str = "api-SECRET-1";
const GATEWAY_TOKEN: &str = "gw-SECRET-2";

const CONFIG: &str = r#"
account_id = "acc"
api_token = "api-SECRET-1"

[gateways.prod]
token = "gw-SECRET-2"
"#;

fn client(port: u16, api_token: &str, gateway_token: &str) -> Ai {
    let config = Config::new("acc")
        .with_api_token(api_token)
        .with_gateway_token(gateway_token)
        .with_gateway_base_url(&format!("http://127.0.0.1:{port}/v1"))
        .with_api_base_url(&format!("http://127.0.0.1:{port}/client/v4"))
        .with_timeout(Duration::from_secs(10));
    Ai::new(config).expect("a client")
}

fn chat() -> serde_json::Value {
    json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]})
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(MARKER), "a secret leaked into {what}: {text}");
}

#[tokio::test]
async fn no_secret_is_stored_logged_or_shown() {
    let dir = TempDir::new("secrets");
    dir.write("gateway.toml", CONFIG);
    let port = free_port();
    let db = dir.join("logs.sqlite3");
    let mut server = Server::spawn_with_env(
        &[
            "serve",
            "--port",
            &port.to_string(),
            "--offline",
            "--db",
            common::path_arg(&db),
            "--config",
            common::path_arg(&dir.join("gateway.toml")),
        ],
        &[("RUST_LOG", "debug")],
    );
    server.wait_until_answering(port).await;
    let ai = client(port, API_TOKEN, GATEWAY_TOKEN);
    let gateway = ai.gateway("prod");
    let mut errors = Vec::new();

    // Keys in universal step headers, on provider routes, in a stream, in Google's header.
    let step =
        UniversalStep::new("openai", "chat/completions", chat()).header("authorization", "Bearer sk-univ-SECRET-3");
    gateway.run(vec![step].into(), &UniversalOptions::new()).await.unwrap();
    let openai = BuiltinProvider::openai("sk-route-SECRET-4");
    gateway.provider_request(&openai, "chat/completions", &chat(), &UniversalOptions::new()).await.unwrap();
    let anthropic = BuiltinProvider::anthropic("sk-ant-SECRET-5");
    let body = json!({"model": "claude-sonnet-4-5", "max_tokens": 32, "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let mut events =
        gateway.provider_request_stream(&anthropic, "v1/messages", &body, &UniversalOptions::new()).await.unwrap();
    while let Some(event) = events.next().await {
        event.unwrap();
    }
    let google = BuiltinProvider::new(ProviderSlug::GoogleAiStudio).with_api_key("goog-SECRET-6");
    let gemini = json!({"contents": [{"role": "user", "parts": [{"text": "hi"}]}]});
    gateway
        .provider_request(&google, "v1/models/gemini-2.5-flash:generateContent", &gemini, &UniversalOptions::new())
        .await
        .unwrap();
    // Google's key in the query string (and other credential-like parameters), in any case.
    let url = format!(
        "http://127.0.0.1:{port}/v1/acc/prod/google-ai-studio/v1/models/gemini-2.5-flash:generateContent?Key=goog-url-SECRET-10&access_token=tok-url-SECRET-11&alt=json"
    );
    let answer = reqwest::Client::new()
        .post(url)
        .header("cf-aig-authorization", format!("Bearer {GATEWAY_TOKEN}"))
        .header("content-type", "application/json")
        .body(gemini.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    // A provider failure, so an error carries the gateway's meta.
    let step =
        UniversalStep::new("openai", "no/such/endpoint", chat()).header("authorization", "Bearer sk-fail-SECRET-9");
    errors.push(gateway.run(vec![step].into(), &UniversalOptions::new()).await.unwrap_err());

    // Wrong tokens are refused without being repeated back.
    let wrong = client(port, "wrong-api-SECRET-7", "wrong-gw-SECRET-8");
    errors.push(
        wrong
            .gateway("prod")
            .provider_request(&openai, "chat/completions", &chat(), &UniversalOptions::new())
            .await
            .unwrap_err(),
    );
    errors.push(wrong.gateway("prod").list_logs(&ListLogs::new()).await.unwrap_err());
    for error in &errors {
        assert_clean("an error", &format!("{error} {error:?}"));
    }
    assert_clean("the client", &format!("{ai:?} {gateway:?} {openai:?} {anthropic:?} {google:?}"));

    // Everything the v4 API hands out about the logs.
    let logs = gateway.list_logs(&ListLogs::new()).await.unwrap().logs;
    assert_eq!(logs.len(), 6, "{logs:?}");
    assert!(logs.iter().any(|l| l.path.contains("Key=REDACTED&access_token=REDACTED")));
    let found = gateway.list_logs(&ListLogs::new().search("url-SECRET")).await.unwrap().logs;
    assert!(found.is_empty(), "a key from a URL is findable by search: {found:?}");
    for log in &logs {
        let full = gateway.get_log(&log.id).await.unwrap();
        let request = gateway.log_request(&log.id).await.unwrap();
        let response = gateway.log_response(&log.id).await.unwrap();
        assert_clean("a log", &format!("{full:?} {} {}", request.text(), response.text()));
    }

    // The database on disk, WAL included, while the server still runs (nothing checkpointed away) ...
    let on_disk = |suffix: &str| std::fs::read(format!("{}{suffix}", db.display())).unwrap_or_default();
    let mut bytes = on_disk("");
    bytes.extend(on_disk("-wal"));
    assert!(bytes.len() > 4096, "the database holds the logs");
    assert_clean("the database", &String::from_utf8_lossy(&bytes));
    // ... and after a clean stop.
    server.interrupt().await;
    assert_clean("the database", &String::from_utf8_lossy(&on_disk("")));
    // The server's own output at debug level.
    let output = server.output();
    assert!(output.contains("DEBUG"), "debug logging was on: {output}");
    assert_clean("the server's output", &output);
}

#[tokio::test]
async fn configuration_and_forwarded_requests_hide_secrets_in_debug() {
    let config = LocalConfig::from_toml(CONFIG).unwrap();
    assert_eq!(config.api_token.as_deref(), Some(API_TOKEN), "the token is there to use");
    let shown = format!("{config:?} {:?}", GatewaySettings::default().with_token("tok-SECRET"));
    assert_clean("Debug of the configuration", &shown);
    assert!(shown.contains("<redacted>"), "{shown}");

    // What the gateway hands its upstream keeps the credential, hidden from `Debug`.
    let local =
        LocalGateway::builder().config(LocalConfig::from_toml(CONFIG).unwrap()).offline(true).start().await.unwrap();
    let ai = Ai::new(local.client_config().with_gateway_token(GATEWAY_TOKEN)).unwrap();
    let openai = BuiltinProvider::openai("sk-route-SECRET-4");
    ai.gateway("prod").provider_request(&openai, "chat/completions", &chat(), &UniversalOptions::new()).await.unwrap();
    let offline: &OfflineUpstream = local.offline_upstream().unwrap();
    let forwarded = offline.last_request().unwrap();
    assert_eq!(forwarded.headers["authorization"], "Bearer sk-route-SECRET-4");
    assert!(forwarded.headers["authorization"].is_sensitive());
    assert_clean("Debug of a forwarded request", &format!("{forwarded:?}"));
    assert_clean("Debug of the gateway", &format!("{local:?}"));
    local.shutdown().await.unwrap();
}
