//! Every client method against a real `gateway-local` over loopback HTTP,
//! with the offline upstream behind it and no test double in between.

#![allow(clippy::too_many_lines, reason = "end-to-end scenarios read best in one piece")]

use std::time::Duration;

use gateway_core::models::anthropic::ClaudeSonnet45Request;
use gateway_core::models::openai::{Gpt4oMini, Gpt4oMiniRequest};
use gateway_core::models::workers_ai::{ChatMessage, Llama31Instruct, Llama31InstructInput, Llama31InstructRequest};
use gateway_core::{
    Ai, Backoff, BuiltinProvider, CustomCost, DeleteLogs, Direction, Error, Fallback, Feedback, FilterKey,
    FilterOperator, Gateway, GatewayCredential, GatewayExt, GatewayOptions, GatewayRetries, ListLogs, ListOrderBy,
    LogFilter, Metadata, Model, ModelRequest, PatchLog, ProviderSlug, RunOptions, StepConfig, UniversalOptions,
};
use gateway_local::{Database, Fault, FaultRule, GatewaySettings, LocalConfig, LocalGateway, UnknownGateway};
use serde_json::{Value, json};

const LLAMA: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";

async fn start(config: LocalConfig) -> (LocalGateway, Ai) {
    let local = LocalGateway::builder().config(config).offline(true).start().await.expect("start");
    let ai = Ai::new(local.client_config()).expect("client");
    (local, ai)
}

fn through(gateway: &str) -> RunOptions {
    RunOptions::new().gateway(GatewayOptions::new(gateway))
}

fn prompt(text: &str) -> Value {
    json!({ "prompt": text })
}

fn temp_db(name: &str) -> std::path::PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    std::env::temp_dir().join(format!("typed-gateway-{name}-{}-{nanos}.sqlite3", std::process::id()))
}

