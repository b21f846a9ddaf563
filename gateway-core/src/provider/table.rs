//! The provider table: one row per published provider, the single source of
//! what a provider is (slug, upstream, credential, wire dialect, compat path).
//!
//! [`ProviderSlug`], [`builtin_facts`](super::builtin_facts) and
//! [`BuiltinProvider`](super::BuiltinProvider) read it here; the derive's
//! provider check, gateway-local's compat route and its offline double are
//! tested against it. Adding a provider starts with a row below.

/// Where a published provider expects its credential (the `const` form of
/// [`AuthScheme`](super::AuthScheme)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialHeader {
    /// `Authorization: Bearer <key>`.
    Bearer,
    /// The raw key in a header of its own (`x-api-key`, ...).
    Named(&'static str),
}

/// The shape of a provider's native request, answer and error bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WireDialect {
    /// Workers AI's `{"result", "success", "errors", "messages"}` envelope
    /// (its `v1/...` OpenAI-compatible paths speak [`OpenAi`](Self::OpenAi)).
    WorkersAi,
    /// OpenAI chat completions, and the providers that copy them.
    OpenAi,
    /// Anthropic Messages.
    Anthropic,
    /// Gemini `generateContent` and Google's error envelope.
    Google,
    /// Cohere chat and embed.
    Cohere,
    /// Bedrock Converse, model invocation and binary event streams.
    Bedrock,
    /// Hugging Face Inference pipelines.
    HuggingFace,
    /// Replicate predictions (RFC 7807 errors).
    Replicate,
    /// Cartesia text to speech.
    Cartesia,
    /// ElevenLabs text to speech.
    ElevenLabs,
    /// Adobe Firefly image generation.
    Firefly,
}

/// One row of the provider table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProviderInfo {
    /// The wire spelling (`workers-ai`), as in `/{gateway}/{slug}/...`.
    pub slug: &'static str,
    /// The name of its [`ProviderSlug`] variant (`WorkersAi`).
    pub variant: &'static str,
    /// The upstream base URL the gateway replaces; `{placeholders}` are
    /// templates (region, resource). Where Cloudflare documents no auth
    /// header, `Authorization: Bearer` is assumed.
    pub base_url: &'static str,
    /// Where its credential goes.
    pub credential: CredentialHeader,
    /// Headers it always needs besides the credential (`anthropic-version`).
    pub fixed_headers: &'static [(&'static str, &'static str)],
    /// The shape of its native bodies.
    pub dialect: WireDialect,
    /// The OpenAI-compatible chat path it serves, relative to its base URL,
    /// which the gateway's `/compat/chat/completions` forwards to; `None` if
    /// it has none.
    pub compat_path: Option<&'static str>,
    /// Model-id prefixes that name this provider on their own (`@cf/`), so a
    /// model with such an id needs no `provider`.
    pub model_prefixes: &'static [&'static str],
    /// The `{author}` parts of the catalog model names it serves
    /// (`openai/gpt-5.5`, `google/gemini-3-flash`): the author, which is not
    /// always the slug (`google` is `google-ai-studio`, `xai` is `grok`).
    /// Cloudflare documents these five authors (`cloudflare-2026.md` §1.4);
    /// that `google/...` goes to Google AI Studio, not Vertex, is our choice.
    pub catalog_authors: &'static [&'static str],
}

impl ProviderInfo {
    /// The row of the published provider spelt `slug`, if there is one.
    pub fn of(slug: &str) -> Option<&'static ProviderInfo> {
        PROVIDERS.iter().find(|info| info.slug == slug)
    }

    /// The row of the provider that serves catalog models by `author`
    /// (`openai`, `anthropic`, `google`, `xai`, `workers-ai`), if any.
    pub fn of_catalog_author(author: &str) -> Option<&'static ProviderInfo> {
        PROVIDERS.iter().find(|info| info.catalog_authors.contains(&author))
    }
}

