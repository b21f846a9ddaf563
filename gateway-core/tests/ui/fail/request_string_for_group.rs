use gateway_core::Model;

// `new` takes a member of the exclusive group, not a bare value: the error
// names the variants to write.
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
    let _ = LlamaRequest::new("Hi");
}
