use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/huggingface/distilbert-sst-2-int8")]
pub struct Sentiment {
    text: String,
    #[model(output, transparent)]
    labels: Vec<String>,
    #[model(output)]
    scores: Vec<f64>,
}

fn main() {}
