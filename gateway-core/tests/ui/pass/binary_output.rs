//! `binary`: the response is the raw bytes.

use gateway_core::{BinaryOutput, Model, ModelRequest};

#[derive(Debug, Model)]
#[model(id = "@cf/stabilityai/stable-diffusion-xl-base-1.0", binary)]
pub struct Sdxl {
    #[model(length = 1..)]
    prompt: String,
    #[model(range = 256..=2048)]
    height: Option<u32>,
}

fn main() {
    fn is_binary<M: Model<Response = BinaryOutput>>() {}
    is_binary::<Sdxl>();
    let request = SdxlRequest::new("a cat").height(512u32);
    assert_eq!(request.to_query().unwrap(), gateway_core::serde_json::json!({"prompt": "a cat", "height": 512}));
    assert_eq!(
        SdxlRequest::new("").validate().unwrap_err().to_string(),
        "invalid prompt: length must be at least 1, got 0"
    );
}
