//! The REST answers of the route operations (`cloudflare-2026.md` §3.3), as
//! the SDK types them, and the calls [`HttpGateway`] makes.
//!
//! Timestamps are kept as the strings the API sends. Ids (`route_id`,
//! `version_id`, `deployment_id`) are opaque: their format is not
//! documented; they are sent as one URL path segment each.

use http::Method;
use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer, Serialize};

use super::{Element, Route};
use crate::error::{Error, Result};
use crate::gateway::HttpGateway;
use crate::wire::decode::{self, Call};
use crate::wire::url::Part;

/// The fields every route-shaped answer has: the 6-field object delete,
/// create-version and deploy answer with, and the core of [`RouteInfo`] and
/// [`RouteVersionDetail`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RouteRecord {
    /// The route id (opaque).
    pub id: String,
    /// The route name.
    pub name: String,
    /// The gateway it belongs to.
    pub gateway_id: String,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub modified_at: String,
    /// The elements (of the current version).
    #[serde(default)]
    pub elements: Vec<Element>,
}

/// A route as create, get, rename and list answer it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RouteInfo {
    /// Id, name, gateway, times and elements.
    #[serde(flatten)]
    pub route: RouteRecord,
    /// The live deployment, if any.
    #[serde(default)]
    pub deployment: Option<Deployment>,
    /// The current version, if any.
    #[serde(default)]
    pub version: Option<RouteVersion>,
    /// Sent only by rename and list (and not by every API version).
    #[serde(default)]
    pub account_tag: Option<String>,
}

/// A deployment: which version is live since when. A `comment` (older API
/// versions) is ignored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Deployment {
    /// The deployment id.
    pub deployment_id: String,
    /// The version it made live.
    pub version_id: String,
    /// When.
    pub created_at: String,
}

/// A version as listed. `active` is a string `"true"`/`"false"` on the
/// wire (a boolean is accepted too); `comment` is ignored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RouteVersion {
    /// The version id.
    pub version_id: String,
    /// Whether this version is the deployed one.
    #[serde(deserialize_with = "string_bool")]
    pub active: bool,
    /// When it was saved.
    pub created_at: String,
    /// The serialized elements as the API sends them (empty if absent).
    #[serde(default)]
    pub data: String,
    /// Whether the API found the version valid, when it says.
    #[serde(default)]
    pub is_valid: Option<bool>,
}

impl RouteVersion {
    /// The elements in [`data`](Self::data), decoded.
    ///
    /// # Errors
    /// [`Error::Decode`] when `data` is not a JSON list of elements.
    pub fn elements(&self) -> Result<Vec<Element>> {
        decode::json(self.data.as_bytes())
    }
}

/// One version as get-version answers it: the route's fields and the version's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RouteVersionDetail {
    /// Route id, name, gateway, times and the version's elements.
    #[serde(flatten)]
    pub route: RouteRecord,
    /// The version id.
    pub version_id: String,
    /// Whether this version is the deployed one (a string on the wire).
    #[serde(deserialize_with = "string_bool")]
    pub active: bool,
    /// The serialized elements.
    pub data: String,
    /// Whether the API found the version valid, when it says.
    #[serde(default)]
    pub is_valid: Option<bool>,
}

/// One page of a list: the items (`routes`, `versions` or `deployments`) and
/// the ordering and paging the API reports.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Listing<T> {
    /// The listed items.
    #[serde(alias = "routes", alias = "versions", alias = "deployments")]
    pub items: Vec<T>,
    /// The field the list is ordered by.
    #[serde(default)]
    pub order_by: Option<String>,
    /// `asc` or `desc`.
    #[serde(default)]
    pub order_by_direction: Option<String>,
    /// The page number.
    #[serde(default)]
    pub page: Option<u64>,
    /// Items per page.
    #[serde(default)]
    pub per_page: Option<u64>,
}

/// The query of [`Gateway::list_routes`](crate::Gateway::list_routes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ListRoutes {
    /// `page`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// `per_page`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

