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
//!
//! Cloudflare's current surface comes first: a third-party catalog model
//! through `run`, and an OpenAI-format request through the REST API's
//! `/ai/v1/chat/completions`, each with its UUIDv7 log id. The universal
//! endpoint's fallback list, which Cloudflare has deprecated in favour of
//! dynamic routes, follows as the older way.

use std::io::Write as _;

use futures::StreamExt as _;
use gateway_core::models::openai::ChatCompletion;
use gateway_core::models::workers_ai::{Llama31InstructInput, Llama31InstructRequest, Llama31InstructResponse};
use gateway_core::serde_json::{Value, json};
use gateway_core::{
    Ai, BuiltinProvider, Feedback, FilterKey, Gateway, GatewayOptions, ListLogs, LogFilter, Metadata, ModelRequest,
    PatchLog, RunOptions, UniversalOptions,
};
use gateway_local::{Fault, FaultRule, GatewaySettings, LocalConfig, LocalGateway};

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
    // The REST API reaches only gateways that exist (`default` is created on
    // first use): the local one is configured, as one made in the dashboard.
    let config = LocalConfig::default().with_gateway("quickstart", GatewaySettings::default());
    let local = if remote { None } else { Some(LocalGateway::builder().config(config).offline(true).start().await?) };
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
    let through_gateway = RunOptions::new().gateway(GatewayOptions::new(&gateway_id));
    let question = json!([{"role": "user", "content": "What is an AI gateway, in one sentence?"}]);

    // 1. A third-party model from Cloudflare's catalog through `run`, as
    //    `env.AI.run("openai/gpt-5.5", ..., {gateway: {id}})` does (over HTTP:
    //    the REST API's `/ai/run`, paid through Unified Billing, no OpenAI key).
    let catalog = ai.run::<_, Value>("openai/gpt-5.5", &json!({"messages": question}), &through_gateway).await?;
    println!("\n1. openai/gpt-5.5 through run: {}", catalog.output["choices"][0]["message"]["content"]);
    print_ids(catalog.log_id(), catalog.meta.provider.as_deref());

    // 2. An OpenAI-format request through the REST API's
    //    `/ai/v1/chat/completions`: what the OpenAI SDK sends when its base
    //    URL is `.../accounts/{account}/ai/v1`. Here an Anthropic model answers.
    let body = json!({"model": "anthropic/claude-sonnet-4-5", "messages": question, "max_tokens": 64});
    let completion = ai.v1().chat_completions::<_, ChatCompletion>(&body, &through_gateway).await?;
    let text = completion.output.choices.first().and_then(|c| c.message.content.as_deref()).unwrap_or_default();
    println!("\n2. /ai/v1/chat/completions ({}): {text}", completion.output.model);
    print_ids(completion.log_id(), completion.meta.provider.as_deref());

    // 3. A typed run through the gateway, with metadata and a cache TTL.
    let request =
        Llama31InstructRequest::new(Llama31InstructInput::Prompt("What is an AI gateway, in one sentence?".into()))
            .max_tokens(64);
    let options = RunOptions::new().gateway(
        GatewayOptions::new(&gateway_id).cache_ttl(3600).metadata(Tags { user: 42, feature: "quickstart".into() }),
    );
    let first = ai.run_model(&request, &options).await?;
    println!("\n3. typed answer: {}", first.response.response.as_deref().unwrap_or_default());
    println!("   log id: {}  cache: {:?}", first.log_id().unwrap_or("-"), first.meta.cache_status);

    // 4. The same request again: served from the cache.
    let second = ai.run_model(&request, &options).await?;
    println!("\n4. again: cache {:?} (hit: {})", second.meta.cache_status, second.meta.is_cache_hit());

    // 5. Feedback and a score on the first request's log, without handling its id.
    first.patch_log(&PatchLog::new().feedback(Feedback::Positive).score(95)).await?;
    println!("\n5. sent feedback +1 and score 95 to log {}", first.log_id().unwrap_or("-"));

    // 6. Read the log back, and list logs with positive feedback.
    let log = first.get_log().await?;
    println!(
        "\n6. log: {} {} status {:?}, {} ms, tokens {:?}/{:?}",
        log.provider, log.model, log.status_code, log.duration, log.tokens_in, log.tokens_out
    );
    let page = gateway.list_logs(&ListLogs::new().filter(LogFilter::eq(FilterKey::Feedback, 1)).per_page(10)).await?;
    println!("   logs with positive feedback: {}", page.logs.len());
    for log in &page.logs {
        println!("   - {} {} cached={}", log.id, log.model, log.cached);
    }

    // 7. The older way to fall back: a two-step list on the universal endpoint
    //    (Cloudflare now points to dynamic routes for this; it still works).
    //    Step 0 is made to fail, step 1 answers.
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
        "\n7. universal-endpoint fallback (the older way): step {} answered (step 0 was made to fail): {}",
        response.meta.step.unwrap_or(0),
        answer.response.as_deref().unwrap_or_default()
    );

    // 8. A streamed answer, printed as it arrives.
    print!("\n8. streamed: ");
    let mut stream = ai.run_model_stream(&request, &through_gateway).await?;
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

/// Prints a log id, says whether it is a UUIDv7 (Cloudflare's log ids since
/// 2026-10-08; older logs keep their ULIDs), and the provider that answered.
fn print_ids(log_id: Option<&str>, provider: Option<&str>) {
    let log_id = log_id.unwrap_or("-");
    let kind = if log_id.len() == 36 && log_id.as_bytes()[14] == b'7' { "UUIDv7" } else { "not a UUIDv7" };
    println!("   log id {log_id} ({kind}), answered by {}", provider.unwrap_or("-"));
}
