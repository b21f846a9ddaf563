//! Anthropic Messages, whole and streamed.

use serde_json::{Map, Value, json};

use super::{Call, Handler};
use crate::upstream::offline::call::{field, is_true, str_field};
use crate::upstream::offline::content::{BASE62, Completion, Prompt, approx_tokens, pieces, token};
use crate::upstream::offline::reply::{Reply, anthropic_error, ok_json, sse_response};

/// Anthropic Messages.
pub(super) const HANDLER: Handler = Handler::new(&["anthropic"], anthropic);

/// A Messages API answer, kept apart so Bedrock and Vertex can reuse it.
pub(super) struct AnthropicAnswer {
    pub(super) body: Value,
    pub(super) done: Completion,
    pub(super) id: String,
    pub(super) model: String,
    pub(super) stop: &'static str,
}

pub(super) fn anthropic(call: &Call<'_>) -> Reply {
    // Anthropic's OpenAI SDK compatibility endpoint (the table's `compat_path`).
    if call.path == "v1/chat/completions" && call.is_post() {
        return super::openai::openai_chat(call, None);
    }
    if !call.is_post() || !matches!(call.path.as_str(), "v1/messages" | "v1/messages/count_tokens") {
        return anthropic_error(404, "Not Found");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return anthropic_error(400, &problem),
    };
    if call.path == "v1/messages/count_tokens" {
        let Some(messages) = body.get("messages").and_then(Value::as_array) else {
            return anthropic_error(400, "messages: Field required");
        };
        let prompt = Prompt::from_messages("", messages, body.get("system"));
        return ok_json(&json!({"input_tokens": approx_tokens(&prompt.all_input)}));
    }
    match anthropic_answer(&body, None) {
        Ok(answer) if is_true(&body, "stream") => sse_response(anthropic_events(&answer)),
        Ok(answer) => ok_json(&answer.body),
        Err(message) => anthropic_error(400, &message),
    }
}

/// The Messages API answer to `body`; `path_model` replaces the body's
/// `model` (Bedrock, Vertex). `Err` is a validation message.
pub(super) fn anthropic_answer(body: &Map<String, Value>, path_model: Option<&str>) -> Result<AnthropicAnswer, String> {
    let model = match path_model {
        Some(model) => model,
        None => str_field(body, "model").ok_or("model: Field required")?,
    };
    let max_tokens = field(body, "max_tokens").ok_or("max_tokens: Field required")?;
    let max_tokens = max_tokens
        .as_u64()
        .filter(|n| *n >= 1)
        .ok_or("max_tokens: Input should be an integer greater than or equal to 1")?;
    let messages = field(body, "messages").ok_or("messages: Field required")?;
    let messages = messages.as_array().ok_or("messages: Input should be a valid list")?;
    if messages.is_empty() {
        return Err("messages: at least one message is required".to_owned());
    }
    let limit = usize::try_from(max_tokens).unwrap_or(usize::MAX);
    let done = Prompt::from_messages(model, messages, body.get("system")).limit(Some(limit)).complete();
    let id = format!("msg_01{}", token(done.seed, BASE62, 22));
    let stop = if done.truncated { "max_tokens" } else { "end_turn" };
    let body = json!({
        "id": id,
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": [{"type": "text", "text": done.text}],
        "stop_reason": stop,
        "stop_sequence": null,
        "usage": {
            "input_tokens": done.input_tokens,
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
            "output_tokens": done.output_tokens,
        },
    });
    Ok(AnthropicAnswer { body, done, id, model: model.to_owned(), stop })
}

/// The Messages streaming events, as `(event name, data)`.
pub(super) fn anthropic_events(answer: &AnthropicAnswer) -> Vec<(Option<&'static str>, String)> {
    let start = json!({
        "type": "message_start",
        "message": {
            "id": answer.id, "type": "message", "role": "assistant", "model": answer.model, "content": [],
            "stop_reason": null, "stop_sequence": null,
            "usage": {"input_tokens": answer.done.input_tokens, "output_tokens": 1},
        },
    });
    let mut events = vec![
        ("message_start", start),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        ("ping", json!({"type": "ping"})),
    ];
    for piece in pieces(&answer.done.text) {
        let delta = json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}});
        events.push(("content_block_delta", delta));
    }
    events.push(("content_block_stop", json!({"type": "content_block_stop", "index": 0})));
    events.push((
        "message_delta",
        json!({
            "type": "message_delta",
            "delta": {"stop_reason": answer.stop, "stop_sequence": null},
            "usage": {"output_tokens": answer.done.output_tokens},
        }),
    ));
    events.push(("message_stop", json!({"type": "message_stop"})));
    events.into_iter().map(|(name, data)| (Some(name), data.to_string())).collect()
}
