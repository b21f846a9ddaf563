//! Tests of fault rules and counters.

use super::*;

#[tokio::test]
async fn status_faults_use_the_providers_error_shape() {
    let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::Status(429)));
    let response = send(&upstream, "openai", "chat/completions", &chat("gpt-4o", "hi")).await.unwrap();
    assert_eq!(response.status, 429);
    assert_eq!(response.headers["retry-after"], "1");
    let body = decode(&response);
    assert_eq!(
        (body["error"]["type"].as_str(), body["error"]["code"].as_str()),
        (Some("requests"), Some("rate_limit_exceeded"))
    );

    let response = send(&upstream, "workers-ai", "@cf/meta/llama-3.1-8b-instruct", &text_gen("hi")).await.unwrap();
    let body = decode(&response);
    assert_eq!((body["success"].as_bool(), body["errors"][0]["code"].as_u64()), (Some(false), Some(3040)));

    upstream.clear_faults();
    upstream.add_fault(FaultRule::new(Fault::Status(529)).for_provider("anthropic"));
    upstream.add_fault(FaultRule::new(Fault::Status(503)));
    let input = json!({"model": "claude-sonnet-4-5", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]});
    let body = decode(&send(&upstream, "anthropic", "v1/messages", &input).await.unwrap());
    assert_eq!(body["error"]["type"], "overloaded_error");
    let response =
        send(&upstream, "google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", &input).await.unwrap();
    assert!(response.headers.get("retry-after").is_none());
    assert_eq!(decode(&response)["error"]["status"], "UNAVAILABLE");
    let response = send(&upstream, "aws-bedrock", "bedrock-runtime/us-east-1/model/m/converse", &input).await.unwrap();
    assert!(response.headers["x-amzn-errortype"].to_str().unwrap().starts_with("ServiceUnavailableException"));
}

#[tokio::test]
async fn body_faults_and_arrival_times() {
    let upstream = OfflineUpstream::new();
    let body = chat("gpt-4o", "hi");
    upstream.add_fault(FaultRule::new(Fault::Truncated).times(1));
    let err = send(&upstream, "openai", "chat/completions", &body).await.unwrap_err();
    assert!(matches!(&err, UpstreamError::Connection(m) if m.contains("body ended after")), "{err:?}");
    upstream.add_fault(FaultRule::new(Fault::InvalidJson).times(1));
    let response = send(&upstream, "openai", "chat/completions", &body).await.unwrap();
    assert_eq!((response.status, response.headers["content-type"].to_str().unwrap()), (200, "application/json"));
    let bytes = &response.body;
    assert!(!bytes.is_empty() && serde_json::from_slice::<Value>(bytes).is_err());
    upstream.add_fault(FaultRule::new(Fault::WrongContentType).times(1));
    let response = send(&upstream, "openai", "chat/completions", &body).await.unwrap();
    assert!(response.headers["content-type"].to_str().unwrap().starts_with("text/html"));
    // Every attempt's arrival is kept, in order, up to a bound.
    let arrivals = upstream.arrivals();
    assert_eq!(arrivals.len(), 3);
    assert!(arrivals.windows(2).all(|w| w[0].1 <= w[1].1));
    for _ in 0..ARRIVALS_KEPT {
        send(&upstream, "groq", "chat/completions", &body).await.unwrap();
    }
    let arrivals = upstream.arrivals();
    assert_eq!(arrivals.len(), ARRIVALS_KEPT);
    assert!(arrivals.iter().all(|(provider, _)| provider == "groq"), "the oldest went first");
    upstream.reset_counters();
    assert!(upstream.arrivals().is_empty());
}

#[tokio::test]
async fn remaining_applies_the_fault_n_times() {
    let upstream = OfflineUpstream::new();
    upstream.add_fault(FaultRule::new(Fault::Status(500)).times(2));
    let body = chat("gpt-4o", "hi");
    assert_eq!(send(&upstream, "openai", "chat/completions", &body).await.unwrap().status, 500);
    assert_eq!(upstream.faults()[0].remaining, Some(1));
    assert_eq!(send(&upstream, "openai", "chat/completions", &body).await.unwrap().status, 500);
    assert!(upstream.faults().is_empty());
    assert_eq!(send(&upstream, "openai", "chat/completions", &body).await.unwrap().status, 200);
    assert_eq!(upstream.attempts("openai"), 3);
    // A rule with nothing left never applies.
    upstream.add_fault(FaultRule::new(Fault::Drop).times(0));
    assert!(send(&upstream, "openai", "chat/completions", &body).await.is_ok());
}

#[tokio::test]
async fn drop_fails_the_connection() {
    let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::Drop).times(1));
    let error = send(&upstream, "groq", "chat/completions", &chat("m", "hi")).await.unwrap_err();
    assert!(matches!(error, UpstreamError::Connection(_)));
    assert!(send(&upstream, "groq", "chat/completions", &chat("m", "hi")).await.is_ok());
}

