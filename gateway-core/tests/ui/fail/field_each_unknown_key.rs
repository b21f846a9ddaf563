use gateway_core::Model;

// `each(...)` takes `range` and `length` only.
#[derive(Debug, Model)]
#[model(id = "@cf/baai/bge-m3")]
pub struct Embed {
    #[model(each(values("a")))]
    text: Vec<String>,
    #[model(output)]
    data: Vec<Vec<f32>>,
}

fn main() {}
