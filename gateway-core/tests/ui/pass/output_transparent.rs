//! `output, transparent`: the answer is a bare list.

use gateway_core::serde_json::json;
use gateway_core::{Model, ModelRequest};

#[derive(Debug, Clone, gateway_core::__private::serde::Deserialize)]
#[serde(crate = "gateway_core::__private::serde")]
pub struct LabelScore {
    pub label: String,
    pub score: f64,
}

#[derive(Debug, Model)]
#[model(id = "@cf/huggingface/distilbert-sst-2-int8")]
pub struct Sentiment {
    #[model(length = 1..)]
    text: String,
    #[model(output, transparent)]
    labels: Vec<LabelScore>,
}

fn main() {
    let request = SentimentRequest::new("great");
    assert_eq!(request.to_query().unwrap(), json!({"text": "great"}));
    let response: SentimentResponse =
        gateway_core::serde_json::from_value(json!([{"label": "POSITIVE", "score": 0.99}])).unwrap();
    assert_eq!(response.labels[0].label, "POSITIVE");
}
