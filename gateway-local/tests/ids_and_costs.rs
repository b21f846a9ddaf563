//! Ids and what an answer reports, over loopback HTTP: new log and request
//! ids are lowercase `UUIDv7` (spec §4.1) and a single-step answer carries the
//! same value in `cf-aig-request-id`, `cf-aig-log-id` and `cf-aig-event-id`
//! (a caller's event id comes back as sent); a universal fallback's ids;
//! `cf-aig-model` and `cf-aig-provider` on every answer; old ULID logs still
//! listed, fetched and patched; cache-token custom costs in the log, plain
//! and streamed.

use common::harness::{API_TOKEN, Answer, Harness, MODEL};
use gateway_local::{Database, GatewaySettings, LocalConfig};
use serde_json::{Value, json};
use wiremock::matchers::{body_string_contains, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod common;

/// Whether `id` is a lowercase `UUIDv7` in its 36-character form.
fn is_uuid_v7(id: &str) -> bool {
    id.len() == 36 && id == id.to_ascii_lowercase() && uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 7)
}

async fn workers_ai(h: &Harness, gateway: &str, headers: &[(&str, &str)]) -> Answer {
    let body = json!({"messages": [{"role": "user", "content": "hi"}]});
    h.post(&h.provider_url(gateway, "workers-ai", MODEL), body.to_string(), headers).await
}

async fn log(h: &Harness, gateway: &str, id: &str) -> Answer {
    h.v4(reqwest::Method::GET, &h.api_url(gateway, &format!("logs/{id}")), None).await
}

