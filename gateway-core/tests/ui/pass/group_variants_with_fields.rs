//! Fields sent only with one member of an exclusive group (`with`): the
//! member's variant holds a struct of it and its fields, so `raw`/`lora`
//! are set only with a prompt and `tools` only with messages.

use gateway_core::{Model, ModelRequest};

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(one_of = "input", length = 1..=16)]
    prompt: String,
    /// Skip the chat template.
    #[model(with = "prompt")]
    raw: Option<bool>,
    #[model(with = "prompt", default = "none")]
    lora: String,
    #[model(one_of = "input", length = 1..)]
    messages: Vec<String>,
    #[model(with = "messages", length = ..=2)]
    tools: Option<Vec<String>>,
    /// Required with `messages`: a parameter of `LlamaMessages::new`.
    #[model(with = "messages", values("auto", "none"))]
    tool_choice: String,
    #[model(default = 256, range = 1..)]
    max_tokens: u32,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    let request = LlamaRequest::new(LlamaPrompt::new("Hi").raw(true).lora("x")).max_tokens(64);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({"prompt": "Hi", "raw": true, "lora": "x", "max_tokens": 64})
    );
    let request = LlamaRequest::new(LlamaInput::Prompt(LlamaPrompt::new("Hi")));
    assert_eq!(request.to_query().unwrap(), gateway_core::serde_json::json!({"prompt": "Hi"}));

    let chat = LlamaMessages::new(vec!["Hi".to_owned()], LlamaToolChoice::Auto).tools(vec!["search".to_owned()]);
    let request = LlamaRequest::new(chat);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({"messages": ["Hi"], "tools": ["search"], "tool_choice": "auto"})
    );
    let LlamaInput::Messages(messages) = &request.input else { panic!("messages") };
    assert_eq!(messages.tools.as_deref(), Some(&["search".to_owned()][..]));

    // The limits of a variant's fields are checked with the rest.
    let too_many = LlamaMessages::new(vec!["Hi".to_owned()], LlamaToolChoice::None).tools(vec!["a".into(), "b".into(), "c".into()]);
    assert_eq!(
        LlamaRequest::new(too_many).validate().unwrap_err().to_string(),
        "invalid tools: length must be at most 2, got 3"
    );
    assert_eq!(
        LlamaRequest::new(LlamaPrompt::new("")).validate().unwrap_err().to_string(),
        "invalid prompt: length must be between 1 and 16, got 0"
    );
}
