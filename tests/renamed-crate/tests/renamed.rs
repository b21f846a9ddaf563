//! The `crate = "..."` override, in a crate whose only dependency is
//! `gateway-core` renamed to `gw` (no `serde`, `serde_json` or `async-trait` of its
//! own, and no `gateway_core` name in scope). Without the override the
//! generated code would name `::gateway_core` and fail to compile here.
//!
//! Every derive takes the override, written as the crate name (`"gw"`), an
//! alias in the declaring module (`"my_alias"`), a parent's alias
//! (`"super::my_alias"`), a crate-root alias (`"crate::root_alias"`), a
//! re-export (`"crate::reexport::inner"`) and an absolute path (`"::gw"`).
//! The generated code brings the path in with `use <path> as _gw;` inside a
//! `const _` block of the declaring module, and the serde derives get
//! `#[serde(crate = "<path>::__private::serde")]`, so any path that resolves
//! in the declaring module works. Then the declarations run end to end
//! against wiremock on loopback.

use gw::serde_json::{self, json};
use gw::{Ai, Config, GatewayExt, GatewayOptions, Model, ModelRequest, RunOptions, UniversalOptions};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

// A crate-root alias and a re-export, for the path forms below.
use gw as root_alias;

mod reexport {
    pub(crate) use gw as inner;
}

/// A Workers AI model.
#[derive(Debug, gw::Model)]
#[model(crate = "gw", id = "@cf/test/summarize")]
struct Summarize {
    #[model(length = 1..)]
    input_text: String,
    #[model(default = 64, range = 1..=1024)]
    max_length: u32,
    #[model(values("short", "long"))]
    style: Option<String>,
    #[model(output)]
    summary: String,
}

/// A nested object, a string enum and a union, through the renamed crate.
#[derive(Debug, Clone, gw::Object)]
#[model(crate = "gw")]
struct Passage {
    #[model(length = 1..)]
    text: String,
    kind: Option<PassageKind>,
}

/// What a passage is.
#[derive(Debug, Clone, Copy, PartialEq, gw::Object)]
#[model(crate = "gw")]
enum PassageKind {
    Quote,
    #[model(other)]
    Other,
}

/// One passage or its text.
#[derive(Debug, Clone, gw::Object)]
#[model(crate = "gw")]
enum PassageOrText {
    Text(String),
    #[model(nested)]
    Passage(Passage),
}

/// A model with nested objects and branch fields.
#[derive(Debug, gw::Model)]
#[model(crate = "gw", id = "@cf/test/rank")]
struct Rank {
    #[model(one_of = "input")]
    query: String,
    #[model(with = "query", each(length = 1..))]
    hints: Option<Vec<String>>,
    #[model(one_of = "input")]
    image: gw::model::Base64,
    #[model(nested, length = 1..)]
    contexts: Vec<PassageOrText>,
    #[model(output)]
    response: Vec<Passage>,
}

#[test]
fn objects_and_branches_under_a_renamed_crate() {
    let passage = Passage { text: "a".to_owned(), kind: Some(PassageKind::Quote) };
    let request =
        RankRequest::new(RankQuery::new("q").hints(vec!["h".to_owned()]), vec![PassageOrText::Passage(passage)]);
    assert_eq!(
        request.to_query().unwrap(),
        json!({"query": "q", "hints": ["h"], "contexts": [{"text": "a", "kind": "quote"}]})
    );
    let empty = PassageOrText::Passage(Passage { text: String::new(), kind: None });
    let request = RankRequest::new(RankInput::Image(gw::model::Base64::encode(b"x")), vec![empty]);
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        "invalid contexts[0].text: length must be at least 1, got 0"
    );
    let response: RankResponse = serde_json::from_value(json!({"response": [{"text": "b", "kind": "poem"}]})).unwrap();
    assert_eq!(response.response[0].kind, Some(PassageKind::Other));
    assert!(matches!(serde_json::from_value::<PassageOrText>(json!("t")).unwrap(), PassageOrText::Text(_)));
}

/// Log metadata.
#[derive(Debug, gw::Metadata)]
#[metadata(crate = "gw")]
struct Tags {
    user: u64,
    #[metadata(rename = "team")]
    team_name: String,
}

