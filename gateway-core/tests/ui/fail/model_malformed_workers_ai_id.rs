use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/llama")]
pub struct Llama {
    prompt: String,
    #[model(output)]
    response: String,
}

fn main() {}
