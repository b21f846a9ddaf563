//! Workers AI: `run/{model}` tasks by model family, and its `v1/...` OpenAI-compatible paths.

use serde_json::{Map, Value, json};

use super::openai::{openai_chat, openai_embeddings, openai_responses, responses_object};
use super::workers_ai_catalog::{
    answers_chat_completions, check_input, conform, known, no_such_model, takes_binary_body,
};
use super::{Call, Handler};
use crate::upstream::offline::call::{field, is_true, percent_decode, str_field, text_list, uint_field};
use crate::upstream::offline::content::{
    Prompt, Rng, embed, embedding_dims, pieces, round_to, round6, seed_of, seed_str, sentence, sentiment, text_of,
    uuid, words,
};
use crate::upstream::offline::encode::{base64, mp3, png};
use crate::upstream::offline::reply::{Reply, bytes_response, ok_json, sse_response, workers_ai_error};

/// Workers AI, its model in `run/{model}` paths (percent-decoded).
pub(super) const HANDLER: Handler = Handler::new(&["workers-ai"], workers_ai).with_path_model(|call| {
    let path = call.path.as_str();
    (!path.starts_with("v1/")).then(|| percent_decode(path.strip_prefix("run/").unwrap_or(path)))
});

/// A Workers AI task family, chosen from the model id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WaTask {
    TextGeneration,
    Embeddings(usize),
    Reranking,
    TextClassification,
    ImageClassification,
    Summarization,
    Translation,
    /// `json`: `{"image": base64}` in the envelope instead of raw PNG bytes.
    TextToImage {
        json: bool,
    },
    SpeechRecognition,
    /// `json`: `{"audio": base64}` in the envelope instead of raw MP3 bytes.
    TextToSpeech {
        json: bool,
    },
    ImageToText,
    TurnDetection,
}

/// Substrings of Workers AI text-generation model ids.
pub(super) const WA_TEXT_GENERATION: [&str; 22] = [
    "llama",
    "mistral",
    "gemma",
    "qwen",
    "qwq",
    "deepseek",
    "phi-",
    "hermes",
    "zephyr",
    "openchat",
    "falcon",
    "sqlcoder",
    "gpt-oss",
    "glm",
    "kimi",
    "nemotron",
    "granite",
    "starling",
    "discolm",
    "cybertron",
    "sea-lion",
    "neural-chat",
];

impl WaTask {
    pub(super) fn of(model: &str) -> Option<Self> {
        let id = model.to_ascii_lowercase();
        let name = id.rsplit('/').next().unwrap_or(&id);
        let has = |needle: &str| id.contains(needle);
        let task = if has("reranker") {
            Self::Reranking
        } else if has("bge") || has("embedding") {
            Self::Embeddings(embedding_dims(&id, 768))
        } else if has("distilbert") {
            Self::TextClassification
        } else if has("resnet") {
            Self::ImageClassification
        } else if has("bart") {
            Self::Summarization
        } else if has("m2m100") || has("indictrans") {
            Self::Translation
        } else if has("whisper") || has("nova") || has("nemotron-speech") || id == "@cf/deepgram/flux" {
            Self::SpeechRecognition
        } else if has("stable-diffusion") || has("dreamshaper") || name.starts_with("flux-") || has("phoenix") {
            Self::TextToImage { json: name.starts_with("flux-") }
        } else if has("lucid-origin") {
            Self::TextToImage { json: true }
        } else if has("melotts") || has("aura") {
            Self::TextToSpeech { json: has("melotts") }
        } else if has("llava") || has("uform") || has("moondream") {
            Self::ImageToText
        } else if has("smart-turn") {
            Self::TurnDetection
        } else if WA_TEXT_GENERATION.iter().any(|needle| has(needle)) {
            Self::TextGeneration
        } else {
            return None;
        };
        Some(task)
    }

    /// Accepts the raw input bytes as the body (audio, image).
    pub(super) fn takes_raw_bytes(self) -> bool {
        matches!(self, Self::SpeechRecognition | Self::ImageClassification | Self::TurnDetection)
    }
}

pub(super) fn wa_ok(result: &Value) -> Reply {
    ok_json(&json!({"result": result, "success": true, "errors": [], "messages": []}))
}

