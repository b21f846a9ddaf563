//! The dashboard in a real browser: headless Chromium driven over `WebDriver`
//! (Debian's `chromium` and `chromium-driver`; `chromedriver` started on a
//! free loopback port), against an embedded gateway with an API token and
//! the offline upstream, with logs made through gateway-core's client.
//!
//! It signs in with the keyboard only, sees the gateway list, opens the
//! gateway page (charts as SVG with text alternatives, the per-model table,
//! the logs table), filters by model, opens a log, sends feedback and a
//! score and sees them stored (feedback through the logs API's filter, the
//! score through the store, as no route reads it back), and sees a new
//! log's row arrive without a reload (server-sent events). Accessibility
//! basics: every visible form control has a label, and Tab reaches every
//! control of the filter form and of the log's forms. A PNG screenshot of
//! each view goes to `{target}/dashboard-screenshots/` (the gateway page's
//! is the README's `docs/dashboard.png`).
//!
//! Without `/usr/bin/chromium` or `chromedriver` it prints a notice and
//! passes, unless the `CI` environment variable is set: then it fails
//! (`.ci/run` installs both and sets `CI`).
//!
//! ```sh
//! CARGO_INCREMENTAL=0 cargo test -p gateway-local --test browser -- --nocapture
//! ```

use std::collections::BTreeSet;
use std::time::Instant;

use common::harness::{API_TOKEN, MODEL};
use fantoccini::key::Key;
use gateway_core::{
    Ai, FilterKey, Gateway as _, GatewayOptions, HttpGateway, ListLogs, LogFilter, Metadata, RunOptions,
};
use gateway_local::{Database, Fault, FaultRule, GatewaySettings, LocalConfig, LocalGateway};
use serde_json::{Value, json};

mod common;
// By path, not in `common/mod.rs`: only this test links the `WebDriver` client.
#[path = "common/browser.rs"]
mod browser;

use browser::Browser;

/// The gateway the logs go to.
const GATEWAY: &str = "main";
/// A second Workers AI model; one of its requests fails.
const OTHER_MODEL: &str = "@cf/mistral/mistral-7b-instruct-v0.1";
/// A catalog model of another provider, through `run` (Unified Billing).
const OPENAI_MODEL: &str = "openai/gpt-5.5";
/// The metadata of the log the test opens.
const USER: &str = "ada";
/// The charts the gateway page shows (`#chart-{name}`).
const CHARTS: [&str; 6] = ["requests", "errors", "cache-hit-rate", "tokens", "cost", "latency"];
/// The score the test sends.
const SCORE: u8 = 87;

/// The logs the test makes, by what they are.
struct Logs {
    /// `MODEL` with metadata and a cache TTL: the log the test opens.
    with_metadata: String,
    /// The same request again, answered from the cache.
    cached: String,
    /// Every log of the gateway.
    all: BTreeSet<String>,
}

fn chat(prompt: &str) -> Value {
    json!({"messages": [{"role": "user", "content": prompt}]})
}

/// Makes the test's logs through gateway-core's client: three models of two
/// providers, one failing request, one cache hit, metadata.
async fn make_logs(local: &LocalGateway, ai: &Ai, gateway: &HttpGateway) -> Logs {
    let plain = RunOptions::new().gateway(GatewayOptions::new(GATEWAY));
    let tagged = RunOptions::new().gateway(
        GatewayOptions::new(GATEWAY).cache_ttl(3600).metadata(Metadata::new().with("user", USER).with("team", "docs")),
    );
    let first = ai.run::<_, Value>(MODEL, &chat("What is a gateway?"), &tagged).await.expect("a run");
    let again = ai.run::<_, Value>(MODEL, &chat("What is a gateway?"), &tagged).await.expect("a cached run");
    assert!(again.meta.is_cache_hit(), "the second run is a cache hit: {:?}", again.meta.cache_status);
    ai.run::<_, Value>(OTHER_MODEL, &json!({"prompt": "Name a colour."}), &plain).await.expect("a run");
    ai.run::<_, Value>(OPENAI_MODEL, &chat("Say hello."), &plain).await.expect("a run");
    ai.run::<_, Value>(MODEL, &chat("And a cache?"), &plain).await.expect("a run");
    let refuse = FaultRule::new(Fault::Status(400)).for_model(OTHER_MODEL).times(1);
    local.offline_upstream().expect("offline").add_fault(refuse);
    let failed = ai.run::<_, Value>(OTHER_MODEL, &json!({"prompt": "Fail."}), &plain).await;
    assert!(failed.is_err(), "the refused request fails: {failed:?}");
    let logs = Logs {
        with_metadata: first.log_id().expect("a log id").to_owned(),
        cached: again.log_id().expect("a log id").to_owned(),
        all: ids(gateway, ListLogs::new()).await,
    };
    assert_eq!(logs.all.len(), 6, "six logs: {:?}", logs.all);
    let failures = ids(gateway, ListLogs::new().filter(LogFilter::eq(FilterKey::Success, false))).await;
    assert_eq!(failures.len(), 1, "one failed log");
    logs
}

