use gateway_core::Provider;

#[derive(Debug, Provider)]
#[provider(slug = "in-house", base_url = "https://llm.example.com/v1")]
pub struct InHouse {
    #[provider(credential)]
    key: String,
}

fn main() {}
