//! The REST API on the Cloudflare API host (`cloudflare-2026.md` §1), over
//! loopback HTTP against the offline upstream: `/ai/run` and
//! `/ai/v1/{chat/completions,responses,messages}` plain and streamed, the v4
//! token, `cf-aig-gateway-id`, the `default` gateway created on first use (and
//! kept across a restart), model names refused in this API's error shape, and
//! the gateway's cache, rate limit, retries and logs on this path.

use std::ops::Deref;

use common::TempDir;
use common::harness::{ACCOUNT, API_TOKEN, Answer, Harness, MODEL};
use gateway_local::{Database, Fault, FaultRule, GatewaySettings, LocalConfig, UnknownGateway};
use serde_json::{Value, json};

mod common;

/// A gateway under test with the REST API's calls.
struct Rest(Harness);

impl Deref for Rest {
    type Target = Harness;

    fn deref(&self) -> &Harness {
        &self.0
    }
}

/// A configuration where only configured (and created) gateways exist.
fn strict() -> LocalConfig {
    LocalConfig::default().with_unknown_gateways(UnknownGateway::Reject)
}

impl Rest {
    async fn start(config: LocalConfig) -> Self {
        Self(Harness::start(config).await)
    }

    fn url(&self, path: &str) -> String {
        format!("{}/accounts/{ACCOUNT}{path}", self.gateway.api_base_url())
    }

    /// `POST {path}` with the API token and `headers`.
    async fn call(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
        let auth = format!("Bearer {API_TOKEN}");
        let mut all = vec![("authorization", auth.as_str())];
        all.extend_from_slice(headers);
        self.post(&self.url(path), body.to_string(), &all).await
    }

    /// The logs of `gateway`, newest first.
    async fn logs_of(&self, gateway: &str) -> Vec<Value> {
        let answer = self.v4(reqwest::Method::GET, &self.logs_url(gateway), None).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        answer.json()["result"].as_array().cloned().unwrap_or_default()
    }
}

/// Asserts this API's error shape with `status` and `code`; returns the message.
#[track_caller]
fn rest_error(answer: &Answer, status: u16, code: i64) -> String {
    assert_eq!(answer.status, status, "status; body: {}", answer.text());
    let body = answer.json();
    assert_eq!(body["success"], json!(false), "{body}");
    assert_eq!(body["name"], json!("AiGatewayError"), "{body}");
    assert_eq!(body["internalCode"], json!(code), "{body}");
    assert_eq!(body["error"][0]["code"], json!(code), "{body}");
    assert_eq!(body["errors"][0]["code"], json!(code), "{body}");
    let message = body["message"].as_str().unwrap_or_else(|| panic!("no message: {body}")).to_owned();
    assert_eq!(body["error"][0]["message"], json!(message), "{body}");
    assert!(!message.is_empty());
    message
}

/// The `data:` payloads of an event stream, `[DONE]` included.
fn data_lines(answer: &Answer) -> Vec<String> {
    answer.text().lines().filter_map(|line| line.strip_prefix("data: ")).map(str::to_owned).collect()
}

/// The `event:` names of an event stream.
fn event_names(answer: &Answer) -> Vec<String> {
    answer.text().lines().filter_map(|line| line.strip_prefix("event: ")).map(str::to_owned).collect()
}

#[track_caller]
fn assert_stream(answer: &Answer) {
    assert_eq!(answer.status, 200, "{}", answer.text());
    let content_type = answer.header("content-type").unwrap_or_default();
    assert!(content_type.starts_with("text/event-stream"), "{content_type}");
}

fn chat(model: &str) -> Value {
    json!({"model": model, "messages": [{"role": "user", "content": "What is Cloudflare?"}]})
}

fn streamed(mut body: Value) -> Value {
    body["stream"] = json!(true);
    body
}

