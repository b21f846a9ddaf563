//! The built-in model declarations, each run over loopback HTTP: the exact
//! request on the wire and the typed response.

#![allow(clippy::too_many_lines, reason = "end-to-end scenarios read best in one piece")]

mod common;

use gateway_core::models::anthropic::{ClaudeSonnet45, ClaudeSonnet45Request};
use gateway_core::models::openai::{Gpt4oMini, Gpt4oMiniReasoningEffort, Gpt4oMiniRequest};
use gateway_core::models::workers_ai::{
    BartLargeCnnRequest, BgeBaseEnV15Pooling, BgeBaseEnV15Request, ChatMessage, DistilbertSst2Request, Llama31Instruct,
    Llama31InstructInput, Llama31InstructRequest, M2m100Request, StableDiffusionXlRequest, WhisperRequest,
};
use gateway_core::{
    Ai, BuiltinProvider, Error, Fallback, Feedback, GatewayExt, GatewayOptions, Metadata, Model, ModelRequest,
    PatchLog, ProviderSlug, RunOptions, UniversalOptions,
};
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};

use common::{LOGS, UNIVERSAL, body_json, envelope, fixture, from_step, json_answer, mount, received, silent_server};

fn ai(server: &MockServer) -> Ai {
    Ai::new(common::rest_config(server, "cf-token")).unwrap()
}

fn direct(model: &str) -> String {
    format!("/client/v4/accounts/acc/ai/run/{model}")
}

/// Typed log metadata for the gateway run below.
#[derive(Debug, gateway_core::Metadata)]
struct RequestTags {
    user: u64,
    #[metadata(rename = "team")]
    team_name: String,
    beta: bool,
}

/// Accepts every patch of log `log_id` of `my-gateway` (feedback, score, metadata).
async fn accept_patches_of(server: &MockServer, log_id: &str) {
    let accepted = ResponseTemplate::new(200).set_body_json(json!({"result": {}, "success": true}));
    mount(server, "PATCH", &format!("{LOGS}/{log_id}"), accepted).await;
}

