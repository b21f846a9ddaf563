//! Hostile answers (broken, huge, deep, mistyped bodies and headers) never
//! make the client panic.

use std::time::Duration;

use gateway_core::{Ai, Error, Gateway, ListLogs, RunOptions, UniversalOptions};
use serde_json::Value;
use wiremock::{MockServer, ResponseTemplate};

use crate::common::{MODEL, fixture, json_answer, mount};
use crate::{
    GW, LOGS, RUN_DIRECT, RUN_GATEWAY, TextOutput, UNIVERSAL, chat_input, one_step, rest_ai, rest_config,
    through_gateway,
};

fn hostile_bodies() -> Vec<(&'static str, Vec<u8>)> {
    let log = fixture("log-get.response.json");
    let mut deep = vec![b'['; 10_000];
    deep.extend(vec![b']'; 10_000]);
    let mut deep_object = b"{\"result\":".to_vec();
    deep_object.extend(b"{\"a\":".repeat(5_000));
    deep_object.extend(b"1");
    deep_object.extend(vec![b'}'; 5_001]);
    vec![
        ("empty", Vec::new()),
        ("null", b"null".to_vec()),
        ("array", b"[]".to_vec()),
        ("object", b"{}".to_vec()),
        ("string", b"\"result\"".to_vec()),
        ("result null", br#"{"result":null}"#.to_vec()),
        ("result null success", br#"{"result":null,"success":true}"#.to_vec()),
        ("result empty", br#"{"result":{},"success":true}"#.to_vec()),
        ("result array", br#"{"result":[{}],"success":true,"result_info":null}"#.to_vec()),
        ("truncated log", log[..log.len() / 2].to_vec()),
        ("trailing garbage", [log.as_slice(), b"}}}"].concat()),
        ("huge exponent", br#"{"result":1e999999,"success":true}"#.to_vec()),
        ("huge integer", [b"{\"result\":{\"duration\":".as_slice(), &b"9".repeat(400), b"}}"].concat()),
        ("huge number alone", b"9".repeat(10_000)),
        ("deep arrays", deep),
        ("open arrays", vec![b'['; 10_000]),
        ("deep objects", deep_object),
        ("invalid UTF-8", vec![0xff, 0xfe, 0xfd, 0x80]),
        ("invalid UTF-8 in JSON", b"{\"errors\":[{\"code\":1,\"message\":\"\xff\xfe\"}]}".to_vec()),
        ("BOM", [b"\xEF\xBB\xBF".as_slice(), &log].concat()),
        ("NUL bytes", b"\0\0\0{\0}".to_vec()),
        ("multibyte at cut", "é".repeat(200).into_bytes()),
        ("long text", b"x".repeat(300_000)),
        ("errors not array", br#"{"errors":5,"error":"x"}"#.to_vec()),
        ("error empty array", br#"{"error":[]}"#.to_vec()),
        ("error array of numbers", br#"{"error":[1,2]}"#.to_vec()),
        ("error object wrong types", br#"{"error":{"message":5,"type":[],"code":"x"}}"#.to_vec()),
        ("errors wrong types", br#"{"errors":[{"code":1e400,"message":{}}],"success":false}"#.to_vec()),
        ("internalCode string", br#"{"internalCode":"2001","name":5}"#.to_vec()),
        ("internalCode huge", br#"{"internalCode":18446744073709551616,"description":null}"#.to_vec()),
        ("gateway error 2001", br#"{"error":[{"code":2001}]}"#.to_vec()),
        ("metadata nested string", br#"{"result":{"metadata":"{\"a\":{\"b\":[1]}}"},"success":true}"#.to_vec()),
        ("bad timestamp", br#"{"result":{"created_at":"yesterday"},"success":true}"#.to_vec()),
    ]
}

type Outcome = Result<(), String>;

/// Everything a caller may do with an error; none of it may panic.
fn inspect(err: &Error) -> String {
    let _ = (err.status(), err.is_retryable(), err.retry_after(), err.gateway_meta().cloned());
    let _ = format!("{err:?}");
    err.to_string()
}

async fn hit_every_call(ai: &Ai) -> Vec<(&'static str, Result<Outcome, tokio::task::JoinError>)> {
    let gateway = ai.gateway(GW);
    let get_log = {
        let gateway = gateway.clone();
        tokio::spawn(async move { gateway.get_log("L1").await.map(drop).map_err(|e| inspect(&e)) })
    };
    let list_logs = {
        let gateway = gateway.clone();
        tokio::spawn(async move { gateway.list_logs(&ListLogs::new()).await.map(drop).map_err(|e| inspect(&e)) })
    };
    let run = tokio::spawn(async move {
        match gateway.run(one_step(), &UniversalOptions::new()).await {
            Ok(response) => {
                let _ = (response.output::<Value>().map_err(|e| inspect(&e)), response.text(), format!("{response:?}"));
                Ok(())
            }
            Err(e) => Err(inspect(&e)),
        }
    });
    let ai_run = {
        let ai = ai.clone();
        tokio::spawn(async move {
            let _ = ai.run::<_, TextOutput>(MODEL, &chat_input(), &RunOptions::new()).await.map_err(|e| inspect(&e));
            ai.run::<_, Value>(MODEL, &chat_input(), &through_gateway()).await.map(drop).map_err(|e| inspect(&e))
        })
    };
    vec![
        ("get_log", get_log.await),
        ("list_logs", list_logs.await),
        ("Gateway::run", run.await),
        ("Ai::run", ai_run.await),
    ]
}

#[tokio::test]
async fn hostile_answers_never_panic() {
    let server = MockServer::start().await;
    let ai = rest_ai(&server);
    let mut panics = Vec::new();
    let mut answered = 0;
    for status in [200_u16, 204, 302, 404, 429, 500, 599] {
        for (label, body) in hostile_bodies() {
            server.reset().await;
            let answer = || {
                ResponseTemplate::new(status)
                    .set_body_raw(body.clone(), "application/json")
                    .insert_header("retry-after", "1e300")
                    .insert_header("cf-aig-step", "-1")
                    .insert_header("cf-aig-log-id", "caf\u{e9}")
            };
            mount(&server, "GET", &format!("{LOGS}/L1"), answer()).await;
            mount(&server, "GET", LOGS, answer()).await;
            mount(&server, "POST", UNIVERSAL, answer()).await;
            mount(&server, "POST", RUN_DIRECT, answer()).await;
            mount(&server, "POST", RUN_GATEWAY, answer()).await;
            for (call, outcome) in hit_every_call(&ai).await {
                match outcome {
                    Ok(Ok(())) => answered += 1,
                    Ok(Err(message)) => assert!(!message.is_empty(), "{call} {status} {label}: empty error message"),
                    Err(join) => panics.push(format!("{call} on HTTP {status} with {label}: {join}")),
                }
            }
        }
    }
    assert!(panics.is_empty(), "panicked:\n{}", panics.join("\n"));
    // Some of these (an empty 2xx run, `{"result":null}` into a Value) are legitimately Ok.
    assert!(answered > 0);
}

/// `Inner::execute` turns a `retry-after` header into a `Duration` with
/// `Duration::from_secs_f64` before capping it, which panics on values too
/// large for a `Duration` (client.rs, the `hinted` computation).
#[tokio::test]
async fn huge_retry_after_with_client_retries_does_not_panic() {
    let server = MockServer::start().await;
    mount(&server, "GET", &format!("{LOGS}/L1"), json_answer(429, "{}").insert_header("retry-after", "1e30")).await;
    let config = rest_config(&server).with_max_retries(1).with_max_retry_delay(Duration::from_millis(10));
    let err = Ai::new(config).expect("config").gateway(GW).get_log("L1").await.expect_err("429");
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
}
