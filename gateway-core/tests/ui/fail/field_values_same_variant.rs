use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/baai/bge-base-en-v1.5")]
pub struct Bge {
    text: Vec<String>,
    #[model(values("mean-pool", "mean_pool"))]
    pooling: Option<String>,
    #[model(output)]
    data: Vec<Vec<f32>>,
}

fn main() {}
