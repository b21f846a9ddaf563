//! Builder methods and `new` take plain literals: an integer field infers
//! its own type (`.max_tokens(64)`), a float field takes an integer literal.

use gateway_core::{Model, ModelRequest};

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama {
    prompt: String,
    seed: u64,
    #[model(default = 256, range = 1..)]
    max_tokens: u32,
    #[model(range = 1..=50)]
    top_k: Option<u8>,
    #[model(default = 0.6, range = 0..=5)]
    temperature: f64,
    raw: Option<bool>,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    let request = LlamaRequest::new("Hi", 7).max_tokens(64).top_k(5).temperature(1).raw(true);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({
            "prompt": "Hi", "seed": 7, "max_tokens": 64, "top_k": 5, "temperature": 1, "raw": true,
        })
    );
    // Not set: the model's defaults apply, nothing is sent for them.
    assert_eq!(
        LlamaRequest::new("Hi", 7).to_query().unwrap(),
        gateway_core::serde_json::json!({"prompt": "Hi", "seed": 7})
    );
}
