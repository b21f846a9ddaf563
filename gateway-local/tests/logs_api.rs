//! The v4 logs API against hostile and mistaken queries, over real HTTP.
//!
//! A bulk delete acts on what it understood, so everything it did not
//! understand must be refused before anything is deleted: every case below
//! stores logs, fires a malformed delete, and checks both the 400 in the v4
//! shape and that not one log went away. Also: the sizes of a query are
//! bounded (400, not SQLite's 500), another gateway's in-flight stream log
//! is a 404 at once (no wait that would tell the id exists), and the bearer
//! scheme is case-insensitive.

use std::ops::Deref;
use std::time::{Duration, Instant};

use common::harness::{API_TOKEN, Answer, Harness, MODEL, receive};
use gateway_local::{GatewaySettings, LocalConfig};
use serde_json::json;

mod common;

/// The token of the Authenticated Gateway `secure`.
const GATEWAY_TOKEN: &str = "tok";
/// The bounds of `gateway_local`'s logs API (documented in `routes/logs.rs`).
const MAX_FILTERS: usize = 20;
const MAX_FILTER_VALUES: usize = 50;

/// The shared harness on gateways `main`, `other` and `secure`, with the
/// logs API's calls; every answer it reads must be JSON.
struct Api(Harness);

impl Deref for Api {
    type Target = Harness;

    fn deref(&self) -> &Harness {
        &self.0
    }
}

impl Api {
    async fn start() -> Self {
        let config = LocalConfig::default()
            .with_gateway("main", GatewaySettings::default())
            .with_gateway("other", GatewaySettings::default())
            .with_gateway("secure", GatewaySettings::default().with_token(GATEWAY_TOKEN));
        Self(Harness::start(config).await)
    }

    fn model_url(&self, gateway: &str) -> String {
        self.provider_url(gateway, "workers-ai", MODEL)
    }

    /// The answer to `request`, whose body must be JSON.
    async fn answer(request: reqwest::RequestBuilder) -> Answer {
        let answer = receive(request).await;
        answer.json();
        answer
    }

    /// A v4 call with the API token; `query` is appended raw after `?`.
    async fn v4(&self, method: reqwest::Method, url: &str, query: &str) -> Answer {
        let url = if query.is_empty() { url.to_owned() } else { format!("{url}?{query}") };
        Self::answer(self.http.request(method, url).bearer_auth(API_TOKEN)).await
    }

    async fn delete(&self, gateway: &str, query: &str) -> Answer {
        self.v4(reqwest::Method::DELETE, &self.logs_url(gateway), query).await
    }

    async fn list(&self, gateway: &str, query: &str) -> Answer {
        self.v4(reqwest::Method::GET, &self.logs_url(gateway), query).await
    }

    /// Sends `n` requests to `gateway`, each logged with metadata `{"n": i}`; their log ids, oldest first.
    async fn make_logs(&self, gateway: &str, n: usize) -> Vec<String> {
        let mut ids = Vec::new();
        for i in 0..n {
            let request = self
                .http
                .post(self.model_url(gateway))
                .header("content-type", "application/json")
                .header("cf-aig-metadata", json!({"n": i}).to_string())
                .body(json!({"prompt": format!("hello {i}")}).to_string());
            let answer = Self::answer(request).await;
            assert_eq!(answer.status, 200, "{}", answer.text());
            ids.push(answer.headers["cf-aig-log-id"].to_str().expect("an ASCII id").to_owned());
            // Distinct creation times, so "oldest" is well defined.
            tokio::time::sleep(Duration::from_millis(3)).await;
        }
        ids
    }

    /// The ids of a gateway's logs, oldest first, as the list API tells them.
    async fn ids(&self, gateway: &str) -> Vec<String> {
        let listed = self.list(gateway, "per_page=50&order_by=created_at&order_by_direction=asc").await;
        assert_eq!(listed.status, 200, "{}", listed.text());
        let ids: Vec<String> = listed.json()["result"]
            .as_array()
            .expect("a result array")
            .iter()
            .map(|log| log["id"].as_str().expect("an id").to_owned())
            .collect();
        assert_eq!(listed.json()["result_info"]["total_count"], json!(ids.len()), "{}", listed.text());
        ids
    }
}

/// `filters.key=k&filters.operator=op&filters.value=v…`.
fn filter(key: &str, operator: &str, values: &[&str]) -> String {
    let values = values.iter().map(|v| format!("&filters.value={v}")).collect::<Vec<_>>().concat();
    format!("filters.key={key}&filters.operator={operator}{values}")
}

