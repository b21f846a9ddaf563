use gateway_core::Object;

// A string enum has unit variants only.
#[derive(Debug, Clone, Object)]
pub enum Content {
    Text(String),
    Image,
}

fn main() {}
