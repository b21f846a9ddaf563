//! Adobe Firefly image generation.

use serde_json::{Value, json};

use super::{Call, Handler};
use crate::upstream::offline::call::{str_field, uint_field};
use crate::upstream::offline::content::{Rng, seed_str, uuid};
use crate::upstream::offline::encode::png_data_url;
use crate::upstream::offline::reply::{Reply, json_response, ok_json};

/// Adobe Firefly image generation.
pub(super) const HANDLER: Handler = Handler::new(&["adobe-firefly"], firefly);

/// Adobe Firefly `v3/images/generate` (also `v2/...`) → image outputs (PNG
/// data URLs); `v3/images/generate-async` → `202` with a job id.
pub(super) fn firefly(call: &Call<'_>) -> Reply {
    let route = call.path.as_str();
    if !call.is_post() || !matches!(route, "v3/images/generate" | "v2/images/generate" | "v3/images/generate-async") {
        return json_response(404, &json!({"error_code": "not_found", "message": "Resource not found"}));
    }
    let body = match call.json() {
        Ok(body) => body,
        Err(problem) => return json_response(400, &json!({"error_code": "validation_error", "message": problem})),
    };
    let Some(prompt) = str_field(&body, "prompt").filter(|p| !p.is_empty()) else {
        return json_response(
            400,
            &json!({"error_code": "validation_error", "message": "request body is invalid: prompt is required"}),
        );
    };
    let seed = seed_str(&[prompt, &body.get("seeds").map(Value::to_string).unwrap_or_default()]);
    if route.ends_with("-async") {
        let job = uuid(seed);
        let base = "https://firefly-api.adobe.io/v3";
        return json_response(
            202,
            &json!({"jobId": job, "statusUrl": format!("{base}/status/{job}"), "cancelUrl": format!("{base}/cancel/{job}")}),
        );
    }
    let count = uint_field(&body, "numVariations").unwrap_or(1).clamp(1, 4);
    let seeds: Vec<u64> = body
        .get("seeds")
        .and_then(Value::as_array)
        .map(|s| s.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    let mut rng = Rng::new(seed);
    let outputs: Vec<Value> = (0..count)
        .map(|i| {
            let image_seed = seeds.get(i).copied().unwrap_or_else(|| rng.next() % 100_000);
            json!({"seed": image_seed, "image": {"url": png_data_url(seed ^ image_seed)}})
        })
        .collect();
    let size = body.get("size").cloned().unwrap_or_else(|| json!({"width": 2048, "height": 2048}));
    let content_class = str_field(&body, "contentClass").unwrap_or("photo");
    ok_json(&json!({"size": size, "outputs": outputs, "contentClass": content_class}))
}