/// Deletes that must be refused whole: unknown, misspelt, bracketed, repeated,
/// list-only, empty or malformed parameters, bad operators and values,
/// unknown filter keys, incomplete filters. `{id}` is a stored log's id.
const REFUSED_DELETES: &[&str] = &[
    // The four of the issue.
    "filters[0][key]=id&filters[0][operator]=eq&filters[0][value]={id}",
    "id={id}",
    "filter.key=id&filter.operator=eq&filter.value={id}",
    "search={id}",
    // Misspellings and other spellings.
    "filters.keys=id&filters.operator=eq&filters.value={id}",
    "fitlers.key=id&fitlers.operator=eq&fitlers.value={id}",
    "filters.Key=id&filters.operator=eq&filters.value={id}",
    "filter_key=id&filter_value={id}",
    "log_id={id}",
    "ids={id}",
    "limt=1",
    "Limit=1",
    "order-by=created_at",
    "orderBy=created_at",
    "filters.key=id&filters.operator=eq&filters.values={id}",
    "filters.key=id&filters.op=eq&filters.value={id}",
    // Bracket and array forms the parser does not group.
    "filters[][key]=id&filters[][operator]=eq&filters[][value]={id}",
    "filters[0].key=id&filters[0].operator=eq&filters[0].value={id}",
    "filters=id",
    "filters[]=id",
    "filters%5B0%5D%5Bkey%5D=id&filters%5B0%5D%5Boperator%5D=eq&filters%5B0%5D%5Bvalue%5D={id}",
    // A valid filter with something not understood next to it.
    "filters.key=id&filters.operator=eq&filters.value={id}&bogus=1",
    "filters.key=id&filters.operator=eq&filters.value={id}&search=x",
    // Repeated scalars.
    "limit=1&limit=2",
    "order_by=cost&order_by=model",
    "order_by_direction=asc&order_by_direction=desc",
    // List parameters the delete does not take.
    "page=2",
    "per_page=1",
    "meta_info=true",
    "direction=asc",
    "provider=workers-ai",
    "model=x",
    "start_date=2020-01-01T00:00:00Z",
    "min_cost=0",
    // Empty names.
    "=x",
    "=",
    "limit=1&=1",
    // Operators.
    "filters.key=id&filters.operator=like&filters.value={id}",
    "filters.key=id&filters.operator=EQ&filters.value={id}",
    "filters.key=id&filters.operator=&filters.value={id}",
    "filters.key=cost&filters.operator=at_least&filters.value=0",
    "filters.key=id&filters.operator=eq&filters.operator=neq&filters.value={id}",
    // Values.
    "limit=0",
    "limit=10001",
    "limit=-1",
    "limit=abc",
    "limit=",
    "order_by=id",
    "order_by=created_at;DROP",
    "order_by_direction=up",
    "filters.key=cost&filters.operator=gt&filters.value=cheap",
    "filters.key=cost&filters.operator=gt&filters.value=NaN",
    "filters.key=success&filters.operator=eq&filters.value=maybe",
    "filters.key=created_at&filters.operator=lt&filters.value=yesterday",
    // Unknown filter keys.
    "filters.key=nope&filters.operator=eq&filters.value=x",
    "filters.key=&filters.operator=eq&filters.value=x",
    "filters.key=ID&filters.operator=eq&filters.value={id}",
    "filters.key=id%20&filters.operator=eq&filters.value={id}",
    // Incomplete filters.
    "filters.key=id",
    "filters.key=id&filters.value={id}",
    "filters.key=id&filters.operator=eq",
    "filters.key=id&filters.operator=eq&filters.value={id}&filters.key=model",
    // Values or operators without a key.
    "filters.value={id}",
    "filters.operator=eq&filters.value={id}",
    "filters.value={id}&filters.key=id&filters.operator=eq",
];

