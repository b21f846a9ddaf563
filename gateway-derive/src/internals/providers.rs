//! The provider slugs `#[model(provider = "...")]` accepts.
//!
//! This file stands alone (no `use`), so that gateway-core's tests can
//! include it with `#[path]` and compare it with the provider table.

/// The published provider slugs and their `ProviderSlug` variants. Mirrors
/// gateway-core's provider table (`gateway-core/src/provider/`): a test in
/// gateway-core reads this constant and fails when the two disagree.
pub(crate) const BUILTIN_PROVIDERS: [(&str, &str); 20] = [
    ("workers-ai", "WorkersAi"),
    ("anthropic", "Anthropic"),
    ("aws-bedrock", "AwsBedrock"),
    ("azure-openai", "AzureOpenai"),
    ("google-vertex-ai", "GoogleVertexAi"),
    ("huggingface", "Huggingface"),
    ("openai", "Openai"),
    ("perplexity-ai", "PerplexityAi"),
    ("replicate", "Replicate"),
    ("groq", "Groq"),
    ("cohere", "Cohere"),
    ("google-ai-studio", "GoogleAiStudio"),
    ("mistral", "Mistral"),
    ("grok", "Grok"),
    ("openrouter", "Openrouter"),
    ("deepseek", "Deepseek"),
    ("cerebras", "Cerebras"),
    ("cartesia", "Cartesia"),
    ("elevenlabs", "Elevenlabs"),
    ("adobe-firefly", "AdobeFirefly"),
];
