//! Spend limits (`cloudflare-2026.md` §5.1), enforced before each upstream
//! call from the costs the gateway has logged.
//!
//! Every rule of the gateway that applies to a step (its provider, its model
//! as the log records it, the metadata in force for it) sums the logged costs
//! of its bucket within its window: fixed windows are aligned to multiples of
//! the window since the Unix epoch, a sliding window is the trailing one. If
//! any sum has reached its budget, the request is refused with HTTP 429 in
//! the shape of the API asked, code [`code::SPEND_LIMIT_EXCEEDED`] (ours), a
//! message that names the rule and says "spend limit", and `retry-after`:
//! the end of the fixed window, or when enough of the sliding window's
//! oldest costs have left it.
//!
//! As at Cloudflare, costs are counted once logged, so requests running at
//! the same time can together overshoot a budget. Choices of ours, where the
//! spec says nothing:
//! - every step of a request is checked before any is sent (a fallback list
//!   one of whose steps is over a limit is refused whole, as
//!   `proxy::keys` refuses one whose credential is missing);
//! - a step the cache would answer is no upstream call: it is not checked;
//!   cache hits cost nothing and are not counted;
//! - a rule with a metadata dimension does not apply to a request that lacks
//!   the key (there is no value to bucket or filter by);
//! - if the logs cannot be read (the database busy, the query over its time
//!   limit), the request goes through and a warning is written: the gateway
//!   answers rather than fail on its own bookkeeping.

use axum::http::{HeaderValue, StatusCode, header};
use gateway_core::route::Technique;
use gateway_core::types::metadata::MetadataValue;
use gateway_core::types::spend_limit::Bucket;
use serde_json::{Map, Value};

use crate::error::{Rejection, code};
use crate::options::Effective;
use crate::proxy::{RequestContext, Step, cache_key};
use crate::state::AppState;
use crate::store::{BucketQuery, OverBudget};

/// [`check_step`] for each of `steps`, in order: the first refusal.
pub(crate) async fn check_steps(state: &AppState, context: &RequestContext, steps: &[Step]) -> Result<(), Rejection> {
    for step in steps {
        check_step(state, context, step).await?;
    }
    Ok(())
}

