//! Dynamic routes run by gateway-local (`cloudflare-2026.md` §3): a route
//! built in Rust, stored through the routes API, then called as the model
//! `dynamic/{name}` from every entry point. Each node kind's behaviour: the
//! start, conditions on metadata, seeded percentage splits (reproducible,
//! and right over 10 000 requests), model nodes falling back on an error and
//! on a timeout, count and budget limits; what answered in `cf-aig-model` and
//! `cf-aig-provider`; the route, version and path in each log.

use std::collections::HashMap;
use std::time::Duration;

use common::harness::{Answer, Harness};
use futures::StreamExt as _;
use gateway_core::route::{LimitSpec, ModelSpec, Route, Split, Technique};
use gateway_core::{Ai, Error, Gateway as _, GatewayOptions, RunOptions};
use gateway_local::{Fault, FaultRule, GatewaySettings, LocalConfig};
use serde_json::{Value, json};

mod common;

const MINUTE: Duration = Duration::from_secs(60);

fn config(seed: u64) -> LocalConfig {
    LocalConfig::default().with_gateway("main", GatewaySettings::default()).with_route_seed(seed)
}

async fn deploy(h: &Harness, route: &Route) -> String {
    let ai = Ai::new(h.gateway.client_config()).unwrap();
    let created = ai.gateway("main").create_route(route).await.expect("the route is stored");
    created.version.expect("a deployed version").version_id
}

fn chat(text: &str, route: &str) -> Value {
    json!({"model": format!("dynamic/{route}"), "messages": [{"role": "user", "content": text}]})
}

/// `dynamic/{route}` through the gateway host's OpenAI-compatible endpoint.
async fn call(h: &Harness, route: &str, headers: &[(&str, &str)]) -> Answer {
    let url = h.provider_url("main", "compat", "chat/completions");
    h.post(&url, chat("hello", route).to_string(), &[&[("content-type", "application/json")], headers].concat()).await
}

fn answered_by(answer: &Answer) -> (String, String) {
    assert_eq!(answer.status, 200, "{}", answer.text());
    let of = |name| answer.header(name).unwrap_or_default().to_owned();
    (of("cf-aig-provider"), of("cf-aig-model"))
}

/// start -> 70 % `gpt-4o-mini` (falling back to `claude-haiku-4`), 30 % Workers AI -> end.
fn seventy_thirty(name: &str) -> Route {
    Route::build(name, |b| {
        let end = b.end("end");
        let backup = b.model("backup", ModelSpec::new("anthropic", "claude-haiku-4", MINUTE, 0), end, end);
        let first = b.model("first", ModelSpec::new("openai", "gpt-4o-mini", MINUTE, 0), end, backup);
        let second =
            b.model("second", ModelSpec::new("workers-ai", "@cf/meta/llama-3.1-8b-instruct-fp8", MINUTE, 0), end, end);
        let split = b.percentage("split", Split::new().share(70.0, first).share(30.0, second));
        b.start("start", split)
    })
    .expect("a valid route")
}

#[tokio::test]
async fn a_split_holds_its_weights_over_10_000_seeded_requests() {
    let h = Harness::start(
        LocalConfig::default()
            .with_gateway("main", GatewaySettings::default().with_collect_logs(false))
            .with_route_seed(11),
    )
    .await;
    deploy(&h, &seventy_thirty("split")).await;
    let n = 10_000;
    let counts: HashMap<String, usize> = futures::stream::iter(0..n)
        .map(|_| async { answered_by(&call(&h, "split", &[]).await).0 })
        .buffer_unordered(16)
        .fold(HashMap::new(), |mut counts, provider| async move {
            *counts.entry(provider).or_default() += 1;
            counts
        })
        .await;
    let openai = counts.get("openai").copied().unwrap_or_default();
    let workers = counts.get("workers-ai").copied().unwrap_or_default();
    assert_eq!(openai + workers, n, "{counts:?}");
    // 70 % of 10 000 is 7 000; one standard deviation is about 46 requests.
    assert!((6_800..=7_200).contains(&openai), "openai answered {openai} of {n}: {counts:?}");
}