#[tokio::test]
async fn a_single_step_answer_carries_one_uuid_v7_in_all_three_ids_with_its_model_and_provider() {
    let h = Harness::start(LocalConfig::default()).await;
    let answer = workers_ai(&h, "g", &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let id = answer.header("cf-aig-log-id").expect("a log id").to_owned();
    assert!(is_uuid_v7(&id), "{id}");
    assert_eq!(answer.header("cf-aig-request-id"), Some(id.as_str()));
    assert_eq!(answer.header("cf-aig-event-id"), Some(id.as_str()));
    assert_eq!(answer.header("cf-aig-model"), Some(MODEL));
    assert_eq!(answer.header("cf-aig-provider"), Some("workers-ai"));
    let logged = log(&h, "g", &id).await;
    assert_eq!(logged.status, 200, "{}", logged.text());
    assert_eq!(logged.json()["result"]["model"], json!(MODEL), "the header names the model as logged");

    // A caller's event id comes back as sent; the other two still agree.
    let answer = workers_ai(&h, "g", &[("cf-aig-event-id", "my-event-7")]).await;
    assert_eq!(answer.header("cf-aig-event-id"), Some("my-event-7"));
    let id = answer.header("cf-aig-log-id").unwrap();
    assert!(is_uuid_v7(id) && answer.header("cf-aig-request-id") == Some(id));

    // Unlogged: no log id, still a request id.
    let answer = workers_ai(&h, "g", &[("cf-aig-collect-log", "false")]).await;
    assert_eq!(answer.header("cf-aig-log-id"), None);
    assert!(answer.header("cf-aig-request-id").is_some_and(is_uuid_v7));
    assert_eq!(answer.header("cf-aig-event-id"), answer.header("cf-aig-request-id"));

    // The compat route too (and the model without its provider prefix, as logged).
    let body = json!({"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]});
    let answer = h.post(&h.provider_url("g", "compat", "chat/completions"), body.to_string(), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(
        (answer.header("cf-aig-model"), answer.header("cf-aig-provider")),
        (Some("gpt-4o-mini"), Some("openai"))
    );
}

#[tokio::test]
async fn ids_sort_in_creation_order() {
    let h = Harness::start(LocalConfig::default()).await;
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(workers_ai(&h, "g", &[]).await.header("cf-aig-log-id").unwrap().to_owned());
    }
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "UUIDv7s minted one after another sort as text in that order");
    let listed = h
        .v4(reqwest::Method::GET, &h.api_url("g", "logs?order_by=created_at&order_by_direction=asc"), None)
        .await
        .json();
    let listed: Vec<&str> = listed["result"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(listed, ids);
}

#[tokio::test]
async fn a_fallback_reports_the_step_that_answered_and_keeps_the_request_id() {
    let upstream = MockServer::start().await;
    Mock::given(path("/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"error": {"message": "down"}})))
        .mount(&upstream)
        .await;
    let config = LocalConfig::default().with_upstream("openai", format!("{}/v1", upstream.uri()));
    let h = Harness::start(config).await;
    let steps = json!([
        {"provider": "openai", "endpoint": "chat/completions", "headers": {"authorization": "Bearer sk-caller"},
         "query": {"model": "gpt-4o-mini", "messages": []}},
        {"provider": "workers-ai", "endpoint": MODEL, "headers": {}, "query": {"messages": []}},
    ]);
    let answer = h.universal("g", &steps, &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.header("cf-aig-step"), Some("1"));
    assert_eq!((answer.header("cf-aig-model"), answer.header("cf-aig-provider")), (Some(MODEL), Some("workers-ai")));
    let (request, log_id) = (answer.header("cf-aig-request-id").unwrap(), answer.header("cf-aig-log-id").unwrap());
    assert!(is_uuid_v7(request) && is_uuid_v7(log_id));
    assert_ne!(request, log_id, "the answering step has a log of its own");
    assert_eq!(answer.header("cf-aig-event-id"), Some(request));
    // The first step's log carries the request id.
    let first = log(&h, "g", request).await;
    assert_eq!(first.json()["result"]["provider"], json!("openai"), "{}", first.text());
    assert_eq!(log(&h, "g", log_id).await.json()["result"]["provider"], json!("workers-ai"));
}

#[tokio::test]
async fn an_old_ulid_log_is_still_listed_fetched_and_patched() {
    const ULID: &str = "01JADMCQQQBWH3NXZ5GCRN98DP";
    let dir = std::env::temp_dir().join(format!("gl-ulid-{}-{}", std::process::id(), line!()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("logs.sqlite3");
    let h = Harness::start_with(LocalConfig::default(), Database::File(db.clone())).await;
    let id = workers_ai(&h, "g", &[]).await.header("cf-aig-log-id").unwrap().to_owned();
    // A database written before UUIDv7 ids: the same row under a ULID.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    assert_eq!(conn.execute("UPDATE logs SET id = ?1 WHERE id = ?2", [ULID, &id]).unwrap(), 1);
    drop(conn);
    let listed = h.v4(reqwest::Method::GET, &h.logs_url("g"), None).await.json();
    assert_eq!(listed["result"][0]["id"], json!(ULID), "{listed}");
    let fetched = log(&h, "g", ULID).await;
    assert_eq!(fetched.status, 200, "{}", fetched.text());
    assert_eq!(fetched.json()["result"]["id"], json!(ULID));
    let patched = h
        .v4(reqwest::Method::PATCH, &h.api_url("g", &format!("logs/{ULID}")), Some(br#"{"feedback":1,"score":90}"#))
        .await;
    assert_eq!(patched.status, 200, "{}", patched.text());
    assert_eq!(h.gateway.store().evaluation("g", ULID).await.unwrap(), Some((Some(1.0), Some(90.0))));
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The cost logged for the one log of gateway `g`.
async fn logged_cost(h: &Harness, gateway: &str) -> Value {
    let listed = h.v4(reqwest::Method::GET, &h.logs_url(gateway), None).await.json();
    assert_eq!(listed["result"].as_array().map(Vec::len), Some(1), "{listed}");
    listed["result"][0]["cost"].clone()
}

/// `cf-aig-custom-cost` with binary-exact rates: in 0.5, out 2, cache read 0.125, cache write 1.
const RATES: &str = r#"{"per_token_in":0.5,"per_token_out":2,"per_cache_read_token":0.125,"per_cache_write_token":1}"#;

#[tokio::test]
async fn cache_token_costs_reach_the_log_plain_and_streamed() {
    let upstream = MockServer::start().await;
    // Anthropic: 60 uncached input tokens, 40 read from the cache, 8 written, 10 out (cache apart from input).
    Mock::given(path("/v1/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "message", "content": [],
            "usage": {"input_tokens": 60, "output_tokens": 10, "cache_read_input_tokens": 40, "cache_creation_input_tokens": 8}
        })))
        .mount(&upstream)
        .await;
    // OpenAI, streamed: 100 input tokens of which 40 cached (inside the input), 10 out.
    let stream = concat!(
        "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}\n\n",
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":10,",
        "\"prompt_tokens_details\":{\"cached_tokens\":40}}}\n\n",
        "data: [DONE]\n\n",
    );
    Mock::given(path("/v1/chat/completions"))
        .and(body_string_contains("\"stream\":true"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(stream, "text/event-stream"))
        .mount(&upstream)
        .await;
    let config = LocalConfig::default()
        .with_upstream("anthropic", upstream.uri())
        .with_upstream("openai", format!("{}/v1", upstream.uri()))
        .with_gateway("plain", GatewaySettings::default())
        .with_gateway("streamed", GatewaySettings::default());
    let h = Harness::start(config).await;
    let headers = [("cf-aig-custom-cost", RATES), ("x-api-key", "sk-caller"), ("authorization", "Bearer sk-caller")];
    let body = json!({"model": "claude-sonnet-4", "max_tokens": 8, "messages": []});
    let answer = h.post(&h.provider_url("plain", "anthropic", "v1/messages"), body.to_string(), &headers).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(logged_cost(&h, "plain").await, json!(60.0 * 0.5 + 40.0 * 0.125 + 8.0 + 10.0 * 2.0));

    let body = json!({"model": "gpt-4o-mini", "stream": true, "messages": []});
    let answer = h.post(&h.provider_url("streamed", "openai", "chat/completions"), body.to_string(), &headers).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    // Read to its end: the log is complete when the body is.
    assert!(answer.text().ends_with("data: [DONE]\n\n"));
    // No double counting: 60 uncached at the input rate, 40 at the cache-read rate.
    let want = json!(60.0 * 0.5 + 40.0 * 0.125 + 10.0 * 2.0);
    let mut cost = logged_cost(&h, "streamed").await;
    for _ in 0..50 {
        if cost == want {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        cost = logged_cost(&h, "streamed").await;
    }
    assert_eq!(cost, want);
    let _ = API_TOKEN;
}

/// One AWS event-stream message (zero checksums: the log does not check them).
fn eventstream_message(event_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut headers = vec![11];
    headers.extend(b":event-type\x07");
    headers.extend(u16::try_from(event_type.len()).unwrap().to_be_bytes());
    headers.extend(event_type.as_bytes());
    let total = u32::try_from(12 + headers.len() + payload.len() + 4).unwrap();
    let mut out = total.to_be_bytes().to_vec();
    out.extend(u32::try_from(headers.len()).unwrap().to_be_bytes());
    out.extend([0; 4]);
    out.extend(headers);
    out.extend(payload);
    out.extend([0; 4]);
    out
}

#[tokio::test]
async fn bedrock_cache_tokens_in_camel_case_reach_the_log_plain_and_streamed() {
    let upstream = MockServer::start().await;
    let usage = json!({"inputTokens": 60, "outputTokens": 10, "totalTokens": 118,
        "cacheReadInputTokens": 40, "cacheWriteInputTokens": 8});
    Mock::given(path("/model/m/converse"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"output": {}, "usage": usage})))
        .mount(&upstream)
        .await;
    let mut stream = eventstream_message("contentBlockDelta", br#"{"delta":{"text":"hi"},"contentBlockIndex":0}"#);
    stream.extend(eventstream_message(
        "metadata",
        json!({"usage": usage, "metrics": {"latencyMs": 5}}).to_string().as_bytes(),
    ));
    Mock::given(path("/model/m/converse-stream"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(stream, "application/vnd.amazon.eventstream"))
        .mount(&upstream)
        .await;
    let config = LocalConfig::default().with_upstream("aws-bedrock", format!("{}/", upstream.uri()));
    let h = Harness::start(config).await;
    let headers = [("cf-aig-custom-cost", RATES), ("authorization", "Bearer caller")];
    let want = json!(60.0 * 0.5 + 40.0 * 0.125 + 8.0 + 10.0 * 2.0);
    for (gateway, endpoint) in [("plain", "model/m/converse"), ("streamed", "model/m/converse-stream")] {
        let answer = h.post(&h.provider_url(gateway, "aws-bedrock", endpoint), "{}", &headers).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert_eq!(logged_cost(&h, gateway).await, want, "{gateway}");
    }
}
