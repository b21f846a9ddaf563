//! What a request costs: the model it names, the tokens its answer reports
//! (plain or streamed, in each provider's shape), and the price of those.

use crate::options::CustomCost;

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

/// An answer's (or a streamed event's) usage reports; every other field is
/// skipped without being built (its choices, a Workers AI answer's vectors).
/// Each field is read [`lenient`]ly: a value of another kind is no report.
#[derive(Default, serde::Deserialize)]
struct Reports {
    #[serde(default, deserialize_with = "lenient")]
    usage: Option<UsageReport>,
    #[serde(default, rename = "usageMetadata", deserialize_with = "lenient")]
    usage_metadata: Option<GeminiUsage>,
    /// Workers AI's envelope: the answer's own fields.
    #[serde(default, deserialize_with = "lenient")]
    result: Option<Box<Reports>>,
    /// Anthropic's `message_start` event wraps its report in `message`.
    #[serde(default, deserialize_with = "lenient")]
    message: Option<Box<Reports>>,
    /// The Responses API's `response.completed` event wraps it in `response`.
    #[serde(default, deserialize_with = "lenient")]
    response: Option<Box<Reports>>,
}

/// A `usage` object, in any provider's shape: OpenAI chat (`prompt_tokens`,
/// `prompt_tokens_details.cached_tokens`), OpenAI Responses
/// (`input_tokens`, `input_tokens_details.cached_tokens`), Anthropic
/// (`input_tokens`, `cache_read_input_tokens`, `cache_creation_input_tokens`),
/// Bedrock (`inputTokens`, `cacheReadInputTokens`, `cacheWriteInputTokens`).
#[derive(Default, serde::Deserialize)]
#[serde(default)]
#[allow(clippy::struct_field_names, reason = "the providers' own names")]
struct UsageReport {
    #[serde(deserialize_with = "lenient")]
    prompt_tokens: Option<u64>,
    #[serde(deserialize_with = "lenient")]
    input_tokens: Option<u64>,
    #[serde(rename = "inputTokens", deserialize_with = "lenient")]
    input_tokens_bedrock: Option<u64>,
    #[serde(deserialize_with = "lenient")]
    completion_tokens: Option<u64>,
    #[serde(deserialize_with = "lenient")]
    output_tokens: Option<u64>,
    #[serde(rename = "outputTokens", deserialize_with = "lenient")]
    output_tokens_bedrock: Option<u64>,
    #[serde(deserialize_with = "lenient")]
    prompt_tokens_details: Option<CachedTokens>,
    #[serde(deserialize_with = "lenient")]
    input_tokens_details: Option<CachedTokens>,
    #[serde(deserialize_with = "lenient")]
    cache_read_input_tokens: Option<u64>,
    #[serde(rename = "cacheReadInputTokens", deserialize_with = "lenient")]
    cache_read_input_tokens_bedrock: Option<u64>,
    #[serde(deserialize_with = "lenient")]
    cache_creation_input_tokens: Option<u64>,
    #[serde(rename = "cacheWriteInputTokens", deserialize_with = "lenient")]
    cache_write_input_tokens_bedrock: Option<u64>,
}

/// OpenAI's `*_tokens_details`.
#[derive(Default, serde::Deserialize)]
struct CachedTokens {
    #[serde(default, deserialize_with = "lenient")]
    cached_tokens: Option<u64>,
}

/// Gemini's `usageMetadata`.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct GeminiUsage {
    #[serde(rename = "promptTokenCount", deserialize_with = "lenient")]
    prompt: Option<u64>,
    #[serde(rename = "candidatesTokenCount", deserialize_with = "lenient")]
    candidates: Option<u64>,
}

/// A field that takes any JSON value and keeps only the kind it wants (an
/// unsigned integer, an object of its shape); any other is `None`, skipped
/// without being built. Usage reports are read this way so that an odd field
/// (a count as a float, `"usage": null`) costs only itself, not the answer's
/// whole report.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Lenient<'de>,
{
    deserializer.deserialize_any(LenientVisitor(std::marker::PhantomData))
}

/// What [`lenient`] keeps of a value.
trait Lenient<'de>: Sized {
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
    fn from_map<A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl Lenient<'_> for u64 {
    fn from_u64(n: u64) -> Option<Self> {
        Some(n)
    }
}

/// An object of `T`'s shape, for [`Lenient::from_map`].
fn object<'de, T: serde::Deserialize<'de>, A: serde::de::MapAccess<'de>>(map: A) -> Result<Option<T>, A::Error> {
    T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Some)
}

impl<'de> Lenient<'de> for Box<Reports> {
    fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        object(map)
    }
}

impl<'de> Lenient<'de> for UsageReport {
    fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        object(map)
    }
}

impl<'de> Lenient<'de> for CachedTokens {
    fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        object(map)
    }
}

impl<'de> Lenient<'de> for GeminiUsage {
    fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        object(map)
    }
}

struct LenientVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Lenient<'de>> serde::de::Visitor<'de> for LenientVisitor<T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(T::from_u64(n))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map)
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

impl Reports {
    /// The report of an answer: its own, or that of the object its
    /// `result` envelope holds.
    fn usage(&self) -> Usage {
        let root = self.result.as_deref().unwrap_or(self);
        match (&root.usage, &root.usage_metadata) {
            (Some(usage), _) if usage.usage().reported() => usage.usage(),
            (_, Some(gemini)) => Usage { input: gemini.prompt, output: gemini.candidates, ..Usage::default() },
            _ => Usage::default(),
        }
    }

