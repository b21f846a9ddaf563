//! Stored provider keys (`provider_keys`, standing in for Cloudflare's
//! stored keys and Unified Billing) over loopback HTTP, against recording
//! upstreams: a request without a credential is sent with the stored key of
//! the alias it names (`default` else) in the provider's own header, on every
//! route; a request's own key wins; `byok_only` and `cf-aig-no-wholesale:
//! true` refuse a third-party request left without a credential (Workers AI
//! is not affected); and the key is nowhere but in the upstream request: not
//! in the database, the logs API, `/health` or `Debug` output.

use common::harness::{Answer, Harness, MODEL};
use gateway_local::config::ProviderKey;
use gateway_local::{Database, GatewaySettings, LocalConfig, LocalGateway};
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

mod common;

const DEFAULT_KEY: &str = "sk-STORED-DEFAULT-4b1d";
const TEAM_KEY: &str = "sk-STORED-TEAM-9c2e";
const ANTHROPIC_KEY: &str = "sk-ant-STORED-77aa";
/// The code of the `byok_only` / `cf-aig-no-wholesale` refusal (ours).
const CREDENTIAL_REQUIRED: i64 = 2008;
/// The code of an invalid `cf-aig-*` header (ours).
const INVALID_HEADER: i64 = 2007;

fn keys(pairs: &[(&str, &str)]) -> std::collections::BTreeMap<String, ProviderKey> {
    pairs.iter().map(|(alias, key)| ((*alias).to_owned(), ProviderKey::Value((*key).to_owned()))).collect()
}

/// A gateway whose OpenAI and Anthropic upstreams record what they get,
/// with stored keys for both and gateways `open` and `strict` (`byok_only`).
async fn start(database: Database) -> (Harness, MockServer) {
    let upstream = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"choices": [], "usage": {"prompt_tokens": 1}})))
        .mount(&upstream)
        .await;
    let mut config = LocalConfig::default()
        .with_upstream("openai", format!("{}/v1", upstream.uri()))
        .with_upstream("anthropic", upstream.uri())
        .with_upstream("groq", format!("{}/groq", upstream.uri()))
        .with_gateway("open", GatewaySettings::default())
        .with_gateway("strict", GatewaySettings::default().with_byok_only(true));
    config.provider_keys.insert("openai".to_owned(), keys(&[("default", DEFAULT_KEY), ("team-b", TEAM_KEY)]));
    config.provider_keys.insert("anthropic".to_owned(), keys(&[("default", ANTHROPIC_KEY)]));
    (Harness::start_with(config, database).await, upstream)
}

async fn openai(h: &Harness, gateway: &str, headers: &[(&str, &str)]) -> Answer {
    let body = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]});
    h.post(&h.provider_url(gateway, "openai", "chat/completions"), body.to_string(), headers).await
}

/// The headers of the last request the upstream received.
async fn last_headers(upstream: &MockServer) -> wiremock::http::HeaderMap {
    upstream.received_requests().await.expect("recorded").last().expect("a request").headers.clone()
}

