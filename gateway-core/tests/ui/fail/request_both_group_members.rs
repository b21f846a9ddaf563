use gateway_core::Model;

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
    let _ = LlamaRequest::new(LlamaInput::Prompt("Hi".into())).messages(vec!["Hi".to_owned()]);
}
