//! What a request costs: the model it names, the tokens its answer reports
//! (plain or streamed, in each provider's shape), and the price of those.

use crate::options::CustomCost;
use serde_json::Value;

/// The model a request names: its body's `model`, else from the endpoint.
pub(crate) fn model_of(provider: &str, endpoint: &str, body: &[u8]) -> String {
    if let Some(model) = body_model(body) {
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

/// Whether `body` is a JSON object (by its first byte; parsing says the rest).
fn is_object(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// A request body's `model`; every other field is skipped without being
/// built (a chat request's messages).
#[derive(serde::Deserialize)]
struct NamedModel<'a> {
    #[serde(borrow)]
    model: Option<std::borrow::Cow<'a, str>>,
}

/// An answer's usage reports; every other field is skipped without being
/// built (its choices, a Workers AI answer's vectors).
#[derive(Default, serde::Deserialize)]
struct Reports {
    #[serde(default)]
    usage: Option<Value>,
    #[serde(default, rename = "usageMetadata")]
    usage_metadata: Option<Value>,
    /// Workers AI's envelope: the answer's own fields, when it is an object.
    #[serde(default, deserialize_with = "object_or_none")]
    result: Option<Box<Reports>>,
}

/// `result` when it is an object; `None` for any other JSON value.
fn object_or_none<'de, D>(deserializer: D) -> Result<Option<Box<Reports>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct ObjectOrNone;
    impl<'de> serde::de::Visitor<'de> for ObjectOrNone {
        type Value = Option<Box<Reports>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            let inner = serde::Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
            Ok(Some(Box::new(inner)))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(ObjectOrNone)
}

/// The `model` string of a JSON object body, read without building the rest.
fn body_model(body: &[u8]) -> Option<String> {
    let named: NamedModel<'_> = serde_json::from_slice(body).ok().filter(|_| is_object(body))?;
    named.model.map(std::borrow::Cow::into_owned)
}

/// Tokens an answer reports. Cache tokens are counted apart; whether the
/// provider also counts them inside `input` is said by `cache_in_input`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Usage {
    pub(super) input: Option<u64>,
    pub(super) output: Option<u64>,
    /// Input tokens read from the provider's prompt cache.
    pub(super) cache_read: Option<u64>,
    /// Input tokens written to the provider's prompt cache.
    pub(super) cache_write: Option<u64>,
    /// OpenAI counts cached tokens inside its input tokens; Anthropic counts
    /// them apart, and so (our reading of AWS's `TokenUsage`, where
    /// `totalTokens` adds them to `inputTokens`) does Bedrock.
    pub(super) cache_in_input: bool,
}

impl Usage {
    fn reported(&self) -> bool {
        self.input.is_some() || self.output.is_some() || self.cache_read.is_some() || self.cache_write.is_some()
    }

    /// `self`, with every count `later` reports replaced (streams report in parts).
    pub(super) fn updated_by(self, later: Self) -> Self {
        Self {
            input: later.input.or(self.input),
            output: later.output.or(self.output),
            cache_read: later.cache_read.or(self.cache_read),
            cache_write: later.cache_write.or(self.cache_write),
            cache_in_input: later.cache_in_input || self.cache_in_input,
        }
    }
}

/// The usage report of one JSON value, in any provider's shape: OpenAI chat
/// (`prompt_tokens`, `prompt_tokens_details.cached_tokens`), OpenAI
/// Responses (`input_tokens`, `input_tokens_details.cached_tokens`),
/// Anthropic (`input_tokens`, `cache_read_input_tokens`,
/// `cache_creation_input_tokens`), Bedrock (`inputTokens`,
/// `cacheReadInputTokens`, `cacheWriteInputTokens`), Gemini (`usageMetadata`).
fn usage_in(value: &Value) -> Usage {
    let root = value.get("result").filter(|r| r.is_object()).unwrap_or(value);
    usage_in_reports(root.get("usage"), root.get("usageMetadata"))
}

/// [`usage_in`] of an object's `usage` and `usageMetadata` fields.
fn usage_in_reports(usage: Option<&Value>, usage_metadata: Option<&Value>) -> Usage {
    let number = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64);
    if let Some(usage) = usage {
        let openai_cached = usage
            .get("prompt_tokens_details")
            .or_else(|| usage.get("input_tokens_details"))
            .and_then(|d| number(d, "cached_tokens"));
        let found = Usage {
            input: number(usage, "prompt_tokens")
                .or_else(|| number(usage, "input_tokens"))
                .or_else(|| number(usage, "inputTokens")),
            output: number(usage, "completion_tokens")
                .or_else(|| number(usage, "output_tokens"))
                .or_else(|| number(usage, "outputTokens")),
            cache_read: openai_cached
                .or_else(|| number(usage, "cache_read_input_tokens"))
                .or_else(|| number(usage, "cacheReadInputTokens")),
            cache_write: number(usage, "cache_creation_input_tokens")
                .or_else(|| number(usage, "cacheWriteInputTokens")),
            cache_in_input: openai_cached.is_some(),
        };
        if found.reported() {
            return found;
        }
    }
    if let Some(usage) = usage_metadata {
        return Usage {
            input: number(usage, "promptTokenCount"),
            output: number(usage, "candidatesTokenCount"),
            ..Usage::default()
        };
    }
    Usage::default()
}

