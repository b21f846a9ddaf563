//! The REST API's OpenAI- and Anthropic-format endpoints (`/ai/v1/*`,
//! `cloudflare-2026.md` §1.6), plain and streamed, and the typed
//! declarations that run over them: the exact bytes sent and the decoding.

mod common;

use gateway_core::models::anthropic::{ClaudeSonnet45, ClaudeSonnet45Request, MessageEvent};
use gateway_core::models::openai::{
    ChatCompletion, ChatCompletionChunk, Gpt4oMini, Gpt4oMiniRequest, Gpt41MiniResponses, Gpt41MiniResponsesRequest,
    ResponseEvent,
};
use gateway_core::models::workers_ai::ChatMessage;
use gateway_core::rest_api::V1Endpoint;
use gateway_core::{Ai, Error, GatewayOptions, Model, ModelRequest, RunOptions, StreamProtocol, StreamingModel};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use common::{
    aig_headers, binding_config, body_json, header, json_answer, mount, only_request, received, rest_ai, silent_server,
    through,
};

const V1: &str = "/client/v4/accounts/acc/ai/v1";

/// Answers POSTs to `{V1}/{endpoint}` with `answer`.
async fn mount_v1(server: &MockServer, endpoint: &str, answer: ResponseTemplate) {
    mount(server, "POST", &format!("{V1}/{endpoint}"), answer).await;
}

/// Answers POSTs to `{V1}/{endpoint}`: `stream` (as SSE) when the body asks
/// to stream, `plain` otherwise.
async fn mount_plain_and_streamed(server: &MockServer, endpoint: &str, plain: ResponseTemplate, stream: &str) {
    Mock::given(method("POST"))
        .and(path(format!("{V1}/{endpoint}")))
        .and(wiremock::matchers::body_partial_json(json!({"stream": true})))
        .respond_with(sse(stream))
        .mount(server)
        .await;
    mount_v1(server, endpoint, plain).await;
}

/// Runs typed `request` as a stream (default options) and collects every chunk.
async fn stream_all<R>(ai: &Ai, request: &R) -> Vec<<R::Model as StreamingModel>::Chunk>
where
    R: ModelRequest,
    R::Model: StreamingModel,
{
    ai.run_model_stream(request, &RunOptions::new()).await.unwrap().try_collect_all().await.unwrap()
}

fn sse(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("cf-aig-log-id", "stream-1")
        .set_body_raw(body.to_owned(), "text/event-stream")
}

const COMPLETION: &str = r#"{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-5.5","choices":[{"index":0,"message":{"role":"assistant","content":"Cloudflare is…"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}"#;

const CHAT_STREAM: &str = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n\
                           data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n\
                           data: [DONE]\n\n";

const RESPONSE: &str = r#"{"id":"resp_1","object":"response","status":"completed","model":"gpt-4.1-mini","output":[{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"Hello","annotations":[]},{"type":"output_text","text":" there"}]}],"usage":{"input_tokens":4,"output_tokens":2,"total_tokens":6}}"#;

const RESPONSES_STREAM: &str = "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\"}}\n\n\
    event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{}}\n\n\
    event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\"}\n\n\
    event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"lo\"}\n\n\
    event: response.output_text.done\ndata: {\"type\":\"response.output_text.done\",\"item_id\":\"msg_1\",\"text\":\"Hello\"}\n\n\
    event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\"}}\n\n";

const MESSAGE: &str = r#"{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","usage":{"input_tokens":9,"output_tokens":3}}"#;

