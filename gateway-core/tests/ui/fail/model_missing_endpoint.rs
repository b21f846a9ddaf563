use gateway_core::Model;

#[derive(Model)]
#[model(id = "gpt-4o-mini", provider = "openai")]
pub struct Gpt {
    prompt: String,
    #[model(output)]
    id: String,
}

fn main() {}