/// A custom provider, reached through the gateway as `/{gateway}/echo/...`.
#[derive(Debug, gw::Provider)]
#[provider(crate = "gw", slug = "echo", base_url = "https://echo.example.com/v1", auth = header("x-echo-key"))]
#[provider(header("x-echo-version", "2"))]
struct Echo {
    #[provider(credential)]
    key: gw::secrecy::SecretString,
}

/// A model served by the custom provider.
#[derive(Debug, gw::Model)]
#[model(crate = "gw", id = "echo-chat-1", provider = Echo, endpoint = "chat/send")]
struct EchoChat {
    #[model(one_of = "input")]
    text: String,
    #[model(one_of = "input")]
    lines: Vec<String>,
    #[model(default = 0.5, range = 0..=1)]
    temperature: f64,
    #[model(output)]
    reply: String,
    #[model(output, default)]
    tokens: u32,
}

/// A binary model: its response is a type alias to the renamed crate's `BinaryOutput`.
#[derive(Debug, gw::Model)]
#[model(crate = "gw", id = "@cf/test/draw", binary)]
struct Draw {
    prompt: String,
}

/// `crate = "my_alias"`: an alias in the declaring module.
mod aliased {
    use gw as my_alias;

    #[derive(Debug, my_alias::Model)]
    #[model(crate = "my_alias", id = "@cf/test/translate")]
    pub(crate) struct Translate {
        text: String,
        #[model(default = "en")]
        target_lang: String,
        #[model(output)]
        translated_text: String,
    }

    #[derive(Debug, my_alias::Metadata)]
    #[metadata(crate = "my_alias")]
    pub(crate) struct Labels {
        pub(crate) run: u32,
    }

    #[derive(Debug, my_alias::Provider)]
    #[provider(crate = "my_alias", slug = "aliased", base_url = "https://aliased.example.com", auth = none)]
    pub(crate) struct Aliased {}

    /// `crate = "super::my_alias"`: a parent module's (private) alias.
    pub(crate) mod nested {
        #[derive(Debug, super::my_alias::Model)]
        #[model(crate = "super::my_alias", id = "nested-1", provider = super::Aliased, endpoint = "nested")]
        pub(crate) struct Nested {
            n: u8,
            #[model(output)]
            ok: bool,
        }
    }
}

/// `crate = "crate::root_alias"`, `crate = "crate::reexport::inner"` and `crate = "::gw"`.
mod paths {
    #[derive(Debug, crate::root_alias::Model)]
    #[model(crate = "crate::root_alias", id = "@cf/test/root")]
    pub(crate) struct FromRoot {
        a: u8,
        #[model(output)]
        out: u8,
    }

    #[derive(Debug, crate::reexport::inner::Metadata)]
    #[metadata(crate = "crate::reexport::inner")]
    pub(crate) struct Reexported {
        pub(crate) b: bool,
    }

    #[derive(Debug, ::gw::Provider)]
    #[provider(crate = "::gw", slug = "absolute", base_url = "https://absolute.example.com", auth = bearer)]
    pub(crate) struct Absolute {
        #[provider(credential)]
        pub(crate) key: Option<::gw::secrecy::SecretString>,
    }

    #[derive(Debug, ::gw::Model)]
    #[model(crate = "::gw", id = "absolute-1", provider = Absolute, endpoint = "abs")]
    pub(crate) struct AbsoluteModel {
        #[model(range = 0..=9)]
        c: u8,
        #[model(output)]
        out: u8,
    }
}

fn ai(server: &MockServer) -> Ai {
    Ai::new(
        Config::new("acc")
            .with_api_token("t")
            .with_api_base_url(&format!("{}/client/v4", server.uri()))
            .with_gateway_base_url(&format!("{}/v1", server.uri())),
    )
    .unwrap()
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).map(|v| v.to_str().unwrap())
}

/// Header names of a request, sorted, without the ones the HTTP client adds.
fn header_names(request: &Request) -> Vec<&str> {
    let mut names: Vec<&str> = request
        .headers
        .keys()
        .map(wiremock::http::HeaderName::as_str)
        .filter(|n| !["host", "accept", "content-length", "accept-encoding", "user-agent"].contains(n))
        .collect();
    names.sort_unstable();
    names
}

