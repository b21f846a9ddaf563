//! Cartesia text to speech.

use serde_json::Value;

use super::{Call, Handler};
use crate::upstream::offline::call::{field, str_field};
use crate::upstream::offline::content::{seed_str, words};
use crate::upstream::offline::encode::{mp3, pcm, wav};
use crate::upstream::offline::reply::{Reply, bytes_response, cartesia_error};

/// Cartesia text to speech.
pub(super) const HANDLER: Handler = Handler::new(&["cartesia"], cartesia);

/// Cartesia `[v1/]tts/bytes`: audio in the requested `output_format`
/// (`wav` → `audio/wav`, `mp3` → `audio/mpeg`, `raw` → PCM bytes).
pub(super) fn cartesia(call: &Call<'_>) -> Reply {
    if !call.is_post() || call.path.strip_prefix("v1/").unwrap_or(&call.path) != "tts/bytes" {
        return cartesia_error(404, "Not Found");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return cartesia_error(400, &problem),
    };
    for key in ["model_id", "transcript", "voice", "output_format"] {
        if field(&body, key).is_none() {
            return cartesia_error(400, &format!("{key} is required"));
        }
    }
    let transcript = str_field(&body, "transcript").unwrap_or_default();
    if transcript.trim().is_empty() {
        return cartesia_error(400, "transcript must not be empty");
    }
    let format = &body["output_format"];
    let container = format.get("container").and_then(Value::as_str).unwrap_or("wav");
    let encoding = format.get("encoding").and_then(Value::as_str).unwrap_or("pcm_s16le");
    let sample_rate =
        format.get("sample_rate").and_then(Value::as_u64).and_then(|r| u32::try_from(r).ok()).unwrap_or(44_100);
    let seed = seed_str(&[str_field(&body, "model_id").unwrap_or_default(), transcript, &body["voice"].to_string()]);
    // 20 ms of sound per word.
    let samples = usize::try_from(sample_rate / 50).unwrap_or(0) * words(transcript).clamp(1, 100);
    match container {
        "mp3" => bytes_response(200, "audio/mpeg", mp3(seed, words(transcript).clamp(1, 16))),
        "raw" => bytes_response(200, "application/octet-stream", pcm(seed, encoding, samples).2),
        _ => bytes_response(200, "audio/wav", wav(seed, encoding, sample_rate, samples)),
    }
}