#[tokio::test]
async fn a_delete_refuses_what_it_does_not_understand_and_deletes_nothing() {
    let api = Api::start().await;
    let ids = api.make_logs("main", 6).await;
    let others = api.make_logs("other", 2).await;
    assert_eq!(api.ids("main").await, ids);
    for template in REFUSED_DELETES {
        let query = template.replace("{id}", &ids[0]);
        let message = api.delete("main", &query).await.v4_error(400, 7001);
        assert!(message.len() < 300, "{query}: a short message: {message}");
        assert_eq!(api.ids("main").await, ids, "{query}: {message}: nothing may be deleted");
    }
    assert_eq!(api.gateway.store().count().await.unwrap(), 8, "no gateway lost a log");

    // The messages name what was wrong.
    for (query, needle) in [
        ("id=x", "\"id\""),
        ("filters[0][key]=id", "filters.key"),
        ("search=x", "`search`"),
        ("limit=1&limit=2", "`limit` is given more than once"),
        ("page=2", "`page`"),
        ("filters.key=id&filters.operator=like&filters.value=x", "\"like\""),
        ("filters.key=nope&filters.operator=eq&filters.value=x", "`nope`"),
    ] {
        let message = api.delete("main", query).await.v4_error(400, 7001);
        assert!(message.contains(needle), "{query}: {message}");
    }

    // A valid delete removes exactly what its filters select.
    let two = filter("id", "eq", &[&ids[0], &ids[1]]);
    let deleted = api.delete("main", &two).await;
    assert_eq!((deleted.status, &deleted.json()), (200, &json!({"success": true})));
    assert_eq!(api.ids("main").await, ids[2..]);
    // Metadata: the log sent with {"n": 3}.
    let answer = api.delete("main", &filter("metadata.value", "eq", &["3"])).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(api.ids("main").await, [ids[2].as_str(), &ids[4], &ids[5]]);
    // All four parameters: the oldest one that is not ids[5].
    let query = format!("{}&limit=1&order_by=created_at&order_by_direction=asc", filter("id", "neq", &[&ids[5]]));
    assert_eq!(api.delete("main", &query).await.status, 200);
    assert_eq!(api.ids("main").await, [ids[4].as_str(), &ids[5]]);
    // A filter that selects nothing deletes nothing.
    assert_eq!(api.delete("main", &filter("id", "eq", &["no-such-log"])).await.status, 200);
    assert_eq!(api.ids("main").await, [ids[4].as_str(), &ids[5]]);
    // Another gateway's logs are out of reach.
    assert_eq!(api.delete("main", &filter("id", "eq", &[&others[0]])).await.status, 200);
    assert_eq!(api.ids("other").await, others);
}

#[tokio::test]
async fn a_list_refuses_what_it_does_not_understand() {
    let api = Api::start().await;
    let ids = api.make_logs("main", 3).await;
    for query in [
        "id=x",
        "filters[0][key]=id&filters[0][operator]=eq&filters[0][value]=x",
        "filter.key=id",
        "limit=5",
        "page=1&page=2",
        "per_page=5&per_page=6",
        "search=a&search=b",
        "meta_info=yes",
        "sort=created_at",
        "=x",
        "direction=asc&order_by_direction=desc",
        "filters.key=id&filters.operator=like&filters.value=x",
        "filters.key=nope&filters.operator=eq&filters.value=x",
        "filters.key=id&filters.value=x",
        "filters.value=x",
    ] {
        api.list("main", query).await.v4_error(400, 7001);
    }
    // What it understands, it honours: search over ids, and the deprecated bounds.
    let found = api.list("main", &format!("search={}", ids[1])).await;
    assert_eq!(found.status, 200, "{}", found.text());
    assert_eq!(found.json()["result"].as_array().map(Vec::len), Some(1), "{}", found.text());
    assert_eq!(found.json()["result"][0]["id"], json!(ids[1]));
    let bounded = api.list("main", "min_duration=0&max_cost=1000000&meta_info=true").await;
    assert_eq!(bounded.status, 200, "{}", bounded.text());
}

#[tokio::test]
async fn page_and_filter_counts_are_bounded() {
    let api = Api::start().await;
    let ids = api.make_logs("main", 3).await;
    let many = |n: usize| (0..n).map(|i| format!("v{i}")).collect::<Vec<_>>();
    let values = |n: usize| many(n).iter().map(|v| format!("&filters.value={v}")).collect::<Vec<_>>().concat();

    // A page whose offset does not fit SQLite's integers.
    for query in ["page=9223372036854775807", "page=18446744073709551615", "page=200000000000000000&per_page=50"] {
        let message = api.list("main", query).await.v4_error(400, 7001);
        assert!(message.contains("page"), "{query}: {message}");
    }
    // The delete takes no page at all.
    api.delete("main", "page=9223372036854775807").await.v4_error(400, 7001);

    // Too many values in a filter; far too many; too many filters.
    let too_many_values = format!("filters.key=model&filters.operator=eq{}", values(MAX_FILTER_VALUES + 1));
    let hundreds = format!("filters.key=model&filters.operator=neq{}", values(1000));
    let one = filter("id", "neq", &["x"]);
    let too_many_filters = vec![one.as_str(); MAX_FILTERS + 1].join("&");
    for (query, needle) in [
        (&too_many_values, format!("at most {MAX_FILTER_VALUES}")),
        (&hundreds, format!("at most {MAX_FILTER_VALUES}")),
        (&too_many_filters, format!("at most {MAX_FILTERS}")),
    ] {
        let message = api.list("main", query).await.v4_error(400, 7001);
        assert!(message.contains(&needle), "{message}");
        let message = api.delete("main", query).await.v4_error(400, 7001);
        assert!(message.contains(&needle), "{message}");
        assert_eq!(api.ids("main").await, ids, "nothing deleted");
    }

    // The largest query allowed works: 20 filters of 50 values.
    let dummies = many(MAX_FILTER_VALUES - 1);
    let mut first: Vec<&str> = dummies.iter().map(String::as_str).collect();
    first.push(&ids[0]);
    let rest = many(MAX_FILTER_VALUES);
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let mut filters = vec![filter("id", "eq", &first)];
    filters.extend((1..MAX_FILTERS).map(|_| filter("id", "neq", &rest)));
    let largest = filters.join("&");
    let listed = api.list("main", &largest).await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    assert_eq!(listed.json()["result_info"]["total_count"], json!(1), "{}", listed.text());
    assert_eq!(api.delete("main", &largest).await.status, 200);
    assert_eq!(api.ids("main").await, ids[1..], "exactly the selected log is deleted");
}

