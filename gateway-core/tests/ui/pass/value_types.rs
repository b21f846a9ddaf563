//! `OneOrMany` (a string or a list of strings), `each(...)` limits on list
//! items, and `Base64` outputs that decode.

use gateway_core::model::{Base64, OneOrMany};
use gateway_core::{Model, ModelRequest};

#[derive(Debug, Model)]
#[model(id = "@cf/baai/bge-m3")]
pub struct Embed {
    #[model(length = 1..=100, each(length = 1..=8))]
    text: OneOrMany<String>,
    #[model(each(range = 0..=1))]
    weights: Option<Vec<f64>>,
    #[model(each(length = 1..))]
    contexts: Option<Vec<String>>,
    #[model(output)]
    data: Vec<Vec<f32>>,
    #[model(output)]
    image: Option<Base64>,
}

fn main() {
    let request = EmbedRequest::new("hello").weights(vec![0.5, 1.0]);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({"text": "hello", "weights": [0.5, 1]})
    );
    assert_eq!(EmbedRequest::new(["a", "b"]).to_query().unwrap()["text"], gateway_core::serde_json::json!(["a", "b"]));
    assert_eq!(
        EmbedRequest::new("far too long").validate().unwrap_err().to_string(),
        "invalid text: length must be between 1 and 8, got 12"
    );
    assert_eq!(
        EmbedRequest::new(vec!["ok", ""]).validate().unwrap_err().to_string(),
        "invalid text[1]: length must be between 1 and 8, got 0"
    );
    assert_eq!(
        EmbedRequest::new(Vec::<String>::new()).validate().unwrap_err().to_string(),
        "invalid text: length must be between 1 and 100, got 0"
    );
    assert_eq!(
        EmbedRequest::new("a").weights(vec![0.5, 2.0]).validate().unwrap_err().to_string(),
        "invalid weights[1]: must be between 0 and 1, got 2"
    );
    assert_eq!(
        EmbedRequest::new("a").contexts(vec!["".to_owned()]).validate().unwrap_err().to_string(),
        "invalid contexts[0]: length must be at least 1, got 0"
    );
    let _: OneOrMany<String> = "x".into();

    let response: EmbedResponse =
        gateway_core::serde_json::from_value(gateway_core::serde_json::json!({"data": [], "image": "UE5H"})).unwrap();
    assert_eq!(response.image.unwrap().decode().unwrap(), b"PNG");
}