/// The ids of the gateway's logs `query` lists (one page of 50).
async fn ids(gateway: &HttpGateway, query: ListLogs) -> BTreeSet<String> {
    let page = gateway.list_logs(&query.per_page(50)).await.expect("list logs");
    page.logs.into_iter().map(|log| log.id).collect()
}

/// The `data-log-id`s of the logs table's rows.
async fn row_ids(browser: &Browser) -> BTreeSet<String> {
    let ids = browser
        .js("return Array.from(document.querySelectorAll('#log-rows tr[data-log-id]'), r => r.dataset.logId);", vec![])
        .await;
    serde_json::from_value(ids).expect("a list of ids")
}

/// Visible form controls without a label (`label[for]`, `aria-label` or
/// `aria-labelledby` naming text), and buttons without a name, as HTML.
async fn unlabelled(browser: &Browser) -> Vec<String> {
    let script = r"
        const named = id => { const e = document.getElementById(id); return e && e.textContent.trim() !== ''; };
        const labelled = e =>
            (e.id && Array.from(document.querySelectorAll('label[for]')).some(l => l.htmlFor === e.id
                && l.textContent.trim() !== ''))
            || (e.getAttribute('aria-label') || '').trim() !== ''
            || (e.getAttribute('aria-labelledby') || '').split(/\s+/).some(id => id && named(id));
        const visible = e => e.getClientRects().length > 0;
        const controls = Array.from(document.querySelectorAll('input, select, textarea'))
            .filter(e => e.type !== 'hidden' && visible(e) && !labelled(e));
        const buttons = Array.from(document.querySelectorAll('button, input[type=submit]'))
            .filter(e => visible(e) && e.textContent.trim() === '' && !(e.value || '').trim() && !labelled(e));
        return controls.concat(buttons).map(e => e.outerHTML);
    ";
    serde_json::from_value(browser.js(script, vec![]).await).expect("a list")
}

/// The ids of the visible, enabled controls under `css`.
async fn controls(browser: &Browser, css: &str) -> BTreeSet<String> {
    let script = "return Array.from(document.querySelectorAll(arguments[0] + ' :is(input, select, textarea, button)'))\
                  .filter(e => e.type !== 'hidden' && !e.disabled && e.getClientRects().length > 0)\
                  .map(e => e.id);";
    let ids: Vec<String> = serde_json::from_value(browser.js(script, vec![json!(css)]).await).expect("ids");
    assert!(ids.iter().all(|id| !id.is_empty()), "every control under {css} has an id: {ids:?}");
    ids.into_iter().collect()
}

/// Loads `url` afresh and presses Tab until `last` has the focus; asserts
/// every control under `css` was focused on the way.
async fn assert_tab_reaches(browser: &Browser, url: &str, css: &str, last: &str) {
    browser.goto(url).await;
    let expected = controls(browser, css).await;
    assert!(expected.contains(last), "#{last} is a control under {css}: {expected:?}");
    let focused: BTreeSet<String> = browser.tab_to(last, 120).await.into_iter().collect();
    let missed: Vec<&String> = expected.difference(&focused).collect();
    assert!(missed.is_empty(), "Tab skipped {missed:?} under {css} on {url} before reaching #{last}");
}

/// Asserts each chart is an inline SVG with a text alternative (`role="img"`,
/// `aria-labelledby` naming text, a `<title>`) and a caption.
async fn assert_charts(browser: &Browser) {
    for name in CHARTS {
        let script = r"
            const figure = document.getElementById('chart-' + arguments[0]);
            if (!figure || !figure.closest('#charts')) return 'no figure in #charts';
            const svg = figure.querySelector('svg');
            if (!svg) return 'no inline svg';
            if (svg.getAttribute('role') !== 'img') return 'svg role is ' + svg.getAttribute('role');
            const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
            const text = ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
            if (!text) return 'aria-labelledby names no text: ' + svg.getAttribute('aria-labelledby');
            const title = svg.querySelector('title');
            if (!title || !title.textContent.trim()) return 'no <title>';
            const caption = figure.querySelector('figcaption');
            if (!caption || !caption.textContent.trim()) return 'no figcaption';
            if (svg.getBoundingClientRect().width === 0) return 'the svg is not drawn';
            return 'ok';
        ";
        let verdict = browser.js(script, vec![json!(name)]).await;
        assert_eq!(verdict, json!("ok"), "#chart-{name}");
    }
}

