use gateway_core::{Model, ModelRequest};

// One mistake (`each` on a string) gives one error: the variant structs of
// `with` fields, their `new` and builder methods are still there as stubs.
#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(one_of = "input", each(length = 1..))]
    prompt: String,
    #[model(with = "prompt")]
    raw: Option<bool>,
    #[model(one_of = "input")]
    messages: Vec<String>,
    #[model(with = "messages", values("auto", "none"))]
    tool_choice: String,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    let _ = LlamaRequest::new(LlamaPrompt::new("Hi").raw(true)).validate();
    let _ = LlamaRequest::new(LlamaInput::Messages(LlamaMessages::new(vec![], LlamaToolChoice::Auto)));
}
