//! `#[derive(Provider)]` with a header credential and fixed headers, used as
//! a model's `provider = Type`.

use gateway_core::secrecy::SecretString;
use gateway_core::{AuthScheme, Model, ModelRequest, Provider, ProviderKind, ProviderSlug, StepHeaderValue};

#[derive(Debug, Provider)]
#[provider(
    slug = "in-house",
    base_url = "https://llm.example.com/v1",
    auth = header("x-key"),
    header("x-version", "7"),
    header("x-team", "search"),
    crate = "gateway_core"
)]
pub struct InHouse {
    #[provider(credential)]
    key: SecretString,
}

/// Bearer auth (the default) and an optional credential.
#[derive(Debug, Provider)]
#[provider(slug = "local", base_url = "http://localhost:8080", auth = bearer)]
pub struct Local {
    #[provider(credential)]
    key: Option<SecretString>,
}

/// No credential at all.
#[derive(Debug, Provider)]
#[provider(slug = "byok", base_url = "https://byok.example.com", auth = none)]
pub struct Byok {}

#[derive(Debug, Model)]
#[model(id = "house-large", provider = InHouse, endpoint = "generate")]
pub struct HouseLarge {
    prompt: String,
    #[model(output)]
    text: String,
}

fn main() {
    assert_eq!(<InHouse as ProviderKind>::SLUG, "in-house");
    let provider = InHouse { key: SecretString::from("k") };
    assert_eq!(provider.slug(), ProviderSlug::Other("in-house".into()));
    assert_eq!(provider.base_url(), "https://llm.example.com/v1");
    assert_eq!(provider.auth_scheme(), AuthScheme::Header("x-key".into()));
    assert_eq!(
        provider.fixed_headers(),
        vec![("x-version".to_owned(), "7".to_owned()), ("x-team".to_owned(), "search".to_owned())]
    );

    let request = HouseLargeRequest::new("Hi");
    assert_eq!(request.to_query().unwrap(), gateway_core::serde_json::json!({"model": "house-large", "prompt": "Hi"}));
    assert_eq!(<HouseLarge as Model>::provider(), ProviderSlug::Other("in-house".into()));
    let step = request.to_step(&provider).unwrap();
    assert_eq!(step.endpoint, "generate");
    assert!(matches!(step.headers.get("x-key"), Some(StepHeaderValue::Secret(_))));
    assert!(matches!(step.headers.get("x-version"), Some(StepHeaderValue::String(v)) if v == "7"));

    // Another provider does not compile as a typed step (tests/ui/fail/fallback_provider_of_another_kind.rs);
    // an untyped step is refused when it is built.
    let local = Local { key: None };
    assert!(request.to_step_dyn(&local).is_err());
    assert!(request.to_step_dyn(&provider).is_ok());
    assert!(local.credential().is_none());
    assert_eq!(Local { key: Some("t".into()) }.request_headers()[0].0, "Authorization");
    assert!(Byok {}.credential().is_none());
    assert_eq!(Byok {}.auth_scheme(), AuthScheme::None);
}
