//! `Ai::run`, `run_raw` and `run_stream` with every model name the binding's
//! `run` takes (`cloudflare-2026.md` §1.4, §2.1): over the binding protocol,
//! byte for byte, and over the REST API's `POST /accounts/{account}/ai/run`.

mod common;

use gateway_core::stream::StreamExt as _;
use gateway_core::{Ai, Error, GatewayOptions, GatewayRetries, Metadata, RunOptions};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use common::{
    aig_headers, assert_json_without_aig_headers, binding_config, header, json_answer, mount, only_request, received,
    rest_ai, silent_server, through,
};

/// The REST API's run endpoint for account `acc`.
const RUN: &str = "/client/v4/accounts/acc/ai/run";

fn chat(text: &str) -> Value {
    json!({"messages": [{"role": "user", "content": text}]})
}

fn invalid_field(error: &Error) -> (&str, &str) {
    match error {
        Error::InvalidInput { field, reason } => (field, reason),
        other => panic!("expected an invalid input, got {other:?}"),
    }
}

#[tokio::test]
async fn binding_dynamic_route_is_byte_exact() {
    let server = MockServer::start().await;
    let completion = r#"{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"a joke"}}]}"#;
    Mock::given(method("POST"))
        .and(path("/ai-gateway/run"))
        .and(query_param("version", "3"))
        .respond_with(
            json_answer(200, completion).insert_header("cf-aig-log-id", "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    let input = json!({"messages": [{"role": "user", "content": "tell me a joke"}]});
    let answer = ai.run::<_, Value>("dynamic/my-route", &input, &through("my-gateway")).await.unwrap();
    // A third-party answer has no envelope: the whole body is the output.
    assert_eq!(answer.output["choices"][0]["message"]["content"], "a joke");
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

    let request = only_request(&server).await;
    // cloudflare-2026.md §2.1, byte for byte.
    assert_eq!(
        request.body,
        br#"{"inputs":{"messages":[{"role":"user","content":"tell me a joke"}]},"options":{"gateway":{"id":"my-gateway"}}}"#
    );
    assert_eq!(header(&request, "cf-consn-model-id"), Some("dynamic/my-route"));
    assert_eq!(header(&request, "cf-consn-sdk-version"), Some("2.0.0"));
    assert_json_without_aig_headers(&request);
}

#[tokio::test]
async fn binding_catalog_model_goes_to_the_gateway_run_and_unwraps_the_run_api_envelope() {
    let server = MockServer::start().await;
    let answer = r#"{"state":"Completed","result":{"text":"hi"},"provider":"openai","model":"openai/gpt-4.1-mini"}"#;
    mount(&server, "POST", "/ai-gateway/run", json_answer(200, answer)).await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    let options = RunOptions::new().gateway(GatewayOptions::new("gw").skip_cache(true));
    let answer = ai.run::<_, Value>("openai/gpt-4.1-mini", &json!({"prompt": "test"}), &options).await.unwrap();
    assert_eq!(answer.output, json!({"text": "hi"}));
    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"inputs":{"prompt":"test"},"options":{"gateway":{"id":"gw","skipCache":true}}}"#);
    assert_eq!(header(&request, "cf-consn-model-id"), Some("openai/gpt-4.1-mini"));
}

#[tokio::test]
async fn binding_refuses_third_party_and_dynamic_models_without_a_gateway_id() {
    let server = silent_server().await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    for model in ["openai/gpt-4.1-mini", "anthropic/claude-sonnet-4-5", "dynamic/my-route"] {
        let error = ai.run::<_, Value>(model, &chat("hi"), &RunOptions::new()).await.unwrap_err();
        let (field, reason) = invalid_field(&error);
        assert_eq!(field, "gateway.id", "{model}");
        assert!(reason.contains(model) && reason.contains("only through a gateway"), "{reason}");
        let error = ai.run_stream::<_, Value>(model, &chat("hi"), &RunOptions::new()).await.unwrap_err();
        assert_eq!(invalid_field(&error).0, "gateway.id");
    }
    // Workers AI models need none.
    let error = ai.run::<_, Value>("gpt-4o", &chat("hi"), &RunOptions::new()).await.unwrap_err();
    assert_eq!(invalid_field(&error).0, "model");
}

#[tokio::test]
async fn rest_catalog_model_goes_to_the_rest_api_run_envelope() {
    let server = MockServer::start().await;
    // cloudflare-2026.md §1.5: the (reconstructed) answer.
    let answer = r#"{"result":{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4.1","choices":[{"index":0,"message":{"role":"assistant","content":"Cloudflare is…"},"finish_reason":"stop"}]},"success":true,"errors":[],"messages":[]}"#;
    let answered = json_answer(200, answer).insert_header("cf-aig-log-id", "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    mount(&server, "POST", RUN, answered).await;
    let ai = rest_ai(&server);
    let input = json!({"messages": [{"role": "user", "content": "What is Cloudflare?"}], "max_tokens": 512});
    let answer = ai.run::<_, Value>("openai/gpt-4.1", &input, &RunOptions::new()).await.unwrap();
    assert_eq!(answer.output["choices"][0]["message"]["content"], "Cloudflare is…");
    assert_eq!(answer.log_id(), Some("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

    let request = only_request(&server).await;
    // The documented request (§1.5), byte for byte.
    assert_eq!(
        request.body,
        br#"{"model":"openai/gpt-4.1","input":{"messages":[{"role":"user","content":"What is Cloudflare?"}],"max_tokens":512}}"#
    );
    assert_eq!(header(&request, "authorization"), Some("Bearer cf-token"));
    // No gateway id: the account's default gateway; never the gateway token on this host.
    assert_json_without_aig_headers(&request);
}

#[tokio::test]
async fn rest_run_carries_the_gateway_id_and_every_gateway_option_as_headers() {
    let server = MockServer::start().await;
    mount(&server, "POST", RUN, json_answer(200, r#"{"result":{"ok":true},"success":true}"#)).await;
    let ai = rest_ai(&server);
    let gateway = GatewayOptions::new("my-gateway")
        .cache_ttl(60)
        .skip_cache(true)
        .cache_key("k1")
        .collect_log(false)
        .event_id("ev-1")
        .request_timeout_ms(5000)
        .metadata(Metadata::new().with("user", 7))
        .retries(GatewayRetries::new().max_attempts(3).retry_delay_ms(100));
    let options = RunOptions::new().gateway(gateway).extra_header("cf-aig-cache-key", "from-extra");
    let answer = ai.run::<_, Value>("dynamic/support", &chat("hi"), &options).await.unwrap();
    assert_eq!(answer.output, json!({"ok": true}));

    let request = only_request(&server).await;
    assert_eq!(request.body, br#"{"model":"dynamic/support","input":{"messages":[{"role":"user","content":"hi"}]}}"#);
    assert_eq!(
        aig_headers(&request),
        [
            "cf-aig-cache-key: from-extra",
            "cf-aig-cache-ttl: 60",
            "cf-aig-collect-log: false",
            "cf-aig-event-id: ev-1",
            "cf-aig-gateway-id: my-gateway",
            "cf-aig-max-attempts: 3",
            "cf-aig-metadata: {\"user\":7}",
            "cf-aig-request-timeout: 5000",
            "cf-aig-retry-delay: 100",
            "cf-aig-skip-cache: true",
        ]
    );
    assert_eq!(header(&request, "authorization"), Some("Bearer cf-token"));
}

#[tokio::test]
async fn workers_ai_ids_keep_their_urls_unless_the_rest_api_is_asked_for() {
    let server = MockServer::start().await;
    let direct = "/client/v4/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct";
    mount(&server, "POST", direct, json_answer(200, r#"{"result":{"response":"direct"},"success":true}"#)).await;
    mount(&server, "POST", RUN, json_answer(200, r#"{"result":{"response":"rest api"},"success":true}"#)).await;
    let ai = rest_ai(&server);
    // `/compat`'s spelling is the same model, on the same legacy URL.
    let answer = ai
        .run::<_, Value>("workers-ai/@cf/meta/llama-3.1-8b-instruct", &json!({"prompt": "p"}), &RunOptions::new())
        .await
        .unwrap();
    assert_eq!(answer.output["response"], "direct");

    let options = through("default").rest_api();
    let answer = ai.run::<_, Value>("@cf/moonshotai/kimi-k2.6", &chat("What is Cloudflare?"), &options).await.unwrap();
    assert_eq!(answer.output["response"], "rest api");
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].url.path(), direct);
    assert_eq!(requests[0].body, br#"{"prompt":"p"}"#);
    // §1.5's Workers AI request through a gateway.
    assert_eq!(requests[1].url.path(), RUN);
    assert_eq!(
        requests[1].body,
        br#"{"model":"@cf/moonshotai/kimi-k2.6","input":{"messages":[{"role":"user","content":"What is Cloudflare?"}]}}"#
    );
    assert_eq!(aig_headers(&requests[1]), ["cf-aig-gateway-id: default"]);
}

#[tokio::test]
async fn rest_api_refuses_workers_ai_without_a_gateway_id_and_tags() {
    let server = silent_server().await;
    let ai = rest_ai(&server);
    let error = ai.run::<_, Value>("@cf/meta/m", &chat("hi"), &RunOptions::new().rest_api()).await.unwrap_err();
    let (field, reason) = invalid_field(&error);
    assert_eq!(field, "gateway.id");
    assert!(reason.contains("cf-aig-gateway-id") && reason.contains("@cf/meta/m"), "{reason}");
    let tagged = RunOptions::new().tag("team");
    let error = ai.run::<_, Value>("openai/gpt-5.5", &chat("hi"), &tagged).await.unwrap_err();
    assert_eq!(invalid_field(&error).0, "tags");
    for bad in ["gpt-4o", "dynamic/a/b", "openai/"] {
        let error = ai.run::<_, Value>(bad, &chat("hi"), &RunOptions::new()).await.unwrap_err();
        assert_eq!(invalid_field(&error).0, "model", "{bad}");
    }
}

#[tokio::test]
async fn rest_run_answers_in_every_accepted_envelope() {
    let cases = [
        (r#"{"state":"Completed","result":{"image":"b64"},"provider":"google-vertex-ai"}"#, json!({"image": "b64"})),
        (r#"{"result":{"image":"b64"},"success":true,"errors":[],"messages":[]}"#, json!({"image": "b64"})),
        // No envelope: the provider's own body.
        (r#"{"id":"msg_1","content":[]}"#, json!({"id": "msg_1", "content": []})),
    ];
    for (body, output) in cases {
        let server = MockServer::start().await;
        mount(&server, "POST", RUN, json_answer(200, body)).await;
        let answer = rest_ai(&server).run::<_, Value>("google/nano-banana", &json!({}), &through("gw")).await.unwrap();
        assert_eq!(answer.output, output, "{body}");
    }
}

#[tokio::test]
async fn a_failed_run_api_answer_is_a_typed_error_even_with_status_200() {
    let server = MockServer::start().await;
    let failed = r#"{"state":"Failed","error":{"code":"provider_unavailable","message":"try later"},"model":"google/nano-banana"}"#;
    mount(&server, "POST", RUN, json_answer(200, failed).insert_header("cf-aig-log-id", "L-failed")).await;
    let ai = rest_ai(&server);
    let typed = ai.run::<_, Value>("google/nano-banana", &json!({}), &RunOptions::new()).await.unwrap_err();
    let raw = ai.run_raw("google/nano-banana", &json!({}), &RunOptions::new()).await.unwrap_err();
    for error in [typed, raw] {
        match error {
            Error::UpstreamInference { status, code, name, message, meta } => {
                assert_eq!((status, code, name.as_deref()), (200, None, Some("provider_unavailable")));
                assert_eq!(message, "try later");
                assert_eq!(meta.log_id.as_deref(), Some("L-failed"));
            }
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn rest_run_errors_name_the_gateway_used() {
    let server = MockServer::start().await;
    let not_found = r#"{"success":false,"error":[{"code":2001,"message":"Please configure AI Gateway"}]}"#;
    mount(&server, "POST", RUN, json_answer(400, not_found)).await;
    let ai = rest_ai(&server);
    match ai.run::<_, Value>("openai/gpt-5.5", &chat("hi"), &RunOptions::new()).await.unwrap_err() {
        Error::GatewayNotFound { gateway_id, .. } => assert_eq!(gateway_id, "default"),
        other => panic!("{other:?}"),
    }
    match ai.run::<_, Value>("openai/gpt-5.5", &chat("hi"), &through("mine")).await.unwrap_err() {
        Error::GatewayNotFound { gateway_id, .. } => assert_eq!(gateway_id, "mine"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn rest_run_streams_with_the_flag_inside_input() {
    let server = MockServer::start().await;
    let openai = "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n";
    let anthropic = "event: message_start\ndata: {\"type\":\"message_start\"}\n\nevent: ping\ndata: {\"type\":\"ping\"}\n\n\
                     event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"text\":\"Hi\"}}\n\n\
                     event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    for (model, stream) in [("openai/gpt-5.5", openai), ("anthropic/claude-sonnet-4-5", anthropic)] {
        Mock::given(method("POST"))
            .and(path(RUN))
            .and(wiremock::matchers::body_partial_json(json!({"model": model})))
            .respond_with(ResponseTemplate::new(200).set_body_raw(stream, "text/event-stream"))
            .mount(&server)
            .await;
    }
    let ai = rest_ai(&server);
    let chunks: Vec<Value> =
        ai.run_stream("openai/gpt-5.5", &chat("hi"), &through("gw")).await.unwrap().try_collect_all().await.unwrap();
    let text: String = chunks.iter().filter_map(|c| c["choices"][0]["delta"]["content"].as_str()).collect();
    assert_eq!(text, "Hello");
    // Anthropic models stream Anthropic's events: pings skipped, `message_stop` ends.
    let mut events =
        ai.run_stream::<_, Value>("anthropic/claude-sonnet-4-5", &chat("hi"), &RunOptions::new()).await.unwrap();
    let mut kinds = Vec::new();
    while let Some(event) = events.next().await {
        kinds.push(event.unwrap()["type"].as_str().unwrap().to_owned());
    }
    assert_eq!(kinds, ["message_start", "content_block_delta", "message_stop"]);

    let requests = received(&server).await;
    assert_eq!(
        requests[0].body,
        br#"{"model":"openai/gpt-5.5","input":{"messages":[{"role":"user","content":"hi"}],"stream":true}}"#
    );
    assert_eq!(aig_headers(&requests[0]), ["cf-aig-gateway-id: gw"]);
    assert!(aig_headers(&requests[1]).is_empty());
}

#[tokio::test]
async fn rest_api_options_without_a_gateway_id_use_the_default_gateway() {
    let server = MockServer::start().await;
    mount(&server, "POST", RUN, json_answer(200, r#"{"result":{},"success":true}"#)).await;
    let ai = rest_ai(&server);
    let options = RunOptions::new().gateway(GatewayOptions::default().skip_cache(true));
    ai.run::<_, Value>("xai/grok-3", &chat("hi"), &options).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(aig_headers(&request), ["cf-aig-skip-cache: true"]);
    // Workers AI's legacy URLs still need the id when a gateway is given.
    let error = ai.run::<_, Value>("@cf/meta/m", &chat("hi"), &options).await.unwrap_err();
    assert_eq!(invalid_field(&error).0, "gateway.id");
}
