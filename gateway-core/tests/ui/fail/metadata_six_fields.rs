use gateway_core::Metadata;

#[derive(Metadata)]
pub struct Tags {
    user: String,
    team: String,
    region: String,
    plan: String,
    attempt: u32,
    beta: bool,
}

fn main() {}
