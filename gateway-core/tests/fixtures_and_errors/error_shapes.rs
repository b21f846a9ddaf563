//! Every error shape a server sends, mapped onto its `Error` variant.

use std::time::Duration;

use gateway_core::{
    Ai, ApiMessage, DeleteLogs, Error, Feedback, Gateway, ListLogs, PatchLog, RunOptions, UniversalOptions,
};
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};

use crate::common::{MODEL, closed_port, fixture, fixture_json, header, json_answer, mount, received, rest_config_at};
use crate::{
    API_TOKEN, BINDING_LOGS, BINDING_UNIVERSAL, GW, LOGS, RUN_DIRECT, RUN_GATEWAY, TextOutput, UNIVERSAL, binding_ai,
    chat_input, one_step, rest_ai, rest_config, through_gateway,
};

#[tokio::test]
async fn log_404_fixtures_are_log_not_found_for_get_and_patch() {
    let server = MockServer::start().await;
    let rest = rest_ai(&server).gateway(GW);
    let binding = binding_ai(&server).gateway(GW);
    let patch = PatchLog::new().feedback(Feedback::Positive);
    for (name, body) in
        [("logs-404.json", fixture("logs-404.json")), ("binding-logs-404.json", fixture("binding-logs-404.json"))]
    {
        server.reset().await;
        mount(&server, "GET", &format!("{LOGS}/missing"), json_answer(404, body.clone())).await;
        mount(&server, "PATCH", &format!("{LOGS}/missing"), json_answer(404, body.clone())).await;
        mount(&server, "GET", &format!("{BINDING_LOGS}/missing"), json_answer(404, body.clone())).await;
        mount(&server, "PATCH", &format!("{BINDING_LOGS}/missing"), json_answer(404, body.clone())).await;
        let outcomes = [
            ("REST get_log", rest.get_log("missing").await.map(drop)),
            ("REST patch_log", rest.patch_log("missing", &patch).await),
            ("binding get_log", binding.get_log("missing").await.map(drop)),
            ("binding patch_log", binding.patch_log("missing", &patch).await),
        ];
        for (call, outcome) in outcomes {
            let err = outcome.expect_err(call);
            assert_eq!(err.status(), Some(404));
            assert!(!err.is_retryable());
            let Error::LogNotFound { log_id, message } = err else {
                panic!("{name} {call}: expected LogNotFound, got {err:?}")
            };
            assert_eq!((log_id.as_str(), message.as_str()), ("missing", "Not Found"), "{name} {call}");
        }
        assert_eq!(received(&server).await.len(), 4);
    }
}

#[tokio::test]
async fn log_500_and_non_json_404_are_gateway_internal() {
    let server = MockServer::start().await;
    let route = format!("{BINDING_LOGS}/L1");
    mount(&server, "GET", &route, json_answer(500, fixture("binding-logs-500.json"))).await;
    mount(&server, "PATCH", &route, json_answer(500, fixture("binding-logs-500.json"))).await;
    let gateway = binding_ai(&server).gateway(GW);
    for outcome in [gateway.get_log("L1").await.map(drop), gateway.patch_log("L1", &PatchLog::new().score(5)).await] {
        let err = outcome.expect_err("500");
        assert!(err.is_retryable());
        let Error::GatewayInternal { status, message } = err else { panic!("expected GatewayInternal, got {err:?}") };
        assert_eq!((status, message.as_str()), (500, "Internal Error"));
    }

    // A 404 whose body is not JSON: internal error carrying the raw body.
    let server = MockServer::start().await;
    mount(&server, "GET", &format!("{LOGS}/L1"), ResponseTemplate::new(404).set_body_string("404 page not found"))
        .await;
    let err = rest_ai(&server).gateway(GW).get_log("L1").await.expect_err("404");
    let Error::GatewayInternal { status, message } = err else { panic!("expected GatewayInternal, got {err:?}") };
    assert_eq!((status, message.as_str()), (404, "404 page not found"));
}

