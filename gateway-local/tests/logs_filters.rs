//! The logs list's parameters the SDK still sends, honoured: the deprecated
//! `min_*`/`max_*` bounds (each checked against the logs' own values), the
//! filter keys `wholesale`, `compatibilityMode` and `dlp_action` (stored
//! with every log); anything else refused, naming it. And patches: feedback
//! is -1, 1 or null, nothing else.

use std::collections::BTreeSet;

use common::harness::{Answer, Harness};
use gateway_local::{Fault, FaultRule, LocalConfig};
use reqwest::Method;
use serde_json::{Value, json};

mod common;

/// The three logs of [`setup`], in order: a provider call with its own key
/// and a custom cost; a compat call without a key and a longer prompt; a
/// slow provider call without a key, with a custom cost.
async fn setup() -> (Harness, Vec<Value>) {
    let harness = Harness::start(LocalConfig::default()).await;
    let slow = FaultRule::new(Fault::Latency(std::time::Duration::from_millis(300))).for_model("slow-model").times(1);
    harness.gateway.offline_upstream().expect("offline").add_fault(slow);
    let chat = |model: &str, prompt: &str| {
        json!({"model": model, "messages": [{"role": "user", "content": prompt}]}).to_string()
    };
    let openai = harness.provider_url("main", "openai", "chat/completions");
    let own_key = [("authorization", "Bearer sk-own"), ("cf-aig-custom-cost", r#"{"total_cost":0.5}"#)];
    let long_prompt = "Tell me everything there is to know about gateways, caches and logs, at length.";
    let answers = [
        harness.post(&openai, chat("gpt-4o-mini", "hi"), &own_key).await,
        harness
            .post(
                &harness.provider_url("main", "compat", "chat/completions"),
                chat("openai/gpt-4o-mini", long_prompt),
                &[],
            )
            .await,
        harness
            .post(&openai, chat("slow-model", "hello there"), &[("cf-aig-custom-cost", r#"{"total_cost":0.01}"#)])
            .await,
    ];
    let mut logs = Vec::new();
    for answer in answers {
        assert_eq!(answer.status, 200, "{}", answer.text());
        let id = answer.header("cf-aig-log-id").expect("a log id").to_owned();
        let log = harness.v4(Method::GET, &harness.api_url("main", &format!("logs/{id}")), None).await;
        logs.push(log.json()["result"].clone());
    }
    (harness, logs)
}

async fn list(harness: &Harness, query: &str) -> Answer {
    harness.v4(Method::GET, &format!("{}?{query}", harness.logs_url("main")), None).await
}

/// The ids a list with `query` returns.
async fn ids(harness: &Harness, query: &str) -> BTreeSet<String> {
    let answer = list(harness, query).await;
    assert_eq!(answer.status, 200, "{query}: {}", answer.text());
    answer.json()["result"].as_array().expect("a list").iter().map(|l| l["id"].as_str().unwrap().to_owned()).collect()
}

fn ids_of<'a>(logs: impl IntoIterator<Item = &'a Value>) -> BTreeSet<String> {
    logs.into_iter().map(|l| l["id"].as_str().unwrap().to_owned()).collect()
}

fn filter(key: &str, operator: &str, value: &str) -> String {
    format!("filters.key={key}&filters.operator={operator}&filters.value={value}")
}

#[tokio::test]
async fn deprecated_bounds_filter_on_the_logs_values() {
    let (harness, logs) = setup().await;
    let all = ids_of(&logs);
    let value = |log: &Value, field: &str| -> f64 {
        match field {
            "tokens" => log["tokens_in"].as_f64().unwrap_or(0.0) + log["tokens_out"].as_f64().unwrap_or(0.0),
            _ => log[field].as_f64().unwrap_or_else(|| panic!("{field} of {log}")),
        }
    };
    for (min, max, field) in [
        ("min_cost", "max_cost", "cost"),
        ("min_tokens_in", "max_tokens_in", "tokens_in"),
        ("min_tokens_out", "max_tokens_out", "tokens_out"),
        ("min_total_tokens", "max_total_tokens", "tokens"),
        ("min_duration", "max_duration", "duration"),
    ] {
        let mut values: Vec<f64> = logs.iter().map(|log| value(log, field)).collect();
        values.sort_by(f64::total_cmp);
        // The largest value: `min_` keeps the logs that reach it, `max_` the others too.
        let bound = values[values.len() - 1];
        let at_least = ids_of(logs.iter().filter(|log| value(log, field) >= bound));
        let below = ids_of(logs.iter().filter(|log| value(log, field) < bound));
        assert!(!below.is_empty(), "{field}: the logs differ in {field}: {values:?}");
        assert_eq!(ids(&harness, &format!("{min}={bound}")).await, at_least, "{min}={bound}");
        assert_eq!(ids(&harness, &format!("{max}={bound}")).await, all, "{max}={bound}");
        let smallest = values[0];
        assert_eq!(
            ids(&harness, &format!("{max}={smallest}")).await,
            ids_of(logs.iter().filter(|log| value(log, field) <= smallest)),
            "{max}={smallest}"
        );
        assert_eq!(ids(&harness, &format!("{min}={bound}&{max}={smallest}")).await, BTreeSet::new());
    }
}

#[tokio::test]
async fn wholesale_compatibility_mode_and_dlp_action_filter() {
    let (harness, logs) = setup().await;
    let all = ids_of(&logs);
    let one = |i: usize| ids_of([&logs[i]]);
    let two = |i: usize, j: usize| ids_of([&logs[i], &logs[j]]);
    for (query, expected) in [
        (filter("wholesale", "eq", "true"), two(1, 2)),
        (filter("wholesale", "eq", "false"), one(0)),
        (filter("wholesale", "neq", "true"), one(0)),
        (filter("compatibilityMode", "eq", "true"), one(1)),
        (filter("compatibilityMode", "eq", "false"), two(0, 2)),
        (format!("{}&{}", filter("compatibilityMode", "eq", "false"), filter("wholesale", "eq", "true")), one(2)),
        // No DLP runs locally: every log's action is null.
        (filter("dlp_action", "eq", "FLAG"), BTreeSet::new()),
        (filter("dlp_action", "eq", "BLOCK"), BTreeSet::new()),
        (filter("dlp_action", "neq", "BLOCK"), all.clone()),
        (filter("dlp_action", "eq", ""), all.clone()),
    ] {
        assert_eq!(ids(&harness, &query).await, expected, "{query}");
    }
}

#[tokio::test]
async fn anything_else_is_refused_by_name() {
    let (harness, _) = setup().await;
    for (query, name) in [
        (filter("prompts.prompt_id", "eq", "p"), "prompts.prompt_id"),
        (filter("dlp", "eq", "FLAG"), "dlp"),
        ("min_score=1".to_owned(), "min_score"),
        ("wholesale=true".to_owned(), "wholesale"),
        (filter("wholesale", "eq", "maybe"), "wholesale"),
    ] {
        let message = list(&harness, &query).await.v4_error(400, 7001);
        assert!(message.contains(name), "{query}: {message}");
    }
}

#[tokio::test]
async fn feedback_is_minus_one_one_or_null() {
    let (harness, logs) = setup().await;
    let id = logs[0]["id"].as_str().unwrap();
    let url = harness.api_url("main", &format!("logs/{id}"));
    let patch = |body: &'static str| harness.v4(Method::PATCH, &url, Some(body.as_bytes()));
    assert_eq!(patch(r#"{"feedback":1}"#).await.status, 200);
    for bad in [
        r#"{"feedback":0.5}"#,
        r#"{"feedback":0}"#,
        r#"{"feedback":2}"#,
        r#"{"feedback":-0.5}"#,
        r#"{"feedback":"1"}"#,
        r#"{"feedback":true}"#,
        r#"{"feedback":0.5,"score":10}"#,
    ] {
        let message = patch(bad).await.v4_error(400, 7001);
        assert!(message.contains("feedback"), "{bad}: {message}");
    }
    // Nothing the refused patches carried was stored.
    assert_eq!(ids(&harness, &filter("feedback", "eq", "1")).await, ids_of([&logs[0]]));
    assert_eq!(ids(&harness, &filter("feedback", "eq", "0.5")).await, BTreeSet::new());
    assert_eq!(ids(&harness, &filter("feedback", "eq", "0")).await, BTreeSet::new());
    assert_eq!(patch(r#"{"feedback":-1}"#).await.status, 200);
    assert_eq!(patch(r#"{"feedback":null}"#).await.status, 200);
    assert_eq!(ids(&harness, &filter("feedback", "eq", "")).await, ids_of(&logs));
}

#[tokio::test]
async fn a_database_from_before_the_new_columns_is_migrated() {
    let dir = common::TempDir::new("logs-filters-migration");
    let db = dir.join("logs.sqlite3");
    let start = || Harness::start_with(LocalConfig::default(), gateway_local::Database::File(db.clone()));
    let chat = json!({"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}).to_string();
    let harness = start().await;
    let compat = harness.provider_url("main", "compat", "chat/completions");
    let old_compat = harness.post(&compat, chat.clone(), &[("authorization", "Bearer sk-own")]).await;
    let old = old_compat.header("cf-aig-log-id").expect("a log id").to_owned();
    harness.gateway.shutdown().await.expect("shutdown");
    // The schema before `wholesale`, `compatibility_mode` and `dlp_action`.
    let conn = rusqlite::Connection::open(&db).expect("open");
    for column in ["wholesale", "compatibility_mode", "dlp_action"] {
        conn.execute_batch(&format!("ALTER TABLE logs DROP COLUMN {column}")).expect("drop");
    }
    drop(conn);
    let harness = start().await;
    let compat = harness.provider_url("main", "compat", "chat/completions");
    let new = harness.post(&compat, chat, &[]).await.header("cf-aig-log-id").expect("a log id").to_owned();
    let one = |id: &str| BTreeSet::from([id.to_owned()]);
    assert_eq!(ids(&harness, "").await, BTreeSet::from([old.clone(), new.clone()]));
    // The old log's compatibility mode comes from its request type; whether it was wholesale is not known.
    assert_eq!(ids(&harness, &filter("compatibilityMode", "eq", "true")).await, BTreeSet::from([old, new.clone()]));
    assert_eq!(ids(&harness, &filter("wholesale", "eq", "true")).await, one(&new));
    assert_eq!(ids(&harness, &filter("dlp_action", "eq", "")).await.len(), 2);
}
