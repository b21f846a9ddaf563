//! `#[derive(Object)]` on an enum of one-value variants: one of several
//! shapes (a message's `content`: a string or a list of parts), sent as the
//! value itself, decoded as the first variant that fits; `nested` variants
//! have their limits checked.

use gateway_core::{Model, ModelRequest, Object};

#[derive(Debug, Clone, Object)]
pub struct Part {
    #[model(length = 1..)]
    text: String,
}

#[derive(Debug, Clone, Object)]
pub enum Content {
    Text(String),
    #[model(nested)]
    Parts(Vec<Part>),
}

#[derive(Debug, Clone, Object)]
pub struct Message {
    role: String,
    #[model(nested)]
    content: Content,
}

#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.2-11b-vision-instruct")]
pub struct Vision {
    #[model(nested)]
    messages: Vec<Message>,
    #[model(output)]
    response: Option<String>,
}

fn main() {
    let text = Message { role: "user".into(), content: Content::Text("Hi".into()) };
    let parts = Message { role: "user".into(), content: Content::Parts(vec![Part { text: "a".into() }]) };
    let request = VisionRequest::new(vec![text, parts]);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({"messages": [
            {"role": "user", "content": "Hi"},
            {"role": "user", "content": [{"text": "a"}]},
        ]})
    );
    let empty = Message { role: "user".into(), content: Content::Parts(vec![Part { text: "a".into() }, Part { text: String::new() }]) };
    assert_eq!(
        VisionRequest::new(vec![empty]).validate().unwrap_err().to_string(),
        "invalid messages[0].content[1].text: length must be at least 1, got 0"
    );
    let decoded: Content = gateway_core::serde_json::from_str(r#"[{"text": "b"}]"#).unwrap();
    assert!(matches!(&decoded, Content::Parts(parts) if parts[0].text == "b"));
    let err = gateway_core::serde_json::from_str::<Content>("42").unwrap_err();
    assert_eq!(err.to_string(), "one of: String, Vec<Part>");
}