#[tokio::test]
async fn gateway_error_2001_is_gateway_not_found() {
    let cases = [
        (
            "gateway-error-2001.json",
            fixture("gateway-error-2001.json"),
            "Please configure AI Gateway in the Cloudflare dashboard",
        ),
        ("gateway-error-2001.client-test.json", fixture("gateway-error-2001.client-test.json"), "no such gateway"),
    ];
    for (name, body, expected) in cases {
        let server = MockServer::start().await;
        mount(&server, "POST", UNIVERSAL, json_answer(400, body.clone())).await;
        mount(&server, "POST", RUN_GATEWAY, json_answer(400, body)).await;
        let ai = rest_ai(&server);
        let from_run = ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop);
        let from_ai = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop);
        for (call, outcome) in [("Gateway::run", from_run), ("Ai::run", from_ai)] {
            let err = outcome.expect_err(call);
            assert_eq!(err.status(), Some(400));
            let Error::GatewayNotFound { gateway_id, message, .. } = err else {
                panic!("{name} {call}: expected GatewayNotFound, got {err:?}")
            };
            assert_eq!((gateway_id.as_str(), message.as_str()), (GW, expected), "{name} {call}");
        }
    }
}

#[tokio::test]
async fn gateway_error_2009_is_gateway_unauthorized() {
    let server = MockServer::start().await;
    let body = fixture("gateway-error-2009.client-test.json");
    mount(&server, "POST", UNIVERSAL, json_answer(401, body.clone())).await;
    mount(&server, "POST", RUN_GATEWAY, json_answer(401, body)).await;
    let ai = Ai::new(rest_config(&server).with_gateway_token("wrong-token")).expect("config");
    let from_run = ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop);
    let from_ai = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop);
    for (call, outcome) in [("Gateway::run", from_run), ("Ai::run", from_ai)] {
        let err = outcome.expect_err(call);
        let Error::GatewayUnauthorized { message, .. } = err else {
            panic!("{call}: expected GatewayUnauthorized, got {err:?}")
        };
        assert_eq!(message, "unauthorized", "{call}");
    }
    for sent in received(&server).await {
        assert_eq!(header(&sent, "cf-aig-authorization"), Some("Bearer wrong-token"));
    }

    // The binding's shape: `{"name":"AiGatewayError","internalCode":2009,...}`.
    let server = MockServer::start().await;
    let body = fixture("binding-gateway-error-2009.json");
    mount(&server, "POST", "/ai-gateway/run", json_answer(401, body.clone())).await;
    mount(&server, "POST", BINDING_UNIVERSAL, json_answer(401, body)).await;
    let ai = binding_ai(&server);
    let from_ai = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop);
    let from_run = ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop);
    for (call, outcome) in [("binding Ai::run", from_ai), ("binding Gateway::run", from_run)] {
        let err = outcome.expect_err(call);
        let Error::GatewayUnauthorized { message, .. } = err else {
            panic!("{call}: expected GatewayUnauthorized, got {err:?}")
        };
        assert_eq!(message, "Unauthorized", "{call}");
    }
}

#[tokio::test]
async fn v4_errors_on_management_calls_are_api_errors() {
    let server = MockServer::start().await;
    mount(&server, "GET", LOGS, json_answer(400, fixture("v4-error.json"))).await;
    mount(&server, "DELETE", LOGS, json_answer(400, fixture("v4-error.json"))).await;
    let gateway = rest_ai(&server).gateway(GW);
    for outcome in [gateway.list_logs(&ListLogs::new()).await.map(drop), gateway.delete_logs(&DeleteLogs::new()).await]
    {
        let err = outcome.expect_err("400");
        assert!(!err.is_retryable());
        let Error::Api { status, errors } = err else { panic!("expected Api, got {err:?}") };
        assert_eq!(status, 400);
        assert_eq!(errors, [ApiMessage { code: 7003, message: "No route for the URI".to_owned() }]);
    }

    let server = MockServer::start().await;
    mount(&server, "GET", LOGS, json_answer(401, fixture("workers-ai-error.json"))).await;
    let err = rest_ai(&server).gateway(GW).list_logs(&ListLogs::new()).await.expect_err("401");
    assert!(err.to_string().contains("10000: Authentication error"), "{err}");
    let Error::Api { status, errors } = err else { panic!("expected Api, got {err:?}") };
    assert_eq!(status, 401);
    assert_eq!((errors[0].code, errors[0].message.as_str()), (10000, "Authentication error"));
    assert_eq!(errors.len(), 1);
}

