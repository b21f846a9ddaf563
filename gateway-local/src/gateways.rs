//! Which gateways exist, and with which settings: the configured ones
//! (`[gateways.*]`, which always win), the ones the gateway created itself
//! (the account's `default`, kept in the store's `gateways` table so it stays
//! created across restarts on a database file), and the `unknown_gateways`
//! policy for the rest on the gateway host. Spend limits set over the
//! gateway REST resource (kept in the store's `spend_limits` table) replace
//! those of a gateway's settings, whichever of the three they come from.

use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};

use gateway_core::SpendLimit;

use crate::config::{GatewaySettings, LocalConfig};
use crate::store::{Store, StoreError};

/// The id of the gateway Cloudflare creates for an account (`cloudflare-2026.md` §5.10).
pub(crate) const DEFAULT_GATEWAY: &str = "default";

/// The settings Cloudflare creates `default` with (`cloudflare-2026.md`
/// §5.10): authentication on, logs on, caching off (TTL 0), rate limiting
/// off. "Authentication on" is [`CreatedGateways::resolve`]'s business: the
/// token is the v4 API token, never stored.
pub(crate) fn default_gateway_settings() -> GatewaySettings {
    let mut settings = GatewaySettings::default().with_collect_logs(true);
    settings.cache_ttl = None;
    settings.rate_limit = None;
    settings
}

/// The gateways created by the gateway itself, as loaded from the store and
/// added since. Each was created with authentication on.
#[derive(Debug, Default)]
pub(crate) struct CreatedGateways {
    by_id: RwLock<HashMap<String, GatewaySettings>>,
    /// Spend limits set over the REST resource, by gateway id.
    spend_limits: RwLock<HashMap<String, SetSpendLimits>>,
    /// When these were loaded (the gateway started), ms since the Unix epoch:
    /// the `created_at` of gateways the configuration holds.
    loaded_ms: i64,
}

/// Spend limits set over the gateway REST resource.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SetSpendLimits {
    pub(crate) rules: Vec<SpendLimit>,
    /// When they were set, ms since the Unix epoch.
    pub(crate) modified_ms: i64,
}

impl CreatedGateways {
    /// The gateways `store` holds, and the spend limits it keeps. Stored
    /// rules that no longer parse or validate (written by another version)
    /// are skipped with a warning: the configuration's apply.
    pub(crate) async fn load(store: &Store) -> Result<Self, StoreError> {
        let by_id = store.created_gateways().await?.into_iter().collect();
        let mut spend_limits = HashMap::new();
        for stored in store.stored_spend_limits().await? {
            let parsed = serde_json::from_str::<Vec<SpendLimit>>(&stored.rules).map_err(|e| e.to_string());
            let checked = parsed.and_then(|rules| match gateway_core::validate_spend_limits(&rules) {
                Ok(()) => Ok(rules),
                Err(e) => Err(e.to_string()),
            });
            match checked {
                Ok(rules) => {
                    tracing::info!(
                        gateway = %stored.gateway,
                        rules = rules.len(),
                        "spend limits set over the API replace the configuration's for this gateway"
                    );
                    spend_limits.insert(stored.gateway, SetSpendLimits { rules, modified_ms: stored.modified_ms });
                }
                Err(e) => {
                    tracing::warn!(gateway = %stored.gateway, error = %e, "stored spend limits do not parse; skipped");
                }
            }
        }
        Ok(Self {
            by_id: RwLock::new(by_id),
            spend_limits: RwLock::new(spend_limits),
            loaded_ms: jiff::Timestamp::now().as_millisecond(),
        })
    }

    /// `settings` of gateway `id` with the spend limits set over the API, if any.
    fn with_set_spend_limits(&self, id: &str, mut settings: GatewaySettings) -> GatewaySettings {
        if let Some(set) = self.spend_limits.read().unwrap_or_else(PoisonError::into_inner).get(id) {
            settings.spend_limits.clone_from(&set.rules);
        }
        settings
    }

    /// The spend limits set over the API for gateway `id`, if any.
    pub(crate) fn set_spend_limits_of(&self, id: &str) -> Option<SetSpendLimits> {
        self.spend_limits.read().unwrap_or_else(PoisonError::into_inner).get(id).cloned()
    }

    /// The ids of the gateways the gateway created itself.
    pub(crate) fn created_ids(&self) -> Vec<String> {
        self.by_id.read().unwrap_or_else(PoisonError::into_inner).keys().cloned().collect()
    }

