use gateway_core::Model;

#[derive(Model)]
#[model(id = "gpt-4o-mini", provider = "openai", endpoint = "chat/completions")]
pub struct Gpt {
    messages: Vec<String>,
    #[model(rename = "model")]
    variant: Option<String>,
    #[model(output)]
    id: String,
}

fn main() {}
