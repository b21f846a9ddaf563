//! OpenAI and the providers that copy its wire format: chat completions, embeddings, responses.

use gateway_core::provider::WireDialect;
use serde_json::{Map, Value, json};

use super::{COMPAT, Call, Handler};
use crate::upstream::offline::call::{field, is_true, str_field, uint_field};
use crate::upstream::offline::content::{
    BASE62, Completion, HEX, Prompt, approx_tokens, created, embed, embedding_dims, pieces, text_of, token,
};
use crate::upstream::offline::encode::base64;
use crate::upstream::offline::reply::{Reply, ok_json, openai_error, sse_response};

/// Every OpenAI-dialect row of the table (OpenAI, Groq, Mistral, ...) and the gateway's `compat` endpoint.
pub(super) const HANDLER: Handler = Handler::new(&[COMPAT], openai).for_dialect(WireDialect::OpenAi);

/// Azure OpenAI: OpenAI's answers, the model (deployment) in the path.
pub(super) const AZURE: Handler =
    Handler::new(&["azure-openai"], openai).with_path_model(|call| call.path.split('/').nth(1).map(str::to_owned));

/// OpenAI-compatible providers: `[v1/]chat/completions`, `[v1/]embeddings`,
/// `[v1/]responses`; Azure: `{resource}/{deployment}/{route}` (the deployment
/// stands in for a missing `model`).
pub(super) fn openai(call: &Call<'_>) -> Reply {
    let (route, deployment) = if call.provider == "azure-openai" {
        match call.path.splitn(3, '/').collect::<Vec<_>>().as_slice() {
            [_resource, deployment, route] if !deployment.is_empty() => (*route, Some(*deployment)),
            _ => return openai_not_found(call),
        }
    } else {
        (call.path.strip_prefix("v1/").unwrap_or(&call.path), None)
    };
    match route {
        "chat/completions" if call.is_post() => openai_chat(call, deployment),
        "embeddings" if call.is_post() => openai_embeddings(call, deployment),
        "responses" if call.is_post() => openai_responses(call, deployment),
        _ => openai_not_found(call),
    }
}

pub(super) fn openai_not_found(call: &Call<'_>) -> Reply {
    openai_error(404, &format!("Invalid URL ({} /{})", call.method, call.path), None)
}

pub(super) fn openai_body(call: &Call<'_>) -> Result<Map<String, Value>, Box<Reply>> {
    call.json().map_err(|problem| {
        Box::new(openai_error(400, &format!("We could not parse the JSON body of your request: {problem}"), None))
    })
}

/// The body and its model (or `default_model`), or OpenAI's 400 for a body
/// that is not a JSON object or a missing model.
fn openai_body_with_model(
    call: &Call<'_>,
    default_model: Option<&str>,
) -> Result<(Map<String, Value>, String), Box<Reply>> {
    let body = openai_body(call)?;
    let model = str_field(&body, "model").or(default_model).map(str::to_owned);
    let model = model.ok_or_else(|| Box::new(openai_error(400, "you must provide a model parameter", None)))?;
    Ok((body, model))
}

pub(super) fn openai_chat(call: &Call<'_>, default_model: Option<&str>) -> Reply {
    let (body, model) = match openai_body_with_model(call, default_model) {
        Ok(found) => found,
        Err(response) => return *response,
    };
    let model = model.as_str();
    let messages = match field(&body, "messages") {
        None => return openai_error(400, "Missing required parameter: 'messages'.", Some("messages")),
        Some(Value::Array(messages)) if messages.is_empty() => {
            let message = "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.";
            return openai_error(400, message, Some("messages"));
        }
        Some(Value::Array(messages)) => messages,
        Some(_) => {
            return openai_error(400, "Invalid type for 'messages': expected an array of objects.", Some("messages"));
        }
    };
    let limit = uint_field(&body, "max_completion_tokens").or_else(|| uint_field(&body, "max_tokens"));
    let done = Prompt::from_messages(model, messages, None).limit(limit).complete();
    let id = format!("chatcmpl-{}", token(done.seed, BASE62, 29));
    let created = created(done.seed);
    let finish = if done.truncated { "length" } else { "stop" };
    if is_true(&body, "stream") {
        let include_usage = body.get("stream_options").and_then(|o| o.get("include_usage")) == Some(&Value::Bool(true));
        return openai_chat_stream(&id, created, model, &done, finish, include_usage);
    }
    ok_json(&json!({
        "id": id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": done.text, "refusal": null, "annotations": []},
            "logprobs": null,
            "finish_reason": finish,
        }],
        "usage": done.openai_usage(),
        "system_fingerprint": "fp_offline",
    }))
}

