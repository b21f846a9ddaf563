//! `#[derive(Metadata)]` with `rename`, `Option` fields and `crate`.

use gateway_core::{Metadata, MetadataValue, Model, ModelRequest, ToMetadata};

#[derive(Metadata)]
#[metadata(crate = "gateway_core")]
pub struct Tags {
    #[metadata(rename = "user_id")]
    user: String,
    attempt: u32,
    score: f64,
    beta: bool,
    team: Option<String>,
}

#[derive(Debug, Model)]
#[model(id = "@hf/thebloke/mistral-7b-instruct-v0.1-awq")]
pub struct Mistral {
    prompt: String,
    #[model(output)]
    response: String,
}

fn main() {
    let tags = Tags { user: "u1".into(), attempt: 2, score: 0.5, beta: true, team: None };
    let metadata = tags.to_metadata();
    // `team: None` is absent: left out, never sent as `null`.
    assert_eq!(metadata.len(), 4);
    assert!(metadata.get("team").is_none());
    assert_eq!(metadata.to_json(), r#"{"user_id":"u1","attempt":2,"score":0.5,"beta":true}"#);
    assert_eq!(metadata.get("user_id"), Some(&MetadataValue::from("u1")));
    assert!(metadata.get("user").is_none());
    assert_eq!(metadata.get("beta"), Some(&MetadataValue::from(true)));
    let metadata: gateway_core::Metadata = (&Tags { team: Some("search".into()), ..tags }).into();
    assert_eq!(metadata.get("team"), Some(&MetadataValue::from("search")));

    assert!(MistralRequest::new("Hi").validate().is_ok());
    assert_eq!(MistralRequest::new("Hi").to_query().unwrap(), gateway_core::serde_json::json!({"prompt": "Hi"}));
}
