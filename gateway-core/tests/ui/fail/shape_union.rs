use gateway_core::Metadata;

#[derive(Metadata)]
pub union Tags {
    attempt: u32,
    score: f32,
}

fn main() {}
