//! The quickstart's Cloudflare mode against a strict, recording stand-in of
//! Cloudflare (`quickstart_cloudflare/stand_in.rs`), pointed at by
//! `CF_AIG_BASE_URL` and `CLOUDFLARE_API_BASE_URL`, with only
//! `CLOUDFLARE_ACCOUNT_ID` and `CLOUDFLARE_API_TOKEN` set; then every
//! recorded request checked against the spec: paths, headers, bodies, and
//! where the API token went. Also the quickstart's local mode, and what a
//! refused gateway credential says.

#![allow(clippy::too_many_lines, reason = "end-to-end scenarios read best in one piece")]

mod quickstart_cloudflare {
    pub(crate) mod stand_in;
}

#[path = "../examples/quickstart.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here: the tests call its `run`")]
mod quickstart;

use std::collections::HashMap;

use gateway_core::config::{
    ENV_ACCOUNT_ID, ENV_API_BASE_URL, ENV_API_TOKEN, ENV_GATEWAY_BASE_URL, ENV_GATEWAY_TOKEN, USER_AGENT,
};
use gateway_core::{
    Ai, BuiltinProvider, Config, Error, Gateway, GatewayCredential, GatewayOptions, Metadata, Provider, RunOptions,
    UniversalOptions,
};
use quickstart::{Mode, UNMEETABLE_TIMEOUT_MS};
use quickstart_cloudflare::stand_in::{ACCOUNT, API_TOKEN, Host, MODEL_LATENCY_MS, Recorded, StandIn};
use serde_json::{Value, json};

const LLAMA: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";

/// The quickstart's environment: the two documented variables, and the stand-in's URLs.
fn environment(stand_in: &StandIn) -> HashMap<&'static str, String> {
    HashMap::from([
        (ENV_ACCOUNT_ID, ACCOUNT.to_owned()),
        (ENV_API_TOKEN, API_TOKEN.to_owned()),
        (ENV_GATEWAY_BASE_URL, stand_in.gateway_base_url()),
        (ENV_API_BASE_URL, stand_in.api_base_url()),
    ])
}

/// A client of the stand-in with `config` changes.
fn client(stand_in: &StandIn, config: impl FnOnce(Config) -> Config) -> Ai {
    let base = Config::new(ACCOUNT)
        .with_gateway_base_url(&stand_in.gateway_base_url())
        .with_api_base_url(&stand_in.api_base_url());
    Ai::new(config(base)).expect("client")
}

#[test]
fn only_non_empty_account_id_and_api_token_select_the_cloudflare_mode() {
    let mode = |vars: &[(&str, &str)]| {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Mode::from_lookup(|name| vars.get(name).cloned()).expect("mode")
    };
    assert!(matches!(mode(&[]), Mode::Local));
    assert!(matches!(mode(&[(ENV_ACCOUNT_ID, ""), (ENV_API_TOKEN, "t")]), Mode::Local));
    assert!(matches!(mode(&[(ENV_ACCOUNT_ID, "  "), (ENV_API_TOKEN, "t")]), Mode::Local));
    assert!(matches!(mode(&[(ENV_ACCOUNT_ID, "a"), (ENV_API_TOKEN, "")]), Mode::Local));
    assert!(matches!(mode(&[(ENV_ACCOUNT_ID, "a")]), Mode::Local));
    match mode(&[(ENV_ACCOUNT_ID, "a"), (ENV_API_TOKEN, "secret-t")]) {
        Mode::Cloudflare { config, gateway, .. } => {
            assert_eq!((config.account_id(), gateway.as_str()), ("a", "default"));
            assert_eq!(config.gateway_credential(), GatewayCredential::ApiToken);
        }
        Mode::Local => panic!("expected the Cloudflare mode"),
    }
    let debug = format!("{:?}", mode(&[(ENV_ACCOUNT_ID, "a"), (ENV_API_TOKEN, "secret-t"), ("CF_AIG_GATEWAY", "gw")]));
    assert!(debug.contains("\"gw\"") && !debug.contains("secret-t"), "{debug}");
}

