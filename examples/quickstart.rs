//! The quickstart: typed calls through an AI Gateway, offline by default.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! Without Cloudflare credentials it starts an embedded `gateway-local` with
//! its offline upstream on a free loopback port. With `CLOUDFLARE_ACCOUNT_ID`
//! and `CLOUDFLARE_API_TOKEN` set and not empty (and optionally
//! `CF_AIG_GATEWAY`, default `default`) the same steps run against
//! Cloudflare; nothing else is needed. The API token goes in
//! `Authorization` on the Cloudflare API host (REST API, logs API) and, as
//! no gateway token (`CF_AIG_TOKEN`) is set, in `cf-aig-authorization` on
//! the gateway host: Cloudflare creates the account's `default` gateway with
//! authentication on, and accepts an API token with AI Gateway permissions
//! there. The token needs the AI Gateway (read and edit) and Workers AI
//! permissions; a gateway that refuses it answers 401 (code 2009), an error
//! that says which variable to set. `CF_AIG_BASE_URL` and
//! `CLOUDFLARE_API_BASE_URL` point the Cloudflare mode elsewhere (a
//! `gateway-local serve`, or the test suite's stand-in of Cloudflare).
//!
//! Cloudflare's current surface comes first: a third-party catalog model
//! through `run`, and an OpenAI-format request through the REST API's
//! `/ai/v1/chat/completions`, each with its UUIDv7 log id. The universal
//! endpoint's fallback list, which Cloudflare has deprecated in favour of
//! dynamic routes, follows as the older way; its first step fails by a
//! step-level `cf-aig-request-timeout` it cannot meet (a timeout hands over
//! to the next step, as Cloudflare documents).
//!
//! `tests/quickstart_cloudflare.rs` runs this file's [`run`] in both modes.

use std::io::Write as _;
use std::time::Duration;

use futures::StreamExt as _;
use gateway_core::config::{ENV_ACCOUNT_ID, ENV_API_TOKEN};
use gateway_core::models::openai::ChatCompletion;
use gateway_core::models::workers_ai::{
    Llama31Instruct, Llama31InstructInput, Llama31InstructRequest, Llama31InstructResponse,
};
use gateway_core::secrecy::{ExposeSecret as _, SecretString};
use gateway_core::serde_json::{Value, json};
use gateway_core::types::headers;
use gateway_core::{
    Ai, BuiltinProvider, Config, Feedback, FilterKey, Gateway, GatewayOptions, ListLogs, LogFilter, Metadata, Model,
    ModelRequest, PatchLog, RunOptions, UniversalOptions,
};
use gateway_local::{Fault, FaultRule, GatewaySettings, LocalConfig, LocalGateway};

/// Typed log metadata: at most five scalar fields, checked at compile time.
#[derive(Debug, Metadata)]
struct Tags {
    user: u64,
    feature: String,
}

/// The fallback's first step must answer within this many milliseconds
/// (`cf-aig-request-timeout` in the step's headers), which no model can.
pub(crate) const UNMEETABLE_TIMEOUT_MS: u32 = 1;

/// Environment variable: the gateway of the Cloudflare mode (default `default`).
pub(crate) const ENV_GATEWAY: &str = "CF_AIG_GATEWAY";

/// Where the quickstart runs.
#[derive(Debug)]
pub(crate) enum Mode {
    /// An embedded `gateway-local` with its offline upstream.
    Local,
    /// Cloudflare, or what `CF_AIG_BASE_URL` and `CLOUDFLARE_API_BASE_URL` point at.
    Cloudflare {
        /// The client's configuration (boxed: it is large beside `Local`).
        config: Box<Config>,
        /// The gateway id.
        gateway: String,
        /// The API token again, as the Workers AI credential of the fallback's
        /// steps (a secret: never in `Debug` output).
        api_token: SecretString,
    },
}

