use gateway_core::Object;

// A nested object is not a model: it has no id.
#[derive(Debug, Clone, Object)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Message {
    role: String,
}

fn main() {}
