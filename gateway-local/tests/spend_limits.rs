//! Spend limits (`cloudflare-2026.md` §5.1) over loopback HTTP with real
//! SQLite: a budget reached mid-run (then 429, which gateway-core reads as
//! `Error::SpendLimitExceeded`), split buckets independent, filters applying
//! to their value only, fixed and sliding windows, cache hits let through,
//! the REST API's error shape, rules set over the gateway resource kept
//! across a restart, and bad rules refused naming the rule and field.
//!
//! Costs are set per request with `cf-aig-custom-cost` (binary-exact
//! amounts), so the logged cost of each request is known.
#![allow(clippy::float_cmp, reason = "sums of binary-exact costs, compared exactly")]

use std::time::Duration;

use common::harness::{ACCOUNT, API_TOKEN, Answer, Harness, MODEL};
use gateway_core::{Ai, CustomCost, Error, Gateway, GatewayOptions, MAX_SPEND_LIMITS, RunOptions, SpendLimit};
use gateway_local::{Database, GatewaySettings, LocalConfig};
use serde_json::{Value, json};

mod common;

/// The gateway host's spend-limit code (ours).
const SPEND_LIMIT_EXCEEDED: i64 = 2010;
/// A window no test outlives.
const LONG: Duration = Duration::from_secs(86_400);
/// Another Workers AI model the offline upstream answers.
const OTHER_MODEL: &str = "@cf/mistral/mistral-7b-instruct-v0.1";

fn gateway_with(rules: Vec<SpendLimit>) -> LocalConfig {
    LocalConfig::default().with_gateway("g", GatewaySettings::default().with_spend_limits(rules))
}

/// `cf-aig-custom-cost` for a request of `usd` US dollars.
fn cost(usd: f64) -> String {
    json!({"total_cost": usd}).to_string()
}

/// A Workers AI request for `model` through gateway `g` costing `usd`, with `headers`.
async fn spend(h: &Harness, model: &str, usd: f64, headers: &[(&str, &str)]) -> Answer {
    spend_through(h, "g", model, usd, headers).await
}

/// [`spend`] through `gateway`.
async fn spend_through(h: &Harness, gateway: &str, model: &str, usd: f64, headers: &[(&str, &str)]) -> Answer {
    let custom = cost(usd);
    let mut all = vec![("cf-aig-custom-cost", custom.as_str())];
    all.extend_from_slice(headers);
    let body = json!({"messages": [{"role": "user", "content": "hi"}]});
    h.post(&h.provider_url(gateway, "workers-ai", model), body.to_string(), &all).await
}

/// The sum of the costs logged for gateway `g`.
async fn logged_cost(h: &Harness) -> f64 {
    let page = h.v4(reqwest::Method::GET, &h.api_url("g", "logs?per_page=50"), None).await.json();
    page["result"].as_array().unwrap().iter().map(|log| log["cost"].as_f64().unwrap_or(0.0)).sum()
}

/// Asserts a spend-limit refusal in the gateway host's shape naming rule
/// `rule`, with a `retry-after`; returns the message.
#[track_caller]
fn refused(answer: &Answer, rule: usize) -> String {
    let message = answer.gateway_error(429, SPEND_LIMIT_EXCEEDED);
    assert!(message.contains("spend limit") && message.contains(&format!("spend_limits[{rule}]")), "{message}");
    assert!(
        answer.header("retry-after").is_some_and(|s| s.parse::<u64>().is_ok_and(|s| s >= 1)),
        "{:?}",
        answer.headers
    );
    message
}