#[tokio::test]
async fn llama_direct_and_through_gateway_with_feedback() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        &direct(Llama31Instruct::ID),
        json_answer(200, fixture("workers-ai-run-usage.response.json")),
    )
    .await;
    mount(
        &server,
        "POST",
        &format!("/v1/acc/my-gateway/workers-ai/{}", Llama31Instruct::ID),
        envelope(&json!({"response": "Hello from the gateway"}))
            .insert_header("cf-aig-log-id", "log-42")
            .insert_header("cf-aig-cache-status", "MISS"),
    )
    .await;
    accept_patches_of(&server, "log-42").await;
    let ai = ai(&server);

    let request = Llama31InstructRequest::new(Llama31InstructInput::Prompt("Hi".into())).max_tokens(64).seed(7);
    let result = ai.run_model(&request, &RunOptions::new()).await.unwrap();
    assert_eq!(result.response.response.as_deref(), Some("Generated text response from the model"));
    assert_eq!(result.response.usage.unwrap().total_tokens, 257);
    assert!(result.response.tool_calls.is_empty());
    // A direct run has no gateway log to patch.
    assert!(matches!(result.feedback(Feedback::Positive).await, Err(Error::InvalidInput { .. })));

    let chat = Llama31InstructRequest::new(Llama31InstructInput::Messages(vec![
        ChatMessage::system("Be brief."),
        ChatMessage::user("Hi"),
    ]))
    .temperature(0.2);
    let tags = RequestTags { user: 12_345, team_name: "search".into(), beta: true };
    let options = RunOptions::new().gateway(GatewayOptions::new("my-gateway").cache_ttl(600).metadata(&tags));
    let result = ai.run_model(&chat, &options).await.unwrap();
    assert_eq!(result.response.response.as_deref(), Some("Hello from the gateway"));
    assert_eq!(result.log_id(), Some("log-42"));
    result.feedback(Feedback::Positive).await.unwrap();
    result.patch_log(&PatchLog::new().score(80).metadata(Metadata::new().with("reviewed", true))).await.unwrap();

    let sent = received(&server).await;
    assert_eq!(body_json(&sent[0]), json!({"prompt": "Hi", "max_tokens": 64, "seed": 7}));
    // Defaults (`temperature` 0.6) are the model's own: not sent unless set.
    assert_eq!(sent[0].body, br#"{"prompt":"Hi","max_tokens":64,"seed":7}"#);
    assert_eq!(
        body_json(&sent[1]),
        json!({"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
               "temperature": 0.2})
    );
    assert_eq!(
        sent[1].headers.get("cf-aig-metadata").unwrap().to_str().unwrap(),
        r#"{"user":12345,"team":"search","beta":true}"#
    );
    assert_eq!(sent[2].body, br#"{"feedback":1}"#);
    assert_eq!(sent[3].body, br#"{"score":80,"metadata":{"reviewed":true}}"#);
}

/// A request builder, the field it gets wrong, and the reason given.
type Case = (Box<dyn Fn() -> Llama31InstructRequest>, &'static str, &'static str);

#[tokio::test]
async fn limits_are_checked_before_sending() {
    let server = silent_server().await;
    let ai = ai(&server);
    let cases: Vec<Case> = vec![
        (
            Box::new(|| Llama31InstructRequest::new(Llama31InstructInput::Prompt("x".into())).temperature(5.5)),
            "temperature",
            "must be between 0 and 5, got 5.5",
        ),
        (
            Box::new(|| Llama31InstructRequest::new(Llama31InstructInput::Prompt(String::new()))),
            "prompt",
            "length must be between 1 and 131072, got 0",
        ),
        (
            Box::new(|| Llama31InstructRequest::new(Llama31InstructInput::Messages(vec![]))),
            "messages",
            "length must be at least 1, got 0",
        ),
        (
            Box::new(|| Llama31InstructRequest::new(Llama31InstructInput::Prompt("x".into())).top_k(51u32)),
            "top_k",
            "must be between 1 and 50, got 51",
        ),
        (
            Box::new(|| Llama31InstructRequest::new(Llama31InstructInput::Prompt("x".into())).seed(0u64)),
            "seed",
            "must be between 1 and 9999999999, got 0",
        ),
    ];
    for (build, field, reason) in cases {
        let err = ai.run_model(&build(), &RunOptions::new()).await.unwrap_err();
        match err {
            Error::InvalidInput { field: f, reason: r } => assert_eq!((f.as_str(), r.as_str()), (field, reason)),
            other => panic!("{other:?}"),
        }
    }
    let too_many = BgeBaseEnV15Request::new(vec!["x".to_owned(); 101]);
    assert!(matches!(too_many.validate(), Err(Error::InvalidInput { ref field, .. }) if field == "text"));
}

#[tokio::test]
async fn workers_ai_task_families() {
    let server = MockServer::start().await;
    for (model, answer) in [
        ("@cf/baai/bge-base-en-v1.5", json_answer(200, fixture("workers-ai-embeddings.response.json"))),
        (
            "@cf/huggingface/distilbert-sst-2-int8",
            envelope(&json!([{"label": "NEGATIVE", "score": 0.01}, {"label": "POSITIVE", "score": 0.99}])),
        ),
        ("@cf/facebook/bart-large-cnn", envelope(&json!({"summary": "Short."}))),
        ("@cf/meta/m2m100-1.2b", envelope(&json!({"translated_text": "Bonjour"}))),
        (
            "@cf/stabilityai/stable-diffusion-xl-base-1.0",
            ResponseTemplate::new(200).set_body_raw(b"\x89PNG\r\n\x1a\nfake".to_vec(), "image/png"),
        ),
        (
            "@cf/openai/whisper",
            envelope(&json!({"text": "hello world", "word_count": 2,
                            "words": [{"word": "hello", "start": 0.0, "end": 0.4}, {"word": "world", "start": 0.5, "end": 0.9}]})),
        ),
    ] {
        mount(&server, "POST", &direct(model), answer).await;
    }
    let ai = ai(&server);
    let none = RunOptions::new();

    let embeddings = ai
        .run_model(
            &BgeBaseEnV15Request::new(vec!["What is Cloudflare?".to_owned()]).pooling(BgeBaseEnV15Pooling::Cls),
            &none,
        )
        .await
        .unwrap()
        .into_response();
    assert_eq!((embeddings.shape, embeddings.data[0].len()), (vec![1, 3], 3));
    assert_eq!(embeddings.pooling_used.as_deref(), Some("mean"));

    let labels = ai.run_model(&DistilbertSst2Request::new("I love it"), &none).await.unwrap().into_response();
    assert_eq!(labels.labels[1].label.as_deref(), Some("POSITIVE"));

    let summary = ai.run_model(&BartLargeCnnRequest::new("A long text."), &none).await.unwrap().into_response();
    assert_eq!(summary.summary, "Short.");

    let french = ai.run_model(&M2m100Request::new("Hello", "fr"), &none).await.unwrap().into_response();
    assert_eq!(french.translated_text.as_deref(), Some("Bonjour"));

    let image = ai
        .run_model(&StableDiffusionXlRequest::new("a cat").width(512u32).height(512u32), &none)
        .await
        .unwrap()
        .into_response();
    assert_eq!(image.content_type.as_deref(), Some("image/png"));
    assert!(image.bytes.starts_with(b"\x89PNG"));
    let bad = StableDiffusionXlRequest::new("a cat").width(100u32);
    assert!(ai.run_model(&bad, &none).await.is_err());

    let speech = ai.run_model(&WhisperRequest::new(b"RIFF".to_vec()), &none).await.unwrap().into_response();
    assert_eq!(speech.text, "hello world");
    assert_eq!(speech.words.unwrap()[1].word, "world");

    let sent: Vec<Value> = received(&server).await.iter().map(body_json).collect();
    assert_eq!(
        sent,
        [
            json!({"text": ["What is Cloudflare?"], "pooling": "cls"}),
            json!({"text": "I love it"}),
            json!({"input_text": "A long text."}),
            json!({"text": "Hello", "target_lang": "fr"}),
            json!({"prompt": "a cat", "height": 512, "width": 512}),
            json!({"audio": [82, 73, 70, 70]}),
        ]
    );
}

#[tokio::test]
async fn openai_and_anthropic_through_the_gateway() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/v1/acc/my-gateway/openai/chat/completions", ResponseTemplate::new(200).insert_header("cf-aig-log-id", "oa-1").set_body_json(json!({
            "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-mini-2024-07-18",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi!", "refusal": null}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}, "system_fingerprint": "fp"
        }))).await;
    mount(
        &server,
        "POST",
        "/v1/acc/my-gateway/anthropic/v1/messages",
        ResponseTemplate::new(200).set_body_json(json!({
            "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
            "content": [{"type": "text", "text": "Hello!"}], "stop_reason": "end_turn",
            "usage": {"input_tokens": 9, "output_tokens": 3}
        })),
    )
    .await;
    let ai = ai(&server);
    let gateway = ai.gateway("my-gateway");
    let openai = BuiltinProvider::openai("sk-openai");
    let anthropic = BuiltinProvider::anthropic("sk-ant");

    let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi")])
        .temperature(0.2)
        .reasoning_effort(Gpt4oMiniReasoningEffort::Low);
    let result = gateway.run_model(&openai, &request, &UniversalOptions::new()).await.unwrap();
    assert_eq!(result.response.choices[0].message.content.as_deref(), Some("Hi!"));
    assert_eq!(result.response.answered_by, "gpt-4o-mini-2024-07-18");
    assert_eq!(result.log_id(), Some("oa-1"));

    let request = ClaudeSonnet45Request::new(100u32, vec![ChatMessage::user("Hi")]).system("Be brief.");
    let result = gateway.run_model(&anthropic, &request, &UniversalOptions::new()).await.unwrap();
    assert_eq!(result.response.content[0].text.as_deref(), Some("Hello!"));
    assert_eq!(result.response.usage.unwrap().output_tokens, 3);

    let sent = received(&server).await;
    assert_eq!(
        sent[0].body,
        br#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"temperature":0.2,"reasoning_effort":"low"}"#
    );
    assert_eq!(sent[0].headers.get("authorization").unwrap(), "Bearer sk-openai");
    assert_eq!(
        body_json(&sent[1]),
        json!({"model": "claude-sonnet-4-5", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}], "system": "Be brief."})
    );
    assert_eq!(sent[1].headers.get("x-api-key").unwrap(), "sk-ant");
    assert_eq!(sent[1].headers.get("anthropic-version").unwrap(), "2023-06-01");

    // The wrong provider is refused before sending. (`Ai::run_model` runs
    // this model over the REST API's `/ai/v1/messages`: tests/rest_api.rs.)
    let err = gateway.run_model(&openai, &request, &UniversalOptions::new()).await.unwrap_err();
    assert!(err.to_string().contains("served by `anthropic`, not `openai`"), "{err}");
    assert_eq!(received(&server).await.len(), 2);
    assert_eq!(ClaudeSonnet45::provider(), ProviderSlug::Anthropic);
}

