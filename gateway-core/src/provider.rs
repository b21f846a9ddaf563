//! Providers: who answers behind the gateway, and how their credentials travel.
//!
//! [`ProviderSlug`] names the 20 providers of the binding's published list
//! (plus any other string). [`Provider`] is the trait a provider implements;
//! [`BuiltinProvider`] implements it for every slug, and a user's own provider
//! is one `impl Provider` away. The provider table ([`PROVIDERS`], one
//! [`ProviderInfo`] row per published provider) is where all of them are
//! described, once.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use secrecy::SecretString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::types::universal::{StepHeaderValue, UniversalStep};

mod model_name;
mod table;

pub use self::model_name::{MAX_MODEL_NAME_LEN, ModelName};
pub use self::table::{CredentialHeader, PROVIDERS, ProviderInfo, ProviderSlug, WireDialect, kind};

pub(crate) mod sealed {
    /// Only the published providers are [`BuiltinKind`](super::BuiltinKind)s.
    pub trait Sealed {}
}

/// A published provider as a type ([`kind::Openai`], ...): the `K` of a
/// typed [`BuiltinProvider<K>`]. Sealed: one per row of [`PROVIDERS`].
pub trait BuiltinKind: sealed::Sealed + Send + Sync + 'static {
    /// Its slug.
    const SLUG: ProviderSlug;
}

impl From<String> for ProviderSlug {
    fn from(s: String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}

impl FromStr for ProviderSlug {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(s))
    }
}

impl fmt::Display for ProviderSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ProviderSlug {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ProviderSlug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::from)
    }
}

/// Where a provider expects its credential.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthScheme {
    /// `Authorization: Bearer <key>`.
    Bearer,
    /// The raw key in a header of its own (`x-api-key`, `x-goog-api-key`, `api-key`, ...).
    Header(String),
    /// No credential (for example a key stored in the gateway, BYOK).
    None,
}

/// A provider behind the gateway.
///
/// Object-safe: gateways take `&dyn Provider`. Implement [`slug`](Self::slug),
/// [`base_url`](Self::base_url) and [`credential`](Self::credential); the
/// rest has defaults.
///
/// ```
/// use gateway_core::{AuthScheme, Provider, ProviderSlug};
/// use secrecy::SecretString;
///
/// #[derive(Debug)]
/// struct MyLlm { key: SecretString }
///
/// impl Provider for MyLlm {
///     fn slug(&self) -> ProviderSlug { ProviderSlug::Other("my-llm".into()) }
///     fn base_url(&self) -> &str { "https://llm.example.com/v1" }
///     fn auth_scheme(&self) -> AuthScheme { AuthScheme::Header("x-my-key".into()) }
///     fn credential(&self) -> Option<&SecretString> { Some(&self.key) }
/// }
///
/// let step = MyLlm { key: "k".into() }.step("generate", serde_json::json!({"q": 1}));
/// assert_eq!(step.provider.as_str(), "my-llm");
/// assert!(step.headers.get("x-my-key").is_some());
/// ```
pub trait Provider: Send + Sync + fmt::Debug {
    /// The slug the gateway routes on (`/{gateway}/{slug}/...`, a step's `provider`).
    fn slug(&self) -> ProviderSlug;

    /// The upstream base URL the gateway replaces. An embedded
    /// gateway-local forwards to it once the provider is registered with its
    /// builder (`LocalGateway::builder().provider(&p)`); a served one, from
    /// its `[upstreams]` table.
    fn base_url(&self) -> &str;

    /// Where the credential goes.
    fn auth_scheme(&self) -> AuthScheme {
        AuthScheme::Bearer
    }

    /// The provider credential, if this provider sends one.
    fn credential(&self) -> Option<&SecretString>;

    /// Headers the provider always needs besides the credential (`anthropic-version`).
    fn fixed_headers(&self) -> Vec<(String, String)> {
        Vec::new()
    }

