use gateway_core::Model;

#[derive(Model)]
#[model(stream = true, id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    prompt: String,
    #[model(output)]
    response: String,
}

fn main() {}