/// A gateway shared as `Arc<dyn Gateway>` is still the HTTP one underneath:
/// typed requests go out byte for byte as through the handle, and results
/// patch the log of that gateway.
#[tokio::test]
async fn a_shared_gateway_sends_typed_requests_as_the_handle_does() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/v1/acc/my-gateway/openai/chat/completions",
        ResponseTemplate::new(200).insert_header("cf-aig-log-id", "oa-2").set_body_json(json!({
            "id": "chatcmpl-2", "object": "chat.completion", "model": "gpt-4o-mini",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi!"}, "finish_reason": "stop"}]
        })),
    )
    .await;
    accept_patches_of(&server, "oa-2").await;
    let ai = ai(&server);
    let handle = ai.gateway("my-gateway");
    let shared: std::sync::Arc<dyn gateway_core::Gateway> = std::sync::Arc::new(ai.gateway("my-gateway"));
    let openai = BuiltinProvider::openai("sk-openai");
    let request = Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi \"there\"")]).temperature(0.5);

    let direct = handle.run_model(&openai, &request, &UniversalOptions::new()).await.unwrap();
    let through_arc = shared.run_model(&openai, &request, &UniversalOptions::new()).await.unwrap();
    assert_eq!(through_arc.response.choices[0].message.content.as_deref(), Some("Hi!"));
    assert_eq!((direct.log_id(), through_arc.log_id()), (Some("oa-2"), Some("oa-2")));
    through_arc.feedback(Feedback::Positive).await.unwrap();

    let sent = received(&server).await;
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0].body, sent[1].body);
    assert_eq!(
        sent[0].body,
        br#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi \"there\""}],"temperature":0.5}"#
    );
    assert_eq!(sent[1].headers.get("authorization").unwrap(), "Bearer sk-openai");
    assert_eq!(sent[2].url.path(), format!("{LOGS}/oa-2"));
    assert_eq!(sent[2].body, br#"{"feedback":1}"#);
}

