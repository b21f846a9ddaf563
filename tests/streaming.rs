//! Streaming end to end: typed chunk streams from the client, through a real
//! `gateway-local`, from the offline upstream streaming in each provider's format.

#![allow(clippy::too_many_lines, reason = "end-to-end scenarios read best in one piece")]

use std::time::{Duration, Instant};

use futures::StreamExt as _;
use gateway_core::models::anthropic::{ClaudeSonnet45Request, MessageEvent};
use gateway_core::models::openai::Gpt4oMiniRequest;
use gateway_core::models::workers_ai::{
    ChatMessage, Llama31InstructInput, Llama31InstructRequest, Llama31InstructResponse,
};
use gateway_core::{
    Ai, BuiltinProvider, Error, Feedback, Gateway, GatewayExt, GatewayOptions, HttpGateway, ListLogs, LogMetadata,
    Metadata, ModelRequest, PatchLog, Provider, RunOptions, StepConfig, StreamPhase, StreamProtocol, StreamingModel,
    UniversalOptions,
};
use gateway_local::{Fault, FaultRule, LocalConfig, LocalGateway};
use serde_json::{Value, json};

async fn start() -> (LocalGateway, Ai) {
    let local = LocalGateway::builder().config(LocalConfig::default()).offline(true).start().await.expect("start");
    let ai = Ai::new(local.client_config()).expect("client");
    (local, ai)
}

fn llama(prompt: &str) -> Llama31InstructRequest {
    Llama31InstructRequest::new(Llama31InstructInput::Prompt(prompt.into()))
}

fn text_of(chunks: &[Llama31InstructResponse]) -> String {
    chunks.iter().filter_map(|c| c.response.as_deref()).collect()
}

