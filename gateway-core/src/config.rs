//! Client configuration: account, credentials, base URLs, timeouts, retries.

use std::time::Duration;

use secrecy::SecretString;
use url::Url;

use crate::error::{Error, Result};

/// Default gateway host.
pub const DEFAULT_GATEWAY_BASE_URL: &str = "https://gateway.ai.cloudflare.com/v1";
/// Default Cloudflare API base.
pub const DEFAULT_API_BASE_URL: &str = "https://api.cloudflare.com/client/v4";

/// Environment variable: account id.
pub const ENV_ACCOUNT_ID: &str = "CLOUDFLARE_ACCOUNT_ID";
/// Environment variable: Cloudflare API token.
pub const ENV_API_TOKEN: &str = "CLOUDFLARE_API_TOKEN";
/// Environment variable: gateway token (`cf-aig-authorization`).
pub const ENV_GATEWAY_TOKEN: &str = "CF_AIG_TOKEN";
/// Environment variable: gateway base URL.
pub const ENV_GATEWAY_BASE_URL: &str = "CF_AIG_BASE_URL";
/// Environment variable: Cloudflare API base URL.
pub const ENV_API_BASE_URL: &str = "CLOUDFLARE_API_BASE_URL";

/// The `user-agent` of every request: `typed-gateway/{version}`, followed by
/// the application's own product token when one is set
/// ([`Config::with_application`]). Cloudflare's logs record it and can be
/// filtered by it (`FilterKey::UserAgent`).
pub const USER_AGENT: &str = concat!("typed-gateway/", env!("CARGO_PKG_VERSION"));

/// What the client sends in `cf-aig-authorization` on the gateway host
/// ([`Config::gateway_credential`]).
///
/// The gateway token when one is set; otherwise the Cloudflare API token.
/// Cloudflare's gateway tokens are API tokens with AI Gateway permissions,
/// so an API token with those permissions authenticates the gateway host
/// too, and the account's `default` gateway, which Cloudflare creates with
/// authentication on (`cloudflare-2026.md` §5.10), works with
/// `CLOUDFLARE_ACCOUNT_ID` and `CLOUDFLARE_API_TOKEN` alone. A gateway with
/// authentication off ignores the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatewayCredential {
    /// Nothing: neither token is configured.
    None,
    /// The gateway token (`CF_AIG_TOKEN`, [`Config::with_gateway_token`]).
    GatewayToken,
    /// The Cloudflare API token (`CLOUDFLARE_API_TOKEN`, [`Config::with_api_token`]),
    /// as no gateway token is configured.
    ApiToken,
}

impl GatewayCredential {
    /// What to do when the gateway refuses this credential (401, code 2009):
    /// which variable to set.
    pub fn advice(self) -> String {
        match self {
            Self::None => format!(
                "no credential was sent in `cf-aig-authorization`: set {ENV_API_TOKEN} to a Cloudflare API token \
                 with AI Gateway permissions (sent there when no gateway token is set), or {ENV_GATEWAY_TOKEN} to \
                 the gateway's token"
            ),
            Self::GatewayToken => format!(
                "the gateway token ({ENV_GATEWAY_TOKEN}, `Config::with_gateway_token`) was refused: set \
                 {ENV_GATEWAY_TOKEN} to a valid token of this gateway"
            ),
            Self::ApiToken => format!(
                "the Cloudflare API token ({ENV_API_TOKEN}), sent in `cf-aig-authorization` because no gateway \
                 token is set, was refused: give it AI Gateway permissions, or set {ENV_GATEWAY_TOKEN} to the \
                 gateway's token"
            ),
        }
    }
}

/// Which HTTP surface the client speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Transport {
    /// The public REST surface: the gateway host and the v4 API (default).
    Rest,
    /// The Workers binding's own backend protocol (`/run?version=3`,
    /// `/ai-gateway/...`) at this origin, for emulators of the binding.
    /// Logs listing, bulk delete and stored bodies are REST-only.
    Binding(Url),
}

