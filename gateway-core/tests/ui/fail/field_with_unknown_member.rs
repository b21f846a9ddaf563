use gateway_core::Model;

// `with` names a member of an exclusive group.
#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(one_of = "input")]
    prompt: String,
    #[model(with = "promt")]
    raw: Option<bool>,
    #[model(one_of = "input")]
    messages: Vec<String>,
    #[model(with = "temperature")]
    tools: Option<Vec<String>>,
    temperature: Option<f64>,
    #[model(output)]
    response: Option<String>,
}

fn main() {}
