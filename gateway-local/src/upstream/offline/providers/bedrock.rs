//! Amazon Bedrock: Converse, model invocation and their binary event streams.

use serde_json::{Map, Value, json};

use super::anthropic::{AnthropicAnswer, anthropic_answer, anthropic_events};
use super::{Call, Handler};
use crate::upstream::offline::call::{field, percent_decode, str_field, text_list, uint_field};
use crate::upstream::offline::content::{
    Completion, Prompt, approx_tokens, embed, embedding_dims, pieces, seed_str, uuid,
};
use crate::upstream::offline::encode::{base64, eventstream_message};
use crate::upstream::offline::reply::{Reply, bedrock_error, bytes_response, ok_json};

/// Amazon Bedrock, the model in `model/{model}/{action}` paths.
pub(super) const HANDLER: Handler =
    Handler::new(&["aws-bedrock"], bedrock).with_path_model(|call| bedrock_model(&call.path).map(|(model, _)| model));

/// `(model id, action)` for `.../model/{id}/{action}` (the id percent-decoded).
pub(super) fn bedrock_model(path: &str) -> Option<(String, String)> {
    let segments: Vec<&str> = path.split('/').collect();
    let at = segments.iter().position(|segment| *segment == "model")?;
    let model = segments.get(at + 1).filter(|model| !model.is_empty())?;
    Some((percent_decode(model), segments[at + 2..].join("/")))
}

/// Bedrock runtime: `converse`, `converse-stream` (event stream), `invoke`
/// (Anthropic, Titan embeddings, Llama, Mistral, otherwise Nova/Converse
/// shape) and `invoke-with-response-stream`.
pub(super) fn bedrock(call: &Call<'_>) -> Reply {
    let Some((model, action)) = bedrock_model(&call.path).filter(|_| call.is_post()) else {
        return bedrock_error(404, "UnknownOperationException", "Unknown operation");
    };
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => {
            let message = format!("Malformed input request: {problem}, please reformat your input and try again.");
            return bedrock_error(400, "ValidationException", &message);
        }
    };
    let result = match action.as_str() {
        "converse" => bedrock_converse(&model, &body).map(|(value, _)| ok_json(&value)),
        "converse-stream" => bedrock_converse(&model, &body).map(|(_, done)| bedrock_converse_stream(&done)),
        "invoke" => bedrock_invoke(&model, &body).map(|answer| ok_json(&answer.0)),
        "invoke-with-response-stream" => bedrock_invoke(&model, &body).map(|(value, anthropic)| {
            let chunks: Vec<String> = match anthropic {
                Some(answer) => anthropic_events(&answer).into_iter().map(|(_, data)| data).collect(),
                None => vec![value.to_string()],
            };
            let mut stream = Vec::new();
            for chunk in chunks {
                let payload = json!({"bytes": base64(chunk.as_bytes())}).to_string();
                stream.extend(eventstream_message("chunk", payload.as_bytes()));
            }
            bytes_response(200, "application/vnd.amazon.eventstream", stream)
        }),
        _ => return bedrock_error(404, "UnknownOperationException", "Unknown operation"),
    };
    result.unwrap_or_else(|message| bedrock_error(400, "ValidationException", &message))
}

pub(super) fn bedrock_converse(model: &str, body: &Map<String, Value>) -> Result<(Value, Completion), String> {
    let messages = field(body, "messages").ok_or(
        "1 validation error detected: Value null at 'messages' failed to satisfy constraint: Member must not be null",
    )?;
    let messages = messages.as_array().ok_or("Value at 'messages' must be a list")?;
    let limit = body.get("inferenceConfig").and_then(|c| c.get("maxTokens")).and_then(Value::as_u64);
    let limit = limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let done = Prompt::from_messages(model, messages, body.get("system")).limit(limit).complete();
    let value = json!({
        "output": {"message": {"role": "assistant", "content": [{"text": done.text}]}},
        "stopReason": if done.truncated { "max_tokens" } else { "end_turn" },
        "usage": {"inputTokens": done.input_tokens, "outputTokens": done.output_tokens, "totalTokens": done.total_tokens()},
        "metrics": {"latencyMs": 100 + done.seed % 400},
    });
    Ok((value, done))
}

pub(super) fn bedrock_converse_stream(done: &Completion) -> Reply {
    let mut events = vec![("messageStart", json!({"role": "assistant"}))];
    for piece in pieces(&done.text) {
        events.push(("contentBlockDelta", json!({"contentBlockIndex": 0, "delta": {"text": piece}})));
    }
    events.push(("contentBlockStop", json!({"contentBlockIndex": 0})));
    events.push(("messageStop", json!({"stopReason": if done.truncated { "max_tokens" } else { "end_turn" }})));
    events.push((
        "metadata",
        json!({
            "usage": {"inputTokens": done.input_tokens, "outputTokens": done.output_tokens, "totalTokens": done.total_tokens()},
            "metrics": {"latencyMs": 100 + done.seed % 400},
        }),
    ));
    let mut stream = Vec::new();
    for (kind, payload) in events {
        stream.extend(eventstream_message(kind, payload.to_string().as_bytes()));
    }
    bytes_response(200, "application/vnd.amazon.eventstream", stream)
}

/// The `InvokeModel` body for `model` (and the Anthropic answer, for streaming).
pub(super) fn bedrock_invoke(
    model: &str,
    body: &Map<String, Value>,
) -> Result<(Value, Option<AnthropicAnswer>), String> {
    let id = model.to_ascii_lowercase();
    if id.contains("anthropic.") {
        if field(body, "anthropic_version").is_none() {
            return Err("Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.".to_owned());
        }
        let answer = anthropic_answer(body, Some(model))?;
        return Ok((answer.body.clone(), Some(answer)));
    }
    if id.contains("titan-embed") || id.contains("cohere.embed") {
        let texts = text_list(field(body, "inputText").or_else(|| field(body, "texts"))).ok_or(
            "Malformed input request: #: required key [inputText] not found, please reformat your input and try again.",
        )?;
        let dims = uint_field(body, "dimensions").unwrap_or_else(|| embedding_dims(&id, 1024));
        if id.contains("cohere.embed") {
            let vectors: Vec<Vec<f64>> = texts.iter().map(|text| embed(model, text, dims)).collect();
            let id = uuid(seed_str(&[model, &texts.join("\n")]));
            return Ok((
                json!({"embeddings": vectors, "id": id, "response_type": "embeddings_floats", "texts": texts}),
                None,
            ));
        }
        let text = texts.join(" ");
        return Ok((
            json!({"embedding": embed(model, &text, dims), "inputTextTokenCount": approx_tokens(&text)}),
            None,
        ));
    }
    if id.contains("meta.llama") || id.contains("mistral.") {
        let prompt = str_field(body, "prompt").ok_or(
            "Malformed input request: #: required key [prompt] not found, please reformat your input and try again.",
        )?;
        let limit = uint_field(body, "max_gen_len").or_else(|| uint_field(body, "max_tokens"));
        let done = Prompt::single(model, prompt).limit(limit).complete();
        let stop = if done.truncated { "length" } else { "stop" };
        if id.contains("mistral.") {
            return Ok((json!({"outputs": [{"text": done.text, "stop_reason": stop}]}), None));
        }
        return Ok((
            json!({
                "generation": done.text,
                "prompt_token_count": done.input_tokens,
                "generation_token_count": done.output_tokens,
                "stop_reason": stop,
            }),
            None,
        ));
    }
    let (mut value, _) = bedrock_converse(model, body)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("metrics");
    }
    Ok((value, None))
}
