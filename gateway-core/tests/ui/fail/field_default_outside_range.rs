use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    prompt: String,
    #[model(default = 7.5, range = 0..=5)]
    temperature: f64,
    #[model(output)]
    response: String,
}

fn main() {}
