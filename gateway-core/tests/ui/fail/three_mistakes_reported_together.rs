use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(range = 1..=10)]
    prompt: String,
    #[model(default = "hot")]
    temperature: f64,
    #[model(one_of = "input")]
    messages: Vec<String>,
    #[model(output)]
    response: Option<String>,
}

// The generated types still exist (as stubs), so naming them adds no error.
fn main() {
    let _: Option<LlamaRequest> = None;
    let _: Option<LlamaResponse> = None;
    let _: Option<LlamaInput> = None;
}
