//! A published provider slug with an endpoint: the id travels in the body as `model`.

use gateway_core::{Model, ModelRequest, ProviderSlug};

#[derive(Debug, Model)]
#[model(id = "gpt-4o-mini", provider = "openai", endpoint = "chat/completions")]
pub struct Gpt {
    #[model(length = 1..)]
    messages: Vec<gateway_core::serde_json::Value>,
    #[model(range = 0..=2)]
    temperature: Option<f64>,
    #[model(values("low", "medium", "high"))]
    reasoning_effort: Option<String>,
    #[model(output)]
    id: String,
    /// An output may be named `model`: only inputs share the body with the id.
    #[model(output, rename = "model")]
    answered_by: String,
}

fn main() {
    let request = GptRequest::new(vec![gateway_core::serde_json::json!({"role": "user", "content": "Hi"})])
        .reasoning_effort(GptReasoningEffort::Low);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({
            "model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": "Hi"}],
            "reasoning_effort": "low",
        })
    );
    assert_eq!(
        request.temperature(2.5).validate().unwrap_err().to_string(),
        "invalid temperature: must be between 0 and 2, got 2.5"
    );
    assert_eq!(<Gpt as Model>::provider(), ProviderSlug::Openai);
    assert_eq!(<Gpt as Model>::endpoint(), "chat/completions");
    assert!(<Gpt as Model>::MODEL_IN_BODY);
}
