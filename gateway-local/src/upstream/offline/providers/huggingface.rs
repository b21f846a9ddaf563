//! Hugging Face Inference pipelines, chosen by task.

use serde_json::{Value, json};

use super::openai::openai_chat;
use super::{Call, Handler};
use crate::upstream::offline::call::field;
use crate::upstream::offline::content::{
    Prompt, embed, embedding_dims, seed_of, seed_str, sentence, sentiment, text_of, words,
};
use crate::upstream::offline::encode::png;
use crate::upstream::offline::reply::{Reply, bytes_response, json_response, ok_json};

/// Hugging Face Inference, the model in the path.
pub(super) const HANDLER: Handler = Handler::new(&["huggingface"], huggingface).with_path_model(|call| {
    let model = huggingface_model(&call.path);
    Some(model.strip_suffix("/v1/chat/completions").unwrap_or(model).to_owned())
});

/// The model part of a Hugging Face path (`models/` and `hf-inference/` prefixes dropped).
pub(super) fn huggingface_model(path: &str) -> &str {
    let path = path.strip_prefix("hf-inference/").unwrap_or(path);
    path.strip_prefix("models/").unwrap_or(path)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HfTask {
    TextGeneration,
    FeatureExtraction,
    TextClassification,
    Summarization,
    Translation,
    TextToImage,
    SpeechRecognition,
}

impl HfTask {
    pub(super) fn of(pipeline: Option<&str>, model: &str) -> Self {
        let id = model.to_ascii_lowercase();
        let has = |needles: &[&str]| needles.iter().any(|needle| id.contains(needle));
        match pipeline {
            Some("feature-extraction" | "sentence-similarity") => Self::FeatureExtraction,
            Some("text-classification" | "sentiment-analysis") => Self::TextClassification,
            Some("summarization") => Self::Summarization,
            Some("translation") => Self::Translation,
            Some("text-to-image") => Self::TextToImage,
            Some("automatic-speech-recognition") => Self::SpeechRecognition,
            None if has(&["whisper", "wav2vec"]) => Self::SpeechRecognition,
            None if has(&["stable-diffusion", "flux", "sdxl"]) => Self::TextToImage,
            None if has(&["sentence-transformers", "bge", "e5-", "gte-", "minilm", "mpnet", "embed"]) => {
                Self::FeatureExtraction
            }
            None if has(&["sst-2", "sentiment", "emotion", "classif"]) => Self::TextClassification,
            None if has(&["bart-large-cnn", "summar", "pegasus"]) => Self::Summarization,
            None if has(&["opus-mt", "translat", "m2m100", "nllb"]) => Self::Translation,
            _ => Self::TextGeneration,
        }
    }
}

/// Hugging Face Inference API: `{owner}/{model}` (task from the model name),
/// `pipeline/{task}/{model}`, and OpenAI-compatible `[{model}/]v1/chat/completions`.
pub(super) fn huggingface(call: &Call<'_>) -> Reply {
    let path = huggingface_model(&call.path);
    if path == "v1/chat/completions" && call.is_post() {
        return openai_chat(call, None);
    }
    if let Some(model) = path.strip_suffix("/v1/chat/completions").filter(|_| call.is_post()) {
        return openai_chat(call, Some(model));
    }
    let (pipeline, model) = match path.strip_prefix("pipeline/").and_then(|rest| rest.split_once('/')) {
        Some((task, model)) => (Some(task), model),
        None => (None, path),
    };
    if model.is_empty() || !call.is_post() {
        return json_response(404, &json!({"error": format!("Model {model} does not exist")}));
    }
    let task = HfTask::of(pipeline, model);
    let inputs = match call.json() {
        Ok(body) => match field(&body, "inputs") {
            Some(inputs) => (inputs.clone(), body.get("parameters").cloned().unwrap_or(Value::Null)),
            None => return json_response(400, &json!({"error": "Error in `inputs`: field required"})),
        },
        Err(_) if task == HfTask::SpeechRecognition => (Value::Null, Value::Null),
        Err(problem) => return json_response(400, &json!({"error": problem})),
    };
    huggingface_task(task, model, &inputs.0, &inputs.1, call.body)
}

pub(super) fn huggingface_task(task: HfTask, model: &str, inputs: &Value, parameters: &Value, raw: &[u8]) -> Reply {
    let texts = match inputs {
        Value::Array(items) => items.iter().map(text_of).collect(),
        other => vec![text_of(other)],
    };
    let per_text = |f: &dyn Fn(&str) -> Value| -> Value { Value::Array(texts.iter().map(|text| f(text)).collect()) };
    let seed = |text: &str| seed_str(&[model, text]);
    match task {
        HfTask::TextGeneration => {
            let limit = parameters
                .get("max_new_tokens")
                .and_then(Value::as_u64)
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            let full_text = parameters.get("return_full_text").and_then(Value::as_bool).unwrap_or(true);
            ok_json(&per_text(&|text: &str| {
                let done = Prompt::single(model, text).limit(limit).complete();
                let generated = if full_text { format!("{text} {}", done.text) } else { done.text };
                json!({"generated_text": generated})
            }))
        }
        HfTask::FeatureExtraction => {
            let dims = embedding_dims(model, 768);
            match inputs {
                Value::Array(_) => ok_json(&per_text(&|text: &str| json!(embed(model, text, dims)))),
                _ => ok_json(&json!(embed(model, &texts[0], dims))),
            }
        }
        HfTask::TextClassification => ok_json(&per_text(&|text: &str| {
            let mut scores = sentiment(seed(text));
            if let Some(pair) = scores.as_array_mut() {
                pair.sort_by(|a, b| b["score"].as_f64().unwrap_or(0.0).total_cmp(&a["score"].as_f64().unwrap_or(0.0)));
            }
            scores
        })),
        HfTask::Summarization => ok_json(&per_text(
            &|text: &str| json!({"summary_text": sentence(seed(text), "Offline summary", (words(text) / 4).clamp(4, 40), 4)}),
        )),
        HfTask::Translation => ok_json(&per_text(
            &|text: &str| json!({"translation_text": sentence(seed(text), "Offline translation", words(text).clamp(1, 60), 1)}),
        )),
        HfTask::TextToImage => bytes_response(200, "image/png", png(seed(&texts[0]))),
        HfTask::SpeechRecognition => {
            let audio = if inputs.is_null() { raw.to_vec() } else { inputs.to_string().into_bytes() };
            let text = sentence(seed_of(&[model.as_bytes(), &audio]), "Offline transcript", 4, 8);
            ok_json(&json!({"text": text}))
        }
    }
}
