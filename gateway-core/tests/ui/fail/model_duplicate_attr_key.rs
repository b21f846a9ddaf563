use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8", id = "@cf/meta/llama-3.2-1b-instruct")]
pub struct Llama {
    prompt: String,
    #[model(output)]
    response: String,
}

fn main() {}