/// Answers one `POST route` with `answer`; checked when the server drops.
async fn answer_once(server: &MockServer, route: &str, answer: ResponseTemplate) {
    Mock::given(method("POST")).and(path(route)).respond_with(answer).expect(1).mount(server).await;
}

#[tokio::test]
async fn workers_ai_model_runs_directly() {
    let server = MockServer::start().await;
    answer_once(
        &server,
        "/client/v4/accounts/acc/ai/run/@cf/test/summarize",
        ResponseTemplate::new(200).set_body_json(json!({"result": {"summary": "Short.", "extra": 1}, "success": true})),
    )
    .await;

    let request = SummarizeRequest::new("A long text.").style(SummarizeStyle::Short);
    let result = ai(&server).run_model(&request, &RunOptions::new()).await.unwrap();
    assert_eq!(result.response.summary, "Short.");
    assert_eq!(result.log_id(), None);

    let sent = only_request(&server).await;
    // `max_length` keeps the model's default: not sent.
    assert_eq!(sent.body, br#"{"input_text":"A long text.","style":"short"}"#);
    assert_eq!(header(&sent, "authorization"), Some("Bearer t"));
    assert_eq!(header(&sent, "content-type"), Some("application/json"));
    assert_eq!(header_names(&sent), ["authorization", "content-type"]);
}

#[tokio::test]
async fn workers_ai_model_runs_through_a_gateway_with_derived_metadata() {
    let server = MockServer::start().await;
    answer_once(
        &server,
        "/v1/acc/gw1/workers-ai/@cf/test/summarize",
        ResponseTemplate::new(200)
            .insert_header("cf-aig-log-id", "log-1")
            .set_body_json(json!({"result": {"summary": "Via gateway."}, "success": true})),
    )
    .await;

    let tags = Tags { user: 7, team_name: "search".to_owned() };
    let options = RunOptions::new().gateway(GatewayOptions::new("gw1").metadata(&tags));
    // Every value is sent somewhere: an unsent one would warn as dead code (see `gateway-core/tests/gen.rs`, BUG (4)).
    let request = SummarizeRequest::new("Text.").max_length(10).style(SummarizeStyle::Long);
    let result = ai(&server).run_model(&request, &options).await.unwrap();
    assert_eq!(result.response.summary, "Via gateway.");
    assert_eq!(result.log_id(), Some("log-1"));

    let sent = only_request(&server).await;
    assert_eq!(sent.body, br#"{"input_text":"Text.","max_length":10,"style":"long"}"#);
    assert_eq!(header(&sent, "cf-aig-metadata"), Some(r#"{"user":7,"team":"search"}"#));
    assert_eq!(header(&sent, "authorization"), Some("Bearer t"));
    // No gateway token configured: the API token authenticates to the gateway too (issue 19).
    assert_eq!(header(&sent, "cf-aig-authorization"), Some("Bearer t"));
    assert_eq!(header_names(&sent), ["authorization", "cf-aig-authorization", "cf-aig-metadata", "content-type"]);
}

#[tokio::test]
async fn custom_provider_model_runs_through_a_gateway() {
    let server = MockServer::start().await;
    answer_once(
        &server,
        "/v1/acc/gw1/echo/chat/send",
        ResponseTemplate::new(200).set_body_json(json!({"reply": "pong", "ignored": [1]})),
    )
    .await;

    let echo = Echo { key: "echo-key".into() };
    let request = EchoChatRequest::new(EchoChatInput::Lines(vec!["ping".to_owned()])).temperature(0.25);
    let gateway = ai(&server).gateway("gw1");
    let result = GatewayExt::run_model(&gateway, &echo, &request, &UniversalOptions::new()).await.unwrap();
    assert_eq!(result.response.reply, "pong");
    assert_eq!(result.response.tokens, 0);

    let sent = only_request(&server).await;
    assert_eq!(sent.body, br#"{"model":"echo-chat-1","lines":["ping"],"temperature":0.25}"#);
    assert_eq!(header(&sent, "x-echo-key"), Some("echo-key"));
    assert_eq!(header(&sent, "x-echo-version"), Some("2"));
    assert_eq!(header(&sent, "content-type"), Some("application/json"));
    // The Cloudflare API token is no provider credential: it goes to the gateway
    // only, as `cf-aig-authorization` (no gateway token is configured), never as `authorization`.
    assert_eq!(header(&sent, "cf-aig-authorization"), Some("Bearer t"));
    assert_eq!(header_names(&sent), ["cf-aig-authorization", "content-type", "x-echo-key", "x-echo-version"]);
}

#[tokio::test]
async fn invalid_requests_are_not_sent() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(500)).expect(0).mount(&server).await;
    let ai = ai(&server);

    let err = ai.run_model(&SummarizeRequest::new(""), &RunOptions::new()).await.unwrap_err();
    assert_eq!(err.to_string(), "invalid input_text: length must be at least 1, got 0");

    let request = EchoChatRequest::new(EchoChatInput::Text("hi".to_owned())).temperature(2.0);
    let err = GatewayExt::run_model(&ai.gateway("gw1"), &Echo { key: "k".into() }, &request, &UniversalOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "invalid temperature: must be between 0 and 1, got 2");

    // A Workers AI run refuses a model of another provider.
    let err = ai.run_model(&request.clone().temperature(0.0), &RunOptions::new()).await.unwrap_err();
    assert!(err.to_string().starts_with("invalid provider: `echo-chat-1` is served by `echo`"), "{err}");
}

#[test]
fn every_path_form_expands_and_works() {
    use aliased::nested::{Nested, NestedRequest};
    use aliased::{Aliased, Labels, Translate, TranslateRequest, TranslateResponse};
    use gw::{Provider, ProviderKind, ToMetadata};
    use paths::{Absolute, AbsoluteModel, AbsoluteModelRequest, FromRoot, FromRootRequest, Reexported};

    // "my_alias"
    assert_eq!(Translate::ID, "@cf/test/translate");
    assert_eq!(TranslateRequest::new("hola").to_query().unwrap(), json!({"text": "hola"}));
    assert_eq!(
        TranslateRequest::new("hola").target_lang("fr").to_query().unwrap(),
        json!({"text": "hola", "target_lang": "fr"})
    );
    let response: TranslateResponse = serde_json::from_value(json!({"translated_text": "hello"})).unwrap();
    assert_eq!(response.translated_text, "hello");
    assert_eq!(Labels { run: 3 }.to_metadata().to_json(), r#"{"run":3}"#);
    assert_eq!(<Aliased as ProviderKind>::SLUG, "aliased");

    // "super::my_alias", with a provider type from the parent module.
    assert_eq!(Nested::provider().as_str(), "aliased");
    let step = NestedRequest::new(4_u8).to_step(&Aliased {}).unwrap();
    assert_eq!((step.provider.as_str(), step.endpoint.as_str()), ("aliased", "nested"));
    assert_eq!(step.query, json!({"model": "nested-1", "n": 4}));

    // "crate::root_alias", "crate::reexport::inner", "::gw"
    assert_eq!(FromRoot::endpoint(), "@cf/test/root");
    assert_eq!(FromRootRequest::new(1_u8).to_query().unwrap(), json!({"a": 1}));
    assert_eq!(gw::Metadata::from(&Reexported { b: true }).to_json(), r#"{"b":true}"#);
    let absolute = Absolute { key: Some("abs-key".into()) };
    assert_eq!(absolute.slug().as_str(), "absolute");
    assert_eq!(absolute.credential().map(gw::secrecy::ExposeSecret::expose_secret), Some("abs-key"));
    assert_eq!(AbsoluteModel::provider().as_str(), "absolute");
    let err = AbsoluteModelRequest::new(10_u8).validate().unwrap_err();
    assert_eq!(err.to_string(), "invalid c: must be between 0 and 9, got 10");

    // A binary model's response is the renamed crate's `BinaryOutput`.
    assert_eq!(std::any::TypeId::of::<DrawResponse>(), std::any::TypeId::of::<gw::BinaryOutput>());
    assert_eq!(DrawRequest::new("a cat").to_query().unwrap(), json!({"prompt": "a cat"}));
}