#[tokio::test]
async fn workers_ai_error_envelopes_are_upstream_inference() {
    let server = MockServer::start().await;
    mount(&server, "POST", RUN_DIRECT, json_answer(400, fixture("workers-ai-error-5007.json"))).await;
    let err = rest_ai(&server).run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.expect_err("400");
    assert_eq!(err.gateway_meta().map(|m| m.log_id.clone()), Some(None));
    let Error::UpstreamInference { status, code, name, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code, name), (400, Some(5007), None));
    assert_eq!(message, "5007: No such model");

    // Through a gateway, the error keeps the gateway's log id.
    let server = MockServer::start().await;
    let answer = json_answer(401, fixture("workers-ai-error.json")).insert_header("cf-aig-log-id", "01JERR");
    mount(&server, "POST", RUN_GATEWAY, answer).await;
    let ai = rest_ai(&server);
    let err = ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.expect_err("401");
    let meta = err.gateway_meta().expect("meta");
    assert_eq!((meta.status, meta.log_id.as_deref()), (401, Some("01JERR")));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("01JERR"));
    let Error::UpstreamInference { status, code, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code, message.as_str()), (401, Some(10000), "10000: Authentication error"));
}

#[tokio::test]
async fn binding_internal_code_error_is_upstream_inference() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/run", json_answer(400, fixture("binding-ai-run-error-1001.json"))).await;
    let input = json!({"prompt": "x", "messages": []});
    let err = binding_ai(&server).run::<_, Value>(MODEL, &input, &RunOptions::new()).await.expect_err("400");
    assert!(!err.is_retryable());
    let Error::UpstreamInference { status, code, name, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code), (400, Some(1001)));
    assert_eq!(name.as_deref(), Some("InvalidInput"));
    assert_eq!(message, "1001: prompt and messages are mutually exclusive");
}