/// What the phases of the test share: the browser, the gateway, a client.
struct Run {
    browser: Browser,
    local: LocalGateway,
    ai: Ai,
    gateway: HttpGateway,
    logs: Logs,
    /// `http://127.0.0.1:PORT`.
    base: String,
}

impl Run {
    /// `/dashboard/gateways/{GATEWAY}` as a URL.
    fn gateway_page(&self) -> String {
        format!("{}/dashboard/gateways/{GATEWAY}", self.base)
    }

    /// Signed out, the dashboard sends the browser to the login form; a
    /// wrong token gets the form again with an alert, the right one a
    /// session. Keyboard only.
    async fn sign_in(&self) {
        let browser = &self.browser;
        browser.goto(&format!("{}/dashboard", self.base)).await;
        let login = browser.wait_for_path("/dashboard/login").await;
        assert!(login.query().unwrap_or_default().contains("next="), "the login keeps where to go next: {login}");
        assert_eq!(browser.find("#token").await.attr("type").await.expect("type").as_deref(), Some("password"));
        assert!(unlabelled(browser).await.is_empty(), "login: {:?}", unlabelled(browser).await);
        browser.screenshot("login").await;

        browser.tab_to("token", 10).await;
        browser.type_text("not-the-token").await;
        browser.press(Key::Enter).await;
        let alert = browser.find("#login-error").await;
        assert_eq!(alert.attr("role").await.expect("role").as_deref(), Some("alert"));
        if browser.focused_id().await.as_deref() != Some("token") {
            browser.tab_to("token", 10).await;
        }
        browser.type_text(API_TOKEN).await;
        browser.press(Key::Enter).await;
        let signed_in = browser.wait_for_path("/dashboard").await;
        assert!(!signed_in.as_str().contains(API_TOKEN), "the token is never in a URL: {signed_in}");
        let cookies = browser.js("return document.cookie;", vec![]).await;
        assert!(!cookies.as_str().unwrap_or_default().contains("gl_session"), "the session cookie is HttpOnly");
    }

    /// The gateway list links to the gateway page: charts, the per-model
    /// table, every log in the logs table.
    async fn gateway_page_shows_everything(&self) {
        let browser = &self.browser;
        let link = browser.find(&format!("#gateways li a[href='/dashboard/gateways/{GATEWAY}']")).await;
        assert_eq!(link.text().await.expect("text"), GATEWAY);
        link.click().await.expect("open the gateway");
        browser.wait_for_path(&format!("/dashboard/gateways/{GATEWAY}")).await;
        assert_charts(browser).await;
        let by_model = browser.find_all("#by-model tbody tr").await.len();
        assert!(by_model >= 3, "#by-model has a row per provider and model (3 here), has {by_model}");
        assert_eq!(row_ids(browser).await, self.logs.all, "#log-rows holds every log");
        assert_eq!(browser.text("#log-count").await, format!("{} logs", self.logs.all.len()), "#log-count");
        assert!(unlabelled(browser).await.is_empty(), "gateway page: {:?}", unlabelled(browser).await);
        browser.screenshot("gateway").await;
    }

    /// Filtering by model leaves only that model's rows.
    async fn filter_by_model(&self) {
        let browser = &self.browser;
        let model_control = browser.find("#filter-model").await;
        if model_control.tag_name().await.expect("tag").eq_ignore_ascii_case("select") {
            model_control.select_by_value(MODEL).await.expect("choose the model");
        } else {
            model_control.clear().await.expect("clear");
            model_control.send_keys(MODEL).await.expect("type the model");
        }
        browser.find("#apply-filters").await.click().await.expect("apply");
        browser.wait_until("the filter is applied", "return location.search.includes('model=');", vec![]).await;
        browser.find("#log-rows").await;
        let of_model = ids(&self.gateway, ListLogs::new().filter(LogFilter::eq(FilterKey::Model, MODEL))).await;
        assert_eq!(of_model.len(), 3, "three logs of {MODEL}");
        assert_eq!(row_ids(browser).await, of_model, "only {MODEL}'s rows remain");
        assert_eq!(browser.text("#log-count").await, format!("{} logs", of_model.len()));
        browser.screenshot("filtered").await;
    }

