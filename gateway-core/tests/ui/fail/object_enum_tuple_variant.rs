use gateway_core::Object;

// An `Object` enum is all unit variants or all one-value variants, not a mix.
#[derive(Debug, Clone, Object)]
pub enum Content {
    Text(String),
    Image,
}

fn main() {}
