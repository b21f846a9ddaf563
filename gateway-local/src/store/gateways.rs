//! The `gateways` table: gateways the gateway created itself (the account's
//! `default`, created on first authenticated use of the REST API), so they
//! stay created across a restart on the same database file. Configured
//! gateways are not stored: the configuration is their source.

use rusqlite::OptionalExtension as _;

use super::{Store, StoreError};
use crate::config::GatewaySettings;

/// The table, created with the logs table when a store is opened.
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS gateways (
    id TEXT PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    settings TEXT NOT NULL
);
";

impl Store {
    /// Every created gateway and its settings. A row whose settings no
    /// longer parse (written by another version) is skipped with a warning.
    pub(crate) async fn created_gateways(&self) -> Result<Vec<(String, GatewaySettings)>, StoreError> {
        let rows = self
            .read(false, |conn| {
                let mut statement = conn.prepare("SELECT id, settings FROM gateways ORDER BY created_ms, id")?;
                let rows = statement
                    .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(rows)
            })
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, text)| match serde_json::from_str::<GatewaySettings>(&text) {
                Ok(settings) => Some((id, settings)),
                Err(e) => {
                    tracing::warn!(gateway = %id, error = %e, "a stored gateway's settings do not parse; skipped");
                    None
                }
            })
            .collect())
    }

    /// Stores gateway `id` with `settings` unless it is stored already;
    /// returns the settings stored (the earlier ones if it was). Settings
    /// carry no secret: a token is never stored (the caller clears it).
    pub(crate) async fn create_gateway(
        &self,
        id: &str,
        settings: &GatewaySettings,
    ) -> Result<GatewaySettings, StoreError> {
        debug_assert!(settings.token.is_none(), "gateway tokens are never stored");
        let text = serde_json::to_string(settings).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let id = id.to_owned();
        let now = jiff::Timestamp::now().as_millisecond();
        let stored = self
            .with(move |conn| {
                conn.prepare_cached("INSERT OR IGNORE INTO gateways (id, created_ms, settings) VALUES (?1, ?2, ?3)")?
                    .execute(rusqlite::params![id, now, text])?;
                Ok(conn
                    .prepare_cached("SELECT settings FROM gateways WHERE id = ?1")?
                    .query_row([&id], |row| row.get::<_, String>(0))
                    .optional()?)
            })
            .await?;
        match stored.map(|text| serde_json::from_str(&text)) {
            Some(Ok(settings)) => Ok(settings),
            _ => Ok(settings.clone()),
        }
    }

    /// When the gateway created gateway `id` (the account's `default`), if it did.
    pub(crate) async fn gateway_created_ms(&self, id: &str) -> Result<Option<i64>, StoreError> {
        let id = id.to_owned();
        self.read(false, move |conn| {
            Ok(conn
                .prepare_cached("SELECT created_ms FROM gateways WHERE id = ?1")?
                .query_row([&id], |row| row.get(0))
                .optional()?)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Database;

    #[tokio::test]
    async fn a_created_gateway_is_kept_once() {
        let store = Store::open(&Database::Memory).unwrap();
        assert!(store.created_gateways().await.unwrap().is_empty());
        let first = GatewaySettings::default().with_cache_ttl(7);
        assert_eq!(store.create_gateway("default", &first).await.unwrap(), first);
        // Created again (a race, a second request): the first settings stay.
        let second = GatewaySettings::default();
        assert_eq!(store.create_gateway("default", &second).await.unwrap(), first);
        assert_eq!(store.created_gateways().await.unwrap(), vec![("default".to_owned(), first)]);
        assert!(store.gateway_created_ms("default").await.unwrap().is_some());
        assert_eq!(store.gateway_created_ms("other").await.unwrap(), None);
    }
}
