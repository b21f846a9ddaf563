use gateway_core::Model;

#[derive(Debug)]
pub struct NotAProvider;

#[derive(Model)]
#[model(id = "house-large", provider = NotAProvider, endpoint = "generate")]
pub struct HouseLarge {
    prompt: String,
    #[model(output)]
    text: String,
}

fn main() {}
