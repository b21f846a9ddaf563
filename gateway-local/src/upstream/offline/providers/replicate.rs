//! Replicate predictions.

use serde_json::{Map, json};

use super::{Call, Handler};
use crate::upstream::offline::call::{str_field, uint_field};
use crate::upstream::offline::content::{HEX, Prompt, created, pieces, rfc3339, seed_str, text_of, token};
use crate::upstream::offline::encode::png_data_url;
use crate::upstream::offline::reply::{Reply, bytes_response, json_response, replicate_error};

/// Replicate, the model in `models/{owner}/{name}/predictions` paths.
pub(super) const HANDLER: Handler =
    Handler::new(&["replicate"], replicate).with_path_model(|call| replicate_path_model(&call.path).map(str::to_owned));

/// `owner/name` from `v1/models/{owner}/{name}/predictions` or `v1/deployments/...`.
pub(super) fn replicate_path_model(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("v1/models/").or_else(|| path.strip_prefix("v1/deployments/"))?;
    let model = rest.strip_suffix("/predictions")?;
    (model.split('/').count() == 2).then_some(model)
}

/// Replicate: `v1/predictions` (`version` required), `v1/models/{owner}/{name}/predictions`,
/// `v1/deployments/{owner}/{name}/predictions`. Answers `201` with a prediction
/// that has already succeeded (as with `Prefer: wait`).
pub(super) fn replicate(call: &Call<'_>) -> Reply {
    let path_model = replicate_path_model(&call.path);
    if !call.is_post() || (path_model.is_none() && call.path != "v1/predictions") {
        return replicate_error(404, "Not found.");
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return replicate_error(400, &problem),
    };
    let version = str_field(&body, "version");
    let model = match (path_model, version) {
        (Some(model), _) => model.to_owned(),
        (None, Some(version)) => version.split_once(':').map_or("unknown/model", |(model, _)| model).to_owned(),
        (None, None) => return replicate_invalid("version", "Version is required"),
    };
    let Some(input) = body.get("input").filter(|input| input.is_object()) else {
        return replicate_invalid("input", "Input is required");
    };
    let text = input.get("prompt").map_or_else(|| text_of(input), text_of);
    let seed = seed_str(&[&model, &text]);
    let id = token(seed, b"abcdefghijklmnopqrstuvwxyz234567", 26);
    let version_id =
        version.map_or_else(|| token(seed_str(&[&model]), HEX, 64), |v| v.rsplit(':').next().unwrap_or(v).to_owned());
    let is_image =
        ["flux", "sdxl", "stable-diffusion", "ideogram", "recraft", "imagen"].iter().any(|n| model.contains(n));
    let (output, metrics) = if is_image {
        (
            json!([png_data_url(seed)]),
            json!({"predict_time": 0.5 + f64::from(u32::try_from(seed % 1000).unwrap_or(0)) / 1000.0}),
        )
    } else {
        let done = Prompt::single(&model, &text)
            .limit(uint_field(input.as_object().unwrap_or(&Map::new()), "max_tokens"))
            .complete();
        let metrics = json!({"predict_time": 0.25, "input_token_count": done.input_tokens, "output_token_count": done.output_tokens});
        (json!(pieces(&done.text)), metrics)
    };
    let created = created(seed);
    let api = format!("https://api.replicate.com/v1/predictions/{id}");
    let prediction = json!({
        "id": id,
        "model": model,
        "version": version_id,
        "input": input,
        "logs": "",
        "output": output,
        "data_removed": false,
        "error": null,
        "status": "succeeded",
        "created_at": format!("{}.000000Z", rfc3339(created)),
        "started_at": format!("{}.000000Z", rfc3339(created + 1)),
        "completed_at": format!("{}.000000Z", rfc3339(created + 2)),
        "urls": {"cancel": format!("{api}/cancel"), "get": api, "stream": format!("https://stream.replicate.com/v1/files/{id}"), "web": format!("https://replicate.com/p/{id}")},
        "metrics": metrics,
    });
    json_response(201, &prediction)
}

pub(super) fn replicate_invalid(field_name: &str, description: &str) -> Reply {
    let body = json!({
        "title": "Input validation failed",
        "detail": format!("- {field_name}: {description}\n"),
        "status": 422,
        "invalid_fields": [{"type": "required", "field": field_name, "description": description}],
    });
    bytes_response(422, "application/problem+json", serde_json::to_vec(&body).unwrap_or_default())
}
