use gateway_core::Model;

// `tools` is sent only with `messages`: it cannot be set with a prompt, nor
// on the request itself.
#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(one_of = "input")]
    prompt: String,
    #[model(with = "prompt")]
    raw: Option<bool>,
    #[model(one_of = "input")]
    messages: Vec<String>,
    #[model(with = "messages")]
    tools: Option<Vec<String>>,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    let _ = LlamaRequest::new(LlamaPrompt::new("Hi").tools(vec!["search".to_owned()]));
    let _ = LlamaRequest::new(LlamaPrompt::new("Hi")).raw(true);
}
