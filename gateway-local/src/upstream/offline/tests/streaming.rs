//! Tests of streamed answers and stream faults.

use super::*;

type Item = Result<Bytes, UpstreamError>;

/// Sends a request that asks to stream; checks the status and content
/// type, and returns the stream.
async fn open(upstream: &OfflineUpstream, provider: &str, endpoint: &str, body: &Value) -> BoxStream<'static, Item> {
    let response = upstream.send(request(provider, endpoint, body), None).await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(response.headers[header::CONTENT_TYPE], "text/event-stream");
    match response.body {
        UpstreamBody::Stream(stream) => stream,
        UpstreamBody::Full(body) => panic!("expected a stream, got {}", String::from_utf8_lossy(&body)),
    }
}

/// Every item of a stream that ends.
async fn drain(stream: BoxStream<'static, Item>) -> Vec<Item> {
    stream.collect().await
}

/// Streams an answer through [`Upstream::send`]: its events, one per chunk,
/// after checking that the chunks add up to [`OfflineUpstream::answer`]'s body.
async fn stream_events(provider: &str, endpoint: &str, body: &Value) -> Vec<(Option<String>, String)> {
    let stream = open(&OfflineUpstream::new(), provider, endpoint, body).await;
    let chunks: Vec<Bytes> = drain(stream).await.into_iter().map(Result::unwrap).collect();
    assert_eq!(chunks.concat(), answer(provider, endpoint, body).body, "{provider}");
    chunks.iter().map(|chunk| event_of(chunk)).collect()
}

fn json_of(data: &str) -> Value {
    serde_json::from_str(data).unwrap_or_else(|error| panic!("{error}: {data}"))
}

#[tokio::test]
async fn workers_ai_streams_one_event_per_chunk() {
    let model = "@cf/meta/llama-3.1-8b-instruct";
    let plain = answer_json("workers-ai", model, &text_gen("Where is New York?"), 200);
    let asks = [
        json!({"prompt": "Where is New York?", "stream": true}),
        json!({"messages": [{"role": "user", "content": "Where is New York?"}], "stream": true}),
    ];
    for body in &asks {
        for endpoint in [model, "run/@cf%2Fmeta%2Fllama-3.1-8b-instruct"] {
            let events = stream_events("workers-ai", endpoint, body).await;
            assert!(events.iter().all(|(name, _)| name.is_none()));
            let (last, content) = events.split_last().unwrap();
            assert_eq!(last.1, "[DONE]");
            let payloads: Vec<Value> = content.iter().map(|(_, data)| json_of(data)).collect();
            assert!(payloads[0]["response"].as_str().unwrap().starts_with("Offline"));
            let (usage, pieces) = payloads.split_last().unwrap();
            assert_eq!(usage["response"], "");
            assert_eq!(usage["usage"], plain["result"]["usage"]);
            let usage = &usage["usage"];
            assert_eq!(
                usage["total_tokens"].as_u64(),
                Some(usage["prompt_tokens"].as_u64().unwrap() + usage["completion_tokens"].as_u64().unwrap())
            );
            assert!(pieces.iter().all(|p| p.get("usage").is_none()));
            let text: String = pieces.iter().map(|p| p["response"].as_str().unwrap()).collect();
            assert_eq!(text, plain["result"]["response"].as_str().unwrap());
            assert_eq!(pieces.len(), words(&text));
        }
    }
}

