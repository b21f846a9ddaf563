//! Dynamic routes as typed graphs (`cloudflare-2026.md` §3.2): the spec's
//! example create body from a builder, byte for byte; every graph Cloudflare
//! would refuse named by `validate()` (element and rule); the docs' and the
//! SDK's spellings both read, the SDK's written.

mod route_spec;

use std::time::Duration;

use gateway_core::route::{
    Element, LimitKind, LimitSpec, ModelSpec, Node, NodeRef, Route, RouteError, RouteRule, Split, Technique,
};
use proptest::prelude::*;
use route_spec::{SPEC_CREATE, spec_route};
use serde_json::json;

#[test]
fn the_spec_example_is_written_byte_for_byte_from_a_builder() {
    assert_eq!(serde_json::to_string(&spec_route()).unwrap(), SPEC_CREATE);
}

#[test]
fn the_spec_example_reads_back_to_the_same_route_and_bytes() {
    let route: Route = serde_json::from_str(SPEC_CREATE).unwrap();
    assert_eq!(route, spec_route());
    assert_eq!(serde_json::to_string(&route).unwrap(), SPEC_CREATE);
    route.validate().unwrap();
}

#[test]
fn the_docs_route_wrapper_with_an_id_is_read() {
    let with_id = SPEC_CREATE.replacen(r#"{"name""#, r#"{"id":"r1","name""#, 1);
    assert_eq!(serde_json::from_str::<Route>(&with_id).unwrap(), spec_route());
}

#[test]
fn a_route_is_called_as_dynamic_slash_its_name() {
    assert_eq!(spec_route().model_name(), "dynamic/support");
}

#[test]
fn every_kind_is_written_in_the_sdk_spelling_in_the_documented_key_order() {
    let route = Route::build("all", |b| {
        let end = b.end("end");
        let model = b.model("m", ModelSpec::new("openai", "gpt-4.1", Duration::from_millis(1500), 0), end, end);
        let split = b.percentage("p", Split::new().share(33.5, model).share(66.5, end).otherwise(end));
        let week = Duration::from_secs(604_800);
        let budget =
            b.limit("budget", LimitSpec::cost("metadata.team", 12.5, week).technique(Technique::Fixed), split, end);
        let rate = b.limit("rate", LimitSpec::count("metadata.user_id", 10, Duration::from_secs(60)), budget, end);
        let free = json!({"metadata.plan": {"$eq": "free"}});
        let cond = b.conditional("c", free, rate, budget);
        b.start("s", cond)
    })
    .unwrap();
    let expected = concat!(
        r#"{"name":"all","elements":["#,
        r#"{"id":"s","type":"start","outputs":{"next":{"elementId":"c"}}},"#,
        r#"{"id":"c","type":"conditional","properties":{"conditions":{"metadata.plan":{"$eq":"free"}}},"outputs":{"true":{"elementId":"rate"},"false":{"elementId":"budget"}}},"#,
        r#"{"id":"rate","type":"rate","properties":{"key":"metadata.user_id","limit":10,"limitType":"count","window":60},"outputs":{"success":{"elementId":"budget"},"fallback":{"elementId":"end"}}},"#,
        r#"{"id":"budget","type":"rate","properties":{"key":"metadata.team","limit":12.5,"limitType":"cost","window":604800,"technique":"fixed"},"outputs":{"success":{"elementId":"p"},"fallback":{"elementId":"end"}}},"#,
        r#"{"id":"p","type":"percentage","outputs":{"33.5%":{"elementId":"m"},"66.5%":{"elementId":"end"},"else":{"elementId":"end"}}},"#,
        r#"{"id":"m","type":"model","properties":{"provider":"openai","model":"gpt-4.1","timeout":1500,"retries":0},"outputs":{"success":{"elementId":"end"},"fallback":{"elementId":"end"}}},"#,
        r#"{"id":"end","type":"end","outputs":{}}]}"#
    );
    let written = serde_json::to_string(&route).unwrap();
    assert_eq!(written, expected);
    let read: Route = serde_json::from_str(&written).unwrap();
    assert_eq!(read, route);
}

#[test]
fn the_docs_spelling_is_read_and_the_sdk_spelling_written() {
    let docs = json!([
        {"id": "c", "type": "conditional", "properties": {"condition": {"metadata.plan": {"$eq": "free"}}},
         "outputs": {"true": {"elementId": "r"}, "false": {"elementId": "e"}}},
        {"id": "r", "type": "rate_limit",
         "properties": {"limitType": "count", "key": "metadata.user_id", "limit": 5, "interval": 3600, "technique": "sliding"},
         "outputs": {"success": {"elementId": "e"}}},
    ]);
    let sdk = json!([
        {"id": "c", "type": "conditional", "properties": {"conditions": {"metadata.plan": {"$eq": "free"}}},
         "outputs": {"true": {"elementId": "r"}, "false": {"elementId": "e"}}},
        {"id": "r", "type": "rate",
         "properties": {"key": "metadata.user_id", "limit": 5, "limitType": "count", "window": 3600, "technique": "sliding"},
         "outputs": {"success": {"elementId": "e"}}},
    ]);
    let from_docs: Vec<Element> = serde_json::from_value(docs).unwrap();
    let from_sdk: Vec<Element> = serde_json::from_value(sdk.clone()).unwrap();
    assert_eq!(from_docs, from_sdk);
    let Node::Limit(limit) = &from_docs[1].node else { panic!("not a limit: {:?}", from_docs[1]) };
    assert_eq!(
        (limit.kind, limit.window, limit.fallback.as_deref()),
        (LimitKind::Count, Duration::from_secs(3600), None)
    );
    assert_eq!(serde_json::to_value(&from_docs).unwrap(), sdk);
}

#[test]
fn unknown_types_and_missing_properties_are_decode_errors_naming_the_element() {
    for (element, says) in [
        (json!({"id": "x", "type": "teleport", "outputs": {}}), "element `x`: unknown type `teleport`"),
        (
            json!({"id": "m", "type": "model", "properties": {"provider": "openai"}, "outputs": {}}),
            "element `m` (model): missing properties.model",
        ),
        (
            json!({"id": "s", "type": "start", "outputs": {"then": {"elementId": "e"}}}),
            "element `s` (start): missing output `next`",
        ),
    ] {
        let error = serde_json::from_value::<Element>(element).unwrap_err().to_string();
        assert!(error.contains(says), "{error}");
    }
}

/// Elements from JSON, with `e` an end.
fn route(elements: serde_json::Value) -> Route {
    let mut body = json!({"name": "r"});
    body["elements"] = elements;
    serde_json::from_value(body).unwrap()
}

fn start(next: &str) -> serde_json::Value {
    json!({"id": "s", "type": "start", "outputs": {"next": {"elementId": next}}})
}

fn end() -> serde_json::Value {
    json!({"id": "e", "type": "end", "outputs": {}})
}

fn model(id: &str, success: &str, fallback: Option<&str>) -> serde_json::Value {
    let mut outputs = json!({"success": {"elementId": success}});
    if let Some(f) = fallback {
        outputs["fallback"] = json!({"elementId": f});
    }
    json!({"id": id, "type": "model",
           "properties": {"provider": "openai", "model": "gpt-4.1", "timeout": 1000, "retries": 0},
           "outputs": outputs})
}

fn split(id: &str, keys: &[&str]) -> serde_json::Value {
    let outputs: serde_json::Map<_, _> = keys.iter().map(|k| ((*k).to_owned(), json!({"elementId": "e"}))).collect();
    json!({"id": id, "type": "percentage", "outputs": outputs})
}

#[test]
fn each_invalid_graph_is_refused_naming_the_element_and_the_rule() {
    let dangling = RouteRule::DanglingEdge { output: String::new(), target: String::new() };
    let cases: Vec<(&str, Route, Option<&str>, RouteRule)> = vec![
        ("no start", route(json!([end()])), None, RouteRule::NoStart),
        ("two starts", route(json!([start("e"), start("e"), end()])), Some("s"), RouteRule::MultipleStarts),
        ("dangling edge", route(json!([start("m"), model("m", "e", Some("gone")), end()])), Some("m"), dangling),
        (
            "shares total 90",
            route(json!([start("p"), split("p", &["60%", "30%"]), end()])),
            Some("p"),
            RouteRule::SharesNotHundred { total: 0.0 },
        ),
        (
            "six shares",
            route(json!([start("p"), split("p", &["10%", "15%", "20%", "25%", "12%", "18%"]), end()])),
            Some("p"),
            RouteRule::TooManyShares { count: 0 },
        ),
        (
            "share key not n%",
            route(json!([start("p"), split("p", &["half", "100%"]), end()])),
            Some("p"),
            RouteRule::BadShare { output: String::new() },
        ),
        (
            "model without fallback",
            route(json!([start("m"), model("m", "e", None), end()])),
            Some("m"),
            RouteRule::MissingFallback,
        ),
        (
            "limit without fallback",
            route(json!([start("r"), {"id": "r", "type": "rate",
                "properties": {"key": "metadata.user_id", "limit": 1, "limitType": "count", "window": 60},
                "outputs": {"success": {"elementId": "e"}}}, end()])),
            Some("r"),
            RouteRule::MissingFallback,
        ),
        (
            "unreachable model",
            route(json!([start("e"), model("lost", "e", Some("e")), end()])),
            Some("lost"),
            RouteRule::Unreachable,
        ),
        (
            "cycle",
            route(json!([start("a"), model("a", "e", Some("b")), model("b", "e", Some("a")), end()])),
            Some("a"),
            RouteRule::Cycle,
        ),
        ("self loop", route(json!([start("a"), model("a", "e", Some("a")), end()])), Some("a"), RouteRule::Cycle),
        (
            "negative limit",
            route(json!([start("r"), {"id": "r", "type": "rate",
                "properties": {"key": "metadata.user_id", "limit": -1, "limitType": "cost", "window": 60},
                "outputs": {"success": {"elementId": "e"}, "fallback": {"elementId": "e"}}}, end()])),
            Some("r"),
            RouteRule::BadLimit { limit: 0.0 },
        ),
        ("duplicate id", route(json!([start("e"), end(), end()])), Some("e"), RouteRule::DuplicateId),
        (
            "empty name",
            Route { name: String::new(), elements: route(json!([start("e"), end()])).elements },
            None,
            RouteRule::EmptyName,
        ),
        (
            "name with a slash",
            Route { name: "a/b".into(), elements: route(json!([start("e"), end()])).elements },
            None,
            RouteRule::NameNotASegment,
        ),
    ];
    for (case, route, element, rule) in cases {
        let error = route.validate().expect_err(case);
        assert!(error.names(element, &rule), "{case}: expected {element:?} {rule:?}, got {error}");
        if let Some(id) = element {
            assert!(error.to_string().contains(&format!("element `{id}`")), "{case}: {error}");
        }
    }
}

#[test]
fn fractional_shares_totalling_100_pass() {
    let route = route(json!([start("p"), split("p", &["33.3%", "33.33%", "33.37%", "else"]), end()]));
    route.validate().unwrap();
}

/// A built route `start` → percentage `split` → ends `end` and `second`;
/// `shares` fills the split given both ends.
fn split_route(
    second: &str,
    shares: impl for<'b> FnOnce(Split<'b>, NodeRef<'b>, NodeRef<'b>) -> Split<'b>,
) -> Result<Route, RouteError> {
    Route::build("r", |b| {
        let end = b.end("end");
        let second = b.end(second);
        let split = b.percentage("split", shares(Split::new(), end, second));
        b.start("start", split)
    })
}

