use gateway_core::Metadata;

#[derive(Metadata)]
pub struct Tags {
    #[metadata(name = "user_id")]
    user: String,
}

fn main() {}
