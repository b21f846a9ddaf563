//! Helpers shared by gateway-core's integration tests: the workspace's
//! fixture files, a client [`Config`] pointed at a wiremock server, mounting
//! canned answers, and reading back what the server received.

// Each test target compiles this module and uses only part of it.
#![allow(dead_code, reason = "each test target uses a different part of these helpers")]

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use gateway_core::{Ai, Config, GatewayOptions, ResultInfo, RunOptions};

/// The Workers AI model most tests run.
pub(crate) const MODEL: &str = "@cf/meta/llama-3.1-8b-instruct";

/// The gateway most tests address.
pub(crate) const GW: &str = "my-gateway";
/// The REST logs route of [`GW`].
pub(crate) const LOGS: &str = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/logs";
/// The REST universal endpoint of [`GW`].
pub(crate) const UNIVERSAL: &str = "/v1/acc/my-gateway";
/// The binding-protocol logs route of [`GW`].
pub(crate) const BINDING_LOGS: &str = "/ai-gateway/gateways/my-gateway/logs";
/// The binding-protocol universal endpoint of [`GW`].
pub(crate) const BINDING_UNIVERSAL: &str = "/ai-gateway/universal/run/my-gateway";

/// The folder of JSON and text fixtures, `tests/fixtures/` at the workspace root.
pub(crate) const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");

/// The bytes of fixture `name` in [`FIXTURES`].
pub(crate) fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| panic!("cannot read fixture {name}: {e}"))
}

/// Fixture `name` parsed as a JSON value.
pub(crate) fn fixture_json(name: &str) -> Value {
    serde_json::from_slice(&fixture(name)).unwrap_or_else(|e| panic!("fixture {name} is not JSON: {e}"))
}

/// A REST client configuration for account `acc` whose gateway host
/// (`/v1`) and API host (`/client/v4`) are both `server`.
pub(crate) fn rest_config(server: &MockServer, api_token: &str) -> Config {
    rest_config_at(&server.uri(), api_token)
}

/// [`rest_config`] for any origin, such as a closed port.
pub(crate) fn rest_config_at(origin: &str, api_token: &str) -> Config {
    Config::new("acc")
        .with_api_token(api_token)
        .with_gateway_base_url(&format!("{origin}/v1"))
        .with_api_base_url(&format!("{origin}/client/v4"))
}

/// A REST client at `server` (API token `cf-token`). A gateway token is
/// configured too: it must still never reach the API host.
pub(crate) fn rest_ai(server: &MockServer) -> Ai {
    Ai::new(rest_config(server, "cf-token").with_gateway_token("aig-secret")).unwrap()
}

/// Run options that go through gateway `gateway`.
pub(crate) fn through(gateway: &str) -> RunOptions {
    RunOptions::new().gateway(GatewayOptions::new(gateway))
}

/// A server that must receive nothing (checked when it drops): for calls
/// refused before sending. It would answer 500.
pub(crate) async fn silent_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any()).respond_with(ResponseTemplate::new(500)).expect(0).mount(&server).await;
    server
}

/// A binding-protocol client configuration for account `acc` at `server`.
pub(crate) fn binding_config(server: &MockServer) -> Config {
    Config::new("acc").with_binding_origin(&server.uri())
}

/// A loopback port nothing listens on (bound, then released).
pub(crate) fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// An answer with `status` and a JSON body given as bytes.
pub(crate) fn json_answer(status: u16, body: impl Into<Vec<u8>>) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.into(), "application/json")
}

/// A 200 answer of the universal endpoint, given by fallback step `step`.
pub(crate) fn from_step(step: u32) -> ResponseTemplate {
    ResponseTemplate::new(200).insert_header("cf-aig-step", step.to_string())
}

/// A 200 answer carrying `result` in the Workers AI envelope.
pub(crate) fn envelope(result: &Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"result": result, "success": true, "errors": [], "messages": []}))
}

/// Answers `verb route` with `answer`, as often as asked.
pub(crate) async fn mount(server: &MockServer, verb: &str, route: &str, answer: ResponseTemplate) {
    Mock::given(method(verb)).and(path(route)).respond_with(answer).mount(server).await;
}

/// Answers `verb route` with `answer`, which must be asked for exactly once
/// (checked when the server drops).
pub(crate) async fn mount_once(server: &MockServer, verb: &str, route: &str, answer: ResponseTemplate) {
    Mock::given(method(verb)).and(path(route)).respond_with(answer).expect(1).mount(server).await;
}

/// Every request `server` received, in order.
pub(crate) async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("request recording is on")
}

/// The one request `server` received; fails if there were more or none.
pub(crate) async fn only_request(server: &MockServer) -> Request {
    let mut requests = received(server).await;
    assert_eq!(requests.len(), 1, "expected exactly one request, got {requests:?}");
    requests.remove(0)
}

/// Header `name` of `request`, if it is present and visible ASCII.
pub(crate) fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

/// The `cf-aig-*` headers of `request` as `name: value` lines, sorted.
pub(crate) fn aig_headers(request: &Request) -> Vec<String> {
    let mut out: Vec<String> = request
        .headers
        .iter()
        .filter(|(k, _)| k.as_str().starts_with("cf-aig-"))
        .map(|(k, v)| format!("{k}: {}", v.to_str().unwrap()))
        .collect();
    out.sort();
    out
}

/// Asserts `request` sent a JSON body and no `cf-aig-*` header (no gateway
/// options, never the gateway token).
pub(crate) fn assert_json_without_aig_headers(request: &Request) {
    assert_eq!(header(request, "content-type"), Some("application/json"));
    assert!(aig_headers(request).is_empty(), "{:?}", aig_headers(request));
}

/// The body of `request` parsed as JSON.
pub(crate) fn body_json(request: &Request) -> Value {
    serde_json::from_slice(&request.body).expect("a JSON request body")
}

/// The ten aggregates of a `result_info`, `max_cost` to `min_total_tokens`,
/// in the order the API documents them: to check or set them all.
pub(crate) fn aggregates_mut(info: &mut ResultInfo) -> [&mut Option<f64>; 10] {
    [
        &mut info.max_cost,
        &mut info.min_cost,
        &mut info.max_duration,
        &mut info.min_duration,
        &mut info.max_tokens_in,
        &mut info.min_tokens_in,
        &mut info.max_tokens_out,
        &mut info.min_tokens_out,
        &mut info.max_total_tokens,
        &mut info.min_total_tokens,
    ]
}
