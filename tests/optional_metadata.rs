//! Typed metadata with an absent (`None`) entry, through a call and through a
//! log patch against a real `gateway-local` (in process, offline): both store
//! the same metadata, without the absent key.

use gateway_core::{Ai, Gateway, GatewayOptions, LogMetadata, Metadata, MetadataValue, PatchLog, RunOptions};
use gateway_local::{LocalConfig, LocalGateway};
use serde_json::{Value, json};

const LLAMA: &str = "@cf/meta/llama-3.1-8b-instruct-fp8";

/// Request tags whose `team` is optional.
#[derive(Metadata)]
struct Tags {
    user: String,
    team: Option<String>,
    attempt: u32,
}

#[tokio::test]
async fn an_absent_entry_is_left_out_on_a_call_and_on_a_patch() {
    let local = LocalGateway::builder().config(LocalConfig::default()).offline(true).start().await.expect("start");
    let ai = Ai::new(local.client_config()).expect("client");
    let gateway = ai.gateway("main");
    let tags = || Tags { user: "u1".into(), team: None, attempt: 2 };

    // Through a call: the `cf-aig-metadata` header.
    let options = RunOptions::new().gateway(GatewayOptions::new("main").metadata(tags()));
    let called = ai.run::<_, Value>(LLAMA, &json!({"prompt": "hi"}), &options).await.unwrap();
    let called = called.log_id().expect("a log id").to_owned();

    // Through a patch of a log written without metadata.
    let plain = RunOptions::new().gateway(GatewayOptions::new("main"));
    let patched = ai.run::<_, Value>(LLAMA, &json!({"prompt": "hi"}), &plain).await.unwrap();
    let patched = patched.log_id().expect("a log id").to_owned();
    gateway.patch_log(&patched, &PatchLog::new().metadata(tags())).await.unwrap();

    let expected = Metadata::new().with("user", "u1").with("attempt", 2);
    for id in [&called, &patched] {
        let log = gateway.get_log(id).await.unwrap();
        let Some(LogMetadata::Entries(stored)) = log.metadata else { panic!("log {id}: {:?}", log.metadata) };
        assert_eq!(stored, expected, "log {id}");
        assert_eq!(stored.get("team"), None::<&MetadataValue>);
    }
    local.shutdown().await.unwrap();
}