#[tokio::test]
async fn openai_compatible_streams_end_with_done() {
    let plain = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "Say hi"), 200);
    for include_usage in [false, true] {
        let mut body = chat("gpt-4o-mini", "Say hi");
        body["stream"] = json!(true);
        if include_usage {
            body["stream_options"] = json!({"include_usage": true});
        }
        let events = stream_events("openai", "chat/completions", &body).await;
        let (last, content) = events.split_last().unwrap();
        assert_eq!(*last, (None, "[DONE]".to_owned()));
        let chunks: Vec<Value> = content.iter().map(|(_, data)| json_of(data)).collect();
        assert!(chunks.iter().all(|c| c["object"] == "chat.completion.chunk" && c["id"] == plain["id"]));
        assert_eq!(chunks[0]["choices"][0]["delta"]["role"], "assistant");
        let text: String = chunks.iter().filter_map(|c| c["choices"][0]["delta"]["content"].as_str()).collect();
        assert_eq!(text, plain["choices"][0]["message"]["content"].as_str().unwrap());
        let usage: Vec<&Value> = chunks.iter().filter_map(|c| c.get("usage")).collect();
        if include_usage {
            let (usage_chunk, rest) = chunks.split_last().unwrap();
            assert_eq!(usage_chunk["choices"], json!([]));
            assert_eq!(usage, [&plain["usage"]]);
            assert_eq!(rest.last().unwrap()["choices"][0]["finish_reason"], "stop");
        } else {
            assert!(usage.is_empty());
            assert_eq!(chunks.last().unwrap()["choices"][0]["finish_reason"], "stop");
        }
    }
    // The same format from every OpenAI-compatible route.
    let mut body = chat("some/model", "hi");
    body["stream"] = json!(true);
    for (provider, endpoint) in [
        ("groq", "chat/completions"),
        ("compat", "chat/completions"),
        ("workers-ai", "v1/chat/completions"),
        ("azure-openai", "res/dep/chat/completions?api-version=2024-10-21"),
        ("cohere", "compatibility/v1/chat/completions"),
        ("huggingface", "v1/chat/completions"),
        ("google-vertex-ai", "v1/projects/p/locations/l/endpoints/openapi/chat/completions"),
    ] {
        let events = stream_events(provider, endpoint, &body).await;
        assert_eq!(events.last().unwrap().1, "[DONE]", "{provider}");
        assert_eq!(json_of(&events[0].1)["object"], "chat.completion.chunk", "{provider}");
    }
}

#[tokio::test]
async fn anthropic_streams_named_events_to_message_stop() {
    let input = json!({"model": "claude-sonnet-4-5", "max_tokens": 1024, "stream": true, "messages": [{"role": "user", "content": "Say hi"}]});
    let mut plain = input.clone();
    plain["stream"] = json!(false);
    let plain = answer_json("anthropic", "v1/messages", &plain, 200);
    let vertex = "v1/projects/p/locations/l/publishers/anthropic/models/claude-sonnet-4-5:streamRawPredict";
    let mut vertex_input = input.clone();
    vertex_input.as_object_mut().unwrap().remove("model");
    vertex_input["anthropic_version"] = json!("vertex-2023-10-16");
    for (provider, endpoint, body) in
        [("anthropic", "v1/messages", &input), ("google-vertex-ai", vertex, &vertex_input)]
    {
        let events = stream_events(provider, endpoint, body).await;
        let payloads: Vec<Value> = events.iter().map(|(_, data)| json_of(data)).collect();
        for ((name, _), payload) in events.iter().zip(&payloads) {
            assert_eq!(name.as_deref(), payload["type"].as_str(), "{provider}: every event is named by its type");
        }
        let names: Vec<&str> = events.iter().map(|(name, _)| name.as_deref().unwrap()).collect();
        assert_eq!(names[0], "message_start");
        assert_eq!(*names.last().unwrap(), "message_stop");
        assert!(!events.iter().any(|(_, data)| data == "[DONE]"));
        assert_eq!(payloads[0]["message"]["id"], plain["id"]);
        assert_eq!(payloads[0]["message"]["usage"]["input_tokens"], plain["usage"]["input_tokens"]);
        let delta = &payloads[payloads.len() - 2];
        assert_eq!(
            (delta["type"].as_str(), delta["delta"]["stop_reason"].as_str()),
            (Some("message_delta"), Some("end_turn"))
        );
        assert_eq!(delta["usage"]["output_tokens"], plain["usage"]["output_tokens"]);
        let text: String = payloads.iter().filter_map(|p| p["delta"]["text"].as_str()).collect();
        assert_eq!(text, plain["content"][0]["text"].as_str().unwrap());
    }
}