#[tokio::test]
async fn requests_pass_until_the_logged_cost_reaches_the_budget_then_the_client_sees_spend_limit_exceeded() {
    let h = Harness::start(gateway_with(vec![SpendLimit::new(1.0, LONG)])).await;
    let ai = Ai::new(h.gateway.client_config()).unwrap();
    let options =
        RunOptions::new().gateway(GatewayOptions::new("g").custom_cost(CustomCost::Total { total_cost: 0.25 }));
    let mut passed = 0;
    let error = loop {
        let before = logged_cost(&h).await;
        match ai.run::<_, Value>(MODEL, &json!({"prompt": "hi"}), &options).await {
            Ok(_) => {
                assert!(before < 1.0, "a request passed with US${before} logged of a US$1 budget");
                passed += 1;
            }
            Err(error) => {
                assert!(before >= 1.0, "refused with only US${before} logged: {error}");
                break error;
            }
        }
        assert!(passed <= 4, "the budget was never enforced");
    };
    assert_eq!(passed, 4, "4 × US$0.25 reach US$1");
    let seen = h.seen();
    match &error {
        Error::SpendLimitExceeded { retry_after, message } => {
            assert!(retry_after.is_some_and(|d| d > Duration::ZERO && d <= LONG), "{retry_after:?}");
            assert!(message.contains("spend_limits[0]") && message.contains("US$1"), "{message}");
        }
        other => panic!("expected SpendLimitExceeded, got {other:?}"),
    }
    assert!(!error.is_retryable(), "a spend limit is not retried");
    // Refused before anything is sent, and not logged.
    let logs = h.logs().await;
    let again = spend(&h, MODEL, 0.25, &[]).await;
    refused(&again, 0);
    assert_eq!((h.seen(), h.logs().await), (seen, logs));
}

#[tokio::test]
async fn a_priced_model_is_counted_from_its_logged_cost_without_a_custom_cost() {
    // A budget the first priced request uses up.
    let h = Harness::start(gateway_with(vec![SpendLimit::new(1e-12, LONG)])).await;
    let body = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}).to_string();
    let url = h.provider_url("g", "openai", "chat/completions");
    let key = [("authorization", "Bearer sk-caller")];
    let first = h.post(&url, body.clone(), &key).await;
    assert_eq!(first.status, 200, "{}", first.text());
    assert!(logged_cost(&h).await > 0.0, "the offline answer reports usage and the model has a price");
    refused(&h.post(&url, body, &key).await, 0);
}

