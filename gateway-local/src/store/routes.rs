//! The `routes`, `route_versions` and `route_deployments` tables: dynamic
//! routes (`cloudflare-2026.md` §3.3) per gateway, each save a version, each
//! deploy a deployment; the latest deployment is the live one. Elements are
//! kept as the JSON text they are served back in (`Version.data`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use gateway_core::route::Element;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::{Store, StoreError};

/// Most routes per gateway.
pub(crate) const MAX_ROUTES_PER_GATEWAY: u64 = 100;
/// Most versions per route (and most deployments per route).
pub(crate) const MAX_VERSIONS_PER_ROUTE: u64 = 1_000;

/// The tables, created with the logs table when a store is opened.
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS routes (
    id TEXT PRIMARY KEY,
    gateway TEXT NOT NULL,
    name TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    modified_ms INTEGER NOT NULL,
    UNIQUE (gateway, name)
);
CREATE TABLE IF NOT EXISTS route_versions (
    version_id TEXT PRIMARY KEY,
    route_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    elements TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS route_versions_route ON route_versions (route_id, created_ms);
CREATE TABLE IF NOT EXISTS route_deployments (
    deployment_id TEXT PRIMARY KEY,
    route_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS route_deployments_route ON route_deployments (route_id, created_ms);
";

/// How long a deployed route read from the database is run without reading
/// it again: a write through this store is seen at once (it empties the
/// cache); one by another process sharing the file, within this.
pub(crate) const DEPLOYED_ROUTE_FRESH: Duration = Duration::from_secs(1);

/// Most deployed routes kept at once; past it the cache starts over.
const DEPLOYED_ROUTES_CACHED: usize = 1024;

/// A deployed route as requests run it.
#[derive(Debug)]
pub(crate) struct DeployedRoute {
    pub(crate) version_id: String,
    /// Its elements, or why the stored JSON cannot be read.
    pub(crate) elements: Result<Vec<Element>, String>,
}

/// The deployed routes requests ran lately, by gateway and name. A request
/// through `dynamic/{name}` used to read the route from the database (a
/// blocking-pool hop and four statements) and parse its elements: 55 µs of
/// CPU on one core (logs off) against 30 for a `compat` call to the same
/// model; kept, the same 30 (17 400 → 31 800 req/s at 32 connections). Only
/// routes found are kept, so names no route has do not fill it.
#[derive(Debug, Default)]
pub(super) struct DeployedRoutes {
    /// Bumped by every route write: a read begun before it is not kept.
    generation: AtomicU64,
    entries: Mutex<HashMap<RouteKey, (Instant, Arc<DeployedRoute>)>>,
}

/// A route's gateway and name.
type RouteKey = (String, String);

impl DeployedRoutes {
    fn fresh(&self, gateway: &str, name: &str) -> Option<Arc<DeployedRoute>> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let (read, route) = entries.get(&(gateway.to_owned(), name.to_owned()))?;
        (read.elapsed() < DEPLOYED_ROUTE_FRESH).then(|| Arc::clone(route))
    }

    /// Keeps `route`, read when the generation was `generation`, unless a
    /// write came since.
    fn keep(&self, generation: u64, read: Instant, gateway: String, name: String, route: &Arc<DeployedRoute>) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= DEPLOYED_ROUTES_CACHED {
            entries.clear();
        }
        entries.insert((gateway, name), (read, Arc::clone(route)));
    }

    /// A route write was committed (or tried): every kept route is read again.
    fn written(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

/// A stored route with its live deployment and that deployment's version.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RouteRow {
    pub(crate) id: String,
    pub(crate) gateway: String,
    pub(crate) name: String,
    pub(crate) created_ms: i64,
    pub(crate) modified_ms: i64,
    /// The live deployment and its version (a stored route always has one).
    pub(crate) live: Option<(DeploymentRow, VersionRow)>,
}

/// One saved version: its elements as JSON text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VersionRow {
    pub(crate) version_id: String,
    pub(crate) created_ms: i64,
    pub(crate) elements: String,
}

/// One deployment: which version went live when.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DeploymentRow {
    pub(crate) deployment_id: String,
    pub(crate) version_id: String,
    pub(crate) created_ms: i64,
}