pub(super) fn wa_bad_input(message: &str) -> Reply {
    workers_ai_error(400, 5006, message)
}

pub(super) fn wa_missing(key: &str) -> Reply {
    wa_bad_input(&format!("required properties at '/' are '{key}'"))
}

/// Workers AI: `{model}`, `run/{model}` (slashes raw or `%2F`), or the
/// OpenAI-compatible `v1/chat/completions`, `v1/embeddings`, `v1/responses`.
pub(super) fn workers_ai(call: &Call<'_>) -> Reply {
    match call.path.as_str() {
        "v1/chat/completions" if call.is_post() => return openai_chat(call, None),
        "v1/embeddings" if call.is_post() => return openai_embeddings(call, None),
        "v1/responses" if call.is_post() => return openai_responses(call, None),
        _ => {}
    }
    let model = percent_decode(call.path.strip_prefix("run/").unwrap_or(&call.path));
    if !call.is_post() || !(model.starts_with("@cf/") || model.starts_with("@hf/")) {
        return workers_ai_error(404, 7003, "No route for the URI");
    }
    let entry = match known(&model) {
        Ok(entry) => entry,
        Err(no_such_model) => return no_such_model,
    };
    let body = call.json();
    let task = match (WaTask::of(&model), &body) {
        (Some(task), _) => Some(task),
        // Outside the catalog: a chat input is answered as text generation.
        (None, Ok(input))
            if entry.is_none() && (field(input, "prompt").is_some() || field(input, "messages").is_some()) =>
        {
            Some(WaTask::TextGeneration)
        }
        (None, _) if entry.is_some() => None,
        (None, _) => return no_such_model(),
    };
    let input = match body {
        Ok(input) => input,
        Err(_) if task.is_some_and(WaTask::takes_raw_bytes) || entry.is_some_and(takes_binary_body) => {
            let reply = match task {
                Some(task) if task.takes_raw_bytes() => wa_raw(task, &model, call.body),
                // Answered from the output schema by `conform`.
                _ => workers_ai_error(400, 5004, "no family answers this model's binary input"),
            };
            return match entry {
                Some(entry) => conform(entry, &model, &Map::new(), reply),
                None => reply,
            };
        }
        Err(problem) => return workers_ai_error(400, 5004, &format!("Invalid data: {problem}")),
    };
    if task == Some(WaTask::TextGeneration) && field(&input, "prompt").is_some() && field(&input, "messages").is_some()
    {
        return wa_bad_input("prompt and messages are mutually exclusive");
    }
    if let Some(entry) = entry {
        if let Err(invalid) = check_input(entry, &input) {
            return invalid;
        }
    }
    if call.query_param("queueRequest") == Some("true") {
        let request_id = uuid(seed_of(&[model.as_bytes(), call.body]));
        return wa_ok(&json!({"status": "queued", "request_id": request_id}));
    }
    // A catalog model no family answers gets its answer from its output schema (`conform`).
    let chat_completion = entry.is_some_and(answers_chat_completions) && !is_true(&input, "stream");
    let reply = match task {
        Some(WaTask::TextGeneration) if chat_completion && field(&input, "messages").is_some() => {
            in_envelope(openai_chat(call, Some(&model)))
        }
        Some(task) => wa_task(task, &model, &input),
        None => workers_ai_error(400, 5004, "no family answers this model"),
    };
    match entry {
        Some(entry) => conform(entry, &model, &input, reply),
        None => reply,
    }
}

/// A bare JSON answer (the OpenAI double's) put in Workers AI's envelope; others unchanged.
fn in_envelope(reply: Reply) -> Reply {
    match serde_json::from_slice::<Value>(&reply.body) {
        Ok(result) if reply.status == 200 && !reply.is_stream() => wa_ok(&result),
        _ => reply,
    }
}