#[tokio::test]
async fn run_wraps_catalog_answers_and_passes_workers_ai_on() {
    let rest = Rest::start(LocalConfig::default()).await;
    let input = json!({"messages": [{"role": "user", "content": "What is Cloudflare?"}], "max_tokens": 512});
    let answer = rest.call("/ai/run", &json!({"model": "openai/gpt-4.1", "input": input}), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let body = answer.json();
    assert_eq!((&body["success"], &body["errors"], &body["messages"]), (&json!(true), &json!([]), &json!([])));
    assert_eq!(body["result"]["object"], "chat.completion", "{body}");
    // The provider is asked for its own model name.
    assert_eq!(body["result"]["model"], "gpt-4.1", "{body}");
    assert_eq!(answer.header("cf-aig-model"), Some("openai/gpt-4.1"));
    assert_eq!(answer.header("cf-aig-provider"), Some("openai"));
    assert!(answer.header("cf-aig-log-id").is_some());

    // Anthropic models get Anthropic's own Messages format.
    let input = json!({"messages": [{"role": "user", "content": "hi"}], "max_tokens": 64});
    let answer = rest.call("/ai/run", &json!({"model": "anthropic/claude-sonnet-4-5", "input": input}), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.json()["result"]["type"], "message", "{}", answer.text());
    let sent = rest.gateway.offline_upstream().unwrap().last_request().unwrap();
    assert_eq!((sent.provider.as_str(), sent.endpoint.as_str()), ("anthropic", "v1/messages"));
    assert_eq!(sent.headers["anthropic-version"], "2023-06-01");
    // xAI's and Google's models go to their providers' OpenAI-compatible paths.
    for (model, provider) in [("xai/grok-3", "grok"), ("google/gemini-3-flash", "google-ai-studio")] {
        let answer = rest.call("/ai/run", &json!({"model": model, "input": input}), &[]).await;
        assert_eq!(answer.status, 200, "{model}: {}", answer.text());
        assert_eq!(answer.json()["result"]["object"], "chat.completion", "{model}");
        assert_eq!(answer.header("cf-aig-provider"), Some(provider));
    }

    // Workers AI: the model in the path, `input` as the body, the envelope as the model answers it.
    let body = json!({"model": MODEL, "input": {"prompt": "What is Cloudflare?"}});
    let answer = rest.call("/ai/run", &body, &[("cf-aig-gateway-id", "default")]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let body = answer.json();
    assert_eq!(body["success"], true);
    assert!(body["result"]["response"].is_string(), "not wrapped twice: {body}");
    let sent = rest.gateway.offline_upstream().unwrap().last_request().unwrap();
    assert_eq!((sent.provider.as_str(), sent.endpoint.as_str()), ("workers-ai", MODEL));
    assert_eq!(serde_json::from_slice::<Value>(&sent.body).unwrap(), json!({"prompt": "What is Cloudflare?"}));
    assert_eq!(answer.header("cf-aig-model"), Some(MODEL));
    assert_eq!(answer.header("cf-aig-provider"), Some("workers-ai"));
}

#[tokio::test]
async fn run_streams_the_providers_events() {
    let rest = Rest::start(LocalConfig::default()).await;
    let input = json!({"messages": [{"role": "user", "content": "hi"}], "stream": true});
    let answer = rest.call("/ai/run", &json!({"model": "openai/gpt-5.5", "input": input}), &[]).await;
    assert_stream(&answer);
    let data = data_lines(&answer);
    assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
    assert_eq!(serde_json::from_str::<Value>(&data[0]).unwrap()["object"], "chat.completion.chunk");
    let answer =
        rest.call("/ai/run", &json!({"model": MODEL, "input": input}), &[("cf-aig-gateway-id", "default")]).await;
    assert_stream(&answer);
    assert_eq!(data_lines(&answer).last().map(String::as_str), Some("[DONE]"));
}

#[tokio::test]
async fn chat_completions_plain_and_streamed_for_every_author() {
    let rest = Rest::start(LocalConfig::default()).await;
    let workers_ai = format!("workers-ai/{MODEL}");
    let cases = [
        ("openai/gpt-5.5", "openai", "gpt-5.5"),
        ("anthropic/claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5"),
        ("google/gemini-3-flash", "google-ai-studio", "gemini-3-flash"),
        ("xai/grok-3", "grok", "grok-3"),
        (workers_ai.as_str(), "workers-ai", MODEL),
        (MODEL, "workers-ai", MODEL),
    ];
    for (model, provider, provider_model) in cases {
        let gateway = [("cf-aig-gateway-id", "default")];
        let answer = rest.call("/ai/v1/chat/completions", &chat(model), &gateway).await;
        assert_eq!(answer.status, 200, "{model}: {}", answer.text());
        let body = answer.json();
        // The vendor body, unchanged (no envelope).
        assert_eq!(body["object"], "chat.completion", "{model}: {body}");
        assert_eq!(body["model"], provider_model, "{model}: {body}");
        assert_eq!(answer.header("cf-aig-provider"), Some(provider), "{model}");
        assert_eq!(answer.header("cf-aig-model"), Some(model.trim_start_matches("workers-ai/")), "{model}");
        let answer = rest.call("/ai/v1/chat/completions", &streamed(chat(model)), &gateway).await;
        assert_stream(&answer);
        assert_eq!(data_lines(&answer).last().map(String::as_str), Some("[DONE]"), "{model}");
    }
}

#[tokio::test]
async fn responses_plain_and_streamed() {
    let rest = Rest::start(LocalConfig::default()).await;
    let request = json!({"model": "openai/gpt-5.5", "input": "What is Cloudflare?"});
    let answer = rest.call("/ai/v1/responses", &request, &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let whole = answer.json();
    assert_eq!(
        (&whole["object"], &whole["status"], &whole["model"]),
        (&json!("response"), &json!("completed"), &json!("gpt-5.5"))
    );
    let sent = rest.gateway.offline_upstream().unwrap().last_request().unwrap();
    assert_eq!((sent.provider.as_str(), sent.endpoint.as_str()), ("openai", "responses"));

    let answer = rest.call("/ai/v1/responses", &streamed(request.clone()), &[]).await;
    assert_stream(&answer);
    let names = event_names(&answer);
    assert_eq!(names.first().map(String::as_str), Some("response.created"), "{names:?}");
    assert_eq!(names.last().map(String::as_str), Some("response.completed"), "{names:?}");
    let events: Vec<Value> = data_lines(&answer).iter().map(|d| serde_json::from_str(d).unwrap()).collect();
    let deltas: String = events
        .iter()
        .filter(|e| e["type"] == "response.output_text.delta")
        .map(|e| e["delta"].as_str().unwrap())
        .collect();
    assert_eq!(deltas, whole["output_text"].as_str().unwrap(), "the deltas add up to the text");
    for (i, event) in events.iter().enumerate() {
        assert_eq!(event["sequence_number"], json!(i));
        assert_eq!(event["type"].as_str(), Some(names[i].as_str()));
    }
    assert_eq!(events.last().unwrap()["response"]["output_text"], whole["output_text"]);

    // Workers AI serves it too, with a gateway.
    let request = json!({"model": MODEL, "input": "hi", "stream": true});
    let answer = rest.call("/ai/v1/responses", &request, &[("cf-aig-gateway-id", "default")]).await;
    assert_stream(&answer);
    assert_eq!(event_names(&answer).last().map(String::as_str), Some("response.completed"));
}

#[tokio::test]
async fn messages_plain_and_streamed_with_the_token_as_x_api_key() {
    let rest = Rest::start(LocalConfig::default()).await;
    let request = json!({"model": "anthropic/claude-sonnet-4-5", "max_tokens": 512,
                         "messages": [{"role": "user", "content": "What is Cloudflare?"}]});
    // As the Anthropic SDK sends its key.
    let headers = [("x-api-key", API_TOKEN), ("anthropic-version", "2023-06-01"), ("content-type", "application/json")];
    let answer = rest.post(&rest.url("/ai/v1/messages"), request.to_string(), &headers).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let body = answer.json();
    assert_eq!((&body["type"], &body["model"]), (&json!("message"), &json!("claude-sonnet-4-5")), "{body}");
    assert_eq!(answer.header("cf-aig-model"), Some("anthropic/claude-sonnet-4-5"));
    // Neither the API token nor any other credential reaches the provider.
    let sent = rest.gateway.offline_upstream().unwrap().last_request().unwrap();
    assert!(sent.headers.get("x-api-key").is_none() && sent.headers.get("authorization").is_none());
    assert_eq!(sent.headers["anthropic-version"], "2023-06-01");

    let answer = rest.post(&rest.url("/ai/v1/messages"), streamed(request).to_string(), &headers).await;
    assert_stream(&answer);
    let names = event_names(&answer);
    assert_eq!(names.first().map(String::as_str), Some("message_start"), "{names:?}");
    assert_eq!(names.last().map(String::as_str), Some("message_stop"), "{names:?}");
}

#[tokio::test]
async fn the_v4_token_is_required_and_never_forwarded() {
    let rest = Rest::start(LocalConfig::default()).await;
    let url = rest.url("/ai/v1/chat/completions");
    let body = chat("openai/gpt-5.5").to_string();
    for headers in [
        vec![],
        vec![("authorization", "Bearer wrong")],
        // `x-api-key` is the Anthropic SDK's, accepted on `/ai/v1/messages` only.
        vec![("x-api-key", API_TOKEN)],
        vec![("cf-aig-authorization", "Bearer local-api-token")],
    ] {
        let answer = rest.post(&url, body.clone(), &headers).await;
        rest_error(&answer, 401, 10000);
    }
    let answer = rest.post(&rest.url("/ai/v1/messages"), body.clone(), &[("x-api-key", "wrong")]).await;
    rest_error(&answer, 401, 10000);
    assert_eq!(rest.seen(), 0, "nothing reached the upstream");
    // Another account: no route.
    let other = url.replace(ACCOUNT, "someone-else");
    let answer = rest.post(&other, body.clone(), &[("authorization", &format!("Bearer {API_TOKEN}"))]).await;
    rest_error(&answer, 404, 7003);

    let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let sent = rest.gateway.offline_upstream().unwrap().last_request().unwrap();
    assert!(sent.headers.get("authorization").is_none(), "the API token is not the provider's key");

    // No api_token configured: the API is open, as the logs API is.
    let open = Rest::start(LocalConfig::default().with_api_token(None)).await;
    let answer = open.post(&open.url("/ai/v1/chat/completions"), body, &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
}

#[tokio::test]
async fn the_gateway_id_picks_the_gateway() {
    let config = strict().with_gateway("prod", GatewaySettings::default());
    let rest = Rest::start(config).await;
    let llama = json!({"model": MODEL, "input": {"prompt": "hi"}});
    // Workers AI models need the header.
    let message = rest_error(&rest.call("/ai/run", &llama, &[]).await, 400, 2001);
    assert!(message.contains("cf-aig-gateway-id"), "{message}");
    // An id that is neither configured nor created, whatever the model.
    for body in [&llama, &json!({"model": "openai/gpt-5.5", "input": {"messages": []}})] {
        let message = rest_error(&rest.call("/ai/run", body, &[("cf-aig-gateway-id", "staging")]).await, 400, 2001);
        assert!(message.contains("staging"), "{message}");
    }
    // A malformed id.
    let message = rest_error(&rest.call("/ai/run", &llama, &[("cf-aig-gateway-id", "Bad Id")]).await, 400, 2007);
    assert!(message.contains("cf-aig-gateway-id"), "{message}");
    assert_eq!(rest.seen(), 0);
    // A configured one: its logs.
    let answer = rest.call("/ai/run", &llama, &[("cf-aig-gateway-id", "prod")]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let logs = rest.logs_of("prod").await;
    assert_eq!(logs.len(), 1);
    assert_eq!((&logs[0]["provider"], &logs[0]["model"]), (&json!("workers-ai"), &json!(MODEL)));
}

#[tokio::test]
async fn the_default_gateway_is_created_on_first_use_as_cloudflare_creates_it() {
    let rest = Rest::start(strict()).await;
    let provider_url = rest.provider_url("default", "openai", "chat/completions");
    let body = chat("gpt-4o-mini").to_string();
    // Not there yet: the gateway host and the logs API do not know it.
    rest.post(&provider_url, body.clone(), &[]).await.gateway_error(400, 2001);
    assert_eq!(rest.v4(reqwest::Method::GET, &rest.logs_url("default"), None).await.status, 404);
    // A refused request does not create it.
    rest.post(&rest.url("/ai/v1/chat/completions"), chat("openai/gpt-5.5").to_string(), &[]).await;
    rest.post(&provider_url, body.clone(), &[]).await.gateway_error(400, 2001);

    let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    // Logs on: the request is logged there, with its provider and model.
    let logs = rest.logs_of("default").await;
    assert_eq!(logs.len(), 1);
    assert_eq!((&logs[0]["provider"], &logs[0]["model"]), (&json!("openai"), &json!("gpt-5.5")));
    assert_eq!(logs[0]["id"].as_str(), answer.header("cf-aig-log-id"));
    // Caching off: the same request again goes upstream again.
    let seen = rest.seen();
    let again = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await;
    assert_eq!(again.header("cf-aig-cache-status"), Some("MISS"));
    assert_eq!(rest.seen(), seen + 1);
    // Authentication on: the gateway host wants `cf-aig-authorization`, and takes the API token there.
    rest.post(&provider_url, body.clone(), &[]).await.gateway_error(401, 2009);
    rest.post(&provider_url, body.clone(), &[("cf-aig-authorization", "Bearer wrong")]).await.gateway_error(401, 2009);
    let bearer = format!("Bearer {API_TOKEN}");
    let answer = rest.post(&provider_url, body, &[("cf-aig-authorization", &bearer)]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    // Rate limiting off: many requests, none refused.
    for _ in 0..20 {
        assert_eq!(rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await.status, 200);
    }
}

#[tokio::test]
async fn the_gateway_host_creates_default_for_the_api_token() {
    let rest = Rest::start(strict()).await;
    let url = rest.provider_url("default", "openai", "chat/completions");
    let body = chat("gpt-4o-mini").to_string();
    // Not authenticated: not created.
    rest.post(&url, body.clone(), &[("cf-aig-authorization", "Bearer wrong")]).await.gateway_error(400, 2001);
    rest.post(&url, body.clone(), &[("authorization", &format!("Bearer {API_TOKEN}"))]).await.gateway_error(400, 2001);
    let bearer = format!("Bearer {API_TOKEN}");
    let answer = rest.post(&url, body.clone(), &[("cf-aig-authorization", &bearer)]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    // Created with authentication on, and logs on.
    rest.post(&url, body, &[]).await.gateway_error(401, 2009);
    assert_eq!(rest.logs_of("default").await.len(), 1);
}

#[tokio::test]
async fn the_default_gateway_stays_created_across_a_restart() {
    let dir = TempDir::new("rest-default");
    let db = dir.join("logs.db");
    let provider_url = |rest: &Rest| rest.provider_url("default", "openai", "chat/completions");
    let body = chat("gpt-4o-mini").to_string();
    {
        let rest = Rest(Harness::start_with(strict(), Database::File(db.clone())).await);
        rest.post(&provider_url(&rest), body.clone(), &[]).await.gateway_error(400, 2001);
        assert_eq!(rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await.status, 200);
        let Rest(harness) = rest;
        harness.gateway.shutdown().await.expect("shutdown");
    }
    let rest = Rest(Harness::start_with(strict(), Database::File(db)).await);
    // Still there, still with authentication on.
    rest.post(&provider_url(&rest), body, &[]).await.gateway_error(401, 2009);
    assert_eq!(rest.logs_of("default").await.len(), 1);
    // The token it authenticates with is the configuration's, never stored.
    for file in ["logs.db", "logs.db-wal"] {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
        assert!(!bytes.windows(API_TOKEN.len()).any(|w| w == API_TOKEN.as_bytes()), "{file} holds the token");
    }
}

#[tokio::test]
async fn a_configured_default_gateway_wins() {
    let config = strict().with_gateway("default", GatewaySettings::default().with_cache_ttl(60));
    let rest = Rest::start(config).await;
    for expected in ["MISS", "HIT"] {
        let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await;
        assert_eq!(answer.header("cf-aig-cache-status"), Some(expected));
    }
    // Not created with authentication on: the configuration says no token.
    let answer =
        rest.post(&rest.provider_url("default", "openai", "chat/completions"), chat("gpt-4o").to_string(), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
}

#[tokio::test]
async fn models_this_api_does_not_serve_are_refused_in_its_shape() {
    let rest = Rest::start(LocalConfig::default()).await;
    let cases = [
        ("/ai/run", json!({"model": "meta/llama-4", "input": {}}), "no known author"),
        ("/ai/run", json!({"model": "gpt-4o", "input": {}}), "catalog name"),
        ("/ai/v1/chat/completions", chat("dynamic/support"), "no deployed dynamic route named `support`"),
        ("/ai/v1/messages", chat("dynamic/support"), "dynamic routes take OpenAI Chat Completions"),
        ("/ai/v1/chat/completions", chat("@cf/"), "names no model"),
        ("/ai/v1/responses", chat("anthropic/claude-sonnet-4-5"), "not served on /ai/v1/responses"),
        ("/ai/v1/messages", chat("openai/gpt-5.5"), "not served on /ai/v1/messages"),
        ("/ai/v1/messages", chat(MODEL), "not served on /ai/v1/messages"),
    ];
    for (path, body, says) in cases {
        let message = rest_error(&rest.call(path, &body, &[("cf-aig-gateway-id", "default")]).await, 400, 7003);
        assert!(message.contains(says), "{path} {body}: {message}");
    }
    let malformed = [
        ("/ai/run", json!({"model": "openai/gpt-5.5"}), "input"),
        ("/ai/run", json!({"model": "openai/gpt-5.5", "input": "hi"}), "input"),
        ("/ai/run", json!({"input": {}}), "model"),
        ("/ai/v1/chat/completions", json!({"model": 5}), "model"),
        ("/ai/v1/chat/completions", json!([1]), "JSON object"),
    ];
    for (path, body, says) in malformed {
        let message = rest_error(&rest.call(path, &body, &[]).await, 400, 2002);
        assert!(message.contains(says), "{path} {body}: {message}");
    }
    let answer = rest.post(&rest.url("/ai/run"), "{", &[("authorization", &format!("Bearer {API_TOKEN}"))]).await;
    rest_error(&answer, 400, 2002);
    // Other paths under `/ai/v1/`: no route, in this API's shape.
    let answer =
        rest.call("/ai/v1/embeddings", &json!({"model": "openai/text-embedding-3-small", "input": "x"}), &[]).await;
    rest_error(&answer, 404, 7003);
    assert_eq!(rest.seen(), 0);
}

#[tokio::test]
async fn cache_rate_limit_retries_and_logs_apply() {
    let settings = GatewaySettings::default().with_cache_ttl(60).with_rate_limit(4, 60);
    let rest = Rest::start(strict().with_gateway("prod", settings)).await;
    let prod = [("cf-aig-gateway-id", "prod")];
    let body = json!({"model": "openai/gpt-5.5", "input": {"messages": [{"role": "user", "content": "hi"}]}});
    let first = rest.call("/ai/run", &body, &prod).await;
    let second = rest.call("/ai/run", &body, &prod).await;
    assert_eq!(
        (first.header("cf-aig-cache-status"), second.header("cf-aig-cache-status")),
        (Some("MISS"), Some("HIT"))
    );
    assert_eq!(first.json(), second.json(), "a cached answer is wrapped like a fresh one");
    assert_eq!(rest.seen(), 1);

    // Retries, as `cf-aig-max-attempts` asks.
    let upstream = rest.gateway.offline_upstream().unwrap();
    upstream.add_fault(FaultRule::new(Fault::Status(500)).for_provider("openai").times(1));
    let headers = [("cf-aig-gateway-id", "prod"), ("cf-aig-max-attempts", "2"), ("cf-aig-skip-cache", "true")];
    let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &headers).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(upstream.attempts("openai"), 3);
    // A bad option is refused in this API's shape.
    let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[("cf-aig-max-attempts", "9")]).await;
    rest_error(&answer, 400, 2007);

    // The rate limit: 4 requests per minute, the fifth refused.
    rest.call("/ai/run", &body, &prod).await;
    let answer = rest.call("/ai/run", &body, &prod).await;
    rest_error(&answer, 429, 2003);
    assert_eq!(answer.header("retry-after"), Some("60"));

    // Custom costs, as on the gateway host.
    let cost = [("cf-aig-custom-cost", r#"{"per_token_in":1,"per_token_out":2}"#)];
    let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &cost).await;
    let log =
        rest.logs_of("default").await.into_iter().find(|log| log["id"].as_str() == answer.header("cf-aig-log-id"));
    let log = log.expect("the log of the request");
    assert_eq!(log["custom_cost"], true, "{log}");
    let expected = log["tokens_in"].as_f64().unwrap() + 2.0 * log["tokens_out"].as_f64().unwrap();
    assert_eq!(log["cost"].as_f64(), Some(expected), "{log}");

    let logs = rest.logs_of("prod").await;
    assert_eq!(logs.len(), 4, "one log per request, retries included: {logs:?}");
    assert!(logs.iter().all(|log| log["provider"] == "openai" && log["model"] == "gpt-5.5"), "{logs:?}");
}

#[tokio::test]
async fn upstream_failures_answer_in_this_apis_shape() {
    let rest = Rest::start(LocalConfig::default()).await;
    let upstream = rest.gateway.offline_upstream().unwrap();
    // A provider refusing the credential: 401/2009, still logged.
    upstream.add_fault(FaultRule::new(Fault::Status(401)).for_provider("anthropic").times(1));
    let request = json!({"model": "anthropic/claude-sonnet-4-5", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]});
    let answer = rest.call("/ai/v1/messages", &request, &[]).await;
    let message = rest_error(&answer, 401, 2009);
    assert!(message.contains("provider credential"), "{message}");
    assert!(answer.header("cf-aig-log-id").is_some());
    // The gateway's own failures too.
    upstream.add_fault(FaultRule::new(Fault::Drop).for_provider("openai").times(1));
    let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await;
    rest_error(&answer, 502, 2005);
    // Other provider errors pass through as the provider sent them.
    upstream.add_fault(FaultRule::new(Fault::Status(400)).for_provider("openai").times(1));
    let answer = rest.call("/ai/v1/chat/completions", &chat("openai/gpt-5.5"), &[]).await;
    assert_eq!(answer.status, 400);
    assert!(answer.json()["error"]["message"].is_string(), "OpenAI's own error body: {}", answer.text());
}