#[tokio::test]
async fn the_quickstart_runs_locally_and_its_fallback_step_0_times_out() {
    let outcome = quickstart::run(Mode::Local).await.expect("the quickstart in local mode");
    assert_eq!(outcome.fallback_step, Some(1));
}

#[tokio::test]
async fn the_quickstart_runs_against_cloudflare_with_the_two_documented_variables() {
    let stand_in = StandIn::start().await;
    let vars = environment(&stand_in);
    let mode = Mode::from_lookup(|name| vars.get(name).cloned()).expect("mode");
    assert!(matches!(mode, Mode::Cloudflare { .. }), "{mode:?}");
    let outcome = quickstart::run(mode).await.expect("the quickstart in Cloudflare mode");
    assert_eq!(outcome.fallback_step, Some(1), "step 0 cannot meet its {UNMEETABLE_TIMEOUT_MS} ms timeout");
    assert!(u64::from(UNMEETABLE_TIMEOUT_MS) < MODEL_LATENCY_MS);

    let recorded = stand_in.recorded().await;
    let bearer = format!("Bearer {API_TOKEN}");
    for r in &recorded {
        let what = format!("{:?} {} {}", r.host, r.request.method, r.request.url);
        // Every request names the library.
        assert_eq!(r.header("user-agent"), Some(USER_AGENT), "{what}");
        assert!(USER_AGENT.starts_with("typed-gateway/"), "{USER_AGENT}");
        // Every header is ASCII (the stand-in refuses others, as a client must not rely on them).
        for (name, value) in &r.request.headers {
            assert!(value.as_bytes().is_ascii(), "{what}: header {name} is not ASCII");
        }
        // The Workers AI route and the REST API do not use a BYOK alias.
        assert!(r.header("cf-aig-byok-alias").is_none(), "{what}");
        match r.host {
            Host::Gateway => {
                assert_eq!(r.header("cf-aig-authorization"), Some(bearer.as_str()), "{what}");
                assert!(r.header("cf-aig-gateway-id").is_none(), "{what}");
            }
            Host::Api => {
                assert_eq!(r.header("authorization"), Some(bearer.as_str()), "{what}");
                assert!(r.header("cf-aig-authorization").is_none(), "{what}: not used on the API host (§1.2)");
            }
        }
        no_secret_out_of_place(r);
    }

    // The gateway host: three typed Workers AI runs (the second a cache hit,
    // the third streamed) through `default`'s workers-ai route, and the
    // universal fallback.
    let gateway_host: Vec<&Recorded> = recorded.iter().filter(|r| r.host == Host::Gateway).collect();
    let paths: Vec<String> = gateway_host.iter().map(|r| format!("{} {}", r.request.method, r.path())).collect();
    let route = format!("POST /{ACCOUNT}/default/workers-ai/{LLAMA}");
    assert_eq!(paths, [route.clone(), route.clone(), format!("POST /{ACCOUNT}/default"), route]);
    let typed = gateway_host[0];
    assert_eq!(typed.header("authorization"), Some(bearer.as_str()), "the Workers AI credential");
    assert_eq!(typed.header("cf-aig-cache-ttl"), Some("3600"));
    assert_eq!(typed.header("cf-aig-metadata"), Some(r#"{"user":42,"feature":"quickstart"}"#));
    assert_eq!(typed.header("content-type"), Some("application/json"));
    assert_eq!(typed.json()["prompt"], "What is an AI gateway, in one sentence?");
    assert_eq!(typed.json()["max_tokens"], 64);
    assert_eq!(gateway_host[3].json()["stream"], true);
    let steps = gateway_host[2].json();
    let steps = steps.as_array().expect("a universal body is an array of steps");
    assert_eq!(steps.len(), 2);
    for (index, step) in steps.iter().enumerate() {
        assert_eq!(step["provider"], "workers-ai");
        assert_eq!(step["endpoint"], LLAMA);
        assert_eq!(step["headers"]["Authorization"], bearer.as_str(), "step {index}: its provider credential");
        assert_eq!(step["query"], typed.json(), "step {index}: the model's input, unchanged");
    }
    assert_eq!(steps[0]["headers"]["cf-aig-request-timeout"], UNMEETABLE_TIMEOUT_MS.to_string());
    assert!(steps[1]["headers"].get("cf-aig-request-timeout").is_none());

    // The API host: the REST API (`/ai/run`, `/ai/v1/chat/completions`), then the logs API.
    let api_host: Vec<&Recorded> = recorded.iter().filter(|r| r.host == Host::Api).collect();
    let paths: Vec<String> = api_host
        .iter()
        .map(|r| {
            let query = r.request.url.query().map(|q| format!("?{q}")).unwrap_or_default();
            format!("{} {}{query}", r.request.method, r.path())
        })
        .collect();
    // The stand-in numbers its log ids: the REST API's two calls took 1 and 2, the first typed run 3.
    let log_id = "019a7b3e-5f2c-7c41-9d3e-000000000003";
    let logs = format!("/accounts/{ACCOUNT}/ai-gateway/gateways/default/logs");
    assert_eq!(
        paths,
        [
            format!("POST /accounts/{ACCOUNT}/ai/run"),
            format!("POST /accounts/{ACCOUNT}/ai/v1/chat/completions"),
            format!("PATCH {logs}/{log_id}"),
            format!("GET {logs}/{log_id}"),
            format!("GET {logs}?filters.key=feedback&filters.operator=eq&filters.value=1&per_page=10"),
        ]
    );
    let question = json!([{"role": "user", "content": "What is an AI gateway, in one sentence?"}]);
    assert_eq!(api_host[0].json(), json!({"model": "openai/gpt-5.5", "input": {"messages": question}}));
    assert_eq!(api_host[0].header("cf-aig-gateway-id"), Some("default"));
    assert_eq!(
        api_host[1].json(),
        json!({"model": "anthropic/claude-sonnet-4-5", "messages": question, "max_tokens": 64})
    );
    assert_eq!(api_host[2].json(), json!({"feedback": 1, "score": 95}));
    for r in &api_host[2..] {
        assert!(r.header("cf-aig-gateway-id").is_none(), "the logs API names the gateway in its path");
    }
}

/// The API token goes only where it belongs: `authorization` (both hosts),
/// `cf-aig-authorization` (the gateway host), and a universal step's
/// `Authorization` (the Workers AI credential). Never in a URL, another
/// header or another part of a body.
fn no_secret_out_of_place(r: &Recorded) {
    let what = format!("{:?} {} {}", r.host, r.request.method, r.request.url);
    assert!(!r.request.url.as_str().contains(API_TOKEN), "{what}: the token is in the URL");
    for (name, value) in &r.request.headers {
        let allowed = name == "authorization" || (name == "cf-aig-authorization" && r.host == Host::Gateway);
        assert!(allowed || !String::from_utf8_lossy(value.as_bytes()).contains(API_TOKEN), "{what}: in {name}");
    }
    let mut body = r.json();
    if let Some(steps) = body.as_array_mut() {
        for step in steps {
            if let Some(headers) = step.get_mut("headers").and_then(Value::as_object_mut) {
                headers.remove("Authorization");
            }
        }
    }
    let rest = if body.is_null() { String::from_utf8_lossy(&r.request.body).into_owned() } else { body.to_string() };
    assert!(!rest.contains(API_TOKEN), "{what}: the token is in the body");
}

#[tokio::test]
async fn a_refused_gateway_credential_names_the_variable_to_set() {
    let stand_in = StandIn::start().await;
    let step = || BuiltinProvider::workers_ai(API_TOKEN).step(LLAMA, json!({"prompt": "Hi"}));
    // Nothing exists yet: an unauthenticated request does not create `default` (400/2001).
    let bare = client(&stand_in, |c| c);
    let err = bare.gateway("default").run(step().into(), &UniversalOptions::new()).await.unwrap_err();
    assert!(matches!(err, Error::GatewayNotFound { status: 400, .. }), "{err:?}");
    // The API token alone authenticates, and creates `default` with authentication on.
    let api_token_only = client(&stand_in, |c| c.with_api_token(API_TOKEN));
    api_token_only.gateway("default").run(step().into(), &UniversalOptions::new()).await.expect("authenticated");

    // No credential: which variables would send one.
    let err = bare.gateway("default").run(step().into(), &UniversalOptions::new()).await.unwrap_err();
    let Error::GatewayUnauthorized { status: 401, credential: GatewayCredential::None, .. } = &err else {
        panic!("expected a 2009 with nothing sent, got {err:?}");
    };
    let message = err.to_string();
    assert!(message.contains(ENV_API_TOKEN) && message.contains(ENV_GATEWAY_TOKEN), "{message}");

    // A gateway token the gateway does not know: that one is named.
    let wrong = client(&stand_in, |c| c.with_api_token(API_TOKEN).with_gateway_token("not-this-gateways-token"));
    let err = wrong.gateway("default").run(step().into(), &UniversalOptions::new()).await.unwrap_err();
    let Error::GatewayUnauthorized { credential: GatewayCredential::GatewayToken, .. } = &err else {
        panic!("expected a 2009 naming the gateway token, got {err:?}");
    };
    assert!(err.to_string().contains(ENV_GATEWAY_TOKEN), "{err}");
    assert!(!err.to_string().contains("not-this-gateways-token"), "{err}");

    // A Workers AI run through the gateway: the same advice, on the typed route.
    let err = bare
        .run::<_, Value>(LLAMA, &json!({"prompt": "Hi"}), &RunOptions::new().gateway(GatewayOptions::new("default")))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "a direct Workers AI credential is needed first: {err:?}");
}

#[tokio::test]
async fn the_byok_alias_goes_only_where_cloudflare_reads_it_and_json_headers_are_ascii() {
    let stand_in = StandIn::start().await;
    let ai = client(&stand_in, |c| c.with_api_token(API_TOKEN).with_application("quickstart-test/1.0"));
    // Characters beyond U+00FF, one beyond the BMP (a surrogate pair once escaped).
    let metadata = Metadata::new().with("name", "caf\u{e9} \u{2615} \u{65e5}\u{672c} \u{1f980}");
    let options = GatewayOptions::new("default").byok_alias("team-b").metadata(metadata.clone());
    let answer = ai
        .run::<_, Value>(LLAMA, &json!({"prompt": "Hi"}), &RunOptions::new().gateway(options.clone()))
        .await
        .expect("the workers-ai route");
    // The stand-in decoded the escaped header to the same metadata.
    let log = ai.gateway("default").get_log(answer.log_id().expect("a log id")).await.expect("the log");
    assert_eq!(log.metadata.and_then(|m| m.entries().cloned()), Some(metadata));

    // A provider-native route reads the alias (the stand-in does not serve OpenAI: only the request matters).
    let openai = BuiltinProvider::openai("sk-provider-key");
    let _refused = ai
        .gateway("default")
        .provider_request(
            &openai,
            "chat/completions",
            &json!({"model": "gpt-4o-mini"}),
            &UniversalOptions::new().gateway(options),
        )
        .await;

    let recorded = stand_in.recorded().await;
    let workers_ai = recorded.iter().find(|r| r.path().contains("/workers-ai/")).expect("the workers-ai request");
    assert!(workers_ai.header("cf-aig-byok-alias").is_none());
    let header = workers_ai.header("cf-aig-metadata").expect("metadata");
    assert_eq!(header, r#"{"name":"caf\u00e9 \u2615 \u65e5\u672c \ud83e\udd80"}"#);
    let native = recorded.iter().find(|r| r.path().ends_with("/openai/chat/completions")).expect("the OpenAI request");
    assert_eq!(native.header("cf-aig-byok-alias"), Some("team-b"));
    for r in &recorded {
        assert_eq!(r.header("user-agent"), Some(format!("{USER_AGENT} quickstart-test/1.0").as_str()));
    }
}