impl Mode {
    /// The Cloudflare mode when `CLOUDFLARE_ACCOUNT_ID` and
    /// `CLOUDFLARE_API_TOKEN` are both set and not empty, else the local one.
    pub(crate) fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, gateway_core::Error> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        if get(ENV_ACCOUNT_ID).is_none() || get(ENV_API_TOKEN).is_none() {
            return Ok(Self::Local);
        }
        let gateway = get(ENV_GATEWAY).map_or_else(|| "default".to_owned(), |id| id.trim().to_owned());
        let api_token = SecretString::from(get(ENV_API_TOKEN).unwrap_or_default().trim().to_owned());
        Ok(Self::Cloudflare { config: Box::new(Config::from_lookup(&lookup)?), gateway, api_token })
    }
}

/// What a run showed.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// The universal step that answered the fallback (step 0 is made to fail).
    pub(crate) fallback_step: Option<u32>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mode = Mode::from_lookup(|name| std::env::var(name).ok())?;
    let outcome = run(mode).await?;
    if outcome.fallback_step != Some(1) {
        println!("note: the gateway did not hand step 0 over to step 1 as its timeout asks");
    }
    Ok(())
}

/// The quickstart's steps, in `mode`.
pub(crate) async fn run(mode: Mode) -> Result<Outcome, Box<dyn std::error::Error>> {
    let (local, ai, gateway_id, api_token) = match mode {
        Mode::Local => {
            // The REST API reaches only gateways that exist (`default` is created on
            // first use): the local one is configured, as one made in the dashboard.
            let config = LocalConfig::default().with_gateway("quickstart", GatewaySettings::default());
            let local = LocalGateway::builder().config(config).offline(true).start().await?;
            println!("gateway-local listening on {} (offline upstream)", local.url());
            let token = local.config().api_token.clone().unwrap_or_default();
            let ai = Ai::new(local.client_config())?;
            (Some(local), ai, "quickstart".to_owned(), token)
        }
        Mode::Cloudflare { config, gateway, api_token } => {
            println!("using Cloudflare (CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN are set), gateway `{gateway}`");
            (None, Ai::new(*config)?, gateway, api_token.expose_secret().to_owned())
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
    //    Step 0 must answer within 1 ms (a step-level `cf-aig-request-timeout`),
    //    which it cannot: the gateway hands over to step 1, which answers.
    if let Some(offline) = local.as_ref().and_then(LocalGateway::offline_upstream) {
        // The offline upstream answers at once; this makes step 0 take a while, as a real model does.
        let slow = Fault::Latency(Duration::from_secs(2));
        offline.add_fault(FaultRule::new(slow).for_provider("workers-ai").for_model(Llama31Instruct::ID).times(1));
    }
    let workers_ai = BuiltinProvider::workers_ai(api_token);
    let hurried = request.to_step(&workers_ai)?.header(headers::REQUEST_TIMEOUT, UNMEETABLE_TIMEOUT_MS);
    let answering = request.to_step(&workers_ai)?;
    let response = gateway.run(vec![hurried, answering].into(), &UniversalOptions::new()).await?;
    let answer: Llama31InstructResponse = response.output()?;
    println!(
        "\n7. universal-endpoint fallback (the older way): step {} answered (step 0 could not answer within \
         {UNMEETABLE_TIMEOUT_MS} ms): {}",
        response.meta.step.unwrap_or(0),
        answer.response.as_deref().unwrap_or_default()
    );
    let fallback_step = response.meta.step;

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
    Ok(Outcome { fallback_step })
}

/// Prints a log id, says whether it is a UUIDv7 (Cloudflare's log ids since
/// 2026-10-08; older logs keep their ULIDs), and the provider that answered.
fn print_ids(log_id: Option<&str>, provider: Option<&str>) {
    let log_id = log_id.unwrap_or("-");
    let kind = if log_id.len() == 36 && log_id.as_bytes()[14] == b'7' { "UUIDv7" } else { "not a UUIDv7" };
    println!("   log id {log_id} ({kind}), answered by {}", provider.unwrap_or("-"));
}