/// How the client reaches Cloudflare. Tokens are kept as secrets: they never
/// appear in `Debug` output, errors or logs.
///
/// ```
/// use std::time::Duration;
/// use gateway_core::Config;
/// let config = Config::new("my-account")
///     .with_api_token("cf-token")
///     .with_gateway_token("aig-token")
///     .with_timeout(Duration::from_secs(30));
/// assert!(!format!("{config:?}").contains("cf-token"));
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) account_id: String,
    pub(crate) api_token: Option<SecretString>,
    pub(crate) gateway_token: Option<SecretString>,
    pub(crate) gateway_base_url: Url,
    pub(crate) api_base_url: Url,
    pub(crate) transport: Transport,
    pub(crate) timeout: Option<Duration>,
    pub(crate) connect_timeout: Duration,
    pub(crate) max_retries: u32,
    pub(crate) retry_base_delay: Duration,
    pub(crate) max_retry_delay: Duration,
    pub(crate) first_byte_timeout: Option<Duration>,
    pub(crate) idle_timeout: Option<Duration>,
    /// The application's product token, appended to [`USER_AGENT`].
    pub(crate) application: Option<String>,
    /// A setting rejected by a `with_*` call: (setting, reason), reported at build time.
    pub(crate) invalid: Option<(String, String)>,
}

impl Config {
    /// Configuration for `account_id` with Cloudflare's default hosts, a 120 s
    /// request timeout, a 10 s connect timeout and no client-side retries
    /// (the gateway retries; see [`with_max_retries`](Self::with_max_retries)).
    pub fn new(account_id: impl Into<String>) -> Self {
        Self {
            account_id: account_id.into(),
            api_token: None,
            gateway_token: None,
            gateway_base_url: Url::parse(DEFAULT_GATEWAY_BASE_URL).unwrap_or_else(|_| unreachable_url()),
            api_base_url: Url::parse(DEFAULT_API_BASE_URL).unwrap_or_else(|_| unreachable_url()),
            transport: Transport::Rest,
            timeout: Some(Duration::from_secs(120)),
            connect_timeout: Duration::from_secs(10),
            max_retries: 0,
            retry_base_delay: Duration::from_millis(250),
            max_retry_delay: Duration::from_secs(30),
            first_byte_timeout: Some(Duration::from_secs(60)),
            idle_timeout: Some(Duration::from_secs(60)),
            application: None,
            invalid: None,
        }
    }