pub(super) fn wa_task(task: WaTask, model: &str, input: &Map<String, Value>) -> Reply {
    match task {
        WaTask::TextGeneration => wa_text_generation(model, input),
        WaTask::Embeddings(dims) => wa_embeddings(model, input, dims),
        WaTask::Reranking => wa_rerank(model, input),
        WaTask::TextClassification => match str_field(input, "text") {
            Some(text) => wa_ok(&sentiment(seed_str(&[model, text]))),
            None => wa_missing("text"),
        },
        WaTask::ImageClassification | WaTask::SpeechRecognition | WaTask::TurnDetection => {
            let key = if task == WaTask::ImageClassification { "image" } else { "audio" };
            match field(input, key) {
                Some(data) => wa_raw(task, model, data.to_string().as_bytes()),
                None => wa_missing(key),
            }
        }
        WaTask::Summarization => match str_field(input, "input_text") {
            Some(text) => {
                let seed = seed_str(&[model, text]);
                wa_ok(&json!({"summary": sentence(seed, "Offline summary", (words(text) / 4).clamp(4, 40), 4)}))
            }
            None => wa_missing("input_text"),
        },
        WaTask::Translation => wa_translation(model, input),
        WaTask::TextToImage { json } => wa_text_to_image(model, input, json),
        WaTask::TextToSpeech { json } => {
            let Some(text) = str_field(input, "prompt").or_else(|| str_field(input, "text")) else {
                return wa_missing("prompt");
            };
            let audio = mp3(seed_str(&[model, text]), words(text).clamp(1, 16));
            if json { wa_ok(&json!({"audio": base64(&audio)})) } else { bytes_response(200, "audio/mpeg", audio) }
        }
        WaTask::ImageToText => match field(input, "image") {
            Some(image) => {
                let seed = seed_str(&[model, &image.to_string(), str_field(input, "prompt").unwrap_or_default()]);
                wa_ok(&json!({"description": sentence(seed, "Offline description", 8, 12)}))
            }
            None => wa_missing("image"),
        },
    }
}

/// Tasks whose input may be raw bytes (JSON inputs arrive here serialised).
pub(super) fn wa_raw(task: WaTask, model: &str, data: &[u8]) -> Reply {
    let seed = seed_of(&[model.as_bytes(), data]);
    match task {
        WaTask::ImageClassification => wa_ok(&image_labels(seed)),
        WaTask::TurnDetection => {
            let probability = round6(Rng::new(seed).unit());
            wa_ok(&json!({"is_complete": probability >= 0.5, "probability": probability}))
        }
        _ => wa_ok(&transcript(model, seed)),
    }
}