#[tokio::test]
async fn workers_ai_runs_are_logged_with_every_field() {
    let (local, ai) = start(LocalConfig::default()).await;
    // Direct Workers AI (no gateway): answered, not logged.
    let direct = ai.run::<_, Value>(LLAMA, &prompt("direct"), &RunOptions::new()).await.unwrap();
    assert!(direct.output["response"].as_str().unwrap().starts_with("Offline answer"));
    assert_eq!(direct.log_id(), None);

    let options = RunOptions::new().gateway(
        GatewayOptions::new("main")
            .metadata(Metadata::new().with("user", 7).with("team", "search"))
            .event_id("evt-1")
            .custom_cost(CustomCost::per_token(0.5, 1.0)),
    );
    let answer = ai.run::<_, Value>(LLAMA, &prompt("hello gateway"), &options).await.unwrap();
    let log_id = answer.log_id().expect("log id").to_owned();
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some(log_id.as_str()));
    assert_eq!(answer.meta.request_id.as_deref(), Some(log_id.as_str()));
    assert_eq!(answer.meta.event_id.as_deref(), Some("evt-1"));
    assert!(!answer.meta.is_cache_hit());

    let gateway = ai.gateway("main");
    let log = gateway.get_log(&log_id).await.unwrap();
    assert_eq!((log.provider.as_str(), log.model.as_str(), log.path.as_str()), ("workers-ai", LLAMA, LLAMA));
    assert!(log.success && !log.cached);
    assert_eq!(log.status_code, Some(200));
    let usage = &answer.output["usage"];
    assert_eq!(log.tokens_in, usage["prompt_tokens"].as_u64());
    assert_eq!(log.tokens_out, usage["completion_tokens"].as_u64());
    let tokens = |n: Option<u64>| f64::from(u32::try_from(n.unwrap()).unwrap());
    let expected_cost = 0.5 * tokens(log.tokens_in) + tokens(log.tokens_out);
    assert_eq!((log.cost, log.custom_cost), (Some(expected_cost), Some(true)));
    let metadata = log.metadata.as_ref().and_then(gateway_core::LogMetadata::entries).expect("metadata");
    assert_eq!(metadata.to_json(), r#"{"user":7,"team":"search"}"#);
    assert_eq!(log.request_head.as_deref(), Some(r#"{"prompt":"hello gateway"}"#));
    assert_eq!(log.request_head_complete, Some(true));
    assert!(log.response_head.as_deref().unwrap().contains("Offline answer"));
    assert_eq!(log.response_size, Some(log.response_head.as_ref().unwrap().len() as u64));
    let age = jiff::Timestamp::now().duration_since(log.created_at);
    assert!(age.as_secs() < 60, "created_at is now-ish: {}", log.created_at);

    let stored = gateway.log_request(&log_id).await.unwrap();
    assert_eq!(stored.json::<Value>().unwrap(), prompt("hello gateway"));
    let stored = gateway.log_response(&log_id).await.unwrap();
    assert_eq!(stored.json::<Value>().unwrap()["result"], answer.output);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn cache_hits_skips_and_custom_keys() {
    let (local, ai) = start(LocalConfig::default()).await;
    let cached = RunOptions::new().gateway(GatewayOptions::new("main").cache_ttl(600));
    let first = ai.run::<_, Value>(LLAMA, &prompt("cache me"), &cached).await.unwrap();
    let second = ai.run::<_, Value>(LLAMA, &prompt("cache me"), &cached).await.unwrap();
    assert!(!first.meta.is_cache_hit() && second.meta.is_cache_hit());
    assert_eq!(first.output, second.output);
    let gateway = ai.gateway("main");
    assert!(gateway.get_log(second.log_id().unwrap()).await.unwrap().cached);

    let skip = RunOptions::new().gateway(GatewayOptions::new("main").cache_ttl(600).skip_cache(true));
    assert!(!ai.run::<_, Value>(LLAMA, &prompt("cache me"), &skip).await.unwrap().meta.is_cache_hit());
    assert!(!ai.run::<_, Value>(LLAMA, &prompt("other"), &cached).await.unwrap().meta.is_cache_hit());
    // A custom key makes different requests share an entry.
    let keyed = RunOptions::new().gateway(GatewayOptions::new("main").cache_key("shared"));
    let a = ai.run::<_, Value>(LLAMA, &prompt("one"), &keyed).await.unwrap();
    let b = ai.run::<_, Value>(LLAMA, &prompt("two"), &keyed).await.unwrap();
    assert!(b.meta.is_cache_hit());
    assert_eq!(a.output, b.output);
    // Without a TTL nothing is cached.
    let plain = through("main");
    ai.run::<_, Value>(LLAMA, &prompt("plain"), &plain).await.unwrap();
    assert!(!ai.run::<_, Value>(LLAMA, &prompt("plain"), &plain).await.unwrap().meta.is_cache_hit());
    assert_eq!(local.offline_upstream().unwrap().attempts("workers-ai"), 6);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn patch_list_filter_paginate_and_delete_logs() {
    let (local, ai) = start(LocalConfig::default()).await;
    let gateway = ai.gateway("main");
    let mut ids = Vec::new();
    for i in 0..5 {
        let options = RunOptions::new()
            .gateway(GatewayOptions::new("main").metadata(Metadata::new().with("n", i).with("kind", "batch")));
        let answer = ai.run::<_, Value>(LLAMA, &prompt(&format!("request {i}")), &options).await.unwrap();
        ids.push(answer.log_id().unwrap().to_owned());
        tokio::time::sleep(Duration::from_millis(3)).await;
    }
    gateway.patch_log(&ids[1], &PatchLog::new().feedback(Feedback::Positive).score(90)).await.unwrap();
    gateway.patch_log(&ids[3], &PatchLog::new().feedback(Feedback::Positive)).await.unwrap();
    gateway
        .patch_log(
            &ids[4],
            &PatchLog::new().feedback(Feedback::Negative).metadata(Metadata::new().with("reviewed", true)),
        )
        .await
        .unwrap();
    assert_eq!(local.store().evaluation("main", &ids[1]).await.unwrap(), Some((Some(1.0), Some(90.0))));
    let reviewed = gateway.get_log(&ids[4]).await.unwrap();
    assert_eq!(reviewed.metadata.unwrap().entries().unwrap().to_json(), r#"{"reviewed":true}"#);
    gateway.patch_log(&ids[1], &PatchLog::new().clear_score()).await.unwrap();
    assert_eq!(local.store().evaluation("main", &ids[1]).await.unwrap(), Some((Some(1.0), None)));

    let positive = gateway.list_logs(&ListLogs::new().filter(LogFilter::eq(FilterKey::Feedback, 1))).await.unwrap();
    let mut got: Vec<&str> = positive.logs.iter().map(|l| l.id.as_str()).collect();
    got.sort_unstable();
    let mut want = vec![ids[1].as_str(), ids[3].as_str()];
    want.sort_unstable();
    assert_eq!(got, want);
    assert!(positive.logs.iter().all(|l| l.request_head.is_none()), "list items carry no heads");

    let page = |n| ListLogs::new().per_page(2).page(n).order_by(ListOrderBy::CreatedAt, Direction::Asc);
    let first = gateway.list_logs(&page(1)).await.unwrap();
    let third = gateway.list_logs(&page(3)).await.unwrap();
    assert_eq!(first.logs.iter().map(|l| l.id.clone()).collect::<Vec<_>>(), ids[..2]);
    assert_eq!(third.logs.iter().map(|l| l.id.clone()).collect::<Vec<_>>(), ids[4..]);
    assert_eq!(
        (first.info.total_count, first.info.page, first.info.per_page, first.info.count),
        (Some(5), Some(1), Some(2), Some(2))
    );
    assert!(first.has_next() && !third.has_next());
    let newest = gateway
        .list_logs(&ListLogs::new().per_page(1).order_by(ListOrderBy::CreatedAt, Direction::Desc))
        .await
        .unwrap();
    assert_eq!(newest.logs[0].id, ids[4]);

    let by_metadata = ListLogs::new().filter(LogFilter::eq(FilterKey::MetadataValue, "batch"));
    assert_eq!(
        gateway.list_logs(&by_metadata).await.unwrap().info.total_count,
        Some(4),
        "log 4's metadata was replaced"
    );
    let by_model = ListLogs::new()
        .filter(LogFilter::eq(FilterKey::Provider, "workers-ai"))
        .filter(LogFilter::new(FilterKey::Model, FilterOperator::Contains, ["llama"]))
        .meta_info(true);
    let page = gateway.list_logs(&by_model).await.unwrap();
    assert_eq!(page.info.total_count, Some(5));
    assert!(page.info.max_tokens_in.is_some() && page.info.min_duration.is_some());
    let none = ListLogs::new().filter(LogFilter::new(FilterKey::Provider, FilterOperator::Neq, ["workers-ai"]));
    assert_eq!(gateway.list_logs(&none).await.unwrap().logs.len(), 0);
    // Another gateway's logs are separate.
    assert_eq!(ai.gateway("other").list_logs(&ListLogs::new()).await.unwrap().info.total_count, Some(0));

    gateway.delete_logs(&DeleteLogs::by_id(&ids[0])).await.unwrap();
    assert!(matches!(gateway.get_log(&ids[0]).await, Err(Error::LogNotFound { .. })));
    assert!(matches!(gateway.patch_log(&ids[0], &PatchLog::new().score(1)).await, Err(Error::LogNotFound { .. })));
    gateway.delete_logs(&DeleteLogs::new().limit(2).order_by(ListOrderBy::CreatedAt, Direction::Asc)).await.unwrap();
    let left: Vec<String> = gateway
        .list_logs(&ListLogs::new().order_by(ListOrderBy::CreatedAt, Direction::Asc))
        .await
        .unwrap()
        .logs
        .into_iter()
        .map(|l| l.id)
        .collect();
    assert_eq!(left, ids[3..]);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn log_collection_switches() {
    let config = LocalConfig::default().with_gateway("quiet", GatewaySettings::default().with_collect_logs(false));
    let (local, ai) = start(config).await;
    let off = ai.run::<_, Value>(LLAMA, &prompt("x"), &through("quiet")).await.unwrap();
    assert_eq!(off.log_id(), None);
    let on = RunOptions::new().gateway(GatewayOptions::new("quiet").collect_log(true));
    let on = ai.run::<_, Value>(LLAMA, &prompt("x"), &on).await.unwrap();
    assert!(on.log_id().is_some(), "a request can turn logging back on");
    let heads_only = RunOptions::new().gateway(GatewayOptions::new("main").collect_log_payload(false));
    let answer = ai.run::<_, Value>(LLAMA, &prompt("secret payload"), &heads_only).await.unwrap();
    let id = answer.log_id().unwrap();
    let gateway = ai.gateway("main");
    assert_eq!(gateway.get_log(id).await.unwrap().request_head.as_deref(), Some(r#"{"prompt":"secret payload"}"#));
    assert!(matches!(gateway.log_request(id).await, Err(Error::LogNotFound { .. })), "no payload kept");
    assert_eq!(local.store().count().await.unwrap(), 2);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn universal_fallback_retries_and_timeouts() {
    let (local, ai) = start(LocalConfig::default()).await;
    let offline = local.offline_upstream().unwrap();
    let gateway = ai.gateway("main");
    let workers = BuiltinProvider::workers_ai("cf-token");
    let openai = BuiltinProvider::openai("sk-test");
    let llama = Llama31InstructRequest::new(Llama31InstructInput::Prompt("hi".into()));
    let gpt = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]);

    // Step 0 fails with 500 every time: step 1 answers, both are logged.
    offline.add_fault(FaultRule::new(Fault::Status(500)).for_provider("workers-ai"));
    let fallback = Fallback::new().then(&workers, &llama).unwrap().then(&openai, &gpt).unwrap();
    let result = gateway.run_fallback(fallback, &UniversalOptions::new()).await.unwrap();
    assert_eq!((result.step, result.model), (1, "gpt-4o-mini"));
    let typed = result.decode::<Gpt4oMini>().unwrap();
    assert!(typed.response.choices[0].message.content.as_deref().unwrap().starts_with("Offline answer"));
    let logs = gateway.list_logs(&ListLogs::new().order_by(ListOrderBy::CreatedAt, Direction::Asc)).await.unwrap().logs;
    assert_eq!(
        logs.iter().map(|l| (l.step, l.success, l.status_code)).collect::<Vec<_>>(),
        [(Some(0), false, Some(500)), (Some(1), true, Some(200))]
    );
    typed.feedback(Feedback::Positive).await.unwrap();
    offline.clear_faults();
    offline.reset_counters();

    // Retries: two failures, then success on the third attempt, spaced by the delay.
    offline.add_fault(FaultRule::new(Fault::Status(503)).for_provider("workers-ai").times(2));
    let retries = UniversalOptions::new().gateway(
        GatewayOptions::default()
            .retries(GatewayRetries::new().max_attempts(3).retry_delay_ms(20).backoff(Backoff::Constant)),
    );
    let started = std::time::Instant::now();
    let answer = gateway.run(llama.to_step(&workers).unwrap().into(), &retries).await.unwrap();
    assert_eq!(answer.meta.step, Some(0));
    assert_eq!(offline.attempts("workers-ai"), 3);
    assert!(started.elapsed() >= Duration::from_millis(40), "two waits of 20 ms");
    offline.reset_counters();
    // Too few attempts: the error comes back, after exactly that many tries.
    offline.add_fault(FaultRule::new(Fault::Status(503)).for_provider("workers-ai").times(5));
    let err = gateway
        .run(
            llama.to_step(&workers).unwrap().into(),
            &UniversalOptions::new().gateway(GatewayOptions::default().retries(GatewayRetries::new().max_attempts(2))),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::UpstreamInference { status: 503, .. }), "{err:?}");
    assert_eq!(offline.attempts("workers-ai"), 2);
    offline.clear_faults();
    offline.reset_counters();

    // A step over its request timeout hands over to the next step.
    offline.add_fault(FaultRule::new(Fault::Latency(Duration::from_secs(5))).for_provider("workers-ai"));
    let slow = llama.to_step(&workers).unwrap().config(StepConfig::new().request_timeout(100));
    let backup = gpt_step(&openai, &gpt);
    let started = std::time::Instant::now();
    let answer = gateway.run(vec![slow, backup].into(), &UniversalOptions::new()).await.unwrap();
    assert_eq!(answer.meta.step, Some(1));
    assert!(started.elapsed() < Duration::from_secs(3));
    // On a provider route, the timeout is an error.
    let err = gateway
        .run_model(
            &workers,
            &llama,
            &UniversalOptions::new().gateway(GatewayOptions::default().request_timeout_ms(100)),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Gateway { status: 504, .. }), "{err:?}");
    local.shutdown().await.unwrap();
}

fn gpt_step(
    provider: &BuiltinProvider<gateway_core::kind::Openai>,
    request: &Gpt4oMiniRequest,
) -> gateway_core::UniversalStep {
    request.to_step(provider).unwrap()
}

#[tokio::test]
async fn typed_models_on_every_route() {
    let (local, ai) = start(LocalConfig::default()).await;
    let gateway = ai.gateway("main");
    let llama =
        Llama31InstructRequest::new(Llama31InstructInput::Messages(vec![ChatMessage::user("hi")])).max_tokens(16);
    let result = ai.run_model(&llama, &through("main")).await.unwrap();
    assert!(result.response.usage.unwrap().completion_tokens <= 16);
    result.patch_log(&PatchLog::new().score(70)).await.unwrap();
    assert_eq!(result.get_log().await.unwrap().model, Llama31Instruct::ID);

    let workers = BuiltinProvider::workers_ai("cf-token");
    let via_route = gateway.run_model(&workers, &llama, &UniversalOptions::new()).await.unwrap();
    assert_eq!(via_route.response.response, result.response.response, "same request, same offline answer");

    let claude = ClaudeSonnet45Request::new(64u32, vec![ChatMessage::user("hi")]);
    let answer =
        gateway.run_model(&BuiltinProvider::anthropic("sk-ant"), &claude, &UniversalOptions::new()).await.unwrap();
    assert_eq!(answer.response.stop_reason.as_deref(), Some("end_turn"));
    let log = answer.get_log().await.unwrap();
    assert_eq!((log.provider.as_str(), log.model.as_str()), ("anthropic", "claude-sonnet-4-5"));
    assert_eq!(log.tokens_out, answer.response.usage.map(|u| u.output_tokens));
    // The provider key went upstream but is stored nowhere.
    let stored = format!("{log:?} {}", gateway.log_request(&log.id).await.unwrap().text());
    assert!(!stored.contains("sk-ant"), "{stored}");
    let listed = gateway.list_logs(&ListLogs::new()).await.unwrap();
    assert!(!format!("{listed:?}").contains("sk-ant"));

    // The OpenAI-compatible endpoint, with `provider/model` names.
    let compat = BuiltinProvider::new(ProviderSlug::Other("compat".into()));
    let body = json!({"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]});
    let response =
        gateway.provider_request(&compat, "chat/completions", &body, &UniversalOptions::new()).await.unwrap();
    assert_eq!(
        (response.meta.model.as_deref(), response.meta.provider.as_deref()),
        (Some("gpt-4o-mini"), Some("openai"))
    );
    assert_eq!(response.json::<Value>().unwrap()["model"], "gpt-4o-mini");
    let bad = json!({"model": "gpt-4o-mini", "messages": []});
    let err = gateway.provider_request(&compat, "chat/completions", &bad, &UniversalOptions::new()).await.unwrap_err();
    assert!(matches!(err, Error::Gateway { code: 2019, status: 400, .. }), "{err:?}");

    assert_eq!(
        gateway.get_url(Some(&ProviderSlug::Openai)).await.unwrap(),
        format!("{}/v1/local-account/main/openai", local.url())
    );
    assert_eq!(gateway.get_url(None).await.unwrap(), format!("{}/v1/local-account/main/", local.url()));
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn authenticated_and_unknown_gateways() {
    let config = LocalConfig::default()
        .with_gateway("secure", GatewaySettings::default().with_token("aig-secret"))
        .with_gateway("main", GatewaySettings::default())
        .with_unknown_gateways(UnknownGateway::Reject);
    let (local, ai) = start(config).await;
    // Without a gateway token, the account's API token authenticates the gateway host.
    ai.run::<_, Value>(LLAMA, &prompt("x"), &through("secure")).await.unwrap();
    let stranger = Ai::new(local.client_config().with_api_token("not-the-api-token")).unwrap();
    let err = stranger.run::<_, Value>(LLAMA, &prompt("x"), &through("secure")).await.unwrap_err();
    assert!(
        matches!(err, Error::GatewayUnauthorized { status: 401, credential: GatewayCredential::ApiToken, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("CLOUDFLARE_API_TOKEN") && !err.to_string().contains("not-the-api-token"));
    let authed = Ai::new(local.client_config().with_gateway_token("aig-secret")).unwrap();
    authed.run::<_, Value>(LLAMA, &prompt("x"), &through("secure")).await.unwrap();
    let wrong = Ai::new(local.client_config().with_gateway_token("aig-secreT")).unwrap();
    assert!(matches!(
        wrong.run::<_, Value>(LLAMA, &prompt("x"), &through("secure")).await,
        Err(Error::GatewayUnauthorized { .. })
    ));
    let err = ai.run::<_, Value>(LLAMA, &prompt("x"), &through("nope")).await.unwrap_err();
    assert!(
        matches!(err, Error::GatewayNotFound { ref gateway_id, status: 400, .. } if gateway_id == "nope"),
        "{err:?}"
    );
    // The v4 API needs its token.
    let anonymous = Ai::new(
        gateway_core::Config::new("local-account").with_api_token("wrong").with_api_base_url(&local.api_base_url()),
    )
    .unwrap();
    let err = anonymous.gateway("main").list_logs(&ListLogs::new()).await.unwrap_err();
    assert!(matches!(err, Error::Api { status: 401, ref errors } if errors[0].code == 10000), "{err:?}");
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn metadata_keeps_the_first_five_entries() {
    let (local, ai) = start(LocalConfig::default()).await;
    let options = RunOptions::new()
        .gateway(GatewayOptions::new("main"))
        .extra_header("cf-aig-metadata", r#"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}"#);
    let answer = ai.run::<_, Value>(LLAMA, &prompt("x"), &options).await.unwrap();
    let log = ai.gateway("main").get_log(answer.log_id().unwrap()).await.unwrap();
    assert_eq!(log.metadata.unwrap().entries().unwrap().to_json(), r#"{"a":1,"b":2,"c":3,"d":4,"e":5}"#);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn logs_survive_a_restart() {
    let path = temp_db("restart");
    let mut ids = Vec::new();
    {
        let local = LocalGateway::builder().database(Database::File(path.clone())).offline(true).start().await.unwrap();
        let ai = Ai::new(local.client_config()).unwrap();
        for i in 0..3 {
            ids.push(
                ai.run::<_, Value>(LLAMA, &prompt(&format!("r{i}")), &through("main"))
                    .await
                    .unwrap()
                    .log_id()
                    .unwrap()
                    .to_owned(),
            );
        }
        local.shutdown().await.unwrap();
    }
    let local = LocalGateway::builder().database(Database::File(path.clone())).offline(true).start().await.unwrap();
    let ai = Ai::new(local.client_config()).unwrap();
    let page =
        ai.gateway("main").list_logs(&ListLogs::new().order_by(ListOrderBy::CreatedAt, Direction::Asc)).await.unwrap();
    assert_eq!(page.logs.into_iter().map(|l| l.id).collect::<Vec<_>>(), ids);
    assert_eq!(local.store().integrity_check().await.unwrap(), "ok");
    local.shutdown().await.unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[tokio::test]
async fn concurrent_requests_lose_nothing() {
    let (local, ai) = start(LocalConfig::default()).await;
    let semaphore = std::sync::Arc::new(tokio::sync::Semaphore::new(32));
    let mut tasks = Vec::new();
    for i in 0..200 {
        let (ai, semaphore) = (ai.clone(), semaphore.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = semaphore.acquire_owned().await.unwrap();
            ai.run::<_, Value>(LLAMA, &prompt(&format!("c{i}")), &through("main"))
                .await
                .unwrap()
                .log_id()
                .unwrap()
                .to_owned()
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.unwrap());
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 200);
    assert_eq!(local.store().count().await.unwrap(), 200);
    assert_eq!(ai.gateway("main").list_logs(&ListLogs::new()).await.unwrap().info.total_count, Some(200));
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_provider_can_point_at_a_local_server() {
    use wiremock::matchers::{header, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    let upstream = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", "Bearer sk-local"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "chatcmpl-local", "object": "chat.completion", "model": "gpt-4o-mini",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "from the local server"}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13}
        })))
        .expect(1)
        .mount(&upstream)
        .await;
    let config = LocalConfig::default().with_upstream("openai", format!("{}/v1", upstream.uri()));
    let (local, ai) = start(config).await;
    let gateway = ai.gateway("main");
    let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]);
    let options = UniversalOptions::new().gateway(GatewayOptions::default().cache_ttl(60).event_id("e1"));
    let result = gateway.run_model(&BuiltinProvider::openai("sk-local"), &request, &options).await.unwrap();
    assert_eq!(result.response.choices[0].message.content.as_deref(), Some("from the local server"));
    // The second call is a cache hit: the upstream sees one request (`expect(1)`).
    let again = gateway.run_model(&BuiltinProvider::openai("sk-local"), &request, &options).await.unwrap();
    assert!(again.meta.is_cache_hit());
    let log = result.get_log().await.unwrap();
    assert_eq!((log.tokens_in, log.tokens_out), (Some(9), Some(4)));
    assert!(log.cost.is_some_and(|c| c > 0.0), "priced from the usage");
    let received = upstream.received_requests().await.unwrap();
    assert_eq!(received[0].body, br#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"#);
    assert!(
        received[0].headers.keys().all(|k| !k.as_str().starts_with("cf-aig-")),
        "gateway headers stay at the gateway"
    );
    // Other providers still go to the offline double.
    ai.run::<_, Value>(LLAMA, &prompt("x"), &through("main")).await.unwrap();
    assert_eq!(local.offline_upstream().unwrap().attempts("openai"), 0);
    local.shutdown().await.unwrap();
}
