//! Dynamic routes, offline: a route written in Rust, deployed to an embedded
//! gateway-local, run 200 times with a fault injected into one provider.
//!
//! ```sh
//! cargo run --example dynamic_routes
//! ```
//!
//! The route: a budget limit (US dollars over an hour) in front of a 70/30
//! split between OpenAI and Workers AI; OpenAI falls back to Anthropic on
//! error. OpenAI fails its first 60 attempts (the offline upstream's fault
//! injection), so early requests on the 70 % side fall back. Once the logged
//! cost of the route reaches the budget, the limit sends requests to its
//! fallback, the end, and the route answers 429. What happened is read back
//! from the logs: each log names the route, version and path it took.

use std::collections::BTreeMap;
use std::time::Duration;

use gateway_core::route::{LimitSpec, ModelSpec, Route, Split};
use gateway_core::serde_json::{Value, json};
use gateway_core::{Ai, Error, Gateway as _, GatewayOptions, ListLogs, RunOptions};
use gateway_local::{Fault, FaultRule, GatewaySettings, LocalConfig, LocalGateway};

/// The route's budget in US dollars per hour, about 165 requests' worth of
/// the offline upstream's answers at list prices.
const BUDGET: f64 = 0.004;
/// Requests sent.
const REQUESTS: usize = 200;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A fixed seed: every run splits the same way.
    let config = LocalConfig::default().with_gateway("demo", GatewaySettings::default()).with_route_seed(2026);
    let local = LocalGateway::builder().config(config).offline(true).start().await?;
    let ai = Ai::new(local.client_config())?;
    let gateway = ai.gateway("demo");

    // Checked as it is built: a split that does not total 100 %, a dangling
    // edge or an unreachable node is an error here, not at Cloudflare.
    let timeout = Duration::from_secs(30);
    let route = Route::build("support", |b| {
        let end = b.end("end");
        let claude = b.model("claude", ModelSpec::new("anthropic", "claude-haiku-4", timeout, 0), end, end);
        let gpt = b.model("gpt", ModelSpec::new("openai", "gpt-4o-mini", timeout, 1), end, claude);
        let llama =
            b.model("llama", ModelSpec::new("workers-ai", "@cf/meta/llama-3.1-8b-instruct-fp8", timeout, 0), end, end);
        let split = b.percentage("split", Split::new().share(70.0, gpt).share(30.0, llama));
        let budget = b.limit("budget", LimitSpec::cost("", BUDGET, Duration::from_secs(3600)), split, end);
        b.start("start", budget)
    })?;
    let created = gateway.create_route(&route).await?;
    let version = created.version.map(|v| v.version_id).unwrap_or_default();
    println!("deployed route `{}` version {version} to gateway-local at {}", route.name, local.url());

    // OpenAI fails its first 60 attempts (two per request: the node retries once).
    if let Some(upstream) = local.offline_upstream() {
        upstream.add_fault(FaultRule::new(Fault::Status(503)).for_provider("openai").times(60));
    }

    let options = RunOptions::new().gateway(GatewayOptions::new("demo"));
    let mut answered_by: BTreeMap<String, usize> = BTreeMap::new();
    let mut first_stopped: Option<usize> = None;
    let mut stopped = 0;
    for n in 1..=REQUESTS {
        let body = json!({
            "model": route.model_name(),
            "messages": [{"role": "user", "content": format!("question {n}: where is my order?")}],
        });
        match ai.v1().chat_completions::<_, Value>(&body, &options).await {
            Ok(answer) => {
                let provider = answer.meta.provider.unwrap_or_default();
                *answered_by.entry(provider).or_default() += 1;
            }
            Err(Error::SpendLimitExceeded { .. }) => {
                first_stopped.get_or_insert(n);
                stopped += 1;
            }
            Err(other) => return Err(other.into()),
        }
    }

    println!("\n{REQUESTS} requests to `{}`:", route.model_name());
    for (provider, count) in &answered_by {
        println!("  answered by {provider:<10} {count:>4}");
    }
    match first_stopped {
        Some(n) => println!("  stopped by the budget: {stopped}, from request {n} on (429)"),
        None => println!("  the budget of ${BUDGET} was not reached"),
    }

    // The same story from the logs: every model node attempt is a log.
    let mut paths: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut cost = 0.0;
    for page in 1.. {
        let listed = gateway.list_logs(&ListLogs::new().page(page).per_page(50)).await?;
        for log in &listed.logs {
            let path = log.dynamic_route.as_ref().map_or_else(String::new, |trace| trace.path.join(" > "));
            let entry = paths.entry(path).or_default();
            if log.success {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
            cost += log.cost.unwrap_or(0.0);
        }
        if listed.logs.len() < 50 {
            break;
        }
    }
    println!("\nlogs by path through the route (succeeded / failed):");
    for (path, (ok, failed)) in &paths {
        println!("  {path:<40} {ok:>4} / {failed}");
    }
    let fell_back = paths.iter().filter(|(path, _)| path.ends_with("claude")).map(|(_, (ok, _))| ok).sum::<usize>();
    println!("fell back from OpenAI to Anthropic: {fell_back}; logged cost ${cost:.6} of a ${BUDGET} budget");
    local.shutdown().await?;
    Ok(())
}
