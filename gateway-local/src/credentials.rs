//! What a credential looks like on the way through: provider keys in headers
//! and in query strings (Google's `?key=...`). The gateway forwards them
//! untouched, never stores them, and keys the cache by a digest of them so
//! one caller's answer is never served to another.

use http::{HeaderMap, HeaderName, HeaderValue};
use sha2::{Digest, Sha256};

/// Query parameters that carry a credential (compared case-insensitively).
const CREDENTIAL_PARAMETERS: &[&str] = &["key", "api_key", "api-key", "token", "access_token", "sig", "signature"];

/// What a redacted credential value is replaced with in stored paths.
pub(crate) const REDACTED: &str = "REDACTED";

/// Whether a (lower-case) header name carries a credential: the providers'
/// auth headers and anything named like a key, token, secret or cookie.
pub(crate) fn is_credential_header(lower: &str) -> bool {
    const WORDS: [&[u8]; 6] = [b"key", b"token", b"secret", b"auth", b"signature", b"credential"];
    let name = lower.as_bytes();
    // One pass over the name (it is checked for every header of every
    // request): only where a word could start is any word compared.
    matches!(lower, "authorization" | "proxy-authorization" | "cookie")
        || (0..name.len()).any(|at| {
            matches!(name[at], b'k' | b't' | b's' | b'a' | b'c')
                && WORDS.iter().any(|word| name[at..].starts_with(word))
        })
}

/// Whether a query parameter name (as sent, possibly percent-encoded) names a credential.
fn is_credential_parameter(name: &str) -> bool {
    let decoded = percent_encoding::percent_decode_str(name).decode_utf8_lossy();
    CREDENTIAL_PARAMETERS.iter().any(|p| decoded.eq_ignore_ascii_case(p))
}

/// Splits `endpoint` into its path and query (without the `?`).
fn split_query(endpoint: &str) -> (&str, Option<&str>) {
    match endpoint.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (endpoint, None),
    }
}

/// `endpoint` with the value of every credential query parameter replaced by
/// [`REDACTED`]; everything else as sent, byte for byte.
pub(crate) fn redact_endpoint(endpoint: &str) -> String {
    let (path, Some(query)) = split_query(endpoint) else { return endpoint.to_owned() };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if is_credential_parameter(name) => format!("{name}={REDACTED}"),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

/// A digest of the gateway token a caller presents (`cf-aig-authorization`),
/// whatever the case of its scheme.
pub(crate) fn gateway_token_digest(headers: &HeaderMap) -> Option<[u8; 32]> {
    let value = headers.get(gateway_core::types::headers::AUTHORIZATION)?.as_bytes();
    let token = value.iter().position(|b| *b == b' ').map_or(value, |space| &value[space + 1..]);
    Some(Sha256::digest(token).into())
}

/// A digest of every credential a caller presents for one provider request:
/// its credential headers (sorted, so their order does not matter), the
/// credential query parameters of its endpoint, and the gateway token.
pub(crate) fn caller_digest(headers: &HeaderMap, endpoint: &str, gateway_token: Option<&[u8]>) -> [u8; 32] {
    let mut credentials: Vec<(&str, &[u8])> = headers
        .iter()
        .filter(|(name, _)| is_credential_header(name.as_str()))
        .map(|(name, value)| (name.as_str(), value.as_bytes()))
        .collect();
    if let (_, Some(query)) = split_query(endpoint) {
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            if is_credential_parameter(name) {
                credentials.push((name, value.as_bytes()));
            }
        }
    }
    credentials.sort_unstable();
    let mut hash = Sha256::new();
    for (name, value) in credentials {
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(value);
        hash.update([0]);
    }
    hash.update(b"gateway-token\0");
    if let Some(token) = gateway_token {
        hash.update(token);
    }
    hash.finalize().into()
}

/// The stored provider keys of the configuration, resolved when the gateway
/// starts (`{ env = ... }` read then), each already in its provider's
/// credential header form and marked sensitive. `Debug` shows only which
/// provider and alias have a key.
#[derive(Default)]
pub(crate) struct StoredKeys {
    /// (provider slug, alias) → (credential header, its value).
    keys: std::collections::HashMap<(String, String), (HeaderName, HeaderValue)>,
}

impl std::fmt::Debug for StoredKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<String> = self.keys.keys().map(|(p, a)| format!("{p}.{a}")).collect();
        names.sort_unstable();
        f.debug_struct("StoredKeys").field("keys", &names).finish_non_exhaustive()
    }
}

/// Where provider `slug` expects its credential: the header, and whether
/// its value is `Bearer <key>`.
fn credential_header(slug: &str) -> Option<(HeaderName, bool)> {
    use gateway_core::provider::CredentialHeader;
    Some(match gateway_core::provider::ProviderInfo::of(slug)?.credential {
        CredentialHeader::Bearer => (http::header::AUTHORIZATION, true),
        CredentialHeader::Named(name) => (HeaderName::from_static(name), false),
        _ => return None,
    })
}