    /// Reads `CLOUDFLARE_ACCOUNT_ID` (required), `CLOUDFLARE_API_TOKEN`,
    /// `CF_AIG_TOKEN`, `CF_AIG_BASE_URL` and `CLOUDFLARE_API_BASE_URL`.
    pub fn from_env() -> Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`from_env`](Self::from_env) over any variable source (for tests and
    /// for configuration kept elsewhere).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let account_id = get(ENV_ACCOUNT_ID)
            .ok_or_else(|| Error::Config { setting: ENV_ACCOUNT_ID.to_owned(), reason: "not set".to_owned() })?;
        let mut config = Self::new(account_id.trim());
        if let Some(token) = get(ENV_API_TOKEN) {
            config = config.with_api_token(token.trim());
        }
        if let Some(token) = get(ENV_GATEWAY_TOKEN) {
            config = config.with_gateway_token(token.trim());
        }
        if let Some(url) = get(ENV_GATEWAY_BASE_URL) {
            config.gateway_base_url = parse_base(ENV_GATEWAY_BASE_URL, &url)?;
        }
        if let Some(url) = get(ENV_API_BASE_URL) {
            config.api_base_url = parse_base(ENV_API_BASE_URL, &url)?;
        }
        Ok(config)
    }

    /// Sets the Cloudflare API token (v4 API and Workers AI; on the gateway
    /// host also `cf-aig-authorization` when no gateway token is set, see
    /// [`GatewayCredential`]).
    #[must_use]
    pub fn with_api_token(mut self, token: impl Into<String>) -> Self {
        self.api_token = Some(SecretString::from(token.into()));
        self
    }

    /// Sets the gateway token, sent as `cf-aig-authorization: Bearer <token>`
    /// on the gateway host. Without one, the API token is sent there
    /// instead (see [`GatewayCredential`]).
    #[must_use]
    pub fn with_gateway_token(mut self, token: impl Into<String>) -> Self {
        self.gateway_token = Some(SecretString::from(token.into()));
        self
    }

    /// Sets the gateway base URL (default `https://gateway.ai.cloudflare.com/v1`).
    /// An invalid URL is reported when the client is built.
    #[must_use]
    pub fn with_gateway_base_url(mut self, url: &str) -> Self {
        match parse_base("gateway_base_url", url) {
            Ok(url) => self.gateway_base_url = url,
            Err(e) => self.invalid = Some(config_parts(e)),
        }
        self
    }

    /// Sets the API base URL (default `https://api.cloudflare.com/client/v4`).
    /// An invalid URL is reported when the client is built.
    #[must_use]
    pub fn with_api_base_url(mut self, url: &str) -> Self {
        match parse_base("api_base_url", url) {
            Ok(url) => self.api_base_url = url,
            Err(e) => self.invalid = Some(config_parts(e)),
        }
        self
    }

    /// Speaks the binding backend protocol at `origin` instead of REST.
    #[must_use]
    pub fn with_binding_origin(mut self, origin: &str) -> Self {
        match parse_base("binding_origin", origin) {
            Ok(url) => self.transport = Transport::Binding(url),
            Err(e) => self.invalid = Some(config_parts(e)),
        }
        self
    }

    /// Adds the application's product token to the `user-agent` of every
    /// request: `with_application("myapp/1.2")` sends
    /// `typed-gateway/{version} myapp/1.2` ([`USER_AGENT`]). Printable ASCII
    /// without spaces at the ends; anything else is reported when the client is built.
    #[must_use]
    pub fn with_application(mut self, product: impl Into<String>) -> Self {
        let product = product.into();
        let printable = product.bytes().all(|b| (0x20..0x7f).contains(&b));
        if product.is_empty() || product.trim() != product || !printable {
            self.invalid = Some((
                "application".to_owned(),
                format!("{product:?} is not a user-agent product token (printable ASCII, e.g. `myapp/1.2`)"),
            ));
        } else {
            self.application = Some(product);
        }
        self
    }

    /// The `user-agent` every request carries: [`USER_AGENT`], then the
    /// application's product token when one is set.
    pub fn user_agent(&self) -> String {
        match &self.application {
            Some(product) => format!("{USER_AGENT} {product}"),
            None => USER_AGENT.to_owned(),
        }
    }

    /// What goes in `cf-aig-authorization` on the gateway host: the gateway
    /// token, else the API token, else nothing ([`GatewayCredential`]).
    pub fn gateway_credential(&self) -> GatewayCredential {
        match (&self.gateway_token, &self.api_token) {
            (Some(_), _) => GatewayCredential::GatewayToken,
            (None, Some(_)) => GatewayCredential::ApiToken,
            (None, None) => GatewayCredential::None,
        }
    }

    /// Sets the whole-request timeout (`None`: no limit).
    #[must_use]
    pub fn with_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.timeout = timeout.into();
        self
    }

    /// Streams: the longest wait from the request to the first byte of the
    /// answer (default 60 s; `None`: no limit). Streams are not bound by the
    /// whole-request timeout.
    #[must_use]
    pub fn with_first_byte_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.first_byte_timeout = timeout.into();
        self
    }

    /// Streams: the longest wait between two chunks (default 60 s; `None`: no limit).
    #[must_use]
    pub fn with_idle_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.idle_timeout = timeout.into();
        self
    }

    /// Sets the connect timeout.
    #[must_use]
    pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Client-side retries (default 0).
    ///
    /// Calls the client makes alone (the logs API, Workers AI without a
    /// gateway) are retried on 429, 5xx and connection failures. A request a
    /// gateway forwards to a provider is retried only when it certainly never
    /// reached one: the connection to the gateway could not be opened, or the
    /// gateway's own rate limit refused it. Provider failures are the
    /// gateway's to retry (`cf-aig-max-attempts`, [`GatewayRetries`](crate::GatewayRetries)),
    /// so client retries never multiply the gateway's attempts.
    #[must_use]
    pub fn with_max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// First delay between client-side retries (doubled each time, capped by
    /// [`with_max_retry_delay`](Self::with_max_retry_delay); a `retry-after` header wins).
    #[must_use]
    pub fn with_retry_base_delay(mut self, delay: Duration) -> Self {
        self.retry_base_delay = delay;
        self
    }

    /// Longest wait between client-side retries.
    #[must_use]
    pub fn with_max_retry_delay(mut self, delay: Duration) -> Self {
        self.max_retry_delay = delay;
        self
    }

    /// The account id.
    pub fn account_id(&self) -> &str {
        &self.account_id
    }
    /// The gateway base URL.
    pub fn gateway_base_url(&self) -> &Url {
        &self.gateway_base_url
    }
    /// The API base URL.
    pub fn api_base_url(&self) -> &Url {
        &self.api_base_url
    }
    /// The transport.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    pub(crate) fn validate(&self) -> Result<()> {
        if let Some((setting, reason)) = &self.invalid {
            return Err(Error::Config { setting: setting.clone(), reason: reason.clone() });
        }
        if self.account_id.trim().is_empty() {
            return Err(Error::Config { setting: "account_id".to_owned(), reason: "must not be empty".to_owned() });
        }
        Ok(())
    }
}

