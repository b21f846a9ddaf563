//! Workers AI models, one per main task family (limits from each model's
//! published JSON schema).

use serde::{Deserialize, Serialize};

use crate::Model;

/// One chat message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// `system`, `user`, `assistant` or `tool`.
    pub role: String,
    /// The text.
    pub content: String,
}

impl ChatMessage {
    /// A message with `role`.
    pub fn new(role: impl Into<String>, content: impl Into<String>) -> Self {
        Self { role: role.into(), content: content.into() }
    }
    /// A `system` message.
    pub fn system(content: impl Into<String>) -> Self {
        Self::new("system", content)
    }
    /// A `user` message.
    pub fn user(content: impl Into<String>) -> Self {
        Self::new("user", content)
    }
}

/// Token counts of an answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Input tokens.
    #[serde(default)]
    pub prompt_tokens: u64,
    /// Output tokens.
    #[serde(default)]
    pub completion_tokens: u64,
    /// Both.
    #[serde(default)]
    pub total_tokens: u64,
}

/// A tool call the model asks for (legacy `{name, arguments}` or function-style).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCall {
    /// Tool name (legacy shape).
    #[serde(default)]
    pub name: Option<String>,
    /// Arguments (legacy shape: any JSON).
    #[serde(default)]
    pub arguments: Option<serde_json::Value>,
    /// Call id (function shape).
    #[serde(default)]
    pub id: Option<String>,
    /// `{name, arguments}` (function shape).
    #[serde(default)]
    pub function: Option<serde_json::Value>,
}

/// `@cf/meta/llama-3.1-8b-instruct-fp8`: text generation from a prompt or a chat.
///
/// Streamable: each chunk is a `Llama31InstructResponse` holding a piece of
/// `response`; the last one before `[DONE]` carries `usage`.
#[derive(Debug, Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8", stream)]
pub struct Llama31Instruct {
    /// The prompt.
    #[model(one_of = "input", length = 1..=131_072)]
    prompt: String,
    /// The conversation so far.
    #[model(one_of = "input", length = 1..)]
    messages: Vec<ChatMessage>,
    /// Skip the chat template.
    raw: Option<bool>,
    /// Most tokens to generate.
    #[model(default = 256, range = 1..)]
    max_tokens: u32,
    /// Randomness.
    #[model(default = 0.6, range = 0..=5)]
    temperature: f64,
    /// Nucleus sampling.
    #[model(range = 0..=2)]
    top_p: Option<f64>,
    /// Top-k sampling.
    #[model(range = 1..=50)]
    top_k: Option<u32>,
    /// Random seed.
    #[model(range = 1..=9_999_999_999)]
    seed: Option<u64>,
    /// Repetition penalty.
    #[model(range = 0..=2)]
    repetition_penalty: Option<f64>,
    /// Frequency penalty.
    #[model(range = 0..=2)]
    frequency_penalty: Option<f64>,
    /// Presence penalty.
    #[model(range = 0..=2)]
    presence_penalty: Option<f64>,
    /// LoRA adapter.
    lora: Option<String>,
    /// The generated text.
    #[model(output)]
    response: Option<String>,
    /// Tool calls.
    #[model(output, default)]
    tool_calls: Vec<ToolCall>,
    /// Token counts.
    #[model(output)]
    usage: Option<Usage>,
}

/// `@cf/baai/bge-base-en-v1.5`: 768-dimension text embeddings.
#[derive(Debug, Model)]
#[model(id = "@cf/baai/bge-base-en-v1.5")]
pub struct BgeBaseEnV15 {
    /// Texts to embed (at most 100).
    #[model(length = 1..=100)]
    text: Vec<String>,
    /// `mean` (default) or `cls`; vectors of the two are not comparable.
    #[model(values("mean", "cls"))]
    pooling: Option<String>,
    /// Shape of `data`: `[texts, 768]`.
    #[model(output)]
    shape: Vec<u64>,
    /// One vector per text.
    #[model(output)]
    data: Vec<Vec<f32>>,
    /// The pooling used.
    #[model(output, rename = "pooling")]
    pooling_used: Option<String>,
}

/// One label with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelScore {
    /// The label (`POSITIVE`, `NEGATIVE`, ...).
    #[serde(default)]
    pub label: Option<String>,
    /// Its score.
    #[serde(default)]
    pub score: Option<f64>,
}

/// `@cf/huggingface/distilbert-sst-2-int8`: sentiment classification.
///
/// Its output is a bare list: the response is `transparent` over `labels`.
#[derive(Debug, Model)]
#[model(id = "@cf/huggingface/distilbert-sst-2-int8")]
pub struct DistilbertSst2 {
    /// Text to classify.
    #[model(length = 1..)]
    text: String,
    /// Labels and scores.
    #[model(output, transparent)]
    labels: Vec<LabelScore>,
}

/// `@cf/facebook/bart-large-cnn`: summarization.
#[derive(Debug, Model)]
#[model(id = "@cf/facebook/bart-large-cnn")]
pub struct BartLargeCnn {
    /// Text to summarize.
    #[model(length = 1..)]
    input_text: String,
    /// Longest summary, in tokens.
    #[model(default = 1024, range = 1..)]
    max_length: u32,
    /// The summary.
    #[model(output)]
    summary: String,
}

/// `@cf/meta/m2m100-1.2b`: translation between 100 languages.
#[derive(Debug, Model)]
#[model(id = "@cf/meta/m2m100-1.2b")]
pub struct M2m100 {
    /// Text to translate.
    #[model(length = 1..)]
    text: String,
    /// Target language code (`fr`, `de`, ...).
    #[model(length = 2..=16)]
    target_lang: String,
    /// Source language code (default `en`).
    #[model(default = "en", length = 2..=16)]
    source_lang: String,
    /// The translation.
    #[model(output)]
    translated_text: Option<String>,
}

/// `@cf/stabilityai/stable-diffusion-xl-base-1.0`: text to image (PNG bytes).
#[derive(Debug, Model)]
#[model(id = "@cf/stabilityai/stable-diffusion-xl-base-1.0", binary)]
pub struct StableDiffusionXl {
    /// What to draw.
    #[model(length = 1..)]
    prompt: String,
    /// What to avoid.
    negative_prompt: Option<String>,
    /// Image height in pixels.
    #[model(range = 256..=2048)]
    height: Option<u32>,
    /// Image width in pixels.
    #[model(range = 256..=2048)]
    width: Option<u32>,
    /// Diffusion steps.
    #[model(range = 1..=20)]
    num_steps: Option<u32>,
    /// Prompt adherence.
    guidance: Option<f64>,
    /// Random seed.
    seed: Option<u64>,
}

/// One recognized word with its timing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    /// The word.
    pub word: String,
    /// Start, in seconds.
    pub start: f64,
    /// End, in seconds.
    pub end: f64,
}

/// `@cf/openai/whisper`: speech recognition.
#[derive(Debug, Model)]
#[model(id = "@cf/openai/whisper")]
pub struct Whisper {
    /// Audio file bytes (sent as a list of 0–255 integers).
    #[model(length = 1..)]
    audio: Vec<u8>,
    /// The transcription.
    #[model(output)]
    text: String,
    /// Words with timings.
    #[model(output)]
    words: Option<Vec<Word>>,
    /// WebVTT subtitles.
    #[model(output)]
    vtt: Option<String>,
    /// Word count.
    #[model(output)]
    word_count: Option<u64>,
}
