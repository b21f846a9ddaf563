//! Model names as Cloudflare's `run` takes them today (`cloudflare-2026.md`
//! §1.4, §2.1): Workers AI ids, catalog names `{author}/{model}` and
//! dynamic routes. The one place a model name is classified, for the client
//! and for gateway-local alike.

use std::fmt;

use super::ProviderInfo;
use crate::error::{Error, Result};

/// Longest model name accepted (Cloudflare publishes no limit; ours).
pub const MAX_MODEL_NAME_LEN: usize = 256;

/// What a model name names.
///
/// ```
/// use gateway_core::provider::ModelName;
///
/// let name = ModelName::parse("openai/gpt-5.5").unwrap();
/// assert_eq!(name, ModelName::Catalog { author: "openai", model: "gpt-5.5" });
/// assert_eq!(name.provider().map(|p| p.slug), Some("openai"));
/// assert!(name.requires_gateway());
///
/// // The `/compat` spelling of a Workers AI model is the model's id.
/// let name = ModelName::parse("workers-ai/@cf/meta/llama-3.1-8b-instruct").unwrap();
/// assert_eq!(name.to_string(), "@cf/meta/llama-3.1-8b-instruct");
/// assert!(!name.requires_gateway());
///
/// assert_eq!(ModelName::parse("dynamic/support").unwrap(), ModelName::Dynamic("support"));
/// assert!(ModelName::parse("gpt-4o").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModelName<'a> {
    /// A Workers AI model id, `@cf/{author}/{model}` or `@hf/{author}/{model}`
    /// (given as such or in the `/compat` form `workers-ai/@cf/...`).
    WorkersAi(&'a str),
    /// A third-party model of Cloudflare's catalog, `{author}/{model}`
    /// (`openai/gpt-5.5`, `anthropic/claude-sonnet-4-5`, `google/...`, `xai/...`).
    Catalog {
        /// The model's author (not always the provider slug: `google`, `xai`).
        author: &'a str,
        /// The model, as its provider names it.
        model: &'a str,
    },
    /// A dynamic route of the gateway, `dynamic/{route}`.
    Dynamic(&'a str),
}

/// The prefix of a dynamic route's model name.
const DYNAMIC: &str = "dynamic/";
/// The catalog author of Workers AI models in the `/compat` form.
const WORKERS_AI_AUTHOR: &str = "workers-ai";

impl<'a> ModelName<'a> {
    /// Classifies `name`, or says why it is not a model name `run` accepts.
    pub fn parse(name: &'a str) -> Result<Self> {
        let invalid = |reason: String| Err(Error::invalid("model", reason));
        if name.is_empty() {
            return invalid("is empty".to_owned());
        }
        if name.len() > MAX_MODEL_NAME_LEN {
            return invalid(format!("is {} bytes long, over the limit of {MAX_MODEL_NAME_LEN}", name.len()));
        }
        let scan = Scan::of(name);
        if scan.bad_char {
            let c = name.chars().find(|c| c.is_whitespace() || c.is_control()).unwrap_or(' ');
            return invalid(format!("{name:?} contains {c:?}; model names have no spaces or control characters"));
        }
        // Names travel in URL paths (Workers AI) and are echoed in logs: no
        // empty, `.` or `..` segments (`../../accounts/other`).
        if scan.bad_segment {
            return invalid(format!("{name:?} has an empty, `.` or `..` segment"));
        }
        if name.starts_with("@cf/") || name.starts_with("@hf/") {
            return if name[4..].is_empty() || name.ends_with('/') {
                invalid(format!("{name:?} names no model after its prefix"))
            } else {
                Ok(Self::WorkersAi(name))
            };
        }
        if let Some(route) = name.strip_prefix(DYNAMIC) {
            return if route.is_empty() || route.contains('/') {
                invalid(format!("{name:?}: a dynamic route is named `dynamic/{{route}}`, one segment"))
            } else {
                Ok(Self::Dynamic(route))
            };
        }
        match scan.first_slash.map(|slash| (&name[..slash], &name[slash + 1..])) {
            Some((WORKERS_AI_AUTHOR, id)) if id.starts_with("@cf/") || id.starts_with("@hf/") => Self::parse(id),
            Some((author, model))
                if author.starts_with(|c: char| c.is_ascii_alphanumeric())
                    && !model.is_empty()
                    && !model.ends_with('/')
                    && author.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) =>
            {
                Ok(Self::Catalog { author, model })
            }
            _ => invalid(format!(
                "{name:?} is not a model name `run` accepts: use a Workers AI id (`@cf/meta/llama-3.1-8b-instruct`), \
                 a catalog name `{{author}}/{{model}}` (`openai/gpt-5.5`) or a dynamic route (`dynamic/{{route}}`)"
            )),
        }
    }

    /// Whether `run` needs a gateway id for it: every model but Workers AI's
    /// (`cloudflare-2026.md` §2.1).
    pub fn requires_gateway(&self) -> bool {
        !matches!(self, Self::WorkersAi(_))
    }

    /// The provider that serves it: Workers AI, the provider of a known
    /// catalog author, or `None` (an unknown author; a dynamic route, whose
    /// nodes decide).
    pub fn provider(&self) -> Option<&'static ProviderInfo> {
        match self {
            Self::WorkersAi(_) => ProviderInfo::of_catalog_author(WORKERS_AI_AUTHOR),
            Self::Catalog { author, .. } => ProviderInfo::of_catalog_author(author),
            Self::Dynamic(_) => None,
        }
    }

    /// The catalog name of model `id` served by `provider`: `{author}/{id}`
    /// with the provider's first catalog author (`openai/gpt-4o-mini`), `id`
    /// itself when it already is a catalog name of that author or a Workers
    /// AI id; `None` when the provider has no catalog author.
    ///
    /// ```
    /// use gateway_core::ProviderSlug;
    /// use gateway_core::provider::ModelName;
    /// assert_eq!(ModelName::catalog_name(&ProviderSlug::Openai, "gpt-4o-mini").as_deref(), Some("openai/gpt-4o-mini"));
    /// assert_eq!(ModelName::catalog_name(&ProviderSlug::Grok, "xai/grok-3").as_deref(), Some("xai/grok-3"));
    /// assert_eq!(ModelName::catalog_name(&ProviderSlug::Groq, "llama"), None);
    /// ```
    pub fn catalog_name(provider: &super::ProviderSlug, id: &str) -> Option<String> {
        let authors = provider.info()?.catalog_authors;
        // Every model name has a `/`: a bare id (`gpt-4o-mini`, the usual
        // case) is not parsed, which would only build the error saying so.
        let parsed = if id.contains('/') { ModelName::parse(id).ok() } else { None };
        match parsed {
            Some(ModelName::WorkersAi(id)) if authors.contains(&WORKERS_AI_AUTHOR) => Some(id.to_owned()),
            Some(ModelName::Catalog { author, .. }) if authors.contains(&author) => Some(id.to_owned()),
            _ => authors.first().filter(|a| **a != WORKERS_AI_AUTHOR).map(|author| {
                // Not `format!`: its machinery costs more than the copies.
                let mut name = String::with_capacity(author.len() + 1 + id.len());
                name.push_str(author);
                name.push('/');
                name.push_str(id);
                name
            }),
        }
    }

    /// The model as its provider names it: the Workers AI id, or the catalog
    /// name without its author (`gpt-5.5`); `None` for a dynamic route.
    pub fn provider_model(&self) -> Option<&'a str> {
        match self {
            Self::WorkersAi(id) => Some(id),
            Self::Catalog { model, .. } => Some(model),
            Self::Dynamic(_) => None,
        }
    }
}

