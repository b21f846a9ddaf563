//! The dashboard over real loopback HTTP against an offline gateway: the
//! login (redirects, 401s, the cookie's attributes, sessions, logout), CSRF
//! and cross-origin refusals, the logs table and its filters, the charts and
//! the by-model table, a log's escaped bodies, feedback and scores seen
//! through the logs API, live rows over server-sent events, and the
//! security headers on every answer.

use std::time::Duration;

use common::harness::{API_TOKEN, Answer, Harness, receive};
use futures::StreamExt;
use gateway_local::{Fault, FaultRule, LocalConfig};
use reqwest::Method;
use serde_json::json;

mod common;

/// A gateway, a client that does not follow redirects, and its session cookie.
struct Dash {
    harness: Harness,
    http: reqwest::Client,
    base: String,
    cookie: Option<String>,
}

impl Dash {
    async fn start(config: LocalConfig) -> Self {
        let harness = Harness::start(config).await;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(20))
            .build()
            .expect("a client");
        let base = format!("http://{}", harness.addr());
        Self { harness, http, base, cookie: None }
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        request
    }

    async fn get(&self, path: &str) -> Answer {
        receive(self.request(Method::GET, path)).await
    }

    /// POSTs a form, with `origin` as its `Origin` header when given.
    async fn post(&self, path: &str, form: &[(&str, &str)], origin: Option<&str>) -> Answer {
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        let mut request =
            self.request(Method::POST, path).header("content-type", "application/x-www-form-urlencoded").body(body);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        receive(request).await
    }

    /// Signs in with the API token; keeps the session cookie.
    async fn login(&mut self) {
        let answer = self.post("/dashboard/login", &[("token", API_TOKEN), ("next", "/dashboard")], None).await;
        assert_eq!(answer.status, 303, "{}", answer.text());
        let cookie = answer.header("set-cookie").expect("a session cookie");
        self.cookie = Some(cookie.split(';').next().unwrap().to_owned());
    }

    /// A chat completion through the gateway `main`: its log id.
    async fn chat(&self, model: &str, prompt: &str, headers: &[(&str, &str)]) -> String {
        let url = self.harness.provider_url("main", "openai", "chat/completions");
        let body = json!({"model": model, "messages": [{"role": "user", "content": prompt}]});
        let answer = self.harness.post(&url, body.to_string(), headers).await;
        answer.header("cf-aig-log-id").unwrap_or_else(|| panic!("a log id: {}", answer.text())).to_owned()
    }

    /// The ids of the rows of the gateway page at `query`, and its log count.
    async fn rows(&self, query: &str) -> (Vec<String>, String) {
        let page = self.get(&format!("/dashboard/gateways/main?{query}")).await;
        assert_eq!(page.status, 200, "{query}: {}", page.text());
        let html = page.text();
        let ids =
            html.split("<tr data-log-id=\"").skip(1).map(|rest| rest[..rest.find('"').unwrap()].to_owned()).collect();
        (ids, between(&html, "<p id=\"log-count\">", "</p>").to_owned())
    }
}

/// The text between `start` and the next `end` in `html`.
#[track_caller]
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start:?} in {html}")) + start.len();
    &html[from..from + html[from..].find(end).unwrap_or_else(|| panic!("no {end:?} after {start:?}"))]
}

/// A form's hidden CSRF token on a page.
fn csrf(html: &str) -> String {
    between(html, "name=\"csrf\" value=\"", "\"").to_owned()
}

