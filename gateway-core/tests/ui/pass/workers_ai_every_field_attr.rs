//! A Workers AI model using every field attribute of an input.

use gateway_core::{Model, ModelRequest};

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8", crate = "gateway_core")]
pub struct Llama {
    /// A group of two.
    #[model(one_of = "input", length = 1..=131_072)]
    prompt: String,
    #[model(one_of = "input", length = 1..)]
    messages: Vec<String>,
    /// A group of three.
    #[model(one_of = "source")]
    text: String,
    #[model(one_of = "source", rename = "image_url")]
    image: String,
    #[model(one_of = "source", length = ..=4)]
    audio: Vec<u8>,
    /// Integer default, lower bound only.
    #[model(default = 256, range = 1..)]
    max_tokens: u32,
    /// Float default, both bounds.
    #[model(default = 0.6, range = 0..=5)]
    temperature: f64,
    /// Integer default on a float field, negative bounds.
    #[model(default = 0, range = -2..=2)]
    presence_penalty: f64,
    /// Negative float default, upper bound only.
    #[model(default = -1.5, range = ..=10.5)]
    bias: f32,
    /// String default, with a length.
    #[model(default = "en", length = 2..=16)]
    lang: String,
    /// Boolean default.
    #[model(default = true)]
    stream: bool,
    /// Values with a default.
    #[model(values("fast", "careful"), default = "careful")]
    mode: String,
    /// Optional values, renamed.
    #[model(values("mean", "cls"), rename = "pooling_method")]
    pooling: Option<String>,
    /// Optional, renamed, bounded.
    #[model(rename = "top_k", range = 1..=50)]
    k: Option<u32>,
    #[model(output)]
    response: Option<String>,
    #[model(output, default)]
    tool_calls: Vec<String>,
    #[model(output, rename = "usage")]
    tokens: Option<gateway_core::serde_json::Value>,
}

fn main() {
    let request = LlamaRequest::new(LlamaInput::Prompt("Hi".into()), LlamaSource::Image("https://x/y.png".into()))
        .k(5)
        .max_tokens(64)
        .pooling(LlamaPooling::Cls);
    // Defaults are the model's own: only what is set is sent.
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({
            "prompt": "Hi",
            "image_url": "https://x/y.png",
            "max_tokens": 64,
            "pooling_method": "cls",
            "top_k": 5,
        })
    );

    let err = LlamaRequest::new(LlamaInput::Messages(vec![]), LlamaSource::Audio(vec![1, 2, 3, 4, 5]))
        .validate()
        .unwrap_err();
    assert_eq!(err.to_string(), "invalid messages: length must be at least 1, got 0");

    let request = LlamaRequest::new(LlamaInput::Prompt("Hi".into()), LlamaSource::Text("t".into()))
        .presence_penalty(-3)
        .mode(LlamaMode::Fast);
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        "invalid presence_penalty: must be between -2 and 2, got -3"
    );
    assert!(request.clone().presence_penalty(-2).bias(10.5f32).k(50).validate().is_ok());
    assert_eq!(
        request.presence_penalty(-2).bias(11f32).validate().unwrap_err().to_string(),
        "invalid bias: must be at most 10.5, got 11"
    );

    assert_eq!(<Llama as Model>::ID, "@cf/meta/llama-3.1-8b-instruct-fp8");
    assert_eq!(<Llama as Model>::endpoint(), "@cf/meta/llama-3.1-8b-instruct-fp8");
    assert_eq!(<Llama as Model>::provider(), gateway_core::ProviderSlug::WorkersAi);
    assert!(!<Llama as Model>::MODEL_IN_BODY);

    let response: LlamaResponse = gateway_core::serde_json::from_value(gateway_core::serde_json::json!({
        "response": "Hello",
        "usage": {"total_tokens": 3},
        "extra": 1,
    }))
    .unwrap();
    assert_eq!(response.response.as_deref(), Some("Hello"));
    assert!(response.tool_calls.is_empty());
    assert!(response.tokens.is_some());
}
