//! Properties over loopback HTTP: what travels in URLs and log responses.

use std::fmt::Debug;

use gateway_core::{Ai, Error, Gateway, ProviderSlug};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::common::{json_answer, rest_config};
use crate::scalar_strategies::{json_value, text};
use crate::type_strategies::{decoded_log, delete_logs, list_item, list_logs, log, result_info};
use crate::wire_codecs::{decode_delete, decode_list, sent_filters};

/// Log ids and provider slugs: any text, plus the ones a URL path treats specially.
fn path_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => text(),
        1 => select(vec![".", "..", "...", ".a", "a/b", "../x", "?q#f", "%2e", "%2e%2e", " ", "01JADMCQQQBWH3NXZ5GCRN98DP"])
            .prop_map(str::to_owned),
    ]
}

/// Whether `segment` can travel as one URL path segment: a URL parser reads
/// `.` and `..` as "this" and "parent" directories, and an empty segment
/// names nothing, so those are rejected before sending.
fn fits_a_segment(segment: &str) -> bool {
    !matches!(segment, "" | "." | "..")
}

/// The last path segment of `request`, percent-decoded.
fn last_segment(request: &Request, strip: &str) -> Option<String> {
    let path = request.url.path().strip_suffix(strip)?;
    let (_, last) = path.rsplit_once('/')?;
    Some(percent_encoding::percent_decode_str(last).decode_utf8().ok()?.into_owned())
}

/// What the loopback server answers in one case.
#[derive(Debug, Clone)]
struct Answers {
    page: Vec<u8>,
    log: Vec<u8>,
    payload: (String, Vec<u8>),
    url: Vec<u8>,
}

