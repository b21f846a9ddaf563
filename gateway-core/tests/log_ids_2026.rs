//! Log ids are opaque (`cloudflare-2026.md` §4.1): the lowercase `UUIDv7` ids
//! Cloudflare mints since 2026-10-08 and the older ULIDs go everywhere a log
//! id goes, unchanged in the URL, over HTTP and the binding protocol; only
//! ids that cannot be a URL segment are refused, with a typed error.

mod common;

use std::time::Duration;

use gateway_core::models::workers_ai::{Llama31Instruct, Llama31InstructInput, Llama31InstructRequest};
use gateway_core::{
    Ai, DeleteLogs, Error, Feedback, FilterKey, Gateway, GatewayOptions, ListLogs, LogFilter, Model, PatchLog,
    RunOptions,
};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use common::{binding_config, envelope, fixture_json, json_answer, mount, received};

const UUID_V7: &str = "019a7b3e-5f2c-7c41-9d3e-2b8f6a1c4e07";
const ULID: &str = "01JADMCQQQBWH3NXZ5GCRN98DP";
const REST_LOGS: &str = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/logs";
const BINDING_LOGS: &str = "/ai-gateway/gateways/my-gateway/logs";

/// A stored log whose id is `id`.
fn log_body(id: &str) -> Value {
    let mut body = fixture_json("log-get.response.json");
    body["result"]["id"] = json!(id);
    body
}

