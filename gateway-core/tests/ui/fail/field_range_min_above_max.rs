use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    prompt: String,
    #[model(range = 10..=1)]
    top_k: Option<u32>,
    #[model(output)]
    response: String,
}

fn main() {}