#[tokio::test]
async fn workers_ai_stream_is_typed_logged_and_cached() {
    let (local, ai) = start().await;
    let options = RunOptions::new().gateway(GatewayOptions::new("main").cache_ttl(600));
    let stream = ai.run_model_stream(&llama("stream this"), &options).await.unwrap();
    // The gateway's report is there before the first chunk.
    let log_id = stream.meta.log_id.clone().expect("log id before the first chunk");
    assert!(!stream.meta.is_cache_hit());
    let chunks = stream.try_collect_all().await.unwrap();
    assert!(chunks.len() > 2, "several chunks: {}", chunks.len());
    let usage = chunks.last().and_then(|c| c.usage).expect("the last chunk carries usage");
    let whole =
        ai.run_model(&llama("stream this"), &RunOptions::new().gateway(GatewayOptions::new("main"))).await.unwrap();
    assert_eq!(text_of(&chunks), whole.response.response.unwrap(), "streamed text equals the whole answer");

    let gateway = ai.gateway("main");
    // Read right after the stream: the gateway hands out the completed log, not the provisional one.
    let log = gateway.get_log(&log_id).await.unwrap();
    assert_eq!(log.response_head_complete, Some(true), "{log:?}");
    assert!(log.success);
    assert_eq!((log.tokens_in, log.tokens_out), (Some(usage.prompt_tokens), Some(usage.completion_tokens)));
    assert_eq!(log.response_content_type.as_deref().map(|t| t.starts_with("text/event-stream")), Some(true));
    let stored = gateway.log_response(&log_id).await.unwrap().text();
    assert!(stored.trim_end().ends_with("data: [DONE]"), "the whole stream is kept: {stored}");

    // Cached, and replayed as a stream.
    let again = ai.run_model_stream(&llama("stream this"), &options).await.unwrap();
    assert!(again.meta.is_cache_hit());
    let replayed = again.try_collect_all().await.unwrap();
    assert_eq!(text_of(&replayed), text_of(&chunks));
    assert_eq!(local.offline_upstream().unwrap().attempts("workers-ai"), 2, "the hit never reached the upstream");
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn the_first_chunk_arrives_before_the_upstream_sends_the_last() {
    let (local, ai) = start().await;
    let offline = local.offline_upstream().unwrap();
    offline.set_chunk_delay(Duration::from_millis(150));
    let started = Instant::now();
    let mut stream = ai
        .run_model_stream(&llama("a slow stream"), &RunOptions::new().gateway(GatewayOptions::new("main")))
        .await
        .unwrap();
    let first = stream.next().await.unwrap().unwrap();
    let first_at = started.elapsed();
    let rest: Vec<_> = stream.collect().await;
    let last_at = started.elapsed();
    assert!(first.response.is_some());
    assert!(rest.len() >= 3, "{} more chunks", rest.len());
    assert!(rest.iter().all(Result::is_ok));
    // With 150 ms between chunks, the whole stream takes at least (chunks − 1) × 150 ms;
    // the first chunk came long before that: it was passed through, not held.
    let spacing = Duration::from_millis(150) * u32::try_from(rest.len()).unwrap();
    assert!(last_at >= spacing, "the stream took {last_at:?}");
    assert!(first_at + spacing / 2 < last_at, "first chunk at {first_at:?}, last at {last_at:?}");
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_stream_is_logged_before_its_first_byte_and_completed_once_at_its_end() {
    let (local, ai) = start().await;
    local.offline_upstream().unwrap().set_chunk_delay(Duration::from_millis(100));
    let gateway = ai.gateway("main");
    let options = RunOptions::new().gateway(GatewayOptions::new("main").metadata(Metadata::new().with("user", 7)));
    let mut stream = ai.run_model_stream(&llama("logged while streaming"), &options).await.unwrap();
    let log_id = stream.meta.log_id.clone().expect("a log id");
    let first = stream.next().await.unwrap().unwrap();
    assert!(first.response.is_some());

    // Mid-stream: the log is already listed (the provisional row), without tokens or cost yet.
    let listed = gateway.list_logs(&ListLogs::new()).await.unwrap().logs;
    assert_eq!(listed.len(), 1);
    let early = &listed[0];
    assert_eq!((early.id.as_str(), early.status_code, early.success), (log_id.as_str(), Some(200), true));
    assert_eq!((early.tokens_in, early.tokens_out, early.cost), (None, None, None), "{early:?}");
    let early_created_at = early.created_at;
    // A patch made mid-stream survives the log's completion.
    let patch = PatchLog::new().feedback(Feedback::Positive).score(80).metadata(Metadata::new().with("reviewed", true));
    gateway.patch_log(&log_id, &patch).await.unwrap();

    // Asked for mid-stream, the log comes once the stream has ended and its log
    // is complete (the rest of the stream, ~1 s, meanwhile waits in socket buffers).
    let asked = Instant::now();
    let log = gateway.get_log(&log_id).await.unwrap();
    assert!(asked.elapsed() >= Duration::from_millis(500), "waited for the stream's end: {:?}", asked.elapsed());
    assert_eq!(log.response_head_complete, Some(true), "completed: {log:?}");
    let rest = stream.try_collect_all().await.unwrap();
    let usage = rest.last().and_then(|c| c.usage).expect("the last chunk carries usage");
    assert_eq!((log.status_code, log.success, log.cached), (Some(200), true, false));
    assert_eq!((log.tokens_in, log.tokens_out), (Some(usage.prompt_tokens), Some(usage.completion_tokens)));
    assert!(log.cost.is_some(), "priced from the tokens: {log:?}");
    assert!(log.duration >= 100, "the whole stream's duration: {log:?}");
    assert!(log.response_head.as_deref().is_some_and(|h| h.trim_end().ends_with("data: [DONE]")), "{log:?}");
    assert_eq!(log.created_at, early_created_at, "the same log, not a new one");
    let metadata = log.metadata.as_ref().and_then(LogMetadata::entries).map(Metadata::to_json);
    assert_eq!(metadata.as_deref(), Some(r#"{"reviewed":true}"#), "the mid-stream patch is kept");
    let stored = gateway.log_response(&log_id).await.unwrap().text();
    assert!(stored.trim_end().ends_with("data: [DONE]"), "the whole stream is kept: {stored}");
    assert_eq!(local.store().evaluation("main", &log_id).await.unwrap(), Some((Some(1.0), Some(80.0))));

    // Exactly one row: completed, not logged twice.
    let page = gateway.list_logs(&ListLogs::new()).await.unwrap();
    assert_eq!(page.info.total_count, Some(1));
    assert_eq!(page.logs[0].id, log_id);
    assert_eq!(local.store().count().await.unwrap(), 1);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn fallback_happens_only_before_the_first_byte() {
    let (local, ai) = start().await;
    let offline = local.offline_upstream().unwrap();
    let gateway = ai.gateway("main");
    let workers = BuiltinProvider::workers_ai("cf");
    let openai = BuiltinProvider::openai("sk");
    let steps = |first: Llama31InstructRequest, timeout: Option<u64>| {
        let mut step0 = first.to_step(&workers).unwrap();
        step0.query["stream"] = json!(true);
        if let Some(ms) = timeout {
            step0 = step0.config(StepConfig::new().request_timeout(ms));
        }
        let mut step1 = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi")]).to_step(&openai).unwrap();
        step1.query["stream"] = json!(true);
        vec![step0, step1]
    };

    // An error status before any byte: step 1 streams the answer.
    offline.add_fault(FaultRule::new(Fault::Status(500)).for_provider("workers-ai").times(1));
    let events = gateway.run_stream(steps(llama("x"), None).into(), &UniversalOptions::new()).await.unwrap();
    assert_eq!(events.meta.step, Some(1));
    let chunks = events.chunks::<Value>(StreamProtocol::DoneSentinel).try_collect_all().await.unwrap();
    assert_eq!(chunks[0]["object"], "chat.completion.chunk");

    // No first byte within the step's timeout: step 1 again.
    offline
        .add_fault(FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(5))).for_provider("workers-ai").times(1));
    let started = Instant::now();
    let events = gateway.run_stream(steps(llama("y"), Some(200)).into(), &UniversalOptions::new()).await.unwrap();
    assert_eq!(events.meta.step, Some(1));
    assert!(started.elapsed() < Duration::from_secs(3));
    events.chunks::<Value>(StreamProtocol::DoneSentinel).try_collect_all().await.unwrap();

    // A failure after the first byte: the stream ends with an error the client sees, and no fallback.
    offline.reset_counters();
    offline.add_fault(FaultRule::new(Fault::DropAfter(2)).for_provider("workers-ai").times(1));
    let events = gateway.run_stream(steps(llama("z"), None).into(), &UniversalOptions::new()).await.unwrap();
    assert_eq!(events.meta.step, Some(0));
    let results: Vec<_> = events.chunks::<Llama31InstructResponse>(StreamProtocol::DoneSentinel).collect().await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 2);
    let error = results.last().unwrap().as_ref().unwrap_err();
    assert!(
        matches!(error, Error::UpstreamInference { message, .. } if message.contains("stream failed")),
        "{error:?}"
    );
    assert_eq!(offline.attempts("openai"), 0, "step 1 never ran");
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn broken_streams_are_errors_not_short_answers() {
    let (local, ai) = start().await;
    let offline = local.offline_upstream().unwrap();
    let options = RunOptions::new().gateway(GatewayOptions::new("main"));

    // Garbage after two events: an error, never a quiet end.
    offline.add_fault(FaultRule::new(Fault::GarbageAfter(2)).for_provider("workers-ai").times(1));
    let results: Vec<_> = ai.run_model_stream(&llama("g"), &options).await.unwrap().collect().await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 2);
    assert!(
        matches!(results.last().unwrap(), Err(Error::StreamFormat(_) | Error::StreamTruncated { .. })),
        "{:?}",
        results.last()
    );

    // A stall after two events: the client's idle timeout fires.
    let impatient = Ai::new(local.client_config().with_idle_timeout(Duration::from_millis(300))).unwrap();
    offline.add_fault(FaultRule::new(Fault::StallAfter(2)).for_provider("workers-ai").times(1));
    let started = Instant::now();
    let results: Vec<_> = impatient.run_model_stream(&llama("s"), &options).await.unwrap().collect().await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 2);
    assert!(
        matches!(results.last().unwrap(), Err(Error::StreamTimeout { phase: StreamPhase::Idle, .. })),
        "{:?}",
        results.last()
    );
    assert!(started.elapsed() < Duration::from_secs(5));

    // No first byte in time: the first-byte timeout fires.
    let hasty = Ai::new(local.client_config().with_first_byte_timeout(Duration::from_millis(300))).unwrap();
    offline
        .add_fault(FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(5))).for_provider("workers-ai").times(1));
    let err = hasty.run_model_stream(&llama("f"), &options).await.unwrap_err();
    assert!(matches!(err, Error::StreamTimeout { phase: StreamPhase::FirstByte, .. }), "{err:?}");
    local.shutdown().await.unwrap();
}

