use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/test/keyword")]
struct Keyword {
    #[model(one_of = "type")]
    text: String,
    #[model(one_of = "type")]
    image: Vec<u8>,
    #[model(output)]
    ok: bool,
}

fn main() {}
