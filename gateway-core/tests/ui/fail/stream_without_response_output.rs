use gateway_core::Model;

// Embeddings come back whole: there is no `response` text to stream.
#[derive(Debug, Model)]
#[model(id = "@cf/baai/bge-base-en-v1.5", stream)]
struct Embeddings {
    text: Vec<String>,
    #[model(output)]
    data: Option<Vec<Vec<f32>>>,
}

fn main() {}
