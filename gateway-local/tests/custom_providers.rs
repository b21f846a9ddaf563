//! A custom provider states its base URL in one place, its
//! `#[derive(Provider)]` attribute: an embedded gateway registered with it
//! (`LocalGateway::builder().provider(&p)`) forwards its requests there,
//! even offline, with no `[upstreams]` entry; an explicit upstream still
//! wins; a published provider at its table URL changes nothing.

use gateway_core::{Ai, BuiltinProvider, Gateway as _, Provider, ProviderSlug, UniversalOptions};
use gateway_local::{LocalConfig, LocalGateway};
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where [`InHouse`] lives: a fixed loopback port, since a derive's
/// `base_url` is a literal (the test binds it; another process on it fails
/// the test with a clear message).
const PORT: u16 = 47_321;

/// A custom provider whose base URL is the recording upstream's.
#[derive(Debug, Provider)]
#[provider(slug = "in-house", base_url = "http://127.0.0.1:47321/api/v1", auth = none)]
struct InHouse {}

/// A hand-written provider (the derive refuses such a URL at compile time).
#[derive(Debug)]
struct NoScheme;
impl Provider for NoScheme {
    fn slug(&self) -> ProviderSlug {
        ProviderSlug::Other("no-scheme".to_owned())
    }
    fn base_url(&self) -> &'static str {
        "ftp://files.example.com"
    }
    fn credential(&self) -> Option<&gateway_core::secrecy::SecretString> {
        None
    }
}

/// A recording upstream on [`PORT`], answering every POST.
async fn upstream_on_port() -> MockServer {
    let listener = std::net::TcpListener::bind(("127.0.0.1", PORT))
        .unwrap_or_else(|e| panic!("port {PORT} for the custom provider's base_url: {e}"));
    let server = MockServer::builder().listener(listener).start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"text": "in-house answer"})))
        .mount(&server)
        .await;
    server
}

async fn paths(server: &MockServer) -> Vec<String> {
    server.received_requests().await.unwrap_or_default().iter().map(|r| r.url.path().to_owned()).collect()
}

#[tokio::test]
async fn a_registered_custom_provider_is_forwarded_to_its_base_url() {
    let upstream = upstream_on_port().await;
    let provider = InHouse {};
    assert_eq!(provider.base_url(), format!("http://127.0.0.1:{PORT}/api/v1"));
    // Unregistered, the gateway does not know it.
    let unknown = LocalGateway::builder().offline(true).start().await.expect("start");
    let ai = Ai::new(unknown.client_config()).expect("a client");
    let error = ai
        .gateway("main")
        .provider_request(&provider, "generate", &json!({"q": 1}), &UniversalOptions::new())
        .await
        .expect_err("an unknown provider");
    assert!(error.to_string().contains("2006") || error.to_string().contains("unknown provider"), "{error}");

    let gateway = LocalGateway::builder().offline(true).provider(&provider).start().await.expect("start");
    assert_eq!(gateway.config().upstreams["in-house"], provider.base_url());
    let ai = Ai::new(gateway.client_config()).expect("a client");
    let main = ai.gateway("main");
    let native = main
        .provider_request(&provider, "generate", &json!({"q": 1}), &UniversalOptions::new())
        .await
        .expect("forwarded to the derive's base_url");
    assert_eq!(native.json::<Value>().expect("json")["text"], "in-house answer");
    let universal = main
        .run(vec![provider.step("generate/v2", json!({"q": 2}))].into(), &UniversalOptions::new())
        .await
        .expect("a universal step");
    assert_eq!(universal.json::<Value>().expect("json")["text"], "in-house answer");
    assert_eq!(paths(&upstream).await, ["/api/v1/generate", "/api/v1/generate/v2"]);
    // Published providers still go to the offline double.
    assert!(gateway.offline_upstream().expect("offline").requests_seen() == 0);
    let openai = BuiltinProvider::openai("sk-offline");
    let gateway = LocalGateway::builder().offline(true).provider(&openai).start().await.expect("start");
    assert!(gateway.config().upstreams.is_empty(), "{:?}", gateway.config().upstreams);
}

#[tokio::test]
async fn an_explicit_upstream_wins_and_a_bad_base_url_is_refused() {
    let other = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"text": "explicit"})))
        .mount(&other)
        .await;
    let config = LocalConfig::default().with_upstream("in-house", other.uri());
    let gateway = LocalGateway::builder().config(config).provider(&InHouse {}).start().await.expect("start");
    assert_eq!(gateway.config().upstreams["in-house"], other.uri());
    let error = LocalGateway::builder().provider(&NoScheme).start().await.expect_err("refused");
    assert!(error.to_string().contains("upstreams.no-scheme"), "{error}");
}
