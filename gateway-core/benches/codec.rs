//! Encoding and decoding cost of typed-gateway's types against plain
//! `serde_json` on equivalent hand-written structs, measured in the same run.
//!
//! Every benchmark group holds the baseline, function `serde_json` (a
//! hand-written `#[derive(Serialize/Deserialize)]` struct of the same shape),
//! next to one or more candidates:
//!
//! - `typed`: the same `serde_json` call on gateway-core's type (a
//!   `#[derive(Model)]` request or response, or `AiGatewayLog`);
//! - `typed_validate`: `ModelRequest::validate` then `serde_json::to_vec`,
//!   what `Ai::run_model` does to a request before sending it;
//! - `typed_to_query`: `ModelRequest::to_query` (validation, gateway-core's
//!   JavaScript-compatible writer, reparse into a `Value`) then
//!   `serde_json::to_vec` of that value: the public path that
//!   `GatewayExt::run_model` and fallbacks take. Informational: it does more
//!   work than the baseline by design.
//!
//! Each group checks once, before measuring, that baseline and candidates
//! produce the same bytes (encode) or the same values (decode), so the two
//! sides do equivalent work.
//!
//! Run with `cargo bench -p gateway-core --bench codec` (about a minute;
//! append `-- --quick` for a fast pass), then
//! `python3 gateway-bench/scripts/criterion_ratios.py` for the
//! candidate/baseline ratios of the median estimates.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_main};
use gateway_core::models::openai::{Gpt4oMiniReasoningEffort, Gpt4oMiniRequest, Gpt4oMiniResponse};
use gateway_core::models::workers_ai::{
    ChatMessage, Llama31InstructInput, Llama31InstructRequest, Llama31InstructResponse,
};
use gateway_core::{AiGatewayLog, LogMetadata, ModelRequest};
use serde::{Deserialize, Serialize};

/// REST `GET .../logs/{id}` answer (metadata as a string).
const LOG_REST: &[u8] = include_bytes!("../../tests/fixtures/log-get.response.json");
/// Binding `getLog` answer (compact, different field order).
const LOG_BINDING: &[u8] = include_bytes!("../../tests/fixtures/binding-log-get.response.json");
/// Workers AI text-generation envelope with tool calls and usage.
const LLAMA_ANSWER: &[u8] = include_bytes!("../../tests/fixtures/workers-ai-run-usage.response.json");
/// An OpenAI chat completion as the API returns it (unknown fields included).
const GPT_ANSWER: &[u8] = br#"{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I assist you today?","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}"#;

const PROMPT: &str = "Summarize the history of the Hello, World program in three sentences, \
                      mentioning Bell Labs and the C programming language.";

// ---------------------------------------------------------------------------
// Hand-written baselines: what a caller would write with plain serde.
// ---------------------------------------------------------------------------