impl ListRoutes {
    /// The first page at the API's default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `page`.
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets `per_page`.
    #[must_use]
    pub fn per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }

    fn to_query(self) -> String {
        let mut out = Vec::new();
        out.extend(self.page.map(|p| format!("page={p}")));
        out.extend(self.per_page.map(|p| format!("per_page={p}")));
        out.join("&")
    }
}

fn string_bool<'de, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Text(String),
    }
    match Flag::deserialize(deserializer)? {
        Flag::Bool(b) => Ok(b),
        Flag::Text(s) if s == "true" => Ok(true),
        Flag::Text(s) if s == "false" => Ok(false),
        Flag::Text(s) => Err(de::Error::custom(format!("expected \"true\" or \"false\", got {s:?}"))),
    }
}

/// A list answer: `{"data": {...}, "success"}` as the SDK types it, or
/// under `result` as an OpenAPI-derived doc has it.
///
/// Unconfirmed in the spec (§3.3): we chose to accept both, `data` first.
#[derive(Deserialize)]
struct ListBody<T> {
    #[serde(default = "Option::default")]
    data: Option<Listing<T>>,
    #[serde(default = "Option::default")]
    result: Option<ResultData<T>>,
}

#[derive(Deserialize)]
struct ResultData<T> {
    data: Listing<T>,
}

/// The rename answer `{"route": Route, "success"}`, or a v4 `result`.
#[derive(Deserialize)]
struct RenameBody {
    #[serde(default)]
    route: Option<RouteInfo>,
    #[serde(default)]
    result: Option<RouteInfo>,
}

/// An id is one URL path segment: not empty, not `.` or `..`.
fn check_id(id: Option<&str>, field: &str) -> Result<()> {
    match id {
        Some("") => Err(Error::invalid(field, "must not be empty")),
        Some(dot @ ("." | "..")) => Err(Error::invalid(field, format!("{dot:?} is not a path segment"))),
        _ => Ok(()),
    }
}

