//! What a request costs: the model it names, the tokens its answer reports
//! (plain or streamed, in each provider's shape), and the price of those.

use gateway_core::CustomCost;
use serde_json::Value;

/// The model a request names: its body's `model`, else from the endpoint.
pub(crate) fn model_of(provider: &str, endpoint: &str, body: &[u8]) -> String {
    if let Some(model) =
        serde_json::from_slice::<Value>(body).ok().and_then(|v| v.get("model")?.as_str().map(str::to_owned))
    {
        return model;
    }
    let path = endpoint.split('?').next().unwrap_or(endpoint);
    if provider == "workers-ai" {
        return path.strip_prefix("run/").unwrap_or(path).to_owned();
    }
    if let Some(rest) = path.split("models/").nth(1) {
        return rest.split(':').next().unwrap_or(rest).to_owned();
    }
    String::new()
}

/// Input and output tokens from the provider's usage report.
pub(super) fn usage_of(body: &[u8]) -> (Option<u64>, Option<u64>) {
    let Ok(value) = serde_json::from_slice::<Value>(body) else { return (None, None) };
    let root = value.get("result").filter(|r| r.is_object()).unwrap_or(&value);
    let number = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64);
    if let Some(usage) = root.get("usage") {
        let input = number(usage, "prompt_tokens").or_else(|| number(usage, "input_tokens"));
        let output = number(usage, "completion_tokens").or_else(|| number(usage, "output_tokens"));
        if input.is_some() || output.is_some() {
            return (input, output);
        }
    }
    if let Some(usage) = root.get("usageMetadata") {
        return (number(usage, "promptTokenCount"), number(usage, "candidatesTokenCount"));
    }
    (None, None)
}

/// Token counts reported inside an event stream (the last report of each wins;
/// Anthropic puts input tokens in `message_start` and output tokens in
/// `message_delta`; the Responses API both in `response.completed`'s `response`).
pub(super) fn usage_of_stream(body: &[u8]) -> (Option<u64>, Option<u64>) {
    let events = gateway_core::stream::sse::SseParser::parse_all(body).unwrap_or_default();
    let mut tokens = (None, None);
    for event in events {
        let Ok(value) = serde_json::from_str::<Value>(&event.data) else { continue };
        let inner = value.get("message").or_else(|| value.get("response"));
        let nested = inner.map_or((None, None), |m| usage_of(m.to_string().as_bytes()));
        let direct = usage_of(event.data.as_bytes());
        tokens.0 = direct.0.or(nested.0).or(tokens.0);
        tokens.1 = direct.1.or(nested.1).or(tokens.1);
    }
    tokens
}

/// USD per million input and output tokens of models we know the price of.
fn price_of(model: &str) -> Option<(f64, f64)> {
    Some(match model {
        m if m.starts_with("gpt-4o-mini") => (0.15, 0.60),
        m if m.starts_with("gpt-4o") => (2.50, 10.00),
        m if m.starts_with("claude-sonnet-4") => (3.00, 15.00),
        m if m.starts_with("claude-haiku-4") => (1.00, 5.00),
        "@cf/meta/llama-3.1-8b-instruct-fp8" | "@cf/meta/llama-3.1-8b-instruct" => (0.152, 0.287),
        "@cf/baai/bge-base-en-v1.5" => (0.067, 0.0),
        _ => return None,
    })
}

pub(super) fn cost_of(custom: Option<CustomCost>, model: &str, tokens: (Option<u64>, Option<u64>)) -> Option<f64> {
    #[allow(clippy::cast_precision_loss, reason = "token counts are far below 2^53")]
    let (input, output) = (tokens.0.unwrap_or(0) as f64, tokens.1.unwrap_or(0) as f64);
    match custom {
        Some(CustomCost::Total { total_cost }) => Some(total_cost),
        Some(CustomCost::PerToken { per_token_in, per_token_out }) => {
            Some(per_token_in.unwrap_or(0.0) * input + per_token_out.unwrap_or(0.0) * output)
        }
        None if tokens.0.is_some() || tokens.1.is_some() => {
            price_of(model).map(|(pin, pout)| (pin * input + pout * output) / 1_000_000.0)
        }
        None => None,
    }
}

pub(super) fn model_type_of(endpoint: &str) -> Option<String> {
    let path = endpoint.split('?').next().unwrap_or(endpoint);
    let kind = if path.ends_with("chat/completions") || path.ends_with("messages") || path.contains(":generateContent")
    {
        "chat"
    } else if path.ends_with("embeddings") {
        "embedding"
    } else if path.ends_with("responses") {
        "responses"
    } else {
        return None;
    };
    Some(kind.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_from_each_provider_shape() {
        assert_eq!(usage_of(br#"{"result":{"usage":{"prompt_tokens":3,"completion_tokens":4}}}"#), (Some(3), Some(4)));
        assert_eq!(usage_of(br#"{"usage":{"input_tokens":5,"output_tokens":6}}"#), (Some(5), Some(6)));
        assert_eq!(
            usage_of(br#"{"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":8}}"#),
            (Some(7), Some(8))
        );
        assert_eq!(usage_of(b"not json"), (None, None));
    }

    #[test]
    fn models_from_body_or_path() {
        assert_eq!(model_of("openai", "chat/completions", br#"{"model":"gpt-4o-mini"}"#), "gpt-4o-mini");
        assert_eq!(model_of("workers-ai", "run/@cf/meta/x", b"{}"), "@cf/meta/x");
        assert_eq!(
            model_of("google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", b"{}"),
            "gemini-2.5-flash"
        );
    }

    #[test]
    fn costs() {
        let per_token = CustomCost::PerToken { per_token_in: Some(0.001), per_token_out: Some(0.002) };
        assert_eq!(cost_of(Some(per_token), "x", (Some(10), Some(5))), Some(0.02));
        assert_eq!(cost_of(None, "gpt-4o-mini", (Some(1_000_000), Some(0))), Some(0.15));
        assert_eq!(cost_of(None, "unknown", (Some(1), Some(1))), None);
    }
}