const MESSAGES_STREAM: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}\n\n\
    event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n\
    event: ping\ndata: {\"type\":\"ping\"}\n\n\
    event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n\
    event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n\
    event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}\n\n\
    event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

#[tokio::test]
async fn chat_completions_plain_and_streamed() {
    let server = MockServer::start().await;
    mount_plain_and_streamed(
        &server,
        "chat/completions",
        json_answer(200, COMPLETION).insert_header("cf-aig-log-id", "L-chat"),
        CHAT_STREAM,
    )
    .await;
    let ai = rest_ai(&server);
    // §1.6's documented request.
    let body = json!({"model": "openai/gpt-5.5", "messages": [{"role": "user", "content": "What is Cloudflare?"}]});
    let answer = ai.v1().chat_completions::<_, ChatCompletion>(&body, &RunOptions::new()).await.unwrap();
    assert_eq!(answer.output.choices[0].message.content.as_deref(), Some("Cloudflare is…"));
    assert_eq!(answer.output.usage.unwrap().total_tokens, 8);
    assert_eq!(answer.log_id(), Some("L-chat"));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("L-chat"));

    let options = through("my-gateway").extra_header("x-trace", "t1");
    let chunks = ai.v1().chat_completions_stream::<_, ChatCompletionChunk>(&body, &options).await.unwrap();
    assert_eq!(chunks.meta.log_id.as_deref(), Some("stream-1"));
    let chunks = chunks.try_collect_all().await.unwrap();
    let text: String = chunks.iter().filter_map(|c| c.choices[0].delta.content.as_deref()).collect();
    assert_eq!(text, "Hello");

    let requests = received(&server).await;
    assert_eq!(
        requests[0].body,
        br#"{"model":"openai/gpt-5.5","messages":[{"role":"user","content":"What is Cloudflare?"}]}"#
    );
    assert_eq!(header(&requests[0], "authorization"), Some("Bearer cf-token"));
    assert_eq!(header(&requests[0], "content-type"), Some("application/json"));
    assert!(aig_headers(&requests[0]).is_empty(), "the default gateway; no gateway token");
    assert_eq!(
        requests[1].body,
        br#"{"model":"openai/gpt-5.5","messages":[{"role":"user","content":"What is Cloudflare?"}],"stream":true}"#
    );
    assert_eq!(aig_headers(&requests[1]), ["cf-aig-gateway-id: my-gateway"]);
    assert_eq!(header(&requests[1], "x-trace"), Some("t1"));
}