/// Mounts every per-log route of `id` under `logs`.
async fn mount_log(server: &MockServer, logs: &str, id: &str) {
    let one = format!("{logs}/{id}");
    mount(server, "GET", &one, ResponseTemplate::new(200).set_body_json(log_body(id))).await;
    mount(server, "PATCH", &one, json_answer(200, r#"{"result":{},"success":true}"#)).await;
    for which in ["request", "response"] {
        let answer = ResponseTemplate::new(200).set_body_raw(format!("{which} of {id}"), "text/plain");
        mount(server, "GET", &format!("{one}/{which}"), answer).await;
    }
}

#[tokio::test]
async fn uuid_v7_and_ulid_ids_reach_every_log_call_unchanged_over_rest() {
    for id in [UUID_V7, ULID] {
        let server = MockServer::start().await;
        mount_log(&server, REST_LOGS, id).await;
        mount(
            &server,
            "GET",
            REST_LOGS,
            ResponseTemplate::new(200).set_body_json(json!({"result": [], "success": true})),
        )
        .await;
        mount(&server, "DELETE", REST_LOGS, json_answer(200, r#"{"success":true}"#)).await;
        let gateway = Ai::new(common::rest_config(&server, "api-token")).unwrap().gateway("my-gateway");

        assert_eq!(gateway.get_log(id).await.unwrap().id, id);
        gateway.patch_log(id, &PatchLog::new().feedback(Feedback::Positive)).await.unwrap();
        assert_eq!(gateway.log_request(id).await.unwrap().text(), format!("request of {id}"));
        assert_eq!(gateway.log_response(id).await.unwrap().text(), format!("response of {id}"));
        assert_eq!(gateway.wait_for_log(id, Duration::from_secs(1)).await.unwrap().id, id);
        gateway.list_logs(&ListLogs::new().filter(LogFilter::eq(FilterKey::Id, id))).await.unwrap();
        gateway.delete_logs(&DeleteLogs::by_id(id)).await.unwrap();

        let requests = received(&server).await;
        let paths: Vec<String> = requests.iter().map(|r| r.url.path().to_owned()).collect();
        let one = format!("{REST_LOGS}/{id}");
        assert_eq!(
            paths,
            [
                one.clone(),
                one.clone(),
                format!("{one}/request"),
                format!("{one}/response"),
                one,
                REST_LOGS.to_owned(),
                REST_LOGS.to_owned()
            ]
        );
        let filter = format!("filters.key=id&filters.operator=eq&filters.value={id}");
        assert_eq!(requests[5].url.query(), Some(filter.as_str()));
        assert_eq!(requests[6].url.query(), Some(filter.as_str()));
    }
}

#[tokio::test]
async fn uuid_v7_ids_work_over_the_binding_protocol() {
    let server = MockServer::start().await;
    mount_log(&server, BINDING_LOGS, UUID_V7).await;
    let gateway = Ai::new(binding_config(&server)).unwrap().gateway("my-gateway");
    assert_eq!(gateway.get_log(UUID_V7).await.unwrap().id, UUID_V7);
    gateway.patch_log(UUID_V7, &PatchLog::new().score(5)).await.unwrap();
    let paths: Vec<String> = received(&server).await.iter().map(|r| r.url.path().to_owned()).collect();
    assert_eq!(paths, [format!("{BINDING_LOGS}/{UUID_V7}"), format!("{BINDING_LOGS}/{UUID_V7}")]);
}

#[tokio::test]
async fn wait_for_log_retries_a_fresh_uuid_log_until_it_appears() {
    let server = MockServer::start().await;
    let one = format!("{REST_LOGS}/{UUID_V7}");
    Mock::given(method("GET"))
        .and(path(one.as_str()))
        .respond_with(json_answer(404, r#"{"errors":[{"code":7002,"message":"Not Found"}],"success":false}"#))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    mount(&server, "GET", &one, ResponseTemplate::new(200).set_body_json(log_body(UUID_V7))).await;
    let gateway = Ai::new(common::rest_config(&server, "api-token")).unwrap().gateway("my-gateway");
    assert_eq!(gateway.wait_for_log(UUID_V7, Duration::from_secs(5)).await.unwrap().id, UUID_V7);
    assert_eq!(received(&server).await.len(), 2);
}

/// The id a gateway answers with goes back unchanged: `ai_gateway_log_id`,
/// the response's report, and a typed result's `patch_log`.
#[tokio::test]
async fn a_uuid_log_id_from_an_answer_is_patched_unchanged() {
    let server = MockServer::start().await;
    let answer = envelope(&json!({"response": "hi"}))
        .insert_header("cf-aig-log-id", UUID_V7)
        .insert_header("cf-aig-request-id", UUID_V7)
        .insert_header("cf-aig-event-id", UUID_V7);
    mount(&server, "POST", &format!("/v1/acc/my-gateway/workers-ai/{}", Llama31Instruct::ID), answer).await;
    mount_log(&server, REST_LOGS, UUID_V7).await;
    let ai = Ai::new(common::rest_config(&server, "api-token")).unwrap();
    let request = Llama31InstructRequest::new(Llama31InstructInput::Prompt("Hi".into()));
    let options = RunOptions::new().gateway(GatewayOptions::new("my-gateway"));
    let result = ai.run_model(&request, &options).await.unwrap();
    assert_eq!(result.log_id(), Some(UUID_V7));
    assert_eq!((result.meta.request_id.as_deref(), result.meta.event_id.as_deref()), (Some(UUID_V7), Some(UUID_V7)));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some(UUID_V7));
    result.patch_log(&PatchLog::new().feedback(Feedback::Negative)).await.unwrap();
    let patch = received(&server).await.pop().unwrap();
    assert_eq!(patch.url.path(), format!("{REST_LOGS}/{UUID_V7}"));
    assert_eq!(patch.body, br#"{"feedback":-1}"#);
}

#[tokio::test]
async fn ids_that_cannot_be_a_url_segment_are_refused_before_sending() {
    let server = MockServer::start().await;
    let gateway = Ai::new(common::rest_config(&server, "api-token")).unwrap().gateway("my-gateway");
    for id in ["", ".", ".."] {
        for outcome in [
            gateway.get_log(id).await.map(drop),
            gateway.patch_log(id, &PatchLog::new().score(1)).await,
            gateway.log_request(id).await.map(drop),
            gateway.log_response(id).await.map(drop),
        ] {
            assert!(
                matches!(&outcome, Err(Error::InvalidInput { field, .. }) if field == "log id"),
                "{id:?}: {outcome:?}"
            );
        }
    }
    assert!(received(&server).await.is_empty());
}
