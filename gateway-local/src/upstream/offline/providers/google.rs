//! Google AI Studio (Gemini API) and Vertex AI.

use serde_json::{Map, Value, json};

use super::anthropic::{anthropic_answer, anthropic_events};
use super::openai::openai_chat;
use super::{Call, Handler};
use crate::upstream::offline::call::{is_true, uint_field};
use crate::upstream::offline::content::{
    BASE62, Completion, Prompt, approx_tokens, embed, embedding_dims, pieces, text_of, token,
};
use crate::upstream::offline::reply::{Reply, anthropic_error, google_error, ok_json, sse_response};

/// Google AI Studio, the model in `{version}/models/{model}:{action}` paths.
pub(super) const AI_STUDIO: Handler = Handler::new(&["google-ai-studio"], google_ai_studio).with_path_model(path_model);

/// Vertex AI, the model in its publisher paths.
pub(super) const VERTEX: Handler = Handler::new(&["google-vertex-ai"], vertex).with_path_model(path_model);

fn path_model(call: &Call<'_>) -> Option<String> {
    split_model_action(&call.path).map(|(_, model, _)| model.to_owned())
}

/// `(before, model, action)` for `...models/{model}:{action}`.
pub(super) fn split_model_action(path: &str) -> Option<(&str, &str, &str)> {
    let at = if path.starts_with("models/") { 0 } else { path.rfind("/models/")? + 1 };
    let (model, action) = path[at + "models/".len()..].rsplit_once(':')?;
    (!model.is_empty() && !model.contains('/')).then_some((&path[..at], model, action))
}

pub(super) fn google_not_found(call: &Call<'_>) -> Reply {
    google_error(404, &format!("The requested URL /{} was not found on this server.", call.path))
}

/// Google AI Studio: `{v1,v1beta,v1alpha}/models/{model}:{action}`.
pub(super) fn google_ai_studio(call: &Call<'_>) -> Reply {
    // Gemini's OpenAI compatibility endpoint (the table's `compat_path`).
    if call.path == "v1beta/openai/chat/completions" && call.is_post() {
        return openai_chat(call, None);
    }
    match split_model_action(&call.path) {
        Some(("v1/" | "v1beta/" | "v1alpha/", model, action)) if call.is_post() => gemini(call, model, action),
        _ => google_not_found(call),
    }
}

/// Vertex AI: `.../publishers/{publisher}/models/{model}:{action}`
/// (Gemini actions, `predict` for embeddings, `rawPredict` /
/// `streamRawPredict` for Anthropic models) and the OpenAI-compatible
/// `.../endpoints/openapi/chat/completions`.
pub(super) fn vertex(call: &Call<'_>) -> Reply {
    if call.path.ends_with("endpoints/openapi/chat/completions") && call.is_post() {
        return openai_chat(call, None);
    }
    let Some((before, model, action)) = split_model_action(&call.path).filter(|_| call.is_post()) else {
        return google_not_found(call);
    };
    match action {
        "rawPredict" | "streamRawPredict" if before.contains("publishers/anthropic/") => {
            let body = match call.json() {
                Ok(body) => body,
                Err(problem) => return google_error(400, &format!("Invalid JSON payload received. {problem}")),
            };
            match anthropic_answer(&body, Some(model)) {
                Ok(answer) if action == "streamRawPredict" || is_true(&body, "stream") => {
                    sse_response(anthropic_events(&answer))
                }
                Ok(answer) => ok_json(&answer.body),
                Err(message) => anthropic_error(400, &message),
            }
        }
        "predict" => vertex_predict(call, model),
        _ => gemini(call, model, action),
    }
}

pub(super) fn google_body(call: &Call<'_>) -> Result<Map<String, Value>, Box<Reply>> {
    call.json().map_err(|problem| Box::new(google_error(400, &format!("Invalid JSON payload received. {problem}"))))
}