    /// Credential and fixed headers, in that order.
    ///
    /// Provider routes (`Gateway::provider_request`, `GatewayExt::run_model`)
    /// build these same headers from [`credential`](Self::credential),
    /// [`auth_scheme`](Self::auth_scheme) and [`fixed_headers`](Self::fixed_headers)
    /// without this list (the `Bearer` value is kept per key): customise
    /// those, not this.
    fn request_headers(&self) -> Vec<(String, StepHeaderValue)> {
        let mut out = Vec::new();
        if let Some(key) = self.credential() {
            match self.auth_scheme() {
                AuthScheme::Bearer => {
                    use secrecy::ExposeSecret;
                    let bearer = format!("Bearer {}", key.expose_secret());
                    out.push(("Authorization".to_owned(), StepHeaderValue::Secret(bearer.into())));
                }
                AuthScheme::Header(name) => out.push((name, StepHeaderValue::Secret(key.clone()))),
                AuthScheme::None => {}
            }
        }
        out.extend(self.fixed_headers().into_iter().map(|(k, v)| (k, StepHeaderValue::String(v))));
        out
    }

    /// Turns a provider request into a universal step: this provider's slug,
    /// `endpoint` relative to its base URL, its headers plus
    /// `Content-Type: application/json`, and `query` as the body.
    fn step(&self, endpoint: &str, query: Value) -> UniversalStep {
        let mut step = UniversalStep::new(self.slug(), endpoint, query);
        for (name, value) in self.request_headers() {
            step.headers.insert(name, value);
        }
        step.headers.insert("Content-Type", "application/json");
        step
    }
}

impl<P: Provider + ?Sized> Provider for &P {
    fn slug(&self) -> ProviderSlug {
        (**self).slug()
    }
    fn base_url(&self) -> &str {
        (**self).base_url()
    }
    fn auth_scheme(&self) -> AuthScheme {
        (**self).auth_scheme()
    }
    fn credential(&self) -> Option<&SecretString> {
        (**self).credential()
    }
    fn fixed_headers(&self) -> Vec<(String, String)> {
        (**self).fixed_headers()
    }
}

/// Facts about a published provider: upstream base URL and credential header,
/// read from its row in [`PROVIDERS`].
///
/// Base URLs with `{placeholders}` are templates (region, resource); where
/// Cloudflare documents no auth header, `Authorization: Bearer` is assumed.
pub fn builtin_facts(slug: &ProviderSlug) -> Option<(&'static str, AuthScheme)> {
    let info = slug.info()?;
    let auth = match info.credential {
        CredentialHeader::Bearer => AuthScheme::Bearer,
        CredentialHeader::Named(name) => AuthScheme::Header(name.to_owned()),
    };
    Some((info.base_url, auth))
}

/// A provider of the published list, with an optional credential.
///
/// `K` is its kind: [`BuiltinProvider::openai`] (and `workers_ai`,
/// `anthropic`, [`of`](BuiltinProvider::of)) build a typed
/// `BuiltinProvider<kind::Openai>`, which a typed fallback step
/// ([`ModelRequest::to_step`](crate::ModelRequest::to_step),
/// [`Fallback::then`](crate::Fallback::then)) takes for the models that
/// provider serves, so a mismatch does not compile. [`BuiltinProvider::new`]
/// takes a slug at run time and builds the untyped
/// `BuiltinProvider<kind::Untyped>` (plain `BuiltinProvider`), for untyped
/// steps ([`Provider::step`], [`ModelRequest::to_step_dyn`](crate::ModelRequest::to_step_dyn)).
///
/// ```
/// use gateway_core::{BuiltinProvider, Provider, ProviderSlug};
/// let anthropic = BuiltinProvider::new(ProviderSlug::Anthropic).with_api_key("sk-ant-...");
/// let headers: Vec<String> = anthropic.request_headers().into_iter().map(|(k, _)| k).collect();
/// assert_eq!(headers, ["x-api-key", "anthropic-version"]);
/// ```
pub struct BuiltinProvider<K = kind::Untyped> {
    slug: ProviderSlug,
    base_url: String,
    auth: AuthScheme,
    credential: Option<SecretString>,
    kind: PhantomData<fn() -> K>,
}

impl<K> fmt::Debug for BuiltinProvider<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BuiltinProvider")
            .field("slug", &self.slug)
            .field("base_url", &self.base_url)
            .field("auth", &self.auth)
            .field("credential", &self.credential)
            .finish()
    }
}

