use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    prompt: String,
    max_tokens: Option<u32>,
    #[model(rename = "max_tokens")]
    limit: Option<u32>,
    #[model(output)]
    response: String,
}

fn main() {}