#[test]
fn equal_shares_get_distinct_keys_from_the_builder_and_are_refused_when_written_twice() {
    let route = split_route("other", |split, end, other| split.share(50.0, end).share(50.0, other)).unwrap();
    let written = serde_json::to_string(&route).unwrap();
    assert!(written.contains(r#""outputs":{"50%":{"elementId":"end"},"50.0%":{"elementId":"other"}}"#), "{written}");

    let mut twice = route.clone();
    let Node::Percentage(split) = &mut twice.elements[1].node else { panic!("{twice:?}") };
    split.shares[1].key = "50%".into();
    let error = twice.validate().unwrap_err();
    assert!(error.names(Some("split"), &RouteRule::DuplicateShare { output: String::new() }), "{error}");
}

#[test]
fn the_builder_refuses_shares_not_totalling_100_and_unused_elements() {
    let error = split_route("orphan", |split, end, _unused| split.share(50.0, end).share(40.0, end)).unwrap_err();
    assert!(error.names(Some("split"), &RouteRule::SharesNotHundred { total: 0.0 }), "{error}");
    assert!(error.names(Some("orphan"), &RouteRule::Unreachable), "{error}");
    assert!(error.to_string().contains("90%"), "{error}");
}

#[test]
fn the_builder_refuses_a_budget_that_is_not_a_finite_amount() {
    for dollars in [f64::NAN, f64::INFINITY, -5.0] {
        let error = Route::build("r", |b| {
            let end = b.end("end");
            let budget =
                b.limit("budget", LimitSpec::cost("metadata.user_id", dollars, Duration::from_secs(60)), end, end);
            b.start("start", budget)
        })
        .unwrap_err();
        assert!(error.names(Some("budget"), &RouteRule::BadLimit { limit: 0.0 }), "{dollars}: {error}");
    }
}

proptest! {
    /// Any chain of model nodes behind a split writes and reads back unchanged.
    #[test]
    fn built_routes_round_trip(
        models in proptest::collection::vec(("[a-z-]{1,12}", "[a-z0-9./@-]{1,20}", 1u64..600_000, 0u32..5), 1..5),
        first in 1u32..99,
    ) {
        let route = Route::build("prop", |b| {
            let end = b.end("end");
            let mut next = end;
            for (i, (provider, model, timeout, retries)) in models.iter().enumerate() {
                let spec = ModelSpec::new(provider.as_str(), model.as_str(), Duration::from_millis(*timeout), *retries);
                next = b.model(format!("m{i}"), spec, end, next);
            }
            let split = b.percentage("p", Split::new().share(f64::from(first), next).share(f64::from(100 - first), end));
            b.start("s", split)
        }).unwrap();
        let written = serde_json::to_string(&route).unwrap();
        let read: Route = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(&read, &route);
        prop_assert_eq!(serde_json::to_string(&read).unwrap(), written);
    }
}