fn new_id() -> String {
    uuid::Uuid::now_v7().hyphenated().to_string()
}

fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

fn count(conn: &Connection, sql: &str, key: &str) -> Result<u64, StoreError> {
    let n: i64 = conn.prepare_cached(sql)?.query_row([key], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

fn version_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<VersionRow> {
    Ok(VersionRow { version_id: row.get(0)?, created_ms: row.get(1)?, elements: row.get(2)? })
}

fn deployment_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<DeploymentRow> {
    Ok(DeploymentRow { deployment_id: row.get(0)?, version_id: row.get(1)?, created_ms: row.get(2)? })
}

/// Route `id` of `gateway` with its live deployment, if stored.
fn load(conn: &Connection, gateway: &str, id: &str) -> Result<Option<RouteRow>, StoreError> {
    let route = conn
        .prepare_cached("SELECT id, gateway, name, created_ms, modified_ms FROM routes WHERE gateway = ?1 AND id = ?2")?
        .query_row([gateway, id], |r| {
            Ok(RouteRow {
                id: r.get(0)?,
                gateway: r.get(1)?,
                name: r.get(2)?,
                created_ms: r.get(3)?,
                modified_ms: r.get(4)?,
                live: None,
            })
        })
        .optional()?;
    let Some(mut route) = route else { return Ok(None) };
    let deployment = conn
        .prepare_cached(
            "SELECT deployment_id, version_id, created_ms FROM route_deployments WHERE route_id = ?1 \
             ORDER BY created_ms DESC, rowid DESC LIMIT 1",
        )?
        .query_row([id], deployment_of)
        .optional()?;
    if let Some(deployment) = deployment {
        let version = version(conn, id, &deployment.version_id)?;
        route.live = version.map(|v| (deployment, v));
    }
    Ok(Some(route))
}

fn version(conn: &Connection, route_id: &str, version_id: &str) -> Result<Option<VersionRow>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT version_id, created_ms, elements FROM route_versions WHERE route_id = ?1 AND version_id = ?2",
        )?
        .query_row([route_id, version_id], version_of)
        .optional()?)
}

/// A name taken by another route of the gateway.
fn name_taken(conn: &Connection, gateway: &str, name: &str, except: &str) -> Result<(), StoreError> {
    let taken: Option<String> = conn
        .prepare_cached("SELECT id FROM routes WHERE gateway = ?1 AND name = ?2 AND id != ?3")?
        .query_row([gateway, name, except], |r| r.get(0))
        .optional()?;
    match taken {
        Some(_) => Err(StoreError::Invalid(format!("a route named {name:?} exists already in this gateway"))),
        None => Ok(()),
    }
}

