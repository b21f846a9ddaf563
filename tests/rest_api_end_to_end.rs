//! The REST API of the Cloudflare API host (`/ai/run`, `/ai/v1/*`,
//! `cloudflare-2026.md` §1) end to end: gateway-core's client against a real
//! `gateway-local` over loopback HTTP, with the offline upstream (or a
//! recording wiremock upstream) behind it and no test double in between.
//!
//! gateway-local does not serve the binding protocol (its routes are the
//! gateway host and the v4 API), so the binding transport is not run here.

#![allow(clippy::too_many_lines, reason = "end-to-end scenarios read best in one piece")]

mod rest_api_end_to_end {
    pub(crate) mod errors;
    pub(crate) mod options;
    pub(crate) mod run;
    pub(crate) mod typed;
    pub(crate) mod v1;
}

use futures::StreamExt as _;
use gateway_core::{Ai, AiGatewayLog, Error, GatewayOptions, GatewayResponse, RunOptions};
use gateway_local::{GatewaySettings, LocalConfig, LocalGateway};
use serde_json::{Value, json};

/// A catalog model of each author the REST API knows.
pub(crate) const GPT: &str = "openai/gpt-5.5";
pub(crate) const CLAUDE: &str = "anthropic/claude-sonnet-4-5";
pub(crate) const GEMINI: &str = "google/gemini-3-flash";
pub(crate) const GROK: &str = "xai/grok-3";
pub(crate) const LLAMA: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";

/// gateway-local with the offline upstream, and a REST client pointed at it.
/// Gateway `main` exists (the REST API creates only `default` on its own).
pub(crate) async fn start(mut config: LocalConfig) -> (LocalGateway, Ai) {
    if !config.gateways.contains_key("main") {
        config = config.with_gateway("main", GatewaySettings::default());
    }
    let local = LocalGateway::builder().config(config).offline(true).start().await.expect("start");
    let ai = Ai::new(local.client_config()).expect("client");
    (local, ai)
}

/// Options naming gateway `id`.
pub(crate) fn through(id: &str) -> RunOptions {
    RunOptions::new().gateway(GatewayOptions::new(id))
}

/// A chat body for `/ai/v1/chat/completions` and `/ai/v1/messages` (`max_tokens`: Anthropic requires it).
pub(crate) fn chat(model: &str, text: &str) -> Value {
    json!({ "model": model, "messages": [{ "role": "user", "content": text }], "max_tokens": 64 })
}

/// `run`'s input for a chat model (`max_tokens`: Anthropic requires it).
pub(crate) fn messages(text: &str) -> Value {
    json!({ "messages": [{ "role": "user", "content": text }], "max_tokens": 64 })
}

/// Whether `e` is the REST API's refusal (HTTP 400) with gateway error `code`,
/// its message containing `naming`.
pub(crate) fn refused(e: &Error, code: i64, naming: &str) -> bool {
    matches!(e, Error::Gateway { status: 400, code: got, message } if *got == code && message.contains(naming))
}

/// Whether `id` is a lowercase RFC 9562 `UUIDv7` (version nibble 7, variant `10`).
pub(crate) fn is_uuid_v7(id: &str) -> bool {
    let bytes = id.as_bytes();
    let hex = |c: &u8| c.is_ascii_digit() || (b'a'..=b'f').contains(c);
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { hex(c) })
        && bytes[14] == b'7'
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b')
}

/// The log `id` of gateway `gateway`, waiting for it to be written.
pub(crate) async fn log_of(ai: &Ai, gateway: &str, id: &str) -> AiGatewayLog {
    use gateway_core::Gateway as _;
    ai.gateway(gateway).wait_for_log(id, std::time::Duration::from_secs(5)).await.expect("log")
}

/// Every event of a raw stream, with its data, failing on an error.
pub(crate) async fn all_events(mut events: gateway_core::stream::EventStream) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    while let Some(event) = events.next().await {
        let event = event.expect("a clean stream");
        out.push((event.event.clone(), event.data.clone()));
    }
    out
}

/// The single log id of an answer, checked to be a `UUIDv7` carried as the request and event id too.
pub(crate) fn single_step_id(response: &GatewayResponse) -> String {
    let id = response.meta.log_id.clone().expect("log id");
    assert!(is_uuid_v7(&id), "{id} is a UUIDv7");
    assert_eq!(response.meta.request_id.as_deref(), Some(id.as_str()));
    assert_eq!(response.meta.event_id.as_deref(), Some(id.as_str()));
    id
}

/// Fails unless `result` is the error `matches` accepts, showing what it was.
pub(crate) fn expect_err<T: std::fmt::Debug>(result: Result<T, Error>, what: &str, matches: impl Fn(&Error) -> bool) {
    match result {
        Err(e) if matches(&e) => {}
        other => panic!("expected {what}, got {other:?}"),
    }
}
