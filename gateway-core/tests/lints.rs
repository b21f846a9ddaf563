//! Derived code is lint-clean in a strict user crate: the four derives on
//! public, documented declarations, with every lint below denied. Each derive
//! is used with all its features, so every generated item is compiled and
//! linted here (rustc and `cargo clippy --all-targets`).
//!
//! Lints left out, and why:
//! - `clippy::cargo` checks the `Cargo.toml` metadata of every workspace
//!   package, not code: nothing generated can trip or fix it.
//! - `clippy::nursery` is lints still in development (false positives are
//!   expected), and `clippy::restriction` contradicts itself by design.
//! - `variant_size_differences` judges the user's field types, which an
//!   exclusive group's enum merely holds.
//!
//! `unsafe_code` is already `forbid` workspace-wide; it is repeated so this
//! list reads as the one a downstream crate would write.

#![deny(
    missing_docs,
    missing_debug_implementations,
    missing_copy_implementations,
    unreachable_pub,
    unused_qualifications,
    unused_results,
    rust_2018_idioms,
    unsafe_code,
    trivial_casts,
    trivial_numeric_casts,
    unused_extern_crates,
    unused_import_braces,
    unused_lifetimes,
    single_use_lifetimes,
    redundant_lifetimes,
    let_underscore_drop,
    unnameable_types,
    clippy::all,
    clippy::pedantic
)]

use std::any::TypeId;

use gateway_core::secrecy::{ExposeSecret, SecretString};
use gateway_core::{BinaryOutput, Metadata, Model, ModelRequest, Provider, ProviderKind, ToMetadata};
use serde_json::json;

/// A chat model: every field feature.
#[derive(Debug, Model)]
#[model(id = "@cf/test/chat")]
pub struct Chat {
    /// The prompt.
    #[model(one_of = "input", length = 1..=100)]
    prompt: String,
    /// The conversation.
    #[model(one_of = "input", length = 1..)]
    messages: Vec<String>,
    /// Speed.
    #[model(values("fast", "careful"))]
    mode: Option<String>,
    /// Effort.
    #[model(values("low", "high"), default = "low")]
    effort: String,
    /// Randomness.
    #[model(default = 0.6, range = 0..=5)]
    temperature: f64,
    /// Most tokens.
    #[model(rename = "max_tokens", range = 1..)]
    limit: Option<u32>,
    /// Stop words.
    #[model(length = ..=4)]
    stop: Option<Vec<String>>,
    /// Skip the chat template.
    #[model(default = false)]
    raw: bool,
    /// The answer.
    #[model(output)]
    response: Option<String>,
    /// Tool calls.
    #[model(output, default)]
    tool_calls: Vec<String>,
    /// Tokens used.
    #[model(output, rename = "usage")]
    tokens: Option<u64>,
}

/// A model served by [`Echo`], whose answer is a bare list.
#[derive(Debug, Model)]
#[model(id = "echo-1", provider = Echo, endpoint = "v1/echo")]
pub struct EchoList {
    /// How many.
    #[model(range = 1..=10)]
    count: u8,
    /// The echoes.
    #[model(output, transparent)]
    echoes: Vec<u32>,
}

/// An image model.
#[derive(Debug, Model)]
#[model(id = "@cf/test/image", binary)]
pub struct Image {
    /// What to draw.
    prompt: String,
}

/// Log metadata.
#[derive(Debug, Metadata)]
pub struct Tags {
    /// The user.
    pub user: u64,
    /// The team.
    #[metadata(rename = "team-name")]
    pub team: String,
    /// A score, if any.
    pub score: Option<f64>,
}

/// A custom provider.
#[derive(Debug, Provider)]
#[provider(slug = "echo", base_url = "https://echo.example.com", auth = header("x-echo-key"))]
#[provider(header("x-echo-version", "2"))]
pub struct Echo {
    /// Its key.
    #[provider(credential)]
    pub key: SecretString,
}

/// A custom provider without a credential.
#[derive(Debug, Clone, Copy, Provider)]
#[provider(slug = "open", base_url = "https://open.example.com", auth = none)]
pub struct Open {}