/// Saves a version of `route_id` (after the bound check); its id.
fn insert_version(conn: &Connection, route_id: &str, elements: &str, now: i64) -> Result<String, StoreError> {
    let versions = count(conn, "SELECT COUNT(*) FROM route_versions WHERE route_id = ?1", route_id)?;
    if versions >= MAX_VERSIONS_PER_ROUTE {
        return Err(StoreError::Invalid(format!("a route has at most {MAX_VERSIONS_PER_ROUTE} versions")));
    }
    let version_id = new_id();
    conn.prepare_cached(
        "INSERT INTO route_versions (version_id, route_id, created_ms, elements) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![version_id, route_id, now, elements])?;
    conn.prepare_cached("UPDATE routes SET modified_ms = ?2 WHERE id = ?1")?.execute(params![route_id, now])?;
    Ok(version_id)
}

/// Makes `version_id` live (after the bound check).
fn insert_deployment(conn: &Connection, route_id: &str, version_id: &str, now: i64) -> Result<(), StoreError> {
    let deployments = count(conn, "SELECT COUNT(*) FROM route_deployments WHERE route_id = ?1", route_id)?;
    if deployments >= MAX_VERSIONS_PER_ROUTE {
        return Err(StoreError::Invalid(format!("a route has at most {MAX_VERSIONS_PER_ROUTE} deployments")));
    }
    conn.prepare_cached(
        "INSERT INTO route_deployments (deployment_id, route_id, version_id, created_ms) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![new_id(), route_id, version_id, now])?;
    conn.prepare_cached("UPDATE routes SET modified_ms = ?2 WHERE id = ?1")?.execute(params![route_id, now])?;
    Ok(())
}

impl Store {
    /// Runs a route write on the writer connection; then every kept
    /// deployed route is read again ([`DeployedRoutes::written`]).
    async fn write_routes<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let written = self.with(work).await;
        self.deployed_routes.written();
        written
    }

    /// Stores a new route of `gateway` with `elements` (JSON) as its first
    /// version, deployed. `Invalid` when the name is taken or the gateway
    /// holds its most routes.
    pub(crate) async fn create_route(
        &self,
        gateway: &str,
        name: &str,
        elements: String,
    ) -> Result<RouteRow, StoreError> {
        let (gateway, name) = (gateway.to_owned(), name.to_owned());
        self.write_routes(move |conn| {
            let tx = conn.transaction()?;
            if count(&tx, "SELECT COUNT(*) FROM routes WHERE gateway = ?1", &gateway)? >= MAX_ROUTES_PER_GATEWAY {
                return Err(StoreError::Invalid(format!("a gateway has at most {MAX_ROUTES_PER_GATEWAY} routes")));
            }
            name_taken(&tx, &gateway, &name, "")?;
            let (id, now) = (new_id(), now_ms());
            tx.prepare_cached(
                "INSERT INTO routes (id, gateway, name, created_ms, modified_ms) VALUES (?1, ?2, ?3, ?4, ?4)",
            )?
            .execute(params![id, gateway, name, now])?;
            let version_id = insert_version(&tx, &id, &elements, now)?;
            insert_deployment(&tx, &id, &version_id, now)?;
            let route = load(&tx, &gateway, &id)?.ok_or_else(|| StoreError::Task("the new route is gone".into()))?;
            tx.commit()?;
            Ok(route)
        })
        .await
    }

    /// A page of `gateway`'s routes, newest first.
    pub(crate) async fn list_routes(
        &self,
        gateway: &str,
        page: u64,
        per_page: u64,
    ) -> Result<Vec<RouteRow>, StoreError> {
        let gateway = gateway.to_owned();
        let offset = i64::try_from(page.saturating_sub(1).saturating_mul(per_page)).unwrap_or(i64::MAX);
        let limit = i64::try_from(per_page).unwrap_or(i64::MAX);
        self.read(false, move |conn| {
            let ids = conn
                .prepare_cached(
                    "SELECT id FROM routes WHERE gateway = ?1 ORDER BY created_ms DESC, rowid DESC LIMIT ?2 OFFSET ?3",
                )?
                .query_map(params![gateway, limit, offset], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            let mut routes = Vec::with_capacity(ids.len());
            for id in ids {
                routes.extend(load(conn, &gateway, &id)?);
            }
            Ok(routes)
        })
        .await
    }

    /// Route `id` of `gateway`.
    pub(crate) async fn get_route(&self, gateway: &str, id: &str) -> Result<Option<RouteRow>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.read(false, move |conn| load(conn, &gateway, &id)).await
    }

    /// Renames route `id`; `None` when there is no such route.
    pub(crate) async fn rename_route(
        &self,
        gateway: &str,
        id: &str,
        name: &str,
    ) -> Result<Option<RouteRow>, StoreError> {
        let (gateway, id, name) = (gateway.to_owned(), id.to_owned(), name.to_owned());
        self.write_routes(move |conn| {
            let tx = conn.transaction()?;
            if load(&tx, &gateway, &id)?.is_none() {
                return Ok(None);
            }
            name_taken(&tx, &gateway, &name, &id)?;
            tx.prepare_cached("UPDATE routes SET name = ?2, modified_ms = ?3 WHERE id = ?1")?.execute(params![
                id,
                name,
                now_ms()
            ])?;
            let route = load(&tx, &gateway, &id)?;
            tx.commit()?;
            Ok(route)
        })
        .await
    }

    /// Deletes route `id` with its versions and deployments; what it was.
    pub(crate) async fn delete_route(&self, gateway: &str, id: &str) -> Result<Option<RouteRow>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.write_routes(move |conn| {
            let tx = conn.transaction()?;
            let route = load(&tx, &gateway, &id)?;
            if route.is_some() {
                for sql in [
                    "DELETE FROM route_deployments WHERE route_id = ?1",
                    "DELETE FROM route_versions WHERE route_id = ?1",
                    "DELETE FROM routes WHERE id = ?1",
                ] {
                    tx.prepare_cached(sql)?.execute([&id])?;
                }
            }
            tx.commit()?;
            Ok(route)
        })
        .await
    }

    /// Saves `elements` as a new version (a draft) of route `id`: the route
    /// and the version, or `None` when there is no such route.
    pub(crate) async fn create_route_version(
        &self,
        gateway: &str,
        id: &str,
        elements: String,
    ) -> Result<Option<(RouteRow, VersionRow)>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.write_routes(move |conn| {
            let tx = conn.transaction()?;
            if load(&tx, &gateway, &id)?.is_none() {
                return Ok(None);
            }
            let version_id = insert_version(&tx, &id, &elements, now_ms())?;
            let found = load(&tx, &gateway, &id)?.zip(version(&tx, &id, &version_id)?);
            tx.commit()?;
            Ok(found)
        })
        .await
    }

    /// The versions of route `id`, newest first; `None` when there is no such route.
    pub(crate) async fn list_route_versions(
        &self,
        gateway: &str,
        id: &str,
    ) -> Result<Option<Vec<VersionRow>>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.read(false, move |conn| {
            if load(conn, &gateway, &id)?.is_none() {
                return Ok(None);
            }
            let versions = conn
                .prepare_cached(
                    "SELECT version_id, created_ms, elements FROM route_versions WHERE route_id = ?1 \
                     ORDER BY created_ms DESC, rowid DESC",
                )?
                .query_map([&id], version_of)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Some(versions))
        })
        .await
    }

    /// Route `id` and its version `version_id`, when both are stored.
    pub(crate) async fn get_route_version(
        &self,
        gateway: &str,
        id: &str,
        version_id: &str,
    ) -> Result<Option<(RouteRow, VersionRow)>, StoreError> {
        let (gateway, id, version_id) = (gateway.to_owned(), id.to_owned(), version_id.to_owned());
        self.read(false, move |conn| Ok(load(conn, &gateway, &id)?.zip(version(conn, &id, &version_id)?))).await
    }

    /// Makes version `version_id` of route `id` live: the route after, or
    /// `None` when the route or the version is not stored.
    pub(crate) async fn deploy_route_version(
        &self,
        gateway: &str,
        id: &str,
        version_id: &str,
    ) -> Result<Option<RouteRow>, StoreError> {
        let (gateway, id, version_id) = (gateway.to_owned(), id.to_owned(), version_id.to_owned());
        self.write_routes(move |conn| {
            let tx = conn.transaction()?;
            if load(&tx, &gateway, &id)?.is_none() || version(&tx, &id, &version_id)?.is_none() {
                return Ok(None);
            }
            insert_deployment(&tx, &id, &version_id, now_ms())?;
            let route = load(&tx, &gateway, &id)?;
            tx.commit()?;
            Ok(route)
        })
        .await
    }

    /// The deployments of route `id`, newest first; `None` when there is no such route.
    pub(crate) async fn list_route_deployments(
        &self,
        gateway: &str,
        id: &str,
    ) -> Result<Option<Vec<DeploymentRow>>, StoreError> {
        let (gateway, id) = (gateway.to_owned(), id.to_owned());
        self.read(false, move |conn| {
            if load(conn, &gateway, &id)?.is_none() {
                return Ok(None);
            }
            let deployments = conn
                .prepare_cached(
                    "SELECT deployment_id, version_id, created_ms FROM route_deployments WHERE route_id = ?1 \
                     ORDER BY created_ms DESC, rowid DESC",
                )?
                .query_map([&id], deployment_of)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Some(deployments))
        })
        .await
    }
}