fn config_parts(error: Error) -> (String, String) {
    match error {
        Error::Config { setting, reason } => (setting, reason),
        other => ("config".to_owned(), other.to_string()),
    }
}

fn parse_base(setting: &str, url: &str) -> Result<Url> {
    let parsed = Url::parse(url.trim())
        .map_err(|e| Error::Config { setting: setting.to_owned(), reason: format!("not a URL ({e})") })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.cannot_be_a_base() {
        return Err(Error::Config { setting: setting.to_owned(), reason: "must be an http or https URL".to_owned() });
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        // Credentials in a URL would leak into every error message.
        return Err(Error::Config { setting: setting.to_owned(), reason: "must not contain credentials".to_owned() });
    }
    Ok(parsed)
}

fn unreachable_url() -> Url {
    // The defaults above are valid URLs; this only satisfies the type.
    Url::parse("http://127.0.0.1/").expect("static URL")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn from_lookup_reads_every_variable() {
        let vars: HashMap<&str, &str> = [
            (ENV_ACCOUNT_ID, "acc"),
            (ENV_API_TOKEN, "api-secret"),
            (ENV_GATEWAY_TOKEN, "aig-secret"),
            (ENV_GATEWAY_BASE_URL, "http://127.0.0.1:9/v1"),
            (ENV_API_BASE_URL, "http://127.0.0.1:9/client/v4"),
        ]
        .into();
        let config = Config::from_lookup(|k| vars.get(k).map(|v| (*v).to_owned())).unwrap();
        assert_eq!(config.account_id(), "acc");
        assert_eq!(config.gateway_base_url().as_str(), "http://127.0.0.1:9/v1");
        assert_eq!(config.api_base_url().as_str(), "http://127.0.0.1:9/client/v4");
        let debug = format!("{config:?}");
        assert!(!debug.contains("api-secret") && !debug.contains("aig-secret"), "{debug}");
    }

    #[test]
    fn the_api_token_authenticates_the_gateway_host_when_no_gateway_token_is_set() {
        assert_eq!(Config::new("a").gateway_credential(), GatewayCredential::None);
        assert_eq!(Config::new("a").with_api_token("t").gateway_credential(), GatewayCredential::ApiToken);
        let both = Config::new("a").with_api_token("t").with_gateway_token("g");
        assert_eq!(both.gateway_credential(), GatewayCredential::GatewayToken);
        assert!(GatewayCredential::None.advice().contains(ENV_API_TOKEN));
        assert!(GatewayCredential::GatewayToken.advice().contains(ENV_GATEWAY_TOKEN));
    }

    #[test]
    fn user_agent_names_the_library_then_the_application() {
        assert_eq!(Config::new("a").user_agent(), format!("typed-gateway/{}", env!("CARGO_PKG_VERSION")));
        let app = Config::new("a").with_application("myapp/1.2");
        assert_eq!(app.user_agent(), format!("typed-gateway/{} myapp/1.2", env!("CARGO_PKG_VERSION")));
        for bad in ["", " x", "caf\u{e9}/1", "a\nb"] {
            let err = Config::new("a").with_application(bad).validate().unwrap_err().to_string();
            assert!(err.contains("application"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn missing_or_bad_settings_are_named() {
        let err = Config::from_lookup(|_| None).unwrap_err().to_string();
        assert!(err.contains(ENV_ACCOUNT_ID), "{err}");
        let err = Config::from_lookup(|k| match k {
            ENV_ACCOUNT_ID => Some("a".into()),
            ENV_GATEWAY_BASE_URL => Some("ftp://x".into()),
            _ => None,
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains(ENV_GATEWAY_BASE_URL), "{err}");
        let err = Config::new("a").with_api_base_url("https://user:pw@host/").validate().unwrap_err().to_string();
        assert!(err.contains("api_base_url") && !err.contains("pw@"), "{err}");
    }
}
