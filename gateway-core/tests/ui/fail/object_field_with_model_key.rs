use gateway_core::Object;

// A nested object has no exclusive groups: `one_of` shapes a model's request.
#[derive(Debug, Clone, Object)]
pub struct Message {
    #[model(one_of = "content")]
    text: String,
    role: String,
}

fn main() {}