/// What [`ModelName::parse`] checks in a name's characters, read in one pass.
struct Scan {
    /// A whitespace or control character (`char::is_whitespace`, `char::is_control`).
    bad_char: bool,
    /// A `.` or `..` segment, or an empty one between two `/` (`//`).
    bad_segment: bool,
    /// Where the first `/` is.
    first_slash: Option<usize>,
}

impl Scan {
    /// Byte classes: a whitespace or control byte (up to a space, and DEL), a
    /// byte of a non-ASCII character, `/`.
    const BAD: u8 = 1;
    const NON_ASCII: u8 = 2;
    const SLASH: u8 = 4;
    const CLASSES: [u8; 256] = {
        let mut classes = [0; 256];
        let mut b = 0;
        while b < 256 {
            classes[b] = match b {
                0..=0x20 | 0x7f => Self::BAD,
                0x80.. => Self::NON_ASCII,
                0x2f => Self::SLASH,
                _ => 0,
            };
            b += 1;
        }
        classes
    };

    fn of(name: &str) -> Self {
        let bytes = name.as_bytes();
        let (mut seen, mut bad_segment) = (0, false);
        let mut first_slash = None;
        let mut segment_start = 0;
        // Slice patterns, not comparisons with `b".."`, which call `memcmp`.
        let dots = |segment: &[u8]| matches!(segment, [b'.'] | [b'.', b'.']);
        for (i, &b) in bytes.iter().enumerate() {
            let class = Self::CLASSES[usize::from(b)];
            seen |= class;
            if class == Self::SLASH {
                let segment = &bytes[segment_start..i];
                bad_segment |= dots(segment) || (segment.is_empty() && segment_start > 0);
                first_slash = first_slash.or(Some(i));
                segment_start = i + 1;
            }
        }
        bad_segment |= dots(&bytes[segment_start..]);
        let bad_char = seen & Self::BAD != 0
            || (seen & Self::NON_ASCII != 0 && name.chars().any(|c| c.is_whitespace() || c.is_control()));
        Self { bad_char, bad_segment, first_slash }
    }
}

