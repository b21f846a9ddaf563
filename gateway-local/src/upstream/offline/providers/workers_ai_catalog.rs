//! What the Workers AI double knows from Cloudflare's catalog (`gateway-models`):
//! which model ids exist, each model's input schema (a breaking input gets
//! Workers AI's validation error naming the field), answers shaped like each
//! model's output schema, and tool calls.
//!
//! **Answers.** The task families of `workers_ai.rs` answer first (a chat to a
//! model whose output has `choices` as the OpenAI double answers it); when their
//! answer is an error or does not validate against the model's output schema
//! (read with `oneOf` as `anyOf`: [`ModelSchema::output_as_any_of`]),
//! the answer is generated from that schema instead ([`Sampler`], seeded by
//! the request, so it repeats): JSON in the envelope, or raw bytes where the
//! schema is `{"type": "string", "format": "binary", "contentType": ...}`
//! (an 8×8 PNG, a grey JPEG, a short MP3, else seeded bytes). Streams are
//! left as the families answer them.
//!
//! **Tool calls** (the rule, in [`tool_to_call`]): a non-streamed request
//! with a non-empty `tools` list, to a model whose catalog entry says
//! `function_calling` or whose output schema has `tool_calls`, is answered
//! with one call of: the tool `tool_choice` names (`{"type": "function",
//! "function": {"name": ...}}`), else the first tool when `tool_choice` is
//! `"required"` or `"any"`, else (`"auto"` or absent; never for `"none"`) the
//! first tool whose name the last user message contains (case-insensitive).
//! Its arguments are the minimal value of the tool's `parameters` schema. The
//! call goes where the output schema puts it: `choices[0].message.tool_calls`
//! (`finish_reason` `"tool_calls"`) for chat-completion outputs, else
//! `tool_calls: [{"name", "arguments"}]`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

#[cfg(doc)]
use gateway_models::ModelSchema;
use gateway_models::{CatalogModel, Sampler, catalog};
use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::{Map, Value, json};

use crate::upstream::offline::content::{seed_str, text_of, token};
use crate::upstream::offline::encode::{jpeg, mp3, png};
use crate::upstream::offline::reply::{Reply, bytes_response, json_response, ok_json, workers_ai_error};

/// Workers AI models Cloudflare serves whose catalog entries the copied
/// catalog lacks (`gateway-models/catalog/README.md` lists them: their
/// schemas were not available): they are answered by task family, unchecked.
/// The last four ids are inferred from the file names and their siblings' ids.
pub(super) const OUTSIDE_CATALOG: [&str; 13] = [
    "@cf/moonshotai/kimi-k2.7-code",
    "@cf/zai-org/glm-5.2",
    "@cf/zai-org/glm-5.3",
    "@cf/zai-org/glm-5.3-flash",
    "@cf/qwen/qwen3.8-27b",
    "@cf/deepseek-ai/deepseek-v4-flash-0731",
    "@cf/deepseek-ai/deepseek-v4-pro-0813",
    "@cf/nvidia/nemotron-3-120b-a12b",
    "@cf/nvidia/nemotron-speech-streaming-en-0.6b",
    "@hf/thebloke/llamaguard-7b-awq",
    "@hf/meta-llama/meta-llama-3-8b-instruct",
    "@cf/cloudflare/clef-flash",
    "@cf/cloudflare/clef-omni",
];

/// Workers AI's code for an input its schema rejects (the double's choice,
/// as for its other input errors; Cloudflare's docs list no code for it).
const INVALID_INPUT: u32 = 5006;

/// The model's catalog entry; `Ok(None)` for [`OUTSIDE_CATALOG`] models;
/// Workers AI's [`no_such_model`] answer for any other id.
pub(super) fn known(model: &str) -> Result<Option<&'static CatalogModel>, Reply> {
    match catalog().get(model) {
        Some(entry) => Ok(Some(entry)),
        None if OUTSIDE_CATALOG.contains(&model) => Ok(None),
        None => Err(no_such_model()),
    }
}

/// Workers AI's answer to a model id it does not know: the fixture's body
/// (`workers-ai-error-5007.json`), without `messages`.
pub(super) fn no_such_model() -> Reply {
    json_response(
        400,
        &json!({"result": null, "success": false, "errors": [{"code": 5007, "message": "No such model"}]}),
    )
}

/// A model's schemas, compiled once.
struct Compiled {
    input: Option<Validator>,
    output: Option<Validator>,
}

fn compiled(entry: &'static CatalogModel) -> Arc<Compiled> {
    static CACHE: OnceLock<Mutex<HashMap<&'static str, Arc<Compiled>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
    let id: &'static str = entry.id();
    Arc::clone(cache.entry(id).or_insert_with(|| {
        let schema = entry.schema();
        Arc::new(Compiled {
            input: schema.and_then(|schema| jsonschema::validator_for(schema.input()).ok()),
            output: schema.and_then(|schema| jsonschema::validator_for(&schema.output_as_any_of()).ok()),
        })
    }))
}

