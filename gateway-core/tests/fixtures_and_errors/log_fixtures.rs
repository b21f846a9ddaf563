//! The logs API fixtures (get, list, patch, delete, gateway URL) decoded
//! through the REST and binding calls.

use gateway_core::{
    AiGatewayLog, DeleteLogs, Error, Feedback, FilterKey, Gateway, ListLogs, LogFilter, LogMetadata, Metadata, Patch,
    PatchLog, ProviderSlug,
};
use wiremock::MockServer;

use crate::common::{aggregates_mut, fixture, header, json_answer, mount, mount_once, only_request};
use crate::{BINDING_LOGS, GW, LOGS, binding_ai, rest_ai, trimmed};

/// A log with every one of its 25 fields set explicitly; `value` gives the
/// text of each string field from its name.
fn expected_log(value: impl Fn(&str) -> String, created_at: &str, cached: bool) -> AiGatewayLog {
    let mut log = AiGatewayLog::new(
        value("id"),
        ProviderSlug::from(value("provider")),
        value("model"),
        created_at.parse().expect("timestamp"),
    );
    log.model_type = Some(value("model_type"));
    log.path = value("path");
    log.duration = 0;
    log.request_type = Some(value("request_type"));
    log.request_content_type = Some(value("request_content_type"));
    log.status_code = Some(0);
    log.response_content_type = Some(value("response_content_type"));
    log.success = true;
    log.cached = cached;
    log.tokens_in = Some(0);
    log.tokens_out = Some(0);
    log.metadata = Some(LogMetadata::Text(value("metadata")));
    log.step = Some(0);
    log.cost = Some(0.0);
    log.custom_cost = Some(true);
    log.request_size = Some(0);
    log.request_head = Some(value("request_head"));
    log.request_head_complete = Some(true);
    log.response_size = Some(0);
    log.response_head = Some(value("response_head"));
    log.response_head_complete = Some(true);
    log
}

/// Checks, one by one so a failure names it, each field both log fixtures
/// fill the same way: `value` gives the text of a string field from its
/// name, numbers are 0, and flags are set (`cached`, the provider and the
/// time differ and are checked by each test).
fn assert_each_field(log: &AiGatewayLog, value: impl Fn(&str) -> String) {
    assert_eq!(log.id, value("id"));
    assert_eq!(log.model, value("model"));
    assert_eq!(log.model_type, Some(value("model_type")));
    assert_eq!(log.path, value("path"));
    assert_eq!(log.duration, 0);
    assert_eq!(log.request_type, Some(value("request_type")));
    assert_eq!(log.request_content_type, Some(value("request_content_type")));
    assert_eq!(log.status_code, Some(0));
    assert_eq!(log.response_content_type, Some(value("response_content_type")));
    assert!(log.success);
    assert_eq!(log.tokens_in, Some(0));
    assert_eq!(log.tokens_out, Some(0));
    assert_eq!(log.metadata, Some(LogMetadata::Text(value("metadata"))));
    assert_eq!(log.step, Some(0));
    assert_eq!(log.cost, Some(0.0));
    assert_eq!(log.custom_cost, Some(true));
    assert_eq!(log.request_size, Some(0));
    assert_eq!(log.request_head, Some(value("request_head")));
    assert_eq!(log.request_head_complete, Some(true));
    assert_eq!(log.response_size, Some(0));
    assert_eq!(log.response_head, Some(value("response_head")));
    assert_eq!(log.response_head_complete, Some(true));
}

#[tokio::test]
async fn rest_log_get_fixture_decodes_all_25_fields() {
    let server = MockServer::start().await;
    mount_once(&server, "GET", &format!("{LOGS}/id"), json_answer(200, fixture("log-get.response.json"))).await;
    let log = rest_ai(&server).gateway(GW).get_log("id").await.expect("log decodes");

    assert_eq!(log.provider, ProviderSlug::Other("provider".to_owned()));
    assert_each_field(&log, str::to_owned);
    assert!(log.cached);
    assert_eq!(log.metadata.as_ref().and_then(LogMetadata::entries), None);
    assert_eq!(log.created_at.to_string(), "2019-12-27T18:11:19.117Z");
    assert_eq!(log.created_at.as_millisecond(), 1_577_470_279_117);
    // The whole struct, so no field can be forgotten.
    assert_eq!(log, expected_log(str::to_owned, "2019-12-27T18:11:19.117Z", true));

    let request = only_request(&server).await;
    assert_eq!(header(&request, "authorization"), Some("Bearer api-secret"));
}

