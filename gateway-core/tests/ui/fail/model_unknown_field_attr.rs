use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(minimum = 1)]
    max_tokens: u32,
    #[model(output)]
    response: String,
}

fn main() {}
