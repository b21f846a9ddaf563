use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/test/keyword")]
struct Keyword {
    #[model(values("self", "other"))]
    mode: String,
    #[model(one_of = "input")]
    text: String,
    #[model(one_of = "input")]
    self_: String,
    #[model(output)]
    ok: bool,
}

fn main() {}
