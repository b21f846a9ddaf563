//! ElevenLabs text to speech.

use serde_json::json;

use super::{Call, Handler};
use crate::upstream::offline::call::str_field;
use crate::upstream::offline::content::{round_to, seed_str, words};
use crate::upstream::offline::encode::{base64, mp3};
use crate::upstream::offline::reply::{Reply, bytes_response, json_response, ok_json, with_header};

/// ElevenLabs text to speech.
pub(super) const HANDLER: Handler = Handler::new(&["elevenlabs"], elevenlabs);

/// ElevenLabs `v1/text-to-speech/{voice_id}[/stream]` → MP3;
/// `.../with-timestamps` → JSON with base64 audio and character alignment.
pub(super) fn elevenlabs(call: &Call<'_>) -> Reply {
    let route = call.path.strip_prefix("v1/text-to-speech/").map(|rest| rest.split_once('/').unwrap_or((rest, "")));
    let Some((voice, tail)) = route.filter(|(voice, tail)| {
        !voice.is_empty() && matches!(*tail, "" | "stream" | "with-timestamps") && call.is_post()
    }) else {
        return json_response(404, &json!({"detail": "Not Found"}));
    };
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => {
            return json_response(400, &json!({"detail": {"status": "invalid_json", "message": problem}}));
        }
    };
    let Some(text) = str_field(&body, "text") else {
        let detail = json!([{"type": "missing", "loc": ["body", "text"], "msg": "Field required", "input": null}]);
        return json_response(422, &json!({"detail": detail}));
    };
    let model = str_field(&body, "model_id").unwrap_or("eleven_multilingual_v2");
    let audio = mp3(seed_str(&[model, voice, text]), words(text).clamp(1, 16));
    if tail != "with-timestamps" {
        return with_header(
            bytes_response(200, "audio/mpeg", audio),
            "character-cost",
            &text.chars().count().to_string(),
        );
    }
    let characters: Vec<String> = text.chars().map(String::from).collect();
    let starts: Vec<f64> = (0_u32..).take(characters.len()).map(|i| round_to(0.05 * f64::from(i), 1000.0)).collect();
    let ends: Vec<f64> = starts.iter().map(|start| round_to(start + 0.05, 1000.0)).collect();
    let alignment = json!({
        "characters": characters,
        "character_start_times_seconds": starts,
        "character_end_times_seconds": ends,
    });
    ok_json(&json!({"audio_base64": base64(&audio), "alignment": alignment, "normalized_alignment": alignment}))
}