/// Answers a log call by its path under `base`.
fn answer(base: &str, answers: &Answers, request: &Request) -> ResponseTemplate {
    let json = |body: &[u8]| json_answer(200, body);
    let path = request.url.path();
    let logs = format!("{base}/logs");
    if path == logs && request.method == http::Method::DELETE {
        json(br#"{"success":true}"#)
    } else if path == logs {
        json(&answers.page)
    } else if path.starts_with(&format!("{logs}/")) && path.ends_with("/request") {
        ResponseTemplate::new(200).set_body_raw(answers.payload.1.clone(), answers.payload.0.as_str())
    } else if path.starts_with(&format!("{logs}/")) {
        json(&answers.log)
    } else if path.starts_with(&format!("{base}/url/")) {
        json(&answers.url)
    } else {
        ResponseTemplate::new(404)
    }
}

/// Checks the outcome of a call whose path carries `segment`: sent and
/// answered when the segment fits, refused before sending when it does not.
fn check_segment_call<T: Debug>(segment: &str, outcome: &gateway_core::Result<T>) -> Result<bool, TestCaseError> {
    if fits_a_segment(segment) {
        prop_assert!(outcome.is_ok(), "{:?}: {:?}", segment, outcome);
        Ok(true)
    } else {
        prop_assert!(matches!(outcome, Err(Error::InvalidInput { .. })), "{:?}: {:?}", segment, outcome);
        Ok(false)
    }
}

/// The log calls against a loopback server. The query the server receives
/// decodes to the query sent, a log id or provider slug arrives as exactly
/// one path segment holding it, and the page (`LogPage`: list items and
/// `result_info`), the log in its envelope, the stored payload
/// (`LogPayload`) and the gateway URL the server sends come back whole.
#[test]
fn log_calls_round_trip_over_http() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(MockServer::start());
    let ai = Ai::new(rest_config(&server, "token")).unwrap();
    let gateway = ai.gateway("gw");
    let base = "/client/v4/accounts/acc/ai-gateway/gateways/gw";

    let payload = (
        select(vec!["application/json", "text/plain; charset=utf-8", "application/octet-stream", "text/event-stream"]),
        prop_oneof![vec(any::<u8>(), 0..48), json_value().prop_map(|v| v.to_string().into_bytes())],
    );
    // Boxed: unboxed, the value trees of this tuple overflow the test
    // thread's stack in debug builds.
    let cases = (
        (list_logs().boxed(), delete_logs().boxed()),
        (vec(list_item(), 0..3).boxed(), result_info().boxed(), log().boxed()),
        (path_text(), path_text().prop_map(ProviderSlug::from), any::<bool>(), text()).boxed(),
        payload.boxed(),
    );
    let config = ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(32) };
    let mut runner = TestRunner::new(config);
    let result = runner.run(
        &cases,
        |((list, delete), (items, info, log), (id, slug, url_object, url), (content_type, body))| {
            runtime.block_on(async {
                let answers = Answers {
                    page: json!({"result": items, "result_info": info, "success": true, "errors": [], "messages": []})
                        .to_string()
                        .into_bytes(),
                    log: json!({"result": log, "success": true}).to_string().into_bytes(),
                    payload: (content_type.to_owned(), body.clone()),
                    // The REST API sends the URL as a string, the binding backend in an object.
                    url: if url_object {
                        json!({"result": {"url": url}})
                    } else {
                        json!({"result": url, "success": true})
                    }
                    .to_string()
                    .into_bytes(),
                };
                server.reset().await;
                let respond = move |request: &Request| answer(base, &answers, request);
                Mock::given(wiremock::matchers::any()).respond_with(respond).mount(&server).await;

                let page = gateway.list_logs(&list).await.unwrap();
                prop_assert_eq!(page.logs, items.iter().map(decoded_log).collect::<Vec<_>>());
                prop_assert_eq!(page.info, info);
                gateway.delete_logs(&delete).await.unwrap();
                let got_log = gateway.get_log(&id).await;
                let stored = gateway.log_request(&id).await;
                let got_url = gateway.get_url(Some(&slug)).await;

                let requests = server.received_requests().await.unwrap();
                let mut requests = requests.iter();
                let listed = requests.next().unwrap();
                prop_assert_eq!(decode_list(listed.url.query().unwrap_or_default()), {
                    let mut expected = list.clone();
                    expected.filters = sent_filters(&list.filters);
                    expected
                });
                let deleted = requests.next().unwrap();
                prop_assert_eq!(decode_delete(deleted.url.query().unwrap_or_default()), {
                    let mut expected = delete.clone();
                    expected.filters = sent_filters(&delete.filters);
                    expected
                });
                if check_segment_call(&id, &got_log)? {
                    prop_assert_eq!(got_log.unwrap(), decoded_log(&log));
                    let request = requests.next().unwrap();
                    prop_assert!(request.url.path().starts_with(&format!("{base}/logs/")), "{}", request.url);
                    prop_assert_eq!(last_segment(request, ""), Some(id.clone()), "{}", request.url);
                }
                if check_segment_call(&id, &stored)? {
                    let stored = stored.unwrap();
                    prop_assert_eq!(&stored.body[..], &body[..]);
                    prop_assert_eq!(stored.content_type.as_deref(), Some(content_type));
                    if let Ok(value) = serde_json::from_slice::<Value>(&body) {
                        prop_assert_eq!(stored.json::<Value>().unwrap(), value);
                    }
                    let request = requests.next().unwrap();
                    prop_assert!(request.url.path().starts_with(&format!("{base}/logs/")), "{}", request.url);
                    prop_assert_eq!(last_segment(request, "/request"), Some(id.clone()), "{}", request.url);
                }
                if check_segment_call(slug.as_str(), &got_url)? {
                    prop_assert_eq!(got_url.unwrap(), url);
                    let request = requests.next().unwrap();
                    prop_assert!(request.url.path().starts_with(&format!("{base}/url/")), "{}", request.url);
                    prop_assert_eq!(last_segment(request, ""), Some(slug.as_str().to_owned()), "{}", request.url);
                }
                prop_assert!(requests.next().is_none(), "no other request is sent");
                Ok(())
            })
        },
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}
