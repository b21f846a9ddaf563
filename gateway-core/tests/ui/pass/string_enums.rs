//! `#[derive(Object)]` on an enum: a string enum for model fields and
//! nested objects; unknown values decode as the `other` variant or fail
//! naming the known ones.

use gateway_core::{Model, ModelRequest, Object};

#[derive(Debug, Clone, Copy, PartialEq, Object)]
pub enum Role {
    User,
    Assistant,
    System,
}

#[derive(Debug, Clone, Copy, PartialEq, Object)]
pub enum AspectRatio {
    #[model(rename = "16:9")]
    Wide,
    #[model(rename = "1:1")]
    Square,
    #[model(other)]
    Other,
}

#[derive(Debug, Clone, Object)]
pub struct Message {
    role: Role,
    content: String,
}

#[derive(Debug, Model)]
#[model(id = "@cf/black-forest-labs/flux-1-schnell")]
pub struct Draw {
    #[model(nested)]
    messages: Vec<Message>,
    aspect_ratio: Option<AspectRatio>,
    #[model(output)]
    image: Option<gateway_core::model::Base64>,
}

fn main() {
    let request = DrawRequest::new(vec![Message { role: Role::System, content: "Be brief.".into() }])
        .aspect_ratio(AspectRatio::Wide);
    assert_eq!(
        request.to_query().unwrap(),
        gateway_core::serde_json::json!({"messages": [{"role": "system", "content": "Be brief."}], "aspect_ratio": "16:9"})
    );
    let ratio: AspectRatio = gateway_core::serde_json::from_str(r#""4:3""#).unwrap();
    assert_eq!(ratio, AspectRatio::Other);
    let err = gateway_core::serde_json::from_str::<Role>(r#""developer""#).unwrap_err();
    assert_eq!(err.to_string(), "unknown variant `developer`, expected one of `user`, `assistant`, `system`");
    assert_eq!(Role::Assistant.as_str(), "assistant");
}