/// Which logs a budget-limit node counts: its route's logs that walked
/// through it, in one bucket of its key.
#[derive(Debug, Clone)]
pub(crate) struct RouteSpend {
    pub(crate) gateway: String,
    pub(crate) route: String,
    pub(crate) element: String,
    /// Logs created at or after this instant (milliseconds since the epoch).
    pub(crate) since_ms: i64,
    /// The metadata key the node is keyed by and this request's value of it
    /// (`None`: the requests without it share a bucket); no key: one bucket.
    pub(crate) bucket: Option<(String, Option<serde_json::Value>)>,
}

impl Store {
    /// The deployed version of `gateway`'s route named `name`, its elements
    /// parsed; `None` when there is no such route or nothing of it is
    /// deployed. Kept for [`DEPLOYED_ROUTE_FRESH`] ([`DeployedRoutes`]).
    pub(crate) async fn deployed_route(
        &self,
        gateway: &str,
        name: &str,
    ) -> Result<Option<Arc<DeployedRoute>>, StoreError> {
        if let Some(route) = self.deployed_routes.fresh(gateway, name) {
            return Ok(Some(route));
        }
        let generation = self.deployed_routes.generation.load(Ordering::Acquire);
        let read = Instant::now();
        let (gateway, name) = (gateway.to_owned(), name.to_owned());
        let (key_gateway, key_name) = (gateway.clone(), name.clone());
        let stored = self
            .read(false, move |conn| {
                let id: Option<String> = conn
                    .prepare_cached("SELECT id FROM routes WHERE gateway = ?1 AND name = ?2")?
                    .query_row([&gateway, &name], |r| r.get(0))
                    .optional()?;
                let Some(id) = id else { return Ok(None) };
                Ok(load(conn, &gateway, &id)?.and_then(|route| route.live).map(|(_, v)| (v.version_id, v.elements)))
            })
            .await?;
        Ok(stored.map(|(version_id, elements)| {
            let elements = serde_json::from_str(&elements).map_err(|e| e.to_string());
            let route = Arc::new(DeployedRoute { version_id, elements });
            self.deployed_routes.keep(generation, read, key_gateway, key_name, &route);
            route
        }))
    }