/// Expands the rows into [`ProviderSlug`] (one variant per row, plus
/// `Other`), its wire spelling both ways, and [`PROVIDERS`].
macro_rules! providers {
    ($($variant:ident => $slug:literal, $doc:literal { $($field:ident: $value:expr),* $(,)? })*) => {
        /// `AIGatewayProviders`: a provider slug, or any other string.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ProviderSlug {
            $(#[doc = $doc] $variant,)*
            /// Any slug not in the published list (`compat`, `fireworks`, a custom route...).
            Other(String),
        }

        impl ProviderSlug {
            /// The 20 published slugs, in declared order.
            pub const ALL: [ProviderSlug; 20] = [$(ProviderSlug::$variant),*];

            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $slug,)*
                    Self::Other(s) => s,
                }
            }
        }

        impl From<&str> for ProviderSlug {
            fn from(s: &str) -> Self {
                match s {
                    $($slug => Self::$variant,)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        /// The published providers as types, one per [`ProviderSlug`] variant:
        /// what a typed [`BuiltinProvider`](super::BuiltinProvider) serves and
        /// what a model declared with `provider = "slug"` names as its
        /// [`Model::Kind`](crate::Model::Kind). Never built: they only name a kind.
        pub mod kind {
            $(
                #[doc = $doc]
                #[derive(Debug, Clone, Copy, PartialEq, Eq)]
                pub enum $variant {}

                impl super::super::sealed::Sealed for $variant {}

                impl super::super::BuiltinKind for $variant {
                    const SLUG: super::ProviderSlug = super::ProviderSlug::$variant;
                }

                // One impl per kind, not one generic over `K`: a generic impl
                // would turn a mismatch into a bare "type mismatch" instead of
                // `ProviderOf`'s explanation.
                impl crate::model::ProviderOf<$variant> for super::super::BuiltinProvider<$variant> {}
            )*

            /// A [`BuiltinProvider`](super::super::BuiltinProvider) whose slug is
            /// known only at run time ([`BuiltinProvider::new`](super::super::BuiltinProvider::new)):
            /// it builds untyped steps only, checked when they are built.
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub enum Untyped {}
        }

        /// The published providers, in [`ProviderSlug::ALL`] order.
        pub const PROVIDERS: [ProviderInfo; 20] = [
            $(ProviderInfo { slug: $slug, variant: stringify!($variant), $($field: $value),* },)*
        ];
    };
}

use CredentialHeader::{Bearer, Named};
use WireDialect as D;

providers! {
    WorkersAi => "workers-ai", "Cloudflare Workers AI." {
        base_url: "https://api.cloudflare.com/client/v4/accounts/{account_id}/ai/run/",
        credential: Bearer, fixed_headers: &[], dialect: D::WorkersAi,
        compat_path: Some("v1/chat/completions"), model_prefixes: &["@cf/", "@hf/"],
        catalog_authors: &["workers-ai"],
    }
    Anthropic => "anthropic", "Anthropic." {
        base_url: "https://api.anthropic.com",
        credential: Named("x-api-key"), fixed_headers: &[("anthropic-version", "2023-06-01")],
        dialect: D::Anthropic, compat_path: Some("v1/chat/completions"), model_prefixes: &[],
        catalog_authors: &["anthropic"],
    }
    AwsBedrock => "aws-bedrock", "Amazon Bedrock." {
        base_url: "https://bedrock-runtime.{region}.amazonaws.com/",
        credential: Bearer, fixed_headers: &[], dialect: D::Bedrock, compat_path: None, model_prefixes: &[],
        catalog_authors: &[],
    }
    AzureOpenai => "azure-openai", "Azure OpenAI." {
        base_url: "https://{resource}.openai.azure.com/openai/deployments/{deployment}/",
        credential: Named("api-key"), fixed_headers: &[], dialect: D::OpenAi, compat_path: None, model_prefixes: &[],
        catalog_authors: &[],
    }
    GoogleVertexAi => "google-vertex-ai", "Google Vertex AI." {
        base_url: "https://aiplatform.googleapis.com/",
        credential: Bearer, fixed_headers: &[], dialect: D::Google, compat_path: None, model_prefixes: &[],
        catalog_authors: &[],
    }
    Huggingface => "huggingface", "Hugging Face Inference." {
        base_url: "https://api-inference.huggingface.co/models/",
        credential: Bearer, fixed_headers: &[], dialect: D::HuggingFace, compat_path: None, model_prefixes: &[],
        catalog_authors: &[],
    }
    Openai => "openai", "OpenAI." {
        base_url: "https://api.openai.com/v1",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("chat/completions"), model_prefixes: &[],
        catalog_authors: &["openai"],
    }
    PerplexityAi => "perplexity-ai", "Perplexity." {
        base_url: "https://api.perplexity.ai/",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("chat/completions"), model_prefixes: &[],
        catalog_authors: &[],
    }
    Replicate => "replicate", "Replicate." {
        base_url: "https://api.replicate.com/",
        credential: Bearer, fixed_headers: &[], dialect: D::Replicate, compat_path: None, model_prefixes: &[],
        catalog_authors: &[],
    }
    Groq => "groq", "Groq." {
        base_url: "https://api.groq.com/openai/v1",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("chat/completions"), model_prefixes: &[],
        catalog_authors: &[],
    }
    Cohere => "cohere", "Cohere." {
        base_url: "https://api.cohere.com/",
        credential: Bearer, fixed_headers: &[], dialect: D::Cohere,
        compat_path: Some("compatibility/v1/chat/completions"), model_prefixes: &[],
        catalog_authors: &[],
    }
    GoogleAiStudio => "google-ai-studio", "Google AI Studio (Gemini API)." {
        base_url: "https://generativelanguage.googleapis.com",
        credential: Named("x-goog-api-key"), fixed_headers: &[], dialect: D::Google,
        compat_path: Some("v1beta/openai/chat/completions"), model_prefixes: &[],
        catalog_authors: &["google"],
    }
    Mistral => "mistral", "Mistral AI." {
        base_url: "https://api.mistral.ai",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("v1/chat/completions"), model_prefixes: &[],
        catalog_authors: &[],
    }
    Grok => "grok", "xAI Grok." {
        base_url: "https://api.x.ai/",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("v1/chat/completions"), model_prefixes: &[],
        catalog_authors: &["xai"],
    }
    Openrouter => "openrouter", "OpenRouter." {
        base_url: "https://openrouter.ai/api/",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("v1/chat/completions"), model_prefixes: &[],
        catalog_authors: &[],
    }
    Deepseek => "deepseek", "DeepSeek." {
        base_url: "https://api.deepseek.com/",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("chat/completions"), model_prefixes: &[],
        catalog_authors: &[],
    }
    Cerebras => "cerebras", "Cerebras." {
        base_url: "https://api.cerebras.ai/",
        credential: Bearer, fixed_headers: &[], dialect: D::OpenAi,
        compat_path: Some("v1/chat/completions"), model_prefixes: &[],
        catalog_authors: &[],
    }
    Cartesia => "cartesia", "Cartesia." {
        base_url: "https://api.cartesia.ai/",
        credential: Bearer, fixed_headers: &[], dialect: D::Cartesia, compat_path: None, model_prefixes: &[],
        catalog_authors: &[],
    }
    Elevenlabs => "elevenlabs", "ElevenLabs." {
        base_url: "https://api.elevenlabs.io/",
        credential: Named("xi-api-key"), fixed_headers: &[], dialect: D::ElevenLabs, compat_path: None,
        model_prefixes: &[],
        catalog_authors: &[],
    }
    // No source maps this slug to an upstream; this host is our assumption.
    AdobeFirefly => "adobe-firefly", "Adobe Firefly." {
        base_url: "https://firefly-api.adobe.io/",
        credential: Bearer, fixed_headers: &[], dialect: D::Firefly, compat_path: None, model_prefixes: &[],
        catalog_authors: &[],
    }
}

impl ProviderSlug {
    /// This slug's row of the provider table (`None` for [`ProviderSlug::Other`]).
    pub fn info(&self) -> Option<&'static ProviderInfo> {
        ProviderInfo::of(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_all_and_slugs_are_unique() {
        for (slug, info) in ProviderSlug::ALL.iter().zip(&PROVIDERS) {
            assert_eq!(slug.as_str(), info.slug);
            assert_eq!(slug.info(), Some(info));
            assert_eq!(format!("{slug:?}"), info.variant);
        }
        for (i, info) in PROVIDERS.iter().enumerate() {
            assert!(PROVIDERS[..i].iter().all(|earlier| earlier.slug != info.slug), "{} twice", info.slug);
        }
        assert_eq!(ProviderSlug::Other("compat".into()).info(), None);
    }

    /// Reads the derive's own provider list as text (it cannot depend on this
    /// crate) and compares it with the table, row by row.
    #[test]
    fn the_derive_lists_the_same_providers() {
        const DERIVE_PROVIDERS: &str = "../gateway-derive/src/internals/providers.rs";
        const DERIVE_MODEL_RULES: &str = "../gateway-derive/src/internals/check/model.rs";
        let read = |file: &str| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        let source = read(DERIVE_PROVIDERS);
        let start = source.find("BUILTIN_PROVIDERS").expect("the derive's BUILTIN_PROVIDERS");
        let list = &source[start..source[start..].find("];").map_or(source.len(), |end| start + end)];
        let derive: Vec<(&str, &str)> = list
            .lines()
            .filter_map(|line| {
                let row = line.trim().strip_prefix("(\"")?.strip_suffix("),")?;
                let (slug, variant) = row.split_once("\", \"")?;
                Some((slug, variant.strip_suffix('"')?))
            })
            .collect();
        let table: Vec<(&str, &str)> = PROVIDERS.iter().map(|info| (info.slug, info.variant)).collect();
        assert_eq!(derive, table, "BUILTIN_PROVIDERS in {DERIVE_PROVIDERS} disagrees with the provider table");
        let rules = read(DERIVE_MODEL_RULES);
        for prefix in PROVIDERS.iter().flat_map(|info| info.model_prefixes) {
            assert!(rules.contains(&format!("\"{prefix}\"")), "the derive does not know the model prefix {prefix}");
        }
    }
}