#[tokio::test]
async fn provider_error_from_universal_run_carries_name_and_log_id() {
    let server = MockServer::start().await;
    let answer = json_answer(401, r#"{"error":{"message":"bad key","type":"invalid_request_error"}}"#)
        .insert_header("cf-aig-log-id", "01JPROVIDER")
        .insert_header("cf-aig-step", "0");
    mount(&server, "POST", UNIVERSAL, answer).await;
    let err = rest_ai(&server).gateway(GW).run(one_step(), &UniversalOptions::new()).await.expect_err("401");
    let meta = err.gateway_meta().expect("meta").clone();
    assert_eq!(meta.log_id.as_deref(), Some("01JPROVIDER"));
    assert_eq!((meta.status, meta.step), (401, Some(0)));
    let Error::UpstreamInference { status, code, name, message, .. } = err else {
        panic!("expected UpstreamInference, got {err:?}")
    };
    assert_eq!((status, code), (401, None));
    assert_eq!(name.as_deref(), Some("invalid_request_error"));
    assert_eq!(message, "bad key");
}

#[tokio::test]
async fn rate_limit_reads_retry_after() {
    let server = MockServer::start().await;
    let body = r#"{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}]}"#;
    let limited = || json_answer(429, body).insert_header("retry-after", "3");
    mount(&server, "GET", &format!("{LOGS}/L1"), limited()).await;
    mount(&server, "POST", UNIVERSAL, limited()).await;
    mount(&server, "POST", RUN_DIRECT, limited()).await;
    let ai = rest_ai(&server);
    let outcomes = [
        ("get_log", ai.gateway(GW).get_log("L1").await.map(drop)),
        ("Gateway::run", ai.gateway(GW).run(one_step(), &UniversalOptions::new()).await.map(drop)),
        ("Ai::run", ai.run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.map(drop)),
    ];
    for (call, outcome) in outcomes {
        let err = outcome.expect_err(call);
        assert!(err.is_retryable(), "{call}");
        assert_eq!(err.status(), Some(429));
        assert_eq!(err.retry_after(), Some(Duration::from_secs(3)), "{call}");
        let Error::RateLimited { retry_after, message } = err else {
            panic!("{call}: expected RateLimited, got {err:?}")
        };
        assert_eq!(retry_after, Some(Duration::from_secs(3)));
        assert_eq!(message, "Please wait and consider throttling your request speed");
    }
    // No client-side retries by default: one request per call.
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn unexpected_success_bodies_are_decode_errors_naming_the_path() {
    let server = MockServer::start().await;
    let mut log = fixture_json("log-get.response.json");
    log["result"]["created_at"] = json!(1_577_470_279);
    let body = serde_json::to_string(&log).expect("JSON");
    mount(&server, "GET", &format!("{LOGS}/L1"), json_answer(200, body.clone())).await;
    let err = rest_ai(&server).gateway(GW).get_log("L1").await.expect_err("bad created_at");
    assert_eq!(err.status(), None);
    let Error::Decode { path, body_start, .. } = err else { panic!("expected Decode, got {err:?}") };
    assert_eq!(path, "result.created_at");
    assert_eq!(body_start.len(), 256, "only the start of a long body is kept");
    assert!(body.starts_with(&body_start), "{body_start}");

    // A short body is kept whole; list items are named by index.
    let server = MockServer::start().await;
    let list = r#"{"result":[{"id":"a","provider":"openai","model":"m","path":"p","duration":"slow","success":true,"cached":false,"tokens_in":null,"tokens_out":null,"created_at":"2025-01-01T00:00:00Z"}],"success":true}"#;
    mount(&server, "GET", LOGS, json_answer(200, list)).await;
    let err = rest_ai(&server).gateway(GW).list_logs(&ListLogs::new()).await.expect_err("bad duration");
    let Error::Decode { path, body_start, .. } = err else { panic!("expected Decode, got {err:?}") };
    assert_eq!(path, "result[0].duration");
    assert_eq!(body_start, list);

    // A model output of the wrong shape.
    let server = MockServer::start().await;
    let output = r#"{"result":{"response":42},"success":true,"errors":[],"messages":[]}"#;
    mount(&server, "POST", RUN_DIRECT, json_answer(200, output)).await;
    let err =
        rest_ai(&server).run::<_, TextOutput>(MODEL, &chat_input(), &RunOptions::new()).await.expect_err("bad output");
    let Error::Decode { path, body_start, .. } = err else { panic!("expected Decode, got {err:?}") };
    assert_eq!(path, "result.response");
    assert_eq!(body_start, output);
}

#[tokio::test]
async fn slow_answers_time_out() {
    let server = MockServer::start().await;
    let slow = json_answer(200, fixture("log-get.response.json")).set_delay(Duration::from_secs(5));
    mount(&server, "GET", &format!("{LOGS}/L1"), slow).await;
    let ai = Ai::new(rest_config(&server).with_timeout(Duration::from_millis(200))).expect("config");
    let started = std::time::Instant::now();
    let err = ai.gateway(GW).get_log("L1").await.expect_err("timeout");
    assert!(started.elapsed() < Duration::from_secs(4), "gave up after {:?}", started.elapsed());
    assert!(err.is_retryable());
    let Error::Timeout { source } = err else { panic!("expected Timeout, got {err:?}") };
    assert!(source.is_some_and(|e| e.is_timeout()));
}

#[tokio::test]
async fn closed_port_is_a_transport_error() {
    let origin = format!("http://127.0.0.1:{}", closed_port());
    let ai = Ai::new(rest_config_at(&origin, API_TOKEN)).expect("config");
    let outcomes = [
        ("get_log", ai.gateway(GW).get_log("L1").await.map(drop)),
        ("Ai::run", ai.run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.map(drop)),
    ];
    for (call, outcome) in outcomes {
        let err = outcome.expect_err(call);
        assert_eq!(err.status(), None);
        assert!(err.is_retryable(), "{call}: {err:?}");
        assert!(!err.to_string().contains("api-secret"));
        let Error::Transport(source) = err else { panic!("{call}: expected Transport, got {err:?}") };
        assert!(source.is_connect(), "{call}: {source:?}");
    }
}
