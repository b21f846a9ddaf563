use gateway_core::Model;

#[derive(Model)]
#[model(provider = "openai", endpoint = "chat/completions")]
pub struct Chat {
    prompt: String,
    #[model(output)]
    id: String,
}

fn main() {}
