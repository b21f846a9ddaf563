use gateway_core::{Model, ModelRequest};

// One mistake (an unknown key) gives one error: `new`, the builder methods,
// the enums and the `Model` impl are still there as stubs, so the code using
// them adds no error of its own.
#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(one_of = "input")]
    prompt: String,
    #[model(one_of = "input")]
    messages: Vec<String>,
    #[model(rnage = 0..=5)]
    temperature: Option<f64>,
    #[model(default = 256)]
    max_tokens: u32,
    #[model(values("fast", "careful"))]
    mode: Option<String>,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    let request = LlamaRequest::new(LlamaInput::Prompt("Hi".into()))
        .temperature(0.2)
        .max_tokens(64)
        .mode(LlamaMode::Fast);
    let _ = request.validate();
    let _ = <Llama as Model>::ID;
}
