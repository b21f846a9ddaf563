use gateway_core::Metadata;

pub struct User {
    pub id: String,
}

#[derive(Metadata)]
pub struct Tags {
    user: User,
    attempt: u32,
}

fn main() {}
