use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    prompt: String,
    #[model(values("1", "2"))]
    top_k: Option<u32>,
    #[model(output)]
    response: String,
}

fn main() {}