/// The usage report of a whole JSON answer.
pub(super) fn usage_of(body: &[u8]) -> Usage {
    // A body of another type, or no JSON, reports nothing (duplicate keys neither).
    let top: Reports =
        if is_object(body) { serde_json::from_slice(body).unwrap_or_default() } else { return Usage::default() };
    let root = top.result.as_deref().unwrap_or(&top);
    usage_in_reports(root.usage.as_ref(), root.usage_metadata.as_ref())
}

/// Token counts reported inside an event stream (the last report of each
/// count wins; Anthropic puts input and cache tokens in `message_start`'s
/// `message` and output tokens in `message_delta`; the Responses API puts its
/// report in `response.completed`'s `response`).
pub(super) fn usage_of_stream(body: &[u8]) -> Usage {
    let events = gateway_core::stream::sse::SseParser::parse_all(body).unwrap_or_default();
    events
        .iter()
        .filter_map(|event| serde_json::from_str::<Value>(&event.data).ok())
        .fold(Usage::default(), |tokens, value| tokens.updated_by(usage_of_event(&value)))
}

/// One streamed event's report: its own, or that of the object it wraps.
fn usage_of_event(value: &Value) -> Usage {
    let nested = ["message", "response"]
        .iter()
        .filter_map(|key| value.get(*key))
        .fold(Usage::default(), |tokens, inner| tokens.updated_by(usage_in(inner)));
    nested.updated_by(usage_in(value))
}

/// Token counts in an AWS event stream (`application/vnd.amazon.eventstream`,
/// Bedrock's `ConverseStream`): each message's JSON payload, the `metadata`
/// event's `usage` last. Messages are read by their length prefix; the
/// checksums are the upstream connection's business, not the log's.
pub(super) fn usage_of_eventstream(mut body: &[u8]) -> Usage {
    let mut tokens = Usage::default();
    while body.len() >= 16 {
        let word = |at: usize| u32::from_be_bytes([body[at], body[at + 1], body[at + 2], body[at + 3]]) as usize;
        let (total, headers) = (word(0), word(4));
        if total < 16 + headers || total > body.len() {
            break;
        }
        let payload = &body[12 + headers..total - 4];
        if let Ok(value) = serde_json::from_slice::<Value>(payload) {
            tokens = tokens.updated_by(usage_of_event(&value));
        }
        body = &body[total..];
    }
    tokens
}

/// The content type of an AWS event stream.
pub(super) const EVENTSTREAM: &str = "application/vnd.amazon.eventstream";

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