/// Refuses `step` with a 429 if a spend limit that applies to it has
/// reached its budget. No rule configured: nothing is read.
pub(crate) async fn check_step(state: &AppState, context: &RequestContext, step: &Step) -> Result<(), Rejection> {
    let rules = &context.settings.spend_limits;
    if rules.is_empty() {
        return Ok(());
    }
    let options = context.options.overlay(&step.options);
    let effective = Effective::resolve(&context.settings, &options, step.config.as_ref());
    if effective.cacheable() && state.cache.get(&cache_key(context, step, &effective)).is_some() {
        return Ok(());
    }
    let model = step.model();
    let metadata: Option<Map<String, Value>> =
        effective.metadata.as_deref().and_then(|text| serde_json::from_str(text).ok());
    let lookup = |key: &str| -> Option<MetadataValue> {
        let value = metadata.as_ref()?.get(key)?;
        serde_json::from_value(value.clone()).ok()
    };
    let now_ms = jiff::Timestamp::now().as_millisecond();
    let mut applying = Vec::new();
    let mut queries = Vec::new();
    for (index, rule) in rules.iter().enumerate() {
        let Some(bucket) = rule.bucket(&step.provider, model, lookup) else { continue };
        let window_ms = i64::try_from(rule.window().as_millis()).unwrap_or(i64::MAX);
        let (from_ms, to_ms) = window_range(rule.window_technique(), window_ms, now_ms);
        queries.push(BucketQuery {
            gateway: context.gateway.clone(),
            provider: bucket.provider.map(str::to_owned),
            model: bucket.model.map(str::to_owned),
            metadata: bucket.metadata.clone().map(|(key, value)| (key.to_owned(), value)),
            from_ms,
            to_ms,
            budget: rule.budget(),
            find_release: rule.window_technique() == Technique::Sliding,
        });
        applying.push((index, bucket, window_ms, to_ms));
    }
    if queries.is_empty() {
        return Ok(());
    }
    let over = match state.store.first_over_budget(queries).await {
        Ok(over) => over,
        Err(e) => {
            tracing::warn!(gateway = %context.gateway, error = %e, "spend limits not checked: the logs could not be read");
            return Ok(());
        }
    };
    let Some(OverBudget { index, spent, release_ms }) = over else { return Ok(()) };
    let Some((rule_index, bucket, window_ms, window_end_ms)) = applying.get(index) else { return Ok(()) };
    let rule = &rules[*rule_index];
    let retry_at = match rule.window_technique() {
        Technique::Fixed => Some(*window_end_ms),
        Technique::Sliding => release_ms.map(|created| created.saturating_add(*window_ms)),
    };
    let message = format!(
        "spend limit reached: rule spend_limits[{rule_index}] of gateway {} ({rule}) has spent US${spent:.6} of its budget of US${} in its current window{}",
        context.gateway,
        rule.budget(),
        describe(bucket),
    );
    let mut rejection =
        Rejection::new(context.shape, StatusCode::TOO_MANY_REQUESTS, code::SPEND_LIMIT_EXCEEDED, message);
    if let Some(at) = retry_at {
        let seconds = (at.saturating_sub(now_ms).max(1) + 999) / 1000;
        rejection = rejection.with_header(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    Err(rejection)
}

/// The range of creation times a rule counts at `now_ms`, `[from, to)`:
/// the fixed window `now_ms` falls in (aligned to multiples of the window
/// since the Unix epoch), or the trailing window (a log `window_ms` old has left it).
fn window_range(technique: Technique, window_ms: i64, now_ms: i64) -> (i64, i64) {
    let window_ms = window_ms.max(1);
    match technique {
        Technique::Fixed => {
            let start = now_ms - now_ms.rem_euclid(window_ms);
            (start, start.saturating_add(window_ms))
        }
        // No upper bound: a log from a clock ahead still counts.
        Technique::Sliding => (now_ms.saturating_sub(window_ms) + 1, i64::MAX),
    }
}

/// The bucket a refused request counted in, for its message.
fn describe(bucket: &Bucket<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(provider) = bucket.provider {
        parts.push(format!("provider {provider}"));
    }
    if let Some(model) = bucket.model {
        parts.push(format!("model {model}"));
    }
    if let Some((key, value)) = &bucket.metadata {
        parts.push(format!("metadata {key} = {}", serde_json::to_string(value).unwrap_or_default()));
    }
    if parts.is_empty() { String::new() } else { format!(" for {}", parts.join(", ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: i64 = 60_000;

    #[test]
    fn fixed_windows_are_aligned_to_the_epoch_and_sliding_ones_trail() {
        let noon = 1_764_936_000_000; // 2025-12-05 12:00 UTC, a multiple of ten minutes
        let at = noon + 9 * MINUTE;
        assert_eq!(window_range(Technique::Fixed, 10 * MINUTE, at), (noon, noon + 10 * MINUTE));
        assert_eq!(
            window_range(Technique::Fixed, 10 * MINUTE, noon),
            (noon, noon + 10 * MINUTE),
            "a boundary opens a window"
        );
        assert_eq!(window_range(Technique::Sliding, 10 * MINUTE, at), (noon - MINUTE + 1, i64::MAX));
        assert_eq!(window_range(Technique::Fixed, 7, -3), (-7, 0), "before the epoch too");
    }

    #[test]
    fn the_bucket_is_described() {
        assert_eq!(describe(&Bucket { provider: None, model: None, metadata: None }), "");
        let bucket = Bucket { provider: Some("openai"), model: Some("gpt-4o"), metadata: Some(("user", "ada".into())) };
        assert_eq!(describe(&bucket), r#" for provider openai, model gpt-4o, metadata user = "ada""#);
    }
}