/// Every chunk of `request`'s stream through `gateway`, with `provider`.
async fn stream_all<R>(
    gateway: &HttpGateway,
    provider: &dyn Provider,
    request: &R,
) -> Vec<<R::Model as StreamingModel>::Chunk>
where
    R: ModelRequest,
    R::Model: StreamingModel,
{
    gateway
        .run_model_stream(provider, request, &UniversalOptions::new())
        .await
        .unwrap()
        .try_collect_all()
        .await
        .unwrap()
}

#[tokio::test]
async fn openai_and_anthropic_streams() {
    let (local, ai) = start().await;
    let gateway = ai.gateway("main");
    let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("hi there")]);
    let chunks = stream_all(&gateway, &BuiltinProvider::openai("sk"), &request).await;
    let text: String =
        chunks.iter().flat_map(|c| c.choices.iter().filter_map(|ch| ch.delta.content.as_deref())).collect();
    assert!(text.starts_with("Offline answer"), "{text}");
    assert!(chunks.iter().any(|c| c.choices.iter().any(|ch| ch.finish_reason.as_deref() == Some("stop"))));

    let request = ClaudeSonnet45Request::new(128u32, vec![ChatMessage::user("hi there")]);
    let events = stream_all(&gateway, &BuiltinProvider::anthropic("sk-ant"), &request).await;
    assert!(matches!(events.first(), Some(MessageEvent::MessageStart { .. })));
    assert!(matches!(events.last(), Some(MessageEvent::MessageStop)), "ends at message_stop");
    let text: String = events.iter().filter_map(MessageEvent::text).collect();
    assert!(text.starts_with("Offline answer"), "{text}");
    // The log has the token counts from the events.
    let page = gateway
        .list_logs(&ListLogs::new().filter(gateway_core::LogFilter::eq(gateway_core::FilterKey::Provider, "anthropic")))
        .await
        .unwrap();
    assert_eq!(page.logs.len(), 1);
    assert!(page.logs[0].tokens_in.is_some() && page.logs[0].tokens_out.is_some(), "{:?}", page.logs[0]);
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn raw_workers_ai_stream_without_a_gateway() {
    let (local, ai) = start().await;
    let chunks = ai
        .run_stream::<_, Value>("@cf/meta/llama-3.1-8b-instruct-fp8", &json!({"prompt": "direct"}), &RunOptions::new())
        .await
        .unwrap()
        .try_collect_all()
        .await
        .unwrap();
    assert!(chunks.iter().any(|c| c["response"].as_str().is_some_and(|t| !t.is_empty())));
    assert!(chunks.last().unwrap().get("usage").is_some());
    local.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_client_that_leaves_mid_stream_leaves_a_log_of_what_it_was_sent() {
    let (local, ai) = start().await;
    local.offline_upstream().unwrap().set_chunk_delay(Duration::from_millis(100));
    let options = RunOptions::new().gateway(GatewayOptions::new("main"));
    let mut stream = ai.run_model_stream(&llama("leaving early"), &options).await.unwrap();
    let log_id = stream.meta.log_id.clone().expect("a log id");
    let mut received = String::new();
    for _ in 0..2 {
        received.push_str(stream.next().await.unwrap().unwrap().response.as_deref().unwrap_or_default());
    }
    drop(stream);
    // The gateway notices at its next write; reading the log waits for its completion.
    let gateway = ai.gateway("main");
    let deadline = Instant::now() + Duration::from_secs(5);
    let log = loop {
        let log = gateway.get_log(&log_id).await.unwrap();
        if log.status_code == Some(502) || Instant::now() > deadline {
            break log;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!((log.status_code, log.success), (Some(502), false), "marked as cut short: {log:?}");
    let stored = gateway.log_response(&log_id).await.unwrap().text();
    let stored_text: String = stored
        .lines()
        .filter_map(|line| line.strip_prefix("data: "))
        .filter_map(|data| serde_json::from_str::<Value>(data).ok())
        .filter_map(|event| event["response"].as_str().map(str::to_owned))
        .collect();
    assert!(stored_text.starts_with(&received), "the log keeps what was sent: {stored_text:?} vs {received:?}");
    assert!(!stored.contains("[DONE]"), "not the whole stream: {stored}");
    assert_eq!(local.store().count().await.unwrap(), 1);
    local.shutdown().await.unwrap();
}