/// What a request cost, in USD: the caller's custom cost (spec §5.3) if it
/// sent one, else our price table's; `None` when no tokens were reported
/// (custom costs apply only when the answer reports tokens), except for a
/// `total_cost`, which stands as given.
///
/// With a cache rate (`per_cache_read_token` or `per_cache_write_token`),
/// cache tokens are priced at their rate, a missing one at `per_token_in`,
/// and taken out of the input tokens when the provider counted them there
/// (no double counting). With neither, the old formula: input and output.
pub(super) fn cost_of(custom: Option<CustomCost>, model: &str, usage: Usage) -> Option<f64> {
    #[allow(clippy::cast_precision_loss, reason = "token counts are far below 2^53")]
    let count = |n: Option<u64>| n.unwrap_or(0) as f64;
    if let Some(total) = custom.and_then(|c| c.total_cost) {
        return Some(total);
    }
    if !usage.reported() {
        return None;
    }
    let (input, output) = (count(usage.input), count(usage.output));
    let Some(custom) = custom else {
        return price_of(model).map(|(pin, pout)| (pin * input + pout * output) / 1_000_000.0);
    };
    let per_in = custom.per_token_in.unwrap_or(0.0);
    let per_out = custom.per_token_out.unwrap_or(0.0);
    if custom.per_cache_read_token.is_none() && custom.per_cache_write_token.is_none() {
        return Some(per_in * input + per_out * output);
    }
    let (read, write) = (usage.cache_read.unwrap_or(0), usage.cache_write.unwrap_or(0));
    let uncached = if usage.cache_in_input {
        usage.input.unwrap_or(0).saturating_sub(read.saturating_add(write))
    } else {
        usage.input.unwrap_or(0)
    };
    Some(
        per_in * count(Some(uncached))
            + custom.per_cache_read_token.unwrap_or(per_in) * count(Some(read))
            + custom.per_cache_write_token.unwrap_or(per_in) * count(Some(write))
            + per_out * output,
    )
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

    fn io(input: u64, output: u64) -> Usage {
        Usage { input: Some(input), output: Some(output), ..Usage::default() }
    }

    #[test]
    fn usage_from_each_provider_shape() {
        assert_eq!(usage_of(br#"{"result":{"usage":{"prompt_tokens":3,"completion_tokens":4}}}"#), io(3, 4));
        assert_eq!(usage_of(br#"{"usage":{"input_tokens":5,"output_tokens":6}}"#), io(5, 6));
        assert_eq!(usage_of(br#"{"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":8}}"#), io(7, 8));
        assert_eq!(
            usage_of(br#"{"output":{},"usage":{"inputTokens":9,"outputTokens":10,"totalTokens":19}}"#),
            io(9, 10)
        );
        assert_eq!(usage_of(b"not json"), Usage::default());
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
        let per_token = CustomCost { per_token_in: Some(0.001), per_token_out: Some(0.002), ..CustomCost::default() };
        assert_eq!(cost_of(Some(per_token), "x", io(10, 5)), Some(0.02));
        assert_eq!(cost_of(None, "gpt-4o-mini", io(1_000_000, 0)), Some(0.15));
        assert_eq!(cost_of(None, "unknown", io(1, 1)), None);
        assert_eq!(cost_of(Some(per_token), "x", Usage::default()), None, "no tokens reported, no cost");
        let total = CustomCost { total_cost: Some(0.5), ..per_token };
        assert_eq!(cost_of(Some(total), "x", Usage::default()), Some(0.5));
    }

    /// Exact in binary: the costs below are sums of these.
    const IN: f64 = 0.5;
    const OUT: f64 = 2.0;
    const READ: f64 = 0.125;
    const WRITE: f64 = 1.0;

    fn rates(read: Option<f64>, write: Option<f64>) -> CustomCost {
        CustomCost {
            per_token_in: Some(IN),
            per_token_out: Some(OUT),
            per_cache_read_token: read,
            per_cache_write_token: write,
            ..CustomCost::default()
        }
    }

    #[test]
    fn cache_token_costs_of_each_provider_plain_and_streamed() {
        let openai =
            br#"{"usage":{"prompt_tokens":100,"completion_tokens":10,"prompt_tokens_details":{"cached_tokens":40}}}"#;
        let responses =
            br#"{"usage":{"input_tokens":100,"output_tokens":10,"input_tokens_details":{"cached_tokens":40}}}"#;
        let anthropic = br#"{"usage":{"input_tokens":60,"output_tokens":10,"cache_read_input_tokens":40,"cache_creation_input_tokens":8}}"#;
        let bedrock =
            br#"{"usage":{"inputTokens":60,"outputTokens":10,"cacheReadInputTokens":40,"cacheWriteInputTokens":8}}"#;
        let openai_stream = concat!(
            "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}\n\n",
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":10,",
            "\"prompt_tokens_details\":{\"cached_tokens\":40}}}\n\n",
            "data: [DONE]\n\n",
        );
        let responses_stream = concat!(
            "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"usage\":null}}\n\n",
            "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"usage\":",
            "{\"input_tokens\":100,\"output_tokens\":10,\"input_tokens_details\":{\"cached_tokens\":40}}}}\n\n",
        );
        let anthropic_stream = concat!(
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":60,",
            "\"output_tokens\":1,\"cache_read_input_tokens\":40,\"cache_creation_input_tokens\":8}}}\n\n",
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":{\"output_tokens\":10}}\n\n",
        );
        // The offline upstream's encoder: the same bytes a Bedrock stream carries.
        let eventstream = |payload: &[u8]| crate::upstream::offline::eventstream_message("metadata", payload);
        let mut bedrock_stream = eventstream(b"{\"contentBlockDelta\":{\"delta\":{\"text\":\"hi\"}}}");
        bedrock_stream.extend(eventstream(
            br#"{"usage":{"inputTokens":60,"outputTokens":10,"cacheReadInputTokens":40,"cacheWriteInputTokens":8},"metrics":{"latencyMs":1}}"#,
        ));
        // OpenAI: 40 of the 100 input tokens were cached (counted inside them), none written.
        let openai_usage =
            Usage { input: Some(100), output: Some(10), cache_read: Some(40), cache_write: None, cache_in_input: true };
        // Anthropic and Bedrock: 60 uncached input tokens, 40 read and 8 written apart.
        let apart = Usage {
            input: Some(60),
            output: Some(10),
            cache_read: Some(40),
            cache_write: Some(8),
            cache_in_input: false,
        };
        let usages = [
            ("openai", usage_of(openai), openai_usage),
            ("responses", usage_of(responses), openai_usage),
            ("anthropic", usage_of(anthropic), apart),
            ("bedrock", usage_of(bedrock), apart),
            ("openai stream", usage_of_stream(openai_stream.as_bytes()), openai_usage),
            ("responses stream", usage_of_stream(responses_stream.as_bytes()), openai_usage),
            ("anthropic stream", usage_of_stream(anthropic_stream.as_bytes()), apart),
            ("bedrock stream", usage_of_eventstream(&bedrock_stream), apart),
        ];
        for (name, got, want) in usages {
            assert_eq!(got, want, "{name}");
        }
        // (rates, usage, exact cost): 60 uncached in, 40 read, 8 written (Anthropic) or 0 (OpenAI), 10 out.
        let out = 10.0 * OUT;
        let table = [
            // Both cache rates.
            (rates(Some(READ), Some(WRITE)), openai_usage, 60.0 * IN + 40.0 * READ + out),
            (rates(Some(READ), Some(WRITE)), apart, 60.0 * IN + 40.0 * READ + 8.0 * WRITE + out),
            // One cache rate: the other defaults to per_token_in.
            (rates(Some(READ), None), apart, 60.0 * IN + 40.0 * READ + 8.0 * IN + out),
            (rates(None, Some(WRITE)), apart, 60.0 * IN + 40.0 * IN + 8.0 * WRITE + out),
            (rates(None, Some(WRITE)), openai_usage, 100.0 * IN + out),
            // Neither: the old formula over the input tokens as reported.
            (rates(None, None), openai_usage, 100.0 * IN + out),
            (rates(None, None), apart, 60.0 * IN + out),
        ];
        for (n, (custom, usage, want)) in table.into_iter().enumerate() {
            assert_eq!(cost_of(Some(custom), "x", usage), Some(want), "row {n}");
        }
        // The spec's example header: cost to within rounding.
        let example = CustomCost {
            per_token_in: Some(0.000_001),
            per_token_out: Some(0.000_002),
            per_cache_read_token: Some(0.000_000_1),
            per_cache_write_token: Some(0.000_000_5),
            ..CustomCost::default()
        };
        let cost = cost_of(Some(example), "x", apart).unwrap();
        assert!((cost - (60e-6 + 40e-7 + 8.0 * 5e-7 + 20e-6)).abs() < 1e-15, "{cost}");
    }
}
