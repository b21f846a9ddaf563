//! Provider credentials a request does not bring: the configuration's
//! stored keys (standing in for Cloudflare's stored keys and Unified
//! Billing), and the `byok_only` / `cf-aig-no-wholesale` refusal (spec §5.4).
//! Every step of every route passes here before anything is forwarded.

use axum::http::StatusCode;

use super::{RequestContext, Step};
use crate::config::GatewaySettings;
use crate::credentials;
use crate::error::{Rejection, Shape, code};
use crate::options::{DEFAULT_BYOK_ALIAS, HeaderOptions};
use crate::state::AppState;
use gateway_core::types::headers as h;

/// The provider whose requests `byok_only` and `cf-aig-no-wholesale` leave alone.
const WORKERS_AI: &str = "workers-ai";

/// [`apply`] to every step of a request, each with its options over the request's.
pub(super) fn apply_all(state: &AppState, context: &RequestContext, steps: &mut [Step]) -> Result<(), Rejection> {
    for step in steps {
        let options = context.options.overlay(&step.options);
        apply(state, &context.settings, &options, context.shape, step)?;
    }
    Ok(())
}

/// Gives `step` the stored key of its provider when it carries no
/// credential of its own (a request's own key always wins), under the alias
/// `options` name (`cf-aig-byok-alias`, else `default`). Refuses a step that
/// names an alias with no stored key, and a third-party step left without a
/// credential when `settings.byok_only` or `cf-aig-no-wholesale: true` asks
/// for one.
fn apply(
    state: &AppState,
    settings: &GatewaySettings,
    options: &HeaderOptions,
    shape: Shape,
    step: &mut Step,
) -> Result<(), Rejection> {
    if credentials::carries_credential(&step.provider, &step.headers, &step.endpoint) {
        return Ok(());
    }
    let alias = options.byok_alias.as_deref().unwrap_or(DEFAULT_BYOK_ALIAS);
    if let Some((name, value)) = state.keys.get(&step.provider, alias) {
        step.headers.insert(name.clone(), value.clone());
        return Ok(());
    }
    if options.byok_alias.is_some() {
        return Err(Rejection::new(
            shape,
            StatusCode::BAD_REQUEST,
            code::INVALID_HEADER,
            format!(
                "invalid header {}: no stored key {alias:?} for provider `{}` (provider_keys)",
                h::BYOK_ALIAS,
                step.provider
            ),
        ));
    }
    if options.requires_credential(settings) && step.provider != WORKERS_AI {
        return Err(Rejection::new(
            shape,
            StatusCode::BAD_REQUEST,
            code::PROVIDER_CREDENTIAL_REQUIRED,
            format!(
                "provider `{}` needs a credential: send the provider's key, or store one (provider_keys); \
                 this gateway requires provider credentials (byok_only) or the request set {}: true",
                step.provider,
                h::NO_WHOLESALE
            ),
        ));
    }
    Ok(())
}