/// Gemini actions: `generateContent`, `streamGenerateContent` (JSON array, or
/// SSE with `alt=sse`), `countTokens`, `embedContent`, `batchEmbedContents`.
pub(super) fn gemini(call: &Call<'_>, model: &str, action: &str) -> Reply {
    let body = match google_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let dims = |request: &Map<String, Value>| {
        uint_field(request, "outputDimensionality").unwrap_or_else(|| embedding_dims(model, 768))
    };
    match action {
        "generateContent" | "streamGenerateContent" => {
            let Some(contents) = body.get("contents").and_then(Value::as_array).filter(|c| !c.is_empty()) else {
                return google_error(400, "* GenerateContentRequest.contents: contents is not specified\n");
            };
            let limit = body.get("generationConfig").and_then(|c| c.get("maxOutputTokens")).and_then(Value::as_u64);
            let limit = limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            let done = Prompt::from_messages(model, contents, body.get("systemInstruction")).limit(limit).complete();
            if action == "generateContent" {
                return ok_json(&gemini_chunk(model, &done, &done.text, true));
            }
            gemini_stream(call, model, &done)
        }
        "countTokens" => ok_json(&json!({"totalTokens": approx_tokens(&text_of(&Value::Object(body)))})),
        "embedContent" => {
            let text = body.get("content").map(text_of).unwrap_or_default();
            ok_json(&json!({"embedding": {"values": embed(model, &text, dims(&body))}}))
        }
        "batchEmbedContents" => {
            let requests = body.get("requests").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            let embeddings: Vec<Value> = requests
                .iter()
                .map(|request| {
                    let text = request.get("content").map(text_of).unwrap_or_default();
                    let size = request.as_object().map_or_else(|| embedding_dims(model, 768), dims);
                    json!({"values": embed(model, &text, size)})
                })
                .collect();
            ok_json(&json!({"embeddings": embeddings}))
        }
        _ => google_error(
            404,
            &format!("models/{model} is not found for API version v1beta, or is not supported for {action}."),
        ),
    }
}

/// One `GenerateContentResponse`; `last` adds the finish reason and usage.
pub(super) fn gemini_chunk(model: &str, done: &Completion, text: &str, last: bool) -> Value {
    let mut candidate = json!({"content": {"parts": [{"text": text}], "role": "model"}, "index": 0});
    let mut chunk = json!({"candidates": [], "modelVersion": model, "responseId": token(done.seed, BASE62, 22)});
    if last {
        candidate["finishReason"] = json!(if done.truncated { "MAX_TOKENS" } else { "STOP" });
        chunk["usageMetadata"] = json!({
            "promptTokenCount": done.input_tokens,
            "candidatesTokenCount": done.output_tokens,
            "totalTokenCount": done.total_tokens(),
        });
    }
    chunk["candidates"] = json!([candidate]);
    chunk
}

pub(super) fn gemini_stream(call: &Call<'_>, model: &str, done: &Completion) -> Reply {
    let all: Vec<String> = pieces(&done.text);
    let per_chunk = all.len().div_ceil(3).max(1);
    let groups: Vec<String> = all.chunks(per_chunk).map(<[String]>::concat).collect();
    let chunks: Vec<Value> =
        groups.iter().enumerate().map(|(i, text)| gemini_chunk(model, done, text, i + 1 == groups.len())).collect();
    if call.query_param("alt") == Some("sse") {
        sse_response(chunks.into_iter().map(|chunk| (None, chunk.to_string())))
    } else {
        ok_json(&Value::Array(chunks))
    }
}

/// Vertex `predict` for text embedding models: `instances[].content`.
pub(super) fn vertex_predict(call: &Call<'_>, model: &str) -> Reply {
    let body = match google_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let Some(instances) = body.get("instances").and_then(Value::as_array) else {
        return google_error(400, "Invalid request: `instances` is required.");
    };
    let dims = body
        .get("parameters")
        .and_then(|p| p.get("outputDimensionality"))
        .and_then(Value::as_u64)
        .map_or_else(|| embedding_dims(model, 768), |n| usize::try_from(n).unwrap_or(768));
    let mut characters = 0;
    let predictions: Vec<Value> = instances
        .iter()
        .map(|instance| {
            let text = instance.get("content").map(text_of).unwrap_or_default();
            characters += text.chars().count();
            json!({"embeddings": {
                "statistics": {"truncated": false, "token_count": approx_tokens(&text)},
                "values": embed(model, &text, dims),
            }})
        })
        .collect();
    ok_json(&json!({"predictions": predictions, "metadata": {"billableCharacterCount": characters}}))
}
