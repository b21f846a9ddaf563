//! Anthropic messages through the gateway's `anthropic` route.

use serde::{Deserialize, Serialize};

use crate::Model;
pub use crate::models::workers_ai::ChatMessage;

/// One block of an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentBlock {
    /// `text`, `tool_use`, `thinking`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// The text of a `text` block.
    #[serde(default)]
    pub text: Option<String>,
}

/// Token counts of a message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageUsage {
    /// Input tokens.
    #[serde(default)]
    pub input_tokens: u64,
    /// Output tokens.
    #[serde(default)]
    pub output_tokens: u64,
}

/// Claude Sonnet 4.5 messages (`POST /anthropic/v1/messages`).
#[derive(Debug, Model)]
#[model(id = "claude-sonnet-4-5", provider = "anthropic", endpoint = "v1/messages")]
pub struct ClaudeSonnet45 {
    /// Most tokens to generate (required by the API).
    #[model(range = 1..)]
    max_tokens: u32,
    /// The conversation (`user` and `assistant` turns).
    #[model(length = 1..)]
    messages: Vec<ChatMessage>,
    /// System prompt.
    system: Option<String>,
    /// Randomness.
    #[model(range = 0..=1)]
    temperature: Option<f64>,
    /// Stop sequences.
    #[model(length = ..=4)]
    stop_sequences: Option<Vec<String>>,
    /// Message id.
    #[model(output)]
    id: String,
    /// The answer's blocks.
    #[model(output)]
    content: Vec<ContentBlock>,
    /// `end_turn`, `max_tokens`, `stop_sequence`, `tool_use`.
    #[model(output)]
    stop_reason: Option<String>,
    /// Token counts.
    #[model(output)]
    usage: Option<MessageUsage>,
}