#[track_caller]
fn assert_security_headers(answer: &Answer) {
    assert_eq!(
        answer.header("content-security-policy"),
        Some(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
             form-action 'self'; frame-ancestors 'none'"
        )
    );
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(answer.header("referrer-policy"), Some("same-origin"));
    assert_eq!(answer.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn signing_in_is_required_and_sets_a_strict_session_cookie() {
    let mut dash = Dash::start(LocalConfig::default()).await;
    // The list shows the configured gateways and those with logs.
    dash.chat("gpt-4o-mini", "hi", &[]).await;
    let root = dash.get("/").await;
    assert_eq!((root.status, root.header("location")), (303, Some("/dashboard")));

    // No session: pages redirect to the login form (keeping where they were going), the stream and POSTs get 401.
    let page = dash.get("/dashboard/gateways/main?model=a%20b").await;
    assert_eq!(page.status, 303);
    assert_eq!(page.header("location"), Some("/dashboard/login?next=%2Fdashboard%2Fgateways%2Fmain%3Fmodel%3Da%2520b"));
    assert_security_headers(&page);
    assert_eq!(dash.get("/dashboard/gateways/main/events").await.status, 401);
    let post = dash.post("/dashboard/gateways/main/logs/x/feedback", &[("feedback", "1")], None).await;
    assert_eq!(post.status, 401);

    let form = dash.get("/dashboard/login?next=%2Fdashboard%2Fgateways%2Fmain").await;
    assert_eq!(form.status, 200);
    assert_security_headers(&form);
    let html = form.text();
    for needle in [
        r#"<form id="login" method="post" action="/dashboard/login">"#,
        r#"<label for="token">API token</label>"#,
        r#"<input id="token" name="token" type="password" autocomplete="current-password" required>"#,
        r#"<input type="hidden" name="next" value="/dashboard/gateways/main">"#,
        r#"<button id="login-submit" type="submit">Sign in</button>"#,
    ] {
        assert!(html.contains(needle), "{needle} in {html}");
    }

    // A wrong token: 401, the form again with the alert, no cookie.
    let wrong = dash.post("/dashboard/login", &[("token", "not-the-token"), ("next", "/dashboard")], None).await;
    assert_eq!(wrong.status, 401);
    assert!(wrong.header("set-cookie").is_none());
    assert!(
        wrong
            .text()
            .contains(r#"<p role="alert" id="login-error">That token is not this gateway&#39;s API token.</p>"#),
        "{}",
        wrong.text()
    );

    // The right one: a session cookie and a redirect to `next` (only a dashboard path).
    let right =
        dash.post("/dashboard/login", &[("token", API_TOKEN), ("next", "/dashboard/gateways/main")], None).await;
    assert_eq!((right.status, right.header("location")), (303, Some("/dashboard/gateways/main")));
    let cookie = right.header("set-cookie").expect("a cookie").to_owned();
    let (pair, attributes) = cookie.split_once("; ").unwrap();
    let value = pair.strip_prefix("gl_session=").expect("named gl_session");
    assert!(value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()), "{value}");
    assert_eq!(attributes, "HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age=43200");
    assert!(!cookie.contains(API_TOKEN));
    let elsewhere =
        dash.post("/dashboard/login", &[("token", API_TOKEN), ("next", "https://evil.example/")], None).await;
    assert_eq!(elsewhere.header("location"), Some("/dashboard"));

    // The session opens the pages; the token appears on none of them.
    dash.cookie = Some(pair.to_owned());
    let list = dash.get("/dashboard").await;
    assert_eq!(list.status, 200);
    assert_security_headers(&list);
    assert!(list.text().contains(r#"<li><a href="/dashboard/gateways/main">main</a></li>"#), "{}", list.text());
    assert!(!list.text().contains(API_TOKEN));
    assert!(!list.text().contains("open-notice"));

    // Signing out ends the session on the server.
    let csrf_token = csrf(&list.text());
    let out = dash.post("/dashboard/logout", &[("csrf", &csrf_token)], None).await;
    assert_eq!((out.status, out.header("location")), (303, Some("/dashboard/login")));
    assert_eq!(dash.get("/dashboard").await.status, 303);
    dash.cookie = Some("gl_session=00".to_owned());
    assert_eq!(dash.get("/dashboard").await.status, 303);
    dash.login().await;
    assert_eq!(dash.get("/dashboard").await.status, 200);
}

#[tokio::test]
async fn posts_need_the_sessions_csrf_token_and_this_origin() {
    let mut dash = Dash::start(LocalConfig::default()).await;
    let id = dash.chat("gpt-4o-mini", "hi", &[]).await;
    dash.login().await;
    let path = format!("/dashboard/gateways/main/logs/{id}");
    let token = csrf(&dash.get(&path).await.text());
    assert_eq!(token.len(), 64);
    let feedback = format!("{path}/feedback");

    let wrong = dash.post(&feedback, &[("csrf", "0000"), ("feedback", "1")], None).await;
    assert_eq!(wrong.status, 403, "{}", wrong.text());
    assert!(wrong.text().contains("role=\"alert\""));
    let missing = dash.post(&feedback, &[("feedback", "1")], None).await;
    assert_eq!(missing.status, 403);
    let foreign = dash.post(&feedback, &[("csrf", &token), ("feedback", "1")], Some("http://evil.example")).await;
    assert_eq!(foreign.status, 403);
    assert_security_headers(&foreign);
    let foreign_login = dash.post("/dashboard/login", &[("token", API_TOKEN)], Some("http://evil.example")).await;
    assert_eq!(foreign_login.status, 403);
    assert!(foreign_login.header("set-cookie").is_none());
    assert!(logs_with_feedback(&dash.harness, "1").await.is_empty(), "nothing was changed");

    let own = format!("http://{}", dash.harness.addr());
    let accepted = dash.post(&feedback, &[("csrf", &token), ("feedback", "1")], Some(&own)).await;
    assert_eq!((accepted.status, accepted.header("location")), (303, Some(path.as_str())), "{}", accepted.text());
    assert_eq!(logs_with_feedback(&dash.harness, "1").await, [id]);
}

/// The ids the logs API lists with `feedback` (its deprecated filter parameter).
async fn logs_with_feedback(harness: &Harness, feedback: &str) -> Vec<String> {
    let url = format!("{}?feedback={feedback}", harness.logs_url("main"));
    let answer = harness.v4(Method::GET, &url, None).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()["result"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_table_filters_pages_and_the_charts_count_the_logs() {
    let mut dash = Dash::start(LocalConfig::default()).await;
    let broken = FaultRule::new(Fault::Status(500)).for_model("broken-model");
    dash.harness.gateway.offline_upstream().expect("offline").add_fault(broken);
    let mini = [dash.chat("gpt-4o-mini", "one", &[]).await, dash.chat("gpt-4o-mini", "two", &[]).await];
    let other = dash.chat("gpt-4o", "three", &[("cf-aig-metadata", r#"{"team":"blue"}"#)]).await;
    let failed = dash.chat("broken-model", "four", &[]).await;
    dash.login().await;

    let (ids, count) = dash.rows("").await;
    assert_eq!(count, "4 logs");
    assert_eq!(ids, [failed.clone(), other.clone(), mini[1].clone(), mini[0].clone()], "newest first");
    let (ids, count) = dash.rows("model=gpt-4o-mini&success=&cached=&provider=").await;
    assert_eq!((ids.len(), count.as_str()), (2, "2 logs"));
    assert!(mini.iter().all(|id| ids.contains(id)));
    assert_eq!(dash.rows("success=false").await.0, std::slice::from_ref(&failed));
    assert_eq!(dash.rows("meta_key=team&meta_value=blue").await.0, std::slice::from_ref(&other));
    assert_eq!(dash.rows("search=broken").await.0, std::slice::from_ref(&failed));
    assert_eq!(dash.rows("order_by=created_at&direction=asc&per_page=1").await.0, [mini[0].clone()]);
    assert_eq!(dash.rows("feedback=0").await.0.len(), 4);
    assert_eq!(dash.rows("feedback=1").await.0.len(), 0);

    // Pages: links to the previous and next ones, keeping the filters.
    let first = dash.get("/dashboard/gateways/main?per_page=2").await.text();
    assert!(first.contains(r#"<a rel="next" href="/dashboard/gateways/main?per_page=2&#38;page=2">"#), "{first}");
    assert!(!first.contains("rel=\"prev\""));
    let second = dash.get("/dashboard/gateways/main?per_page=2&page=2").await.text();
    assert!(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""), "{second}");

    // The charts and the by-model table count the same logs.
    let html = dash.get("/dashboard/gateways/main?range=1h").await.text();
    for name in ["requests", "errors", "cache-hit-rate", "tokens", "cost", "latency"] {
        let figure = between(&html, &format!("<figure id=\"chart-{name}\">"), "</figure>");
        assert!(figure.contains(&format!("<svg role=\"img\" aria-labelledby=\"chart-{name}-title\"")), "{figure}");
        assert!(figure.contains(&format!("<title id=\"chart-{name}-title\">")), "{figure}");
        assert!(figure.contains("<figcaption>"), "{figure}");
    }
    assert!(between(&html, "<figure id=\"chart-requests\">", "</figure>").contains("4 in all"));
    assert!(between(&html, "<figure id=\"chart-errors\">", "</figure>").contains("1 of 4 requests"));
    let table = between(&html, "<table id=\"by-model\">", "</table>");
    assert!(
        table.contains(
            r#"<td class="model">gpt-4o-mini</td><td class="num requests">2</td><td class="num errors">0</td>"#
        ),
        "{table}"
    );
    assert!(
        table.contains(
            r#"<td class="model">broken-model</td><td class="num requests">1</td><td class="num errors">1</td>"#
        ),
        "{table}"
    );
    let filtered = dash.get("/dashboard/gateways/main?model=gpt-4o").await.text();
    assert!(between(&filtered, "<figure id=\"chart-requests\">", "</figure>").contains("1 in all"));

    // Bad parameters: a 400 page naming the parameter, as the logs API would.
    for (query, needle) in
        [("success=maybe", "success"), ("range=2h", "range"), ("per_page=101", "per_page"), ("x=1", "x")]
    {
        let answer = dash.get(&format!("/dashboard/gateways/main?{query}")).await;
        assert_eq!(answer.status, 400, "{query}");
        assert!(between(&answer.text(), "<p role=\"alert\"", "</p>").contains(needle), "{query}: {}", answer.text());
    }
}

#[tokio::test]
async fn a_logs_page_shows_its_fields_and_escaped_bodies() {
    let mut dash = Dash::start(LocalConfig::default()).await;
    let id = dash.chat("gpt-4o-mini", "<script>alert(1)</script>", &[("cf-aig-metadata", r#"{"user":"u<b>"}"#)]).await;
    let url = dash.harness.provider_url("main", "openai", "chat/completions");
    let body = json!({"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "stream"}]});
    let streamed = dash.harness.post(&url, body.to_string(), &[]).await;
    let stream_id = streamed.header("cf-aig-log-id").expect("a log id").to_owned();
    dash.login().await;

    let page = dash.get(&format!("/dashboard/gateways/main/logs/{id}")).await;
    assert_eq!(page.status, 200);
    assert_security_headers(&page);
    let html = page.text();
    assert!(!html.contains("<script>alert"), "{html}");
    let request = between(&html, "<pre id=\"request-body\" tabindex=\"0\">", "</pre>");
    // Askama's escapes are numeric: `<` is `&#60;`, `>` is `&#62;`, `"` is `&#34;`.
    assert!(request.contains("&#60;script&#62;alert(1)&#60;/script&#62;"), "{request}");
    assert!(request.contains("\n  &#34;messages&#34;: ["), "pretty-printed: {request}");
    assert!(between(&html, "<pre id=\"response-body\" tabindex=\"0\">", "</pre>").contains("choices"));
    let metadata = between(&html, "<dl id=\"log-metadata\">", "</dl>");
    assert!(metadata.contains("<dt>user</dt><dd>u&#60;b&#62;</dd>"), "{metadata}");
    for (name, value) in [("id", id.as_str()), ("model", "gpt-4o-mini"), ("success", "true"), ("status_code", "200")] {
        assert_eq!(between(&html, &format!("<dd id=\"field-{name}\">"), "</dd>"), value, "{name}");
    }
    for name in
        ["created_at", "provider", "cached", "duration", "tokens_in", "tokens_out", "cost", "feedback", "score", "step"]
    {
        assert!(html.contains(&format!("<dd id=\"field-{name}\">")), "{name}");
    }
    assert!(html.contains(&format!(
        r#"<form id="feedback-form" method="post" action="/dashboard/gateways/main/logs/{id}/feedback">"#
    )));
    assert!(html.contains(r#"<input id="score" name="score" type="number" min="0" max="100" required>"#));

    // A streamed answer is shown as its events.
    let stream = dash.get(&format!("/dashboard/gateways/main/logs/{stream_id}")).await.text();
    let events = between(&stream, "<ol id=\"response-events\">", "</ol>");
    assert!(events.matches("<li>").count() >= 2, "{events}");
    assert!(!stream.contains("id=\"response-body\""));

    let missing = dash.get("/dashboard/gateways/main/logs/no-such-log").await;
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("role=\"alert\""));
}

#[tokio::test]
async fn a_log_served_by_a_dynamic_route_names_the_route_its_version_and_path() {
    use gateway_core::Gateway as _;
    use gateway_core::route::{ModelSpec, Route};
    let mut dash = Dash::start(LocalConfig::default()).await;
    let route = Route::build("support", |b| {
        let end = b.end("end");
        let model = ModelSpec::new("openai", "gpt-4o-mini", Duration::from_secs(60), 0);
        let answer = b.model("answer", model, end, end);
        b.start("start", answer)
    })
    .expect("a valid route");
    let ai = gateway_core::Ai::new(dash.harness.gateway.client_config()).unwrap();
    let created = ai.gateway("main").create_route(&route).await.expect("the route is stored");
    let version = created.version.expect("a deployed version").version_id;
    let url = dash.harness.provider_url("main", "compat", "chat/completions");
    let body = json!({"model": "dynamic/support", "messages": [{"role": "user", "content": "hello"}]});
    let answer = dash.harness.post(&url, body.to_string(), &[("content-type", "application/json")]).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let id = answer.header("cf-aig-log-id").expect("a log id").to_owned();
    dash.login().await;

    let html = dash.get(&format!("/dashboard/gateways/main/logs/{id}")).await.text();
    assert_eq!(between(&html, "<dd id=\"field-route_name\">", "</dd>"), "support");
    assert_eq!(between(&html, "<dd id=\"field-route_version\">", "</dd>"), version);
    let path = between(&html, "<dd id=\"field-route_path\">", "</dd>");
    assert!(path.contains("start") && path.contains("answer"), "{path}");
    // A log no route served shows no route fields.
    let plain = dash.chat("gpt-4o-mini", "hi", &[]).await;
    let html = dash.get(&format!("/dashboard/gateways/main/logs/{plain}")).await.text();
    assert!(!html.contains("field-route_name"));
}

#[tokio::test]
async fn feedback_and_scores_are_checked_as_the_logs_api_checks_them() {
    let mut dash = Dash::start(LocalConfig::default()).await;
    let id = dash.chat("gpt-4o-mini", "hi", &[]).await;
    dash.login().await;
    let path = format!("/dashboard/gateways/main/logs/{id}");
    let token = csrf(&dash.get(&path).await.text());
    let send = |pairs: Vec<(&'static str, String)>| {
        let mut form: Vec<(&str, String)> = vec![("csrf", token.clone())];
        form.extend(pairs);
        let dash = &dash;
        let feedback = format!("{path}/feedback");
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            dash.post(&feedback, &form, None).await
        }
    };
    assert_eq!(send(vec![("feedback", "-1".to_owned())]).await.status, 303);
    assert_eq!(logs_with_feedback(&dash.harness, "-1").await, std::slice::from_ref(&id));
    assert_eq!(send(vec![("score", "42".to_owned())]).await.status, 303);
    let html = dash.get(&path).await.text();
    assert_eq!(between(&html, "<dd id=\"field-score\">", "</dd>"), "42");
    assert!(between(&html, "<dd id=\"field-feedback\">", "</dd>").contains("-1"));
    assert_eq!(dash.rows("feedback=-1").await.0, std::slice::from_ref(&id));

    for (name, value, needle) in [
        ("score", "101", "score must be a number from 0 to 100"),
        ("score", "abc", "score must be a number"),
        ("feedback", "2", "feedback must be -1, 1 or null"),
    ] {
        let answer = send(vec![(name, value.to_owned())]).await;
        assert_eq!(answer.status, 400, "{name}={value}");
        assert!(between(&answer.text(), "<p role=\"alert\"", "</p>").contains(needle), "{}", answer.text());
    }
    assert_eq!(between(&dash.get(&path).await.text(), "<dd id=\"field-score\">", "</dd>"), "42", "unchanged");
    let unknown =
        dash.post("/dashboard/gateways/main/logs/nope/feedback", &[("csrf", &token), ("score", "1")], None).await;
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn new_logs_arrive_as_rows_over_server_sent_events() {
    let mut dash = Dash::start(LocalConfig::default()).await;
    dash.login().await;
    let page = dash.get("/dashboard/gateways/main").await.text();
    assert!(page.contains(r#"data-events="/dashboard/gateways/main/events""#));
    let response = dash.request(Method::GET, "/dashboard/gateways/main/events").send().await.expect("a stream");
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    assert!(response.headers().contains_key("content-security-policy"));
    let mut body = response.bytes_stream();
    // Another gateway's log is not this page's.
    let other = dash.harness.provider_url("other", "openai", "chat/completions");
    let chat = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "elsewhere"}]});
    dash.harness.post(&other, chat.to_string(), &[]).await;
    let id = dash.chat("gpt-4o-mini", "<b>live</b>", &[]).await;
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !seen.contains("\n\n") {
        let chunk = tokio::time::timeout_at(deadline, body.next()).await.expect("an event in time").expect("open");
        seen.push_str(&String::from_utf8_lossy(&chunk.expect("bytes")));
    }
    let event = seen.split("\n\n").find(|e| e.contains("event: log")).unwrap_or_else(|| panic!("{seen}"));
    let data: Vec<&str> = event.lines().filter_map(|l| l.strip_prefix("data: ")).collect();
    assert_eq!(data.len(), 1, "one line of HTML: {event}");
    assert!(data[0].starts_with(&format!("<tr data-log-id=\"{id}\">")), "{event}");
    assert!(data[0].contains(&format!("<a class=\"log-link\" href=\"/dashboard/gateways/main/logs/{id}\">")));
    // The cells an ellipsis may cut short at a narrow window carry their whole text in a title.
    assert!(data[0].contains(&format!("<td class=\"id\" title=\"{id}\">")), "{event}");
    assert!(data[0].contains(r#"<td class="model" title="gpt-4o-mini">gpt-4o-mini</td>"#), "{event}");

    // An open stream does not hold the shutdown for its grace period (10 s): it ends.
    let started = std::time::Instant::now();
    dash.harness.gateway.shutdown().await.expect("a clean shutdown");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    let rest = tokio::time::timeout(Duration::from_secs(5), async { while let Some(Ok(_)) = body.next().await {} });
    rest.await.expect("the stream ended");
}

#[tokio::test]
async fn login_attempts_are_limited_per_client_and_unknown_pages_are_404s() {
    let mut dash = Dash::start(LocalConfig::default()).await;
    for attempt in 0..20 {
        let answer = dash.post("/dashboard/login", &[("token", "wrong")], None).await;
        assert_eq!(answer.status, 401, "attempt {attempt}");
    }
    // Even the right token waits now.
    let limited = dash.post("/dashboard/login", &[("token", API_TOKEN)], None).await;
    assert_eq!(limited.status, 429);
    assert!(limited.header("set-cookie").is_none());
    assert!(limited.text().contains("id=\"login-error\""));

    let mut other = Dash::start(LocalConfig::default()).await;
    other.login().await;
    for path in ["/dashboard/nope", "/dashboard/gateways/Bad_Gateway!", "/dashboard/assets/x.js"] {
        let answer = other.get(path).await;
        assert_eq!(answer.status, 404, "{path}");
        assert!(answer.text().contains("role=\"alert\""), "{path}");
        assert_security_headers(&answer);
    }
    dash.cookie = other.cookie.clone();
    assert_eq!(dash.get("/dashboard").await.status, 303, "a session belongs to its gateway");
}

#[tokio::test]
async fn without_a_token_the_dashboard_is_open_and_says_so() {
    let dash = Dash::start(LocalConfig::default().with_api_token(None)).await;
    let id = dash.chat("gpt-4o-mini", "hi", &[]).await;
    let list = dash.get("/dashboard").await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("id=\"open-notice\""));
    assert_eq!(dash.get("/dashboard/login").await.status, 303);
    let feedback = format!("/dashboard/gateways/main/logs/{id}/feedback");
    assert_eq!(dash.post(&feedback, &[("feedback", "1")], None).await.status, 303);
    assert_eq!(dash.post(&feedback, &[("feedback", "1")], Some("http://evil.example")).await.status, 403);
    let events = dash.request(Method::GET, "/dashboard/gateways/main/events").send().await.expect("a stream");
    assert_eq!(events.status(), 200);
    let assets = [("dashboard.css", "text/css"), ("dashboard.js", "text/javascript")];
    for (name, kind) in assets {
        let asset = dash.get(&format!("/dashboard/assets/{name}")).await;
        assert_eq!(asset.status, 200);
        assert!(asset.header("content-type").unwrap().starts_with(kind));
    }
}
