//! Cohere chat (v1 and v2) and embed.

use gateway_core::provider::WireDialect;
use serde_json::{Map, Value, json};

use super::openai::openai_chat;
use super::{Call, Handler};
use crate::upstream::offline::call::{field, str_field, text_list, uint_field};
use crate::upstream::offline::content::{
    Completion, Prompt, approx_tokens, embed, embedding_dims, seed_str, text_of, uuid,
};
use crate::upstream::offline::reply::{Reply, error_response, ok_json};

/// Cohere chat and embed.
pub(super) const HANDLER: Handler = Handler::new(&["cohere"], cohere);

/// Cohere: `v2/chat`, `v1/chat`, `v2/embed`, `v1/embed`, and the
/// OpenAI-compatible `compatibility/v1/chat/completions`.
pub(super) fn cohere(call: &Call<'_>) -> Reply {
    if call.path == "compatibility/v1/chat/completions" && call.is_post() {
        return openai_chat(call, None);
    }
    if !call.is_post() || !matches!(call.path.as_str(), "v2/chat" | "v1/chat" | "v2/embed" | "v1/embed") {
        return error_response(WireDialect::Cohere, 404, "404 page not found");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return error_response(WireDialect::Cohere, 400, &format!("invalid request: {problem}")),
    };
    let result = match call.path.as_str() {
        "v2/chat" => cohere_chat_v2(&body),
        "v1/chat" => cohere_chat_v1(&body),
        _ => cohere_embed(&body, call.path == "v2/embed"),
    };
    result.unwrap_or_else(|message| error_response(WireDialect::Cohere, 400, &format!("invalid request: {message}")))
}

pub(super) fn cohere_usage(done: &Completion, version: &str) -> Value {
    let units = json!({"input_tokens": done.input_tokens, "output_tokens": done.output_tokens});
    json!({"api_version": {"version": version}, "billed_units": units, "tokens": units})
}

pub(super) fn cohere_chat_v2(body: &Map<String, Value>) -> Result<Reply, String> {
    let model = str_field(body, "model").ok_or("model must be specified")?;
    let messages = body.get("messages").and_then(Value::as_array).filter(|m| !m.is_empty());
    let messages = messages.ok_or("messages must be a non-empty list")?;
    let done = Prompt::from_messages(model, messages, None).limit(uint_field(body, "max_tokens")).complete();
    let usage = cohere_usage(&done, "2");
    Ok(ok_json(&json!({
        "id": uuid(done.seed),
        "message": {"role": "assistant", "content": [{"type": "text", "text": done.text}]},
        "finish_reason": if done.truncated { "MAX_TOKENS" } else { "COMPLETE" },
        "usage": {"billed_units": usage["billed_units"], "tokens": usage["tokens"]},
    })))
}

pub(super) fn cohere_chat_v1(body: &Map<String, Value>) -> Result<Reply, String> {
    let message = str_field(body, "message").filter(|m| !m.is_empty());
    let message = message.ok_or("message must be at least 1 token long or tool results must be specified.")?;
    let model = str_field(body, "model").unwrap_or("command-r");
    let mut prompt = Prompt::single(model, message).limit(uint_field(body, "max_tokens"));
    if let Some(history) = body.get("chat_history") {
        prompt.all_input = format!("{} {message}", text_of(history).trim_end());
    }
    let done = prompt.complete();
    Ok(ok_json(&json!({
        "response_id": uuid(done.seed),
        "text": done.text,
        "generation_id": uuid(done.seed ^ 1),
        "chat_history": [{"role": "USER", "message": message}, {"role": "CHATBOT", "message": done.text}],
        "finish_reason": if done.truncated { "MAX_TOKENS" } else { "COMPLETE" },
        "meta": cohere_usage(&done, "1"),
    })))
}

pub(super) fn cohere_embed(body: &Map<String, Value>, v2: bool) -> Result<Reply, String> {
    let model = str_field(body, "model").unwrap_or("embed-english-v3.0");
    if v2 && str_field(body, "model").is_none() {
        return Err("model must be specified".to_owned());
    }
    let texts = text_list(field(body, "texts")).ok_or("texts must be a non-empty list of strings")?;
    let dims = embedding_dims(model, 1024);
    let vectors: Vec<Vec<f64>> = texts.iter().map(|text| embed(model, text, dims)).collect();
    let tokens: usize = texts.iter().map(|text| approx_tokens(text)).sum();
    let id = uuid(seed_str(&[model, &texts.join("\n")]));
    let version = if v2 { "2" } else { "1" };
    let meta = json!({"api_version": {"version": version}, "billed_units": {"input_tokens": tokens}});
    let (embeddings, kind) =
        if v2 { (json!({"float": vectors}), "embeddings_by_type") } else { (json!(vectors), "embeddings_floats") };
    Ok(ok_json(&json!({"id": id, "embeddings": embeddings, "texts": texts, "meta": meta, "response_type": kind})))
}