#[tokio::test]
async fn the_same_seed_takes_the_same_outputs_and_event_ids_fix_them_in_any_order() {
    async fn sequence(seed: u64, event_ids: &[&str]) -> Vec<String> {
        let h = Harness::start(config(seed)).await;
        deploy(&h, &seventy_thirty("split")).await;
        let mut providers = Vec::new();
        for i in 0..40 {
            let event = event_ids.get(i).map(|id| ("cf-aig-event-id", *id));
            let headers: Vec<(&str, &str)> = event.into_iter().collect();
            providers.push(answered_by(&call(&h, "split", &headers).await).0);
        }
        providers
    }
    let first = sequence(5, &[]).await;
    assert_eq!(first, sequence(5, &[]).await, "the same seed and requests take the same outputs");
    assert_ne!(first, sequence(6, &[]).await, "another seed takes other outputs");
    assert!(first.contains(&"openai".to_owned()) && first.contains(&"workers-ai".to_owned()), "{first:?}");

    let ids: Vec<String> = (0..40).map(|i| format!("event-{i}")).collect();
    let forward: Vec<&str> = ids.iter().map(String::as_str).collect();
    let backward: Vec<&str> = forward.iter().rev().copied().collect();
    let mut by_forward = sequence(5, &forward).await;
    by_forward.reverse();
    assert_eq!(by_forward, sequence(5, &backward).await, "an event id draws the same output in any order");
}

#[tokio::test]
async fn a_failing_model_falls_back_and_each_log_records_the_route_and_path() {
    let h = Harness::start(config(1)).await;
    let route = Route::build("support", |b| {
        let end = b.end("end");
        let backup = b.model("backup", ModelSpec::new("anthropic", "claude-haiku-4", MINUTE, 0), end, end);
        let first = b.model("first", ModelSpec::new("openai", "gpt-4o-mini", MINUTE, 1), end, backup);
        b.start("start", first)
    })
    .unwrap();
    let version = deploy(&h, &route).await;
    let upstream = h.gateway.offline_upstream().unwrap();
    upstream.add_fault(FaultRule::new(Fault::Status(500)).for_provider("openai"));

    let answer = call(&h, "support", &[]).await;
    assert_eq!(answered_by(&answer), ("anthropic".to_owned(), "claude-haiku-4".to_owned()));
    // `retries: 1`: two attempts at OpenAI, then Anthropic.
    assert_eq!(upstream.attempts("openai"), 2);
    assert_eq!(upstream.attempts("anthropic"), 1);

    let ai = Ai::new(h.gateway.client_config()).unwrap();
    let main = ai.gateway("main");
    let answered =
        main.wait_for_log(answer.header("cf-aig-log-id").expect("a log id"), Duration::from_secs(5)).await.unwrap();
    let trace = answered.dynamic_route.expect("the log names its route");
    assert_eq!((trace.name.as_str(), trace.version_id.as_str()), ("support", version.as_str()));
    assert_eq!(trace.path, ["start", "first", "backup"]);
    assert_eq!(answered.provider.as_str(), "anthropic");
    let logs = main.list_logs(&gateway_core::ListLogs::default()).await.unwrap();
    let failed = logs.logs.iter().find(|l| l.provider.as_str() == "openai").expect("the failed attempt is logged");
    assert!(!failed.success);
    assert_eq!(failed.dynamic_route.as_ref().map(|t| t.path.clone()), Some(vec!["start".into(), "first".into()]));

    // A timeout is a fallback trigger too: the node's timeout, not the gateway's.
    upstream.clear_faults();
    upstream.add_fault(FaultRule::new(Fault::Latency(Duration::from_secs(3))).for_provider("openai"));
    let quick = Route::build("quick", |b| {
        let end = b.end("end");
        let backup = b.model("backup", ModelSpec::new("anthropic", "claude-haiku-4", MINUTE, 0), end, end);
        let first =
            b.model("first", ModelSpec::new("openai", "gpt-4o-mini", Duration::from_millis(200), 0), end, backup);
        b.start("start", first)
    })
    .unwrap();
    deploy(&h, &quick).await;
    let started = std::time::Instant::now();
    let answer = call(&h, "quick", &[]).await;
    assert_eq!(answered_by(&answer).0, "anthropic");
    assert!(started.elapsed() < Duration::from_secs(3), "the node's 200 ms timeout moved on");

    // Every model failing: the route answers with the last failure.
    upstream.clear_faults();
    upstream.add_fault(FaultRule::new(Fault::Status(503)));
    let answer = call(&h, "support", &[]).await;
    assert_eq!(answer.status, 503, "{}", answer.text());
}

