//! Runs a Workers AI model through a gateway on Cloudflare, then sends feedback.
//!
//! ```sh
//! CLOUDFLARE_ACCOUNT_ID=... CLOUDFLARE_API_TOKEN=... cargo run --example workers_ai -- my-gateway
//! ```

use gateway_core::serde_json::{Value, json};
use gateway_core::{Ai, Feedback, Gateway, GatewayOptions, Metadata, PatchLog, RunOptions};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gateway_id = std::env::args().nth(1).unwrap_or_else(|| "default".to_owned());
    let ai = Ai::from_env()?;
    let options = RunOptions::new().gateway(
        GatewayOptions::new(&gateway_id).cache_ttl(300).metadata(Metadata::new().with("example", "workers_ai")),
    );
    let answer = ai
        .run::<_, Value>("@cf/meta/llama-3.1-8b-instruct-fp8", &json!({"prompt": "Say hello in five words."}), &options)
        .await?;
    println!("answer: {}", answer.output["response"]);
    println!("log id: {:?}, cache: {:?}", answer.log_id(), answer.meta.cache_status);
    if let Some(log_id) = answer.log_id() {
        let gateway = ai.gateway(&gateway_id);
        gateway.patch_log(log_id, &PatchLog::new().feedback(Feedback::Positive)).await?;
        let log = gateway.wait_for_log(log_id, std::time::Duration::from_secs(10)).await?;
        println!("logged: {} {} in {} ms", log.provider, log.model, log.duration);
    }
    Ok(())
}
