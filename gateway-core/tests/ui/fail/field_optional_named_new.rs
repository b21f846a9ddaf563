use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/test/fresh")]
struct Fresh {
    new: Option<bool>,
    #[model(output)]
    ok: bool,
}

fn main() {}