impl StoredKeys {
    /// Resolves `config.provider_keys` (reading `{ env = ... }` variables);
    /// an error names the provider, alias or variable, never a key.
    pub(crate) fn resolve(config: &crate::config::LocalConfig) -> Result<Self, crate::config::ConfigError> {
        use crate::config::{ConfigError, ProviderKey};
        let mut keys = std::collections::HashMap::new();
        for (provider, aliases) in &config.provider_keys {
            let Some((header, bearer)) = credential_header(provider) else {
                return Err(ConfigError::Invalid(format!("provider_keys.{provider}: unknown provider slug")));
            };
            for (alias, key) in aliases {
                let where_ = format!("provider_keys.{provider}.{alias}");
                let secret = match key {
                    ProviderKey::Value(value) => value.clone(),
                    ProviderKey::Env { env } => std::env::var(env).map_err(|_| {
                        ConfigError::Invalid(format!("{where_}: environment variable {env} is not set (or not UTF-8)"))
                    })?,
                };
                let text = if bearer { format!("Bearer {secret}") } else { secret };
                let mut value =
                    HeaderValue::from_str(&text).ok().filter(|_| !text.trim().is_empty()).ok_or_else(|| {
                        ConfigError::Invalid(format!("{where_}: the key must be non-empty visible ASCII"))
                    })?;
                value.set_sensitive(true);
                keys.insert((provider.clone(), alias.clone()), (header.clone(), value));
            }
        }
        Ok(Self { keys })
    }

    /// The stored credential of `provider` under `alias`: its header and value.
    pub(crate) fn get(&self, provider: &str, alias: &str) -> Option<&(HeaderName, HeaderValue)> {
        self.keys.get(&(provider.to_owned(), alias.to_owned()))
    }
}

/// Whether a provider request carries a credential of its own: the
/// provider's credential header, an `authorization` header (OpenAI-format
/// callers of any provider), or a credential in the query string (`?key=`).
/// Without one (and no stored key), Cloudflare bills it through Unified
/// Billing: a log's `wholesale`.
pub(crate) fn carries_credential(provider: &str, headers: &HeaderMap, endpoint: &str) -> bool {
    let named = credential_header(provider).is_some_and(|(name, _)| headers.contains_key(name));
    let in_query = split_query(endpoint)
        .1
        .is_some_and(|q| q.split('&').any(|pair| is_credential_parameter(pair.split_once('=').map_or(pair, |p| p.0))));
    named || headers.contains_key(http::header::AUTHORIZATION) || in_query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_parameters_are_redacted_case_insensitively_and_nothing_else() {
        assert_eq!(
            redact_endpoint(
                "v1/models/g:generateContent?alt=sse&KEY=AIza-1&Api_Key=x&api-key=y&token=t&access_token=a&sig=s&Signature=z&keys=kept"
            ),
            "v1/models/g:generateContent?alt=sse&KEY=REDACTED&Api_Key=REDACTED&api-key=REDACTED&token=REDACTED&access_token=REDACTED&sig=REDACTED&Signature=REDACTED&keys=kept"
        );
        assert_eq!(redact_endpoint("chat/completions"), "chat/completions");
        assert_eq!(redact_endpoint("x?%6Bey=secret"), "x?%6Bey=REDACTED", "an encoded name is still a key");
        assert_eq!(redact_endpoint("x?key"), "x?key", "no value, nothing to hide");
    }

    #[test]
    fn digests_differ_by_any_credential_and_not_by_order() {
        let mut a = HeaderMap::new();
        a.insert("authorization", HeaderValue::from_static("Bearer one"));
        a.insert("content-type", HeaderValue::from_static("application/json"));
        let mut b = a.clone();
        b.insert("authorization", HeaderValue::from_static("Bearer two"));
        let none = HeaderMap::new();
        let digest = |h: &HeaderMap, e: &str, t: Option<&[u8]>| caller_digest(h, e, t);
        assert_ne!(digest(&a, "x", None), digest(&b, "x", None));
        assert_ne!(digest(&a, "x", None), digest(&none, "x", None));
        assert_ne!(digest(&none, "x?key=1", None), digest(&none, "x?key=2", None));
        assert_ne!(digest(&none, "x", Some(b"Bearer g1")), digest(&none, "x", Some(b"Bearer g2")));
        assert_eq!(digest(&none, "x?alt=sse", None), digest(&none, "y", None), "only credentials count");
        let mut c = HeaderMap::new();
        c.insert("x-api-key", HeaderValue::from_static("k"));
        c.insert("authorization", HeaderValue::from_static("Bearer one"));
        let mut d = HeaderMap::new();
        d.insert("authorization", HeaderValue::from_static("Bearer one"));
        d.insert("x-api-key", HeaderValue::from_static("k"));
        assert_eq!(digest(&c, "x", None), digest(&d, "x", None));
    }
}