    /// The logged cost (US dollars) of the requests [`RouteSpend`] selects.
    pub(crate) async fn route_spend(&self, spend: RouteSpend) -> Result<f64, StoreError> {
        self.read(false, move |conn| {
            let mut sql = String::from(
                "SELECT COALESCE(SUM(cost), 0) FROM logs WHERE gateway = ?1 AND created_ms >= ?2 AND route_name = ?3 \
                 AND EXISTS (SELECT 1 FROM json_each(route_path) WHERE value = ?4)",
            );
            let mut values: Vec<rusqlite::types::Value> =
                vec![spend.gateway.into(), spend.since_ms.into(), spend.route.into(), spend.element.into()];
            if let Some((key, value)) = spend.bucket {
                // `$."key"`: any key, quoted as a JSON path member.
                values.push(format!("$.{}", serde_json::Value::String(key)).into());
                match value.as_ref().and_then(sql_value) {
                    Some(value) => {
                        sql.push_str(" AND json_valid(metadata) AND json_extract(metadata, ?5) = ?6");
                        values.push(value);
                    }
                    None => sql.push_str(" AND (NOT json_valid(metadata) OR json_extract(metadata, ?5) IS NULL)"),
                }
            }
            Ok(conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(values), |r| r.get(0))?)
        })
        .await
    }
}