pub(super) fn wa_text_generation(model: &str, input: &Map<String, Value>) -> Reply {
    let prompt = match (field(input, "prompt"), field(input, "messages")) {
        (Some(_), Some(_)) => return wa_bad_input("prompt and messages are mutually exclusive"),
        (None, None) if model.contains("gpt-oss") && field(input, "input").is_some() => {
            return match responses_object(model, input) {
                Ok(response) => wa_ok(&response),
                Err((_, message)) => wa_bad_input(&message),
            };
        }
        (None, None) => return wa_bad_input("one of prompt or messages is required"),
        (Some(prompt), None) => match prompt.as_str() {
            Some(text) if !text.is_empty() => Prompt::single(model, text),
            _ => return wa_bad_input("Type mismatch of '/prompt': expected a non-empty string"),
        },
        (None, Some(messages)) => match messages.as_array() {
            Some(messages) => Prompt::from_messages(model, messages, None),
            None => return wa_bad_input("Type mismatch of '/messages': expected an array"),
        },
    };
    let done = prompt.limit(uint_field(input, "max_tokens")).complete();
    if is_true(input, "stream") {
        let mut events: Vec<(Option<&'static str>, String)> =
            pieces(&done.text).into_iter().map(|piece| (None, json!({"response": piece}).to_string())).collect();
        events.push((None, json!({"response": "", "usage": done.openai_usage()}).to_string()));
        events.push((None, "[DONE]".to_owned()));
        return sse_response(events);
    }
    wa_ok(&json!({"response": done.text, "tool_calls": [], "usage": done.openai_usage()}))
}

pub(super) fn wa_embeddings(model: &str, input: &Map<String, Value>, dims: usize) -> Reply {
    let Some(texts) = text_list(field(input, "text")) else {
        return wa_missing("text");
    };
    let data: Vec<Vec<f64>> = texts.iter().map(|text| embed(model, text, dims)).collect();
    let pooling = str_field(input, "pooling").unwrap_or("mean");
    wa_ok(&json!({"shape": [data.len(), dims], "data": data, "pooling": pooling}))
}

pub(super) fn wa_rerank(model: &str, input: &Map<String, Value>) -> Reply {
    let (Some(query), Some(contexts)) = (str_field(input, "query"), input.get("contexts").and_then(Value::as_array))
    else {
        return wa_missing("query' and 'contexts");
    };
    let mut scores: Vec<(usize, f64)> = contexts
        .iter()
        .enumerate()
        .map(|(id, context)| (id, round6(Rng::new(seed_str(&[model, query, &text_of(context)])).unit())))
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    scores.truncate(uint_field(input, "top_k").unwrap_or(usize::MAX));
    let response: Vec<Value> = scores.into_iter().map(|(id, score)| json!({"id": id, "score": score})).collect();
    wa_ok(&json!({"response": response}))
}

pub(super) fn wa_translation(model: &str, input: &Map<String, Value>) -> Reply {
    let Some(text) = str_field(input, "text") else {
        return wa_missing("text");
    };
    let target = str_field(input, "target_lang").or_else(|| str_field(input, "target_language"));
    let Some(target) = target else {
        return wa_missing(if model.contains("indictrans") { "target_language" } else { "target_lang" });
    };
    let seed = seed_str(&[model, text, target]);
    let lead = format!("Offline translation ({target})");
    wa_ok(&json!({"translated_text": sentence(seed, &lead, words(text).clamp(1, 60), 1)}))
}

pub(super) fn wa_text_to_image(model: &str, input: &Map<String, Value>, json: bool) -> Reply {
    let Some(prompt) = str_field(input, "prompt").filter(|p| !p.is_empty()) else {
        return wa_missing("prompt");
    };
    let user_seed = input.get("seed").map(Value::to_string).unwrap_or_default();
    let image = png(seed_str(&[model, prompt, &user_seed]));
    if json { wa_ok(&json!({"image": base64(&image)})) } else { bytes_response(200, "image/png", image) }
}

pub(super) const IMAGE_LABELS: [&str; 10] = [
    "EGYPTIAN CAT",
    "TABBY",
    "TIGER CAT",
    "GOLDEN RETRIEVER",
    "LABRADOR RETRIEVER",
    "SPORTS CAR",
    "TEAPOT",
    "PIZZA",
    "MOUNTAIN BIKE",
    "LAKESIDE",
];

/// Five ImageNet-style labels with decreasing scores.
pub(super) fn image_labels(seed: u64) -> Value {
    let mut rng = Rng::new(seed);
    let first = rng.below(IMAGE_LABELS.len());
    let mut score = 0.5 + 0.45 * rng.unit();
    let mut labels = Vec::with_capacity(5);
    for offset in 0..5 {
        labels.push(json!({"label": IMAGE_LABELS[(first + offset) % IMAGE_LABELS.len()], "score": round6(score)}));
        score *= 0.1 + 0.4 * rng.unit();
    }
    Value::Array(labels)
}

/// `{"text","word_count","words":[{"word","start","end"}]}` (+ `vtt` for Whisper).
pub(super) fn transcript(model: &str, seed: u64) -> Value {
    let text = sentence(seed, "Offline transcript", 4, 8);
    let mut timed = Vec::new();
    let mut end_ms = 0_u64;
    for (index, word) in (0_u32..).zip(text.split_whitespace()) {
        let start = round_to(0.4 * f64::from(index), 100.0);
        timed.push(json!({"word": word, "start": start, "end": round_to(start + 0.35, 100.0)}));
        end_ms += 400;
    }
    let mut result = json!({"text": text, "word_count": timed.len(), "words": timed});
    if model.contains("whisper") {
        let vtt = format!(
            "WEBVTT\n\n00:00.000 --> {:02}:{:02}.{:03}\n{text}\n\n",
            end_ms / 60_000,
            end_ms / 1000 % 60,
            end_ms % 1000
        );
        result["vtt"] = json!(vtt);
    }
    result
}
