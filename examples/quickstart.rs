//! The quickstart: typed calls through an AI Gateway, offline by default.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! Without Cloudflare credentials it starts an embedded `gateway-local` with
//! its offline upstream on a free loopback port. With `CLOUDFLARE_ACCOUNT_ID`
//! and `CLOUDFLARE_API_TOKEN` set (and optionally `CF_AIG_GATEWAY`, default
//! `default`) the same steps run against Cloudflare.

use std::io::Write as _;

use futures::StreamExt as _;
use gateway_core::models::workers_ai::{Llama31InstructInput, Llama31InstructRequest, Llama31InstructResponse};
use gateway_core::{
    Ai, BuiltinProvider, Feedback, FilterKey, Gateway, GatewayOptions, ListLogs, LogFilter, Metadata, ModelRequest,
    PatchLog, RunOptions, UniversalOptions,
};
use gateway_local::{Fault, FaultRule, LocalGateway};

/// Typed log metadata: at most five scalar fields, checked at compile time.
#[derive(Debug, Metadata)]
struct Tags {
    user: u64,
    feature: String,
}

/// A Workers AI model id that does not exist: the first fallback step fails on purpose.
const FAILING_MODEL: &str = "@cf/typed-gateway/made-to-fail";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let remote = std::env::var("CLOUDFLARE_ACCOUNT_ID").is_ok() && std::env::var("CLOUDFLARE_API_TOKEN").is_ok();
    let local = if remote { None } else { Some(LocalGateway::builder().offline(true).start().await?) };
    let (ai, gateway_id, api_token) = match &local {
        Some(local) => {
            println!("gateway-local listening on {} (offline upstream)", local.url());
            let token = local.config().api_token.clone().unwrap_or_default();
            (Ai::new(local.client_config())?, "quickstart".to_owned(), token)
        }
        None => {
            println!("using Cloudflare (CLOUDFLARE_ACCOUNT_ID is set)");
            let gateway = std::env::var("CF_AIG_GATEWAY").unwrap_or_else(|_| "default".to_owned());
            (Ai::from_env()?, gateway, std::env::var("CLOUDFLARE_API_TOKEN")?)
        }
    };
    let gateway = ai.gateway(&gateway_id);

    // 1. A typed run through the gateway, with metadata and a cache TTL.
    let request =
        Llama31InstructRequest::new(Llama31InstructInput::Prompt("What is an AI gateway, in one sentence?".into()))
            .max_tokens(64u32);
    let options = RunOptions::new().gateway(
        GatewayOptions::new(&gateway_id).cache_ttl(3600).metadata(Tags { user: 42, feature: "quickstart".into() }),
    );
    let first = ai.run_model(&request, &options).await?;
    println!("\n1. answer: {}", first.response.response.as_deref().unwrap_or_default());
    println!("   log id: {}  cache: {:?}", first.log_id().unwrap_or("-"), first.meta.cache_status);

    // 2. The same request again: served from the cache.
    let second = ai.run_model(&request, &options).await?;
    println!("\n2. again: cache {:?} (hit: {})", second.meta.cache_status, second.meta.is_cache_hit());

    // 3. Feedback and a score on the first request's log, without handling its id.
    first.patch_log(&PatchLog::new().feedback(Feedback::Positive).score(95)).await?;
    println!("\n3. sent feedback +1 and score 95 to log {}", first.log_id().unwrap_or("-"));

    // 4. Read the log back, and list logs with positive feedback.
    let log = first.get_log().await?;
    println!(
        "\n4. log: {} {} status {:?}, {} ms, tokens {:?}/{:?}",
        log.provider, log.model, log.status_code, log.duration, log.tokens_in, log.tokens_out
    );
    let page = gateway.list_logs(&ListLogs::new().filter(LogFilter::eq(FilterKey::Feedback, 1)).per_page(10)).await?;
    println!("   logs with positive feedback: {}", page.logs.len());
    for log in &page.logs {
        println!("   - {} {} cached={}", log.id, log.model, log.cached);
    }

    // 5. A two-step fallback: step 0 is made to fail, step 1 answers.
    if let Some(offline) = local.as_ref().and_then(LocalGateway::offline_upstream) {
        offline.add_fault(FaultRule {
            provider: Some("workers-ai".into()),
            model: Some(FAILING_MODEL.into()),
            fault: Fault::Status(503),
            remaining: None,
        });
    }
    let workers_ai = BuiltinProvider::workers_ai(api_token);
    let mut failing = request.to_step(&workers_ai)?;
    FAILING_MODEL.clone_into(&mut failing.endpoint);
    let answering = request.to_step(&workers_ai)?;
    let response = gateway.run(vec![failing, answering].into(), &UniversalOptions::new()).await?;
    let answer: Llama31InstructResponse = response.output()?;
    println!(
        "\n5. fallback: step {} answered (step 0 was made to fail): {}",
        response.meta.step.unwrap_or(0),
        answer.response.as_deref().unwrap_or_default()
    );

    // 6. A streamed answer, printed as it arrives.
    print!("\n6. streamed: ");
    let mut stream =
        ai.run_model_stream(&request, &RunOptions::new().gateway(GatewayOptions::new(&gateway_id))).await?;
    while let Some(chunk) = stream.next().await {
        if let Some(piece) = chunk?.response {
            print!("{piece}");
            std::io::stdout().flush()?;
        }
    }
    println!("\n   (log id {} was known before the first chunk)", stream.meta.log_id.as_deref().unwrap_or("-"));

    if let Some(local) = local {
        local.shutdown().await?;
    }
    Ok(())
}
