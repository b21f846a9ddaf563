use gateway_core::Model;

// A string where a `values` enum is expected: the error names the variants.
#[derive(Debug, Model)]
#[model(id = "@cf/baai/bge-base-en-v1.5")]
pub struct Embed {
    text: Vec<String>,
    #[model(values("mean", "cls"))]
    pooling: Option<String>,
    #[model(output)]
    data: Vec<Vec<f32>>,
}

fn main() {
    let _ = EmbedRequest::new(vec!["a".to_owned()]).pooling("cls");
}