#[tokio::test]
async fn binding_log_get_fixture_decodes_all_25_fields() {
    let server = MockServer::start().await;
    let route = format!("{BINDING_LOGS}/some-log");
    mount_once(&server, "GET", &route, json_answer(200, fixture("binding-log-get.response.json"))).await;
    let log = binding_ai(&server).gateway(GW).get_log("some-log").await.expect("log decodes");

    assert_eq!(log.provider.as_str(), "string");
    assert_each_field(&log, |_| "string".to_owned());
    assert!(!log.cached);
    assert_eq!(log.created_at.to_string(), "2019-08-24T14:15:22Z");
    assert_eq!(log.created_at.as_millisecond(), 1_566_656_122_000);
    assert_eq!(log, expected_log(|_| "string".to_owned(), "2019-08-24T14:15:22Z", false));

    // The binding protocol carries no API token.
    let request = only_request(&server).await;
    assert_eq!(header(&request, "authorization"), None);
}

#[tokio::test]
async fn log_list_fixture_decodes_items_and_result_info() {
    let server = MockServer::start().await;
    mount_once(&server, "GET", LOGS, json_answer(200, fixture("log-list.response.json"))).await;
    let query = ListLogs::new().filter(LogFilter::eq(FilterKey::Id, "abc")).per_page(20);
    let page = rest_ai(&server).gateway(GW).list_logs(&query).await.expect("page decodes");

    assert_eq!(page.logs.len(), 1);
    let item = &page.logs[0];
    assert_eq!(item.id, "id");
    assert_eq!(item.provider.as_str(), "provider");
    assert_eq!(item.model, "model");
    assert_eq!(item.model_type.as_deref(), Some("model_type"));
    assert_eq!(item.path, "path");
    assert!(item.success && item.cached);
    assert_eq!((item.tokens_in, item.tokens_out, item.step, item.status_code), (Some(0), Some(0), Some(0), Some(0)));
    assert_eq!(item.cost, Some(0.0));
    assert_eq!(item.custom_cost, Some(true));
    assert_eq!(item.metadata, Some(LogMetadata::Text("metadata".to_owned())));
    assert_eq!(item.request_type.as_deref(), Some("request_type"));
    assert_eq!(item.request_content_type.as_deref(), Some("request_content_type"));
    assert_eq!(item.response_content_type.as_deref(), Some("response_content_type"));
    // List items carry no heads or sizes.
    assert_eq!((item.request_head.as_ref(), item.response_head.as_ref()), (None, None));
    assert_eq!((item.request_size, item.response_size), (None, None));
    assert_eq!((item.request_head_complete, item.response_head_complete), (None, None));
    assert_eq!(item.created_at.as_millisecond(), 1_577_470_279_117);

    let mut info = page.info.clone();
    assert_eq!((info.count, info.page, info.per_page, info.total_count), (Some(0), Some(0), Some(0), Some(0)));
    for aggregate in aggregates_mut(&mut info) {
        assert_eq!(*aggregate, Some(0.0));
    }
    assert!(!page.has_next());

    // The query string is the one Cloudflare's SDK writes (first line of the fixture).
    let expected_query = String::from_utf8(fixture("log-list.query.txt")).expect("UTF-8");
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), expected_query.lines().next());
}