    /// A log's detail (fields, metadata, bodies); feedback, then a score
    /// (typed, sent with Enter): stored, and shown on the log page again.
    /// Returns the log page's path.
    async fn log_detail_feedback_and_score(&self) -> String {
        let browser = &self.browser;
        let id = &self.logs.with_metadata;
        browser.find(&format!("#log-rows tr[data-log-id='{id}'] a.log-link")).await.click().await.expect("open it");
        let log_path = format!("/dashboard/gateways/{GATEWAY}/logs/{id}");
        browser.wait_for_path(&log_path).await;
        assert!(browser.text("#field-id").await.contains(id.as_str()), "#field-id");
        assert!(browser.text("#field-model").await.contains(MODEL), "#field-model");
        assert!(browser.text("#log-metadata").await.contains(USER), "#log-metadata shows the metadata");
        assert!(browser.text("#request-body").await.contains("What is a gateway?"), "#request-body");
        assert!(!browser.text("#response-body").await.trim().is_empty(), "#response-body");
        assert!(unlabelled(browser).await.is_empty(), "log page: {:?}", unlabelled(browser).await);
        browser.screenshot("log").await;

        let feedback_before = browser.text("#field-feedback").await;
        browser.find("#feedback-up").await.click().await.expect("feedback up");
        browser.wait_for_path(&log_path).await;
        assert_ne!(browser.text("#field-feedback").await, feedback_before, "#field-feedback changes");
        let positive = ids(&self.gateway, ListLogs::new().filter(LogFilter::eq(FilterKey::Feedback, 1))).await;
        assert_eq!(positive, BTreeSet::from([id.clone()]), "the logs API lists it with feedback 1");
        browser.tab_to("score", 120).await;
        browser.type_text(&SCORE.to_string()).await;
        browser.press(Key::Enter).await;
        let shown = "const e = document.getElementById('field-score'); \
                     return e !== null && e.textContent.includes(arguments[0]);";
        browser.wait_until("the score is shown", shown, vec![json!(SCORE.to_string())]).await;
        let stored = self.local.store().evaluation(GATEWAY, id).await.expect("read").expect("the log");
        assert_eq!(stored, (Some(1.0), Some(f64::from(SCORE))), "feedback and score stored");
        let cached_log = self.gateway.get_log(&self.logs.cached).await.expect("the cached log");
        assert!(cached_log.cached, "the second run's log is the cached one");
        log_path
    }

    /// A new request while the gateway page is open: its row arrives first,
    /// without a reload.
    async fn new_rows_arrive_live(&self) {
        let browser = &self.browser;
        browser.goto(&self.gateway_page()).await;
        browser.js("window.notReloaded = true;", vec![]).await;
        // The page's script opens the event stream as it loads and marks the table once it is connected.
        let live = "return document.getElementById('logs').dataset.live === 'connected';";
        browser.wait_until("the event stream is connected", live, vec![]).await;
        let plain = RunOptions::new().gateway(GatewayOptions::new(GATEWAY));
        let fresh = self.ai.run::<_, Value>(OPENAI_MODEL, &chat("Anything new?"), &plain).await.expect("a run");
        let fresh_id = fresh.log_id().expect("a log id").to_owned();
        let arrived = "return document.querySelector('#log-rows tr[data-log-id=\"' + arguments[0] + '\"]') !== null;";
        browser.wait_until("the new log's row arrives over SSE", arrived, vec![json!(fresh_id)]).await;
        assert_eq!(browser.js("return window.notReloaded === true;", vec![]).await, json!(true), "no reload");
        let first_row = browser.js("return document.querySelector('#log-rows tr').dataset.logId;", vec![]).await;
        assert_eq!(first_row, json!(fresh_id), "the new row comes first");
        let link = format!("#log-rows tr[data-log-id='{fresh_id}'] a.log-link");
        let href = browser.find(&link).await.attr("href").await.expect("href");
        assert_eq!(href.as_deref(), Some(format!("/dashboard/gateways/{GATEWAY}/logs/{fresh_id}").as_str()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_in_chromium() {
    let started = Instant::now();
    let Some(browser) = Browser::start().await else { return };
    let config = LocalConfig::default()
        .with_api_token(Some(API_TOKEN.to_owned()))
        .with_gateway(GATEWAY, GatewaySettings::default());
    let local =
        LocalGateway::builder().config(config).database(Database::Memory).offline(true).start().await.expect("starts");
    let ai = Ai::new(local.client_config()).expect("a client");
    let gateway = ai.gateway(GATEWAY);
    let logs = make_logs(&local, &ai, &gateway).await;
    let base = local.url();
    let run = Run { browser, local, ai, gateway, logs, base };

    run.sign_in().await;
    run.gateway_page_shows_everything().await;
    run.filter_by_model().await;
    let log_path = run.log_detail_feedback_and_score().await;
    // Keyboard: Tab reaches every filter control up to Apply, and the log's forms.
    let log_page = format!("{}{log_path}", run.base);
    assert_tab_reaches(&run.browser, &run.gateway_page(), "#filters", "apply-filters").await;
    assert_tab_reaches(&run.browser, &log_page, "#score-form", "send-score").await;
    assert_tab_reaches(&run.browser, &log_page, "#feedback-form", "feedback-down").await;
    run.new_rows_arrive_live().await;

    let Run { browser, local, .. } = run;
    browser.close().await;
    local.shutdown().await.expect("shutdown");
    eprintln!("browser test took {:.1} s", started.elapsed().as_secs_f64());
}