    /// When the configuration's gateways were loaded (ms since the Unix epoch).
    pub(crate) fn loaded_ms(&self) -> i64 {
        self.loaded_ms
    }

    /// Replaces gateway `id`'s spend limits with `rules` (checked by the
    /// caller), storing them first; they then replace the configuration's.
    pub(crate) async fn set_spend_limits(
        &self,
        store: &Store,
        id: &str,
        rules: Vec<SpendLimit>,
    ) -> Result<SetSpendLimits, StoreError> {
        let text = serde_json::to_string(&rules).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let modified_ms = store.store_spend_limits(id, text).await?;
        let set = SetSpendLimits { rules, modified_ms };
        self.spend_limits.write().unwrap_or_else(PoisonError::into_inner).insert(id.to_owned(), set.clone());
        Ok(set)
    }

    /// The settings of gateway `id` if it is configured or was created
    /// (configuration first); `unknown_gateways` is not consulted. A created
    /// gateway has authentication on: it takes the v4 API token as its
    /// `cf-aig-authorization` token (Cloudflare accepts an API token with AI
    /// Gateway permissions there); with no API token configured, the API
    /// is open and so is the gateway.
    pub(crate) fn existing(&self, config: &LocalConfig, id: &str) -> Option<GatewaySettings> {
        if let Some(settings) = config.gateways.get(id) {
            return Some(self.with_set_spend_limits(id, settings.clone()));
        }
        let created = self.by_id.read().unwrap_or_else(PoisonError::into_inner).get(id).cloned()?;
        Some(self.with_set_spend_limits(id, GatewaySettings { token: config.api_token.clone(), ..created }))
    }

    /// The settings of gateway `id` as the gateway host and the logs API
    /// see them: [`existing`](Self::existing), else what `unknown_gateways` says.
    pub(crate) fn resolve(&self, config: &LocalConfig, id: &str) -> Option<GatewaySettings> {
        self.existing(config, id).or_else(|| Some(self.with_set_spend_limits(id, config.gateway(id)?)))
    }

    /// Creates `default` with Cloudflare's settings unless it exists
    /// (configured or created), storing it first; returns its settings.
    pub(crate) async fn create_default(
        &self,
        config: &LocalConfig,
        store: &Store,
    ) -> Result<GatewaySettings, StoreError> {
        if let Some(settings) = self.existing(config, DEFAULT_GATEWAY) {
            return Ok(settings);
        }
        let stored = store.create_gateway(DEFAULT_GATEWAY, &default_gateway_settings()).await?;
        tracing::info!(gateway = DEFAULT_GATEWAY, "created the account's default gateway");
        self.by_id.write().unwrap_or_else(PoisonError::into_inner).insert(DEFAULT_GATEWAY.to_owned(), stored);
        Ok(self.existing(config, DEFAULT_GATEWAY).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::UnknownGateway;
    use crate::store::Database;

    #[tokio::test]
    async fn configuration_wins_then_created_then_the_policy() {
        let store = Store::open(&Database::Memory).unwrap();
        let config = LocalConfig::default()
            .with_unknown_gateways(UnknownGateway::Reject)
            .with_gateway("prod", GatewaySettings::default().with_cache_ttl(60));
        let gateways = CreatedGateways::load(&store).await.unwrap();
        assert!(gateways.existing(&config, DEFAULT_GATEWAY).is_none());
        assert!(gateways.resolve(&config, DEFAULT_GATEWAY).is_none());
        let created = gateways.create_default(&config, &store).await.unwrap();
        assert_eq!(created.token, config.api_token);
        assert_eq!((created.cache_ttl, created.rate_limit, created.collect_logs), (None, None, true));
        assert_eq!(gateways.resolve(&config, DEFAULT_GATEWAY), Some(created));
        assert_eq!(gateways.existing(&config, "prod").and_then(|s| s.cache_ttl), Some(60));
        // Reloaded from the store (a restart): still there, still without a stored token.
        let reloaded = CreatedGateways::load(&store).await.unwrap();
        assert!(reloaded.existing(&config, DEFAULT_GATEWAY).is_some());
        assert!(store.created_gateways().await.unwrap()[0].1.token.is_none());
        // A configured `default` is never replaced.
        let configured = config.with_gateway(DEFAULT_GATEWAY, GatewaySettings::default().with_cache_ttl(5));
        let settings = reloaded.create_default(&configured, &store).await.unwrap();
        assert_eq!(settings.cache_ttl, Some(5));
    }
}