    /// One streamed event's report: its own, or that of the object it wraps.
    fn event_usage(&self) -> Usage {
        let nested = [&self.message, &self.response]
            .into_iter()
            .flatten()
            .fold(Usage::default(), |tokens, inner| tokens.updated_by(inner.usage()));
        nested.updated_by(self.usage())
    }
}

impl UsageReport {
    fn usage(&self) -> Usage {
        let openai_cached =
            self.prompt_tokens_details.as_ref().or(self.input_tokens_details.as_ref()).and_then(|d| d.cached_tokens);
        Usage {
            input: self.prompt_tokens.or(self.input_tokens).or(self.input_tokens_bedrock),
            output: self.completion_tokens.or(self.output_tokens).or(self.output_tokens_bedrock),
            cache_read: openai_cached.or(self.cache_read_input_tokens).or(self.cache_read_input_tokens_bedrock),
            cache_write: self.cache_creation_input_tokens.or(self.cache_write_input_tokens_bedrock),
            cache_in_input: openai_cached.is_some(),
        }
    }
}

/// The usage report of a whole JSON answer.
pub(super) fn usage_of(body: &[u8]) -> Usage {
    // A body of another type, or no JSON, reports nothing (duplicate keys neither).
    if !is_object(body) {
        return Usage::default();
    }
    serde_json::from_slice::<Reports>(body).unwrap_or_default().usage()
}

/// Token counts reported inside an event stream (the last report of each
/// count wins; Anthropic puts input and cache tokens in `message_start`'s
/// `message` and output tokens in `message_delta`; the Responses API puts its
/// report in `response.completed`'s `response`).
pub(super) fn usage_of_stream(body: &[u8]) -> Usage {
    let events = gateway_core::stream::sse::SseParser::parse_all(body).unwrap_or_default();
    events
        .iter()
        .filter_map(|event| serde_json::from_str::<Reports>(&event.data).ok())
        .fold(Usage::default(), |tokens, reports| tokens.updated_by(reports.event_usage()))
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
        if let Ok(reports) = serde_json::from_slice::<Reports>(payload) {
            tokens = tokens.updated_by(reports.event_usage());
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
    fn usage_is_read_past_other_fields_and_only_from_objects() {
        // Fields before and after, of every JSON type, are skipped.
        let answer = br#"{"id":"x","choices":[{"index":0,"message":{"content":"a\"b"}}],"n":null,"ok":true,
            "usage":{"prompt_tokens":1,"completion_tokens":2},"tail":[1.5,{"k":[]}]}"#;
        assert_eq!(usage_of(answer), io(1, 2));
        // Workers AI's envelope wins when `result` is an object, not otherwise.
        assert_eq!(
            usage_of(br#"{"result":{"response":"hi"},"usage":{"prompt_tokens":1,"completion_tokens":2}}"#),
            Usage::default()
        );
        for result in [r#""text""#, "[1,2]", "3", "true", "null"] {
            let body = format!(r#"{{"result":{result},"usage":{{"prompt_tokens":1,"completion_tokens":2}}}}"#);
            assert_eq!(usage_of(body.as_bytes()), io(1, 2), "result {result}");
        }
        // Not an object: nothing, whatever it holds.
        assert_eq!(usage_of(br#"[{"usage":{"prompt_tokens":1,"completion_tokens":2}}]"#), Usage::default());
        assert_eq!(
            usage_of(br#"{"usage":null,"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":8}}"#),
            io(7, 8)
        );
    }

    #[test]
    fn an_odd_count_is_no_report_and_costs_only_itself() {
        // Each count of another kind (a float, a string, a negative number,
        // an object, details as an array) is skipped; the well-formed ones stand.
        let body = br#"{"usage":{"prompt_tokens":1.5,"input_tokens":"7","inputTokens":-3,
            "completion_tokens":{"n":2},"output_tokens":4,"prompt_tokens_details":[1],
            "input_tokens_details":{"cached_tokens":2}},"usageMetadata":{"promptTokenCount":9}}"#;
        let expected = Usage { output: Some(4), cache_read: Some(2), cache_in_input: true, ..Usage::default() };
        assert_eq!(usage_of(body), expected);
        // A stream's event whose `message` is text reports its own usage.
        let stream = b"data: {\"message\":\"hi\",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}\n\n";
        assert_eq!(usage_of_stream(stream), io(3, 1));
    }

    #[test]
    fn models_from_body_or_path() {
        assert_eq!(model_of("openai", "chat/completions", br#"{"model":"gpt-4o-mini"}"#), "gpt-4o-mini");
        assert_eq!(model_of("workers-ai", "run/@cf/meta/x", b"{}"), "@cf/meta/x");
        assert_eq!(
            model_of("google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", b"{}"),
            "gemini-2.5-flash"
        );
        // The body's `model` only when the body is an object and it is a string.
        let long = r#"{"messages":[{"role":"user","content":"model"}],"stream":true,"model":"m\u0031"}"#;
        assert_eq!(model_of("openai", "chat/completions", long.as_bytes()), "m1");
        assert_eq!(model_of("workers-ai", "run/@cf/a", br#"["model"]"#), "@cf/a");
        assert_eq!(model_of("workers-ai", "run/@cf/a", br#"{"model":7}"#), "@cf/a");
        assert_eq!(model_of("openai", "chat/completions", b"not json"), "");
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