#[tokio::test]
async fn get_url_fixtures_rest_and_binding() {
    let server = MockServer::start().await;
    let rest_route = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/url/openai";
    mount_once(&server, "GET", rest_route, json_answer(200, fixture("get-url.response.json"))).await;
    let binding_route = "/ai-gateway/gateways/my-gateway/url/openai";
    mount_once(&server, "GET", binding_route, json_answer(200, fixture("binding-get-url.response.json"))).await;
    let universal = r#"{"result":"https://gateway.ai.cloudflare.com/v1/my-account-id/my-gateway/","success":true}"#;
    let universal_route = "/client/v4/accounts/acc/ai-gateway/gateways/my-gateway/url/universal";
    mount_once(&server, "GET", universal_route, json_answer(200, universal)).await;

    let rest = rest_ai(&server).gateway(GW);
    assert_eq!(
        rest.get_url(Some(&ProviderSlug::Openai)).await.expect("REST URL"),
        "https://gateway.ai.cloudflare.com/v1/my-account-id/my-gateway/openai"
    );
    assert_eq!(
        rest.get_url(None).await.expect("universal URL"),
        "https://gateway.ai.cloudflare.com/v1/my-account-id/my-gateway/"
    );
    let binding = binding_ai(&server).gateway(GW);
    assert_eq!(
        binding.get_url(Some(&ProviderSlug::Openai)).await.expect("binding URL"),
        "https://gateway.ai.cloudflare.com/v1/account-tag-abc/my-gateway/openai"
    );
}

#[test]
fn patch_request_fixtures_decode_and_reencode() {
    let positive: PatchLog = serde_json::from_slice(&fixture("log-patch.request.json")).expect("PatchLog");
    assert_eq!(positive.feedback, Patch::Set(Feedback::Positive));
    assert!(positive.score.is_keep() && positive.metadata.is_keep());
    assert_eq!(positive.to_body().expect("valid"), br#"{"feedback":1}"#);

    let negative: PatchLog = serde_json::from_slice(&fixture("log-patch-negative.request.json")).expect("PatchLog");
    assert_eq!(negative, PatchLog::new().feedback(Feedback::Negative));
    assert_eq!(negative.to_body().expect("valid"), br#"{"feedback":-1}"#);

    let raw = fixture("binding-log-patch.request.json");
    let binding: PatchLog = serde_json::from_slice(&raw).expect("PatchLog");
    assert_eq!(binding.feedback.as_set(), Some(&Feedback::Positive));
    assert_eq!(binding.score, Patch::Set(100.0));
    assert_eq!(binding.metadata, Patch::Set(Metadata::new().with("user", "123")));
    let body = binding.to_body().expect("valid");
    assert_eq!(body, br#"{"feedback":1,"score":100,"metadata":{"user":"123"}}"#);
    assert_eq!(body, trimmed(&raw), "byte-identical to the binding's JSON.stringify output");
}

#[tokio::test]
async fn patch_log_fixtures_succeed_rest_and_binding() {
    let server = MockServer::start().await;
    mount_once(&server, "PATCH", &format!("{LOGS}/log-1"), json_answer(200, fixture("log-patch.response.json"))).await;
    let patch: PatchLog = serde_json::from_slice(&fixture("log-patch.request.json")).expect("PatchLog");
    rest_ai(&server).gateway(GW).patch_log("log-1", &patch).await.expect("patched");
    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"feedback":1}"#);
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(header(&request, "authorization"), Some("Bearer api-secret"));

    let server = MockServer::start().await;
    let route = format!("{BINDING_LOGS}/log-2");
    mount_once(&server, "PATCH", &route, json_answer(200, fixture("binding-log-patch.response.json"))).await;
    let raw = fixture("binding-log-patch.request.json");
    let patch: PatchLog = serde_json::from_slice(&raw).expect("PatchLog");
    binding_ai(&server).gateway(GW).patch_log("log-2", &patch).await.expect("patched");
    assert_eq!(only_request(&server).await.body, trimmed(&raw));
}

#[tokio::test]
async fn logs_delete_fixture_succeeds() {
    let server = MockServer::start().await;
    mount_once(&server, "DELETE", LOGS, json_answer(200, fixture("logs-delete.response.json"))).await;
    rest_ai(&server).gateway(GW).delete_logs(&DeleteLogs::by_id("abc")).await.expect("deleted");
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), Some("filters.key=id&filters.operator=eq&filters.value=abc"));

    // `success: false` in a 200 is not a success.
    let server = MockServer::start().await;
    mount(&server, "DELETE", LOGS, json_answer(200, r#"{"success": false}"#)).await;
    let err = rest_ai(&server).gateway(GW).delete_logs(&DeleteLogs::new()).await.expect_err("success false");
    let Error::GatewayInternal { status: 200, message } = err else { panic!("expected GatewayInternal, got {err:?}") };
    assert!(message.contains("success: false"), "{message}");
}