/// Checks `input` against the model's input schema; a top-level `null` counts
/// as absent. The error names the field at fault.
pub(super) fn check_input(entry: &'static CatalogModel, input: &Map<String, Value>) -> Result<(), Reply> {
    let Some(validator) = &compiled(entry).input else { return Ok(()) };
    let present: Map<String, Value> =
        input.iter().filter(|(_, value)| !value.is_null()).map(|(k, v)| (k.clone(), v.clone())).collect();
    let present = Value::Object(present);
    match validator.validate(&present) {
        Ok(()) => Ok(()),
        Err(error) => Err(workers_ai_error(400, INVALID_INPUT, &validation_message(&error))),
    }
}

/// Workers AI's wording (AJV's, as the double writes its other input errors):
/// `required properties at '/' are 'text'`, `Type mismatch of '/prompt': ...`,
/// else `Invalid value at '/temperature': ...`. Inside `oneOf`/`anyOf`, the
/// branch whose first error lies deepest (then: with fewest errors) is taken
/// as the one meant, and its error is reported. The value at fault is written
/// `value`, never echoed (it may be large, or private).
fn validation_message(error: &ValidationError<'_>) -> String {
    let at = |path: String| if path.is_empty() { "/".to_owned() } else { path };
    let masked = error.masked();
    match error.kind() {
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            let best = context.iter().filter_map(|branch| branch.first().map(|first| (first, branch.len()))).max_by(
                |(a, a_len), (b, b_len)| {
                    let depth = |e: &ValidationError<'_>| e.instance_path().to_string().matches('/').count();
                    depth(a).cmp(&depth(b)).then(b_len.cmp(a_len))
                },
            );
            match best {
                Some((first, _)) => validation_message(first),
                None => format!("Invalid value at '{}': {masked}", at(error.instance_path().to_string())),
            }
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().map_or_else(|| property.to_string(), str::to_owned);
            format!("required properties at '{}' are '{name}'", at(error.instance_path().to_string()))
        }
        ValidationErrorKind::Type { .. } => {
            format!("Type mismatch of '{}': {masked}", at(error.instance_path().to_string()))
        }
        _ => format!("Invalid value at '{}': {masked}", at(error.instance_path().to_string())),
    }
}

/// `reply` made to match the model's output schema (see the module docs), with a tool call where the rule asks for one.
pub(super) fn conform(entry: &'static CatalogModel, model: &str, input: &Map<String, Value>, reply: Reply) -> Reply {
    let Some(schema) = entry.schema() else { return reply };
    if reply.is_stream() {
        return reply;
    }
    let compiled = compiled(entry);
    let Some(validator) = &compiled.output else { return reply };
    let seed = seed_str(&[model, &Value::Object(input.clone()).to_string()]);
    let content_type = reply.headers.get(http::header::CONTENT_TYPE).and_then(|value| value.to_str().ok());
    let mut result = match content_type {
        _ if reply.status != 200 => None,
        Some(kind) if kind.starts_with("application/json") => serde_json::from_slice::<Value>(&reply.body)
            .ok()
            .and_then(|mut envelope| envelope.get_mut("result").map(Value::take))
            .filter(|result| validator.is_valid(result)),
        Some(kind) if binary_types(schema.output()).contains(&kind) => return reply,
        _ => None,
    };
    if result.is_none() {
        // Bytes when the schema, or its first choice, is binary; else JSON.
        let output = schema.output();
        let first_choice = ["oneOf", "anyOf"].iter().find_map(|key| output.get(*key)?.get(0)).unwrap_or(output);
        if let Some(kind) = binary_types(first_choice).first() {
            return binary(kind, seed);
        }
        result = Some(Sampler::seeded(seed).checked_by(&fits).sample(&schema.output_as_any_of()));
    }
    let mut result = result.unwrap_or_default();
    if let Some(with_call) = tool_to_call(entry, input).and_then(|tool| with_tool_call(&result, &tool, seed)) {
        if validator.is_valid(&with_call) {
            result = with_call;
        }
    }
    ok_json(&json!({"result": result, "success": true, "errors": [], "messages": []}))
}

/// Whether the model answers chat completions (its output schema has
/// `choices`): a chat input is then answered as the OpenAI double answers one.
pub(super) fn answers_chat_completions(entry: &CatalogModel) -> bool {
    entry.schema().is_some_and(|schema| names_key(schema.output(), "choices"))
}

/// Whether the model's input may be the raw bytes of a file (its input schema,
/// or a branch of it, is a binary string): such a body is not JSON.
pub(super) fn takes_binary_body(entry: &CatalogModel) -> bool {
    entry.schema().is_some_and(|schema| !binary_types(schema.input()).is_empty())
}