#[tokio::test(start_paused = true)]
async fn timeout_waits_for_the_deadline() {
    let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::Timeout));
    let start = tokio::time::Instant::now();
    let result =
        upstream.send(request("openai", "chat/completions", &chat("m", "hi")), Some(Duration::from_secs(5))).await;
    assert_eq!(result.unwrap_err(), UpstreamError::Timeout);
    assert_eq!(start.elapsed(), Duration::from_secs(5));
    let start = tokio::time::Instant::now();
    let result = upstream.send(request("openai", "chat/completions", &chat("m", "hi")), None).await;
    assert_eq!(result.unwrap_err(), UpstreamError::Timeout);
    assert_eq!(start.elapsed(), DEFAULT_FAULT_TIMEOUT);
}

#[tokio::test(start_paused = true)]
async fn latency_delays_or_times_out() {
    let upstream = OfflineUpstream::new().with_fault(FaultRule::new(Fault::Latency(Duration::from_secs(2))).times(1));
    let body = chat("m", "hi");
    let start = tokio::time::Instant::now();
    let response = upstream.send(request("openai", "chat/completions", &body), Some(Duration::from_secs(10))).await;
    assert_eq!(whole(response.unwrap()).body, answer("openai", "chat/completions", &body).body);
    assert_eq!(start.elapsed(), Duration::from_secs(2));

    upstream.add_fault(FaultRule::new(Fault::Latency(Duration::from_secs(20))));
    let start = tokio::time::Instant::now();
    let result = upstream.send(request("openai", "chat/completions", &body), Some(Duration::from_secs(3))).await;
    assert_eq!(result.unwrap_err(), UpstreamError::Timeout);
    assert_eq!(start.elapsed(), Duration::from_secs(3));
    let start = tokio::time::Instant::now();
    assert!(upstream.send(request("openai", "chat/completions", &body), None).await.is_ok());
    assert_eq!(start.elapsed(), Duration::from_secs(20));
}

#[tokio::test]
async fn rules_match_provider_and_model() {
    let upstream = OfflineUpstream::new();
    upstream.add_fault(
        FaultRule::new(Fault::Status(503)).for_provider("workers-ai").for_model("@cf/meta/llama-3.1-8b-instruct"),
    );
    upstream.add_fault(FaultRule::new(Fault::Status(502)).for_model("gpt-4o"));
    upstream.add_fault(FaultRule::new(Fault::Status(504)).for_model("gemini-2.5-flash"));
    let status = |r: Result<Reply, UpstreamError>| r.unwrap().status;
    assert_eq!(
        status(send(&upstream, "workers-ai", "run/@cf%2Fmeta%2Fllama-3.1-8b-instruct", &text_gen("hi")).await),
        503
    );
    assert_eq!(status(send(&upstream, "workers-ai", "@cf/meta/llama-3.2-3b-instruct", &text_gen("hi")).await), 200);
    assert_eq!(status(send(&upstream, "openai", "chat/completions", &chat("gpt-4o", "hi")).await), 502);
    assert_eq!(status(send(&upstream, "openai", "chat/completions", &chat("gpt-4o-mini", "hi")).await), 200);
    let input = json!({"contents": [{"parts": [{"text": "hi"}]}]});
    assert_eq!(
        status(send(&upstream, "google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", &input).await),
        504
    );
}

#[tokio::test]
async fn counters_are_shared_by_clones() {
    let upstream = OfflineUpstream::new();
    let gateway_side = upstream.clone();
    send(&gateway_side, "openai", "chat/completions", &chat("m", "hi")).await.unwrap();
    send(&gateway_side, "anthropic", "v1/messages", &json!({})).await.unwrap();
    let unknown = send(&gateway_side, "fireworks", "chat/completions", &json!({})).await;
    assert_eq!(unknown.unwrap_err(), UpstreamError::UnknownProvider("fireworks".to_owned()));
    assert_eq!(upstream.requests_seen(), 3);
    assert_eq!((upstream.attempts("openai"), upstream.attempts("anthropic"), upstream.attempts("groq")), (1, 1, 0));
    assert_eq!(upstream.last_request().unwrap().provider, "fireworks");
    upstream.add_fault(FaultRule::new(Fault::Drop));
    assert!(send(&gateway_side, "openai", "chat/completions", &json!({})).await.is_err());
    gateway_side.clear_faults();
    assert!(upstream.faults().is_empty());
    upstream.reset_counters();
    assert_eq!((gateway_side.requests_seen(), gateway_side.attempts("openai")), (0, 0));
    assert!(gateway_side.last_request().is_none());
}
