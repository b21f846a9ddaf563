//! Every JSON fixture of `tests/fixtures/` decoded through the public API,
//! every error shape mapped onto its [`Error`] variant through a real HTTP
//! server on loopback, and hostile answers that must never make the client panic.
//!
//! One module per topic: `log_fixtures`, `universal_fixtures` and
//! `run_fixtures` decode the fixtures; `error_shapes` maps error bodies onto
//! variants; `hostile_answers` feeds the client broken bodies. The routes and
//! clients they share are here.
//!
//! [`Error`]: gateway_core::Error

#![allow(clippy::too_many_lines, reason = "a test walks a whole fixture or a whole table of cases")]
#![allow(clippy::float_cmp, reason = "fixture numbers are exact literals compared with the values they decode to")]

#[path = "../common/mod.rs"]
mod common;

mod error_shapes;
mod hostile_answers;
mod log_fixtures;
mod run_fixtures;
mod universal_fixtures;

use gateway_core::{Ai, Config, GatewayOptions, RunOptions, UniversalRequest, UniversalStep};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::MockServer;

pub(crate) use crate::common::{BINDING_LOGS, BINDING_UNIVERSAL, GW, LOGS, UNIVERSAL};
use crate::common::{FIXTURES, MODEL, binding_config};

pub(crate) const RUN_DIRECT: &str = "/client/v4/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct";
pub(crate) const RUN_GATEWAY: &str = "/v1/acc/my-gateway/workers-ai/@cf/meta/llama-3.1-8b-instruct";

/// The API token of every REST client here.
pub(crate) const API_TOKEN: &str = "api-secret";

pub(crate) fn rest_config(server: &MockServer) -> Config {
    common::rest_config(server, API_TOKEN)
}

pub(crate) fn rest_ai(server: &MockServer) -> Ai {
    Ai::new(rest_config(server)).expect("valid REST config")
}

pub(crate) fn binding_ai(server: &MockServer) -> Ai {
    Ai::new(binding_config(server)).expect("valid binding config")
}

pub(crate) fn trimmed(bytes: &[u8]) -> &[u8] {
    bytes.strip_suffix(b"\n").unwrap_or(bytes)
}

pub(crate) fn chat_input() -> Value {
    json!({"prompt": "What is Cloudflare?"})
}

pub(crate) fn through_gateway() -> RunOptions {
    RunOptions::new().gateway(GatewayOptions::new(GW))
}

pub(crate) fn one_step() -> UniversalRequest {
    UniversalStep::new("workers-ai", MODEL, chat_input()).header("Authorization", "Bearer abcde").into()
}

#[derive(Debug, Deserialize)]
pub(crate) struct TextOutput {
    pub(crate) response: String,
}

/// The sources of this test target, searched for fixture names below.
const SOURCES: [&str; 6] = [
    include_str!("main.rs"),
    include_str!("log_fixtures.rs"),
    include_str!("universal_fixtures.rs"),
    include_str!("run_fixtures.rs"),
    include_str!("error_shapes.rs"),
    include_str!("hostile_answers.rs"),
];

#[test]
fn every_json_fixture_is_referenced_by_this_file() {
    let this_file = SOURCES.concat();
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .expect("fixtures directory")
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| std::path::Path::new(name).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json")))
        .collect();
    names.sort();
    assert!(names.len() >= 41, "expected the 41 JSON fixtures, found {names:?}");
    let missing: Vec<&String> = names.iter().filter(|name| !this_file.contains(&format!("\"{name}\""))).collect();
    assert!(missing.is_empty(), "JSON fixtures not referenced by this test file: {missing:?}");
}
