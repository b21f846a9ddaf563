use gateway_core::Model;

// A `one_of` group takes exactly one of its members, whichever way a request
// is built.
#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(one_of = "input")]
    prompt: String,
    #[model(one_of = "input")]
    messages: Vec<String>,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    // The group enum is the only way in: there is no setter for a second member.
    let _ = LlamaRequest::new(LlamaInput::Prompt("Hi".into())).messages(vec!["Hi".to_owned()]);
    // And each of its variants holds one member's value.
    let _ = LlamaRequest::new(LlamaInput::Prompt("Hi".into(), vec!["Hi".to_owned()]));
}
