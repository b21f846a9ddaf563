//! `#[derive(Object)]`: nested request objects with their own limits
//! (checked through `#[model(nested)]`, errors named by path), sent without
//! unset options, and decoded as outputs.

use gateway_core::{Model, ModelRequest, Object};

#[derive(Debug, Clone, Object)]
pub struct Message {
    #[model(length = 1..=16)]
    role: String,
    #[model(length = 1..)]
    content: String,
    #[model(nested)]
    tool_calls: Option<Vec<ToolCall>>,
}

#[derive(Debug, Clone, Object)]
pub struct ToolCall {
    #[model(rename = "function_name", length = 1..)]
    name: String,
    #[model(each(range = 0..=1))]
    weights: Option<Vec<f64>>,
}

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Chat {
    #[model(nested, length = 1..)]
    messages: Vec<Message>,
    #[model(nested)]
    pinned: Option<Message>,
    #[model(output, default)]
    tool_calls: Vec<ToolCall>,
}

fn main() {
    let hi = Message { role: "user".into(), content: "Hi".into(), tool_calls: None };
    let request = ChatRequest::new(vec![hi.clone()]);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({"messages": [{"role": "user", "content": "Hi"}]})
    );
    let call = ToolCall { name: String::new(), weights: None };
    let bad = Message { tool_calls: Some(vec![call]), ..hi.clone() };
    assert_eq!(
        ChatRequest::new(vec![hi.clone(), bad]).validate().unwrap_err().to_string(),
        "invalid messages[1].tool_calls[0].function_name: length must be at least 1, got 0"
    );
    let heavy = ToolCall { name: "f".into(), weights: Some(vec![0.5, 3.0]) };
    let pinned = Message { tool_calls: Some(vec![heavy]), ..hi.clone() };
    assert_eq!(
        ChatRequest::new(vec![hi]).pinned(pinned).validate().unwrap_err().to_string(),
        "invalid pinned.tool_calls[0].weights[1]: must be between 0 and 1, got 3"
    );
    let response: ChatResponse = gateway_core::serde_json::from_value(
        gateway_core::serde_json::json!({"tool_calls": [{"function_name": "search", "weights": [1]}]}),
    )
    .unwrap();
    assert_eq!(response.tool_calls[0].name, "search");
}
