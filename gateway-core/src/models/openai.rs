//! OpenAI chat completions through the gateway's `openai` route.

use serde::{Deserialize, Serialize};

use crate::Model;
pub use crate::models::workers_ai::ChatMessage;

/// Token counts of a chat completion: the same shape as Workers AI's.
pub use crate::models::workers_ai::Usage as CompletionUsage;

/// One choice of a chat completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// Index of the choice.
    #[serde(default)]
    pub index: u32,
    /// The assistant message.
    pub message: AssistantMessage,
    /// `stop`, `length`, `tool_calls`, `content_filter`, ...
    #[serde(default)]
    pub finish_reason: Option<String>,
}

/// The assistant's message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssistantMessage {
    /// `assistant`.
    #[serde(default)]
    pub role: String,
    /// The text (absent when the model only calls tools).
    #[serde(default)]
    pub content: Option<String>,
    /// A refusal, if the model refused.
    #[serde(default)]
    pub refusal: Option<String>,
}

/// One streamed chat-completion chunk (`chat.completion.chunk`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatCompletionChunk {
    /// Completion id (the same in every chunk).
    #[serde(default)]
    pub id: String,
    /// The model that answers.
    #[serde(default)]
    pub model: String,
    /// The choices' deltas (empty in the final usage chunk).
    #[serde(default)]
    pub choices: Vec<ChunkChoice>,
    /// Token counts, in the last chunk when `stream_options.include_usage` is set.
    #[serde(default)]
    pub usage: Option<CompletionUsage>,
}

/// One choice's delta in a chunk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkChoice {
    /// Index of the choice.
    #[serde(default)]
    pub index: u32,
    /// What this chunk adds.
    #[serde(default)]
    pub delta: Delta,
    /// Set on the choice's last chunk.
    #[serde(default)]
    pub finish_reason: Option<String>,
}

/// Text (or a role) added by one chunk.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    /// `assistant`, in the first chunk.
    #[serde(default)]
    pub role: Option<String>,
    /// The next piece of text.
    #[serde(default)]
    pub content: Option<String>,
}

/// `gpt-4o-mini` chat completions (`POST /openai/chat/completions`); streams
/// [`ChatCompletionChunk`]s.
#[derive(Debug, Model)]
#[model(id = "gpt-4o-mini", provider = "openai", endpoint = "chat/completions", stream = ChatCompletionChunk)]
pub struct Gpt4oMini {
    /// The conversation.
    #[model(length = 1..)]
    messages: Vec<ChatMessage>,
    /// Most tokens to generate.
    #[model(range = 1..)]
    max_completion_tokens: Option<u32>,
    /// Randomness.
    #[model(range = 0..=2)]
    temperature: Option<f64>,
    /// Nucleus sampling.
    #[model(range = 0..=1)]
    top_p: Option<f64>,
    /// Number of choices.
    #[model(range = 1..=128)]
    n: Option<u32>,
    /// Random seed.
    seed: Option<i64>,
    /// End-user id for abuse monitoring.
    user: Option<String>,
    /// Reasoning effort (`low`, `medium`, `high`).
    #[model(values("low", "medium", "high"))]
    reasoning_effort: Option<String>,
    /// Completion id.
    #[model(output)]
    id: String,
    /// The model that answered.
    #[model(output, rename = "model")]
    answered_by: String,
    /// The choices.
    #[model(output)]
    choices: Vec<Choice>,
    /// Token counts.
    #[model(output)]
    usage: Option<CompletionUsage>,
}