#[tokio::test]
async fn gemini_streams_with_alt_sse() {
    let input = json!({"contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]});
    let plain = answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:generateContent", &input, 200);
    for (provider, endpoint) in [
        ("google-ai-studio", "v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"),
        (
            "google-vertex-ai",
            "v1/projects/p/locations/l/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        ),
    ] {
        let events = stream_events(provider, endpoint, &input).await;
        assert_eq!(events.len(), 3);
        assert!(events.iter().all(|(name, _)| name.is_none()));
        let chunks: Vec<Value> = events.iter().map(|(_, data)| json_of(data)).collect();
        let (last, rest) = chunks.split_last().unwrap();
        assert!(
            rest.iter().all(|c| c.get("usageMetadata").is_none() && c["candidates"][0].get("finishReason").is_none())
        );
        assert_eq!(last["candidates"][0]["finishReason"], "STOP");
        assert_eq!(last["usageMetadata"], plain["usageMetadata"]);
        let text: String =
            chunks.iter().map(|c| c["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap()).collect();
        assert_eq!(text, plain["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap());
    }
}

#[tokio::test]
async fn only_streaming_requests_get_a_stream() {
    let upstream = OfflineUpstream::new();
    let anthropic =
        json!({"model": "claude-sonnet-4-5", "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let bedrock = json!({"messages": [{"role": "user", "content": [{"text": "hi"}]}]});
    let mut openai = chat("gpt-4o", "hi");
    openai["stream"] = json!(false);
    let whole_answers = [
        ("openai", "chat/completions", openai),
        ("workers-ai", "@cf/meta/llama-3.1-8b-instruct", json!({"prompt": "hi", "stream": false})),
        // A streaming request that fails validation gets a whole error body.
        ("anthropic", "v1/messages", anthropic),
        (
            "google-ai-studio",
            "v1beta/models/gemini-2.5-flash:streamGenerateContent",
            json!({"contents": [{"parts": [{"text": "hi"}]}]}),
        ),
        ("aws-bedrock", "bedrock-runtime/us-east-1/model/amazon.nova-pro-v1:0/converse-stream", bedrock),
    ];
    for (provider, endpoint, body) in &whole_answers {
        let response = upstream.send(request(provider, endpoint, body), None).await.unwrap();
        assert!(matches!(response.body, UpstreamBody::Full(_)), "{provider}");
        let public = OfflineUpstream::answer(&request(provider, endpoint, body)).unwrap();
        assert!(matches!(public.body, UpstreamBody::Full(_)), "{provider}");
    }
    // The public `answer` streams too, and its chunks add up to the same bytes.
    let body = json!({"prompt": "hi", "stream": true});
    let public = OfflineUpstream::answer(&request("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body)).unwrap();
    assert!(matches!(public.body, UpstreamBody::Stream(_)));
    assert_eq!(
        public.into_bytes(usize::MAX).await.unwrap(),
        answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body).body
    );
}

/// A Workers AI streaming request.
fn wa_stream() -> Value {
    json!({"prompt": "Where is New York?", "stream": true})
}

const WA_MODEL: &str = "@cf/meta/llama-3.1-8b-instruct";

#[tokio::test(start_paused = true)]
async fn chunk_delay_spaces_events_out() {
    let upstream = OfflineUpstream::new();
    assert_eq!(upstream.chunk_delay(), Duration::ZERO);
    // Default: no delay, so no timer (paused time would otherwise move).
    let start = tokio::time::Instant::now();
    let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
    let count = drain(stream).await.len();
    assert!(count > 5);
    assert_eq!(start.elapsed(), Duration::ZERO);

    // Clones share the delay: the test sets it on its own clone.
    let gateway_side = upstream.clone();
    upstream.set_chunk_delay(Duration::from_millis(100));
    assert_eq!(gateway_side.chunk_delay(), Duration::from_millis(100));
    let start = tokio::time::Instant::now();
    let mut stream = open(&gateway_side, "workers-ai", WA_MODEL, &wa_stream()).await;
    assert_eq!(start.elapsed(), Duration::ZERO, "the answer starts at once");
    let mut arrivals = Vec::new();
    let mut chunks = Vec::new();
    while let Some(chunk) = stream.next().await {
        arrivals.push(start.elapsed());
        chunks.push(chunk.unwrap());
    }
    assert_eq!(chunks.len(), count);
    // The first chunk arrives before the upstream has sent the last one.
    assert_eq!(arrivals[0], Duration::ZERO);
    assert!(!chunks[0].ends_with(b"data: [DONE]\n\n"));
    for (index, arrival) in arrivals.iter().enumerate() {
        assert_eq!(*arrival, Duration::from_millis(100) * u32::try_from(index).unwrap());
    }
    assert_eq!(chunks.last().unwrap(), "data: [DONE]\n\n");

    // The builder form; whole answers are never delayed.
    let upstream = OfflineUpstream::new().with_chunk_delay(Duration::from_secs(1));
    let start = tokio::time::Instant::now();
    let response = upstream.send(request("workers-ai", WA_MODEL, &text_gen("hi")), None).await.unwrap();
    assert!(matches!(response.body, UpstreamBody::Full(_)));
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn stall_after_keeps_the_stream_open() {
    let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::StallAfter(3)).times(1));
    let mut stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
    for _ in 0..3 {
        let chunk = tokio::time::timeout(Duration::from_secs(1), stream.next()).await.unwrap().unwrap().unwrap();
        assert!(json_of(&event_of(&chunk).1)["response"].is_string());
    }
    let start = tokio::time::Instant::now();
    assert!(tokio::time::timeout(Duration::from_secs(3600), stream.next()).await.is_err(), "stalled, not closed");
    assert_eq!(start.elapsed(), Duration::from_secs(3600));
    assert!(upstream.faults().is_empty());
    // The rule is used up: the next stream runs to its end marker.
    let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
    assert_eq!(drain(stream).await.last().unwrap().as_ref().unwrap(), "data: [DONE]\n\n");

    // After no event at all.
    upstream.add_fault(FaultRule::new(Fault::StallAfter(0)));
    let mut stream = open(
        &upstream,
        "anthropic",
        "v1/messages",
        &json!({"model": "m", "max_tokens": 9, "stream": true, "messages": [{"role": "user", "content": "hi"}]}),
    )
    .await;
    assert!(tokio::time::timeout(Duration::from_secs(60), stream.next()).await.is_err());
}

#[tokio::test]
async fn drop_after_ends_with_an_error() {
    let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::DropAfter(2)).for_provider("openai"));
    let mut body = chat("gpt-4o", "hi");
    body["stream"] = json!(true);
    let stream = open(&upstream, "openai", "chat/completions", &body).await;
    let items = drain(stream).await;
    assert_eq!(items.len(), 3);
    let expected = answer("openai", "chat/completions", &body).events().unwrap();
    assert_eq!(items[0].as_ref().unwrap(), &expected[0]);
    assert_eq!(items[1].as_ref().unwrap(), &expected[1]);
    assert_eq!(items[2], Err(UpstreamError::Connection("connection dropped mid-stream".to_owned())));

    // The count is capped so the end marker is never sent.
    upstream.clear_faults();
    upstream.add_fault(FaultRule::new(Fault::DropAfter(usize::MAX)));
    let stream = open(&upstream, "openai", "chat/completions", &body).await;
    let items = drain(stream).await;
    assert_eq!(items.len(), expected.len());
    let (error, sent) = items.split_last().unwrap();
    assert!(error.is_err());
    assert_eq!(sent.iter().map(|item| item.clone().unwrap()).collect::<Vec<_>>(), expected[..expected.len() - 1]);
}

#[tokio::test]
async fn garbage_after_sends_invalid_bytes_and_no_end_marker() {
    let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::GarbageAfter(4)));
    let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
    let chunks: Vec<Bytes> = drain(stream).await.into_iter().map(Result::unwrap).collect();
    assert_eq!(chunks.len(), 5);
    for chunk in &chunks[..4] {
        assert!(json_of(&event_of(chunk).1)["response"].is_string());
    }
    assert_eq!(chunks[4], GARBAGE_CHUNK);
    assert!(std::str::from_utf8(&chunks[4]).is_err());
    assert!(!chunks.concat().windows(6).any(|w| w == b"[DONE]"));

    // Anthropic: no `message_stop`, however large the count.
    upstream.clear_faults();
    upstream.add_fault(FaultRule::new(Fault::GarbageAfter(1000)));
    let input =
        json!({"model": "m", "max_tokens": 99, "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let stream = open(&upstream, "anthropic", "v1/messages", &input).await;
    let chunks: Vec<Bytes> = drain(stream).await.into_iter().map(Result::unwrap).collect();
    let (garbage, events) = chunks.split_last().unwrap();
    assert_eq!(garbage, GARBAGE_CHUNK);
    let names: Vec<String> = events.iter().map(|chunk| event_of(chunk).0.unwrap()).collect();
    assert_eq!(names.last().map(String::as_str), Some("message_delta"));
    assert_eq!(events.len() + 1, answer("anthropic", "v1/messages", &input).events().unwrap().len());
}

#[tokio::test(start_paused = true)]
async fn first_chunk_delay_delays_only_the_first_chunk() {
    let upstream = OfflineUpstream::new()
        .with_fault(FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(2))).times(1))
        .with_chunk_delay(Duration::from_millis(10));
    let start = tokio::time::Instant::now();
    // The answer's timeout does not cover the first chunk.
    let response = upstream.send(request("workers-ai", WA_MODEL, &wa_stream()), Some(Duration::from_secs(1))).await;
    assert_eq!(start.elapsed(), Duration::ZERO, "headers at once");
    let UpstreamBody::Stream(mut stream) = response.unwrap().body else { panic!("expected a stream") };
    stream.next().await.unwrap().unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(2));
    stream.next().await.unwrap().unwrap();
    assert_eq!(start.elapsed(), Duration::from_millis(2010));
    // Used up: the next stream starts at once.
    let mut stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
    let start = tokio::time::Instant::now();
    stream.next().await.unwrap().unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test]
async fn stream_faults_skip_whole_answers() {
    let upstream = OfflineUpstream::new();
    upstream.add_fault(FaultRule::new(Fault::DropAfter(1)).times(1));
    upstream.add_fault(FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(1))));
    // A whole answer: neither stream rule matches, nothing is used up.
    let response = send(&upstream, "workers-ai", WA_MODEL, &text_gen("hi")).await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(upstream.faults()[0].remaining, Some(1));
    // A later rule that applies to whole answers still applies.
    upstream.add_fault(FaultRule::new(Fault::Status(503)).times(1));
    assert_eq!(send(&upstream, "workers-ai", WA_MODEL, &text_gen("hi")).await.unwrap().status, 503);
    assert_eq!(upstream.faults().len(), 2);
    // A streaming request that gets an error answer is not streamed, so not faulted.
    let invalid = json!({"prompt": "hi", "messages": [], "stream": true});
    assert_eq!(send(&upstream, "workers-ai", WA_MODEL, &invalid).await.unwrap().status, 400);
    assert_eq!(upstream.faults()[0].remaining, Some(1));
    // A stream: the first rule applies and retires.
    let stream = open(&upstream, "workers-ai", WA_MODEL, &wa_stream()).await;
    let items = drain(stream).await;
    assert_eq!((items.len(), items[1].is_err()), (2, true));
    assert_eq!(upstream.faults(), [FaultRule::new(Fault::FirstChunkDelay(Duration::from_secs(1)))]);
}