fn header<'a>(headers: &'a wiremock::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn a_stored_key_reaches_the_upstream_in_the_providers_header_on_every_route() {
    let (h, upstream) = start(Database::Memory).await;
    // Provider route, default alias, Bearer.
    let answer = openai(&h, "open", &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let bearer = format!("Bearer {DEFAULT_KEY}");
    assert_eq!(header(&last_headers(&upstream).await, "authorization"), Some(bearer.as_str()));
    // The alias selects.
    openai(&h, "open", &[("cf-aig-byok-alias", "team-b")]).await;
    let team = format!("Bearer {TEAM_KEY}");
    assert_eq!(header(&last_headers(&upstream).await, "authorization"), Some(team.as_str()));
    // Anthropic: its own header, not `authorization`.
    let body = json!({"model": "claude-sonnet-4", "max_tokens": 8, "messages": []});
    let answer = h.post(&h.provider_url("open", "anthropic", "v1/messages"), body.to_string(), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let seen = last_headers(&upstream).await;
    assert_eq!(header(&seen, "x-api-key"), Some(ANTHROPIC_KEY));
    assert_eq!(header(&seen, "authorization"), None);
    // Universal: per step, with a step-level alias.
    let steps = json!([{"provider": "openai", "endpoint": "chat/completions",
        "headers": {"cf-aig-byok-alias": "team-b"}, "query": {"model": "gpt-4o-mini", "messages": []}}]);
    let answer = h.universal("open", &steps, &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(header(&last_headers(&upstream).await, "authorization"), Some(team.as_str()));
    // Compat.
    let body = json!({"model": "openai/gpt-4o-mini", "messages": []});
    let answer = h.post(&h.provider_url("open", "compat", "chat/completions"), body.to_string(), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(header(&last_headers(&upstream).await, "authorization"), Some(bearer.as_str()));
}

#[tokio::test]
async fn a_requests_own_key_wins() {
    let (h, upstream) = start(Database::Memory).await;
    openai(&h, "open", &[("authorization", "Bearer sk-CALLER"), ("cf-aig-byok-alias", "team-b")]).await;
    let seen = last_headers(&upstream).await;
    assert_eq!(seen.get_all("authorization").iter().count(), 1);
    assert_eq!(header(&seen, "authorization"), Some("Bearer sk-CALLER"));
    // Anthropic's own header, or an OpenAI-style `authorization`, both count as the caller's.
    let body = json!({"model": "claude-sonnet-4", "max_tokens": 8, "messages": []});
    for caller in [("x-api-key", "sk-ant-CALLER"), ("authorization", "Bearer sk-ant-CALLER")] {
        h.post(&h.provider_url("open", "anthropic", "v1/messages"), body.to_string(), &[caller]).await;
        let seen = last_headers(&upstream).await;
        assert_eq!(header(&seen, caller.0), Some(caller.1));
        assert!(!format!("{seen:?}").contains(ANTHROPIC_KEY), "{seen:?}");
    }
}

#[tokio::test]
async fn byok_only_and_no_wholesale_refuse_a_third_party_request_without_a_credential() {
    let (h, upstream) = start(Database::Memory).await;
    let h = &h;
    let groq = |gateway: &'static str, headers: &'static [(&'static str, &'static str)]| {
        let body = json!({"model": "llama-3.1-8b-instant", "messages": []});
        let url = h.provider_url(gateway, "groq", "chat/completions");
        async move { h.post(&url, body.to_string(), headers).await }
    };
    // No stored key for groq: refused before anything is forwarded.
    let refused = groq("strict", &[]).await;
    let message = refused.gateway_error(400, CREDENTIAL_REQUIRED);
    assert!(message.contains("groq"), "{message}");
    let refused = groq("open", &[("cf-aig-no-wholesale", "true")]).await;
    refused.gateway_error(400, CREDENTIAL_REQUIRED);
    // The header cannot relax byok_only.
    groq("strict", &[("cf-aig-no-wholesale", "false")]).await.gateway_error(400, CREDENTIAL_REQUIRED);
    assert!(upstream.received_requests().await.unwrap().is_empty(), "nothing forwarded");
    // Without either, the request goes as it is (and the provider answers for its key).
    assert_eq!(groq("open", &[]).await.status, 200);
    // A credential in the request, or a stored key, satisfies both.
    assert_eq!(groq("strict", &[("authorization", "Bearer gsk-CALLER")]).await.status, 200);
    assert_eq!(openai(h, "strict", &[("cf-aig-no-wholesale", "true")]).await.status, 200);
    // A universal request is refused whole if any step is left without one.
    let steps = json!([
        {"provider": "openai", "endpoint": "chat/completions", "headers": {}, "query": {"messages": []}},
        {"provider": "groq", "endpoint": "chat/completions", "headers": {}, "query": {"messages": []}},
    ]);
    let before = upstream.received_requests().await.unwrap().len();
    h.universal("strict", &steps, &[]).await.gateway_error(400, CREDENTIAL_REQUIRED);
    assert_eq!(upstream.received_requests().await.unwrap().len(), before);
    // Workers AI is not affected.
    let body = json!({"messages": [{"role": "user", "content": "hi"}]});
    let answer = h.post(&h.provider_url("strict", "workers-ai", MODEL), body.to_string(), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    // An alias with no stored key is the caller's mistake, named.
    let refused = openai(h, "open", &[("cf-aig-byok-alias", "nobody")]).await;
    assert!(refused.gateway_error(400, INVALID_HEADER).contains("cf-aig-byok-alias"));
}

#[tokio::test]
async fn a_stored_key_is_in_no_log_database_api_answer_or_debug_output() {
    let dir = std::env::temp_dir().join(format!("gl-keys-{}-{}", std::process::id(), line!()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("logs.sqlite3");
    let (h, _upstream) = start(Database::File(db.clone())).await;
    assert_eq!(openai(&h, "open", &[]).await.status, 200);
    assert_eq!(openai(&h, "open", &[("cf-aig-byok-alias", "team-b")]).await.status, 200);
    let body = json!({"model": "claude-sonnet-4", "max_tokens": 8, "messages": []});
    h.post(&h.provider_url("open", "anthropic", "v1/messages"), body.to_string(), &[]).await;
    let secrets = [DEFAULT_KEY, TEAM_KEY, ANTHROPIC_KEY];
    let logs = h.v4(reqwest::Method::GET, &format!("{}?per_page=50", h.logs_url("open")), None).await;
    assert_eq!(logs.json()["result"].as_array().map(Vec::len), Some(3), "{}", logs.text());
    let health = h.send(h.http.get(format!("{}/health", h.gateway.url()))).await;
    let debug = format!("{:?} {:?}", h.gateway.config(), h.gateway);
    for secret in secrets {
        assert!(!logs.text().contains(secret), "{secret} in the logs API");
        assert!(!health.text().contains(secret), "{secret} in /health");
        assert!(!debug.contains(secret), "{secret} in Debug output");
    }
    drop(h);
    // The database file and its journals, byte for byte.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for secret in secrets {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{secret} in the database");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_key_can_come_from_the_environment_and_a_missing_variable_stops_the_start() {
    let upstream = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(200).set_body_json(json!({}))).mount(&upstream).await;
    // PATH is set wherever tests run; its value stands in for a key.
    let path = std::env::var("PATH").expect("PATH is set");
    let mut config = LocalConfig::default().with_upstream("openai", format!("{}/v1", upstream.uri()));
    config.provider_keys.insert(
        "openai".to_owned(),
        [("default".to_owned(), ProviderKey::Env { env: "PATH".to_owned() })].into_iter().collect(),
    );
    let h = Harness::start(config.clone()).await;
    assert_eq!(openai(&h, "g", &[]).await.status, 200);
    assert_eq!(header(&last_headers(&upstream).await, "authorization"), Some(format!("Bearer {path}").as_str()));

    let missing = "GATEWAY_LOCAL_TEST_NO_SUCH_VARIABLE_71";
    config.provider_keys.insert(
        "openai".to_owned(),
        [("default".to_owned(), ProviderKey::Env { env: missing.to_owned() })].into_iter().collect(),
    );
    let error = LocalGateway::builder().config(config).offline(true).start().await.unwrap_err().to_string();
    assert!(error.contains(missing) && error.contains("provider_keys.openai.default"), "{error}");
}
