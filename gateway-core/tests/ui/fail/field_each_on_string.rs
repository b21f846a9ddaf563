use gateway_core::Model;

// `each` limits the items of a list; a string has none.
#[derive(Debug, Model)]
#[model(id = "@cf/baai/bge-m3")]
pub struct Embed {
    #[model(each(length = 1..))]
    text: String,
    #[model(output)]
    data: Vec<Vec<f32>>,
}

fn main() {}
