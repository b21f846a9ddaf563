use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    prompt: String,
    #[model(default = 0.6, range = 0..=5)]
    temperature: f64,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    let _ = LlamaRequest::new("Hi").temperature("hot");
}
