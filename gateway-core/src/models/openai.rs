//! OpenAI chat completions and the Responses API: through the gateway's
//! `openai` route with an OpenAI key ([`GatewayExt::run_model`](crate::GatewayExt::run_model)),
//! or through the REST API's `/ai/v1/*` under the catalog name `openai/{id}`
//! with Unified Billing ([`Ai::run_model`](crate::Ai::run_model)).

use serde::{Deserialize, Serialize};

use crate::Model;
pub use crate::models::workers_ai::ChatMessage;

/// Token counts of a chat completion: the same shape as Workers AI's.
pub use crate::models::workers_ai::Usage as CompletionUsage;

/// A whole chat completion (`chat.completion`), for untyped bodies sent with
/// [`V1::chat_completions`](crate::rest_api::V1::chat_completions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatCompletion {
    /// Completion id.
    #[serde(default)]
    pub id: String,
    /// The model that answered.
    #[serde(default)]
    pub model: String,
    /// The choices.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Token counts.
    #[serde(default)]
    pub usage: Option<CompletionUsage>,
}

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

/// What a Responses API request answers to: a text, or a list of messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ResponseInput {
    /// A single user text.
    Text(String),
    /// A conversation.
    Messages(Vec<ChatMessage>),
}

impl From<&str> for ResponseInput {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for ResponseInput {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Vec<ChatMessage>> for ResponseInput {
    fn from(messages: Vec<ChatMessage>) -> Self {
        Self::Messages(messages)
    }
}

/// One item of a response's `output` (a `message`, a `reasoning` item, a tool call...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputItem {
    /// `message`, `reasoning`, `function_call`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// Item id.
    #[serde(default)]
    pub id: Option<String>,
    /// `assistant` for messages.
    #[serde(default)]
    pub role: Option<String>,
    /// The parts of a message.
    #[serde(default)]
    pub content: Vec<OutputContent>,
}

/// One part of an output message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputContent {
    /// `output_text`, `refusal`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// The text of an `output_text` part.
    #[serde(default)]
    pub text: Option<String>,
}

/// Token counts of a response.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseUsage {
    /// Input tokens.
    #[serde(default)]
    pub input_tokens: u64,
    /// Output tokens.
    #[serde(default)]
    pub output_tokens: u64,
    /// Both.
    #[serde(default)]
    pub total_tokens: u64,
}

/// One event of a streamed response (`data` of each server-sent event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum ResponseEvent {
    /// `response.created`: the response object, `in_progress`.
    #[serde(rename = "response.created")]
    Created {
        /// The response so far.
        response: serde_json::Value,
    },
    /// `response.in_progress`.
    #[serde(rename = "response.in_progress")]
    InProgress {
        /// The response so far.
        response: serde_json::Value,
    },
    /// `response.output_text.delta`: the next piece of text.
    #[serde(rename = "response.output_text.delta")]
    OutputTextDelta {
        /// The output item it belongs to.
        #[serde(default)]
        item_id: Option<String>,
        /// Index of that item in `output`.
        #[serde(default)]
        output_index: u32,
        /// The text.
        delta: String,
    },
    /// `response.output_text.done`: a whole text part.
    #[serde(rename = "response.output_text.done")]
    OutputTextDone {
        /// The output item it belongs to.
        #[serde(default)]
        item_id: Option<String>,
        /// The whole text.
        text: String,
    },
    /// `response.completed`: the final response object (last event).
    #[serde(rename = "response.completed")]
    Completed {
        /// The whole response.
        response: serde_json::Value,
    },
    /// `response.incomplete`: stopped early (last event).
    #[serde(rename = "response.incomplete")]
    Incomplete {
        /// The response, with `incomplete_details`.
        response: serde_json::Value,
    },
    /// `response.failed`: the model failed (last event).
    #[serde(rename = "response.failed")]
    Failed {
        /// The response, with `error`.
        response: serde_json::Value,
    },
    /// Any other event (`response.output_item.added`, `response.content_part.done`, ...).
    #[serde(other)]
    Other,
}

impl ResponseEvent {
    /// The text this event adds, if any.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::OutputTextDelta { delta, .. } => Some(delta),
            _ => None,
        }
    }
}

/// `gpt-4.1-mini` through the Responses API (`POST /openai/responses`, or
/// `/ai/v1/responses` as `openai/gpt-4.1-mini`); streams [`ResponseEvent`]s.
#[derive(Debug, Model)]
#[model(id = "gpt-4.1-mini", provider = "openai", endpoint = "responses", stream = ResponseEvent)]
pub struct Gpt41MiniResponses {
    /// What to answer.
    input: ResponseInput,
    /// System instructions.
    instructions: Option<String>,
    /// Most tokens to generate.
    #[model(range = 16..)]
    max_output_tokens: Option<u32>,
    /// Randomness.
    #[model(range = 0..=2)]
    temperature: Option<f64>,
    /// Continue from this response.
    previous_response_id: Option<String>,
    /// Whether OpenAI stores the response.
    store: Option<bool>,
    /// Response id.
    #[model(output)]
    id: String,
    /// `completed`, `incomplete`, `failed`, ...
    #[model(output)]
    status: Option<String>,
    /// The output items.
    #[model(output, default, rename = "output")]
    items: Vec<OutputItem>,
    /// Token counts.
    #[model(output)]
    usage: Option<ResponseUsage>,
}

impl Gpt41MiniResponsesResponse {
    /// The text of every `output_text` part, joined.
    pub fn output_text(&self) -> String {
        let parts = self.items.iter().flat_map(|item| &item.content);
        parts.filter(|part| part.kind == "output_text").filter_map(|part| part.text.as_deref()).collect()
    }
}
