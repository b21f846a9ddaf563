//! Anthropic messages: through the gateway's `anthropic` route with an
//! Anthropic key ([`GatewayExt::run_model`](crate::GatewayExt::run_model)), or through the REST API's
//! `/ai/v1/messages` under the catalog name `anthropic/{id}` with Unified
//! Billing ([`Ai::run_model`](crate::Ai::run_model)).

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

/// One event of a streamed message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum MessageEvent {
    /// The message begins (its `usage` has the input tokens).
    MessageStart {
        /// The message so far.
        message: serde_json::Value,
    },
    /// A content block begins.
    ContentBlockStart {
        /// Block index.
        index: u32,
        /// The block.
        content_block: serde_json::Value,
    },
    /// A piece of a content block.
    ContentBlockDelta {
        /// Block index.
        index: u32,
        /// `{"type":"text_delta","text":…}` and others.
        delta: BlockDelta,
    },
    /// A content block ends.
    ContentBlockStop {
        /// Block index.
        index: u32,
    },
    /// Message-level changes: stop reason and output token count.
    MessageDelta {
        /// `{"stop_reason":…}`.
        delta: serde_json::Value,
        /// `{"output_tokens":…}`.
        #[serde(default)]
        usage: Option<serde_json::Value>,
    },
    /// The message ends.
    MessageStop,
    /// Keep-alive.
    Ping,
    /// Any event type added later.
    #[serde(other)]
    Other,
}

/// The delta of a content block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockDelta {
    /// `text_delta`, `input_json_delta`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// The text of a `text_delta`.
    #[serde(default)]
    pub text: Option<String>,
}

impl MessageEvent {
    /// The text this event adds, if any.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::ContentBlockDelta { delta, .. } => delta.text.as_deref(),
            _ => None,
        }
    }
}

/// Claude Sonnet 4.5 messages (`POST /anthropic/v1/messages`); streams [`MessageEvent`]s.
#[derive(Debug, Model)]
#[model(id = "claude-sonnet-4-5", provider = "anthropic", endpoint = "v1/messages", stream = MessageEvent)]
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