/// The `{"result": ..., "success": ...}` envelope (other keys ignored),
/// shared by both sides.
#[derive(Deserialize)]
struct Envelope<T> {
    result: T,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct HandMessage {
    role: String,
    content: String,
}

/// Llama 3.1 instruct request; `prompt` and `messages` exclusive by convention only.
#[derive(Serialize)]
struct HandLlamaRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    prompt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    messages: Option<Vec<HandMessage>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<bool>,
    max_tokens: u32,
    temperature: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_k: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    repetition_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    frequency_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    presence_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lora: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum HandEffort {
    Low,
}

#[derive(Serialize)]
struct HandGptRequest {
    model: &'static str,
    messages: Vec<HandMessage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_completion_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    n: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasoning_effort: Option<HandEffort>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct HandToolCall {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    arguments: Option<serde_json::Value>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    function: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[allow(clippy::struct_field_names, reason = "the wire names of the usage object")]
struct HandUsage {
    #[serde(default)]
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
    #[serde(default)]
    total_tokens: u64,
}

#[derive(Deserialize)]
struct HandLlamaResponse {
    response: Option<String>,
    #[serde(default)]
    tool_calls: Vec<HandToolCall>,
    usage: Option<HandUsage>,
}

#[derive(Deserialize)]
struct HandAssistantMessage {
    #[serde(default)]
    role: String,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    refusal: Option<String>,
}

#[derive(Deserialize)]
struct HandChoice {
    #[serde(default)]
    index: u32,
    message: HandAssistantMessage,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct HandGptResponse {
    id: String,
    model: String,
    choices: Vec<HandChoice>,
    usage: Option<HandUsage>,
}

/// `AiGatewayLog` with plain types: `String` provider and timestamp, string
/// metadata, integer duration, and no `null`-tolerant decoding helpers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct HandLog {
    id: String,
    provider: String,
    model: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model_type: Option<String>,
    path: String,
    duration: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_code: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    response_content_type: Option<String>,
    success: bool,
    cached: bool,
    #[serde(default)]
    tokens_in: Option<u64>,
    #[serde(default)]
    tokens_out: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    metadata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    step: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    custom_cost: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_head: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_head_complete: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    response_size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    response_head: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    response_head_complete: Option<bool>,
    created_at: String,
}

// ---------------------------------------------------------------------------
// Inputs, built identically on both sides.
// ---------------------------------------------------------------------------

fn typed_llama() -> Llama31InstructRequest {
    Llama31InstructRequest::new(Llama31InstructInput::Prompt(PROMPT.to_owned()))
        .max_tokens(512u32)
        .temperature(0.3)
        .top_p(0.9)
        .top_k(40u32)
        .seed(42u64)
}

fn hand_llama() -> HandLlamaRequest {
    HandLlamaRequest {
        prompt: Some(PROMPT.to_owned()),
        messages: None,
        raw: None,
        max_tokens: 512,
        temperature: 0.3,
        top_p: Some(0.9),
        top_k: Some(40),
        seed: Some(42),
        repetition_penalty: None,
        frequency_penalty: None,
        presence_penalty: None,
        lora: None,
    }
}

const CHAT: [(&str, &str); 3] = [
    ("system", "You are a concise assistant. Answer in at most two sentences."),
    ("user", "What is Cloudflare's AI Gateway?"),
    ("assistant", "A proxy that logs, caches, rate-limits and retries calls to AI providers."),
];

fn typed_gpt() -> Gpt4oMiniRequest {
    let messages: Vec<ChatMessage> = CHAT.iter().map(|(role, content)| ChatMessage::new(*role, *content)).collect();
    Gpt4oMiniRequest::new(messages)
        .max_completion_tokens(256u32)
        .temperature(0.7)
        .user("user-1234")
        .reasoning_effort(Gpt4oMiniReasoningEffort::Low)
}

fn hand_gpt() -> HandGptRequest {
    HandGptRequest {
        model: "gpt-4o-mini",
        messages: CHAT
            .iter()
            .map(|(role, content)| HandMessage { role: (*role).to_owned(), content: (*content).to_owned() })
            .collect(),
        max_completion_tokens: Some(256),
        temperature: Some(0.7),
        top_p: None,
        n: None,
        seed: None,
        user: Some("user-1234".to_owned()),
        reasoning_effort: Some(HandEffort::Low),
    }
}

// ---------------------------------------------------------------------------
// Benchmarks.
// ---------------------------------------------------------------------------

fn to_vec<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("serializes")
}

fn assert_same_json(group: &str, a: &[u8], b: &[u8]) {
    let (a, b): (serde_json::Value, serde_json::Value) =
        (serde_json::from_slice(a).expect("JSON"), serde_json::from_slice(b).expect("JSON"));
    assert_eq!(a, b, "{group}: baseline and candidate bodies differ");
}

/// The three encode candidates of a typed request against its hand-written twin.
fn encode_group<R: ModelRequest, H: Serialize>(c: &mut Criterion, name: &str, typed: &R, hand: &H) {
    let hand_bytes = to_vec(hand);
    assert_eq!(to_vec(typed), hand_bytes, "{name}: typed and hand-written bodies differ");
    typed.validate().expect("the typed request is valid");
    let query_bytes = to_vec(&typed.to_query().expect("to_query"));
    assert_same_json(name, &query_bytes, &hand_bytes);

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(hand_bytes.len() as u64));

