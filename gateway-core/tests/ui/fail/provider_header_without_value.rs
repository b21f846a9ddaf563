use gateway_core::Provider;
use gateway_core::secrecy::SecretString;

#[derive(Debug, Provider)]
#[provider(slug = "in-house", base_url = "https://llm.example.com/v1", header("x-version"))]
pub struct InHouse {
    #[provider(credential)]
    key: SecretString,
}

fn main() {}