/// A public declaration whose private fields are undocumented: the generated
/// public fields get documentation of their own.
#[derive(Debug, Clone, Copy, Model)]
#[model(id = "@cf/test/bare")]
pub struct Bare {
    limit: Option<u32>,
    #[model(default = 1)]
    count: u32,
    #[model(output)]
    out: u8,
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
pub enum Role {
    /// The user.
    User,
    /// The model.
    Assistant,
    /// Anything else.
    #[model(other)]
    Other,
}

/// One message of a conversation.
#[derive(Debug, Clone, gateway_core::Object)]
pub struct Message {
    /// Who wrote it.
    pub role: Role,
    /// What it says.
    #[model(length = 1..)]
    pub content: String,
    /// How much each part counts.
    #[model(each(range = 0..=1))]
    pub weights: Option<Vec<f64>>,
}

/// A model whose branches have fields of their own, with nested objects.
#[derive(Debug, Model)]
#[model(id = "@cf/test/branches")]
pub struct Branches {
    /// One text or many.
    #[model(one_of = "input", length = 1..=4, each(length = 1..))]
    text: gateway_core::model::OneOrMany<String>,
    /// Only with `text`.
    #[model(with = "text")]
    truncate: Option<bool>,
    /// A conversation.
    #[model(one_of = "input", nested)]
    messages: Vec<Message>,
    /// Only with `messages`, required there.
    #[model(with = "messages", values("auto", "none"))]
    tool_choice: String,
    /// An image, as base64.
    #[model(output)]
    image: Option<gateway_core::model::Base64>,
}

#[test]
fn branches_and_objects_under_strict_lints() {
    let request = BranchesRequest::new(BranchesText::new(["a", "b"]).truncate(true));
    assert_eq!(request.to_query().unwrap(), json!({"text": ["a", "b"], "truncate": true}));
    let message = Message { role: Role::User, content: String::new(), weights: None };
    let request = BranchesRequest::new(BranchesMessages::new(vec![message], BranchesToolChoice::Auto));
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        "invalid messages[0].content: length must be at least 1, got 0"
    );
    assert_eq!(Role::Assistant.as_str(), "assistant");
}

#[test]
fn undocumented_declaration_fields_need_no_docs() {
    let request = BareRequest::new().limit(2);
    assert_eq!(request.to_query().unwrap(), json!({"limit": 2}));
    assert_eq!(BareRequest::new().count(1).to_query().unwrap(), json!({"count": 1}));
    let response: BareResponse = serde_json::from_value(json!({"out": 3})).unwrap();
    assert_eq!(response.out, 3);
}

#[test]
fn model_api_under_strict_lints() {
    let request = ChatRequest::new(ChatInput::Prompt("Hi".to_owned())).mode(ChatMode::Fast).limit(8);
    assert_eq!(request.to_query().unwrap().to_string(), r#"{"prompt":"Hi","mode":"fast","max_tokens":8}"#);
    let request = ChatRequest::new(ChatInput::Messages(vec!["Hi".to_owned()]))
        .mode(ChatMode::Careful)
        .effort(ChatEffort::High)
        .temperature(1.5)
        .stop(vec!["x".to_owned()])
        .raw(true);
    assert_eq!(
        request.to_query().unwrap().to_string(),
        r#"{"messages":["Hi"],"mode":"careful","effort":"high","temperature":1.5,"stop":["x"],"raw":true}"#
    );
    assert_eq!((ChatMode::Fast.as_str(), ChatEffort::Low.as_str()), ("fast", "low"));
    let err = request.limit(0_u32).validate().unwrap_err();
    assert_eq!(err.to_string(), "invalid max_tokens: must be at least 1, got 0");

    let response: ChatResponse = serde_json::from_value(json!({"response": "Hello", "usage": 3})).unwrap();
    assert_eq!(response.response.as_deref(), Some("Hello"));
    assert_eq!(response.tokens, Some(3));
    assert!(response.tool_calls.is_empty());
    assert_eq!((Chat::ID, Chat::endpoint()), ("@cf/test/chat", "@cf/test/chat"));

    assert_eq!(ImageRequest::new("a cat").to_query().unwrap(), json!({"prompt": "a cat"}));
    assert_eq!(TypeId::of::<ImageResponse>(), TypeId::of::<BinaryOutput>());
    assert_eq!(Image::ID, "@cf/test/image");
}

#[test]
fn provider_and_metadata_api_under_strict_lints() {
    let echo = Echo { key: "k".into() };
    let step = EchoListRequest::new(2_u8).to_step(&echo).unwrap();
    assert_eq!(step.query, json!({"model": "echo-1", "count": 2}));
    assert_eq!(<Echo as ProviderKind>::SLUG, echo.slug().as_str());
    assert_eq!(EchoList::provider().as_str(), "echo");
    assert_eq!(echo.credential().map(ExposeSecret::expose_secret), Some("k"));
    assert_eq!(echo.fixed_headers(), [("x-echo-version".to_owned(), "2".to_owned())]);
    let echoes: EchoListResponse = serde_json::from_value(json!([4, 5])).unwrap();
    assert_eq!(echoes.echoes, [4, 5]);
    assert!(EchoListRequest::new(2_u8).to_step_dyn(&Open {}).is_err());
    assert!(Open {}.credential().is_none());

    let tags = Tags { user: 1, team: "AI".to_owned(), score: None };
    assert_eq!(tags.to_metadata().to_json(), r#"{"user":1,"team-name":"AI"}"#, "`score: None` is left out");
    assert_eq!(Metadata::from(&tags), Metadata::from(tags));
}
