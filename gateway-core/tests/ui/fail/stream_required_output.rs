use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8", stream)]
struct Llama {
    prompt: String,
    #[model(output)]
    response: String,
}

fn main() {}