#[tokio::test]
async fn split_buckets_are_independent_and_a_request_without_the_key_is_not_counted() {
    let rules = vec![SpendLimit::new(0.5, LONG).per_metadata("user"), SpendLimit::new(1.0, LONG).per_model()];
    let h = Harness::start(gateway_with(rules)).await;
    let ada = [("cf-aig-metadata", r#"{"user":"ada"}"#)];
    let bob = [("cf-aig-metadata", r#"{"user":"bob"}"#)];
    assert_eq!(spend(&h, MODEL, 0.5, &ada).await.status, 200);
    let message = refused(&spend(&h, MODEL, 0.5, &ada).await, 0);
    assert!(message.contains(r#"metadata user = "ada""#), "{message}");
    assert_eq!(spend(&h, MODEL, 0.25, &bob).await.status, 200, "bob's bucket is his own");
    assert_eq!(spend(&h, MODEL, 0.25, &bob).await.status, 200);
    refused(&spend(&h, MODEL, 0.25, &bob).await, 0);
    // Without `user` the first rule does not apply; the model's bucket (US$1.25 so far) does.
    let message = refused(&spend(&h, MODEL, 0.25, &[]).await, 1);
    assert!(message.contains(&format!("model {MODEL}")), "{message}");
    assert_eq!(spend(&h, OTHER_MODEL, 0.25, &[]).await.status, 200, "another model, another bucket");
}

#[tokio::test]
async fn the_reserved_user_id_key_splits_like_any_other() {
    // Locally `cf.user_id` is whatever the request's metadata says (no Cloudflare Access here).
    let h = Harness::start(gateway_with(vec![SpendLimit::new(0.25, LONG).sliding().per_metadata("cf.user_id")])).await;
    let user = |id: &'static str| format!(r#"{{"cf.user_id":"{id}"}}"#);
    let (u1, u2) = (user("u1"), user("u2"));
    assert_eq!(spend(&h, MODEL, 0.25, &[("cf-aig-metadata", &u1)]).await.status, 200);
    let message = refused(&spend(&h, MODEL, 0.25, &[("cf-aig-metadata", &u1)]).await, 0);
    assert!(message.contains(r#"metadata cf.user_id = "u1""#), "{message}");
    assert_eq!(spend(&h, MODEL, 0.25, &[("cf-aig-metadata", &u2)]).await.status, 200);
}

#[tokio::test]
async fn a_filter_rule_applies_to_its_value_only() {
    let rules = vec![
        SpendLimit::new(0.5, LONG).for_model(MODEL),
        SpendLimit::new(0.5, LONG).for_metadata("team", "search"),
        SpendLimit::new(100.0, LONG).for_provider("openai"),
    ];
    let h = Harness::start(gateway_with(rules)).await;
    assert_eq!(spend(&h, MODEL, 0.5, &[]).await.status, 200);
    refused(&spend(&h, MODEL, 0.5, &[]).await, 0);
    for _ in 0..3 {
        assert_eq!(spend(&h, OTHER_MODEL, 0.5, &[]).await.status, 200, "not the filtered model");
    }
    let search = [("cf-aig-metadata", r#"{"team":"search","n":1}"#)];
    let ads = [("cf-aig-metadata", r#"{"team":"ads"}"#)];
    assert_eq!(spend(&h, OTHER_MODEL, 0.5, &search).await.status, 200);
    refused(&spend(&h, OTHER_MODEL, 0.5, &search).await, 1);
    assert_eq!(spend(&h, OTHER_MODEL, 0.5, &ads).await.status, 200, "another team");
}

#[tokio::test]
async fn a_cache_hit_is_no_upstream_call_and_passes_a_spent_budget() {
    let h = Harness::start(gateway_with(vec![SpendLimit::new(0.5, LONG)])).await;
    let cached = [("cf-aig-cache-ttl", "600")];
    let first = spend(&h, MODEL, 0.5, &cached).await;
    assert_eq!(first.header("cf-aig-cache-status"), Some("MISS"), "{}", first.text());
    let hit = spend(&h, MODEL, 0.5, &cached).await;
    assert_eq!((hit.status, hit.header("cf-aig-cache-status")), (200, Some("HIT")), "{}", hit.text());
    assert_eq!(logged_cost(&h).await, 1.0, "the hit is logged with its cost ...");
    // ... but costs nothing: the bucket holds the first request's US$0.5.
    let message = refused(&spend(&h, MODEL, 0.5, &[("cf-aig-skip-cache", "true")]).await, 0);
    assert!(message.contains("US$0.500000"), "{message}");
}

#[tokio::test]
async fn the_rest_api_answers_in_its_own_shape() {
    let h = Harness::start(gateway_with(vec![SpendLimit::new(0.5, LONG)])).await;
    let url = format!("{}/accounts/{ACCOUNT}/ai/run", h.gateway.api_base_url());
    let body = json!({"model": MODEL, "input": {"prompt": "hi"}}).to_string();
    let custom = cost(0.5);
    let send = || {
        h.http
            .post(&url)
            .bearer_auth(API_TOKEN)
            .header("cf-aig-gateway-id", "g")
            .header("cf-aig-custom-cost", &custom)
            .header("content-type", "application/json")
            .body(body.clone())
    };
    assert_eq!(h.send(send()).await.status, 200);
    let answer = h.send(send()).await;
    assert_eq!(answer.status, 429, "{}", answer.text());
    let error = answer.json();
    assert_eq!(
        (error["name"].as_str(), error["internalCode"].as_i64()),
        (Some("AiGatewayError"), Some(SPEND_LIMIT_EXCEEDED))
    );
    assert!(error["message"].as_str().unwrap().contains("spend limit"), "{error}");
    assert!(answer.header("retry-after").is_some());
}

/// Sleeps until `offset_ms` past the next multiple of `window_ms` since the Unix epoch.
async fn sleep_until_window_offset(window_ms: u64, offset_ms: u64) {
    let now = u64::try_from(jiff::Timestamp::now().as_millisecond()).unwrap();
    let target = (now - now % window_ms) + offset_ms;
    let target = if target <= now { target + window_ms } else { target };
    tokio::time::sleep(Duration::from_millis(target - now)).await;
}

#[tokio::test]
async fn a_fixed_window_opens_afresh_at_its_boundary_while_a_sliding_one_waits_for_costs_to_age_out() {
    const WINDOW: u64 = 4;
    const WINDOW_MS: u64 = WINDOW * 1000;
    let window = Duration::from_secs(WINDOW);
    let config = LocalConfig::default()
        .with_gateway("fixed", GatewaySettings::default().with_spend_limits(vec![SpendLimit::new(1.0, window)]))
        .with_gateway(
            "sliding",
            GatewaySettings::default().with_spend_limits(vec![SpendLimit::new(1.0, window).sliding()]),
        );
    let h = Harness::start(config).await;
    let send = |gateway: &'static str| spend_through(&h, gateway, MODEL, 1.0, &[]);
    // Spend each budget half-way through a fixed window.
    sleep_until_window_offset(WINDOW_MS, WINDOW_MS / 2).await;
    let spent_at = std::time::Instant::now();
    assert_eq!(send("fixed").await.status, 200);
    assert_eq!(send("sliding").await.status, 200);
    // The sliding cost was logged before this.
    let sliding_logged = std::time::Instant::now();
    let fixed = send("fixed").await;
    refused(&fixed, 0);
    let sliding = send("sliding").await;
    refused(&sliding, 0);
    let wait = |answer: &Answer| answer.header("retry-after").unwrap().parse::<u64>().unwrap();
    assert!(wait(&fixed) <= WINDOW / 2 + 1, "the fixed window ends in about 2 s: {}", wait(&fixed));
    assert!(wait(&sliding) > wait(&fixed), "the cost leaves the sliding window in about 4 s: {}", wait(&sliding));

    // Just past the boundary: a new fixed window, the same trailing one.
    sleep_until_window_offset(WINDOW_MS, 300).await;
    assert!(
        spent_at.elapsed() < window.saturating_sub(Duration::from_millis(500)),
        "the machine is too slow for this test"
    );
    assert_eq!(send("fixed").await.status, 200, "a new fixed window");
    refused(&send("sliding").await, 0);

    // Once the cost is a whole window old, the sliding window lets requests through.
    tokio::time::sleep((window + Duration::from_millis(200)).saturating_sub(sliding_logged.elapsed())).await;
    assert_eq!(send("sliding").await.status, 200, "the cost has left the trailing window");
}

#[tokio::test]
async fn rules_put_over_the_gateway_resource_replace_the_configurations_and_survive_a_restart() {
    let dir = common::TempDir::new("spend-limits");
    let db = Database::File(dir.join("logs.sqlite3"));
    // The configuration's rule: a budget nothing here reaches.
    let config = || gateway_with(vec![SpendLimit::new(1000.0, LONG)]);
    let put = vec![
        SpendLimit::new(0.5, LONG).for_model(MODEL),
        SpendLimit::new(9.0, LONG).sliding().per_metadata("cf.user_id"),
    ];
    {
        let h = Harness::start_with(config(), db.clone()).await;
        let ai = Ai::new(h.gateway.client_config()).unwrap();
        let gateway = ai.gateway("g");
        assert_eq!(gateway.spend_limits().await.unwrap(), vec![SpendLimit::new(1000.0, LONG)], "the file's rules");
        assert_eq!(gateway.set_spend_limits(&put).await.unwrap(), put);
        assert_eq!(spend(&h, MODEL, 0.5, &[]).await.status, 200);
        refused(&spend(&h, MODEL, 0.5, &[]).await, 0);
        h.gateway.shutdown().await.unwrap();
    }
    let h = Harness::start_with(config(), db).await;
    let ai = Ai::new(h.gateway.client_config()).unwrap();
    assert_eq!(ai.gateway("g").spend_limits().await.unwrap(), put, "kept in the database");
    refused(&spend(&h, MODEL, 0.5, &[]).await, 0);
    // The object around them.
    let object = h.v4(reqwest::Method::GET, h.api_url("g", "").trim_end_matches('/'), None).await.json();
    let object = &object["result"];
    assert_eq!((object["id"].as_str(), object["is_default"].as_bool()), (Some("g"), Some(false)), "{object}");
    assert!(object["modified_at"].as_str().unwrap() >= object["created_at"].as_str().unwrap(), "{object}");
    // Removing every rule (null) is kept too: the file's rule no longer applies.
    let ai_gateway = ai.gateway("g");
    assert!(ai_gateway.set_spend_limits(&[]).await.unwrap().is_empty());
    assert_eq!(spend(&h, MODEL, 0.5, &[]).await.status, 200);
}

#[tokio::test]
async fn bad_rules_and_too_many_are_refused_naming_the_rule_and_field() {
    // In the configuration file.
    let toml = |rules: &str| LocalConfig::from_toml(&format!("[gateways.g]\nspend_limits = [{rules}]\n"));
    let ok = "{ budget = 5, window = 86400, technique = \"sliding\", metadata = { mode = \"split\", key = \"cf.user_id\" } }";
    let parsed = toml(ok).unwrap();
    assert_eq!(
        parsed.gateways["g"].spend_limits,
        vec![SpendLimit::new(5.0, LONG).sliding().per_metadata("cf.user_id")]
    );
    let message = toml(&format!("{ok}, {{ budget = 1, window = 0 }}")).unwrap_err().to_string();
    assert!(message.contains("gateways.g.spend_limits[1].window"), "{message}");
    let message = toml(&vec![ok; MAX_SPEND_LIMITS + 1].join(", ")).unwrap_err().to_string();
    assert!(message.contains("gateways.g.spend_limits") && message.contains("at most 20"), "{message}");
    assert!(toml("{ budget = 1, window = 60, per = \"user\" }").unwrap_err().to_string().contains("per"));

    // Over the gateway resource.
    let h = Harness::start(gateway_with(Vec::new())).await;
    let url = h.api_url("g", "").trim_end_matches('/').to_owned();
    let put = async |body: Value| h.v4(reqwest::Method::PUT, &url, Some(body.to_string().as_bytes())).await;
    let rule = json!({"budget": 1.0, "window": 60});
    for (rules, named) in [
        (json!([rule, {"budget": -1.0, "window": 60}]), "spend_limits[1].budget"),
        (
            json!([rule, rule, {"budget": 1.0, "window": 60, "metadata": {"mode": "split", "key": "cf.other"}}]),
            "spend_limits[2].metadata.key",
        ),
        (json!([{"budget": 1.0, "window": 60, "provider": {"mode": "filter"}}]), "spend_limits[0]"),
        (json!([{"budget": 1.0, "window": 60, "typo": 1}]), "spend_limits[0]"),
        (json!(vec![rule.clone(); MAX_SPEND_LIMITS + 1]), "at most 20"),
        (json!("all"), "spend_limits"),
    ] {
        let answer = put(json!({"spend_limits": rules})).await;
        let message = answer.v4_error(400, 7001);
        assert!(message.contains(named), "{named}: {message}");
    }
    let message = put(json!({"cache_ttl": 60, "spend_limits": [rule]})).await.v4_error(400, 7001);
    assert!(message.contains("cache_ttl"), "{message}");
    assert!(put(json!([rule])).await.v4_error(400, 7001).contains("JSON object"));
    // Nothing of it was applied.
    let object = h.v4(reqwest::Method::GET, &url, None).await.json();
    assert_eq!(object["result"]["spend_limits"], json!([]));
    // Unauthenticated: refused like the logs API.
    let anonymous = h.send(h.http.put(&url).body(json!({"spend_limits": []}).to_string())).await;
    assert_eq!(anonymous.status, 401);
}
