//! Typed fallback steps take a provider of the model's own kind: built-in
//! (`BuiltinProvider::workers_ai`, `openai`, `of::<kind::...>()`) and custom
//! (`#[derive(Provider)]`, named in the model's `provider = Type`).

use gateway_core::models::anthropic::ClaudeSonnet45Request;
use gateway_core::models::openai::Gpt4oMiniRequest;
use gateway_core::models::workers_ai::{ChatMessage, Llama31InstructInput, Llama31InstructRequest};
use gateway_core::secrecy::SecretString;
use gateway_core::{BuiltinProvider, Fallback, Model, ModelRequest, Provider, kind};

#[derive(Debug, Provider)]
#[provider(slug = "in-house", base_url = "https://llm.example.com/v1", auth = header("x-key"))]
pub struct InHouse {
    #[provider(credential)]
    key: SecretString,
}

#[derive(Debug, Model)]
#[model(id = "house-large", provider = InHouse, endpoint = "generate")]
pub struct HouseLarge {
    prompt: String,
    #[model(output)]
    text: String,
}

fn main() {
    let llama = Llama31InstructRequest::new(Llama31InstructInput::Prompt("Hi".into()));
    let gpt = Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi")]);
    let claude = ClaudeSonnet45Request::new(64_u32, vec![ChatMessage::user("Hi")]);
    let house = HouseLargeRequest::new("Hi");
    let in_house = InHouse { key: SecretString::from("k") };

    let fallback = Fallback::new()
        .then(&BuiltinProvider::workers_ai("cf"), &llama)
        .unwrap()
        .then(&BuiltinProvider::openai("sk"), &gpt)
        .unwrap()
        .then(&BuiltinProvider::of::<kind::Anthropic>().with_api_key("sk-ant"), &claude)
        .unwrap()
        .then(&in_house, &house)
        .unwrap();
    assert_eq!(fallback.models().len(), 4);

    let step = house.to_step(&in_house).unwrap();
    assert_eq!((step.provider.as_str(), step.endpoint.as_str()), ("in-house", "generate"));
    // A typed provider still serves untyped steps and lists of mixed kinds.
    let providers: Vec<BuiltinProvider> =
        vec![BuiltinProvider::openai("sk").untyped(), BuiltinProvider::workers_ai("cf").untyped()];
    assert!(gpt.to_step_dyn(&providers[0]).is_ok());
    assert!(llama.to_step_dyn(&providers[0]).is_err());
}
