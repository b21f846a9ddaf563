use gateway_core::Provider;
use gateway_core::secrecy::SecretString;

#[derive(Debug, Provider)]
#[provider(slug = "in-house", base_url = "llm.example.com/v1")]
pub struct InHouse {
    #[provider(credential)]
    key: SecretString,
}

fn main() {}