/// Whether `value` fits `schema` (a part of a catalog schema, or a tool's
/// `parameters`); a schema that does not compile fits nothing.
fn fits(schema: &Value, value: &Value) -> bool {
    jsonschema::validator_for(schema).is_ok_and(|validator| validator.is_valid(value))
}

/// The content types of the binary answers the schema allows (itself, or its
/// `oneOf`/`anyOf` branches), in order.
fn binary_types(schema: &Value) -> Vec<&str> {
    fn binary(node: &Value) -> Option<&str> {
        (node.get("format").and_then(Value::as_str) == Some("binary")
            && node.get("type").and_then(Value::as_str) == Some("string"))
        .then(|| node.get("contentType").and_then(Value::as_str).unwrap_or("application/octet-stream"))
    }
    let branches = ["oneOf", "anyOf"].iter().filter_map(|key| schema.get(*key).and_then(Value::as_array)).flatten();
    binary(schema).into_iter().chain(branches.filter_map(binary)).filter(|kind| *kind != "text/event-stream").collect()
}

fn binary(content_type: &str, seed: u64) -> Reply {
    match content_type {
        "image/png" => bytes_response(200, "image/png", png(seed)),
        "image/jpeg" => bytes_response(200, "image/jpeg", jpeg()),
        "audio/mpeg" => bytes_response(200, "audio/mpeg", mp3(seed, 4)),
        _ => bytes_response(200, "application/octet-stream", seed.to_le_bytes().to_vec()),
    }
}

/// A tool to call, with the minimal arguments its `parameters` allow (the rule: module docs).
fn tool_to_call(entry: &CatalogModel, input: &Map<String, Value>) -> Option<(String, Value)> {
    let can_call = entry.properties().function_calling()
        || entry.schema().is_some_and(|schema| names_key(schema.output(), "tool_calls"));
    let tools = input.get("tools").and_then(Value::as_array).filter(|tools| !tools.is_empty())?;
    if !can_call || input.get("stream").and_then(Value::as_bool) == Some(true) {
        return None;
    }
    let name_of = |tool: &Value| {
        tool.pointer("/function/name").or_else(|| tool.get("name")).and_then(Value::as_str).map(str::to_owned)
    };
    let choice = input.get("tool_choice");
    let chosen = match choice {
        Some(Value::String(mode)) if mode == "none" => return None,
        Some(Value::String(mode)) if mode == "required" || mode == "any" => tools.first(),
        Some(Value::Object(named)) => {
            let wanted = named.get("function").and_then(|function| function.get("name")).or_else(|| named.get("name"));
            tools.iter().find(|tool| name_of(tool).as_deref() == wanted.and_then(Value::as_str))
        }
        _ => {
            let asked = last_user_text(input)?.to_lowercase();
            tools.iter().find(|tool| name_of(tool).is_some_and(|name| asked.contains(&name.to_lowercase())))
        }
    }?;
    let parameters = chosen.pointer("/function/parameters").or_else(|| chosen.get("parameters"));
    let arguments = parameters.map_or_else(|| json!({}), |schema| Sampler::minimal().checked_by(&fits).sample(schema));
    Some((name_of(chosen)?, arguments))
}

fn last_user_text(input: &Map<String, Value>) -> Option<String> {
    if let Some(messages) = input.get("messages").and_then(Value::as_array) {
        let last = messages.iter().rev().find(|message| message.get("role").and_then(Value::as_str) == Some("user"))?;
        return last.get("content").map(text_of);
    }
    input.get("prompt").and_then(Value::as_str).map(str::to_owned)
}

/// `result` with one call of `tool` where its shape puts tool calls.
fn with_tool_call(result: &Value, (name, arguments): &(String, Value), seed: u64) -> Option<Value> {
    let mut result = result.clone();
    if let Some(choice) = result.pointer_mut("/choices/0") {
        let id = format!("call_{}", token(seed, b"abcdefghijklmnopqrstuvwxyz0123456789", 24));
        let call =
            json!({"id": id, "type": "function", "function": {"name": name, "arguments": arguments.to_string()}});
        choice.get_mut("message")?.as_object_mut()?.insert("tool_calls".to_owned(), json!([call]));
        choice.as_object_mut()?.insert("finish_reason".to_owned(), json!("tool_calls"));
        return Some(result);
    }
    result.as_object_mut()?.insert("tool_calls".to_owned(), json!([{"name": name, "arguments": arguments}]));
    Some(result)
}

/// Whether `schema` declares a property `key` anywhere.
fn names_key(schema: &Value, key: &str) -> bool {
    match schema {
        Value::Object(node) => {
            node.get("properties").and_then(Value::as_object).is_some_and(|properties| properties.contains_key(key))
                || node.values().any(|value| names_key(value, key))
        }
        Value::Array(items) => items.iter().any(|item| names_key(item, key)),
        _ => false,
    }
}
