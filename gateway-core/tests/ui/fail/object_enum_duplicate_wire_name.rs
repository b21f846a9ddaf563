use gateway_core::Object;

// Each variant is its own string on the wire.
#[derive(Debug, Clone, Object)]
pub enum Role {
    User,
    #[model(rename = "user")]
    Human,
}

fn main() {}