impl<K> Clone for BuiltinProvider<K> {
    fn clone(&self) -> Self {
        Self {
            slug: self.slug.clone(),
            base_url: self.base_url.clone(),
            auth: self.auth.clone(),
            credential: self.credential.clone(),
            kind: PhantomData,
        }
    }
}

impl BuiltinProvider {
    /// A built-in provider whose slug is known at run time (untyped); `slug`
    /// must be one of the published ones ([`ProviderSlug::Other`] gets a
    /// Bearer credential and an empty base URL).
    pub fn new(slug: ProviderSlug) -> Self {
        Self::with_slug(slug)
    }
    /// The typed provider of kind `K` (`BuiltinProvider::of::<kind::Groq>()`).
    pub fn of<K: BuiltinKind>() -> BuiltinProvider<K> {
        BuiltinProvider::with_slug(K::SLUG)
    }
    /// Workers AI with a Cloudflare API token.
    pub fn workers_ai(token: impl Into<String>) -> BuiltinProvider<kind::WorkersAi> {
        Self::of().with_api_key(token)
    }
    /// OpenAI with an API key.
    pub fn openai(key: impl Into<String>) -> BuiltinProvider<kind::Openai> {
        Self::of().with_api_key(key)
    }
    /// Anthropic with an API key.
    pub fn anthropic(key: impl Into<String>) -> BuiltinProvider<kind::Anthropic> {
        Self::of().with_api_key(key)
    }
}

impl<K> BuiltinProvider<K> {
    fn with_slug(slug: ProviderSlug) -> Self {
        let (base_url, auth) = builtin_facts(&slug).unwrap_or(("", AuthScheme::Bearer));
        Self { slug, base_url: base_url.to_owned(), auth, credential: None, kind: PhantomData }
    }
    /// Sets the provider credential (API key or token).
    #[must_use]
    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.credential = Some(SecretString::from(key.into()));
        self
    }
    /// Overrides the upstream base URL.
    #[must_use]
    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }
    /// The same provider, untyped (to keep providers of several kinds in one list).
    pub fn untyped(self) -> BuiltinProvider {
        let Self { slug, base_url, auth, credential, kind: _ } = self;
        BuiltinProvider { slug, base_url, auth, credential, kind: PhantomData }
    }
}

impl<K> Provider for BuiltinProvider<K> {
    fn slug(&self) -> ProviderSlug {
        self.slug.clone()
    }
    fn base_url(&self) -> &str {
        &self.base_url
    }
    fn auth_scheme(&self) -> AuthScheme {
        self.auth.clone()
    }
    fn credential(&self) -> Option<&SecretString> {
        self.credential.as_ref()
    }
    fn fixed_headers(&self) -> Vec<(String, String)> {
        let fixed = self.slug.info().map_or(&[][..], |info| info.fixed_headers);
        fixed.iter().map(|&(name, value)| (name.to_owned(), value.to_owned())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_published_slug_round_trips_and_has_facts() {
        assert_eq!(ProviderSlug::ALL.len(), 20);
        for slug in ProviderSlug::ALL {
            assert_eq!(ProviderSlug::from(slug.as_str()), slug);
            let (base, _) = builtin_facts(&slug).expect("facts");
            assert!(base.starts_with("https://"), "{slug}: {base}");
        }
        assert_eq!(ProviderSlug::from("compat"), ProviderSlug::Other("compat".into()));
    }

    #[test]
    fn credential_headers_follow_the_scheme() {
        let cases = [
            (ProviderSlug::Openai, "Authorization", "Bearer k"),
            (ProviderSlug::Anthropic, "x-api-key", "k"),
            (ProviderSlug::GoogleAiStudio, "x-goog-api-key", "k"),
            (ProviderSlug::AzureOpenai, "api-key", "k"),
            (ProviderSlug::Elevenlabs, "xi-api-key", "k"),
            (ProviderSlug::WorkersAi, "Authorization", "Bearer k"),
        ];
        for (slug, header, value) in cases {
            let step = BuiltinProvider::new(slug.clone()).with_api_key("k").step("e", Value::Null);
            assert_eq!(step.headers.get(header).and_then(StepHeaderValue::to_wire).as_deref(), Some(value), "{slug}");
            assert!(!format!("{step:?}").contains("Bearer k"));
        }
    }
}
