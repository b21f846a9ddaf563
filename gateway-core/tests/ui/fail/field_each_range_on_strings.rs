use gateway_core::Model;

// `each(range)` needs numeric items.
#[derive(Debug, Model)]
#[model(id = "@cf/baai/bge-m3")]
pub struct Embed {
    #[model(each(range = 0..=1))]
    text: Vec<String>,
    #[model(output)]
    data: Vec<Vec<f32>>,
}

fn main() {}