/// A metadata value as SQLite's `json_extract` returns it.
fn sql_value(value: &serde_json::Value) -> Option<rusqlite::types::Value> {
    use rusqlite::types::Value as Sql;
    match value {
        serde_json::Value::String(s) => Some(Sql::Text(s.clone())),
        serde_json::Value::Bool(b) => Some(Sql::Integer(i64::from(*b))),
        serde_json::Value::Number(n) => n.as_i64().map(Sql::Integer).or_else(|| n.as_f64().map(Sql::Real)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use gateway_core::route::{ModelSpec, Route};

    use super::super::Database;
    use super::*;

    /// Route `name`'s elements as stored: start -> `model` -> end.
    fn elements(name: &str, model: &str) -> String {
        let route = Route::build(name, |b| {
            let end = b.end("end");
            let node = b.model("m", ModelSpec::new("openai", model, Duration::from_secs(60), 0), end, end);
            b.start("start", node)
        })
        .unwrap();
        serde_json::to_string(&route.elements).unwrap()
    }

    fn model_of(route: &DeployedRoute) -> String {
        let elements = route.elements.as_ref().unwrap();
        elements
            .iter()
            .find_map(|e| match &e.node {
                gateway_core::route::Node::Model(node) => Some(node.model.clone()),
                _ => None,
            })
            .unwrap()
    }

    #[tokio::test]
    async fn a_deployed_route_is_read_once_and_every_write_through_the_store_is_seen_at_once() {
        let dir = std::env::temp_dir().join(format!("gl-routes-{}-{}", std::process::id(), crate::proxy::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("logs.sqlite3");
        let store = Store::open(&Database::File(path.clone())).unwrap();
        let created = store.create_route("main", "r", elements("r", "gpt-4o-mini")).await.unwrap();
        let first = store.deployed_route("main", "r").await.unwrap().expect("deployed");
        assert_eq!(model_of(&first), "gpt-4o-mini");
        let again = store.deployed_route("main", "r").await.unwrap().unwrap();
        assert!(Arc::ptr_eq(&first, &again), "the second request runs the kept route");

        // A new version deployed through this store: the next request runs it.
        let (_, version) =
            store.create_route_version("main", &created.id, elements("r", "gpt-4.1")).await.unwrap().unwrap();
        store.deploy_route_version("main", &created.id, &version.version_id).await.unwrap().unwrap();
        let deployed = store.deployed_route("main", "r").await.unwrap().unwrap();
        assert_eq!(
            (model_of(&deployed), deployed.version_id.as_str()),
            ("gpt-4.1".to_owned(), version.version_id.as_str())
        );

        // Renamed, then deleted: gone under its old name at once, then under the new one.
        store.rename_route("main", &created.id, "renamed").await.unwrap().unwrap();
        assert!(store.deployed_route("main", "r").await.unwrap().is_none());
        assert!(store.deployed_route("main", "renamed").await.unwrap().is_some());
        store.delete_route("main", &created.id).await.unwrap().unwrap();
        assert!(store.deployed_route("main", "renamed").await.unwrap().is_none());

        // Another process sharing the file: its deploy is run within `DEPLOYED_ROUTE_FRESH`.
        let other = Store::open(&Database::File(path)).unwrap();
        let created = store.create_route("main", "shared", elements("shared", "gpt-4o-mini")).await.unwrap();
        assert_eq!(model_of(&store.deployed_route("main", "shared").await.unwrap().unwrap()), "gpt-4o-mini");
        let (_, version) =
            other.create_route_version("main", &created.id, elements("shared", "gpt-4.1")).await.unwrap().unwrap();
        other.deploy_route_version("main", &created.id, &version.version_id).await.unwrap().unwrap();
        let deadline = Instant::now() + DEPLOYED_ROUTE_FRESH + Duration::from_secs(5);
        while model_of(&store.deployed_route("main", "shared").await.unwrap().unwrap()) != "gpt-4.1" {
            assert!(Instant::now() < deadline, "the other process's deploy was never run");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        drop((store, other));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_kept_routes_are_bounded_and_a_read_older_than_a_write_is_not_kept() {
        let routes = DeployedRoutes::default();
        let route = Arc::new(DeployedRoute { version_id: "v".to_owned(), elements: Ok(Vec::new()) });
        for n in 0..DEPLOYED_ROUTES_CACHED + 10 {
            routes.keep(0, Instant::now(), "g".to_owned(), format!("r{n}"), &route);
        }
        assert!(routes.entries.lock().unwrap().len() <= DEPLOYED_ROUTES_CACHED);
        // Read at generation 0, a write since: not kept.
        routes.written();
        routes.keep(0, Instant::now(), "g".to_owned(), "late".to_owned(), &route);
        assert!(routes.fresh("g", "late").is_none());
        routes.keep(1, Instant::now(), "g".to_owned(), "late".to_owned(), &route);
        assert!(routes.fresh("g", "late").is_some());
    }
}