#[tokio::test]
async fn a_fallback_list_mixes_models_of_different_providers() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        UNIVERSAL,
        from_step(1).insert_header("cf-aig-log-id", "fb-1").set_body_json(json!({"id": "c", "model": "gpt-4o-mini",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": "from step 1"}}]})),
    )
    .await;
    accept_patches_of(&server, "fb-1").await;
    let ai = ai(&server);
    let gateway = ai.gateway("my-gateway");
    let llama = Llama31InstructRequest::new(Llama31InstructInput::Prompt("Hi".into()));
    let gpt = Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi")]);
    let fallback = Fallback::new()
        .then(&BuiltinProvider::workers_ai("cf-key"), &llama)
        .unwrap()
        .then(&BuiltinProvider::openai("sk"), &gpt)
        .unwrap();
    assert_eq!(fallback.models(), ["@cf/meta/llama-3.1-8b-instruct-fp8", "gpt-4o-mini"]);
    let result = gateway.run_fallback(fallback, &UniversalOptions::new()).await.unwrap();
    assert_eq!((result.step, result.model), (1, "gpt-4o-mini"));
    assert!(result.answered_by::<Gpt4oMini>());
    let typed = result.decode::<Gpt4oMini>().unwrap();
    assert_eq!(typed.response.choices[0].message.content.as_deref(), Some("from step 1"));
    let wrong = result.decode::<Llama31Instruct>().unwrap_err();
    assert!(wrong.to_string().contains("step 1 was answered by `gpt-4o-mini`"), "{wrong}");
    typed.feedback(Feedback::Negative).await.unwrap();

    let sent = received(&server).await;
    assert_eq!(
        body_json(&sent[0]),
        json!([
            {"provider": "workers-ai", "endpoint": "@cf/meta/llama-3.1-8b-instruct-fp8",
             "headers": {"Authorization": "Bearer cf-key", "Content-Type": "application/json"},
             "query": {"prompt": "Hi"}},
            {"provider": "openai", "endpoint": "chat/completions",
             "headers": {"Authorization": "Bearer sk", "Content-Type": "application/json"},
             "query": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]}}
        ])
    );
    assert_eq!(sent[1].body, br#"{"feedback":-1}"#);
    // A provider that does not serve the model cannot join the list: a typed
    // step does not compile (tests/ui/fail/fallback_provider_of_another_kind.rs),
    // an untyped one is refused when it is built.
    let err = Fallback::new().then_dyn(&BuiltinProvider::openai("sk"), &llama).unwrap_err();
    assert!(err.to_string().contains("is served by `workers-ai`, not `openai`"), "{err}");
    let untyped = BuiltinProvider::new(ProviderSlug::WorkersAi).with_api_key("cf-key");
    assert_eq!(Fallback::new().then_dyn(&untyped, &llama).unwrap().models(), [Llama31Instruct::ID]);
}
