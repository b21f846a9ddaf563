use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    #[model(one_of = "input")]
    prompt: String,
    #[model(one_of = input)]
    messages: Vec<String>,
    #[model(output)]
    response: String,
}

fn main() {}