#[tokio::test]
async fn responses_plain_and_streamed() {
    let server = MockServer::start().await;
    mount_plain_and_streamed(&server, "responses", json_answer(200, RESPONSE), RESPONSES_STREAM).await;
    let ai = rest_ai(&server);
    let body = json!({"model": "openai/gpt-4.1-mini", "input": "Say hello"});
    let options = RunOptions::new().gateway(GatewayOptions::new("gw").cache_ttl(60));
    let answer = ai.v1().responses::<_, Value>(&body, &options).await.unwrap();
    assert_eq!(answer.output["output"][0]["content"][0]["text"], "Hello");

    let events: Vec<ResponseEvent> =
        ai.v1().responses_stream(&body, &options).await.unwrap().try_collect_all().await.unwrap();
    let text: String = events.iter().filter_map(ResponseEvent::text).collect();
    assert_eq!(text, "Hello");
    assert!(matches!(events.first(), Some(ResponseEvent::Created { .. })), "{events:?}");
    assert!(matches!(events.last(), Some(ResponseEvent::Completed { .. })), "{events:?}");
    assert_eq!(events.len(), 6);

    let requests = received(&server).await;
    assert_eq!(requests[0].body, br#"{"model":"openai/gpt-4.1-mini","input":"Say hello"}"#);
    assert_eq!(aig_headers(&requests[0]), ["cf-aig-cache-ttl: 60", "cf-aig-gateway-id: gw"]);
    assert_eq!(requests[1].body, br#"{"model":"openai/gpt-4.1-mini","input":"Say hello","stream":true}"#);
}

#[tokio::test]
async fn a_responses_stream_without_its_terminal_event_is_truncated() {
    let server = MockServer::start().await;
    let cut = RESPONSES_STREAM.split("event: response.completed").next().unwrap();
    mount_v1(&server, "responses", sse(cut)).await;
    let body = json!({"model": "openai/gpt-4.1-mini", "input": "x"});
    let result = rest_ai(&server).v1().responses_stream::<_, ResponseEvent>(&body, &RunOptions::new()).await.unwrap();
    match result.try_collect_all().await.unwrap_err() {
        Error::StreamTruncated { chunks } => assert_eq!(chunks, 5),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn messages_plain_and_streamed() {
    let server = MockServer::start().await;
    mount_plain_and_streamed(&server, "messages", json_answer(200, MESSAGE), MESSAGES_STREAM).await;
    let ai = rest_ai(&server);
    // §1.6's documented Anthropic request.
    let body = json!({"model": "anthropic/claude-sonnet-4-5", "max_tokens": 512,
        "messages": [{"role": "user", "content": "What is Cloudflare?"}]});
    let answer = ai.v1().messages::<_, Value>(&body, &RunOptions::new()).await.unwrap();
    assert_eq!(answer.output["content"][0]["text"], "Hello!");
    let events: Vec<MessageEvent> =
        ai.v1().messages_stream(&body, &RunOptions::new()).await.unwrap().try_collect_all().await.unwrap();
    assert_eq!(events.iter().filter_map(MessageEvent::text).collect::<String>(), "Hi");
    assert_eq!(events.last(), Some(&MessageEvent::MessageStop));

    let requests = received(&server).await;
    assert_eq!(
        requests[0].body,
        br#"{"model":"anthropic/claude-sonnet-4-5","max_tokens":512,"messages":[{"role":"user","content":"What is Cloudflare?"}]}"#
    );
    assert_eq!(header(&requests[0], "authorization"), Some("Bearer cf-token"));
    assert!(header(&requests[0], "x-api-key").is_none());
}

#[tokio::test]
async fn bad_v1_calls_are_refused_before_sending() {
    let server = silent_server().await;
    let ai = rest_ai(&server);
    let field = |error: Error| match error {
        Error::InvalidInput { field, reason } => (field, reason),
        other => panic!("{other:?}"),
    };
    let (name, reason) = field(
        ai.v1().send(V1Endpoint::ChatCompletions, &json!({"messages": []}), &RunOptions::new()).await.unwrap_err(),
    );
    assert_eq!(name, "model", "{reason}");
    let workers_ai = json!({"model": "@cf/meta/llama-3.1-8b-instruct", "messages": []});
    let (name, reason) =
        field(ai.v1().send(V1Endpoint::ChatCompletions, &workers_ai, &RunOptions::new()).await.unwrap_err());
    assert_eq!(name, "gateway.id");
    assert!(reason.contains("cf-aig-gateway-id"), "{reason}");
    let (name, _) =
        field(ai.v1().send(V1Endpoint::Responses, &json!({"model": "gpt 5"}), &RunOptions::new()).await.unwrap_err());
    assert_eq!(name, "model");
    let tagged = RunOptions::new().tag("t");
    let (name, _) =
        field(ai.v1().send_stream(V1Endpoint::Messages, &json!({"model": "anthropic/x"}), &tagged).await.unwrap_err());
    assert_eq!(name, "tags");
    // The binding protocol has no `/ai/v1`.
    let binding = Ai::new(binding_config(&server)).unwrap();
    let (name, reason) = field(
        binding
            .v1()
            .send(V1Endpoint::ChatCompletions, &json!({"model": "openai/gpt-5.5"}), &through("gw"))
            .await
            .unwrap_err(),
    );
    assert_eq!(name, "transport");
    assert!(reason.contains("/ai/v1/chat/completions"), "{reason}");
}

#[tokio::test]
async fn v1_errors_are_classified() {
    let server = MockServer::start().await;
    let openai_error =
        r#"{"error":{"message":"Unsupported value: 'temperature'","type":"invalid_request_error","code":null}}"#;
    mount_v1(&server, "chat/completions", json_answer(400, openai_error).insert_header("cf-aig-log-id", "L-bad")).await;
    let ai = rest_ai(&server);
    let body = json!({"model": "openai/gpt-5.5", "messages": []});
    match ai.v1().chat_completions::<_, Value>(&body, &RunOptions::new()).await.unwrap_err() {
        Error::UpstreamInference { status, name, message, meta, .. } => {
            assert_eq!((status, name.as_deref()), (400, Some("invalid_request_error")));
            assert!(message.contains("temperature"), "{message}");
            assert_eq!(meta.log_id.as_deref(), Some("L-bad"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("L-bad"));
    let error = ai.v1().chat_completions_stream::<_, Value>(&body, &RunOptions::new()).await.unwrap_err();
    assert_eq!(error.status(), Some(400));
}

#[test]
fn declarations_map_onto_the_rest_api_and_stream_as_it_does() {
    assert_eq!(<Gpt4oMini as StreamingModel>::PROTOCOL, StreamProtocol::DoneSentinel);
    assert_eq!(<Gpt41MiniResponses as StreamingModel>::PROTOCOL, StreamProtocol::ResponsesEvents);
    assert_eq!(<ClaudeSonnet45 as StreamingModel>::PROTOCOL, StreamProtocol::AnthropicEvents);
    for (provider, endpoint, v1) in [
        (Gpt4oMini::provider(), Gpt4oMini::endpoint(), V1Endpoint::ChatCompletions),
        (Gpt41MiniResponses::provider(), Gpt41MiniResponses::endpoint(), V1Endpoint::Responses),
        (ClaudeSonnet45::provider(), ClaudeSonnet45::endpoint(), V1Endpoint::Messages),
    ] {
        assert_eq!(V1Endpoint::of_declaration(provider.as_str(), endpoint), Some(v1));
    }
}

#[tokio::test]
async fn typed_declarations_run_over_v1_with_their_catalog_names() {
    let server = MockServer::start().await;
    mount_v1(&server, "chat/completions", json_answer(200, COMPLETION).insert_header("cf-aig-log-id", "L-typed")).await;
    mount_v1(&server, "responses", json_answer(200, RESPONSE)).await;
    mount_v1(&server, "messages", json_answer(200, MESSAGE)).await;
    let log = "/client/v4/accounts/acc/ai-gateway/gateways/default/logs/L-typed";
    mount(&server, "PATCH", log, json_answer(200, r#"{"result":{},"success":true}"#)).await;
    let ai = rest_ai(&server);

    let chat = Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi")]).temperature(0.2);
    let result = ai.run_model(&chat, &RunOptions::new()).await.unwrap();
    assert_eq!(result.response.choices[0].message.content.as_deref(), Some("Cloudflare is…"));
    // No gateway named: the log is in the default gateway.
    result.feedback(gateway_core::Feedback::Positive).await.unwrap();

    let request = Gpt41MiniResponsesRequest::new("Say hello").max_output_tokens(64u32);
    let result = ai.run_model(&request, &through("gw")).await.unwrap();
    assert_eq!(result.response.output_text(), "Hello there");
    assert_eq!(result.response.usage.unwrap().output_tokens, 2);

    let claude = ClaudeSonnet45Request::new(100u32, vec![ChatMessage::user("Hi")]);
    let result = ai.run_model(&claude, &RunOptions::new()).await.unwrap();
    assert_eq!(result.response.content[0].text.as_deref(), Some("Hello!"));

    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    assert_eq!(
        requests[0].body,
        br#"{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"temperature":0.2}"#
    );
    assert_eq!(requests[1].url.path(), log);
    assert_eq!(requests[2].body, br#"{"model":"openai/gpt-4.1-mini","input":"Say hello","max_output_tokens":64}"#);
    assert_eq!(aig_headers(&requests[2]), ["cf-aig-gateway-id: gw"]);
    assert_eq!(
        body_json(&requests[3]),
        json!({"model": "anthropic/claude-sonnet-4-5", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]})
    );
    // Unified Billing: the API token only, no provider key.
    for request in [&requests[0], &requests[2], &requests[3]] {
        assert_eq!(header(request, "authorization"), Some("Bearer cf-token"));
        assert!(header(request, "x-api-key").is_none() && header(request, "cf-aig-authorization").is_none());
    }
}

#[tokio::test]
async fn typed_declarations_stream_over_v1() {
    let server = MockServer::start().await;
    mount_v1(&server, "chat/completions", sse(CHAT_STREAM)).await;
    mount_v1(&server, "responses", sse(RESPONSES_STREAM)).await;
    mount_v1(&server, "messages", sse(MESSAGES_STREAM)).await;
    let ai = rest_ai(&server);
    let chunks = stream_all(&ai, &Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi")])).await;
    assert_eq!(chunks.iter().filter_map(|c| c.choices[0].delta.content.as_deref()).collect::<String>(), "Hello");
    let events = stream_all(&ai, &Gpt41MiniResponsesRequest::new("Say hello")).await;
    assert_eq!(events.iter().filter_map(ResponseEvent::text).collect::<String>(), "Hello");
    let events = stream_all(&ai, &ClaudeSonnet45Request::new(10u32, vec![ChatMessage::user("Hi")])).await;
    assert_eq!(events.iter().filter_map(MessageEvent::text).collect::<String>(), "Hi");

    let requests = received(&server).await;
    assert_eq!(
        requests[0].body,
        br#"{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"stream":true}"#
    );
    assert_eq!(requests[1].body, br#"{"model":"openai/gpt-4.1-mini","input":"Say hello","stream":true}"#);
    assert_eq!(requests[2].url.path(), format!("{V1}/messages"));
}

#[tokio::test]
async fn typed_catalog_declarations_run_over_the_binding_with_a_gateway() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/ai-gateway/run", json_answer(200, COMPLETION)).await;
    let ai = Ai::new(binding_config(&server)).unwrap();
    let chat = Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi")]);
    let error = ai.run_model(&chat, &RunOptions::new()).await.unwrap_err();
    assert!(matches!(error, Error::InvalidInput { ref field, .. } if field == "gateway.id"), "{error:?}");
    let result = ai.run_model(&chat, &through("gw")).await.unwrap();
    assert_eq!(result.response.id, "chatcmpl-1");
    let request = only_request(&server).await;
    assert_eq!(header(&request, "cf-consn-model-id"), Some("openai/gpt-4o-mini"));
    assert_eq!(
        request.body,
        br#"{"inputs":{"messages":[{"role":"user","content":"Hi"}]},"options":{"gateway":{"id":"gw"}}}"#
    );
}

/// An OpenAI endpoint the REST API does not serve.
#[derive(Debug, Model)]
#[model(id = "text-embedding-3-small", provider = "openai", endpoint = "embeddings")]
struct Embeddings {
    input: String,
    #[model(output)]
    data: Vec<Value>,
}

#[tokio::test]
async fn declarations_the_rest_api_does_not_serve_are_refused() {
    let server = silent_server().await;
    let error = rest_ai(&server).run_model(&EmbeddingsRequest::new("x"), &RunOptions::new()).await.unwrap_err();
    match error {
        Error::InvalidInput { field, reason } => {
            assert_eq!(field, "provider");
            assert!(reason.contains("`text-embedding-3-small` is served by `openai` at `embeddings`"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_responses_stream_without_event_names_ends_at_its_terminal_type() {
    let server = MockServer::start().await;
    // Only `data:` lines; the event type is read from the data. Nothing after
    // `response.incomplete` is read.
    let stream = "data: {\"type\":\"response.created\",\"response\":{}}\n\n\
                  data: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}\n\n\
                  data: {\"type\":\"response.incomplete\",\"response\":{}}\n\n\
                  data: {\"type\":\"response.output_text.delta\",\"delta\":\" never\"}\n\n";
    mount_v1(&server, "responses", sse(stream)).await;
    let body = json!({"model": "openai/gpt-4.1-mini", "input": "x"});
    let events: Vec<ResponseEvent> = rest_ai(&server)
        .v1()
        .responses_stream(&body, &RunOptions::new())
        .await
        .unwrap()
        .try_collect_all()
        .await
        .unwrap();
    assert_eq!(events.iter().filter_map(ResponseEvent::text).collect::<String>(), "Hi");
    assert!(matches!(events.last(), Some(ResponseEvent::Incomplete { .. })), "{events:?}");
}

#[tokio::test]
async fn typed_results_in_the_run_api_envelope_are_unwrapped() {
    use gateway_core::models::workers_ai::{Llama31InstructInput, Llama31InstructRequest};
    let server = MockServer::start().await;
    let wrapped = format!(r#"{{"state":"Completed","result":{COMPLETION},"provider":"openai"}}"#);
    mount(&server, "POST", "/ai-gateway/run", json_answer(200, wrapped)).await;
    let binding = Ai::new(binding_config(&server)).unwrap();
    let chat = Gpt4oMiniRequest::new(vec![ChatMessage::user("Hi")]);
    let result = binding.run_model(&chat, &through("gw")).await.unwrap();
    assert_eq!(result.response.choices[0].message.content.as_deref(), Some("Cloudflare is…"));

    // A Workers AI declaration sent through the REST API's `/ai/run`.
    let rest = MockServer::start().await;
    let answer = r#"{"state":"Completed","result":{"response":"hi there"}}"#;
    mount(&rest, "POST", "/client/v4/accounts/acc/ai/run", json_answer(200, answer)).await;
    let llama = Llama31InstructRequest::new(Llama31InstructInput::Prompt("Hi".into()));
    let result = rest_ai(&rest).run_model(&llama, &through("default").rest_api()).await.unwrap();
    assert_eq!(result.response.response.as_deref(), Some("hi there"));
    let request = only_request(&rest).await;
    assert_eq!(body_json(&request)["model"], "@cf/meta/llama-3.1-8b-instruct-fp8");
    assert_eq!(body_json(&request)["input"]["prompt"], "Hi");
    assert_eq!(aig_headers(&request), ["cf-aig-gateway-id: default"]);
}