#[tokio::test]
async fn conditions_choose_by_the_request_metadata() {
    let h = Harness::start(config(1)).await;
    let route = Route::build("tiers", |b| {
        let end = b.end("end");
        let pro = b.model("pro", ModelSpec::new("openai", "gpt-4o", MINUTE, 0), end, end);
        let free =
            b.model("free", ModelSpec::new("workers-ai", "@cf/meta/llama-3.1-8b-instruct-fp8", MINUTE, 0), end, end);
        let plan = b.conditional(
            "plan",
            json!({"$or": [{"metadata.plan": {"$eq": "pro"}}, {"metadata.seats": {"$gte": 10}}]}),
            pro,
            free,
        );
        b.start("start", plan)
    })
    .unwrap();
    deploy(&h, &route).await;
    for (metadata, provider) in [
        (Some(r#"{"plan":"pro"}"#), "openai"),
        (Some(r#"{"plan":"free","seats":12}"#), "openai"),
        (Some(r#"{"plan":"free","seats":3}"#), "workers-ai"),
        (None, "workers-ai"),
    ] {
        let headers: Vec<(&str, &str)> = metadata.map(|m| ("cf-aig-metadata", m)).into_iter().collect();
        assert_eq!(answered_by(&call(&h, "tiers", &headers).await).0, provider, "{metadata:?}");
    }
}

#[tokio::test]
async fn a_count_limit_counts_each_key_value_and_sends_the_overflow_to_its_fallback() {
    let h = Harness::start(config(1)).await;
    let route = Route::build("limited", |b| {
        let end = b.end("end");
        let cheap =
            b.model("cheap", ModelSpec::new("workers-ai", "@cf/meta/llama-3.1-8b-instruct-fp8", MINUTE, 0), end, end);
        let main = b.model("main", ModelSpec::new("openai", "gpt-4o-mini", MINUTE, 0), end, cheap);
        let limit =
            b.limit("per-user", LimitSpec::count("metadata.user", 3, MINUTE).technique(Technique::Fixed), main, cheap);
        b.start("start", limit)
    })
    .unwrap();
    deploy(&h, &route).await;
    let alice = [("cf-aig-metadata", r#"{"user":"alice"}"#)];
    let bob = [("cf-aig-metadata", r#"{"user":"bob"}"#)];
    for _ in 0..3 {
        assert_eq!(answered_by(&call(&h, "limited", &alice).await).0, "openai");
    }
    assert_eq!(answered_by(&call(&h, "limited", &alice).await).0, "workers-ai", "alice is over her limit");
    assert_eq!(answered_by(&call(&h, "limited", &bob).await).0, "openai", "bob has his own count");

    // With the fallback leading to the end, the route ends with 429.
    let strict = Route::build("strict", |b| {
        let end = b.end("end");
        let main = b.model("main", ModelSpec::new("openai", "gpt-4o-mini", MINUTE, 0), end, end);
        let limit = b.limit("global", LimitSpec::count("", 1, MINUTE), main, end);
        b.start("start", limit)
    })
    .unwrap();
    deploy(&h, &strict).await;
    assert_eq!(call(&h, "strict", &[]).await.status, 200);
    let over = call(&h, "strict", &[]).await;
    assert_eq!(over.status, 429, "{}", over.text());
    assert!(over.text().contains("global"), "the limit node is named: {}", over.text());
    let ai = Ai::new(h.gateway.client_config()).unwrap();
    let error = ai
        .v1()
        .chat_completions::<_, Value>(&chat("hi", "strict"), &RunOptions::new().gateway(GatewayOptions::new("main")))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::RateLimited { .. }), "{error:?}");
}

#[tokio::test]
async fn a_budget_limit_stops_at_the_logged_cost_of_its_route() {
    let h = Harness::start(config(1)).await;
    // What one request costs, from its log.
    let ai = Ai::new(h.gateway.client_config()).unwrap();
    let main = ai.gateway("main");
    let probe = Route::build("probe", |b| {
        let end = b.end("end");
        let model = b.model("m", ModelSpec::new("openai", "gpt-4o-mini", MINUTE, 0), end, end);
        b.start("start", model)
    })
    .unwrap();
    deploy(&h, &probe).await;
    let answer = call(&h, "probe", &[]).await;
    let log = main.wait_for_log(answer.header("cf-aig-log-id").unwrap(), Duration::from_secs(5)).await.unwrap();
    let cost = log.cost.expect("gpt-4o-mini is priced");
    assert!(cost > 0.0);

    // Two and a half requests' worth: two pass, the third finds 2 x cost < budget, the fourth does not.
    let budget = Route::build("budget", |b| {
        let end = b.end("end");
        let cheap =
            b.model("cheap", ModelSpec::new("workers-ai", "@cf/meta/llama-3.1-8b-instruct-fp8", MINUTE, 0), end, end);
        let main = b.model("main", ModelSpec::new("openai", "gpt-4o-mini", MINUTE, 0), end, cheap);
        let limit = b.limit("spend", LimitSpec::cost("metadata.team", cost * 2.5, MINUTE), main, cheap);
        b.start("start", limit)
    })
    .unwrap();
    deploy(&h, &budget).await;
    let red = [("cf-aig-metadata", r#"{"team":"red"}"#)];
    let providers: Vec<String> = {
        let mut out = Vec::new();
        for _ in 0..5 {
            out.push(answered_by(&call(&h, "budget", &red).await).0);
        }
        out
    };
    assert_eq!(providers, ["openai", "openai", "openai", "workers-ai", "workers-ai"]);
    // The probe route's spending and another team's do not count.
    let blue = [("cf-aig-metadata", r#"{"team":"blue"}"#)];
    assert_eq!(answered_by(&call(&h, "budget", &blue).await).0, "openai");
}

#[tokio::test]
async fn every_entry_point_runs_the_route_and_says_what_answered() {
    let h = Harness::start(config(1)).await;
    let route = Route::build("support", |b| {
        let end = b.end("end");
        let model = b.model("m", ModelSpec::new("anthropic", "claude-haiku-4", MINUTE, 0), end, end);
        b.start("start", model)
    })
    .unwrap();
    deploy(&h, &route).await;
    let ai = Ai::new(h.gateway.client_config()).unwrap();
    let through = RunOptions::new().gateway(GatewayOptions::new("main"));
    let input = json!({"messages": [{"role": "user", "content": "hi"}]});

    let run = ai.run::<_, Value>("dynamic/support", &input, &through).await.unwrap();
    assert_eq!(run.meta.provider.as_deref(), Some("anthropic"));
    assert_eq!(run.meta.model.as_deref(), Some("claude-haiku-4"));
    let v1 = ai.v1().chat_completions::<_, Value>(&chat("hi", "support"), &through).await.unwrap();
    assert_eq!(v1.meta.provider.as_deref(), Some("anthropic"));
    assert!(v1.output["choices"][0]["message"]["content"].is_string(), "{}", v1.output);
    let compat = call(&h, "support", &[]).await;
    assert_eq!(answered_by(&compat), ("anthropic".to_owned(), "claude-haiku-4".to_owned()));
    // Streamed through the route.
    let url = h.provider_url("main", "compat", "chat/completions");
    let mut body = chat("hi", "support");
    body["stream"] = json!(true);
    let streamed = h.post(&url, body.to_string(), &[("content-type", "application/json")]).await;
    assert_eq!(streamed.status, 200);
    assert!(streamed.text().contains("data: "), "{}", streamed.text());
    assert_eq!(streamed.header("cf-aig-provider"), Some("anthropic"));

    // Routes take Chat Completions only; a missing route is a missing model.
    let responses = ai.v1().responses::<_, Value>(&json!({"model": "dynamic/support", "input": "hi"}), &through).await;
    assert!(
        matches!(&responses, Err(Error::Gateway { status: 400, message, .. }) if message.contains("Chat Completions")),
        "{responses:?}"
    );
    let missing = call(&h, "nowhere", &[]).await;
    assert_eq!(missing.status, 400);
    assert!(missing.text().contains("nowhere"), "{}", missing.text());
}

#[tokio::test]
async fn a_condition_gateway_local_cannot_evaluate_is_refused_when_stored() {
    let h = Harness::start(config(1)).await;
    let route = Route::build("odd", |b| {
        let end = b.end("end");
        let m = b.model("m", ModelSpec::new("openai", "gpt-4o-mini", MINUTE, 0), end, end);
        let check = b.conditional("check", json!({"metadata.plan": {"$regex": "^p"}}), m, end);
        b.start("start", check)
    })
    .unwrap();
    let ai = Ai::new(h.gateway.client_config()).unwrap();
    let error = ai.gateway("main").create_route(&route).await.unwrap_err();
    let text = error.to_string();
    assert!(text.contains("check") && text.contains("$regex"), "{text}");
    assert!(
        ai.gateway("main").list_routes(&gateway_core::route::ListRoutes::default()).await.unwrap().items.is_empty()
    );
}