/// Paths under `routes/`.
fn path<'a>(route_id: Option<&'a str>, tail: &[Part<'a>]) -> Vec<Part<'a>> {
    let mut parts = vec![Part::Fixed("routes")];
    parts.extend(route_id.map(Part::Segment));
    parts.extend_from_slice(tail);
    parts
}

impl HttpGateway {
    /// One route call: the request, a typed error on failure, the body on success.
    async fn route_call(
        &self,
        method: Method,
        parts: &[Part<'_>],
        query: &str,
        body: Option<Vec<u8>>,
        ids: (Option<&str>, Option<&str>),
    ) -> Result<bytes::Bytes> {
        self.rest_only_in("dynamic routing", "the REST API (`/routes`)")?;
        check_id(ids.0, "route id")?;
        check_id(ids.1, "version id")?;
        let mut request = self.management(method, parts, "route id")?;
        if !query.is_empty() {
            request.set_query(query);
        }
        if let Some(body) = body {
            request = request.json_body(body);
        }
        let answer = self.inner.execute(request).await?;
        if answer.is_success() {
            return Ok(answer.body);
        }
        let error = decode::classify(answer.status, &answer.headers, &answer.body, self.management_call());
        if let (404, Some(route_id), false) = (answer.status, ids.0, matches!(error, Error::GatewayNotFound { .. })) {
            let parsed: Option<serde_json::Value> = serde_json::from_slice(&answer.body).ok();
            let message = parsed
                .as_ref()
                .and_then(|v| v.get("errors")?.get(0)?.get("message")?.as_str().map(str::to_owned))
                .unwrap_or_else(|| decode::body_start(&answer.body));
            return Err(Error::RouteNotFound {
                route_id: route_id.to_owned(),
                version_id: ids.1.map(str::to_owned),
                message,
            });
        }
        Err(error)
    }

    fn management_call(&self) -> Call<'_> {
        Call::Management { gateway_id: &self.id }
    }

    async fn result<T: DeserializeOwned>(
        &self,
        method: Method,
        parts: &[Part<'_>],
        body: Option<Vec<u8>>,
        ids: (Option<&str>, Option<&str>),
    ) -> Result<T> {
        let body = self.route_call(method, parts, "", body, ids).await?;
        decode::envelope::<T>(&body).map(|e| e.result)
    }

    async fn listing<T: DeserializeOwned>(
        &self,
        parts: &[Part<'_>],
        query: &str,
        route_id: Option<&str>,
    ) -> Result<Listing<T>> {
        let body = self.route_call(Method::GET, parts, query, None, (route_id, None)).await?;
        let list = decode::json::<ListBody<T>>(&body)?;
        list.data.or(list.result.map(|r| r.data)).ok_or_else(|| Error::Decode {
            path: "data".to_owned(),
            body_start: decode::body_start(&body),
            source: de::Error::custom("a list answer has `data` (or `result.data`)"),
        })
    }

    pub(crate) async fn create_route_impl(&self, route: &Route) -> Result<RouteInfo> {
        route.validate()?;
        let body = serde_json::to_vec(route).map_err(|e| Error::invalid("route", e.to_string()))?;
        self.result(Method::POST, &path(None, &[]), Some(body), (None, None)).await
    }

    pub(crate) async fn list_routes_impl(&self, query: ListRoutes) -> Result<Listing<RouteInfo>> {
        self.listing(&path(None, &[]), &query.to_query(), None).await
    }

    pub(crate) async fn get_route_impl(&self, route_id: &str) -> Result<RouteInfo> {
        self.result(Method::GET, &path(Some(route_id), &[]), None, (Some(route_id), None)).await
    }

    pub(crate) async fn rename_route_impl(&self, route_id: &str, name: &str) -> Result<RouteInfo> {
        let body = serde_json::to_vec(&serde_json::json!({ "name": name }))
            .map_err(|e| Error::invalid("name", e.to_string()))?;
        let answer =
            self.route_call(Method::PATCH, &path(Some(route_id), &[]), "", Some(body), (Some(route_id), None)).await?;
        let renamed = decode::json::<RenameBody>(&answer)?;
        renamed.route.or(renamed.result).ok_or_else(|| Error::Decode {
            path: "route".to_owned(),
            body_start: decode::body_start(&answer),
            source: de::Error::custom("a rename answer has `route` (or `result`)"),
        })
    }

    pub(crate) async fn delete_route_impl(&self, route_id: &str) -> Result<RouteRecord> {
        self.result(Method::DELETE, &path(Some(route_id), &[]), None, (Some(route_id), None)).await
    }

    pub(crate) async fn create_version_impl(&self, route_id: &str, route: &Route) -> Result<RouteRecord> {
        route.validate()?;
        let body = serde_json::to_vec(&serde_json::json!({ "elements": route.elements }))
            .map_err(|e| Error::invalid("route", e.to_string()))?;
        let parts = path(Some(route_id), &[Part::Fixed("versions")]);
        self.result(Method::POST, &parts, Some(body), (Some(route_id), None)).await
    }

    pub(crate) async fn list_versions_impl(&self, route_id: &str) -> Result<Listing<RouteVersion>> {
        self.listing(&path(Some(route_id), &[Part::Fixed("versions")]), "", Some(route_id)).await
    }

    pub(crate) async fn get_version_impl(&self, route_id: &str, version_id: &str) -> Result<RouteVersionDetail> {
        let parts = path(Some(route_id), &[Part::Fixed("versions"), Part::Segment(version_id)]);
        self.result(Method::GET, &parts, None, (Some(route_id), Some(version_id))).await
    }

    pub(crate) async fn deploy_impl(&self, route_id: &str, version_id: &str) -> Result<RouteRecord> {
        if version_id.is_empty() {
            return Err(Error::invalid("version id", "must not be empty"));
        }
        let body = serde_json::to_vec(&serde_json::json!({ "version_id": version_id }))
            .map_err(|e| Error::invalid("version id", e.to_string()))?;
        let parts = path(Some(route_id), &[Part::Fixed("deployments")]);
        self.result(Method::POST, &parts, Some(body), (Some(route_id), None)).await
    }

    pub(crate) async fn list_deployments_impl(&self, route_id: &str) -> Result<Listing<Deployment>> {
        self.listing(&path(Some(route_id), &[Part::Fixed("deployments")]), "", Some(route_id)).await
    }
}
