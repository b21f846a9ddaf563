use gateway_core::Model;

#[derive(Model)]
#[model(id = 5)]
pub struct Llama {
    prompt: String,
    #[model(output)]
    response: String,
}

fn main() {}
