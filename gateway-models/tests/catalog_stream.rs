//! A generated text generation model streams through an embedded offline
//! gateway-local: its declaration has the derive's `stream`, so the typed
//! streaming call sets the flag and decodes each chunk.

use gateway_core::{Ai, GatewayOptions, RunOptions};
use gateway_local::{LocalConfig, LocalGateway};
use gateway_models::generated::text_generation::llama_3_1_8b_instruct::{
    Llama318bInstructInput, Llama318bInstructPrompt, Llama318bInstructRequest,
};

#[tokio::test]
async fn a_generated_chat_model_streams_typed_chunks() {
    let local = LocalGateway::builder().config(LocalConfig::default()).offline(true).start().await.expect("start");
    let ai = Ai::new(local.client_config()).expect("client");
    let request =
        Llama318bInstructRequest::new(Llama318bInstructInput::Prompt(Llama318bInstructPrompt::new("stream this")))
            .max_tokens(32);
    let options = RunOptions::new().gateway(GatewayOptions::new("catalog"));
    let chunks =
        ai.run_model_stream(&request, &options).await.expect("stream").try_collect_all().await.expect("chunks");
    assert!(chunks.len() > 2, "several chunks: {}", chunks.len());
    let text: String = chunks.iter().filter_map(|c| c.response.as_deref()).collect();
    let whole = ai.run_model(&request, &options).await.expect("whole answer");
    assert_eq!(Some(text), whole.response.response, "the streamed text is the whole answer");
    local.shutdown().await.expect("shutdown");
}