    group.bench_function("serde_json", |b| b.iter(|| serde_json::to_vec(black_box(hand)).expect("serializes")));
    group.bench_function("typed", |b| b.iter(|| serde_json::to_vec(black_box(typed)).expect("serializes")));
    group.bench_function("typed_validate", |b| {
        b.iter(|| {
            let request = black_box(typed);
            request.validate().expect("valid");
            serde_json::to_vec(request).expect("serializes")
        });
    });
    group.bench_function("typed_to_query", |b| {
        b.iter(|| serde_json::to_vec(&black_box(typed).to_query().expect("to_query")).expect("serializes"));
    });
    group.finish();
}

fn encode_requests(c: &mut Criterion) {
    encode_group(c, "encode_llama31_instruct", &typed_llama(), &hand_llama());
    encode_group(c, "encode_gpt4o_mini", &typed_gpt(), &hand_gpt());
}

fn decode_responses(c: &mut Criterion) {
    // Llama 3.1 instruct from a Workers AI envelope.
    let typed = serde_json::from_slice::<Envelope<Llama31InstructResponse>>(LLAMA_ANSWER).expect("typed").result;
    let hand = serde_json::from_slice::<Envelope<HandLlamaResponse>>(LLAMA_ANSWER).expect("hand").result;
    assert_eq!(typed.response, hand.response);
    assert_eq!(typed.tool_calls.len(), hand.tool_calls.len());
    for (t, h) in typed.tool_calls.iter().zip(&hand.tool_calls) {
        assert_eq!((&t.name, &t.arguments, &t.id, &t.function), (&h.name, &h.arguments, &h.id, &h.function));
    }
    let usage = |u: Option<HandUsage>| u.map(|u| (u.prompt_tokens, u.completion_tokens, u.total_tokens));
    assert_eq!(typed.usage.map(|u| (u.prompt_tokens, u.completion_tokens, u.total_tokens)), usage(hand.usage));

    let mut group = c.benchmark_group("decode_llama31_instruct");
    group.throughput(Throughput::Bytes(LLAMA_ANSWER.len() as u64));
    group.bench_function("serde_json", |b| {
        b.iter(|| serde_json::from_slice::<Envelope<HandLlamaResponse>>(black_box(LLAMA_ANSWER)).expect("decodes"));
    });
    group.bench_function("typed", |b| {
        b.iter(|| {
            serde_json::from_slice::<Envelope<Llama31InstructResponse>>(black_box(LLAMA_ANSWER)).expect("decodes")
        });
    });
    group.finish();

    // GPT-4o mini from a provider-native body (no envelope).
    let typed: Gpt4oMiniResponse = serde_json::from_slice(GPT_ANSWER).expect("typed");
    let hand: HandGptResponse = serde_json::from_slice(GPT_ANSWER).expect("hand");
    assert_eq!((&typed.id, &typed.answered_by), (&hand.id, &hand.model));
    assert_eq!(typed.choices.len(), hand.choices.len());
    for (t, h) in typed.choices.iter().zip(&hand.choices) {
        assert_eq!((t.index, &t.finish_reason), (h.index, &h.finish_reason));
        let (tm, hm) = (&t.message, &h.message);
        assert_eq!((&tm.role, &tm.content, &tm.refusal), (&hm.role, &hm.content, &hm.refusal));
    }
    assert_eq!(typed.usage.map(|u| (u.prompt_tokens, u.completion_tokens, u.total_tokens)), usage(hand.usage));

    let mut group = c.benchmark_group("decode_gpt4o_mini");
    group.throughput(Throughput::Bytes(GPT_ANSWER.len() as u64));
    group.bench_function("serde_json", |b| {
        b.iter(|| serde_json::from_slice::<HandGptResponse>(black_box(GPT_ANSWER)).expect("decodes"));
    });
    group.bench_function("typed", |b| {
        b.iter(|| serde_json::from_slice::<Gpt4oMiniResponse>(black_box(GPT_ANSWER)).expect("decodes"));
    });
    group.finish();
}

/// Checks that a typed log and its hand-written twin hold the same values.
fn assert_same_log(typed: &AiGatewayLog, hand: &HandLog) {
    let metadata = typed.metadata.as_ref().map(|m| match m {
        LogMetadata::Text(s) => s.clone(),
        LogMetadata::Entries(m) => m.to_json(),
    });
    let typed_as_hand = HandLog {
        id: typed.id.clone(),
        provider: typed.provider.as_str().to_owned(),
        model: typed.model.clone(),
        model_type: typed.model_type.clone(),
        path: typed.path.clone(),
        duration: typed.duration,
        request_type: typed.request_type.clone(),
        request_content_type: typed.request_content_type.clone(),
        status_code: typed.status_code,
        response_content_type: typed.response_content_type.clone(),
        success: typed.success,
        cached: typed.cached,
        tokens_in: typed.tokens_in,
        tokens_out: typed.tokens_out,
        metadata,
        step: typed.step,
        cost: typed.cost,
        custom_cost: typed.custom_cost,
        request_size: typed.request_size,
        request_head: typed.request_head.clone(),
        request_head_complete: typed.request_head_complete,
        response_size: typed.response_size,
        response_head: typed.response_head.clone(),
        response_head_complete: typed.response_head_complete,
        // jiff renders the fixtures' timestamps as they are spelled there.
        created_at: typed.created_at.to_string(),
    };
    assert_eq!(&typed_as_hand, hand);
}

fn logs(c: &mut Criterion) {
    for (group, body) in [("decode_log_rest", LOG_REST), ("decode_log_binding", LOG_BINDING)] {
        let typed = serde_json::from_slice::<Envelope<AiGatewayLog>>(body).expect("typed").result;
        let hand = serde_json::from_slice::<Envelope<HandLog>>(body).expect("hand").result;
        assert_same_log(&typed, &hand);

        let mut group = c.benchmark_group(group);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("serde_json", |b| {
            b.iter(|| serde_json::from_slice::<Envelope<HandLog>>(black_box(body)).expect("decodes"));
        });
        group.bench_function("typed", |b| {
            b.iter(|| serde_json::from_slice::<Envelope<AiGatewayLog>>(black_box(body)).expect("decodes"));
        });
        group.finish();
    }

    // Encode the REST fixture's log (REST shape out: metadata as a string).
    let typed = serde_json::from_slice::<Envelope<AiGatewayLog>>(LOG_REST).expect("typed").result;
    let hand = serde_json::from_slice::<Envelope<HandLog>>(LOG_REST).expect("hand").result;
    let hand_bytes = to_vec(&hand);
    assert_eq!(to_vec(&typed), hand_bytes, "encode_log: typed and hand-written bodies differ");

    let mut group = c.benchmark_group("encode_log");
    group.throughput(Throughput::Bytes(hand_bytes.len() as u64));
    group.bench_function("serde_json", |b| b.iter(|| serde_json::to_vec(black_box(&hand)).expect("serializes")));
    group.bench_function("typed", |b| b.iter(|| serde_json::to_vec(black_box(&typed)).expect("serializes")));
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(50)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500))
}

/// The group `criterion_main!` runs, in a module so the lint exceptions for
/// the `pub fn` that `criterion_group!` generates stay local.
#[allow(missing_docs, unreachable_pub, reason = "`criterion_group!` generates an undocumented `pub fn`")]
mod group {
    use criterion::criterion_group;

    use super::{config, decode_responses, encode_requests, logs};

    criterion_group! {
        name = codec;
        config = config();
        targets = encode_requests, decode_responses, logs
    }
}
criterion_main!(group::codec);