/// The canonical spelling: the Workers AI id, `{author}/{model}` or `dynamic/{route}`.
impl fmt::Display for ModelName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WorkersAi(id) => f.write_str(id),
            Self::Catalog { author, model } => write!(f, "{author}/{model}"),
            Self::Dynamic(route) => write!(f, "{DYNAMIC}{route}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_form_parses() {
        let cases = [
            ("@cf/moonshotai/kimi-k2.6", ModelName::WorkersAi("@cf/moonshotai/kimi-k2.6"), Some("workers-ai")),
            ("@hf/thebloke/x", ModelName::WorkersAi("@hf/thebloke/x"), Some("workers-ai")),
            ("workers-ai/@cf/meta/m", ModelName::WorkersAi("@cf/meta/m"), Some("workers-ai")),
            ("openai/gpt-4.1-mini", ModelName::Catalog { author: "openai", model: "gpt-4.1-mini" }, Some("openai")),
            (
                "anthropic/claude-opus-4.7",
                ModelName::Catalog { author: "anthropic", model: "claude-opus-4.7" },
                Some("anthropic"),
            ),
            (
                "google/gemini-3-flash",
                ModelName::Catalog { author: "google", model: "gemini-3-flash" },
                Some("google-ai-studio"),
            ),
            ("xai/grok-3", ModelName::Catalog { author: "xai", model: "grok-3" }, Some("grok")),
            ("meta/unknown", ModelName::Catalog { author: "meta", model: "unknown" }, None),
            ("openai/modèle-ü", ModelName::Catalog { author: "openai", model: "modèle-ü" }, Some("openai")),
            ("dynamic/my-route", ModelName::Dynamic("my-route"), None),
        ];
        for (name, parsed, provider) in cases {
            let got = ModelName::parse(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(got, parsed, "{name}");
            assert_eq!(got.provider().map(|p| p.slug), provider, "{name}");
            assert_eq!(got.requires_gateway(), !matches!(parsed, ModelName::WorkersAi(_)), "{name}");
        }
    }

    #[test]
    fn malformed_names_are_refused_with_the_reason() {
        for (name, says) in [
            ("", "empty"),
            ("gpt-4o", "not a model name"),
            ("@cf/", "no model"),
            ("openai/", "not a model name"),
            ("/gpt", "not a model name"),
            ("dynamic/", "one segment"),
            ("dynamic/a/b", "one segment"),
            ("openai/gpt 4", "spaces"),
            ("open ai/gpt", "spaces"),
            ("op\u{0}enai/gpt", "control"),
            ("../../accounts/other", "segment"),
            ("openai/../x", "segment"),
            ("@cf/meta//m", "segment"),
            ("-x/model", "not a model name"),
            // Beyond ASCII: Unicode whitespace and C1 controls.
            ("openai/gpt\u{2028}x", "spaces"),
            ("openai/gpt\u{a0}4", "spaces"),
            ("openai/gpt\u{85}", "control"),
            ("openai/gpt\u{7f}", "control"),
            ("a/b/..", "segment"),
            ("/a//b", "segment"),
            ("dynamic/./x", "segment"),
        ] {
            let error = ModelName::parse(name).unwrap_err().to_string();
            assert!(error.starts_with("invalid model:") && error.contains(says), "{name:?}: {error}");
        }
        let long = format!("openai/{}", "m".repeat(MAX_MODEL_NAME_LEN));
        assert!(ModelName::parse(&long).unwrap_err().to_string().contains("over the limit"));
    }
}