pub(super) fn openai_chat_stream(
    id: &str,
    created: u64,
    model: &str,
    done: &Completion,
    finish: &str,
    include_usage: bool,
) -> Reply {
    let chunk = |choices: Value| {
        json!({
            "id": id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "system_fingerprint": "fp_offline",
            "choices": choices,
        })
    };
    let choice =
        |delta: Value, finish: Value| json!([{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]);
    let mut events = vec![chunk(choice(json!({"role": "assistant", "content": "", "refusal": null}), Value::Null))];
    for piece in pieces(&done.text) {
        events.push(chunk(choice(json!({"content": piece}), Value::Null)));
    }
    events.push(chunk(choice(json!({}), json!(finish))));
    if include_usage {
        let mut last = chunk(json!([]));
        last["usage"] = done.openai_usage();
        events.push(last);
    }
    let mut events: Vec<(Option<&'static str>, String)> = events.into_iter().map(|e| (None, e.to_string())).collect();
    events.push((None, "[DONE]".to_owned()));
    sse_response(events)
}

/// OpenAI `input`: a string, a token list, or a list of strings / token lists.
pub(super) fn embedding_inputs(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::String(text) => Some(vec![text.clone()]),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_number) => Some(vec![value.to_string()]),
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|item| match item {
                Value::String(text) => Some(text.clone()),
                Value::Array(_) => Some(item.to_string()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

pub(super) fn openai_embeddings(call: &Call<'_>, default_model: Option<&str>) -> Reply {
    let (body, model) = match openai_body_with_model(call, default_model) {
        Ok(found) => found,
        Err(response) => return *response,
    };
    let model = model.as_str();
    let Some(input) = field(&body, "input") else {
        return openai_error(400, "Missing required parameter: 'input'.", Some("input"));
    };
    let Some(texts) = embedding_inputs(input) else {
        return openai_error(400, "Invalid 'input': expected a string or an array of strings.", Some("input"));
    };
    let default_dims = if model.starts_with('@') { 768 } else { 1536 };
    let dims = uint_field(&body, "dimensions").unwrap_or_else(|| embedding_dims(model, default_dims));
    let as_base64 = str_field(&body, "encoding_format") == Some("base64");
    let data: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let values = embed(model, text, dims);
            let embedding = if as_base64 { json!(base64(&f32_le(&values))) } else { json!(values) };
            json!({"object": "embedding", "index": index, "embedding": embedding})
        })
        .collect();
    let tokens: usize = texts.iter().map(|text| approx_tokens(text)).sum();
    ok_json(&json!({
        "object": "list",
        "data": data,
        "model": model,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }))
}

#[allow(clippy::cast_possible_truncation, reason = "embedding values are small; f32 is the wire precision")]
pub(super) fn f32_le(values: &[f64]) -> Vec<u8> {
    values.iter().flat_map(|v| (*v as f32).to_le_bytes()).collect()
}

pub(super) fn openai_responses(call: &Call<'_>, default_model: Option<&str>) -> Reply {
    let body = match openai_body(call) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let Some(model) = str_field(&body, "model").or(default_model) else {
        return openai_error(400, "Missing required parameter: 'model'.", Some("model"));
    };
    match responses_object(model, &body) {
        Ok(response) if is_true(&body, "stream") => responses_stream(&response),
        Ok(response) => ok_json(&response),
        Err((param, message)) => openai_error(400, &message, param),
    }
}

/// An OpenAI Responses object (with the SDKs' `output_text` convenience
/// field), or the offending parameter and a message.
pub(super) fn responses_object(
    model: &str,
    body: &Map<String, Value>,
) -> Result<Value, (Option<&'static str>, String)> {
    let instructions = field(body, "instructions");
    let prompt = match field(body, "input") {
        None => Prompt::single(model, ""),
        Some(Value::String(text)) => Prompt::single(model, text),
        Some(Value::Array(items)) => Prompt::from_messages(model, items, None),
        Some(_) => return Err((Some("input"), "Invalid type for 'input': expected a string or an array.".to_owned())),
    };
    let mut prompt = prompt.limit(uint_field(body, "max_output_tokens"));
    if let Some(instructions) = instructions {
        let input = std::mem::take(&mut prompt.all_input);
        format!("{} {input}", text_of(instructions)).trim().clone_into(&mut prompt.all_input);
    }
    let done = prompt.complete();
    let (status, incomplete) = if done.truncated {
        ("incomplete", json!({"reason": "max_output_tokens"}))
    } else {
        ("completed", Value::Null)
    };
    Ok(json!({
        "id": format!("resp_{}", token(done.seed, HEX, 48)),
        "object": "response",
        "created_at": created(done.seed),
        "status": status,
        "error": null,
        "incomplete_details": incomplete,
        "instructions": instructions,
        "max_output_tokens": body.get("max_output_tokens"),
        "model": model,
        "output": [{
            "type": "message",
            "id": format!("msg_{}", token(done.seed ^ 1, HEX, 48)),
            "status": status,
            "role": "assistant",
            "content": [{"type": "output_text", "text": done.text, "annotations": []}],
        }],
        "output_text": done.text,
        "parallel_tool_calls": true,
        "previous_response_id": null,
        "usage": {
            "input_tokens": done.input_tokens,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": done.output_tokens,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": done.total_tokens(),
        },
    }))
}

/// A Responses API stream: `response.created`, `response.in_progress`, the
/// message's `output_item` and `content_part` added, one
/// `response.output_text.delta` per word, then the `done` events and
/// `response.completed` (or `response.incomplete`) with the whole response.
/// Each event names its type in `event:` and in its data, with a
/// `sequence_number`.
pub(super) fn responses_stream(response: &Value) -> Reply {
    let text = response["output_text"].as_str().unwrap_or_default().to_owned();
    let item = response["output"][0].clone();
    let item_id = item["id"].clone();
    let mut pending = response.clone();
    pending["status"] = json!("in_progress");
    pending["output"] = json!([]);
    pending["output_text"] = json!("");
    pending["usage"] = Value::Null;
    let mut in_progress_item = item.clone();
    in_progress_item["status"] = json!("in_progress");
    in_progress_item["content"] = json!([]);
    let empty_part = json!({"type": "output_text", "text": "", "annotations": []});
    let at = json!({"item_id": item_id, "output_index": 0, "content_index": 0});
    let with = |base: &Value, extra: Value| {
        let mut event = base.clone();
        if let (Some(event), Value::Object(extra)) = (event.as_object_mut(), extra) {
            event.extend(extra);
        }
        event
    };
    let last: &'static str =
        if response["status"] == "incomplete" { "response.incomplete" } else { "response.completed" };
    let mut events: Vec<(&'static str, Value)> = vec![
        ("response.created", json!({"response": pending})),
        ("response.in_progress", json!({"response": pending})),
        ("response.output_item.added", json!({"output_index": 0, "item": in_progress_item})),
        ("response.content_part.added", with(&at, json!({"part": empty_part}))),
    ];
    for piece in pieces(&text) {
        events.push(("response.output_text.delta", with(&at, json!({"delta": piece, "logprobs": []}))));
    }
    events.push(("response.output_text.done", with(&at, json!({"text": text, "logprobs": []}))));
    let part = json!({"type": "output_text", "text": text, "annotations": []});
    events.push(("response.content_part.done", with(&at, json!({"part": part}))));
    events.push(("response.output_item.done", json!({"output_index": 0, "item": item})));
    events.push((last, json!({"response": response.clone()})));
    let events = events.into_iter().enumerate().map(|(sequence, (kind, data))| {
        let data = with(&json!({"type": kind, "sequence_number": sequence}), data);
        (Some(kind), data.to_string())
    });
    sse_response(events.collect::<Vec<_>>())
}