#[tokio::test]
async fn another_gateways_stream_log_is_not_found_at_once() {
    let api = Api::start().await;
    let offline = api.gateway.offline_upstream().expect("offline");
    let stream = |gateway: &str| {
        api.http
            .post(api.model_url(gateway))
            .header("content-type", "application/json")
            .body(json!({"prompt": "a slow stream", "stream": true}).to_string())
            .send()
    };

    // A stream whose events come a second apart: pending for several seconds.
    offline.set_chunk_delay(Duration::from_secs(1));
    let slow = stream("main").await.expect("the stream starts");
    assert_eq!(slow.status(), 200);
    let id = slow.headers()["cf-aig-log-id"].to_str().unwrap().to_owned();
    for suffix in ["", "/request", "/response"] {
        let url = format!("{}/{id}{suffix}", api.logs_url("other"));
        let asked = Instant::now();
        let answer = api.v4(reqwest::Method::GET, &url, "").await;
        let took = asked.elapsed();
        answer.v4_error(404, 7002);
        assert!(took < Duration::from_secs(1), "{suffix}: another gateway's read waited {took:?}");
    }
    drop(slow);

    // Under its own gateway, a read still waits for the stream's end.
    offline.set_chunk_delay(Duration::from_millis(50));
    let quick = stream("main").await.expect("the stream starts");
    let id = quick.headers()["cf-aig-log-id"].to_str().unwrap().to_owned();
    let log = api.v4(reqwest::Method::GET, &format!("{}/{id}", api.logs_url("main")), "").await;
    assert_eq!(log.status, 200, "{}", log.text());
    assert_eq!(log.json()["result"]["response_head_complete"], json!(true), "completed: {}", log.text());
    let text = quick.text().await.expect("the whole stream");
    assert!(text.trim_end().ends_with("data: [DONE]"), "{text}");
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let api = Api::start().await;
    let post = |authorization: Option<String>| {
        let mut request = api
            .http
            .post(api.model_url("secure"))
            .header("content-type", "application/json")
            .body(json!({"prompt": "hi"}).to_string());
        if let Some(value) = authorization {
            request = request.header("cf-aig-authorization", value);
        }
        Api::answer(request)
    };
    let list = |authorization: Option<String>| {
        let mut request = api.http.get(api.logs_url("secure"));
        if let Some(value) = authorization {
            request = request.header("authorization", value);
        }
        Api::answer(request)
    };
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let answer = post(Some(format!("{scheme} {GATEWAY_TOKEN}"))).await;
        assert_eq!(answer.status, 200, "{scheme}: {}", answer.text());
        let answer = list(Some(format!("{scheme} {API_TOKEN}"))).await;
        assert_eq!(answer.status, 200, "{scheme}: {}", answer.text());
    }
    let refused = |token: &str| {
        vec![
            None,
            Some(format!("bearer {token}x")),
            Some(format!("BEARER {}", &token[..token.len() - 1])),
            Some("bearer wrong".to_owned()),
            Some(format!("bearer{token}")),
            Some("bearer".to_owned()),
            Some("Bearer".to_owned()),
            Some("bearer ".to_owned()),
            Some(token.to_owned()),
            Some(format!("Basic {token}")),
            Some(format!("basic {token}")),
            Some(format!("bearer: {token}")),
            Some(format!("bearers {token}")),
            Some(String::new()),
        ]
    };
    for authorization in refused(GATEWAY_TOKEN) {
        post(authorization.clone()).await.gateway_error(401, 2009);
    }
    for authorization in refused(API_TOKEN) {
        let message = list(authorization.clone()).await.v4_error(401, 10000);
        assert_eq!(message, "Authentication error", "{authorization:?}");
    }
    // Four requests were let through, and logged.
    assert_eq!(api.ids("secure").await.len(), 4);
}
